#pragma once
// Which scenario files a record or a stored session may make Holdspace load (docs/security.md,
// "A record can read any file" and "Resume ignores edits"). A path the user types (play SCENARIO,
// replay --scenario PATH) is the user's choice and trusted; a path that comes from a record file or
// the store is data, and may name a scenario only inside a scenario root.
#include "records/store.hpp"

#include <string>
#include <vector>

namespace holdspace::cli {

// The folders a record may name scenarios in: the scenario library's roots (scenario_roots())
// and the folder tree the record itself is in (`record_path`'s folder; none when empty).
std::vector<std::string> trusted_scenario_roots(const std::string& record_path);

// Why the record-named `scenario` may not be loaded, or "" when it may: it must be a .lua file
// whose real path (links followed) lies inside one of `roots`. The reason never quotes the file.
std::string untrusted_scenario_reason(const std::string& scenario, const std::vector<std::string>& roots);

// Before `resume` replays a stored session's actions: the scenario is compared with the digest
// the session keeps. Returns 0 to go on, or an exit code after printing one line saying why not:
// the scenario changed (unless `scenario_changed_ok`, when the session is marked with a note that
// `sessions show` and reports show), or the stored path is not a scenario file.
int vet_resumed_scenario(records::Store& store, const records::SessionRow& row, bool scenario_changed_ok);

}  // namespace holdspace::cli
