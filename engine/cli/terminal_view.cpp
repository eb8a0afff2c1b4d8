#include "cli/terminal_view.hpp"

#include "app/event_text.hpp"
#include "sim/vocabulary.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <sstream>

namespace holdspace::cli {
namespace {

std::string pad(const std::string& s) { return s + std::string(s.size() < 24 ? 24 - s.size() : 1, ' '); }

// One line wrapped: continuation lines indented by the line's own indent plus `hang`.
void wrap_line(std::ostringstream& out, const std::string& line, std::size_t width, std::size_t hang) {
    const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
    if (line.size() <= width || indent == line.size()) {
        out << line;
        return;
    }
    const std::string first_indent = line.substr(0, indent);
    std::size_t cont = indent + hang;
    if (cont + 10 > width) cont = std::min(indent, width / 2);
    const std::string next_indent(cont, ' ');
    std::istringstream words(line.substr(indent));
    std::string word, current = first_indent;
    bool empty = true;
    while (words >> word) {
        if (!empty && current.size() + 1 + word.size() > width) {
            out << current << "\n";
            current = next_indent;
            empty = true;
        }
        if (!empty) current += ' ';
        current += word;
        empty = false;
    }
    out << current;
}

// The short word shown for each action key in the key-hint line.
std::string key_word(const ActionInfo& a) {
    static const std::map<char, std::string> words = {{'h', "hold"},  {'v', "vitals"}, {'w', "water"},
                                                      {'b', "blanket"}, {'m', "music"}, {'e', "shades"},
                                                      {'t', "touch"}, {'c', "call"},   {'q', "end"}};
    const auto it = words.find(a.key);
    return it == words.end() ? std::string(a.name) : it->second;
}

}  // namespace

int terminal_columns() {
    winsize ws{};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        char* end = nullptr;
        const long n = std::strtol(columns, &end, 10);
        if (end != columns && *end == '\0' && n > 0 && n < 10000) return static_cast<int>(n);
    }
    return 80;
}

std::string wrap_text(const std::string& text, int width, int hang) {
    const auto w = static_cast<std::size_t>(std::max(width, 20));
    std::ostringstream out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t nl = text.find('\n', from);
        wrap_line(out, text.substr(from, nl == std::string::npos ? std::string::npos : nl - from), w,
                  static_cast<std::size_t>(std::max(hang, 0)));
        if (nl == std::string::npos) break;
        out << "\n";
        from = nl + 1;
    }
    return out.str();
}

std::string render_choice(const Choice& choice, int width, bool typed_only) {
    std::ostringstream out;
    if (!choice.prompt.empty()) out << wrap_text("  " + choice.prompt, width) << "\n";
    if (typed_only) out << wrap_text("  Say it in your own words, or act:", width) << "\n";
    for (std::size_t i = 0; i < choice.options.size() && !typed_only; ++i) {
        const Option& o = choice.options[i];
        const std::string number = "  " + std::to_string(i + 1) + ") ";
        const std::string text = o.text.empty() ? "(" + app::action_label(o.action) + ")" : o.text;
        // Continuation lines line up under the option's text.
        out << wrap_text(number + text, width, static_cast<int>(number.size()) - 2) << "\n";
    }
    std::string keys = " ";
    for (const auto& a : action_infos()) keys += " " + std::string(1, a.key) + "=" + key_word(a);
    keys += " ?=help";
    out << wrap_text(keys, std::min(width, 80), 1);
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
        << pad("  Ctrl-D") << "step away: the session stays open (holdspace resume goes on)\n";
    return out.str();
}

}  // namespace holdspace::cli
