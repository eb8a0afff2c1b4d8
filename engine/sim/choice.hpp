#pragma once
// What a scenario offers the trainee at a choice point.
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace holdspace {

struct Option {
    std::string id, text, action, rationale;
    std::vector<std::string> codes;
    bool expert = false;
    int written = 0;  // its place in the scenario's s:choose (0-based); the session shows options shuffled
    std::vector<std::string> examples = {};  // other ways to say it, for matching typed responses
};

struct Choice {
    std::string prompt, moment;
    std::vector<std::string> flags;  // marks for rubrics, e.g. "suicidal_statement"
    std::vector<Option> options;  // once offered: in the order shown to the trainee (numbers mean this order)
    int line = 0;  // the scenario line of the s:choose call (0 when unknown), for authoring tools
    // Where the story goes after a typed response that matches no option clearly: option ids by
    // the primary code heard, and "default" (docs/scenario-api.md, "Typed responses").
    std::map<std::string, std::string> typed;
    const Option* find(std::string_view id) const;
    const Option* claiming(std::string_view action) const;
};

}  // namespace holdspace
