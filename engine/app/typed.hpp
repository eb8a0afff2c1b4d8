#pragma once
// Typed responses (docs/coder.md, "Typed play"): the trainee's own words, heard by the behaviour
// coder on this machine before the session plays them. Every front end calls hear().
#include "sim/session.hpp"
#include "sim/trainee_action.hpp"

#include <optional>
#include <string>

namespace holdspace::app {

// The trainee's own words as a `say` action: made valid UTF-8 (what cannot be read is replaced,
// never dropped) and trimmed. None for blank words (error empty) or words over max_typed_bytes
// (error says so).
std::optional<TraineeAction> typed_action(const std::string& words, std::string& error);

// Fills in action.heard for a `say` action, in the session's context (the participant's last
// line, the phase). A correction (say as CODE) keeps the trainee's primary code and takes the
// rest from the coder. An action already heard is left as it is. The shipped model loads once per process; false and `error` when it
// cannot be loaded. Actions other than `say` are left alone.
bool hear(TraineeAction& action, const Session& session, std::string& error);

// The coder is unsure when its primary code's probability is under one half: the trainee is
// offered the nearest codes to choose from.
bool unsure(const Heard& heard);

// "complex reflection" for complex_reflection.
std::string code_label(const std::string& code);

// "heard as: complex reflection (0.81)"; with the next likely code when unsure.
std::string heard_text(const Heard& heard);

// How the session's last typed response was heard and played, from its response event:
// "heard as: complex reflection (0.81); matched option 'stay_with'" or "...; in your own words".
// Empty when the trainee has typed nothing.
std::string last_typed_text(const Session& session);

}  // namespace holdspace::app
