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
