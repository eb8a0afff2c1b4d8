// End-to-end and unit: the terminal's text is wrapped to its width (never mid-word), and the debrief
// says what happened: a verdict that reads one way, counts in agreeing words, the participant's line
// the trainee answered and the actions taken before answering (issue 17).
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

// ---- Terminal: wrapped to the width, never mid-word ------------------------------------------------

TEST_CASE("wrap_text keeps every word whole, indents continuations, and leaves short lines alone") {
    using holdspace::cli::wrap_text;
    CHECK(wrap_text("  short line", 80) == "  short line");
    const std::string wrapped = wrap_text("      Why: reassurance closes down what is emerging in the participant now", 30, 4);
    for (const auto& line : lines_of(wrapped)) {
        CAPTURE(line);
        CHECK(columns(line) <= 30);
    }
    CHECK(lines_of(wrapped)[1].rfind("          ", 0) == 0);  // 6 + 4 columns in
    CHECK(words_of(wrapped) == words_of("Why: reassurance closes down what is emerging in the participant now"));
    // A word longer than the line stands alone, whole.
    const std::string longword = wrap_text("a " + std::string(50, 'x') + " b", 20);
    CHECK(contains(longword, std::string(50, 'x')));
}

TEST_CASE("the open choice wraps its options under their numbers, and its key-hint line fits in 80 columns") {
    holdspace::Choice c;
    c.prompt = "Alex is quiet, waiting to see what you do, and the room is very still around the two of you.";
    holdspace::Option a;
    a.id = "a";
    a.text = "That's normal, and you're safe here with us; whatever comes up, it will pass, and we will stay with you.";
    holdspace::Option b;
    b.id = "b";
    b.action = "hold_space";
    c.options = {a, b};
    for (int width : {80, 50}) {
        CAPTURE(width);
        const std::string shown = holdspace::cli::render_choice(c, width);
        const auto lines = lines_of(shown);
        for (const auto& line : lines) {
            CAPTURE(line);
            CHECK(columns(line) <= static_cast<std::size_t>(width));
        }
        CHECK(words_of(shown) == words_of(holdspace::cli::render_choice(c, 1000)));
    }
    const auto lines80 = lines_of(holdspace::cli::render_choice(c, 80));
    CHECK(contains(lines80.back(), "h=hold"));
    CHECK(contains(lines80.back(), "?=help"));
    CHECK(columns(lines80.back()) <= 80);
    // The option's second line lines up under its text.
    std::size_t first = 0;
    while (first < lines80.size() && lines80[first].rfind("  1) ", 0) != 0) ++first;
    REQUIRE(first + 1 < lines80.size());
    CHECK(lines80[first].rfind("  1) That's normal", 0) == 0);
    CHECK(lines80[first + 1].rfind("     ", 0) == 0);
    CHECK(lines80[first + 1][5] != ' ');
}

TEST_CASE("the terminal debrief is wrapped to the terminal's width (a pseudo-terminal 50 wide), words whole") {
    const std::string narrow = after(on_a_terminal({"play", memory, "--actions", memory_poor}, 50), "== Debrief");
    const std::string wide = after(on_a_terminal({"play", memory, "--actions", memory_poor}, 250), "== Debrief");
    REQUIRE_FALSE(narrow.empty());
    for (const auto& line : lines_of(narrow)) {
        CAPTURE(line);
        CHECK(columns(line) <= 50);
    }
    CHECK(words_of(narrow) == words_of(wide));
    CHECK(lines_of(narrow).size() > lines_of(wide).size());
}

TEST_CASE("without a terminal the debrief follows $COLUMNS, and --json output is not wrapped") {
    ::setenv("COLUMNS", "44", 1);
    const auto r = test::holdspace({"play", memory, "--actions", memory_poor});
    const auto j = test::holdspace({"play", memory, "--actions", memory_poor, "--json"});
    ::unsetenv("COLUMNS");
    REQUIRE(r.exit_code == 0);
    for (const auto& line : lines_of(after(r.out, "== Debrief"))) {
        CAPTURE(line);
        CHECK(columns(line) <= 44);
    }
    REQUIRE(j.exit_code == 0);
    CHECK(j.out == test::slurp(std::string(HOLDSPACE_SOURCE_DIR) + "/tests/golden/memory_surfaces.poor.json"));
}

// ---- The debrief says what happened --------------------------------------------------------------

TEST_CASE("the debrief's verdict cannot be read the wrong way round") {
    ::setenv("COLUMNS", "200", 1);  // the verdict on one line
    const auto poor = test::holdspace({"play", memory, "--actions", memory_poor});
    REQUIRE(poor.exit_code == 0);
    CHECK(contains(poor.out, "NOT PASSED: 2 critical errors (a pass needs 70 and none"));
    CHECK_FALSE(contains(poor.out, "and no critical errors)"));
    const auto expert = test::holdspace({"play", memory, "--actions", "tests/golden/memory_surfaces.expert.actions"});
    ::unsetenv("COLUMNS");
    REQUIRE(expert.exit_code == 0);
    CHECK(contains(expert.out, "PASS: 95.4 reaches the pass mark of 70, with no critical errors"));

    holdspace::scoring::Score s;
    s.overall = 64;
    s.pass_mark = 70;
    CHECK(contains(holdspace::cli::render_debrief(s, 80), "NOT PASSED: 64.0 is under the pass mark of 70"));
    s.miti.reflections = 1;
    s.miti.questions = 1;
    const std::string one = holdspace::cli::render_debrief(s, 80);
    CHECK(contains(one, "1 reflection (0 complex), 1 question"));
    CHECK_FALSE(contains(one, "1 reflections"));
}

TEST_CASE("a moment shows the line the trainee answered and the actions taken before answering") {
    const auto r = test::holdspace({"play", memory, "--actions", memory_poor});
    REQUIRE(r.exit_code == 0);
    const std::string debrief = after(r.out, "Moment by moment");
    // The blanket was offered at the moment answered with nr_fix; touch before the next.
    CHECK(contains(debrief, "Before answering you did: Offer blanket"));
    CHECK(contains(debrief, "Before answering you did: Offer touch"));
    const auto j = json::parse(test::holdspace({"play", memory, "--actions", memory_poor, "--json"}).out);
    // Every moment's context is the participant's last line before its choice opened.
    const auto& events = j["events"];
    std::string last_line;
    std::vector<std::string> before_choice;
    for (const auto& e : events) {
        if (e["type"] == "say") last_line = e["speaker"].get<std::string>() + ": \"" + e["text"].get<std::string>() + "\"";
        if (e["type"] == "choice") before_choice.push_back(last_line);
        if (e["type"] == "response") last_line.clear();
    }
    std::size_t k = 0;
    for (const auto& m : j["score"]["moments"]) {
        if (m["kind"] != "moment") continue;
        REQUIRE(k < before_choice.size());
        if (!before_choice[k].empty()) CHECK(m["situation"] == before_choice[k]);
        ++k;
    }
}

