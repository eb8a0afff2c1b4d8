#include "records/lrs_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <optional>
#include <stdexcept>

namespace holdspace::records {
namespace {

void ensure_curl_initialised() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("cannot initialise libcurl");
    });
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
    static_cast<std::string*>(out)->append(data, size * count);
    return size * count;
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

std::string one_line(std::string text, std::size_t limit = 300) {
    for (auto& c : text)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    if (text.size() > limit) text = text.substr(0, limit) + "...";
    return text;
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
        if (curl) curl_easy_cleanup(curl);
    }
};

LrsClient::LrsClient(LrsConfig config) : config_(std::move(config)), handle_(std::make_unique<Handle>()) {
    ensure_curl_initialised();
    std::string endpoint = config_.endpoint;
    while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
    statements_url_ = endpoint + "/statements";
    handle_->curl = curl_easy_init();
    if (!handle_->curl) throw std::runtime_error("cannot initialise libcurl");
}

LrsClient::~LrsClient() = default;

LrsResponse LrsClient::post_statements(const Json& statements) {
    const std::string body = statements.dump();
    return perform(statements_url_, &body);
}

LrsResponse LrsClient::get_statement(const std::string& id) {
    char* escaped = curl_easy_escape(handle_->curl, id.c_str(), static_cast<int>(id.size()));
    const std::string url = statements_url_ + "?statementId=" + (escaped ? escaped : id);
    curl_free(escaped);
    return perform(url, nullptr);
}

LrsResponse LrsClient::perform(const std::string& url, const std::string* body) {
    CURL* curl = handle_->curl;
    curl_easy_reset(curl);  // keeps the connection, clears the previous request's options
    LrsResponse response;
    char error[CURL_ERROR_SIZE] = {};
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "X-Experience-API-Version: 1.0.3");
    headers = curl_slist_append(headers, "Accept: application/json");
    if (body) headers = curl_slist_append(headers, "Content-Type: application/json");

    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
    curl_easy_setopt(curl, CURLOPT_USERNAME, config_.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, config_.password.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(10L, config_.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, config_.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_retry_after);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response.retry_after);
    if (body) {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body->size()));
    }

    const CURLcode code = curl_easy_perform(curl);
    curl_slist_free_all(headers);
    if (code != CURLE_OK) {
        response.transport_error = error[0] ? one_line(error) : curl_easy_strerror(code);
        response.status = 0;
        return response;
    }
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::string LrsResponse::describe() const {
    if (status == 0) return transport_error.empty() ? "no answer" : transport_error;
    std::string text = "HTTP " + std::to_string(status);
    const std::string message = lrs_message(body);
    if (!message.empty()) text += ": " + message;
    return text;
}

std::string lrs_message(const std::string& body) {
    const Json parsed = Json::parse(body, nullptr, false);
    if (parsed.is_object()) {
        std::string text;
        if (parsed.contains("message") && parsed["message"].is_string()) text = parsed["message"].get<std::string>();
        if (parsed.contains("warnings") && parsed["warnings"].is_array())
            for (const auto& w : parsed["warnings"]) text += (text.empty() ? "" : "; ") + (w.is_string() ? w.get<std::string>() : w.dump());
        if (!text.empty()) return one_line(text);
    }
    return one_line(body);
}

bool same_statement(const Json& sent, const Json& stored) {
    return same_value("", sent, stored);
}

}  // namespace holdspace::records
