#pragma once
// What the core knows about a scenario: its description and the script that
// drives it. The script is an interface so the core never sees Lua.
#include "sim/affect.hpp"
#include "sim/choice.hpp"
#include "sim/event.hpp"
#include "sim/physiology.hpp"
#include "sim/vitals.hpp"
#include "sim/vocabulary.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace holdspace {

class Session;

// How the window draws the participant (patient.appearance, docs/scenario-api.md). Each field
// is one of the documented words, or empty: chosen from the scenario's id. Never enters the session.
struct Appearance {
    std::string build, skin, hair, clothing;
};

struct PatientInfo {
    std::string name, pronouns, background;
    int age = 0;
    Vitals baseline;
    std::string touch_consent;  // empty: no touch agreed; otherwise what was agreed
    bool touch_ask_first = false;  // the agreement is "ask first": touch counts as agreed only just after asking
    Appearance appearance;
};

struct DosePlan {
    double initial_mg = 0;
    double supplemental_mg = 0;
    double supplemental_at = 0;  // minutes after the initial dose
};

struct ScenarioInfo {
    std::string source;  // the file it came from, as named to the user
    std::string id, title, phase, rubric, difficulty, description;
    std::vector<std::string> objectives;
    bool typed_only = false;  // the trainee answers in their own words: spoken options are not offered
    PatientInfo patient;
    PatientState initial_state;
    std::optional<DosePlan> dose;
    std::optional<Sensitivity> sensitivity;  // fixed by the scenario; otherwise drawn from the seed
    Thresholds thresholds;                   // when a vitals reading raises an alert
    AffectRules affect = AffectRules::defaults();
};

// A scenario error: `message` already names file:line; `traceback` lists the
// scenario's own frames, innermost first.
struct ScriptError : std::runtime_error {
    ScriptError(const std::string& message, std::vector<std::string> frames)
        : std::runtime_error(message), traceback(std::move(frames)) {}
    std::vector<std::string> traceback;
};

enum class ScriptStatus { waiting_for_trainee, finished };

class Script {
public:
    virtual ~Script() = default;
    // Runs the scenario until it offers a choice (Session::offer_choice) or ends.
    // All three may throw ScriptError.
    virtual ScriptStatus start(Session& session) = 0;
    virtual ScriptStatus resume(Session& session, const Option& chosen) = 0;
    // A non-verbal action that no option claimed.
    virtual void on_action(Session& session, ActionKind action) = 0;
};

}  // namespace holdspace
