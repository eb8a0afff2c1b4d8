#pragma once
// The scenario library and the data folder: where the shipped scenarios, rubrics and drills are
// found, and where the record store lives.
#include <cstddef>
#include <string>
#include <vector>

namespace holdspace::app {

// Folders holding the shipped scenarios and rubrics: $HOLDSPACE_SCENARIOS, ./scenarios,
// and the source tree's scenarios folder.
std::vector<std::string> scenario_roots();

// A scenario as the library lists it.
struct LibraryEntry {
    std::string path, id, title, phase, difficulty, description;
    std::vector<std::string> objectives;
    std::string patient;  // "Inês Carvalho, 38"
    std::string error;    // the scenario does not load: file:line and why
};
// Every *.lua under root/{preparation,medicine,integration} (and any other folder but rubrics/, drills/
// and lib/), loaded to read its table; ordered by phase (preparation, medicine, integration), then title.
std::vector<LibraryEntry> scan_library(const std::string& root);

// The scenario `holdspace` plays when run without a subcommand and no window can open.
std::string default_scenario();
// The shipped drill catalogue: drills/catalogue.lua under the first scenarios folder that has one.
std::string default_catalogue();

// The most entries files_under visits in one folder tree (docs/security.md).
constexpr std::size_t max_walk_entries = 100'000;

// Files ending in `extension` under `paths` (files as given, folders searched
// recursively and sorted). A path that does not exist or cannot be read sets `error`;
// entries that cannot be resolved (a symbolic link loop, a dangling link) are skipped
// with a note on stderr. Never throws a filesystem error.
std::vector<std::string> files_under(const std::vector<std::string>& paths, const std::string& extension,
                                     std::string& error);

bool is_regular_file(const std::string& path);

// The record store's file in `data_dir` (default: records::Store::default_dir()).
std::string store_path(const std::string& data_dir);

}  // namespace holdspace::app
