#pragma once
// Reports of one recorded session: a standalone printable HTML page with inline
// SVG charts, CSV rows for research, and xAPI 1.0.3 statements for a learning
// record store. Pure functions of the recorded data (no clock, no files).
#include "sim/event.hpp"

#include <string>
#include <vector>

namespace holdspace::records {

struct ReportInput {
    std::int64_t session = 0;
    std::string trainee, scenario_id, scenario_title, started_at, rubric;
    std::uint64_t seed = 0;
    Json events = Json::array();  // the transcript
    Json score = Json::object();  // scoring::score_json
    struct Note {
        int event_index;
        std::string author, text;
    };
    std::vector<Note> annotations;
    struct Override {  // a supervisor's score for one moment, beside the automatic one
        int event_index;
        double score;
        std::string author, reason;
    };
    std::vector<Override> overrides;  // oldest first; the latest for a moment counts
};

// Escapes text for HTML element content and attribute values.
std::string html_escape(const std::string& text);

std::string html_report(const ReportInput& input);

// One row per scored moment; `pseudonym` replaces the trainee ID when non-empty.
std::string csv_report(const ReportInput& input, const std::string& pseudonym = {});
// A stable pseudonym for a trainee ID under a secret salt (FNV-1a, hex).
std::string pseudonymise(const std::string& trainee, const std::string& salt);

// xAPI 1.0.3 statements: launched, each scored moment (responded), completed, and passed or failed.
// `base` is the IRI prefix for activities and accounts, e.g. "https://training.example.org/holdspace".
Json xapi_statements(const ReportInput& input, const std::string& base);

}  // namespace holdspace::records
