// The body going wrong, from a scenario (docs/scenario-api.md, "The body going wrong"):
// s:raise, s:treat, s:drink, s:body, s:lab, and the trainee's water action as a glass of water.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

using namespace holdspace;
namespace fs = std::filesystem;

namespace {

// A medicine scenario whose run(s) body is `run`, written to a temporary file.
std::string write_scenario(const std::string& run, const std::string& extra = "") {
    static int n = 0;
    const fs::path path =
        fs::temp_directory_path() / ("holdspace-body-" + std::to_string(::getpid()) + "-" + std::to_string(n++) + ".lua");
    std::ofstream(path, std::ios::binary)
        << "return {\n"
           "  id = \"test.body\", title = \"Body\", phase = \"medicine\", rubric = \"patient_directed\",\n"
           "  patient = { name = \"Noor Test\", pronouns = \"she/her\",\n"
           "    baseline = { hr = 70, sbp = 120, dbp = 78, temp_c = 36.8 } },\n"
           "  dose = { initial_mg = 125 },\n" + extra +
               "  run = function(s)\n" + run + "\n  end,\n}\n";
    return path.string();
}

struct Played {
    std::unique_ptr<Session> session;
    std::string error;
    std::vector<std::string> lines;  // what the scenario said (s:say)
};

Played play(const std::string& run, std::uint64_t seed = 1, const std::string& extra = "") {
    const std::string path = write_scenario(run, extra);
    Played p;
    auto loaded = script::load_scenario_file(path);
    p.session = std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed);
    p.session->start();
    fs::remove(path);
    if (p.session->failure()) p.error = p.session->failure()->what();
    for (const auto& e : p.session->events())
        if (e.type == "say") p.lines.push_back(e.data.value("text", ""));
    return p;
}

int count_events(const Session& s, const std::string& type, const std::string& field = "", const std::string& value = "") {
    int n = 0;
    for (const auto& e : s.events())
        if (e.type == type && (field.empty() || e.data.value(field, "") == value)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a raised chest pain appears in the transcript as a cue, and s:body() remembers it") {
    const auto p = play(R"(
        s:wait(60)
        s:say(tostring(s:body().chest_pain))
        s:raise{ event = "chest_pain", text = "Noor presses a fist to her sternum." }
        s:say(tostring(s:body().chest_pain))
        s:say(table.concat(s:body().signs, ","))
    )");
    REQUIRE(p.error.empty());
    CHECK(count_events(*p.session, "cue", "cue", "chest_pain") == 1);
    bool text_kept = false;
    for (const auto& e : p.session->events())
        if (e.type == "cue" && e.data.value("text", "") == "Noor presses a fist to her sternum.") text_kept = true;
    CHECK(text_kept);
    REQUIRE(p.lines.size() == 3);
    CHECK(p.lines[0] == "false");
    CHECK(p.lines[1] == "true");
    CHECK(p.lines[2].find("chest_pain") != std::string::npos);  // with any common cue drawn so far
}

TEST_CASE("bottle after bottle of water: sodium falls towards 130, the lab shows it, headache or nausea come") {
    // Four litres in four hours. Participants differ (body water, how strongly the medicine holds
    // water back): every one is hyponatremic, most are near or below 130.
    int with_signs = 0, near_130 = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        const auto p = play(R"(
            local low = 200
            for _ = 1, 8 do
              s:drink{ ml = 500 }; s:wait(30); low = math.min(low, s:body().sodium)
            end
            for _ = 1, 6 do s:wait(10); low = math.min(low, s:body().sodium) end
            s:say(string.format("%.1f", low))
            s:say(tostring(s:lab("sodium")))
            s:say(tostring(s:body().fluid_in_ml))
        )", seed);
        REQUIRE(p.error.empty());
        REQUIRE(p.lines.size() == 3);
        CHECK(std::stod(p.lines[0]) < 135);
        if (std::stod(p.lines[0]) < 131.5) ++near_130;
        CHECK(std::stoi(p.lines[1]) < 139);  // the lab an hour after the last bottle
        CHECK(p.lines[2] == "4000");
        CHECK(count_events(*p.session, "fluid") == 8);
        CHECK(count_events(*p.session, "lab", "test", "sodium") == 1);
        if (count_events(*p.session, "cue", "cue", "headache") + count_events(*p.session, "cue", "cue", "nausea") > 0)
            ++with_signs;
    }
    CHECK(near_130 >= 6);
    CHECK(with_signs >= 5);
}

TEST_CASE("a few glasses keep sodium normal; an electrolyte drink lowers it less than water") {
    const auto water = play(R"(
        for _ = 1, 6 do s:drink{ ml = 250 }; s:wait(60) end
        s:say(string.format("%.1f", s:body().sodium))
    )");
    REQUIRE(water.error.empty());
    CHECK(std::stod(water.lines.at(0)) >= 135);
    CHECK(count_events(*water.session, "cue", "cue", "headache") == 0);
    const auto lots = play(R"(
        for _ = 1, 6 do s:drink{ ml = 500 }; s:wait(30) end
        s:say(string.format("%.1f", s:body().sodium))
    )");
    const auto salty = play(R"(
        for _ = 1, 6 do s:drink{ ml = 500, kind = "electrolyte" }; s:wait(30) end
        s:say(string.format("%.1f", s:body().sodium))
    )");
    CHECK(std::stod(salty.lines.at(0)) > std::stod(lots.lines.at(0)) + 1);
}

TEST_CASE("the trainee's water action is a 250 mL glass, and too many of them lower sodium") {
    const auto p = play(R"(
        s:wait(30)
        while true do
          local r = s:choose{ { id = "go", text = "Go on.", codes = { "holding_space" } } }
          if r.id == "go" then break end
        end
        s:say(tostring(s:body().fluid_in_ml))
        s:wait(90)
        s:say(string.format("%.1f", s:body().sodium))
    )");
    REQUIRE(p.error.empty());
    std::string error;
    for (int i = 0; i < 12; ++i) REQUIRE(p.session->apply(TraineeAction::act(ActionKind::water), error));
    REQUIRE(p.session->apply(TraineeAction::choose("go"), error));
    std::vector<std::string> said;
    for (const auto& e : p.session->events())
        if (e.type == "say") said.push_back(e.data.value("text", ""));
    REQUIRE(said.size() == 2);
    CHECK(said[0] == "3000");
    CHECK(std::stod(said[1]) < 136);
}

TEST_CASE("active cooling lowers a raised hyperthermia; the treatment is in the transcript") {
    const std::string climb = R"(
        s:wait(60)
        s:raise{ event = "hyperthermia" }
        s:wait(90)
        local hot = s:vitals().temp_c
        %s
        s:wait(60)
        s:say(string.format("%.1f %.1f", hot, s:vitals().temp_c))
    )";
    auto run = [&](const std::string& act) {
        std::string text = climb;
        text.replace(text.find("%s"), 2, act);
        return play(text);
    };
    const auto left = run("");
    const auto cooled = run("s:treat(\"active_cooling\", \"Ice packs to neck and armpits; a cooling blanket.\")");
    REQUIRE(left.error.empty());
    REQUIRE(cooled.error.empty());
    CHECK(count_events(*left.session, "body", "condition", "hyperthermia") == 1);
    CHECK(count_events(*cooled.session, "treatment", "treatment", "active_cooling") == 1);
    const double hot = std::stod(cooled.lines.at(0).substr(0, 4));
    const double after = std::stod(cooled.lines.at(0).substr(5));
    const double left_after = std::stod(left.lines.at(0).substr(5));
    CHECK(hot > 38.8);
    CHECK(after < hot - 0.8);
    CHECK(left_after > hot);
}

TEST_CASE("a hypertensive surge and its treatment; emergency services are recorded") {
    const auto p = play(R"(
        s:wait(60)
        s:raise("hypertensive_surge")
        s:wait(30)
        local high = s:vitals().sbp
        s:treat("antihypertensive")
        s:treat("emergency_services", "Ambulance called: chest pain with a systolic over 180.")
        s:wait(45)
        s:say(high .. " " .. s:vitals().sbp)
    )");
    REQUIRE(p.error.empty());
    const auto space = p.lines.at(0).find(' ');
    const int high = std::stoi(p.lines[0].substr(0, space));
    const int after = std::stoi(p.lines[0].substr(space + 1));
    CHECK(high > 175);
    CHECK(after < high - 25);
    CHECK(count_events(*p.session, "treatment", "treatment", "emergency_services") == 1);
    CHECK(count_events(*p.session, "body", "condition", "hypertensive_surge") == 1);
}

TEST_CASE("the body API names the mistake") {
    CHECK(play("s:raise{ event = \"heart_attack\" }").error.find("s:raise: unknown event 'heart_attack' (events: headache") !=
          std::string::npos);
    CHECK(play("s:treat(\"aspirin\")").error.find("s:treat: unknown treatment 'aspirin' (cooling, active_cooling") !=
          std::string::npos);
    CHECK(play("s:drink{ ml = 0 }").error.find("s:drink: ml must be 1 to 3000") != std::string::npos);
    CHECK(play("s:drink{ ml = 250, kind = \"beer\" }").error.find("kind must be \"water\" or \"electrolyte\"") !=
          std::string::npos);
    CHECK(play("s:lab(\"potassium\")").error.find("s:lab: unknown test 'potassium' (sodium)") != std::string::npos);
    CHECK(play("s:raise(42)").error.find("s:raise:") != std::string::npos);
}

TEST_CASE("the same seed and actions give the same body: sodium, signs and lab values") {
    const std::string run = R"(
        for _ = 1, 10 do s:drink{ ml = 500 }; s:wait(25) end
        s:wait(120)
        s:say(tostring(s:lab("sodium")))
    )";
    const auto a = play(run, 5);
    const auto b = play(run, 5);
    REQUIRE(a.session->events().size() == b.session->events().size());
    for (std::size_t i = 0; i < a.session->events().size(); ++i)
        CHECK(a.session->events()[i].to_json() == b.session->events()[i].to_json());
}

TEST_CASE("a raised condition's strength scales it, and only conditions take one") {
    const std::string run = R"(
        s:wait(30)
        s:raise{ event = "hyperthermia", strength = %s }
        s:wait(60)
        s:say(string.format("%.2f", s:vitals().temp_c))
    )";
    auto at = [&](const std::string& strength) {
        std::string text = run;
        text.replace(text.find("%s"), 2, strength);
        const auto p = play(text);
        REQUIRE(p.error.empty());
        return std::stod(p.lines.at(0));
    };
    CHECK(at("2") > at("1") + 0.5);
    CHECK(play("s:raise{ event = \"chest_pain\", strength = 2 }").error.find("strength is for hyperthermia") !=
          std::string::npos);
    CHECK(play("s:raise{ event = \"hyperthermia\", strength = 9 }").error.find("strength must be a number from 0.25 to 3") !=
          std::string::npos);
}
