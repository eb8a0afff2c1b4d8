// `holdspace replay`: re-runs a session record and checks the transcript is identical.
#include "cli/commands.hpp"
#include "cli/debrief_view.hpp"
#include "app/scenario_digest.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/scenario_trust.hpp"
#include "cli/terminal_view.hpp"
#include "records/session_record.hpp"
#include "records/text.hpp"

#include <filesystem>
#include <iostream>

namespace holdspace::cli {
namespace {

std::string describe(const Json& event) {
    std::string text = event.value("type", "?") + " at t=" + records::json_text(event.value("t", Json(0)));
    for (const char* key : {"text", "option", "action", "reason"}) {
        if (event.contains(key) && event[key].is_string()) {
            std::string value = event[key].get<std::string>();
            if (value.size() > 60) value = value.substr(0, 57) + "...";
            text += std::string(" ") + key + "=\"" + value + "\"";
            break;
        }
    }
    return text;
}

struct Outcome {
    bool identical = false;
    std::string message;
    std::size_t compared = 0;
};

}  // namespace

int replay(const ReplayOptions& options) {
    namespace fs = std::filesystem;
    records::Record record;
    try {
        record = records::read_record(options.record_file);
    } catch (const std::exception& e) {
        std::cerr << "holdspace replay: " << e.what() << "\n";
        return exit_usage;
    }

    std::string scenario = options.scenario;
    if (scenario.empty()) {
        scenario = record.header.scenario_path;
        const fs::path beside = fs::path(options.record_file).parent_path() / scenario;
        if (!app::is_regular_file(scenario) && fs::path(scenario).is_relative() && app::is_regular_file(beside.string()))
            scenario = beside.string();
    }
    if (!app::is_regular_file(scenario)) {
        std::cerr << "holdspace replay: " << scenario << ": scenario file not found (use --scenario PATH)\n";
        return exit_usage;
    }
    if (options.scenario.empty()) {
        // The path came from the record, not from the user: it may name a scenario only inside the
        // scenario library or the record's own folder (scenario_trust.hpp).
        const std::string reason = app::untrusted_scenario_reason(scenario, app::trusted_scenario_roots(options.record_file));
        if (!reason.empty()) {
            std::cerr << "holdspace replay: " << options.record_file << " names the scenario " << scenario
                      << ", which is not loaded: " << reason << " (to replay against it, name it yourself: "
                      << "--scenario PATH)\n";
            return exit_usage;
        }
    }

    Outcome outcome;
    std::string source;
    std::unique_ptr<Session> session;
    try {
        source = script::read_text_file(scenario);
        session = app::open_session(source, scenario, record.header.seed);
    } catch (const ScriptError& e) {
        print_script_error(std::cerr, e);
        return exit_failed;
    } catch (const std::exception& e) {  // not a regular file, too large, unreadable
        std::cerr << "holdspace replay: " << e.what() << "\n";
        return exit_usage;
    }
    const bool changed = !record.header.scenario_digest.empty() && record.header.scenario_digest != app::scenario_digest(source, scenario);

    if (!record.header.scenario_id.empty() && record.header.scenario_id != session->info().id) {
        outcome.message = "the record is for scenario '" + record.header.scenario_id + "' but " + scenario +
                          " is '" + session->info().id + "'";
    } else {
        session->start();
        std::size_t action_index = 0;
        std::string error;
        for (; action_index < record.actions.size() && error.empty(); ++action_index) {
            const std::string& text = record.actions[action_index];
            auto action = parse_action(text, error);
            if (!action) {
                if (error.empty()) error = "empty action";
                error = "recorded action " + std::to_string(action_index + 1) + " ('" + text + "') is invalid: " + error;
                break;
            }
            if (!session->apply(*action, error)) {
                error = "recorded action " + std::to_string(action_index + 1) + " ('" + text +
                        "') cannot be applied: " + error;
            }
        }
        const auto produced = transcript_json(session->events());
        const std::size_t n = std::min(produced.size(), record.events.size());
        std::size_t i = 0;
        while (i < n && produced[i] == record.events[i]) ++i;
        outcome.compared = i;
        const bool recorded_end = !record.events.empty() && record.events.back().value("type", "") == "end";
        if (i < n) {
            outcome.message = "diverges at event " + std::to_string(i + 1) + ": recorded " +
                              describe(record.events[i]) + ", replay gives " + describe(produced[i]);
        } else if (record.events.size() > produced.size()) {
            outcome.message = "diverges at event " + std::to_string(i + 1) + ": recorded " +
                              describe(record.events[i]) + ", replay ends there";
        } else if (!error.empty()) {
            outcome.message = error;
        } else if (produced.size() > record.events.size() && recorded_end) {
            outcome.message = "diverges at event " + std::to_string(i + 1) + ": the record ends, replay gives " +
                              describe(produced[i]);
        } else {
            outcome.identical = true;
            outcome.message = std::to_string(i) + " events identical (" + session->info().id + ", seed " +
                              std::to_string(record.header.seed) + ", " + std::to_string(record.actions.size()) +
                              " actions" + (recorded_end ? "" : "; the record is of an unfinished session") + ")";
        }
    }
    if (!outcome.identical && changed) outcome.message += " (the scenario or a module it requires has changed since it was recorded)";

    // Re-scoring uses the recorded transcript, so it is the session as it happened.
    std::vector<scoring::Score> scores;
    if (!options.rubrics.empty()) {
        try {
            std::string note;
            scores = app::score_all(app::load_rubrics(options.rubrics, session->info().rubric, scenario, note),
                               Json(record.events));
        } catch (const ScriptError& e) {
            print_script_error(std::cerr, e);
            return exit_failed;
        } catch (const std::exception& e) {
            std::cerr << "holdspace replay: " << e.what() << "\n";
            return exit_usage;
        }
    }

    if (options.json) {
        Json out = {{"record", options.record_file},    {"scenario", scenario},
                    {"identical", outcome.identical},    {"events_compared", outcome.compared},
                    {"scenario_changed", changed},       {"truncated", record.truncated},
                    {"message", outcome.message}};
        if (!scores.empty()) {
            out["score"] = scoring::score_json(scores.front());
            if (scores.size() > 1) {
                out["scores"] = Json::array();
                for (const auto& sc : scores) out["scores"].push_back(scoring::score_json(sc));
            }
        }
        std::cout << records::json_text(out, 2) << "\n";
    } else if (outcome.identical) {
        std::cout << "replay: " << options.record_file << ": " << outcome.message << "\n";
        if (!scores.empty()) std::cout << render_debrief(scores.front());
        if (scores.size() > 1) std::cout << render_comparison(scores);
    } else {
        std::cerr << "replay: " << options.record_file << ": " << outcome.message << "\n";
    }
    return outcome.identical ? exit_ok : exit_failed;
}

}  // namespace holdspace::cli
