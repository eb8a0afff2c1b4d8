#pragma once
// `holdspace drill`: drill mode in the terminal (docs/drills.md; the drills: app/drill.hpp).
#include "app/drill.hpp"

#include <optional>
#include <string>
#include <vector>

namespace holdspace::cli {

struct DrillOptions {
    std::string catalogue;  // default: drills/catalogue.lua in the scenarios folder
    std::string trainee, data_dir;
    std::string level, domain;
    std::vector<std::string> ids;
    int count = 10;
    std::optional<std::uint64_t> seed;
    std::string actions_file;  // scripted answers and r/n/q, one a line
    std::string now;           // ISO 8601 UTC instead of the clock
    bool progress = false, list = false, json = false;
};
int drill(const DrillOptions& options);

}  // namespace holdspace::cli
