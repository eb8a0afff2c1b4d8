#include "script/lua_scenario.hpp"

#include "script/l_session.hpp"
#include "script/protected_call.hpp"
#include "script/source_lines.hpp"
#include "script/table_order.hpp"
#include "sim/session.hpp"

#include <lua.hpp>

#include <algorithm>
#include <optional>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <mutex>
#include <set>
#include <sstream>
#include <string_view>

namespace holdspace::script {
namespace {

constexpr std::size_t max_scenario_bytes = max_script_file_bytes;

// 1 to 80 characters, each a lower-case letter, a digit, '_' or one of `extra`.
// (Checked by hand: constructing a std::regex cost more than the rest of loading.)
bool is_name(const std::string& s, std::string_view extra) {
    if (s.empty() || s.size() > 80) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || extra.find(c) != std::string_view::npos;
    });
}

// Reads the returned scenario table inside a protected call: raises a Lua error
// with "field: problem" (the loader adds file:line).
struct TableReader {
    lua_State* L;
    ScenarioInfo& info;
    std::string field;  // the field being read, for the error's line

    [[noreturn]] void fail(const std::string& f, const std::string& message) {
        field = f;
        lua_pushstring(L, message.c_str());
        lua_error(L);
        throw;  // not reached: lua_error throws
    }

    int get(int table, const char* name) {
        lua_pushstring(L, name);
        return lua_rawget(L, table);
    }

    std::string string_field(int table, const char* name, const std::string& path, bool required) {
        const int t = get(table, name);
        std::string value;
        if (t == LUA_TSTRING) {
            value = lua_tostring(L, -1);
            if (required && value.find_first_not_of(" \t\n") == std::string::npos)
                fail(name, "'" + path + "' is empty");
        } else if (t == LUA_TNIL) {
            if (required) fail(name, "'" + path + "' is missing (a string)");
        } else {
            fail(name, "'" + path + "' must be a string, got " + luaL_typename(L, -1));
        }
        lua_pop(L, 1);
        return value;
    }

    std::optional<double> number_field(int table, const char* name, const std::string& path, bool required,
                                       double lo, double hi) {
        const int t = get(table, name);
        std::optional<double> value;
        if (t == LUA_TNUMBER) {
            value = lua_tonumber(L, -1);
            if (!(*value >= lo && *value <= hi)) {
                std::ostringstream out;
                out << "'" << path << "' is " << *value << "; expected " << lo << " to " << hi;
                fail(name, out.str());
            }
        } else if (t != LUA_TNIL) {
            fail(name, "'" + path + "' must be a number, got " + luaL_typename(L, -1));
        } else if (required) {
            fail(name, "'" + path + "' is missing (a number)");
        }
        lua_pop(L, 1);
        return value;
    }

    // (A list rather than a std::set: building the sets cost more than reading the table.) Of several
    // unknown fields the first by name is named: the order Lua goes through a table's keys in differs
    // from process to process, and the same file must give the same error.
    void check_known_fields(int table, std::initializer_list<std::string_view> known, const std::string& where) {
        std::optional<std::string> unknown;
        lua_pushnil(L);
        while (lua_next(L, table)) {
            lua_pop(L, 1);
            std::string key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : std::string();
            if (std::find(known.begin(), known.end(), key) == known.end() && (!unknown || key < *unknown))
                unknown = std::move(key);
        }
        if (!unknown) return;
        std::string list;
        std::vector<std::string> names(known.begin(), known.end());
        std::sort(names.begin(), names.end());
        for (const auto& k : names) list += (list.empty() ? "" : ", ") + k;
        fail(*unknown, where + " has an unknown field '" + (unknown->empty() ? std::string("(not a name)") : *unknown) +
                           "' (known: " + list + ")");
    }

    void read(int t) {
        if (!lua_istable(L, t)) fail("", std::string("the scenario file must return a table, got ") + luaL_typename(L, t));
        check_known_fields(t, {"id", "title", "phase", "rubric", "patient", "run", "dose", "difficulty",
                               "description", "objectives", "on_action", "monitor", "affect", "typed_only"},
                           "the scenario table");

        info.id = string_field(t, "id", "id", true);
        if (!is_name(info.id, ".-"))
            fail("id", "'id' must be lower-case letters, digits, '.', '-' or '_' (e.g. \"medicine.onset\")");
        info.title = string_field(t, "title", "title", true);
        info.phase = string_field(t, "phase", "phase", true);
        if (info.phase != "preparation" && info.phase != "medicine" && info.phase != "integration")
            fail("phase", "'phase' is \"" + info.phase + "\"; expected preparation, medicine or integration");
        info.rubric = string_field(t, "rubric", "rubric", true);
        if (!is_name(info.rubric, ""))
            fail("rubric", "'rubric' must name a rubric in scenarios/rubrics/ (e.g. \"patient_directed\")");
        info.difficulty = string_field(t, "difficulty", "difficulty", false);
        if (!info.difficulty.empty() && info.difficulty != "beginner" && info.difficulty != "intermediate" &&
            info.difficulty != "advanced")
            fail("difficulty", "'difficulty' must be beginner, intermediate or advanced");
        info.description = string_field(t, "description", "description", false);
        if (const int typed_only = get(t, "typed_only"); typed_only != LUA_TNIL) {
            if (typed_only != LUA_TBOOLEAN) fail("typed_only", "'typed_only' must be true or false");
            info.typed_only = lua_toboolean(L, -1) != 0;
        }
        lua_pop(L, 1);

        const int objectives = get(t, "objectives");
        if (objectives == LUA_TTABLE) {
            const int list = lua_gettop(L);
            for (lua_Unsigned i = 1; i <= lua_rawlen(L, list); ++i) {
                if (lua_rawgeti(L, list, static_cast<lua_Integer>(i)) != LUA_TSTRING)
                    fail("objectives", "'objectives' must be a list of strings");
                info.objectives.emplace_back(lua_tostring(L, -1));
                lua_pop(L, 1);
            }
        } else if (objectives != LUA_TNIL) {
            fail("objectives", "'objectives' must be a list of strings");
        }
        lua_pop(L, 1);

        if (get(t, "run") != LUA_TFUNCTION) fail("run", "'run' is missing: a function(s) that plays the session");
        // A built-in (run = print) has no line of its own: its errors could not name where they are.
        if (lua_iscfunction(L, -1))
            fail("run", "'run' must be a function written in the scenario (function(s) ... end), not a built-in "
                        "such as print");
        lua_pop(L, 1);
        const int on_action = get(t, "on_action");
        if (on_action != LUA_TNIL && on_action != LUA_TFUNCTION) fail("on_action", "'on_action' must be a function(s, action)");
        if (on_action == LUA_TFUNCTION && lua_iscfunction(L, -1))
            fail("on_action", "'on_action' must be a function written in the scenario (function(s, action) ... end), "
                              "not a built-in such as print");
        lua_pop(L, 1);

        read_patient(t);
        read_dose(t);
        read_monitor(t);
        read_affect(t);
    }

    void read_monitor(int t) {
        const int m = get(t, "monitor");
        if (m == LUA_TTABLE) {
            const int mt = lua_gettop(L);
            check_known_fields(mt, {"hr", "sbp", "dbp", "temp_c"}, "'monitor'");
            Thresholds& th = info.thresholds;
            th.hr = number_field(mt, "hr", "monitor.hr", false, 60, 200).value_or(th.hr);
            th.sbp = number_field(mt, "sbp", "monitor.sbp", false, 100, 250).value_or(th.sbp);
            th.dbp = number_field(mt, "dbp", "monitor.dbp", false, 60, 150).value_or(th.dbp);
            th.temp_c = number_field(mt, "temp_c", "monitor.temp_c", false, 37, 41).value_or(th.temp_c);
        } else if (m != LUA_TNIL) {
            fail("monitor", "'monitor' must be a table of alert thresholds { hr, sbp, dbp, temp_c }");
        }
        lua_pop(L, 1);
    }

    // affect = { codes = { holding_space = { distress = -5, trust = 3 }, ... } }
    void read_affect(int t) {
        const int a = get(t, "affect");
        if (a == LUA_TNIL) {
            lua_pop(L, 1);
            return;
        }
        if (a != LUA_TTABLE) fail("affect", "'affect' must be a table { codes = { code = { distress = ..., ... } } }");
        const int at = lua_gettop(L);
        check_known_fields(at, {"codes"}, "'affect'");
        if (get(at, "codes") != LUA_TTABLE) fail("codes", "'affect.codes' must be a table of behaviour codes");
        const int codes = lua_gettop(L);
        for_each_field(L, codes, [&] {
            const std::string code = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : std::string();
            if (!is_behaviour_code(code)) fail(code, "'affect.codes' names an unknown behaviour code '" + code + "'");
            if (!lua_istable(L, -1)) fail(code, "'affect.codes." + code + "' must be a table of changes");
            const int entry = lua_gettop(L);
            check_known_fields(entry, {"distress", "arousal", "trust", "inward_focus", "dissociation"},
                               "'affect.codes." + code + "'");
            StateChange& c = info.affect.codes[code];
            for (auto [name, target] : {std::pair{"distress", &c.distress}, {"arousal", &c.arousal},
                                        {"trust", &c.trust}, {"inward_focus", &c.inward_focus},
                                        {"dissociation", &c.dissociation}}) {
                if (auto v = number_field(entry, name, "affect.codes." + code + "." + name, false, -100, 100))
                    *target = *v;
            }
        });
        lua_pop(L, 2);
    }

    void read_patient(int t) {
        if (get(t, "patient") != LUA_TTABLE) fail("patient", "'patient' is missing (a table with name and baseline vitals)");
        const int p = lua_gettop(L);
        check_known_fields(p, {"name", "age", "pronouns", "background", "baseline", "consent", "state", "sensitivity",
                               "appearance"},
                           "'patient'");
        PatientInfo& patient = info.patient;
        patient.name = string_field(p, "name", "patient.name", true);
        patient.pronouns = string_field(p, "pronouns", "patient.pronouns", false);
        patient.background = string_field(p, "background", "patient.background", false);
        if (auto age = number_field(p, "age", "patient.age", false, 18, 100)) patient.age = static_cast<int>(*age);

        if (get(p, "baseline") != LUA_TTABLE) fail("baseline", "'patient.baseline' is missing: vitals hr, sbp, dbp, temp_c");
        const int b = lua_gettop(L);
        // Ranges wide enough for any participant who could be screened in.
        patient.baseline.hr = *number_field(b, "hr", "patient.baseline.hr", true, 35, 140);
        patient.baseline.sbp = *number_field(b, "sbp", "patient.baseline.sbp", true, 80, 200);
        patient.baseline.dbp = *number_field(b, "dbp", "patient.baseline.dbp", true, 40, 130);
        patient.baseline.temp_c = *number_field(b, "temp_c", "patient.baseline.temp_c", true, 35, 38.5);
        if (patient.baseline.dbp >= patient.baseline.sbp) fail("dbp", "'patient.baseline.dbp' must be below sbp");
        lua_pop(L, 1);

        const int sensitivity = get(p, "sensitivity");
        if (sensitivity == LUA_TTABLE) {
            const int st = lua_gettop(L);
            check_known_fields(st, {"hr", "bp", "temp"}, "'patient.sensitivity'");
            Sensitivity fixed;
            fixed.hr = number_field(st, "hr", "patient.sensitivity.hr", false, 0, 4).value_or(1);
            fixed.bp = number_field(st, "bp", "patient.sensitivity.bp", false, 0, 4).value_or(1);
            fixed.temp = number_field(st, "temp", "patient.sensitivity.temp", false, 0, 4).value_or(1);
            info.sensitivity = fixed;
        } else if (sensitivity != LUA_TNIL) {
            fail("sensitivity", "'patient.sensitivity' must be a table { hr, bp, temp } of multipliers (1 = typical)");
        }
        lua_pop(L, 1);

        const int consent = get(p, "consent");
        if (consent == LUA_TTABLE) {
            const int c = lua_gettop(L);
            check_known_fields(c, {"touch", "ask_first"}, "'patient.consent'");
            const int touch = get(c, "touch");
            if (touch == LUA_TSTRING)
                patient.touch_consent = lua_tostring(L, -1);
            else if (touch != LUA_TNIL && !(touch == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
                fail("touch", "'patient.consent.touch' must be false or a description of the agreed touch");
            lua_pop(L, 1);
            const int ask_first = get(c, "ask_first");
            if (ask_first == LUA_TBOOLEAN)
                patient.touch_ask_first = lua_toboolean(L, -1);
            else if (ask_first != LUA_TNIL)
                fail("ask_first", "'patient.consent.ask_first' must be true or false");
            lua_pop(L, 1);
        } else if (consent != LUA_TNIL) {
            fail("consent", "'patient.consent' must be a table, e.g. { touch = \"hand on shoulder\" }");
        }
        lua_pop(L, 1);

        const int appearance = get(p, "appearance");
        if (appearance == LUA_TTABLE) {
            const int a = lua_gettop(L);
            check_known_fields(a, {"build", "skin", "hair", "clothing"}, "'patient.appearance'");
            auto one_of = [&](const char* name, std::initializer_list<std::string_view> allowed) {
                const std::string path = std::string("patient.appearance.") + name;
                std::string value = string_field(a, name, path, false);
                if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return value;
                std::string list;
                for (auto v : allowed) list += (list.empty() ? "" : ", ") + std::string(v);
                fail(name, "'" + path + "' is '" + value + "'; use one of: " + list);
            };
            Appearance& look = patient.appearance;
            look.build = one_of("build", {"slight", "average", "broad"});
            look.skin = one_of("skin", {"very_light", "light", "medium", "tan", "brown", "dark"});
            look.hair = one_of("hair", {"black", "dark_brown", "brown", "auburn", "blonde", "grey", "white", "bald"});
            look.clothing = one_of("clothing", {"blue", "plum", "green", "tan", "grey", "rust"});
        } else if (appearance != LUA_TNIL) {
            fail("appearance", "'patient.appearance' must be a table, e.g. { build = \"broad\", hair = \"grey\" }");
        }
        lua_pop(L, 1);

        const int state = get(p, "state");
        if (state == LUA_TTABLE) {
            const int s = lua_gettop(L);
            check_known_fields(s, {"distress", "arousal", "trust", "inward_focus", "dissociation"}, "'patient.state'");
            PatientState& st = info.initial_state;
            for (auto [name, target] : {std::pair{"distress", &st.distress}, {"arousal", &st.arousal},
                                        {"trust", &st.trust}, {"inward_focus", &st.inward_focus},
                                        {"dissociation", &st.dissociation}}) {
                if (auto v = number_field(s, name, std::string("patient.state.") + name, false, 0, 100)) *target = *v;
            }
        } else if (state != LUA_TNIL) {
            fail("state", "'patient.state' must be a table of starting values (0-100)");
        }
        lua_pop(L, 2);  // state, patient
    }

    void read_dose(int t) {
        const int d = get(t, "dose");
        if (d == LUA_TNIL) {
            lua_pop(L, 1);
            return;
        }
        if (d != LUA_TTABLE) fail("dose", "'dose' must be a table { initial_mg, supplemental_mg, supplemental_at }");
        if (info.phase != "medicine") fail("dose", "'dose' is only for medicine sessions");
        const int dt = lua_gettop(L);
        check_known_fields(dt, {"initial_mg", "supplemental_mg", "supplemental_at"}, "'dose'");
        DosePlan plan;
        // 80-120 mg initial, 40-60 mg supplemental in the Phase 3 trials (DOMAIN.md); wider bounds here
        // leave room for teaching scenarios without allowing absurd values.
        plan.initial_mg = *number_field(dt, "initial_mg", "dose.initial_mg", true, 1, 250);
        plan.supplemental_mg = number_field(dt, "supplemental_mg", "dose.supplemental_mg", false, 0, 125).value_or(0);
        plan.supplemental_at = number_field(dt, "supplemental_at", "dose.supplemental_at", false, 1, 600).value_or(0);
        if (plan.supplemental_mg > 0 && plan.supplemental_at <= 0)
            fail("supplemental_at", "'dose.supplemental_at' is needed with supplemental_mg (minutes after the dose)");
        info.dose = plan;
        lua_pop(L, 1);
    }
};

// Where a loaded scenario keeps, in its registry, its table, the thread its run() goes on and the
// handle `s` it is given. The thread and handle are made while loading, so that a kept sandbox
// (see "Sandboxes kept loaded") starts each session with them already made, as they were.
struct Refs {
    int scenario = LUA_NOREF, thread = LUA_NOREF, handle = LUA_NOREF;
};

struct Pristine;
void give_back(const std::shared_ptr<Pristine>& pristine, std::unique_ptr<Sandbox> sandbox);

class LuaScript final : public Script {
public:
    // `run_where` and `on_action_where` ("file:line: " of the fields) name errors that arise where
    // no line of the scenario is on the stack. A sandbox from `pristine` goes back to it afterwards.
    LuaScript(std::unique_ptr<Sandbox> sandbox, Refs refs, std::string run_where, std::string on_action_where,
              std::shared_ptr<Pristine> pristine = nullptr)
        : sandbox_(std::move(sandbox)), refs_(refs), run_where_(std::move(run_where)),
          on_action_where_(std::move(on_action_where)), pristine_(std::move(pristine)) {}
    ~LuaScript() override {
        if (pristine_) give_back(pristine_, std::move(sandbox_));
    }
    LuaScript(const LuaScript&) = delete;
    LuaScript& operator=(const LuaScript&) = delete;

    ScriptStatus start(Session& session) override {
        lua_State* L = sandbox_->state();
        attach(session);
        sandbox_->fallback_location = run_where_;
        lua_rawgeti(L, LUA_REGISTRYINDEX, refs_.thread);
        lua_State* thread = lua_tothread(L, -1);
        lua_pop(L, 1);
        sandbox_->run_thread = thread;
        push_field("run");
        lua_rawgeti(L, LUA_REGISTRYINDEX, refs_.handle);
        lua_xmove(L, thread, 2);
        return run(thread, 1);
    }

    ScriptStatus resume(Session& session, const Option& chosen) override {
        attach(session);
        sandbox_->fallback_location = run_where_;
        lua_State* thread = sandbox_->run_thread;
        lua_settop(thread, 0);
        push_chosen(thread, chosen, session.now());
        return run(thread, 1);
    }

    void on_action(Session& session, ActionKind action) override {
        lua_State* L = sandbox_->state();
        attach(session);
        push_field("on_action");
        if (!lua_isfunction(L, -1)) {
            lua_pop(L, 1);
            return;
        }
        // An action taken at once (Session::answer_at_once) runs while run(s) is inside s:choose,
        // which goes on afterwards with its own errors named as before.
        struct Restore {
            Sandbox& sandbox;
            std::string where;
            ~Restore() { sandbox.fallback_location = std::move(where); }
        } restore{*sandbox_, sandbox_->fallback_location};
        sandbox_->fallback_location = on_action_where_;
        lua_rawgeti(L, LUA_REGISTRYINDEX, refs_.handle);
        lua_pushstring(L, std::string(action_info(action).name).c_str());
        sandbox_->call(2, 0);
    }

private:
    void attach(Session& session) {
        sandbox_->session = &session;
        sandbox_->set_rng(&session.rng());
    }

    void push_field(const char* name) {
        lua_State* L = sandbox_->state();
        lua_rawgeti(L, LUA_REGISTRYINDEX, refs_.scenario);
        lua_pushstring(L, name);
        lua_rawget(L, -2);
        lua_remove(L, -2);
    }

    ScriptStatus run(lua_State* thread, int nargs) {
        int nresults = 0;
        sandbox_->yield_expected = false;
        const bool yielded = sandbox_->resume(thread, nargs, nresults);
        if (yielded && !sandbox_->yield_expected)
            throw ScriptError(Sandbox::where(thread) +
                                  "coroutine.yield() paused the session without offering a choice (use s:choose)",
                              {});
        lua_pop(thread, nresults);
        return yielded ? ScriptStatus::waiting_for_trainee : ScriptStatus::finished;
    }

    std::unique_ptr<Sandbox> sandbox_;
    Refs refs_;
    std::string run_where_, on_action_where_;
    std::shared_ptr<Pristine> pristine_;
};

// A scenario's defaults (among them the default affect rules, a map of some forty codes), made once.
const ScenarioInfo& blank_info() {
    static const ScenarioInfo blank;
    return blank;
}

int panic(lua_State* L) {
    // Only reached if host code touches Lua outside a protected call and it fails
    // (e.g. out of memory): fail this session, never the program.
    const char* message = lua_tostring(L, -1);
    throw ScriptError(std::string("internal scenario error: ") + (message ? message : "unknown"), {});
}

}  // namespace

Sandbox::ModuleFinder pack_module_finder(const std::string& scenario_path) {
    return [scenario_path](const std::string& name, std::string& looked) -> std::optional<Sandbox::Module> {
        const auto folder = std::filesystem::path(scenario_path).parent_path();
        std::vector<std::filesystem::path> places;
        for (const auto& place : {folder / (name + ".lua"), folder.parent_path() / "lib" / (name + ".lua"),
                                  folder / "lib" / (name + ".lua")})
            if (std::find(places.begin(), places.end(), place.lexically_normal()) == places.end())
                places.push_back(place.lexically_normal());
        for (const auto& place : places) {
            std::error_code ec;
            if (!std::filesystem::is_regular_file(place, ec)) continue;
            if (std::filesystem::file_size(place, ec) > max_scenario_bytes) continue;
            try {
                return Sandbox::Module{place.string(), read_text_file(place.string())};
            } catch (const std::runtime_error&) {
                continue;
            }
        }
        for (const auto& place : places) looked += (looked.empty() ? "" : ", ") + place.string();
        return std::nullopt;
    };
}

std::string read_text_file(const std::string& path, std::size_t max_bytes) {
    // Only regular files: a device (/dev/zero), a FIFO or a folder is never read, and no file is read
    // past its limit - the bytes are counted as they arrive, since a file may grow while it is read.
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw std::runtime_error(path + ": cannot open file");
    if (!std::filesystem::is_regular_file(status))
        throw std::runtime_error(path + ": not a regular file (scenarios, rubrics and modules are files)");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open file");
    std::string text;
    char chunk[64 * 1024];
    while (in) {
        in.read(chunk, sizeof chunk);
        const auto got = static_cast<std::size_t>(in.gcount());
        if (text.size() + got > max_bytes)
            throw std::runtime_error(path + ": the file is larger than " + std::to_string(max_bytes >> 20) +
                                     " MiB (the most a scenario, rubric or module may be)");
        text.append(chunk, got);
    }
    if (in.bad()) throw std::runtime_error(path + ": cannot read file");
    return text;
}

LoadedScenario load_scenario_file(const std::string& path, const Limits& limits) {
    std::string source;
    try {
        source = read_text_file(path);
    } catch (const std::runtime_error& e) {
        throw ScriptError(e.what(), {});
    }
    return load_scenario_source(source, path, limits);
}

namespace {

// A scenario loaded into a sandbox: what loading it read, and where its fields are.
struct Loaded {
    std::unique_ptr<Sandbox> sandbox;
    ScenarioInfo info;
    Refs refs;
    std::string run_where, on_action_where;
};

Loaded load_into_sandbox(const std::string& source, const std::string& path, const Limits& limits, bool restorable) {
    if (source.size() > max_scenario_bytes)
        throw ScriptError(path + ":1: the file is larger than 4 MiB", {});
    Loaded loaded{std::make_unique<Sandbox>(limits, restorable), blank_info(), {}, {}, {}};
    Sandbox& sandbox = *loaded.sandbox;
    lua_State* L = sandbox.state();
    lua_atpanic(L, panic);
    sandbox.set_module_finder(pack_module_finder(path));

    sandbox.load(source, "@" + path);
    sandbox.call(0, 1);

    loaded.info.source = path;
    TableReader reader{L, loaded.info, {}};
    if (auto error = run_protected(L, -1, [&](lua_State*, int t) { reader.read(t); }))
        throw ScriptError(path + ":" + std::to_string(line_of_field(source, reader.field)) + ": " + *error, {});
    loaded.refs.scenario = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newthread(L);
    loaded.refs.thread = luaL_ref(L, LUA_REGISTRYINDEX);
    push_session_handle(L);
    loaded.refs.handle = luaL_ref(L, LUA_REGISTRYINDEX);
    loaded.run_where = path + ":" + std::to_string(line_of_field(source, "run")) + ": ";
    loaded.on_action_where = path + ":" + std::to_string(line_of_field(source, "on_action")) + ": ";
    return loaded;
}

// ---- Sandboxes kept loaded ----
// Every session of a scenario used to make a sandbox and load the scenario into it; now the
// process keeps the sandboxes it loaded each text into, frozen just after loading (see
// "Snapshots" in sandbox.cpp), and a session that ends gives its sandbox back restored to that
// moment. The next session of the same text (same bytes, path and limits, and the modules it
// required still the same files with the same text), on any thread, takes it as it would a
// fresh one. (Kept per process, not per thread: the explorer's workers live for one batch.)
struct Pristine {
    std::string source, path;
    Limits limits;
    std::shared_ptr<const ScenarioInfo> info;
    Refs refs;
    std::string run_where, on_action_where;
    std::vector<Sandbox::Module> modules;  // what loading required, to see that they are unchanged
    std::mutex mutex;                      // a session may end on another thread
    std::vector<std::unique_ptr<Sandbox>> idle;
};

constexpr std::size_t kept_texts = 8;
constexpr std::size_t kept_sandboxes = 16;  // per text: sessions of one text open at once (workers, nesting)

bool same_limits(const Limits& a, const Limits& b) {
    return a.work_per_entry == b.work_per_entry && a.memory_bytes == b.memory_bytes &&
           a.max_string_bytes == b.max_string_bytes && a.time_per_entry == b.time_per_entry;
}

bool modules_unchanged(const Pristine& p) {
    if (p.modules.empty()) return true;
    const auto find = pack_module_finder(p.path);
    for (const auto& m : p.modules) {
        const auto slash = m.path.find_last_of('/');
        std::string name = m.path.substr(slash == std::string::npos ? 0 : slash + 1);
        name = name.substr(0, name.size() - 4);  // .lua
        std::string looked;
        const auto now = find(name, looked);
        if (!now || now->path != m.path || now->source != m.source) return false;
    }
    return true;
}

struct Kept {
    std::mutex mutex;
    std::vector<std::shared_ptr<Pristine>> texts;  // oldest first
};

Kept& kept() {
    static Kept* k = new Kept;  // never destroyed: sessions may end during exit
    return *k;
}

void give_back(const std::shared_ptr<Pristine>& pristine, std::unique_ptr<Sandbox> sandbox) {
    if (!sandbox) return;
    sandbox->restore();
    const std::lock_guard lock(pristine->mutex);
    if (pristine->idle.size() < kept_sandboxes) pristine->idle.push_back(std::move(sandbox));
}

}  // namespace

void forget_loaded_scenarios() {
    Kept& k = kept();
    const std::lock_guard lock(k.mutex);
    k.texts.clear();
}

LoadedScenario load_scenario_source(const std::string& source, const std::string& path, const Limits& limits) {
    Kept& k = kept();
    std::shared_ptr<Pristine> pristine;
    {
        const std::lock_guard lock(k.mutex);
        for (std::size_t i = 0; i < k.texts.size(); ++i) {
            const auto& p = k.texts[i];
            if (p->path == path && p->source.size() == source.size() && same_limits(p->limits, limits) &&
                p->source == source) {
                pristine = p;
                break;
            }
        }
    }
    if (pristine && !modules_unchanged(*pristine)) {
        const std::lock_guard lock(k.mutex);
        std::erase(k.texts, pristine);
        pristine = nullptr;
    }
    if (pristine) {
        std::unique_ptr<Sandbox> sandbox;
        {
            const std::lock_guard lock(pristine->mutex);
            if (!pristine->idle.empty()) {
                sandbox = std::move(pristine->idle.back());
                pristine->idle.pop_back();
            }
        }
        if (sandbox) {
            LoadedScenario loaded{pristine->info, nullptr};
            loaded.script = std::make_unique<LuaScript>(std::move(sandbox), pristine->refs, pristine->run_where,
                                                        pristine->on_action_where, pristine);
            return loaded;
        }
    }
    Loaded fresh = load_into_sandbox(source, path, limits, true);
    if (fresh.sandbox->freeze()) {
        if (!pristine) {
            pristine = std::make_shared<Pristine>();
            pristine->source = source;
            pristine->path = path;
            pristine->limits = limits;
            pristine->info = std::make_shared<const ScenarioInfo>(std::move(fresh.info));
            pristine->refs = fresh.refs;
            pristine->run_where = fresh.run_where;
            pristine->on_action_where = fresh.on_action_where;
            pristine->modules = fresh.sandbox->modules();
            const std::lock_guard lock(k.mutex);
            const auto same = std::find_if(k.texts.begin(), k.texts.end(), [&](const auto& p) {
                return p->path == path && same_limits(p->limits, limits) && p->source == source;
            });
            if (same != k.texts.end()) {
                pristine = *same;  // another thread loaded it meanwhile: one entry per text
            } else {
                if (k.texts.size() >= kept_texts) k.texts.erase(k.texts.begin());
                k.texts.push_back(pristine);
            }
        }
    } else {
        pristine = nullptr;  // it outgrew its arena: an ordinary sandbox, closed after its session
    }
    LoadedScenario loaded{pristine ? pristine->info : std::make_shared<const ScenarioInfo>(std::move(fresh.info)), nullptr};
    loaded.script = std::make_unique<LuaScript>(std::move(fresh.sandbox), fresh.refs, std::move(fresh.run_where),
                                                std::move(fresh.on_action_where), std::move(pristine));
    return loaded;
}

}  // namespace holdspace::script
