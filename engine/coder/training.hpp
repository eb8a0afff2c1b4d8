#pragma once
// Training the coder (tools/train-coder): reading the corpus, fitting the model, cross-validating.
// Deterministic: one thread, a fixed seed, a fixed order; the same corpus gives the same model file,
// byte for byte.
#include "coder/coder.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace holdspace::coder {

struct Example {
    std::vector<std::string> codes;  // the first is the primary
    std::string text;
    Context context;
    std::string where;  // file:line
};

// Reads every *.tsv under `dir` (sorted by name). Throws std::runtime_error naming file:line for a
// malformed line or an unknown code. Format: docs/coder.md, "Corpus".
std::vector<Example> read_corpus(const std::string& dir);

struct TrainSettings {
    int epochs = 20;
    double rate = 0.4;
    double l2 = 1e-5;
    int min_count = 2;     // features seen in fewer utterances are left out
    double prune = 0.05;   // weights smaller than this are dropped from the model
    std::uint64_t seed = 16;
    bool plain = false;         // words and n-grams only, no clinician or context features (a comparison)
    bool family_heads = false;  // also learn the four families, the primary from the likeliest (tried, not shipped)
    std::string describe() const;
};

// The codes the coder can output: the vocabulary less the ones only the engine assigns (touch).
std::vector<std::string> coder_codes();

Model train(const std::vector<Example>& examples, const TrainSettings& settings);

// A training example as the model sees it: as written, and a second copy without context or
// phase, lower-cased and (for every third) without its final punctuation, so that the model does
// not lean on context or on tidy punctuation it will not always get.
std::vector<Example> augment(const std::vector<Example>& examples);

}  // namespace holdspace::coder
