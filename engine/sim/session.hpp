#pragma once
// A session: one trainee with one simulated participant. A deterministic state
// machine: the same scenario, seed and actions give the same events, in any
// process. Every front end (terminal, window, autoplay, replay, tests) drives it
// through start() and apply(); the script drives it through the "script side".
#include "sim/event.hpp"
#include "sim/rng.hpp"
#include "sim/scenario.hpp"
#include "sim/trainee_action.hpp"

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace holdspace {

struct TypedMatch;

// A front end that knows every move before it is asked (autoplay, check, the benchmarks) can answer
// choices as the scenario offers them: the scenario then goes on without pausing, which costs far
// less per choice than pausing and resuming it. The session is the same either way: the same events,
// scores and errors as when the front end applies the same moves with apply() (tests/script/test_answer_at_once.cpp).
class Responder {
public:
    virtual ~Responder() = default;
    // The move for `choice` (just offered), or none to pause there. Called while the scenario runs:
    // it must not call back into the session.
    virtual std::optional<TraineeAction> move(const Session& session, const Choice& choice) = 0;
    // The session took `resolved` (option numbers become ids) as apply() would: an answer to the
    // choice, or a wait or non-verbal action that leaves it open (`answered` false; move() is then
    // asked again for the same choice).
    virtual void took(const TraineeAction& resolved, bool answered) = 0;
    // `move` is not for taking at once (words to be heard, ending the session) or does not apply
    // here: the session pauses, and the front end applies it with apply().
    virtual void deferred(TraineeAction move) = 0;
};

struct HistoryEntry {
    Seconds at = 0;
    std::string kind;  // "option" or "action"
    std::string id;
    std::vector<std::string> codes;
};

class Session {
public:
    // `order_seed` draws the order options are shown in (default: the seed). Drills vary it per
    // attempt so that a drill practised again never shows its options where they were before.
    Session(ScenarioInfo info, std::unique_ptr<Script> script, std::uint64_t seed,
            std::optional<std::uint64_t> order_seed = std::nullopt);
    // The same, sharing `info` with other sessions of the scenario (it is never changed).
    Session(std::shared_ptr<const ScenarioInfo> info, std::unique_ptr<Script> script, std::uint64_t seed,
            std::optional<std::uint64_t> order_seed = std::nullopt);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Runs the scenario up to its first choice (or its end).
    void start();

    // Applies one trainee action. On success returns the action as resolved
    // (option numbers become ids), which is what a record should keep. When the
    // action does not apply here, nothing changes and `error` says why.
    std::optional<TraineeAction> apply(const TraineeAction& action, std::string& error);

    bool started() const { return started_; }
    bool over() const { return over_; }
    const Choice* choice() const { return waiting_ ? choice_.get() : nullptr; }
    // The choice offered last, shared with its event: open or answered (null before the first).
    const std::shared_ptr<const Choice>& last_offered() const { return choice_; }
    // How many choices the scenario has offered so far: which one choice() is, for a front end that
    // keeps what it worked out about it while it stays open.
    std::size_t choices_offered() const { return choices_offered_; }
    // The transcript so far, every event's data made (a session is used by one thread at a time).
    // Events the session records later are not made until events() is called again.
    const std::vector<Event>& events() const {
        make_events();
        return events_;
    }
    // The same events as they were recorded: the busiest with their data not made yet (Event::unmade),
    // for a reader that reads them so, and so spares the session making them JSON (the scorer, autoplay).
    const std::vector<Event>& recorded_events() const { return events_; }
    // The transcript moved out, for a caller done with the session (events() is empty after).
    std::vector<Event> take_events() {
        make_events();
        std::vector<Event> out = std::move(events_);
        events_.clear();
        made_ = 0;
        return out;
    }
    // Answers choices at once from now on (null: pause at each choice, the default).
    void set_responder(Responder* responder) { responder_ = responder; }

    // Set when the session ended because the scenario failed.
    const std::optional<ScriptError>& failure() const { return failure_; }

    const ScenarioInfo& info() const { return info_; }
    std::uint64_t seed() const { return rng_.seed(); }
    Seconds now() const { return now_; }
    std::optional<Seconds> since_dose() const;
    const PatientState& state() const { return state_; }
    const std::vector<HistoryEntry>& history() const { return history_; }

    // Set once the transcript has reached max_session_events or max_session_text_bytes: what a
    // scenario-side call should fail with ("transcript limit: ..."; the script side adds file:line).
    // From then on nothing but the end event is recorded, and the session fails at the end of the
    // script's step whatever the script does with the error.
    const std::string& output_limit_error() const { return output_limit_error_; }
    // The script side reports where the limit was hit ("file:line: "), once; the failure names it.
    void locate_output_limit(const std::string& where);

    // ---- script side: called by the Script while it runs ----
    void say(std::string text, std::string affect);
    void narrate(std::string text);
    void mark_phase(const std::string& name);
    void wait(Seconds duration);
    void offer_choice(Choice choice);
    // The same for a choice kept as written: offered in an order it was shown in before, the session
    // shares that order's options rather than making them again.
    void offer_choice(WrittenChoice& choice);
    // After offer_choice: the option the scenario goes on with at once, its response (and any waits
    // and non-verbal actions before it) already taken as apply() takes them; null to pause for the
    // front end.
    const Option* answer_at_once();
    void finish_by_script();
    // What the participant visibly is or wears from now on, as the scenario narrates it (s:cue):
    // recorded as a `cue_state` event holding the fields given (eyeshades, blanket, posture, gaze,
    // flushed...; checked by the script side), which the window's figure and caption follow.
    void show_cues(Json cues);
    // Cancels a supplemental dose not yet given (e.g. the physician holds it back
    // for unsafe readings); false when there is none pending.
    bool withhold_supplemental(const std::string& reason);
    // The music programme playing: "calm", "evocative", "quiet" or "off". The
    // scenario sets it; the trainee's music action moves to the next one.
    const std::string& music() const { return music_; }
    bool set_music(const std::string& programme, std::string_view by);
    // The latest recorded reading (monitor or check), if any.
    const std::optional<Vitals>& last_vitals() const { return last_vitals_; }
    // Sets a state variable by name ("distress", ...), clamped to 0-100; records a state event.
    // Returns false for an unknown name.
    bool set_state(std::string_view name, double value);
    static std::optional<double> state_value(const PatientState& s, std::string_view name);
    // What touch the participant has agreed to now ("" for none); it can be agreed
    // in preparation and withdrawn at any moment.
    const std::string& touch_consent() const { return touch_consent_; }
    void set_touch_consent(const std::string& agreed);
    // ---- the body going wrong (docs/patient-model.md, "Fluids and sodium", "When the body goes wrong")
    // The participant drinks (or is given by drip) `litres` of a fluid; recorded as a `fluid` event.
    // The trainee's water action is a 250 mL glass of water (no extra event: the action is recorded).
    void drink(double litres, Fluid kind, std::string_view by);
    // A medical measure from now on, recorded as a `treatment` event (with `text` when given).
    void treat(Treatment treatment, const std::string& text);
    // Raises a bodily event now: a cue (e.g. chest_pain) recorded as a `cue` event (the scenario's
    // text, or the default one), or a condition that develops: "hyperthermia" (heat builds until
    // actively cooled) or "hypertensive_surge" (pressure climbs until treated), recorded as a
    // `body` event. Returns false for an unknown name.
    // `strength` multiplies a condition's typical size (heat gain 1.5 C/h; surge +40/+20 mmHg).
    bool raise(std::string_view event, const std::string& text, double strength = 1);
    // Fluid balance and serum sodium now (the true values; a lab test adds its own scatter).
    FluidState fluids_now() const;
    // A point-of-care sodium test: the value (whole mmol/L, with +/-1 scatter from the monitor's
    // generator), recorded as a `lab` event.
    int measure_sodium();
    // Whether the participant has had chest pain (raised or drawn) so far.
    bool had_cue(Cue cue) const;
    const std::vector<Treatment>& treatments() const { return treatments_; }
    // A reading now (with measurement noise, from the monitor's own generator).
    Vitals vitals_now();
    // Felt drug intensity now, 0-1 (0 without a dose).
    double intensity_now() const;
    Window window() const { return window_of(state_, intensity_now()); }
    // Alerts raised by the latest reading that are still in force.
    std::vector<Alert> active_alerts() const { return active_alerts_; }
    const Physiology& physiology() const { return physiology_; }
    // The scenario's generator (math.random, line variants). The participant's
    // body and the monitor draw from their own streams of the same seed, so
    // checking vitals more or less often never changes what the participant says.
    Rng& rng() { return rng_; }
    int count_code(std::string_view code) const;
    // What the participant said last (the context a typed response is heard in); empty before they speak.
    std::string last_participant_line() const;
    std::optional<Seconds> last_code(std::string_view code) const;
    bool did(std::string_view id) const;

private:
    void emit(std::string type, Json data = Json::object(), std::shared_ptr<const Choice> offered = nullptr);
    // Records an event made in place from its type and its other fields (Event's, from `at` on).
    // Nothing is recorded after the end, nor past the transcript limit but the end itself.
    template <class... Fields>
    void emit_event(std::string_view type, Fields&&... fields);
    void limit_reached();
    void make_events() const;
    void advance(Seconds duration);
    void give_dose(double mg, std::string_view kind);
    void record_vitals();
    void emit_state(std::string_view cause);
    void evolve(Seconds until);
    void physical_effect(ActionKind action);
    void emit_cue(Cue cue, const std::string& text);
    std::string cue_text(Cue cue) const;
    double minutes_now() const { return static_cast<double>(now_) / 60.0; }
    void end(std::string reason);
    void run_script(auto&& step, bool expects_new_choice);
    // The answer a move gives the open choice: an option (by id or number), an action an option
    // claims, or holding space; none for a move that leaves the choice open or does not apply.
    struct Answer {
        std::shared_ptr<const Choice> held;  // the choice `option` is in, kept while the script goes on
        const Option* option = nullptr;      // in `held`, or holding space where no option claims it
        std::optional<ActionKind> via;       // the action it does
    };
    std::optional<Answer> answer_to(const TraineeAction& move) const;
    void respond(const Option& option, std::optional<ActionKind> via);
    void take_response(const Option& option, std::optional<ActionKind> via);
    void respond_typed(const TraineeAction& action, const TypedMatch& match);
    void act(ActionKind action);
    // The order the next choice's options are shown in (order[k]: the written place shown k-th).
    std::span<const std::size_t> draw_order(std::size_t options);
    void offer(std::shared_ptr<const Choice> shown);

    std::shared_ptr<const ScenarioInfo> shared_info_;
    const ScenarioInfo& info_;  // *shared_info_
    std::unique_ptr<Script> script_;
    Rng rng_;
    Rng noise_rng_;
    Rng order_rng_;  // the order options are shown in
    Physiology physiology_;
    CueSchedule schedule_;  // its cues and body events, window after window (advance)
    std::vector<Dose> doses_;
    std::vector<Intervention> interventions_;
    std::vector<Intake> intakes_;
    std::vector<Treatment> treatments_;
    std::vector<Cue> cues_had_;
    std::vector<Alert> active_alerts_;
    std::optional<Vitals> last_vitals_;
    PatientState state_;
    std::string touch_consent_;
    std::string music_;
    mutable std::vector<Event> events_;  // their data made by events(), from the first not made yet
    mutable std::size_t made_ = 0;
    std::vector<HistoryEntry> history_;
    std::shared_ptr<const Choice> choice_;  // the last offered, shared with its event (never null)
    std::vector<std::size_t> order_;        // draw_order's
    Responder* responder_ = nullptr;
    std::size_t choices_offered_ = 0;
    Answer answered_at_once_;  // what answer_at_once() returned, kept until the scenario has read it
    std::optional<ScriptError> failure_;
    Seconds now_ = 0;
    std::optional<Seconds> dose_at_;
    std::optional<Seconds> supplemental_due_;
    std::optional<Seconds> next_monitor_;
    bool started_ = false;
    bool waiting_ = false;
    bool over_ = false;
    bool choice_offered_ = false;
    std::size_t text_bytes_ = 0;       // what the transcript's strings hold
    std::string output_limit_error_;   // set when a limit below is reached
    std::string output_limit_where_;   // "file:line: " of the scenario call that met it
};

// A session's transcript is held in memory (and printed by play --json, kept by records), so a
// scenario that narrates in a loop must not grow it without end: the Lua heap cap does not count it.
constexpr std::size_t max_session_events = 100'000;
constexpr std::size_t max_session_text_bytes = 64u << 20;  // 64 MiB of event text

constexpr Seconds seconds_per_response = 60;
constexpr Seconds monitor_interval = 30 * 60;  // a vitals reading at least every 30 min while dosed
constexpr double glass_of_water_l = 0.25;      // what the trainee's water action gives

}  // namespace holdspace
