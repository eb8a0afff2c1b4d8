#pragma once
struct lua_State;

namespace holdspace::script {
// Pushes a new session handle `s` (docs/scenario-api.md). Its functions act on
// Sandbox::of(L).session.
void push_session_handle(lua_State* L);
}  // namespace holdspace::script
