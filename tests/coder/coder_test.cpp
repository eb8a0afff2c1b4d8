// The behaviour coder as a caller sees it: the shipped model loads, codes clear utterances of each
// family as a clinician would, gives the same answer every time, and survives bad input.
#include "coder/coder.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

using namespace holdspace::coder;

namespace {

const std::string model_path = std::string(HOLDSPACE_SOURCE_DIR) + "/assets/coder/model.txt";

const Coder& shipped() {
    static const Coder coder = Coder::load(model_path);
    return coder;
}

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void well_formed(const Coding& c) {
    REQUIRE_FALSE(c.primary.empty());
    REQUIRE_FALSE(c.codes.empty());
    bool has_primary = false;
    for (std::size_t i = 0; i < c.codes.size(); ++i) {
        CHECK(c.codes[i].p >= 0.0);
        CHECK(c.codes[i].p <= 1.0);
        if (i > 0) CHECK(c.codes[i - 1].p >= c.codes[i].p);
        has_primary = has_primary || c.codes[i].code == c.primary;
    }
    CHECK(has_primary);
    CHECK(c.confidence == doctest::Approx(c.codes.front().p));
}

}  // namespace

TEST_CASE("the shipped model loads, with every code of docs/behaviour-codes.md but touch") {
    const Coder& coder = shipped();
    CHECK(coder.version().rfind("coder-1 ", 0) == 0);
    CHECK(coder.version().size() == 20);
    const std::string doc = read(std::string(HOLDSPACE_SOURCE_DIR) + "/docs/behaviour-codes.md");
    const auto& codes = coder.model().codes;
    CHECK(codes.size() == 39);
    for (const auto& code : codes) {
        INFO(code);
        CHECK(doc.find("| `" + code + "` |") != std::string::npos);
    }
    const std::set<std::string> set(codes.begin(), codes.end());
    CHECK(set.count("touch_within_consent") == 0);  // the engine codes touch, from the consent in force
    CHECK(set.count("complex_reflection") == 1);
}

TEST_CASE("the default model is found from the source tree, and HOLDSPACE_CODER_MODEL overrides it") {
    CHECK_FALSE(Coder::default_model_path().empty());
    ::setenv("HOLDSPACE_CODER_MODEL", "/nonexistent/model.txt", 1);
    CHECK(Coder::default_model_path() == "/nonexistent/model.txt");
    CHECK_THROWS_AS(Coder::load(Coder::default_model_path()), ModelError);
    ::unsetenv("HOLDSPACE_CODER_MODEL");
}

TEST_CASE("clear utterances of each family get a code of that family") {
    struct Case {
        const char* text;
        const char* participant;
        const char* family;
    };
    const Case cases[] = {
        {"What brings you in today?", "", "question"},
        {"How have things been since we last met?", "", "question"},
        {"Did you take your tablets this morning?", "", "question"},
        {"Are you still drinking every night?", "", "question"},
        {"What evidence do you have that you're a failure?", "", "question"},
        {"You're exhausted.", "I'm just so exhausted, all the time.", "reflection"},
        {"It sounds like part of you wants to stop and part of you is scared of what that would mean.",
         "I want to quit but I don't know who I'd be without it.", "reflection"},
        {"You're worried about your son.", "I'm really worried about my son.", "reflection"},
        {"You should start going to bed at the same time every night.", "", "information"},
        {"The group meets on Tuesdays at six.", "", "information"},
        {"This week, fill in the thought record every evening.", "", "information"},
        {"We'll meet weekly, and each session starts with a review of your week.", "", "information"},
        {"Here's some water, if you want it.", "", "other"},
        {"You've worked really hard to get here. That took courage.", "", "other"},
        {"It's completely up to you.", "", "other"},
        {"I'm going to take your blood pressure now.", "", "other"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const Coding coding = shipped().code(c.text, Context{c.participant, ""});
        well_formed(coding);
        CHECK(family_of(coding.primary) == std::string_view(c.family));
    }
}

TEST_CASE("the hard pairs: open against closed, simple against complex, validation against reassurance") {
    CHECK(shipped().code("What was that like for you?").primary == "open_question");
    CHECK(shipped().code("Was that the first time?").primary == "closed_question");
    CHECK(shipped().code("Of course you're angry. Anyone would be.").primary == "validation");
    CHECK(shipped().code("Don't worry, everything is going to be fine.").primary == "premature_reassurance");
    CHECK(shipped().code("Are you having thoughts of ending your life?").primary == "risk_assessment");
}

TEST_CASE("negation: staying said in the negative of leaving is not leaving, and real leaving still is") {
    // Sentences that are not in the corpus (assets/coder/99d-staying.tsv has their kind).
    for (const char* text : {"We're not going to leave, not till this passes.", "I won't be going anywhere, I'm right beside you.",
                             "Not leaving. Still here."}) {
        INFO(text);
        const Coding c = shipped().code(text, Context{"Don't go.", "medicine"});
        CHECK(c.primary == "empathic_presence");
    }
    CHECK(shipped().code("I'll head off now, you'll be fine on your own.").primary == "leaving_participant");
    CHECK(shipped().code("I'm afraid I can't stay, the attendant will come later.").primary == "leaving_participant");
    // A duty to report is what the therapists will do (explaining_approach), which MITI codes as
    // giving_information; either is right, leaving is not.
    const std::string report = shipped().code("I'm obliged to report what happened to the lead.").primary;
    CHECK((report == "explaining_approach" || report == "giving_information"));
    double stop = 0;
    for (const auto& s : shipped().code("Just stop your sertraline the week before.").codes)
        if (s.code == "medication_advice") stop = s.p;
    CHECK(stop >= 0.5);
    const Coding keep = shipped().code("Don't change your sertraline without the study doctor.");
    for (const auto& s : keep.codes)
        if (s.code == "medication_advice") CHECK(s.p < 0.5);
}

TEST_CASE("coding is deterministic: the same text gives the same codes and probabilities, bit for bit") {
    const Context context{"I don't know, I keep going back and forth.", "integration"};
    const std::string text = "so you're kind of torn about it";
    const Coding a = shipped().code(text, context);
    const Coder again = Coder::load(model_path);
    for (int i = 0; i < 3; ++i) {
        const Coding b = (i == 0 ? shipped() : again).code(text, context);
        REQUIRE(a.codes.size() == b.codes.size());
        CHECK(a.primary == b.primary);
        for (std::size_t k = 0; k < a.codes.size(); ++k) {
            CHECK(a.codes[k].code == b.codes[k].code);
            CHECK(a.codes[k].p == b.codes[k].p);  // exact, not approximate
        }
    }
    CHECK(shipped().version() == again.version());
}

TEST_CASE("bad input comes back coded, without a crash") {
    const std::string invalid_utf8 = "what \xff\xfe happened \xc3(";
    const char raw_controls[] = "you\x1b[31m feel \x07 sad\r\n\t\x00 really \x7f\u202e";
    const std::string controls(raw_controls, sizeof raw_controls - 1);  // with the NUL inside
    std::string huge;
    while (huge.size() < (1u << 20)) huge += "and then I said, you know, what is going on? ";
    const std::string inputs[] = {"",
                                  "   ",
                                  "?!?!...",
                                  invalid_utf8,
                                  controls,
                                  huge,
                                  std::string(1 << 20, 'x'),
                                  "¿Qué te trae por aquí hoy?",
                                  "Wie geht es Ihnen heute?",
                                  "今天感觉怎么样？",
                                  "\xe2\x80\x99\xe2\x80\x98'''"};
    for (const auto& text : inputs) {
        const Coding c = shipped().code(text, Context{text, "medicine"});
        well_formed(c);
    }
    // Words the model has never seen are coded, but with low confidence.
    CHECK(shipped().code("今天感觉怎么样？").confidence < 0.5);
    CHECK(shipped().code("Qu'est-ce qui vous amène aujourd'hui ?").confidence < 0.5);
}

TEST_CASE("a damaged model file is an error that names the file and the line") {
    const std::string path = "coder_test_bad_model.txt";
    {
        std::ofstream out(path);
        out << "holdspace-coder-model 1\ncodes\topen_question\nbias\t0:12\nf\tw:what\t0:abc\n";
    }
    try {
        (void)Coder::load(path);
        FAIL("no error");
    } catch (const ModelError& e) {
        CHECK(std::string(e.what()).find(path + ": line 4") != std::string::npos);
    }
    {
        std::ofstream out(path);
        out << "not a model\n";
    }
    CHECK_THROWS_AS(Coder::load(path), ModelError);
    std::remove(path.c_str());
}

TEST_CASE("the model file round-trips: written and parsed again, it codes the same") {
    const Model& m = shipped().model();
    const Coder copy = Coder::from_model(Model::parse(m.write()), "copy");
    const std::string text = "It sounds like you've been carrying this on your own for a long time.";
    CHECK(copy.code(text).primary == shipped().code(text).primary);
    CHECK(copy.code(text).confidence == shipped().code(text).confidence);
}

TEST_CASE("typing in a hurry: contractions without apostrophes and curly apostrophes read as the words") {
    CHECK(tokenize("im sure youre OK, dont worry") ==
          std::vector<std::string>{"i'm", "sure", "you're", "okay", "don't", "worry"});
    CHECK(tokenize("You\xe2\x80\x99re gonna be fine?") ==
          std::vector<std::string>{"you're", "going", "to", "be", "fine", "?"});
    // The same utterance typed carefully or in a hurry is heard the same way.
    CHECK(shipped().code("what's been going on for you").primary ==
          shipped().code("whats been going on for u").primary);
}
