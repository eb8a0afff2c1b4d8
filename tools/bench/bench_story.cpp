// Headless playthroughs per second of one scenario, through the engine's own
// path (app::open_session, as autoplay and check use it: a sandbox in its
// just-loaded state and a new Session per run), choosing options with the
// policy in policy.hpp. Prints one JSON line; tools/bench/run compares it with inkjs.
// The session answers each choice as the scenario offers it (Session::set_responder, as autoplay
// and check play); with --paused the scenario pauses at each choice and the host applies the
// answer, as the terminal and the window do.
//
//   bench_story FILE.lua [--seconds S] [--min-runs N] [--paused]
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

namespace {

using namespace holdspace;

// The option the policy picks, by the order the story wrote the options in, as on the other sides
// (the session shows them shuffled).
const Option& pick(bench::Mulberry32& policy, const Choice& choice) {
    const auto k = static_cast<int>(policy.pick(choice.options.size()));
    for (const auto& o : choice.options)
        if (o.written == k) return o;
    return choice.options.front();
}

struct AtOnce final : Responder {
    explicit AtOnce(std::uint32_t seed) : policy(seed) {}
    std::optional<TraineeAction> move(const Session&, const Choice& choice) override {
        return TraineeAction::choose(pick(policy, choice).id);
    }
    void took(const TraineeAction&, bool) override { ++choices; }
    void deferred(TraineeAction) override { refused = true; }
    bench::Mulberry32 policy;
    long choices = 0;
    bool refused = false;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_story FILE.lua [--seconds S] [--min-runs N] [--paused]\n";
        return 2;
    }
    const std::string path = argv[1];
    double budget = 3.0;
    long min_runs = 5;
    bool paused = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--paused") == 0) paused = true;
        else if (i + 1 < argc && std::strcmp(argv[i], "--seconds") == 0) budget = std::atof(argv[++i]);
        else if (i + 1 < argc && std::strcmp(argv[i], "--min-runs") == 0) min_runs = std::atol(argv[++i]);
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
        std::string error;
        if (paused) {
            session->start();
            bench::Mulberry32 policy(seed);
            while (const Choice* choice = session->choice()) {
                if (!session->apply(TraineeAction::choose(pick(policy, *choice).id), error)) {
                    std::cerr << "bench_story: " << error << "\n";
                    return 1;
                }
                ++choices;
            }
        } else {
            AtOnce responder(seed);
            session->set_responder(&responder);
            session->start();
            session->set_responder(nullptr);
            if (responder.refused || session->choice()) {
                std::cerr << "bench_story: the session did not take every answer at once\n";
                return 1;
            }
            choices += responder.choices;
        }
        if (session->failure()) {
            std::cerr << "bench_story: " << session->failure()->what() << "\n";
            return 1;
        }
        // Answered at once, the events are counted as recorded, as autoplay and check read them (their
        // JSON is never made); paused, as the terminal and the window read them, made JSON.
        events += static_cast<long>((paused ? session->events() : session->recorded_events()).size());
        ++runs;
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    std::printf("{\"runs\":%ld,\"seconds\":%.6f,\"choices_per_run\":%.6g,\"events_per_run\":%.6g}\n", runs, seconds,
                static_cast<double>(choices) / static_cast<double>(runs),
                static_cast<double>(events) / static_cast<double>(runs));
    return 0;
}
