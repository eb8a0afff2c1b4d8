#pragma once
// The local record store: every trainee, session and action, kept in SQLite
// (WAL, synchronous=FULL) so that nothing committed is lost to a crash or kill.
// The schema is versioned (PRAGMA user_version) and migrated forward on open;
// a file that is not a Holdspace store is refused and never written to.
#include "sim/event.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct sqlite3;

namespace holdspace::records {

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
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
};

struct Annotation {
    std::int64_t id = 0;
    std::int64_t session = 0;
    int event_index = 0;
    std::string author, text, created_at;
};

class Store {
public:
    static constexpr int schema_version = 1;

    // Opens or creates the store at `path`. Throws StoreError naming the file for
    // a corrupt or foreign file, or a store from a newer Holdspace.
    explicit Store(const std::string& path);
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
    std::vector<std::string> actions(std::int64_t session);
    Json events(std::int64_t session);  // the finished session's transcript (empty array before)

    std::int64_t annotate(std::int64_t session, int event_index, const std::string& author, const std::string& text);
    std::vector<Annotation> annotations(std::int64_t session);

    const std::string& path() const { return path_; }

private:
    void exec(const char* sql);
    void migrate();

    std::string path_;
    sqlite3* db_ = nullptr;
};

}  // namespace holdspace::records
