#pragma once
// The window's screens without a window: an ImGui context with no backend, and one frame drawn
// into it returning the text it showed - what the headless screen tests read and assert on.
#include "ui/app_state.hpp"
#include "ui/screens.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>

namespace test {

// Key codes the tests press (ImGui 1.86 maps its named keys onto the backend's codes).
namespace keys {
enum : int { k_tab = 300, k_left, k_right, k_up, k_down, k_enter, k_escape, k_backspace, k_delete, k_space, k_home, k_end };
}  // namespace keys

// An ImGui context the size of the real window, with its fonts built and the keys above mapped.
struct HeadlessImGui {
    HeadlessImGui() {
        using namespace keys;
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.KeyMap[ImGuiKey_Tab] = k_tab;
        io.KeyMap[ImGuiKey_LeftArrow] = k_left;
        io.KeyMap[ImGuiKey_RightArrow] = k_right;
        io.KeyMap[ImGuiKey_UpArrow] = k_up;
        io.KeyMap[ImGuiKey_DownArrow] = k_down;
        io.KeyMap[ImGuiKey_Enter] = k_enter;
        io.KeyMap[ImGuiKey_KeyPadEnter] = k_enter;
        io.KeyMap[ImGuiKey_Escape] = k_escape;
        io.KeyMap[ImGuiKey_Backspace] = k_backspace;
        io.KeyMap[ImGuiKey_Delete] = k_delete;
        io.KeyMap[ImGuiKey_Space] = k_space;
        io.KeyMap[ImGuiKey_Home] = k_home;
        io.KeyMap[ImGuiKey_End] = k_end;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
};

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
