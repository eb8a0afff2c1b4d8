// score_events (what autoplay scores with) against score_transcript on the transcript JSON (what a
// recorded session re-scores from): on every shipped scenario, the two must agree to the last bit.
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "scoring/scorer.hpp"
#include "script/lua_scenario.hpp"
#include "sim/vocabulary.hpp"

#include <doctest/doctest.h>

#include <algorithm>
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
    int sessions = 0, moments = 0, actions = 0, typed = 0, critical = 0;
};

// Both ways of scoring `events`, under every rubric, must give the same JSON.
void check_scores(const std::vector<scoring::Rubric>& rubrics, const std::vector<Event>& events, Seen& seen) {
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

}  // namespace

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
                    if (move == 3) check_scores(rubrics, session->events(), seen);  // a session still open
                }
                check_scores(rubrics, session->events(), seen);
                ++seen.sessions;
            }
    }
    // The sessions gave the scorer something to read in each of its paths.
    CHECK(seen.sessions == 6 * static_cast<int>(shipped_scenarios().size()));
    CHECK(seen.moments > 0);
    CHECK(seen.actions > 0);
    CHECK(seen.typed > 0);
    CHECK(seen.critical > 0);
}
