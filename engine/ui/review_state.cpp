// Supervisor review and the cohort: what the window knows of recorded sessions (no drawing).
#include "ui/app_state.hpp"

#include "app/cohort.hpp"
#include "app/library.hpp"
#include "app/pull.hpp"
#include "app/statements.hpp"
#include "records/lrs_client.hpp"
#include "records/session_record.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace holdspace::ui {
namespace fs = std::filesystem;

// ---- the application: review and cohort ------------------------------------------------------

void App::open_review_list() {
    if (screen != Screen::review && screen != Screen::cohort) before_review = screen;
    screen = Screen::review;
    refresh_review_list();
}

void App::refresh_review_list() {
    review_list.rows.clear();
    if (!store) return;
    try {
        auto rows = store->sessions(review_list.trainee, review_list.scenario);
        std::reverse(rows.begin(), rows.end());  // newest first
        std::string note;
        review_list.passes.clear();
        for (const auto& judged : app::judge_sessions(*store, rows, note)) review_list.passes.push_back(judged.pass);
        review_list.rows = std::move(rows);
    } catch (const std::exception& e) {
        notify(e.what(), true);
    }
    review_list.selected = std::clamp(review_list.selected, 0, std::max(0, static_cast<int>(review_list.rows.size()) - 1));
}

bool App::open_review(std::int64_t id) {
    if (!store) {
        notify("No record store: " + store_error, true);
        return false;
    }
    std::optional<records::SessionRow> row;
    try {
        row = store->session(id);
    } catch (const std::exception& e) {
        notify(e.what(), true);
        return false;
    }
    if (!row) {
        notify("No session " + std::to_string(id) + " in " + store->path(), true);
        return false;
    }
    auto next = std::make_unique<app::Review>(*store, *row, options.scenarios_root);
    if (!next->ok()) {
        notify(next->error(), true);
        return false;
    }
    review = std::move(next);
    review_rubric = 0;
    note_input.clear();
    override_reason.clear();
    if (screen != Screen::review) {
        if (screen != Screen::cohort) before_review = screen;
        screen = Screen::review;
    }
    // Open on the first moment not answered as an expert would: where a supervisor starts.
    std::size_t point = review->points() - 1;
    if (!review->scores().empty())
        for (const auto& m : review->scores().front().moments)
            if (!m.chose_expert && m.kind == "moment") {
                point = review->point_of_event(m.event);
                break;
            }
    review->seek(point);
    if (review->note().empty()) notify("");
    else notify(review->note(), true);
    return true;
}

void App::close_review() {
    if (review) {
        review.reset();
        refresh_review_list();
        return;
    }
    screen = before_review == Screen::review || before_review == Screen::cohort ? Screen::start : before_review;
}

bool App::pull_from_lrs() {
    const char* endpoint = std::getenv("HOLDSPACE_LRS");
    if (!endpoint || !*endpoint) {
        notify("To pull, set HOLDSPACE_LRS to the learning record store's xAPI endpoint (and HOLDSPACE_LRS_USER, "
               "HOLDSPACE_LRS_PASSWORD), or run holdspace pull (docs/supervision.md).",
               true);
        return false;
    }
    if (!store) {
        notify("No record store to pull into: " + store_error, true);
        return false;
    }
    const auto url = records::split_credentials(endpoint);
    const char* user = std::getenv("HOLDSPACE_LRS_USER");
    const char* password = std::getenv("HOLDSPACE_LRS_PASSWORD");
    try {
        records::LrsConfig config{url.url, user && *user ? user : url.user, password && *password ? password : url.password,
                                  60};
        config.max_reply_bytes = 16u << 20;
        records::LrsClient lrs(config);
        app::PullOptions pull;
        pull.lrs = records::printable(url.url, 2000);
        pull.base = app::xapi_base("");
        pull.scenario_roots = app::scenario_roots();
        const app::PullResult r = app::pull(*store, lrs, pull);
        std::string said = "Pulled from " + pull.lrs + ": " + std::to_string(r.sessions) + " sessions, " +
                           std::to_string(r.notes) + " notes or overrides";
        if (!r.skipped.empty()) said += "; " + std::to_string(r.skipped.size()) + " skipped (holdspace pull lists why)";
        if (!r.error.empty()) said += "; stopped: " + r.error;
        notify(said + ".", !r.error.empty());
    } catch (const std::exception& e) {
        notify(std::string("Pull failed: ") + records::printable(e.what(), 300), true);
        return false;
    }
    refresh_review_list();
    if (screen == Screen::cohort) refresh_cohort();
    return true;
}

void App::open_cohort() {
    if (screen != Screen::review && screen != Screen::cohort) before_review = screen;
    screen = Screen::cohort;
    refresh_cohort();
}

void App::refresh_cohort() {
    cohort.reset();
    cohort_note.clear();
    if (!store) {
        cohort_note = "No record store: " + store_error;
        return;
    }
    try {
        cohort = app::load_cohort(*store, cohort_note);
    } catch (const std::exception& e) {
        cohort_note = e.what();
    }
}

bool App::export_cohort(const std::string& path) {
    if (!cohort) refresh_cohort();
    if (!cohort) {
        notify("Nothing to export: " + cohort_note, true);
        return false;
    }
    std::string target = path;
    if (target.empty()) {
        const std::time_t t = std::time(nullptr);
        std::tm tm{};
        localtime_r(&t, &tm);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
        target = (fs::path(data) / ("cohort-" + std::string(stamp) + ".csv")).string();
    }
    std::error_code ec;
    if (const auto dir = fs::path(target).parent_path(); !dir.empty()) fs::create_directories(dir, ec);
    std::ofstream out(target, std::ios::binary);
    out << records::cohort_csv(*cohort);
    out.close();
    if (!out) {
        notify("Cannot write " + target, true);
        return false;
    }
    notify("Exported the cohort as CSV to " + target);
    return true;
}

}  // namespace holdspace::ui
