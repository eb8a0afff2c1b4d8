// The session screen's state: the live practice session, its clock, practising a moment again and
// author mode's reloading.
#include "ui/app_state.hpp"

#include "app/typed.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace holdspace::ui {
namespace fs = std::filesystem;

bool App::begin(const std::string& scenario_path, std::uint64_t seed, const std::vector<std::string>& actions,
                const std::string& label, std::int64_t resume_id) {
    unsure_say.reset();
    say_input.clear();
    app::PracticeConfig config;
    config.scenario_path = scenario_path;
    config.seed = seed;
    config.actions = actions;
    config.every_rubric = true;
    config.rubrics_root = options.scenarios_root;
    config.typed_only = settings.typed_only;
    if (!dev && recording && store && !trainee.empty()) {
        config.store = store.get();
        config.trainee = trainee;
        config.resume = resume_id;
    }
    auto next = std::make_unique<app::PracticeSession>(std::move(config));
    if (!next->ok()) {
        if (dev) {
            dev_error = next->load_error();
            return false;
        }
        notify(std::string(next->load_error()->what()), true);
        return false;
    }
    if (resume_id != 0 && !next->replay_note().empty()) {
        // Going on would store actions after ones that were never applied: refuse, as `holdspace resume` does.
        notify("Session " + std::to_string(resume_id) + " cannot be resumed: its " + next->replay_note() +
                   " (has the scenario changed?). It is kept as it was; close it or review it.",
               true);
        return false;
    }
    live = std::move(next);
    clock = SessionClock{};
    confirm_end = false;
    rubric_index = 0;
    side_by_side = false;
    selected_moment = -1;
    scroll_transcript = 3;
    dev_error.reset();
    record_error_told = false;
    if (!dev && recording && !trainee.empty() && !live->recording()) {
        notify("This session is not being recorded: " + (live->record_error().empty() ? store_error : live->record_error()),
               true);
        record_error_told = true;
    } else if (!live->replay_note().empty()) {
        notify("Replayed up to where it changed: " + live->replay_note(), true);
    } else if (label == "session") {
        notify("");
    }
    screen = live->session().over() ? Screen::debrief : Screen::session;
    refresh_sessions();
    return true;
}

void App::commit_pending() {
    if (!live || !live->ok()) return;
    const double whole = std::floor(clock.pending_minutes);
    if (whole < 1 || live->session().over()) {
        clock.pending_minutes = 0;
        return;
    }
    std::string error;
    live->apply(TraineeAction::wait_for(std::min(whole, max_wait_minutes)), error);
    clock.pending_minutes = 0;
}

bool App::act(const TraineeAction& action) {
    if (!live || !live->ok() || live->session().over()) return false;
    if (action.kind != TraineeAction::Kind::wait) commit_pending();
    if (live->session().over()) return false;
    std::string error;
    if (!live->apply(action, error)) {
        notify(error, true);
        return false;
    }
    if (!live->record_error().empty() && !record_error_told) {
        notify("This session is no longer being recorded: " + live->record_error(), true);
        record_error_told = true;
    } else if (!record_error_told) {
        notify("");
    }
    scroll_transcript = 3;
    confirm_end = false;
    if (live->session().over() && !live->session().failure()) {
        screen = Screen::debrief;
        clock.speed = SessionClock::Speed::paused;
        refresh_sessions();
        // The debrief opens on the first moment worth practising.
        selected_moment = first_moment_to_review();
    }
    return true;
}

bool App::say(const TraineeAction& heard) {
    if (!act(heard)) return false;
    notify("You were " + app::last_typed_text(live->session()) + ".");
    return true;
}

bool App::typed_only() const { return settings.typed_only || (live && live->typed_only()); }

bool App::tick(double real_seconds) {
    if (!live || !live->ok() || screen != Screen::session || live->session().over()) return false;
    if (clock.speed != SessionClock::Speed::normal || confirm_end) return false;
    clock.pending_minutes += real_seconds / clock.real_seconds_per_minute;
    const double now_min = static_cast<double>(live->session().now()) / 60.0;
    bool due = clock.pending_minutes >= clock.commit_every;
    if (auto next = live->next_scheduled())
        due = due || now_min + clock.pending_minutes >= static_cast<double>(*next) / 60.0;
    if (!due) return false;
    const double whole = std::floor(clock.pending_minutes);
    clock.pending_minutes -= whole;
    if (whole < 1) return false;
    std::string error;
    const bool changed = live->apply(TraineeAction::wait_for(whole), error);
    if (changed) scroll_transcript = 3;
    return changed;
}

bool App::fast_forward() {
    if (!live || !live->ok() || live->session().over()) return false;
    commit_pending();
    double minutes = 10;
    if (auto next = live->next_scheduled())
        minutes = std::max(1.0, std::ceil(static_cast<double>(*next - live->session().now()) / 60.0));
    std::string error;
    if (!live->apply(TraineeAction::wait_for(std::min(minutes, max_wait_minutes)), error)) {
        notify(error, true);
        return false;
    }
    scroll_transcript = 3;
    return true;
}

bool App::practise(const scoring::MomentResult& moment) {
    if (!live || !live->ok()) return false;
    const auto cut = app::actions_before_moment(live->scenario_path(), live->seed(), live->actions(), moment);
    if (!cut) {
        notify("Could not find that moment in this session's actions.", true);
        return false;
    }
    const std::vector<std::string> prefix(live->actions().begin(),
                                          live->actions().begin() + static_cast<std::ptrdiff_t>(*cut));
    const std::string path = live->scenario_path();
    const std::uint64_t seed = live->seed();
    const std::string name = moment.moment.empty() ? "this moment" : "'" + moment.moment + "'";
    if (!begin(path, seed, prefix, "practice")) return false;
    notify("Practising " + name + " again: the session was replayed up to just before it (" +
           std::to_string(prefix.size()) + " actions).");
    return true;
}

bool App::poll_dev_file() {
    if (!dev) return false;
    std::error_code ec;
    const auto mtime = fs::last_write_time(options.dev_scenario, ec);
    if (ec || mtime == dev_mtime) return false;
    return reload_dev();
}

bool App::reload_dev() {
    std::error_code ec;
    dev_mtime = fs::last_write_time(options.dev_scenario, ec);
    std::vector<std::string> actions;
    if (live && live->ok() && live->scenario_path() == options.dev_scenario) actions = live->actions();
    const bool had = live != nullptr;
    // In author mode a broken file keeps the last good session on screen, under the error.
    app::PracticeConfig config;
    config.scenario_path = options.dev_scenario;
    config.seed = options.seed;
    config.actions = actions;
    config.every_rubric = true;
    config.rubrics_root = options.scenarios_root;
    config.typed_only = settings.typed_only;
    auto next = std::make_unique<app::PracticeSession>(std::move(config));
    if (!next->ok()) {
        dev_error = next->load_error();
        if (!had) screen = Screen::session;
        return true;
    }
    dev_error.reset();
    live = std::move(next);
    clock.pending_minutes = 0;
    scroll_transcript = 3;
    screen = live->session().over() ? Screen::debrief : Screen::session;
    if (!live->replay_note().empty())
        notify("Reloaded; replayed up to where the scenario changed: " + live->replay_note(), true);
    else if (had)
        notify("Reloaded " + options.dev_scenario + " and replayed " + std::to_string(actions.size()) +
               (actions.size() == 1 ? " action." : " actions."));
    else
        notify("Author mode: editing " + options.dev_scenario + " reloads it here.");
    return true;
}

int App::first_moment_to_review() {
    if (!live || !live->ok()) return -1;
    const auto& scores = live->scores();
    if (scores.empty() || scores.front().moments.empty()) return -1;
    const auto& moments = scores.front().moments;
    for (std::size_t i = 0; i < moments.size(); ++i)
        if (!moments[i].chose_expert && moments[i].kind == "moment") return static_cast<int>(i);
    return 0;
}

}  // namespace holdspace::ui
