#pragma once
// Transcript events: everything that happens in a session, in order.
#include "sim/choice.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace holdspace {

using Json = nlohmann::ordered_json;

// Simulated time is kept in whole seconds so that it adds up exactly;
// events report it as minutes since the session started.
using Seconds = std::int64_t;

struct Event {
    std::string type;  // start, phase, dose, say, narrate, choice, response, action, vitals, state, wait, end
    Seconds at = 0;    // seconds since session start
    Json data = Json::object();
    // A choice event's options are the choice the session offered, shared with it rather than
    // copied into `data`: its JSON has them as "options", after data's fields, made only when the
    // transcript is written (to_json). Null for every other event, and for a choice read back from
    // a transcript, whose options are in `data`.
    std::shared_ptr<const Choice> offered = nullptr;

    double minutes() const { return static_cast<double>(at) / 60.0; }
    // {"type":..., "t":minutes, ...data, "options":[...]}; whole minutes print as integers.
    Json to_json() const;
    // What a session's transcript limit counts of it: the type's length, and text_bytes of the
    // rest of its JSON (data's fields, and a choice's options, counted without making them).
    std::size_t text_bytes() const;
};

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
