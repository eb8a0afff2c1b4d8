#pragma once
// Pulling from a learning record store (docs/supervision.md): the LRS is the record trainees and
// supervisors share. A finished session's `completed` statement carries what rebuilds it (scenario
// id and digest, seed, actions, rubric, program version); pull fetches those statements with the
// standard query API, replays each against this machine's scenario library and stores it, marked
// as pulled. Supervisors' notes and overrides travel back the same way, as statements that refer
// to the session's completed statement, and land on the session they refer to, local or pulled.
#include "records/lrs_client.hpp"
#include "records/store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace holdspace::app {

struct PullOptions {
    std::string lrs;      // the endpoint as shown (no credentials): kept with each pulled session
    std::string trainee;  // only this trainee's sessions (notes on any session here still come home)
    std::string since;    // ISO 8601: statements stored after it; empty: where the last pull stopped
    std::string base;     // the xAPI base IRI (xapi_base)
    int page_size = 100;  // statements asked for per request (xAPI `limit`)
    int max_pages = 1000; // per stream and pull: a LRS that never stops paging is left, said so
    std::vector<std::string> scenario_roots;  // where scenarios are looked up by id (library.hpp)
    std::function<void(const std::string&)> progress;  // one line per page, for a terminal
};

struct PullSkip {
    std::string statement, trainee, scenario;
    std::string reason;  // "scenario not in the local library", "the scenario differs...", ...
};

struct PullResult {
    int sessions = 0;     // sessions stored
    int notes = 0;        // notes and overrides stored
    int already = 0;      // statements already here (a second pull adds nothing)
    int pages = 0;
    std::vector<PullSkip> skipped;
    std::string error;    // why the pull stopped early (the LRS's answer, a broken `more` link...); empty when it finished
};

// Pulls. Every session and note is stored as it is handled and the cursor moves after it, so a pull
// that is killed goes on where it stopped; nothing is stored twice. Never throws for what the LRS
// answers; a store that fails throws StoreError.
PullResult pull(records::Store& store, records::StatementSource& lrs, const PullOptions& options);

// Queues, in the outbox, the statements that carry a pulled session's notes and overrides back to
// its LRS (each once; `holdspace sync` sends them). Returns how many were new.
int queue_supervision(records::Store& store, const records::SessionRow& row, const std::string& base);

}  // namespace holdspace::app
