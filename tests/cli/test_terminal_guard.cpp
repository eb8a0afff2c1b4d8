// Nothing from outside drives the trainee's terminal (issue 14): the filter every terminal byte
// passes through, and the real binary on a pseudo-terminal playing a hostile scenario.
#include "cli/terminal_guard.hpp"
#include "process.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cstdlib>
#include <ostream>

using holdspace::cli::TerminalGuard;
using holdspace::cli::terminal_safe;

namespace {

// Runs the real binary with stdout and stderr on a new pseudo-terminal; returns what it printed.
std::string on_a_terminal(const std::vector<std::string>& args) {
    const int master = ::posix_openpt(O_RDWR | O_NOCTTY);
    REQUIRE(master >= 0);
    REQUIRE(::grantpt(master) == 0);
    REQUIRE(::unlockpt(master) == 0);
    ::fcntl(master, F_SETFD, FD_CLOEXEC);  // the child has only the terminal's other end
    const std::string terminal = ::ptsname(master);
    const pid_t pid = test::start(args, "/dev/null", terminal, terminal);
    REQUIRE(pid > 0);
    std::string out;
    char buf[4096];
    for (;;) {
        pollfd p{master, POLLIN, 0};
        if (::poll(&p, 1, 5000) <= 0) break;
        const ssize_t n = ::read(master, buf, sizeof buf);
        if (n <= 0) break;  // EIO once the child has closed the terminal
        out.append(buf, static_cast<std::size_t>(n));
    }
    test::wait_for(pid);
    ::close(master);
    return out;
}

}  // namespace

TEST_CASE("terminal_safe escapes control sequences, overrides and broken bytes visibly, and keeps text") {
    CHECK(terminal_safe("Inês sits\tquietly.\n") == "Inês sits\tquietly.\n");
    CHECK(terminal_safe("\x1b]52;c;ZWNobw==\x07") == "\\x1b]52;c;ZWNobw==\\x07");
    CHECK(terminal_safe("\x1b[2J\r\x7f") == "\\x1b[2J\\x0d\\x7f");
    CHECK(terminal_safe("next\xc2\x85line") == "next\\u0085line");          // C1 control (NEL)
    CHECK(terminal_safe("abc\xe2\x80\xae" "def") == "abc\\u202edef");       // right-to-left override
    CHECK(terminal_safe("bad \xff byte") == "bad \\xff byte");
    CHECK(terminal_safe("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
    CHECK(terminal_safe("cut \xe2\x80") == "cut \\xe2\\x80");
}

TEST_CASE("the guard holds a UTF-8 sequence split across writes, and escapes what a write completes") {
    std::stringbuf sink;
    {
        TerminalGuard guard(&sink);
        std::ostream out(&guard);
        out << "In\xc3";
        out.flush();
        CHECK(sink.str() == "In");
        out << "\xaas \x1b[31m" << '\x1b';
        out.flush();
        CHECK(sink.str() == "Inês \\x1b[31m\\x1b");
        out << "\xe2\x80";  // incomplete at the end: shown escaped when the guard closes
    }
    CHECK(sink.str() == "Inês \\x1b[31m\\x1b\\xe2\\x80");
}

TEST_CASE("on a terminal, a hostile scenario's title, name, lines, options, rationales and errors are shown escaped") {
    const std::string fixture = "tests/cli/fixtures/hostile_text.lua";
    const auto actions = test::scratch_dir() / "hostile.actions";
    std::ofstream(actions) << "other\n";
    const std::string out = on_a_terminal({"play", fixture, "--actions", actions.string()});
    INFO(out);
    CHECK(out.find('\x1b') == std::string::npos);
    CHECK(out.find('\x07') == std::string::npos);
    CHECK(test::contains(out, "Evil\\x1b]0;pwned\\x07 title"));
    CHECK(test::contains(out, "Sam\\x1b[2J"));
    CHECK(test::contains(out, "\\x1b]52;c;ZWNobyBwd25lZA==\\x07"));
    CHECK(test::contains(out, "\\u202e reversed \\u0085 next"));
    CHECK(test::contains(out, "Other\\x0d\\x1b[K"));
    CHECK(test::contains(out, "\\x1b[2Jboom"));  // the scenario's error, on stderr
    // The same run into a file keeps the bytes (JSON and reports escape by their own formats).
    const auto plain = test::holdspace({"play", fixture, "--actions", actions.string()});
    CHECK(plain.out.find('\x1b') != std::string::npos);
}
