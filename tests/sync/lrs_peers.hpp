#pragma once
// The real peers of `holdspace sync` for its end-to-end tests: a learning record store
// (tools/lrs/serve.js), a misbehaving proxy in front of it (tools/lrs/flaky_proxy.js) and the xAPI
// validator (tools/lrs/validate.js), all Node programs installed by tools/setup. Every process started
// here is ended when its handle goes, also when a check fails, and when the test process dies.
#include "../cli/process.hpp"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace peers {

namespace fs = std::filesystem;

inline fs::path lrs_tools() { return fs::path(HOLDSPACE_SOURCE_DIR) / "tools" / "lrs"; }

// A child process with its output in files; killed (and reaped) when the handle goes.
class Process {
public:
    Process(const std::vector<std::string>& argv, const std::string& name) {
        static int counter = 0;
        const auto base = test::scratch_dir() / (name + "-" + std::to_string(counter++));
        out_path_ = base.string() + ".out";
        err_path_ = base.string() + ".err";
        pid_ = ::fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlives the test, whatever happens to it
            const int in = ::open("/dev/null", O_RDONLY);
            const int out = ::open(out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = ::open(err_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            ::dup2(in, 0);
            ::dup2(out, 1);
            ::dup2(err, 2);
            if (::chdir(HOLDSPACE_SOURCE_DIR) != 0) ::_exit(126);
            std::vector<char*> args;
            for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
            args.push_back(nullptr);
            ::execvp(args[0], args.data());
            ::_exit(127);
        }
    }
    ~Process() { stop(); }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;

    bool running() {
        if (exit_code_ >= 0) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return false;
        }
        return true;
    }
    // Waits for the process to end by itself (killing it after `limit`); returns its exit code.
    int wait(std::chrono::seconds limit = std::chrono::seconds(120)) {
        const auto deadline = std::chrono::steady_clock::now() + limit;
        while (running()) {
            if (std::chrono::steady_clock::now() > deadline) {
                stop();
                return -1;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return exit_code_;
    }
    void stop() {
        if (!running()) return;
        ::kill(pid_, SIGTERM);
        for (int i = 0; i < 100 && running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        if (running()) {
            ::kill(pid_, SIGKILL);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            exit_code_ = 137;
        }
    }
    std::string out() const { return test::slurp(out_path_); }
    std::string err() const { return test::slurp(err_path_); }

private:
    pid_t pid_ = -1;
    int exit_code_ = -1;
    std::string out_path_, err_path_;
};

// A loopback port that was free a moment ago (nothing listens there).
inline int free_port() {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(s);
    return ntohs(addr.sin_port);
}

inline bool accepts_connections(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = ::connect(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(s);
    return ok;
}

// A Node program listening on `port`, ready when it accepts connections.
class Server {
public:
    Server(const std::vector<std::string>& argv, int port, const std::string& name) : port_(port), process_(argv, name) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);  // slow on a busy machine
        while (!accepts_connections(port_)) {
            if (!process_.running())
                throw std::runtime_error(name + " did not start: " + process_.err() + process_.out());
            if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error(name + " did not listen in 90 s");
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }
    int port() const { return port_; }
    std::string endpoint() const { return "http://127.0.0.1:" + std::to_string(port_) + "/xAPI"; }
    std::string out() const { return process_.out(); }  // what it printed so far

private:
    int port_;
    Process process_;
};

// Runs a short Node program to its end.
inline test::Result node(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"node"};
    argv.insert(argv.end(), args.begin(), args.end());
    Process p(argv, "node");
    test::Result r;
    r.exit_code = p.wait();
    r.out = p.out();
    r.err = p.err();
    return r;
}

// Whether node and the pinned packages are here. Without them the tests cannot run: in CI that is a
// failure (tools/setup installs them), elsewhere the tests say loudly that they were skipped.
inline bool available() {
    std::string missing;
    if (node({"--version"}).exit_code != 0) missing = "node is not installed";
    else if (!fs::exists(lrs_tools() / "node_modules" / "xapi-statements" / "dist" / "server.js") ||
             !fs::exists(lrs_tools() / "node_modules" / "@learninglocker" / "xapi-validation"))
        missing = "the LRS and validator packages are not installed in tools/lrs/node_modules";
    if (missing.empty()) return true;
    const char* ci = std::getenv("CI");
    if (ci && *ci) FAIL(missing << "; run tools/setup");
    MESSAGE("SKIPPED: " << missing << "; run tools/setup to test holdspace sync against a real LRS");
    return false;
}

// The learning record store all tests share (started once; ended when the test program ends).
inline Server& lrs() {
    static const int port = free_port();
    static Server server({"node", (lrs_tools() / "serve.js").string(), std::to_string(port)}, port, "lrs");
    return server;
}

// A hostile LRS (tools/lrs/hostile.js) in front of the shared one: every request reaches the real LRS,
// the answer is the one `options` (--modes ...) asks for.
inline std::unique_ptr<Server> hostile(const std::vector<std::string>& options) {
    const int port = free_port();
    std::vector<std::string> argv = {"node", (lrs_tools() / "hostile.js").string(), std::to_string(port), "--upstream",
                                     std::to_string(lrs().port())};
    argv.insert(argv.end(), options.begin(), options.end());
    return std::make_unique<Server>(argv, port, "hostile");
}

// A misbehaving proxy in front of the shared LRS; `options` as tools/lrs/flaky_proxy.js takes them.
inline std::unique_ptr<Server> flaky_proxy(const std::vector<std::string>& options) {
    const int port = free_port();
    std::vector<std::string> argv = {"node", (lrs_tools() / "flaky_proxy.js").string(), std::to_string(port),
                                     std::to_string(lrs().port())};
    argv.insert(argv.end(), options.begin(), options.end());
    return std::make_unique<Server>(argv, port, "proxy");
}

}  // namespace peers
