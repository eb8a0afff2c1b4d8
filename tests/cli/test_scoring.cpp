// Scoring as a trainee meets it: honest scores on the shipped scenarios' golden
// paths, a debrief that teaches, and the same result when a record is re-scored.
#include "process.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;
using test::contains;

namespace {

struct Path {
    std::string scenario, actions;
};

const std::vector<std::pair<Path, Path>> shipped = {
    {{"scenarios/preparation/informed_consent.lua", "tests/golden/informed_consent.expert.actions"},
     {"scenarios/preparation/informed_consent.lua", "tests/golden/informed_consent.poor.actions"}},
    {{"scenarios/medicine/memory_surfaces.lua", "tests/golden/memory_surfaces.expert.actions"},
     {"scenarios/medicine/memory_surfaces.lua", "tests/golden/memory_surfaces.poor.actions"}},
    {{"scenarios/integration/making_meaning.lua", "tests/golden/making_meaning.expert.actions"},
     {"scenarios/integration/making_meaning.lua", "tests/golden/making_meaning.poor.actions"}},
};

json scores(const Path& p) {
    const auto r = test::holdspace({"play", p.scenario, "--seed", "1", "--actions", p.actions, "--json", "--rubric",
                                    "patient_directed", "--rubric", "structured_protocol"});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out)["scores"];
}

}  // namespace

TEST_CASE("expert paths score 90 or more with no critical error; poor paths under 50 with their critical errors named") {
    for (const auto& [expert, poor] : shipped) {
        CAPTURE(expert.scenario);
        const json e = scores(expert)[0];
        const json p = scores(poor)[0];
        CHECK(e["rubric"] == "patient_directed");
        CHECK(e["overall"].get<double>() >= 90);
        CHECK(e["critical"].empty());
        CHECK(e["pass"] == true);
        CHECK(p["overall"].get<double>() < 50);
        CHECK(p["pass"] == false);
        REQUIRE_FALSE(p["critical"].empty());
        CHECK_FALSE(p["critical"][0]["message"].get<std::string>().empty());
    }
}

TEST_CASE("the same path under the other rubric moves the domains the two models disagree on") {
    for (const auto& [expert, poor] : shipped) {
        CAPTURE(expert.scenario);
        const json e = scores(expert);
        const json p = scores(poor);
        // Patient-directed: the expert follows far better than the poor path.
        CHECK(e[0]["domains"]["following"].get<double>() - p[0]["domains"]["following"].get<double>() > 50);
        // Structured protocol: the expert's adherence to structure is no better than the poor path's.
        CHECK(e[1]["domains"]["structure"].get<double>() <= p[1]["domains"]["structure"].get<double>());
        // Under the structured protocol the expert path does not pass as it does under its own model.
        CHECK(e[1]["overall"].get<double>() < e[0]["overall"].get<double>() - 20);
    }
}

TEST_CASE("the terminal debrief puts critical errors first, then every moment with the expert alternative") {
    const auto r = test::holdspace({"play", "scenarios/medicine/memory_surfaces.lua", "--seed", "1", "--actions",
                                    "tests/golden/memory_surfaces.poor.actions"});
    REQUIRE(r.exit_code == 0);
    const auto debrief = r.out.find("== Debrief: ");
    REQUIRE(debrief != std::string::npos);
    const auto critical = r.out.find("CRITICAL ERRORS", debrief);
    const auto domains = r.out.find("Domains", debrief);
    const auto moments = r.out.find("Moment by moment", debrief);
    REQUIRE(critical != std::string::npos);
    CHECK(critical < domains);
    CHECK(domains < moments);
    CHECK(contains(r.out, "NOT PASSED"));
    CHECK(contains(r.out.substr(moments), "An expert: "));
    CHECK(contains(r.out.substr(moments), "Why: "));
    CHECK(contains(r.out, "MITI-style counts"));
    CHECK(contains(r.out, "FIS-style ratings"));
}

TEST_CASE("re-scoring a recorded session gives the live score") {
    const auto record = (test::scratch_dir() / "scored.jsonl").string();
    const auto live = test::holdspace({"play", "scenarios/integration/making_meaning.lua", "--actions",
                                       "tests/golden/making_meaning.poor.actions", "--json", "--record", record});
    REQUIRE(live.exit_code == 0);
    const auto again = test::holdspace({"replay", record, "--rubric", "patient_directed", "--json"});
    REQUIRE(again.exit_code == 0);
    CHECK(json::parse(again.out)["score"] == json::parse(live.out)["score"]);
    const auto other = test::holdspace({"replay", record, "--rubric", "structured_protocol", "--json"});
    CHECK(json::parse(other.out)["score"]["rubric"] == "structured_protocol");
}

TEST_CASE("a broken or unknown rubric stops play before the session starts") {
    const auto broken = test::scratch_dir() / "rubrics";
    fs::create_directories(broken);
    std::string text = test::slurp(fs::path(HOLDSPACE_SOURCE_DIR) / "scenarios/rubrics/patient_directed.lua");
    const auto at = text.find("holding_space");
    REQUIRE(at != std::string::npos);
    text.replace(at, 13, "holding_spac");
    const auto path = broken / "patient_directed.lua";
    std::ofstream(path) << text;
    auto r = test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--rubric", path.string()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, path.string() + ":"));
    CHECK(contains(r.err, "unknown behaviour code 'holding_spac'"));
    CHECK_FALSE(contains(r.out, "Sam"));  // the session never started

    r = test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--rubric", "no_such_rubric"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "no rubric 'no_such_rubric'"));
}
