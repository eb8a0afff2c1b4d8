// Typed responses heard by the behaviour coder (typed.hpp).
#include "app/typed.hpp"

#include "coder/coder.hpp"
#include "records/text.hpp"

#include <cstdio>
#include <memory>
#include <mutex>

namespace holdspace::app {
namespace {

// The shipped model, loaded on first use; its error, when it does not load, is kept and told each time.
struct SharedCoder {
    std::unique_ptr<coder::Coder> coder;
    std::string error;
};

const SharedCoder& shared_coder() {
    static const SharedCoder shared = [] {
        SharedCoder s;
        const std::string path = coder::Coder::default_model_path();
        if (path.empty()) {
            s.error = "the behaviour coder's model is not installed (looked for assets/coder/model.txt; "
                      "set HOLDSPACE_CODER_MODEL)";
            return s;
        }
        try {
            s.coder = std::make_unique<coder::Coder>(coder::Coder::load(path));
        } catch (const std::exception& e) {
            s.error = e.what();
        }
        return s;
    }();
    return shared;
}


}  // namespace

std::optional<TraineeAction> typed_action(const std::string& words, std::string& error) {
    error.clear();
    std::string text = records::repair_utf8(words);
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.back())) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && blank(text[start])) ++start;
    text.erase(0, start);
    if (text.empty()) return std::nullopt;
    if (text.size() > max_typed_bytes) {
        error = "that is longer than a response can be (" + std::to_string(max_typed_bytes) +
                " bytes); say it more briefly";
        return std::nullopt;
    }
    return TraineeAction::say(std::move(text));
}

bool hear(TraineeAction& action, const Session& session, std::string& error) {
    if (action.kind != TraineeAction::Kind::say || !action.heard.model.empty()) return true;
    action.text = records::repair_utf8(action.text);  // stored and shown as text, whatever was typed
    const auto& shared = shared_coder();
    if (!shared.coder) {
        error = "typed responses cannot be heard: " + shared.error;
        return false;
    }
    coder::Context context;
    context.participant = session.last_participant_line();
    context.phase = session.info().phase;
    const coder::Coding coding = shared.coder->code(action.text, context);
    Heard heard;
    for (const auto& c : coding.codes) heard.codes.emplace_back(c.code, c.p);
    heard.primary = action.heard.corrected ? action.heard.primary : coding.primary;
    heard.corrected = action.heard.corrected;
    heard.model = shared.coder->version();
    action.heard = std::move(heard);
    return true;
}

bool unsure(const Heard& heard) {
    if (heard.corrected) return false;
    for (const auto& [code, p] : heard.codes)
        if (code == heard.primary) return p < 0.5;
    return true;
}

std::string code_label(const std::string& code) {
    std::string label = code;
    for (auto& c : label)
        if (c == '_') c = ' ';
    return label;
}

std::string heard_text(const Heard& heard) {
    std::string text = "heard as: " + code_label(heard.primary);
    if (heard.corrected) return text + " (as you said)";
    for (const auto& [code, p] : heard.codes)
        if (code == heard.primary) {
            char buf[16];
            std::snprintf(buf, sizeof buf, " (%.2f)", p);
            text += buf;
        }
    if (unsure(heard))
        for (const auto& [code, p] : heard.codes)
            if (code != heard.primary) {
                text += ", or perhaps " + code_label(code);
                break;
            }
    return text;
}

std::string last_typed_text(const Session& session) {
    for (auto it = session.events().rbegin(); it != session.events().rend(); ++it) {
        if (it->type != "response" || !it->data.contains("typed")) continue;
        const Json& typed = it->data["typed"];
        Heard heard;
        heard.primary = typed.value("primary", "");
        heard.corrected = typed.value("corrected", false);
        for (const auto& c : typed.value("heard", Json::array()))
            if (c.is_object()) heard.codes.emplace_back(c.value("code", ""), c.value("p", 0.0));
        return heard_text(heard) +
               (typed.value("clear", false) ? "; matched option '" + typed.value("match", "") + "'" : "; in your own words");
    }
    return {};
}

}  // namespace holdspace::app
