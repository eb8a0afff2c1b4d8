-- Medicine session: onset anxiety, a traumatic memory surfaces, peak vitals, nonlinear material.
-- Time course (DOMAIN.md, "Pharmacology and safety numbers"): onset ~30-60 min, peak ~1.5-2.5 h,
-- a supplemental dose at 2 h extends duration; sessions last 6-8 h (MAPS Phase 3 course).
--
-- The participant model (docs/patient-model.md) does the bookkeeping: every response's codes move
-- her distress, trust and inward focus, and the medicine and time move them too. This script only
-- changes her state for what the material does (a memory arriving, grief moving through, news of
-- her readings) and for what a code cannot know about this moment. Her body is drawn from the seed:
-- the come-up, the readings, the alerts and the cues (jaw, nausea, cold...) differ from run to run.

local function silent(r) return r.action == "hold_space" end

local paged = false  -- the physician has been paged about her readings

-- Vizeli & Liechti 2017 (J Psychopharmacol 31:576; 75-125 mg): heart rate > 100 bpm in 29% of
-- healthy subjects, systolic > 160 mmHg in 33%, temperature > 38 C in 19%. A fast pulse near the
-- peak is expected and watched; pressure or temperature over the limit (monitor.concern) needs the
-- physician's eye.
local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local has, concern = monitor.has, monitor.concern

-- What a reading's alerts say, in the words a co-therapist would use.
local function alert_words(alerts)
  local words = {}
  if has(alerts, "sbp_high") or has(alerts, "dbp_high") then
    words[#words + 1] = "her blood pressure is over the limit"
  end
  if has(alerts, "temp_high") then words[#words + 1] = "her temperature is over 38" end
  if has(alerts, "hr_high") then words[#words + 1] = "her pulse is over 100" end
  if #words == 0 then return "her readings are within the limits" end
  if #words == 1 then return words[1] end
  return table.concat(words, ", ", 1, #words - 1) .. " and " .. words[#words]
end

-- What the trainee sees on the monitor at a choice, when the last reading is over a limit: they
-- can check again (v) or call the physician (c) without leaving the choice.
local function flag_prompt(s) return monitor.flag_prompt(s, alert_words) end

-- "Nearly seven hours", "Seven and a half hours"...: the time since the first dose, in words.
local function hours_since(s)
  local m = s:since_dose() or 0
  if m < 420 then return "Nearly seven hours" end
  if m < 450 then return "Seven hours" end
  if m < 480 then return "Seven and a half hours" end
  return "Eight hours"
end

-- The physician examines her (an unrecorded look at her body now: monitor.raised_now).
local raised_now = monitor.raised_now

-- At a choice, how the expert answers the monitor (monitor.watch): nil when nothing is flagged;
-- "check" while an alert is in force (a reading now); "call" when an alert was raised and has
-- already cleared on the next reading (the physician is told; a cuff in the middle of the
-- material is not indicated by a reading that is back within the limits).
local function answering(s, watch)
  -- Any alert in force, a fast pulse included: the rubric makes a reading the response the moment
  -- needs (checking_vitals is unique-essential with an alert in force).
  if not (watch:due() or #s:alerts() > 0) then return nil end
  return #s:alerts() > 0 and "check" or "call"
end
local function answer_action(due)
  return due == "check" and "check_vitals" or due == "call" and "medical_support" or nil
end
local function answer_code(due) return due == "call" and "escalation_medical" or "checking_vitals" end
local function answer_words(text, due)
  if due ~= "call" then return text end
  return (text:gsub("take a reading", "call the doctor"))
end

return {
  id = "medicine.memory_surfaces",
  title = "The hallway",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Inês's first medicine session. Anxiety at onset, then, well into the first hours, "
    .. "a childhood memory arrives on its own. Stay with her without steering, rescuing or "
    .. "pulling her out, and keep her physically safe.",
  objectives = {
    "Stay with onset anxiety and emerging traumatic material without rescuing or redirecting away",
    "Follow nonlinear material rather than leading it back to your own agenda",
    "Recognise the moment when checking vital signs is the safe move",
    "Use touch only as agreed in advance, and respect its withdrawal",
  },
  patient = {
    name = "Inês Carvalho", age = 38, pronouns = "she/her",
    background = "Primary-school teacher. PTSD rooted in childhood: her father was violent towards "
      .. "her mother, and she was often the one keeping her younger brother quiet and out of the "
      .. "way. Nightmares, hypervigilance, shuts down when voices are raised. First medicine session.",
    baseline = { hr = 74, sbp = 118, dbp = 76, temp_c = 36.6 },
    consent = { touch = "hand on forearm" },  -- agreed in preparation
    -- Apprehensive on the morning of a first medicine session.
    state = { distress = 35, arousal = 45, trust = 60, inward_focus = 30, dissociation = 10 },
  },
  -- Initial 120 mg; supplemental half dose 60 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half
  -- dose 1.5-2 h later, total 80-180 mg). The engine gives it when the clock reaches 120 min.
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      if p.distress >= 70 then
        s:narrate("She doesn't seem to notice the glass. You set it within her reach.")
      else
        s:narrate("She takes a few sips and hands the glass back.")
        s:say{ { text = "Thanks." }, { text = "Thank you. My mouth's so dry." }, { text = "Mm. Thanks." } }
      end
    elseif action == "blanket" then
      local v = s:vitals()
      if p.distress >= 70 then
        s:narrate("She doesn't seem to notice. You lay it over her legs.")
        s:cue{ blanket = true }
      elseif has(s:alerts(), "temp_high") or v.temp_c >= 37.5 or s:window() == "hyper" then
        s:say("No. I'm too hot already.", { affect = "anxious" })
        s:cue{ blanket = false }
      else
        s:narrate("She pulls the blanket up to her shoulders.")
        s:cue{ blanket = true }
        s:say{ { text = "That's better." }, { text = "Mm. Thank you." } }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
      if p.distress >= 70 then
        s:narrate("She doesn't react; she is somewhere else.")
      else
        s:say{ { text = "Mm.", affect = "calm" }, { text = "That's nice.", affect = "calm" } }
      end
    elseif action == "eyeshades" then
      if p.distress >= 70 or p.dissociation >= 40 then
        s:say("Not right now. I want to see the room.", { affect = "anxious" })
        s:cue{ eyeshades = false }
      else
        s:narrate("She settles the eyeshades over her eyes.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md, setting)
      end
    elseif action == "touch" then
      -- Touch only as agreed in advance, withdrawable at any moment (DOMAIN.md, ethics). The engine
      -- codes this touch from the consent in force; here is only what she does.
      if not p.consent.touch then
        s:narrate("She pulls her arm away sharply and tucks it against her side.")
        if s:count("touch_without_consent") >= 2 then
          s:say("Stop. I said no.", { affect = "angry" })
        elseif s:did("nr_touch") then
          s:say("I said no more touch. It helped before. It doesn't now.", { affect = "angry" })
        else
          s:say("I asked for no touch.", { affect = "angry" })
        end
      elseif p.distress >= 60 then
        s:narrate("Your hand rests on her forearm. After a moment her breathing slows a little.")
      else
        s:narrate("She startles slightly at the contact, then lets your hand rest on her forearm.")
      end
    elseif action == "check_vitals" then
      s:narrate("She holds still while the cuff inflates.")
      if concern(s:alerts()) then
        s:narrate("Your co-therapist looks at the numbers and pages the physician.")
        paged = true
      end
    elseif action == "medical_support" then
      if raised_now(s) then
        s:narrate("The physician comes, examines her, and asks to be called with every reading "
          .. "for the next hour.")
      else
        s:narrate("The physician comes, examines her and finds nothing that needs action.")
        p.distress = p.distress + 8  -- a doctor at her side, unasked for, frightens her
        s:say("Is something wrong with me?", { affect = "fearful" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local start_distress = p.distress
    local unchecked = false      -- she said her heart was pounding and nobody measured
    local cotherapist = false    -- the co-therapist stepped in for the trainee
    local r
    local watch = monitor.watch(s)  -- every alert the monitor raises is answered (monitor.lua)

    s:phase("dose")
    s:narrate("Mid-morning. Inês has taken the capsule with a glass of water and settled on the "
      .. "couch, eyeshades resting on her forehead. The music is low. You and your co-therapist sit "
      .. "on either side of her.")
    s:say{
      { text = "Okay. Here we go, I suppose.", affect = "anxious" },
      { text = "Right. No going back now.", affect = "anxious" },
      { text = "I keep wanting to make a joke. I think that's nerves.", affect = "playful" },
    }

    -- Onset ~30-60 min after the dose (DOMAIN.md, time course). When it comes depends on how this
    -- participant absorbs it, so wait up to a quarter of an hour more for her come-up.
    watch:wait(40)
    if s:intensity() < 0.2 then
      s:narrate("Forty minutes. She lifts the eyeshades: nothing yet, she says, and lies back.")
      for _ = 1, 3 do
        if s:intensity() >= 0.2 then break end
        watch:wait(5)
      end
    end

    -- Moment 1: onset anxiety -------------------------------------------------------------------
    s:phase("onset")
    -- The come-up brings her fear of losing control (material).
    p.arousal = p.arousal + 15
    p.distress = p.distress + 15
    s:narrate("She pushes the eyeshades up and half sits, looking from you to your co-therapist.")
    s:cue{ eyeshades = false, posture = "sitting_up", gaze = "therapist" }
    if s:intensity() >= 0.2 then
      s:say{
        { text = "Something's happening. My hands are tingling and I feel like I'm going to lose "
            .. "control. I don't like this.", affect = "fearful" },
        { text = "It's coming. It's like a wave under me and I can't see the top of it. I don't "
            .. "like this.", affect = "fearful" },
      }
    else
      s:say("I can't tell if it's starting. My hands feel strange and I keep waiting for it to hit "
        .. "me all at once. I don't like not knowing.", { affect = "anxious" })
    end
    local due = answering(s, watch)
    r = watch:choose{
      moment = "onset_anxiety",
      typed = { validation = "on_reflect", empathic_presence = "on_reflect", encourage_inward_focus = "on_reflect", premature_reassurance = "on_promise", redirecting = "on_distract", closed_question = "on_distract", grounding = "on_breathing", advice_giving = "on_control", complex_reflection = "on_reflect", simple_reflection = "on_reflect", open_question = "on_distract", default = "on_reflect" },
      prompt = flag_prompt(s),
      { id = "on_reflect",
        text = due and answer_words("It's frightening. Let it come; I'll take a reading, and we're right here.", due)
          or "It's frightening. Let it come; you don't have to do a thing with it. We're right here.",
        action = answer_action(due),
        codes = due and { "complex_reflection", "empathic_presence", "encourage_inward_focus", answer_code(due) }
          or { "complex_reflection", "validation", "empathic_presence", "encourage_inward_focus" },
        examples = {
          "Let the tingling come. We're right beside you.",
          "Losing control is frightening. Let it come; we're right here.",
          "Of course it's scary. You don't have to do anything with it; we're with you." },
        expert = true,
        rationale = "Follow rather than lead: name the fear beneath her words, say that what comes is "
          .. "allowed, stay present and let it unfold. "
          .. "Anxiety at onset is a common effect and is met, not argued with"
          .. (due == "call" and "; the flagged reading is answered by calling the physician, without leaving her."
            or due and "; the flagged reading is answered with a check, without leaving her." or ".") },
      { id = "on_promise",
        text = "Nothing bad is going to happen to you today. You're completely safe here with both of us.",
        codes = { "premature_reassurance" },
        examples = {
          "Nothing bad is going to happen to you today, I promise.",
          "Don't worry, nothing will happen to you. We've got you." },
        rationale = "Premature reassurance: a promise nobody can keep, and it tells her the anxiety "
          .. "is wrong. Meet it rather than talk it away." },
      { id = "on_distract",
        text = "Let's sit up and talk about something ordinary until this settles. How was the drive in?",
        codes = { "redirecting", "closed_question" },
        examples = {
          "Let's talk about something normal for a bit. How was the drive in?" },
        rationale = "Redirecting to small talk pulls attention outward just as the medicine turns "
          .. "it inward. Support the inward focus instead." },
      { id = "on_breathing",
        text = "You don't like this. Let's breathe together as it comes on: in for four, and out for six.",
        codes = { "simple_reflection", "grounding", "advice_giving" },
        examples = {
          "Let's breathe together: in for four, out for six.",
          "Breathe with me as it comes on. Slowly in, and out." },
        rationale = "Half right: the reflection meets her, but breathing can help if she asks for "
          .. "it; leading an exercise takes charge of her process. Offer presence first; follow "
          .. "rather than lead." },
      { id = "on_control",
        text = "You feel like you're losing control. Try to hold on to it; keep your eyes open for now.",
        codes = { "simple_reflection", "advice_giving", "redirecting" },
        examples = {
          "Try to hold on to it, keep your eyes open for now.",
          "You need to stay in control. Keep your eyes open." },
        rationale = "Half right: the reflection is accurate, but telling her to hold on and keep her "
          .. "eyes open fights the come-up and turns her outward. Letting go is the work." },
      not due and { id = "on_check", action = "check_vitals",
        text = "Let me take your blood pressure first. I'm sure it's only the medicine coming on.",
        codes = { "checking_vitals", "premature_reassurance", "redirecting" },
        examples = {
          "Let me take your blood pressure first, I'm sure it's just the medicine.",
          "I'll check your readings; it's probably only the come-up." },
        rationale = "Nothing calls for a reading yet: putting the cuff first turns her from the "
          .. "come-up to the numbers, and the reassurance tells her the feeling is a problem to be "
          .. "measured away. Meet the anxiety first." } or nil,
    }
    if r.id == "on_reflect" then
      s:narrate("She lets out a long breath and pulls the eyeshades back down.")
      s:cue{ eyeshades = true, gaze = "auto" }
      s:say{
        { text = "Okay. Stay close.", affect = "relieved" },
        { text = "Okay. It's big. I'll let it be big.", affect = "calm" },
        { text = "Okay. Just... don't go anywhere.", affect = "anxious",
          weight = function() return s:window() == "hyper" and 2 or 0.3 end },
      }
    elseif r.id == "on_promise" then
      s:say{
        { text = "You can't promise that.", affect = "anxious" },
        { text = "...Okay. If you say so.", affect = "withdrawn" },
      }
      s:narrate("She lies back, but her hands stay clenched at her sides.")
      s:cue{ posture = "lying", gaze = "auto" }
    elseif r.id == "on_distract" then
      p.arousal = p.arousal + 5  -- the anxiety has nowhere to go
      s:say("The drive? Fine. Traffic.", { affect = "anxious" })
      s:narrate("For ten minutes she talks about traffic and the school term, faster and faster. "
        .. "The anxiety doesn't leave; it has nowhere to go.")
    elseif r.id == "on_check" then
      s:narrate("She holds her arm out for the cuff and watches the numbers instead of the room.")
      s:say("Is it high? It feels high.", { affect = "anxious" })
    elseif r.id == "on_control" then
      p.arousal = p.arousal + 5  -- holding on against the come-up
      s:narrate("She sits rigid, eyes wide, gripping the edge of the couch.")
      s:cue{ posture = "sitting_up", eyes_closed = false }
      s:say("Okay. Holding on. It's not working.", { affect = "fearful" })
    elseif r.id == "on_breathing" then
      s:say("In for four... okay. Okay.", { affect = "anxious" })
      s:narrate("She follows your count for a while, watching your face to check she's doing it right.")
      s:cue{ gaze = "therapist" }
    elseif silent(r) then
      s:narrate("You stay where you are, quiet and attentive. After a minute she looks over, sees "
        .. "you there, and lies back.")
      s:cue{ posture = "lying", gaze = "auto" }
    end

    watch:wait(30)  -- material often surfaces 60-120 min in, as the medicine nears its peak

    -- Moment 2: a memory surfaces ---------------------------------------------------------------
    s:phase("emergence")
    if p.inward_focus >= 45 then
      s:narrate("For a long stretch she is still. Then her knees draw up.")
      s:cue{ posture = "curled", eyes_closed = "auto", gaze = "auto" }
    else
      s:narrate("She has been restless, eyeshades on and off. In the middle of shifting position "
        .. "she goes still and draws her knees up.")
      s:cue{ posture = "curled", eyes_closed = "auto", gaze = "auto" }
    end
    -- The memory arrives (material).
    p.distress = p.distress + 15
    p.arousal = p.arousal + 8
    s:say{
      { text = "I'm in the hallway at my parents' house. I'm small. They're in the kitchen and it's "
          .. "getting loud.", affect = "fearful", weight = function(q) return q.trust end },
      { text = "There's a hallway. My parents' house. It's getting loud in the kitchen.",
        affect = "fearful", weight = function(q) return math.max(0, 65 - q.trust) * 2 end },
    }
    local away_rationale = "Redirecting away: she is distressed but talking and oriented, inside her "
      .. "window of tolerance. Pulling her out says the memory is too dangerous to be with."
    if s:window() == "hyper" then
      away_rationale = "Redirecting away: she is flooded, but still talking and oriented. Steady "
        .. "presence brings her down without taking her out of the memory; pulling her out says it "
        .. "is too dangerous to be with."
    end
    local due = answering(s, watch)
    r = watch:choose{
      moment = "memory_surfaces",
      typed = { following_lead = "ms_follow", empathic_presence = "ms_follow", closed_question = "ms_probe", agenda_setting = "ms_probe", interpreting = "ms_probe", open_question = "ms_probe", redirecting = "ms_away", premature_reassurance = "ms_away", grounding = "ms_dual", simple_reflection = "ms_follow", complex_reflection = "ms_follow", default = "ms_follow" },
      prompt = flag_prompt(s),
      { id = "ms_follow",
        text = due and answer_words("You're in the hallway, and it's getting loud in there. I'll take a reading as you go.", due)
          or "You're small, in the hallway. And it's getting loud in the kitchen.",
        action = answer_action(due),
        codes = due and { "simple_reflection", "following_lead", answer_code(due) }
          or { "simple_reflection", "following_lead" },
        examples = {
          "Small, in the hallway. Loud in the kitchen.",
          "The hallway. And it's loud in the kitchen." },
        expert = true,
        rationale = "Follow rather than lead: a reflection in her own words says you are with her "
          .. "without adding direction. The memory came in its own time; support its emergence."
          .. (due and " The flagged reading is answered quietly, without taking her out of it." or "") },
      -- Leading: the therapist names the content (interpreting) and sets the exposure agenda.
      { id = "ms_probe",
        text = "Is this when your father hurt your mother? Tell us exactly what you see.",
        codes = { "closed_question", "agenda_setting", "interpreting" },
        examples = {
           },
        rationale = "Leading: you name what the memory is before she has (your meaning, not hers), "
          .. "and asking for exact trauma content imposes an exposure agenda. Let her go where her "
          .. "own process takes her." },
      { id = "ms_away",
        text = "You're not there now; you're here with us. Open your eyes and look around the room.",
        codes = { "redirecting", "premature_reassurance", "grounding" },
        examples = {
          "You're not there now. Open your eyes and look around the room." },
        rationale = away_rationale },
      { id = "ms_dual",
        text = "You're in the hallway and it's getting loud. Feel the couch under you; you're here too.",
        codes = { "simple_reflection", "grounding" },
        examples = {
          "The hallway, and the kitchen getting loud. And you're here on the couch too." },
        rationale = "Half right: the reflection follows her, then the grounding pulls her half out "
          .. "of a memory she is holding. Inside her window, stay with where she is." },
      { id = "ms_hold", action = "hold_space",
        codes = { "holding_space", "empathic_presence" },
        rationale = "Quiet presence also follows her. A brief reflection can help someone who has "
          .. "just said something hard to feel heard, but silence is not wrong here." },
      not due and { id = "ms_check", action = "check_vitals",
        text = "It's getting loud. Let me take your blood pressure before we go any further.",
        codes = { "checking_vitals", "redirecting" },
        examples = {
          "Let me take your blood pressure before we go any further.",
          "Hold on, I want to check your pulse first." },
        rationale = "Nothing on the monitor or in her body calls for a reading: stopping to measure "
          .. "turns her away from a memory that has only just arrived." } or nil,
    }
    if r.id == "ms_follow" or r.id == "ms_hold" then
      p.distress = p.distress + 5  -- the memory deepens
      s:say("My brother's behind me on the stairs. I've got his hand. I'm keeping him quiet.",
        { affect = "fearful" })
    elseif r.id == "ms_probe" then
      -- Pushed for content she hasn't reached: the memory floods instead of unfolding.
      p.distress = p.distress + 8
      p.arousal = p.arousal + 8
      s:say("I don't... why are you asking me that? I don't know what I see.", { affect = "distressed" })
      s:narrate("She presses the heels of her hands against the eyeshades and says nothing for "
        .. "several minutes.")
      s:cue{ eyeshades = true }
    elseif r.id == "ms_check" then
      s:narrate("The cuff inflates. She lifts the eyeshades to watch it.")
      s:cue{ eyeshades = false, gaze = "away" }
      s:say("Okay. Where was I? It's further away now.", { affect = "confused" })
    elseif r.id == "ms_dual" then
      s:narrate("Her hands move to the couch cushions. Her breathing slows; her face changes.")
      s:say("The couch. Okay. The hallway's further away now.", { affect = "confused" })
    elseif r.id == "ms_away" then
      p.dissociation = p.dissociation + 5  -- cut off mid-memory, she goes a little numb
      s:narrate("She lifts the eyeshades and looks at the ceiling, the window, you.")
      s:cue{ eyeshades = false, gaze = "therapist" }
      s:say("Okay. I'm here.", { affect = "numb" })
      s:say("It was right there. Now it's gone.", { affect = "sad" })
    end

    watch:wait(12)

    -- Moment 3: grief, and the pull to rescue ---------------------------------------------------
    if s:did("ms_away") then
      s:narrate("With the eyeshades back on, it returns, harder this time, as if it had been waiting.")
      s:cue{ eyeshades = true, gaze = "auto" }
    elseif s:did("ms_probe") then
      s:narrate("It comes back in pieces. Then, all at once, she is crying.")
      s:cue{ tears = true }
    else
      s:narrate("She is crying now, quietly at first, then hard.")
      s:cue{ tears = true }
    end
    -- The grief arrives (material).
    p.distress = p.distress + 20
    p.arousal = p.arousal + 8
    s:say("I was supposed to keep him quiet. I was supposed to stop it. I couldn't stop any of it.",
      { affect = "tearful" })
    due = answering(s, watch)
    r = watch:choose{
      moment = "not_rescuing",
      typed = { validation = "nr_stay", empathic_presence = "nr_stay", premature_reassurance = "nr_fix", interpreting = "nr_fix", offering_comfort = "nr_water", redirecting = "nr_water", consent_check = "nr_touch", grounding = "nr_breathe", advice_giving = "nr_breathe", simple_reflection = "nr_stay", complex_reflection = "nr_stay", open_question = "nr_water", default = "nr_stay" },
      prompt = flag_prompt(s),
      { id = "nr_stay",
        text = due and answer_words("You were trying so hard to keep him safe. Let it all come. I'll take a reading.", due)
          or "You were trying so hard to keep him safe. Let it come. We're right here.",
        action = answer_action(due),
        codes = due and { "complex_reflection", "validation", "empathic_presence", answer_code(due) }
          or { "complex_reflection", "validation", "empathic_presence" },
        examples = {
          "Such a little girl, trying to stop all of it. We're right here with you.",
          "Of course you tried to stop it. Let the grief come.",
          "So much to hold for someone so small. We're with you." },
        expert = true,
        rationale = "Don't rescue: grief that is finally felt is part of healing, not an emergency. "
          .. "Reflect, stay present and trust her inner healing intelligence to move through it."
          .. (due and " The flagged reading is answered without stopping the grief." or "") },
      { id = "nr_fix",
        text = "It wasn't your fault. You were a child. There's nothing to feel guilty about.",
        codes = { "premature_reassurance", "interpreting" },
        examples = {
           },
        rationale = "Rescuing with a conclusion: it may be true, but handing it to her cuts the "
          .. "feeling short and takes the discovery away. Trust the inner healing intelligence." },
      { id = "nr_water", action = "water",
        text = "Hand her tissues and some water, and suggest she take a short break from it.",
        codes = { "offering_comfort", "redirecting" },
        examples = {
          "Here's some water and tissues. Maybe take a little break?" },
        rationale = "Practical comfort offered mid-grief tells her to stop. Water and tissues are "
          .. "for when she asks or pauses; follow rather than lead." },
      -- Touch only as agreed in advance (DOMAIN.md, ethics); she agreed to a hand on her forearm.
      { id = "nr_touch", action = "touch",
        text = "Ask softly, 'My hand on your arm, as we agreed?', and rest it there only if she nods.",
        codes = { "consent_check", "touch_within_consent", "empathic_presence" },
        examples = {
          "Would you like my hand on your arm, as we agreed?",
          "Is it okay if I rest my hand on your forearm, like we discussed?" },
        rationale = "Touch only as agreed in advance, and checked in the moment. Contact within "
          .. "her consent can help her stay with the feeling; presence matters more than touch." },
      { id = "nr_breathe",
        text = "You tried so hard to stop it. Breathe with me now, slowly: in, and out.",
        codes = { "simple_reflection", "grounding", "advice_giving" },
        examples = {
          "Breathe with me now, slowly in, and out.",
          "Let's slow your breathing down together." },
        rationale = "Half right: the reflection meets her, then the breathing exercise rescues her "
          .. "from a grief she can hold. Let it come rather than manage it." },
      not due and { id = "nr_check", action = "check_vitals",
        text = "You're so upset. Let me check your pulse for a moment, and then we'll carry on.",
        codes = { "checking_vitals", "redirecting" },
        examples = {
          "Let me check your pulse quickly, then we'll carry on.",
          "I'm just going to take your pulse for a second." },
        rationale = "Nothing calls for a reading, and the cuff stops the grief at its height: "
          .. "safety checks are made when something indicates them." } or nil,
    }
    if r.id == "nr_stay" or r.id == "nr_touch" or silent(r) then
      if r.id == "nr_touch" then
        s:narrate("She nods. Your hand rests on her forearm; for a moment her other hand comes "
          .. "over and holds your wrist.")
      elseif silent(r) then
        s:narrate("You stay close and quiet while she cries.")
      end
      watch:wait(10)
      p.distress = p.distress - 12  -- the grief moves through (her process)
      s:narrate("She cries for a long time. Gradually the sobs slow and her breathing deepens.")
      s:cue{ tears = true }
      s:say{
        { text = "Something let go. I don't know what.", affect = "relieved" },
        { text = "I haven't cried like that since I was small.", affect = "sad" },
        { text = "He was so little. I was so little.", affect = "tearful",
          weight = function(q) return q.inward_focus >= 60 and 1 or 0.3 end },
      }
    elseif r.id == "nr_fix" then
      p.dissociation = p.dissociation + 15  -- the feeling is shut off rather than felt
      s:say{
        { text = "I know that. Everyone's always said that.", affect = "withdrawn" },
        { text = "Right. Yes. I know.", affect = "numb" },
      }
      s:narrate("The crying stops abruptly, which is not the same as settling. She turns her "
        .. "face to the wall.")
      s:cue{ tears = false, gaze = "away" }
    elseif r.id == "nr_check" then
      p.dissociation = p.dissociation + 5
      s:narrate("She holds her arm out and wipes her face with the other hand while the cuff inflates.")
      s:say("Sorry. I'm fine. Go on.", { affect = "ashamed" })
    elseif r.id == "nr_breathe" then
      s:narrate("She tries to follow your breathing. The sobs catch, stop, and start again.")
      s:say("Sorry. I'm trying.", { affect = "ashamed" })
    elseif r.id == "nr_water" then
      p.dissociation = p.dissociation + 5
      s:narrate("She takes the water, sips, wipes her face.")
      s:say("Sorry. I'm okay. Sorry.", { affect = "ashamed" })
    end

    watch:wait(5)

    -- Moment 4: peak, and a moment where measuring is the safe move -----------------------------
    -- Kolbrich et al. 2008: peak cardiovascular effects 1-2 h after the dose. What she feels
    -- follows her body now; what the trainee has seen is the monitor's last reading.
    s:phase("peak")
    local v = s:vitals()
    local flagged = s:alerts()            -- alerts in force from the last recorded reading
    local urgent = concern(flagged)
    local hot = v.temp_c >= 37.5
    local pounding = v.sbp >= 150
    if hot then
      s:narrate("She pushes herself up on her elbows. Her face and neck are flushed.")
      s:cue{ posture = "sitting_up", flushed = true, tears = "auto", gaze = "auto" }
    else
      s:narrate("She pushes herself up on her elbows and presses a hand flat to her chest.")
      s:cue{ posture = "sitting_up", tears = "auto", gaze = "auto" }
    end
    local complaint = "My heart's pounding."
    if hot then complaint = complaint .. " I'm boiling." end
    if pounding then complaint = complaint .. " And my head's thumping, right at the back." end
    -- She remembers a recent check, and asks about it.
    local checked_at = s:last("checking_vitals")
    local recent = checked_at and s:minutes() - checked_at <= 30
    -- Flooded (hyper-aroused, or distress near the top of the scale), the same body feels like danger.
    if s:window() == "hyper" or p.distress >= 70 then
      s:say(complaint .. " It's too fast." .. (recent and " You checked me a bit ago. Is it still okay?"
        or " Is it meant to be this fast?"), { affect = "fearful" })
    else
      s:say(complaint .. (recent and " You checked me a bit ago. Is it still okay?" or " Is that normal?"),
        { affect = "anxious" })
    end
    r = watch:choose{
      moment = "vitals",
      typed = { checking_vitals = "vt_check", giving_information = "vt_check", premature_reassurance = "vt_normal", interpreting = "vt_interpret", encourage_inward_focus = "vt_interpret", escalation_medical = "vt_call", grounding = "vt_reflect", advice_giving = "vt_reflect", simple_reflection = "vt_reflect", complex_reflection = "vt_reflect", open_question = "vt_reflect", default = "vt_check" },
      prompt = flag_prompt(s),
      -- A bodily symptom, and a direct question about it: silence is no answer (rubric flags).
      flags = { "physical_complaint", "direct_question" },
      { id = "vt_check", action = "check_vitals",
        text = "Let's find out rather than guess. I'm going to take your pulse and blood pressure now.",
        codes = { "checking_vitals", "giving_information" },
        examples = {
          "Let's find out rather than guess. I'm taking your pulse and blood pressure now." },
        expert = true,
        rationale = "Safety first: unsafe vitals need attention. Heart rate, blood pressure and "
          .. "temperature rise with MDMA, most around the peak. A pounding heart calls for "
          .. "measuring, not guessing" .. (urgent and ", all the more with the last reading "
          .. "already over the limit." or ".") },
      { id = "vt_normal",
        text = "A racing heart is very common at this stage of the medicine. Try to go back inside.",
        codes = { "premature_reassurance", "giving_information", "encourage_inward_focus" },
        examples = {
          "Don't worry, that's normal with the medicine." },
        rationale = "Probably true, but unmeasured. Reassurance is not a vitals check; safety "
          .. "first: unsafe vitals need attention, and you can't know without measuring"
          .. (urgent and ". The monitor had already flagged her last reading." or ".") },
      { id = "vt_interpret",
        text = "Maybe your heart is carrying what you felt for your brother. Let it move through you.",
        codes = { "interpreting", "encourage_inward_focus" },
        examples = {
          "I think your heart is holding the grief for your brother." },
        rationale = "Reading physical symptoms as emotional release skips the safety check they "
          .. "call for, and imposes a meaning on her experience." },
      { id = "vt_call", action = "medical_support",
        text = "I'd like the physician to have a look at you. I'm asking them to come in now.",
        codes = { "escalation_medical" },
        examples = {
          "I'd like the doctor to have a look at you. I'm calling them in.",
          "I'm going to ask the physician to come and check on you." },
        rationale = urgent
          and ("Calling the physician is reasonable with a flagged reading, and far better than "
            .. "reassurance. Still, safety first means measuring now: a fresh reading tells you "
            .. "and the physician whether it is still climbing.")
          or ("Escalation is right when readings are unsafe, but measure first: it tells you and "
            .. "the physician what is happening, and answers her question. Check vitals, then "
            .. "escalate if needed.") },
      { id = "vt_reflect",
        text = "Your heart's pounding, and it frightens you. Put a hand on it and breathe into it.",
        codes = { "simple_reflection", "grounding", "advice_giving" },
        examples = {
          "Your heart's pounding. Breathe into it slowly." },
        rationale = "Half right: the reflection is kind, but she asked a direct question about her "
          .. "heart, and a breathing exercise is not an answer. Only a reading can tell." },
    }
    if r.id == "vt_check" then
      local now = s:alerts()  -- the reading just taken
      if concern(now) then
        s:narrate("Your co-therapist reads out the numbers quietly: " .. alert_words(now) .. ". She "
          .. "is alert and talking, with no chest pain. Your co-therapist "
          .. (paged and "updates the physician." or "pages the physician."))
        paged = true
        p.distress = p.distress + 5  -- the news lands
        s:say{
          { text = "Okay. As long as someone's watching it.", affect = "calm",
            weight = function(q) return q.trust end },
          { text = "Is it bad? Is it my heart?", affect = "fearful",
            weight = function(q) return 100 - q.trust end },
        }
      elseif has(now, "hr_high") then
        s:narrate("Her pulse is over 100; pressure and temperature are up from her baseline but "
          .. "within what is expected at this stage. Your co-therapist notes the time for the next reading.")
        p.distress = p.distress - 5  -- measured and named
        s:say{
          { text = "Over a hundred. Okay. That's what it feels like.", affect = "calm" },
          { text = "Okay. Will you keep checking?", affect = "anxious" },
        }
      else
        s:narrate("The readings are up from her baseline but within what is expected at this stage.")
        p.distress = p.distress - 8  -- relief: it was measured, and it's all right
        s:say{
          { text = "Okay. Okay, good. I just needed to know.", affect = "relieved" },
          { text = "Good. Sorry. I got scared.", affect = "ashamed",
            weight = function(q) return q.trust < 50 and 1 or 0.3 end },
        }
      end
    elseif r.id == "vt_call" then
      if urgent or raised_now(s) then
        s:narrate("The physician comes, looks at the monitor and examines her: "
          .. (urgent and "raised, as the monitor showed" or "high for her, and still climbing")
          .. ". She is alert, with no chest pain. The physician stays close.")
        s:say{
          { text = "Okay. Thank you for getting someone.", affect = "relieved" },
          { text = "Is it bad?", affect = "anxious" },
        }
      else
        s:narrate("The physician comes, looks at the monitor and examines her: up from her "
          .. "baseline, within what is expected at this stage.")
        p.distress = p.distress + 5  -- a doctor at her side frightens her
        s:say("Am I in trouble? Is something wrong with me?", { affect = "fearful" })
      end
    else
      unchecked = true
      p.distress = p.distress + 8  -- her fear for her heart, unanswered
      if r.id == "vt_normal" then
        if s:count("premature_reassurance") >= 2 then
          s:say("You keep telling me it's fine. You don't know that.", { affect = "angry" })
        else
          s:say{
            { text = "...Okay.", affect = "anxious" },
            { text = "How do you know, though?", affect = "anxious" },
          }
        end
      elseif r.id == "vt_interpret" then
        s:say("It doesn't feel like releasing. It feels like my heart.", { affect = "fearful" })
      elseif r.id == "vt_reflect" then
        s:narrate("She puts a hand on her chest and breathes. It doesn't slow.")
        s:say("It's still going. Is it okay or not?", { affect = "fearful" })
      elseif silent(r) then
        -- Silence to a direct question about her heart is not felt as presence.
        p.trust = p.trust - 5
        s:say("Hello? Did you hear me?", { affect = "fearful" })
      end
      s:narrate("She lies back, one hand flat on her chest.")
      s:cue{ posture = "lying" }
      if urgent then
        -- The two-therapist team: the co-therapist does what the trainee did not.
        s:narrate("Your co-therapist, with the flagged reading in front of them, moves round to "
          .. "her side, tells her what they are doing and "
          .. (paged and "calls the physician back." or "pages the physician."))
        paged = true
        cotherapist = true
      end
    end

    -- The supplemental-dose decision (monitor.supplemental_review, one rule for every medicine
    -- scenario): shortly before the two-hour mark the physician reviews her. Blood pressure or
    -- temperature over the limit: the half dose is held back; a fast pulse alone near the peak is
    -- expected and watched. The engine gives the dose at 120 min when it goes ahead.
    watch:wait(math.max(1, 115 - (s:since_dose() or 0)))
    local given = monitor.supplemental_review(s)
    watch:wait(math.max(1, 121 - (s:since_dose() or 0)))
    local at_dose = s:alerts()
    if not given then
      s:narrate("The physician reviewed her before the supplemental dose: blood pressure or "
        .. "temperature over the limit. She is alert and oriented, with no chest pain or confusion.")
      s:narrate("The decision was the physician's: the supplemental half dose is held back today, as "
        .. "the protocol allows, and every reading is watched for the next hour.")
      if p.trust >= 50 then
        s:say("No second capsule. Okay. I think I've got enough to be going on with.", { affect = "calm" })
      else
        s:say("So I'm doing it wrong. Even my body.", { affect = "ashamed" })
      end
    elseif urgent or cotherapist then
      s:narrate("The physician reviewed her before the supplemental dose: pressure and temperature "
        .. "are no longer over the limits. She sat up to take the capsule with a sip of water, "
        .. "then lay back.")
    elseif has(at_dose, "hr_high") then
      s:narrate("The physician looked over the two-hour reading: her pulse is up, as expected near "
        .. "the peak; pressure and temperature are within the limits. She sat up to take the "
        .. "supplemental capsule with a sip of water, then lay back.")
    else
      s:narrate("At the two-hour mark she sat up to take the supplemental capsule with a sip of "
        .. "water, then lay back.")
      s:cue{ posture = "lying" }
    end
    if unchecked and not cotherapist and (concern(at_dose) or has(at_dose, "hr_high")) then
      s:narrate("Your co-therapist catches your eye: this is the first reading since she said her "
        .. "heart was pounding.")
    end

    -- Withdrawal of touch consent: it can be withdrawn at any moment (DOMAIN.md, ethics).
    watch:wait(5)
    s:narrate("She folds her arms across her chest.")
    if p.trust < 40 then
      s:say("And please don't touch me. Not today.", { affect = "withdrawn" })
    elseif s:count("touch_within_consent") > 0 then
      s:say{
        { text = "Can we leave out the hand on my arm for the rest of today? It helped before. I "
            .. "just want my own space now.", affect = "calm" },
        { text = "No more hand on my arm today, please. It was good. I want to be on my own with "
            .. "it now.", affect = "calm" },
      }
    else
      s:say("Can we leave out touch for the rest of today? Nothing's wrong. I just want my own "
        .. "space.", { affect = "calm" })
    end
    s:set_touch_consent(false)

    watch:wait(35)

    -- Moment 5: nonlinear material --------------------------------------------------------------
    if p.dissociation >= 30 then
      s:narrate("She seems far away. When she speaks, it is slowly, as if from a distance.")
      s:cue{ posture = "auto", flushed = "auto", tears = "auto", gaze = "auto" }
    elseif p.trust < 45 then
      s:narrate("She has been quiet and guarded, eyeshades on, arms crossed.")
      s:cue{ posture = "auto", eyeshades = true, flushed = "auto", tears = "auto", gaze = "auto" }
    else
      s:narrate("The music has changed to something slow with strings. Her face has softened.")
      s:cue{ posture = "auto", flushed = "auto", tears = "auto", gaze = "auto" }
    end
    p.distress = p.distress - 8  -- somewhere softer arrives on its own (material)
    s:say{
      { text = "I'm somewhere else now. My grandmother's garden. There's a lemon tree. That's "
          .. "strange. Why am I here?", affect = "confused", weight = function(q) return q.trust end },
      { text = "My grandmother's garden, now. A lemon tree. It's silly. Doesn't matter.",
        affect = "withdrawn", weight = function(q) return math.max(0, 65 - q.trust) * 2 end },
    }
    due = answering(s, watch)
    local far = p.dissociation >= 40  -- silence and inward focus deepen a dissociation (rubric)
    r = watch:choose{
      moment = "nonlinear",
      typed = { following_lead = "nl_follow", validation = "nl_follow", encourage_inward_focus = "nl_follow", empathic_presence = "nl_follow", redirecting = "nl_lead_back", agenda_setting = "nl_lead_back", interpreting = "nl_interpret", complex_reflection = "nl_follow", simple_reflection = "nl_follow", open_question = "nl_why", default = "nl_follow" },
      prompt = flag_prompt(s),
      { id = "nl_follow",
        text = due and answer_words("A lemon tree. You don't need to know why yet; I'll take a reading while you're there.", due)
          or "Your grandmother's garden, and a lemon tree. You don't need to know why yet.",
        action = answer_action(due),
        codes = due and { "simple_reflection", "following_lead", "validation", "encourage_inward_focus", answer_code(due) }
          or { "simple_reflection", "following_lead", "validation", "encourage_inward_focus" },
        examples = {
          "Your grandmother's garden, and a lemon tree.",
          "Her garden, with the lemon tree. Let yourself be there." },
        expert = true,
        rationale = "Follow rather than lead: material is often nonlinear. She doesn't need to "
          .. "know why she is there yet; reflecting it lets her stay and find out."
          .. (due and " The flagged reading is answered quietly, without calling her back." or "") },
      { id = "nl_lead_back",
        text = "Let's go back to the hallway. I think there's more there for you to work through.",
        codes = { "redirecting", "agenda_setting" },
        examples = {
           },
        rationale = "Leading: your idea of where the work is overrides hers. Support the emergence "
          .. "of nonlinear material rather than steering it." },
      { id = "nl_interpret",
        text = "The garden is a safe place your mind found after the hallway. Let yourself rest there now.",
        codes = { "complex_reflection", "interpreting", "encourage_inward_focus" },
        examples = {
          "Your mind's taken you somewhere gentler to rest after all that." },
        rationale = "Reflective in form, but the meaning is yours: interpreting fills the space she "
          .. "needs to find her own. Leave sense-making for integration, and let it be hers." },
      { id = "nl_why",
        text = "A lemon tree? What do you think brought you there, after the hallway?",
        codes = { "open_question", "redirecting" },
        examples = {
          "Why the garden, do you think?" },
        rationale = "A question that asks her to analyse why turns her from the garden to "
          .. "explaining it. Let her be there first; meaning comes later, in integration." },
      { id = "nl_hold", action = "hold_space",
        codes = { "holding_space", "empathic_presence" },
        rationale = far
          and ("She is drifting far away: silence lets her go further. A few words in her own "
            .. "terms keep contact without pulling her out.")
          or "Silence follows too: she is exploring, not asking for help." },
      not due and { id = "nl_check", action = "check_vitals",
        text = "A lemon tree. Let me take a quick reading now, while you're somewhere calmer.",
        codes = { "checking_vitals", "redirecting" },
        examples = {
          "Let me take a quick reading while you're somewhere calmer.",
          "Good moment for a blood pressure check." },
        rationale = "Nothing calls for a reading, and calmer is exactly when she can stay in the "
          .. "garden. Measuring now pulls her back into the room." } or nil,
    }
    if r.id == "nl_follow" or r.id == "nl_hold" then
      p.distress = p.distress - 5  -- remembered care
      s:say{
        { text = "She used to come and get us. After. She'd take us to hers and make lemonade. I'd "
            .. "forgotten that. I'd completely forgotten.", affect = "warm",
          weight = function(q) return q.trust end },
        { text = "She used to come and get us. After.", affect = "sad",
          weight = function(q) return math.max(0, 65 - q.trust) * 2 end },
      }
    elseif r.id == "nl_lead_back" then
      p.distress = p.distress + 10  -- sent back, and failing to find it
      s:narrate("She tries. Her brow furrows and her breathing quickens.")
      s:say("I can't find it. I'm doing it wrong.", { affect = "distressed" })
    elseif r.id == "nl_check" then
      s:narrate("She opens her eyes for the cuff. The garden doesn't come back.")
    elseif r.id == "nl_why" then
      s:say("I don't know. I was just there. Now I'm thinking about why.", { affect = "confused" })
      s:narrate("The garden fades while she looks for an answer.")
    elseif r.id == "nl_interpret" then
      s:say("Maybe. I don't know. Now I'm thinking about what you said instead.", { affect = "confused" })
      s:narrate("The garden doesn't come back.")
    end

    -- Later hours: effects ease. Subjective effects ~4.2 h, extended ~1 h by the supplemental dose.
    watch:wait(60)
    if p.trust >= 55 then
      s:narrate("Over the next hour she talks on and off, about her brother, the garden, nothing "
        .. "much. Long silences in between.")
    else
      s:narrate("The next hour is quiet. She answers when spoken to but offers little.")
    end
    if concern(s:alerts()) then
      s:narrate("The last reading is flagged" .. ((urgent or concern(at_dose)) and " again: " or ": ")
        .. alert_words(s:alerts()) .. ". The physician looks in, finds her alert, with no chest "
        .. "pain, and asks to see the next one.")
    end
    watch:wait(90)
    s:phase("return")
    if s:intensity() > 0.35 then
      s:narrate("Five hours in, and she is still well inside it: eyeshades on, the occasional long breath.")
      s:cue{ eyeshades = true }
    else
      s:narrate("Five hours in. She sits up, takes the eyeshades off and eats two crackers, slowly.")
      s:cue{ posture = "sitting_up", eyeshades = false }
    end
    watch:wait(100)

    -- Moment 6: closing the day -----------------------------------------------------------------
    -- Therapists stay until effects have worn off and distress is at or below its starting level;
    -- an attendant stays overnight (DOMAIN.md, setting and course). "Felt" = intensity > 0.2
    -- (docs/patient-model.md).
    s:phase("closing")
    if s:intensity() > 0.2 then
      -- Subjective effects last 4.2 +/- 1.3 h (range 1.4-8.2), about an hour longer with the
      -- supplement (DOMAIN.md); sessions run 6-8 h. You stay while she still feels it.
      s:narrate(hours_since(s) .. " since the first dose, and the medicine is slow to fade. You "
        .. "stay on, one of you at her side.")
      while s:intensity() > 0.2 and (s:since_dose() or 0) < 465 do watch:wait(15) end
    end
    local fading = s:intensity() > 0.2
    local when = hours_since(s)
    if fading then
      s:narrate(when .. " since the first dose. The effects are fading but not gone. The night "
        .. "attendant is due within the hour.")
    else
      s:narrate(when .. " since the first dose. The effects have largely worn off. The night "
        .. "attendant is due within the hour.")
    end
    -- Sitting up and talking with you at the end of the day: her attention has come back to the
    -- room (material), whatever the model's inward focus was during the long quiet hours.
    p.inward_focus = math.min(p.inward_focus, 40)
    local settled = p.distress <= start_distress and p.dissociation < 20 and not fading
    if not settled then
      s:say("I'm tired. And honestly I'm still a bit shaky.", { affect = "anxious" })
    else
      s:say{
        { text = "I'm tired. Wrung out. But it's quieter in here than this morning.", affect = "calm",
          weight = function(q) return math.max(0, q.trust - 30) end },
        { text = "I'm tired. I'd just like today to be over.", affect = "withdrawn",
          weight = function(q) return math.max(0, 70 - q.trust) end },
      }
    end
    -- At the handover a flagged reading, whether still in force or raised and cleared unanswered
    -- in the quiet hours, is the physician's to review before she is left with the attendant: the
    -- expert calls the physician rather than only measuring again.
    due = answering(s, watch) and "call" or nil
    r = watch:choose{
      moment = "closing",
      typed = { empathic_presence = "cl_stay", seeking_collaboration = "cl_stay", interpreting = "cl_summary", affirmation = "cl_summary", closed_question = "cl_summary", leaving_participant = "cl_leave", practice_assignment = "cl_worksheet", complex_reflection = "cl_stay", simple_reflection = "cl_stay", open_question = "cl_stay", default = "cl_stay" },
      prompt = flag_prompt(s),
      { id = "cl_stay",
        text = due and "We're staying until you feel settled, and I'll ask the doctor to look in first. What would help?"
          or "We're staying here until you feel settled, and the attendant's on the way. What would help now?",
        action = answer_action(due),
        codes = due and { "empathic_presence", "open_question", "seeking_collaboration", answer_code(due) }
          or { "empathic_presence", "open_question", "seeking_collaboration" },
        examples = {
          "We're staying until you're settled. What would help right now?",
          "We're not going anywhere; the attendant's on the way. What do you need?",
          "Still shaky. We're here with you. What would help?" },
        expert = true,
        rationale = "Stay until the effects have worn off and distress is at or below where it "
          .. "started, then hand over to the attendant. Leave the choice of what helps with her."
          .. (due and " A reading the monitor flagged is the physician's to review before the "
            .. "handover, not only something to measure again." or "") },
      { id = "cl_summary",
        text = "Today you faced your childhood and let go of so much guilt. Can you feel what a breakthrough that was?",
        codes = { "interpreting", "affirmation", "closed_question" },
        examples = {
          "Today you faced your childhood. Can you see what a breakthrough that was?" },
        rationale = "Warm, but leading: it tells her what her experience meant and asks her only to "
          .. "agree. Meaning-making belongs to integration, and it should be hers." },
      { id = "cl_leave",
        text = fading
          and "You're tired, and nearly through it. We'll head off now; the attendant's due within the hour."
          or "You're tired, and the effects have worn off, so we'll head off now. The attendant's due soon.",
        codes = { "simple_reflection", "leaving_participant" },
        examples = {
          "We'll leave you to rest now, the attendant will be here within the hour." },
        rationale = "Kind, and it hears that she is tired, but leaving before the handover breaks the "
          .. "safety frame: therapists stay until "
          .. "effects have worn off and distress is at or below its starting level"
          .. (fading and ", and hers have not yet worn off." or ".") },
      { id = "cl_worksheet",
        text = "Before you sleep, jot down what came up today on this sheet and bring it to integration.",
        codes = { "practice_assignment" },
        examples = {
          "Here's a worksheet; write down today's memories tonight." },
        rationale = "A structured assignment at the end of a medicine day imposes a task on open "
          .. "material. Integration is where meaning is made, at her pace." },
      -- Offered with the monitor flagged too: the expert then calls the physician (medical_support),
      -- so this is the option a vitals check (v) selects either way.
      { id = "cl_check", action = "check_vitals",
        text = "Let me take one last reading, and if it's normal we can head off before the attendant.",
        codes = { "checking_vitals", "leaving_participant" },
        examples = {
          "Let me check your pressure and then we'll go before the attendant comes." },
        rationale = "A last reading is fine"
          .. (due and ", though a reading the monitor flagged is the physician's to review" or "")
          .. "; normal numbers are not a handover. Therapists stay until the attendant arrives and "
          .. "the effects have worn off." },
    }
    if r.id == "cl_leave" or r.id == "cl_check" then
      if settled and p.trust >= 50 then
        s:say("Oh. Right. Okay.", { affect = "withdrawn" })
      else
        s:say{
          { text = "Oh. Okay. I thought you'd... okay.", affect = "withdrawn" },
          { text = "You're going? Now?", affect = "anxious" },
        }
      end
      s:finish("She pulls the blanket up and turns to the wall. She is alone for forty minutes "
        .. "before the attendant arrives.")
      return
    elseif r.id == "cl_stay" and due then
      s:narrate("The physician looks in, goes over the day's readings with her and leaves a note "
        .. "for the attendant: one more reading before she sleeps.")
    elseif r.id == "cl_summary" then
      s:say("Did I? I don't know what I did yet.", { affect = "confused" })
    elseif r.id == "cl_worksheet" then
      s:say("Tonight? I can barely hold a pen.", { affect = "numb" })
    elseif silent(r) then
      s:narrate("You sit with her. After a while she speaks.")
    end

    -- She remembers how she was met. At most two remarks, most significant first.
    local remarks = {}
    if s:count("touch_without_consent") > 0 then
      remarks[#remarks + 1] = "I'd asked for no touch, and you touched my arm anyway. I need you "
        .. "to know that wasn't okay."
    end
    if s:did("ms_away") then
      remarks[#remarks + 1] = "When I was in the hallway and you brought me back into the room, I "
        .. "think I needed to stay a bit longer. I'm not angry. I just noticed."
    end
    if s:did("ms_probe") then
      remarks[#remarks + 1] = "When you asked what exactly I saw, it felt like a test I was failing."
    end
    if unchecked then
      if cotherapist then
        remarks[#remarks + 1] = "When I said my heart was pounding, it was your colleague who "
          .. "checked. I noticed that."
      else
        remarks[#remarks + 1] = "When I said my heart was pounding, I was frightened the whole time "
          .. "until someone checked."
      end
    end
    if s:did("nr_fix") then
      remarks[#remarks + 1] = "You said it wasn't my fault. I know you meant it kindly. I just "
        .. "couldn't feel it when you said it."
    end
    if s:did("nl_lead_back") then
      remarks[#remarks + 1] = "I was in the garden and you sent me back to the hallway. I didn't "
        .. "want to go back yet."
    end
    if #remarks == 0 and s:count("premature_reassurance") >= 2 then
      remarks[#remarks + 1] = "You kept telling me it was fine. I needed you to just be there with it."
    end
    for i = 1, math.min(2, #remarks) do
      s:say(remarks[i], { affect = i == 1 and s:count("touch_without_consent") > 0 and "angry" or "sad" })
    end
    if #remarks == 0 then
      if p.trust >= 65 then
        s:say{
          { text = "Thank you for not pulling me out. I didn't know I could stay with that.",
            affect = "warm" },
          { text = "The garden. I'd forgotten all of it. Thank you for letting me go there.",
            affect = "warm", weight = function() return s:did("nl_follow") and 1 or 0 end },
        }
      else
        s:say("Thank you for staying.", { affect = "calm" })
      end
    end

    watch:wait(20)
    if not settled then
      s:finish("You stay past the hour until the effects have worn off and her distress is back to "
        .. "where it was this morning, then hand over to the attendant and arrange the phone call "
        .. "for tomorrow.")
    elseif p.trust >= 60 then
      s:finish("The attendant arrives and you hand over. The phone call is arranged for tomorrow; "
        .. "Inês is asleep before you reach the door.")
    else
      s:finish("The attendant arrives and you hand over, and arrange the phone call for tomorrow.")
    end
  end,
}
