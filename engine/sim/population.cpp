#include "sim/population.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

#include "sim/pharmacology.hpp"
#include "sim/physiology.hpp"
#include "sim/rng.hpp"

namespace holdspace {
namespace {

constexpr double reading_every_min = 30;
constexpr double readings_until_min = 600;

struct Outcome {
    TimeCourse course;
    Vitals peak;
    bool chest_pain = false;
    double nadir_free = 0, nadir_min_free = 0, drunk_free = 0;
    bool symptoms_free = false;
    double nadir_restricted = 0, nadir_cap_water = 0, nadir_cap_electrolyte = 0;
};

// Drinking: glasses of 250 mL from the dose until `until_min`, no more than `cap_l` in all. Thirst
// follows the medicine (a dry mouth while it is felt): `rate_l_per_h` at the typical peak
// intensity (0.75), 15% of it without the medicine.
std::vector<Intake> drinking(const Physiology& person, std::span<const Dose> doses, double rate_l_per_h,
                             double until_min, double cap_l, Fluid kind) {
    std::vector<Intake> out;
    double total = 0, thirst = 0.125;  // the first glass comes after half a glass's worth of thirst
    for (double t = 0; t <= until_min && total + 0.25 <= cap_l + 1e-9; t += 1) {
        const double i = intensity(person.drug, doses, t);
        thirst += rate_l_per_h / 60 * (0.15 + 0.85 * std::min(1.5, i / 0.75));
        if (thirst >= 0.25) {
            out.push_back({t, 0.25, kind});
            total += 0.25;
            thirst -= 0.25;
        }
    }
    return out;
}

// Lowest sodium (mmol/L) and when, sampled every 10 min up to until_min.
std::pair<double, double> nadir(const Physiology& person, std::span<const Dose> doses,
                                std::span<const Intake> intakes, double until_min) {
    double low = 1e9, when = 0;
    for (double t = 0; t <= until_min; t += 10) {
        const double na = fluid_state(person, doses, {}, intakes, t).sodium;
        if (na < low) { low = na; when = t; }
    }
    return {low, when};
}

// How much a freely drinking participant drinks (L/h): fitted so that 37% of a 125-mg cohort
// become hyponatremic within 6 h, as in Atila et al. 2024 (docs/patient-model.md).
constexpr double free_drinking_median_l_per_h = 0.48;
constexpr double free_drinking_spread = 0.45;
constexpr double restricted_l = 0.5;
constexpr double session_cap_l = 3.0;

void simulate_fluids(Outcome& o, const Physiology& person, std::span<const Dose> doses, std::uint64_t seed) {
    Rng rng(seed ^ 0xd12c4b0ff11dULL);
    const double rate = std::clamp(free_drinking_median_l_per_h * std::exp(free_drinking_spread * rng.normal()), 0.05, 1.5);
    const auto free = drinking(person, doses, rate, 360, 100, Fluid::water);
    std::tie(o.nadir_free, o.nadir_min_free) = nadir(person, doses, free, 360);
    o.drunk_free = 0.25 * static_cast<double>(free.size());
    for (const CueEvent& e : body_events_between(person, doses, {}, free, 0, 360))
        if (e.cue != Cue::chest_pain) o.symptoms_free = true;
    o.nadir_restricted = nadir(person, doses, drinking(person, doses, rate, 360, restricted_l, Fluid::water), 360).first;
    o.nadir_cap_water = nadir(person, doses, drinking(person, doses, rate, 480, session_cap_l, Fluid::water), 600).first;
    o.nadir_cap_electrolyte = nadir(person, doses, drinking(person, doses, rate, 480, session_cap_l, Fluid::electrolyte), 600).first;
    for (const CueEvent& e : body_events_between(person, doses, {}, {}, 0, 600))
        if (e.cue == Cue::chest_pain) o.chest_pain = true;
}

Outcome simulate(const Physiology& person, std::span<const Dose> doses, std::uint64_t noise_seed) {
    Outcome o{time_course(person.drug, doses), {}};
    Rng noise(noise_seed);  // same readings' noise whichever regimen, so regimens compare like for like
    bool first = true;
    for (double t = 0; t <= readings_until_min; t += reading_every_min) {
        const Vitals v = read_vitals(person, doses, {}, t, person.baseline_arousal,
                                     person.baseline_distress, noise);
        if (first) {
            o.peak = v;
            first = false;
            continue;
        }
        o.peak.hr = std::max(o.peak.hr, v.hr);
        o.peak.sbp = std::max(o.peak.sbp, v.sbp);
        o.peak.dbp = std::max(o.peak.dbp, v.dbp);
        o.peak.temp_c = std::max(o.peak.temp_c, v.temp_c);
    }
    return o;
}

double quantile(std::vector<double> xs, double q) {
    if (xs.empty()) return 0;
    std::sort(xs.begin(), xs.end());
    const double pos = q * static_cast<double>(xs.size() - 1);
    const auto lo = static_cast<std::size_t>(pos);
    const std::size_t hi = std::min(lo + 1, xs.size() - 1);
    return xs[lo] + (pos - static_cast<double>(lo)) * (xs[hi] - xs[lo]);
}

template <class F>
Vitals per_vital(const std::vector<Outcome>& os, F stat) {
    std::vector<double> hr, sbp, dbp, temp;
    for (const Outcome& o : os) {
        hr.push_back(o.peak.hr);
        sbp.push_back(o.peak.sbp);
        dbp.push_back(o.peak.dbp);
        temp.push_back(o.peak.temp_c);
    }
    return {stat(hr), stat(sbp), stat(dbp), stat(temp)};
}

CohortSummary summarise(const std::vector<Outcome>& os) {
    const Thresholds limits;
    const double n = static_cast<double>(os.size());
    CohortSummary s;
    std::vector<double> onset, peak_min, peak_i, duration, nadirs, nadir_times;
    for (const Outcome& o : os) {
        s.share_hr_over += o.peak.hr > limits.hr ? 1 / n : 0;
        s.share_sbp_over += o.peak.sbp > limits.sbp ? 1 / n : 0;
        s.share_dbp_over += o.peak.dbp > limits.dbp ? 1 / n : 0;
        s.share_temp_over += o.peak.temp_c > limits.temp_c ? 1 / n : 0;
        s.share_sbp_over_180 += o.peak.sbp > 180 ? 1 / n : 0;
        s.share_chest_pain += o.chest_pain ? 1 / n : 0;
        s.share_hyponatremia_free += o.nadir_free < 135 ? 1 / n : 0;
        s.share_hyponatremia_restricted += o.nadir_restricted < 135 ? 1 / n : 0;
        s.share_hyponatremia_cap_water += o.nadir_cap_water < 135 ? 1 / n : 0;
        s.share_hyponatremia_cap_electrolyte += o.nadir_cap_electrolyte < 135 ? 1 / n : 0;
        s.share_below_130_free += o.nadir_free < 130 ? 1 / n : 0;
        s.share_symptoms_free += o.symptoms_free ? 1 / n : 0;
        s.mean_drunk_free_l += o.drunk_free / n;
        nadirs.push_back(o.nadir_free);
        nadir_times.push_back(o.nadir_min_free);
        peak_min.push_back(o.course.peak_min);
        peak_i.push_back(o.course.peak_intensity);
        if (!o.course.onset_min) continue;
        s.share_felt += 1 / n;
        onset.push_back(*o.course.onset_min);
        duration.push_back(o.course.duration_h());
    }
    s.median_nadir_free = quantile(nadirs, 0.5);
    s.median_nadir_min_free = quantile(nadir_times, 0.5);
    s.median_onset_min = quantile(onset, 0.5);
    s.median_peak_min = quantile(peak_min, 0.5);
    s.median_peak_intensity = quantile(peak_i, 0.5);
    s.median_duration_h = quantile(duration, 0.5);
    if (!duration.empty()) {
        double mean = 0, var = 0;
        for (double d : duration) mean += d / static_cast<double>(duration.size());
        for (double d : duration) var += (d - mean) * (d - mean) / static_cast<double>(duration.size());
        s.sd_duration_h = std::sqrt(var);
    }
    s.median_peak = per_vital(os, [](const std::vector<double>& xs) { return quantile(xs, 0.5); });
    s.p95_peak = per_vital(os, [](const std::vector<double>& xs) { return quantile(xs, 0.95); });
    s.max_peak = per_vital(os, [](const std::vector<double>& xs) { return quantile(xs, 1.0); });
    return s;
}

}  // namespace

Vitals draw_volunteer_baseline(Rng& rng) {
    // Resting values of screened healthy adults (no uncontrolled hypertension,
    // DOMAIN.md screening), so the spread is narrower than in the general population.
    Vitals v;
    v.hr = std::clamp(rng.normal(68, 9), 48.0, 95.0);
    v.sbp = std::clamp(rng.normal(122, 10), 98.0, 145.0);
    v.dbp = std::clamp(rng.normal(75, 7), 58.0, 92.0);
    v.temp_c = std::clamp(rng.normal(37.0, 0.3), 36.2, 37.7);
    return v;
}

PopulationResult simulate_population(const PopulationOptions& options) {
    if (options.n < 1) throw std::invalid_argument("population size must be at least 1");
    const bool supplement = options.supplemental_mg > 0;
    const Dose single[] = {{0, options.dose_mg}};
    const Dose both[] = {{0, options.dose_mg}, {options.supplemental_at_min, options.supplemental_mg}};

    Rng rng(options.seed);
    std::vector<Outcome> alone, with;
    for (int i = 0; i < options.n; ++i) {
        const Vitals baseline = draw_volunteer_baseline(rng);
        const Physiology person = Physiology::draw(rng, baseline);
        const std::uint64_t noise_seed = rng.next_u64();
        alone.push_back(simulate(person, single, noise_seed));
        simulate_fluids(alone.back(), person, single, noise_seed);
        if (supplement) {
            with.push_back(simulate(person, both, noise_seed));
            simulate_fluids(with.back(), person, both, noise_seed);
        }
    }
    PopulationResult r{options, summarise(alone), std::nullopt};
    if (supplement) r.supplemented = summarise(with);
    return r;
}

}  // namespace holdspace
