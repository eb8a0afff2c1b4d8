#pragma once
// What a scenario offers the trainee at a choice point.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace holdspace {

struct Option {
    std::string id, text, action, rationale;
    std::vector<std::string> codes;
    bool expert = false;
    int written = 0;  // its place in the scenario's s:choose (0-based); the session shows options shuffled
    std::vector<std::string> examples = {};  // other ways to say it, for matching typed responses
};

struct Choice {
    std::string prompt, moment;
    std::vector<std::string> flags;  // marks for rubrics, e.g. "suicidal_statement"
    std::vector<Option> options;  // once offered: in the order shown to the trainee (numbers mean this order)
    int line = 0;  // the scenario line of the s:choose call (0 when unknown), for authoring tools
    // Where the story goes after a typed response that matches no option clearly: option ids by
    // the primary code heard, and "default" (docs/scenario-api.md, "Typed responses").
    std::map<std::string, std::string> typed;
    const Option* find(std::string_view id) const;
    const Option* claiming(std::string_view action) const;
};

// A choice as the scenario wrote it (each option's `written` set), and the orders it has been shown
// in. A scenario offers the same few choices session after session, each shown in an order drawn
// from the session's seed: each order is made once and shared by the sessions that draw it.
class WrittenChoice {
public:
    explicit WrittenChoice(Choice choice);
    const Choice& choice() const { return written_; }
    // The choice with its options in `order` (order[k]: the written place of the option shown k-th).
    std::shared_ptr<const Choice> shown_in(std::span<const std::size_t> order);
    std::size_t orders_kept() const { return shown_.size(); }

private:
    Choice written_;
    std::vector<std::pair<std::uint64_t, std::shared_ptr<const Choice>>> shown_;  // by order, 4 bits a place
};

// `choice` with its options taken (moved) in `order`, as WrittenChoice::shown_in makes them.
Choice in_order(Choice&& choice, std::span<const std::size_t> order);

}  // namespace holdspace
