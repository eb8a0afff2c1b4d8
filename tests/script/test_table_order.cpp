// A file with several mistakes of one kind gives the same error on every run. Lua goes through a
// table's keys in an order it seeds afresh in each process, so every check that stops at the first
// bad key (or lists what it finds) goes through them by name instead (script/table_order.hpp). Each
// case here has 25 bad keys: a check that took lua_next's order would name the first by name only
// now and then.
#include "script/drill_loader.hpp"
#include "script/lua_scenario.hpp"
#include "script/rubric_loader.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace holdspace;

namespace {

const char* const words[] = {"zulu", "yankee", "xray", "whiskey", "victor", "uniform", "tango", "sierra", "romeo",
                             "quebec", "papa", "oscar", "november", "mike", "lima", "kilo", "juliet", "india",
                             "hotel", "golf", "foxtrot", "echo", "delta", "charlie", "alfa"};

// " zulu = VALUE, yankee = VALUE, ..." in the order above (alfa last).
std::string fields(const std::string& value) {
    std::string out;
    for (const char* w : words) out += std::string(" ") + w + " = " + value + ",";
    return out;
}

std::string scenario(const std::string& run, const std::string& extra = "") {
    return "return {\n  id = \"order\", title = \"Order\", phase = \"preparation\", rubric = \"patient_directed\",\n"
           "  patient = { name = \"Eve\", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },\n" +
           extra + "  run = function(s)\n" + run + "\n  end,\n}\n";
}

std::string load_error(const std::string& source) {
    try {
        script::load_scenario_source(source, "order.lua");
    } catch (const ScriptError& e) {
        return e.what();
    }
    return "(loaded)";
}

std::string session_failure(const std::string& source) {
    auto loaded = script::load_scenario_source(source, "order.lua");
    Session session(std::move(loaded.info), std::move(loaded.script), 1);
    session.start();
    return session.failure() ? session.failure()->what() : "(no failure)";
}

}  // namespace

TEST_CASE("of several unknown or wrong keys, every check names the first by name") {
    CHECK(load_error(scenario("s:say('hi')", fields("1"))).find("unknown field 'alfa'") != std::string::npos);
    CHECK(load_error(scenario("s:say('hi')", "  affect = { codes = {" + fields("{}") + " } },\n"))
              .find("unknown behaviour code 'alfa'") != std::string::npos);
    CHECK(session_failure(scenario("s:cue{" + fields("true") + " }")).find("unknown cue 'alfa'") != std::string::npos);
    CHECK(session_failure(scenario("s:choose{ typed = {" + fields("'a'") +
                                   " }, { id = 'a', text = 'A', codes = { 'open_question' } } }"))
              .find("typed: 'alfa' is not a behaviour code") != std::string::npos);

    const std::string rubric = "return { id = 'r', title = 'R', pass = 65, domains = { { id = 'presence', title = 'P', "
                               "weight = 1 } }, codes = { holding_space = { class = 'essential', domains = { 'presence' },"
                               + fields("1") + " } } }";
    std::string error;
    try {
        script::load_rubric_source(rubric, "rubrics/r.lua");
    } catch (const ScriptError& e) {
        error = e.what();
    }
    CHECK(error.find("unknown field 'alfa'") != std::string::npos);

    const auto catalogue = script::load_drill_catalogue_source(
        "drill { id = 'd', title = 'D', scenario = 'medicine/dark_peak', moment = 'm', level = 'beginner', "
        "domain = 'presence', focus = 'f'," + fields("'x'") + " }",
        "drills/catalogue.lua");
    REQUIRE(catalogue.problems.size() == 25);
    CHECK(catalogue.problems.front().message.find("unknown field 'alfa'") != std::string::npos);
    CHECK(catalogue.problems.back().message.find("unknown field 'zulu'") != std::string::npos);
}
