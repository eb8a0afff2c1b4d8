#pragma once
// Helpers the subcommands share: a Session on a scenario file, and error output.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <memory>
#include <ostream>
#include <string>

namespace holdspace::cli {

// Loads the scenario source into a fresh sandbox and makes a session on it.
// Throws ScriptError.
std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed);

// "file:line: message" and the scenario's traceback, indented.
void print_script_error(std::ostream& out, const ScriptError& error);

bool is_regular_file(const std::string& path);

}  // namespace holdspace::cli
