// Issue 14, "Unbounded host resources": a session's transcript is capped (max_session_events,
// max_session_text_bytes), because the Lua heap cap does not count it. A scenario that narrates
// in a loop once drove `play --json` to 3 GB.
#include "sim/session.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace holdspace;

namespace {

struct LoopingScript : Script {
    std::function<ScriptStatus(Session&)> body;
    ScriptStatus start(Session& s) override { return body(s); }
    ScriptStatus resume(Session&, const Option&) override { return ScriptStatus::finished; }
    void on_action(Session&, ActionKind) override {}
};

ScenarioInfo info() {
    ScenarioInfo i;
    i.source = "loop.lua";
    i.id = "test.loop";
    i.title = "Loop";
    i.phase = "preparation";
    i.rubric = "patient_directed";
    i.patient.name = "Alex";
    i.patient.baseline = {70, 120, 80, 36.8};
    return i;
}

Session looping(std::function<ScriptStatus(Session&)> body) {
    auto script = std::make_unique<LoopingScript>();
    script->body = std::move(body);
    return Session(info(), std::move(script), 1);
}

std::size_t text_of(const Session& s) {
    std::size_t n = 0;
    for (const auto& e : s.events()) n += e.data.dump().size();
    return n;
}

}  // namespace

TEST_CASE("a script that narrates without end fails at the event limit and the transcript stays bounded") {
    auto session = looping([](Session& s) {
        // A script that ignores the limit (the Lua side raises; a C++ script cannot be stopped).
        for (std::size_t i = 0; i < 2 * max_session_events; ++i) s.narrate("again");
        return ScriptStatus::finished;
    });
    session.start();
    REQUIRE(session.over());
    REQUIRE(session.failure());
    const std::string message = session.failure()->what();
    CHECK(message.find("loop.lua:") == 0);
    CHECK(message.find("transcript limit") != std::string::npos);
    CHECK(message.find(std::to_string(max_session_events) + " events") != std::string::npos);
    CHECK(session.events().size() <= max_session_events + 1);
    CHECK(session.events().back().type == "end");  // the end still says why
    CHECK(session.output_limit_error().find("transcript limit") == 0);
}

TEST_CASE("long lines meet the text limit before the event limit") {
    const std::string line(4000, 'x');
    auto session = looping([&](Session& s) {
        for (std::size_t i = 0; i < 40'000; ++i) s.narrate(line);  // 160 MB unbounded
        return ScriptStatus::finished;
    });
    session.start();
    REQUIRE(session.failure());
    CHECK(std::string(session.failure()->what()).find("64 MiB of text") != std::string::npos);
    CHECK(text_of(session) <= max_session_text_bytes + (1u << 20));
    CHECK(session.events().size() < max_session_events);
}

TEST_CASE("where the script side says the limit was met, the failure names it") {
    auto session = looping([](Session& s) {
        for (std::size_t i = 0; i <= max_session_events; ++i) s.narrate("again");
        s.locate_output_limit("loop.lua:7: ");
        s.locate_output_limit("loop.lua:99: ");  // only the first place counts
        return ScriptStatus::finished;
    });
    session.start();
    REQUIRE(session.failure());
    CHECK(std::string(session.failure()->what()).find("loop.lua:7: transcript limit") == 0);
}

TEST_CASE("a session well inside the limits is not touched by them") {
    auto session = looping([](Session& s) {
        for (int i = 0; i < 5000; ++i) s.narrate("a line of narration");
        return ScriptStatus::finished;
    });
    session.start();
    CHECK(session.over());
    CHECK_FALSE(session.failure());
    CHECK(session.output_limit_error().empty());
}
