#include "sim/typed_match.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace holdspace {
namespace {

// Function words and fillers that say nothing of the participant's material.
constexpr std::array<std::string_view, 96> stop_words = {
    "a", "about", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "but",
    "by", "can", "could", "did", "do", "does", "doing", "don", "for", "from", "get", "got", "had", "has",
    "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "know", "like", "me", "more", "my", "no", "not", "now", "of", "oh", "ok", "okay", "on", "or", "really",
    "right", "s", "she", "so", "some", "that", "the", "their", "them", "then", "there", "they", "this", "to",
    "um", "uh", "up", "very", "was", "we", "well", "were", "what", "when", "where", "which", "who", "why",
    "will", "with", "would", "yeah", "you", "your", "yours"};

bool is_stop(std::string_view w) { return std::find(stop_words.begin(), stop_words.end(), w) != stop_words.end(); }

double option_similarity(const std::vector<std::string>& typed, const Option& o) {
    double best = dice(typed, content_stems(o.text));
    for (const auto& example : o.examples) best = std::max(best, dice(typed, content_stems(example)));
    return best;
}

double code_affinity(const Heard& heard, const Option& o) {
    double sum = 0;
    for (const auto& [code, p] : heard.codes)
        if (std::find(o.codes.begin(), o.codes.end(), code) != o.codes.end()) sum += p;
    if (heard.corrected && std::find(o.codes.begin(), o.codes.end(), heard.primary) != o.codes.end()) sum += 1;
    return sum;
}

}  // namespace

bool shares_code(const Heard& heard, const Option& o) {
    for (const auto& [code, p] : heard.codes)
        if ((code == heard.primary || p >= 0.5) && std::find(o.codes.begin(), o.codes.end(), code) != o.codes.end())
            return true;
    return std::find(o.codes.begin(), o.codes.end(), heard.primary) != o.codes.end();
}

std::vector<std::string> content_stems(std::string_view text) {
    std::vector<std::string> stems;
    std::string word;
    auto flush = [&] {
        if (word.size() >= 3 && !is_stop(word)) {
            std::string stem = word.substr(0, 5);
            if (std::find(stems.begin(), stems.end(), stem) == stems.end()) stems.push_back(std::move(stem));
        }
        word.clear();
    };
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) word += static_cast<char>(std::tolower(u));
        else flush();
    }
    flush();
    std::sort(stems.begin(), stems.end());
    return stems;
}

double dice(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    if (a.empty() || b.empty()) return 0;
    std::size_t shared = 0;
    for (const auto& s : a) if (std::binary_search(b.begin(), b.end(), s)) ++shared;
    return 2.0 * static_cast<double>(shared) / static_cast<double>(a.size() + b.size());
}

TypedMatch match_typed(std::string_view text, const Heard& heard, const Choice& choice,
                       std::string_view participant_line) {
    constexpr double clear_wording = 0.3;   // with a shared code
    constexpr double near_verbatim = 0.6;   // whatever the codes
    constexpr double margin = 0.08;         // ahead of the next option
    TypedMatch match;
    const auto typed = content_stems(text);
    const Option* best = nullptr;
    double best_similarity = -1, second = 0;
    for (const auto& o : choice.options) {
        if (o.text.empty()) continue;  // a non-verbal option is taken by its key, never by words
        const double s = option_similarity(typed, o);
        if (s > best_similarity) {
            second = std::max(second, best_similarity);
            best_similarity = s;
            best = &o;
        } else {
            second = std::max(second, s);
        }
    }
    match.similarity = std::max(0.0, best_similarity);
    if (best && best_similarity - second >= margin &&
        (best_similarity >= near_verbatim || (best_similarity >= clear_wording && shares_code(heard, *best)))) {
        match.option = best;
        match.clear = true;
    }
    match.relevant = match.clear || dice(typed, content_stems(participant_line)) > 0 || match.similarity >= 0.2;
    if (match.clear) return match;

    // The story goes on along an option: the scenario's own table, else the nearest by codes.
    auto by_id = [&](const std::string& id) -> const Option* { return choice.find(id); };
    if (const auto it = choice.typed.find(heard.primary); it != choice.typed.end()) match.option = by_id(it->second);
    if (!match.option)
        if (const auto it = choice.typed.find("default"); it != choice.typed.end()) match.option = by_id(it->second);
    if (!match.option) {
        double nearest = -1;
        for (const auto& o : choice.options) {
            const double a = code_affinity(heard, o) + (o.text.empty() ? -0.5 : 0);
            if (a > nearest || (a == nearest && match.option && o.written < match.option->written)) {
                nearest = a;
                match.option = &o;
            }
        }
    }
    return match;
}

std::vector<std::string> scored_codes(const Heard& heard) {
    std::vector<std::string> codes;
    auto add = [&](const std::string& c) {
        if (c.empty() || c == "touch_within_consent" || c == "touch_without_consent") return;
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
    };
    add(heard.primary);
    for (const auto& [code, p] : heard.codes)
        if (p >= 0.5) add(code);
    return codes;
}

}  // namespace holdspace
