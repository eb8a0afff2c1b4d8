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

int run(int argc, char** argv);

}  // namespace holdspace::cli
