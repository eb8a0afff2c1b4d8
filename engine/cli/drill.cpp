// `holdspace drill`: today's drill set in the terminal (the drills themselves: app/drill.hpp).
#include "cli/drill.hpp"

#include "app/event_text.hpp"
#include "app/library.hpp"
#include "app/typed.hpp"
#include "cli/commands.hpp"
#include "cli/terminal_view.hpp"
#include "records/store.hpp"
#include "records/text.hpp"
#include "sim/vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace holdspace::cli {
namespace fs = std::filesystem;

// ---- holdspace drill -------------------------------------------------------------------------

namespace {

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.pop_back();
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.erase(0, 1);
    return s;
}

// An option number or id, an action key or name, or else the trainee's own words.
std::optional<TraineeAction> parse_answer(const std::string& text, std::string& error) {
    if (text.size() == 1)
        if (auto kind = action_by_key(text[0])) return TraineeAction::act(*kind);
    auto action = parse_action(text, error);
    if (action || error.empty()) return action;
    return app::typed_action(text, error);
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

void print_drill(const app::DrillSession& session, app::DrillRun& run) {
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

void print_feedback(const app::DrillSession& session, const app::DrillRun& run) {
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

void print_summary(const app::DrillSession& session, std::size_t from) {
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

int list(const app::DrillSession& session, bool json) {
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

int show_progress(const app::DrillSession& session, bool json) {
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
    app::DrillConfig config;
    config.catalogue = options.catalogue.empty() ? app::default_catalogue() : options.catalogue;
    if (config.catalogue.empty() || !app::is_regular_file(config.catalogue)) {
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
        if (!app::is_regular_file(options.actions_file) || !actions) {
            std::cerr << "holdspace drill: " << options.actions_file << ": cannot read answers file\n";
            return exit_usage;
        }
    }

    std::unique_ptr<app::DrillSession> session;
    try {
        session = std::make_unique<app::DrillSession>(config);
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
        app::DrillRun* run = session->run();
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
                        if (const auto l = app::render_event(events[i]); !l.empty()) std::cout << "  " << l << "\n";
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
