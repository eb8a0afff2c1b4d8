// The cohort from the record store (cohort.hpp).
#include "app/cohort.hpp"

#include "app/practice.hpp"

#include <map>
#include <optional>

namespace holdspace::app {

records::Cohort load_cohort(records::Store& store, std::string& note) {
    return records::build_cohort(judge_sessions(store, store.sessions(), note));
}

std::vector<records::CohortSession> judge_sessions(records::Store& store, std::vector<records::SessionRow> rows,
                                                   std::string& note) {
    std::map<std::string, std::optional<scoring::Rubric>> rubrics;  // by name; none when it does not load
    std::vector<records::CohortSession> sessions;
    for (auto& row : rows) {
        records::CohortSession s{row, std::nullopt};
        if (row.status == "finished" && row.overall && !row.rubric.empty()) {
            auto [it, fresh] = rubrics.try_emplace(row.rubric);
            if (fresh) {
                try {
                    std::string ignored;
                    it->second = load_rubrics({row.rubric}, row.rubric, row.scenario_path, ignored).front();
                } catch (const std::exception& e) {
                    note += (note.empty() ? "" : "; ") + std::string(e.what()) + " (pass/fail unknown for its sessions)";
                }
            }
            if (it->second) {
                try {  // a session whose transcript is damaged loses its pass/fail, not the cohort
                    s.pass = scoring::score_transcript(*it->second, store.events(row.id)).pass;
                } catch (const std::exception& e) {
                    note += (note.empty() ? "" : "; ") + std::string(e.what()) + " (pass/fail unknown)";
                }
            }
        }
        sessions.push_back(std::move(s));
    }
    return sessions;
}

}  // namespace holdspace::app
