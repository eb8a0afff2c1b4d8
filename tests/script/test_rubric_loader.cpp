// Rubric files: what loads, and the file:line errors for what does not.
#include "script/rubric_loader.hpp"
#include "sim/scenario.hpp"

#include <doctest/doctest.h>

#include <regex>

using holdspace::ScriptError;
using holdspace::script::load_rubric_source;

namespace {

const std::string good = R"(return {
  id = "toy",
  title = "Toy rubric",
  pass = 65,
  domains = {
    { id = "presence", title = "Presence", weight = 0.6 },
    { id = "safety", title = "Safety", weight = 0.4 },
  },
  codes = {
    holding_space = { class = "essential", domains = { "presence" }, why = "Silence holds space." },
    checking_vitals = { class = "compatible", domains = { "safety" } },
    grounding = { class = "compatible", domains = { "presence" } },
  },
  rules = {
    { code = "grounding", when = { dissociation = ">= 40", phase = "medicine" }, class = "essential" },
  },
  timing = {
    { after = "alert", within = 10, expect = { "checking_vitals" }, domain = "safety", weight = 2 },
  },
  critical = {
    { code = "touch_without_consent", message = "Touch without consent." },
    { alert_ignored = 30, message = "Alert ignored." },
    { ended_early = true, phase = "medicine", message = "Left early." },
    { flag = "suicidal_statement", expect = { "risk_assessment" }, within = 5, message = "No risk assessment." },
  },
}
)";

// Replaces the first occurrence of `from` in the good rubric.
std::string broken(const std::string& from, const std::string& to) {
    std::string s = good;
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

std::string error_of(const std::string& source) {
    try {
        load_rubric_source(source, "rubrics/toy.lua");
    } catch (const ScriptError& e) {
        return e.what();
    }
    return "(loaded)";
}

}  // namespace

TEST_CASE("a sound rubric loads with everything in it") {
    const auto r = load_rubric_source(good, "rubrics/toy.lua");
    CHECK(r.id == "toy");
    CHECK(r.pass == 65);
    REQUIRE(r.domains.size() == 2);
    CHECK(r.domains[0].weight == 0.6);
    CHECK(r.codes.at("holding_space").why == "Silence holds space.");
    REQUIRE(r.rules.size() == 1);
    CHECK(r.rules[0].when.size() == 2);
    CHECK(r.timing.at(0).within == 10.0);
    CHECK(r.critical.size() == 4);
}

TEST_CASE("mistakes in a rubric are reported as file:line: message") {
    CHECK(error_of(broken("holding_space = {", "holding_spaec = {")) ==
          "rubrics/toy.lua:10: rubric.codes names an unknown behaviour code 'holding_spaec'");
    CHECK(error_of(broken("weight = 0.4", "weight = 0.3")) ==
          "rubrics/toy.lua:5: domain weights sum to 0.9; they must sum to 1");
    CHECK(error_of(broken("domains = { \"safety\" }", "domains = { \"safty\" }")) ==
          "rubrics/toy.lua:11: codes.checking_vitals names an unknown domain 'safty'");
    CHECK(error_of(broken("class = \"essential\", domains", "class = \"vital\", domains")) ==
          "rubrics/toy.lua:10: codes.holding_space.class is 'vital'; expected unique_essential, essential, compatible or proscribed");
    CHECK(error_of(broken("\">= 40\"", "\"at least 40\"")).find(
              "rubrics/toy.lua:15: rules[1].when.dissociation must be a comparison like \">= 40\"") == 0);
    CHECK(error_of(broken("phase = \"medicine\" }, class", "mood = \"calm\" }, class")).find(
              "rubrics/toy.lua:15: rules[1].when has an unknown condition 'mood'") == 0);
    CHECK(error_of(broken("{ code = \"grounding\",", "{ code = \"validation\",")).find(
              "rubrics/toy.lua:15: rules[1]: code 'validation' must also be listed in rubric.codes") == 0);
    CHECK(error_of(broken("{ alert_ignored = 30,", "{ alert_ignored = 30, code = \"dismissing\",")).find(
              "needs exactly one of code, ended_early, alert_ignored or flag") != std::string::npos);
    CHECK(error_of(broken("id = \"toy\"", "id = \"other\"")) ==
          "rubrics/toy.lua:2: rubric id 'other' must match its file name ('toy')");
    CHECK(error_of(broken("pass = 65,", "pass = 65, bonus = 3,")).find("rubrics/toy.lua:4: the rubric table has an unknown field 'bonus'") == 0);
    CHECK(error_of("return {").find("rubrics/toy.lua:1:") == 0);
}

TEST_CASE("a rubric is data in the sandbox: it cannot reach files") {
    const std::string message = error_of("io.open('/tmp/x', 'w')\nreturn {}");
    CHECK(message.find("rubrics/toy.lua:1: attempt to index a nil value (global 'io')") == 0);
}
