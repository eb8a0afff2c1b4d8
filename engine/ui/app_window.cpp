// The simulator window: SDL2 + OpenGL 3 + Dear ImGui around App and the screens.
// This file owns the platform: the window, fonts, the event loop (idle unless something
// changes), the music device, author-mode file watching and --screenshot.
#include "ui/app_window.hpp"

#include "app/exit_codes.hpp"
#include "ui/app_state.hpp"
#include "ui/keyboard.hpp"
#include "ui/music.hpp"
#include "ui/screens.hpp"
#include "ui/screenshot.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace holdspace::ui {
namespace {

static_assert(key_f1 == SDL_SCANCODE_F1 && key_f2 == SDL_SCANCODE_F2 && key_f3 == SDL_SCANCODE_F3);
static_assert(key_f4 == SDL_SCANCODE_F4 && key_f5 == SDL_SCANCODE_F5);

constexpr int default_width = 1280, default_height = 800;

// Basic Latin and Latin-1, Latin Extended-A, general punctuation (dashes, curly quotes,
// ellipsis), the degree sign and arrows: what scenario text uses.
const ImWchar glyph_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x205E, 0x2190, 0x21FF, 0};

const char* const regular_fonts[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                     "/usr/share/fonts/dejavu/DejaVuSans.ttf"};
const char* const bold_fonts[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                  "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"};

ImFont* add_font(const char* const* paths, std::size_t n, float size) {
    ImGuiIO& io = ImGui::GetIO();
    for (std::size_t i = 0; i < n; ++i)
        if (std::filesystem::exists(paths[i]))
            if (ImFont* f = io.Fonts->AddFontFromFileTTF(paths[i], size, nullptr, glyph_ranges)) return f;
    return nullptr;
}

// (Re)builds the font atlas at the settings' scale: crisp text at every size.
void build_fonts(App& app, bool upload) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    const float size = std::round(16.0f * app.settings.font_scale);
    ImFont* regular = add_font(regular_fonts, std::size(regular_fonts), size);
    if (!regular) {
        ImFontConfig config;
        config.SizePixels = 13.0f * app.settings.font_scale;
        io.Fonts->AddFontDefault(&config);
    }
    app.heading_font = add_font(bold_fonts, std::size(bold_fonts), std::round(19.0f * app.settings.font_scale));
    io.Fonts->Build();
    if (upload) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

std::vector<std::string> read_actions_file(const std::string& path, std::string& error) {
    std::vector<std::string> actions;
    std::ifstream in(path);
    if (!in) {
        error = path + ": cannot read actions file";
        return actions;
    }
    std::string line;
    for (int n = 1; std::getline(in, line); ++n) {
        std::string why;
        if (parse_action(line, why)) actions.push_back(line);
        else if (!why.empty()) {
            error = path + ":" + std::to_string(n) + ": " + why;
            return {};
        }
    }
    return actions;
}

// Sets up the state a screenshot shows. Returns an exit code, or -1 to go on.
int prepare_screenshot(App& app, const WindowOptions& options) {
    app.recording = false;
    const std::string& screen = options.screen;
    if (!screen.empty() && screen != "start" && screen != "session" && screen != "debrief" && screen != "settings" &&
        screen != "supervisor" && screen != "review" && screen != "cohort" && screen != "drill") {
        std::cerr << "holdspace: --screen " << screen
                  << ": use start, session, debrief, settings, supervisor, review, cohort or drill\n";
        return app::exit_usage;
    }
    if (screen == "drill") return prepare_drill_screenshot(app, options);
    if (options.session != 0 && screen != "review") {
        std::cerr << "holdspace: --session needs --screen review\n";
        return app::exit_usage;
    }
    if (options.scenario.empty() && !options.actions.empty()) {
        std::cerr << "holdspace: --actions needs --scenario\n";
        return app::exit_usage;
    }
    if (!options.scenario.empty()) {
        if (!std::filesystem::is_regular_file(options.scenario)) {
            std::cerr << "holdspace: " << options.scenario << ": no such scenario file\n";
            return app::exit_usage;
        }
        std::vector<std::string> actions;
        if (!options.actions.empty()) {
            std::string error;
            actions = read_actions_file(options.actions, error);
            if (!error.empty()) {
                std::cerr << "holdspace: " << error << "\n";
                return app::exit_usage;
            }
        }
        if (app.trainee.empty()) app.trainee = "trainee";
        if (!app.begin(options.scenario, options.seed, actions)) {
            std::cerr << app.message << "\n";
            return app::exit_failed;
        }
        if (!app.live->replay_note().empty()) {
            std::cerr << "holdspace: " << options.actions << ": " << app.live->replay_note() << "\n";
            return app::exit_usage;
        }
        app.notify("");
        const bool over = app.live->session().over() && !app.live->session().failure();
        if (screen == "debrief" || (screen.empty() && over)) {
            app.screen = Screen::debrief;
            app.selected_moment = app.first_moment_to_review();
        } else if (screen == "session" || screen == "supervisor" || screen.empty()) {
            app.screen = Screen::session;
        }
    } else if (screen == "session" || screen == "debrief" || screen == "supervisor") {
        std::cerr << "holdspace: --screen " << screen << " needs --scenario\n";
        return app::exit_usage;
    }
    if (screen == "start") app.screen = Screen::start;
    if (screen == "supervisor") app.supervisor = true;
    if (screen == "settings") app.open_settings();
    if (screen == "review") {
        app.open_review_list();
        if (options.session != 0 && !app.open_review(options.session)) {
            std::cerr << "holdspace: --session " << options.session << ": " << app.message << "\n";
            return app::exit_usage;
        }
    }
    if (screen == "cohort") app.open_cohort();
    return -1;
}

struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    bool imgui = false, sdl_backend = false, gl_backend = false;
    ~Platform() {
        if (gl_backend) ImGui_ImplOpenGL3_Shutdown();
        if (sdl_backend) ImGui_ImplSDL2_Shutdown();
        if (imgui) ImGui::DestroyContext();
        if (gl) SDL_GL_DeleteContext(gl);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

void render_frame(App& app, int width, int height) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    draw_app(app);
    ImGui::Render();
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(app.palette.background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

}  // namespace

int run_window(const WindowOptions& options) {
    const bool shot = !options.screenshot.empty();
    const bool has_display = std::getenv("DISPLAY") || std::getenv("WAYLAND_DISPLAY");
    if (!has_display) {
        if (!shot) return app::exit_no_display;
        // A screenshot needs no display server: SDL's offscreen driver renders through EGL.
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
    }
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        if (shot) {
            std::cerr << "holdspace: cannot render a screenshot: " << SDL_GetError() << "\n";
            SDL_Quit();
            return app::exit_failed;
        }
        SDL_Quit();
        return app::exit_no_display;
    }
    Platform platform;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI |
                                                    (shot ? SDL_WINDOW_HIDDEN : 0));
    platform.window = SDL_CreateWindow("Holdspace", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, default_width,
                                       default_height, flags);
    if (platform.window) platform.gl = SDL_GL_CreateContext(platform.window);
    if (!platform.window || !platform.gl) {
        const std::string why = SDL_GetError();
        if (shot) {
            std::cerr << "holdspace: cannot render a screenshot: " << why << "\n";
            return app::exit_failed;
        }
        std::cerr << "holdspace: cannot open a window: " << why << "\n";
        return app::exit_no_display;
    }
    SDL_GL_MakeCurrent(platform.window, platform.gl);
    SDL_GL_SetSwapInterval(shot ? 0 : 1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    platform.imgui = true;
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the program's; nothing to save
    io.LogFilename = nullptr;
    platform.sdl_backend = ImGui_ImplSDL2_InitForOpenGL(platform.window, platform.gl);
    platform.gl_backend = ImGui_ImplOpenGL3_Init("#version 130");

    App app;
    app.init(options);
    build_fonts(app, false);
    app.settings_changed = false;

    Music music;
    if (!shot) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) music.open();
        app.music = &music;
    }

    if (shot) {
        if (const int code = prepare_screenshot(app, options); code >= 0) return code;
        OffscreenTarget target;
        std::string error;
        if (!target.create(default_width, default_height, error)) {
            std::cerr << "holdspace: cannot render a screenshot: " << error << "\n";
            return app::exit_failed;
        }
        // A few frames, so that sizes measured in one frame are used in the next.
        target.bind();
        for (int i = 0; i < 4; ++i) {
            io.DisplaySize = ImVec2(static_cast<float>(default_width), static_cast<float>(default_height));
            io.DeltaTime = 1.0f / 60.0f;
            app.seconds = 1.2 + i / 60.0;  // a fixed moment of the breathing, for reproducible images
            ImGui_ImplOpenGL3_NewFrame();
            ImGui::NewFrame();
            draw_app(app);
            ImGui::Render();
            glViewport(0, 0, default_width, default_height);
            const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(app.palette.background);
            glClearColor(bg.x, bg.y, bg.z, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        }
        glFinish();
        const auto pixels = target.read();
        target.unbind();
        if (!write_png(options.screenshot, default_width, default_height, pixels, error)) {
            std::cerr << "holdspace: " << error << "\n";
            return app::exit_failed;
        }
        std::cout << "holdspace: wrote " << options.screenshot << " (" << default_width << "x" << default_height << ")\n";
        return app::exit_ok;
    }

    const Uint64 start = SDL_GetTicks64();
    Uint64 last = start;
    Uint64 last_dev_poll = start;
    int settle = 3;  // frames still to draw after a change (ImGui settles sizes over a frame or two)
    // The breathing figure is the only thing that moves on its own. A breath takes seconds, so a
    // frame every 50 ms looks smooth and costs far less than redrawing at the display's rate.
    constexpr Uint64 breath_frame_ms = 50;
    Uint64 next_breath_frame = start;
    bool running = true;
    while (running) {
        const bool animating = app.screen == Screen::session && !app.settings.reduced_motion && app.live &&
                               app.live->ok() && !app.live->session().over();
        const bool clock_running = app.screen == Screen::session && app.clock.speed == SessionClock::Speed::normal;
        int timeout = -1;  // idle: wait for input
        if (settle > 0) timeout = 0;
        else if (animating) timeout = static_cast<int>(next_breath_frame - std::min(next_breath_frame, SDL_GetTicks64()));
        else if (clock_running) timeout = 250;
        else if (app.dev) timeout = 500;

        SDL_Event event;
        bool got = timeout < 0 ? SDL_WaitEvent(&event) != 0 : SDL_WaitEventTimeout(&event, timeout) != 0;
        while (got) {
            ImGui_ImplSDL2_ProcessEvent(&event);
            if (event.type == SDL_QUIT) running = false;
            if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
                event.window.windowID == SDL_GetWindowID(platform.window))
                running = false;
            settle = 3;
            // ImGui 1.86 keeps keys as state, not as a queue: a press and its release handled
            // before the same frame would never be seen. So a frame follows every key press.
            if (event.type == SDL_KEYDOWN) break;
            got = SDL_PollEvent(&event) != 0;
        }
        if (!running) break;

        const Uint64 now = SDL_GetTicks64();
        const double dt = static_cast<double>(now - last) / 1000.0;
        last = now;
        app.seconds = static_cast<double>(now - start) / 1000.0;
        if (app.tick(dt)) settle = std::max(settle, 1);
        if (clock_running) settle = std::max(settle, 1);  // the clock's display moves
        if (app.dev && now - last_dev_poll >= 500) {
            last_dev_poll = now;
            if (app.poll_dev_file()) settle = 3;
        }
        if (settle <= 0 && !(animating && now >= next_breath_frame)) continue;

        if (app.settings_changed) {
            build_fonts(app, true);
            app.settings_changed = false;
        }
        music.set_volume(app.settings.volume);
        music.set_muted(app.settings.muted);
        const bool in_session = app.live && app.live->ok() && app.screen == Screen::session && !app.live->session().over();
        music.set_programme(in_session ? app.live->session().music() : "off");

        int w = 0, h = 0;
        SDL_GL_GetDrawableSize(platform.window, &w, &h);
        render_frame(app, w, h);
        SDL_GL_SwapWindow(platform.window);
        // Counted from the end of the frame, so a slow renderer still gets its rest between frames.
        next_breath_frame = SDL_GetTicks64() + breath_frame_ms;
        if (settle > 0) --settle;
    }
    app.commit_pending();  // silence already sat through belongs in the record
    return app::exit_ok;
}

}  // namespace holdspace::ui
