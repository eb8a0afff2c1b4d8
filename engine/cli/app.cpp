// Command-line parsing for `holdspace` and its subcommands.
#include "cli/code_command.hpp"
#include "cli/commands.hpp"
#include "cli/drill.hpp"
#include "cli/input_checks.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "cli/strategy.hpp"
#include "cli/terminal_guard.hpp"
#include "cli/sync.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

namespace holdspace::cli {

int run(int argc, char** argv, WindowLauncher launcher) {
    guard_terminal_streams();  // nothing from outside drives the terminal (terminal_guard.hpp)
    CLI::App app{"Holdspace: practise holding space with a simulated participant.\n"
                 "Without a subcommand, opens the simulator window.",
                 "holdspace"};
    WindowRequest window;
    app.add_option("--dev", window.dev_scenario,
                   "Author mode: open SCENARIO in the window and reload it whenever its file changes");
    app.add_option("--screenshot", window.screenshot, "Render the window to this PNG file and exit");
    app.add_option("--scenario", window.scenario, "With --screenshot: the scenario to show");
    app.add_option("--actions", window.actions, "With --screenshot: actions to play first");
    app.add_option("--screen", window.screen,
                   "With --screenshot: start, session, debrief, settings, supervisor, review or cohort");
    app.add_option("--seed", window.seed, "With --screenshot or --dev: the session's seed (default 1)")->check(seed_check());
    app.add_option("--data", window.data_dir, "The data folder: settings, trainee and the record store "
                                              "(default $HOLDSPACE_DATA or ~/.local/share/holdspace)");
    app.add_option("--session", window.session, "With --screenshot --screen review: the recorded session to open")->check(id_check());
    app.add_option("--drill", window.drill,
                   "With --screenshot --screen drill: the drill to show (an id from holdspace drill --list; "
                   "--actions answers it)");
    app.set_version_flag("--version", std::string("holdspace ") + HOLDSPACE_VERSION);
    app.require_subcommand(0, 1);

    PlayOptions play_options;
    auto* play_cmd = app.add_subcommand("play", "Play a scenario in the terminal");
    play_cmd->add_option("scenario", play_options.scenario, "Scenario file (.lua)")->required();
    play_cmd->add_option("--seed", play_options.seed, "Seed for the participant's variation (default 1)")->check(seed_check());
    play_cmd->add_option("--actions", play_options.actions_file,
                         "Play non-interactively from FILE (or - for standard input): one action per line "
                         "(option id or number, action name, 'wait N', or 'say TEXT')");
    play_cmd->add_flag("--json", play_options.json, "Print the transcript as JSON");
    play_cmd->add_flag("--typed-only", play_options.typed_only,
                       "Answer in your own words only: the spoken options are not shown or taken");
    play_cmd->add_option("--record", play_options.record_file,
                         "Write a session record to FILE as the session happens (never overwrites)");
    play_cmd->add_option("--rubric", play_options.rubrics,
                         "Score with this rubric (a name in scenarios/rubrics/ or a path); repeat to compare "
                         "rubrics side by side (default: the scenario's own)");

    ReplayOptions replay_options;
    play_cmd->add_option("--trainee", play_options.trainee,
                         "Record the session for this trainee in the record store (each action committed as it happens)")
        ->check(text_check("trainee id", records::trainee_rule));
    play_cmd->add_option("--data", play_options.data_dir, "The record store's folder (default $HOLDSPACE_DATA or ~/.local/share/holdspace)");

    SessionsOptions sessions_options;
    auto* sessions_cmd = app.add_subcommand("sessions", "List recorded sessions (sessions show ID for one)");
    sessions_cmd->add_option("--trainee", sessions_options.trainee, "Only this trainee's sessions")
        ->check(text_check("trainee id", records::trainee_rule));
    sessions_cmd->add_option("--scenario", sessions_options.scenario, "Only sessions of this scenario id")
        ->check(text_check("scenario id", records::trainee_rule));
    sessions_cmd->add_option("--data", sessions_options.data_dir, "The record store's folder");
    sessions_cmd->add_flag("--json", sessions_options.json, "Print as JSON");
    auto* show_cmd = sessions_cmd->add_subcommand("show", "Show one session: details, actions, notes");
    show_cmd->add_option("id", sessions_options.show, "Session id")->required()->check(id_check());
    show_cmd->add_flag("--json", sessions_options.json, "Print as JSON");
    show_cmd->add_option("--data", sessions_options.data_dir, "The record store's folder");

    auto* close_cmd = sessions_cmd->add_subcommand("close", "Close an unfinished session (its actions are kept)");
    close_cmd->add_option("id", sessions_options.close, "Session id")->required()->check(id_check());
    close_cmd->add_option("--data", sessions_options.data_dir, "The record store's folder");
    auto* note_cmd = sessions_cmd->add_subcommand("note", "Add a supervisor's note to a scored moment of a session");
    note_cmd->add_option("id", sessions_options.note, "Session id")->required()->check(id_check());
    note_cmd->add_option("--moment", sessions_options.moment, "The moment's number in `sessions show`")->required()->check(id_check());
    note_cmd->add_option("--text", sessions_options.text, "The note")->required()->check(text_check("note", records::note_rule));
    note_cmd->add_option("--author", sessions_options.author, "Who writes it (default: $USER)")
        ->check(text_check("author", records::author_rule));
    note_cmd->add_option("--data", sessions_options.data_dir, "The record store's folder");
    auto* override_cmd = sessions_cmd->add_subcommand(
        "override", "Score a moment as a supervisor, with a reason (kept beside the automatic score)");
    override_cmd->add_option("id", sessions_options.override_session, "Session id")->required()->check(id_check());
    override_cmd->add_option("--moment", sessions_options.moment, "The moment's number in `sessions show`")->required()->check(id_check());
    override_cmd->add_option("--score", sessions_options.score, "The moment's score, 0-100")->required()->check(score_check());
    override_cmd->add_option("--reason", sessions_options.reason, "Why (required; shown in reports)")->required()
        ->check(text_check("reason", records::note_rule));
    override_cmd->add_option("--author", sessions_options.author, "Who overrides (default: $USER)")
        ->check(text_check("author", records::author_rule));
    override_cmd->add_option("--data", sessions_options.data_dir, "The record store's folder");

    ResumeOptions resume_options;
    auto* resume_cmd = app.add_subcommand("resume", "Resume an unfinished recorded session exactly where it stopped");
    resume_cmd->add_option("session", resume_options.session, "Session id (see holdspace sessions)")->required()->check(id_check());
    resume_cmd->add_option("--data", resume_options.data_dir, "The record store's folder");
    resume_cmd->add_flag("--scenario-changed", resume_options.scenario_changed, "Resume although the scenario changed since the session was recorded (the session is marked)");

    ReportOptions report_options;
    auto* report_cmd = app.add_subcommand("report", "Report a recorded session as HTML, JSON, CSV or xAPI statements");
    report_cmd->add_option("session", report_options.session, "Session id (see holdspace sessions)")->required()->check(id_check());
    report_cmd->add_option("--format", report_options.format, "html (default), json, csv or xapi")
        ->check(CLI::IsMember({"html", "json", "csv", "xapi"}));
    report_cmd->add_option("-o,--output", report_options.output, "Write to FILE instead of standard output");
    report_cmd->add_option("--pseudonymise", report_options.pseudonymise, "CSV: replace trainee IDs with pseudonyms keyed by SALT");
    report_cmd->add_option("--xapi-base", report_options.xapi_base, "xAPI: IRI prefix for activities and accounts")
        ->check(xapi_base_check());
    report_cmd->add_option("--data", report_options.data_dir, "The record store's folder");

    SyncOptions sync_options;
    auto* sync_cmd = app.add_subcommand(
        "sync", "Send finished sessions' xAPI statements to a learning record store (kept queued until it has them)");
    sync_cmd->add_option("--lrs", sync_options.lrs, "The LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI");
    sync_cmd->add_option("--user", sync_options.user, "Basic-auth user (the LRS client's key)");
    sync_cmd->add_option("--password", sync_options.password, "Basic-auth password (default $HOLDSPACE_LRS_PASSWORD)");
    sync_cmd->add_option("--data", sync_options.data_dir, "The record store's folder");
    sync_cmd->add_option("--base", sync_options.base,
                         "IRI prefix of statements queued now (default $HOLDSPACE_XAPI_BASE or https://holdspace.example.org)")
        ->check(xapi_base_check());
    sync_cmd->add_option("--batch", sync_options.batch, "Statements per request (default 50)")->check(CLI::Range(1, 1000));
    sync_cmd->add_option("--retries", sync_options.retries,
                         "Further tries after no answer, a timeout, 429 or 5xx, with backoff (default 3)")
        ->check(CLI::Range(0, 10));
    sync_cmd->add_option("--timeout", sync_options.timeout, "Seconds per request (default 30)")->check(CLI::Range(1L, 3600L));
    sync_cmd->add_flag("--dry-run", sync_options.dry_run, "Show what would be sent; contact no LRS");
    sync_cmd->add_flag("--status", sync_options.status, "Show how many statements wait and why, and how many were sent");
    sync_cmd->add_flag("--json", sync_options.json, "Print the summary as JSON");
    auto* set_aside = sync_cmd->add_option("--set-aside", sync_options.set_aside,
                                           "Stop sending this statement (one the LRS will never accept); it stays in the store");
    auto* reason = sync_cmd->add_option("--reason", sync_options.reason, "Why it is set aside (required with --set-aside)")
                       ->check(text_check("reason", records::note_rule));
    set_aside->needs(reason);
    reason->needs(set_aside);
    sync_cmd->add_option("--requeue", sync_options.requeue, "Send a statement that was set aside again")->excludes(set_aside);

    CohortOptions cohort_options;
    auto* cohort_cmd = app.add_subcommand("cohort", "Trainees against scenarios: latest score, attempts and trend");
    cohort_cmd->add_option("--data", cohort_options.data_dir, "The record store's folder");
    auto* cohort_csv = cohort_cmd->add_flag("--csv", cohort_options.csv, "Print as CSV (one row per trainee and scenario)");
    cohort_cmd->add_flag("--json", cohort_options.json, "Print as JSON")->excludes(cohort_csv);
    cohort_cmd->add_option("-o,--output", cohort_options.output, "Write to FILE instead of standard output");

    auto* replay_cmd = app.add_subcommand("replay", "Re-run a session record and verify its transcript");
    replay_cmd->add_option("record", replay_options.record_file, "Session record written by play --record")
        ->required();
    replay_cmd->add_option("--scenario", replay_options.scenario,
                           "Scenario file to use instead of the one named in the record");
    replay_cmd->add_flag("--json", replay_options.json, "Print the result as JSON");
    replay_cmd->add_option("--rubric", replay_options.rubrics,
                           "Score the recorded session with this rubric (repeat to compare)");

    CheckOptions check_options;
    auto* check_cmd = app.add_subcommand(
        "check", "Lint scenarios: the contract, codes, expert options, rubric coverage, unreachable options and "
                 "dead ends (by exploring every answer sequence and random playthroughs)");
    check_cmd->add_option("paths", check_options.paths, "Scenario files or folders")->required();
    check_cmd->add_option("--runs", check_options.runs, "Random playthroughs per scenario (default 20)")
        ->check(CLI::Range(1, 100000));
    check_cmd->add_option("--seed", check_options.seed, "First seed of the playthroughs (default 1)")->check(seed_check());
    check_cmd->add_option("--max-paths", check_options.max_paths,
                          "Most answer sequences explored per scenario (default 2000)")
        ->check(CLI::Range(1L, 10000000L));
    check_cmd->add_option("--jobs", check_options.jobs, "Worker threads (default: one per hardware thread)")
        ->check(CLI::Range(1, 256));
    check_cmd->add_flag("--json", check_options.json, "Print findings as JSON");
    check_cmd->add_flag("--validity", check_options.validity,
                        "Also play every test-wise strategy on 10 seeds and the expert key on 100 (docs/scoring.md, "
                        "\"Validity\"): a scenario that a strategy without skill passes, or whose expert path fails "
                        "or is judged below expert, is a problem");

    AutoplayOptions autoplay_options;
    auto* autoplay_cmd = app.add_subcommand(
        "autoplay", "Play a scenario many times and report errors, coverage, line hits and scores");
    autoplay_cmd->add_option("scenario", autoplay_options.scenario, "Scenario file (.lua)")->required();
    autoplay_cmd->add_option("--runs", autoplay_options.runs,
                             "random: playthroughs (default 1000); exhaustive: the most paths (default 20000); "
                             "best/worst: seeds searched (default 1)")
        ->check(CLI::Range(1, 10000000));
    autoplay_cmd->add_option("--seed", autoplay_options.seed, "First seed (default 1)")->check(seed_check());
    std::vector<std::string> policies = {"random", "exhaustive", "best", "worst"};
    for (const auto& name : strategy_names()) policies.push_back(name);
    autoplay_cmd->add_option("--policy", autoplay_options.policy,
                             "random (seeded random responses), exhaustive (every answer sequence), best or "
                             "worst (greedy search for the best- or worst-scoring path); or a strategy played on "
                             "--runs seeds (default 10): first, last, longest, shortest, median, hold, reflection, "
                             "question (test-wise: docs/scoring.md) or expert, each also with +vitals (a vitals "
                             "check before every answer), e.g. longest+vitals")
        ->check(CLI::IsMember(policies));
    autoplay_cmd->add_option("--jobs", autoplay_options.jobs,
                             "Worker threads (default: one per hardware thread); results do not depend on it")
        ->check(CLI::Range(1, 256));
    autoplay_cmd->add_option("--max-depth", autoplay_options.max_depth,
                             "Most responses in one run (default: random 2000, otherwise 200)")
        ->check(CLI::Range(1, 100000));
    autoplay_cmd->add_option("--rubric", autoplay_options.rubric,
                             "Score with this rubric (a name in scenarios/rubrics/ or a path; default: the scenario's own)");
    autoplay_cmd->add_flag("--no-probes", autoplay_options.no_probes,
                           "exhaustive: do not try the non-verbal actions at each choice point");
    autoplay_cmd->add_flag("--json", autoplay_options.json, "Print the report as JSON");

    GraphOptions graph_options;
    auto* graph_cmd = app.add_subcommand("graph", "Print a scenario's branch graph (DOT or Mermaid)");
    graph_cmd->add_option("scenario", graph_options.scenario, "Scenario file (.lua)")->required();
    graph_cmd->add_option("--format", graph_options.format, "dot (Graphviz, default) or mermaid")
        ->check(CLI::IsMember({"dot", "mermaid"}));
    graph_cmd->add_option("--rubric", graph_options.rubric,
                          "Colour options by this rubric's classes (default: the scenario's own)");
    graph_cmd->add_option("--seed", graph_options.seed, "Seed the exploration plays with (default 1)")->check(seed_check());
    graph_cmd->add_option("--max-paths", graph_options.max_paths, "Most answer sequences explored (default 20000)")
        ->check(CLI::Range(1L, 10000000L));
    graph_cmd->add_option("--jobs", graph_options.jobs, "Worker threads (default: one per hardware thread)")
        ->check(CLI::Range(1, 256));
    graph_cmd->add_flag("--json", graph_options.json, "Print the graph's nodes and edges as JSON");

    TestOptions test_options;
    auto* test_cmd = app.add_subcommand("test", "Run test plans (.plan files: actions and expected lines, events, scores)");
    test_cmd->add_option("plans", test_options.plans, "Plan files or folders")->required();
    test_cmd->add_flag("--json", test_options.json, "Print the results as JSON");

    add_code_command(app);  // runs when parsed (code_command.hpp)

    NewOptions new_options;
    auto* new_cmd = app.add_subcommand("new", "Write a commented scenario template that passes check");
    new_cmd->add_option("path", new_options.path, "Scenario file to create (.lua; never overwritten)")->required();
    new_cmd->add_option("--phase", new_options.phase, "preparation, medicine or integration")
        ->required()
        ->check(CLI::IsMember({"preparation", "medicine", "integration"}));
    new_cmd->add_flag("--json", new_options.json, "Print what was written as JSON");

    DrillOptions drill_options;
    auto* drill_cmd = app.add_subcommand(
        "drill", "Deliberate practice: today's drill set of short difficult moments, with feedback after each answer");
    drill_cmd->add_option("--trainee", drill_options.trainee,
                          "Schedule from this trainee's drill history and record each answer in the record store")
        ->check(text_check("trainee id", records::trainee_rule));
    drill_cmd->add_option("--data", drill_options.data_dir, "The record store's folder");
    drill_cmd->add_option("--level", drill_options.level, "Only drills of this level")
        ->check(CLI::IsMember({"beginner", "intermediate", "advanced"}));
    drill_cmd->add_option("--domain", drill_options.domain, "Only drills of this skill domain (a rubric domain id)");
    drill_cmd->add_option("--id", drill_options.ids, "Drill this drill (repeat for several) instead of the daily set");
    drill_cmd->add_option("--count", drill_options.count, "Drills a day (default 10)")->check(CLI::Range(1, 1000));
    drill_cmd->add_option("--seed", drill_options.seed, "Replay every drill with this seed instead of its own")->check(seed_check());
    drill_cmd->add_option("--actions", drill_options.actions_file,
                          "Answers from FILE, one a line (option number or id, action key or name; r, n, q)");
    drill_cmd->add_option("--catalogue", drill_options.catalogue, "The drill catalogue (default scenarios/drills/catalogue.lua)");
    drill_cmd->add_option("--now", drill_options.now, "Schedule as if it were this UTC time (2025-03-10T09:30:00Z)");
    drill_cmd->add_flag("--progress", drill_options.progress, "Show the trainee's progress per skill domain by week");
    drill_cmd->add_flag("--list", drill_options.list, "List the catalogue (with the trainee's boxes and due days)");
    drill_cmd->add_flag("--json", drill_options.json, "Print as JSON");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::string where = "holdspace";
        for (const auto* sub : app.get_subcommands()) where += " " + sub->get_name();
        std::cerr << where << ": " << e.what() << " (see '" << where << " --help')\n";
        return exit_usage;
    }

    if (play_cmd->parsed()) return play(play_options);
    if (drill_cmd->parsed()) return drill(drill_options);
    if (sessions_cmd->parsed()) return sessions(sessions_options);
    if (resume_cmd->parsed()) return resume(resume_options);
    if (report_cmd->parsed()) return report(report_options);
    if (sync_cmd->parsed()) return sync(sync_options);
    if (cohort_cmd->parsed()) return cohort(cohort_options);
    if (replay_cmd->parsed()) return replay(replay_options);
    if (check_cmd->parsed()) return check(check_options);
    if (autoplay_cmd->parsed()) return autoplay(autoplay_options);
    if (graph_cmd->parsed()) return graph(graph_options);
    if (test_cmd->parsed()) return test_plans(test_options);
    if (new_cmd->parsed()) return new_scenario(new_options);

    // No subcommand: the window.
    if (launcher) {
        for (const auto& root : app::scenario_roots())
            if (std::filesystem::is_directory(root)) {
                window.scenarios_root = root;
                break;
            }
        const int code = launcher(window);
        if (code != exit_no_display) return code;
        std::cerr << "holdspace: no display for a window; playing the first scenario in the terminal\n";
    } else if (!window.screenshot.empty() || !window.dev_scenario.empty()) {
        std::cerr << "holdspace: this build has no window (SDL2 and ImGui were not found when it was built)\n";
        return exit_usage;
    }
    PlayOptions first;
    first.scenario = app::default_scenario();
    if (first.scenario.empty()) {
        std::cerr << "holdspace: cannot find the scenarios folder; run from the source tree or set "
                     "HOLDSPACE_SCENARIOS\n";
        return exit_usage;
    }
    return play(first);
}

}  // namespace holdspace::cli
