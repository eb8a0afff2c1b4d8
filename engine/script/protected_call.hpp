#pragma once
// Runs host code that reads scenario-made Lua values inside a protected call, so
// that a Lua error (a bad value, out of memory) becomes a message, never a panic.
#include <functional>
#include <optional>
#include <string>

struct lua_State;

namespace holdspace::script {

// Calls body(L, t) where t indexes a copy of the value at `index`. Returns the
// error message when body raised a Lua error.
std::optional<std::string> run_protected(lua_State* L, int index, const std::function<void(lua_State*, int)>& body);

}  // namespace holdspace::script
