// The simulator window: SDL2 + OpenGL 3 + Dear ImGui around App and the screens.
// This file owns the platform: the window, fonts, the event loop (idle unless something
// changes), the music device, author-mode file watching and --screenshot.
#include "ui/app_window.hpp"

#include "app/exit_codes.hpp"
#include "ui/app_state.hpp"
#include "ui/frame_cache.hpp"
#include "ui/keyboard.hpp"
#include "ui/music.hpp"
#include "ui/screens.hpp"
#include "ui/screenshot.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

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
    animated_figure() = {};  // the screen registers the figure again if it still draws one
    draw_app(app);
    ImGui::Render();
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(app.palette.background);
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

// Where the figure changed since the previous breathing frame: boxes round the vertices that
// moved or changed colour (before and after), a few pixels apart merged. Empty when nothing
// moved; false when the two frames cannot be compared (a different number of vertices).
bool moved_boxes(const ImVector<ImDrawVert>& now, const std::vector<ImDrawVert>& before, std::vector<ImVec4>& boxes) {
    boxes.clear();
    if (before.size() != static_cast<std::size_t>(now.Size)) return false;
    constexpr float near = 12.0f, margin = 2.0f;
    auto add = [&](ImVec2 p) {
        for (ImVec4& b : boxes)
            if (p.x >= b.x - near && p.x <= b.z + near && p.y >= b.y - near && p.y <= b.w + near) {
                b = {std::min(b.x, p.x), std::min(b.y, p.y), std::max(b.z, p.x), std::max(b.w, p.y)};
                return;
            }
        boxes.push_back({p.x, p.y, p.x, p.y});
    };
    for (int i = 0; i < now.Size; ++i) {
        const ImDrawVert& a = now[i];
        const ImDrawVert& b = before[static_cast<std::size_t>(i)];
        if (a.pos.x != b.pos.x || a.pos.y != b.pos.y || a.col != b.col) {
            add(a.pos);
            add(b.pos);
        }
        if (boxes.size() > 12) return false;  // moving everywhere: the whole figure
    }
    // Merge boxes that came to overlap as they grew.
    for (bool merged = true; merged;) {
        merged = false;
        for (std::size_t i = 0; i < boxes.size() && !merged; ++i)
            for (std::size_t j = i + 1; j < boxes.size() && !merged; ++j) {
                ImVec4& a = boxes[i];
                const ImVec4& b = boxes[j];
                if (a.x <= b.z + near && b.x <= a.z + near && a.y <= b.w + near && b.y <= a.w + near) {
                    a = {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.z, b.z), std::max(a.w, b.w)};
                    boxes.erase(boxes.begin() + static_cast<std::ptrdiff_t>(j));
                    merged = true;
                }
            }
    }
    for (ImVec4& b : boxes)
        b = {std::floor(b.x - margin), std::floor(b.y - margin), std::ceil(b.z + margin), std::ceil(b.w + margin)};
    return true;
}

// A frame in which only the breathing figure moves: what moved of the figure is drawn again
// over the last frame, with no ImGui frame, no screen code and no text. The last frame is in
// `cache` (copied to the window afterwards), or, with `cache` null, still in the window's back
// buffer (see FrameMode). `before` holds the previous breathing frame's vertices (empty after a
// full frame: the whole figure is drawn). Returns false when nothing moved (no frame to show).
bool render_breath(FrameCache* cache, BreathSprites& sprites, double seconds, int width, int height,
                   std::vector<ImDrawVert>& before) {
    static ImDrawList list(ImGui::GetDrawListSharedData());  // keeps its buffers from frame to frame
    static std::vector<ImVec4> boxes;
    ImGuiIO& io = ImGui::GetIO();
    if (cache) cache->bind();
    const ImTextureID sprite = sprites.frame(animated_figure(), seconds, io.DisplayFramebufferScale);
    list._ResetForNewFrame();
    list.PushTextureID(io.Fonts->TexID);
    list.PushClipRectFullScreen();
    bool compared = false;
    if (sprite) {
        // The breath pre-drawn: one rectangle (textures drawn into are upside down).
        ImVec2 lo, hi;
        animated_figure_bounds(animated_figure(), lo, hi);
        list.AddImage(sprite, lo, hi, ImVec2(0, 1), ImVec2(1, 0));
        before.clear();
    } else {
        redraw_animated_figure(&list, animated_figure(), seconds);
        compared = moved_boxes(list.VtxBuffer, before, boxes);
        before.assign(list.VtxBuffer.begin(), list.VtxBuffer.end());
    }
    if (compared) {
        if (boxes.empty()) return false;
        // The same triangles once per box, each clipped to its box: only the pixels that
        // changed are filled again.
        const ImVector<ImDrawCmd> all = list.CmdBuffer;
        list.CmdBuffer.resize(0);
        for (const ImVec4& b : boxes)
            for (ImDrawCmd cmd : all) {
                if (cmd.UserCallback || cmd.ElemCount == 0) continue;
                cmd.ClipRect = {std::max(cmd.ClipRect.x, b.x), std::max(cmd.ClipRect.y, b.y),
                                std::min(cmd.ClipRect.z, b.z), std::min(cmd.ClipRect.w, b.w)};
                if (cmd.ClipRect.z > cmd.ClipRect.x && cmd.ClipRect.w > cmd.ClipRect.y) list.CmdBuffer.push_back(cmd);
            }
    }
    ImDrawList* lists[] = {&list};
    ImDrawData data;
    data.Valid = true;
    data.CmdLists = lists;
    data.CmdListsCount = 1;
    data.TotalVtxCount = list.VtxBuffer.Size;
    data.TotalIdxCount = list.IdxBuffer.Size;
    data.DisplayPos = ImVec2(0, 0);
    data.DisplaySize = io.DisplaySize;
    data.FramebufferScale = io.DisplayFramebufferScale;
    glViewport(0, 0, width, height);
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    if (cache) cache->present();
    return true;
}

// How a frame where only the breathing changes is drawn (HOLDSPACE_FRAMES overrides it):
//  - "in_place": over the window's back buffer, which still holds the previous frame. Mesa's
//    software renderers (llvmpipe, softpipe: VMs and remote desktops without a GPU) keep the
//    back buffer across swaps, and there a copy of the whole window would cost more than the
//    figure itself;
//  - "cache": the full frame is rendered into an offscreen framebuffer and copied to the window;
//    a breathing frame redraws the figure there and copies it again (any OpenGL 3 driver);
//  - "full": every frame drawn in full, as before (for comparison, docs/performance.md).
enum class FrameMode { in_place, cache, full };

FrameMode frame_mode() {
    if (const char* m = std::getenv("HOLDSPACE_FRAMES")) {
        const std::string mode = m;
        if (mode == "full") return FrameMode::full;
        if (mode == "cache") return FrameMode::cache;
        if (mode == "in_place") return FrameMode::in_place;
    }
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const std::string r = renderer ? renderer : "";
    const bool software = r.find("llvmpipe") != std::string::npos || r.find("softpipe") != std::string::npos;
    return software ? FrameMode::in_place : FrameMode::cache;
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
    FrameCache cache;
    BreathSprites sprites;
    const FrameMode mode = frame_mode();
    bool drawn = false;  // a full frame is in the back buffer (in_place mode)
    std::vector<ImDrawVert> breath_before;  // the figure as the latest breathing frame drew it
    int drawn_w = 0, drawn_h = 0;
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
        const bool breath_only = settle <= 0 && animated_figure().present;
        bool shown = true;
        if (mode == FrameMode::in_place) {
            if (breath_only && drawn && w == drawn_w && h == drawn_h) {
                shown = render_breath(nullptr, sprites, app.seconds, w, h, breath_before);  // only the breathing changed
            } else {
                render_frame(app, w, h);
                breath_before.clear();
                drawn = true;
                drawn_w = w;
                drawn_h = h;
            }
        } else if (mode == FrameMode::cache && cache.ensure(w, h)) {
            if (breath_only && cache.valid()) {
                shown = render_breath(&cache, sprites, app.seconds, w, h, breath_before);
            } else {
                cache.bind();
                render_frame(app, w, h);
                cache.present();
                cache.mark_valid();
                breath_before.clear();
            }
        } else {
            render_frame(app, w, h);
        }
        if (shown) SDL_GL_SwapWindow(platform.window);
        // Counted from the end of the frame, so a slow renderer still gets its rest between frames.
        next_breath_frame = SDL_GetTicks64() + breath_frame_ms;
        if (settle > 0) --settle;
    }
    app.commit_pending();  // silence already sat through belongs in the record
    return app::exit_ok;
}

}  // namespace holdspace::ui
