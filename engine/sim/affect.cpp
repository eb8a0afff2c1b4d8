#include "sim/affect.hpp"

#include <algorithm>
#include <cmath>

namespace holdspace {
namespace {

double clamp100(double x) { return std::clamp(x, 0.0, 100.0); }

// Moves x towards target; half of the way every `half_life` minutes.
double settle(double x, double target, double half_life, double minutes) {
    return target + (x - target) * std::exp2(-minutes / half_life);
}

bool has(std::span<const std::string> codes, std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

}  // namespace

Window window_of(const PatientState& s, double intensity) {
    if (s.arousal < 30 || s.dissociation >= 60) return Window::hypo_aroused;
    if (s.arousal > 70 + 10 * std::clamp(intensity, 0.0, 1.0)) return Window::hyper_aroused;
    return Window::within;
}

std::string_view window_name(Window w) {
    switch (w) {
    case Window::hypo_aroused: return "hypo";
    case Window::within: return "within";
    case Window::hyper_aroused: return "hyper";
    }
    return "within";
}

PatientState clamped(PatientState s) {
    s.distress = clamp100(s.distress);
    s.arousal = clamp100(s.arousal);
    s.trust = clamp100(s.trust);
    s.inward_focus = clamp100(s.inward_focus);
    s.dissociation = clamp100(s.dissociation);
    return s;
}

// Sizes are teaching estimates, ordered by what the treatment model says matters
// (DOMAIN.md): empathic, non-directive presence lowers distress and builds the
// alliance; premature reassurance, interpretation and redirecting away from
// emerging material cost trust and inward focus; touch without agreed consent
// and leaving the participant are ruptures.
AffectRules AffectRules::defaults() {
    AffectRules r;
    //                                distress arousal trust inward dissociation
    r.codes["holding_space"] = {-3, -2, 2, 3, 0};
    r.codes["empathic_presence"] = {-4, -2, 3, 2, 0};
    r.codes["validation"] = {-5, -2, 4, 1, 0};
    r.codes["simple_reflection"] = {-2, 0, 2, 1, 0};
    r.codes["complex_reflection"] = {-4, -1, 4, 2, 0};
    r.codes["affirmation"] = {-2, 0, 2, 0, 0};
    r.codes["following_lead"] = {-2, 0, 3, 3, 0};
    r.codes["encourage_inward_focus"] = {0, 0, 1, 6, 0};
    r.codes["open_question"] = {0, 0, 1, -1, 0};
    r.codes["closed_question"] = {0, 0, 0, -2, 0};
    r.codes["seeking_collaboration"] = {-1, 0, 3, 0, 0};
    r.codes["emphasising_autonomy"] = {-1, 0, 3, 0, 0};
    r.codes["consent_check"] = {-1, 0, 3, 0, 0};
    r.codes["explaining_approach"] = {-2, 0, 2, 0, 0};
    r.codes["giving_information"] = {-1, 0, 1, 0, 0};
    r.codes["psychoeducation"] = {-1, 0, 0, -2, 0};
    r.codes["offering_comfort"] = {-2, -1, 1, 0, 0};
    r.codes["checking_vitals"] = {-1, 0, 1, -1, 0};
    r.codes["escalation_medical"] = {0, 0, 0, -3, 0};
    r.codes["risk_assessment"] = {0, 0, 2, 0, 0};
    r.codes["safety_planning"] = {-2, 0, 2, 0, 0};
    r.codes["boundary_setting"] = {0, 0, 1, 0, 0};
    r.codes["grounding"] = {-2, 0, 1, 0, 0};  // plus the context rule below
    r.codes["touch_within_consent"] = {-4, -2, 2, 1, -3};
    r.codes["premature_reassurance"] = {2, 0, -6, -5, 0};
    r.codes["interpreting"] = {1, 0, -5, -6, 0};
    r.codes["redirecting"] = {2, 0, -4, -10, 0};
    r.codes["advice_giving"] = {1, 0, -3, -4, 0};
    r.codes["persuading"] = {3, 2, -5, -2, 0};
    r.codes["persuading_with_permission"] = {1, 0, -1, -1, 0};
    r.codes["confronting"] = {6, 5, -8, -4, 0};
    r.codes["dismissing"] = {8, 4, -12, -4, 0};
    r.codes["self_disclosure"] = {0, 0, -3, -3, 0};
    // Welcomed in the moment (trust rises) and harmful all the same: the rubric, not the
    // participant's comfort, says why (docs/behaviour-codes.md).
    r.codes["dual_relationship"] = {0, 2, 3, -4, 0};
    r.codes["medication_advice"] = {-1, 0, 1, 0, 0};
    r.codes["dismissing_lethal_means"] = {4, 0, -6, 0, 0};
    r.codes["agenda_setting"] = {0, 0, -2, -4, 0};
    r.codes["socratic_questioning"] = {1, 1, -2, -5, 0};
    r.codes["practice_assignment"] = {1, 0, -2, -3, 0};
    r.codes["touch_without_consent"] = {15, 15, -25, -10, 10};
    r.codes["leaving_participant"] = {12, 8, -15, -5, 5};
    return r;
}

PatientState after_response(const PatientState& before, std::span<const std::string> codes,
                            const AffectRules& rules, std::string_view phase) {
    PatientState s = before;
    const Window window = window_of(before);
    const bool medicine = phase == "medicine";
    for (const auto& code : codes) {
        const auto it = rules.codes.find(code);
        if (it == rules.codes.end()) continue;
        StateChange c = it->second;
        // The inward process is what a medicine session protects; the same move
        // costs less focus on a sober day.
        if (!medicine && c.inward_focus < 0) c.inward_focus *= 0.3;
        s.distress += c.distress;
        s.arousal += c.arousal;
        s.trust += c.trust;
        s.inward_focus += c.inward_focus;
        s.dissociation += c.dissociation;
    }
    if (has(codes, "grounding")) {
        if (window != Window::within || before.dissociation > 30) {
            // Essential when dissociated or flooded: back into the body and the room.
            s.dissociation -= 20;
            s.arousal += (50 - s.arousal) * 0.3;
            s.distress -= 4;
            s.trust += 2;
        } else if (medicine) {
            s.inward_focus -= 8;  // pulls a settled participant out of the process
        }
    }
    if (window == Window::within && medicine && has(codes, "redirecting")) {
        s.trust -= 3;  // redirecting away from material the participant can hold
    }
    if (window == Window::hyper_aroused && (has(codes, "holding_space") || has(codes, "empathic_presence"))) {
        s.arousal -= 3;  // steady presence co-regulates
    }
    return clamped(s);
}

PatientState after_time(const PatientState& state, const PatientState& rest, double intensity,
                        double minutes) {
    if (minutes <= 0) return state;
    PatientState s = state;
    const double i = std::clamp(intensity, 0.0, 1.0);
    // Distress settles towards rest over about an hour; the medicine eases fear.
    s.distress = settle(s.distress, rest.distress * (1 - 0.3 * i), 60, minutes);
    // Arousal follows distress and rises a little with the drug's stimulation.
    const double arousal_target = rest.arousal + 0.35 * (s.distress - rest.distress) + 12 * i;
    s.arousal = settle(s.arousal, arousal_target, 15, minutes);
    // The medicine, eyeshades and music draw attention inward.
    s.inward_focus = settle(s.inward_focus, rest.inward_focus + (85 - rest.inward_focus) * i, 25, minutes);
    // Dissociation fades unless the participant is overwhelmed.
    // Freeze comes on fast (minutes) and lifts slowly.
    const double overwhelmed = std::max(0.0, s.distress - 80) * 2;
    s.dissociation = settle(s.dissociation, overwhelmed, overwhelmed > s.dissociation ? 8 : 30, minutes);
    return clamped(s);
}

}  // namespace holdspace
