// Issue 17 in the window, headless: the debrief's verdict reads one way, a moment lists the actions
// taken before its answer, the F4 review list says pass or fail, and a supervisor's notes are not
// signed with the trainee's name.
#include "headless_frame.hpp"
#include "ui/app_state.hpp"
#include "ui/keyboard.hpp"
#include "ui/screens.hpp"

#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/store.hpp"
#include "script/lua_scenario.hpp"

#include <doctest/doctest.h>
#include <imgui.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace holdspace;
using namespace holdspace::ui;

namespace {

const std::string source_dir = HOLDSPACE_SOURCE_DIR;
const std::string medicine = source_dir + "/scenarios/medicine/memory_surfaces.lua";

std::vector<std::string> read_actions(const std::string& path) {
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::string error;
        if (parse_action(line, error)) out.push_back(line);
    }
    return out;
}

struct Headless {
    fs::path data;
    test::HeadlessImGui imgui;

    Headless() {
        static int n = 0;
        data = fs::temp_directory_path() / ("holdspace-issue17-ui-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(data);
        fs::create_directories(data);
        setenv("HOLDSPACE_DATA", data.c_str(), 1);
    }
    ~Headless() {
        std::error_code ec;
        fs::remove_all(data, ec);
    }
    std::string frame(App& app) {
        test::headless_frame(app);
        return test::headless_frame(app);
    }
    std::string press(App& app, int key) {
        ImGui::GetIO().KeysDown[key] = true;
        test::headless_frame(app);
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

std::int64_t play_in_window(Headless& h, const std::string& trainee, const std::string& actions_file) {
    App app = h.make_app();
    app.sign_in(trainee);
    REQUIRE(app.begin(medicine, 1, read_actions(source_dir + "/tests/golden/" + actions_file)));
    REQUIRE(app.live->recording());
    return app.live->stored_session();
}

}  // namespace

TEST_CASE("window debrief: the verdict says why a session did not pass, and a moment lists the actions before its answer") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1, read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions")));
    REQUIRE(app.screen == Screen::debrief);
    std::string shown = h.frame(app);
    CHECK(has(shown, "NOT PASSED: 2 critical errors (a pass needs 70 and none"));
    CHECK_FALSE(has(shown, "Passing needs"));
    // The moment answered after offering the blanket says so.
    const auto scores = app.live->scores();
    REQUIRE(!scores.empty());
    int with_actions = -1;
    for (std::size_t i = 0; i < scores.front().moments.size(); ++i)
        if (!scores.front().moments[i].actions.empty()) {
            with_actions = static_cast<int>(i);
            break;
        }
    REQUIRE(with_actions >= 0);
    app.selected_moment = with_actions;
    shown = h.frame(app);
    CHECK(has(shown, "Before answering you did: Offer blanket"));
}

TEST_CASE("window debrief: a passing session says it reached the pass mark") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1, read_actions(source_dir + "/tests/golden/memory_surfaces.expert.actions")));
    const std::string shown = h.frame(app);
    CHECK(has(shown, "PASS: 95.4 reaches the pass mark of 70, with no critical errors"));
}

TEST_CASE("F4 review list: each finished session says passed or NOT PASSED beside its score") {
    Headless h;
    play_in_window(h, "ana", "memory_surfaces.poor.actions");
    play_in_window(h, "ben", "memory_surfaces.expert.actions");
    App app = h.make_app();
    const std::string shown = h.press(app, key_f4);
    REQUIRE(app.screen == Screen::review);
    REQUIRE(app.review_list.passes.size() == 2);
    CHECK(app.review_list.passes[0] == std::optional<bool>(true));   // newest first: ben's
    CHECK(app.review_list.passes[1] == std::optional<bool>(false));
    CHECK(has(shown, "95.4  passed"));
    CHECK(has(shown, "2.1  NOT PASSED"));
}

TEST_CASE("review: notes and overrides are not signed with the signed-in trainee's name") {
    Headless h;
    const std::int64_t id = play_in_window(h, "ana", "memory_surfaces.poor.actions");
    App app = h.make_app();
    app.sign_in("ana");
    h.press(app, key_f4);
    REQUIRE(app.open_review(id));
    h.frame(app);
    CHECK(app.review_author.empty());  // the field shows its hint, "supervisor", until a name is typed
    std::string error;
    REQUIRE(app.review->annotate(app.review->anchor(1), app.review_author, "Look here.", error));
    const auto notes = records::Store(app::store_path(h.data.string())).annotations(id);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].author == "supervisor");
    CHECK(notes[0].author != "ana");
}

TEST_CASE("window debrief: an integration session without vital signs says so instead of an empty vitals chart") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(source_dir + "/scenarios/integration/making_meaning.lua", 1,
                      read_actions(source_dir + "/tests/golden/making_meaning.expert.actions")));
    REQUIRE(app.screen == Screen::debrief);
    std::string shown = h.frame(app);
    CHECK(has(shown, "no vital signs were taken in this session"));
    CHECK_FALSE(has(shown, "distress and vital signs"));
    // A medicine session with readings keeps its vitals panel.
    App medicine_app = h.make_app();
    medicine_app.sign_in("ana");
    REQUIRE(medicine_app.begin(medicine, 1, read_actions(source_dir + "/tests/golden/memory_surfaces.expert.actions")));
    shown = h.frame(medicine_app);
    CHECK(has(shown, "distress and vital signs"));
    CHECK_FALSE(has(shown, "no vital signs were taken"));
}
