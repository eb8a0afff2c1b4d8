#pragma once
// The window's last full frame, kept in an offscreen framebuffer so that a frame in which only
// the breathing participant moves redraws the participant's rectangle over it, not the whole
// window (docs/performance.md, "The window"). Only app_window.cpp uses it.
#include "ui/participant_figure.hpp"

#include <imgui.h>

#include <memory>

namespace holdspace::ui {

// What a screen drew that moves on its own: the participant, where it is and from what state.
// The session screen fills it in during a full frame; the window loop clears it before each
// full frame, so a screen that does not draw an animated figure leaves none.
struct AnimatedFigure {
    bool present = false;
    ImVec2 min{}, max{};            // the rectangle draw_participant was given
    ImVec2 clip_min{}, clip_max{};  // the clip rectangle it was drawn under
    ImU32 background = 0;           // the colour under it (opaque)
    FigureState state;              // seconds is replaced at each redraw
    Palette palette{};
};
AnimatedFigure& animated_figure();

// Draws the figure again at `seconds` (or, with `phase` 0-1, at that point of a breath) into a
// list of its own: its background, then the figure.
void redraw_animated_figure(ImDrawList* list, const AnimatedFigure& figure, double seconds, double phase = -1);

// The visible part of the figure's rectangle in whole pixels (empty when clipped away).
void animated_figure_bounds(const AnimatedFigure& figure, ImVec2& min, ImVec2& max);

// The breathing figure drawn once at `phases` points of a breath, each into a texture of its
// own, so that a frame in which only the breathing changes is one textured rectangle. A frame
// is drawn the first time it is needed; all are dropped when the figure changes (apart from its
// clock) or moves. Trembling and tears are drawn as they are at each frame's moment, so a
// breath's frames loop them with the breath.
class BreathSprites {
public:
    static constexpr int phases = 24;
    BreathSprites();
    ~BreathSprites();
    BreathSprites(const BreathSprites&) = delete;
    BreathSprites& operator=(const BreathSprites&) = delete;

    // The texture showing `figure` at `seconds` (drawing it first if need be), or 0 when sprites
    // cannot stand in for it. `scale` is the framebuffer's pixels per point.
    ImTextureID frame(const AnimatedFigure& figure, double seconds, ImVec2 scale);

private:
    bool ensure(int width, int height);
    struct Gl;
    std::unique_ptr<Gl> gl_;
    unsigned fbo_ = 0, textures_[phases] = {};
    bool drawn_[phases] = {};
    int width_ = 0, height_ = 0;
    bool failed_ = false;
    AnimatedFigure for_;
    ImVec2 scale_{1, 1};
};

// An RGBA framebuffer the size of the window that the full frame is rendered into and then
// copied to the window.
class FrameCache {
public:
    FrameCache();
    ~FrameCache();
    FrameCache(const FrameCache&) = delete;
    FrameCache& operator=(const FrameCache&) = delete;

    // Makes it `width` x `height` (again, when the window was resized); false if the OpenGL
    // context has no framebuffer objects, and the window then draws every frame in full.
    bool ensure(int width, int height);
    void bind();                   // render into it
    void present();                // copy it to the window's back buffer (and bind the window)
    bool valid() const { return valid_; }
    void invalidate() { valid_ = false; }
    void mark_valid() { valid_ = true; }

private:
    struct Gl;
    std::unique_ptr<Gl> gl_;
    unsigned fbo_ = 0, colour_ = 0;
    int width_ = 0, height_ = 0;
    bool valid_ = false, failed_ = false;
};

}  // namespace holdspace::ui
