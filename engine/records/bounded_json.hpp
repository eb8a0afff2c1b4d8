#pragma once
// JSON from outside (session records, a learning record store's answers) parsed within limits: its size
// and how deeply arrays and objects nest. nlohmann's parser keeps no depth limit, and copying, comparing
// or printing a value recurses once per level, so a reply of a million '[' would exhaust the stack.
// Both limits are checked before the parser runs (one pass over the bytes, no recursion).
#include "sim/event.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace holdspace::records {

inline constexpr std::size_t json_max_depth = 64;

struct BoundedJsonError : std::runtime_error {
    enum class Kind { too_large, too_deep, syntax };
    BoundedJsonError(Kind k, const std::string& what) : std::runtime_error(what), kind(k) {}
    Kind kind;
};

// Parses `text` as one JSON value. Throws BoundedJsonError, whose message never quotes the text:
// "larger than N bytes", "nested deeper than N levels", or "not JSON (syntax error at byte N)" (a
// number too large to hold counts as a syntax error too).
Json parse_bounded(std::string_view text, std::size_t max_depth = json_max_depth, std::size_t max_bytes = 1u << 20);

// How deeply arrays and objects nest in `text` (brackets inside strings do not count). For text that
// is not JSON the count is what the brackets say; the parser rejects such text anyway.
std::size_t json_nesting(std::string_view text, std::size_t stop_after);

}  // namespace holdspace::records
