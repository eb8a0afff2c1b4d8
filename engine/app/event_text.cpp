// Transcript events as one readable line each (event_text.hpp).
#include "app/event_text.hpp"

#include "sim/vocabulary.hpp"

#include <map>
#include <sstream>

namespace holdspace::app {
namespace {

std::string str(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string number(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() ? std::string("?") : it->dump();
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

std::string action_label(const std::string& name) {
    if (auto kind = action_by_name(name)) return std::string(action_info(*kind).label);
    return name;
}

}  // namespace holdspace::app
