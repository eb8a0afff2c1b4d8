#pragma once
// The simulator window: SDL2 + OpenGL 3 + Dear ImGui. The only code (with the
// rest of engine/ui/) that includes SDL or ImGui. It drives the same Session as
// terminal play and owns no game logic.
#include <cstdint>
#include <string>

namespace holdspace::ui {

struct WindowOptions {
    std::string scenarios_root;   // the library shown on the start screen
    std::string dev_scenario;     // author mode: reload this scenario when its file changes
    std::string screenshot;       // render to this PNG and exit
    std::string scenario;         // with screenshot: play this scenario...
    std::string actions;          // ...with these actions first
    std::string screen;           // with screenshot: "start", "session", "debrief", "settings", "supervisor"
    std::uint64_t seed = 1;
    std::string data_dir;         // the data folder (default: $HOLDSPACE_DATA or ~/.local/share/holdspace)
    std::int64_t session = 0;     // with screenshot and screen "review": the stored session to open
    std::string drill;            // with screenshot and screen "drill": the drill to show
};

// Returns the process exit code.
int run_window(const WindowOptions& options);

}  // namespace holdspace::ui
