// The LRS client's judgements: which failures are worth retrying, what the LRS said, and when a
// statement the LRS already holds is the one we sent (xAPI's rule for a 409 Conflict).
#include "records/lrs_client.hpp"

#include <doctest/doctest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace holdspace;

namespace {

Json statement() {
    return Json::parse(R"({
        "id": "6a1d7a10-3c1f-8e2b-9a55-0c1d2e3f4a5b",
        "actor": {"objectType": "Agent", "name": "t-017", "account": {"homePage": "https://h.example/trainees", "name": "t-017"}},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en-US": "completed"}},
        "object": {"objectType": "Activity", "id": "https://h.example/scenarios/a"},
        "result": {"score": {"scaled": 0.75, "raw": 75, "min": 0, "max": 100}, "success": true},
        "timestamp": "2026-11-22T01:53:28Z"
    })");
}

}  // namespace

TEST_CASE("a statement the LRS stored, with what it adds, is the same statement") {
    Json stored = statement();
    stored["stored"] = "2026-11-22T01:53:30.120Z";
    stored["authority"] = {{"objectType", "Agent"}, {"mbox", "mailto:client@example.org"}};
    stored["version"] = "1.0.0";
    stored["timestamp"] = "2026-11-22T02:53:28.000+01:00";  // the same instant, written otherwise
    stored["result"]["score"]["raw"] = 75.0;
    CHECK(records::same_statement(statement(), stored));

    SUBCASE("another result is another statement") {
        stored["result"]["score"]["raw"] = 74;
        CHECK_FALSE(records::same_statement(statement(), stored));
    }
    SUBCASE("another object is another statement") {
        stored["object"]["id"] = "https://other.example/scenarios/a";
        CHECK_FALSE(records::same_statement(statement(), stored));
    }
    SUBCASE("another instant is another statement") {
        stored["timestamp"] = "2026-11-22T01:53:28.001Z";
        CHECK_FALSE(records::same_statement(statement(), stored));
    }
    SUBCASE("a property we sent that the LRS lacks") {
        stored.erase("result");
        CHECK_FALSE(records::same_statement(statement(), stored));
    }
    SUBCASE("not a statement at all") {
        CHECK_FALSE(records::same_statement(statement(), Json::parse("[1, 2]")));
        CHECK_FALSE(records::same_statement(statement(), Json(nullptr)));
    }
}

TEST_CASE("what went wrong is said in one line, in the LRS's own words") {
    records::LrsResponse conflict;
    conflict.status = 409;
    conflict.body = R"({"errorId": "e1", "message": "6a1d is conflicting"})";
    CHECK(conflict.describe() == "HTTP 409: 6a1d is conflicting");
    CHECK_FALSE(conflict.transient());

    records::LrsResponse invalid;
    invalid.status = 400;
    invalid.body = R"({"warnings": ["Missing required value in 'statements.0.actor'", "Problem in 'statements.0.id'"]})";
    CHECK(invalid.describe() ==
          "HTTP 400: Missing required value in 'statements.0.actor'; Problem in 'statements.0.id'");

    records::LrsResponse html;
    html.status = 502;
    html.body = "<html>\n<body>Bad gateway</body>\n</html>\n";
    CHECK(html.describe() == "HTTP 502: <html> <body>Bad gateway</body> </html>");
    CHECK(html.transient());

    records::LrsResponse nobody;
    nobody.transport_error = "Failed to connect to 127.0.0.1 port 9: Connection refused";
    CHECK(nobody.describe() == nobody.transport_error);
    CHECK(nobody.transient());

    for (const long status : {408L, 429L, 500L, 503L}) {
        records::LrsResponse r;
        r.status = status;
        CHECK(r.transient());
    }
    for (const long status : {400L, 401L, 403L, 404L, 409L, 413L}) {
        records::LrsResponse r;
        r.status = status;
        CHECK_FALSE(r.transient());
    }
    CHECK(records::lrs_message(std::string(1000, 'x')).size() < 400);
}

TEST_CASE("an LRS that is not there: no answer, a transient failure, nothing thrown") {
    // A port that was just free: nothing listens there.
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    REQUIRE(::getsockname(s, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
    const int port = ntohs(addr.sin_port);
    ::close(s);

    records::LrsClient client({"http://127.0.0.1:" + std::to_string(port) + "/xAPI/", "u", "p", 5});
    CHECK(client.statements_url() == "http://127.0.0.1:" + std::to_string(port) + "/xAPI/statements");
    const auto r = client.post_statements(Json::array({statement()}));
    CHECK(r.status == 0);
    CHECK(r.transient());
    CHECK_FALSE(r.transport_error.empty());
}

TEST_CASE("an acknowledgement is the JSON array of exactly the ids sent, in order (xAPI 1.0.3)") {
    const std::vector<std::string> ids = {"6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", "7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c"};
    const std::string good = R"(["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", "7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c"])";
    CHECK(records::acknowledgement_problem(good, ids).empty());
    CHECK(records::acknowledgement_problem(" \n" + good + "\n", ids).empty());
    // UUIDs are the same whatever the case of their hex digits.
    CHECK(records::acknowledgement_problem(R"(["6A1D7A10-3C1F-4E2B-9A55-0C1D2E3F4A5B", "7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c"])", ids).empty());

    const std::vector<std::string> not_acks = {
        "", "   ", "[]", "null", "{}", "true", "\"6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b\"",
        "<html><body>Welcome to Hotel WiFi</body></html>",
        R"(["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b"])",                                              // fewer
        R"(["7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c", "6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b"])",     // reordered
        R"(["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", "7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c", "x"])",  // more
        R"(["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", "00000000-0000-4000-8000-000000000000"])",     // another
        R"(["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", null])", "[1, 2]",
        R"({"ids": ["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", "7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c"]})",
        R"(["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b", "7b2e8b21-4d20-4f3c-8b66-)",                   // truncated
        R"([["6a1d7a10-3c1f-4e2b-9a55-0c1d2e3f4a5b"], ["7b2e8b21-4d20-4f3c-8b66-1d2e3f4a5b6c"]])",
        std::string(100000, '[') + std::string(100000, ']'),
        good + good,
    };
    for (const auto& body : not_acks) {
        CAPTURE(body.substr(0, 120));
        const std::string problem = records::acknowledgement_problem(body, ids);
        CHECK_FALSE(problem.empty());
        CHECK(problem.size() < 400);
    }
    CHECK(records::acknowledgement_problem(std::string(100000, '[') + std::string(100000, ']'), ids)
              .find("nested deeper than 64 levels") != std::string::npos);

    // A whole response: only a 200 read whole acknowledges.
    records::LrsResponse r;
    r.status = 200;
    r.body = good;
    CHECK(records::acknowledgement_problem(r, ids).empty());
    r.status = 201;
    CHECK(records::acknowledgement_problem(r, ids) == "HTTP 201 is not xAPI's acknowledgement (200 with the ids stored): " +
                                                          records::printable(good, 80));
    r.status = 200;
    r.too_large = true;
    r.transport_error = "the answer is longer than 1048576 bytes; not read further";
    CHECK(records::acknowledgement_problem(r, ids) == "HTTP 200: the answer is longer than 1048576 bytes; not read further");
    CHECK_FALSE(r.ok());
    CHECK_FALSE(r.transient());
}

TEST_CASE("a GET's answer is the statement asked for, or no evidence") {
    Json got;
    CHECK(records::statement_problem(statement().dump(), "6a1d7a10-3c1f-8e2b-9a55-0c1d2e3f4a5b", got).empty());
    CHECK(got == statement());
    for (const std::string& body : {std::string("<html>login</html>"), std::string(""), std::string("[]"),
                                   std::string(R"({"id": "someone-else"})"), std::string(R"({"statements": []})"),
                                   std::string(5000, '{')}) {
        CAPTURE(body.substr(0, 40));
        CHECK_FALSE(records::statement_problem(body, "6a1d7a10-3c1f-8e2b-9a55-0c1d2e3f4a5b", got).empty());
    }
}

TEST_CASE("what an LRS says reaches the terminal printable: no control characters, no escape sequences") {
    CHECK(records::printable("plain text") == "plain text");
    CHECK(records::printable("two\nlines\r\n\tand a tab") == "two lines   and a tab");
    CHECK(records::printable("\x1b]52;c;cHduZWQ=\x07\x1b[2Jgone") == "\\x1b]52;c;cHduZWQ=\\x07\\x1b[2Jgone");
    CHECK(records::printable("del\x7f") == "del\\x7f");
    CHECK(records::printable("c1 \xc2\x9b" "31m") == "c1 \\u009b31m");  // CSI as a C1 control
    CHECK(records::printable("bidi \xe2\x80\xae" "txt") == "bidi \\u202etxt");
    CHECK(records::printable("caf\xc3\xa9 \xe2\x9c\x93") == "caf\xc3\xa9 \xe2\x9c\x93");  // UTF-8 stays
    CHECK(records::printable("bad \xff\xc3(") == "bad \\xff\\xc3(");
    CHECK(records::printable("overlong \xc0\xaf") == "overlong \\xc0\\xaf");
    CHECK(records::printable(std::string(1000, 'x')).size() == 303);
    CHECK(records::printable(std::string(1000, 'x'), 10) == "xxxxxxxxxx...");

    records::LrsResponse portal;
    portal.status = 403;
    portal.body = "<title>\x1b]0;pwned\x07</title>\n";
    CHECK(portal.describe() == "HTTP 403: <title>\\x1b]0;pwned\\x07</title>");
    records::LrsResponse message;
    message.status = 400;
    message.body = "{\"message\": \"bad \\u001b[31mred\"}";
    CHECK(message.describe() == "HTTP 400: bad \\x1b[31mred");
    // Deep JSON in an error body is shown as text, not parsed into a stack overflow.
    records::LrsResponse deep;
    deep.status = 500;
    deep.body = std::string(200000, '[');
    CHECK(deep.describe().size() < 400);
}

TEST_CASE("credentials written into the LRS URL are used, never shown") {
    auto split = records::split_credentials("http://key:s%40cret@lrs.example.org:8080/xAPI");
    CHECK(split.url == "http://lrs.example.org:8080/xAPI");
    CHECK(split.user == "key");
    CHECK(split.password == "s@cret");
    CHECK(split.had_credentials);
    split = records::split_credentials("https://lrs.example.org/xAPI?next=a@b");
    CHECK(split.url == "https://lrs.example.org/xAPI?next=a@b");
    CHECK_FALSE(split.had_credentials);
    split = records::split_credentials("user:pw@lrs.example.org/xAPI");  // no scheme: still not shown
    CHECK(split.url == "lrs.example.org/xAPI");
    CHECK(split.password == "pw");
    split = records::split_credentials("http://a:b:c@d@host/x");
    CHECK(split.url == "http://host/x");
    CHECK(split.password == "b:c@d");

    records::LrsClient client({"http://key:secret@127.0.0.1:9/xAPI", "", "", 1});
    CHECK(client.statements_url() == "http://127.0.0.1:9/xAPI/statements");
    const auto r = client.post_statements(Json::array({statement()}));
    CHECK(r.describe().find("secret") == std::string::npos);
}
