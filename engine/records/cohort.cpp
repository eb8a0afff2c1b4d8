#include "records/cohort.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace holdspace::records {
namespace {

// Every text cell goes through csv_cell (records/text.hpp): quoted as needed, a would-be formula
// (=, +, -, @, tab, carriage return first) neutralised with a leading ', invalid UTF-8 shown as U+FFFD.
std::string csv_field(const std::string& s) { return csv_cell(repair_utf8(s)); }

std::string one_decimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

}  // namespace

std::string CohortCell::trend(double flat_band) const {
    if (scores.size() < 2) return "";
    const double change = scores.back() - scores[scores.size() - 2];
    if (change > flat_band) return "up";
    if (change < -flat_band) return "down";
    return "flat";
}

const CohortCell* Cohort::cell(const std::string& trainee, const std::string& scenario) const {
    for (const auto& c : cells)
        if (c.trainee == trainee && c.scenario == scenario) return &c;
    return nullptr;
}

Cohort build_cohort(std::vector<CohortSession> sessions) {
    std::sort(sessions.begin(), sessions.end(),
              [](const CohortSession& a, const CohortSession& b) { return a.row.id < b.row.id; });
    std::map<std::pair<std::string, std::string>, CohortCell> cells;
    std::set<std::string> trainees, scenarios;
    for (const auto& s : sessions) {
        const auto& r = s.row;
        trainees.insert(r.trainee);
        scenarios.insert(r.scenario_id);
        CohortCell& c = cells[{r.trainee, r.scenario_id}];
        c.trainee = r.trainee;
        c.scenario = r.scenario_id;
        ++c.attempts;
        if (r.status != "finished") continue;
        ++c.finished;
        if (!r.overall) continue;
        c.scores.push_back(*r.overall);
        c.latest = r.overall;
        c.latest_pass = s.pass;
        c.latest_at = r.started_at;
        c.latest_session = r.id;
    }
    Cohort out;
    out.trainees.assign(trainees.begin(), trainees.end());
    out.scenarios.assign(scenarios.begin(), scenarios.end());
    for (auto& [key, cell] : cells) out.cells.push_back(std::move(cell));
    return out;
}

std::string cohort_csv(const Cohort& cohort) {
    std::ostringstream out;
    out << "trainee,scenario,attempts,finished,latest,pass,trend,best,scores,latest_at\r\n";
    for (const auto& c : cohort.cells) {
        std::string scores;
        for (const double s : c.scores) scores += (scores.empty() ? "" : ";") + one_decimal(s);
        const std::string best = c.scores.empty() ? "" : one_decimal(*std::max_element(c.scores.begin(), c.scores.end()));
        const std::string pass = !c.latest_pass ? "" : *c.latest_pass ? "1" : "0";
        out << csv_field(c.trainee) << "," << csv_field(c.scenario) << "," << c.attempts << "," << c.finished << ","
            << (c.latest ? one_decimal(*c.latest) : "") << "," << pass << "," << c.trend() << "," << best << ","
            << scores << "," << csv_field(c.latest_at) << "\r\n";
    }
    return out.str();
}

Json cohort_json(const Cohort& cohort) {
    Json cells = Json::array();
    for (const auto& c : cohort.cells)
        cells.push_back({{"trainee", c.trainee},
                         {"scenario", c.scenario},
                         {"attempts", c.attempts},
                         {"finished", c.finished},
                         {"scores", c.scores},
                         {"latest", c.latest ? Json(*c.latest) : Json(nullptr)},
                         {"pass", c.latest_pass ? Json(*c.latest_pass) : Json(nullptr)},
                         {"trend", c.trend()},
                         {"latest_session", c.latest_session ? Json(c.latest_session) : Json(nullptr)},
                         {"latest_at", c.latest_at}});
    return {{"trainees", cohort.trainees}, {"scenarios", cohort.scenarios}, {"cells", cells}};
}

}  // namespace holdspace::records
