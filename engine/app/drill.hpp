#pragma once
// Drill mode (docs/drills.md): short difficult moments practised one at a time. A drill
// replays its scenario with a fixed seed along the expert path up to its moment, shows a
// short lead-in and the choice, and after the trainee's answer the scorer's judgement of
// that moment; the same moment can be tried again. `holdspace drill` and the window's
// drill screen both drive a DrillSession.
#include "drill/schedule.hpp"
#include "scoring/scorer.hpp"
#include "script/drill_loader.hpp"
#include "sim/session.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace holdspace::records {
class Store;
}

namespace holdspace::app {

// The scenario file a drill names: SCENARIO.lua in the folder above the catalogue's.
std::string drill_scenario_path(const std::string& catalogue_path, const drill::Drill& d);

// One drill played once.
class DrillRun {
public:
    // Never throws: what went wrong (the scenario does not load, the moment is never reached)
    // is in error().
    // `attempt`: how many times this trainee has answered this drill before; each attempt shows
    // the options in another order (the participant and the lead-in stay those of `seed`).
    DrillRun(const drill::Drill& d, const std::string& scenario_path, std::uint64_t seed, std::uint64_t attempt = 0);
    ~DrillRun();
    DrillRun(const DrillRun&) = delete;
    DrillRun& operator=(const DrillRun&) = delete;

    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const drill::Drill& drill() const { return drill_; }
    const Session& session() const { return *session_; }
    std::uint64_t seed() const { return seed_; }
    const std::string& rubric_title() const { return rubric_title_; }
    const std::string& domain_title() const { return domain_title_; }
    // The moments the path passed on its way (to name them when the drill's is not among them).
    const std::vector<std::string>& passed() const { return passed_; }

    // The last `lines` transcript lines before the choice, as the terminal shows them.
    std::vector<std::string> lead_in(std::size_t lines = 6) const;
    // "1:24 into the session, medicine phase; Ana is within the window of tolerance, distress 48"
    std::string situation() const;
    // The open choice until the moment is answered.
    const Choice* choice() const;

    // Applies one response. False (and `error`) when it does not apply here, or is not part of a
    // drill (ending the session, letting time pass). A non-verbal action no option claims is
    // applied and the choice stays open; answered() turns true once the choice is answered.
    bool respond(const TraineeAction& action, std::string& error);
    bool answered() const { return answered_; }
    // After the answer: the scorer's judgement of the moment (none if the rubric does not load),
    // non-verbal actions scored while it was open, and what followed (up to the next choice).
    const std::optional<scoring::MomentResult>& result() const { return result_; }
    const std::vector<scoring::MomentResult>& actions_scored() const { return actions_scored_; }
    std::vector<std::string> aftermath(std::size_t lines = 6) const;
    double score() const;  // 0-100 for the moment

private:
    drill::Drill drill_;
    std::uint64_t seed_ = 1;
    std::unique_ptr<Session> session_;
    std::optional<scoring::Rubric> rubric_;
    std::string rubric_title_, domain_title_;
    std::string error_;
    std::vector<std::string> passed_;
    std::size_t choice_event_ = 0;  // index of the drilled choice's event
    std::size_t answer_event_ = 0;
    bool answered_ = false;
    std::optional<scoring::MomentResult> result_;
    std::vector<scoring::MomentResult> actions_scored_;
};

// Every problem in a catalogue: fields and levels (from reading it), duplicate ids, scenarios
// that do not exist or load, moments the path never reaches, domains the scenario's rubric
// does not have. Lines are the catalogue's.
std::vector<drill::Problem> check_catalogue(const script::CatalogueFile& file);

struct DrillConfig {
    std::string catalogue;
    std::string trainee, data_dir;  // with a trainee: history from the store, attempts recorded there
    drill::DailyOptions daily;
    std::vector<std::string> ids;   // these drills instead of the daily set
    std::optional<std::uint64_t> seed;   // instead of each drill's own
    std::optional<drill::Time> now;      // instead of the clock
    bool record = true;                  // write attempts to the store (not for screenshots)
};

// A drill session: today's set (or the drills asked for), worked through one at a time.
class DrillSession {
public:
    // Throws std::runtime_error (one line) when the catalogue does not load or is unsound, a
    // drill asked for does not exist, or the store cannot be opened.
    explicit DrillSession(DrillConfig config);
    ~DrillSession();

    const std::vector<drill::Drill>& catalogue() const { return catalogue_; }
    const drill::Drill* find(const std::string& id) const;
    const std::vector<drill::Pick>& picks() const { return picks_; }
    std::size_t position() const { return position_; }
    bool finished() const { return position_ >= picks_.size(); }
    const std::string& trainee() const { return config_.trainee; }

    // The drill being played (started on first use); null when the set is done.
    DrillRun* run();
    // Answers the current drill; once the moment is answered the attempt is recorded.
    bool respond(const TraineeAction& action, std::string& error);
    void retry();  // the same drill again: the same seed, the same lead-in
    void next();

    // The trainee's attempts, this session's included, timed on the local calendar (see now()).
    const std::vector<drill::Attempt>& history() const { return history_; }
    drill::Time clock() const;  // now, UTC (or --now)
    drill::Time now() const;    // now on the trainee's local calendar: what the schedule's days count
    // Set when an attempt could not be written to the store.
    const std::string& record_error() const { return record_error_; }
    bool recording() const { return store_ && config_.record; }
    std::size_t attempts_this_session() const { return attempts_; }

private:
    DrillConfig config_;
    std::vector<drill::Drill> catalogue_;
    std::vector<drill::Pick> picks_;
    std::size_t position_ = 0;
    std::unique_ptr<DrillRun> run_;
    std::unique_ptr<records::Store> store_;
    std::vector<drill::Attempt> history_;
    std::string record_error_;
    std::size_t attempts_ = 0;
};

// The store's attempts as the schedule reads them (answered_at that does not parse is left out).
std::vector<drill::Attempt> attempts_from_store(records::Store& store, const std::string& trainee);

}  // namespace holdspace::app
