#include "script/rubric_loader.hpp"
#include "script/table_order.hpp"

#include "script/lua_scenario.hpp"
#include "script/protected_call.hpp"
#include "script/sandbox.hpp"
#include "script/source_lines.hpp"
#include "sim/vocabulary.hpp"

#include <lua.hpp>

#include <cmath>
#include <filesystem>
#include <set>
#include <sstream>

namespace holdspace::script {
namespace {

using scoring::CodeClass;
using scoring::Condition;
using scoring::Rubric;

// Reads the returned rubric table in a protected call; a problem raises a Lua
// error and leaves in `needle` a piece of text that locates it in the file.
struct RubricReader {
    lua_State* L;
    Rubric& rubric;
    std::string needle;

    [[noreturn]] void fail(const std::string& where, const std::string& message) {
        needle = where;
        lua_pushstring(L, message.c_str());
        lua_error(L);
        throw;  // not reached
    }

    int get(int table, const char* name) {
        lua_pushstring(L, name);
        return lua_rawget(L, table);
    }

    void known_fields(int table, std::set<std::string> known, const std::string& where, const std::string& needle_text) {
        for_each_field(L, table, [&] {  // the first unknown by name: the same error on every run
            const std::string key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "(not a name)";
            if (!known.count(key)) {
                std::string list;
                for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
                fail(lua_type(L, -2) == LUA_TSTRING ? key : needle_text,
                     where + " has an unknown field '" + key + "' (known: " + list + ")");
            }
        });
    }

    std::string str(int table, const char* name, const std::string& where, bool required, const std::string& needle_text) {
        const int t = get(table, name);
        std::string value;
        if (t == LUA_TSTRING)
            value = lua_tostring(L, -1);
        else if (t != LUA_TNIL)
            fail(needle_text, where + "." + name + " must be a string");
        else if (required)
            fail(needle_text, where + "." + name + " is missing");
        lua_pop(L, 1);
        return value;
    }

    std::optional<double> num(int table, const char* name, const std::string& where, double lo, double hi,
                              const std::string& needle_text) {
        const int t = get(table, name);
        std::optional<double> value;
        if (t == LUA_TNUMBER) {
            value = lua_tonumber(L, -1);
            if (!(*value >= lo && *value <= hi)) {
                std::ostringstream out;
                out << where << "." << name << " is " << *value << "; expected " << lo << " to " << hi;
                fail(needle_text, out.str());
            }
        } else if (t != LUA_TNIL) {
            fail(needle_text, where + "." + name + " must be a number");
        }
        lua_pop(L, 1);
        return value;
    }

    std::vector<std::string> codes_list(int table, const char* name, const std::string& where, const std::string& needle_text) {
        std::vector<std::string> out;
        if (get(table, name) != LUA_TTABLE) fail(needle_text, where + "." + name + " must be a list of behaviour codes");
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, -1); ++i) {
            if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING) fail(needle_text, where + "." + name + " must list strings");
            std::string code = lua_tostring(L, -1);
            if (!is_behaviour_code(code)) fail(code, where + " names an unknown behaviour code '" + code + "'");
            out.push_back(std::move(code));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (out.empty()) fail(needle_text, where + "." + name + " is empty");
        return out;
    }

    // alerts = { "sbp_high", "temp_high" }: which alerts a rule is about.
    std::vector<std::string> alert_list(int table, const std::string& where, const std::string& needle_text) {
        std::vector<std::string> out;
        const int t = get(table, "alerts");
        if (t == LUA_TTABLE) {
            for (lua_Unsigned i = 1; i <= lua_rawlen(L, -1); ++i) {
                lua_rawgeti(L, -1, static_cast<lua_Integer>(i));
                const std::string name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
                if (name != "hr_high" && name != "sbp_high" && name != "dbp_high" && name != "temp_high")
                    fail(needle_text, where + ".alerts lists '" + name + "'; alerts are hr_high, sbp_high, dbp_high, temp_high");
                out.push_back(name);
                lua_pop(L, 1);
            }
        } else if (t != LUA_TNIL) {
            fail(needle_text, where + ".alerts must be a list of alert names");
        }
        lua_pop(L, 1);
        return out;
    }

    CodeClass cls(int table, const std::string& where, const std::string& needle_text) {
        const std::string name = str(table, "class", where, true, needle_text);
        const auto c = scoring::class_by_name(name);
        if (!c) fail(needle_text, where + ".class is '" + name + "'; expected unique_essential, essential, compatible or proscribed");
        return *c;
    }

    void require_domain(const std::string& id, const std::string& where) {
        if (!rubric.domain(id)) fail(id, where + " names an unknown domain '" + id + "'");
    }

    void read(int t) {
        if (!lua_istable(L, t)) fail("", "the rubric file must return a table");
        known_fields(t, {"id", "title", "description", "pass", "domains", "codes", "rules", "timing", "needs", "critical"},
                     "the rubric table", "");
        rubric.id = str(t, "id", "rubric", true, "id");
        rubric.title = str(t, "title", "rubric", true, "title");
        rubric.description = str(t, "description", "rubric", false, "description");
        rubric.pass = num(t, "pass", "rubric", 0, 100, "pass").value_or(70);
        read_domains(t);
        read_codes(t);
        read_rules(t);
        read_timing(t);
        read_needs(t);
        read_critical(t);
    }

    void read_domains(int t) {
        if (get(t, "domains") != LUA_TTABLE) fail("domains", "rubric.domains is missing: a list of { id, title, weight }");
        const int list = lua_gettop(L);
        double total = 0;
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, list); ++i) {
            const std::string where = "domains[" + std::to_string(i) + "]";
            if (lua_rawgeti(L, list, static_cast<lua_Integer>(i)) != LUA_TTABLE) fail("domains", where + " must be a table");
            const int d = lua_gettop(L);
            known_fields(d, {"id", "title", "weight", "description"}, where, "domains");
            scoring::Domain domain;
            domain.id = str(d, "id", where, true, "domains");
            domain.title = str(d, "title", where, true, domain.id);
            domain.description = str(d, "description", where, false, domain.id);
            const auto weight = num(d, "weight", where, 0, 1, domain.id);
            if (!weight || *weight <= 0) fail(domain.id, where + ".weight must be a number above 0");
            domain.weight = *weight;
            total += domain.weight;
            if (rubric.domain(domain.id)) fail(domain.id, "two domains have the id '" + domain.id + "'");
            rubric.domains.push_back(std::move(domain));
            lua_pop(L, 1);
        }
        if (rubric.domains.empty()) fail("domains", "rubric.domains is empty");
        if (std::fabs(total - 1.0) > 1e-6) {
            std::ostringstream out;
            out << "domain weights sum to " << total << "; they must sum to 1";
            fail("domains", out.str());
        }
        lua_pop(L, 1);
    }

    void read_codes(int t) {
        if (get(t, "codes") != LUA_TTABLE) fail("codes", "rubric.codes is missing: a table of code = { class, domains }");
        const int codes = lua_gettop(L);
        for_each_field(L, codes, [&] {
            const std::string code = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "(not a name)";
            if (!is_behaviour_code(code)) fail(code, "rubric.codes names an unknown behaviour code '" + code + "'");
            if (!lua_istable(L, -1)) fail(code, "codes." + code + " must be a table { class, domains, why }");
            const int entry = lua_gettop(L);
            const std::string where = "codes." + code;
            known_fields(entry, {"class", "domains", "why"}, where, code);
            scoring::CodeRule rule;
            rule.cls = cls(entry, where, code);
            rule.why = str(entry, "why", where, false, code);
            if (get(entry, "domains") != LUA_TTABLE) fail(code, where + ".domains must list the domains it counts in");
            for (lua_Unsigned i = 1; i <= lua_rawlen(L, -1); ++i) {
                if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING) fail(code, where + ".domains must list domain ids");
                rule.domains.emplace_back(lua_tostring(L, -1));
                require_domain(rule.domains.back(), where);
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
            if (rule.domains.empty()) fail(code, where + ".domains is empty");
            rubric.codes[code] = std::move(rule);
        });
        lua_pop(L, 1);
    }

    Condition condition(const std::string& key, int value, const std::string& where, const std::string& needle_text) {
        Condition c;
        c.key = key;
        c.op = "==";
        const int type = lua_type(L, value);
        auto word = [&](std::initializer_list<const char*> allowed) {
            if (type != LUA_TSTRING) fail(needle_text, where + "." + key + " must be a string");
            c.word = lua_tostring(L, value);
            if (allowed.size() == 0) return;
            for (const char* a : allowed)
                if (c.word == a) return;
            fail(needle_text, where + "." + key + " is '" + c.word + "'; not one of the allowed values");
        };
        if (key == "phase") {
            word({"preparation", "medicine", "integration"});
        } else if (key == "window") {
            word({"hypo", "within", "hyper"});
        } else if (key == "moment" || key == "flag") {
            word({});
        } else if (key == "after" || key == "with") {
            word({});
            if (!is_behaviour_code(c.word))
                fail(c.word, where + "." + key + " names an unknown behaviour code '" + c.word + "'");
        } else if (key == "alert" || key == "indicated") {
            if (type != LUA_TBOOLEAN) fail(needle_text, where + "." + key + " must be true or false");
            c.flag = lua_toboolean(L, value);
        } else if (key == "minutes" || key == "distress" || key == "arousal" || key == "trust" ||
                   key == "inward_focus" || key == "dissociation") {
            if (type == LUA_TNUMBER) {
                c.number = lua_tonumber(L, value);
            } else if (type == LUA_TSTRING) {
                std::istringstream in(lua_tostring(L, value));
                in >> c.op >> c.number;
                static const std::set<std::string> ops = {"<", "<=", ">", ">=", "==", "~="};
                std::string rest;
                if (!in || !ops.count(c.op) || (in >> rest))
                    fail(needle_text, where + "." + key + " must be a comparison like \">= 40\"");
            } else {
                fail(needle_text, where + "." + key + " must be a comparison like \">= 40\"");
            }
        } else {
            fail(needle_text, where + " has an unknown condition '" + key +
                                  "' (known: phase, window, moment, flag, after, with, alert, indicated, minutes, distress, arousal, "
                                  "trust, inward_focus, dissociation)");
        }
        return c;
    }

    void read_rules(int t) {
        const int r = get(t, "rules");
        if (r == LUA_TNIL) { lua_pop(L, 1); return; }
        if (r != LUA_TTABLE) fail("rules", "rubric.rules must be a list of context rules");
        const int list = lua_gettop(L);
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, list); ++i) {
            const std::string where = "rules[" + std::to_string(i) + "]";
            if (lua_rawgeti(L, list, static_cast<lua_Integer>(i)) != LUA_TTABLE) fail("rules", where + " must be a table");
            const int entry = lua_gettop(L);
            known_fields(entry, {"code", "when", "class", "why"}, where, "rules");
            scoring::ContextRule rule;
            rule.code = str(entry, "code", where, true, "rules");
            const std::string needle_text = "\"" + rule.code + "\"";
            if (!rubric.codes.count(rule.code))
                fail(needle_text, where + ": code '" + rule.code + "' must also be listed in rubric.codes (with its domains)");
            rule.cls = cls(entry, where, needle_text);
            rule.why = str(entry, "why", where, false, needle_text);
            rule.when = conditions(entry, where, needle_text);
            if (rule.when.empty()) fail(needle_text, where + ".when is empty; a rule without conditions belongs in rubric.codes");
            rubric.rules.push_back(std::move(rule));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }

    void read_timing(int t) {
        const int r = get(t, "timing");
        if (r == LUA_TNIL) { lua_pop(L, 1); return; }
        if (r != LUA_TTABLE) fail("timing", "rubric.timing must be a list of timing rules");
        const int list = lua_gettop(L);
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, list); ++i) {
            const std::string where = "timing[" + std::to_string(i) + "]";
            if (lua_rawgeti(L, list, static_cast<lua_Integer>(i)) != LUA_TTABLE) fail("timing", where + " must be a table");
            const int entry = lua_gettop(L);
            known_fields(entry, {"after", "alerts", "within", "expect", "phase", "domain", "weight", "why"}, where, "timing");
            scoring::TimingRule rule;
            rule.after = str(entry, "after", where, false, "timing");
            if (!rule.after.empty() && rule.after != "alert" && !is_behaviour_code(rule.after))
                fail(rule.after, where + ".after must be \"alert\" or a behaviour code");
            rule.within = num(entry, "within", where, 0, 24 * 60, "timing");
            rule.alerts = alert_list(entry, where, "timing");
            if (!rule.alerts.empty() && rule.after != "alert") fail("timing", where + ".alerts goes with after = \"alert\"");
            rule.expect = codes_list(entry, "expect", where, "timing");
            rule.phase = str(entry, "phase", where, false, "timing");
            if (!rule.phase.empty() && rule.phase != "preparation" && rule.phase != "medicine" && rule.phase != "integration")
                fail("timing", where + ".phase must be preparation, medicine or integration");
            rule.domain = str(entry, "domain", where, true, "timing");
            require_domain(rule.domain, where + ".domain");
            rule.weight = num(entry, "weight", where, 0.01, 100, "timing").value_or(1);
            rule.why = str(entry, "why", where, false, "timing");
            rubric.timing.push_back(std::move(rule));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }

    // The conditions of a `when` table (rules and needs).
    std::vector<scoring::Condition> conditions(int entry, const std::string& where, const std::string& needle_text) {
        std::vector<scoring::Condition> out;
        if (get(entry, "when") != LUA_TTABLE) fail(needle_text, where + ".when must be a table of conditions");
        const int when = lua_gettop(L);
        for_each_field(L, when, [&] {
            if (lua_type(L, -2) != LUA_TSTRING) fail(needle_text, where + ".when keys must be names");
            out.push_back(condition(lua_tostring(L, -2), lua_gettop(L), where + ".when", needle_text));
        });
        lua_pop(L, 1);
        return out;
    }

    void read_needs(int t) {
        const int r = get(t, "needs");
        if (r == LUA_TNIL) { lua_pop(L, 1); return; }
        if (r != LUA_TTABLE) fail("needs", "rubric.needs must be a list of { when, expect, domain, weight, why }");
        const int list = lua_gettop(L);
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, list); ++i) {
            const std::string where = "needs[" + std::to_string(i) + "]";
            if (lua_rawgeti(L, list, static_cast<lua_Integer>(i)) != LUA_TTABLE) fail("needs", where + " must be a table");
            const int entry = lua_gettop(L);
            known_fields(entry, {"when", "expect", "domain", "weight", "why"}, where, "needs");
            scoring::NeedRule rule;
            rule.when = conditions(entry, where, "needs");
            if (rule.when.empty()) fail("needs", where + ".when is empty: a need holds in some context");
            rule.expect = codes_list(entry, "expect", where, "needs");
            if (rule.expect.empty()) fail("needs", where + ".expect must list the codes that meet it");
            rule.domain = str(entry, "domain", where, true, "needs");
            require_domain(rule.domain, where + ".domain");
            rule.weight = num(entry, "weight", where, 0.01, 100, "needs").value_or(1);
            rule.why = str(entry, "why", where, true, "needs");
            rubric.needs.push_back(std::move(rule));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }

    void read_critical(int t) {
        const int r = get(t, "critical");
        if (r == LUA_TNIL) { lua_pop(L, 1); return; }
        if (r != LUA_TTABLE) fail("critical", "rubric.critical must be a list of critical errors");
        const int list = lua_gettop(L);
        for (lua_Unsigned i = 1; i <= lua_rawlen(L, list); ++i) {
            const std::string where = "critical[" + std::to_string(i) + "]";
            if (lua_rawgeti(L, list, static_cast<lua_Integer>(i)) != LUA_TTABLE) fail("critical", where + " must be a table");
            const int entry = lua_gettop(L);
            known_fields(entry, {"code", "ended_early", "alert_ignored", "alerts", "flag", "expect", "within", "phase", "message"},
                         where, "critical");
            scoring::CriticalRule rule;
            rule.message = str(entry, "message", where, true, "critical");
            rule.phase = str(entry, "phase", where, false, "critical");
            rule.code = str(entry, "code", where, false, "critical");
            rule.flag = str(entry, "flag", where, false, "critical");
            const auto ignored = num(entry, "alert_ignored", where, 1, 24 * 60, "critical");
            const bool ended = get(entry, "ended_early") == LUA_TBOOLEAN && lua_toboolean(L, -1);
            lua_pop(L, 1);
            const int kinds = !rule.code.empty() + ended + ignored.has_value() + !rule.flag.empty();
            if (kinds != 1)
                fail(rule.message.substr(0, 30), where + " needs exactly one of code, ended_early, alert_ignored or flag");
            if (!rule.code.empty()) {
                rule.kind = scoring::CriticalRule::Kind::code;
                if (!is_behaviour_code(rule.code)) fail(rule.code, where + ".code is an unknown behaviour code '" + rule.code + "'");
            } else if (ended) {
                rule.kind = scoring::CriticalRule::Kind::ended_early;
            } else if (ignored) {
                rule.kind = scoring::CriticalRule::Kind::alert_ignored;
                rule.minutes = *ignored;
                rule.alerts = alert_list(entry, where, "critical");
            } else {
                rule.kind = scoring::CriticalRule::Kind::flag;
                rule.expect = codes_list(entry, "expect", where, rule.flag);
                rule.minutes = num(entry, "within", where, 0, 24 * 60, rule.flag).value_or(5);
            }
            rubric.critical.push_back(std::move(rule));
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
};

}  // namespace

scoring::Rubric load_rubric_source(const std::string& source, const std::string& path) {
    Sandbox sandbox;
    lua_State* L = sandbox.state();
    sandbox.load(source, "@" + path);
    sandbox.call(0, 1);
    Rubric rubric;
    rubric.source = path;
    RubricReader reader{L, rubric, {}};
    if (auto error = run_protected(L, -1, [&](lua_State*, int t) { reader.read(t); }))
        throw ScriptError(path + ":" + std::to_string(line_of(source, reader.needle)) + ": " + *error, {});
    const std::string stem = std::filesystem::path(path).stem().string();
    if (rubric.id != stem)
        throw ScriptError(path + ":" + std::to_string(line_of_field(source, "id")) + ": rubric id '" + rubric.id +
                              "' must match its file name ('" + stem + "')",
                          {});
    return rubric;
}

scoring::Rubric load_rubric_file(const std::string& path) {
    std::string source;
    try {
        source = read_text_file(path);
    } catch (const std::runtime_error& e) {
        throw ScriptError(e.what(), {});
    }
    return load_rubric_source(source, path);
}

std::string find_rubric(const std::string& name, const std::string& scenario_path,
                        const std::vector<std::string>& extra_roots) {
    namespace fs = std::filesystem;
    if (name.find('/') != std::string::npos || (name.size() > 4 && name.substr(name.size() - 4) == ".lua")) {
        std::error_code ec;  // a link loop is "not found", never an exception
        return fs::is_regular_file(name, ec) ? name : std::string();
    }
    std::vector<fs::path> candidates;
    if (!scenario_path.empty()) {
        const fs::path dir = fs::path(scenario_path).parent_path();
        candidates.push_back(dir / "rubrics" / (name + ".lua"));
        candidates.push_back(dir.parent_path() / "rubrics" / (name + ".lua"));
    }
    for (const auto& root : extra_roots) candidates.push_back(fs::path(root) / "rubrics" / (name + ".lua"));
    for (const auto& c : candidates) {
        std::error_code ec;
        if (fs::is_regular_file(c, ec)) return c.lexically_normal().string();
    }
    return {};
}

}  // namespace holdspace::script
