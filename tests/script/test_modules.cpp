// require(name): modules a scenario pack shares, found beside the scenario or in the pack's lib/
// folder, run once as text inside the sandbox. Names are plain words, so no path can be smuggled in.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace holdspace;
namespace fs = std::filesystem;

namespace {

// A pack on disk: pack/medicine/<scenario>.lua and pack/lib/<modules>.
struct Pack {
    fs::path root;
    Pack() {
        root = fs::temp_directory_path() / ("holdspace-modules-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::remove_all(root);
        fs::create_directories(root / "medicine");
        fs::create_directories(root / "lib");
    }
    ~Pack() { fs::remove_all(root); }
    std::string write(const std::string& relative, const std::string& text) const {
        std::ofstream(root / relative, std::ios::binary) << text;
        return (root / relative).string();
    }
    static inline int n = 0;
};

std::string scenario(const std::string& top, const std::string& run = "s:say(\"ready\")") {
    return top + "\nreturn {\n"
                 "  id = \"pack.test\", title = \"Pack\", phase = \"preparation\", rubric = \"patient_directed\",\n"
                 "  patient = { name = \"Eve\", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },\n"
                 "  run = function(s)\n" +
           run + "\n  end,\n}\n";
}

std::vector<std::string> said(const Session& session) {
    std::vector<std::string> out;
    for (const auto& e : session.events())
        if (e.type == "say") out.push_back(e.data.value("text", ""));
    return out;
}

// Loads and plays the scenario at `path`; the load error's message, or "" and what was said.
std::string play(const std::string& path, std::vector<std::string>* says = nullptr) {
    try {
        auto loaded = script::load_scenario_file(path);
        Session session(std::move(loaded.info), std::move(loaded.script), 1);
        session.start();
        if (session.failure()) return session.failure()->what();
        if (says) *says = said(session);
        return "";
    } catch (const ScriptError& e) {
        return e.what();
    }
}

}  // namespace

TEST_CASE("a scenario requires a module from its pack's lib folder, or beside it; each runs once") {
    Pack pack;
    pack.write("lib/words.lua", "loads = (loads or 0) + 1\nreturn { greet = function(n) return 'hello ' .. n end }\n");
    pack.write("medicine/local_helper.lua", "return { twice = function(x) return x * 2 end }\n");
    const auto path = pack.write("medicine/s.lua", scenario(R"(
local words = require("words")
local again = require("words")
local helper = require("local_helper")
local same = words == again)",
                                                           R"(s:say(words.greet("Eve") .. " " .. helper.twice(21) .. " " .. tostring(same) .. " " .. loads))"));
    std::vector<std::string> says;
    CHECK(play(path, &says) == "");
    CHECK(says == std::vector<std::string>{"hello Eve 42 true 1"});
}

TEST_CASE("require refuses paths and unknown modules with the places it looked") {
    Pack pack;
    for (const std::string name : {"../secret", "/etc/passwd", "lib.words", "Words", "", "a b"}) {
        CAPTURE(name);
        const auto path = pack.write("medicine/s.lua", scenario("local m = require(\"" + name + "\")"));
        const std::string error = play(path);
        CHECK(error.find("s.lua:1: require: '" + name + "' is not a module name") != std::string::npos);
    }
    const auto path = pack.write("medicine/s.lua", scenario("local m = require(\"nowhere\")"));
    const std::string error = play(path);
    CHECK(error.find("s.lua:1: require: no module 'nowhere' (looked for ") != std::string::npos);
    CHECK(error.find((pack.root / "lib" / "nowhere.lua").string()) != std::string::npos);
}

TEST_CASE("a module's mistakes name the module's file and line; modules are text only and sandboxed") {
    Pack pack;
    pack.write("lib/broken.lua", "local x = 1\nreturn x.y.z\n");
    auto path = pack.write("medicine/s.lua", scenario("local b = require(\"broken\")"));
    CHECK(play(path).find("broken.lua:2: attempt to index a number value") != std::string::npos);

    pack.write("lib/binary.lua", std::string("\x1bLua\x54\x00", 6) + "junk");
    path = pack.write("medicine/s.lua", scenario("local b = require(\"binary\")"));
    CHECK(play(path).find("require: module 'binary' (" + (pack.root / "lib" / "binary.lua").string() +
                          ") does not load: attempt to load a binary chunk") != std::string::npos);

    pack.write("lib/escape.lua", "return io.open('/tmp/holdspace-module-escape', 'w')\n");
    path = pack.write("medicine/s.lua", scenario("local e = require(\"escape\")"));
    CHECK(play(path).find("escape.lua:1: attempt to index a nil value (global 'io')") != std::string::npos);
    CHECK_FALSE(fs::exists("/tmp/holdspace-module-escape"));

    pack.write("lib/endless.lua", "while true do end\n");
    path = pack.write("medicine/s.lua", scenario("local e = require(\"endless\")"));
    CHECK(play(path).find("instruction limit") != std::string::npos);
}

TEST_CASE("modules that require each other in a circle are an error, not a hang") {
    Pack pack;
    pack.write("lib/a.lua", "return require('b')\n");
    pack.write("lib/b.lua", "return require('a')\n");
    const auto path = pack.write("medicine/s.lua", scenario("local a = require(\"a\")"));
    CHECK(play(path).find("require: module 'a' requires itself") != std::string::npos);
}

TEST_CASE("a module failing under pcall is not half-remembered") {
    Pack pack;
    pack.write("lib/flaky.lua", "count = (count or 0) + 1\nif count == 1 then error('first time') end\nreturn count\n");
    const auto path = pack.write("medicine/s.lua", scenario(R"(
local ok = pcall(require, "flaky")
local second = require("flaky"))",
                                                           "s:say(tostring(ok) .. ' ' .. second)"));
    std::vector<std::string> says;
    CHECK(play(path, &says) == "");
    CHECK(says == std::vector<std::string>{"false 2"});
}
