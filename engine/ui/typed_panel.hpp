#pragma once
// The trainee's own words at a choice: a text field under the options (docs/window.md).
#include "ui/app_state.hpp"

namespace holdspace::ui {

// Draws the field; Enter says what was typed (App::say). Claims the keyboard while it has focus,
// so the option and action keys do not fire while typing.
void typed_response_field(App& app);

}  // namespace holdspace::ui
