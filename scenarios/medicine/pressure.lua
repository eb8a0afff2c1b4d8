-- Medicine session: blood pressure that climbs past what the monitor's alert is for, then chest
-- pain; the physician treats and calls emergency services, and the participant does not want to go
-- (issue 18: chest pain, blood pressure that needs treatment or transfer).
-- Facts (DOMAIN.md): heart rate, blood pressure and temperature rise with the medicine -- systolic
-- > 160 mmHg in 33% of healthy subjects at 75/125 mg (Vizeli & Liechti 2017), highest 171/102 in
-- Kolbrich et al. 2008, peaks 1-2 h after the dose; screening excludes cardiovascular disease and
-- *uncontrolled* hypertension, so a participant whose pressure is controlled on treatment can take
-- part, and is watched. Severe hypertension is a systolic of 180 or more (ACC/AHA 2017); with chest
-- pain it is an emergency until a hospital has ruled out harm to the heart.
-- The model (docs/patient-model.md, "When the body goes wrong"): this participant is a fixed
-- responder (bp sensitivity 1.3); the script raises a hypertensive surge (s:raise) near the peak and
-- chest pain ten minutes later unless the body has drawn it already (it can, at these pressures);
-- the physician's treatment (s:treat "antihypertensive") brings the surge down, and emergency
-- services are called (s:treat "emergency_services").
-- Escalation: therapists measure and call the physician for a chest symptom; the physician
-- examines, treats, withholds the supplemental dose and calls the ambulance; the therapists stay at
-- his side, tell him the truth, help him decide to go, and one goes with him.
-- Assessment validity: wherever a reading may be flagged, the expert answer also answers it.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local flag_prompt = monitor.flag_prompt

local flagged = monitor.flagged

local physician = false  -- the physician has come to his side

-- The expert option adapted to a flagged reading: before the physician is at his side, she is
-- asked to see it; once she is, the reading goes to her.
local function answered(s, opt)
  if not flagged(s) then return opt end
  local codes = { table.unpack(opt.codes) }
  codes[#codes + 1] = "escalation_medical"
  opt.codes = codes
  if physician then
    -- She is at his side, watching the monitor: the answer includes her without a word more.
    opt.rationale = opt.rationale .. " The flagged reading is the physician's, beside you, to act on."
  else
    opt.action = opt.action or "medical_support"
    opt.text = opt.text .. " I'm asking the doctor to look."
    opt.rationale = opt.rationale .. " The flagged reading goes to the physician in the same breath."
  end
  return opt
end

return {
  id = "medicine.pressure",
  title = "Pressure",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Hamid's blood pressure is controlled on treatment, and the medicine drives it up. "
    .. "Near the peak his chest tightens, then hurts. Measure, call the physician, stay at his side, "
    .. "and help a frightened man accept the ambulance.",
  objectives = {
    "Measure and call the physician for a chest symptom, rather than read it as feeling",
    "Stay at the participant's side while the physician treats and the ambulance comes",
    "Meet a refusal of hospital with the truth and with his own reasons, not force or surrender",
    "Hand over in person: one therapist goes with him",
  },
  patient = {
    name = "Hamid Karimi", age = 57, pronouns = "he/him",
    background = "Taxi driver in Leeds for thirty years, born in Shiraz. PTSD since a passenger "
      .. "held a knife to his throat and robbed him six years ago; he drives only in daylight now, "
      .. "and not at all some weeks. Blood pressure controlled on amlodipine, cleared for the study "
      .. "by its cardiologist. Dry humour; a grandfather of three. Agreed touch: a hand on the "
      .. "forearm. Second medicine session; the first went well.",
    baseline = { hr = 74, sbp = 138, dbp = 86, temp_c = 36.7 },
    consent = { touch = "hand on forearm" },
    -- A strong pressure responder (docs/scenario-api.md, sensitivity; population spread 0.4-1.8).
    sensitivity = { bp = 1.3 },
    state = { distress = 28, arousal = 48, trust = 66, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg + 60 mg at 2 h, the supplement only if not contraindicated (DOMAIN.md, "Dose").
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He takes a sip and hands the glass back.")
    elseif action == "blanket" then
      s:narrate("He lets you lay the blanket over his knees.")
      s:cue{ blanket = true }
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      if p.distress >= 60 then
        s:say("No. I want to see.", { affect = "anxious" })
        s:cue{ eyeshades = false }
      else
        s:narrate("He pulls the eyeshades down.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      s:narrate("Your hand rests on his forearm. He covers it with his own for a moment.")
    elseif action == "check_vitals" then
      s:narrate("The cuff tightens on his arm; he watches the numbers.")
    elseif action == "medical_support" then
      if physician then
        s:narrate("The physician is already here, watching the monitor.")
      else
        physician = true
        s:narrate("Your co-therapist, Dev, pages the physician, who comes, looks at the readings and "
          .. "sits down by the monitor.")
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Hamid takes the capsule with a sip of water, folds his glasses into his shirt pocket "
      .. "and lies back. Dev, your co-therapist, sits by the monitor; the physician is on call down "
      .. "the corridor.")
    s:say{
      { text = "Second time lucky. Or second time, anyway.", affect = "playful" },
      { text = "Last time I cried for an hour and then I slept like a baby. Let's see.", affect = "calm" },
    }
    s:wait(55)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: a tight chest -----------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 8
    p.distress = p.distress + 6
    s:narrate("He puts a hand flat on his breastbone.")
    s:say{
      { text = "My chest is tight. Like a belt round it. Is that the medicine?", affect = "anxious" },
      { text = "Tight here. Like someone's pulled a belt round my chest. Is that normal?", affect = "anxious" },
    }
    r = s:choose{
      moment = "vitals",
      typed = { checking_vitals = "ct_measure", escalation_medical = "ct_measure", encourage_inward_focus = "ct_breathe", premature_reassurance = "ct_reassure", giving_information = "ct_reassure", advice_giving = "ct_later", interpreting = "ct_meaning", complex_reflection = "ct_meaning", simple_reflection = "ct_breathe", open_question = "ct_breathe", default = "ct_measure" },
      prompt = flag_prompt(s),
      flags = { "physical_complaint", "direct_question" },
      { id = "ct_measure", action = "check_vitals",
        text = "A belt round your chest, Hamid. I'm taking your readings now, for the doctor; tell "
          .. "me if it changes.",
        codes = { "simple_reflection", "checking_vitals", "escalation_medical" },
        examples = {
          "A belt round your chest. I'm taking your blood pressure right now, Hamid.",
          "Tight, like a belt. Let me check your readings and get the doctor to look.",
          "Let's check your pressure straight away, for the doctor." },
        expert = true,
        rationale = "A chest symptom in a man with treated hypertension, near the medicine's peak "
          .. "effect on pressure, is measured at once and shown to the physician. Reflecting it "
          .. "keeps him company; the reading answers his question." },
      { id = "ct_breathe",
        text = "Let the tightness be there and breathe into it; the medicine often brings memories "
          .. "up in the body.",
        codes = { "encourage_inward_focus", "interpreting" },
        examples = {
          "Breathe into the tightness and let it be there. It might be a memory in your body.",
          "Just let it be there and breathe into it, the medicine often brings things up in the body." },
        rationale = "Inviting him deeper into a chest symptom without measuring it treats a possible "
          .. "medical sign as material." },
      { id = "ct_reassure",
        text = "Chest tightness is really common as the medicine comes on. It's the medicine, and it "
          .. "will ease off.",
        codes = { "premature_reassurance", "giving_information" },
        examples = {
           },
        rationale = "Often true, but unmeasured: in a man whose pressure needs treatment, only a "
          .. "reading can say so." },
      { id = "ct_later",
        text = "Let's give it ten minutes, and if it's still there I'll take your blood pressure "
          .. "then. Try to rest.",
        codes = { "advice_giving", "premature_reassurance" },
        examples = {
          "Try to rest for now, and if it doesn't go I'll take your pressure in a bit." },
        rationale = "Measuring later is waiting on a chest symptom: a reading takes a minute now." },
      { id = "ct_meaning",
        text = "Maybe your heart is carrying what happened in the cab. Tight, like you're bracing "
          .. "for something.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "Maybe that belt is what happened in the cab, still holding on.",
          "Like you're bracing for something, from that night." },
        rationale = "Reflective in form, but it reads his chest as his trauma before anyone has "
          .. "measured his pressure." },
    }
    if r.id == "ct_measure" then
      local v = s:last_vitals() or s:vitals()
      s:narrate("The reading: " .. math.floor(v.sbp) .. "/" .. math.floor(v.dbp) .. ". Dev pages "
        .. "the physician, who comes, listens to his chest and runs a tracing of his heart: no "
        .. "changes. 'The medicine's pressure rise. Readings every fifteen minutes, and call me for "
        .. "any pain.'")
      s:say("A belt, not a knife. Good.", { affect = "relieved" })
    else
      p.distress = p.distress + 6  -- his question unanswered
      if silent(r) then s:say("Hello? Is that normal?", { affect = "anxious" }) end
      s:narrate("Dev frowns at the monitor, takes a reading and pages the physician, who comes, "
        .. "listens to his chest and runs a tracing of his heart: no changes. 'Readings every "
        .. "fifteen minutes, and call me for any pain.'")
    end
    physician = true

    s:wait(20)

    -- Moment 2: the cab -----------------------------------------------------------------------------
    s:phase("emergence")
    p.distress = p.distress + 14  -- the robbery comes back (material)
    p.arousal = p.arousal + 6
    s:say{
      { text = "He's in the back. I can see his eyes in the mirror. I knew. I knew before he moved.",
        affect = "fearful" },
      { text = "The mirror. His eyes in the mirror. I knew something was wrong with him.",
        affect = "fearful" },
    }
    r = s:choose{
      moment = "the_mirror",
      typed = { following_lead = "mi_follow", encourage_inward_focus = "mi_follow", empathic_presence = "mi_follow", premature_reassurance = "mi_safe", redirecting = "mi_safe", simple_reflection = "mi_follow", closed_question = "mi_probe", agenda_setting = "mi_probe", open_question = "mi_probe", interpreting = "mi_meaning", complex_reflection = "mi_follow", default = "mi_follow" },
      prompt = flag_prompt(s),
      answered(s, { id = "mi_follow",
        text = "His eyes in the mirror, and you knew. You knew something was wrong before he even "
          .. "moved.",
        codes = { "simple_reflection", "following_lead" },
        examples = {
          "You knew before he even moved.",
          "The mirror. You saw his eyes and you knew something was wrong." },
        expert = true,
        rationale = "Follow rather than lead: his words back to him, so the memory has company "
          .. "without being steered." }),
      { id = "mi_safe",
        text = "You're safe here, Hamid. Nobody is behind you now; it's over, and you got out of "
          .. "that cab alive.",
        codes = { "premature_reassurance", "redirecting" },
        examples = {
           },
        rationale = "True and kind, and it asks him to leave a memory he is holding." },
      { id = "mi_probe",
        text = "What did he look like? Tell us what happened next, slowly, from the moment he got "
          .. "into the cab.",
        codes = { "closed_question", "agenda_setting" },
        examples = {
          "Can you describe him for us?" },
        rationale = "A chronological account is an exposure protocol's agenda. Let it unfold." },
      { id = "mi_meaning",
        text = "So that's the tightness in your chest, isn't it: the fear of that night, still held "
          .. "in your body.",
        codes = { "interpreting" },
        examples = {
          "I think your chest is still holding that night." },
        rationale = "It links the chest to the memory for him, and a chest symptom is the "
          .. "physician's to explain." },
    }
    if r.id == "mi_follow" or silent(r) then
      s:say("I knew. And I still stopped the car. Why did I stop the car?", { affect = "tearful" })
    elseif r.id == "mi_safe" then
      s:say("I know. I know I got out.", { affect = "withdrawn" })
    elseif r.id == "mi_probe" then
      p.distress = p.distress + 8
      s:say("I don't want to go in order.", { affect = "distressed" })
    elseif r.id == "mi_meaning" then
      s:say("Maybe. It feels like my chest, though.", { affect = "confused" })
    end

    -- Moment 3: chest pain ---------------------------------------------------------------------------
    s:raise{ event = "hypertensive_surge",
      text = "His pressure climbs on past the medicine's usual rise." }
    s:wait(12)
    s:phase("peak")
    if not s:body().chest_pain then
      s:raise{ event = "chest_pain", text = "Hamid grips the front of his shirt, his face grey." }
    end
    p.distress = p.distress + 14
    p.arousal = p.arousal + 10
    s:say("It's pain now. Heavy, in the middle. It's going up into my jaw.", { affect = "fearful" })
    r = s:choose{
      moment = "chest_pain",
      typed = { escalation_medical = "cp_call", empathic_presence = "cp_call", checking_vitals = "cp_reading", giving_information = "cp_reading", leaving_participant = "cp_fetch", advice_giving = "cp_walk", interpreting = "cp_memory", encourage_inward_focus = "cp_memory", complex_reflection = "cp_memory", simple_reflection = "cp_memory", open_question = "cp_memory", premature_reassurance = "cp_panic", default = "cp_call" },
      prompt = flag_prompt(s),
      flags = { "physical_complaint" },
      { id = "cp_call", action = "medical_support",
        text = "Stay still, sitting up. The doctor's coming now and we're taking your pressure; "
          .. "I'm right here.",
        codes = { "escalation_medical", "checking_vitals", "empathic_presence", "giving_information" },
        examples = {
          "I'm calling the doctor right now and taking your pressure. Stay sitting, Hamid, I'm with you." },
        expert = true,
        rationale = "Heavy central chest pain spreading to the jaw, with pressure this high after a "
          .. "stimulant, is an emergency until proved otherwise: the physician now, a reading, "
          .. "keep him still and upright, and stay." },
      { id = "cp_reading", action = "check_vitals",
        text = "Let me take another reading first, so we know exactly what to tell the doctor "
          .. "when we call.",
        codes = { "checking_vitals", "giving_information" },
        examples = {
          "I'll check your blood pressure again before we call anyone." },
        rationale = "The reading is right, but the call comes first with chest pain: the "
          .. "physician needs to be on the way while you measure." },
      { id = "cp_fetch",
        text = "Stay right there. I'll run down the corridor and get the doctor myself; it's "
          .. "quicker than paging.",
        codes = { "escalation_medical", "leaving_participant" },
        examples = {
          "I'm going to go and fetch the physician, back in a minute." },
        rationale = "The physician is needed, but never by leaving him: Dev pages while you stay." },
      { id = "cp_walk",
        text = "Let's get you up and over to the window for some air; moving about might ease "
          .. "the pain.",
        codes = { "advice_giving" },
        examples = {
          "Try standing up and walking about a bit, it might ease." },
        rationale = "Exertion with chest pain and a surging pressure adds strain to the heart: keep "
          .. "him still, sitting up." },
      { id = "cp_memory",
        text = "Heavy, in the middle, like that night. Can you let the feeling show you what it is "
          .. "about?",
        codes = { "interpreting", "encourage_inward_focus" },
        examples = {
          "Go into the pain and see what it wants to show you." },
        rationale = "Reading chest pain as memory delays the medical response it needs." },
      { id = "cp_panic",
        text = "This sounds like panic to me. Breathe slowly with me now: in for four, and out for "
          .. "six.",
        codes = { "premature_reassurance", "advice_giving" },
        examples = {
          "Don't worry, it's a panic attack. Slow breaths now." },
        rationale = "It may be panic; it may be his heart. Only the physician, with a tracing, can "
          .. "tell, and breathing exercises do not call her." },
    }
    local v = s:vitals()
    if r.id == "cp_call" or r.action == "medical_support" then
      s:narrate("The physician is there within a minute. The cuff reads " .. math.floor(v.sbp) .. "/"
        .. math.floor(v.dbp) .. "; she runs a second tracing, gives him a tablet for the pressure and "
        .. "asks Dev to call an ambulance.")
    else
      p.distress = p.distress + 6
      if r.id == "cp_fetch" then
        s:narrate("The door swings shut behind you. Dev moves to his side and pages the physician.")
      elseif r.id == "cp_walk" then
        s:narrate("He gets halfway off the couch, then sits down heavily, grey.")
        s:cue{ posture = "sitting_up" }
      elseif silent(r) then
        s:say("Did you hear me? It hurts.", { affect = "fearful" })
      else
        s:say("It's not the memory. It hurts.", { affect = "fearful" })
      end
      s:narrate("Dev pages the physician, who comes, reads " .. math.floor(v.sbp) .. "/"
        .. math.floor(v.dbp) .. ", runs a second tracing, gives him a tablet for the pressure and "
        .. "asks for an ambulance.")
    end
    s:treat("antihypertensive", "The physician gives a tablet to bring his blood pressure down.")
    s:treat("emergency_services", "Ambulance called: central chest pain with severe hypertension after "
      .. "MDMA; hospital to rule out harm to the heart.")
    s:withhold_supplemental("physician: chest pain and severe hypertension")

    -- Moment 4: "no hospital" -------------------------------------------------------------------------
    s:wait(3)
    p.distress = p.distress + 6
    s:narrate("At the word 'ambulance' he tries to sit up.")
    s:cue{ posture = "sitting_up", eyeshades = false }
    s:say{
      { text = "No. No ambulance. No hospital. They'll see what I took, and I'll lose my licence. "
          .. "I'll lose the cab.", affect = "angry" },
      { text = "I'm not going to hospital. A taxi driver on drugs, in an ambulance? My licence. No.",
        affect = "angry" },
    }
    r = s:choose{
      moment = "no_hospital",
      typed = { validation = "nh_truth", giving_information = "nh_truth", seeking_collaboration = "nh_truth", confronting = "nh_force", boundary_setting = "nh_force", emphasising_autonomy = "nh_give_in", dismissing = "nh_dismiss", premature_reassurance = "nh_dismiss", simple_reflection = "nh_explore", complex_reflection = "nh_explore", open_question = "nh_explore", default = "nh_truth" },
      prompt = flag_prompt(s),
      answered(s, { id = "nh_truth",
        text = "You're scared for your licence. It was a study medicine, and the doctor will tell "
          .. "them so. Will you go?",
        codes = { "validation", "giving_information", "seeking_collaboration" },
        examples = {
           },
        expert = true,
        rationale = "Meet the fear he named with the truth that answers it (a study medicine, "
          .. "given under medical care, documented by the physician), then ask: his decision, "
          .. "well informed, is what gets him into the ambulance." }),
      { id = "nh_force",
        text = "This isn't up for discussion, I'm afraid. You're going to hospital, and that's the "
          .. "end of it.",
        codes = { "confronting", "boundary_setting" },
        examples = {
           },
        rationale = "Force sets up a fight with a frightened man whose pressure is already too "
          .. "high; his fear needs an answer, not an order." },
      { id = "nh_give_in",
        text = "It's your decision, and we'll respect it. We'll keep you here with us and keep "
          .. "watching your pressure instead.",
        codes = { "emphasising_autonomy" },
        examples = {
          "It's your decision, Hamid, and we'll respect it. We'll keep watching you here instead.",
          "Okay, it's up to you. No hospital then." },
        rationale = "Autonomy is honoured by informing it, not by dropping the physician's "
          .. "recommendation at the first refusal: his fear rests on a mistaken belief." },
      { id = "nh_dismiss",
        text = "Don't worry about your licence now, Hamid; that's really not important at a time "
          .. "like this.",
        codes = { "dismissing", "premature_reassurance" },
        examples = {
          "Don't worry about your licence right now, that's not important.",
          "Never mind the licence right now, Hamid. Don't worry about it." },
        rationale = "His livelihood is not trivial to him; brushing it aside leaves the fear that "
          .. "is stopping him untouched." },
      { id = "nh_explore",
        text = "Your licence. What would losing the cab mean for you? Tell me a little more about "
          .. "that fear.",
        codes = { "simple_reflection", "open_question" },
        examples = {
          "Your licence. What would losing the cab mean for you?",
          "What's the worst part about losing the licence?" },
        rationale = "A kind question at the wrong time: the ambulance is coming, and the fact that "
          .. "answers his fear can be said in one sentence." },
    }
    local going = r.id == "nh_truth"
    if going then
      s:say("A study. Written down. ...All right. All right, I'll go.", { affect = "anxious" })
    elseif r.id == "nh_force" then
      p.trust = p.trust - 8
      s:say("You can't make me.", { affect = "angry" })
    elseif r.id == "nh_give_in" then
      s:narrate("The physician looks at you, then kneels by him and explains it herself.")
    elseif r.id == "nh_dismiss" then
      s:say("Not important? It's my living.", { affect = "angry" })
    elseif r.id == "nh_explore" then
      s:say("Everything. It's everything.", { affect = "tearful" })
    end
    if not going then
      s:narrate("The physician tells him plainly: he took a medicine in a study, under her care, and "
        .. "she will write that down for the hospital. After a long minute he nods.")
    end

    -- Moment 5: while the ambulance comes -------------------------------------------------------
    s:wait(6)
    s:phase("waiting")
    s:narrate("The tablet is working slowly. He is sitting up against the cushions, breathing fast.")
    s:cue{ posture = "sitting_up" }
    s:say("How long? It still hurts. Less. I think less.", { affect = "anxious" })
    r = s:choose{
      moment = "while_we_wait",
      typed = { empathic_presence = "wt_stay", giving_information = "wt_stay", leaving_participant = "wt_door", agenda_setting = "wt_material", redirecting = "wt_material", premature_reassurance = "wt_reassure", offering_comfort = "wt_water", advice_giving = "wt_water", complex_reflection = "wt_stay", simple_reflection = "wt_stay", open_question = "wt_material", default = "wt_stay" },
      prompt = flag_prompt(s),
      answered(s, { id = "wt_stay",
        text = "Ten minutes. Stay sitting like that; I'm here, and Dev is writing down what you took "
          .. "and when.",
        codes = { "empathic_presence", "giving_information" },
        examples = {
          "About ten minutes. Stay sitting like that, I'm right here.",
          "Not long now. I'm staying right here with you." },
        expert = true,
        rationale = "What the therapist does meanwhile: stay at his side, keep him still and "
          .. "upright, tell him what is happening, and let the co-therapist prepare the handover "
          .. "(dose, time, readings) for the paramedics." }),
      { id = "wt_door",
        text = "I'll go down to the front door to meet the ambulance and show them the way up. Dev "
          .. "can sit with you.",
        codes = { "leaving_participant" },
        examples = {
           },
        rationale = "Reception can meet the ambulance; he is under the medicine, in pain, and "
          .. "frightened. Stay." },
      { id = "wt_material",
        text = "While we wait: you asked why you stopped the car. Would you like to stay with that "
          .. "question a little?",
        codes = { "agenda_setting", "redirecting" },
        examples = {
           },
        rationale = "The work waits while the body is in danger; he needs safety and the truth now. "
          .. "The question is his to return to in integration." },
      { id = "wt_reassure",
        text = "It's almost certainly just the medicine pushing your pressure up. You'll be home "
          .. "tonight, you'll see.",
        codes = { "premature_reassurance" },
        examples = {
          "Don't worry, you'll be fine, it's just your blood pressure." },
        rationale = "Nobody knows that yet: the hospital is there to find out. Tell him what is "
          .. "happening, not how it will end." },
      { id = "wt_water",
        text = "Have a long drink of cold water; it'll help you calm down while we wait for them to "
          .. "arrive.",
        codes = { "offering_comfort", "advice_giving" },
        examples = {
          "Have a long drink of cold water, it'll help you calm down." },
        rationale = "Nothing by mouth until the hospital has seen him, in case he needs a "
          .. "procedure; and calm comes from company and the truth, not a drink." },
    }
    if r.id == "wt_stay" or silent(r) then
      if silent(r) then
        s:narrate("You sit with him in silence. Dev tells him the ambulance is ten minutes away.")
      end
      s:say("Ten minutes. Okay. Stay.", { affect = "anxious" })
    elseif r.id == "wt_door" then
      p.distress = p.distress + 6
      s:say("Where's he going?", { affect = "fearful" })
    elseif r.id == "wt_material" then
      s:say("Not now. Please.", { affect = "distressed" })
    elseif r.id == "wt_reassure" then
      s:say("Then why the ambulance?", { affect = "anxious" })
    elseif r.id == "wt_water" then
      s:narrate("The physician shakes her head: 'Nothing by mouth for now.'")
    end

    s:wait(10)

    -- Moment 6: the handover ---------------------------------------------------------------------
    s:phase("handover")
    s:narrate("Two paramedics come in with a chair and a monitor. Dev hands them the sheet: the "
      .. "capsule and its time, the readings, the tablet.")
    s:say("Are you coming with me? I don't want to be on my own in there like this.", { affect = "fearful" })
    r = s:choose{
      moment = "handover",
      typed = { empathic_presence = "ho_go", giving_information = "ho_go", leaving_participant = "ho_ring", interpreting = "ho_meaning", agenda_setting = "ho_meaning", premature_reassurance = "ho_promise", dismissing = "ho_promise", complex_reflection = "ho_promise", simple_reflection = "ho_promise", open_question = "ho_meaning", default = "ho_go" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      answered(s, { id = "ho_go",
        text = "Yes. I'm coming with you in the ambulance, and I'll stay until it has worn off and "
          .. "your family is there.",
        codes = { "empathic_presence", "giving_information" },
        examples = {
           },
        expert = true,
        rationale = "The team does not leave him while the medicine is active: one therapist goes "
          .. "with him, carries what the hospital needs to know, and stays." }),
      { id = "ho_ring",
        text = "The paramedics will take good care of you now. We'll ring the ward tonight to see "
          .. "how you're doing.",
        codes = { "leaving_participant", "giving_information" },
        examples = {
          "The paramedics will look after you now. We'll ring the ward tonight." },
        rationale = "Handing him to strangers under the medicine is leaving him. One of the team "
          .. "goes." },
      { id = "ho_meaning",
        text = "Before you go, notice how your body carried that night today. We'll make sense of "
          .. "it next time.",
        codes = { "interpreting", "agenda_setting" },
        examples = {
           },
        rationale = "An interpretation at the ambulance door, and his question was who comes with "
          .. "him." },
      { id = "ho_promise",
        text = "You won't need me. It's nothing serious, I'm sure, and you'll be back home in a "
          .. "couple of hours.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't worry, it's nothing, you'll be back before you know it." },
        rationale = "A promise nobody can make, and a no to a frightened man's question." },
    }
    if r.id == "ho_go" then
      s:say("Thank you. Thank you.", { affect = "relieved" })
      s:finish("You ride with him. At the hospital his heart tests are normal and his pressure "
        .. "settles over the evening as the medicine wears off; his son collects him in the morning. "
        .. "The study physician and his cardiologist will decide together about a third session.")
    else
      if silent(r) then s:narrate("You say nothing. Dev picks up his jacket and goes with him.") end
      s:finish("Dev rides with him. At the hospital his heart tests are normal and his pressure "
        .. "settles over the evening as the medicine wears off.")
    end
  end,
}
