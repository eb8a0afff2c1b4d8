// The real window, end to end: `holdspace` under Xvfb, driven by xdotool's injected keys
// as a trainee would drive it - sign in, choose a scenario, respond, reach the debrief -
// then the session it recorded is in the record store the command line reads, and
// --screenshot draws real images.
// Skipped (with a message) where xvfb-run or xdotool is missing.
#include <doctest/doctest.h>

#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool on_path(const std::string& tool) {
    return std::system(("command -v " + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Mean and variance of the luminance of a PNG's pixels.
struct Picture {
    int width = 0, height = 0;
    double mean = 0, variance = 0;
    std::size_t colours = 0;  // distinct colours among a sample
};

Picture look_at(const std::string& png) {
    Picture p;
    int channels = 0;
    unsigned char* data = stbi_load(png.c_str(), &p.width, &p.height, &channels, 3);
    if (!data) return p;
    const std::size_t n = static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height);
    double sum = 0, sum2 = 0;
    std::vector<unsigned> seen;
    for (std::size_t i = 0; i < n; ++i) {
        const double y = 0.2126 * data[i * 3] + 0.7152 * data[i * 3 + 1] + 0.0722 * data[i * 3 + 2];
        sum += y;
        sum2 += y * y;
        if (i % 97 == 0 && seen.size() < 4096) {
            const unsigned c = (unsigned(data[i * 3]) << 16) | (unsigned(data[i * 3 + 1]) << 8) | data[i * 3 + 2];
            if (std::find(seen.begin(), seen.end(), c) == seen.end()) seen.push_back(c);
        }
    }
    stbi_image_free(data);
    p.mean = sum / static_cast<double>(n);
    p.variance = sum2 / static_cast<double>(n) - p.mean * p.mean;
    p.colours = seen.size();
    return p;
}

}  // namespace

TEST_CASE("the window under Xvfb: sign in, play to the debrief by keyboard; the store has the session") {
    if (!on_path("xvfb-run") || !on_path("xdotool") || !on_path("xauth")) {
        MESSAGE("skipped: xvfb-run, xauth or xdotool is not installed (tools/setup installs them)");
        return;
    }
    const fs::path dir = fs::temp_directory_path() / ("holdspace-window-e2e-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const fs::path data = dir / "data", scenarios = dir / "scenarios";
    fs::create_directories(scenarios / "preparation");
    fs::copy_file(fs::path(HOLDSPACE_SOURCE_DIR) / "tests/cli/fixtures/minimal.lua", scenarios / "preparation/minimal.lua");
    fs::create_directories(scenarios / "rubrics");
    fs::copy_file(fs::path(HOLDSPACE_SOURCE_DIR) / "scenarios/rubrics/patient_directed.lua",
                  scenarios / "rubrics/patient_directed.lua");

    // The driver waits for what the window does (the stored session appearing, growing, ending)
    // rather than for fixed times, and gives up after a bounded wait at each step.
    const fs::path driver = dir / "drive.sh";
    std::ofstream(driver) << R"(#!/bin/bash
set -u
export HOLDSPACE_DATA="$1" HOLDSPACE_SCENARIOS="$2" SDL_AUDIODRIVER=dummy
out="$4"
bin="$3"
"$3" > "$out/window.out" 2> "$out/window.err" &
pid=$!
log() { echo "$*" >> "$out/driver.log"; }
wait_for() {  # wait_for DESCRIPTION COMMAND...
  local what="$1"; shift
  for _ in $(seq 150); do "$@" && return 0; sleep 0.1; done
  log "timed out waiting for $what"; kill -TERM $pid; wait $pid; exit 1
}
wid=$(xdotool search --sync --onlyvisible --name '^Holdspace$' | head -1)
log "window $wid"
xdotool mousemove --window "$wid" 640 700 windowfocus --sync "$wid" 2>/dev/null || true
sleep 0.5
shown() { "$bin" sessions show 1 --data "$HOLDSPACE_DATA" --json 2>/dev/null; }
begun() { shown | grep -q '"status"'; }
watered() { shown | grep -q '"water"'; }
ended() { shown | grep -q '"status": "finished"'; }
xdotool type --delay 40 'e2e trainee'
xdotool key Return
wait_for "sign-in" test -s "$HOLDSPACE_DATA/trainee.json"
sleep 0.3
xdotool type --delay 40 '1'
xdotool key Return
wait_for "the session to begin" begun
log "session 1 recorded"
xdotool type --delay 40 'w'
wait_for "the water action" watered
xdotool type --delay 40 '1'
wait_for "the session to end" ended
sleep 0.5
kill -TERM $pid
wait $pid
code=$?
log "window exit $code"
exit $code
)";
    const std::string command = "timeout 60 xvfb-run -a -s '-screen 0 1280x800x24' bash " + quoted(driver.string()) + " " +
                                quoted(data.string()) + " " + quoted(scenarios.string()) + " " +
                                quoted(HOLDSPACE_BINARY) + " " + quoted(dir.string());
    const int code = run(command);
    INFO("driver log: " << slurp(dir / "driver.log"));
    INFO("window stderr: " << slurp(dir / "window.err"));
    CHECK(code == 0);

    // The trainee was signed in and kept; the session is in the record store under their name,
    // as `holdspace sessions` shows it.
    CHECK(nlohmann::json::parse(slurp(data / "trainee.json")).value("name", "") == "e2e trainee");
    const fs::path shown = dir / "shown.json";
    REQUIRE(run(quoted(HOLDSPACE_BINARY) + " sessions show 1 --json --data " + quoted(data.string()) + " > " +
                quoted(shown.string())) == 0);
    const auto session = nlohmann::json::parse(slurp(shown));
    CHECK(session["trainee"] == "e2e trainee");
    CHECK(session["status"] == "finished");
    CHECK(session["actions"] == nlohmann::json::array({"water", "invite"}));

    // `holdspace report` prints it.
    const fs::path report_out = dir / "report.html";
    CHECK(run(quoted(HOLDSPACE_BINARY) + " report 1 --data " + quoted(data.string()) + " -o " +
              quoted(report_out.string()) + " 2>/dev/null") == 0);
    CHECK(slurp(report_out).find("<!DOCTYPE html>") == 0);
    fs::remove_all(dir);
}

TEST_CASE("--screenshot renders the session and the debrief to PNG images with real content") {
    const fs::path dir = fs::temp_directory_path() / ("holdspace-screenshot-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string src = HOLDSPACE_SOURCE_DIR;
    const std::string scenario = src + "/scenarios/medicine/memory_surfaces.lua";
    const std::string actions = src + "/tests/golden/memory_surfaces.expert.actions";
    // Offscreen: no display server is needed (SDL's offscreen driver; Xvfb when it is not there).
    const std::string prefix = "cd " + quoted(src) + " && HOLDSPACE_DATA=" + quoted((dir / "data").string()) + " ";
    auto shoot = [&](const std::string& png, const std::string& args) {
        std::string cmd = prefix + "env -u DISPLAY " + quoted(HOLDSPACE_BINARY) + " --screenshot " + quoted(png) + " " + args +
                          " > " + quoted((dir / "shot.out").string()) + " 2>&1";
        int code = run(cmd);
        if (code == 1 && on_path("xvfb-run"))  // no offscreen rendering here (a Mesa without EGL): use Xvfb
            code = run(prefix + "xvfb-run -a -s '-screen 0 1280x800x24' " + quoted(HOLDSPACE_BINARY) + " --screenshot " +
                       quoted(png) + " " + args + " > " + quoted((dir / "shot.out").string()) + " 2>&1");
        return code;
    };
    const std::string debrief = (dir / "debrief.png").string();
    REQUIRE_MESSAGE(shoot(debrief, "--scenario " + quoted(scenario) + " --actions " + quoted(actions) + " --screen debrief") == 0,
                    slurp(dir / "shot.out"));
    Picture p = look_at(debrief);
    CHECK(p.width == 1280);
    CHECK(p.height == 800);
    CHECK(p.variance > 200);  // text, bars and plots, not a flat fill
    CHECK(p.colours > 20);

    const std::string session = (dir / "session.png").string();
    REQUIRE(shoot(session, "--scenario " + quoted(scenario) + " --seed 2 --screen session") == 0);
    p = look_at(session);
    CHECK(p.variance > 200);
    CHECK(p.colours > 20);

    // Nothing is recorded by a screenshot, and a bad request says why.
    CHECK(!fs::exists(dir / "data" / "sessions"));
    CHECK(run(quoted(HOLDSPACE_BINARY) + " sessions --json --data " + quoted((dir / "data").string()) + " > " +
              quoted((dir / "list.json").string())) == 0);
    CHECK(nlohmann::json::parse(slurp(dir / "list.json")).empty());

    // The review of a recorded session, and the cohort.
    REQUIRE(run(prefix + quoted(HOLDSPACE_BINARY) + " play " + quoted(scenario) + " --actions " + quoted(actions) +
                " --trainee ana --data " + quoted((dir / "data").string()) + " > /dev/null 2>&1") == 0);
    const std::string review = (dir / "review.png").string();
    REQUIRE_MESSAGE(shoot(review, "--screen review --session 1") == 0, slurp(dir / "shot.out"));
    p = look_at(review);
    CHECK(p.variance > 200);
    CHECK(p.colours > 20);
    const std::string cohort = (dir / "cohort.png").string();
    REQUIRE_MESSAGE(shoot(cohort, "--screen cohort") == 0, slurp(dir / "shot.out"));
    CHECK(look_at(cohort).variance > 100);
    CHECK(shoot((dir / "bad.png").string(), "--screen review --session 99") == 2);
    CHECK(slurp(dir / "shot.out").find("No session 99") != std::string::npos);
    CHECK(shoot((dir / "bad.png").string(), "--screen debrief") == 2);
    CHECK(slurp(dir / "shot.out").find("needs --scenario") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("holdspace becomes holdspace-window to open the window, and says so when it is not beside it") {
    // The window is a program of its own (engine/cli/main.cpp): the screenshots above went through it.
    const fs::path beside = fs::path(HOLDSPACE_BINARY).parent_path() / "holdspace-window";
    REQUIRE(fs::exists(beside));
    const fs::path dir = fs::temp_directory_path() / ("holdspace-alone-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    fs::copy_file(HOLDSPACE_BINARY, dir / "holdspace");
    const std::string alone = quoted((dir / "holdspace").string());
    const std::string env = "cd " + quoted(HOLDSPACE_SOURCE_DIR) + " && HOLDSPACE_DATA=" + quoted((dir / "data").string()) +
                            " HOLDSPACE_SCENARIOS=" + quoted(std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios") + " ";
    // A screenshot cannot be taken: an error naming the missing program, exit 2, no image.
    CHECK(run(env + alone + " --screenshot " + quoted((dir / "x.png").string()) + " > " + quoted((dir / "out").string()) +
              " 2>&1") == 2);
    CHECK(slurp(dir / "out").find("cannot start the window, " + (dir / "holdspace-window").string()) != std::string::npos);
    CHECK(!fs::exists(dir / "x.png"));
    // Opening the window without one plays the first scenario in the terminal, as with no display.
    CHECK(run(env + "echo q | " + alone + " > " + quoted((dir / "out").string()) + " 2>&1") == 0);
    const std::string played = slurp(dir / "out");
    CHECK(played.find("cannot start the window") != std::string::npos);
    CHECK(played.find("playing the first scenario in the terminal") != std::string::npos);
    CHECK(played.find("== What we will and won't do") != std::string::npos);
    // The commands that never open the window run as ever.
    CHECK(run(env + alone + " check " + quoted(std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios/medicine/dark_peak.lua") +
              " > /dev/null 2>&1") == 0);
    fs::remove_all(dir);
}
