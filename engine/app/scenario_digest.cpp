#include "app/scenario_digest.hpp"

#include "records/session_record.hpp"
#include "script/lua_scenario.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace holdspace::app {
namespace {

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::size_t skip_space(std::string_view s, std::size_t i) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    return i;
}

}  // namespace

std::vector<std::string> required_names(std::string_view source) {
    std::vector<std::string> names;
    constexpr std::string_view word = "require";
    for (std::size_t at = source.find(word); at != std::string_view::npos; at = source.find(word, at + 1)) {
        // A call of the global: not part of a longer name, a field (x.require) or a method (x:require).
        if (at > 0 && (identifier_char(source[at - 1]) || source[at - 1] == '.' || source[at - 1] == ':')) continue;
        std::size_t i = skip_space(source, at + word.size());
        if (i < source.size() && source[i] == '(') i = skip_space(source, i + 1);
        if (i >= source.size() || (source[i] != '"' && source[i] != '\'')) continue;
        const char quote = source[i];
        const std::size_t start = i + 1;
        std::size_t end = start;
        while (end < source.size() && identifier_char(source[end])) ++end;
        if (end == start || end >= source.size() || source[end] != quote) continue;
        std::string name(source.substr(start, end - start));
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(std::move(name));
    }
    return names;
}

std::string scenario_digest(const std::string& source, const std::string& path) {
    const auto find = script::pack_module_finder(path);
    std::string material = source;
    std::set<std::string> seen;
    std::vector<std::string> pending = required_names(source);
    bool any = false;
    for (std::size_t k = 0; k < pending.size(); ++k) {
        const std::string name = pending[k];
        if (!seen.insert(name).second) continue;
        std::string looked;
        const auto module = find(name, looked);
        if (!module) continue;  // loading the scenario reports it; the digest covers what exists
        any = true;
        material += std::string("\n\0module ", 9) + name + std::string(1, '\0') + module->source;
        for (auto& more : required_names(module->source)) pending.push_back(std::move(more));
    }
    return records::digest(any ? material : source);
}

}  // namespace holdspace::app
