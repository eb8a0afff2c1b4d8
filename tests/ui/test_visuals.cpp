// The participant figure, the vitals plots, the palettes and the music, headless: an ImGui
// context with no backend renders frames, and the tests read the vertices it produced.
#include "sim/session.hpp"
#include "ui/music.hpp"
#include "ui/palette.hpp"
#include "ui/participant_figure.hpp"
#include "ui/vitals_plot.hpp"

#include <doctest/doctest.h>

#include <imgui.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>
#include <thread>
#include <vector>

using namespace holdspace;
using namespace holdspace::ui;

namespace {

// What one frame drew.
struct Geometry {
    std::vector<ImDrawVert> vertices;

    bool operator==(const Geometry& o) const {
        return vertices.size() == o.vertices.size() &&
               std::equal(vertices.begin(), vertices.end(), o.vertices.begin(), [](const ImDrawVert& a, const ImDrawVert& b) {
                   return a.pos.x == b.pos.x && a.pos.y == b.pos.y && a.col == b.col;
               });
    }
    // Vertices of exactly this colour (alpha included).
    std::size_t count(ImU32 col) const {
        return static_cast<std::size_t>(
            std::count_if(vertices.begin(), vertices.end(), [&](const ImDrawVert& v) { return v.col == col; }));
    }
    // Vertices of this colour at any opacity.
    std::size_t count_rgb(ImU32 col) const {
        return static_cast<std::size_t>(std::count_if(vertices.begin(), vertices.end(), [&](const ImDrawVert& v) {
            return (v.col & ~IM_COL32_A_MASK) == (col & ~IM_COL32_A_MASK) && (v.col & IM_COL32_A_MASK) != 0;
        }));
    }
    // The highest (smallest y) visible vertex with x in [x0, x1).
    float top_between(float x0, float x1) const {
        float top = 1e9f;
        for (const auto& v : vertices)
            if (v.pos.x >= x0 && v.pos.x < x1 && (v.col & IM_COL32_A_MASK) != 0) top = std::min(top, v.pos.y);
        return top;
    }
};

// One headless frame with a borderless window filling the display; `draw` fills it.
Geometry frame(const std::function<void()>& draw) {
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
    draw();
    ImGui::End();
    ImGui::Render();
    Geometry g;
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer) g.vertices.push_back(v);
    ImGui::DestroyContext(context);
    return g;
}

const ImVec2 fig_min{20, 20}, fig_max{620, 320};

Geometry figure(const FigureState& state, const Palette& palette = Palette::standard()) {
    return frame([&] { draw_participant(ImGui::GetWindowDrawList(), fig_min, fig_max, state, palette); });
}

FigureState settled() {
    FigureState s;
    s.distress = 15;
    s.arousal = 40;
    s.affect = "calm";
    s.seconds = 1.25;
    return s;
}

}  // namespace

TEST_CASE("the figure draws tears only when there are tears") {
    const Palette palette = Palette::standard();
    FigureState dry = settled();
    dry.affect = "tearful";
    dry.distress = 65;
    FigureState crying = dry;
    crying.tears = true;
    const Geometry a = figure(dry), b = figure(crying);
    CHECK(b.vertices.size() > a.vertices.size());
    CHECK(a.count_rgb(palette.tear) == 0);
    CHECK(b.count_rgb(palette.tear) > 0);
}

TEST_CASE("eyeshades cover the eyes when on") {
    const Palette palette = Palette::standard();
    FigureState bare = settled();
    FigureState shaded = bare;
    shaded.eyeshades = true;
    const Geometry a = figure(bare), b = figure(shaded);
    CHECK_FALSE(a == b);
    CHECK(a.count_rgb(palette.eyeshades) == 0);
    CHECK(b.count_rgb(palette.eyeshades) > 0);
}

TEST_CASE("a blanket is drawn over the legs when given") {
    const Palette palette = Palette::standard();
    FigureState covered = settled();
    covered.blanket = true;
    CHECK(figure(settled()).count_rgb(palette.blanket) == 0);
    CHECK(figure(covered).count_rgb(palette.blanket) > 0);
}

TEST_CASE("high distress curls the body: the knees come up") {
    FigureState low = settled();
    FigureState high = low;
    high.distress = 92;
    high.arousal = 85;
    high.affect = "distressed";
    const Geometry a = figure(low), b = figure(high);
    CHECK_FALSE(a == b);
    // The knees sit about two thirds of the way along the couch; smaller y is higher up.
    const float w = fig_max.x - fig_min.x;
    const float x0 = fig_min.x + 0.60f * w, x1 = fig_min.x + 0.72f * w;
    CHECK(b.top_between(x0, x1) < a.top_between(x0, x1) - 0.1f * (fig_max.y - fig_min.y));
}

TEST_CASE("different affects give different faces; eyes closed and looking change the face") {
    FigureState calm = settled();
    for (const char* affect : {"fearful", "angry", "warm", "relieved", "sad", "numb", "confused"}) {
        FigureState other = calm;
        other.affect = affect;
        CHECK_MESSAGE(!(figure(calm) == figure(other)), affect);
    }
    FigureState closed = calm;
    closed.eyes_closed = true;
    CHECK_FALSE(figure(calm) == figure(closed));
    FigureState looking = calm;
    looking.looking_at_therapist = true;
    CHECK_FALSE(figure(calm) == figure(looking));
}

TEST_CASE("dissociation drains colour from the person") {
    const Palette palette = Palette::standard();
    FigureState present = settled();
    FigureState away = present;
    away.dissociation = 85;
    away.affect = "numb";
    // The clothes' own colour is in the first picture and gone (greyed) from the second.
    CHECK(figure(present).count_rgb(palette.clothes) > 0);
    CHECK(figure(away).count_rgb(palette.clothes) == 0);
}

TEST_CASE("reduced motion holds the figure still; normal motion breathes and trembles") {
    FigureState s = settled();
    s.arousal = 85;
    s.trembling = true;
    FigureState later = s;
    later.seconds = s.seconds + 1.7;
    CHECK_FALSE(figure(s) == figure(later));
    s.reduced_motion = later.reduced_motion = true;
    CHECK(figure(s) == figure(later));
}

TEST_CASE("the figure stays inside its rectangle in every state") {
    for (double distress : {0.0, 50.0, 100.0})
        for (bool look : {false, true})
            for (bool extras : {false, true}) {
                FigureState s = settled();
                s.distress = distress;
                s.arousal = distress;
                s.looking_at_therapist = look;
                s.tears = s.trembling = s.blanket = s.eyeshades = extras;
                const Geometry g = figure(s);
                const bool inside = std::all_of(g.vertices.begin(), g.vertices.end(), [](const ImDrawVert& v) {
                    return v.pos.x >= fig_min.x - 1.5f && v.pos.x <= fig_max.x + 1.5f && v.pos.y >= fig_min.y - 1.5f &&
                           v.pos.y <= fig_max.y + 1.5f;  // (anti-aliasing fringes reach a pixel out)
                });
                CHECK_MESSAGE(inside, "distress " << distress << " looking " << look << " extras " << extras);
            }
}

namespace {

Event vitals(double minutes, int hr, int sbp, int dbp, double temp, std::vector<std::string> alerts = {}) {
    Event e{"vitals", static_cast<Seconds>(minutes * 60), {{"hr", hr}, {"sbp", sbp}, {"dbp", dbp}, {"temp_c", temp}}};
    if (!alerts.empty()) e.data["alerts"] = alerts;
    return e;
}

Event alert(double minutes, const char* name, double value, double threshold) {
    return {"alert", static_cast<Seconds>(minutes * 60), {{"alert", name}, {"value", value}, {"threshold", threshold}}};
}

Geometry monitor(const std::vector<Event>& events, double now, const Palette& palette = Palette::standard()) {
    return frame([&] { draw_vitals_monitor("monitor", events, Thresholds{}, now, ImVec2(600, 360), palette); });
}

}  // namespace

TEST_CASE("the monitor shows an alert in force in the alert colour, and not otherwise") {
    const Palette palette = Palette::standard();
    const std::vector<Event> normal = {vitals(0, 72, 122, 80, 36.8), vitals(30, 84, 134, 86, 37.0)};
    std::vector<Event> alarming = normal;
    alarming.push_back(vitals(60, 112, 150, 90, 37.2, {"hr_high"}));
    alarming.push_back(alert(60, "hr_high", 112, 100));
    std::vector<Event> resolved = alarming;
    resolved.push_back(vitals(90, 92, 140, 88, 37.1));

    const Geometry calm = monitor(normal, 45), alarm = monitor(alarming, 65), after = monitor(resolved, 95);
    CHECK(calm.count(palette.alert) == 0);
    CHECK(alarm.count(palette.alert) > 0);
    // Once a reading comes back under the threshold the badge goes; the excursion stays, faded.
    CHECK(after.count(palette.alert) == 0);
    CHECK(after.count_rgb(palette.alert) > 0);
    // More to see than for the same readings just under the threshold: badge, highlight, outline.
    std::vector<Event> almost = normal;
    almost.push_back(vitals(60, 99, 150, 90, 37.2));
    CHECK(alarm.vertices.size() > monitor(almost, 65).vertices.size());
}

TEST_CASE("the monitor reads alerts from a reading's own list and from thresholds") {
    const Palette palette = Palette::standard();
    // A scenario with a lower threshold: the reading lists the alert; the default thresholds do not see it.
    CHECK(monitor({vitals(0, 90, 120, 80, 36.8, {"hr_high"})}, 10).count(palette.alert) > 0);
    // No alert list (an older record): the thresholds still catch it.
    CHECK(monitor({vitals(0, 72, 170, 80, 36.8)}, 10).count(palette.alert) > 0);
    CHECK(monitor({vitals(0, 72, 120, 80, 38.4)}, 10).count(palette.alert) > 0);
}

TEST_CASE("the monitor plots each reading and works with none") {
    const Palette palette = Palette::standard();
    const Geometry empty = monitor({}, 0);
    const Geometry one = monitor({vitals(0, 72, 122, 80, 36.8)}, 5);
    const Geometry two = monitor({vitals(0, 72, 122, 80, 36.8), vitals(30, 80, 130, 84, 37.0)}, 35);
    CHECK(empty.count(palette.heart_rate) > 0);  // the "--" in the heart-rate colour
    CHECK(one.count(palette.heart_rate) > empty.count(palette.heart_rate));
    CHECK(two.count(palette.heart_rate) > one.count(palette.heart_rate));
    CHECK(two.count(palette.temperature) > one.count(palette.temperature));
}

TEST_CASE("malformed events are drawn around, never thrown on") {
    std::vector<Event> odd = {vitals(0, 72, 122, 80, 36.8)};
    odd.push_back({"vitals", 600, {{"hr", "fast"}, {"alerts", 3}}});
    odd.push_back({"alert", 600, {{"alert", 5}}});
    odd.push_back({"state", 600, {{"distress", nullptr}}});
    CHECK_NOTHROW(monitor(odd, 20));
    CHECK_NOTHROW(frame([&] { draw_session_timeline("t", odd, Thresholds{}, {}, ImVec2(500, 200), Palette::standard()); }));
}

TEST_CASE("the debrief timeline marks the trainee's moments good and poor, with distress") {
    const Palette palette = Palette::standard();
    std::vector<Event> events = {vitals(0, 72, 122, 80, 36.8), vitals(60, 104, 150, 90, 37.2)};
    events.push_back({"state", 0, {{"distress", 20}}});
    events.push_back({"state", 1800, {{"distress", 70}}});
    auto draw = [&](const std::vector<PlotMark>& marks) {
        return frame([&] { draw_session_timeline("t", events, Thresholds{}, marks, ImVec2(700, 260), palette); });
    };
    const Geometry none = draw({}), good = draw({{20, true}}), poor = draw({{40, false}});
    CHECK(none.count(palette.distress) > 0);
    CHECK(good.count(palette.good) > none.count(palette.good));
    CHECK(poor.count(palette.poor) > none.count(palette.poor));
    CHECK_FALSE(good == poor);
}

TEST_CASE("the two palettes differ, and each keeps its plot colours apart from alerts") {
    const Palette a = Palette::standard(), b = Palette::colour_blind_safe();
    CHECK(a.heart_rate != b.heart_rate);
    CHECK(a.alert != b.alert);
    CHECK(a.good != b.good);
    for (const Palette& p : {a, b}) {
        const ImU32 lines[] = {p.heart_rate, p.systolic, p.diastolic, p.temperature, p.distress};
        for (std::size_t i = 0; i < std::size(lines); ++i) {
            CHECK(lines[i] != p.alert);
            for (std::size_t j = i + 1; j < std::size(lines); ++j) CHECK(lines[i] != lines[j]);
        }
        CHECK(p.good != p.poor);
        CHECK(p.text != p.background);
    }
    // The colour-blind-safe hues are Okabe-Ito's: vermillion alerts, bluish-green good moments.
    CHECK(b.alert == IM_COL32(213, 94, 0, 255));
    CHECK(b.good == IM_COL32(0, 158, 115, 255));
}

// ---- music ----

namespace {

constexpr int rate = 48000;

std::vector<float> render(Music& m, double seconds) {
    std::vector<float> out(static_cast<std::size_t>(seconds * rate) * 2);
    m.render(out.data(), static_cast<int>(out.size() / 2));
    return out;
}

bool silent(const std::vector<float>& v) {
    return std::all_of(v.begin(), v.end(), [](float x) { return x == 0.0f; });
}

double rms(const std::vector<float>& v) {
    double e = 0;
    for (float x : v) e += static_cast<double>(x) * x;
    return std::sqrt(e / static_cast<double>(v.size()));
}

// RMS of the sample-to-sample difference over RMS: more high-frequency content, higher.
double brightness(const std::vector<float>& v) {
    double e = 0, d = 0;
    for (std::size_t i = 2; i < v.size(); ++i) {
        e += static_cast<double>(v[i]) * v[i];
        const double diff = static_cast<double>(v[i]) - v[i - 2];  // same channel
        d += diff * diff;
    }
    return std::sqrt(d / std::max(e, 1e-30));
}

}  // namespace

TEST_CASE("music: off is silence, calm is sound within [-1, 1]") {
    Music off;
    CHECK(off.programme() == "off");
    CHECK(silent(render(off, 1)));

    Music calm;
    calm.set_programme("calm");
    CHECK(calm.programme() == "calm");
    render(calm, 5);  // fading in
    const auto sound = render(calm, 3);
    CHECK(rms(sound) > 0.005);
    CHECK(std::all_of(sound.begin(), sound.end(), [](float x) { return std::abs(x) <= 1.0f; }));
}

TEST_CASE("music: muting silences it, volume scales it") {
    Music m;
    m.set_programme("calm");
    render(m, 5);
    m.set_muted(true);
    render(m, 0.1);  // the short fade that avoids a click
    CHECK(silent(render(m, 1)));
    m.set_muted(false);
    render(m, 0.1);
    const double full = rms(render(m, 2));
    CHECK(full > 0.005);

    Music a, b;
    for (Music* x : {&a, &b}) x->set_programme("calm");
    a.set_volume(1.0f);
    b.set_volume(0.25f);
    const double loud = rms(render(a, 6)), soft = rms(render(b, 6));
    CHECK(soft < loud * 0.4);
    CHECK(soft > 0);
}

TEST_CASE("music: evocative is fuller and brighter than the quiet drone") {
    Music evocative, quiet;
    evocative.set_programme("evocative");
    quiet.set_programme("quiet");
    render(evocative, 5);
    render(quiet, 5);
    const auto e = render(evocative, 8), q = render(quiet, 8);
    CHECK(rms(q) > 0);
    CHECK(rms(e) > 2 * rms(q));
    CHECK(brightness(e) > 1.5 * brightness(q));
}

TEST_CASE("music: changing programme crossfades, with no click, then settles") {
    Music m;
    m.set_programme("calm");
    render(m, 6);
    const auto before = render(m, 0.01);
    m.set_programme("off");
    const auto after = render(m, 0.01);
    // The first sample after the change continues from the last one before it: the step is no
    // bigger than the waveform's own steps (a click would jump by the whole amplitude).
    float biggest = 0;
    for (std::size_t i = 2; i < before.size(); i += 2) biggest = std::max(biggest, std::abs(before[i] - before[i - 2]));
    CHECK(std::abs(after[0] - before[before.size() - 2]) <= 1.5f * biggest + 1e-6f);
    CHECK_FALSE(silent(after));
    render(m, 5);  // the crossfade takes a few seconds
    CHECK(silent(render(m, 1)));
    CHECK(m.programme() == "off");
    m.set_programme("no such programme");
    CHECK(m.programme() == "off");
}

TEST_CASE("music: the same calls give the same samples, whatever the block size") {
    Music a, b;
    a.set_programme("evocative");
    b.set_programme("evocative");
    std::vector<float> x = render(a, 2), y;
    for (int i = 0; i < 100; ++i) {
        const auto part = render(b, 0.02);
        y.insert(y.end(), part.begin(), part.end());
    }
    CHECK(x == y);
}

TEST_CASE("music: setters from another thread while rendering are safe and stay in range") {
    Music m;
    std::atomic<bool> done{false};
    std::thread window([&] {
        const char* names[] = {"calm", "evocative", "quiet", "off"};
        for (int i = 0; !done.load(); ++i) {
            m.set_programme(names[i % 4]);
            m.set_volume(static_cast<float>(i % 10) / 9.0f);
            m.set_muted(i % 7 == 0);
            std::this_thread::yield();
        }
    });
    bool in_range = true;
    for (int i = 0; i < 50; ++i) {
        const auto block = render(m, 0.02);
        in_range = in_range && std::all_of(block.begin(), block.end(), [](float x) { return std::abs(x) <= 1.0f; });
    }
    done = true;
    window.join();
    CHECK(in_range);
}

TEST_CASE("music: with no audio device, open fails quietly") {
    Music m;
    const bool opened = m.open();  // false under CI and Xvfb; true on a desk with speakers
    CHECK(m.is_open() == opened);
    if (!opened) {  // still usable (when open, the device's thread is the one rendering)
        m.set_programme("quiet");
        render(m, 3);
        CHECK_FALSE(silent(render(m, 1)));
    }
}

// ---- the figure's state from a session ----

namespace {

struct FakeScript : Script {
    std::function<ScriptStatus(Session&)> on_start;
    std::function<ScriptStatus(Session&, const Option&)> on_resume;
    ScriptStatus start(Session& s) override { return on_start(s); }
    ScriptStatus resume(Session& s, const Option& o) override { return on_resume(s, o); }
    void on_action(Session&, ActionKind) override {}
};

ScenarioInfo info() {
    ScenarioInfo i;
    i.source = "fake.lua";
    i.id = "test.figure";
    i.title = "Figure";
    i.phase = "medicine";
    i.rubric = "patient_directed";
    i.patient.name = "Alex";
    i.patient.baseline = {70, 120, 80, 36.8};
    i.dose = DosePlan{120, 60, 120};
    return i;
}

Choice a_choice() {
    Choice c;
    c.moment = "m";
    c.options = {Option{"stay", "I'm here.", "", "", {"empathic_presence"}, true}};
    return c;
}

bool apply(Session& s, ActionKind a) {
    std::string error;
    return s.apply(TraineeAction::act(a), error).has_value();
}

}  // namespace

TEST_CASE("figure_state_from reads the session: inward and still, then frightened and talking") {
    auto script = std::make_unique<FakeScript>();
    script->on_start = [](Session& s) {
        s.say("I'm ready.", "calm");
        s.wait(60 * 60);
        s.set_state("inward_focus", 80);
        s.set_state("distress", 20);
        s.offer_choice(a_choice());
        return ScriptStatus::waiting_for_trainee;
    };
    script->on_resume = [](Session& s, const Option&) {
        s.set_state("distress", 85);
        s.set_state("arousal", 88);
        s.say("Something is coming up. I'm scared.", "fearful");
        s.offer_choice(a_choice());
        return ScriptStatus::waiting_for_trainee;
    };
    Session session(info(), std::move(script), 7);
    session.start();

    FigureState f = figure_state_from(session, 2.5, true);
    CHECK(f.affect == "calm");
    CHECK(f.seconds == 2.5);
    CHECK(f.reduced_motion);
    CHECK(f.intensity == doctest::Approx(session.intensity_now()));
    CHECK(f.intensity > 0);  // an hour after the dose
    CHECK(f.inward_focus == doctest::Approx(80));
    CHECK_FALSE(f.looking_at_therapist);  // the last word was an hour ago
    CHECK(f.eyes_closed);
    CHECK_FALSE(f.trembling);
    CHECK_FALSE(f.tears);

    std::string error;
    REQUIRE(session.apply(TraineeAction::choose("stay"), error));
    f = figure_state_from(session, 2.5, false);
    CHECK(f.affect == "fearful");
    CHECK(f.distress == doctest::Approx(session.state().distress));
    CHECK(f.distress > 60);
    CHECK(f.looking_at_therapist);  // just spoke
    CHECK_FALSE(f.eyes_closed);
    CHECK(f.trembling);
}

TEST_CASE("figure_state_from: eyeshades and blanket toggle with the trainee's actions; tears with tearful lines") {
    auto script = std::make_unique<FakeScript>();
    script->on_start = [](Session& s) {
        s.set_state("distress", 70);
        s.say("It still hurts.", "tearful");
        s.offer_choice(a_choice());
        return ScriptStatus::waiting_for_trainee;
    };
    script->on_resume = [](Session&, const Option&) { return ScriptStatus::finished; };
    Session session(info(), std::move(script), 3);
    session.start();
    FigureState f = figure_state_from(session, 0, false);
    CHECK(f.tears);
    CHECK_FALSE(f.eyeshades);
    CHECK_FALSE(f.blanket);

    REQUIRE(apply(session, ActionKind::eyeshades));
    CHECK(figure_state_from(session, 0, false).eyeshades);
    REQUIRE(apply(session, ActionKind::blanket));
    f = figure_state_from(session, 0, false);
    CHECK(f.eyeshades);
    CHECK(f.blanket);
    REQUIRE(apply(session, ActionKind::eyeshades));
    f = figure_state_from(session, 0, false);
    CHECK_FALSE(f.eyeshades);
    CHECK(f.blanket);
}
