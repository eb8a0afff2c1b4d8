// Reports of a recorded session, as a supervisor, a researcher and a record store see them.
#include "records/report.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace holdspace;

namespace {

records::ReportInput sample() {
    records::ReportInput in;
    in.session = 12;
    in.trainee = "t-017";
    in.scenario_id = "medicine.memory_surfaces";
    in.scenario_title = "The hallway <script>alert(1)</script>";
    in.started_at = "2026-11-21T10:00:00Z";
    in.seed = 4;
    in.events = Json::parse(R"([{"type":"start","t":0},{"type":"vitals","t":0,"hr":72,"sbp":120,"dbp":78,"temp_c":36.7},
        {"type":"state","t":1,"distress":40.0},{"type":"vitals","t":90,"hr":112,"sbp":165,"dbp":90,"temp_c":37.6},
        {"type":"end","t":400,"reason":"script"}])");
    in.score = Json::parse(R"({"rubric":"patient_directed","overall":42.5,"pass":false,"pass_mark":70,
        "domains":{"presence":50.0,"safety":null},
        "critical":[{"t":120,"message":"Touch without agreed consent."}],
        "miti":{"reflections":2,"complex_reflections":1,"questions":1,"reflection_to_question_level":"good","percent_complex_level":"good"},
        "moments":[{"t":40,"kind":"moment","moment":"onset","situation":"Ines: \"It's starting\"","response":"reassure",
                    "response_text":"Don't worry, you're safe","codes":["premature_reassurance"],"judgement":"poor","fraction":0.0,
                    "principles":["Reassurance closes down what is emerging."],
                    "expert":{"text":"It's coming on.","rationale":"Follow, don't lead."}}]})");
    in.annotations.push_back({3, "Dr Rao", "Look at the pulse here & talk about it."});
    return in;
}

}  // namespace

TEST_CASE("the HTML report is one standalone page with the critical errors, moments, notes and a chart") {
    const std::string html = records::html_report(sample());
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);  // the scenario's text is escaped, never run
    CHECK(html.find("The hallway &lt;script&gt;") != std::string::npos);
    CHECK(html.find("Critical errors") < html.find("Domains"));
    CHECK(html.find("Touch without agreed consent.") != std::string::npos);
    CHECK(html.find("An expert: It&#39;s coming on.") != std::string::npos);
    CHECK(html.find("Look at the pulse here &amp; talk about it.") != std::string::npos);
    CHECK(html.find("[1:30] Dr Rao") != std::string::npos);  // the note sits at its event's time
    CHECK(html.find("<svg") != std::string::npos);
    CHECK(html.find("<polyline") != std::string::npos);
    CHECK(html.find("http") == std::string::npos);  // nothing fetched from anywhere
}

TEST_CASE("CSV rows per moment, with pseudonymised trainees on request") {
    const auto in = sample();
    const std::string plain = records::csv_report(in);
    CHECK(plain.find("session,trainee,scenario") == 0);
    CHECK(plain.find("12,t-017,medicine.memory_surfaces,4,patient_directed,42.5,0,40,onset,moment,reassure,premature_reassurance,poor,0") !=
          std::string::npos);
    const std::string pseudo = records::pseudonymise("t-017", "salt");
    CHECK(pseudo == records::pseudonymise("t-017", "salt"));
    CHECK(pseudo != records::pseudonymise("t-017", "other salt"));
    const std::string hidden = records::csv_report(in, pseudo);
    CHECK(hidden.find("t-017") == std::string::npos);
    CHECK(hidden.find(pseudo) != std::string::npos);
}

TEST_CASE("xAPI statements: launched, each moment, completed and passed/failed, with stable ids") {
    const auto st = records::xapi_statements(sample(), "https://training.example.org/holdspace");
    REQUIRE(st.size() == 4);
    CHECK(st[0]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/launched");
    CHECK(st[1]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/responded");
    CHECK(st[2]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/completed");
    CHECK(st[3]["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed");
    CHECK(st[3]["result"]["score"]["scaled"] == 0.425);
    CHECK(st[3]["result"]["success"] == false);
    const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    for (const auto& s : st) {
        CHECK(std::regex_match(s["id"].get<std::string>(), uuid));
        CHECK(s["actor"]["account"]["name"] == "t-017");
        CHECK(s["context"]["contextActivities"]["grouping"][0]["id"] ==
              "https://training.example.org/holdspace/rubrics/patient_directed");
    }
    CHECK(records::xapi_statements(sample(), "https://training.example.org/holdspace") == st);  // re-sent, not duplicated
    CHECK(st[0]["id"] != st[2]["id"]);
}

TEST_CASE("the report's charts have y-axis values; a session without vital signs shows no empty vitals chart") {
    auto with_vitals = sample();
    const std::string html = records::html_report(with_vitals);
    // Each measure has its own strip with values on its y-axis and its threshold labelled.
    CHECK(html.find("heart rate (bpm)") != std::string::npos);
    CHECK(html.find("class=\"y-axis\"") != std::string::npos);
    CHECK(html.find(">160</text>") != std::string::npos);   // the top of the heart rate and systolic axes
    CHECK(html.find(">100</text>") != std::string::npos);   // distress
    CHECK(html.find(">37.8</text>") != std::string::npos);  // temperature (35.5-40 in quarters)
    CHECK(html.find("alert above 100") != std::string::npos);
    CHECK(html.find("No vital signs were taken") == std::string::npos);

    auto talk = sample();  // an integration session: the participant's state, no readings
    talk.events = Json::parse(R"([{"type":"start","t":0},{"type":"state","t":1,"distress":40.0},
        {"type":"state","t":30,"distress":25.0},{"type":"end","t":60,"reason":"script"}])");
    const std::string no_vitals = records::html_report(talk);
    CHECK(no_vitals.find("No vital signs were taken in this session.") != std::string::npos);
    CHECK(no_vitals.find("heart rate") == std::string::npos);
    CHECK(no_vitals.find("systolic") == std::string::npos);
    CHECK(no_vitals.find("temperature") == std::string::npos);
    CHECK(no_vitals.find("distress (0-100)") != std::string::npos);
    CHECK(no_vitals.find("<polyline") != std::string::npos);
}

TEST_CASE("the report counts in words that agree with the number, and lists the actions taken at a moment") {
    auto in = sample();
    in.score["miti"]["reflections"] = 1;
    in.score["miti"]["questions"] = 1;
    in.score["moments"][0]["actions"] = Json::array({"check_vitals"});
    const std::string html = records::html_report(in);
    CHECK(html.find("1 reflection (1 complex), 1 question;") != std::string::npos);
    CHECK(html.find("Before answering: Check vitals") != std::string::npos);
}
