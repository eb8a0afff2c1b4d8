#include "sim/trainee_action.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace holdspace;

TEST_CASE("action lines: option ids and numbers, action names, waits") {
    std::string error;
    auto a = parse_action("  reflect ", error);
    REQUIRE(a);
    CHECK(a->kind == TraineeAction::Kind::option);
    CHECK(a->option == "reflect");
    a = parse_action("3", error);
    REQUIRE(a);
    CHECK(a->option == "3");
    a = parse_action("check_vitals", error);
    REQUIRE(a);
    CHECK(a->kind == TraineeAction::Kind::action);
    CHECK(a->action == ActionKind::check_vitals);
    a = parse_action("wait 12.5", error);
    REQUIRE(a);
    CHECK(a->minutes == 12.5);
    CHECK(a->to_string() == "wait 12.5");
}

TEST_CASE("blank lines and comments are skipped without error") {
    std::string error;
    CHECK_FALSE(parse_action("", error));
    CHECK(error.empty());
    CHECK_FALSE(parse_action("   # the expert path", error));
    CHECK(error.empty());
}

TEST_CASE("bad action lines say what is wrong") {
    std::string error;
    CHECK_FALSE(parse_action("wait", error));
    CHECK(error.find("minutes") != std::string::npos);
    CHECK_FALSE(parse_action("wait -3", error));
    CHECK_FALSE(parse_action("wait 9999", error));
    CHECK_FALSE(parse_action("wait 5x", error));
    CHECK_FALSE(parse_action("Hello there", error));
    CHECK(error.find("'Hello there' is not an option") != std::string::npos);
}

TEST_CASE("a wait written back as records keep it reads back exactly, so a replay waits the same seconds") {
    // Found by tests/fuzz/fuzz_actions: six significant digits turned 'wait 0.02499999'
    // (1 s) into 'wait 0.025' (2 s), and the replay diverged from the session.
    for (const char* line : {"wait 0.02499999", "wait 0.1234567", "wait 599.99999999", "wait 0.001", "wait 10"}) {
        CAPTURE(line);
        std::string error;
        const auto first = parse_action(line, error);
        REQUIRE(first);
        const auto again = parse_action(first->to_string(), error);
        REQUIRE(again);
        CHECK(again->minutes == first->minutes);
        CHECK(std::llround(again->minutes * 60) == std::llround(first->minutes * 60));
    }
    std::string error;
    CHECK(parse_action("wait 10", error)->to_string() == "wait 10");
}
