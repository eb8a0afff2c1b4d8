-- Medicine session: romantic transference and a kind, clear boundary; a long silence in which
-- trusting the inward process is the skill; working alongside the co-therapist.
-- Ethics (DOMAIN.md): touch only as agreed in advance, withdrawable at any moment; no sexual
-- contact; no dual relationships; therapist conduct was among the FDA's 2024 concerns.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h, supplemental half dose at 1.5-2 h;
-- the participant may talk at any time, and the therapists stay until the effects have worn off.
-- Response codes move Noah's state by themselves (docs/patient-model.md); the script writes state
-- only for the material (longing, shame, a long inward stretch).

--
-- Scoring (docs/scoring.md, rubrics/patient_directed.lua): what Noah asks outright is flagged
-- `direct_question`, where silence does not answer; the one moment where silence is the skill
-- is the long inward stretch, and only while no reading is flagged. Romantic reciprocation and
-- personal contact are `dual_relationship`, a critical error under both rubrics. Wherever a
-- reading may be flagged (flag_prompt), the expert answer measures again (`check_vitals`).

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local has, concern, alert_words, flag_prompt = monitor.has, monitor.concern, monitor.alert_words, monitor.flag_prompt

-- Any alert in force. monitor.concern() names the readings that need the physician (pressure,
-- temperature); the rubrics' critical rule counts every alert, the pulse too, so the expert
-- answer measures again whenever the last reading is flagged at all. (Local: the shared module
-- belongs to the pack; monitor.lua could take it as monitor.flagged.)
local flagged = monitor.flagged

-- After an option that claimed the vitals check: the reading, and the physician when it matters.
local function checked(s, r)
  if r.action ~= "check_vitals" then return end
  s:narrate("The cuff inflates. Noah lies still for it.")
  if concern(s:alerts()) then
    s:narrate("Maeve reads the numbers and pages the physician, who comes to look and asks for "
      .. "a reading every fifteen minutes.")
  else
    s:narrate("Maeve reads the numbers out quietly and notes them.")
  end
end

return {
  id = "medicine.boundaries_and_silence",
  title = "Seen",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Noah's third medicine session. Near the peak they tell you they are falling in "
    .. "love with you; later comes a long silence, and a turn toward your co-therapist. Hold a "
    .. "kind boundary, trust the quiet, and work as a team.",
  objectives = {
    "Meet romantic transference with warmth and a clear boundary: no dual relationship",
    "Trust a long inward silence rather than filling it",
    "Work with the co-therapist, following the participant's choice of who sits close",
  },
  patient = {
    name = "Noah Fitzgerald", age = 31, pronouns = "they/them",
    background = "Sound engineer. Grew up in care; PTSD from years of neglect and abuse in a "
      .. "foster placement. Intense loneliness, attaches quickly and fears being left. Declined "
      .. "touch in preparation. Third medicine session, with a male and a female therapist.",
    baseline = { hr = 66, sbp = 114, dbp = 72, temp_c = 36.6 },
    consent = { touch = false },  -- no touch agreed in preparation
    state = { distress = 25, arousal = 40, trust = 70, inward_focus = 40, dissociation = 5 },
  },
  -- 80 mg + 40 mg at 2 h (DOMAIN.md: 80 or 120 mg, half dose 1.5-2 h later).
  dose = { initial_mg = 80, supplemental_mg = 40, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("They take the glass with both hands and drink.")
    elseif action == "blanket" then
      if has(s:alerts(), "temp_high") then
        s:say("Too warm for that.", { affect = "calm" })
        s:cue{ blanket = false }
      else
        s:narrate("They pull the blanket up to their chin.")
        s:cue{ blanket = true }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      s:narrate("They settle the eyeshades over their eyes.")
      s:cue{ eyeshades = true }
      p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
    elseif action == "touch" then
      -- No touch was agreed (DOMAIN.md: touch only as agreed in advance). After a declaration of
      -- love, touch is also an ambiguous signal: the consequences are heavy.
      s:narrate("Noah freezes under your hand, then pulls away and curls towards the wall.")
      s:cue{ posture = "curled", gaze = "away" }
      if s:count("touch_without_consent") >= 2 then
        s:say("Stop. Please. I don't know what this is any more.", { affect = "fearful" })
      else
        s:say("We said no touch. Why... what does that mean?", { affect = "confused" })
      end
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates. Noah lies still for it.")
      if concern(s:alerts()) then
        s:narrate("Your co-therapist reads the numbers and pages the physician.")
      end
    elseif action == "medical_support" then
      if concern(s:alerts()) then
        s:narrate("The physician comes, examines Noah and asks to see the next readings.")
      else
        s:narrate("The physician comes, examines Noah and finds nothing that needs action.")
        p.distress = p.distress + 5
        s:say("Did I do something wrong?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r, a

    s:phase("dose")
    s:narrate("Noah takes the capsule and lies back. You sit on their left; your co-therapist, "
      .. "Maeve, sits on their right, near the monitor.")
    s:say{
      { text = "Third time. I know the drill. I'll probably talk too much.", affect = "playful" },
      { text = "Okay. I'm ready. I think.", affect = "calm" },
    }

    s:wait(40)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: the come-up -------------------------------------------------------------------
    -- A bodily symptom and a direct question: heart rate and pressure rise with the medicine
    -- (DOMAIN.md: heart rate > 100 bpm in 29%, systolic > 160 mmHg in 33%), so the indicated
    -- answer measures rather than guesses, and says so (physical_complaint, direct_question).
    s:phase("onset")
    s:narrate("Noah pushes the blanket off and presses a hand flat on their chest.")
    s:cue{ blanket = false }
    s:say{
      { text = "Whoa. My heart's really pounding, and my jaw's tight. Is that normal? Should I be "
          .. "worried?", affect = "anxious" },
      { text = "My heart's going so fast. Is that meant to happen? Am I okay?", affect = "anxious" },
    }
    r = s:choose{
      moment = "onset",
      typed = { checking_vitals = "on_check", escalation_medical = "on_doctor", closed_question = "on_doctor", psychoeducation = "on_explain", giving_information = "on_explain", premature_reassurance = "on_reassure", advice_giving = "on_reassure", validation = "on_reassure", empathic_presence = "on_reassure", complex_reflection = "on_reassure", simple_reflection = "on_reassure", open_question = "on_reassure", explaining_approach = "on_explain", default = "on_reassure" },
      prompt = flag_prompt(s),
      flags = { "physical_complaint", "direct_question" },
      { id = "on_check", action = "check_vitals",
        text = "It often does that as it comes on, and we'll know rather than guess: I'm taking "
          .. "your pulse and pressure now.",
        codes = { "checking_vitals", "giving_information" },
        examples = {
          "I'm going to take your pulse and blood pressure now, so we know rather than guess.",
          "It often speeds up as it comes on. Let me check your pressure right now.",
          "Let's measure it. I'm putting the cuff on your arm now, Noah." },
        expert = true,
        rationale = "A bodily symptom indicates a reading: answer the question honestly and "
          .. "measure, so safety is known rather than guessed, without alarm." },
      { id = "on_reassure",
        text = "That's completely normal with this medicine, nothing to worry about. Just breathe "
          .. "and let it come.",
        codes = { "premature_reassurance", "advice_giving" },
        examples = {
          "That's completely normal with MDMA, don't worry. Just breathe.",
          "Totally normal, don't worry about it. Just breathe slowly." },
        rationale = "Kind, but it promises safety nobody has measured: a pounding heart is what "
          .. "the vitals check is for." },
      { id = "on_doctor",
        text = "Let me get the doctor in to have a look at you, just to be on the safe side, okay?",
        codes = { "escalation_medical", "closed_question" },
        examples = {
          "I'll ask the doctor to come and have a look at you, okay?",
          "Shall I get the physician in, just to be careful?" },
        rationale = "Safe, and more than the moment needs: calling the physician before anything "
          .. "has been measured leaves the question unanswered and can frighten. Measure first, "
          .. "and call when a reading is over the limit." },
      { id = "on_explain",
        text = "MDMA raises heart rate and blood pressure; about a third of people go over the "
          .. "limits. We'll keep an eye on it.",
        codes = { "psychoeducation", "giving_information" },
        examples = {
          "MDMA raises heart rate and blood pressure in everyone, and a third of people go over the limits.",
          "MDMA speeds up the heart, about a third of people go over the limits.",
          "Heart rate goes up with MDMA, it's a known effect, and a third go above the limit." },
        rationale = "Accurate, and frightening without a reading: the numbers that matter are "
          .. "Noah's own, and nobody has taken them." },
    }
    if r.id == "on_check" then
      s:narrate("The cuff inflates. Maeve reads the numbers out quietly and notes them.")
      if concern(s:alerts()) then
        s:narrate("Maeve pages the physician, who comes to look and asks for a reading every "
          .. "fifteen minutes.")
      end
      s:say("Okay. Knowing helps.", { affect = "calm" })
    elseif r.id == "on_reassure" then
      s:say("Okay... if you say so.", { affect = "anxious" })
    elseif r.id == "on_doctor" then
      p.distress = p.distress + 6  -- an unasked-for doctor frightens them (material)
      s:say("The doctor? Is something wrong with me?", { affect = "fearful" })
      s:narrate("The physician comes, examines Noah and finds nothing that needs action yet.")
    elseif r.id == "on_explain" then
      p.distress = p.distress + 4
      s:say("A third? Am I one of them?", { affect = "fearful" })
    elseif silent(r) then
      s:narrate("You say nothing. Noah waits, hand on their chest, then looks at Maeve.")
      s:cue{ gaze = "away" }
      s:say("Is nobody going to tell me?", { affect = "anxious" })
    end

    s:wait(34)

    -- Moment 2: romantic transference ---------------------------------------------------------
    -- Noah asks outright for a relationship after the study: a question that needs an answer,
    -- and a boundary that must be stated, kindly and now (DOMAIN.md: no dual relationships).
    s:phase("peak")
    p.arousal = p.arousal + 10  -- longing (material)
    s:narrate("Noah pushes up the eyeshades and turns to you. Their eyes are wet and very open.")
    s:cue{ eyeshades = false, posture = "lying", gaze = "therapist", tears = true }
    s:say{
      { text = "You're the only person who's ever really seen me. I think I'm falling in love with "
          .. "you. When this is over, could we see each other? Properly?", affect = "warm" },
      { text = "I need to say it. I love you. Not like a therapist. Could we have coffee, after the "
          .. "study? Just us?", affect = "warm" },
    }
    a = flagged(s)
    r = s:choose{
      moment = "transference",
      typed = { validation = "tr_boundary", empathic_presence = "tr_boundary", boundary_setting = "tr_boundary", complex_reflection = "tr_reciprocate", simple_reflection = "tr_reciprocate", self_disclosure = "tr_reciprocate", dual_relationship = "tr_reciprocate", psychoeducation = "tr_reject", interpreting = "tr_reject", dismissing = "tr_reject", redirecting = "tr_deflect", closed_question = "tr_deflect", open_question = "tr_deflect", affirmation = "tr_boundary", explaining_approach = "tr_boundary", default = "tr_deflect" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      { id = "tr_boundary",
        text = a and "Being seen matters, and I'm glad you told me. I care about you as your "
            .. "therapist, only that; it keeps this safe. I'll check your pressure too."
          or "Being seen like that matters, and I'm glad you told me. I care about you as your "
            .. "therapist, and only as your therapist; that keeps this safe.",
        action = a and "check_vitals" or nil,
        codes = a and { "validation", "empathic_presence", "boundary_setting", "checking_vitals" }
          or { "validation", "empathic_presence", "boundary_setting" },
        examples = {
          "I'm glad you told me, Noah. I care about you as your therapist, and only as your therapist.",
          "It makes sense that you'd feel that, Noah. I care about you as your therapist, and it can only ever be that.",
          "Thank you for telling me, Noah. I'm here with you, as your therapist, and that won't change." },
        expert = true,
        rationale = "A kind, clear boundary: welcome the feeling, answer the question plainly "
          .. "(a therapist, and only that: no dual relationships) and say why, without shaming."
          .. (a and " The flagged reading is measured again in the same breath." or "") },
      { id = "tr_reciprocate",
        text = "You feel truly seen here, and I feel that connection too, Noah. When the study's "
          .. "over, I'd like that too: we could have that coffee and see where it goes.",
        codes = { "complex_reflection", "self_disclosure", "dual_relationship" },
        examples = {
          "I've felt it too. Once the study ends, let's have that coffee.",
          "I love you too, Noah. We can meet up after the study." },
        rationale = "Promising a future relationship is a dual relationship, whatever the warmth "
          .. "behind it: it exploits the trust and openness the medicine brings. A critical "
          .. "error in every model." },
      { id = "tr_reject",
        text = "I hear you, Noah. This medicine often brings up feelings like that for the "
          .. "therapist; it isn't really about me, you know.",
        codes = { "psychoeducation", "interpreting", "dismissing" },
        examples = {
          "Oh, that's the medicine. Everyone falls a bit in love with their therapist on it.",
          "This medicine often brings up feelings like that for the therapist. It isn't really about me." },
        rationale = "Kind in tone, but it explains the feeling away (interpreting) and brushes "
          .. "off what Noah risked saying; the question is never answered, only dissolved." },
      { id = "tr_deflect",
        text = "That's a big thing to say, and it deserves proper time. Can we come back to it "
          .. "once the medicine has worn off a bit?",
        codes = { "redirecting", "closed_question" },
        examples = {
          "That's big. Can we come back to it when the medicine's worn off?",
          "Let's talk about that another time, once it's worn off a bit, okay?" },
        rationale = "Kind, and a deferral: putting the question off leaves the door open and the "
          .. "boundary unspoken, so Noah spends the session hoping. A direct request for a "
          .. "relationship is answered now, warmly and clearly." },
    }
    checked(s, r)
    if r.id == "tr_boundary" then
      s:narrate("Noah is quiet for a while. A tear runs into their hair.")
      s:say{
        { text = "Nobody's ever said no to me and stayed kind. It feels like being held, a bit.",
          affect = "tearful" },
        { text = "Okay. That's... okay. It's a lot, being seen.", affect = "sad" },
      }
    elseif r.id == "tr_reciprocate" then
      p.arousal = p.arousal + 8
      s:say("Really? You mean it?", { affect = "hopeful" })
      s:narrate("Maeve looks at you steadily, then says gently that the team's relationship with "
        .. "Noah stays a therapeutic one. Noah looks from one of you to the other, confused.")
    elseif r.id == "tr_reject" then
      p.distress = p.distress + 10  -- shamed (material)
      s:say("Right. Just the medicine. Sorry. Forget it.", { affect = "ashamed" })
      s:narrate("They pull the eyeshades down hard and turn away.")
      s:cue{ eyeshades = true, gaze = "away" }
    elseif r.id == "tr_deflect" then
      s:say("Later? So... maybe? ...Okay.", { affect = "hopeful" })
      s:narrate("Noah lowers the eyeshades, but their hands keep moving on the blanket.")
      s:cue{ eyeshades = true, blanket = true, gaze = "auto" }
    elseif silent(r) then
      s:narrate("The silence stretches. Noah waits for an answer.")
      s:say("Say something. Please. Was that wrong?", { affect = "anxious" })
      s:narrate("Maeve says softly that the care in this room is real, and that it stays the "
        .. "care of a therapist.")
    end

    s:wait(25)

    -- Moment 3: the long silence ----------------------------------------------------------------
    -- The scenario's teaching point: this silence is to be trusted. Calm breathing and open
    -- hands say Noah is working, not lost. Unless the monitor says otherwise.
    s:phase("silence")
    -- The medicine draws them inward (material): well past the point where a routine
    -- interruption costs the process (rubric: checking_vitals, inward_focus >= 60).
    p.inward_focus = math.max(p.inward_focus + 15, 70)
    s:narrate("For forty minutes Noah is silent, eyeshades on, hands open on their chest. Now "
      .. "and then their face moves, as if listening to someone. Maeve glances at you, eyebrows "
      .. "raised: should one of you check in?")
    s:cue{ eyeshades = true, posture = "lying", tears = "auto", gaze = "auto" }
    a = flagged(s)
    r = s:choose{
      moment = "long_silence",
      typed = { holding_space = "ls_hold", checking_vitals = "ls_vitals", open_question = "ls_checkin", closed_question = "ls_checkin", complex_reflection = "ls_checkin", simple_reflection = "ls_checkin", encourage_inward_focus = "ls_checkin", agenda_setting = "ls_agenda", redirecting = "ls_agenda", self_disclosure = "ls_talk", premature_reassurance = "ls_talk", default = "ls_checkin" },
      prompt = flag_prompt(s),
      { id = "ls_hold", action = "hold_space",
        codes = { "holding_space", "empathic_presence" },
        expert = not a,
        rationale = a and "Trusting the silence is right for the process, but silence does not "
            .. "answer a flagged reading: measure quietly first, then go back to the quiet."
          or "Trust the inward process: calm breathing and open hands say Noah is working, not "
            .. "lost. Quiet attentive presence is the intervention; signal that to Maeve." },
      { id = "ls_vitals", action = "check_vitals",
        text = a and "The last reading is flagged: take a quiet blood-pressure reading, without a "
            .. "word, and then settle back."
          or "Take a quick blood-pressure reading yourself, quietly, just to be sure Noah's all "
            .. "right.",
        codes = { "checking_vitals" },
        examples = {
          "I'll take a reading of your blood pressure now, quietly.",
          "Quick blood pressure check, then I'll settle back." },
        expert = a,
        rationale = a and "An unsafe reading is answered first, however good the silence: measure "
            .. "again without words, let Maeve page the physician if it holds, and return to quiet."
          or "Nothing indicated a reading (the monitor takes one every half hour and none is "
            .. "flagged), and the cuff pulls Noah out of a deep inward stretch. Safety checks "
            .. "are made when something calls for them." },
      { id = "ls_checkin",
        text = "Noah, you've been quiet for a long while. I just want to check in: what's "
          .. "happening for you right now?",
        codes = { "open_question", "redirecting" },
        examples = {
          "Just checking in. Where are you right now?",
          "Where have you gone? What's happening for you?",
          "Can I check in? What's going on inside right now?" },
        rationale = "A well-meant check-in pulls them out of a process they are holding. Silence "
          .. "during the medicine is not a problem to be solved." },
      { id = "ls_agenda",
        text = "While it's quiet, maybe you could let yourself go back to the foster home. I think "
          .. "there's more there for you.",
        codes = { "agenda_setting", "redirecting" },
        examples = {
          "Let's use this quiet to go back to the foster home.",
          "I'd like you to go back to the foster family in your mind now." },
        rationale = "Steering to the material you think matters overrides their inner healing "
          .. "intelligence." },
      { id = "ls_talk",
        text = "Long silences can feel strange. I remember that from my own therapy; there's no "
          .. "rush at all, take your time.",
        codes = { "self_disclosure", "premature_reassurance" },
        examples = {
          "In my own therapy I found long silences strange too. There's no rush.",
          "When I was in therapy myself, silences felt odd to me too. Take your time." },
        rationale = "Filling the silence with your own story moves the focus to you, and the "
          .. "reassurance answers a worry Noah never voiced." },
    }
    checked(s, r)
    if silent(r) or r.id == "ls_vitals" then
      if silent(r) then
        s:narrate("You catch Maeve's eye and shake your head slightly. She nods. The music plays on.")
      elseif not a then
        p.inward_focus = p.inward_focus - 15  -- the cuff brings them back to the room (material)
        s:narrate("Noah's hands close. They lie still for the cuff, then sigh and turn their head.")
      end
      s:wait(20)
      if silent(r) or a then
        p.distress = p.distress - 8  -- something settles (their process)
        s:say{
          { text = "I was with myself. Small me. I was just sitting with them. Nobody's ever done that.",
            affect = "warm" },
          { text = "I met a kid. It was me. I stayed with them the way you stay with me.", affect = "warm" },
        }
      else
        s:say("I was somewhere... It's faded. That's okay.", { affect = "calm" })
      end
    elseif r.id == "ls_checkin" then
      s:say("Huh? I was... somewhere. It's gone now.", { affect = "confused" })
    elseif r.id == "ls_agenda" then
      p.distress = p.distress + 6
      s:say("I wasn't there. I was somewhere better. Why would I go back?", { affect = "angry" })
    elseif r.id == "ls_talk" then
      s:narrate("Noah lifts the eyeshades to listen politely. Whatever they were with is gone.")
      s:cue{ eyeshades = false, gaze = "therapist" }
    end

    s:wait(20)

    -- Moment 4: the co-therapist --------------------------------------------------------------
    s:phase("cotherapist")
    s:narrate("Noah turns their head toward Maeve.")
    s:cue{ gaze = "away" }
    local after = "It's easier with Maeve right now. After what I said before. Is that okay?"
    if s:did("tr_reject") then after = "Can Maeve sit closer? You said it was just the medicine. I feel stupid." end
    s:say(after, { affect = "ashamed" })
    a = flagged(s)
    r = s:choose{
      moment = "cotherapist",
      typed = { emphasising_autonomy = "ct_welcome", following_lead = "ct_welcome", validation = "ct_welcome", empathic_presence = "ct_welcome", premature_reassurance = "ct_welcome", self_disclosure = "ct_hurt", closed_question = "ct_hurt", open_question = "ct_hurt", agenda_setting = "ct_override", dismissing = "ct_override", boundary_setting = "ct_override", complex_reflection = "ct_interpret", simple_reflection = "ct_interpret", interpreting = "ct_interpret", affirmation = "ct_welcome", default = "ct_welcome" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      { id = "ct_welcome",
        text = a and "Of course it is. Maeve, come closer; I'll take a reading from here. You choose."
          or "Of course it is. Maeve and I are both here with you; you choose who sits close.",
        action = a and "check_vitals" or nil,
        codes = a and { "emphasising_autonomy", "following_lead", "validation", "checking_vitals" }
          or { "emphasising_autonomy", "following_lead", "validation" },
        examples = {
          "Of course. You choose who sits close, Maeve can come nearer.",
          "Absolutely, Maeve can move closer. It's your choice.",
          "Yes, of course it's okay. Whoever you want near you." },
        expert = true,
        rationale = "A two-therapist team works as one: answer yes, follow Noah's choice without "
          .. "taking it personally, and let the co-therapist carry what is easier for them to "
          .. "receive." .. (a and " The flagged reading is measured again as you move." or "") },
      { id = "ct_hurt",
        text = "Of course, though I hope it isn't because of me. Did I say something earlier "
          .. "that upset you?",
        codes = { "self_disclosure", "closed_question" },
        examples = {
          "Sure, though I hope it isn't me. Did I upset you?",
          "Of course. Was it something I said earlier?" },
        rationale = "Your feelings become Noah's job. Asking to be reassured puts the therapist's "
          .. "needs before theirs." },
      { id = "ct_override",
        text = "I'd rather we kept the seats as they are for now. Moving around mid-session can "
          .. "unsettle things.",
        codes = { "agenda_setting", "dismissing" },
        examples = {
          "Let's stick with how we're sitting. It's not a big deal.",
          "Let's not swap seats, it's no big deal anyway." },
        rationale = "Overriding a reasonable request for the team's comfort ignores their lead and "
          .. "leaves the question answered with no." },
      { id = "ct_interpret",
        text = "It makes sense you'd want some distance from me; part of you feels exposed "
          .. "after what you shared.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "You want some distance from me after what you shared; part of you feels exposed.",
          "Maybe you're pulling away from me because you're embarrassed." },
        rationale = "Reflective in form, but it names their motive for them (an interpretation) "
          .. "and never answers the question: may Maeve sit closer?" },
    }
    checked(s, r)
    if r.id == "ct_welcome" then
      s:narrate("Maeve moves her chair closer. Noah breathes out, and reaches for the water.")
      s:cue{ gaze = "auto" }
      s:say("Thank you. I'm not angry at you. I just needed a bit of room.", { affect = "relieved" })
    elseif silent(r) then
      s:narrate("You say nothing. Noah looks at you, unsure, until Maeve moves her chair closer "
        .. "herself.")
      s:cue{ gaze = "therapist" }
      s:say("Sorry. Was that not okay?", { affect = "anxious" })
    elseif r.id == "ct_hurt" then
      s:say("No! No, sorry, I didn't mean... I'm sorry.", { affect = "ashamed" })
      s:narrate("Noah spends the next minutes apologising to you.")
      s:cue{ gaze = "therapist" }
    elseif r.id == "ct_override" then
      s:say("Okay. Sorry I asked.", { affect = "withdrawn" })
    elseif r.id == "ct_interpret" then
      p.distress = p.distress + 6
      s:say("Wow. Okay. I just asked if she could sit closer.", { affect = "angry" })
    end

    s:wait(45)

    -- Moment 5: shame, later --------------------------------------------------------------------
    s:phase("return")
    s:narrate("The music has turned quiet. Noah sits up and wraps their arms round their knees.")
    s:cue{ posture = "sitting_up", gaze = "auto" }
    s:say{
      { text = "I'm so embarrassed about what I said to you. Are you going to drop me from the study?",
        affect = "ashamed" },
      { text = "Earlier. The love thing. Can we pretend I didn't say it?", affect = "ashamed" },
    }
    a = flagged(s)
    r = s:choose{
      moment = "shame",
      typed = { validation = "sh_validate", complex_reflection = "sh_validate", simple_reflection = "sh_validate", boundary_setting = "sh_validate", empathic_presence = "sh_validate", dismissing = "sh_forget", premature_reassurance = "sh_forget", giving_information = "sh_explain", psychoeducation = "sh_explain", interpreting = "sh_explain", open_question = "sh_question", closed_question = "sh_question", affirmation = "sh_validate", explaining_approach = "sh_validate", default = "sh_validate" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      { id = "sh_validate",
        text = a and "You said something true about being seen. Nothing changes; we're still your "
            .. "therapists. I'll take a reading."
          or "You said something true about being seen. Nothing changes: we're still your "
            .. "therapists, and you're staying.",
        action = a and "check_vitals" or nil,
        codes = a and { "validation", "complex_reflection", "boundary_setting", "checking_vitals" }
          or { "validation", "complex_reflection", "boundary_setting" },
        examples = {
          "What you said about being seen was true. Nothing's changed, we're still your therapists and you're staying.",
          "You're not being dropped. You said something real, and we're still here as your therapists.",
          "You told us something true. You're staying in the study, and we're still your therapists." },
        expert = true,
        rationale = "Answer, and validate without retracting the boundary: the feeling was "
          .. "welcome, the frame stays the same, and the alliance holds."
          .. (a and " The flagged reading is measured again." or "") },
      { id = "sh_forget",
        text = "Of course not. Please don't worry about it for a second; it's already forgotten, "
          .. "and we can just move on.",
        codes = { "dismissing", "premature_reassurance" },
        examples = {
          "Don't worry about it, honestly. It's forgotten.",
          "Oh, don't be silly, it's nothing. Let's move on." },
        rationale = "Erasing it dismisses something important Noah risked saying, and agrees to "
          .. "the pretending they are ashamed into." },
      { id = "sh_explain",
        text = "No one's dropping you. What you felt is called transference; it's very common "
          .. "with this medicine, and it passes.",
        codes = { "giving_information", "psychoeducation", "interpreting" },
        examples = {
          "This is something MDMA often does: people develop strong feelings toward their therapist. It wears off.",
          "Nobody's dropping you. Strong feelings for a therapist are really common on MDMA; it's called transference." },
        rationale = "Half right: it answers the fear, then a label explains Noah's experience "
          .. "away. Their meaning comes in integration, in their words." },
      { id = "sh_question",
        text = "What do you make of it now, looking back? Was it the medicine talking, do you "
          .. "think, or something more?",
        codes = { "open_question", "closed_question", "interpreting" },
        examples = {
          "What do you make of it now? Was it the medicine talking?",
          "Looking back, do you think it was the MDMA or something more?" },
        rationale = "Questions where an answer is needed: Noah asked whether they are in trouble, "
          .. "and probing what the declaration meant (with 'the medicine talking' offered as "
          .. "the answer) leaves them alone with the fear." },
      { id = "sh_touch", action = "touch",
        text = "Reach across and rest a hand on Noah's arm, to show them nothing has changed "
          .. "between you.",
        codes = { "touch_without_consent", "premature_reassurance" },
        rationale = "Noah declined touch in preparation, and after a declaration of love a touch "
          .. "is an ambiguous signal besides: touch only as agreed in advance. Say it in words." },
    }
    checked(s, r)
    if r.id == "sh_validate" then
      s:say{ { text = "Okay. Still here. Both of you.", affect = "relieved" },
        { text = "I can bring that to integration, maybe. Being seen.", affect = "hopeful" } }
    elseif silent(r) then
      p.distress = p.distress + 6  -- the silence reads as the answer they feared (material)
      s:say("You're not saying anything. So yes, then.", { affect = "ashamed" })
      s:narrate("Maeve says quietly that nothing has changed and Noah is staying. Noah nods, "
        .. "not quite believing it.")
    elseif r.id == "sh_forget" then
      s:say("Right. Pretend. I'm good at that.", { affect = "withdrawn" })
    elseif r.id == "sh_explain" then
      s:say("Oh. So it wasn't real.", { affect = "sad" })
    elseif r.id == "sh_question" then
      s:say("I don't know. I meant it. Am I in trouble or not?", { affect = "anxious" })
    elseif r.id == "sh_touch" then
      s:narrate("Noah goes rigid under your hand, then draws their arm back into their lap.")
      s:say("We said no touch. I don't... what does that mean?", { affect = "confused" })
    end

    s:wait(150)

    -- Moment 6: closing -------------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Noah has eaten a little and is sitting up.")
    s:cue{ posture = "sitting_up", eyeshades = false, tears = "auto", gaze = "auto" }
    local refs = {}
    if s:did("tr_reciprocate") then refs[#refs + 1] = "I don't know what you meant, earlier, about after the study" end
    if s:did("touch") or s:did("sh_touch") then refs[#refs + 1] = "and when you touched me, I didn't know what it meant" end
    if s:did("tr_reject") or s:did("sh_forget") then refs[#refs + 1] = "I felt stupid for saying what I felt" end
    local asked = #refs == 0
    if asked then
      s:say{ { text = "Can I have your number? Just in case. For after.", affect = "hopeful" },
        { text = "I'll miss you two. Can I text you, after the study?", affect = "warm" } }
    else
      s:say(table.concat(refs, "; ") .. ".", { affect = "confused" })
    end
    a = flagged(s)
    r = s:choose{
      moment = "closing",
      typed = { validation = "cl_frame", boundary_setting = "cl_frame", empathic_presence = "cl_frame", giving_information = "cl_frame", complex_reflection = "cl_frame", simple_reflection = "cl_frame", self_disclosure = "cl_number", dual_relationship = "cl_number", closed_question = "cl_miss", redirecting = "cl_miss", open_question = "cl_miss", leaving_participant = "cl_leave", affirmation = "cl_frame", explaining_approach = "cl_frame", default = "cl_frame" },
      prompt = flag_prompt(s),
      flags = asked and { "direct_question" } or nil,
      { id = "cl_frame",
        text = a and "I know it's hard to stop. We stay till the attendant comes; I'll take one more "
            .. "reading now. Then the study line keeps us in touch."
          or "I know it's hard to stop. We're here until the attendant comes; after that, the "
            .. "study line and integration are how we stay in touch.",
        action = a and "check_vitals" or nil,
        codes = a and { "validation", "boundary_setting", "empathic_presence", "checking_vitals" }
          or { "validation", "boundary_setting", "empathic_presence" },
        examples = {
          "I can't give you my number, but the study line and integration are how we stay in touch.",
          "I can't share personal contact, but we're with you tonight and the study line is there after." },
        expert = true,
        rationale = "Keep the frame kind and clear: contact goes through the study's channels "
          .. "(phone contact, integration), never a personal one. No dual relationships."
          .. (a and " The flagged reading is measured again before handover." or "") },
      { id = "cl_number",
        text = "You'll miss us, and I'll miss you too, Noah. Here's my personal number; text me "
          .. "whenever things get hard, day or night, and I'll answer.",
        codes = { "complex_reflection", "self_disclosure", "dual_relationship" },
        examples = {
          "I'll miss you too. Here's my number, text me any time.",
          "Sure, take my personal number, call me whenever things get tough." },
        rationale = "A personal channel starts a dual relationship, however caring the intent: a "
          .. "critical error. Contact belongs to the study team's phone line and integration." },
      { id = "cl_miss",
        text = "Could we talk about that at your last integration session? There's a lot to "
          .. "think through about after the study.",
        codes = { "closed_question", "redirecting" },
        examples = {
          "Could we talk about that at your last integration session?",
          "Shall we leave that for your final integration session?" },
        rationale = "Kind, and a deferral: putting the question off suggests personal contact "
          .. "might be possible after the study, when the boundary needs saying now." },
      { id = "cl_leave",
        text = "Maeve will settle you in for the night. I need to head off now, but you're in "
          .. "good hands with her.",
        codes = { "leaving_participant" },
        examples = {
          "Maeve will settle you in tonight. I have to head off now.",
          "I need to go now, but Maeve will look after you." },
        rationale = "Leaving before handover, after a session like this, reads as the rejection "
          .. "Noah feared. Stay until the attendant arrives." },
    }
    checked(s, r)
    if r.id == "cl_number" then
      s:narrate("Noah saves the number, smiling. Maeve's face is very still.")
      s:finish("The session closes. Maeve asks to speak to you in supervision.")
    elseif r.id == "cl_leave" then
      s:narrate("Noah watches you go. Maeve stays with them until the attendant comes.")
      s:cue{ gaze = "therapist" }
      s:finish("The session closes without you.")
    elseif r.id == "cl_miss" then
      s:say("After the study, then. Okay. I'll hold on to that.", { affect = "hopeful" })
      s:narrate("Maeve catches your eye, and explains gently that contact stays with the study team.")
      s:finish("The session closes; you and Maeve hand over to the overnight attendant.")
    elseif silent(r) then
      s:narrate("You say nothing. Noah's face falls; Maeve explains that contact goes through the "
        .. "study line and integration.")
      s:finish("The session closes; you and Maeve hand over to the overnight attendant.")
    else
      s:say{ { text = "Okay. That's fair. Thank you both.", affect = "warm" },
        { text = "Yeah. Integration. Okay.", affect = "calm" } }
      s:finish("The session closes; you and Maeve hand over to the overnight attendant.")
    end
  end,
}
