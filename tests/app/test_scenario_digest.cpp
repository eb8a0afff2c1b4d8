// The scenario digest kept in session records: the scenario file and the pack modules it requires,
// so that replay and review notice an edit to a shared module as well as to the scenario itself.
#include "../cli/process.hpp"

#include "app/scenario_digest.hpp"
#include "records/session_record.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using holdspace::app::required_names;
using holdspace::app::scenario_digest;
using Names = std::vector<std::string>;

namespace {

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("required names: literal calls of the global require, each once, in order") {
    CHECK(required_names("local m = require(\"monitor\")\nlocal t = require 'talk_2'\nrequire( \"monitor\" )") ==
          Names{"monitor", "talk_2"});
    CHECK(required_names("x.require('a') s:require('b') required('c') myrequire('d')").empty());
    CHECK(required_names("require(name) require('') require('a.b') require(\"unclosed").empty());
    CHECK(required_names("require\n  (\n 'spaced'\n)") == Names{"spaced"});
}

TEST_CASE("scenario digest: a scenario without modules keeps the digest of its file alone") {
    const auto pack = test::scratch_dir() / "digest-plain";
    fs::remove_all(pack);
    const std::string source = "return scenario { id = 'x' }\n";
    write(pack / "x.lua", source);
    CHECK(scenario_digest(source, (pack / "x.lua").string()) == holdspace::records::digest(source));
}

TEST_CASE("scenario digest: an edit to a required module, or to one it requires, changes it") {
    const auto pack = test::scratch_dir() / "digest-pack";
    fs::remove_all(pack);
    const std::string source = "local h = require('helper')\nreturn scenario { id = 'x' }\n";
    const std::string path = (pack / "medicine" / "x.lua").string();
    write(path, source);
    write(pack / "lib" / "helper.lua", "local d = require 'deep'\nreturn { n = 1 }\n");
    write(pack / "lib" / "deep.lua", "return { m = 1 }\n");
    write(pack / "lib" / "unrelated.lua", "return { k = 1 }\n");

    const std::string before = scenario_digest(source, path);
    CHECK(before != holdspace::records::digest(source));
    CHECK(scenario_digest(source, path) == before);  // the same files, the same digest

    write(pack / "lib" / "unrelated.lua", "return { k = 2 }\n");  // not required: no change
    CHECK(scenario_digest(source, path) == before);

    write(pack / "lib" / "deep.lua", "return { m = 2 }\n");  // required by the required module
    const std::string after_deep = scenario_digest(source, path);
    CHECK(after_deep != before);

    write(pack / "medicine" / "helper.lua", "return { n = 3 }\n");  // beside the scenario: found first
    CHECK(scenario_digest(source, path) != after_deep);
}
