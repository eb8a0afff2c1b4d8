#pragma once
// A typed response against the open choice: which option it was heard as, and whether it speaks
// to what the participant just said. Words and codes only, deterministic (docs/coder.md, "Typed play").
#include "sim/scenario.hpp"
#include "sim/trainee_action.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace holdspace {

struct TypedMatch {
    const Option* option = nullptr;  // clear: the option it was heard as; otherwise the one the story follows
    bool clear = false;              // played as that option (its codes are scored)
    bool relevant = false;           // shares content with the participant's last line or an option
    double similarity = 0;           // the best option's wording similarity (Dice over word stems, 0-1)
};

// The content words of a text as crude stems: lower case, letters and digits, the common
// function words left out, each cut to its first five letters ("frightened" and "frightening" meet).
std::vector<std::string> content_stems(std::string_view text);

// Wording similarity of two stem sets: 2|A and B| / (|A| + |B|); 0 when either is empty.
double dice(const std::vector<std::string>& a, const std::vector<std::string>& b);

// Matches `text`, heard as `heard`, to a verbal option of `choice`. Clear when the best option
// shares a code the response was heard as and enough of its wording (with the option's text or any
// of its example phrasings), ahead of the next option, or when the wording is near the option's
// own. Otherwise the story follows the choice's `typed` table (primary code, then "default"), else
// the option nearest by codes, earliest written on a tie.
TypedMatch match_typed(std::string_view text, const Heard& heard, const Choice& choice,
                       std::string_view participant_line);

// The response was heard with one of the option's codes: its primary, or another with p >= 0.5.
bool shares_code(const Heard& heard, const Option& option);

// The codes a typed response is scored by when it is not a clear match: the primary code and any
// other heard with p >= 0.5 (touch is never coded from words).
std::vector<std::string> scored_codes(const Heard& heard);

}  // namespace holdspace
