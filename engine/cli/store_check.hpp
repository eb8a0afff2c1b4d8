#pragma once
// Commands that only read the record store (sessions, report, cohort, sync --status) never create
// one: a --data folder with a typo must say there is no store there, not show an empty one.
#include <string>

namespace holdspace::cli {

// False, after saying on standard error why, when there is no record store in `data_dir` (the
// default folder when empty); `command` names the command ("holdspace sessions").
bool store_exists(const std::string& data_dir, const std::string& command);

}  // namespace holdspace::cli
