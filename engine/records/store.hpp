#pragma once
// The local record store: every trainee, session and action, kept in SQLite
// (WAL, synchronous=FULL) so that nothing committed is lost to a crash or kill.
// The schema is versioned (PRAGMA user_version) and migrated forward on open;
// a file that is not a Holdspace store is refused and never written to.
#include "sim/event.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace holdspace::records {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The store stayed locked by another program past the busy timeout (and every retry).
struct StoreBusy : StoreError {
    using StoreError::StoreError;
};

struct SessionRow {
    std::int64_t id = 0;
    std::string trainee;
    std::string scenario_path, scenario_id, scenario_digest;
    std::uint64_t seed = 0;
    std::string started_at;  // UTC, ISO 8601 (wall clock: records, not the simulation)
    std::string status;      // open, finished, closed
    std::optional<double> overall;
    std::string rubric;
    // A session pulled from a learning record store (docs/supervision.md): the LRS it came from
    // (its endpoint, without credentials), when, and its `completed` statement there. Empty for a
    // session played on this machine.
    std::string pulled_from, pulled_at, statement_id;
    bool pulled() const { return !pulled_from.empty(); }
};

// A supervisor's judgement of one scored moment, kept beside the automatic score (never replacing it).
struct ScoreOverride {
    std::int64_t id = 0;
    std::int64_t session = 0;
    int event_index = 0;  // the moment's choice event in the transcript
    double score = 0;     // 0-100, the supervisor's score for the moment
    std::string author, reason, created_at;
    std::string statement_id;  // the xAPI statement that carries it between machines, if any
};

// An xAPI statement waiting in the outbox (or sent), by its deterministic id.
struct OutboxItem {
    std::string id;
    std::int64_t session = 0;
    Json statement;
    int attempts = 0;
    std::string last_error;
};

// One answer to a drill moment.
struct DrillAttempt {
    std::int64_t id = 0;
    std::string trainee, drill, domain;
    std::string judgement;  // the scorer's class of the response: expert, acceptable, poor...
    double score = 0;       // 0-100 for the moment
    std::string answered_at;  // UTC, ISO 8601
};

struct Annotation {
    std::int64_t id = 0;
    std::int64_t session = 0;
    int event_index = 0;
    std::string author, text, created_at;
    std::string statement_id;  // the xAPI statement that carries it between machines, if any
};

class Store {
public:
    // 1: trainees, sessions, actions, annotations.
    // 2: score overrides, the xAPI outbox, drill attempts, where an imported session came from.
    // 3: outbox statements set aside.
    // 4: sessions pulled from a learning record store, the statements that carry notes and
    //    overrides between machines, and where each pull stopped.
    static constexpr int schema_version = 4;

    // How a command uses the store. `write` opens or creates it (and migrates it forward); `read`
    // does the same when the file and its folder are writable, and otherwise opens it read-only
    // (another user's 0644 file, a read-only folder or mount): every reading call works, and a
    // writing call throws StoreError saying the store is read-only.
    enum class Access { write, read };

    // Opens or creates the store at `path`. Throws StoreError naming the file for
    // a corrupt or foreign file, or a store from a newer Holdspace. Safe when several programs
    // create or migrate the same store at once: creation and every migration run in one
    // BEGIN IMMEDIATE transaction that re-reads the schema version, and a store kept busy by
    // another program is waited for (busy timeout) and the open retried (StoreBusy after 20 s).
    explicit Store(const std::string& path, Access access = Access::write);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    // The default location: $HOLDSPACE_DATA, else $XDG_DATA_HOME/holdspace, else ~/.local/share/holdspace.
    static std::string default_dir();

    void add_trainee(const std::string& trainee);
    std::vector<std::string> trainees();

    std::int64_t start_session(const std::string& trainee, const std::string& scenario_path,
                               const std::string& scenario_id, const std::string& digest, std::uint64_t seed);
    // Each call is its own committed transaction: on disk before it returns.
    void add_action(std::int64_t session, const std::string& action);
    void finish_session(std::int64_t session, const Json& events, const std::string& rubric, std::optional<double> overall,
                        const Json& score);
    void close_session(std::int64_t session);  // an unfinished session the trainee gave up

    std::optional<SessionRow> session(std::int64_t id);
    std::vector<SessionRow> sessions(const std::string& trainee = {}, const std::string& scenario_id = {});
    // A session recorded elsewhere (an older record file), added whole in one transaction.
    // `source` names where it came from; importing the same source again adds nothing (nullopt).
    struct Imported {
        std::string trainee, scenario_path, scenario_id, digest;
        std::uint64_t seed = 0;
        std::string started_at;
        std::vector<std::string> actions;
        std::optional<Json> events;  // the transcript of a finished session
        std::string rubric;
        std::optional<double> overall;
        Json score = Json::object();
        std::string source;
        std::string pulled_from, pulled_at, statement_id;  // a session pulled from an LRS
    };
    std::optional<std::int64_t> import_session(const Imported& session);

    std::vector<std::string> actions(std::int64_t session);
    Json score(std::int64_t session);  // the score stored at finish (an empty object before)
    Json events(std::int64_t session);  // the finished session's transcript (empty array before)

    // `statement_id`: the statement that brought it here or carries it away (unique; a note whose
    // statement is already here is not added again: 0 is returned).
    std::int64_t annotate(std::int64_t session, int event_index, const std::string& author, const std::string& text,
                          const std::string& statement_id = {}, const std::string& created_at = {});
    std::vector<Annotation> annotations(std::int64_t session);

    // Supervisor overrides, in the order they were made (the latest for a moment counts).
    std::int64_t override_score(std::int64_t session, int event_index, double score, const std::string& author,
                                const std::string& reason, const std::string& statement_id = {},
                                const std::string& created_at = {});
    // The statement that carries a note or override, set once it is known (it names the note).
    void set_supervision_statement(bool note, std::int64_t id, const std::string& statement_id);
    // Whether a note or an override carried by this statement is here already.
    bool has_supervision_statement(const std::string& statement_id);

    // Pulling from an LRS: how far each stream of statements was read (the `stored` time of the
    // last statement handled), kept per LRS so that a pull goes on where the last one stopped.
    std::string pull_cursor(const std::string& lrs, const std::string& stream);
    void set_pull_cursor(const std::string& lrs, const std::string& stream, const std::string& since);
    std::vector<ScoreOverride> overrides(std::int64_t session);

    // The outbox: statements are queued once (by id; queuing again is a no-op, also after they
    // were sent) and stay until the record store acknowledged them.
    int queue_statements(std::int64_t session, const Json& statements);  // how many were new
    std::vector<OutboxItem> pending_statements(int limit = 1000);
    // Finished sessions with nothing in the outbox (a pulled session's statements are in its LRS already).
    std::vector<std::int64_t> finished_sessions_not_queued();
    void mark_sent(const std::vector<std::string>& ids);
    void mark_failed(const std::vector<std::string>& ids, const std::string& error);
    // A statement the LRS will never accept (it rejects it as invalid, or holds another under its id)
    // can be set aside with a reason: kept in the store, no longer sent; requeue puts it back. Both
    // return false when `id` is not a statement in that state.
    bool set_aside(const std::string& id, const std::string& reason);
    bool requeue(const std::string& id);
    std::vector<OutboxItem> set_aside_statements();  // with their reasons in last_error
    struct OutboxCounts {
        int pending = 0, sent = 0, set_aside = 0;
    };
    OutboxCounts outbox_counts();

    std::int64_t add_drill_attempt(const DrillAttempt& attempt);  // answered_at is set when empty
    std::vector<DrillAttempt> drill_attempts(const std::string& trainee);  // oldest first

    const std::string& path() const { return path_; }
    bool read_only() const { return read_only_; }

private:
    void open(Access access);
    void open_read_only(bool immutable);
    void exec(const char* sql);
    void transaction(const std::function<void()>& work);
    void migrate();

    std::string path_;
    sqlite3* db_ = nullptr;
    bool read_only_ = false;
};

}  // namespace holdspace::records
