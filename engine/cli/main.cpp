#include "cli/commands.hpp"

#ifdef HOLDSPACE_HAS_WINDOW
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

int main(int argc, char** argv) { return holdspace::cli::run(argc, argv, open_window); }
#else
int main(int argc, char** argv) { return holdspace::cli::run(argc, argv); }
#endif
