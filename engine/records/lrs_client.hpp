#pragma once
// A client for a learning record store's xAPI 1.0.3 statements resource, over HTTP(S) with basic
// auth. The only code that talks to the network (through libcurl, which stays inside lrs_client.cpp).
#include "sim/event.hpp"

#include <memory>
#include <string>

namespace holdspace::records {

struct LrsConfig {
    std::string endpoint;  // the xAPI endpoint, e.g. https://lrs.example.org/xAPI (statements is appended)
    std::string user, password;
    long timeout_seconds = 30;  // for a whole request; connecting gets at most 10 s of it
};

struct LrsResponse {
    long status = 0;          // the HTTP status; 0 when no answer arrived
    std::string body;
    std::string transport_error;  // why no answer arrived (connection refused, timed out...)
    double retry_after = -1;  // seconds, from a Retry-After header given in seconds; -1 without one

    bool ok() const { return status >= 200 && status < 300; }
    // Worth trying again later: no answer, a timeout, 429 Too Many Requests or a server error.
    bool transient() const { return status == 0 || status == 408 || status == 429 || status >= 500; }
    // One line saying what went wrong: the transport error, or the status and the LRS's own message.
    std::string describe() const;
};

class LrsClient {
public:
    explicit LrsClient(LrsConfig config);
    ~LrsClient();
    LrsClient(const LrsClient&) = delete;
    LrsClient& operator=(const LrsClient&) = delete;

    // POST <endpoint>/statements with a JSON array of statements.
    LrsResponse post_statements(const Json& statements);
    // GET <endpoint>/statements?statementId=ID: 200 with the statement, or 404.
    LrsResponse get_statement(const std::string& id);

    const std::string& statements_url() const { return statements_url_; }

private:
    LrsResponse perform(const std::string& url, const std::string* body);

    LrsConfig config_;
    std::string statements_url_;
    struct Handle;
    std::unique_ptr<Handle> handle_;  // one connection, kept alive between requests
};

// The LRS's error text in a response body: its "message", its "warnings", or the body itself, on one
// line and shortened.
std::string lrs_message(const std::string& body);

// xAPI's rule for a statement sent again under an id the LRS already has: the same statement is fine.
// True when every property `sent` carries is in `stored` with the same value (the LRS adds stored,
// authority and version, and may write a timestamp with more precision or another UTC offset).
bool same_statement(const Json& sent, const Json& stored);

}  // namespace holdspace::records
