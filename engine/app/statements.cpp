// What a finished session becomes for reports and the learning record store.
#include "app/statements.hpp"

#include "app/practice.hpp"
#include "records/text.hpp"

#include <cstdlib>
#include <stdexcept>

namespace holdspace::app {

records::ReportInput report_input(records::Store& store, const records::SessionRow& row, std::string& warning) {
    records::ReportInput in;
    in.session = row.id;
    in.trainee = row.trainee;
    in.scenario_id = row.scenario_id;
    in.started_at = row.started_at;
    in.seed = row.seed;
    in.rubric = row.rubric;
    in.digest = row.scenario_digest;
    in.actions = store.actions(row.id);
    in.program = HOLDSPACE_VERSION;
    in.events = store.events(row.id);
    for (const auto& e : in.events)
        if (e.value("type", "") == "start") in.scenario_title = e.value("title", row.scenario_id);
    try {  // re-scored from the stored transcript: the same result as when it was played
        std::string note;
        if (!row.rubric.empty()) {
            const auto rubrics = load_rubrics({row.rubric}, row.rubric, row.scenario_path, note);
            if (rubrics.empty()) warning = note;
            else in.score = scoring::score_json(scoring::score_transcript(rubrics.front(), in.events));
        }
    } catch (const std::exception& e) {
        warning = e.what();
    }
    for (const auto& n : store.annotations(row.id)) in.annotations.push_back({n.event_index, n.author, n.text});
    for (const auto& o : store.overrides(row.id)) in.overrides.push_back({o.event_index, o.score, o.author, o.reason});
    return in;
}

std::string xapi_base(const std::string& requested) {
    if (!requested.empty()) {
        if (const auto problem = records::xapi_base_problem(requested))
            throw std::invalid_argument("the xAPI base IRI: " + *problem);
        return requested;
    }
    const char* configured = std::getenv("HOLDSPACE_XAPI_BASE");
    if (!configured || !*configured) return "https://holdspace.example.org";
    if (const auto problem = records::xapi_base_problem(configured))
        throw std::invalid_argument("HOLDSPACE_XAPI_BASE: " + *problem);
    return configured;
}

int queue_session_statements(records::Store& store, const records::SessionRow& row, const std::string& base,
                             std::string& note) {
    std::string warning;
    const auto input = report_input(store, row, warning);
    if (!input.score.contains("overall")) {
        note = "session " + std::to_string(row.id) + " has no score" + (warning.empty() ? "" : " (" + warning + ")") +
               "; its xAPI statements are not queued";
        return 0;
    }
    return store.queue_statements(row.id, records::xapi_statements(input, base));
}

}  // namespace holdspace::app
