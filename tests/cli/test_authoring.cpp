// End-to-end: the authoring tools (check, autoplay, graph, test, new) as an author runs them.
#include "process.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;
using test::contains;

namespace {

const std::string flaws = "tests/cli/fixtures/authoring_flaws.lua";
const std::string preparation = "scenarios/preparation/informed_consent.lua";
const std::string medicine = "scenarios/medicine/memory_surfaces.lua";

json parse(const test::Result& r) {
    INFO(r.err);
    return json::parse(r.out);
}

// Timing is the one part of a report that may differ between runs.
json without_timing(json j) {
    j.erase("timing");
    return j;
}

// A small structural parser for the DOT the graph command writes: statements are
// `ID [attrs];`, `ID -> ID [attrs];` or `attr [..];` inside `digraph "NAME" { ... }`.
struct Dot {
    std::set<std::string> nodes;
    struct Edge {
        std::string from, to, label, color;
        bool bold = false;
    };
    std::vector<Edge> edges;
    std::string error;
};

Dot parse_dot(const std::string& text) {
    Dot dot;
    std::istringstream in(text);
    std::string line;
    bool open = false, closed = false;
    const std::regex header(R"re(^digraph "[^"]*" \{$)re");
    const std::regex node(R"re(^  ([A-Za-z_][A-Za-z0-9_]*) \[(.*)\];$)re");
    const std::regex edge(R"re(^  ([A-Za-z_][A-Za-z0-9_]*) -> ([A-Za-z_][A-Za-z0-9_]*)( \[(.*)\])?;$)re");
    const std::regex attr(R"re(([a-z]+)=("([^"\\]|\\.)*"|[^,\s\]]+))re");
    while (std::getline(in, line)) {
        std::smatch m;
        if (line.rfind("//", 0) == 0 || line.empty()) continue;
        if (!open) {
            if (!std::regex_match(line, header)) dot.error = "no digraph header: " + line;
            open = true;
            continue;
        }
        if (line == "}") {
            closed = true;
            continue;
        }
        if (closed) dot.error = "text after the closing brace: " + line;
        if (std::regex_match(line, m, edge)) {
            Dot::Edge e{m[1], m[2], "", "", false};
            const std::string attrs = m[4];
            for (std::sregex_iterator it(attrs.begin(), attrs.end(), attr), end; it != end; ++it) {
                std::string value = (*it)[2];
                if (value.front() == '"') value = value.substr(1, value.size() - 2);
                if ((*it)[1] == "label") e.label = value;
                if ((*it)[1] == "color") e.color = value;
                if ((*it)[1] == "penwidth") e.bold = true;
            }
            dot.edges.push_back(e);
        } else if (std::regex_match(line, m, node)) {
            const std::string id = m[1];
            if (id != "node" && id != "edge" && id != "graph") dot.nodes.insert(id);
        } else if (line.rfind("  rankdir=", 0) != 0) {
            dot.error = "not a DOT statement: " + line;
        }
    }
    if (!closed && dot.error.empty()) dot.error = "no closing brace";
    for (const auto& e : dot.edges)
        if (!dot.nodes.count(e.from) || !dot.nodes.count(e.to)) dot.error = "edge to an undeclared node: " + e.from + " -> " + e.to;
    return dot;
}

}  // namespace

TEST_CASE("the authoring commands have --help, and bad usage is a one-line error with exit 2") {
    for (const auto& cmd : {"autoplay", "graph", "test", "new", "check"}) {
        CAPTURE(cmd);
        const auto r = test::holdspace({cmd, "--help"});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "Usage"));
        CHECK(contains(r.out, "--json"));
    }
    const auto top = test::holdspace({"--help"});
    for (const auto& cmd : {"autoplay", "graph", "test", "new"}) CHECK(contains(top.out, cmd));

    for (const auto& args : std::vector<std::vector<std::string>>{
             {"autoplay", preparation, "--policy", "clever"},
             {"autoplay", preparation, "--jobs", "0"},
             {"autoplay", "no/such.lua"},
             {"graph", preparation, "--format", "png"},
             {"graph", "no/such.lua"},
             {"test"},
             {"test", "no/such.plan"},
             {"new", "x.lua"},
             {"new", "x.lua", "--phase", "dessert"},
             {"check", preparation, "--max-paths", "0"}}) {
        CAPTURE(args[0]);
        CAPTURE(args.back());
        const auto r = test::holdspace(args);
        CHECK(r.exit_code == 2);
        CHECK(test::count_lines(r.err) == 1);
    }
}

TEST_CASE("check finds a moment without an expert, an unreachable option and the other flaws, at file:line") {
    const auto r = test::holdspace({"check", flaws});
    CHECK(r.exit_code == 1);
    // errors
    CHECK(contains(r.out, flaws + ":13: error: scored moment 'opening' has no expert option"));
    CHECK(contains(r.out, flaws + ":24: error: option 'hd_never' is unreachable: no path offers it"));
    // warnings
    CHECK(contains(r.out, flaws + ":18: warning: 'op_reflct' is not the id of any option or action"));
    CHECK(contains(r.out, flaws + ":34: warning: expert option 'cl_validate' of moment 'closing' has no rationale"));
    CHECK(contains(r.out, flaws + ":35: warning: option 'cl_plan' is not scored by rubric 'sparse'"));
    CHECK(contains(r.out, flaws + ":9: warning: rubric 'sparse' domain 'safety' (Safety) is never exercised"));
    CHECK(contains(r.out, flaws + ":28: warning: a narrated line is 352 characters long"));
    // Validity: the one scored moment with an expert gives it away by its length.
    CHECK(contains(r.out, flaws + ":11: warning: the expert option is the shortest at 1 of 1 scored moments"));
    CHECK(contains(r.out, flaws + ": expert option longest at 0/1 scored moments, shortest at 1/1; 17 characters against 21"));
    CHECK(contains(r.out, "1 file checked, 2 problems, 6 warnings"));

    const auto j = parse(test::holdspace({"check", flaws, "--json"}));
    CHECK(j["ok"] == false);
    CHECK(j["errors"] == 2);
    CHECK(j["warnings"] == 6);
    CHECK(j["files"][0]["cues"]["expert_shortest"] == 1);
    const auto& findings = j["files"][0]["findings"];
    bool unreachable = false;
    for (const auto& f : findings)
        if (f["line"] == 24 && f["severity"] == "error" && f["file"] == flaws) unreachable = true;
    CHECK(unreachable);
    CHECK(j["files"][0]["complete"] == true);
}

TEST_CASE("check finds a dead end: a branch no answer can leave") {
    const auto r = test::holdspace({"check", "tests/cli/fixtures/dead_end.lua", "--max-paths", "60", "--runs", "2"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "tests/cli/fixtures/dead_end.lua:18: error: dead end: no path through moment 'again' ends the session"));
    // The healthy branch is not reported.
    CHECK_FALSE(contains(r.out, "moment 'start' ends"));
}

TEST_CASE("check still reports runtime errors with what reproduces them") {
    auto r = test::holdspace({"check", "tests/cli/fixtures/fails_later.lua"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "fails_later.lua:14: error: attempt to index a nil value (local 'missing')"));
    CHECK(contains(r.out, "reproduce: holdspace play tests/cli/fixtures/fails_later.lua --seed 1 --actions FILE, FILE holding: oops"));

    r = test::holdspace({"check", "tests/cli/fixtures/endless.lua"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "endless.lua:9: error: instruction limit"));
    CHECK(contains(r.out, "[sandbox limit]"));
}

TEST_CASE("autoplay: the same report for --jobs 1 and --jobs 2") {
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"autoplay", preparation, "--runs", "150", "--seed", "7", "--json"},
             {"autoplay", medicine, "--policy", "exhaustive", "--runs", "300", "--json"},
             {"autoplay", "scenarios/integration/making_meaning.lua", "--policy", "worst", "--json"}}) {
        CAPTURE(args[2]);
        auto one = args, two = args;
        one.insert(one.end(), {"--jobs", "1"});
        two.insert(two.end(), {"--jobs", "2"});
        const auto a = test::holdspace(one), b = test::holdspace(two);
        CHECK(a.exit_code == 0);
        CHECK(b.exit_code == 0);
        const auto ja = parse(a), jb = parse(b);
        CHECK(ja["timing"]["jobs"] == 1);
        CHECK(jb["timing"]["jobs"] == 2);
        CHECK(without_timing(ja) == without_timing(jb));
    }
}

TEST_CASE("autoplay: a long run summed up in parts, one per job, tells the same as one job") {
    // 900 runs are summed up in one part, two or three: errors keep the order they were first met in
    // (one first met in the last part), and the first unfinished run, the best and the worst are the
    // first of their kind in seed order, where later parts tie with them.
    const std::vector<std::string> args = {"autoplay", "tests/cli/fixtures/many_ends.lua", "--runs", "900",
                                           "--seed", "3", "--max-depth", "14", "--json"};
    std::vector<json> reports;
    for (const char* jobs : {"1", "2", "3"}) {
        auto with_jobs = args;
        with_jobs.insert(with_jobs.end(), {"--jobs", jobs});
        const auto r = test::holdspace(with_jobs);
        CHECK(r.exit_code == 1);  // the scenario fails
        reports.push_back(without_timing(parse(r)));
    }
    const json& one = reports[0];
    REQUIRE(one["errors"].size() == 5);
    CHECK(one["errors"][0]["seed"] == 4);
    CHECK(one["errors"][0]["count"] == 71);
    CHECK(contains(one["errors"][4]["message"].get<std::string>(), "one run in five hundred"));
    CHECK(one["errors"][4]["seed"] == 781);
    CHECK(one["errors"][4]["count"] == 1);
    CHECK(one["unfinished"]["count"] == 25);
    CHECK(one["unfinished"]["seed"] == 20);
    CHECK(one["best"]["seed"] == 108);
    CHECK(one["worst"]["seed"] == 112);
    CHECK(reports[1] == one);
    CHECK(reports[2] == one);
}

TEST_CASE("check over many files: the same report, in the files' order, for --jobs 1 and --jobs 2") {
    // With several files each job checks whole files; what is found, and the order it is told in,
    // must not depend on that. The folder mixes sound scenarios, broken ones and validity failures.
    std::vector<std::string> base = {"check", "--validity", "--runs", "5", "--max-paths", "50"};
    for (const char* file : {"authoring_flaws", "dead_end", "fails_later", "minimal", "syntax_error", "validity_contradiction",
                             "validity_cued"})
        base.push_back("tests/cli/fixtures/" + std::string(file) + ".lua");
    base.push_back("tests/cli/fixtures/rubrics");
    for (const bool as_json : {false, true}) {
        CAPTURE(as_json);
        auto one = base, two = base;
        if (as_json) one.push_back("--json"), two.push_back("--json");
        one.insert(one.end(), {"--jobs", "1"});
        two.insert(two.end(), {"--jobs", "2"});
        const auto a = test::holdspace(one), b = test::holdspace(two);
        CHECK(a.exit_code == 1);  // the fixtures' broken files
        CHECK(b.exit_code == a.exit_code);
        CHECK(b.out == a.out);
        if (!as_json) {
            CHECK(contains(a.out, "syntax_error.lua"));
            CHECK(contains(a.out, "validity: test-wise strategy 'longest' passes"));
            CHECK(a.out.find("dead_end.lua") < a.out.find("validity_cued.lua"));  // the files' order
        }
    }
}

TEST_CASE("autoplay random: runs per second, coverage, line hits, scores, best and worst paths") {
    const auto r = test::holdspace({"autoplay", preparation, "--runs", "200"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "200 runs in "));
    CHECK(contains(r.out, " runs/s"));
    CHECK(contains(r.out, "errors: none"));
    CHECK(contains(r.out, "option coverage: "));
    CHECK(contains(r.out, "distinct say/narrate lines"));
    CHECK(contains(r.out, "scores (patient_directed): 200 scored"));
    CHECK(contains(r.out, "best path: "));
    CHECK(contains(r.out, "worst path: "));

    const auto j = parse(test::holdspace({"autoplay", preparation, "--runs", "200", "--json"}));
    CHECK(j["runs"] == 200);
    CHECK(j["timing"]["runs_per_second"].get<double>() > 0);
    const auto& overall = j["scores"]["overall"];
    CHECK(overall["min"].get<double>() <= overall["median"].get<double>());
    CHECK(overall["median"].get<double>() <= overall["max"].get<double>());
    CHECK(j["scores"]["domains"].contains("safety"));
    // The worst path replays to the score the report gives it.
    const auto& worst = j["worst"];
    std::string actions;
    for (const auto& a : worst["actions"]) actions += a.get<std::string>() + "\n";
    const auto file = test::scratch_dir() / "worst.actions";
    std::ofstream(file) << actions;
    const auto replayed = parse(test::holdspace({"play", preparation, "--seed", std::to_string(worst["seed"].get<int>()),
                                                 "--actions", file.string(), "--json"}));
    CHECK(replayed["score"]["overall"] == worst["overall"]);
    // Line hits cover every line said in every run: the opening narration is hit by all 200.
    bool opening = false;
    for (const auto& l : j["lines"])
        if (contains(l["text"], "A quiet room: a couch, two chairs")) opening = l["hits"] == 200;
    CHECK(opening);
}

TEST_CASE("autoplay reports errors with the seed and actions that reproduce them") {
    const auto j = parse(test::holdspace({"autoplay", "tests/cli/fixtures/fails_later.lua", "--runs", "40", "--json"}));
    CHECK(j["ok"] == false);
    REQUIRE(j["errors"].size() == 1);
    const auto& e = j["errors"][0];
    CHECK(contains(e["message"], "fails_later.lua:14: attempt to index a nil value"));
    CHECK(e["count"].get<int>() > 0);
    CHECK(e["actions"].back() == "oops");

    const auto limit = parse(test::holdspace({"autoplay", "tests/cli/fixtures/endless.lua", "--runs", "2", "--json"}));
    CHECK(limit["sandbox_limits"] == 2);
    CHECK(limit["errors"][0]["sandbox_limit"] == true);
}

TEST_CASE("exhaustive autoplay covers every option of the shipped preparation scenario") {
    const auto j = parse(test::holdspace({"autoplay", preparation, "--policy", "exhaustive", "--json"}));
    CHECK(j["ok"] == true);
    CHECK(j["complete"] == true);
    CHECK(j["coverage"]["never_taken"].empty());
    CHECK(j["coverage"]["taken"] == j["coverage"]["options"]);
    // Every option id the scenario file declares is among those taken.
    std::set<std::string> taken;
    for (const auto& p : j["coverage"]["points"])
        for (const auto& o : p["options"])
            if (o["taken"].get<int>() > 0) taken.insert(o["id"]);
    const std::string source = test::slurp(fs::path(HOLDSPACE_SOURCE_DIR) / preparation);
    const std::regex declared(R"re(\{ id = "([a-z0-9_]+)")re");
    int n = 0;
    for (std::sregex_iterator it(source.begin(), source.end(), declared), end; it != end; ++it, ++n) {
        CAPTURE((*it)[1].str());
        CHECK(taken.count((*it)[1].str()) == 1);
    }
    CHECK(n >= 25);
    // No path errs; the best passes and the worst has a critical error.
    CHECK(j["errors"].empty());
    CHECK(j["best"]["overall"].get<double>() >= 90);
    CHECK(j["worst"]["critical"].size() >= 1);
}

TEST_CASE("best and worst policies find a passing path and a path with a critical error") {
    const auto best = parse(test::holdspace({"autoplay", preparation, "--policy", "best", "--json"}));
    CHECK(best["best"]["pass"] == true);
    CHECK(best["best"]["overall"].get<double>() >= 95);
    const auto worst = parse(test::holdspace({"autoplay", preparation, "--policy", "worst", "--json"}));
    CHECK(worst["worst"]["pass"] == false);
    CHECK_FALSE(worst["worst"]["critical"].empty());
    bool touched = false;
    for (const auto& a : worst["worst"]["actions"]) touched = touched || a == "touch";
    CHECK(touched);
}

TEST_CASE("graph: DOT and Mermaid of the branches, options coloured by rubric class") {
    const auto r = test::holdspace({"graph", preparation});
    CHECK(r.exit_code == 0);
    const Dot dot = parse_dot(r.out);
    INFO(dot.error);
    CHECK(dot.error.empty());
    CHECK(contains(r.out, "digraph \"preparation.informed_consent\" {"));
    std::map<std::string, Dot::Edge> by_label;
    for (const auto& e : dot.edges) by_label[e.label] = e;
    // The first moment's answers all lead on to the second.
    for (const auto& id : {"wh_explain", "wh_agenda", "wh_oversell", "wh_silence"}) {
        CAPTURE(id);
        REQUIRE(by_label.count(id));
        CHECK(by_label[id].from == "c1");
        CHECK(by_label[id].to == "c2");
    }
    CHECK(by_label["wh_explain"].color == "#2e7d32");  // essential, the expert option (bold)
    CHECK(by_label["wh_explain"].bold);
    CHECK(by_label["wh_silence"].color == "#8a8a8a");  // holding space is only compatible in preparation
    CHECK(by_label["wh_oversell"].color == "#c62828"); // premature reassurance, persuading: proscribed
    CHECK(by_label["wh_agenda"].color == "#c62828");   // agenda (compatible here) with a worksheet (proscribed)
    CHECK(by_label["cl_reflect"].to == "finished");
    CHECK(dot.nodes.count("start"));

    // (A bounded exploration is enough for the other formats: every answer is tried at every choice.)
    const auto m = test::holdspace({"graph", preparation, "--format", "mermaid", "--max-paths", "300"});
    CHECK(m.exit_code == 0);
    std::istringstream in(m.out);
    std::string line;
    int links = 0;
    bool header = false;
    std::set<std::string> nodes;
    const std::regex node(R"re(^  ([a-z0-9]+)(\["|\(\["|\{\{").*("\]|"\]\)|"\}\})$)re");
    const std::regex link(R"re(^  ([a-z0-9]+) -->(\|"[^"]*"\|)? ([a-z0-9]+)$)re");
    const std::regex style(R"re(^  linkStyle ([0-9]+) stroke:#[0-9a-f]{6}(,stroke-width:3px)?$)re");
    while (std::getline(in, line)) {
        std::smatch g;
        CAPTURE(line);
        if (line.rfind("%%", 0) == 0) continue;
        if (line == "flowchart TD") {
            header = true;
        } else if (std::regex_match(line, g, node)) {
            CHECK(g[1] != "end");  // a word Mermaid reserves
            nodes.insert(g[1]);
        } else if (std::regex_match(line, g, link)) {
            CHECK(nodes.count(g[1]));
            CHECK(nodes.count(g[3]));
            ++links;
        } else if (std::regex_match(line, g, style)) {
            CHECK(std::stoi(g[1]) < links);
        } else {
            FAIL("not a Mermaid line: " << line);
        }
    }
    CHECK(header);
    CHECK(contains(m.out, "c1 -->|\"wh_explain\"| c2"));

    const auto j = parse(test::holdspace({"graph", preparation, "--json", "--max-paths", "300"}));
    CHECK(static_cast<int>(j["edges"].size()) == links);
    CHECK(j["complete"] == false);
}

TEST_CASE("test plans: the shipped plans pass; a failing plan names file:line; a broken plan exits 2") {
    auto r = test::holdspace({"test", "tests/plans"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "tests/plans/informed_consent.expert.plan: PASS"));
    // Every shipped plan passes, however many there are.
    const auto summary = r.out.rfind(" plans: ");
    REQUIRE(summary != std::string::npos);
    const std::string count = r.out.substr(r.out.rfind('\n', summary) + 1, summary - r.out.rfind('\n', summary) - 1);
    CHECK(contains(r.out, count + " plans: " + count + " passed"));
    CHECK(std::stoi(count) >= 24);

    r = test::holdspace({"test", "tests/cli/fixtures/failing.plan"});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "tests/cli/fixtures/failing.plan:8: FAIL: expected a say line containing \"Thank you\" since line 7 (do agenda)"));
    CHECK(contains(r.out, "tests/cli/fixtures/failing.plan:10: FAIL: expected score >= 90, got "));
    CHECK_FALSE(contains(r.out, "failing.plan:6:"));   // that expectation holds
    CHECK_FALSE(contains(r.out, "failing.plan:11:"));  // and so does that one
    CHECK(contains(r.out, "tests/cli/fixtures/failing.plan: FAIL (2 failed"));

    const auto j = parse(test::holdspace({"test", "tests/cli/fixtures/failing.plan", "--json"}));
    CHECK(j["ok"] == false);
    CHECK(j["plans"][0]["failures"][0]["line"] == 8);

    r = test::holdspace({"test", "tests/cli/fixtures/broken.plan"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.out, "tests/cli/fixtures/broken.plan:4: error: cannot expect 'scroe'"));

    // An action after the session is over stops the plan there.
    const auto plan = test::scratch_dir() / "wrong_action.plan";
    std::ofstream(plan) << "scenario " << HOLDSPACE_SOURCE_DIR << "/tests/cli/fixtures/minimal.lua\ndo invite\ndo invite\n";
    r = test::holdspace({"test", plan.string()});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "wrong_action.plan:3: FAIL: the session is over"));
}

TEST_CASE("new writes a template that passes check with no warnings, and never overwrites") {
    for (const auto& phase : {"preparation", "medicine", "integration"}) {
        CAPTURE(phase);
        const auto path = (test::scratch_dir() / "authoring" / (std::string("my_") + phase + ".lua")).string();
        auto r = test::holdspace({"new", path, "--phase", phase});
        CHECK(r.exit_code == 0);
        CHECK(contains(r.out, "wrote " + path));
        const std::string text = test::slurp(path);
        CHECK(contains(text, std::string("phase = \"") + phase + "\""));
        CHECK(contains(text, "expert = true"));
        CHECK(contains(text, "rationale ="));
        CHECK(contains(text, "hold_space"));
        CHECK(contains(text, "dose = {") == (std::string(phase) == "medicine"));
        // Every function of the session handle appears in the medicine template; the preparation and
        // integration templates use what a talking session needs (no cuff, no dose).
        for (const auto& fn : {"s:say", "s:narrate", "s:choose", "s:wait", "s:phase", "s:finish", "s:minutes",
                               "s:window", "s:history", "s:did", "s:set_touch_consent", "s.patient", "on_action"}) {
            CAPTURE(fn);
            CHECK(contains(text, fn));
        }
        if (std::string(phase) == "medicine")
            for (const auto& fn : {"s:since_dose", "s:vitals", "s:alerts", "s:intensity", "s:count", "s:last(", "s:music",
                                   "s:last_vitals", "s:withhold_supplemental"}) {
                CAPTURE(fn);
                CHECK(contains(text, fn));
            }

        const auto check = test::holdspace({"check", path, "--json"});
        CHECK(check.exit_code == 0);
        const auto j = parse(check);
        CHECK(j["ok"] == true);
        CHECK(j["warnings"] == 0);
        CHECK(j["files"][0]["complete"] == true);

        const auto plays = test::holdspace({"autoplay", path, "--runs", "50"});
        CHECK(plays.exit_code == 0);
        CHECK(contains(plays.out, "errors: none"));

        // A second `new` refuses, and the file is untouched.
        std::ofstream(path, std::ios::app) << "-- my edits\n";
        r = test::holdspace({"new", path, "--phase", phase});
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "already exists; not overwritten"));
        CHECK(contains(test::slurp(path), "-- my edits"));
    }
}

TEST_CASE("every shipped scenario is deterministic across processes, worker counts and repeated runs") {
    std::vector<std::string> scenarios;
    for (const char* phase : {"preparation", "medicine", "integration"})
        for (const auto& f : fs::directory_iterator(fs::path(HOLDSPACE_SOURCE_DIR) / "scenarios" / phase))
            if (f.path().extension() == ".lua") scenarios.push_back("scenarios/" + std::string(phase) + "/" + f.path().filename().string());
    std::sort(scenarios.begin(), scenarios.end());
    REQUIRE(scenarios.size() >= 12);
    for (const auto& scenario : scenarios) {
        CAPTURE(scenario);
        // The same random runs, in three processes: one worker twice, two workers once.
        const std::vector<std::string> args = {"autoplay", scenario, "--runs", "40", "--seed", "11", "--json"};
        auto one = args, two = args;
        one.insert(one.end(), {"--jobs", "1"});
        two.insert(two.end(), {"--jobs", "2"});
        const auto a = test::holdspace(one), again = test::holdspace(one), b = test::holdspace(two);
        REQUIRE(a.exit_code == 0);
        const auto ja = without_timing(parse(a));
        CHECK(ja == without_timing(parse(again)));
        CHECK(ja == without_timing(parse(b)));
        // One played session: byte-identical in two processes.
        const auto no_actions = (test::scratch_dir() / "no.actions").string();
        std::ofstream(no_actions).flush();  // up to the first choice
        const std::vector<std::string> play = {"play", scenario, "--seed", "5", "--json", "--actions", no_actions};
        const auto p1 = test::holdspace(play), p2 = test::holdspace(play);
        CHECK(!p1.out.empty());
        CHECK(p1.out == p2.out);
    }
}

// ---- Validity (issue 13): the score must need the skill ----

TEST_CASE("check --validity fails a scenario a test-wise strategy passes, names it, and gives a run to reproduce") {
    const std::string cued = "tests/cli/fixtures/validity_cued.lua";
    const auto r = test::holdspace({"check", "--validity", cued});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, cued + ":22: error: validity: test-wise strategy 'longest' passes on 10 of 10 seeds"));
    CHECK(contains(r.out, cued + ":22: warning: the expert option is the longest at 3 of 3 scored moments"));
    CHECK(contains(r.out, "    longest           passes 10/10"));
    CHECK(contains(r.out, "    expert            passes 100/100"));
    CHECK_FALSE(contains(r.out, "validity: test-wise strategy 'shortest'"));
    // The reproduction replays: the named run of the longest answers passes when played.
    const std::regex reproduce(R"(strategy 'longest' passes[^\n]*\n    reproduce: holdspace play \S+ --seed (\d+) --actions FILE, FILE holding: ([^\n]+))");
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, reproduce));
    const auto actions = test::scratch_dir() / "validity" / "longest.actions";
    fs::create_directories(actions.parent_path());
    {
        std::ofstream out(actions);
        std::istringstream words(m[2].str());
        for (std::string w; words >> w;) out << w << "\n";
    }
    const auto played = test::holdspace({"play", cued, "--seed", m[1].str(), "--actions", actions.string(), "--json"});
    REQUIRE(played.exit_code == 0);
    CHECK(parse(played)["score"]["pass"] == true);

    const auto j = parse(test::holdspace({"check", "--validity", cued, "--json"}));
    const auto& v = j["files"][0]["validity"];
    CHECK(v["expert"]["passed"] == 100);
    CHECK(v["cues"]["expert_longest"] == 3);
    bool longest_listed = false;
    for (const auto& s : v["strategies"])
        if (s["strategy"] == "longest") longest_listed = s["passed"] == 10;
    CHECK(longest_listed);
}

TEST_CASE("check --validity reports an answer key that contradicts the rubric: the expert path fails and is judged harmful") {
    const std::string key = "tests/cli/fixtures/validity_contradiction.lua";
    const auto r = test::holdspace({"check", "--validity", key});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, "validity: the expert path fails on seed 1: critical error: The participant was advised to stop"));
    CHECK(contains(r.out, "validity: the answer key contradicts the rubric: the expert option at moment 'pills' (pl_stop) judged harmful"));
}

TEST_CASE("autoplay --policy plays a test-wise strategy on ten seeds by default, from the order the trainee sees") {
    const std::string cued = "tests/cli/fixtures/validity_cued.lua";
    const auto longest = parse(test::holdspace({"autoplay", cued, "--policy", "longest", "--json"}));
    CHECK(longest["runs"] == 10);
    CHECK(longest["scores"]["passed"] == 10);
    const auto shortest = parse(test::holdspace({"autoplay", cued, "--policy", "shortest+vitals", "--json"}));
    CHECK(shortest["scores"]["passed"] == 0);
    // Every path of +vitals checks before each answer.
    const auto& actions = shortest["worst"]["actions"];
    REQUIRE(actions.size() == 6);
    for (std::size_t i = 0; i < actions.size(); i += 2) CHECK(actions[i] == "check_vitals");
    // "first" means first as shown: over ten seeds it does not always take the same option.
    const auto first = parse(test::holdspace({"autoplay", cued, "--policy", "first", "--json"}));
    std::set<std::string> taken;
    for (const auto& p : first["coverage"]["points"])
        for (const auto& o : p["options"])
            if (o["taken"].get<int>() > 0) taken.insert(o["id"].get<std::string>());
    CHECK(taken.size() > 3);
}
