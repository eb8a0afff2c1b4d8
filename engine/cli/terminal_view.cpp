#include "cli/terminal_view.hpp"

#include "app/event_text.hpp"
#include "sim/vocabulary.hpp"

#include <map>
#include <sstream>

namespace holdspace::cli {
namespace {

std::string pad(const std::string& s) { return s + std::string(s.size() < 24 ? 24 - s.size() : 1, ' '); }

}  // namespace

std::string render_choice(const Choice& choice) {
    std::ostringstream out;
    if (!choice.prompt.empty()) out << "  " << choice.prompt << "\n";
    for (std::size_t i = 0; i < choice.options.size(); ++i) {
        const Option& o = choice.options[i];
        out << "  " << i + 1 << ") ";
        if (!o.text.empty())
            out << o.text;
        else
            out << "(" << app::action_label(o.action) << ")";
        out << "\n";
    }
    out << " ";
    for (const auto& a : action_infos()) out << " " << a.key << "=" << a.name;
    out << "  ?=help";
    return out.str();
}

void print_script_error(std::ostream& out, const ScriptError& error) {
    out << error.what() << "\n";
    if (error.traceback.size() > 1 ||
        (error.traceback.size() == 1 && std::string(error.what()).rfind(error.traceback[0].substr(0, error.traceback[0].find(": ")), 0) != 0)) {
        out << "  traceback (innermost first):\n";
        for (const auto& frame : error.traceback) out << "    " << frame << "\n";
    }
}

std::string play_help() {
    std::ostringstream out;
    out << "Respond with:\n"
        << pad("  1-9") << "say or do the numbered option\n";
    for (const auto& a : action_infos())
        out << pad("  " + std::string(1, a.key) + " or " + std::string(a.name)) << a.label << "\n";
    out << pad("  your own words") << "say them: the coder hears them, and the participant answers\n"
        << pad("  wait N") << "let N minutes pass in silence\n"
        << pad("  an option's id") << "as in an actions file\n"
        << pad("  ?") << "this help\n"
        << pad("  Ctrl-D") << "end the session (the record is kept)\n";
    return out.str();
}

}  // namespace holdspace::cli
