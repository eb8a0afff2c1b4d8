#pragma once
// The participant's body: vital signs, safety thresholds and the common bodily
// effects of MDMA as timed cues.
//
// vitals = baseline + drug effect x sensitivity + arousal/distress + measurement noise.
// The drug effect follows drug_drive() (pharmacology.hpp), so it peaks with the
// felt intensity and has no secondary peak (Kolbrich et al. 2008). Sensitivities
// are spread so that a population given 125 mg crosses the thresholds about as
// often as Vizeli & Liechti 2017 report. Sources: docs/patient-model.md.
#include <array>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "sim/pharmacology.hpp"
#include "sim/vitals.hpp"

namespace holdspace {

class Rng;

// Multipliers on the drug's effect for a typical person (1 = typical).
// A scenario can fix one, e.g. a hypertensive responder: Sensitivity{1.2, 2.0, 1.0}.
struct Sensitivity {
    double hr = 1;    // heart rate
    double bp = 1;    // systolic and diastolic pressure
    double temp = 1;  // body temperature

    static Sensitivity draw(Rng& rng);
};

// Common effects during sessions (DOMAIN.md), offered to scenarios as cues.
enum class Cue { jaw_tightness, nausea, feeling_cold, sweating, muscle_tension, anxiety };
inline constexpr std::size_t cue_count = 6;
std::string_view cue_name(Cue cue);

// One participant. draw() gives an individual; every field can also be set by hand.
struct Physiology {
    // Resting vitals before the drug, taken at the arousal and distress below;
    // readings move from them as arousal and distress move. A session should set
    // these two to the scenario's starting state, so the first reading is the baseline.
    Vitals baseline;
    double baseline_arousal = 30;
    double baseline_distress = 0;
    DrugResponse drug;
    Sensitivity sensitivity;
    // Per cue (indexed by Cue): 0 = this person never has it, 1 = typical frequency.
    std::array<double, cue_count> cue_proneness{};
    std::uint64_t cue_seed = 0;  // seeds the cue schedule, so cues are fixed per person

    static Physiology draw(Rng& rng, const Vitals& baseline);
};

// Things the therapists do that physiology responds to, in force from
// from_min until until_min (session minutes). Each fades in and out over ~20 min.
enum class Measure {
    cooling,  // cool cloth, fan, cooler room: temperature rise -35%
    water,    // drinking water: temperature rise -10%
    blanket,  // covered: temperature rise +15%; removing it takes that away
    rest,     // lying still, slow breathing: arousal/distress part of hr/bp -40%
};
struct Intervention {
    Measure measure = Measure::rest;
    double from_min = 0;
    double until_min = std::numeric_limits<double>::infinity();
};

// Noise-free vital signs at t_min. arousal and distress are the current 0–100
// values (clamped); above the person's baseline ones they raise hr and bp.
Vitals expected_vitals(const Physiology& person, std::span<const Dose> doses,
                       std::span<const Intervention> interventions, double t_min,
                       double arousal, double distress);

// A monitor reading: expected_vitals plus measurement noise (four draws from `noise`).
Vitals read_vitals(const Physiology& person, std::span<const Dose> doses,
                   std::span<const Intervention> interventions, double t_min, double arousal,
                   double distress, Rng& noise);

// Readings above these (strictly) raise an alert. Defaults from DOMAIN.md:
// sbp > 160, hr > 100, temp > 38.0 (Vizeli & Liechti 2017); dbp > 100 is just
// under the highest diastolic Kolbrich et al. 2008 saw (102 mmHg).
struct Thresholds {
    double hr = 100;
    double sbp = 160;
    double dbp = 100;
    double temp_c = 38.0;
};
enum class Alert { hr_high, sbp_high, dbp_high, temp_high };
std::string_view alert_name(Alert alert);
std::vector<Alert> alerts(const Vitals& reading, const Thresholds& limits = {});

struct CueEvent {
    Cue cue;
    double t_min;
};

// The cues that occur in [from_min, to_min), in time order. The same person,
// doses and interventions give the same events however the window is cut.
std::vector<CueEvent> cues_between(const Physiology& person, std::span<const Dose> doses,
                                   std::span<const Intervention> interventions,
                                   double from_min, double to_min);

}  // namespace holdspace
