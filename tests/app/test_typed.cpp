// Typed responses in a recorded practice session: heard, matched, scored, replayed identically.
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "records/text.hpp"

#include <doctest/doctest.h>

using namespace holdspace;

namespace {

const std::string scenario = std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios/medicine/memory_surfaces.lua";

app::PracticeConfig config(std::vector<std::string> actions) {
    app::PracticeConfig c;
    c.scenario_path = scenario;
    c.seed = 3;
    c.actions = std::move(actions);
    return c;
}

const Event* last_response(const Session& s) {
    for (auto it = s.events().rbegin(); it != s.events().rend(); ++it)
        if (it->type == "response") return &*it;
    return nullptr;
}

}  // namespace

TEST_CASE("a typed response is heard by the coder, matched to the choice and kept in the event") {
    app::PracticeSession practice(config({}));
    REQUIRE(practice.ok());
    std::string error;
    REQUIRE(practice.apply(TraineeAction::say("It's frightening. Let it come, you don't have to do anything. We're right here."), error));
    const Event* e = last_response(practice.session());
    REQUIRE(e);
    REQUIRE(e->data.contains("typed"));
    const Json& typed = e->data["typed"];
    CHECK(e->data.value("text", "") == "It's frightening. Let it come, you don't have to do anything. We're right here.");
    CHECK_FALSE(typed.value("primary", "").empty());
    CHECK(typed.value("model", "").rfind("coder-", 0) == 0);
    CHECK(typed.value("clear", false));  // near the expert's own words
    CHECK(practice.actions().back().rfind("say ", 0) == 0);
}

TEST_CASE("the same typed actions replay to the same transcript and score in a fresh session") {
    const std::vector<std::string> actions = {"say You don't like this at all. It's like a wave you can't see over.",
                                              "say Tell me more about that.", "say as validation: Of course you're scared.",
                                              "hold_space", "say How does that feel?"};
    app::PracticeSession a(config(actions)), b(config(actions));
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.replay_note().empty());
    CHECK(records::json_text(transcript_json(a.session().events())) == records::json_text(transcript_json(b.session().events())));
    const auto& sa = a.scores();
    const auto& sb = b.scores();
    REQUIRE(sa.size() == sb.size());
    if (!sa.empty()) CHECK(sa.front().overall == sb.front().overall);
    // The correction is recorded as the trainee's.
    bool corrected = false;
    for (const auto& e : a.session().events())
        if (e.type == "response" && e.data.contains("typed") && e.data["typed"].value("corrected", false))
            corrected = e.data["typed"].value("primary", "") == "validation";
    CHECK(corrected);
}

TEST_CASE("a stock phrase is never judged the expert's answer and earns at most acceptable") {
    app::PracticeSession practice(config({"say Tell me more about that."}));
    REQUIRE(practice.ok());
    REQUIRE_FALSE(practice.scores().empty());
    const auto& moments = practice.scores().front().moments;
    REQUIRE_FALSE(moments.empty());
    const auto& m = moments.front();
    CHECK(m.typed);
    CHECK_FALSE(m.chose_expert);
    CHECK(m.judgement != "expert");
    CHECK(m.judgement != "good");
    CHECK(m.response_text == "Tell me more about that.");
}

TEST_CASE("bad typed input: empty, huge, broken UTF-8 and control characters never crash") {
    app::PracticeSession practice(config({}));
    REQUIRE(practice.ok());
    std::string error;
    CHECK_FALSE(practice.apply(TraineeAction::say(""), error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(practice.apply(TraineeAction::say(std::string(max_typed_bytes + 1, 'a')), error));
    CHECK_FALSE(practice.apply(TraineeAction::say_as("not_a_code", "Hello."), error));
    CHECK(error.find("not a behaviour code") != std::string::npos);
    REQUIRE(practice.apply(TraineeAction::say("Ol\xe1 \x01\x1b[31m vou ficar aqui \xff"), error));
    const Event* e = last_response(practice.session());
    REQUIRE(e);
    const std::string text = e->data.value("text", "");
    CHECK(text.find("\xef\xbf\xbd") != std::string::npos);  // the broken bytes became U+FFFD
    CHECK_NOTHROW((void)records::json_text(transcript_json(practice.session().events())));
}

TEST_CASE("heard as: the label, the probability, and the next likely code when unsure") {
    Heard h;
    h.primary = "complex_reflection";
    h.codes = {{"complex_reflection", 0.42}, {"validation", 0.38}};
    CHECK(app::unsure(h));
    CHECK(app::heard_text(h) == "heard as: complex reflection (0.42), or perhaps validation");
    h.codes[0].second = 0.81;
    CHECK_FALSE(app::unsure(h));
    CHECK(app::heard_text(h) == "heard as: complex reflection (0.81)");
}
