// The drill schedule: Leitner boxes, the daily set and progress, from attempt histories.
#include "drill/schedule.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace holdspace::drill;

namespace {

Time at(const char* iso) {
    const auto t = parse_utc(iso);
    REQUIRE(t);
    return *t;
}

Attempt answer(const std::string& drill, const std::string& judgement, double score, const char* when,
               const std::string& domain = "presence") {
    return {drill, domain, judgement, score, at(when)};
}

Drill make(const std::string& id, Level level, const std::string& domain = "presence") {
    Drill d;
    d.id = id;
    d.title = id;
    d.scenario = "medicine/memory_surfaces";
    d.moment = "onset_anxiety";
    d.level = level;
    d.domain = domain;
    return d;
}

DailyOptions options(int count, std::optional<Level> level = {}, std::optional<std::string> domain = {}) {
    DailyOptions o;
    o.count = count;
    o.level = level;
    o.domain = std::move(domain);
    return o;
}

std::vector<std::string> ids(const std::vector<Pick>& picks) {
    std::vector<std::string> out;
    for (const auto& p : picks) out.push_back(p.drill);
    return out;
}

}  // namespace

TEST_CASE("times: ISO 8601 UTC in and out, days and Monday weeks") {
    CHECK(parse_utc("1970-01-01T00:00:00Z") == 0);
    CHECK(format_utc(at("2024-02-29T23:59:59Z")) == "2024-02-29T23:59:59Z");
    CHECK(format_day(day_of(at("2025-03-10T09:30:00Z"))) == "2025-03-10");
    CHECK_FALSE(parse_utc("2025-03-10 09:30:00"));
    CHECK_FALSE(parse_utc("2025-13-10T09:30:00Z"));
    CHECK_FALSE(parse_utc(""));
    // 2025-03-12 is a Wednesday; its week starts on Monday 2025-03-10, and a Monday is its own start.
    CHECK(format_day(week_of(day_of(at("2025-03-12T12:00:00Z")))) == "2025-03-10");
    CHECK(format_day(week_of(day_of(at("2025-03-10T00:00:00Z")))) == "2025-03-10");
    CHECK(format_day(week_of(day_of(at("2025-03-16T23:00:00Z")))) == "2025-03-10");
    CHECK(format_day(day_of(at("1969-12-31T23:00:00Z"))) == "1969-12-31");
}

TEST_CASE("outcomes follow the scorer's judgement") {
    CHECK(outcome_of("expert", 100) == Outcome::good);
    CHECK(outcome_of("good", 80) == Outcome::good);
    CHECK(outcome_of("acceptable", 50) == Outcome::fair);
    CHECK(outcome_of("poor", 90) == Outcome::poor);  // the judgement wins over the number
    CHECK(outcome_of("", 80) == Outcome::good);
    CHECK(outcome_of("", 10) == Outcome::poor);
}

TEST_CASE("Leitner boxes: good answers climb with growing intervals, a poor one starts again") {
    std::vector<Attempt> h = {answer("a", "expert", 100, "2025-03-01T10:00:00Z")};
    auto s = drill_status(h).at("a");
    CHECK(s.box == 2);
    CHECK(format_day(s.due) == "2025-03-03");

    h.push_back(answer("a", "good", 80, "2025-03-03T10:00:00Z"));
    s = drill_status(h).at("a");
    CHECK(s.box == 3);
    CHECK(format_day(s.due) == "2025-03-07");

    h.push_back(answer("a", "expert", 100, "2025-03-07T10:00:00Z"));
    CHECK(drill_status(h).at("a").box == 4);
    CHECK(format_day(drill_status(h).at("a").due) == "2025-03-15");

    // A fair answer keeps the box; a poor one sends it back to box 1, due the next day.
    h.push_back(answer("a", "acceptable", 55, "2025-03-15T10:00:00Z"));
    CHECK(drill_status(h).at("a").box == 4);
    h.push_back(answer("a", "poor", 10, "2025-03-23T10:00:00Z"));
    s = drill_status(h).at("a");
    CHECK(s.box == 1);
    CHECK(s.last == Outcome::poor);
    CHECK(format_day(s.due) == "2025-03-24");
    CHECK(s.attempts == 5);

    // Box 5 is the top.
    std::vector<Attempt> top;
    for (int day = 1; day <= 9; ++day) {
        const std::string when = "2025-04-0" + std::to_string(day) + "T08:00:00Z";
        top.push_back(answer("b", "expert", 100, when.c_str()));
    }
    CHECK(drill_status(top).at("b").box == box_count);
}

TEST_CASE("trying the same moment again the same day is practice: only the day's first answer counts") {
    const std::vector<Attempt> h = {answer("a", "poor", 5, "2025-03-01T10:00:00Z"),
                                    answer("a", "expert", 100, "2025-03-01T10:02:00Z"),
                                    answer("a", "expert", 100, "2025-03-01T10:04:00Z")};
    const auto s = drill_status(h).at("a");
    CHECK(s.box == 1);
    CHECK(s.attempts == 3);
    CHECK(s.counted == 1);
    CHECK(s.is_due(day_of(at("2025-03-02T07:00:00Z"))));
    CHECK_FALSE(s.is_due(day_of(at("2025-03-01T23:00:00Z"))));
}

TEST_CASE("the daily set: due drills first, poorly handled ones first, then new ones at the trainee's level") {
    const std::vector<Drill> catalogue = {make("b1", Level::beginner),     make("b2", Level::beginner),
                                          make("b3", Level::beginner),     make("i1", Level::intermediate),
                                          make("i2", Level::intermediate), make("a1", Level::advanced)};
    SUBCASE("a new trainee gets the beginner drills in catalogue order, then the next level") {
        const auto set = daily_set(catalogue, {}, at("2025-03-01T09:00:00Z"), options(4));
        CHECK(ids(set) == std::vector<std::string>{"b1", "b2", "b3", "i1"});
        CHECK(std::none_of(set.begin(), set.end(), [](const Pick& p) { return p.due; }));
    }
    SUBCASE("a poorly handled drill comes back the next day, before one that went fairly") {
        const std::vector<Attempt> h = {answer("b2", "acceptable", 60, "2025-03-01T09:00:00Z"),
                                        answer("b3", "poor", 0, "2025-03-01T09:05:00Z"),
                                        answer("b1", "expert", 100, "2025-03-01T09:10:00Z")};
        const auto next_day = daily_set(catalogue, h, at("2025-03-02T09:00:00Z"), options(3));
        REQUIRE(next_day.size() == 3);
        CHECK(ids(next_day) == std::vector<std::string>{"b3", "b2", "i1"});
        CHECK(next_day[0].due);
        CHECK(next_day[0].box == 1);
        CHECK_FALSE(next_day[2].due);
        // b1 went well: due two days later, not the next day.
        const auto later = daily_set(catalogue, h, at("2025-03-03T09:00:00Z"), options(10));
        const auto later_ids = ids(later);
        CHECK(later_ids == std::vector<std::string>{"b3", "b2", "b1", "i1", "i2", "a1"});
    }
    SUBCASE("what was drilled today uses up the day's count") {
        const std::vector<Attempt> h = {answer("b1", "expert", 100, "2025-03-01T09:00:00Z"),
                                        answer("b2", "expert", 100, "2025-03-01T09:05:00Z")};
        const auto set = daily_set(catalogue, h, at("2025-03-01T18:00:00Z"), options(3));
        // Two of three beginner drills went well: the trainee works at the intermediate level now.
        CHECK(ids(set) == std::vector<std::string>{"i1"});
        // A beginner drill left unseen is not stranded: it comes after the new level's, before the next.
        CHECK(ids(daily_set(catalogue, h, at("2025-03-01T18:00:00Z"), options(10))) ==
              std::vector<std::string>{"i1", "i2", "b3", "a1"});
        CHECK(daily_set(catalogue, h, at("2025-03-01T18:00:00Z"), options(2)).empty());
    }
    SUBCASE("a level or a domain narrows the pool") {
        auto mixed = catalogue;
        mixed.push_back(make("a2", Level::advanced, "safety"));
        CHECK(ids(daily_set(mixed, {}, at("2025-03-01T09:00:00Z"), options(10, Level::advanced))) ==
              std::vector<std::string>{"a1", "a2"});
        CHECK(ids(daily_set(mixed, {}, at("2025-03-01T09:00:00Z"), options(10, std::nullopt, "safety"))) ==
              std::vector<std::string>{"a2"});
    }
}

TEST_CASE("the trainee's level rises once two thirds of a level's drills went well") {
    const std::vector<Drill> catalogue = {make("b1", Level::beginner), make("b2", Level::beginner),
                                          make("b3", Level::beginner), make("i1", Level::intermediate)};
    std::vector<Attempt> h;
    CHECK(trainee_level(catalogue, h) == Level::beginner);
    h.push_back(answer("b1", "expert", 100, "2025-03-01T09:00:00Z"));
    h.push_back(answer("b2", "poor", 0, "2025-03-01T09:00:00Z"));
    CHECK(trainee_level(catalogue, h) == Level::beginner);
    h.push_back(answer("b2", "good", 80, "2025-03-02T09:00:00Z"));
    CHECK(trainee_level(catalogue, h) == Level::intermediate);
    h.push_back(answer("i1", "good", 80, "2025-03-02T09:00:00Z"));
    CHECK(trainee_level(catalogue, h) == Level::advanced);
}

TEST_CASE("progress per domain: mean of each day's first answers, by day and by week") {
    const std::vector<Attempt> h = {answer("a", "poor", 20, "2025-03-10T09:00:00Z", "presence"),
                                    answer("a", "expert", 100, "2025-03-10T09:01:00Z", "presence"),  // a retry
                                    answer("b", "good", 80, "2025-03-10T09:05:00Z", "presence"),
                                    answer("c", "expert", 100, "2025-03-12T09:00:00Z", "safety"),
                                    answer("a", "expert", 100, "2025-03-17T09:00:00Z", "presence")};
    const auto days = progress(h, Period::day);
    REQUIRE(days.size() == 3);
    CHECK(days[0].domain == "presence");
    CHECK(format_day(days[0].start) == "2025-03-10");
    CHECK(days[0].answers == 2);
    CHECK(days[0].mean == doctest::Approx(50));
    CHECK(format_day(days[1].start) == "2025-03-17");
    CHECK(days[2].domain == "safety");

    const auto weeks = progress(h, Period::week);
    REQUIRE(weeks.size() == 3);
    CHECK(format_day(weeks[0].start) == "2025-03-10");
    CHECK(format_day(weeks[1].start) == "2025-03-17");
    CHECK(weeks[1].mean == doctest::Approx(100));
    CHECK(progress({}, Period::week).empty());
}

TEST_CASE("duplicate drill ids are reported at the second one's line") {
    auto a = make("x", Level::beginner);
    a.line = 3;
    auto b = make("x", Level::advanced);
    b.line = 9;
    auto c = make("y", Level::advanced);
    c.line = 12;
    const auto problems = duplicate_ids({a, b, c});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 9);
    CHECK(problems[0].message.find("line 3") != std::string::npos);
}
