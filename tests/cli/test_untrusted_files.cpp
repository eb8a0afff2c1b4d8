// Issue 14 through the real binary: no input crashes the program (each is one line and an exit
// code), host-side reads are bounded, a record cannot make replay read any file, resume compares
// the scenario's digest, and every scenario error names file:line (docs/security.md).
#include "process.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <algorithm>

using nlohmann::json;
using test::contains;

namespace fs = std::filesystem;

namespace {

fs::path fresh(const std::string& name) {
    // One level down: a scenario's rubric is looked for in its folder's and its parent's `rubrics/`,
    // and other tests keep deliberately broken rubrics in the scratch folder itself.
    const auto dir = test::scratch_dir() / "untrusted" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// A failure as the contract wants it: the exit code, one line on stderr, no abort.
void expect_one_line(const test::Result& r, int code, const std::string& needle) {
    CHECK_MESSAGE(r.exit_code == code, r.err);
    CHECK_MESSAGE(test::count_lines(r.err) == 1, r.err);
    CHECK_MESSAGE(contains(r.err, needle), r.err);
}

// A record of the minimal fixture, played to its end, at `path`.
void write_record(const fs::path& path) {
    const auto actions = path.parent_path() / "minimal.actions";
    std::ofstream(actions) << "invite\n";
    const auto r = test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--actions", actions.string(),
                                    "--record", path.string()});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
}

// The record at `path` with its scenario path replaced by `scenario`.
void rename_scenario(const fs::path& path, const std::string& scenario) {
    std::istringstream in(test::slurp(path));
    std::string header, rest, line;
    std::getline(in, header);
    while (std::getline(in, line)) rest += line + "\n";
    json h = json::parse(header);
    h["scenario"]["path"] = scenario;
    std::ofstream(path, std::ios::trunc) << h.dump() << "\n" << rest;
}

std::string minimal_source() { return test::slurp(std::string(HOLDSPACE_SOURCE_DIR) + "/tests/cli/fixtures/minimal.lua"); }

long line_of(const std::string& source, const std::string& text) {
    return 1 + std::count(source.begin(), source.begin() + static_cast<long>(source.find(text)), '\n');
}

}  // namespace

// ---- Crashes -------------------------------------------------------------------------

TEST_CASE("a symbolic link loop under a folder given to check or test is skipped with a note, never an abort") {
    const auto dir = fresh("loops");
    std::ofstream(dir / "minimal.lua") << minimal_source();
    fs::create_symlink("b.lua", dir / "a.lua");  // a.lua -> b.lua -> a.lua
    fs::create_symlink("a.lua", dir / "b.lua");
    fs::create_symlink("a.plan", dir / "b.plan");
    fs::create_symlink("b.plan", dir / "a.plan");
    fs::create_symlink("..", dir / "up");  // a link to a parent folder is not followed
    fs::create_directories(dir / "sub");
    fs::create_symlink("self.lua", dir / "sub" / "self.lua");

    auto r = test::holdspace({"check", dir.string(), "--runs", "2", "--max-paths", "20", "--jobs", "1"});
    CHECK_MESSAGE(r.exit_code < 3, r.err);  // 0 or 1 by the findings; never 134 (abort)
    CHECK_MESSAGE(contains(r.err, "a.lua: skipped"), r.err);
    CHECK(contains(r.out + r.err, "minimal"));

    r = test::holdspace({"test", dir.string()});
    CHECK_MESSAGE(r.exit_code < 3, r.err);
    CHECK_MESSAGE(contains(r.err, "a.plan: skipped"), r.err);

    // The loop named directly: one line, exit 2.
    expect_one_line(test::holdspace({"check", (dir / "a.lua").string()}), 2, "symbolic links");
    expect_one_line(test::holdspace({"test", (dir / "a.plan").string()}), 2, "symbolic links");
    expect_one_line(test::holdspace({"play", (dir / "a.lua").string()}), 2, "a.lua");
    expect_one_line(test::holdspace({"replay", (dir / "a.lua").string()}), 2, "a.lua");
    const auto rubric = test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--rubric", (dir / "a.lua").string()}, "");
    CHECK_MESSAGE(rubric.exit_code == 2, rubric.err);
    CHECK_MESSAGE(contains(rubric.err, "no rubric"), rubric.err);
}

TEST_CASE("a record nested too deep is refused by replay in one line, exit 2") {
    const auto dir = fresh("deep");
    const auto record = dir / "deep.jsonl";
    write_record(record);
    {
        std::ofstream out(record, std::ios::app);
        out << "{\"event\":" << std::string(200000, '[') << std::string(200000, ']') << "}\n";
    }
    expect_one_line(test::holdspace({"replay", record.string()}), 2, "deep.jsonl:");
    std::ofstream(record, std::ios::trunc) << std::string(1000000, '{') << "\n";  // a first line of nesting
    expect_one_line(test::holdspace({"replay", record.string()}), 2, "deep.jsonl:1:");
}

// ---- Unbounded host resources ----------------------------------------------------------

TEST_CASE("replay refuses a device, a FIFO, a folder and a record over 256 MiB without reading them") {
    expect_one_line(test::holdspace({"replay", "/dev/zero"}), 2, "not a regular file");
    const auto dir = fresh("reads");
    const auto fifo = dir / "record.fifo";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    expect_one_line(test::holdspace({"replay", fifo.string()}), 2, "not a regular file");  // never blocks
    expect_one_line(test::holdspace({"replay", dir.string()}), 2, "not a regular file");
    const auto huge = dir / "huge.jsonl";
    std::ofstream(huge).close();
    fs::resize_file(huge, (256u << 20) + 1);  // sparse: nothing is written
    expect_one_line(test::holdspace({"replay", huge.string()}), 2, "larger than 256 MiB");
}

TEST_CASE("scenario files are read within 4 MiB and only when they are files") {
    const auto dir = fresh("big-scenario");
    const auto big = dir / "big.lua";
    std::ofstream(big).close();
    fs::resize_file(big, (4u << 20) + 1);
    for (const char* command : {"play", "check", "autoplay", "graph"}) {
        const auto r = test::holdspace({command, big.string()}, "");
        CHECK_MESSAGE((r.exit_code == 1 || r.exit_code == 2), command << ": " << r.err);
        CHECK_MESSAGE(contains(r.out + r.err, "larger than 4 MiB"), command << ": " << r.out << r.err);
        CHECK_MESSAGE(test::count_lines(r.err) <= 2, command << ": " << r.err);
    }
    const auto record = dir / "r.jsonl";
    write_record(record);
    expect_one_line(test::holdspace({"replay", record.string(), "--scenario", "/dev/zero"}), 2, "/dev/zero");
}

TEST_CASE("a scenario that narrates without end meets the transcript limit: play --json fails at its line") {
    const auto dir = fresh("narrate");
    const auto scenario = dir / "loop.lua";
    std::string source = minimal_source();
    const std::string marker = "  run = function(s)\n";
    source.insert(source.find(marker) + marker.size(), "    while true do s:narrate(\"and on\") end\n");
    std::ofstream(scenario) << source;
    const auto r = test::holdspace({"play", scenario.string(), "--json"}, "");
    CHECK(r.exit_code == 1);
    CHECK_MESSAGE(contains(r.err, scenario.string() + ":" + std::to_string(line_of(source, "while true")) +
                                      ": transcript limit"),
                  r.err);
    const json out = json::parse(r.out);
    CHECK(out["events"].size() <= 100001);
}

// ---- A record can read any file ---------------------------------------------------------

TEST_CASE("a record cannot make replay load a file outside the scenario library and its folder") {
    const auto dir = fresh("confined");
    const auto records = dir / "records";
    fs::create_directories(records);
    const auto record = records / "r.jsonl";
    write_record(record);

    // A secret beside the record, and a Lua file outside both roots.
    std::ofstream(records / ".env") << "API_TOKEN=hunter2-secret\n";
    fs::create_directories(dir / "elsewhere");
    std::ofstream(dir / "elsewhere" / "notes.lua") << "hunter2-secret = = =\n";

    for (const std::string& named : {std::string("../../../../../../../../etc/passwd"), std::string(".env"),
                                     (records / ".env").string(), std::string("../elsewhere/notes.lua"),
                                     (dir / "elsewhere" / "notes.lua").string()}) {
        rename_scenario(record, named);
        const auto r = test::holdspace({"replay", record.string()});
        CHECK_MESSAGE(r.exit_code == 2, named << ": " << r.err);
        CHECK_MESSAGE(test::count_lines(r.err) == 1, named << ": " << r.err);
        CHECK_MESSAGE(contains(r.err, "--scenario PATH"), named << ": " << r.err);
        CHECK_MESSAGE(!contains(r.err, "hunter2"), named << ": " << r.err);
        CHECK_MESSAGE(!contains(r.err, "root:"), named << ": " << r.err);
    }

    // A path the user types is the user's choice: loaded (and its syntax error shown, as for play).
    const auto typed = test::holdspace({"replay", record.string(), "--scenario", (dir / "elsewhere" / "notes.lua").string()});
    CHECK(typed.exit_code == 1);
    CHECK(contains(typed.err, "notes.lua:1:"));

    // A scenario of the library is loaded (here it is another scenario than the record's: exit 1, saying so).
    rename_scenario(record, "scenarios/preparation/informed_consent.lua");
    auto r = test::holdspace({"replay", record.string()});
    CHECK_MESSAGE(r.exit_code == 1, r.err);
    CHECK_MESSAGE(contains(r.err, "the record is for scenario 'test.minimal'"), r.err);
    // So is one beside the record.
    std::ofstream(records / "minimal.lua") << minimal_source();
    rename_scenario(record, "minimal.lua");
    r = test::holdspace({"replay", record.string()});
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    // ...but not through a link that leads out of the record's folder.
    fs::create_symlink(dir / "elsewhere" / "notes.lua", records / "link.lua");
    rename_scenario(record, "link.lua");
    r = test::holdspace({"replay", record.string()});
    CHECK_MESSAGE(r.exit_code == 2, r.err);
    CHECK(!contains(r.err, "hunter2"));
}

// ---- Resume ignores edits -------------------------------------------------------------------

TEST_CASE("resume compares the scenario with the digest the session keeps: refuses, or goes on marked") {
    const auto dir = fresh("resume-changed");
    const auto data = (dir / "data").string();
    const auto scenario = dir / "minimal.lua";
    std::ofstream(scenario) << minimal_source();
    const auto none = dir / "none.actions";
    std::ofstream(none) << "# nothing yet\n";
    auto r = test::holdspace({"play", scenario.string(), "--actions", none.string(), "--trainee", "t-1", "--data", data, "--json"});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    REQUIRE(json::parse(r.out)["status"] == "open");

    // The author edits the scenario: an option now means something else.
    std::string source = minimal_source();
    source.replace(source.find("Start wherever feels right."), 27, "Let's go through my agenda!");
    std::ofstream(scenario, std::ios::trunc) << source;

    r = test::holdspace({"resume", "1", "--data", data}, "invite\n");
    expect_one_line(r, 2, "has changed since the session was recorded");
    CHECK(contains(r.err, "--scenario-changed"));
    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    CHECK(json::parse(r.out)["status"] == "open");  // nothing stored
    CHECK(json::parse(r.out)["actions"].empty());

    r = test::holdspace({"resume", "1", "--data", data, "--scenario-changed"}, "invite\n");
    CHECK_MESSAGE(r.exit_code == 0, r.err);
    r = test::holdspace({"sessions", "show", "1", "--data", data, "--json"});
    const json shown = json::parse(r.out);
    CHECK(shown["status"] == "finished");
    REQUIRE(shown.contains("annotations"));
    REQUIRE(shown["annotations"].size() == 1);
    CHECK(contains(shown["annotations"][0]["text"].get<std::string>(), "--scenario-changed"));
    r = test::holdspace({"sessions", "show", "1", "--data", data});
    CHECK(contains(r.out, "Resumed with --scenario-changed"));
    r = test::holdspace({"report", "1", "--data", data});
    CHECK(contains(r.out, "Resumed with --scenario-changed"));
}

TEST_CASE("resume refuses a stored scenario that has become something else, without quoting it") {
    const auto dir = fresh("resume-path");
    const auto data = (dir / "data").string();
    const auto scenario = dir / "minimal.lua";
    std::ofstream(scenario) << minimal_source();
    const auto none = dir / "none.actions";
    std::ofstream(none) << "# nothing yet\n";
    auto r = test::holdspace({"play", scenario.string(), "--actions", none.string(), "--trainee", "t-1", "--data", data, "--json"});
    REQUIRE(r.exit_code == 0);
    // The file is replaced by a link to a secret.
    std::ofstream(dir / "secret.txt") << "hunter2-secret = = =\n";
    fs::remove(scenario);
    fs::create_symlink(dir / "secret.txt", scenario);
    r = test::holdspace({"resume", "1", "--data", data}, "");
    CHECK_MESSAGE(r.exit_code == 2, r.err);
    CHECK_MESSAGE(!contains(r.err, "hunter2"), r.err);
}

// ---- Smaller: every scenario error names file:line -----------------------------------------

TEST_CASE("a scenario whose run is a built-in is refused naming file:line") {
    const auto dir = fresh("builtin-run");
    const auto scenario = dir / "print.lua";
    std::string source = minimal_source();
    source = source.substr(0, source.find("  run = function(s)")) + "  run = print,\n}\n";
    std::ofstream(scenario) << source;
    for (const char* command : {"play", "check"}) {
        const auto r = test::holdspace({command, scenario.string()}, "");
        CHECK_MESSAGE(r.exit_code == 1, command << ": " << r.err);
        CHECK_MESSAGE(contains(r.out + r.err, scenario.string() + ":" + std::to_string(line_of(source, "  run = print")) + ":"),
                      command << ": " << r.out << r.err);
    }
}
