#include "sim/session.hpp"

#include "sim/typed_match.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace holdspace {
namespace {

// One decimal, as the nearest double to the printed value (36.8, not 36.800000000000004).
double round1(double value) { return std::round(value * 10) / 10; }

// 120 rather than 120.0 in transcripts.
Json whole_or_real(double value) {
    if (std::nearbyint(value) == value && std::fabs(value) < 1e15) return Json(static_cast<std::int64_t>(value));
    return Json(value);
}

// An event's data, field by field in the order added. Built this way rather than from an
// initializer list, which copies every field, into an object with room for all of them, which
// an ordered object without it copies again each time it grows: together a tenth of a short
// playthrough. The JSON is the same.
class Fields {
public:
    explicit Fields(std::size_t capacity) { object().reserve(capacity); }
    // Keys are literals: their length is known without counting it.
    template <std::size_t N, typename T>
    Fields& operator()(const char (&key)[N], T&& value) & {
        object().emplace_back(std::piecewise_construct, std::forward_as_tuple(key, N - 1),
                              std::forward_as_tuple(std::forward<T>(value)));
        return *this;
    }
    template <std::size_t N, typename T>
    Fields&& operator()(const char (&key)[N], T&& value) && {
        return std::move((*this)(key, std::forward<T>(value)));
    }
    operator Json() && { return std::move(json_); }

private:
    Json::object_t& object() { return json_.get_ref<Json::object_t&>(); }
    Json json_ = Json::object();
};

// What a session's choice is before the scenario offers one: shared, so that a session costs no
// allocation for it.
const std::shared_ptr<const Choice>& no_choice() {
    static const auto none = std::make_shared<const Choice>();
    return none;
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Codes a non-verbal action carries when no option of the choice claims it.
std::vector<std::string> action_codes(ActionKind action, bool touch_agreed) {
    switch (action) {
    case ActionKind::hold_space: return {"holding_space"};
    case ActionKind::check_vitals: return {"checking_vitals"};
    case ActionKind::water:
    case ActionKind::blanket: return {"offering_comfort"};
    case ActionKind::touch: return {touch_agreed ? "touch_within_consent" : "touch_without_consent"};
    case ActionKind::medical_support: return {"escalation_medical"};
    case ActionKind::music:
    case ActionKind::eyeshades:
    case ActionKind::end: return {};
    }
    return {};
}

// Independent streams from one seed (splitmix64 of seed and stream number).
std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t z = seed + stream * 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

Physiology person_for(const ScenarioInfo& info, std::uint64_t seed) {
    Rng person_rng(stream_seed(seed, 1));
    Physiology p = Physiology::draw(person_rng, info.patient.baseline);
    // The scenario's baseline vitals are taken at its starting state.
    p.baseline_arousal = info.initial_state.arousal;
    p.baseline_distress = info.initial_state.distress;
    if (info.sensitivity) p.sensitivity = *info.sensitivity;
    return p;
}

// Room for what the last session on this thread recorded, and half as much again (sessions of one
// scenario differ in length): so that a session's events and history are not moved each time their
// lists grow, as autoplay and check play one scenario again and again.
struct Room {
    std::size_t events = 64, history = 16;
};
Room& room_for_next() {
    thread_local Room room;
    return room;
}

}  // namespace

Session::Session(ScenarioInfo info, std::unique_ptr<Script> script, std::uint64_t seed,
                 std::optional<std::uint64_t> order_seed)
    : Session(std::make_shared<const ScenarioInfo>(std::move(info)), std::move(script), seed, order_seed) {}

Session::Session(std::shared_ptr<const ScenarioInfo> info, std::unique_ptr<Script> script, std::uint64_t seed,
                 std::optional<std::uint64_t> order_seed)
    : shared_info_(std::move(info)), info_(*shared_info_), script_(std::move(script)), rng_(seed), noise_rng_(stream_seed(seed, 2)),
      order_rng_(stream_seed(order_seed.value_or(seed), 3)),
      physiology_(person_for(info_, seed)), schedule_(physiology_), state_(info_.initial_state),
      touch_consent_(info_.patient.touch_consent), music_(info_.phase == "medicine" ? "calm" : "off"),
      choice_(no_choice()) {
    events_.reserve(room_for_next().events);
    history_.reserve(room_for_next().history);
}

Session::~Session() {
    if (!events_.empty()) {  // (none when taken)
        room_for_next().events = std::clamp<std::size_t>(events_.size() * 3 / 2, 64, 4096);
        room_for_next().history = std::clamp<std::size_t>(history_.size() * 3 / 2, 16, 1024);
    }
    release(events_);
}

std::optional<Seconds> Session::since_dose() const {
    if (!dose_at_) return std::nullopt;
    return now_ - *dose_at_;
}

// The first event past the transcript limit: the session fails at the end of its step.
void Session::limit_reached() {
    output_limit_error_ = "transcript limit: the session has reached " +
                          (events_.size() >= max_session_events
                               ? std::to_string(max_session_events) + " events"
                               : std::to_string(max_session_text_bytes >> 20) + " MiB of text") +
                          ", the most one session may record (a loop that says or narrates without end?)";
}

template <class... Fields>
void Session::emit_event(std::string_view type, Fields&&... fields) {
    if (over_) return;  // nothing happens after the end, whatever a script still does
    const bool is_end = type == "end";
    if (!output_limit_error_.empty() && !is_end) return;  // the session fails at the end of this step
    if (!is_end && events_.size() >= max_session_events) {
        limit_reached();
        return;
    }
    // Made where it is kept (an event is large: moving each in cost 2-3 % of a run), and taken back
    // when its text is past the limit.
    const Event& event = events_.emplace_back(std::string(type), std::forward<Fields>(fields)...);
    const std::size_t bytes = event.text_bytes();
    if (!is_end && text_bytes_ + bytes > max_session_text_bytes) {
        events_.pop_back();
        limit_reached();
        return;
    }
    text_bytes_ += bytes;
}

void Session::emit(std::string type, Json data, std::shared_ptr<const Choice> offered) {
    emit_event(type, now_, std::move(data), std::move(offered));
}

void Session::make_events() const {
    for (; made_ < events_.size(); ++made_) make_data(events_[made_]);
}

void Session::locate_output_limit(const std::string& where) {
    if (output_limit_where_.empty()) output_limit_where_ = where;
}

void Session::start() {
    if (started_) return;
    started_ = true;
    emit("start", Fields(5)("scenario", info_.id)("title", info_.title)("phase", info_.phase)(
                      "rubric", info_.rubric)("seed", rng_.seed()));
    emit_state("start");
    if (info_.dose && info_.dose->initial_mg > 0) {
        record_vitals();  // the pre-dose reading every medicine session starts from
        give_dose(info_.dose->initial_mg, "initial");
        dose_at_ = now_;
        next_monitor_ = now_ + monitor_interval;
        if (info_.dose->supplemental_mg > 0)
            supplemental_due_ = now_ + static_cast<Seconds>(std::llround(info_.dose->supplemental_at * 60));
    }
    run_script([&] { return script_->start(*this); }, true);
}

void Session::run_script(auto&& step, bool expects_new_choice) {
    waiting_ = false;
    bool offered_before = choice_offered_;
    if (expects_new_choice) choice_offered_ = false;
    ScriptStatus status = ScriptStatus::finished;
    try {
        status = step();
    } catch (const ScriptError& e) {
        if (!over_) {  // an error after the script ended the session changes nothing
            failure_ = e;
            // Past the transcript limit, whatever stopped the script (the limit raised again, or the
            // budget spent on a loop that swallowed it), the failure is the limit, where it was first met.
            if (!output_limit_error_.empty())
                failure_ = ScriptError((output_limit_where_.empty() ? info_.source + ":1: " : output_limit_where_) +
                                           output_limit_error_,
                                       e.traceback);
            end("error");
        }
        waiting_ = false;
        return;
    }
    if (!output_limit_error_.empty() && !over_) {
        // The script went on after the limit (it caught the error): the session fails all the same.
        failure_ = ScriptError((output_limit_where_.empty() ? info_.source + ":1: " : output_limit_where_) +
                                   output_limit_error_,
                               {});
        end("error");
        waiting_ = false;
        return;
    }
    if (over_) return;
    if (status == ScriptStatus::finished) {
        end("script");
        return;
    }
    if (expects_new_choice && !choice_offered_) {
        failure_ = ScriptError(info_.source + ": the script paused without offering a choice", {});
        end("error");
        return;
    }
    if (!expects_new_choice) choice_offered_ = offered_before;
    waiting_ = true;
}

std::optional<TraineeAction> Session::apply(const TraineeAction& action, std::string& error) {
    error.clear();
    if (!started_ || over_ || !waiting_) {
        error = over_ ? "the session is over" : "the session is not waiting for a response";
        return std::nullopt;
    }
    switch (action.kind) {
    case TraineeAction::Kind::wait: {
        if (!(action.minutes > 0 && action.minutes <= max_wait_minutes)) {
            error = "wait takes 0 to 600 minutes";
            return std::nullopt;
        }
        const Seconds duration = std::max<Seconds>(1, std::llround(action.minutes * 60));
        emit("wait", Fields(2)("minutes", minutes_json(duration))("by", "trainee"));
        advance(duration);
        if (!output_limit_error_.empty() && !over_) {  // readings and cues alone filled the transcript
            failure_ = ScriptError(info_.source + ":1: " + output_limit_error_, {});
            end("error");
        }
        return action;
    }
    case TraineeAction::Kind::option: {
        auto answer = answer_to(action);
        if (!answer) {
            error = "no option '" + action.option + "' here (options:";
            for (std::size_t i = 0; i < choice_->options.size(); ++i)
                error += " " + std::to_string(i + 1) + "=" + choice_->options[i].id;
            error += ")";
            return std::nullopt;
        }
        respond(*answer->option, answer->via);
        return TraineeAction::choose(answer->option->id);
    }
    case TraineeAction::Kind::say: {
        if (action.text.empty() || action.text.size() > max_typed_bytes) {
            error = "a typed response needs words, at most " + std::to_string(max_typed_bytes) + " bytes";
            return std::nullopt;
        }
        if (action.heard.primary.empty()) {
            error = "a typed response must be heard (coded) before it is applied";
            return std::nullopt;
        }
        if (!is_behaviour_code(action.heard.primary)) {
            error = "'" + action.heard.primary + "' is not a behaviour code (docs/behaviour-codes.md)";
            return std::nullopt;
        }
        const TypedMatch match = match_typed(action.text, action.heard, *choice_, last_participant_line());
        if (!match.option) {
            error = "this choice has no option a typed response can follow";
            return std::nullopt;
        }
        respond_typed(action, match);
        return action;
    }
    case TraineeAction::Kind::action: {
        const std::string_view name = action_info(action.action).name;
        if (action.action == ActionKind::end) {
            history_.push_back({now_, "action", std::string(name), {}});
            emit("action", {{"action", name}});
            end("trainee");
        } else if (auto answer = answer_to(action)) {
            respond(*answer->option, answer->via);  // (a claimed check_vitals still shows a reading: see respond)
        } else {
            act(action.action);
        }
        return action;
    }
    }
    return std::nullopt;
}

std::optional<Session::Answer> Session::answer_to(const TraineeAction& move) const {
    if (move.kind == TraineeAction::Kind::option) {
        const Option* chosen = choice_->find(move.option);
        if (!chosen && all_digits(move.option)) {
            const auto n = std::stoul(move.option.substr(0, 9));
            if (n >= 1 && n <= choice_->options.size()) chosen = &choice_->options[n - 1];
        }
        if (!chosen) return std::nullopt;
        // An option that stands for an action (check vitals, water...) does it, however it was chosen.
        return Answer{choice_, chosen, chosen->action.empty() ? std::nullopt : action_by_name(chosen->action)};
    }
    if (move.kind != TraineeAction::Kind::action || move.action == ActionKind::end) return std::nullopt;
    if (const Option* claimed = choice_->claiming(action_info(move.action).name)) return Answer{choice_, claimed, move.action};
    if (move.action == ActionKind::hold_space) {
        static const Option silence{"hold_space", "", "hold_space", "", {"holding_space"}, false};
        return Answer{nullptr, &silence, move.action};
    }
    return std::nullopt;
}

void Session::respond(const Option& option, std::optional<ActionKind> via) {
    take_response(option, via);
    run_script([&] { return script_->resume(*this, option); }, true);
}

// What a response does before the scenario goes on with it (respond, answer_at_once).
void Session::take_response(const Option& option, std::optional<ActionKind> via) {
    history_.push_back({now_, "option", option.id, option.codes});
    const std::string_view action = via ? action_info(*via).name : std::string_view();
    const auto& offered = choice_->options;
    if (std::any_of(offered.begin(), offered.end(), [&](const Option& o) { return &o == &option; })) {
        emit_event("response", now_, nullptr, nullptr, OptionTaken{choice_, &option, action});
    } else {  // an option the choice does not hold (holding space when none offers it)
        Fields data(4);
        data("option", option.id);
        if (!option.text.empty()) data("text", option.text);
        if (via) data("action", action);
        data("codes", option.codes);
        emit("response", std::move(data));
    }
    if (via) physical_effect(*via);
    if (via == ActionKind::check_vitals) record_vitals();
    state_ = after_response(state_, option.codes, info_.affect, info_.phase);
    emit_state("response");
    advance(seconds_per_response);
}

// A typed response: played as the option it clearly matched (that option's codes), or scored by the
// codes it was heard as while the story follows the option match_typed chose. The response event
// keeps the text, how it was heard, the coder's version and the match, so replay and debrief see it.
void Session::respond_typed(const TraineeAction& action, const TypedMatch& match) {
    const Option option = *match.option;  // a copy: the script replaces the choice
    const std::vector<std::string> codes = match.clear ? option.codes : scored_codes(action.heard);
    history_.push_back({now_, "option", option.id, codes});
    Json heard = Json::array();
    for (const auto& [code, p] : action.heard.codes) heard.push_back({{"code", code}, {"p", p}});
    Json typed = {{"heard", std::move(heard)},       {"primary", action.heard.primary},
                  {"model", action.heard.model},     {"corrected", action.heard.corrected},
                  {"match", option.id},              {"clear", match.clear},
                  {"relevant", match.relevant},      {"similarity", std::round(match.similarity * 1000) / 1000}};
    emit("response", Fields(4)("option", option.id)("text", action.text)("codes", codes)("typed", std::move(typed)));
    state_ = after_response(state_, codes, info_.affect, info_.phase);
    emit_state("response");
    advance(seconds_per_response);
    run_script([&] { return script_->resume(*this, option); }, true);
}

std::string Session::last_participant_line() const {
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (it->type == "say") return std::string(it->text());
    return {};
}

void Session::act(ActionKind action) {
    // "Ask first" consent holds only for a touch right after asking (a consent_check response).
    constexpr Seconds asked_within = 10 * 60;
    const auto asked = last_code("consent_check");
    const bool touch_agreed = !touch_consent_.empty() &&
                              (!info_.patient.touch_ask_first || (asked && now_ - *asked <= asked_within));
    auto codes = action_codes(action, touch_agreed);
    const std::string name(action_info(action).name);
    history_.push_back({now_, "action", name, codes});
    Json data = {{"action", name}, {"codes", codes}};
    if (action == ActionKind::touch) data["consented"] = touch_agreed;
    emit("action", std::move(data));
    physical_effect(action);
    if (action == ActionKind::check_vitals) record_vitals();
    state_ = after_response(state_, codes, info_.affect, info_.phase);
    emit_state("response");
    advance(seconds_per_response);
    run_script([&] {
        script_->on_action(*this, action);
        return ScriptStatus::waiting_for_trainee;
    }, false);
}

void Session::advance(Seconds duration) {
    const Seconds target = now_ + std::max<Seconds>(0, duration);
    // The common effects that come in this stretch (DOMAIN.md), as cues.
    std::vector<CueEvent> cues;
    if (!doses_.empty())
        cues = schedule_.cues(doses_, interventions_, minutes_now(), static_cast<double>(target) / 60.0);
    // And the body's own: the signs of a falling sodium, chest pain at a very high pressure.
    if (!doses_.empty() || !intakes_.empty()) {
        const auto body = schedule_.body_events(doses_, interventions_, intakes_, minutes_now(),
                                                static_cast<double>(target) / 60.0);
        if (!body.empty()) {
            cues.insert(cues.end(), body.begin(), body.end());
            std::stable_sort(cues.begin(), cues.end(),
                             [](const CueEvent& x, const CueEvent& y) { return x.t_min < y.t_min; });
        }
    }
    std::size_t next_cue = 0;
    for (;;) {
        Seconds next = target + 1;
        if (supplemental_due_) next = std::min(next, *supplemental_due_);
        if (next_monitor_) next = std::min(next, *next_monitor_);
        const bool cue_first = next_cue < cues.size() &&
                               static_cast<Seconds>(std::floor(cues[next_cue].t_min * 60)) < next;
        if (cue_first) next = std::max(now_, static_cast<Seconds>(std::floor(cues[next_cue].t_min * 60)));
        if (next > target) break;
        evolve(next);
        now_ = next;
        if (cue_first) {
            const Cue cue = cues[next_cue++].cue;
            emit_cue(cue, cue_text(cue));
            continue;
        }
        if (supplemental_due_ && *supplemental_due_ == now_) {
            supplemental_due_.reset();
            give_dose(info_.dose->supplemental_mg, "supplemental");
        }
        if (next_monitor_ && *next_monitor_ == now_) {
            record_vitals();
            emit_state("time");
            *next_monitor_ += monitor_interval;
        }
    }
    evolve(target);
    now_ = target;
}

void Session::give_dose(double mg, std::string_view kind) {
    doses_.push_back(Dose{minutes_now(), mg});
    emit("dose", Fields(2)("mg", whole_or_real(mg))("kind", kind));
}

double Session::intensity_now() const {
    if (doses_.empty()) return 0;
    return intensity(physiology_.drug, doses_, minutes_now());
}

void Session::set_touch_consent(const std::string& agreed) {
    touch_consent_ = agreed;
    emit("consent", {{"touch", agreed.empty() ? Json(false) : Json(agreed)}});
}

void Session::emit_cue(Cue cue, const std::string& text) {
    if (over_) return;
    cues_had_.push_back(cue);
    emit("cue", Fields(2)("cue", cue_name(cue))("text", text));
}

bool Session::had_cue(Cue cue) const {
    return std::find(cues_had_.begin(), cues_had_.end(), cue) != cues_had_.end();
}

namespace {
std::string_view fluid_name(Fluid f) {
    switch (f) {
    case Fluid::water: return "water";
    case Fluid::electrolyte: return "electrolyte";
    case Fluid::saline_iv: return "saline_iv";
    case Fluid::hypertonic_iv: return "hypertonic_iv";
    }
    return "water";
}
}  // namespace

void Session::drink(double litres, Fluid kind, std::string_view by) {
    if (over_ || !(litres > 0)) return;
    const double t = minutes_now();
    intakes_.push_back({t, litres, kind});
    if (kind == Fluid::water || kind == Fluid::electrolyte) interventions_.push_back({Measure::water, t});
    emit("fluid", Fields(3)("ml", std::llround(litres * 1000))("kind", fluid_name(kind))("by", by));
}

void Session::treat(Treatment treatment, const std::string& text) {
    if (over_) return;
    const double t = minutes_now();
    switch (treatment) {
    case Treatment::cooling: interventions_.push_back({Measure::cooling, t}); break;
    case Treatment::active_cooling:
        interventions_.push_back({Measure::active_cooling, t});
        interventions_.push_back({Measure::cooling, t});
        break;
    case Treatment::antihypertensive: interventions_.push_back({Measure::antihypertensive, t}); break;
    case Treatment::rest: interventions_.push_back({Measure::rest, t}); break;
    case Treatment::iv_fluids: intakes_.push_back({t, 0.5, Fluid::saline_iv}); break;
    case Treatment::hypertonic_saline: intakes_.push_back({t, 0.15, Fluid::hypertonic_iv}); break;
    case Treatment::emergency_services: break;  // the call itself; the scenario tells the transfer
    }
    treatments_.push_back(treatment);
    Fields data(2);
    for (const auto& info : treatment_infos())
        if (info.kind == treatment) data("treatment", info.name);
    if (!text.empty()) data("text", text);
    emit("treatment", std::move(data));
}

bool Session::raise(std::string_view event, const std::string& text, double strength) {
    if (const auto cue = cue_by_name(event)) {
        emit_cue(*cue, text.empty() ? cue_text(*cue) : text);
        return true;
    }
    const double t = minutes_now();
    const double infinite = std::numeric_limits<double>::infinity();
    if (event == "hyperthermia") interventions_.push_back({Measure::heat_gain, t, infinite, strength});
    else if (event == "hypertensive_surge") interventions_.push_back({Measure::pressor_surge, t, infinite, strength});
    else return false;
    if (over_) return true;
    Fields data(3);
    data("condition", std::string(event));
    if (strength != 1) data("strength", strength);
    if (!text.empty()) data("text", text);
    emit("body", std::move(data));
    return true;
}

FluidState Session::fluids_now() const {
    return fluid_state(physiology_, doses_, interventions_, intakes_, minutes_now());
}

int Session::measure_sodium() {
    const int value = static_cast<int>(std::lround(fluids_now().sodium + noise_rng_.normal(0, 1.0)));
    if (!over_) emit("lab", Fields(3)("test", "sodium")("value", value)("unit", "mmol/L"));
    return value;
}

Vitals Session::vitals_now() {
    return read_vitals(physiology_, doses_, interventions_, minutes_now(), state_.arousal, state_.distress,
                       noise_rng_);
}

void Session::record_vitals() {
    const Vitals v = vitals_now();
    const Vitals shown{static_cast<double>(std::lround(v.hr)), static_cast<double>(std::lround(v.sbp)),
                       static_cast<double>(std::lround(v.dbp)), round1(v.temp_c)};
    const auto now_alerts = alerts(shown, info_.thresholds);
    Json reading = {{"hr", std::lround(v.hr)}, {"sbp", std::lround(v.sbp)}, {"dbp", std::lround(v.dbp)},
                    {"temp_c", shown.temp_c}};
    if (!now_alerts.empty()) {
        reading["alerts"] = Json::array();
        for (const Alert a : now_alerts) reading["alerts"].push_back(alert_name(a));
    }
    emit("vitals", reading);
    last_vitals_ = shown;
    // An alert event is raised once when a reading crosses its threshold, and again
    // only after a reading has come back under it; the reading lists all in force.
    for (const Alert a : now_alerts) {
        if (std::find(active_alerts_.begin(), active_alerts_.end(), a) != active_alerts_.end()) continue;
        const auto [value, limit] = [&]() -> std::pair<double, double> {
            switch (a) {
            case Alert::hr_high: return {shown.hr, info_.thresholds.hr};
            case Alert::sbp_high: return {shown.sbp, info_.thresholds.sbp};
            case Alert::dbp_high: return {shown.dbp, info_.thresholds.dbp};
            case Alert::temp_high: return {shown.temp_c, info_.thresholds.temp_c};
            }
            return {0, 0};
        }();
        emit("alert", {{"alert", alert_name(a)}, {"value", whole_or_real(value)}, {"threshold", whole_or_real(limit)}});
    }
    active_alerts_ = now_alerts;
}

void Session::emit_state(std::string_view cause) {
    if (over_) return;
    emit_event("state", now_, nullptr, nullptr,
               StateReadings{cause, window_name(window()),
                             {round1(state_.distress), round1(state_.arousal), round1(state_.trust),
                              round1(state_.inward_focus), round1(state_.dissociation)}});
}

// Lets the inner state move with time and the medicine, in steps of at most five
// minutes so that the drug's changing intensity is followed.
void Session::evolve(Seconds until) {
    Seconds t = now_;
    while (t < until) {
        const Seconds step = std::min<Seconds>(300, until - t);
        const double mid_min = (static_cast<double>(t) + static_cast<double>(step) / 2) / 60.0;
        const double i = doses_.empty() ? 0.0 : intensity(physiology_.drug, doses_, mid_min);
        state_ = after_time(state_, info_.initial_state, i, static_cast<double>(step) / 60.0);
        t += step;
    }
}

void Session::physical_effect(ActionKind action) {
    const double t = minutes_now();
    auto end_last = [&](Measure m) {
        for (auto it = interventions_.rbegin(); it != interventions_.rend(); ++it)
            if (it->measure == m && it->until_min > t) {
                it->until_min = t;
                return true;
            }
        return false;
    };
    switch (action) {
    case ActionKind::water:
        interventions_.push_back({Measure::water, t});
        intakes_.push_back({t, glass_of_water_l, Fluid::water});  // a glass: too many lower sodium
        break;
    case ActionKind::blanket:
        // Offering a blanket covers the participant; offering it again takes it off.
        if (!end_last(Measure::blanket)) interventions_.push_back({Measure::blanket, t});
        break;
    case ActionKind::music: {
        static const char* const order[] = {"calm", "evocative", "quiet", "off"};
        std::size_t i = 0;
        while (i < 4 && music_ != order[i]) ++i;
        set_music(order[(i + 1) % 4], "trainee");
        break;
    }
    case ActionKind::medical_support:
        // The medical team cools and settles the participant.
        interventions_.push_back({Measure::cooling, t});
        interventions_.push_back({Measure::rest, t});
        break;
    default: break;
    }
}

std::string Session::cue_text(Cue cue) const {
    const std::string name = info_.patient.name.substr(0, info_.patient.name.find(' '));
    const std::string pronouns = info_.patient.pronouns;
    const std::string their = pronouns.rfind("she", 0) == 0 ? "her"
                              : pronouns.rfind("he", 0) == 0 ? "his"
                              : pronouns.rfind("they", 0) == 0 ? "their"
                                                               : name + "'s";
    switch (cue) {
    case Cue::jaw_tightness: return name + " is working " + their + " jaw, teeth clenched.";
    case Cue::nausea: return name + " swallows hard, a hand on " + their + " stomach: a wave of nausea.";
    case Cue::feeling_cold: return name + " shivers and draws " + their + " arms in close.";
    case Cue::sweating: return "A sheen of sweat on " + name + "'s forehead.";
    case Cue::muscle_tension: return name + " stretches " + their + " shoulders, stiff and restless.";
    case Cue::anxiety: return name + "'s breathing quickens for a moment; " + their + " hands grip the edge of the couch.";
    case Cue::headache: return name + " presses " + their + " fingers to " + their + " temples, wincing: a headache.";
    case Cue::vomiting: return name + " sits up suddenly and vomits into the bowl.";
    case Cue::confusion: return name + " looks around the room as if unsure where " + (pronouns.rfind("they", 0) == 0 ? "they are" : pronouns.rfind("she", 0) == 0 ? "she is" : pronouns.rfind("he", 0) == 0 ? "he is" : "this is") + ", and loses the thread mid-sentence.";
    case Cue::seizure: return name + " goes rigid, then jerks rhythmically: a seizure.";
    case Cue::chest_pain: return name + " clutches " + their + " chest, grimacing: a pain in the chest.";
    }
    return {};
}

void Session::end(std::string reason) {
    if (over_) return;
    Fields data(2);
    data("reason", reason);
    if (failure_) data("message", failure_->what());
    emit("end", std::move(data));
    over_ = true;
    waiting_ = false;
}


void Session::say(std::string text, std::string affect) {
    if (over_) return;
    emit_event("say", now_, nullptr, nullptr, SaidLine{info_.patient.name, std::move(text), std::move(affect)});
}

void Session::narrate(std::string text) { emit("narrate", Fields(1)("text", std::move(text))); }

void Session::show_cues(Json cues) { emit("cue_state", std::move(cues)); }

void Session::mark_phase(const std::string& name) { emit("phase", Fields(1)("phase", name)); }

void Session::wait(Seconds duration) {
    if (over_) return;
    emit("wait", Fields(2)("minutes", minutes_json(duration))("by", "scenario"));
    advance(duration);
}

// Order carries no information: the options are shown in an order drawn from the seed (Fisher-Yates
// on a stream of its own, so the participant's lines and body draw the same numbers whatever is
// offered). Numbers the trainee types mean this order; ids stay stable.
std::span<const std::size_t> Session::draw_order(std::size_t options) {
    order_.resize(options);
    for (std::size_t i = 0; i < options; ++i) order_[i] = i;
    for (std::size_t i = options; i > 1; --i)
        std::swap(order_[i - 1], order_[static_cast<std::size_t>(order_rng_.range(0, static_cast<std::int64_t>(i) - 1))]);
    return order_;
}

void Session::offer_choice(Choice choice) {
    for (std::size_t i = 0; i < choice.options.size(); ++i) choice.options[i].written = static_cast<int>(i);
    const auto order = draw_order(choice.options.size());
    offer(std::make_shared<const Choice>(in_order(std::move(choice), order)));
}

void Session::offer_choice(WrittenChoice& choice) { offer(choice.shown_in(draw_order(choice.choice().options.size()))); }

void Session::offer(std::shared_ptr<const Choice> shown) {
    // The event's fields and options are the choice itself, written out only with the transcript.
    choice_ = std::move(shown);
    emit_event("choice", now_, nullptr, choice_, ChoiceFields{});
    choice_offered_ = true;
    ++choices_offered_;
}

const Option* Session::answer_at_once() {
    for (;;) {
        // Past the transcript limit the session fails at the end of the script's step: pause, so that it does.
        if (!responder_ || over_ || !choice_offered_ || !output_limit_error_.empty()) return nullptr;
        auto move = responder_->move(*this, *choice_);
        if (!move) return nullptr;
        if (auto answer = answer_to(*move)) {
            answered_at_once_ = std::move(*answer);
            const Option& chosen = *answered_at_once_.option;
            responder_->took(move->kind == TraineeAction::Kind::option ? TraineeAction::choose(chosen.id) : *move, true);
            take_response(chosen, answered_at_once_.via);
            choice_offered_ = false;  // as when respond() resumes the script: the next pause needs a new choice
            return &chosen;
        }
        // A wait or a non-verbal action leaves the choice open: taken here as apply() takes it (the
        // scenario's on_action runs as its own entry, as while paused), then the next move is asked for.
        const bool leaves_open = move->kind == TraineeAction::Kind::wait ||
                                 (move->kind == TraineeAction::Kind::action && move->action != ActionKind::end);
        if (!leaves_open) {
            responder_->deferred(std::move(*move));
            return nullptr;
        }
        std::string error;
        waiting_ = true;  // what apply() asks of a session it takes a move in
        const auto applied = apply(*move, error);
        waiting_ = false;  // the script's step goes on
        if (!applied) {  // refused, nothing changed: the front end applies it and sees why
            responder_->deferred(std::move(*move));
            return nullptr;
        }
        responder_->took(*applied, false);
    }
}

void Session::finish_by_script() { end("script"); }

bool Session::set_music(const std::string& programme, std::string_view by) {
    if (programme != "calm" && programme != "evocative" && programme != "quiet" && programme != "off") return false;
    music_ = programme;
    emit("music", {{"programme", programme}, {"by", by}});
    return true;
}

bool Session::withhold_supplemental(const std::string& reason) {
    if (!supplemental_due_) return false;
    supplemental_due_.reset();
    emit("dose_withheld", {{"kind", "supplemental"}, {"reason", reason}});
    return true;
}

std::optional<double> Session::state_value(const PatientState& s, std::string_view name) {
    if (name == "distress") return s.distress;
    if (name == "arousal") return s.arousal;
    if (name == "trust") return s.trust;
    if (name == "inward_focus") return s.inward_focus;
    if (name == "dissociation") return s.dissociation;
    return std::nullopt;
}

bool Session::set_state(std::string_view name, double value) {
    double* field = name == "distress"       ? &state_.distress
                    : name == "arousal"      ? &state_.arousal
                    : name == "trust"        ? &state_.trust
                    : name == "inward_focus" ? &state_.inward_focus
                    : name == "dissociation" ? &state_.dissociation
                                             : nullptr;
    if (!field) return false;
    *field = std::clamp(value, 0.0, 100.0);
    emit_state("scenario");
    return true;
}

int Session::count_code(std::string_view code) const {
    int n = 0;
    for (const auto& h : history_)
        n += static_cast<int>(std::count(h.codes.begin(), h.codes.end(), code));
    return n;
}

std::optional<Seconds> Session::last_code(std::string_view code) const {
    for (auto it = history_.rbegin(); it != history_.rend(); ++it)
        if (std::find(it->codes.begin(), it->codes.end(), code) != it->codes.end()) return it->at;
    return std::nullopt;
}

bool Session::did(std::string_view id) const {
    return std::any_of(history_.begin(), history_.end(), [&](const auto& h) { return h.id == id; });
}

}  // namespace holdspace
