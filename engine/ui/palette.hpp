#pragma once
// Colours every screen and panel draws with. Two palettes: the standard one and a
// colour-blind-safe one (Okabe-Ito hues), chosen in Settings.
#include <imgui.h>

namespace holdspace::ui {

struct Palette {
    ImU32 background, panel, text, muted_text;
    ImU32 skin, skin_shadow, hair, clothes, eyeshades, tear, blanket, couch;
    ImU32 heart_rate, systolic, diastolic, temperature, distress;  // plot lines
    ImU32 threshold, alert, good, poor, expert, marker;

    static Palette standard();
    static Palette colour_blind_safe();
};

}  // namespace holdspace::ui
