#pragma once
// Helpers the subcommands share: a Session on a scenario file, and error output.
#include "scoring/scorer.hpp"
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <memory>
#include <ostream>
#include <string>

namespace holdspace::cli {

// Loads the scenario source into a fresh sandbox and makes a session on it.
// Throws ScriptError.
std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed,
                                      std::optional<std::uint64_t> order_seed = std::nullopt);

// "file:line: message" and the scenario's traceback, indented.
void print_script_error(std::ostream& out, const ScriptError& error);

bool is_regular_file(const std::string& path);

// The record store's file in `data_dir` (default: records::Store::default_dir()).
std::string store_path(const std::string& data_dir);

// The most entries files_under visits in one folder tree (docs/security.md).
constexpr std::size_t max_walk_entries = 100'000;

// Files ending in `extension` under `paths` (files as given, folders searched
// recursively and sorted). A path that does not exist or cannot be read sets `error`;
// entries that cannot be resolved (a symbolic link loop, a dangling link) are skipped
// with a note on stderr. Never throws a filesystem error.
std::vector<std::string> files_under(const std::vector<std::string>& paths, const std::string& extension,
                                     std::string& error);

// Folders holding the shipped scenarios and rubrics: $HOLDSPACE_SCENARIOS, ./scenarios,
// and the source tree's scenarios folder.
std::vector<std::string> scenario_roots();

// The rubrics to score a session with: those `requested` (names or paths), or the
// scenario's own when none is. Throws std::runtime_error when a requested rubric
// does not exist, ScriptError when a rubric file is broken. When the scenario's
// own rubric cannot be found, returns none and says so in `note`.
std::vector<scoring::Rubric> load_rubrics(const std::vector<std::string>& requested, const std::string& scenario_rubric,
                                          const std::string& scenario_path, std::string& note);

// The session's scores under each rubric, in order.
std::vector<scoring::Score> score_all(const std::vector<scoring::Rubric>& rubrics, const Json& events);

}  // namespace holdspace::cli
