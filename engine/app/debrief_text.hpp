#pragma once
// Words of the debrief that the terminal and the window say alike.
#include "scoring/scorer.hpp"

#include <string>

namespace holdspace::app {

// "1 reflection", "3 reflections"; `plural` for irregular words ("1 person", "2 people").
std::string counted(long long n, const std::string& singular, const std::string& plural = {});

// The verdict in words that cannot be read the wrong way round:
//   "PASS: 82.0 reaches the pass mark of 70, with no critical errors"
//   "NOT PASSED: 64.0 is under the pass mark of 70"
//   "NOT PASSED: 2 critical errors (a pass needs 70 and none)"
std::string verdict_text(const scoring::Score& score);

// The labels of non-verbal actions, in order: "Check vital signs, Offer water".
std::string actions_text(const std::vector<std::string>& actions);

}  // namespace holdspace::app
