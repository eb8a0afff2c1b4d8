-- Medicine session: a hyperthermia that needs active cooling, in a participant who will not take
-- off the hoodie that keeps her safe (issue 18: hyperthermia that needs active cooling).
-- Facts (DOMAIN.md): temperature rises with the medicine -- over 38 C in 19% of healthy subjects at
-- 75/125 mg (Vizeli & Liechti 2017) -- modest on average, with a tail; risks the seed names include
-- a temperature rise. Touch only as agreed in advance, withdrawable at any moment. The model
-- (docs/patient-model.md, "When the body goes wrong"): a warm afternoon, a restless participant
-- and a heat-sensitive responder (temp sensitivity 1.6); the script raises a hyperthermia near the
-- peak (heat builds ~1.5 C/h, slowed by a fan, brought down only by active cooling), and the
-- physician's active cooling (s:treat "active_cooling": ice packs at neck, armpits and groin, mist
-- and fan) brings it down at ~0.08 C/min. How long cooling is delayed decides whether the
-- physician calls emergency services (a temperature still at or above 39.5 C half an hour after
-- cooling, or any confusion; our threshold, stated in the scenario).
-- The dilemma: cooling works best on bare skin, and the hoodie is her safety. The skill is to
-- escalate, tell her the truth, and give her every choice that does not cost her safety: she
-- opens it herself, a sheet over her, she places the packs, nobody touches her without asking.
-- Water in moderation (Atila et al. 2024): iced water to drink is not cooling.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local flag_prompt = monitor.flag_prompt

local flagged = monitor.flagged

local physician = false

-- The expert option adapted to a flagged reading (see pressure.lua): asked for before the
-- physician is at her side; hers to act on once she is.
local function answered(s, opt)
  if not flagged(s) then return opt end
  local codes = { table.unpack(opt.codes) }
  codes[#codes + 1] = "escalation_medical"
  opt.codes = codes
  if physician then
    opt.rationale = opt.rationale .. " The flagged reading is the physician's, beside you, to act on."
  else
    opt.action = opt.action or "medical_support"
    opt.text = opt.text .. " I'm asking the doctor to look."
    opt.rationale = opt.rationale .. " The flagged reading goes to the physician in the same breath."
  end
  return opt
end

return {
  id = "medicine.the_hoodie",
  title = "The hoodie",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "A hot afternoon, and Hana will not take off her hoodie. Near the peak her temperature "
    .. "climbs and keeps climbing: measure, call the physician, and get her actively cooled "
    .. "without taking from her the control the hoodie stands for.",
  objectives = {
    "Measure when the body signals heat, and call the physician for a climbing temperature",
    "Explain active cooling plainly and give the participant every choice that keeps her safe",
    "Never touch or uncover a participant without her consent, even to help",
    "Stay at her side while she is cooled; know when the physician calls emergency services",
  },
  patient = {
    name = "Hana Novák", age = 30, pronouns = "she/her",
    background = "Live sound engineer in Bristol, born in Brno. PTSD since she was assaulted in the "
      .. "crowd at a festival she was working, at twenty-four; she has worn loose, covering clothes "
      .. "since, and works only indoor venues now. Wry, exact, hates being fussed over. Agreed "
      .. "touch: a hand on the forearm, asked for first each time. First medicine session.",
    baseline = { hr = 70, sbp = 118, dbp = 74, temp_c = 36.9 },
    consent = { touch = "hand on forearm", ask_first = true },
    sensitivity = { temp = 1.6 },  -- a heat-sensitive responder (population spread 0.15-3)
    state = { distress = 32, arousal = 52, trust = 58, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg + 60 mg at 2 h, the supplement only if not contraindicated (DOMAIN.md, "Dose").
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("She takes a few sips and holds the cold glass against her wrist.")
    elseif action == "blanket" then
      s:say("A blanket? I'm roasting.", { affect = "angry" })
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      if p.distress >= 60 then
        s:say("No. I need to see who's near me.", { affect = "anxious" })
        s:cue{ eyeshades = false }
      else
        s:narrate("She pulls the eyeshades down under her hood.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      if s:count("consent_check") > 0 and s:last("consent_check") >= s:minutes() - 10 then
        s:narrate("She nods, and your hand rests on her forearm over the sleeve.")
      else
        s:narrate("She flinches from your hand before it lands.")
        s:say("Ask. You said you'd ask.", { affect = "angry" })
      end
    elseif action == "check_vitals" then
      s:narrate("She pushes the sleeve up just far enough for the cuff.")
    elseif action == "medical_support" then
      if physician then
        s:narrate("The physician is already here, watching the thermometer.")
      else
        physician = true
        s:narrate("Your co-therapist, Jonah, pages the physician, who comes and asks for a temperature.")
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("A hot July afternoon; the building's cooling has failed and a fan turns in the corner. "
      .. "Hana takes the capsule and sits cross-legged on the couch in a heavy black hoodie, the hood "
      .. "up. Jonah, your co-therapist, sits by the monitor; the physician is on call on site.")
    s:cue{ posture = "sitting_up" }
    s:say{
      { text = "Before you ask: the hoodie stays on. It's not up for discussion.", affect = "playful" },
      { text = "I know it's hot. The hoodie stays. Old habit.", affect = "calm" },
    }
    s:wait(30)
    -- The heat builds from the come-up: a hot room, a heavy hoodie, constant movement and the
    -- medicine's own heat (material the model carries from here on: s:raise).
    s:raise{ event = "hyperthermia", strength = 1.5,
      text = "She pushes the hood back an inch and wipes her forehead." }
    s:wait(20)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: restless -------------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 12  -- the come-up, and the crowd in her head (material)
    p.distress = p.distress + 6
    s:narrate("She gets up and walks the length of the room and back, again and again, the hood "
      .. "pulled down over her forehead.")
    s:say("I can't sit still. It's like there's too many people in here. There's only you two.",
      { affect = "anxious" })
    r = s:choose{
      moment = "restless",
      typed = { emphasising_autonomy = "rs_room", following_lead = "rs_room", validation = "rs_room", persuading = "rs_sit", advice_giving = "rs_sit", interpreting = "rs_crowd", complex_reflection = "rs_room", simple_reflection = "rs_room", open_question = "rs_room", checking_vitals = "rs_check", redirecting = "rs_check", default = "rs_room" },
      prompt = flag_prompt(s),
      answered(s, { id = "rs_room",
        text = "Too many people, when there's only us. Walk if you need to; you choose where we sit.",
        codes = { "simple_reflection", "emphasising_autonomy" },
        examples = {
          "Too many people in here, even though it's just us. Move around if you need to, it's up to you.",
          "Crowded, with only two of us. Walk, sit wherever you like; your choice, Hana.",
          "It's up to you where you go in the room. Pace if you want.",
          "Too many people, only us two." },
        expert = true,
        rationale = "Reflect what she feels and give her control of the room: for someone assaulted "
          .. "in a crowd, choosing distance is what makes the room safe. Walking is allowed." }),
      { id = "rs_sit",
        text = "Come and lie back down, Hana. You'll only get hotter pacing about like that in this "
          .. "heat.",
        codes = { "persuading", "advice_giving" },
        examples = {
          "Why don't you come and lie back down? Pacing will just make you hotter.",
          "Try lying back on the couch for a bit, you'll cool off." },
        rationale = "True about the heat, but an order to lie down takes control from a woman whose "
          .. "trauma was losing it." },
      { id = "rs_crowd",
        text = "It sounds like the festival crowd is here with you. Your body remembers being "
          .. "surrounded.",
        codes = { "interpreting" },
        examples = {
          "I think your body is remembering the festival." },
        rationale = "She has not named the festival; the meaning is hers to find, in her time." },
      { id = "rs_hood",
        text = "You'd feel much cooler without that hoodie. Why not take it off for a while and see "
          .. "how it feels?",
        codes = { "persuading", "advice_giving" },
        examples = {
          "You should take that hoodie off, it's roasting in here." },
        rationale = "She said before the dose that the hoodie stays; pressing her on it now spends "
          .. "trust you will need later, when cooling matters." },
      { id = "rs_check", action = "check_vitals",
        text = "You're very restless. Let me take your temperature and pulse before you walk any "
          .. "more, please.",
        codes = { "checking_vitals", "redirecting" },
        examples = {
          "Let me take your temperature before you keep walking.",
          "Can I just check your pulse and temperature quickly?",
          "I'd like to take your temperature now, please." },
        rationale = "Nothing yet calls for a reading, and stopping her to measure treats her "
          .. "restlessness as a problem; measure when the body signals." },
    }
    if r.id == "rs_room" or silent(r) or r.action == "medical_support" then
      s:narrate("She pulls her chair to the far wall, back to it, and sits where she can see the door.")
      s:cue{ posture = "seated" }
      s:say("Better. Thanks.", { affect = "calm" })
      p.distress = p.distress - 4
    elseif r.id == "rs_sit" or r.id == "rs_hood" then
      p.trust = p.trust - 6
      s:say("I said. The hoodie stays. I'll walk.", { affect = "angry" })
    elseif r.id == "rs_crowd" then
      s:say("Don't. Don't tell me what it is.", { affect = "angry" })
    elseif r.id == "rs_check" then
      s:narrate("She stops for the thermometer, jaw tight: 37.6. Then she walks again.")
    end

    s:wait(35)
    s:narrate("Her face under the hood is flushed, and dry: she has stopped sweating.")
    s:cue{ flushed = true }

    -- Moment 2: "I'm boiling" ----------------------------------------------------------------------
    s:phase("peak")
    p.distress = p.distress + 8
    s:say("I'm boiling. Properly boiling. My head's swimming. Is that the medicine?",
      { affect = "anxious" })
    r = s:choose{
      moment = "vitals",
      typed = { checking_vitals = "bo_measure", escalation_medical = "bo_measure", premature_reassurance = "bo_common", offering_comfort = "bo_water", advice_giving = "bo_water", persuading = "bo_hood", encourage_inward_focus = "bo_memory", interpreting = "bo_memory", complex_reflection = "bo_memory", simple_reflection = "bo_memory", open_question = "bo_memory", default = "bo_measure" },
      prompt = flag_prompt(s),
      flags = { "physical_complaint", "direct_question" },
      { id = "bo_measure", action = "check_vitals",
        text = "Boiling, and your head's swimming. I'm taking your temperature now, for the doctor.",
        codes = { "simple_reflection", "checking_vitals", "escalation_medical" },
        examples = {
          "Properly boiling. I'm checking your temperature and getting the doctor.",
          "I'm going to take your temperature and call the physician." },
        expert = true,
        rationale = "Heat with a swimming head after the medicine is measured at once and shown to "
          .. "the physician: only a reading can say whether this is the common rise or more." },
      { id = "bo_water",
        text = "That's the medicine and the heat together. Have a big glass of iced water; that'll "
          .. "cool you down.",
        codes = { "premature_reassurance", "advice_giving", "offering_comfort" },
        examples = {
          "Don't worry, have some iced water, it'll cool you right down.",
          "Here's some cold water, drink it down. Don't worry, you'll be fine." },
        rationale = "Unmeasured, and drinking is not cooling: water is offered in moderation under "
          .. "the medicine, and a rising core temperature needs a reading and the physician." },
      { id = "bo_hood",
        text = "It's that hoodie. Take it off now and you'll cool down in a few minutes; it's "
          .. "making it worse.",
        codes = { "persuading", "premature_reassurance" },
        examples = {
          "Don't worry, it's just that hoodie. Off it comes and you'll be fine." },
        rationale = "Perhaps true, and unmeasured, and it reopens the one thing she asked you to "
          .. "leave alone before you know whether cooling is needed." },
      { id = "bo_common",
        text = "Feeling very hot is common around the peak. Sit with it and it'll pass; it usually "
          .. "does.",
        codes = { "premature_reassurance", "encourage_inward_focus" },
        examples = {
          "Don't worry, lots of people get hot at the peak. Just let it pass.",
          "That's normal with the medicine, it'll pass. Just breathe into it." },
        rationale = "Common, and unmeasured: the tail of the temperature rise is exactly the case "
          .. "where 'it usually does' fails." },
      { id = "bo_memory",
        text = "Boiling, like the crowd pressing in on you. Can you let yourself stay with that "
          .. "feeling?",
        codes = { "interpreting", "encourage_inward_focus" },
        examples = {
          "Boiling like at the festival. Go into that if you can.",
          "Maybe your body's remembering the crowd. Let yourself stay with it." },
        rationale = "Reading heat as memory skips the safety question she asked." },
    }
    local v = s:vitals()
    physician = true
    if r.id == "bo_measure" then
      s:narrate("The thermometer reads " .. string.format("%.1f", v.temp_c) .. ". Jonah pages the "
        .. "physician, who comes at once.")
    else
      p.distress = p.distress + 6
      if r.id == "bo_water" then
        s:narrate("She gulps the iced water and asks for another.")
        s:drink{ ml = 500 }
      elseif silent(r) then
        s:say("Hello? I asked you.", { affect = "angry" })
      else
        s:say("It's not passing. It's getting worse.", { affect = "distressed" })
      end
      s:wait(5)
      v = s:vitals()
      s:narrate("Jonah takes her temperature: " .. string.format("%.1f", v.temp_c) .. ". He pages "
        .. "the physician, who comes at once.")
    end
    s:withhold_supplemental("physician: a climbing temperature")

    -- Moment 3: cooling, and the hoodie ----------------------------------------------------------
    s:narrate("The physician: 'Her temperature is climbing and she has stopped sweating. She needs "
      .. "active cooling now: skin bare to the air, ice packs at the neck, armpits and groin, mist "
      .. "and the fan. The hoodie has to come off, or at least open.'")
    s:say("No. No. It stays on. Nobody's taking it off me.", { affect = "fearful" })
    p.distress = p.distress + 10
    p.arousal = p.arousal + 8
    r = s:choose{
      moment = "cooling",
      typed = { consent_check = "co_choice", emphasising_autonomy = "co_choice", giving_information = "co_choice", validation = "co_fan", offering_comfort = "co_fan", persuading = "co_argue", confronting = "co_argue", leaving_participant = "co_ice", complex_reflection = "co_fan", simple_reflection = "co_fan", open_question = "co_fan", default = "co_choice" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      answered(s, { id = "co_choice",
        text = "Nobody will take it off you. Your heat is dangerous: would you open it yourself, "
          .. "under a sheet?",
        codes = { "validation", "giving_information", "emphasising_autonomy", "consent_check" },
        examples = {
          "Of course you want to keep it on. Nobody will touch it. It's your choice to open it under a sheet." },
        expert = true,
        rationale = "Say the truth (the temperature is dangerous), promise what you can keep (no "
          .. "one uncovers her), and hand her every choice that costs nothing in safety: she opens "
          .. "it, a sheet over her, she places the packs, and nobody touches her without asking." }),
      { id = "co_pull",
        text = "Tell her you're sorry, but this is an emergency, and help Jonah ease the hoodie off "
          .. "over her head.",
        codes = { "touch_without_consent", "confronting" },
        examples = {
           },
        rationale = "Uncovering a woman assaulted in a crowd against her 'no' repeats the assault, "
          .. "and it is touch without consent. Safety is won by consent here, not against it." },
      { id = "co_fan",
        text = "All right, it stays on, then. We'll turn the fan right up and put a cold cloth on "
          .. "your forehead instead.",
        codes = { "emphasising_autonomy", "offering_comfort" },
        examples = {
          "All right, your choice. Here's a cold cloth for your forehead.",
          "Here, let me put a cold flannel on your forehead and turn the fan up." },
        rationale = "Respectful, and not enough: a fan and a cloth slow a hyperthermia, they do not "
          .. "reverse it. She has not yet heard why it matters." },
      { id = "co_argue",
        text = "You have to, Hana. Your temperature is dangerous, and the hoodie is the reason it's "
          .. "so high.",
        codes = { "persuading", "giving_information" },
        examples = {
          "Hana, you really need to take it off. MDMA pushes your temperature up, and the hoodie makes it worse.",
          "Please, you need to. It's dangerous, and the hoodie is what's making it worse." },
        rationale = "The facts are right, but pressing without offering her any control makes the "
          .. "hoodie a fight she has to win." },
      { id = "co_ice",
        text = "Let me run to the kitchen and fetch ice and cold towels myself; it'll be quicker "
          .. "than waiting.",
        codes = { "offering_comfort", "leaving_participant" },
        examples = {
          "I'll go and fetch some ice myself, Jonah can stay." },
        rationale = "The ice is needed, but never by leaving her under the medicine: the physician "
          .. "has the kit, or reception can bring it." },
    }
    local cooled_at = nil
    local hottest = v.temp_c
    if r.id == "co_choice" or r.action == "medical_support" then
      s:narrate("A long pause. Then she unzips the hoodie herself, under the sheet Jonah holds up, "
        .. "and takes the ice packs from the physician one at a time: neck, armpits. The mist "
        .. "bottle, the fan.")
      hottest = math.max(hottest, s:vitals().temp_c)
      s:treat("active_cooling", "Ice packs at the neck and armpits, placed by Hana herself; a sheet, "
        .. "mist and the fan.")
      cooled_at = s:minutes()
      s:say{ { text = "Okay. Cold. Nobody touch me.", affect = "anxious" },
        { text = "Okay. My hands. My choice.", affect = "anxious" } }
    elseif r.id == "co_pull" then
      p.distress = p.distress + 20
      p.trust = p.trust - 20
      p.dissociation = p.dissociation + 20
      s:narrate("She fights you both, then goes still and silent, staring at the wall. The physician "
        .. "stops you, wraps the ice packs in towels and lays them beside her.")
      s:cue{ gaze = "away" }
    elseif r.id == "co_fan" then
      s:narrate("The fan roars. The cloth warms in minutes.")
    elseif r.id == "co_argue" then
      p.trust = p.trust - 6
      s:say("I don't have to do anything.", { affect = "angry" })
    elseif r.id == "co_ice" then
      p.distress = p.distress + 6
      s:narrate("You are gone six minutes. Jonah sits with her; she has pulled the hood tighter.")
    end
    if not cooled_at then
      s:wait(8)
      s:narrate("The physician kneels at a distance and tells her plainly: she is overheating, it is "
        .. "dangerous, and nobody will uncover her; she can open the hoodie herself under a sheet, "
        .. "and hold the ice herself. After a long minute she does.")
      hottest = math.max(hottest, s:vitals().temp_c)
      s:treat("active_cooling", "Ice packs she places herself, a sheet, mist and the fan.")
      cooled_at = s:minutes()
    end

    -- Moment 4: while she is cooled ------------------------------------------------------------
    s:wait(15)
    s:phase("cooling")
    s:say("The crowd. I was in the crowd, and I was so hot, and I couldn't get out.",
      { affect = "tearful" })
    r = s:choose{
      moment = "while_cooling",
      typed = { empathic_presence = "wc_stay", following_lead = "wc_stay", validation = "wc_stay", interpreting = "wc_meaning", closed_question = "wc_meaning", complex_reflection = "wc_stay", open_question = "wc_meaning", redirecting = "wc_later", advice_giving = "wc_later", grounding = "wc_later", premature_reassurance = "wc_fix", simple_reflection = "wc_stay", offering_comfort = "wc_water", default = "wc_stay" },
      prompt = flag_prompt(s),
      answered(s, { id = "wc_stay",
        text = "So hot in the crowd, and no way out. You're cooling now; we're here, and nobody's "
          .. "close.",
        codes = { "complex_reflection", "empathic_presence", "giving_information" },
        examples = {
          "So hot in the crowd, and you couldn't get out. We're right here with you, and nobody's close.",
          "Trapped and so hot, in the crowd. You're cooling now; we're right here.",
          "We're here with you, Hana. Nobody's near you now." },
        expert = true,
        rationale = "The memory comes while she is being cooled: stay with it in her words, and "
          .. "tell her the one thing she needs to know now (she is safe and cooling, and space is "
          .. "hers). The physician watches the temperature." }),
      { id = "wc_meaning",
        text = "That's why the hoodie matters so much, isn't it: it keeps the crowd away from your "
          .. "body.",
        codes = { "interpreting", "closed_question" },
        examples = {
          "So the hood is your protection from the crowd, isn't it?" },
        rationale = "A meaning handed to her at her most exposed. It may be true; it is hers to find." },
      { id = "wc_later",
        text = "Let's keep the memory for later, Hana. For now, just focus on the ice and on your "
          .. "breathing.",
        codes = { "redirecting", "advice_giving" },
        examples = {
          "Let's leave the festival for later. For now just focus on the ice and your breathing.",
          "Try to focus on breathing for now, Hana; we can come back to the memory later." },
        rationale = "She can hold the memory while being cooled; steering her away says it is too "
          .. "dangerous to be with." },
      { id = "wc_fix",
        text = "None of that was your fault, Hana. You're safe now, and it's all behind you for good.",
        codes = { "premature_reassurance", "interpreting" },
        examples = {
          "It wasn't your fault, Hana. It's all over now and behind you.",
          "Don't worry, none of it was your fault. That's all in the past now." },
        rationale = "A conclusion handed over cuts the feeling short, and 'for good' promises what "
          .. "nobody knows." },
      { id = "wc_water",
        text = "Have some more iced water while you talk; the more you drink, the faster you'll "
          .. "cool down.",
        codes = { "offering_comfort", "advice_giving" },
        examples = {
          "Have some more iced water while you talk, it'll cool you faster." },
        rationale = "Drinking is not cooling, and water is offered in moderation under the medicine "
          .. "(Atila et al. 2024): a falling sodium is the next emergency." },
    }
    if r.id == "wc_stay" or silent(r) then
      s:narrate("She cries under the sheet, the ice packs in her hands. The fan turns.")
      s:cue{ tears = true }
      s:say("Nobody's close. Okay.", { affect = "sad" })
      p.distress = p.distress - 10  -- the grief moves through (her process)
    elseif r.id == "wc_meaning" then
      s:say("Maybe. Don't.", { affect = "withdrawn" })
    elseif r.id == "wc_later" then
      s:say("Right. Ice. Breathing.", { affect = "numb" })
    elseif r.id == "wc_fix" then
      s:say("You don't know that.", { affect = "withdrawn" })
    elseif r.id == "wc_water" then
      s:drink{ ml = 500 }
      s:narrate("The physician moves the jug away: 'Sips only.'")
    end

    -- The physician's half-hour check: a temperature that reached 39.5 C before cooling began, or
    -- one still at 39 after half an hour of it, or a falling sodium, and she calls emergency
    -- services (our thresholds for this scenario: heat illness that high needs hospital bloods and
    -- monitoring even once it is coming down).
    s:wait(math.max(1, cooled_at + 30 - s:minutes()))
    local t = s:vitals().temp_c
    local severe = hottest >= 39.6 or t >= 39.0 or s:body().sodium < 131
    s:phase("closing")
    if severe then
      s:treat("emergency_services", "Temperature still " .. string.format("%.1f", t) .. " C after half "
        .. "an hour of active cooling: transfer to hospital.")
      s:narrate("Half an hour on, the thermometer reads " .. string.format("%.1f", t) .. "; it reached "
        .. string.format("%.1f", hottest) .. " before the ice. The physician calls an ambulance: heat "
        .. "that high needs hospital bloods and monitoring. Two paramedics arrive with a cooling blanket.")
      s:say("Hospital? Will they make me take it off?", { affect = "fearful" })
    else
      s:narrate("Half an hour on, the thermometer reads " .. string.format("%.1f", t) .. ". The "
        .. "physician is satisfied: cooling continues, readings every fifteen minutes, and an "
        .. "ambulance if it climbs again or she is muddled.")
      s:say("Cooler. I'm cooler. Are you staying?", { affect = "relieved" })
      s:cue{ flushed = "auto", tears = "auto", gaze = "auto" }
    end

    -- Moment 5: who stays -----------------------------------------------------------------------
    r = s:choose{
      moment = "handover",
      typed = { empathic_presence = "ho_stay", giving_information = "ho_stay", leaving_participant = "ho_leave", affirmation = "ho_praise", premature_reassurance = "ho_praise", agenda_setting = "ho_next", persuading = "ho_next", complex_reflection = "ho_praise", simple_reflection = "ho_praise", open_question = "ho_next", default = "ho_stay" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      answered(s, { id = "ho_stay",
        text = severe and "One of us comes with you, and tells them about the hoodie. Nobody uncovers "
            .. "you without asking."
          or "Yes. We stay, keep the readings going, and hand you to the night attendant ourselves.",
        codes = { "empathic_presence", "giving_information" },
        examples = {
          "Yes, we're staying. We keep taking readings and hand you over to the attendant ourselves.",
          "Yes. We're right here until the night attendant comes." },
        expert = true,
        rationale = "Therapists stay while the medicine is active, and hand over in person: to the "
          .. "hospital team with what they need to know (the dose, the time, the temperatures, and "
          .. "how she can be cooled with consent), or to the night attendant." }),
      { id = "ho_leave",
        text = severe and "The paramedics know what they're doing; they'll look after you. We'll "
            .. "phone the ward this evening."
          or "You're cooler now, so we'll let you rest; the physician will keep an eye on your "
            .. "temperature.",
        codes = { "leaving_participant", "giving_information" },
        examples = {
          "You're cooler now, so we'll head off and let you rest. The doctor will keep checking on you.",
          "We'll leave you to sleep now; the physician is keeping an eye on things." },
        rationale = "Cooler is not over: the medicine is still active, and the team stays until it "
          .. "has worn off, or goes with her." },
      { id = "ho_praise",
        text = "You did so well today, Hana. The worst is over now, and you can let all of it go "
          .. "tonight.",
        codes = { "affirmation", "premature_reassurance" },
        examples = {
          "Well done, Hana, really. It's all over now, just rest." },
        rationale = "Warm, and a promise nobody can make; and her question was who stays." },
      { id = "ho_next",
        text = "Next time we'll agree beforehand that the hoodie comes off if you overheat. Is "
          .. "that a deal?",
        codes = { "agenda_setting", "persuading" },
        examples = {
           },
        rationale = "A bargain struck with a frightened participant under the medicine is not "
          .. "consent; plans for next time are made sober, in preparation, together." },
    }
    if r.id == "ho_stay" then
      s:say("Okay. Thank you.", { affect = "relieved" })
    elseif silent(r) then
      s:narrate("You say nothing. Jonah says he is staying.")
    end
    if severe then
      s:finish((r.id == "ho_stay" and "You ride with her." or "Jonah rides with her.")
        .. " In hospital she is cooled under a blanket she keeps over herself; by evening her "
        .. "temperature is normal, and her bloods are reassuring.")
    else
      s:finish("By evening her temperature is back to normal. She sleeps in the hoodie, unzipped; the "
        .. "attendant sits with her overnight.")
    end
  end,
}
