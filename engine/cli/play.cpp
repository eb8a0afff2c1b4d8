// `holdspace play`: a session in the terminal, interactively or from an actions file.
#include "cli/commands.hpp"
#include "cli/debrief_view.hpp"
#include "cli/report_input.hpp"
#include "cli/scenario_digest.hpp"
#include "cli/scenario_session.hpp"
#include "cli/scenario_trust.hpp"
#include "cli/sync.hpp"
#include "cli/terminal_view.hpp"
#include "records/session_record.hpp"
#include "records/store.hpp"
#include "records/text.hpp"

#include <filesystem>

#include <fstream>
#include <iostream>
#include <optional>

namespace holdspace::cli {
namespace {

// Prints and records the events the session produced since the last call.
class EventSink {
public:
    EventSink(const Session& session, bool show, records::RecordWriter* record)
        : session_(session), show_(show), record_(record) {}

    void flush() {
        const auto& events = session_.events();
        for (; shown_ < events.size(); ++shown_) {
            if (record_) record_->event(events[shown_]);
            if (!show_) continue;
            const std::string line = render_event(events[shown_]);
            if (!line.empty()) std::cout << line << "\n";
        }
        if (record_) record_->commit();
        std::cout.flush();
    }

private:
    const Session& session_;
    bool show_;
    records::RecordWriter* record_;
    std::size_t shown_ = 0;
};

// Maps terminal shorthand (a single action key) to an action; otherwise parses like an actions file.
std::optional<TraineeAction> parse_input(const std::string& line, std::string& error) {
    std::string text = line;
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.pop_back();
    while (!text.empty() && text.front() == ' ') text.erase(0, 1);
    if (text.size() == 1) {
        if (auto kind = action_by_key(text[0])) return TraineeAction::act(*kind);
    }
    return parse_action(text, error);
}

}  // namespace

int play(const PlayOptions& options) {
    if (!is_regular_file(options.scenario)) {
        std::cerr << "holdspace play: " << options.scenario << ": no such scenario file\n";
        return exit_usage;
    }
    std::ifstream actions;
    if (!options.actions_file.empty()) {
        actions.open(options.actions_file);
        if (!is_regular_file(options.actions_file) || !actions) {
            std::cerr << "holdspace play: " << options.actions_file << ": cannot read actions file\n";
            return exit_usage;
        }
    }
    const bool interactive = options.actions_file.empty();

    std::string source;
    std::unique_ptr<Session> session;
    std::vector<scoring::Rubric> rubrics;
    std::string rubric_note;
    try {
        source = script::read_text_file(options.scenario);
        session = open_session(source, options.scenario, options.seed);
        // Rubrics load before the session starts: a broken rubric must not cost a trainee a session.
        rubrics = load_rubrics(options.rubrics, session->info().rubric, options.scenario, rubric_note);
    } catch (const ScriptError& e) {
        print_script_error(std::cerr, e);
        return exit_failed;
    } catch (const std::exception& e) {
        std::cerr << "holdspace play: " << e.what() << "\n";
        return exit_usage;
    }

    std::unique_ptr<records::RecordWriter> record;
    if (!options.record_file.empty()) {
        try {
            record = std::make_unique<records::RecordWriter>(
                options.record_file,
                records::RecordHeader{options.scenario, session->info().id, scenario_digest(source, options.scenario), options.seed});
        } catch (const std::exception& e) {
            std::cerr << "holdspace play: " << e.what() << "\n";
            return exit_usage;
        }
    }

    // The record store: the session and then every action, each committed as it happens.
    std::unique_ptr<records::Store> store;
    std::int64_t stored = 0;
    if (!options.trainee.empty() || options.resume_session != 0) {
        try {
            (void)xapi_base();  // a wrong HOLDSPACE_XAPI_BASE is said now, before the session, not at sync
            store = std::make_unique<records::Store>(store_path(options.data_dir));
            stored = options.resume_session != 0
                         ? options.resume_session
                         : store->start_session(options.trainee, std::filesystem::absolute(options.scenario).string(),
                                                session->info().id, scenario_digest(source, options.scenario), options.seed);
        } catch (const std::exception& e) {
            std::cerr << "holdspace play: " << e.what() << "\n";
            return exit_usage;
        }
    }

    EventSink sink(*session, !options.json, record.get());
    std::ostream& prompt_out = options.json ? std::cerr : std::cout;
    int status = exit_ok;
    try {
        session->start();
        // A resumed session: its recorded actions again, deterministically, before play goes on.
        for (std::size_t i = 0; i < options.replay_actions.size(); ++i) {
            std::string error;
            const auto action = parse_action(options.replay_actions[i], error);
            if (!action || !session->apply(*action, error)) {
                std::cerr << "holdspace resume: recorded action " << i + 1 << " ('" << options.replay_actions[i]
                          << "') no longer applies (" << error << "); has the scenario changed?\n";
                return exit_failed;
            }
        }
        sink.flush();
        int line_number = 0;
        while (!session->over()) {
            if (interactive) prompt_out << render_choice(*session->choice()) << "\n> " << std::flush;
            std::string line;
            if (!std::getline(interactive ? std::cin : actions, line)) {
                if (interactive) {
                    // Ctrl-D: end the session; everything done so far is in the record.
                    prompt_out << "\n";
                    std::string ignored;
                    session->apply(TraineeAction::act(ActionKind::end), ignored);
                    if (record) record->action("end");
                    if (store) store->add_action(stored, "end");
                    sink.flush();
                } else if (!options.json) {
                    std::cerr << "holdspace play: " << options.actions_file
                              << ": actions ran out before the session ended\n";
                }
                break;
            }
            ++line_number;
            if (interactive && line.find_first_not_of(" \t\r") == std::string::npos) continue;
            if (interactive && (line == "?" || line == "help")) {
                prompt_out << play_help();
                continue;
            }
            std::string error;
            auto action = parse_input(line, error);
            if (!action) {
                if (error.empty()) continue;  // comment or blank line in an actions file
                if (interactive) {
                    prompt_out << "  " << error << " (? for help)\n";
                    continue;
                }
                std::cerr << options.actions_file << ":" << line_number << ": " << error << "\n";
                status = exit_usage;
                break;
            }
            auto applied = session->apply(*action, error);
            if (!applied) {
                if (interactive) {
                    prompt_out << "  " << error << "\n";
                    continue;
                }
                std::cerr << options.actions_file << ":" << line_number << ": " << error << "\n";
                status = exit_usage;
                break;
            }
            if (record) record->action(applied->to_string());
            if (store) store->add_action(stored, applied->to_string());
            if (!interactive && !options.json) std::cout << "> " << applied->to_string() << "\n";
            sink.flush();
        }
        if (!interactive && status == exit_ok && session->over()) {
            std::string trailing;
            while (std::getline(actions, trailing)) {
                ++line_number;
                std::string error;
                if (parse_action(trailing, error) || !error.empty()) {
                    std::cerr << options.actions_file << ":" << line_number
                              << ": the session is over; this action and those after it were not played\n";
                    status = exit_usage;
                    break;
                }
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "holdspace play: " << e.what() << "\n";
        return exit_failed;
    }

    const Json events = transcript_json(session->events());
    std::vector<scoring::Score> scores;
    if (session->over() && !session->failure()) scores = score_all(rubrics, events);
    if (!rubric_note.empty() && session->over())
        std::cerr << "holdspace play: " << rubric_note << "; the session is not scored\n";
    if (store && session->over()) {
        try {
            if (scores.empty())
                store->finish_session(stored, events, "", std::nullopt, Json::object());
            else
                store->finish_session(stored, events, scores.front().rubric_id, scores.front().overall,
                                      scoring::score_json(scores.front()));
        } catch (const std::exception& e) {
            std::cerr << "holdspace play: " << e.what() << "\n";  // the actions are already stored
        }
        try {  // its xAPI statements wait in the outbox for holdspace sync (which also retries this)
            std::string note;
            if (const auto row = store->session(stored); row && row->status == "finished")
                queue_session_statements(*store, *row, xapi_base(), note);
        } catch (const std::exception& e) {
            std::cerr << "holdspace play: the session is stored; queuing its xAPI statements: " << e.what() << "\n";
        }
    }
    if (store && !options.json)
        std::cerr << "holdspace play: recorded as session " << stored << " in " << store->path() << "\n";
    if (options.json) {
        Json out = {{"scenario", session->info().id},
                    {"title", session->info().title},
                    {"seed", options.seed},
                    {"finished", session->over()},
                    {"events", events}};
        if (!scores.empty()) out["score"] = scoring::score_json(scores.front());
        if (scores.size() > 1) {
            out["scores"] = Json::array();
            for (const auto& sc : scores) out["scores"].push_back(scoring::score_json(sc));
        }
        std::cout << records::json_text(out, 2) << "\n";
    } else if (!scores.empty()) {
        std::cout << render_debrief(scores.front());
        if (scores.size() > 1) std::cout << render_comparison(scores);
        std::cout.flush();
    }
    if (const auto& failure = session->failure()) {
        print_script_error(std::cerr, *failure);
        return exit_failed;
    }
    return status;
}

int resume(const ResumeOptions& options) {
    PlayOptions play_options;
    try {
        records::Store store(store_path(options.data_dir));
        const auto row = store.session(options.session);
        if (!row) {
            std::cerr << "holdspace resume: no session " << options.session << " in " << store.path() << "\n";
            return exit_usage;
        }
        if (row->status != "open") {
            std::cerr << "holdspace resume: session " << row->id << " is " << row->status << "; only open sessions resume\n";
            return exit_usage;
        }
        if (const int refused = vet_resumed_scenario(store, *row, options.scenario_changed)) return refused;  // scenario_trust.hpp
        play_options.scenario = row->scenario_path;
        play_options.seed = row->seed;
        play_options.trainee = row->trainee;
        play_options.data_dir = options.data_dir;
        play_options.resume_session = row->id;
        play_options.replay_actions = store.actions(row->id);
    } catch (const records::StoreError& e) {
        std::cerr << "holdspace resume: " << e.what() << "\n";
        return exit_usage;
    }
    return play(play_options);
}

}  // namespace holdspace::cli
