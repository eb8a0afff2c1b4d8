// `holdspace new`: writes a commented scenario template that passes `check`.
// It uses every part of scenario API v1 once (docs/scenario-api.md), with three
// scored moments that each have an expert option and its rationale, and handles
// holding space at every choice.
#include "cli/commands.hpp"
#include "sim/event.hpp"
#include "records/text.hpp"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

namespace holdspace::cli {
namespace {

std::string replace_all(std::string text, const std::map<std::string, std::string>& values) {
    for (const auto& [key, value] : values) {
        const std::string marker = "{{" + key + "}}";
        for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size()))
            text.replace(at, marker.size(), value);
    }
    return text;
}

// The template. {{...}} are filled in per phase.
constexpr const char* scenario_template = R"LUA(-- {{TITLE}}: {{A_PHASE}} session for Holdspace (scenario API v1).
--
-- Written by `holdspace new`. It uses {{API_PARTS}} once, with a comment, and passes
-- `holdspace check` as it stands. Change the story, keep the shape, and check as you go:
--
--   holdspace check {{PATH}}                      lint: contract, codes, expert options, reachability
--   holdspace autoplay {{PATH}}                   1000 random playthroughs: errors, coverage, scores
--   holdspace autoplay {{PATH}} --policy exhaustive   every answer sequence
--   holdspace autoplay {{PATH}} --policy worst    the worst path a trainee could take
--   holdspace check --validity {{PATH}}           no test-wise strategy (longest, silence...) passes;
--                                                 three moments are too few for that: add your own
--   holdspace graph {{PATH}} > branches.dot       the branch graph (Graphviz; --format mermaid)
--   holdspace play {{PATH}}                       play it yourself
--
-- The tutorial is docs/authoring.md; the complete API is docs/scenario-api.md; how the rubric scores
-- the behaviour codes on each option is docs/rubrics.md and docs/behaviour-codes.md.
-- Cite the source of any clinical number you use in a comment (see DOMAIN.md).

-- Variables at the top of the file belong to one session: every session loads the file afresh.
-- `run` and `on_action` can share them.
local vitals_checked = false

-- A helper: was the answer silence? (Holding space always answers a choice, so handle it.)
local function silent(r) return r.action == "hold_space" end

return {
  id = "{{ID}}",                       -- unique and stable: records refer to it ([a-z0-9_.-])
  title = "{{TITLE}}",
  phase = "{{PHASE}}",                 -- preparation | medicine | integration
  rubric = "patient_directed",         -- scenarios/rubrics/patient_directed.lua scores it by default
  difficulty = "beginner",             -- beginner | intermediate | advanced
  description = "{{DESCRIPTION}}",
  objectives = {
    "Stay with what emerges without steering it",
    "{{OBJECTIVE2}}",
  },
  patient = {
    name = "Alex", age = 38, pronouns = "they/them",
    background = "Replace me: who the participant is, what happened to them, what they avoid.",
    baseline = { hr = 70, sbp = 120, dbp = 78, temp_c = 36.7 },  -- bpm, mmHg, mmHg, degrees C
    consent = { touch = "a hand on the forearm" },   -- what was agreed in preparation (false: none)
    state = { distress = 30, arousal = 50, trust = 60, inward_focus = 30, dissociation = 0 },
    -- sensitivity = { bp = 2.5 },   -- optional: fix how strongly the body answers the medicine
  },
{{DOSE}}  -- How behaviour codes move the participant's state, where this participant differs from the
  -- defaults in docs/patient-model.md. Here silence settles Alex a little more than usual.
  affect = { codes = { holding_space = { distress = -4, trust = 2 } } },

  -- A non-verbal action (water, blanket, music, eyeshades, touch, check_vitals,
  -- medical_support) that no option of the open choice claims. The choice stays open.
  on_action = function(s, action)
    if action == "water" then
      s:say("Thanks.", { affect = "warm" })
{{ON_VITALS}}    elseif action == "touch" then
      -- The engine codes touch within or without consent from the consent in force now.
      if s.patient.consent.touch then
        s:narrate("Alex's hand settles under yours.")
      else
        s:narrate("Alex pulls their arm away.")
        s:say("Please don't.", { affect = "withdrawn" })
      end
    end
  end,

  run = function(s)
    local p = s.patient                 -- the participant's state: read and write (0-100)

    s:phase("{{PHASE1}}")               -- marks the transcript
    s:narrate("{{OPENING}}")
    s:wait(30)                          -- simulated minutes pass
    -- A list of variants: one is drawn from the session's seed; weights may read the state.
    s:say{
      { text = "{{LINE1}}", affect = "anxious",
        weight = function(q) return q.trust end },
      { text = "{{LINE1B}}", affect = "withdrawn",
        weight = function(q) return 100 - q.trust end },
    }

    -- Moment 1 ---------------------------------------------------------------------------------
    -- A scored moment: `moment` names it for the debrief. Mark the expert option and say why
    -- in `rationale`; give every option the behaviour codes of what it does. The order you write
    -- options in is not the order shown: the session shuffles them from the seed. Write each
    -- wrong option as a warm, well-meaning novice would really say it, about as long as the
    -- expert's, so that only the skill finds the expert (check warns when length gives it away).
    local r = s:choose{
      moment = "first_words",
      prompt = "Alex is quiet, waiting to see what you do.",
      { id = "fw_reassure", text = "That's normal, and you're safe here with us. It will pass.",
        codes = { "premature_reassurance" },
        rationale = "Kindly meant, but reassurance closes down what is emerging." },
      { id = "fw_reflect", text = "{{EXPERT1}}",
        codes = { "complex_reflection", "encourage_inward_focus" }, expert = true,
        rationale = "Following, not leading: name what is there and trust their process." },
      { id = "fw_breathe", text = "Let's take a slow breath together first, in and out.",
        codes = { "grounding", "advice_giving" },
        rationale = "A breathing exercise nobody asked for takes charge of their process." },
      { id = "fw_silence", action = "hold_space", codes = { "holding_space" },
        rationale = "Quiet presence can be enough here." },
    }
    if r.id == "fw_reflect" then
      s:say("Yes. Something. I can let it be there.", { affect = "calm" })
    elseif r.id == "fw_reassure" then
      p.trust = p.trust - 5             -- the material's effect; codes move the state too
      s:say("...Okay.", { affect = "numb" })
    elseif silent(r) then
      s:narrate("Alex breathes out slowly.")
    end

{{MIDDLE}}    -- Consent can be withdrawn at any moment; touch after this is coded without consent.
    s:say("Can we leave out touch for the rest of today?", { affect = "calm" })
    s:set_touch_consent(false)
{{MUSIC}}
    s:wait(45)
    s:phase("{{PHASE3}}")

    -- Moment 3 ---------------------------------------------------------------------------------
    r = s:choose{
      moment = "closing",
      { id = "cl_explain", text = "{{EXPLAIN}}",
        codes = { "giving_information" },
        rationale = "Useful information, but it closes the session on your agenda, not theirs." },
      { id = "cl_interpret", text = "I think today was really about your fear of losing control.",
        codes = { "interpreting" },
        rationale = "Their meaning, not yours: sense-making belongs to the participant." },
      { id = "cl_affirm", text = "You stayed with a lot today. How would you like to close?",
        codes = { "affirmation", "seeking_collaboration" }, expert = true,
        rationale = "Recognise their effort and let them lead the close." },
    }
    if r.id == "cl_affirm" then
      s:say("I'd like to just sit for a bit.", { affect = "warm" })
    elseif silent(r) then
      s:narrate("{{SMILE}}")
    else
      s:say("Maybe.", { affect = "withdrawn" })
    end

    -- What the trainee did: the history, counts of codes, when a code last happened, and ids.
    if s:count("premature_reassurance") >= 2 then
      s:say("You kept telling me it was fine.", { affect = "sad" })
    end
{{ENDING}}    s:finish("{{CLOSING}}")             -- ends the session now (returning from run also ends it)
  end,
}
)LUA";

struct PhaseText {
    std::string description, dose, phase1, phase2, phase3, opening, line1, line1b, expert1, explain, closing;
    // The parts that differ beyond words: the medicine session measures the body and has a dose;
    // preparation and integration sessions are talk across a room.
    std::string api_parts, on_vitals, middle, music, smile, ending;
};

// The medicine session's middle: the body asks a question, measured with the cuff.
constexpr const char* medicine_middle = R"LUA(    s:wait(30)
    s:phase("{{PHASE2}}")
    -- The body: a reading now (not recorded), the alerts in force, the medicine's felt intensity
    -- (0-1) and the window of tolerance (hypo, within, hyper).
    local v = s:vitals()
    if s:intensity() > 0.5 or s:window() == "hyper" or v.hr > 90 then
      s:narrate("Alex presses a hand flat to their chest.")
    end
    for _, alert in ipairs(s:alerts()) do
      if alert == "sbp_high" then s:narrate("Alex's face is flushed.") end
    end
    s:say("My heart's going really fast. Is that okay?", { affect = "fearful" })

    -- Moment 2 ---------------------------------------------------------------------------------
    -- An option can stand for a non-verbal action: pressing v (check vitals) chooses vt_check.
    -- `flags` mark the choice for rubrics: physical_complaint (a bodily symptom, so a vitals
    -- check is indicated), direct_question (silence is no answer), suicidal_statement.
    r = s:choose{
      moment = "vitals",
      flags = { "physical_complaint", "direct_question" },
      { id = "vt_normal", text = "That's very normal at this stage. Try to go back inside.",
        codes = { "premature_reassurance", "encourage_inward_focus" },
        rationale = "Probably true, but unmeasured: you can't know without checking." },
      { id = "vt_check", action = "check_vitals",
        text = "I'll check your pulse and blood pressure now, so we know.",
        codes = { "checking_vitals", "giving_information" }, expert = true,
        rationale = "Safety first: a racing heart calls for measuring, not guessing." },
      { id = "vt_feel", text = "It sounds frightening. What does the fast heart feel like?",
        codes = { "complex_reflection", "open_question" },
        rationale = "Warm, but it explores a symptom that needs measuring first." },
    }
    if r.id == "vt_check" then
      local reading = s:last_vitals()   -- the reading just recorded
      s:narrate("The cuff reads " .. reading.sbp .. " over " .. reading.dbp .. ", pulse " .. reading.hr .. ".")
      if #s:alerts() > 0 then
        -- Cancels a supplemental dose not yet given; false when there is none (any phase).
        if s:withhold_supplemental("raised readings") then
          s:narrate("The physician holds back the supplemental dose.")
        end
      end
      s:say("Okay. I just needed to know.", { affect = "relieved" })
    elseif r.id == "vt_normal" then
      p.distress = p.distress + 5
      s:say("How do you know, though?", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 5             -- silence to a direct question is not felt as presence
      s:say("Hello? Did you hear me?", { affect = "fearful" })
    end

)LUA";

constexpr const char* medicine_ending = R"LUA(    if s:did("vt_check") or vitals_checked or s:last("checking_vitals") then
      s:narrate("The last reading is in the notes for the night attendant.")
    end
    local answered = #s:history()
    s:narrate("The session closes after " .. math.floor(s:minutes()) .. " minutes"
      .. ((s:since_dose() and ", " .. math.floor(s:since_dose()) .. " since the dose") or "")
      .. " and " .. answered .. " responses.")
)LUA";

// Preparation: a direct question about the medicine day, answered honestly and collaboratively.
constexpr const char* preparation_middle = R"LUA(    s:wait(20)
    s:phase("{{PHASE2}}")
    -- The window of tolerance (hypo, within, hyper) follows what the trainee does.
    if s:window() == "hyper" then
      s:narrate("Alex is turning the consent form over and over.")
    end
    s:say("What if I lose control on the day? What happens then?", { affect = "fearful" })

    -- Moment 2 ---------------------------------------------------------------------------------
    -- `flags` mark the choice for rubrics: direct_question (silence is no answer),
    -- physical_complaint (a bodily symptom), suicidal_statement.
    r = s:choose{
      moment = "losing_control",
      flags = { "direct_question" },
      { id = "lc_never", text = "You won't lose control. Nothing bad is going to happen, I promise.",
        codes = { "premature_reassurance" },
        rationale = "A promise you cannot keep: it closes the fear instead of meeting it." },
      { id = "lc_inform", text = "It's a real fear. We'll be with you the whole day, and you can stop and talk.",
        codes = { "validation", "giving_information" }, expert = true,
        rationale = "Take the fear seriously and answer the question honestly: what will happen, who will be there." },
      { id = "lc_why", text = "Why do you think control matters so much to you? Where does that come from, do you suppose?",
        codes = { "open_question", "interpreting" },
        rationale = "Curious, but it turns a direct question back on them unanswered." },
    }
    if r.id == "lc_inform" then
      s:say("Okay. That helps, knowing you're there.", { affect = "relieved" })
    elseif r.id == "lc_never" then
      p.trust = p.trust - 5
      s:say("You can't really know that.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 5             -- silence to a direct question is not felt as presence
      s:say("...Are you going to answer?", { affect = "fearful" })
    end

)LUA";

// Integration: a direct question about what the medicine session showed.
constexpr const char* integration_middle = R"LUA(    s:wait(20)
    s:phase("{{PHASE2}}")
    -- The window of tolerance (hypo, within, hyper) follows what the trainee does.
    if s:window() == "hyper" then
      s:narrate("Alex's hands are tight around the cup.")
    end
    s:say("Was it real, what I saw? Or did the medicine make it up?", { affect = "fearful" })

    -- Moment 2 ---------------------------------------------------------------------------------
    -- `flags` mark the choice for rubrics: direct_question (silence is no answer),
    -- physical_complaint (a bodily symptom), suicidal_statement.
    r = s:choose{
      moment = "was_it_real",
      flags = { "direct_question" },
      { id = "wr_decide", text = "It was a real memory, clearly. Your mind showed you what happened.",
        codes = { "interpreting" },
        rationale = "Deciding what it means takes the meaning-making away from them." },
      { id = "wr_explore", text = "Not knowing is hard. What does it mean to you, that it came back to you now?",
        codes = { "validation", "open_question" }, expert = true,
        rationale = "Their meaning, not yours: stay with the uncertainty and let them make sense of it." },
      { id = "wr_forget", text = "I wouldn't dwell on it too much; the medicine can do strange things to memory, you know.",
        codes = { "dismissing" },
        rationale = "Brushing it aside tells them it does not matter." },
    }
    if r.id == "wr_explore" then
      s:say("That I'm allowed to remember it, maybe.", { affect = "sad" })
    elseif r.id == "wr_forget" then
      p.trust = p.trust - 5
      s:say("Right. Okay.", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 5             -- silence to a direct question is not felt as presence
      s:say("...You don't have to answer, I suppose.", { affect = "withdrawn" })
    end

)LUA";

constexpr const char* talk_ending = R"LUA(    if s:did("fw_reflect") then
      s:narrate("Alex looks up for the first time in a while.")
    end
    local answered = #s:history()
    s:narrate("The session closes after " .. math.floor(s:minutes()) .. " minutes and " .. answered .. " responses.")
)LUA";

PhaseText phase_text(const std::string& phase) {
    if (phase == "medicine")
        return {"A medicine session: Alex takes the dose, something begins to surface, and their body asks a question.",
                "  -- The medicine (medicine sessions only): initial dose at minute 0, a supplemental half dose\n"
                "  -- at 120 minutes (DOMAIN.md: 80 or 120 mg, then 40 or 60 mg 1.5-2 h later).\n"
                "  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },\n"
                "  monitor = { hr = 100, sbp = 160, dbp = 100, temp_c = 38.0 },  -- alert thresholds (the defaults)\n",
                "onset", "peak", "return",
                "Alex lies back, eyeshades on. The music is low.",
                "It's starting. My chest feels... big.",
                "Something's happening. I don't like it.",
                "Something big in your chest. Let it be there with you.",
                "The attendant stays with you tonight, and we'll phone tomorrow.",
                "The effects have worn off; the night attendant arrives.",
                "every part of the API",
                "    elseif action == \"check_vitals\" then\n"
                "      vitals_checked = true\n"
                "      s:narrate(\"Alex holds out an arm for the cuff without opening their eyes.\")\n",
                medicine_middle,
                "    s:music(\"quiet\")                    -- calm, evocative, quiet or off\n",
                "Alex smiles, eyes still closed.", medicine_ending};
    if (phase == "preparation")
        return {"A preparation session: Alex wants to know what the medicine days will be like, and their body answers first.",
                "", "arrival", "questions", "closing",
                "A quiet room. Alex sits on the edge of the couch, the consent form on their knee.",
                "I keep thinking about the day itself. It makes me nervous.",
                "I don't know why I'm here, really.",
                "Part of you is already there, on the day, and it's unsettling.",
                "Next time we'll go over the day itself: the room and the music.",
                "Alex folds the consent form and puts it in their bag.",
                "the parts of the API a preparation session needs (no dose, no monitor)", "", preparation_middle, "",
                "Alex smiles and looks down at the form.", talk_ending};
    return {"An integration session: Alex brings back an image from the medicine session, and it still shakes them.",
            "", "arrival", "meaning", "closing",
            "Alex arrives two days after the medicine session and sits with a cup of tea.",
            "There's an image I can't put down. It keeps coming back.",
            "I'm fine. Mostly. I don't know.",
            "An image that keeps coming back, and you can't put it down.",
            "Between sessions you can call us. We'll meet again next week.",
            "Alex finishes the tea and stands to go.",
            "the parts of the API an integration session needs (no dose, no monitor)", "", integration_middle, "",
            "Alex smiles and looks into the cup.", talk_ending};
}

std::string sanitized_stem(const std::filesystem::path& path) {
    std::string stem;
    for (char c : path.stem().string()) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) stem += static_cast<char>(std::tolower(u));
        else if (!stem.empty() && stem.back() != '_') stem += '_';
    }
    while (!stem.empty() && stem.back() == '_') stem.pop_back();
    return stem.empty() ? "scenario" : stem;
}

std::string title_of(const std::string& stem) {
    std::string title;
    for (char c : stem) title += c == '_' ? ' ' : c;
    if (!title.empty()) title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    return title;
}

}  // namespace

int new_scenario(const NewOptions& options) {
    namespace fs = std::filesystem;
    const fs::path path(options.path);
    if (path.extension() != ".lua") {
        std::cerr << "holdspace new: " << options.path << ": a scenario file ends in .lua\n";
        return exit_usage;
    }
    std::error_code ec;
    if (fs::exists(path, ec) || fs::is_symlink(path, ec)) {
        std::cerr << "holdspace new: " << options.path << " already exists; not overwritten\n";
        return exit_usage;
    }
    if (path.has_parent_path() && !fs::is_directory(path.parent_path(), ec)) {
        fs::create_directories(path.parent_path(), ec);
        if (ec) {
            std::cerr << "holdspace new: " << path.parent_path().string() << ": cannot create the folder ("
                      << ec.message() << ")\n";
            return exit_usage;
        }
    }
    const std::string stem = sanitized_stem(path);
    const std::string id = options.phase + "." + stem;
    const std::string title = title_of(stem);
    const PhaseText t = phase_text(options.phase);
    // The phase's blocks first: they hold markers of their own ({{PHASE2}}).
    const std::string shaped = replace_all(scenario_template, {{"MIDDLE", t.middle}, {"ENDING", t.ending}});
    const std::string text = replace_all(shaped,
                                         {{"TITLE", title}, {"A_PHASE", (options.phase == "integration" ? "an " : "a ") + options.phase},
                                          {"API_PARTS", t.api_parts}, {"ON_VITALS", t.on_vitals}, {"MUSIC", t.music},
                                          {"SMILE", t.smile},
                                          {"OBJECTIVE2", options.phase == "medicine" ? "Answer the body's signals by measuring, not guessing"
                                                                                     : "Answer a direct question honestly, and leave the meaning to them"}, {"PHASE", options.phase}, {"PATH", options.path}, {"ID", id},
                                          {"DESCRIPTION", t.description}, {"DOSE", t.dose}, {"PHASE1", t.phase1},
                                          {"PHASE2", t.phase2}, {"PHASE3", t.phase3}, {"OPENING", t.opening},
                                          {"LINE1", t.line1}, {"LINE1B", t.line1b}, {"EXPERT1", t.expert1},
                                          {"EXPLAIN", t.explain}, {"CLOSING", t.closing}});
    // "x": never replace a file that appeared since the check above.
    std::FILE* f = std::fopen(options.path.c_str(), "wx");
    if (!f) {
        std::cerr << "holdspace new: " << options.path << ": cannot create the file (it may exist already)\n";
        return exit_usage;
    }
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) != 0 || !written) {
        std::cerr << "holdspace new: " << options.path << ": could not write the whole file\n";
        return exit_usage;
    }
    if (options.json) {
        std::cout << records::json_text(Json({{"path", options.path}, {"id", id}, {"phase", options.phase}, {"title", title}}), 2) << "\n";
    } else {
        std::cout << "wrote " << options.path << " (" << id << (options.phase == "integration" ? ", an " : ", a ")
                  << options.phase << " session)\n"
                  << "next: holdspace check " << options.path << "\n"
                  << "      holdspace autoplay " << options.path << "\n"
                  << "guide: docs/authoring.md\n";
    }
    return exit_ok;
}

}  // namespace holdspace::cli
