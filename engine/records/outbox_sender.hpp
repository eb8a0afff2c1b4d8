#pragma once
// Delivers the outbox's statements to a StatementSink (the LRS client, or a fake in tests), in
// batches, with retries. Below the front ends: `holdspace sync` uses it, the window could too.
//
// A statement leaves the outbox only when the LRS has acknowledged it: a 200 whose body is the JSON
// array of exactly the ids sent, in order (xAPI 1.0.3). Anything else — HTML from a captive portal,
// an empty body, [], other or fewer ids, a truncated, oversized or too deeply nested answer — leaves
// the batch queued and stops the run with the reason. Transient failures (no answer, timeouts, 429,
// 5xx) are retried with backoff and then left queued for the next run. A 409 Conflict is resolved by
// asking the LRS for each statement: the same statement under the same id counts as delivered (an
// earlier acknowledgement may have been lost on the way), a different one is a rejection, and an
// answer that is not a statement at all stops the run. A batch the LRS refuses as bad is split so that
// one bad statement holds back no other.
#include "records/lrs_client.hpp"
#include "records/store.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace holdspace::records {

struct SendTally;

struct SendOptions {
    int batch = 50;   // statements per request
    int retries = 3;  // further tries of a request that failed transiently
    std::function<void(const std::string&)> note;   // a line of progress for the user (retries, conflicts)
    std::function<void(double seconds)> sleep;      // waits between retries (default: really sleeps)
    std::function<void(const SendTally&)> after_batch;  // called after each batch (progress)
};

// What one run did, statement by statement.
struct SendTally {
    int total = 0;           // pending at the start
    int delivered = 0;       // acknowledged now (including those the LRS already had)
    int already_stored = 0;  // of those, found in the LRS after a 409
    std::vector<std::pair<std::string, std::string>> rejected;  // id, the LRS's reason
    std::string stopped;  // why the run stopped early: the LRS is unreachable, refuses us, or did not acknowledge
};

// Sends `pending` (in order, `options.batch` at a time) and marks in `store` what was delivered, what
// failed and why. Stops at the first batch the LRS neither acknowledged nor answered for
// statement by statement.
SendTally send_statements(Store& store, StatementSink& sink, const std::vector<OutboxItem>& pending,
                          const SendOptions& options);

}  // namespace holdspace::records
