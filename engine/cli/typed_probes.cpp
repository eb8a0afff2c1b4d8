// Typed probes of the options' examples (typed_probes.hpp).
#include "cli/typed_probes.hpp"

#include "app/practice.hpp"
#include "app/typed.hpp"
#include "sim/typed_match.hpp"

#include <set>

namespace holdspace::cli {

std::vector<ExampleMiss> probe_examples(const explore::Source& source, explore::Catalog& catalog,
                                        const std::vector<explore::PathResult>& paths, std::string& error) {
    std::vector<ExampleMiss> misses;
    std::set<std::uint32_t> probed;
    for (const auto& path : paths) {
        for (std::size_t k = 0; k < path.steps.size() && k <= path.moves.size(); ++k) {
            const std::uint32_t point = path.steps[k].point;
            if (!probed.insert(point).second) continue;
            // The session as it stood when this path reached the point.
            std::unique_ptr<Session> session;
            try {
                session = app::open_session(source.text, source.path, path.seed);
            } catch (const ScriptError&) {
                return misses;  // the scenario's own failure is reported by check
            }
            session->start();
            std::string why;
            bool reached = true;
            for (std::size_t i = 0; i < k && reached; ++i) reached = session->apply(path.moves[i], why).has_value();
            const Choice* choice = session->choice();
            if (!reached || !choice || catalog.point(*choice) != point) continue;
            for (std::size_t i = 0; i < choice->options.size(); ++i) {
                const Option& option = choice->options[i];
                for (std::size_t e = 0; e < option.examples.size(); ++e) {
                    const std::string& example = option.examples[e];
                    TraineeAction said = TraineeAction::say(example);
                    if (!app::hear(said, *session, error)) return misses;
                    // An example always matches itself: it is probed as a paraphrase, with the
                    // option's other words only.
                    Choice without = *choice;
                    auto& own = without.options[i].examples;
                    own.erase(own.begin() + static_cast<std::ptrdiff_t>(e));
                    const TypedMatch match = match_typed(said.text, said.heard, without, session->last_participant_line());
                    ExampleMiss miss{point, option.id, example, said.heard.primary, {}, false, {}};
                    if (match.clear && match.option->id != option.id) miss.matched = match.option->id;
                    if (!shares_code(said.heard, option)) {
                        miss.foreign_code = true;
                        for (const auto& c : option.codes) miss.option_codes += (miss.option_codes.empty() ? "" : ", ") + c;
                    }
                    if (!miss.matched.empty() || miss.foreign_code) misses.push_back(std::move(miss));
                }
            }
        }
    }
    return misses;
}

}  // namespace holdspace::cli
