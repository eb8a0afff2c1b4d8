// Vital signs, interventions, threshold alerts and bodily cues.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/physiology.hpp"
#include "sim/rng.hpp"

using namespace holdspace;

namespace {

const Vitals resting{70, 120, 78, 36.8};
const Dose dose_125[] = {{0, 125}};

// A typical participant: typical drug response, sensitivity 1.
Physiology typical_person() {
    Physiology p;
    p.baseline = resting;
    return p;
}

Vitals calm_at(const Physiology& p, std::span<const Dose> doses, double t,
               std::span<const Intervention> iv = {}) {
    return expected_vitals(p, doses, iv, t, 30, 0);
}

}  // namespace

TEST_CASE("before the drug and at rest, vitals are the baseline") {
    const Physiology p = typical_person();
    const Vitals v = calm_at(p, dose_125, 0);
    CHECK(v.hr == resting.hr);
    CHECK(v.sbp == resting.sbp);
    CHECK(v.dbp == resting.dbp);
    CHECK(v.temp_c == resting.temp_c);
    const Vitals no_drug = calm_at(p, {}, 120);
    CHECK(no_drug.hr == resting.hr);
}

TEST_CASE("125 mg raises hr, bp and temperature, peaking 1-2 h after the dose with no second peak") {
    const Physiology p = typical_person();
    double peak_t = 0, peak_hr = 0;
    for (double t = 0; t <= 600; t += 1) {
        const double hr = calm_at(p, dose_125, t).hr;
        if (hr > peak_hr) {
            peak_hr = hr;
            peak_t = t;
        }
    }
    // Kolbrich et al. 2008: peak effects 1–2 h after the dose.
    CHECK(peak_t >= 60);
    CHECK(peak_t <= 130);
    const Vitals peak = calm_at(p, dose_125, peak_t);
    CHECK(peak.hr - resting.hr == doctest::Approx(26).epsilon(0.05));
    CHECK(peak.sbp - resting.sbp == doctest::Approx(32).epsilon(0.05));
    CHECK(peak.dbp - resting.dbp > 8);
    CHECK(peak.temp_c - resting.temp_c > 0.3);
    CHECK(peak.temp_c - resting.temp_c < 1.0);
    // Falls steadily afterwards and is back near baseline by 8 h.
    double previous = peak.sbp;
    for (double t = peak_t + 10; t <= 720; t += 10) {
        const double sbp = calm_at(p, dose_125, t).sbp;
        CHECK(sbp <= previous + 1e-9);
        previous = sbp;
    }
    CHECK(calm_at(p, dose_125, 480).sbp - resting.sbp < 3);
}

TEST_CASE("a more sensitive person responds more; a scenario can fix a hypertensive responder") {
    Physiology typical = typical_person();
    typical.baseline.sbp = 125;
    Physiology responder = typical;
    responder.sensitivity = Sensitivity{1.3, 1.8, 1.0};
    const Vitals a = calm_at(typical, dose_125, 110);
    const Vitals b = calm_at(responder, dose_125, 110);
    CHECK(alerts(a).empty());
    CHECK(b.sbp > 165);  // clearly over the 160 alert
    CHECK(b.hr > a.hr);
    CHECK(b.temp_c == a.temp_c);
    const auto crossed = alerts(b);
    CHECK(std::find(crossed.begin(), crossed.end(), Alert::sbp_high) != crossed.end());
}

TEST_CASE("arousal and distress raise hr and bp; calm and rest lower them") {
    const Physiology p = typical_person();
    const Vitals calm = expected_vitals(p, dose_125, {}, 90, 30, 0);
    const Vitals aroused = expected_vitals(p, dose_125, {}, 90, 90, 0);
    const Vitals distressed = expected_vitals(p, dose_125, {}, 90, 90, 80);
    const Vitals shut_down = expected_vitals(p, dose_125, {}, 90, 5, 0);
    CHECK(aroused.hr - calm.hr == doctest::Approx(18));
    CHECK(aroused.sbp - calm.sbp == doctest::Approx(12));
    CHECK(distressed.hr > aroused.hr + 5);
    CHECK(distressed.sbp > aroused.sbp + 5);
    CHECK(shut_down.hr < calm.hr);
    CHECK(aroused.temp_c == calm.temp_c);
    // Inputs outside 0–100 are clamped, not extrapolated.
    CHECK(expected_vitals(p, dose_125, {}, 90, 500, 0).hr == expected_vitals(p, dose_125, {}, 90, 100, 0).hr);

    // Lying still for half an hour takes a good part of the arousal-driven rise away.
    const Intervention rest[] = {{Measure::rest, 60}};
    const Vitals rested = expected_vitals(p, dose_125, rest, 90, 90, 0);
    CHECK(aroused.hr - rested.hr > 5);
    CHECK(rested.hr > calm.hr);  // the drug's own part remains
}

TEST_CASE("a baseline taken in a tense state is what that state reads; calming lowers it") {
    Physiology p = typical_person();
    p.baseline_arousal = 50;
    p.baseline_distress = 20;
    const Vitals start = expected_vitals(p, dose_125, {}, 0, 50, 20);
    CHECK(start.hr == resting.hr);
    CHECK(start.sbp == resting.sbp);
    const Vitals calmer = expected_vitals(p, dose_125, {}, 0, 30, 5);
    CHECK(calmer.hr < resting.hr - 5);
    CHECK(calmer.sbp < resting.sbp - 4);
}

TEST_CASE("cooling and water lower the temperature rise; a blanket adds to it") {
    const Physiology p = typical_person();
    const double t = 120;
    const double rise = calm_at(p, dose_125, t).temp_c - resting.temp_c;
    const auto rise_with = [&](Measure m, double from, double until) {
        const Intervention iv[] = {{m, from, until}};
        return calm_at(p, dose_125, t, iv).temp_c - resting.temp_c;
    };
    const double inf = std::numeric_limits<double>::infinity();
    CHECK(rise_with(Measure::cooling, 60, inf) < 0.75 * rise);
    CHECK(rise_with(Measure::cooling, 60, inf) > 0.5 * rise);  // somewhat, not a cure
    CHECK(rise_with(Measure::water, 60, inf) < 0.95 * rise);
    CHECK(rise_with(Measure::blanket, 30, inf) > 1.1 * rise);
    // Taking the blanket off brings the temperature back down.
    CHECK(rise_with(Measure::blanket, 30, 80) < rise_with(Measure::blanket, 30, inf) - 0.05);
    // Measures take time to work: a fan switched on a minute ago barely helps yet.
    CHECK(rise_with(Measure::cooling, t - 1, inf) > 0.97 * rise);
    // And they do not touch the heart rate.
    const Intervention cool[] = {{Measure::cooling, 60}};
    CHECK(calm_at(p, dose_125, t, cool).hr == calm_at(p, dose_125, t).hr);
}

TEST_CASE("threshold alerts: strictly above the DOMAIN.md limits") {
    CHECK(alerts({99, 150, 90, 37.5}).empty());
    CHECK(alerts({100, 160, 100, 38.0}).empty());  // at the limit is not over it
    CHECK(alerts({101, 150, 90, 37.5}) == std::vector<Alert>{Alert::hr_high});
    CHECK(alerts({80, 161, 90, 37.5}) == std::vector<Alert>{Alert::sbp_high});
    CHECK(alerts({80, 150, 101, 37.5}) == std::vector<Alert>{Alert::dbp_high});
    CHECK(alerts({80, 150, 90, 38.1}) == std::vector<Alert>{Alert::temp_high});
    CHECK(alerts({120, 170, 104, 38.4}).size() == 4);
    const Thresholds strict{90, 140, 90, 37.5};
    CHECK(alerts({95, 145, 85, 37.0}, strict) == std::vector<Alert>{Alert::hr_high, Alert::sbp_high});
    CHECK(alert_name(Alert::sbp_high) == "sbp_high");
    CHECK(alert_name(Alert::temp_high) == "temp_high");
}

TEST_CASE("monitor readings scatter a little around the expected value, reproducibly") {
    const Physiology p = typical_person();
    const Vitals expected = calm_at(p, dose_125, 100);
    Rng a(9), b(9);
    double max_hr_dev = 0, max_sbp_dev = 0, sum_hr = 0;
    bool any_differs = false;
    for (int i = 0; i < 500; ++i) {
        const Vitals ra = read_vitals(p, dose_125, {}, 100, 30, 0, a);
        const Vitals rb = read_vitals(p, dose_125, {}, 100, 30, 0, b);
        CHECK(ra.sbp == rb.sbp);
        any_differs = any_differs || ra.hr != expected.hr;
        max_hr_dev = std::max(max_hr_dev, std::abs(ra.hr - expected.hr));
        max_sbp_dev = std::max(max_sbp_dev, std::abs(ra.sbp - expected.sbp));
        sum_hr += ra.hr;
    }
    CHECK(any_differs);
    CHECK(max_hr_dev < 10);
    CHECK(max_sbp_dev < 15);
    CHECK(sum_hr / 500 == doctest::Approx(expected.hr).epsilon(0.01));
}

TEST_CASE("drawn participants: same seed, same person; different seeds, different people") {
    Rng a(1), b(1), c(2);
    const Physiology pa = Physiology::draw(a, resting);
    const Physiology pb = Physiology::draw(b, resting);
    const Physiology pc = Physiology::draw(c, resting);
    CHECK(calm_at(pa, dose_125, 100).sbp == calm_at(pb, dose_125, 100).sbp);
    CHECK(pa.cue_seed == pb.cue_seed);
    CHECK(calm_at(pa, dose_125, 100).sbp != calm_at(pc, dose_125, 100).sbp);
    CHECK(pa.baseline.hr == resting.hr);

    Rng rng(3);
    std::vector<double> bp;
    for (int i = 0; i < 500; ++i) bp.push_back(Sensitivity::draw(rng).bp);
    std::sort(bp.begin(), bp.end());
    CHECK(bp[250] == doctest::Approx(1).epsilon(0.1));
    CHECK(bp[450] / bp[50] > 1.5);  // responders differ
}

TEST_CASE("cues are fixed per person and do not depend on how the session is sliced") {
    Rng rng(21);
    const Dose doses[] = {{0, 120}, {120, 60}};
    for (int i = 0; i < 20; ++i) {
        const Physiology p = Physiology::draw(rng, resting);
        const auto whole = cues_between(p, doses, {}, 0, 600);
        auto parts = cues_between(p, doses, {}, 0, 137);
        for (double from = 137; from < 600; from += 91) {
            const auto more = cues_between(p, doses, {}, from, std::min(from + 91, 600.0));
            parts.insert(parts.end(), more.begin(), more.end());
        }
        REQUIRE(parts.size() == whole.size());
        for (std::size_t k = 0; k < whole.size(); ++k) {
            CHECK(parts[k].cue == whole[k].cue);
            CHECK(parts[k].t_min == whole[k].t_min);
            if (k > 0) CHECK(whole[k].t_min >= whole[k - 1].t_min);
        }
    }
}

TEST_CASE("cues follow the drug: none without it, come-up cues early, effect cues later") {
    Rng rng(8);
    std::vector<double> come_up, later;
    std::array<int, cue_count> people{};
    int total = 0;
    for (int i = 0; i < 400; ++i) {
        const Physiology p = Physiology::draw(rng, resting);
        CHECK(cues_between(p, {}, {}, 0, 600).empty());
        std::array<bool, cue_count> had{};
        for (const CueEvent& e : cues_between(p, dose_125, {}, 0, 720)) {
            ++total;
            had[static_cast<std::size_t>(e.cue)] = true;
            CHECK(e.t_min >= 0);
            CHECK(e.t_min < 720);
            if (e.cue == Cue::nausea || e.cue == Cue::anxiety) come_up.push_back(e.t_min);
            if (e.cue == Cue::jaw_tightness || e.cue == Cue::sweating) later.push_back(e.t_min);
        }
        for (std::size_t k = 0; k < cue_count; ++k) people[k] += had[k] ? 1 : 0;
    }
    std::sort(come_up.begin(), come_up.end());
    std::sort(later.begin(), later.end());
    REQUIRE(come_up.size() > 50);
    REQUIRE(later.size() > 50);
    CHECK(come_up[come_up.size() / 2] < 110);  // during the come-up
    CHECK(come_up[come_up.size() / 2] > 20);
    CHECK(later[later.size() / 2] > come_up[come_up.size() / 2] + 30);
    CHECK(come_up.back() < 720);
    // Everyone is different: each cue affects some people, none affects everyone.
    for (std::size_t k = 0; k < cue_count; ++k) {
        CHECK(people[k] > 20);
        CHECK(people[k] < 380);
    }
    CHECK(total / 400.0 > 2);   // a handful of cues per session...
    CHECK(total / 400.0 < 15);  // ...not a stream
    CHECK(cue_name(Cue::jaw_tightness) == "jaw_tightness");
}

TEST_CASE("a blanket eases feeling cold") {
    Rng rng(13);
    int cold_without = 0, cold_with = 0;
    const Intervention blanket[] = {{Measure::blanket, 0}};
    for (int i = 0; i < 400; ++i) {
        const Physiology p = Physiology::draw(rng, resting);
        for (const CueEvent& e : cues_between(p, dose_125, {}, 0, 600)) cold_without += e.cue == Cue::feeling_cold;
        for (const CueEvent& e : cues_between(p, dose_125, blanket, 0, 600)) cold_with += e.cue == Cue::feeling_cold;
    }
    REQUIRE(cold_without > 40);
    CHECK(cold_with < 0.6 * cold_without);
}

TEST_CASE("a measure taken later does not rewrite cues that already happened") {
    Rng rng(17);
    const Intervention later_blanket[] = {{Measure::blanket, 150}, {Measure::cooling, 200}};
    int compared = 0;
    for (int i = 0; i < 50; ++i) {
        const Physiology p = Physiology::draw(rng, resting);
        const auto before = cues_between(p, dose_125, {}, 0, 150);
        const auto with = cues_between(p, dose_125, later_blanket, 0, 150);
        REQUIRE(before.size() == with.size());
        for (std::size_t k = 0; k < before.size(); ++k) {
            CHECK(before[k].t_min == with[k].t_min);
            ++compared;
        }
    }
    CHECK(compared > 20);
}
