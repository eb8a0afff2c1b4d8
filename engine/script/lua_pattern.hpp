#pragma once
// Metered replacements for Lua's string.find, string.match, string.gmatch and
// string.gsub.
//
// The stock functions run their backtracking matcher in C, where the
// instruction-count hook never fires, so a crafted pattern could keep an
// untrusted scenario busy for hours. These versions follow the Lua 5.4 pattern
// semantics (reference manual §6.4.1) exactly, but charge every matching step
// to a caller-supplied budget, which can stop the match by raising a Lua error.
#include <cstdint>

struct lua_State;

namespace holdspace::script {

// Called with the number of matcher steps done since the last call (in chunks of
// about 1000 and once at the end of each library call). It may raise a Lua error
// (lua_error / luaL_error) to stop the match; the matcher must leave nothing
// leaked when that happens (Lua errors are C++ exceptions in this build, so RAII is fine).
using ChargeFn = void (*)(lua_State* L, std::uint64_t steps);

// Replaces find, match, gmatch and gsub in the table at stack index `string_table`
// with metered versions that call `charge`. Everything else in the table is untouched.
void install_metered_patterns(lua_State* L, int string_table, ChargeFn charge);

}  // namespace holdspace::script
