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

// "active_cooling" -> "active cooling", for names the tables below do not know.
std::string spaced(std::string name) {
    for (char& c : name)
        if (c == '_') c = ' ';
    return name;
}

std::string label(const std::map<std::string, std::string>& labels, const std::string& name) {
    const auto it = labels.find(name);
    return it != labels.end() ? it->second : spaced(name);
}

// What the participant drank (s:drink) or was given by drip.
std::string fluid_line(const Json& d) {
    const std::string kind = str(d, "kind");
    const std::string ml = number(d, "ml") + " ml";
    if (kind == "saline_iv") return "* " + ml + " of saline by drip";
    if (kind == "hypertonic_iv") return "* " + ml + " of hypertonic saline by drip";
    return "* The participant drinks " + ml + (kind == "electrolyte" ? " of an electrolyte drink" : " of " + spaced(kind));
}

// The physician's point-of-care test, with the normal range the trainee compares it to.
std::string lab_line(const Json& d) {
    const std::string test = str(d, "test");
    std::string line = "Lab: " + spaced(test) + " " + number(d, "value");
    if (const std::string unit = str(d, "unit"); !unit.empty()) line += " " + unit;
    if (test == "sodium") line += " (normal 135-145)";
    return line;
}

// A medical measure of the physician's or the team's (s:treat).
std::string treatment_line(const Json& d) {
    static const std::map<std::string, std::string> labels = {
        {"cooling", "cooling"},
        {"active_cooling", "active cooling"},
        {"antihypertensive", "blood pressure medicine"},
        {"rest", "rest"},
        {"iv_fluids", "intravenous fluids"},
        {"hypertonic_saline", "hypertonic saline"},
        {"emergency_services", "emergency services"}};
    const std::string text = str(d, "text");
    const std::string what = label(labels, str(d, "treatment"));
    return text.empty() ? "+ Treatment: " + what : "+ Treatment (" + what + "): " + text;
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
    if (e.type == "fluid") return stamp + fluid_line(d);
    if (e.type == "lab") return stamp + lab_line(d);
    if (e.type == "treatment") return stamp + treatment_line(d);
    if (e.type == "body") {
        // The condition itself (hyperthermia, a hypertensive surge) is the hidden cause the trainee
        // has to find by measuring, like `state`: only what the scenario lets them see is shown.
        const std::string text = str(d, "text");
        return text.empty() ? std::string() : stamp + "* " + text;
    }
    if (e.type == "dose_withheld") return stamp + "* The supplemental dose is not given (" + str(d, "reason") + ")";
    if (e.type == "end") {
        const std::string reason = str(d, "reason");
        if (reason == "error") return stamp + "== The scenario stopped with an error ==";
        if (reason == "trainee") return stamp + "== You ended the session ==";
        return stamp + "== Session complete ==";
    }
    return {};  // choice is shown by render_choice; state (and a body event's condition) is the supervisor's
}

std::string action_label(const std::string& name) {
    if (auto kind = action_by_name(name)) return std::string(action_info(*kind).label);
    return name;
}

}  // namespace holdspace::app
