// Tests for the metered Lua pattern functions.
//
// Most of this is differential: the stock string library and the metered one
// run side by side in one lua_State ("string" and "mstring") and every result,
// error message and replacement-callback invocation must be identical, over a
// hand-written table of cases and a few thousand generated ones.
#include "script/lua_pattern.hpp"

#include <doctest/doctest.h>
#include <lua.hpp>

#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace {

using holdspace::script::install_metered_patterns;

// What the test charge function has seen. A plain global because ChargeFn is
// a bare function pointer.
struct Budget {
    std::uint64_t steps = 0;
    std::uint64_t calls = 0;
    std::uint64_t limit = std::numeric_limits<std::uint64_t>::max();
};
Budget g_budget;

void test_charge(lua_State* L, std::uint64_t steps) {
    g_budget.steps += steps;
    ++g_budget.calls;
    if (g_budget.steps > g_budget.limit) {
        luaL_error(L, "step budget exceeded");
    }
}

void reset_budget(std::uint64_t limit = std::numeric_limits<std::uint64_t>::max()) {
    g_budget = Budget{};
    g_budget.limit = limit;
}

// A state with the stock library as `string` and a copy of it with the
// metered functions installed as `mstring`.
class LuaFixture {
public:
    LuaFixture() : L(luaL_newstate()) {
        luaL_openlibs(L);
        lua_getglobal(L, "string");
        lua_newtable(L);
        lua_pushnil(L);
        while (lua_next(L, -3) != 0) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_settable(L, -4);
        }
        install_metered_patterns(L, -1, test_charge);
        lua_setglobal(L, "mstring");
        lua_pop(L, 1);
        reset_budget();
    }
    ~LuaFixture() { lua_close(L); }
    LuaFixture(const LuaFixture&) = delete;
    LuaFixture& operator=(const LuaFixture&) = delete;

    // Runs a chunk; returns "" on success, else the error message.
    std::string exec(const std::string& code) {
        if (luaL_loadbuffer(L, code.data(), code.size(), "=test") != LUA_OK ||
            lua_pcall(L, 0, 0, 0) != LUA_OK) {
            const char* msg = lua_tostring(L, -1);
            std::string out = msg != nullptr ? msg : "(non-string error)";
            lua_pop(L, 1);
            return out;
        }
        return "";
    }

    lua_State* L;
};

// Shared by the differential tests: serialisation of results and a runner
// that calls a function of either library the same way, so even argument
// error messages ("bad argument #3 to 'find'") come out alike.
const char* const harness = R"lua(
local O, M = string, mstring
local pack, unpack = table.pack, table.unpack
local fmt, concat = string.format, table.concat

local function show(v)
    local t = type(v)
    if t == "string" then return fmt("%q", v) end
    if t == "number" then return math.type(v) .. ":" .. fmt("%.17g", v) end
    if t == "nil" or t == "boolean" then return tostring(v) end
    return t
end

function show_all(...)
    local parts = {tostring(select("#", ...))}
    for i = 1, select("#", ...) do parts[#parts + 1] = show((select(i, ...))) end
    return concat(parts, " ")
end

-- Replacement callbacks and __index handlers record their calls here.
LOG = {}
function logged(...) LOG[#LOG + 1] = show_all(...) end

local runners = {}
function runners.find(S, a) return S.find(unpack(a, 1, a.n)) end
function runners.match(S, a) return S.match(unpack(a, 1, a.n)) end
function runners.gsub(S, a) return S.gsub(unpack(a, 1, a.n)) end
function runners.gmatch(S, a)
    local it = S.gmatch(unpack(a, 1, a.n))
    local out = {}
    for _ = 1, 1000 do
        local r = pack(it())
        out[#out + 1] = show_all(unpack(r, 1, r.n))
        if r.n == 0 then
            out[#out + 1] = show_all(it())  -- an exhausted iterator stays exhausted
            break
        end
    end
    return concat(out, " | ")
end

local function run(S, fname, a)
    LOG = {}
    local text = show_all(pcall(runners[fname], S, a))
    return text .. " log: " .. concat(LOG, "; ")
end

local function describe(fname, a)
    return fname .. "(" .. show_all(unpack(a, 1, a.n)) .. ")"
end

-- Returns mine, orig, description; orig is nil when the metered run ran out
-- of budget (then the stock run could take arbitrarily long, so it is skipped).
function compare(fname, a)
    local mine = run(M, fname, a)
    if mine:find("step budget exceeded", 1, true) then return mine, nil, describe(fname, a) end
    return mine, run(O, fname, a), describe(fname, a)
end

function compare_args(fname, ...) return compare(fname, pack(...)) end

-- Replacement table and function used by the generated gsub cases.
RT = setmetatable({a = "A", b = false, x = {}, ["1"] = 7, [1] = "one", ["("] = 1.5},
                  {__index = function(_, k) logged("index", k) end})
function RF(...)
    logged(...)
    local a = ...
    if a == "b" then return false end
    if a == "c" then return 12 end
    if a == "x" then return {} end
    if a == nil then return nil end
    return "<" .. tostring(a) .. ">", "ignored"
end
)lua";

// Hand-written cases: C(fname, args...). ALL is every byte value once.
const char* const hand_cases = R"lua(
CASES = {}
local function C(...) CASES[#CASES + 1] = table.pack(...) end
function compare_case(i)
    local c = CASES[i]
    return compare(c[1], table.pack(table.unpack(c, 2, c.n)))
end
local ALL = {}
for i = 0, 255 do ALL[#ALL + 1] = string.char(i) end
ALL = table.concat(ALL)

-- find: init handling, plain search, special-free patterns
C("find", "hello world", "o w")
C("find", "hello world", "o", 6)
C("find", "hello world", "l", -3)
C("find", "hello", "l", -100)
C("find", "hello", "l", 0)
C("find", "hello", "l", math.mininteger)
C("find", "hello", "l", math.maxinteger)
C("find", "hello", "", 5)
C("find", "hello", "", 6)
C("find", "hello", "", 7)
C("find", "hello", "", -1)
C("find", "", "")
C("find", "", "", 1)
C("find", "", "", 2)
C("find", "", "a")
C("find", "a.b", ".", 1, true)
C("find", "a.b", "%.")
C("find", "a+b", "+", 1, true)
C("find", "a+b", "a+", 1, 1)
C("find", "a+b", "a+", 1, false)
C("find", "abc", "[b", 1, true)
C("find", "abc", "[b")
C("find", "abcabc", "cab")
C("find", "abcabc", "cabd")
C("find", "aaab", "aab")
C("find", "a\0b\0c", "\0c")
C("find", "a\0b\0c", "b\0", 1, true)
C("find", "a\0b\0c", "%z")
C("find", "a\0b\0c", "[%z]", 3)
C("find", 12345, 34)
C("find", 1.5, ".")
C("find", "x", "x", 1.0)
C("find", "x", "x", 1.5)
C("find", "x", "x", "1")
C("find", "x", "x", "z")
C("find", nil, "x")
C("find", "x")
C("find", {}, "x")
C("find", "x", {})
C("find", "hello", "l+")
C("find", "hello", "(l+)(o)")
C("find", "hello", "()ll()")
C("find", "hello", "^h")
C("find", "hello", "^e")
C("find", "hello", "^e", 2)
C("find", "hello", "o$")
C("find", "hello", "l$")
C("find", "hello", "$")
C("find", "hello", "^")
C("find", "hello", "^$")
C("find", "", "^$")
C("find", "a$b", "a$b")
C("find", "a$b", "$b")
C("find", "a^b", "a^b")
C("find", "^^a", "^^")
C("find", "x$$", "$$")

-- match: captures, position captures, back-references
C("match", "hello world", "(%w+) (%w+)")
C("match", "key = value", "(%w+)%s*=%s*(%w+)")
C("match", "hello", "()ll()")
C("match", "hello", "()")
C("match", "hello", "(()())")
C("match", "abc", "((a)(b))")
C("match", "  trim  ", "^%s*(.-)%s*$")
C("match", "hello hello world", "(%a+) %1")
C("match", "abab", "(ab)%1")
C("match", "aaaa", "(a*)%1")
C("match", "abc", "()%1")
C("match", "abc", "(a)%2")
C("match", "abc", "(a%1)")
C("match", "abc", "%1")
C("match", "abc", "%0")
C("match", "abc", "%9")
C("match", "abc", "(a")
C("match", "abc", "a)")
C("match", "abc", "(")
C("match", "abc", ")")
C("match", "abc", "(()")
C("match", "abc", "b", -1)
C("match", "abc", "b", -2)
C("match", "abc", "b", 10)
C("match", "abc", "", 4)
C("match", "abc", "", 5)
C("match", "abc", "^(b)", 2)
C("match", "2024-01-31", "(%d+)-(%d+)-(%d+)")
C("match", "-12.5e3", "^[+-]?%d+%.?%d*[eE]?[+-]?%d*$")
C("match", string.rep("a", 40), string.rep("(a)", 32))
C("match", string.rep("a", 40), string.rep("(a)", 33))
C("match", string.rep("a", 40), string.rep("()", 32))
C("match", string.rep("a", 40), string.rep("()", 33))

-- classes over every byte value, plain, in sets and complemented sets
for cl in ("acdglpsuwxzACDGLPSUWXZ"):gmatch(".") do
    C("gsub", ALL, "%" .. cl, "")
    C("gsub", ALL, "[%" .. cl .. "]", "")
    C("gsub", ALL, "[^%" .. cl .. "]", "")
    C("gsub", ALL, "[%" .. cl .. "x-z]+", "#")
end
for i = 0, 255 do
    local ch = string.char(i)
    if not ch:match("%w") then
        C("gsub", ALL, "%" .. ch, "#")
        C("gsub", ALL, "[%" .. ch .. "]", "#")
    end
end
for _, cl in ipairs({"b", "e", "f", "h", "i", "j", "k", "m", "n", "o", "q", "r", "t", "v", "y"}) do
    C("gsub", ALL, "%" .. cl, "#")
end
C("gsub", ALL, ".", "x")

-- sets and their odd corners
for _, set in ipairs({"[a-c]", "[^a-c]", "[]]", "[^]]", "[]a]", "[a-]", "[-a]", "[a-%]]",
                      "[a-%%]", "[%a-z]", "[z-a]", "[%]]", "[%%]", "[^%]]", "[a%-z]", "[.]",
                      "[^^]", "[a^]", "[%-]", "[--/]", "[!--]", "[a-c-e]", "[%w_]", "[^%w_]",
                      "[%]-a]", "[]-a]", "[^]-a]", "[a-z%d]", "[\0-\31]", "[\128-\255]",
                      "[]", "[^]", "[a", "[%", "[a%", "[%a", "[^", "[", "[]-]"}) do
    C("gsub", ALL, set, "#")
    C("find", "xyz-]^abc", set .. "+")
end

-- quantifiers
C("find", "aaab", "a*")
C("find", "aaab", "a+")
C("find", "aaab", "a-")
C("find", "aaab", "a-b")
C("find", "aaab", "a?")
C("find", "aaab", "a?a?a?a?b")
C("match", "<a><b>", "<(.-)>")
C("match", "<a><b>", "<(.*)>")
C("match", "<a><b>", "<(.+)>")
C("match", "aaa", "^(a-)$")
C("match", "", "a*")
C("match", "", "a+")
C("match", "", "a-")
C("match", "", "a?")
C("match", "xyz", "*")
C("match", "a*b", "a*b")
C("match", "a*b", "%*")
C("match", "+", "+")
C("match", "-", "-")
C("match", "?", "?")
C("match", "ab", "a**")
C("match", "ab", "a-?")
C("match", "3.14 and 42", "%d+%.?%d*")
C("find", "xaaay", "x(a*)y")
C("find", "abc", "a.-c")
C("find", "abc", "[abc]*$")

-- %b and %f
C("match", "f(a(b)c)d", "%b()")
C("match", "f(a(b)c", "%b()")
C("match", "((", "%b((")
C("match", "x[y]z", "%b[]")
C("match", "xaybxy", "%bxy")
C("match", "abc", "%b")
C("match", "abc", "%ba")
C("match", "abc", "x%b")
C("match", "(a)[b]", "%b()%b[]")
C("match", ")(", "%b)(")
C("match", "", "%b()")
C("gsub", "THE (quick) fox", "%f[%a]%a+", "W")
C("gsub", "hello world", "%f[%w]%w+", "<%0>")
C("gsub", "hello world", "%f[%W]", "|")
C("gsub", "abc", "%f[%z]", "|")
C("gsub", "abc", "%f[^%z]", "|")
C("gsub", "a\0b", "%f[%Z]", "|")
C("find", "abc", "%f")
C("find", "abc", "%fa")
C("find", "abc", "%f[a")
C("find", "abc", "%f[]")
C("find", "abc", "%f[]]")

-- escapes and malformed patterns (errors only once the matcher gets there)
C("find", "abc", "%")
C("find", "abc", "b%")
C("find", "xyz", "b%")
C("find", "", "b%")
C("find", "a%", "a%%")
C("find", "a(b)", "%(b%)")
C("find", "a]", "%]")
C("find", "abc", "a[")
C("find", "xbc", "a[")

-- nesting depth and capture count limits
for _, n in ipairs({100, 198, 199, 200, 201, 300}) do
    C("match", string.rep("a", n), string.rep("a?", n))
    C("match", string.rep("a", n), string.rep("a*", n))
    C("match", string.rep("a", n), string.rep("a-", n) .. "$")
    C("match", "", string.rep("a?", n))
end
for _, n in ipairs({31, 32, 33, 66, 99, 100, 101, 200}) do
    C("match", "abc", string.rep("(", n) .. string.rep(")", n))
    C("match", "abc", string.rep("()", n))
end

-- gmatch: empty matches, anchors, init
C("gmatch", "hello world from lua", "%a+")
C("gmatch", "a=1, b=2", "(%w+)=(%w+)")
C("gmatch", "abc", "")
C("gmatch", "abc", "x*")
C("gmatch", "baaac", "a*")
C("gmatch", "abc", "()")
C("gmatch", "abc", ".-")
C("gmatch", "^a^a", "^a")
C("gmatch", "aaa", "^a")
C("gmatch", "", "")
C("gmatch", "", "x")
C("gmatch", ALL, "")
for _, init in ipairs({0, 1, 2, 3, 4, 5, 6, -1, -2, -3, -4, -100, math.mininteger, math.maxinteger}) do
    C("gmatch", "abc", "", init)
    C("gmatch", "abcabc", "%a", init)
    C("gmatch", "abcabc", "b*", init)
end
C("gmatch", "abc", "%a", 1.5)
C("gmatch", "abc", "%a", "2")
C("gmatch", "abc")
C("gmatch", nil, "x")
C("gmatch", "abc", "(")
C("gmatch", "abc", "[a")
C("gmatch", 123, 2)

-- gsub: string replacements
C("gsub", "hello world", "o", "0")
C("gsub", "hello world", "(o)", "[%1]")
C("gsub", "hello world", "o", "%0%0")
C("gsub", "hello world", "o", "%1")
C("gsub", "hello world", "o", "%2")
C("gsub", "hello world", "(o)", "%2")
C("gsub", "hello world", "(o)", "%9")
C("gsub", "hello world", "o", "100%%")
C("gsub", "hello world", "o", "%")
C("gsub", "hello world", "z", "%")
C("gsub", "hello world", "o", "%a")
C("gsub", "hello world", "o", "a%\0b")
C("gsub", "hello world", "()o()", "%1-%2")
C("gsub", "hello world", "(()o)", "%1%2")
C("gsub", "abc", "(", "x")
C("gsub", "abc", "(", "%1")
C("gsub", "abc", "(a)(", "%1")
C("gsub", "hello world", "(%w+) (%w+)", "%2 %1")
C("gsub", "abc", "", "-")
C("gsub", "abc", "%w*", "-")
C("gsub", "a,b,,c", ",*", "|")
C("gsub", "hello world", "o*", "X")
C("gsub", "abc", ".-", "X")
C("gsub", "", "", "X")
C("gsub", "", "x*", "X")
C("gsub", "aaa", "^a", "b")
C("gsub", "aaa", "^", "b")
C("gsub", "aaa", "^x", "b")
C("gsub", "aaa", "a$", "b")
C("gsub", "aaa", "$", "b")
C("gsub", "a\0b\0", "%z", "<%0>")
C("gsub", 12345, 3, 9)
C("gsub", "abc", "b", 1.5)
C("gsub", "abc", "b", -0.0)
C("gsub", "abc", "b", math.mininteger)
-- n, the maximum number of replacements
for _, n in ipairs({-1, 0, 1, 2, 3, 100, 2.0, math.maxinteger, math.mininteger}) do
    C("gsub", "aaaa", "a", "b", n)
    C("gsub", "abc", "", "-", n)
end
C("gsub", "aaaa", "a", "b", 2.5)
C("gsub", "aaaa", "a", "b", "2")
C("gsub", "aaaa", "a", "b", "x")
C("gsub", "aaaa", "a", "b", nil)
-- bad replacement types
C("gsub", "abc", "b")
C("gsub", "abc", "b", nil)
C("gsub", "abc", "b", true)
C("gsub", "abc", "b", false)
C("gsub", "abc", "z", true)
C("gsub", "abc", "b", coroutine.create(print))
C("gsub", "abc", "b", true, "x")
C("gsub", "abc", {}, true, "x")
C("find", "abc", {}, "x")
C("match", "abc", "b", {})
-- table replacements
C("gsub", "hello world", "%w+", {hello = "HI", world = false})
C("gsub", "hello world", "%w+", {})
C("gsub", "hello world", "(%w)(%w*)", {h = "H", w = 1.25})
C("gsub", "hello world", "%w+", {hello = {}})
C("gsub", "hello world", "%w+", {hello = true})
C("gsub", "abc", "()", {[1] = "one", [3] = 3})
C("gsub", "abc", "%w", setmetatable({}, {__index = function(_, k) logged("index", k) return k:upper() end}))
C("gsub", "abc", "%w", setmetatable({}, {__index = function(_, k) error("index " .. k) end}))
C("gsub", "abc", "%w", setmetatable({}, {__index = function(_, k) error({k}) end}))
C("gsub", "abc", "(", {})
-- function replacements
C("gsub", "hello world", "%w+", function(w) logged(w) return w:upper() end)
C("gsub", "hello world", "(%w)(%w*)", function(a, b) logged(a, b) return b .. a end)
C("gsub", "hello world", "()(%w+)()", function(...) logged(...) end)
C("gsub", "hello world", "%w+", function(w) return w == "hello" and false or nil end)
C("gsub", "hello world", "%w+", function(w) return #w end)
C("gsub", "hello world", "%w+", function(w) return 2^53 end)
C("gsub", "hello world", "%w+", function(w) return {} end)
C("gsub", "hello world", "%w+", function(w) return print end)
C("gsub", "hello world", "%w+", function(w) return w, "extra" end)
C("gsub", "hello world", "%w+", function(w) error("boom " .. w) end)
C("gsub", "hello world", "%w+", function(w) error(w, 0) end)
C("gsub", "hello world", "%w+", function(w) error() end)
C("gsub", "hello world", "", function(...) logged(...) return "." end)
C("gsub", "hello", "l", function(...) logged(...) return nil end, 1)
C("gsub", "abc", "(", function(...) logged(...) return "x" end)
C("gsub", "a b c", "%a", function(w) return mstring.gsub(w, ".", "%0%0") end)
)lua";

struct CompareResult {
    int compared = 0;
    int skipped = 0;
    int mismatches = 0;
};

// Calls the Lua function on top of the stack (already given `nargs` arguments
// below it) which returns mine, orig, description, and records the outcome.
void check_comparison(lua_State* L, int nargs, CompareResult& out) {
    reset_budget(5'000'000);
    if (lua_pcall(L, nargs, 3, 0) != LUA_OK) {
        FAIL_CHECK("harness error: " << lua_tostring(L, -1));
        lua_pop(L, 1);
        return;
    }
    const std::string desc = lua_tostring(L, -1);
    const std::string mine = lua_tostring(L, -3);
    if (lua_isnil(L, -2)) {
        ++out.skipped;
    }
    else {
        const std::string orig = lua_tostring(L, -2);
        ++out.compared;
        if (mine != orig) {
            ++out.mismatches;
            if (out.mismatches <= 20) {
                FAIL_CHECK(desc << "\n  metered: " << mine << "\n  stock:   " << orig);
            }
        }
    }
    lua_pop(L, 3);
}

// Generated patterns and subjects share a small alphabet so that matches are
// common; a sprinkling of malformed atoms and raw bytes exercises the errors.
class CaseGenerator {
public:
    explicit CaseGenerator(std::uint64_t seed) : rng_(seed) {}

    int range(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }

    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[static_cast<std::size_t>(range(0, static_cast<int>(N) - 1))];
    }

    std::string subject() {
        static const char alphabet[] = {'a', 'a', 'a', 'b', 'b', 'c', 'x', '(', ')', '[',
                                        ']', '.', '%', '-', ' ', '1', '9', '\n', '\0', '\xff'};
        std::string s;
        const int len = range(0, 12);
        for (int i = 0; i < len; ++i) {
            s += pick(alphabet);
        }
        return s;
    }

    std::string pattern() {
        std::string p;
        if (chance(0.2)) {
            p += '^';
        }
        sequence(p, 0);
        if (chance(0.2)) {
            p += '$';
        }
        return p;
    }

private:
    void sequence(std::string& p, int depth) {
        const int items = range(0, depth == 0 ? 6 : 3);
        for (int i = 0; i < items; ++i) {
            item(p, depth);
        }
    }

    void item(std::string& p, int depth) {
        static const char* const atoms[] = {
            "a", "a", "b", "c", "x", "1", " ", ".", ".", "%a", "%d", "%s", "%w", "%p",
            "%l", "%u", "%x", "%c", "%g", "%z", "%A", "%D", "%S", "%W", "%P", "%.", "%%",
            "%(", "%]", "%-", "[ab]", "[^a]", "[a-c]", "[%d.]", "[]a]", "[^%s]", "[a-]",
            "[%a-]", "%b()", "%b[]", "%bab", "%f[%w]", "%f[%a]", "%f[^a]", "%f[%z]", "()",
            "%1", "%2", "$", "^", "-", "*", "+", "?"};
        static const char* const broken[] = {"(", ")", "[", "[a", "%", "%b", "%bx", "%f",
                                             "%f[", "%fa", "%0", "%3", "[%", "[^"};
        static const char* const quantifiers[] = {"*", "+", "-", "?"};
        const int kind = range(0, 99);
        if (kind < 12 && depth < 2) {
            p += '(';
            sequence(p, depth + 1);
            p += ')';
        }
        else if (kind < 15) {
            p += pick(broken);
        }
        else if (kind < 17) {
            p += static_cast<char>(range(0, 255));
        }
        else {
            p += pick(atoms);
        }
        if (chance(0.3)) {
            p += pick(quantifiers);
        }
    }

    std::mt19937_64 rng_;
};

void push_string(lua_State* L, const std::string& s) { lua_pushlstring(L, s.data(), s.size()); }

}  // namespace

TEST_CASE("metered patterns match the stock library on hand-written cases") {
    LuaFixture lua;
    REQUIRE(lua.exec(harness).empty());
    REQUIRE(lua.exec(hand_cases).empty());
    lua_State* L = lua.L;

    lua_getglobal(L, "CASES");
    const auto count = static_cast<int>(luaL_len(L, -1));
    lua_pop(L, 1);
    CompareResult result;
    for (int i = 1; i <= count; ++i) {
        lua_getglobal(L, "compare_case");
        lua_pushinteger(L, i);
        check_comparison(L, 1, result);
    }
    MESSAGE("hand-written cases compared: " << result.compared);
    CHECK(count > 900);
    CHECK(result.skipped == 0);
    CHECK(result.mismatches == 0);
    CHECK(lua_gettop(L) == 0);
}

TEST_CASE("metered patterns match the stock library on generated cases") {
    LuaFixture lua;
    REQUIRE(lua.exec(harness).empty());
    lua_State* L = lua.L;

    CaseGenerator gen(0x4f1d5eedULL);
    static const char* const templates[] = {"<%0>", "%1", "[%1|%2]", "%%", "x", "", "%", "%a", "%9"};
    CompareResult result;
    for (int round = 0; round < 3000; ++round) {
        const std::string s = gen.subject();
        const std::string p = gen.pattern();
        const auto len = static_cast<int>(s.size());
        const auto init = static_cast<lua_Integer>(gen.range(-len - 3, len + 3));

        // Each call: compare_args(fname, s, p, extra...).
        auto call = [&](const char* fname, auto&& push_extra, int extra) {
            lua_getglobal(L, "compare_args");
            lua_pushstring(L, fname);
            push_string(L, s);
            push_string(L, p);
            push_extra();
            check_comparison(L, 3 + extra, result);
        };
        auto none = [] {};
        call("find", none, 0);
        call("find", [&] { lua_pushinteger(L, init); }, 1);
        call("find", [&] { lua_pushinteger(L, init); lua_pushboolean(L, 1); }, 2);
        call("match", none, 0);
        call("match", [&] { lua_pushinteger(L, init); }, 1);
        call("gmatch", none, 0);
        call("gmatch", [&] { lua_pushinteger(L, init); }, 1);
        const char* templ = gen.pick(templates);
        call("gsub", [&] { lua_pushstring(L, templ); }, 1);
        call("gsub", [&] { lua_getglobal(L, "RT"); }, 1);
        call("gsub", [&] { lua_getglobal(L, "RF"); }, 1);
        const int max_n = gen.range(-1, 3);
        call("gsub", [&] { lua_pushstring(L, templ); lua_pushinteger(L, max_n); }, 2);
    }
    MESSAGE("generated cases compared: " << result.compared << ", skipped: " << result.skipped);
    CHECK(result.compared > 30000);
    CHECK(result.skipped < 10);
    CHECK(result.mismatches == 0);
    CHECK(lua_gettop(L) == 0);
}

TEST_CASE("a catastrophic pattern is stopped by the charge function") {
    LuaFixture lua;
    lua_State* L = lua.L;
    constexpr std::uint64_t limit = 1'000'000;
    REQUIRE(lua.exec("S = string.rep('a', 3000); P = string.rep('a-', 10) .. 'b'").empty());

    const char* const calls[] = {
        "return mstring.find(S, P)",
        "return mstring.match(S, P)",
        "return mstring.gmatch(S, P)()",
        "return mstring.gsub(S, P, 'x')",
        "return mstring.gsub(S, P, function() end)",
        "return mstring.find(S, '(' .. P .. ')')",
        "return mstring.find(S, string.rep('a*', 10) .. 'b')",
        "return mstring.find(S, string.rep('(a?)', 10) .. '%1b')",
        "return mstring.gsub(S, '.-.-.-.-.-b', '')",
    };
    for (const char* code : calls) {
        CAPTURE(code);
        reset_budget(limit);
        const int top = lua_gettop(L);
        const std::string err = lua.exec(std::string("local ok, e = pcall(function() ") + code +
                                         " end) assert(not ok) error(e, 0)");
        CHECK(err.find("step budget exceeded") != std::string::npos);
        CHECK(g_budget.steps > limit);
        CHECK(g_budget.steps <= limit + 1000);  // stopped within one chunk
        CHECK(lua_gettop(L) == top);
    }

    // The state is fine afterwards, and the same call with room to spare works.
    reset_budget();
    CHECK(lua.exec("assert(mstring.find(S .. 'b', 'a-b') == 1)").empty());
}

TEST_CASE("deep patterns raise 'pattern too complex' rather than overflowing") {
    LuaFixture lua;
    const std::string err = lua.exec(
        "local s = string.rep('a', 100000)\n"
        "local ok, e = pcall(mstring.match, s, string.rep('a?', 100000))\n"
        "assert(not ok) error(e, 0)");
    CHECK(err == "pattern too complex");
    CHECK(lua.exec("local s = string.rep('a', 100000) "
                   "assert(#mstring.match(s, string.rep('a', 50000) .. 'a*') == 100000)")
              .empty());
}

TEST_CASE("charged steps grow with the work done") {
    LuaFixture lua;
    lua_State* L = lua.L;
    auto steps_for = [&](const std::string& code) {
        reset_budget();
        const std::string err = lua.exec(code);
        CHECK_MESSAGE(err.empty(), code << ": " << err);
        return g_budget.steps;
    };

    // Plain search is charged per byte looked at.
    const auto plain_small = steps_for("mstring.find(string.rep('x', 1000) .. 'y', 'y', 1, true)");
    const auto plain_big = steps_for("mstring.find(string.rep('x', 100000) .. 'y', 'y', 1, true)");
    CHECK(plain_small >= 1000);
    CHECK(plain_big >= 100000);
    CHECK(plain_big > 50 * plain_small);
    CHECK(steps_for("mstring.find(string.rep('xy', 5000), 'xyz')") >= 10000);

    // Backtracking is quadratic here, and so is the charge.
    const auto quad_small = steps_for("mstring.find(string.rep('a', 200), 'a*b')");
    const auto quad_big = steps_for("mstring.find(string.rep('a', 2000), 'a*b')");
    CHECK(quad_big >= 2000ULL * 2000ULL / 2);
    CHECK(quad_big > 50 * quad_small);

    // A big set costs in proportion to its size on every character it is tried on.
    CHECK(steps_for("mstring.find(string.rep('z', 1000), '[' .. string.rep('a', 1000) .. ']')") >=
          1000ULL * 1000ULL);
    // Back-references charge the bytes compared.
    CHECK(steps_for("local s = string.rep('a', 50000) mstring.find(s .. s, '^(' .. s .. ')%1$')") >=
          100000);
    // %b charges the bytes it scans.
    CHECK(steps_for("mstring.find('(' .. string.rep('x', 50000), '%b()')") >= 50000);

    // gsub charges the bytes it produces, including the copied tail.
    CHECK(steps_for("mstring.gsub(string.rep('a', 100000), 'a', 'bcd')") >= 300000);
    CHECK(steps_for("mstring.gsub(string.rep('a', 100000), '^a', 'b')") >= 99999);
    CHECK(steps_for("mstring.gsub(string.rep('a', 10000), 'a', function() return string.rep('q', 100) end)") >=
          1000000);
    CHECK(steps_for("mstring.gsub(string.rep('a', 10000), 'a', {a = string.rep('q', 100)})") >= 1000000);

    // A small call is charged once, at its end; gmatch once per iteration.
    steps_for("mstring.find('abc', 'b')");
    CHECK(g_budget.calls == 1);
    CHECK(g_budget.steps > 0);
    steps_for("for w in mstring.gmatch('one two three', '%a+') do end");
    CHECK(g_budget.calls == 4);
    // Big calls are charged in chunks as they go.
    steps_for("mstring.find(string.rep('a', 2000), 'a*b')");
    CHECK(g_budget.calls > 1000);
    CHECK(lua_gettop(L) == 0);
}

TEST_CASE("errors from gsub replacements propagate unchanged") {
    LuaFixture lua;
    CHECK(lua.exec("local ok, e = pcall(mstring.gsub, 'abc', '%w', function() error('boom') end)\n"
                   "assert(not ok and e:find('boom', 1, true), e)")
              .empty());
    CHECK(lua.exec("local obj = {}\n"
                   "local ok, e = pcall(mstring.gsub, 'abc', '%w', function() error(obj) end)\n"
                   "assert(not ok and e == obj)")
              .empty());
    CHECK(lua.exec("local obj = {}\n"
                   "local t = setmetatable({}, {__index = function() error(obj) end})\n"
                   "local ok, e = pcall(mstring.gsub, 'abc', '%w', t)\n"
                   "assert(not ok and e == obj)")
              .empty());
    // A callback that errors after some matches leaves the state usable.
    CHECK(lua.exec("local n = 0\n"
                   "local ok = pcall(mstring.gsub, string.rep('a', 100), 'a', function()\n"
                   "    n = n + 1 if n == 50 then error('stop') end return 'b' end)\n"
                   "assert(not ok and n == 50)\n"
                   "assert(mstring.gsub('aaa', 'a', 'b') == 'bbb')")
              .empty());
    // Nested metered calls from inside a callback work.
    CHECK(lua.exec("local r = mstring.gsub('ab cd', '%a+', function(w)\n"
                   "    return (mstring.gsub(w, '.', function(c) return c:upper() end)) end)\n"
                   "assert(r == 'AB CD', r)")
              .empty());
    CHECK(lua_gettop(lua.L) == 0);
}

TEST_CASE("aborted matches leak nothing and leave iterators resumable") {
    LuaFixture lua;
    lua_State* L = lua.L;
    REQUIRE(lua.exec("S = string.rep('a', 200000)").empty());
    auto abort_many = [&] {
        for (int i = 0; i < 50; ++i) {
            reset_budget(100000);  // stops each gsub part way through its output
            const std::string err = lua.exec("mstring.gsub(S, 'a', 'bb')");
            REQUIRE(err.find("step budget exceeded") != std::string::npos);
            reset_budget(5000);
            const std::string err2 =
                lua.exec("mstring.gsub(S, 'a', function(c) return c end)");
            REQUIRE(err2.find("step budget exceeded") != std::string::npos);
        }
        lua_gc(L, LUA_GCCOLLECT);
        lua_gc(L, LUA_GCCOLLECT);
        return lua_gc(L, LUA_GCCOUNT) * 1024 + lua_gc(L, LUA_GCCOUNTB);
    };
    const int after_first = abort_many();
    const int after_second = abort_many();
    CHECK(after_second <= after_first + 1024);
    CHECK(lua_gettop(L) == 0);

    // A gmatch iterator stopped by the budget picks up where it was.
    reset_budget();
    REQUIRE(lua.exec("IT = mstring.gmatch(string.rep('a', 5000) .. 'b c', '%a-b')").empty());
    reset_budget(10);
    CHECK(lua.exec("IT()").find("step budget exceeded") != std::string::npos);
    reset_budget();
    CHECK(lua.exec("assert(IT() == string.rep('a', 5000) .. 'b') assert(IT() == nil)").empty());
}

TEST_CASE("install replaces only the four pattern functions") {
    LuaFixture lua;
    CHECK(lua.exec("for k, v in pairs(string) do\n"
                   "    local replaced = k == 'find' or k == 'match' or k == 'gmatch' or k == 'gsub'\n"
                   "    assert((mstring[k] ~= v) == replaced, k)\n"
                   "end\n"
                   "for k in pairs(mstring) do assert(string[k] ~= nil, k) end")
              .empty());

    // Installed into the real string table, method calls on strings are metered too.
    lua_State* L = lua.L;
    lua_getglobal(L, "string");
    install_metered_patterns(L, -1, test_charge);
    lua_pop(L, 1);
    reset_budget();
    CHECK(lua.exec("assert(('hello'):find('l+') == 3)").empty());
    CHECK(g_budget.calls == 1);
    // And argument errors name the function the way the stock library's do.
    CHECK(lua.exec("string.gsub('x', 'x')") ==
          "test:1: bad argument #3 to 'gsub' (string/function/table expected, got no value)");
    CHECK(lua_gettop(L) == 0);
}
