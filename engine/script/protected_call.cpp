#include "script/protected_call.hpp"

#include <lua.hpp>

namespace holdspace::script {
namespace {

int trampoline(lua_State* L) {
    const auto* body = static_cast<const std::function<void(lua_State*, int)>*>(lua_touserdata(L, 2));
    (*body)(L, 1);
    return 0;
}

}  // namespace

std::optional<std::string> run_protected(lua_State* L, int index, const std::function<void(lua_State*, int)>& body) {
    index = lua_absindex(L, index);
    lua_pushcfunction(L, trampoline);
    lua_pushvalue(L, index);
    lua_pushlightuserdata(L, const_cast<std::function<void(lua_State*, int)>*>(&body));
    if (lua_pcall(L, 2, 0, 0) == LUA_OK) return std::nullopt;
    std::string message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "invalid value";
    lua_pop(L, 1);
    return message;
}

}  // namespace holdspace::script
