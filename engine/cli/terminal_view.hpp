#pragma once
// How terminal play shows a session: the transcript's lines (app/event_text.hpp), the open choice,
// help, and a scenario's error.
#include "script/lua_scenario.hpp"
#include "sim/scenario.hpp"

#include <ostream>
#include <string>

namespace holdspace::cli {

// The open choice: numbered options and the action keys.
std::string render_choice(const Choice& choice);
std::string play_help();

// "file:line: message" and the scenario's traceback, indented.
void print_script_error(std::ostream& out, const ScriptError& error);

}  // namespace holdspace::cli
