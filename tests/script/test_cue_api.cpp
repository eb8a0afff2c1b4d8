// What the participant visibly is or wears (docs/scenario-api.md, "s:cue"), and how they look
// (patient.appearance): the binding's checks and the cue_state event it records.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using namespace holdspace;

namespace {

std::string scenario(const std::string& run, const std::string& patient_extra = "") {
    return "return {\n"
           "  id = \"test.cue\", title = \"Cue\", phase = \"medicine\", rubric = \"patient_directed\",\n"
           "  patient = { name = \"Noor Test\", age = 64,\n"
           "    baseline = { hr = 70, sbp = 120, dbp = 78, temp_c = 36.8 },\n" +
           patient_extra +
           "  },\n"
           "  dose = { initial_mg = 125 },\n"
           "  run = function(s)\n" +
           run + "\n  end,\n}\n";
}

struct Played {
    std::unique_ptr<Session> session;
    std::string error;
};

Played play(const std::string& run) {
    auto loaded = script::load_scenario_source(scenario(run), "cue.lua");
    Played p;
    p.session = std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), 1);
    p.session->start();
    if (p.session->failure()) p.error = p.session->failure()->what();
    return p;
}

std::vector<Json> cue_states(const Session& s) {
    std::vector<Json> out;
    for (const auto& e : s.events())
        if (e.type == "cue_state") out.push_back(e.data);
    return out;
}

std::string load_error(const std::string& patient_extra) {
    try {
        script::load_scenario_source(scenario("s:narrate('x')", patient_extra), "cue.lua");
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("s:cue records what is visible as a cue_state event, in a fixed order, only the cues given") {
    const auto p = play(R"(
        s:narrate("He pushes the eyeshades up and sits up, face flushed.")
        s:cue{ gaze = "therapist", flushed = true, posture = "sitting_up", eyeshades = false }
        s:wait(5)
        s:narrate("She pulls the eyeshades back down and lies back.")
        s:cue{ eyeshades = true, posture = "lying", flushed = "auto", gaze = "auto" }
    )");
    REQUIRE(p.error.empty());
    const auto cues = cue_states(*p.session);
    REQUIRE(cues.size() == 2);
    CHECK(cues[0].dump() == R"({"eyeshades":false,"flushed":true,"posture":"sitting_up","gaze":"therapist"})");
    CHECK(cues[1].dump() == R"({"eyeshades":true,"flushed":"auto","posture":"lying","gaze":"auto"})");
    // Each carries its time like every other event: the start, then five minutes on.
    std::vector<Seconds> at;
    for (const auto& e : p.session->events())
        if (e.type == "cue_state") at.push_back(e.at);
    CHECK(at == std::vector<Seconds>{0, 5 * 60});
}

TEST_CASE("s:cue refuses unknown cues and values, naming what is allowed") {
    const auto unknown = play("s:cue{ smiling = true }");
    CHECK(unknown.error.find("s:cue: unknown cue 'smiling' (eyeshades, blanket, eyes_closed, tears, flushed, "
                             "trembling, posture, gaze)") != std::string::npos);
    CHECK(unknown.error.find("cue.lua:") != std::string::npos);
    const auto posture = play("s:cue{ posture = 'standing' }");
    CHECK(posture.error.find("invalid posture 'standing' (lying, sitting_up, curled, seated, auto)") != std::string::npos);
    const auto gaze = play("s:cue{ gaze = 3 }");
    CHECK(gaze.error.find("gaze must be a string") != std::string::npos);
    const auto eyeshades = play("s:cue{ eyeshades = 'auto' }");
    CHECK(eyeshades.error.find("eyeshades must be true or false") != std::string::npos);
    const auto tears = play("s:cue{ tears = 'yes' }");
    CHECK(tears.error.find("tears must be true, false or \"auto\"") != std::string::npos);
    CHECK(play("s:cue('eyeshades')").error.find("s:cue: give a table") != std::string::npos);
    CHECK(play("s:cue{}").error.find("s:cue: nothing to show") != std::string::npos);
    for (const auto* bad : {&unknown, &posture, &gaze, &eyeshades, &tears}) CHECK(cue_states(*bad->session).empty());
}

TEST_CASE("patient.appearance: read when given, checked, and left empty (varied by the scenario) when not") {
    auto loaded = script::load_scenario_source(
        scenario("s:narrate('x')", "    appearance = { build = 'broad', skin = 'brown', hair = 'white', clothing = 'green' },\n"),
        "cue.lua");
    CHECK(loaded.info->patient.appearance.build == "broad");
    CHECK(loaded.info->patient.appearance.skin == "brown");
    CHECK(loaded.info->patient.appearance.hair == "white");
    CHECK(loaded.info->patient.appearance.clothing == "green");
    auto partial = script::load_scenario_source(scenario("s:narrate('x')", "    appearance = { hair = 'grey' },\n"), "cue.lua");
    CHECK(partial.info->patient.appearance.hair == "grey");
    CHECK(partial.info->patient.appearance.build.empty());
    auto none = script::load_scenario_source(scenario("s:narrate('x')"), "cue.lua");
    CHECK(none.info->patient.appearance.skin.empty());

    CHECK(load_error("    appearance = { skin = 'green' },\n")
              .find("'patient.appearance.skin' is 'green'; use one of: very_light, light, medium, tan, brown, dark") !=
          std::string::npos);
    CHECK(load_error("    appearance = { eyes = 'blue' },\n").find("eyes") != std::string::npos);
    CHECK(load_error("    appearance = 'tall',\n").find("'patient.appearance' must be a table") != std::string::npos);
}
