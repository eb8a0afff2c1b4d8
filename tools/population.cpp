// population: simulate a cohort with the patient model and print it next to the
// published figures it is calibrated against (docs/patient-model.md).
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/population.hpp"

namespace {

using holdspace::CohortSummary;
using holdspace::PopulationOptions;
using holdspace::PopulationResult;

constexpr const char* usage =
    "usage: population [--n N] [--dose MG] [--seed S] [--supplemental MG [--at MIN]] [--json]\n"
    "\n"
    "Simulates N participants (default 1000) given one oral MDMA dose (default 125 mg)\n"
    "and prints, next to the published figures, the share whose peak vital signs cross\n"
    "the alert thresholds, time to onset and peak, subjective duration and peak vitals,\n"
    "and the fluid balance: how many become hyponatremic drinking freely, with fluids\n"
    "restricted, and with a 3 L session limit of water or of an electrolyte drink.\n"
    "\n"
    "  --n N              participants, 1 to 100000 (default 1000)\n"
    "  --dose MG          initial dose in mg, above 0 and at most 300 (default 125)\n"
    "  --seed S           seed, a whole number (default 1); the same seed gives the same output\n"
    "  --supplemental MG  also simulate the same people with a supplemental dose (0 to 300 mg)\n"
    "  --at MIN           minutes after the initial dose for the supplemental dose\n"
    "                     (0 to 720, default 120; needs --supplemental)\n"
    "  --json             machine-readable output\n"
    "  --help             this text\n";

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// `expects` says what is valid, e.g. "a number above 0 and at most 300".
double parse_number(std::string_view flag, std::string_view text, double lo, double hi, bool above_lo,
                    const char* expects) {
    double v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    const bool in_range = above_lo ? v > lo && v <= hi : v >= lo && v <= hi;
    if (ec != std::errc{} || end != text.data() + text.size() || !in_range) {
        throw UsageError(std::string(flag) + " expects " + expects + ", got '" + std::string(text) + "'");
    }
    return v;
}

std::uint64_t parse_whole(std::string_view flag, std::string_view text, std::uint64_t lo,
                          std::uint64_t hi) {
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || end != text.data() + text.size() || v < lo || v > hi) {
        throw UsageError(std::string(flag) + " expects a whole number from " + std::to_string(lo) +
                         " to " + std::to_string(hi) + ", got '" + std::string(text) + "'");
    }
    return v;
}

struct Args {
    PopulationOptions options;
    bool json = false;
};

Args parse(int argc, char** argv) {
    Args a;
    bool have_at = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view flag = argv[i];
        if (flag == "--json") {
            a.json = true;
            continue;
        }
        const bool takes_value = flag == "--n" || flag == "--dose" || flag == "--seed" ||
                                 flag == "--supplemental" || flag == "--at";
        if (!takes_value) throw UsageError("unknown option '" + std::string(flag) + "'");
        if (i + 1 >= argc) throw UsageError(std::string(flag) + " needs a value");
        const std::string_view value = argv[++i];
        if (flag == "--n") {
            a.options.n = static_cast<int>(parse_whole(flag, value, 1, 100000));
        } else if (flag == "--dose") {
            a.options.dose_mg = parse_number(flag, value, 0, 300, true, "mg above 0 and at most 300");
        } else if (flag == "--seed") {
            a.options.seed = parse_whole(flag, value, 0, UINT64_MAX);
        } else if (flag == "--supplemental") {
            a.options.supplemental_mg = parse_number(flag, value, 0, 300, false, "mg from 0 to 300");
        } else {
            a.options.supplemental_at_min = parse_number(flag, value, 0, 720, false, "minutes from 0 to 720");
            have_at = true;
        }
    }
    if (have_at && !(a.options.supplemental_mg > 0)) {
        throw UsageError("--at needs --supplemental MG (above 0)");
    }
    return a;
}

void print_text(const PopulationResult& r) {
    const PopulationOptions& o = r.options;
    const CohortSummary& s = r.single;
    const CohortSummary* w = r.supplemented ? &*r.supplemented : nullptr;
    std::printf("Holdspace patient model: %d simulated participants, %g mg MDMA, seed %llu\n", o.n,
                o.dose_mg, static_cast<unsigned long long>(o.seed));
    std::printf("Vital-sign peaks: highest of readings every 30 min for 10 h, participants at rest.\n\n");

    // One line: label, the model's value (and with the supplement), the published figure.
    const auto line = [w](const char* label, const std::string& a, const std::string& b, const char* pub) {
        if (w) {
            std::printf("%-32s %-18s %-20s %s\n", label, a.c_str(), b.c_str(), pub);
        } else {
            std::printf("%-32s %-18s %s\n", label, a.c_str(), pub);
        }
    };
    const auto fmt = [](const char* f, double v) {
        char buf[48];
        std::snprintf(buf, sizeof buf, f, v);
        return std::string(buf);
    };
    const auto row = [&](const char* label, const char* f, double CohortSummary::*field, double scale,
                         const char* pub) {
        line(label, fmt(f, s.*field * scale), w ? fmt(f, w->*field * scale) : "", pub);
    };
    const auto vitals = [](const holdspace::Vitals& v) {
        char buf[48];
        std::snprintf(buf, sizeof buf, "%.0f/%.0f/%.0f/%.1f", v.hr, v.sbp, v.dbp, v.temp_c);
        return std::string(buf);
    };
    const auto vitals_row = [&](const char* label, holdspace::Vitals CohortSummary::*field, const char* pub) {
        line(label, vitals(s.*field), w ? vitals(w->*field) : "", pub);
    };

    char with[48];
    std::snprintf(with, sizeof with, "+%g mg at %g min", o.supplemental_mg, o.supplemental_at_min);
    line("", "model", with, "published");
    row("peak systolic > 160 mmHg", "%.1f%%", &CohortSummary::share_sbp_over, 100,
        "33% (Vizeli & Liechti 2017, 75/125 mg pooled)");
    row("peak heart rate > 100 bpm", "%.1f%%", &CohortSummary::share_hr_over, 100, "29% (same)");
    row("peak temperature > 38.0 C", "%.1f%%", &CohortSummary::share_temp_over, 100, "19% (same)");
    row("peak diastolic > 100 mmHg", "%.1f%%", &CohortSummary::share_dbp_over, 100,
        "- (Kolbrich 2008: highest 102 mmHg)");
    row("felt it (intensity > 0.2)", "%.1f%%", &CohortSummary::share_felt, 100, "");
    row("onset, median", "%.0f min", &CohortSummary::median_onset_min, 1, "30-60 min");
    row("time to peak intensity, median", "%.2f h", &CohortSummary::median_peak_min, 1.0 / 60, "1.5-2.5 h");
    row("peak intensity 0-1, median", "%.2f", &CohortSummary::median_peak_intensity, 1,
        "- (a supplement: not higher)");
    row("subjective duration, median", "%.2f h", &CohortSummary::median_duration_h, 1,
        "4.2 h (75-125 mg); ~4.6 h, ~5.6 h with a supplement at 2 h");
    row("subjective duration, SD", "%.2f h", &CohortSummary::sd_duration_h, 1, "1.3 h");
    row("peak systolic > 180 mmHg", "%.1f%%", &CohortSummary::share_sbp_over_180, 100,
        "- (severe hypertension, >= 180: treat; ACC/AHA 2017)");
    row("chest pain (model draw, 10 h)", "%.1f%%", &CohortSummary::share_chest_pain, 100,
        "- (no published rate; very high pressure only)");
    line("fluids and sodium (to 6 h)", "", "", "");
    row("  drinking freely: Na < 135", "%.1f%%", &CohortSummary::share_hyponatremia_free, 100,
        "37% of 81 unrestricted (Atila et al. 2024, 100/125 mg)");
    row("  fluids restricted: Na < 135", "%.1f%%", &CohortSummary::share_hyponatremia_restricted, 100,
        "0% of 15 restricted (same)");
    row("  drinking freely: Na < 130", "%.1f%%", &CohortSummary::share_below_130_free, 100, "");
    row("  headache/nausea or worse", "%.1f%%", &CohortSummary::share_symptoms_free, 100,
        "- (signs as sodium falls: DOMAIN.md)");
    row("  lowest sodium, median", "%.1f", &CohortSummary::median_nadir_free, 1, "");
    row("  time of lowest, median", "%.0f min", &CohortSummary::median_nadir_min_free, 1,
        "nadir ~180 min (same)");
    row("  drunk, mean", "%.2f L", &CohortSummary::mean_drunk_free_l, 1, "- (fitted to the 37%)");
    line("session limit, to 10 h", "", "", "");
    row("  up to 3 L water: Na < 135", "%.1f%%", &CohortSummary::share_hyponatremia_cap_water, 100,
        "- (MAPS: water limited, ~3 L)");
    row("  up to 3 L electrolyte drink", "%.1f%%", &CohortSummary::share_hyponatremia_cap_electrolyte, 100,
        "- (electrolyte drinks offered)");
    line("peak hr/sbp/dbp/temp, median", vitals(s.median_peak), w ? vitals(w->median_peak) : "", "");
    vitals_row("  95th percentile", &CohortSummary::p95_peak,
               "Kolbrich 2008 highest (small n, up to 1.6 mg/kg): 132/171/102");
    vitals_row("  highest", &CohortSummary::max_peak, "");
}

void json_summary(const CohortSummary& s) {
    const auto vitals = [](const holdspace::Vitals& v) {
        std::printf("{\"hr\": %.2f, \"sbp\": %.2f, \"dbp\": %.2f, \"temp_c\": %.3f}", v.hr, v.sbp, v.dbp,
                    v.temp_c);
    };
    std::printf("{\"share_sbp_over_160\": %.4f, \"share_hr_over_100\": %.4f, "
                "\"share_temp_over_38\": %.4f, \"share_dbp_over_100\": %.4f, \"share_felt\": %.4f, "
                "\"median_onset_min\": %.1f, \"median_peak_min\": %.1f, \"median_peak_intensity\": %.4f, "
                "\"median_duration_h\": %.3f, \"sd_duration_h\": %.3f, ",
                s.share_sbp_over, s.share_hr_over, s.share_temp_over, s.share_dbp_over, s.share_felt,
                s.median_onset_min, s.median_peak_min, s.median_peak_intensity, s.median_duration_h,
                s.sd_duration_h);
    std::printf("\"share_sbp_over_180\": %.4f, \"share_chest_pain\": %.4f, \"share_hyponatremia_free\": %.4f, "
                "\"share_hyponatremia_restricted\": %.4f, \"share_below_130_free\": %.4f, "
                "\"share_symptoms_free\": %.4f, \"median_nadir_free\": %.2f, \"median_nadir_min_free\": %.0f, "
                "\"mean_drunk_free_l\": %.3f, \"share_hyponatremia_cap_water\": %.4f, "
                "\"share_hyponatremia_cap_electrolyte\": %.4f, \"median_peak\": ",
                s.share_sbp_over_180, s.share_chest_pain, s.share_hyponatremia_free, s.share_hyponatremia_restricted,
                s.share_below_130_free, s.share_symptoms_free, s.median_nadir_free, s.median_nadir_min_free,
                s.mean_drunk_free_l, s.share_hyponatremia_cap_water, s.share_hyponatremia_cap_electrolyte);
    vitals(s.median_peak);
    std::printf(", \"p95_peak\": ");
    vitals(s.p95_peak);
    std::printf(", \"max_peak\": ");
    vitals(s.max_peak);
    std::printf("}");
}

void print_json(const PopulationResult& r) {
    const PopulationOptions& o = r.options;
    std::printf("{\"n\": %d, \"dose_mg\": %g, \"seed\": %llu, ", o.n, o.dose_mg,
                static_cast<unsigned long long>(o.seed));
    if (r.supplemented) {
        std::printf("\"supplemental_mg\": %g, \"supplemental_at_min\": %g, ", o.supplemental_mg,
                    o.supplemental_at_min);
    }
    std::printf("\"single\": ");
    json_summary(r.single);
    std::printf(", \"supplemented\": ");
    if (r.supplemented) {
        json_summary(*r.supplemented);
    } else {
        std::printf("null");
    }
    std::printf(", \"published\": {\"source\": \"Vizeli & Liechti 2017 (75/125 mg pooled); DOMAIN.md\", "
                "\"share_sbp_over_160\": 0.33, \"share_hr_over_100\": 0.29, \"share_temp_over_38\": 0.19, "
                "\"onset_min\": [30, 60], \"peak_h\": [1.5, 2.5], \"duration_h_mean\": 4.2, "
                "\"duration_h_sd\": 1.3, \"duration_h_supplement\": [4.6, 5.6], "
                "\"hyponatremia_source\": \"Atila et al. 2024 (100/125 mg)\", \"share_hyponatremia_free\": 0.37, "
                "\"share_hyponatremia_restricted\": 0.0, \"sodium_nadir_min\": 180}}\n");
}

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage, stdout);
            return 0;
        }
    }
    Args args;
    try {
        args = parse(argc, argv);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "population: %s (see --help)\n", e.what());
        return 2;
    }
    const PopulationResult r = holdspace::simulate_population(args.options);
    if (args.json) {
        print_json(r);
    } else {
        print_text(r);
    }
    return 0;
}
