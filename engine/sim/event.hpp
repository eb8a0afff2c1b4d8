#pragma once
// Transcript events: everything that happens in a session, in order.
#include "sim/choice.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace holdspace {

using Json = nlohmann::ordered_json;

// Simulated time is kept in whole seconds so that it adds up exactly;
// events report it as minutes since the session started.
using Seconds = std::int64_t;

// A session's busiest events, as it records them before their `data` is made: a line said, the
// participant's state, a choice offered, an option taken. Session::events() makes the data of each
// for every reader; the scorer and autoplay read them as they are, so that a session only scored
// never makes them JSON.
struct SaidLine {  // say: {"speaker", "text", "affect"}
    std::string speaker, text, affect;
};
struct StateReadings {  // state: {"cause", "distress", "arousal", "trust", "inward_focus", "dissociation", "window"}
    std::string_view cause, window;  // static text
    std::array<double, 5> values{};  // distress to dissociation, rounded as the JSON has them
};
struct ChoiceFields {  // choice: {"moment", "prompt", "flags"}, each unless empty, from Event::offered
};
struct OptionTaken {  // response: {"option", "text" (unless empty), "action" (when taken by one), "codes"}
    std::shared_ptr<const Choice> choice;  // the choice offered, which holds the option
    const Option* option = nullptr;
    std::string_view action;  // static text; empty when the option was chosen, not acted
};
using Unmade = std::variant<std::monostate, SaidLine, StateReadings, ChoiceFields, OptionTaken>;

struct Event {
    std::string type;  // start, phase, dose, say, narrate, choice, response, action, vitals, state, wait, end
    Seconds at = 0;    // seconds since session start
    Json data = Json::object();
    // A choice event's options are the choice the session offered, shared with it rather than
    // copied into `data`: its JSON has them as "options", after data's fields, made only when the
    // transcript is written (to_json). Null for every other event, and for a choice read back from
    // a transcript, whose options are in `data`.
    std::shared_ptr<const Choice> offered = nullptr;
    // What `data` is to be made from (make_data), while `data` is null; nothing once it is made.
    Unmade unmade = {};

    double minutes() const { return static_cast<double>(at) / 60.0; }
    const SaidLine* said() const { return std::get_if<SaidLine>(&unmade); }
    const StateReadings* readings() const { return std::get_if<StateReadings>(&unmade); }
    const OptionTaken* taken() const { return std::get_if<OptionTaken>(&unmade); }
    bool made() const { return std::holds_alternative<std::monostate>(unmade); }
    // The words of a line said or narrated: a line's unmade text, or the data's "text" when it is a
    // string (empty otherwise).
    std::string_view text() const;
    // {"type":..., "t":minutes, ...data, "options":[...]}; whole minutes print as integers.
    Json to_json() const;
    // What a session's transcript limit counts of it: the type's length, and text_bytes of the
    // rest of its JSON (data's fields, and a choice's options, counted without making them).
    std::size_t text_bytes() const;
};

// Makes the event's `data` from what it holds unmade (nothing when it is made already).
void make_data(Event& e);
// An option as a choice event's "options" list has it.
Json option_json(const Option& o);
// The bytes a value's strings hold (keys and values), plus a little for every other value.
std::size_t text_bytes(const Json& j);
Json minutes_json(Seconds at);
// Frees what `j` holds, innermost objects and arrays first. (Json's own destructor first moves the
// children of every object or array it frees onto a new stack: freeing a session's events that way
// cost nearly as much as making them.) `j` is left null.
void release(Json& j);
void release(std::vector<Event>& events);
Json transcript_json(const std::vector<Event>& events);
// The same, taking the events' data instead of copying it (for a caller done with them).
Json transcript_json(std::vector<Event>&& events);

}  // namespace holdspace
