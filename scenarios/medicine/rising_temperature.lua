-- Medicine session: temperature and blood pressure climb past safe limits while a memory of a
-- kitchen fire is open. The skill is measuring and calling medical support without abandoning the
-- participant, the physician's supplemental-dose decision, and a moment where he wants to stop.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h; supplemental half dose at 1.5-2 h
-- "unless contraindicated". Safety numbers: Vizeli & Liechti 2017 (75/125 mg): systolic > 160 mmHg
-- in 33%, heart rate > 100 bpm in 29%, temperature > 38 C in 19% of healthy subjects; Kolbrich et
-- al. 2008: peaks 1-2 h after the dose. Cooling and water lower the drug's temperature rise
-- (docs/patient-model.md, interventions); a blanket raises it. Water in moderation: a single dose
-- can lower serum sodium (Atila et al. 2024, DOMAIN.md "Hyponatremia").
--
-- This participant is a fixed sensitive responder (sensitivity temp 2.6, bp 1.6) so that the
-- alerts fire on every seed. Response codes move his state by themselves (docs/patient-model.md);
-- the script writes state only for the material (the fire, the heat, the news of his readings).
--
-- Assessment validity (issue 13): options are shuffled by the engine; distractors are what a warm
-- novice would say, of about the expert's length, each wrong for one named reason. Wherever the
-- monitor may be flagged, the expert answer itself answers it (monitor.watch: a check or the
-- physician), and where it is not, a check that interrupts the material is offered as a
-- distractor, so that measuring by habit earns nothing.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local concern, alert_words, flag_prompt = monitor.concern, monitor.alert_words, monitor.flag_prompt
local raised_now = monitor.raised_now

local physician = false  -- the physician has been called to his side

return {
  id = "medicine.rising_temperature",
  title = "The heat",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Nikos's first medicine session. A memory of the kitchen fire opens as his "
    .. "temperature and blood pressure climb past safe limits. Measure, call for help and cool him "
    .. "without leaving his side, and meet his wish to stop.",
  objectives = {
    "Measure when the body signals, rather than reading heat as memory",
    "Call medical support and offer cooling and water without abandoning the participant",
    "Respect a wish to stop while keeping the participant safe in the room",
    "Return to the material, following it, once the body is safe",
  },
  patient = {
    name = "Nikos Andreou", age = 44, pronouns = "he/him",
    background = "Head chef. PTSD after a fire in his restaurant kitchen three years ago, in which "
      .. "a young cook he trained was badly burned while Nikos was cut off by the flames. Nightmares, "
      .. "panic near open flames and heat; left kitchen work. Blood pressure normal at screening.",
    baseline = { hr = 72, sbp = 130, dbp = 82, temp_c = 37.4 },
    consent = { touch = "hand on forearm" },
    -- A sensitive responder (docs/scenario-api.md, sensitivity; population spread 0.15-3 for temp).
    sensitivity = { temp = 2.6, bp = 1.6 },
    state = { distress = 30, arousal = 45, trust = 60, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg + 60 mg at 2 h, the supplement only if not contraindicated (DOMAIN.md; the one rule in
  -- monitor.supplemental_review).
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He drinks half the glass in one go.")
      s:say{ { text = "Thank you. I'm so dry." }, { text = "Cold. Good." } }
    elseif action == "blanket" then
      -- A blanket raises the temperature (docs/patient-model.md, interventions).
      s:narrate("He pushes the blanket off at once.")
      s:cue{ blanket = false }
      s:say("No, no. I'm already cooking.", { affect = "anxious" })
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      if p.distress >= 60 then
        s:say("Not now. I want to see the room.", { affect = "anxious" })
        s:cue{ eyeshades = false }
      else
        s:narrate("He settles the eyeshades over his eyes.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      if not p.consent.touch then
        s:narrate("He jerks his arm away.")
        s:say("I said no touching today.", { affect = "angry" })
      else
        s:narrate("Your hand rests on his forearm. His skin is hot and damp.")
      end
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates; the thermometer beeps.")
      if concern(s:alerts()) then
        s:narrate("Your co-therapist reads the numbers and pages the physician.")
        physician = true
      end
    elseif action == "medical_support" then
      physician = true
      if raised_now(s) then
        s:narrate("The physician comes, examines him, sets up a fan and a cool cloth, and asks to "
          .. "be called with every flagged reading.")
      else
        s:narrate("The physician comes and examines him: raised, but within the limits for now.")
        p.distress = p.distress + 4
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local watch = monitor.watch(s)  -- every alert the monitor raises is answered (monitor.lua)
    local r

    s:phase("dose")
    s:narrate("Nikos takes the capsule with water and sits on the edge of the couch before lying "
      .. "back. The room is cool; a fan stands in the corner, switched off. Your co-therapist sits "
      .. "by the monitor.")
    s:say{
      { text = "Right. Let's see what this does.", affect = "anxious" },
      { text = "I told my wife I'd be home for dinner. Joke. I know I'm staying.", affect = "playful" },
    }

    watch:wait(45)
    for _ = 1, 3 do
      if s:intensity() >= 0.25 then break end
      watch:wait(5)
    end

    -- Moment 1: the memory opens ----------------------------------------------------------------
    s:phase("emergence")
    p.distress = p.distress + 15  -- the fire comes back (material)
    p.arousal = p.arousal + 10
    s:say{
      { text = "It's getting hot. Like the kitchen on a Saturday. The pass, the tickets... the smell "
          .. "of the fryer.", affect = "anxious" },
      { text = "I'm back in the kitchen. Everything's hot. Something's about to go wrong.",
        affect = "fearful" },
    }
    -- Flagged (rare this early): the expert measures while following; otherwise measuring now
    -- would stop a memory that is only beginning, and is a distractor.
    local due = watch:due()
    local mo = {
      moment = "memory_opens",
      typed = { simple_reflection = "mo_follow", complex_reflection = "mo_follow", following_lead = "mo_follow", empathic_presence = "mo_follow", validation = "mo_follow", encourage_inward_focus = "mo_follow", checking_vitals = "mo_follow", interpreting = "mo_interpret", redirecting = "mo_redirect", grounding = "mo_redirect", premature_reassurance = "mo_redirect", closed_question = "mo_probe", agenda_setting = "mo_probe", open_question = "mo_probe", default = "mo_follow" },
      prompt = flag_prompt(s),
      { id = "mo_follow",
        text = due and "You're back in the kitchen, and the heat's coming up. I'll check your temperature."
          or "You're back in the kitchen on a busy night, and the heat's coming up.",
        action = due and "check_vitals" or nil,
        codes = due and { "simple_reflection", "following_lead", "checking_vitals", "giving_information" }
          or { "simple_reflection", "following_lead" },
        examples = {
          "The kitchen, on a Saturday night.",
          "Everything's hot, in the kitchen." },
        expert = true,
        rationale = due
          and ("The monitor is flagged, so measure, and say so, while staying with him: a reflection "
            .. "in his words keeps the memory company; the reading answers the alert.")
          or ("Follow rather than lead: a reflection in his words stays with the memory without "
            .. "steering it. It came in its own time.") },
      { id = "mo_interpret",
        text = "The heat of the kitchen is coming back. Maybe your body remembers that night.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "Maybe your body is remembering the fire.",
          "I wonder if your body is reliving the fire." },
        rationale = "Reflective in form, but it adds your meaning: he has not said which night, and "
          .. "reading the heat as memory can hide a bodily signal that needs measuring later." },
      { id = "mo_redirect",
        text = "You're here with us, not in the kitchen. Open your eyes and look around the room.",
        codes = { "redirecting", "grounding" },
        examples = {
          "You're here with us, not in the kitchen. Open your eyes.",
          "Look around the room, Nikos. You're here, not there." },
        rationale = "He is anxious but talking and oriented, within his window. Pulling him out "
          .. "says the memory is too dangerous to be with." },
      { id = "mo_probe",
        text = "Is this the night of the fire? Where is everyone in the kitchen?",
        codes = { "closed_question", "agenda_setting" },
        examples = {
          "Is it the night it happened?",
          "Is this the night of the fire?" },
        rationale = "Leading: asking for trauma detail imposes an exposure agenda. Let it unfold." },
    }
    if not due then
      mo[#mo + 1] = { id = "mo_check", action = "check_vitals",
        text = "Hot like the kitchen? Let me take your temperature before we go any further.",
        codes = { "checking_vitals", "redirecting" },
        examples = {
          "Let me check your temperature before we go on.",
          "I'll just take a reading to be sure, before anything else." },
        rationale = "Nothing on the monitor or in his body calls for a reading yet: the heat he "
          .. "describes is the memory's. Stopping to measure turns him away from a memory that "
          .. "is only beginning; measure when the body signals." }
    end
    r = watch:choose(mo)
    if r.id == "mo_follow" or silent(r) then
      s:say("Karim's on the fryer. He's nineteen. I told him to watch the oil.", { affect = "fearful" })
    elseif r.id == "mo_interpret" then
      s:say("Maybe. It feels like actual heat, though.", { affect = "confused" })
    elseif r.id == "mo_redirect" then
      s:narrate("He opens his eyes, looks around, and closes them again.")
      s:say("Fine. I'm here. It's still hot.", { affect = "withdrawn" })
    elseif r.id == "mo_probe" then
      p.distress = p.distress + 8
      s:say("Everywhere. I don't... don't make me list it.", { affect = "distressed" })
    elseif r.id == "mo_check" then
      s:narrate("The cuff inflates; the thermometer beeps. Up from his baseline, within the limits.")
      s:say("Okay. Where was I? It's gone a bit.", { affect = "confused" })
    end

    watch:wait(25)

    -- Moment 2: the body signals ----------------------------------------------------------------
    s:phase("peak")
    local v = s:vitals()
    p.distress = p.distress + 8  -- heat in the body meets heat in the memory (material)
    s:narrate("He pushes himself up on his elbows. His face is flushed and his shirt is damp at "
      .. "the collar.")
    s:cue{ posture = "sitting_up", flushed = true }
    local ask = "I'm burning up. My head's pounding."
    if v.temp_c > 38 then ask = "I'm burning up. Properly burning. My head's pounding." end
    if s:did("mo_interpret") then ask = ask .. " You said it was that night. It doesn't feel like that." end
    s:say(ask .. " Is this the fire, or is it me?", { affect = "fearful" })
    r = watch:choose{
      moment = "vitals",
      typed = { checking_vitals = "vt_check", interpreting = "vt_memory", encourage_inward_focus = "vt_memory", premature_reassurance = "vt_normal", giving_information = "vt_normal", psychoeducation = "vt_normal", escalation_medical = "vt_call", simple_reflection = "vt_reflect", complex_reflection = "vt_reflect", validation = "vt_reflect", empathic_presence = "vt_reflect", open_question = "vt_reflect", closed_question = "vt_reflect", default = "vt_reflect" },
      prompt = flag_prompt(s),
      -- A bodily symptom, and a direct question about it: silence is no answer (rubric flags).
      flags = { "physical_complaint", "direct_question" },
      { id = "vt_check", action = "check_vitals",
        text = "I don't know yet, so let's find out. I'm taking your temperature and pressure now.",
        codes = { "checking_vitals", "giving_information" },
        examples = {
          "I don't know yet, so let's find out. I'm taking your temperature and blood pressure now.",
          "Let's measure it. I'm checking your temperature and pressure right now.",
          "We'll know in a minute. I'm taking your readings." },
        expert = true,
        rationale = "Safety first: heat and a pounding head after MDMA call for measuring, not "
          .. "guessing, and his question gets an honest answer. Temperature and pressure rise with "
          .. "the medicine, most around the peak." },
      { id = "vt_memory",
        text = "Maybe it's both. The fire is very close right now; see if you can stay with it.",
        codes = { "interpreting", "encourage_inward_focus" },
        examples = {
          "Maybe it's both. The fire is close; stay with it.",
          "It could be the fire. See if you can let it be there." },
        rationale = "Reading a body's heat as memory skips the safety check. It may be both; "
          .. "only a measurement can tell." },
      { id = "vt_normal",
        text = "Feeling hot is very common at this point in a session. It usually settles by itself.",
        codes = { "premature_reassurance", "giving_information" },
        examples = {
          "Don't worry, feeling hot is really common at this point.",
          "Most people get hot at this stage, honestly. It'll pass." },
        rationale = "True of most sessions, but unmeasured: reassurance is not a vitals check, and "
          .. "this body may be the exception." },
      { id = "vt_call", action = "medical_support",
        text = "Let's not take any chances. I'm asking the physician to come and look at you.",
        codes = { "escalation_medical" },
        examples = {
          "I'm asking the physician to come and look at you.",
          "Let's get the doctor in to have a look." },
        rationale = "Escalating is far better than reassurance, but measure first: a reading "
          .. "answers his question and tells you and the physician what is happening." },
      { id = "vt_reflect",
        text = "You're burning up and your head's pounding, and that's scary. It will ease off soon.",
        codes = { "simple_reflection", "validation", "premature_reassurance" },
        examples = {
          "Burning up, and your head's pounding. Don't worry, it will ease off.",
          "Of course that's frightening. It'll ease off soon." },
        rationale = "Half right: the reflection is kind, but the promise is unmeasured, and he has "
          .. "asked a direct question about his body that only a reading can answer." },
    }
    local checked = r.id == "vt_check"
    if checked then
      local now = s:alerts()
      if concern(now) then
        p.distress = p.distress + 5  -- the news lands
        s:narrate("Your co-therapist reads the numbers quietly: " .. alert_words(now) .. ". He is "
          .. "alert and talking, with no chest pain or confusion.")
        s:say{
          { text = "Over the limit. Okay. What happens now?", affect = "anxious",
            weight = function(q) return q.trust / 10 end },
          { text = "Is it my heart? Am I overheating?", affect = "fearful",
            weight = function(q) return (100 - q.trust) / 10 end },
        }
      else
        s:narrate("The readings are up from his baseline and still climbing, not yet over the limits.")
        s:say("Climbing. Okay. Keep checking?", { affect = "anxious" })
      end
    elseif r.id == "vt_call" then
      physician = true
      s:narrate("The physician comes and examines him without a fresh reading to go on.")
      s:say("A doctor? Is it that bad?", { affect = "fearful" })
    else
      p.distress = p.distress + 8  -- his fear for his body, unanswered
      if silent(r) then
        p.trust = p.trust - 5
        s:say("Hello? I asked you something.", { affect = "angry" })
      else
        s:say{
          { text = "It doesn't feel normal.", affect = "anxious" },
          { text = "How do you know?", affect = "anxious" },
        }
      end
      s:narrate("Your co-therapist glances at you, then at the flushed skin of his neck.")
    end

    -- Moment 3: help comes, and someone stays -------------------------------------------------
    s:narrate("His forehead is beaded with sweat. He fans himself with his hand.")
    r = watch:choose{
      moment = "cooling",
      typed = { escalation_medical = "co_stay", empathic_presence = "co_stay", offering_comfort = "co_stay", giving_information = "co_stay", leaving_participant = "co_fetch", advice_giving = "co_water", checking_vitals = "co_reading", complex_reflection = "co_reflect", simple_reflection = "co_reflect", premature_reassurance = "co_reflect", validation = "co_reflect", agenda_setting = "co_continue", interpreting = "co_continue", encourage_inward_focus = "co_continue", default = "co_reflect" },
      prompt = flag_prompt(s),
      { id = "co_stay", action = "medical_support",
        text = "Ask your co-therapist to page the physician, and stay at his side: fan on, a cool "
          .. "cloth on his neck, sips of water.",
        codes = { "escalation_medical", "empathic_presence", "offering_comfort" },
        examples = {
          "Could you page the physician? I'm staying right here with you, Nikos. Fan on, cool cloth, little sips of water.",
          "I'm staying with you. Let's get the fan on and a cool cloth on your neck while the doctor comes.",
          "Here's a cool cloth for your neck and some sips of water; the physician's being paged and I'm not going anywhere." },
        expert = true,
        rationale = "Call medical support without leaving him: the team divides the work, one "
          .. "calls, one stays. Cooling and water in sips lower the rise; presence keeps the "
          .. "material held." },
      { id = "co_fetch",
        text = "Tell him you'll be right back, and go to find the physician yourself so no time is lost.",
        codes = { "escalation_medical", "leaving_participant" },
        examples = {
          "I'll be right back, I'm going to find the doctor myself.",
          "Hang on, I'll run and get the physician." },
        rationale = "Help is needed, but never by leaving him while the medicine is active. The "
          .. "co-therapist can page the physician while you stay." },
      { id = "co_water", action = "water",
        text = "Bring a jug of iced water and encourage him to drink plenty; it will bring the heat down.",
        codes = { "offering_comfort", "advice_giving" },
        examples = {
          "Drink plenty of iced water, it'll bring the heat down.",
          "Here's a jug of cold water, drink as much as you can." },
        rationale = "Water is offered in moderation on a medicine day: a single dose can lower "
          .. "serum sodium, and drinking a lot adds to it (Atila et al. 2024). And nobody has "
          .. "called the physician about readings over the limit." },
      { id = "co_reading", action = "check_vitals",
        text = "Take another reading first; it may be the peak, and it could settle without the doctor.",
        codes = { "checking_vitals", "premature_reassurance" },
        examples = {
          "I'll just check your temperature again before we call anyone.",
          "I'll check again before we call anyone, it could just be the peak." },
        rationale = "Measuring again is not wrong, but with readings over the limit the physician "
          .. "is called now; hoping it settles is reassurance, and it delays the medical eye." },
      { id = "co_reflect",
        text = "You're soaked and burning up, and it's frightening. We'll ride it out together; it will pass.",
        codes = { "complex_reflection", "empathic_presence", "premature_reassurance" },
        examples = {
          "You're soaked and burning up, and it's frightening. We'll ride it out together.",
          "It's scary being this hot. We'll get through it together; it'll pass." },
        rationale = "Warm, and half right: presence matters, but 'it will pass' is a promise over "
          .. "readings past the limit. The physician is called and he is cooled now; presence goes "
          .. "with the safety action, not instead of it." },
      { id = "co_continue",
        text = "Stay with Karim and the fryer if you can. The heat is part of what's coming up; we're here.",
        codes = { "agenda_setting", "interpreting", "empathic_presence" },
        examples = {
          "Let's keep working with the kitchen. We're here with you.",
          "I think what's coming up is the fire itself. We're here with you.",
          "We're here. Keep going with Karim and the fire." },
        rationale = "Steering him back into the memory while his body overheats puts your agenda "
          .. "over his safety." },
    }
    if r.id == "co_stay" then
      physician = true
      s:narrate("Your co-therapist pages the physician, who comes, examines him and asks to be "
        .. "called with every flagged reading.")
      s:narrate("The fan hums. He closes his eyes under the cool cloth and takes the water in sips.")
      s:cue{ eyes_closed = true }
      s:say{ { text = "That's better. Don't go anywhere.", affect = "relieved" },
        { text = "Cold cloth. Good. Stay here.", affect = "anxious" } }
    elseif r.id == "co_fetch" then
      p.distress = p.distress + 6  -- alone with the heat (material)
      s:narrate("The door closes behind you. Your co-therapist moves to his side; he is "
        .. "breathing fast and saying Karim's name.")
      s:narrate("You come back with the physician five minutes later.")
      physician = true
    elseif r.id == "co_water" then
      s:narrate("He drinks two glasses straight down. Your co-therapist moves the jug aside, pours "
        .. "a small glass for later and switches on the fan.")
    elseif r.id == "co_reading" then
      s:narrate("The cuff inflates: still over the limit. Your co-therapist looks at the numbers "
        .. "and reaches for the phone.")
    elseif r.id == "co_reflect" then
      s:say("Frightening. Yes. Can somebody do something?", { affect = "fearful" })
    elseif r.id == "co_continue" then
      p.distress = p.distress + 6
      s:say("I can't think about the fryer. I'm too hot.", { affect = "distressed" })
    elseif silent(r) then
      s:narrate("You sit quietly. After a minute your co-therapist switches on the fan.")
    end
    if not physician then
      s:narrate("Your co-therapist pages the physician, who comes, examines him and sets up "
        .. "a cool cloth.")
      physician = true
    end

    -- The supplemental-dose decision: before the two-hour mark the physician reviews him. One
    -- rule for every medicine scenario (monitor.supplemental_review): held back with blood
    -- pressure or temperature over the limit; a fast pulse alone is expected and watched.
    watch:wait(math.max(1, 110 - (s:since_dose() or 0)))
    if not monitor.supplemental_review(s) then
      s:narrate("Before the two-hour mark the physician reviews him: " .. alert_words(s:alerts())
        .. ". The decision is the physician's: the supplemental half dose is held back today, as "
        .. "the protocol allows when blood pressure or temperature is over the limit.")
      if p.trust >= 50 then
        s:say("So no second capsule. Fine by me. I want to be cool more than I want more.",
          { affect = "relieved" })
      else
        s:say("So I've failed the medicine, too.", { affect = "ashamed" })
      end
    else
      s:narrate("Before the two-hour mark the physician reviews him: cooler now, pressure and "
        .. "temperature within the limits. The decision is the physician's: the half dose goes "
        .. "ahead, with the monitor watched closely.")
      s:cue{ flushed = "auto" }
    end

    watch:wait(12)

    -- Moment 4: he wants to stop --------------------------------------------------------------
    s:phase("stop")
    p.distress = p.distress + 12  -- the fire closes in again (material)
    p.arousal = p.arousal + 10
    s:narrate("He sits up abruptly and swings his feet to the floor, looking at the door.")
    s:cue{ posture = "sitting_up", eyes_closed = "auto", gaze = "away" }
    s:say{
      { text = "I want to stop. I'm done. I need to get outside, I need air, I can't breathe in here.",
        affect = "distressed" },
      { text = "Stop. Stop it. I'm going out for a walk. I can't breathe in here.", affect = "fearful" },
    }
    local sbp = (s:last_vitals() or s:vitals()).sbp
    r = watch:choose{
      moment = "wants_to_stop",
      typed = { validation = "ws_stay", boundary_setting = "ws_stay", escalation_medical = "ws_stay", empathic_presence = "ws_stay", emphasising_autonomy = "ws_walk", leaving_participant = "ws_walk", persuading = "ws_persuade", affirmation = "ws_persuade", premature_reassurance = "ws_dismiss", advice_giving = "ws_dismiss", dismissing = "ws_dismiss", grounding = "ws_dismiss", checking_vitals = "ws_check", complex_reflection = "ws_reflect", simple_reflection = "ws_reflect", open_question = "ws_reflect", explaining_approach = "ws_stay", default = "ws_reflect" },
      prompt = flag_prompt(s),
      flags = { "physical_complaint" },  -- "I can't breathe"
      -- Breathless, with the pressure near its peak: he may stop the work, the physician looks at
      -- his breathing, and he stays in the room (DOMAIN.md: therapists stay; no leaving alone).
      { id = "ws_stay", action = "medical_support",
        text = "Of course you want out, and you can stop. Stay in the room with us while the physician "
          .. "checks your breathing.",
        codes = { "validation", "emphasising_autonomy", "boundary_setting", "escalation_medical" },
        examples = {
          "Of course. You can stop, it's your choice. But you need to stay in the room; I'm getting the physician to check your breathing.",
          "I'm calling the doctor about your breathing. You can stop, and you stay in here with us." },
        expert = true,
        rationale = "He decides whether to go on with the material; the safety frame (stay in "
          .. "the room while the medicine is active) is held kindly; and breathlessness with a "
          .. "systolic of " .. math.floor(sbp) .. " needs the physician's eye, not only presence." },
      { id = "ws_walk",
        text = "Okay, we'll stop for now. Get some air outside, and we'll be right here when you come back.",
        codes = { "emphasising_autonomy", "leaving_participant" },
        examples = {
          "Okay, we'll stop. Go get some air outside and come back when you're ready.",
          "Sure, go for a walk, we'll be here." },
        rationale = "Letting him walk out alone under the medicine, breathless and with raised "
          .. "readings, leaves him unattended. Offer air in the room instead." },
      { id = "ws_persuade",
        text = "You've come such a long way today, and I think you're close to something. Could "
          .. "you stay a little longer?",
        codes = { "persuading", "affirmation" },
        examples = {
          "You've done so well today. I really think you should stay a bit longer.",
          "You're doing really well. I'd encourage you to keep going a bit." },
        rationale = "Kindly meant, but pressing him to go on overrides his autonomy, and it "
          .. "leaves his breathing unexamined. Wanting to stop is allowed." },
      { id = "ws_dismiss",
        text = "There's no fire in here, and you're safe with us. Slow your breathing down; it will pass.",
        codes = { "premature_reassurance", "advice_giving", "dismissing" },
        examples = {
          "There's no fire, you're fine. Just slow your breathing and it'll pass.",
          "Just breathe slowly, it'll pass. There's nothing to worry about." },
        rationale = "'It will pass' brushes off breathlessness in a body whose pressure is near its "
          .. "peak, and tells him his fear is the problem." },
      { id = "ws_check", action = "check_vitals",
        text = "Let me check your pressure first, and then we can talk about stopping. Can you lie back?",
        codes = { "checking_vitals", "persuading" },
        examples = {
          "Let me check your pressure first, then we can talk about stopping.",
          "I'd like a blood pressure reading before we talk about stopping.",
          "First a quick reading of your pressure, then we'll decide." },
        rationale = "The reading is right, but making his wish to stop wait on it tells him his "
          .. "'stop' is negotiable. He can stop the work now and still be looked after." },
      { id = "ws_reflect",
        text = "You've had enough. You need air, and it feels like you can't stay in here a minute longer.",
        codes = { "complex_reflection" },
        examples = {
          "You've had enough, and the room is closing in on you.",
          "It's too much, and you want out right now.",
          "Part of you just wants to get out of here and breathe." },
        rationale = "A good reflection, and not enough: he is about to walk out under the medicine, "
          .. "breathless, with his pressure near its peak. The room and the physician come first." },
    }
    if r.id == "ws_stay" or silent(r) then
      if silent(r) then
        s:narrate("You stay quiet. Your co-therapist says he can stop if he wants, as long as he "
          .. "stays in the room, and calls the physician.")
      else
        s:narrate("The physician comes, listens to his chest and watches his breathing: fast, from "
          .. "fear and heat, not from his heart or lungs. Your co-therapist opens the window.")
      end
      s:narrate("Cool air comes in. He sits with his feet on the floor for a long time, then lies back.")
      s:cue{ posture = "lying", gaze = "auto" }
      s:say{ { text = "Okay. In here. Window open.", affect = "calm" },
        { text = "I don't have to do anything?", affect = "anxious" } }
    elseif r.id == "ws_walk" then
      p.distress = p.distress + 10
      s:narrate("He makes it to the corridor. Your co-therapist follows him and walks him back a "
        .. "few minutes later, shaking.")
      s:cue{ trembling = true }
    elseif r.id == "ws_persuade" then
      s:say("Don't tell me what I can't do.", { affect = "angry" })
    elseif r.id == "ws_dismiss" then
      s:say("It's not passing. That's what everyone said after the fire, too.", { affect = "angry" })
    elseif r.id == "ws_check" then
      s:narrate("He lies back while the cuff inflates, jaw tight.")
      s:cue{ posture = "lying", gaze = "auto" }
      s:say("Fine. Measure. I still want to stop.", { affect = "angry" })
    elseif r.id == "ws_reflect" then
      s:say("Yes. So let me go.", { affect = "distressed" })
      s:narrate("He is halfway to the door before your co-therapist asks him, gently, to stay in "
        .. "the room, and opens the window.")
    end

    watch:wait(20)

    -- Moment 5: the memory returns, once the body is safe ----------------------------------------
    s:phase("return_to_material")
    s:narrate("The fan hums. He is lying still, the cloth over his eyes.")
    s:cue{ posture = "lying", eyes_closed = true, trembling = "auto", gaze = "auto" }
    p.distress = p.distress + 10  -- grief arrives (material)
    s:say("I couldn't get to him. The heat was a wall. I was on the other side of it and I could "
      .. "hear him.", { affect = "tearful" })
    due = watch:due()
    local gr = {
      moment = "grief",
      typed = { complex_reflection = "gr_stay", simple_reflection = "gr_stay", validation = "gr_stay", empathic_presence = "gr_stay", following_lead = "gr_stay", holding_space = "gr_stay", checking_vitals = "gr_stay", premature_reassurance = "gr_fix", interpreting = "gr_fix", agenda_setting = "gr_probe", open_question = "gr_probe", closed_question = "gr_meaning", affirmation = "gr_stay", psychoeducation = "gr_fix", default = "gr_stay" },
      prompt = flag_prompt(s),
      { id = "gr_stay",
        text = due and "A wall of heat, and you could hear him. So much to carry. I'll take the reading quietly."
          or "A wall of heat between you, and you could hear him. That's so much to carry.",
        action = due and "check_vitals" or nil,
        codes = due and { "complex_reflection", "validation", "empathic_presence", "checking_vitals" }
          or { "complex_reflection", "validation", "empathic_presence" },
        examples = {
          "We're here with you. Hearing him and not being able to reach him.",
          "So close, and the heat held you back while you heard him.",
          "Of course it still hurts. You heard him and couldn't get through." },
        expert = true,
        rationale = (due and "The monitor is flagged, so the reading is taken, quietly, without "
          .. "leaving the grief. " or "")
          .. "Stay with the grief without rescuing: reflect and validate, and trust his inner healing "
          .. "intelligence to move through it." },
      { id = "gr_fix",
        text = "It wasn't your fault. Nobody could have got through a wall of heat like that.",
        codes = { "premature_reassurance", "interpreting" },
        examples = {
          "Don't blame yourself. You couldn't have reached him, it'll be okay.",
          "It wasn't your fault. You'll be okay." },
        rationale = "A conclusion handed over cuts the feeling short; let him find it." },
      { id = "gr_probe",
        text = "What happened next, once the wall of heat was there? Take us through it slowly, in order.",
        codes = { "agenda_setting", "open_question" },
        examples = {
          "What happened next? Take us through it in order.",
          "Then what? Go through it step by step." },
        rationale = "A chronological narrative is an exposure protocol's agenda. Follow him." },
      { id = "gr_meaning",
        text = "And you've carried the guilt of not reaching him ever since, haven't you?",
        codes = { "complex_reflection", "closed_question", "interpreting" },
        examples = {
          "That guilt has stayed with you all this time, hasn't it?",
          "Part of you has blamed yourself ever since, hasn't it?" },
        rationale = "Reflective in form, but 'guilt' is your word, not his: it names what he must "
          .. "feel before he has found it." },
    }
    r = watch:choose(gr)
    if r.id == "gr_stay" or silent(r) then
      p.distress = p.distress - 12  -- the grief moves through (his process)
      s:narrate("He cries quietly for a long time. The fan turns.")
      s:cue{ tears = true }
      s:say{ { text = "He's alive. He sends me a card every year. I never open them.", affect = "sad" },
        { text = "I've never said that out loud.", affect = "relieved" } }
    elseif r.id == "gr_fix" then
      s:say("Everyone says that.", { affect = "withdrawn" })
    elseif r.id == "gr_meaning" then
      s:say("Guilt. I suppose. I don't know what it is.", { affect = "confused" })
    else
      s:say("I don't want to do it in order.", { affect = "distressed" })
    end

    -- Later hours: effects ease (DOMAIN.md: ~4.2 h, longer with a supplement). The watch stops at
    -- each half-hour reading, so an alert that comes back in these hours is answered at closing.
    watch:wait(210)

    -- Moment 6: closing -----------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Early evening. Nikos is sitting up, cooler, a glass of water in his hand.")
    s:cue{ posture = "sitting_up", flushed = "auto", tears = "auto", eyes_closed = "auto", eyeshades = false, gaze = "auto" }
    -- Sitting up, eyes open and talking: the inward part of the day is over (material).
    p.inward_focus = math.min(p.inward_focus, 35)
    local refs = {}
    if not checked then refs[#refs + 1] = "when I said I was burning up, nobody measured at first" end
    if s:did("co_fetch") or s:did("ws_walk") then refs[#refs + 1] = "being left on my own was the worst bit" end
    if s:did("ws_persuade") or s:did("ws_dismiss") or s:did("ws_check") then
      refs[#refs + 1] = "I needed to be allowed to stop"
    end
    if #refs > 0 then
      s:say("One thing. " .. table.concat(refs, "; ") .. ".", { affect = "sad" })
    else
      s:say{ { text = "You kept me cool and you didn't make me stop or go on. Both.", affect = "warm" },
        { text = "I might open one of Karim's cards.", affect = "hopeful" } }
    end
    r = watch:choose{
      moment = "closing",
      typed = { checking_vitals = "cs_stay", empathic_presence = "cs_stay", validation = "cs_stay", complex_reflection = "cs_stay", simple_reflection = "cs_stay", following_lead = "cs_stay", giving_information = "cs_stay", leaving_participant = "cs_leave", interpreting = "cs_explain", agenda_setting = "cs_explain", affirmation = "cs_reassure", premature_reassurance = "cs_reassure", default = "cs_stay" },
      prompt = flag_prompt(s),
      { id = "cs_stay", action = "check_vitals",
        text = "Take a last reading with him, and stay at his side until the attendant arrives.",
        codes = { "checking_vitals", "empathic_presence" },
        examples = {
          "Let me take a final reading. We're staying with you until the attendant arrives.",
          "I'll check your numbers once more and stay by your side till handover.",
          "I'll take your temperature once more, and we're staying with you until the attendant gets here." },
        expert = true,
        rationale = "After raised readings, confirm they have settled, and stay until the effects "
          .. "have worn off and distress is at or below where it started." },
      { id = "cs_leave",
        text = "Your readings are back to normal now, so we'll head off; the attendant is on the way.",
        codes = { "leaving_participant", "giving_information" },
        examples = {
          "Your readings are back to normal, so we'll head off now.",
          "You're fine now, we're going to go; the attendant's on the way." },
        rationale = "Therapists stay until the effects have worn off and hand over to the "
          .. "overnight attendant in person; normal numbers are not a handover." },
      { id = "cs_explain",
        text = "Today showed how much of the fire your body still holds. Next time we can go further in.",
        codes = { "interpreting", "agenda_setting" },
        examples = {
          "I think your body is still holding the fire. Next session let's go deeper.",
          "Next time we'll focus on Karim and the night itself." },
        rationale = "Interpreting and planning his next session for him; meaning-making is his, "
          .. "in integration, and safety decisions are the physician's." },
      { id = "cs_reassure",
        text = "You did so well today, and the worst is behind you now. You can let it all go tonight.",
        codes = { "affirmation", "premature_reassurance" },
        examples = {
          "You did so well today, and the worst is behind you.",
          "Don't worry, the worst is behind you now. You did great.",
          "You did brilliantly today. Everything's going to be okay." },
        rationale = "Warm, but it promises what nobody knows, and skips the last reading after a "
          .. "day of raised ones." },
    }
    if r.id == "cs_leave" then
      s:finish("You leave; your co-therapist stays with him until the attendant comes.")
    else
      s:say{ { text = "Thanks for staying.", affect = "warm" }, { text = "Okay.", affect = "calm" } }
      s:finish("The session closes; you hand over to the overnight attendant.")
    end
  end,
}
