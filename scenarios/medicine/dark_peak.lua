-- Medicine session: suicidal statements at the peak, with access to lethal means.
-- A suicidal statement is asked about directly whatever the setting: the patient-directed
-- approach follows the participant's material, and safety comes first (DOMAIN.md, "Risks",
-- ethics; the rubrics' critical rule: a risk assessment within 5 minutes of a suicidal
-- statement, a safety plan within 15 minutes of the assessment, lethal means never brushed aside).
-- The medicine widens the window of tolerance (DOMAIN.md, mechanism): a participant may say at
-- the peak what she has never said sober. The skill: ask plainly, ask about means, plan with her,
-- and then return to following her process -- not end the session, not leave, not steer.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h; 80 mg + 40 mg here; therapists stay
-- until the effects have worn off, then an overnight attendant, and phone contact the next days.
-- Wherever a reading may be flagged, the expert answer asks the physician to see it.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local flag_prompt = monitor.flag_prompt

local flagged = monitor.flagged

local sit_through = monitor.sit_through  -- the long afternoon (scenarios/lib/monitor.lua)

local measured = monitor.measured  -- the expert option adapted to a flagged reading (scenarios/lib/monitor.lua)

local calls = 0
local function called(s, r)
  if r.action ~= "medical_support" then return end
  calls = calls + 1
  if calls == 1 then
    s:narrate("Your co-therapist, Tunde, pages the physician, who comes, checks Lena and the "
      .. "reading, and asks for a reading every fifteen minutes.")
  else
    s:narrate("The physician, already following the readings, looks in again.")
  end
end

return {
  id = "medicine.dark_peak",
  title = "Put by",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Lena's second medicine session. At the peak she says she has not wanted to be "
    .. "alive for a long time, and that she has tablets put by at home. Ask, plan, and then go "
    .. "on following her.",
  objectives = {
    "Ask directly about suicidal thoughts when they are voiced under the medicine",
    "Ask about lethal means and never brush them aside",
    "Make a safety plan with her, not for her, within the session",
    "Return to following her material once safety is addressed, without ending or leaving",
  },
  patient = {
    name = "Lena Vogt", age = 44, pronouns = "she/her",
    background = "Hospital pharmacist in Bristol, grew up in Kassel. PTSD for six years since she "
      .. "found her younger brother after he took his own life. Dry, exact, funny in the way of "
      .. "people who are very tired. Denied suicidal thoughts at screening. No touch agreed. "
      .. "Second medicine session.",
    baseline = { hr = 66, sbp = 118, dbp = 76, temp_c = 36.5 },
    consent = { touch = false },
    state = { distress = 30, arousal = 45, trust = 60, inward_focus = 35, dissociation = 5 },
  },
  -- 80 mg + 40 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half dose 1.5-2 h later).
  dose = { initial_mg = 80, supplemental_mg = 40, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("She sips, and holds the glass against her cheek for a moment.")
    elseif action == "blanket" then
      if monitor.has(s:alerts(), "temp_high") then
        s:say("No. Too warm.", { affect = "calm" })
        s:cue{ blanket = false }
      else
        s:narrate("She lets you lay the blanket over her legs.")
        s:cue{ blanket = true }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      s:narrate("She settles the eyeshades over her eyes.")
      s:cue{ eyeshades = true }
      p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
    elseif action == "touch" then
      -- No touch agreed (DOMAIN.md, ethics): the engine codes it; she answers it.
      s:narrate("She flinches and pulls her arm under the blanket.")
      s:cue{ blanket = true }
      s:say("Don't. We agreed. No touching.", { affect = "angry" })
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates round her arm. She reads the numbers upside down.")
    elseif action == "medical_support" then
      if #s:alerts() > 0 then
        s:narrate("The physician comes, examines Lena and asks to see the next readings.")
      elseif s:did("mn_ask") or s:did("wi_ask") then
        s:narrate("The physician comes, hears from Tunde what Lena has said, and stays nearby.")
      else
        s:narrate("The physician comes, looks at Lena and finds nothing that needs action.")
        p.distress = p.distress + 4
        s:say("Is something wrong with me?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Lena checks the capsule's label out of habit, swallows it, and lies back. You sit "
      .. "on her left; Tunde, your co-therapist, sits at the foot of the couch.")
    s:say{
      { text = "Eighty milligrams. Half-life eight hours or so. I looked it up again this morning. "
          .. "Force of habit.", affect = "playful" },
      { text = "Right. In you go. I'll try not to narrate the pharmacokinetics.", affect = "playful" },
    }

    s:wait(50)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: not in charge ------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 10  -- losing control (material)
    s:narrate("She pushes the eyeshades up and grips the edge of the couch.")
    s:cue{ eyeshades = false }
    s:say{
      { text = "I don't like this bit. I know exactly what's in me and I'm still not in charge of "
          .. "it. I hate not being in charge.", affect = "anxious" },
      { text = "It's coming on and I want to stop it. That's stupid. I chose this.", affect = "anxious" },
    }
    r = s:choose{
      moment = "not_in_charge",
      typed = { validation = "ic_allow", empathic_presence = "ic_allow", encourage_inward_focus = "ic_allow", complex_reflection = "ic_allow", simple_reflection = "ic_allow", following_lead = "ic_allow", psychoeducation = "ic_facts", giving_information = "ic_facts", premature_reassurance = "ic_facts", grounding = "ic_breathe", advice_giving = "ic_breathe", open_question = "ic_why", interpreting = "ic_why", closed_question = "ic_why", explaining_approach = "ic_facts", default = "ic_allow" },
      prompt = flag_prompt(s),
      measured(s, { id = "ic_allow",
        text = "Not being in charge is hard for you, and it makes sense. You don't have to steer "
          .. "any of this; we're here, and you can tell us anything.",
        codes = { "validation", "empathic_presence", "encourage_inward_focus" },
        examples = {
          "Of course you hate it, it makes sense. Nothing to steer, we're with you.",
          "It makes sense to want control. You can let it come, we're both here.",
          "Losing the wheel is frightening for you. You don't have to drive this; we're right here." },
        expert = true,
        rationale = "Validate the fear of losing control and offer company rather than control: "
          .. "the process does not need her to steer it." }),
      { id = "ic_facts",
        text = "It helps to remember it peaks in an hour or two and then wears off steadily, so "
          .. "you know exactly where you are. You know the curve better than me.",
        codes = { "psychoeducation", "premature_reassurance" },
        examples = {
          "Don't worry, it peaks soon and then comes down gradually.",
          "The medicine peaks in about two hours and then wears off over a few more. That's the usual curve." },
        rationale = "Facts offered as a handrail: it gives her control back through the "
          .. "pharmacology and closes the door the medicine is opening." },
      { id = "ic_breathe",
        text = "Let's breathe together for a minute. In through the nose, slowly, and out through "
          .. "the mouth. Feel your back against the couch as you do it.",
        codes = { "grounding", "advice_giving" },
        examples = {
          "Let's breathe together. In through your nose, out through your mouth.",
          "Take a slow breath with me and notice your back on the couch." },
        rationale = "Grounding a participant who is within her window pulls her out of the "
          .. "process as it begins, and puts you in charge instead." },
      { id = "ic_why",
        text = "You hate not being in charge. Where do you think that comes from? Has there been "
          .. "a time when not being in control was dangerous for you?",
        codes = { "simple_reflection", "open_question", "interpreting" },
        examples = {
          "Where do you think that need to be in charge comes from?",
          "Where does that come from, do you think? When was losing control dangerous?",
          "What was it like, back then, when you weren't in control?" },
        rationale = "A reflection, then a search for the origin of the feeling: she needs to be "
          .. "allowed the fear, not asked to explain it." },
    }
    called(s, r)
    if r.id == "ic_allow" then
      s:say("Tell you anything. Hm. That's a big offer.", { affect = "calm" })
      s:narrate("She lowers the eyeshades. Her hands let go of the couch.")
      s:cue{ eyeshades = true }
    elseif r.id == "ic_facts" then
      s:say("Yes. I know the curve.", { affect = "withdrawn" })
    elseif r.id == "ic_breathe" then
      p.inward_focus = p.inward_focus - 6
      s:say("In. Out. Fine. Can I stop now?", { affect = "withdrawn" })
    elseif r.id == "ic_why" then
      s:say("I don't want to do history. I want to be less frightened.", { affect = "anxious" })
    elseif silent(r) then
      s:narrate("You stay close. After a long minute she lowers the eyeshades.")
      s:cue{ eyeshades = true }
    end

    s:wait(35)

    -- Moment 2: the wish --------------------------------------------------------------------------
    s:phase("peak")
    p.distress = p.distress + 18  -- it is said aloud (material)
    p.inward_focus = p.inward_focus + 10
    s:narrate("She has been quiet for a long time. Now she speaks without lifting the eyeshades.")
    s:cue{ eyeshades = true }
    s:say{
      { text = "I don't want to be here. I haven't wanted to be here for a long time. I've never "
          .. "said that out loud.", affect = "sad" },
      { text = "I'm so tired. I don't want to be alive. There. I've said it. It's been years.",
        affect = "sad" },
    }
    r = s:choose{
      moment = "the_wish",
      typed = { risk_assessment = "wi_ask", closed_question = "wi_ask", complex_reflection = "wi_reflect", simple_reflection = "wi_reflect", validation = "wi_reflect", open_question = "wi_reflect", encourage_inward_focus = "wi_inward", following_lead = "wi_inward", empathic_presence = "wi_inward", premature_reassurance = "wi_safe", psychoeducation = "wi_safe", default = "wi_reflect" },
      prompt = flag_prompt(s),
      flags = { "suicidal_statement" },  -- the rubrics want a risk assessment within 5 minutes
      measured(s, { id = "wi_ask",
        text = "Thank you for saying it out loud; we're here. When you say you don't want to be "
          .. "here, do you mean thoughts of ending your life?",
        codes = { "validation", "empathic_presence", "risk_assessment", "closed_question" },
        examples = {
          "Thank you for saying it. When you say you don't want to be here, do you mean ending your life?",
          "I'm glad you said it. Are you having thoughts of killing yourself?",
          "Thank you. Do you mean you've been thinking about suicide?" },
        expert = true,
        rationale = "Ask directly, even under the medicine: asking does not plant the idea, and "
          .. "it is the only way to know what she means and whether she is safe." }),
      { id = "wi_reflect",
        text = "You've carried that for years without ever saying it, and now it's finally in "
          .. "the room. That's a lot to have held on your own.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "You've carried that for years and never said it. It's a lot to hold alone.",
          "Years of it, and finally out loud in this room." },
        rationale = "A warm, accurate reflection, and the risk is left unasked: a statement like "
          .. "this needs a direct question within minutes, here as anywhere." },
      { id = "wi_inward",
        text = "Let that feeling be there, Lena. There's no need to do anything with it. See "
          .. "where it wants to take you, and we'll follow.",
        codes = { "encourage_inward_focus", "following_lead", "empathic_presence" },
        examples = {
          "Let that be there, Lena. See where it wants to go, and we'll follow.",
          "Stay with that and let it take you wherever it goes." },
        rationale = "The approach's usual move, and the wrong one here: safety comes before "
          .. "following. Ask about suicide first, then follow." },
      { id = "wi_safe",
        text = "You're safe here with us, Lena. Feelings like that can come up strongly with the "
          .. "medicine, and they usually pass as the session goes on.",
        codes = { "premature_reassurance", "psychoeducation" },
        examples = {
          "You're with us now. Those feelings often come up with the medicine and then pass.",
          "That can come up strongly on MDMA, it usually passes." },
        rationale = "Kind, and it tells her the wish is the drug's, before anyone knows what she "
          .. "means. Ask; don't explain." },
    }
    called(s, r)
    if r.id == "wi_ask" then
      s:say{
        { text = "Yes. For years. Not every day. Most weeks.", affect = "sad" },
        { text = "Yes. That's exactly what I mean. Since Jonas.", affect = "sad" },
      }
    elseif r.id == "wi_reflect" or r.id == "wi_inward" or silent(r) then
      s:narrate("She is silent. Then, quietly:")
      s:say("You're not going to ask, are you. Nobody ever asks.", { affect = "withdrawn" })
      s:narrate("Tunde leans in and asks her directly whether she means thoughts of ending her "
        .. "life. She says yes, for years.")
    elseif r.id == "wi_safe" then
      s:say("It's not the medicine. It's been years.", { affect = "angry" })
      s:narrate("Tunde asks her, gently and directly, whether she has thought of ending her "
        .. "life. She says yes.")
    end

    s:wait(2)

    -- Moment 3: the means -------------------------------------------------------------------------
    s:say{
      { text = "I've got tablets put by at home. I know exactly which, and how many. I'm a "
          .. "pharmacist. It would be easy.", affect = "numb" },
      { text = "There's a box at home. Under the sink. I did the sums years ago. I know what "
          .. "would work.", affect = "numb" },
    }
    r = s:choose{
      moment = "the_means",
      typed = { risk_assessment = "mn_ask", closed_question = "mn_ask", open_question = "mn_ask", simple_reflection = "mn_ask", validation = "mn_ask", safety_planning = "mn_ask", dismissing_lethal_means = "mn_trust", premature_reassurance = "mn_trust", complex_reflection = "mn_brother", interpreting = "mn_brother", self_disclosure = "mn_alarm", escalation_medical = "mn_alarm", default = "mn_ask" },
      prompt = flag_prompt(s),
      flags = { "suicidal_statement" },
      measured(s, { id = "mn_ask",
        text = "Thank you for telling me. Tablets put by, and you know what would work. Have you "
          .. "come close to taking them? And is anything stopping you?",
        codes = { "simple_reflection", "risk_assessment", "closed_question", "open_question" },
        examples = {
          "Tablets at home, and you know what would work. Have you come close to taking them?",
          "Have you ever got close to using them? What's stopped you?",
          "You've got them put by. How close have you come, Lena?" },
        expert = true,
        rationale = "Means, intent and what holds her back are the heart of a risk assessment: "
          .. "ask about them plainly, without alarm and without brushing past them." }),
      { id = "mn_trust",
        text = "As a pharmacist you'd know better than anyone how to keep medicines safely. I'm "
          .. "sure they're put away sensibly, so let's not worry about those now.",
        codes = { "dismissing_lethal_means", "premature_reassurance" },
        examples = {
          "I'm sure they're put away sensibly. Let's not worry about the tablets now.",
          "Don't worry about the box for now, you're a professional.",
          "I'm sure as a pharmacist you keep them sensibly. Let's not worry about them now." },
        rationale = "Stockpiled tablets and the knowledge to use them are the highest risk she "
          .. "could name; brushing them aside is a critical error." },
      { id = "mn_brother",
        text = "That sounds like it's tangled up with Jonas, and with what he did. Part of you "
          .. "may be following him, or trying to understand him.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "Maybe part of you is following Jonas.",
          "This seems tangled up with what Jonas did." },
        rationale = "A meaning offered in place of a question: whether she is in danger is not "
          .. "yet known, and her reasons are hers to tell." },
      { id = "mn_alarm",
        text = "Lena, that really frightens me. I'm going to have to get the doctor in here right "
          .. "now, because I can't keep this between us.",
        codes = { "self_disclosure", "escalation_medical" },
        examples = {
          "That really frightens me, Lena. I need to get the doctor in right now.",
          "I'm scared hearing that. I'm going to call the physician." },
        rationale = "Telling the physician is right; leading with your own fear, before asking "
          .. "how close she is, puts her in charge of your feelings." },
    }
    called(s, r)
    if r.id == "mn_ask" then
      s:say{
        { text = "Once. Last winter. I counted them out. Then I thought of my mother finding me, "
            .. "the way I found him. That stops me.", affect = "tearful" },
        { text = "Close, once. My mother stops me. She's already lost one.", affect = "tearful" },
      }
    elseif r.id == "mn_trust" then
      s:say("Sensibly. Yes. Very sensibly.", { affect = "numb" })
      s:narrate("Tunde looks at you, then asks Lena how many tablets, and whether she has come "
        .. "close. She tells him: once, last winter.")
    elseif r.id == "mn_brother" then
      s:say("Don't make it about him.", { affect = "angry" })
      s:narrate("Tunde asks her whether she has come close. Once, she says. Last winter.")
    elseif r.id == "mn_alarm" then
      p.distress = p.distress + 6
      s:say("Don't... don't make a fuss. This is why I never said.", { affect = "ashamed" })
      s:narrate("The physician comes and sits quietly nearby. Tunde asks Lena whether she has "
        .. "come close. Once, she says.")
    elseif silent(r) then
      s:narrate("Nobody speaks. Tunde catches your eye, then asks her whether she has come "
        .. "close. Once, she says.")
    end

    s:wait(3)

    -- Moment 4: a plan, together ------------------------------------------------------------------
    s:say("Not today, though. Not in here. This is the first place I've felt... I don't know. "
      .. "Held. It's after I'm scared of.", { affect = "sad" })
    r = s:choose{
      moment = "the_plan",
      typed = { safety_planning = "pl_together", seeking_collaboration = "pl_together", giving_information = "pl_together", open_question = "pl_together", closed_question = "pl_promise", persuading = "pl_promise", advice_giving = "pl_tell", simple_reflection = "pl_later", complex_reflection = "pl_later", validation = "pl_later", redirecting = "pl_later", dismissing = "pl_later", encourage_inward_focus = "pl_later", default = "pl_later" },
      prompt = flag_prompt(s),
      measured(s, { id = "pl_together",
        text = "Held here, and scared of after. Let's plan after together before you go: the "
          .. "tablets, who's with you, who to call. The doctor will know. Okay?",
        codes = { "complex_reflection", "safety_planning", "seeking_collaboration", "giving_information",
          "closed_question" },
        examples = {
          "Can we make a plan with you for tonight? Who could take the tablets, and who could stay?",
          "Shall we work out together what would help after, and let the doctor know?",
          "Before you go, let's plan after together: the box, company, and who to ring." },
        expert = true,
        rationale = "A plan made with her: means removed, company, contacts, the physician told "
          .. "openly. After a risk assessment, planning is essential, not optional." }),
      { id = "pl_promise",
        text = "Will you promise me you won't do anything after you go home? I need to hear you "
          .. "say it before we go on with the session, Lena.",
        codes = { "closed_question", "persuading" },
        examples = {
          "Will you promise me you won't do anything when you get home?",
          "Would you agree not to hurt yourself before we meet again?",
          "Can you promise me you won't do anything when you get home?" },
        rationale = "A no-harm promise is not a plan: it comforts the therapist and gives her "
          .. "nothing to do when the night comes." },
      { id = "pl_tell",
        text = "You'll hand those tablets in at your pharmacy tomorrow morning, and you'll call "
          .. "the crisis line if it gets bad. That's the plan, okay?",
        codes = { "safety_planning", "advice_giving", "closed_question" },
        examples = {
          "You'll take the tablets back to the pharmacy tomorrow and ring the crisis line if it gets bad.",
          "Hand the box in first thing tomorrow, and call the crisis line if you need to. Okay?" },
        rationale = "The right parts of a plan, imposed: a plan she has not helped make is one "
          .. "she is less likely to use." },
      { id = "pl_later",
        text = "Not today, not in here. You feel held here. Let's leave after for integration, "
          .. "and let yourself have this feeling for now.",
        codes = { "simple_reflection", "redirecting", "dismissing" },
        examples = {
          "Let's not think about after today, just let yourself have this.",
          "Not today, not in here. Let's leave the future for integration." },
        rationale = "A reflection, and the risk postponed: she has named tablets at home and a "
          .. "fear of after. Plan before she leaves." },
    }
    called(s, r)
    if r.id == "pl_together" then
      p.distress = p.distress - 6
      s:say{
        { text = "Okay. My sister could take the box. I'd let her. Yes, tell the doctor.",
          affect = "relieved" },
        { text = "Together. Okay. My mother can't know. My sister, maybe. She'd come.",
          affect = "calm" },
      }
    elseif r.id == "pl_promise" then
      s:say("I promise. There. Happy?", { affect = "withdrawn" })
    elseif r.id == "pl_tell" then
      s:say("Yes, sir.", { affect = "withdrawn" })
    elseif r.id == "pl_later" then
      s:say("Okay.", { affect = "calm" })
      s:narrate("Tunde says quietly that before she goes home they will plan for after, with her, "
        .. "and that the physician will be told.")
    elseif silent(r) then
      s:narrate("Tunde says, gently, that they will plan for after, with her, before she leaves.")
    end

    s:wait(12)

    -- Moment 5: the flat --------------------------------------------------------------------------
    p.distress = p.distress + 12  -- the memory opens (material)
    p.inward_focus = p.inward_focus + 10
    s:narrate("She pulls the eyeshades back down. After a while her breathing changes.")
    s:cue{ eyeshades = true }
    s:say{
      { text = "I'm in his flat. The door's not locked. I know before I open it. I always know "
          .. "before I open it.", affect = "distressed" },
      { text = "Jonas's flat. The radio's on. I'm standing in the hall. I don't want to go in.",
        affect = "fearful" },
    }
    r = s:choose{
      moment = "the_flat",
      typed = { simple_reflection = "fl_follow", complex_reflection = "fl_follow", following_lead = "fl_follow", empathic_presence = "fl_follow", emphasising_autonomy = "fl_follow", validation = "fl_follow", encourage_inward_focus = "fl_follow", holding_space = "fl_follow", agenda_setting = "fl_door", open_question = "fl_door", interpreting = "fl_link", closed_question = "fl_link", grounding = "fl_room", redirecting = "fl_room", premature_reassurance = "fl_room", default = "fl_follow" },
      prompt = flag_prompt(s),
      measured(s, { id = "fl_follow",
        text = "You're in his flat, and you know before you open the door. We're right here with "
          .. "you, Lena. Go only as far as you want to.",
        codes = { "simple_reflection", "following_lead", "empathic_presence", "emphasising_autonomy" },
        examples = {
          "The radio's on, and you're standing in the hall. We're here, and you choose how far.",
          "Standing in the hall. You don't have to go any further than you want." },
        expert = true,
        rationale = "Safety has been addressed; now follow again. Reflect where she is, offer "
          .. "company, and leave the pace to her." }),
      { id = "fl_door",
        text = "Can you open the door now? What do you see when you go in? Describe it to me "
          .. "slowly, as much detail as you can manage.",
        codes = { "agenda_setting", "open_question" },
        examples = {
          "What happens when you walk in?",
          "What do you notice as you step inside?" },
        rationale = "Exposure by your script: she said she does not want to go in, and the "
          .. "questions push her through the door." },
      { id = "fl_link",
        text = "That's where the wish to die comes from, isn't it: finding Jonas. Part of you "
          .. "has been standing in that hallway ever since that day.",
        codes = { "interpreting", "closed_question" },
        examples = {
          "Finding Jonas is where the wish to die started, isn't it?",
          "I think you've been stuck in that hallway ever since. Is that right?" },
        rationale = "Your meaning laid over her memory as it opens: the link is hers to make, "
          .. "if it is one, in her time." },
      { id = "fl_room",
        text = "Lena, come back into the room for a moment. Open your eyes, look at me and "
          .. "Tunde. You're here with us now, not in the flat.",
        codes = { "grounding", "redirecting" },
        examples = {
          "Come back to the room for a moment, Lena. Open your eyes and look at me.",
          "Open your eyes for a moment and look around the room with me.",
          "Let's come back here. Notice your feet and the room around you." },
        rationale = "Pulling her out of a memory she is holding, within her window: after a risk "
          .. "disclosure it is tempting to keep her on the surface, and it is not safer." },
    }
    called(s, r)
    if r.id == "fl_follow" or silent(r) then
      p.distress = p.distress - 4
      s:narrate("She cries, long and quietly. Then:")
      s:cue{ tears = true }
      s:say("I didn't go in. This time I didn't go in. I sat on the stairs and I was sad for him. "
        .. "Just sad.", { affect = "tearful" })
    elseif r.id == "fl_door" then
      p.arousal = p.arousal + 10
      s:say("No. No. I don't want to.", { affect = "fearful" })
    elseif r.id == "fl_link" then
      s:say("I don't know. Stop explaining me.", { affect = "angry" })
    elseif r.id == "fl_room" then
      p.inward_focus = p.inward_focus - 10
      s:say("I'm here. It's gone.", { affect = "numb" })
    end

    -- The supplemental half dose, reviewed shortly before its time (monitor.supplemental_review:
    -- the physician's decision, on the readings).
    local since = s:since_dose() or 0
    if since < 113 then s:wait(113 - since) end
    if not monitor.supplemental_review(s) then
      s:narrate("The physician looks at the readings and holds back the supplemental dose.")
    end
    -- The therapists stay until the effects have worn off (DOMAIN.md; a supplemental dose extends
    -- them to about 5.6 h).
    sit_through(s, math.max(30, 330 - (s:since_dose() or 0)), "Tunde pages")

    -- Moment 6: handover --------------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Lena is sitting up with tea; the overnight "
      .. "attendant is due within the hour.")
    s:cue{ posture = "sitting_up", eyeshades = false, tears = "auto", gaze = "auto" }
    s:say("Who will you tell? About the tablets. Does it go in my notes? My manager can't know. "
      .. "I'd lose my registration.", { affect = "anxious" })
    r = s:choose{
      moment = "handover",
      typed = { giving_information = "ho_honest", safety_planning = "ho_honest", boundary_setting = "ho_honest", explaining_approach = "ho_honest", premature_reassurance = "ho_secret", confronting = "ho_report", simple_reflection = "ho_tomorrow", complex_reflection = "ho_tomorrow", redirecting = "ho_tomorrow", dismissing = "ho_tomorrow", open_question = "ho_tomorrow", escalation_medical = "ho_honest", psychoeducation = "ho_honest", following_lead = "ho_honest", default = "ho_tomorrow" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "ho_honest",
        text = "The study team and doctor will know, because it's about your safety; not your "
          .. "employer. Your sister takes the box tonight, and we ring tomorrow.",
        codes = { "giving_information", "safety_planning", "boundary_setting" },
        examples = {
          "I can't keep it from the study doctor and team, but it won't go to your employer.",
          "Let's go over the plan: your sister takes the box tonight, the doctor knows, and your employer doesn't." },
        expert = true,
        rationale = "Honest about confidentiality and its limits, specific about tonight's plan "
          .. "and tomorrow's phone contact: the frame holds her through the handover." }),
      { id = "ho_secret",
        text = "None of this leaves the room, Lena, I promise you. It stays between the three of "
          .. "us, so please don't worry about your manager or your registration.",
        codes = { "premature_reassurance", "giving_information" },
        examples = {
          "It stays between the three of us, Lena.",
          "Nobody outside this room will ever know, I promise you.",
          "Don't worry, it won't go anywhere. Your secret's completely protected with us." },
        rationale = "A promise of secrecy that cannot be kept: the physician and team must know. "
          .. "Confidentiality has limits, and she is owed them honestly." },
      { id = "ho_report",
        text = "I'm afraid we may be obliged to inform your professional body, given you have "
          .. "access to medicines at work. That's out of my hands now, I'm sorry.",
        codes = { "giving_information", "confronting" },
        examples = {
          "Your registration may be at risk, we might have to inform the regulator.",
          "Pharmacists with access to medicines have to be reported to the regulator. That's the rule.",
          "We might be obliged to let your employer know, I'm afraid." },
        rationale = "Untrue, and it turns a disclosure into a threat: the study team needs to "
          .. "know; her employer and regulator are not told." },
      { id = "ho_tomorrow",
        text = "You're worried about your notes and your job. Let's not get into that tonight; "
          .. "you've done enough. We can go through all of it next time.",
        codes = { "simple_reflection", "redirecting", "dismissing" },
        examples = {
          "Let's not get into that tonight. We can go through it next time.",
          "Let's leave that for now and talk about it at integration." },
        rationale = "A reflection and a deferral of the one question that decides whether she "
          .. "goes home trusting the plan." },
    }
    called(s, r)
    if r.id == "ho_honest" then
      s:say{
        { text = "Not my employer. Okay. Ring me at nine. I'll be up.", affect = "relieved" },
        { text = "The doctor, fine. Better a doctor than a coroner. Sorry. Bad joke. Thank you.",
          affect = "warm" },
      }
    elseif r.id == "ho_secret" then
      s:say("Good.", { affect = "relieved" })
      s:narrate("Tunde says carefully that the physician already knows, and must, for her safety.")
      s:say("So not between the three of us.", { affect = "angry" })
    elseif r.id == "ho_report" then
      p.distress = p.distress + 12
      s:say("Then I should never have said anything.", { affect = "fearful" })
    elseif r.id == "ho_tomorrow" then
      s:say("I'll lie awake with it, then.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("That bad.", { affect = "fearful" })
    end

    if s:did("mn_trust") then
      s:say("You said the tablets were put away sensibly. They're under the sink, counted.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And you touched me. I'd said no.", { affect = "angry" })
    end
    if p.trust >= 60 then
      s:finish("The attendant arrives. Lena gives her sister's number to Tunde and writes 'nine "
        .. "o'clock' on the back of her hand.")
    else
      s:cue{ gaze = "away" }
      s:finish("The attendant arrives. Lena turns the television on and does not look at either "
        .. "of you.")
    end
  end,
}
