#include "records/report.hpp"
#include "records/text.hpp"
#include "sim/vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace holdspace::records {
namespace {

std::string str(const Json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
}

double num(const Json& j, const char* key, double fallback = 0) {
    return j.is_object() && j.contains(key) && j[key].is_number() ? j[key].get<double>() : fallback;
}

std::string fixed(double v, int digits = 1) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(digits) << v;
    return out.str();
}

std::string clock(double minutes) {
    const auto m = static_cast<long>(std::floor(minutes));
    std::ostringstream out;
    out << m / 60 << ":" << std::setw(2) << std::setfill('0') << m % 60;
    return out.str();
}

struct Series {
    const char* label;
    const char* colour;
    double lo, hi;
    std::vector<std::pair<double, double>> points;  // minutes, value
    double threshold;                               // 0 = none
};

// The value printed on an axis: 36.5, 100.
std::string axis_value(double v) { return std::abs(v - std::round(v)) < 1e-9 ? fixed(v, 0) : fixed(v, 1); }

// The session over time: one strip per measure (distress, then the vital signs taken), each with its
// own y-axis values and its threshold dashed and labelled, the trainee's moments as marks along the
// bottom of each (green good, red poor). Vital signs never taken draw no strip.
std::string svg_chart(const ReportInput& in, bool* vitals_taken) {
    std::vector<Series> series = {
        {"distress (0-100)", "#7a4fa3", 0, 100, {}, 0},
        {"heart rate (bpm)", "#d55e00", 40, 160, {}, 100},
        {"systolic blood pressure (mmHg)", "#0072b2", 80, 200, {}, 160},
        {"temperature (C)", "#e69f00", 35.5, 40, {}, 38},
    };
    double end = 1;
    for (const auto& e : in.events) {
        const double t = num(e, "t");
        end = std::max(end, t);
        const std::string type = str(e, "type");
        if (type == "vitals") {
            series[1].points.emplace_back(t, num(e, "hr"));
            series[2].points.emplace_back(t, num(e, "sbp"));
            series[3].points.emplace_back(t, num(e, "temp_c"));
        } else if (type == "state" && e.contains("distress")) {
            series[0].points.emplace_back(t, num(e, "distress"));
        }
    }
    *vitals_taken = !series[1].points.empty();
    std::ostringstream svg;
    for (const auto& s : series) {
        if (s.points.empty()) continue;
        const double w = 720, h = 150, left = 48, right = 10, top = 22, bottom = 24;
        auto x = [&](double t) { return left + (w - left - right) * t / end; };
        auto y = [&](double v) { return top + (h - top - bottom) * (1 - std::clamp((v - s.lo) / (s.hi - s.lo), 0.0, 1.0)); };
        svg << "<svg class=\"chart\" viewBox=\"0 0 " << w << " " << h << "\" role=\"img\" aria-label=\"" << s.label
            << " over the session\">";
        svg << "<text x=\"" << left << "\" y=\"14\" font-size=\"11\" fill=\"" << s.colour << "\">" << s.label << "</text>";
        svg << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << w - left - right << "\" height=\"" << h - top - bottom
            << "\" fill=\"none\" stroke=\"#bbb\"/>";
        // The y-axis: the range's ends and middle, with faint grid lines.
        for (int i = 0; i <= 4; ++i) {
            const double v = s.lo + (s.hi - s.lo) * i / 4;
            svg << "<line x1=\"" << left - 4 << "\" x2=\"" << w - right << "\" y1=\"" << fixed(y(v)) << "\" y2=\"" << fixed(y(v))
                << "\" stroke=\"#eee\" stroke-width=\"0.6\"/>"
                << "<text class=\"y-axis\" x=\"" << left - 6 << "\" y=\"" << fixed(y(v) + 3) << "\" font-size=\"9\" text-anchor=\"end\">"
                << axis_value(v) << "</text>";
        }
        for (double t = 0; t <= end; t += end > 240 ? 60 : 30)
            svg << "<text x=\"" << fixed(x(t)) << "\" y=\"" << h - bottom + 13 << "\" font-size=\"9\" text-anchor=\"middle\">"
                << clock(t) << "</text>";
        if (s.threshold > 0)
            svg << "<line x1=\"" << left << "\" x2=\"" << w - right << "\" y1=\"" << fixed(y(s.threshold)) << "\" y2=\""
                << fixed(y(s.threshold)) << "\" stroke=\"" << s.colour << "\" stroke-dasharray=\"4 3\" stroke-width=\"0.8\"/>"
                << "<text x=\"" << w - right - 2 << "\" y=\"" << fixed(y(s.threshold) - 3) << "\" font-size=\"9\" text-anchor=\"end\" fill=\""
                << s.colour << "\">alert above " << axis_value(s.threshold) << "</text>";
        svg << "<polyline fill=\"none\" stroke=\"" << s.colour << "\" stroke-width=\"1.6\" points=\"";
        for (const auto& [t, v] : s.points) svg << fixed(x(t)) << "," << fixed(y(v)) << " ";
        svg << "\"/>";
        if (in.score.contains("moments"))
            for (const auto& m : in.score["moments"]) {
                const std::string j = str(m, "judgement");
                const bool good = j == "expert" || j == "good" || j == "helpful";
                svg << "<line x1=\"" << fixed(x(num(m, "t"))) << "\" x2=\"" << fixed(x(num(m, "t"))) << "\" y1=\"" << h - bottom - 8
                    << "\" y2=\"" << h - bottom << "\" stroke=\"" << (good ? "#009e73" : "#cc3311") << "\" stroke-width=\"2\"/>";
            }
        svg << "</svg>\n";
    }
    return svg.str();
}

// The latest supervisor override of the moment answered at transcript index `event`.
const ReportInput::Override* override_of(const ReportInput& in, const Json& moment) {
    if (!moment.contains("event") || !moment["event"].is_number_integer()) return nullptr;
    const int event = moment["event"].get<int>();
    const ReportInput::Override* latest = nullptr;
    for (const auto& o : in.overrides)
        if (o.event_index == event) latest = &o;
    return latest;
}

// Every text cell goes through csv_cell (records/text.hpp): quoted as needed, a would-be formula
// (=, +, -, @, tab, carriage return first) neutralised with a leading ', invalid UTF-8 shown as U+FFFD.
std::string csv_field(const std::string& s) { return csv_cell(repair_utf8(s)); }

std::uint64_t fnv1a(const std::string& s, std::uint64_t h = 0xcbf29ce484222325ULL) {
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string hex(std::uint64_t v, int digits) {
    std::ostringstream out;
    out << std::hex << std::setw(digits) << std::setfill('0') << v;
    return out.str().substr(out.str().size() - static_cast<std::size_t>(digits));
}

// A UUID (RFC 4122 layout, version 8: "custom") derived from the session and the
// statement's place in it, so that re-sending a report never duplicates statements.
// A name-based UUID (version 8) from `key`: the same key always gives the same id.
std::string uuid_of(const std::string& key) {
    const std::uint64_t a = fnv1a(key), b = fnv1a(key, a ^ 0x9e3779b97f4a7c15ULL);
    std::string h = hex(a, 16) + hex(b, 16);
    h[12] = '8';                                                        // version
    h[16] = "89ab"[std::stoi(std::string(1, h[16]), nullptr, 16) & 3];  // variant
    return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
}

std::string statement_id(const ReportInput& in, const std::string& what) {
    return uuid_of(in.trainee + "|" + in.scenario_id + "|" + in.started_at + "|" + std::to_string(in.session) + "|" + what);
}

Json verb(const std::string& id, const std::string& name) {
    return {{"id", id}, {"display", {{"en-US", name}}}};
}

}  // namespace

std::string html_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string html_report(const ReportInput& in) {
    const Json& s = in.score;
    std::ostringstream out;
    out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Holdspace session "
        << in.session << ": " << html_escape(in.scenario_title) << "</title><style>"
        << "body{font-family:sans-serif;max-width:50rem;margin:2rem auto;color:#222;line-height:1.4}"
        << "h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;margin-top:1.6rem}"
        << ".pass{color:#00734d}.fail{color:#b0201a}.critical{background:#fbe9e7;border-left:4px solid #b0201a;padding:.3rem .6rem}"
        << ".bar{display:inline-block;height:.7rem;background:#0072b2;vertical-align:middle}"
        << ".moment{margin:.6rem 0;padding:.4rem .6rem;border-left:3px solid #ccc}.poor{border-color:#b0201a}"
        << ".good,.expert{border-color:#00734d}.note{background:#fff8e1;padding:.2rem .5rem}"
        << ".override{display:block;background:#e8f0fb;padding:.2rem .5rem;margin-top:.2rem}"
        << "table{border-collapse:collapse}td{padding:.1rem .6rem}.chart{width:100%;height:auto}"
        << "@media print{body{margin:0}.moment{break-inside:avoid}}</style></head><body>\n";
    out << "<h1>" << html_escape(in.scenario_title) << "</h1>\n<p>Trainee <b>" << html_escape(in.trainee) << "</b> · session "
        << in.session << " · " << html_escape(in.started_at) << " · seed " << in.seed << " · rubric "
        << html_escape(str(s, "rubric")) << "</p>\n";
    const bool pass = s.value("pass", false);
    out << "<p class=\"" << (pass ? "pass" : "fail") << "\"><b>Overall " << fixed(num(s, "overall")) << " / 100 — "
        << (pass ? "passed" : "not passed") << "</b> (pass mark " << fixed(num(s, "pass_mark"), 0) << ")</p>\n";
    if (s.contains("critical") && !s["critical"].empty()) {
        out << "<h2>Critical errors</h2>\n";
        for (const auto& c : s["critical"])
            out << "<p class=\"critical\">[" << clock(num(c, "t")) << "] " << html_escape(str(c, "message")) << "</p>\n";
    }
    out << "<h2>Domains</h2>\n<table>\n";
    if (s.contains("domains"))
        for (const auto& [id, v] : s["domains"].items()) {
            out << "<tr><td>" << html_escape(id) << "</td><td>";
            if (v.is_number())
                out << "<span class=\"bar\" style=\"width:" << fixed(v.get<double>() * 2, 0) << "px\"></span> " << fixed(v.get<double>());
            else
                out << "not exercised";
            out << "</td></tr>\n";
        }
    bool vitals_taken = false;
    const std::string chart = svg_chart(in, &vitals_taken);
    out << "</table>\n<h2>Over the session</h2>\n" << chart;
    if (!vitals_taken) out << "<p>No vital signs were taken in this session.</p>\n";
    if (s.contains("miti")) {
        const Json& m = s["miti"];
        auto counted = [](int n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
        out << "<p>MITI-style counts: " << counted(m.value("reflections", 0), "reflection") << " ("
            << m.value("complex_reflections", 0) << " complex), " << counted(m.value("questions", 0), "question")
            << "; reflection-to-question "
            << html_escape(str(m, "reflection_to_question_level")) << ", complex reflections "
            << html_escape(str(m, "percent_complex_level")) << ".</p>\n";
    }
    out << "<h2>Moment by moment</h2>\n";
    if (s.contains("moments"))
        for (const auto& m : s["moments"]) {
            out << "<div class=\"moment " << html_escape(str(m, "judgement")) << "\"><b>[" << clock(num(m, "t")) << "] "
                << html_escape(str(m, "moment")) << "</b>: " << html_escape(str(m, "judgement")) << "<br>";
            if (!str(m, "situation").empty()) out << "Participant: " << html_escape(str(m, "situation")) << "<br>";
            if (m.contains("actions") && m["actions"].is_array() && !m["actions"].empty()) {
                out << "Before answering: ";
                bool first = true;
                for (const auto& a : m["actions"])
                    if (a.is_string()) {
                        const auto kind = action_by_name(a.get<std::string>());
                        out << (first ? "" : ", ")
                            << html_escape(kind ? std::string(action_info(*kind).label) : a.get<std::string>());
                        first = false;
                    }
                out << "<br>";
            }
            out << "Trainee: " << html_escape(str(m, "response_text").empty() ? str(m, "response") : str(m, "response_text")) << "<br>";
            if (!str(m, "heard_as").empty()) out << "Heard as: " << html_escape(str(m, "heard_as")) << "<br>";
            if (m.contains("principles"))
                for (const auto& p : m["principles"]) out << "Why: " << html_escape(p.get<std::string>()) << "<br>";
            if (m.contains("expert") && str(m, "judgement") != "expert")
                out << "An expert: " << html_escape(str(m["expert"], "text")) << " — " << html_escape(str(m["expert"], "rationale"))
                    << "<br>";
            if (const auto* o = override_of(in, m))
                out << "<span class=\"override\">Supervisor's score " << fixed(o->score, 0) << " / 100 (automatic "
                    << fixed(num(m, "fraction") * 100, 0) << ") — " << html_escape(o->author) << ": " << html_escape(o->reason)
                    << "</span>";
            out << "</div>\n";
        }
    if (!in.annotations.empty()) {
        out << "<h2>Supervisor's notes</h2>\n";
        for (const auto& n : in.annotations) {
            const double t = n.event_index >= 0 && static_cast<std::size_t>(n.event_index) < in.events.size()
                                 ? num(in.events[static_cast<std::size_t>(n.event_index)], "t")
                                 : 0;
            out << "<p class=\"note\">[" << clock(t) << "] " << html_escape(n.author) << ": " << html_escape(n.text) << "</p>\n";
        }
    }
    out << "</body></html>\n";
    return out.str();
}

std::string pseudonymise(const std::string& trainee, const std::string& salt) {
    return "p-" + hex(fnv1a(salt + "\x1f" + trainee), 16);
}

std::string csv_report(const ReportInput& in, const std::string& pseudonym) {
    std::ostringstream out;
    out << "session,trainee,scenario,seed,rubric,overall,pass,t,moment,kind,response,codes,judgement,fraction,"
           "supervisor_score,supervisor_reason\n";
    const Json& s = in.score;
    const std::string who = pseudonym.empty() ? in.trainee : pseudonym;
    if (!s.contains("moments")) return out.str();
    for (const auto& m : s["moments"]) {
        std::string codes;
        if (m.contains("codes"))
            for (const auto& c : m["codes"])
                if (c.is_string()) codes += (codes.empty() ? "" : ";") + c.get<std::string>();
        out << in.session << "," << csv_field(who) << "," << csv_field(in.scenario_id) << "," << in.seed << ","
            << csv_field(str(s, "rubric")) << "," << fixed(num(s, "overall")) << "," << (s.value("pass", false) ? 1 : 0)
            << "," << num(m, "t") << "," << csv_field(str(m, "moment")) << "," << csv_field(str(m, "kind")) << ","
            << csv_field(str(m, "response")) << "," << csv_field(codes) << "," << csv_field(str(m, "judgement")) << ","
            << num(m, "fraction") << ",";
        if (const auto* o = override_of(in, m)) out << fixed(o->score, 0) << "," << csv_field(o->reason);
        else out << ",";
        out << "\n";
    }
    return out.str();
}

Json xapi_statements(const ReportInput& in, const std::string& base) {
    const Json actor = {{"objectType", "Agent"},
                        {"name", in.trainee},
                        {"account", {{"homePage", base + "/trainees"}, {"name", in.trainee}}}};
    const Json scenario = {{"objectType", "Activity"},
                           {"id", base + "/scenarios/" + in.scenario_id},
                           {"definition",
                            {{"name", {{"en-US", in.scenario_title}}},
                             {"type", "http://adlnet.gov/expapi/activities/simulation"}}}};
    const std::string rubric = str(in.score, "rubric");
    const Json context = {
        {"contextActivities",
         {{"grouping", Json::array({{{"objectType", "Activity"}, {"id", base + "/rubrics/" + (rubric.empty() ? "none" : rubric)}}})}}},
        {"extensions", {{base + "/extensions/seed", in.seed}, {base + "/extensions/session", in.session}}}};
    Json statements = Json::array();
    auto add = [&](const std::string& what, Json v, Json object, Json result) {
        Json st = {{"id", statement_id(in, what)}, {"actor", actor}, {"verb", std::move(v)}, {"object", std::move(object)},
                   {"context", context}, {"timestamp", in.started_at}};
        if (!result.is_null()) st["result"] = std::move(result);
        statements.push_back(std::move(st));
    };
    add("launched", verb("http://adlnet.gov/expapi/verbs/launched", "launched"), scenario, nullptr);
    if (in.score.contains("moments")) {
        int n = 0;
        for (const auto& m : in.score["moments"]) {
            const std::string name = str(m, "moment").empty() ? "moment-" + std::to_string(n) : str(m, "moment");
            const Json object = {{"objectType", "Activity"},
                                 {"id", base + "/scenarios/" + in.scenario_id + "/moments/" + name},
                                 {"definition",
                                  {{"name", {{"en-US", name}}}, {"type", "http://adlnet.gov/expapi/activities/interaction"}}}};
            const std::string judgement = str(m, "judgement");
            add("moment-" + std::to_string(n++), verb("http://adlnet.gov/expapi/verbs/responded", "responded"), object,
                {{"response", str(m, "response")},
                 {"success", judgement == "expert" || judgement == "good" || judgement == "helpful"},
                 {"score", {{"scaled", std::clamp(num(m, "fraction"), 0.0, 1.0)}}}});
        }
    }
    const double overall = num(in.score, "overall");
    const bool pass = in.score.value("pass", false);
    const Json result = {{"score", {{"scaled", std::clamp(overall / 100, 0.0, 1.0)}, {"raw", overall}, {"min", 0}, {"max", 100}}},
                         {"success", pass},
                         {"completion", true}};
    add("completed", verb("http://adlnet.gov/expapi/verbs/completed", "completed"), scenario, result);
    statements.back()["context"]["extensions"][replay_extension(base)] = {
        {"scenario", in.scenario_id}, {"digest", in.digest}, {"seed", in.seed},       {"actions", in.actions},
        {"rubric", rubric},           {"program", in.program}, {"title", in.scenario_title}};
    add(pass ? "passed" : "failed",
        pass ? verb("http://adlnet.gov/expapi/verbs/passed", "passed") : verb("http://adlnet.gov/expapi/verbs/failed", "failed"),
        scenario, result);
    return statements;
}

std::string replay_extension(const std::string& base) { return base + "/extensions/replay"; }
std::string supervision_extension(const std::string& base) { return base + "/extensions/supervision"; }

std::string completed_statement_id(const std::string& trainee, const std::string& scenario_id,
                                   const std::string& started_at, std::int64_t session) {
    ReportInput in;
    in.trainee = trainee;
    in.scenario_id = scenario_id;
    in.started_at = started_at;
    in.session = session;
    return statement_id(in, "completed");
}

Json supervision_statement(const Supervision& s, const std::string& base) {
    const bool note = !s.score;
    const std::string kind = note ? "note" : "override";
    std::ostringstream score_text;
    if (s.score) score_text << *s.score;
    const std::string id = uuid_of(s.session_statement + "|" + kind + "|" + std::to_string(s.event_index) + "|" + s.author +
                                   "|" + s.created_at + "|" + score_text.str() + "|" + s.text);
    const Json ref = {{"objectType", "StatementRef"}, {"id", s.session_statement}};
    Json extension = {{"kind", kind}, {"event", s.event_index}};
    if (s.score) extension["score"] = *s.score;
    Json result = {{"response", s.text}};
    if (s.score) result["score"] = {{"scaled", std::clamp(*s.score / 100, 0.0, 1.0)}, {"raw", *s.score}, {"min", 0}, {"max", 100}};
    return {{"id", id},
            {"actor",
             {{"objectType", "Agent"}, {"name", s.author}, {"account", {{"homePage", base + "/supervisors"}, {"name", s.author}}}}},
            {"verb", verb("http://adlnet.gov/expapi/verbs/commented", "commented")},
            {"object", ref},
            {"result", std::move(result)},
            {"context", {{"statement", ref}, {"extensions", {{supervision_extension(base), std::move(extension)}}}}},
            {"timestamp", s.created_at}};
}

}  // namespace holdspace::records
