#pragma once
// The debrief as the terminal shows it after a session.
#include "scoring/scorer.hpp"

#include <string>
#include <vector>

namespace holdspace::cli {

std::string render_debrief(const scoring::Score& score);
// Domain scores of the same session under several rubrics, side by side.
std::string render_comparison(const std::vector<scoring::Score>& scores);

}  // namespace holdspace::cli
