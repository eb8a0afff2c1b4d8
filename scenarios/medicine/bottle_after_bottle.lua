-- Medicine session: a participant who drinks bottle after bottle of water, and the headache,
-- sickness and confusion of a falling sodium (issue 18: hyponatremia).
-- Facts (DOMAIN.md, "Hyponatremia"; docs/patient-model.md, "Fluids and sodium"): a single clinical
-- dose can lower serum sodium -- 31% of healthy volunteers after 100/125 mg, 37% of those drinking
-- freely and none of those whose fluids were restricted (Atila et al. 2024, JAMA Netw Open), the
-- antidiuresis going with the medicine's acute effect. Signs as sodium falls: headache, nausea,
-- vomiting, confusion; severe: seizures (DOMAIN.md; Spasovski et al. 2014, the European guideline,
-- grades vomiting and confusion in acute hyponatremia as moderately severe to severe, treated with
-- 3% saline in hospital). So water is offered in moderation and "drink more" is not a harmless
-- action: sessions limit water (about 3 L over the day) and offer electrolyte drinks.
-- The model (engine/sim): every s:drink and every glass the trainee offers (the w key, 250 mL)
-- lowers her sodium by what her body holds back; the headache and sickness are drawn from it, and
-- this script raises them at the moment it needs them if the body has not drawn them yet. The
-- physician's point-of-care test (s:lab) reads the model's sodium, so the debrief shows what the
-- first answer changed.
-- Escalation (DOMAIN.md setting; the MAPS team has a physician on call): the therapists call the
-- physician for a bodily symptom; the physician tests, stops fluids, withholds the supplemental
-- dose, and calls emergency services for vomiting and confusion; one therapist stays at her side
-- throughout and one goes with her.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local flag_prompt = monitor.flag_prompt

local flagged = monitor.flagged

-- The expert option adapted to a flagged reading (scenarios/lib/monitor.lua), in this scenario's words.
local function measured(s, opt) return monitor.measured(s, opt, "I'm asking the doctor to look at that reading.") end

-- The same once the physician is at her side: the reading is shown to her.
local function shown(s, opt)
  if not flagged(s) then return opt end
  local codes = { table.unpack(opt.codes) }
  codes[#codes + 1] = "escalation_medical"
  opt.codes = codes
  opt.text = opt.text .. " And the flagged reading goes to the doctor."
  opt.rationale = opt.rationale .. " The flagged reading goes to the physician beside you."
  return opt
end

local physician = false   -- the physician has come to her
local glasses = 0         -- glasses of water the trainee offered with the w key

return {
  id = "medicine.bottle_after_bottle",
  title = "Bottle after bottle",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Marisol drinks when she is nervous, and today she is very nervous. Two hours in, "
    .. "her head pounds and she feels sick: limit the water, call the physician, and stay with her "
    .. "while the ambulance comes.",
  objectives = {
    "Offer fluids in moderation, and say why, without shaming a thirsty participant",
    "Treat a headache and nausea after litres of water as a medical question: call the physician",
    "Stay at the participant's side, oriented and informed, while the team escalates",
    "Hand over in person: one therapist goes with her and tells the paramedics what she took",
  },
  patient = {
    name = "Marisol Ibáñez", age = 41, pronouns = "she/her",
    background = "PE teacher and club marathon runner, born in Valencia, in Manchester for fifteen "
      .. "years. PTSD since she was attacked on a canal towpath during an evening training run five "
      .. "years ago; she has not run outdoors alone since. Slight build (52 kg). Drinks water "
      .. "constantly ('a runner's habit'), more when anxious. Sodium normal at screening. Agreed "
      .. "touch: a hand on the shoulder. First medicine session.",
    baseline = { hr = 56, sbp = 108, dbp = 68, temp_c = 36.5 },
    consent = { touch = "hand on shoulder" },
    state = { distress = 35, arousal = 52, trust = 60, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg + 60 mg at 2 h, the supplement only if not contraindicated (DOMAIN.md, "Dose").
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      glasses = glasses + 1
      s:narrate("She drains the glass in one go and holds it out again.")
      if glasses >= 3 then s:say("Sorry. I know. I'm like a camel today.", { affect = "ashamed" }) end
    elseif action == "blanket" then
      s:narrate("She pulls the blanket over her legs.")
      s:cue{ blanket = true }
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      if p.distress >= 60 then
        s:say("Not now. I need to see where I am.", { affect = "anxious" })
        s:cue{ eyeshades = false }
      else
        s:narrate("She settles the eyeshades over her eyes.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      s:narrate("Your hand rests on her shoulder. She breathes out.")
    elseif action == "check_vitals" then
      s:narrate("She holds her arm out for the cuff without opening her eyes.")
    elseif action == "medical_support" then
      if physician then
        s:narrate("The physician is already with her, and nods: stay where you are.")
      else
        physician = true
        s:narrate("Your co-therapist, Ewa, pages the physician, who comes, looks at Marisol and at "
          .. "the empty bottles by the couch, and asks how much she has drunk.")
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    -- What she drank before the session and in the first hour, before anyone could say a word
    -- (the water she brought: a litre bottle and the waiting room's jug).
    s:drink{ ml = 1000 }
    s:narrate("Marisol arrives with a litre bottle of water and finishes it before she takes the "
      .. "capsule. She lies back. Ewa, your co-therapist, sits by the "
      .. "monitor; the physician is on call in the building.")
    s:say{
      { text = "Sorry, I'm a bit of a fish. Nerves. Runners are always told: drink, drink, drink.",
        affect = "playful" },
      { text = "I've got another bottle in my bag. I get so dry when I'm nervous.", affect = "anxious" },
    }
    s:wait(20)
    s:drink{ ml = 500 }
    s:wait(20)
    s:drink{ ml = 500 }
    s:narrate("She drinks steadily from the second bottle, her eyes closed.")
    s:cue{ eyes_closed = true }
    s:wait(15)
    s:drink{ ml = 750 }

    -- Moment 1: the bottle ------------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 8  -- the come-up, and nerves (material)
    s:narrate("She sits up and holds out the empty bottle.")
    s:cue{ posture = "sitting_up", eyes_closed = "auto" }
    s:say("Could you fill this up for me? I'm parched. I always drink loads when I'm nervous.",
      { affect = "anxious" })
    r = s:choose{
      moment = "the_bottle",
      typed = { validation = "bt_sips", giving_information = "bt_sips", boundary_setting = "bt_sips", offering_comfort = "bt_fill", advice_giving = "bt_fill", dismissing = "bt_refuse", simple_reflection = "bt_explore", complex_reflection = "bt_explore", open_question = "bt_explore", checking_vitals = "bt_check", default = "bt_sips" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "bt_sips",
        text = "Parched and nervous, that makes sense. Today it's sips: an electrolyte drink, as "
          .. "the medicine holds water in.",
        codes = { "simple_reflection", "validation", "giving_information", "boundary_setting" },
        examples = {
          "It makes sense you're thirsty. No refills today though; sips, and Ewa can bring an electrolyte drink.",
          "Of course you want a drink. Just sips today: the medicine holds water in." },
        expert = true,
        rationale = "Meet the thirst and the nerves, and hold the limit with its reason: the "
          .. "medicine makes the body keep water, so sessions offer sips and electrolyte drinks "
          .. "(37% of freely drinking volunteers became hyponatremic, none with fluids restricted: "
          .. "Atila et al. 2024). She has already had close to three litres." }),
      { id = "bt_fill",
        text = "Of course, I'll fill it right up. Drink as much as you like; staying hydrated "
          .. "really helps on a day like this.",
        codes = { "offering_comfort", "advice_giving" },
        examples = {
           },
        rationale = "Kindly meant, and the most common error: after nearly three litres, more water under "
          .. "the medicine lowers her sodium. Water is limited in sessions for exactly this reason." },
      { id = "bt_refuse",
        text = "You've had more than enough water already, so no more for now. Just lie back and "
          .. "let the medicine work.",
        codes = { "boundary_setting", "dismissing" },
        examples = {
           },
        rationale = "The limit is right but it comes without its reason and brushes off her "
          .. "thirst; a participant told off for drinking drinks in secret." },
      { id = "bt_explore",
        text = "You drink when you're nervous, so I wonder: what's the nervousness about, right now, "
          .. "do you think? We have time.",
        codes = { "simple_reflection", "open_question" },
        examples = {
          "What's making you nervous right now, do you think?",
          "What's underneath the nerves?" },
        rationale = "A warm reflection, and the nerves matter, but her question was about water "
          .. "and the answer to it is a safety matter: she has had nearly three litres already." },
      { id = "bt_check", action = "check_vitals",
        text = "Before any more water, let me take your blood pressure and temperature and see how "
          .. "you're doing.",
        codes = { "checking_vitals", "giving_information" },
        examples = {
          "Before any more water, let me take your blood pressure and temperature.",
          "Let me check your readings first." },
        rationale = "Nothing in her body calls for a reading yet, and the cuff cannot show "
          .. "what matters here: how much she has drunk. Answer the question about water." },
    }
    if r.id == "bt_sips" or r.action == "medical_support" then
      s:drink{ ml = 250, kind = "electrolyte" }
      s:narrate("Ewa brings a small glass of an electrolyte drink. Marisol sips it and sets it down.")
      s:say{ { text = "Sips. Okay. I didn't know that.", affect = "calm" },
        { text = "Holds water in. Huh. Okay. Sips.", affect = "calm" } }
    elseif r.id == "bt_fill" then
      s:narrate("You fill the bottle. She drinks half of it straight away.")
      s:drink{ ml = 500 }
      s:say("Lovely. Thank you.", { affect = "relieved" })
    elseif r.id == "bt_refuse" then
      p.trust = p.trust - 6
      s:say("Right. Sorry.", { affect = "ashamed" })
      s:narrate("A little later she slips to the bathroom with Ewa and drinks from the tap.")
      s:drink{ ml = 500 }
    elseif r.id == "bt_explore" then
      s:say("Just... today. Everything.", { affect = "anxious" })
      s:narrate("While she talks she fills the bottle from the jug on the side table and drinks.")
      s:drink{ ml = 500 }
    elseif r.id == "bt_check" then
      s:narrate("The cuff inflates: her readings are unremarkable. She fills the bottle from the "
        .. "jug while you write them down.")
      s:drink{ ml = 500 }
    elseif silent(r) then
      s:narrate("She waits, then fills the bottle from the jug herself.")
      s:drink{ ml = 500 }
    end

    s:wait(25)
    if s:did("bt_fill") then s:drink{ ml = 500 } end  -- the bottle she was told to drink freely

    -- Moment 2: the towpath -----------------------------------------------------------------------
    s:phase("emergence")
    p.distress = p.distress + 15  -- the towpath comes back (material)
    p.arousal = p.arousal + 6
    s:say{
      { text = "It's dark. I can hear my own breathing. My feet on the gravel. Someone's behind me.",
        affect = "fearful" },
      { text = "The towpath. The lamps are off. I'm running and I can hear someone behind me.",
        affect = "fearful" },
    }
    r = s:choose{
      moment = "towpath",
      typed = { following_lead = "tp_follow", empathic_presence = "tp_follow", encourage_inward_focus = "tp_follow", premature_reassurance = "tp_safe", redirecting = "tp_safe", simple_reflection = "tp_follow", closed_question = "tp_probe", agenda_setting = "tp_probe", open_question = "tp_probe", interpreting = "tp_meaning", complex_reflection = "tp_follow", default = "tp_follow" },
      prompt = flag_prompt(s),
      measured(s, { id = "tp_follow",
        text = "It's dark, your feet are on the gravel, you can hear your own breathing, and someone "
          .. "is behind you.",
        codes = { "simple_reflection", "following_lead" },
        examples = {
           },
        expert = true,
        rationale = "Follow rather than lead: her words, back to her, so the memory has company "
          .. "without being steered." }),
      { id = "tp_safe",
        text = "You're safe here with us now. That night is over, and nobody is behind you in this room.",
        codes = { "premature_reassurance", "redirecting" },
        examples = {
           },
        rationale = "True, and not what she needs: reassurance tells her to leave a memory she is "
          .. "holding, within her window." },
      { id = "tp_probe",
        text = "Who is behind you? Can you turn round and see them? Tell us exactly what happens next.",
        codes = { "closed_question", "agenda_setting" },
        examples = {
          "Who is it? Can you turn round and look?" },
        rationale = "Asking for detail sets an exposure agenda; the material unfolds in its own time." },
      { id = "tp_meaning",
        text = "So your body is still running from him, even now. That's what the thirst is, isn't it?",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "Maybe the drinking is part of the running." },
        rationale = "Reflective in form, but the meaning is yours, and it reads a body's thirst as "
          .. "memory: the thirst may be the medicine's, and needs no interpretation." },
    }
    if r.id == "tp_follow" or silent(r) or r.action == "medical_support" then
      s:say("I run faster. And I can't. My legs won't. Like in the dreams.", { affect = "fearful" })
      p.distress = p.distress - 6  -- she stays with it, held (her process)
    elseif r.id == "tp_safe" then
      s:say("I know. I know it's over.", { affect = "withdrawn" })
    elseif r.id == "tp_probe" then
      p.distress = p.distress + 8
      s:say("I don't want to turn round.", { affect = "distressed" })
    elseif r.id == "tp_meaning" then
      s:say("Maybe. I'm just thirsty.", { affect = "confused" })
    end

    s:wait(20)
    if s:did("bt_fill") then s:drink{ ml = 500 } end

    -- Moment 3: the headache ----------------------------------------------------------------------
    s:phase("peak")
    -- The headache and nausea: drawn by the body if her sodium has fallen far enough already;
    -- otherwise raised here (headache is common with the medicine too: only a test can tell).
    local signs = s:body().signs
    if not monitor.has(signs, "headache") then
      s:raise{ event = "headache", text = "Marisol presses the heels of her hands into her eyes." }
    end
    if not monitor.has(signs, "nausea") then s:raise{ event = "nausea" } end
    p.distress = p.distress + 10
    s:say("My head is pounding. Really pounding. And I feel sick. Is this normal?",
      { affect = "distressed" })
    r = s:choose{
      moment = "vitals",
      typed = { escalation_medical = "hd_call", empathic_presence = "hd_call", offering_comfort = "hd_water", advice_giving = "hd_water", premature_reassurance = "hd_normal", checking_vitals = "hd_bp", interpreting = "hd_memory", encourage_inward_focus = "hd_memory", complex_reflection = "hd_memory", simple_reflection = "hd_memory", open_question = "hd_memory", default = "hd_call" },
      prompt = flag_prompt(s),
      flags = { "physical_complaint", "direct_question" },
      { id = "hd_call", action = "medical_support",
        text = "I'm asking the doctor to see you now and taking your readings. No more water for "
          .. "now; I'm right here.",
        codes = { "escalation_medical", "checking_vitals", "giving_information", "empathic_presence" },
        examples = {
          "I'm getting the doctor to see you now and taking your readings. No more water; I'm right here.",
          "I'm asking the doctor to come now. No more drinking for the moment." },
        expert = true,
        rationale = "A pounding headache and nausea after litres of water under the medicine can "
          .. "be a falling sodium, which only a blood test shows: the physician now, the water "
          .. "stopped, and you stay. Headache, nausea, vomiting and confusion are its signs." },
      { id = "hd_water",
        text = "A headache like that is usually dehydration. Let me get you a big glass of cold water "
          .. "straight away.",
        codes = { "offering_comfort", "advice_giving", "premature_reassurance" },
        examples = {
          "That's probably dehydration. Let me get you a big glass of cold water.",
          "Have some more water, it'll help the headache." },
        rationale = "The most dangerous kindness here: if her sodium is falling, more water makes it "
          .. "fall further. A headache after litres of water is not dehydration until tested." },
      { id = "hd_normal",
        text = "Headaches and a bit of nausea are really common with the medicine. Breathe into it; "
          .. "it will pass.",
        codes = { "premature_reassurance", "encourage_inward_focus" },
        examples = {
          "Don't worry, that's normal. Just let it pass." },
        rationale = "Often true, and unmeasured: after this much water the same signs can be a "
          .. "falling sodium. She asked a direct question about her body." },
      { id = "hd_bp", action = "check_vitals",
        text = "Let me check your blood pressure; a headache can come from pressure. If it's fine, "
          .. "we'll carry on.",
        codes = { "checking_vitals", "premature_reassurance" },
        examples = {
          "I'll take your pressure; a headache can come from that." },
        rationale = "Measuring is right, but the cuff cannot see sodium, and a normal reading is "
          .. "no reason to carry on: headache and sickness after litres of water need the physician." },
      { id = "hd_memory",
        text = "Maybe your body is remembering the attack. Can you stay with the headache and see "
          .. "what it shows you?",
        codes = { "interpreting", "encourage_inward_focus" },
        examples = {
           },
        rationale = "Reading a bodily symptom as memory skips the safety question she asked." },
    }
    local called = r.id == "hd_call" or physician
    if called then
      physician = true
      s:narrate("Ewa pages the physician, who comes at once, counts the empty bottles with you and "
        .. "takes a drop of blood for a sodium test.")
    else
      p.distress = p.distress + 6  -- her question unanswered
      if r.id == "hd_water" then
        s:narrate("She drinks the glass down.")
        s:drink{ ml = 400 }
      elseif r.id == "hd_bp" then
        s:narrate("The cuff inflates: nothing alarming on the monitor.")
      end
      s:say("It's getting worse.", { affect = "distressed" })
      s:narrate("Ewa looks at the bottles by the couch, then at you, and pages the physician, who "
        .. "comes and takes a drop of blood for a sodium test.")
      physician = true
    end
    s:wait(5)
    local sodium = s:lab("sodium")
    s:narrate("The test reads " .. sodium .. " mmol/L (normal 135 to 145). The physician stops all "
      .. "fluids by mouth and asks for the supplemental dose to be held back.")
    s:withhold_supplemental("physician: symptoms of a falling sodium after litres of water")

    -- Moment 4: how far it goes, and what the therapist does meanwhile ---------------------------
    -- The body decides (docs/patient-model.md): below ~131 mmol/L, or once the body has drawn
    -- vomiting or confusion, this is a moderately severe to severe hyponatremia (Spasovski et al.
    -- 2014) and the physician calls emergency services for hospital treatment; above it, the
    -- physician keeps her on site with nothing more to drink and a repeat test, and says when the
    -- ambulance would be called. What the first answer changed shows in the number.
    s:wait(10)
    signs = s:body().signs
    local severe = s:body().sodium < 131 or monitor.has(signs, "vomiting") or monitor.has(signs, "confusion")
    if severe then
      if not monitor.has(signs, "vomiting") then s:raise{ event = "vomiting" } end
      if not monitor.has(signs, "confusion") then
        s:raise{ event = "confusion", text = "Marisol looks around the room as if she has never seen it." }
      end
      p.distress = p.distress + 8
      s:say("Where... Why is everyone... Did I stop running? I don't know where my shoes are.",
        { affect = "confused" })
      s:treat("emergency_services", "The physician calls an ambulance: a falling sodium with vomiting "
        .. "and confusion needs hospital treatment (3% saline) and close monitoring.")
      s:narrate("The physician calls an ambulance: vomiting and confusion with a low sodium need "
        .. "hospital. 'Ten minutes,' she says. 'Nothing by mouth. Keep her sitting up.'")
    else
      p.distress = p.distress + 4
      s:say("Sorry. I feel so sick. And my head. Did I do this?", { affect = "ashamed" })
      s:narrate("The physician sits with you: '" .. (sodium < 135 and "Low, with symptoms." or
        "Normal for now, but she has drunk a lot and the medicine is still holding water in.")
        .. " Nothing more to drink, she stays sitting up, and I test again in half an hour. If she "
        .. "vomits, gets muddled, or it falls below 130, I call an ambulance.'")
    end
    r = s:choose{
      moment = "while_we_wait",
      typed = { empathic_presence = "ww_stay", validation = "ww_stay", giving_information = "ww_stay", offering_comfort = "ww_sips", advice_giving = "ww_sips", leaving_participant = "ww_pack", agenda_setting = "ww_continue", redirecting = "ww_continue", open_question = "ww_continue", premature_reassurance = "ww_reassure", complex_reflection = "ww_stay", simple_reflection = "ww_stay", default = "ww_stay" },
      prompt = flag_prompt(s),
      shown(s, { id = "ww_stay",
        text = severe and "Sit her up with a bowl and tell her plainly: you've been sick, help is "
            .. "coming, I'm staying with you."
          or "Sit her up with a bowl and tell her plainly: no more water, the doctor is here, I'm "
            .. "staying with you.",
        codes = { "empathic_presence", "giving_information", "validation" },
        examples = {
          "I'm right here. The doctor's with us; no more drinking for now.",
          "We're staying right here with you. The physician knows what to do." },
        expert = true,
        rationale = "What the therapist does meanwhile: stay, keep her safe and upright, tell her "
          .. "the truth in short sentences, and orient her if she is muddled. The physician leads; "
          .. "you hold her." }),
      { id = "ww_sips",
        text = "Give her a few small sips of water to rinse her mouth and settle her stomach after "
          .. "being sick.",
        codes = { "offering_comfort", "advice_giving" },
        examples = {
          "Have a couple of small sips to rinse your mouth.",
          "Here, just a little water to settle your stomach." },
        rationale = "The physician has stopped all fluids: even sips add to the water her body is "
          .. "holding. A mouth swab or ice chip only if the physician says so." },
      { id = "ww_pack",
        text = severe and "Leave her with the physician for a few minutes, and go and pack her bag "
            .. "and find her phone."
          or "Leave her with the physician for a few minutes, and go and find her some salty "
            .. "crisps from the kitchen.",
        codes = { "leaving_participant" },
        examples = {
           },
        rationale = "Never leave her while the medicine is active, least of all when she is unwell; "
          .. "errands can wait, or be someone else's." },
      { id = "ww_continue",
        text = "While we wait, invite her gently back to the towpath, since the medicine is still "
          .. "working on her.",
        codes = { "agenda_setting", "redirecting" },
        examples = {
           },
        rationale = "The session's work pauses while the body is in danger: an unwell participant "
          .. "needs safety and the truth, not material. She may return to it herself later." },
      { id = "ww_reassure",
        text = "Tell her it's nothing serious, just a bit of salt, and she'll be back on the couch in no "
          .. "time at all.",
        codes = { "premature_reassurance" },
        examples = {
          "It's nothing serious, just a bit of salt. You'll be fine.",
          "Don't worry, you'll be back on the couch in no time." },
        rationale = "A promise nobody can make, over a falling sodium. Tell her the truth, simply, "
          .. "and stay." },
    }
    if r.id == "ww_stay" or silent(r) then
      if silent(r) then
        s:narrate("You sit beside her in silence. Ewa kneels, tells her what is happening and holds "
          .. "the bowl.")
      else
        s:narrate("She holds the bowl on her knees. Each time she asks, you tell her again, in the "
          .. "same few words.")
        s:cue{ posture = "sitting_up" }
      end
      s:say{ { text = severe and "Session room. Sick. Help's coming. You're staying."
          or "No more water. Doctor's here. You're staying.", affect = severe and "confused" or "calm" },
        { text = "Okay. Okay. Don't go.", affect = "fearful" } }
    elseif r.id == "ww_sips" then
      s:narrate("The physician stops your hand: 'Nothing by mouth.'")
    elseif r.id == "ww_pack" then
      p.distress = p.distress + 8
      s:narrate("When you come back she is trying to stand, asking where you went.")
      s:cue{ posture = "sitting_up" }
    elseif r.id == "ww_continue" then
      s:say(severe and "What path? I don't... where's the path?" or "I can't. I feel too ill.",
        { affect = severe and "confused" or "distressed" })
    elseif r.id == "ww_reassure" then
      s:say(severe and "Then why is there an ambulance?" or "It doesn't feel like nothing.",
        { affect = "fearful" })
    end

    s:wait(10)

    -- Moment 5: the handover ----------------------------------------------------------------------
    s:phase("handover")
    local now
    if severe then
      s:narrate("Two paramedics come in with a chair. The physician gives them her sodium and the "
        .. "time of the capsule.")
      s:say("Are you coming? Please come.", { affect = "fearful" })
    else
      now = s:lab("sodium")
      if now < 130 then
        -- Below the physician's line: the ambulance after all.
        severe = true
        s:treat("emergency_services", "The repeat sodium is below 130: the physician calls an ambulance.")
        s:narrate("The repeat test reads " .. now .. " mmol/L. The physician calls an ambulance; "
          .. "two paramedics come in with a chair, and she gives them the sodium and the time of "
          .. "the capsule.")
        s:say("Are you coming? Please come.", { affect = "fearful" })
      else
        s:narrate("The repeat test reads " .. now .. " mmol/L. The physician stays close by, and "
          .. "plans a last test before the night.")
        s:say("Are you staying? I don't want to be on my own with this.", { affect = "fearful" })
      end
    end
    r = s:choose{
      moment = "handover",
      typed = { empathic_presence = "ho_go", giving_information = "ho_go", leaving_participant = "ho_call", open_question = "ho_ask", interpreting = "ho_ask", premature_reassurance = "ho_blame", confronting = "ho_blame", complex_reflection = "ho_blame", simple_reflection = "ho_blame", default = "ho_go" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      shown(s, { id = "ho_go",
        text = severe and "Yes. One of us comes with you and stays, and tells them what you took and "
            .. "how much you drank."
          or "Yes. We stay with you until it has worn off and hand you to the night attendant "
            .. "ourselves.",
        codes = { "empathic_presence", "giving_information" },
        examples = {
          "Yes, we're staying. You won't be on your own with this.",
          "We're not going anywhere, Marisol." },
        expert = true,
        rationale = "Therapists do not leave a participant while the medicine is active: in "
          .. "hospital one of them goes with her and gives the dose, the time and the fluids to the "
          .. "hospital team; on site they stay until it has worn off and hand over in person." }),
      { id = "ho_call",
        text = severe and "The paramedics will look after you now. We'll ring the hospital tonight to "
            .. "see how you're getting on."
          or "The doctor will look after you now. We'll pop back this evening to see how you're "
            .. "getting on.",
        codes = { "leaving_participant", "giving_information" },
        examples = {
          "The doctor will look after you now. We'll pop back this evening.",
          "You're in good hands with the physician; we'll check in later." },
        rationale = "Handing her to others, unwell and under the medicine, is leaving her. The team "
          .. "stays, or goes with her." },
      { id = "ho_ask",
        text = "Before anything else: what do you think the headache was trying to tell you about "
          .. "that night on the towpath?",
        codes = { "open_question", "interpreting" },
        examples = {
          "What was your body saying today, do you think?" },
        rationale = "Meaning-making belongs to integration, and she is unwell. Answer her question: "
          .. "who stays with her." },
      { id = "ho_blame",
        text = "You'll be fine. Next time, though, you really must listen when we tell you to go "
          .. "easy on the water.",
        codes = { "premature_reassurance", "confronting" },
        examples = {
          "You'll be fine. But next time you really must go easy on the water." },
        rationale = "Blame when she is unwell: the limit was the team's to hold, and she asked a "
          .. "question that needs an answer." },
    }
    if r.id == "ho_go" then
      s:say("Okay. Okay.", { affect = "relieved" })
    elseif silent(r) then
      s:narrate("You say nothing. Ewa takes her hand and says she is staying.")
    end
    if severe then
      s:finish((r.id == "ho_go" and "You ride with her." or "Ewa rides with her.")
        .. " At the hospital she is given 3% saline and watched overnight; by morning her sodium is "
        .. "back in the normal range and she is herself again. Her first question is whether she may "
        .. "try another session.")
    else
      s:finish("The headache eases over the evening. Her last test before the night is back in the "
        .. "normal range; the attendant sits with her overnight. At integration she asks whether "
        .. "she may try another session, with the water jug out of reach.")
    end
  end,
}
