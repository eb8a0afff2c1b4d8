// The trainee's own words at a choice (typed_panel.hpp).
#include "ui/typed_panel.hpp"

#include "app/typed.hpp"
#include "ui/screens.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

namespace holdspace::ui {
namespace {

// The codes offered when the coder is unsure: its four likeliest, as at the terminal.
std::vector<std::string> offered_codes(const Heard& heard) {
    std::vector<std::string> offered;
    for (const auto& [code, p] : heard.codes)
        if (offered.size() < 4) offered.push_back(code);
    return offered;
}

void play_and_clear(App& app, const TraineeAction& action, const PlayTyped& play) {
    app.unsure_say.reset();
    if (play(action)) app.say_input.clear();
}

// Keep it as heard (Enter), one of the likeliest codes (1-4), or back to the words (Esc).
void correction_row(App& app, const Keys& keys, const PlayTyped& play) {
    const TraineeAction pending = *app.unsure_say;
    const auto offered = offered_codes(pending.heard);
    wrapped(app.palette.marker, "Not sure how to hear that - " + app::heard_text(pending.heard) +
                                    ". Keep it as heard, or choose what you meant:");
    auto as = [&](const std::string& code) {
        TraineeAction corrected = pending;
        corrected.heard.primary = code;
        corrected.heard.corrected = true;
        play_and_clear(app, corrected, play);
    };
    if (key_button("Enter", "Keep it as heard") || keys.enter) {
        play_and_clear(app, pending, play);
        return;
    }
    for (std::size_t i = 0; i < offered.size(); ++i) {
        ImGui::SameLine();
        const std::string key = std::to_string(i + 1);
        if (key_button(key.c_str(), app::code_label(offered[i])) || keys.has(key[0])) {
            as(offered[i]);
            return;
        }
    }
    ImGui::SameLine();
    if (key_button("Esc", "Change the words") || keys.escape) app.unsure_say.reset();
}

}  // namespace

void typed_response_field(App& app, const Keys& keys, const Session& session, const PlayTyped& play) {
    ImGui::Spacing();
    if (app.unsure_say) {
        app.text_input_active = false;
        correction_row(app, keys, play);
        return;
    }
    ImGui::SetNextItemWidth(-1);
    const char* hint = app.typed_only() ? "Say it in your own words, then Enter"
                                        : "Or say it in your own words, then Enter";
    const bool entered =
        ImGui::InputTextWithHint("##say", hint, &app.say_input, ImGuiInputTextFlags_EnterReturnsTrue);
    app.text_input_active = ImGui::IsItemActive();
    if (!entered) return;
    ImGui::SetKeyboardFocusHere(-1);  // keep typing after a response
    std::string error;
    auto action = app::typed_action(app.say_input, error);
    if (!action) {
        if (!error.empty()) app.notify(error, true);
        return;
    }
    if (!app::hear(*action, session, error)) {
        app.notify(error, true);
        return;
    }
    if (app::unsure(action->heard)) app.unsure_say = std::move(*action);
    else play_and_clear(app, *action, play);
}

}  // namespace holdspace::ui
