#pragma once
// The drill catalogue's model: short difficult moments, each a scored moment of a
// scenario replayed along the expert path (docs/drills.md). Plain data, pure C++;
// the catalogue file arrives through engine/script/drill_loader.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace holdspace::drill {

enum class Level { beginner, intermediate, advanced };
const char* level_name(Level level);
std::optional<Level> level_by_name(std::string_view name);

struct Drill {
    std::string id, title;
    std::string scenario;  // relative to the scenarios folder, without .lua: "medicine/memory_surfaces"
    std::string moment;    // the s:choose{moment=...} the drill stops at (its first along the path)
    Level level = Level::beginner;
    std::string domain;    // the rubric domain it trains
    std::string focus;     // one line: what to practise
    std::uint64_t seed = 1;
    // Where the path to the moment leaves the expert path: at the choice named first, take the
    // option (id) named second. Moments on a branch only a non-expert answer opens need this.
    std::vector<std::pair<std::string, std::string>> route;
    int line = 0;  // in the catalogue file
};

// A problem in the catalogue, at a line of its file.
struct Problem {
    int line = 0;
    std::string message;
};

// Checks that need only the catalogue itself: unique ids. (Fields and levels are checked as
// the file is read; scenarios, moments and domains by loading the scenarios.)
std::vector<Problem> duplicate_ids(const std::vector<Drill>& drills);

}  // namespace holdspace::drill
