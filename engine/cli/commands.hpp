#pragma once
// The `holdspace` subcommands. Each returns the process exit code (app/exit_codes.hpp).
#include "app/exit_codes.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace holdspace::cli {

using app::exit_failed;
using app::exit_no_display;
using app::exit_ok;
using app::exit_usage;

struct PlayOptions {
    std::string scenario;
    std::uint64_t seed = 1;
    std::string actions_file;
    std::string record_file;
    std::vector<std::string> rubrics;
    std::string trainee;  // record into the store (every action committed as it happens)
    std::string data_dir;  // the store's folder (default: Store::default_dir())
    bool json = false;
    bool typed_only = false;  // answer in your own words only (as a scenario's typed_only)
    // Resuming: the store's session to continue, and its actions, replayed before play goes on.
    std::int64_t resume_session = 0;
    std::vector<std::string> replay_actions;
};
int play(const PlayOptions& options);

struct ResumeOptions {
    std::string data_dir;
    std::int64_t session = 0;
    bool scenario_changed = false;  // go on although the scenario changed; the session is marked
};
// Replays an unfinished session's recorded actions into a fresh session and goes on playing.
int resume(const ResumeOptions& options);

struct SessionsOptions {
    std::string data_dir, trainee, scenario;
    std::int64_t show = 0;   // `sessions show ID`
    std::int64_t close = 0;  // `sessions close ID`
    // `sessions note ID --moment K --text T` and `sessions override ID --moment K --score S --reason R`
    std::int64_t note = 0, override_session = 0;
    int moment = 0;  // 1-based, as `sessions show` numbers the scored moments
    std::string text, reason, author;
    double score = -1;
    bool json = false;
};
int sessions(const SessionsOptions& options);

struct ReportOptions {
    std::string data_dir;
    std::int64_t session = 0;
    std::string format = "html";  // html, json, csv, xapi
    std::string output;           // file; stdout when empty
    std::string pseudonymise;     // csv: salt for pseudonymous trainee IDs
    std::string xapi_base;  // empty: $HOLDSPACE_XAPI_BASE, else the example IRI (app::xapi_base())
};
int report(const ReportOptions& options);

struct CohortOptions {
    std::string data_dir;
    std::string output;  // file; stdout when empty
    bool csv = false, json = false;
};
// Trainees against scenarios: latest score, attempts and trend for each pair played.
int cohort(const CohortOptions& options);

struct ReplayOptions {
    std::string record_file;
    std::string scenario;  // overrides the record's scenario path
    std::vector<std::string> rubrics;  // score the replayed session with these
    bool json = false;
};
int replay(const ReplayOptions& options);

struct CheckOptions {
    std::vector<std::string> paths;
    int runs = 20;             // random playthroughs per scenario
    std::uint64_t seed = 1;
    long max_paths = 2000;     // exhaustive exploration: the most answer sequences per scenario
    int jobs = 0;              // worker threads (0: one per hardware thread)
    bool json = false;
    bool validity = false;     // also play the test-wise strategies and the expert key (validity.hpp)
};
int check(const CheckOptions& options);

struct AutoplayOptions {
    std::string scenario;
    int runs = 0;  // 0: the policy's default (random 1000 runs, exhaustive 20000 paths, best/worst 1 seed)
    std::uint64_t seed = 1;
    std::string policy = "random";  // random, exhaustive, best, worst, or a strategy (strategy.hpp)
    int jobs = 0;                   // 0: one per hardware thread
    int max_depth = 0;              // 0: random 2000 responses, otherwise 200
    std::string rubric;             // empty: the scenario's own
    bool no_probes = false;
    bool json = false;
};
int autoplay(const AutoplayOptions& options);

struct GraphOptions {
    std::string scenario;
    std::string format = "dot";  // dot, mermaid
    std::string rubric;
    std::uint64_t seed = 1;
    long max_paths = 20000;
    int jobs = 0;
    bool json = false;
};
int graph(const GraphOptions& options);

struct TestOptions {
    std::vector<std::string> plans;  // .plan files or folders holding them
    bool json = false;
};
int test_plans(const TestOptions& options);

struct NewOptions {
    std::string path;
    std::string phase;
    bool json = false;
};
int new_scenario(const NewOptions& options);

// What `holdspace` without a subcommand asks of the window.
struct WindowRequest {
    std::string dev_scenario, screenshot, scenario, actions, screen, scenarios_root;
    std::uint64_t seed = 1;
    std::string data_dir;
    std::int64_t session = 0;
    std::string drill;  // with --screen drill: the drill to show
};
// Opens the window; returns an exit code, or exit_no_display when no window can be
// opened (then the first scenario is played in the terminal instead).
using WindowLauncher = int (*)(const WindowRequest&);

int run(int argc, char** argv, WindowLauncher launcher = nullptr);

}  // namespace holdspace::cli
