// The session handle `s` that run(s) and on_action(s, action) receive
// (docs/scenario-api.md). Every function checks its arguments and raises a Lua
// error naming the scenario's file:line, so authors see their own mistake.
#include "script/l_session.hpp"

#include "script/kept_choices.hpp"
#include "script/sandbox.hpp"
#include "script/table_order.hpp"
#include "sim/session.hpp"

#include <lua.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>
#include <string>

namespace holdspace::script {
namespace {

constexpr std::size_t max_line_bytes = 4000;
constexpr std::size_t max_options = 9;  // keys 1-9

// Every method of the session handle comes here first: once the transcript is full
// (max_session_events, max_session_text_bytes) each call fails with file:line.
Session& session_of(lua_State* L) {
    Session* s = Sandbox::of(L).session;
    if (!s) luaL_error(L, "the session handle is only usable while the session runs");
    if (!s->output_limit_error().empty()) {
        s->locate_output_limit(Sandbox::where(L));
        luaL_error(L, "%s", s->output_limit_error().c_str());
    }
    return *s;
}

void require_run_thread(lua_State* L, const char* what) {
    if (L != Sandbox::of(L).run_thread)
        luaL_error(L, "%s can only be called from run(s) itself, not from on_action or a "
                      "coroutine the scenario created", what);
}

bool valid_utf8(std::string_view s) {
    static constexpr std::uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};  // no overlong forms
    for (std::size_t i = 0; i < s.size();) {
        // Eight ASCII bytes at a time: nearly every line a scenario writes is ASCII throughout.
        std::uint64_t eight = 0;
        while (i + 8 <= s.size() && (std::memcpy(&eight, s.data() + i, 8), (eight & 0x8080808080808080ULL) == 0)) i += 8;
        if (i == s.size()) break;
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if ((c & 0xE0) == 0xC0) { extra = 1; cp = c & 0x1Fu; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; cp = c & 0x0Fu; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; cp = c & 0x07u; }
        else return false;
        if (i + extra >= s.size()) return false;
        for (std::size_t k = 1; k <= extra; ++k) {
            const auto b = static_cast<unsigned char>(s[i + k]);
            if ((b & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (b & 0x3Fu);
        }
        if (cp < smallest[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += extra + 1;
    }
    return true;
}

// A line of text for the transcript: a non-empty string of readable length.
std::string text_arg(lua_State* L, int index, const char* what) {
    if (lua_type(L, index) != LUA_TSTRING)
        luaL_error(L, "%s: text must be a string, got %s", what, luaL_typename(L, index));
    std::size_t len = 0;
    const char* s = lua_tolstring(L, index, &len);
    std::string text(s, len);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        luaL_error(L, "%s: text is empty", what);
    if (len > max_line_bytes)
        luaL_error(L, "%s: text is %d bytes long; the most is %d", what, static_cast<int>(len),
                   static_cast<int>(max_line_bytes));
    if (!valid_utf8(text)) luaL_error(L, "%s: text is not valid UTF-8", what);
    return text;
}

bool is_id(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

void push_minutes(lua_State* L, Seconds at) {
    if (at % 60 == 0)
        lua_pushinteger(L, at / 60);
    else
        lua_pushnumber(L, static_cast<double>(at) / 60.0);
}

void push_string_list(lua_State* L, const std::vector<std::string>& list) {
    lua_createtable(L, static_cast<int>(list.size()), 0);
    for (std::size_t i = 0; i < list.size(); ++i) {
        lua_pushlstring(L, list[i].data(), list[i].size());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
}

std::string code_arg(lua_State* L, int index) {
    const std::string code = luaL_checkstring(L, index);
    if (!is_behaviour_code(code)) luaL_error(L, "unknown behaviour code '%s'", code.c_str());
    return code;
}

// ---- speaking and time ----

std::string affect_arg(lua_State* L, int table, const char* where, std::string fallback) {
    if (lua_getfield(L, table, "affect") != LUA_TNIL) {
        if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "%s: affect must be a string", where);
        fallback = lua_tostring(L, -1);
        if (!is_affect(fallback)) {
            std::string known;
            for (auto a : affects()) known += (known.empty() ? "" : ", ") + std::string(a);
            luaL_error(L, "%s: unknown affect '%s' (known: %s)", where, fallback.c_str(), known.c_str());
        }
    }
    lua_pop(L, 1);
    return fallback;
}

// s:say{ {text=..., weight=..., affect=...}, ... }: one variant, drawn from the
// session's generator with weights that may depend on the participant's state.
int pick_variant(lua_State* L, Session& session) {
    const auto n = lua_rawlen(L, 2);
    if (n == 0) luaL_error(L, "s:say: give a line of text, or a list of variants { text = ..., weight = ... }");
    std::vector<double> weights;
    lua_getfield(L, 1, "patient");
    const int patient = lua_gettop(L);
    for (lua_Unsigned i = 1; i <= n; ++i) {
        if (lua_rawgeti(L, 2, static_cast<lua_Integer>(i)) != LUA_TTABLE)
            luaL_error(L, "s:say: variant %d must be a table { text = ..., weight = ... }", static_cast<int>(i));
        double w = 1;
        const int t = lua_getfield(L, -1, "weight");
        if (t == LUA_TFUNCTION) {
            lua_pushvalue(L, patient);
            lua_call(L, 1, 1);
            if (!lua_isnumber(L, -1)) luaL_error(L, "s:say: variant %d's weight function must return a number", static_cast<int>(i));
            w = lua_tonumber(L, -1);
        } else if (t == LUA_TNUMBER) {
            w = lua_tonumber(L, -1);
        } else if (t != LUA_TNIL) {
            luaL_error(L, "s:say: variant %d's weight must be a number or function(patient)", static_cast<int>(i));
        }
        if (!(w >= 0) || !std::isfinite(w)) luaL_error(L, "s:say: variant %d's weight must be 0 or more", static_cast<int>(i));
        weights.push_back(w);
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    double total = 0;
    for (double w : weights) total += w;
    if (!(total > 0)) luaL_error(L, "s:say: every variant has weight 0");
    double u = session.rng().uniform() * total;
    std::size_t chosen = 0;
    while (chosen + 1 < weights.size() && u >= weights[chosen]) u -= weights[chosen++];
    return static_cast<int>(chosen + 1);
}

int l_say(lua_State* L) {
    Session& session = session_of(L);
    std::string affect = "calm";
    if (!lua_isnoneornil(L, 3)) {
        luaL_checktype(L, 3, LUA_TTABLE);
        affect = affect_arg(L, 3, "s:say", affect);
    }
    std::string text;
    int variant = 1;
    if (lua_type(L, 2) == LUA_TTABLE) {
        variant = pick_variant(L, session);
        lua_rawgeti(L, 2, variant);
        const int v = lua_gettop(L);
        lua_getfield(L, v, "text");
        text = text_arg(L, -1, "s:say");
        lua_pop(L, 1);
        affect = affect_arg(L, v, "s:say", affect);
        lua_pop(L, 1);
    } else {
        text = text_arg(L, 2, "s:say");
    }
    if (!session.over()) session.say(std::move(text), std::move(affect));
    lua_pushinteger(L, variant);  // which variant was said, so the script can follow it
    return 1;
}

int l_narrate(lua_State* L) {
    Session& session = session_of(L);
    std::string text = text_arg(L, 2, "s:narrate");
    if (!session.over()) session.narrate(std::move(text));
    return 0;
}

// ---- what the participant visibly is or wears ----

// s:cue{ eyeshades = true, posture = "sitting_up", flushed = true, ... }: the fields in this order
// (so the event is the same whatever order the table was written in).
constexpr const char* cue_switches[] = {"eyeshades", "blanket"};                         // true or false
constexpr const char* cue_flags[] = {"eyes_closed", "tears", "flushed", "trembling"};   // or "auto"
constexpr const char* cue_postures[] = {"lying", "sitting_up", "curled", "seated", "auto"};
constexpr const char* cue_gazes[] = {"therapist", "away", "down", "auto"};

std::string cue_names() {
    std::string all;
    for (const char* n : cue_switches) all += std::string(all.empty() ? "" : ", ") + n;
    for (const char* n : cue_flags) all += std::string(", ") + n;
    return all + ", posture, gaze";
}

template <std::size_t N>
std::string one_of(lua_State* L, const char* field, const char* const (&allowed)[N]) {
    std::string list;
    for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
    if (lua_type(L, -1) == LUA_TSTRING) {
        const std::string v = lua_tostring(L, -1);
        for (const char* a : allowed)
            if (v == a) return v;
        luaL_error(L, "s:cue: invalid %s '%s' (%s)", field, v.c_str(), list.c_str());
    }
    luaL_error(L, "s:cue: %s must be a string (%s)", field, list.c_str());
    return {};
}

int l_cue(lua_State* L) {
    Session& session = session_of(L);
    if (lua_type(L, 2) != LUA_TTABLE)
        return luaL_error(L, "s:cue: give a table, e.g. s:cue{ eyeshades = true, posture = \"sitting_up\" }");
    for_each_field(L, 2, [&] {  // the first unknown by name: the same error on every run
        const std::string key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : std::string("?");
        bool known = key == "posture" || key == "gaze";
        for (const char* n : cue_switches) known = known || key == n;
        for (const char* n : cue_flags) known = known || key == n;
        if (!known) luaL_error(L, "s:cue: unknown cue '%s' (%s)", key.c_str(), cue_names().c_str());
    });
    Json cues = Json::object();
    for (const char* n : cue_switches) {
        const int t = lua_getfield(L, 2, n);
        if (t == LUA_TBOOLEAN) cues[n] = lua_toboolean(L, -1) != 0;
        else if (t != LUA_TNIL) luaL_error(L, "s:cue: %s must be true or false", n);
        lua_pop(L, 1);
    }
    for (const char* n : cue_flags) {
        const int t = lua_getfield(L, 2, n);
        if (t == LUA_TBOOLEAN) cues[n] = lua_toboolean(L, -1) != 0;
        else if (t == LUA_TSTRING && std::string_view(lua_tostring(L, -1)) == "auto") cues[n] = "auto";
        else if (t != LUA_TNIL) luaL_error(L, "s:cue: %s must be true, false or \"auto\"", n);
        lua_pop(L, 1);
    }
    if (lua_getfield(L, 2, "posture") != LUA_TNIL) cues["posture"] = one_of(L, "posture", cue_postures);
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "gaze") != LUA_TNIL) cues["gaze"] = one_of(L, "gaze", cue_gazes);
    lua_pop(L, 1);
    if (cues.empty()) return luaL_error(L, "s:cue: nothing to show (%s)", cue_names().c_str());
    if (!session.over()) session.show_cues(std::move(cues));
    return 0;
}

int l_phase(lua_State* L) {
    Session& session = session_of(L);
    const std::string name = luaL_checkstring(L, 2);
    if (!is_id(name)) luaL_error(L, "s:phase: name must be a short word like \"peak\" ([a-z0-9_])");
    if (!session.over()) session.mark_phase(name);
    return 0;
}

int l_wait(lua_State* L) {
    Session& session = session_of(L);
    require_run_thread(L, "s:wait");
    const double minutes = luaL_checknumber(L, 2);
    if (!(minutes > 0 && minutes <= max_wait_minutes))
        luaL_error(L, "s:wait: minutes must be more than 0 and at most %d", static_cast<int>(max_wait_minutes));
    session.wait(std::max<Seconds>(1, std::llround(minutes * 60)));
    return 0;
}

int l_finish(lua_State* L) {
    Session& session = session_of(L);
    if (!lua_isnoneornil(L, 2)) {
        const std::string text = text_arg(L, 2, "s:finish");
        if (!session.over()) session.narrate(text);
    }
    session.finish_by_script();
    if (L == Sandbox::of(L).run_thread) {
        Sandbox::of(L).yield_expected = true;
        return lua_yield(L, 0);  // never resumed
    }
    return 0;
}

int l_minutes(lua_State* L) {
    push_minutes(L, session_of(L).now());
    return 1;
}

int l_since_dose(lua_State* L) {
    const auto since = session_of(L).since_dose();
    if (since)
        push_minutes(L, *since);
    else
        lua_pushnil(L);
    return 1;
}

void push_vitals(lua_State* L, const Vitals& v) {
    lua_createtable(L, 0, 4);
    lua_pushinteger(L, std::lround(v.hr));
    lua_setfield(L, -2, "hr");
    lua_pushinteger(L, std::lround(v.sbp));
    lua_setfield(L, -2, "sbp");
    lua_pushinteger(L, std::lround(v.dbp));
    lua_setfield(L, -2, "dbp");
    lua_pushnumber(L, std::round(v.temp_c * 10) / 10);
    lua_setfield(L, -2, "temp_c");
}

int l_vitals(lua_State* L) {
    push_vitals(L, session_of(L).vitals_now());
    return 1;
}

int l_last_vitals(lua_State* L) {
    const auto& last = session_of(L).last_vitals();
    if (last)
        push_vitals(L, *last);
    else
        lua_pushnil(L);
    return 1;
}

int l_music(lua_State* L) {
    Session& session = session_of(L);
    const std::string programme = luaL_checkstring(L, 2);
    if (!session.over() && !session.set_music(programme, "scenario"))
        luaL_error(L, "s:music: '%s' is not a programme (calm, evocative, quiet, off)", programme.c_str());
    return 0;
}

int l_withhold_supplemental(lua_State* L) {
    Session& session = session_of(L);
    const std::string reason = lua_isnoneornil(L, 2) ? std::string("withheld") : text_arg(L, 2, "s:withhold_supplemental");
    lua_pushboolean(L, !session.over() && session.withhold_supplemental(reason));
    return 1;
}

int l_set_touch_consent(lua_State* L) {
    Session& session = session_of(L);
    std::string agreed;
    if (lua_type(L, 2) == LUA_TSTRING) {
        agreed = text_arg(L, 2, "s:set_touch_consent");
    } else if (!(lua_type(L, 2) == LUA_TBOOLEAN && !lua_toboolean(L, 2))) {
        return luaL_error(L, "s:set_touch_consent: give false (no touch) or a description of the agreed touch");
    }
    if (!session.over()) session.set_touch_consent(agreed);
    return 0;
}

int l_alerts(lua_State* L) {
    const auto alerts = session_of(L).active_alerts();
    lua_createtable(L, static_cast<int>(alerts.size()), 0);
    for (std::size_t i = 0; i < alerts.size(); ++i) {
        lua_pushstring(L, std::string(alert_name(alerts[i])).c_str());
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    return 1;
}

int l_intensity(lua_State* L) {
    lua_pushnumber(L, std::round(session_of(L).intensity_now() * 1000) / 1000);
    return 1;
}

int l_window(lua_State* L) {
    lua_pushstring(L, std::string(window_name(session_of(L).window())).c_str());
    return 1;
}

// ---- the body going wrong (docs/scenario-api.md, "The body going wrong") ----

// Names of a list, for error messages: "a, b, c".
template <class List, class Name>
std::string names_of(const List& list, Name name) {
    std::string out;
    for (const auto& x : list) out += (out.empty() ? "" : ", ") + std::string(name(x));
    return out;
}

std::string raise_names() {
    std::string out;
    for (int i = static_cast<int>(Cue::headache); i <= static_cast<int>(Cue::chest_pain); ++i)
        out += (out.empty() ? "" : ", ") + std::string(cue_name(static_cast<Cue>(i)));
    return out + ", hyperthermia, hypertensive_surge (or a common cue: jaw_tightness, nausea, feeling_cold, "
                 "sweating, muscle_tension, anxiety)";
}

// s:raise{ event = "chest_pain" [, text = "..."] [, strength = 1.5] } or s:raise("chest_pain")
int l_raise(lua_State* L) {
    Session& session = session_of(L);
    std::string event, text;
    double strength = 1;
    if (lua_type(L, 2) == LUA_TSTRING) {
        event = lua_tostring(L, 2);
    } else if (lua_type(L, 2) == LUA_TTABLE) {
        if (lua_getfield(L, 2, "event") != LUA_TSTRING)
            return luaL_error(L, "s:raise: give { event = \"chest_pain\" } (events: %s)", raise_names().c_str());
        event = lua_tostring(L, -1);
        lua_pop(L, 1);
        if (lua_getfield(L, 2, "text") != LUA_TNIL) text = text_arg(L, -1, "s:raise");
        lua_pop(L, 1);
        const int st = lua_getfield(L, 2, "strength");
        if (st != LUA_TNIL) {
            if (st != LUA_TNUMBER || !(lua_tonumber(L, -1) >= 0.25 && lua_tonumber(L, -1) <= 3))
                return luaL_error(L, "s:raise: strength must be a number from 0.25 to 3 (1 = typical)");
            strength = lua_tonumber(L, -1);
            if (event != "hyperthermia" && event != "hypertensive_surge")
                return luaL_error(L, "s:raise: strength is for hyperthermia and hypertensive_surge only");
        }
        lua_pop(L, 1);
    } else {
        return luaL_error(L, "s:raise: give { event = \"chest_pain\" } or an event name, got %s", luaL_typename(L, 2));
    }
    const bool known = cue_by_name(event) || event == "hyperthermia" || event == "hypertensive_surge";
    if (!known) return luaL_error(L, "s:raise: unknown event '%s' (events: %s)", event.c_str(), raise_names().c_str());
    if (!session.over()) session.raise(event, text, strength);
    return 0;
}

// s:treat(name [, text])
int l_treat(lua_State* L) {
    Session& session = session_of(L);
    const std::string name = luaL_checkstring(L, 2);
    const auto treatment = treatment_by_name(name);
    if (!treatment)
        return luaL_error(L, "s:treat: unknown treatment '%s' (%s)", name.c_str(),
                          names_of(treatment_infos(), [](const TreatmentInfo& t) { return t.name; }).c_str());
    const std::string text = lua_isnoneornil(L, 3) ? std::string() : text_arg(L, 3, "s:treat");
    if (!session.over()) session.treat(*treatment, text);
    return 0;
}

// s:drink{ ml = 500 [, kind = "water" | "electrolyte"] }
int l_drink(lua_State* L) {
    Session& session = session_of(L);
    if (lua_type(L, 2) != LUA_TTABLE) return luaL_error(L, "s:drink: give { ml = 250, kind = \"water\" }");
    if (lua_getfield(L, 2, "ml") != LUA_TNUMBER) return luaL_error(L, "s:drink: ml must be a number (1-3000)");
    const double ml = lua_tonumber(L, -1);
    lua_pop(L, 1);
    if (!(ml >= 1 && ml <= 3000)) return luaL_error(L, "s:drink: ml must be 1 to 3000, got %f", ml);
    Fluid kind = Fluid::water;
    if (lua_getfield(L, 2, "kind") != LUA_TNIL) {
        const char* k = lua_tostring(L, -1);
        if (lua_type(L, -1) != LUA_TSTRING || (std::string_view(k) != "water" && std::string_view(k) != "electrolyte"))
            return luaL_error(L, "s:drink: kind must be \"water\" or \"electrolyte\"");
        if (std::string_view(k) == "electrolyte") kind = Fluid::electrolyte;
    }
    lua_pop(L, 1);
    if (!session.over()) session.drink(ml / 1000.0, kind, "scenario");
    return 0;
}

// s:body() -> { sodium, fluid_in_ml, balance_ml, sweat_ml, urine_ml, chest_pain, signs }
int l_body(lua_State* L) {
    Session& session = session_of(L);
    const FluidState f = session.fluids_now();
    lua_createtable(L, 0, 7);
    lua_pushnumber(L, std::round(f.sodium * 10) / 10);
    lua_setfield(L, -2, "sodium");
    lua_pushinteger(L, std::llround(f.intake_l * 1000));
    lua_setfield(L, -2, "fluid_in_ml");
    lua_pushinteger(L, std::llround(f.balance_l * 1000));
    lua_setfield(L, -2, "balance_ml");
    lua_pushinteger(L, std::llround(f.sweat_l * 1000));
    lua_setfield(L, -2, "sweat_ml");
    lua_pushinteger(L, std::llround(f.urine_l * 1000));
    lua_setfield(L, -2, "urine_ml");
    lua_pushboolean(L, session.had_cue(Cue::chest_pain));
    lua_setfield(L, -2, "chest_pain");
    // Every bodily cue so far (drawn or raised), once each, in the fixed order of the cue table.
    lua_newtable(L);
    lua_Integer n = 0;
    for (int i = 0; i <= static_cast<int>(Cue::chest_pain); ++i) {
        const Cue cue = static_cast<Cue>(i);
        if (!session.had_cue(cue)) continue;
        lua_pushstring(L, std::string(cue_name(cue)).c_str());
        lua_rawseti(L, -2, ++n);
    }
    lua_setfield(L, -2, "signs");
    return 1;
}

// s:lab("sodium") -> whole mmol/L, recorded as a `lab` event
int l_lab(lua_State* L) {
    Session& session = session_of(L);
    const std::string test = luaL_checkstring(L, 2);
    if (test != "sodium") return luaL_error(L, "s:lab: unknown test '%s' (sodium)", test.c_str());
    lua_pushinteger(L, session.measure_sodium());
    return 1;
}

// ---- the trainee's history ----

int l_history(lua_State* L) {
    const auto& history = session_of(L).history();
    lua_createtable(L, static_cast<int>(history.size()), 0);
    for (std::size_t i = 0; i < history.size(); ++i) {
        const auto& h = history[i];
        lua_createtable(L, 0, 4);
        push_minutes(L, h.at);
        lua_setfield(L, -2, "t");
        lua_pushstring(L, h.kind.c_str());
        lua_setfield(L, -2, "kind");
        lua_pushstring(L, h.id.c_str());
        lua_setfield(L, -2, "id");
        push_string_list(L, h.codes);
        lua_setfield(L, -2, "codes");
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    return 1;
}

int l_count(lua_State* L) {
    const std::string code = code_arg(L, 2);
    Session& session = session_of(L);
    if (lua_isnoneornil(L, 3)) {
        lua_pushinteger(L, session.count_code(code));
        return 1;
    }
    // s:count(code, since): only responses at or after minute `since`.
    const double since_minutes = luaL_checknumber(L, 3);
    if (!std::isfinite(since_minutes)) luaL_error(L, "s:count: 'since' must be a finite number of minutes");
    const auto since = static_cast<Seconds>(std::llround(since_minutes * 60));
    int n = 0;
    for (const auto& h : session.history())
        if (h.at >= since) n += static_cast<int>(std::count(h.codes.begin(), h.codes.end(), code));
    lua_pushinteger(L, n);
    return 1;
}

int l_last(lua_State* L) {
    const std::string code = code_arg(L, 2);
    const auto at = session_of(L).last_code(code);
    if (at)
        push_minutes(L, *at);
    else
        lua_pushnil(L);
    return 1;
}

int l_did(lua_State* L) {
    const std::string id = luaL_checkstring(L, 2);
    lua_pushboolean(L, session_of(L).did(id));
    return 1;
}

// ---- choices ----

// The fields s:choose reads, of its table and of each option. Their names are s:choose's upvalues
// (push_session_handle), so that reading one does not look its name up among Lua's strings: a
// choice reads some forty fields.
using Field = ChooseField;
constexpr const char* field_names[] = {"", "id", "action", "text", "rationale", "expert", "codes",
                                       "examples", "prompt", "moment", "flags", "typed", "t"};
constexpr int choose_upvalues = static_cast<int>(Field::t);

const char* name_of(Field f) { return field_names[static_cast<int>(f)]; }

// As lua_getfield(L, table, name_of(f)), from within s:choose; `table` is an absolute index.
int get_field(lua_State* L, int table, Field f) {
    lua_pushvalue(L, lua_upvalueindex(static_cast<int>(f)));
    return lua_gettable(L, table);
}

// `where()` names the caller in an error; it is only worked out for one (s:choose reads every
// option of every choice, and a scenario's choices are nearly always sound).
template <class Where>
std::string optional_string(lua_State* L, int table, Field f, const Where& where) {
    const char* field = name_of(f);
    std::string value;
    const int t = get_field(L, table, f);
    if (t == LUA_TSTRING) {
        value = lua_tostring(L, -1);
        if (!valid_utf8(value)) luaL_error(L, "%s: '%s' is not valid UTF-8", where().c_str(), field);
        if (value.size() > max_line_bytes) luaL_error(L, "%s: '%s' is too long", where().c_str(), field);
    } else if (t != LUA_TNIL) {
        luaL_error(L, "%s: '%s' must be a string, got %s", where().c_str(), field, luaL_typename(L, -1));
    }
    lua_pop(L, 1);
    return value;
}

Option read_option(lua_State* L, int index, std::size_t number) {
    const auto where = [number] { return "s:choose: option " + std::to_string(number); };
    if (!lua_istable(L, index)) luaL_error(L, "%s must be a table, got %s", where().c_str(), luaL_typename(L, index));
    Option o;
    if (get_field(L, index, Field::id) != LUA_TSTRING) luaL_error(L, "%s has no 'id' (a string)", where().c_str());
    o.id = lua_tostring(L, -1);
    lua_pop(L, 1);
    const auto named = [&] { return where() + " ('" + o.id + "')"; };
    if (!is_id(o.id)) luaL_error(L, "%s: id must be lower-case letters, digits and _", named().c_str());
    if (action_by_name(o.id) && o.id != "hold_space")
        luaL_error(L, "%s: id may not be the name of an action", named().c_str());
    o.action = optional_string(L, index, Field::action, named);
    if (!o.action.empty()) {
        const auto kind = action_by_name(o.action);
        if (!kind || *kind == ActionKind::end)
            luaL_error(L, "%s: unknown action '%s'", named().c_str(), o.action.c_str());
    } else if (o.id == "hold_space") {
        luaL_error(L, "%s: the id 'hold_space' is for an option with action = \"hold_space\"", named().c_str());
    }
    o.text = optional_string(L, index, Field::text, named);
    if (o.text.empty() && o.action.empty()) luaL_error(L, "%s has no 'text'", named().c_str());
    o.rationale = optional_string(L, index, Field::rationale, named);
    if (get_field(L, index, Field::expert) != LUA_TNIL) {
        if (!lua_isboolean(L, -1)) luaL_error(L, "%s: 'expert' must be true or false", named().c_str());
        o.expert = lua_toboolean(L, -1);
    }
    lua_pop(L, 1);
    if (get_field(L, index, Field::codes) != LUA_TTABLE)
        luaL_error(L, "%s needs 'codes', a list of behaviour codes", named().c_str());
    const auto n = lua_rawlen(L, -1);
    if (n == 0) luaL_error(L, "%s: 'codes' is empty", named().c_str());
    for (lua_Unsigned i = 1; i <= n; ++i) {
        if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING)
            luaL_error(L, "%s: codes must be strings", named().c_str());
        std::string code = lua_tostring(L, -1);
        if (!is_behaviour_code(code))
            luaL_error(L, "%s: unknown behaviour code '%s' (see docs/scenario-api.md)", named().c_str(), code.c_str());
        o.codes.push_back(std::move(code));
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    // Other ways to say it: they sharpen the matching of typed responses (docs/scenario-api.md).
    constexpr lua_Unsigned max_examples = 20;
    if (const int examples = get_field(L, index, Field::examples); examples == LUA_TTABLE) {
        const auto count = lua_rawlen(L, -1);
        if (count > max_examples) luaL_error(L, "%s: at most %d examples", named().c_str(), static_cast<int>(max_examples));
        for (lua_Unsigned i = 1; i <= count; ++i) {
            if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING)
                luaL_error(L, "%s: examples must be strings", named().c_str());
            o.examples.emplace_back(lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    } else if (examples != LUA_TNIL) {
        luaL_error(L, "%s: 'examples' must be a list of strings", named().c_str());
    }
    lua_pop(L, 1);
    return o;
}

// Sets field `f` of the table on top of the stack to the value on top of it. Within s:choose the
// key is its upvalue, not looked up among Lua's strings by name (a choice answered at once returns
// a table of six or seven fields).
void set_chosen_field(lua_State* L, Field f, bool key_in_upvalue) {
    if (!key_in_upvalue) {
        lua_setfield(L, -2, name_of(f));
        return;
    }
    lua_pushvalue(L, lua_upvalueindex(static_cast<int>(f)));
    lua_insert(L, -2);
    lua_rawset(L, -3);  // the table is new and has no metatable: as lua_setfield
}

void push_text(lua_State* L, const std::string& s) { lua_pushlstring(L, s.data(), s.size()); }

// The table s:choose returns: the option chosen, and the time it was taken.
void push_chosen(lua_State* L, const Option& o, Seconds at, bool keys_in_upvalues) {
    lua_createtable(L, 0, 7);
    push_text(L, o.id);
    set_chosen_field(L, Field::id, keys_in_upvalues);
    if (!o.text.empty()) {
        push_text(L, o.text);
        set_chosen_field(L, Field::text, keys_in_upvalues);
    }
    if (!o.action.empty()) {
        push_text(L, o.action);
        set_chosen_field(L, Field::action, keys_in_upvalues);
    }
    lua_createtable(L, static_cast<int>(o.codes.size()), 0);
    for (std::size_t i = 0; i < o.codes.size(); ++i) {
        push_text(L, o.codes[i]);
        lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
    }
    set_chosen_field(L, Field::codes, keys_in_upvalues);
    lua_pushboolean(L, o.expert);
    set_chosen_field(L, Field::expert, keys_in_upvalues);
    if (!o.rationale.empty()) {
        push_text(L, o.rationale);
        set_chosen_field(L, Field::rationale, keys_in_upvalues);
    }
    if (at % 60 == 0)
        lua_pushinteger(L, at / 60);
    else
        lua_pushnumber(L, static_cast<double>(at) / 60.0);
    set_chosen_field(L, Field::t, keys_in_upvalues);
}

// The line of the call, from the innermost scenario frame (authoring tools name it). Level 0 is the
// C function asking, which has no line.
int calling_line(lua_State* L) {
    lua_Debug ar;
    for (int level = 1; lua_getstack(L, level, &ar); ++level)
        if (lua_getinfo(L, "l", &ar) && ar.currentline > 0) return ar.currentline;
    return 0;
}

// s:choose's table (at 2) read and checked.
Choice read_choice(lua_State* L, int line) {
    Choice choice;
    choice.line = line;
    const auto where = [] { return std::string("s:choose"); };
    choice.prompt = optional_string(L, 2, Field::prompt, where);
    choice.moment = optional_string(L, 2, Field::moment, where);
    const int flags = get_field(L, 2, Field::flags);
    if (flags == LUA_TTABLE) {
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, -1); ++i) {
            if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING || !is_id(lua_tostring(L, -1)))
                luaL_error(L, "s:choose: flags must be a list of words like \"suicidal_statement\"");
            choice.flags.emplace_back(lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    } else if (flags != LUA_TNIL) {
        luaL_error(L, "s:choose: flags must be a list of words");
    }
    lua_pop(L, 1);
    const auto n = lua_rawlen(L, 2);
    if (n == 0) luaL_error(L, "s:choose: needs at least one option");
    if (n > max_options) luaL_error(L, "s:choose: at most %d options (keys 1-9)", static_cast<int>(max_options));
    choice.options.reserve(n);
    for (lua_Unsigned i = 1; i <= n; ++i) {
        lua_rawgeti(L, 2, static_cast<lua_Integer>(i));
        Option o = read_option(L, lua_gettop(L), i);
        lua_pop(L, 1);
        for (const auto& earlier : choice.options)  // at most nine
            if (earlier.id == o.id) luaL_error(L, "s:choose: two options have the id '%s'", o.id.c_str());
        for (const auto& earlier : choice.options)
            if (!o.action.empty() && earlier.action == o.action)
                luaL_error(L, "s:choose: two options claim the action '%s'", o.action.c_str());
        choice.options.push_back(std::move(o));
    }
    // Where a typed response that matches no option clearly takes the story: { [code] = option id,
    // default = option id }.
    if (const int typed = get_field(L, 2, Field::typed); typed == LUA_TTABLE) {
        for_each_field(L, -1, [&] {  // an error names the same entry on every run
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                luaL_error(L, "s:choose: 'typed' maps behaviour codes (or default) to option ids, all strings");
            const std::string key = lua_tostring(L, -2), id = lua_tostring(L, -1);
            if (key != "default" && !is_behaviour_code(key))
                luaL_error(L, "s:choose: typed: '%s' is not a behaviour code or default", key.c_str());
            if (!choice.find(id)) luaL_error(L, "s:choose: typed: no option '%s' in this choice", id.c_str());
            choice.typed[key] = id;
        });
    } else if (typed != LUA_TNIL) {
        luaL_error(L, "s:choose: 'typed' must be a table");
    }
    lua_pop(L, 1);
    return choice;
}

// Reads s:choose's table and offers the choice; false when the session is already over. Apart from
// l_choose so that no C++ object is alive at lua_yield, which in this Lua build unwinds as a C++
// exception: with nothing to destroy in l_choose's frame, each choice costs noticeably less.
// A choice kept from an earlier table written the same (KeptChoices) is offered as kept.
bool offer_choice(lua_State* L, Session& session) {
    require_run_thread(L, "s:choose");
    luaL_checktype(L, 2, LUA_TTABLE);
    const int line = calling_line(L);
    KeptChoices& kept = KeptChoices::here();
    std::shared_ptr<WrittenChoice> written = kept.find(L, 2, line);
    if (!written) {
        Choice choice = read_choice(L, line);
        if (session.over()) return false;
        if (!kept.keepable()) {
            session.offer_choice(std::move(choice));
            return true;
        }
        written = kept.keep(std::move(choice));
    }
    if (session.over()) return false;
    session.offer_choice(*written);
    return true;
}

int l_choose(lua_State* L) {
    Session& session = session_of(L);
    if (!offer_choice(L, session)) return 0;
    Sandbox& sandbox = Sandbox::of(L);
    // A front end that answers at once: the scenario goes on as if paused and resumed, without the pause.
    if (sandbox.may_continue()) {
        if (const Option* chosen = session.answer_at_once()) {
            sandbox.continue_as_new_entry();
            push_chosen(L, *chosen, session.now(), true);
            return 1;
        }
    }
    sandbox.yield_expected = true;
    return lua_yield(L, 0);  // resumed with the chosen option (LuaScript::resume)
}

// ---- s.patient ----

int l_patient_index(lua_State* L) {
    Session& session = session_of(L);
    const std::string key = luaL_checkstring(L, 2);
    if (const auto v = Session::state_value(session.state(), key)) {
        lua_pushnumber(L, *v);
        return 1;
    }
    const PatientInfo& p = session.info().patient;
    if (key == "name") lua_pushstring(L, p.name.c_str());
    else if (key == "pronouns") lua_pushstring(L, p.pronouns.c_str());
    else if (key == "background") lua_pushstring(L, p.background.c_str());
    else if (key == "age") lua_pushinteger(L, p.age);
    else if (key == "consent") {
        lua_createtable(L, 0, 1);
        if (session.touch_consent().empty()) lua_pushboolean(L, 0);
        else lua_pushstring(L, session.touch_consent().c_str());
        lua_setfield(L, -2, "touch");
    } else {
        return luaL_error(L, "s.patient has no field '%s' (state: distress, arousal, trust, "
                             "inward_focus, dissociation; read-only: name, age, pronouns, "
                             "background, consent)", key.c_str());
    }
    return 1;
}

int l_patient_newindex(lua_State* L) {
    Session& session = session_of(L);
    const std::string key = luaL_checkstring(L, 2);
    if (!Session::state_value(session.state(), key)) {
        for (const char* ro : {"name", "pronouns", "background", "age", "consent"})
            if (key == ro) return luaL_error(L, "s.patient.%s is read-only", key.c_str());
        return luaL_error(L, "s.patient has no field '%s'", key.c_str());
    }
    if (lua_type(L, 3) != LUA_TNUMBER)
        return luaL_error(L, "s.patient.%s must be a number, got %s", key.c_str(), luaL_typename(L, 3));
    const double value = lua_tonumber(L, 3);
    if (!std::isfinite(value)) return luaL_error(L, "s.patient.%s must be a finite number", key.c_str());
    if (!session.over()) session.set_state(key, value);
    return 0;
}

void push_locked_metatable(lua_State* L) {
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
}

}  // namespace

void push_chosen(lua_State* L, const Option& o, Seconds at) { push_chosen(L, o, at, false); }

void push_session_handle(lua_State* L) {
    static const luaL_Reg methods[] = {
        {"say", l_say},         {"narrate", l_narrate},
        {"wait", l_wait},       {"phase", l_phase},           {"finish", l_finish},
        {"minutes", l_minutes}, {"since_dose", l_since_dose}, {"vitals", l_vitals},
        {"history", l_history}, {"count", l_count},           {"last", l_last},
        {"did", l_did},         {"set_touch_consent", l_set_touch_consent},
        {"alerts", l_alerts},   {"intensity", l_intensity},   {"window", l_window},
        {"last_vitals", l_last_vitals}, {"withhold_supplemental", l_withhold_supplemental},
        {"music", l_music},     {"cue", l_cue},
        {"raise", l_raise},     {"treat", l_treat},           {"drink", l_drink},
        {"body", l_body},       {"lab", l_lab},
        {nullptr, nullptr},
    };
    lua_newtable(L);  // s
    lua_newtable(L);  // s.patient: a proxy onto the session's state
    lua_newtable(L);
    lua_pushcfunction(L, l_patient_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_patient_newindex);
    lua_setfield(L, -2, "__newindex");
    push_locked_metatable(L);
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "patient");
    lua_newtable(L);  // metatable of s
    lua_newtable(L);
    lua_pushboolean(L, 1);  // an upvalue makes each a closure with a stable id (see Sandbox)
    luaL_setfuncs(L, methods, 1);
    for (int f = 1; f <= choose_upvalues; ++f) lua_pushstring(L, field_names[f]);
    lua_pushcclosure(L, l_choose, choose_upvalues);
    lua_setfield(L, -2, "choose");
    lua_setfield(L, -2, "__index");
    push_locked_metatable(L);
    lua_setmetatable(L, -2);
}

}  // namespace holdspace::script
