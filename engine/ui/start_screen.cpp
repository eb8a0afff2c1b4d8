// Start: sign in, the scenario library by phase, unfinished sessions to resume.
#include "ui/screens.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>

namespace holdspace::ui {
namespace {

const char* phase_heading(const std::string& phase) {
    if (phase == "preparation") return "Preparation - before the medicine (about 90 minutes, no drug)";
    if (phase == "medicine") return "Medicine sessions - 6 to 8 hours with MDMA";
    if (phase == "integration") return "Integration - making meaning afterwards";
    return "Other scenarios";
}

void sign_in_panel(App& app, const Keys&) {
    ImGui::Dummy(ImVec2(0, 30));
    const float width = std::min(720.0f, ImGui::GetContentRegionAvail().x);
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - width) / 2);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    heading(app, "Welcome to Holdspace");
    ImGui::Spacing();
    ImGui::TextWrapped(
        "You will sit with a simulated participant through a compressed session of MDMA-assisted therapy for "
        "PTSD, and respond as their therapist: with words, with silence, or with care for their body. "
        "Afterwards a debrief shows what you did, how it scores, and what an expert would have done.");
    ImGui::Spacing();
    ImGui::TextWrapped("Sign in with your name or trainee ID. It stays on this computer, with your session "
                       "records (the record store in %s).",
                       app.data.c_str());
    ImGui::Spacing();
    ImGui::SetNextItemWidth(width * 0.6f);
    if (!app.text_input_active) ImGui::SetKeyboardFocusHere();
    const bool entered = ImGui::InputTextWithHint("##name", "Your name or trainee ID", &app.name_input,
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    app.text_input_active = ImGui::IsItemActive();
    ImGui::SameLine();
    if (key_button("Enter", "Sign in") || entered) {
        app.sign_in(app.name_input);
        app.text_input_active = false;
    }
    ImGui::Spacing();
    muted("Everything works from the keyboard: the key for each button is shown on it. F1 lists them.");
    ImGui::Spacing();
    ImGui::TextUnformatted("Supervising?");
    ImGui::SameLine();
    if (key_button("F4", "Review recorded sessions")) app.open_review_list();
    ImGui::SameLine();
    if (key_button("F5", "Cohort")) app.open_cohort();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

void library_panel(App& app, const Keys& keys) {
    const int n = static_cast<int>(app.library.size());
    for (const char c : keys.typed)
        if (c >= '1' && c <= '9' && c - '1' < n) app.selected = c - '1';
    if (keys.down && n > 0) app.selected = std::min(app.selected + 1, n - 1);
    if (keys.up && n > 0) app.selected = std::max(app.selected - 1, 0);

    heading(app, "Scenario library");
    std::vector<app::ScenarioProgress> progress;
    int passed = 0, tried = 0;
    for (const auto& e : app.library) {
        progress.push_back(app::progress_of(app.sessions, e.id));
        passed += progress.back().passed;
        tried += !progress.back().passed && progress.back().finished > 0;
    }
    muted("Your curriculum: %d of %d passed, %d tried and not yet passed.", passed, n, tried);
    muted("Choose with 1-9 or the arrow keys; Enter begins.");
    if (app.library.empty())
        ImGui::TextWrapped("No scenarios found in '%s'. Set HOLDSPACE_SCENARIOS or run from the source tree.",
                           app.options.scenarios_root.c_str());
    std::string phase = "\x01";
    for (int i = 0; i < n; ++i) {
        const auto& e = app.library[static_cast<std::size_t>(i)];
        if (e.phase != phase) {
            phase = e.phase;
            ImGui::Spacing();
            wrapped(app.palette.muted_text, phase_heading(phase));
        }
        std::string label = (i < 9 ? "[" + std::to_string(i + 1) + "] " : "    ") + e.title;
        if (!e.difficulty.empty()) label += "  (" + e.difficulty + ")";
        if (!e.error.empty()) label += "  - does not load";
        ImGui::PushID(i);
        if (ImGui::Selectable(label.c_str(), app.selected == i)) app.selected = i;
        if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0)) app.begin_selected();
        const auto& p = progress[static_cast<std::size_t>(i)];
        if (p.finished > 0) {
            char status[48];
            std::snprintf(status, sizeof status, "%s, best %.0f", p.passed ? "passed" : "tried", *p.best);
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(status).x);
            ImGui::TextColored(colour(p.passed ? app.palette.good : app.palette.muted_text), "%s", status);
        }
        ImGui::PopID();
    }
}

void detail_panel(App& app, const Keys& keys) {
    if (app.selected < 0 || app.selected >= static_cast<int>(app.library.size())) return;
    const auto& e = app.library[static_cast<std::size_t>(app.selected)];
    heading(app, e.title);
    std::string meta = title_case(e.phase);
    if (!e.difficulty.empty()) meta += " - " + e.difficulty;
    if (!e.patient.empty()) meta += " - participant: " + e.patient;
    muted("%s", meta.c_str());
    ImGui::Spacing();
    if (!e.error.empty()) {
        wrapped(app.palette.alert, "This scenario does not load:");
        wrapped(app.palette.alert, e.error);
        return;
    }
    if (!e.description.empty()) ImGui::TextWrapped("%s", e.description.c_str());
    if (!e.objectives.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("You will practise:");
        for (const auto& o : e.objectives) {
            ImGui::Bullet();
            ImGui::TextWrapped("%s", o.c_str());
        }
    }
    ImGui::Spacing();
    if (key_button("Enter", "Begin this session", ImVec2(-1, 0)) || keys.enter) {
        app.begin_selected();
        return;
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted("How a session works");
    wrapped(app.palette.muted_text,
            "The participant's words and what you see them do appear as a transcript, with the time. When "
            "they pause for you, respond: press a number to say one of the lines offered, or a letter to act "
            "- H holds space in silence, V checks vital signs, W offers water, and so on. In a medicine session "
            "the monitor shows heart rate, blood pressure and temperature; a red reading needs your attention. "
            "Time moves with your responses, or press P to let it run and F to skip ahead. When the session "
            "ends, the debrief shows how you did and lets you practise any moment again.");
}

void sessions_panel(App& app, const Keys& keys) {
    std::vector<const app::SavedSession*> unfinished;
    std::size_t finished = 0;
    for (const auto& s : app.sessions) {
        if (s.finished) ++finished;
        else unfinished.push_back(&s);
    }
    heading(app, "Your sessions");
    if (unfinished.empty()) {
        muted("No unfinished sessions.");
    } else {
        if (keys.has('r')) {
            app.resume(*unfinished.front());
            return;
        }
        for (std::size_t i = 0; i < unfinished.size() && i < 5; ++i) {
            const auto* s = unfinished[i];
            ImGui::PushID(static_cast<int>(i));
            const std::string label = s->title + ", seed " + std::to_string(s->seed) + ", " +
                                      std::to_string(s->actions) + " responses so far";
            if (i == 0 ? key_button("R", "Resume") : ImGui::Button("Resume")) {
                app.resume(*s);
                ImGui::PopID();
                return;
            }
            ImGui::SameLine();
            if (ImGui::Button("Close")) {  // given up: kept in the store, no longer offered
                app.close_session(*s);
                ImGui::PopID();
                return;
            }
            ImGui::SameLine();
            ImGui::TextWrapped("%s", label.c_str());
            ImGui::PopID();
        }
    }
    if (finished > 0)
        muted("%zu finished or closed session%s in the record store (holdspace sessions lists them).", finished,
              finished == 1 ? "" : "s");
    if (!app.store) wrapped(app.palette.alert, "Sessions are not being recorded: " + app.store_error);
    ImGui::Spacing();
    if (key_button("D", "Drills: today's short difficult moments") || keys.has('d')) {
        open_drills(app);
        return;
    }
    ImGui::SameLine();
    if (key_button("O", "Sign out") || keys.has('o')) {
        app.sign_out();
        return;
    }
    ImGui::SameLine();
    if (key_button("F4", "Review sessions")) {
        app.open_review_list();
        return;
    }
    ImGui::SameLine();
    if (key_button("F5", "Cohort")) app.open_cohort();
}

}  // namespace

void draw_start_screen(App& app, const Keys& keys) {
    if (app.trainee.empty()) {
        sign_in_panel(app, keys);
        return;
    }
    app.text_input_active = false;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = std::max(280.0f, avail.x * 0.42f);
    ImGui::BeginChild("library", ImVec2(left, 0), true);
    library_panel(app, keys);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::BeginChild("detail", ImVec2(0, avail.y * 0.62f), true);
    detail_panel(app, keys);
    ImGui::EndChild();
    ImGui::BeginChild("sessions", ImVec2(0, 0), true);
    sessions_panel(app, keys);
    ImGui::EndChild();
    ImGui::EndGroup();
}

}  // namespace holdspace::ui
