#pragma once
// Simulated cohorts: checks the patient model against the published figures
// (Vizeli & Liechti 2017; DOMAIN.md time course). Used by tools/population and tests.
#include <cstdint>
#include <optional>

#include "sim/vitals.hpp"

namespace holdspace {

class Rng;

struct PopulationOptions {
    int n = 1000;
    double dose_mg = 125;
    double supplemental_mg = 0;  // 0: no supplemental dose
    double supplemental_at_min = 120;
    std::uint64_t seed = 1;
};

// Per regimen, over the cohort. Vital-sign peaks are the highest of the noisy
// readings taken every 30 min for 10 h, participants staying in their baseline state,
// as in the laboratory studies the published shares come from.
struct CohortSummary {
    double share_hr_over = 0;    // peak hr > 100 bpm
    double share_sbp_over = 0;   // peak sbp > 160 mmHg
    double share_dbp_over = 0;   // peak dbp > 100 mmHg
    double share_temp_over = 0;  // peak temperature > 38.0 C
    double share_felt = 0;       // intensity ever above 0.2
    double median_onset_min = 0;
    double median_peak_min = 0;  // time to peak intensity
    double median_peak_intensity = 0;
    double median_duration_h = 0;  // subjective duration (intensity > 0.2)
    double sd_duration_h = 0;
    double share_sbp_over_180 = 0;  // peak sbp > 180 mmHg: severe hypertension, treated (ACC/AHA 2017)
    double share_chest_pain = 0;    // chest pain drawn by the model within 10 h (no water)
    // Fluids and sodium (docs/patient-model.md, "Fluids and sodium"): the lowest serum sodium
    // within 6 h (Atila et al. 2024 measured to 360 min) and, for the session limits, within 10 h.
    double share_hyponatremia_free = 0;        // < 135 mmol/L, drinking freely
    double share_hyponatremia_restricted = 0;  // < 135, fluids restricted (0.5 L in 6 h)
    double share_hyponatremia_cap_water = 0;   // < 135, drinking freely up to 3 L of water
    double share_hyponatremia_cap_electrolyte = 0;  // ... up to 3 L of an electrolyte drink
    double share_below_130_free = 0;           // < 130, drinking freely
    double share_symptoms_free = 0;            // a headache, nausea or worse from low sodium, drinking freely
    double median_nadir_free = 0;              // mmol/L
    double median_nadir_min_free = 0;          // minutes after the dose
    double mean_drunk_free_l = 0;              // in the 6 h
    Vitals median_peak;  // per vital sign, of each participant's peak
    Vitals p95_peak;
    Vitals max_peak;
};

struct PopulationResult {
    PopulationOptions options;
    CohortSummary single;                      // the dose alone
    std::optional<CohortSummary> supplemented;  // the same people with the supplemental dose
};

// Healthy volunteers' resting vital signs (our estimate of a screened adult population).
Vitals draw_volunteer_baseline(Rng& rng);

// Deterministic for a given options.seed. Requires options.n >= 1.
PopulationResult simulate_population(const PopulationOptions& options);

}  // namespace holdspace
