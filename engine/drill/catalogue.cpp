#include "drill/catalogue.hpp"

#include <map>

namespace holdspace::drill {

const char* level_name(Level level) {
    switch (level) {
    case Level::beginner: return "beginner";
    case Level::intermediate: return "intermediate";
    case Level::advanced: return "advanced";
    }
    return "";
}

std::optional<Level> level_by_name(std::string_view name) {
    for (const Level l : {Level::beginner, Level::intermediate, Level::advanced})
        if (name == level_name(l)) return l;
    return std::nullopt;
}

std::vector<Problem> duplicate_ids(const std::vector<Drill>& drills) {
    std::vector<Problem> problems;
    std::map<std::string, int> first_line;
    for (const auto& d : drills) {
        const auto [it, inserted] = first_line.emplace(d.id, d.line);
        if (!inserted)
            problems.push_back({d.line, "drill id '" + d.id + "' is already used at line " + std::to_string(it->second)});
    }
    return problems;
}

}  // namespace holdspace::drill
