// Text from outside: UTF-8 checks and repair, JSON that never throws, entry rules, CSV cells
// that no spreadsheet runs, the xAPI base IRI (issue 14: "one bad byte", "exports", "smaller").
#include "records/text.hpp"

#include <doctest/doctest.h>

using namespace holdspace;
using namespace holdspace::records;

TEST_CASE("UTF-8 is checked strictly and repaired visibly") {
    CHECK(valid_utf8(""));
    CHECK(valid_utf8("plain ascii"));
    CHECK(valid_utf8("Zoë, 日本, \xF0\x9F\x98\x80"));
    CHECK_FALSE(valid_utf8("\xff"));
    CHECK_FALSE(valid_utf8("ab\xc3"));            // truncated
    CHECK_FALSE(valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(valid_utf8("\xed\xa0\x80"));      // a surrogate
    CHECK_FALSE(valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
    CHECK(repair_utf8("a\xffz") == "a\xEF\xBF\xBDz");
    CHECK(repair_utf8("Zoë") == "Zoë");
}

TEST_CASE("JSON with invalid UTF-8 is written with U+FFFD instead of throwing") {
    const Json j = {{"trainee", "bad\xff\xfe"}, {"note", "ok"}};
    CHECK_THROWS(j.dump());  // what every .dump() did before
    std::string text;
    CHECK_NOTHROW(text = json_text(j));
    CHECK(text == "{\"trainee\":\"bad\xEF\xBF\xBD\xEF\xBF\xBD\",\"note\":\"ok\"}");
    CHECK(json_text(j, 2).find('\n') != std::string::npos);
    // Read back even when another tool wrote raw bytes into a stored JSON column.
    CHECK(parse_stored_json("[{\"say\":\"a\xff\"}]")[0]["say"] == "a\xEF\xBF\xBD");
    CHECK_THROWS_AS(parse_stored_json("{\"truly\": damaged"), Json::parse_error);
}

TEST_CASE("trainee ids, authors and notes are checked where they enter") {
    CHECK_FALSE(text_problem("trainee id", "ana-01", trainee_rule));
    CHECK_FALSE(text_problem("trainee id", "Zoë Müller", trainee_rule));
    CHECK(*text_problem("trainee id", "", trainee_rule) == "trainee id: must not be empty");
    CHECK(text_problem("trainee id", "   ", trainee_rule));
    CHECK(text_problem("trainee id", "bad\xff", trainee_rule)->find("not valid UTF-8 (byte 4)") != std::string::npos);
    CHECK(text_problem("trainee id", "a\x1b]0;x\x07", trainee_rule)->find("control character") != std::string::npos);
    CHECK(text_problem("trainee id", "a\nb", trainee_rule));
    CHECK(text_problem("trainee id", "a\xc2\x9b" "b", trainee_rule));  // C1 CSI
    CHECK(text_problem("trainee id", std::string(201, 'x'), trainee_rule)->find("too long") != std::string::npos);
    CHECK_FALSE(text_problem("trainee id", std::string(200, 'x'), trainee_rule));
    // Notes and reasons may run over lines, but not carry escapes or broken bytes.
    CHECK_FALSE(text_problem("note", "first line\nsecond\tline", note_rule));
    CHECK(text_problem("note", "x\x1b[2J", note_rule));
    CHECK(text_problem("note", "x\xe2\x82", note_rule));
}

TEST_CASE("CSV cells that a spreadsheet would run as formulas are neutralised (OWASP)") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("=cmd|' /C calc'!A0") == "\"'=cmd|' /C calc'!A0\"");
    CHECK(csv_cell("+1+1") == "\"'+1+1\"");
    CHECK(csv_cell("-2+3") == "\"'-2+3\"");
    CHECK(csv_cell("@SUM(A1)") == "\"'@SUM(A1)\"");
    CHECK(csv_cell("\t=1") == "\"'\t=1\"");
    CHECK(csv_cell("\r=1") == "\"'\r=1\"");
    CHECK(csv_cell("a=b") == "a=b");  // only the first character matters
    CHECK(csv_cell("") == "");
}

TEST_CASE("the xAPI base must be an absolute http(s) IRI") {
    CHECK_FALSE(xapi_base_problem("https://holdspace.example.org"));
    CHECK_FALSE(xapi_base_problem("http://127.0.0.1:8080/xapi"));
    CHECK_FALSE(xapi_base_problem("HTTPS://lrs.example.org/holdspace"));
    CHECK_FALSE(xapi_base_problem("https://例え.jp/holdspace"));
    CHECK(xapi_base_problem(""));
    CHECK(xapi_base_problem("holdspace"));
    CHECK(xapi_base_problem("lrs.example.org/xapi"));
    CHECK(xapi_base_problem("ftp://example.org"));
    CHECK(xapi_base_problem("https://"));
    CHECK(xapi_base_problem("https:///path"));
    CHECK(xapi_base_problem("https://exa mple.org"));
    CHECK(xapi_base_problem("https://example.org/?q=1"));
    CHECK(xapi_base_problem("https://example.org/#x"));
    CHECK(xapi_base_problem("https://example.org/\xff"));
    CHECK(xapi_base_problem("https://example.org/\x1b[2J"));
}
