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
#include <optional>
#include <memory>
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

// Bodily effects offered to scenarios as `cue` events. The first six are the common effects
// during sessions (DOMAIN.md), drawn per person (cue_count of them); the rest are the body going
// wrong (body_events_between below, or raised by a scenario): the signs of a falling sodium
// (headache, nausea, vomiting, confusion, seizure; Spasovski et al. 2014) and chest pain.
enum class Cue {
    jaw_tightness, nausea, feeling_cold, sweating, muscle_tension, anxiety,
    headache, vomiting, confusion, seizure, chest_pain,
};
inline constexpr std::size_t cue_count = 6;  // the common effects, drawn per person
std::string_view cue_name(Cue cue);
std::optional<Cue> cue_by_name(std::string_view name);

// Fluid balance: how much water the body holds and the serum sodium it gives
// (docs/patient-model.md, "Fluids and sodium").
struct FluidParams {
    double body_water_l = 36;   // total body water: ~0.5-0.6 of body weight
    double sodium = 140;        // serum sodium before the session, mmol/L (normal 135-145)
    double antidiuresis = 0.95; // share of free-water excretion the medicine blocks at its peak

    static FluidParams draw(Rng& rng);
};

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
    // Fluid balance. Drawn from a stream derived from cue_seed, so adding it drew no new numbers
    // from the person's stream (every earlier participant and cohort is unchanged).
    FluidParams fluids;
    std::uint64_t body_seed = 0;  // seeds the schedule of the body's own events (body_events_between)

    static Physiology draw(Rng& rng, const Vitals& baseline);
};

// Things the therapists do that physiology responds to, in force from
// from_min until until_min (session minutes). Each fades in and out over ~20 min.
enum class Measure {
    cooling,  // cool cloth, fan, cooler room: temperature rise -35%
    water,    // drinking water: temperature rise -10%
    blanket,  // covered: temperature rise +15%; removing it takes that away
    rest,     // lying still, slow breathing: arousal/distress part of hr/bp -40%
    // Medical measures (s:treat) and conditions a scenario raises (s:raise):
    active_cooling,    // ice packs, cooling blanket, mist and fan: temperature rise -70%, and
                       // removes a raised hyperthermia at 0.08 C/min
    antihypertensive,  // the physician's blood-pressure treatment: the drug's bp rise -50%, a raised
                       // surge -75%
    heat_gain,         // raised hyperthermia: heat builds by 1.5 C/h (x strength) until actively cooled
    pressor_surge,     // raised hypertensive surge: systolic +40, diastolic +20 mmHg (x strength) until treated
};
struct Intervention {
    Measure measure = Measure::rest;
    double from_min = 0;
    double until_min = std::numeric_limits<double>::infinity();
    double strength = 1;  // raised conditions: a multiple of the typical heat gain or surge
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

// ---- Fluids and sodium --------------------------------------------------------------------

enum class Fluid {
    water,        // by mouth
    electrolyte,  // an electrolyte drink by mouth: 50 mmol/L sodium
    saline_iv,    // 0.9% saline by drip: 154 mmol/L
    hypertonic_iv,  // 3% saline bolus: 513 mmol/L
};
struct Intake {
    double t_min = 0;
    double litres = 0;
    Fluid kind = Fluid::water;
};

struct FluidState {
    double sodium = 140;  // serum sodium, mmol/L
    double intake_l = 0;  // everything taken, by mouth and drip
    double balance_l = 0; // body water gained (+) or lost (-) since the start
    double urine_l = 0;   // free water passed
    double sweat_l = 0;
    double stomach_l = 0; // drunk but not yet absorbed
};

// The fluid balance at t_min. Stepped per minute from minute 0, so it is the same however
// often and in whatever order it is asked.
FluidState fluid_state(const Physiology& person, std::span<const Dose> doses,
                       std::span<const Intervention> interventions, std::span<const Intake> intakes,
                       double t_min);

// Temperature a raised hyperthermia adds at t_min (0 without one), C.
double hyperthermia_excess(std::span<const Intervention> interventions, double t_min);

// The body's own events in [from_min, to_min): as sodium falls, headache and nausea (below
// ~132 mmol/L), vomiting (~129), confusion (~128), a seizure (~122); chest pain when the
// medicine drives systolic pressure past 185 mmHg. Drawn in 5-minute steps from minute 0
// with the person's body_seed: the same inputs give the same events however the window is cut,
// and a drink taken later never changes events that have already happened. Empty without doses
// and intakes.
std::vector<CueEvent> body_events_between(const Physiology& person, std::span<const Dose> doses,
                                          std::span<const Intervention> interventions,
                                          std::span<const Intake> intakes, double from_min, double to_min);

// The cues that occur in [from_min, to_min), in time order. The same person,
// doses and interventions give the same events however the window is cut.
std::vector<CueEvent> cues_between(const Physiology& person, std::span<const Dose> doses,
                                   std::span<const Intervention> interventions,
                                   double from_min, double to_min);

// cues_between and body_events_between for a session, window after window: the same events, without
// drawing the schedule again from minute 0 for each window. Windows move forward, and the inputs
// only grow at the window's start or later, as a session's do; a window that starts earlier than
// the one before is drawn from minute 0.
class CueSchedule {
public:
    explicit CueSchedule(const Physiology& person);
    ~CueSchedule();
    CueSchedule(const CueSchedule&) = delete;
    CueSchedule& operator=(const CueSchedule&) = delete;

    std::vector<CueEvent> cues(std::span<const Dose> doses, std::span<const Intervention> interventions,
                               double from_min, double to_min);
    std::vector<CueEvent> body_events(std::span<const Dose> doses, std::span<const Intervention> interventions,
                                      std::span<const Intake> intakes, double from_min, double to_min);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace holdspace
