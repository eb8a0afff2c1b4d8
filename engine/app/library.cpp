// The scenario library and the data folder: where scenarios, rubrics, drills and the record store are.
#include "app/library.hpp"

#include "records/store.hpp"
#include "script/lua_scenario.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace holdspace::app {
namespace fs = std::filesystem;

std::vector<std::string> files_under(const std::vector<std::string>& paths, const std::string& extension,
                                     std::string& error) {
    // Every filesystem call here takes an error_code: a symbolic link loop, a dangling link or a
    // folder that cannot be read is skipped with a note on stderr, never an uncaught exception.
    // Links to folders are not followed (so a link to a parent folder cannot loop).
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

namespace {

int phase_rank(const std::string& phase) {
    if (phase == "preparation") return 0;
    if (phase == "medicine") return 1;
    if (phase == "integration") return 2;
    return 3;
}

}  // namespace

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
            const auto& info = *loaded.info;
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

std::string default_scenario() {
    for (const auto& root : scenario_roots()) {
        const fs::path first = fs::path(root) / "preparation" / "informed_consent.lua";
        std::error_code ec;
        if (fs::exists(first, ec)) return first.string();
    }
    return {};
}

std::string default_catalogue() {
    for (const auto& root : scenario_roots()) {
        const fs::path file = fs::path(root) / "drills" / "catalogue.lua";
        std::error_code ec;
        if (fs::is_regular_file(file, ec)) return file.string();
    }
    return {};
}

std::string store_path(const std::string& data_dir) {
    return (std::filesystem::path(data_dir.empty() ? records::Store::default_dir() : data_dir) / "holdspace.db").string();
}

bool is_regular_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}  // namespace holdspace::app
