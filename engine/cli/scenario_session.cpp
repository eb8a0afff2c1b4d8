#include "cli/scenario_session.hpp"

#include "records/store.hpp"
#include "script/rubric_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace holdspace::cli {

std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed) {
    auto loaded = script::load_scenario_source(source, path);
    return std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed);
}

void print_script_error(std::ostream& out, const ScriptError& error) {
    out << error.what() << "\n";
    if (error.traceback.size() > 1 ||
        (error.traceback.size() == 1 && std::string(error.what()).rfind(error.traceback[0].substr(0, error.traceback[0].find(": ")), 0) != 0)) {
        out << "  traceback (innermost first):\n";
        for (const auto& frame : error.traceback) out << "    " << frame << "\n";
    }
}

std::vector<std::string> files_under(const std::vector<std::string>& paths, const std::string& extension,
                                     std::string& error) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) {
            files.push_back(p);
        } else if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (const auto& entry : fs::recursive_directory_iterator(p, ec))
                if (entry.is_regular_file() && entry.path().extension() == extension) found.push_back(entry.path().string());
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            error = p + ": no such file or folder";
            return {};
        }
    }
    return files;
}

std::vector<std::string> scenario_roots() {
    std::vector<std::string> roots;
    if (const char* env = std::getenv("HOLDSPACE_SCENARIOS")) roots.emplace_back(env);
    roots.emplace_back("scenarios");
    roots.emplace_back(HOLDSPACE_SOURCE_SCENARIOS);
    return roots;
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

std::string store_path(const std::string& data_dir) {
    return (std::filesystem::path(data_dir.empty() ? records::Store::default_dir() : data_dir) / "holdspace.db").string();
}

bool is_regular_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}  // namespace holdspace::cli
