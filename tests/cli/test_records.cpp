// The record store through the real binary: play records, sessions lists, report exports.
#include "process.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using nlohmann::json;
using test::contains;

namespace {
std::string data_dir(const std::string& name) {
    const auto dir = test::scratch_dir() / name;
    std::filesystem::remove_all(dir);
    return dir.string();
}
}  // namespace

TEST_CASE("play --trainee records the session; sessions lists and shows it; report exports it") {
    const std::string data = data_dir("store");
    auto r = test::holdspace({"play", "scenarios/integration/making_meaning.lua", "--actions",
                              "tests/golden/making_meaning.poor.actions", "--trainee", "t-017", "--data", data});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.err, "recorded as session 1"));
    r = test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--trainee", "t-002", "--data", data}, "");  // Ctrl-D at once
    REQUIRE(r.exit_code == 0);

    r = test::holdspace({"sessions", "--data", data, "--json"});
    REQUIRE(r.exit_code == 0);
    const json list = json::parse(r.out);
    REQUIRE(list.size() == 2);
    CHECK(list[0]["trainee"] == "t-017");
    CHECK(list[0]["status"] == "finished");
    CHECK(list[0]["overall"].get<double>() < 50);
    r = test::holdspace({"sessions", "--data", data, "--trainee", "t-002", "--json"});
    CHECK(json::parse(r.out).size() == 1);

    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    REQUIRE(r.exit_code == 0);
    const json shown = json::parse(r.out);
    CHECK(shown["actions"][0] == "op_agenda");
    CHECK(shown["actions"].size() == 7);

    r = test::holdspace({"report", "1", "--data", data});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(r.out, "Critical errors"));
    CHECK(contains(r.out, "<svg"));

    r = test::holdspace({"report", "1", "--data", data, "--format", "csv", "--pseudonymise", "salt"});
    REQUIRE(r.exit_code == 0);
    CHECK_FALSE(contains(r.out, "t-017"));
    CHECK(contains(r.out, ",op_agenda,simple_reflection;premature_reassurance;agenda_setting;closed_question,poor,"));

    r = test::holdspace({"report", "1", "--data", data, "--format", "xapi"});
    REQUIRE(r.exit_code == 0);
    const json statements = json::parse(r.out);
    CHECK(statements.front()["verb"]["id"] == "http://adlnet.gov/expapi/verbs/launched");
    CHECK(statements.back()["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed");

    r = test::holdspace({"report", "9", "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "no session 9"));
}

TEST_CASE("a foreign file where the store should be is refused and left as it was") {
    const std::string data = data_dir("foreign");
    std::filesystem::create_directories(data);
    std::ofstream(data + "/holdspace.db") << "my notes\n";
    const auto r = test::holdspace({"sessions", "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "not a Holdspace record store"));
    CHECK(test::slurp(data + "/holdspace.db") == "my notes\n");
    const auto p = test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--trainee", "x", "--data", data});
    CHECK(p.exit_code == 2);
}

TEST_CASE("an unfinished session resumes exactly where it stopped, or is closed") {
    const std::string data = data_dir("resume");
    const auto partial = (test::scratch_dir() / "partial.actions").string();
    std::ofstream(partial) << "on_reflect\nms_follow\n";
    auto r = test::holdspace({"play", "scenarios/medicine/memory_surfaces.lua", "--seed", "3", "--actions", partial,
                              "--trainee", "t-9", "--data", data, "--json"});
    REQUIRE(r.exit_code == 0);
    const json first = json::parse(r.out);
    CHECK(first["finished"] == false);
    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    CHECK(json::parse(r.out)["status"] == "open");

    // Resume: the two recorded actions are replayed, then the trainee goes on (here: ends).
    r = test::holdspace({"resume", "1", "--data", data}, "q\ny\n");  // q asks first
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "You're small, in the hallway"));  // the replayed part is shown again
    CHECK(contains(r.out, "== You ended the session =="));
    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    const json shown = json::parse(r.out);
    CHECK(shown["status"] == "finished");
    CHECK(shown["actions"] == json::array({"on_reflect", "ms_follow", "end"}));

    // The replayed transcript is exactly the one the first run produced.
    r = test::holdspace({"report", "1", "--data", data, "--format", "json"});
    const json events = json::parse(r.out)["events"];
    for (std::size_t i = 0; i < first["events"].size(); ++i) CHECK(events[i] == first["events"][i]);

    // Close: a second unfinished session is closed and keeps its actions.
    r = test::holdspace({"play", "scenarios/medicine/memory_surfaces.lua", "--actions", partial, "--trainee", "t-9",
                         "--data", data});
    REQUIRE(r.exit_code == 0);
    r = test::holdspace({"sessions", "close", "2", "--data", data});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "closed session 2 (2 actions kept)"));
    r = test::holdspace({"resume", "2", "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "only open sessions resume"));
}

TEST_CASE("a supervisor notes and overrides moments from the command line; reports show both beside the automatic score") {
    const std::string data = data_dir("supervise");
    auto r = test::holdspace({"play", "scenarios/medicine/memory_surfaces.lua", "--actions",
                              "tests/golden/memory_surfaces.poor.actions", "--trainee", "t-5", "--data", data});
    REQUIRE(r.exit_code == 0);
    r = test::holdspace({"sessions", "note", "1", "--moment", "2", "--text", "What did you hear before you asked?",
                         "--author", "Dr Rao", "--data", data});
    CHECK(r.exit_code == 0);
    r = test::holdspace({"sessions", "override", "1", "--moment", "2", "--score", "70", "--reason",
                         "Warmer than its codes", "--author", "Dr Rao", "--data", data});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "supervisor's score 70, automatic 0 (kept)"));
    // Mistakes are one line and exit 2: no such moment, no reason, a score out of range.
    CHECK(test::holdspace({"sessions", "override", "1", "--moment", "99", "--score", "5", "--reason", "x", "--data", data}).exit_code == 2);
    CHECK(test::holdspace({"sessions", "override", "1", "--moment", "1", "--score", "5", "--reason", " ", "--data", data}).exit_code == 2);
    CHECK(test::holdspace({"sessions", "override", "1", "--moment", "1", "--score", "500", "--reason", "x", "--data", data}).exit_code == 2);

    r = test::holdspace({"sessions", "show", "1", "--data", data});
    CHECK(contains(r.out, "moment 2 at 76 min, memory_surfaces (moment): ms_probe, poor 0; supervisor 70 (Dr Rao: Warmer than its codes)"));
    CHECK(contains(r.out, "  note (Dr Rao): What did you hear before you asked?"));
    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    const json shown = json::parse(r.out);
    CHECK(shown["moments"][1]["override"]["score"] == 70);
    CHECK(shown["moments"][1]["automatic"].get<double>() == doctest::Approx(0.0));  // leading: proscribed, never "acceptable"
    CHECK(shown["overall"].get<double>() == doctest::Approx(2.1));  // the automatic score is untouched

    r = test::holdspace({"report", "1", "--data", data, "--format", "html"});
    CHECK(contains(r.out, "Supervisor's score 70 / 100 (automatic 0) — Dr Rao: Warmer than its codes"));
    CHECK(contains(r.out, "Dr Rao: What did you hear before you asked?"));
    r = test::holdspace({"report", "1", "--data", data, "--format", "csv"});
    CHECK(contains(r.out, ",70,Warmer than its codes\n"));
}
