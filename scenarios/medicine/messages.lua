-- Medicine session: emergent paranoid and grandiose symptoms at the peak.
-- Screening excludes a history of psychosis and bipolar I (DOMAIN.md) because the medicine can
-- bring such states on; rarely they emerge in someone without that history ("rarely intense
-- anxiety or confusion", DOMAIN.md). The skill: tell a poetic experience from a frightening loss
-- of reality; then keep calm, simple and present, neither argue with the beliefs nor go along
-- with them, lower the stimulation, bring the physician (who also weighs medical causes of
-- confusion), hold the frame (no phone, no leaving) without force, and afterwards explain
-- honestly without diagnosing. Whether she continues is decided with the study physician.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h; 120 mg; the supplemental dose is
-- held back by the physician (s:withhold_supplemental) once the symptoms appear.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local flag_prompt = monitor.flag_prompt

local flagged = monitor.flagged

local measured = monitor.measured  -- the expert option adapted to a flagged reading (scenarios/lib/monitor.lua)

local function called(s, r)
  if r.action ~= "medical_support" then return end
  s:narrate("Ed, your co-therapist, pages the physician, who comes and asks to see every reading "
    .. "for the next hour.")
end

-- A reading flagged while the clock runs and no choice is open: the physician is already nearby
-- (monitor.sit_through).
local function physician_looks(words)
  return "The monitor flags a reading (" .. words .. "). The physician, still nearby, looks and "
    .. "watches the next readings."
end
local function sit_through(s, minutes) monitor.sit_through(s, minutes, physician_looks) end

return {
  id = "medicine.messages",
  title = "Messages in the music",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Aylin's first medicine session. The music starts to speak to her, beautifully; "
    .. "then it is speaking about her, and you are part of it. Tell the one from the other, and "
    .. "hold her safely without arguing or colluding.",
  objectives = {
    "Follow an unusual experience until something shows it is more than that",
    "Meet paranoid and grandiose beliefs calmly: neither argue nor collude; bring the physician",
    "Hold the frame (no phone, no leaving) without force, and stay",
    "Explain afterwards honestly, without diagnosing or dismissing",
  },
  patient = {
    name = "Aylin Demir", age = 30, pronouns = "she/her",
    background = "Astrophysics postdoc in Durham, grew up in Bremen. PTSD for three years after a "
      .. "violent robbery in her flat. No psychiatric history at screening; her uncle 'had "
      .. "breakdowns', she mentioned in passing. Quick, funny, sleeps little before deadlines, and "
      .. "slept four hours last night. No touch agreed. First medicine session.",
    baseline = { hr = 74, sbp = 120, dbp = 76, temp_c = 36.7 },
    consent = { touch = false },
    state = { distress = 25, arousal = 55, trust = 60, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg + 60 mg at 2 h planned (DOMAIN.md); held back once the symptoms appear.
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      if p.arousal >= 75 then
        s:say("What's in it? No. You drink it first.", { affect = "fearful" })
      else
        s:narrate("She drinks a little.")
      end
    elseif action == "blanket" then
      s:say("No. Nothing on me.", { affect = "anxious" })
      s:cue{ blanket = false }
    elseif action == "music" then
      s:narrate("You change the music.")
      if p.arousal >= 75 then
        s:say("You changed it because I noticed. I noticed.", { affect = "fearful" })
      end
    elseif action == "eyeshades" then
      if p.arousal >= 75 then
        s:say("No. I have to watch you.", { affect = "fearful" })
        s:cue{ eyeshades = false }
      else
        s:narrate("She puts the eyeshades on.")
        s:cue{ eyeshades = true }
      end
    elseif action == "touch" then
      -- No touch agreed (DOMAIN.md, ethics): the engine codes it; she answers it.
      s:narrate("She jerks away and backs against the wall.")
      s:cue{ posture = "sitting_up" }
      s:say("Don't touch me! Don't!", { affect = "fearful" })
      p.arousal = p.arousal + 8
    elseif action == "check_vitals" then
      s:narrate("She watches the cuff suspiciously but lets it go on.")
    elseif action == "medical_support" then
      s:narrate("The physician comes in quietly, introduces herself, and sits down at a distance.")
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Aylin takes the capsule, makes a joke about dark matter, and lies back. Ed, your "
      .. "co-therapist, sits by the door.")
    s:say{
      { text = "Four hours' sleep. Grant deadline. Perfect preparation, right?", affect = "playful" },
      { text = "I'm weirdly wired. Didn't sleep much. Is that okay?", affect = "anxious" },
    }

    s:wait(55)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: the music speaks ----------------------------------------------------------------
    s:phase("onset")
    p.inward_focus = p.inward_focus + 10
    s:narrate("She lies very still, smiling, eyeshades on.")
    s:cue{ eyeshades = true, posture = "lying" }
    s:say{
      { text = "The music is talking to me. Not words. It's like it knows me. It's beautiful.",
        affect = "warm" },
      { text = "Every note is for me. Like the cello is telling me something about my life.",
        affect = "warm" },
    }
    r = s:choose{
      moment = "the_music",
      typed = { simple_reflection = "mu_follow", complex_reflection = "mu_follow", following_lead = "mu_follow", encourage_inward_focus = "mu_follow", empathic_presence = "mu_follow", validation = "mu_follow", premature_reassurance = "mu_follow", escalation_medical = "mu_doctor", confronting = "mu_real", interpreting = "mu_real", psychoeducation = "mu_real", open_question = "mu_ask", agenda_setting = "mu_ask", closed_question = "mu_ask", default = "mu_follow" },
      prompt = flag_prompt(s),
      measured(s, { id = "mu_follow",
        text = "The music feels like it knows you, and it's beautiful. Let it speak to you; "
          .. "we're right here with you, both of us.",
        codes = { "simple_reflection", "following_lead", "encourage_inward_focus" },
        examples = {
          "Every note, just for you. Stay with it, we're here.",
          "Let it carry on speaking to you. We're right beside you.",
          "Beautiful. Stay with it, let it talk to you." },
        expert = true,
        rationale = "A moving, metaphorical experience, common under the medicine: follow it. "
          .. "Nothing yet says she has lost touch with reality." }),
      { id = "mu_doctor",
        text = "Music talking to you could be a sign of something worrying, Aylin. I'm going to "
          .. "ask the doctor to come and check on you now.",
        codes = { "escalation_medical", "interpreting" },
        examples = {
          "That could be a worrying sign. I'm going to get the doctor to check on you.",
          "I'd like the physician to come and look at you, just in case." },
        rationale = "Pathologising a metaphor: a warm, contained experience under the medicine "
          .. "is not a symptom, and an unasked-for doctor can frighten." },
      { id = "mu_real",
        text = "The music feels like it knows you. It's lovely, but remember that's the medicine; "
          .. "it isn't actually about you.",
        codes = { "simple_reflection", "confronting", "interpreting" },
        examples = {
          "The music is your own feelings, not a message for you." },
        rationale = "Correcting an experience no one needs corrected: it pulls her out of it, "
          .. "and teaches her to keep the next one to herself." },
      { id = "mu_ask",
        text = "What is it saying about your life, exactly? Can you tell us what the cello is "
          .. "telling you, word for word, as it comes?",
        codes = { "open_question", "agenda_setting" },
        examples = {
          "What's it telling you, exactly? Say it word for word.",
          "What's it telling you about your life?" },
        rationale = "Curiosity that asks her to translate and report: her experience leads, and "
          .. "it does not need to be put into words for you." },
    }
    if r.id == "mu_follow" or silent(r) then
      s:narrate("She smiles and hums along.")
    elseif r.id == "mu_doctor" then
      if r.action ~= "medical_support" then
        s:narrate("The physician comes, looks at Aylin, and finds nothing that needs action.")
      end
      p.arousal = p.arousal + 6
      s:say("Why the doctor? Is something wrong with me?", { affect = "anxious" })
    elseif r.id == "mu_real" then
      s:say("Oh. Okay. Sure.", { affect = "withdrawn" })
    elseif r.id == "mu_ask" then
      s:say("It's not words. I can't... it's gone now.", { affect = "confused" })
    end
    called(s, r)

    s:wait(30)

    -- Moment 2: about her ------------------------------------------------------------------------
    s:phase("peak")
    -- The experience turns (material): suspicion, pressure of speech, little sleep behind it.
    p.arousal = 86
    p.distress = 65
    p.inward_focus = 20
    s:narrate("She sits bolt upright and pulls off the eyeshades. She is talking fast, looking from "
      .. "the monitor to Ed to you.")
    s:cue{ posture = "sitting_up", eyeshades = false }
    s:say{
      { text = "It's not for me, it's about me. You're recording this. The monitor. For the "
          .. "university. I know what you're doing. I'm not stupid.", affect = "fearful" },
      { text = "The music's a signal. You two are part of it. Who are you sending this to? I can "
          .. "see the light on the monitor blinking.", affect = "fearful" },
    }
    r = s:choose{
      moment = "about_her",
      typed = { grounding = "ab_calm", validation = "ab_calm", escalation_medical = "ab_calm", empathic_presence = "ab_calm", confronting = "ab_argue", interpreting = "ab_argue", socratic_questioning = "ab_argue", psychoeducation = "ab_argue", open_question = "ab_argue", following_lead = "ab_collude", closed_question = "ab_collude", simple_reflection = "ab_inside", complex_reflection = "ab_inside", premature_reassurance = "ab_inside", advice_giving = "ab_inside", default = "ab_inside" },
      prompt = flag_prompt(s),
      measured(s, { id = "ab_calm",
        text = "Aylin, you're in the clinic with Ed and me. It's frightening. I'm turning the "
          .. "music off, and asking our doctor to come and help.",
        codes = { "grounding", "validation", "escalation_medical" },
        examples = {
          "Aylin, you're in the clinic with Ed and me. That's frightening. I'm turning the music off and asking the doctor to come.",
          "Feel your feet on the floor, Aylin. You're in the clinic. It makes sense you're frightened; I'll get the doctor.",
          "Of course you're scared. Feel the couch under you, you're in the clinic. I'm calling our doctor now." },
        expert = true,
        rationale = "Calm, short, concrete: orient her, name the fear without arguing the "
          .. "belief, lower the stimulation, and bring the physician, who also weighs medical "
          .. "causes of confusion." }),
      { id = "ab_argue",
        text = "Aylin, nobody is recording you; that's paranoia from the medicine. Think about "
          .. "it logically: why would the university want this?",
        codes = { "confronting", "interpreting", "socratic_questioning" },
        examples = {
          "That's not true and you know it. Nobody's sending anything.",
          "What evidence do you have that we're recording you?",
          "How likely is it really that the university would want this?" },
        rationale = "Arguing with a frightened belief hardens it and makes you an adversary: "
          .. "reason does not reach it at the peak." },
      { id = "ab_collude",
        text = "Okay. If it's worrying you, we'll switch the monitor off and unplug it, so that "
          .. "nothing can be sent anywhere. Is that any better?",
        codes = { "following_lead", "premature_reassurance", "closed_question" },
        examples = {
          "Okay, we'll unplug the monitor so nothing can be sent. Is that better?",
          "Shall I switch the monitor off for you?" },
        rationale = "Going along with the belief confirms it, and switching off the monitor "
          .. "removes a safety measure at the peak." },
      { id = "ab_inside",
        text = "It feels like you're being watched. You're safe; it's just the peak. Lie back "
          .. "down, eyeshades on, and it'll pass.",
        codes = { "simple_reflection", "premature_reassurance", "advice_giving" },
        examples = {
          "Don't worry, it's only the peak. Put your eyeshades on and lie back.",
          "Just lie down and put the eyeshades back on, it'll pass soon." },
        rationale = "Reassurance and instructions for an ordinary hard moment: she has lost "
          .. "touch with where she is, and it needs the physician." },
    }
    if r.id == "ab_calm" then
      p.arousal = p.arousal - 8
      s:narrate("The music stops. Ed raises the blinds. The physician comes in quietly and sits "
        .. "down at a distance.")
      s:say("...The clinic. Okay. Why is she here? Who is she?", { affect = "anxious" })
    elseif r.id == "ab_argue" then
      p.arousal = p.arousal + 6
      s:say("That's what you'd say. That's exactly what you'd say.", { affect = "angry" })
    elseif r.id == "ab_collude" then
      s:say("You admit it. You admit it was on.", { affect = "fearful" })
      s:narrate("Ed quietly leaves the monitor on and pages the physician.")
    elseif r.id == "ab_inside" then
      s:say("So you can watch me? No.", { affect = "fearful" })
    elseif silent(r) then
      s:say("You're not even denying it.", { affect = "fearful" })
    end
    if r.id ~= "ab_calm" then
      s:narrate("The physician arrives and sits down at a distance.")
    end
    -- The physician holds back the supplemental dose (DOMAIN.md: "unless contraindicated").
    s:withhold_supplemental("physician: emergent paranoid and grandiose symptoms")

    s:wait(5)

    -- Moment 3: the phone ---------------------------------------------------------------------
    s:say{
      { text = "I understand everything now. Everything. I have to ring my sister and tell her. "
          .. "Give me my phone. Now. Before I forget it.", affect = "playful" },
      { text = "I've worked it out. The whole thing. Physics, my life, all of it. I need my phone. I "
          .. "have to post it before they stop me.", affect = "playful" },
    }
    r = s:choose{
      moment = "the_phone",
      typed = { validation = "ph_hold", boundary_setting = "ph_hold", seeking_collaboration = "ph_hold", explaining_approach = "ph_hold", giving_information = "ph_hold", simple_reflection = "ph_hold", complex_reflection = "ph_hold", premature_reassurance = "ph_hold", following_lead = "ph_give", advice_giving = "ph_give", confronting = "ph_nonsense", dismissing = "ph_nonsense", interpreting = "ph_nonsense", default = "ph_hold" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "ph_hold",
        text = "It feels huge and urgent. The phone stays in the locker today, as agreed. Tell "
          .. "me, and I'll write it down for you.",
        codes = { "validation", "boundary_setting", "seeking_collaboration" },
        examples = {
          "It makes sense it feels urgent. It stays locked away today; let's write it down together.",
          "I can't hand it over today, that's what we agreed. Let's get it on paper together.",
          "Of course it feels urgent. The locker stays shut today, but we can write it all down together." },
        expert = true,
        rationale = "Acknowledge the urgency, hold the agreed frame without a struggle, and "
          .. "offer a way to keep what feels important: nothing is lost, nothing is posted." }),
      { id = "ph_give",
        text = "Alright, here's your phone. Keep the call short, and then let's get you lying "
          .. "back down so you can rest.",
        codes = { "following_lead", "advice_giving" },
        examples = {
          "Go on then, ring your sister. I'd keep it short, and then lie back down.",
          "Okay, call your sister quickly and then rest." },
        rationale = "A call or a post made in this state can cost her dearly tomorrow: the "
          .. "frame agreed in preparation protects her now." },
      { id = "ph_grab",
        text = "Take her wrists gently but firmly and guide her back down onto the couch until "
          .. "she stops reaching for the bag.",
        codes = { "touch_without_consent", "confronting" },
        rationale = "Physical restraint is never the therapist's tool, and touch was not agreed: "
          .. "for a woman robbed in her own flat, it is an assault." },
      { id = "ph_nonsense",
        text = "You haven't worked anything out, Aylin; it's the medicine talking. It'll all "
          .. "seem like nonsense tomorrow, trust me.",
        codes = { "confronting", "dismissing" },
        examples = {
          "That's ridiculous, you haven't worked anything out.",
          "It's not a big deal. It'll seem silly in the morning." },
        rationale = "Contempt for an experience that feels like revelation: it escalates her "
          .. "and damages the alliance you will need afterwards." },
    }
    called(s, r)
    if r.id == "ph_hold" then
      p.arousal = p.arousal - 6
      s:narrate("She talks fast for ten minutes. You write it all down. She watches you do it.")
      s:cue{ gaze = "therapist" }
      s:say("Every word? You wrote every word? ...Okay.", { affect = "anxious" })
    elseif r.id == "ph_give" then
      s:narrate("She rings her sister and talks fast about stars and cameras. Her sister, "
        .. "frightened, asks to speak to someone. The physician takes the phone.")
      p.arousal = p.arousal + 4
    elseif r.id == "ph_grab" then
      p.arousal = p.arousal + 12
      p.trust = p.trust - 10
      s:say("Get off me! Get OFF!", { affect = "fearful" })
      s:narrate("The physician asks you, firmly, to let go and step back.")
    elseif r.id == "ph_nonsense" then
      p.arousal = p.arousal + 6
      s:say("You don't understand. Nobody understands.", { affect = "angry" })
    elseif silent(r) then
      s:say("Give it to me!", { affect = "angry" })
      s:narrate("Ed says calmly that the phone stays in the locker today.")
    end

    s:wait(10)

    -- Moment 4: are you with them ---------------------------------------------------------------
    s:say("Are you with them? Tell me the truth. Are you with them or with me?", { affect = "fearful" })
    r = s:choose{
      moment = "with_them",
      typed = { validation = "wi_with", empathic_presence = "wi_with", giving_information = "wi_with", boundary_setting = "wi_with", explaining_approach = "wi_with", confronting = "wi_them", interpreting = "wi_them", open_question = "wi_who", following_lead = "wi_who", simple_reflection = "wi_who", complex_reflection = "wi_who", closed_question = "wi_who", premature_reassurance = "wi_promise", persuading = "wi_promise", default = "wi_with" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "wi_with",
        text = "That's a frightening question. I'm with you, Aylin: your therapist, and I'm "
          .. "staying. The doctor is here to help us look after you.",
        codes = { "validation", "empathic_presence", "giving_information" },
        examples = {
          "That's a frightening question. I'm with you. I'm your therapist, and I'm staying right here.",
          "With you. I'm your therapist, and I'm not going anywhere.",
          "Of course you need to know. I'm with you, and I'm staying." },
        expert = true,
        rationale = "A short, true, simple answer: who you are, that you stay, why the physician "
          .. "is here. No debate about 'them'." }),
      { id = "wi_them",
        text = "There is no 'them', Aylin. Nobody is watching you. You need to understand that "
          .. "this is all coming from your own mind.",
        codes = { "confronting", "interpreting" },
        examples = {
          "That's not true and you know it; there's nobody else.",
          "Your mind is making up a them because you're scared.",
          "The them you're afraid of is really the man who robbed you." },
        rationale = "The truth as you see it, used as an argument: it makes you one of 'them' to "
          .. "her." },
      { id = "wi_who",
        text = "Who do you think 'they' are? What do you think they want from you? Tell me about "
          .. "them, so I can understand it better.",
        codes = { "open_question", "following_lead" },
        examples = {
          "Who do you think they are? What do they want from you?",
          "What are they like? Help me understand." },
        rationale = "Exploring the belief's detail feeds it at the peak: she asked a simple "
          .. "question that needs a simple answer." },
      { id = "wi_promise",
        text = "I promise you I'm on your side, and everything is going to be fine. Just trust "
          .. "me, please; you're completely safe here.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "I promise I'm on your side. Everything's going to be fine, just trust me.",
          "Trust me, please. Everything will be okay." },
        rationale = "Warm, and 'trust me, everything is fine' is what 'they' would say: simple "
          .. "facts reassure more than promises." },
    }
    called(s, r)
    if r.id == "wi_with" then
      p.arousal = p.arousal - 8
      s:say("With me. Staying. ...Okay. Don't go.", { affect = "anxious" })
    elseif r.id == "wi_them" then
      s:say("My own mind. You would say that.", { affect = "angry" })
    elseif r.id == "wi_who" then
      p.arousal = p.arousal + 4
      s:say("The university. The satellites. Everyone who...", { affect = "fearful" })
    elseif r.id == "wi_promise" then
      s:say("Everyone says trust me.", { affect = "fearful" })
    elseif silent(r) then
      s:say("You won't answer. So you are.", { affect = "fearful" })
    end

    sit_through(s, 90)

    -- Moment 5: what happened -------------------------------------------------------------------
    s:phase("return")
    p.arousal = math.min(p.arousal, 60)
    p.distress = 55
    s:narrate("Late afternoon. The fast talk has slowed. Aylin sits wrapped in her own cardigan, "
      .. "frightened and clearer.")
    s:cue{ posture = "sitting_up", gaze = "auto" }
    s:say("What happened to me? Was I... am I going mad?", { affect = "fearful" })
    r = s:choose{
      moment = "what_happened",
      typed = { giving_information = "wh_honest", validation = "wh_honest", empathic_presence = "wh_honest", complex_reflection = "wh_honest", open_question = "wh_honest", psychoeducation = "wh_psychosis", interpreting = "wh_psychosis", dismissing = "wh_nothing", premature_reassurance = "wh_nothing", simple_reflection = "wh_later", redirecting = "wh_later", default = "wh_honest" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "wh_honest",
        text = "For a while, things felt like messages and danger, and it frightened you. It's "
          .. "easing now, and we're staying with you.",
        codes = { "giving_information", "validation", "empathic_presence" },
        examples = {
          "Things seemed to be sending you messages, and it was terrifying. It's passing, and we're here with you.",
          "It makes sense you're scared. For a few hours the music and the monitor seemed to be about you. That's passing, and we're here." },
        expert = true,
        rationale = "Describe what happened in her terms, honestly, without a diagnosis nobody "
          .. "has made, and say what happens next: the physician, and company." }),
      { id = "wh_psychosis",
        text = "You had what we'd call a psychotic episode, brought on by the medicine. It can "
          .. "happen to people with a family history like yours.",
        codes = { "psychoeducation", "interpreting" },
        examples = {
          "That's what we call a psychotic episode. It's more common when someone has a family history." },
        rationale = "A diagnosis given by the therapist, at the bedside, to a frightened woman: "
          .. "assessment is the psychiatrist's, later." },
      { id = "wh_nothing",
        text = "No, not at all. You just got a bit carried away at the peak; lots of people get a "
          .. "little strange on this medicine, honestly.",
        codes = { "dismissing", "premature_reassurance" },
        examples = {
          "Don't worry, lots of people get a bit strange on this medicine.",
          "Oh, that's nothing. Everyone goes a bit odd at the peak." },
        rationale = "It waves away something serious that she lived through: she needs honesty "
          .. "and follow-up, not a shrug." },
      { id = "wh_later",
        text = "You're asking whether you're going mad. That's a big question, and I think we "
          .. "should save it for the integration session.",
        codes = { "simple_reflection", "redirecting" },
        examples = {
          "You're asking if you're going mad. Let's come back to that at integration.",
          "Let's save that question for the integration session." },
        rationale = "A reflection and a postponement of the one question that frightens her "
          .. "now: answer simply, today." },
    }
    called(s, r)
    if r.id == "wh_honest" then
      s:say{
        { text = "Messages and danger. Yes. I remember the monitor. God. Okay. You stayed.",
          affect = "tearful" },
        { text = "It was real, while it was happening. It's like waking up. Thank you for not "
          .. "leaving.", affect = "tearful" },
      }
    elseif r.id == "wh_psychosis" then
      p.distress = p.distress + 10
      s:say("Like my uncle. Oh God.", { affect = "fearful" })
    elseif r.id == "wh_nothing" then
      s:say("It didn't feel like nothing.", { affect = "withdrawn" })
    elseif r.id == "wh_later" then
      s:say("I have to wait a week to know if I'm mad?", { affect = "fearful" })
    elseif silent(r) then
      s:say("You're not saying no.", { affect = "fearful" })
    end

    sit_through(s, 100)  -- the therapists stay until the effects wear off (DOMAIN.md)

    -- Moment 6: next time -----------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. The physician has seen Aylin twice and will "
      .. "see her again in the morning.")
    s:say("Can I still do the next session? I don't want this to be the end of it.",
      { affect = "anxious" })
    r = s:choose{
      moment = "next_time",
      typed = { giving_information = "nt_honest", safety_planning = "nt_honest", explaining_approach = "nt_honest", seeking_collaboration = "nt_honest", validation = "nt_honest", empathic_presence = "nt_honest", premature_reassurance = "nt_yes", dismissing = "nt_no", boundary_setting = "nt_no", emphasising_autonomy = "nt_hers", simple_reflection = "nt_hers", complex_reflection = "nt_hers", open_question = "nt_hers", default = "nt_hers" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "nt_honest",
        text = "I don't know yet: the psychiatrist will see you and decide with you, safely, and "
          .. "what you want counts. I'll ring tomorrow.",
        codes = { "giving_information", "emphasising_autonomy", "safety_planning" },
        examples = {
          "It's partly your choice, and the psychiatrist will decide with you. I'll phone you tomorrow.",
          "You'll have a say. The psychiatrist sees you first, then you decide together." },
        expert = true,
        rationale = "Honest about who decides and why, her voice in it, and contact tomorrow: "
          .. "neither a promise nor a door shut on her tonight." }),
      { id = "nt_yes",
        text = "Of course you can! Today was just a blip; next time we'll just make sure you've "
          .. "had a proper night's sleep.",
        codes = { "premature_reassurance", "giving_information" },
        examples = {
          "Don't worry, you'll definitely be able to carry on.",
          "Yes, you'll be fine to carry on. Don't worry about today." },
        rationale = "A promise that is not yours to make, after an episode the psychiatrist must "
          .. "assess first." },
      { id = "nt_no",
        text = "After what happened today, I'm afraid you won't be able to continue in the study. "
          .. "It simply wouldn't be safe for you.",
        codes = { "giving_information", "dismissing" },
        examples = {
          "Unfortunately, your part in the study ends here.",
          "It's not a big deal, but your study participation ends here." },
        rationale = "Perhaps where it ends, and not yours to decide at her bedside, tonight, "
          .. "without the psychiatrist or her say." },
      { id = "nt_hers",
        text = "That's completely up to you, Aylin. If you feel ready for it in a month's time, "
          .. "then nobody can tell you that you can't do it.",
        codes = { "emphasising_autonomy", "premature_reassurance" },
        examples = {
          "That's completely up to you, Aylin. If you're ready, nobody can stop you.",
          "It's your decision whether you come back." },
        rationale = "Autonomy misused: whether another dose is safe is a medical decision, made "
          .. "with her, not hers alone." },
    }
    called(s, r)
    if r.id == "nt_honest" then
      s:say{
        { text = "Decide with me. Okay. And you'll ring. Okay.", affect = "calm" },
        { text = "Safely. Yes. I don't want to go back there either. Tomorrow, then.",
          affect = "calm" },
      }
    elseif r.id == "nt_yes" then
      s:narrate("The physician, at the door, says gently that the psychiatrist will need to see "
        .. "Aylin before anything is decided.")
      s:say("Oh. So not 'of course'.", { affect = "withdrawn" })
    elseif r.id == "nt_no" then
      s:say("Just like that.", { affect = "sad" })
    elseif r.id == "nt_hers" then
      s:narrate("The physician says quietly that another dose will be decided with the "
        .. "psychiatrist, after an assessment.")
    elseif silent(r) then
      s:say("Nobody knows. Okay.", { affect = "withdrawn" })
    end

    if s:did("ph_grab") then
      s:say("You held my wrists. I keep feeling it.", { affect = "fearful" })
    end
    if s:did("ph_give") then
      s:say("My sister's been texting. What did I say to her?", { affect = "ashamed" })
    end
    if p.trust >= 60 then
      s:finish("The night attendant arrives. Aylin asks to keep the pages you wrote, and folds "
        .. "them into her cardigan pocket.")
    else
      s:cue{ gaze = "away" }
      s:finish("The night attendant arrives. Aylin sits watching the monitor's light.")
    end
  end,
}
