#include "ui/screenshot.hpp"

#include <SDL.h>
#include <SDL_opengl.h>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cerrno>
#include <cstring>

namespace holdspace::ui {

bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba,
               std::string& error) {
    if (width <= 0 || height <= 0 || rgba.size() < static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4) {
        error = "nothing to write";
        return false;
    }
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4)) {
        error = path + ": cannot write PNG: " + std::strerror(errno);
        return false;
    }
    return true;
}

// OpenGL 3.0 framebuffer functions, looked up through SDL (they are not in libGL's 1.x ABI).
struct OffscreenTarget::Gl {
    PFNGLGENFRAMEBUFFERSPROC GenFramebuffers = nullptr;
    PFNGLBINDFRAMEBUFFERPROC BindFramebuffer = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC DeleteFramebuffers = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC FramebufferTexture2D = nullptr;
    PFNGLGENRENDERBUFFERSPROC GenRenderbuffers = nullptr;
    PFNGLBINDRENDERBUFFERPROC BindRenderbuffer = nullptr;
    PFNGLRENDERBUFFERSTORAGEPROC RenderbufferStorage = nullptr;
    PFNGLFRAMEBUFFERRENDERBUFFERPROC FramebufferRenderbuffer = nullptr;
    PFNGLDELETERENDERBUFFERSPROC DeleteRenderbuffers = nullptr;
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
               load(GenRenderbuffers, "glGenRenderbuffers") && load(BindRenderbuffer, "glBindRenderbuffer") &&
               load(RenderbufferStorage, "glRenderbufferStorage") &&
               load(FramebufferRenderbuffer, "glFramebufferRenderbuffer") &&
               load(DeleteRenderbuffers, "glDeleteRenderbuffers") &&
               load(CheckFramebufferStatus, "glCheckFramebufferStatus");
    }
};

OffscreenTarget::OffscreenTarget() : gl_(std::make_unique<Gl>()) {}

OffscreenTarget::~OffscreenTarget() {
    if (fbo_) gl_->DeleteFramebuffers(1, &fbo_);
    if (depth_) gl_->DeleteRenderbuffers(1, &depth_);
    if (colour_) glDeleteTextures(1, &colour_);
}

bool OffscreenTarget::create(int width, int height, std::string& error) {
    if (!gl_->load_all()) {
        error = "OpenGL framebuffer objects are not available";
        return false;
    }
    width_ = width;
    height_ = height;
    glGenTextures(1, &colour_);
    glBindTexture(GL_TEXTURE_2D, colour_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    gl_->GenRenderbuffers(1, &depth_);
    gl_->BindRenderbuffer(GL_RENDERBUFFER, depth_);
    gl_->RenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    gl_->GenFramebuffers(1, &fbo_);
    gl_->BindFramebuffer(GL_FRAMEBUFFER, fbo_);
    gl_->FramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_, 0);
    gl_->FramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
    const GLenum status = gl_->CheckFramebufferStatus(GL_FRAMEBUFFER);
    gl_->BindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        error = "the offscreen framebuffer is incomplete";
        return false;
    }
    return true;
}

void OffscreenTarget::bind() { gl_->BindFramebuffer(GL_FRAMEBUFFER, fbo_); }
void OffscreenTarget::unbind() { gl_->BindFramebuffer(GL_FRAMEBUFFER, 0); }

std::vector<unsigned char> OffscreenTarget::read() const {
    const auto w = static_cast<std::size_t>(width_), h = static_cast<std::size_t>(height_);
    std::vector<unsigned char> pixels(w * h * 4), flipped(w * h * 4);
    gl_->BindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom to top; PNG's top to bottom. The window is opaque.
    for (std::size_t y = 0; y < h; ++y)
        std::memcpy(&flipped[(h - 1 - y) * w * 4], &pixels[y * w * 4], w * 4);
    for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;
    return flipped;
}

}  // namespace holdspace::ui
