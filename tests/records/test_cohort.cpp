// The cohort: trainees against scenarios from the store's sessions - latest score, attempts, trend.
#include "records/cohort.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <sstream>

using namespace holdspace;
using namespace holdspace::records;
namespace fs = std::filesystem;

namespace {

std::int64_t next_id = 1;

CohortSession session(const std::string& trainee, const std::string& scenario, std::optional<double> overall,
                      std::optional<bool> pass = std::nullopt, const std::string& status = "finished") {
    SessionRow r;
    r.id = next_id++;
    r.trainee = trainee;
    r.scenario_id = scenario;
    r.status = status;
    r.overall = overall;
    r.started_at = "2025-01-0" + std::to_string(r.id % 9 + 1) + "T10:00:00Z";
    return {r, pass};
}

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

}  // namespace

TEST_CASE("a cell holds the latest score, every attempt, and the trend between the last two") {
    const auto c = build_cohort({session("ana", "medicine.a", 52.0, false), session("ana", "medicine.a", 71.5, true),
                                 session("ana", "medicine.a", std::nullopt, std::nullopt, "open"),
                                 session("ana", "medicine.a", 80.25, true)});
    REQUIRE(c.cells.size() == 1);
    const auto& cell = c.cells.front();
    CHECK(cell.attempts == 4);
    CHECK(cell.finished == 3);
    CHECK(cell.scores == std::vector<double>{52.0, 71.5, 80.25});
    REQUIRE(cell.latest);
    CHECK(*cell.latest == doctest::Approx(80.25));
    CHECK(cell.latest_pass == std::optional<bool>(true));
    CHECK(cell.trend() == "up");
}

TEST_CASE("attempts are ordered by when they were started, whatever order the rows come in") {
    auto first = session("ben", "prep.b", 90.0, true);
    auto second = session("ben", "prep.b", 40.0, false);
    const auto c = build_cohort({second, first});
    REQUIRE(c.cells.size() == 1);
    CHECK(c.cells.front().scores == std::vector<double>{90.0, 40.0});
    CHECK(c.cells.front().trend() == "down");
    CHECK(c.cells.front().latest_pass == std::optional<bool>(false));
    CHECK(c.cells.front().latest_session == second.row.id);
}

TEST_CASE("trend: none with one scored attempt, flat within a point, unfinished attempts count but do not score") {
    auto c = build_cohort({session("a", "s", 60.0, true)});
    CHECK(c.cells.front().trend().empty());
    c = build_cohort({session("a", "s", 60.0, true), session("a", "s", 60.6, true)});
    CHECK(c.cells.front().trend() == "flat");
    c = build_cohort({session("a", "s", std::nullopt, std::nullopt, "closed"), session("a", "s", std::nullopt, std::nullopt, "open")});
    CHECK(c.cells.front().attempts == 2);
    CHECK(c.cells.front().finished == 0);
    CHECK(!c.cells.front().latest);
    CHECK(c.cells.front().trend().empty());
}

TEST_CASE("the grid: trainees and scenarios sorted, a cell only where a trainee played a scenario") {
    const auto c = build_cohort({session("zoe", "prep.x", 70.0, true), session("ana", "medicine.y", 30.0, false),
                                 session("ana", "prep.x", 65.0, true)});
    CHECK(c.trainees == std::vector<std::string>{"ana", "zoe"});
    CHECK(c.scenarios == std::vector<std::string>{"medicine.y", "prep.x"});
    CHECK(c.cells.size() == 3);
    CHECK(c.cell("zoe", "medicine.y") == nullptr);
    REQUIRE(c.cell("ana", "medicine.y"));
    CHECK(c.cell("ana", "medicine.y")->latest_pass == std::optional<bool>(false));
    CHECK(build_cohort({}).cells.empty());
}

TEST_CASE("CSV: a header and one row per cell, quoted where needed, scores oldest first") {
    const auto c = build_cohort({session("Smith, Jo", "prep.x", 50.0, false), session("Smith, Jo", "prep.x", 75.0, true)});
    const auto rows = lines(cohort_csv(c));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == "trainee,scenario,attempts,finished,latest,pass,trend,best,scores,latest_at");
    CHECK(rows[1].rfind("\"Smith, Jo\",prep.x,2,2,75.0,1,up,75.0,50.0;75.0,", 0) == 0);
}

TEST_CASE("JSON carries the same cells") {
    const auto c = build_cohort({session("ana", "prep.x", 50.0, false)});
    const Json j = cohort_json(c);
    REQUIRE(j["cells"].size() == 1);
    CHECK(j["cells"][0]["latest"].get<double>() == doctest::Approx(50.0));
    CHECK(j["cells"][0]["pass"] == false);
    CHECK(j["cells"][0]["trend"] == "");
    CHECK(j["trainees"] == Json::array({"ana"}));
}

TEST_CASE("a cohort from a real store: its sessions, as they were recorded") {
    const fs::path dir = fs::temp_directory_path() / ("holdspace-cohort-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    {
        Store store((dir / "holdspace.db").string());
        const auto a = store.start_session("ana", "/s/x.lua", "prep.x", "d", 1);
        store.add_action(a, "1");
        store.finish_session(a, Json::array(), "patient_directed", 64.0, Json::object());
        store.start_session("ana", "/s/x.lua", "prep.x", "d", 2);  // still open
        std::vector<CohortSession> sessions;
        for (const auto& r : store.sessions()) sessions.push_back({r, r.overall ? std::optional<bool>(true) : std::nullopt});
        const auto c = build_cohort(sessions);
        REQUIRE(c.cell("ana", "prep.x"));
        CHECK(c.cell("ana", "prep.x")->attempts == 2);
        CHECK(c.cell("ana", "prep.x")->scores == std::vector<double>{64.0});
        CHECK(c.cell("ana", "prep.x")->latest_session == a);
    }
    fs::remove_all(dir);
}
