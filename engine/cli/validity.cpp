#include "cli/validity.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace holdspace::cli {
namespace {

constexpr int max_responses = 200;
constexpr std::size_t failures_listed = 5;

std::string one_decimal(double x) {
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(1);
    s << x;
    return s.str();
}

StrategyOutcome play(const explore::Source& source, explore::Catalog& catalog, const explore::Settings& settings,
                     const Strategy& strategy, int seeds) {
    StrategyOutcome out;
    out.strategy = strategy.name;
    explore::Settings runs = settings;
    runs.keep_moves = false;  // a failing path is reported by its actions
    out.paths = explore::strategy_runs(source, catalog, runs, strategy, seeds, max_responses);
    double sum = 0;
    for (std::size_t i = 0; i < out.paths.size(); ++i) {
        const auto& p = out.paths[i];
        ++out.seeds;
        if (!p.score) continue;
        sum += p.score->overall;
        const bool pass = p.score->pass;
        if (pass) ++out.passed;
        const auto& best = out.example ? out.paths[*out.example] : p;
        if (!out.example || (pass && !best.score->pass) ||
            (pass == best.score->pass && p.score->overall > best.score->overall))
            out.example = i;
        out.best = std::max(out.best, p.score->overall);
    }
    out.mean = out.seeds ? sum / out.seeds : 0;
    return out;
}

}  // namespace

std::optional<std::string> LengthCues::problem() const {
    if (moments == 0) return std::nullopt;
    const auto percent = [](double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; };
    if (longest_share() > cue_share_limit)
        return "the expert option is the longest at " + std::to_string(expert_longest) + " of " +
               std::to_string(moments) + " scored moments (" + percent(longest_share()) + "; the limit is " +
               percent(cue_share_limit) + "): a trainee who picks the longest answer finds it";
    if (shortest_share() > cue_share_limit)
        return "the expert option is the shortest at " + std::to_string(expert_shortest) + " of " +
               std::to_string(moments) + " scored moments (" + percent(shortest_share()) + "; the limit is " +
               percent(cue_share_limit) + "): a trainee who picks the shortest answer finds it";
    if (ratio() > cue_length_ratio_high || ratio() < cue_length_ratio_low)
        return "the expert options average " + one_decimal(expert_mean) + " characters against " +
               one_decimal(others_mean) + " for the others (ratio " + one_decimal(ratio()) + "; keep it within " +
               one_decimal(cue_length_ratio_low) + "-" + one_decimal(cue_length_ratio_high) + ")";
    return std::nullopt;
}

LengthCues length_cues(const explore::Catalog& catalog) {
    LengthCues c;
    double expert_total = 0, others_total = 0;
    long others = 0;
    for (const auto& point : catalog.points()) {
        if (point.moment.empty()) continue;
        const explore::OptionInfo* expert = nullptr;
        std::vector<std::size_t> lengths;
        for (const auto& o : point.options) {
            if (o.text.empty()) continue;  // silence and other actions have no words to measure
            if (o.expert) expert = &o;
            else lengths.push_back(text_length(o.text));
        }
        if (!expert || lengths.empty()) continue;
        const std::size_t e = text_length(expert->text);
        ++c.moments;
        if (e >= *std::max_element(lengths.begin(), lengths.end())) ++c.expert_longest;
        if (e <= *std::min_element(lengths.begin(), lengths.end())) ++c.expert_shortest;
        expert_total += static_cast<double>(e);
        for (auto n : lengths) others_total += static_cast<double>(n);
        others += static_cast<long>(lengths.size());
    }
    if (c.moments) c.expert_mean = expert_total / c.moments;
    if (others) c.others_mean = others_total / static_cast<double>(others);
    return c;
}

Validity assess_validity(const explore::Source& source, explore::Catalog& catalog, const explore::Settings& settings,
                         int strategy_seeds, int expert_seeds) {
    Validity v;
    for (const auto& strategy : test_wise_strategies()) {
        auto outcome = play(source, catalog, settings, strategy, strategy_seeds);
        if (outcome.passed > 0)
            v.problems.push_back("test-wise strategy '" + outcome.strategy + "' passes on " +
                                 std::to_string(outcome.passed) + " of " + std::to_string(outcome.seeds) +
                                 " seeds (best " + one_decimal(outcome.best) + "): the score does not need the skill");
        v.test_wise.push_back(std::move(outcome));
    }
    v.expert = play(source, catalog, settings, *strategy_by_name("expert"), expert_seeds);
    std::vector<std::string> misjudged;
    for (const auto& p : v.expert.paths) {
        std::string why;
        if (!p.score) why = p.error.empty() ? "not scored (" + p.end + ")" : p.error;
        else if (!p.score->critical.empty()) why = "critical error: " + p.score->critical.front();
        else if (!p.score->pass) why = "scores " + one_decimal(p.score->overall) + ", below the pass mark";
        if (p.score)
            for (const auto& m : p.score->expert_misjudged)
                if (std::find(misjudged.begin(), misjudged.end(), m) == misjudged.end()) {
                    misjudged.push_back(m);
                    v.problems.push_back("the answer key contradicts the rubric: the expert option at " + m +
                                         " (seed " + std::to_string(p.seed) + ")");
                }
        if (why.empty()) continue;
        if (v.expert_failures.size() < failures_listed) {
            v.expert_failures.push_back("seed " + std::to_string(p.seed) + ": " + why);
            v.failing_expert_runs.emplace_back(p.seed, p.actions);
        }
    }
    const int failed = v.expert.seeds - v.expert.passed;
    if (failed > 0)
        v.problems.push_back("the expert path fails on " + std::to_string(failed) + " of " +
                             std::to_string(v.expert.seeds) + " seeds (" + v.expert_failures.front() + ")");
    return v;
}

Json validity_json(const Validity& v, const LengthCues& cues) {
    Json strategies = Json::array();
    for (const auto& s : v.test_wise)
        strategies.push_back({{"strategy", s.strategy}, {"seeds", s.seeds}, {"passed", s.passed},
                              {"mean", std::round(s.mean * 10) / 10}, {"best", s.best}});
    return {{"strategies", strategies},
            {"expert", {{"seeds", v.expert.seeds}, {"passed", v.expert.passed},
                        {"mean", std::round(v.expert.mean * 10) / 10}, {"failures", v.expert_failures}}},
            {"cues", {{"moments", cues.moments}, {"expert_longest", cues.expert_longest},
                      {"expert_shortest", cues.expert_shortest},
                      {"expert_mean_chars", std::round(cues.expert_mean * 10) / 10},
                      {"others_mean_chars", std::round(cues.others_mean * 10) / 10}}},
            {"problems", v.problems}};
}

}  // namespace holdspace::cli
