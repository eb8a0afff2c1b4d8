#pragma once
// A session record: a JSON Lines file written as the session happens, so that a
// crash or kill loses nothing already done. Line 1 is the header; then, in
// order, {"action": ...} for each trainee action and {"event": ...} for each
// transcript event. `holdspace replay` re-runs the actions and compares events.
#include "sim/event.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace holdspace::records {

constexpr int record_version = 1;

struct RecordHeader {
    std::string scenario_path;  // as given when recording
    std::string scenario_id;
    std::string scenario_digest;  // of the scenario file's bytes, to notice edits
    std::uint64_t seed = 0;
};

struct Record {
    RecordHeader header;
    std::vector<std::string> actions;
    std::vector<Json> events;
    bool truncated = false;  // the last line was cut short (the writer was killed mid-line)
};

// FNV-1a 64-bit of the bytes, as "fnv1a64:<16 hex digits>".
std::string digest(const std::string& bytes);

class RecordWriter {
public:
    // Creates `path`; refuses to overwrite an existing file. Throws std::runtime_error.
    RecordWriter(const std::string& path, const RecordHeader& header);
    ~RecordWriter();
    RecordWriter(const RecordWriter&) = delete;
    RecordWriter& operator=(const RecordWriter&) = delete;

    void action(const std::string& action);
    void event(const Event& event);
    // Flushes and syncs to disk: call after each trainee action has been written.
    void commit();
    const std::string& path() const { return path_; }

private:
    void line(const Json& j);
    std::string path_;
    std::FILE* file_ = nullptr;
};

// Reads a record; throws std::runtime_error naming path:line for a corrupt or foreign file.
// The most a record file may hold: a full session is a few MiB; more is not a record.
constexpr std::size_t max_record_bytes = 256u << 20;
// Reads a regular file of at most max_record_bytes in bounded chunks (a device such as /dev/zero,
// a FIFO or a folder is refused without reading), then parses it. Throws std::runtime_error.
Record read_record(const std::string& path);
// The same for a record's bytes already in memory; `path` names it in messages.
Record parse_record(const std::string& content, const std::string& path);

}  // namespace holdspace::records
