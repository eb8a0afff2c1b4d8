#pragma once
// Supervisor review of one recorded session, for every front end that reviews.
#include "records/store.hpp"
#include "scoring/scorer.hpp"
#include "sim/session.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace holdspace::app {

// A recorded session opened for review. It is replayed from its stored actions into a fresh
// Session - deterministic, as `holdspace resume` replays - so that its timeline can be scrubbed
// and the participant's hidden state reconstructed exactly at every point. Point 0 is before the
// trainee's first action; point i is just after action i, up to the next choice.
class Review {
public:
    Review(records::Store& store, const records::SessionRow& row, const std::string& rubrics_root);
    Review(const Review&) = delete;
    Review& operator=(const Review&) = delete;

    bool ok() const { return whole_ != nullptr; }
    const std::string& error() const { return error_; }  // why it did not load
    const std::string& note() const { return note_; }    // the replay differs from the record, or stops early
    const records::SessionRow& row() const { return row_; }
    const std::vector<std::string>& actions() const { return actions_; }
    const Session& whole() const { return *whole_; }  // every stored action applied
    const std::vector<scoring::Rubric>& rubrics() const { return rubrics_; }
    const std::vector<scoring::Score>& scores() const { return scores_; }  // of the whole transcript, per rubric

    std::size_t points() const { return ends_.size(); }
    std::size_t point() const { return point_; }
    // Reconstructs the session at `point` (clamped): forward by applying the next actions, back by
    // replaying from the start.
    void seek(std::size_t point);
    const Session& at() const { return *at_; }
    std::size_t events_at(std::size_t point) const { return ends_.at(point); }  // transcript length there
    std::size_t point_of_event(int event) const;
    // The event a note or an override made at `point` attaches to: the trainee's response or action
    // taken there (what scored moments attach to), else the last event shown.
    int anchor(std::size_t point) const;

    const std::vector<records::Annotation>& annotations() const { return annotations_; }
    const std::vector<records::ScoreOverride>& overrides() const { return overrides_; }
    // The latest override of the moment at `event`, if any: it is the one that counts.
    const records::ScoreOverride* latest_override(int event) const;
    bool annotate(int event, const std::string& author, const std::string& text, std::string& error);
    bool override_score(int event, double score, const std::string& author, const std::string& reason,
                        std::string& error);

private:
    void reload_notes();
    void share_supervision();  // a pulled session's notes go back to its LRS (app/pull.hpp)

    records::Store& store_;
    records::SessionRow row_;
    std::string source_, error_, note_;
    std::vector<std::string> actions_;
    std::unique_ptr<Session> whole_, at_;
    std::vector<std::size_t> ends_;
    std::size_t point_ = 0, at_point_ = 0;
    std::vector<scoring::Rubric> rubrics_;
    std::vector<scoring::Score> scores_;
    std::vector<records::Annotation> annotations_;
    std::vector<records::ScoreOverride> overrides_;
};

}  // namespace holdspace::app
