// The application's state between frames: setting up from the options, notices, settings. Each
// screen's state is in its own file: start_state, session_state, review_state, data_folder.
#include "ui/app_state.hpp"

#include "app/library.hpp"

namespace holdspace::ui {

void App::init(const WindowOptions& opts) {
    options = opts;
    data = options.data_dir.empty() ? data_dir() : options.data_dir;
    try {
        store = std::make_unique<records::Store>(app::store_path(data));
    } catch (const std::exception& e) {
        store_error = e.what();
        notify("Sessions cannot be recorded: " + store_error, true);
    }
    settings = load_settings(data);
    apply_settings();
    settings_changed = false;
    trainee = load_trainee(data);
    name_input = trainee;
    library = app::scan_library(options.scenarios_root);
    refresh_sessions();
    if (!options.dev_scenario.empty()) {
        dev = true;
        if (trainee.empty()) trainee = "author";
        reload_dev();
    }
}

void App::notify(std::string text, bool error) {
    message = std::move(text);
    message_is_error = error;
    message_screen.reset();
}

void App::open_settings() {
    if (screen != Screen::settings) before_settings = screen;
    screen = Screen::settings;
}

void App::close_settings() {
    if (screen == Screen::settings) screen = before_settings;
}

void App::apply_settings() {
    palette = settings.colour_blind ? Palette::colour_blind_safe() : Palette::standard();
    settings_changed = true;
    if (live) live->set_typed_only(settings.typed_only);
}

}  // namespace holdspace::ui
