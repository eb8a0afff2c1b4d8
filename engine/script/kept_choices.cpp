// A scenario offers the same few choices session after session, and reading one into C++ strings,
// checking each, cost a sixth of a run (docs/performance.md, ninth round). s:choose now first reads
// the table's written form - its strings as Lua holds them, without copying - and looks it up among
// the choices this thread has kept; a choice found is offered as kept, its options already made in
// the order the session draws. A choice not found is read and checked as before, then kept.
//
// What is compared is the whole written form and the line of the call, byte for byte: a choice is
// found only when reading its table again would give the same Choice. Only tables without
// metatables are looked at (their fields read raw, as reading them through a metatable-less table
// does), so no __index runs twice and the scenario sees nothing of the lookup.
#include "script/kept_choices.hpp"

#include <lua.hpp>

#include <cstring>
#include <functional>

namespace holdspace::script {
namespace {

// Kinds of token in a written form; a list's token is its length shifted past them.
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

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

int raw_field(lua_State* L, int table, ChooseField f) {
    lua_pushvalue(L, lua_upvalueindex(static_cast<int>(f)));
    return lua_rawget(L, table);
}

}  // namespace

KeptChoices& KeptChoices::here() {
    thread_local KeptChoices kept;
    return kept;
}

// The table's written form in read_, in the order s:choose reads it; false when it is not looked up
// (a metatable, or a value s:choose would refuse: reading it raises the error as before).
bool KeptChoices::written_form(lua_State* L, int table) {
    read_.clear();
    const int top = lua_gettop(L);
    const auto fail = [&] {
        lua_settop(L, top);
        return false;
    };
    if (!lua_checkstack(L, 4)) return false;
    if (lua_getmetatable(L, table)) return fail();
    // A string or nil; with `flag`, true or false too.
    const auto value = [&](int type, bool flag = false) {
        if (type == LUA_TNIL) {
            read_.push_back({nil_value, {}});
        } else if (type == LUA_TSTRING) {
            std::size_t size = 0;
            const char* s = lua_tolstring(L, -1, &size);
            read_.push_back({string_value, {s, size}});
        } else if (flag && type == LUA_TBOOLEAN) {
            read_.push_back({lua_toboolean(L, -1) ? true_value : false_value, {}});
        } else {
            return false;
        }
        lua_pop(L, 1);
        return true;
    };
    // A list of strings (the table on top), popped.
    const auto strings = [&](std::size_t most) {
        const auto n = lua_rawlen(L, -1);
        if (n > most) return false;
        read_.push_back({list_token(n), {}});
        for (lua_Unsigned i = 1; i <= n; ++i) {
            if (lua_rawgeti(L, -1, static_cast<lua_Integer>(i)) != LUA_TSTRING) return false;
            std::size_t size = 0;
            const char* s = lua_tolstring(L, -1, &size);
            read_.push_back({string_value, {s, size}});
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        return true;
    };
    const auto optional_strings = [&](int type, std::size_t most) {
        if (type == LUA_TNIL) {
            lua_pop(L, 1);
            read_.push_back({nil_value, {}});
            return true;
        }
        return type == LUA_TTABLE && strings(most);
    };

    if (!value(raw_field(L, table, ChooseField::prompt)) || !value(raw_field(L, table, ChooseField::moment)) ||
        !optional_strings(raw_field(L, table, ChooseField::flags), most_list))
        return fail();
    const auto n = lua_rawlen(L, table);
    if (n == 0 || n > most_options) return fail();
    read_.push_back({list_token(n), {}});
    for (lua_Unsigned i = 1; i <= n; ++i) {
        if (lua_rawgeti(L, table, static_cast<lua_Integer>(i)) != LUA_TTABLE || lua_getmetatable(L, -1)) return fail();
        const int option = lua_gettop(L);
        read_.push_back({option_table, {}});
        if (!value(raw_field(L, option, ChooseField::id)) || !value(raw_field(L, option, ChooseField::action)) ||
            !value(raw_field(L, option, ChooseField::text)) || !value(raw_field(L, option, ChooseField::rationale)) ||
            !value(raw_field(L, option, ChooseField::expert), true) ||
            raw_field(L, option, ChooseField::codes) != LUA_TTABLE || !strings(most_list) ||
            !optional_strings(raw_field(L, option, ChooseField::examples), most_examples))
            return fail();
        lua_pop(L, 1);
    }
    const int typed = raw_field(L, table, ChooseField::typed);
    if (typed == LUA_TTABLE) {
        std::size_t pairs = 0;
        const std::size_t at = read_.size();
        read_.push_back({list_token(0), {}});
        lua_pushnil(L);
        while (lua_next(L, -2) != 0) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING || ++pairs > most_list) return fail();
            std::size_t size = 0;
            const char* key = lua_tolstring(L, -2, &size);
            read_.push_back({string_value, {key, size}});
            const char* id = lua_tolstring(L, -1, &size);
            read_.push_back({string_value, {id, size}});
            lua_pop(L, 1);
        }
        read_[at].what = list_token(pairs);
        lua_pop(L, 1);
    } else if (!value(typed)) {
        return fail();
    }
    lua_settop(L, top);
    return true;
}

bool KeptChoices::same(const Kept& kept, int line) const {
    if (kept.line != line || kept.whats.size() != read_.size()) return false;
    std::size_t at = 0;
    for (std::size_t i = 0; i < read_.size(); ++i) {
        const Token& t = read_[i];
        if (t.what != kept.whats[i] || t.text.size() != kept.sizes[i]) return false;
        if (!t.text.empty() && std::memcmp(t.text.data(), kept.bytes.data() + at, t.text.size()) != 0) return false;
        at += t.text.size();
    }
    return true;
}

void KeptChoices::account(Kept& kept) {
    const std::size_t made = (kept.bytes.size() + 16 * kept.whats.size()) * (1 + kept.choice->orders_kept());
    footprint_ = footprint_ - kept.footprint + made;
    kept.footprint = made;
}

std::shared_ptr<WrittenChoice> KeptChoices::find(lua_State* L, int table, int line) {
    pending_key_ = 0;
    if (!written_form(L, table)) return nullptr;
    std::uint64_t key = mix(0, static_cast<std::uint64_t>(line));
    std::size_t bytes = 0;
    for (const Token& t : read_) {
        key = mix(key, t.what);
        if (!t.text.empty()) key = mix(key, std::hash<std::string_view>{}(t.text));
        bytes += t.text.size();
    }
    if (key == 0) key = 1;  // 0: nothing pending
    if (const auto it = kept_.find(key); it != kept_.end() && same(it->second, line)) {
        auto found = it->second.choice;
        account(it->second);  // the orders the sessions drew since
        if (footprint_ > budget) {
            kept_.clear();
            footprint_ = 0;
        }
        return found;
    }
    if (bytes > largest_kept) return nullptr;
    // Copied now: the strings are the table's only while it is on the stack, as it is until s:choose
    // has read it.
    pending_ = Kept{};
    pending_.line = line;
    pending_.whats.reserve(read_.size());
    pending_.sizes.reserve(read_.size());
    pending_.bytes.reserve(bytes);
    for (const Token& t : read_) {
        pending_.whats.push_back(t.what);
        pending_.sizes.push_back(static_cast<std::uint32_t>(t.text.size()));
        pending_.bytes.append(t.text);
    }
    pending_key_ = key;
    return nullptr;
}

std::shared_ptr<WrittenChoice> KeptChoices::keep(Choice choice) {
    auto written = std::make_shared<WrittenChoice>(std::move(choice));
    Kept& kept = kept_[pending_key_];  // a different table that hashed the same is replaced
    footprint_ -= kept.footprint;
    kept = std::move(pending_);
    kept.choice = written;
    kept.footprint = 0;
    account(kept);
    pending_ = Kept{};
    pending_key_ = 0;
    if (footprint_ > budget) {
        kept_.clear();
        footprint_ = 0;
    }
    return written;
}

}  // namespace holdspace::script
