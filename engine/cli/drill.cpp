// `holdspace drill` and the drill machinery the window shares: playing one drill to its
// moment, scoring the answer, checking the catalogue, and a session through a drill set.
#include "cli/drill.hpp"

#include "cli/commands.hpp"
#include "cli/scenario_session.hpp"
#include "cli/terminal_view.hpp"
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

namespace holdspace::cli {
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

std::string default_catalogue() {
    for (const auto& root : scenario_roots()) {
        const fs::path file = fs::path(root) / "drills" / "catalogue.lua";
        std::error_code ec;
        if (fs::is_regular_file(file, ec)) return file.string();
    }
    return {};
}

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
    if (!session_->apply(action, error)) return false;
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

// ---- holdspace drill -------------------------------------------------------------------------

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
    return s;
}

std::optional<TraineeAction> parse_answer(const std::string& text, std::string& error) {
    if (text.size() == 1)
        if (auto kind = action_by_key(text[0])) return TraineeAction::act(*kind);
    return parse_action(text, error);
}

std::string bar(double value, int width = 20) {
    const int filled = static_cast<int>(std::lround(std::clamp(value, 0.0, 100.0) / 100.0 * width));
    return std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(width - filled), '.');
}

std::string percent(double v) { return std::to_string(static_cast<int>(std::lround(v))); }

Json moment_json(const scoring::MomentResult& m) {
    return {{"moment", m.moment},       {"response", m.response_id},   {"response_text", m.response_text},
            {"judgement", m.judgement}, {"fraction", m.fraction},      {"principles", m.principles},
            {"expert", m.expert_text},  {"expert_rationale", m.expert_rationale}, {"chose_expert", m.chose_expert}};
}

void print_drill(const DrillSession& session, DrillRun& run) {
    const auto& d = run.drill();
    std::cout << "\n== Drill " << session.position() + 1 << "/" << session.picks().size() << ": " << d.title << " ("
              << drill::level_name(d.level) << ", " << run.domain_title() << ") ==\n";
    std::cout << "Focus: " << d.focus << "\n";
    if (!run.ok()) {
        std::cout << "This drill cannot be played: " << run.error() << "\n";
        return;
    }
    const auto& info = run.session().info();
    std::cout << info.title << ", seed " << run.seed() << ". " << run.situation() << ".\n";
    for (const auto& line : run.lead_in()) std::cout << "  " << line << "\n";
    // The choice as in play, with the drill's own keys: q leaves the drills rather than ending a session.
    std::string choice = render_choice(*run.choice());
    choice.erase(choice.rfind('\n') + 1);
    std::cout << choice << " ";
    for (const auto& a : action_infos())
        if (a.kind != ActionKind::end) std::cout << " " << a.key << "=" << a.name;
    std::cout << "  q=quit drills  ?=help\n";
}

void print_feedback(const DrillSession& session, const DrillRun& run) {
    for (const auto& line : run.aftermath()) std::cout << "  " << line << "\n";
    if (!run.result()) {
        std::cout << "Not scored: the scenario's rubric does not load.\n";
        return;
    }
    const auto& m = *run.result();
    std::cout << "\nJudgement: " << m.judgement << " (" << percent(run.score()) << "% of what was possible here)\n";
    for (const auto& a : run.actions_scored())
        std::cout << "  Before answering: " << a.response_id << " - " << a.judgement << "\n";
    for (const auto& p : m.principles) std::cout << "  Why: " << p << "\n";
    if (!m.chose_expert && !m.expert_text.empty()) {
        std::cout << "  An expert: " << m.expert_text << "\n";
        if (!m.expert_rationale.empty()) std::cout << "    because " << m.expert_rationale << "\n";
    }
    if (!session.trainee().empty()) {
        if (!session.record_error().empty()) {
            std::cout << "  Not recorded: " << session.record_error() << "\n";
        } else {
            const auto status = drill::drill_status(session.history()).at(run.drill().id);
            std::cout << "  Recorded for " << session.trainee() << ": box " << status.box << ", due again "
                      << drill::format_day(status.due) << "\n";
        }
    }
    std::cout << "[r] try this moment again  [n] next  [q] quit\n";
}

void print_summary(const DrillSession& session, std::size_t from) {
    const auto& h = session.history();
    std::map<std::string, int> judged;
    for (std::size_t i = from; i < h.size(); ++i) ++judged[h[i].judgement];
    std::cout << "\n" << h.size() - from << " answer" << (h.size() - from == 1 ? "" : "s");
    std::string parts;
    for (const auto& [j, n] : judged) parts += (parts.empty() ? ": " : ", ") + std::to_string(n) + " " + j;
    std::cout << parts;
    if (!session.trainee().empty()) std::cout << " (recorded for " << session.trainee() << ")";
    std::cout << ".\n";
}

int list(const DrillSession& session, bool json) {
    const auto status = drill::drill_status(session.history());
    const drill::Day today = drill::day_of(session.now());
    Json out = Json::array();
    for (const auto& d : session.catalogue()) {
        const auto it = status.find(d.id);
        Json j = {{"id", d.id},         {"title", d.title},   {"scenario", d.scenario}, {"moment", d.moment},
                  {"level", drill::level_name(d.level)}, {"domain", d.domain}, {"focus", d.focus}};
        if (it != status.end())
            j.update({{"box", it->second.box}, {"due", drill::format_day(it->second.due)}, {"is_due", it->second.is_due(today)},
                      {"attempts", it->second.attempts}});
        if (json) {
            out.push_back(j);
            continue;
        }
        std::string line = d.id;
        line.resize(std::max<std::size_t>(line.size() + 1, 26), ' ');
        std::string level = drill::level_name(d.level);
        level.resize(13, ' ');
        std::string domain = d.domain;
        domain.resize(std::max<std::size_t>(domain.size() + 1, 12), ' ');
        std::cout << line << level << domain << d.title;
        if (it != status.end())
            std::cout << "  [box " << it->second.box << (it->second.is_due(today) ? ", due" : ", due " + drill::format_day(it->second.due)) << "]";
        std::cout << "\n";
    }
    if (json) std::cout << records::json_text(out, 2) << "\n";
    else std::cout << session.catalogue().size() << " drills\n";
    return exit_ok;
}

int show_progress(const DrillSession& session, bool json) {
    const auto weeks = drill::progress(session.history(), drill::Period::week);
    const auto days = drill::progress(session.history(), drill::Period::day);
    if (json) {
        Json domains = Json::object();
        auto add = [&](const std::vector<drill::ProgressPoint>& points, const char* key) {
            for (const auto& p : points)
                domains[p.domain][key].push_back({{"start", drill::format_day(p.start)}, {"answers", p.answers}, {"mean", p.mean}});
        };
        add(weeks, "weeks");
        add(days, "days");
        std::cout << records::json_text(Json{{"trainee", session.trainee()}, {"domains", domains}}, 2) << "\n";
        return exit_ok;
    }
    if (weeks.empty()) {
        std::cout << "No drill answers recorded for " << session.trainee() << " yet.\n";
        return exit_ok;
    }
    std::cout << "Progress of " << session.trainee() << " per skill domain (mean score of each day's first answers)\n";
    std::string domain;
    for (const auto& p : weeks) {
        if (p.domain != domain) {
            domain = p.domain;
            std::cout << "\n" << domain << "\n";
        }
        std::cout << "  week of " << drill::format_day(p.start) << "  " << bar(p.mean) << " " << percent(p.mean) << "  ("
                  << p.answers << " answer" << (p.answers == 1 ? "" : "s") << ")\n";
    }
    const auto status = drill::drill_status(session.history());
    int per_box[drill::box_count + 1] = {};
    for (const auto& [id, s] : status) ++per_box[s.box];
    std::cout << "\nDrills by box (1 = comes back tomorrow ... 5 = well learned):";
    for (int b = 1; b <= drill::box_count; ++b) std::cout << " " << b << ":" << per_box[b];
    std::cout << "\n";
    return exit_ok;
}

}  // namespace

int drill(const DrillOptions& options) {
    DrillConfig config;
    config.catalogue = options.catalogue.empty() ? default_catalogue() : options.catalogue;
    if (config.catalogue.empty() || !is_regular_file(config.catalogue)) {
        std::cerr << "holdspace drill: " << (config.catalogue.empty() ? std::string("drills/catalogue.lua") : config.catalogue)
                  << ": no drill catalogue found\n";
        return exit_usage;
    }
    config.trainee = options.trainee;
    config.data_dir = options.data_dir;
    config.seed = options.seed;
    config.ids = options.ids;
    config.daily.count = options.count;
    if (!options.level.empty()) config.daily.level = drill::level_by_name(options.level);
    if (!options.domain.empty()) config.daily.domain = options.domain;
    if (!options.now.empty()) {
        config.now = drill::parse_utc(options.now);
        if (!config.now) {
            std::cerr << "holdspace drill: --now must look like 2025-03-10T09:30:00Z\n";
            return exit_usage;
        }
    }
    if (options.progress && options.trainee.empty()) {
        std::cerr << "holdspace drill: --progress needs --trainee ID\n";
        return exit_usage;
    }
    std::ifstream actions;
    if (!options.actions_file.empty()) {
        actions.open(options.actions_file);
        if (!is_regular_file(options.actions_file) || !actions) {
            std::cerr << "holdspace drill: " << options.actions_file << ": cannot read answers file\n";
            return exit_usage;
        }
    }

    std::unique_ptr<DrillSession> session;
    try {
        session = std::make_unique<DrillSession>(config);
    } catch (const std::exception& e) {
        std::cerr << "holdspace drill: " << e.what() << "\n";
        return exit_usage;
    }
    if (!options.domain.empty()) {
        const bool known = std::any_of(session->catalogue().begin(), session->catalogue().end(),
                                       [&](const drill::Drill& d) { return d.domain == options.domain; });
        if (!known) {
            std::cerr << "holdspace drill: no drill trains domain '" << options.domain << "'\n";
            return exit_usage;
        }
    }
    if (options.list) return list(*session, options.json);
    if (options.progress) return show_progress(*session, options.json);

    const bool text = !options.json;
    std::istream& in = options.actions_file.empty() ? std::cin : actions;
    const std::size_t history_before = session->history().size();
    Json answers = Json::array();
    if (text) {
        const auto& picks = session->picks();
        const auto due = std::count_if(picks.begin(), picks.end(), [](const drill::Pick& p) { return p.due; });
        if (picks.empty()) {
            std::cout << "Nothing to drill today" << (options.trainee.empty() ? "" : " for " + options.trainee)
                      << ": no drill is due and the day's count is reached (or the filters leave none).\n";
            return exit_ok;
        }
        std::cout << "Drill set" << (options.trainee.empty() ? "" : " for " + options.trainee) << ": " << picks.size()
                  << " drill" << (picks.size() == 1 ? "" : "s") << " (" << due << " due again, " << picks.size() - static_cast<std::size_t>(due)
                  << " new). Answer with a number or an action key; q quits.\n";
    }

    bool shown = false;
    while (!session->finished()) {
        DrillRun* run = session->run();
        if (!shown) {
            if (text) print_drill(*session, *run);
            shown = true;
            if (!run->ok()) {
                if (!text) answers.push_back({{"drill", run->drill().id}, {"error", run->error()}});
                session->next();
                shown = false;
                continue;
            }
        }
        if (text) std::cout << "> " << std::flush;
        std::string line;
        if (!std::getline(in, line)) {
            if (text) std::cout << "\n";
            break;
        }
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        if (!options.actions_file.empty() && text) std::cout << line << "\n";
        if (!run->answered()) {
            if (line == "q") break;
            if (line == "?") {
                std::cout << play_help();
                continue;
            }
            std::string error;
            const auto action = parse_answer(line, error);
            const std::size_t before = run->session().events().size();
            if (!action || !session->respond(*action, error)) {
                if (text) std::cout << "  " << (error.empty() ? "not an answer here" : error) << "\n";
                continue;
            }
            if (!run->answered()) {
                if (text) {
                    const auto& events = run->session().events();
                    for (std::size_t i = before; i < events.size(); ++i)
                        if (const auto l = render_event(events[i]); !l.empty()) std::cout << "  " << l << "\n";
                    std::cout << "  (the moment is still open)\n";
                }
                continue;
            }
            if (text) print_feedback(*session, *run);
            else {
                Json a = {{"drill", run->drill().id}, {"seed", run->seed()}, {"score", run->score()}};
                if (run->result()) a["moment"] = moment_json(*run->result());
                answers.push_back(a);
            }
            continue;
        }
        if (line == "q") break;
        if (line == "r") {
            session->retry();
            shown = false;
        } else if (line == "n") {
            session->next();
            shown = false;
        } else if (text) {
            std::cout << "  r tries this moment again, n goes on, q quits\n";
        }
    }
    if (text) {
        if (session->finished() && !session->picks().empty()) std::cout << "\nThe drill set is done.";
        print_summary(*session, history_before);
    } else {
        std::cout << records::json_text(Json{{"trainee", options.trainee}, {"answers", answers}}, 2) << "\n";
    }
    if (!session->record_error().empty()) {
        std::cerr << "holdspace drill: an attempt was not recorded: " << session->record_error() << "\n";
        return exit_failed;
    }
    return exit_ok;
}

}  // namespace holdspace::cli
