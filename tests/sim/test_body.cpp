// The body going wrong: fluid balance and serum sodium, the signs of a falling sodium, chest
// pain at very high pressure, a raised hyperthermia and hypertensive surge, and what cooling,
// fluids and treatment do (docs/patient-model.md, "Fluids and sodium", "When the body goes wrong").
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "sim/physiology.hpp"
#include "sim/population.hpp"
#include "sim/rng.hpp"

using namespace holdspace;

namespace {

const Dose dose_125[] = {{0, 125}};

Physiology typical_person() {
    Physiology p;
    p.baseline = {70, 120, 78, 36.8};
    return p;
}

// `litres` of a fluid in 250 mL glasses, evenly from the dose over `over_min` minutes.
std::vector<Intake> glasses(double litres, double over_min, Fluid kind = Fluid::water) {
    std::vector<Intake> out;
    const int n = static_cast<int>(litres / 0.25 + 0.5);
    for (int i = 0; i < n; ++i) out.push_back({over_min * i / n, 0.25, kind});
    return out;
}

double lowest_sodium(const Physiology& p, std::span<const Intake> in, double until = 600,
                     std::span<const Intervention> iv = {}) {
    double low = 1e9;
    for (double t = 0; t <= until; t += 10) low = std::min(low, fluid_state(p, dose_125, iv, in, t).sodium);
    return low;
}

bool has(const std::vector<CueEvent>& events, Cue cue) {
    return std::any_of(events.begin(), events.end(), [&](const CueEvent& e) { return e.cue == cue; });
}

}  // namespace

TEST_CASE("four litres of water over four hours after 125 mg: sodium below 130, with headache or nausea") {
    Physiology p = typical_person();
    const auto four = glasses(4, 240);
    CHECK(lowest_sodium(p, four) < 130);
    CHECK(fluid_state(p, dose_125, {}, four, 240).intake_l == doctest::Approx(4.0));
    // Whether the signs come is drawn per person (body_seed); most people get them.
    int with_signs = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        p.body_seed = seed;
        const auto events = body_events_between(p, dose_125, {}, four, 0, 600);
        if (has(events, Cue::headache) || has(events, Cue::nausea)) ++with_signs;
        for (const CueEvent& e : events) CHECK(e.cue != Cue::chest_pain);  // a typical pressure
    }
    CHECK(with_signs >= 14);
}

TEST_CASE("a litre and a half over the session keeps sodium normal, with no signs") {
    Physiology p = typical_person();
    const auto moderate = glasses(1.5, 360);
    CHECK(lowest_sodium(p, moderate) >= 135);
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        p.body_seed = seed;
        CHECK(body_events_between(p, dose_125, {}, moderate, 0, 600).empty());
    }
}

TEST_CASE("the medicine holds water back: the same water lowers sodium more after a dose") {
    const Physiology p = typical_person();
    const auto three = glasses(3, 180);
    double with_drug = 1e9, without = 1e9;
    for (double t = 0; t <= 480; t += 10) {
        with_drug = std::min(with_drug, fluid_state(p, dose_125, {}, three, t).sodium);
        without = std::min(without, fluid_state(p, {}, {}, three, t).sodium);
    }
    CHECK(with_drug < without - 2);
    CHECK(without > 134);  // healthy kidneys pass most of a water load
}

TEST_CASE("without drinking, sodium stays normal and drifts up a little with sweat and breath") {
    const Physiology p = typical_person();
    const FluidState at_6h = fluid_state(p, dose_125, {}, {}, 360);
    CHECK(at_6h.sodium >= 140);
    CHECK(at_6h.sodium < 143);
    CHECK(at_6h.balance_l < 0);
    CHECK(at_6h.sweat_l > 0);
}

TEST_CASE("an electrolyte drink lowers sodium less than the same amount of water") {
    const Physiology p = typical_person();
    const double water = lowest_sodium(p, glasses(3, 240));
    const double electrolyte = lowest_sodium(p, glasses(3, 240, Fluid::electrolyte));
    CHECK(electrolyte > water + 1.5);
    CHECK(electrolyte >= 135);
}

TEST_CASE("a 3% saline bolus raises a low sodium by about 1.5 mmol/L") {
    const Physiology p = typical_person();
    auto in = glasses(4, 240);
    const double before = fluid_state(p, dose_125, {}, in, 250).sodium;
    in.push_back({250, 0.15, Fluid::hypertonic_iv});
    const double after = fluid_state(p, dose_125, {}, in, 252).sodium;
    const double untreated = fluid_state(p, dose_125, {}, glasses(4, 240), 252).sodium;
    CHECK(after - untreated > 1.0);
    CHECK(after - untreated < 2.5);
    CHECK(after > before);
}

TEST_CASE("fluids are the same however often they are asked; a later drink never rewrites earlier signs") {
    Physiology p = typical_person();
    p.body_seed = 7;
    const auto four = glasses(4, 240);
    const double direct = fluid_state(p, dose_125, {}, four, 300).sodium;
    (void)fluid_state(p, dose_125, {}, four, 100);
    CHECK(fluid_state(p, dose_125, {}, four, 300).sodium == direct);
    // Windows cut differently give the same events.
    std::vector<CueEvent> pieces;
    for (double t = 0; t < 600; t += 37) {
        const auto part = body_events_between(p, dose_125, {}, four, t, std::min(600.0, t + 37));
        pieces.insert(pieces.end(), part.begin(), part.end());
    }
    const auto whole = body_events_between(p, dose_125, {}, four, 0, 600);
    REQUIRE(pieces.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
        CHECK(pieces[i].cue == whole[i].cue);
        CHECK(pieces[i].t_min == whole[i].t_min);
    }
    // Two more litres at 5 h leave everything before 5 h as it was.
    auto more = four;
    for (int i = 0; i < 8; ++i) more.push_back({300.0 + i, 0.25, Fluid::water});
    const auto before = body_events_between(p, dose_125, {}, four, 0, 300);
    const auto again = body_events_between(p, dose_125, {}, more, 0, 300);
    REQUIRE(before.size() == again.size());
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(before[i].t_min == again[i].t_min);
}

TEST_CASE("falling further brings vomiting and confusion") {
    Physiology p = typical_person();
    p.fluids.body_water_l = 28;  // a small participant
    const auto six = glasses(6, 240);
    CHECK(lowest_sodium(p, six) < 126);
    int vomiting = 0, confusion = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        p.body_seed = seed;
        const auto events = body_events_between(p, dose_125, {}, six, 0, 600);
        vomiting += has(events, Cue::vomiting);
        confusion += has(events, Cue::confusion);
    }
    CHECK(vomiting >= 10);
    CHECK(confusion >= 10);
}

TEST_CASE("chest pain is drawn only when the medicine drives pressure very high") {
    Physiology typical = typical_person();
    Physiology responder = typical_person();
    responder.baseline.sbp = 150;
    responder.sensitivity = Sensitivity{1.3, 1.8, 1.0};
    const Dose big[] = {{0, 125}, {120, 62.5}};
    int typical_pain = 0, responder_pain = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        typical.body_seed = responder.body_seed = seed;
        typical_pain += has(body_events_between(typical, big, {}, {}, 0, 600), Cue::chest_pain);
        responder_pain += has(body_events_between(responder, big, {}, {}, 0, 600), Cue::chest_pain);
    }
    CHECK(typical_pain == 0);
    CHECK(responder_pain >= 4);
}

TEST_CASE("a raised hyperthermia climbs until actively cooled; active cooling brings it down") {
    const Physiology p = typical_person();
    const std::vector<Intervention> hot = {{Measure::heat_gain, 60}};
    const double at_60 = expected_vitals(p, dose_125, hot, 60, 30, 0).temp_c;
    const double at_150 = expected_vitals(p, dose_125, hot, 150, 30, 0).temp_c;
    CHECK(at_150 > 39.0);
    CHECK(at_150 > at_60 + 1.5);
    // The heart follows the heat.
    CHECK(expected_vitals(p, dose_125, hot, 150, 30, 0).hr > expected_vitals(p, dose_125, {}, 150, 30, 0).hr + 10);
    // Active cooling from 150 min: within the hour the temperature is back under 38.5 and falling.
    std::vector<Intervention> cooled = hot;
    cooled.push_back({Measure::active_cooling, 150});
    const double after_1h = expected_vitals(p, dose_125, cooled, 210, 30, 0).temp_c;
    CHECK(after_1h < 38.5);
    CHECK(after_1h < expected_vitals(p, dose_125, hot, 210, 30, 0).temp_c - 2.0);
    // A fan and a cool cloth slow it, but do not stop it.
    std::vector<Intervention> fan = hot;
    fan.push_back({Measure::cooling, 60});
    const double fan_150 = expected_vitals(p, dose_125, fan, 150, 30, 0).temp_c;
    CHECK(fan_150 < at_150);
    CHECK(expected_vitals(p, dose_125, fan, 240, 30, 0).temp_c > fan_150 + 0.5);
}

TEST_CASE("active cooling cuts the medicine's own temperature rise more than a fan") {
    Physiology p = typical_person();
    p.sensitivity.temp = 2.5;
    const double none = expected_vitals(p, dose_125, {}, 110, 30, 0).temp_c;
    const std::vector<Intervention> fan = {{Measure::cooling, 0}};
    const std::vector<Intervention> ice = {{Measure::active_cooling, 0}};
    const double with_fan = expected_vitals(p, dose_125, fan, 110, 30, 0).temp_c;
    const double with_ice = expected_vitals(p, dose_125, ice, 110, 30, 0).temp_c;
    CHECK(with_fan < none);
    CHECK(with_ice < with_fan - 0.3);
}

TEST_CASE("a hypertensive surge needs treatment: the physician's treatment brings it down") {
    const Physiology p = typical_person();
    const std::vector<Intervention> surge = {{Measure::pressor_surge, 60}};
    const Vitals untreated = expected_vitals(p, dose_125, surge, 150, 30, 0);
    CHECK(untreated.sbp > 180);
    std::vector<Intervention> treated = surge;
    treated.push_back({Measure::antihypertensive, 90});
    const Vitals after = expected_vitals(p, dose_125, treated, 150, 30, 0);
    CHECK(after.sbp < 160);
    CHECK(after.dbp < untreated.dbp - 15);
}

TEST_CASE("a cohort drinking freely becomes hyponatremic about as often as Atila et al. 2024; restriction prevents it") {
    PopulationOptions o;
    o.n = 400;
    const PopulationResult r = simulate_population(o);
    CHECK(r.single.share_hyponatremia_free > 0.27);
    CHECK(r.single.share_hyponatremia_free < 0.47);
    CHECK(r.single.share_hyponatremia_restricted < 0.03);
    // An electrolyte drink up to the session limit protects most of those water would not.
    CHECK(r.single.share_hyponatremia_cap_electrolyte < r.single.share_hyponatremia_cap_water / 2);
    // Severe hypertension is the tail, not the rule.
    CHECK(r.single.share_sbp_over_180 < 0.08);
}

TEST_CASE("a session's schedule, kept between windows, gives what drawing each window from minute 0 gives") {
    // A session's inputs grow only at its present: doses, interventions (some ended), drinks and
    // raised conditions, at the start of a window, then the window is asked for.
    auto same = [](const std::vector<CueEvent>& kept, const std::vector<CueEvent>& fresh) {
        REQUIRE(kept.size() == fresh.size());
        for (std::size_t i = 0; i < kept.size(); ++i) {
            CHECK(kept[i].cue == fresh[i].cue);
            CHECK(kept[i].t_min == fresh[i].t_min);
        }
    };
    std::size_t events = 0;
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        Rng person_rng(seed);
        const Physiology p = Physiology::draw(person_rng, {70, seed % 5 == 0 ? 190.0 : 120.0, 78, 36.8});
        CueSchedule schedule(p);
        Rng moves(seed * 7919);
        std::vector<Dose> doses;
        std::vector<Intervention> interventions;
        std::vector<Intake> intakes;
        double now = 0;
        while (now < 720) {
            const double roll = moves.uniform();
            if (roll < 0.08 && doses.size() < 3) doses.push_back({now, doses.empty() ? 125.0 : 62.5});
            else if (roll < 0.30) intakes.push_back({now, 0.25 + moves.uniform(), moves.uniform() < 0.8 ? Fluid::water : Fluid::hypertonic_iv});
            else if (roll < 0.38) interventions.push_back({moves.uniform() < 0.5 ? Measure::blanket : Measure::cooling, now});
            else if (roll < 0.42) interventions.push_back({Measure::pressor_surge, now, std::numeric_limits<double>::infinity(), 1.5});
            else if (roll < 0.48 && !interventions.empty() && interventions.back().until_min > now)
                interventions.back().until_min = now;  // ended at the present
            const double to = now + std::floor(moves.uniform() * 40 * 60) / 60;  // whole seconds, up to 40 minutes
            const auto cues = schedule.cues(doses, interventions, now, to);
            same(cues, cues_between(p, doses, interventions, now, to));
            const auto body = schedule.body_events(doses, interventions, intakes, now, to);
            same(body, body_events_between(p, doses, interventions, intakes, now, to));
            events += cues.size() + body.size();
            now = to;
        }
        // A window earlier than the last is drawn from minute 0.
        same(schedule.cues(doses, interventions, 60, 200), cues_between(p, doses, interventions, 60, 200));
        same(schedule.body_events(doses, interventions, intakes, 60, 200),
             body_events_between(p, doses, interventions, intakes, 60, 200));
    }
    CHECK(events > 100);  // the comparison saw events, not only empty windows
}
