#pragma once
// What `holdspace report` and `holdspace sync` make of a stored session: its report input, re-scored
// from the stored transcript, and the IRI prefix of its xAPI statements.
#include "records/report.hpp"
#include "records/store.hpp"

#include <string>

namespace holdspace::cli {

// The finished session's report input. When its rubric cannot be loaded the score is left empty and
// `warning` says why.
records::ReportInput report_input(records::Store& store, const records::SessionRow& row, std::string& warning);

// The IRI prefix for xAPI activities and accounts: `requested`, else $HOLDSPACE_XAPI_BASE, else
// https://holdspace.example.org. Throws std::invalid_argument naming where it came from when it is
// not an absolute http(s) IRI (records::xapi_base_problem): every statement would be rejected.
std::string xapi_base(const std::string& requested = {});

}  // namespace holdspace::cli
