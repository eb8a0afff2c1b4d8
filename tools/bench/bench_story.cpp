// Headless playthroughs per second of one scenario, through the engine's own
// path (app::open_session, as autoplay and check use it: a sandbox in its
// just-loaded state and a new Session per run), choosing options with the
// policy in policy.hpp. Prints one JSON line; tools/bench/run compares it with inkjs.
//
//   bench_story FILE.lua [--seconds S] [--min-runs N]
#include "bench/policy.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "script/lua_scenario.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
    using namespace holdspace;
    if (argc < 2) {
        std::cerr << "usage: bench_story FILE.lua [--seconds S] [--min-runs N]\n";
        return 2;
    }
    const std::string path = argv[1];
    double budget = 3.0;
    long min_runs = 5;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--seconds") == 0) budget = std::atof(argv[i + 1]);
        else if (std::strcmp(argv[i], "--min-runs") == 0) min_runs = std::atol(argv[i + 1]);
    }
    std::string source;
    try {
        source = script::read_text_file(path);
    } catch (const std::exception& e) {
        std::cerr << "bench_story: " << e.what() << "\n";
        return 2;
    }

    using Clock = std::chrono::steady_clock;
    long runs = 0, choices = 0, events = 0;
    const auto start = Clock::now();
    double seconds = 0;
    while (runs < min_runs || seconds < budget) {
        const auto seed = static_cast<std::uint32_t>(runs + 1);
        auto session = app::open_session(source, path, seed);
        session->start();
        bench::Mulberry32 policy(seed);
        std::string error;
        while (const Choice* choice = session->choice()) {
            // The policy picks by the order the story wrote the options in, as on the other sides
            // (the session shows them shuffled).
            const auto k = static_cast<int>(policy.pick(choice->options.size()));
            const Option* option = &choice->options.front();
            for (const auto& o : choice->options)
                if (o.written == k) option = &o;
            if (!session->apply(TraineeAction::choose(option->id), error)) {
                std::cerr << "bench_story: " << error << "\n";
                return 1;
            }
            ++choices;
        }
        if (session->failure()) {
            std::cerr << "bench_story: " << session->failure()->what() << "\n";
            return 1;
        }
        events += static_cast<long>(session->events().size());
        ++runs;
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::printf("{\"runs\":%ld,\"seconds\":%.6f,\"choices_per_run\":%.6g,\"events_per_run\":%.6g}\n", runs, seconds,
                static_cast<double>(choices) / static_cast<double>(runs),
                static_cast<double>(events) / static_cast<double>(runs));
    return 0;
}
