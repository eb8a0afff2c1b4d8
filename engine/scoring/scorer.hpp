#pragma once
// Scores a transcript under a rubric and builds the debrief. A pure function of
// (rubric, transcript): a recorded session re-scores to the same result, and a live session's
// events score as their transcript does.
// The method is documented in docs/rubrics.md and docs/scoring.md.
#include "scoring/rubric.hpp"
#include "sim/event.hpp"

#include <optional>
#include <string>
#include <vector>

namespace holdspace::scoring {

struct CriticalError {
    double t = 0;  // minutes
    std::string message;
};

// One scored moment (a choice) or a scored action, for the debrief.
struct MomentResult {
    double t = 0;
    int event = 0;          // the response's (or action's) index in the transcript: what notes and overrides attach to
    std::string kind;       // "moment" or "action"
    std::string moment;     // the scenario's name for it
    std::string situation;  // what the participant said or showed just before
    std::string response_id, response_text;
    std::vector<std::string> codes;
    std::string judgement;  // expert, good, acceptable, poor, harmful (actions: helpful, harmful); docs/scoring.md
    double fraction = 0;    // 0-1: how much of what was possible here the response achieved
    std::vector<std::string> principles;  // the rubric's and the scenario's reasons
    std::string expert_text, expert_rationale;
    bool chose_expert = false;
    std::vector<std::string> actions;  // moments: the non-verbal actions taken while the choice was open
    bool typed = false;     // the trainee typed the response (response_text is what they typed)
    std::string heard;      // typed: the primary code it was heard as
};

struct Miti {
    int questions = 0, reflections = 0, complex_reflections = 0;
    std::optional<double> reflection_to_question;  // none without questions
    std::optional<double> percent_complex;         // none without reflections
    std::string rq_level, complex_level;           // below fair / fair / good / n/a
};

struct FisRating {
    std::string item;                // warmth, empathy, alliance_bond, rupture_repair
    std::optional<double> rating;    // 1-5; none when it does not apply
    std::string rule;                // how it was derived
};

struct Score {
    std::string rubric_id, rubric_title;
    double overall = 0;  // 0-100
    bool pass = false;
    double pass_mark = 0;
    std::vector<std::pair<std::string, std::optional<double>>> domains;  // in rubric order; none = not exercised
    std::vector<CriticalError> critical;
    Miti miti;
    std::vector<FisRating> fis;
    std::vector<MomentResult> moments;
    std::vector<std::string> strengths, growth;
};

// `events` is the transcript as JSON (an array of events with type and t).
Score score_transcript(const Rubric& rubric, const Json& events);

// What a score is built for. The debrief: all of it. The totals: what autoplay and check read of it,
// for less than the debrief's text costs - rubric, pass mark, overall, pass, domains, critical errors,
// MITI, FIS ratings (without their rules), and each moment's t, event, kind, moment, response_id,
// judgement, fraction, chose_expert and typed; every one of those as the debrief's to the last bit,
// and the rest (the moments' situation, text, codes, principles, expert, actions and heard; strengths
// and growth) left empty.
enum class Detail { debrief, totals };

// The same score for a session's events as they are, without building their transcript first:
// score_events(r, events) is score_transcript(r, transcript_json(events)) to the last bit.
Score score_events(const Rubric& rubric, const std::vector<Event>& events, Detail detail = Detail::debrief);

// {"overall", "pass", "domains", "critical", "miti", "fis", "moments", ...}
Json score_json(const Score& score);

}  // namespace holdspace::scoring
