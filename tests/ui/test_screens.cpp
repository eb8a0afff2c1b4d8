// The window's screens, headless: ImGui frames with no backend (as in Dear ImGui's
// example_null). What a frame shows is read from ImGui's text log, which records the text
// of every item actually drawn; keys go in as ImGui's io would receive them from SDL.
#include "headless_frame.hpp"
#include "ui/app_state.hpp"
#include "ui/screens.hpp"

#include "app/library.hpp"
#include "app/typed.hpp"
#include "app/practice.hpp"
#include "records/session_record.hpp"
#include "script/lua_scenario.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace holdspace;
using namespace holdspace::ui;

namespace {

const std::string source_dir = HOLDSPACE_SOURCE_DIR;
const std::string minimal = source_dir + "/tests/cli/fixtures/minimal.lua";
const std::string medicine = source_dir + "/scenarios/medicine/memory_surfaces.lua";

// Indices into io.KeysDown for the named keys (the SDL backend uses scancodes; any will do).
using namespace test::keys;

fs::path fresh_data_dir() {
    static int n = 0;
    const fs::path d = fs::temp_directory_path() / ("holdspace-ui-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

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

    Headless() : data(fresh_data_dir()) {
        setenv("HOLDSPACE_DATA", data.c_str(), 1);
    }
    ~Headless() {
        std::error_code ec;
        fs::remove_all(data, ec);
    }

    // A frame, and one more: a window or panel that is new this frame measures itself
    // before it shows anything (as the real window settles over a few frames).
    // Keys pressed before the call act in the first. Returns the text the second showed.
    std::string frame(App& app) {
        one_frame(app);
        ImGui::GetIO().KeysDown[k_enter] = ImGui::GetIO().KeysDown[k_escape] = false;
        return one_frame(app);
    }
    std::string one_frame(App& app) { return test::headless_frame(app); }
    // A key held for one frame and released; returns the text of the frame after it.
    std::string press(App& app, int key) {
        ImGui::GetIO().KeysDown[key] = true;
        one_frame(app);
        ImGui::GetIO().KeysDown[key] = false;
        return frame(app);
    }
    std::string type(App& app, const std::string& chars) {
        std::string shown;
        for (const char c : chars) {
            ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
            one_frame(app);
            shown = frame(app);
        }
        return shown;
    }

    App make_app(const std::string& root = source_dir + "/scenarios", const std::string& dev = {}) {
        WindowOptions o;
        o.scenarios_root = root;
        o.dev_scenario = dev;
        App app;
        app.init(o);
        return app;
    }
};

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

std::size_t count_type(const Session& s, const std::string& type) {
    return static_cast<std::size_t>(
        std::count_if(s.events().begin(), s.events().end(), [&](const Event& e) { return e.type == type; }));
}

}  // namespace

TEST_CASE("start screen: a newcomer signs in by typing a name and pressing Enter; the name is kept") {
    Headless h;
    App app = h.make_app();
    std::string shown = h.frame(app);
    CHECK(has(shown, "Welcome to Holdspace"));
    CHECK(has(shown, "Sign in"));
    h.frame(app);  // the name field takes the keyboard
    h.type(app, "Ana R.");
    shown = h.press(app, k_enter);
    CHECK(app.trainee == "Ana R.");
    CHECK(load_trainee(h.data.string()) == "Ana R.");
    // The library, grouped by phase, with titles, difficulty and the key that picks each.
    CHECK(has(shown, "Scenario library"));
    CHECK(has(shown, "Preparation - before the medicine"));
    CHECK(has(shown, "Medicine sessions"));
    CHECK(has(shown, "Integration"));
    CHECK(has(shown, "The hallway"));
    CHECK(has(shown, "[1]"));
    CHECK(shown.find("Preparation - before") < shown.find("Medicine sessions"));
    CHECK(shown.find("Medicine sessions") < shown.find("Integration - making meaning"));

    // A second start remembers the trainee.
    App again = h.make_app();
    CHECK(again.trainee == "Ana R.");
}

TEST_CASE("start screen: choosing a scenario by number shows its description and objectives; Enter begins it") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    // The first medicine-session scenario in the library (phases come in order: preparation first).
    int medicine_index = -1;
    for (std::size_t i = 0; i < app.library.size() && medicine_index < 0; ++i)
        if (app.library[i].phase == "medicine") medicine_index = static_cast<int>(i);
    REQUIRE(medicine_index >= 0);
    REQUIRE(medicine_index < 9);
    const app::LibraryEntry entry = app.library[static_cast<std::size_t>(medicine_index)];
    REQUIRE_FALSE(entry.objectives.empty());
    std::string shown = h.type(app, std::string(1, static_cast<char>('1' + medicine_index)));
    CHECK(app.selected == medicine_index);
    CHECK(has(shown, "You will practise:"));
    CHECK(has(shown, entry.objectives.front().substr(0, 20)));
    CHECK(has(shown, entry.difficulty));
    shown = h.press(app, k_enter);
    REQUIRE(app.screen == Screen::session);
    REQUIRE(app.live);
    CHECK(app.live->session().info().id == entry.id);
    CHECK(has(shown, "Since dose"));
    CHECK(has(shown, "Vital signs monitor"));
}

TEST_CASE("session screen: shows the participant's lines with clock stamps, the numbered options and the action keys") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(minimal, 1));
    const std::string shown = h.frame(app);
    if (std::getenv("SHOW_FRAME")) MESSAGE(shown);
    CHECK(has(shown, "Sam (anxious): \"Hi. I'm not sure where to start.\""));
    CHECK(has(shown, "0:00"));
    CHECK(has(shown, "[1] Start wherever feels right."));
    CHECK(has(shown, "[2] Let's go through my agenda."));
    for (const auto& a : action_infos()) {
        const std::string label = std::string("[") + static_cast<char>(a.key - 'a' + 'A') + "] " + std::string(a.label);
        CHECK_MESSAGE(has(shown, label), label);
    }
    CHECK(has(shown, "Session time 0:00"));
    CHECK(has(shown, "Sam looks anxious"));  // the figure's state in words
}

TEST_CASE("session screen: pressing 2 says option 2 to the participant, and the record has it") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(minimal, 1));
    h.frame(app);
    const std::string shown = h.type(app, "2");
    const Session& s = app.live->session();
    bool answered = false;
    for (const auto& e : s.events())
        if (e.type == "response") answered = e.data.value("option", "") == "agenda";
    CHECK(answered);
    CHECK(s.over());
    CHECK(app.screen == Screen::debrief);
    CHECK(has(shown, "Debrief - Minimal"));

    // Recorded in the data folder's record store, as `holdspace play --trainee` records.
    records::Store store(app::store_path(h.data.string()));
    const auto row = store.session(app.live->stored_session());
    REQUIRE(row);
    CHECK(row->trainee == "ana");
    CHECK(row->status == "finished");
    CHECK(store.actions(row->id) == std::vector<std::string>{"agenda"});
    CHECK(store.events(row->id).back().value("type", "") == "end");
}

TEST_CASE("the window gives the same transcript and score as holdspace play for the same actions") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 3));
    h.frame(app);
    // Keys as a trainee would press them: options by number, actions by letter, silence by the clock.
    h.type(app, "1");
    h.type(app, "w");
    REQUIRE(app.fast_forward());
    h.type(app, "2");
    h.type(app, "v");
    h.type(app, "h");
    const auto actions = app.live->actions();
    REQUIRE(actions.size() >= 5);

    // `holdspace play --actions` does exactly this (cli/play.cpp).
    const std::string source = script::read_text_file(medicine);
    auto session = app::open_session(source, medicine, 3);
    session->start();
    for (const auto& a : actions) {
        std::string error;
        auto parsed = parse_action(a, error);
        REQUIRE(parsed);
        REQUIRE(session->apply(*parsed, error));
    }
    CHECK(transcript_json(session->events()) == transcript_json(app.live->session().events()));
    std::string note;
    const auto rubrics = app::load_rubrics({}, session->info().rubric, medicine, note);
    const auto play_scores = app::score_all(rubrics, transcript_json(session->events()));
    REQUIRE(!play_scores.empty());
    CHECK(scoring::score_json(play_scores.front()) == scoring::score_json(app.live->scores().front()));
}

TEST_CASE("session screen: End asks first; N keeps going, Y ends the session") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1));
    h.frame(app);
    std::string shown = h.type(app, "q");
    CHECK(app.confirm_end);
    CHECK(has(shown, "still under the medicine's effects"));
    h.type(app, "n");
    CHECK(!app.confirm_end);
    CHECK(!app.live->session().over());
    h.type(app, "q");
    h.type(app, "y");
    CHECK(app.live->session().over());
    CHECK(app.screen == Screen::debrief);
}

TEST_CASE("debrief: critical errors come before the domains; moments show the expert alternative") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1, read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions")));
    REQUIRE(app.screen == Screen::debrief);
    app.selected_moment = 0;
    const std::string shown = h.frame(app);
    const auto critical = shown.find("Critical errors - each fails the session");
    const auto domains = shown.find("Domains");
    REQUIRE(critical != std::string::npos);
    REQUIRE(domains != std::string::npos);
    CHECK(critical < domains);
    CHECK(has(shown, "NOT PASSED"));
    CHECK(has(shown, "Touch without agreed consent"));
    CHECK(has(shown, "An expert: "));
    CHECK(has(shown, "[P] Practise this moment again"));
    CHECK(has(shown, "Empathic presence"));  // domain titles from the rubric
}

TEST_CASE("debrief: the other rubric, one at a time and side by side") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1, read_actions(source_dir + "/tests/golden/memory_surfaces.expert.actions")));
    std::string shown = h.frame(app);
    REQUIRE(app.live->rubrics().size() >= 2);
    const std::string own = app.live->rubrics()[0].title, other = app.live->rubrics()[1].title;
    CHECK(has(shown, "scored under: " + own));
    CHECK(has(shown, "PASS"));
    shown = h.type(app, "r");
    CHECK(has(shown, "scored under: " + other));
    shown = h.type(app, "s");
    CHECK(app.side_by_side);
    CHECK(has(shown, "The same session under each rubric"));
    CHECK(has(shown, own));
    CHECK(has(shown, other));
}

TEST_CASE("debrief: practise this moment again replays the same seed up to just before it") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    const auto poor = read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions");
    REQUIRE(app.begin(medicine, 1, poor));
    const auto scores = app.live->scores();
    // The moment answered with 'nr_fix', the fourth action; 'blanket' before it was taken while
    // the same choice was open, so the practice starts before the blanket.
    int target = -1;
    for (std::size_t i = 0; i < scores.front().moments.size(); ++i)
        if (scores.front().moments[i].response_id == "nr_fix") target = static_cast<int>(i);
    REQUIRE(target >= 0);
    const std::string moment = scores.front().moments[static_cast<std::size_t>(target)].moment;
    app.selected_moment = target;
    h.frame(app);
    const std::string shown = h.type(app, "p");
    REQUIRE(app.screen == Screen::session);
    const auto& s = app.live->session();
    CHECK(!s.over());
    CHECK(s.seed() == 1);
    REQUIRE(s.choice());
    CHECK(s.choice()->moment == moment);
    CHECK(app.live->actions() == std::vector<std::string>(poor.begin(), poor.begin() + 2));
    CHECK(has(shown, "Practising"));
    // The practice is a session of its own, recorded with the actions replayed into it.
    records::Store store(app::store_path(h.data.string()));
    CHECK(store.sessions("ana").size() == 2);
    CHECK(store.actions(app.live->stored_session()) == app.live->actions());
}

TEST_CASE("start screen: an unfinished session is resumed by replaying its stored actions") {
    Headless h;
    std::int64_t first = 0;
    {
        App app = h.make_app();
        app.sign_in("ana");
        REQUIRE(app.begin(medicine, 5));
        h.frame(app);
        h.type(app, "1");
        h.type(app, "w");
        first = app.live->stored_session();
        h.press(app, k_escape);  // back to the library; the session is kept
        CHECK(app.screen == Screen::start);
    }
    App app = h.make_app();
    REQUIRE(app.trainee == "ana");
    std::string shown = h.frame(app);
    CHECK(has(shown, "[R] Resume"));
    CHECK(has(shown, "2 responses so far"));
    shown = h.type(app, "r");
    REQUIRE(app.screen == Screen::session);
    CHECK(app.live->actions().size() == 2);
    CHECK(app.live->session().seed() == 5);
    // The same stored session goes on: the replayed actions are not stored twice.
    CHECK(app.live->stored_session() == first);
    h.type(app, "h");
    records::Store store(app::store_path(h.data.string()));
    CHECK(store.actions(first).size() == 3);
    CHECK(store.session(first)->seed == 5);
    CHECK(store.sessions("ana").size() == 1);
}

TEST_CASE("session clock: time passes only through wait actions; fast-forward reaches the next monitor reading") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1));
    h.frame(app);
    auto& s = app.live->session();
    const Seconds before = s.now();
    h.frame(app);
    CHECK(app.tick(30.0) == false);  // paused: nothing happens however long the trainee reads
    CHECK(s.now() == before);

    std::string shown = h.type(app, "p");
    CHECK(app.clock.speed == SessionClock::Speed::normal);
    CHECK(has(shown, "[P] Pause the clock"));
    app.tick(4.0);  // two simulated minutes at normal speed: kept as silence, not yet committed
    CHECK(s.now() == before);
    shown = h.frame(app);
    CHECK(has(shown, "+2 min of silence"));
    h.type(app, "h");  // the silence is committed before the response
    CHECK(app.live->actions().front() == "wait 2");
    CHECK(app.live->actions()[1] == "hold_space");

    h.type(app, "p");  // pause
    const std::size_t readings = count_type(s, "vitals");
    const auto next = app.live->next_scheduled();
    REQUIRE(next);
    h.type(app, "f");
    CHECK(s.now() >= *next);
    CHECK(count_type(s, "vitals") > readings);
}

TEST_CASE("supervisor view: F2 shows the hidden state and the live score") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1));
    std::string shown = h.frame(app);
    CHECK(!has(shown, "Inner state"));
    shown = h.press(app, key_f2);
    CHECK(app.supervisor);
    CHECK(has(shown, "Inner state"));
    CHECK(has(shown, "Distress"));
    CHECK(has(shown, "Window: "));
    CHECK(has(shown, "Live score"));
}

TEST_CASE("settings: keys change them, they are saved in the data folder and come back") {
    Headless h;
    {
        App app = h.make_app();
        std::string shown = h.press(app, key_f3);
        CHECK(app.screen == Screen::settings);
        CHECK(has(shown, "Colour-blind-safe palette"));
        h.type(app, "c");
        h.type(app, "r");
        h.type(app, "+");
        h.type(app, "m");
        h.press(app, k_escape);
        CHECK(app.screen == Screen::start);
    }
    const Settings s = load_settings(h.data.string());
    CHECK(s.colour_blind);
    CHECK(s.reduced_motion);
    CHECK(s.muted);
    CHECK(s.font_scale > 1.0f);
    App app = h.make_app();
    CHECK(app.settings.colour_blind);
    CHECK(app.palette.alert == Palette::colour_blind_safe().alert);
}

TEST_CASE("author mode: an edit reloads and replays; a broken file shows file:line and keeps the session") {
    Headless h;
    const fs::path dir = h.data / "authoring";
    fs::create_directories(dir);
    const fs::path file = dir / "draft.lua";
    const std::string good = script::read_text_file(minimal);
    auto write = [&](const std::string& text) {
        std::ofstream(file, std::ios::trunc) << text;
        // A new modification time even on coarse clocks.
        fs::last_write_time(file, fs::last_write_time(file) + std::chrono::seconds(1 + static_cast<int>(text.size() % 7)));
    };
    write(good);
    App app = h.make_app(source_dir + "/scenarios", file.string());
    REQUIRE(app.dev);
    REQUIRE(app.live);
    REQUIRE(app.live->ok());
    h.frame(app);
    h.type(app, "w");  // water: an action at the open choice (minimal.lua has no on_action)
    const auto actions = app.live->actions();
    REQUIRE(actions.size() == 1);

    // A syntax error: shown with file:line, the last good session kept.
    std::string broken = good;
    broken.replace(broken.find("s:say(\"Okay. Thank you.\""), 6, "s:say((");
    write(broken);
    CHECK(app.poll_dev_file());
    REQUIRE(app.dev_error);
    CHECK(has(app.dev_error->what(), "draft.lua:"));
    std::string shown = h.frame(app);
    CHECK(has(shown, "The scenario does not load"));
    CHECK(has(shown, "draft.lua:"));
    CHECK(app.live->actions() == actions);

    // Fixed, with a changed line: reloaded and the same actions replayed into it.
    std::string edited = good;
    edited.replace(edited.find("Oh. Okay."), 9, "Oh. Right.");
    write(edited);
    CHECK(app.poll_dev_file());
    CHECK(!app.dev_error);
    CHECK(app.live->actions() == actions);
    shown = h.frame(app);
    CHECK(!has(shown, "The scenario does not load"));
    CHECK(has(shown, "Reloaded"));
    // Nothing is recorded in author mode.
    CHECK(!app.live->recording());
}

TEST_CASE("a scenario that fails while running shows its file:line in the session, never a crash") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(source_dir + "/tests/cli/fixtures/fails_later.lua", 1));
    h.frame(app);
    h.type(app, "2");
    REQUIRE(app.live->session().failure());
    CHECK(app.screen == Screen::session);
    const std::string shown = h.frame(app);
    CHECK(has(shown, "The scenario stopped with an error"));
    CHECK(has(shown, "fails_later.lua:"));
}

TEST_CASE("session screen: answering in one's own words only - no options, a number is refused, words are said") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    app.settings.typed_only = true;
    REQUIRE(app.begin(minimal, 1));
    std::string shown = h.frame(app);
    CHECK_FALSE(has(shown, "[1] Start wherever feels right."));
    CHECK(has(shown, "say it in your own words"));
    CHECK(has(shown, "[H] Hold space"));  // acting stays
    shown = h.type(app, "1");
    CHECK(app.live->session().choice());  // not answered
    CHECK(has(shown, "Answer in your own words"));
    std::string error;
    auto words = app::typed_action("Wherever you'd like to start is fine with me.", error);
    REQUIRE(words);
    REQUIRE(app::hear(*words, app.live->session(), error));
    CHECK(app.say(*words));
    CHECK(app.live->actions().back().rfind("say ", 0) == 0);
}

TEST_CASE("session screen: when the coder is unsure, the trainee keeps the words as heard or says what they meant") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(minimal, 1));
    h.frame(app);
    TraineeAction unsure = TraineeAction::say("Where to start, then.");
    unsure.heard.codes = {{"simple_reflection", 0.41}, {"open_question", 0.33}, {"closed_question", 0.12}};
    unsure.heard.primary = "simple_reflection";
    unsure.heard.model = "coder-test";
    app.unsure_say = unsure;
    std::string shown = h.frame(app);
    CHECK(has(shown, "Not sure how to hear that"));
    CHECK(has(shown, "[Enter] Keep it as heard"));
    CHECK(has(shown, "[2] open question"));
    // The option keys belong to the doubt now: 2 is "open question", not option 2.
    shown = h.type(app, "2");
    CHECK_FALSE(app.unsure_say);
    REQUIRE_FALSE(app.live->actions().empty());
    CHECK(app.live->actions().front() == "say as open_question: Where to start, then.");
    bool corrected = false;
    for (const auto& e : app.live->session().events())
        if (e.type == "response" && e.data.contains("typed"))
            corrected = e.data["typed"].value("corrected", false) && e.data["typed"].value("primary", "") == "open_question";
    CHECK(corrected);
}

TEST_CASE("session screen: Escape at the coder's doubt goes back to the words, and stays in the session") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(minimal, 1));
    h.frame(app);
    TraineeAction unsure = TraineeAction::say("Hm.");
    unsure.heard.codes = {{"simple_reflection", 0.30}, {"open_question", 0.25}};
    unsure.heard.primary = "simple_reflection";
    unsure.heard.model = "coder-test";
    app.unsure_say = unsure;
    h.frame(app);
    h.press(app, k_escape);
    CHECK_FALSE(app.unsure_say);
    CHECK(app.screen == Screen::session);
    CHECK(app.live->actions().empty());
}

TEST_CASE("window: a notice keeps its line, is gone on the next screen, and a talking session shows no empty monitor") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(minimal, 1));
    std::string shown = h.frame(app);
    CHECK(has(shown, "No monitor"));
    CHECK_FALSE(has(shown, "Vital signs monitor"));
    // The notice line is there, empty or not: what is below it does not move when one appears.
    auto top_of = [](const std::string& child) {
        for (ImGuiWindow* w : GImGui->Windows)
            if (std::string(w->Name).find("/" + child) != std::string::npos && w->WasActive) return w->Pos.y;
        return -1.0f;
    };
    const float before = top_of("participant");
    REQUIRE(before > 0);
    app.notify("Note added at 0:12. " + std::string(400, 'x'));  // longer than the line: cut, never wrapped
    shown = h.frame(app);
    CHECK(has(shown, "Note added at 0:12."));
    CHECK(top_of("participant") == before);
    app.open_settings();
    shown = h.frame(app);
    CHECK_FALSE(has(shown, "Note added at 0:12."));
    app.close_settings();
    REQUIRE(app.begin(medicine, 1));
    shown = h.frame(app);
    CHECK(has(shown, "Vital signs monitor"));
}
