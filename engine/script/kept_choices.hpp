#pragma once
// The choices s:choose has read, kept so that one offered again is compared with what was read
// rather than read again (see kept_choices.cpp).
#include "sim/choice.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

struct lua_State;

namespace holdspace::script {

// The fields s:choose reads, of its table and of each option: its upvalues hold their names, in this
// order. `t` is not read: it is a key of the table s:choose returns.
enum class ChooseField { id = 1, action, text, rationale, expert, codes, examples, prompt, moment, flags, typed, t };

class KeptChoices {
public:
    // This thread's: the sessions a thread runs share them, without a lock.
    static KeptChoices& here();

    // From within s:choose (whose upvalues name the fields): the choice kept for the table at
    // `table` (an absolute index) offered from `line`, when one was kept from a table written the
    // same. Looks only at a table and options without metatables, reading them raw: so nothing the
    // scenario wrote runs and nothing is allocated in Lua, and looking changes nothing it can see.
    std::shared_ptr<WrittenChoice> find(lua_State* L, int table, int line);
    // Whether the choice find() was last asked for, and did not find, may be kept.
    bool keepable() const { return pending_key_ != 0; }
    // Keeps that choice, as s:choose read it from that table; keepable() must be true.
    std::shared_ptr<WrittenChoice> keep(Choice choice);

    std::size_t size() const { return kept_.size(); }

private:
    struct Kept {
        std::string form;  // the written form, the line of the call first (written_form)
        std::shared_ptr<WrittenChoice> choice;
        std::size_t footprint = 0;  // what it counts against the budget, its orders made included
    };

    bool written_form(lua_State* L, int table, int line);
    void account(Kept& kept);

    std::unordered_map<std::uint64_t, Kept> kept_;
    // The written form of the table find() was last asked for: the first form_size_ bytes of form_.
    std::string form_;
    std::size_t form_size_ = 0;
    std::string pending_;  // that form, when it was not found, until it is kept
    std::uint64_t pending_key_ = 0;
    std::size_t footprint_ = 0;
};

}  // namespace holdspace::script
