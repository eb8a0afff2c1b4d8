#include "script/table_order.hpp"

#include <lua.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace holdspace::script {

void for_each_field(lua_State* L, int table, const std::function<void()>& visit) {
    table = lua_absindex(L, table);
    luaL_checkstack(L, 3, "reading a table");
    std::vector<std::string> names;
    lua_pushnil(L);
    while (lua_next(L, table)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            std::size_t size = 0;
            const char* name = lua_tolstring(L, -2, &size);
            names.emplace_back(name, size);
        } else {
            visit();
        }
        lua_pop(L, 1);
    }
    std::sort(names.begin(), names.end());
    for (const auto& name : names) {
        lua_pushlstring(L, name.data(), name.size());
        lua_pushvalue(L, -1);
        lua_rawget(L, table);
        visit();
        lua_pop(L, 2);
    }
}

}  // namespace holdspace::script
