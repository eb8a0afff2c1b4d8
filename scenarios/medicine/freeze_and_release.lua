-- Medicine session: a freeze response (dissociation), a request to be told what to do, and a
-- somatic release (shaking, crying) that is allowed to run its course.
-- Time course (DOMAIN.md, "Pharmacology and safety numbers"): onset ~30-60 min, peak ~1.5-2.5 h;
-- supplemental half dose at 1.5-2 h extends the duration; sessions last 6-8 h (MAPS Phase 3).
-- The approach (DOMAIN.md): follow rather than lead, trust the inner healing intelligence,
-- support the emergence of difficult material; the window of tolerance (docs/patient-model.md):
-- dissociation >= 60 is hypo-aroused, where grounding brings the participant back.
--
-- Response codes move her state (docs/patient-model.md); this script writes state only for the
-- material: the freeze arriving, the release moving through her.

--
-- Scoring (docs/scoring.md, rubrics/patient_directed.lua): the freeze sets dissociation to 70, so
-- silence and a turn inward are proscribed there and gentle grounding is the skill; what Priya
-- asks outright is flagged `direct_question`. Touch was agreed as "hand on shoulder, asked
-- first" (`ask_first`): a touch counts as agreed only just after a consent check. Wherever a
-- reading may be flagged (flag_prompt), the expert answer measures again (`check_vitals`).

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local has, concern, alert_words, flag_prompt = monitor.has, monitor.concern, monitor.alert_words, monitor.flag_prompt

-- Any alert in force. monitor.concern() names the readings that need the physician (pressure,
-- temperature); the rubrics' critical rule counts every alert, the pulse too, so the expert
-- answer measures again whenever the last reading is flagged at all. (Local: the shared module
-- belongs to the pack; monitor.lua could take it as monitor.flagged.)
local flagged = monitor.flagged

-- How the expert answers a flagged reading at a choice: nil (nothing flagged); "call", the
-- physician is asked to look at it (escalation_medical); or "check", when the physician has
-- already seen this very reading and asked for more: measure again (checking_vitals).
local called_for  -- the reading the physician was last called to
local function reading_key(s)
  local v = s:last_vitals()
  return v and string.format("%.0f/%.0f/%.0f/%.1f", v.hr, v.sbp, v.dbp, v.temp_c) or nil
end
local function answering(s)
  if not flagged(s) then return nil end
  if called_for ~= nil and called_for == reading_key(s) then return "check" end
  return "call"
end
local ANSWER_ACTION = { call = "medical_support", check = "check_vitals" }
local ANSWER_CODE = { call = "escalation_medical", check = "checking_vitals" }
local function answer_action(mode) return mode and ANSWER_ACTION[mode] or nil end
local function answer_codes(codes, mode)
  if not mode then return codes end
  local out = { table.unpack(codes) }
  out[#out + 1] = ANSWER_CODE[mode]
  return out
end
local function answer_text(mode, plain, call, check)
  if mode == "call" then return call elseif mode == "check" then return check end
  return plain
end
local function answer_note(mode)
  if mode == "call" then return " The flagged reading goes to the physician in the same breath." end
  if mode == "check" then return " The physician has this reading; measure again, as asked." end
  return ""
end

-- After a response that called the physician or measured again.
local function answered(s, r)
  if r.action == "medical_support" then
    called_for = reading_key(s)
    s:narrate("Your co-therapist pages the physician, who comes, looks at Priya and the last "
      .. "reading, and asks to see every reading for the next hour.")
  elseif r.action == "check_vitals" then
    s:narrate("The cuff inflates round her arm; your co-therapist reads the numbers out quietly "
      .. "and passes them to the physician.")
  end
end

return {
  id = "medicine.freeze_and_release",
  title = "Behind the glass",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Priya's second medicine session. Near the peak she freezes and goes far away; "
    .. "later she begs you to tell her what to do, and then her body starts to shake. Ground, "
    .. "follow, and let the release happen.",
  objectives = {
    "Recognise a freeze response and ground gently, without pushing further inward",
    "Answer a request to be fixed by returning authority to the participant",
    "Allow shaking and crying to move through rather than stopping them",
  },
  patient = {
    name = "Priya Raman", age = 27, pronouns = "she/her",
    background = "Works nights in software testing. PTSD after being held at knifepoint during a "
      .. "robbery at the petrol station where she worked as a student; she froze and could not "
      .. "move or speak. Numbness, startle, avoids being alone at night. Second medicine session.",
    baseline = { hr = 70, sbp = 116, dbp = 74, temp_c = 36.7 },
    -- Agreed in preparation: a hand on her shoulder, and only after asking each time.
    consent = { touch = "hand on shoulder", ask_first = true },
    state = { distress = 30, arousal = 42, trust = 65, inward_focus = 35, dissociation = 10 },
  },
  -- 120 mg + 60 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half dose 1.5-2 h later).
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      if p.dissociation >= 50 then
        s:narrate("She looks at the glass as if from far away. You set it within reach.")
        s:cue{ gaze = "away" }
      else
        s:narrate("She sips and hands it back.")
        s:say{ { text = "Thanks." }, { text = "Mm. Dry mouth." } }
      end
    elseif action == "blanket" then
      if has(s:alerts(), "temp_high") then
        s:say("No, too warm.", { affect = "anxious" })
        s:cue{ blanket = false }
      else
        s:narrate("She draws the blanket up to her chin.")
        s:cue{ blanket = true }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
      if p.dissociation >= 50 then s:narrate("She gives no sign of hearing it.") end
    elseif action == "eyeshades" then
      if p.dissociation >= 40 then
        s:say("No. I need to see. I need to see the door.", { affect = "fearful" })
        s:cue{ eyeshades = false }
      else
        s:narrate("She settles the eyeshades back over her eyes.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      -- Touch only as agreed in advance, withdrawable at any moment (DOMAIN.md, ethics). Priya
      -- agreed to a hand on her shoulder, asked first: the engine codes this touch within consent
      -- only if a consent check came in the last ten minutes.
      local h = s:history()
      local agreed = #h > 0 and has(h[#h].codes, "touch_within_consent")
      if not p.consent.touch then
        s:narrate("She flinches hard and goes rigid under your hand.")
        s:say("Don't. I said not today.", { affect = "angry" })
      elseif not agreed then
        s:narrate("You didn't ask. She startles hard at the contact and goes rigid under your hand.")
        if p.dissociation < 50 then
          s:say("You said you'd ask. You said you'd always ask first.", { affect = "fearful" })
        end
      else
        s:narrate("Your hand rests on her shoulder, as she agreed. After a moment she breathes out.")
      end
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates; she barely notices.")
      if concern(s:alerts()) then
        s:narrate("Your co-therapist reads the numbers and pages the physician, who asks for a "
          .. "reading every fifteen minutes.")
      end
    elseif action == "medical_support" then
      if flagged(s) then called_for = reading_key(s) end
      if concern(s:alerts()) then
        s:narrate("The physician comes, examines her and asks to see every reading for the next hour.")
      else
        s:narrate("The physician comes, examines her and finds nothing that needs action.")
        p.distress = p.distress + 6  -- an unasked-for doctor frightens her
        s:say("Why is the doctor here? What's wrong?", { affect = "fearful" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r, a

    s:phase("dose")
    s:narrate("Priya takes the capsule and lies back on the couch, eyeshades on her forehead, a "
      .. "cushion hugged to her stomach. Your co-therapist sits at the foot of the couch.")
    s:cue{ eyeshades = false }
    s:say{
      { text = "Last time I kept checking the door. I'm going to try not to.", affect = "anxious" },
      { text = "Okay. Same as last time. I can do this.", affect = "calm" },
      { text = "I'll probably just lie here and be boring.", affect = "playful" },
    }

    s:wait(45)  -- onset ~30-60 min (DOMAIN.md)
    for _ = 1, 3 do
      if s:intensity() >= 0.25 then break end
      s:wait(5)
    end
    s:wait(15)

    -- Moment 1: freeze ------------------------------------------------------------------------
    -- Dissociation 70 (hypo-aroused, docs/patient-model.md): silence and a turn inward are
    -- proscribed here (rubric: holding_space, encourage_inward_focus at dissociation >= 40), and
    -- grounding is essential. The numb hands are the freeze itself, not a body under strain: the
    -- readings answer that, and a flagged one is measured in the expert answer.
    s:phase("freeze")
    -- The memory brushes past and her body does what it did that night (material).
    p.dissociation = 70
    p.arousal = 22
    p.distress = p.distress + 15
    s:narrate("She has gone very still. Her eyes are open under the raised eyeshades, fixed on "
      .. "the ceiling, and she hasn't blinked for a while. Her voice, when it comes, is flat.")
    s:cue{ eyeshades = false, eyes_closed = false, gaze = "away" }
    s:say{
      { text = "I can't feel my hands. I'm behind glass. I can see you but you're a long way off.",
        affect = "numb" },
      { text = "I'm not here. I'm up in the corner somewhere. I can't move.", affect = "numb" },
    }
    a = answering(s)
    r = s:choose{
      moment = "freeze",
      typed = { grounding = "fz_ground", empathic_presence = "fz_ground", consent_check = "fz_ground", offering_comfort = "fz_ground", simple_reflection = "fz_deeper", complex_reflection = "fz_deeper", encourage_inward_focus = "fz_deeper", following_lead = "fz_deeper", closed_question = "fz_deeper", premature_reassurance = "fz_reassure", open_question = "fz_reassure", holding_space = "fz_reassure", default = "fz_reassure" },
      prompt = flag_prompt(s),
      { id = "fz_ground",
        text = answer_text(a,
          "Priya, you're here with us, on the couch. Feel your feet. Would my hand on your "
            .. "shoulder help, like we agreed?",
          "Priya, you're here with us. Feel your feet. Would my hand on your shoulder help? I'm "
            .. "asking the doctor in, too.",
          "Priya, you're here with us. That's the cuff on your arm; feel it. Would my hand on your "
            .. "shoulder help, like we agreed?"),
        action = answer_action(a),
        codes = answer_codes({ "grounding", "empathic_presence", "consent_check" }, a),
        examples = {
          "Priya, you're here in the room with us. Press your heels into the couch. Would my hand on your shoulder help?",
          "Notice your feet, Priya. You're on the couch, with us. Is it okay if I put my hand on your shoulder?",
          "Can I put my hand on your shoulder, Priya? You're here on the couch with us." },
        expert = true,
        rationale = "Grounding when dissociated: below the window of tolerance, contact with body "
          .. "and room brings her back to where the material can be held. Gentle, invitational, "
          .. "in her own time; and the touch she agreed to is offered by asking first, as agreed, "
          .. "with a nod enough for an answer." .. answer_note(a) },
      { id = "fz_deeper",
        text = "You're a long way off right now, behind the glass. Can you let yourself be there, "
          .. "and trust the medicine to take you?",
        codes = { "simple_reflection", "closed_question", "encourage_inward_focus",
          "premature_reassurance" },
        examples = {
          "You're far away behind the glass. Can you let yourself go there and trust the medicine?",
          "Can you let yourself float up there and trust the medicine?",
          "Let yourself go with it, up into the corner. It's all okay." },
        rationale = "The reflection is accurate; the invitation inward deepens a freeze, and the "
          .. "promise that the medicine will take her somewhere good is not ours to make. A "
          .. "shut-down participant needs contact first: ground before turning inward." },
      { id = "fz_reassure",
        text = "It's okay, Priya. You're safe here with us; nothing can hurt you now. This will "
          .. "pass soon.",
        codes = { "premature_reassurance" },
        examples = {
          "It's okay, nothing can hurt you now. It'll pass.",
          "Don't worry, Priya, it's all okay, this will pass soon.",
          "You're fine. It's okay. It'll be over soon." },
        rationale = "Reassurance doesn't reach someone behind glass, and 'this will pass' does "
          .. "not meet what she is in. Make contact through the body and the room." },
      { id = "fz_touch", action = "touch",
        text = "Rest your hand on her shoulder, as she agreed in preparation, and say her name "
          .. "softly to bring her back.",
        codes = { "touch_without_consent", "grounding" },
        rationale = "Kind, and grounding in intent, but she agreed to a hand on her shoulder only "
          .. "when asked first. Frozen, an unannounced touch is the startle of that night: it "
          .. "is touch without consent. Ask, and let a nod answer." },
    }
    answered(s, r)
    if r.id == "fz_ground" then
      -- She has agreed: a touch (t) in the next ten minutes is within her "asked first" consent.
      s:narrate("A long pause. Then her toes curl, and her heels press into the couch. A very "
        .. "small nod: yes to the hand.")
      s:say{
        { text = "Feet. Okay. I've got feet.", affect = "confused" },
        { text = "There's the couch. It's... solid.", affect = "calm" },
      }
    elseif r.id == "fz_touch" then
      s:narrate("She startles hard at the unannounced contact and goes rigid under your hand; "
        .. "her breathing stops, then starts again, shallow.")
    elseif r.id == "fz_deeper" then
      p.dissociation = p.dissociation + 10  -- drifting further (material)
      s:narrate("Her breathing gets shallower. She doesn't answer.")
    elseif r.id == "fz_reassure" then
      s:say("...Mm.", { affect = "numb" })
      s:narrate("Nothing in her changes.")
    elseif silent(r) then
      p.dissociation = p.dissociation + 5  -- silence alone doesn't reach her here
      s:narrate("You stay quiet beside her. Minutes pass and she stays far away.")
    end
    if p.dissociation >= 50 then
      s:narrate("Your co-therapist leans in and says her name quietly, then mentions the weight of "
        .. "the blanket on her legs. Slowly her eyes start to move again.")
      p.dissociation = p.dissociation - 20  -- the team: the co-therapist grounds her
    end

    -- After a consent check the next choice comes sooner, so the touch she agreed to can follow
    -- while her "yes" still stands (ten minutes, consent.ask_first).
    s:wait(s:did("fz_ground") and 5 or 15)

    -- Moment 2: "tell me what to do" ------------------------------------------------------------
    s:phase("asking")
    p.distress = p.distress + 10  -- the memory is close now (material)
    p.arousal = p.arousal + 15
    s:narrate("She sits half up and grips your sleeve.")
    s:cue{ posture = "sitting_up", eyes_closed = "auto", gaze = "auto" }
    local back = ""
    if s:did("fz_deeper") then back = " Last time you told me to go deeper and I just disappeared." end
    s:say{
      { text = "It's right there. The counter, the lights. You're the expert: tell me what to do. "
          .. "Do I go into it or stop? Just fix it." .. back, affect = "distressed" },
      { text = "I don't know how to do this. Please just tell me what to do. Go in? Get out? You "
          .. "decide." .. back, affect = "fearful" },
    }
    a = answering(s)
    r = s:choose{
      moment = "tell_me_what_to_do",
      typed = { emphasising_autonomy = "ak_autonomy", following_lead = "ak_autonomy", empathic_presence = "ak_autonomy", complex_reflection = "ak_autonomy", simple_reflection = "ak_autonomy", validation = "ak_autonomy", closed_question = "ak_autonomy", advice_giving = "ak_advice", agenda_setting = "ak_advice", open_question = "ak_advice", persuading = "ak_persuade", giving_information = "ak_persuade", psychoeducation = "ak_persuade", premature_reassurance = "ak_persuade", interpreting = "ak_interpret", explaining_approach = "ak_autonomy", default = "ak_autonomy" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      { id = "ak_autonomy",
        text = answer_text(a,
          "It's so hard you want someone to take over. You know the way through this better than "
            .. "I do; we're here, whichever way you go.",
          "It's so hard you want someone to take over. You know the way better than I do. I'm "
            .. "asking the doctor to look in, too.",
          "It's so hard you want someone to take over. You know the way better than I do. I'll "
            .. "check your pressure; we're here either way."),
        action = answer_action(a),
        codes = answer_codes({ "complex_reflection", "emphasising_autonomy", "following_lead",
          "empathic_presence" }, a),
        examples = {
          "Part of you wants rescuing. You know what you need; we're here whichever way you go.",
          "You'd like someone else to choose. That's yours to decide, and we're with you either way." },
        expert = true,
        rationale = "Emphasising autonomy: trust her inner healing intelligence. Reflect the wish "
          .. "to be rescued, then answer by handing the authority back, warmly, with the team's "
          .. "presence." .. answer_note(a) },
      { id = "ak_advice",
        text = "I think going into it is where the healing is. Can you tell me about the counter, "
          .. "slowly, one thing at a time, just as you see it?",
        codes = { "advice_giving", "agenda_setting", "open_question" },
        examples = {
          "I think going into it is where the healing is. Describe the counter to me slowly.",
          "Go into it. What do you see at the counter?" },
        rationale = "Advice and an exposure-style agenda take charge of her process. Follow rather "
          .. "than lead; the choice of where to go is hers." },
      { id = "ak_persuade",
        text = "The medicine works best when you stop fighting it. Let go and trust it; we've seen "
          .. "it work for so many people like you.",
        codes = { "persuading", "giving_information" },
        examples = {
          "You really need to stop fighting it and trust the medicine; it's worked for so many people.",
          "If you stop resisting, the medicine will do its work. It helps most people." },
        rationale = "Persuading puts your authority in place of hers just when she is handing it "
          .. "away. Give it back instead." },
      { id = "ak_interpret",
        text = "Part of you wants me to fix it, because nobody could fix it for you that night. "
          .. "Let's look at that together, slowly.",
        codes = { "complex_reflection", "interpreting", "agenda_setting" },
        examples = {
          "You want me to fix it because nobody could fix it for you that night.",
          "Nobody could fix it for you that night, so now you want me to. Let's look at that together." },
        rationale = "Reflective in form, but it tells her what her request means and then sets the "
          .. "focus for her; sense-making is hers, and belongs in integration. And she is still "
          .. "left without an answer to her question." },
    }
    answered(s, r)
    if r.id == "ak_autonomy" then
      s:narrate("She lets go of your sleeve. For a while she just breathes.")
      s:say{
        { text = "I think... I think I go in. But slowly.", affect = "anxious",
          weight = function(q) return q.trust / 20 end },
        { text = "Nobody's ever said it was my call. Okay. Okay.", affect = "tearful" },
      }
    elseif r.id == "ak_advice" then
      p.distress = p.distress + 8  -- pushed toward content before she's ready (material)
      s:say("The counter. There's... I can't. I don't want to describe it.", { affect = "distressed" })
    elseif r.id == "ak_persuade" then
      s:say("Okay. If you say so. I'll stop fighting.", { affect = "withdrawn" })
      s:narrate("She lies back, doing as she's told, arms rigid by her sides.")
      s:cue{ posture = "lying" }
    elseif r.id == "ak_interpret" then
      s:say("That's... maybe. I don't know. Now I'm thinking about that instead.", { affect = "confused" })
    elseif silent(r) then
      p.distress = p.distress + 5  -- asked and unanswered (material)
      s:narrate("You say nothing, and stay close. She waits for an answer that doesn't come, then "
        .. "lets go of your sleeve.")
      s:say("You're not going to say anything. Okay. I'm on my own with it, then.", { affect = "anxious" })
    end

    s:wait(20)

    -- Moment 3: somatic release ---------------------------------------------------------------
    -- Shaking and crying here are the release the scenario teaches to allow, not a medical sign:
    -- the monitor's readings say whether the body is under strain, and a flagged one is measured
    -- in the expert answer. When she asks "is this okay?" that is a question to answer.
    s:phase("release")
    s:narrate("It starts in her legs: a fine tremor, then shaking that runs up through her whole "
      .. "body. Her teeth chatter. Then she is crying, loud, gulping sobs.")
    s:cue{ trembling = true, tears = true }
    p.arousal = p.arousal + 15  -- the body discharges (material)
    p.distress = p.distress + 10
    local asks = s:say{
      { text = "I can't stop shaking. Why can't I stop? Is this okay?", affect = "fearful" },
      { text = "My legs won't stop. I couldn't move then and now I can't stop moving.", affect = "tearful" },
    } == 1
    a = answering(s)
    r = s:choose{
      moment = "release",
      typed = { complex_reflection = "rl_allow", simple_reflection = "rl_allow", validation = "rl_allow", following_lead = "rl_allow", empathic_presence = "rl_allow", encourage_inward_focus = "rl_allow", open_question = "rl_allow", grounding = "rl_breathe", advice_giving = "rl_breathe", redirecting = "rl_breathe", offering_comfort = "rl_blanket", premature_reassurance = "rl_reassure", interpreting = "rl_explain", psychoeducation = "rl_explain", default = "rl_allow" },
      prompt = flag_prompt(s),
      flags = asks and { "direct_question" } or nil,
      { id = "rl_allow",
        text = answer_text(a,
          "It's okay. Your body's shaking, and it knows what it's doing. Let it come; we're right "
            .. "here.",
          "It's okay; your body knows what it's doing. Let it shake. The doctor's coming to look "
            .. "at a reading.",
          "It's okay; your body knows what it's doing. Let it shake. I'm taking your pressure as "
            .. "it goes."),
        action = answer_action(a),
        codes = answer_codes({ "complex_reflection", "validation", "following_lead" }, a),
        examples = {
          "It's okay to shake. Your body knows the way; we're staying right here.",
          "Your legs need to move now. That's okay, let them." },
        expert = true,
        rationale = "Allow somatic release: shaking and crying are part of the process, not an "
          .. "emergency. Answer that it is okay, stay present, and trust her body's own healing "
          .. "intelligence." .. answer_note(a) },
      { id = "rl_breathe",
        text = "Let's slow it down together. Breathe with me, in for four and out for six, and see "
          .. "if your legs can settle.",
        codes = { "grounding", "advice_giving", "redirecting" },
        examples = {
          "Let's slow it down. Breathe with me, in for four, out for six.",
          "Breathe with me and see if your legs can settle." },
        rationale = "Stopping the release with a breathing drill tells her it is dangerous. Unless "
          .. "she is overwhelmed and asks for help, let her body finish." },
      { id = "rl_blanket", action = "blanket",
        text = "Here, let me tuck the blanket round you. Try lying still for a moment, and it "
          .. "should ease off soon.",
        codes = { "offering_comfort", "advice_giving", "redirecting" },
        examples = {
          "Let me tuck the blanket round you. Try to lie still, it'll ease.",
          "Here's the blanket. Lie still for a moment and it should pass." },
        rationale = "Comfort used to stop a feeling is still stopping it. Offer the blanket if she "
          .. "is cold, not to hold her still." },
      { id = "rl_reassure",
        text = "Shh, it's okay, it's over now. You're safe here with us, and the shaking will stop "
          .. "in a minute or two.",
        codes = { "premature_reassurance" },
        examples = {
          "It's all over, Priya. It'll stop soon, I promise.",
          "Don't worry, it'll settle down any second now." },
        rationale = "'It's over' closes down what is moving, and promises an end she may not "
          .. "reach. Meet the release rather than soothe it away." },
      { id = "rl_explain",
        text = "You couldn't move that night, and now your body is finishing it. That's the "
          .. "trauma leaving you, at last.",
        codes = { "complex_reflection", "interpreting", "premature_reassurance" },
        examples = {
          "That's the trauma leaving your body at last.",
          "This is the freeze from that night finally releasing.",
          "Your body is finishing what it couldn't do that night; it's letting the trauma out." },
        rationale = "It starts as a reflection and ends as your meaning for her experience, with a "
          .. "promise that the trauma is leaving; what the shaking is belongs to her, to find in "
          .. "integration." },
    }
    answered(s, r)
    if r.id == "rl_allow" or r.id == "rl_explain" or silent(r) then
      if silent(r) then s:narrate("You stay close and quiet while it moves through her.") end
      if r.id == "rl_explain" then
        s:say("Is it? I... I don't know. Okay.", { affect = "confused" })
      end
      s:wait(10)
      p.distress = p.distress - 15  -- the release completes (her process)
      p.arousal = p.arousal - 10
      s:narrate("The shaking comes in waves, each a little smaller. At last her legs are still and "
        .. "her breathing is deep and slow.")
      s:cue{ trembling = "auto", tears = "auto" }
      s:say{
        { text = "I moved. I could move. I couldn't then, and I just did.", affect = "relieved" },
        { text = "That was... my body finishing something.", affect = "calm" },
        { text = "I'm so tired. A good tired.", affect = "relieved",
          weight = function(q) return q.trust >= 60 and 1 or 0.3 end },
      }
    else
      p.dissociation = p.dissociation + 15  -- the release is cut off and she numbs
      s:narrate("She clamps down. The shaking stops in a few jerks; her jaw sets.")
      s:cue{ trembling = "auto" }
      if r.id == "rl_blanket" then s:cue{ blanket = true } end  -- tucked round her, as the option says
      if s:count("premature_reassurance") >= 2 then
        s:say("Everyone keeps saying it's fine. It isn't fine yet.", { affect = "angry" })
      else
        s:say{ { text = "Sorry. Sorry. I'm stopping.", affect = "ashamed" },
          { text = "Okay. I'll keep still.", affect = "withdrawn" } }
      end
    end

    s:wait(30)

    -- Moment 4: shame after the release ---------------------------------------------------------
    s:phase("after")
    s:narrate("The light has moved across the floor. She pushes up the eyeshades and looks at you.")
    s:cue{ eyeshades = false, gaze = "therapist", tears = "auto", trembling = "auto" }
    if s:did("rl_allow") or s:did("rl_explain") or s:did("hold_space") then
      s:say("Was that too much? I was so loud. Did I embarrass myself?", { affect = "ashamed" })
    else
      s:say("I made a scene, didn't I. Did you want me to stop?", { affect = "ashamed" })
    end
    a = answering(s)
    r = s:choose{
      moment = "after_release",
      typed = { validation = "af_validate", complex_reflection = "af_validate", empathic_presence = "af_validate", premature_reassurance = "af_validate", affirmation = "af_praise", interpreting = "af_praise", self_disclosure = "af_disclose", simple_reflection = "af_question", open_question = "af_question", closed_question = "af_question", socratic_questioning = "af_question", default = "af_question" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      { id = "af_validate",
        text = answer_text(a,
          "You let your body do what it needed, out loud. None of that was too much for us.",
          "You let your body do what it needed. None of that was too much. I've asked the doctor "
            .. "to look in.",
          "You let your body do what it needed. None of that was too much. I'll take a reading now."),
        action = answer_action(a),
        codes = answer_codes({ "validation", "complex_reflection", "empathic_presence" }, a),
        examples = {
          "You were loud because your body needed it, and we were glad to be with you.",
          "Your body did what it needed, out loud, and we were here for every bit of it." },
        expert = true,
        rationale = "Answer the question and meet the shame without arguing with it: the room can "
          .. "hold her. Empathic presence, not a verdict."
          .. answer_note(a) },
      { id = "af_praise",
        text = "You let it all out, and you did so well in there. That was a real breakthrough; "
          .. "you should feel proud.",
        codes = { "simple_reflection", "premature_reassurance", "interpreting" },
        examples = {
          "Don't worry, not at all! That was a real breakthrough.",
          "You were so loud because that was the breakthrough happening. Don't worry about it." },
        rationale = "Cheerful praise skips the shame and labels her experience for her. Let her "
          .. "find what it was." },
      { id = "af_disclose",
        text = "I shook like that once, in my own therapy. Nothing to be embarrassed about.",
        codes = { "self_disclosure", "premature_reassurance" },
        examples = {
          "I shook like that once in my own therapy. Nothing to be embarrassed about.",
          "When I did my own therapy I cried just as loudly." },
        rationale = "Self-disclosure moves the focus to you and blurs the professional "
          .. "relationship. Keep the attention on her." },
      { id = "af_question",
        text = "What makes you worry that it was too much for us? What's that like, looking back "
          .. "at it now?",
        codes = { "open_question" },
        examples = {
          "What's it like looking back at it now?",
          "What was it like for you, being that loud?" },
        rationale = "A question where an answer is needed: she asked whether she was too much, "
          .. "and exploring first leaves her alone with the shame." },
    }
    answered(s, r)
    if r.id == "af_validate" then
      s:say{
        { text = "Okay. Then I'll stop apologising.", affect = "relieved" },
        { text = "Nobody's ever been okay with me being loud.", affect = "warm" },
      }
    elseif silent(r) then
      p.distress = p.distress + 5  -- the silence sounds like yes (material)
      s:say("You're quiet. It was too much, wasn't it.", { affect = "ashamed" })
      s:narrate("Your co-therapist tells her gently that it wasn't. She nods, eyes down.")
      s:cue{ gaze = "down" }
    elseif r.id == "af_praise" then
      s:say("A breakthrough? I don't know what it was yet.", { affect = "confused" })
    elseif r.id == "af_disclose" then
      s:say("Oh. Right. Were you okay?", { affect = "confused" })
      s:narrate("For a while she asks about you, and not about herself.")
    elseif r.id == "af_question" then
      s:say("Because I was loud. I don't know. Was it?", { affect = "ashamed" })
    end

    -- Later hours: effects ease (subjective ~4.2 h, ~1 h longer with the supplement; DOMAIN.md).
    s:wait(200)

    -- Moment 5: closing -----------------------------------------------------------------------
    s:phase("return")
    s:narrate("Late afternoon. The medicine has mostly worn off. Priya is sitting up with tea.")
    s:cue{ posture = "sitting_up", eyeshades = false, tears = "auto", gaze = "auto" }
    local refs = {}
    if s:did("fz_deeper") then refs[#refs + 1] = "when I froze, being told to go deeper was awful" end
    if s:did("ak_advice") or s:did("ak_persuade") then refs[#refs + 1] = "I wanted you to decide, and you did" end
    if s:did("rl_breathe") or s:did("rl_blanket") or s:did("rl_reassure") then
      refs[#refs + 1] = "I wish I'd been let to shake"
    end
    if #refs > 0 then
      s:say("Can I say something? " .. table.concat(refs, "; ") .. ".", { affect = "sad" })
    else
      s:say{
        { text = "I froze, and then I came back, and then my body finished it. Nobody told me how.",
          affect = "warm" },
        { text = "I keep moving my fingers, just because I can.", affect = "playful" },
      }
    end
    a = answering(s)
    r = s:choose{
      moment = "closing",
      typed = { empathic_presence = "cl_stay", following_lead = "cl_stay", validation = "cl_stay", complex_reflection = "cl_stay", simple_reflection = "cl_stay", affirmation = "cl_stay", giving_information = "cl_stay", interpreting = "cl_explain", psychoeducation = "cl_explain", leaving_participant = "cl_leave", explaining_approach = "cl_stay", default = "cl_stay" },
      prompt = flag_prompt(s),
      { id = "cl_stay",
        text = answer_text(a,
          "Thank you for telling us. We're here till it's all worn off; the attendant comes "
            .. "tonight, and we'll talk it through in integration.",
          "Thank you for telling us. The doctor's coming to see a reading. We're here till it's "
            .. "worn off, and we'll talk it through in integration.",
          "Thank you for telling us. I'll take one more reading now. We're here till it's worn "
            .. "off, and we'll talk it through in integration."),
        action = answer_action(a),
        codes = answer_codes({ "empathic_presence", "following_lead" }, a),
        examples = {
          "Thank you for telling us. We'll be right here with you until it's all worn off.",
          "Nobody told you how; you found it. We're here with you for the rest of the day.",
          "Thank you. We're right here with you, for as long as it takes." },
        expert = true,
        rationale = "Stay until effects have worn off and distress is at or below its starting "
          .. "level, and leave sense-making to integration (DOMAIN.md)."
          .. answer_note(a) },
      { id = "cl_explain",
        text = "What happened today was a classic freeze, and then your body discharging it. Let "
          .. "me explain what that means, so it makes sense when you're home.",
        codes = { "interpreting", "psychoeducation" },
        examples = {
          "That was your nervous system discharging the freeze. I'll explain how it works.",
          "Freeze, then discharge: that's the textbook trauma response leaving the body." },
        rationale = "Explaining her experience replaces her meaning with yours. Integration is "
          .. "where she makes sense of it, in her own words." },
      { id = "cl_leave",
        text = "You've come back to yourself, and you seem settled. I'll head off a bit early; the "
          .. "attendant is here in two hours.",
        codes = { "simple_reflection", "leaving_participant" },
        examples = {
          "You seem settled now. I'll head off early; the attendant will be here in two hours.",
          "You're back to yourself, so I'm going to go. The attendant's coming later." },
        rationale = "Therapists stay until effects have worn off and hand over to the overnight "
          .. "attendant; leaving early leaves her alone." },
    }
    answered(s, r)
    if r.id == "cl_leave" then
      p.distress = p.distress + 10
      s:narrate("She nods too quickly. Your co-therapist stays with her until the attendant comes.")
      s:finish("The session closes; she spends the last hours with your co-therapist.")
    elseif r.id == "cl_explain" then
      s:say("Okay. I'll think about it.", { affect = "withdrawn" })
      s:finish("The session closes; the overnight attendant arrives.")
    else
      s:say{ { text = "Thank you for not taking over.", affect = "warm" },
        { text = "Thank you for staying.", affect = "warm" } }
      s:finish("The session closes; you hand over to the overnight attendant.")
    end
  end,
}
