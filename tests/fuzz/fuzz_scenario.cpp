// Fuzzes scenario loading (engine/script): source text is loaded into a fresh
// sandbox and checked against the scenario contract, and a scenario that loads
// is played for a few responses. Any problem must arrive as a ScriptError (load)
// or end the session with a failure (play); the budgets are small so that one
// input runs in milliseconds.
#include "script/lua_scenario.hpp"
#include "sim/session.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace holdspace;
    script::Limits limits;
    limits.work_per_entry = 200'000;
    limits.memory_bytes = 8u << 20;
    limits.max_string_bytes = 64u << 10;
    limits.time_per_entry = std::chrono::milliseconds(200);  // 25 entries stay well inside -timeout=10

    const std::string source(reinterpret_cast<const char*>(data), size);
    script::LoadedScenario loaded;
    try {
        loaded = script::load_scenario_source(source, "fuzz.lua", limits);
    } catch (const ScriptError&) {
        return 0;
    }
    Session session(std::move(loaded.info), std::move(loaded.script), 1);
    session.start();
    // A fixed walk: options in turn, with a non-verbal action and a wait now and then.
    for (int step = 0; step < 24 && !session.over(); ++step) {
        const Choice* choice = session.choice();
        if (!choice) break;
        TraineeAction action;
        if (step % 7 == 3)
            action = TraineeAction::act(ActionKind::check_vitals);
        else if (step % 11 == 5)
            action = TraineeAction::wait_for(15);
        else
            action = TraineeAction::choose(choice->options[static_cast<std::size_t>(step) % choice->options.size()].id);
        std::string error;
        session.apply(action, error);
    }
    // The transcript is bounded whatever the scenario does (issue 14: max_session_events).
    if (session.events().size() > max_session_events + 1) __builtin_trap();
    return 0;
}
