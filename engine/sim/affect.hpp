#pragma once
// The participant's inner state and how it moves: with the trainee's behaviour
// (each response's codes, read in context), with the medicine, and with time.
// Meanings of the variables: docs/patient-model.md, "Affect, alliance and memory".
#include <map>
#include <span>
#include <string>
#include <string_view>

namespace holdspace {

// Each 0-100.
struct PatientState {
    double distress = 20;      // subjective units of distress (SUDS)
    double arousal = 50;       // 30-70 is within the window of tolerance
    double trust = 60;         // alliance with the therapists
    double inward_focus = 30;  // attention turned to the inner experience
    double dissociation = 0;   // detachment from body and surroundings
};

enum class Window { hypo_aroused, within, hyper_aroused };
// The window of tolerance is 30-70 arousal; the medicine widens its upper edge
// (up to 80 at full intensity) as fear and defensiveness fall.
Window window_of(const PatientState& state, double intensity = 0);
std::string_view window_name(Window window);

struct StateChange {
    double distress = 0, arousal = 0, trust = 0, inward_focus = 0, dissociation = 0;
};

// What a behaviour code does to the state, by default. Trainers override
// entries per scenario (the scenario's `affect.codes` table).
struct AffectRules {
    std::map<std::string, StateChange, std::less<>> codes;
    static AffectRules defaults();
};

// The state after a response carrying `codes`, in a session of `phase`
// ("preparation", "medicine", "integration"). Context matters: grounding helps
// when the participant is dissociated or outside the window and costs inward
// focus when they are not; structured-protocol moves pull a participant out of
// a medicine session's inward process.
PatientState after_response(const PatientState& state, std::span<const std::string> codes,
                            const AffectRules& rules, std::string_view phase);

// The state after `minutes` of time at drug intensity `intensity` (0-1):
// distress and arousal settle towards rest, the medicine draws attention inward
// and widens the window (less defensiveness), dissociation fades unless
// distress is overwhelming.
PatientState after_time(const PatientState& state, const PatientState& rest, double intensity,
                        double minutes);

PatientState clamped(PatientState state);

}  // namespace holdspace
