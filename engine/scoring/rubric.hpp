#pragma once
// A rubric: how a session is scored under one treatment model (docs/rubrics.md).
// Plain data; rubrics are written in Lua and arrive through engine/script/.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace holdspace::scoring {

// Adherence classes (Waltz et al.), with the points they earn.
enum class CodeClass { unique_essential, essential, compatible, proscribed };
int points(CodeClass c);
const char* class_name(CodeClass c);
std::optional<CodeClass> class_by_name(const std::string& name);

struct Domain {
    std::string id, title, description;
    double weight = 0;
};

struct CodeRule {
    CodeClass cls = CodeClass::compatible;
    std::vector<std::string> domains;
    std::string why;
};

// One condition of a context rule: `key op value` (docs/rubrics.md, "Context rules").
struct Condition {
    std::string key;    // phase, window, distress..., minutes, alert, indicated, after, with, moment, flag
    std::string op;     // "==" for words and booleans; == ~= < <= > >= for numbers
    std::string word;   // for phase, window, after, with (a code the same answer carries), moment, flag
    double number = 0;  // for comparisons
    bool flag = false;  // for alert and indicated
};

struct ContextRule {
    std::string code;
    std::vector<Condition> when;
    CodeClass cls = CodeClass::compatible;
    std::string why;
    int line = 0;  // in the rubric file, for messages
};

struct TimingRule {
    std::string after;                // "" (whole session), "alert", or a behaviour code
    std::vector<std::string> alerts;  // with after = "alert": which alerts (empty = all)
    std::optional<double> within;     // minutes
    std::vector<std::string> expect;  // any of these codes satisfies it
    std::string phase;                // "" = any
    std::string domain;
    double weight = 1;
    std::string why;
};

// What a moment requires of any answer (docs/rubrics.md, "Needs"): when the context holds at a
// choice (a flag such as physical_complaint, an alert in force...), the answer, or an action taken
// at that choice before it, must carry one of `expect`. Met, it earns `weight` in `domain`;
// missed, it earns nothing there and the answer is judged at best poor, with `why`.
struct NeedRule {
    std::vector<Condition> when;
    std::vector<std::string> expect;
    std::string domain;
    double weight = 1;
    std::string why;
};

struct CriticalRule {
    enum class Kind { code, ended_early, alert_ignored, flag } kind = Kind::code;
    std::string code;                 // for code
    std::string phase;                // for ended_early ("" = any)
    double minutes = 0;               // alert_ignored / flag: within
    std::vector<std::string> alerts;  // alert_ignored: which alerts (empty = all)
    std::string flag;                 // for flag
    std::vector<std::string> expect;  // for flag
    std::string message;
};

struct Rubric {
    std::string source;  // file it came from
    std::string id, title, description;
    double pass = 70;
    std::vector<Domain> domains;
    std::map<std::string, CodeRule> codes;
    std::vector<ContextRule> rules;
    std::vector<TimingRule> timing;
    std::vector<NeedRule> needs;
    std::vector<CriticalRule> critical;

    const Domain* domain(const std::string& id) const;
};

}  // namespace holdspace::scoring
