#pragma once
// A trainee's recorded sessions as the curriculum shows them: each with its score and pass, and
// where the trainee stands with each scenario.
#include "records/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace holdspace::app {

// A session in the record store (<data>/holdspace.db, the same store as `holdspace sessions`).
struct SavedSession {
    std::int64_t id = 0;
    std::string scenario_path, scenario_id, title;  // title: from the transcript, else the id
    std::uint64_t seed = 0;
    std::size_t actions = 0;
    bool finished = false;  // finished or closed: not offered for resuming
    std::string started_at;
    std::optional<double> overall;  // the stored score, when finished and scored
    bool passed = false;            // by the rubric it was scored under
};
// Where a trainee stands with one scenario of the curriculum: never begun, tried, or passed.
struct ScenarioProgress {
    int finished = 0;               // finished, scored sessions
    std::optional<double> best;     // best overall score among them
    bool passed = false;            // any of them passed
};
ScenarioProgress progress_of(const std::vector<SavedSession>& sessions, const std::string& scenario_id);
// The trainee's sessions in the store, newest first.
std::vector<SavedSession> list_sessions(records::Store& store, const std::string& trainee);

// Session records from before the store (<data>/sessions/<trainee>/*.jsonl) are imported into
// the store once - actions, and the transcript and score when finished - and the file is kept,
// renamed *.imported. Returns how many were imported; a record that cannot be read is left as it is.
int import_jsonl_records(records::Store& store, const std::string& dir, const std::string& trainee,
                         std::string& error);

// A name safe as a folder: letters, digits, '-', '_' and '.'; others become '_'.
std::string trainee_folder(const std::string& name);

}  // namespace holdspace::app
