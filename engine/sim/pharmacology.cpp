#include "sim/pharmacology.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "sim/rng.hpp"

namespace holdspace {
namespace {

// A sum of decaying exponentials, sum c_i * exp(-r_i * t): the response of a
// chain of linear compartments to one dose. Four rates at most: absorption,
// elimination, effect site and tolerance.
struct Exponentials {
    std::array<double, 4> c{};
    std::array<double, 4> r{};
    std::size_t n = 0;

    void add(double coef, double rate) {
        for (std::size_t i = 0; i < n; ++i) {
            if (r[i] == rate) {
                c[i] += coef;
                return;
            }
        }
        c[n] = coef;
        r[n] = rate;
        ++n;
    }

    double at(double t) const {
        double sum = 0;
        for (std::size_t i = 0; i < n; ++i) sum += c[i] * std::exp(-r[i] * t);
        return sum;
    }

    // Output of dy/dt = k (x - y), y(0) = 0, driven by this sum:
    // each c e^{-rt} becomes c k/(k-r) (e^{-rt} - e^{-kt}).
    Exponentials linked(double k) const {
        // Equal rates need a t*e^{-kt} term; nudging k by a part per million
        // avoids that case at no visible cost.
        for (bool clash = true; clash;) {
            clash = false;
            for (std::size_t i = 0; i < n; ++i) {
                if (std::abs(k - r[i]) < 1e-6 * k) {
                    k *= 1.000001;
                    clash = true;
                }
            }
        }
        Exponentials out;
        double tail = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const double g = c[i] * k / (k - r[i]);
            out.add(g, r[i]);
            tail -= g;
        }
        out.add(tail, k);
        return out;
    }
};

double elimination_per_h(const DrugResponse& p) { return std::numbers::ln2 / p.half_life_h; }

// Plasma response to 1 mg, hours after absorption starts, in ng/mL (= ug/L).
Exponentials plasma_per_mg(const DrugResponse& p) {
    const double ka = p.absorption_per_h;
    double ke = elimination_per_h(p);
    if (std::abs(ka - ke) < 1e-6 * ka) ke *= 1.000001;
    const double a = 1000.0 / p.volume_l * ka / (ka - ke);
    Exponentials cp;
    cp.add(a, ke);
    cp.add(-a, ka);
    return cp;
}

// Effect site minus tolerance per mg. Tolerance lags the effect site, so while
// the drug arrives the drive rises; once it stops rising, tolerance catches up
// and (with tolerance ~1) cancels it even though plasma levels stay high. That
// is why effects end after ~4–6 h while the half-life is ~8 h, and why a
// supplemental dose at 2 h prolongs the effect rather than raising it.
Exponentials drive_per_mg(const DrugResponse& p) {
    const Exponentials site = plasma_per_mg(p).linked(p.effect_per_h);
    const Exponentials tol = site.linked(p.tolerance_per_h);
    Exponentials drive = site;
    for (std::size_t i = 0; i < tol.n; ++i) drive.add(-p.tolerance * tol.c[i], tol.r[i]);
    return drive;
}

bool counts(const Dose& d) { return d.mg > 0 && std::isfinite(d.mg) && std::isfinite(d.at_min); }

// Superpose one unit response over all doses; t_min is session time.
double superpose(const DrugResponse& p, const Exponentials& unit, std::span<const Dose> doses,
                 double t_min) {
    double sum = 0;
    for (const Dose& d : doses) {
        if (!counts(d)) continue;
        const double t_h = (t_min - d.at_min) / 60.0 - p.lag_h;
        if (t_h > 0) sum += d.mg * unit.at(t_h);
    }
    return sum;
}

// Log-normal spread around a typical value: cv is roughly the coefficient of variation.
double spread(Rng& rng, double typical, double cv, double lo, double hi) {
    return std::clamp(typical * std::exp(cv * rng.normal()), lo, hi);
}

}  // namespace

DrugResponse DrugResponse::draw(Rng& rng) {
    // A fixed number of draws, so the stream position afterwards never depends on the values.
    const DrugResponse typical;
    DrugResponse p;
    p.lag_h = spread(rng, typical.lag_h, 0.35, 0.1, 1.0);
    p.absorption_per_h = spread(rng, typical.absorption_per_h, 0.35, 0.5, 5.0);
    p.half_life_h = spread(rng, typical.half_life_h, 0.07, 6.5, 10.0);  // 95% within 7–9 h
    p.volume_l = spread(rng, typical.volume_l, 0.2, 250, 800);
    p.effect_per_h = spread(rng, typical.effect_per_h, 0.3, 1.0, 10.0);
    p.tolerance_per_h = spread(rng, typical.tolerance_per_h, 0.45, 0.2, 2.0);
    p.tolerance = std::clamp(rng.normal(typical.tolerance, 0.04), 0.85, 1.1);
    p.ec50 = spread(rng, typical.ec50, 0.55, 10, 200);
    return p;
}

double plasma_concentration(const DrugResponse& p, std::span<const Dose> doses, double t_min) {
    return superpose(p, plasma_per_mg(p), doses, t_min);
}

double drug_drive(const DrugResponse& p, std::span<const Dose> doses, double t_min) {
    return std::max(0.0, superpose(p, drive_per_mg(p), doses, t_min));
}

double intensity(const DrugResponse& p, std::span<const Dose> doses, double t_min) {
    const double d = drug_drive(p, doses, t_min);
    return d / (d + p.ec50);
}

double TimeCourse::duration_h() const {
    return onset_min && offset_min ? (*offset_min - *onset_min) / 60.0 : 0.0;
}

TimeCourse time_course(const DrugResponse& p, std::span<const Dose> doses, double threshold) {
    double last = 0;
    for (const Dose& d : doses) {
        if (counts(d)) last = std::max(last, d.at_min);
    }
    const double horizon = std::min(last, 9 * 24 * 60.0) + 24 * 60;
    const Exponentials unit = drive_per_mg(p);

    TimeCourse tc;
    for (double t = 0; t <= horizon; t += 1) {
        const double d = std::max(0.0, superpose(p, unit, doses, t));
        const double i = d / (d + p.ec50);
        if (i > threshold) {
            if (!tc.onset_min) tc.onset_min = t;
            tc.offset_min = t;
        }
        if (i > tc.peak_intensity) {
            tc.peak_intensity = i;
            tc.peak_drive = d;
            tc.peak_min = t;
        }
    }
    return tc;
}

}  // namespace holdspace
