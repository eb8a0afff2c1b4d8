#include "app/scenario_trust.hpp"

#include "app/scenario_digest.hpp"
#include "app/library.hpp"
#include "script/lua_scenario.hpp"

#include <filesystem>

namespace holdspace::app {
namespace {

namespace fs = std::filesystem;

// The real path (links and .. resolved as far as the path exists), or empty when it cannot be had.
fs::path real_path(const fs::path& p) {
    std::error_code ec;
    const fs::path absolute = fs::absolute(p, ec);
    if (ec) return {};
    fs::path real = fs::weakly_canonical(absolute, ec);
    if (ec) return {};
    return real;
}

bool inside(const fs::path& file, const fs::path& folder) {
    if (folder.empty()) return false;
    auto f = file.begin();
    for (auto d = folder.begin(); d != folder.end(); ++d, ++f) {
        if (d->empty()) continue;  // a trailing separator
        if (f == file.end() || *f != *d) return false;
    }
    return f != file.end();
}

}  // namespace

std::vector<std::string> trusted_scenario_roots(const std::string& record_path) {
    std::vector<std::string> roots = scenario_roots();
    if (!record_path.empty()) {
        const fs::path folder = fs::path(record_path).parent_path();
        roots.push_back(folder.empty() ? std::string(".") : folder.string());
    }
    return roots;
}

std::string untrusted_scenario_reason(const std::string& scenario, const std::vector<std::string>& roots) {
    if (fs::path(scenario).extension() != ".lua") return "it is not a scenario file (.lua)";
    const fs::path real = real_path(scenario);
    if (real.empty()) return "its location cannot be resolved";
    for (const auto& root : roots) {
        std::error_code ec;
        if (!fs::is_directory(root, ec)) continue;
        if (inside(real, real_path(root))) return {};
    }
    return "it is outside the scenario library and the record's folder";
}

ResumeCheck check_resumed_scenario(records::Store& store, const records::SessionRow& row, bool scenario_changed_ok) {
    const std::string& path = row.scenario_path;
    const std::string session = "session " + std::to_string(row.id);
    if (fs::path(path).extension() != ".lua")
        return {ResumeCheck::Verdict::refused, session + " names " + path + ", which is not a scenario file (.lua)"};
    std::string source;
    try {
        source = script::read_text_file(path);  // bounded; the reason never quotes the file
    } catch (const std::exception& e) {
        return {ResumeCheck::Verdict::refused, session + ": " + e.what()};
    }
    if (row.scenario_digest.empty()) return {};  // kept before digests were recorded: nothing to compare
    const std::string now = scenario_digest(source, path);
    if (now == row.scenario_digest) return {};
    if (!scenario_changed_ok)
        return {ResumeCheck::Verdict::changed,
                session + ": its scenario " + path + " ('" + row.scenario_id +
                    "') has changed since the session was recorded (or a module it requires has); its answers "
                    "would be replayed against other text and scored as one session. Start a new session, or "
                    "resume anyway with --scenario-changed (the session is then marked)"};
    const std::string note = "Resumed with --scenario-changed: the scenario (or a module it requires) changed after " +
                             std::to_string(store.actions(row.id).size()) +
                             " actions were recorded (digest " + row.scenario_digest + ", now " + now +
                             "); the transcript and score mix two versions of the scenario.";
    try {
        store.annotate(row.id, 0, "holdspace", note);
    } catch (const std::exception& e) {
        return {ResumeCheck::Verdict::refused, session + ": cannot mark the session: " + e.what()};  // never go on unmarked
    }
    return {ResumeCheck::Verdict::marked, session + ": the scenario has changed since it was recorded; going on "
                                                    "as asked (--scenario-changed), and the session is marked"};
}

}  // namespace holdspace::app
