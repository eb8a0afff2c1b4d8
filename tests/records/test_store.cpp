// The SQLite record store: what is committed survives, foreign files are refused untouched.
#include "records/store.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace holdspace;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("holdspace-store-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    static inline int n = 0;
};

std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("sessions, actions, transcripts and annotations are kept and found again") {
    TempDir dir;
    const auto path = dir.file("store.db");
    std::int64_t id = 0;
    {
        records::Store store(path);
        id = store.start_session("t-017", "scenarios/x.lua", "test.x", "fnv1a64:00", 7);
        store.add_action(id, "reflect");
        store.add_action(id, "wait 10");
        store.add_action(id, "hold_space");
        store.annotate(id, 4, "supervisor", "Good patience here.");
        store.finish_session(id, Json::array({{{"type", "start"}, {"t", 0}}}), "patient_directed", 91.5,
                             {{"overall", 91.5}});
        const auto other = store.start_session("t-002", "scenarios/y.lua", "test.y", "fnv1a64:01", 1);
        store.add_action(other, "1");
    }
    records::Store store(path);  // reopened, as after a restart
    CHECK(store.trainees() == std::vector<std::string>{"t-002", "t-017"});
    CHECK(store.actions(id) == std::vector<std::string>{"reflect", "wait 10", "hold_space"});
    const auto row = store.session(id);
    REQUIRE(row);
    CHECK(row->status == "finished");
    CHECK(row->overall == 91.5);
    CHECK(row->seed == 7);
    CHECK(store.events(id)[0]["type"] == "start");
    CHECK(store.sessions("t-002").size() == 1);
    CHECK(store.sessions("", "test.x").front().id == id);
    CHECK(store.sessions("t-002").front().status == "open");
    REQUIRE(store.annotations(id).size() == 1);
    CHECK(store.annotations(id)[0].text == "Good patience here.");
    CHECK_FALSE(store.session(999));
}

TEST_CASE("a file that is not a Holdspace store is refused and left untouched") {
    TempDir dir;
    const auto text = dir.file("notes.db");
    std::ofstream(text) << "my thesis notes\n";
    CHECK_THROWS_WITH_AS(records::Store{text}, doctest::Contains("not a Holdspace record store"), records::StoreError);
    CHECK(slurp(text) == "my thesis notes\n");

    const auto other = dir.file("other.db");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "CREATE TABLE invoices(id INTEGER); INSERT INTO invoices VALUES (1);", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    const auto before = slurp(other);
    CHECK_THROWS_WITH_AS(records::Store{other}, doctest::Contains("another program's database"), records::StoreError);
    CHECK(slurp(other) == before);
}

TEST_CASE("a damaged store gives a clear error and is not overwritten") {
    TempDir dir;
    const auto path = dir.file("store.db");
    {
        records::Store store(path);
        for (int i = 0; i < 200; ++i) store.add_action(store.start_session("t", "x.lua", "x", "d", 1), "reflect");
    }
    std::string bytes = slurp(path);
    REQUIRE(bytes.size() > 8192);
    for (std::size_t i = 4096; i < bytes.size(); i += 7) bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
    std::ofstream(path, std::ios::binary) << bytes;
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
    CHECK_THROWS_AS(records::Store{path}, records::StoreError);
    CHECK(slurp(path) == bytes);
}

TEST_CASE("a store from a newer Holdspace is refused") {
    TempDir dir;
    const auto path = dir.file("store.db");
    { records::Store store(path); }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    CHECK_THROWS_WITH_AS(records::Store{path}, doctest::Contains("newer Holdspace"), records::StoreError);
}

TEST_CASE("a kill at any moment loses no committed action") {
    TempDir dir;
    const auto path = dir.file("store.db");
    std::mt19937 pick(12345);  // fixed: the kill points are the same every run
    for (int round = 0; round < 8; ++round) {
        int pipe_fd[2];
        REQUIRE(pipe(pipe_fd) == 0);
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(pipe_fd[0]);
            try {
                records::Store store(path);
                const auto id = store.start_session("t", "x.lua", "x", "d", static_cast<std::uint64_t>(round));
                for (int i = 0;; ++i) {
                    store.add_action(id, "a" + std::to_string(i));
                    const std::int64_t done[2] = {id, i};  // committed: tell the parent
                    if (write(pipe_fd[1], done, sizeof done) != sizeof done) _exit(2);
                }
            } catch (...) {
                _exit(1);
            }
        }
        close(pipe_fd[1]);
        const int wanted = 5 + static_cast<int>(pick() % 200);
        std::int64_t last[2] = {0, -1};
        for (int got = 0; got < wanted; ++got)
            if (read(pipe_fd[0], last, sizeof last) != sizeof last) break;
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        // Everything acknowledged before the kill is there (more may be: the write raced the kill).
        std::int64_t more[2];
        while (read(pipe_fd[0], more, sizeof more) == sizeof more) { last[0] = more[0]; last[1] = more[1]; }
        close(pipe_fd[0]);
        records::Store store(path);
        const auto actions = store.actions(last[0]);
        CAPTURE(round);
        REQUIRE(static_cast<std::int64_t>(actions.size()) >= last[1] + 1);
        for (std::int64_t i = 0; i <= last[1]; ++i) CHECK(actions[static_cast<std::size_t>(i)] == "a" + std::to_string(i));
    }
}

TEST_CASE("a store made by the first schema is migrated forward with its records intact") {
    TempDir dir;
    const auto path = dir.file("store.db");
    {
        // Schema 1 exactly as the first Holdspace store wrote it, with one finished session.
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        const char* v1 = R"(
            CREATE TABLE trainees (id TEXT PRIMARY KEY, created_at TEXT NOT NULL);
            CREATE TABLE sessions (
                id INTEGER PRIMARY KEY AUTOINCREMENT, trainee TEXT NOT NULL REFERENCES trainees(id),
                scenario_path TEXT NOT NULL, scenario_id TEXT NOT NULL, scenario_digest TEXT NOT NULL,
                seed INTEGER NOT NULL, started_at TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('open', 'finished', 'closed')),
                rubric TEXT, overall REAL, score TEXT, events TEXT);
            CREATE TABLE actions (session INTEGER NOT NULL REFERENCES sessions(id), seq INTEGER NOT NULL,
                action TEXT NOT NULL, PRIMARY KEY (session, seq));
            CREATE TABLE annotations (id INTEGER PRIMARY KEY AUTOINCREMENT,
                session INTEGER NOT NULL REFERENCES sessions(id), event_index INTEGER NOT NULL,
                author TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL);
            CREATE INDEX sessions_by_trainee ON sessions(trainee);
            CREATE INDEX sessions_by_scenario ON sessions(scenario_id);
            PRAGMA application_id=1215261796;
            PRAGMA user_version=1;
            INSERT INTO trainees VALUES ('ana', '2026-01-02T03:04:05Z');
            INSERT INTO sessions VALUES (1, 'ana', 's.lua', 's', 'abc', 7, '2026-01-02T03:04:06Z', 'finished',
                'patient_directed', 81.5, '{}', '[{"type":"start","t":0}]');
            INSERT INTO actions VALUES (1, 1, '2'), (1, 2, 'wait 5');
            INSERT INTO annotations VALUES (1, 1, 0, 'sup', 'good pacing', '2026-01-02T04:00:00Z');
        )";
        REQUIRE(sqlite3_exec(db, v1, nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    records::Store store(path);
    const auto row = store.session(1);
    REQUIRE(row);
    CHECK(row->trainee == "ana");
    CHECK(row->overall == doctest::Approx(81.5));
    CHECK(store.actions(1) == std::vector<std::string>{"2", "wait 5"});
    CHECK(store.events(1).size() == 1);
    REQUIRE(store.annotations(1).size() == 1);
    CHECK(store.annotations(1)[0].text == "good pacing");
    // What schema 2 adds works on the migrated store.
    store.override_score(1, 0, 60, "sup", "the reflection missed the feeling");
    CHECK(store.overrides(1).size() == 1);
    CHECK(store.queue_statements(1, Json::parse(R"([{"id":"s1"}])")) == 1);
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == records::Store::schema_version);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST_CASE("score overrides sit beside the automatic score and need a reason") {
    TempDir dir;
    records::Store store(dir.file("store.db"));
    const auto id = store.start_session("t", "x.lua", "x", "d", 1);
    store.finish_session(id, Json::array(), "patient_directed", 70.0, Json::object());
    CHECK_THROWS_AS(store.override_score(id, 3, 50, "sup", ""), records::StoreError);
    CHECK_THROWS_AS(store.override_score(id, 3, 120, "sup", "why"), records::StoreError);
    store.override_score(id, 3, 50, "sup", "steered toward the memory");
    store.override_score(id, 3, 65, "sup2", "on review: the invitation was open");
    const auto all = store.overrides(id);
    REQUIRE(all.size() == 2);
    CHECK(all[1].score == doctest::Approx(65));
    CHECK(all[1].reason == "on review: the invitation was open");
    CHECK(store.session(id)->overall == doctest::Approx(70.0));  // the automatic score is untouched
}

TEST_CASE("the outbox keeps each statement once until it is acknowledged") {
    TempDir dir;
    const auto path = dir.file("store.db");
    std::int64_t id = 0;
    {
        records::Store store(path);
        id = store.start_session("t", "x.lua", "x", "d", 1);
        const auto statements = Json::parse(R"([{"id":"a","verb":1},{"id":"b","verb":2},{"id":"c","verb":3}])");
        CHECK(store.queue_statements(id, statements) == 3);
        CHECK(store.queue_statements(id, statements) == 0);  // queued again: nothing new
        store.mark_failed({"a", "b"}, "connection refused");
        store.mark_sent({"c"});
    }
    records::Store store(path);  // survives reopening
    auto pending = store.pending_statements();
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].id == "a");
    CHECK(pending[0].attempts == 1);
    CHECK(pending[0].last_error == "connection refused");
    CHECK(pending[1].statement["verb"] == 2);
    store.mark_sent({"a", "b"});
    CHECK(store.pending_statements().empty());
    CHECK(store.queue_statements(id, Json::parse(R"([{"id":"a"}])")) == 0);  // sent ones are never re-queued
    CHECK(store.outbox_counts().sent == 3);
    CHECK(store.outbox_counts().pending == 0);
}

TEST_CASE("a schema-2 store gains the set-aside columns and keeps its queue") {
    TempDir dir;
    const auto path = dir.file("store.db");
    {
        records::Store store(path);
        const auto id = store.start_session("t", "x.lua", "x", "d", 1);
        store.queue_statements(id, Json::parse(R"([{"id":"a"},{"id":"b"}])"));
        store.mark_sent({"b"});
    }
    sqlite3* db = nullptr;  // back to what schema 2 had
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "ALTER TABLE outbox DROP COLUMN set_aside_reason; ALTER TABLE outbox DROP COLUMN set_aside_at; "
                         "DROP INDEX annotations_by_statement; DROP INDEX overrides_by_statement; DROP TABLE pull_cursors; "
                         "ALTER TABLE sessions DROP COLUMN pulled_from; ALTER TABLE sessions DROP COLUMN pulled_at; "
                         "ALTER TABLE sessions DROP COLUMN statement_id; ALTER TABLE annotations DROP COLUMN statement_id; "
                         "ALTER TABLE score_overrides DROP COLUMN statement_id; "
                         "PRAGMA user_version=2",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    records::Store store(path);
    REQUIRE(store.pending_statements().size() == 1);
    CHECK(store.outbox_counts().sent == 1);
    CHECK(store.set_aside("a", "why"));
    CHECK(store.pending_statements().empty());
}

TEST_CASE("a statement set aside stays in the store, is not sent, and can be queued again") {
    TempDir dir;
    const auto path = dir.file("store.db");
    {
        records::Store store(path);
        const auto id = store.start_session("t", "x.lua", "x", "d", 1);
        store.queue_statements(id, Json::parse(R"([{"id":"a"},{"id":"b"},{"id":"c"}])"));
        store.mark_failed({"b"}, "HTTP 400: invalid verb");
        store.mark_sent({"c"});
        CHECK_THROWS_AS(store.set_aside("b", ""), records::StoreError);  // a reason is required
        CHECK(store.set_aside("b", "edited by hand"));
        CHECK_FALSE(store.set_aside("b", "again"));  // already aside
        CHECK_FALSE(store.set_aside("c", "sent"));   // sent statements are not in the queue
        CHECK_FALSE(store.set_aside("zzz", "unknown"));
    }
    records::Store store(path);  // survives reopening
    const auto pending = store.pending_statements();
    REQUIRE(pending.size() == 1);
    CHECK(pending[0].id == "a");
    const auto aside = store.set_aside_statements();
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].id == "b");
    CHECK(aside[0].last_error == "edited by hand");
    CHECK(store.outbox_counts().pending == 1);
    CHECK(store.outbox_counts().sent == 1);
    CHECK(store.outbox_counts().set_aside == 1);
    CHECK(store.queue_statements(1, Json::parse(R"([{"id":"b"}])")) == 0);  // queuing again does not revive it
    CHECK(store.pending_statements().size() == 1);
    CHECK(store.requeue("b"));
    CHECK_FALSE(store.requeue("b"));
    CHECK(store.pending_statements().size() == 2);
    CHECK(store.outbox_counts().set_aside == 0);
}

TEST_CASE("drill attempts are kept per trainee in order") {
    TempDir dir;
    records::Store store(dir.file("store.db"));
    store.add_drill_attempt({0, "ana", "d1", "presence", "poor", 20, "2026-11-01T10:00:00Z"});
    store.add_drill_attempt({0, "ben", "d1", "presence", "expert", 100, ""});
    store.add_drill_attempt({0, "ana", "d1", "presence", "expert", 100, "2026-11-03T10:00:00Z"});
    const auto ana = store.drill_attempts("ana");
    REQUIRE(ana.size() == 2);
    CHECK(ana[0].judgement == "poor");
    CHECK(ana[1].answered_at == "2026-11-03T10:00:00Z");
    CHECK(store.drill_attempts("ben")[0].answered_at.size() == 20);  // stamped when left empty
}

TEST_CASE("an imported session is added whole, dated as given, and never twice") {
    TempDir dir;
    records::Store store(dir.file("store.db"));
    records::Store::Imported old;
    old.trainee = "ana";
    old.scenario_path = "s.lua";
    old.scenario_id = "s";
    old.digest = "abc";
    old.seed = 3;
    old.started_at = "2026-01-05T08:00:00Z";
    old.actions = {"2", "wait 5", "end"};
    old.events = Json::parse(R"([{"type":"start","t":0},{"type":"end","t":5}])");
    old.rubric = "patient_directed";
    old.overall = 64.0;
    old.score = Json{{"overall", 64.0}};
    old.source = "/home/ana/.local/share/holdspace/sessions/ana/1.jsonl";
    const auto id = store.import_session(old);
    REQUIRE(id);
    CHECK_FALSE(store.import_session(old));  // again, e.g. after a crash before the file was renamed
    CHECK(store.sessions().size() == 1);
    const auto row = store.session(*id);
    CHECK(row->started_at == "2026-01-05T08:00:00Z");
    CHECK(row->status == "finished");
    CHECK(store.actions(*id) == old.actions);
    CHECK(store.score(*id)["overall"] == 64.0);
    records::Store::Imported unfinished = old;
    unfinished.events.reset();
    unfinished.actions = {"1"};
    unfinished.source = "/elsewhere/2.jsonl";
    const auto open_id = store.import_session(unfinished);
    REQUIRE(open_id);
    CHECK(store.session(*open_id)->status == "open");
    CHECK(store.score(*open_id) == Json::object());
}

TEST_CASE("finished sessions whose statements are not queued yet are found for the outbox") {
    TempDir dir;
    records::Store store(dir.file("store.db"));
    const auto open_one = store.start_session("t", "x.lua", "x", "d", 1);
    const auto queued = store.start_session("t", "x.lua", "x", "d", 2);
    const auto waiting = store.start_session("t", "x.lua", "x", "d", 3);
    store.finish_session(queued, Json::array(), "r", 50.0, Json::object());
    store.finish_session(waiting, Json::array(), "r", 60.0, Json::object());
    store.queue_statements(queued, Json::parse(R"([{"id":"q1"}])"));
    CHECK(store.finished_sessions_not_queued() == std::vector<std::int64_t>{waiting});
    CHECK(open_one != waiting);
}
