// Drills: today's set, one short difficult moment at a time. The lead-in (the participant,
// the last lines of the transcript, the clock), the choice, then at once the scorer's
// judgement with the expert's alternative, and the same moment again or the next one. Beside
// it, the set and the trainee's progress per skill domain by week. The work is done by
// app::DrillSession, as in `holdspace drill`.
#include "ui/participant_figure.hpp"
#include "ui/screens.hpp"
#include "ui/typed_panel.hpp"

#include "app/exit_codes.hpp"
#include "app/drill.hpp"
#include "app/typed.hpp"
#include "sim/vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

namespace holdspace::ui {
namespace {

ImU32 judgement_colour(const App& app, const std::string& judgement) {
    if (judgement == "expert") return app.palette.expert;
    if (judgement == "good" || judgement == "acceptable" || judgement == "helpful") return app.palette.good;
    return app.palette.poor;
}

std::string action_label(const std::string& name) {
    if (auto kind = action_by_name(name)) return std::string(action_info(*kind).label);
    return name;
}

// The set: each drill with where it stands (done today and how, due again, new).
void set_panel(App& app) {
    auto& session = *app.drills.session;
    heading(app, "Today's drills");
    const auto& picks = session.picks();
    if (picks.empty()) {
        wrapped(app.palette.muted_text, "Nothing to drill today: no drill is due, and today's count is reached. "
                                        "Drills you handled poorly come back the next day.");
        return;
    }
    std::map<std::string, std::string> judged;  // this session's latest judgement per drill
    const auto& h = session.history();
    for (std::size_t i = h.size() - std::min(h.size(), session.attempts_this_session()); i < h.size(); ++i)
        judged[h[i].drill] = h[i].judgement;
    for (std::size_t i = 0; i < picks.size(); ++i) {
        const auto* d = session.find(picks[i].drill);
        if (!d) continue;
        std::string label = std::to_string(i + 1) + ". " + d->title;
        std::string tag = picks[i].due ? "due again" : "new";
        const auto it = judged.find(d->id);
        if (it != judged.end()) tag = it->second;
        ImU32 c = i == session.position() ? app.palette.text : app.palette.muted_text;
        if (it != judged.end()) c = judgement_colour(app, it->second);
        wrapped(c, (i == session.position() ? "> " : "  ") + label + "  (" + drill::level_name(d->level) + ", " + tag + ")");
    }
}

// Progress per skill domain: weekly means of each day's first answers, as small line charts.
void progress_panel(App& app) {
    auto& session = *app.drills.session;
    heading(app, "Progress by skill domain");
    const auto weeks = drill::progress(session.history(), drill::Period::week);
    if (weeks.empty()) {
        muted("Your answers will show here, week by week, per skill domain.");
        return;
    }
    std::map<std::string, std::vector<const drill::ProgressPoint*>> by_domain;
    for (const auto& p : weeks) by_domain[p.domain].push_back(&p);
    const drill::Day last_week = drill::week_of(drill::day_of(session.now()));
    constexpr int shown_weeks = 8;
    const float width = ImGui::GetContentRegionAvail().x;
    const float chart_w = std::max(80.0f, width * 0.45f), chart_h = ImGui::GetTextLineHeight() * 1.6f;
    for (const auto& [domain, points] : by_domain) {
        const auto* latest = points.back();
        ImGui::TextUnformatted(title_case(domain).c_str());
        ImGui::SameLine(width - chart_w - 70);
        // The chart: 0-100 over the last eight weeks, the pass line at 70, a dot per week drilled.
        ImDrawList* list = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        list->AddRectFilled(p, ImVec2(p.x + chart_w, p.y + chart_h), ImGui::GetColorU32(ImGuiCol_FrameBg), 2.0f);
        const float pass_y = p.y + chart_h * 0.3f;
        list->AddLine(ImVec2(p.x, pass_y), ImVec2(p.x + chart_w, pass_y),
                      ImGui::ColorConvertFloat4ToU32(dimmed(app.palette.threshold, 0.8f)));
        ImVec2 previous{};
        bool have_previous = false;
        for (const auto* point : points) {
            const auto age = (last_week - point->start) / 7;
            if (age < 0 || age >= shown_weeks) continue;
            const float x = p.x + chart_w * (static_cast<float>(shown_weeks - 1 - age) + 0.5f) / shown_weeks;
            const float y = p.y + chart_h * (1.0f - static_cast<float>(point->mean) / 100.0f);
            const ImU32 c = point->mean >= 70 ? app.palette.good : app.palette.poor;
            if (have_previous) list->AddLine(previous, ImVec2(x, y), app.palette.marker, 1.5f);
            list->AddCircleFilled(ImVec2(x, y), 3.0f, c);
            previous = ImVec2(x, y);
            have_previous = true;
        }
        ImGui::Dummy(ImVec2(chart_w, chart_h));
        ImGui::SameLine();
        ImGui::TextUnformatted((std::to_string(static_cast<int>(std::lround(latest->mean))) + " (" +
                                std::to_string(latest->answers) + ")")
                                   .c_str());
    }
    muted("Weekly mean score of each day's first answer (retries are practice), last %d weeks; the line is 70.",
          shown_weeks);
    const auto status = drill::drill_status(session.history());
    int boxes[drill::box_count + 1] = {};
    for (const auto& [id, s] : status) ++boxes[s.box];
    std::string text = "Boxes (1 comes back tomorrow, 5 is well learned):";
    for (int b = 1; b <= drill::box_count; ++b) text += " " + std::to_string(b) + ":" + std::to_string(boxes[b]);
    muted("%s", text.c_str());
}

void lead_in_panel(App& app, app::DrillRun& run, float width) {
    const auto& d = run.drill();
    const Session& s = run.session();
    const float fig_w = std::min(220.0f, width * 0.28f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const FigureState f = figure_state_from(s, app.seconds, app.settings.reduced_motion);
    draw_participant(ImGui::GetWindowDrawList(), p, ImVec2(p.x + fig_w, p.y + fig_w * 0.8f), f, app.palette);
    ImGui::Dummy(ImVec2(fig_w, fig_w * 0.8f));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - fig_w - 20);
    heading(app, d.title);
    muted("%s - %s - %s, seed %llu", title_case(drill::level_name(d.level)).c_str(), run.domain_title().c_str(),
          s.info().title.c_str(), static_cast<unsigned long long>(run.seed()));
    wrapped(app.palette.expert, "Focus: " + d.focus);
    wrapped(app.palette.muted_text, run.situation() + ".");
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Spacing();
    for (const auto& line : run.lead_in()) ImGui::TextWrapped("%s", line.c_str());
}

void choice_panel(App& app, app::DrillRun& run, const Keys& keys) {
    const Choice* choice = run.choice();
    if (!choice) return;
    const auto respond = [&](const TraineeAction& a) {
        std::string error;
        if (!app.drills.session->respond(a, error)) {
            app.notify(error, true);
            return false;
        }
        app.notify("");
        return true;
    };
    const bool typed_only = app.settings.typed_only || run.session().info().typed_only;
    if (!choice->prompt.empty()) wrapped(app.palette.muted_text, choice->prompt);
    if (typed_only) muted("Say it in your own words (below), or act.");
    for (std::size_t i = 0; i < choice->options.size() && i < 9 && !typed_only; ++i) {
        const Option& o = choice->options[i];
        const std::string text = o.text.empty() ? "(" + action_label(o.action) + ")" : o.text;
        const std::string key = std::to_string(i + 1);
        ImGui::PushID(static_cast<int>(i));
        ImGui::PushTextWrapPos(0);
        if (key_button(key.c_str(), "")) respond(TraineeAction::choose(o.id));
        ImGui::SameLine();
        ImGui::TextWrapped("%s", text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopID();
    }
    ImGui::Spacing();
    std::string keys_line = "Or act:";
    for (const auto& a : action_infos())
        if (a.kind != ActionKind::end)
            keys_line += std::string(" ") + static_cast<char>(a.key - 'a' + 'A') + " " + std::string(a.label) + ";";
    muted("%s", keys_line.c_str());
    typed_response_field(app, keys, run.session(), respond);
    if (app.unsure_say || !run.choice()) return;  // the keys answer the coder's doubt, or it was answered

    for (const char c : keys.typed) {
        if (c >= '1' && c <= '9' && static_cast<std::size_t>(c - '1') < choice->options.size()) {
            if (typed_only) return;
            respond(TraineeAction::choose(choice->options[static_cast<std::size_t>(c - '1')].id));
            return;
        }
        if (auto kind = action_by_key(c); kind && *kind != ActionKind::end) {
            respond(TraineeAction::act(*kind));
            return;
        }
    }
}

void feedback_panel(App& app, app::DrillRun& run) {
    for (const auto& line : run.aftermath()) wrapped(app.palette.muted_text, line);
    ImGui::Separator();
    if (!run.result()) {
        wrapped(app.palette.alert, "Not scored: the scenario's rubric does not load.");
        return;
    }
    const auto& m = *run.result();
    const float w = ImGui::GetContentRegionAvail().x;
    const float bar_x = ImGui::GetCursorPosX(), bar_w = std::min(w * 0.55f, 520.0f);
    score_bar(run.score(), judgement_colour(app, m.judgement),
              "Judgement: " + m.judgement + " - " + std::to_string(static_cast<int>(std::lround(run.score()))) +
                  "% of what was possible here",
              bar_w, ImGui::GetFrameHeight() * 1.2f);
    auto& session = *app.drills.session;
    ImGui::SameLine(bar_x + bar_w + ImGui::GetStyle().ItemSpacing.x);
    if (key_button("R", "Try this moment again")) {
        session.retry();
        return;
    }
    ImGui::SameLine();
    if (key_button("N", session.position() + 1 < session.picks().size() ? "Next drill" : "Finish the set")) {
        session.next();
        return;
    }
    wrapped(app.palette.expert, "You: " + m.response_text);
    if (m.typed) muted("Heard as: %s", app::code_label(m.heard).c_str());
    for (const auto& a : run.actions_scored()) wrapped(app.palette.muted_text, "Before answering: " + title_case(a.response_id) + " - " + a.judgement);
    for (const auto& p : m.principles) wrapped(app.palette.text, "Why: " + p);
    if (!m.chose_expert && !m.expert_text.empty()) {
        wrapped(app.palette.good, "An expert: " + m.expert_text);
        if (!m.expert_rationale.empty()) wrapped(app.palette.muted_text, "Why an expert would: " + m.expert_rationale);
    }
    if (!app.drills.session->trainee().empty()) {
        if (!app.drills.session->record_error().empty()) {
            wrapped(app.palette.alert, "Not recorded: " + app.drills.session->record_error());
        } else {
            const auto status = drill::drill_status(app.drills.session->history());
            if (const auto it = status.find(run.drill().id); it != status.end())
                muted("%sBox %d: this drill comes back on %s.", app.drills.session->recording() ? "Recorded. " : "",
                      it->second.box, drill::format_day(it->second.due).c_str());
        }
    }
}

}  // namespace

bool open_drills(App& app, const std::vector<std::string>& ids) {
    if (app.trainee.empty()) {
        app.notify("Sign in first: drills are scheduled from your own history.", true);
        return false;
    }
    app::DrillConfig config;
    config.catalogue = (std::filesystem::path(app.options.scenarios_root) / "drills" / "catalogue.lua").string();
    config.trainee = app.trainee;
    config.data_dir = app.data;
    config.ids = ids;
    config.record = app.recording;
    try {
        app.drills.session = std::make_unique<app::DrillSession>(config);
    } catch (const std::exception& e) {
        app.drills.session.reset();
        app.notify(std::string("Drills cannot open: ") + e.what(), true);
        return false;
    }
    app.notify("");
    app.screen = Screen::drill;
    return true;
}

int prepare_drill_screenshot(App& app, const WindowOptions& options) {
    if (app.trainee.empty()) app.trainee = "trainee";
    if (!open_drills(app, options.drill.empty() ? std::vector<std::string>{} : std::vector<std::string>{options.drill})) {
        std::cerr << "holdspace: " << app.message << "\n";
        return app::exit_usage;
    }
    if (options.actions.empty()) return -1;
    std::ifstream in(options.actions);
    if (!in) {
        std::cerr << "holdspace: " << options.actions << ": cannot read actions file\n";
        return app::exit_usage;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        std::string error;
        const auto action = parse_action(line, error);
        if (!action && error.empty()) continue;  // blank or a comment
        if (!action || !app.drills.session->respond(*action, error)) {
            std::cerr << "holdspace: " << options.actions << ":" << n << ": " << error << "\n";
            return app::exit_usage;
        }
    }
    return -1;
}

void draw_drill_screen(App& app, const Keys& keys) {
    if (!app.drills.session) {
        ImGui::TextUnformatted("No drills open. Press Escape for the library.");
        if (keys.escape) app.screen = Screen::start;
        return;
    }
    auto& session = *app.drills.session;
    if (keys.escape) {
        app.screen = Screen::start;
        return;
    }
    app::DrillRun* run = session.run();
    const bool answered = run && run->answered();
    // Keys that move between drills; while a moment is open, letters are answers.
    if (run && (answered || !run->ok())) {
        if (keys.has('r') && run->ok()) {
            session.retry();
            return;
        }
        if (keys.has('n')) {
            session.next();
            return;
        }
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left_w = std::max(300.0f, avail.x * 0.30f);
    ImGui::BeginChild("drill set", ImVec2(left_w, avail.y), true);
    set_panel(app);
    ImGui::Spacing();
    ImGui::Separator();
    progress_panel(app);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("drill", ImVec2(0, avail.y), true);
    const float w = ImGui::GetContentRegionAvail().x;
    if (!run) {
        heading(app, session.picks().empty() ? "Nothing due today" : "Today's set is done");
        ImGui::TextWrapped("%zu answer%s this time. Moments you handled poorly come back tomorrow; the ones you "
                           "handled well come back later and later.",
                           session.attempts_this_session(), session.attempts_this_session() == 1 ? "" : "s");
        if (key_button("Esc", "Back to the library")) app.screen = Screen::start;
    } else if (!run->ok()) {
        heading(app, run->drill().title);
        wrapped(app.palette.alert, "This drill cannot be played: " + run->error());
        if (key_button("N", "Next drill")) session.next();
    } else {
        lead_in_panel(app, *run, w);
        ImGui::Separator();
        if (!answered) {
            choice_panel(app, *run, keys);
        } else {
            feedback_panel(app, *run);  // may move to another drill: `run` is not used after it
        }
        if (!session.finished()) {
            ImGui::Spacing();
            muted("Drill %zu of %zu. Esc goes back to the library; your answers are recorded as you give them.",
                  session.position() + 1, session.picks().size());
        }
    }
    ImGui::EndChild();
}

}  // namespace holdspace::ui
