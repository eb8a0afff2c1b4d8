// `holdspace check`: loads scenarios and smoke-plays them with random responses.
#include "cli/commands.hpp"
#include "cli/scenario_session.hpp"
#include "script/rubric_loader.hpp"
#include "script/source_lines.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <set>

namespace holdspace::cli {
namespace {

constexpr int max_responses = 2000;  // a session that has not ended by then never will

struct Finding {
    std::string message;  // starts with file:line
    std::uint64_t seed = 0;
    std::vector<std::string> actions;
    std::vector<std::string> traceback;
};

struct FileReport {
    std::string path;
    int runs = 0;
    long responses = 0;
    Seconds longest = 0;
    bool rubric = false;
    std::vector<Finding> findings;
};

bool in_rubrics_folder(const std::filesystem::path& path) {
    return path.parent_path().filename() == "rubrics";
}

// Lua files under the given paths, in a stable order. Files in a `rubrics`
// folder are rubrics; the rest are scenarios.
std::vector<std::string> lua_files(const std::vector<std::string>& paths, std::string& error) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(p, ec)) {
                const auto& path = entry.path();
                if (entry.is_regular_file() && path.extension() == ".lua") found.push_back(path.string());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            error = p + ": no such file or folder";
            return {};
        }
    }
    return files;
}

// One random playthrough: mostly options, sometimes a non-verbal action or a wait.
void smoke_play(Session& session, Rng& policy, FileReport& report, std::set<std::string>& seen) {
    std::vector<std::string> taken;
    session.start();
    int responses = 0;
    while (!session.over() && responses < max_responses) {
        const Choice& choice = *session.choice();
        TraineeAction action;
        const double roll = policy.uniform();
        if (roll < 0.75) {
            const auto i = static_cast<std::size_t>(policy.range(0, static_cast<std::int64_t>(choice.options.size()) - 1));
            action = TraineeAction::choose(choice.options[i].id);
        } else if (roll < 0.95) {
            const auto all = action_infos();
            const auto i = static_cast<std::size_t>(policy.range(0, static_cast<std::int64_t>(all.size()) - 2));  // not 'end'
            action = TraineeAction::act(all[i].kind);
        } else {
            action = TraineeAction::wait_for(5);
        }
        std::string error;
        if (auto applied = session.apply(action, error)) taken.push_back(applied->to_string());
        ++responses;
    }
    report.responses += responses;
    report.longest = std::max(report.longest, session.now());
    Finding finding{{}, session.seed(), taken, {}};
    if (const auto& failure = session.failure()) {
        finding.message = failure->what();
        finding.traceback = failure->traceback;
    } else if (!session.over()) {
        finding.message = session.info().source + ":1: the session did not end within " +
                          std::to_string(max_responses) + " responses";
    } else {
        return;
    }
    if (seen.insert(finding.message).second) report.findings.push_back(std::move(finding));
}

FileReport check_rubric(const std::string& path) {
    FileReport report;
    report.path = path;
    report.rubric = true;
    try {
        script::load_rubric_file(path);
    } catch (const ScriptError& e) {
        report.findings.push_back({e.what(), 0, {}, e.traceback});
    }
    return report;
}

FileReport check_file(const std::string& path, const CheckOptions& options) {
    if (in_rubrics_folder(path)) return check_rubric(path);
    FileReport report;
    report.path = path;
    std::string source;
    try {
        source = script::read_text_file(path);
        auto session = open_session(source, path, options.seed);  // the scenario loads and its table is sound
        std::string note;
        if (load_rubrics({}, session->info().rubric, path, note).empty())
            report.findings.push_back({path + ":" + std::to_string(script::line_of_field(source, "rubric")) + ": " + note, 0, {}, {}});
    } catch (const ScriptError& e) {
        report.findings.push_back({e.what(), 0, {}, e.traceback});
        return report;
    } catch (const std::exception& e) {
        report.findings.push_back({e.what(), 0, {}, {}});
        return report;
    }
    std::set<std::string> seen;
    for (int run = 0; run < options.runs; ++run) {
        const std::uint64_t seed = options.seed + static_cast<std::uint64_t>(run);
        Rng policy(seed ^ 0x5eed5eed5eed5eedULL);
        try {
            auto session = open_session(source, path, seed);
            smoke_play(*session, policy, report, seen);
        } catch (const ScriptError& e) {
            if (seen.insert(e.what()).second) report.findings.push_back({e.what(), seed, {}, e.traceback});
        }
        ++report.runs;
    }
    return report;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : " ") + item;
    return out;
}

}  // namespace

int check(const CheckOptions& options) {
    std::string error;
    const auto files = lua_files(options.paths, error);
    if (!error.empty()) {
        std::cerr << "holdspace check: " << error << "\n";
        return exit_usage;
    }
    if (files.empty()) {
        std::cerr << "holdspace check: no scenario or rubric files (.lua) found\n";
        return exit_usage;
    }
    std::vector<FileReport> reports;
    for (const auto& file : files) reports.push_back(check_file(file, options));

    std::size_t problems = 0;
    for (const auto& r : reports) problems += r.findings.size();
    if (options.json) {
        Json out = Json::object();
        out["ok"] = problems == 0;
        out["files"] = Json::array();
        for (const auto& r : reports) {
            Json findings = Json::array();
            for (const auto& f : r.findings)
                findings.push_back({{"severity", "error"}, {"message", f.message}, {"seed", f.seed},
                                    {"actions", f.actions}, {"traceback", f.traceback}});
            out["files"].push_back({{"path", r.path}, {"ok", r.findings.empty()}, {"runs", r.runs},
                                    {"responses", r.responses}, {"findings", findings}});
        }
        std::cout << out.dump(2) << "\n";
    } else {
        for (const auto& r : reports) {
            for (const auto& f : r.findings) {
                const auto colon = f.message.find(": ");
                std::cout << (colon == std::string::npos ? f.message
                                                         : f.message.substr(0, colon) + ": error: " + f.message.substr(colon + 2))
                          << "\n";
                for (const auto& frame : f.traceback) std::cout << "    " << frame << "\n";
                if (!f.actions.empty() || f.seed != 0)
                    std::cout << "    reproduce: holdspace play " << r.path << " --seed " << f.seed
                              << " with actions: " << join(f.actions) << "\n";
            }
            if (r.findings.empty() && r.rubric)
                std::cout << r.path << ": ok (rubric)\n";
            else if (r.findings.empty())
                std::cout << r.path << ": ok (" << r.runs << " random runs, " << r.responses << " responses, longest "
                          << r.longest / 60 << " min)\n";
        }
        std::cout << files.size() << " file" << (files.size() == 1 ? "" : "s") << " checked, " << problems
                  << " problem" << (problems == 1 ? "" : "s") << "\n";
    }
    return problems == 0 ? exit_ok : exit_failed;
}

}  // namespace holdspace::cli
