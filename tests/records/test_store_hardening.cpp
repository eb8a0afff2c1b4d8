// The record store against bad bytes, several programs at once and read-only files (issue 14:
// "one bad byte blocks everyone", "concurrent first use", "smaller").
#include "records/store.hpp"
#include "records/text.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <thread>

using namespace holdspace;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("holdspace-hard-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
    static inline int n = 0;
};

// Writes SQL straight into the store's file, as an older version or another tool might.
void raw_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

const std::string fffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("rows with invalid UTF-8 written by another tool are read, shown as U+FFFD, and block nothing") {
    TempDir dir;
    const auto path = dir.file("store.db");
    std::int64_t good = 0;
    {
        records::Store store(path);
        good = store.start_session("ana", "/s.lua", "informed_consent", "d", 1);
        store.finish_session(good, Json::array({{{"type", "start"}, {"t", 0}, {"title", "T"}}}), "r", 50.0,
                             Json{{"overall", 50}});
        store.queue_statements(good, Json::array({{{"id", "good-1"}, {"verb", "v"}}}));
    }
    // Bad bytes in every kind of column: a trainee id, scenario fields, transcripts, scores,
    // notes, override reasons and queued statements.
    raw_sql(path,
            "INSERT INTO trainees(id, created_at) VALUES (CAST(X'6261FF64' AS TEXT), 'x');"
            "INSERT INTO sessions(trainee, scenario_path, scenario_id, scenario_digest, seed, started_at, status, rubric, "
            "overall, score, events) VALUES (CAST(X'6261FF64' AS TEXT), CAST(X'2FFE2E6C7561' AS TEXT), "
            "CAST(X'6964FF' AS TEXT), 'd', 2, '2025-01-01T00:00:00Z', 'finished', 'r', 40, "
            "CAST(X'7B226F766572616C6C223A34302C2278223A2261FF227D' AS TEXT), "
            "CAST(X'5B7B2274797065223A227361C0222C2274223A307D5D' AS TEXT));"
            "INSERT INTO annotations(session, event_index, author, text, created_at) VALUES (2, 0, "
            "CAST(X'61FF' AS TEXT), CAST(X'6E6F7465FF' AS TEXT), 'x');"
            "INSERT INTO score_overrides(session, event_index, score, author, reason, created_at) VALUES (2, 0, 50, "
            "'sup', CAST(X'726561736F6EFF' AS TEXT), 'x');"
            "INSERT INTO outbox(id, session, statement, queued_at) VALUES ('bad-1', 2, "
            "CAST(X'7B226964223A226261642D31222C226E223A2261FF227D' AS TEXT), 'x');"
            "INSERT INTO outbox(id, session, statement, queued_at) VALUES ('broken-1', 2, '{\"id\": broken', 'x');");
    records::Store store(path);
    const auto rows = store.sessions();
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].trainee == "ba\xff" "d");  // kept as it is in the store: filters and resume still match it
    CHECK(records::json_text(Json{{"trainee", rows[1].trainee}}) == "{\"trainee\":\"ba" + fffd + "d\"}");
    CHECK(store.events(2)[0]["type"] == "sa" + fffd);
    CHECK(store.score(2)["x"] == "a" + fffd);
    CHECK(store.annotations(2).size() == 1);
    CHECK(store.overrides(2).size() == 1);
    // The outbox: the repairable statement is sent, the truly damaged one waits without blocking.
    const auto pending = store.pending_statements();
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].id == "good-1");
    CHECK(pending[1].statement["n"] == "a" + fffd);
    CHECK(store.outbox_counts().pending == 3);
    // The store's own writes of such text never throw, and come back valid.
    const auto s3 = store.start_session("ana", "/s.lua", "x", "d", 3);
    CHECK_NOTHROW(store.finish_session(s3, Json::array({{{"say", "b\xff"}}}), "r", 1.0, Json{{"who", "c\xfe"}}));
    CHECK(store.events(s3)[0]["say"] == "b" + fffd);
    CHECK(store.queue_statements(s3, Json::array({{{"id", "s3-1"}, {"actor", "d\xff"}}})) == 1);
}

TEST_CASE("the store refuses trainee ids, authors, notes and reasons that are not clean text") {
    TempDir dir;
    records::Store store(dir.file("store.db"));
    CHECK_THROWS_AS(store.add_trainee(""), records::StoreError);
    CHECK_THROWS_WITH_AS(store.add_trainee("ana\xff"), doctest::Contains("not valid UTF-8"), records::StoreError);
    CHECK_THROWS_WITH_AS(store.add_trainee("a\x1b[2J"), doctest::Contains("control character"), records::StoreError);
    CHECK_THROWS_AS(store.add_trainee(std::string(300, 'a')), records::StoreError);
    CHECK_THROWS_AS(store.start_session("\xff", "/s.lua", "x", "d", 1), records::StoreError);
    CHECK(store.sessions().empty());
    const auto id = store.start_session("ana", "/s.lua", "x", "d", 1);
    CHECK_THROWS_AS(store.annotate(id, 0, "sup", "note\xff"), records::StoreError);
    CHECK_THROWS_AS(store.annotate(id, 0, "s\xffp", "note"), records::StoreError);
    CHECK_NOTHROW(store.annotate(id, 0, "sup", "two\nlines"));
    CHECK_THROWS_AS(store.override_score(id, 0, 50, "sup", "why\xff"), records::StoreError);
    CHECK(store.trainees() == std::vector<std::string>{"ana"});
}

TEST_CASE("eight connections creating the same store at once all succeed and keep every session") {
    for (int round = 0; round < 5; ++round) {
        TempDir dir;
        const auto path = dir.file("fresh/store.db");
        constexpr int n = 8;
        std::vector<std::thread> threads;
        std::vector<std::string> errors(n);
        for (int i = 0; i < n; ++i)
            threads.emplace_back([&, i] {
                try {
                    records::Store store(path);
                    store.start_session("t" + std::to_string(i), "/s.lua", "x", "d", 1);
                } catch (const std::exception& e) {
                    errors[static_cast<std::size_t>(i)] = e.what();
                }
            });
        for (auto& t : threads) t.join();
        for (const auto& e : errors) CHECK(e == "");
        records::Store store(path);
        CHECK(store.sessions().size() == n);
    }
}

TEST_CASE("a store from an older schema migrated by several connections at once is migrated once") {
    TempDir dir;
    const auto path = dir.file("store.db");
    { records::Store store(path); store.start_session("ana", "/s.lua", "x", "d", 1); }
    // Back to schema 2: the set-aside columns gone (the state an older Holdspace left).
    raw_sql(path,
            "ALTER TABLE outbox DROP COLUMN set_aside_at; ALTER TABLE outbox DROP COLUMN set_aside_reason;"
            "DROP INDEX annotations_by_statement; DROP INDEX overrides_by_statement; DROP TABLE pull_cursors;"
            "ALTER TABLE sessions DROP COLUMN pulled_from; ALTER TABLE sessions DROP COLUMN pulled_at;"
            "ALTER TABLE sessions DROP COLUMN statement_id; ALTER TABLE annotations DROP COLUMN statement_id;"
            "ALTER TABLE score_overrides DROP COLUMN statement_id;"
            "PRAGMA user_version=2;");
    std::vector<std::string> errors(8);
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&, i] {
            try {
                records::Store store(path);
                store.outbox_counts();
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(i)] = e.what();
            }
        });
    for (auto& t : threads) t.join();
    for (const auto& e : errors) CHECK(e == "");  // "duplicate column name" before
    records::Store store(path);
    CHECK(store.sessions().size() == 1);
}

// Runs `work` in a child process as user nobody (so file modes apply even when the tests run as
// root); returns the child's exit code.
template <typename Work>
int as_other_user(Work work) {
    const pid_t pid = fork();
    if (pid == 0) {
        if (::getuid() == 0 && setresgid(65534, 65534, 65534) != 0) _exit(90);
        if (::getuid() == 0 && setresuid(65534, 65534, 65534) != 0) _exit(91);
        _exit(work());
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

TEST_CASE("another user's 0644 store in a folder they cannot write is read, not refused") {
    TempDir dir;
    const auto path = dir.file("store.db");
    {
        records::Store store(path);
        const auto id = store.start_session("ana", "/s.lua", "x", "d", 1);
        store.finish_session(id, Json::array(), "r", 70.0, Json::object());
    }
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
    fs::permissions(dir.path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    CHECK(as_other_user([&] {
              try {
                  records::Store store(path, records::Store::Access::read);
                  if (!store.read_only()) return 3;
                  if (store.sessions().size() != 1) return 4;
                  if (store.events(1) != Json::array()) return 5;
                  try {
                      store.start_session("bo", "/s.lua", "x", "d", 1);
                      return 6;
                  } catch (const records::StoreError& e) {
                      if (std::string(e.what()).find("read-only") == std::string::npos) return 7;
                  }
                  return 0;
              } catch (const std::exception& e) {
                  fprintf(stderr, "read-only store: %s\n", e.what());
                  return 2;
              }
          }) == 0);
    // A command that writes says so in one line.
    CHECK(as_other_user([&] {
              try {
                  records::Store store(path);
                  return 1;
              } catch (const records::StoreError& e) {
                  return std::string(e.what()).find("read-only here") != std::string::npos ? 0 : 2;
              }
          }) == 0);
    // Nothing was created beside it (no -wal or -shm of the other user's).
    int files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path)) ++files;
    CHECK(files == 1);
}
