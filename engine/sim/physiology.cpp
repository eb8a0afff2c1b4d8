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

// Share of the drug's temperature rise that remains, given cooling measures.
double heat_factor(std::span<const Intervention> iv, double t) {
    return (1 - 0.35 * level(iv, Measure::cooling, t)) * (1 - 0.10 * level(iv, Measure::water, t)) *
           (1 + 0.15 * level(iv, Measure::blanket, t));
}

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

std::string_view cue_name(Cue cue) { return cue_specs[static_cast<std::size_t>(cue)].name; }

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
    Vitals v = person.baseline;
    v.hr += hr_rise * response(s.hr * drug, cardio_flattening) + mind(hr_reactivity);
    v.sbp += sbp_rise * response(s.bp * drug, cardio_flattening) + mind(sbp_reactivity);
    v.dbp += dbp_rise * response(s.bp * drug, cardio_flattening) + mind(dbp_reactivity);
    v.temp_c += temp_rise * response(s.temp * drug, heat_flattening) * heat_factor(interventions, t_min);
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

std::vector<CueEvent> cues_between(const Physiology& person, std::span<const Dose> doses,
                                   std::span<const Intervention> interventions,
                                   double from_min, double to_min) {
    // The schedule is always drawn from minute 0 with a fixed number of draws
    // per step, so a window's events never depend on which windows were asked before.
    std::vector<CueEvent> out;
    to_min = std::min(to_min, 10 * 24 * 60.0);  // a session lasts hours; bounds the work
    Rng rng(person.cue_seed);
    std::array<double, cue_count> last{};
    last.fill(-std::numeric_limits<double>::infinity());
    for (double t = 0; t < to_min; t += cue_step_min) {
        const double now = intensity(person.drug, doses, t);
        const double rising = intensity(person.drug, doses, t + 2) - intensity(person.drug, doses, t - 2);
        const std::size_t before = out.size();
        for (std::size_t i = 0; i < cue_count; ++i) {
            const CueSpec& spec = cue_specs[i];
            const double u_happens = rng.uniform();
            const double u_when = rng.uniform();
            const double rate = spec.per_hour * person.cue_proneness[i] *
                                phase_weight(spec.phase, now, rising) *
                                cue_factor(spec.cue, interventions, t);
            if (!(u_happens < 1 - std::exp(-rate * cue_step_min / 60))) continue;
            const double when = t + u_when * cue_step_min;
            if (when - last[i] < cue_gap_min) continue;
            last[i] = when;
            if (when >= from_min && when < to_min) out.push_back({spec.cue, when});
        }
        std::sort(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                  [](const CueEvent& x, const CueEvent& y) { return x.t_min < y.t_min; });
    }
    return out;
}

}  // namespace holdspace
