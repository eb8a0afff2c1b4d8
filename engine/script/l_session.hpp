#pragma once
#include "sim/event.hpp"

struct lua_State;

namespace holdspace {
struct Option;
}

namespace holdspace::script {
// Pushes a new session handle `s` (docs/scenario-api.md). Its functions act on
// Sandbox::of(L).session.
void push_session_handle(lua_State* L);
// Pushes what s:choose returns: the chosen option as a table {id, text, action, codes, expert,
// rationale, t} (`at`: the session's time, shown in minutes).
void push_chosen(lua_State* L, const Option& o, Seconds at);
}  // namespace holdspace::script
