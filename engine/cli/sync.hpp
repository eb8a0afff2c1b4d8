#pragma once
// `holdspace sync`: sends the record store's xAPI statements to a learning record store. Statements
// wait in the store's outbox until the LRS has acknowledged them, so work done offline is sent later
// and nothing is sent twice.
#include "records/store.hpp"

#include <string>

namespace holdspace::cli {

struct SyncOptions {
    std::string lrs;       // the xAPI endpoint; statements go to <lrs>/statements
    std::string user, password;  // basic auth; the password may come from $HOLDSPACE_LRS_PASSWORD
    std::string data_dir;  // the store's folder
    std::string base;      // xAPI IRI prefix for statements queued now (default: app::xapi_base())
    int batch = 50;        // statements per request
    int retries = 3;       // further tries of a request that failed transiently
    long timeout = 30;     // seconds per request
    bool dry_run = false;  // queue and show what would be sent, without contacting the LRS
    bool status = false;   // show the outbox's counts and errors
    bool json = false;
    std::string set_aside, reason;  // set this statement aside (not sent, kept) for this reason
    std::string requeue;            // put a statement set aside back in the queue
};
int sync(const SyncOptions& options);

// Where an LRS is and who we are to it, from --lrs, --user and --password (else
// $HOLDSPACE_LRS_PASSWORD, else credentials written into the URL, which are used and never shown).
struct LrsLogin {
    std::string url;    // the endpoint without credentials
    std::string shown;  // the same, printable
    std::string user, password;
    std::string problem;  // why it cannot be used: not http(s), no user, no password; empty when it can
};
LrsLogin lrs_login(const std::string& lrs, const std::string& user, const std::string& password);


}  // namespace holdspace::cli
