#pragma once
// What the coder sees of an utterance: the same feature strings at training and at coding time.
// Words, word pairs and triples (lower-cased, apostrophes normalised), the utterance's opening words
// with fillers ("um", "so", "okay") stripped, and the features a clinician would name: a question
// form (a question mark, a wh-word or an inverted auxiliary at the start), reflection stems ("it
// sounds like", "you're feeling"), advice verbs, reassurance phrases, first-person disclosure,
// asking permission. The participant's last line and the session's phase add a few context features.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace holdspace::coder {

struct Context {
    std::string participant;  // the participant's last line ("" when unknown)
    std::string phase;        // preparation, medicine, integration, or "" when unknown
};

// Utterances longer than this are coded on their first max_utterance_bytes bytes (cut at a
// character boundary), so a 1 MB line costs what a long paragraph costs.
constexpr std::size_t max_utterance_bytes = 2000;
constexpr std::size_t max_tokens = 120;

// Lower-cased word tokens; "?" is kept as its own token. Bytes >= 0x80 count as letters, so
// other scripts tokenise into words too.
std::vector<std::string> tokenize(std::string_view text);

// The feature strings of an utterance in its context, sorted and without duplicates.
std::vector<std::string> features(std::string_view utterance, const Context& context);

}  // namespace holdspace::coder
