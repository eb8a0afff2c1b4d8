// `holdspace sync` end to end: sessions played by the real binary, their statements checked by a real
// xAPI validator and sent to a real learning record store (Learning Locker's xapi-statements, in
// memory), read back from it; offline, flaky and conflicting peers included.
#include "lrs_peers.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <map>

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
