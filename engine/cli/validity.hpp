#pragma once
// Assessment validity (docs/scoring.md, "Validity"): does a scenario's score need the skill?
// Two measures, both by playing the scenario:
//   cues      - how the expert option's length compares with the others' at each scored moment,
//               over every choice point exploration saw (a trainee who picks the longest answer
//               must not find the expert that way);
//   strategies - every test-wise strategy (strategy.hpp) on a run of seeds must fail, and the
//               answer key (the expert option at every choice) must pass on every seed of a
//               longer run, with each expert answer judged expert.
#include "cli/explore.hpp"

#include <optional>
#include <string>
#include <vector>

namespace holdspace::cli {

// Past these, `holdspace check` warns: the expert is the longest (or the shortest) spoken option
// at more than this share of a scenario's scored moments, or its mean length is outside this
// ratio of the other options' mean.
constexpr double cue_share_limit = 0.4;
constexpr double cue_length_ratio_high = 1.25;
constexpr double cue_length_ratio_low = 0.8;

struct LengthCues {
    int moments = 0;           // scored moments with an expert and at least two spoken options
    int expert_longest = 0;    // of them, where the expert is the longest (ties included)
    int expert_shortest = 0;   // ... the shortest (ties included)
    double expert_mean = 0;    // characters
    double others_mean = 0;
    double longest_share() const { return moments ? double(expert_longest) / moments : 0; }
    double shortest_share() const { return moments ? double(expert_shortest) / moments : 0; }
    double ratio() const { return others_mean > 0 ? expert_mean / others_mean : 1; }
    // Why it is a cue, or nothing when within the limits.
    std::optional<std::string> problem() const;
};
LengthCues length_cues(const explore::Catalog& catalog);

struct StrategyOutcome {
    std::string strategy;
    int seeds = 0, passed = 0;
    double mean = 0, best = 0;
    std::optional<std::size_t> example;  // index into paths of a passing run (or the best one)
    std::vector<explore::PathResult> paths;
};

struct Validity {
    std::vector<StrategyOutcome> test_wise;
    StrategyOutcome expert;
    std::vector<std::string> expert_failures;  // "seed N: why", the first few
    std::vector<std::pair<std::uint64_t, std::vector<std::string>>> failing_expert_runs;  // seed, actions
    // Problems found: a passing strategy, a failing or misjudged expert path.
    std::vector<std::string> problems;
};

constexpr int validity_strategy_seeds = 10;
constexpr int validity_expert_seeds = 100;

// Plays the strategies from settings.seed. The source needs its rubric.
Validity assess_validity(const explore::Source& source, explore::Catalog& catalog, const explore::Settings& settings,
                         int strategy_seeds = validity_strategy_seeds, int expert_seeds = validity_expert_seeds);

Json validity_json(const Validity& v, const LengthCues& cues);

}  // namespace holdspace::cli
