// Debrief: scores as bars, pass or not, critical errors first, the timeline with the
// trainee's moments marked, each moment with the expert alternative, practising a moment
// again, and the same session under the other rubric side by side.
#include "app/debrief_text.hpp"
#include "app/event_text.hpp"
#include "app/typed.hpp"
#include "ui/screens.hpp"
#include "ui/vitals_plot.hpp"

#include <algorithm>

namespace holdspace::ui {
namespace {

// By the judgement alone: the expert option can still be judged poor or harmful (docs/scoring.md).
bool good(const scoring::MomentResult& m) {
    return m.judgement == "expert" || m.judgement == "good" || m.judgement == "acceptable" || m.judgement == "helpful";
}

ImU32 judgement_colour(const App& app, const scoring::MomentResult& m) {
    if (m.judgement == "expert") return app.palette.expert;
    return good(m) ? app.palette.good : app.palette.poor;
}

std::string domain_title(const scoring::Rubric* rubric, const std::string& id) {
    if (rubric)
        if (const auto* d = rubric->domain(id)) return d->title;
    return title_case(id);
}

std::string stamp(double minutes) { return app::clock_text(static_cast<Seconds>(minutes * 60 + 0.5)); }

void overall_block(App& app, const scoring::Score& s, float width) {
    score_bar(s.overall, s.pass ? app.palette.good : app.palette.poor, "Overall " + fixed1(s.overall) + " / 100",
              width, ImGui::GetFrameHeight() * 1.3f);
    wrapped(s.pass ? app.palette.good : app.palette.poor, app::verdict_text(s));
}

void critical_block(App& app, const scoring::Score& s) {
    if (s.critical.empty()) {
        wrapped(app.palette.good, "No critical errors.");
        return;
    }
    wrapped(app.palette.alert, "Critical errors - each fails the session:");
    for (const auto& c : s.critical) wrapped(app.palette.alert, "  [" + stamp(c.t) + "] " + c.message);
}

void domains_block(App& app, const scoring::Score& s, const scoring::Rubric* rubric, float width) {
    ImGui::TextUnformatted("Domains");
    for (const auto& [id, value] : s.domains) {
        const std::string title = domain_title(rubric, id);
        if (value)
            score_bar(*value, *value >= s.pass_mark ? app.palette.good : app.palette.poor,
                      title + "  " + fixed1(*value), width, ImGui::GetFrameHeight());
        else
            muted("%s: not exercised in this session", title.c_str());
    }
}

void figures_block(App& app, const scoring::Score& s) {
    const auto& m = s.miti;
    std::string miti = "MITI-style counts: " + app::counted(m.reflections, "reflection") + " (" +
                       std::to_string(m.complex_reflections) + " complex), " + app::counted(m.questions, "question");
    if (m.reflection_to_question) miti += "; reflections per question " + fixed1(*m.reflection_to_question) + " (" + m.rq_level + ")";
    if (m.percent_complex) miti += "; complex " + fixed1(*m.percent_complex) + "% (" + m.complex_level + ")";
    wrapped(app.palette.muted_text, miti);
    std::string fis = "FIS-style ratings (1-5):";
    for (const auto& f : s.fis) fis += " " + title_case(f.item) + " " + (f.rating ? fixed1(*f.rating) : std::string("n/a")) + ";";
    wrapped(app.palette.muted_text, fis);
    if (!s.strengths.empty()) {
        ImGui::TextUnformatted("Strengths");
        for (const auto& x : s.strengths) wrapped(app.palette.good, "+ " + x);
    }
    if (!s.growth.empty()) {
        ImGui::TextUnformatted("To work on");
        for (const auto& x : s.growth) wrapped(app.palette.poor, "- " + x);
    }
}

std::string moment_name(const scoring::MomentResult& m) {
    if (m.kind == "action") return "Action: " + title_case(m.response_id) + (m.moment.empty() ? "" : " (at " + title_case(m.moment) + ")");
    return m.moment.empty() ? std::string("A moment") : title_case(m.moment);
}

void moment_detail(App& app, const scoring::MomentResult& m) {
    heading(app, "[" + stamp(m.t) + "] " + moment_name(m));
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, colour(judgement_colour(app, m)));
    ImGui::TextUnformatted(("  " + m.judgement).c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine();
    if (key_button("P", "Practise this moment again")) {
        app.practise(m);
        return;
    }
    if (!m.situation.empty()) wrapped(app.palette.muted_text, "Before: " + m.situation);
    if (!m.actions.empty()) wrapped(app.palette.muted_text, "Before answering you did: " + app::actions_text(m.actions));
    wrapped(app.palette.expert, "You: " + (m.response_text.empty() ? "(" + app::action_label(m.response_id) + ")" : m.response_text));
    if (m.typed) ImGui::TextDisabled("Heard as: %s", app::code_label(m.heard).c_str());
    if (!m.chose_expert && !m.expert_text.empty()) {
        wrapped(app.palette.good, "An expert: " + m.expert_text);
        if (!m.expert_rationale.empty()) wrapped(app.palette.muted_text, "Why an expert would: " + m.expert_rationale);
    }
    for (const auto& p : m.principles) wrapped(app.palette.text, "Why: " + p);
}

void side_by_side(App& app, std::vector<scoring::Score>& scores) {
    const auto& rubrics = app.live->rubrics();
    heading(app, "The same session under each rubric");
    ImGui::TextWrapped("The same behaviour can be essential under one treatment model and proscribed under "
                       "another (Waltz et al.): where the columns disagree, the models disagree.");
    const int n = static_cast<int>(scores.size());
    if (n == 0) return;
    if (ImGui::BeginTable("rubrics", n, ImGuiTableFlags_BordersInnerV)) {
        for (int i = 0; i < n; ++i) {
            ImGui::TableNextColumn();
            const auto& s = scores[static_cast<std::size_t>(i)];
            const float w = ImGui::GetContentRegionAvail().x;
            heading(app, s.rubric_title);
            overall_block(app, s, w);
            critical_block(app, s);
            domains_block(app, s, &rubrics[static_cast<std::size_t>(i)], w);
        }
        ImGui::EndTable();
    }
}

// The same scenario and seed from the beginning.
void play_again(App& app) {
    const std::string path = app.live->scenario_path();
    const auto seed = app.live->seed();
    if (app.dev) {
        app.live.reset();  // so that the reload replays nothing
        app.reload_dev();
    } else {
        app.begin(path, seed);
    }
}

}  // namespace

void draw_debrief_screen(App& app, const Keys& keys) {
    if (!app.live || !app.live->ok()) {
        ImGui::TextUnformatted("No session to debrief. Press Escape for the library.");
        if (keys.escape) app.screen = Screen::start;
        return;
    }
    auto& live = *app.live;
    const Session& session = live.session();
    auto scores = live.scores();  // a copy: acting below may replace the session
    const int n = static_cast<int>(scores.size());
    if (n > 0) app.rubric_index = std::clamp(app.rubric_index, 0, n - 1);

    // Keys.
    if (keys.escape || keys.has('n')) {
        app.screen = app.dev ? Screen::session : Screen::start;
        app.refresh_sessions();
        return;
    }
    if (keys.has('a')) {
        play_again(app);
        return;
    }
    if (keys.has('r') && n > 1) app.rubric_index = (app.rubric_index + 1) % n;
    if (keys.has('s') && n > 1) app.side_by_side = !app.side_by_side;
    const auto* score = n > 0 ? &scores[static_cast<std::size_t>(app.rubric_index)] : nullptr;
    const int moments = score ? static_cast<int>(score->moments.size()) : 0;
    if (moments > 0) {
        if (keys.down) app.selected_moment = std::min(app.selected_moment + 1, moments - 1);
        if (keys.up) app.selected_moment = std::max(app.selected_moment - 1, 0);
        if (app.selected_moment >= moments) app.selected_moment = moments - 1;
        if (app.selected_moment < 0 && (keys.up || keys.down)) app.selected_moment = 0;
        if (keys.has('p')) {
            const auto m = score->moments[static_cast<std::size_t>(std::max(app.selected_moment, 0))];
            app.practise(m);
            return;
        }
    }

    // Header.
    heading(app, "Debrief - " + session.info().title);
    if (score) {
        ImGui::SameLine();
        muted("  scored under: %s", score->rubric_title.c_str());
    }
    if (n > 1) {
        if (key_button("R", "Score under another rubric")) app.rubric_index = (app.rubric_index + 1) % n;
        ImGui::SameLine();
        if (key_button("S", app.side_by_side ? "One rubric at a time" : "Rubrics side by side"))
            app.side_by_side = !app.side_by_side;
        ImGui::SameLine();
    }
    if (key_button("A", "Play it again from the start")) {
        play_again(app);
        return;
    }
    ImGui::SameLine();
    if (key_button("N", app.dev ? "Back to the session" : "Back to the library")) {
        app.screen = app.dev ? Screen::session : Screen::start;
        app.refresh_sessions();
        return;
    }
    if (live.recording())
        muted("Recorded as session %lld in the record store (F4 reviews it; holdspace report %lld prints it).",
              static_cast<long long>(live.stored_session()), static_cast<long long>(live.stored_session()));

    if (session.failure()) {
        wrapped(app.palette.alert, "The scenario stopped with an error, so the session is not scored:");
        wrapped(app.palette.alert, session.failure()->what());
        return;
    }
    if (!score) {
        wrapped(app.palette.alert, "Not scored: " + (live.rubric_note().empty() ? std::string("no rubric") : live.rubric_note()));
        return;
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float supervisor_w = app.supervisor ? std::max(260.0f, avail.x * 0.22f) : 0.0f;
    if (app.side_by_side) {
        ImGui::BeginChild("side", ImVec2(avail.x - supervisor_w, avail.y), true);
        side_by_side(app, scores);
        ImGui::EndChild();
    } else {
        const float left_w = std::max(320.0f, (avail.x - supervisor_w) * 0.38f);
        ImGui::BeginChild("scores", ImVec2(left_w, avail.y), true);
        const float w = ImGui::GetContentRegionAvail().x;
        overall_block(app, *score, w);
        ImGui::Spacing();
        critical_block(app, *score);
        ImGui::Spacing();
        domains_block(app, *score, &live.rubrics()[static_cast<std::size_t>(app.rubric_index)], w);
        ImGui::Spacing();
        figures_block(app, *score);
        ImGui::EndChild();
        ImGui::SameLine();

        ImGui::BeginChild("moments", ImVec2(avail.x - left_w - supervisor_w - ImGui::GetStyle().ItemSpacing.x * (app.supervisor ? 2.0f : 1.0f), avail.y), true);
        const float mw = ImGui::GetContentRegionAvail().x;
        const bool vitals_taken = std::any_of(session.events().begin(), session.events().end(),
                                              [](const Event& e) { return e.type == "vitals"; });
        if (vitals_taken) {
            ImGui::TextUnformatted("The session over time: distress and vital signs, your moments marked");
        } else {
            ImGui::TextUnformatted("The session over time: distress, your moments marked");
            ImGui::SameLine();
            muted("(no vital signs were taken in this session)");
        }
        std::vector<PlotMark> marks;
        for (const auto& m : score->moments) marks.push_back({m.t, good(m)});
        const float plot_h = std::max(140.0f, avail.y * 0.34f);
        draw_session_timeline("timeline", session.events(), session.info().thresholds, marks, ImVec2(mw, plot_h),
                              app.palette);
        muted("Moment by moment (arrow keys choose; P practises the chosen one again)");
        const float list_h = std::min(ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(moments + 1),
                                      ImGui::GetContentRegionAvail().y * 0.4f);
        ImGui::BeginChild("moment list", ImVec2(0, list_h), false);
        for (int i = 0; i < moments; ++i) {
            const auto& m = score->moments[static_cast<std::size_t>(i)];
            const std::string label = "[" + stamp(m.t) + "] " + moment_name(m) + " - " + m.judgement;
            ImGui::PushID(i);
            ImGui::PushStyleColor(ImGuiCol_Text, colour(judgement_colour(app, m)));
            if (ImGui::Selectable(label.c_str(), app.selected_moment == i)) app.selected_moment = i;
            ImGui::PopStyleColor();
            if (app.selected_moment == i && (keys.up || keys.down)) ImGui::SetScrollHereY(0.5f);
            ImGui::PopID();
        }
        ImGui::EndChild();
        ImGui::Separator();
        if (app.selected_moment >= 0 && app.selected_moment < moments) {
            ImGui::BeginChild("moment detail", ImVec2(0, 0), false);
            moment_detail(app, score->moments[static_cast<std::size_t>(app.selected_moment)]);
            ImGui::EndChild();
        } else {
            muted("Choose a moment above to see what an expert would have done.");
        }
        ImGui::EndChild();
    }
    if (app.supervisor && app.live) {
        ImGui::SameLine();
        ImGui::BeginChild("supervisor", ImVec2(0, avail.y), true);
        draw_supervisor_panel(app);
        ImGui::EndChild();
    }
}

}  // namespace holdspace::ui
