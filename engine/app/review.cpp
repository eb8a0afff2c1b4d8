// A recorded session opened for supervisor review (review.hpp).
#include "app/review.hpp"

#include "app/practice.hpp"
#include "app/pull.hpp"
#include "app/scenario_digest.hpp"
#include "app/statements.hpp"
#include "records/session_record.hpp"
#include "script/lua_scenario.hpp"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>

namespace holdspace::app {
namespace fs = std::filesystem;

Review::Review(records::Store& store, const records::SessionRow& row, const std::string& rubrics_root)
    : store_(store), row_(row) {
    try {
        actions_ = store.actions(row.id);
        source_ = script::read_text_file(row.scenario_path);
        whole_ = open_session(source_, row.scenario_path, row.seed);
        at_ = open_session(source_, row.scenario_path, row.seed);
    } catch (const std::exception& e) {
        error_ = "Session " + std::to_string(row.id) + " cannot be replayed: " + e.what();
        whole_.reset();
        return;
    }
    if (scenario_digest(source_, row.scenario_path) != row.scenario_digest)
        note_ = "The scenario or a module it requires has changed since this session was played. ";

    whole_->start();
    at_->start();
    ends_.push_back(whole_->events().size());
    for (std::size_t i = 0; i < actions_.size(); ++i) {
        std::string error;
        const auto action = parse_action(actions_[i], error);
        if (!action || !whole_->apply(*action, error)) {
            note_ += "Stored action " + std::to_string(i + 1) + " ('" + actions_[i] + "') no longer applies (" + error +
                     "): the timeline stops before it.";
            break;
        }
        ends_.push_back(whole_->events().size());
    }
    const Json replayed = transcript_json(whole_->events());
    if (row.status == "finished") {
        const Json stored = store.events(row.id);
        if (stored != replayed) {
            std::size_t k = 0;
            while (k < stored.size() && k < replayed.size() && stored[k] == replayed[k]) ++k;
            note_ += "The replay differs from the stored transcript from event " + std::to_string(k + 1) +
                     " on; what is shown is the replay.";
        }
    }

    std::string rubric_note;
    rubrics_ = load_all_rubrics(row.scenario_path, whole_->info().rubric, rubrics_root, rubric_note);
    if (!whole_->failure()) scores_ = score_all(rubrics_, replayed);
    reload_notes();
}

void Review::seek(std::size_t point) {
    if (!ok()) return;
    point = std::min(point, ends_.size() - 1);
    if (point < at_point_) {  // a Session only moves forward: back means from the start
        at_ = open_session(source_, row_.scenario_path, row_.seed);
        at_->start();
        at_point_ = 0;
    }
    for (; at_point_ < point; ++at_point_) {
        std::string error;
        const auto action = parse_action(actions_[at_point_], error);
        if (!action || !at_->apply(*action, error)) break;  // cannot happen: the whole replay applied it
    }
    point_ = at_point_;
}

std::size_t Review::point_of_event(int event) const {
    for (std::size_t p = 0; p < ends_.size(); ++p)
        if (static_cast<std::size_t>(std::max(event, 0)) < ends_[p]) return p;
    return ends_.empty() ? 0 : ends_.size() - 1;
}

int Review::anchor(std::size_t point) const {
    if (ends_.empty()) return 0;
    point = std::min(point, ends_.size() - 1);
    const auto& events = whole_->events();
    if (point > 0)
        for (std::size_t k = ends_[point - 1]; k < ends_[point]; ++k) {
            const std::string& t = events[k].type;
            if (t == "response" || t == "action" || (t == "wait" && events[k].data.value("by", "") == "trainee"))
                return static_cast<int>(k);
        }
    return static_cast<int>(ends_[point] > 0 ? ends_[point] - 1 : 0);
}

const records::ScoreOverride* Review::latest_override(int event) const {
    const records::ScoreOverride* latest = nullptr;
    for (const auto& o : overrides_)
        if (o.event_index == event) latest = &o;  // in the order they were made
    return latest;
}

void Review::reload_notes() {
    try {
        annotations_ = store_.annotations(row_.id);
        overrides_ = store_.overrides(row_.id);
    } catch (const std::exception& e) {
        note_ += std::string(" Notes cannot be read: ") + e.what();
    }
}

void Review::share_supervision() {
    if (row_.pulled()) queue_supervision(store_, row_, xapi_base(""));  // back to the trainee through the LRS
}

bool Review::annotate(int event, const std::string& author, const std::string& text, std::string& error) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "Write the note first.";
        return false;
    }
    try {
        store_.annotate(row_.id, event, author.empty() ? "supervisor" : author, text);
        share_supervision();
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    reload_notes();
    return true;
}

bool Review::override_score(int event, double score, const std::string& author, const std::string& reason,
                            std::string& error) {
    if (reason.find_first_not_of(" \t\r\n") == std::string::npos) {
        error = "An override needs a reason: say why this moment deserves another score.";
        return false;
    }
    try {
        store_.override_score(row_.id, event, score, author.empty() ? "supervisor" : author, reason);
        share_supervision();
    } catch (const std::exception& e) {
        error = e.what();
        return false;
    }
    reload_notes();
    return true;
}

}  // namespace holdspace::app
