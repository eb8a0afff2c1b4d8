#include "records/session_record.hpp"

#include "records/bounded_json.hpp"
#include "records/text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <unistd.h>

namespace holdspace::records {

std::string digest(const std::string& bytes) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    static const char hex[] = "0123456789abcdef";
    std::string out = "fnv1a64:";
    for (int shift = 60; shift >= 0; shift -= 4) out += hex[(h >> shift) & 0xF];
    return out;
}

RecordWriter::RecordWriter(const std::string& path, const RecordHeader& header) : path_(path) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        if (errno == EEXIST) throw std::runtime_error(path + ": a file of that name exists; records are never overwritten");
        throw std::runtime_error(path + ": cannot create record: " + std::strerror(errno));
    }
    file_ = ::fdopen(fd, "w");
    if (!file_) {
        ::close(fd);
        throw std::runtime_error(path + ": cannot open record for writing");
    }
    line({{"record", "holdspace-session"},
          {"version", record_version},
          {"scenario", {{"path", header.scenario_path}, {"id", header.scenario_id}, {"digest", header.scenario_digest}}},
          {"seed", header.seed}});
    commit();
}

RecordWriter::~RecordWriter() {
    if (file_) {
        std::fflush(file_);
        ::fsync(::fileno(file_));
        std::fclose(file_);
    }
}

void RecordWriter::line(const Json& j) {
    const std::string text = json_text(j) + "\n";
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
        throw std::runtime_error(path_ + ": cannot write record: " + std::strerror(errno));
}

void RecordWriter::action(const std::string& action) { line({{"action", action}}); }

void RecordWriter::event(const Event& event) { line({{"event", event.to_json()}}); }

void RecordWriter::commit() {
    if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0)
        throw std::runtime_error(path_ + ": cannot save record: " + std::strerror(errno));
}

Record read_record(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw std::runtime_error(path + ": cannot open record");
    if (!std::filesystem::is_regular_file(status))
        throw std::runtime_error(path + ": not a regular file (a session record is a file written by play --record)");
    if (std::filesystem::file_size(path, ec) > max_record_bytes && !ec)
        throw std::runtime_error(path + ": the record is larger than " + std::to_string(max_record_bytes >> 20) +
                                 " MiB, the most a session record may be");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open record");
    std::string content;
    char chunk[64 * 1024];
    while (in) {
        in.read(chunk, sizeof chunk);
        const auto got = static_cast<std::size_t>(in.gcount());
        if (content.size() + got > max_record_bytes)
            throw std::runtime_error(path + ": the record is larger than " + std::to_string(max_record_bytes >> 20) +
                                     " MiB, the most a session record may be");
        content.append(chunk, got);
    }
    if (in.bad()) throw std::runtime_error(path + ": cannot read record");
    return parse_record(content, path);
}

Record parse_record(const std::string& content, const std::string& path) {
    Record record;
    bool saw_header = false;
    std::size_t start = 0;
    for (int number = 1; start < content.size(); ++number) {
        std::size_t end = content.find('\n', start);
        const bool complete = end != std::string::npos;
        if (!complete) end = content.size();
        const std::string text = content.substr(start, end - start);
        start = end + 1;
        const std::string where = path + ":" + std::to_string(number) + ": ";
        Json j;
        try {
            // At most json_max_depth levels: deeper would recurse once per level when the events are
            // copied, compared or printed. (How long a line may be is the file's limit, not this one's.)
            j = parse_bounded(text, json_max_depth, std::numeric_limits<std::size_t>::max());
        } catch (const BoundedJsonError& e) {  // a syntax error, a number too large, or nested too deep
            if (e.kind == BoundedJsonError::Kind::too_deep)
                throw std::runtime_error(where + "corrupt record line (JSON " + e.what() + ")");
            if (!complete && saw_header) {
                // The program died while writing this last line; everything before it stands.
                record.truncated = true;
                break;
            }
            if (!saw_header) throw std::runtime_error(where + "not a Holdspace session record");
            throw std::runtime_error(where + "corrupt record line (not JSON)");
        }
        if (!saw_header) {
            // Compared as JSON values: a header field of another type is a foreign file, not a type error.
            if (!j.is_object() || j.value("record", Json()) != "holdspace-session")
                throw std::runtime_error(where + "not a Holdspace session record");
            if (j.value("version", Json()) != record_version)
                throw std::runtime_error(where + "record version " + json_text(j.value("version", Json(0))) +
                                         " is not supported (this program reads version " +
                                         std::to_string(record_version) + ")");
            try {
                const Json& s = j.at("scenario");
                record.header.scenario_path = s.at("path").get<std::string>();
                record.header.scenario_id = s.value("id", "");
                record.header.scenario_digest = s.value("digest", "");
                const Json& seed = j.at("seed");
                // Only a whole non-negative number is a seed; converting a fraction or 1e64 would be undefined.
                if (!seed.is_number_unsigned())
                    throw std::runtime_error(where + "record header's seed " + json_text(seed) +
                                             " is not a whole number from 0 to 18446744073709551615");
                record.header.seed = seed.get<std::uint64_t>();
            } catch (const Json::exception&) {
                throw std::runtime_error(where + "record header lacks the scenario or seed");
            }
            saw_header = true;
            continue;
        }
        if (j.is_object() && j.contains("action") && j["action"].is_string())
            record.actions.push_back(j["action"].get<std::string>());
        else if (j.is_object() && j.contains("event") && j["event"].is_object())
            record.events.push_back(j["event"]);
        else
            throw std::runtime_error(where + "corrupt record line (neither an action nor an event)");
    }
    if (!saw_header) throw std::runtime_error(path + ": empty file, not a Holdspace session record");
    return record;
}

}  // namespace holdspace::records
