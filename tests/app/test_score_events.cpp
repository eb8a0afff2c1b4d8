// score_events (what autoplay scores with) against score_transcript on the transcript JSON (what a
// recorded session re-scores from): on every shipped scenario, the two must agree to the last bit.
// autoplay scores a session's events as it recorded them, the busiest with their data not made yet
// (Event::unmade); those must score as the same events made JSON.
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "scoring/scorer.hpp"
#include "script/lua_scenario.hpp"
#include "sim/vocabulary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <filesystem>
#include <random>

using namespace holdspace;

namespace {

std::vector<std::string> shipped_scenarios() {
    std::vector<std::string> paths;
    for (const char* phase : {"preparation", "medicine", "integration"})
        for (const auto& entry : std::filesystem::directory_iterator(std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios/" + phase))
            if (entry.path().extension() == ".lua") paths.push_back(entry.path().string());
    std::sort(paths.begin(), paths.end());
    return paths;
}

TraineeAction expert_move(const Choice& choice) {
    for (const auto& o : choice.options)
        if (o.expert) return TraineeAction::choose(o.id);
    return TraineeAction::choose(choice.options.front().id);
}

// Mostly options, some non-verbal actions (ending the session among them), waits and typed words:
// the moves that make actions, alerts, typed responses and critical errors for the scorer to read.
TraineeAction random_move(const Choice& choice, std::mt19937& rng) {
    const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
    switch (pick(10)) {
    case 0:
    case 1: {
        const auto kinds = action_infos();
        const ActionKind kind = kinds[pick(kinds.size())].kind;
        return TraineeAction::act(kind == ActionKind::end && pick(3) != 0 ? ActionKind::check_vitals : kind);
    }
    case 2: return TraineeAction::wait_for(0.5 * static_cast<double>(1 + pick(30)));  // times off the whole minute too
    case 3: {
        static const char* const stock[] = {"Tell me more about that.", "You're safe here, it will pass.",
                                            "I'm going to check your blood pressure."};
        const auto& o = choice.options[pick(choice.options.size())];
        return TraineeAction::say(pick(2) || o.text.empty() ? std::string(stock[pick(3)]) : o.text);
    }
    default: return TraineeAction::choose(choice.options[pick(choice.options.size())].id);
    }
}

struct Seen {
    int sessions = 0, moments = 0, actions = 0, typed = 0, critical = 0, unmade = 0;
};

int count_unmade(const std::vector<Event>& events) {
    return static_cast<int>(std::count_if(events.begin(), events.end(), [](const Event& e) { return !e.made(); }));
}

// Both ways of scoring a session's events as recorded, under every rubric, must give the same JSON.
void check_scores(const std::vector<scoring::Rubric>& rubrics, const std::vector<Event>& events, Seen& seen) {
    seen.unmade += count_unmade(events);
    const Json transcript = transcript_json(events);
    for (const auto& rubric : rubrics) {
        const auto live = scoring::score_events(rubric, events);
        CHECK(scoring::score_json(live) == scoring::score_json(scoring::score_transcript(rubric, transcript)));
        for (const auto& m : live.moments) {
            ++(m.kind == "action" ? seen.actions : seen.moments);
            seen.typed += m.typed;
        }
        seen.critical += static_cast<int>(live.critical.size());
    }
}

// The same double to the last bit.
bool same_bits(double a, double b) { return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b); }
bool same_bits(const std::optional<double>& a, const std::optional<double>& b) {
    return a.has_value() == b.has_value() && (!a || same_bits(*a, *b));
}

struct Totals {
    int scores = 0, passed = 0, critical = 0, moments = 0, judged_below_expert = 0, unmade = 0;
};

// Scored for the totals only, a session's events as recorded (as autoplay scores them) must give
// every field the totals fill exactly as the debrief of the same events made JSON does, and leave
// the debrief's text empty.
void check_totals(const scoring::Rubric& rubric, const std::vector<Event>& recorded, Totals& seen) {
    std::vector<Event> events = recorded;
    for (auto& e : events) make_data(e);
    seen.unmade += count_unmade(recorded);
    const auto debrief = scoring::score_events(rubric, events);
    const auto totals = scoring::score_events(rubric, recorded, scoring::Detail::totals);
    ++seen.scores;
    seen.passed += debrief.pass;
    seen.critical += static_cast<int>(debrief.critical.size());
    CHECK(totals.rubric_id == debrief.rubric_id);
    CHECK(totals.rubric_title == debrief.rubric_title);
    CHECK(same_bits(totals.pass_mark, debrief.pass_mark));
    CHECK(same_bits(totals.overall, debrief.overall));
    CHECK(totals.pass == debrief.pass);
    REQUIRE(totals.domains.size() == debrief.domains.size());
    for (std::size_t d = 0; d < debrief.domains.size(); ++d) {
        CHECK(totals.domains[d].first == debrief.domains[d].first);
        CHECK(same_bits(totals.domains[d].second, debrief.domains[d].second));
    }
    REQUIRE(totals.critical.size() == debrief.critical.size());
    for (std::size_t c = 0; c < debrief.critical.size(); ++c) {
        CHECK(same_bits(totals.critical[c].t, debrief.critical[c].t));
        CHECK(totals.critical[c].message == debrief.critical[c].message);
    }
    CHECK(totals.miti.questions == debrief.miti.questions);
    CHECK(totals.miti.reflections == debrief.miti.reflections);
    CHECK(totals.miti.complex_reflections == debrief.miti.complex_reflections);
    CHECK(same_bits(totals.miti.reflection_to_question, debrief.miti.reflection_to_question));
    CHECK(same_bits(totals.miti.percent_complex, debrief.miti.percent_complex));
    CHECK(totals.miti.rq_level == debrief.miti.rq_level);
    CHECK(totals.miti.complex_level == debrief.miti.complex_level);
    REQUIRE(totals.fis.size() == debrief.fis.size());
    for (std::size_t f = 0; f < debrief.fis.size(); ++f) {
        CHECK(totals.fis[f].item == debrief.fis[f].item);
        CHECK(same_bits(totals.fis[f].rating, debrief.fis[f].rating));
        CHECK(totals.fis[f].rule.empty());
    }
    REQUIRE(totals.moments.size() == debrief.moments.size());
    for (std::size_t i = 0; i < debrief.moments.size(); ++i) {
        const auto& d = debrief.moments[i];
        const auto& t = totals.moments[i];
        CAPTURE(i);
        CHECK(same_bits(t.t, d.t));
        CHECK(t.event == d.event);
        CHECK(t.kind == d.kind);
        CHECK(t.moment == d.moment);
        CHECK(t.response_id == d.response_id);
        CHECK(t.judgement == d.judgement);
        CHECK(same_bits(t.fraction, d.fraction));
        CHECK(t.chose_expert == d.chose_expert);
        CHECK(t.typed == d.typed);
        CHECK((t.situation.empty() && t.response_text.empty() && t.codes.empty() && t.principles.empty() &&
               t.expert_text.empty() && t.expert_rationale.empty() && t.actions.empty() && t.heard.empty()));
        ++seen.moments;
        seen.judged_below_expert += d.judgement != "expert";
    }
    CHECK(totals.strengths.empty());
    CHECK(totals.growth.empty());
}

}  // namespace

TEST_CASE("scored for the totals only, a session's totals are the debrief's to the last bit, on every shipped scenario") {
    // The policies autoplay and check play: the expert's answers, the first and the last option, and
    // random moves (non-verbal actions, waits and typed words among them).
    enum class Policy { expert, first, last, random };
    Totals seen;
    int sessions = 0;
    for (const auto& path : shipped_scenarios()) {
        CAPTURE(path);
        const std::string source = script::read_text_file(path);
        std::string note;
        std::vector<scoring::Rubric> rubrics;
        for (std::uint64_t seed = 1; seed <= 4; ++seed)
            for (const Policy policy : {Policy::expert, Policy::first, Policy::last, Policy::random}) {
                CAPTURE(seed);
                CAPTURE(static_cast<int>(policy));
                auto session = app::open_session(source, path, seed);
                if (rubrics.empty())
                    rubrics = app::load_all_rubrics(path, session->info().rubric, std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios/rubrics", note);
                REQUIRE_FALSE(rubrics.empty());
                session->start();
                std::mt19937 rng(static_cast<std::mt19937::result_type>(1000 + sessions));
                for (int move = 0; move < 200 && !session->over() && session->choice(); ++move) {
                    const Choice& choice = *session->choice();
                    TraineeAction action = policy == Policy::expert ? expert_move(choice)
                                           : policy == Policy::first ? TraineeAction::choose(choice.options.front().id)
                                           : policy == Policy::last  ? TraineeAction::choose(choice.options.back().id)
                                                                     : random_move(choice, rng);
                    std::string error;
                    REQUIRE(app::hear(action, *session, error));
                    if (!session->apply(action, error)) REQUIRE(session->apply(expert_move(choice), error));
                    if (move == 2)
                        for (const auto& rubric : rubrics) check_totals(rubric, session->recorded_events(), seen);  // still open
                }
                for (const auto& rubric : rubrics) check_totals(rubric, session->recorded_events(), seen);
                ++sessions;
            }
    }
    // Scores of every kind were compared: passed and failed, with critical errors, with moments judged
    // expert and otherwise.
    CHECK(sessions == 16 * static_cast<int>(shipped_scenarios().size()));
    CHECK(seen.passed > 0);
    CHECK(seen.passed < seen.scores);
    CHECK(seen.critical > 0);
    CHECK(seen.judged_below_expert > 0);
    CHECK(seen.judged_below_expert < seen.moments);
    CHECK(seen.unmade > 0);
}

TEST_CASE("a session's events score as their transcript does, on every shipped scenario") {
    Seen seen;
    for (const auto& path : shipped_scenarios()) {
        CAPTURE(path);
        const std::string source = script::read_text_file(path);
        std::string note;
        std::vector<scoring::Rubric> rubrics;
        for (std::uint64_t seed = 1; seed <= 3; ++seed)
            for (const bool expert : {true, false}) {
                CAPTURE(seed);
                CAPTURE(expert);
                auto session = app::open_session(source, path, seed);
                if (rubrics.empty())
                    rubrics = app::load_all_rubrics(path, session->info().rubric, std::string(HOLDSPACE_SOURCE_DIR) + "/scenarios/rubrics", note);
                REQUIRE_FALSE(rubrics.empty());
                session->start();
                std::mt19937 rng(static_cast<std::mt19937::result_type>(seen.sessions));  // other moves in each session
                for (int move = 0; move < 200 && !session->over() && session->choice(); ++move) {
                    const Choice& choice = *session->choice();
                    TraineeAction action = expert ? expert_move(choice) : random_move(choice, rng);
                    std::string error;
                    REQUIRE(app::hear(action, *session, error));
                    if (!session->apply(action, error)) REQUIRE(session->apply(expert_move(choice), error));
                    if (move == 3) check_scores(rubrics, session->recorded_events(), seen);  // a session still open
                }
                check_scores(rubrics, session->recorded_events(), seen);
                ++seen.sessions;
            }
    }
    // The sessions gave the scorer something to read in each of its paths.
    CHECK(seen.sessions == 6 * static_cast<int>(shipped_scenarios().size()));
    CHECK(seen.moments > 0);
    CHECK(seen.actions > 0);
    CHECK(seen.typed > 0);
    CHECK(seen.critical > 0);
    CHECK(seen.unmade > 0);
}
