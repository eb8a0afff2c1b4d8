// Golden transcripts: every shipped scenario played along its expert and poor
// paths must give exactly the transcript in tests/golden/ (tools/update-golden
// regenerates them after an intended change; review the diff).
#include "process.hpp"

#include <doctest/doctest.h>

namespace fs = std::filesystem;

TEST_CASE("shipped scenarios reproduce their golden transcripts") {
    const fs::path golden = fs::path(HOLDSPACE_SOURCE_DIR) / "tests" / "golden";
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(golden)) {
        if (entry.path().extension() != ".actions") continue;
        const std::string name = entry.path().stem().string();  // e.g. memory_surfaces.expert
        const std::string scenario_name = name.substr(0, name.find('.'));
        std::string scenario;
        for (const char* phase : {"preparation", "medicine", "integration"}) {
            const auto candidate = fs::path("scenarios") / phase / (scenario_name + ".lua");
            if (fs::exists(fs::path(HOLDSPACE_SOURCE_DIR) / candidate)) scenario = candidate.string();
        }
        CAPTURE(name);
        REQUIRE_FALSE(scenario.empty());
        const auto r = test::holdspace({"play", scenario, "--seed", "1", "--actions",
                                        entry.path().string(), "--json"});
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        const std::string expected = test::slurp(golden / (name + ".json"));
        CHECK(r.out == expected);
        ++checked;
    }
    CHECK(checked >= 6);  // an expert and a poor path for each of the three scenarios
}
