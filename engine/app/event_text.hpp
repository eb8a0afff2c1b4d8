#pragma once
// Transcript events as the trainee reads them, one line each: the terminal prints these lines and
// the window's transcript, drills and review show the same text.
#include "sim/event.hpp"

#include <string>

namespace holdspace::app {

// "1:05" for 65 minutes.
std::string clock_text(Seconds at);
// The event as the trainee sees it; empty for events hidden from the trainee (choice, state).
std::string render_event(const Event& event);
// A non-verbal action's label ("Hold space (stay silent)") from its name; unknown names as given.
std::string action_label(const std::string& name);

}  // namespace holdspace::app
