// `holdspace play`: a session in the terminal, interactively or from an actions file. The session
// itself (recording, scoring, statements) is app::PracticeSession, as in the window.
#include "app/library.hpp"
#include "app/practice.hpp"
#include "app/scenario_trust.hpp"
#include "app/typed.hpp"
#include "app/event_text.hpp"
#include "cli/commands.hpp"
#include "cli/debrief_view.hpp"
#include "cli/terminal_view.hpp"
#include "records/store.hpp"
#include "records/text.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

namespace holdspace::cli {
namespace {

// Prints the events the session produced since the last call.
class EventPrinter {
public:
    EventPrinter(const Session& session, bool show) : session_(session), show_(show) {}

    void flush() {
        const auto& events = session_.events();
        for (; shown_ < events.size(); ++shown_) {
            if (!show_) continue;
            const std::string line = app::render_event(events[shown_]);
            if (!line.empty()) std::cout << wrap_text(line, width_) << "\n";
        }
        std::cout.flush();
    }

private:
    const Session& session_;
    bool show_;
    int width_ = terminal_columns();
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

// When the coder is unsure how to hear a typed response, the trainee may say what they meant:
// the correction is recorded ("say as CODE: TEXT").
TraineeAction confirm_heard(const TraineeAction& action, std::ostream& out) {
    if (!app::unsure(action.heard)) return action;  // how it was heard is said once it is played
    out << "  " << app::heard_text(action.heard) << "\n";
    std::vector<std::string> offered;
    for (const auto& [code, p] : action.heard.codes)
        if (offered.size() < 4) offered.push_back(code);
    out << "  Not sure how to hear that. Enter keeps it; or choose what you meant:";
    for (std::size_t i = 0; i < offered.size(); ++i) out << "  " << i + 1 << ") " << app::code_label(offered[i]);
    out << "\n> " << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) return action;
    const std::size_t at = answer.find_first_not_of(" \t\r");
    if (at == std::string::npos) return action;
    const char digit = answer[at];
    if (digit >= '1' && digit <= '9' && static_cast<std::size_t>(digit - '0') <= offered.size())
        return TraineeAction::say_as(offered[static_cast<std::size_t>(digit - '1')], action.text);
    out << "  (kept as heard)\n";
    return action;
}

// What Ctrl-D leaves behind: the session open in the store (and how to go on), or the record file.
std::string left_open_note(const app::PracticeSession& practice, const std::string& record_file) {
    std::string note;
    if (practice.recording())
        note = "The session is left open as session " + std::to_string(practice.stored_session()) +
               "; go on with: holdspace resume " + std::to_string(practice.stored_session()) + "\n";
    if (!record_file.empty()) note += "Every action so far is in " + record_file + ".\n";
    if (note.empty()) note = "The session is left unfinished (it was not recorded: --trainee keeps it to resume).\n";
    return note;
}

}  // namespace

int play(const PlayOptions& options) {
    if (!app::is_regular_file(options.scenario)) {
        std::cerr << "holdspace play: " << options.scenario << ": no such scenario file\n";
        return exit_usage;
    }
    // Actions from a file, a pipe (--actions <(...)) or standard input (--actions -); never a
    // device or a folder, which would not end.
    std::ifstream actions_file;
    std::istream* actions = &actions_file;
    if (options.actions_file == "-") {
        actions = &std::cin;
    } else if (!options.actions_file.empty()) {
        std::error_code ec;
        const auto type = std::filesystem::status(options.actions_file, ec).type();
        if (!ec && (type == std::filesystem::file_type::regular || type == std::filesystem::file_type::fifo))
            actions_file.open(options.actions_file);
        if (!actions_file.is_open() || !actions_file) {
            std::cerr << "holdspace play: " << options.actions_file << ": cannot read actions file\n";
            return exit_usage;
        }
    }
    const bool interactive = options.actions_file.empty();

    // The record store: the session and then every action, each committed as it happens.
    std::unique_ptr<records::Store> store;
    if (!options.trainee.empty() || options.resume_session != 0) {
        try {
            store = std::make_unique<records::Store>(app::store_path(options.data_dir));
        } catch (const std::exception& e) {
            std::cerr << "holdspace play: " << e.what() << "\n";
            return exit_usage;
        }
    }
    app::PracticeConfig config;
    config.scenario_path = options.scenario;
    config.seed = options.seed;
    config.typed_only = options.typed_only;
    config.actions = options.replay_actions;
    config.rubrics = options.rubrics;
    config.store = store.get();
    config.trainee = options.trainee;
    config.resume = options.resume_session;
    config.record_file = options.record_file;
    config.recording_required = true;
    app::PracticeSession practice(std::move(config));
    if (!practice.ok()) {
        if (!practice.setup_error().empty()) {
            std::cerr << "holdspace play: " << practice.setup_error() << "\n";
            return exit_usage;
        }
        print_script_error(std::cerr, *practice.load_error());
        return exit_failed;
    }
    // A resumed session: its recorded actions were replayed, deterministically, before play goes on.
    if (const auto failed = practice.replay_failed_at()) {
        std::cerr << "holdspace resume: recorded action " << *failed + 1 << " ('" << options.replay_actions[*failed]
                  << "') no longer applies (" << practice.replay_error() << "); has the scenario changed?\n";
        return exit_failed;
    }
    Session& session = practice.session();
    bool record_error_told = false;
    auto tell_record_error = [&] {  // the store failed: the session goes on, unrecorded, and the trainee knows
        if (record_error_told || practice.record_error().empty()) return;
        std::cerr << "holdspace play: the session is no longer being recorded: " << practice.record_error() << "\n";
        record_error_told = true;
    };

    EventPrinter printer(session, !options.json);
    bool left_open = false;  // Ctrl-D: the session is kept open
    std::ostream& prompt_out = options.json ? std::cerr : std::cout;
    int status = exit_ok;
    try {
        printer.flush();
        int line_number = 0;
        while (!session.over()) {
            if (interactive)
                prompt_out << render_choice(*session.choice(), terminal_columns(), practice.typed_only()) << "\n> "
                           << std::flush;
            std::string line;
            if (!std::getline(interactive ? std::cin : *actions, line)) {
                if (interactive) {
                    // Ctrl-D: the trainee steps away. The session stays open, as far as it went.
                    prompt_out << "\n" << left_open_note(practice, options.record_file);
                    left_open = true;
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
            // At the terminal, ending is asked about first: it cannot be undone.
            if (interactive && action && action->kind == TraineeAction::Kind::action && action->action == ActionKind::end) {
                prompt_out << "  End the session now? It ends here and is scored as it stands; ending a medicine "
                              "session early counts as a critical error. [y/N] "
                           << std::flush;
                std::string answer;
                if (!std::getline(std::cin, answer)) {
                    prompt_out << "\n" << left_open_note(practice, options.record_file);
                    left_open = true;
                    break;
                }
                if (answer != "y" && answer != "Y" && answer != "yes") {
                    prompt_out << "  Going on.\n";
                    continue;
                }
            }
            // At the terminal, words that are not an option, a key or a command are said; when only
            // words answer, an option's id is words too (its number is refused, as the session says).
            const bool option_id = action && action->kind == TraineeAction::Kind::option &&
                                   action->option.find_first_not_of("0123456789") != std::string::npos;
            if (interactive && ((!action && !error.empty()) || (option_id && practice.typed_only())))
                action = app::typed_action(line, error);
            if (action && action->kind == TraineeAction::Kind::say) {
                if (!app::hear(*action, session, error)) action.reset();
                else if (interactive) action = confirm_heard(*action, prompt_out);
            }
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
            if (!practice.apply(*action, error)) {
                if (interactive) {
                    prompt_out << "  " << error << "\n";
                    continue;
                }
                std::cerr << options.actions_file << ":" << line_number << ": " << error << "\n";
                status = exit_usage;
                break;
            }
            if (!interactive && !options.json) std::cout << "> " << practice.actions().back() << "\n";
            if (action->kind == TraineeAction::Kind::say && !options.json) std::cout << "  (" << app::last_typed_text(session) << ")\n";
            printer.flush();
            tell_record_error();
        }
        if (!interactive && status == exit_ok && session.over()) {
            std::string trailing;
            while (std::getline(*actions, trailing)) {
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
    tell_record_error();

    const std::vector<scoring::Score> scores = session.over() ? practice.scores() : std::vector<scoring::Score>{};
    if (!practice.rubric_note().empty() && session.over())
        std::cerr << "holdspace play: " << practice.rubric_note() << "; the session is not scored\n";
    if (store && !options.json && !left_open)
        std::cerr << "holdspace play: recorded as session " << practice.stored_session() << " in " << store->path() << "\n";
    if (options.json) {
        Json out = {{"scenario", session.info().id},
                    {"title", session.info().title},
                    {"seed", options.seed},
                    {"finished", session.over()},
                    {"events", transcript_json(session.events())}};
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
    if (const auto& failure = session.failure()) {
        print_script_error(std::cerr, *failure);
        return exit_failed;
    }
    return status;
}

int resume(const ResumeOptions& options) {
    PlayOptions play_options;
    try {
        records::Store store(app::store_path(options.data_dir));
        const auto row = store.session(options.session);
        if (!row) {
            std::cerr << "holdspace resume: no session " << options.session << " in " << store.path() << "\n";
            return exit_usage;
        }
        if (row->status != "open") {
            std::cerr << "holdspace resume: session " << row->id << " is " << row->status << "; only open sessions resume\n";
            return exit_usage;
        }
        const auto check = app::check_resumed_scenario(store, *row, options.scenario_changed);
        if (!check.message.empty()) std::cerr << "holdspace resume: " << check.message << "\n";
        if (!check.ok()) return exit_usage;
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
