#include "records/session_record.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace holdspace;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("holdspace-records-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter++));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
    static inline int counter = 0;
};

records::RecordHeader header() { return {"scenarios/x.lua", "test.x", records::digest("source"), 7}; }

void write_file(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("a record reads back what was written, action by action") {
    TempDir dir;
    const auto path = dir.file("s.jsonl");
    {
        records::RecordWriter w(path, header());
        w.event(Event{"start", 0, {{"seed", 7}}});
        w.action("reflect");
        w.event(Event{"response", 60, {{"option", "reflect"}}});
        w.commit();
    }
    const auto r = records::read_record(path);
    CHECK(r.header.scenario_path == "scenarios/x.lua");
    CHECK(r.header.scenario_id == "test.x");
    CHECK(r.header.seed == 7);
    CHECK(r.actions == std::vector<std::string>{"reflect"});
    REQUIRE(r.events.size() == 2);
    CHECK(r.events[1]["option"] == "reflect");
    CHECK_FALSE(r.truncated);
}

TEST_CASE("each commit is on disk before the writer goes away") {
    TempDir dir;
    const auto path = dir.file("s.jsonl");
    records::RecordWriter w(path, header());
    w.action("hold_space");
    w.commit();
    // Read while the writer is still open, as after a kill.
    CHECK(records::read_record(path).actions == std::vector<std::string>{"hold_space"});
}

TEST_CASE("an existing file is never overwritten") {
    TempDir dir;
    const auto path = dir.file("s.jsonl");
    write_file(path, "precious\n");
    CHECK_THROWS_WITH_AS(records::RecordWriter(path, header()),
                         doctest::Contains("records are never overwritten"), std::runtime_error);
    std::ifstream in(path);
    std::string content;
    std::getline(in, content);
    CHECK(content == "precious");
}

TEST_CASE("a last line cut off by a kill is dropped; everything before it stands") {
    TempDir dir;
    const auto path = dir.file("s.jsonl");
    {
        records::RecordWriter w(path, header());
        w.action("reflect");
        w.commit();
    }
    std::ofstream(path, std::ios::app) << R"({"action":"hold_sp)";
    const auto r = records::read_record(path);
    CHECK(r.truncated);
    CHECK(r.actions == std::vector<std::string>{"reflect"});
}

TEST_CASE("corrupt and foreign files give a clear error naming file and line") {
    TempDir dir;
    const auto foreign = dir.file("foreign.jsonl");
    write_file(foreign, "{\"hello\": 1}\n");
    CHECK_THROWS_WITH_AS(records::read_record(foreign), doctest::Contains("foreign.jsonl:1: not a Holdspace session record"),
                         std::runtime_error);

    const auto corrupt = dir.file("corrupt.jsonl");
    {
        records::RecordWriter w(corrupt, header());
        w.action("reflect");
    }
    std::ofstream(corrupt, std::ios::app) << "garbage\n{\"action\":\"x\"}\n";
    CHECK_THROWS_WITH_AS(records::read_record(corrupt), doctest::Contains("corrupt.jsonl:3: corrupt record line"),
                         std::runtime_error);

    const auto empty = dir.file("empty.jsonl");
    write_file(empty, "");
    CHECK_THROWS_WITH_AS(records::read_record(empty), doctest::Contains("empty file"), std::runtime_error);

    const auto future = dir.file("future.jsonl");
    write_file(future, R"({"record":"holdspace-session","version":99,"scenario":{"path":"x"},"seed":1})" "\n");
    CHECK_THROWS_WITH_AS(records::read_record(future), doctest::Contains("version 99 is not supported"),
                         std::runtime_error);

    CHECK_THROWS_WITH_AS(records::read_record(dir.file("missing.jsonl")), doctest::Contains("cannot open"),
                         std::runtime_error);
}

TEST_CASE("a header whose fields have the wrong types is refused with the same clear error") {
    // Found by tests/fuzz/fuzz_record: these escaped as JSON type errors without file or line.
    TempDir dir;
    const auto odd_kind = dir.file("odd_kind.jsonl");
    write_file(odd_kind, R"({"record":1,"version":1})" "\n");
    CHECK_THROWS_WITH_AS(records::read_record(odd_kind), doctest::Contains("odd_kind.jsonl:1: not a Holdspace session record"),
                         std::runtime_error);
    const auto odd_version = dir.file("odd_version.jsonl");
    write_file(odd_version, R"({"record":"holdspace-session","version":"1","scenario":{"path":"x"},"seed":1})" "\n");
    CHECK_THROWS_WITH_AS(records::read_record(odd_version), doctest::Contains("odd_version.jsonl:1: record version"),
                         std::runtime_error);
    // A number too large for JSON's parser is a damaged line like any other.
    const auto huge = dir.file("huge.jsonl");
    write_file(huge, R"({"record":"holdspace-session","version":1e999,"seed":1})" "\n");
    CHECK_THROWS_WITH_AS(records::read_record(huge), doctest::Contains("huge.jsonl:1: not a Holdspace session record"),
                         std::runtime_error);
    const auto huge_event = dir.file("huge_event.jsonl");
    {
        records::RecordWriter w(huge_event, header());
    }
    std::ofstream(huge_event, std::ios::app) << R"({"event":{"t":1e999}})" "\n";
    CHECK_THROWS_WITH_AS(records::read_record(huge_event), doctest::Contains("huge_event.jsonl:2: corrupt record line"),
                         std::runtime_error);
}

TEST_CASE("a seed that is not a whole non-negative number is refused, not converted") {
    // Found by tests/fuzz/fuzz_record in CI: a seed of 1.3e64 was converted to an integer (undefined).
    TempDir dir;
    for (const std::string seed : {"1.33333e+64", "-1", "2.5", "\"7\"", "18446744073709551616"}) {
        const auto path = dir.file("seed.jsonl");
        write_file(path, R"({"record":"holdspace-session","version":1,"scenario":{"path":"x.lua"},"seed":)" + seed + "}\n");
        CAPTURE(seed);
        CHECK_THROWS_WITH_AS(records::read_record(path), doctest::Contains("seed.jsonl:1: record header"),
                             std::runtime_error);
    }
    const auto good = dir.file("good.jsonl");
    write_file(good, R"({"record":"holdspace-session","version":1,"scenario":{"path":"x.lua"},"seed":18446744073709551615})" "\n");
    CHECK(records::read_record(good).header.seed == 18446744073709551615ull);
}

TEST_CASE("the digest notices any change to a scenario's bytes") {
    CHECK(records::digest("abc") == records::digest("abc"));
    CHECK(records::digest("abc") != records::digest("abd"));
    CHECK(records::digest("").rfind("fnv1a64:", 0) == 0);
    CHECK(records::digest("").size() == 8 + 16);
}

TEST_CASE("deeply nested JSON in a record is refused with file:line, not parsed into a stack overflow") {
    const std::string head = R"({"record":"holdspace-session","version":)" + std::to_string(records::record_version) +
                             R"(,"scenario":{"path":"x.lua"},"seed":1})" "\n";
    const std::string deep = R"({"event":{"type":"say","t":0,"data":)" + std::string(200000, '[') +
                             std::string(200000, ']') + "}}\n";
    CHECK_THROWS_WITH_AS(records::parse_record(head + deep, "deep.jsonl"),
                         doctest::Contains("deep.jsonl:2: corrupt record line (JSON nested deeper than 64 levels)"),
                         std::runtime_error);
    // Even as the last line, cut short: too deep is not a truncation.
    CHECK_THROWS_WITH_AS(records::parse_record(head + std::string(100000, '{'), "deep.jsonl"),
                         doctest::Contains("deep.jsonl:2: corrupt record line (JSON nested deeper than 64 levels)"),
                         std::runtime_error);
    CHECK_THROWS_WITH_AS(records::parse_record(std::string(100000, '[') + "\n", "deep.jsonl"),
                         doctest::Contains("deep.jsonl:1: corrupt record line (JSON nested deeper"), std::runtime_error);
    // 64 levels are fine ("[" inside strings does not count).
    const std::string nested64 = R"({"event":{"type":"say","t":0,"text":"[[[[[[","d":)" + std::string(62, '[') +
                                 std::string(62, ']') + "}}\n";
    const auto record = records::parse_record(head + nested64, "ok.jsonl");
    CHECK(record.events.size() == 1);
}
