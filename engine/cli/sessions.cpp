// `holdspace sessions` and `holdspace report`: the record store, as supervisors use it.
#include "cli/commands.hpp"
#include "cli/report_input.hpp"
#include "cli/scenario_session.hpp"
#include "records/report.hpp"
#include "records/store.hpp"

#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>

namespace holdspace::cli {
namespace {

Json row_json(const records::SessionRow& r) {
    return {{"id", r.id},         {"trainee", r.trainee},     {"scenario", r.scenario_id},
            {"scenario_path", r.scenario_path},               {"seed", r.seed},
            {"started_at", r.started_at},                     {"status", r.status},
            {"rubric", r.rubric}, {"overall", r.overall ? Json(*r.overall) : Json(nullptr)}};
}

// --xapi-base when given; ReportOptions' own default gives way to $HOLDSPACE_XAPI_BASE.
std::string report_xapi_base(const ReportOptions& options) {
    return options.xapi_base == ReportOptions{}.xapi_base ? xapi_base() : options.xapi_base;
}

}  // namespace

records::ReportInput report_input(records::Store& store, const records::SessionRow& row, std::string& warning) {
    records::ReportInput in;
    in.session = row.id;
    in.trainee = row.trainee;
    in.scenario_id = row.scenario_id;
    in.started_at = row.started_at;
    in.seed = row.seed;
    in.rubric = row.rubric;
    in.events = store.events(row.id);
    for (const auto& e : in.events)
        if (e.value("type", "") == "start") in.scenario_title = e.value("title", row.scenario_id);
    try {  // re-scored from the stored transcript: the same result as when it was played
        std::string note;
        if (!row.rubric.empty()) {
            const auto rubrics = load_rubrics({row.rubric}, row.rubric, row.scenario_path, note);
            if (rubrics.empty()) warning = note;
            else in.score = scoring::score_json(scoring::score_transcript(rubrics.front(), in.events));
        }
    } catch (const std::exception& e) {
        warning = e.what();
    }
    for (const auto& n : store.annotations(row.id)) in.annotations.push_back({n.event_index, n.author, n.text});
    for (const auto& o : store.overrides(row.id)) in.overrides.push_back({o.event_index, o.score, o.author, o.reason});
    return in;
}

std::string xapi_base(const std::string& requested) {
    if (!requested.empty()) return requested;
    const char* configured = std::getenv("HOLDSPACE_XAPI_BASE");
    return configured && *configured ? configured : "https://holdspace.example.org";
}

int sessions(const SessionsOptions& options) {
    try {
        records::Store store(store_path(options.data_dir));
        if (options.close != 0) {
            const auto row = store.session(options.close);
            if (!row || row->status != "open") {
                std::cerr << "holdspace sessions close: session " << options.close << " is not an open session\n";
                return exit_usage;
            }
            store.close_session(row->id);
            std::cout << "closed session " << row->id << " (" << store.actions(row->id).size() << " actions kept)\n";
            return exit_ok;
        }
        if (options.show != 0) {
            const auto row = store.session(options.show);
            if (!row) {
                std::cerr << "holdspace sessions show: no session " << options.show << " in " << store.path() << "\n";
                return exit_usage;
            }
            const auto actions = store.actions(row->id);
            const auto notes = store.annotations(row->id);
            if (options.json) {
                Json j = row_json(*row);
                j["actions"] = actions;
                j["annotations"] = Json::array();
                for (const auto& n : notes)
                    j["annotations"].push_back({{"event", n.event_index}, {"author", n.author}, {"text", n.text}});
                std::cout << j.dump(2) << "\n";
                return exit_ok;
            }
            std::cout << "session " << row->id << ": " << row->trainee << ", " << row->scenario_id << " (seed " << row->seed
                      << "), started " << row->started_at << ", " << row->status;
            if (row->overall) std::cout << ", " << row->rubric << " " << *row->overall;
            std::cout << "\nscenario file: " << row->scenario_path << "\nactions (" << actions.size() << "):";
            for (const auto& a : actions) std::cout << " " << a;
            std::cout << "\n";
            for (const auto& n : notes) std::cout << "note at event " << n.event_index << " (" << n.author << "): " << n.text << "\n";
            return exit_ok;
        }
        const auto rows = store.sessions(options.trainee, options.scenario);
        if (options.json) {
            Json list = Json::array();
            for (const auto& r : rows) list.push_back(row_json(r));
            std::cout << list.dump(2) << "\n";
            return exit_ok;
        }
        std::cout << std::left << std::setw(6) << "id" << std::setw(14) << "trainee" << std::setw(34) << "scenario"
                  << std::setw(22) << "started" << std::setw(10) << "status" << "score\n";
        for (const auto& r : rows)
            std::cout << std::setw(6) << r.id << std::setw(14) << r.trainee << std::setw(34) << r.scenario_id << std::setw(22)
                      << r.started_at << std::setw(10) << r.status << (r.overall ? std::to_string(*r.overall).substr(0, 5) : "-")
                      << "\n";
        std::cout << rows.size() << " session" << (rows.size() == 1 ? "" : "s") << " in " << store.path() << "\n";
        return exit_ok;
    } catch (const records::StoreError& e) {
        std::cerr << "holdspace sessions: " << e.what() << "\n";
        return exit_usage;
    }
}

int report(const ReportOptions& options) {
    try {
        records::Store store(store_path(options.data_dir));
        const auto row = store.session(options.session);
        if (!row) {
            std::cerr << "holdspace report: no session " << options.session << " in " << store.path() << "\n";
            return exit_usage;
        }
        if (row->status != "finished") {
            std::cerr << "holdspace report: session " << row->id << " is " << row->status
                      << "; only finished sessions are reported\n";
            return exit_failed;
        }
        std::string warning;
        const records::ReportInput in = report_input(store, *row, warning);
        if (!warning.empty()) std::cerr << "holdspace report: " << warning << "; reporting without a score\n";

        std::string text;
        if (options.format == "html") text = records::html_report(in);
        else if (options.format == "csv")
            text = records::csv_report(in, options.pseudonymise.empty() ? std::string() : records::pseudonymise(in.trainee, options.pseudonymise));
        else if (options.format == "xapi") text = records::xapi_statements(in, report_xapi_base(options)).dump(2) + "\n";
        else text = Json{{"session", row_json(*row)}, {"score", in.score}, {"events", in.events}}.dump(2) + "\n";

        if (options.output.empty()) {
            std::cout << text;
        } else {
            std::ofstream out(options.output, std::ios::binary);
            out << text;
            if (!out) {
                std::cerr << "holdspace report: " << options.output << ": cannot write\n";
                return exit_usage;
            }
            std::cerr << "holdspace report: wrote " << options.output << "\n";
        }
        return exit_ok;
    } catch (const records::StoreError& e) {
        std::cerr << "holdspace report: " << e.what() << "\n";
        return exit_usage;
    }
}

}  // namespace holdspace::cli
