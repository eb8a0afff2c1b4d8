// A recorded practice session (practice.hpp), and the scenario and rubric loading it needs.
#include "app/practice.hpp"

#include "app/library.hpp"
#include "app/scenario_digest.hpp"
#include "app/statements.hpp"
#include "app/typed.hpp"
#include "records/session_record.hpp"
#include "records/store.hpp"
#include "script/rubric_loader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

namespace holdspace::app {
namespace fs = std::filesystem;

std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed,
                                      std::optional<std::uint64_t> order_seed) {
    auto loaded = script::load_scenario_source(source, path);
    return std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed, order_seed);
}

std::vector<scoring::Rubric> load_rubrics(const std::vector<std::string>& requested, const std::string& scenario_rubric,
                                          const std::string& scenario_path, std::string& note) {
    std::vector<scoring::Rubric> rubrics;
    if (requested.empty()) {
        const std::string path = script::find_rubric(scenario_rubric, scenario_path, scenario_roots());
        if (path.empty()) {
            note = "no rubric '" + scenario_rubric + "' found (looked in rubrics/ beside the scenario and in " +
                   "the scenarios folder)";
            return rubrics;
        }
        rubrics.push_back(script::load_rubric_file(path));
        return rubrics;
    }
    for (const auto& name : requested) {
        const std::string path = script::find_rubric(name, scenario_path, scenario_roots());
        if (path.empty()) throw std::runtime_error("no rubric '" + name + "' (a name in scenarios/rubrics/ or a .lua path)");
        rubrics.push_back(script::load_rubric_file(path));
    }
    return rubrics;
}

std::vector<scoring::Score> score_all(const std::vector<scoring::Rubric>& rubrics, const Json& events) {
    std::vector<scoring::Score> scores;
    for (const auto& r : rubrics) scores.push_back(scoring::score_transcript(r, events));
    return scores;
}

std::vector<scoring::Rubric> load_all_rubrics(const std::string& scenario_path, const std::string& scenario_rubric,
                                              const std::string& rubrics_root, std::string& note) {
    std::vector<scoring::Rubric> rubrics;
    try {
        rubrics = load_rubrics({}, scenario_rubric, scenario_path, note);
    } catch (const std::exception& e) {
        note = e.what();
    }
    std::vector<std::string> roots = scenario_roots();
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

PracticeSession::PracticeSession(PracticeConfig config) : config_(std::move(config)) {
    try {
        source_ = script::read_text_file(config_.scenario_path);
        session_ = open_session(source_, config_.scenario_path, config_.seed);
    } catch (const ScriptError& e) {
        load_error_ = e;
        return;
    } catch (const std::exception& e) {
        load_error_ = ScriptError(e.what(), {});
        return;
    }

    // Rubrics load before the session starts: a broken rubric must not cost a trainee a session.
    try {
        if (config_.every_rubric && config_.rubrics.empty())
            rubrics_ = load_all_rubrics(config_.scenario_path, session_->info().rubric, config_.rubrics_root, rubric_note_);
        else
            rubrics_ = load_rubrics(config_.rubrics, session_->info().rubric, config_.scenario_path, rubric_note_);
    } catch (const ScriptError& e) {  // a broken rubric: its file and line, like a broken scenario
        load_error_ = e;
        session_.reset();
        return;
    } catch (const std::exception& e) {
        fail_setup(e.what());
        return;
    }

    const std::string path = fs::absolute(config_.scenario_path).lexically_normal().string();
    const std::string digest = scenario_digest(source_, config_.scenario_path);
    if (!config_.record_file.empty()) {
        try {
            record_ = std::make_unique<records::RecordWriter>(
                config_.record_file, records::RecordHeader{config_.scenario_path, session_->info().id, digest, config_.seed});
        } catch (const std::exception& e) {
            fail_setup(e.what());
            return;
        }
    }
    if (config_.store) {
        store_ = config_.store;
        store_path_ = store_->path();
        stored_ = config_.resume;
        replaying_stored_ = config_.resume != 0;
        try {
            // A wrong HOLDSPACE_XAPI_BASE is said now, before the session, not at sync.
            if (config_.recording_required) (void)xapi_base();
            if (!stored_) stored_ = store_->start_session(config_.trainee, path, session_->info().id, digest, config_.seed);
        } catch (const std::exception& e) {
            if (config_.recording_required) {
                fail_setup(e.what());
                return;
            }
            record_error_ = e.what();
            store_ = nullptr;
        }
    }

    session_->start();
    replaying_ = true;
    for (std::size_t i = 0; i < config_.actions.size(); ++i) {
        std::string why;
        auto parsed = parse_action(config_.actions[i], why);
        if (!parsed && why.empty()) continue;  // a comment or a blank line
        if (!parsed || !apply(*parsed, why)) {
            replay_failed_at_ = i;
            replay_error_ = why;
            replay_note_ = "action " + std::to_string(i + 1) + " ('" + config_.actions[i] + "') " +
                           (parsed ? "no longer applies: " : "is invalid: ") + why;
            break;
        }
    }
    replaying_stored_ = false;
    replaying_ = false;
    write_record();
    finish_if_over();
}

PracticeSession::~PracticeSession() = default;

void PracticeSession::fail_setup(const std::string& why) {
    setup_error_ = why;
    load_error_ = ScriptError(why, {});
    session_.reset();
}

// A store that fails stops recording, never the session: the front end tells the trainee (record_error).
void PracticeSession::store_step(const std::function<void()>& write) {
    if (!store_) return;
    try {
        write();
    } catch (const std::exception& e) {
        record_error_ = e.what();
        store_ = nullptr;
    }
}

// The events since the last call go to the record file, which is then synced to disk.
void PracticeSession::write_record() {
    if (!record_) return;
    const auto& events = session_->events();
    for (; recorded_events_ < events.size(); ++recorded_events_) record_->event(events[recorded_events_]);
    record_->commit();
}

void PracticeSession::finish_if_over() {
    if (!store_ || finished_ || !session_->over() || replaying_stored_) return;
    finished_ = true;
    const auto& all = scores();
    const Json events = transcript_json(session_->events());
    store_step([&] {
        if (all.empty()) store_->finish_session(stored_, events, "", std::nullopt, Json::object());
        else store_->finish_session(stored_, events, all.front().rubric_id, all.front().overall, scoring::score_json(all.front()));
    });
    // Its xAPI statements wait in the outbox for `holdspace sync` (which also retries this).
    store_step([&] {
        std::string note;
        if (const auto row = store_->session(stored_); row && row->status == "finished")
            queue_session_statements(*store_, *row, xapi_base(), note);
    });
}

namespace {
// The open choice's option an action names, by id or by its number as shown; none when it names none.
const Option* offered_option(const Session& session, const std::string& named) {
    const Choice* choice = session.choice();
    if (!choice) return nullptr;
    if (const Option* o = choice->find(named)) return o;
    if (named.empty() || named.size() > 3 || named.find_first_not_of("0123456789") != std::string::npos) return nullptr;
    const auto n = static_cast<std::size_t>(std::stoi(named));
    return n >= 1 && n <= choice->options.size() ? &choice->options[n - 1] : nullptr;
}
}  // namespace

bool PracticeSession::apply(const TraineeAction& action, std::string& error) {
    if (!session_) {
        error = "the scenario did not load";
        return false;
    }
    if (!replaying_ && typed_only() && action.kind == TraineeAction::Kind::option)
        if (const Option* o = offered_option(*session_, action.option); o && !o->text.empty()) {
            error = "this session takes your own words: type what you would say";
            return false;
        }
    TraineeAction heard = action;
    if (!hear(heard, *session_, error)) return false;  // a typed response is heard first (typed.hpp)
    auto applied = session_->apply(heard, error);
    if (!applied) return false;
    actions_.push_back(applied->to_string());
    if (record_ && !replaying_stored_) record_->action(actions_.back());
    if (!replaying_stored_) store_step([&] { store_->add_action(stored_, actions_.back()); });
    if (!replaying_stored_) write_record();
    finish_if_over();
    return true;
}

const std::vector<scoring::Score>& PracticeSession::scores() {
    if (!session_) return scores_;
    if (scored_events_ != session_->events().size()) {
        scored_events_ = session_->events().size();
        scores_.clear();
        if (!session_->failure()) scores_ = score_all(rubrics_, transcript_json(session_->events()));
    }
    return scores_;
}

std::optional<Seconds> PracticeSession::next_scheduled() const {
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
    PracticeConfig config;
    config.scenario_path = scenario_path;
    config.seed = seed;
    PracticeSession replay(std::move(config));
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

}  // namespace holdspace::app
