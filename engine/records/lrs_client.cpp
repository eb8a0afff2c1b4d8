#include "records/lrs_client.hpp"

#include "records/bounded_json.hpp"
#include "records/text.hpp"

#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <stdexcept>

namespace holdspace::records {
namespace {

// libcurl is loaded the first time a record store is reached, not when the program starts. Linked,
// it and the TLS, LDAP and Kerberos libraries it brings (thirty of them) cost every start of every
// command 12 ms, and most commands never sync (docs/performance.md, issue 19's sixth round).
// The functions used, named once: each is curl_<name> in libcurl and Curl::<name> here.
#define HOLDSPACE_CURL_FUNCTIONS(X)                                                                   \
    X(global_init) X(easy_init) X(easy_cleanup) X(easy_reset) X(easy_setopt) X(easy_perform)        \
    X(easy_getinfo) X(easy_strerror) X(easy_escape) X(free) X(slist_append) X(slist_free_all)
struct Curl {
#define HOLDSPACE_CURL_MEMBER(name) decltype(&curl_##name) name;
    HOLDSPACE_CURL_FUNCTIONS(HOLDSPACE_CURL_MEMBER)
#undef HOLDSPACE_CURL_MEMBER
};

template <typename Function>
void find(void* library, const char* name, Function& out) {
    out = reinterpret_cast<Function>(dlsym(library, name));
    if (!out) throw std::runtime_error(std::string("the libcurl found has no ") + name);
}

Curl load_curl() {
    void* library = nullptr;
    for (const char* name : {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"})
        if ((library = dlopen(name, RTLD_NOW | RTLD_LOCAL))) break;
    if (!library)
        throw std::runtime_error("cannot load libcurl (libcurl.so.4), which reaching a record store needs; "
                                 "tools/setup installs it");
    Curl curl{};
#define HOLDSPACE_CURL_FIND(name) find(library, "curl_" #name, curl.name);
    HOLDSPACE_CURL_FUNCTIONS(HOLDSPACE_CURL_FIND)
#undef HOLDSPACE_CURL_FIND
    if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("cannot initialise libcurl");
    return curl;
}
#undef HOLDSPACE_CURL_FUNCTIONS

// Loaded and initialised once, by whichever thread first asks; a failure is thrown again to the next.
const Curl& curl() {
    static const Curl loaded = load_curl();
    return loaded;
}

// The answer's body, up to a cap: a longer one ends the transfer (libcurl reports a write error).
struct BodySink {
    std::string* body;
    std::size_t cap;
    bool too_large = false;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
    auto& sink = *static_cast<BodySink*>(out);
    const std::size_t n = size * count;
    if (n > sink.cap - sink.body->size()) {
        sink.too_large = true;
        return 0;
    }
    sink.body->append(data, n);
    return n;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            const int hi = hex_value(text[i + 1]), lo = hex_value(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

bool same_id(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

std::size_t read_retry_after(char* data, std::size_t size, std::size_t count, void* out) {
    const std::string line(data, size * count);
    constexpr const char* name = "retry-after:";
    if (line.size() > 12) {
        std::string head = line.substr(0, 12);
        for (auto& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (head == name) {
            // Only the delta-seconds form; an HTTP date leaves the caller's own backoff in charge.
            double seconds = -1;
            if (std::sscanf(line.c_str() + 12, " %lf", &seconds) == 1 && seconds >= 0) *static_cast<double*>(out) = seconds;
        }
    }
    return size * count;
}


// Milliseconds since 1970 for an ISO 8601 date-time (as xAPI timestamps are), or nothing.
std::optional<long long> instant_ms(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, consumed = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6) return std::nullopt;
    std::size_t at = static_cast<std::size_t>(consumed);
    long long ms = 0;
    if (at < text.size() && text[at] == '.') {
        int digits = 0;
        for (++at; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])); ++at, ++digits)
            if (digits < 3) ms = ms * 10 + (text[at] - '0');
        for (; digits < 3; ++digits) ms *= 10;
    }
    long long offset_minutes = 0;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int oh = 0, om = 0;
        const std::string rest = text.substr(at + 1);
        if (std::sscanf(rest.c_str(), "%2d:%2d", &oh, &om) < 1 && std::sscanf(rest.c_str(), "%2d%2d", &oh, &om) < 1)
            return std::nullopt;
        offset_minutes = (text[at] == '-' ? -1 : 1) * (oh * 60LL + om);
    } else if (at < text.size() && text[at] != 'Z') {
        return std::nullopt;
    }
    // Days from the civil date (Howard Hinnant's algorithm).
    y -= mo <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153LL * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    const long long days = era * 146097 + doe - 719468;
    return ((days * 86400 + h * 3600LL + mi * 60LL + s) - offset_minutes * 60) * 1000 + ms;
}

bool same_value(const std::string& key, const Json& sent, const Json& stored) {
    if (key == "timestamp" && sent.is_string() && stored.is_string()) {
        const auto a = instant_ms(sent.get<std::string>()), b = instant_ms(stored.get<std::string>());
        if (a && b) return *a == *b;
    }
    if (sent.is_object()) {
        if (!stored.is_object()) return false;
        for (const auto& [k, v] : sent.items())
            if (!stored.contains(k) || !same_value(k, v, stored.at(k))) return false;
        return true;
    }
    if (sent.is_array()) {
        if (!stored.is_array() || sent.size() != stored.size()) return false;
        for (std::size_t i = 0; i < sent.size(); ++i)
            if (!same_value(key, sent[i], stored[i])) return false;
        return true;
    }
    if (sent.is_number() && stored.is_number()) return sent.get<double>() == stored.get<double>();
    return sent == stored;
}

}  // namespace

struct LrsClient::Handle {
    CURL* curl = nullptr;
    ~Handle() {
        if (curl) records::curl().easy_cleanup(curl);
    }
};

LrsClient::LrsClient(LrsConfig config) : config_(std::move(config)), handle_(std::make_unique<Handle>()) {
    const Curl& lib = curl();
    const auto split = split_credentials(config_.endpoint);
    if (config_.user.empty()) config_.user = split.user;
    if (config_.password.empty()) config_.password = split.password;
    std::string endpoint = split.url;
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    statements_url_ = endpoint + "/statements";
    shown_url_ = printable(statements_url_, 2000);
    handle_->curl = lib.easy_init();
    if (!handle_->curl) throw std::runtime_error("cannot initialise libcurl");
}

LrsClient::~LrsClient() = default;

LrsResponse LrsClient::post_statements(const Json& statements) {
    const std::string body = json_text(statements);
    return perform(statements_url_, &body);
}

LrsResponse LrsClient::get_statement(const std::string& id) {
    char* escaped = curl().easy_escape(handle_->curl, id.c_str(), static_cast<int>(id.size()));
    const std::string url = statements_url_ + "?statementId=" + (escaped ? escaped : id);
    curl().free(escaped);
    return perform(url, nullptr);
}

LrsResponse LrsClient::query_statements(const std::string& query) {
    return perform(statements_url_ + (query.empty() ? "" : "?" + query), nullptr);
}

LrsResponse LrsClient::more_statements(const std::string& more) {
    // The server's origin: scheme://authority of the statements URL.
    const std::size_t scheme = statements_url_.find("://");
    const std::size_t path = scheme == std::string::npos ? std::string::npos : statements_url_.find('/', scheme + 3);
    const std::string origin = path == std::string::npos ? statements_url_ : statements_url_.substr(0, path);
    std::string url;
    if (!more.empty() && more[0] == '/' && (more.size() < 2 || more[1] != '/')) url = origin + more;
    else if (more.rfind(origin + "/", 0) == 0) url = more;
    LrsResponse refused;
    if (url.empty() || more.find_first_of(" \r\n\t") != std::string::npos) {
        refused.transport_error = "the LRS's 'more' link does not lead back to it: " + printable(more, 200);
        return refused;
    }
    return perform(url, nullptr);
}

std::string percent_encode(std::string_view text) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

LrsResponse LrsClient::perform(const std::string& url, const std::string* body) {
    const Curl& lib = curl();
    CURL* handle = handle_->curl;
    lib.easy_reset(handle);  // keeps the connection, clears the previous request's options
    LrsResponse response;
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    headers = lib.slist_append(headers, "X-Experience-API-Version: 1.0.3");
    headers = lib.slist_append(headers, "Accept: application/json");
    if (body) headers = lib.slist_append(headers, "Content-Type: application/json");

    lib.easy_setopt(handle, CURLOPT_URL, url.c_str());
    lib.easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    lib.easy_setopt(handle, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    lib.easy_setopt(handle, CURLOPT_USERNAME, config_.user.c_str());
    lib.easy_setopt(handle, CURLOPT_PASSWORD, config_.password.c_str());
    lib.easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    lib.easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    lib.easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, std::min(10L, config_.timeout_seconds));
    lib.easy_setopt(handle, CURLOPT_TIMEOUT, config_.timeout_seconds);
    lib.easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
    BodySink sink{&response.body, config_.max_reply_bytes};
    lib.easy_setopt(handle, CURLOPT_WRITEFUNCTION, append_body);
    lib.easy_setopt(handle, CURLOPT_WRITEDATA, &sink);
    lib.easy_setopt(handle, CURLOPT_HEADERFUNCTION, read_retry_after);
    lib.easy_setopt(handle, CURLOPT_HEADERDATA, &response.retry_after);
    if (body) {
        lib.easy_setopt(handle, CURLOPT_POST, 1L);
        lib.easy_setopt(handle, CURLOPT_POSTFIELDS, body->data());
        lib.easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }

    const CURLcode code = lib.easy_perform(handle);
    lib.slist_free_all(headers);
    if (sink.too_large) {
        // Whatever it says, an answer this long is not one an LRS gives; the rest is not read.
        lib.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
        response.too_large = true;
        response.transport_error = "the answer is longer than " + std::to_string(config_.max_reply_bytes) +
                                   " bytes; not read further";
        return response;
    }
    if (code != CURLE_OK) {
        response.transport_error = printable(error[0] ? error : lib.easy_strerror(code));
        response.status = 0;
        return response;
    }
    lib.easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::string LrsResponse::describe() const {
    if (too_large) return "HTTP " + std::to_string(status) + ": " + transport_error;
    if (status == 0) return transport_error.empty() ? "no answer" : transport_error;
    std::string text = "HTTP " + std::to_string(status);
    const std::string message = lrs_message(body);
    if (!message.empty()) text += ": " + message;
    return text;
}

std::string lrs_message(const std::string& body) {
    Json parsed;
    try {
        parsed = parse_bounded(body, json_max_depth, lrs_max_reply_bytes);
    } catch (const BoundedJsonError&) {
        // Not JSON, or not JSON worth parsing: the body itself, printable, says what it is.
    }
    if (parsed.is_object()) {
        std::string text;
        if (parsed.contains("message") && parsed["message"].is_string()) text = parsed["message"].get<std::string>();
        if (parsed.contains("warnings") && parsed["warnings"].is_array())
            for (const auto& w : parsed["warnings"]) text += (text.empty() ? "" : "; ") + (w.is_string() ? w.get<std::string>() : w.dump(-1, ' ', false, Json::error_handler_t::replace));
        if (!text.empty()) return printable(text);
    }
    return printable(body);
}

UrlCredentials split_credentials(const std::string& url) {
    UrlCredentials out;
    const std::size_t scheme = url.find("://");
    const std::size_t start = scheme == std::string::npos ? 0 : scheme + 3;
    const std::size_t end = std::min(url.find_first_of("/?#", start), url.size());
    const std::size_t at = url.rfind('@', end == 0 ? 0 : end - 1);
    if (at == std::string::npos || at < start) {
        out.url = url;
        return out;
    }
    const std::string userinfo = url.substr(start, at - start);
    const std::size_t colon = userinfo.find(':');
    out.user = percent_decode(userinfo.substr(0, colon));
    if (colon != std::string::npos) out.password = percent_decode(userinfo.substr(colon + 1));
    out.url = url.substr(0, start) + url.substr(at + 1);
    out.had_credentials = true;
    return out;
}

std::string printable(std::string_view text, std::size_t limit) {
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    std::string out = escape_unprintable(line, false);
    if (out.size() > limit) {
        std::size_t cut = limit;  // on a character's first byte (escapes are plain ASCII)
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
        out += "...";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string acknowledgement_problem(std::string_view body, const std::vector<std::string>& ids) {
    const auto count = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " statement" : " statements"); };
    bool blank = true;
    for (const char c : body) blank = blank && (c == ' ' || c == '\n' || c == '\r' || c == '\t');
    if (blank) return "the answer is empty, not the ids of the " + count(ids.size()) + " sent";
    Json answer;
    try {
        answer = parse_bounded(body, json_max_depth, lrs_max_reply_bytes);
    } catch (const BoundedJsonError& e) {
        return std::string("the answer is ") + (e.kind == BoundedJsonError::Kind::syntax ? "" : "JSON ") + e.what() +
               ", not the ids of the " + count(ids.size()) + " sent: " + printable(body, 80);
    }
    if (!answer.is_array())
        return "the answer is not a list of statement ids: " + printable(body, 80);
    if (answer.size() != ids.size())
        return "the answer holds " + std::to_string(answer.size()) + (answer.size() == 1 ? " id" : " ids") + " for the " +
               count(ids.size()) + " sent: " + printable(body, 80);
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (!answer[k].is_string())
            return "id " + std::to_string(k + 1) + " of the answer is not a string: " + printable(body, 80);
        const auto& got = answer[k].get_ref<const std::string&>();
        if (!same_id(got, ids[k]))
            return "id " + std::to_string(k + 1) + " of the answer is " + printable(got, 60) + ", not the " + ids[k] +
                   " sent there";
    }
    return "";
}

std::string acknowledgement_problem(const LrsResponse& response, const std::vector<std::string>& ids) {
    if (response.ok() && response.status != 200)
        return "HTTP " + std::to_string(response.status) + " is not xAPI's acknowledgement (200 with the ids stored)" +
               (response.body.empty() ? "" : ": " + printable(response.body, 80));
    if (response.too_large || response.status != 200) return response.describe();
    const std::string problem = acknowledgement_problem(response.body, ids);
    return problem.empty() ? "" : "HTTP 200 but " + problem;
}

std::string statement_problem(std::string_view body, const std::string& id, Json& statement) {
    try {
        statement = parse_bounded(body, json_max_depth, lrs_max_reply_bytes);
    } catch (const BoundedJsonError& e) {
        return std::string("the answer is ") + (e.kind == BoundedJsonError::Kind::syntax ? "" : "JSON ") + e.what() +
               ", not a statement: " + printable(body, 80);
    }
    if (!statement.is_object()) return "the answer is not a statement: " + printable(body, 80);
    const auto found = statement.find("id");
    if (found == statement.end() || !found->is_string() || !same_id(found->get_ref<const std::string&>(), id))
        return "the answer is not statement " + id + ": " + printable(body, 80);
    return "";
}

bool same_statement(const Json& sent, const Json& stored) {
    return same_value("", sent, stored);
}

}  // namespace holdspace::records
