// Typed responses against a choice: which option they are heard as, and whether they answer the
// participant (sim/typed_match.hpp).
#include "sim/typed_match.hpp"

#include <doctest/doctest.h>

using namespace holdspace;

namespace {

Choice wave_choice() {
    Choice c;
    c.moment = "the_wave";
    c.options = {
        Option{"stay_with", "It's frightening. Let it come; you don't have to do a thing with it. We're right here.", "",
               "", {"validation", "encourage_inward_focus", "empathic_presence"}, true, 0,
               {"Scary. Let it come, we're with you."}},
        Option{"breathe", "You don't like this. Let's breathe together as it comes on: in for four, out for six.", "", "",
               {"simple_reflection", "grounding", "advice_giving"}, false, 1},
        Option{"talk", "Let's sit up and talk about something ordinary until this settles. How was the drive in?", "",
               "", {"redirecting", "closed_question"}, false, 2},
        Option{"vitals", "", "check_vitals", "", {"checking_vitals"}, false, 3},
    };
    return c;
}

Heard heard_as(std::string primary, double p) {
    Heard h;
    h.primary = primary;
    h.codes = {{primary, p}};
    h.model = "test";
    return h;
}

constexpr const char* participant = "It's coming. It's like a wave under me and I can't see the top of it. I don't like this.";

}  // namespace

TEST_CASE("content words: lower case, function words out, stems of five letters, sorted and unique") {
    CHECK(content_stems("It's FRIGHTENING, frightened... and you're here") == std::vector<std::string>{"frigh"});
    CHECK(content_stems("").empty());
    CHECK(dice({"a", "b"}, {"b", "c"}) == doctest::Approx(0.5));
    CHECK(dice({}, {"b"}) == 0);
}

TEST_CASE("a paraphrase of an option that shares its code is played as that option") {
    const Choice c = wave_choice();
    const auto m = match_typed("It's scary. Let it come, we're right here with you.", heard_as("validation", 0.7), c, participant);
    REQUIRE(m.option);
    CHECK(m.clear);
    CHECK(m.option->id == "stay_with");
    CHECK(m.relevant);
}

TEST_CASE("a stock phrase matches no option clearly and answers nothing the participant said") {
    const Choice c = wave_choice();
    for (const char* stock : {"Tell me more about that.", "How does that feel?", "It sounds like that's really hard for you."}) {
        INFO(stock);
        const auto m = match_typed(stock, heard_as("open_question", 0.8), c, participant);
        REQUIRE(m.option);
        CHECK_FALSE(m.clear);
        CHECK_FALSE(m.relevant);
        CHECK(m.option->text != "");  // the story follows a spoken option, never the vitals check
    }
}

TEST_CASE("words that take up the participant's own are relevant though they match no option") {
    const auto m = match_typed("A wave you can't see over.", heard_as("complex_reflection", 0.8), wave_choice(), participant);
    CHECK_FALSE(m.clear);
    CHECK(m.relevant);
}

TEST_CASE("without a clear match the story follows the choice's typed table, else the nearest option by codes") {
    Choice c = wave_choice();
    auto m = match_typed("Hmm.", heard_as("redirecting", 0.9), c, participant);
    CHECK(m.option->id == "talk");  // nearest by codes
    c.typed = {{"redirecting", "breathe"}, {"default", "stay_with"}};
    CHECK(match_typed("Hmm.", heard_as("redirecting", 0.9), c, participant).option->id == "breathe");
    CHECK(match_typed("Hmm.", heard_as("affirmation", 0.9), c, participant).option->id == "stay_with");
}

TEST_CASE("scored codes: the primary and any other heard at p >= 0.5; touch never from words") {
    Heard h;
    h.primary = "complex_reflection";
    h.codes = {{"complex_reflection", 0.8}, {"validation", 0.55}, {"open_question", 0.3}, {"touch_without_consent", 0.9}};
    CHECK(scored_codes(h) == std::vector<std::string>{"complex_reflection", "validation"});
}

TEST_CASE("say in an actions file: the text, a correction, and bad input") {
    std::string error;
    auto a = parse_action("say   I'm right here.  ", error);
    REQUIRE(a);
    CHECK(a->kind == TraineeAction::Kind::say);
    CHECK(a->text == "I'm right here.");
    CHECK(a->to_string() == "say I'm right here.");
    a = parse_action("say as complex_reflection: Part of you wants to stop.", error);
    REQUIRE(a);
    CHECK(a->heard.corrected);
    CHECK(a->heard.primary == "complex_reflection");
    CHECK(a->to_string() == "say as complex_reflection: Part of you wants to stop.");
    CHECK_FALSE(parse_action("say", error));
    CHECK(error.find("words") != std::string::npos);
    CHECK_FALSE(parse_action("say as : no code", error));
    CHECK_FALSE(parse_action("say " + std::string(max_typed_bytes + 1, 'x'), error));
    CHECK(error.find("at most") != std::string::npos);
}
