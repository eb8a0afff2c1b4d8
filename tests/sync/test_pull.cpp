// `holdspace pull` end to end (docs/supervision.md): two trainees and a supervisor, each with their
// own data folder, sharing only the real learning record store on 127.0.0.1. The supervisor sees
// both trainees' sessions rebuilt with identical transcripts and scores; a note goes back to the
// trainee; a second pull adds nothing; an edited scenario is reported, never rescored; a statement
// that does not replay is reported; a hostile LRS answering GET /statements every wrong way crashes
// and loops nothing.
#include "lrs_peers.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <cstdlib>
#include <fstream>

using nlohmann::json;
using test::contains;

namespace {

const std::string user = "holdspace-test", password = "not-a-secret";

std::string folder(const std::string& name) {
    const auto dir = test::scratch_dir() / ("pull-" + name);
    std::filesystem::remove_all(dir);
    return dir.string();
}

void play(const std::string& data, const std::string& trainee, const std::string& scenario, const std::string& actions) {
    const auto r = test::holdspace({"play", "scenarios/" + scenario + ".lua", "--actions", actions, "--trainee", trainee,
                                    "--data", data});
    REQUIRE_MESSAGE(r.exit_code <= 1, r.err);
}

test::Result lrs_command(const std::string& command, const std::string& data, const std::string& endpoint,
                         std::vector<std::string> more = {}) {
    std::vector<std::string> args = {command, "--lrs", endpoint, "--user", user, "--password", password, "--data", data};
    args.insert(args.end(), more.begin(), more.end());
    return test::holdspace(args);
}

json pull_json(const std::string& data, const std::string& endpoint, std::vector<std::string> more = {}) {
    more.push_back("--json");
    const auto r = lrs_command("pull", data, endpoint, more);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
}

// Column values of a store's sessions, one row per session ordered by trainee and scenario.
std::vector<std::vector<std::string>> rows(const std::string& data, const std::string& columns) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2((data + "/holdspace.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    std::vector<std::vector<std::string>> out;
    const std::string sql = "SELECT " + columns + " FROM sessions WHERE status = 'finished' ORDER BY trainee, scenario_id";
    sqlite3_exec(
        db, sql.c_str(),
        [](void* sink, int n, char** values, char**) {
            std::vector<std::string> row;
            for (int i = 0; i < n; ++i) row.emplace_back(values[i] ? values[i] : "NULL");
            static_cast<std::vector<std::vector<std::string>>*>(sink)->push_back(row);
            return 0;
        },
        &out, nullptr);
    sqlite3_close(db);
    return out;
}

// Each test has its own base IRI, so that it sees only its own statements in the shared LRS.
struct Base {
    explicit Base(const std::string& name) { setenv("HOLDSPACE_XAPI_BASE", ("https://" + name + ".example.org").c_str(), 1); }
    ~Base() { unsetenv("HOLDSPACE_XAPI_BASE"); }
};

}  // namespace

TEST_CASE("pull: a supervisor rebuilds two trainees' sessions exactly; a note goes home; a second pull adds nothing") {
    if (!peers::available()) return;
    const Base base("pull-workflow");
    const std::string lrs = peers::lrs().endpoint();
    const std::string ana = folder("ana"), ben = folder("ben"), sup = folder("supervisor");
    play(ana, "ana", "medicine/memory_surfaces", "tests/golden/memory_surfaces.expert.actions");
    play(ana, "ana", "integration/changed_memory", "tests/golden/changed_memory.poor.actions");
    const auto typed = (test::scratch_dir() / "pull-typed.actions").string();
    // Ben answers in his own words at two moments: what travels is his words, heard again where pulled.
    std::ofstream(typed) << "say It's a lot, and it's scary. Let it come, we're right here with you.\n"
                            "say You're small, in the hallway, and it's getting loud.\nnr_stay\ncheck_vitals\nnl_follow\ncl_stay\n";
    play(ben, "ben", "medicine/hold_me", "tests/golden/hold_me.expert.actions");
    play(ben, "ben", "medicine/memory_surfaces", typed);
    for (const auto& data : {ana, ben}) REQUIRE(lrs_command("sync", data, lrs).exit_code == 0);

    auto pulled = pull_json(sup, lrs);
    CHECK(pulled["sessions"] == 4);
    CHECK(pulled["skipped"].empty());
    // The same transcripts, actions and scores as where they were played.
    const auto here = rows(sup, "trainee, scenario_id, seed, overall, events, score");
    auto there = rows(ana, "trainee, scenario_id, seed, overall, events, score");
    const auto bens = rows(ben, "trainee, scenario_id, seed, overall, events, score");
    there.insert(there.end(), bens.begin(), bens.end());
    REQUIRE(here.size() == 4);
    CHECK(here == there);
    const auto listed = test::holdspace({"sessions", "--data", sup});
    CHECK(contains(listed.out, "pulled"));
    CHECK(contains(listed.out, "ana"));
    CHECK(contains(listed.out, "ben"));

    // Idempotent: nothing new, nothing twice.
    pulled = pull_json(sup, lrs);
    CHECK(pulled["sessions"] == 0);
    CHECK(pulled["notes"] == 0);
    pulled = pull_json(sup, lrs, {"--since", "2000-01-01T00:00:00Z"});  // everything again: all already here
    CHECK(pulled["sessions"] == 0);
    CHECK(pulled["already"] >= 4);
    CHECK(rows(sup, "id").size() == 4);

    // The supervisor's note and override go back through the LRS to the trainee.
    const auto ana_session = rows(sup, "id, trainee").front();
    REQUIRE(ana_session[1] == "ana");
    auto r = test::holdspace({"sessions", "note", ana_session[0], "--moment", "1", "--text", "Stay with her breath here.",
                              "--author", "Dr Lee", "--data", sup});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(contains(r.out, "holdspace sync sends it"));
    r = test::holdspace({"sessions", "override", ana_session[0], "--moment", "1", "--score", "60", "--reason",
                         "Good, but late.", "--author", "Dr Lee", "--data", sup});
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    REQUIRE(lrs_command("sync", sup, lrs).exit_code == 0);
    pulled = pull_json(ana, lrs, {"--trainee", "ana"});
    CHECK(pulled["notes"] == 2);
    CHECK(pulled["sessions"] == 0);  // her own sessions are hers already
    r = test::holdspace({"sessions", "show", "2", "--data", ana});  // her changed_memory session, the one noted
    CHECK(contains(r.out, "note (Dr Lee): Stay with her breath here."));
    CHECK(contains(r.out, "supervisor 60 (Dr Lee: Good, but late.)"));
    CHECK(pull_json(ana, lrs, {"--trainee", "ana"})["notes"] == 0);
    CHECK(pull_json(sup, lrs)["notes"] == 0);  // the supervisor's own notes are not added twice
    // Ben's pull brings nothing of Ana's.
    CHECK(pull_json(ben, lrs, {"--trainee", "ben"})["notes"] == 0);
}

TEST_CASE("pull: an edited scenario is reported, not rescored; a session that does not replay identically is reported") {
    if (!peers::available()) return;
    const Base base("pull-edited");
    const std::string lrs = peers::lrs().endpoint();
    const std::string cai = folder("cai"), sup = folder("supervisor-2");
    play(cai, "cai", "medicine/memory_surfaces", "tests/golden/memory_surfaces.poor.actions");
    play(cai, "cai", "medicine/hold_me", "tests/golden/hold_me.expert.actions");
    play(cai, "cai", "integration/changed_memory", "tests/golden/changed_memory.expert.actions");
    // A statement whose score is not what the session replays to (a forged or a broken one).
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((cai + "/holdspace.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "UPDATE outbox SET statement = json_set(statement, '$.result.score.raw', 99.5) "
                         "WHERE session = 3 AND json_extract(statement, '$.verb.id') LIKE '%completed'",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    REQUIRE(lrs_command("sync", cai, lrs).exit_code == 0);

    // The supervisor's library has an edited memory_surfaces.
    const auto library = test::scratch_dir() / "pull-library";
    std::filesystem::remove_all(library);
    std::filesystem::copy(std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios", library, std::filesystem::copy_options::recursive);
    std::ofstream(library / "medicine" / "memory_surfaces.lua", std::ios::app) << "\n-- edited by another programme\n";
    setenv("HOLDSPACE_SCENARIOS", library.c_str(), 1);
    const auto r = lrs_command("pull", sup, lrs);
    unsetenv("HOLDSPACE_SCENARIOS");
    INFO(r.out << r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "1 session,"));
    CHECK(contains(r.out, "medicine.memory_surfaces): the scenario here differs from the one played"));
    CHECK(contains(r.out, "integration.changed_memory): it does not replay identically"));
    CHECK(rows(sup, "scenario_id") == std::vector<std::vector<std::string>>{{"medicine.hold_me"}});
}

TEST_CASE("pull: a hostile LRS answering GET /statements every wrong way stops the pull with a reason; nothing crashes, loops or is stored") {
    if (!peers::available()) return;
    const Base base("holdspace");  // junk statements claim the default base
    unsetenv("HOLDSPACE_XAPI_BASE");
    for (const std::string mode : {"html", "empty", "truncated", "nested", "huge", "moreloop", "moreaway", "morebroken",
                                   "endless", "junk"}) {
        CAPTURE(mode);
        const auto peer = peers::hostile({"--modes", mode, "--max-requests", "60", "--max-seconds", "120",
                                          "--huge-bytes", "50000000"});
        const std::string data = folder("hostile-" + mode);
        const auto r = lrs_command("pull", data, peer->endpoint(), {"--timeout", "20"});
        CHECK(r.exit_code >= 0);
        CHECK(r.exit_code <= 1);  // a reason, never a crash
        CHECK(r.out.find('\x1b') == std::string::npos);
        CHECK(r.err.find('\x1b') == std::string::npos);
        if (mode != "junk") CHECK(contains(r.err, "holdspace pull: stopped: "));
        if (mode == "moreloop") CHECK(contains(r.err, "leads back to a page already read"));
        if (mode == "moreaway") CHECK(contains(r.err, "does not lead back to it"));
        if (mode == "junk") CHECK(contains(r.out, "skipped"));
        CHECK(rows(data, "id").empty());
    }
}
