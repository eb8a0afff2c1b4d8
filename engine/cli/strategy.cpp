#include "cli/strategy.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace holdspace::cli {
namespace {

using Pick = Strategy::Pick;

constexpr std::array<std::pair<Pick, const char*>, 9> picks = {{
    {Pick::first, "first"},
    {Pick::last, "last"},
    {Pick::longest, "longest"},
    {Pick::shortest, "shortest"},
    {Pick::median, "median"},
    {Pick::hold, "hold"},
    {Pick::reflection, "reflection"},
    {Pick::question, "question"},
    {Pick::expert, "expert"},
}};

constexpr const char* vitals_suffix = "+vitals";

bool has_code(const Option& o, std::initializer_list<const char*> codes) {
    return std::any_of(o.codes.begin(), o.codes.end(), [&](const std::string& c) {
        return std::any_of(codes.begin(), codes.end(), [&](const char* wanted) { return c == wanted; });
    });
}

// The options that say something, in the order shown, with their lengths.
std::vector<std::pair<const Option*, std::size_t>> spoken(const Choice& choice) {
    std::vector<std::pair<const Option*, std::size_t>> out;
    for (const auto& o : choice.options)
        if (!o.text.empty()) out.emplace_back(&o, text_length(o.text));
    return out;
}

}  // namespace

std::size_t text_length(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

const std::vector<std::pair<std::string, std::string>>& stock_phrases() {
    static const std::vector<std::pair<std::string, std::string>> phrases = {
        {"say-hard", "It sounds like that's really hard for you."},
        {"say-more", "Tell me more about that."},
        {"say-feel", "How does that feel?"},
        {"say-safe", "You're safe here."},
    };
    return phrases;
}

std::optional<Strategy> strategy_by_name(const std::string& name) {
    Strategy s;
    s.name = name;
    std::string base = name;
    const std::string suffix = vitals_suffix;
    if (base.size() > suffix.size() && base.compare(base.size() - suffix.size(), suffix.size(), suffix) == 0) {
        s.vitals_first = true;
        base.resize(base.size() - suffix.size());
    }
    for (const auto& [pick, word] : picks)
        if (base == word) {
            s.pick = pick;
            return s;
        }
    for (const auto& [word, phrase] : stock_phrases())
        if (base == word) {
            s.pick = Pick::say;
            s.phrase = phrase;
            return s;
        }
    return std::nullopt;
}

std::vector<std::string> strategy_names() {
    std::vector<std::string> names;
    for (const auto& [pick, word] : picks) {
        names.emplace_back(word);
        names.push_back(std::string(word) + vitals_suffix);
    }
    // The stock phrases go before the answer key, which stays last.
    names.insert(names.end() - 2, {"say-hard", "say-more", "say-feel", "say-safe"});
    return names;
}

std::vector<Strategy> test_wise_strategies() {
    std::vector<Strategy> out;
    for (const auto& [pick, word] : picks) {
        if (pick == Pick::expert) continue;
        out.push_back(*strategy_by_name(word));
        out.push_back(*strategy_by_name(std::string(word) + vitals_suffix));
    }
    for (const auto& [word, phrase] : stock_phrases()) out.push_back(*strategy_by_name(word));
    return out;
}

TraineeAction strategy_answer(const Strategy& strategy, const Choice& choice) {
    const auto first = [&] { return TraineeAction::choose(choice.options.front().id); };
    const auto coded = [&](std::initializer_list<const char*> codes) {
        for (const auto& o : choice.options)
            if (has_code(o, codes)) return TraineeAction::choose(o.id);
        return first();
    };
    const auto by_length = spoken(choice);
    switch (strategy.pick) {
    case Pick::first: return first();
    case Pick::last: return TraineeAction::choose(choice.options.back().id);
    case Pick::hold: return TraineeAction::act(ActionKind::hold_space);
    case Pick::say: return TraineeAction::say(strategy.phrase);
    case Pick::reflection: return coded({"simple_reflection", "complex_reflection"});
    case Pick::question: return coded({"open_question", "closed_question"});
    case Pick::expert:
        for (const auto& o : choice.options)
            if (o.expert) return TraineeAction::choose(o.id);
        return first();
    case Pick::longest:
    case Pick::shortest:
    case Pick::median: {
        if (by_length.empty()) return first();
        auto sorted = by_length;  // stable: among equal lengths the one shown first
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
        const auto& chosen = strategy.pick == Pick::shortest ? sorted.front()
                             : strategy.pick == Pick::median ? sorted[(sorted.size() - 1) / 2]
                                                             : *std::max_element(by_length.begin(), by_length.end(),
                                                                                 [](const auto& a, const auto& b) {
                                                                                     return a.second < b.second;
                                                                                 });
        return TraineeAction::choose(chosen.first->id);
    }
    }
    return first();
}

}  // namespace holdspace::cli
