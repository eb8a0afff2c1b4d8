// A trainee's recorded sessions as the curriculum shows them (trainee_sessions.hpp).
#include "app/trainee_sessions.hpp"

#include "app/practice.hpp"
#include "records/session_record.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

namespace holdspace::app {
namespace fs = std::filesystem;

std::string trainee_folder(const std::string& name) {
    std::string out;
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        out += ok ? c : '_';
    }
    if (out.empty() || out == "." || out == "..") out = "_" + out;
    return out;
}

std::vector<SavedSession> list_sessions(records::Store& store, const std::string& trainee) {
    std::vector<SavedSession> out;
    if (trainee.empty()) return out;
    auto rows = store.sessions(trainee);
    std::reverse(rows.begin(), rows.end());  // newest first
    for (const auto& r : rows) {
        SavedSession s;
        s.id = r.id;
        s.scenario_path = r.scenario_path;
        s.scenario_id = r.scenario_id;
        s.seed = r.seed;
        s.actions = store.actions(r.id).size();
        s.finished = r.status != "open";
        s.started_at = r.started_at;
        if (s.finished) {
            for (const auto& e : store.events(r.id))
                if (e.value("type", "") == "start") s.title = e.value("title", "");
            s.overall = r.overall;
            const Json score = store.score(r.id);
            s.passed = r.overall && score.value("pass", false);
        }
        if (s.title.empty()) s.title = r.scenario_id;
        out.push_back(std::move(s));
    }
    return out;
}

ScenarioProgress progress_of(const std::vector<SavedSession>& sessions, const std::string& scenario_id) {
    ScenarioProgress p;
    for (const auto& s : sessions) {
        if (!s.finished || !s.overall || s.scenario_id != scenario_id) continue;  // closed unscored: not tried
        ++p.finished;
        p.best = std::max(p.best.value_or(*s.overall), *s.overall);
        p.passed = p.passed || s.passed;
    }
    return p;
}

namespace {

// A file time as the store's UTC stamp ("2026-11-22T09:30:00Z").
std::string utc_of(fs::file_time_type time) {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(time));
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace

int import_jsonl_records(records::Store& store, const std::string& dir, const std::string& trainee, std::string& error) {
    const fs::path folder = fs::path(dir) / "sessions" / trainee_folder(trainee);
    std::error_code ec;
    if (trainee.empty() || !fs::is_directory(folder, ec)) return 0;
    std::vector<fs::path> files;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::error_code entry_ec;  // a symbolic link loop or dangling link is skipped, never thrown
        if (it->is_regular_file(entry_ec) && it->path().extension() == ".jsonl") files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());  // named by when they were made: oldest first
    int imported = 0;
    for (const auto& file : files) {
        records::Record record;
        try {
            record = records::read_record(file.string());
        } catch (const std::exception&) {
            continue;  // a damaged record stays on disk, untouched
        }
        try {
            const auto& h = record.header;
            records::Store::Imported session;
            session.trainee = trainee;
            session.scenario_path = h.scenario_path;
            session.scenario_id = h.scenario_id;
            session.digest = h.scenario_digest;
            session.seed = h.seed;
            session.started_at = utc_of(fs::last_write_time(file, ec));  // when it was last written
            session.actions = record.actions;
            // The file's full path marks the import: a crash before the rename below cannot import it twice.
            session.source = fs::absolute(file).string();
            if (!record.events.empty() && record.events.back().value("type", "") == "end") {
                session.events = Json(record.events);
                std::string rubric_id;
                for (const auto& e : record.events)
                    if (e.value("type", "") == "start") rubric_id = e.value("rubric", "");
                try {
                    std::string note;
                    const auto rubrics = load_rubrics({}, rubric_id, h.scenario_path, note);
                    if (!rubrics.empty()) {
                        const auto score = scoring::score_transcript(rubrics.front(), *session.events);
                        session.rubric = score.rubric_id;
                        session.overall = score.overall;
                        session.score = scoring::score_json(score);
                    }
                } catch (const std::exception&) {
                    // Kept without a score; the transcript is what matters.
                }
            }
            store.import_session(session);
        } catch (const std::exception& e) {
            error = e.what();
            return imported;
        }
        fs::rename(file, fs::path(file.string() + ".imported"), ec);
        ++imported;
    }
    return imported;
}

}  // namespace holdspace::app
