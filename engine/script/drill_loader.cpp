#include "script/drill_loader.hpp"
#include "script/table_order.hpp"

#include "script/lua_scenario.hpp"
#include "script/sandbox.hpp"

#include <lua.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <tuple>

namespace holdspace::script {
namespace {

const std::set<std::string> required = {"id", "title", "scenario", "moment", "level", "domain", "focus"};
const std::set<std::string> known = {"id", "title", "scenario", "moment", "level", "domain", "focus", "seed", "route"};

std::string known_list() {
    std::string out;
    for (const auto& k : known) out += (out.empty() ? "" : ", ") + k;
    return out;
}

// Reads one drill's table at `t`; what is wrong goes to `problems`. Raw access only, so that
// no catalogue code runs from here.
bool read_drill(lua_State* L, int t, int line, drill::Drill& d, std::vector<drill::Problem>& problems) {
    const std::size_t before = problems.size();
    auto problem = [&](std::string message) { problems.push_back({line, std::move(message)}); };
    std::set<std::string> present;
    for_each_field(L, t, [&] {  // the problems in the same order on every run
        if (lua_type(L, -2) != LUA_TSTRING) {
            problem("drill has a field that is not a name (use name = value)");
            return;
        }
        const std::string key = lua_tostring(L, -2);
        present.insert(key);
        const int type = lua_type(L, -1);
        if (!known.count(key)) {
            problem("drill has an unknown field '" + key + "' (known: " + known_list() + ")");
        } else if (key == "seed") {
            if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 0)
                problem("drill seed must be a whole number, 0 or more");
            else
                d.seed = static_cast<std::uint64_t>(lua_tointeger(L, -1));
        } else if (key == "route") {
            if (type != LUA_TTABLE) {
                problem("drill route must be a table of moment = \"option id\"");
            } else {
                for_each_field(L, lua_gettop(L), [&] {
                    if (lua_type(L, -2) == LUA_TSTRING && lua_type(L, -1) == LUA_TSTRING)
                        d.route.emplace_back(lua_tostring(L, -2), lua_tostring(L, -1));
                    else
                        problem("drill route must be a table of moment = \"option id\"");
                });
            }
        } else if (type != LUA_TSTRING) {
            problem("drill " + key + " must be a string");
        } else {
            std::string value = lua_tostring(L, -1);
            if (value.empty()) problem("drill " + key + " is empty");
            if (key == "id") d.id = value;
            else if (key == "title") d.title = value;
            else if (key == "scenario") d.scenario = value;
            else if (key == "moment") d.moment = value;
            else if (key == "domain") d.domain = value;
            else if (key == "focus") d.focus = value;
            else if (key == "level") {
                if (auto level = drill::level_by_name(value)) d.level = *level;
                else problem("drill level '" + value + "' is not beginner, intermediate or advanced");
            }
        }
    });
    for (const auto& name : required)
        if (!present.count(name)) problem("drill " + (d.id.empty() ? "" : "'" + d.id + "' ") + "has no " + name);
    // The route's order is the order its moments come in; keep it stable for messages.
    std::sort(d.route.begin(), d.route.end());
    return problems.size() == before;
}

// drill { ... }: the global the catalogue calls once per drill.
int l_drill(lua_State* L) {
    auto* file = static_cast<CatalogueFile*>(lua_touserdata(L, lua_upvalueindex(1)));
    lua_Debug ar{};
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "l", &ar)) line = ar.currentline;
    bool failed = false;
    try {
        if (!lua_istable(L, 1)) {
            file->problems.push_back({line, "drill takes a table: drill { id = ..., title = ..., ... }"});
            return 0;
        }
        drill::Drill d;
        d.line = line;
        if (read_drill(L, 1, line, d, file->problems)) file->drills.push_back(std::move(d));
    } catch (const std::exception&) {
        failed = true;  // out of memory: raised as a Lua error below, outside the try
    }
    if (failed) return luaL_error(L, "out of memory reading a drill");
    return 0;
}

}  // namespace

CatalogueFile load_drill_catalogue_source(const std::string& source, const std::string& path) {
    CatalogueFile file;
    file.path = path;
    Sandbox sandbox;
    lua_State* L = sandbox.state();
    sandbox.push_globals(L);
    lua_pushlightuserdata(L, &file);
    lua_pushcclosure(L, l_drill, 1);
    lua_setfield(L, -2, "drill");
    lua_pop(L, 1);
    try {
        sandbox.load(source, "@" + path);
        sandbox.call(0, 0);
    } catch (const ScriptError& e) {
        // Lua shortens long chunk names to "...tail"; name the file in full.
        std::string message = e.what();
        const std::string tail = std::filesystem::path(path).filename().string() + ":";
        if (message.starts_with("...") && message.find(tail) != std::string::npos)
            message = path + message.substr(message.find(tail) + tail.size() - 1);
        throw ScriptError(message, e.traceback);
    }
    // Fields come out of a table in no fixed order: sort what was found, for stable reports.
    std::stable_sort(file.problems.begin(), file.problems.end(), [](const drill::Problem& a, const drill::Problem& b) {
        return std::tie(a.line, a.message) < std::tie(b.line, b.message);
    });
    return file;
}

CatalogueFile load_drill_catalogue(const std::string& path) {
    std::string source;
    try {
        source = read_text_file(path);
    } catch (const std::runtime_error& e) {
        throw ScriptError(e.what(), {});
    }
    return load_drill_catalogue_source(source, path);
}

}  // namespace holdspace::script
