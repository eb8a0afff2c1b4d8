#include "script/lua_pattern.hpp"

#include <lua.hpp>

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>

// A backtracking matcher for Lua 5.4 patterns, written against the reference
// manual (§6.4.1) and checked against the stock library by a differential test.
// Wherever the manual is silent (errors, odd set syntax, what '%1' means with no
// captures, ...) the stock library's observable behaviour is what we reproduce,
// including *when* an error is raised: patterns are parsed lazily, item by item,
// as the matcher reaches them, so a malformed tail that is never reached is not
// an error, exactly as in the stock library.

namespace holdspace::script {
namespace {

// The stock library's limits; using the same values keeps error behaviour
// identical ("too many captures", "pattern too complex").
constexpr int max_captures = 32;
constexpr int max_match_depth = 200;

constexpr std::uint64_t charge_chunk = 1000;

constexpr std::size_t no_match = static_cast<std::size_t>(-1);
constexpr std::ptrdiff_t cap_unfinished = -1;
constexpr std::ptrdiff_t cap_position = -2;

// ---------------------------------------------------------------------------
// Metering

// Accumulates steps and hands them over in chunks so that the per-step cost is
// an add and a compare. Work is charged before it is done where that is cheap
// to arrange, so a budget error stops a large copy before it happens.
class Meter {
public:
    Meter(lua_State* L, ChargeFn fn) : L_(L), fn_(fn) {}

    void add(std::uint64_t steps) {
        pending_ += steps;
        if (pending_ >= charge_chunk) {
            flush();
        }
    }

    void flush() {
        if (pending_ == 0) {
            return;
        }
        const std::uint64_t steps = pending_;
        pending_ = 0;  // reset first: fn_ may raise
        fn_(L_, steps);
    }

private:
    lua_State* L_;
    ChargeFn fn_;
    std::uint64_t pending_ = 0;
};

// Charges outstanding steps before raising, so work done up to an error is
// never free. luaL_error throws (C++ build of Lua) and never returns.
template <typename... Args>
[[noreturn]] void raise_error(lua_State* L, Meter& meter, const char* fmt, Args... args) {
    meter.flush();
    luaL_error(L, fmt, args...);
    std::abort();  // unreachable
}

// ---------------------------------------------------------------------------
// Character classes
//
// Fixed ASCII definitions (the "C" locale, which is what a host that never
// calls setlocale runs Lua under) rather than <cctype>, so a scenario's results
// can never depend on the process locale.

bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return is_upper(c) || is_lower(c); }
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }
bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_cntrl(unsigned char c) { return c < 0x20 || c == 0x7f; }
bool is_graph(unsigned char c) { return c > 0x20 && c < 0x7f; }
bool is_punct(unsigned char c) { return is_graph(c) && !is_alnum(c); }
bool is_xdigit(unsigned char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// `%<cl>` against c. Letters name classes (upper case = complement); any
// other character after '%' stands for itself.
bool class_matches(unsigned char c, unsigned char cl) {
    const unsigned char lower = is_upper(cl) ? static_cast<unsigned char>(cl - 'A' + 'a') : cl;
    bool res = false;
    switch (lower) {
    case 'a': res = is_alpha(c); break;
    case 'c': res = is_cntrl(c); break;
    case 'd': res = is_digit(c); break;
    case 'g': res = is_graph(c); break;
    case 'l': res = is_lower(c); break;
    case 'p': res = is_punct(c); break;
    case 's': res = is_space(c); break;
    case 'u': res = is_upper(c); break;
    case 'w': res = is_alnum(c); break;
    case 'x': res = is_xdigit(c); break;
    case 'z': res = c == 0; break;  // undocumented since 5.2, still honoured by 5.4
    default: return cl == c;
    }
    return is_upper(cl) ? !res : res;
}

// ---------------------------------------------------------------------------
// The matcher

struct Capture {
    std::size_t start = 0;
    std::ptrdiff_t len = 0;  // a length, or cap_unfinished / cap_position
};

// Matches a pattern (already stripped of any '^' anchor) against a subject.
// Offsets are indices into the subject / pattern; reading one past the end
// yields '\0', which is what the stock library sees there (Lua strings are
// NUL-terminated) and so decides the same edge cases the same way.
class Matcher {
public:
    Matcher(lua_State* L, Meter& meter, const char* src, std::size_t src_len,
            const char* pat, std::size_t pat_len)
        : L_(L), meter_(meter), src_(src), src_len_(src_len), pat_(pat), pat_len_(pat_len) {}

    // One attempt at subject offset `s`; returns the end offset or no_match.
    std::size_t match_at(std::size_t s) {
        level_ = 0;
        depth_left_ = max_match_depth;
        return match(s, 0);
    }

    // Pushes the captures of the last successful attempt (the whole match
    // [s, e) if the pattern has none and `whole_if_none`). Returns the count.
    int push_captures(std::size_t s, std::size_t e, bool whole_if_none) {
        const int n = (level_ == 0 && whole_if_none) ? 1 : level_;
        luaL_checkstack(L_, n, "too many captures");
        for (int i = 0; i < n; ++i) {
            push_capture(i, s, e);
        }
        return n;
    }

    void push_capture(int i, std::size_t s, std::size_t e) {
        const char* text = nullptr;
        const std::ptrdiff_t len = get_capture(i, s, e, &text);
        if (len != cap_position) {
            meter_.add(static_cast<std::uint64_t>(len));
            lua_pushlstring(L_, text, static_cast<std::size_t>(len));
        }
    }

    // Capture i as a span in *text, or, for a position capture, pushes the
    // position and returns cap_position. Index 0 with no captures is the whole
    // match [s, e), which is why "%1" works in patterns without captures.
    std::ptrdiff_t get_capture(int i, std::size_t s, std::size_t e, const char** text) {
        if (i >= level_) {
            if (i != 0) {
                raise_error(L_, meter_, "invalid capture index %%%d", i + 1);
            }
            *text = src_ + s;
            return static_cast<std::ptrdiff_t>(e - s);
        }
        const Capture& cap = caps_[i];
        *text = src_ + cap.start;
        if (cap.len == cap_unfinished) {
            raise_error(L_, meter_, "unfinished capture");
        }
        if (cap.len == cap_position) {
            lua_pushinteger(L_, static_cast<lua_Integer>(cap.start) + 1);
        }
        return cap.len;
    }

private:
    unsigned char pat_at(std::size_t i) const {
        return i < pat_len_ ? static_cast<unsigned char>(pat_[i]) : 0;
    }
    unsigned char src_at(std::size_t i) const {
        return i < src_len_ ? static_cast<unsigned char>(src_[i]) : 0;
    }

    // Every entry is a step (each one is a fresh attempt or a backtrack).
    // Nesting is limited like the stock library so that deep patterns raise
    // "pattern too complex" instead of exhausting the C stack, and at the same
    // depth, so the same patterns raise it.
    std::size_t match(std::size_t s, std::size_t p) {
        if (depth_left_ == 0) {
            raise_error(L_, meter_, "pattern too complex");
        }
        --depth_left_;
        meter_.add(1);
        const std::size_t res = match_here(s, p);
        ++depth_left_;
        return res;
    }

    // Straight-line items loop here; only constructs that may need to undo a
    // choice (captures and quantifiers) recurse.
    std::size_t match_here(std::size_t s, std::size_t p) {
        for (;;) {
            if (p == pat_len_) {
                return s;
            }
            const unsigned char c = pat_at(p);
            if (c == '(') {
                if (pat_at(p + 1) == ')') {
                    return open_capture(s, p + 2, cap_position);
                }
                return open_capture(s, p + 1, cap_unfinished);
            }
            if (c == ')') {
                return close_capture(s, p + 1);
            }
            if (c == '$' && p + 1 == pat_len_) {
                return s == src_len_ ? s : no_match;
            }
            if (c == '%') {
                const unsigned char next = pat_at(p + 1);
                if (next == 'b') {
                    s = match_balance(s, p + 2);
                    if (s == no_match) {
                        return no_match;
                    }
                    p += 4;
                    continue;
                }
                if (next == 'f') {
                    p += 2;
                    if (pat_at(p) != '[') {
                        raise_error(L_, meter_, "missing '[' after '%%f' in pattern");
                    }
                    const std::size_t ep = item_end(p);
                    const unsigned char before = s == 0 ? 0 : src_at(s - 1);
                    if (!set_matches(before, p, ep - 1) && set_matches(src_at(s), p, ep - 1)) {
                        p = ep;
                        continue;
                    }
                    return no_match;
                }
                if (is_digit(next)) {
                    s = match_backref(s, next);
                    if (s == no_match) {
                        return no_match;
                    }
                    p += 2;
                    continue;
                }
                // Otherwise '%' starts an ordinary single-character item.
            }

            const std::size_t ep = item_end(p);
            const unsigned char quant = pat_at(ep);
            if (!single_match(s, p, ep)) {
                if (quant == '*' || quant == '?' || quant == '-') {
                    p = ep + 1;  // zero repetitions allowed
                    continue;
                }
                return no_match;
            }
            switch (quant) {
            case '?': {
                const std::size_t res = match(s + 1, ep + 1);
                if (res != no_match) {
                    return res;
                }
                p = ep + 1;
                continue;
            }
            case '+': return match_greedy(s + 1, p, ep);
            case '*': return match_greedy(s, p, ep);
            case '-': return match_lazy(s, p, ep);
            default:
                ++s;
                p = ep;
                continue;
            }
        }
    }

    // Longest run first, then give characters back one at a time.
    std::size_t match_greedy(std::size_t s, std::size_t p, std::size_t ep) {
        std::size_t n = 0;
        while (single_match(s + n, p, ep)) {
            ++n;
        }
        for (;;) {
            const std::size_t res = match(s + n, ep + 1);
            if (res != no_match) {
                return res;
            }
            if (n == 0) {
                return no_match;
            }
            --n;
        }
    }

    // Shortest run first, taking one more character per failure.
    std::size_t match_lazy(std::size_t s, std::size_t p, std::size_t ep) {
        for (;;) {
            const std::size_t res = match(s, ep + 1);
            if (res != no_match) {
                return res;
            }
            if (!single_match(s, p, ep)) {
                return no_match;
            }
            ++s;
        }
    }

    std::size_t open_capture(std::size_t s, std::size_t p, std::ptrdiff_t kind) {
        if (level_ >= max_captures) {
            raise_error(L_, meter_, "too many captures");
        }
        caps_[level_].start = s;
        caps_[level_].len = kind;
        ++level_;
        const std::size_t res = match(s, p);
        if (res == no_match) {
            --level_;  // undo: this capture never happened
        }
        return res;
    }

    std::size_t close_capture(std::size_t s, std::size_t p) {
        int open = level_ - 1;
        while (open >= 0 && caps_[open].len != cap_unfinished) {
            --open;
        }
        if (open < 0) {
            raise_error(L_, meter_, "invalid pattern capture");
        }
        caps_[open].len = static_cast<std::ptrdiff_t>(s - caps_[open].start);
        const std::size_t res = match(s, p);
        if (res == no_match) {
            caps_[open].len = cap_unfinished;
        }
        return res;
    }

    // `%bxy` with x at pat[p]: a balanced run from x to its matching y.
    std::size_t match_balance(std::size_t s, std::size_t p) {
        if (p + 1 >= pat_len_) {
            raise_error(L_, meter_, "malformed pattern (missing arguments to '%%b')");
        }
        const unsigned char open = pat_at(p);
        const unsigned char close = pat_at(p + 1);
        if (s >= src_len_ || src_at(s) != open) {
            return no_match;
        }
        std::uint64_t depth = 1;
        for (std::size_t i = s + 1; i < src_len_; ++i) {
            meter_.add(1);
            const unsigned char c = src_at(i);
            if (c == close) {
                if (--depth == 0) {
                    return i + 1;
                }
            }
            else if (c == open) {
                ++depth;
            }
        }
        return no_match;
    }

    // `%1`-`%9` in a pattern: the text of an already closed capture again.
    std::size_t match_backref(std::size_t s, unsigned char digit) {
        const int i = digit - '1';
        if (i < 0 || i >= level_ || caps_[i].len == cap_unfinished) {
            raise_error(L_, meter_, "invalid capture index %%%d", i + 1);
        }
        // A position capture has no text; the stock library never matches it.
        if (caps_[i].len == cap_position) {
            return no_match;
        }
        const auto len = static_cast<std::size_t>(caps_[i].len);
        meter_.add(len + 1);
        if (src_len_ - s >= len && std::memcmp(src_ + caps_[i].start, src_ + s, len) == 0) {
            return s + len;
        }
        return no_match;
    }

    // One past the end of the single-character item starting at p.
    std::size_t item_end(std::size_t p) {
        const unsigned char c = pat_at(p++);
        if (c == '%') {
            if (p >= pat_len_) {
                raise_error(L_, meter_, "malformed pattern (ends with '%%')");
            }
            return p + 1;
        }
        if (c == '[') {
            const std::size_t start = p;
            if (pat_at(p) == '^') {
                ++p;
            }
            // The first character is part of the set even if it is ']',
            // and '%' protects the character after it.
            do {
                if (p >= pat_len_) {
                    raise_error(L_, meter_, "malformed pattern (missing ']')");
                }
                const unsigned char d = pat_at(p++);
                if (d == '%' && p < pat_len_) {
                    ++p;
                }
            } while (pat_at(p) != ']');
            meter_.add(p - start);  // the scan is proportional to the set's size
            return p + 1;
        }
        return p;
    }

    // Whether c is in the set whose '[' is at p and closing ']' at close.
    bool set_matches(unsigned char c, std::size_t p, std::size_t close) {
        bool member = true;
        ++p;
        if (pat_at(p) == '^') {
            member = false;
            ++p;
        }
        for (; p < close; ++p) {
            meter_.add(1);
            const unsigned char d = pat_at(p);
            if (d == '%') {
                ++p;
                if (class_matches(c, pat_at(p))) {
                    return member;
                }
            }
            else if (pat_at(p + 1) == '-' && p + 2 < close) {
                if (d <= c && c <= pat_at(p + 2)) {
                    return member;
                }
                p += 2;
            }
            else if (d == c) {
                return member;
            }
        }
        return !member;
    }

    // The item [p, ep) against the subject character at s.
    bool single_match(std::size_t s, std::size_t p, std::size_t ep) {
        meter_.add(1);
        if (s >= src_len_) {
            return false;
        }
        const unsigned char c = src_at(s);
        switch (pat_at(p)) {
        case '.': return true;
        case '%': return class_matches(c, pat_at(p + 1));
        case '[': return set_matches(c, p, ep - 1);
        default: return pat_at(p) == c;
        }
    }

    lua_State* L_;
    Meter& meter_;
    const char* src_;
    std::size_t src_len_;
    const char* pat_;
    std::size_t pat_len_;
    int level_ = 0;
    int depth_left_ = max_match_depth;
    Capture caps_[max_captures];
};

// ---------------------------------------------------------------------------
// Library functions

// The charge function lives in a full userdata shared as upvalue 1 of the
// installed functions (function pointers cannot go in light userdata portably).
struct ChargeBox {
    ChargeFn fn;
};

ChargeFn upvalue_charge(lua_State* L) {
    return static_cast<ChargeBox*>(lua_touserdata(L, lua_upvalueindex(1)))->fn;
}

// A 1-based, possibly negative `init` as a 0-based offset; may exceed len.
std::size_t start_offset(lua_Integer pos, std::size_t len) {
    if (pos > 0) {
        return static_cast<std::size_t>(pos) - 1;
    }
    if (pos == 0 || pos < -static_cast<lua_Integer>(len)) {
        return 0;
    }
    return len - static_cast<std::size_t>(-pos);
}

// string.find treats a pattern without any of these as plain text.
bool has_specials(Meter& meter, const char* p, std::size_t len) {
    meter.add(len);
    for (std::size_t i = 0; i < len; ++i) {
        switch (p[i]) {
        case '^': case '$': case '*': case '+': case '?':
        case '.': case '(': case '[': case '%': case '-':
            return true;
        default:
            break;
        }
    }
    return false;
}

// First occurrence of needle in hay (offset), or no_match. Charged per
// candidate position and per byte compared.
std::size_t plain_find(Meter& meter, const char* hay, std::size_t hay_len,
                       const char* needle, std::size_t needle_len) {
    if (needle_len == 0) {
        return 0;
    }
    if (needle_len > hay_len) {
        return no_match;
    }
    const std::size_t last = hay_len - needle_len;
    std::size_t i = 0;
    while (i <= last) {
        const void* hit = std::memchr(hay + i, needle[0], last - i + 1);
        if (hit == nullptr) {
            meter.add(last - i + 1);
            return no_match;
        }
        const auto at = static_cast<std::size_t>(static_cast<const char*>(hit) - hay);
        std::size_t k = 1;
        while (k < needle_len && hay[at + k] == needle[k]) {
            ++k;
        }
        meter.add(at - i + k);
        if (k == needle_len) {
            return at;
        }
        i = at + 1;
    }
    return no_match;
}

int find_or_match(lua_State* L, bool find) {
    const ChargeFn charge = upvalue_charge(L);
    std::size_t src_len = 0;
    std::size_t pat_len = 0;
    const char* src = luaL_checklstring(L, 1, &src_len);
    const char* pat = luaL_checklstring(L, 2, &pat_len);
    const std::size_t init = start_offset(luaL_optinteger(L, 3, 1), src_len);
    if (init > src_len) {
        luaL_pushfail(L);
        return 1;
    }
    Meter meter(L, charge);
    if (find && (lua_toboolean(L, 4) || !has_specials(meter, pat, pat_len))) {
        const std::size_t at = plain_find(meter, src + init, src_len - init, pat, pat_len);
        meter.flush();
        if (at != no_match) {
            lua_pushinteger(L, static_cast<lua_Integer>(init + at) + 1);
            lua_pushinteger(L, static_cast<lua_Integer>(init + at + pat_len));
            return 2;
        }
        luaL_pushfail(L);
        return 1;
    }
    const bool anchor = pat_len > 0 && pat[0] == '^';
    const std::size_t skip = anchor ? 1 : 0;
    Matcher matcher(L, meter, src, src_len, pat + skip, pat_len - skip);
    std::size_t start = init;
    do {
        const std::size_t end = matcher.match_at(start);
        if (end != no_match) {
            int n = 0;
            if (find) {
                lua_pushinteger(L, static_cast<lua_Integer>(start) + 1);
                lua_pushinteger(L, static_cast<lua_Integer>(end));
                n = 2 + matcher.push_captures(start, end, false);
            }
            else {
                n = matcher.push_captures(start, end, true);
            }
            meter.flush();
            return n;
        }
    } while (start++ < src_len && !anchor);
    meter.flush();
    luaL_pushfail(L);
    return 1;
}

int metered_find(lua_State* L) { return find_or_match(L, true); }
int metered_match(lua_State* L) { return find_or_match(L, false); }

// gmatch iterator state. Trivially destructible, so the userdata needs no
// finalizer; the subject and pattern strings are kept alive as upvalues.
struct GmatchState {
    std::size_t pos;
    std::size_t last_end;  // end of the previous match, no_match before the first
    ChargeFn charge;
};

int gmatch_step(lua_State* L) {
    std::size_t src_len = 0;
    std::size_t pat_len = 0;
    const char* src = lua_tolstring(L, lua_upvalueindex(1), &src_len);
    const char* pat = lua_tolstring(L, lua_upvalueindex(2), &pat_len);
    auto* state = static_cast<GmatchState*>(lua_touserdata(L, lua_upvalueindex(3)));
    Meter meter(L, state->charge);
    // '^' is not an anchor here (it would stop the iteration), so the whole
    // pattern is matched, '^' included, as a literal.
    Matcher matcher(L, meter, src, src_len, pat, pat_len);
    for (std::size_t start = state->pos; start <= src_len; ++start) {
        const std::size_t end = matcher.match_at(start);
        // An empty match right where the previous match ended is skipped, so
        // "a*" over "baa" yields "", "aa", "" rather than an extra "".
        if (end != no_match && end != state->last_end) {
            state->pos = end;
            state->last_end = end;
            const int n = matcher.push_captures(start, end, true);
            meter.flush();
            return n;
        }
    }
    meter.flush();
    return 0;
}

int metered_gmatch(lua_State* L) {
    const ChargeFn charge = upvalue_charge(L);
    std::size_t src_len = 0;
    luaL_checklstring(L, 1, &src_len);
    luaL_checklstring(L, 2, nullptr);
    std::size_t init = start_offset(luaL_optinteger(L, 3, 1), src_len);
    if (init > src_len) {
        init = src_len + 1;  // past the end: the iterator finds nothing
    }
    lua_settop(L, 2);  // subject and pattern become upvalues 1 and 2
    void* mem = lua_newuserdatauv(L, sizeof(GmatchState), 0);
    new (mem) GmatchState{init, no_match, charge};
    lua_pushcclosure(L, gmatch_step, 3);
    return 1;
}

// Appends the replacement string (argument 3) for the match [s, e),
// expanding %0-%9 and %%.
void append_template(lua_State* L, Meter& meter, Matcher& matcher, luaL_Buffer& out,
                     const char* src, std::size_t s, std::size_t e) {
    std::size_t len = 0;
    const char* repl = lua_tolstring(L, 3, &len);
    std::size_t i = 0;
    for (;;) {
        const void* hit = std::memchr(repl + i, '%', len - i);
        const std::size_t esc =
            hit == nullptr ? len : static_cast<std::size_t>(static_cast<const char*>(hit) - repl);
        meter.add(esc - i);
        luaL_addlstring(&out, repl + i, esc - i);
        if (esc == len) {
            return;
        }
        // A trailing '%' sees the string's terminating '\0', like the stock library.
        const unsigned char d = esc + 1 < len ? static_cast<unsigned char>(repl[esc + 1]) : 0;
        if (d == '%') {
            meter.add(1);
            luaL_addchar(&out, '%');
        }
        else if (d == '0') {
            meter.add(e - s);
            luaL_addlstring(&out, src + s, e - s);
        }
        else if (is_digit(d)) {
            const char* text = nullptr;
            const std::ptrdiff_t cap_len = matcher.get_capture(d - '1', s, e, &text);
            if (cap_len == cap_position) {
                luaL_addvalue(&out);  // the position get_capture pushed
            }
            else {
                meter.add(static_cast<std::uint64_t>(cap_len));
                luaL_addlstring(&out, text, static_cast<std::size_t>(cap_len));
            }
        }
        else {
            raise_error(L, meter, "invalid use of '%%' in replacement string");
        }
        i = esc + 2;
    }
}

// Appends the replacement for the match [s, e); returns whether the output
// differs from the original text there.
bool append_replacement(lua_State* L, Meter& meter, Matcher& matcher, luaL_Buffer& out,
                        const char* src, std::size_t s, std::size_t e, int repl_type) {
    if (repl_type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        const int n = matcher.push_captures(s, e, true);
        lua_call(L, n, 1);
    }
    else if (repl_type == LUA_TTABLE) {
        matcher.push_capture(0, s, e);
        lua_gettable(L, 3);
    }
    else {
        append_template(L, meter, matcher, out, src, s, e);
        return true;
    }
    if (!lua_toboolean(L, -1)) {  // nil or false keeps the original text
        lua_pop(L, 1);
        meter.add(e - s);
        luaL_addlstring(&out, src + s, e - s);
        return false;
    }
    if (!lua_isstring(L, -1)) {
        raise_error(L, meter, "invalid replacement value (a %s)", luaL_typename(L, -1));
    }
    std::size_t len = 0;
    lua_tolstring(L, -1, &len);  // numbers become strings here, as luaL_addvalue would
    meter.add(len);
    luaL_addvalue(&out);
    return true;
}

int metered_gsub(lua_State* L) {
    const ChargeFn charge = upvalue_charge(L);
    std::size_t src_len = 0;
    std::size_t pat_len = 0;
    const char* src = luaL_checklstring(L, 1, &src_len);
    const char* pat = luaL_checklstring(L, 2, &pat_len);
    const int repl_type = lua_type(L, 3);
    const lua_Integer max_repl = luaL_optinteger(L, 4, static_cast<lua_Integer>(src_len) + 1);
    luaL_argexpected(L,
                     repl_type == LUA_TNUMBER || repl_type == LUA_TSTRING ||
                         repl_type == LUA_TFUNCTION || repl_type == LUA_TTABLE,
                     3, "string/function/table");
    const bool anchor = pat_len > 0 && pat[0] == '^';
    const std::size_t skip = anchor ? 1 : 0;
    Meter meter(L, charge);
    Matcher matcher(L, meter, src, src_len, pat + skip, pat_len - skip);
    luaL_Buffer out;
    luaL_buffinit(L, &out);
    std::size_t pos = 0;
    std::size_t last_end = no_match;
    lua_Integer count = 0;
    bool changed = false;
    while (count < max_repl) {
        const std::size_t end = matcher.match_at(pos);
        // As in gmatch, an empty match where the last match ended is not a new match.
        if (end != no_match && end != last_end) {
            ++count;
            changed = append_replacement(L, meter, matcher, out, src, pos, end, repl_type) || changed;
            pos = end;
            last_end = end;
        }
        else if (pos < src_len) {
            meter.add(1);
            luaL_addchar(&out, src[pos++]);
        }
        else {
            break;
        }
        if (anchor) {
            break;
        }
    }
    if (!changed) {
        lua_pushvalue(L, 1);
    }
    else {
        meter.add(src_len - pos);
        luaL_addlstring(&out, src + pos, src_len - pos);
        luaL_pushresult(&out);
    }
    lua_pushinteger(L, count);
    meter.flush();
    return 2;
}

}  // namespace

void install_metered_patterns(lua_State* L, int string_table, ChargeFn charge) {
    const int table = lua_absindex(L, string_table);
    void* mem = lua_newuserdatauv(L, sizeof(ChargeBox), 0);
    new (mem) ChargeBox{charge};
    const luaL_Reg functions[] = {
        {"find", metered_find},
        {"match", metered_match},
        {"gmatch", metered_gmatch},
        {"gsub", metered_gsub},
    };
    for (const luaL_Reg& reg : functions) {
        lua_pushvalue(L, -1);
        lua_pushcclosure(L, reg.func, 1);
        lua_setfield(L, table, reg.name);
    }
    lua_pop(L, 1);
}

}  // namespace holdspace::script
