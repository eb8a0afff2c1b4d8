#include "records/outbox_sender.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace holdspace::records {
namespace {

std::vector<std::string> ids_of(const std::vector<OutboxItem>& items) {
    std::vector<std::string> ids;
    for (const auto& item : items) ids.push_back(item.id);
    return ids;
}

class Sender {
public:
    Sender(Store& store, StatementSink& sink, const SendOptions& options, SendTally& tally)
        : store_(store), sink_(sink), options_(options), tally_(tally) {}

    // Delivers one batch; returns false when the run should stop (the tally says why).
    bool deliver(const std::vector<OutboxItem>& batch, bool conflict_retry = false) {
        const auto response = post_with_retries(batch);
        if (response.ok()) {
            // Only xAPI's acknowledgement says the statements were stored. A 200 with anything else
            // (a captive portal's page, an empty body, other ids) says nothing: they stay queued.
            const std::string problem = acknowledgement_problem(response, ids_of(batch));
            if (!problem.empty()) return stop(batch, problem + "; not acknowledged, kept queued");
            sent(batch);
            return true;
        }
        if (response.transient()) return stop(batch, response.describe() + retry_note());
        if (response.status == 409) return resolve_conflict(batch, response, conflict_retry);
        if ((response.status == 400 || response.status == 413) && batch.size() > 1) {
            // Find the statements the LRS objects to; the others go through.
            const auto middle = batch.begin() + static_cast<std::ptrdiff_t>(batch.size() / 2);
            return deliver(std::vector<OutboxItem>(batch.begin(), middle)) &&
                   deliver(std::vector<OutboxItem>(middle, batch.end()));
        }
        if (response.status == 400 || response.status == 413) {
            reject(batch.front(), response.describe());
            return true;
        }
        if (response.too_large) return stop(batch, response.describe());
        // 401, 403, 404, a redirect...: the credentials or the endpoint are wrong; every batch would fail alike.
        return stop(batch, response.describe() + " (check --lrs, --user and the password)");
    }

private:
    LrsResponse post_with_retries(const std::vector<OutboxItem>& batch) {
        Json statements = Json::array();
        for (const auto& item : batch) statements.push_back(item.statement);
        return with_retries([&] { return sink_.post_statements(statements); });
    }

    void note(const std::string& line) const {
        if (options_.note) options_.note(line);
    }

    template <class Request>
    LrsResponse with_retries(Request request) {
        auto response = request();
        for (int attempt = 1; attempt <= options_.retries && response.transient(); ++attempt) {
            // Exponential backoff, or the LRS's own Retry-After when it gives one (within reason).
            double wait = static_cast<double>(1 << std::min(attempt - 1, 5));
            if (response.retry_after >= 0) wait = std::min(response.retry_after, 60.0);
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, "%g", wait);
            note(response.describe() + "; retrying in " + seconds + " s (" + std::to_string(attempt) + " of " +
                 std::to_string(options_.retries) + ")");
            if (options_.sleep) options_.sleep(wait);
            else std::this_thread::sleep_for(std::chrono::duration<double>(wait));
            response = request();
        }
        return response;
    }

    std::string retry_note() const {
        return options_.retries > 0 ? " (tried " + std::to_string(options_.retries + 1) + " times)" : "";
    }

    // 409: the LRS already has a statement with one of these ids. xAPI accepts the same statement again
    // but not a different one under the same id; which is it, for each?
    bool resolve_conflict(const std::vector<OutboxItem>& batch, const LrsResponse& conflict, bool conflict_retry) {
        note(conflict.describe() + "; comparing the batch with what the LRS holds");
        std::vector<OutboxItem> missing;
        for (const auto& item : batch) {
            const auto found = with_retries([&] { return sink_.get_statement(item.id); });
            if (found.status == 404 && !found.too_large) {
                missing.push_back(item);
                continue;
            }
            const std::string checking = "checking statement " + item.id + " after " + conflict.describe() + ": ";
            if (!found.ok() || found.status != 200) return stop({item}, checking + found.describe());
            Json stored;
            const std::string problem = statement_problem(found.body, item.id, stored);
            // An answer that is not the statement asked for is no evidence either way.
            if (!problem.empty()) return stop({item}, checking + "HTTP 200 but " + problem);
            if (same_statement(item.statement, stored)) {
                sent({item});
                ++tally_.already_stored;
            } else {
                reject(item, conflict.describe() + "; the LRS holds a different statement with this id");
            }
        }
        if (missing.empty()) return true;
        if (conflict_retry) {
            // The LRS still says conflict for statements it does not show: nothing more to learn here.
            for (const auto& item : missing) reject(item, conflict.describe());
            return true;
        }
        return deliver(missing, true);  // the batch was refused whole; send the rest again
    }

    void sent(const std::vector<OutboxItem>& items) {
        store_.mark_sent(ids_of(items));
        tally_.delivered += static_cast<int>(items.size());
    }

    void reject(const OutboxItem& item, const std::string& reason) {
        store_.mark_failed({item.id}, reason);
        tally_.rejected.emplace_back(item.id, reason);
    }

    bool stop(const std::vector<OutboxItem>& items, const std::string& reason) {
        store_.mark_failed(ids_of(items), reason);
        tally_.stopped = reason;
        return false;
    }

    Store& store_;
    StatementSink& sink_;
    const SendOptions& options_;
    SendTally& tally_;
};

}  // namespace

SendTally send_statements(Store& store, StatementSink& sink, const std::vector<OutboxItem>& pending,
                          const SendOptions& options) {
    SendTally tally;
    tally.total = static_cast<int>(pending.size());
    Sender sender(store, sink, options, tally);
    const auto batch = static_cast<std::size_t>(std::max(1, options.batch));
    for (std::size_t at = 0; at < pending.size(); at += batch) {
        const auto end = std::min(pending.size(), at + batch);
        const bool go_on = sender.deliver({pending.begin() + static_cast<std::ptrdiff_t>(at),
                                           pending.begin() + static_cast<std::ptrdiff_t>(end)});
        if (options.after_batch) options.after_batch(tally);
        if (!go_on) break;
    }
    return tally;
}

}  // namespace holdspace::records
