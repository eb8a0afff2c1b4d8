// The participant on the couch, drawn from ImDrawList primitives.
//
// The body is 2D: soft capsules and ellipses in a 100 x 45 "figure unit" frame, each
// with a darker underside so it reads as rounded. The head is a small 3D ellipsoid
// mesh (smooth shading, hair and skin blended per vertex) that turns between facing
// the ceiling and facing the viewer, who sits where the therapist sits; the face's
// features live on that ellipsoid, so turning the head foreshortens them and hides the
// far eye naturally. Pose and expression are blends of a few parameters, so in-between
// states look in-between rather than snapping.
#include "ui/participant_figure.hpp"

#include "sim/session.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace holdspace::ui {

namespace {

constexpr float pi = 3.14159265f;

float clamp01(float x) { return std::clamp(x, 0.0f, 1.0f); }
float lerp(float a, float b, float t) { return a + (b - a) * t; }
float smooth(float e0, float e1, float x) {
    const float t = clamp01((x - e0) / (e1 - e0));
    return t * t * (3 - 2 * t);
}
ImVec2 lerp(ImVec2 a, ImVec2 b, float t) { return {lerp(a.x, b.x, t), lerp(a.y, b.y, t)}; }
ImVec2 operator+(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }
ImVec2 operator-(ImVec2 a, ImVec2 b) { return {a.x - b.x, a.y - b.y}; }
ImVec2 operator*(ImVec2 a, float k) { return {a.x * k, a.y * k}; }
float length(ImVec2 a) { return std::sqrt(a.x * a.x + a.y * a.y); }

struct V3 {
    float x = 0, y = 0, z = 0;
};
V3 operator+(V3 a, V3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
V3 operator*(V3 a, float k) { return {a.x * k, a.y * k, a.z * k}; }
float dot(V3 a, V3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
V3 cross(V3 a, V3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
V3 normalized(V3 a) {
    const float l = std::sqrt(dot(a, a));
    return l > 0 ? a * (1 / l) : a;
}

// ---- colour ----

struct Rgba {
    float r, g, b, a;
};
Rgba unpack(ImU32 c) {
    return {static_cast<float>((c >> IM_COL32_R_SHIFT) & 0xFF) / 255.0f,
            static_cast<float>((c >> IM_COL32_G_SHIFT) & 0xFF) / 255.0f,
            static_cast<float>((c >> IM_COL32_B_SHIFT) & 0xFF) / 255.0f,
            static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f};
}
ImU32 pack(Rgba c) {
    auto byte = [](float v) { return static_cast<ImU32>(std::lround(clamp01(v) * 255.0f)); };
    return (byte(c.a) << IM_COL32_A_SHIFT) | (byte(c.b) << IM_COL32_B_SHIFT) | (byte(c.g) << IM_COL32_G_SHIFT) |
           (byte(c.r) << IM_COL32_R_SHIFT);
}
ImU32 mix(ImU32 a, ImU32 b, float t) {
    const Rgba x = unpack(a), y = unpack(b);
    return pack({lerp(x.r, y.r, t), lerp(x.g, y.g, t), lerp(x.b, y.b, t), lerp(x.a, y.a, t)});
}
ImU32 shade(ImU32 c, float k) {
    Rgba x = unpack(c);
    return pack({x.r * k, x.g * k, x.b * k, x.a});
}
ImU32 alpha(ImU32 c, float a) {
    Rgba x = unpack(c);
    return pack({x.r, x.g, x.b, x.a * clamp01(a)});
}
ImU32 desaturate(ImU32 c, float amount) {
    Rgba x = unpack(c);
    const float grey = 0.3f * x.r + 0.59f * x.g + 0.11f * x.b;
    return pack({lerp(x.r, grey, amount), lerp(x.g, grey, amount), lerp(x.b, grey, amount), x.a});
}

// ---- the parameters the state is turned into ----

// The face, roughly -1..1 or 0..1 per item.
struct Face {
    float brow_inner = 0;  // + raised (sorrow, fear), - pulled down (anger)
    float brow_outer = 0;
    float furrow = 0;      // brows drawn together, a crease between them
    float eye_open = 0.9f; // 0 closed, 1 open, 1.4 wide
    float gaze_down = 0;   // lowered gaze (shame)
    float mouth_curve = 0; // -1 corners down, +1 smile
    float mouth_open = 0;
    float mouth_width = 1;
    float asym = 0;        // one brow up, mouth skewed (puzzlement, play)
    float flush = 0;       // colour in the cheeks
};

Face face_for(const std::string& affect) {
    Face f;
    if (affect == "anxious") f = {0.6f, 0.1f, 0.4f, 1.15f, 0, -0.25f, 0.12f, 0.85f, 0, 0};
    else if (affect == "fearful") f = {1.0f, 0.6f, 0.3f, 1.4f, 0, -0.2f, 0.45f, 0.9f, 0, 0};
    else if (affect == "distressed") f = {0.9f, 0.0f, 0.8f, 0.7f, 0, -0.6f, 0.35f, 1.1f, 0, 0.2f};
    else if (affect == "tearful") f = {0.9f, -0.1f, 0.4f, 0.55f, 0.2f, -0.55f, 0.1f, 0.95f, 0, 0.25f};
    else if (affect == "sad") f = {0.7f, -0.2f, 0.2f, 0.6f, 0.3f, -0.5f, 0, 0.9f, 0, 0};
    else if (affect == "angry") f = {-0.9f, 0.2f, 1.0f, 0.85f, 0, -0.35f, 0, 0.8f, 0, 0.35f};
    else if (affect == "ashamed") f = {0.4f, -0.1f, 0.2f, 0.5f, 1.0f, -0.3f, 0, 0.85f, 0, 0.3f};
    else if (affect == "numb") f = {0, 0, 0, 0.7f, 0, 0, 0, 0.9f, 0, 0};
    else if (affect == "confused") f = {0.3f, 0.2f, 0.3f, 1.0f, 0, -0.1f, 0.05f, 0.85f, 1.0f, 0};
    else if (affect == "relieved") f = {0.3f, 0, 0, 0.65f, 0, 0.45f, 0.1f, 1.0f, 0, 0.1f};
    else if (affect == "warm") f = {0.15f, 0.1f, 0, 0.85f, 0, 0.6f, 0, 1.05f, 0, 0.15f};
    else if (affect == "hopeful") f = {0.3f, 0.3f, 0, 1.05f, 0, 0.35f, 0, 1.0f, 0, 0.05f};
    else if (affect == "playful") f = {0.1f, 0.3f, 0, 0.9f, 0, 0.75f, 0.1f, 1.05f, 0.4f, 0.15f};
    else if (affect == "withdrawn") f = {0.1f, 0, 0.15f, 0.75f, 0.6f, -0.15f, 0, 0.85f, 0, 0};
    else f = {0, 0, 0, 0.9f, 0, 0.1f, 0, 1.0f, 0, 0};  // calm, and anything unknown
    return f;
}

// The body.
struct Pose {
    float curl = 0;        // knees drawn up, head lifted, hunched
    float hands_chest = 0; // hands brought up to the chest (holding oneself, arms crossed)
    float grip = 0;        // hands as fists
    float shoulders = 0;   // shoulders raised
    float turn = 0;        // head: radians from facing the ceiling towards the viewer
    float breath = 0;      // chest rise now, 0-1 times amplitude below
    float breath_amp = 0;  // figure units
    float tremble = 0;     // jitter amplitude, figure units
};

float jitter(double seconds, float phase) {
    const double t = seconds;
    return static_cast<float>(0.6 * std::sin(t * 41.0 + phase) + 0.4 * std::sin(t * 67.0 + 2.3 * phase));
}

// ---- drawing helpers in figure units ----

// Maps the 100 x 45 figure frame (y from 10 to 55) into the rectangle, keeping proportions.
struct Frame {
    ImVec2 origin;
    float s = 1;
    ImVec2 p(float x, float y) const { return {origin.x + x * s, origin.y + (y - 10.0f) * s}; }
    ImVec2 p(ImVec2 v) const { return p(v.x, v.y); }
};

// A convex blob round two circles (a tapered limb), clockwise for ImGui's anti-aliasing.
void capsule(ImDrawList* list, const Frame& f, ImVec2 a, ImVec2 b, float ra, float rb, ImU32 col) {
    const ImVec2 d = b - a;
    const float len = std::max(length(d), 1e-3f);
    const float base = std::atan2(d.y, d.x);
    const float phi = std::asin(std::clamp((ra - rb) / len, -0.95f, 0.95f));
    const float side = pi / 2 + phi;
    constexpr int n = 10;
    std::array<ImVec2, 2 * (n + 1)> pts{};
    for (int i = 0; i <= n; ++i) {  // round the far end, then the near one
        const float t = static_cast<float>(i) / n;
        const float ab = base - side + t * 2 * side;
        pts[static_cast<std::size_t>(i)] = f.p(b + ImVec2{std::cos(ab), std::sin(ab)} * rb);
        const float aa = base + side + t * (2 * pi - 2 * side);
        pts[static_cast<std::size_t>(n + 1 + i)] = f.p(a + ImVec2{std::cos(aa), std::sin(aa)} * ra);
    }
    list->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), col);
}

// A limb with a darker underside: the shadow shape, then the lit one nudged up.
void limb(ImDrawList* list, const Frame& f, ImVec2 a, ImVec2 b, float ra, float rb, ImU32 col) {
    capsule(list, f, a, b, ra, rb, shade(col, 0.78f));
    capsule(list, f, a + ImVec2{-0.12f, -0.28f}, b + ImVec2{-0.12f, -0.28f}, ra * 0.86f, rb * 0.86f, col);
}

void ellipse(ImDrawList* list, const Frame& f, ImVec2 c, float rx, float ry, float angle, ImU32 col) {
    constexpr int n = 28;
    std::array<ImVec2, n> pts{};
    const float ca = std::cos(angle), sa = std::sin(angle);
    for (int i = 0; i < n; ++i) {
        const float t = 2 * pi * static_cast<float>(i) / n;
        const float x = std::cos(t) * rx, y = std::sin(t) * ry;
        pts[static_cast<std::size_t>(i)] = f.p(c + ImVec2{x * ca - y * sa, x * sa + y * ca});
    }
    list->AddConvexPolyFilled(pts.data(), n, col);
}

void rounded(ImDrawList* list, const Frame& f, float x0, float y0, float x1, float y1, float r, ImU32 col) {
    list->AddRectFilled(f.p(x0, y0), f.p(x1, y1), col, r * f.s);
}

// ---- the head ----

// The head as an ellipsoid with its own axes: `up` to the crown, `fwd` out of the face,
// `across` from one cheek to the other. Face coordinates (u across, v up, w forward) are
// on the unit sphere; w > 1 stands proud of it (the nose).
struct Head {
    ImVec2 centre;  // screen
    float r = 1;    // screen pixels
    V3 up, fwd, across;
    static constexpr float ra = 0.80f, rv = 1.0f, rw = 0.88f;

    V3 world(float u, float v, float w) const { return across * (u * ra) + up * (v * rv) + fwd * (w * rw); }
    ImVec2 at(float u, float v, float w) const {
        const V3 p = world(u, v, w);
        return {centre.x + p.x * r, centre.y + p.y * r};
    }
    // A point on the surface (w from u and v).
    ImVec2 on(float u, float v, float lift = 1.0f) const {
        return at(u, v, lift * std::sqrt(std::max(0.0f, 1 - u * u - v * v)));
    }
    // How much the surface there faces the viewer (-1..1).
    float facing(float u, float v) const {
        const float w = std::sqrt(std::max(0.0f, 1 - u * u - v * v));
        return normalized(across * (u / ra) + up * (v / rv) + fwd * (w / rw)).z;
    }
};

struct MeshVertex {
    ImVec2 pos;
    float depth;
    ImU32 col;
};

// Convex hull (monotone chain) of the projected vertices, clockwise on screen.
std::vector<int> hull(const std::vector<MeshVertex>& v) {
    std::vector<int> idx(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) idx[i] = static_cast<int>(i);
    auto at = [&](int i) { return v[static_cast<std::size_t>(i)].pos; };
    std::sort(idx.begin(), idx.end(), [&](int a, int b) {
        return at(a).x < at(b).x || (at(a).x == at(b).x && at(a).y < at(b).y);
    });
    auto turn = [&](int o, int a, int b) {
        const ImVec2 p = at(o), q = at(a), s = at(b);
        return (q.x - p.x) * (s.y - p.y) - (q.y - p.y) * (s.x - p.x);
    };
    std::vector<int> h(2 * idx.size());
    std::size_t k = 0;
    for (int i : idx) {
        while (k >= 2 && turn(h[k - 2], h[k - 1], i) <= 0) --k;
        h[k++] = i;
    }
    for (std::size_t j = idx.size() - 1, lower = k + 1; j-- > 0;) {
        const int i = idx[j];
        while (k >= lower && turn(h[k - 2], h[k - 1], i) <= 0) --k;
        h[k++] = i;
    }
    h.resize(k > 0 ? k - 1 : 0);
    return h;
}

// Smoothly shaded head: skin and hair blended per vertex, lit from the upper left.
void draw_head_mesh(ImDrawList* list, const Head& head, ImU32 skin, ImU32 skin_dark, ImU32 hair) {
    // Rows of vertices run along lines of latitude round the crown axis, except that one pair
    // sits either side of the hairline: the skin-to-hair edge is then a clean curve, not the
    // sawtooth a blend across the mesh's diagonals would give.
    constexpr int below = 18, above = 10, segments = 40;
    constexpr int rings = below + above + 1;
    const V3 light = normalized({-0.35f, -0.75f, 0.55f});
    const ImU32 hair_dark = shade(hair, 0.62f);
    std::vector<MeshVertex> verts;
    verts.reserve((rings + 1) * (segments + 1));
    for (int i = 0; i <= rings; ++i) {
        for (int j = 0; j <= segments; ++j) {
            const float lon = 2 * pi * static_cast<float>(j) / segments;
            // Hairline: high on the forehead, down past the temples, to the nape at the back.
            const float back = (1 - std::cos(lon)) / 2;
            const float line_v = 0.5f - 0.85f * std::pow(back, 1.3f) + 0.025f * std::sin(3 * lon);
            const float line_lat = std::asin(std::clamp(line_v, -0.95f, 0.95f));
            const bool is_hair = i > below;
            const float lat = is_hair ? lerp(line_lat + 0.015f, pi / 2, static_cast<float>(i - below - 1) / above)
                                      : lerp(-pi / 2, line_lat - 0.015f, static_cast<float>(i) / below);
            float u = std::cos(lat) * std::sin(lon), v = std::sin(lat), w = std::cos(lat) * std::cos(lon);
            const V3 n = normalized(head.across * (u / Head::ra) + head.up * (v / Head::rv) + head.fwd * (w / Head::rw));
            if (v < 0) {  // a jaw: the lower face longer and narrower than a sphere, tapering to the chin
                u *= 1 - 0.22f * -v * std::max(0.0f, w);
                if (w > 0) {
                    w *= 1 + 0.10f * -v;
                    v *= 1 + 0.14f * w;
                }
            }
            if (is_hair) {  // hair has some volume: it stands a little off the skull
                u *= 1.05f;
                v *= 1.05f;
                w *= 1.05f;
            }
            const float lit = std::max(0.0f, dot(n, light));
            const ImU32 col = is_hair ? mix(hair_dark, hair, 0.3f + 0.7f * lit) : mix(skin_dark, skin, 0.35f + 0.65f * lit);
            const V3 p = head.world(u, v, w);
            verts.push_back({{head.centre.x + p.x * head.r, head.centre.y + p.y * head.r}, p.z, col});
        }
    }
    struct Tri {
        int a, b, c;
        float depth;
    };
    std::vector<Tri> tris;
    tris.reserve(rings * segments * 2);
    auto vi = [](int i, int j) { return i * (segments + 1) + j; };
    auto depth = [&](int a, int b, int c) {
        return verts[static_cast<std::size_t>(a)].depth + verts[static_cast<std::size_t>(b)].depth +
               verts[static_cast<std::size_t>(c)].depth;
    };
    for (int i = 0; i < rings; ++i)
        for (int j = 0; j < segments; ++j) {
            const int a = vi(i, j), b = vi(i, j + 1), c = vi(i + 1, j + 1), d = vi(i + 1, j);
            tris.push_back({a, b, c, depth(a, b, c)});
            tris.push_back({a, c, d, depth(a, c, d)});
        }
    // Far triangles first: the near surface paints over the far one (no culling gaps at the rim).
    std::stable_sort(tris.begin(), tris.end(), [](const Tri& x, const Tri& y) { return x.depth < y.depth; });

    const std::vector<int> rim = hull(verts);
    const int rim_n = static_cast<int>(rim.size());
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    const int vtx = static_cast<int>(verts.size()) + 2 * rim_n;
    list->PrimReserve(static_cast<int>(tris.size()) * 3 + rim_n * 6, vtx);
    const auto base = static_cast<ImDrawIdx>(list->_VtxCurrentIdx);
    for (const auto& v : verts) list->PrimWriteVtx(v.pos, uv, v.col);
    for (const auto& t : tris) {
        list->PrimWriteIdx(static_cast<ImDrawIdx>(base + t.a));
        list->PrimWriteIdx(static_cast<ImDrawIdx>(base + t.b));
        list->PrimWriteIdx(static_cast<ImDrawIdx>(base + t.c));
    }
    // A one-pixel fringe fading out round the silhouette: the anti-aliasing ImGui gives its own shapes.
    const auto rim_base = static_cast<ImDrawIdx>(base + verts.size());
    for (int k = 0; k < rim_n; ++k) {
        const auto& prev = verts[static_cast<std::size_t>(rim[static_cast<std::size_t>((k + rim_n - 1) % rim_n)])];
        const auto& cur = verts[static_cast<std::size_t>(rim[static_cast<std::size_t>(k)])];
        const auto& next = verts[static_cast<std::size_t>(rim[static_cast<std::size_t>((k + 1) % rim_n)])];
        const ImVec2 e = next.pos - prev.pos;
        ImVec2 out{e.y, -e.x};
        out = out * (1.0f / std::max(length(out), 1e-4f));
        if ((cur.pos.x - head.centre.x) * out.x + (cur.pos.y - head.centre.y) * out.y < 0) out = out * -1.0f;
        list->PrimWriteVtx(cur.pos, uv, cur.col);
        list->PrimWriteVtx(cur.pos + out * 1.0f, uv, alpha(cur.col, 0));
    }
    for (int k = 0; k < rim_n; ++k) {
        const auto i0 = static_cast<ImDrawIdx>(rim_base + 2 * k), i1 = static_cast<ImDrawIdx>(rim_base + 2 * ((k + 1) % rim_n));
        const ImDrawIdx idx[6] = {i0, static_cast<ImDrawIdx>(i0 + 1), static_cast<ImDrawIdx>(i1 + 1),
                                  i0, static_cast<ImDrawIdx>(i1 + 1), i1};
        for (ImDrawIdx x : idx) list->PrimWriteIdx(x);
    }
}

struct FaceColours {
    ImU32 line, lash, sclera, iris, lips, mouth, skin, skin_dark, tear, eyeshades, flush;
};

// A polyline on the face, faded where that part turns away.
void face_line(ImDrawList* list, const Head& h, const std::vector<ImVec2>& uv, ImU32 col, float thick) {
    std::vector<ImVec2> pts;
    float vis = 0;
    for (const auto& q : uv) {
        pts.push_back(h.on(q.x, q.y));
        vis += h.facing(q.x, q.y);
    }
    vis /= static_cast<float>(uv.size());
    const float a = smooth(0.02f, 0.3f, vis);
    if (a <= 0) return;
    list->AddPolyline(pts.data(), static_cast<int>(pts.size()), alpha(col, unpack(col).a * a), 0, thick);
}

void face_fill(ImDrawList* list, const Head& h, const std::vector<ImVec2>& uv, ImU32 col, float lift = 1.0f) {
    std::vector<ImVec2> pts;
    float vis = 0;
    for (const auto& q : uv) {
        pts.push_back(h.on(q.x, q.y, lift));
        vis += h.facing(q.x, q.y);
    }
    vis /= static_cast<float>(uv.size());
    const float a = smooth(0.02f, 0.3f, vis);
    if (a <= 0) return;
    // Clockwise on screen whichever way the head is turned.
    float area = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const ImVec2 p = pts[i], q = pts[(i + 1) % pts.size()];
        area += p.x * q.y - q.x * p.y;
    }
    if (area < 0) std::reverse(pts.begin(), pts.end());
    list->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), alpha(col, unpack(col).a * a));
}

// One eye at (cu, cv); side = -1 or +1 (which cheek). `gaze` moves the iris in face units.
void draw_eye(ImDrawList* list, const Head& h, float cu, float cv, float side, const Face& face, bool closed,
              ImVec2 gaze, const FaceColours& c, float px) {
    const float ew = 0.165f;
    if (closed) {
        // A closed lid: a soft downward curve with the lash line under it.
        std::vector<ImVec2> lid;
        for (int i = 0; i <= 6; ++i) {
            const float t = -1 + 2 * static_cast<float>(i) / 6;
            lid.push_back({cu + t * ew, cv - 0.03f - 0.035f * (1 - t * t)});
        }
        face_line(list, h, lid, c.lash, std::max(1.0f, 0.9f * px));
        return;
    }
    const float open = face.eye_open;
    const float up_h = 0.085f * open, low_h = 0.05f * std::min(open, 1.2f);
    auto upper = [&](float t) { return cv + up_h * (1 - t * t) * (1 - 0.15f * t * side) - 0.01f; };
    auto lower = [&](float t) { return cv - low_h * (1 - t * t); };
    std::vector<ImVec2> shape;
    for (int i = 0; i <= 8; ++i) {
        const float t = -1 + 2 * static_cast<float>(i) / 8;
        shape.push_back({cu + t * ew, upper(t)});
    }
    for (int i = 7; i >= 1; --i) {
        const float t = -1 + 2 * static_cast<float>(i) / 8;
        shape.push_back({cu + t * ew, lower(t)});
    }
    face_fill(list, h, shape, c.sclera);
    // The iris, clipped to the lids.
    const float ir = 0.075f;
    const float icu = cu + gaze.x, icv = cv - 0.005f + gaze.y;
    std::vector<ImVec2> iris;
    for (int i = 0; i < 16; ++i) {
        const float a = 2 * pi * static_cast<float>(i) / 16;
        const float u = std::clamp(icu + std::cos(a) * ir, cu - ew * 0.95f, cu + ew * 0.95f);
        const float t = (u - cu) / ew;
        const float v = std::clamp(icv + std::sin(a) * ir, lower(t), upper(t));
        iris.push_back({u, v});
    }
    face_fill(list, h, iris, c.iris);
    // Upper lid and lashes, a fainter lower lid.
    std::vector<ImVec2> lid, under;
    for (int i = 0; i <= 8; ++i) {
        const float t = -1 + 2 * static_cast<float>(i) / 8;
        lid.push_back({cu + t * ew * 1.05f, upper(t) + 0.006f});
        under.push_back({cu + t * ew * 0.9f, lower(t * 0.9f) - 0.004f});
    }
    face_line(list, h, lid, c.lash, std::max(1.0f, 0.85f * px));
    face_line(list, h, under, alpha(c.line, 0.35f), std::max(0.7f, 0.4f * px));
}

void draw_tear(ImDrawList* list, ImVec2 start, float len, float size, float phase, ImU32 col) {
    // The wet streak down the cheek, then a drop somewhere along it.
    list->AddLine(start, start + ImVec2{0.15f * len, len}, alpha(col, 0.45f), std::max(1.0f, size * 0.35f));
    const ImVec2 drop = start + ImVec2{0.15f * len * phase, len * phase};
    const ImVec2 pts[] = {drop + ImVec2{0, -size * 1.9f}, drop + ImVec2{size * 0.95f, 0}, drop + ImVec2{0, size},
                          drop + ImVec2{-size * 0.95f, 0}};
    list->AddConvexPolyFilled(pts, 4, alpha(col, 0.9f));
    list->AddCircleFilled(drop + ImVec2{0, 0.1f * size}, size * 0.95f, alpha(col, 0.9f), 12);
    list->AddCircleFilled(drop + ImVec2{-0.3f * size, -0.2f * size}, std::max(0.6f, size * 0.3f),
                          IM_COL32(255, 255, 255, 170), 8);
}

void draw_face(ImDrawList* list, const Head& h, const Face& face, const FigureState& st, const FaceColours& c,
               float px) {
    const float skew = face.asym;
    // Cheek colour (warmth, anger, shame, crying).
    if (face.flush > 0.01f)
        for (float side : {-1.0f, 1.0f}) {
            const float vis = smooth(0.05f, 0.4f, h.facing(0.45f * side, -0.2f));
            if (vis > 0)
                list->AddCircleFilled(h.on(0.45f * side, -0.2f), h.r * 0.2f, alpha(c.flush, 0.22f * face.flush * vis), 16);
        }

    // Eyes, or the eyeshades over them.
    const float gaze_v = -0.04f * face.gaze_down;
    for (float side : {-1.0f, 1.0f}) {
        ImVec2 gaze{0, gaze_v};
        if (st.looking_at_therapist) {
            // Towards the viewer: the part of the view direction that lies across the face.
            gaze.x += 0.05f * dot(h.across, {0, 0, 1}) * side * side;
            gaze.y += 0.05f * dot(h.up, {0, 0, 1});
        } else if (st.dissociation > 40) {
            gaze.y += 0.02f;  // unfocused, slightly up: looking through the room
            gaze.x += 0.02f * side;
        }
        if (!st.eyeshades)
            draw_eye(list, h, 0.36f * side, 0.10f, side, face, st.eyes_closed, gaze, c, px);
    }
    if (st.eyeshades) {
        // A soft band over both eyes following the head's curve, strap running round the back.
        std::vector<ImVec2> band;
        constexpr int n = 14;
        for (int i = 0; i <= n; ++i) {
            const float u = -0.92f + 1.84f * static_cast<float>(i) / n;
            band.push_back({u, 0.30f - 0.03f * u * u});
        }
        for (int i = n; i >= 0; --i) {
            const float u = -0.92f + 1.84f * static_cast<float>(i) / n;
            band.push_back({u, -0.02f + 0.04f * (1 - u * u) - 0.05f * std::abs(u)});
        }
        // Drawn as strips (the band is curved, hence not convex as a whole), plain-filled so the
        // shared edges leave no seams; the edge lines below give the outline its anti-aliasing.
        const ImDrawListFlags flags = list->Flags;
        list->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        for (int i = 0; i < n; ++i) {
            // Top points run left to right, then the bottom ones back: u_i's bottom is at 2n + 1 - i.
            const std::vector<ImVec2> quad = {band[static_cast<std::size_t>(i)], band[static_cast<std::size_t>(i + 1)],
                                              band[static_cast<std::size_t>(2 * n - i)],
                                              band[static_cast<std::size_t>(2 * n + 1 - i)]};
            face_fill(list, h, quad, c.eyeshades, 1.04f);
        }
        list->Flags = flags;
        std::vector<ImVec2> edge(band.begin(), band.begin() + n + 1), lower_edge(band.begin() + n + 1, band.end());
        face_line(list, h, lower_edge, shade(c.eyeshades, 0.85f), std::max(1.0f, 0.6f * px));
        face_line(list, h, edge, shade(c.eyeshades, 1.35f), std::max(1.0f, 0.6f * px));
        for (float side : {-1.0f, 1.0f}) {
            std::vector<ImVec2> strap;
            for (int i = 0; i <= 6; ++i) {
                const float u = side * (0.9f + 0.1f * static_cast<float>(i) / 6);
                strap.push_back({u, 0.15f + 0.03f * static_cast<float>(i) / 6});
            }
            face_line(list, h, strap, shade(c.eyeshades, 0.8f), std::max(1.0f, 1.1f * px));
        }
    }

    // Brows (visible above eyeshades too).
    for (float side : {-1.0f, 1.0f}) {
        const float lift = skew * (side > 0 ? 0.07f : -0.02f);
        const float inner_u = (0.11f - 0.04f * face.furrow) * side, outer_u = 0.56f * side;
        const float inner_v = 0.31f + 0.08f * face.brow_inner - 0.02f * face.furrow + lift;
        const float outer_v = 0.29f + 0.05f * face.brow_outer + lift;
        const float arch = 0.035f * (1 - 0.5f * std::abs(face.brow_inner));
        std::vector<ImVec2> brow;
        for (int i = 0; i <= 6; ++i) {
            const float t = static_cast<float>(i) / 6;
            brow.push_back({lerp(inner_u, outer_u, t), lerp(inner_v, outer_v, t) + arch * 4 * t * (1 - t)});
        }
        face_line(list, h, brow, c.line, std::max(1.2f, 1.25f * px));
    }
    if (face.furrow > 0.3f)
        for (float side : {-1.0f, 1.0f})
            face_line(list, h, {{0.035f * side, 0.20f}, {0.03f * side, 0.29f}}, alpha(c.skin_dark, face.furrow),
                      std::max(0.8f, 0.5f * px));

    // Nose: stands out of the face, so in profile it breaks the silhouette.
    {
        const ImVec2 bridge = h.at(0, 0.12f, 0.97f), tip = h.at(0, -0.15f, 1.17f), base = h.at(0, -0.24f, 0.97f);
        const float vis = smooth(-0.3f, 0.1f, h.facing(0, -0.1f));
        ImVec2 tri[] = {bridge, tip, base};
        const float area = (tip.x - bridge.x) * (base.y - bridge.y) - (tip.y - bridge.y) * (base.x - bridge.x);
        if (area < 0) std::swap(tri[0], tri[2]);
        list->AddConvexPolyFilled(tri, 3, alpha(c.skin, vis));
        const ImVec2 side_line[] = {h.at(0.09f, 0.02f, 0.98f), h.at(0.06f, -0.2f, 1.06f), h.at(0, -0.24f, 1.0f),
                                    h.at(-0.06f, -0.2f, 1.06f)};
        list->AddPolyline(side_line, 4, alpha(c.skin_dark, 0.7f * vis), 0, std::max(0.8f, 0.6f * px));
    }

    // Mouth.
    {
        const float mw = 0.21f * face.mouth_width;
        const float mv = -0.50f;
        auto lip = [&](float t) {
            return mv + face.mouth_curve * 0.07f * t * t - std::max(0.0f, face.mouth_curve) * 0.01f + skew * 0.02f * t;
        };
        std::vector<ImVec2> upper, lower;
        for (int i = 0; i <= 8; ++i) {
            const float t = -1 + 2 * static_cast<float>(i) / 8;
            upper.push_back({t * mw, lip(t) + face.mouth_open * 0.02f * (1 - t * t)});
            lower.push_back({t * mw, lip(t) - face.mouth_open * 0.12f * (1 - t * t)});
        }
        if (face.mouth_open > 0.05f) {
            std::vector<ImVec2> open = upper;
            for (int i = 7; i >= 1; --i) open.push_back(lower[static_cast<std::size_t>(i)]);
            face_fill(list, h, open, c.mouth);
            face_line(list, h, lower, alpha(c.lips, 0.8f), std::max(1.0f, 0.8f * px));
        }
        face_line(list, h, upper, c.lips, std::max(1.0f, 0.95f * px));
        // A soft lower-lip shadow reads as lips rather than a line.
        std::vector<ImVec2> shadow;
        for (int i = 2; i <= 6; ++i) {
            const auto q = lower[static_cast<std::size_t>(i)];
            shadow.push_back({q.x * 0.7f, q.y - 0.07f});
        }
        face_line(list, h, shadow, alpha(c.skin_dark, 0.45f), std::max(0.8f, 0.7f * px));
    }

    // Tears from the outer corners of the eyes that can be seen.
    if (st.tears) {
        const double period = 3.2;
        for (float side : {-1.0f, 1.0f}) {
            const float vis = h.facing(0.42f * side, 0.06f);
            if (vis < 0.15f) continue;
            const float ph = st.reduced_motion
                                 ? 0.6f
                                 : static_cast<float>(std::fmod(st.seconds / period + (side > 0 ? 0.45 : 0.0), 1.0));
            draw_tear(list, h.on(0.45f * side, 0.02f), h.r * 0.55f, std::max(1.2f, h.r * 0.085f), 0.2f + 0.8f * ph,
                      c.tear);
        }
    }
}


// ---- who they are: skin, hair, clothes and build ----

struct Looks {
    ImU32 skin, skin_shadow, hair, clothes;
    float build = 1;  // shoulder and hip width (0.9 slight .. 1.15 broad)
};

Looks looks_for(const FigureState& st, const Palette& palette) {
    Looks l{palette.skin, palette.skin_shadow, palette.hair, palette.clothes, 1.0f};
    if (st.look != 0) {
        // Deterministic from the seed: each scenario's participant looks the same every time.
        static const ImU32 skins[] = {IM_COL32(241, 204, 177, 255), IM_COL32(224, 172, 138, 255),
                                      IM_COL32(198, 140, 100, 255), IM_COL32(160, 105, 72, 255),
                                      IM_COL32(118, 76, 52, 255),   IM_COL32(88, 58, 42, 255)};
        static const ImU32 hairs[] = {IM_COL32(40, 30, 26, 255), IM_COL32(78, 52, 34, 255), IM_COL32(120, 84, 50, 255),
                                      IM_COL32(170, 120, 70, 255), IM_COL32(22, 20, 20, 255)};
        static const ImU32 clothes[] = {IM_COL32(74, 104, 140, 255), IM_COL32(120, 84, 100, 255),
                                        IM_COL32(86, 120, 92, 255),  IM_COL32(140, 104, 70, 255),
                                        IM_COL32(96, 96, 110, 255),  IM_COL32(150, 80, 66, 255)};
        const std::uint32_t h = st.look;
        l.skin = skins[h % std::size(skins)];
        l.hair = hairs[(h / 7) % std::size(hairs)];
        l.clothes = clothes[(h / 41) % std::size(clothes)];
        l.build = 0.9f + 0.25f * static_cast<float>((h / 251) % 5) / 4.0f;
    }
    // The scenario's own words win (patient.appearance; the loader allows only these).
    auto pick = [](const std::string& word, std::initializer_list<const char*> words, const ImU32* colours, ImU32& into) {
        std::size_t i = 0;
        for (const char* w : words) {
            if (word == w) into = colours[i];
            ++i;
        }
    };
    static const ImU32 named_skins[] = {IM_COL32(241, 204, 177, 255), IM_COL32(224, 172, 138, 255),
                                        IM_COL32(198, 140, 100, 255), IM_COL32(160, 105, 72, 255),
                                        IM_COL32(118, 76, 52, 255),   IM_COL32(88, 58, 42, 255)};
    static const ImU32 named_hairs[] = {IM_COL32(22, 20, 20, 255),    IM_COL32(40, 30, 26, 255),
                                        IM_COL32(78, 52, 34, 255),    IM_COL32(120, 50, 30, 255),
                                        IM_COL32(200, 165, 100, 255), IM_COL32(150, 148, 144, 255),
                                        IM_COL32(226, 224, 220, 255)};
    static const ImU32 named_clothes[] = {IM_COL32(74, 104, 140, 255), IM_COL32(120, 84, 100, 255),
                                          IM_COL32(86, 120, 92, 255),  IM_COL32(140, 104, 70, 255),
                                          IM_COL32(96, 96, 110, 255),  IM_COL32(150, 80, 66, 255)};
    pick(st.skin, {"very_light", "light", "medium", "tan", "brown", "dark"}, named_skins, l.skin);
    pick(st.clothing, {"blue", "plum", "green", "tan", "grey", "rust"}, named_clothes, l.clothes);
    if (st.build == "slight") l.build = 0.88f;
    else if (st.build == "average") l.build = 1.0f;
    else if (st.build == "broad") l.build = 1.15f;
    l.skin_shadow = st.look != 0 || !st.skin.empty() ? shade(l.skin, 0.72f) : l.skin_shadow;
    if (st.hair.empty()) {
        if (st.age >= 45) l.hair = mix(l.hair, IM_COL32(196, 192, 186, 255), st.age >= 60 ? 0.75f : 0.3f);
    } else if (st.hair == "bald") {
        l.hair = l.skin_shadow;  // the crown in the skin's own shade
    } else {
        pick(st.hair, {"black", "dark_brown", "brown", "auburn", "blonde", "grey", "white"}, named_hairs, l.hair);
    }
    return l;
}

// An ear on one side of the head (side -1 or +1), faded as it turns away.
void draw_ear(ImDrawList* list, const Head& head, float side, ImU32 skin, ImU32 skin_dark) {
    const float vis = smooth(0.0f, 0.35f, head.facing(0.96f * side, -0.02f));
    if (vis <= 0) return;
    std::array<ImVec2, 16> outer{}, inner{};
    for (std::size_t k = 0; k < outer.size(); ++k) {
        const float a = 2 * pi * static_cast<float>(k) / 16;
        outer[k] = head.at(1.02f * side, 0.02f + 0.2f * std::sin(a), -0.12f + 0.13f * std::cos(a));
        inner[k] = head.at(1.03f * side, 0.03f + 0.13f * std::sin(a), -0.1f + 0.08f * std::cos(a));
    }
    auto clockwise = [](std::array<ImVec2, 16>& pts) {
        float area = 0;
        for (std::size_t k = 0; k < pts.size(); ++k) {
            const ImVec2 p = pts[k], q = pts[(k + 1) % pts.size()];
            area += p.x * q.y - q.x * p.y;
        }
        if (area < 0) std::reverse(pts.begin(), pts.end());
    };
    clockwise(outer);
    clockwise(inner);
    list->AddConvexPolyFilled(outer.data(), 16, alpha(mix(skin, skin_dark, 0.35f), vis));
    list->AddConvexPolyFilled(inner.data(), 16, alpha(skin_dark, 0.55f * vis));
}

FaceColours face_colours(const Looks& looks, const Palette& palette, float drain) {
    auto person = [&](ImU32 c) { return desaturate(c, drain); };
    FaceColours fc{};
    fc.line = person(shade(looks.hair, 0.85f));
    fc.lash = person(shade(looks.hair, 0.6f));
    fc.sclera = person(mix(looks.skin, IM_COL32(245, 240, 232, 255), 0.75f));
    fc.iris = person(mix(looks.hair, IM_COL32(40, 30, 25, 255), 0.5f));
    fc.lips = person(mix(looks.skin_shadow, IM_COL32(140, 70, 70, 255), 0.35f));
    fc.mouth = person(mix(looks.skin_shadow, IM_COL32(50, 25, 25, 255), 0.7f));
    fc.skin = person(looks.skin);
    fc.skin_dark = person(looks.skin_shadow);
    fc.tear = palette.tear;
    fc.eyeshades = palette.eyeshades;
    fc.flush = IM_COL32(205, 90, 90, 255);
    return fc;
}

// ---- state to parameters ----

Face blend(const Face& a, const Face& b, float t) {
    Face f;
    f.brow_inner = lerp(a.brow_inner, b.brow_inner, t);
    f.brow_outer = lerp(a.brow_outer, b.brow_outer, t);
    f.furrow = lerp(a.furrow, b.furrow, t);
    f.eye_open = lerp(a.eye_open, b.eye_open, t);
    f.gaze_down = lerp(a.gaze_down, b.gaze_down, t);
    f.mouth_curve = lerp(a.mouth_curve, b.mouth_curve, t);
    f.mouth_open = lerp(a.mouth_open, b.mouth_open, t);
    f.mouth_width = lerp(a.mouth_width, b.mouth_width, t);
    f.asym = lerp(a.asym, b.asym, t);
    f.flush = lerp(a.flush, b.flush, t);
    return f;
}

Pose blend(const Pose& a, const Pose& b, float t) {
    Pose p = b;  // the breath and the trembling as they are now
    p.curl = lerp(a.curl, b.curl, t);
    p.hands_chest = lerp(a.hands_chest, b.hands_chest, t);
    p.grip = lerp(a.grip, b.grip, t);
    p.shoulders = lerp(a.shoulders, b.shoulders, t);
    p.turn = lerp(a.turn, b.turn, t);
    return p;
}

Face expression(const FigureState& st) {
    Face f = face_for(st.affect);
    const float d = static_cast<float>(st.distress);
    const float high = smooth(50, 90, d);
    // Distress shows through whatever the line's affect: brows knit and lift, the mouth pulls down.
    f.furrow = std::max(f.furrow, 0.9f * high);
    f.brow_inner = std::max(f.brow_inner, 0.8f * high) - (st.affect == "angry" ? 0.8f * high : 0.0f);
    f.mouth_curve = std::min(f.mouth_curve, lerp(f.mouth_curve, -0.6f, high));
    f.mouth_open = std::max(f.mouth_open, 0.25f * smooth(70, 95, d));
    // Low distress and a settled body soften the face.
    const float ease = smooth(35, 10, d) * smooth(70, 45, static_cast<float>(st.arousal));
    f.furrow *= 1 - 0.6f * ease;
    // Dissociation flattens it: the face goes still and empty, eyes half-lidded but open.
    const float flat = smooth(20, 80, static_cast<float>(st.dissociation));
    f.brow_inner *= 1 - flat;
    f.brow_outer *= 1 - flat;
    f.furrow *= 1 - flat;
    f.mouth_curve *= 1 - flat;
    f.mouth_open *= 1 - flat;
    f.asym *= 1 - flat;
    f.flush *= 1 - flat;
    f.eye_open = lerp(f.eye_open, 0.75f, flat);
    if (st.flushed) f.flush = std::max(f.flush, 1.0f);
    if (st.gaze_down) f.gaze_down = std::max(f.gaze_down, 1.0f);
    return f;
}

Pose posture(const FigureState& st) {
    Pose p;
    const float d = static_cast<float>(st.distress), ar = static_cast<float>(st.arousal);
    const std::string& a = st.affect;
    p.curl = st.curled ? 1.0f : smooth(55, 92, d);
    const float self_hold = a == "fearful" ? 0.7f : a == "anxious" ? 0.45f : a == "withdrawn" ? 0.85f
                          : a == "ashamed" ? 0.6f : a == "angry" ? 0.35f : a == "distressed" ? 0.7f : 0.0f;
    p.hands_chest = std::max(p.curl, self_hold * smooth(10, 45, d + 20));
    p.grip = std::max(smooth(50, 85, d), a == "angry" ? 0.9f : a == "fearful" ? 0.7f : 0.0f);
    p.shoulders = std::max(0.6f * smooth(60, 95, ar), 0.5f * p.curl);
    // Three-quarter by default, so the face can be read; towards the viewer when talking to
    // the therapist; away when ashamed or withdrawn.
    float turn = 0.85f + 0.15f * p.curl;
    if (a == "ashamed" || a == "withdrawn") turn = 0.35f;
    if (st.looking_at_therapist) turn = a == "ashamed" ? 0.9f : 1.32f;
    p.turn = turn;
    const float still = 1 - 0.6f * smooth(20, 80, static_cast<float>(st.dissociation));
    p.breath_amp = (0.45f + 0.9f * clamp01(ar / 100)) * still;
    if (!st.reduced_motion) {
        // Slow breathing when settled (about 6 s a breath), quick and shallow-looking when aroused.
        const double phase = st.breath_phase >= 0 ? st.breath_phase : breath_phase_at(st);
        p.breath = static_cast<float>(0.5 - 0.5 * std::cos(2 * 3.14159265358979 * phase));
        if (st.trembling) p.tremble = 0.22f + 0.18f * clamp01((ar - 60) / 40);
    } else {
        p.breath = 0.5f;  // held mid-breath: a still picture
    }
    return p;
}


// The face close up, in a frame of its own at the top right of the figure's rectangle: the
// same face (brows, eyes, mouth, tears, flushing, eyeshades) large enough to read, seen as the
// therapist sees it from beside the chair or the couch. `yaw` and `pitch` turn the head.
void draw_closeup(ImDrawList* list, const Frame& f, ImVec2 centre, float R, const FigureState& st, const Face& face,
                  const Pose& pose, const Looks& looks, const Palette& palette, float drain, float yaw, float pitch) {
    auto person = [&](ImU32 c) { return desaturate(c, drain); };
    const ImU32 skin = person(looks.skin), skin_dark = person(looks.skin_shadow), hair = person(looks.hair);
    const ImU32 top = person(looks.clothes);
    const ImVec2 lo = f.p(centre.x - 1.1f * R, centre.y - 1.2f * R), hi = f.p(centre.x + 1.1f * R, centre.y + 1.35f * R);
    const float round = 0.2f * R * f.s;
    list->AddRectFilled(lo, hi, mix(palette.panel, palette.background, 0.55f), round);
    list->PushClipRect(lo, hi, true);
    const float b = pose.breath * pose.breath_amp * 0.6f;
    // Shoulders and neck under the head, rising with the breath.
    capsule(list, f, {centre.x - 0.55f * R, centre.y + 1.55f * R - b}, {centre.x + 0.55f * R, centre.y + 1.55f * R - b},
            0.5f * R, 0.5f * R, top);
    limb(list, f, {centre.x, centre.y + 0.6f * R}, {centre.x, centre.y + 1.3f * R - b}, 0.34f * R, 0.4f * R, skin);
    Head head;
    head.centre = f.p(centre);
    head.r = R * f.s;
    head.fwd = normalized({std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch)});
    head.across = normalized(cross({0, -1, 0}, head.fwd));
    head.up = normalized(cross(head.fwd, head.across));
    draw_head_mesh(list, head, skin, skin_dark, hair);
    for (float side : {-1.0f, 1.0f}) draw_ear(list, head, side, skin, skin_dark);
    draw_face(list, head, face, st, face_colours(looks, palette, drain), std::max(1.0f, 0.055f * head.r));
    list->PopClipRect();
    list->AddRect(lo, hi, alpha(palette.text, 0.18f), round, 0, 1.0f);
}

// Where the participant's face turns, for the close-up: to the viewer when talking with them, a
// little aside otherwise, away and down in shame or withdrawal, down with the body's curl.
void face_turn(const FigureState& st, const Face& face, float curl, float& yaw, float& pitch) {
    const std::string& a = st.affect;
    yaw = st.looking_at_therapist ? 0.05f : 0.38f;
    pitch = 0.12f + 0.35f * curl + 0.25f * face.gaze_down;
    if (!st.looking_at_therapist && (a == "ashamed" || a == "withdrawn")) {
        yaw = 0.6f;
        pitch += 0.2f;
    }
}

// Seated in an armchair across from the therapist (preparation and integration): seen from
// the front, the head turning towards the viewer when talking with them. Figure units as on
// the couch: 100 x 45, y from 10 to 55.
void draw_seated(ImDrawList* list, const Frame& f, const FigureState& st, const Face& face, const Pose& pose,
                 const Looks& looks, const Palette& palette, float drain) {
    auto person = [&](ImU32 c) { return desaturate(c, drain); };
    const ImU32 skin = person(looks.skin), skin_dark = person(looks.skin_shadow), hair = person(looks.hair);
    const ImU32 top = person(looks.clothes), trousers = person(mix(looks.clothes, IM_COL32(40, 44, 52, 255), 0.6f));
    const ImU32 shoes = person(IM_COL32(46, 40, 38, 255));
    const ImU32 chair = palette.couch;
    const float c = pose.curl;  // leaning forward, head lower, hunched
    const float b = pose.breath * pose.breath_amp;
    const float bw = looks.build;
    auto jit = [&](float k) {
        return ImVec2{pose.tremble * jitter(st.seconds, k), pose.tremble * 0.7f * jitter(st.seconds, k + 1.7f)};
    };

    if (st.couch) {
        // ---- sitting up on the session couch, seen from the front ----
        ellipse(list, f, {50, 53.6f}, 42, 1.4f, 0, IM_COL32(0, 0, 0, 60));
        for (float x : {13.0f, 85.0f}) rounded(list, f, x, 45, x + 2, 53.2f, 0.6f, shade(chair, 0.55f));
        rounded(list, f, 11, 24, 89, 42, 4, shade(chair, 0.8f));
        rounded(list, f, 12.5f, 25.5f, 87.5f, 41, 3.5f, chair);
        rounded(list, f, 9, 39.5f, 91, 46.5f, 2.5f, shade(chair, 0.7f));
        const ImU32 pillow = mix(palette.panel, palette.text, 0.55f);
        ellipse(list, f, {23, 35}, 7.5f, 3.6f, -0.2f, shade(pillow, 0.8f));
        ellipse(list, f, {22.8f, 34.6f}, 7.1f, 3.2f, -0.2f, pillow);
    } else {
        // ---- the chair ----
        ellipse(list, f, {50, 53.6f}, 21, 1.4f, 0, IM_COL32(0, 0, 0, 60));
        for (float x : {35.5f, 62.5f}) rounded(list, f, x, 44, x + 2, 53.2f, 0.6f, shade(chair, 0.55f));
        rounded(list, f, 35, 13.5f, 65, 42, 4.5f, shade(chair, 0.8f));            // the back
        rounded(list, f, 37, 15, 63, 41, 3.5f, chair);
        rounded(list, f, 33, 39.5f, 67, 45.5f, 2.2f, shade(chair, 0.7f));         // the seat's front
        for (float x : {30.0f, 63.5f}) {                                          // the arms
            rounded(list, f, x, 32.5f, x + 6.5f, 46, 2.4f, shade(chair, 0.74f));
            rounded(list, f, x + 0.4f, 32.2f, x + 6.1f, 35.2f, 1.5f, shade(chair, 1.08f));
        }
    }

    // ---- the body ----
    const float sh_y = 26.2f + 2.2f * c - 0.7f * pose.shoulders - 0.35f * b;
    const float sw = 8.6f * bw, hw = 7.2f * bw;
    const float hip_y = 38.6f;
    // Legs: thighs come towards the viewer (short), shins down to the floor.
    for (float side : {-1.0f, 1.0f}) {
        const ImVec2 hip{50 + side * 3.9f * bw, hip_y + 0.6f};
        const ImVec2 knee{50 + side * (4.6f * bw + 0.6f * c), 43.2f};
        const ImVec2 ankle{50 + side * (4.9f * bw + 0.4f * c), 51.4f};
        limb(list, f, hip, knee, 3.4f * bw, 3.0f * bw, trousers);
        limb(list, f, knee + ImVec2{0, 0.6f}, ankle, 2.4f * bw, 1.8f, trousers);
        ellipse(list, f, ankle + ImVec2{side * 0.5f, 1.6f}, 2.5f, 1.3f, 0, shoes);
        ellipse(list, f, ankle + ImVec2{side * 0.4f, 1.3f}, 2.0f, 0.8f, 0, mix(shoes, palette.text, 0.12f));
    }
    if (st.blanket) {  // over the lap and knees
        const ImU32 wool = person(palette.blanket);
        rounded(list, f, 50 - hw - 3.2f, hip_y - 1.5f, 50 + hw + 3.2f, 46.5f, 2.2f, shade(wool, 0.82f));
        rounded(list, f, 50 - hw - 3.0f, hip_y - 1.8f, 50 + hw + 3.0f, 45.6f, 2.0f, wool);
    }
    // Torso: a rounded trunk from the shoulders to the hips, leaning in a little with the curl.
    {
        const ImU32 dark = shade(top, 0.8f);
        capsule(list, f, {50, sh_y + 3.2f}, {50, hip_y - 1.0f}, sw * 0.84f, hw * 0.9f, dark);
        capsule(list, f, {50, sh_y + 3.0f}, {50, hip_y - 1.3f}, sw * 0.78f, hw * 0.84f, top);
        capsule(list, f, {50 - sw + 1.6f, sh_y + 1.2f}, {50 + sw - 1.6f, sh_y + 1.2f}, 2.6f, 2.6f, top);
        // An open collar and the line of the coat or shirt front.
        list->AddLine(f.p(50, sh_y + 1.5f), f.p(50, hip_y - 1.5f), alpha(shade(top, 0.65f), 0.7f),
                      std::max(1.0f, 0.3f * f.s));
    }
    // Arms: down the sides, forearms to the lap, or brought up to hold the chest.
    auto hand = [&](ImVec2 at, ImU32 col) {
        const float g = pose.grip;
        ellipse(list, f, at, lerp(1.35f, 1.15f, g), lerp(1.0f, 1.05f, g), 0, shade(col, 0.82f));
        ellipse(list, f, at + ImVec2{-0.1f, -0.15f}, lerp(1.15f, 0.95f, g), lerp(0.82f, 0.9f, g), 0, col);
        if (g > 0.5f)
            for (int k = 0; k < 3; ++k)
                list->AddCircleFilled(f.p(at + ImVec2{-0.6f + 0.6f * static_cast<float>(k), -0.55f}), 0.3f * f.s,
                                      shade(col, 0.85f), 8);
        if (st.reduced_motion && st.trembling)  // a still cue for trembling: a faint double
            ellipse(list, f, at + ImVec2{0.45f, -0.25f}, 1.2f, 0.9f, 0, alpha(col, 0.35f));
    };
    for (float side : {-1.0f, 1.0f}) {
        const ImVec2 shoulder{50 + side * (sw - 1.2f), sh_y + 1.4f};
        const ImVec2 elbow = lerp(ImVec2{50 + side * (sw + 0.6f), 33.8f}, ImVec2{50 + side * (sw - 0.6f), 32.8f},
                                  pose.hands_chest);
        const ImVec2 wrist = lerp(ImVec2{50 + side * 2.6f, 38.6f}, ImVec2{50 - side * 2.4f, sh_y + 5.6f},
                                  pose.hands_chest) + jit(5.3f + side);
        limb(list, f, shoulder, elbow, 2.3f * bw, 1.9f * bw, top);
        limb(list, f, elbow, wrist, 1.9f * bw, 1.4f, top);
        hand(wrist + ImVec2{0, 0.4f}, skin);
    }

    // ---- neck and head ----
    const float R = 5.6f;
    const ImVec2 head_c = ImVec2{50, 18.9f + 2.6f * c + (face.gaze_down > 0.5f ? 0.8f : 0.0f)} + ImVec2{0, -0.2f * b} +
                          jit(11.0f) * 0.4f;
    limb(list, f, head_c + ImVec2{0, 0.55f * R}, {50, sh_y + 1.2f}, 1.7f * bw, 2.0f * bw, skin);
    // Facing: straight at the viewer when talking with them, a little aside otherwise, away and
    // down when ashamed or withdrawn; dropping forward as the body curls.
    float yaw = 0, pitch = 0;
    face_turn(st, face, c, yaw, pitch);
    Head head;
    head.centre = f.p(head_c);
    head.r = R * f.s;
    head.fwd = normalized({std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch)});
    head.across = normalized(cross({0, -1, 0}, head.fwd));
    head.up = normalized(cross(head.fwd, head.across));
    draw_head_mesh(list, head, skin, skin_dark, hair);
    for (float side : {-1.0f, 1.0f}) draw_ear(list, head, side, skin, skin_dark);
    const float px = std::max(1.0f, f.s * 0.3f);
    draw_face(list, head, face, st, face_colours(looks, palette, drain), px);
    draw_closeup(list, f, {86, 24.5f}, 10.5f, st, face, pose, looks, palette, drain, yaw, pitch);
}
}  // namespace

bool in_transition(const FigureState& st) {
    return st.changing && !st.reduced_motion && st.seconds >= st.change_at &&
           st.seconds - st.change_at < figure_transition_seconds;
}

double breath_period(const FigureState& st) {
    return lerp(6.5f, 2.4f, smooth(30, 95, static_cast<float>(st.arousal)));
}

double breath_phase_at(const FigureState& st) {
    const double phase = st.seconds / breath_period(st);
    return phase - std::floor(phase);
}

bool same_figure(const FigureState& a, const FigureState& b) {
    return a.distress == b.distress && a.arousal == b.arousal && a.dissociation == b.dissociation &&
           a.inward_focus == b.inward_focus && a.intensity == b.intensity && a.affect == b.affect &&
           a.eyeshades == b.eyeshades && a.eyes_closed == b.eyes_closed &&
           a.looking_at_therapist == b.looking_at_therapist && a.tears == b.tears && a.trembling == b.trembling &&
           a.blanket == b.blanket && a.seated == b.seated && a.couch == b.couch && a.curled == b.curled &&
           a.flushed == b.flushed && a.gaze_down == b.gaze_down && a.look == b.look && a.age == b.age &&
           a.reduced_motion == b.reduced_motion && a.build == b.build && a.skin == b.skin && a.hair == b.hair &&
           a.clothing == b.clothing;
}

std::uint32_t appearance_seed(const std::string& scenario_id) {
    std::uint32_t h = 2166136261u;
    for (const char ch : scenario_id) {
        h ^= static_cast<unsigned char>(ch);
        h *= 16777619u;
    }
    return h == 0 ? 1 : h;
}

FigureState figure_state_from(const Session& session, double animation_seconds, bool reduced_motion) {
    FigureState f;
    const PatientState& s = session.state();
    f.distress = s.distress;
    f.arousal = s.arousal;
    f.dissociation = s.dissociation;
    f.inward_focus = s.inward_focus;
    f.intensity = session.intensity_now();
    f.seconds = animation_seconds;
    f.reduced_motion = reduced_motion;
    f.couch = session.info().phase == "medicine";
    f.look = appearance_seed(session.info().id);
    f.age = session.info().patient.age;
    const Appearance& look = session.info().patient.appearance;
    f.build = look.build;
    f.skin = look.skin;
    f.hair = look.hair;
    f.clothing = look.clothing;

    // Rules (kept simple, from the transcript so a replay shows the same):
    // - affect: that of the latest line the participant said;
    // - eyeshades and blanket: each trainee action (or option standing for one) puts them
    //   on or takes them off; the scenario's s:cue puts them on or off;
    // - looking at the therapist: within 3 simulated minutes of the participant's latest
    //   line or the trainee's latest spoken response;
    // - tears: a tearful line, or a sad one at distress 50+;
    // - trembling: arousal over 75 or a fearful line;
    // - eyes closed: inward focus over 60 while not looking at the therapist;
    // - whatever the latest s:cue set (a `cue_state` event) overrides these until set to "auto".
    constexpr Seconds looking_for = 3 * 60;
    bool eyeshades = false, blanket = false;
    Seconds last_contact = -1;
    int eyes_closed = -1, tears = -1, flushed = -1, trembling = -1;  // -1: as the state shows ("auto")
    std::string posture, gaze;
    auto flag = [](const Json& cue, int& into) { into = cue.is_boolean() ? (cue.get<bool>() ? 1 : 0) : -1; };
    auto either = [](int cue, bool from_state) { return cue < 0 ? from_state : cue == 1; };
    for (const Event& e : session.events()) {
        if (e.type == "say") {
            const auto it = e.data.find("affect");  // (a malformed record must not throw here)
            f.affect = it != e.data.end() && it->is_string() ? it->get<std::string>() : "calm";
            last_contact = e.at;
        } else if (e.type == "response" && e.data.contains("text")) {
            last_contact = e.at;
        } else if (e.type == "cue_state" && e.data.is_object()) {
            for (const auto& [key, value] : e.data.items()) {
                if (key == "eyeshades" && value.is_boolean()) eyeshades = value.get<bool>();
                else if (key == "blanket" && value.is_boolean()) blanket = value.get<bool>();
                else if (key == "eyes_closed") flag(value, eyes_closed);
                else if (key == "tears") flag(value, tears);
                else if (key == "flushed") flag(value, flushed);
                else if (key == "trembling") flag(value, trembling);
                else if (key == "posture" && value.is_string()) posture = value.get<std::string>() == "auto" ? "" : value.get<std::string>();
                else if (key == "gaze" && value.is_string()) gaze = value.get<std::string>() == "auto" ? "" : value.get<std::string>();
            }
        }
        if ((e.type == "action" || e.type == "response") && e.data.contains("action")) {
            const std::string action = e.data["action"].is_string() ? e.data["action"].get<std::string>() : "";
            if (action == "eyeshades") eyeshades = !eyeshades;
            if (action == "blanket") blanket = !blanket;
        }
    }
    f.eyeshades = eyeshades;
    f.blanket = blanket;
    f.looking_at_therapist = last_contact >= 0 && session.now() - last_contact <= looking_for;
    if (gaze == "therapist") f.looking_at_therapist = true;
    else if (gaze == "away" || gaze == "down") f.looking_at_therapist = false;
    f.gaze_down = gaze == "down";
    f.tears = either(tears, f.affect == "tearful" || (f.affect == "sad" && s.distress >= 50));
    f.trembling = either(trembling, s.arousal > 75 || f.affect == "fearful");
    f.eyes_closed = either(eyes_closed, s.inward_focus > 60 && !f.looking_at_therapist);
    f.flushed = either(flushed, false);
    // Where they are: in the chair (preparation, integration) or on the couch (medicine), and
    // how the scenario says they sit or lie there.
    f.seated = posture.empty() ? !f.couch : posture == "sitting_up" || posture == "seated";
    f.curled = posture == "curled";
    return f;
}

void draw_participant(ImDrawList* list, ImVec2 min, ImVec2 max, const FigureState& st, const Palette& palette) {
    const float w = max.x - min.x, h = max.y - min.y;
    if (w < 8 || h < 8) return;
    Frame f;
    f.s = std::min(w / 100.0f, h / 45.0f);
    f.origin = {min.x + (w - 100 * f.s) / 2, min.y + (h - 45 * f.s) / 2};

    Face face = expression(st);
    Pose pose = posture(st);
    // Dissociation drains some colour from the person (not the room).
    float drain = 0.55f * smooth(20, 90, static_cast<float>(st.dissociation));
    if (in_transition(st)) {
        // Between two pictures: the face, the posture and the colour move from the old to the new.
        const float t = smooth(0, static_cast<float>(figure_transition_seconds), static_cast<float>(st.seconds - st.change_at));
        FigureState from = st;
        from.affect = st.from_affect;
        from.distress = st.from_distress;
        from.arousal = st.from_arousal;
        from.dissociation = st.from_dissociation;
        from.inward_focus = st.from_inward_focus;
        face = blend(expression(from), face, t);
        pose = blend(posture(from), pose, t);
        drain = lerp(0.55f * smooth(20, 90, static_cast<float>(from.dissociation)), drain, t);
    }
    const Looks looks = looks_for(st, palette);
    if (st.seated) {
        draw_seated(list, f, st, face, pose, looks, palette, drain);
        return;
    }
    auto person = [&](ImU32 c) { return desaturate(c, drain); };
    const ImU32 skin = person(looks.skin), skin_dark = person(looks.skin_shadow), hair = person(looks.hair);
    const ImU32 top = person(looks.clothes), trousers = person(mix(looks.clothes, palette.background, 0.45f));
    const ImU32 socks = person(mix(looks.clothes, palette.text, 0.35f));
    const ImU32 couch = palette.couch;

    auto jit = [&](float k) {
        return ImVec2{pose.tremble * jitter(st.seconds, k), pose.tremble * 0.7f * jitter(st.seconds, k + 1.7f)};
    };

    // ---- the couch ----
    ellipse(list, f, {50, 52}, 46, 1.8f, 0, IM_COL32(0, 0, 0, 60));
    for (float x : {12.0f, 85.5f}) rounded(list, f, x, 45, x + 2.5f, 51.5f, 0.8f, shade(couch, 0.55f));
    rounded(list, f, 5, 38.5f, 95, 46.5f, 2.5f, shade(couch, 0.72f));
    rounded(list, f, 6, 33.5f, 94, 40.5f, 3, couch);
    list->AddLine(f.p(9, 34.1f), f.p(91, 34.1f), mix(couch, palette.text, 0.18f), std::max(1.0f, 0.35f * f.s));
    capsule(list, f, {7.5f, 37}, {9.5f, 20.5f}, 3.4f, 3.0f, shade(couch, 0.86f));  // the raised head end

    // ---- the pose ----
    const float c = pose.curl;
    const float b = pose.breath * pose.breath_amp;
    const ImVec2 shoulder = lerp(ImVec2{24.5f, 28.6f}, ImVec2{25.5f, 26.4f}, c) + ImVec2{0, -0.3f * pose.shoulders - 0.25f * b};
    const ImVec2 hip{55, 31.2f};
    const ImVec2 knee = lerp(ImVec2{71, 29.6f}, ImVec2{66.5f, 20.5f}, c) + jit(3.1f) * 0.5f;
    const ImVec2 ankle = lerp(ImVec2{87, 31.6f}, ImVec2{77, 32.2f}, c);
    const ImVec2 toes = lerp(ImVec2{89.2f, 27.6f}, ImVec2{80.4f, 29.4f}, c);
    const ImVec2 chest = lerp(ImVec2{31.5f, 24.8f}, ImVec2{32, 24.2f}, c) + ImVec2{0, -b};
    const ImVec2 belly = lerp(ImVec2{44, 27.4f}, ImVec2{43, 27.0f}, c) + ImVec2{0, -0.55f * b};

    // Pillow, under the head.
    const ImU32 pillow = mix(palette.panel, palette.text, 0.55f);
    ellipse(list, f, {14.5f, 27.2f}, 8.6f, 4.1f, -0.45f, shade(pillow, 0.8f));
    ellipse(list, f, {14.3f, 26.8f}, 8.2f, 3.7f, -0.45f, pillow);

    // Far leg, a little behind and darker.
    const ImVec2 far{1.4f, -0.7f};
    if (!st.blanket) {
        const ImVec2 fknee = lerp(knee + far, ImVec2{64.5f, 22.5f}, c * 0.5f);
        limb(list, f, hip + far, fknee, 3.6f, 2.5f, shade(trousers, 0.82f));
        limb(list, f, fknee, ankle + far, 2.5f, 1.7f, shade(trousers, 0.82f));
        capsule(list, f, ankle + far, toes + far, 1.6f, 1.3f, shade(socks, 0.8f));
    }

    // Far arm: only its hand shows, resting on the belly or holding at the chest.
    const ImVec2 far_hand = lerp(ImVec2{45.5f, 27.8f} + ImVec2{0, -0.55f * b}, ImVec2{34.5f, 25.5f - b}, pose.hands_chest) + jit(5.3f);

    // Torso: back along the cushion, chest and belly on top.
    {
        const ImU32 dark = shade(top, 0.8f);
        ellipse(list, f, lerp(shoulder, hip, 0.5f) + ImVec2{0, 2.6f}, 16.5f, 4.2f, 0.10f, dark);
        capsule(list, f, shoulder + ImVec2{1.5f, 1.6f}, hip + ImVec2{0, 0.6f}, 4.6f, 4.3f, dark);
        capsule(list, f, chest + ImVec2{0, 3.4f}, belly + ImVec2{0, 3.4f}, 4.6f, 3.9f, top);
        capsule(list, f, shoulder + ImVec2{1.8f, 1.0f}, chest + ImVec2{0, 2.8f}, 3.4f, 4.0f, top);
        capsule(list, f, belly + ImVec2{0, 3.2f}, hip + ImVec2{-1, 0.4f}, 3.9f, 3.7f, top);
        // A fold where the shirt gathers at the waist.
        list->AddBezierCubic(f.p(belly + ImVec2{-2, 1.2f}), f.p(belly + ImVec2{1, 2.2f}), f.p(belly + ImVec2{4, 1.6f}),
                             f.p(belly + ImVec2{7, 2.6f}), alpha(shade(top, 0.7f), 0.6f), std::max(1.0f, 0.3f * f.s));
    }

    // Near leg.
    if (!st.blanket) {
        limb(list, f, hip, knee, 3.8f, 2.6f, trousers);
        limb(list, f, knee, ankle, 2.6f, 1.8f, trousers);
        capsule(list, f, ankle, toes, 1.7f, 1.35f, socks);
        capsule(list, f, ankle + ImVec2{-0.2f, -0.2f}, toes + ImVec2{-0.2f, -0.2f}, 1.3f, 1.0f, mix(socks, palette.text, 0.15f));
    }

    // Blanket: draped from the waist over the legs' contour and hanging over the cushion.
    if (st.blanket) {
        const ImU32 wool = person(palette.blanket);
        std::vector<ImVec2> contour = {belly + ImVec2{-5, 2.0f}, belly + ImVec2{0, 0.2f}, hip + ImVec2{0, -4.3f},
                                       knee + ImVec2{0, -3.4f}, ankle + ImVec2{0.5f, -2.6f}, toes + ImVec2{-0.6f, -1.7f},
                                       toes + ImVec2{1.0f, -1.5f}, toes + ImVec2{2.6f, 0.8f}, toes + ImVec2{3.3f, 4.5f}};
        auto top_at = [&](float x) {
            if (x <= contour.front().x) return contour.front().y;
            for (std::size_t i = 1; i < contour.size(); ++i)
                if (x <= contour[i].x) {
                    const float t = (x - contour[i - 1].x) / std::max(contour[i].x - contour[i - 1].x, 1e-3f);
                    const float e = t * t * (3 - 2 * t);  // eased, so the cloth rounds over the knee
                    return lerp(contour[i - 1].y, contour[i].y, e);
                }
            return contour.back().y;
        };
        const float x0 = contour.front().x, x1 = contour.back().x;
        constexpr int strips = 48;
        // The strips share edges: anti-aliasing each would draw seams, so fill them plain and
        // let the hem line soften the one outline that shows.
        const ImDrawListFlags flags = list->Flags;
        list->Flags &= ~ImDrawListFlags_AntiAliasedFill;
        std::vector<ImVec2> edge;
        for (int i = 0; i <= strips; ++i) {
            const float x = lerp(x0, x1, static_cast<float>(i) / strips);
            edge.push_back({x, top_at(x)});
        }
        for (int i = 0; i < strips; ++i) {
            const ImVec2 a = edge[static_cast<std::size_t>(i)], d = edge[static_cast<std::size_t>(i + 1)];
            const float hang = 41.2f + 0.25f * std::sin(a.x * 0.45f);
            const ImVec2 q[] = {f.p(a), f.p(d), f.p(d.x, hang), f.p(a.x, hang)};
            list->AddConvexPolyFilled(q, 4, wool);
            // Shade the side hanging over the cushion.
            const ImVec2 s[] = {f.p(a.x, 36.2f), f.p(d.x, 36.2f), f.p(d.x, hang), f.p(a.x, hang)};
            list->AddConvexPolyFilled(s, 4, shade(wool, 0.82f));
        }
        list->Flags = flags;
        std::vector<ImVec2> hem;
        for (const auto& e : edge) hem.push_back(f.p(e + ImVec2{0, 0.25f}));
        list->AddPolyline(hem.data(), static_cast<int>(hem.size()), mix(wool, palette.text, 0.25f), 0,
                          std::max(1.0f, 0.5f * f.s));
        // The hanging edge and the two ends, anti-aliased in the cloth's own shade.
        std::vector<ImVec2> bottom;
        for (const auto& e : edge) bottom.push_back(f.p(e.x, 41.2f + 0.25f * std::sin(e.x * 0.45f)));
        list->AddPolyline(bottom.data(), static_cast<int>(bottom.size()), shade(wool, 0.82f), 0, std::max(1.0f, 0.3f * f.s));
        list->AddLine(f.p(edge.front()), f.p(x0, 41.2f + 0.25f * std::sin(x0 * 0.45f)), shade(wool, 0.72f),
                      std::max(1.0f, 0.35f * f.s));
        list->AddLine(f.p(edge.back()), bottom.back(), shade(wool, 0.82f), std::max(1.0f, 0.3f * f.s));
        for (float x : {50.0f, 63.0f, 78.0f})
            if (x > x0 + 2 && x < x1 - 2)
                list->AddBezierCubic(f.p(x, top_at(x) + 1.2f), f.p(x + 1.5f, 35), f.p(x - 1, 38), f.p(x + 0.5f, 40.5f),
                                     alpha(shade(wool, 0.7f), 0.7f), std::max(1.0f, 0.3f * f.s));
    }

    // Hands: open and soft at rest, closed fists when gripping.
    // Hands: palm, four fingers and a thumb, pointing along `dir` from the wrist. Open and
    // lying soft at rest; closed into fists, knuckles showing, when gripping.
    auto hand = [&](ImVec2 wrist, float dir, ImU32 col) {
        const float g = pose.grip;
        const ImVec2 along{std::cos(dir), std::sin(dir)}, across{-std::sin(dir), std::cos(dir)};
        const ImU32 dark = shade(col, 0.8f);
        const ImVec2 knuckles = wrist + along * lerp(1.6f, 1.25f, g);
        auto draw = [&](ImVec2 offset, float a) {
            const ImU32 lit = alpha(col, a), d = alpha(dark, a);
            // Thumb first, on the far side of the palm.
            const ImVec2 thumb_root = wrist + along * 0.5f - across * 0.7f + offset;
            const ImVec2 thumb_tip = lerp(thumb_root + along * 1.3f - across * 0.55f, knuckles + across * 0.1f + offset, g);
            capsule(list, f, thumb_root, thumb_tip, 0.38f, 0.3f, d);
            capsule(list, f, wrist + offset, knuckles + offset, 0.85f, lerp(1.0f, 1.1f, g), d);
            capsule(list, f, wrist + offset + ImVec2{-0.05f, -0.1f}, knuckles + offset + ImVec2{-0.05f, -0.1f}, 0.72f,
                    lerp(0.88f, 0.98f, g), lit);
            for (int k = 0; k < 4; ++k) {
                const float t = -0.48f + 0.32f * static_cast<float>(k);
                const ImVec2 root = knuckles + across * (t * lerp(1.0f, 1.1f, g)) + offset;
                if (g < 0.5f) {  // straight-ish fingers, the middle ones longest, drooping a little
                    const float len = lerp(1.35f, 0.5f, g * 2) * (1 - 0.25f * std::abs(t) * 2);
                    capsule(list, f, root, root + along * len + across * (0.08f * len), 0.27f, 0.22f, d);
                    capsule(list, f, root + ImVec2{-0.03f, -0.06f}, root + along * len + ImVec2{-0.03f, -0.06f}, 0.2f, 0.16f, lit);
                } else {  // curled: a row of knuckles
                    list->AddCircleFilled(f.p(root + along * 0.15f), 0.36f * f.s, d, 10);
                    list->AddCircleFilled(f.p(root + along * 0.1f + ImVec2{-0.05f, -0.08f}), 0.27f * f.s, lit, 10);
                }
            }
        };
        if (st.reduced_motion && st.trembling) draw({0.45f, -0.25f}, 0.35f);  // a still cue for trembling: a faint double
        draw({0, 0}, 1.0f);
    };
    hand(far_hand, lerp(0.1f, -2.2f, pose.hands_chest), shade(skin, 0.92f));

    // Near arm: from the shoulder, elbow by the side, hand on the belly or at the chest.
    {
        const ImVec2 s = shoulder + ImVec2{1.6f, 1.2f};
        const ImVec2 elbow = lerp(ImVec2{35, 33.6f}, ImVec2{36, 31.2f}, pose.hands_chest) + ImVec2{0, -0.3f * b};
        const ImVec2 wrist = lerp(belly + ImVec2{-2.2f, 1.6f}, ImVec2{31.5f, 26.2f - 0.8f * b}, pose.hands_chest) + jit(7.9f);
        limb(list, f, s, elbow, 2.3f, 1.8f, top);
        limb(list, f, elbow, wrist, 1.8f, 1.35f, top);
        hand(wrist, lerp(-0.5f, -2.3f, pose.hands_chest), skin);
    }

    // Neck and head.
    const float tilt = lerp(0.95f, 1.25f, c);  // radians the crown points up from the body axis
    ImVec2 head_c = lerp(ImVec2{16.0f, 20.6f}, ImVec2{18.6f, 18.0f}, c) + ImVec2{0, -0.2f * b} + jit(11.0f) * 0.4f;
    if (face.gaze_down > 0.5f) head_c = head_c + ImVec2{0.6f, 0.4f};  // chin down, shame
    const float R = 6.2f;
    {
        const ImVec2 neck_top = head_c + ImVec2{std::cos(tilt), std::sin(tilt)} * (0.62f * R);
        limb(list, f, neck_top, shoulder + ImVec2{0.4f, 0.6f}, 1.9f, 2.3f, skin);
        capsule(list, f, shoulder + ImVec2{-0.4f, 1.6f}, shoulder + ImVec2{2.6f, 0.2f}, 1.9f, 1.6f, shade(top, 0.9f));  // collar
    }
    Head head;
    head.centre = f.p(head_c);
    head.r = R * f.s;
    head.up = normalized({-std::cos(tilt), -std::sin(tilt), 0});
    // Face normal: perpendicular to the crown, turned from the ceiling towards the viewer.
    const V3 ceiling_face{std::sin(tilt), -std::cos(tilt), 0};
    head.fwd = normalized(ceiling_face * std::cos(pose.turn) + V3{0, 0, 1} * std::sin(pose.turn));
    head.across = normalized(cross(head.up, head.fwd));
    draw_head_mesh(list, head, skin, skin_dark, hair);
    // Ear on the side facing us.
    draw_ear(list, head, head.facing(1, 0) > head.facing(-1, 0) ? 1.0f : -1.0f, skin, skin_dark);

    const float px = std::max(1.0f, f.s * 0.32f);
    const FaceColours fc = face_colours(looks, palette, drain);
    draw_face(list, head, face, st, fc, px);
    // The close-up: from beside the couch the face is seen upright.
    float yaw = 0, pitch = 0;
    face_turn(st, face, c, yaw, pitch);
    if (!st.looking_at_therapist) yaw = std::max(yaw, 0.5f);
    draw_closeup(list, f, {90, 18.6f}, 7.0f, st, face, pose, looks, palette, drain, yaw, pitch);
}

}  // namespace holdspace::ui
