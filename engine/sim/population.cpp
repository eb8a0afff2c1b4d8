#include "sim/population.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
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
};

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
    std::vector<double> onset, peak_min, peak_i, duration;
    for (const Outcome& o : os) {
        s.share_hr_over += o.peak.hr > limits.hr ? 1 / n : 0;
        s.share_sbp_over += o.peak.sbp > limits.sbp ? 1 / n : 0;
        s.share_dbp_over += o.peak.dbp > limits.dbp ? 1 / n : 0;
        s.share_temp_over += o.peak.temp_c > limits.temp_c ? 1 / n : 0;
        peak_min.push_back(o.course.peak_min);
        peak_i.push_back(o.course.peak_intensity);
        if (!o.course.onset_min) continue;
        s.share_felt += 1 / n;
        onset.push_back(*o.course.onset_min);
        duration.push_back(o.course.duration_h());
    }
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
        if (supplement) with.push_back(simulate(person, both, noise_seed));
    }
    PopulationResult r{options, summarise(alone), std::nullopt};
    if (supplement) r.supplemented = summarise(with);
    return r;
}

}  // namespace holdspace
