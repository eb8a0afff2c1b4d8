#pragma once
// How terminal play shows a session: one readable line per transcript event.
#include "sim/event.hpp"
#include "sim/scenario.hpp"

#include <string>

namespace holdspace::cli {

// "1:05" for 65 minutes.
std::string clock_text(Seconds at);
// The event as the trainee sees it; empty for events hidden from the trainee (state).
std::string render_event(const Event& event);
// The open choice: numbered options and the action keys.
std::string render_choice(const Choice& choice);
std::string play_help();

}  // namespace holdspace::cli
