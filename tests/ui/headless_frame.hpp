#pragma once
// Draws one frame of the window's screens without a window and returns the text it showed:
// what the headless screen tests read and assert on.
#include "ui/app_state.hpp"
#include "ui/screens.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace test {

inline std::string headless_frame(holdspace::ui::App& app) {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    // ImGui's log ends when a top-level window ends, and hands its text to the clipboard.
    std::string text;
    io.ClipboardUserData = &text;
    io.SetClipboardTextFn = [](void* user, const char* t) { static_cast<std::string*>(user)->append(t); };
    ImGui::LogToClipboard();
    holdspace::ui::draw_app(app);
    if (GImGui->LogEnabled) ImGui::LogFinish();
    ImGui::Render();
    io.ClipboardUserData = nullptr;
    return text;
}

}  // namespace test
