#pragma once
// Loads rubric files (docs/rubrics.md): Lua that returns data, read in the sandbox.
#include "scoring/rubric.hpp"

#include <string>
#include <vector>

namespace holdspace::script {

// Throws ScriptError naming path:line for any mistake (unknown code, weights that
// do not sum to 1, a bad rule...).
scoring::Rubric load_rubric_file(const std::string& path);
scoring::Rubric load_rubric_source(const std::string& source, const std::string& path);

// The file for rubric `name`: a path as given, or NAME.lua in a `rubrics` folder
// beside the scenario or one level up from it, or under one of `extra_roots`.
// Empty when there is none.
std::string find_rubric(const std::string& name, const std::string& scenario_path,
                        const std::vector<std::string>& extra_roots = {});

}  // namespace holdspace::script
