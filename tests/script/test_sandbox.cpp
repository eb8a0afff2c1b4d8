// Adversarial tests for the scenario sandbox (docs/scenario-api.md, "What the
// sandbox allows"). Scenarios are untrusted Lua shared between institutions, so
// every rule is attacked the way real Lua hosts have been broken, through the
// same path the product uses: load_scenario_source, then a Session.
//
// Each hostile case must (1) fail with a clear message that starts with
// "hostile.lua:LINE:" (the line is marked in the source with the comment
// `--<<`), (2) leave no side effect, (3) end promptly, and (4) leave the host
// able to load and play a fresh scenario to the end.
//
// Cases that once crashed or hung the host run in a forked child with a
// timeout (expect_run_failure_isolated), so a regression fails the test
// instead of killing the run.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace {

using namespace std::chrono_literals;
using holdspace::ActionKind;
using holdspace::Event;
using holdspace::ScriptError;
using holdspace::Session;
using holdspace::TraineeAction;
using holdspace::script::Limits;
using Clock = std::chrono::steady_clock;

// Budget violations end in a few milliseconds; memory ones in tens. Anything
// near a second means a limit did not fire and something else stopped the run.
#ifdef HOLDSPACE_SANITIZED
constexpr double prompt_ms = 4000;  // sanitized code runs several times slower
#else
constexpr double prompt_ms = 1000;
#endif

// Small limits keep the suite quick: every entry may run 200k steps.
Limits small_limits() {
    Limits limits;
    limits.work_per_entry = 200'000;
    limits.memory_bytes = 8u << 20;
    limits.time_per_entry = 2000ms;
    return limits;
}

// For memory and stack attacks: enough work that memory is what runs out.
Limits roomy_limits() {
    Limits limits = small_limits();
    limits.work_per_entry = 100'000'000;
    return limits;
}

// What `holdspace play` uses.
Limits production_limits() { return Limits{}; }

// ---------------------------------------------------------------------------
// Building scenarios: each test states only its attack.

// A minimal valid scenario. `run` is the body of run(s); `on_action` (optional)
// the body of on_action(s, action); `top` (optional) runs at load time, before
// the returned table.
std::string scenario(std::string_view run, std::string_view on_action = {}, std::string_view top = {}) {
    std::string source;
    source += top;
    source += "\nreturn {\n"
              "  id = \"hostile.test\", title = \"Hostile\", phase = \"preparation\", rubric = \"patient_directed\",\n"
              "  patient = { name = \"Eve\", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },\n";
    if (!on_action.empty()) {
        source += "  on_action = function(s, action)\n";
        source += on_action;
        source += "\n  end,\n";
    }
    source += "  run = function(s)\n";
    source += run;
    source += "\n  end,\n}\n";
    return source;
}

// A scenario whose hostile part runs at load time.
std::string scenario_top(std::string_view top) { return scenario("s:say(\"loaded\")", {}, top); }

// A choice for run(s) to wait at, so on_action can be triggered.
const std::string offer = R"(local r = s:choose{
  { id = "ask", text = "What is happening for you?", codes = { "open_question" } },
  { id = "stay", action = "hold_space", codes = { "holding_space" } } })";

const TraineeAction water = TraineeAction::act(ActionKind::water);

// "hostile.lua:N:" for the line carrying the `--<<` marker.
std::string where(const std::string& source) {
    const auto at = source.find("--<<");
    if (at == std::string::npos) return "hostile.lua:(no --<< marker in the test source):";
    const auto line = 1 + std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    return "hostile.lua:" + std::to_string(line) + ":";
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// "hostile.lua:<digits>:" at the start.
bool has_file_line(std::string_view message) {
    if (!starts_with(message, "hostile.lua:")) return false;
    std::size_t i = std::string_view("hostile.lua:").size();
    const std::size_t digits = i;
    while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
    return i > digits && i < message.size() && message[i] == ':';
}

// ---------------------------------------------------------------------------
// Playing them.

struct Outcome {
    std::optional<ScriptError> load_error;
    std::unique_ptr<Session> session;
    std::vector<std::string> apply_errors;
    double ms = 0;  // loading, starting and every action
};

Outcome play(const std::string& source, const std::vector<TraineeAction>& actions = {},
             const Limits& limits = small_limits(), std::uint64_t seed = 1) {
    Outcome out;
    const auto t0 = Clock::now();
    try {
        auto loaded = holdspace::script::load_scenario_source(source, "hostile.lua", limits);
        out.session = std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed);
        out.session->start();
        for (const auto& action : actions) {
            std::string error;
            out.session->apply(action, error);
            if (!error.empty()) out.apply_errors.push_back(error);
        }
    } catch (const ScriptError& e) {
        out.load_error = e;
    }
    out.ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
    return out;
}

std::vector<std::string> texts_of(const Session& session, std::string_view type) {
    std::vector<std::string> texts;
    for (const Event& e : session.events())
        if (e.type == type) texts.push_back(e.data.value("text", std::string()));
    return texts;
}

std::vector<std::string> said(const Session& session) { return texts_of(session, "say"); }

std::string transcript(const Session& session) { return holdspace::transcript_json(session.events()).dump(); }

// State events the scenario caused by writing s.patient (the session also
// records the state at the start and as responses and time move it).
std::vector<Event> scenario_state_events(const Session& session) {
    std::vector<Event> out;
    for (const Event& e : session.events())
        if (e.type == "state" && e.data.value("cause", std::string()) == "scenario") out.push_back(e);
    return out;
}

holdspace::Json start_state(const Session& session) {
    for (const Event& e : session.events())
        if (e.type == "state" && e.data.value("cause", std::string()) == "start") return e.data;
    return holdspace::Json::object();
}

// What is wrong with a run that should have ended with a scenario error at the
// marked line naming `needle`, or "" if nothing is. No doctest macros, so it
// also serves in forked children.
std::string run_failure_problems(const Outcome& o, const std::string& source, std::string_view needle) {
    if (o.load_error) return std::string("the scenario did not even load: ") + o.load_error->what();
    if (!o.session) return "no session";
    const Session& session = *o.session;
    std::string problems;
    if (!session.over()) problems += "the session is still running; ";
    if (!session.failure()) return problems + "no failure was recorded; transcript: " + transcript(session).substr(0, 1500);
    const std::string message = session.failure()->what();
    const std::string at = where(source);
    if (!starts_with(message, at)) problems += "the message does not start with '" + at + "'; ";
    if (!contains(message, needle)) problems += "the message does not mention '" + std::string(needle) + "'; ";
    if (session.events().empty() || session.events().back().type != "end") {
        problems += "the transcript does not end with an end event; ";
    } else {
        const auto& data = session.events().back().data;
        if (data.value("reason", std::string()) != "error") problems += "the end reason is not \"error\"; ";
        if (data.value("message", std::string()) != message) problems += "the end event does not carry the message; ";
    }
    for (const auto& text : said(session))
        if (text == "survived") problems += "scenario code kept running after the failure (said \"survived\"); ";
    if (o.ms > prompt_ms) problems += "it took " + std::to_string(o.ms) + " ms; ";
    if (!problems.empty()) problems += "message: " + message;
    return problems;
}

std::string load_failure_problems(const Outcome& o, const std::string& source, std::string_view needle) {
    if (!o.load_error) {
        std::string problems = "the scenario loaded";
        if (o.session) problems += "; transcript: " + transcript(*o.session).substr(0, 1500);
        return problems;
    }
    const std::string message = o.load_error->what();
    std::string problems;
    const std::string at = where(source);
    if (!starts_with(message, at)) problems += "the message does not start with '" + at + "'; ";
    if (!contains(message, needle)) problems += "the message does not mention '" + std::string(needle) + "'; ";
    if (o.ms > prompt_ms) problems += "it took " + std::to_string(o.ms) + " ms; ";
    if (!problems.empty()) problems += "message: " + message;
    return problems;
}

// A fresh sandbox loads and plays a scenario to its end: a choice, a response,
// randomness, string methods, pairs and finish.
std::string host_problems() {
    const std::string source = scenario(R"(
    s:say("fresh sandbox " .. math.random(1000))
    local r = s:choose{ { id = "ask", text = "What is happening?", codes = { "open_question" } } }
    s:say(("chose %s"):format(r.id))
    local keys = {}
    for k in pairs({ b = 1, a = 2 }) do keys[#keys + 1] = k end
    s:finish(table.concat(keys, ","))
)");
    const Outcome o = play(source, {TraineeAction::choose("ask")});
    if (o.load_error) return std::string("a fresh scenario failed to load: ") + o.load_error->what();
    const Session& session = *o.session;
    if (session.failure()) return std::string("a fresh scenario failed: ") + session.failure()->what();
    if (!session.over() || session.events().back().data.value("reason", std::string()) != "script")
        return "a fresh scenario did not finish: " + transcript(session);
    const auto says = said(session);
    if (says.size() != 2 || says[1] != "chose ask") return "a fresh scenario said the wrong things: " + transcript(session);
    if (texts_of(session, "narrate") != std::vector<std::string>{"a,b"}) return "pairs order changed: " + transcript(session);
    return {};
}

void expect_host_survives() {
    const std::string problems = host_problems();
    CHECK_MESSAGE(problems.empty(), problems);
}

// The run failed cleanly at the marked line, mentioning `needle`; the host still works.
void expect_run_failure(const Outcome& o, const std::string& source, std::string_view needle) {
    const std::string problems = run_failure_problems(o, source, needle);
    CHECK_MESSAGE(problems.empty(), problems);
    expect_host_survives();
}

void expect_load_failure(const Outcome& o, const std::string& source, std::string_view needle) {
    const std::string problems = load_failure_problems(o, source, needle);
    CHECK_MESSAGE(problems.empty(), problems);
    expect_host_survives();
}

// The run ended normally (the scenario returned or finished).
void expect_finished(const Outcome& o) {
    REQUIRE_MESSAGE(!o.load_error, (o.load_error ? o.load_error->what() : ""));
    const Session& session = *o.session;
    CHECK_MESSAGE(!session.failure(), (session.failure() ? session.failure()->what() : ""));
    REQUIRE(session.over());
    CHECK(session.events().back().data.value("reason", std::string()) == "script");
    CHECK(o.ms < prompt_ms);
}

// ---------------------------------------------------------------------------
// Known holes run in a forked child, so a crash or hang fails the test instead
// of the whole run.

struct ChildOutcome {
    bool timed_out = false;
    int signal = 0;
    int exit_code = -1;
    std::string report;
};

// `body` returns "" when every expectation held, else what went wrong.
ChildOutcome run_in_child(const std::function<std::string()>& body, std::chrono::milliseconds timeout) {
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // Let a crash kill the child plainly (doctest's handlers would report it as this test's crash).
        for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL}) std::signal(sig, SIG_DFL);
        close(fds[0]);
        std::string report;
        try {
            report = body();
        } catch (const std::exception& e) {
            report = std::string("exception: ") + e.what();
        }
        if (report.size() > 4000) report.resize(4000);
        const ssize_t written = write(fds[1], report.data(), report.size());
        _exit(report.empty() && written >= 0 ? 0 : 1);
    }
    close(fds[1]);
    ChildOutcome out;
    int status = 0;
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        if (waitpid(pid, &status, WNOHANG) == pid) break;
        if (Clock::now() > deadline) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            out.timed_out = true;
            break;
        }
        std::this_thread::sleep_for(5ms);
    }
    char buffer[512];
    for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;) out.report.append(buffer, static_cast<std::size_t>(n));
    close(fds[0]);
    if (out.timed_out) return out;
    if (WIFSIGNALED(status)) out.signal = WTERMSIG(status);
    if (WIFEXITED(status)) out.exit_code = WEXITSTATUS(status);
    return out;
}

void check_child(const ChildOutcome& c) {
    CHECK_MESSAGE(!c.timed_out, "the host hung: the child was killed after the timeout");
    CHECK_MESSAGE(c.signal == 0, "the host crashed with signal " << c.signal);
    CHECK_MESSAGE(c.exit_code == 0, c.report);
}

// In a child: the run must fail cleanly at the marked line, and the host survive.
void expect_run_failure_isolated(const std::string& source, std::string_view needle,
                                 const std::vector<TraineeAction>& actions = {}, const Limits& limits = small_limits()) {
    check_child(run_in_child(
        [&] {
            const Outcome o = play(source, actions, limits);
            std::string problems = run_failure_problems(o, source, needle);
            if (problems.empty()) problems = host_problems();
            return problems;
        },
        5s));
}

std::string hostile_path() {
    return (std::filesystem::temp_directory_path() / ("holdspace-hostile-" + std::to_string(getpid()))).string();
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::set<std::string> words(const std::string& text) {
    std::set<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.insert(w);
    return out;
}

struct Attack {
    const char* name;
    std::string code;     // one or more lines; the failing one carries --<<
    const char* needle;   // part of the expected message
};

// A precompiled chunk header ("\27Lua", version 5.4, format, LUAC_DATA...) as Lua source text.
constexpr const char* binary_chunk =
    R"("\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86\0\0\0\0\0\0\0\0\0\0\0\40\119\64\1\0\0\0\0")";

}  // namespace

// ===========================================================================
TEST_SUITE_BEGIN("sandbox");

// ---- what scenarios can see ------------------------------------------------

TEST_CASE("scenarios see exactly the documented globals, and no forbidden library function") {
    const std::string source = scenario(R"lua(
    local names = {}
    for k in pairs(_G) do names[#names + 1] = k end
    s:say(table.concat(names, " "))
    local present = {}
    for _, f in ipairs({ "string.dump", "math.randomseed", "table.foreach", "table.getn", "string.gfind" }) do
      local lib, name = f:match("(%w+)%.(%w+)")
      if _G[lib][name] ~= nil then present[#present + 1] = f end
    end
    s:say("present: " .. table.concat(present, " "))
    local absent = {}
    for _, name in ipairs({ "io", "os", "debug", "package", "dofile", "loadfile", "collectgarbage",
                            "loadstring", "getfenv", "setfenv", "unpack", "module", "newproxy", "gcinfo", "bit32" }) do
      if _G[name] == nil and rawget(_ENV, name) == nil then absent[#absent + 1] = name end
    end
    s:say("absent: " .. #absent)
)lua");
    const Outcome o = play(source);
    expect_finished(o);
    const auto says = said(*o.session);
    REQUIRE(says.size() == 3);
    CHECK(words(says[0]) == std::set<std::string>{"_G", "_VERSION", "assert", "coroutine", "error", "getmetatable",
                                                  "ipairs", "load", "math", "next", "pairs", "pcall", "print",
                                                  "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable",
                                                  "string", "table", "tonumber", "tostring", "type", "utf8", "xpcall"});
    // math.randomseed stays present but raises an error (tested below); dump is gone.
    CHECK(says[1] == "present: math.randomseed");
    CHECK(says[2] == "absent: 15");
}

TEST_CASE("every forbidden capability fails at its line, creates nothing, and the host carries on") {
    const std::string path = hostile_path();
    std::filesystem::remove(path);
    const std::vector<Attack> attacks = {
        {"io.open", R"(io.open("%PATH%", "w"):write("pwned") --<<)", "attempt to index a nil value (global 'io')"},
        {"io.popen", R"(io.popen("touch %PATH%") --<<)", "(global 'io')"},
        {"os.execute", R"(os.execute("touch %PATH%") --<<)", "attempt to index a nil value (global 'os')"},
        {"os.exit", R"(os.exit(3) --<<)", "(global 'os')"},
        {"debug.sethook", R"(debug.sethook() --<<)", "attempt to index a nil value (global 'debug')"},
        {"debug.getregistry", R"(local r = debug.getregistry() --<<)", "(global 'debug')"},
        {"package.loadlib", R"(package.loadlib("libc.so.6", "system")("touch %PATH%") --<<)",
         "attempt to index a nil value (global 'package')"},
        {"require", R"(require("io").open("%PATH%", "w") --<<)", "require: no module 'io'"},
        {"dofile", R"(dofile("%PATH%") --<<)", "attempt to call a nil value (global 'dofile')"},
        {"loadfile", R"(loadfile("%PATH%") --<<)", "attempt to call a nil value (global 'loadfile')"},
        {"collectgarbage", R"(collectgarbage("stop") --<<)", "attempt to call a nil value (global 'collectgarbage')"},
        {"string.dump", R"(local bytes = string.dump(function() end) --<<)", "attempt to call a nil value (field 'dump')"},
        {"string.dump as a method", R"(local bytes = ("x").dump(print) --<<)", "attempt to call a nil value (field 'dump')"},
        {"_ENV.io", R"(_ENV.io.open("%PATH%", "w") --<<)", "(global 'io')"},
        {"rawget(_G, 'os')", R"(rawget(_G, "os").execute("touch %PATH%") --<<)", "attempt to index a nil value"},
        {"getfenv (5.1)", R"(getfenv(1).io.open("%PATH%", "w") --<<)", "attempt to call a nil value (global 'getfenv')"},
        {"loadstring (5.1)", R"(loadstring("return 1") --<<)", "attempt to call a nil value (global 'loadstring')"},
        {"newproxy (5.1)", R"(newproxy(true) --<<)", "attempt to call a nil value (global 'newproxy')"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string code = replace_all(attack.code, "%PATH%", path);
        const std::string source = scenario(code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
        CHECK_FALSE(std::filesystem::exists(path));
    }
}

TEST_CASE("a forbidden library fails the same way at load time and in on_action") {
    const std::string path = hostile_path();
    std::filesystem::remove(path);
    const std::string attack = replace_all(R"(io.open("%PATH%", "w"):write("pwned") --<<)", "%PATH%", path);

    const std::string at_load = scenario_top(attack);
    expect_load_failure(play(at_load), at_load, "attempt to index a nil value (global 'io')");
    CHECK_FALSE(std::filesystem::exists(path));

    const std::string in_action = scenario(offer, attack);
    expect_run_failure(play(in_action, {water}), in_action, "attempt to index a nil value (global 'io')");
    CHECK_FALSE(std::filesystem::exists(path));
}

// ---- load: text only, inside the sandbox -------------------------------------

TEST_CASE("load refuses precompiled chunks in every form") {
    const std::vector<Attack> attacks = {
        {"default mode", std::string("assert(load(") + binary_chunk + ")) --<<", "attempt to load a binary chunk"},
        {"mode bt", std::string("assert(load(") + binary_chunk + ", \"chunk\", \"bt\")) --<<",
         "attempt to load a binary chunk"},
        {"mode b", R"(assert(load("return 1", "chunk", "b")) --<<)", "load: binary chunks are not allowed in scenarios"},
        {"mode b with an env", R"(assert(load("return 1", "chunk", "b", {})) --<<)",
         "load: binary chunks are not allowed in scenarios"},
        {"a reader function", std::string("local parts = { ") + binary_chunk + R"( }
local i = 0
assert(load(function() i = i + 1 return parts[i] end)) --<<)",
         "attempt to load a binary chunk"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario_top(attack.code);
        expect_load_failure(play(source), source, attack.needle);
    }
    // The same from on_action (the scenario's main thread while it plays).
    const std::string source = scenario(offer, std::string("local f, err = load(") + binary_chunk + R"()
local g, err2 = load("return 1", "chunk", "b")
s:say(tostring(f) .. " | " .. err .. " | " .. tostring(g) .. " | " .. err2))");
    const Outcome o = play(source, {water});
    REQUIRE_FALSE(o.load_error);
    CHECK_FALSE(o.session->failure());
    REQUIRE(said(*o.session).size() == 1);
    CHECK(said(*o.session)[0] == "nil | attempt to load a binary chunk (mode is 't') | nil | "
                                 "load: binary chunks are not allowed in scenarios");
}

TEST_CASE("a precompiled scenario file is refused") {
    const std::string source = std::string("\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08", 15) + "garbage";
    const Outcome o = play(source);
    REQUIRE(o.load_error);
    CHECK(contains(o.load_error->what(), "binary chunk"));
    CHECK(o.ms < prompt_ms);
    expect_host_survives();
}

TEST_CASE("a precompiled scenario file is refused with file:line") {
    const std::string source = std::string("\x1bLua\x54\x00\x19\x93\r\n\x1a\n\x04\x08\x08", 15) + "garbage";
    const Outcome o = play(source);
    REQUIRE(o.load_error);
    CHECK_MESSAGE(starts_with(o.load_error->what(), "hostile.lua:1:"), o.load_error->what());
}

TEST_CASE("a chunk from load gets the sandbox's globals and sees nothing the host hides") {
    const std::string source = scenario_top(R"lua(
local f = assert(load("return io, os, debug, package, require, collectgarbage, string.dump, _G, _ENV, getmetatable('')"))
local io_, os_, debug_, package_, require_, gc, dump, g, env, strmeta = f()
assert(io_ == nil and os_ == nil and debug_ == nil and package_ == nil, "a library leaked")
assert(require_ == require, "the chunk has another require")
assert(gc == nil and dump == nil, "a function leaked")
assert(g == _G and env == _G, "the chunk has other globals")
assert(strmeta == "locked", "the string metatable leaked")
assert(load("x_from_chunk = 1"))()
assert(x_from_chunk == 1, "the chunk wrote elsewhere")
)lua");
    const Outcome o = play(source);
    expect_finished(o);
    CHECK(said(*o.session) == std::vector<std::string>{"loaded"});
}

TEST_CASE("load with a custom environment works but cannot escape it") {
    const std::string source = scenario_top(R"lua(
local f = assert(load("return x, getmetatable, print, string, _G, ('').rep ~= nil, ('').dump", "chunk", "t", { x = 5 }))
local x, gm, pr, str, g, rep, dump = f()
assert(x == 5 and gm == nil and pr == nil and str == nil and g == nil, "the custom env leaked globals")
assert(rep == true and dump == nil, "string methods differ inside the chunk")
local ok, err = pcall(load("return print('x')", "chunk", "t", nil))
assert(not ok and err:find("attempt to index a nil value", 1, true), err)
)lua");
    expect_finished(play(source));
}

TEST_CASE("code loaded with a custom environment is still metered") {
    const std::string source = scenario_top(R"(load("while true do end", "chunk", "t", {})() --<<)");
    const Outcome o = play(source);
    REQUIRE(o.load_error);
    // The loop runs in the loaded chunk, which is named in the message; the
    // scenario's own line is in the traceback.
    CHECK_MESSAGE(starts_with(o.load_error->what(), "chunk:1: instruction limit"), o.load_error->what());
    const auto& frames = o.load_error->traceback;
    CHECK(std::any_of(frames.begin(), frames.end(), [&](const std::string& f) { return starts_with(f, where(source)); }));
    CHECK(o.ms < prompt_ms);
    expect_host_survives();

    const std::string reader = scenario_top("load(function() while true do end end) --<<");
    expect_load_failure(play(reader), reader, "instruction limit");
}

TEST_CASE("load works inside run(s) and coroutines, and cannot corrupt the host") {
    check_child(run_in_child(
        [] {
            const std::string source = scenario(R"(
    local f = load("return 1 + 1")
    s:say("in run: " .. tostring(f and f()))
    s:say("in a coroutine: " .. tostring(coroutine.wrap(function() return load("return 2 + 2")() end)()))
    for i = 1, 2000 do pcall(load, "return 1") end
    s:say("survived the loop"))");
            const Outcome o = play(source);
            if (o.load_error) return std::string(o.load_error->what());
            if (o.session->failure()) return std::string(o.session->failure()->what());
            const auto says = said(*o.session);
            if (says != std::vector<std::string>{"in run: 2", "in a coroutine: 4", "survived the loop"})
                return "wrong results: " + transcript(*o.session);
            return host_problems();
        },
        10s));
}

// ---- no way to the real globals or the registry ------------------------------

TEST_CASE("the string metatable and the handle's metatables are locked") {
    const std::string source = scenario(R"(
    s:say(type(getmetatable("")) .. " " .. tostring(getmetatable("")))
    s:say(tostring(getmetatable(s)) .. " " .. tostring(getmetatable(s.patient)))
    s:say(tostring(getmetatable(print)) .. " " .. tostring(getmetatable(1)) .. " " .. tostring(getmetatable(coroutine.running())))
    s:say(tostring(getmetatable(_G)) .. " " .. tostring(rawget(s, "say")) .. " " .. tostring(rawget(s.patient, "distress"))))");
    const Outcome o = play(source);
    expect_finished(o);
    CHECK(said(*o.session) == std::vector<std::string>{"string locked", "locked locked", "nil nil nil", "nil nil nil"});
}

TEST_CASE("the string metatable and the handle's metatables cannot be changed") {
    const std::vector<Attack> attacks = {
        {"index the string metatable", R"(getmetatable("").__index = {} --<<)", "attempt to index a string value"},
        {"rawset on it", R"(rawset(getmetatable(""), "__index", {}) --<<)",
         "bad argument #1 to 'rawset' (table expected, got string)"},
        {"setmetatable on a string", R"(setmetatable("", {}) --<<)",
         "bad argument #1 to 'setmetatable' (table expected, got string)"},
        {"replace the handle's metatable", R"(setmetatable(s, {}) --<<)", "cannot change a protected metatable"},
        {"drop s.patient's metatable", R"(setmetatable(s.patient, nil) --<<)", "cannot change a protected metatable"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
    }
}

TEST_CASE("changing the string library only changes this scenario") {
    const std::string vandal = scenario(R"(
    string.rep = nil
    string.format = function() return "vandalised" end
    string.find = function() return 1 end
    s:say(("%d"):format(1)))");
    const Outcome first = play(vandal);
    expect_finished(first);
    CHECK(said(*first.session) == std::vector<std::string>{"vandalised"});

    const std::string fresh = scenario(R"(s:say(("ab"):rep(2) .. string.format("%d", 3) .. tostring(("abc"):find("c"))))");
    const Outcome second = play(fresh);
    expect_finished(second);
    CHECK(said(*second.session) == std::vector<std::string>{"abab33"});
}

TEST_CASE("rawset on the handle only changes the scenario's own view") {
    const std::string source = scenario(R"(
    rawset(s, "say", function() end)
    s:say("swallowed by the scenario's own function")
    rawset(s.patient, "trust", 1e9)
    rawset(s.patient, "name", "Mallory")
    s.patient.trust = 5
    rawset(s, "patient", { distress = 100 })
    s.patient.distress = 99
    s:narrate("done"))");
    const Outcome o = play(source);
    expect_finished(o);
    const Session& session = *o.session;
    CHECK(said(session).empty());
    CHECK(texts_of(session, "narrate") == std::vector<std::string>{"done"});
    CHECK(session.state().trust == doctest::Approx(start_state(session).value("trust", -1.0)));
    CHECK(session.state().distress == doctest::Approx(start_state(session).value("distress", -1.0)));
    CHECK(session.info().patient.name == "Eve");
    CHECK(scenario_state_events(session).empty());
}

TEST_CASE("_G is the sandbox's table and _ENV tricks reach nothing more") {
    const std::string source = scenario(R"(
    assert(_G == _ENV and _G._G == _G and getmetatable(_G) == nil)
    local function peek() local _ENV = {} return io, os, debug, print end
    assert(select("#", peek()) == 4 and peek() == nil)
    do
      local _ENV = setmetatable({}, { __index = function(_, k) return rawget(_G, k) end })
      assert(io == nil and collectgarbage == nil and print ~= nil)
    end
    local env = load("return _ENV", "chunk", "t", setmetatable({}, { __index = _G }))()
    assert(env.io == nil and env.debug == nil)
    s:say("ok"))");
    const Outcome o = play(source);
    expect_finished(o);
    CHECK(said(*o.session) == std::vector<std::string>{"ok"});

    const std::string no_env = scenario(R"(
    _ENV = nil
    print("x") --<<
    s:say("survived"))");
    expect_run_failure(play(no_env), no_env, "attempt to index a nil value (upvalue '_ENV')");
}

// ---- finalizers, weak tables, to-be-closed variables ---------------------------

TEST_CASE("setmetatable refuses __gc and __mode") {
    const std::vector<Attack> attacks = {
        {"__gc", R"(setmetatable({}, { __gc = function() end }) --<<)",
         "setmetatable: '__gc' finalizers are not allowed in scenarios"},
        {"__gc = false", R"(setmetatable({}, { __gc = false }) --<<)", "'__gc' finalizers are not allowed"},
        {"__gc in a metatable with an __index", R"(setmetatable({}, setmetatable({ __gc = print }, { __index = {} })) --<<)",
         "'__gc' finalizers are not allowed"},
        {"__mode k", R"(setmetatable({}, { __mode = "k" }) --<<)",
         "setmetatable: weak tables ('__mode') are not allowed in scenarios"},
        {"__mode v", R"(local cache = setmetatable({}, { __mode = "v" }) --<<)", "weak tables ('__mode') are not allowed"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
    }
}

TEST_CASE("__gc added after setmetatable never runs, during the session or when the sandbox is destroyed") {
    const std::string source = scenario(R"(
    local mt = {}
    for i = 1, 200 do setmetatable({}, mt) end
    local keep = setmetatable({}, mt)
    mt.__gc = function() s:say("finalizer ran") while true do end end
    for i = 1, 5000 do local garbage = { i, i, i, i } end
    s:say("collected"))");
    Outcome o = play(source);
    expect_finished(o);
    CHECK(said(*o.session) == std::vector<std::string>{"collected"});
    const auto t0 = Clock::now();
    o.session.reset();  // lua_close: every object is freed now
    CHECK(std::chrono::duration<double, std::milli>(Clock::now() - t0).count() < prompt_ms);
    expect_host_survives();
}

TEST_CASE("to-be-closed variables are metered") {
    const std::vector<Attack> attacks = {
        {"__close at the end of a block",
         R"(do local x <close> = setmetatable({}, { __close = function() while true do end end }) end --<<)",
         "instruction limit"},
        {"__close while an error unwinds",
         R"(pcall(function() local x <close> = setmetatable({}, { __close = function() while true do end end }) error("boom") end) --<<)",
         "instruction limit"},
        {"__close of a suspended coroutine", R"(local co = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end }) coroutine.yield() end) --<<
coroutine.resume(co)
coroutine.close(co))",
         "instruction limit"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
    }
    // In on_action, a failed entry's to-be-closed values are never run: the
    // scenario's own error is what the author sees.
    const std::string in_action = scenario(offer, R"(local x <close> = setmetatable({}, { __close = function() while true do end end })
error("boom") --<<)");
    expect_run_failure(play(in_action, {water}), in_action, "boom");
}

TEST_CASE("a to-be-closed variable pending when the session is destroyed never runs") {
    const std::string source = scenario(R"(
    local x <close> = setmetatable({}, { __close = function() s:say("closed") while true do end end })
    )" + offer);
    Outcome o = play(source);
    REQUIRE_FALSE(o.load_error);
    REQUIRE(o.session->choice());
    CHECK(said(*o.session).empty());
    const auto t0 = Clock::now();
    o.session.reset();  // must neither run the __close (it would reach a dying session) nor hang
    CHECK(std::chrono::duration<double, std::milli>(Clock::now() - t0).count() < prompt_ms);
    expect_host_survives();
}

// ---- the instruction budget ---------------------------------------------------

TEST_CASE("an endless loop is stopped at load time, in run and in on_action") {
    const std::string at_load = scenario_top("while true do end --<<");
    expect_load_failure(play(at_load), at_load, "instruction limit: the scenario ran more than 200000 steps");

    const std::string in_run = scenario("while true do end --<<\ns:say(\"survived\")");
    expect_run_failure(play(in_run), in_run, "instruction limit: the scenario ran more than 200000 steps");

    const std::string in_action = scenario(offer + "\ns:say(\"after the choice\")", "while true do end --<<");
    const Outcome o = play(in_action, {water});
    expect_run_failure(o, in_action, "instruction limit");
    REQUIRE(o.session);
    CHECK(said(*o.session).empty());
}

TEST_CASE("the budget cannot be escaped through pcall, xpcall, coroutines, metamethods or callbacks") {
    const std::vector<Attack> attacks = {
        {"pcall around the loop", "while true do pcall(function() while true do end end) end --<<", "instruction limit"},
        {"pcall that would continue", R"(for i = 1, 3 do
  local ok, err = pcall(function() while true do end end) --<<
end)",
         "instruction limit"},
        {"xpcall with a handler that swallows", R"(for i = 1, 3 do
  xpcall(function() while true do end end, function(m) return "swallowed" end) --<<
end)",
         "instruction limit"},
        {"pcall(error) after the limit", R"(pcall(function() while true do end end) --<<
pcall(error, "retry"))",
         "instruction limit"},
        {"coroutine.wrap", "coroutine.wrap(function() while true do end end)() --<<", "instruction limit"},
        {"coroutine.resume", R"(local ok, err = coroutine.resume(coroutine.create(function() while true do end end)) --<<
s:say("swallowed: " .. tostring(err)))",
         "instruction limit"},
        {"coroutines that keep yielding",
         "local co = coroutine.wrap(function() while true do coroutine.yield() end end) while true do co() end --<<",
         "instruction limit"},
        {"__index", "local v = setmetatable({}, { __index = function() while true do end end }).x --<<",
         "instruction limit"},
        {"__newindex", "setmetatable({}, { __newindex = function() while true do end end }).x = 1 --<<",
         "instruction limit"},
        {"__call", "setmetatable({}, { __call = function() while true do end end })() --<<", "instruction limit"},
        {"__eq", "local mt = { __eq = function() while true do end end } local same = setmetatable({}, mt) == setmetatable({}, mt) --<<",
         "instruction limit"},
        {"__lt in table.sort",
         "local mt, list = { __lt = function() while true do end end }, {} for i = 1, 10 do list[i] = setmetatable({}, mt) end table.sort(list) --<<",
         "instruction limit"},
        {"a table.sort comparator", R"(local list = { 3, 1, 2 }
pcall(table.sort, list, function() while true do end end) --<<)",
         "instruction limit"},
        {"__concat", R"(local v = setmetatable({}, { __concat = function() while true do end end }) .. "x" --<<)",
         "instruction limit"},
        {"__len", R"(local n = #setmetatable({}, { __len = function() while true do end end }) --<<)", "instruction limit"},
        {"__pairs", R"(for k in pairs(setmetatable({}, { __pairs = function() while true do end end })) do end --<<)",
         "instruction limit"},
        {"__tostring via tostring", R"(tostring(setmetatable({}, { __tostring = function() while true do end end })) --<<)",
         "instruction limit"},
        {"__tostring via print", R"(print(setmetatable({}, { __tostring = function() while true do end end })) --<<)",
         "instruction limit"},
        {"__tostring via string.format", R"(string.format("%s", setmetatable({}, { __tostring = function() while true do end end })) --<<)",
         "instruction limit"},
        {"a gsub callback", R"(string.gsub("aaa", "a", function() while true do end end) --<<)", "instruction limit"},
        {"a gsub callback under pcall", R"(pcall(string.gsub, "aaa", "a", function() while true do end end) --<<)",
         "instruction limit"},
        {"__index of a handle argument", R"(s:choose{ setmetatable({}, { __index = function() while true do end end }) } --<<)",
         "instruction limit"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        const Outcome o = play(source);
        expect_run_failure(o, source, attack.needle);
        if (o.session) {
            for (const auto& text : said(*o.session)) CHECK_MESSAGE(!starts_with(text, "swallowed"), text);
        }
    }
}

TEST_CASE("an xpcall message handler is metered") {
    const std::string in_run = scenario("xpcall(error, function() while true do end end) --<<\ns:say(\"survived\")");
    expect_run_failure_isolated(in_run, "instruction limit");
    const std::string both = scenario(
        "xpcall(function() while true do end end, function() while true do end end) --<<\ns:say(\"survived\")");
    expect_run_failure_isolated(both, "instruction limit");
    const std::string charged = scenario(
        "xpcall(string.rep, function() while true do end end, \"x\", 1e15) --<<\ns:say(\"survived\")");
    expect_run_failure_isolated(charged, "instruction limit");
}

// A coroutine stopped by a limit is left with Lua's hooks off, so its pending
// __close handlers would run unmetered if it were closed: the sandbox never
// closes it (its own coroutine.wrap, and coroutine.close refused once a limit is hit).
TEST_CASE("__close handlers of a coroutine stopped by the budget never run") {
    const std::string wrapped = scenario(R"(coroutine.wrap(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end --<<
end)()
s:say("survived"))");
    expect_run_failure_isolated(wrapped, "instruction limit");

    const std::string closed = scenario(R"(local co = coroutine.create(function()
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  while true do end --<<
end)
pcall(function()
  local guard <close> = setmetatable({}, { __close = function() coroutine.close(co) end })
  coroutine.resume(co)
end)
s:say("survived"))");
    expect_run_failure_isolated(closed, "instruction limit");
}

TEST_CASE("error objects with metamethods never hang the host or run scenario code from the host") {
    const std::string evil = R"(setmetatable({}, {
  __tostring = function() s:say("host called __tostring") while true do end end,
  __index = function() s:say("host called __index") while true do end end,
  __concat = function() s:say("host called __concat") while true do end end,
  __len = function() s:say("host called __len") while true do end end,
  __eq = function() s:say("host called __eq") while true do end end,
  __name = "NotATable" }))";
    const std::string in_run = scenario("local e = " + evil + "\nerror(e) --<<");
    const Outcome o = play(in_run);
    expect_run_failure(o, in_run, "error object is a table value");
    REQUIRE(o.session);
    CHECK(said(*o.session).empty());

    const std::string in_wrap = scenario("local e = " + evil + "\ncoroutine.wrap(function() error(e) end)() --<<");
    expect_run_failure(play(in_wrap), in_wrap, "error object is a table value");

    const std::string at_load = scenario_top("local e = " + evil + "\nerror(e) --<<");
    expect_load_failure(play(at_load), at_load, "error object is a table value");

    const std::string in_action = scenario(offer, "local e = " + evil + "\nerror(e) --<<");
    const Outcome acted = play(in_action, {water});
    expect_run_failure(acted, in_action, "error object is a table value");
    REQUIRE(acted.session);
    CHECK(said(*acted.session).empty());

    const std::vector<Attack> others = {
        {"error()", "error() --<<", "error object is a nil value"},
        {"error(42)", "error(42) --<<", ": 42"},
        {"error with level 2", R"(error("up a level", 2) --<<)", "up a level"},
        {"error of a coroutine", "error((coroutine.running())) --<<", "error object is a thread value"},
    };
    for (const auto& attack : others) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code);
        expect_run_failure(play(source), source, attack.needle);
    }
}

// ---- memory -------------------------------------------------------------------

TEST_CASE("the memory limit stops growing tables at load time, in run and in on_action") {
    const std::string grow = "local t = {} while true do t[#t + 1] = {} end --<<";
    const std::string at_load = scenario_top(grow);
    expect_load_failure(play(at_load, {}, roomy_limits()), at_load, "memory limit: the scenario used more than 8 MiB");

    const std::string in_run = scenario(grow + "\ns:say(\"survived\")");
    expect_run_failure(play(in_run, {}, roomy_limits()), in_run, "memory limit: the scenario used more than 8 MiB");

    const std::string in_action = scenario(offer, grow);
    expect_run_failure(play(in_action, {water}, roomy_limits()), in_action, "memory limit");
}

TEST_CASE("memory and string limits cannot be caught by pcall, xpcall or coroutine.resume") {
    const std::vector<Attack> attacks = {
        {"pcall", R"(local ok, err = pcall(function() local t = {} while true do t[#t + 1] = {} end end) --<<
s:say("swallowed: " .. tostring(err)))",
         "memory limit"},
        {"xpcall", R"(local ok, err = xpcall(function() local t = {} while true do t[#t + 1] = {} end end, function(m) return m end) --<<
s:say("swallowed: " .. tostring(err)))",
         "memory limit"},
        {"coroutine.resume", R"(local ok, err = coroutine.resume(coroutine.create(function() local t = {} while true do t[#t + 1] = {} end end)) --<<
s:say("swallowed: " .. tostring(err)))",
         "memory limit"},
        {"string doubling under pcall", R"(local ok, err = pcall(function() local x = "x" while true do x = x .. x end end) --<<
s:say("swallowed: " .. tostring(err)))",
         "string too long"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        const Outcome o = play(source, {}, roomy_limits());
        expect_run_failure(o, source, attack.needle);
        if (o.session) CHECK(said(*o.session).empty());
    }
}

TEST_CASE("library calls that would build or walk something huge are charged before they start") {
    const std::vector<Attack> attacks = {
        {"string doubling", R"(local x = "x" while true do x = x .. x end --<<)", "string too long"},
        {"string.rep of 1e9", R"(local x = string.rep("x", 1e9) --<<)", "instruction limit"},
        {"string.rep of the empty string 1e15 times", R"(local x = string.rep("", 1e15) --<<)", "instruction limit"},
        {"string.rep as a method", R"(local x = ("x"):rep(math.maxinteger, "y") --<<)", "instruction limit"},
        {"string.rep with a huge separator", R"(local x = string.rep("x", 1e6, string.rep("y", 100000)) --<<)",
         "instruction limit"},
        {"table.concat over a huge range", R"(local x = table.concat(setmetatable({}, { __index = function() return "x" end }), "", 1, 1e15) --<<)",
         "instruction limit"},
        {"table.move over a huge range", R"(table.move({}, 1, 1e15, 2) --<<)", "instruction limit"},
        {"table.insert with a huge __len", R"(table.insert(setmetatable({}, { __len = function() return 1e15 end }), 1, "x") --<<)",
         "instruction limit"},
        {"table.remove with a huge __len", R"(table.remove(setmetatable({}, { __len = function() return 1e15 end }), 1) --<<)",
         "instruction limit"},
        {"table.unpack of 1e8 values", R"(local n = select("#", table.unpack({}, 1, 1e8)) --<<)", "instruction limit"},
        {"table.sort with a huge __len", R"(table.sort(setmetatable({}, { __len = function() return 1e9 end })) --<<)",
         "instruction limit"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
    }
    // With work to spare, memory is what stops them.
    const std::vector<Attack> roomy = {
        {"string doubling", R"(local x = "x" while true do x = x .. x end --<<)", "string too long"},
        {"string.rep with a huge separator", R"(local x = string.rep("x", 3, string.rep("y", 600000)) --<<)",
         "string too long"},
        {"table.unpack of nearly a million values", R"(local n = select("#", table.unpack({}, 1, 999000)) --<<)",
         "memory limit"},
        {"many strings of 1 MB", R"(local keep = {}
for i = 1, 100 do keep[i] = string.rep("x", 1000000) .. i end --<<)",
         "memory limit"},
    };
    for (const auto& attack : roomy) {
        INFO("attack with roomy work: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source, {}, roomy_limits()), source, attack.needle);
    }
}

// table.insert and table.remove ask __len once and loop over that length, charged
// up front: a __len that changes its answer cannot make them spin.
TEST_CASE("table.insert and table.remove charge the length they actually use") {
    const std::string shifty = scenario(R"(local n = 0
local t = setmetatable({}, { __len = function() n = n + 1 if n == 1 then return 0 end return 1e15 end })
table.insert(t, 1, "x")
local m = 0
local u = setmetatable({}, { __len = function() m = m + 1 if m == 1 then return 1 end return 1e15 end })
table.remove(u, 1)
s:say("survived"))");
    const Outcome o = play(shifty);
    expect_finished(o);
    CHECK(said(*o.session).back() == "survived");

    const std::string huge = scenario(R"(local t = setmetatable({}, { __len = function() return 1e15 end })
table.insert(t, 1, "x") --<<
s:say("survived"))");
    expect_run_failure_isolated(huge, "instruction limit");
}

TEST_CASE("a string over the size limit is reported at load time and in on_action") {
    const std::string doubling = R"(local x = "x" while true do x = x .. x end --<<)";
    const std::string at_load = scenario_top(doubling);
    const Outcome loaded = play(at_load, {}, roomy_limits());
    REQUIRE(loaded.load_error);
    CHECK(contains(loaded.load_error->what(), "string too long"));
    expect_host_survives();

    const std::string in_action = scenario(offer, doubling);
    const Outcome acted = play(in_action, {water}, roomy_limits());
    REQUIRE(acted.session);
    REQUIRE(acted.session->failure());
    CHECK(contains(acted.session->failure()->what(), "string too long"));
    CHECK(acted.session->events().back().data.value("reason", std::string()) == "error");
    expect_host_survives();
}

TEST_CASE("a string over the size limit names file:line at load time and in on_action") {
    const std::string doubling = R"(local x = "x" while true do x = x .. x end --<<)";
    const std::string at_load = scenario_top(doubling);
    const std::string load_problems = load_failure_problems(play(at_load, {}, roomy_limits()), at_load, "string too long");
    CHECK_MESSAGE(load_problems.empty(), load_problems);
    const std::string in_action = scenario(offer, doubling);
    const std::string problems = run_failure_problems(play(in_action, {water}, roomy_limits()), in_action, "string too long");
    CHECK_MESSAGE(problems.empty(), problems);
}

TEST_CASE("a scenario too big to compile within the memory limit is refused") {
    std::string top = "local t = {";
    for (int i = 0; i < 120000; ++i) top += "\"k" + std::to_string(i) + "\",";
    top += "} --<<";
    const std::string source = scenario_top(top);
    Limits limits = roomy_limits();
    limits.memory_bytes = 2u << 20;
    const Outcome o = play(source, {}, limits);
    REQUIRE(o.load_error);
    CHECK(contains(o.load_error->what(), "memory limit"));
    CHECK(o.ms < prompt_ms);
    expect_host_survives();
}

TEST_CASE("a scenario too big to compile is refused with file:line") {
    std::string top = "local t = {";
    for (int i = 0; i < 120000; ++i) top += "\"k" + std::to_string(i) + "\",";
    top += "}";
    const std::string source = scenario_top(top);
    Limits limits = roomy_limits();
    limits.memory_bytes = 2u << 20;
    const Outcome o = play(source, {}, limits);
    REQUIRE(o.load_error);
    CHECK_MESSAGE(has_file_line(o.load_error->what()), o.load_error->what());
}

// ---- expensive patterns -------------------------------------------------------

TEST_CASE("catastrophic string patterns are stopped by the budget in every form") {
    const std::string setup = "local hay, pat = string.rep(\"a\", 5000), string.rep(\"a-\", 12) .. \"b\"\n";
    const std::vector<Attack> attacks = {
        {"string.find", "string.find(hay, pat) --<<", "instruction limit"},
        {"string.match", "string.match(hay, pat) --<<", "instruction limit"},
        {"string.gmatch", "for m in string.gmatch(hay, pat) do end --<<", "instruction limit"},
        {"string.gsub", "string.gsub(hay, pat, \"x\") --<<", "instruction limit"},
        {"find as a method", "hay:find(pat) --<<", "instruction limit"},
        {"match as a method", "(\"a\"):rep(5000):match((\"a-\"):rep(12) .. \"b\") --<<", "instruction limit"},
        {"gmatch as a method", "for m in hay:gmatch(pat) do end --<<", "instruction limit"},
        {"gsub as a method", "hay:gsub(pat, \"%0%0\") --<<", "instruction limit"},
        {"find under pcall", "pcall(string.find, hay, pat) --<<", "instruction limit"},
        {"plain find of a near miss", "string.find(string.rep(\"a\", 100000), string.rep(\"a\", 50000) .. \"b\", 1, true) --<<",
         "instruction limit"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(setup + attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
    }
}

// ---- recursion and the C stack ----------------------------------------------------

TEST_CASE("deep recursion ends with a clear error, never a crash") {
    const std::string lua_recursion = scenario("local function f() return 1 + f() end f() --<<");
    expect_run_failure(play(lua_recursion), lua_recursion, "instruction limit");
    // With work to spare the Lua stack grows until memory runs out.
    const std::string roomy = scenario("local function f() return 1 + f() end f() --<<");
    expect_run_failure(play(roomy, {}, roomy_limits()), roomy, "memory limit");

    const std::vector<Attack> attacks = {
        {"nested pcall rethrowing",
         "local function f() local ok, err = pcall(f) if not ok then error(err, 0) end end f() --<<", "stack overflow"},
        {"an __index chain", "local t t = setmetatable({}, { __index = function(_, k) return t[k] end }) local v = t.x --<<",
         "stack overflow"},
        {"a __tostring chain", "tostring(setmetatable({}, { __tostring = function(x) return tostring(x) end })) --<<",
         "stack overflow"},
        {"a __concat chain", "local mt = {} mt.__concat = function(a, b) return a .. b end local v = setmetatable({}, mt) .. \"x\" --<<",
         "stack overflow"},
        {"a gsub callback chain", "local function f() return (string.gsub(\"a\", \"a\", f)) end f() --<<", "stack overflow"},
        {"a table.sort comparator chain",
         "local function f(a, b) table.sort({ 1, 2 }, f) return false end table.sort({ 1, 2 }, f) --<<", "stack overflow"},
        {"a coroutine.wrap chain", "local function f() return coroutine.wrap(f)() end f() --<<", "stack overflow"},
        {"a coroutine.resume chain",
         "local function f() local ok, err = coroutine.resume(coroutine.create(f)) if not ok then error(err, 0) end end f() --<<",
         "stack overflow"},
        {"an xpcall handler that errors", "local function h(m) error(m) end local ok, err = xpcall(error, h, \"x\") error(err, 0) --<<",
         "error in error handling"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source, {}, roomy_limits()), source, attack.needle);
    }

    const std::string nested_source =
        scenario_top("local f, err = load(string.rep(\"(\", 100000) .. \"1\" .. string.rep(\")\", 100000))\nassert(f, err) --<<");
    expect_load_failure(play(nested_source, {}, roomy_limits()), nested_source, "stack overflow");

    // pcall swallowing a C-stack overflow at every level is allowed; it must just end.
    const std::string swallowing = scenario("local function f() pcall(f) end\nf()\ns:say(\"done\")");
    const Outcome o = play(swallowing, {}, roomy_limits());
    expect_finished(o);
    CHECK(said(*o.session) == std::vector<std::string>{"done"});
}

TEST_CASE("Lua 5.4.4's C-stack overflow while handling an error does not crash the host") {
    // lua.org bugs, 5.4.4: "Lua-stack overflow when C stack overflows while handling an error".
    const std::string source = scenario(R"(
    local function loop() assert(pcall(loop)) end
    local ok, err = xpcall(loop, loop)
    s:say("survived: " .. tostring(err)))");
    const Outcome o = play(source, {}, production_limits());
    REQUIRE_FALSE(o.load_error);
    REQUIRE(o.session->over());
    if (o.session->failure()) CHECK_MESSAGE(has_file_line(o.session->failure()->what()), o.session->failure()->what());
    expect_host_survives();
}

TEST_CASE("deeply nested coroutine.close ends with a clear error") {
    const std::string source = scenario(R"(local coro = false
for i = 1, 30000 do
  local previous = coro
  coro = coroutine.create(function()
    local cc <close> = setmetatable({}, { __close = function()
      if previous then assert(coroutine.close(previous)) end
    end })
    coroutine.yield()
  end)
  assert(coroutine.resume(coro))
end
coroutine.close(coro) --<<
s:say("survived"))");
    check_child(run_in_child(
        [&] {
            const Outcome o = play(source, {}, production_limits());
            if (o.load_error) return std::string(o.load_error->what());
            // Either the chain is refused with a clear error, or it completes.
            if (o.session->failure() && !has_file_line(o.session->failure()->what()))
                return std::string("no file:line: ") + o.session->failure()->what();
            return host_problems();
        },
        20s));
}

// ---- determinism ------------------------------------------------------------------

namespace {
const std::string determinism_source = scenario(R"(
    local t = { 10, 20, 30, x = 1, b = 2, [99.5] = 3, [-1] = 4, [true] = 5, [false] = 8 }
    local first, second = {}, {}
    t[first] = "first table"; t[print] = "print"; t[second] = "second table"
    local order = {}
    for k, v in pairs(t) do order[#order + 1] = tostring(v) end
    s:say(table.concat(order, ","))
    local k, v = next(t)
    s:say("next: " .. tostring(k) .. "=" .. tostring(v))
    s:say(tostring({}) .. " " .. tostring(print) .. " " .. tostring(s.say) .. " " .. tostring(coroutine.running()))
    s:say(string.format("%s %s", {}, print))
    local items = {}
    for i = 1, 30 do items[i] = { key = i % 3, id = i } end
    table.sort(items, function(a, b) return a.key < b.key end)
    local ids = {}
    for i, item in ipairs(items) do ids[i] = item.id end
    s:say(table.concat(ids, ","))
    s:say(string.format("%.17g %d %d %d", math.random(), math.random(1000), math.random(-5, 5), math.random(0)))
    local r = s:choose{ { id = "ask", text = "Go on?", codes = { "open_question" } } }
    s:say("random after the choice: " .. math.random(1, 1000000)))",
                                                 R"(s:say("action " .. action .. " " .. math.random(100)))");

std::string run_determinism(std::uint64_t seed) {
    const Outcome o = play(determinism_source, {water, TraineeAction::choose("ask")}, small_limits(), seed);
    REQUIRE_FALSE(o.load_error);
    CHECK_FALSE(o.session->failure());
    return holdspace::transcript_json(o.session->events()).dump();
}
}  // namespace

TEST_CASE("the same seed gives the same transcript, whatever the heap looks like") {
    const std::string first = run_determinism(42);
    // Disturb the allocator and keep another sandbox alive in between.
    std::vector<std::string> noise;
    for (int i = 0; i < 1000; ++i) noise.emplace_back(static_cast<std::size_t>(i * 7 % 300), 'n');
    const Outcome other = play(scenario("local t = {} for i = 1, 5000 do t[i] = { i } end\n" + offer));
    const std::string second = run_determinism(42);
    CHECK(first == second);

    const Outcome o = play(determinism_source, {water, TraineeAction::choose("ask")}, small_limits(), 42);
    const auto says = said(*o.session);
    REQUIRE(says.size() == 8);
    // pairs: integers ascending, other numbers, strings in byte order, booleans, then objects as created.
    CHECK(says[0] == "4,10,20,30,3,2,1,8,5,print,first table,second table");
    CHECK(says[1] == "next: -1=4");
    CHECK(says[2].find("0x") == std::string::npos);
    CHECK(starts_with(says[2], "table: #"));
    CHECK(contains(says[2], " function: #"));
    CHECK(contains(says[2], " thread: #"));
    CHECK(says[3].find("0x") == std::string::npos);
    CHECK(starts_with(says[3], "table: #"));
    // A stable sort: equal keys keep their order.
    CHECK(says[4] == "3,6,9,12,15,18,21,24,27,30,1,4,7,10,13,16,19,22,25,28,2,5,8,11,14,17,20,23,26,29");
    CHECK(starts_with(says[6], "action water "));
}

TEST_CASE("different seeds give different math.random results") {
    const Outcome a = play(determinism_source, {water, TraineeAction::choose("ask")}, small_limits(), 1);
    const Outcome b = play(determinism_source, {water, TraineeAction::choose("ask")}, small_limits(), 2);
    const auto says_a = said(*a.session), says_b = said(*b.session);
    REQUIRE(says_a.size() == 8);
    REQUIRE(says_b.size() == 8);
    CHECK(says_a[5] != says_b[5]);
    CHECK(says_a[6] != says_b[6]);
    CHECK(says_a[7] != says_b[7]);
    // Everything that does not draw numbers stays the same.
    for (std::size_t i = 0; i < 5; ++i) CHECK(says_a[i] == says_b[i]);
}

TEST_CASE("addresses and reseeding are refused") {
    const std::vector<Attack> attacks = {
        {"%p", R"(local p = string.format("%p", {}) --<<)", "string.format: '%p' is not available in scenarios"},
        {"%p with flags", R"(local p = string.format("%-20p", print) --<<)", "'%p' is not available"},
        {"%p as a method", R"(local p = ("%p"):format(s) --<<)", "'%p' is not available"},
        {"math.randomseed", "math.randomseed(42) --<<", "math.randomseed is not available"},
        {"math.randomseed with no argument", "math.randomseed() --<<", "math.randomseed is not available"},
        {"math.random with 3 arguments", "math.random(1, 2, 3) --<<", "wrong number of arguments"},
        {"math.random with an empty interval", "math.random(5, 1) --<<", "interval is empty"},
    };
    for (const auto& attack : attacks) {
        INFO("attack: " << attack.name);
        const std::string source = scenario(attack.code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, attack.needle);
    }
    const std::string at_load = scenario_top("local x = math.random() --<<");
    expect_load_failure(play(at_load), at_load, "math.random is only available while the session runs");

    // "%%p" is a literal, not an address.
    const Outcome o = play(scenario(R"(s:say(string.format("%%p %d", 1)))"));
    expect_finished(o);
    CHECK(said(*o.session) == std::vector<std::string>{"%p 1"});
}

// ---- the session handle -------------------------------------------------------------

TEST_CASE("s:choose and s:wait only work in run(s) itself") {
    const std::string choice = R"(s:choose{ { id = "a", text = "a", codes = { "open_question" } } })";
    const std::vector<std::pair<std::string, std::string>> in_run = {
        {"coroutine.wrap(function() " + choice + " end)() --<<", "s:choose can only be called from run(s) itself"},
        {"local ok, err = coroutine.resume(coroutine.create(function() " + choice + " end)) error(err, 0) --<<",
         "s:choose can only be called from run(s) itself"},
        {"coroutine.wrap(function() s:wait(5) end)() --<<", "s:wait can only be called from run(s) itself"},
        {"table.sort({ 1, 2, 3 }, function(a, b) " + choice + " return a < b end) --<<",
         "attempt to yield across a C-call boundary"},
        {"s:choose{ setmetatable({}, { __index = function() " + choice + " end }) } --<<",
         "attempt to yield across a C-call boundary"},
    };
    for (const auto& [code, needle] : in_run) {
        INFO("attack: " << code);
        const std::string source = scenario(code + "\ns:say(\"survived\")");
        expect_run_failure(play(source), source, needle);
    }
    const std::vector<std::pair<std::string, std::string>> in_action = {
        {choice + " --<<", "s:choose can only be called from run(s) itself, not from on_action"},
        {"s:wait(5) --<<", "s:wait can only be called from run(s) itself, not from on_action"},
        {"coroutine.yield() --<<", "coroutine.yield() outside run(s)"},
    };
    for (const auto& [code, needle] : in_action) {
        INFO("on_action: " << code);
        const std::string source = scenario(offer + "\ns:say(\"survived\")", code);
        expect_run_failure(play(source, {water}), source, needle);
    }
}

TEST_CASE("coroutine.yield() straight from run(s) ends the session with an error") {
    const std::string source = scenario("coroutine.yield() --<<\ns:say(\"survived\")");
    const Outcome o = play(source);
    REQUIRE_FALSE(o.load_error);
    const Session& session = *o.session;
    REQUIRE(session.failure());
    CHECK(contains(session.failure()->what(), "paused the session without offering a choice"));
    CHECK(starts_with(session.failure()->what(), "hostile.lua:"));
    CHECK(session.events().back().data.value("reason", std::string()) == "error");
    CHECK(said(session).empty());
    expect_host_survives();
}

TEST_CASE("coroutine.yield() straight from run(s) names file:line") {
    const std::string source = scenario("coroutine.yield() --<<");
    const std::string problems = run_failure_problems(play(source), source, "without offering a choice");
    CHECK_MESSAGE(problems.empty(), problems);
}

TEST_CASE("bad arguments to every handle function name the scenario's line") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"s:say(1)", "s:say: text must be a string, got number"},
        {"s:say(\"   \")", "s:say: text is empty"},
        {"s:say(string.rep(\"x\", 5000))", "s:say: text is 5000 bytes long; the most is 4000"},
        {"s:say(\"\\255\")", "s:say: text is not valid UTF-8"},
        // ASCII is read eight bytes at a time: a bad byte before, at or after a boundary of eight is still seen.
        {"s:say(string.rep(\"a\", 7) .. \"\\255\")", "s:say: text is not valid UTF-8"},
        {"s:say(string.rep(\"a\", 8) .. \"\\255\")", "s:say: text is not valid UTF-8"},
        {"s:say(string.rep(\"a\", 13) .. \"\\192\\128 and on\")", "s:say: text is not valid UTF-8"},
        {"s:say(string.rep(\"a\", 16) .. \"\\226\\130\")", "s:say: text is not valid UTF-8"},
        {"s:say(string.rep(\"a\", 17) .. \"\\237\\160\\128\" .. string.rep(\"b\", 9))", "s:say: text is not valid UTF-8"},
        {"s:say(\"caf\\195\\169 \" .. string.rep(\"a\", 23) .. \"\\128\")", "s:say: text is not valid UTF-8"},
        {"s:say(\"x\", 5)", "bad argument #2 to 'say' (table expected, got number)"},
        {"s:say(\"x\", { affect = \"smug\" })", "s:say: unknown affect 'smug'"},
        {"s:say(\"x\", { affect = 1 })", "s:say: affect must be a string"},
        {"s.say(\"x\")", "s:say: text must be a string, got no value"},
        {"s:narrate()", "s:narrate: text must be a string, got no value"},
        {"s:narrate({})", "s:narrate: text must be a string, got table"},
        {"s:wait(-1)", "s:wait: minutes must be more than 0 and at most 600"},
        {"s:wait(601)", "s:wait: minutes must be more than 0 and at most 600"},
        {"s:wait(0/0)", "s:wait: minutes must be more than 0 and at most 600"},
        {"s:wait(math.huge)", "s:wait: minutes must be more than 0 and at most 600"},
        {"s:wait(\"soon\")", "bad argument #1 to 'wait' (number expected, got string)"},
        {"s:phase(\"Peak Time\")", "s:phase: name must be a short word"},
        {"s:phase()", "bad argument #1 to 'phase' (string expected, got no value)"},
        {"s:finish(5)", "s:finish: text must be a string, got number"},
        {"s:count(\"bogus\")", "unknown behaviour code 'bogus'"},
        {"s:count()", "bad argument #1 to 'count' (string expected, got no value)"},
        {"s:last(\"nope\")", "unknown behaviour code 'nope'"},
        {"s:did()", "bad argument #1 to 'did' (string expected, got no value)"},
        {"s:did({})", "bad argument #1 to 'did' (string expected, got table)"},
        {"s:set_touch_consent(5)", "s:set_touch_consent: give false (no touch) or a description"},
        {"s:set_touch_consent(true)", "s:set_touch_consent: give false (no touch) or a description"},
        {"s:choose()", "bad argument #1 to 'choose' (table expected, got no value)"},
        {"s:choose{}", "s:choose: needs at least one option"},
        {"s:choose{ \"a\" }", "s:choose: option 1 must be a table, got string"},
        {"s:choose{ { text = \"a\", codes = { \"open_question\" } } }", "s:choose: option 1 has no 'id' (a string)"},
        {"s:choose{ { id = \"A b\", text = \"a\", codes = { \"open_question\" } } }",
         "s:choose: option 1 ('A b'): id must be lower-case letters, digits and _"},
        {"s:choose{ { id = \"water\", text = \"a\", codes = { \"open_question\" } } }",
         "id may not be the name of an action"},
        {"s:choose{ { id = \"a\", codes = { \"open_question\" } } }", "s:choose: option 1 ('a') has no 'text'"},
        {"s:choose{ { id = \"a\", text = \"a\" } }", "needs 'codes', a list of behaviour codes"},
        {"s:choose{ { id = \"a\", text = \"a\", codes = {} } }", "'codes' is empty"},
        {"s:choose{ { id = \"a\", text = \"a\", codes = { \"mind_control\" } } }", "unknown behaviour code 'mind_control'"},
        {"s:choose{ { id = \"a\", text = \"a\", codes = { 7 } } }", "codes must be strings"},
        {"s:choose{ { id = \"a\", action = \"teleport\", codes = { \"open_question\" } } }", "unknown action 'teleport'"},
        {"s:choose{ { id = \"a\", action = \"end\", codes = { \"open_question\" } } }", "unknown action 'end'"},
        {"s:choose{ { id = \"a\", text = \"a\", codes = { \"open_question\" }, expert = 1 } }",
         "'expert' must be true or false"},
        {"s:choose{ prompt = 5, { id = \"a\", text = \"a\", codes = { \"open_question\" } } }",
         "s:choose: 'prompt' must be a string, got number"},
        {"s:choose{ { id = \"a\", text = \"a\", codes = { \"open_question\" } }, { id = \"a\", text = \"b\", codes = { \"open_question\" } } }",
         "s:choose: two options have the id 'a'"},
        {"s:choose{ { id = \"a\", action = \"water\", codes = { \"offering_comfort\" } }, { id = \"b\", action = \"water\", codes = { \"offering_comfort\" } } }",
         "two options claim the action 'water'"},
        {"local o = {} for i = 1, 10 do o[i] = { id = \"o\" .. i, text = \"x\", codes = { \"open_question\" } } end s:choose(o)",
         "s:choose: at most 9 options"},
        {"s:teleport()", "attempt to call a nil value (method 'teleport')"},
        {"s:count(\"open_question\", \"yesterday\")", "bad argument #2 to 'count' (number expected, got string)"},
        {"s:choose{ flags = 5, { id = \"a\", text = \"a\", codes = { \"open_question\" } } }",
         "s:choose: flags must be a list of words"},
        {"s:choose{ flags = { \"Not A Word\" }, { id = \"a\", text = \"a\", codes = { \"open_question\" } } }",
         "s:choose: flags must be a list of words"},
        {"s:say{}", "s:say: give a line of text, or a list of variants"},
        {"s:say{ 5 }", "s:say: variant 1 must be a table"},
        {"s:say{ { text = 5 } }", "s:say: text must be a string, got number"},
        {"s:say{ { text = \"a\", weight = -1 } }", "s:say: variant 1's weight must be 0 or more"},
        {"s:say{ { text = \"a\", weight = 0/0 } }", "s:say: variant 1's weight must be 0 or more"},
        {"s:say{ { text = \"a\", weight = math.huge } }", "s:say: variant 1's weight must be 0 or more"},
        {"s:say{ { text = \"a\", weight = \"heavy\" } }", "s:say: variant 1's weight must be a number or function(patient)"},
        {"s:say{ { text = \"a\", weight = function() return \"heavy\" end } }",
         "s:say: variant 1's weight function must return a number"},
        {"s:say{ { text = \"a\", weight = 0 } }", "s:say: every variant has weight 0"},
        {"s:say{ { text = \"a\", affect = \"smug\" } }", "s:say: unknown affect 'smug'"},
        {"s:say{ { text = \"a\", weight = function(p) return p.mood end } }", "s.patient has no field 'mood'"},
        {"s:say{ { text = \"a\", weight = function() error(\"from the weight\") end } }", "from the weight"},
        {"s:say{ { text = \"a\", weight = function() s:choose{ { id = \"a\", text = \"a\", codes = { \"open_question\" } } } end } }",
         "attempt to yield across a C-call boundary"},
        {"s:say{ { text = \"a\", weight = function() while true do end end } }", "instruction limit"},
    };
    for (const auto& [code, needle] : cases) {
        INFO("call: " << code);
        const std::string source = scenario(code + " --<<\ns:say(\"survived\")");
        expect_run_failure(play(source), source, needle);
    }
}

TEST_CASE("s.patient rejects unknown, read-only and non-numeric writes") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"s.patient.mood = 5", "s.patient has no field 'mood'"},
        {"s.patient[1] = 5", "s.patient has no field '1'"},
        {"s.patient[{}] = 5", "bad argument #2 to 'newindex' (string expected, got table)"},
        {"s.patient.name = \"Mallory\"", "s.patient.name is read-only"},
        {"s.patient.age = 99", "s.patient.age is read-only"},
        {"s.patient.pronouns = \"they\"", "s.patient.pronouns is read-only"},
        {"s.patient.background = \"x\"", "s.patient.background is read-only"},
        {"s.patient.consent = { touch = \"anything\" }", "s.patient.consent is read-only"},
        {"s.patient.distress = \"high\"", "s.patient.distress must be a number, got string"},
        {"s.patient.distress = 0/0", "s.patient.distress must be a finite number"},
        {"s.patient.trust = -math.huge", "s.patient.trust must be a finite number"},
        {"s.patient.trust = nil", "s.patient.trust must be a number, got nil"},
        {"local x = s.patient.mood", "s.patient has no field 'mood'"},
        {"local x = s.patient[{}]", "bad argument #2 to 'index' (string expected, got table)"},
    };
    for (const auto& [code, needle] : cases) {
        INFO("write: " << code);
        const std::string source = scenario(code + " --<<\ns:say(\"survived\")");
        const Outcome o = play(source);
        expect_run_failure(o, source, needle);
        if (o.session) CHECK(scenario_state_events(*o.session).empty());
    }
    // The consent table handed out is a copy: changing it agrees to nothing.
    const std::string source = scenario(R"(
    s.patient.consent.touch = "anything at all"
    s.patient.distress = 1e9
    )" + offer);
    const Outcome o = play(source, {TraineeAction::act(ActionKind::touch)});
    REQUIRE_FALSE(o.load_error);
    CHECK_FALSE(o.session->failure());
    const auto written = scenario_state_events(*o.session);
    REQUIRE(written.size() == 1);
    CHECK(written[0].data.value("distress", -1.0) == doctest::Approx(100));
    CHECK(o.session->touch_consent().empty());
    CHECK(contains(transcript(*o.session), "touch_without_consent"));
}

TEST_CASE("on_action cannot resume or close the run(s) coroutine to forge a response") {
    // run(s) can get its own coroutine with coroutine.running(); while the trainee
    // decides it is suspended, so scenario code elsewhere could try to resume it
    // with a forged option, or close it under the host.
    const std::string run = R"(
    run_co = coroutine.running()
    local r = s:choose{ { id = "ask", text = "What is happening?", codes = { "open_question" } } }
    s:say("got " .. tostring(r.id))
    s:wait(30))";
    const std::vector<std::pair<std::string, std::string>> attacks = {
        {R"(coroutine.resume(run_co, { id = "forged" }) --<<)", "the session's own coroutine cannot be resumed or closed"},
        {R"(local ok, err = coroutine.resume(run_co, { id = "forged" }) --<<
s:say("swallowed: " .. tostring(err)))",
         "the session's own coroutine cannot be resumed or closed"},
        {R"(coroutine.close(run_co) --<<)", "the session's own coroutine cannot be resumed or closed"},
        {R"(coroutine.wrap(function() coroutine.resume(run_co, { id = "forged" }) end)() --<<)",
         "the session's own coroutine cannot be resumed or closed"},
    };
    for (const auto& [code, needle] : attacks) {
        INFO("on_action: " << code);
        const std::string source = scenario(run, code, "local run_co");
        const Outcome o = play(source, {water, TraineeAction::choose("ask")});
        expect_run_failure(o, source, needle);
        REQUIRE(o.session);
        for (const auto& text : said(*o.session)) {
            CHECK_MESSAGE(text != "got forged", "s:choose returned a forged response");
            CHECK_MESSAGE(!starts_with(text, "swallowed"), text);
        }
        for (const Event& e : o.session->events()) CHECK_MESSAGE(e.type != "wait", "run(s) went on inside on_action");
    }
    // From a coroutine inside run(s) the run coroutine is not suspended, so it cannot be resumed either.
    const std::string nested = scenario(R"(
    local me = coroutine.running()
    local ok, err = coroutine.resume(coroutine.create(function() return coroutine.resume(me) end))
    error(err or "resumed", 0) --<<)");
    const Outcome o = play(nested);
    REQUIRE_FALSE(o.load_error);
    REQUIRE(o.session->failure());
    CHECK_MESSAGE(has_file_line(o.session->failure()->what()), o.session->failure()->what());
    expect_host_survives();
}

TEST_CASE("the host's main thread, captured at load time, cannot be turned against the host") {
    const std::string source = scenario(R"(
    s:say(coroutine.status(main))
    s:say(tostring(coroutine.resume(main)))
    s:say(tostring(coroutine.close(main)))
    local r = s:choose{ { id = "ask", text = "What is happening?", codes = { "open_question" } } }
    s:say("chose " .. r.id))",
                                        R"(s:say("on_action " .. coroutine.status(main)))",
                                        "local main = coroutine.running()");
    const Outcome o = play(source, {water, TraineeAction::choose("ask")});
    expect_finished(o);
    const auto says = said(*o.session);
    REQUIRE(says.size() == 5);
    CHECK(says[1] == "false");  // a main thread with nothing on its stack looks dead
    CHECK(says[3] == "on_action dead");  // load-time code ran on a coroutine of its own, long finished
    CHECK(says[4] == "chose ask");
    expect_host_survives();
}

TEST_CASE("nothing is recorded after the end event") {
    const std::string source = scenario(R"(
    coroutine.wrap(function() s:finish("bye") end)()
    s:wait(45)
    s:say("after")
    s:phase("later"))");
    const Outcome o = play(source);
    REQUIRE_FALSE(o.load_error);
    REQUIRE(o.session->over());
    CHECK_MESSAGE(o.session->events().back().type == "end", transcript(*o.session));
}

// ---- the time limit: the last resort ----------------------------------------------

TEST_CASE("work the budget cannot see is stopped by the time limit") {
    Limits limits = small_limits();
    limits.work_per_entry = 1'000'000'000;
    limits.memory_bytes = 64u << 20;
    limits.time_per_entry = 300ms;
    const std::string source = scenario(R"(
    local a = string.rep("x", 1000000) .. "a"
    local b = string.rep("x", 1000000) .. "b"
    while true do local less = a < b end --<<
    s:say("survived"))");
    const Outcome o = play(source, {}, limits);
    const std::string problems = run_failure_problems(o, source, "time limit: one step of the scenario ran longer than 300 ms");
    CHECK_MESSAGE(problems.empty(), problems);
    expect_host_survives();
}

// ---- the host survives --------------------------------------------------------------

TEST_CASE("failed sandboxes stay isolated: fresh ones work while they are alive and after they are gone") {
    std::vector<Outcome> failed;
    const std::vector<std::pair<std::string, Limits>> attacks = {
        {"while true do end", small_limits()},
        {"local t = {} while true do t[#t + 1] = {} end", roomy_limits()},
        {"local x = \"x\" while true do x = x .. x end", roomy_limits()},
        {"error(setmetatable({}, { __tostring = function() while true do end end }))", small_limits()},
        {"string.find(string.rep(\"a\", 5000), string.rep(\"a-\", 12) .. \"b\")", small_limits()},
        {"local function f() return 1 + f() end f()", roomy_limits()},
    };
    for (const auto& [attack, limits] : attacks) {
        failed.push_back(play(scenario(attack), {}, limits));
        REQUIRE(failed.back().session);
        CHECK(failed.back().session->failure());
        expect_host_survives();
    }
    // A failed session refuses further work without touching Lua.
    for (auto& o : failed) {
        std::string error;
        CHECK_FALSE(o.session->apply(water, error).has_value());
        CHECK(error == "the session is over");
    }
    while (!failed.empty()) {
        failed.pop_back();
        expect_host_survives();
    }
}


// ---- issue 14: the time limit inside library calls, the transcript cap, built-in entry points ----

// A scenario written out in full, for cases where run or on_action is not a function(s) ... end.
std::string scenario_with(std::string_view fields) {
    std::string source = "return {\n"
                         "  id = \"hostile.test\", title = \"Hostile\", phase = \"preparation\", rubric = \"patient_directed\",\n"
                         "  patient = { name = \"Eve\", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },\n";
    source += fields;
    source += "\n}\n";
    return source;
}

TEST_CASE("table.sort over long strings is stopped inside the sort, by the budget and by the time limit") {
    // Once: one entry ran 70 s although the time limit was 5 s (the deadline was only checked in the
    // count hook, which a loop inside a C function never reaches).
    const std::string source = scenario(R"(
    local long = string.rep("x", 1000000)
    local t = {}
    for i = 1, 20000 do t[i] = long end
    table.sort(t) --<<
    s:say("survived"))");
    SUBCASE("production limits: comparing long strings is charged to the budget") {
        expect_run_failure_isolated(source, "limit: ", {}, production_limits());
    }
    SUBCASE("a budget that cannot see the work: the time limit holds inside the sort") {
        Limits limits = production_limits();
        limits.work_per_entry = 1'000'000'000'000;
        limits.time_per_entry = 300ms;
        expect_run_failure_isolated(source, "time limit: one step of the scenario ran longer than 300 ms", {}, limits);
    }
    SUBCASE("with a comparison function of the scenario's") {
        Limits limits = production_limits();
        limits.work_per_entry = 1'000'000'000'000;
        limits.time_per_entry = 300ms;
        const std::string with_less = replace_all(source, "table.sort(t) --<<",
                                                  "table.sort(t, function(a, b) return a < b end) --<<");
        check_child(run_in_child(
            [&] {
                const Outcome o = play(with_less, {}, limits);
                // The error is raised inside the comparison function, on the same line.
                return run_failure_problems(o, with_less, "time limit");
            },
            5s));
    }
    expect_host_survives();
}

TEST_CASE("the time limit holds inside a metered library call (a pattern that backtracks)") {
    Limits limits = production_limits();
    limits.work_per_entry = 1'000'000'000'000;
    limits.time_per_entry = 300ms;
    const std::string source = scenario(R"(
    local subject = string.rep("a", 200000)
    local found = string.find(subject, string.rep("a-", 30) .. "b") --<<
    s:say("survived"))");
    expect_run_failure_isolated(source, "time limit", {}, limits);
}

TEST_CASE("a scenario that narrates in a loop meets the transcript limit at its line") {
    const std::string source = scenario(R"(
    while true do s:narrate("again and again") end --<<
    s:say("survived"))");
    Limits limits = production_limits();
    limits.time_per_entry = 60s;  // sanitized builds are slow; the limit under test is the transcript's
    const Outcome o = play(source, {}, limits);
    const std::string problems = run_failure_problems(o, source, "transcript limit: the session has reached 100000 events");
    CHECK_MESSAGE((problems.empty() || contains(problems, " ms; ")), problems);
    REQUIRE(o.session);
    CHECK(o.session->events().size() <= holdspace::max_session_events + 1);
}

TEST_CASE("a scenario that swallows the transcript limit with pcall still fails, at the line it met it") {
    const std::string source = scenario(R"(
    for i = 1, 300000 do pcall(s.narrate, s, "again") end --<<
    s:say("survived")
    s:finish())");
    Limits limits = production_limits();
    limits.time_per_entry = 60s;
    const Outcome o = play(source, {}, limits);
    const std::string problems = run_failure_problems(o, source, "transcript limit");
    CHECK_MESSAGE((problems.empty() || contains(problems, " ms; ")), problems);
    REQUIRE(o.session);
    CHECK(o.session->events().size() <= holdspace::max_session_events + 1);
}

TEST_CASE("a long line said in a loop meets the 64 MiB text limit") {
    const std::string source = scenario(R"(
    local line = string.rep("y", 3999)
    while true do s:say(line) end --<<)");
    Limits limits = production_limits();
    limits.time_per_entry = 60s;
    const Outcome o = play(source, {}, limits);
    const std::string problems = run_failure_problems(o, source, "64 MiB of text");
    CHECK_MESSAGE((problems.empty() || contains(problems, " ms; ")), problems);
}

TEST_CASE("run and on_action must be the scenario's own functions: a built-in is refused at its line") {
    SUBCASE("run = print") {
        const std::string source = scenario_with("  run = print, --<<");
        expect_load_failure(play(source), source, "'run' must be a function written in the scenario");
    }
    SUBCASE("run = error") {
        const std::string source = scenario_with("  run = error, --<<");
        expect_load_failure(play(source), source, "'run' must be a function written in the scenario");
    }
    SUBCASE("run = coroutine.wrap(...)") {
        const std::string source = scenario_with("  run = coroutine.wrap(function(s) error('x') end), --<<");
        expect_load_failure(play(source), source, "'run' must be a function written in the scenario");
    }
    SUBCASE("on_action = string.rep") {
        const std::string source = scenario_with("  run = function(s) s:say('hi') end,\n  on_action = string.rep, --<<");
        expect_load_failure(play(source), source, "'on_action' must be a function written in the scenario");
    }
    expect_host_survives();
}

TEST_CASE("a scenario's own run still names file:line for every error") {
    const std::string source = scenario_with("  run = function(s) string.rep() end, --<<");
    const Outcome o = play(source);
    expect_run_failure(o, source, "bad argument");
}

TEST_SUITE_END();
