#pragma once
// Loads a scenario file into its own sandbox and runs it as a Script.
#include "script/sandbox.hpp"
#include "sim/scenario.hpp"

#include <memory>
#include <string>

namespace holdspace::script {

struct LoadedScenario {
    std::shared_ptr<const ScenarioInfo> info;  // shared by the sessions of one text
    std::unique_ptr<Script> script;
};

// Reads `path` and runs its top-level chunk in a fresh sandbox. Throws
// ScriptError whose message names `path:line` for any problem: unreadable file,
// syntax error, sandbox violation, or a scenario table that breaks the contract.
LoadedScenario load_scenario_file(const std::string& path, const Limits& limits = {});
// The same for source text already in memory; `path` names it in messages. The process keeps
// the sandbox a text was loaded into and restores it for the next session of the same text
// (lua_scenario.cpp, "Sandboxes kept loaded"): the session cannot tell it from a fresh one.
LoadedScenario load_scenario_source(const std::string& source, const std::string& path,
                                    const Limits& limits = {});
// Drops the sandboxes kept loaded: the next session of every text loads it afresh.
void forget_loaded_scenarios();

// require(name) in a scenario at `scenario_path` finds name.lua beside it, else in the pack's
// lib/ folder (next to the scenario's folder, or inside it): modules shared by a scenario pack.
Sandbox::ModuleFinder pack_module_finder(const std::string& scenario_path);

// The most a scenario, rubric, drill catalogue or module file may hold (docs/security.md).
constexpr std::size_t max_script_file_bytes = 4u << 20;

// Reads a whole regular file of at most `max_bytes`, in bounded chunks; throws std::runtime_error
// with a one-line reason (never quoting the file) for a missing, unreadable, non-regular
// (a device, FIFO or folder) or larger file.
std::string read_text_file(const std::string& path, std::size_t max_bytes = max_script_file_bytes);

}  // namespace holdspace::script
