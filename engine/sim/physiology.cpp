#include "sim/physiology.hpp"

#include <algorithm>
#include <cmath>

#include "sim/rng.hpp"

namespace holdspace {
namespace {

// Rise at the peak of 125 mg for a typical person (sensitivity 1). With the
// sensitivity spread below, these reproduce Vizeli & Liechti 2017's shares over
// 160 mmHg / 100 bpm / 38 C at 125 mg; see docs/patient-model.md.
constexpr double hr_rise = 26;      // bpm
constexpr double sbp_rise = 32;     // mmHg
constexpr double dbp_rise = 11;     // mmHg
constexpr double temp_rise = 0.57;  // C

// Drug drive at the typical participant's peak after 125 mg: the rises above
// scale with drive / reference_drive, so they grow with the dose.
double reference_drive() {
    static const double drive = [] {
        const Dose dose[] = {{0, 125}};
        return time_course(DrugResponse{}, dose).peak_drive;
    }();
    return drive;
}

// Relative rise for a relative stimulus y (1 at the typical 125-mg peak):
// about proportional below that, flattening above it, because reflexes
// (baroreflex, heat loss) push back harder the further a sign is driven.
// Keeps the extremes near what studies saw (Kolbrich et al. 2008: highest hr 132,
// sbp 171, dbp 102 at 1.6 mg/kg).
constexpr double response(double y, double k) { return y * (1 + k) / (1 + k * y); }
constexpr double cardio_flattening = 0.5;
constexpr double heat_flattening = 0.2;  // temperature keeps more of its tail (DOMAIN.md)

// Arousal and distress add sympathetic tone on top of the drug, relative to the
// state the baseline was taken in; falling below it (calming, hypo-arousal)
// lowers hr/bp a little.
struct Reactivity {
    double per_arousal;
    double per_distress;
};
constexpr Reactivity hr_reactivity{0.30, 0.08};   // arousal 30 -> 100: +21 bpm
constexpr Reactivity sbp_reactivity{0.20, 0.10};  // arousal 30 -> 100: +14 mmHg
constexpr Reactivity dbp_reactivity{0.10, 0.06};  // arousal 30 -> 100: +7 mmHg

constexpr double fade_min = 20;  // measures take effect and wear off over this time

// How far a measure is in force at t: 0–1, the strongest of its intervals.
double level(std::span<const Intervention> interventions, Measure m, double t) {
    double best = 0;
    for (const Intervention& iv : interventions) {
        if (iv.measure != m || !(t > iv.from_min)) continue;
        const double on = std::min(t, iv.until_min) - iv.from_min;
        double l = on > 0 ? 1 - std::exp(-on / fade_min) : 0;
        if (t > iv.until_min) l *= std::exp(-(t - iv.until_min) / fade_min);
        best = std::max(best, l);
    }
    return best;
}

// The strength of a raised condition in force at t: the strongest interval started by then.
double strength(std::span<const Intervention> interventions, Measure m, double t) {
    double best = 0;
    for (const Intervention& iv : interventions)
        if (iv.measure == m && iv.from_min < t) best = std::max(best, iv.strength);
    return best;
}

// Share of the drug's temperature rise that remains, given cooling measures.
double heat_factor(std::span<const Intervention> iv, double t) {
    return (1 - 0.35 * level(iv, Measure::cooling, t)) * (1 - 0.10 * level(iv, Measure::water, t)) *
           (1 + 0.15 * level(iv, Measure::blanket, t)) * (1 - 0.70 * level(iv, Measure::active_cooling, t));
}

// A raised hyperthermia (docs/patient-model.md, "When the body goes wrong"): heat builds while the
// medicine's heat production outruns heat loss; active cooling (ice packs to neck, armpits and
// groin, a cooling blanket, mist and fan) takes it off faster than it builds. Our estimates:
// evaporative and ice-pack cooling remove roughly 0.03-0.1 C/min in case series of exertional
// heat illness; we take 0.08.
constexpr double heat_gain_per_min = 1.5 / 60;  // C/min at full strength
constexpr double active_cooling_per_min = 0.08;
constexpr double max_heat_excess = 4.0;
// A raised hypertensive surge (mmHg at full strength) and what the physician's treatment leaves.
constexpr double surge_sbp = 40;
constexpr double surge_dbp = 20;
constexpr double hr_per_degree = 10;  // heart rate rises ~10 bpm per C of fever (our estimate)

// When a cue tends to happen, as a 0–1 weight of the current intensity.
enum class Phase {
    come_up,  // while intensity is rising through the early range
    effect,   // whenever the drug is felt, more at higher intensity
    peak,     // only near the top of the curve
};
struct CueSpec {
    Cue cue;
    std::string_view name;
    double share;     // of participants who have it at all (our estimate; DOMAIN.md gives none)
    double per_hour;  // events per hour at full weight, for a typically prone person
    Phase phase;
};
constexpr std::array<CueSpec, cue_count> cue_specs{{
    {Cue::jaw_tightness, "jaw_tightness", 0.50, 0.6, Phase::effect},
    {Cue::nausea, "nausea", 0.30, 1.2, Phase::come_up},
    {Cue::feeling_cold, "feeling_cold", 0.25, 0.6, Phase::effect},
    {Cue::sweating, "sweating", 0.20, 0.8, Phase::peak},
    {Cue::muscle_tension, "muscle_tension", 0.60, 0.5, Phase::effect},
    {Cue::anxiety, "anxiety", 0.35, 1.5, Phase::come_up},
}};

constexpr double cue_step_min = 5;   // the schedule is drawn in 5-minute steps
constexpr double cue_gap_min = 30;   // the same cue does not recur within this time

double phase_weight(Phase phase, double now, double rising) {
    switch (phase) {
    case Phase::come_up: return now >= 0.1 && rising > 0 ? 1.0 : 0.0;
    case Phase::effect: return now > 0.2 ? std::min(1.0, now / 0.6) : 0.0;
    case Phase::peak: return std::clamp((now - 0.4) / 0.3, 0.0, 1.0);
    }
    return 0;
}

// Interventions that change how often a cue comes: a blanket eases feeling cold
// but adds to sweating; cooling eases sweating.
double cue_factor(Cue cue, std::span<const Intervention> iv, double t) {
    const double blanket = level(iv, Measure::blanket, t);
    switch (cue) {
    case Cue::feeling_cold: return 1 - 0.7 * blanket;
    case Cue::sweating: return (1 - 0.5 * level(iv, Measure::cooling, t)) * (1 + 0.5 * blanket);
    default: return 1;
    }
}

}  // namespace

std::string_view cue_name(Cue cue) {
    switch (cue) {
    case Cue::headache: return "headache";
    case Cue::vomiting: return "vomiting";
    case Cue::confusion: return "confusion";
    case Cue::seizure: return "seizure";
    case Cue::chest_pain: return "chest_pain";
    default: return cue_specs[static_cast<std::size_t>(cue)].name;
    }
}

std::optional<Cue> cue_by_name(std::string_view name) {
    for (int i = 0; i <= static_cast<int>(Cue::chest_pain); ++i)
        if (cue_name(static_cast<Cue>(i)) == name) return static_cast<Cue>(i);
    return std::nullopt;
}

double hyperthermia_excess(std::span<const Intervention> interventions, double t_min) {
    double start = std::numeric_limits<double>::infinity();
    for (const Intervention& iv : interventions)
        if (iv.measure == Measure::heat_gain) start = std::min(start, iv.from_min);
    if (!(start < t_min)) return 0;
    double excess = 0;
    for (double t = start; t < t_min; t += 1) {
        const double dt = std::min(1.0, t_min - t);
        const double gain = heat_gain_per_min * strength(interventions, Measure::heat_gain, t + dt) *
                            level(interventions, Measure::heat_gain, t + dt) *
                            (1 - 0.35 * level(interventions, Measure::cooling, t + dt));
        const double loss = excess > 0 ? active_cooling_per_min * level(interventions, Measure::active_cooling, t + dt) : 0;
        excess = std::clamp(excess + (gain - loss) * dt, 0.0, max_heat_excess);
    }
    return excess;
}

FluidParams FluidParams::draw(Rng& rng) {
    // Our estimates (docs/patient-model.md, "Fluids and sodium"): total body water is ~0.5-0.6 of
    // body weight (adults of 50-100 kg: ~27-55 L); serum sodium 140 +/- 1.5 mmol/L within the normal
    // 135-145; how strongly the medicine holds water back varies (Atila et al. 2024: 37% of
    // freely drinking volunteers became hyponatremic, the rest did not).
    FluidParams f;
    f.body_water_l = std::clamp(36.0 * std::exp(0.15 * rng.normal()), 25.0, 55.0);
    f.sodium = std::clamp(140.0 + 1.5 * rng.normal(), 137.0, 144.0);
    f.antidiuresis = std::clamp(0.95 + 0.03 * rng.normal(), 0.85, 0.995);
    return f;
}

Sensitivity Sensitivity::draw(Rng& rng) {
    // Log-normal multipliers. Heart rate and pressure share a sympathetic
    // factor (people who respond strongly in one tend to in the other);
    // temperature varies on its own, with a long upper tail (DOMAIN.md: modest
    // on average, with a tail).
    const double shared = rng.normal();
    const double own_hr = rng.normal();
    const double own_bp = rng.normal();
    const double own_temp = rng.normal();
    const auto mix = [shared](double own) { return 0.6 * shared + 0.8 * own; };
    Sensitivity s;
    s.hr = std::clamp(std::exp(0.30 * mix(own_hr)), 0.4, 1.8);
    s.bp = std::clamp(std::exp(0.25 * mix(own_bp)), 0.4, 1.8);
    s.temp = std::clamp(std::exp(0.6 * own_temp), 0.15, 3.0);
    return s;
}

Physiology Physiology::draw(Rng& rng, const Vitals& baseline) {
    Physiology p;
    p.baseline = baseline;
    p.drug = DrugResponse::draw(rng);
    p.sensitivity = Sensitivity::draw(rng);
    for (std::size_t i = 0; i < cue_count; ++i) {
        const bool prone = rng.chance(cue_specs[i].share);
        const double strength = std::exp(0.4 * rng.normal());
        p.cue_proneness[i] = prone ? strength : 0.0;
    }
    p.cue_seed = rng.next_u64();
    // The fluids come from a stream of their own, derived from cue_seed, so the person's stream
    // (and every participant drawn after this one from it) is what it was before fluids existed.
    Rng body(p.cue_seed ^ 0x5eedb0d1f1d5ULL);
    p.fluids = FluidParams::draw(body);
    p.body_seed = body.next_u64();
    return p;
}

Vitals expected_vitals(const Physiology& person, std::span<const Dose> doses,
                       std::span<const Intervention> interventions, double t_min,
                       double arousal, double distress) {
    const double drug = drug_drive(person.drug, doses, t_min) / reference_drive();
    const double a = std::clamp(arousal, 0.0, 100.0) - person.baseline_arousal;
    const double d = std::clamp(distress, 0.0, 100.0) - person.baseline_distress;
    const double calm = 1 - 0.4 * level(interventions, Measure::rest, t_min);
    const auto mind = [&](Reactivity r) { return calm * (r.per_arousal * a + r.per_distress * d); };

    const Sensitivity& s = person.sensitivity;
    // Medical measures and raised conditions (all zero, and these factors exactly 1, without them).
    const double treated = level(interventions, Measure::antihypertensive, t_min);
    const double bp_factor = 1 - 0.5 * treated;
    const double surge = strength(interventions, Measure::pressor_surge, t_min) *
                         level(interventions, Measure::pressor_surge, t_min) * (1 - 0.75 * treated);
    const double excess = hyperthermia_excess(interventions, t_min);
    Vitals v = person.baseline;
    v.hr += hr_rise * response(s.hr * drug, cardio_flattening) + mind(hr_reactivity);
    v.sbp += sbp_rise * response(s.bp * drug, cardio_flattening) * bp_factor + mind(sbp_reactivity);
    v.dbp += dbp_rise * response(s.bp * drug, cardio_flattening) * bp_factor + mind(dbp_reactivity);
    v.temp_c += temp_rise * response(s.temp * drug, heat_flattening) * heat_factor(interventions, t_min);
    if (surge > 0) {
        v.sbp += surge_sbp * surge;
        v.dbp += surge_dbp * surge;
    }
    if (excess > 0) {
        v.temp_c += excess;
        v.hr += hr_per_degree * excess;
    }
    return v;
}

Vitals read_vitals(const Physiology& person, std::span<const Dose> doses,
                   std::span<const Intervention> interventions, double t_min, double arousal,
                   double distress, Rng& noise) {
    Vitals v = expected_vitals(person, doses, interventions, t_min, arousal, distress);
    // Typical scatter of an automated cuff and a tympanic thermometer.
    v.hr += noise.normal(0, 2.0);
    v.sbp += noise.normal(0, 3.0);
    v.dbp += noise.normal(0, 2.0);
    v.temp_c += noise.normal(0, 0.05);
    return v;
}

std::string_view alert_name(Alert alert) {
    switch (alert) {
    case Alert::hr_high: return "hr_high";
    case Alert::sbp_high: return "sbp_high";
    case Alert::dbp_high: return "dbp_high";
    case Alert::temp_high: return "temp_high";
    }
    return "unknown";
}

std::vector<Alert> alerts(const Vitals& reading, const Thresholds& limits) {
    std::vector<Alert> out;
    if (reading.hr > limits.hr) out.push_back(Alert::hr_high);
    if (reading.sbp > limits.sbp) out.push_back(Alert::sbp_high);
    if (reading.dbp > limits.dbp) out.push_back(Alert::dbp_high);
    if (reading.temp_c > limits.temp_c) out.push_back(Alert::temp_high);
    return out;
}

namespace {

constexpr double cue_horizon_min = 10 * 24 * 60.0;  // a session lasts hours; bounds the work

void sort_step(std::vector<CueEvent>& events, std::size_t from_index) {
    std::stable_sort(events.begin() + static_cast<std::ptrdiff_t>(from_index), events.end(),
                     [](const CueEvent& x, const CueEvent& y) { return x.t_min < y.t_min; });
}

// One cue's chance in the step from t: two draws whatever happens (so that the draws of a step never
// depend on what came before); it comes at `rate` per hour, but not within cue_gap_min of its last.
void draw_one(Rng& rng, double rate, double t, Cue cue, double& last, std::vector<CueEvent>& out) {
    const double u_happens = rng.uniform();
    const double u_when = rng.uniform();
    if (!(u_happens < 1 - std::exp(-rate * cue_step_min / 60))) return;
    const double when = t + u_when * cue_step_min;
    if (when - last < cue_gap_min) return;
    last = when;
    out.push_back({cue, when});
}

// Step t of the cue schedule: its draws (draw_one per cue) and the cues it brings, appended to `out`
// in time order. It reads the doses up to t + 2 and the interventions up to t.
void draw_cue_step(const Physiology& person, std::span<const Dose> doses, std::span<const Intervention> interventions,
                   double t, Rng& rng, std::array<double, cue_count>& last, std::vector<CueEvent>& out) {
    const double now = intensity(person.drug, doses, t);
    const double rising = intensity(person.drug, doses, t + 2) - intensity(person.drug, doses, t - 2);
    const std::size_t before = out.size();
    for (std::size_t i = 0; i < cue_count; ++i) {
        const CueSpec& spec = cue_specs[i];
        const double rate = spec.per_hour * person.cue_proneness[i] * phase_weight(spec.phase, now, rising) *
                            cue_factor(spec.cue, interventions, t);
        draw_one(rng, rate, t, spec.cue, last[i], out);
    }
    sort_step(out, before);
}

// The events of `drawn` in [from_min, to_min), in order.
std::vector<CueEvent> in_window(const std::vector<CueEvent>& drawn, double from_min, double to_min) {
    std::vector<CueEvent> out;
    for (const CueEvent& e : drawn)
        if (e.t_min >= from_min && e.t_min < to_min) out.push_back(e);
    return out;
}

}  // namespace

std::vector<CueEvent> cues_between(const Physiology& person, std::span<const Dose> doses,
                                   std::span<const Intervention> interventions,
                                   double from_min, double to_min) {
    // The schedule is always drawn from minute 0 with a fixed number of draws
    // per step, so a window's events never depend on which windows were asked before.
    to_min = std::min(to_min, cue_horizon_min);
    Rng rng(person.cue_seed);
    std::array<double, cue_count> last{};
    last.fill(-std::numeric_limits<double>::infinity());
    std::vector<CueEvent> drawn;
    for (double t = 0; t < to_min; t += cue_step_min) draw_cue_step(person, doses, interventions, t, rng, last, drawn);
    return in_window(drawn, from_min, to_min);
}

// ---- Fluids and sodium (docs/patient-model.md, "Fluids and sodium") ------------------------
namespace {

// Our estimates, each explained in docs/patient-model.md:
constexpr double stomach_half_min = 15;        // water leaves the stomach and is absorbed
constexpr double insensible_l_per_min = 0.0005; // breath and skin: ~0.7 L a day
// Free-water excretion of a water load: healthy kidneys pass ~80% of a load within 4 h
// (the water-loading test), ~14 mL/min with a litre to spare: a half-life of ~50 min.
constexpr double excretion_per_min = 0.693 / 50;
// The medicine's antidiuretic effect follows its acute effect (Atila et al. 2024: the fall in
// sodium went with the acute rise in oxytocin, and was deepest ~180 min after the dose):
// I / (I + 0.05) of the felt intensity I, times the person's `antidiuresis` (at the typical
// 125-mg peak, I ~0.75: ~0.89 of free-water excretion held back).
constexpr double antidiuresis_i50 = 0.05;
constexpr double sweat_l_per_min_typical = 0.1 / 60;   // at the typical 125-mg temperature rise
constexpr double sweat_sodium = 40;                    // mmol/L: sweat is hypotonic (20-80)

double sodium_of(Fluid f) {
    switch (f) {
    case Fluid::water: return 0;
    case Fluid::electrolyte: return 50;    // between sports drinks (~20) and oral rehydration (75)
    case Fluid::saline_iv: return 154;     // 0.9% saline
    case Fluid::hypertonic_iv: return 513; // 3% saline
    }
    return 0;
}
bool by_mouth(Fluid f) { return f == Fluid::water || f == Fluid::electrolyte; }

// Steps one person's fluid balance forward a minute at a time from minute 0.
class FluidSim {
public:
    FluidSim(const Physiology& person, std::span<const Dose> doses, std::span<const Intervention> iv,
             std::span<const Intake> intakes)
        : p_(&person), doses_(doses), iv_(iv), intakes_(intakes),
          sodium_mmol_(person.fluids.sodium * person.fluids.body_water_l) {}

    void run_to(double t_min) {
        while (t_ + 1e-9 < t_min) {
            const double dt = std::min(1.0, t_min - t_);
            take_in(t_ + dt);
            step(t_ + dt, dt);
            t_ += dt;
        }
        take_in(t_min);
    }
    FluidState state() const {
        FluidState s;
        s.sodium = sodium_mmol_ / (p_->fluids.body_water_l + balance_l_);
        s.intake_l = intake_l_;
        s.balance_l = balance_l_;
        s.urine_l = urine_l_;
        s.sweat_l = sweat_l_;
        s.stomach_l = stomach_l_;
        return s;
    }
    // The same inputs, grown since (a session's vectors move as they grow): what was taken stays taken.
    void rebind(std::span<const Dose> doses, std::span<const Intervention> iv, std::span<const Intake> intakes) {
        doses_ = doses;
        iv_ = iv;
        intakes_ = intakes;
    }

private:
    // Intakes at or before t (in the order given, which is time order in a session).
    void take_in(double t) {
        while (next_ < intakes_.size() && intakes_[next_].t_min <= t) {
            const Intake& in = intakes_[next_++];
            const double l = std::max(0.0, in.litres);
            intake_l_ += l;
            if (by_mouth(in.kind)) {
                stomach_l_ += l;
                stomach_mmol_ += l * sodium_of(in.kind);
            } else {
                balance_l_ += l;
                sodium_mmol_ += l * sodium_of(in.kind);
            }
        }
    }
    void step(double t, double dt) {
        // Absorption from the stomach, water and its sodium together.
        const double absorbed = stomach_l_ * (1 - std::exp(-0.693 / stomach_half_min * dt));
        if (stomach_l_ > 0) {
            const double share = absorbed / stomach_l_;
            sodium_mmol_ += stomach_mmol_ * share;
            stomach_mmol_ -= stomach_mmol_ * share;
        }
        stomach_l_ -= absorbed;
        balance_l_ += absorbed;
        // Losses: breath and skin, sweat (with some sodium), and the kidneys' free-water excretion,
        // which the medicine holds back.
        const double drive = doses_.empty() ? 0 : drug_drive(p_->drug, doses_, t);
        const double i = drive / (drive + p_->drug.ec50);  // intensity(), from the one drive
        const double held = p_->fluids.antidiuresis * i / (i + antidiuresis_i50);
        const double excreted = excretion_per_min * std::max(0.0, balance_l_) * (1 - held) * dt;
        // Sweating follows the medicine's temperature rise (a raised hyperthermia's is not added).
        const double heat = doses_.empty() ? 0.0
                                           : response(p_->sensitivity.temp * drive / reference_drive(), heat_flattening) *
                                                 heat_factor(iv_, t);
        const double sweat = sweat_l_per_min_typical * std::min(heat, 4.0) *
                             (1 - 0.5 * level(iv_, Measure::cooling, t)) * dt;
        balance_l_ -= insensible_l_per_min * dt + sweat + excreted;
        urine_l_ += excreted;
        sweat_l_ += sweat;
        sodium_mmol_ -= sweat * sweat_sodium;
    }

    const Physiology* p_;
    std::span<const Dose> doses_;
    std::span<const Intervention> iv_;
    std::span<const Intake> intakes_;
    std::size_t next_ = 0;
    double t_ = 0;
    double sodium_mmol_;
    double balance_l_ = 0, intake_l_ = 0, urine_l_ = 0, sweat_l_ = 0, stomach_l_ = 0, stomach_mmol_ = 0;
};

// The body's own events: sodium thresholds (Spasovski et al. 2014 grade acute hyponatremia's
// symptoms: moderately severe - nausea, headache, confusion; severe - vomiting, seizures,
// somnolence; symptoms come at higher levels when sodium falls fast) and chest pain at a systolic
// pressure the medicine drives past 185 mmHg (severe hypertension is >= 180: ACC/AHA 2017). Rates are
// our estimates.
struct BodySpec {
    Cue cue;
    double starts;    // sodium (mmol/L) below which it can happen; for chest pain, systolic above
    double full;      // ...and where it reaches full rate
    double per_hour;  // events per hour at full rate
};
constexpr std::array<BodySpec, 6> body_specs{{
    {Cue::headache, 132, 127, 1.5},
    {Cue::nausea, 132, 127, 1.2},
    {Cue::vomiting, 129, 124, 0.8},
    {Cue::confusion, 128, 123, 1.0},
    {Cue::seizure, 122, 116, 0.5},
    {Cue::chest_pain, 185, 215, 0.3},
}};

}  // namespace

FluidState fluid_state(const Physiology& person, std::span<const Dose> doses,
                       std::span<const Intervention> interventions, std::span<const Intake> intakes,
                       double t_min) {
    FluidSim sim(person, doses, interventions, intakes);
    sim.run_to(std::min(std::max(0.0, t_min), 2 * 24 * 60.0));
    return sim.state();
}

namespace {

// Whether the body can bring any event at all: sodium can fall no lower than if every litre taken
// stayed in the body as pure water; without a dose, the pressure stays at the baseline. When
// neither can reach a threshold, nothing can happen and the draws need not be made.
struct BodyReach {
    bool sodium_can_fall = false, pressure_can_rise = false;
};

BodyReach body_reach(const Physiology& person, std::span<const Dose> doses, std::span<const Intake> intakes) {
    double taken = 0;
    for (const Intake& in : intakes) taken += std::max(0.0, in.litres);
    BodyReach r;
    r.sodium_can_fall =
        person.fluids.sodium * person.fluids.body_water_l / (person.fluids.body_water_l + taken) < body_specs[0].starts;
    r.pressure_can_rise = !doses.empty() || person.baseline.sbp > body_specs.back().starts;
    return r;
}

// Step t of the body's schedule, as draw_cue_step. `sim` is the fluid balance, run up to t here
// when the sodium can fall (otherwise it stays above every threshold, and the balance need not
// be stepped: the draws are made all the same). It reads every input up to t.
void draw_body_step(const Physiology& person, std::span<const Dose> doses, std::span<const Intervention> interventions,
                    bool sodium_can_fall, double t, FluidSim& sim, Rng& rng,
                    std::array<double, body_specs.size()>& last, std::vector<CueEvent>& out) {
    double sodium = std::numeric_limits<double>::infinity();
    if (sodium_can_fall) {
        sim.run_to(t);
        sodium = sim.state().sodium;
    }
    // Systolic pressure from the medicine alone (and a raised surge), at the person's baseline state.
    double sbp = person.baseline.sbp;
    if (!doses.empty()) {
        const double treated = level(interventions, Measure::antihypertensive, t);
        sbp += sbp_rise * response(person.sensitivity.bp * drug_drive(person.drug, doses, t) / reference_drive(),
                                   cardio_flattening) * (1 - 0.5 * treated) +
               surge_sbp * strength(interventions, Measure::pressor_surge, t) *
                   level(interventions, Measure::pressor_surge, t) * (1 - 0.75 * treated);
    }
    const std::size_t before = out.size();
    for (std::size_t i = 0; i < body_specs.size(); ++i) {
        const BodySpec& b = body_specs[i];
        const double weight = b.cue == Cue::chest_pain ? std::clamp((sbp - b.starts) / (b.full - b.starts), 0.0, 1.0)
                                                       : std::clamp((b.starts - sodium) / (b.starts - b.full), 0.0, 1.0);
        draw_one(rng, b.per_hour * weight, t, b.cue, last[i], out);
    }
    sort_step(out, before);
}

constexpr double body_horizon_min = 2 * 24 * 60.0;

}  // namespace

std::vector<CueEvent> body_events_between(const Physiology& person, std::span<const Dose> doses,
                                          std::span<const Intervention> interventions,
                                          std::span<const Intake> intakes, double from_min, double to_min) {
    if (doses.empty() && intakes.empty()) return {};
    const BodyReach reach = body_reach(person, doses, intakes);
    if (!reach.sodium_can_fall && !reach.pressure_can_rise) return {};
    to_min = std::min(to_min, body_horizon_min);
    FluidSim sim(person, doses, interventions, intakes);
    Rng rng(person.body_seed);
    std::array<double, body_specs.size()> last{};
    last.fill(-std::numeric_limits<double>::infinity());
    std::vector<CueEvent> drawn;
    for (double t = 0; t < to_min; t += cue_step_min)
        draw_body_step(person, doses, interventions, reach.sodium_can_fall, t, sim, rng, last, drawn);
    return in_window(drawn, from_min, to_min);
}

// ---- Schedules kept between windows ----
// A step is kept once nothing that can still be added could change it: a session adds doses,
// interventions and intakes (and ends an intervention) only at its present, which a window's
// start never precedes, and step t reads its inputs up to t + 2 (cues) or t (the body). Its
// events all come before that start (they fall within the step), so only its draws are kept.

template <std::size_t N>
struct Drawn {
    explicit Drawn(std::uint64_t seed) : rng(seed) { last.fill(-std::numeric_limits<double>::infinity()); }
    Rng rng;
    std::array<double, N> last{};
    double next_t = 0;               // the first step not drawn
    double from = 0;                 // the start of the last window asked for
    bool dosed = false;              // whether there were doses when the kept steps were drawn

    // Whether step `next_t` can be kept for windows starting at `from_min` or later.
    bool final_before(double from_min) const { return next_t + cue_step_min < from_min; }
};

struct CueSchedule::State {
    explicit State(const Physiology& p)
        : person(p), cues(p.cue_seed), body(p.body_seed), sim(person, {}, {}, {}) {}
    Physiology person;
    Drawn<cue_count> cues;
    Drawn<body_specs.size()> body;
    FluidSim sim;  // the body's fluid balance, as far as its kept steps ran it
};

CueSchedule::CueSchedule(const Physiology& person) : state_(std::make_unique<State>(person)) {}
CueSchedule::~CueSchedule() = default;

std::vector<CueEvent> CueSchedule::cues(std::span<const Dose> doses, std::span<const Intervention> interventions,
                                        double from_min, double to_min) {
    State& s = *state_;
    to_min = std::min(to_min, cue_horizon_min);
    if (from_min < s.cues.from) s.cues = Drawn<cue_count>(s.person.cue_seed);  // back in time: from minute 0
    s.cues.from = from_min;
    Drawn<cue_count>& kept = s.cues;
    std::vector<CueEvent> drawn;
    for (; kept.next_t < to_min && kept.final_before(from_min); kept.next_t += cue_step_min)
        draw_cue_step(s.person, doses, interventions, kept.next_t, kept.rng, kept.last, drawn);
    drawn.clear();  // all before the window
    Drawn<cue_count> ahead = kept;
    for (; ahead.next_t < to_min; ahead.next_t += cue_step_min)
        draw_cue_step(s.person, doses, interventions, ahead.next_t, ahead.rng, ahead.last, drawn);
    return in_window(drawn, from_min, to_min);
}

std::vector<CueEvent> CueSchedule::body_events(std::span<const Dose> doses, std::span<const Intervention> interventions,
                                               std::span<const Intake> intakes, double from_min, double to_min) {
    if (doses.empty() && intakes.empty()) return {};
    State& s = *state_;
    const BodyReach reach = body_reach(s.person, doses, intakes);
    if (!reach.sodium_can_fall && !reach.pressure_can_rise) return {};  // (and never could before)
    to_min = std::min(to_min, body_horizon_min);
    // Back in time, or the first dose (the body's steps read a raised surge only once dosed): from minute 0.
    if (from_min < s.body.from || s.body.dosed != !doses.empty()) {
        s.body = Drawn<body_specs.size()>(s.person.body_seed);
        s.sim = FluidSim(s.person, {}, {}, {});
    }
    s.body.from = from_min;
    s.body.dosed = !doses.empty();
    s.sim.rebind(doses, interventions, intakes);
    Drawn<body_specs.size()>& kept = s.body;
    std::vector<CueEvent> drawn;
    for (; kept.next_t < to_min && kept.final_before(from_min); kept.next_t += cue_step_min)
        draw_body_step(s.person, doses, interventions, reach.sodium_can_fall, kept.next_t, s.sim, kept.rng, kept.last,
                       drawn);
    drawn.clear();  // all before the window
    Drawn<body_specs.size()> ahead = kept;
    FluidSim sim = s.sim;
    for (; ahead.next_t < to_min; ahead.next_t += cue_step_min)
        draw_body_step(s.person, doses, interventions, reach.sodium_can_fall, ahead.next_t, sim, ahead.rng, ahead.last,
                       drawn);
    return in_window(drawn, from_min, to_min);
}

}  // namespace holdspace
