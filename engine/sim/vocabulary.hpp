#pragma once
// The fixed words scenarios and front ends share: behaviour codes, affects,
// non-verbal actions. Unknown words are errors, so a typo never scores silently.
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace holdspace {

std::span<const std::string_view> behaviour_codes();
bool is_behaviour_code(std::string_view code);

std::span<const std::string_view> affects();
bool is_affect(std::string_view affect);

// Non-verbal actions available at every choice point.
enum class ActionKind {
    hold_space, check_vitals, water, blanket, music, eyeshades, touch, medical_support, end,
};

struct ActionInfo {
    ActionKind kind;
    std::string_view name;   // as written in action files and scenarios
    char key;                // terminal / window shortcut
    std::string_view label;  // as shown on a button
};

// Medical measures a scenario takes with s:treat (docs/scenario-api.md, "The body going wrong").
// They are the physician's and the team's, not trainee actions: options that stand for them
// call s:treat when chosen.
enum class Treatment {
    cooling,             // fan, cool cloth, cooler room (what a medical call already brings)
    active_cooling,      // ice packs, cooling blanket, mist and fan
    antihypertensive,    // the physician treats the blood pressure
    rest,                // lying still, slow breathing
    iv_fluids,           // 0.5 L of 0.9% saline by drip
    hypertonic_saline,   // a 150 mL bolus of 3% saline (in hospital, for severe hyponatremia)
    emergency_services,  // emergency services called: transfer to hospital
};
struct TreatmentInfo {
    Treatment kind;
    std::string_view name;
};
std::span<const TreatmentInfo> treatment_infos();
std::optional<Treatment> treatment_by_name(std::string_view name);

std::span<const ActionInfo> action_infos();
const ActionInfo& action_info(ActionKind kind);
std::optional<ActionKind> action_by_name(std::string_view name);
std::optional<ActionKind> action_by_key(char key);

}  // namespace holdspace
