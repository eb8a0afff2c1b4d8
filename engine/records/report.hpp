#pragma once
// Reports of one recorded session: a standalone printable HTML page with inline
// SVG charts, CSV rows for research, and xAPI 1.0.3 statements for a learning
// record store. Pure functions of the recorded data (no clock, no files).
#include "sim/event.hpp"

#include <optional>
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
    // What another machine needs to rebuild the session exactly (docs/supervision.md): the
    // scenario's digest, the actions in order and the program's version, besides id, seed, rubric.
    std::string digest, program;
    std::vector<std::string> actions;
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
// The completed statement carries the replay extension (replay_extension) that `holdspace pull`
// rebuilds the session from.
Json xapi_statements(const ReportInput& input, const std::string& base);

// The extension keys Holdspace's statements carry, under `base`.
std::string replay_extension(const std::string& base);       // on completed: scenario, digest, seed, actions...
std::string supervision_extension(const std::string& base);  // on a note or override: kind, event, score

// The deterministic id of a recorded session's `completed` statement: what supervision refers to.
std::string completed_statement_id(const std::string& trainee, const std::string& scenario_id,
                                   const std::string& started_at, std::int64_t session);

// A supervisor's note (score empty) or score override on a session whose completed statement is
// `session_statement`, as an xAPI statement that refers to it (context.statement): commented by
// the author, at `created_at`, with a deterministic id from what it says.
struct Supervision {
    std::string session_statement;
    int event_index = 0;
    std::string author, text, created_at;  // text: the note, or the override's reason
    std::optional<double> score;            // an override's score, 0-100
};
Json supervision_statement(const Supervision& s, const std::string& base);

}  // namespace holdspace::records
