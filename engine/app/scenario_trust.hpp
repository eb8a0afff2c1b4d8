#pragma once
// Which scenario files a record or a stored session may make Holdspace load (docs/security.md,
// "A record can read any file" and "Resume ignores edits"). A path the user types (play SCENARIO,
// replay --scenario PATH) is the user's choice and trusted; a path that comes from a record file or
// the store is data, and may name a scenario only inside a scenario root.
#include "records/store.hpp"

#include <string>
#include <vector>

namespace holdspace::app {

// The folders a record may name scenarios in: the scenario library's roots (scenario_roots())
// and the folder tree the record itself is in (`record_path`'s folder; none when empty).
std::vector<std::string> trusted_scenario_roots(const std::string& record_path);

// Why the record-named `scenario` may not be loaded, or "" when it may: it must be a .lua file
// whose real path (links followed) lies inside one of `roots`. The reason never quotes the file.
std::string untrusted_scenario_reason(const std::string& scenario, const std::vector<std::string>& roots);

// Before a stored session's actions are replayed to resume it, its scenario is compared with the
// digest the session keeps. Refused: the stored path is not a scenario file, or cannot be read.
// Changed: the scenario (or a module it requires) changed since (unless `scenario_changed_ok`,
// when the session is marked with a note that `sessions show` and reports show). `message` is
// one line saying why, starting "session N".
struct ResumeCheck {
    enum class Verdict { go_on, marked, changed, refused } verdict = Verdict::go_on;
    std::string message;
    bool ok() const { return verdict == Verdict::go_on || verdict == Verdict::marked; }
};
ResumeCheck check_resumed_scenario(records::Store& store, const records::SessionRow& row, bool scenario_changed_ok);

}  // namespace holdspace::app
