#include "scoring/scorer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>
#include <string_view>
#include <type_traits>

namespace holdspace::scoring {
namespace {

// The scorer reads the events in place: every string it keeps while scoring is a view into the
// transcript (which outlives the scoring), copied only into the Score it returns.
using Names = std::vector<std::string_view>;  // alerts, flags, actions

// A behaviour code, by its place in TranscriptScoring::codes_met: each distinct code is looked up
// once per scoring, so that comparing two codes is comparing two numbers.
using Code = std::size_t;
using Codes = std::vector<Code>;

// What was true at a moment of the session, as the transcript shows it.
struct Context {
    std::string_view phase;
    double minutes = 0;
    std::array<std::pair<std::string_view, double>, 5> state{
        {{"distress", 20}, {"arousal", 50}, {"trust", 60}, {"inward_focus", 30}, {"dissociation", 0}}};
    std::string_view window = "within";
    bool alert = false;
    bool dosed = false;
    double last_reading = -1;  // minutes; -1 before the first reading
    std::string_view moment;
    Names flags;  // of the open choice

    // A safety check is indicated by an alert in force, a reported bodily symptom (a choice
    // flagged physical_complaint, or the older moment name "vitals"), or a reading due: dosed,
    // and none for monitor_minutes.
    bool indicated() const {
        static constexpr double monitor_minutes = 30;
        return alert || has_flag("physical_complaint") || moment == "vitals" ||
               (dosed && (last_reading < 0 || minutes - last_reading > monitor_minutes));
    }
    bool has_flag(std::string_view f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
    double trust() const { return state[2].second; }  // "trust"
};

template <class List, class Item>
bool contains(const List& list, const Item& item) {
    return std::find(std::begin(list), std::end(list), item) != std::end(list);
}

// A condition's comparison, read once per scoring ("==" and anything unknown: equal).
enum class Op { eq, ne, lt, le, gt, ge };

Op op_named(std::string_view op) {
    return op == "<" ? Op::lt : op == "<=" ? Op::le : op == ">" ? Op::gt : op == ">=" ? Op::ge : op == "~=" ? Op::ne : Op::eq;
}

bool compare(double a, Op op, double b) {
    switch (op) {
    case Op::lt: return a < b;
    case Op::le: return a <= b;
    case Op::gt: return a > b;
    case Op::ge: return a >= b;
    case Op::ne: return a != b;
    case Op::eq: break;
    }
    return a == b;
}

// A condition of a context rule or need with its key resolved, once per scoring, so that testing it
// is a switch rather than a chain of string compares (TranscriptScoring::holds).
struct Test {
    enum class Key { with, phase, window, moment, flag, indicated, after, alert, minutes, state, none };
    Key key = Key::none;  // none: a key the context does not have, which never holds
    Op op = Op::eq;
    std::size_t index = 0;  // state: the slot in Context::state; with, after: the code
    const Condition* c = nullptr;
};

// A field of an object (the first of that name, as Json::find finds it), or none: for the few
// fields read once in a while (typed responses); events and options are read through Fields.
const Json* field(const Json& j, std::string_view key) {
    if (!j.is_object()) return nullptr;
    for (const auto& [name, value] : j.get_ref<const Json::object_t&>())
        if (name == key) return &value;
    return nullptr;
}

std::string_view as_text(const Json* value) {
    return value && value->is_string() ? std::string_view(value->get_ref<const std::string&>()) : std::string_view();
}

std::string_view text(const Json& j, std::string_view key) { return as_text(field(j, key)); }

// `s` is `literal`: its length known when compiled, so the compare is a few instructions, not a call.
template <std::size_t N>
bool is(std::string_view s, const char (&literal)[N]) {
    return s.size() == N - 1 && std::memcmp(s.data(), literal, N - 1) == 0;
}

// Equal words, compared in line eight bytes at a time: codes and context words are short, and a
// call to memcmp for each costs more than comparing them.
bool same(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    std::size_t i = 0;
    for (std::uint64_t x, y; i + sizeof x <= a.size(); i += sizeof x) {
        std::memcpy(&x, a.data() + i, sizeof x);
        std::memcpy(&y, b.data() + i, sizeof y);
        if (x != y) return false;
    }
    for (; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

// The fields the scorer reads from events and options. The state readings are in the order of
// Context::state.
enum Field : std::size_t {
    f_type, f_t, f_phase, f_distress, f_arousal, f_trust, f_inward_focus, f_dissociation, f_window, f_cause,
    f_alerts, f_alert, f_speaker, f_text, f_moment, f_flags, f_options, f_action, f_codes, f_option, f_typed,
    f_id, f_expert, f_rationale, field_count
};

// Which of them `name` is (field_count: none), by its length first, so that most names cost one compare.
Field field_named(std::string_view name) {
    switch (name.size()) {
    case 1: return is(name, "t") ? f_t : field_count;
    case 2: return is(name, "id") ? f_id : field_count;
    case 4: return is(name, "type") ? f_type : is(name, "text") ? f_text : field_count;
    case 5:
        switch (name[0]) {
        case 'p': return is(name, "phase") ? f_phase : field_count;
        case 't': return is(name, "trust") ? f_trust : is(name, "typed") ? f_typed : field_count;
        case 'c': return is(name, "cause") ? f_cause : is(name, "codes") ? f_codes : field_count;
        case 'a': return is(name, "alert") ? f_alert : field_count;
        case 'f': return is(name, "flags") ? f_flags : field_count;
        default: return field_count;
        }
    case 6:
        switch (name[0]) {
        case 'w': return is(name, "window") ? f_window : field_count;
        case 'a': return is(name, "alerts") ? f_alerts : is(name, "action") ? f_action : field_count;
        case 'm': return is(name, "moment") ? f_moment : field_count;
        case 'o': return is(name, "option") ? f_option : field_count;
        case 'e': return is(name, "expert") ? f_expert : field_count;
        default: return field_count;
        }
    case 7: return is(name, "arousal") ? f_arousal : is(name, "speaker") ? f_speaker : is(name, "options") ? f_options : field_count;
    case 8: return is(name, "distress") ? f_distress : field_count;
    case 9: return is(name, "rationale") ? f_rationale : field_count;
    case 12: return is(name, "inward_focus") ? f_inward_focus : is(name, "dissociation") ? f_dissociation : field_count;
    default: return field_count;
    }
}

// An object's fields that the scorer reads, found in one pass over it rather than one scan per
// field read: each is the first of its name, as Json::find finds it (none when the object is not one).
struct Fields {
    std::array<const Json*, field_count> at{};
    const Json* last_type = nullptr;  // the last "type" and "t", which an Event's data stands in with
    const Json* last_t = nullptr;

    Fields() = default;
    explicit Fields(const Json& j) {
        if (!j.is_object()) return;
        for (const auto& [name, value] : j.get_ref<const Json::object_t&>()) {
            const Field f = field_named(name);
            if (f == field_count) continue;
            if (!at[f]) at[f] = &value;
            if (f == f_type) last_type = &value;
            if (f == f_t) last_t = &value;
        }
    }
    const Json* operator[](Field f) const { return at[f]; }
    std::string_view text(Field f) const { return as_text(at[f]); }
};

// The strings of an array field, into `out` (whose buffer a caller may reuse).
void read_strings(const Json* list, Names& out) {
    out.clear();
    if (list && list->is_array())
        for (const auto& s : *list)
            if (s.is_string()) out.emplace_back(s.get_ref<const std::string&>());
}

Names strings(const Json* list) {
    Names out;
    read_strings(list, out);
    return out;
}

std::vector<std::string> copies(std::span<const std::string_view> views) { return {views.begin(), views.end()}; }

double as_minutes(const Json* t) { return t && t->is_number() ? t->get<double>() : 0; }

// As Json::value(key, false) reads a flag the object has (or has not).
bool as_flag(const Json* value) { return value ? value->get<bool>() : false; }

// The kinds of event the scorer reads (other: any other type, which only moves the clock).
enum class Kind { start, state, dose, vitals, alert, say, narrate, choice, action, response, end, other };

Kind kind_named(std::string_view type) {
    switch (type.size()) {
    case 3: return is(type, "say") ? Kind::say : is(type, "end") ? Kind::end : Kind::other;
    case 4: return is(type, "dose") ? Kind::dose : Kind::other;
    case 5: return is(type, "state") ? Kind::state : is(type, "start") ? Kind::start : is(type, "alert") ? Kind::alert : Kind::other;
    case 6:
        return is(type, "choice")   ? Kind::choice
               : is(type, "action") ? Kind::action
               : is(type, "vitals") ? Kind::vitals
                                    : Kind::other;
    case 7: return is(type, "narrate") ? Kind::narrate : Kind::other;
    case 8: return is(type, "response") ? Kind::response : Kind::other;
    default: return Kind::other;
    }
}

// An event as the scorer reads it: a transcript's entry, or a session's Event as that entry would
// read. `fields` may hold "type" and "t" too (a transcript's entry); the reader takes those from
// `kind` and `minutes` only.
struct EventView {
    Kind kind;
    double minutes = 0;
    const Fields* fields;             // found in `into` by entry_view (none for an unmade event)
    const Choice* offered = nullptr;  // a session's choice event: its options (Event::offered)
    const Event* recorded = nullptr;  // a session's event with its data not made (Event::unmade)
};

const Fields no_fields;

EventView entry_view(const Json& entry, Fields& into) {
    into = Fields(entry);
    return {kind_named(into.text(f_type)), as_minutes(into[f_t]), &into};
}

// As Event::to_json would write it, without writing it: the data's own "type" or "t", if it has
// one, stands in the entry in place of the event's (the last, as each replaces the one before);
// "t" is the event's time in minutes. An unmade event is read from what it holds.
EventView entry_view(const Event& e, Fields& into) {
    if (!e.made()) return {kind_named(e.type), e.minutes(), &no_fields, e.offered.get(), &e};
    into = Fields(e.data);
    return {kind_named(into.last_type ? as_text(into.last_type) : std::string_view(e.type)),
            into.last_t ? as_minutes(into.last_t) : e.minutes(), &into, e.offered.get()};
}

// An option on offer as a moment is judged against it, from a transcript's JSON or a session's Choice.
struct OptionRead {
    std::string_view id, text, action, rationale;
    bool expert = false;
};

// A line of the participant's (or the narration's) as the debrief quotes it, built only when quoted.
struct Line {
    std::string_view speaker, words;
    bool said = false;  // said by the participant, or narrated

    bool empty() const { return !said && words.empty(); }
    std::string quoted() const {
        if (!said) return std::string(words);
        std::string line;
        line.reserve(speaker.size() + words.size() + 4);
        return line.append(speaker).append(": \"").append(words).append("\"");
    }
};

struct Tally {
    double earned = 0, best = 0, worst = 0;
};

// Points per domain, by its slot (TranscriptScoring::slot).
using Values = std::vector<double>;

// The most and the least each domain could earn from the answers on offer.
struct Bounds {
    Values most, least;

    void reset(std::size_t domains) {
        most.assign(domains, -std::numeric_limits<double>::infinity());
        least.assign(domains, std::numeric_limits<double>::infinity());
    }
    // Not taking an action is its only alternative, and earns nothing.
    void reset_to_nothing(std::size_t domains) {
        most.assign(domains, 0.0);
        least.assign(domains, 0.0);
    }
    void include(const Values& v) {
        for (std::size_t d = 0; d < v.size(); ++d) {
            most[d] = std::max(most[d], v[d]);
            least[d] = std::min(least[d], v[d]);
        }
    }
};

// What the fixed measures make of a code: MITI counts, FIS ratings, the answers to an alert.
enum Role : unsigned {
    question = 1u << 0, reflection = 1u << 1, complex = 1u << 2,  // MITI
    warm = 1u << 3, cold = 1u << 4,                                // FIS warmth
    deep = 1u << 5, shallow = 1u << 6,                             // FIS empathy: 1, 0.5
    silence = 1u << 7,                                             // holding space
    answers_alert = 1u << 8,                                       // a check or a call
};

unsigned roles_of(std::string_view code) {
    static constexpr std::pair<std::string_view, unsigned> roles[] = {
        {"open_question", question},
        {"closed_question", question},
        {"simple_reflection", reflection | shallow},
        {"complex_reflection", reflection | complex | warm | deep},
        {"validation", warm | deep},
        {"empathic_presence", warm | deep},
        {"affirmation", warm},
        {"offering_comfort", warm},
        {"holding_space", warm | shallow | silence},
        {"touch_within_consent", warm},
        {"dismissing", cold},
        {"confronting", cold},
        {"leaving_participant", cold},
        {"touch_without_consent", cold},
        {"persuading", cold},
        {"checking_vitals", answers_alert},
        {"escalation_medical", answers_alert},
    };
    for (const auto& [name, r] : roles)
        if (name == code) return r;
    return 0;
}

// A code's first bytes and length in one word: codes nearly always differ there, so finding one
// among those met compares words, and whole strings only once it is found.
std::uint64_t head_of(std::string_view code) {
    std::uint64_t head = 0;
    if (code.size() >= sizeof head)
        std::memcpy(&head, code.data(), sizeof head);  // one load
    else
        for (std::size_t i = 0; i < code.size(); ++i) head = head << 8 | static_cast<unsigned char>(code[i]);
    return head ^ code.size();
}

// A code met in this scoring, and what the rubric says of it (found when first valued).
struct CodeEntry {
    std::string_view code;
    std::uint64_t head = 0;
    unsigned roles = 0;
    bool earlier = false;   // carried by an earlier answer (the `after` condition)
    bool resolved = false;  // the fields below are filled in
    const CodeRule* rule = nullptr;  // none: the rubric does not score it
    std::size_t first_context_rule = 0, context_rules = 0;  // in TranscriptScoring::context_rules
    std::size_t first_domain = 0, domains = 0;              // in TranscriptScoring::code_domains
};

// A context rule with its conditions resolved (in TranscriptScoring::tests).
struct RuleTests {
    const ContextRule* rule;
    std::size_t first_test, tests;
};

struct Response {
    double t;
    Codes codes;
    int event;  // index in the transcript: the moment it answered, if any, has the same
    // Codes of a typed response the coder heard with less than critical_certainty (and the trainee
    // did not confirm): they are judged in the moment, but never fail a session on their own.
    Codes uncertain = {};
    bool warmth_counted = false;  // a spoken response or holding space
};

// How sure the coder must be of a code in the trainee's own words before that code alone is a
// critical error: a failed session on a misheard sentence would teach the wrong lesson.
constexpr double critical_certainty = 0.8;

double round1(double x) { return std::round(x * 10) / 10; }

std::string level(std::optional<double> value, double fair, double good) {
    if (!value) return "n/a";
    if (*value >= good) return "good";
    if (*value >= fair) return "fair";
    return "below fair";
}

std::optional<double> rating(double share) { return round1(std::clamp(1 + 4 * share, 1.0, 5.0)); }

// One transcript scored under one rubric, step by step (scored() below).
class TranscriptScoring {
public:
    TranscriptScoring(const Rubric& scored_under, Detail detail) : rubric(scored_under), debrief(detail == Detail::debrief) {
        score.rubric_id = rubric.id;
        score.rubric_title = rubric.title;
        score.pass_mark = rubric.pass;
        tally.resize(rubric.domains.size() + 1);
        // Room once for what grows while scoring: each growth of a vector is an allocation and a copy.
        domain_slots.reserve(rubric.domains.size());
        domains_by_id.reserve(rubric.domains.size());
        tests.reserve(64);
        context_rules.reserve(32);
        code_domains.reserve(64);
        need_tests.reserve(rubric.needs.size());
        // An answer's share of the possible is summed over the domains in the order of their ids,
        // as it always was: another order could change its last bit.
        for (std::size_t d = 0; d < rubric.domains.size(); ++d) {
            domain_slots.push_back(slot(rubric.domains[d].id));
            if (domain_slots.back() == d) domains_by_id.push_back(d);
        }
        std::sort(domains_by_id.begin(), domains_by_id.end(),
                  [&](std::size_t a, std::size_t b) { return rubric.domains[a].id < rubric.domains[b].id; });
        codes_met.reserve(32);
        code_heads.reserve(32);
        holding_space = intern("holding_space");
        rule_heads.reserve(rubric.rules.size());
        for (const auto& rule : rubric.rules) rule_heads.push_back(head_of(rule.code));
        for (const auto& need : rubric.needs) {
            const std::size_t first = tests.size();
            for (const auto& c : need.when) tests.push_back(compile(c));
            need_tests.push_back({first, tests.size() - first, slot(need.domain)});
        }
    }

    const Rubric& rubric;
    const bool debrief;  // the debrief's text too, not the totals only (Detail)
    Score score;

    // Walks the transcript (a JSON array of entries, or a session's events), keeping the context
    // of each moment, and judges every scored moment and non-verbal action as it comes.
    template <class Events>
    void read(const Events& events) {
        if constexpr (std::is_same_v<Events, std::vector<Event>>) {
            // Room for every answer's moment at once: growing the vector would move them all.
            std::size_t answers = 0, choices = 0;
            for (const Event& e : events) {
                answers += is(e.type, "response") || is(e.type, "action");
                choices += is(e.type, "choice");
            }
            score.moments.reserve(answers);
            responses.reserve(answers);
            trust.reserve(answers);
            choice_times.reserve(choices);
        }
        Fields fields;  // the entry's, found anew for each (the reader's views point into them)
        for (std::size_t index = 0; index < events.size(); ++index)
            read(entry_view(events[index], fields), static_cast<int>(index));
        end_t = std::max(end_t, ctx.minutes);
    }

    void read(const EventView& view, int at) {
        const Fields& e = *view.fields;
        ctx.minutes = view.minutes;
        switch (view.kind) {
        case Kind::start: ctx.phase = e.text(f_phase); break;
        case Kind::state:
            if (const StateReadings* r = view.recorded ? view.recorded->readings() : nullptr) {
                for (std::size_t i = 0; i < ctx.state.size(); ++i) ctx.state[i].second = r->values[i];
                ctx.window = r->window;
                if (is(r->cause, "response") && !trust.empty()) trust.back().second = ctx.trust();
                break;
            }
            for (std::size_t i = 0; i < ctx.state.size(); ++i)
                if (const Json* reading = e[Field(f_distress + i)]; reading && reading->is_number())
                    ctx.state[i].second = reading->get<double>();
            if (e[f_window]) ctx.window = e.text(f_window);
            if (is(e.text(f_cause), "response") && !trust.empty()) trust.back().second = ctx.trust();
            break;
        case Kind::dose: ctx.dosed = true; break;
        case Kind::vitals: {
            const Json* alerts = e[f_alerts];
            ctx.alert = alerts && !alerts->empty();
            ctx.last_reading = ctx.minutes;
            readings.emplace_back(ctx.minutes, strings(alerts));
            break;
        }
        case Kind::alert: alerts_raised.emplace_back(ctx.minutes, e.text(f_alert)); break;
        case Kind::say:
            // What the participant said last; a moment's context is the line before its
            // choice opened, not a reaction to what the trainee did while it was open.
            if (const SaidLine* said = view.recorded ? view.recorded->said() : nullptr)
                heard = {said->speaker, said->text, true};
            else
                heard = {e.text(f_speaker), e.text(f_text), true};
            if (!choice_open) situation = heard;
            break;
        case Kind::narrate:
            if (heard.empty()) heard = {{}, e.text(f_text), false};
            if (!choice_open && situation.empty()) situation = heard;
            break;
        case Kind::choice:
            situation = heard;
            choice_open = true;
            // A session's choice has its options as the Choice it offered; a transcript's, as JSON.
            offered_options = view.offered ? &view.offered->options : nullptr;
            choice_options = offered_options ? nullptr : e[f_options];
            actions_taken.clear();
            choice_times.push_back(ctx.minutes);
            actions_at_choice.clear();
            codes_at_choice.clear();
            if (view.recorded && view.offered) {  // its fields are the choice's
                ctx.moment = view.offered->moment;
                ctx.flags.assign(view.offered->flags.begin(), view.offered->flags.end());
            } else {
                ctx.moment = e.text(f_moment);
                read_strings(e[f_flags], ctx.flags);
            }
            if (!ctx.flags.empty()) flagged.emplace_back(ctx.minutes, ctx.flags);
            break;
        case Kind::action: {
            const std::string_view action = e.text(f_action);
            if (is(action, "end")) {
                ended_by_trainee = true;
            } else {
                actions_taken.push_back(action);
                judge_action(e, action, at);
            }
            break;
        }
        case Kind::response:
            if (const OptionTaken* taken = view.recorded ? view.recorded->taken() : nullptr) {
                const Option& o = *taken->option;
                judge_moment({o.id, o.text, taken->action, nullptr, nullptr, &o.codes}, at);
            } else {
                judge_moment({e.text(f_option), e.text(f_text), e.text(f_action), e[f_typed], e[f_codes]}, at);
            }
            // The non-verbal actions taken while this choice was open belong to its moment.
            if (debrief && !score.moments.empty() && score.moments.back().event == at)
                score.moments.back().actions = copies(actions_taken);
            actions_taken.clear();
            heard = {};
            break;
        case Kind::end: end_t = ctx.minutes; break;
        case Kind::other: break;
        }
    }

    // Words, or holding space: what warmth is rated on (not vitals checks, water or calls).
    bool spoken_or_silent(std::string_view text, std::string_view action, const Codes& codes) const {
        return !text.empty() || is(action, "hold_space") || has_role(codes, silence);
    }

    // A response to a choice as it is judged: a transcript's entry, or an option a session took.
    struct ResponseRead {
        std::string_view option, text, action;
        const Json* typed = nullptr;
        const Json* codes = nullptr;                           // the entry's
        const std::vector<std::string>* code_names = nullptr;  // or the option's
    };

    // A non-verbal action (other than ending the session): helpful or harmful by its codes in
    // this context.
    void judge_action(const Fields& e, std::string_view action, int index) {
        Response& response = responses.emplace_back(Response{ctx.minutes, read_codes(e[f_codes]), index});
        response.warmth_counted = spoken_or_silent(e.text(f_text), action, response.codes);
        const Codes& codes = response.codes;
        codes_at_choice.insert(codes_at_choice.end(), codes.begin(), codes.end());
        trust.emplace_back(ctx.trust(), ctx.trust());
        // Doing the same thing again at one choice earns (or costs) nothing more.
        if (contains(actions_at_choice, action)) return;
        actions_at_choice.push_back(action);
        std::vector<std::string> reasons;
        value_of(codes, chosen_values, debrief ? &reasons : nullptr);
        // A good action raises earned and possible alike; a poor one lowers the floor.
        offered.reset_to_nothing(chosen_values.size());
        const double f = add(chosen_values);
        double total = 0;  // in every domain its codes name, listed in the rubric or not
        for (const double value : chosen_values) total += value;
        if (total != 0) {
            MomentResult& m = score.moments.emplace_back();  // filled in place, not moved there
            m.t = ctx.minutes;
            m.kind = "action";
            m.event = index;
            m.moment = ctx.moment;
            m.response_id = action;
            m.judgement = total > 0 ? "helpful" : "harmful";
            m.fraction = f;
            if (debrief) {
                m.situation = situation.quoted();
                m.codes = names(codes);
                m.principles = std::move(reasons);
            }
        }
        remember(codes);
    }

    // An answer to a choice: valued against every option on offer (and holding space), then
    // checked against what the moment needed.
    void judge_moment(const ResponseRead& e, int index) {
        const std::string_view chosen_id = e.option;
        const Json* typed = e.typed;
        if (typed && !typed->is_object()) typed = nullptr;
        const bool typed_unmatched = typed && !typed->value("clear", false);
        Response& response = responses.emplace_back(Response{ctx.minutes, {}, index});
        if (e.code_names)
            read_codes(*e.code_names, response.codes);
        else
            read_codes(e.codes, response.codes);
        if (typed_unmatched) response.uncertain = uncertain_codes(*typed, response.codes);
        response.warmth_counted = spoken_or_silent(e.text, e.action, response.codes);
        const Codes& codes = response.codes;
        trust.emplace_back(ctx.trust(), ctx.trust());
        if (!choice_open) {  // not from a session; counts, but is no moment
            remember(codes);
            return;
        }

        offered.reset(rubric.domains.size() + 1);
        bool silence_offered = false;
        std::optional<OptionRead> expert, chosen;
        const auto consider = [&](const OptionRead& option) {  // its codes in option_codes
            value_of(option_codes, option_values);
            offered.include(option_values);
            if (is(option.action, "hold_space")) silence_offered = true;
            if (option.expert) expert = option;
            if (option.id == chosen_id) chosen = option;
        };
        if (offered_options)
            for (const Option& o : *offered_options) {
                read_codes(o.codes, option_codes);
                consider({o.id, o.text, o.action, o.rationale, o.expert});
            }
        if (choice_options)
            for (const auto& o : *choice_options) {
                const Fields option(o);
                read_codes(option[f_codes], option_codes);
                // Json::value would throw for an option that is no object; so does this.
                const bool is_expert = o.is_object() ? as_flag(option[f_expert]) : o.value("expert", false);
                consider({option.text(f_id), option.text(f_text), option.text(f_action), option.text(f_rationale), is_expert});
            }
        // Holding space is always possible, so it is always an alternative.
        if (!silence_offered) {
            value_of(std::span(&holding_space, 1), option_values);
            offered.include(option_values);
        }

        MomentResult& m = score.moments.emplace_back();  // filled in place, not moved there
        m.t = ctx.minutes;
        m.kind = "moment";
        m.event = index;
        m.moment = ctx.moment;  // the open choice's
        m.response_id = chosen_id;
        if (debrief) {
            m.situation = situation.quoted();
            m.response_text = e.text;
            if (m.response_text.empty()) m.response_text.append("(").append(e.action).append(")");
            m.codes = names(codes);
        }
        // A typed response (docs/scoring.md, "Typed responses"): played as an option when it matched
        // one clearly, and then judged as that option; otherwise judged by the codes it was heard as,
        // never as the expert's answer, and for half its worth when it speaks to nothing the
        // participant said (a stock phrase fits every moment, so it cannot earn like an answer to this one).
        const bool typed_generic = typed_unmatched && !typed->value("relevant", false);
        if (typed) {
            m.typed = true;
            if (debrief) m.heard = text(*typed, "primary");
            if (typed_unmatched) chosen.reset();
        }
        bool proscribed = false;
        value_of(codes, chosen_values, debrief ? &m.principles : nullptr, &proscribed);
        if (typed_generic) {
            for (auto& value : chosen_values)
                if (value > 0) value /= 2;
            if (debrief) m.principles.push_back("Typed in words that could answer any moment: it takes up nothing the participant said.");
        }
        if (debrief && chosen && !chosen->rationale.empty()) m.principles.emplace_back(chosen->rationale);
        m.fraction = add(chosen_values);
        m.chose_expert = chosen && chosen->expert;
        // What the moment needed of any answer (docs/rubrics.md, "Needs").
        bool need_missed = false;
        for (std::size_t n = 0; n < rubric.needs.size(); ++n) {
            const auto& need = rubric.needs[n];
            if (!all_hold(need_tests[n].first_test, need_tests[n].tests, codes)) continue;
            const bool met = has_named(codes, need.expect) || has_named(codes_at_choice, need.expect);
            auto& t = tally[need_tests[n].slot];
            t.best += need.weight;
            if (met) {
                t.earned += need.weight;
            } else {
                need_missed = true;
                if (debrief) m.principles.push_back(need.why);
            }
        }
        if (debrief && expert) {
            m.expert_text = expert->text;
            if (m.expert_text.empty()) m.expert_text.append("(").append(expert->action).append(")");
            m.expert_rationale = expert->rationale;
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
        remember(codes);
        choice_open = false;
        situation = {};
    }

    // The rubric's timing rules: what should have happened within so many minutes of a start.
    void apply_timing_rules() {
        std::vector<double> starts;
        for (const auto& rule : rubric.timing) {
            if (!rule.phase.empty() && rule.phase != ctx.phase) continue;
            starts.clear();
            if (rule.after.empty())
                starts.push_back(0);
            else if (rule.after == "alert") {
                for (const auto& [t, name] : alerts_raised)
                    if (counts(rule.alerts, name))
                        if (auto from = chance_after(t); from && !cleared(t, name, *from)) starts.push_back(*from);
            }
            else if (const auto after = met(rule.after))  // a code no response carries starts nothing
                for (const auto& r : responses)
                    if (contains(r.codes, *after)) starts.push_back(r.t);
            for (double from : starts) {
                const double to = rule.within ? from + *rule.within : end_t;
                auto& t = tally[slot(rule.domain)];
                t.best += rule.weight;
                if (answered(from, to, named(rule.expect))) t.earned += rule.weight;
            }
        }
    }

    // Critical errors. The responses that made one (carried its code) or let it happen (answered
    // a choice within its window without what it expects) are judged harmful, so no debrief,
    // drill, report or timeline shows them as good practice.
    void find_critical_errors() {
        std::vector<int> harmful;  // response event indices
        auto let_happen = [&](double from, double to, const auto& carries) {
            for (const auto& r : responses)
                if (r.t >= from && r.t <= to && !carries(r.codes)) harmful.push_back(r.event);
        };
        for (const auto& rule : rubric.critical) {
            switch (rule.kind) {
            case CriticalRule::Kind::code: {
                const auto code = met(rule.code);
                if (!code) break;  // no response carries it
                bool found = false;
                for (const auto& r : responses)
                    if (contains(r.codes, *code) && !contains(r.uncertain, *code)) {
                        if (!found) score.critical.push_back({r.t, rule.message});
                        found = true;
                        harmful.push_back(r.event);
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
                    const auto answers = [&](const Codes& codes) { return has_role(codes, answers_alert); };
                    if (lasted && !answered(*from, *from + rule.minutes, answers)) {
                        score.critical.push_back({t, rule.message});
                        let_happen(*from, *from + rule.minutes, answers);
                        break;
                    }
                }
                break;
            case CriticalRule::Kind::flag:
                for (const auto& [from, flags] : flagged) {
                    if (!contains(flags, rule.flag)) continue;
                    if (!answered(from, from + rule.minutes, named(rule.expect))) {
                        score.critical.push_back({from, rule.message});
                        let_happen(from, from + rule.minutes, named(rule.expect));
                        break;
                    }
                }
                break;
            }
        }
        std::sort(score.critical.begin(), score.critical.end(),
                  [](const CriticalError& a, const CriticalError& b) { return a.t < b.t; });
        for (auto& m : score.moments)
            if (contains(harmful, m.event)) m.judgement = "harmful";
    }

    // "Title (score)", built in one buffer.
    static std::string titled(const std::string& title, double s) {
        const std::string number = std::to_string(static_cast<int>(s));
        std::string line;
        line.reserve(title.size() + number.size() + 3);
        return line.append(title).append(" (").append(number).append(")");
    }

    // Domains and overall, and the pass.
    void total_domains() {
        double weighted = 0, weights = 0;
        score.domains.reserve(rubric.domains.size());
        for (std::size_t i = 0; i < rubric.domains.size(); ++i) {
            const Domain& d = rubric.domains[i];
            const Tally& t = tally[domain_slots[i]];
            std::optional<double> s;
            if (t.best > t.worst) {
                s = round1(100 * std::clamp((t.earned - t.worst) / (t.best - t.worst), 0.0, 1.0));
                weighted += d.weight * *s;
                weights += d.weight;
            }
            score.domains.emplace_back(d.id, s);
            if (debrief && s && *s >= 80) score.strengths.push_back(titled(d.title, *s));
            if (debrief && s && *s < 60) score.growth.push_back(titled(d.title, *s));
        }
        score.overall = weights > 0 ? round1(weighted / weights) : 0;
        score.pass = score.critical.empty() && score.overall >= rubric.pass;
    }

    // MITI-style counts (MITI 4.2.1; DOMAIN.md): thresholds fair/good 1:1 and 2:1, 40% and 50%.
    void count_miti() {
        Miti& miti = score.miti;
        for (const auto& r : responses)
            for (const Code c : r.codes) {
                const unsigned roles = codes_met[c].roles;
                if (roles & question) ++miti.questions;
                if (roles & reflection) ++miti.reflections;
                if (roles & complex) ++miti.complex_reflections;
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
        score.fis.reserve(4);
        const auto rule = [&](const char* how) { return debrief ? std::string(how) : std::string(); };  // how it was rated
        // Warmth is rated on what the trainee said and on holding space: a vitals check or a
        // glass of water is neither warm nor cold, and must not dilute it.
        auto warmth_share = [&](Role role) {
            double k = 0, m = 0;
            for (const auto& r : responses) {
                if (!r.warmth_counted) continue;
                ++m;
                k += has_role(r.codes, role) ? 1 : 0;
            }
            return m > 0 ? k / m : 0.0;
        };
        const double warm_share = warmth_share(warm);
        const double cold_share = warmth_share(cold);
        const bool any_counted = std::any_of(responses.begin(), responses.end(), [](const Response& r) { return r.warmth_counted; });
        score.fis.push_back({"warmth", any_counted ? rating(warm_share - 2 * cold_share) : std::optional<double>{},
                             rule("1 + 4 x (share of the trainee's spoken responses and holding space that are warm - "
                                  "2 x share that are cold); none without any")});
        double empathic = 0;
        for (const auto& r : responses) {
            double k = 0;
            for (const Code c : r.codes) {
                if (codes_met[c].roles & deep) k = std::max(k, 1.0);
                if (codes_met[c].roles & shallow) k = std::max(k, 0.5);
            }
            empathic += k;
        }
        score.fis.push_back({"empathy", rating(empathic / n),
                             rule("1 + 4 x mean empathic depth of responses (complex reflection, validation, empathic presence 1; "
                                  "simple reflection, holding space 0.5)")});
        score.fis.push_back({"alliance_bond", rating(ctx.trust() / 100), rule("1 + 4 x the participant's trust at the end / 100")});
        // A rupture is repaired only if the participant's trust ends the session above where it
        // was before the rupture: one warmer answer after it, with trust still lower at the end
        // ("that wasn't okay"), is no repair.
        int ruptures = 0, repaired = 0;
        const double trust_at_end = ctx.trust();
        for (const auto& [before, after] : trust) {
            if (after > before - 8) continue;
            ++ruptures;  // trust fell 8 or more with this response
            if (trust_at_end > before) ++repaired;
        }
        score.fis.push_back({"rupture_repair",
                             ruptures ? rating(double(repaired) / ruptures) : std::optional<double>{},
                             rule("1 + 4 x share of ruptures (trust falling 8 or more with a response) after which trust "
                                  "ended the session above where it was before the rupture; none without ruptures")});
    }

    // Strengths and growth areas from the moments.
    void summarise() {
        std::size_t experts = 0;
        for (const auto& m : score.moments) {
            if (is(m.judgement, "expert")) ++experts;
            if (is(m.kind, "moment") && is(m.judgement, "poor")) {
                const std::string_view moment = m.moment.empty() ? std::string_view("a moment") : std::string_view(m.moment);
                std::string line;
                line.reserve(moment.size() + 2 + m.expert_text.size());
                score.growth.push_back(std::move(line.append(moment).append(": ").append(m.expert_text)));
            }
        }
        if (experts > 0) score.strengths.push_back(std::to_string(experts) + " responses an expert would have chosen");
    }

private:
    // Where a domain is tallied: at the first listing of its id in the rubric, or (a domain the
    // rubric does not list) in the slot after them, which counts towards nothing.
    std::size_t slot(std::string_view domain_id) const {
        for (std::size_t d = 0; d < rubric.domains.size(); ++d)
            if (rubric.domains[d].id == domain_id) return d;
        return rubric.domains.size();
    }

    // The code named `name`, met now if it was not before.
    Code intern(std::string_view name) {
        if (const auto code = met(name)) return *code;
        code_heads.push_back(head_of(name));
        codes_met.push_back({name, code_heads.back(), roles_of(name)});
        return codes_met.size() - 1;
    }

    // The code named `name` if this scoring has met it (none: no answer carries it).
    std::optional<Code> met(std::string_view name) const {
        const std::uint64_t head = head_of(name);
        for (Code code = 0; code < code_heads.size(); ++code)
            if (code_heads[code] == head && same(codes_met[code].code, name)) return code;
        return std::nullopt;
    }

    // The codes of an array field, into `out` (whose buffer a caller may reuse).
    void read_codes(const Json* list, Codes& out) {
        out.clear();
        if (list && list->is_array())
            for (const auto& s : *list)
                if (s.is_string()) out.push_back(intern(s.get_ref<const std::string&>()));
    }
    void read_codes(const std::vector<std::string>& list, Codes& out) {
        out.clear();
        for (const auto& code : list) out.push_back(intern(code));
    }
    Codes read_codes(const Json* list) {
        Codes out;
        read_codes(list, out);
        return out;
    }

    std::vector<std::string> names(const Codes& codes) const {
        std::vector<std::string> out;
        out.reserve(codes.size());
        for (const Code c : codes) out.emplace_back(codes_met[c].code);
        return out;
    }

    bool has_role(const Codes& codes, Role role) const {
        return std::any_of(codes.begin(), codes.end(), [&](Code c) { return (codes_met[c].roles & role) != 0; });
    }
    // `codes` has one of the rubric's `wanted`.
    bool has_named(const Codes& codes, const std::vector<std::string>& wanted) const {
        return std::any_of(codes.begin(), codes.end(), [&](Code c) { return contains(wanted, codes_met[c].code); });
    }
    // For answered(): codes that have one of `wanted`.
    struct Named {
        const TranscriptScoring& scoring;
        const std::vector<std::string>& wanted;
        bool operator()(const Codes& codes) const { return scoring.has_named(codes, wanted); }
    };
    Named named(const std::vector<std::string>& wanted) const { return {*this, wanted}; }

    // The codes of an unmatched typed response heard below critical_certainty; none when the
    // trainee named the code themselves ("say as CODE").
    Codes uncertain_codes(const Json& typed, const Codes& codes) const {
        Codes uncertain;
        if (typed.value("corrected", false)) return uncertain;
        const Json* heard_as = field(typed, "heard");
        for (const Code code : codes) {
            double p = 0;
            if (heard_as && heard_as->is_array())
                for (const auto& h : *heard_as)
                    if (h.is_object() && h.value("code", "") == codes_met[code].code && h.contains("p") && h["p"].is_number())
                        p = h["p"].get<double>();
            if (p < critical_certainty) uncertain.push_back(code);
        }
        return uncertain;
    }

    Test compile(const Condition& c) {
        using Key = Test::Key;
        const std::string_view key = c.key;
        Test test{Key::none, op_named(c.op), 0, &c};
        // The context's own keys; state readings are by their names in Context::state.
        test.key = is(key, "with")        ? Key::with
                   : is(key, "phase")     ? Key::phase
                   : is(key, "window")    ? Key::window
                   : is(key, "moment")    ? Key::moment
                   : is(key, "flag")      ? Key::flag
                   : is(key, "indicated") ? Key::indicated
                   : is(key, "after")     ? Key::after
                   : is(key, "alert")     ? Key::alert
                   : is(key, "minutes")   ? Key::minutes
                                          : Key::none;
        if (test.key == Key::with || test.key == Key::after) test.index = intern(c.word);
        if (test.key == Key::none)
            for (std::size_t i = 0; i < ctx.state.size(); ++i)
                if (ctx.state[i].first == key) {
                    test.key = Key::state;
                    test.index = i;
                    break;
                }
        return test;
    }

    // `codes`: the answer being valued (for `with`).
    bool holds(const Test& t, std::span<const Code> codes) const {
        const Condition& c = *t.c;
        switch (t.key) {
        case Test::Key::with: return contains(codes, t.index);
        case Test::Key::phase: return same(ctx.phase, c.word);
        case Test::Key::window: return same(ctx.window, c.word);
        case Test::Key::moment: return same(ctx.moment, c.word);
        case Test::Key::flag: return ctx.has_flag(c.word);
        case Test::Key::indicated: return ctx.indicated() == c.flag;
        case Test::Key::after: return codes_met[t.index].earlier;
        case Test::Key::alert: return ctx.alert == c.flag;
        case Test::Key::minutes: return compare(ctx.minutes, t.op, c.number);
        case Test::Key::state: return compare(ctx.state[t.index].second, t.op, c.number);
        case Test::Key::none: break;
        }
        return false;
    }
    bool all_hold(std::size_t first, std::size_t count, std::span<const Code> codes) const {
        for (const Test& t : std::span(tests).subspan(first, count))
            if (!holds(t, codes)) return false;
        return true;
    }

    // What the rubric says of `code` (and its context rules, resolved), found the first time
    // this scoring values it.
    const CodeEntry& scored(Code code) {
        if (codes_met[code].resolved) return codes_met[code];
        codes_met[code].resolved = true;
        name_buffer.assign(codes_met[code].code);  // the rubric's map takes a std::string
        const auto it = rubric.codes.find(name_buffer);
        if (it == rubric.codes.end()) return codes_met[code];
        const std::size_t first_rule = context_rules.size();
        const std::uint64_t head = codes_met[code].head;
        for (std::size_t r = 0; r < rubric.rules.size(); ++r)
            if (const auto& rule = rubric.rules[r]; rule_heads[r] == head && same(rule.code, name_buffer)) {
                const std::size_t first_test = tests.size();
                for (const auto& c : rule.when) tests.push_back(compile(c));  // may meet codes: no references into codes_met here
                context_rules.push_back({&rule, first_test, tests.size() - first_test});
            }
        const std::size_t first_domain = code_domains.size();
        for (const auto& d : it->second.domains) code_domains.push_back(slot(d));
        CodeEntry& entry = codes_met[code];
        entry.rule = &it->second;
        entry.first_context_rule = first_rule;
        entry.context_rules = context_rules.size() - first_rule;
        entry.first_domain = first_domain;
        entry.domains = code_domains.size() - first_domain;
        return entry;
    }

    // The class of a scored code in this context (its first context rule that holds, else its
    // entry's), and the rubric's reason for it. `codes`: the answer being valued (for `with`).
    std::pair<CodeClass, const std::string*> class_in(const CodeEntry& entry, std::span<const Code> codes) const {
        for (const RuleTests& r : std::span(context_rules).subspan(entry.first_context_rule, entry.context_rules))
            if (all_hold(r.first_test, r.tests, codes)) return {r.rule->cls, &r.rule->why};
        return {entry.rule->cls, &entry.rule->why};
    }

    // The points `codes` earn per domain in this context, into `values`. `reasons` (when given)
    // collects the rubric's reason for each code that is not merely compatible here; `proscribed`
    // (when given) is set when any code is proscribed here.
    void value_of(std::span<const Code> codes, Values& values, std::vector<std::string>* reasons = nullptr,
                  bool* proscribed = nullptr) {
        values.assign(rubric.domains.size() + 1, 0.0);
        for (const Code code : codes) {
            const CodeEntry& entry = scored(code);
            if (!entry.rule) continue;
            const auto [cls, why] = class_in(entry, codes);
            for (const std::size_t d : std::span(code_domains).subspan(entry.first_domain, entry.domains))
                values[d] += points(cls);
            if (reasons && cls != CodeClass::compatible && !why->empty()) reasons->push_back(*why);
            if (proscribed && cls == CodeClass::proscribed) *proscribed = true;
        }
    }

    // Adds an answer's value to the domains it touches, measured against the answers on offer
    // (`offered`); returns the share of the possible it earned (0-1).
    double add(const Values& chosen) {
        double earned = 0, range = 0;
        for (const std::size_t d : domains_by_id) {
            const double got = chosen[d];
            const double best = std::max(got, offered.most[d]);
            const double worst = std::min(got, offered.least[d]);
            if (best == worst) continue;
            // The floor an answer is measured from is nothing earned: a catastrophic option on offer
            // must not lift every other answer up the range, and a harmful answer goes below the
            // floor and takes from the domain. Where nothing positive was on offer, avoiding harm
            // earns nothing either (the domain is not touched); doing harm drags it down.
            if (best <= 0 && got == best) continue;
            const double floor = best > 0 ? 0.0 : got;
            auto& t = tally[d];
            t.earned += got;
            t.best += best;
            t.worst += floor;
            const double w = rubric.domains[d].weight;
            earned += w * (got - floor);
            range += w * (best - floor);
        }
        return range > 0 ? std::clamp(earned / range, 0.0, 1.0) : 1.0;
    }

    void remember(const Codes& codes) {
        for (const Code c : codes) codes_met[c].earlier = true;
    }

    // A response between `from` and `to` whose codes satisfy `carries`.
    template <class Carries>
    bool answered(double from, double to, const Carries& carries) const {
        return std::any_of(responses.begin(), responses.end(),
                           [&](const Response& r) { return r.t >= from && r.t <= to && carries(r.codes); });
    }

    // The trainee can answer an alert only when the session next waits for them:
    // the clock starts at the first choice open at or after the alert.
    std::optional<double> chance_after(double t) const {
        for (double c : choice_times)
            if (c >= t) return c;
        return std::nullopt;
    }
    static bool counts(const std::vector<std::string>& wanted, std::string_view alert) {
        return wanted.empty() || contains(wanted, alert);
    }

    // An alert the next reading has already cleared before the trainee could answer it is over.
    bool cleared(double raised, std::string_view name, double chance) const {
        return std::any_of(readings.begin(), readings.end(), [&](const auto& reading) {
            return reading.first > raised && reading.first <= chance && !contains(reading.second, name);
        });
    }

    std::vector<std::size_t> domains_by_id;  // the rubric's distinct domains, in the order of their ids
    std::vector<Tally> tally;                // by slot
    std::vector<CodeEntry> codes_met;        // each code met so far, by Code
    std::vector<std::uint64_t> code_heads;   // theirs, side by side for a quick scan
    std::vector<std::size_t> domain_slots;   // the rubric's domains' slots, in its order
    Code holding_space = 0;
    std::vector<Test> tests;                 // the conditions below, resolved
    std::vector<std::uint64_t> rule_heads;   // head_of each context rule's code, in the rubric's order
    std::vector<RuleTests> context_rules;    // the rules of the codes valued so far, code by code
    std::vector<std::size_t> code_domains;   // their domains' slots, code by code
    struct NeedTests {
        std::size_t first_test, tests, slot;
    };
    std::vector<NeedTests> need_tests;       // by need, in the rubric's order
    std::string name_buffer;
    Values chosen_values, option_values;     // reused from answer to answer
    Codes option_codes;
    Bounds offered;
    std::vector<Response> responses;
    std::vector<std::pair<double, std::string_view>> alerts_raised;  // time, alert name
    std::vector<std::pair<double, Names>> readings;                  // time, alerts
    std::vector<double> choice_times;
    Names actions_at_choice;  // unclaimed actions already scored at the open choice
    Codes codes_at_choice;    // their codes: they can meet the moment's needs
    std::vector<std::pair<double, Names>> flagged;
    std::vector<std::pair<double, double>> trust;  // (before, after) each response, for rupture and repair
    bool ended_by_trainee = false;
    double end_t = 0;
    Context ctx;
    bool choice_open = false;
    const Json* choice_options = nullptr;                    // the open choice's, from a transcript
    const std::vector<Option>* offered_options = nullptr;  // or from a session's Choice
    Line situation;  // the participant's line the open choice answers
    Line heard;      // the participant's last line (or first narration) since the last answer
    Names actions_taken;  // non-verbal actions while the current choice is open
};

template <class Events>
Score scored(const Rubric& rubric, const Events& events, Detail detail = Detail::debrief) {
    TranscriptScoring scoring(rubric, detail);
    scoring.read(events);
    scoring.apply_timing_rules();
    scoring.find_critical_errors();
    scoring.total_domains();
    scoring.count_miti();
    scoring.rate_fis();
    if (detail == Detail::debrief) scoring.summarise();  // strengths and growth: text only
    return std::move(scoring.score);
}

}  // namespace

Score score_transcript(const Rubric& rubric, const Json& events) { return scored(rubric, events); }

Score score_events(const Rubric& rubric, const std::vector<Event>& events, Detail detail) {
    return scored(rubric, events, detail);
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
