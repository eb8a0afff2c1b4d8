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
