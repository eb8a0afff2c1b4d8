// Compiled chunks: a text the process has compiled once is loaded into later sandboxes from the
// host's own compiled form. Sessions must not be able to tell: the same transcript, the same
// numbers in tostring, the same errors with file:line, and a text is never taken for another.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

using namespace holdspace;

namespace {

std::string scenario(const std::string& id, const std::string& top, const std::string& run) {
    return top + "\nreturn {\n  id = \"" + id +
           "\", title = \"Chunks\", phase = \"preparation\", rubric = \"patient_directed\",\n"
           "  patient = { name = \"Eve\", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },\n"
           "  run = function(s)\n" +
           run + "\n  end,\n}\n";
}

// The whole transcript of a session that answers the first option each time, or the load error.
std::string play(const std::string& source, const std::string& path, const script::Limits& limits = {}) {
    try {
        auto loaded = script::load_scenario_source(source, path, limits);
        Session session(std::move(loaded.info), std::move(loaded.script), 7);
        session.start();
        std::string error;
        while (const Choice* choice = session.choice())
            if (!session.apply(TraineeAction::choose(choice->options.front().id), error)) return "apply: " + error;
        std::string out;
        for (const auto& e : session.events()) out += e.to_json().dump() + "\n";
        if (session.failure()) {
            out += std::string("failure: ") + session.failure()->what() + "\n";
            for (const auto& frame : session.failure()->traceback) out += "  " + frame + "\n";
        }
        return out;
    } catch (const ScriptError& e) {
        return std::string("load: ") + e.what();
    }
}

const std::string numbered_run = R"(
    local t = { b = 1, a = 2, [{}] = 3, [print] = 4, [f] = 5 }
    local keys = {}
    for k in pairs(t) do keys[#keys + 1] = tostring(k) end
    s:say(tostring({}) .. " " .. tostring(f) .. " " .. tostring(s) .. " " .. tostring(print))
    s:say(table.concat(keys, " "))
    local r = s:choose{ { id = "a", text = "A", codes = { "open_question" } }, { id = "b", text = "B", codes = { "holding_space" } } }
    s:say(r.id .. " " .. tostring({}) .. " " .. tostring(coroutine.create(f)))
)";

}  // namespace

TEST_CASE("a second session of the same text plays exactly as the first") {
    const std::string source = scenario("chunks.same", "local function f() end\nlocal made = {}", numbered_run);
    const std::string first = play(source, "chunks/same.lua");
    REQUIRE(first.find("\"say\"") != std::string::npos);
    CHECK(first.find("failure") == std::string::npos);
    CHECK(first.find("table: #") != std::string::npos);
    CHECK(play(source, "chunks/same.lua") == first);
    CHECK(play(source, "chunks/same.lua") == first);
}

TEST_CASE("an error in a compiled chunk still names file:line, the same every time") {
    const std::string source = scenario("chunks.error", "local function boom(x)\n  return x.y.z\nend",
                                        "s:say(\"before\")\n    boom({})");
    const std::string first = play(source, "chunks/error.lua");
    CHECK(first.find("failure: chunks/error.lua:2: ") != std::string::npos);
    CHECK(first.find("  chunks/error.lua:2: in ") != std::string::npos);
    CHECK(play(source, "chunks/error.lua") == first);

    // Syntax errors are never compiled ahead: they read as the sandbox's own compiler says.
    const std::string broken = scenario("chunks.broken", "local x = = 1", "s:say(\"never\")");
    const std::string syntax = play(broken, "chunks/broken.lua");
    CHECK(syntax.rfind("load: chunks/broken.lua:1: unexpected symbol near '='", 0) == 0);
    CHECK(play(broken, "chunks/broken.lua") == syntax);
}

TEST_CASE("texts are told apart by their bytes and their names") {
    const std::string a = scenario("chunks.text", "", "s:say(\"version a\")");
    const std::string b = scenario("chunks.text", "", "s:say(\"version b\")");  // same size, same name
    REQUIRE(a.size() == b.size());
    const std::string played_a = play(a, "chunks/text.lua");
    const std::string played_b = play(b, "chunks/text.lua");
    CHECK(played_a.find("version a") != std::string::npos);
    CHECK(played_b.find("version b") != std::string::npos);
    CHECK(play(a, "chunks/text.lua") == played_a);

    // One text under two names: each session's errors name its own file.
    const std::string failing = scenario("chunks.named", "", "error(\"stop\")");
    CHECK(play(failing, "chunks/one.lua").find("failure: chunks/one.lua:6: stop") != std::string::npos);
    CHECK(play(failing, "chunks/two.lua").find("failure: chunks/two.lua:6: stop") != std::string::npos);
}

TEST_CASE("a text too large for a small sandbox fails there the same whether compiled before or not") {
    std::string table = "local big = {";
    for (int i = 0; i < 20000; ++i) table += "\"constant number " + std::to_string(i) + "\", ";
    table += "}";
    const std::string source = scenario("chunks.big", table, "s:say(tostring(#big))");
    script::Limits small;
    small.memory_bytes = 1u << 20;
    const std::string never_compiled = play(source, "chunks/big.lua", small);
    CHECK(never_compiled == "load: chunks/big.lua:1: memory limit: the scenario used more than 1 MiB");
    CHECK(play(source, "chunks/big.lua").find("\"20000\"") != std::string::npos);
    CHECK(play(source, "chunks/big.lua", small) == never_compiled);
}

TEST_CASE("sessions on several threads share compiled chunks and play the same") {
    const std::string source = scenario("chunks.threads", "local function f() end", numbered_run);
    const std::string expected = play(source, "chunks/threads.lua");
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i)
        threads.emplace_back([&, i] {
            for (int k = 0; k < 20; ++k) results[i] = play(source, "chunks/threads.lua");
        });
    for (auto& t : threads) t.join();
    for (const auto& r : results) CHECK(r == expected);
}
