#include "cli/input_checks.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace holdspace::cli {
namespace {

// The value as a whole decimal number within [lo, hi], or why not.
std::string whole_number_problem(const std::string& v, std::int64_t lo, std::int64_t hi) {
    const std::string range = "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos) return "must be " + range;
    errno = 0;
    const long long n = std::strtoll(v.c_str(), nullptr, 10);
    if (errno == ERANGE || n < lo || n > hi) return "must be " + range;
    return {};
}

}  // namespace

CLI::Validator text_check(const std::string& what, records::TextRule rule) {
    return CLI::Validator(
        [what, rule](std::string& v) -> std::string {
            const auto problem = records::text_problem(what, v, rule);
            return problem ? *problem : std::string();
        },
        "TEXT");
}

CLI::Validator seed_check() {
    return CLI::Validator(
        [](std::string& v) { return whole_number_problem(v, 0, std::numeric_limits<std::int64_t>::max()); }, "SEED");
}

CLI::Validator id_check() {
    return CLI::Validator(
        [](std::string& v) { return whole_number_problem(v, 1, std::numeric_limits<std::int64_t>::max()); }, "ID");
}

CLI::Validator score_check() {
    return CLI::Validator(
        [](std::string& v) -> std::string {
            char* end = nullptr;
            errno = 0;
            const double d = std::strtod(v.c_str(), &end);
            if (v.empty() || *end != '\0' || errno == ERANGE || !std::isfinite(d) || d < 0 || d > 100)
                return "must be a number from 0 to 100";
            return {};
        },
        "SCORE");
}

CLI::Validator xapi_base_check() {
    return CLI::Validator(
        [](std::string& v) -> std::string {
            const auto problem = records::xapi_base_problem(v);
            return problem ? *problem : std::string();
        },
        "IRI");
}

}  // namespace holdspace::cli
