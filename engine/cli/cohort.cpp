// `holdspace cohort`: trainees against scenarios, with latest scores and trends.
#include "app/cohort.hpp"
#include "cli/commands.hpp"
#include "cli/store_check.hpp"
#include "app/library.hpp"
#include "app/practice.hpp"
#include "records/text.hpp"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

namespace holdspace::cli {


namespace {

std::string cell_text(const records::CohortCell& c) {
    std::ostringstream out;
    if (c.latest) out << std::fixed << std::setprecision(1) << *c.latest;
    else out << "-";
    if (c.latest_pass) out << (*c.latest_pass ? " pass" : " fail");
    const std::string trend = c.trend();
    if (!trend.empty()) out << " " << trend;
    return out.str();
}

}  // namespace

int cohort(const CohortOptions& options) {
    std::string text;
    if (!store_exists(options.data_dir, "holdspace cohort")) return exit_usage;
    try {
        records::Store store(app::store_path(options.data_dir), records::Store::Access::read);
        std::string note;
        const auto c = app::load_cohort(store, note);
        if (!note.empty()) std::cerr << "holdspace cohort: " << note << "\n";
        if (options.csv) {
            text = records::cohort_csv(c);
        } else if (options.json) {
            text = records::json_text(records::cohort_json(c), 2) + "\n";
        } else {
            std::ostringstream out;
            out << std::left << std::setw(16) << "trainee" << std::setw(36) << "scenario" << std::setw(10) << "attempts"
                << std::setw(18) << "latest" << "scores (oldest first)\n";
            for (const auto& cell : c.cells) {
                std::string scores;
                for (const double s : cell.scores) {
                    std::ostringstream one;
                    one << std::fixed << std::setprecision(1) << s;
                    scores += (scores.empty() ? "" : " ") + one.str();
                }
                out << std::setw(16) << cell.trainee << std::setw(36) << cell.scenario << std::setw(10) << cell.attempts
                    << std::setw(18) << cell_text(cell) << (scores.empty() ? "-" : scores) << "\n";
            }
            out << c.trainees.size() << (c.trainees.size() == 1 ? " trainee, " : " trainees, ") << c.scenarios.size()
                << (c.scenarios.size() == 1 ? " scenario" : " scenarios") << " in " << store.path() << "\n";
            text = out.str();
        }
    } catch (const records::StoreError& e) {
        std::cerr << "holdspace cohort: " << e.what() << "\n";
        return exit_usage;
    }
    if (options.output.empty()) {
        std::cout << text;
        return exit_ok;
    }
    std::ofstream out(options.output, std::ios::binary);
    out << text;
    out.close();
    if (!out) {
        std::cerr << "holdspace cohort: " << options.output << ": cannot write\n";
        return exit_usage;
    }
    std::cerr << "holdspace cohort: wrote " << options.output << "\n";
    return exit_ok;
}

}  // namespace holdspace::cli
