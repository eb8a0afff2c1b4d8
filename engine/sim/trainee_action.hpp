#pragma once
// What a trainee can do at a choice point, as front ends send it and records keep it.
#include "sim/vocabulary.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace holdspace {

// How a typed response was heard: the behaviour coder's codes with a confidence each (highest
// first), or the trainee's correction of the primary code. The coder lives above the core
// (engine/coder); front ends fill this in before the session applies a typed response.
struct Heard {
    std::vector<std::pair<std::string, double>> codes;  // code, p
    std::string primary;
    std::string model;       // the coder's version
    bool corrected = false;  // the trainee named the primary code ("say as CODE: TEXT")
};

struct TraineeAction {
    enum class Kind { option, action, wait, say };
    Kind kind = Kind::option;
    std::string option;  // option id, or its 1-based number until the session resolves it
    ActionKind action = ActionKind::hold_space;
    double minutes = 0;  // for wait
    std::string text;    // for say: what the trainee typed
    Heard heard;         // for say: filled in by the front end (app::hear) before it is applied

    static TraineeAction choose(std::string id) { return {Kind::option, std::move(id), {}, 0, {}, {}}; }
    static TraineeAction act(ActionKind a) { return {Kind::action, {}, a, 0, {}, {}}; }
    static TraineeAction wait_for(double m) { return {Kind::wait, {}, {}, m, {}, {}}; }
    static TraineeAction say(std::string typed) { return {Kind::say, {}, {}, 0, std::move(typed), {}}; }
    // A typed response whose primary code the trainee named.
    static TraineeAction say_as(std::string code, std::string typed);

    // As written in an actions file: "reflect", "check_vitals", "wait 10", "say I'm here.",
    // "say as complex_reflection: Part of you wants to stop."
    std::string to_string() const;
};

// The most a typed response may hold; longer text is refused with a message.
constexpr std::size_t max_typed_bytes = 2000;

constexpr double max_wait_minutes = 600;

// Parses one line of an actions file: an option id or number, an action name, `wait N`, or
// `say TEXT` / `say as CODE: TEXT` (a typed response). Blank lines and lines starting with '#' give nullopt with `error` empty.
std::optional<TraineeAction> parse_action(std::string_view line, std::string& error);

}  // namespace holdspace
