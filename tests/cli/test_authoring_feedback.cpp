// End-to-end: `holdspace new` writes a template true to its phase, and `check` reports an unknown
// behaviour code where it is written, with the nearest code, and a choice the debrief cannot explain
// (issue 17).
#include "cli/debrief_view.hpp"
#include "cli/terminal_view.hpp"
#include "process.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

using nlohmann::json;
using test::contains;
namespace fs = std::filesystem;

namespace {

const std::string memory = "scenarios/medicine/memory_surfaces.lua";
const std::string memory_poor = "tests/golden/memory_surfaces.poor.actions";

[[maybe_unused]] std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(line);
    }
    return out;
}

[[maybe_unused]] std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// Columns a line takes (UTF-8 characters).
[[maybe_unused]] std::size_t columns(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    return n;
}

[[maybe_unused]] std::string after(const std::string& text, const std::string& marker) {
    const auto at = text.find(marker);
    return at == std::string::npos ? std::string() : text.substr(at);
}

// The real binary with stdout and stderr on a pseudo-terminal `cols` columns wide.
[[maybe_unused]] std::string on_a_terminal(const std::vector<std::string>& args, unsigned short cols) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(::grantpt(master) == 0);
    REQUIRE(::unlockpt(master) == 0);
    ::fcntl(master, F_SETFD, FD_CLOEXEC);
    winsize ws{};
    ws.ws_col = cols;
    ws.ws_row = 40;
    REQUIRE(::ioctl(master, TIOCSWINSZ, &ws) == 0);
    const std::string terminal = ::ptsname(master);
    const pid_t pid = test::start(args, "/dev/null", terminal, terminal);
    REQUIRE(pid > 0);
    std::string out;
    char buf[4096];
    for (;;) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 10000) <= 0) break;
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n <= 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    test::wait_for(pid);
    ::close(master);
    return out;
}

[[maybe_unused]] std::string fresh(const std::string& name) {
    const auto dir = test::scratch_dir() / ("issue17-" + name);
    fs::remove_all(dir);
    return dir.string();
}

}  // namespace

// ---- Authoring -----------------------------------------------------------------------------------

TEST_CASE("new --phase preparation|integration writes a template of that phase that check passes") {
    for (const std::string phase : {"preparation", "integration"}) {
        CAPTURE(phase);
        const auto path = (test::scratch_dir() / "issue17-new" / ("talk_" + phase + ".lua")).string();
        fs::remove(path);
        const auto r = test::holdspace({"new", path, "--phase", phase});
        REQUIRE(r.exit_code == 0);
        const std::string text = test::slurp(path);
        for (const char* medicine_only : {"cuff", "supplemental", "night attendant", "dose = {", "monitor = {", "since_dose",
                                          "s:last_vitals", "withhold_supplemental", "eyes still closed", "Alex lies back"}) {
            CAPTURE(medicine_only);
            CHECK_FALSE(contains(text, medicine_only));
        }
        CHECK_FALSE(contains(text, "a integration"));
        CHECK(contains(text, (phase == "integration" ? "an integration session" : "a preparation session")));
        const auto check = test::holdspace({"check", path, "--json"});
        CHECK(check.exit_code == 0);
        const auto j = json::parse(check.out);
        CHECK(j["ok"] == true);
        CHECK(j["warnings"] == 0);
        CHECK(test::holdspace({"autoplay", path, "--runs", "50"}).exit_code == 0);
    }
}

TEST_CASE("check reports an unknown behaviour code at its option's line with the nearest code, and nothing it buried") {
    const auto path = (test::scratch_dir() / "unknown_code.lua").string();
    std::ofstream(path, std::ios::binary) << R"LUA(return {
  id = "test.unknown_code",
  title = "Unknown code",
  phase = "preparation",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("Hi.", { affect = "anxious" })
    local r = s:choose{
      moment = "opening",
      { id = "invite", text = "Start wherever feels right.", codes = { "open_question" }, expert = true },
      { id = "reflect", text = "You're not sure where to begin.", codes = { "simple_reflecton" } },
      { id = "agenda", text = "Let's go through my agenda.", codes = { "agenda_setting" } },
    }
    s:say("Okay.")
    r = s:choose{
      moment = "next",
      { id = "n_one", text = "Go on.", codes = { "open_question" }, expert = true },
      { id = "n_two", text = "Tell me more.", codes = { "open_question" } },
    }
  end,
}
)LUA";
    const auto r = test::holdspace({"check", path});
    CHECK(r.exit_code == 1);
    CHECK(contains(r.out, path + ":12: error: option 'reflect': unknown behaviour code 'simple_reflecton' (did you mean "
                                 "'simple_reflection'?"));
    CHECK_FALSE(contains(r.out, "unreachable"));
    CHECK_FALSE(contains(r.out, path + ":9: error"));  // not again at the s:choose line
    CHECK(contains(r.out, "1 file checked, 1 problem"));
}

TEST_CASE("check warns about a choice without moment =: it is scored but the debrief cannot explain it") {
    const auto path = (test::scratch_dir() / "no_moment.lua").string();
    std::ofstream(path, std::ios::binary) << R"LUA(return {
  id = "test.no_moment",
  title = "No moment",
  phase = "preparation",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("Hi.", { affect = "anxious" })
    s:choose{
      { id = "invite", text = "Start wherever feels right.", codes = { "open_question" }, expert = true },
      { id = "agenda", text = "Let's go through my agenda.", codes = { "agenda_setting" } },
    }
  end,
}
)LUA";
    const auto r = test::holdspace({"check", path});
    CHECK(contains(r.out, path + ":9: warning: this choice has no moment = \"...\": it is scored, but the debrief cannot "
                                 "name or explain it"));
}

// ---- Typed responses (issue 16) ------------------------------------------------------------------

namespace {

const char* const examples_scenario = R"LUA(return {
  id = "test.examples",
  title = "Examples",
  phase = "preparation",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("I keep thinking I'll lose control in there and embarrass myself.", { affect = "anxious" })
    local r = s:choose{
      moment = "opening",
      { id = "reflect", text = "You're worried about losing control in front of us.", expert = true,
        codes = { "complex_reflection" }, rationale = "It follows her fear.",
        examples = { "Losing control in front of people scares you.",
                     "Honestly, don't worry, nobody loses control in there." } },
      { id = "reassure", text = "Don't worry, nobody loses control in there.", codes = { "premature_reassurance" },
        examples = { "Nobody ever loses control, honestly, don't worry." } },
    }
    s:say("Okay.")
  end,
}
)LUA";

}  // namespace

TEST_CASE("check says each option's examples at its choice and warns about one heard as another option") {
    const auto path = (test::scratch_dir() / "examples.lua").string();
    std::ofstream(path, std::ios::binary) << examples_scenario;
    const auto r = test::holdspace({"check", path});
    // The reassurance among the reflection's examples is not heard as the reflection.
    CHECK(contains(r.out, "warning: option 'reflect' example \"Honestly, don't worry, nobody loses control in there.\" is "
                          "heard as premature reassurance, which the option does not carry (complex_reflection): typed, "
                          "it would be scored as the option all the same; and said in other words it would match option "
                          "'reassure' rather than its own"));
    CHECK_FALSE(contains(r.out, "example \"Losing control in front of people scares you.\""));
    CHECK(contains(r.out, path + ":11: warning: option 'reflect' example"));  // at the option's line
    // The reassurance's own example is sound, but the stray one makes it ambiguous.
    CHECK(contains(r.out, "option 'reassure' example \"Nobody ever loses control, honestly, don't worry.\" is heard as "
                          "premature reassurance, said in other words it would match option 'reflect' rather than its own"));
}

TEST_CASE("play --typed-only and a scenario's typed_only: no options shown, a number refused, words said") {
    const auto path = (test::scratch_dir() / "typed_only.lua").string();
    std::string text = examples_scenario;
    text.replace(text.find("  phase = "), 0, "  typed_only = true,\n");
    std::ofstream(path, std::ios::binary) << text;
    for (const auto& args : {std::vector<std::string>{"play", path}, std::vector<std::string>{"play", "tests/cli/fixtures/minimal.lua", "--typed-only"}}) {
        CAPTURE(args.back());
        const auto r = test::holdspace(args, "1\nYou're scared you'll lose it in there and feel ashamed.\n");
        CHECK(contains(r.out, "Say it in your own words, or act:"));
        CHECK_FALSE(contains(r.out, "\n  1) "));
        CHECK(contains(r.out, "this session takes your own words"));
        CHECK(contains(r.out, "heard as"));
        CHECK(r.exit_code == 0);
    }
    // An actions file is held to it too; a scenario without it is not.
    const auto actions = (test::scratch_dir() / "typed_only.actions").string();
    std::ofstream(actions) << "1\n";
    CHECK(test::holdspace({"play", path, "--actions", actions}).exit_code == 2);
    CHECK(test::holdspace({"play", "tests/cli/fixtures/minimal.lua", "--actions", actions}).exit_code == 0);
}
