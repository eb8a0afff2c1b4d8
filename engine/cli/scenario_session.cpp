#include "cli/scenario_session.hpp"

#include "records/store.hpp"
#include "script/rubric_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace holdspace::cli {

std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed,
                                      std::optional<std::uint64_t> order_seed) {
    auto loaded = script::load_scenario_source(source, path);
    return std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed, order_seed);
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
    // Every filesystem call here takes an error_code: a symbolic link loop, a dangling link or a
    // folder that cannot be read is skipped with a note on stderr, never an uncaught exception.
    // Links to folders are not followed (so a link to a parent folder cannot loop).
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        std::error_code ec;
        const auto status = fs::status(p, ec);
        if (ec && ec != std::errc::no_such_file_or_directory) {
            error = p + ": cannot read (" + ec.message() + ")";
            return {};
        }
        if (fs::is_regular_file(status)) {
            files.push_back(p);
        } else if (fs::is_directory(status)) {
            std::vector<std::string> found;
            fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
            if (ec) {
                error = p + ": cannot read the folder (" + ec.message() + ")";
                return {};
            }
            std::size_t visited = 0;
            for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (ec) break;
                if (++visited > max_walk_entries) {
                    error = p + ": more than " + std::to_string(max_walk_entries) + " entries in the folder";
                    return {};
                }
                std::error_code entry_ec;
                const auto entry_status = it->status(entry_ec);  // follows a link to its file
                if (entry_ec) {
                    if (it->path().extension() == extension)
                        std::cerr << "holdspace: " << it->path().string() << ": skipped (" << entry_ec.message() << ")\n";
                    continue;
                }
                if (fs::is_regular_file(entry_status) && it->path().extension() == extension)
                    found.push_back(it->path().string());
            }
            if (ec) {
                error = p + ": cannot read the folder (" + ec.message() + ")";
                return {};
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(status)) {
            error = p + ": not a file or folder";
            return {};
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
