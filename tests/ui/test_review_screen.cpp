// The window and the record store, headless: sessions played in the window are recorded in the
// same store as `holdspace play --trainee` (and resumed from it); the supervisor review scrubs a
// recorded session, reconstructing the participant's hidden state exactly, with notes, score
// overrides and other rubrics; the cohort view gathers every trainee and scenario.
#include "headless_frame.hpp"
#include "ui/app_state.hpp"
#include "ui/screens.hpp"

#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/session_record.hpp"
#include "script/lua_scenario.hpp"

#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace holdspace;
using namespace holdspace::ui;

namespace {

const std::string source_dir = HOLDSPACE_SOURCE_DIR;
const std::string minimal = source_dir + "/tests/cli/fixtures/minimal.lua";
const std::string medicine = source_dir + "/scenarios/medicine/memory_surfaces.lua";

using namespace test::keys;

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

// ImGui frames with no backend, their text read from ImGui's log (as in test_screens.cpp).
struct Headless {
    fs::path data;
    test::HeadlessImGui imgui;

    Headless() {
        static int n = 0;
        data = fs::temp_directory_path() / ("holdspace-review-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(data);
        fs::create_directories(data);
        setenv("HOLDSPACE_DATA", data.c_str(), 1);
    }
    ~Headless() {
        std::error_code ec;
        fs::remove_all(data, ec);
    }
    std::string store_file() const { return app::store_path(data.string()); }

    std::string frame(App& app) {
        one_frame(app);
        return one_frame(app);
    }
    std::string one_frame(App& app) { return test::headless_frame(app); }
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
    App make_app() {
        WindowOptions o;
        o.scenarios_root = source_dir + "/scenarios";
        App app;
        app.init(o);
        return app;
    }
};

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// A session played in the window from start to end with `actions`; returns its stored id.
std::int64_t play_in_window(Headless& h, const std::string& trainee, const std::string& scenario,
                            const std::vector<std::string>& actions, std::uint64_t seed = 1) {
    App app = h.make_app();
    app.sign_in(trainee);
    REQUIRE(app.begin(scenario, seed, actions));
    REQUIRE(app.live->recording());
    return app.live->stored_session();
}

}  // namespace

TEST_CASE("recording: the window records into the store holdspace sessions reads, each action as it is taken") {
    Headless h;
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.store);
    CHECK(app.store->path() == h.store_file());
    REQUIRE(app.begin(medicine, 2));
    h.frame(app);
    const std::int64_t id = app.live->stored_session();
    h.type(app, "1");
    h.type(app, "w");
    {
        // Another connection (as another process would) sees both actions before the session ends.
        records::Store other(h.store_file());
        CHECK(other.actions(id) == app.live->actions());
        CHECK(other.actions(id).size() == 2);
        CHECK(other.session(id)->status == "open");
        CHECK(other.session(id)->trainee == "ana");
    }
    // The real `holdspace sessions` lists it.
    const fs::path out = h.data / "sessions.out";
    REQUIRE(run(std::string("'") + HOLDSPACE_BINARY + "' sessions --data '" + h.data.string() + "' --json > '" +
                out.string() + "'") == 0);
    std::ifstream in(out);
    const Json listed = Json::parse(in);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0]["id"] == id);
    CHECK(listed[0]["scenario"] == "medicine.memory_surfaces");
}

TEST_CASE("recording: a finished session is stored with its transcript and the score the debrief shows") {
    Headless h;
    const auto actions = read_actions(source_dir + "/tests/golden/memory_surfaces.expert.actions");
    App app = h.make_app();
    app.sign_in("ana");
    REQUIRE(app.begin(medicine, 1, actions));
    REQUIRE(app.screen == Screen::debrief);
    records::Store store(h.store_file());
    const auto row = store.session(app.live->stored_session());
    REQUIRE(row);
    CHECK(row->status == "finished");
    CHECK(store.events(row->id) == transcript_json(app.live->session().events()));
    REQUIRE(row->overall);
    CHECK(*row->overall == doctest::Approx(app.live->scores().front().overall));
    CHECK(row->rubric == app.live->scores().front().rubric_id);
    CHECK(has(h.frame(app), "Recorded as session " + std::to_string(row->id)));
    // Its xAPI statements wait in the outbox for `holdspace sync`, as after `holdspace play`.
    const auto queued = store.pending_statements();
    CHECK(queued.size() >= 3);  // launched, completed, passed or failed, and one per scored moment
    for (const auto& item : queued) CHECK(item.session == row->id);
    CHECK(store.finished_sessions_not_queued().empty());
    // Back in the library, the scenario shows as passed and the curriculum counts it.
    app.screen = Screen::start;
    app.refresh_sessions();
    const std::string start = h.frame(app);
    CHECK(has(start, "Your curriculum: 1 of " + std::to_string(app.library.size()) + " passed"));
    char best[32];
    std::snprintf(best, sizeof best, "passed, best %.0f", *row->overall);
    CHECK(has(start, best));
}

TEST_CASE("curriculum: a scenario's progress is its best finished, scored session; one pass is enough") {
    std::vector<app::SavedSession> sessions(4);
    sessions[0] = {1, "a.lua", "prep.a", "A", 1, 5, true, "", 40.0, false};
    sessions[1] = {2, "a.lua", "prep.a", "A", 2, 9, true, "", 92.0, true};
    sessions[2] = {3, "a.lua", "prep.a", "A", 3, 2, false, "", std::nullopt, false};  // unfinished
    sessions[3] = {4, "b.lua", "prep.b", "B", 1, 1, true, "", std::nullopt, false};   // closed unscored
    const auto a = app::progress_of(sessions, "prep.a");
    CHECK(a.finished == 2);
    CHECK(a.passed);
    CHECK(*a.best == doctest::Approx(92.0));
    const auto b = app::progress_of(sessions, "prep.b");
    CHECK(b.finished == 0);
    CHECK_FALSE(b.best);
    CHECK_FALSE(app::progress_of(sessions, "prep.c").passed);
}

TEST_CASE("recording: a session the command line left unfinished is resumed in the window, into the same stored session") {
    Headless h;
    const fs::path actions = h.data / "two.actions";
    std::ofstream(actions) << "1\nwater\n";
    REQUIRE(run(std::string("cd '") + source_dir + "' && '" + HOLDSPACE_BINARY + "' play scenarios/medicine/memory_surfaces.lua --seed 3 --actions '" +
                actions.string() + "' --trainee ana --data '" + h.data.string() + "' > /dev/null 2>&1") == 0);
    App app = h.make_app();
    REQUIRE(app.trainee.empty());
    app.sign_in("ana");
    REQUIRE(app.sessions.size() == 1);
    CHECK(!app.sessions.front().finished);
    std::string shown = h.frame(app);
    CHECK(has(shown, "[R] Resume"));
    CHECK(has(shown, "2 responses so far"));
    const std::int64_t id = app.sessions.front().id;
    h.type(app, "r");
    REQUIRE(app.screen == Screen::session);
    CHECK(app.live->stored_session() == id);
    CHECK(app.live->actions() == records::Store{h.store_file()}.actions(id));
    CHECK(app.live->session().seed() == 3);
    h.type(app, "h");
    records::Store store(h.store_file());
    CHECK(store.actions(id).size() == 3);
    CHECK(store.sessions().size() == 1);

    // Closing instead: kept, no longer offered.
    h.press(app, k_escape);
    REQUIRE(app.sessions.size() == 1);
    REQUIRE(app.close_session(app.sessions.front()));
    CHECK(store.session(id)->status == "closed");
    CHECK(store.actions(id).size() == 3);
    CHECK(!has(h.frame(app), "[R] Resume"));
}

TEST_CASE("recording: a foreign store file is left untouched; sessions still run, and the trainee is told") {
    Headless h;
    const std::string notes = "my own notes, not a database\n";
    std::ofstream(h.store_file()) << notes;
    App app = h.make_app();
    CHECK(!app.store);
    CHECK(has(app.store_error, "not a Holdspace record store"));
    app.sign_in("ana");
    REQUIRE(app.begin(minimal, 1));
    CHECK(!app.live->recording());
    CHECK(app.message_is_error);
    CHECK(has(app.message, "not being recorded"));
    const std::string shown = h.type(app, "2");
    CHECK(app.live->session().over());
    CHECK(app.screen == Screen::debrief);
    std::ifstream in(h.store_file());
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == notes);
    // The review says why it has nothing, rather than failing.
    CHECK(has(h.press(app, key_f4), "cannot be opened"));
}

TEST_CASE("recording: records from before the store are imported once, and their files kept") {
    Headless h;
    const fs::path folder = h.data / "sessions" / "ana";
    fs::create_directories(folder);
    const std::string source = script::read_text_file(minimal);
    {
        records::RecordWriter w((folder / "20240101-100000-minimal.jsonl").string(),
                                {minimal, "fixture.minimal", records::digest(source), 1});
        auto session = app::open_session(source, minimal, 1);
        session->start();
        std::string error;
        session->apply(TraineeAction::choose("1"), error);
        w.action("invite");
        for (const auto& e : session->events()) w.event(e);
        w.commit();
    }
    App app = h.make_app();
    app.sign_in("ana");
    records::Store store(h.store_file());
    const auto rows = store.sessions("ana");
    REQUIRE(rows.size() == 1);
    CHECK(store.actions(rows[0].id) == std::vector<std::string>{"invite"});
    CHECK(rows[0].status == "finished");
    CHECK(fs::exists(folder / "20240101-100000-minimal.jsonl.imported"));
    CHECK(!fs::exists(folder / "20240101-100000-minimal.jsonl"));
    app.refresh_sessions();
    CHECK(store.sessions("ana").size() == 1);  // once
}

TEST_CASE("review: scrubbing reconstructs the same hidden state as the live session had at that point") {
    Headless h;
    const auto actions = read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions");
    const std::int64_t id = play_in_window(h, "ana", medicine, actions, 4);
    App app = h.make_app();
    REQUIRE(app.open_review(id));
    REQUIRE(app.review);
    app::Review& review = *app.review;
    REQUIRE(review.points() == actions.size() + 1);
    CHECK(review.note().empty());  // the replay matches the stored transcript
    for (std::size_t p : {std::size_t{0}, std::size_t{3}, std::size_t{1}, actions.size()}) {
        review.seek(p);
        app::PracticeConfig config;
        config.scenario_path = medicine;
        config.seed = 4;
        config.actions.assign(actions.begin(), actions.begin() + static_cast<long>(p));
        app::PracticeSession live(std::move(config));
        const auto& a = review.at().state();
        const auto& b = live.session().state();
        INFO("point " << p);
        CHECK(review.point() == p);
        CHECK(a.distress == b.distress);
        CHECK(a.arousal == b.arousal);
        CHECK(a.trust == b.trust);
        CHECK(a.inward_focus == b.inward_focus);
        CHECK(a.dissociation == b.dissociation);
        CHECK(review.at().intensity_now() == live.session().intensity_now());
        CHECK(review.at().touch_consent() == live.session().touch_consent());
        CHECK(transcript_json(review.at().events()) == transcript_json(live.session().events()));
    }

    // By keys: Right steps on, Left back, Home to the start, End to the end.
    review.seek(2);
    h.frame(app);
    std::string shown = h.press(app, k_right);
    CHECK(review.point() == 3);
    CHECK(has(shown, "Hidden state at"));
    CHECK(has(shown, "Distress"));
    CHECK(has(shown, "after the trainee's response 3 of " + std::to_string(actions.size())));
    h.press(app, k_left);
    CHECK(review.point() == 2);
    h.press(app, k_home);
    CHECK(review.point() == 0);
    h.press(app, k_end);
    CHECK(review.point() == actions.size());
    // ] and [ jump between scored moments.
    h.press(app, k_home);
    h.type(app, "]");
    REQUIRE(!review.scores().empty());
    const auto& first = review.scores().front().moments.front();
    CHECK(review.point() == review.point_of_event(first.event));
}

TEST_CASE("review: a note on a moment is stored and shown in the transcript where it was made") {
    Headless h;
    const auto actions = read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions");
    const std::int64_t id = play_in_window(h, "ana", medicine, actions);
    App app = h.make_app();
    REQUIRE(app.open_review(id));
    app::Review& review = *app.review;
    review.seek(2);
    std::string error;
    CHECK(!review.annotate(review.anchor(2), "dr. lee", "   ", error));
    CHECK(!error.empty());
    REQUIRE(review.annotate(review.anchor(2), "dr. lee", "Notice how the fix-it response lands.", error));
    records::Store store(h.store_file());
    const auto notes = store.annotations(id);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].author == "dr. lee");
    CHECK(review.point_of_event(notes[0].event_index) == 2);
    const std::string type = review.whole().events()[static_cast<std::size_t>(notes[0].event_index)].type;
    CHECK((type == "response" || type == "action" || type == "wait"));
    std::string shown = h.frame(app);
    CHECK(has(shown, "Note (dr. lee): Notice how the fix-it response lands."));
    CHECK(has(shown, "All notes"));
    // Earlier in the timeline, the transcript does not reach it yet.
    review.seek(1);
    shown = h.frame(app);
    CHECK(!has(shown, "Note (dr. lee): Notice"));
}

TEST_CASE("review: an override needs a reason, sits beside the automatic score, and the latest counts") {
    Headless h;
    const auto actions = read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions");
    const std::int64_t id = play_in_window(h, "ana", medicine, actions);
    App app = h.make_app();
    REQUIRE(app.open_review(id));
    app::Review& review = *app.review;
    REQUIRE(!review.scores().empty());
    const auto moment = review.scores().front().moments.front();
    review.seek(review.point_of_event(moment.event));
    std::string error;
    CHECK(!review.override_score(moment.event, 80, "dr. lee", "", error));
    CHECK(has(error, "reason"));
    CHECK(records::Store{h.store_file()}.overrides(id).empty());

    REQUIRE(review.override_score(moment.event, 80, "dr. lee", "Warm, if early.", error));
    REQUIRE(review.override_score(moment.event, 65, "dr. lee", "On reflection: too early.", error));
    REQUIRE(review.latest_override(moment.event));
    CHECK(review.latest_override(moment.event)->score == 65);
    const std::string shown = h.frame(app);
    const std::string automatic = "Automatic " + fixed1(moment.fraction * 100);
    CHECK(has(shown, automatic));  // never replaced
    CHECK(has(shown, "Supervisor 65.0"));
    CHECK(has(shown, "Warm, if early.  (superseded)"));
    // The stored automatic score is untouched.
    CHECK(*records::Store{h.store_file()}.session(id)->overall == doctest::Approx(review.scores().front().overall));
}

TEST_CASE("review: the session list filters by trainee and scenario; R re-scores under another rubric") {
    Headless h;
    play_in_window(h, "ana", medicine, read_actions(source_dir + "/tests/golden/memory_surfaces.expert.actions"));
    play_in_window(h, "ben", minimal, {"1"});
    App app = h.make_app();
    std::string shown = h.press(app, key_f4);
    REQUIRE(app.screen == Screen::review);
    CHECK(app.review_list.rows.size() == 2);
    CHECK(has(shown, "Supervisor review - recorded sessions"));
    CHECK(has(shown, "The hallway"));  // scenario titles from the library
    CHECK(has(shown, "ben"));
    // Newest first: ben's; T keeps only his.
    h.type(app, "t");
    CHECK(app.review_list.trainee == "ben");
    REQUIRE(app.review_list.rows.size() == 1);
    h.type(app, "t");
    CHECK(app.review_list.rows.size() == 2);
    h.press(app, k_down);
    shown = h.press(app, k_enter);
    REQUIRE(app.review);
    CHECK(app.review->row().trainee == "ana");
    REQUIRE(app.review->rubrics().size() >= 2);
    CHECK(has(shown, "Scored under: " + app.review->scores()[0].rubric_title));
    shown = h.type(app, "r");
    CHECK(app.review_rubric == 1);
    CHECK(has(shown, "Scored under: " + app.review->scores()[1].rubric_title));
    h.press(app, k_escape);
    CHECK(!app.review);
    h.press(app, k_escape);
    CHECK(app.screen == Screen::start);
}

TEST_CASE("cohort: F5 shows each trainee against each scenario, latest score and attempts; X exports CSV") {
    Headless h;
    const auto poor = read_actions(source_dir + "/tests/golden/memory_surfaces.poor.actions");
    const auto expert = read_actions(source_dir + "/tests/golden/memory_surfaces.expert.actions");
    const auto s1 = play_in_window(h, "ana", medicine, poor);
    const auto s2 = play_in_window(h, "ana", medicine, expert);
    play_in_window(h, "ben", minimal, {"1"});
    App app = h.make_app();
    std::string shown = h.press(app, key_f5);
    REQUIRE(app.screen == Screen::cohort);
    REQUIRE(app.cohort);
    const auto* cell = app.cohort->cell("ana", "medicine.memory_surfaces");
    REQUIRE(cell);
    records::Store store(h.store_file());
    CHECK(cell->attempts == 2);
    CHECK(cell->scores == std::vector<double>{*store.session(s1)->overall, *store.session(s2)->overall});
    CHECK(cell->latest_session == s2);
    CHECK(has(shown, "Cohort - trainees and scenarios"));
    CHECK(has(shown, "The hallway"));
    CHECK(has(shown, fixed1(*cell->latest)));
    CHECK(has(shown, "2 attempts"));
    CHECK(has(shown, "not played"));  // ben never played memory surfaces

    shown = h.type(app, "x");
    CHECK(!app.message_is_error);
    CHECK(has(app.message, h.data.string()));
    const std::string path = app.message.substr(app.message.find(h.data.string()));
    std::ifstream in(path);
    std::string header;
    std::getline(in, header);
    CHECK(header.rfind("trainee,scenario,attempts", 0) == 0);
}

TEST_CASE("review: where each session came from (here or the LRS); P pulls, and says how to point it at an LRS") {
    Headless h;
    play_in_window(h, "ana", minimal, {"1"});
    {
        // A session as holdspace pull stores it (the pull itself runs against a real LRS in tests/sync).
        records::Store store(app::store_path(h.data.string()));
        records::Store::Imported in;
        in.trainee = "ben";
        in.scenario_path = minimal;
        in.scenario_id = "test.minimal";
        in.digest = "d";
        in.seed = 1;
        in.events = Json::array();
        in.rubric = "patient_directed";
        in.overall = 50;
        in.source = "lrs:0000";
        in.pulled_from = "https://lrs.example.org/xAPI";
        in.pulled_at = "2026-12-03T08:00:00Z";
        in.statement_id = "0000";
        REQUIRE(store.import_session(in));
    }
    unsetenv("HOLDSPACE_LRS");
    App app = h.make_app();
    std::string shown = h.press(app, key_f4);
    REQUIRE(app.review_list.rows.size() == 2);
    CHECK(has(shown, "[P] Pull from the LRS"));
    CHECK(has(shown, "From"));
    CHECK(has(shown, "LRS"));
    CHECK(has(shown, "here"));
    shown = h.type(app, "p");
    CHECK(has(shown, "To pull, set HOLDSPACE_LRS"));
    CHECK(app.message_is_error);
}
