#pragma once
// The process's exit codes, the same from every front end:
// 0 success, 1 the scenario failed / a check found problems / a replay diverged,
// 2 bad usage or input (wrong flag, missing or corrupt file), 3 no window could be opened.
namespace holdspace::app {

constexpr int exit_ok = 0;
constexpr int exit_failed = 1;
constexpr int exit_usage = 2;
constexpr int exit_no_display = 3;  // the terminal then plays the first scenario instead

}  // namespace holdspace::app
