#include "sim/vocabulary.hpp"

#include <algorithm>
#include <array>

namespace holdspace {
namespace {

// MITI 4.2.1 counts plus the behaviours of medicine-assisted and structured work
// (see docs/scenario-api.md, "Behaviour codes").
constexpr std::array<std::string_view, 41> codes = {
    "open_question", "closed_question", "simple_reflection", "complex_reflection",
    "affirmation", "giving_information", "persuading", "persuading_with_permission",
    "seeking_collaboration", "emphasising_autonomy", "confronting", "holding_space",
    "empathic_presence", "encourage_inward_focus", "following_lead", "redirecting",
    "interpreting", "premature_reassurance", "validation", "grounding", "checking_vitals",
    "consent_check", "touch_within_consent", "touch_without_consent", "self_disclosure",
    "agenda_setting", "socratic_questioning", "psychoeducation", "practice_assignment",
    "escalation_medical", "risk_assessment", "boundary_setting", "offering_comfort",
    "leaving_participant", "dismissing", "advice_giving", "explaining_approach",
    "safety_planning", "dual_relationship", "medication_advice", "dismissing_lethal_means",
};

constexpr std::array<std::string_view, 15> affect_names = {
    "calm", "anxious", "fearful", "distressed", "tearful", "angry", "ashamed", "numb",
    "confused", "relieved", "warm", "hopeful", "sad", "playful", "withdrawn",
};

constexpr std::array<ActionInfo, 9> actions = {{
    {ActionKind::hold_space, "hold_space", 'h', "Hold space"},
    {ActionKind::check_vitals, "check_vitals", 'v', "Check vitals"},
    {ActionKind::water, "water", 'w', "Offer water"},
    {ActionKind::blanket, "blanket", 'b', "Offer blanket"},
    {ActionKind::music, "music", 'm', "Adjust music"},
    {ActionKind::eyeshades, "eyeshades", 'e', "Eyeshades"},
    {ActionKind::touch, "touch", 't', "Offer touch"},
    {ActionKind::medical_support, "medical_support", 'c', "Call medical support"},
    {ActionKind::end, "end", 'q', "End session"},
}};

constexpr std::array<TreatmentInfo, 7> treatments = {{
    {Treatment::cooling, "cooling"},
    {Treatment::active_cooling, "active_cooling"},
    {Treatment::antihypertensive, "antihypertensive"},
    {Treatment::rest, "rest"},
    {Treatment::iv_fluids, "iv_fluids"},
    {Treatment::hypertonic_saline, "hypertonic_saline"},
    {Treatment::emergency_services, "emergency_services"},
}};

}  // namespace

std::span<const TreatmentInfo> treatment_infos() { return treatments; }
std::optional<Treatment> treatment_by_name(std::string_view name) {
    for (const auto& t : treatments)
        if (t.name == name) return t.kind;
    return std::nullopt;
}

std::span<const std::string_view> behaviour_codes() { return codes; }
bool is_behaviour_code(std::string_view code) {
    return std::find(codes.begin(), codes.end(), code) != codes.end();
}

std::span<const std::string_view> affects() { return affect_names; }
bool is_affect(std::string_view affect) {
    return std::find(affect_names.begin(), affect_names.end(), affect) != affect_names.end();
}

std::span<const ActionInfo> action_infos() { return actions; }

const ActionInfo& action_info(ActionKind kind) { return actions[static_cast<std::size_t>(kind)]; }

std::optional<ActionKind> action_by_name(std::string_view name) {
    for (const auto& a : actions)
        if (a.name == name) return a.kind;
    return std::nullopt;
}

std::optional<ActionKind> action_by_key(char key) {
    for (const auto& a : actions)
        if (a.key == key) return a.kind;
    return std::nullopt;
}

}  // namespace holdspace
