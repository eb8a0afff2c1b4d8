#pragma once
// `holdspace check` says each option's `examples` at its own choice, as a trainee would type them:
// an example the session does not clearly match to its option sends a trainee who says it down
// another branch, and the author hears of it here first (docs/authoring.md, "Typed responses").
#include "cli/explore.hpp"

#include <string>
#include <vector>

namespace holdspace::cli {

// An example that misleads: heard as a code its option does not carry (typed, it would be scored
// as the option all the same), or, as a paraphrase, closer to another option than to its own.
struct ExampleMiss {
    std::uint32_t point = 0;  // in the catalog
    std::string option, example;
    std::string heard;          // the primary code the coder heard
    std::string matched;        // without itself among the examples, the other option it clearly matched
    bool foreign_code = false;  // heard with none of the option's codes
    std::string option_codes;   // the option's codes, for the message
};

// Reaches each choice point along the first of `paths` that passed through it, then hears every
// example of every option there. Points no path reached are left out; so is a scenario whose
// examples the coder cannot hear (`error` says why).
std::vector<ExampleMiss> probe_examples(const explore::Source& source, explore::Catalog& catalog,
                                        const std::vector<explore::PathResult>& paths, std::string& error);

}  // namespace holdspace::cli
