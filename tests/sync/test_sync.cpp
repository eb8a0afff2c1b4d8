// `holdspace sync` end to end: sessions played by the real binary, their statements checked by a real
// xAPI validator and sent to a real learning record store (Learning Locker's xapi-statements, in
// memory), read back from it; offline, flaky and conflicting peers included.
#include "lrs_peers.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <map>
#include <set>
#include <sstream>

using nlohmann::json;
using test::contains;

namespace {

const std::string user = "holdspace-test", password = "not-a-secret";

std::string data_dir(const std::string& name) {
    const auto dir = test::scratch_dir() / name;
    std::filesystem::remove_all(dir);
    return dir.string();
}

// Plays a golden action file for `trainee` into the store in `data`.
void play(const std::string& data, const std::string& trainee, const std::string& scenario, const std::string& path) {
    const auto r = test::holdspace({"play", "scenarios/" + scenario + ".lua", "--actions", "tests/golden/" + path + ".actions",
                                    "--trainee", trainee, "--data", data});
    REQUIRE_MESSAGE(r.exit_code <= 1, r.err);
    REQUIRE(contains(r.err, "recorded as session"));
}

test::Result sync(const std::string& data, const std::string& endpoint, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"sync", "--lrs", endpoint, "--user", user, "--password", password, "--data", data};
    args.insert(args.end(), more.begin(), more.end());
    return test::holdspace(args);
}

json status(const std::string& data) {
    const auto r = test::holdspace({"sync", "--status", "--json", "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out);
}

// The statements waiting in the store's outbox, as dry-run shows them.
json pending(const std::string& data) {
    const auto r = test::holdspace({"sync", "--dry-run", "--json", "--data", data});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    return json::parse(r.out)["statements"];
}

// How often the LRS holds each statement id, and the copies it holds.
struct Held {
    std::map<std::string, int> count;
    std::map<std::string, json> statement;
};
Held held_by_lrs() {
    const auto r = peers::node({(peers::lrs_tools() / "statements.js").string(), peers::lrs().endpoint()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    Held held;
    for (auto& st : json::parse(r.out)) {
        const std::string id = st["id"];
        ++held.count[id];
        for (const char* added : {"stored", "authority", "version"}) st.erase(added);
        held.statement[id] = st;
    }
    return held;
}

// Every statement in `sent` is in the LRS exactly once, as it was sent.
void check_delivered_once(const json& sent) {
    const Held held = held_by_lrs();
    for (const auto& st : sent) {
        const std::string id = st["id"];
        INFO("statement " << id);
        REQUIRE(held.count.count(id) == 1);
        CHECK(held.count.at(id) == 1);
        CHECK(held.statement.at(id) == st);
    }
}

std::string write_file(const std::string& name, const std::string& text) {
    const auto path = (test::scratch_dir() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

void sql(const std::string& data, const std::string& statement) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((data + "/holdspace.db").c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("sync: bad usage is one clear line and exit 2") {
    const std::string data = data_dir("sync-usage");
    auto r = test::holdspace({"sync", "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "--lrs URL is required"));
    CHECK(test::count_lines(r.err) == 1);
    r = test::holdspace({"sync", "--lrs", "lrs.example.org/xAPI", "--user", "u", "--password", "p", "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "not an http:// or https:// URL"));
    unsetenv("HOLDSPACE_LRS_PASSWORD");
    r = test::holdspace({"sync", "--lrs", "http://127.0.0.1:9/xAPI", "--user", "u", "--data", data});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "HOLDSPACE_LRS_PASSWORD"));
    r = test::holdspace({"sync", "--batch", "0", "--data", data});
    CHECK(r.exit_code == 2);
    r = test::holdspace({"sync", "--help"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "--dry-run"));
}

TEST_CASE("sync: played sessions are valid xAPI, reach the LRS exactly once, and a second sync sends nothing") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-main");
    play(data, "sync-main", "integration/making_meaning", "making_meaning.poor");
    play(data, "sync-main", "medicine/memory_surfaces", "memory_surfaces.expert");
    play(data, "sync-main", "preparation/informed_consent", "informed_consent.expert");

    // Play queued every finished session's statements: sync finds nothing more to queue.
    json counts = status(data);
    CHECK(counts["queued_now"] == 0);
    CHECK(counts["sent"] == 0);
    const json statements = pending(data);
    CHECK(counts["pending"] == statements.size());
    REQUIRE(statements.size() > 3 * 3);  // launched, completed, passed/failed and the moments, per session

    // The real validator accepts every statement (and does reject a broken one).
    auto v = peers::node({(peers::lrs_tools() / "validate.js").string(), write_file("statements.json", statements.dump())});
    CHECK_MESSAGE(v.exit_code == 0, v.err);
    CHECK(contains(v.out, std::to_string(statements.size()) + " statements valid"));
    json broken = statements;
    broken[0]["verb"].erase("id");
    v = peers::node({(peers::lrs_tools() / "validate.js").string(), write_file("broken.json", broken.dump())});
    CHECK(v.exit_code == 1);
    CHECK(contains(v.err, "statement.verb.id"));

    auto r = sync(data, peers::lrs().endpoint(), {"--batch", "7"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const std::string n = std::to_string(statements.size());
    CHECK(contains(r.err, "sent " + n + " of " + n));
    CHECK(contains(r.out, "delivered " + n + " of " + n + " statements; 0 still queued"));
    check_delivered_once(statements);
    counts = status(data);
    CHECK(counts["pending"] == 0);
    CHECK(counts["sent"] == statements.size());

    // Again: nothing left to send, the LRS unchanged.
    r = sync(data, peers::lrs().endpoint());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "nothing to send"));
    check_delivered_once(statements);

    // A session played later is all the next sync sends.
    play(data, "sync-main", "integration/making_meaning", "making_meaning.expert");
    const json later = pending(data);
    REQUIRE_FALSE(later.empty());
    r = sync(data, peers::lrs().endpoint(), {"--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    const json summary = json::parse(r.out);
    CHECK(summary["delivered"] == later.size());
    CHECK(summary["still_queued"] == 0);
    check_delivered_once(statements);
    check_delivered_once(later);
}

TEST_CASE("sync: offline nothing is lost; the attempt is recorded and a later sync delivers everything") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-offline");
    play(data, "sync-offline", "integration/making_meaning", "making_meaning.poor");
    const json first = pending(data);
    // A session recorded before the outbox existed (or by a program that did not queue it) is queued by sync.
    sql(data, "DELETE FROM outbox");
    CHECK(status(data)["queued_now"] == first.size());
    CHECK(pending(data) == first);

    const std::string closed = "http://127.0.0.1:" + std::to_string(peers::free_port()) + "/xAPI";
    setenv("HOLDSPACE_LRS_PASSWORD", password.c_str(), 1);  // the password from the environment
    auto r = test::holdspace({"sync", "--lrs", closed, "--user", user, "--data", data, "--retries", "1"});
    unsetenv("HOLDSPACE_LRS_PASSWORD");
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "retrying"));
    CHECK(contains(r.err, std::to_string(first.size()) + " statements are still queued"));
    json counts = status(data);
    CHECK(counts["pending"] == first.size());
    CHECK(counts["sent"] == 0);
    REQUIRE(counts["errors"].size() == 1);
    CHECK(contains(counts["errors"][0]["error"].get<std::string>(), "tried 2 times"));

    // More work offline, then the LRS is back.
    play(data, "sync-offline", "medicine/memory_surfaces", "memory_surfaces.poor");
    const json all = pending(data);
    CHECK(all.size() > first.size());
    r = sync(data, peers::lrs().endpoint());
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    check_delivered_once(all);
    CHECK(status(data)["pending"] == 0);
}

TEST_CASE("sync: a busy or failing LRS is retried with backoff; one that stays down leaves the rest queued") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-flaky");
    play(data, "sync-flaky", "preparation/informed_consent", "informed_consent.poor");
    const json statements = pending(data);

    {  // two 503s, then the LRS answers
        const auto proxy = peers::flaky_proxy({"--fail", "2", "--status", "503"});
        const auto r = sync(data, proxy->endpoint(), {"--batch", "3"});
        CHECK_MESSAGE(r.exit_code == 0, r.err);
        CHECK(contains(r.err, "HTTP 503: injected failure 503; retrying in 1 s"));
    }
    check_delivered_once(statements);

    play(data, "sync-flaky", "preparation/informed_consent", "informed_consent.expert");
    const json later = pending(data);
    {  // 429 Too Many Requests for longer than we retry
        const auto proxy = peers::flaky_proxy({"--fail", "100", "--status", "429"});
        const auto r = sync(data, proxy->endpoint(), {"--retries", "1", "--batch", "3"});
        CHECK(r.exit_code == 1);
        CHECK(contains(r.err, "HTTP 429"));
        // The first batch was tried and failed; the run stopped there, the rest untouched but queued.
        const json counts = status(data);
        CHECK(counts["pending"] == later.size());
        REQUIRE(counts["errors"].size() == 1);
        CHECK(counts["errors"][0]["statements"] == 3);
    }
    const auto r = sync(data, peers::lrs().endpoint());
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    check_delivered_once(statements);
    check_delivered_once(later);
}

TEST_CASE("sync: when the acknowledgement is lost and the LRS answers 409 for what it already has, nothing is sent twice") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-lost-ack");
    play(data, "sync-lost-ack", "medicine/memory_surfaces", "memory_surfaces.expert");
    const json statements = pending(data);

    // The LRS stores the first batch but the answer never arrives; the retry meets an LRS that
    // refuses ids it already has, even for the same statement.
    const auto proxy = peers::flaky_proxy({"--lose", "1", "--strict-conflicts"});
    const auto r = sync(data, proxy->endpoint(), {"--batch", "5"});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.err, "409"));
    CHECK(contains(r.out, "(5 the LRS already had)"));
    check_delivered_once(statements);
    CHECK(status(data)["pending"] == 0);
}

TEST_CASE("sync: a different statement under an id the LRS already has is rejected and stays queued") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-conflict");
    play(data, "sync-conflict", "integration/making_meaning", "making_meaning.expert");
    const json statements = pending(data);
    REQUIRE(sync(data, peers::lrs().endpoint()).exit_code == 0);

    // The same sessions queued again under another IRI prefix: the same ids, different statements.
    sql(data, "DELETE FROM outbox");
    const auto r = sync(data, peers::lrs().endpoint(), {"--base", "https://elsewhere.example.org", "--batch", "4"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.err, "the LRS holds a different statement with this id"));
    CHECK(contains(r.err, "rejected"));
    const json counts = status(data);
    CHECK(counts["pending"] == statements.size());
    CHECK(counts["sent"] == 0);
    check_delivered_once(statements);  // the LRS keeps what it had
}

TEST_CASE("sync: a statement the LRS refuses as invalid holds back no other") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-invalid");
    play(data, "sync-invalid", "integration/making_meaning", "making_meaning.poor");
    const json statements = pending(data);
    const std::string bad = statements[2]["id"];
    sql(data, "UPDATE outbox SET statement = json_set(statement, '$.verb.id', 'not an IRI') WHERE id = '" + bad + "'");

    const auto r = sync(data, peers::lrs().endpoint(), {"--json"});
    CHECK(r.exit_code == 1);
    const json summary = json::parse(r.out);
    CHECK(summary["delivered"] == statements.size() - 1);
    REQUIRE(summary["rejected"].size() == 1);
    CHECK(summary["rejected"][0]["id"] == bad);
    CHECK(contains(summary["rejected"][0]["error"].get<std::string>(), "HTTP 400"));
    CHECK(summary["still_queued"] == 1);

    json good = statements;
    good.erase(2);
    check_delivered_once(good);
    CHECK(held_by_lrs().count.count(bad) == 0);

    // --status names it, with the LRS's reason.
    const json waiting = status(data);
    REQUIRE(waiting["errors"].size() == 1);
    CHECK(waiting["errors"][0]["ids"] == json::array({bad}));
    const auto status_text = test::holdspace({"sync", "--status", "--data", data});
    CHECK(contains(status_text.out, "    " + bad + "\n"));

    // A coordinator sets it aside with a reason: kept in the store, no longer sent, syncs succeed again.
    CHECK(sync(data, peers::lrs().endpoint()).exit_code == 1);  // still rejected, still reported
    auto aside = test::holdspace({"sync", "--set-aside", bad, "--data", data});
    CHECK(aside.exit_code == 2);  // a reason is required
    aside = test::holdspace({"sync", "--set-aside", bad, "--reason", "verb edited by hand; see ticket 12", "--data", data});
    REQUIRE_MESSAGE(aside.exit_code == 0, aside.err);
    CHECK(contains(aside.out, "set aside"));
    json counts = status(data);
    CHECK(counts["pending"] == 0);
    REQUIRE(counts["set_aside"].size() == 1);
    CHECK(counts["set_aside"][0]["id"] == bad);
    CHECK(counts["set_aside"][0]["reason"] == "verb edited by hand; see ticket 12");
    const auto quiet = sync(data, peers::lrs().endpoint());
    CHECK(quiet.exit_code == 0);
    CHECK(contains(quiet.out, "nothing to send"));
    CHECK(test::holdspace({"sync", "--set-aside", statements[0]["id"], "--reason", "x", "--data", data}).exit_code == 2);  // sent
    CHECK(test::holdspace({"sync", "--set-aside", "no-such-id", "--reason", "x", "--data", data}).exit_code == 2);

    // Requeued, it is tried again (and refused again): nothing was lost.
    const auto back = test::holdspace({"sync", "--requeue", bad, "--data", data});
    REQUIRE_MESSAGE(back.exit_code == 0, back.err);
    counts = status(data);
    CHECK(counts["pending"] == 1);
    CHECK(counts["set_aside"].empty());
    CHECK(test::holdspace({"sync", "--requeue", bad, "--data", data}).exit_code == 2);  // not set aside any more
    CHECK(sync(data, peers::lrs().endpoint()).exit_code == 1);
}

namespace {

// The ids of the statements the store holds as sent: those queued that are no longer pending.
std::set<std::string> sent_ids(const std::string& data, const json& queued) {
    std::set<std::string> ids;
    for (const auto& st : queued) ids.insert(st["id"].get<std::string>());
    for (const auto& st : pending(data)) ids.erase(st["id"].get<std::string>());
    return ids;
}

// The ids the hostile peer vouched for so far (its log: a correct acknowledgement, or a GET showing
// the statement the LRS holds).
std::set<std::string> vouched_for(const peers::Server& peer) {
    std::set<std::string> ids;
    std::istringstream log(peer.out());
    for (std::string line; std::getline(log, line);) {
        if (line.empty()) continue;
        const json entry = json::parse(line);
        for (const auto& id : entry["acknowledged"]) ids.insert(id.get<std::string>());
    }
    return ids;
}

}  // namespace

TEST_CASE("sync: a 200 that is not xAPI's acknowledgement (captive portal, [], other ids, huge, nested, slow...) marks nothing sent") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-hostile");
    play(data, "sync-hostile", "integration/making_meaning", "making_meaning.poor");
    const json statements = pending(data);
    const std::size_t n = statements.size();
    REQUIRE(n > 2);
    // Every request reaches the real LRS (it stores the statements); the answer is the mode's.
    const auto peer = peers::hostile({"--max-requests", "100", "--max-seconds", "300", "--slow-seconds", "4"});
    const std::string host = "127.0.0.1:" + std::to_string(peer->port());
    const std::vector<std::pair<std::string, std::string>> modes = {
        {"html", "HTTP 200 but the answer is not JSON (syntax error at byte 1), not the ids of the " + std::to_string(n) +
                     " statements sent: <!DOCTYPE html> <html><head><title>\\x1b]0;pwned\\x07"},
        {"empty", "HTTP 200 but the answer is empty, not the ids of the " + std::to_string(n) + " statements sent"},
        {"emptyarray", "the answer holds 0 ids for the " + std::to_string(n) + " statements sent: []"},
        {"wrong", "HTTP 200 but id 1 of the answer is "},
        {"fewer", "the answer holds " + std::to_string(n - 1) + " ids for the " + std::to_string(n) + " statements sent"},
        {"extra", "the answer holds " + std::to_string(n + 1) + " ids"},
        {"reorder", "HTTP 200 but id 1 of the answer is "},
        {"object", "the answer is not a list of statement ids"},
        {"numbers", "id 1 of the answer is not a string"},
        {"nulls", "id 1 of the answer is not a string"},
        {"truncated", "HTTP 200 but the answer is not JSON"},
        {"cut", "transfer closed"},
        {"nested", "the answer is JSON nested deeper than 64 levels"},
        {"nocontent", "HTTP 204 is not xAPI's acknowledgement"},
        {"redirect", "HTTP 302"},
        {"huge", "HTTP 200: the answer is longer than 1048576 bytes; not read further"},
        {"slow", "timed out"},
        {"dribble", "timed out"},
    };
    for (const auto& [mode, why] : modes) {
        INFO("mode " << mode);
        const auto r = sync(data, "http://" + host + "/" + mode + "/xAPI", {"--batch", "100", "--retries", "0", "--timeout", "2"});
        CHECK(r.exit_code == 1);
        CHECK_MESSAGE(contains(r.err, "holdspace sync: http://" + host + "/" + mode + "/xAPI/statements: " ), r.err);
        CHECK_MESSAGE(contains(r.err, why), r.err);
        CHECK(contains(r.out, "delivered 0 of " + std::to_string(n) + " statements; " + std::to_string(n) + " still queued"));
        CHECK(r.err.find('\x1b') == std::string::npos);  // nothing from the peer reaches the terminal raw
        CHECK(r.err.find('\x07') == std::string::npos);
        const json counts = status(data);
        CHECK(counts["pending"] == n);
        CHECK(counts["sent"] == 0);
    }
    CHECK(vouched_for(*peer).empty());

    // The LRS stored them all along; sent again, it holds each once. The credentials come from the URL
    // this time, and are never shown.
    const auto r = test::holdspace({"sync", "--lrs", "http://" + user + ":" + password + "@127.0.0.1:" +
                                    std::to_string(peers::lrs().port()) + "/xAPI", "--data", data});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    CHECK_FALSE(contains(r.err + r.out, password));
    check_delivered_once(statements);
    CHECK(status(data)["pending"] == 0);
}

TEST_CASE("sync: a hostile peer answering every which way, run after run: only what it acknowledged with its ids is sent, then the LRS holds each statement once") {
    if (!peers::available()) return;
    const std::string data = data_dir("sync-hostile-mixed");
    play(data, "sync-hostile-mixed", "medicine/memory_surfaces", "memory_surfaces.poor");
    play(data, "sync-hostile-mixed", "preparation/informed_consent", "informed_consent.expert");
    const json statements = pending(data);
    const auto peer = peers::hostile(
        {"--max-requests", "400", "--max-seconds", "300", "--modes",
         "ack,html,ack,emptyarray,conflict,ack,ack,wrong,ack,conflict,other,ack,nested,ack,fewer,conflict,html,ack,"
         "truncated,ack,huge,ack,cut,ack,reorder,conflict,ack,nested,ack,empty,ack,ack,conflict,wrong,nulls,ack"});
    std::set<std::string> sent;
    for (int run = 0; run < 25 && status(data)["pending"] != 0; ++run) {
        INFO("run " << run);
        const auto r = sync(data, peer->endpoint(), {"--batch", "4", "--retries", "1", "--timeout", "5"});
        CHECK(r.err.find('\x1b') == std::string::npos);
        sent = sent_ids(data, statements);
        const auto vouched = vouched_for(*peer);
        for (const auto& id : sent) {
            INFO("statement " << id << " is marked sent");
            CHECK(vouched.count(id) == 1);
        }
    }
    CHECK_FALSE(sent.empty());  // the peer did acknowledge some, and those were marked sent
    // The rest go to the real LRS directly; it holds every statement once.
    const auto r = sync(data, peers::lrs().endpoint());
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    check_delivered_once(statements);
    CHECK(status(data)["pending"] == 0);
}
