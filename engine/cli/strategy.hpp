#pragma once
// Ways to answer every choice without the skill: the test-wise strategies a trainee could use
// to game a scenario (docs/scoring.md, "Validity"), and the scenario's own answer key. Each picks
// from the choice exactly as the trainee sees it (shuffled), by position, length or form, never
// by what the participant needs. `holdspace autoplay --policy NAME` plays one; `holdspace check
// --validity` plays them all and fails a scenario that any of them passes.
#include "sim/scenario.hpp"
#include "sim/trainee_action.hpp"

#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace holdspace::cli {

struct Strategy {
    enum class Pick {
        first,       // the first option shown
        last,        // the last option shown
        longest,     // the longest spoken option
        shortest,    // the shortest spoken option
        median,      // the spoken option of median length
        hold,        // silence: hold space every time
        reflection,  // an option coded as a reflection (else the first shown)
        question,    // an option coded as a question (else the first shown)
        expert,      // the scenario's answer key: its expert option
        say,         // type the same stock phrase at every choice (`phrase`)
    };
    Pick pick = Pick::expert;
    std::string phrase;         // for say
    bool vitals_first = false;  // "+vitals": check vitals before every answer
    std::string name;           // as typed: "longest", "hold+vitals"
};

// "longest", "first+vitals", "expert"...; nothing for an unknown name.
std::optional<Strategy> strategy_by_name(const std::string& name);
// The stock phrases a test-wise trainee could type at every choice: "say-hard" is "It sounds like
// that's really hard for you.", and so on (docs/scoring.md, "Validity").
const std::vector<std::pair<std::string, std::string>>& stock_phrases();

// Every strategy name, test-wise ones first, then "expert".
std::vector<std::string> strategy_names();
// The test-wise strategies check --validity plays: each pick but expert, plain and with +vitals.
std::vector<Strategy> test_wise_strategies();

// The answer `strategy` gives to `choice` (its options in the order shown).
TraineeAction strategy_answer(const Strategy& strategy, const Choice& choice);

// Characters (UTF-8 code points) of a text: how long an option looks.
std::size_t text_length(const std::string& text);

}  // namespace holdspace::cli
