#pragma once
// MDMA by mouth: plasma concentration and felt intensity over a session.
//
// One-compartment pharmacokinetics (absorption lag, first-order absorption and
// elimination) feeds an effect compartment; a tolerance compartment follows the
// effect site and subtracts from it (acute tolerance), and an Emax link turns the
// remaining drive into a 0–1 intensity. Every compartment is linear, so each
// dose contributes a closed-form sum of exponentials and doses simply add: any
// moment can be evaluated directly, in any order, with the same result.
// Parameters, equations and sources: docs/patient-model.md.
#include <optional>
#include <span>

namespace holdspace {

class Rng;

struct Dose {
    double at_min = 0;  // minutes since session start
    double mg = 0;      // oral MDMA; doses with mg <= 0 (or non-finite values) count for nothing
};

// One person's pharmacokinetic and pharmacodynamic parameters (all positive).
// The defaults are the typical participant; draw() gives an individual around them.
struct DrugResponse {
    double lag_h = 0.5;            // absorption lag after swallowing
    double absorption_per_h = 1.6; // ka
    double half_life_h = 8.0;      // elimination; DOMAIN.md: roughly 7–9 h
    double volume_l = 450;         // apparent volume of distribution (V/F)
    double effect_per_h = 3.5;     // ke0: plasma to effect-site equilibration
    double tolerance_per_h = 0.5;  // how fast acute tolerance follows the effect site
    double tolerance = 1.0;        // share of the tolerance level subtracted from the drive
    double ec50 = 50;              // drive (ng/mL) that gives intensity 0.5

    static DrugResponse draw(Rng& rng);
};

// Plasma concentration in ng/mL at t_min (minutes since session start).
double plasma_concentration(const DrugResponse& p, std::span<const Dose> doses, double t_min);

// Effect-site concentration minus acute tolerance, in ng/mL, never negative.
// This is what moves both the felt intensity and the vital signs.
double drug_drive(const DrugResponse& p, std::span<const Dose> doses, double t_min);

// Felt intensity 0–1: drive / (drive + ec50).
double intensity(const DrugResponse& p, std::span<const Dose> doses, double t_min);

// Shape of the subjective effect, sampled every minute from the session start.
struct TimeCourse {
    std::optional<double> onset_min;   // first minute intensity exceeds the threshold
    std::optional<double> offset_min;  // last minute it does
    double peak_min = 0;
    double peak_intensity = 0;
    double peak_drive = 0;

    // Subjective duration (offset - onset) in hours; 0 if never felt.
    double duration_h() const;
};

// Intensity above `threshold` counts as felt. Looks from minute 0 to 24 h past
// the last dose (doses after day 9 are not looked past).
TimeCourse time_course(const DrugResponse& p, std::span<const Dose> doses, double threshold = 0.2);

}  // namespace holdspace
