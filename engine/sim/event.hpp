#pragma once
// Transcript events: everything that happens in a session, in order.
#include <nlohmann/json.hpp>

#include <cstdint>
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

    double minutes() const { return static_cast<double>(at) / 60.0; }
    // {"type":..., "t":minutes, ...data}; whole minutes print as integers.
    Json to_json() const;
};

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
