// The participant's setting and looks (issue 17, "The participant"), and what the window redraws
// while only the breathing changes: headless frames, the vertices read back.
#include "headless_frame.hpp"
#include "ui/app_state.hpp"
#include "ui/frame_cache.hpp"
#include "ui/participant_figure.hpp"
#include "ui/screens.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace holdspace;
using namespace holdspace::ui;

namespace {

const std::string source_dir = HOLDSPACE_SOURCE_DIR;

std::vector<ImDrawVert> draw(const std::function<void(ImDrawList*)>& what) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1200, 800);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
    what(ImGui::GetWindowDrawList());
    ImGui::End();
    ImGui::Render();
    std::vector<ImDrawVert> out;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) out.push_back(v);
    ImGui::DestroyContext(context);
    return out;
}

const ImVec2 fig_min{20, 20}, fig_max{620, 320};

std::vector<ImDrawVert> figure(const FigureState& s) {
    return draw([&](ImDrawList* l) { draw_participant(l, fig_min, fig_max, s, Palette::standard()); });
}

std::size_t count_rgb(const std::vector<ImDrawVert>& v, ImU32 col) {
    return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [&](const ImDrawVert& x) {
        return (x.col & ~IM_COL32_A_MASK) == (col & ~IM_COL32_A_MASK) && (x.col & IM_COL32_A_MASK) != 0;
    }));
}

struct Headless {
    fs::path data;
    test::HeadlessImGui imgui;
    Headless() {
        data = fs::temp_directory_path() / ("holdspace-ui-setting-" + std::to_string(::getpid()));
        fs::remove_all(data);
        fs::create_directories(data);
        setenv("HOLDSPACE_DATA", data.c_str(), 1);
    }
    ~Headless() {
        std::error_code ec;
        fs::remove_all(data, ec);
    }
    App make_app() {
        WindowOptions o;
        o.scenarios_root = source_dir + "/scenarios";
        App app;
        app.init(o);
        app.trainee = "trainee";
        app.recording = false;
        return app;
    }
    // Two frames (the first settles sizes), as the window does after any change.
    void frames(App& app) {
        animated_figure() = {};
        test::headless_frame(app);
        animated_figure() = {};
        test::headless_frame(app);
    }
};

}  // namespace

TEST_CASE("the setting follows the phase: a chair across from the therapist, the couch in a medicine session") {
    Headless h;
    for (const auto& [file, chair] : std::vector<std::pair<std::string, bool>>{
             {"/scenarios/medicine/memory_surfaces.lua", false},
             {"/scenarios/preparation/informed_consent.lua", true},
             {"/scenarios/integration/making_meaning.lua", true}}) {
        CAPTURE(file);
        App app = h.make_app();
        REQUIRE(app.begin(source_dir + file, 3));
        app.screen = Screen::session;
        h.frames(app);
        // The figure the session screen drew is the one the window keeps breathing.
        const AnimatedFigure& shown = animated_figure();
        REQUIRE(shown.present);
        CHECK(shown.state.couch == !chair);  // on the couch she may be sitting up, as the narration says
        if (chair) CHECK(shown.state.seated);
        CHECK(shown.state.look == appearance_seed(app.live->session().info().id));
        CHECK(shown.max.x > shown.min.x);
        CHECK(shown.max.y > shown.min.y);
    }
}

TEST_CASE("seated, the participant is upright in a chair; reclining, they lie along the couch") {
    FigureState s;
    s.distress = 15;
    s.arousal = 40;
    s.seconds = 1.25;
    const auto lying = figure(s);
    s.seated = true;
    const auto sitting = figure(s);
    // The couch spans nearly the whole width; the armchair is a narrow column in the middle.
    auto span = [](const std::vector<ImDrawVert>& v, ImU32 col) {
        float lo = 1e9f, hi = -1e9f;
        for (const auto& x : v)
            if ((x.col & ~IM_COL32_A_MASK) == (col & ~IM_COL32_A_MASK) && (x.col & IM_COL32_A_MASK) != 0) {
                lo = std::min(lo, x.pos.x);
                hi = std::max(hi, x.pos.x);
            }
        return hi - lo;
    };
    const ImU32 furniture = Palette::standard().couch;
    CHECK(span(lying, furniture) > 0.8f * (fig_max.x - fig_min.x));
    CHECK(span(sitting, furniture) > 0);
    CHECK(span(sitting, furniture) < 0.5f * span(lying, furniture));
    // Sitting, the furniture's colour reaches higher (the chair's back stands behind the person).
    auto top = [](const std::vector<ImDrawVert>& v, ImU32 col) {
        float y = 1e9f;
        for (const auto& x : v)
            if ((x.col & ~IM_COL32_A_MASK) == (col & ~IM_COL32_A_MASK) && (x.col & IM_COL32_A_MASK) != 0) y = std::min(y, x.pos.y);
        return y;
    };
    CHECK(top(sitting, furniture) < top(lying, furniture) - 30);
    // Both inside the rectangle given.
    for (const auto* v : {&lying, &sitting})
        for (const auto& x : *v)
            if ((x.col & IM_COL32_A_MASK) != 0) {
                CHECK(x.pos.x >= fig_min.x - 1);
                CHECK(x.pos.x <= fig_max.x + 1);
                CHECK(x.pos.y >= fig_min.y - 1);
                CHECK(x.pos.y <= fig_max.y + 1);
            }
}

TEST_CASE("appearance: varied by the scenario, the same every time; the palette's own colours without a seed") {
    CHECK(appearance_seed("medicine.memory_surfaces") == appearance_seed("medicine.memory_surfaces"));
    CHECK(appearance_seed("medicine.memory_surfaces") != appearance_seed("integration.making_meaning"));
    FigureState s;
    s.seated = true;
    const Palette p = Palette::standard();
    CHECK(count_rgb(figure(s), p.skin) > 0);  // no seed: the palette's skin
    // Different scenarios give people who look different (over a handful of ids, several skins).
    std::vector<std::vector<ImDrawVert>> people;
    for (const char* id : {"a", "b", "c", "d", "e", "f", "g", "h"}) {
        s.look = appearance_seed(id);
        people.push_back(figure(s));
        CHECK(count_rgb(people.back(), p.skin) == 0);
    }
    std::size_t differ = 0;
    for (std::size_t i = 1; i < people.size(); ++i) {
        const auto& a = people[0];
        const auto& b = people[i];
        differ += a.size() != b.size() || !std::equal(a.begin(), a.end(), b.begin(), [](const ImDrawVert& x, const ImDrawVert& y) {
            return x.col == y.col;
        });
    }
    CHECK(differ >= 5);
    // Age greys the hair: the same person at 30 and at 68 differ.
    s.look = appearance_seed("a");
    s.age = 30;
    const auto young = figure(s);
    s.age = 68;
    const auto old = figure(s);
    CHECK_FALSE(std::equal(young.begin(), young.end(), old.begin(), old.end(),
                           [](const ImDrawVert& x, const ImDrawVert& y) { return x.col == y.col; }));
}

TEST_CASE("seated: looking at the therapist turns the face to the viewer; shame turns it away") {
    FigureState s;
    s.seated = true;
    s.seconds = 1.0;
    s.reduced_motion = true;
    const auto aside = figure(s);
    s.looking_at_therapist = true;
    const auto towards = figure(s);
    s.looking_at_therapist = false;
    s.affect = "ashamed";
    const auto away = figure(s);
    auto same = [](const std::vector<ImDrawVert>& a, const std::vector<ImDrawVert>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const ImDrawVert& x, const ImDrawVert& y) {
                   return x.pos.x == y.pos.x && x.pos.y == y.pos.y && x.col == y.col;
               });
    };
    CHECK_FALSE(same(aside, towards));
    CHECK_FALSE(same(aside, away));
}

TEST_CASE("a breathing-only frame redraws just the figure's rectangle, over its own background") {
    AnimatedFigure fig;
    fig.present = true;
    fig.min = {100, 100};
    fig.max = {500, 300};
    fig.clip_min = {100, 120};  // the panel clips the top of it
    fig.clip_max = {500, 300};
    fig.background = IM_COL32(39, 44, 51, 255);
    fig.state.seconds = 0;
    fig.palette = Palette::standard();
    const auto at = [&](double seconds) {
        return draw([&](ImDrawList* l) { redraw_animated_figure(l, fig, seconds); });
    };
    const auto a = at(0.0), b = at(1.5);
    REQUIRE_FALSE(a.empty());
    // The first thing drawn is the background, covering the visible part of the rectangle.
    CHECK(a[0].col == fig.background);
    CHECK(a[0].pos.x == doctest::Approx(100));
    CHECK(a[0].pos.y == doctest::Approx(120));
    CHECK(a[2].pos.x == doctest::Approx(500));
    CHECK(a[2].pos.y == doctest::Approx(300));
    // The breath moves it.
    CHECK_FALSE((a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const ImDrawVert& x, const ImDrawVert& y) {
                     return x.pos.x == y.pos.x && x.pos.y == y.pos.y;
                 })));
}

TEST_CASE("the help over the session screen stops breathing-only redraws (they would paint over it)") {
    Headless h;
    App app = h.make_app();
    REQUIRE(app.begin(source_dir + "/scenarios/medicine/memory_surfaces.lua", 3));
    app.screen = Screen::session;
    h.frames(app);
    CHECK(animated_figure().present);
    app.help = true;
    h.frames(app);
    CHECK_FALSE(animated_figure().present);
    app.help = false;
    app.screen = Screen::start;
    h.frames(app);
    CHECK_FALSE(animated_figure().present);
}

namespace {

// A medicine scenario whose run(s) narrates, shows cues, then waits at a choice.
std::string cue_scenario(const std::string& before_choice, const std::string& appearance = "") {
    static int n = 0;
    const fs::path path = fs::temp_directory_path() /
                          ("holdspace-cue-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".lua");
    std::ofstream(path) << "return {\n"
                           "  id = \"test.cue\", title = \"Cue\", phase = \"medicine\", rubric = \"patient_directed\",\n"
                           "  patient = { name = \"Noor Test\", age = 40, " + appearance + "\n"
                           "    baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },\n"
                           "  dose = { initial_mg = 120 },\n"
                           "  run = function(s)\n" + before_choice + "\n"
                           "    s:choose{ moment = \"m\",\n"
                           "      { id = \"stay\", text = \"I'm here.\", codes = { \"holding_space\" }, expert = true } }\n"
                           "  end,\n}\n";
    return path.string();
}

}  // namespace

TEST_CASE("s:cue reaches the figure and the caption: sitting up, flushed, eyeshades down, not looking at you") {
    Headless h;
    App app = h.make_app();
    const std::string path = cue_scenario(R"(
        s:say("I'm fine.", { affect = "calm" })
        s:narrate("She pushes the eyeshades up and sits up, face flushed.")
        s:cue{ posture = "sitting_up", flushed = true, eyeshades = false }
        s:narrate("Then she pulls the eyeshades back down.")
        s:cue{ eyeshades = true, gaze = "away" }
    )");
    REQUIRE(app.begin(path, 3));
    app.screen = Screen::session;
    animated_figure() = {};
    test::headless_frame(app);
    animated_figure() = {};
    const std::string text = test::headless_frame(app);
    fs::remove(path);
    const AnimatedFigure& shown = animated_figure();
    REQUIRE(shown.present);
    CHECK(shown.state.couch);     // a medicine session's couch...
    CHECK(shown.state.seated);    // ...sat up on
    CHECK(shown.state.flushed);
    CHECK(shown.state.eyeshades);
    CHECK_FALSE(shown.state.looking_at_therapist);  // she spoke just now, but the cue says away
    // The caption says what the picture shows, and nothing it does not.
    CHECK(text.find("eyeshades on") != std::string::npos);
    CHECK(text.find("flushed") != std::string::npos);
    CHECK(text.find("sitting up") != std::string::npos);
    CHECK(text.find("looking at you") == std::string::npos);
}

TEST_CASE("s:cue 'auto' hands the figure back to the participant's state; trainee actions still toggle") {
    Headless h;
    App app = h.make_app();
    const std::string path = cue_scenario(R"(
        s:cue{ tears = true, posture = "curled", blanket = true }
        s:cue{ tears = "auto", posture = "auto" }
    )");
    REQUIRE(app.begin(path, 3));
    fs::remove(path);
    const FigureState f = figure_state_from(app.live->session(), 0, true);
    CHECK_FALSE(f.tears);   // calm: no tears once the cue is "auto"
    CHECK_FALSE(f.curled);
    CHECK_FALSE(f.seated);  // lying on the couch, the medicine session's own posture
    CHECK(f.blanket);       // the blanket stays on until someone takes it off
}

TEST_CASE("patient.appearance reaches the figure") {
    Headless h;
    App app = h.make_app();
    const std::string path = cue_scenario("s:narrate('x')", "appearance = { skin = 'dark', hair = 'white', build = 'broad' },");
    REQUIRE(app.begin(path, 3));
    fs::remove(path);
    const FigureState f = figure_state_from(app.live->session(), 0, true);
    CHECK(f.skin == "dark");
    CHECK(f.hair == "white");
    CHECK(f.build == "broad");
    CHECK(f.clothing.empty());  // from the scenario's id
    FigureState other = f;
    other.skin = "very_light";
    CHECK_FALSE(same_figure(f, other));
}

TEST_CASE("a change of face and posture is shown moving from the old picture to the new one") {
    FigureState target;
    target.affect = "distressed";
    target.distress = 80;
    target.breath_phase = 0.25;  // the breath held still, so only the change moves
    target.seconds = 11.0;
    FigureState before = target;
    before.affect = "calm";
    before.distress = 10;

    FigureState moving = target;
    moving.changing = true;
    moving.from_affect = "calm";
    moving.from_distress = 10;
    moving.from_arousal = target.arousal;
    moving.from_dissociation = target.dissociation;
    moving.from_inward_focus = target.inward_focus;
    moving.change_at = 10.0;
    auto same = [](const std::vector<ImDrawVert>& a, const std::vector<ImDrawVert>& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const ImDrawVert& x, const ImDrawVert& y) {
                   return x.pos.x == y.pos.x && x.pos.y == y.pos.y && x.col == y.col;
               });
    };
    moving.seconds = 10.4;  // half way
    CHECK(in_transition(moving));
    const auto halfway = figure(moving);
    CHECK_FALSE(same(halfway, figure(target)));
    CHECK_FALSE(same(halfway, figure(before)));
    moving.seconds = 10.0 + figure_transition_seconds + 0.01;  // over: the new picture
    CHECK_FALSE(in_transition(moving));
    CHECK(same(figure(moving), figure(target)));
    moving.seconds = 10.4;
    moving.reduced_motion = true;  // reduced motion: no transitions
    CHECK_FALSE(in_transition(moving));
}
