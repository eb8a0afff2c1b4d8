// `holdspace sessions` and `holdspace report`: the record store, as supervisors use it.
#include "cli/commands.hpp"
#include "cli/store_check.hpp"
#include "app/cohort.hpp"
#include "app/statements.hpp"
#include "app/library.hpp"
#include "app/pull.hpp"
#include "app/practice.hpp"
#include "records/report.hpp"
#include "records/store.hpp"
#include "records/text.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace holdspace::cli {
namespace {

Json row_json(const records::SessionRow& r) {
    return {{"id", r.id},         {"trainee", r.trainee},     {"scenario", r.scenario_id},
            {"scenario_path", r.scenario_path},               {"seed", r.seed},
            {"started_at", r.started_at},                     {"status", r.status},
            {"rubric", r.rubric}, {"overall", r.overall ? Json(*r.overall) : Json(nullptr)},
            {"pulled_from", r.pulled() ? Json(r.pulled_from) : Json(nullptr)},
            {"pulled_at", r.pulled() ? Json(r.pulled_at) : Json(nullptr)}};
}


// The supervisor's name for notes and overrides: as given, else $USER.
std::string supervisor_name(const std::string& given) {
    if (!given.empty()) return given;
    const char* user = std::getenv("USER");
    return user && *user ? user : "supervisor";
}

}  // namespace



int sessions(const SessionsOptions& options) {
    try {
        // Listing and showing only read: they work on a store this user cannot write to.
        const bool writes = options.close != 0 || options.note != 0 || options.override_session != 0;
        if (!writes && !store_exists(options.data_dir, "holdspace sessions")) return exit_usage;
        records::Store store(app::store_path(options.data_dir),
                             writes ? records::Store::Access::write : records::Store::Access::read);
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
        if (options.note != 0 || options.override_session != 0) {
            const bool is_note = options.note != 0;
            const char* command = is_note ? "holdspace sessions note" : "holdspace sessions override";
            const auto row = store.session(is_note ? options.note : options.override_session);
            if (!row || row->status != "finished") {
                std::cerr << command << ": session " << (is_note ? options.note : options.override_session)
                          << " is not a finished session in " << store.path() << "\n";
                return exit_usage;
            }
            std::string warning;
            const auto in = app::report_input(store, *row, warning);
            const Json moments = in.score.value("moments", Json::array());
            if (options.moment < 1 || static_cast<std::size_t>(options.moment) > moments.size()) {
                std::cerr << command << ": session " << row->id << " has " << moments.size()
                          << " scored moments (see holdspace sessions show " << row->id << ")\n";
                return exit_usage;
            }
            const Json& m = moments[static_cast<std::size_t>(options.moment - 1)];
            const int event = m.value("event", 0);
            const std::string author = supervisor_name(options.author);
            if (is_note) {
                store.annotate(row->id, event, author, options.text);
                if (row->pulled() && app::queue_supervision(store, *row, app::xapi_base("")) > 0)
                    std::cout << "queued for " << records::printable(row->pulled_from) << " (holdspace sync sends it)\n";
                std::cout << "noted moment " << options.moment << " (" << m.value("moment", "") << ") of session " << row->id << "\n";
            } else {
                if (options.reason.find_first_not_of(" \t") == std::string::npos) {
                    std::cerr << command << ": an override needs a reason\n";
                    return exit_usage;
                }
                store.override_score(row->id, event, options.score, author, options.reason);
                if (row->pulled() && app::queue_supervision(store, *row, app::xapi_base("")) > 0)
                    std::cout << "queued for " << records::printable(row->pulled_from) << " (holdspace sync sends it)\n";
                std::cout << "moment " << options.moment << " (" << m.value("moment", "") << ") of session " << row->id
                          << ": supervisor's score " << options.score << ", automatic "
                          << std::lround(m.value("fraction", 0.0) * 100) << " (kept)\n";
            }
            return exit_ok;
        }
        if (options.show != 0) {
            const auto row = store.session(options.show);
            if (!row) {
                std::cerr << "holdspace sessions show: no session " << options.show << " in " << store.path() << "\n";
                return exit_usage;
            }
            const auto actions = store.actions(row->id);
            std::string warning;
            const auto in = row->status == "finished" ? app::report_input(store, *row, warning) : records::ReportInput{};
            const Json moments = in.score.value("moments", Json::array());
            auto override_of = [&](const Json& m) -> const records::ReportInput::Override* {
                const records::ReportInput::Override* latest = nullptr;
                for (const auto& o : in.overrides)
                    if (o.event_index == m.value("event", -1)) latest = &o;
                return latest;
            };
            const auto notes = store.annotations(row->id);
            if (options.json) {
                Json j = row_json(*row);
                j["pass"] = in.score.contains("pass") ? in.score["pass"] : Json(nullptr);
                j["actions"] = actions;
                j["moments"] = Json::array();
                for (const auto& m : moments) {
                    Json entry = {{"event", m.value("event", 0)},       {"moment", m.value("moment", "")},
                                  {"judgement", m.value("judgement", "")}, {"automatic", m.value("fraction", 0.0) * 100}};
                    if (const auto* o = override_of(m))
                        entry["override"] = {{"score", o->score}, {"author", o->author}, {"reason", o->reason}};
                    j["moments"].push_back(std::move(entry));
                }
                j["annotations"] = Json::array();
                for (const auto& n : notes)
                    j["annotations"].push_back({{"event", n.event_index}, {"author", n.author}, {"text", n.text}});
                std::cout << records::json_text(j, 2) << "\n";
                return exit_ok;
            }
            std::cout << "session " << row->id << ": " << row->trainee << ", " << row->scenario_id << " (seed " << row->seed
                      << "), started " << row->started_at << ", " << row->status;
            if (row->overall) std::cout << ", " << row->rubric << " " << *row->overall;
            if (in.score.contains("pass") && in.score["pass"].is_boolean()) {
                const auto critical = in.score.value("critical", Json::array()).size();
                std::cout << ", " << (in.score["pass"].get<bool>() ? "passed" : "NOT PASSED");
                if (critical > 0) std::cout << " (" << critical << " critical error" << (critical == 1 ? "" : "s") << ")";
            }
            if (row->pulled())
                std::cout << "\npulled from " << records::printable(row->pulled_from) << " at " << row->pulled_at
                          << " (statement " << row->statement_id << ")";
            std::cout << "\nscenario file: " << row->scenario_path << "\nactions (" << actions.size() << "):";
            for (const auto& a : actions) std::cout << " " << a;
            std::cout << "\n";
            int number = 0;
            for (const auto& m : moments) {
                std::cout << "moment " << ++number << " at " << m.value("t", 0.0) << " min, " << m.value("moment", "") << " ("
                          << m.value("kind", "") << "): " << m.value("response", "") << ", " << m.value("judgement", "") << " "
                          << std::lround(m.value("fraction", 0.0) * 100);
                if (const auto* o = override_of(m)) std::cout << "; supervisor " << o->score << " (" << o->author << ": " << o->reason << ")";
                std::cout << "\n";
                for (const auto& n : notes)
                    if (n.event_index == m.value("event", -1)) std::cout << "  note (" << n.author << "): " << n.text << "\n";
            }
            for (const auto& n : notes) {
                bool on_moment = false;
                for (const auto& m : moments) on_moment = on_moment || n.event_index == m.value("event", -1);
                if (!on_moment) std::cout << "note at event " << n.event_index << " (" << n.author << "): " << n.text << "\n";
            }
            if (!warning.empty()) std::cerr << "holdspace sessions show: " << warning << "\n";
            return exit_ok;
        }
        const auto rows = store.sessions(options.trainee, options.scenario);
        std::string note;
        const auto judged = app::judge_sessions(store, rows, note);
        if (!note.empty()) std::cerr << "holdspace sessions: " << note << "\n";
        if (options.json) {
            Json list = Json::array();
            for (const auto& s : judged) {
                Json j = row_json(s.row);
                j["pass"] = s.pass ? Json(*s.pass) : Json(nullptr);
                list.push_back(std::move(j));
            }
            std::cout << records::json_text(list, 2) << "\n";
            return exit_ok;
        }
        std::cout << std::left << std::setw(6) << "id" << std::setw(14) << "trainee" << std::setw(34) << "scenario"
                  << std::setw(22) << "started" << std::setw(10) << "status" << std::setw(7) << "score" << std::setw(12)
                  << "result" << "from\n";
        for (const auto& [r, pass] : judged) {
            std::ostringstream score;
            if (r.overall) score << std::fixed << std::setprecision(1) << *r.overall;
            std::cout << std::setw(6) << r.id << std::setw(14) << r.trainee << std::setw(34) << r.scenario_id << std::setw(22)
                      << r.started_at << std::setw(10) << r.status << std::setw(7) << (r.overall ? score.str() : "-")
                      << std::setw(12) << (pass ? (*pass ? "passed" : "NOT PASSED") : "-")
                      << (r.pulled() ? "pulled" : "here") << "\n";
        }
        std::cout << rows.size() << " session" << (rows.size() == 1 ? "" : "s") << " in " << store.path() << "\n";
        return exit_ok;
    } catch (const records::StoreError& e) {
        std::cerr << "holdspace sessions: " << e.what() << "\n";
        return exit_usage;
    }
}

int report(const ReportOptions& options) {
    std::string base;
    if (options.format == "xapi") {
        try {
            base = app::xapi_base(options.xapi_base);
        } catch (const std::invalid_argument& e) {
            std::cerr << "holdspace report: " << e.what() << "\n";
            return exit_usage;
        }
    }
    if (!store_exists(options.data_dir, "holdspace report")) return exit_usage;
    try {
        records::Store store(app::store_path(options.data_dir), records::Store::Access::read);
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
        const records::ReportInput in = app::report_input(store, *row, warning);
        if (!warning.empty()) std::cerr << "holdspace report: " << warning << "; reporting without a score\n";

        std::string text;
        if (options.format == "html") text = records::html_report(in);
        else if (options.format == "csv")
            text = records::csv_report(in, options.pseudonymise.empty() ? std::string() : records::pseudonymise(in.trainee, options.pseudonymise));
        else if (options.format == "xapi") text = records::json_text(records::xapi_statements(in, base), 2) + "\n";
        else text = records::json_text(Json{{"session", row_json(*row)}, {"score", in.score}, {"events", in.events}}, 2) + "\n";

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
