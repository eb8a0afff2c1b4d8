// `holdspace pull`: sessions, notes and overrides from a learning record store into the local
// store (app/pull.hpp does the work). Everything shown from the LRS is printable, and a password
// written into --lrs is never shown.
#include "cli/commands.hpp"
#include "cli/sync.hpp"

#include "app/library.hpp"
#include "app/pull.hpp"
#include "app/statements.hpp"
#include "records/lrs_client.hpp"
#include "records/text.hpp"

#include <iostream>
#include <unistd.h>

namespace holdspace::cli {

int pull(const PullCommandOptions& options) {
    const LrsLogin login = lrs_login(options.lrs, options.user, options.password);
    if (!login.problem.empty()) {
        std::cerr << "holdspace pull: " << login.problem << "\n";
        return exit_usage;
    }
    app::PullOptions pull;
    try {
        pull.base = app::xapi_base(options.base);
    } catch (const std::invalid_argument& e) {
        std::cerr << "holdspace pull: " << e.what() << "\n";
        return exit_usage;
    }
    pull.lrs = login.shown;
    pull.trainee = options.trainee;
    pull.since = options.since;
    pull.page_size = options.page_size;
    pull.scenario_roots = app::scenario_roots();
    if (!options.json && ::isatty(STDERR_FILENO))
        pull.progress = [](const std::string& line) { std::cerr << "holdspace pull: " << line << "\n"; };
    try {
        records::Store store(app::store_path(options.data_dir));
        records::LrsConfig config{login.url, login.user, login.password, options.timeout};
        config.max_reply_bytes = 16u << 20;  // a page of sessions with their actions
        records::LrsClient lrs(config);
        const app::PullResult r = app::pull(store, lrs, pull);
        if (options.json) {
            Json skipped = Json::array();
            for (const auto& s : r.skipped)
                skipped.push_back({{"statement", s.statement}, {"trainee", s.trainee}, {"scenario", s.scenario}, {"reason", s.reason}});
            std::cout << records::json_text(Json{{"lrs", login.shown},
                                                 {"sessions", r.sessions},
                                                 {"notes", r.notes},
                                                 {"already", r.already},
                                                 {"pages", r.pages},
                                                 {"skipped", skipped},
                                                 {"error", r.error}})
                      << "\n";
        } else {
            std::cout << "pulled from " << login.shown << ": " << r.sessions << " session" << (r.sessions == 1 ? "" : "s") << ", "
                      << r.notes << " note" << (r.notes == 1 ? "" : "s") << " or override" << (r.notes == 1 ? "" : "s")
                      << "; " << r.already << " already here\n";
            for (const auto& s : r.skipped)
                std::cout << "  skipped " << s.statement << " (" << (s.trainee.empty() ? "?" : s.trainee) << ", "
                          << (s.scenario.empty() ? "?" : s.scenario) << "): " << s.reason << "\n";
            if (!r.error.empty()) std::cerr << "holdspace pull: stopped: " << records::printable(r.error, 400) << "\n";
        }
        return r.error.empty() ? exit_ok : exit_failed;
    } catch (const std::exception& e) {
        std::cerr << "holdspace pull: " << records::printable(e.what(), 400) << "\n";
        return exit_failed;
    }
}

}  // namespace holdspace::cli
