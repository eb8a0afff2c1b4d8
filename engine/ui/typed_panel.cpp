// The trainee's own words at a choice (typed_panel.hpp).
#include "ui/typed_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace holdspace::ui {

void typed_response_field(App& app) {
    ImGui::Spacing();
    ImGui::SetNextItemWidth(-1);
    const bool entered = ImGui::InputTextWithHint("##say", "Or say it in your own words, then Enter", &app.say_input,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    app.text_input_active = ImGui::IsItemActive();
    if (entered && app.say(app.say_input)) app.say_input.clear();
    if (entered) ImGui::SetKeyboardFocusHere(-1);  // keep typing after a response
}

}  // namespace holdspace::ui
