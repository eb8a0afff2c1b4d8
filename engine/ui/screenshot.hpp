#pragma once
// `holdspace --screenshot FILE`: the window's frame rendered into an offscreen OpenGL
// framebuffer and written as PNG.
#include <memory>
#include <string>
#include <vector>

namespace holdspace::ui {

// Writes RGBA pixels (rows top to bottom) as PNG; false and `error` on failure.
bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba,
               std::string& error);

// An offscreen framebuffer (colour + depth/stencil) in the current OpenGL 3 context.
class OffscreenTarget {
public:
    OffscreenTarget();
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    bool create(int width, int height, std::string& error);
    void bind();     // render into it
    void unbind();   // back to the window
    // The pixels, rows top to bottom.
    std::vector<unsigned char> read() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    struct Gl;
    std::unique_ptr<Gl> gl_;
    unsigned fbo_ = 0, colour_ = 0, depth_ = 0;
    int width_ = 0, height_ = 0;
};

}  // namespace holdspace::ui
