#pragma once
// The cohort: every trainee against every scenario they have played, from the record
// store's sessions - the latest overall score, how many attempts, and the trend over
// attempts. Pure data (no SDL, no Lua): the window's cohort view and `holdspace cohort`
// both draw from it.
#include "records/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace holdspace::records {

// A session as the cohort counts it: its row and whether its score passed (none when it is
// not finished or not scored). The pass comes from outside because it needs the rubric's
// pass mark and critical errors, which the row does not hold.
struct CohortSession {
    SessionRow row;
    std::optional<bool> pass;
};

struct CohortCell {
    std::string trainee, scenario;
    int attempts = 0;  // sessions started, finished or not
    int finished = 0;
    std::vector<double> scores;  // the overall score of each scored attempt, oldest first
    std::optional<double> latest;
    std::optional<bool> latest_pass;
    std::string latest_at;  // when the latest scored attempt started (UTC)
    std::int64_t latest_session = 0;

    // "up", "down" or "flat": the latest scored attempt against the one before (within
    // `flat_band` points is flat); "" with fewer than two scored attempts.
    std::string trend(double flat_band = 1.0) const;
};

struct Cohort {
    std::vector<std::string> trainees;   // sorted
    std::vector<std::string> scenarios;  // scenario ids, sorted
    std::vector<CohortCell> cells;       // by trainee, then scenario; only pairs with attempts

    const CohortCell* cell(const std::string& trainee, const std::string& scenario) const;
};

// Sessions in any order; attempts are ordered by session id (the order they were started).
Cohort build_cohort(std::vector<CohortSession> sessions);

// One line per cell: trainee,scenario,attempts,finished,latest,pass,trend,best,scores,latest_at
// (scores separated by ';'). Fields are quoted when they need it (RFC 4180).
std::string cohort_csv(const Cohort& cohort);
Json cohort_json(const Cohort& cohort);

}  // namespace holdspace::records
