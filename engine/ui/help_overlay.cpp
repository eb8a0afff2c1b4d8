// The keys, on every screen (F1).
#include "ui/screens.hpp"

#include "sim/vocabulary.hpp"

#include <algorithm>

namespace holdspace::ui {

void draw_help_overlay(App& app) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), 0,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, vp->WorkSize.x - 40), 0));
    ImGui::SetNextWindowFocus();
    bool open = true;
    ImGui::Begin("Keys", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove);
    if (!open) app.help = false;
    auto row = [&](const char* key, const std::string& what) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (what.empty()) {  // a section
            ImGui::Spacing();
            heading(app, key);
            return;
        }
        ImGui::TextUnformatted(key);
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", what.c_str());
    };
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("1-9, Up/Down").x + 16);
        ImGui::TableSetupColumn("what");
        row("Everywhere", "");
        row("F1", "this list (Esc closes it)");
        row("F2", "supervisor view: the participant's hidden state and the live score");
        row("F3", "settings: text size, colour-blind palette, reduced motion, sound");
        row("F4", "supervisor review: open any recorded session, scrub it, annotate, override, re-score");
        row("F5", "cohort: trainees against scenarios, latest scores and trends; export as CSV");
        row("Start", "");
        row("Enter", "sign in (after typing your name); begin the chosen scenario");
        row("1-9, Up/Down", "choose a scenario");
        row("R / O", "resume your latest unfinished session / sign out");
        row("D", "drills: today's set of short difficult moments");
        row("Session", "");
        row("1-9", "say or do the numbered option");
        for (const auto& a : action_infos()) {
            const char key[2] = {static_cast<char>(a.key - 'a' + 'A'), 0};
            row(key, std::string(a.label) + (a.kind == ActionKind::end ? " (asks first: Y ends, N keeps going)" : ""));
        }
        row("P", "let simulated time run (a minute every 2 s) or pause it");
        row("F", "skip ahead to the next monitor reading or dose");
        row("Esc", "back to the library; the session is kept and can be resumed");
        row("Debrief", "");
        row("Up/Down", "choose a moment");
        row("P", "practise the chosen moment again (replays up to just before it)");
        row("R / S", "score under the other rubric / both side by side");
        row("A / N", "play the scenario again from the start / back to the library");
        row("Review", "");
        row("Up/Down, Enter", "choose a recorded session / open it (T and S filter by its trainee / scenario)");
        row("Left/Right", "scrub the timeline one point back / on (Home, End: start, end)");
        row("[ / ]", "previous / next scored moment");
        row("R", "re-score under the next rubric");
        row("Esc", "back to the list / out of review");
        row("Cohort", "");
        row("X", "export the cohort as CSV to the data folder");
        row("Esc", "back");
        row("Drills", "");
        row("1-9, letters", "answer the moment: say an option, or act (H holds space, V checks vitals...)");
        row("R / N", "after the feedback: try the same moment again / the next drill");
        row("Esc", "back to the library (answers are recorded as you give them)");
        row("Settings", "");
        row("- / +", "smaller / larger text");
        row("C / R", "colour-blind-safe palette / reduced motion");
        row("[ / ] / M", "music quieter / louder / mute");
        row("Esc", "done");
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace holdspace::ui
