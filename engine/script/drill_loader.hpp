#pragma once
// Reads the drill catalogue (docs/drills.md): a Lua file of `drill { ... }` calls, run in the
// sandbox like a rubric, so that every drill knows the line it was written on.
#include "drill/catalogue.hpp"

#include <string>
#include <vector>

namespace holdspace::script {

struct CatalogueFile {
    std::string path;
    std::vector<drill::Drill> drills;      // those whose fields are sound, in file order
    std::vector<drill::Problem> problems;  // fields missing, of the wrong type, unknown; bad levels
};

// Throws ScriptError (path:line) when the file does not load or run.
CatalogueFile load_drill_catalogue(const std::string& path);
CatalogueFile load_drill_catalogue_source(const std::string& source, const std::string& path);

}  // namespace holdspace::script
