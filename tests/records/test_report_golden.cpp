// Reports of recorded sessions compared with reviewed golden files (tests/golden/reports/):
// what a trainee is handed, a researcher imports and a record store receives does not change
// unnoticed. After an intended change: HOLDSPACE_UPDATE_GOLDEN=1 (tools/update-golden does it).
#include "records/report.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace holdspace;

namespace {

const std::string golden_dir = std::string(HOLDSPACE_SOURCE_DIR) + "/tests/golden/";

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A recorded session as the store gives it: a golden transcript with its score, fixed
// record metadata, a supervisor's note on one moment and an override of another.
records::ReportInput recorded(const std::string& name, std::int64_t session) {
    const Json played = Json::parse(slurp(golden_dir + name + ".json"));
    records::ReportInput in;
    in.session = session;
    in.trainee = "trainee-07";
    in.scenario_id = played.at("scenario").get<std::string>();
    in.scenario_title = played.at("title").get<std::string>();
    in.started_at = "2026-11-20T09:30:00Z";
    in.seed = played.at("seed").get<std::uint64_t>();
    in.rubric = played.at("score").at("rubric").get<std::string>();
    in.events = played.at("events");
    in.score = played.at("score");
    // What another machine rebuilds the session from (docs/supervision.md).
    in.digest = "sha256:0123456789abcdef";
    in.program = "0.0-test";
    std::ifstream actions(std::string(HOLDSPACE_SOURCE_DIR) + "/tests/golden/" + name + ".actions");
    for (std::string line; std::getline(actions, line);)
        if (!line.empty() && line[0] != '#') in.actions.push_back(line);
    const auto& moments = in.score.at("moments");
    REQUIRE(moments.size() >= 2);
    in.annotations.push_back({moments[0].at("event").get<int>(), "Dr Okafor", "Notice the pace here: what did you hear?"});
    in.overrides.push_back({moments[1].at("event").get<int>(), 55, "Dr Okafor", "First draft, revised below."});
    in.overrides.push_back({moments[1].at("event").get<int>(), 70, "Dr Okafor",
                            "The wording was warmer than the option's codes suggest."});
    return in;
}

void compare(const std::string& file, const std::string& actual) {
    const std::string path = golden_dir + "reports/" + file;
    if (const char* update = std::getenv("HOLDSPACE_UPDATE_GOLDEN"); update && *update) {
        std::ofstream(path, std::ios::binary) << actual;
        MESSAGE("updated " << path);
        return;
    }
    const std::string expected = slurp(path);
    REQUIRE_MESSAGE(!expected.empty(), path << " is missing; run tools/update-golden and review it");
    if (expected == actual) return;
    // Name the first line that differs rather than dumping two whole reports.
    std::istringstream a(expected), b(actual);
    std::string la, lb;
    int line = 1;
    while (std::getline(a, la) && std::getline(b, lb) && la == lb) ++line;
    FAIL(path << ":" << line << ": the report differs from its golden file\n  golden: " << la.substr(0, 300)
              << "\n  now:    " << lb.substr(0, 300));
}

}  // namespace

TEST_CASE("reports of recorded sessions match their golden files") {
    for (const auto& [name, session] : {std::pair<std::string, std::int64_t>{"memory_surfaces.poor", 41},
                                        {"making_meaning.expert", 42}}) {
        CAPTURE(name);
        const auto in = recorded(name, session);
        compare(name + ".html", records::html_report(in));
        compare(name + ".csv", records::csv_report(in));
        compare(name + ".pseudonymised.csv", records::csv_report(in, records::pseudonymise(in.trainee, "programme-salt")));
        compare(name + ".xapi.json", records::xapi_statements(in, "https://training.example.org/holdspace").dump(2) + "\n");
    }
}
