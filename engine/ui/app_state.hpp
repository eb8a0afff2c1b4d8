#pragma once
// What the window knows between frames: the trainee, the scenario library, the live
// session (a Session driven exactly as terminal play drives it), its record, the
// debrief and the settings. No SDL and no drawing here, so the screens can be
// unit-tested headless and the window (app_window.cpp) stays a thin shell.
#include "records/session_record.hpp"
#include "scoring/scorer.hpp"
#include "sim/session.hpp"
#include "ui/app_window.hpp"
#include "ui/palette.hpp"

#include <filesystem>
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
// Every *.lua under root/{preparation,medicine,integration} (and any other folder but rubrics/),
// loaded to read its table; ordered by phase (preparation, medicine, integration), then title.
std::vector<LibraryEntry> scan_library(const std::string& root);

// A session record in the data folder.
struct SavedSession {
    std::string record_path, scenario_path, scenario_id, title;
    std::uint64_t seed = 0;
    std::size_t actions = 0;
    bool finished = false;
    std::filesystem::file_time_type modified;
};
// The trainee's records, newest first (records made superseded by a resume are left out).
std::vector<SavedSession> list_sessions(const std::string& dir, const std::string& trainee);

// ---- the live session ------------------------------------------------------------------------

// One scenario played with one seed: the Session, the actions applied (as a record keeps them),
// the record being written and the rubrics that score it.
class LiveSession {
public:
    // Loads and starts the scenario; replays `actions` (stopping at the first that no longer
    // applies, reported in replay_note()). Never throws: a scenario error is kept in load_error().
    // With `record_path`, the whole session (replayed actions included) is recorded there;
    // when the record cannot be created the session still runs and record_error() says why.
    LiveSession(std::string scenario_path, std::uint64_t seed, const std::vector<std::string>& actions = {},
                const std::string& record_path = {}, const std::string& rubrics_root = {});

    bool ok() const { return session_ != nullptr; }
    const std::optional<ScriptError>& load_error() const { return load_error_; }
    Session& session() { return *session_; }
    const Session& session() const { return *session_; }
    const std::string& scenario_path() const { return scenario_path_; }
    const std::string& source() const { return source_; }
    std::uint64_t seed() const { return seed_; }
    const std::vector<std::string>& actions() const { return actions_; }
    const std::string& replay_note() const { return replay_note_; }

    const std::string& record_path() const { return record_path_; }  // empty when not recording
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
    void flush_events();

    std::string scenario_path_, source_, rubrics_root_;
    std::uint64_t seed_ = 1;
    std::unique_ptr<Session> session_;
    std::optional<ScriptError> load_error_;
    std::vector<std::string> actions_;
    std::string replay_note_;
    std::unique_ptr<records::RecordWriter> record_;
    std::string record_path_, record_error_;
    std::size_t recorded_events_ = 0;
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

// ---- the application -------------------------------------------------------------------------

enum class Screen { start, session, debrief, settings };

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
               const std::string& label = "session");
    bool begin_selected();
    // Replays an unfinished record into a fresh Session and carries on recording (the old
    // record is kept, renamed *.superseded).
    bool resume(const SavedSession& saved);
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

    void open_settings();
    void close_settings();
    void apply_settings();  // palette from settings; marks settings_changed
};

std::string clock_label(Seconds at);  // "1:05"

}  // namespace holdspace::ui
