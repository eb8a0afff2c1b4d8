#pragma once
// Reading test plans (docs/authoring.md, "Test plans"); `holdspace test` runs them.
#include "sim/trainee_action.hpp"

#include <cstdint>
#include <istream>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace holdspace::cli {

struct PlanError : std::runtime_error {
    PlanError(int line_number, const std::string& message) : std::runtime_error(message), line(line_number) {}
    int line;
};

struct Directive {
    int line = 0;
    std::string verb;               // scenario, seed, rubric, do, expect
    std::vector<std::string> args;  // words; quoted strings arrive unquoted
    std::string rest;               // the action as written back (for do)
    std::optional<TraineeAction> action;
    bool negated = false;           // expect no ...
};

struct Plan {
    std::string path;
    std::string scenario, rubric;
    int scenario_line = 0, rubric_line = 0;
    std::uint64_t seed = 1;
    std::vector<Directive> steps;  // do and expect, in order
};

// Parses a plan's text (`path` names it). Throws PlanError at the first mistake.
Plan parse_plan(std::istream& in, const std::string& path);
// The same for a file; throws std::runtime_error when it cannot be read.
Plan read_plan(const std::string& path);

}  // namespace holdspace::cli
