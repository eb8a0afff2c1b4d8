#include "app/debrief_text.hpp"

#include "app/event_text.hpp"

#include <iomanip>
#include <sstream>

namespace holdspace::app {
namespace {

std::string number(double v, int decimals) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(decimals) << v;
    return out.str();
}

// The pass mark as it is written: 70, not 70.0.
std::string mark(double v) { return v == static_cast<double>(static_cast<long long>(v)) ? number(v, 0) : number(v, 1); }

}  // namespace

std::string counted(long long n, const std::string& singular, const std::string& plural) {
    return std::to_string(n) + " " + (n == 1 ? singular : plural.empty() ? singular + "s" : plural);
}

std::string verdict_text(const scoring::Score& s) {
    const std::string overall = number(s.overall, 1);
    if (s.pass) return "PASS: " + overall + " reaches the pass mark of " + mark(s.pass_mark) + ", with no critical errors";
    const auto critical = static_cast<long long>(s.critical.size());
    if (critical > 0) {
        std::string text = "NOT PASSED: " + counted(critical, "critical error") + " (a pass needs " + mark(s.pass_mark) + " and none";
        if (s.overall < s.pass_mark) text += "; " + overall + " is under the pass mark";
        return text + ")";
    }
    return "NOT PASSED: " + overall + " is under the pass mark of " + mark(s.pass_mark);
}

std::string actions_text(const std::vector<std::string>& actions) {
    std::string out;
    for (const auto& a : actions) out += (out.empty() ? "" : ", ") + action_label(a);
    return out;
}

}  // namespace holdspace::app
