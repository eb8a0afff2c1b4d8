#pragma once
// A table's fields in the same order in every process. lua_next goes through a table in an order
// that follows Lua's string hashes, which it seeds afresh in every process: checks that stop at the
// first bad field, or list what they find, would name a different field on every run of the same
// file. (Scenarios see their own tables in a fixed order through the sandbox's `next`.)
#include <functional>

struct lua_State;

namespace holdspace::script {

// Calls `visit` once for each field of the table at `table`, with its key and value pushed (key at
// -2, value at -1, as lua_next leaves them); `visit` leaves them there. Keys that are not strings
// come first, in lua_next's order (what is said of them does not name them), then string keys in
// the order of their bytes. Raw access: nothing of the table's metatable runs.
void for_each_field(lua_State* L, int table, const std::function<void()>& visit);

}  // namespace holdspace::script
