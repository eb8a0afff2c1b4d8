#pragma once
// What the window knows between frames: the trainee, the scenario library, the live
// practice session (app/practice.hpp, as terminal play drives it), the debrief, review and
// the settings. No SDL and no drawing here, so the screens can be unit-tested headless and
// the window (app_window.cpp) stays a thin shell.
#include "app/drill.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/review.hpp"
#include "app/trainee_sessions.hpp"
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
    bool typed_only = false;     // answer in your own words only: the spoken options are not shown

    Json to_json() const;
    static Settings from_json(const Json& j);  // missing or wrong fields keep their defaults
};
Settings load_settings(const std::string& dir);
bool save_settings(const std::string& dir, const Settings& settings);

// The signed-in trainee is remembered in <data>/trainee.json.
std::string load_trainee(const std::string& dir);
bool save_trainee(const std::string& dir, const std::string& name);

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
    std::unique_ptr<app::DrillSession> session;  // none until the screen is opened
};

struct App {
    WindowOptions options;
    std::string data;  // the data folder
    Settings settings;
    Palette palette = Palette::standard();
    std::string trainee;
    std::string name_input;
    std::vector<app::LibraryEntry> library;
    int selected = 0;  // in library
    std::vector<app::SavedSession> sessions;

    Screen screen = Screen::start;
    Screen before_settings = Screen::start;
    bool supervisor = false;
    bool help = false;
    bool confirm_end = false;
    std::string say_input;  // the trainee's own words, being typed at the open choice
    // Typed words the coder is unsure how to hear, waiting for the trainee to keep or correct them.
    std::optional<TraineeAction> unsure_say;

    std::unique_ptr<app::PracticeSession> live;
    SessionClock clock;
    std::string message;  // a one-line notice shown in the top bar (errors, what just happened)
    bool message_is_error = false;
    std::optional<Screen> message_screen;  // where the notice was first shown: leaving it clears it

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
        std::vector<std::optional<bool>> passes;  // each row's pass or fail; none when unknown
        int selected = 0;
    } review_list;
    std::unique_ptr<app::Review> review;
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
    bool resume(const app::SavedSession& saved);
    // Closes an unfinished stored session (its actions are kept), as `holdspace sessions close`.
    bool close_session(const app::SavedSession& saved);
    // Applies the trainee's action (committing pending silence first). Goes to the debrief
    // when the session ends.
    bool act(const TraineeAction& action);
    // Plays the trainee's own words, already heard (typed_panel.hpp), at the open choice and tells
    // how they were heard.
    bool say(const TraineeAction& heard);
    // Only the trainee's own words answer: the setting, or the scenario's typed_only.
    bool typed_only() const;
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

}  // namespace holdspace::ui
