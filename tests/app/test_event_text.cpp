// The transcript's lines for the body model's events (fluid, lab, body, treatment): what the
// terminal prints and the window, drills and review show.
#include "app/event_text.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

using holdspace::Event;
using holdspace::Json;
using holdspace::app::render_event;

namespace {

Event event(const std::string& type, holdspace::Seconds minutes, Json data) {
    return Event{type, minutes * 60, std::move(data)};
}

// Every line of a golden transcript, rendered as the terminal prints it.
std::vector<std::string> golden_lines(const std::string& name) {
    std::ifstream in(std::string(HOLDSPACE_SOURCE_DIR) + "/tests/golden/" + name + ".json");
    REQUIRE(in);
    const Json transcript = Json::parse(in);
    std::vector<std::string> lines;
    for (const Json& e : transcript.at("events")) {
        Json data = e;
        data.erase("type");
        data.erase("t");
        const auto at = static_cast<holdspace::Seconds>(e.at("t").get<double>() * 60 + 0.5);
        if (std::string line = render_event(Event{e.at("type").get<std::string>(), at, data}); !line.empty())
            lines.push_back(line);
    }
    return lines;
}

bool contains(const std::vector<std::string>& lines, const std::string& line) {
    for (const auto& l : lines)
        if (l == line) return true;
    return false;
}

}  // namespace

TEST_CASE("event text: what the participant drinks, and what is given by drip") {
    CHECK(render_event(event("fluid", 20, {{"ml", 500}, {"kind", "water"}, {"by", "scenario"}})) ==
          "[0:20] * The participant drinks 500 ml of water");
    CHECK(render_event(event("fluid", 56, {{"ml", 250}, {"kind", "electrolyte"}, {"by", "scenario"}})) ==
          "[0:56] * The participant drinks 250 ml of an electrolyte drink");
    CHECK(render_event(event("fluid", 130, {{"ml", 500}, {"kind", "saline_iv"}, {"by", "scenario"}})) ==
          "[2:10] * 500 ml of saline by drip");
    CHECK(render_event(event("fluid", 131, {{"ml", 150}, {"kind", "hypertonic_iv"}, {"by", "scenario"}})) ==
          "[2:11] * 150 ml of hypertonic saline by drip");
}

TEST_CASE("event text: a sodium test reads with its unit and the normal range") {
    CHECK(render_event(event("lab", 108, {{"test", "sodium"}, {"value", 132}, {"unit", "mmol/L"}})) ==
          "[1:48] Lab: sodium 132 mmol/L (normal 135-145)");
}

TEST_CASE("event text: a treatment names the measure, then the scenario's words") {
    CHECK(render_event(event("treatment", 90,
                             {{"treatment", "antihypertensive"},
                              {"text", "The physician gives a tablet to bring his blood pressure down."}})) ==
          "[1:30] + Treatment (blood pressure medicine): The physician gives a tablet to bring his blood pressure "
          "down.");
    CHECK(render_event(event("treatment", 95, {{"treatment", "active_cooling"}})) == "[1:35] + Treatment: active cooling");
    CHECK(render_event(event("treatment", 95, {{"treatment", "emergency_services"}})) ==
          "[1:35] + Treatment: emergency services");
    CHECK(render_event(event("treatment", 95, {{"treatment", "iv_fluids"}})) == "[1:35] + Treatment: intravenous fluids");
    // A measure added to the engine before this table knows it still reads as words.
    CHECK(render_event(event("treatment", 95, {{"treatment", "oxygen_mask"}})) == "[1:35] + Treatment: oxygen mask");
}

TEST_CASE("event text: a developing condition shows the scenario's words, never the diagnosis") {
    CHECK(render_event(event("body", 77,
                             {{"condition", "hypertensive_surge"},
                              {"text", "His pressure climbs on past the medicine's usual rise."}})) ==
          "[1:17] * His pressure climbs on past the medicine's usual rise.");
    // Without words the condition is found by measuring (the vitals show it), not read off the transcript.
    CHECK(render_event(event("body", 50, {{"condition", "hyperthermia"}, {"strength", 1.5}})).empty());
}

TEST_CASE("event text: the shipped transcripts show the body's events as lines") {
    const auto bottle = golden_lines("bottle_after_bottle.poor");
    CHECK(contains(bottle, "[0:00] * The participant drinks 1000 ml of water"));
    CHECK(contains(bottle, "[1:58] + Treatment (emergency services): The physician calls an ambulance: a falling "
                           "sodium with vomiting and confusion needs hospital treatment (3% saline) and close "
                           "monitoring."));
    const auto pressure = golden_lines("pressure.expert");
    CHECK(contains(pressure, "[1:17] * His pressure climbs on past the medicine's usual rise."));
    CHECK(contains(pressure, "[1:30] + Treatment (blood pressure medicine): The physician gives a tablet to bring "
                             "his blood pressure down."));
    const auto expert = golden_lines("bottle_after_bottle.expert");
    CHECK(contains(expert, "[1:48] Lab: sodium 132 mmol/L (normal 135-145)"));
}
