// An LD_PRELOAD probe that times any SDL2 OpenGL program from outside, so the
// window benchmark measures Holdspace and the bare SDL2 + ImGui window alike
// without changing either. It wraps SDL_GL_SwapWindow and SDL's event waits:
//   - first frame: milliseconds from $FRAME_PROBE_T0 (CLOCK_REALTIME, ns, set
//     just before the program starts) to the first swap;
//   - frame time: for each later frame, the time from the end of the event wait
//     to the end of the swap (the work a frame costs, not the wait between frames);
// After $FRAME_PROBE_FRAMES frames (default 1) it prints one JSON line on stderr
// and ends the process.
#include <dlfcn.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

struct SDL_Window;
union SDL_Event;

namespace {

std::int64_t now_ns(clockid_t clock) {
    timespec ts{};
    clock_gettime(clock, &ts);
    return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

struct Probe {
    std::int64_t t0 = 0;
    long frames_wanted = 1;
    long frames = 0;
    double first_frame_ms = 0;
    std::int64_t wait_returned = 0;
    std::vector<double> frame_ms;

    Probe() {
        if (const char* t = std::getenv("FRAME_PROBE_T0")) t0 = std::atoll(t);
        if (const char* f = std::getenv("FRAME_PROBE_FRAMES")) frames_wanted = std::max(1L, std::atol(f));
    }

    void report() {
        std::sort(frame_ms.begin(), frame_ms.end());
        const auto at = [&](double q) {
            return frame_ms.empty() ? 0.0 : frame_ms[static_cast<std::size_t>(q * static_cast<double>(frame_ms.size() - 1))];
        };
        std::fprintf(stderr, "{\"first_frame_ms\":%.2f,\"frames\":%ld,\"frame_ms_median\":%.3f,\"frame_ms_p95\":%.3f}\n",
                     first_frame_ms, frames, at(0.5), at(0.95));
        std::fflush(stderr);
        _exit(0);
    }
};

Probe& probe() {
    static Probe p;
    return p;
}

template <typename F>
F next(const char* name) {
    return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" {

void SDL_GL_SwapWindow(SDL_Window* window) {
    static const auto real = next<void (*)(SDL_Window*)>("SDL_GL_SwapWindow");
    Probe& p = probe();
    real(window);
    const std::int64_t end = now_ns(CLOCK_MONOTONIC);
    if (p.frames == 0)
        p.first_frame_ms = static_cast<double>(now_ns(CLOCK_REALTIME) - p.t0) / 1e6;
    else if (p.wait_returned)
        p.frame_ms.push_back(static_cast<double>(end - p.wait_returned) / 1e6);
    p.wait_returned = 0;
    if (++p.frames >= p.frames_wanted) p.report();
}

int SDL_WaitEventTimeout(SDL_Event* event, int timeout) {
    static const auto real = next<int (*)(SDL_Event*, int)>("SDL_WaitEventTimeout");
    const int got = real(event, timeout);
    probe().wait_returned = now_ns(CLOCK_MONOTONIC);
    return got;
}

int SDL_WaitEvent(SDL_Event* event) {
    static const auto real = next<int (*)(SDL_Event*)>("SDL_WaitEvent");
    const int got = real(event);
    probe().wait_returned = now_ns(CLOCK_MONOTONIC);
    return got;
}

}  // extern "C"
