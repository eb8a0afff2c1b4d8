#pragma once
// Runs the real `holdspace` binary for end-to-end tests.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace test {

struct Result {
    int exit_code = -1;
    std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline std::filesystem::path scratch_dir() {
    static const auto dir = [] {
        auto d = std::filesystem::temp_directory_path() / ("holdspace-e2e-" + std::to_string(::getpid()));
        std::filesystem::remove_all(d);
        std::filesystem::create_directories(d);
        return d;
    }();
    return dir;
}

// Starts HOLDSPACE_BINARY with `args` in the source tree, without waiting: stdin from `in`, stdout
// to `out`, stderr to `err` (files, created or truncated, or a terminal's device: the same path for
// both puts the two on one terminal). wait_for() collects it; -1 when it could not start.
inline pid_t start(const std::vector<std::string>& args, const std::string& in, const std::string& out,
                   const std::string& err) {
    std::vector<std::string> argv_storage = {HOLDSPACE_BINARY};
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY, 0644);
    if (err == out) posix_spawn_file_actions_adddup2(&actions, 1, 2);
    else posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOCTTY, 0644);
    const auto previous = std::filesystem::current_path();
    std::filesystem::current_path(HOLDSPACE_SOURCE_DIR);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    std::filesystem::current_path(previous);
    posix_spawn_file_actions_destroy(&actions);
    return spawned == 0 ? pid : -1;
}

// The exit code of a process start() began (128 + the signal when a signal ended it).
inline int wait_for(pid_t pid) {
    int status = 0;
    if (pid <= 0 || waitpid(pid, &status, 0) != pid) return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// Runs HOLDSPACE_BINARY with `args` in the source tree, feeding `input` on stdin.
inline Result holdspace(const std::vector<std::string>& args, const std::string& input = "") {
    static int counter = 0;
    const auto base = scratch_dir() / ("run" + std::to_string(counter++));
    const auto in_path = base.string() + ".in", out_path = base.string() + ".out", err_path = base.string() + ".err";
    std::ofstream(in_path, std::ios::binary) << input;
    Result r;
    const pid_t pid = start(args, in_path, out_path, err_path);
    if (pid < 0) return r;
    r.exit_code = wait_for(pid);
    r.out = slurp(out_path);
    r.err = slurp(err_path);
    return r;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

inline std::size_t count_lines(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

}  // namespace test
