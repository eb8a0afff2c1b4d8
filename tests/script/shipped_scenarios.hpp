#pragma once
// The shipped scenarios (not the drill catalogue, rubrics or modules), each with its text, for the
// tests that play every one.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

struct ShippedScenario {
    std::string path, source;
};

inline std::vector<ShippedScenario> shipped_scenarios() {
    std::vector<ShippedScenario> found;
    const std::filesystem::path root = std::filesystem::path(HOLDSPACE_SOURCE_DIR) / "scenarios";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.path().extension() != ".lua" || entry.path().parent_path().filename() == "lib") continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (text.str().find("run = function") == std::string::npos) continue;  // drills and rubrics
        found.push_back({entry.path().string(), text.str()});
    }
    return found;
}
