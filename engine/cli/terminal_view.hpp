#pragma once
// How terminal play shows a session: the transcript's lines (app/event_text.hpp), the open choice,
// help, and a scenario's error.
#include "script/lua_scenario.hpp"
#include "sim/scenario.hpp"

#include <ostream>
#include <string>

namespace holdspace::cli {

// The terminal's width in columns: the terminal's own (TIOCGWINSZ on standard output), else
// $COLUMNS, else 80.
int terminal_columns();

// `text` word-wrapped to `width` columns, line by line. A wrapped line's continuation is indented
// like the line, plus `hang` more columns (so "  1) ..." and "      Why: ..." read as blocks).
// Words are never split: a word longer than a line stands on a line of its own.
std::string wrap_text(const std::string& text, int width, int hang = 2);

// The open choice: numbered options and the action keys, wrapped to `width` (the key-hint line
// fits in 80 columns). `typed_only`: the spoken options are not shown (non-verbal ones are, as
// their keys), and the trainee is asked for their own words.
std::string render_choice(const Choice& choice, int width = terminal_columns(), bool typed_only = false);
std::string play_help();

// "file:line: message" and the scenario's traceback, indented.
void print_script_error(std::ostream& out, const ScriptError& error);

}  // namespace holdspace::cli
