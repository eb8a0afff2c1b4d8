// `holdspace cohort` through the real binary: sessions recorded by play --trainee, gathered
// into trainees x scenarios with latest scores, attempts and trends, as text, JSON and CSV.
#include "process.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using nlohmann::json;
using test::contains;

namespace {

const std::string memory = "scenarios/medicine/memory_surfaces.lua";
const std::string meaning = "scenarios/integration/making_meaning.lua";

std::string fresh_data(const std::string& name) {
    const auto dir = test::scratch_dir() / name;
    std::filesystem::remove_all(dir);
    return dir.string();
}

// Plays `actions` as `trainee` into the store at `data`; returns what `play --json` scored.
json play(const std::string& data, const std::string& trainee, const std::string& scenario, const std::string& actions) {
    auto r = test::holdspace({"play", scenario, "--actions", actions, "--trainee", trainee, "--data", data, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out)["score"];
}

const json* find_cell(const json& cohort, const std::string& trainee, const std::string& scenario) {
    for (const auto& c : cohort["cells"])
        if (c["trainee"] == trainee && c["scenario"] == scenario) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("cohort: each trainee and scenario with the latest score, its pass, the attempts and the trend") {
    const std::string data = fresh_data("cohort");
    const json poor = play(data, "ana", memory, "tests/golden/memory_surfaces.poor.actions");
    const json expert = play(data, "ana", memory, "tests/golden/memory_surfaces.expert.actions");
    const json ben = play(data, "ben", meaning, "tests/golden/making_meaning.poor.actions");
    // An unfinished attempt: the actions run out before the session ends.
    const auto one = test::scratch_dir() / "one.actions";
    std::ofstream(one) << "hold_space\n";
    REQUIRE(test::holdspace({"play", meaning, "--actions", one.string(), "--trainee", "ben", "--data", data}).exit_code == 0);

    auto r = test::holdspace({"cohort", "--data", data, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const json cohort = json::parse(r.out);
    CHECK(cohort["trainees"] == json::array({"ana", "ben"}));
    const json* ana = find_cell(cohort, "ana", "medicine.memory_surfaces");
    REQUIRE(ana);
    CHECK((*ana)["attempts"] == 2);
    CHECK((*ana)["scores"] == json::array({poor["overall"], expert["overall"]}));
    CHECK((*ana)["latest"] == expert["overall"]);
    CHECK((*ana)["pass"] == expert["pass"]);  // re-scored from the store: the same verdict as when played
    CHECK((*ana)["trend"] == (expert["overall"].get<double>() > poor["overall"].get<double>() + 1 ? "up" : "down"));
    const json* b = find_cell(cohort, "ben", "integration.making_meaning");
    REQUIRE(b);
    CHECK((*b)["attempts"] == 2);
    CHECK((*b)["finished"] == 1);
    CHECK((*b)["pass"] == ben["pass"]);
    CHECK(find_cell(cohort, "ben", "medicine.memory_surfaces") == nullptr);

    // The table a supervisor reads.
    r = test::holdspace({"cohort", "--data", data});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "medicine.memory_surfaces"));
    CHECK(contains(r.out, "2 trainees, 2 scenarios"));

    // CSV to a file, for research; the message says where it went.
    const auto csv = test::scratch_dir() / "cohort.csv";
    r = test::holdspace({"cohort", "--data", data, "--csv", "-o", csv.string()});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.empty());
    CHECK(contains(r.err, csv.string()));
    const std::string text = test::slurp(csv);
    CHECK(text.rfind("trainee,scenario,attempts,finished,latest,pass,trend,best,scores,latest_at\r\n", 0) == 0);
    CHECK(contains(text, "\r\nana,medicine.memory_surfaces,2,2,"));
    CHECK(contains(text, "\r\nben,integration.making_meaning,2,1,"));
}

TEST_CASE("cohort: no store, bad flags and a foreign file each say so") {
    const std::string data = fresh_data("cohort-empty");
    auto r = test::holdspace({"cohort", "--data", data, "--json"});
    CHECK(r.exit_code == 2);  // a typo in --data is not an empty cohort
    CHECK(contains(r.err, "there is no record store in " + data));
    CHECK_FALSE(std::filesystem::exists(data));

    r = test::holdspace({"cohort", "--data", data, "--csv", "--json"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "holdspace cohort"));

    r = test::holdspace({"cohort", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "--csv"));

    const std::string foreign = fresh_data("cohort-foreign");
    std::filesystem::create_directories(foreign);
    std::ofstream(std::filesystem::path(foreign) / "holdspace.db") << "not a database, someone's notes\n";
    r = test::holdspace({"cohort", "--data", foreign});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "not a Holdspace record store"));
    CHECK(test::slurp(std::filesystem::path(foreign) / "holdspace.db") == "not a database, someone's notes\n");

    REQUIRE(test::holdspace({"play", "scenarios/integration/making_meaning.lua", "--actions",
                             "tests/golden/making_meaning.poor.actions", "--trainee", "x", "--data", data})
                .exit_code == 0);
    r = test::holdspace({"cohort", "--data", data, "-o", "/nonexistent-dir/cohort.csv"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "cannot write"));
}
