// Supervisor review: any recorded session from the store, found by trainee and scenario;
// its timeline scrubbed point by point, with the transcript, the participant, the monitor and
// the participant's hidden state reconstructed at that point; notes on moments, score
// overrides with a reason (beside the automatic score), and the session under another rubric.
#include "app/event_text.hpp"
#include "app/typed.hpp"
#include "records/lrs_client.hpp"
#include "ui/participant_figure.hpp"
#include "ui/screens.hpp"
#include "ui/vitals_plot.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace holdspace::ui {
namespace {

std::string scenario_title(const App& app, const std::string& id) {
    for (const auto& e : app.library)
        if (e.id == id && !e.title.empty()) return e.title;
    return id;
}


std::string started(const std::string& iso) {  // "2025-03-04T10:22:13Z" -> "2025-03-04 10:22"
    return iso.size() >= 16 ? iso.substr(0, 10) + " " + iso.substr(11, 5) : iso;
}

// A filter chooser: "All" or one of `values`.
void filter_combo(const char* label, std::string& value, const std::vector<std::string>& values, bool& changed,
                  const App& app, bool titles) {
    const std::string shown = value.empty() ? "All" : titles ? scenario_title(app, value) : value;
    ImGui::SetNextItemWidth(260);
    if (!ImGui::BeginCombo(label, shown.c_str())) return;
    if (ImGui::Selectable("All", value.empty())) {
        value.clear();
        changed = true;
    }
    for (const auto& v : values)
        if (ImGui::Selectable((titles ? scenario_title(app, v) + "##" + v : v).c_str(), v == value)) {
            value = v;
            changed = true;
        }
    ImGui::EndCombo();
}

void session_list(App& app, const Keys& keys) {
    auto& list = app.review_list;
    const int n = static_cast<int>(list.rows.size());
    if (keys.down && n > 0) list.selected = std::min(list.selected + 1, n - 1);
    if (keys.up && n > 0) list.selected = std::max(list.selected - 1, 0);
    const records::SessionRow* chosen = n > 0 ? &list.rows[static_cast<std::size_t>(list.selected)] : nullptr;
    if (keys.enter && chosen) {
        app.open_review(chosen->id);
        return;
    }
    bool changed = false;
    if (chosen && keys.has('t')) {
        list.trainee = list.trainee.empty() ? chosen->trainee : "";
        changed = true;
    }
    if (chosen && keys.has('s')) {
        list.scenario = list.scenario.empty() ? chosen->scenario_id : "";
        changed = true;
    }
    if (keys.escape && !ImGui::GetIO().WantTextInput) {
        app.close_review();
        return;
    }
    if (keys.has('p')) {
        app.pull_from_lrs();
        return;
    }

    heading(app, "Supervisor review - recorded sessions");
    if (!app.store) {
        wrapped(app.palette.alert, "The record store cannot be opened: " + app.store_error);
        return;
    }
    muted("Every session played here (this window, holdspace play --trainee) or pulled from the learning record "
          "store, in %s. Up/Down chooses, Enter opens; T and S filter by the chosen session's trainee and scenario.",
          app.store->path().c_str());
    if (key_button("P", "Pull from the LRS")) {
        app.pull_from_lrs();
        return;
    }
    std::vector<std::string> trainees, scenarios;
    try {
        trainees = app.store->trainees();
        std::set<std::string> ids;
        for (const auto& r : app.store->sessions()) ids.insert(r.scenario_id);
        scenarios.assign(ids.begin(), ids.end());
    } catch (const std::exception& e) {
        wrapped(app.palette.alert, e.what());
    }
    filter_combo("Trainee", list.trainee, trainees, changed, app, false);
    ImGui::SameLine(0, 24);
    filter_combo("Scenario", list.scenario, scenarios, changed, app, true);
    if (changed) {
        app.refresh_review_list();
        return;
    }
    ImGui::Spacing();
    if (list.rows.empty()) {
        muted("No recorded sessions%s yet.", list.trainee.empty() && list.scenario.empty() ? "" : " match these filters");
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("sessions", 8, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Session", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableSetupColumn("Trainee", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Scenario", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Seed", ImGuiTableColumnFlags_WidthFixed, 50);
    ImGui::TableSetupColumn("Started (UTC)", ImGuiTableColumnFlags_WidthFixed, 150);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, 80);
    ImGui::TableSetupColumn("Score", ImGuiTableColumnFlags_WidthFixed, 230);
    ImGui::TableSetupColumn("From", ImGuiTableColumnFlags_WidthFixed, 70);
    ImGui::TableHeadersRow();
    for (int i = 0; i < n; ++i) {
        const auto& r = list.rows[static_cast<std::size_t>(i)];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(i);
        if (ImGui::Selectable(("#" + std::to_string(r.id)).c_str(), list.selected == i,
                              ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
            list.selected = i;
            if (ImGui::IsMouseDoubleClicked(0)) {
                ImGui::PopID();
                ImGui::EndTable();
                app.open_review(r.id);
                return;
            }
        }
        if (list.selected == i && (keys.up || keys.down)) ImGui::SetScrollHereY(0.5f);
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(r.trainee.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(scenario_title(app, r.scenario_id).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(r.seed));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(started(r.started_at).c_str());
        ImGui::TableNextColumn();
        wrapped(r.status == "finished" ? app.palette.text : app.palette.muted_text, r.status);
        ImGui::TableNextColumn();
        const auto pass = static_cast<std::size_t>(i) < list.passes.size() ? list.passes[static_cast<std::size_t>(i)]
                                                                            : std::optional<bool>{};
        if (r.overall && pass)
            wrapped(*pass ? app.palette.good : app.palette.poor,
                    fixed1(*r.overall) + (*pass ? "  passed" : "  NOT PASSED") + "  (" + r.rubric + ")");
        else if (r.overall)
            ImGui::Text("%s  (%s)", fixed1(*r.overall).c_str(), r.rubric.c_str());
        else ImGui::TextDisabled("-");
        ImGui::TableNextColumn();
        if (r.pulled()) {
            ImGui::TextUnformatted("LRS");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("Pulled from %s at %s", records::printable(r.pulled_from).c_str(), r.pulled_at.c_str());
        } else {
            ImGui::TextDisabled("here");
        }
    }
    ImGui::EndTable();
}

// The points of the timeline where a scored moment was answered, in order.
std::vector<std::size_t> moment_points(const app::Review& review, const scoring::Score* score) {
    std::vector<std::size_t> points;
    if (!score) return points;
    for (const auto& m : score->moments) points.push_back(review.point_of_event(m.event));
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    return points;
}

std::string point_label(const app::Review& review, std::size_t point) {
    const Session& s = review.at();
    std::string text = "[" + app::clock_text(s.now()) + "] ";
    if (point == 0) return text + "the start, before the trainee's first response";
    return text + "after the trainee's response " + std::to_string(point) + " of " +
           std::to_string(review.points() - 1) + ": " + review.actions()[point - 1];
}

void timeline_bar(App& app, app::Review& review, const scoring::Score* score, const Keys& keys) {
    const auto moments = moment_points(review, score);
    const std::size_t last = review.points() - 1;
    std::size_t target = review.point();
    if (keys.left && target > 0) --target;
    if (keys.right && target < last) ++target;
    if (keys.home) target = 0;
    if (keys.end) target = last;
    if (keys.has('[')) {
        for (auto it = moments.rbegin(); it != moments.rend(); ++it)
            if (*it < review.point()) {
                target = *it;
                break;
            }
    }
    if (keys.has(']')) {
        for (const auto p : moments)
            if (p > review.point()) {
                target = p;
                break;
            }
    }

    if (key_button("Left", "Back", ImVec2(0, 0), "back")) target = target > 0 ? target - 1 : 0;
    ImGui::SameLine();
    int slider = static_cast<int>(target);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x -
                            ImGui::CalcTextSize("[Right] On").x - ImGui::GetStyle().FramePadding.x * 2 - 12);
    const std::string format = "point %d of " + std::to_string(last);
    if (ImGui::SliderInt("##timeline", &slider, 0, static_cast<int>(last), format.c_str(), ImGuiSliderFlags_AlwaysClamp))
        target = static_cast<std::size_t>(slider);
    // The scored moments, marked on the slider's track.
    if (last > 0) {
        const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        const float grab = ImGui::GetStyle().GrabMinSize;
        for (const auto p : moments) {
            const float x = a.x + grab / 2 + 3 + (b.x - a.x - grab - 6) * static_cast<float>(p) / static_cast<float>(last);
            ImGui::GetWindowDrawList()->AddTriangleFilled(ImVec2(x - 4, b.y + 6), ImVec2(x + 4, b.y + 6), ImVec2(x, b.y),
                                                          app.palette.marker);
        }
    }
    ImGui::SameLine();
    if (key_button("Right", "On", ImVec2(0, 0), "on")) target = std::min(target + 1, last);
    if (target != review.point()) {
        review.seek(target);
        app.scroll_review = 3;
    }
    ImGui::Dummy(ImVec2(0, 2));
    wrapped(app.palette.marker, point_label(review, review.point()));
    muted("Left/Right scrub point by point (Home, End), [ and ] jump between scored moments (the marks).");
}

void participant_column(App& app, const app::Review& review) {
    const Session& s = review.at();
    const float w = ImGui::GetContentRegionAvail().x;
    const float fig_h = std::min(ImGui::GetContentRegionAvail().y * 0.36f, w * 0.55f);
    const FigureState f = figure_state_from(s, app.seconds, true);  // still: a moment, not a scene
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_participant(ImGui::GetWindowDrawList(), p, ImVec2(p.x + w, p.y + fig_h), f, app.palette);
    ImGui::Dummy(ImVec2(w, fig_h));
    heading(app, "Hidden state at " + app::clock_text(s.now()));
    draw_hidden_state(app, s);
}

void transcript_column(App& app, const app::Review& review) {
    const Session& s = review.at();
    const auto& events = s.events();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted("Vital signs up to this point");
    draw_vitals_monitor("review monitor", events, s.info().thresholds, static_cast<double>(s.now()) / 60.0,
                        ImVec2(w, std::max(110.0f, ImGui::GetContentRegionAvail().y * 0.24f)), app.palette);
    ImGui::BeginChild("review transcript", ImVec2(0, 0), true);
    const std::size_t from = review.point() > 0 ? review.events_at(review.point() - 1) : 0;
    const std::string name = s.info().patient.name;
    if (ImGui::BeginTable("transcript", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("[00:00]").x);
        ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
        for (std::size_t k = 0; k < events.size(); ++k) {
            const TranscriptLine line = transcript_line(app, events[k], name);
            std::vector<const records::Annotation*> notes;
            for (const auto& n : review.annotations())
                if (n.event_index == static_cast<int>(k)) notes.push_back(&n);
            if (line.text.empty() && notes.empty()) continue;
            ImGui::TableNextRow();
            // What this point brought (the trainee's response and what followed) stands out.
            if (k >= from) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_Header, 0.55f));
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", app::clock_text(events[k].at).c_str());
            ImGui::TableNextColumn();
            if (!line.text.empty()) wrapped(line.colour, line.text);
            for (const auto* n : notes) wrapped(app.palette.poor, "Note (" + n->author + "): " + n->text);
        }
        ImGui::EndTable();
    }
    if (app.scroll_review > 0) {
        ImGui::SetScrollHereY(1.0f);
        --app.scroll_review;
    }
    ImGui::EndChild();
}

void moment_block(App& app, app::Review& review, const scoring::MomentResult& m) {
    const auto& pal = app.palette;
    const std::string name = m.kind == "action" ? "Action: " + title_case(m.response_id)
                                                 : (m.moment.empty() ? std::string("A moment") : title_case(m.moment));
    ImGui::PushID(m.event);
    heading(app, name);
    const bool good = m.judgement == "expert" || m.judgement == "good" || m.judgement == "acceptable" ||
                      m.judgement == "helpful";
    wrapped(pal.expert, "Trainee: " + (m.response_text.empty() ? "(" + m.response_id + ")" : m.response_text));
    if (m.typed) ImGui::TextDisabled("Heard as: %s", app::code_label(m.heard).c_str());
    const double automatic = m.fraction * 100;
    const auto* latest = review.latest_override(m.event);
    const float w = ImGui::GetContentRegionAvail().x;
    // The two scores side by side: the automatic one is never replaced.
    const float gap = ImGui::GetStyle().ItemSpacing.x, half = (w - gap) / 2, bar_h = ImGui::GetFrameHeight();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    score_bar(automatic, good ? pal.good : pal.poor, "Automatic " + fixed1(automatic) + " (" + m.judgement + ")", half, bar_h);
    const ImVec2 below = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(at.x + half + gap, at.y));
    if (latest) score_bar(latest->score, pal.expert, "Supervisor " + fixed1(latest->score), half, bar_h);
    else score_bar(0, pal.expert, "No supervisor override", half, bar_h);
    ImGui::SetCursorScreenPos(below);
    if (!m.chose_expert && !m.expert_text.empty()) wrapped(pal.good, "An expert: " + m.expert_text);
    for (const auto& o : review.overrides())
        if (o.event_index == m.event)
            wrapped(&o == latest ? pal.text : pal.muted_text,
                    fixed1(o.score) + " by " + o.author + " (" + started(o.created_at) + "): " + o.reason +
                        (&o == latest ? "" : "  (superseded)"));

    ImGui::SetNextItemWidth(w * 0.32f);
    ImGui::SliderFloat("##override score", &app.override_value, 0.0f, 100.0f, "%.0f");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##override reason", "Reason (required)", &app.override_reason);
    if (ImGui::Button("Override this moment's score")) {
        std::string error;
        if (review.override_score(m.event, std::round(app.override_value), app.review_author, app.override_reason, error)) {
            app.notify("Override kept beside the automatic score: " + fixed1(std::round(app.override_value)) + " for " + name + ".");
            app.override_reason.clear();
        } else {
            app.notify(error, true);
        }
    }
    ImGui::PopID();
}

void notes_column(App& app, app::Review& review, const scoring::Score* score, const Keys& keys) {
    const auto& pal = app.palette;
    const float w = ImGui::GetContentRegionAvail().x;
    const auto& rubrics = review.rubrics();
    if (score) {
        const bool finished = review.row().status == "finished";
        score_bar(score->overall, score->pass ? pal.good : pal.poor,
                  (finished ? "Overall " : "So far ") + fixed1(score->overall) + (score->pass ? " - PASS" : " - NOT PASSED"),
                  w, ImGui::GetFrameHeight() * 1.2f);
        muted("Scored under: %s%s", score->rubric_title.c_str(), finished ? "" : " (the session is unfinished)");
        if (rubrics.size() > 1 && (key_button("R", "Re-score under another rubric") || keys.has('r')))
            app.review_rubric = (app.review_rubric + 1) % static_cast<int>(rubrics.size());
        for (const auto& c : score->critical) wrapped(pal.alert, "Critical: " + c.message);
    } else {
        wrapped(pal.alert, review.whole().failure() ? "The scenario stopped with an error: not scored."
                                                    : "Not scored: no rubric loads for this scenario.");
    }
    ImGui::Separator();

    ImGui::TextUnformatted("Your name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##author", "supervisor", &app.review_author);

    // The scored moments answered at this point, each with its automatic score and any override.
    bool any = false;
    if (score)
        for (const auto& m : score->moments)
            if (review.point_of_event(m.event) == review.point()) {
                ImGui::Spacing();
                moment_block(app, review, m);
                any = true;
            }
    if (!any) {
        ImGui::Spacing();
        muted("No scored moment at this point ([ and ] jump to one).");
    }

    ImGui::Spacing();
    ImGui::Separator();
    ImGui::TextUnformatted("Note on this moment");
    ImGui::InputTextMultiline("##note", &app.note_input, ImVec2(-1, ImGui::GetTextLineHeight() * 3.2f));
    if (ImGui::Button("Add note")) {
        std::string error;
        if (review.annotate(review.anchor(review.point()), app.review_author, app.note_input, error)) {
            app.notify("Note added at " + app::clock_text(review.at().now()) + ".");
            app.note_input.clear();
        } else {
            app.notify(error, true);
        }
    }
    if (!review.annotations().empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("All notes (click to go there)");
        for (const auto& n : review.annotations()) {
            const std::size_t p = review.point_of_event(n.event_index);
            const auto& events = review.whole().events();
            const std::string at = static_cast<std::size_t>(n.event_index) < events.size()
                                       ? app::clock_text(events[static_cast<std::size_t>(n.event_index)].at)
                                       : "?";
            ImGui::PushID(static_cast<int>(n.id));
            if (ImGui::Selectable(("[" + at + "] " + n.author + ": " + n.text).c_str(), p == review.point())) {
                review.seek(p);
                app.scroll_review = 3;
            }
            ImGui::PopID();
        }
    }
}

void session_review(App& app, app::Review& review, const Keys& keys) {
    if (keys.escape && !ImGui::GetIO().WantTextInput) {
        app.close_review();
        return;
    }
    const auto& scores = review.scores();
    const int n = static_cast<int>(scores.size());
    app.review_rubric = n > 0 ? std::clamp(app.review_rubric, 0, n - 1) : 0;
    const scoring::Score* score = n > 0 ? &scores[static_cast<std::size_t>(app.review_rubric)] : nullptr;
    const auto& row = review.row();

    heading(app, "Session " + std::to_string(row.id) + " - " + review.whole().info().title);
    ImGui::SameLine();
    muted("  trainee %s, seed %llu, started %s UTC, %s", row.trainee.c_str(), static_cast<unsigned long long>(row.seed),
          started(row.started_at).c_str(), row.status.c_str());
    if (key_button("Esc", "Back to the list")) {
        app.close_review();
        return;
    }
    ImGui::SameLine();
    muted("Hidden state is reconstructed by replaying the stored actions - the same as the live session at each point.");
    timeline_bar(app, review, score, keys);

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = std::max(260.0f, avail.x * 0.26f);
    const float right = std::max(320.0f, avail.x * 0.32f);
    ImGui::BeginChild("review participant", ImVec2(left, avail.y), true);
    participant_column(app, review);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("review middle", ImVec2(avail.x - left - right - ImGui::GetStyle().ItemSpacing.x * 2, avail.y), false);
    transcript_column(app, review);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("review notes", ImVec2(0, avail.y), true);
    notes_column(app, review, score, keys);
    ImGui::EndChild();
}

}  // namespace

void draw_review_screen(App& app, const Keys& keys) {
    if (app.review) session_review(app, *app.review, keys);
    else session_list(app, keys);
}

}  // namespace holdspace::ui
