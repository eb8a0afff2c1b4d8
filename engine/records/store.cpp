#include "records/store.hpp"

#include <sqlite3.h>

#include "records/text.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

namespace holdspace::records {
namespace {

constexpr int application_id = 0x486f6c64;  // "Hold": marks a file as a Holdspace store

// An SQLite error as a StoreError naming the file: StoreBusy when another program holds the lock,
// and a plain word when the store cannot be written to here.
[[noreturn]] void throw_sqlite(sqlite3*, int rc, const std::string& path, const std::string& message) {
    const int primary = rc & 0xff;
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
        throw StoreBusy(path + ": " + message + " (another program kept the record store busy)");
    if (primary == SQLITE_READONLY)
        throw StoreError(path + ": the record store is read-only here; this command needs to write to it (" + message + ")");
    throw StoreError(path + ": " + message);
}

// One prepared statement, finalized on every path.
class Statement {
public:
    Statement(sqlite3* db, const char* sql, const std::string& path) : db_(db), path_(path) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) fail();
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int i, const std::string& v) {
        check(sqlite3_bind_text(stmt_, i, v.c_str(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
        return *this;
    }
    Statement& bind(int i, std::int64_t v) {
        check(sqlite3_bind_int64(stmt_, i, v));
        return *this;
    }
    Statement& bind(int i, double v) {
        check(sqlite3_bind_double(stmt_, i, v));
        return *this;
    }
    Statement& bind_null(int i) {
        check(sqlite3_bind_null(stmt_, i));
        return *this;
    }
    // True while there is a row.
    bool step() {
        const int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc != SQLITE_DONE) fail();
        return false;
    }
    std::string text(int col) const {
        const auto* p = sqlite3_column_text(stmt_, col);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    std::optional<double> real(int col) const {
        if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
        return sqlite3_column_double(stmt_, col);
    }

private:
    void check(int rc) {
        if (rc != SQLITE_OK) fail();
    }
    [[noreturn]] void fail() { throw_sqlite(db_, sqlite3_extended_errcode(db_), path_, sqlite3_errmsg(db_)); }
    sqlite3* db_;
    std::string path_;
    sqlite3_stmt* stmt_ = nullptr;
};

// A file that exists and is not empty must start like an SQLite database.
void refuse_foreign_file(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) || std::filesystem::file_size(path, ec) == 0) return;
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    if (std::string(header, 15) != "SQLite format 3")
        throw StoreError(path + ": not a Holdspace record store (not an SQLite database); it was left untouched");
}

// Outbox rows as selected: id, session, statement, attempts, a note (last error or reason).
std::vector<OutboxItem> read_outbox(Statement& s) {
    std::vector<OutboxItem> out;
    while (s.step()) {
        OutboxItem item;
        item.id = s.text(0);
        item.session = s.integer(1);
        try {
            item.statement = parse_stored_json(s.text(2));
        } catch (const Json::parse_error&) {
            // One damaged row (another tool wrote it) must not stop every other statement: it stays
            // in the store, counted as waiting, and is neither sent nor listed.
            continue;
        }
        item.attempts = static_cast<int>(s.integer(3));
        item.last_error = s.text(4);
        out.push_back(std::move(item));
    }
    return out;
}

// A JSON column of one session (`sql` selects it by id); `missing` when there is no such session.
Json session_json(sqlite3* db, const std::string& path, const char* sql, std::int64_t session, Json missing,
                  const char* what) {
    Statement s(db, sql, path);
    s.bind(1, session);
    if (!s.step()) return missing;
    try {
        return parse_stored_json(s.text(0));
    } catch (const Json::parse_error&) {
        throw StoreError(path + ": session " + std::to_string(session) + " has a damaged " + what);
    }
}

}  // namespace

Store::Store(const std::string& path, Access access) : path_(path) {
    refuse_foreign_file(path);
    // Several programs may create or migrate the same store at once (eight `play --trainee` started
    // together on a fresh folder): a step that finds the store locked past the busy timeout starts
    // the open again, after a short random pause, until the deadline.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::minstd_rand jitter(static_cast<unsigned>(::getpid()));
    for (;;) {
        try {
            open(access);
            return;
        } catch (const StoreBusy&) {
            if (std::chrono::steady_clock::now() > deadline) throw;
            std::this_thread::sleep_for(std::chrono::milliseconds(10 + jitter() % 50));
        }
    }
}

void Store::open_read_only(bool immutable) {
    // A URI, so that SQLite neither creates nor writes anything (no -wal or -shm next to another
    // user's file); immutable when not even the -shm can be made (a read-only folder or mount).
    std::string uri = "file:";
    static const char* hex_digits = "0123456789ABCDEF";
    for (const char c : path_) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '%' || c == '?' || c == '#') {
            uri += '%';
            uri += hex_digits[u >> 4];
            uri += hex_digits[u & 15];
        } else {
            uri += c;
        }
    }
    uri += immutable ? "?immutable=1" : "?mode=ro";
    if (sqlite3_open_v2(uri.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX, nullptr) !=
        SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "cannot open";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path_ + ": " + message + " (opened read-only)");
    }
    sqlite3_busy_timeout(db_, 5000);
    read_only_ = true;
}

void Store::open(Access access) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool exists = fs::exists(path_, ec);
    fs::path dir = fs::path(path_).parent_path();
    if (dir.empty()) dir = ".";
    if (!exists) {
        fs::create_directories(dir, ec);
    }
    const bool dir_writable = ::access(dir.c_str(), W_OK) == 0;
    const bool file_writable = !exists || ::access(path_.c_str(), W_OK) == 0;
    if (!(dir_writable && file_writable)) {
        if (!exists) throw StoreError(path_ + ": no record store here, and its folder cannot be written to");
        if (access == Access::write)
            throw StoreError(path_ + ": the record store is read-only here (" +
                             (file_writable ? "its folder cannot be written to" : "the file cannot be written to") +
                             "); this command needs to write to it");
        open_read_only(false);
    } else if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                               nullptr) != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : "cannot open";
        sqlite3_close(db_);
        db_ = nullptr;
        throw StoreError(path_ + ": " + message);
    } else {
        sqlite3_busy_timeout(db_, 5000);
    }
    try {
        if (read_only_) {
            // Without write access to the folder, a store in WAL mode whose -shm is gone can only be
            // read as immutable (nobody can be writing to it then anyway).
            // (SQLite answers SQLITE_CANTOPEN or SQLITE_READONLY_CANTINIT, depending on what is missing.)
            if (sqlite3_exec(db_, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr) != SQLITE_OK) {
                sqlite3_close(db_);
                db_ = nullptr;
                open_read_only(true);
            }
        }
        {
            Statement check(db_, "PRAGMA quick_check", path_);
            if (check.step() && check.text(0) != "ok")
                throw StoreError(path_ + ": the record store is damaged (" + check.text(0) + "); it was left untouched");
        }
        // Read together, in one read transaction: another program may be creating the store at this
        // moment, and an id read before its commit with tables read after would look foreign.
        int app = 0, version = 0, tables = 0;
        if (!read_only_) exec("BEGIN");
        try {
            {
                Statement s(db_, "PRAGMA application_id", path_);
                if (s.step()) app = static_cast<int>(s.integer(0));
            }
            {
                Statement s(db_, "PRAGMA user_version", path_);
                if (s.step()) version = static_cast<int>(s.integer(0));
            }
            {
                Statement s(db_, "SELECT count(*) FROM sqlite_master", path_);
                if (s.step()) tables = static_cast<int>(s.integer(0));
            }
        } catch (...) {
            if (!read_only_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
            throw;
        }
        if (!read_only_) exec("COMMIT");
        if ((app != application_id && (version != 0 || tables != 0)))
            throw StoreError(path_ + ": not a Holdspace record store (another program's database); it was left untouched");
        if (version > schema_version)
            throw StoreError(path_ + ": made by a newer Holdspace (schema " + std::to_string(version) +
                             "; this one reads up to " + std::to_string(schema_version) + ")");
        if (read_only_) {
            if (version == 0) throw StoreError(path_ + ": an empty record store that cannot be written to");
            return;  // read as it is: no journal mode, no migration
        }
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
        migrate();
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        read_only_ = false;
        throw;
    }
}

Store::~Store() {
    if (db_) sqlite3_close(db_);
}

std::string Store::default_dir() {
    if (const char* d = std::getenv("HOLDSPACE_DATA"); d && *d) return d;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/holdspace";
    if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.local/share/holdspace";
    return ".holdspace";
}

// Runs `work` in one write transaction: all of it is committed, or none (and the error goes on).
void Store::transaction(const std::function<void()>& work) {
    exec("BEGIN IMMEDIATE");
    try {
        work();
        exec("COMMIT");
    } catch (...) {
        sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
        throw;
    }
}

void Store::exec(const char* sql) {
    char* error = nullptr;
    if (const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error); rc != SQLITE_OK) {
        const std::string message = error ? error : "error";
        sqlite3_free(error);
        throw_sqlite(db_, rc, path_, message);
    }
}

// Each step moves the schema one version forward; a store made by any earlier version opens by
// running the steps it lacks. All of them run in one BEGIN IMMEDIATE transaction that reads the
// version itself: another program creating or migrating the same store at the same moment either
// finished first (and nothing is left to do here) or waits for this one, never both ("table
// trainees already exists", "duplicate column" were two programs each seeing version 0).
void Store::migrate() {
    {
        Statement s(db_, "PRAGMA user_version", path_);
        if (s.step() && s.integer(0) == schema_version) return;  // the common case: no write lock taken
    }
    transaction([&] {
    int version = 0;
    {
        Statement s(db_, "PRAGMA user_version", path_);
        if (s.step()) version = static_cast<int>(s.integer(0));
    }
    if (version > schema_version)
        throw StoreError(path_ + ": made by a newer Holdspace (schema " + std::to_string(version) +
                         "; this one reads up to " + std::to_string(schema_version) + ")");
    if (version < 1) {
        {
            exec(R"(
                CREATE TABLE trainees (
                    id TEXT PRIMARY KEY,
                    created_at TEXT NOT NULL);
                CREATE TABLE sessions (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    trainee TEXT NOT NULL REFERENCES trainees(id),
                    scenario_path TEXT NOT NULL,
                    scenario_id TEXT NOT NULL,
                    scenario_digest TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    started_at TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'finished', 'closed')),
                    rubric TEXT,
                    overall REAL,
                    score TEXT,
                    events TEXT);
                CREATE TABLE actions (
                    session INTEGER NOT NULL REFERENCES sessions(id),
                    seq INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    PRIMARY KEY (session, seq));
                CREATE TABLE annotations (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session INTEGER NOT NULL REFERENCES sessions(id),
                    event_index INTEGER NOT NULL,
                    author TEXT NOT NULL,
                    text TEXT NOT NULL,
                    created_at TEXT NOT NULL);
                CREATE INDEX sessions_by_trainee ON sessions(trainee);
                CREATE INDEX sessions_by_scenario ON sessions(scenario_id);
            )");
            exec(("PRAGMA application_id=" + std::to_string(application_id)).c_str());
            exec("PRAGMA user_version=1");
        }
    }
    if (version < 2) {
        {
            exec(R"(
                CREATE TABLE score_overrides (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session INTEGER NOT NULL REFERENCES sessions(id),
                    event_index INTEGER NOT NULL,
                    score REAL NOT NULL CHECK (score >= 0 AND score <= 100),
                    author TEXT NOT NULL,
                    reason TEXT NOT NULL CHECK (reason <> ''),
                    created_at TEXT NOT NULL);
                CREATE TABLE outbox (
                    id TEXT PRIMARY KEY,
                    session INTEGER NOT NULL REFERENCES sessions(id),
                    statement TEXT NOT NULL,
                    queued_at TEXT NOT NULL,
                    sent_at TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT);
                CREATE INDEX outbox_pending ON outbox(sent_at);
                CREATE INDEX outbox_by_session ON outbox(session);
                CREATE TABLE drill_attempts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    trainee TEXT NOT NULL REFERENCES trainees(id),
                    drill TEXT NOT NULL,
                    domain TEXT NOT NULL,
                    judgement TEXT NOT NULL,
                    score REAL NOT NULL,
                    answered_at TEXT NOT NULL);
                CREATE INDEX drill_attempts_by_trainee ON drill_attempts(trainee);
                ALTER TABLE sessions ADD COLUMN imported_from TEXT;
                CREATE UNIQUE INDEX sessions_imported_from ON sessions(imported_from) WHERE imported_from IS NOT NULL;
            )");
            exec(("PRAGMA application_id=" + std::to_string(application_id)).c_str());
            exec("PRAGMA user_version=2");
        }
    }
    if (version < 3) {
        {
            // Statements the LRS will never accept can be set aside (kept, not sent).
            exec(R"(
                ALTER TABLE outbox ADD COLUMN set_aside_at TEXT;
                ALTER TABLE outbox ADD COLUMN set_aside_reason TEXT;
            )");
            exec("PRAGMA user_version=3");
        }
    }
    if (version < 4) {
        {
            exec(R"(
                ALTER TABLE sessions ADD COLUMN pulled_from TEXT;
                ALTER TABLE sessions ADD COLUMN pulled_at TEXT;
                ALTER TABLE sessions ADD COLUMN statement_id TEXT;
                ALTER TABLE annotations ADD COLUMN statement_id TEXT;
                ALTER TABLE score_overrides ADD COLUMN statement_id TEXT;
                CREATE UNIQUE INDEX annotations_by_statement ON annotations(statement_id) WHERE statement_id IS NOT NULL;
                CREATE UNIQUE INDEX overrides_by_statement ON score_overrides(statement_id) WHERE statement_id IS NOT NULL;
                CREATE TABLE pull_cursors (
                    lrs TEXT NOT NULL,
                    stream TEXT NOT NULL,
                    since TEXT NOT NULL,
                    PRIMARY KEY (lrs, stream));
            )");
            exec("PRAGMA user_version=4");
        }
    }
    });
}

void Store::add_trainee(const std::string& trainee) {
    if (trainee.empty()) throw StoreError("a trainee needs a name or ID");
    if (const auto problem = text_problem("trainee id", trainee, trainee_rule)) throw StoreError(*problem);
    Statement(db_, "INSERT OR IGNORE INTO trainees(id, created_at) VALUES (?, ?)", path_)
        .bind(1, trainee)
        .bind(2, utc_now())
        .step();
}

std::vector<std::string> Store::trainees() {
    std::vector<std::string> out;
    Statement s(db_, "SELECT id FROM trainees ORDER BY id", path_);
    while (s.step()) out.push_back(s.text(0));
    return out;
}

std::int64_t Store::start_session(const std::string& trainee, const std::string& scenario_path,
                                  const std::string& scenario_id, const std::string& digest, std::uint64_t seed) {
    add_trainee(trainee);
    Statement(db_,
              "INSERT INTO sessions(trainee, scenario_path, scenario_id, scenario_digest, seed, started_at, status) "
              "VALUES (?, ?, ?, ?, ?, ?, 'open')",
              path_)
        .bind(1, trainee)
        .bind(2, scenario_path)
        .bind(3, scenario_id)
        .bind(4, digest)
        .bind(5, static_cast<std::int64_t>(seed))
        .bind(6, utc_now())
        .step();
    return sqlite3_last_insert_rowid(db_);
}

void Store::add_action(std::int64_t session, const std::string& action) {
    Statement(db_,
              "INSERT INTO actions(session, seq, action) "
              "VALUES (?1, (SELECT coalesce(max(seq), 0) + 1 FROM actions WHERE session = ?1), ?2)",
              path_)
        .bind(1, session)
        .bind(2, action)
        .step();
}

void Store::finish_session(std::int64_t session, const Json& events, const std::string& rubric,
                           std::optional<double> overall, const Json& score) {
    Statement s(db_, "UPDATE sessions SET status = 'finished', events = ?, rubric = ?, overall = ?, score = ? WHERE id = ?",
                path_);
    s.bind(1, json_text(events)).bind(2, rubric);
    if (overall)
        s.bind(3, *overall);
    else
        s.bind_null(3);
    s.bind(4, json_text(score)).bind(5, session).step();
}

void Store::close_session(std::int64_t session) {
    Statement(db_, "UPDATE sessions SET status = 'closed' WHERE id = ? AND status = 'open'", path_).bind(1, session).step();
}

namespace {
const char* session_columns =
    "SELECT id, trainee, scenario_path, scenario_id, scenario_digest, seed, started_at, status, overall, "
    "coalesce(rubric, ''), coalesce(pulled_from, ''), coalesce(pulled_at, ''), coalesce(statement_id, '') FROM sessions";

SessionRow row_of(const Statement& s) {
    SessionRow r;
    r.id = s.integer(0);
    r.trainee = s.text(1);
    r.scenario_path = s.text(2);
    r.scenario_id = s.text(3);
    r.scenario_digest = s.text(4);
    r.seed = static_cast<std::uint64_t>(s.integer(5));
    r.started_at = s.text(6);
    r.status = s.text(7);
    r.overall = s.real(8);
    r.rubric = s.text(9);
    r.pulled_from = s.text(10);
    r.pulled_at = s.text(11);
    r.statement_id = s.text(12);
    return r;
}
}  // namespace

std::optional<SessionRow> Store::session(std::int64_t id) {
    Statement s(db_, (std::string(session_columns) + " WHERE id = ?").c_str(), path_);
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return row_of(s);
}

std::vector<SessionRow> Store::sessions(const std::string& trainee, const std::string& scenario_id) {
    Statement s(db_,
                (std::string(session_columns) +
                 " WHERE (?1 = '' OR trainee = ?1) AND (?2 = '' OR scenario_id = ?2) ORDER BY id")
                    .c_str(),
                path_);
    s.bind(1, trainee).bind(2, scenario_id);
    std::vector<SessionRow> out;
    while (s.step()) out.push_back(row_of(s));
    return out;
}

std::optional<std::int64_t> Store::import_session(const Imported& in) {
    if (in.source.empty()) throw StoreError("an imported session needs its source");
    add_trainee(in.trainee);
    std::optional<std::int64_t> id;
    transaction([&] {
        {
            Statement seen(db_, "SELECT 1 FROM sessions WHERE imported_from = ?", path_);
            seen.bind(1, in.source);
            if (seen.step()) return;  // imported before
        }
        Statement insert(db_,
                         "INSERT INTO sessions(trainee, scenario_path, scenario_id, scenario_digest, seed, started_at, status, "
                         "rubric, overall, score, events, imported_from, pulled_from, pulled_at, statement_id) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         path_);
        insert.bind(1, in.trainee)
            .bind(2, in.scenario_path)
            .bind(3, in.scenario_id)
            .bind(4, in.digest)
            .bind(5, static_cast<std::int64_t>(in.seed))
            .bind(6, in.started_at.empty() ? utc_now() : in.started_at)
            .bind(7, std::string(in.events ? "finished" : "open"));
        if (in.events) {
            insert.bind(8, in.rubric);
            if (in.overall) insert.bind(9, *in.overall);
            else insert.bind_null(9);
            insert.bind(10, json_text(in.score)).bind(11, json_text(*in.events));
        } else {
            insert.bind_null(8).bind_null(9).bind_null(10).bind_null(11);
        }
        insert.bind(12, in.source);
        auto text_or_null = [&](int column, const std::string& value) {
            if (value.empty()) insert.bind_null(column);
            else insert.bind(column, value);
        };
        text_or_null(13, in.pulled_from);
        text_or_null(14, in.pulled_at);
        text_or_null(15, in.statement_id);
        insert.step();
        id = sqlite3_last_insert_rowid(db_);
        std::int64_t seq = 0;
        for (const auto& a : in.actions)
            Statement(db_, "INSERT INTO actions(session, seq, action) VALUES (?, ?, ?)", path_)
                .bind(1, *id)
                .bind(2, ++seq)
                .bind(3, a)
                .step();
    });
    return id;
}

Json Store::score(std::int64_t session) {
    return session_json(db_, path_, "SELECT coalesce(score, '{}') FROM sessions WHERE id = ?", session, Json::object(),
                        "score");
}

std::vector<std::string> Store::actions(std::int64_t session) {
    Statement s(db_, "SELECT action FROM actions WHERE session = ? ORDER BY seq", path_);
    s.bind(1, session);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0));
    return out;
}

Json Store::events(std::int64_t session) {
    return session_json(db_, path_, "SELECT coalesce(events, '[]') FROM sessions WHERE id = ?", session, Json::array(),
                        "transcript");
}

std::int64_t Store::annotate(std::int64_t session, int event_index, const std::string& author, const std::string& text,
                             const std::string& statement_id, const std::string& created_at) {
    if (const auto problem = text_problem("author", author, author_rule)) throw StoreError(*problem);
    if (const auto problem = text_problem("note", text, note_rule)) throw StoreError(*problem);
    Statement insert(db_,
                     "INSERT OR IGNORE INTO annotations(session, event_index, author, text, created_at, statement_id) "
                     "VALUES (?, ?, ?, ?, ?, ?)",
                     path_);
    insert.bind(1, session)
        .bind(2, static_cast<std::int64_t>(event_index))
        .bind(3, author)
        .bind(4, text)
        .bind(5, created_at.empty() ? utc_now() : created_at);
    if (statement_id.empty()) insert.bind_null(6);
    else insert.bind(6, statement_id);
    insert.step();
    return sqlite3_changes(db_) > 0 ? sqlite3_last_insert_rowid(db_) : 0;
}

std::vector<Annotation> Store::annotations(std::int64_t session) {
    Statement s(db_,
                "SELECT id, session, event_index, author, text, created_at, coalesce(statement_id, '') FROM annotations "
                "WHERE session = ? ORDER BY id",
                path_);
    s.bind(1, session);
    std::vector<Annotation> out;
    while (s.step())
        out.push_back({s.integer(0), s.integer(1), static_cast<int>(s.integer(2)), s.text(3), s.text(4), s.text(5), s.text(6)});
    return out;
}

std::int64_t Store::override_score(std::int64_t session, int event_index, double score, const std::string& author,
                                   const std::string& reason, const std::string& statement_id,
                                   const std::string& created_at) {
    if (reason.empty()) throw StoreError("an override needs a reason");
    if (const auto problem = text_problem("author", author, author_rule)) throw StoreError(*problem);
    if (const auto problem = text_problem("reason", reason, note_rule)) throw StoreError(*problem);
    if (!(score >= 0 && score <= 100)) throw StoreError("an override's score is 0-100");
    Statement insert(db_,
                     "INSERT OR IGNORE INTO score_overrides(session, event_index, score, author, reason, created_at, "
                     "statement_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     path_);
    insert.bind(1, session)
        .bind(2, static_cast<std::int64_t>(event_index))
        .bind(3, score)
        .bind(4, author)
        .bind(5, reason)
        .bind(6, created_at.empty() ? utc_now() : created_at);
    if (statement_id.empty()) insert.bind_null(7);
    else insert.bind(7, statement_id);
    insert.step();
    return sqlite3_changes(db_) > 0 ? sqlite3_last_insert_rowid(db_) : 0;
}

std::vector<ScoreOverride> Store::overrides(std::int64_t session) {
    Statement s(db_,
                "SELECT id, session, event_index, score, author, reason, created_at, coalesce(statement_id, '') "
                "FROM score_overrides WHERE session = ? ORDER BY id",
                path_);
    s.bind(1, session);
    std::vector<ScoreOverride> out;
    while (s.step())
        out.push_back({s.integer(0), s.integer(1), static_cast<int>(s.integer(2)), s.real(3).value_or(0), s.text(4),
                       s.text(5), s.text(6), s.text(7)});
    return out;
}

void Store::set_supervision_statement(bool note, std::int64_t id, const std::string& statement_id) {
    Statement(db_, note ? "UPDATE annotations SET statement_id = ? WHERE id = ?" : "UPDATE score_overrides SET statement_id = ? WHERE id = ?",
              path_)
        .bind(1, statement_id)
        .bind(2, id)
        .step();
}

bool Store::has_supervision_statement(const std::string& statement_id) {
    Statement s(db_,
                "SELECT 1 FROM annotations WHERE statement_id = ?1 UNION ALL "
                "SELECT 1 FROM score_overrides WHERE statement_id = ?1",
                path_);
    s.bind(1, statement_id);
    return s.step();
}

std::string Store::pull_cursor(const std::string& lrs, const std::string& stream) {
    Statement s(db_, "SELECT since FROM pull_cursors WHERE lrs = ? AND stream = ?", path_);
    s.bind(1, lrs).bind(2, stream);
    return s.step() ? s.text(0) : std::string();
}

void Store::set_pull_cursor(const std::string& lrs, const std::string& stream, const std::string& since) {
    Statement(db_,
              "INSERT INTO pull_cursors(lrs, stream, since) VALUES (?, ?, ?) "
              "ON CONFLICT(lrs, stream) DO UPDATE SET since = excluded.since",
              path_)
        .bind(1, lrs)
        .bind(2, stream)
        .bind(3, since)
        .step();
}

int Store::queue_statements(std::int64_t session, const Json& statements) {
    int added = 0;
    transaction([&] {
        for (const auto& statement : statements) {
            const std::string id = statement.value("id", "");
            if (id.empty()) throw StoreError("an xAPI statement to queue has no id");
            Statement s(db_, "INSERT OR IGNORE INTO outbox(id, session, statement, queued_at) VALUES (?, ?, ?, ?)", path_);
            s.bind(1, id).bind(2, session).bind(3, json_text(statement)).bind(4, utc_now()).step();
            added += sqlite3_changes(db_);
        }
    });
    return added;
}

std::vector<std::int64_t> Store::finished_sessions_not_queued() {
    Statement s(db_,
                "SELECT id FROM sessions WHERE status = 'finished' AND pulled_from IS NULL AND NOT EXISTS "
                "(SELECT 1 FROM outbox WHERE outbox.session = sessions.id) ORDER BY id",
                path_);
    std::vector<std::int64_t> out;
    while (s.step()) out.push_back(s.integer(0));
    return out;
}

std::vector<OutboxItem> Store::pending_statements(int limit) {
    Statement s(db_,
                "SELECT id, session, statement, attempts, coalesce(last_error, '') FROM outbox "
                "WHERE sent_at IS NULL AND set_aside_at IS NULL ORDER BY rowid LIMIT ?",
                path_);
    s.bind(1, static_cast<std::int64_t>(limit));
    return read_outbox(s);
}

std::vector<OutboxItem> Store::set_aside_statements() {
    Statement s(db_,
                "SELECT id, session, statement, attempts, set_aside_reason FROM outbox WHERE set_aside_at IS NOT NULL "
                "ORDER BY rowid",
                path_);
    return read_outbox(s);
}


void Store::mark_sent(const std::vector<std::string>& ids) {
    transaction([&] {
        const std::string now = utc_now();
        for (const auto& id : ids)
            Statement(db_, "UPDATE outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?", path_)
                .bind(1, now)
                .bind(2, id)
                .step();
    });
}

void Store::mark_failed(const std::vector<std::string>& ids, const std::string& error) {
    transaction([&] {
        for (const auto& id : ids)
            Statement(db_, "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? AND sent_at IS NULL",
                      path_)
                .bind(1, error)
                .bind(2, id)
                .step();
    });
}

bool Store::set_aside(const std::string& id, const std::string& reason) {
    if (reason.empty()) throw StoreError("setting a statement aside needs a reason");
    if (const auto problem = text_problem("reason", reason, note_rule)) throw StoreError(*problem);
    Statement(db_,
              "UPDATE outbox SET set_aside_at = ?, set_aside_reason = ? "
              "WHERE id = ? AND sent_at IS NULL AND set_aside_at IS NULL",
              path_)
        .bind(1, utc_now())
        .bind(2, reason)
        .bind(3, id)
        .step();
    return sqlite3_changes(db_) > 0;
}

bool Store::requeue(const std::string& id) {
    Statement(db_, "UPDATE outbox SET set_aside_at = NULL, set_aside_reason = NULL WHERE id = ? AND set_aside_at IS NOT NULL",
              path_)
        .bind(1, id)
        .step();
    return sqlite3_changes(db_) > 0;
}

Store::OutboxCounts Store::outbox_counts() {
    Statement s(db_,
                "SELECT count(*) - count(sent_at) - count(set_aside_at), count(sent_at), count(set_aside_at) FROM outbox",
                path_);
    OutboxCounts counts;
    if (s.step()) {
        counts.pending = static_cast<int>(s.integer(0));
        counts.sent = static_cast<int>(s.integer(1));
        counts.set_aside = static_cast<int>(s.integer(2));
    }
    return counts;
}

std::int64_t Store::add_drill_attempt(const DrillAttempt& attempt) {
    add_trainee(attempt.trainee);
    Statement(db_,
              "INSERT INTO drill_attempts(trainee, drill, domain, judgement, score, answered_at) VALUES (?, ?, ?, ?, ?, ?)",
              path_)
        .bind(1, attempt.trainee)
        .bind(2, attempt.drill)
        .bind(3, attempt.domain)
        .bind(4, attempt.judgement)
        .bind(5, attempt.score)
        .bind(6, attempt.answered_at.empty() ? utc_now() : attempt.answered_at)
        .step();
    return sqlite3_last_insert_rowid(db_);
}

std::vector<DrillAttempt> Store::drill_attempts(const std::string& trainee) {
    Statement s(db_,
                "SELECT id, trainee, drill, domain, judgement, score, answered_at FROM drill_attempts WHERE trainee = ? "
                "ORDER BY id",
                path_);
    s.bind(1, trainee);
    std::vector<DrillAttempt> out;
    while (s.step())
        out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), s.text(4), s.real(5).value_or(0), s.text(6)});
    return out;
}

}  // namespace holdspace::records
