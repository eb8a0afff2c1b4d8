#pragma once
// The screens and panels of the window, one file each. Every function draws into the
// current ImGui frame from App and handles that screen's keys; none owns game logic.
// The window (app_window.cpp) and the headless tests both call draw_app().
#include "ui/app_state.hpp"
#include "ui/keyboard.hpp"

#include <imgui.h>

namespace holdspace::ui {

// One whole frame: top bar, the current screen, overlays (help, supervisor, confirmations).
void draw_app(App& app);

void draw_start_screen(App& app, const Keys& keys);     // start_screen.cpp
void draw_session_screen(App& app, const Keys& keys);   // session_screen.cpp
void draw_debrief_screen(App& app, const Keys& keys);   // debrief_screen.cpp
void draw_settings_screen(App& app, const Keys& keys);  // settings_screen.cpp
void draw_supervisor_panel(App& app);                   // supervisor_panel.cpp
void draw_review_screen(App& app, const Keys& keys);    // review_screen.cpp
void draw_cohort_screen(App& app, const Keys& keys);    // cohort_screen.cpp
void draw_drill_screen(App& app, const Keys& keys);     // drill_screen.cpp
// Opens the drill screen on today's set for the signed-in trainee (or on `ids`); false, with a
// notice, when there is no trainee or the catalogue does not load (drill_screen.cpp).
bool open_drills(App& app, const std::vector<std::string>& ids = {});
// --screenshot --screen drill [--drill ID] [--actions FILE]: the drill screen, the drill answered
// from the file's lines. Returns an exit code, or -1 to go on (drill_screen.cpp).
int prepare_drill_screenshot(App& app, const WindowOptions& options);
// The participant's hidden state in `session`: inner state, window, intensity, consent, distress
// over time, what they have met from the trainee (supervisor_panel.cpp; the review shows it too).
void draw_hidden_state(App& app, const Session& session);
// One transcript line as the session screen shows it; empty text for events it does not show
// (session_screen.cpp).
struct TranscriptLine {
    std::string text;
    ImU32 colour = 0;
};
TranscriptLine transcript_line(const App& app, const Event& event, const std::string& participant);
void draw_help_overlay(App& app);                       // help_overlay.cpp

// A scenario error with its file:line and traceback (session_screen.cpp).
void error_panel(App& app, const ScriptError& error, const char* title);

// Shared drawing helpers (widgets.cpp).
ImVec4 colour(ImU32 c);
ImVec4 dimmed(ImU32 c, float k);  // the colour darkened to k (0-1), opaque
// A button whose label starts with its key, e.g. "[H] Hold space"; true when clicked.
bool key_button(const char* key, const std::string& label, ImVec2 size = ImVec2(0, 0), const char* id = nullptr);
// A horizontal bar for a 0-100 value, with the label inside.
void score_bar(double value, ImU32 fill, const std::string& label, float width, float height);
void heading(App& app, const std::string& text);
// Text in a colour, wrapped at the window's edge.
void wrapped(ImU32 c, const std::string& text);
// Muted text, wrapped at the window's edge (printf-style).
void muted(const char* fmt, ...) IM_FMTARGS(1);
// SameLine() when `text` fits after the last item; otherwise the text goes on the next line.
void same_line_if_fits(const std::string& text);
std::string fixed1(double v);
std::string title_case(const std::string& word);

}  // namespace holdspace::ui
