// A scenario offers the same few choices session after session, and reading one into C++ strings,
// checking each, cost a sixth of a run (docs/performance.md, ninth round). s:choose now first reads
// the table's written form - every field it reads, raw, into one string of bytes - and looks it up
// among the choices this thread has kept; a choice found is offered as kept, its options already
// made in the order the session draws. A choice not found is read and checked as before, then kept.
//
// What is compared is the whole written form and the line of the call, byte for byte: a choice is
// found only when reading its table again would give the same Choice. Only tables without
// metatables are looked at (their fields read raw, as reading them through a metatable-less table
// does), so no __index runs twice and the scenario sees nothing of the lookup.
#include "script/kept_choices.hpp"

#include <lua.hpp>

#include <cstring>
#include <functional>
#include <string_view>

namespace holdspace::script {
namespace {

// A written form is a string of tokens, each a 4-byte word: a Lua value's kind, or a list's length
// (shifted past the kinds); a string's word is followed by its size, a word too, and its bytes.
// It starts with the line of the call. One string, so that it is hashed and compared at once.
enum : std::uint32_t { nil_value, true_value, false_value, string_value, option_table, list_of };
constexpr std::uint32_t list_token(std::size_t length) {
    return list_of + (static_cast<std::uint32_t>(length) << 3);
}

// s:choose's own bounds (l_session.cpp): a table beyond them is read, and refused, as before.
constexpr std::size_t most_options = 9;
constexpr std::size_t most_examples = 20;
constexpr std::size_t most_list = 4096;
// What this thread keeps: choices of at most 16 KiB written, 4 MiB in all with the orders made of
// them; past that it forgets them all and starts again.
constexpr std::size_t largest_kept = 16u << 10;
constexpr std::size_t budget = 4u << 20;

int raw_field(lua_State* L, int table, ChooseField f) {
    lua_pushvalue(L, lua_upvalueindex(static_cast<int>(f)));
    return lua_rawget(L, table);
}

}  // namespace

KeptChoices& KeptChoices::here() {
    thread_local KeptChoices kept;
    return kept;
}

// The table's written form in form_ (its first form_size_ bytes), in the order s:choose reads it;
// false when it is not looked up (a metatable, a value s:choose would refuse: reading it raises the
// error as before, or a form larger than a choice kept).
bool KeptChoices::written_form(lua_State* L, int table, int line) {
    // Written straight into a buffer of the largest form kept; a form that would not fit is not
    // looked up (`full`, seen at the end).
    form_.resize(largest_kept);
    char* const start = form_.data();
    char* at = start;
    bool full = false;
    const auto bytes = [&](const void* data, std::size_t size) {
        if (full || size > largest_kept - static_cast<std::size_t>(at - start)) {
            full = true;
            return;
        }
        std::memcpy(at, data, size);
        at += size;
    };
    const auto put = [&](std::uint32_t word) { bytes(&word, sizeof word); };
    const int top = lua_gettop(L);
    const auto fail = [&] {
        lua_settop(L, top);
        return false;
    };
    if (!lua_checkstack(L, 16)) return false;
    if (lua_getmetatable(L, table)) return fail();
    put(static_cast<std::uint32_t>(line));
    // The string at `index`.
    const auto text = [&](int index) {
        std::size_t size = 0;
        const char* s = lua_tolstring(L, index, &size);
        put(string_value);
        put(static_cast<std::uint32_t>(size));
        bytes(s, size);
    };
    // A string or nil; with `flag`, true or false too. Each value read is left on the stack until its
    // option is read (one lua_settop rather than a pop each).
    const auto value = [&](int type, bool flag = false) {
        if (type == LUA_TNIL) {
            put(nil_value);
        } else if (type == LUA_TSTRING) {
            text(-1);
        } else if (flag && type == LUA_TBOOLEAN) {
            put(lua_toboolean(L, -1) ? true_value : false_value);
        } else {
            return false;
        }
        return true;
    };
    // A list of strings (the table on top), left on the stack.
    const auto strings = [&](std::size_t most) {
        const auto n = lua_rawlen(L, -1);
        if (n > most) return false;
        put(list_token(n));
        for (lua_Unsigned i = 1; i <= n; ++i) {
            if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING) return false;
            text(-1);
            lua_pop(L, 1);
        }
        return true;
    };
    const auto optional_strings = [&](int type, std::size_t most) {
        if (type == LUA_TNIL) {
            put(nil_value);
            return true;
        }
        return type == LUA_TTABLE && strings(most);
    };

    if (!value(raw_field(L, table, ChooseField::prompt)) || !value(raw_field(L, table, ChooseField::moment)) ||
        !optional_strings(raw_field(L, table, ChooseField::flags), most_list))
        return fail();
    const auto n = lua_rawlen(L, table);
    if (n == 0 || n > most_options) return fail();
    put(list_token(n));
    for (lua_Unsigned i = 1; i <= n; ++i) {
        if (lua_rawgeti(L, table, static_cast<lua_Integer>(i)) != LUA_TTABLE || lua_getmetatable(L, -1)) return fail();
        const int option = lua_gettop(L);
        put(option_table);
        if (!value(raw_field(L, option, ChooseField::id)) || !value(raw_field(L, option, ChooseField::action)) ||
            !value(raw_field(L, option, ChooseField::text)) || !value(raw_field(L, option, ChooseField::rationale)) ||
            !value(raw_field(L, option, ChooseField::expert), true) ||
            raw_field(L, option, ChooseField::codes) != LUA_TTABLE || !strings(most_list) ||
            !optional_strings(raw_field(L, option, ChooseField::examples), most_examples))
            return fail();
        lua_settop(L, option - 1);
    }
    const int typed = raw_field(L, table, ChooseField::typed);
    if (typed == LUA_TTABLE) {
        std::size_t pairs = 0;
        char* const length_at = at;
        put(list_token(0));
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING || ++pairs > most_list) return fail();
            text(-2);
            text(-1);
            lua_pop(L, 1);
        }
        const std::uint32_t length = list_token(pairs);
        if (!full) std::memcpy(length_at, &length, sizeof length);
        lua_pop(L, 1);
    } else if (!value(typed)) {
        return fail();
    }
    lua_settop(L, top);
    form_size_ = static_cast<std::size_t>(at - start);
    return !full;
}

void KeptChoices::account(Kept& kept) {
    const std::size_t made = (kept.form.size() + sizeof(Kept)) * (1 + kept.choice->orders_kept());
    footprint_ = footprint_ - kept.footprint + made;
    kept.footprint = made;
}

std::shared_ptr<WrittenChoice> KeptChoices::find(lua_State* L, int table, int line) {
    pending_key_ = 0;
    if (!written_form(L, table, line)) return nullptr;
    const std::string_view form(form_.data(), form_size_);
    std::uint64_t key = std::hash<std::string_view>{}(form);
    if (key == 0) key = 1;  // 0: nothing pending
    if (const auto it = kept_.find(key); it != kept_.end() && it->second.form == form) {
        auto found = it->second.choice;
        account(it->second);  // the orders the sessions drew since
        if (footprint_ > budget) {
            kept_.clear();
            footprint_ = 0;
        }
        return found;
    }
    pending_.assign(form);  // aside until keep(): the next lookup writes form_ again
    pending_key_ = key;
    return nullptr;
}

std::shared_ptr<WrittenChoice> KeptChoices::keep(Choice choice) {
    auto written = std::make_shared<WrittenChoice>(std::move(choice));
    Kept& kept = kept_[pending_key_];  // a different table that hashed the same is replaced
    footprint_ -= kept.footprint;
    kept.form = std::move(pending_);
    kept.choice = written;
    kept.footprint = 0;
    account(kept);
    pending_key_ = 0;
    if (footprint_ > budget) {
        kept_.clear();
        footprint_ = 0;
    }
    return written;
}

}  // namespace holdspace::script
