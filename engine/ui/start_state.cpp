// The start screen's state: signing in, the trainee's sessions, starting, resuming and closing them.
#include "ui/app_state.hpp"

#include "app/scenario_trust.hpp"

#include <filesystem>

namespace holdspace::ui {
namespace fs = std::filesystem;

void App::sign_in(const std::string& name) {
    std::string n = name;
    while (!n.empty() && (n.back() == ' ' || n.back() == '\t')) n.pop_back();
    while (!n.empty() && (n.front() == ' ' || n.front() == '\t')) n.erase(0, 1);
    if (n.empty()) {
        notify("Type your name or trainee ID to sign in.", true);
        return;
    }
    trainee = n;
    name_input = n;
    if (!save_trainee(data, trainee)) notify("Signed in, but " + data + " is not writable: nothing will be kept.", true);
    else notify("Signed in as " + trainee + ". Your sessions are kept in " + data + ".");
    refresh_sessions();
}

void App::sign_out() {
    trainee.clear();
    name_input.clear();
    sessions.clear();
    save_trainee(data, "");
    notify("Signed out.");
}

void App::refresh_sessions() {
    sessions.clear();
    if (!store || trainee.empty()) return;
    try {
        std::string error;
        if (const int n = app::import_jsonl_records(*store, data, trainee, error); n > 0)
            notify("Imported " + std::to_string(n) + " earlier session record" + (n == 1 ? "" : "s") +
                   " into the record store (the files are kept, renamed *.imported).");
        if (!error.empty()) notify("Earlier session records could not be imported: " + error, true);
        sessions = app::list_sessions(*store, trainee);
    } catch (const std::exception& e) {
        notify(std::string("The record store cannot be read: ") + e.what(), true);
    }
    for (auto& s : sessions)
        if (s.title == s.scenario_id)
            for (const auto& entry : library)
                if (entry.id == s.scenario_id && !entry.title.empty()) s.title = entry.title;
}

bool App::begin_selected() {
    if (trainee.empty()) {
        notify("Sign in first: type your name or trainee ID and press Enter.", true);
        return false;
    }
    if (selected < 0 || selected >= static_cast<int>(library.size())) return false;
    const auto& entry = library[static_cast<std::size_t>(selected)];
    if (!entry.error.empty()) {
        notify(entry.error, true);
        return false;
    }
    return begin(entry.path, options.seed);
}

bool App::resume(const app::SavedSession& chosen) {
    const app::SavedSession saved = chosen;  // `chosen` may live in `sessions`, which begin() refreshes
    if (!store) {
        notify("Cannot resume: " + store_error, true);
        return false;
    }
    std::vector<std::string> actions;
    try {
        const auto row = store->session(saved.id);
        if (!row || row->status != "open") {
            notify("Session " + std::to_string(saved.id) + " is no longer open.", true);
            refresh_sessions();
            return false;
        }
        actions = store->actions(saved.id);
        // Its answers replayed against other text would be scored as one session (docs/security.md,
        // "Resume ignores edits"): the window refuses; the terminal can go on, marked.
        const auto check = app::check_resumed_scenario(*store, *row, false);
        if (check.verdict == app::ResumeCheck::Verdict::changed) {
            notify("Session " + std::to_string(saved.id) + " cannot be resumed: its scenario has changed since it was "
                   "recorded. Start a new session (or: holdspace resume " + std::to_string(saved.id) +
                   " --scenario-changed).", true);
            return false;
        }
        if (!check.ok()) {
            notify("Cannot resume " + check.message, true);
            return false;
        }
    } catch (const std::exception& e) {
        notify(e.what(), true);
        return false;
    }
    std::error_code exists_ec;
    if (!fs::exists(saved.scenario_path, exists_ec)) {
        notify("Session " + std::to_string(saved.id) + ": its scenario " + saved.scenario_path + " is gone", true);
        return false;
    }
    if (!begin(saved.scenario_path, saved.seed, actions, "resumed", saved.id)) return false;
    if (live->replay_note().empty() && live->recording())
        notify("Resumed " + saved.title + " after " + std::to_string(actions.size()) + " actions.");
    return true;
}

bool App::close_session(const app::SavedSession& saved) {
    if (!store) return false;
    const std::int64_t id = saved.id;
    try {
        store->close_session(id);
    } catch (const std::exception& e) {
        notify(e.what(), true);
        return false;
    }
    refresh_sessions();
    notify("Closed session " + std::to_string(id) + "; its actions are kept.");
    return true;
}

}  // namespace holdspace::ui
