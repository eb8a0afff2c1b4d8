#include "records/bounded_json.hpp"

namespace holdspace::records {

std::size_t json_nesting(std::string_view text, std::size_t stop_after) {
    std::size_t depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest) deepest = depth;
            if (deepest > stop_after) return deepest;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

Json parse_bounded(std::string_view text, std::size_t max_depth, std::size_t max_bytes) {
    using Kind = BoundedJsonError::Kind;
    if (text.size() > max_bytes)
        throw BoundedJsonError(Kind::too_large, "larger than " + std::to_string(max_bytes) + " bytes");
    if (json_nesting(text, max_depth) > max_depth)
        throw BoundedJsonError(Kind::too_deep, "nested deeper than " + std::to_string(max_depth) + " levels");
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::parse_error& e) {
        throw BoundedJsonError(Kind::syntax, "not JSON (syntax error at byte " + std::to_string(e.byte) + ")");
    } catch (const Json::exception&) {  // out_of_range: a number too large to hold
        throw BoundedJsonError(Kind::syntax, "not JSON (a number out of range)");
    }
}

}  // namespace holdspace::records
