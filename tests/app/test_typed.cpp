// Typed responses in a recorded practice session: heard, matched, scored, replayed identically.
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "records/text.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

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

TEST_CASE("typed_action: trimmed, valid UTF-8, blank is nothing, too long is refused with a reason") {
    std::string error;
    auto a = app::typed_action("  \tYou're here. \r\n", error);
    REQUIRE(a);
    CHECK(a->kind == TraineeAction::Kind::say);
    CHECK(a->text == "You're here.");
    CHECK_FALSE(app::typed_action(" \t ", error));
    CHECK(error.empty());
    CHECK_FALSE(app::typed_action(std::string(max_typed_bytes + 1, 'a'), error));
    CHECK(error.find("longer than a response can be") != std::string::npos);
    a = app::typed_action("ol\xe1", error);
    REQUIRE(a);
    CHECK(a->text == "ol\xef\xbf\xbd");
}

TEST_CASE("typed only: a spoken option is refused, words and non-verbal actions are taken, replay is not held back") {
    SUBCASE("the trainee's setting") {
        auto c = config({});
        c.typed_only = true;
        app::PracticeSession practice(c);
        REQUIRE(practice.ok());
        CHECK(practice.typed_only());
        const Choice* choice = practice.session().choice();
        REQUIRE(choice);
        std::string spoken_id;
        for (const auto& o : choice->options)
            if (!o.text.empty()) spoken_id = o.id;
        std::string error;
        CHECK_FALSE(practice.apply(TraineeAction::choose("1"), error));
        CHECK(error == "this session takes your own words: type what you would say");
        CHECK_FALSE(practice.apply(TraineeAction::choose(spoken_id), error));
        CHECK(practice.actions().empty());
        CHECK(practice.apply(TraineeAction::act(ActionKind::hold_space), error));
        CHECK(practice.apply(TraineeAction::say("You can let it come; we're right here with you."), error));
        practice.set_typed_only(false);
        CHECK_FALSE(practice.typed_only());
    }
    SUBCASE("a resumed or practised session's actions replay whatever they were") {
        auto c = config({"1"});
        c.typed_only = true;
        app::PracticeSession practice(c);
        REQUIRE(practice.ok());
        CHECK(practice.replay_note().empty());
        CHECK(practice.actions().size() == 1);
    }
}

TEST_CASE("a scenario's typed_only = true is read from its table; anything but a boolean is an error") {
    const auto dir = std::filesystem::temp_directory_path() / ("holdspace-typed-only-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string minimal = std::string(HOLDSPACE_SOURCE_DIR) + "/tests/cli/fixtures/minimal.lua";
    std::ifstream in(minimal);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto with = [&](const std::string& field) {
        std::string t = text;
        t.replace(t.find("  phase = "), 0, field);
        const auto path = (dir / "s.lua").string();
        std::ofstream(path, std::ios::binary) << t;
        return path;
    };
    app::PracticeConfig c;
    c.scenario_path = with("  typed_only = true,\n");
    app::PracticeSession only(c);
    REQUIRE(only.ok());
    CHECK(only.typed_only());
    c.scenario_path = with("  typed_only = \"yes\",\n");
    app::PracticeSession wrong(c);
    CHECK_FALSE(wrong.ok());
    REQUIRE(wrong.load_error());
    CHECK(std::string(wrong.load_error()->what()).find("'typed_only' must be true or false") != std::string::npos);
    std::filesystem::remove_all(dir);
}
