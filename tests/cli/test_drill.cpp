// Drill mode: the shipped catalogue (every drill reaches its moment), catalogue checks with
// file:line errors, and `holdspace drill` through the real binary: feedback, retry, the record
// store, spaced repetition across days, progress and bad input.
#include "process.hpp"

#include "cli/drill.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "drill/schedule.hpp"
#include "records/store.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;
using test::contains;
using namespace holdspace;

namespace {

const std::string source_dir = HOLDSPACE_SOURCE_DIR;
const std::string catalogue = source_dir + "/scenarios/drills/catalogue.lua";

std::string fresh_dir(const std::string& name) {
    const auto dir = test::scratch_dir() / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

std::string write(const std::string& path, const std::string& text) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream(path) << text;
    return path;
}

}  // namespace

namespace {
// Sets TZ for the programs a test runs, and restores it.
struct ScopedTimeZone {
    std::optional<std::string> before;
    explicit ScopedTimeZone(const char* tz) {
        if (const char* old = std::getenv("TZ")) before = old;
        setenv("TZ", tz, 1);
    }
    ~ScopedTimeZone() {
        if (before) setenv("TZ", before->c_str(), 1);
        else unsetenv("TZ");
    }
};
}  // namespace

TEST_CASE("the shipped catalogue: at least 40 graded drills, each replayed to its moment with a lead-in") {
    const auto file = script::load_drill_catalogue(catalogue);
    CHECK(file.problems.empty());
    CHECK(app::check_catalogue(file).empty());
    REQUIRE(file.drills.size() >= 40);

    std::map<drill::Level, int> levels;
    std::set<std::string> scenarios;
    for (const auto& d : file.drills) {
        ++levels[d.level];
        scenarios.insert(d.scenario);
        CAPTURE(d.id);
        app::DrillRun run(d, app::drill_scenario_path(catalogue, d), d.seed);
        REQUIRE_MESSAGE(run.ok(), run.error());
        REQUIRE(run.choice());
        CHECK(run.choice()->moment == d.moment);
        CHECK_FALSE(run.lead_in().empty());
        CHECK_FALSE(run.situation().empty());
        CHECK_FALSE(run.domain_title().empty());
        // The expert's answer is judged expert, and the moment's feedback names its principle.
        std::string error;
        const Option* expert = nullptr;
        for (const auto& o : run.choice()->options)
            if (o.expert) expert = &o;
        REQUIRE(expert);
        REQUIRE(run.respond(TraineeAction::choose(expert->id), error));
        REQUIRE(run.answered());
        REQUIRE(run.result());
        CHECK(run.result()->moment == d.moment);
        CHECK(run.result()->judgement == "expert");
        CHECK_FALSE(run.result()->principles.empty());
    }
    // Every level is well stocked, and the drills come from every scenario of the curriculum.
    CHECK(levels[drill::Level::beginner] >= 10);
    CHECK(levels[drill::Level::intermediate] >= 10);
    CHECK(levels[drill::Level::advanced] >= 10);
    CHECK(scenarios.size() >= 12);
}

TEST_CASE("a drill replays the same way every time: same seed, same lead-in; a poor answer shows the expert's") {
    const auto file = script::load_drill_catalogue(catalogue);
    const drill::Drill* d = nullptr;
    for (const auto& x : file.drills)
        if (x.moment == "onset_anxiety") d = &x;
    REQUIRE(d);
    const std::string path = app::drill_scenario_path(catalogue, *d);
    app::DrillRun a(*d, path, d->seed), b(*d, path, d->seed);
    REQUIRE(a.ok());
    CHECK(a.lead_in(20) == b.lead_in(20));
    CHECK(a.situation() == b.situation());

    // The first option that is not the expert's.
    const Option* other = nullptr;
    for (const auto& o : a.choice()->options)
        if (!o.expert && !other) other = &o;
    REQUIRE(other);
    const std::string other_id = other->id;  // answering replaces the choice, and `other` with it
    std::string error;
    REQUIRE(a.respond(TraineeAction::choose(other_id), error));
    REQUIRE(a.result());
    CHECK(a.result()->judgement != "expert");
    CHECK_FALSE(a.result()->expert_text.empty());
    CHECK(a.score() < 100);
    CHECK_FALSE(a.aftermath().empty());
    // Answered: no second answer, and ending the session is never part of a drill.
    CHECK_FALSE(a.respond(TraineeAction::choose(other_id), error));
    CHECK_FALSE(b.respond(TraineeAction::act(ActionKind::end), error));
    CHECK(contains(error, "drill"));
}

TEST_CASE("holdspace check reports catalogue problems as file:line: error and exits 1") {
    const std::string root = fresh_dir("bad-catalogue");
    // The catalogue finds scenarios in the folder above its own: the shipped ones, linked in.
    fs::create_directory_symlink(source_dir + "/scenarios/medicine", root + "/medicine");
    fs::create_directory_symlink(source_dir + "/scenarios/rubrics", root + "/rubrics");
    fs::create_directory_symlink(source_dir + "/scenarios/lib", root + "/lib");
    const std::string file = write(root + "/drills/catalogue.lua",
                                   "-- line 1\n"
                                   "drill { id = \"ok\", title = \"T\", scenario = \"medicine/memory_surfaces\",\n"
                                   "  moment = \"onset_anxiety\", level = \"beginner\", domain = \"presence\", focus = \"F\" }\n"
                                   "drill { id = \"ok\", title = \"T\", scenario = \"medicine/memory_surfaces\",\n"
                                   "  moment = \"nonlinear\", level = \"advanced\", domain = \"following\", focus = \"F\" }\n"
                                   "drill { id = \"no-scenario\", title = \"T\", scenario = \"medicine/nowhere\",\n"
                                   "  moment = \"x\", level = \"beginner\", domain = \"presence\", focus = \"F\" }\n"
                                   "drill { id = \"no-moment\", title = \"T\", scenario = \"medicine/memory_surfaces\",\n"
                                   "  moment = \"no_such_moment\", level = \"beginner\", domain = \"presence\", focus = \"F\" }\n"
                                   "drill { id = \"bad-level\", title = \"T\", scenario = \"medicine/memory_surfaces\",\n"
                                   "  moment = \"vitals\", level = \"expert\", domain = \"safety\", focus = \"F\" }\n"
                                   "drill { id = \"bad-domain\", title = \"T\", scenario = \"medicine/memory_surfaces\",\n"
                                   "  moment = \"vitals\", level = \"advanced\", domain = \"cognitive\", focus = \"F\" }\n"
                                   "drill { id = \"missing\", scenario = \"medicine/memory_surfaces\" }\n");
    const auto r = test::holdspace({"check", file});
    CHECK(r.exit_code == 1);
    CAPTURE(r.out);
    CHECK(contains(r.out, file + ":4: error: drill id 'ok' is already used at line 2"));
    CHECK(contains(r.out, file + ":6: error: drill 'no-scenario': unknown scenario 'medicine/nowhere'"));
    CHECK(contains(r.out, file + ":8: error: drill 'no-moment': scenario medicine/memory_surfaces has no moment "
                                 "'no_such_moment'"));
    CHECK(contains(r.out, "onset_anxiety, memory_surfaces"));  // the moments the path passed
    CHECK(contains(r.out, file + ":10: error: drill level 'expert' is not beginner, intermediate or advanced"));
    CHECK(contains(r.out, file + ":12: error: drill 'bad-domain': domain 'cognitive' is not a domain of rubric"));
    CHECK(contains(r.out, file + ":14: error: drill 'missing' has no title"));
    CHECK(contains(r.out, "problems"));

    // A catalogue that does not parse names its line too; `drill` refuses it with one line.
    const std::string broken = write(fresh_dir("broken-catalogue") + "/drills/catalogue.lua", "drill {\n  id = \n");
    const auto b = test::holdspace({"check", broken});
    CAPTURE(b.out);
    CAPTURE(b.err);
    CHECK(b.exit_code == 1);
    CHECK(contains(b.out, broken + ":"));
    const auto d = test::holdspace({"drill", "--catalogue", file});
    CHECK(d.exit_code == 2);
    CHECK(test::count_lines(d.err) == 1);
    CHECK(contains(d.err, file + ":4: drill id 'ok' is already used"));
}

TEST_CASE("holdspace check passes the shipped catalogue") {
    const auto r = test::holdspace({"check", "scenarios/drills/catalogue.lua"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "ok (drill catalogue"));
}

TEST_CASE("holdspace drill: feedback after the answer, the same moment again, every answer in the store") {
    const std::string data = fresh_dir("drill-store");
    // Answers by option id: the numbers follow the order the seed shows (tests/sim, "options are shown...").
    const std::string answers = write(data + "/answers", "on_promise\nr\non_reflect\nn\n");
    auto r = test::holdspace({"drill", "--id", "onset-anxiety", "--trainee", "t-9", "--data", data, "--actions", answers,
                              "--now", "2025-03-10T09:00:00Z"});
    CAPTURE(r.out);
    CAPTURE(r.err);
    REQUIRE(r.exit_code == 0);
    // The lead-in: the clock, the participant's state and the last lines before the choice.
    CHECK(contains(r.out, "== Drill 1/1: "));
    CHECK(contains(r.out, "into the session"));
    CHECK(contains(r.out, "window of tolerance"));
    CHECK(contains(r.out, "  1) "));
    // A non-expert answer: the judgement, why, and what an expert would have said.
    const auto first = r.out.find("Judgement: ");
    REQUIRE(first != std::string::npos);
    CHECK(r.out.compare(first, 17, "Judgement: expert") != 0);
    CHECK(contains(r.out, "An expert: "));
    CHECK(contains(r.out, "Why: "));
    CHECK(contains(r.out, "[r] try this moment again"));
    // Tried again: the same lead-in, and the expert's answer.
    const auto second = r.out.find("Judgement: ", first + 1);
    REQUIRE(second != std::string::npos);
    CHECK(r.out.compare(second, 17, "Judgement: expert") == 0);
    CHECK(contains(r.out, "2 answers"));

    // Both attempts are in the store; only the first of the day moves the schedule: box 1.
    records::Store store{app::store_path(data)};
    const auto attempts = store.drill_attempts("t-9");
    REQUIRE(attempts.size() == 2);
    CHECK(attempts[0].drill == "onset-anxiety");
    CHECK(attempts[0].domain == "presence");
    CHECK(attempts[0].answered_at == "2025-03-10T09:00:00Z");
    CHECK(attempts[1].judgement == "expert");
    CHECK(drill::drill_status(app::attempts_from_store(store, "t-9")).at("onset-anxiety").box == 1);
}

TEST_CASE("holdspace drill: what went poorly comes back first the next day; progress per domain by week") {
    const ScopedTimeZone tz("UTC0");  // the times below are days and weeks in UTC
    const std::string data = fresh_dir("drill-days");
    const std::string poor = write(data + "/poor", "op_reassure\nn\n");
    auto r = test::holdspace({"drill", "--id", "low-mood", "--trainee", "t-3", "--data", data, "--actions", poor, "--now",
                              "2025-03-10T09:00:00Z"});
    REQUIRE(r.exit_code == 0);

    // The next day, a one-drill set holds the drill handled poorly, marked as due again.
    r = test::holdspace({"drill", "--trainee", "t-3", "--data", data, "--count", "1", "--now", "2025-03-11T09:00:00Z"}, "q\n");
    CAPTURE(r.out);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "1 drill (1 due again, 0 new)"));
    CHECK(contains(r.out, "Flat since Sunday"));

    // A new trainee's set: new drills at the beginner level, ten by default.
    r = test::holdspace({"drill", "--trainee", "t-new", "--data", data, "--now", "2025-03-11T09:00:00Z"}, "q\n");
    CHECK(contains(r.out, "10 drills (0 due again, 10 new)"));
    CHECK(contains(r.out, "(beginner, "));

    r = test::holdspace({"drill", "--trainee", "t-3", "--data", data, "--progress"});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "presence"));
    CHECK(contains(r.out, "week of 2025-03-10"));
    r = test::holdspace({"drill", "--trainee", "t-3", "--data", data, "--progress", "--json"});
    const json progress = json::parse(r.out);
    CHECK(progress["domains"]["presence"]["weeks"][0]["start"] == "2025-03-10");
    CHECK(progress["domains"]["presence"]["weeks"][0]["answers"] == 1);

    r = test::holdspace({"drill", "--list", "--trainee", "t-3", "--data", data, "--json", "--now", "2025-03-11T09:00:00Z"});
    const json list = json::parse(r.out);
    CHECK(list.size() >= 40);
    bool found = false;
    for (const auto& d : list)
        if (d["id"] == "low-mood") {
            found = true;
            CHECK(d["box"] == 1);
            CHECK(d["is_due"] == true);
        }
    CHECK(found);
}

TEST_CASE("holdspace drill: a day is the trainee's local day, not UTC's") {
    const ScopedTimeZone tz("HST10");  // ten hours behind UTC, no daylight saving
    const std::string data = fresh_dir("drill-local-day");
    const std::string poor = write(data + "/poor", "op_reassure\nn\n");
    // Answered poorly at 08:00 on 10 March, local time (18:00 UTC).
    auto r = test::holdspace({"drill", "--id", "low-mood", "--trainee", "t-hi", "--data", data, "--actions", poor, "--now",
                              "2025-03-10T18:00:00Z"});
    REQUIRE(r.exit_code == 0);
    // 23:00 the same local day is already 11 March in UTC: not due yet.
    r = test::holdspace({"drill", "--list", "--trainee", "t-hi", "--data", data, "--json", "--now", "2025-03-11T09:00:00Z"});
    REQUIRE(r.exit_code == 0);
    auto status = [&](const std::string& out) {
        for (const auto& d : json::parse(out))
            if (d["id"] == "low-mood") return d;
        return json();
    };
    CHECK(status(r.out)["is_due"] == false);
    // 00:30 on 11 March, local time: due.
    r = test::holdspace({"drill", "--list", "--trainee", "t-hi", "--data", data, "--json", "--now", "2025-03-11T10:30:00Z"});
    CHECK(status(r.out)["is_due"] == true);
    // Progress weeks are local too: Monday 10 March, local, starts the week.
    r = test::holdspace({"drill", "--trainee", "t-hi", "--data", data, "--progress", "--json"});
    CHECK(json::parse(r.out)["domains"]["presence"]["weeks"][0]["start"] == "2025-03-10");
}

TEST_CASE("holdspace drill --json is the same for the same answers") {
    const std::string answers = write(fresh_dir("drill-json") + "/answers", "1\nn\nh\nn\n");
    const std::vector<std::string> args = {"drill", "--id", "long-silence", "--id", "freeze", "--actions", answers, "--json"};
    const auto a = test::holdspace(args), b = test::holdspace(args);
    REQUIRE(a.exit_code == 0);
    CHECK(a.out == b.out);
    const json out = json::parse(a.out);
    REQUIRE(out["answers"].size() == 2);
    CHECK(out["answers"][0]["drill"] == "long-silence");
    CHECK(out["answers"][1]["moment"]["response"].get<std::string>().size() > 0);
}

TEST_CASE("holdspace drill: bad input is one line and exit 2") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"drill", "--level", "expert"},
                                                                  {"drill", "--id", "no-such-drill"},
                                                                  {"drill", "--progress"},
                                                                  {"drill", "--now", "yesterday"},
                                                                  {"drill", "--domain", "cognitive"},
                                                                  {"drill", "--actions", "/nonexistent/answers"},
                                                                  {"drill", "--catalogue", "/nonexistent.lua"}}) {
        const auto r = test::holdspace(args);
        CAPTURE(args.back());
        CHECK(r.exit_code == 2);
        CHECK(test::count_lines(r.err) == 1);
    }
    CHECK(test::holdspace({"drill", "--help"}).exit_code == 0);
}

TEST_CASE("holdspace drill: each attempt at a drill shows its options in another order, so positions cannot be learnt") {
    const std::string answers =
        write(fresh_dir("drill-order") + "/answers", "on_promise\nr\non_promise\nr\non_promise\nr\non_promise\nn\n");
    const auto r = test::holdspace({"drill", "--id", "onset-anxiety", "--actions", answers});
    REQUIRE(r.exit_code == 0);
    // Each attempt's numbered options, as shown.
    std::vector<std::vector<std::string>> shown;
    std::istringstream lines(r.out);
    bool in_list = false;
    for (std::string line; std::getline(lines, line);) {
        const bool option = line.size() > 5 && line.compare(0, 2, "  ") == 0 && std::isdigit(static_cast<unsigned char>(line[2])) &&
                            line.compare(3, 2, ") ") == 0;
        // A long option is wrapped to the terminal's width, its continuation under its text.
        if (in_list && !option && line.compare(0, 5, "     ") == 0 && line.size() > 5) {
            shown.back().back() += " " + line.substr(5);
            continue;
        }
        if (option && !in_list) shown.emplace_back();
        if (option) shown.back().push_back(line.substr(5));
        in_list = option;
    }
    REQUIRE(shown.size() == 4);
    std::set<std::vector<std::string>> orders(shown.begin(), shown.end());
    CHECK(orders.size() > 1);
    for (auto order : shown) {  // the same options every time
        std::sort(order.begin(), order.end());
        auto first = shown.front();
        std::sort(first.begin(), first.end());
        CHECK(order == first);
    }
}
