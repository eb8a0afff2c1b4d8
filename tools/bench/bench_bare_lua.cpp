// The bare-Lua limit for tools/bench/run: the same generated story played by Lua 5.4 (the
// same C++ build of it Holdspace links) with a trivial host, and nothing of Holdspace. One
// lua_State with the standard library and the story loaded once; each run starts run(s) on a
// new coroutine with a fresh handle whose s:say does nothing and whose s:choose hands the
// options to the host, which picks one with the benchmarks' policy and resumes the story with
// it - a host sees every choice, as Holdspace's and inkjs's do. No sandbox, no limits, no
// transcript, no participant, no fresh state: what is left is the story's own Lua and the
// pause at each choice, so no engine can play the story faster; bench_story is quoted as a
// share of this.
// --direct: s:choose picks and returns at once, with no pause (no host could see the choice:
// the story's Lua alone). In this C++ build of Lua a pause is a C++ exception, so this is
// several times faster; tools/bench/run prints both.
//
//   bench_bare_lua FILE.lua [--seconds S] [--min-runs N] [--direct]
#include "bench/policy.hpp"

#include <lua.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

namespace {

holdspace::bench::Mulberry32* direct_policy = nullptr;  // --direct: s:choose picks with it
long direct_choices = 0;

int say(lua_State*) { return 0; }

int choose(lua_State* L) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    if (direct_policy) {
        const auto n = static_cast<std::size_t>(lua_rawlen(L, 2));
        if (n == 0) return luaL_error(L, "no options");
        lua_rawgeti(L, 2, static_cast<lua_Integer>(direct_policy->pick(n) + 1));
        ++direct_choices;
        return 1;
    }
    return lua_yield(L, 1);  // the options; the host resumes with the one it picked
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_bare_lua FILE.lua [--seconds S] [--min-runs N]\n";
        return 2;
    }
    double budget = 3.0;
    long min_runs = 5;
    bool direct = false;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--direct") == 0) direct = true;
        else if (i + 1 < argc && std::strcmp(argv[i], "--seconds") == 0) budget = std::atof(argv[++i]);
        else if (i + 1 < argc && std::strcmp(argv[i], "--min-runs") == 0) min_runs = std::atol(argv[++i]);
    }
    std::ifstream in(argv[1], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();

    lua_State* L = luaL_newstate();
    luaL_openlibs(L);
    if (luaL_loadbufferx(L, source.data(), source.size(), argv[1], "t") != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
        std::cerr << "bench_bare_lua: " << lua_tostring(L, -1) << "\n";
        return 1;
    }
    lua_getfield(L, -1, "run");
    const int run = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);  // the methods every handle shares
    lua_pushcfunction(L, say);
    lua_setfield(L, -2, "say");
    lua_pushcfunction(L, choose);
    lua_setfield(L, -2, "choose");
    lua_pushvalue(L, -1);
    lua_setfield(L, -2, "__index");
    const int methods = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_settop(L, 0);

    using Clock = std::chrono::steady_clock;
    long runs = 0, choices = 0;
    const auto start = Clock::now();
    double seconds = 0;
    while (runs < min_runs || seconds < budget) {
        holdspace::bench::Mulberry32 policy(static_cast<std::uint32_t>(runs + 1));
        direct_policy = direct ? &policy : nullptr;
        lua_State* co = lua_newthread(L);
        lua_rawgeti(co, LUA_REGISTRYINDEX, run);
        lua_newtable(co);  // this run's handle
        lua_rawgeti(co, LUA_REGISTRYINDEX, methods);
        lua_setmetatable(co, -2);
        int nargs = 1, nresults = 0, status = LUA_OK;
        while ((status = lua_resume(co, L, nargs, &nresults)) == LUA_YIELD) {
            const auto n = static_cast<std::size_t>(lua_rawlen(co, -1));
            if (n == 0) break;
            lua_rawgeti(co, -1, static_cast<lua_Integer>(policy.pick(n) + 1));
            lua_remove(co, -2);  // the options: the picked one is what s:choose returns
            nargs = 1;
            ++choices;
        }
        if (status != LUA_OK) {
            std::cerr << "bench_bare_lua: " << lua_tostring(co, -1) << "\n";
            return 1;
        }
        lua_pop(L, 1);  // the coroutine
        ++runs;
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    lua_close(L);
    std::printf("{\"runs\":%ld,\"seconds\":%.6f,\"choices_per_run\":%.6g}\n", runs, seconds,
                static_cast<double>(choices + direct_choices) / static_cast<double>(runs));
    return 0;
}
