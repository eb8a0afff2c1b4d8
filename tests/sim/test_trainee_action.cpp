#include "sim/trainee_action.hpp"

#include <doctest/doctest.h>

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
