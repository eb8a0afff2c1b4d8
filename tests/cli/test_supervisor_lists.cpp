// End-to-end: the supervisor's commands say whether each session passed, and a --data folder with no
// record store is reported, never filled with an empty one (issue 17).
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

// ---- Supervisor ----------------------------------------------------------------------------------

TEST_CASE("sessions and sessions show say whether each session passed") {
    const std::string data = fresh("passfail");
    REQUIRE(test::holdspace({"play", memory, "--actions", memory_poor, "--trainee", "ana", "--data", data}).exit_code == 0);
    REQUIRE(test::holdspace({"play", memory, "--actions", "tests/golden/memory_surfaces.expert.actions", "--trainee", "ana",
                             "--data", data})
                .exit_code == 0);
    auto r = test::holdspace({"sessions", "--data", data});
    REQUIRE(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    REQUIRE(lines.size() >= 3);
    CHECK(contains(lines[0], "result"));
    CHECK(contains(lines[1], "NOT PASSED"));
    CHECK(contains(lines[2], "passed"));
    CHECK_FALSE(contains(lines[2], "NOT"));

    const json list = json::parse(test::holdspace({"sessions", "--data", data, "--json"}).out);
    CHECK(list[0]["pass"] == false);
    CHECK(list[1]["pass"] == true);

    r = test::holdspace({"sessions", "show", "1", "--data", data});
    REQUIRE(r.exit_code == 0);
    CHECK(contains(lines_of(r.out)[0], "NOT PASSED (2 critical errors)"));
    r = test::holdspace({"sessions", "show", "2", "--data", data});
    CHECK(contains(lines_of(r.out)[0], "passed"));
    CHECK(json::parse(test::holdspace({"sessions", "show", "1", "--data", data, "--json"}).out)["pass"] == false);
}

TEST_CASE("read-only commands on a --data folder with no store say so (exit 2) and create nothing") {
    const std::string typo = fresh("typo");
    for (const auto& args : std::vector<std::vector<std::string>>{{"sessions", "--data", typo},
                                                                  {"sessions", "show", "1", "--data", typo},
                                                                  {"report", "1", "--data", typo},
                                                                  {"cohort", "--data", typo},
                                                                  {"sync", "--status", "--data", typo}}) {
        CAPTURE(args[0]);
        const auto r = test::holdspace(args);
        CHECK(r.exit_code == 2);
        CHECK(contains(r.err, "there is no record store in " + typo));
        CHECK(test::count_lines(r.err) == 1);
        CHECK_FALSE(fs::exists(typo));
    }
    // An existing folder without a store is not given one either.
    fs::create_directories(typo);
    const auto r = test::holdspace({"sessions", "--data", typo});
    CHECK(r.exit_code == 2);
    CHECK_FALSE(fs::exists(fs::path(typo) / "holdspace.db"));
}

