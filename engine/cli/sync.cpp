// `holdspace sync`: the outbox to a learning record store (records/outbox_sender does the sending:
// batches, retries, 409s, and nothing marked sent that the LRS did not acknowledge with its ids).
// Everything shown from the LRS or from --lrs is printable (control characters escaped) and never
// shows a password written into the URL.
#include "cli/sync.hpp"

#include "cli/commands.hpp"
#include "cli/store_check.hpp"
#include "app/statements.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/lrs_client.hpp"
#include "records/outbox_sender.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <limits>
#include <map>
#include <stdexcept>

namespace holdspace::cli {
namespace {

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
        int n = 0;
        try {  // one session that cannot be queued (a damaged transcript) does not stop the others
            n = app::queue_session_statements(store, *row, base, note);
        } catch (const records::StoreBusy&) {
            throw;
        } catch (const std::exception& e) {
            std::cerr << "holdspace sync: session " << id << " not queued: " << records::printable(e.what()) << "\n";
        }
        added += n;
        sessions_queued += n > 0;
    }
    return added;
}

// --set-aside ID --reason R and --requeue ID: the store only, no LRS.
int set_aside_or_requeue(const SyncOptions& options) {
    records::Store store(app::store_path(options.data_dir));
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
        std::cout << records::json_text(j, 2) << "\n";
        return exit_ok;
    }
    std::cout << plural(counts.pending, "statement") << " waiting to be sent, " << counts.sent << " sent";
    if (queued_now > 0) std::cout << " (" << queued_now << " queued just now)";
    std::cout << "\n";
    if (attempted > 0) std::cout << attempted << " of those waiting were tried before:\n";
    constexpr std::size_t ids_shown = 5;
    for (const auto& [error, ids] : errors) {
        std::cout << "  " << plural(static_cast<int>(ids.size()), "statement") << ": " << records::printable(error) << "\n";
        for (std::size_t k = 0; k < ids.size() && k < ids_shown; ++k) std::cout << "    " << ids[k] << "\n";
        if (ids.size() > ids_shown) std::cout << "    and " << ids.size() - ids_shown << " more (--json lists all)\n";
    }
    if (!aside.empty()) std::cout << plural(static_cast<int>(aside.size()), "statement") << " set aside, not sent:\n";
    for (const auto& item : aside)
        std::cout << "  " << records::printable(item.id) << "  session " << item.session << "  "
                  << records::printable(item.last_error) << "\n";
    return exit_ok;
}

int show_dry_run(const std::vector<records::OutboxItem>& pending, const SyncOptions& options) {
    const int batches = (static_cast<int>(pending.size()) + options.batch - 1) / options.batch;
    if (options.json) {
        Json j = {{"pending", pending.size()}, {"batches", batches}, {"statements", Json::array()}};
        for (const auto& item : pending) j["statements"].push_back(item.statement);
        std::cout << records::json_text(j, 2) << "\n";
        return exit_ok;
    }
    for (const auto& item : pending) {
        const Json& st = item.statement;
        std::cout << records::printable(item.id) << "  session " << item.session << "  "
                  << records::printable(st.value("/verb/display/en-US"_json_pointer, std::string("?"))) << "  "
                  << records::printable(st.value("/object/id"_json_pointer, std::string("?")));
        if (!item.last_error.empty()) std::cout << "  (last try: " << records::printable(item.last_error) << ")";
        std::cout << "\n";
    }
    std::cout << "would send " << plural(static_cast<int>(pending.size()), "statement") << " in "
              << batches << (batches == 1 ? " batch" : " batches") << (options.lrs.empty() ? "" : " to " + records::printable(records::split_credentials(options.lrs).url, 2000))
              << " (dry run: nothing sent)\n";
    return exit_ok;
}

}  // namespace


LrsLogin lrs_login(const std::string& lrs, const std::string& user, const std::string& password) {
    const auto split = records::split_credentials(lrs);
    LrsLogin login{split.url, records::printable(split.url, 2000), user.empty() ? split.user : user, password, {}};
    if (login.password.empty())
        if (const char* env = std::getenv("HOLDSPACE_LRS_PASSWORD")) login.password = env;
    if (login.password.empty()) login.password = split.password;
    if (lrs.rfind("http://", 0) != 0 && lrs.rfind("https://", 0) != 0)
        login.problem = "--lrs " + login.shown + ": not an http:// or https:// URL";
    else if (login.user.empty()) login.problem = "--user is required";
    else if (login.password.empty()) login.problem = "no password: give --password or set HOLDSPACE_LRS_PASSWORD";
    return login;
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
    const LrsLogin login = lrs_login(options.lrs, options.user, options.password);
    if (sending) {
        const std::string problem = options.lrs.empty() ? "--lrs URL is required (or --status, --dry-run)" : login.problem;
        if (!problem.empty()) {
            std::cerr << "holdspace sync: " << problem << "\n";
            return exit_usage;
        }
    }

    std::string base;
    try {
        base = app::xapi_base(options.base);
    } catch (const std::invalid_argument& e) {
        std::cerr << "holdspace sync: " << e.what() << "\n";
        return exit_usage;
    }
    if (!sending && !store_exists(options.data_dir, "holdspace sync")) return exit_usage;
    try {
        // --status and --dry-run also work on a store this user cannot write to (nothing is queued then).
        records::Store store(app::store_path(options.data_dir),
                             sending ? records::Store::Access::write : records::Store::Access::read);
        int sessions_queued = 0;
        const int queued = store.read_only() ? 0 : queue_finished_sessions(store, base, sessions_queued);
        if (queued > 0 && !options.json)
            std::cerr << "holdspace sync: queued " << plural(queued, "statement") << " from "
                      << plural(sessions_queued, "session") << "\n";
        if (options.status) return show_status(store, options, queued);

        const auto pending = store.pending_statements(std::numeric_limits<int>::max());
        if (options.dry_run) return show_dry_run(pending, options);

        records::LrsClient lrs({login.url, login.user, login.password, options.timeout});
        if (!pending.empty() && !options.json)
            std::cerr << "holdspace sync: sending " << plural(static_cast<int>(pending.size()), "statement") << " to "
                      << lrs.statements_url() << "\n";
        records::SendOptions send;
        send.batch = options.batch;
        send.retries = options.retries;
        send.note = [](const std::string& line) { std::cerr << "holdspace sync: " << line << "\n"; };
        if (!options.json)
            send.after_batch = [](const records::SendTally& t) {
                std::cerr << "sent " << t.delivered << " of " << t.total << "\n";
            };
        const records::SendTally tally = records::send_statements(store, lrs, pending, send);

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
            std::cout << records::json_text(j, 2) << "\n";
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
