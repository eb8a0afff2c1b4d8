// `holdspace test`: runs test plans. A plan (docs/authoring.md, "Test plans")
// names a scenario, a seed and a rubric, then lists actions (`do ...`) and
// expectations (`expect ...`), each checked where it stands: lines and events
// since the previous action, the open choice, the participant's state, and at
// the end the session's end, score, domain scores and critical errors.
#include "cli/commands.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "cli/testplan.hpp"
#include "script/lua_scenario.hpp"
#include "records/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace holdspace::cli {
namespace {

// Words and "quoted strings" (\" and \\ escape); '#' outside quotes starts a comment.
std::vector<std::string> words(const std::string& text, int line) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '#') {
            break;
        } else if (c == '"') {
            std::string w;
            ++i;
            bool closed = false;
            while (i < text.size()) {
                if (text[i] == '\\' && i + 1 < text.size()) {
                    w += text[i + 1];
                    i += 2;
                } else if (text[i] == '"') {
                    closed = true;
                    ++i;
                    break;
                } else {
                    w += text[i++];
                }
            }
            if (!closed) throw PlanError(line, "unclosed quote");
            out.push_back(w);
        } else {
            std::size_t j = i;
            while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
            out.push_back(text.substr(i, j - i));
            i = j;
        }
    }
    return out;
}

bool is_op(const std::string& s) {
    return s == ">=" || s == ">" || s == "<=" || s == "<" || s == "==" || s == "!=";
}

double number_arg(const std::string& s, int line) {
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (used == s.size() && std::isfinite(v)) return v;
    } catch (const std::exception&) {
    }
    throw PlanError(line, "'" + s + "' is not a number");
}

bool compare(double a, const std::string& op, double b) {
    if (op == ">=") return a >= b;
    if (op == ">") return a > b;
    if (op == "<=") return a <= b;
    if (op == "<") return a < b;
    if (op == "==") return std::fabs(a - b) < 1e-9;
    return std::fabs(a - b) >= 1e-9;
}

const std::vector<std::string> state_fields = {"distress", "arousal", "trust", "inward_focus", "dissociation"};

// Checks an expectation's shape when the plan is read, so a typo in a plan is an
// error in the plan, not a failing test.
void validate_expect(Directive& d) {
    auto& a = d.args;
    if (!a.empty() && a[0] == "no") {
        d.negated = true;
        a.erase(a.begin());
    }
    if (a.empty()) throw PlanError(d.line, "'expect' needs something to expect (see docs/authoring.md, \"Test plans\")");
    const std::string what = a[0];
    auto need = [&](std::size_t n, const std::string& shape) {
        if (a.size() != n) throw PlanError(d.line, "expected: expect " + shape);
    };
    auto no_negation = [&] {
        if (d.negated) throw PlanError(d.line, "'expect no " + what + "' is not a thing a plan can expect");
    };
    if (what == "say" || what == "narrate" || what == "line") {
        need(2, what + " \"TEXT\"");
    } else if (what == "event") {
        if (a.size() < 2 || a.size() > 3) throw PlanError(d.line, "expected: expect event TYPE [VALUE]");
    } else if (what == "moment") {
        no_negation();
        need(2, "moment NAME");
    } else if (what == "option") {
        need(2, "option ID");
    } else if (what == "state") {
        no_negation();
        need(4, "state FIELD OP NUMBER");
        if (std::find(state_fields.begin(), state_fields.end(), a[1]) == state_fields.end())
            throw PlanError(d.line, "'" + a[1] + "' is not a state field (distress, arousal, trust, inward_focus, dissociation)");
        if (!is_op(a[2])) throw PlanError(d.line, "'" + a[2] + "' is not a comparison (>=, >, <=, <, ==, !=)");
        number_arg(a[3], d.line);
    } else if (what == "end") {
        no_negation();
        if (a.size() > 2) throw PlanError(d.line, "expected: expect end [script|trainee|error]");
        if (a.size() == 2 && a[1] != "script" && a[1] != "trainee" && a[1] != "error")
            throw PlanError(d.line, "an end is 'script', 'trainee' or 'error'");
    } else if (what == "score") {
        no_negation();
        need(3, "score OP NUMBER");
        if (!is_op(a[1])) throw PlanError(d.line, "'" + a[1] + "' is not a comparison (>=, >, <=, <, ==, !=)");
        number_arg(a[2], d.line);
    } else if (what == "domain") {
        no_negation();
        need(4, "domain NAME OP NUMBER");
        if (!is_op(a[2])) throw PlanError(d.line, "'" + a[2] + "' is not a comparison (>=, >, <=, <, ==, !=)");
        number_arg(a[3], d.line);
    } else if (what == "critical") {
        if (a.size() > 2) throw PlanError(d.line, "expected: expect [no] critical [\"TEXT\"]");
        if (!d.negated && a.size() != 2) throw PlanError(d.line, "expected: expect critical \"TEXT\" (or expect no critical)");
    } else if (what == "pass" || what == "fail") {
        no_negation();
        need(1, what);
    } else {
        throw PlanError(d.line, "cannot expect '" + what +
                                    "' (say, narrate, line, event, moment, option, state, end, score, domain, critical, "
                                    "pass, fail)");
    }
}

}  // namespace

Plan parse_plan(std::istream& in, const std::string& path) {
    Plan plan;
    plan.path = path;
    std::string text;
    int line = 0;
    bool seen_seed = false;
    while (std::getline(in, text)) {
        ++line;
        if (!text.empty() && text.back() == '\r') text.pop_back();
        auto w = words(text, line);
        if (w.empty()) continue;
        Directive d;
        d.line = line;
        d.verb = w[0];
        d.args.assign(w.begin() + 1, w.end());
        const bool before_steps = plan.steps.empty();
        if (d.verb == "scenario") {
            if (d.args.size() != 1) throw PlanError(line, "expected: scenario PATH");
            if (!plan.scenario.empty()) throw PlanError(line, "a plan names one scenario");
            plan.scenario = d.args[0];
            plan.scenario_line = line;
        } else if (d.verb == "seed") {
            if (d.args.size() != 1) throw PlanError(line, "expected: seed N");
            if (!before_steps || seen_seed) throw PlanError(line, "'seed' comes once, before the first 'do' or 'expect'");
            const double s = number_arg(d.args[0], line);
            if (s < 0 || s != std::floor(s) || s > 9e15) throw PlanError(line, "a seed is a whole number, 0 or more");
            plan.seed = static_cast<std::uint64_t>(s);
            seen_seed = true;
        } else if (d.verb == "rubric") {
            if (d.args.size() != 1) throw PlanError(line, "expected: rubric NAME");
            if (!before_steps || !plan.rubric.empty()) throw PlanError(line, "'rubric' comes once, before the first 'do' or 'expect'");
            plan.rubric = d.args[0];
            plan.rubric_line = line;
        } else if (d.verb == "do") {
            // The rest of the line, as an actions file has it (minus a trailing comment).
            auto rest = text.substr(text.find("do") + 2);
            if (const auto hash = rest.find('#'); hash != std::string::npos) rest.erase(hash);
            std::string error;
            d.action = parse_action(rest, error);
            if (!d.action) throw PlanError(line, error.empty() ? "expected: do ACTION (an option id or number, an action, or wait N)" : error);
            d.rest = d.action->to_string();
            if (plan.scenario.empty()) throw PlanError(line, "name the scenario (scenario PATH) before the first 'do'");
            plan.steps.push_back(std::move(d));
        } else if (d.verb == "expect") {
            validate_expect(d);
            if (plan.scenario.empty()) throw PlanError(line, "name the scenario (scenario PATH) before the first 'expect'");
            plan.steps.push_back(std::move(d));
        } else {
            throw PlanError(line, "unknown directive '" + d.verb + "' (scenario, seed, rubric, do, expect)");
        }
    }
    if (plan.scenario.empty()) throw PlanError(std::max(1, line), "the plan names no scenario (scenario PATH)");
    return plan;
}

Plan read_plan(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read the plan");
    return parse_plan(in, path);
}

namespace {

// Relative scenario paths: from the current folder, else from the plan's folder.
std::string resolve(const std::string& path, const std::string& plan_path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::path(path).is_absolute() || fs::exists(path, ec)) return path;
    const auto beside = fs::path(plan_path).parent_path() / path;
    if (fs::exists(beside, ec)) return beside.string();
    return path;
}

std::string quote(const std::string& text, std::size_t most = 70) {
    std::string t = text;
    if (t.size() > most) {
        std::size_t cut = most - 3;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;
        t = t.substr(0, cut) + "...";
    }
    return "\"" + t + "\"";
}

std::string number(double v) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << v;
    return s.str();
}

struct Failure {
    int line;
    std::string message;
};

struct PlanResult {
    std::string path;
    int actions = 0, expectations = 0;
    std::vector<Failure> failures;
    std::string error;  // the plan itself is broken (exit 2)
    int error_line = 0;
};

bool field_matches(const Json& data, const std::string& value) {
    for (const auto& [key, v] : data.items()) {
        if (v.is_string() && v.get<std::string>() == value) return true;
        if (v.is_number() && v.dump() == value) return true;
        if (v.is_boolean() && (v.get<bool>() ? "true" : "false") == value) return true;
    }
    return false;
}

PlanResult run_plan(const std::string& path) {
    PlanResult result;
    result.path = path;
    Plan plan;
    try {
        plan = read_plan(path);
    } catch (const PlanError& e) {
        result.error = e.what();
        result.error_line = e.line;
        return result;
    } catch (const std::exception& e) {
        result.error = e.what();
        return result;
    }
    for (const auto& d : plan.steps) (d.verb == "do" ? result.actions : result.expectations) += 1;
    auto fail = [&](int line, std::string message) { result.failures.push_back({line, std::move(message)}); };

    const std::string scenario = resolve(plan.scenario, path);
    std::unique_ptr<Session> session;
    std::string scenario_rubric;
    try {
        const std::string source = script::read_text_file(scenario);
        session = app::open_session(source, scenario, plan.seed);
        scenario_rubric = session->info().rubric;
    } catch (const ScriptError& e) {
        fail(plan.scenario_line, std::string("the scenario does not load: ") + e.what());
        return result;
    } catch (const std::exception& e) {
        result.error = e.what();
        result.error_line = plan.scenario_line;
        return result;
    }
    std::optional<scoring::Rubric> rubric;
    std::string rubric_note;
    try {
        std::vector<std::string> requested;
        if (!plan.rubric.empty()) requested.push_back(plan.rubric);
        auto loaded = app::load_rubrics(requested, scenario_rubric, scenario, rubric_note);
        if (!loaded.empty()) rubric = std::move(loaded.front());
    } catch (const ScriptError& e) {
        fail(plan.rubric_line ? plan.rubric_line : plan.scenario_line, std::string("the rubric does not load: ") + e.what());
        return result;
    } catch (const std::exception& e) {
        result.error = e.what();
        result.error_line = plan.rubric_line;
        return result;
    }

    session->start();
    std::size_t mark = 0;
    std::string since = "the start";
    std::optional<scoring::Score> score;
    auto scored = [&](int line) -> const scoring::Score* {
        if (!session->over()) {
            fail(line, "the session has not ended, so it has no score yet (add the actions that end it, or 'do end')");
            return nullptr;
        }
        if (session->failure()) {
            fail(line, "the session ended with a scenario error, so it has no score");
            return nullptr;
        }
        if (!rubric) {
            fail(line, rubric_note);
            return nullptr;
        }
        if (!score) score = scoring::score_transcript(*rubric, transcript_json(session->events()));
        return &*score;
    };

    for (const auto& d : plan.steps) {
        const auto& events = session->events();
        if (d.verb == "do") {
            if (session->over()) {
                fail(d.line, "the session is over; '" + d.rest + "' and everything after it cannot run");
                return result;
            }
            mark = events.size();
            std::string error;
            if (!session->apply(*d.action, error)) {
                fail(d.line, "cannot do '" + d.rest + "': " + error);
                return result;
            }
            since = "line " + std::to_string(d.line) + " (do " + d.rest + ")";
            if (const auto& failure = session->failure()) {
                fail(d.line, std::string("the scenario failed: ") + failure->what());
                return result;
            }
            continue;
        }
        const auto& a = d.args;
        const std::string& what = a[0];
        if (what == "say" || what == "narrate" || what == "line") {
            std::vector<std::string> seen;
            bool found = false;
            for (std::size_t i = mark; i < events.size(); ++i) {
                const auto& e = events[i];
                if (!((what == "line" && (e.type == "say" || e.type == "narrate")) || e.type == what)) continue;
                const std::string text = e.data.value("text", std::string());
                seen.push_back(text);
                if (text.find(a[1]) != std::string::npos) found = true;
            }
            const std::string kind = what == "line" ? "say or narrate line" : what + " line";
            if (found == d.negated) {
                std::string msg = d.negated ? "expected no " + kind + " containing " + quote(a[1]) + " since " + since
                                            : "expected a " + kind + " containing " + quote(a[1]) + " since " + since;
                if (seen.empty()) {
                    msg += "; there was none";
                } else {
                    msg += "; saw ";
                    for (std::size_t i = 0; i < seen.size() && i < 3; ++i) msg += (i ? ", " : "") + quote(seen[i], 60);
                    if (seen.size() > 3) msg += " and " + std::to_string(seen.size() - 3) + " more";
                }
                fail(d.line, msg);
            }
        } else if (what == "event") {
            bool found = false;
            std::vector<std::string> types;
            for (std::size_t i = mark; i < events.size(); ++i) {
                const auto& e = events[i];
                if (std::find(types.begin(), types.end(), e.type) == types.end()) types.push_back(e.type);
                if (e.type == a[1] && (a.size() < 3 || field_matches(e.data, a[2]))) found = true;
            }
            if (found == d.negated) {
                std::string want = a[1] + (a.size() > 2 ? " " + a[2] : "");
                std::string msg = (d.negated ? "expected no " : "expected an ") + want + " event since " + since + "; saw ";
                if (types.empty()) msg += "no events";
                for (std::size_t i = 0; i < types.size(); ++i) msg += (i ? ", " : "") + types[i];
                fail(d.line, msg);
            }
        } else if (what == "moment" || what == "option") {
            const Choice* choice = session->choice();
            if (!choice) {
                fail(d.line, "expected an open choice, but the session " + std::string(session->over() ? "is over" : "is not waiting"));
            } else if (what == "moment" && choice->moment != a[1]) {
                fail(d.line, "expected moment '" + a[1] + "', the open choice is " +
                                 (choice->moment.empty() ? std::string("unnamed") : "'" + choice->moment + "'"));
            } else if (what == "option") {
                const bool offered = choice->find(a[1]) != nullptr;
                if (offered == d.negated) {
                    std::string ids;
                    for (const auto& o : choice->options) ids += (ids.empty() ? "" : " ") + o.id;
                    fail(d.line, std::string(d.negated ? "expected option '" + a[1] + "' not to be offered"
                                                       : "expected option '" + a[1] + "' to be offered") +
                                     "; the choice offers: " + ids);
                }
            }
        } else if (what == "state") {
            const double value = *Session::state_value(session->state(), a[1]);
            if (!compare(value, a[2], number_arg(a[3], d.line)))
                fail(d.line, "expected " + a[1] + " " + a[2] + " " + a[3] + ", it is " + number(value));
        } else if (what == "end") {
            if (!session->over()) {
                fail(d.line, "expected the session to have ended" + (a.size() > 1 ? " (" + a[1] + ")" : std::string()) +
                                 ", but it is waiting for a response");
            } else if (a.size() > 1) {
                std::string reason;
                for (auto it = events.rbegin(); it != events.rend(); ++it)
                    if (it->type == "end") {
                        reason = it->data.value("reason", std::string());
                        break;
                    }
                if (reason != a[1]) {
                    std::string msg = "expected the session to end by " + a[1] + ", it ended by " + reason;
                    if (session->failure()) msg += std::string(": ") + session->failure()->what();
                    fail(d.line, msg);
                }
            }
        } else if (what == "score") {
            if (const auto* s = scored(d.line))
                if (!compare(s->overall, a[1], number_arg(a[2], d.line)))
                    fail(d.line, "expected score " + a[1] + " " + a[2] + ", got " + number(s->overall));
        } else if (what == "domain") {
            if (const auto* s = scored(d.line)) {
                const auto it = std::find_if(s->domains.begin(), s->domains.end(),
                                             [&](const auto& p) { return p.first == a[1]; });
                if (it == s->domains.end()) {
                    std::string names;
                    for (const auto& p : s->domains) names += (names.empty() ? "" : ", ") + p.first;
                    fail(d.line, "rubric '" + s->rubric_id + "' has no domain '" + a[1] + "' (" + names + ")");
                } else if (!it->second) {
                    fail(d.line, "domain '" + a[1] + "' was not exercised in this session, so it has no score");
                } else if (!compare(*it->second, a[2], number_arg(a[3], d.line))) {
                    fail(d.line, "expected domain " + a[1] + " " + a[2] + " " + a[3] + ", got " + number(*it->second));
                }
            }
        } else if (what == "critical") {
            if (const auto* s = scored(d.line)) {
                bool found = false;
                std::string all;
                for (const auto& c : s->critical) {
                    all += (all.empty() ? "" : "; ") + c.message;
                    if (a.size() < 2 || c.message.find(a[1]) != std::string::npos) found = true;
                }
                if (found == d.negated) {
                    if (d.negated)
                        fail(d.line, std::string("expected no critical error") + (a.size() > 1 ? " containing " + quote(a[1]) : "") +
                                         "; got: " + all);
                    else
                        fail(d.line, "expected a critical error containing " + quote(a[1]) + "; got " +
                                         (all.empty() ? std::string("none") : all));
                }
            }
        } else if (what == "pass" || what == "fail") {
            if (const auto* s = scored(d.line)) {
                const bool want = what == "pass";
                if (s->pass != want)
                    fail(d.line, "expected the session to " + what + "; it " + (s->pass ? "passed" : "failed") + " (score " +
                                     number(s->overall) + ", pass mark " + number(s->pass_mark) +
                                     (s->critical.empty() ? "" : ", with a critical error") + ")");
            }
        }
    }
    return result;
}

}  // namespace

int test_plans(const TestOptions& options) {
    std::string error;
    const auto files = app::files_under(options.plans, ".plan", error);
    if (!error.empty()) {
        std::cerr << "holdspace test: " << error << "\n";
        return exit_usage;
    }
    if (files.empty()) {
        std::cerr << "holdspace test: no test plans (.plan) found\n";
        return exit_usage;
    }
    std::vector<PlanResult> results;
    for (const auto& f : files) results.push_back(run_plan(f));
    int passed = 0, failed = 0, broken = 0;
    for (const auto& r : results) {
        if (!r.error.empty()) ++broken;
        else if (r.failures.empty()) ++passed;
        else ++failed;
    }
    if (options.json) {
        Json out = {{"ok", failed == 0 && broken == 0}, {"passed", passed}, {"failed", failed}, {"broken", broken}};
        Json plans = Json::array();
        for (const auto& r : results) {
            Json failures = Json::array();
            for (const auto& f : r.failures)
                failures.push_back({{"line", f.line}, {"message", r.path + ":" + std::to_string(f.line) + ": FAIL: " + f.message}});
            Json j = {{"path", r.path}, {"ok", r.error.empty() && r.failures.empty()}, {"actions", r.actions},
                      {"expectations", r.expectations}, {"failures", failures}};
            if (!r.error.empty()) j["error"] = r.error_line > 0 ? r.path + ":" + std::to_string(r.error_line) + ": " + r.error : r.error;
            plans.push_back(j);
        }
        out["plans"] = plans;
        std::cout << records::json_text(out, 2) << "\n";
    } else {
        for (const auto& r : results) {
            if (!r.error.empty()) {
                if (r.error_line > 0)
                    std::cout << r.path << ":" << r.error_line << ": error: " << r.error << "\n";
                else
                    std::cout << r.path << ": error: " << r.error << "\n";
                continue;
            }
            for (const auto& f : r.failures) std::cout << r.path << ":" << f.line << ": FAIL: " << f.message << "\n";
            if (r.failures.empty())
                std::cout << r.path << ": PASS (" << r.actions << " action" << (r.actions == 1 ? "" : "s") << ", "
                          << r.expectations << " expectation" << (r.expectations == 1 ? "" : "s") << ")\n";
            else
                std::cout << r.path << ": FAIL (" << r.failures.size() << " failed, " << r.actions << " action"
                          << (r.actions == 1 ? "" : "s") << ", " << r.expectations << " expectation"
                          << (r.expectations == 1 ? "" : "s") << ")\n";
        }
        if (results.size() > 1) {
            std::cout << results.size() << " plans: " << passed << " passed";
            if (failed) std::cout << ", " << failed << " failed";
            if (broken) std::cout << ", " << broken << " broken";
            std::cout << "\n";
        }
    }
    if (broken) return exit_usage;
    return failed ? exit_failed : exit_ok;
}

}  // namespace holdspace::cli
