// WrittenChoice: a choice kept as written, shown in the orders sessions draw.
#include "sim/choice.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <vector>

using namespace holdspace;

namespace {

Choice choice_of(std::size_t n) {
    Choice c;
    c.prompt = "How?";
    c.moment = "m";
    c.flags = {"suicidal_statement"};
    c.line = 12;
    c.typed["default"] = "o0";
    for (std::size_t i = 0; i < n; ++i) {
        Option o;
        o.id = "o" + std::to_string(i);
        o.text = "Option number " + std::to_string(i) + ", long enough not to fit in a short string.";
        o.codes = {"open_question"};
        c.options.push_back(o);
    }
    return c;
}

}  // namespace

TEST_CASE("a written choice is shown in the order asked, each order of up to four options made once") {
    for (std::size_t n = 1; n <= 6; ++n) {
        CAPTURE(n);
        WrittenChoice written(choice_of(n));
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), 0);
        std::size_t orders = 0;
        do {
            const auto shown = written.shown_in(order);
            REQUIRE(shown->options.size() == n);
            for (std::size_t k = 0; k < n; ++k) {
                CHECK(shown->options[k].id == "o" + std::to_string(order[k]));
                CHECK(shown->options[k].written == static_cast<int>(order[k]));
            }
            CHECK(shown->prompt == "How?");
            CHECK(shown->moment == "m");
            CHECK(shown->flags == std::vector<std::string>{"suicidal_statement"});
            CHECK(shown->line == 12);
            CHECK(shown->typed.at("default") == "o0");
            CHECK((written.shown_in(order) == shown) == (n <= 4));  // the same order again: kept or made again
            ++orders;
        } while (std::next_permutation(order.begin(), order.end()));
        CHECK(written.orders_kept() == (n <= 4 ? orders : 0));
    }
}

TEST_CASE("in_order moves a choice's options into the order asked") {
    Choice c = choice_of(3);
    const std::vector<std::size_t> order = {2, 0, 1};
    const Choice shown = in_order(std::move(c), order);
    REQUIRE(shown.options.size() == 3);
    CHECK(shown.options[0].id == "o2");
    CHECK(shown.options[1].id == "o0");
    CHECK(shown.options[2].id == "o1");
    CHECK(shown.prompt == "How?");
}
