// Session: the participant, the monitor, the transcript, the clock, and the trainee's
// options and actions. Every response goes through App::act, i.e. Session::apply.
#include "ui/frame_cache.hpp"
#include "ui/participant_figure.hpp"
#include "ui/screens.hpp"
#include "ui/typed_panel.hpp"
#include "ui/vitals_plot.hpp"

#include "app/event_text.hpp"
#include "sim/vocabulary.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace holdspace::ui {
namespace {

std::string str(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string num(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() ? std::string("?") : records::json_text(*it);
}

std::string first_name(const std::string& name) { return name.substr(0, name.find(' ')); }

std::string action_label(const std::string& name) {
    if (auto kind = action_by_name(name)) return std::string(action_info(*kind).label);
    return name;
}

// Breaks `text` into lines no wider than `width` (for buttons, which do not wrap).
std::string wrap_to(const std::string& text, float width, const std::string& indent) {
    std::string out, line, word;
    auto fits = [&](const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x <= width; };
    auto flush_word = [&] {
        if (word.empty()) return;
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && !fits(candidate)) {
            out += line + "\n";
            line = indent + word;
        } else {
            line = candidate;
        }
        word.clear();
    };
    for (const char c : text) {
        if (c == ' ') flush_word();
        else word += c;
    }
    flush_word();
    return out + line;
}

// What the trainee sees of the participant, in words, under the figure.
std::string describe(const FigureState& f, const std::string& name) {
    std::string s = first_name(name);
    static const std::map<std::string, std::string> looks = {
        {"calm", "looks calm"},         {"anxious", "looks anxious"},   {"fearful", "looks frightened"},
        {"distressed", "is distressed"}, {"tearful", "is tearful"},      {"angry", "looks angry"},
        {"ashamed", "looks ashamed"},   {"numb", "looks numb, far away"}, {"confused", "looks confused"},
        {"relieved", "looks relieved"}, {"warm", "looks warm, open"},   {"hopeful", "looks hopeful"},
        {"sad", "looks sad"},           {"playful", "looks playful"},   {"withdrawn", "has withdrawn"}};
    const auto it = looks.find(f.affect);
    s += " " + (it != looks.end() ? it->second : "- " + f.affect);
    std::vector<std::string> parts;
    if (f.eyeshades) parts.emplace_back("eyeshades on");
    else if (f.eyes_closed) parts.emplace_back("eyes closed");
    if (f.looking_at_therapist && !f.eyeshades) parts.emplace_back("looking at you");
    if (f.tears && f.affect != "tearful") parts.emplace_back("tears");
    if (f.trembling) parts.emplace_back("trembling");
    if (f.flushed) parts.emplace_back("flushed");
    if (f.couch && f.seated) parts.emplace_back("sitting up");
    if (f.curled) parts.emplace_back("curled up");
    if (f.blanket) parts.emplace_back("under a blanket");
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i == 0 ? ": " : ", ") + parts[i];
    return s + ".";
}

// What the figure showed last, so that a change (a new line's affect, distress rising) is shown
// moving from the old picture to the new one rather than jumping.
struct ShownFigure {
    const Session* session = nullptr;
    std::size_t events = 0;
    FigureState target;
    FigureState from;  // from_* fields: what was on screen when the target last changed
};

void smooth_change(FigureState& f, const Session& session, double seconds) {
    static ShownFigure shown;
    const bool same_session = shown.session == &session && session.events().size() >= shown.events &&
                              shown.target.look == f.look;
    const bool changed = f.affect != shown.target.affect || f.distress != shown.target.distress ||
                         f.arousal != shown.target.arousal || f.dissociation != shown.target.dissociation ||
                         f.inward_focus != shown.target.inward_focus;
    if (same_session && changed && !f.reduced_motion) {
        // From what is on screen now: the old target, or part of the way to it.
        FigureState now = shown.target;
        now.seconds = seconds;
        const double t = in_transition(now) ? std::clamp((seconds - now.change_at) / figure_transition_seconds, 0.0, 1.0) : 1.0;
        auto at = [&](double from, double to) { return from + (to - from) * t; };
        shown.from.from_affect = t < 0.5 && now.changing ? now.from_affect : now.affect;
        shown.from.from_distress = at(now.changing ? now.from_distress : now.distress, now.distress);
        shown.from.from_arousal = at(now.changing ? now.from_arousal : now.arousal, now.arousal);
        shown.from.from_dissociation = at(now.changing ? now.from_dissociation : now.dissociation, now.dissociation);
        shown.from.from_inward_focus = at(now.changing ? now.from_inward_focus : now.inward_focus, now.inward_focus);
        shown.from.change_at = seconds;
        shown.from.changing = true;
    } else if (!same_session) {
        shown.from.changing = false;
    }
    shown.session = &session;
    shown.events = session.events().size();
    if (shown.from.changing) {
        f.changing = true;
        f.from_affect = shown.from.from_affect;
        f.from_distress = shown.from.from_distress;
        f.from_arousal = shown.from.from_arousal;
        f.from_dissociation = shown.from.from_dissociation;
        f.from_inward_focus = shown.from.from_inward_focus;
        f.change_at = shown.from.change_at;
        if (!in_transition(f)) shown.from.changing = f.changing = false;
    }
    shown.target = f;
}

void participant_panel(App& app, float width, float height) {
    const Session& session = app.live->session();
    const auto& info = session.info();
    FigureState f = figure_state_from(session, app.seconds, app.settings.reduced_motion);
    smooth_change(f, session, app.seconds);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float fig_h = std::min(height * 0.62f, width * 0.52f);
    ImDrawList* list = ImGui::GetWindowDrawList();
    draw_participant(list, p, ImVec2(p.x + width, p.y + fig_h), f, app.palette);
    // The window redraws only this rectangle while nothing but the breathing changes.
    AnimatedFigure& moving = animated_figure();
    moving.present = true;
    moving.min = p;
    moving.max = ImVec2(p.x + width, p.y + fig_h);
    moving.clip_min = list->GetClipRectMin();
    moving.clip_max = list->GetClipRectMax();
    moving.background = ImGui::GetColorU32(ImGuiCol_ChildBg) | IM_COL32_A_MASK;
    moving.state = f;
    moving.palette = app.palette;
    ImGui::Dummy(ImVec2(width, fig_h));
    wrapped(app.palette.text, describe(f, info.patient.name));
    std::string about = info.patient.name;
    if (info.patient.age > 0) about += ", " + std::to_string(info.patient.age);
    if (!info.patient.pronouns.empty()) about += " (" + info.patient.pronouns + ")";
    if (!info.patient.touch_consent.empty() || !session.touch_consent().empty())
        about += session.touch_consent().empty() ? ". Touch: consent withdrawn."
                                                 : ". Touch agreed: " + session.touch_consent() + ".";
    else
        about += ". No touch agreed.";
    wrapped(app.palette.muted_text, about);
    ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!info.patient.background.empty() && ImGui::TreeNode("About the participant")) {
        ImGui::TextWrapped("%s", info.patient.background.c_str());
        ImGui::TreePop();
    }
}

// A session is monitored when it is dosed or a reading has been taken; a talking session without
// readings shows no empty chart, and its figure takes the room.
bool monitored(const Session& session) { return session.info().dose.has_value() || session.last_vitals().has_value(); }

void monitor_panel(App& app, float width, float height) {
    const Session& session = app.live->session();
    if (!monitored(session)) {
        wrapped(app.palette.muted_text, "No monitor: a talking session, no medicine. [V] takes a reading if you need one.");
        return;
    }
    const double now = static_cast<double>(session.now()) / 60.0 + app.clock.pending_minutes;
    ImGui::TextUnformatted("Vital signs monitor");
    const std::string hint = session.last_vitals() ? "(a reading every 30 min; [V] takes one now)"
                                                   : "(no readings yet: [V] takes one)";
    same_line_if_fits(hint);
    muted("%s", hint.c_str());
    const auto alerts = session.active_alerts();
    if (!alerts.empty()) {
        std::string text = "ALERT:";
        for (const Alert a : alerts) {
            const std::string_view n = alert_name(a);
            text += n == "hr_high"    ? " heart rate high"
                    : n == "sbp_high" ? " systolic pressure high"
                    : n == "dbp_high" ? " diastolic pressure high"
                                      : " temperature high";
            text += ";";
        }
        text.pop_back();
        text += "  ([V] checks again, [C] calls medical support)";
        wrapped(app.palette.alert, text);
    }
    const float h = std::max(80.0f, height - ImGui::GetFrameHeightWithSpacing() * (alerts.empty() ? 1.2f : 2.4f));
    draw_vitals_monitor("monitor", session.events(), session.info().thresholds, now, ImVec2(width, h), app.palette);
}

void clock_bar(App& app, const Keys& keys) {
    Session& session = app.live->session();
    const bool running = app.clock.speed == SessionClock::Speed::normal;
    const bool open = !session.over();
    if (open && keys.has('p'))
        app.clock.speed = running ? SessionClock::Speed::paused : SessionClock::Speed::normal;
    if (open && keys.has('f')) app.fast_forward();

    const Seconds pending = static_cast<Seconds>(std::floor(app.clock.pending_minutes * 60));
    std::string text;
    if (const auto since = session.since_dose())
        text = "Since dose " + app::clock_text(*since + pending) + "   (session " + app::clock_text(session.now() + pending) + ")";
    else
        text = "Session time " + app::clock_text(session.now() + pending);
    heading(app, text);
    const int silent = static_cast<int>(app.clock.pending_minutes);
    const std::string status = silent > 0 ? "+" + std::to_string(silent) + " min of silence so far"
                               : running  ? "time is running"
                                          : "clock paused: it moves when you respond";
    same_line_if_fits(status);
    muted("%s", status.c_str());
    if (!open) return;
    if (key_button("P", running ? "Pause the clock" : "Let time run")) {
        app.clock.speed = running ? SessionClock::Speed::paused : SessionClock::Speed::normal;
    }
    ImGui::SameLine();
    std::string ff = "Skip ahead 10 min";
    if (auto next = app.live->next_scheduled())
        ff = "Skip to the next reading (" + app::clock_text(*next) + ")";
    if (key_button("F", ff)) app.fast_forward();
    const std::string music = "Music: " + session.music() + (app.settings.muted ? " (muted in Settings)" : "");
    same_line_if_fits(music);
    muted("%s", music.c_str());
}

void transcript_panel(App& app) {
    const Session& session = app.live->session();
    const std::string name = session.info().patient.name;
    if (ImGui::BeginTable("transcript", 2, ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn("time", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("[00:00]").x);
        ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
        for (const Event& e : session.events()) {
            const TranscriptLine line = transcript_line(app, e, name);
            if (line.text.empty()) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s", app::clock_text(e.at).c_str());
            ImGui::TableNextColumn();
            wrapped(line.colour, line.text);
        }
        ImGui::EndTable();
    }
    // New lines scroll into view (for a few frames: the table's height settles as it wraps).
    if (app.scroll_transcript > 0) {
        ImGui::SetScrollHereY(1.0f);
        --app.scroll_transcript;
    }
}

std::string action_button_label(const ActionInfo& a) {
    return "[" + std::string(1, static_cast<char>(a.key - 'a' + 'A')) + "] " + std::string(a.label);
}

// How many rows the action buttons take in `width` (they wrap like words).
int action_rows(float width) {
    int rows = 1;
    float x = 0;
    for (const auto& a : action_infos()) {
        const float w = ImGui::CalcTextSize(action_button_label(a).c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (x > 0 && x + w >= width) {
            ++rows;
            x = 0;
        }
        x += w + ImGui::GetStyle().ItemSpacing.x;
    }
    return rows;
}

void choice_panel(App& app, const Keys& keys) {
    Session& session = app.live->session();
    const Choice* choice = session.choice();
    if (!choice) return;
    const bool typed_only = app.typed_only();
    // Keys first, so the frame shows their effect; while the coder's doubt is open, its own.
    if (!app.confirm_end && !app.unsure_say) {
        for (const char c : keys.typed) {
            if (c >= '1' && c <= '9' && static_cast<std::size_t>(c - '0') <= choice->options.size()) {
                if (typed_only) {
                    app.notify("Answer in your own words: type what you would say, then Enter.");
                    return;
                }
                app.act(TraineeAction::choose(std::string(1, c)));
                return;
            }
            for (const auto& a : action_infos()) {
                if (c != a.key && c != a.key - 'a' + 'A') continue;
                if (a.kind == ActionKind::end) app.confirm_end = true;
                else app.act(TraineeAction::act(a.kind));
                return;
            }
        }
    }
    if (!choice->prompt.empty()) wrapped(app.palette.marker, choice->prompt);
    if (typed_only)
        muted("Respond - say it in your own words (below), or act (letters). Each response takes a minute.");
    else
        muted("Respond - say something (1-%zu), or act (letters). Each response takes a minute.",
              choice->options.size());
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    const float width = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < choice->options.size() && i < 9 && !typed_only; ++i) {
        const Option& o = choice->options[i];
        std::string text = o.text;
        if (text.empty()) {
            text = "(" + action_label(o.action) + ")";
            if (auto kind = action_by_name(o.action))
                text += "  - or press " + std::string(1, static_cast<char>(action_info(*kind).key - 'a' + 'A'));
        }
        const std::string key = std::to_string(i + 1);
        const std::string label = wrap_to("[" + key + "] " + text, width - 24, "     ");
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Button(label.c_str(), ImVec2(width, 0))) {
            ImGui::PopID();
            ImGui::PopStyleVar();
            app.act(TraineeAction::choose(key));
            return;
        }
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::Spacing();
    float x = 0;
    for (const auto& a : action_infos()) {
        const std::string label = action_button_label(a);
        const float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
        if (x > 0 && x + w < width) ImGui::SameLine();
        else x = 0;
        x += w + ImGui::GetStyle().ItemSpacing.x;
        if (a.kind == ActionKind::end) ImGui::PushStyleColor(ImGuiCol_Button, dimmed(app.palette.poor, 0.5f));
        const bool clicked = ImGui::Button(label.c_str());
        if (a.kind == ActionKind::end) ImGui::PopStyleColor();
        if (clicked) {
            if (a.kind == ActionKind::end) app.confirm_end = true;
            else app.act(TraineeAction::act(a.kind));
            return;
        }
    }
}

}  // namespace

TranscriptLine transcript_line(const App& app, const Event& e, const std::string& participant) {
    const Json& d = e.data;
    const Palette& pal = app.palette;
    const std::string name = first_name(participant);
    if (e.type == "say") {
        const std::string affect = str(d, "affect");
        return {name + (affect.empty() || affect == "calm" ? "" : " (" + affect + ")") + ": \"" + str(d, "text") + "\"",
                pal.text};
    }
    if (e.type == "narrate" || e.type == "cue") return {str(d, "text"), pal.muted_text};
    if (e.type == "response" || e.type == "action") {
        const std::string t = str(d, "text");
        return {t.empty() ? "You: (" + action_label(str(d, "action")) + ")" : "You: \"" + t + "\"", pal.expert};
    }
    if (e.type == "alert") {
        const std::string line = app::render_event(e);
        return {line.substr(line.find("] ") + 2), pal.alert};
    }
    if (e.type == "vitals")
        return {"Monitor: HR " + num(d, "hr") + " bpm, BP " + num(d, "sbp") + "/" + num(d, "dbp") + " mmHg, " +
                    num(d, "temp_c") + " C",
                d.contains("alerts") ? pal.alert : pal.muted_text};
    if (e.type == "choice") return {str(d, "prompt"), pal.marker};
    if (e.type == "state") return {};  // hidden: the supervisor view shows it
    std::string line = app::render_event(e);
    const auto cut = line.find("] ");
    if (cut != std::string::npos && line[0] == '[') line = line.substr(cut + 2);
    return {line, e.type == "dose" || e.type == "phase" || e.type == "end" ? pal.marker : pal.muted_text};
}

void error_panel(App& app, const ScriptError& error, const char* title) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, dimmed(app.palette.alert, 0.35f));
    const float lines = static_cast<float>(3 + error.traceback.size());
    ImGui::BeginChild("error", ImVec2(0, std::min(ImGui::GetTextLineHeightWithSpacing() * (lines + 1), 260.0f)), true);
    heading(app, title);
    ImGui::TextWrapped("%s", error.what());
    for (const auto& frame : error.traceback) muted("    %s", frame.c_str());
    if (app.dev) muted("Fix the file and save it: the window reloads it and replays your actions.");
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

namespace {

void confirm_end_window(App& app, const Keys& keys) {
    const Session& session = app.live->session();
    if (keys.has('y') || keys.has('Y') || keys.enter) {
        app.confirm_end = false;
        app.act(TraineeAction::act(ActionKind::end));
        return;
    }
    if (keys.has('n') || keys.has('N') || keys.escape) {
        app.confirm_end = false;
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2), 0,
                            ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(520, 0));
    ImGui::SetNextWindowFocus();
    ImGui::Begin("End the session?", nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                                  ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
    ImGui::TextWrapped("End the session now, before the scenario closes it?");
    if (session.info().phase == "medicine")
        wrapped(app.palette.alert,
                "Ending a medicine session while the participant is still under the medicine's effects is a "
                "critical error: therapists stay until the effects have worn off.");
    if (key_button("Y", "End the session")) {
        app.confirm_end = false;
        app.act(TraineeAction::act(ActionKind::end));
    }
    ImGui::SameLine();
    if (key_button("N", "Keep going")) app.confirm_end = false;
    ImGui::End();
}

}  // namespace

void draw_session_screen(App& app, const Keys& keys) {
    if (!app.live || !app.live->ok()) {
        if (!app.dev_error) ImGui::TextUnformatted("No session. Press Escape for the library.");
        if (keys.escape && !app.dev) app.screen = Screen::start;
        return;
    }
    Session& session = app.live->session();
    if (keys.escape && !app.confirm_end && !app.dev && !app.unsure_say) {  // Esc there: back to the words
        app.commit_pending();
        app.screen = Screen::start;
        app.refresh_sessions();
        app.notify(session.over() ? "" : "The session is kept: resume it from 'Your sessions'.");
        return;
    }
    if (session.over() && keys.enter && !session.failure()) {
        app.screen = Screen::debrief;
        return;
    }

    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float supervisor_w = app.supervisor ? std::max(260.0f, avail.x * 0.22f) : 0.0f;
    const float left_w = std::max(300.0f, (avail.x - supervisor_w) * 0.40f);

    ImGui::BeginChild("participant", ImVec2(left_w, avail.y), true, ImGuiWindowFlags_NoScrollbar);
    const float inner_w = ImGui::GetContentRegionAvail().x;
    const float inner_h = ImGui::GetContentRegionAvail().y;
    const float figure_share = monitored(session) ? 0.52f : 0.86f;
    ImGui::BeginChild("figure", ImVec2(inner_w, inner_h * figure_share), false);
    participant_panel(app, ImGui::GetContentRegionAvail().x, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
    ImGui::Separator();
    monitor_panel(app, inner_w, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();

    ImGui::SameLine();
    const float mid_w = avail.x - left_w - supervisor_w - (app.supervisor ? ImGui::GetStyle().ItemSpacing.x : 0.0f) -
                        ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("conversation", ImVec2(mid_w, avail.y), false);
    clock_bar(app, keys);
    if (!app.live) {
        ImGui::EndChild();
        return;
    }
    const Choice* choice = session.choice();
    // The response area's height, from its content: prompt, options, actions.
    const ImGuiStyle& style = ImGui::GetStyle();
    float respond_h = style.WindowPadding.y * 2 + ImGui::GetTextLineHeightWithSpacing() * 1.5f;
    if (choice) {
        const float w = ImGui::GetContentRegionAvail().x - style.WindowPadding.x * 2 - 24;
        respond_h += static_cast<float>(action_rows(w + 24)) * ImGui::GetFrameHeightWithSpacing();
        for (const auto& o : choice->options) {
            if (app.typed_only()) break;
            const std::string t = o.text.empty() ? "(" + o.action + ")" : o.text;
            respond_h += ImGui::CalcTextSize(("[1] " + t).c_str(), nullptr, false, w).y +
                         ImGui::GetStyle().FramePadding.y * 2 + ImGui::GetStyle().ItemSpacing.y;
        }
        if (!choice->prompt.empty())
            respond_h += ImGui::CalcTextSize(choice->prompt.c_str(), nullptr, false, w).y + style.ItemSpacing.y;
        respond_h += style.ItemSpacing.y * 2;
        respond_h += ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;  // the field for the trainee's own words
    } else {
        respond_h = ImGui::GetFrameHeightWithSpacing() * 2.5f;
    }
    if (session.failure()) respond_h = 0;
    respond_h = std::min(respond_h, avail.y * 0.6f);

    const float transcript_h = ImGui::GetContentRegionAvail().y - respond_h - (respond_h > 0 ? 8.0f : 0.0f);
    if (session.failure()) error_panel(app, *session.failure(), "The scenario stopped with an error");
    ImGui::BeginChild("transcript", ImVec2(0, std::max(transcript_h, 80.0f)), true);
    transcript_panel(app);
    ImGui::EndChild();
    if (respond_h > 0) {
        ImGui::BeginChild("respond", ImVec2(0, 0), true);
        if (choice) {
            choice_panel(app, keys);
            if (app.live && app.live->ok() && app.live->session().choice())
                typed_response_field(app, keys, app.live->session(),
                                     [&app](const TraineeAction& heard) { return app.say(heard); });
        } else if (session.over()) {
            heading(app, "The session is over.");
            if (key_button("Enter", "See the debrief")) app.screen = Screen::debrief;
            ImGui::SameLine();
            if (!app.dev && key_button("Esc", "Back to the library")) app.screen = Screen::start;
        }
        ImGui::EndChild();
    }
    ImGui::EndChild();

    if (app.supervisor) {
        ImGui::SameLine();
        ImGui::BeginChild("supervisor", ImVec2(0, avail.y), true);
        draw_supervisor_panel(app);
        ImGui::EndChild();
    }
    if (app.confirm_end && app.live && !app.live->session().over()) confirm_end_window(app, keys);
}

}  // namespace holdspace::ui
