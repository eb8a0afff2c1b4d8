// Fuzzes what a learning record store answers (engine/records/lrs_client, bounded_json): a reply to
// POST /statements is an acknowledgement only when it is the JSON array of exactly the ids sent, in
// order; a reply to GET ?statementId= is evidence only when it is that statement; JSON deeper than 64
// levels is refused before nlohmann's parser (or a recursive copy, comparison or dump) sees it; and
// whatever the reply, the text shown about it is printable. Never a crash, a sanitizer report or an
// exception.
#include "records/bounded_json.hpp"
#include "records/lrs_client.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

using namespace holdspace;

namespace {

bool printable_text(const std::string& text) {
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7f) return false;
    }
    // No C1 control (U+0080..U+009F, encoded C2 80..C2 9F) either.
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (static_cast<unsigned char>(text[i]) == 0xc2 && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9f)
            return false;
    return true;
}

void require(bool condition) {
    if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    static const std::vector<std::string> ids = {"6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b",
                                                 "7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c",
                                                 "00000000-0000-4000-8000-000000000002"};

    // The acknowledgement of one, two and three statements.
    for (std::size_t n = 1; n <= ids.size(); ++n) {
        const std::vector<std::string> sent(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n));
        const std::string problem = records::acknowledgement_problem(body, sent);
        require(printable_text(problem));
        if (problem.empty()) {
            // Accepted: then it really is those ids, in order.
            const Json answer = records::parse_bounded(body);
            require(answer.is_array() && answer.size() == n);
            for (std::size_t k = 0; k < n; ++k) require(answer[k].is_string());
        }
    }

    // The depth limit: refused above 64, and what is parsed is never deeper.
    try {
        const Json value = records::parse_bounded(body);
        require(records::json_nesting(body, 1000) <= records::json_max_depth);
        (void)value.dump();  // recursive: safe because the depth is bounded
        const Json copy = value;
        require(copy == value);
    } catch (const records::BoundedJsonError&) {
    }

    // The 409 path's GET: only the statement asked for is evidence; the comparison never recurses deeply.
    Json stored;
    const std::string problem = records::statement_problem(body, ids[0], stored);
    require(printable_text(problem));
    if (problem.empty()) {
        require(stored.is_object());
        (void)records::same_statement(Json{{"id", ids[0]}, {"verb", {{"id", "v"}}}}, stored);
        (void)records::same_statement(stored, stored);
    }

    // What the user is told about any answer.
    records::LrsResponse response;
    response.status = 200 + static_cast<long>(size % 400);
    response.body.assign(body);
    require(printable_text(response.describe()));
    require(printable_text(records::lrs_message(response.body)));
    require(printable_text(records::printable(body)));
    return 0;
}
