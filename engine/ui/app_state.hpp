#pragma once
// What the window knows between frames: the trainee, the scenario library, the live
// session (a Session driven exactly as terminal play drives it), its record, the
// debrief and the settings. No SDL and no drawing here, so the screens can be
// unit-tested headless and the window (app_window.cpp) stays a thin shell.
#include "cli/drill.hpp"
#include "records/cohort.hpp"
#include "records/store.hpp"
#include "scoring/scorer.hpp"
#include "sim/session.hpp"
#include "ui/app_window.hpp"
#include "ui/palette.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

struct ImFont;

namespace holdspace::ui {

class Music;

// ---- the data folder -------------------------------------------------------------------------

// $HOLDSPACE_DATA, else $XDG_DATA_HOME/holdspace, else ~/.local/share/holdspace.
std::string data_dir();

struct Settings {
    float font_scale = 1.0f;     // 0.75-2.5; the fonts are rebuilt at this size
    bool colour_blind = false;   // the Okabe-Ito palette
    bool reduced_motion = false; // no breathing or trembling animation, no auto-scroll easing
    float volume = 0.5f;         // 0-1
    bool muted = false;

    Json to_json() const;
    static Settings from_json(const Json& j);  // missing or wrong fields keep their defaults
};
Settings load_settings(const std::string& dir);
bool save_settings(const std::string& dir, const Settings& settings);

// The signed-in trainee is remembered in <data>/trainee.json.
std::string load_trainee(const std::string& dir);
bool save_trainee(const std::string& dir, const std::string& name);
// A name safe as a folder: letters, digits, '-', '_' and '.'; others become '_'.
std::string trainee_folder(const std::string& name);

// ---- the library -----------------------------------------------------------------------------

struct LibraryEntry {
    std::string path, id, title, phase, difficulty, description;
    std::vector<std::string> objectives;
    std::string patient;  // "Inês Carvalho, 38"
    std::string error;    // the scenario does not load: file:line and why
};
// Every *.lua under root/{preparation,medicine,integration} (and any other folder but rubrics/ and drills/),
// loaded to read its table; ordered by phase (preparation, medicine, integration), then title.
std::vector<LibraryEntry> scan_library(const std::string& root);

// A session in the record store (<data>/holdspace.db, the same store as `holdspace sessions`).
struct SavedSession {
    std::int64_t id = 0;
    std::string scenario_path, scenario_id, title;  // title: from the transcript, else the id
    std::uint64_t seed = 0;
    std::size_t actions = 0;
    bool finished = false;  // finished or closed: not offered for resuming
    std::string started_at;
    std::optional<double> overall;  // the stored score, when finished and scored
    bool passed = false;            // by the rubric it was scored under
};
// Where a trainee stands with one scenario of the curriculum: never begun, tried, or passed.
struct ScenarioProgress {
    int finished = 0;               // finished, scored sessions
    std::optional<double> best;     // best overall score among them
    bool passed = false;            // any of them passed
};
ScenarioProgress progress_of(const std::vector<SavedSession>& sessions, const std::string& scenario_id);
// The trainee's sessions in the store, newest first.
std::vector<SavedSession> list_sessions(records::Store& store, const std::string& trainee);

// Session records from before the store (<data>/sessions/<trainee>/*.jsonl) are imported into
// the store once - actions, and the transcript and score when finished - and the file is kept,
// renamed *.imported. Returns how many were imported; a record that cannot be read is left as it is.
int import_jsonl_records(records::Store& store, const std::string& dir, const std::string& trainee,
                         std::string& error);

// ---- the live session ------------------------------------------------------------------------

// Where a live session is recorded: a new session in the store for `trainee`, or (with
// `resume`) the open session whose stored actions are the ones being replayed.
struct Recording {
    records::Store* store = nullptr;
    std::string trainee;
    std::int64_t resume = 0;
};

// One scenario played with one seed: the Session, the actions applied (as the store keeps them),
// the stored session being written and the rubrics that score it.
class LiveSession {
public:
    // Loads and starts the scenario; replays `actions` (stopping at the first that no longer
    // applies, reported in replay_note()). Never throws: a scenario error is kept in load_error().
    // With a store, the session is recorded there as `holdspace play --trainee` records it: each
    // action committed as it is taken (replayed ones too, unless resuming), the transcript and
    // score when it ends. When the store fails the session still runs and record_error() says why.
    LiveSession(std::string scenario_path, std::uint64_t seed, const std::vector<std::string>& actions = {},
                Recording recording = {}, const std::string& rubrics_root = {});

    bool ok() const { return session_ != nullptr; }
    const std::optional<ScriptError>& load_error() const { return load_error_; }
    Session& session() { return *session_; }
    const Session& session() const { return *session_; }
    const std::string& scenario_path() const { return scenario_path_; }
    const std::string& source() const { return source_; }
    std::uint64_t seed() const { return seed_; }
    const std::vector<std::string>& actions() const { return actions_; }
    const std::string& replay_note() const { return replay_note_; }

    std::int64_t stored_session() const { return stored_; }  // the store's session id; 0 when not recording
    bool recording() const { return store_ != nullptr; }
    const std::string& record_error() const { return record_error_; }

    // Applies one action exactly as `holdspace play` does, records it, and commits the record.
    // False (and `error`) when it does not apply here.
    bool apply(const TraineeAction& action, std::string& error);

    // Rubrics: the scenario's own first, then every other rubric in the rubrics folder.
    const std::vector<scoring::Rubric>& rubrics() const { return rubrics_; }
    const std::string& rubric_note() const { return rubric_note_; }
    // Scores of the transcript so far under each rubric (cached until the transcript grows).
    const std::vector<scoring::Score>& scores();

    // Time of the next event the clock can bring without the trainee: the monitor's next
    // reading or a supplemental dose due, in seconds since the start; none outside a dosed session.
    std::optional<Seconds> next_scheduled() const;

private:
    void store_step(const std::function<void()>& write);
    void finish_if_over();

    std::string scenario_path_, source_, rubrics_root_;
    std::uint64_t seed_ = 1;
    std::unique_ptr<Session> session_;
    std::optional<ScriptError> load_error_;
    std::vector<std::string> actions_;
    std::string replay_note_;
    records::Store* store_ = nullptr;
    std::int64_t stored_ = 0;
    bool replaying_stored_ = false;  // resuming: the actions being replayed are already stored
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

// Every rubric a scenario can be scored under: its own first, then every other rubric in the
// rubrics folders (beside the scenario's phase folder, `rubrics_root`, the shipped scenarios).
// A broken extra rubric is left out; why the scenario's own is missing goes into `note`.
std::vector<scoring::Rubric> load_all_rubrics(const std::string& scenario_path, const std::string& scenario_rubric,
                                              const std::string& rubrics_root, std::string& note);

// ---- supervisor review -----------------------------------------------------------------------

// A recorded session opened for review. It is replayed from its stored actions into a fresh
// Session - deterministic, as `holdspace resume` replays - so that its timeline can be scrubbed
// and the participant's hidden state reconstructed exactly at every point. Point 0 is before the
// trainee's first action; point i is just after action i, up to the next choice.
class Review {
public:
    Review(records::Store& store, const records::SessionRow& row, const std::string& rubrics_root);
    Review(const Review&) = delete;
    Review& operator=(const Review&) = delete;

    bool ok() const { return whole_ != nullptr; }
    const std::string& error() const { return error_; }  // why it did not load
    const std::string& note() const { return note_; }    // the replay differs from the record, or stops early
    const records::SessionRow& row() const { return row_; }
    const std::vector<std::string>& actions() const { return actions_; }
    const Session& whole() const { return *whole_; }  // every stored action applied
    const std::vector<scoring::Rubric>& rubrics() const { return rubrics_; }
    const std::vector<scoring::Score>& scores() const { return scores_; }  // of the whole transcript, per rubric

    std::size_t points() const { return ends_.size(); }
    std::size_t point() const { return point_; }
    // Reconstructs the session at `point` (clamped): forward by applying the next actions, back by
    // replaying from the start.
    void seek(std::size_t point);
    const Session& at() const { return *at_; }
    std::size_t events_at(std::size_t point) const { return ends_.at(point); }  // transcript length there
    std::size_t point_of_event(int event) const;
    // The event a note or an override made at `point` attaches to: the trainee's response or action
    // taken there (what scored moments attach to), else the last event shown.
    int anchor(std::size_t point) const;

    const std::vector<records::Annotation>& annotations() const { return annotations_; }
    const std::vector<records::ScoreOverride>& overrides() const { return overrides_; }
    // The latest override of the moment at `event`, if any: it is the one that counts.
    const records::ScoreOverride* latest_override(int event) const;
    bool annotate(int event, const std::string& author, const std::string& text, std::string& error);
    bool override_score(int event, double score, const std::string& author, const std::string& reason,
                        std::string& error);

private:
    void reload_notes();

    records::Store& store_;
    records::SessionRow row_;
    std::string source_, error_, note_;
    std::vector<std::string> actions_;
    std::unique_ptr<Session> whole_, at_;
    std::vector<std::size_t> ends_;
    std::size_t point_ = 0, at_point_ = 0;
    std::vector<scoring::Rubric> rubrics_;
    std::vector<scoring::Score> scores_;
    std::vector<records::Annotation> annotations_;
    std::vector<records::ScoreOverride> overrides_;
};

// ---- the application -------------------------------------------------------------------------

enum class Screen { start, session, debrief, settings, review, cohort, drill };

// The session clock as the trainee runs it. Simulated time only moves through
// TraineeAction::wait_for: at normal speed, silence accumulates here (pending) and is
// committed as one `wait N` before the trainee's next response, at the next scheduled event,
// or every `commit_every` minutes.
struct SessionClock {
    enum class Speed { paused, normal };
    Speed speed = Speed::paused;
    double pending_minutes = 0;          // silence not yet committed
    double real_seconds_per_minute = 2;  // normal speed: one simulated minute every 2 s
    double commit_every = 5;             // minutes
};

// The drill screen (drill_screen.cpp): today's drill set for the signed-in trainee.
struct DrillScreenState {
    std::unique_ptr<cli::DrillSession> session;  // none until the screen is opened
};

struct App {
    WindowOptions options;
    std::string data;  // the data folder
    Settings settings;
    Palette palette = Palette::standard();
    std::string trainee;
    std::string name_input;
    std::vector<LibraryEntry> library;
    int selected = 0;  // in library
    std::vector<SavedSession> sessions;

    Screen screen = Screen::start;
    Screen before_settings = Screen::start;
    bool supervisor = false;
    bool help = false;
    bool confirm_end = false;

    std::unique_ptr<LiveSession> live;
    SessionClock clock;
    std::string message;  // a one-line notice shown in the top bar (errors, what just happened)
    bool message_is_error = false;

    // Debrief.
    int rubric_index = 0;     // which rubric the debrief shows
    bool side_by_side = false;
    int selected_moment = -1;

    bool recording = true;  // record sessions in the data folder (not for --screenshot)
    // The record store, <data>/holdspace.db; none (and store_error says why) when it cannot be
    // opened - a foreign or damaged file is never touched, and sessions then run unrecorded.
    std::unique_ptr<records::Store> store;
    std::string store_error;
    bool record_error_told = false;

    // Supervisor review (F4): the session list, its filters, and the session opened.
    struct ReviewList {
        std::string trainee, scenario;  // filters; empty = all
        std::vector<records::SessionRow> rows;
        int selected = 0;
    } review_list;
    std::unique_ptr<Review> review;
    int review_rubric = 0;
    std::string review_author, note_input, override_reason;
    float override_value = 50;
    int scroll_review = 3;  // frames left to keep the review's transcript scrolled to the point
    std::string cohort_path;  // where to export the cohort; empty: the data folder
    Screen before_review = Screen::start;

    // Cohort view (F5).
    std::optional<records::Cohort> cohort;
    std::string cohort_note;
    DrillScreenState drills;

    // Author mode.
    bool dev = false;
    std::filesystem::file_time_type dev_mtime{};
    std::optional<ScriptError> dev_error;

    // Presentation (set by the window; tests leave them).
    double seconds = 0;  // animation clock: wall time, never enters the session
    ImFont* heading_font = nullptr;
    Music* music = nullptr;
    int scroll_transcript = 3;  // frames left to keep the transcript scrolled to its end
    bool settings_changed = false;  // the window rebuilds fonts and saves
    bool text_input_active = false;

    // Sets up from options: data folder, settings, remembered trainee, library; in author
    // mode opens the scenario at once.
    void init(const WindowOptions& opts);

    void notify(std::string text, bool error = false);
    void sign_in(const std::string& name);
    void sign_out();
    void refresh_sessions();

    // Starts `scenario_path` with `seed`, replaying `actions`, recording into the data folder
    // (unless in author mode). Goes to the session screen (or the debrief when it is over).
    bool begin(const std::string& scenario_path, std::uint64_t seed, const std::vector<std::string>& actions = {},
               const std::string& label = "session", std::int64_t resume_id = 0);
    bool begin_selected();
    // Replays an unfinished stored session's actions into a fresh Session and carries on
    // recording into the same stored session (as `holdspace resume` does).
    bool resume(const SavedSession& saved);
    // Closes an unfinished stored session (its actions are kept), as `holdspace sessions close`.
    bool close_session(const SavedSession& saved);
    // Applies the trainee's action (committing pending silence first). Goes to the debrief
    // when the session ends.
    bool act(const TraineeAction& action);
    void commit_pending();
    // Advances the clock by `real_seconds` at the current speed; true when the session changed.
    bool tick(double real_seconds);
    // Waits until the next scheduled event (or 10 minutes when none is due).
    bool fast_forward();
    // A new session with the same seed, replaying the actions up to just before `moment`.
    bool practise(const scoring::MomentResult& moment);
    // Author mode: reload when the file changed; true when it did.
    bool poll_dev_file();
    bool reload_dev();

    // The debrief opens on the first moment the trainee did not answer as an expert would.
    int first_moment_to_review();

    // Review: the list of recorded sessions (filtered), and one session opened from it.
    void open_review_list();
    void refresh_review_list();
    bool open_review(std::int64_t session);
    void close_review();  // back to the list, or out of review when no session is open
    // Cohort: reads it from the store and shows it; exports it as CSV (to <data>/cohort-DATE.csv
    // when `path` is empty) and says where.
    void open_cohort();
    void refresh_cohort();
    bool export_cohort(const std::string& path = {});

    void open_settings();
    void close_settings();
    void apply_settings();  // palette from settings; marks settings_changed
};

std::string clock_label(Seconds at);  // "1:05"

}  // namespace holdspace::ui
