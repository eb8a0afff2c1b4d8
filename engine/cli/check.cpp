// `holdspace check`: a lint for scenarios and rubrics. For a scenario it checks
// the table against the contract, loads its rubric, explores the scenario
// (every answer sequence up to a bound, each non-verbal action at every choice
// point, and seeded random playthroughs) and reports, each as
// `file:line: severity: message`:
//   errors   - the scenario fails on some path (unknown behaviour code, option
//              without codes, empty line, sandbox limit...), a session that
//              cannot end (a dead end), an option declared in the file that no
//              exploration ever offered (when exploration was complete), a
//              scored moment without an expert option, a missing rubric;
//   with --validity, also errors for a test-wise strategy that passes, an
//              expert path that fails or is judged below expert (validity.hpp);
//   warnings - a choice without `moment =` (scored, never explained), the
//              expert option's length is a cue (validity.hpp), an expert
//              option without a rationale, an option the rubric does
//              not score, a rubric domain no option exercises, a comparison with
//              an option id no choice declares, a line over 300 characters, an
//              option only unreached because exploration stopped at its bound,
//              an option's example that, typed at its choice, is not heard as
//              that option (typed_probes.hpp).
#include "cli/commands.hpp"
#include "cli/drill.hpp"
#include "cli/explore.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "cli/typed_probes.hpp"
#include "cli/validity.hpp"
#include "records/text.hpp"
#include "script/lua_scenario.hpp"
#include "script/rubric_loader.hpp"
#include "script/source_lines.hpp"
#include "sim/vocabulary.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <set>

namespace holdspace::cli {
namespace {

constexpr int max_responses = 2000;      // a random session that has not ended by then never will
constexpr std::size_t long_line = 300;   // characters; longer lines are hard to read in the window

struct Finding {
    std::string file;
    int line = 0;
    std::string severity;  // error or warning
    std::string text;
    std::uint64_t seed = 0;
    bool reproducible = false;
    std::vector<std::string> actions;
    std::vector<std::string> traceback;

    std::string located() const { return file + ":" + std::to_string(line) + ": " + text; }
};

struct FileReport {
    std::string path;
    bool rubric = false;
    int runs = 0;
    long paths = 0;
    long responses = 0;
    bool complete = true;
    std::size_t points = 0, options = 0;
    std::size_t drills = 0;  // a drill catalogue: its drills (when the file loads)
    bool catalogue = false;
    bool module = false;  // a pack module (lib/), shared through require
    Seconds longest = 0;
    LengthCues cues;
    std::optional<Validity> validity;
    std::vector<Finding> findings;
    std::size_t errors() const {
        return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(),
                                                      [](const Finding& f) { return f.severity == "error"; }));
    }
};

bool in_rubrics_folder(const std::filesystem::path& path) {
    return path.parent_path().filename() == "rubrics";
}

// lib/ holds a pack's modules, which scenarios share through require (docs/scenario-api.md).
bool in_lib_folder(const std::filesystem::path& path) {
    return path.parent_path().filename() == "lib";
}

// drills/catalogue.lua is the drill catalogue (docs/drills.md); other files there are scenarios.
bool is_drill_catalogue(const std::filesystem::path& path) {
    return path.parent_path().filename() == "drills" && path.filename() == "catalogue.lua";
}

// Splits "file:12: message" into its parts; false when it has no line.
bool split_location(const std::string& located, std::string& file, int& line, std::string& text) {
    for (std::size_t colon = located.find(':'); colon != std::string::npos; colon = located.find(':', colon + 1)) {
        std::size_t end = colon + 1;
        while (end < located.size() && std::isdigit(static_cast<unsigned char>(located[end]))) ++end;
        if (end > colon + 1 && end + 1 < located.size() && located[end] == ':' && located[end + 1] == ' ') {
            file = located.substr(0, colon);
            line = std::stoi(located.substr(colon + 1, end - colon - 1));
            text = located.substr(end + 2);
            return true;
        }
    }
    return false;
}

// A finding from a scenario's failure message (which names file:line itself).
Finding from_failure(const std::string& path, const std::string& source, const std::string& message) {
    Finding f;
    f.severity = "error";
    if (!split_location(message, f.file, f.line, f.text)) {
        f.file = path;
        f.line = script::line_of_field(source, "run");
        const auto prefix = path + ": ";
        f.text = message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
    }
    return f;
}

// ---- a small Lua lexer: enough to find option ids and comparisons with them ----

struct Token {
    enum Kind { name, string, symbol } kind;
    std::string text;
    int line;
};

std::vector<Token> lex(const std::string& s) {
    std::vector<Token> tokens;
    int line = 1;
    std::size_t i = 0;
    auto long_bracket = [&](std::size_t at, std::size_t& level) {  // [==[ at `at`: true and level
        if (at >= s.size() || s[at] != '[') return false;
        std::size_t j = at + 1;
        while (j < s.size() && s[j] == '=') ++j;
        if (j < s.size() && s[j] == '[') {
            level = j - at - 1;
            return true;
        }
        return false;
    };
    auto skip_long = [&](std::size_t level, std::string* into) {  // i just after the opening bracket
        const std::string close = "]" + std::string(level, '=') + "]";
        const auto end = s.find(close, i);
        const auto stop = end == std::string::npos ? s.size() : end;
        if (into) *into = s.substr(i, stop - i);
        line += static_cast<int>(std::count(s.begin() + static_cast<std::ptrdiff_t>(i),
                                            s.begin() + static_cast<std::ptrdiff_t>(stop), '\n'));
        i = end == std::string::npos ? s.size() : end + close.size();
    };
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '-' && i + 1 < s.size() && s[i + 1] == '-') {
            std::size_t level = 0;
            if (long_bracket(i + 2, level)) {
                i += 2 + level + 2;
                skip_long(level, nullptr);
            } else {
                while (i < s.size() && s[i] != '\n') ++i;
            }
        } else if (c == '"' || c == '\'') {
            const int start = line;
            std::string text;
            ++i;
            while (i < s.size() && s[i] != c && s[i] != '\n') {
                if (s[i] == '\\' && i + 1 < s.size()) {
                    if (s[i + 1] == '\n') ++line;
                    text += s[i + 1];
                    i += 2;
                } else {
                    text += s[i++];
                }
            }
            ++i;
            tokens.push_back({Token::string, text, start});
        } else if (std::size_t level = 0; long_bracket(i, level)) {
            const int start = line;
            i += level + 2;
            std::string text;
            skip_long(level, &text);
            tokens.push_back({Token::string, text, start});
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
            tokens.push_back({Token::name, s.substr(i, j - i), line});
            i = j;
        } else {
            std::string sym(1, c);
            if (i + 1 < s.size() && (s.substr(i, 2) == "==" || s.substr(i, 2) == "~=" || s.substr(i, 2) == ".." ||
                                     s.substr(i, 2) == "<=" || s.substr(i, 2) == ">="))
                sym = s.substr(i, 2);
            tokens.push_back({Token::symbol, sym, line});
            i += sym.size();
        }
    }
    return tokens;
}

struct UnknownCode {
    std::string code, option;  // option: the id declared last before it ("" if none)
    int line = 0;
};

struct SourceScan {
    std::map<std::string, std::vector<int>> declared;    // option ids in table fields `id = "..."`
    std::vector<std::pair<std::string, int>> compared;   // ids in `x.id == "..."` and `s:did("...")`
    std::vector<UnknownCode> unknown_codes;              // strings in `codes = { ... }` that are no code
};

// Levenshtein distance, for "did you mean".
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// The behaviour code nearest to `code` by edit distance.
std::string nearest_code(const std::string& code) {
    std::string best;
    std::size_t best_distance = std::string::npos;
    for (const auto c : behaviour_codes()) {
        const std::size_t d = edit_distance(code, std::string(c));
        if (d < best_distance) {
            best_distance = d;
            best = std::string(c);
        }
    }
    return best;
}

bool option_id_like(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

SourceScan scan(const std::string& source, const std::string& scenario_id) {
    SourceScan out;
    const auto t = lex(source);
    auto is = [&](std::size_t k, Token::Kind kind, const char* text = nullptr) {
        return k < t.size() && t[k].kind == kind && (!text || t[k].text == text);
    };
    std::string last_id;
    for (std::size_t k = 0; k < t.size(); ++k) {
        // codes = { "a", "b" }: each a behaviour code
        if (is(k, Token::name, "codes") && is(k + 1, Token::symbol, "=") && is(k + 2, Token::symbol, "{"))
            for (std::size_t j = k + 3; j < t.size() && !is(j, Token::symbol, "}"); ++j)
                if (t[j].kind == Token::string && !is_behaviour_code(t[j].text))
                    out.unknown_codes.push_back({t[j].text, last_id, t[j].line});
        // { id = "x"  /  , id = "x"
        if (is(k, Token::name, "id") && k > 0 && t[k - 1].kind == Token::symbol &&
            (t[k - 1].text == "{" || t[k - 1].text == "," || t[k - 1].text == ";") && is(k + 1, Token::symbol, "=") &&
            is(k + 2, Token::string))
            last_id = t[k + 2].text;
        if (is(k, Token::name, "id") && k > 0 && t[k - 1].kind == Token::symbol &&
            (t[k - 1].text == "{" || t[k - 1].text == "," || t[k - 1].text == ";") && is(k + 1, Token::symbol, "=") &&
            is(k + 2, Token::string) && t[k + 2].text != scenario_id && option_id_like(t[k + 2].text))
            out.declared[t[k + 2].text].push_back(t[k].line);
        // r.id == "x"  /  r.id ~= "x"
        if (is(k, Token::symbol, ".") && is(k + 1, Token::name, "id") &&
            (is(k + 2, Token::symbol, "==") || is(k + 2, Token::symbol, "~=")) && is(k + 3, Token::string))
            out.compared.emplace_back(t[k + 3].text, t[k + 3].line);
        // "x" == r.id
        if (is(k, Token::string) && (is(k + 1, Token::symbol, "==") || is(k + 1, Token::symbol, "~=")) &&
            is(k + 2, Token::name) && is(k + 3, Token::symbol, ".") && is(k + 4, Token::name, "id"))
            out.compared.emplace_back(t[k].text, t[k].line);
        // s:did("x")
        if (is(k, Token::symbol, ":") && is(k + 1, Token::name, "did") && is(k + 2, Token::symbol, "(") &&
            is(k + 3, Token::string))
            out.compared.emplace_back(t[k + 3].text, t[k + 3].line);
    }
    return out;
}

std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u ? 1 : 0;
    return n;
}

int line_at(const std::string& source, std::size_t at) {
    return 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

// The line where a text (said, narrated, or an option's) starts in the source; 0 if not found.
int text_line(const std::string& source, const std::string& text) {
    for (std::size_t len : {40u, 24u, 12u}) {
        if (text.size() < len) continue;
        const auto at = source.find(text.substr(0, len));
        if (at != std::string::npos) return line_at(source, at);
    }
    return 0;
}

// The line declaring option `id` at or after the choice's line (the nearest), else the choice's.
int option_line(const SourceScan& scanned, const std::string& id, int choice_line) {
    const auto it = scanned.declared.find(id);
    if (it == scanned.declared.end()) return choice_line;
    int best = 0;
    for (int l : it->second)
        if (l >= choice_line && (best == 0 || l < best)) best = l;
    if (best == 0) best = it->second.front();
    return best;
}

std::string shorten(const std::string& text, std::size_t most) {
    if (text.size() <= most) return text;
    std::size_t cut = most - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "...";
}

FileReport check_rubric(const std::string& path) {
    FileReport report;
    report.path = path;
    report.rubric = true;
    try {
        script::load_rubric_file(path);
    } catch (const ScriptError& e) {
        Finding f = from_failure(path, "", e.what());
        f.traceback = e.traceback;
        report.findings.push_back(std::move(f));
    }
    return report;
}

// A module runs only inside the scenarios that require it (and is checked there, with them);
// on its own it must at least compile.
FileReport check_module(const std::string& path) {
    FileReport report;
    report.path = path;
    report.module = true;
    try {
        script::Sandbox sandbox;
        sandbox.load(script::read_text_file(path), "@" + path);
    } catch (const ScriptError& e) {
        report.findings.push_back(from_failure(path, "", e.what()));
    } catch (const std::runtime_error& e) {
        report.findings.push_back(from_failure(path, "", e.what()));
    }
    return report;
}

// Every drill must load, reach its moment and name a domain of its scenario's rubric.
FileReport check_catalogue_file(const std::string& path) {
    FileReport report;
    report.path = path;
    report.catalogue = true;
    try {
        const auto file = script::load_drill_catalogue(path);
        report.drills = file.drills.size();
        for (const auto& p : app::check_catalogue(file)) report.findings.push_back({path, p.line, "error", p.message, 0, false, {}, {}});
    } catch (const ScriptError& e) {
        Finding f = from_failure(path, "", e.what());
        f.traceback = e.traceback;
        report.findings.push_back(std::move(f));
    }
    return report;
}

// `progress`: show this file's progress (off while several files are checked at once).
FileReport check_scenario(const std::string& path, const CheckOptions& options, bool progress) {
    FileReport report;
    report.path = path;
    auto add = [&](int line, const char* severity, std::string text) {
        report.findings.push_back({path, line, severity, std::move(text), 0, false, {}, {}});
    };

    // The contract: the file loads and its table is sound.
    explore::Source source;
    try {
        source.path = path;
        source.text = script::read_text_file(path);
        auto loaded = script::load_scenario_source(source.text, path);
        source.info = *loaded.info;
    } catch (const ScriptError& e) {
        Finding f = from_failure(path, source.text, e.what());
        f.traceback = e.traceback;
        report.findings.push_back(std::move(f));
        return report;
    } catch (const std::exception& e) {
        add(1, "error", e.what());
        return report;
    }
    // Its rubric.
    try {
        std::string note;
        auto rubrics = app::load_rubrics({}, source.info.rubric, path, note);
        if (rubrics.empty())
            add(script::line_of_field(source.text, "rubric"), "error", note);
        else
            source.rubric = std::move(rubrics.front());
    } catch (const ScriptError& e) {
        Finding f = from_failure(path, source.text, e.what());
        f.traceback = e.traceback;
        report.findings.push_back(std::move(f));
    }

    // Exploration (unscored: only the catalog and the paths' ends matter here).
    explore::Source unscored = source;
    unscored.rubric.reset();
    explore::Settings settings;
    settings.seed = options.seed;
    settings.jobs = options.jobs > 0 ? options.jobs : explore::default_jobs();
    settings.budget = options.max_paths;
    explore::Catalog catalog;
    explore::Exploration found;
    std::vector<explore::PathResult> random;
    {
        std::optional<explore::Progress> shown;
        if (progress) shown.emplace("check " + path, 0);
        settings.progress = shown ? &*shown : nullptr;
        found = explore::exhaustive(unscored, catalog, settings);
        random = explore::random_runs(unscored, catalog, settings, options.runs, max_responses);
    }
    report.complete = found.complete;
    report.paths = static_cast<long>(found.paths.size());
    report.runs = options.runs;
    std::vector<explore::PathResult> all = std::move(found.paths);
    const std::size_t random_from = all.size();
    for (auto& r : random) all.push_back(std::move(r));
    for (std::size_t i = 0; i < all.size(); ++i) {
        report.responses += static_cast<long>(all[i].actions.size());
        report.longest = std::max(report.longest, all[i].duration);
    }
    const auto summary = explore::summarize(unscored, catalog, all);

    // Unknown behaviour codes, each at its option's line with the nearest known code. Exploration
    // stops at the choice that lists one, so what it would report next (the same error at the
    // s:choose line, every later option unreachable) is left out until the codes are fixed.
    const SourceScan scanned = scan(source.text, source.info.id);
    for (const auto& u : scanned.unknown_codes)
        add(u.line, "error",
            (u.option.empty() ? std::string() : "option '" + u.option + "': ") + "unknown behaviour code '" + u.code +
                "' (did you mean '" + nearest_code(u.code) + "'? the codes are in docs/behaviour-codes.md)");
    const bool codes_unknown = !scanned.unknown_codes.empty();

    // Failures, with what reproduces them.
    for (const auto& e : summary.errors) {
        if (codes_unknown && e.message.find("unknown behaviour code") != std::string::npos) continue;
        const auto& p = all[e.first];
        Finding f = from_failure(path, source.text, e.message);
        if (e.limit) f.text += " [sandbox limit]";
        f.traceback = e.traceback;
        f.seed = p.seed;
        f.actions = p.actions;
        f.reproducible = true;
        report.findings.push_back(std::move(f));
    }
    // Sessions that cannot end (reported once: below as a dead end when exploration shows where).
    bool dead_end_found = false;
    for (std::uint32_t index = 0; index < catalog.points().size(); ++index)
        if (summary.unfinished_through.count(index) && !summary.ended_through.count(index)) dead_end_found = true;
    for (std::size_t i = random_from; i < all.size() && !dead_end_found; ++i) {
        const auto& p = all[i];
        if (p.end != "unfinished") continue;
        Finding f;
        f.file = path;
        f.severity = "error";
        f.line = p.steps.empty() ? script::line_of_field(source.text, "run") : catalog.points()[p.steps.back().point].line;
        f.text = "the session did not end within " + std::to_string(max_responses) + " responses (a loop with no way out?)";
        f.seed = p.seed;
        f.actions = p.actions;
        f.reproducible = true;
        report.findings.push_back(std::move(f));
        break;
    }

    const auto order = catalog.points_in_order();
    report.points = order.size();
    for (auto index : order) {
        const auto& point = catalog.points()[index];
        const std::string name = point.moment.empty() ? "this choice" : "moment '" + point.moment + "'";
        // Dead ends: no path through the choice ended.
        const long ended = summary.ended_through.count(index) ? summary.ended_through.at(index) : 0;
        const long cut = summary.unfinished_through.count(index) ? summary.unfinished_through.at(index) : 0;
        if (ended == 0 && cut > 0)
            add(point.line, "error",
                "dead end: no path through " + name + " ends the session (" + std::to_string(cut) +
                    " paths went on past " + std::to_string(settings.max_depth) + " responses)");
        // Scored moments need an expert alternative, with its reason.
        bool expert = false;
        for (const auto& o : point.options) {
            report.options += 1;
            if (!o.expert) continue;
            expert = true;
            if (o.rationale.empty())
                add(option_line(scanned, o.id, point.line), "warning",
                    "expert option '" + o.id + "' of " + name + " has no rationale: the debrief cannot say why it is right");
        }
        if (point.moment.empty())
            add(point.line, "warning",
                "this choice has no moment = \"...\": it is scored, but the debrief cannot name or explain it");
        if (!point.moment.empty() && !expert)
            add(point.line, "error",
                "scored " + name + " has no expert option (expert = true): the debrief cannot show what an expert "
                "would have done");
        // Options the rubric cannot score.
        if (source.rubric)
            for (const auto& o : point.options) {
                if (o.implicit) continue;
                const bool scored = std::any_of(o.codes.begin(), o.codes.end(),
                                                [&](const std::string& c) { return source.rubric->codes.count(c) > 0; });
                if (!scored) {
                    std::string codes;
                    for (const auto& c : o.codes) codes += (codes.empty() ? "" : ", ") + c;
                    add(option_line(scanned, o.id, point.line), "warning",
                        "option '" + o.id + "' is not scored by rubric '" + source.rubric->id + "': it lists none of its codes (" +
                            codes + ")");
                }
            }
        // Over-long option texts and prompts.
        for (const auto& o : point.options)
            if (characters(o.text) > long_line)
                add(option_line(scanned, o.id, point.line), "warning",
                    "option '" + o.id + "' text is " + std::to_string(characters(o.text)) + " characters long (more than " +
                        std::to_string(long_line) + " is hard to read at a glance)");
        if (characters(point.prompt) > long_line)
            add(point.line, "warning", "the prompt of " + name + " is " + std::to_string(characters(point.prompt)) +
                                           " characters long (more than " + std::to_string(long_line) + ")");
    }

    // Typed probes: each option's examples, said at its choice, must be heard as that option.
    {
        std::string coder_error;
        for (const auto& miss : probe_examples(source, catalog, all, coder_error)) {
            const auto& point = catalog.points()[miss.point];
            std::string why = miss.foreign_code ? "is heard as " + app::code_label(miss.heard) + ", which the option does not carry (" +
                                                      miss.option_codes + "): typed, it would be scored as the option all the same"
                                                : "is heard as " + app::code_label(miss.heard);
            if (!miss.matched.empty())
                why += std::string(miss.foreign_code ? "; and" : ",") + " said in other words it would match option '" +
                       miss.matched + "' rather than its own";
            add(option_line(scanned, miss.option, point.line), "warning",
                "option '" + miss.option + "' example \"" + shorten(miss.example, 60) + "\" " + why);
        }
        if (!coder_error.empty()) add(script::line_of_field(source.text, "run"), "warning", "typed probes: " + coder_error);
    }

    // Validity: the expert's length must not give it away, and (--validity) no strategy without
    // the skill may pass while the answer key passes on every seed.
    report.cues = length_cues(catalog);
    if (const auto cue = report.cues.problem()) add(script::line_of_field(source.text, "run"), "warning", *cue);
    if (options.validity && source.rubric) {
        std::optional<explore::Progress> shown;
        if (progress) shown.emplace("check --validity " + path, 0);
        settings.progress = shown ? &*shown : nullptr;
        explore::Catalog scored_catalog;
        report.validity = assess_validity(source, scored_catalog, settings);
        const int at = script::line_of_field(source.text, "run");
        auto reproducible = [&](const std::string& text, std::uint64_t seed, const std::vector<std::string>& actions) {
            Finding f{path, at, "error", text, seed, true, actions, {}};
            report.findings.push_back(std::move(f));
        };
        for (const auto& s : report.validity->test_wise)
            if (s.passed > 0) {
                const auto& p = s.paths[*s.example];
                reproducible("validity: test-wise strategy '" + s.strategy + "' passes on " + std::to_string(s.passed) +
                                 " of " + std::to_string(s.seeds) + " seeds (best " +
                                 std::to_string(static_cast<int>(std::lround(s.best))) +
                                 "): the score does not need the skill",
                             p.seed, p.actions);
            }
        const auto& v = *report.validity;
        for (std::size_t i = 0; i < v.expert_failures.size(); ++i)
            reproducible("validity: the expert path fails on " + v.expert_failures[i], v.failing_expert_runs[i].first,
                         v.failing_expert_runs[i].second);
        for (const auto& problem : v.problems)
            if (problem.rfind("the answer key", 0) == 0) add(at, "error", "validity: " + problem);
    } else if (options.validity) {
        add(script::line_of_field(source.text, "rubric"), "error", "validity: needs the scenario's rubric to score");
    }

    // Options declared in the file that exploration never saw offered, or never took.
    std::set<std::string> offered, taken;
    for (auto index : order) {
        for (const auto& o : catalog.points()[index].options) offered.insert(o.id);
        if (summary.taken.count(index))
            for (const auto& [id, n] : summary.taken.at(index)) taken.insert(id);
    }
    for (const auto& [id, lines] : scanned.declared) {
        if (codes_unknown) break;  // exploration stopped at an unknown code: reachability is unknown
        if (!offered.count(id)) {
            if (found.complete)
                add(lines.front(), "error",
                    "option '" + id + "' is unreachable: no path offers it (" + std::to_string(report.paths) +
                        " answer sequences explored completely, " + std::to_string(options.runs) + " random runs)");
            else
                add(lines.front(), "warning",
                    "option '" + id + "' was never offered in " + std::to_string(report.paths) + " explored paths and " +
                        std::to_string(options.runs) + " random runs (exploration stopped at --max-paths " +
                        std::to_string(options.max_paths) + "; raise it to be sure)");
        } else if (!taken.count(id)) {
            add(lines.front(), "warning",
                "option '" + id + "' is offered but was never taken (exploration stopped at --max-paths " +
                    std::to_string(options.max_paths) + ")");
        }
    }
    // Comparisons with ids no option declares: usually a typo, always a branch that never runs.
    std::set<std::string> known(offered.begin(), offered.end());
    for (const auto& [id, lines] : scanned.declared) known.insert(id);
    for (const auto& info : action_infos()) known.insert(std::string(info.name));
    std::set<std::string> reported;
    for (const auto& [id, line] : scanned.compared)
        if (!known.count(id) && reported.insert(id).second)
            add(line, "warning", "'" + id + "' is not the id of any option or action: this comparison is never true");

    // Rubric domains that no option exercises (once the scenario offers any choice at all).
    // A code scores in this scenario's phase when its class, or the class a context rule for this
    // phase (or any phase) gives it, is not compatible: compatible codes earn nothing either way.
    // Domains the rubric keeps for other phases (no code can score there in this phase) are not
    // reported: the rubric, not the scenario, leaves them out.
    if (source.rubric && !order.empty()) {
        const auto& rubric = *source.rubric;
        auto scores_here = [&](const std::string& code) {
            const auto it = rubric.codes.find(code);
            if (it == rubric.codes.end()) return false;
            if (it->second.cls != scoring::CodeClass::compatible) return true;
            for (const auto& rule : rubric.rules) {
                if (rule.code != code || rule.cls == scoring::CodeClass::compatible) continue;
                const bool other_phase = std::any_of(rule.when.begin(), rule.when.end(), [&](const scoring::Condition& c) {
                    return c.key == "phase" && c.word != source.info.phase;
                });
                if (!other_phase) return true;
            }
            return false;
        };
        std::set<std::string> possible, exercised;
        for (const auto& [code, rule] : rubric.codes)
            if (scores_here(code)) possible.insert(rule.domains.begin(), rule.domains.end());
        std::set<std::string> offered_codes;
        for (auto index : order)
            for (const auto& o : catalog.points()[index].options)
                offered_codes.insert(o.codes.begin(), o.codes.end());
        for (const auto& code : offered_codes)
            if (scores_here(code)) {
                const auto& domains = rubric.codes.at(code).domains;
                exercised.insert(domains.begin(), domains.end());
            }
        for (const auto& t : rubric.timing) {
            if (!t.phase.empty() && t.phase != source.info.phase) continue;
            if (t.after.empty() || (t.after == "alert" && source.info.dose) || offered_codes.count(t.after))
                exercised.insert(t.domain);
        }
        for (const auto& d : rubric.domains)
            if (possible.count(d.id) && !exercised.count(d.id))
                add(script::line_of_field(source.text, "rubric"), "warning",
                    "rubric '" + rubric.id + "' domain '" + d.id + "' (" + d.title +
                        ") is never exercised: no option has a code that scores in it in " +
                        (source.info.phase == "integration" ? "an " : "a ") + source.info.phase +
                        " session, so no trainee gets a score there");
    }

    // Lines over the length a trainee can take in.
    for (std::size_t id = 0; id < catalog.line_count(); ++id) {
        const auto& [kind, text] = catalog.line(static_cast<std::uint32_t>(id));
        if (characters(text) <= long_line) continue;
        const int line = text_line(source.text, text);
        add(line > 0 ? line : script::line_of_field(source.text, "run"), "warning",
            std::string(kind == "say" ? "a said" : "a narrated") + " line is " + std::to_string(characters(text)) +
                " characters long (more than " + std::to_string(long_line) + " is hard to take in): \"" + shorten(text, 50) + "\"");
    }

    std::stable_sort(report.findings.begin(), report.findings.end(), [](const Finding& a, const Finding& b) {
        if (a.line != b.line) return a.line < b.line;
        return a.severity == "error" && b.severity != "error";
    });
    return report;
}

// The validity figures of a scenario: the expert's length against the others', and with
// --validity each strategy's passes and scores.
void print_validity(const FileReport& r) {
    const auto& c = r.cues;
    if (c.moments > 0)
        std::cout << r.path << ": expert option longest at " << c.expert_longest << "/" << c.moments
                  << " scored moments, shortest at " << c.expert_shortest << "/" << c.moments << "; "
                  << static_cast<int>(std::lround(c.expert_mean)) << " characters against "
                  << static_cast<int>(std::lround(c.others_mean)) << " for the others\n";
    if (!r.validity) return;
    const auto& v = *r.validity;
    std::cout << r.path << ": validity (pass = overall >= pass mark, no critical error)\n";
    auto row = [](const StrategyOutcome& s) {
        std::cout << "    " << s.strategy << std::string(s.strategy.size() < 18 ? 18 - s.strategy.size() : 1, ' ')
                  << "passes " << s.passed << "/" << s.seeds << "   mean " << std::lround(s.mean) << "   best "
                  << std::lround(s.best) << "\n";
    };
    for (const auto& s : v.test_wise) row(s);
    row(v.expert);
}

}  // namespace

int check(const CheckOptions& options) {
    std::string error;
    const auto files = app::files_under(options.paths, ".lua", error);  // in a rubrics folder: rubrics
    if (!error.empty()) {
        std::cerr << "holdspace check: " << error << "\n";
        return exit_usage;
    }
    if (files.empty()) {
        std::cerr << "holdspace check: no scenario or rubric files (.lua) found\n";
        return exit_usage;
    }
    // With several files, each job checks whole files, one after another: a file's own work has
    // steps that wait for its slowest session, and its loading and reporting are not shared out.
    // The reports are the same either way (nothing a check finds depends on its jobs) and in
    // the files' order.
    const int jobs = options.jobs > 0 ? options.jobs : explore::default_jobs();
    const bool by_file = jobs > 1 && files.size() > 1;
    CheckOptions each = options;
    if (by_file) each.jobs = 1;
    std::vector<FileReport> reports(files.size());
    {
        std::optional<explore::Progress> progress;
        if (by_file) progress.emplace(options.validity ? "check --validity" : "check", static_cast<long>(files.size()));
        explore::parallel_for(files.size(), by_file ? jobs : 1, [&](std::size_t i) {
            const auto& file = files[i];
            reports[i] = in_rubrics_folder(file)    ? check_rubric(file)
                         : in_lib_folder(file)      ? check_module(file)
                         : is_drill_catalogue(file) ? check_catalogue_file(file)
                                                    : check_scenario(file, each, !by_file);
            if (progress) progress->add();
        });
    }

    std::size_t problems = 0, warnings = 0;
    for (const auto& r : reports) {
        problems += r.errors();
        warnings += r.findings.size() - r.errors();
    }
    if (options.json) {
        Json out = Json::object();
        out["ok"] = problems == 0;
        out["errors"] = problems;
        out["warnings"] = warnings;
        out["files"] = Json::array();
        for (const auto& r : reports) {
            Json findings = Json::array();
            for (const auto& f : r.findings) {
                Json j = {{"file", f.file}, {"line", f.line}, {"severity", f.severity}, {"message", f.located()},
                          {"traceback", f.traceback}};
                if (f.reproducible) {
                    j["seed"] = f.seed;
                    j["actions"] = f.actions;
                }
                findings.push_back(j);
            }
            Json file = {{"path", r.path}, {"ok", r.errors() == 0},
                         {"kind", r.rubric ? "rubric" : r.module ? "module" : r.catalogue ? "drill catalogue" : "scenario"}};
            if (r.catalogue) file["drills"] = r.drills;
            else if (!r.rubric && !r.module)
            {
                file.update({{"paths", r.paths}, {"complete", r.complete}, {"runs", r.runs}, {"responses", r.responses},
                             {"choice_points", r.points}, {"options", r.options}});
                if (r.validity) file["validity"] = validity_json(*r.validity, r.cues);
                else file["cues"] = validity_json(Validity{}, r.cues)["cues"];
            }
            file["findings"] = findings;
            out["files"].push_back(file);
        }
        std::cout << records::json_text(out, 2) << "\n";
    } else {
        for (const auto& r : reports) {
            for (const auto& f : r.findings) {
                std::cout << f.file << ":" << f.line << ": " << f.severity << ": " << f.text << "\n";
                for (const auto& frame : f.traceback) std::cout << "    " << frame << "\n";
                if (f.reproducible)
                    std::cout << "    reproduce: holdspace play " << r.path << " --seed " << f.seed
                              << " --actions FILE, FILE holding: " << explore::actions_text(f.actions)
                              << "\n";
            }
            if (!r.rubric && !r.module && !r.catalogue) print_validity(r);
            if (r.errors() > 0) continue;
            if (r.rubric) {
                std::cout << r.path << ": ok (rubric)\n";
            } else if (r.module) {
                std::cout << r.path << ": ok (module; checked with the scenarios that require it)\n";
            } else if (r.catalogue) {
                std::cout << r.path << ": ok (drill catalogue, " << r.drills << " drills, each reaches its moment)\n";
            } else {
                std::cout << r.path << ": ok (" << r.paths << " answer sequences"
                          << (r.complete ? ", all of them" : ", stopped at --max-paths") << ", " << r.runs
                          << " random runs; " << r.points << " choice point" << (r.points == 1 ? "" : "s") << ", " << r.options
                          << " option" << (r.options == 1 ? "" : "s") << "; longest "
                          << r.longest / 60 << " min";
                const auto w = r.findings.size();
                if (w > 0) std::cout << "; " << w << " warning" << (w == 1 ? "" : "s");
                std::cout << ")\n";
            }
        }
        std::cout << files.size() << " file" << (files.size() == 1 ? "" : "s") << " checked, " << problems
                  << " problem" << (problems == 1 ? "" : "s");
        if (warnings > 0) std::cout << ", " << warnings << " warning" << (warnings == 1 ? "" : "s");
        std::cout << "\n";
    }
    return problems == 0 ? exit_ok : exit_failed;
}

}  // namespace holdspace::cli
