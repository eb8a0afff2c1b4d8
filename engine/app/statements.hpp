#pragma once
// What a stored session becomes for reports and the learning record store: its report input,
// re-scored from the stored transcript, and its xAPI statements queued in the store's outbox.
#include "records/report.hpp"
#include "records/store.hpp"

#include <string>

namespace holdspace::app {

// The finished session's report input. When its rubric cannot be loaded the score is left empty and
// `warning` says why.
records::ReportInput report_input(records::Store& store, const records::SessionRow& row, std::string& warning);

// The IRI prefix for xAPI activities and accounts: `requested`, else $HOLDSPACE_XAPI_BASE, else
// https://holdspace.example.org. Throws std::invalid_argument naming where it came from when it is
// not an absolute http(s) IRI (records::xapi_base_problem): every statement would be rejected.
std::string xapi_base(const std::string& requested = {});

// Queues a finished session's xAPI statements in the outbox; those already queued (or sent) are left
// alone. Returns how many were new. A session without a score is not queued (its statements would
// say "failed"); `note` then says why.
int queue_session_statements(records::Store& store, const records::SessionRow& row, const std::string& base,
                             std::string& note);

}  // namespace holdspace::app
