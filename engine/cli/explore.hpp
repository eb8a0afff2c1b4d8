#pragma once
// The scenario explorer that `check`, `autoplay` and `graph` share: it plays a
// scenario's sessions along chosen action sequences (random, every sequence, or
// a greedy search for the best- or worst-scoring path), in parallel, and
// gathers what happened. Every session is a fresh Session made from the source
// text, with its own Lua state, so workers share nothing but the Catalog; the
// results come back in a fixed order (seed order, or depth-first order of the
// action sequences), so nothing a report says depends on the number of workers.
#include "cli/strategy.hpp"
#include "scoring/rubric.hpp"
#include "scoring/scorer.hpp"
#include "sim/scenario.hpp"
#include "sim/session.hpp"
#include "sim/trainee_action.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace holdspace::cli::explore {

struct Source {
    std::string path, text;
    ScenarioInfo info;
    std::optional<scoring::Rubric> rubric;  // scores the paths; none when it cannot be found
    std::string rubric_note;                // why there is none
};
// Reads and loads the scenario and its rubric (`rubric`: a name or path; empty =
// the scenario's own). Throws ScriptError for a broken scenario or rubric,
// std::runtime_error for a missing file or a requested rubric that does not exist.
Source load_source(const std::string& path, const std::string& rubric);
// load_source for a subcommand: on failure says why on stderr (as "holdspace COMMAND: ...")
// and returns nothing, with the exit code in `exit_code`.
std::optional<Source> open_source(const char* command, const std::string& path, const std::string& rubric,
                                  int& exit_code);

struct OptionInfo {
    std::string id, text, action, rationale;
    std::vector<std::string> codes;
    bool expert = false;
    bool implicit = false;  // hold_space answered without an option that claims it
    int position = 0;       // place in the choice (0-based); implicit hold_space comes last
};

// A choice point: one s:choose call site (its line and moment), with every
// option it was ever seen to offer.
struct PointInfo {
    std::string key;
    int line = 0;
    std::string moment, prompt;
    std::vector<std::string> flags;
    std::vector<OptionInfo> options;  // by position, then id
    const OptionInfo* option(const std::string& id) const;
};

// Choice points and transcript lines seen while exploring; workers share it.
// What it keeps does not depend on the order things were seen in (where one
// point is seen with different prompts or texts, the smallest is kept).
class Catalog {
public:
    std::uint32_t point(const Choice& choice);
    // The points of a run's choices, in order (the same choice may come again), found under one lock
    // where the catalogue knows them all: the jobs look up every choice of their runs side by side.
    std::vector<std::uint32_t> points_of(const std::vector<std::shared_ptr<const Choice>>& choices);
    std::vector<std::uint32_t> lines(const std::vector<std::pair<std::string_view, std::string_view>>& kind_text);

    // For reports, once the workers are done.
    const std::deque<PointInfo>& points() const { return points_; }
    const std::pair<std::string, std::string>& line(std::uint32_t id) const { return lines_[id]; }
    std::size_t line_count() const { return lines_.size(); }
    // Point indices ordered by line, then moment.
    std::vector<std::uint32_t> points_in_order() const;

private:
    static bool nothing_new(const PointInfo& p, const Choice& choice);
    std::shared_mutex mutex_;
    std::unordered_map<std::string, std::uint32_t> point_ids_;  // by point_key (looked up at every choice)
    std::deque<PointInfo> points_;
    // Line ids by kind and text, hashed: the texts of one story often share long beginnings, and
    // ordering them compared those again for every line of every run.
    struct LineHash {
        using is_transparent = void;
        std::size_t operator()(const std::pair<std::string_view, std::string_view>& k) const {
            return std::hash<std::string_view>()(k.first) * 31 + std::hash<std::string_view>()(k.second);
        }
        std::size_t operator()(const std::pair<std::string, std::string>& k) const {
            return (*this)(std::pair<std::string_view, std::string_view>(k.first, k.second));
        }
    };
    struct LineEqual {
        using is_transparent = void;
        template <class A, class B>
        bool operator()(const A& a, const B& b) const {
            return std::string_view(a.first) == std::string_view(b.first) &&
                   std::string_view(a.second) == std::string_view(b.second);
        }
    };
    std::unordered_map<std::pair<std::string, std::string>, std::uint32_t, LineHash, LineEqual> line_ids_;
    std::deque<std::pair<std::string, std::string>> lines_;
};

// A path's move k: its step k and its action k (PathResult::actions).
struct Step {
    std::uint32_t point = 0;  // the choice open when the move was made
    bool answered = false;    // it answered the choice (an option, or hold_space)
};

struct ScoreSummary {
    double overall = 0;
    bool pass = false;
    std::vector<std::optional<double>> domains;  // in rubric order; none = not exercised
    std::vector<std::string> critical;
    // Expert options the rubric did not judge expert ("moment 'x' judged poor"): an answer key
    // that contradicts the rubric.
    std::vector<std::string> expert_misjudged;
};

struct PathResult {
    std::uint64_t seed = 0;
    std::vector<std::string> actions;  // as an actions file has them: replayable with play --actions
    std::vector<TraineeAction> moves;  // the same, resolved (empty when Settings::keep_moves is off)
    std::vector<Step> steps;
    std::vector<std::uint32_t> lines;  // say and narrate lines (Catalog::line ids), in order
    std::string end;                   // script, trainee, error, or unfinished (a bound was reached)
    std::string error;                 // the scenario's failure: file:line: message
    std::vector<std::string> traceback;
    bool limit = false;  // a sandbox limit (instructions, memory, string size, time) ended it
    bool probe = false;  // exhaustive: a non-verbal action tried at a choice point, then the expert path
    Seconds duration = 0;
    std::optional<ScoreSummary> score;
};

// How a path ranks for best/worst: by overall score, and a path with a critical
// error below every path without one. None for paths that were not scored.
std::optional<double> rank(const PathResult& path);

// Progress on stderr when it is a terminal: "label  [#####.....] 512/1000".
class Progress {
public:
    Progress(std::string label, long total);
    ~Progress();
    void add(long n = 1);
    void set_total(long total) { total_ = total; }

private:
    void draw(bool final);
    std::string label_;
    std::atomic<long> total_, done_{0};
    bool enabled_ = false;
    std::mutex draw_mutex_;
    std::chrono::steady_clock::time_point last_{};
};

struct Settings {
    std::uint64_t seed = 1;
    int jobs = 1;
    int max_depth = 200;    // responses along one path (exhaustive, greedy)
    long budget = 20000;    // exhaustive: the most paths
    bool probes = true;     // exhaustive: try the non-verbal actions at every choice point
    // random_runs, strategy_runs: keep each path's resolved moves. Off where nothing replays them
    // (autoplay, validity): a run's moves were most of what a long run of paths kept in memory,
    // and the page faults of growing it weighed on every job.
    bool keep_moves = true;
    Progress* progress = nullptr;
};

// Random playthroughs: seeds first_seed .. first_seed + runs - 1. Each seed's
// policy generator (independent of the session's) picks an option 75% of the
// time, a non-verbal action (not end) 20%, a 5-minute wait 5%.
std::vector<PathResult> random_runs(const Source& source, Catalog& catalog, const Settings& settings, int runs,
                                    int max_responses);

// One strategy (strategy.hpp) played on seeds first_seed .. first_seed + seeds - 1.
std::vector<PathResult> strategy_runs(const Source& source, Catalog& catalog, const Settings& settings,
                                      const Strategy& strategy, int seeds, int max_responses);

struct Exploration {
    std::vector<PathResult> paths;  // depth-first order of the action sequences, then probes
    bool complete = true;           // every sequence within the depth bound was played
    long unfinished = 0;            // paths cut off at the depth bound
    long sessions = 0;              // sessions played (including prefix replays)
};
// Every sequence of answers (each option of each choice, and hold_space where no
// option claims it) from settings.seed, depth-first, up to settings.budget paths
// and settings.max_depth responses per path. With probes, every choice point is
// then revisited along the first path that reached it, each non-verbal action no
// option claims is taken there once, and the expert path is followed to the end.
Exploration exhaustive(const Source& source, Catalog& catalog, const Settings& settings);

// Greedy search for the best (or worst) scoring path, once per seed (settings.seed
// onwards): at every choice, each answer and each non-verbal action not yet taken
// at that choice is tried, the session is completed along the expert options, and
// the move whose completed path ranks best (worst) is kept.
std::vector<PathResult> greedy(const Source& source, Catalog& catalog, const Settings& settings, int seeds,
                               bool worst, long& sessions);

// What a set of paths shows, aggregated in path order.
struct Summary {
    struct ErrorGroup {
        std::string message;
        std::vector<std::string> traceback;
        long count = 0;
        std::size_t first = 0;  // index of the first path with it
        bool limit = false;
    };
    long runs = 0;
    std::vector<ErrorGroup> errors;
    long limits = 0;
    long unfinished = 0;
    std::optional<std::size_t> first_unfinished;
    // point index -> option id -> times taken
    std::map<std::uint32_t, std::map<std::string, long>> taken;
    std::map<std::uint32_t, long> visits;
    std::map<std::uint32_t, long> ended_through;  // paths through the point that the scenario ended
    std::map<std::uint32_t, long> unfinished_through;
    std::map<std::uint32_t, std::map<std::string, long>> actions_at;  // non-verbal actions no option claimed
    std::vector<long> line_hits;  // by Catalog::line id
    long scored = 0, passed = 0;
    std::vector<double> overall;                       // sorted
    std::vector<std::vector<double>> domains;          // per rubric domain, sorted
    std::map<std::string, long> critical;              // message -> paths
    std::optional<std::size_t> best, worst;            // path indices
};
// With `jobs`, a long list is summed up in parts on that many threads; the summary is the same.
Summary summarize(const Source& source, const Catalog& catalog, const std::vector<PathResult>& paths, int jobs = 1);

// Runs fn(i) for i in [0, n) on `jobs` threads (the calling thread is one).
// An exception from fn is rethrown once all have stopped.
void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn);

// The default number of workers: the machine's hardware threads.
int default_jobs();

// How a rubric classes an option in a session of `phase`: each code's class (its
// base class, or that of the first context rule for it whose only conditions are
// on the phase and hold), and then "essential" when their points add up above 0,
// "proscribed" below 0, "compatible" at 0 (codes the rubric does not list are
// compatible). Rules that depend on the moment (state, alerts, history) are left
// aside: the debrief judges those.
const char* option_class(const scoring::Rubric& rubric, const std::vector<std::string>& codes, const std::string& phase);

// Actions as one line for a terminal: all of them, or the first `most` and how many there are.
std::string actions_text(const std::vector<std::string>& actions, std::size_t most = 40);

// Median of sorted values.
double median(const std::vector<double>& sorted);

}  // namespace holdspace::cli::explore
