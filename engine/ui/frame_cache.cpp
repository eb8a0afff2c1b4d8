#include "ui/frame_cache.hpp"

#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <backends/imgui_impl_opengl3.h>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace holdspace::ui {

AnimatedFigure& animated_figure() {
    static AnimatedFigure figure;
    return figure;
}

void animated_figure_bounds(const AnimatedFigure& figure, ImVec2& min, ImVec2& max) {
    min = {std::floor(std::max(figure.min.x, figure.clip_min.x)), std::floor(std::max(figure.min.y, figure.clip_min.y))};
    max = {std::ceil(std::min(figure.max.x, figure.clip_max.x)), std::ceil(std::min(figure.max.y, figure.clip_max.y))};
    if (max.x < min.x) max.x = min.x;
    if (max.y < min.y) max.y = min.y;
}

void redraw_animated_figure(ImDrawList* list, const AnimatedFigure& figure, double seconds, double phase) {
    ImVec2 lo, hi;
    animated_figure_bounds(figure, lo, hi);
    if (hi.x <= lo.x || hi.y <= lo.y) return;
    list->PushClipRect(lo, hi, false);
    // Whole pixels, so the background covers exactly what the last frame drew there.
    list->AddRectFilled(lo, hi, figure.background);
    FigureState state = figure.state;
    state.seconds = seconds;
    state.breath_phase = phase;
    draw_participant(list, figure.min, figure.max, state, figure.palette);
    list->PopClipRect();
}

struct FrameCache::Gl {
    PFNGLGENFRAMEBUFFERSPROC GenFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC BindFramebuffer = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC DeleteFramebuffers = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC FramebufferTexture2D = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC CheckFramebufferStatus = nullptr;
    PFNGLBLITFRAMEBUFFERPROC BlitFramebuffer = nullptr;

    template <typename F>
    static bool load(F& f, const char* name) {
        f = reinterpret_cast<F>(SDL_GL_GetProcAddress(name));
        return f != nullptr;
    }
    bool load_all() {
        return load(GenFramebuffers, "glGenFramebuffers") && load(BindFramebuffer, "glBindFramebuffer") &&
               load(DeleteFramebuffers, "glDeleteFramebuffers") &&
               load(FramebufferTexture2D, "glFramebufferTexture2D") &&
               load(CheckFramebufferStatus, "glCheckFramebufferStatus") && load(BlitFramebuffer, "glBlitFramebuffer");
    }
};

FrameCache::FrameCache() : gl_(std::make_unique<Gl>()) {}

FrameCache::~FrameCache() {
    if (fbo_) gl_->DeleteFramebuffers(1, &fbo_);
    if (colour_) glDeleteTextures(1, &colour_);
}

bool FrameCache::ensure(int width, int height) {
    if (failed_ || width <= 0 || height <= 0) return false;
    if (fbo_ && width == width_ && height == height_) return true;
    valid_ = false;
    if (!fbo_) {
        if (!gl_->load_all()) {
            failed_ = true;
            return false;
        }
        glGenTextures(1, &colour_);
        gl_->GenFramebuffers(1, &fbo_);
    }
    width_ = width;
    height_ = height;
    glBindTexture(GL_TEXTURE_2D, colour_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    gl_->BindFramebuffer(GL_FRAMEBUFFER, fbo_);
    gl_->FramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_, 0);
    const bool ok = gl_->CheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    gl_->BindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!ok) {
        gl_->DeleteFramebuffers(1, &fbo_);
        glDeleteTextures(1, &colour_);
        fbo_ = colour_ = 0;
        failed_ = true;
    }
    return ok;
}

void FrameCache::bind() { gl_->BindFramebuffer(GL_FRAMEBUFFER, fbo_); }

void FrameCache::present() {
    gl_->BindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    gl_->BindFramebuffer(GL_DRAW_FRAMEBUFFER, 0);
    gl_->BlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    gl_->BindFramebuffer(GL_FRAMEBUFFER, 0);
}

// ---- breath sprites ----

struct BreathSprites::Gl {
    PFNGLGENFRAMEBUFFERSPROC GenFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC BindFramebuffer = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC DeleteFramebuffers = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC FramebufferTexture2D = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC CheckFramebufferStatus = nullptr;
    template <typename F>
    static bool load(F& f, const char* name) {
        f = reinterpret_cast<F>(SDL_GL_GetProcAddress(name));
        return f != nullptr;
    }
    bool load_all() {
        return load(GenFramebuffers, "glGenFramebuffers") && load(BindFramebuffer, "glBindFramebuffer") &&
               load(DeleteFramebuffers, "glDeleteFramebuffers") &&
               load(FramebufferTexture2D, "glFramebufferTexture2D") &&
               load(CheckFramebufferStatus, "glCheckFramebufferStatus");
    }
};

BreathSprites::BreathSprites() : gl_(std::make_unique<Gl>()) {}

BreathSprites::~BreathSprites() {
    if (fbo_) gl_->DeleteFramebuffers(1, &fbo_);
    if (textures_[0]) glDeleteTextures(phases, textures_);
}

bool BreathSprites::ensure(int width, int height) {
    if (failed_) return false;
    if (fbo_ && width == width_ && height == height_) return true;
    if (!fbo_) {
        if (!gl_->load_all()) {
            failed_ = true;
            return false;
        }
        gl_->GenFramebuffers(1, &fbo_);
        glGenTextures(phases, textures_);
    }
    width_ = width;
    height_ = height;
    for (unsigned t : textures_) {
        glBindTexture(GL_TEXTURE_2D, t);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    }
    glBindTexture(GL_TEXTURE_2D, 0);
    std::fill(std::begin(drawn_), std::end(drawn_), false);
    return true;
}

ImTextureID BreathSprites::frame(const AnimatedFigure& figure, double seconds, ImVec2 scale) {
    if (!figure.present) return ImTextureID{};
    FigureState now = figure.state;
    now.seconds = seconds;
    if (in_transition(now)) return ImTextureID{};  // moving between two pictures: drawn as it is
    ImVec2 lo, hi;
    animated_figure_bounds(figure, lo, hi);
    const int w = static_cast<int>((hi.x - lo.x) * scale.x), h = static_cast<int>((hi.y - lo.y) * scale.y);
    if (w <= 0 || h <= 0) return ImTextureID{};
    // Another picture, or the same in another place: every frame is drawn again.
    const bool same = same_figure(figure.state, for_.state) && figure.min.x == for_.min.x && figure.min.y == for_.min.y &&
                      figure.max.x == for_.max.x && figure.max.y == for_.max.y && figure.clip_min.x == for_.clip_min.x &&
                      figure.clip_min.y == for_.clip_min.y && figure.clip_max.x == for_.clip_max.x &&
                      figure.clip_max.y == for_.clip_max.y && figure.background == for_.background &&
                      std::memcmp(&figure.palette, &for_.palette, sizeof(Palette)) == 0 && scale.x == scale_.x &&
                      scale.y == scale_.y;
    if (!same) {
        std::fill(std::begin(drawn_), std::end(drawn_), false);
        for_ = figure;
        scale_ = scale;
    }
    if (!ensure(w, h)) return ImTextureID{};
    FigureState at = figure.state;
    at.seconds = seconds;
    const int k = static_cast<int>(std::lround(breath_phase_at(at) * phases)) % phases;
    if (!drawn_[k]) {
        static ImDrawList list(ImGui::GetDrawListSharedData());
        list._ResetForNewFrame();
        list.PushTextureID(ImGui::GetIO().Fonts->TexID);
        list.PushClipRect(lo, hi, false);
        // Frame k is the moment k/phases through a breath: trembling and falling tears are
        // drawn as they are at that moment, so they move as the frames follow each other.
        const double phase = static_cast<double>(k) / phases;
        AnimatedFigure settled = figure;
        settled.state.changing = false;
        redraw_animated_figure(&list, settled, phase * breath_period(figure.state), phase);
        ImDrawList* lists[] = {&list};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.TotalVtxCount = list.VtxBuffer.Size;
        data.TotalIdxCount = list.IdxBuffer.Size;
        data.DisplayPos = lo;
        data.DisplaySize = ImVec2(hi.x - lo.x, hi.y - lo.y);
        data.FramebufferScale = scale;
        GLint previous = 0;
        glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
        gl_->BindFramebuffer(GL_FRAMEBUFFER, fbo_);
        gl_->FramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, textures_[k], 0);
        if (gl_->CheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
            gl_->BindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
            failed_ = true;
            return ImTextureID{};
        }
        glViewport(0, 0, w, h);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(&data);
        gl_->BindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
        drawn_[k] = true;
    }
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(textures_[k]));
}

}  // namespace holdspace::ui
