#include "cli/commands.hpp"

#include <exception>
#include <iostream>

#ifdef HOLDSPACE_JEMALLOC
// jemalloc reads this when the program starts (MALLOC_CONF in the environment still adds to it).
// - thp: autoplay and check keep every path they play until they report. Backing the heap with
//   huge pages where the kernel offers them (transparent_hugepage "madvise" or "always") takes
//   most of the page faults out of growing it, a tenth of a long autoplay on a virtual machine.
// - tcache: a session's transcript is freed all at once when it closes; larger per-thread caches
//   take those blocks back without handing them to the shared arena a few at a time (3%).
extern "C" {
const char* malloc_conf = "thp:always,metadata_thp:auto,tcache_nslots_small_max:2000,lg_tcache_nslots_mul:3";
}
#endif

namespace {
// The last resort (docs/security.md, "Crashes"): whatever a command failed to catch ends as one
// line and exit 2, never an abort. Every known case is caught where it arises; this is the net.
template <typename Run>
int guarded(Run&& run) noexcept {
    try {
        return run();
    } catch (const std::exception& e) {
        std::cerr << "holdspace: unexpected error: " << e.what() << "\n";  // through the terminal guard
    } catch (...) {
        std::cerr << "holdspace: unexpected error\n";
    }
    return holdspace::cli::exit_usage;
}
}  // namespace

#if defined(HOLDSPACE_HAS_WINDOW)
// holdspace-window: this program with the window linked in.
#include "ui/app_window.hpp"

namespace {
int open_window(const holdspace::cli::WindowRequest& r) {
    holdspace::ui::WindowOptions o;
    o.scenarios_root = r.scenarios_root;
    o.dev_scenario = r.dev_scenario;
    o.screenshot = r.screenshot;
    o.scenario = r.scenario;
    o.actions = r.actions;
    o.screen = r.screen;
    o.seed = r.seed;
    o.data_dir = r.data_dir;
    o.session = r.session;
    o.drill = r.drill;
    return holdspace::ui::run_window(o);
}
}  // namespace

int main(int argc, char** argv) {
    return guarded([&] { return holdspace::cli::run(argc, argv, open_window); });
}
#elif defined(HOLDSPACE_WINDOW_BESIDE)
// holdspace: the window is the program holdspace-window beside this one, which it becomes when asked
// to open it. SDL2 brings 48 shared libraries, whose loading cost every start of every command
// 12 ms when they were linked here, and most commands never open a window (docs/performance.md).
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace {
char** arguments = nullptr;

int become_window(const holdspace::cli::WindowRequest& r) {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    const auto window = (error ? std::filesystem::path(arguments[0]) : self).parent_path() / "holdspace-window";
    execv(window.c_str(), arguments);
    std::cerr << "holdspace: cannot start the window, " << window.string() << ": " << std::strerror(errno) << "\n";
    if (!r.screenshot.empty() || !r.dev_scenario.empty()) return holdspace::cli::exit_usage;
    return holdspace::cli::exit_no_display;  // plays the first scenario in the terminal instead
}
}  // namespace

int main(int argc, char** argv) {
    arguments = argv;
    return guarded([&] { return holdspace::cli::run(argc, argv, become_window); });
}
#else
int main(int argc, char** argv) {
    return guarded([&] { return holdspace::cli::run(argc, argv); });
}
#endif
