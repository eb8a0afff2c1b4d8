// The drill screen, headless (as tests/ui/test_screens.cpp): reached from the start screen with
// D, the lead-in and the choice, feedback at once after the answer, the same moment again with
// R, the next drill with N, the set and the progress panel; every answer in the record store.
#include "headless_frame.hpp"
#include "ui/app_state.hpp"
#include "ui/screens.hpp"

#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/store.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace holdspace;
using namespace holdspace::ui;

namespace {

const std::string source_dir = HOLDSPACE_SOURCE_DIR;
using namespace test::keys;

struct DrillHeadless {
    fs::path data;
    test::HeadlessImGui imgui;

    DrillHeadless() {
        data = fs::temp_directory_path() / ("holdspace-drill-ui-" + std::to_string(::getpid()));
        fs::remove_all(data);
        fs::create_directories(data);
        setenv("HOLDSPACE_DATA", data.c_str(), 1);
    }
    ~DrillHeadless() {
        std::error_code ec;
        fs::remove_all(data, ec);
    }

    std::string one_frame(App& app) { return test::headless_frame(app); }
    // A frame, and one more for panels new this frame to settle; the second's text.
    std::string frame(App& app) {
        one_frame(app);
        return one_frame(app);
    }
    std::string type(App& app, char c) {
        ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
        one_frame(app);
        return frame(app);
    }
    std::string press(App& app, int key) {
        ImGui::GetIO().KeysDown[key] = true;
        one_frame(app);
        ImGui::GetIO().KeysDown[key] = false;
        return frame(app);
    }

    App make_app() {
        WindowOptions o;
        o.scenarios_root = source_dir + "/scenarios";
        App app;
        app.init(o);
        return app;
    }
};

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

// The number key of the first option that is (or is not) the expert's.
char option_key(const Choice& choice, bool expert) {
    for (std::size_t i = 0; i < choice.options.size(); ++i)
        if (choice.options[i].expert == expert) return static_cast<char>('1' + i);
    return '0';
}

}  // namespace

TEST_CASE("drill screen: D opens today's set; an answer gets feedback at once; R tries the same moment again") {
    DrillHeadless h;
    App app = h.make_app();
    app.sign_in("dana");
    std::string shown = h.frame(app);
    CHECK(has(shown, "[D] Drills"));

    shown = h.type(app, 'd');
    REQUIRE(app.screen == Screen::drill);
    REQUIRE(app.drills.session);
    auto& session = *app.drills.session;
    CHECK(session.picks().size() == 10);  // a new trainee: ten new drills
    app::DrillRun* run = session.run();
    REQUIRE(run);
    REQUIRE(run->ok());
    const std::string title = run->drill().title;
    CHECK(has(shown, "Today's drills"));
    CHECK(has(shown, "1. " + title));
    CHECK(has(shown, "Focus: " + run->drill().focus));
    CHECK(has(shown, "into the session"));
    for (const auto& line : run->lead_in()) CHECK(has(shown, line));
    CHECK(has(shown, "[1]"));
    CHECK(has(shown, "Progress by skill domain"));

    // A non-expert answer: the judgement, the principle and the expert's alternative, then R / N.
    REQUIRE(run->choice());
    shown = h.type(app, option_key(*run->choice(), false));
    REQUIRE(run->answered());
    CHECK(has(shown, "Judgement: " + run->result()->judgement));
    CHECK_FALSE(has(shown, "Judgement: expert"));
    CHECK(has(shown, "An expert: "));
    CHECK(has(shown, "Why: "));
    CHECK(has(shown, "[R] Try this moment again"));
    CHECK(has(shown, "Recorded. Box 1"));
    // The progress panel has the answer, under the drill's domain.
    CHECK(has(shown, title_case(run->drill().domain)));

    // The same moment again: the same lead-in, the choice open again; the expert's answer.
    const auto lead_in = run->lead_in();
    shown = h.type(app, 'r');
    run = session.run();
    REQUIRE(run);
    CHECK(run->lead_in() == lead_in);
    REQUIRE(run->choice());
    CHECK(has(shown, "[1]"));
    shown = h.type(app, option_key(*run->choice(), true));
    CHECK(has(shown, "Judgement: expert"));

    // Both answers are in the record store, under the trainee.
    records::Store store{app::store_path(h.data.string())};
    const auto attempts = store.drill_attempts("dana");
    REQUIRE(attempts.size() == 2);
    CHECK(attempts[0].drill == run->drill().id);
    CHECK(attempts[1].judgement == "expert");

    // N: the next drill in the set; Escape: back to the library.
    shown = h.type(app, 'n');
    CHECK(session.position() == 1);
    REQUIRE(session.run());
    CHECK(has(shown, "Focus: " + session.run()->drill().focus));
    h.press(app, k_escape);
    CHECK(app.screen == Screen::start);
}

TEST_CASE("drill screen: nobody signed in is told to sign in first") {
    DrillHeadless h;
    App app = h.make_app();
    app.sign_out();
    CHECK_FALSE(open_drills(app));
    CHECK(app.screen == Screen::start);
    CHECK(has(app.message, "Sign in"));
}
