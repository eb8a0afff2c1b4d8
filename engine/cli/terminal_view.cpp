#include "cli/terminal_view.hpp"

#include "sim/vocabulary.hpp"

#include <map>
#include <sstream>

namespace holdspace::cli {
namespace {

std::string str(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string number(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() ? std::string("?") : it->dump();
}

std::string pad(const std::string& s) { return s + std::string(s.size() < 24 ? 24 - s.size() : 1, ' '); }

std::string action_label(const std::string& name) {
    if (auto kind = action_by_name(name)) return std::string(action_info(*kind).label);
    return name;
}

}  // namespace

std::string clock_text(Seconds at) {
    const Seconds minutes = at / 60;
    std::ostringstream out;
    out << minutes / 60 << ":" << (minutes % 60 < 10 ? "0" : "") << minutes % 60;
    return out.str();
}

std::string render_event(const Event& e) {
    const Json& d = e.data;
    const std::string stamp = "[" + clock_text(e.at) + "] ";
    if (e.type == "start")
        return "== " + str(d, "title") + " (" + str(d, "phase") + ", seed " + number(d, "seed") + ") ==";
    if (e.type == "phase") return stamp + "-- " + str(d, "phase") + " --";
    if (e.type == "dose") return stamp + "* " + number(d, "mg") + " mg MDMA taken (" + str(d, "kind") + " dose)";
    if (e.type == "say") {
        const std::string affect = str(d, "affect");
        return stamp + str(d, "speaker") + (affect.empty() || affect == "calm" ? "" : " (" + affect + ")") +
               ": \"" + str(d, "text") + "\"";
    }
    if (e.type == "narrate" || e.type == "cue") return stamp + "* " + str(d, "text");
    if (e.type == "alert") {
        static const std::map<std::string, std::string> what = {{"hr_high", "heart rate"}, {"sbp_high", "systolic pressure"},
                                                                {"dbp_high", "diastolic pressure"}, {"temp_high", "temperature"}};
        const auto it = what.find(str(d, "alert"));
        return stamp + "! ALERT: " + (it != what.end() ? it->second : str(d, "alert")) + " " + number(d, "value") +
               " is over " + number(d, "threshold");
    }
    if (e.type == "response") {
        const std::string text = str(d, "text");
        if (!text.empty()) return stamp + "You: \"" + text + "\"";
        return stamp + "You: (" + action_label(str(d, "action")) + ")";
    }
    if (e.type == "action") return stamp + "You: (" + action_label(str(d, "action")) + ")";
    if (e.type == "vitals")
        return stamp + "Vitals: HR " + number(d, "hr") + " bpm, BP " + number(d, "sbp") + "/" + number(d, "dbp") +
               " mmHg, " + number(d, "temp_c") + " C";
    if (e.type == "wait") return stamp + "... " + number(d, "minutes") + " minutes pass";
    if (e.type == "music") return stamp + "~ music: " + str(d, "programme");
    if (e.type == "dose_withheld") return stamp + "* The supplemental dose is not given (" + str(d, "reason") + ")";
    if (e.type == "end") {
        const std::string reason = str(d, "reason");
        if (reason == "error") return stamp + "== The scenario stopped with an error ==";
        if (reason == "trainee") return stamp + "== You ended the session ==";
        return stamp + "== Session complete ==";
    }
    return {};  // choice is shown by render_choice; state is the supervisor's
}

std::string render_choice(const Choice& choice) {
    std::ostringstream out;
    if (!choice.prompt.empty()) out << "  " << choice.prompt << "\n";
    for (std::size_t i = 0; i < choice.options.size(); ++i) {
        const Option& o = choice.options[i];
        out << "  " << i + 1 << ") ";
        if (!o.text.empty())
            out << o.text;
        else
            out << "(" << action_label(o.action) << ")";
        out << "\n";
    }
    out << " ";
    for (const auto& a : action_infos()) out << " " << a.key << "=" << a.name;
    out << "  ?=help";
    return out.str();
}

std::string play_help() {
    std::ostringstream out;
    out << "Respond with:\n"
        << pad("  1-9") << "say or do the numbered option\n";
    for (const auto& a : action_infos())
        out << pad("  " + std::string(1, a.key) + " or " + std::string(a.name)) << a.label << "\n";
    out << pad("  wait N") << "let N minutes pass in silence\n"
        << pad("  an option's id") << "as in an actions file\n"
        << pad("  ?") << "this help\n"
        << pad("  Ctrl-D") << "end the session (the record is kept)\n";
    return out.str();
}

}  // namespace holdspace::cli
