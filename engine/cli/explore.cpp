#include "cli/explore.hpp"

#include "cli/commands.hpp"

#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/typed.hpp"
#include "cli/terminal_guard.hpp"
#include "cli/terminal_view.hpp"
#include "script/lua_scenario.hpp"
#include "sim/rng.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <iostream>
#include <set>
#include <thread>

namespace holdspace::cli::explore {
namespace {

bool is_limit_message(const std::string& message) {
    for (const char* what : {": instruction limit:", ": memory limit:", ": string too long:", ": time limit:"})
        if (message.find(what) != std::string::npos) return true;
    return false;
}

// Which of two variants of an option the catalogue keeps: the one whose fields, joined by \x1f
// (text, action, rationale, expert as 1 or 0, each code), come first. Compared field by field
// without joining them, as the same order.
class Signature {
public:
    template <class O>
    explicit Signature(const O& o)
        : fixed_{o.text, o.action, o.rationale, o.expert ? "1" : "0"}, codes_(o.codes.data()), code_count_(o.codes.size()) {}

    friend bool operator<(Signature a, Signature b) {
        for (;;) {
            const int x = a.next(), y = b.next();
            if (x != y) return x < y;  // the end (-1) comes before any character
            if (x < 0) return false;
        }
    }

private:
    // The joined text's next character (0-255), or -1 at its end.
    int next() {
        if (offset_ == part().size()) {
            if (part_ + 1 == parts()) return -1;
            ++part_;  // the separator, then the next part
            offset_ = 0;
            return 0x1f;
        }
        return static_cast<unsigned char>(part()[offset_++]);
    }
    std::size_t parts() const { return fixed_.size() + code_count_; }
    std::string_view part() const { return part_ < fixed_.size() ? fixed_[part_] : std::string_view(codes_[part_ - fixed_.size()]); }

    std::array<std::string_view, 4> fixed_;
    const std::string* codes_;
    std::size_t code_count_;
    std::size_t part_ = 0, offset_ = 0;
};

std::string point_key(const Choice& choice) {
    std::string key = std::to_string(choice.line);
    key += '|';
    key += choice.moment;
    if (choice.moment.empty()) {
        std::vector<std::string_view> ids;
        ids.reserve(choice.options.size());
        for (const auto& o : choice.options) ids.emplace_back(o.id);
        std::sort(ids.begin(), ids.end());
        for (const auto id : ids) key.append("|").append(id);
    }
    return key;
}

void sort_by_position(std::vector<OptionInfo>& options) {
    std::sort(options.begin(), options.end(), [](const OptionInfo& a, const OptionInfo& b) {
        return a.position != b.position ? a.position < b.position : a.id < b.id;
    });
}

// The answers a trainee can give a choice: each option, and holding space when
// no option claims it (an option that claims an action is the same answer as the action).
std::vector<TraineeAction> answers(const Choice& choice) {
    std::vector<TraineeAction> moves;
    for (const auto& o : choice.options) moves.push_back(TraineeAction::choose(o.id));
    if (!choice.claiming("hold_space")) moves.push_back(TraineeAction::act(ActionKind::hold_space));
    return moves;
}

// Non-verbal actions that no option of the choice claims (they leave the choice open).
std::vector<ActionKind> unclaimed_actions(const Choice& choice) {
    std::vector<ActionKind> kinds;
    for (const auto& info : action_infos()) {
        if (info.kind == ActionKind::hold_space || info.kind == ActionKind::end) continue;
        if (!choice.claiming(info.name)) kinds.push_back(info.kind);
    }
    return kinds;
}

TraineeAction expert_move(const Choice& choice) {
    for (const auto& o : choice.options)
        if (o.expert) return TraineeAction::choose(o.id);
    return TraineeAction::choose(choice.options.front().id);
}

// The next move at an open choice; none to stop there. Called with each choice as the scenario
// offers it, so a policy keeps its own count of the moves it has made.
using Policy = std::function<std::optional<TraineeAction>(const Choice&)>;

// One session along a sequence of moves, recording what it passes through.
class Walker final : Responder {
public:
    Walker(const Source& source, std::uint64_t seed, Catalog& catalog) : source_(source), catalog_(catalog) {
        session_ = app::open_session(source.text, source.path, seed);
    }
    ~Walker() override { session_->set_responder(nullptr); }
    Walker(const Walker&) = delete;
    Walker& operator=(const Walker&) = delete;

    // Starts the session and plays `policy` until it stops or the session ends; then the walker takes
    // single moves (apply). Moves that answer a choice are taken as the scenario offers it, without
    // pausing it (Responder); the others as a trainee's are, with apply().
    void play(const Policy& policy) {
        policy_ = &policy;
        refused_ = false;
        session_->set_responder(this);
        if (!session_->started()) session_->start();
        while (!stopped_ && !session_->over() && session_->choice()) {
            std::optional<TraineeAction> move = std::move(deferred_);
            deferred_.reset();
            if (!move) move = policy(*session_->choice());
            if (!move) break;
            refused_ = !apply(*move);
        }
        session_->set_responder(nullptr);
        policy_ = nullptr;
        stopped_ = false;
    }
    // Whether the session refused the policy's last move (the choice it was for is still open).
    bool refused() const { return refused_; }

    bool over() const { return session_->over(); }
    const Choice* choice() const { return session_->choice(); }
    // The moves taken so far, resolved (kept unless keep_moves(false)).
    const std::vector<TraineeAction>& taken() const { return taken_; }
    int depth() const { return static_cast<int>(steps_.size()); }
    // Whether taken() and the path's moves are kept: set before the first move.
    void keep_moves(bool keep) { keep_moves_ = keep; }

    bool apply(const TraineeAction& action) {
        const Choice* choice = session_->choice();
        if (!choice) return false;
        Step step;  // its point is found when the path is finished
        step.answered = action.kind == TraineeAction::Kind::option || action.kind == TraineeAction::Kind::say ||
                        (action.kind == TraineeAction::Kind::action && action.action != ActionKind::end &&
                         (action.action == ActionKind::hold_space || choice->claiming(action_info(action.action).name)));
        std::string error;
        TraineeAction heard = action;
        if (!app::hear(heard, *session_, error)) return false;  // a typed strategy's phrase
        // Its place is taken first: the moves the session takes at once while this one runs come after it.
        const std::size_t at = steps_.size();
        steps_.push_back(step);
        step_choices_.push_back(session_->last_offered());
        actions_.emplace_back();
        if (keep_moves_) taken_.push_back(heard);
        const auto applied = session_->apply(heard, error);
        if (!applied) {  // refused: nothing ran
            steps_.pop_back();
            step_choices_.pop_back();
            actions_.pop_back();
            if (keep_moves_) taken_.pop_back();
            return false;
        }
        actions_[at] = applied->to_string();
        if (keep_moves_) taken_[at] = *applied;
        return true;
    }

    // What the path came to; the walker's last use.
    PathResult finish() {
        PathResult r;
        r.seed = session_->seed();
        r.actions = std::move(actions_);
        r.moves = std::move(taken_);
        const auto points = catalog_.points_of(step_choices_);
        for (std::size_t k = 0; k < steps_.size(); ++k) steps_[k].point = points[k];
        r.steps = std::move(steps_);
        // The events as recorded: nothing here needs their JSON, so none is made.
        const auto& events = session_->recorded_events();
        std::vector<std::pair<std::string_view, std::string_view>> said;
        for (const auto& e : events)
            if (e.type == "say" || e.type == "narrate") said.emplace_back(e.type, e.text());
        r.lines = catalog_.lines(said);
        r.duration = session_->now();
        if (!session_->over()) {
            r.end = "unfinished";
        } else {
            r.end = "script";
            for (auto it = events.rbegin(); it != events.rend(); ++it)
                if (it->type == "end") {
                    r.end = it->data.value("reason", std::string("script"));
                    break;
                }
        }
        if (const auto& failure = session_->failure()) {
            r.end = "error";
            r.error = failure->what();
            r.traceback = failure->traceback;
            r.limit = is_limit_message(r.error);
        } else if (session_->over() && source_.rubric) {
            // The events are scored as they are, without building their JSON transcript, and for the
            // totals only: nothing here reads the debrief's text.
            const auto score = scoring::score_events(*source_.rubric, events, scoring::Detail::totals);
            ScoreSummary s;
            s.overall = score.overall;
            s.pass = score.pass;
            for (const auto& d : score.domains) s.domains.push_back(d.second);
            for (const auto& c : score.critical) s.critical.push_back(c.message);
            for (const auto& m : score.moments)
                if (m.chose_expert && m.judgement != "expert")
                    s.expert_misjudged.push_back("moment '" + m.moment + "' (" + m.response_id + ") judged " + m.judgement);
            r.score = std::move(s);
        }
        return r;
    }

private:
    // Responder: the policy's move, recorded as apply() records it when the session takes it at once.
    std::optional<TraineeAction> move(const Session&, const Choice& choice) override {
        auto next = (*policy_)(choice);
        if (!next) {
            stopped_ = true;
            return std::nullopt;
        }
        return next;
    }
    void took(const TraineeAction& resolved, bool answered) override {
        refused_ = false;
        steps_.push_back({0, answered});
        step_choices_.push_back(session_->last_offered());  // still the one move() was asked for: only run(s) offers one
        actions_.push_back(resolved.to_string());
        if (keep_moves_) taken_.push_back(resolved);
    }
    void deferred(TraineeAction move) override { deferred_ = std::move(move); }

    const Source& source_;
    Catalog& catalog_;
    std::unique_ptr<Session> session_;
    std::vector<Step> steps_;
    std::vector<std::shared_ptr<const Choice>> step_choices_;  // the choice each step was made at
    std::vector<std::string> actions_;  // each step's move as to_string() wrote it
    std::vector<TraineeAction> taken_;
    bool keep_moves_ = true;
    const Policy* policy_ = nullptr;
    std::optional<TraineeAction> deferred_;  // the policy's move the session left to apply()
    bool stopped_ = false;                   // the policy stopped while the scenario ran
    bool refused_ = false;
};

PathResult failed_path(std::uint64_t seed, const std::vector<TraineeAction>& moves, const ScriptError& e) {
    PathResult r;
    r.seed = seed;
    r.moves = moves;
    for (const auto& a : moves) r.actions.push_back(a.to_string());
    r.end = "error";
    r.error = e.what();
    r.traceback = e.traceback;
    r.limit = is_limit_message(r.error);
    return r;
}

// A fresh session with `prefix` applied. Null (and `failed` set) when the
// scenario fails to load, which a sound file never does after its first load.
// `then` plays on after the prefix, in the same turn (see Walker::play).
std::unique_ptr<Walker> replay(const Source& source, Catalog& catalog, std::uint64_t seed,
                               const std::vector<TraineeAction>& prefix, std::optional<PathResult>& failed,
                               const Policy& then = {}, bool keep_moves = true) {
    std::unique_ptr<Walker> w;
    try {
        w = std::make_unique<Walker>(source, seed, catalog);
    } catch (const ScriptError& e) {
        failed = failed_path(seed, prefix, e);
        return nullptr;
    }
    w->keep_moves(keep_moves);
    // The prefix ends at a move the session refuses (the walker stays where it was), then `then` plays on.
    std::size_t next = 0;
    bool in_prefix = true;
    const Walker& walker = *w;
    const Policy along = [&](const Choice& choice) -> std::optional<TraineeAction> {
        if (in_prefix && next < prefix.size() && !(next > 0 && walker.refused())) return prefix[next++];
        in_prefix = false;
        if (!then) return std::nullopt;
        return then(choice);
    };
    w->play(along);
    return w;
}

// Along the expert options to the end (or max_depth responses).
Policy expert_policy(const Walker& w, int max_depth) {
    return [&w, max_depth](const Choice& choice) -> std::optional<TraineeAction> {
        if (w.depth() >= max_depth) return std::nullopt;
        return expert_move(choice);
    };
}

void complete_expert(Walker& w, int max_depth) { w.play(expert_policy(w, max_depth)); }

// ---- exhaustive ----

struct Subtree {
    std::vector<PathResult> paths;
    bool complete = true;
    long unfinished = 0;
    long sessions = 0;
};

class Explorer {
public:
    Explorer(const Source& source, Catalog& catalog, const Settings& settings)
        : source_(source), catalog_(catalog), settings_(settings) {}

    // Depth-first below `w`, at most `budget` (>= 1) paths. Each of a node's
    // answers is given what the earlier ones left, less one path reserved for each
    // later answer: a subtree that fits the budget is explored completely, and one
    // that does not still tries every answer at every node it reaches.
    void dfs(std::unique_ptr<Walker> w, long budget, Subtree& out) {
        if (w->over() || w->depth() >= settings_.max_depth) {
            if (!w->over()) ++out.unfinished;
            out.paths.push_back(w->finish());
            if (settings_.progress) settings_.progress->add();
            return;
        }
        const auto moves = answers(*w->choice());
        const auto prefix = w->taken();
        long used = 0;
        for (std::size_t i = 0; i < moves.size(); ++i) {
            const long left = budget - used;
            if (left <= 0) {
                out.complete = false;
                return;
            }
            const long reserve = static_cast<long>(moves.size() - i - 1);
            std::unique_ptr<Walker> child;
            if (i == 0) {
                child = std::move(w);  // the first answer, which gets the most budget, goes on in this session
            } else {
                std::optional<PathResult> failed;
                child = replay(source_, catalog_, settings_.seed, prefix, failed);
                ++out.sessions;
                if (!child) {
                    out.paths.push_back(std::move(*failed));
                    ++used;
                    continue;
                }
            }
            child->apply(moves[i]);
            const auto before = out.paths.size();
            dfs(std::move(child), std::max(1L, left - reserve), out);
            used += static_cast<long>(out.paths.size() - before);
        }
    }

    Subtree subtree(const std::vector<TraineeAction>& prefix, long budget) {
        Subtree out;
        if (budget <= 0) {
            out.complete = false;
            return out;
        }
        std::optional<PathResult> failed;
        auto w = replay(source_, catalog_, settings_.seed, prefix, failed);
        ++out.sessions;
        if (!w) {
            out.paths.push_back(std::move(*failed));
            return out;
        }
        dfs(std::move(w), budget, out);
        return out;
    }

    // The prefixes of the first two choices, in depth-first order: the units of parallel work.
    void frontier(const std::vector<TraineeAction>& prefix, int level, std::vector<std::vector<TraineeAction>>& items,
                  long& sessions) {
        std::optional<PathResult> failed;
        auto w = replay(source_, catalog_, settings_.seed, prefix, failed);
        ++sessions;
        if (!w || w->over() || level == 2 || w->depth() >= settings_.max_depth) {
            items.push_back(prefix);
            return;
        }
        for (const auto& m : answers(*w->choice())) {
            auto next = prefix;
            next.push_back(m);
            frontier(next, level + 1, items, sessions);
        }
    }

private:
    const Source& source_;
    Catalog& catalog_;
    const Settings& settings_;
};

}  // namespace

// ---- Catalog ----

const OptionInfo* PointInfo::option(const std::string& id) const {
    for (const auto& o : options)
        if (o.id == id) return &o;
    return nullptr;
}

// Whether merging `choice` into the point seen before would change nothing: every option known,
// as it is or as a variant the merge would not keep (the implicit hold_space too), no new flag, no
// smaller prompt. Nearly every step of a run is such a visit, and copying and comparing the options
// cost more than the session's step.
bool Catalog::nothing_new(const PointInfo& p, const Choice& choice) {
    if (!choice.prompt.empty() && (p.prompt.empty() || choice.prompt < p.prompt)) return false;
    for (const auto& f : choice.flags)
        if (std::find(p.flags.begin(), p.flags.end(), f) == p.flags.end()) return false;
    for (const auto& o : choice.options) {
        const OptionInfo* k = p.option(o.id);
        if (!k || k->implicit) return false;
        if (k->text == o.text && k->action == o.action && k->rationale == o.rationale && k->codes == o.codes &&
            k->expert == o.expert && k->position == o.written)
            continue;
        // Another variant of a known option (one call site offering different texts): point() keeps
        // the smaller signature and the earlier position.
        if (o.written < k->position) return false;
        if (Signature(o) < Signature(*k)) return false;
    }
    if (!choice.claiming("hold_space")) {
        const OptionInfo* k = p.option("hold_space");
        if (!k || !k->implicit || !k->text.empty() || k->action != "hold_space" || !k->rationale.empty() ||
            k->codes.size() != 1 || k->codes[0] != "holding_space" || k->expert || k->position != 1000)
            return false;
    }
    return true;
}

std::uint32_t Catalog::point(const Choice& choice) {
    const std::string key = point_key(choice);
    {
        // Most lookups find nothing new: the jobs make them side by side, and only wait for an update.
        std::shared_lock lock(mutex_);
        const auto known = point_ids_.find(key);
        if (known != point_ids_.end() && nothing_new(points_[known->second], choice)) return known->second;
    }
    std::vector<OptionInfo> offered;
    for (const auto& o : choice.options) {
        offered.push_back({o.id, o.text, o.action, o.rationale, o.codes, o.expert, false, o.written});
    }
    if (!choice.claiming("hold_space"))
        offered.push_back({"hold_space", "", "hold_space", "", {"holding_space"}, false, true, 1000});

    std::unique_lock lock(mutex_);
    auto [it, inserted] = point_ids_.try_emplace(key, static_cast<std::uint32_t>(points_.size()));
    if (inserted) {
        PointInfo p;
        p.key = key;
        p.line = choice.line;
        p.moment = choice.moment;
        p.prompt = choice.prompt;
        p.flags = choice.flags;
        std::sort(p.flags.begin(), p.flags.end());
        p.options = std::move(offered);
        sort_by_position(p.options);  // as written, not in the order this session showed them
        points_.push_back(std::move(p));
        return it->second;
    }
    PointInfo& p = points_[it->second];
    if (!choice.prompt.empty() && (p.prompt.empty() || choice.prompt < p.prompt)) p.prompt = choice.prompt;
    for (const auto& f : choice.flags)
        if (std::find(p.flags.begin(), p.flags.end(), f) == p.flags.end()) p.flags.push_back(f);
    std::sort(p.flags.begin(), p.flags.end());
    bool changed = false;
    for (auto& o : offered) {
        auto known = std::find_if(p.options.begin(), p.options.end(), [&](const OptionInfo& k) { return k.id == o.id; });
        if (known == p.options.end()) {
            p.options.push_back(std::move(o));
            changed = true;
        } else if (const bool smaller = Signature(o) < Signature(*known); smaller || o.position < known->position) {
            const int position = std::min(o.position, known->position);
            if (smaller) *known = std::move(o);
            known->position = position;
            changed = true;
        }
    }
    if (changed) sort_by_position(p.options);
    return it->second;
}

std::vector<std::uint32_t> Catalog::points_of(const std::vector<std::shared_ptr<const Choice>>& choices) {
    std::vector<std::uint32_t> ids(choices.size());
    std::vector<bool> found(choices.size(), false);
    bool all_found = true;
    {
        std::shared_lock lock(mutex_);
        for (std::size_t k = 0; k < choices.size(); ++k) {
            if (k > 0 && choices[k] == choices[k - 1]) {  // another move at the same choice
                ids[k] = ids[k - 1];
                found[k] = found[k - 1];
                continue;
            }
            const auto known = point_ids_.find(point_key(*choices[k]));
            found[k] = known != point_ids_.end() && nothing_new(points_[known->second], *choices[k]);
            if (found[k]) ids[k] = known->second;
            all_found = all_found && found[k];
        }
    }
    if (all_found) return ids;
    // What is new is merged in as point() merges it, in the run's order.
    for (std::size_t k = 0; k < choices.size(); ++k) {
        if (found[k]) continue;
        ids[k] = k > 0 && choices[k] == choices[k - 1] ? ids[k - 1] : point(*choices[k]);
    }
    return ids;
}

std::vector<std::uint32_t> Catalog::lines(const std::vector<std::pair<std::string_view, std::string_view>>& kind_text) {
    std::vector<std::uint32_t> ids;
    ids.reserve(kind_text.size());
    {
        // Once a story's lines are all known, the jobs look them up side by side.
        std::shared_lock lock(mutex_);
        for (const auto& kt : kind_text) {
            const auto it = line_ids_.find(kt);
            if (it == line_ids_.end()) break;
            ids.push_back(it->second);
        }
        if (ids.size() == kind_text.size()) return ids;
    }
    std::unique_lock lock(mutex_);
    for (std::size_t i = ids.size(); i < kind_text.size(); ++i) {
        const auto& kt = kind_text[i];
        if (const auto it = line_ids_.find(kt); it != line_ids_.end()) {
            ids.push_back(it->second);
            continue;
        }
        const auto id = static_cast<std::uint32_t>(lines_.size());
        lines_.emplace_back(std::string(kt.first), std::string(kt.second));
        line_ids_.emplace(lines_.back(), id);
        ids.push_back(id);
    }
    return ids;
}

std::vector<std::uint32_t> Catalog::points_in_order() const {
    std::vector<std::uint32_t> order(points_.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto& pa = points_[a];
        const auto& pb = points_[b];
        if (pa.line != pb.line) return pa.line < pb.line;
        return pa.key < pb.key;
    });
    return order;
}

// ---- sources ----

Source load_source(const std::string& path, const std::string& rubric) {
    Source s;
    s.path = path;
    s.text = script::read_text_file(path);
    auto loaded = script::load_scenario_source(s.text, path);
    s.info = *loaded.info;
    std::vector<std::string> requested;
    if (!rubric.empty()) requested.push_back(rubric);
    auto rubrics = app::load_rubrics(requested, s.info.rubric, path, s.rubric_note);
    if (!rubrics.empty()) s.rubric = std::move(rubrics.front());
    return s;
}

std::optional<double> rank(const PathResult& path) {
    if (!path.score) return std::nullopt;
    return path.score->overall - (path.score->critical.empty() ? 0.0 : 1000.0);
}

// ---- progress ----

Progress::Progress(std::string label, long total) : label_(terminal_safe(label)), total_(total) {
    enabled_ = ::isatty(STDERR_FILENO) == 1;
}

Progress::~Progress() {
    if (enabled_) std::fprintf(stderr, "\r\033[K");
}

void Progress::add(long n) {
    done_ += n;
    if (!enabled_) return;
    std::unique_lock lock(draw_mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    draw(false);
}

void Progress::draw(bool) {
    const long done = done_.load(), total = total_.load();
    std::string line = "\r" + label_ + " ";
    if (total > 0) {
        constexpr int width = 30;
        const long filled = std::min<long>(width, done * width / std::max(1L, total));
        line += "[" + std::string(static_cast<std::size_t>(filled), '#') +
                std::string(static_cast<std::size_t>(width - filled), '.') + "] ";
        line += std::to_string(done) + "/" + std::to_string(total);
    } else {
        line += std::to_string(done);
    }
    line += "\033[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
}

// ---- running ----

int default_jobs() {
    const unsigned n = std::thread::hardware_concurrency();
    return n == 0 ? 1 : static_cast<int>(std::min(n, 64u));
}

void parallel_for(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_mutex;
    std::atomic<bool> stop{false};
    auto work = [&] {
        for (std::size_t i = 0; !stop && (i = next++) < n;) {
            try {
                fn(i);
            } catch (...) {
                std::lock_guard lock(failure_mutex);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
        }
    };
    const auto threads = static_cast<std::size_t>(std::max(1, jobs));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < std::min(threads, n); ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

std::vector<PathResult> random_runs(const Source& source, Catalog& catalog, const Settings& settings, int runs,
                                    int max_responses) {
    std::vector<PathResult> out(static_cast<std::size_t>(std::max(0, runs)));
    parallel_for(out.size(), settings.jobs, [&](std::size_t i) {
        const std::uint64_t seed = settings.seed + i;
        Rng draws(seed ^ 0x5eed5eed5eed5eedULL);
        const auto all = action_infos();
        int responses = 0;
        const Policy random = [&](const Choice& choice) -> std::optional<TraineeAction> {
            if (responses >= max_responses) return std::nullopt;
            ++responses;
            const double roll = draws.uniform();
            if (roll < 0.75) {
                const auto k = static_cast<std::size_t>(draws.range(0, static_cast<std::int64_t>(choice.options.size()) - 1));
                return TraineeAction::choose(choice.options[k].id);
            }
            if (roll < 0.95) {
                const auto k = static_cast<std::size_t>(draws.range(0, static_cast<std::int64_t>(all.size()) - 2));  // not 'end'
                return TraineeAction::act(all[k].kind);
            }
            return TraineeAction::wait_for(5);
        };
        std::optional<PathResult> failed;
        auto w = replay(source, catalog, seed, {}, failed, random, settings.keep_moves);
        if (!w) {
            out[i] = std::move(*failed);
            return;
        }
        out[i] = w->finish();
        if (settings.progress) settings.progress->add();
    });
    return out;
}

std::vector<PathResult> strategy_runs(const Source& source, Catalog& catalog, const Settings& settings,
                                      const Strategy& strategy, int seeds, int max_responses) {
    std::vector<PathResult> out(static_cast<std::size_t>(std::max(0, seeds)));
    parallel_for(out.size(), settings.jobs, [&](std::size_t i) {
        const std::uint64_t seed = settings.seed + i;
        bool checked = false;  // vitals already checked at the open choice
        int responses = 0;
        const Walker* walker = nullptr;
        const Policy play = [&](const Choice& choice) -> std::optional<TraineeAction> {
            if (responses >= max_responses || (responses > 0 && walker->refused())) return std::nullopt;
            ++responses;
            if (strategy.vitals_first && !checked) {
                checked = !choice.claiming("check_vitals");  // an option that claims the check answers the choice
                return TraineeAction::act(ActionKind::check_vitals);
            }
            checked = false;
            return strategy_answer(strategy, choice);
        };
        std::unique_ptr<Walker> w;
        try {
            w = std::make_unique<Walker>(source, seed, catalog);
        } catch (const ScriptError& e) {
            out[i] = failed_path(seed, {}, e);
            return;
        }
        walker = w.get();
        w->keep_moves(settings.keep_moves);
        w->play(play);
        out[i] = w->finish();
        if (settings.progress) settings.progress->add();
    });
    return out;
}

Exploration exhaustive(const Source& source, Catalog& catalog, const Settings& settings) {
    Exploration result;
    Explorer explorer(source, catalog, settings);
    std::vector<std::vector<TraineeAction>> items;
    explorer.frontier({}, 0, items, result.sessions);

    // Each unit gets an equal share of the budget; what complete units leave
    // over goes to the incomplete ones in later passes. Shares, passes and order
    // depend only on the tree, never on the number of workers.
    const std::size_t n = items.size();
    std::vector<long> share(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        share[i] = settings.budget / static_cast<long>(n) + (static_cast<long>(i) < settings.budget % static_cast<long>(n) ? 1 : 0);
    std::vector<Subtree> subs(n);
    std::vector<std::size_t> todo(n);
    for (std::size_t i = 0; i < n; ++i) todo[i] = i;
    for (int pass = 0; pass < 6 && !todo.empty(); ++pass) {
        parallel_for(todo.size(), settings.jobs, [&](std::size_t k) {
            const std::size_t i = todo[k];
            const long before = static_cast<long>(subs[i].paths.size());
            if (settings.progress && before > 0) settings.progress->add(-before);
            const long spent = subs[i].sessions;
            subs[i] = explorer.subtree(items[i], share[i]);
            subs[i].sessions += spent;
        });
        long used = 0;
        std::vector<std::size_t> incomplete;
        for (std::size_t i = 0; i < n; ++i) {
            used += static_cast<long>(subs[i].paths.size());
            if (!subs[i].complete) incomplete.push_back(i);
        }
        const long left = settings.budget - used;
        todo.clear();
        if (incomplete.empty() || left <= 0) break;
        const long each = left / static_cast<long>(incomplete.size());
        const long rest = left % static_cast<long>(incomplete.size());
        for (std::size_t k = 0; k < incomplete.size(); ++k) {
            const long extra = each + (static_cast<long>(k) < rest ? 1 : 0);
            if (extra <= 0) continue;
            share[incomplete[k]] = static_cast<long>(subs[incomplete[k]].paths.size()) + extra;
            todo.push_back(incomplete[k]);
        }
    }
    for (auto& s : subs) {
        result.complete = result.complete && s.complete;
        result.unfinished += s.unfinished;
        result.sessions += s.sessions;
        for (auto& p : s.paths) result.paths.push_back(std::move(p));
    }

    if (!settings.probes) return result;
    // Probes: at each choice point, along the first path that reached it, each
    // non-verbal action no option claims, then the expert path to the end.
    struct Probe {
        std::vector<TraineeAction> prefix;
        ActionKind action;
    };
    std::vector<Probe> probes;
    std::set<std::uint32_t> seen;
    const std::size_t explored = result.paths.size();
    for (std::size_t i = 0; i < explored; ++i) {
        const auto& path = result.paths[i];
        for (std::size_t s = 0; s < path.steps.size() && s < path.moves.size(); ++s) {
            if (!seen.insert(path.steps[s].point).second) continue;
            const std::vector<TraineeAction> prefix(path.moves.begin(), path.moves.begin() + static_cast<std::ptrdiff_t>(s));
            for (const auto& info : action_infos())
                if (info.kind != ActionKind::hold_space && info.kind != ActionKind::end)
                    probes.push_back({prefix, info.kind});
        }
    }
    std::vector<std::optional<PathResult>> probed(probes.size());
    parallel_for(probes.size(), settings.jobs, [&](std::size_t k) {
        std::optional<PathResult> failed;
        auto w = replay(source, catalog, settings.seed, probes[k].prefix, failed);
        if (!w) {
            probed[k] = std::move(failed);
            return;
        }
        if (w->over() || !w->choice()) return;
        const auto open = unclaimed_actions(*w->choice());
        if (std::find(open.begin(), open.end(), probes[k].action) == open.end()) return;  // an option claims it
        w->apply(TraineeAction::act(probes[k].action));
        complete_expert(*w, settings.max_depth);
        probed[k] = w->finish();
        probed[k]->probe = true;
        if (settings.progress) settings.progress->add();
    });
    result.sessions += static_cast<long>(probes.size());
    for (auto& p : probed)
        if (p) result.paths.push_back(std::move(*p));
    return result;
}

std::vector<PathResult> greedy(const Source& source, Catalog& catalog, const Settings& settings, int seeds,
                               bool worst, long& sessions) {
    std::vector<PathResult> results;
    for (int n = 0; n < seeds; ++n) {
        const std::uint64_t seed = settings.seed + static_cast<std::uint64_t>(n);
        std::optional<PathResult> failed;
        auto live = replay(source, catalog, seed, {}, failed);
        ++sessions;
        if (!live) {
            results.push_back(std::move(*failed));
            continue;
        }
        std::set<ActionKind> done_here;  // unclaimed actions already taken at the open choice
        std::vector<PathResult> errors;
        while (!live->over() && live->depth() < settings.max_depth) {
            const Choice& choice = *live->choice();
            auto candidates = answers(choice);
            for (auto kind : unclaimed_actions(choice))
                if (!done_here.count(kind)) candidates.push_back(TraineeAction::act(kind));
            std::vector<std::optional<double>> ranks(candidates.size());
            std::vector<std::optional<PathResult>> failures(candidates.size());
            const auto prefix = live->taken();
            parallel_for(candidates.size(), settings.jobs, [&](std::size_t k) {
                std::optional<PathResult> bad;
                auto w = replay(source, catalog, seed, prefix, bad);
                if (!w) {
                    failures[k] = std::move(bad);
                    return;
                }
                w->apply(candidates[k]);
                complete_expert(*w, settings.max_depth);
                auto r = w->finish();
                ranks[k] = rank(r);
                if (!r.error.empty()) failures[k] = std::move(r);
            });
            sessions += static_cast<long>(candidates.size());
            for (auto& f : failures) {
                if (!f) continue;
                const bool known = std::any_of(errors.begin(), errors.end(),
                                               [&](const PathResult& e) { return e.error == f->error; });
                if (!known) errors.push_back(std::move(*f));
            }
            std::size_t pick = 0;
            std::optional<double> best;
            for (std::size_t k = 0; k < candidates.size(); ++k) {
                if (!ranks[k]) continue;
                if (!best || (worst ? *ranks[k] < *best : *ranks[k] > *best)) {
                    best = ranks[k];
                    pick = k;
                }
            }
            const auto& move = candidates[pick];
            const bool answered = move.kind == TraineeAction::Kind::option || move.action == ActionKind::hold_space;
            live->apply(move);
            if (answered)
                done_here.clear();
            else
                done_here.insert(move.action);
        }
        results.push_back(live->finish());
        if (settings.progress) settings.progress->add();
        for (auto& e : errors) results.push_back(std::move(e));
    }
    return results;
}

// ---- summaries ----

const char* option_class(const scoring::Rubric& rubric, const std::vector<std::string>& codes, const std::string& phase) {
    int total = 0;
    for (const auto& code : codes) {
        auto cls = scoring::CodeClass::compatible;
        if (const auto it = rubric.codes.find(code); it != rubric.codes.end()) cls = it->second.cls;
        // The first rule for the code that holds whenever the phase does (conditions on the phase only).
        for (const auto& rule : rubric.rules) {
            if (rule.code != code || rule.when.empty()) continue;
            const bool phase_only = std::all_of(rule.when.begin(), rule.when.end(),
                                                [](const scoring::Condition& c) { return c.key == "phase"; });
            if (!phase_only) continue;
            const bool holds = std::all_of(rule.when.begin(), rule.when.end(),
                                           [&](const scoring::Condition& c) { return c.word == phase; });
            if (holds) {
                cls = rule.cls;
                break;
            }
        }
        total += scoring::points(cls);
    }
    return total > 0 ? "essential" : total < 0 ? "proscribed" : "compatible";
}

std::string actions_text(const std::vector<std::string>& actions, std::size_t most) {
    if (actions.empty()) return "(no actions)";
    std::string out;
    for (std::size_t i = 0; i < actions.size() && i < most; ++i) out += (i ? " " : "") + actions[i];
    if (actions.size() > most) out += " ... (" + std::to_string(actions.size()) + " actions; --json lists them all)";
    return out;
}

double median(const std::vector<double>& sorted) {
    if (sorted.empty()) return 0;
    const std::size_t n = sorted.size();
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

namespace {

// The summary of paths [from, to): indices in it (errors' first, first_unfinished, best, worst) are
// of the whole list; overall and domains are left unsorted.
Summary summarize_part(const Source& source, const Catalog& catalog, const std::vector<PathResult>& paths,
                       std::size_t from, std::size_t to) {
    Summary s;
    s.line_hits.assign(catalog.line_count(), 0);
    if (source.rubric) s.domains.resize(source.rubric->domains.size());
    std::map<std::string, std::size_t> error_index;
    std::optional<double> best, worst;
    for (std::size_t i = from; i < to; ++i) {
        const auto& p = paths[i];
        ++s.runs;
        if (!p.error.empty()) {
            auto [it, inserted] = error_index.try_emplace(p.error, s.errors.size());
            if (inserted) s.errors.push_back({p.error, p.traceback, 0, i, p.limit});
            ++s.errors[it->second].count;
        }
        if (p.limit) ++s.limits;
        if (p.end == "unfinished") {
            ++s.unfinished;
            if (!s.first_unfinished) s.first_unfinished = i;
        }
        std::set<std::uint32_t> through;
        for (std::size_t k = 0; k < p.steps.size() && k < p.actions.size(); ++k) {
            const Step& step = p.steps[k];
            const std::string& move = p.actions[k];
            through.insert(step.point);
            if (step.answered)
                ++s.taken[step.point][move];
            else if (move.rfind("wait ", 0) != 0)
                ++s.actions_at[step.point][move];
        }
        for (auto point : through) {
            ++s.visits[point];
            if (p.end == "script" || p.end == "trainee") ++s.ended_through[point];
            if (p.end == "unfinished") ++s.unfinished_through[point];
        }
        for (auto id : p.lines)
            if (id < s.line_hits.size()) ++s.line_hits[id];
        if (p.score) {
            ++s.scored;
            if (p.score->pass) ++s.passed;
            s.overall.push_back(p.score->overall);
            for (std::size_t d = 0; d < p.score->domains.size() && d < s.domains.size(); ++d)
                if (p.score->domains[d]) s.domains[d].push_back(*p.score->domains[d]);
            std::set<std::string> messages(p.score->critical.begin(), p.score->critical.end());
            for (const auto& m : messages) ++s.critical[m];
            const auto r = rank(p);
            if (!best || *r > *best) {
                best = r;
                s.best = i;
            }
            if (!worst || *r < *worst) {
                worst = r;
                s.worst = i;
            }
        }
    }
    return s;
}

template <class Map>
void add_counts(Map& into, const Map& from) {
    for (const auto& [key, count] : from) into[key] += count;
}

// Adds the summary of the paths after those `s` summed up, as if one loop had gone on through them:
// errors in the order first seen, the first path of a kind kept, the first best and worst kept on a tie.
void add_part(Summary& s, Summary&& part, const std::vector<PathResult>& paths) {
    s.runs += part.runs;
    for (auto& group : part.errors) {
        auto same = std::find_if(s.errors.begin(), s.errors.end(),
                                 [&](const Summary::ErrorGroup& e) { return e.message == group.message; });
        if (same == s.errors.end())
            s.errors.push_back(std::move(group));
        else
            same->count += group.count;
    }
    s.limits += part.limits;
    s.unfinished += part.unfinished;
    if (!s.first_unfinished) s.first_unfinished = part.first_unfinished;
    for (const auto& [point, counts] : part.taken) add_counts(s.taken[point], counts);
    add_counts(s.visits, part.visits);
    add_counts(s.ended_through, part.ended_through);
    add_counts(s.unfinished_through, part.unfinished_through);
    for (const auto& [point, counts] : part.actions_at) add_counts(s.actions_at[point], counts);
    for (std::size_t i = 0; i < s.line_hits.size() && i < part.line_hits.size(); ++i) s.line_hits[i] += part.line_hits[i];
    s.scored += part.scored;
    s.passed += part.passed;
    s.overall.insert(s.overall.end(), part.overall.begin(), part.overall.end());
    for (std::size_t d = 0; d < s.domains.size() && d < part.domains.size(); ++d)
        s.domains[d].insert(s.domains[d].end(), part.domains[d].begin(), part.domains[d].end());
    add_counts(s.critical, part.critical);
    if (part.best && (!s.best || *rank(paths[*part.best]) > *rank(paths[*s.best]))) s.best = part.best;
    if (part.worst && (!s.worst || *rank(paths[*part.worst]) < *rank(paths[*s.worst]))) s.worst = part.worst;
}

}  // namespace

Summary summarize(const Source& source, const Catalog& catalog, const std::vector<PathResult>& paths, int jobs) {
    // A long run of paths is summed up in parts, one per job, merged in path order: the summary is
    // what the workers could not share, and with fast runs it was a tenth of a short autoplay.
    constexpr std::size_t paths_per_part = 256;  // fewer are not worth a thread
    const std::size_t parts =
        std::clamp<std::size_t>(paths.size() / paths_per_part, 1, static_cast<std::size_t>(std::max(jobs, 1)));
    std::vector<Summary> summaries(parts);
    parallel_for(parts, jobs, [&](std::size_t k) {
        summaries[k] = summarize_part(source, catalog, paths, paths.size() * k / parts, paths.size() * (k + 1) / parts);
    });
    Summary s = std::move(summaries[0]);
    for (std::size_t k = 1; k < parts; ++k) add_part(s, std::move(summaries[k]), paths);
    std::sort(s.overall.begin(), s.overall.end());
    for (auto& d : s.domains) std::sort(d.begin(), d.end());
    return s;
}

std::optional<Source> open_source(const char* command, const std::string& path, const std::string& rubric,
                                  int& exit_code) {
    if (!app::is_regular_file(path)) {
        std::cerr << "holdspace " << command << ": " << path << ": no such scenario file\n";
        exit_code = exit_usage;
        return std::nullopt;
    }
    try {
        return load_source(path, rubric);
    } catch (const ScriptError& e) {
        print_script_error(std::cerr, e);
        exit_code = exit_failed;
    } catch (const std::exception& e) {
        std::cerr << "holdspace " << command << ": " << e.what() << "\n";
        exit_code = exit_usage;
    }
    return std::nullopt;
}

}  // namespace holdspace::cli::explore
