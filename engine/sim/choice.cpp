#include "sim/choice.hpp"

namespace holdspace {

const Option* Choice::find(std::string_view id) const {
    for (const auto& o : options)
        if (o.id == id) return &o;
    return nullptr;
}

const Option* Choice::claiming(std::string_view action) const {
    for (const auto& o : options)
        if (o.action == action) return &o;
    return nullptr;
}

namespace {

// The orders of a choice of up to four options are kept, each under a key of 4 bits a place: 24 at
// most. A choice of five or more has 120 orders or more, which sessions rarely draw twice: each is
// made when drawn, as the options of a choice not kept are.
constexpr std::size_t most_kept_places = 4;

}  // namespace

WrittenChoice::WrittenChoice(Choice choice) : written_(std::move(choice)) {
    for (std::size_t i = 0; i < written_.options.size(); ++i) written_.options[i].written = static_cast<int>(i);
}

std::shared_ptr<const Choice> WrittenChoice::shown_in(std::span<const std::size_t> order) {
    const bool keyed = order.size() <= most_kept_places;
    std::uint64_t key = 0;
    for (const std::size_t place : order) key = key << 4 | place;
    if (keyed)
        for (const auto& [k, shown] : shown_)
            if (k == key) return shown;
    // Every field but the options copied as written (the options set aside meanwhile), then the
    // options in the order asked.
    std::vector<Option> options = std::move(written_.options);
    Choice shown = written_;
    written_.options = std::move(options);
    shown.options.reserve(order.size());
    for (const std::size_t place : order) shown.options.push_back(written_.options[place]);
    auto made = std::make_shared<const Choice>(std::move(shown));
    if (keyed) shown_.emplace_back(key, made);
    return made;
}

Choice in_order(Choice&& choice, std::span<const std::size_t> order) {
    Choice shown = std::move(choice);
    std::vector<Option> written = std::move(shown.options);
    shown.options.clear();
    shown.options.reserve(order.size());
    for (const std::size_t place : order) shown.options.push_back(std::move(written[place]));
    return shown;
}

}  // namespace holdspace
