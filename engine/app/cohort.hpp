#pragma once
// The cohort from the record store, as `holdspace cohort` and the window's cohort view show it.
#include "records/cohort.hpp"
#include "records/store.hpp"

#include <string>

namespace holdspace::app {

// Every session in the store, each finished one's pass or fail re-scored from its stored
// transcript under its stored rubric (the same result as when it was played). A rubric that
// no longer loads leaves those sessions' pass unknown and says so in `note`.
records::Cohort load_cohort(records::Store& store, std::string& note);

// The same pass or fail for some rows (as `holdspace sessions` and the window's review list show
// them): none for a session not finished, or whose rubric or transcript no longer loads.
std::vector<records::CohortSession> judge_sessions(records::Store& store, std::vector<records::SessionRow> rows,
                                                   std::string& note);

}  // namespace holdspace::app
