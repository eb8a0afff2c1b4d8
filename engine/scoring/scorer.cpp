#include "scoring/scorer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace holdspace::scoring {
namespace {

// What was true at a moment of the session, as the transcript shows it.
struct Context {
    std::string phase;
    double minutes = 0;
    std::map<std::string, double> state{{"distress", 20}, {"arousal", 50}, {"trust", 60}, {"inward_focus", 30},
                                        {"dissociation", 0}};
    std::string window = "within";
    bool alert = false;
    bool dosed = false;
    double last_reading = -1;  // minutes; -1 before the first reading
    std::set<std::string> earlier_codes;
    std::string moment;
    std::vector<std::string> flags;  // of the open choice

    // A safety check is indicated by an alert in force, a reported bodily symptom (a choice
    // flagged physical_complaint, or the older moment name "vitals"), or a reading due: dosed,
    // and none for monitor_minutes.
    bool indicated() const {
        static constexpr double monitor_minutes = 30;
        return alert || has_flag("physical_complaint") || moment == "vitals" ||
               (dosed && (last_reading < 0 || minutes - last_reading > monitor_minutes));
    }
    bool has_flag(const std::string& f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
};

bool compare(double a, const std::string& op, double b) {
    if (op == "<") return a < b;
    if (op == "<=") return a <= b;
    if (op == ">") return a > b;
    if (op == ">=") return a >= b;
    if (op == "~=") return a != b;
    return a == b;
}

// `codes`: the answer being valued (for `with`).
bool holds(const Condition& c, const Context& ctx, const std::vector<std::string>& codes) {
    if (c.key == "with") return std::find(codes.begin(), codes.end(), c.word) != codes.end();
    if (c.key == "phase") return ctx.phase == c.word;
    if (c.key == "window") return ctx.window == c.word;
    if (c.key == "moment") return ctx.moment == c.word;
    if (c.key == "flag") return ctx.has_flag(c.word);
    if (c.key == "indicated") return ctx.indicated() == c.flag;
    if (c.key == "after") return ctx.earlier_codes.count(c.word) > 0;
    if (c.key == "alert") return ctx.alert == c.flag;
    if (c.key == "minutes") return compare(ctx.minutes, c.op, c.number);
    const auto it = ctx.state.find(c.key);
    return it != ctx.state.end() && compare(it->second, c.op, c.number);
}

// The class of `code` in this context, and the rubric's reason for it.
CodeClass class_in(const Rubric& rubric, const std::string& code, const std::vector<std::string>& codes,
                   const Context& ctx, std::string* why) {
    for (const auto& rule : rubric.rules) {
        if (rule.code != code) continue;
        if (std::all_of(rule.when.begin(), rule.when.end(), [&](const Condition& c) { return holds(c, ctx, codes); })) {
            if (why) *why = rule.why;
            return rule.cls;
        }
    }
    const auto it = rubric.codes.find(code);
    if (it == rubric.codes.end()) return CodeClass::compatible;
    if (why) *why = it->second.why;
    return it->second.cls;
}

using Values = std::map<std::string, double>;  // domain -> points

// `proscribed` (when given) is set when any code is proscribed in this context.
Values value_of(const Rubric& rubric, const std::vector<std::string>& codes, const Context& ctx,
                std::vector<std::string>* reasons = nullptr, bool* proscribed = nullptr) {
    Values v;
    for (const auto& code : codes) {
        const auto it = rubric.codes.find(code);
        if (it == rubric.codes.end()) continue;
        std::string why;
        const CodeClass cls = class_in(rubric, code, codes, ctx, &why);
        for (const auto& d : it->second.domains) v[d] += points(cls);
        if (reasons && cls != CodeClass::compatible && !why.empty()) reasons->push_back(why);
        if (proscribed && cls == CodeClass::proscribed) *proscribed = true;
    }
    return v;
}

// (One find per field: contains() and then [] searched an event's fields twice.)
std::vector<std::string> strings(const Json& j, const char* key) {
    std::vector<std::string> out;
    const auto it = j.find(key);
    if (it != j.end() && it->is_array()) {
        out.reserve(it->size());
        for (const auto& s : *it)
            if (s.is_string()) out.push_back(s.get_ref<const std::string&>());
    }
    return out;
}

std::string text(const Json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get_ref<const std::string&>() : std::string();
}

double minutes_of(const Json& e) {
    const auto it = e.find("t");
    return it != e.end() && it->is_number() ? it->get<double>() : 0;
}

bool has_any(const std::vector<std::string>& codes, const std::vector<std::string>& wanted) {
    return std::any_of(codes.begin(), codes.end(),
                       [&](const std::string& c) { return std::find(wanted.begin(), wanted.end(), c) != wanted.end(); });
}

struct Tally {
    double earned = 0, best = 0, worst = 0;
};

struct Response {
    double t;
    std::vector<std::string> codes;
    int event;  // index in the transcript: the moment it answered, if any, has the same
    // Codes of a typed response the coder heard with less than critical_certainty (and the trainee
    // did not confirm): they are judged in the moment, but never fail a session on their own.
    std::vector<std::string> uncertain = {};
};

// How sure the coder must be of a code in the trainee's own words before that code alone is a
// critical error: a failed session on a misheard sentence would teach the wrong lesson.
constexpr double critical_certainty = 0.8;

// The codes of an unmatched typed response heard below critical_certainty; none when the trainee
// named the code themselves ("say as CODE").
std::vector<std::string> uncertain_codes(const Json& typed, const std::vector<std::string>& codes) {
    std::vector<std::string> uncertain;
    if (typed.value("corrected", false)) return uncertain;
    const Json empty = Json::array();
    const Json& heard = typed.contains("heard") && typed["heard"].is_array() ? typed["heard"] : empty;
    for (const auto& code : codes) {
        double p = 0;
        for (const auto& h : heard)
            if (h.is_object() && h.value("code", "") == code && h.contains("p") && h["p"].is_number())
                p = h["p"].get<double>();
        if (p < critical_certainty) uncertain.push_back(code);
    }
    return uncertain;
}

double round1(double x) { return std::round(x * 10) / 10; }

std::string level(std::optional<double> value, double fair, double good) {
    if (!value) return "n/a";
    if (*value >= good) return "good";
    if (*value >= fair) return "fair";
    return "below fair";
}

std::optional<double> rating(double share) { return round1(std::clamp(1 + 4 * share, 1.0, 5.0)); }

// One transcript scored under one rubric, step by step (score_transcript below).
class TranscriptScoring {
public:
    explicit TranscriptScoring(const Rubric& scored_under) : rubric(scored_under) {
        score.rubric_id = rubric.id;
        score.rubric_title = rubric.title;
        score.pass_mark = rubric.pass;
    }

    const Rubric& rubric;
    Score score;

    // Walks the transcript, keeping the context of each moment, and judges every scored moment
    // and non-verbal action as it comes.
    void read(const Json& events) {
        for (std::size_t index = 0; index < events.size(); ++index) {
            const Json& e = events[index];
            const std::string type = text(e, "type");
            ctx.minutes = minutes_of(e);
            if (type == "start") {
                ctx.phase = text(e, "phase");
            } else if (type == "state") {
                for (auto& [key, value] : ctx.state)
                    if (e.contains(key) && e[key].is_number()) value = e[key].get<double>();
                if (e.contains("window")) ctx.window = text(e, "window");
                if (text(e, "cause") == "response" && !trust.empty()) trust.back().second = ctx.state["trust"];
            } else if (type == "dose") {
                ctx.dosed = true;
            } else if (type == "vitals") {
                ctx.alert = e.contains("alerts") && !e["alerts"].empty();
                ctx.last_reading = ctx.minutes;
                readings.emplace_back(ctx.minutes, strings(e, "alerts"));
            } else if (type == "alert") {
                alerts_raised.emplace_back(ctx.minutes, text(e, "alert"));
            } else if (type == "say") {
                // What the participant said last; a moment's context is the line before its
                // choice opened, not a reaction to what the trainee did while it was open.
                heard = text(e, "speaker") + ": \"" + text(e, "text") + "\"";
                if (!open_choice) situation = heard;
            } else if (type == "narrate") {
                if (heard.empty()) heard = text(e, "text");
                if (!open_choice && situation.empty()) situation = heard;
            } else if (type == "choice") {
                situation = heard;
                open_choice = &e;
                actions_taken.clear();
                choice_times.push_back(ctx.minutes);
                actions_at_choice.clear();
                codes_at_choice.clear();
                ctx.moment = text(e, "moment");
                ctx.flags = strings(e, "flags");
                if (!ctx.flags.empty()) flagged.emplace_back(ctx.minutes, ctx.flags);
            } else if (type == "action") {
                if (text(e, "action") != "end") {
                    actions_taken.push_back(text(e, "action"));
                    if (spoken_or_silent(e)) warmth_counted.insert(static_cast<int>(index));
                }
                judge_action(e, static_cast<int>(index));
            } else if (type == "response") {
                if (spoken_or_silent(e)) warmth_counted.insert(static_cast<int>(index));
                judge_moment(e, static_cast<int>(index));
                // The non-verbal actions taken while this choice was open belong to its moment.
                if (!score.moments.empty() && score.moments.back().event == static_cast<int>(index))
                    score.moments.back().actions = actions_taken;
                actions_taken.clear();
                heard.clear();
            } else if (type == "end") {
                end_t = ctx.minutes;
            }
        }
        end_t = std::max(end_t, ctx.minutes);
    }

    // Words, or holding space: what warmth is rated on (not vitals checks, water or calls).
    static bool spoken_or_silent(const Json& e) {
        const auto codes = strings(e, "codes");
        return !text(e, "text").empty() || text(e, "action") == "hold_space" ||
               std::find(codes.begin(), codes.end(), "holding_space") != codes.end();
    }

    // A non-verbal action: helpful or harmful by its codes in this context.
    void judge_action(const Json& e, int index) {
        const std::string action = text(e, "action");
        if (action == "end") {
            ended_by_trainee = true;
            return;
        }
        const auto codes = strings(e, "codes");
        codes_at_choice.insert(codes_at_choice.end(), codes.begin(), codes.end());
        responses.push_back({ctx.minutes, codes, index});
        trust.emplace_back(ctx.state["trust"], ctx.state["trust"]);
        // Doing the same thing again at one choice earns (or costs) nothing more.
        if (!actions_at_choice.insert(action).second) return;
        std::vector<std::string> reasons;
        const Values v = value_of(rubric, codes, ctx, &reasons);
        // A good action raises earned and possible alike; a poor one lowers the floor.
        Values zero;
        for (const auto& [d, unused] : v) zero[d] = 0;
        const double f = add(v, {zero});
        double total = 0;
        for (const auto& [d, value] : v) total += value;
        if (total != 0) {
            MomentResult m;
            m.t = ctx.minutes;
            m.kind = "action";
            m.event = index;
            m.moment = ctx.moment;
            m.situation = situation;
            m.response_id = action;
            m.codes = codes;
            m.judgement = total > 0 ? "helpful" : "harmful";
            m.fraction = f;
            m.principles = reasons;
            score.moments.push_back(std::move(m));
        }
        for (const auto& c : codes) ctx.earlier_codes.insert(c);
    }

    // An answer to a choice: valued against every option on offer (and holding space), then
    // checked against what the moment needed.
    void judge_moment(const Json& e, int index) {
        const std::string chosen_id = text(e, "option");
        const auto codes = strings(e, "codes");
        const Json* typed = e.contains("typed") && e["typed"].is_object() ? &e["typed"] : nullptr;
        const bool typed_unmatched = typed && !typed->value("clear", false);
        responses.push_back({ctx.minutes, codes, index, typed_unmatched ? uncertain_codes(*typed, codes) : std::vector<std::string>{}});
        trust.emplace_back(ctx.state["trust"], ctx.state["trust"]);
        if (!open_choice) {  // not from a session; counts, but is no moment
            for (const auto& c : codes) ctx.earlier_codes.insert(c);
            return;
        }
        const Json& options = (*open_choice)["options"];

        std::vector<Values> alternatives;
        bool silence_offered = false;
        const Json* expert = nullptr;
        const Json* chosen = nullptr;
        for (const auto& o : options) {
            alternatives.push_back(value_of(rubric, strings(o, "codes"), ctx));
            if (text(o, "action") == "hold_space") silence_offered = true;
            if (o.value("expert", false)) expert = &o;
            if (text(o, "id") == chosen_id) chosen = &o;
        }
        // Holding space is always possible, so it is always an alternative.
        if (!silence_offered) alternatives.push_back(value_of(rubric, {"holding_space"}, ctx));

        MomentResult m;
        m.t = ctx.minutes;
        m.kind = "moment";
        m.event = index;
        m.moment = text(*open_choice, "moment");
        m.situation = situation;
        m.response_id = chosen_id;
        m.response_text = text(e, "text");
        if (m.response_text.empty()) m.response_text = "(" + text(e, "action") + ")";
        m.codes = codes;
        // A typed response (docs/scoring.md, "Typed responses"): played as an option when it matched
        // one clearly, and then judged as that option; otherwise judged by the codes it was heard as,
        // never as the expert's answer, and for half its worth when it speaks to nothing the
        // participant said (a stock phrase fits every moment, so it cannot earn like an answer to this one).
        const bool typed_generic = typed_unmatched && !typed->value("relevant", false);
        if (typed) {
            m.typed = true;
            m.heard = text(*typed, "primary");
            if (typed_unmatched) chosen = nullptr;
        }
        bool proscribed = false;
        Values v = value_of(rubric, codes, ctx, &m.principles, &proscribed);
        if (typed_generic) {
            for (auto& [d, value] : v)
                if (value > 0) value /= 2;
            m.principles.push_back("Typed in words that could answer any moment: it takes up nothing the participant said.");
        }
        if (chosen && !text(*chosen, "rationale").empty()) m.principles.push_back(text(*chosen, "rationale"));
        m.fraction = add(v, alternatives);
        m.chose_expert = chosen && chosen->value("expert", false);
        // What the moment needed of any answer (docs/rubrics.md, "Needs").
        bool need_missed = false;
        for (const auto& need : rubric.needs) {
            if (!std::all_of(need.when.begin(), need.when.end(), [&](const Condition& c) { return holds(c, ctx, codes); }))
                continue;
            const bool met = has_any(codes, need.expect) || has_any(codes_at_choice, need.expect);
            auto& t = tally[need.domain];
            t.best += need.weight;
            if (met) {
                t.earned += need.weight;
            } else {
                need_missed = true;
                m.principles.push_back(need.why);
            }
        }
        if (expert) {
            m.expert_text = text(*expert, "text");
            if (m.expert_text.empty()) m.expert_text = "(" + text(*expert, "action") + ")";
            m.expert_rationale = text(*expert, "rationale");
        }
        // A response carrying a code the rubric proscribes here, or missing what the moment
        // needs, is at best poor whatever else it does (even when the scenario calls it expert:
        // check --validity reports that); one that made or let happen a critical error is
        // judged harmful below.
        m.judgement = proscribed || need_missed                ? "poor"
                      : m.chose_expert                         ? "expert"
                      : m.fraction >= 0.75 && !typed_generic   ? "good"
                      : m.fraction >= 0.4                      ? "acceptable"
                                                               : "poor";
        score.moments.push_back(std::move(m));
        for (const auto& c : codes) ctx.earlier_codes.insert(c);
        open_choice = nullptr;
        situation.clear();
    }

    // The rubric's timing rules: what should have happened within so many minutes of a start.
    void apply_timing_rules() {
        for (const auto& rule : rubric.timing) {
            if (!rule.phase.empty() && rule.phase != ctx.phase) continue;
            std::vector<double> starts;
            if (rule.after.empty())
                starts.push_back(0);
            else if (rule.after == "alert") {
                for (const auto& [t, name] : alerts_raised)
                    if (counts(rule.alerts, name))
                        if (auto from = chance_after(t); from && !cleared(t, name, *from)) starts.push_back(*from);
            }
            else
                for (const auto& r : responses)
                    if (std::find(r.codes.begin(), r.codes.end(), rule.after) != r.codes.end()) starts.push_back(r.t);
            for (double from : starts) {
                const double to = rule.within ? from + *rule.within : end_t;
                auto& t = tally[rule.domain];
                t.best += rule.weight;
                if (answered(from, to, rule.expect)) t.earned += rule.weight;
            }
        }
    }

    // Critical errors. The responses that made one (carried its code) or let it happen (answered
    // a choice within its window without what it expects) are judged harmful, so no debrief,
    // drill, report or timeline shows them as good practice.
    void find_critical_errors() {
        std::set<int> harmful;  // response event indices
        auto let_happen = [&](double from, double to, const std::vector<std::string>& expect) {
            for (const auto& r : responses)
                if (r.t >= from && r.t <= to && !has_any(r.codes, expect)) harmful.insert(r.event);
        };
        for (const auto& rule : rubric.critical) {
            switch (rule.kind) {
            case CriticalRule::Kind::code: {
                bool found = false;
                for (const auto& r : responses)
                    if (std::find(r.codes.begin(), r.codes.end(), rule.code) != r.codes.end() &&
                        std::find(r.uncertain.begin(), r.uncertain.end(), rule.code) == r.uncertain.end()) {
                        if (!found) score.critical.push_back({r.t, rule.message});
                        found = true;
                        harmful.insert(r.event);
                    }
                break;
            }
            case CriticalRule::Kind::ended_early:
                if (ended_by_trainee && (rule.phase.empty() || rule.phase == ctx.phase))
                    score.critical.push_back({end_t, rule.message});
                break;
            case CriticalRule::Kind::alert_ignored:
                for (const auto& [t, name] : alerts_raised) {
                    if (!counts(rule.alerts, name)) continue;
                    const auto from = chance_after(t);
                    if (!from || cleared(t, name, *from)) continue;
                    const bool lasted = end_t >= *from + rule.minutes || ended_by_trainee;
                    const std::vector<std::string> answers = {"checking_vitals", "escalation_medical"};
                    if (lasted && !answered(*from, *from + rule.minutes, answers)) {
                        score.critical.push_back({t, rule.message});
                        let_happen(*from, *from + rule.minutes, answers);
                        break;
                    }
                }
                break;
            case CriticalRule::Kind::flag:
                for (const auto& [from, flags] : flagged) {
                    if (std::find(flags.begin(), flags.end(), rule.flag) == flags.end()) continue;
                    if (!answered(from, from + rule.minutes, rule.expect)) {
                        score.critical.push_back({from, rule.message});
                        let_happen(from, from + rule.minutes, rule.expect);
                        break;
                    }
                }
                break;
            }
        }
        std::sort(score.critical.begin(), score.critical.end(),
                  [](const CriticalError& a, const CriticalError& b) { return a.t < b.t; });
        for (auto& m : score.moments)
            if (harmful.count(m.event)) m.judgement = "harmful";
    }

    // Domains and overall, and the pass.
    void total_domains() {
        double weighted = 0, weights = 0;
        for (const auto& d : rubric.domains) {
            const auto it = tally.find(d.id);
            std::optional<double> s;
            if (it != tally.end() && it->second.best > it->second.worst) {
                const auto& t = it->second;
                s = round1(100 * std::clamp((t.earned - t.worst) / (t.best - t.worst), 0.0, 1.0));
                weighted += d.weight * *s;
                weights += d.weight;
            }
            score.domains.emplace_back(d.id, s);
            if (s && *s >= 80) score.strengths.push_back(d.title + " (" + std::to_string(static_cast<int>(*s)) + ")");
            if (s && *s < 60) score.growth.push_back(d.title + " (" + std::to_string(static_cast<int>(*s)) + ")");
        }
        score.overall = weights > 0 ? round1(weighted / weights) : 0;
        score.pass = score.critical.empty() && score.overall >= rubric.pass;
    }

    // MITI-style counts (MITI 4.2.1; DOMAIN.md): thresholds fair/good 1:1 and 2:1, 40% and 50%.
    void count_miti() {
        Miti& miti = score.miti;
        for (const auto& r : responses)
            for (const auto& c : r.codes) {
                if (c == "open_question" || c == "closed_question") ++miti.questions;
                if (c == "simple_reflection" || c == "complex_reflection") ++miti.reflections;
                if (c == "complex_reflection") ++miti.complex_reflections;
            }
        if (miti.questions > 0) miti.reflection_to_question = round1(double(miti.reflections) / miti.questions);
        if (miti.reflections > 0) miti.percent_complex = round1(100.0 * miti.complex_reflections / miti.reflections);
        miti.rq_level = level(miti.reflection_to_question, 1.0, 2.0);
        if (miti.questions == 0 && miti.reflections > 0) miti.rq_level = "good";
        miti.complex_level = level(miti.percent_complex, 40, 50);
    }

    // FIS-style ratings (Anderson's Facilitative Interpersonal Skills items), by stated rules.
    void rate_fis() {
        const auto n = static_cast<double>(std::max<std::size_t>(1, responses.size()));
        // Warmth is rated on what the trainee said and on holding space: a vitals check or a
        // glass of water is neither warm nor cold, and must not dilute it.
        auto warmth_share = [&](const std::vector<std::string>& codes) {
            double k = 0, m = 0;
            for (const auto& r : responses) {
                if (!warmth_counted.count(r.event)) continue;
                ++m;
                k += has_any(r.codes, codes) ? 1 : 0;
            }
            return m > 0 ? k / m : 0.0;
        };
        const double warm = warmth_share({"validation", "affirmation", "empathic_presence", "offering_comfort", "holding_space",
                                   "touch_within_consent", "complex_reflection"});
        const double cold = warmth_share({"dismissing", "confronting", "leaving_participant", "touch_without_consent", "persuading"});
        score.fis.push_back({"warmth", warmth_counted.empty() ? std::optional<double>{} : rating(warm - 2 * cold),
                             "1 + 4 x (share of the trainee's spoken responses and holding space that are warm - "
                             "2 x share that are cold); none without any"});
        double empathic = 0;
        for (const auto& r : responses) {
            double k = 0;
            for (const auto& c : r.codes) {
                if (c == "complex_reflection" || c == "validation" || c == "empathic_presence") k = std::max(k, 1.0);
                if (c == "simple_reflection" || c == "holding_space") k = std::max(k, 0.5);
            }
            empathic += k;
        }
        score.fis.push_back({"empathy", rating(empathic / n),
                             "1 + 4 x mean empathic depth of responses (complex reflection, validation, empathic presence 1; "
                             "simple reflection, holding space 0.5)"});
        score.fis.push_back({"alliance_bond", rating(ctx.state["trust"] / 100), "1 + 4 x the participant's trust at the end / 100"});
        // A rupture is repaired only if the participant's trust ends the session above where it
        // was before the rupture: one warmer answer after it, with trust still lower at the end
        // ("that wasn't okay"), is no repair.
        int ruptures = 0, repaired = 0;
        const double trust_at_end = ctx.state["trust"];
        for (const auto& [before, after] : trust) {
            if (after > before - 8) continue;
            ++ruptures;  // trust fell 8 or more with this response
            if (trust_at_end > before) ++repaired;
        }
        score.fis.push_back({"rupture_repair",
                             ruptures ? rating(double(repaired) / ruptures) : std::optional<double>{},
                             "1 + 4 x share of ruptures (trust falling 8 or more with a response) after which trust "
                             "ended the session above where it was before the rupture; none without ruptures"});
    }

    // Strengths and growth areas from the moments.
    void summarise() {
        std::size_t experts = 0;
        for (const auto& m : score.moments) {
            if (m.judgement == "expert") ++experts;
            if (m.kind == "moment" && m.judgement == "poor")
                score.growth.push_back((m.moment.empty() ? std::string("a moment") : m.moment) + ": " + m.expert_text);
        }
        if (experts > 0) score.strengths.push_back(std::to_string(experts) + " responses an expert would have chosen");
    }

private:
    // Adds an answer's value to the domains it touches, measured against the alternatives;
    // returns the share of the possible it earned (0-1).
    double add(const Values& chosen, const std::vector<Values>& alternatives) {
        std::set<std::string> touched;
        for (const auto& [d, unused] : chosen) touched.insert(d);
        for (const auto& alt : alternatives)
            for (const auto& [d, unused] : alt) touched.insert(d);
        double earned = 0, range = 0;
        for (const auto& d : touched) {
            auto get = [&](const Values& v) { const auto it = v.find(d); return it == v.end() ? 0.0 : it->second; };
            double best = get(chosen), worst = get(chosen);
            for (const auto& alt : alternatives) {
                best = std::max(best, get(alt));
                worst = std::min(worst, get(alt));
            }
            if (best == worst) continue;
            // The floor an answer is measured from is nothing earned: a catastrophic option on offer
            // must not lift every other answer up the range, and a harmful answer goes below the
            // floor and takes from the domain. Where nothing positive was on offer, avoiding harm
            // earns nothing either (the domain is not touched); doing harm drags it down.
            if (best <= 0 && get(chosen) == best) continue;
            const double floor = best > 0 ? 0.0 : get(chosen);
            auto& t = tally[d];
            t.earned += get(chosen);
            t.best += best;
            t.worst += floor;
            const Domain* dom = rubric.domain(d);
            const double w = dom ? dom->weight : 0;
            earned += w * (get(chosen) - floor);
            range += w * (best - floor);
        }
        return range > 0 ? std::clamp(earned / range, 0.0, 1.0) : 1.0;
    }

    bool answered(double from, double to, const std::vector<std::string>& codes) const {
        return std::any_of(responses.begin(), responses.end(), [&](const Response& r) {
            return r.t >= from && r.t <= to && has_any(r.codes, codes);
        });
    }

    // The trainee can answer an alert only when the session next waits for them:
    // the clock starts at the first choice open at or after the alert.
    std::optional<double> chance_after(double t) const {
        for (double c : choice_times)
            if (c >= t) return c;
        return std::nullopt;
    }
    static bool counts(const std::vector<std::string>& wanted, const std::string& alert) {
        return wanted.empty() || std::find(wanted.begin(), wanted.end(), alert) != wanted.end();
    }

    // An alert the next reading has already cleared before the trainee could answer it is over.
    bool cleared(double raised, const std::string& name, double chance) const {
        return std::any_of(readings.begin(), readings.end(), [&](const auto& reading) {
            return reading.first > raised && reading.first <= chance &&
                   std::find(reading.second.begin(), reading.second.end(), name) == reading.second.end();
        });
    }

    std::map<std::string, Tally> tally;
    std::vector<Response> responses;
    std::vector<std::pair<double, std::string>> alerts_raised;  // time, alert name
    std::vector<std::pair<double, std::vector<std::string>>> readings;  // time, alerts
    std::vector<double> choice_times;
    std::set<std::string> actions_at_choice;  // unclaimed actions already scored at the open choice
    std::vector<std::string> codes_at_choice; // their codes: they can meet the moment's needs
    std::vector<std::pair<double, std::vector<std::string>>> flagged;
    std::vector<std::pair<double, double>> trust;  // (before, after) each response, for rupture and repair
    bool ended_by_trainee = false;
    double end_t = 0;
    Context ctx;
    const Json* open_choice = nullptr;
    std::string situation;  // the participant's line the open choice answers
    std::string heard;      // the participant's last line (or first narration) since the last answer
    std::vector<std::string> actions_taken;  // non-verbal actions while the current choice is open
    std::set<int> warmth_counted;            // events that are spoken responses or holding space
};

}  // namespace

Score score_transcript(const Rubric& rubric, const Json& events) {
    TranscriptScoring scoring(rubric);
    scoring.read(events);
    scoring.apply_timing_rules();
    scoring.find_critical_errors();
    scoring.total_domains();
    scoring.count_miti();
    scoring.rate_fis();
    scoring.summarise();
    return std::move(scoring.score);
}

Json score_json(const Score& s) {
    Json domains = Json::object();
    for (const auto& [id, value] : s.domains) domains[id] = value ? Json(*value) : Json(nullptr);
    Json critical = Json::array();
    for (const auto& c : s.critical) critical.push_back({{"t", c.t}, {"message", c.message}});
    auto opt = [](const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); };
    Json fis = Json::object();
    for (const auto& f : s.fis) fis[f.item] = {{"rating", opt(f.rating)}, {"rule", f.rule}};
    Json moments = Json::array();
    for (const auto& m : s.moments) {
        Json j = {{"t", m.t},           {"event", m.event},          {"kind", m.kind},           {"moment", m.moment},
                  {"situation", m.situation}, {"response", m.response_id}, {"response_text", m.response_text},
                  {"codes", m.codes},   {"judgement", m.judgement}, {"fraction", round1(m.fraction * 100) / 100},
                  {"principles", m.principles}};
        if (!m.expert_text.empty()) j["expert"] = {{"text", m.expert_text}, {"rationale", m.expert_rationale}};
        if (!m.actions.empty()) j["actions"] = m.actions;
        if (m.typed) j["heard_as"] = m.heard;  // typed responses only: the record of recognised options is unchanged
        moments.push_back(std::move(j));
    }
    return {{"rubric", s.rubric_id},
            {"overall", s.overall},
            {"pass", s.pass},
            {"pass_mark", s.pass_mark},
            {"domains", domains},
            {"critical", critical},
            {"miti",
             {{"questions", s.miti.questions},
              {"reflections", s.miti.reflections},
              {"complex_reflections", s.miti.complex_reflections},
              {"reflection_to_question", opt(s.miti.reflection_to_question)},
              {"reflection_to_question_level", s.miti.rq_level},
              {"percent_complex", opt(s.miti.percent_complex)},
              {"percent_complex_level", s.miti.complex_level}}},
            {"fis", fis},
            {"strengths", s.strengths},
            {"growth", s.growth},
            {"moments", moments}};
}

}  // namespace holdspace::scoring
