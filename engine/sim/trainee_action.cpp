#include "sim/trainee_action.hpp"

#include <charconv>
#include <cmath>

namespace holdspace {
namespace {

std::string_view trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

bool is_id(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// The shortest text that reads back as exactly `m`: records keep actions as
// text, so a wait must replay to the same whole second it took.
std::string format_minutes(double m) {
    char text[32];
    const auto [end, ec] = std::to_chars(text, text + sizeof text, m);
    return ec == std::errc() ? std::string(text, end) : std::string("0");
}

}  // namespace

TraineeAction TraineeAction::say_as(std::string code, std::string typed) {
    TraineeAction a = say(std::move(typed));
    a.heard.primary = std::move(code);
    a.heard.corrected = true;
    return a;
}

std::string TraineeAction::to_string() const {
    switch (kind) {
    case Kind::option: return option;
    case Kind::action: return std::string(action_info(action).name);
    case Kind::wait: return "wait " + format_minutes(minutes);
    case Kind::say: return heard.corrected ? "say as " + heard.primary + ": " + text : "say " + text;
    }
    return {};
}

std::optional<TraineeAction> parse_action(std::string_view line, std::string& error) {
    error.clear();
    const std::string_view text = trim(line);
    if (text.empty() || text.front() == '#') return std::nullopt;

    if (text.starts_with("wait")) {
        const std::string_view rest = trim(text.substr(4));
        double minutes = 0;
        const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), minutes);
        if (rest.empty() || ec != std::errc() || end != rest.data() + rest.size() ||
            !std::isfinite(minutes) || minutes <= 0 || minutes > max_wait_minutes) {
            error = "'wait' takes a number of minutes from 0 to " +
                    format_minutes(max_wait_minutes) + ", e.g. 'wait 10'";
            return std::nullopt;
        }
        return TraineeAction::wait_for(minutes);
    }
    if (text == "say" || text.starts_with("say ")) {
        std::string_view typed = trim(text.substr(3));
        std::string code;
        if (typed.starts_with("as ")) {  // say as CODE: TEXT
            const auto colon = typed.find(':');
            const std::string_view named = colon == std::string_view::npos ? std::string_view{} : trim(typed.substr(3, colon - 3));
            if (named.empty() || !is_id(named)) {
                error = "'say as' takes a behaviour code, a colon and the text, e.g. 'say as complex_reflection: You sound torn.'";
                return std::nullopt;
            }
            code = std::string(named);
            typed = trim(typed.substr(colon + 1));
        }
        if (typed.empty()) {
            error = "'say' takes the words you say, e.g. 'say Take your time.'";
            return std::nullopt;
        }
        if (typed.size() > max_typed_bytes) {
            error = "a typed response is at most " + std::to_string(max_typed_bytes) + " bytes";
            return std::nullopt;
        }
        return code.empty() ? TraineeAction::say(std::string(typed)) : TraineeAction::say_as(code, std::string(typed));
    }
    if (auto a = action_by_name(text)) return TraineeAction::act(*a);
    if (is_id(text)) return TraineeAction::choose(std::string(text));
    error = "'" + std::string(text) +
            "' is not an option id or number, an action name, or 'wait N'";
    return std::nullopt;
}

}  // namespace holdspace
