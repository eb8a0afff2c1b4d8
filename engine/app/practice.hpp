#pragma once
// A recorded practice session, the one thing Holdspace does, written once for every front end:
// open the scenario and its rubrics, start the session in the record store, apply and commit each
// action as it is taken, and when it ends score it, store the transcript and score, and queue its
// xAPI statements. `holdspace play`, `holdspace resume` and the window's session screen drive it.
#include "scoring/scorer.hpp"
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace holdspace::records {
class Store;
class RecordWriter;
}  // namespace holdspace::records

namespace holdspace::app {

// Loads the scenario source into a fresh sandbox and makes a session on it.
// Throws ScriptError.
std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed,
                                      std::optional<std::uint64_t> order_seed = std::nullopt);

// The rubrics to score a session with: those `requested` (names or paths), or the
// scenario's own when none is. Throws std::runtime_error when a requested rubric
// does not exist, ScriptError when a rubric file is broken. When the scenario's
// own rubric cannot be found, returns none and says so in `note`.
std::vector<scoring::Rubric> load_rubrics(const std::vector<std::string>& requested, const std::string& scenario_rubric,
                                          const std::string& scenario_path, std::string& note);

// Every rubric a scenario can be scored under: its own first, then every other rubric in the
// rubrics folders (beside the scenario's phase folder, `rubrics_root`, the shipped scenarios).
// A broken extra rubric is left out; why the scenario's own is missing goes into `note`.
std::vector<scoring::Rubric> load_all_rubrics(const std::string& scenario_path, const std::string& scenario_rubric,
                                              const std::string& rubrics_root, std::string& note);

// The session's scores under each rubric, in order.
std::vector<scoring::Score> score_all(const std::vector<scoring::Rubric>& rubrics, const Json& events);

struct PracticeConfig {
    std::string scenario_path;
    std::uint64_t seed = 1;
    // Replayed after the start, deterministically: a resumed session's stored actions, or the
    // actions up to a moment being practised again. Replay stops at the first that no longer applies.
    std::vector<std::string> actions;

    // Rubrics: those named (names or paths), else the scenario's own; with `every_rubric`, the
    // scenario's own followed by every other rubric found (the window's side-by-side view).
    std::vector<std::string> rubrics;
    bool every_rubric = false;
    std::string rubrics_root;

    // Recording. With a store: a new session for `trainee`, or (with `resume`) the open session
    // whose stored actions are the ones being replayed. `record_file`: a session record file too.
    records::Store* store = nullptr;
    std::string trainee;
    std::int64_t resume = 0;
    std::string record_file;
    // Recording was asked for and must work: when it cannot be set up the session does not start
    // (setup_error). Otherwise a store that fails stops recording, never the session (record_error).
    bool recording_required = false;
    // Only the trainee's own words answer a choice (the window's setting, `play --typed-only`);
    // a scenario's `typed_only = true` asks the same. Replayed actions are not held to it.
    bool typed_only = false;
};

class PracticeSession {
public:
    // Loads and starts the scenario, then replays the config's actions. Never throws. Without a
    // session, load_error() says why: the scenario's error, or (also in setup_error()) a rubric,
    // record file or required store that cannot be set up. A replay that stops early: replay_note().
    explicit PracticeSession(PracticeConfig config);
    ~PracticeSession();
    PracticeSession(const PracticeSession&) = delete;
    PracticeSession& operator=(const PracticeSession&) = delete;

    bool ok() const { return session_ != nullptr; }
    const std::optional<ScriptError>& load_error() const { return load_error_; }
    const std::string& setup_error() const { return setup_error_; }
    Session& session() { return *session_; }
    const Session& session() const { return *session_; }
    const std::string& scenario_path() const { return config_.scenario_path; }
    const std::string& source() const { return source_; }
    std::uint64_t seed() const { return config_.seed; }
    // Every action applied, replayed ones included, as the store keeps them.
    const std::vector<std::string>& actions() const { return actions_; }

    // Why replay stopped early ("action 3 ('hold') no longer applies: ..."); the action's index
    // (0-based) in replay_failed_at().
    const std::string& replay_note() const { return replay_note_; }
    std::optional<std::size_t> replay_failed_at() const { return replay_failed_at_; }
    const std::string& replay_error() const { return replay_error_; }

    std::int64_t stored_session() const { return stored_; }  // the store's session id; 0 when not recording
    bool recording() const { return store_ != nullptr; }
    // Spoken options are not offered: the trainee answers in their own words (non-verbal actions stay).
    bool typed_only() const { return config_.typed_only || (session_ && session_->info().typed_only); }
    void set_typed_only(bool only) { config_.typed_only = only; }  // the window's setting, changed mid-session
    const std::string& record_error() const { return record_error_; }
    const std::string& store_path() const { return store_path_; }

    // Applies one action, records it in the store and the record file, and commits both. When the
    // session ends it is scored and finished in the store, and its xAPI statements are queued.
    // False (and `error`) when the action does not apply here.
    bool apply(const TraineeAction& action, std::string& error);

    const std::vector<scoring::Rubric>& rubrics() const { return rubrics_; }
    const std::string& rubric_note() const { return rubric_note_; }  // why the scenario's own rubric is missing
    // Scores of the transcript so far under each rubric (cached until the transcript grows).
    const std::vector<scoring::Score>& scores();

    // Time of the next event the clock can bring without the trainee: the monitor's next
    // reading or a supplemental dose due, in seconds since the start; none outside a dosed session.
    std::optional<Seconds> next_scheduled() const;

private:
    void fail_setup(const std::string& why);
    void store_step(const std::function<void()>& write);
    void write_record();
    void finish_if_over();

    PracticeConfig config_;
    std::string source_;
    std::unique_ptr<Session> session_;
    std::optional<ScriptError> load_error_;
    std::string setup_error_;
    std::vector<std::string> actions_;
    std::string replay_note_, replay_error_;
    std::optional<std::size_t> replay_failed_at_;
    records::Store* store_ = nullptr;
    std::string store_path_;
    std::int64_t stored_ = 0;
    std::unique_ptr<records::RecordWriter> record_;
    std::size_t recorded_events_ = 0;
    bool replaying_stored_ = false;
    bool replaying_ = false;  // the config's actions, which typed_only does not hold back  // resuming: the actions being replayed are already stored
    bool finished_ = false;          // the transcript and score are stored
    std::string record_error_;
    std::vector<scoring::Rubric> rubrics_;
    std::string rubric_note_;
    std::vector<scoring::Score> scores_;
    std::size_t scored_events_ = static_cast<std::size_t>(-1);
};

// The index of the first action to leave out so that a replay stops just before `moment`
// (the first action taken at the choice the moment answered); none when it is not found.
std::optional<std::size_t> actions_before_moment(const std::string& scenario_path, std::uint64_t seed,
                                                 const std::vector<std::string>& actions,
                                                 const scoring::MomentResult& moment);

}  // namespace holdspace::app
