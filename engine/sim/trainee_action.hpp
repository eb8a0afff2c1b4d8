#pragma once
// What a trainee can do at a choice point, as front ends send it and records keep it.
#include "sim/vocabulary.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace holdspace {

struct TraineeAction {
    enum class Kind { option, action, wait };
    Kind kind = Kind::option;
    std::string option;  // option id, or its 1-based number until the session resolves it
    ActionKind action = ActionKind::hold_space;
    double minutes = 0;  // for wait

    static TraineeAction choose(std::string id) { return {Kind::option, std::move(id), {}, 0}; }
    static TraineeAction act(ActionKind a) { return {Kind::action, {}, a, 0}; }
    static TraineeAction wait_for(double m) { return {Kind::wait, {}, {}, m}; }

    // As written in an actions file: "reflect", "check_vitals", "wait 10".
    std::string to_string() const;
};

constexpr double max_wait_minutes = 600;

// Parses one line of an actions file: an option id or number, an action name, or
// `wait N`. Blank lines and lines starting with '#' give nullopt with `error` empty.
std::optional<TraineeAction> parse_action(std::string_view line, std::string& error);

}  // namespace holdspace
