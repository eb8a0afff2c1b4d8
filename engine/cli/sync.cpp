// `holdspace sync`: the outbox to a learning record store, in batches, with retries.
//
// A statement leaves the outbox only when the LRS has acknowledged it. Transient failures (no answer,
// timeouts, 429, 5xx) are retried with backoff and then left queued for the next run. A 409 Conflict
// is resolved by asking the LRS for each statement: the same statement under the same id counts as
// delivered (an earlier acknowledgement may have been lost on the way), a different one is a
// rejection. A batch the LRS refuses as bad is split so that one bad statement holds back no other.
#include "cli/sync.hpp"

#include "cli/commands.hpp"
#include "cli/report_input.hpp"
#include "cli/scenario_session.hpp"
#include "records/lrs_client.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <thread>

namespace holdspace::cli {
namespace {

// What one run did, statement by statement.
struct Tally {
    int total = 0;           // pending at the start
    int delivered = 0;       // acknowledged now (including those the LRS already had)
    int already_stored = 0;  // of those, found in the LRS after a 409
    std::vector<std::pair<std::string, std::string>> rejected;  // id, the LRS's reason
    std::string stopped;  // why the run stopped early: the LRS is unreachable or refuses us
};

class Sender {
public:
    Sender(records::Store& store, records::LrsClient& lrs, const SyncOptions& options, Tally& tally)
        : store_(store), lrs_(lrs), options_(options), tally_(tally) {}

    // Delivers one batch; returns false when the run should stop (the tally says why).
    bool deliver(const std::vector<records::OutboxItem>& batch, bool conflict_retry = false) {
        const auto response = post_with_retries(batch);
        if (response.ok()) {
            sent(batch);
            return true;
        }
        if (response.transient()) return stop(batch, response.describe() + retry_note());
        if (response.status == 409) return resolve_conflict(batch, response, conflict_retry);
        if ((response.status == 400 || response.status == 413) && batch.size() > 1) {
            // Find the statements the LRS objects to; the others go through.
            const auto middle = batch.begin() + static_cast<std::ptrdiff_t>(batch.size() / 2);
            return deliver(std::vector<records::OutboxItem>(batch.begin(), middle)) &&
                   deliver(std::vector<records::OutboxItem>(middle, batch.end()));
        }
        if (response.status == 400 || response.status == 413) {
            reject(batch.front(), response.describe());
            return true;
        }
        // 401, 403, 404...: the credentials or the endpoint are wrong; every batch would fail alike.
        return stop(batch, response.describe() + " (check --lrs, --user and the password)");
    }

private:
    records::LrsResponse post_with_retries(const std::vector<records::OutboxItem>& batch) {
        Json statements = Json::array();
        for (const auto& item : batch) statements.push_back(item.statement);
        return with_retries([&] { return lrs_.post_statements(statements); });
    }

    template <class Request>
    records::LrsResponse with_retries(Request request) {
        auto response = request();
        for (int attempt = 1; attempt <= options_.retries && response.transient(); ++attempt) {
            // Exponential backoff, or the LRS's own Retry-After when it gives one (within reason).
            double wait = static_cast<double>(1 << std::min(attempt - 1, 5));
            if (response.retry_after >= 0) wait = std::min(response.retry_after, 60.0);
            std::cerr << "holdspace sync: " << response.describe() << "; retrying in " << wait << " s (" << attempt
                      << " of " << options_.retries << ")\n";
            std::this_thread::sleep_for(std::chrono::duration<double>(wait));
            response = request();
        }
        return response;
    }

    std::string retry_note() const {
        return options_.retries > 0 ? " (tried " + std::to_string(options_.retries + 1) + " times)" : "";
    }

    // 409: the LRS already has a statement with one of these ids. xAPI accepts the same statement again
    // but not a different one under the same id; which is it, for each?
    bool resolve_conflict(const std::vector<records::OutboxItem>& batch, const records::LrsResponse& conflict,
                          bool conflict_retry) {
        std::cerr << "holdspace sync: " << conflict.describe() << "; comparing the batch with what the LRS holds\n";
        std::vector<records::OutboxItem> missing;
        for (const auto& item : batch) {
            const auto found = with_retries([&] { return lrs_.get_statement(item.id); });
            if (found.status == 404) {
                missing.push_back(item);
            } else if (!found.ok()) {
                return stop({item}, "checking statement " + item.id + " after " + conflict.describe() + ": " +
                                        found.describe());
            } else if (records::same_statement(item.statement, Json::parse(found.body, nullptr, false))) {
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

    void sent(const std::vector<records::OutboxItem>& items) {
        std::vector<std::string> ids;
        for (const auto& item : items) ids.push_back(item.id);
        store_.mark_sent(ids);
        tally_.delivered += static_cast<int>(items.size());
    }

    void reject(const records::OutboxItem& item, const std::string& reason) {
        store_.mark_failed({item.id}, reason);
        tally_.rejected.emplace_back(item.id, reason);
    }

    bool stop(const std::vector<records::OutboxItem>& items, const std::string& reason) {
        std::vector<std::string> ids;
        for (const auto& item : items) ids.push_back(item.id);
        store_.mark_failed(ids, reason);
        tally_.stopped = reason;
        return false;
    }

    records::Store& store_;
    records::LrsClient& lrs_;
    const SyncOptions& options_;
    Tally& tally_;
};

std::string plural(int n, const std::string& word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Queues every finished session not queued yet: those recorded before the outbox existed, by the
// window, or whose queuing at the end of play failed. Returns how many statements were new.
int queue_finished_sessions(records::Store& store, const std::string& base, int& sessions_queued) {
    int added = 0;
    for (const auto id : store.finished_sessions_not_queued()) {
        const auto row = store.session(id);
        if (!row) continue;
        std::string note;
        const int n = queue_session_statements(store, *row, base, note);
        added += n;
        sessions_queued += n > 0;
    }
    return added;
}

// --set-aside ID --reason R and --requeue ID: the store only, no LRS.
int set_aside_or_requeue(const SyncOptions& options) {
    records::Store store(store_path(options.data_dir));
    const bool aside = !options.set_aside.empty();
    const std::string& id = aside ? options.set_aside : options.requeue;
    if (aside ? !store.set_aside(id, options.reason) : !store.requeue(id)) {
        std::cerr << "holdspace sync: " << id
                  << (aside ? " is not a statement waiting to be sent (holdspace sync --status lists them)"
                            : " is not a statement set aside (holdspace sync --status lists them)")
                  << "\n";
        return exit_usage;
    }
    if (aside)
        std::cout << "statement " << id << " set aside: it stays in the store and is not sent (--requeue " << id
                  << " sends it again)\n";
    else
        std::cout << "statement " << id << " is queued again; the next holdspace sync sends it\n";
    return exit_ok;
}

int show_status(records::Store& store, const SyncOptions& options, int queued_now) {
    const auto counts = store.outbox_counts();
    const auto aside = store.set_aside_statements();
    // The reasons pending statements were not delivered, most frequent first, with the statements'
    // ids (what --set-aside takes).
    std::map<std::string, std::vector<std::string>> by_error;
    int attempted = 0;
    for (const auto& item : store.pending_statements(std::numeric_limits<int>::max())) {
        if (!item.last_error.empty()) by_error[item.last_error].push_back(item.id);
        attempted += item.attempts > 0;
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> errors(by_error.begin(), by_error.end());
    std::stable_sort(errors.begin(), errors.end(),
                     [](const auto& a, const auto& b) { return a.second.size() > b.second.size(); });
    if (options.json) {
        Json j = {{"pending", counts.pending}, {"sent", counts.sent}, {"set_aside", Json::array()},
                  {"queued_now", queued_now}, {"errors", Json::array()}};
        for (const auto& [error, ids] : errors)
            j["errors"].push_back({{"error", error}, {"statements", ids.size()}, {"ids", ids}});
        for (const auto& item : aside)
            j["set_aside"].push_back({{"id", item.id}, {"session", item.session}, {"reason", item.last_error}});
        std::cout << j.dump(2) << "\n";
        return exit_ok;
    }
    std::cout << plural(counts.pending, "statement") << " waiting to be sent, " << counts.sent << " sent";
    if (queued_now > 0) std::cout << " (" << queued_now << " queued just now)";
    std::cout << "\n";
    if (attempted > 0) std::cout << attempted << " of those waiting were tried before:\n";
    constexpr std::size_t ids_shown = 5;
    for (const auto& [error, ids] : errors) {
        std::cout << "  " << plural(static_cast<int>(ids.size()), "statement") << ": " << error << "\n";
        for (std::size_t k = 0; k < ids.size() && k < ids_shown; ++k) std::cout << "    " << ids[k] << "\n";
        if (ids.size() > ids_shown) std::cout << "    and " << ids.size() - ids_shown << " more (--json lists all)\n";
    }
    if (!aside.empty()) std::cout << plural(static_cast<int>(aside.size()), "statement") << " set aside, not sent:\n";
    for (const auto& item : aside)
        std::cout << "  " << item.id << "  session " << item.session << "  " << item.last_error << "\n";
    return exit_ok;
}

int show_dry_run(const std::vector<records::OutboxItem>& pending, const SyncOptions& options) {
    const int batches = (static_cast<int>(pending.size()) + options.batch - 1) / options.batch;
    if (options.json) {
        Json j = {{"pending", pending.size()}, {"batches", batches}, {"statements", Json::array()}};
        for (const auto& item : pending) j["statements"].push_back(item.statement);
        std::cout << j.dump(2) << "\n";
        return exit_ok;
    }
    for (const auto& item : pending) {
        const Json& st = item.statement;
        std::cout << item.id << "  session " << item.session << "  "
                  << st.value("/verb/display/en-US"_json_pointer, std::string("?")) << "  "
                  << st.value("/object/id"_json_pointer, std::string("?"));
        if (!item.last_error.empty()) std::cout << "  (last try: " << item.last_error << ")";
        std::cout << "\n";
    }
    std::cout << "would send " << plural(static_cast<int>(pending.size()), "statement") << " in "
              << batches << (batches == 1 ? " batch" : " batches") << (options.lrs.empty() ? "" : " to " + options.lrs)
              << " (dry run: nothing sent)\n";
    return exit_ok;
}

}  // namespace

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

int sync(const SyncOptions& options) {
    if (!options.set_aside.empty() || !options.requeue.empty()) {
        try {
            return set_aside_or_requeue(options);
        } catch (const records::StoreError& e) {
            std::cerr << "holdspace sync: " << e.what() << "\n";
            return exit_usage;
        }
    }
    const bool sending = !options.status && !options.dry_run;
    std::string password = options.password;
    if (password.empty())
        if (const char* env = std::getenv("HOLDSPACE_LRS_PASSWORD")) password = env;
    if (sending) {
        std::string problem;
        if (options.lrs.empty()) problem = "--lrs URL is required (or --status, --dry-run)";
        else if (options.lrs.rfind("http://", 0) != 0 && options.lrs.rfind("https://", 0) != 0)
            problem = "--lrs " + options.lrs + ": not an http:// or https:// URL";
        else if (options.user.empty()) problem = "--user is required";
        else if (password.empty()) problem = "no password: give --password or set HOLDSPACE_LRS_PASSWORD";
        if (!problem.empty()) {
            std::cerr << "holdspace sync: " << problem << "\n";
            return exit_usage;
        }
    }

    try {
        records::Store store(store_path(options.data_dir));
        int sessions_queued = 0;
        const int queued = queue_finished_sessions(store, xapi_base(options.base), sessions_queued);
        if (queued > 0 && !options.json)
            std::cerr << "holdspace sync: queued " << plural(queued, "statement") << " from "
                      << plural(sessions_queued, "session") << "\n";
        if (options.status) return show_status(store, options, queued);

        const auto pending = store.pending_statements(std::numeric_limits<int>::max());
        if (options.dry_run) return show_dry_run(pending, options);

        records::LrsClient lrs({options.lrs, options.user, password, options.timeout});
        Tally tally;
        tally.total = static_cast<int>(pending.size());
        Sender sender(store, lrs, options, tally);
        if (!pending.empty() && !options.json)
            std::cerr << "holdspace sync: sending " << plural(tally.total, "statement") << " to " << lrs.statements_url()
                      << "\n";
        for (std::size_t at = 0; at < pending.size(); at += static_cast<std::size_t>(options.batch)) {
            const auto end = std::min(pending.size(), at + static_cast<std::size_t>(options.batch));
            const bool go_on = sender.deliver({pending.begin() + static_cast<std::ptrdiff_t>(at),
                                               pending.begin() + static_cast<std::ptrdiff_t>(end)});
            if (!options.json) std::cerr << "sent " << tally.delivered << " of " << tally.total << "\n";
            if (!go_on) break;
        }

        const int still_queued = store.outbox_counts().pending;
        const bool complete = tally.delivered == tally.total;
        if (options.json) {
            Json j = {{"endpoint", lrs.statements_url()},
                      {"queued", queued},
                      {"pending_before", tally.total},
                      {"delivered", tally.delivered},
                      {"already_stored", tally.already_stored},
                      {"rejected", Json::array()},
                      {"still_queued", still_queued},
                      {"error", tally.stopped.empty() ? Json(nullptr) : Json(tally.stopped)}};
            for (const auto& [id, reason] : tally.rejected) j["rejected"].push_back({{"id", id}, {"error", reason}});
            std::cout << j.dump(2) << "\n";
            return complete ? exit_ok : exit_failed;
        }
        for (const auto& [id, reason] : tally.rejected)
            std::cerr << "holdspace sync: statement " << id << " rejected: " << reason << "\n";
        if (!tally.stopped.empty()) std::cerr << "holdspace sync: " << lrs.statements_url() << ": " << tally.stopped << "\n";
        if (tally.total == 0) {
            std::cout << "nothing to send: every statement is already in the learning record store\n";
        } else {
            std::cout << "delivered " << tally.delivered << " of " << plural(tally.total, "statement");
            if (tally.already_stored > 0) std::cout << " (" << tally.already_stored << " the LRS already had)";
            std::cout << "; " << still_queued << " still queued\n";
        }
        if (!complete)
            std::cerr << "holdspace sync: " << plural(still_queued, "statement")
                      << (still_queued == 1 ? " is" : " are") << " still queued and kept; run holdspace sync again to send "
                      << (still_queued == 1 ? "it" : "them")
                      << (tally.rejected.empty() ? "" : " (one the LRS will never accept can be set aside: --set-aside ID --reason R)")
                      << "\n";
        return complete ? exit_ok : exit_failed;
    } catch (const records::StoreError& e) {
        std::cerr << "holdspace sync: " << e.what() << "\n";
        return exit_usage;
    } catch (const std::exception& e) {
        std::cerr << "holdspace sync: " << e.what() << "\n";
        return exit_failed;
    }
}

}  // namespace holdspace::cli
