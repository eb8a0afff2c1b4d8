#pragma once
// A client for a learning record store's xAPI 1.0.3 statements resource, over HTTP(S) with basic
// auth. The only code that talks to the network (through libcurl, which stays inside lrs_client.cpp).
//
// Everything an LRS answers is untrusted: a captive portal, a proxy or a broken server may answer
// anything. Replies are read up to a cap (LrsConfig::max_reply_bytes), JSON in them is parsed within
// bounded_json's limits, a 200 counts as delivery only when it is xAPI's acknowledgement (the ids
// sent, in order), and text from a reply is made printable before anyone shows it.
#include "sim/event.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace holdspace::records {

inline constexpr std::size_t lrs_max_reply_bytes = 1u << 20;  // 1 MiB: an acknowledgement of 1,000 ids is 40 kB

struct LrsConfig {
    std::string endpoint;  // the xAPI endpoint, e.g. https://lrs.example.org/xAPI (statements is appended)
    std::string user, password;
    long timeout_seconds = 30;  // for a whole request; connecting gets at most 10 s of it
    std::size_t max_reply_bytes = lrs_max_reply_bytes;  // a longer answer is not read further
};

struct LrsResponse {
    long status = 0;          // the HTTP status; 0 when no answer arrived
    std::string body;         // at most max_reply_bytes of it
    std::string transport_error;  // why no (whole) answer arrived (connection refused, timed out, too large...)
    double retry_after = -1;  // seconds, from a Retry-After header given in seconds; -1 without one
    bool too_large = false;   // the answer was longer than max_reply_bytes; reading stopped there

    bool ok() const { return status >= 200 && status < 300 && !too_large; }
    // Worth trying again later: no answer, a timeout, 429 Too Many Requests or a server error.
    bool transient() const {
        return (status == 0 && !too_large) || status == 408 || status == 429 || status >= 500;
    }
    // One line saying what went wrong: the transport error, or the status and the LRS's own message.
    // Safe to print: control characters are escaped, and it is at most a few hundred bytes.
    std::string describe() const;
};

// Where statements go: the LRS client, or an in-memory fake in tests (engine/records/outbox_sender).
class StatementSink {
public:
    virtual ~StatementSink() = default;
    // POST <endpoint>/statements with a JSON array of statements.
    virtual LrsResponse post_statements(const Json& statements) = 0;
    // GET <endpoint>/statements?statementId=ID: 200 with the statement, or 404.
    virtual LrsResponse get_statement(const std::string& id) = 0;
};

// Where pulled statements come from (holdspace pull): the LRS client, or a fake in tests.
class StatementSource {
public:
    virtual ~StatementSource() = default;
    // GET <endpoint>/statements?<query>; `query` is already percent-encoded (percent_encode).
    virtual LrsResponse query_statements(const std::string& query) = 0;
    // GET the `more` link of the page before: a path on the same server, as xAPI gives it (or the
    // same server's full URL). A link to anywhere else is not followed (status 0, transport_error
    // says why): the credentials go only where they were configured for.
    virtual LrsResponse more_statements(const std::string& more) = 0;
};

// RFC 3986 percent-encoding of everything but the unreserved characters, for query values.
std::string percent_encode(std::string_view text);

class LrsClient : public StatementSink, public StatementSource {
public:
    // Credentials written into the endpoint (http://user:pass@host/xAPI) are used when `config` has
    // none, and never shown: statements_url() is the endpoint without them.
    explicit LrsClient(LrsConfig config);
    ~LrsClient() override;
    LrsClient(const LrsClient&) = delete;
    LrsClient& operator=(const LrsClient&) = delete;

    LrsResponse post_statements(const Json& statements) override;
    LrsResponse get_statement(const std::string& id) override;
    LrsResponse query_statements(const std::string& query) override;
    LrsResponse more_statements(const std::string& more) override;

    const std::string& statements_url() const { return shown_url_; }

private:
    LrsResponse perform(const std::string& url, const std::string* body);

    LrsConfig config_;
    std::string statements_url_, shown_url_;
    struct Handle;
    std::unique_ptr<Handle> handle_;  // one connection, kept alive between requests
};

// A URL split into itself without credentials and the (percent-decoded) user and password it held:
// "http://u:p%40ss@host/x" → {"http://host/x", "u", "p@ss"}. Works on text that is not quite a URL
// too (no scheme), so that an error message about it never shows a password either.
struct UrlCredentials {
    std::string url, user, password;
    bool had_credentials = false;
};
UrlCredentials split_credentials(const std::string& url);

// Text from outside made safe for a terminal, on one line: newlines and tabs become spaces, other
// control characters (C0, DEL, C1, bidirectional overrides) and bytes that are not UTF-8 are written
// as visible escapes (\x1b, \u009b); longer than `limit` bytes, it is cut (at a character) and ends "...".
std::string printable(std::string_view text, std::size_t limit = 300);

// The LRS's error text in a response body: its "message", its "warnings", or the body itself, on one
// line, printable and shortened.
std::string lrs_message(const std::string& body);

// xAPI 1.0.3 (Communication 2.1.2, POST Statements): an LRS that stored the statements answers 200 with
// a JSON array of their ids, in the order sent. "" when `body` is exactly that for `ids` (UUIDs compared
// without regard to case), else why it is not, in a short printable phrase ("the answer is empty",
// "the answer is not JSON (syntax error at byte 1): <html>...", "3 ids for 5 statements"...).
std::string acknowledgement_problem(std::string_view body, const std::vector<std::string>& ids);
// The same for a whole response: only a 200, read whole, can acknowledge.
std::string acknowledgement_problem(const LrsResponse& response, const std::vector<std::string>& ids);

// What a GET ?statementId=ID answered with 200: "" when the body is a statement (a JSON object) with
// that id, else why not.
std::string statement_problem(std::string_view body, const std::string& id, Json& statement);

// xAPI's rule for a statement sent again under an id the LRS already has: the same statement is fine.
// True when every property `sent` carries is in `stored` with the same value (the LRS adds stored,
// authority and version, and may write a timestamp with more precision or another UTC offset).
bool same_statement(const Json& sent, const Json& stored);

}  // namespace holdspace::records
