#pragma once
// Spaced repetition for drills: Leitner boxes, the daily drill set and progress per
// skill domain, each a pure function of a trainee's attempt history and "now" (no clock,
// no store, no Lua): the same history and time give the same answer everywhere.
//
// The rules (docs/drills.md, "The schedule"):
// - A drill never tried is new. Its first counted answer puts it in box 1 (poor or fair)
//   or box 2 (good); each later good answer moves it up a box (5 at most), a fair one keeps
//   it where it is, a poor one sends it back to box 1.
// - A drill in box b is due `interval_days[b-1]` days (1, 2, 4, 8, 16) after the day of its
//   last counted answer, so a poorly handled moment comes back the next day.
// - Only the first answer to a drill on a day counts; trying the same moment again
//   that day, after seeing the expert's answer, is practice and moves nothing.
// Days are calendar days of the times given: callers pass times shifted to the trainee's local
// calendar (cli::DrillSession does), so a day ends at the trainee's midnight.
#include "drill/catalogue.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace holdspace::drill {

using Time = std::int64_t;  // seconds since 1970-01-01T00:00:00 (UTC, or on a local calendar)
using Day = std::int64_t;   // days since 1970-01-01

// "2025-03-10T09:30:00Z" (the record store's answered_at); none when it is not that form.
std::optional<Time> parse_utc(std::string_view text);
std::string format_utc(Time t);  // "2025-03-10T09:30:00Z"
std::string format_day(Day day);  // "2025-03-10"
Day day_of(Time t);
Day week_of(Day day);  // the Monday the day's week starts on

struct Attempt {
    std::string drill, domain;
    std::string judgement;  // the scorer's: expert, good, acceptable, poor (actions: helpful, harmful)
    double score = 0;       // 0-100
    Time at = 0;
};

enum class Outcome { poor, fair, good };
// From the judgement; an unknown judgement by score (>= 75 good, >= 40 fair).
Outcome outcome_of(const std::string& judgement, double score);
const char* outcome_name(Outcome outcome);

constexpr int box_count = 5;
constexpr int interval_days[box_count] = {1, 2, 4, 8, 16};

struct DrillStatus {
    int box = 0;       // 0: never tried
    int attempts = 0;  // all of them, retries included
    int counted = 0;   // first answers of a day
    Outcome last = Outcome::poor;  // the last counted answer's
    double last_score = 0;
    Day last_day = 0;  // of the last counted answer
    Day due = 0;       // the day it is due again

    bool is_due(Day today) const { return box > 0 && due <= today; }
};
// Every drill in the history, by id (attempts in the order they were made).
std::map<std::string, DrillStatus> drill_status(const std::vector<Attempt>& history);

// The level a trainee works at: the lowest level of the catalogue (as filtered) at which fewer
// than two thirds of the drills have been answered well at least once (box 2 or higher).
Level trainee_level(const std::vector<Drill>& catalogue, const std::vector<Attempt>& history);

struct DailyOptions {
    int count = 10;                     // drills a day
    std::optional<Level> level;         // only this level (otherwise the trainee's, then higher)
    std::optional<std::string> domain;  // only this rubric domain
};

struct Pick {
    std::string drill;
    bool due = false;  // due again (otherwise new)
    int box = 0;
};

// Today's drills: those due first (the lowest box, then the lowest last score, then the longest
// overdue, then catalogue order), then new ones in catalogue order at the trainee's level (then
// any left unseen below it, then the levels above). Drills already answered today count towards
// the day's `count`.
std::vector<Pick> daily_set(const std::vector<Drill>& catalogue, const std::vector<Attempt>& history, Time now,
                            const DailyOptions& options = {});

// Progress per skill domain over time: the mean score of counted answers per day or week.
enum class Period { day, week };
struct ProgressPoint {
    std::string domain;
    Day start = 0;  // the day, or the Monday of the week
    int answers = 0;
    double mean = 0;  // 0-100
};
// Ordered by domain, then time.
std::vector<ProgressPoint> progress(const std::vector<Attempt>& history, Period period);

}  // namespace holdspace::drill
