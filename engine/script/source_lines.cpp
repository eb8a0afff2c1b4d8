#include "script/source_lines.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace holdspace::script {
namespace {

int line_at(const std::string& source, std::size_t at) {
    return 1 + static_cast<int>(std::count(source.begin(), source.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::optional<int> field_line(const std::string& source, const std::string& name) {
    if (name.empty() || !std::all_of(name.begin(), name.end(), ident_char)) return std::nullopt;
    for (std::size_t at = source.find(name); at != std::string::npos; at = source.find(name, at + 1)) {
        if (at > 0 && ident_char(source[at - 1])) continue;
        std::size_t i = at + name.size();
        if (i < source.size() && ident_char(source[i])) continue;
        while (i < source.size() && (source[i] == ' ' || source[i] == '\t')) ++i;
        if (i < source.size() && source[i] == '=' && (i + 1 == source.size() || source[i + 1] != '='))
            return line_at(source, at);
    }
    return std::nullopt;
}

int last_return_line(const std::string& source) {
    const auto ret = source.rfind("return");
    return line_at(source, ret == std::string::npos ? 0 : ret);
}

}  // namespace

int line_of_field(const std::string& source, const std::string& name) {
    return field_line(source, name).value_or(last_return_line(source));
}

int line_of(const std::string& source, const std::string& needle) {
    if (auto line = field_line(source, needle)) return *line;
    if (!needle.empty()) {
        for (const std::string& text : {"\"" + needle + "\"", needle}) {
            const auto at = source.find(text);
            if (at != std::string::npos) return line_at(source, at);
        }
    }
    return last_return_line(source);
}

}  // namespace holdspace::script
