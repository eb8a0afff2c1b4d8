#include "ui/keyboard.hpp"

#include <imgui.h>

namespace holdspace::ui {
namespace {

bool pressed(int index) { return index >= 0 && index < 512 && ImGui::IsKeyPressed(index, false); }
bool pressed_key(ImGuiKey key) { return pressed(ImGui::GetKeyIndex(key)); }

}  // namespace

Keys read_keys() {
    Keys k;
    const ImGuiIO& io = ImGui::GetIO();
    k.f1 = pressed(key_f1);
    k.f2 = pressed(key_f2);
    k.f3 = pressed(key_f3);
    k.f4 = pressed(key_f4);
    k.f5 = pressed(key_f5);
    k.escape = pressed_key(ImGuiKey_Escape);
    if (io.WantTextInput) return k;
    k.enter = pressed_key(ImGuiKey_Enter) || pressed_key(ImGuiKey_KeyPadEnter);
    k.up = pressed_key(ImGuiKey_UpArrow);
    k.down = pressed_key(ImGuiKey_DownArrow);
    k.left = pressed_key(ImGuiKey_LeftArrow);
    k.right = pressed_key(ImGuiKey_RightArrow);
    k.home = pressed_key(ImGuiKey_Home);
    k.end = pressed_key(ImGuiKey_End);
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return k;
    for (const ImWchar c : io.InputQueueCharacters)
        if (c >= 0x20 && c < 0x7f) k.typed += static_cast<char>(c);
    return k;
}

}  // namespace holdspace::ui
