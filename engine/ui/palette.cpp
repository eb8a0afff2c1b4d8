// The two palettes. Both are muted and dark-backed: a session is long and the room is
// meant to feel quiet, so nothing but an alert is saturated. The colour-blind-safe one
// takes its plot and judgement hues from Okabe & Ito (2008), which stay distinct under
// protanopia, deuteranopia and tritanopia; alerts there also differ in lightness.
#include "ui/palette.hpp"

namespace holdspace::ui {

namespace {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << IM_COL32_A_SHIFT) | (b << IM_COL32_B_SHIFT) | (g << IM_COL32_G_SHIFT) | (r << IM_COL32_R_SHIFT);
}

// Shared by both: the room, the person and the chrome do not carry meaning by hue alone.
Palette base() {
    Palette p{};
    p.background = rgb(30, 34, 39);
    p.panel = rgb(39, 44, 51);
    p.text = rgb(230, 225, 216);
    p.muted_text = rgb(150, 156, 163);
    p.skin = rgb(214, 170, 140);
    p.skin_shadow = rgb(168, 124, 100);
    p.hair = rgb(74, 58, 50);
    p.clothes = rgb(112, 132, 150);  // a soft blue-grey top
    p.eyeshades = rgb(58, 52, 78);
    p.tear = rgb(170, 210, 235);
    p.blanket = rgb(176, 130, 110);  // warm wool
    p.couch = rgb(96, 110, 98);      // muted sage
    p.threshold = rgb(138, 144, 153);
    p.marker = rgb(242, 212, 121);
    return p;
}

}  // namespace

Palette Palette::standard() {
    Palette p = base();
    p.heart_rate = rgb(232, 146, 124);
    p.systolic = rgb(127, 179, 213);
    p.diastolic = rgb(88, 128, 170);
    p.temperature = rgb(229, 192, 123);
    p.distress = rgb(195, 155, 211);
    p.alert = rgb(240, 70, 70);
    p.good = rgb(111, 207, 151);
    p.poor = rgb(235, 140, 90);
    p.expert = rgb(130, 170, 255);
    return p;
}

Palette Palette::colour_blind_safe() {
    Palette p = base();
    // Okabe-Ito: reddish purple, sky blue, blue, yellow, orange, vermillion, bluish green.
    // Vermillion is kept for alerts (and moments to review, which the timeline also marks
    // by shape), so no line shares a hue family with it.
    p.heart_rate = rgb(204, 121, 167);
    p.systolic = rgb(86, 180, 233);
    p.diastolic = rgb(40, 130, 200);  // Okabe-Ito blue (0,114,178), lifted to read on the dark panel
    p.temperature = rgb(240, 228, 66);
    p.distress = rgb(230, 159, 0);
    p.alert = rgb(213, 94, 0);
    p.good = rgb(0, 158, 115);
    p.poor = rgb(213, 94, 0);
    p.expert = rgb(86, 180, 233);
    p.tear = rgb(86, 180, 233);
    p.marker = rgb(240, 228, 66);
    return p;
}

}  // namespace holdspace::ui
