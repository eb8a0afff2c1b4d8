// Memory over many sessions: plays RUNS sessions of one scenario one after the
// other (each a fresh sandbox and Session, options chosen by policy.hpp's policy)
// and samples the process's resident memory along the way, then reports the
// heap one session holds: its Lua state with the scenario loaded, and the whole
// session at the end of a playthrough (glibc's count of bytes in use: the Lua state's
// memory is counted in the slabs it takes, see Sandbox::Heap).
//
//   bench_memory FILE.lua [--runs N] [--samples K]
#include "bench/policy.hpp"
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <malloc.h>
#ifdef HOLDSPACE_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <thread>

namespace {

long rss_kib() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

#ifdef HOLDSPACE_JEMALLOC
// The allocator the programs link (CMakeLists.txt): its own count of the bytes held, brought up
// to date by advancing its statistics' epoch. (glibc's mallinfo2 sees none of them.)
long heap_in_use() {
    std::uint64_t epoch = 1;
    std::size_t size = sizeof(epoch);
    mallctl("epoch", &epoch, &size, &epoch, size);
    std::size_t allocated = 0;
    size = sizeof(allocated);
    if (mallctl("stats.allocated", &allocated, &size, nullptr, 0) != 0) return 0;
    return static_cast<long>(allocated);
}
#else
long heap_in_use() { return static_cast<long>(mallinfo2().uordblks); }
#endif

}  // namespace

int main(int argc, char** argv) {
    using namespace holdspace;
    if (argc < 2) {
        std::cerr << "usage: bench_memory FILE.lua [--runs N] [--samples K]\n";
        return 2;
    }
    const std::string path = argv[1];
    long runs = 100000, samples = 10;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--runs") == 0) runs = std::atol(argv[i + 1]);
        else if (std::strcmp(argv[i], "--samples") == 0) samples = std::atol(argv[i + 1]);
    }
    if (runs < samples || samples < 2) {
        std::cerr << "bench_memory: --runs must be at least --samples, and --samples at least 2\n";
        return 2;
    }
    std::string source;
    try {
        source = script::read_text_file(path);
    } catch (const std::exception& e) {
        std::cerr << "bench_memory: " << e.what() << "\n";
        return 2;
    }

    // What a process does once, not per session (compiling the scenario's text, ordering the
    // library), done first on another thread, so that the first session's figures are its own:
    // its Lua state's slabs, its sandbox and Session.
    try {
        std::thread([&] { script::load_scenario_source(source, path); }).join();
    } catch (const ScriptError& e) {
        std::cerr << "bench_memory: " << e.what() << "\n";
        return 1;
    }

    long lua_bytes = 0, session_bytes = 0, first_rss = 0, first_at = 0;
    const long every = runs / samples;
    std::printf("%10s %12s\n", "runs", "RSS (KiB)");
    for (long run = 0; run < runs; ++run) {
        const auto seed = static_cast<std::uint32_t>(run + 1);
        const long before = heap_in_use();
        auto loaded = script::load_scenario_source(source, path);
        const long loaded_bytes = heap_in_use() - before;
        Session session(std::move(loaded.info), std::move(loaded.script), seed);
        session.start();
        bench::Mulberry32 policy(seed);
        std::string error;
        while (const Choice* choice = session.choice())
            if (!session.apply(TraineeAction::choose(choice->options[policy.pick(choice->options.size())].id), error)) break;
        if (session.failure()) {
            std::cerr << "bench_memory: " << session.failure()->what() << "\n";
            return 1;
        }
        if (run == 0) {
            lua_bytes = loaded_bytes;
            session_bytes = heap_in_use() - before;
        }
        if ((run + 1) % every == 0) {
            const long rss = rss_kib();
            std::printf("%10ld %12ld\n", run + 1, rss);
            std::fflush(stdout);
            if (first_at == 0) {
                first_rss = rss;
                first_at = run + 1;
            } else if (run + 1 == runs) {
                std::printf("growth after the first %ld runs: %+.3f bytes per run (%+ld KiB over %ld runs)\n", first_at,
                            static_cast<double>(rss - first_rss) * 1024.0 / static_cast<double>(runs - first_at),
                            rss - first_rss, runs - first_at);
            }
        }
    }
    std::printf("heap of one session: %ld bytes for the Lua state with the scenario loaded, %ld bytes for the whole "
                "session at the end of a playthrough\n",
                lua_bytes, session_bytes);
    return 0;
}
