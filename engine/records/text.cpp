#include "records/text.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace holdspace::records {
namespace {

// Length of the valid UTF-8 sequence at text[i], or 0 when it is not one.
std::size_t sequence_length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char c = byte(i);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c == 0xE0) n = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) n = 3;
    else if (c == 0xED) n = 3, hi = 0x9F;  // no surrogates
    else if (c >= 0xEE && c <= 0xEF) n = 3;
    else if (c == 0xF0) n = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) n = 4;
    else if (c == 0xF4) n = 4, hi = 0x8F;
    else return 0;
    if (i + n > text.size()) return 0;
    if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
    return n;
}

}  // namespace

bool valid_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

std::string repair_utf8(std::string_view text) {
    if (valid_utf8(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string escape_unprintable(std::string_view text, bool keep_lines) {
    std::string out;
    out.reserve(text.size());
    const auto escape = [&out](const char* format, unsigned value) {
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, format, value);
        out += buffer;
    };
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = sequence_length(text, i);
        const auto lead = static_cast<unsigned char>(text[i]);
        if (n == 0) {
            escape("\\x%02x", lead);
            ++i;
            continue;
        }
        unsigned code = n == 1 ? lead : n == 2 ? lead & 0x1Fu : n == 3 ? lead & 0x0Fu : lead & 0x07u;
        for (std::size_t k = 1; k < n; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        const bool line = code == '\n' || code == '\t';
        const bool hidden = (code < 0x20 && !(keep_lines && line)) || (code >= 0x7F && code <= 0x9F) ||
                            (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069) ||
                            code == 0x2028 || code == 0x2029;
        if (!hidden) out.append(text.substr(i, n));
        else if (code < 0x80) escape("\\x%02x", code);
        else escape("\\u%04x", code);
        i += n;
    }
    return out;
}

std::size_t incomplete_utf8_tail(std::string_view text) {
    // A lead byte at most three bytes from the end, followed only by continuation bytes, that asks for
    // more bytes than there are.
    for (std::size_t back = 1; back <= 3 && back <= text.size(); ++back) {
        const auto c = static_cast<unsigned char>(text[text.size() - back]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        const std::size_t want = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        return want > back ? back : 0;
    }
    return 0;
}

std::string json_text(const Json& j, int indent) {
    return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Json parse_stored_json(std::string_view text) {
    return Json::parse(repair_utf8(text));
}

std::optional<std::string> text_problem(std::string_view what, std::string_view value, const TextRule& rule) {
    const std::string name(what);
    if (value.empty()) {
        if (rule.allow_empty) return std::nullopt;
        return name + ": must not be empty";
    }
    if (value.size() > rule.max_bytes)
        return name + ": too long (" + std::to_string(value.size()) + " bytes; at most " + std::to_string(rule.max_bytes) + ")";
    for (std::size_t i = 0; i < value.size();) {
        const std::size_t n = sequence_length(value, i);
        if (n == 0) return name + ": not valid UTF-8 (byte " + std::to_string(i + 1) + ")";
        const auto c = static_cast<unsigned char>(value[i]);
        const bool c1 = n == 2 && c == 0xC2 && static_cast<unsigned char>(value[i + 1]) < 0xA0;  // U+0080-U+009F
        const bool allowed_space = rule.multiline && (c == '\n' || c == '\t');
        if (((c < 0x20 || c == 0x7F) && !allowed_space) || c1)
            return name + ": contains a control character (byte " + std::to_string(i + 1) + ")";
        i += n;
    }
    if (!rule.multiline && value.find_first_not_of(' ') == std::string_view::npos) return name + ": must not be blank";
    return std::nullopt;
}

std::string csv_cell(std::string_view text) {
    std::string cell(text);
    if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos) cell.insert(0, "'");
    const bool formula = cell.size() != text.size();
    if (!formula && cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace holdspace::records

namespace holdspace::records {

std::optional<std::string> xapi_base_problem(std::string_view base) {
    if (base.empty()) return "empty (an absolute http:// or https:// IRI is needed, e.g. https://lrs.example.org/holdspace)";
    if (!valid_utf8(base)) return "not valid UTF-8";
    for (const char c : base) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) return "contains a space or a control character";
        if (c == '?' || c == '#') return "has a query or fragment ('?' or '#'); paths are appended to it";
        if (c == '<' || c == '>' || c == '"' || c == '\\' || c == '{' || c == '}' || c == '|' || c == '^' || c == '`')
            return std::string("contains '") + c + "', which an IRI may not";
    }
    std::string lower;
    for (const char c : base.substr(0, 8)) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    std::size_t host_at = 0;
    if (lower.rfind("https://", 0) == 0) host_at = 8;
    else if (lower.rfind("http://", 0) == 0) host_at = 7;
    else return "not an absolute http:// or https:// IRI (e.g. https://lrs.example.org/holdspace)";
    const std::string_view rest = base.substr(host_at);
    const std::string_view authority = rest.substr(0, rest.find('/'));
    const std::string_view host = authority.substr(authority.rfind('@') == std::string_view::npos ? 0 : authority.rfind('@') + 1);
    if (host.empty() || host.front() == ':') return "has no host";
    return std::nullopt;
}

std::string utc_now() {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace holdspace::records
