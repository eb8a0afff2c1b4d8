#pragma once
// The `holdspace` subcommands. Each returns the process exit code:
// 0 success, 1 the scenario failed / a check found problems / a replay diverged,
// 2 bad usage or input (wrong flag, missing or corrupt file).
#include <cstdint>
#include <string>
#include <vector>

namespace holdspace::cli {

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;

struct PlayOptions {
    std::string scenario;
    std::uint64_t seed = 1;
    std::string actions_file;
    std::string record_file;
    std::vector<std::string> rubrics;
    bool json = false;
};
int play(const PlayOptions& options);

struct ReplayOptions {
    std::string record_file;
    std::string scenario;  // overrides the record's scenario path
    std::vector<std::string> rubrics;  // score the replayed session with these
    bool json = false;
};
int replay(const ReplayOptions& options);

struct CheckOptions {
    std::vector<std::string> paths;
    int runs = 20;
    std::uint64_t seed = 1;
    bool json = false;
};
int check(const CheckOptions& options);

// The scenario `holdspace` plays when run without a subcommand.
std::string default_scenario();

// What `holdspace` without a subcommand asks of the window.
struct WindowRequest {
    std::string dev_scenario, screenshot, scenario, actions, screen, scenarios_root;
    std::uint64_t seed = 1;
};
// Opens the window; returns an exit code, or exit_no_display when no window can be
// opened (then the first scenario is played in the terminal instead).
using WindowLauncher = int (*)(const WindowRequest&);
constexpr int exit_no_display = 3;

int run(int argc, char** argv, WindowLauncher launcher = nullptr);

}  // namespace holdspace::cli
