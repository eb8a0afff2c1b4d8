#pragma once
// The debrief as the terminal shows it after a session.
#include "cli/terminal_view.hpp"
#include "scoring/scorer.hpp"

#include <string>
#include <vector>

namespace holdspace::cli {

// Word-wrapped to `width` columns (the terminal's by default).
std::string render_debrief(const scoring::Score& score, int width = terminal_columns());
// Domain scores of the same session under several rubrics, side by side.
std::string render_comparison(const std::vector<scoring::Score>& scores, int width = terminal_columns());

}  // namespace holdspace::cli
