// The session state machine, driven by a scripted fake (no Lua).
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <set>

using namespace holdspace;

namespace {

// A script written in C++: a list of steps, one per stretch between choices.
struct FakeScript : Script {
    std::function<ScriptStatus(Session&)> on_start;
    std::function<ScriptStatus(Session&, const Option&)> on_resume;
    std::vector<std::string> actions_seen;

    ScriptStatus start(Session& s) override { return on_start(s); }
    ScriptStatus resume(Session& s, const Option& o) override { return on_resume(s, o); }
    void on_action(Session& s, ActionKind a) override {
        actions_seen.emplace_back(action_info(a).name);
        s.narrate("noticed " + std::string(action_info(a).name));
    }
};

ScenarioInfo info(bool dosed = false) {
    ScenarioInfo i;
    i.source = "fake.lua";
    i.id = "test.fake";
    i.title = "Fake";
    i.phase = dosed ? "medicine" : "preparation";
    i.rubric = "patient_directed";
    i.patient.name = "Alex";
    i.patient.baseline = {70, 120, 80, 36.8};
    if (dosed) i.dose = DosePlan{120, 60, 120};
    return i;
}

Choice two_options() {
    Choice c;
    c.moment = "m";
    c.options = {Option{"reflect", "You feel it.", "", "", {"complex_reflection"}, true},
                 Option{"reassure", "It's fine.", "", "", {"premature_reassurance"}, false}};
    return c;
}

// Starts with a line and a choice; on any response says one line and ends.
std::unique_ptr<FakeScript> one_choice_script() {
    auto script = std::make_unique<FakeScript>();
    script->on_start = [](Session& s) {
        s.say("Hello.", "calm");
        s.wait(30 * 60);
        s.offer_choice(two_options());
        return ScriptStatus::waiting_for_trainee;
    };
    script->on_resume = [](Session& s, const Option& o) {
        s.say("You chose " + o.id, "calm");
        return ScriptStatus::finished;
    };
    return script;
}

// The n-th (0-based) event of a type.
const Event& nth(const Session& s, const std::string& type, int n = 0) {
    for (const auto& e : s.events())
        if (e.type == type && n-- == 0) return e;
    static const Event none{"none", -1, {}};
    return none;
}

std::vector<std::string> types(const Session& s) {
    std::vector<std::string> out;
    for (const auto& e : s.events()) out.push_back(e.type);
    return out;
}

}  // namespace

TEST_CASE("a session runs the script to its first choice and waits") {
    Session s(info(), one_choice_script(), 1);
    s.start();
    REQUIRE(s.choice());
    CHECK(s.choice()->options.size() == 2);
    CHECK(s.now() == 30 * 60);
    CHECK(types(s) == std::vector<std::string>{"start", "state", "say", "wait", "choice"});  // no dose: no monitor
    CHECK_FALSE(s.over());
}

TEST_CASE("choosing an option resumes the script; a response takes one simulated minute") {
    Session s(info(), one_choice_script(), 1);
    s.start();
    std::string error;
    REQUIRE(s.choice());
    const std::string second = s.choice()->options[1].id;  // numbers mean the order shown
    const auto applied = s.apply(TraineeAction::choose("2"), error);
    REQUIRE(applied);
    CHECK(applied->option == second);  // records keep the id, not the number
    REQUIRE(applied->option == "reassure");  // (seed 1 shows these two as written)
    CHECK(s.over());
    const auto& events = s.events();
    CHECK(nth(s, "response").data["codes"][0] == "premature_reassurance");
    CHECK(nth(s, "say", 1).data["text"] == "You chose reassure");
    CHECK(nth(s, "say", 1).at == 31 * 60);
    CHECK(events.back().type == "end");
    CHECK(events.back().data["reason"] == "script");
    CHECK(s.count_code("premature_reassurance") == 1);
    CHECK(s.did("reassure"));
    CHECK_FALSE(s.did("reflect"));
}

TEST_CASE("an action that does not apply changes nothing and says why") {
    Session s(info(), one_choice_script(), 1);
    s.start();
    const auto before = s.events().size();
    std::string error;
    CHECK_FALSE(s.apply(TraineeAction::choose("shout"), error));
    CHECK(error.find("no option 'shout'") != std::string::npos);
    CHECK(error.find("1=reflect") != std::string::npos);
    CHECK_FALSE(s.apply(TraineeAction::choose("3"), error));
    CHECK(s.events().size() == before);
    CHECK(s.now() == 30 * 60);
}

TEST_CASE("holding space always answers a choice, as the default silent option") {
    Session s(info(), one_choice_script(), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::hold_space), error));
    CHECK(nth(s, "response").data["option"] == "hold_space");
    CHECK(nth(s, "response").data["codes"][0] == "holding_space");
    CHECK(nth(s, "say", 1).data["text"] == "You chose hold_space");
}

TEST_CASE("an option can claim a non-verbal action") {
    auto script = one_choice_script();
    script->on_start = [](Session& s) {
        Choice c = two_options();
        c.options.push_back(Option{"sip", "", "water", "", {"offering_comfort"}, false});
        s.offer_choice(c);
        return ScriptStatus::waiting_for_trainee;
    };
    Session s(info(), std::move(script), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::water), error));
    CHECK(s.events().back().type == "end");
    CHECK(s.did("sip"));
}

TEST_CASE("unclaimed actions are recorded, run on_action and leave the choice open") {
    auto script = one_choice_script();
    FakeScript* fake = script.get();
    Session s(info(), std::move(script), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::blanket), error));
    REQUIRE(s.apply(TraineeAction::act(ActionKind::check_vitals), error));
    CHECK(fake->actions_seen == std::vector<std::string>{"blanket", "check_vitals"});
    REQUIRE(s.choice());
    CHECK(s.now() == 32 * 60);
    const auto t = types(s);
    CHECK(std::count(t.begin(), t.end(), "vitals") == 1);
    CHECK(s.count_code("checking_vitals") == 1);
    CHECK(s.count_code("offering_comfort") == 1);
}

TEST_CASE("touch is coded by the consent in force at that moment") {
    ScenarioInfo i = info();
    i.patient.touch_consent = "hand on shoulder";
    Session s(i, one_choice_script(), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::touch), error));
    CHECK(s.count_code("touch_within_consent") == 1);
    s.set_touch_consent("");
    REQUIRE(s.apply(TraineeAction::act(ActionKind::touch), error));
    CHECK(s.count_code("touch_without_consent") == 1);
}

TEST_CASE("the trainee can end the session at any choice") {
    Session s(info(), one_choice_script(), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::end), error));
    CHECK(s.over());
    CHECK(s.events().back().data["reason"] == "trainee");
    CHECK_FALSE(s.apply(TraineeAction::choose("1"), error));
    CHECK(error == "the session is over");
}

TEST_CASE("waiting jumps the clock; a dosed session is monitored every 30 minutes and gets its supplemental dose") {
    Session s(info(true), one_choice_script(), 1);
    s.start();
    CHECK(s.since_dose() == 30 * 60);
    std::string error;
    REQUIRE(s.apply(TraineeAction::wait_for(100), error));
    CHECK(s.now() == 130 * 60);
    std::vector<Seconds> vitals_at, doses_at;
    for (const auto& e : s.events()) {
        if (e.type == "vitals") vitals_at.push_back(e.at / 60);
        if (e.type == "dose") doses_at.push_back(e.at / 60);
    }
    CHECK(vitals_at == std::vector<Seconds>{0, 30, 60, 90, 120});
    CHECK(doses_at == std::vector<Seconds>{0, 120});
}

TEST_CASE("a script error ends the session with the message and keeps the transcript") {
    auto script = one_choice_script();
    script->on_resume = [](Session&, const Option&) -> ScriptStatus {
        throw ScriptError("fake.lua:12: attempt to index a nil value", {"fake.lua:12: in function 'run'"});
    };
    Session s(info(), std::move(script), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::choose("reflect"), error));
    REQUIRE(s.failure());
    CHECK(std::string(s.failure()->what()) == "fake.lua:12: attempt to index a nil value");
    CHECK(s.over());
    CHECK(s.events().back().data["reason"] == "error");
    CHECK(s.events().back().data["message"] == "fake.lua:12: attempt to index a nil value");
}

TEST_CASE("a script that pauses without offering a choice is an error, not a hang") {
    auto script = one_choice_script();
    script->on_start = [](Session&) { return ScriptStatus::waiting_for_trainee; };
    Session s(info(), std::move(script), 1);
    s.start();
    REQUIRE(s.failure());
    CHECK(std::string(s.failure()->what()).find("without offering a choice") != std::string::npos);
}

TEST_CASE("state is clamped to 0-100 and every change is in the transcript") {
    Session s(info(), one_choice_script(), 1);
    s.start();
    CHECK(s.set_state("distress", 140));
    CHECK(s.state().distress == 100);
    CHECK(s.set_state("trust", -5));
    CHECK(s.state().trust == 0);
    CHECK_FALSE(s.set_state("mood", 3));
    CHECK(s.events().back().type == "state");
    CHECK(s.events().back().data["trust"] == 0.0);
    CHECK(s.events().back().data["distress"] == 100.0);
    CHECK(s.events().back().data["cause"] == "scenario");
}

TEST_CASE("same seed and actions give the same transcript; another seed gives other readings") {
    auto run = [](std::uint64_t seed) {
        Session s(info(true), one_choice_script(), seed);
        s.start();
        std::string error;
        s.apply(TraineeAction::act(ActionKind::check_vitals), error);
        s.apply(TraineeAction::wait_for(45), error);
        s.apply(TraineeAction::choose("reflect"), error);
        return transcript_json(s.events()).dump();
    };
    CHECK(run(5) == run(5));
    CHECK(run(5) != run(6));
}

TEST_CASE("events report whole minutes as integers and other times as fractions") {
    Event e{"say", 90, {{"text", "x"}}};
    CHECK(e.to_json().dump() == R"({"type":"say","t":1.5,"text":"x"})");
    Event f{"say", 120, {}};
    CHECK(f.to_json().dump() == R"({"type":"say","t":2})");
}

// ---- Order carries no information (issue 13) ----

namespace {

Choice four_options() {
    Choice c;
    c.moment = "m";
    c.options = {Option{"expert", "You feel it.", "", "", {"complex_reflection"}, true},
                 Option{"b", "It's fine.", "", "", {"premature_reassurance"}, false},
                 Option{"c", "Why now?", "", "", {"open_question"}, false},
                 Option{"d", "Breathe with me.", "", "", {"grounding"}, false}};
    return c;
}

std::unique_ptr<FakeScript> four_option_script(std::uint64_t* first_draw = nullptr) {
    auto script = std::make_unique<FakeScript>();
    script->on_start = [](Session& s) {
        s.offer_choice(four_options());
        return ScriptStatus::waiting_for_trainee;
    };
    script->on_resume = [first_draw](Session& s, const Option&) {
        if (first_draw) *first_draw = s.rng().next_u64();
        return ScriptStatus::finished;
    };
    return script;
}

std::vector<std::string> shown(const Session& s) {
    std::vector<std::string> ids;
    const Json written = nth(s, "choice").to_json();  // as the transcript has it
    for (const auto& o : written.at("options")) ids.push_back(o.at("id").get<std::string>());
    return ids;
}

}  // namespace

TEST_CASE("options are shown in an order drawn from the seed: the same seed shows the same order, numbers mean it, ids are kept") {
    int expert_first = 0;
    std::set<std::vector<std::string>> orders;
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        Session s(info(), four_option_script(), seed);
        s.start();
        REQUIRE(s.choice());
        const auto order = shown(s);
        // The choice event lists the options as the session holds them, in the order shown.
        REQUIRE(order.size() == 4);
        for (std::size_t i = 0; i < order.size(); ++i) CHECK(s.choice()->options[i].id == order[i]);
        // Each keeps its place as written.
        for (const auto& o : s.choice()->options) CHECK(o.written == (o.id == "expert" ? 0 : o.id[0] - 'a'));
        expert_first += order.front() == "expert";
        orders.insert(order);
        // The same seed, another process's worth of session: the same order.
        Session again(info(), four_option_script(), seed);
        again.start();
        CHECK(shown(again) == order);
        // "3" is the third option shown; the record keeps its id.
        std::string error;
        const auto applied = s.apply(TraineeAction::choose("3"), error);
        REQUIRE(applied);
        CHECK(applied->option == order[2]);
        CHECK(nth(s, "response").data["option"] == order[2]);
    }
    // Position tells nothing: the expert is first about a quarter of the time, and every order occurs.
    CHECK(expert_first > 30);
    CHECK(expert_first < 70);
    CHECK(orders.size() == 24);
}

TEST_CASE("shuffling draws from a stream of its own: the scenario's random numbers are the same whatever is offered") {
    std::uint64_t drawn = 0;
    Session s(info(), four_option_script(&drawn), 9);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::choose("expert"), error));
    Rng reference(9);
    CHECK(drawn == reference.next_u64());
}

TEST_CASE("touch agreed as 'ask first' is within consent only right after asking") {
    ScenarioInfo i = info();
    i.patient.touch_consent = "hand on shoulder";
    i.patient.touch_ask_first = true;
    auto script = std::make_unique<FakeScript>();
    script->on_start = [](Session& s) {
        Choice c;
        c.moment = "m";
        c.options = {Option{"ask", "May I put my hand on your shoulder?", "", "", {"consent_check"}, true},
                     Option{"other", "Mm.", "", "", {"simple_reflection"}, false}};
        s.offer_choice(c);
        return ScriptStatus::waiting_for_trainee;
    };
    script->on_resume = [](Session& s, const Option& o) {
        Choice c;
        c.moment = o.id == "ask" ? "after_asking" : "later";
        c.options = {Option{"x", "Mm.", "", "", {"simple_reflection"}, true}};
        s.offer_choice(c);
        return ScriptStatus::waiting_for_trainee;
    };
    Session s(i, std::move(script), 1);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::touch), error));  // unannounced
    CHECK(s.count_code("touch_without_consent") == 1);
    REQUIRE(s.apply(TraineeAction::choose("ask"), error));
    REQUIRE(s.apply(TraineeAction::act(ActionKind::touch), error));  // just after asking
    CHECK(s.count_code("touch_within_consent") == 1);
    CHECK(s.count_code("touch_without_consent") == 1);
}

TEST_CASE("release frees an event's data however deep, and leaves it null") {
    Json deep = Json::array();
    Json* inner = &deep;
    for (int i = 0; i < 100000; ++i) {  // far deeper than any event: past a depth the destructor takes over
        inner->push_back(Json::object({{"at", i}, {"more", Json::array()}}));
        inner = &(*inner)[0]["more"];
    }
    release(deep);
    CHECK(deep.is_null());
    std::vector<Event> events{{"say", 0, {{"speaker", "Sam"}, {"text", std::string(100, 'x')}}},
                              {"choice", 60, {{"options", {{{"id", "a"}, {"codes", {"open_question"}}}}}}}};
    release(events);
    CHECK(events.empty());
}

TEST_CASE("a choice event shares the choice offered, and its JSON lists the options as shown, after its other fields") {
    auto script = one_choice_script();
    script->on_start = [](Session& s) {
        Choice c = two_options();
        c.prompt = "What now?";
        c.flags = {"physical_complaint"};
        c.options[0].rationale = "Names the feeling.";
        c.options.push_back(Option{"sip", "", "water", "", {"offering_comfort", "checking_vitals"}, false});
        s.offer_choice(std::move(c));
        return ScriptStatus::waiting_for_trainee;
    };
    Session s(info(), std::move(script), 3);
    s.start();
    REQUIRE(s.choice());
    const Event& e = nth(s, "choice");
    CHECK(e.offered.get() == s.choice());  // the same choice, not a copy
    CHECK_FALSE(e.data.contains("options"));
    Json expected = Json::array();
    for (const auto& o : s.choice()->options) {
        Json option = {{"id", o.id}};
        if (!o.text.empty()) option["text"] = o.text;
        if (!o.action.empty()) option["action"] = o.action;
        option["codes"] = o.codes;
        if (o.expert) option["expert"] = true;
        if (!o.rationale.empty()) option["rationale"] = o.rationale;
        expected.push_back(option);
    }
    const Json written = e.to_json();
    CHECK(written.dump() == Json{{"type", "choice"}, {"t", 0}, {"moment", "m"}, {"prompt", "What now?"},
                                 {"flags", {"physical_complaint"}}, {"options", expected}}.dump());
    std::size_t at = 0;
    while (s.events()[at].type != "choice") ++at;
    CHECK(transcript_json(s.events()).at(at).dump() == written.dump());
    CHECK(transcript_json(s.take_events()).at(at).dump() == written.dump());  // (the events moved from)
}

TEST_CASE("what an event counts against the transcript limit is what its JSON holds, options and all") {
    auto script = one_choice_script();
    script->on_start = [](Session& s) {
        s.say("A line of some length, to count.", "tearful");
        Choice c = two_options();
        c.options[1].rationale = "Closes the feeling down.";
        c.options.push_back(Option{"sip", "", "water", "", {"offering_comfort"}, false});
        s.offer_choice(std::move(c));
        return ScriptStatus::waiting_for_trainee;
    };
    Session s(info(true), std::move(script), 5);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::choose("reflect"), error));
    int choices = 0;
    for (const auto& e : s.events()) {
        Json fields = e.to_json();
        fields.erase("type");
        fields.erase("t");
        CHECK(e.text_bytes() == e.type.size() + text_bytes(fields));
        choices += e.type == "choice";
    }
    CHECK(choices == 1);
}

TEST_CASE("a session records its busiest events unmade: made, each writes, counts and reads as it always did") {
    auto script = one_choice_script();
    script->on_start = [](Session& s) {
        s.say("A line long enough to be kept apart from its event.", "tearful");
        Choice c = two_options();
        c.prompt = "What do you say?";
        c.flags = {"physical_complaint"};
        c.options.push_back(Option{"sip", "", "water", "", {"offering_comfort"}, false});
        s.offer_choice(std::move(c));
        return ScriptStatus::waiting_for_trainee;
    };
    script->on_resume = [](Session& s, const Option& o) {
        s.say("You chose " + o.id, "");
        s.offer_choice(two_options());
        return ScriptStatus::waiting_for_trainee;
    };
    Session s(info(true), std::move(script), 5);
    s.start();
    std::string error;
    REQUIRE(s.apply(TraineeAction::act(ActionKind::water), error));  // the option that claims it: taken by an action
    REQUIRE(s.apply(TraineeAction::choose("reflect"), error));
    REQUIRE(s.apply(TraineeAction::act(ActionKind::hold_space), error));  // no option holds it: made at once

    // Read as recorded, before anything made their data.
    std::set<std::string> unmade;
    Json written = Json::array();
    for (const Event& e : s.recorded_events()) {
        CAPTURE(e.type);
        written.push_back(e.to_json());
        if (e.made()) continue;
        unmade.insert(e.type);
        CHECK(e.data.is_null());
        Event made = e;
        make_data(made);
        CHECK(made.made());
        CHECK(made.to_json() == e.to_json());
        CHECK(made.text_bytes() == e.text_bytes());
        Json fields = e.to_json();
        fields.erase("type");
        fields.erase("t");
        CHECK(e.text_bytes() == e.type.size() + text_bytes(fields));
    }
    CHECK(unmade == std::set<std::string>{"say", "state", "choice", "response"});
    const auto first_line = std::find_if(written.begin(), written.end(), [](const Json& j) { return j["type"] == "say"; });
    REQUIRE(first_line != written.end());
    CHECK(first_line->dump() == R"({"type":"say","t":0,"speaker":"Alex","text":"A line long enough to be kept apart from its event.","affect":"tearful"})");
    const auto first_choice = std::find_if(written.begin(), written.end(), [](const Json& j) { return j["type"] == "choice"; });
    REQUIRE(first_choice != written.end());
    Json choice_fields = *first_choice;
    CHECK(choice_fields["options"].size() == 3);
    choice_fields.erase("options");
    CHECK(choice_fields.dump() == R"({"type":"choice","t":0,"moment":"m","prompt":"What do you say?","flags":["physical_complaint"]})");
    bool acted = false, held = false;
    for (const auto& entry : written)
        if (entry["type"] == "response") {
            acted = acted || entry.dump() == R"({"type":"response","t":0,"option":"sip","action":"water","codes":["offering_comfort"]})";
            held = held || (entry["option"] == "hold_space" && entry["action"] == "hold_space");
        }
    CHECK(acted);
    CHECK(held);
    CHECK(s.last_participant_line() == "You chose hold_space");  // read from the line unmade

    // Read as a transcript: every event made, the same JSON.
    CHECK(transcript_json(s.events()) == written);
    for (const Event& e : s.recorded_events()) CHECK(e.made());
    CHECK(s.last_participant_line() == "You chose hold_space");  // and made
}
