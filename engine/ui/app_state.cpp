#include "ui/app_state.hpp"

#include "cli/cohort.hpp"
#include "cli/report_input.hpp"
#include "cli/scenario_digest.hpp"
#include "cli/scenario_session.hpp"
#include "cli/sync.hpp"
#include "cli/terminal_view.hpp"
#include "records/session_record.hpp"
#include "script/lua_scenario.hpp"
#include "script/rubric_loader.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>
#include <sstream>

namespace holdspace::ui {
namespace fs = std::filesystem;

// ---- data folder, settings, trainee ----------------------------------------------------------

std::string data_dir() {
    if (const char* d = std::getenv("HOLDSPACE_DATA"); d && *d) return d;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return (fs::path(x) / "holdspace").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".local" / "share" / "holdspace").string();
    return ".holdspace";
}

namespace {

std::optional<Json> read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    try {
        return Json::parse(in);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Writes via a temporary file and rename, so a crash never leaves half a file.
bool write_json(const fs::path& path, const Json& j) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        out << records::json_text(j, 2) << "\n";
        if (!out) return false;
    }
    fs::rename(tmp, path, ec);
    return !ec;
}

int phase_rank(const std::string& phase) {
    if (phase == "preparation") return 0;
    if (phase == "medicine") return 1;
    if (phase == "integration") return 2;
    return 3;
}

}  // namespace

Json Settings::to_json() const {
    return {{"font_scale", font_scale},
            {"colour_blind", colour_blind},
            {"reduced_motion", reduced_motion},
            {"volume", volume},
            {"muted", muted}};
}

Settings Settings::from_json(const Json& j) {
    Settings s;
    if (!j.is_object()) return s;
    if (j.contains("font_scale") && j["font_scale"].is_number())
        s.font_scale = std::clamp(j["font_scale"].get<float>(), 0.75f, 2.5f);
    if (j.contains("colour_blind") && j["colour_blind"].is_boolean()) s.colour_blind = j["colour_blind"].get<bool>();
    if (j.contains("reduced_motion") && j["reduced_motion"].is_boolean())
        s.reduced_motion = j["reduced_motion"].get<bool>();
    if (j.contains("volume") && j["volume"].is_number()) s.volume = std::clamp(j["volume"].get<float>(), 0.0f, 1.0f);
    if (j.contains("muted") && j["muted"].is_boolean()) s.muted = j["muted"].get<bool>();
    return s;
}

Settings load_settings(const std::string& dir) {
    if (auto j = read_json(fs::path(dir) / "settings.json")) return Settings::from_json(*j);
    return {};
}

bool save_settings(const std::string& dir, const Settings& settings) {
    return write_json(fs::path(dir) / "settings.json", settings.to_json());
}

std::string load_trainee(const std::string& dir) {
    if (auto j = read_json(fs::path(dir) / "trainee.json"); j && j->is_object() && j->contains("name") &&
                                                             (*j)["name"].is_string())
        return (*j)["name"].get<std::string>();
    return {};
}

bool save_trainee(const std::string& dir, const std::string& name) {
    return write_json(fs::path(dir) / "trainee.json", Json{{"name", name}});
}

std::string trainee_folder(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        out += ok ? c : '_';
    }
    if (out.empty() || out == "." || out == "..") out = "_" + out;
    return out;
}

std::string clock_label(Seconds at) { return cli::clock_text(at); }

// ---- library and saved sessions --------------------------------------------------------------

std::vector<LibraryEntry> scan_library(const std::string& root) {
    std::vector<LibraryEntry> entries;
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) return entries;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        // Rubrics are not scenarios; drills/ holds the drill catalogue, played on the drill screen;
        // lib/ holds modules the scenarios require.
        std::error_code entry_ec;  // a symbolic link loop or dangling link is skipped, never thrown
        if (it->is_directory(entry_ec) &&
            (it->path().filename() == "rubrics" || it->path().filename() == "drills" || it->path().filename() == "lib")) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(entry_ec) && it->path().extension() == ".lua") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        LibraryEntry e;
        e.path = f.string();
        try {
            auto loaded = script::load_scenario_file(e.path);
            const auto& info = loaded.info;
            e.id = info.id;
            e.title = info.title;
            e.phase = info.phase;
            e.difficulty = info.difficulty;
            e.description = info.description;
            e.objectives = info.objectives;
            e.patient = info.patient.name + (info.patient.age > 0 ? ", " + std::to_string(info.patient.age) : "");
        } catch (const std::exception& ex) {
            e.title = f.filename().string();
            e.phase = f.parent_path().filename().string();
            e.error = ex.what();
        }
        entries.push_back(std::move(e));
    }
    std::stable_sort(entries.begin(), entries.end(), [](const LibraryEntry& a, const LibraryEntry& b) {
        if (phase_rank(a.phase) != phase_rank(b.phase)) return phase_rank(a.phase) < phase_rank(b.phase);
        return a.title < b.title;
    });
    return entries;
}

std::vector<SavedSession> list_sessions(records::Store& store, const std::string& trainee) {
    std::vector<SavedSession> out;
    if (trainee.empty()) return out;
    auto rows = store.sessions(trainee);
    std::reverse(rows.begin(), rows.end());  // newest first
    for (const auto& r : rows) {
        SavedSession s;
        s.id = r.id;
        s.scenario_path = r.scenario_path;
        s.scenario_id = r.scenario_id;
        s.seed = r.seed;
        s.actions = store.actions(r.id).size();
        s.finished = r.status != "open";
        s.started_at = r.started_at;
        if (s.finished) {
            for (const auto& e : store.events(r.id))
                if (e.value("type", "") == "start") s.title = e.value("title", "");
            s.overall = r.overall;
            const Json score = store.score(r.id);
            s.passed = r.overall && score.value("pass", false);
        }
        if (s.title.empty()) s.title = r.scenario_id;
        out.push_back(std::move(s));
    }
    return out;
}

ScenarioProgress progress_of(const std::vector<SavedSession>& sessions, const std::string& scenario_id) {
    ScenarioProgress p;
    for (const auto& s : sessions) {
        if (!s.finished || !s.overall || s.scenario_id != scenario_id) continue;  // closed unscored: not tried
        ++p.finished;
        p.best = std::max(p.best.value_or(*s.overall), *s.overall);
        p.passed = p.passed || s.passed;
    }
    return p;
}

// A file time as the store's UTC stamp ("2026-11-22T09:30:00Z").
static std::string utc_of(fs::file_time_type time) {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(time));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

int import_jsonl_records(records::Store& store, const std::string& dir, const std::string& trainee, std::string& error) {
    const fs::path folder = fs::path(dir) / "sessions" / trainee_folder(trainee);
    std::error_code ec;
    if (trainee.empty() || !fs::is_directory(folder, ec)) return 0;
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;  // a symbolic link loop or dangling link is skipped, never thrown
        if (it->is_regular_file(entry_ec) && it->path().extension() == ".jsonl") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());  // named by when they were made: oldest first
    int imported = 0;
    for (const auto& file : files) {
        records::Record record;
        try {
            record = records::read_record(file.string());
        } catch (const std::exception&) {
            continue;  // a damaged record stays on disk, untouched
        }
        try {
            const auto& h = record.header;
            records::Store::Imported session;
            session.trainee = trainee;
            session.scenario_path = h.scenario_path;
            session.scenario_id = h.scenario_id;
            session.digest = h.scenario_digest;
            session.seed = h.seed;
            session.started_at = utc_of(fs::last_write_time(file, ec));  // when it was last written
            session.actions = record.actions;
            // The file's full path marks the import: a crash before the rename below cannot import it twice.
            session.source = fs::absolute(file).string();
            if (!record.events.empty() && record.events.back().value("type", "") == "end") {
                session.events = Json(record.events);
                std::string rubric_id;
                for (const auto& e : record.events)
                    if (e.value("type", "") == "start") rubric_id = e.value("rubric", "");
                try {
                    std::string note;
                    const auto rubrics = cli::load_rubrics({}, rubric_id, h.scenario_path, note);
                    if (!rubrics.empty()) {
                        const auto score = scoring::score_transcript(rubrics.front(), *session.events);
                        session.rubric = score.rubric_id;
                        session.overall = score.overall;
                        session.score = scoring::score_json(score);
                    }
                } catch (const std::exception&) {
                    // Kept without a score; the transcript is what matters.
                }
            }
            store.import_session(session);
        } catch (const std::exception& e) {
            error = e.what();
            return imported;
        }
        fs::rename(file, fs::path(file.string() + ".imported"), ec);
        ++imported;
    }
    return imported;
}

// ---- the live session ------------------------------------------------------------------------

std::vector<scoring::Rubric> load_all_rubrics(const std::string& scenario_path, const std::string& scenario_rubric,
                                              const std::string& rubrics_root, std::string& note) {
    std::vector<scoring::Rubric> rubrics;
    try {
        rubrics = cli::load_rubrics({}, scenario_rubric, scenario_path, note);
    } catch (const std::exception& e) {
        note = e.what();
    }
    std::vector<std::string> roots = cli::scenario_roots();
    if (!rubrics_root.empty()) roots.insert(roots.begin(), rubrics_root);
    roots.insert(roots.begin(), fs::path(scenario_path).parent_path().parent_path().string());
    std::set<std::string> seen;
    std::error_code canonical_ec;  // a link loop must not throw out of the review
    for (const auto& r : rubrics) seen.insert(fs::weakly_canonical(r.source, canonical_ec).string());
    for (const auto& root : roots) {
        std::error_code ec;
        const fs::path folder = fs::path(root) / "rubrics";
        if (!fs::is_directory(folder, ec)) continue;
        std::vector<fs::path> files;
        for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
            if (it->path().extension() == ".lua") files.push_back(it->path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            const std::string key = fs::weakly_canonical(f, canonical_ec).string();
            if (canonical_ec || !seen.insert(key).second) continue;
            try {
                auto rubric = script::load_rubric_file(f.string());
                if (std::none_of(rubrics.begin(), rubrics.end(), [&](const auto& r) { return r.id == rubric.id; }))
                    rubrics.push_back(std::move(rubric));
            } catch (const std::exception&) {
                // A broken extra rubric only loses its side-by-side column.
            }
        }
    }
    return rubrics;
}

LiveSession::LiveSession(std::string scenario_path, std::uint64_t seed, const std::vector<std::string>& actions,
                         Recording recording, const std::string& rubrics_root)
    : scenario_path_(std::move(scenario_path)), rubrics_root_(rubrics_root), seed_(seed) {
    try {
        source_ = script::read_text_file(scenario_path_);
        session_ = cli::open_session(source_, scenario_path_, seed_);
    } catch (const ScriptError& e) {
        load_error_ = e;
        return;
    } catch (const std::exception& e) {
        load_error_ = ScriptError(e.what(), {});
        return;
    }

    // Rubrics load before the session starts, as in `holdspace play`.
    rubrics_ = load_all_rubrics(scenario_path_, session_->info().rubric, rubrics_root_, rubric_note_);

    if (recording.store) {
        store_ = recording.store;
        stored_ = recording.resume;
        replaying_stored_ = recording.resume != 0;
        if (!stored_) {
            const std::string path = fs::absolute(scenario_path_).lexically_normal().string();
            store_step([&] {
                stored_ = store_->start_session(recording.trainee, path, session_->info().id, cli::scenario_digest(source_, path), seed_);
            });
        }
    }

    session_->start();
    std::string error;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        std::string why;
        auto parsed = parse_action(actions[i], why);
        if (!parsed) {
            if (why.empty()) continue;
            replay_note_ = "action " + std::to_string(i + 1) + " ('" + actions[i] + "') is invalid: " + why;
            break;
        }
        if (!apply(*parsed, error)) {
            replay_note_ = "action " + std::to_string(i + 1) + " ('" + actions[i] + "') no longer applies: " + error;
            break;
        }
    }
    replaying_stored_ = false;
    finish_if_over();
}

// A store that fails stops recording, never the session: the trainee is told (record_error).
void LiveSession::store_step(const std::function<void()>& write) {
    if (!store_) return;
    try {
        write();
    } catch (const std::exception& e) {
        record_error_ = e.what();
        store_ = nullptr;
    }
}

void LiveSession::finish_if_over() {
    if (!store_ || finished_ || !session_->over() || replaying_stored_) return;
    finished_ = true;
    const auto& all = scores();
    const Json events = transcript_json(session_->events());
    store_step([&] {
        if (all.empty()) store_->finish_session(stored_, events, "", std::nullopt, Json::object());
        else store_->finish_session(stored_, events, all.front().rubric_id, all.front().overall, scoring::score_json(all.front()));
    });
    // Its xAPI statements wait in the outbox for `holdspace sync`, as after a terminal session.
    store_step([&] {
        std::string note;
        if (const auto row = store_->session(stored_); row && row->status == "finished")
            cli::queue_session_statements(*store_, *row, cli::xapi_base(), note);
    });
}

bool LiveSession::apply(const TraineeAction& action, std::string& error) {
    if (!session_) {
        error = "the scenario did not load";
        return false;
    }
    auto applied = session_->apply(action, error);
    if (!applied) return false;
    actions_.push_back(applied->to_string());
    if (!replaying_stored_) store_step([&] { store_->add_action(stored_, actions_.back()); });
    finish_if_over();
    return true;
}

const std::vector<scoring::Score>& LiveSession::scores() {
    if (!session_) return scores_;
    if (scored_events_ != session_->events().size()) {
        scored_events_ = session_->events().size();
        scores_.clear();
        if (!session_->failure()) scores_ = cli::score_all(rubrics_, transcript_json(session_->events()));
    }
    return scores_;
}

std::optional<Seconds> LiveSession::next_scheduled() const {
    if (!session_ || session_->over()) return std::nullopt;
    const auto since = session_->since_dose();
    if (!since) return std::nullopt;
    const Seconds dose_at = session_->now() - *since;
    Seconds next = dose_at + monitor_interval * (*since / monitor_interval + 1);
    if (const auto& plan = session_->info().dose; plan && plan->supplemental_mg > 0) {
        bool settled = false;
        for (const auto& e : session_->events())
            if ((e.type == "dose" && e.data.value("kind", "") == "supplemental") || e.type == "dose_withheld")
                settled = true;
        const Seconds due = dose_at + static_cast<Seconds>(std::llround(plan->supplemental_at * 60));
        if (!settled && due > session_->now()) next = std::min(next, due);
    }
    return next;
}

std::optional<std::size_t> actions_before_moment(const std::string& scenario_path, std::uint64_t seed,
                                                 const std::vector<std::string>& actions,
                                                 const scoring::MomentResult& moment) {
    LiveSession replay(scenario_path, seed);
    if (!replay.ok()) return std::nullopt;
    auto& s = replay.session();
    std::size_t choices_before = 0;
    std::size_t first_at_choice = 0;
    auto count_choices = [&] {
        return static_cast<std::size_t>(std::count_if(s.events().begin(), s.events().end(),
                                                       [](const Event& e) { return e.type == "choice"; }));
    };
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const std::size_t choices = count_choices();
        if (i == 0 || choices != choices_before) first_at_choice = i;
        choices_before = choices;
        const std::size_t before = s.events().size();
        std::string error;
        auto parsed = parse_action(actions[i], error);
        if (!parsed) continue;
        if (!replay.apply(*parsed, error)) return std::nullopt;
        for (std::size_t k = before; k < s.events().size(); ++k) {
            const Event& e = s.events()[k];
            if (std::abs(e.minutes() - moment.t) > 1e-6) continue;
            const bool answers = (moment.kind == "moment" && e.type == "response" &&
                                  e.data.value("option", "") == moment.response_id) ||
                                 (moment.kind == "action" && e.type == "action" &&
                                  e.data.value("action", "") == moment.response_id);
            if (answers) return first_at_choice;
        }
    }
    return std::nullopt;
}

// ---- the application -------------------------------------------------------------------------

void App::init(const WindowOptions& opts) {
    options = opts;
    data = options.data_dir.empty() ? data_dir() : options.data_dir;
    try {
        store = std::make_unique<records::Store>(cli::store_path(data));
    } catch (const std::exception& e) {
        store_error = e.what();
        notify("Sessions cannot be recorded: " + store_error, true);
    }
    settings = load_settings(data);
    apply_settings();
    settings_changed = false;
    trainee = load_trainee(data);
    name_input = trainee;
    library = scan_library(options.scenarios_root);
    refresh_sessions();
    if (!options.dev_scenario.empty()) {
        dev = true;
        if (trainee.empty()) trainee = "author";
        reload_dev();
    }
}

void App::notify(std::string text, bool error) {
    message = std::move(text);
    message_is_error = error;
}

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
        if (const int n = import_jsonl_records(*store, data, trainee, error); n > 0)
            notify("Imported " + std::to_string(n) + " earlier session record" + (n == 1 ? "" : "s") +
                   " into the record store (the files are kept, renamed *.imported).");
        if (!error.empty()) notify("Earlier session records could not be imported: " + error, true);
        sessions = list_sessions(*store, trainee);
    } catch (const std::exception& e) {
        notify(std::string("The record store cannot be read: ") + e.what(), true);
    }
    for (auto& s : sessions)
        if (s.title == s.scenario_id)
            for (const auto& entry : library)
                if (entry.id == s.scenario_id && !entry.title.empty()) s.title = entry.title;
}

bool App::begin(const std::string& scenario_path, std::uint64_t seed, const std::vector<std::string>& actions,
                const std::string& label, std::int64_t resume_id) {
    Recording to;
    if (!dev && recording && store && !trainee.empty()) to = {store.get(), trainee, resume_id};
    auto next = std::make_unique<LiveSession>(scenario_path, seed, actions, to, options.scenarios_root);
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

bool App::resume(const SavedSession& chosen) {
    const SavedSession saved = chosen;  // `chosen` may live in `sessions`, which begin() refreshes
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
        if (!row->scenario_digest.empty() && cli::is_regular_file(row->scenario_path) &&
            cli::scenario_digest(script::read_text_file(row->scenario_path), row->scenario_path) != row->scenario_digest) {
            notify("Session " + std::to_string(saved.id) + " cannot be resumed: its scenario has changed since it was "
                   "recorded. Start a new session (or: holdspace resume " + std::to_string(saved.id) +
                   " --scenario-changed).", true);
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

bool App::close_session(const SavedSession& saved) {
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
    const auto cut = actions_before_moment(live->scenario_path(), live->seed(), live->actions(), moment);
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
    auto next = std::make_unique<LiveSession>(options.dev_scenario, options.seed, actions, Recording{}, options.scenarios_root);
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

void App::open_settings() {
    if (screen != Screen::settings) before_settings = screen;
    screen = Screen::settings;
}

void App::close_settings() {
    if (screen == Screen::settings) screen = before_settings;
}

void App::apply_settings() {
    palette = settings.colour_blind ? Palette::colour_blind_safe() : Palette::standard();
    settings_changed = true;
}

}  // namespace holdspace::ui
