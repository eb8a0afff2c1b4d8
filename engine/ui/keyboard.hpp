#pragma once
// The window's keyboard shortcuts, read from ImGui's input state for the current frame, so
// that the window (fed by SDL) and the headless tests (fed by hand) take the same path.
// ImGui 1.86 keeps keys in io.KeysDown[] by the backend's own index: SDL scancodes.
#include <string>

namespace holdspace::ui {

// SDL scancodes of the keys ImGui 1.86 has no ImGuiKey_ for (checked in app_window.cpp).
constexpr int key_f1 = 58, key_f2 = 59, key_f3 = 60, key_f4 = 61, key_f5 = 62;

struct Keys {
    std::string typed;  // printable ASCII typed this frame (digits, letters, '?', '+'...)
    bool enter = false, escape = false, up = false, down = false, left = false, right = false;
    bool f1 = false, f2 = false, f3 = false;
    bool f4 = false, f5 = false;  // supervisor review, cohort
    bool home = false, end = false;

    bool has(char c) const { return typed.find(c) != std::string::npos; }
};

// This frame's keys. While a text field has the keyboard, letters and Enter belong to it
// and only the function keys and Escape come through.
Keys read_keys();

}  // namespace holdspace::ui
