#pragma once
// The trainee's own words at a choice: a text field under the options, in the session and drill
// screens (docs/window.md). Enter hears the words (app::hear); when the coder is unsure, the
// trainee keeps them as heard or says what they meant before they are played, and the correction
// is recorded ("say as CODE: TEXT"), as at the terminal.
#include "ui/app_state.hpp"
#include "ui/keyboard.hpp"

#include <functional>

namespace holdspace::ui {

// Plays a heard typed response at the open choice; false when it did not apply.
using PlayTyped = std::function<bool(const TraineeAction&)>;

// Draws the field, or while the coder is unsure, the choice of how to hear it. Claims the
// keyboard while the field has focus, so the option and action keys do not fire while typing.
void typed_response_field(App& app, const Keys& keys, const Session& session, const PlayTyped& play);

}  // namespace holdspace::ui
