// Snapshots: the process keeps the sandbox it loaded a scenario into, frozen just after loading,
// and restores it for the next session of the same text. A restored sandbox must be the fresh
// one: the same transcript for every seed, no trace of an earlier session (globals, object
// numbers, memory), and the same limits.
#include "script/lua_scenario.hpp"
#include "script/sandbox.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <lua.hpp>

#include <string>
#include <thread>
#include <vector>

using namespace holdspace;

namespace {

std::string scenario(const std::string& id, const std::string& top, const std::string& run) {
    return top + "\nreturn {\n  id = \"" + id +
           "\", title = \"Snapshots\", phase = \"preparation\", rubric = \"patient_directed\",\n"
           "  patient = { name = \"Eve\", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },\n"
           "  run = function(s)\n" +
           run + "\n  end,\n}\n";
}

// The whole transcript of a session of `seed` (options picked by the seed too), or the load error.
std::string play(const std::string& source, const std::string& path, std::uint64_t seed,
                 const script::Limits& limits = {}) {
    try {
        auto loaded = script::load_scenario_source(source, path, limits);
        Session session(std::move(loaded.info), std::move(loaded.script), seed);
        session.start();
        std::string error;
        std::uint64_t pick = seed;
        while (const Choice* choice = session.choice()) {
            pick = pick * 6364136223846793005ULL + 1442695040888963407ULL;
            const auto& option = choice->options[(pick >> 33) % choice->options.size()];
            if (!session.apply(TraineeAction::choose(option.id), error)) return "apply: " + error;
        }
        std::string out;
        for (const auto& e : session.events()) out += e.to_json().dump() + "\n";
        if (session.failure()) out += std::string("failure: ") + session.failure()->what() + "\n";
        return out;
    } catch (const ScriptError& e) {
        return std::string("load: ") + e.what();
    }
}

// In a sandbox loaded afresh (the kept ones forgotten first), on a thread of its own.
std::string play_fresh(const std::string& source, const std::string& path, std::uint64_t seed,
                       const script::Limits& limits = {}) {
    script::forget_loaded_scenarios();
    std::string out;
    std::thread([&] { out = play(source, path, seed, limits); }).join();
    return out;
}

// Leaves what it can behind: a global counter, a table in a shared upvalue, metatables on the
// string library's table, objects that take numbers, random draws and a pairs order.
const std::string top = R"(
local log = {}
local function f() end
shared = { n = 0 }
)";
const std::string run = R"(
    counter = (counter or 0) + 1
    shared.n = shared.n + 1
    log[#log + 1] = math.random(1, 1000)
    string.extra = "left behind"
    local keys = {}
    for k in pairs({ b = 1, a = 2, [{}] = 3, [f] = 4 }) do keys[#keys + 1] = tostring(k) end
    s:say("counter " .. counter .. " shared " .. shared.n .. " log " .. #log .. " extra " .. tostring(string.extra))
    s:say(tostring({}) .. " " .. tostring(f) .. " " .. table.concat(keys, " "))
    for i = 1, 3 do
      local r = s:choose{ { id = "a", text = "A", codes = { "open_question" } },
                          { id = "b", text = "B", codes = { "holding_space" } },
                          { id = "c", text = "C", codes = { "simple_reflection" } } }
      local junk = {}
      for j = 1, 200 do junk[j] = string.rep(r.id, j) end
      s:say(r.id .. " " .. math.random() .. " " .. tostring(junk) .. " " .. #junk[200])
    end
)";

}  // namespace

TEST_CASE("a restored sandbox plays every seed exactly as a fresh one") {
    const std::string source = scenario("snap.same", top, run);
    const std::string path = "snap/same.lua";
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const std::string restored = play(source, path, seed);  // this thread's kept sandbox after the first
        REQUIRE(restored.find("failure") == std::string::npos);
        CHECK(restored.find("counter 1 shared 1 log 1 extra left behind") != std::string::npos);
        CHECK(restored == play_fresh(source, path, seed));
    }
}

TEST_CASE("sessions open at once each get a sandbox of their own, and each is restored") {
    const std::string source = scenario("snap.together", top, run);
    const std::string path = "snap/together.lua";
    std::vector<std::unique_ptr<Session>> open;
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        auto loaded = script::load_scenario_source(source, path);
        open.push_back(std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed));
        open.back()->start();
    }
    for (const auto& session : open) {
        REQUIRE(session->choice());
        std::string first_line;
        for (const auto& e : session->events())
            if (e.type == "say" && first_line.empty()) first_line = e.data.value("text", "");
        CHECK(first_line.rfind("counter 1 shared 1", 0) == 0);
    }
    open.clear();
    for (std::uint64_t seed = 1; seed <= 6; ++seed) CHECK(play(source, path, seed) == play_fresh(source, path, seed));
}

TEST_CASE("the memory limit and the instruction limit hold in a restored sandbox, the same each time") {
    script::Limits limits;
    limits.memory_bytes = 2u << 20;
    limits.work_per_entry = 2'000'000;
    const std::string source = scenario("snap.limits", "local keep = {}",
                                        R"(
    local r = s:choose{ { id = "grow", text = "Grow", codes = { "open_question" } },
                        { id = "spin", text = "Spin", codes = { "holding_space" } },
                        { id = "calm", text = "Calm", codes = { "simple_reflection" } } }
    if r.id == "grow" then
      for i = 1, 1e7 do keep[i] = { i, i } end
    elseif r.id == "spin" then
      while true do end
    end
    s:say("calm " .. #keep)
)");
    const std::string path = "snap/limits.lua";
    std::vector<std::string> first;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) first.push_back(play(source, path, seed, limits));
    bool saw_memory = false, saw_work = false, saw_calm = false;
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
        const std::string again = play(source, path, seed, limits);
        CHECK(again == first[seed - 1]);
        CHECK(again == play_fresh(source, path, seed, limits));
        saw_memory = saw_memory || again.find("memory limit: the scenario used more than 2 MiB") != std::string::npos;
        saw_work = saw_work || again.find("instruction limit") != std::string::npos;
        saw_calm = saw_calm || again.find("calm 0") != std::string::npos;
    }
    CHECK(saw_memory);
    CHECK(saw_work);
    CHECK(saw_calm);  // nothing a session kept survives into the next
}

TEST_CASE("restore puts the state, its memory count and its object numbers back") {
    script::Sandbox box({}, true);
    lua_State* L = box.state();
    box.load("x = 1; t = {}", "=setup");
    box.call(0, 0);
    REQUIRE(box.freeze());
    CHECK(box.frozen());
    const std::size_t memory = box.memory_used();
    box.load("x = 2; for i = 1, 100000 do t[i] = { i } end; y = tostring({})", "=change");
    box.call(0, 0);
    CHECK(box.memory_used() > memory + 1'000'000);
    box.push_globals(L);
    lua_getfield(L, -1, "y");
    const std::string first_id = lua_tostring(L, -1);
    lua_pop(L, 2);

    box.restore();
    CHECK(box.memory_used() == memory);
    box.load("x = 2; for i = 1, 100000 do t[i] = { i } end; y = tostring({})", "=change");
    box.call(0, 0);
    box.push_globals(L);
    lua_getfield(L, -1, "y");
    CHECK(first_id == std::string(lua_tostring(L, -1)));  // the same numbers as the first time after freezing
    lua_pop(L, 2);

    box.restore();
    CHECK(box.memory_used() == memory);
    box.load("assert(x == 1 and #t == 0 and y == nil)", "=check");
    box.call(0, 0);

    script::Sandbox plain;  // not restorable: nothing to freeze
    CHECK_FALSE(plain.freeze());
}

TEST_CASE("after a restore, objects of the frozen state freed and their room used again keep every number as in a sandbox never frozen") {
    // The frozen state's numbers stay where freeze() left them; a restore clears only what came
    // after. Freeing frozen objects, reusing their room and reading numbers through tostring and
    // pairs (which orders tables by number) must give what a plain sandbox gives, every time.
    const char* setup = "keep = {}; drop = {}; for i = 1, 300 do drop[i] = { i } end";
    const char* change = R"(
        local before = {}
        for i = 1, 300, 23 do before[#before + 1] = tostring(drop[i]) end
        drop = nil; for i = 1, 20000 do local churn = { i } end  -- the collector frees the frozen tables
        local made, keys = {}, {}
        for i = 1, 400 do local t = { i }; made[#made + 1] = t; keys[t] = i end
        local order = {}
        for _, i in pairs(keys) do order[#order + 1] = i end
        local names = {}
        for i = 1, 400, 37 do names[#names + 1] = tostring(made[i]) end
        result = table.concat(before, ",") .. " " .. tostring(keep) .. " " .. table.concat(names, ",") .. " " ..
                 table.concat(order, ","))";
    auto result = [](script::Sandbox& box) {
        lua_State* L = box.state();
        box.push_globals(L);
        lua_getfield(L, -1, "result");
        std::string out = lua_tostring(L, -1);
        lua_pop(L, 2);
        return out;
    };

    script::Sandbox plain;
    plain.load(setup, "=setup");
    plain.call(0, 0);
    plain.load(change, "=change");
    plain.call(0, 0);
    const std::string expected = result(plain);

    script::Sandbox box({}, true);
    box.load(setup, "=setup");
    box.call(0, 0);
    REQUIRE(box.freeze());
    for (int round = 0; round < 3; ++round) {
        CAPTURE(round);
        box.load(change, "=change");
        box.call(0, 0);
        CHECK(result(box) == expected);
        box.restore();
    }
}
