// One frame of the window: the top bar, the screen, and what lies over it.
#include "ui/frame_cache.hpp"
#include "ui/screens.hpp"

#include <algorithm>

namespace holdspace::ui {
namespace {

const char* screen_name(Screen s) {
    switch (s) {
    case Screen::start: return "Start";
    case Screen::session: return "Session";
    case Screen::debrief: return "Debrief";
    case Screen::settings: return "Settings";
    case Screen::review: return "Supervisor review";
    case Screen::cohort: return "Cohort";
    case Screen::drill: return "Drills";
    }
    return "";
}

void apply_style(const App& app) {
    ImGuiStyle& style = ImGui::GetStyle();
    const Palette& p = app.palette;
    style.WindowRounding = 0;
    style.FrameRounding = 4;
    style.ChildRounding = 4;
    style.WindowPadding = ImVec2(12, 10);
    style.FramePadding = ImVec2(8, 5);
    style.ItemSpacing = ImVec2(8, 6);
    style.ScrollbarSize = 14;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = colour(p.background);
    c[ImGuiCol_ChildBg] = colour(p.panel);
    c[ImGuiCol_PopupBg] = colour(p.panel);
    c[ImGuiCol_Text] = colour(p.text);
    c[ImGuiCol_TextDisabled] = colour(p.muted_text);
    c[ImGuiCol_Border] = ImVec4(1, 1, 1, 0.10f);
    const ImVec4 accent = colour(p.expert);
    c[ImGuiCol_Button] = ImVec4(accent.x * 0.35f, accent.y * 0.35f, accent.z * 0.35f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(accent.x * 0.5f, accent.y * 0.5f, accent.z * 0.5f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(accent.x * 0.65f, accent.y * 0.65f, accent.z * 0.65f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(accent.x * 0.30f, accent.y * 0.30f, accent.z * 0.30f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(accent.x * 0.42f, accent.y * 0.42f, accent.z * 0.42f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(accent.x * 0.55f, accent.y * 0.55f, accent.z * 0.55f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 0.07f);
    c[ImGuiCol_FrameBgHovered] = ImVec4(1, 1, 1, 0.12f);
    c[ImGuiCol_FrameBgActive] = ImVec4(1, 1, 1, 0.16f);
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = accent;
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_Separator] = ImVec4(1, 1, 1, 0.12f);
}

// The supervisor panel narrows the transcript, which wraps anew: it is kept scrolled to its end so
// the line being answered stays in view.
void toggle_supervisor(App& app) {
    app.supervisor = !app.supervisor;
    app.scroll_transcript = 3;
}

// `text` cut to fit `width`, at a character boundary, with "..." when it was cut.
std::string fitted(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string cut = text;
    while (!cut.empty() && ImGui::CalcTextSize((cut + "...").c_str()).x > width) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0) cut.pop_back();  // a lead byte left alone
    }
    return cut + "...";
}

// The notice line: always one line high, so that a notice appearing never moves what is below it
// (a click aimed at a button must not land on a slider that moved under the pointer). A notice
// belongs to the screen it was first shown on and is gone when the trainee moves on; a long one
// is cut, and shown whole on hover.
void notice_line(App& app) {
    if (!app.message.empty() && !app.message_screen) app.message_screen = app.screen;
    if (app.message_screen && *app.message_screen != app.screen) app.notify("");
    if (app.message.empty()) {
        ImGui::TextUnformatted(" ");
        return;
    }
    const std::string shown = fitted(app.message, ImGui::GetContentRegionAvail().x);
    ImGui::PushStyleColor(ImGuiCol_Text, app.message_is_error ? app.palette.alert : app.palette.good);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopStyleColor();
    if (shown != app.message && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.message.c_str());
}

void top_bar(App& app) {
    heading(app, "Holdspace");
    ImGui::SameLine();
    std::string where = screen_name(app.screen);
    if (app.live && app.live->ok() && (app.screen == Screen::session || app.screen == Screen::debrief))
        where = app.live->session().info().title + " (" + app.live->session().info().phase + ", seed " +
                std::to_string(app.live->seed()) + ")";
    if (app.dev) where += "  (author mode)";
    ImGui::TextDisabled("%s", where.c_str());
    ImGui::SameLine();
    if (!app.trainee.empty()) ImGui::TextDisabled("| trainee: %s", app.trainee.c_str());

    const float buttons = ImGui::CalcTextSize("[F1] Keys  [F2] Supervisor view  [F3] Settings  [F4] Review  [F5] Cohort").x + 100;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 10, ImGui::GetWindowContentRegionMax().x - buttons));
    if (key_button("F1", "Keys")) app.help = !app.help;
    ImGui::SameLine();
    if (app.supervisor) ImGui::PushStyleColor(ImGuiCol_Button, colour(app.palette.expert));
    const bool was = app.supervisor;
    if (key_button("F2", "Supervisor view")) toggle_supervisor(app);
    if (was) ImGui::PopStyleColor();
    ImGui::SameLine();
    if (key_button("F3", "Settings")) {
        if (app.screen == Screen::settings) app.close_settings();
        else app.open_settings();
    }
    ImGui::SameLine();
    if (key_button("F4", "Review")) {
        if (app.screen == Screen::review) app.screen = app.before_review;
        else app.open_review_list();
    }
    ImGui::SameLine();
    if (key_button("F5", "Cohort")) {
        if (app.screen == Screen::cohort) app.screen = app.before_review;
        else app.open_cohort();
    }
    notice_line(app);
    ImGui::Separator();
}

}  // namespace

void draw_app(App& app) {
    apply_style(app);
    const Keys keys = read_keys();
    if (keys.f1) app.help = !app.help;
    if (keys.f2) toggle_supervisor(app);
    if (keys.f3) {
        if (app.screen == Screen::settings) app.close_settings();
        else app.open_settings();
    }
    if (keys.f4) {
        if (app.screen == Screen::review) app.screen = app.before_review;
        else app.open_review_list();
    }
    if (keys.f5) {
        if (app.screen == Screen::cohort) app.screen = app.before_review;
        else app.open_cohort();
    }
    // With the help open, keys go to it: Escape or F1 closes it.
    Keys screen_keys = keys;
    if (app.help) {
        if (keys.escape) app.help = false;
        screen_keys = Keys{};
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("Holdspace", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    top_bar(app);
    // Author mode: a scenario that does not load is shown on every screen until it is fixed.
    if (app.dev_error) error_panel(app, *app.dev_error, "The scenario does not load");
    switch (app.screen) {
    case Screen::start: draw_start_screen(app, screen_keys); break;
    case Screen::session: draw_session_screen(app, screen_keys); break;
    case Screen::debrief: draw_debrief_screen(app, screen_keys); break;
    case Screen::settings: draw_settings_screen(app, screen_keys); break;
    case Screen::review: draw_review_screen(app, screen_keys); break;
    case Screen::cohort: draw_cohort_screen(app, screen_keys); break;
    case Screen::drill: draw_drill_screen(app, screen_keys); break;
    }
    // Overlays are drawn from inside the main window (as the confirmations are), so that
    // everything a frame shows ends together.
    if (app.help) draw_help_overlay(app);
    // Something over the figure (the help, a popup) would be painted over by its breathing.
    if (app.help || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
        animated_figure().present = false;
    ImGui::End();
}

}  // namespace holdspace::ui
