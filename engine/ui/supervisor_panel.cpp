// Supervisor view: what the trainee cannot see - the participant's inner state and its
// course, what the participant has taken from the trainee's responses, and the score as
// the session runs.
#include "ui/screens.hpp"

#include "sim/affect.hpp"

#include <algorithm>
#include <map>

namespace holdspace::ui {
namespace {

void state_bar(const char* name, double value, ImU32 c, float width) {
    score_bar(value, c, std::string(name) + " " + fixed1(value), width, ImGui::GetFrameHeight() * 0.85f);
}

}  // namespace

void draw_hidden_state(App& app, const Session& session) {
    const PatientState& st = session.state();
    const float w = ImGui::GetContentRegionAvail().x;
    const Palette& p = app.palette;

    ImGui::Spacing();
    ImGui::TextUnformatted("Inner state (0-100)");
    state_bar("Distress", st.distress, p.distress, w);
    state_bar("Arousal", st.arousal, p.heart_rate, w);
    state_bar("Trust", st.trust, p.good, w);
    state_bar("Inward focus", st.inward_focus, p.expert, w);
    state_bar("Dissociation", st.dissociation, p.poor, w);
    const std::string window(window_name(session.window()));
    const std::string window_text = window == "within"  ? "within the window of tolerance"
                                    : window == "hyper" ? "above the window (hyperaroused)"
                                                        : "below the window (hypoaroused)";
    wrapped(window == "within" ? p.good : p.alert, "Window: " + window_text);
    muted("Medicine intensity %.0f%%", session.intensity_now() * 100);
    muted("Touch consent: %s", session.touch_consent().empty() ? "none" : session.touch_consent().c_str());

    // Distress over the session, from the state events.
    std::vector<float> distress;
    for (const Event& e : session.events())
        if (e.type == "state" && e.data.contains("distress") && e.data["distress"].is_number())
            distress.push_back(e.data["distress"].get<float>());
    if (distress.size() > 1) {
        ImGui::PushStyleColor(ImGuiCol_PlotLines, colour(p.distress));
        ImGui::PlotLines("##distress", distress.data(), static_cast<int>(distress.size()), 0, "distress over the session",
                         0.0f, 100.0f, ImVec2(w, 60));
        ImGui::PopStyleColor();
    }

    // What the participant has met so far: the codes of the trainee's responses.
    std::map<std::string, int> codes;
    for (const auto& h : session.history())
        for (const auto& c : h.codes) ++codes[c];
    if (!codes.empty()) {
        ImGui::Spacing();
        ImGui::TextWrapped("Memory: what the participant has met from you");
        std::string line;
        for (const auto& [code, count] : codes) line += code + (count > 1 ? " x" + std::to_string(count) : "") + ", ";
        line.resize(line.size() - 2);
        wrapped(p.muted_text, line);
    }
}

void draw_supervisor_panel(App& app) {
    heading(app, "Supervisor view");
    muted("Hidden from the trainee. F2 hides it.");
    if (!app.live || !app.live->ok()) return;
    const Session& session = app.live->session();
    draw_hidden_state(app, session);
    const float w = ImGui::GetContentRegionAvail().x;
    const Palette& p = app.palette;

    // The score so far, under the scenario's own rubric.
    const auto& scores = app.live->scores();
    ImGui::Spacing();
    if (scores.empty()) {
        muted("Live score: not available (%s)",
                            session.failure() ? "the scenario failed" : app.live->rubric_note().c_str());
        return;
    }
    const auto& s = scores.front();
    ImGui::TextWrapped("Live score so far (%s)", s.rubric_title.c_str());
    score_bar(s.overall, s.pass ? p.good : p.poor, "Overall " + fixed1(s.overall) + (s.pass ? " - passing" : " - not passing"), w,
              ImGui::GetFrameHeight());
    for (const auto& c : s.critical) wrapped(p.alert, "Critical: " + c.message);
    const scoring::Rubric* rubric = app.live->rubrics().empty() ? nullptr : &app.live->rubrics().front();
    for (const auto& [id, value] : s.domains) {
        const scoring::Domain* d = rubric ? rubric->domain(id) : nullptr;
        const std::string name = d ? d->title : id;
        if (value) state_bar(name.c_str(), *value, *value >= s.pass_mark ? p.good : p.poor, w);
        else wrapped(p.muted_text, name + ": not yet exercised");
    }
}

}  // namespace holdspace::ui
