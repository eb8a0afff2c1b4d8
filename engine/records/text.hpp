#pragma once
// Text from outside (trainee ids, supervisors' notes and reasons, scenario fields, rows written by
// other versions or other tools) on its way in and out of the record store:
//  - checked where it enters (check_text: valid UTF-8, no control characters, a length limit),
//  - written as JSON that never throws (json_text: invalid UTF-8 becomes U+FFFD, visibly),
//  - read back from a column even when its bytes are not UTF-8 (repair_utf8 before parsing),
//  - exported to CSV without formula injection (csv_cell, as OWASP recommends).
// One bad byte in one record must never make the store unreadable or a command abort.
#include "sim/event.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace holdspace::records {

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool valid_utf8(std::string_view text);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD (valid text comes back unchanged).
std::string repair_utf8(std::string_view text);

// How `text` may be shown on a terminal or in a one-line message: printable UTF-8 as it is; C0
// control characters (but newline and tab when `keep_lines`), DEL, C1 controls, the bidirectional
// overrides and isolates, the line and paragraph separators, and bytes that are not UTF-8 written as
// visible escapes (\x1b, \u0085, \u202e, \xff). The one place Holdspace decides what is printable.
std::string escape_unprintable(std::string_view text, bool keep_lines = true);

// How many bytes at the end of `text` are the start of a UTF-8 sequence that more bytes may complete
// (0 when it ends on a whole character): what a stream filter holds back until the next write.
std::size_t incomplete_utf8_tail(std::string_view text);

// The JSON text of `j` (indent < 0: one line). Never throws on invalid UTF-8 in a string: such bytes
// are written as U+FFFD. Every JSON that Holdspace prints, stores or sends goes through this.
std::string json_text(const Json& j, int indent = -1);

// Now, UTC, ISO 8601 to the second ("2026-12-03T08:00:00Z"): when records were made (the wall clock
// never enters a session).
std::string utc_now();

// Parses JSON read from the store or a file; invalid UTF-8 inside it (a row written by another tool)
// is repaired to U+FFFD first, so only JSON that is truly damaged fails (Json::parse_error).
Json parse_stored_json(std::string_view text);

// What may be written as a label (a trainee id, an author) or a longer text (a note, a reason).
struct TextRule {
    std::size_t max_bytes = 200;
    bool multiline = false;  // newlines and tabs allowed (notes, reasons)
    bool allow_empty = false;
};
constexpr TextRule trainee_rule{200, false, false};
constexpr TextRule author_rule{200, false, false};
constexpr TextRule note_rule{20000, true, false};

// Why `value` is not acceptable as `what` under `rule` ("trainee id: not valid UTF-8 (byte 3)"),
// or nullopt when it is.
std::optional<std::string> text_problem(std::string_view what, std::string_view value, const TextRule& rule);

// One CSV cell: quoted when it holds a comma, quote or line break; a cell that a spreadsheet would
// read as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a leading ' and is
// quoted (OWASP, "CSV Injection"). Numbers Holdspace writes itself do not pass through here.
std::string csv_cell(std::string_view text);

}  // namespace holdspace::records

namespace holdspace::records {

// Why `base` cannot prefix xAPI IRIs (activities, accounts, extensions), or nullopt: it must be an
// absolute http:// or https:// IRI with a host, valid UTF-8, without spaces, control characters,
// a query or a fragment (paths are appended to it). An LRS rejects every statement otherwise.
std::optional<std::string> xapi_base_problem(std::string_view base);

}  // namespace holdspace::records
