#include "cli/debrief_view.hpp"

#include "app/debrief_text.hpp"
#include "app/event_text.hpp"
#include "app/typed.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace holdspace::cli {
namespace {

std::string bar(double value) {
    const int filled = static_cast<int>(std::lround(value / 5));
    return std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(20 - filled), '.');
}

std::string clock(double minutes) { return "[" + app::clock_text(static_cast<Seconds>(std::llround(minutes * 60))) + "]"; }

std::string fixed1(double v) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << v;
    return out.str();
}

}  // namespace

std::string render_debrief(const scoring::Score& s, int width) {
    std::ostringstream out;
    out << "\n== Debrief: " << s.rubric_title << " ==\n";
    out << "Overall " << fixed1(s.overall) << " / 100. " << app::verdict_text(s) << "\n";
    if (!s.critical.empty()) {
        out << "\nCRITICAL ERRORS (each fails the session)\n";
        for (const auto& c : s.critical) out << "  " << clock(c.t) << " " << c.message << "\n";
    }
    out << "\nDomains\n";
    for (const auto& [id, value] : s.domains) {
        out << "  " << std::left << std::setw(24) << id << " ";
        if (value)
            out << bar(*value) << " " << fixed1(*value) << "\n";
        else
            out << "(not exercised in this session)\n";
    }
    const auto& m = s.miti;
    out << "\nMITI-style counts: " << app::counted(m.reflections, "reflection") << " (" << m.complex_reflections
        << " complex), " << app::counted(m.questions, "question");
    if (m.reflection_to_question) out << "; reflection-to-question " << fixed1(*m.reflection_to_question) << ":1 (" << m.rq_level << ")";
    if (m.percent_complex) out << "; complex reflections " << fixed1(*m.percent_complex) << "% (" << m.complex_level << ")";
    out << "\nFIS-style ratings (1-5):";
    for (const auto& f : s.fis) out << " " << f.item << " " << (f.rating ? fixed1(*f.rating) : std::string("n/a")) << ";";
    out << "\n";
    if (!s.strengths.empty()) {
        out << "\nStrengths\n";
        for (const auto& x : s.strengths) out << "  + " << x << "\n";
    }
    if (!s.growth.empty()) {
        out << "\nTo work on\n";
        for (const auto& x : s.growth) out << "  - " << x << "\n";
    }
    out << "\nMoment by moment\n";
    for (const auto& mo : s.moments) {
        out << "  " << clock(mo.t) << " " << (mo.moment.empty() ? std::string("(moment)") : mo.moment) << ": "
            << mo.judgement << "\n";
        if (!mo.situation.empty()) out << "      Participant: " << mo.situation << "\n";
        if (!mo.actions.empty()) out << "      Before answering you did: " << app::actions_text(mo.actions) << "\n";
        out << "      You: " << (mo.response_text.empty() ? "(" + app::action_label(mo.response_id) + ")" : mo.response_text) << "\n";
        if (mo.typed) out << "      Heard as: " << app::code_label(mo.heard) << "\n";
        for (const auto& p : mo.principles) out << "      Why: " << p << "\n";
        if (!mo.chose_expert && !mo.expert_text.empty()) {
            out << "      An expert: " << mo.expert_text << "\n";
            if (!mo.expert_rationale.empty()) out << "        because " << mo.expert_rationale << "\n";
        }
    }
    return wrap_text(out.str(), width, 4);
}

std::string render_comparison(const std::vector<scoring::Score>& scores, int width) {
    std::ostringstream out;
    out << "\n== The same session under " << scores.size() << " rubrics ==\n";
    for (const auto& s : scores) {
        out << "  " << s.rubric_id << ": overall " << fixed1(s.overall) << (s.pass ? " (pass)" : " (not passed)")
            << ", " << app::counted(static_cast<long long>(s.critical.size()), "critical error") << "\n";
        for (const auto& [id, value] : s.domains)
            out << "      " << std::left << std::setw(24) << id << " " << (value ? fixed1(*value) : std::string("n/a")) << "\n";
    }
    return wrap_text(out.str(), width, 4);
}

}  // namespace holdspace::cli
