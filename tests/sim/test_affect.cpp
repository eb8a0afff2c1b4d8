// How the participant's inner state answers the trainee and the medicine.
#include "sim/affect.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace holdspace;

namespace {
const AffectRules rules = AffectRules::defaults();

PatientState respond(const PatientState& s, std::vector<std::string> codes, const char* phase = "medicine") {
    return after_response(s, codes, rules, phase);
}
}  // namespace

TEST_CASE("validation and steady presence lower distress and build trust") {
    PatientState s;
    s.distress = 60;
    const auto after = respond(s, {"validation", "empathic_presence"});
    CHECK(after.distress < s.distress);
    CHECK(after.trust > s.trust);
}

TEST_CASE("premature reassurance, interpreting and redirecting cost trust and inward focus") {
    PatientState s;
    s.inward_focus = 70;
    for (const char* code : {"premature_reassurance", "interpreting", "redirecting"}) {
        CAPTURE(code);
        const auto after = respond(s, {code});
        CHECK(after.trust < s.trust);
        CHECK(after.inward_focus < s.inward_focus);
    }
}

TEST_CASE("redirecting away from material the participant can hold costs more than when they are flooded") {
    PatientState within;
    within.arousal = 50;
    PatientState flooded = within;
    flooded.arousal = 90;
    const double cost_within = within.trust - respond(within, {"redirecting"}).trust;
    const double cost_flooded = flooded.trust - respond(flooded, {"redirecting"}).trust;
    CHECK(cost_within > cost_flooded);
}

TEST_CASE("grounding helps when dissociated, and pulls a settled participant out of the process") {
    PatientState dissociated;
    dissociated.dissociation = 70;
    dissociated.arousal = 20;
    const auto helped = respond(dissociated, {"grounding"});
    CHECK(helped.dissociation < dissociated.dissociation - 10);
    CHECK(helped.arousal > dissociated.arousal);
    CHECK(window_of(dissociated) == Window::hypo_aroused);

    PatientState settled;
    settled.inward_focus = 70;
    CHECK(respond(settled, {"grounding"}).inward_focus < settled.inward_focus);
}

TEST_CASE("touch without agreed consent is a rupture") {
    PatientState s;
    const auto after = respond(s, {"touch_without_consent"});
    CHECK(after.trust <= s.trust - 20);
    CHECK(after.distress >= s.distress + 10);
    CHECK(respond(s, {"touch_within_consent"}).trust > s.trust);
}

TEST_CASE("structured-protocol moves cost more inward focus in a medicine session than on a sober day") {
    PatientState s;
    s.inward_focus = 60;
    const double in_medicine = s.inward_focus - respond(s, {"agenda_setting"}, "medicine").inward_focus;
    const double in_preparation = s.inward_focus - respond(s, {"agenda_setting"}, "preparation").inward_focus;
    CHECK(in_medicine > in_preparation);
}

TEST_CASE("state stays within 0-100 whatever happens") {
    PatientState s;
    for (int i = 0; i < 20; ++i) s = respond(s, {"touch_without_consent", "dismissing"});
    CHECK(s.trust == 0);
    CHECK(s.distress == 100);
    CHECK(s.dissociation <= 100);
}

TEST_CASE("with time, distress settles towards rest and the medicine draws attention inward") {
    PatientState rest;
    PatientState upset = rest;
    upset.distress = 80;
    const auto later = after_time(upset, rest, 0.0, 60);
    CHECK(later.distress < 60);
    CHECK(later.distress > rest.distress);

    const auto sober = after_time(rest, rest, 0.0, 60);
    const auto dosed = after_time(rest, rest, 0.8, 60);
    CHECK(dosed.inward_focus > sober.inward_focus + 20);
    CHECK(dosed.distress < sober.distress);  // less fear and defensiveness
}

TEST_CASE("overwhelming distress brings dissociation; it fades once distress falls") {
    PatientState rest;
    PatientState overwhelmed = rest;
    overwhelmed.distress = 98;
    CHECK(after_time(overwhelmed, rest, 0.5, 10).dissociation > 5);
    PatientState recovering = rest;
    recovering.dissociation = 60;
    CHECK(after_time(recovering, rest, 0.5, 60).dissociation < 30);
}

TEST_CASE("the medicine widens the window of tolerance's upper edge") {
    PatientState s;
    s.arousal = 75;
    CHECK(window_of(s, 0.0) == Window::hyper_aroused);
    CHECK(window_of(s, 1.0) == Window::within);
}
