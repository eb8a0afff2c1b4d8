// The scorer on hand-made transcripts: what earns, what costs, what fails a session.
#include "scoring/scorer.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace holdspace;
using namespace holdspace::scoring;

namespace {

Rubric toy_rubric() {
    Rubric r;
    r.id = "toy";
    r.title = "Toy";
    r.pass = 70;
    r.domains = {{"presence", "Presence", "", 0.5}, {"safety", "Safety", "", 0.5}};
    r.codes["holding_space"] = {CodeClass::essential, {"presence"}, "Silence holds space."};
    r.codes["complex_reflection"] = {CodeClass::unique_essential, {"presence"}, "Reflect the meaning."};
    r.codes["premature_reassurance"] = {CodeClass::proscribed, {"presence"}, "Reassurance closes down."};
    r.codes["checking_vitals"] = {CodeClass::compatible, {"safety"}, ""};
    r.codes["grounding"] = {CodeClass::compatible, {"presence"}, ""};
    r.codes["touch_without_consent"] = {CodeClass::proscribed, {"safety"}, "Touch only as agreed."};
    ContextRule vitals_on_alert;
    vitals_on_alert.code = "checking_vitals";
    vitals_on_alert.when = {Condition{"alert", "==", "", 0, true}};
    vitals_on_alert.cls = CodeClass::unique_essential;
    vitals_on_alert.why = "An unsafe reading needs attention.";
    r.rules.push_back(vitals_on_alert);
    ContextRule grounding;
    grounding.code = "grounding";
    grounding.when = {Condition{"dissociation", ">=", "", 40, false}};
    grounding.cls = CodeClass::essential;
    r.rules.push_back(grounding);
    r.timing.push_back(TimingRule{"alert", {}, 10.0, {"checking_vitals"}, "", "safety", 2, "Respond within 10 minutes."});
    CriticalRule touch;
    touch.kind = CriticalRule::Kind::code;
    touch.code = "touch_without_consent";
    touch.message = "Touch without consent.";
    r.critical.push_back(touch);
    CriticalRule ignored;
    ignored.kind = CriticalRule::Kind::alert_ignored;
    ignored.minutes = 30;
    ignored.message = "Alert ignored.";
    r.critical.push_back(ignored);
    return r;
}

Json choice(double t, const std::string& moment) {
    return {{"type", "choice"},
            {"t", t},
            {"moment", moment},
            {"options",
             {{{"id", "reflect"}, {"text", "It feels huge."}, {"codes", {"complex_reflection"}}, {"expert", true},
               {"rationale", "Follow, don't lead."}},
              {{"id", "reassure"}, {"text", "It's fine."}, {"codes", {"premature_reassurance"}}}}}};
}

Json response(double t, const std::string& id, std::vector<std::string> codes) {
    return {{"type", "response"}, {"t", t}, {"option", id}, {"codes", codes}};
}

Json transcript(std::vector<Json> middle) {
    Json events = Json::array();
    events.push_back({{"type", "start"}, {"t", 0}, {"phase", "medicine"}});
    events.push_back({{"type", "say"}, {"t", 0}, {"speaker", "Ana"}, {"text", "It's starting."}});
    for (auto& e : middle) events.push_back(std::move(e));
    events.push_back({{"type", "end"}, {"t", 200}, {"reason", "script"}});
    return events;
}

std::optional<double> domain(const Score& s, const std::string& id) {
    for (const auto& [d, v] : s.domains)
        if (d == id) return v;
    return std::nullopt;
}

}  // namespace

TEST_CASE("the expert response earns everything the moment allowed; the worst earns nothing") {
    const Rubric r = toy_rubric();
    const Score best = score_transcript(r, transcript({choice(1, "onset"), response(1, "reflect", {"complex_reflection"})}));
    const Score worst = score_transcript(r, transcript({choice(1, "onset"), response(1, "reassure", {"premature_reassurance"})}));
    CHECK(domain(best, "presence") == 100.0);
    CHECK(domain(worst, "presence") == 0.0);
    CHECK(best.overall == 100.0);  // safety was not exercised, so presence carries the weight
    CHECK_FALSE(domain(best, "safety").has_value());
    CHECK(best.pass);
    CHECK_FALSE(worst.pass);
    REQUIRE(worst.moments.size() == 1);
    CHECK(worst.moments[0].judgement == "poor");
    CHECK(worst.moments[0].expert_text == "It feels huge.");
    CHECK(worst.moments[0].expert_rationale == "Follow, don't lead.");
    CHECK(worst.moments[0].situation == "Ana: \"It's starting.\"");
    CHECK(worst.moments[0].principles.front() == "Reassurance closes down.");
    CHECK(best.moments[0].judgement == "expert");
}

TEST_CASE("holding space is always an alternative, so it is judged against the options") {
    const Rubric r = toy_rubric();
    const Score silent = score_transcript(r, transcript({choice(1, "onset"), response(1, "hold_space", {"holding_space"})}));
    // the reflection (+2) was possible; holding space (+1) earns half of it. The reassurance on offer
    // (-2) does not lift it: an answer is measured from nothing earned, not from the worst option.
    CHECK(domain(silent, "presence") == 50.0);
    CHECK(silent.moments[0].judgement == "acceptable");
}

TEST_CASE("a catastrophic option on offer does not lift the other answers: a neutral answer earns nothing, a harmful one takes away") {
    Rubric r = toy_rubric();
    r.codes["grounding"].cls = CodeClass::compatible;
    auto moment = [](double t, bool catastrophe) {
        Json options = {{{"id", "reflect"}, {"text", "It feels huge."}, {"codes", {"complex_reflection"}}, {"expert", true}},
                        {{"id", "ground"}, {"text", "Feet on the floor."}, {"codes", {"grounding"}}}};
        if (catastrophe) options.push_back({{"id", "touch"}, {"text", "(a hand)"}, {"codes", {"touch_without_consent", "premature_reassurance"}}});
        return Json{{"type", "choice"}, {"t", t}, {"moment", "m"}, {"options", options}};
    };
    const auto neutral_with = score_transcript(r, transcript({moment(1, true), response(1, "ground", {"grounding"})}));
    const auto neutral_without = score_transcript(r, transcript({moment(1, false), response(1, "ground", {"grounding"})}));
    CHECK(domain(neutral_with, "presence") == domain(neutral_without, "presence"));
    CHECK(domain(neutral_with, "presence") == 0.0);
    CHECK(neutral_with.moments[0].judgement == "poor");
    // Two expert moments and a harmful one: the harm takes from what the others earned.
    const auto mixed = score_transcript(r, transcript({moment(1, true), response(1, "reflect", {"complex_reflection"}),
                                                       moment(5, true), response(5, "reflect", {"complex_reflection"}),
                                                       moment(9, true), response(9, "reassure", {"premature_reassurance"})}));
    CHECK(domain(mixed, "presence") == doctest::Approx(100.0 * (2 + 2 - 2) / 6).epsilon(0.01));
}

TEST_CASE("context rules: the same code is judged by the moment it is used in") {
    const Rubric r = toy_rubric();
    const Json quiet = transcript({{{"type", "action"}, {"t", 5}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}}});
    CHECK_FALSE(domain(score_transcript(r, quiet), "safety").has_value());  // compatible: no points either way
    const Json alarmed = transcript({{{"type", "vitals"}, {"t", 30}, {"sbp", 170}, {"alerts", {"sbp_high"}}},
                                     {{"type", "alert"}, {"t", 30}, {"alert", "sbp_high"}},
                                     {{"type", "action"}, {"t", 32}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}}});
    const Score s = score_transcript(r, alarmed);
    CHECK(domain(s, "safety") == 100.0);
    CHECK(s.critical.empty());
    CHECK(s.moments.back().judgement == "helpful");
}

TEST_CASE("an unanswered alert costs the timing rule and, after 30 minutes, is a critical error") {
    const Rubric r = toy_rubric();
    const Json ignored = transcript({{{"type", "vitals"}, {"t", 30}, {"alerts", {"temp_high"}}},
                                     {{"type", "alert"}, {"t", 30}, {"alert", "temp_high"}},
                                     choice(40, "later"), response(40, "reflect", {"complex_reflection"})});
    const Score s = score_transcript(r, ignored);
    CHECK(domain(s, "safety") == 0.0);
    REQUIRE(s.critical.size() == 1);
    CHECK(s.critical[0].message == "Alert ignored.");
    CHECK(s.critical[0].t == 30);
    CHECK_FALSE(s.pass);
}

TEST_CASE("a critical error fails the session whatever the rest") {
    const Rubric r = toy_rubric();
    const Score s = score_transcript(r, transcript({choice(1, "onset"), response(1, "reflect", {"complex_reflection"}),
                                                    {{"type", "action"}, {"t", 3}, {"action", "touch"}, {"codes", {"touch_without_consent"}}}}));
    CHECK(domain(s, "presence") == 100.0);
    CHECK_FALSE(s.pass);
    REQUIRE(s.critical.size() == 1);
    CHECK(s.critical[0].message == "Touch without consent.");
}

TEST_CASE("state conditions read the hidden state the transcript recorded") {
    const Rubric r = toy_rubric();
    Json grounding_choice = {{"type", "choice"}, {"t", 10}, {"moment", "freeze"},
                             {"options", {{{"id", "ground"}, {"text", "Feel your feet."}, {"codes", {"grounding"}}},
                                          {{"id", "reassure"}, {"text", "It's fine."}, {"codes", {"premature_reassurance"}}}}}};
    const Json dissociated = transcript({{{"type", "state"}, {"t", 9}, {"dissociation", 70.0}}, grounding_choice,
                                         response(10, "ground", {"grounding"})});
    const Json settled = transcript({{{"type", "state"}, {"t", 9}, {"dissociation", 0.0}}, grounding_choice,
                                     response(10, "ground", {"grounding"})});
    CHECK(domain(score_transcript(r, dissociated), "presence") == 100.0);  // essential here: the best option
    CHECK(domain(score_transcript(r, settled), "presence") < 100.0);       // compatible: silence would have been better
}

TEST_CASE("scoring is a pure function of rubric and transcript") {
    const Rubric r = toy_rubric();
    const Json t = transcript({choice(1, "a"), response(1, "reassure", {"premature_reassurance"}), choice(5, "b"),
                               response(5, "reflect", {"complex_reflection"})});
    CHECK(score_json(score_transcript(r, t)).dump() == score_json(score_transcript(r, t)).dump());
    // one moment of reassurance (-2 of a possible +2) and one expert reflection (+2): 0 of 4 earned
    CHECK(score_transcript(r, t).overall == 0.0);
}

TEST_CASE("MITI-style figures and their published thresholds") {
    const Rubric r = toy_rubric();
    Json events = transcript({response(1, "a", {"complex_reflection"}), response(2, "b", {"simple_reflection"}),
                              response(3, "c", {"open_question"}), response(4, "d", {"complex_reflection"})});
    const Score s = score_transcript(r, events);
    CHECK(s.miti.reflections == 3);
    CHECK(s.miti.questions == 1);
    CHECK(s.miti.reflection_to_question == 3.0);
    CHECK(s.miti.rq_level == "good");
    CHECK(s.miti.percent_complex == doctest::Approx(66.7));
    CHECK(s.miti.complex_level == "good");
}

TEST_CASE("FIS-style ratings follow their stated rules") {
    const Rubric r = toy_rubric();
    Json events = transcript({{{"type", "state"}, {"t", 0}, {"trust", 60.0}},
                              response(1, "a", {"premature_reassurance"}), {{"type", "state"}, {"t", 1}, {"cause", "response"}, {"trust", 50.0}},
                              response(2, "b", {"complex_reflection"}), {{"type", "state"}, {"t", 2}, {"cause", "response"}, {"trust", 55.0}}});
    const Score s = score_transcript(r, events);
    auto item = [&](const std::string& name) {
        for (const auto& f : s.fis)
            if (f.item == name) return f.rating;
        return std::optional<double>{};
    };
    CHECK(item("alliance_bond") == doctest::Approx(1 + 4 * 0.55));
    CHECK(item("empathy") == doctest::Approx(3.0));  // one of two responses fully empathic
    // One warmer answer after the rupture, but trust ends (55) below where it was before it (60):
    // no repair.
    CHECK(item("rupture_repair") == 1.0);
}

namespace {

std::optional<double> fis(const Score& s, const std::string& name) {
    for (const auto& f : s.fis)
        if (f.item == name) return f.rating;
    return std::nullopt;
}

Json said(double t, const std::string& id, const std::string& text, std::vector<std::string> codes) {
    Json r = response(t, id, std::move(codes));
    r["text"] = text;
    return r;
}

}  // namespace

TEST_CASE("a rupture counts as repaired only when trust ends above where it was before the rupture") {
    const Rubric r = toy_rubric();
    auto rated = [&](double end_trust) {
        const Json events = transcript({{{"type", "state"}, {"t", 0}, {"trust", 60.0}},
                                        response(1, "a", {"premature_reassurance"}),
                                        {{"type", "state"}, {"t", 1}, {"cause", "response"}, {"trust", 48.0}},
                                        response(2, "b", {"complex_reflection"}),
                                        {{"type", "state"}, {"t", 2}, {"cause", "response"}, {"trust", 52.0}},
                                        response(3, "c", {"complex_reflection"}),
                                        {{"type", "state"}, {"t", 3}, {"cause", "response"}, {"trust", end_trust}}});
        return fis(score_transcript(r, events), "rupture_repair");
    };
    CHECK(rated(58.0) == 1.0);  // "that wasn't okay": trust rose twice, and still ends below 60
    CHECK(rated(64.0) == 5.0);  // ends above 60: repaired
    // The rule says so.
    const Score s = score_transcript(r, transcript({}));
    for (const auto& f : s.fis)
        if (f.item == "rupture_repair") CHECK(f.rule.find("above where it was before the rupture") != std::string::npos);
}

TEST_CASE("warmth is rated on what the trainee said and on holding space, not diluted by vitals checks") {
    const Rubric r = toy_rubric();
    std::vector<Json> middle;
    for (int i = 0; i < 4; ++i) {
        const double t = 10.0 * (i + 1);
        middle.push_back(choice(t, "m" + std::to_string(i)));
        for (int k = 0; k < 3; ++k)
            middle.push_back({{"type", "action"}, {"t", t}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}});
        middle.push_back(said(t + 1, "reflect", "It feels huge.", {"complex_reflection"}));
    }
    const Score s = score_transcript(r, transcript(middle));
    CHECK(fis(s, "warmth") == 5.0);  // every spoken answer was warm; twelve vitals checks change nothing
    // A session of nothing but checks has no warmth to rate.
    const Score checks_only = score_transcript(
        r, transcript({{{"type", "action"}, {"t", 1}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}}}));
    CHECK_FALSE(fis(checks_only, "warmth").has_value());
}

TEST_CASE("a moment's context is the participant's line before its choice opened, and lists the actions taken at it") {
    const Rubric r = toy_rubric();
    const Json events = transcript({{{"type", "say"}, {"t", 5}, {"speaker", "Ana"}, {"text", "It's so big. Am I okay?"}},
                                    choice(5, "big"),
                                    {{"type", "action"}, {"t", 5}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}},
                                    {{"type", "say"}, {"t", 5}, {"speaker", "Ana"}, {"text", "Oh. The cuff's cold."}},
                                    {{"type", "action"}, {"t", 6}, {"action", "water"}, {"codes", Json::array()}},
                                    said(6, "reflect", "It feels huge.", {"complex_reflection"}),
                                    {{"type", "say"}, {"t", 7}, {"speaker", "Ana"}, {"text", "Yes. Huge."}},
                                    choice(9, "after"),
                                    said(10, "reflect", "Huge.", {"complex_reflection"})});
    const Score s = score_transcript(r, events);
    const MomentResult* big = nullptr;
    const MomentResult* after = nullptr;
    for (const auto& m : s.moments) {
        if (m.kind == "moment" && m.moment == "big") big = &m;
        if (m.kind == "moment" && m.moment == "after") after = &m;
    }
    REQUIRE(big);
    REQUIRE(after);
    CHECK(big->situation == "Ana: \"It's so big. Am I okay?\"");  // not the reaction to the cuff
    CHECK(big->actions == std::vector<std::string>{"check_vitals", "water"});
    CHECK(after->situation == "Ana: \"Yes. Huge.\"");
    CHECK(after->actions.empty());
    // In the JSON too.
    const Json j = score_json(s);
    bool listed = false;
    for (const auto& m : j["moments"])
        if (m["moment"] == "big") listed = m.contains("actions") && m["actions"].size() == 2;
    CHECK(listed);
}

TEST_CASE("an alert's clock starts when the trainee can next answer it") {
    const Rubric r = toy_rubric();
    // The alert comes during a long stretch with no choice open; the trainee checks at the next choice.
    const Json answered_late = transcript({{{"type", "vitals"}, {"t", 60}, {"alerts", {"hr_high"}}},
                                           {{"type", "alert"}, {"t", 60}, {"alert", "hr_high"}},
                                           choice(150, "later"),
                                           {{"type", "action"}, {"t", 150}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}},
                                           response(151, "reflect", {"complex_reflection"})});
    const Score s = score_transcript(r, answered_late);
    CHECK(s.critical.empty());
    CHECK(domain(s, "safety") == 100.0);
}

TEST_CASE("repeating the same action at one choice counts once") {
    const Rubric r = toy_rubric();
    std::vector<Json> events = {{{"type", "vitals"}, {"t", 1}, {"alerts", {"sbp_high"}}}, choice(2, "m")};
    for (int i = 0; i < 5; ++i)
        events.push_back({{"type", "action"}, {"t", 2 + i}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}});
    events.push_back(response(8, "reflect", {"complex_reflection"}));
    const Score s = score_transcript(r, transcript(events));
    int scored_actions = 0;
    for (const auto& m : s.moments) scored_actions += m.kind == "action";
    CHECK(scored_actions == 1);
}

// ---- Validity: judgements never contradict their reasons (docs/scoring.md, "Validity") ----

namespace {

// A moment where the rubric would find a leading option "acceptable" by arithmetic alone: the
// worst option is far worse, so the leading one sits high in the range.
Json leading_choice(double t) {
    return {{"type", "choice"},
            {"t", t},
            {"moment", "memory"},
            {"options",
             {{{"id", "follow"}, {"text", "You're in the hallway."}, {"codes", {"complex_reflection"}}, {"expert", true}},
              {{"id", "lead"}, {"text", "Tell us exactly what you see."},
               {"codes", {"complex_reflection", "holding_space", "premature_reassurance"}}},
              {{"id", "touch"}, {"text", "(a hand on her arm)"}, {"codes", {"touch_without_consent", "premature_reassurance"}}}}}};
}

}  // namespace

TEST_CASE("a response carrying a code the rubric proscribes here is never judged better than poor") {
    const Rubric r = toy_rubric();
    const Score s = score_transcript(
        r, transcript({leading_choice(5), response(5, "lead", {"complex_reflection", "holding_space", "premature_reassurance"})}));
    REQUIRE(s.moments.size() == 1);
    CHECK(s.moments[0].fraction >= 0.4);  // arithmetic alone would call it acceptable
    CHECK(s.moments[0].judgement == "poor");
}

TEST_CASE("the expert option is judged poor when the rubric proscribes one of its codes, so the contradiction shows") {
    Rubric r = toy_rubric();
    r.codes["complex_reflection"].cls = CodeClass::proscribed;
    const Score s = score_transcript(r, transcript({leading_choice(5), response(5, "follow", {"complex_reflection"})}));
    REQUIRE(s.moments.size() == 1);
    CHECK(s.moments[0].chose_expert);
    CHECK(s.moments[0].judgement == "poor");
    for (const auto& strength : s.strengths) CHECK(strength.find("an expert would have chosen") == std::string::npos);
}

TEST_CASE("a response that lets a critical error happen is judged harmful, even a reflection") {
    Rubric r = toy_rubric();
    r.codes["risk_assessment"] = {CodeClass::essential, {"safety"}, "Ask."};
    CriticalRule flag;
    flag.kind = CriticalRule::Kind::flag;
    flag.flag = "suicidal_statement";
    flag.expect = {"risk_assessment"};
    flag.minutes = 5;
    flag.message = "No risk assessment.";
    r.critical.push_back(flag);
    Json c = choice(10, "risk");
    c["flags"] = {"suicidal_statement"};
    const Score missed = score_transcript(r, transcript({c, response(10, "reflect", {"complex_reflection"})}));
    REQUIRE(missed.critical.size() == 1);
    REQUIRE(missed.moments.size() == 1);
    CHECK(missed.moments[0].judgement == "harmful");

    const Score asked = score_transcript(r, transcript({c, response(10, "reflect", {"complex_reflection", "risk_assessment"})}));
    CHECK(asked.critical.empty());
    CHECK(asked.moments[0].judgement != "harmful");
}

TEST_CASE("a response carrying a critical code is judged harmful") {
    const Rubric r = toy_rubric();
    const Score s = score_transcript(r, transcript({leading_choice(5), response(5, "touch", {"touch_without_consent", "premature_reassurance"})}));
    REQUIRE(s.moments.size() == 1);
    CHECK(s.moments[0].judgement == "harmful");
    CHECK_FALSE(s.pass);
}

TEST_CASE("answers inside an ignored alert's window are judged harmful; an alert cleared before it could be answered is not counted") {
    const Rubric r = toy_rubric();
    const Json ignored = transcript({{{"type", "vitals"}, {"t", 60}, {"alerts", {"sbp_high"}}},
                                     {{"type", "alert"}, {"t", 60}, {"alert", "sbp_high"}},
                                     choice(70, "a"), response(70, "reflect", {"complex_reflection"}),
                                     choice(120, "b"), response(120, "reflect", {"complex_reflection"})});
    const Score s = score_transcript(r, ignored);
    REQUIRE(s.critical.size() == 1);
    REQUIRE(s.moments.size() == 2);
    CHECK(s.moments[0].judgement == "harmful");  // the first chance to answer it
    CHECK(s.moments[1].judgement == "expert");   // after the window: not this response's doing

    // The next reading (the monitor's, before any choice) no longer shows it.
    const Json cleared = transcript({{{"type", "vitals"}, {"t", 60}, {"alerts", {"sbp_high"}}},
                                     {{"type", "alert"}, {"t", 60}, {"alert", "sbp_high"}},
                                     {{"type", "vitals"}, {"t", 90}, {"alerts", Json::array()}},
                                     choice(100, "a"), response(100, "reflect", {"complex_reflection"})});
    const Score after_clearing = score_transcript(r, cleared);
    CHECK(after_clearing.critical.empty());
    CHECK_FALSE(domain(after_clearing, "safety"));  // nor does the 10-minute timing rule count it
}

TEST_CASE("a vitals check is judged by indication: essential with a reported symptom or a reading due, neutral otherwise") {
    Rubric r = toy_rubric();
    ContextRule indicated;
    indicated.code = "checking_vitals";
    indicated.when = {Condition{"indicated", "==", "", 0, true}};
    indicated.cls = CodeClass::essential;
    r.rules.push_back(indicated);
    auto check_at = [&](Json c, std::vector<Json> before) {
        const double t = c["t"].get<double>();
        before.push_back(std::move(c));
        before.push_back({{"type", "action"}, {"t", t}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}});
        before.push_back(response(t + 1, "reflect", {"complex_reflection"}));
        return score_transcript(r, transcript(before));
    };
    auto action_scored = [](const Score& s) {
        return std::any_of(s.moments.begin(), s.moments.end(), [](const MomentResult& m) { return m.kind == "action"; });
    };
    const Json recent = {{"type", "vitals"}, {"t", 10}, {"alerts", Json::array()}};
    // Nothing indicates it: a recent reading, no complaint, no alert.
    CHECK_FALSE(action_scored(check_at(choice(20, "m"), {recent})));
    // A reported bodily symptom.
    Json complaint = choice(20, "m");
    complaint["flags"] = {"physical_complaint"};
    CHECK(action_scored(check_at(complaint, {recent})));
    // Dosed, and no reading for over half an hour.
    const Json dose = {{"type", "dose"}, {"t", 0}, {"mg", 120}, {"kind", "initial"}};
    CHECK(action_scored(check_at(choice(45, "m"), {dose})));
    CHECK_FALSE(action_scored(check_at(choice(20, "m"), {dose, recent})));
}

TEST_CASE("a moment's needs: an answer that misses what the moment requires is poor however warm; met by the answer or by an action at that choice") {
    Rubric r = toy_rubric();
    NeedRule need;
    need.when = {Condition{"flag", "==", "physical_complaint", 0, false}};
    need.expect = {"checking_vitals"};
    need.domain = "safety";
    need.weight = 1;
    need.why = "Measure rather than guess.";
    r.needs.push_back(need);
    Json c = choice(10, "heart");
    c["flags"] = {"physical_complaint"};
    const Score missed = score_transcript(r, transcript({c, response(10, "reflect", {"complex_reflection"})}));
    REQUIRE(missed.moments.size() == 1);
    CHECK(missed.moments[0].chose_expert);
    CHECK(missed.moments[0].judgement == "poor");
    CHECK(std::find(missed.moments[0].principles.begin(), missed.moments[0].principles.end(), need.why) !=
          missed.moments[0].principles.end());
    CHECK(domain(missed, "safety") == 0.0);

    const Score checked_first = score_transcript(
        r, transcript({c, {{"type", "action"}, {"t", 10}, {"action", "check_vitals"}, {"codes", {"checking_vitals"}}},
                       response(11, "reflect", {"complex_reflection"})}));
    REQUIRE(checked_first.moments.size() == 1);
    CHECK(checked_first.moments[0].judgement == "expert");
    CHECK(domain(checked_first, "safety") == 100.0);

    // Elsewhere the need does not apply.
    const Score plain = score_transcript(r, transcript({choice(10, "m"), response(10, "reflect", {"complex_reflection"})}));
    CHECK(plain.moments[0].judgement == "expert");
}

TEST_CASE("a critical code in the trainee's own words fails the session only when the coder is sure or the trainee said so") {
    auto typed = [](double p, bool corrected) {
        Json e = response(5, "reassure", {"touch_without_consent"});
        e["text"] = "I'm right here beside you.";
        e["typed"] = {{"heard", {{{"code", "touch_without_consent"}, {"p", p}}}},
                      {"primary", "touch_without_consent"},
                      {"corrected", corrected},
                      {"match", "reassure"},
                      {"clear", false},
                      {"relevant", true}};
        return score_transcript(toy_rubric(), transcript({choice(4, "m"), e}));
    };
    const Score unsure = typed(0.55, false);
    CHECK(unsure.critical.empty());
    REQUIRE_FALSE(unsure.moments.empty());
    CHECK(unsure.moments.front().judgement != "expert");
    CHECK(unsure.moments.front().judgement != "good");  // still judged for what it was heard as
    CHECK(typed(0.91, false).critical.size() == 1);
    CHECK(typed(0.55, true).critical.size() == 1);
    // Matched clearly to an option that carries the code: the option's codes, as if chosen.
    Json clear = response(5, "reassure", {"touch_without_consent"});
    clear["typed"] = {{"heard", {{{"code", "validation"}, {"p", 0.6}}}}, {"primary", "validation"}, {"clear", true}};
    CHECK(score_transcript(toy_rubric(), transcript({choice(4, "m"), clear})).critical.size() == 1);
}

TEST_CASE("scored for the totals only, a session keeps every total and drops the debrief's text") {
    // The events a session would hold for this transcript: "t" in seconds, the rest as data.
    auto events_of = [](const Json& transcript) {
        std::vector<Event> events;
        for (const auto& entry : transcript) {
            Event& e = events.emplace_back();
            for (const auto& [key, value] : entry.items())
                if (key == "type") e.type = value.get<std::string>();
                else if (key == "t") e.at = static_cast<Seconds>(value.get<double>() * 60);
                else e.data[key] = value;
        }
        return events;
    };
    Json typed = said(9, "reflect", "Tell me more about that.", {"complex_reflection"});  // a stock phrase: half its worth
    typed["typed"] = {{"heard", {{{"code", "complex_reflection"}, {"p", 0.9}}}}, {"primary", "complex_reflection"},
                      {"clear", false}, {"relevant", false}};
    const auto events = events_of(transcript({{{"type", "say"}, {"t", 5}, {"speaker", "Ana"}, {"text", "It's so big."}},
                                              choice(5, "big"),
                                              {{"type", "action"}, {"t", 5}, {"action", "touch"}, {"codes", {"touch_without_consent"}}},
                                              said(6, "reflect", "It feels huge.", {"complex_reflection"}),
                                              {{"type", "say"}, {"t", 8}, {"speaker", "Ana"}, {"text", "Will it end?"}},
                                              choice(8, "after"),
                                              typed}));
    const Score debrief = score_events(toy_rubric(), events);
    const Score totals = score_events(toy_rubric(), events, Detail::totals);
    CHECK(score_json(debrief) == score_json(score_events(toy_rubric(), events, Detail::debrief)));  // the default
    CHECK(debrief.overall > 0);
    CHECK(totals.overall == debrief.overall);
    CHECK(totals.pass == debrief.pass);
    CHECK(totals.domains == debrief.domains);
    REQUIRE(totals.critical.size() == 1);
    CHECK(totals.critical[0].message == debrief.critical[0].message);
    CHECK(totals.miti.reflections == debrief.miti.reflections);
    REQUIRE(totals.fis.size() == debrief.fis.size());
    for (std::size_t f = 0; f < totals.fis.size(); ++f) {
        CHECK(totals.fis[f].rating == debrief.fis[f].rating);
        CHECK_FALSE(debrief.fis[f].rule.empty());
        CHECK(totals.fis[f].rule.empty());
    }
    REQUIRE(debrief.moments.size() == 3);  // the touch, and two moments
    REQUIRE(totals.moments.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& d = debrief.moments[i];
        const auto& t = totals.moments[i];
        CHECK(t.kind == d.kind);
        CHECK(t.event == d.event);
        CHECK(t.t == d.t);
        CHECK(t.moment == d.moment);
        CHECK(t.response_id == d.response_id);
        CHECK(t.judgement == d.judgement);
        CHECK(t.fraction == d.fraction);
        CHECK(t.chose_expert == d.chose_expert);
        CHECK(t.typed == d.typed);
        CHECK_FALSE(d.principles.empty());  // the debrief has its text ...
        CHECK_FALSE(d.situation.empty());
        CHECK(t.principles.empty());        // ... the totals none
        CHECK(t.situation.empty());
        CHECK(t.codes.empty());
    }
    CHECK(debrief.moments[1].chose_expert);
    CHECK_FALSE(debrief.moments[1].expert_text.empty());
    CHECK_FALSE(debrief.moments[1].actions.empty());
    CHECK(totals.moments[1].expert_text.empty());
    CHECK(totals.moments[1].actions.empty());
    CHECK(debrief.moments[2].typed);
    CHECK_FALSE(debrief.moments[2].heard.empty());
    CHECK(totals.moments[2].heard.empty());
    CHECK((!debrief.strengths.empty() || !debrief.growth.empty()));
    CHECK(totals.strengths.empty());
    CHECK(totals.growth.empty());
}
