// `holdspace autoplay`: plays a scenario many times (random, every answer
// sequence, or a greedy search for the best or worst path) and reports what
// happened: errors with what reproduces them, option coverage, line hits and
// the score distribution.
#include "cli/commands.hpp"
#include "cli/explore.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/text.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace holdspace::cli {
namespace {

using namespace explore;

std::string join(const std::vector<std::string>& items, const std::string& sep = " ") {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
    return out;
}

std::string fixed(double value, int decimals = 1) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(decimals) << value;
    return s.str();
}

std::string shorten(const std::string& text, std::size_t most) {
    if (text.size() <= most) return text;
    std::size_t cut = most - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return text.substr(0, cut) + "...";
}

Json stats_json(const std::vector<double>& sorted) {
    if (sorted.empty()) return nullptr;
    return {{"min", sorted.front()}, {"median", median(sorted)}, {"max", sorted.back()}, {"runs", sorted.size()}};
}

Json path_json(const PathResult& p, const Source& source) {
    Json j = {{"seed", p.seed}, {"actions", p.actions}, {"end", p.end}};
    if (p.probe) j["probe"] = true;
    if (p.score) {
        j["overall"] = p.score->overall;
        j["pass"] = p.score->pass;
        Json domains = Json::object();
        for (std::size_t d = 0; d < p.score->domains.size() && source.rubric && d < source.rubric->domains.size(); ++d)
            domains[source.rubric->domains[d].id] = p.score->domains[d] ? Json(*p.score->domains[d]) : Json(nullptr);
        j["domains"] = domains;
        j["critical"] = p.score->critical;
    }
    return j;
}

std::string point_name(const PointInfo& p) {
    std::string name = "line " + std::to_string(p.line);
    if (!p.moment.empty()) name += " (" + p.moment + ")";
    return name;
}

struct Run {
    std::vector<PathResult> paths;
    bool complete = true;
    long unfinished_bound = 0;
    long sessions = 0;
    double seconds = 0;
};

}  // namespace

int autoplay(const AutoplayOptions& options) {
    int exit_code = exit_ok;
    const auto opened = open_source("autoplay", options.scenario, options.rubric, exit_code);
    if (!opened) return exit_code;
    const Source& source = *opened;

    const bool random = options.policy == "random";
    const bool exhaustive_policy = options.policy == "exhaustive";
    const auto strategy = strategy_by_name(options.policy);
    const int runs = options.runs > 0 ? options.runs : random ? 1000 : exhaustive_policy ? 20000 : strategy ? 10 : 1;
    Settings settings;
    settings.seed = options.seed;
    settings.jobs = options.jobs > 0 ? options.jobs : default_jobs();
    settings.max_depth = options.max_depth > 0 ? options.max_depth : random ? 2000 : 200;
    settings.budget = runs;
    settings.probes = !options.no_probes;
    settings.keep_moves = false;  // nothing here replays a path's moves: its actions are what it reports

    Catalog catalog;
    Run run;
    const auto started = std::chrono::steady_clock::now();
    {
        Progress progress("autoplay " + options.policy, exhaustive_policy ? 0 : runs);
        settings.progress = &progress;
        if (random) {
            run.paths = random_runs(source, catalog, settings, runs, settings.max_depth);
            run.sessions = runs;
        } else if (exhaustive_policy) {
            auto found = exhaustive(source, catalog, settings);
            run.paths = std::move(found.paths);
            run.complete = found.complete;
            run.unfinished_bound = found.unfinished;
            run.sessions = found.sessions;
        } else if (strategy) {
            run.paths = strategy_runs(source, catalog, settings, *strategy, runs, settings.max_depth);
            run.sessions = runs;
        } else {
            run.paths = greedy(source, catalog, settings, runs, options.policy == "worst", run.sessions);
        }
    }
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const Summary summary = summarize(source, catalog, run.paths, settings.jobs);
    const double per_second = run.seconds > 0 ? static_cast<double>(summary.runs) / run.seconds : 0;

    // Coverage: every option seen offered at every choice point.
    long options_seen = 0, options_taken = 0;
    struct Untaken {
        const PointInfo* point;
        const OptionInfo* option;
    };
    std::vector<Untaken> never;
    for (auto index : catalog.points_in_order()) {
        const auto& point = catalog.points()[index];
        const auto taken = summary.taken.find(index);
        for (const auto& o : point.options) {
            ++options_seen;
            if (taken != summary.taken.end() && taken->second.count(o.id))
                ++options_taken;
            else
                never.push_back({&point, &o});
        }
    }

    const bool failed = !summary.errors.empty() || (random && summary.unfinished > 0);
    if (options.json) {
        Json out = {{"scenario", source.path}, {"id", source.info.id}, {"policy", options.policy},
                    {"seed", options.seed}, {"runs", summary.runs}};
        if (exhaustive_policy) {
            out["complete"] = run.complete;
            out["budget"] = settings.budget;
            out["max_depth"] = settings.max_depth;
            out["cut_at_depth"] = run.unfinished_bound;
        }
        out["rubric"] = source.rubric ? Json(source.rubric->id) : Json(nullptr);
        if (!source.rubric_note.empty()) out["rubric_note"] = source.rubric_note;
        out["ok"] = !failed;
        Json errors = Json::array();
        for (const auto& e : summary.errors) {
            const auto& p = run.paths[e.first];
            errors.push_back({{"message", e.message}, {"traceback", e.traceback}, {"count", e.count},
                              {"sandbox_limit", e.limit}, {"seed", p.seed}, {"actions", p.actions}});
        }
        out["errors"] = errors;
        out["sandbox_limits"] = summary.limits;
        Json unfinished = {{"count", summary.unfinished}};
        if (summary.first_unfinished) {
            unfinished["seed"] = run.paths[*summary.first_unfinished].seed;
            unfinished["actions"] = run.paths[*summary.first_unfinished].actions;
        }
        out["unfinished"] = unfinished;
        Json points = Json::array();
        for (auto index : catalog.points_in_order()) {
            const auto& point = catalog.points()[index];
            Json opts = Json::array();
            const auto taken = summary.taken.find(index);
            for (const auto& o : point.options) {
                long n = 0;
                if (taken != summary.taken.end()) {
                    const auto it = taken->second.find(o.id);
                    if (it != taken->second.end()) n = it->second;
                }
                Json oj = {{"id", o.id}, {"taken", n}};
                if (o.expert) oj["expert"] = true;
                if (!o.action.empty()) oj["action"] = o.action;
                if (source.rubric) oj["class"] = option_class(*source.rubric, o.codes, source.info.phase);
                opts.push_back(oj);
            }
            Json pj = {{"line", point.line}, {"moment", point.moment}, {"prompt", point.prompt},
                       {"visits", summary.visits.count(index) ? summary.visits.at(index) : 0}, {"options", opts}};
            const auto acted = summary.actions_at.find(index);
            if (acted != summary.actions_at.end()) {
                Json aj = Json::object();
                for (const auto& [name, n] : acted->second) aj[name] = n;
                pj["actions"] = aj;
            }
            points.push_back(pj);
        }
        Json never_json = Json::array();
        for (const auto& u : never)
            never_json.push_back({{"line", u.point->line}, {"moment", u.point->moment}, {"option", u.option->id}});
        out["coverage"] = {{"options", options_seen}, {"taken", options_taken}, {"points", points},
                           {"never_taken", never_json}};
        Json lines = Json::array();
        for (std::size_t id = 0; id < catalog.line_count(); ++id)
            lines.push_back({{"kind", catalog.line(static_cast<std::uint32_t>(id)).first},
                             {"text", catalog.line(static_cast<std::uint32_t>(id)).second},
                             {"hits", summary.line_hits[id]}});
        std::stable_sort(lines.begin(), lines.end(), [](const Json& a, const Json& b) {
            if (a["hits"] != b["hits"]) return a["hits"].get<long>() > b["hits"].get<long>();
            return a["text"].get<std::string>() < b["text"].get<std::string>();
        });
        out["lines"] = lines;
        if (source.rubric) {
            Json domains = Json::object();
            for (std::size_t d = 0; d < source.rubric->domains.size(); ++d)
                domains[source.rubric->domains[d].id] = stats_json(summary.domains[d]);
            Json critical = Json::object();
            for (const auto& [message, n] : summary.critical) critical[message] = n;
            out["scores"] = {{"scored", summary.scored}, {"passed", summary.passed},
                             {"overall", stats_json(summary.overall)}, {"domains", domains}, {"critical", critical}};
        }
        out["best"] = summary.best ? path_json(run.paths[*summary.best], source) : Json(nullptr);
        out["worst"] = summary.worst ? path_json(run.paths[*summary.worst], source) : Json(nullptr);
        out["timing"] = {{"seconds", run.seconds}, {"runs_per_second", per_second}, {"jobs", settings.jobs},
                         {"sessions", run.sessions}};
        std::cout << records::json_text(out, 2) << "\n";
        return failed ? exit_failed : exit_ok;
    }

    std::ostream& out = std::cout;
    out << "autoplay " << source.path << " (" << source.info.id << "), policy " << options.policy;
    if (random)
        out << ", seeds " << options.seed << "-" << options.seed + static_cast<std::uint64_t>(runs) - 1;
    else
        out << ", seed " << options.seed << (runs > 1 && !exhaustive_policy ? "-" + std::to_string(options.seed + static_cast<std::uint64_t>(runs) - 1) : "");
    out << ", rubric " << (source.rubric ? source.rubric->id : "none (" + source.rubric_note + ")") << "\n";
    out << summary.runs << (random ? " runs" : " paths") << " in " << fixed(run.seconds, 2) << " s ("
        << fixed(per_second, 0) << " runs/s, " << settings.jobs << " job" << (settings.jobs == 1 ? "" : "s") << ", "
        << run.sessions << " sessions played)\n";
    if (exhaustive_policy) {
        long probes = 0;
        for (const auto& p : run.paths) probes += p.probe ? 1 : 0;
        if (run.complete)
            out << "exploration complete: every answer sequence within " << settings.max_depth << " responses";
        else
            out << "exploration bound hit: stopped at " << settings.budget
                << " paths (raise --runs); options deep in later branches may be untried";
        if (probes > 0) out << "; " << probes << " of the paths probe non-verbal actions";
        out << "\n";
        if (run.unfinished_bound > 0)
            out << run.unfinished_bound << " paths cut off at the depth bound of " << settings.max_depth
                << " responses (raise --max-depth)\n";
    }

    out << "\nerrors: " << (summary.errors.empty() ? "none" : std::to_string(summary.errors.size())) << "\n";
    for (const auto& e : summary.errors) {
        const auto& p = run.paths[e.first];
        const auto colon = e.message.find(": ");
        out << "  " << (colon == std::string::npos ? e.message : e.message.substr(0, colon) + ": error: " + e.message.substr(colon + 2))
            << (e.limit ? "  [sandbox limit]" : "") << "\n";
        for (const auto& frame : e.traceback) out << "      " << frame << "\n";
        out << "    " << e.count << " run" << (e.count == 1 ? "" : "s") << "; reproduce: holdspace play " << source.path
            << " --seed " << p.seed << " --actions FILE, FILE holding: " << actions_text(p.actions) << "\n";
    }
    out << "sandbox limits hit: " << summary.limits << " run" << (summary.limits == 1 ? "" : "s") << "\n";
    if (random || summary.unfinished > 0) {
        out << "did not end: " << summary.unfinished;
        if (summary.first_unfinished) {
            const auto& p = run.paths[*summary.first_unfinished];
            out << " (first: seed " << p.seed << ", " << p.actions.size() << " responses)";
        }
        out << "\n";
    }

    out << "\noption coverage: " << options_taken << " of " << options_seen << " options taken";
    if (options_seen > 0) out << " (" << fixed(100.0 * static_cast<double>(options_taken) / static_cast<double>(options_seen), 0) << "%)";
    out << " at " << catalog.points().size() << " choice point" << (catalog.points().size() == 1 ? "" : "s") << "\n";
    for (auto index : catalog.points_in_order()) {
        const auto& point = catalog.points()[index];
        const auto taken = summary.taken.find(index);
        out << "  " << source.path << ":" << point.line << (point.moment.empty() ? "" : " " + point.moment) << ":";
        for (const auto& o : point.options) {
            long n = 0;
            if (taken != summary.taken.end()) {
                const auto it = taken->second.find(o.id);
                if (it != taken->second.end()) n = it->second;
            }
            out << " " << o.id << (o.expert ? "*" : "") << "=" << n;
        }
        out << "\n";
    }
    if (!never.empty()) {
        out << "  never taken:";
        for (const auto& u : never) out << " " << u.option->id << " (" << point_name(*u.point) << ")";
        out << "\n";
    }
    out << "  (* = expert option)\n";

    // Line hits: the rarest lines are the ones an author most needs to see.
    std::vector<std::pair<long, std::uint32_t>> hits;
    for (std::size_t id = 0; id < catalog.line_count(); ++id)
        hits.emplace_back(summary.line_hits[id], static_cast<std::uint32_t>(id));
    std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
        if (a.first != b.first) return a.first < b.first;
        return catalog.line(a.second).second < catalog.line(b.second).second;
    });
    out << "\nlines: " << hits.size() << " distinct say/narrate lines";
    const std::size_t show = hits.size() <= 24 ? hits.size() : 12;
    if (show < hits.size()) out << "; the " << show << " least and " << show << " most often hit (--json lists all)";
    out << "\n";
    auto print_hit = [&](const std::pair<long, std::uint32_t>& h) {
        const auto& [kind, text] = catalog.line(h.second);
        out << "  " << std::setw(7) << h.first << "  " << std::left << std::setw(8) << kind << std::right
            << shorten(text, 90) << "\n";
    };
    for (std::size_t i = 0; i < show; ++i) print_hit(hits[i]);
    if (show < hits.size()) {
        out << "  ...\n";
        for (std::size_t i = hits.size() - show; i < hits.size(); ++i) print_hit(hits[i]);
    }

    if (source.rubric) {
        out << "\nscores (" << source.rubric->id << "): " << summary.scored << " scored";
        if (summary.scored > 0)
            out << ", " << summary.passed << " passed (" << fixed(100.0 * static_cast<double>(summary.passed) / static_cast<double>(summary.scored), 0) << "%)";
        out << "\n";
        if (summary.scored > 0) {
            out << "  " << std::left << std::setw(14) << "domain" << std::right << std::setw(7) << "min" << std::setw(8)
                << "median" << std::setw(7) << "max" << std::setw(8) << "runs" << "\n";
            auto row = [&](const std::string& name, const std::vector<double>& v) {
                out << "  " << std::left << std::setw(14) << name << std::right;
                if (v.empty())
                    out << std::setw(7) << "-" << std::setw(8) << "-" << std::setw(7) << "-" << std::setw(8) << 0
                        << "  (never exercised)\n";
                else
                    out << std::setw(7) << fixed(v.front()) << std::setw(8) << fixed(median(v)) << std::setw(7)
                        << fixed(v.back()) << std::setw(8) << v.size() << "\n";
            };
            row("overall", summary.overall);
            for (std::size_t d = 0; d < source.rubric->domains.size(); ++d)
                row(source.rubric->domains[d].id, summary.domains[d]);
        }
        if (!summary.critical.empty()) {
            out << "  critical errors:\n";
            for (const auto& [message, n] : summary.critical) out << "    " << std::setw(7) << n << "  " << message << "\n";
        }
        auto print_path = [&](const char* label, const std::optional<std::size_t>& index) {
            if (!index) return;
            const auto& p = run.paths[*index];
            out << label << fixed(p.score->overall) << (p.score->pass ? " (pass)" : " (fail)");
            if (!p.score->critical.empty()) out << ", critical: " << join(p.score->critical, " + ");
            out << "\n    seed " << p.seed << ": " << actions_text(p.actions) << "\n";
        };
        // The greedy searches find one path per seed: show the one searched for.
        if (options.policy != "worst") print_path("best path: ", summary.best);
        if (options.policy != "best") print_path("worst path: ", summary.worst);
    }
    return failed ? exit_failed : exit_ok;
}

}  // namespace holdspace::cli
