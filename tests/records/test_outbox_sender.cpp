// Delivering the outbox (records/outbox_sender) to an in-memory LRS that answers as told: nothing is
// marked sent that the LRS did not acknowledge with the ids sent, in order; what it did store is
// stored once when a later run sends it again. No network, no Node: the end-to-end version with a
// real LRS and a hostile peer is tests/sync/test_sync.cpp.
#include "records/outbox_sender.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <random>
#include <set>

using namespace holdspace;
namespace fs = std::filesystem;

namespace {

struct ScratchStore {
    fs::path dir;
    std::unique_ptr<records::Store> store;
    std::int64_t session = 0;
    explicit ScratchStore(int statements) {
        static int n = 0;
        dir = fs::temp_directory_path() / ("holdspace-sender-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(dir);
        fs::create_directories(dir);
        store = std::make_unique<records::Store>((dir / "store.db").string());
        session = store->start_session("t", "x.lua", "x", "d", 1);
        Json all = Json::array();
        for (int i = 0; i < statements; ++i) {
            char id[40];
            std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", i);
            all.push_back({{"id", id},
                           {"actor", {{"mbox", "mailto:t@example.org"}}},
                           {"verb", {{"id", "http://adlnet.gov/expapi/verbs/experienced"}}},
                           {"object", {{"id", "https://h.example/moments/" + std::to_string(i)}}}});
        }
        store->queue_statements(session, all);
    }
    ~ScratchStore() {
        store.reset();
        fs::remove_all(dir);
    }
    std::vector<records::OutboxItem> pending() { return store->pending_statements(1000000); }
    std::set<std::string> pending_ids() {
        std::set<std::string> ids;
        for (const auto& item : pending()) ids.insert(item.id);
        return ids;
    }
};

// How the fake answers one request.
enum class Reply {
    lrs,          // as a well-behaved LRS: stores the statements, answers their ids (or 409, 404...)
    html, empty, empty_array, wrong_ids, fewer_ids, extra_id, reordered, object, numbers, truncated,
    nested, no_content, too_large, unavailable, conflict, other_statement,
};

const std::vector<Reply> junk = {Reply::html,      Reply::empty,   Reply::empty_array, Reply::wrong_ids,
                                 Reply::fewer_ids, Reply::extra_id, Reply::reordered,  Reply::object,
                                 Reply::numbers,   Reply::truncated, Reply::nested,    Reply::no_content,
                                 Reply::too_large};

// An LRS in memory. Whatever it answers, a POST stores the statements when `stores` says so (an LRS
// that stored them and whose answer was lost or mangled on the way), unless an id holds another one.
class FakeLrs : public records::StatementSink {
public:
    std::deque<Reply> script;  // answers to the next requests; then Reply::lrs
    bool stores = true;
    bool strict_conflicts = false;  // 409 for an id it has, even for the same statement (as some LRSs do)
    std::map<std::string, Json> held;
    std::map<std::string, int> times_stored;
    std::set<std::string> acknowledged;  // ids it answered for correctly (a 200 with them, or a GET showing them)
    int posts = 0, gets = 0;

    records::LrsResponse post_statements(const Json& statements) override {
        ++posts;
        const Reply reply = next();
        std::vector<std::string> ids;
        for (const auto& st : statements) ids.push_back(st["id"]);
        bool conflict = false;
        for (const auto& st : statements)
            if (held.count(st["id"]) && (strict_conflicts || held[st["id"]] != st)) conflict = true;
        if (reply == Reply::lrs && conflict) return answer(409, R"({"message":"conflict"})");
        if ((stores || reply == Reply::lrs) && !conflict && reply != Reply::unavailable && reply != Reply::conflict)
            for (const auto& st : statements)
                if (!held.count(st["id"])) {
                    held[st["id"]] = st;
                    ++times_stored[st["id"]];
                }
        const Json ack(ids);
        switch (reply) {
        case Reply::lrs:
            acknowledged.insert(ids.begin(), ids.end());
            return answer(200, ack.dump());
        case Reply::html: return answer(200, "<html><title>\x1b]0;pwned\x07Portal</title>Log in</html>");
        case Reply::empty: return answer(200, "");
        case Reply::empty_array: return answer(200, "[]");
        case Reply::wrong_ids: {
            Json other = Json::array();
            for (const auto& id : ids) other.push_back(id + "x");
            return answer(200, other.dump());
        }
        case Reply::fewer_ids: {
            Json fewer = ack;
            fewer.erase(fewer.size() - 1);
            return answer(200, fewer.dump());
        }
        case Reply::extra_id: {
            Json extra = ack;
            extra.push_back("00000000-0000-4000-8000-999999999999");
            return answer(200, extra.dump());
        }
        case Reply::reordered: {
            Json turned = ack;
            std::rotate(turned.begin(), turned.begin() + 1, turned.end());
            if (turned == ack) turned = Json::array({"elsewhere"});
            return answer(200, turned.dump());
        }
        case Reply::object: return answer(200, Json{{"ids", ack}}.dump());
        case Reply::numbers: return answer(200, "[1, 2, 3]");
        case Reply::truncated: {
            const std::string whole = ack.dump();
            return answer(200, whole.substr(0, whole.size() / 2));
        }
        case Reply::nested: return answer(200, std::string(100000, '[') + std::string(100000, ']'));
        case Reply::no_content: return answer(204, "");
        case Reply::too_large: {
            auto r = answer(200, "[\"" + std::string(1000, 'x'));
            r.too_large = true;
            r.transport_error = "the answer is longer than 1048576 bytes; not read further";
            return r;
        }
        case Reply::unavailable: return answer(503, R"({"message":"down"})");
        case Reply::conflict: return answer(409, R"({"message":"conflict"})");
        case Reply::other_statement: return answer(200, R"({"id":"someone else"})");
        }
        return answer(500, "");
    }

    records::LrsResponse get_statement(const std::string& id) override {
        ++gets;
        const Reply reply = next();
        const auto found = held.find(id);
        switch (reply) {
        case Reply::lrs:
            if (found == held.end()) return answer(404, R"({"message":"not found"})");
            acknowledged.insert(id);
            return answer(200, found->second.dump());
        case Reply::other_statement: {
            Json other = found == held.end() ? Json{{"id", id}} : found->second;
            other["verb"]["id"] = "http://adlnet.gov/expapi/verbs/voided";
            return answer(200, other.dump());
        }
        case Reply::wrong_ids: {
            Json other = found == held.end() ? Json{{"id", id}} : found->second;
            other["id"] = id + "x";
            return answer(200, other.dump());
        }
        default: {
            // The POST answers as GET answers: junk is junk.
            FakeLrs junk_source;
            junk_source.stores = false;
            junk_source.script = {reply};
            auto r = junk_source.post_statements(Json::array({found == held.end() ? Json{{"id", id}} : found->second}));
            return r;
        }
        }
    }

private:
    Reply next() {
        if (script.empty()) return Reply::lrs;
        const Reply r = script.front();
        script.pop_front();
        return r;
    }
    static records::LrsResponse answer(long status, std::string body) {
        records::LrsResponse r;
        r.status = status;
        r.body = std::move(body);
        return r;
    }
};

records::SendOptions quiet(int batch, int retries = 0) {
    records::SendOptions o;
    o.batch = batch;
    o.retries = retries;
    o.sleep = [](double) {};
    return o;
}

}  // namespace

TEST_CASE("a well-behaved LRS: every statement delivered once, in batches, and marked sent") {
    ScratchStore s(12);
    FakeLrs lrs;
    const auto tally = records::send_statements(*s.store, lrs, s.pending(), quiet(5));
    CHECK(tally.delivered == 12);
    CHECK(tally.stopped.empty());
    CHECK(lrs.posts == 3);
    CHECK(s.pending().empty());
    CHECK(s.store->outbox_counts().sent == 12);
    for (const auto& [id, n] : lrs.times_stored) CHECK(n == 1);
}

TEST_CASE("a 200 that is not the acknowledgement leaves every statement queued and says why") {
    for (const Reply reply : junk) {
        CAPTURE(static_cast<int>(reply));
        ScratchStore s(6);
        FakeLrs lrs;
        lrs.script = {reply};
        const auto tally = records::send_statements(*s.store, lrs, s.pending(), quiet(3, 3));
        CHECK(tally.delivered == 0);
        CHECK(lrs.posts == 1);  // not retried, and the run stops: the next batch would meet the same portal
        CHECK_FALSE(tally.stopped.empty());
        CHECK(tally.stopped.find('\x1b') == std::string::npos);
        CHECK(tally.stopped.find('\n') == std::string::npos);
        CHECK(s.pending().size() == 6);
        CHECK(s.store->outbox_counts().sent == 0);
        // The reason is kept with the statements (sync --status shows it).
        CHECK(s.pending().front().last_error == tally.stopped);

        // The LRS did store the first batch; the next run sends everything again and it is stored once.
        const auto again = records::send_statements(*s.store, lrs, s.pending(), quiet(3));
        CHECK(again.delivered == 6);
        CHECK(s.pending().empty());
        for (const auto& [id, n] : lrs.times_stored) CHECK(n == 1);
    }
}

TEST_CASE("what a junk 200 is, in the reason") {
    const auto reason = [](Reply reply) {
        ScratchStore s(3);
        FakeLrs lrs;
        lrs.script = {reply};
        return records::send_statements(*s.store, lrs, s.pending(), quiet(3)).stopped;
    };
    CHECK(reason(Reply::html).find("HTTP 200 but the answer is not JSON") == 0);
    CHECK(reason(Reply::html).find("\\x1b]0;pwned\\x07") != std::string::npos);  // escaped, visibly
    CHECK(reason(Reply::empty) == "HTTP 200 but the answer is empty, not the ids of the 3 statements sent; not acknowledged, kept queued");
    CHECK(reason(Reply::empty_array).find("the answer holds 0 ids for the 3 statements sent: []") != std::string::npos);
    CHECK(reason(Reply::fewer_ids).find("the answer holds 2 ids for the 3 statements sent") != std::string::npos);
    CHECK(reason(Reply::wrong_ids).find("id 1 of the answer is 00000000-0000-4000-8000-000000000000x, not the") !=
          std::string::npos);
    CHECK(reason(Reply::nested).find("the answer is JSON nested deeper than 64 levels") != std::string::npos);
    CHECK(reason(Reply::no_content).find("HTTP 204 is not xAPI's acknowledgement") == 0);
    CHECK(reason(Reply::too_large).find("longer than 1048576 bytes") != std::string::npos);
}

TEST_CASE("only the acknowledged batches are marked sent when the LRS turns bad halfway") {
    ScratchStore s(10);
    FakeLrs lrs;
    lrs.script = {Reply::lrs, Reply::lrs, Reply::html};
    const auto before = s.pending();
    const auto tally = records::send_statements(*s.store, lrs, before, quiet(3));
    CHECK(tally.delivered == 6);
    std::set<std::string> expected_pending;
    for (std::size_t k = 6; k < before.size(); ++k) expected_pending.insert(before[k].id);
    CHECK(s.pending_ids() == expected_pending);
}

TEST_CASE("after a 409, a GET that does not show the statement is no match: queued, not sent, not rejected") {
    for (const Reply reply : {Reply::html, Reply::empty, Reply::nested, Reply::truncated, Reply::wrong_ids,
                              Reply::empty_array, Reply::too_large, Reply::no_content}) {
        CAPTURE(static_cast<int>(reply));
        ScratchStore s(2);
        FakeLrs lrs;
        lrs.script = {Reply::conflict, reply};
        const auto tally = records::send_statements(*s.store, lrs, s.pending(), quiet(2));
        CHECK(tally.delivered == 0);
        CHECK(tally.rejected.empty());
        CHECK(tally.stopped.find("checking statement") == 0);
        CHECK(s.pending().size() == 2);
    }
    SUBCASE("another statement under the id is a rejection (kept queued, named)") {
        ScratchStore s(1);
        FakeLrs lrs;
        lrs.held[s.pending()[0].id] = Json{{"id", s.pending()[0].id}, {"verb", {{"id", "other"}}}};
        const auto tally = records::send_statements(*s.store, lrs, s.pending(), quiet(1));
        CHECK(tally.delivered == 0);
        REQUIRE(tally.rejected.size() == 1);
        CHECK(s.pending().size() == 1);
    }
    SUBCASE("the same statement shown is delivered (its acknowledgement was lost)") {
        ScratchStore s(4);
        FakeLrs lrs;
        lrs.strict_conflicts = true;
        lrs.script = {Reply::html};  // stored, answer mangled
        records::send_statements(*s.store, lrs, s.pending(), quiet(4));
        const auto tally = records::send_statements(*s.store, lrs, s.pending(), quiet(4));
        CHECK(tally.delivered == 4);
        CHECK(tally.already_stored == 4);
        CHECK(s.pending().empty());
        for (const auto& [id, n] : lrs.times_stored) CHECK(n == 1);
    }
}

TEST_CASE("transient failures are retried (without waiting in tests), then give up and keep the batch") {
    ScratchStore s(4);
    FakeLrs lrs;
    lrs.script = {Reply::unavailable, Reply::unavailable};
    std::vector<double> waits;
    auto options = quiet(4, 3);
    options.sleep = [&](double seconds) { waits.push_back(seconds); };
    auto tally = records::send_statements(*s.store, lrs, s.pending(), options);
    CHECK(tally.delivered == 4);
    CHECK(waits == std::vector<double>{1, 2});

    ScratchStore t(4);
    FakeLrs down;
    down.script.assign(10, Reply::unavailable);
    tally = records::send_statements(*t.store, down, t.pending(), quiet(2, 2));
    CHECK(tally.delivered == 0);
    CHECK(down.posts == 3);
    CHECK(tally.stopped == "HTTP 503: down (tried 3 times)");
    CHECK(t.pending().size() == 4);
}

TEST_CASE("whatever the LRS answers, run after run, nothing is marked sent it did not acknowledge; then each is stored once") {
    std::mt19937 rng(14);
    std::vector<Reply> replies = junk;
    for (int k = 0; k < 8; ++k) replies.push_back(Reply::lrs);
    replies.push_back(Reply::unavailable);
    replies.push_back(Reply::conflict);
    replies.push_back(Reply::other_statement);
    for (int round = 0; round < 20; ++round) {
        CAPTURE(round);
        ScratchStore s(17);
        FakeLrs lrs;
        lrs.strict_conflicts = round % 2 == 1;
        lrs.stores = round % 3 != 0;
        std::uniform_int_distribution<std::size_t> pick(0, replies.size() - 1);
        for (int k = 0; k < 200; ++k) lrs.script.push_back(replies[pick(rng)]);
        const auto all = s.pending_ids();
        for (int run = 0; run < 6; ++run) {
            records::send_statements(*s.store, lrs, s.pending(), quiet(1 + round % 5, 1));
            for (const auto& id : all)
                if (!s.pending_ids().count(id)) {
                    INFO("statement " << id << " marked sent");
                    CHECK(lrs.acknowledged.count(id) == 1);
                }
        }
        lrs.script.clear();  // the LRS behaves from now on
        records::send_statements(*s.store, lrs, s.pending(), quiet(4));
        // Rejected ones (another statement under the id) stay queued; everything else arrived once.
        for (const auto& id : all) {
            if (s.pending_ids().count(id)) continue;
            CHECK(lrs.times_stored[id] == 1);
        }
        for (const auto& [id, n] : lrs.times_stored) CHECK(n == 1);
    }
}
