// The participant inside a session: medicine, vital signs, alerts, cues and state.
#include "sim/session.hpp"

#include <doctest/doctest.h>

using namespace holdspace;

namespace {

// Offers the same two options forever; never ends on its own.
struct LoopScript : Script {
    ScriptStatus start(Session& s) override { return offer(s); }
    ScriptStatus resume(Session& s, const Option&) override { return offer(s); }
    void on_action(Session&, ActionKind) override {}
    static ScriptStatus offer(Session& s) {
        Choice c;
        c.options = {Option{"validate", "That makes sense.", "", "", {"validation"}, true},
                     Option{"reassure", "You're fine.", "", "", {"premature_reassurance"}, false}};
        s.offer_choice(c);
        return ScriptStatus::waiting_for_trainee;
    }
};

ScenarioInfo medicine(std::optional<Sensitivity> sensitivity = std::nullopt) {
    ScenarioInfo i;
    i.source = "loop.lua";
    i.id = "test.loop";
    i.title = "Loop";
    i.phase = "medicine";
    i.rubric = "patient_directed";
    i.patient.name = "Robin";
    i.patient.pronouns = "they/them";
    i.patient.baseline = {70, 120, 78, 36.7};
    i.dose = DosePlan{125, 0, 0};
    i.sensitivity = sensitivity;
    return i;
}

std::unique_ptr<Session> started(ScenarioInfo info, std::uint64_t seed) {
    auto s = std::make_unique<Session>(std::move(info), std::make_unique<LoopScript>(), seed);
    s->start();
    return s;
}

void wait(Session& s, double minutes) {
    std::string error;
    REQUIRE(s.apply(TraineeAction::wait_for(minutes), error));
}

std::vector<const Event*> of_type(const Session& s, const std::string& type) {
    std::vector<const Event*> out;
    for (const auto& e : s.events())
        if (e.type == type) out.push_back(&e);
    return out;
}

}  // namespace

TEST_CASE("the medicine comes on, peaks and wears off within the session") {
    auto s = started(medicine(), 3);
    CHECK(s->intensity_now() == 0);
    wait(*s, 20);
    const double early = s->intensity_now();
    wait(*s, 90);  // 110 min
    const double peak = s->intensity_now();
    wait(*s, 300);  // 410 min
    const double late = s->intensity_now();
    CHECK(early < 0.2);
    CHECK(peak > 0.5);
    CHECK(late < peak / 2);
}

TEST_CASE("vital signs rise with the medicine and come back down") {
    auto s = started(medicine(), 3);
    const auto readings = [&] {
        wait(*s, 420);
        return of_type(*s, "vitals");
    }();
    REQUIRE(readings.size() >= 14);  // at dose, then every 30 minutes
    const double at_dose = readings.front()->data["hr"].get<double>();
    double highest = 0;
    for (const auto* r : readings) highest = std::max(highest, r->data["sbp"].get<double>());
    CHECK(highest > readings.front()->data["sbp"].get<double>() + 15);
    CHECK(readings.back()->data["hr"].get<double>() < at_dose + 15);
}

TEST_CASE("a hypertensive responder raises one alert per crossing, and scripts can see it") {
    auto s = started(medicine(Sensitivity{1.0, 2.6, 1.0}), 3);
    wait(*s, 150);
    const auto alerts = of_type(*s, "alert");
    REQUIRE_FALSE(alerts.empty());
    CHECK(alerts.front()->data["alert"] == "sbp_high");
    CHECK(alerts.front()->data["threshold"] == 160);
    CHECK(alerts.front()->data["value"].get<double>() > 160);
    int sbp_alerts = 0;
    for (const auto* a : alerts) sbp_alerts += a->data["alert"] == "sbp_high";
    CHECK(sbp_alerts == 1);  // still high at later readings: not raised again
    const auto active = s->active_alerts();
    CHECK(std::find(active.begin(), active.end(), Alert::sbp_high) != active.end());
}

TEST_CASE("calling medical support cools a participant whose temperature climbs") {
    const Sensitivity hot{1.0, 1.0, 3.0};
    auto without = started(medicine(hot), 8);
    auto with = started(medicine(hot), 8);
    wait(*without, 60);
    wait(*with, 60);
    std::string error;
    REQUIRE(with->apply(TraineeAction::act(ActionKind::medical_support), error));
    REQUIRE(without->apply(TraineeAction::choose("validate"), error));
    wait(*without, 90);
    wait(*with, 90);
    const auto a = of_type(*without, "vitals").back()->data["temp_c"].get<double>();
    const auto b = of_type(*with, "vitals").back()->data["temp_c"].get<double>();
    CHECK(b < a);
}

TEST_CASE("common effects appear as cues only after a dose, the same for a seed and different across seeds") {
    auto cues_for = [](std::uint64_t seed) {
        auto s = started(medicine(), seed);
        wait(*s, 400);
        std::string all;
        for (const auto* e : of_type(*s, "cue")) all += e->data["cue"].get<std::string>() + "@" + std::to_string(e->at) + " ";
        return all;
    };
    CHECK_FALSE(cues_for(1).empty());
    CHECK(cues_for(1) == cues_for(1));
    CHECK(cues_for(1) != cues_for(2));
    for (const auto* e : of_type(*started(medicine(), 1), "cue")) CHECK(e->at > 0);
}

TEST_CASE("the trainee's responses move the state; every change is a state event") {
    auto kind = started(medicine(), 4);
    auto harsh = started(medicine(), 4);
    std::string error;
    for (int i = 0; i < 4; ++i) {
        REQUIRE(kind->apply(TraineeAction::choose("validate"), error));
        REQUIRE(harsh->apply(TraineeAction::choose("reassure"), error));
    }
    CHECK(kind->state().trust > harsh->state().trust + 20);
    CHECK(kind->state().inward_focus > harsh->state().inward_focus);
    const auto states = of_type(*kind, "state");
    REQUIRE(states.size() >= 4);
    CHECK(states.back()->data["cause"] == "response");
    CHECK(states.back()->data.contains("window"));
}

TEST_CASE("participants differ by seed; each seed replays exactly") {
    auto transcript = [](std::uint64_t seed) {
        auto s = started(medicine(), seed);
        wait(*s, 200);
        return transcript_json(s->events()).dump();
    };
    CHECK(transcript(21) == transcript(21));
    CHECK(transcript(21) != transcript(22));
}

TEST_CASE("checking vitals more often does not change the scenario's own random draws") {
    auto s1 = started(medicine(), 5);
    auto s2 = started(medicine(), 5);
    std::string error;
    for (int i = 0; i < 5; ++i) REQUIRE(s2->apply(TraineeAction::act(ActionKind::check_vitals), error));
    CHECK(s1->rng().next_u64() == s2->rng().next_u64());
}
