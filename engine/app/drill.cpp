// Drills (drill.hpp): playing one drill to its moment, scoring the answer, checking the catalogue,
// and a session through a drill set.
#include "app/drill.hpp"

#include "app/event_text.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "records/store.hpp"
#include "script/lua_scenario.hpp"
#include "sim/vocabulary.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

namespace holdspace::app {
namespace fs = std::filesystem;

namespace {

constexpr int max_steps = 500;  // answers along the path to a moment; a sound scenario needs far fewer

TraineeAction expert_move(const Choice& choice) {
    for (const auto& o : choice.options)
        if (o.expert) return TraineeAction::choose(o.id);
    return TraineeAction::choose(choice.options.front().id);
}

std::string first_name(const std::string& name) { return name.substr(0, name.find(' ')); }

std::string join(const std::vector<std::string>& items, const std::string& sep = ", ") {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

}  // namespace

std::string drill_scenario_path(const std::string& catalogue_path, const drill::Drill& d) {
    return (fs::path(catalogue_path).parent_path().parent_path() / (d.scenario + ".lua")).lexically_normal().string();
}

// ---- one drill -------------------------------------------------------------------------------

DrillRun::DrillRun(const drill::Drill& d, const std::string& scenario_path, std::uint64_t seed, std::uint64_t attempt)
    : drill_(d), seed_(seed) {
    const std::string where = "drill '" + d.id + "': ";
    try {
        const std::string source = script::read_text_file(scenario_path);
        // The first attempt shows the order of the seed; later ones another, drawn from it.
        session_ = open_session(source, scenario_path, seed,
                                attempt == 0 ? std::nullopt : std::optional<std::uint64_t>(seed + attempt * 0x9e3779b97f4a7c15ULL));
    } catch (const std::exception& e) {
        error_ = where + e.what();
        return;
    }
    try {
        std::string note;
        auto rubrics = load_rubrics({}, session_->info().rubric, scenario_path, note);
        if (!rubrics.empty()) rubric_ = std::move(rubrics.front());
    } catch (const std::exception&) {
        // Without a rubric the drill still plays; the feedback says it cannot be scored.
    }
    rubric_title_ = rubric_ ? rubric_->title : std::string();
    domain_title_ = d.domain;
    if (rubric_)
        if (const auto* domain = rubric_->domain(d.domain)) domain_title_ = domain->title;

    // Along the expert path (or the drill's route) to the first choice named as the drill's moment.
    const std::map<std::string, std::string> route(d.route.begin(), d.route.end());
    session_->start();
    for (int step = 0;; ++step) {
        if (session_->failure()) {
            error_ = where + session_->failure()->what();
            return;
        }
        const Choice* choice = session_->choice();
        if (session_->over() || !choice || step >= max_steps) {
            error_ = where + "scenario " + d.scenario + " has no moment '" + d.moment + "' on the path from seed " +
                     std::to_string(seed) + (d.route.empty() ? " along the expert options" : " along its route") +
                     " (the path passes: " + (passed_.empty() ? std::string("no named moment") : join(passed_)) + ")";
            return;
        }
        if (choice->moment == d.moment) break;
        if (!choice->moment.empty() && std::find(passed_.begin(), passed_.end(), choice->moment) == passed_.end())
            passed_.push_back(choice->moment);
        TraineeAction move = expert_move(*choice);
        if (const auto it = route.find(choice->moment); it != route.end()) {
            if (!choice->find(it->second)) {
                error_ = where + "route: moment '" + choice->moment + "' has no option '" + it->second + "'";
                return;
            }
            move = TraineeAction::choose(it->second);
        }
        std::string why;
        if (!session_->apply(move, why)) {
            error_ = where + "the path to the moment stopped at '" + choice->moment + "': " + why;
            return;
        }
    }
    const auto& events = session_->events();
    for (std::size_t i = events.size(); i-- > 0;)
        if (events[i].type == "choice") {
            choice_event_ = i;
            break;
        }
}

DrillRun::~DrillRun() = default;

std::vector<std::string> DrillRun::lead_in(std::size_t lines) const {
    std::vector<std::string> out;
    if (!session_) return out;
    const auto& events = session_->events();
    for (std::size_t i = std::min(choice_event_, events.size()); i-- > 0 && out.size() < lines;) {
        if (events[i].type == "start") continue;
        const std::string line = render_event(events[i]);
        if (!line.empty()) out.push_back(line);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::string DrillRun::situation() const {
    if (!session_) return {};
    const Session& s = *session_;
    std::string phase = s.info().phase;
    for (std::size_t i = 0; i <= choice_event_ && i < s.events().size(); ++i)
        if (s.events()[i].type == "phase") phase = s.events()[i].data.value("phase", phase);
    const Seconds at = choice_event_ < s.events().size() ? s.events()[choice_event_].at : s.now();
    std::string out = clock_text(at) + " into the session (" + phase + ")";
    const std::string who = first_name(s.info().patient.name);
    if (s.state().dissociation >= 40) out += "; " + who + " is dissociated, far away";
    else switch (s.window()) {
    case Window::within: out += "; " + who + " is within the window of tolerance"; break;
    case Window::hyper_aroused: out += "; " + who + " is above the window of tolerance (hyper-aroused)"; break;
    case Window::hypo_aroused: out += "; " + who + " is below the window of tolerance (shut down)"; break;
    }
    out += ", distress " + std::to_string(static_cast<int>(std::lround(s.state().distress))) + "/100";
    if (const auto& v = s.last_vitals(); v && s.since_dose()) {
        std::ostringstream r;
        r.setf(std::ios::fixed);
        r.precision(1);
        r << "; last reading HR " << std::lround(v->hr) << ", BP " << std::lround(v->sbp) << "/" << std::lround(v->dbp)
          << ", " << v->temp_c << " C";
        out += r.str();
    }
    return out;
}

const Choice* DrillRun::choice() const {
    if (!ok() || answered_ || !session_) return nullptr;
    return session_->choice();
}

bool DrillRun::respond(const TraineeAction& action, std::string& error) {
    if (!ok() || !session_) {
        error = error_.empty() ? "this drill did not start" : error_;
        return false;
    }
    if (answered_) {
        error = "this moment is answered: try it again (r) or go on (n)";
        return false;
    }
    if (action.kind == TraineeAction::Kind::wait) {
        error = "in a drill, time does not pass on its own: answer the moment";
        return false;
    }
    if (action.kind == TraineeAction::Kind::action && action.action == ActionKind::end) {
        error = "a drill is one moment: answer it rather than ending the session";
        return false;
    }
    const std::size_t before = session_->events().size();
    TraineeAction heard = action;
    if (!hear(heard, *session_, error)) return false;  // a typed answer is heard first (typed.hpp)
    if (!session_->apply(heard, error)) return false;
    const auto& events = session_->events();
    for (std::size_t k = before; k < events.size(); ++k)
        if (events[k].type == "response") {
            answered_ = true;
            answer_event_ = k;
            break;
        }
    if (!answered_ && session_->over()) {
        answered_ = true;
        answer_event_ = before;
    }
    if (!answered_ || !rubric_) return true;

    // The drilled moment is the scorer's moment for the k-th response (responses before it
    // each made one), and unclaimed actions scored since the one before it were taken here.
    std::size_t k = 0;
    for (std::size_t i = 0; i < answer_event_; ++i) k += events[i].type == "response";
    const auto score = scoring::score_transcript(*rubric_, transcript_json(events));
    std::size_t seen = 0;
    for (const auto& m : score.moments) {
        if (m.kind == "moment") {
            if (seen++ == k) {
                result_ = m;
                break;
            }
            actions_scored_.clear();
        } else if (seen == k) {
            actions_scored_.push_back(m);
        }
    }
    return true;
}

std::vector<std::string> DrillRun::aftermath(std::size_t lines) const {
    std::vector<std::string> out;
    if (!answered_ || !session_) return out;
    const auto& events = session_->events();
    for (std::size_t i = answer_event_; i < events.size() && out.size() < lines; ++i) {
        if (events[i].type == "choice") break;
        const std::string line = render_event(events[i]);
        if (!line.empty()) out.push_back(line);
    }
    return out;
}

double DrillRun::score() const { return result_ ? std::round(result_->fraction * 1000) / 10 : 0; }

// ---- the catalogue ---------------------------------------------------------------------------

std::vector<drill::Problem> check_catalogue(const script::CatalogueFile& file) {
    std::vector<drill::Problem> problems = file.problems;
    for (auto& p : drill::duplicate_ids(file.drills)) problems.push_back(std::move(p));
    for (const auto& d : file.drills) {
        const std::string path = drill_scenario_path(file.path, d);
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) {
            problems.push_back({d.line, "drill '" + d.id + "': unknown scenario '" + d.scenario + "' (no file " + path + ")"});
            continue;
        }
        DrillRun run(d, path, d.seed);
        if (!run.ok()) {
            problems.push_back({d.line, run.error()});
            continue;
        }
        std::string note;
        std::vector<scoring::Rubric> rubrics;
        try {
            rubrics = load_rubrics({}, run.session().info().rubric, path, note);
        } catch (const std::exception& e) {
            note = e.what();
        }
        if (rubrics.empty()) {
            problems.push_back({d.line, "drill '" + d.id + "': its scenario's rubric does not load: " + note});
            continue;
        }
        if (!rubrics.front().domain(d.domain)) {
            std::vector<std::string> ids;
            for (const auto& dom : rubrics.front().domains) ids.push_back(dom.id);
            problems.push_back({d.line, "drill '" + d.id + "': domain '" + d.domain + "' is not a domain of rubric '" +
                                            rubrics.front().id + "' (" + join(ids) + ")"});
        }
    }
    std::stable_sort(problems.begin(), problems.end(),
                     [](const drill::Problem& a, const drill::Problem& b) { return a.line < b.line; });
    return problems;
}

// ---- a drill session -------------------------------------------------------------------------

// A drill day is the trainee's calendar day, not UTC's: an instant moved by the local UTC offset it
// had then (daylight saving included), so that day_of() of the result is the local date.
static drill::Time on_local_calendar(drill::Time utc) {
    const auto t = static_cast<std::time_t>(utc);
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return utc;
    return utc + tm.tm_gmtoff;
}

std::vector<drill::Attempt> attempts_from_store(records::Store& store, const std::string& trainee) {
    std::vector<drill::Attempt> out;
    for (const auto& a : store.drill_attempts(trainee))
        if (const auto at = drill::parse_utc(a.answered_at))
            out.push_back({a.drill, a.domain, a.judgement, a.score, on_local_calendar(*at)});
    return out;
}

DrillSession::DrillSession(DrillConfig config) : config_(std::move(config)) {
    script::CatalogueFile file;
    try {
        file = script::load_drill_catalogue(config_.catalogue);
    } catch (const std::exception& e) {
        throw std::runtime_error(e.what());
    }
    auto problems = file.problems;
    for (auto& p : drill::duplicate_ids(file.drills)) problems.push_back(std::move(p));
    std::stable_sort(problems.begin(), problems.end(),
                     [](const drill::Problem& a, const drill::Problem& b) { return a.line < b.line; });
    if (!problems.empty())
        throw std::runtime_error(config_.catalogue + ":" + std::to_string(problems.front().line) + ": " +
                                 problems.front().message + " ('holdspace check " + config_.catalogue +
                                 "' lists every problem)");
    catalogue_ = std::move(file.drills);

    if (!config_.trainee.empty()) {
        try {
            store_ = std::make_unique<records::Store>(store_path(config_.data_dir));
            history_ = attempts_from_store(*store_, config_.trainee);
        } catch (const std::exception& e) {
            throw std::runtime_error(e.what());
        }
    }
    if (!config_.ids.empty()) {
        const auto status = drill::drill_status(history_);
        for (const auto& id : config_.ids) {
            if (!find(id)) throw std::runtime_error("no drill '" + id + "' in " + config_.catalogue + " (see holdspace drill --list)");
            const auto it = status.find(id);
            const int box = it == status.end() ? 0 : it->second.box;
            picks_.push_back({id, it != status.end() && it->second.is_due(drill::day_of(now())), box});
        }
    } else {
        picks_ = drill::daily_set(catalogue_, history_, now(), config_.daily);
    }
}

DrillSession::~DrillSession() = default;

const drill::Drill* DrillSession::find(const std::string& id) const {
    for (const auto& d : catalogue_)
        if (d.id == id) return &d;
    return nullptr;
}

drill::Time DrillSession::clock() const {
    if (config_.now) return *config_.now;
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

drill::Time DrillSession::now() const { return on_local_calendar(clock()); }

DrillRun* DrillSession::run() {
    if (finished()) return nullptr;
    if (!run_) {
        const drill::Drill& d = *find(picks_[position_].drill);
        const auto before = static_cast<std::uint64_t>(std::count_if(
            history_.begin(), history_.end(), [&](const drill::Attempt& a) { return a.drill == d.id; }));
        run_ = std::make_unique<DrillRun>(d, drill_scenario_path(config_.catalogue, d), config_.seed.value_or(d.seed),
                                          before);
    }
    return run_.get();
}

bool DrillSession::respond(const TraineeAction& action, std::string& error) {
    DrillRun* r = run();
    if (!r) {
        error = "the drill set is done";
        return false;
    }
    const bool was = r->answered();
    if (!r->respond(action, error)) return false;
    if (was || !r->answered() || !r->result()) return true;

    const drill::Time at = clock();  // the store keeps UTC; the schedule works on the local calendar
    drill::Attempt attempt{r->drill().id, r->drill().domain, r->result()->judgement, r->score(), on_local_calendar(at)};
    ++attempts_;
    if (store_ && config_.record) {
        try {
            store_->add_drill_attempt({0, config_.trainee, attempt.drill, attempt.domain, attempt.judgement,
                                       attempt.score, config_.now ? drill::format_utc(at) : std::string()});
        } catch (const std::exception& e) {
            record_error_ = e.what();
        }
    }
    history_.push_back(std::move(attempt));
    return true;
}

void DrillSession::retry() { run_.reset(); }

void DrillSession::next() {
    run_.reset();
    if (position_ < picks_.size()) ++position_;
}

}  // namespace holdspace::app
