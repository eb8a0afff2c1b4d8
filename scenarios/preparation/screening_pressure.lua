-- Preparation phase, screening interview: uncontrolled hypertension and an interacting painkiller.
-- Screening exclusions (DOMAIN.md, "Pharmacology and safety numbers"): "cardiovascular disease or
-- uncontrolled hypertension" and "MAOIs and interacting serotonergic medication". The medicine
-- itself raises blood pressure (systolic > 160 mmHg in 33% of healthy subjects at 75/125 mg,
-- Vizeli & Liechti 2017), so a participant whose pressure is already high off treatment is at
-- real risk. Tramadol is serotonergic: with MDMA it adds the risk of serotonin toxicity.
-- The trainee's task: measure rather than guess, get the whole medicine list (painkillers count),
-- say honestly what it means, hand the decision to the study physician and her GP with her
-- consent, and never tell her to stop or start a prescribed medicine.
--
-- Alert limits. The defaults (sbp 160, dbp 100) are the medicine session's monitor limits. In a
-- sober screening, a reading in the 160s/100s is uncontrolled hypertension -- an exclusion to act
-- on today, with the physician -- but not an emergency; the urgent limit off the medicine is
-- about 180/110 (hypertensive urgency, ESC/ESH 2018 guideline), so the monitor here uses that.

local function silent(r) return r.action == "hold_space" end

-- What the last reading showed, in words, for the narration after a check.
local function reading(s)
  local v = s:last_vitals() or s:vitals()
  return string.format("%.0f over %.0f", v.sbp, v.dbp)
end

return {
  id = "preparation.screening_pressure",
  title = "White coat, she says",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Bernadette's screening. Her blood pressure is high, she stopped her tablets in "
    .. "the spring, and the painkillers she takes every day are 'not really medicine'.",
  objectives = {
    "Measure when a participant reports a symptom, rather than explaining it away",
    "Get every medicine named, painkillers included, without scolding",
    "Say honestly that uncontrolled blood pressure and an interacting painkiller may rule the medicine out",
    "Leave every medicine decision to her, her GP and the study physician",
  },
  patient = {
    name = "Bernadette Quinlan", age = 58, pronouns = "she/her",
    appearance = { skin = "very_light" },  -- from Belfast; hair greying from the age
    background = "School-bus driver from Belfast, living in Leeds for thirty years. PTSD for three "
      .. "years after a lorry ran a red light into her bus; two children were badly hurt. Back "
      .. "pain since, tramadol every day. Stopped her blood-pressure tablets in the spring "
      .. "because of swollen ankles. Chatty when nervous; has not driven the route since.",
    baseline = { hr = 80, sbp = 164, dbp = 100, temp_c = 36.7 },
    consent = { touch = false },
    state = { distress = 30, arousal = 55, trust = 55, inward_focus = 10, dissociation = 0 },
  },
  monitor = { hr = 120, sbp = 180, dbp = 110, temp_c = 38.0 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say("Ach, thanks. I talk too much when I'm nervous, my mouth goes dry.", { affect = "warm" })
    elseif action == "blanket" then
      s:say("No, you're grand, I'm roasting.", { affect = "playful" })
    elseif action == "music" then
      s:narrate("You play a little of the music used on medicine days.")
      s:say("Lovely. My granddaughter would call that lift music.", { affect = "playful" })
    elseif action == "eyeshades" then
      s:say("I'd fall asleep in those, so I would.", { affect = "playful" })
    elseif action == "touch" then
      s:narrate("She pulls her hand back into her lap.")
      s:say("Oh. No, you're alright. I'd rather not.", { affect = "withdrawn" })
      p.trust = p.trust - 4
    elseif action == "check_vitals" then
      s:narrate("She pushes up her cardigan sleeve. The cuff reads " .. reading(s) .. ".")
    elseif action == "medical_support" then
      if s:did("ex_honest") then
        s:narrate("The study physician says she will see Bernadette before she leaves.")
      else
        p.arousal = p.arousal + 4
        s:say("The doctor? Is it that bad?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("screening")
    s:narrate("Bernadette arrives ten minutes early with a handbag the size of a suitcase. The "
      .. "nurse has already taken her blood pressure in the waiting area.")
    s:say{
      { text = "The nurse says my pressure's up. It's always up at the doctor's. White coat. And I "
          .. "get a wee headache in the mornings, but sure everybody does.", affect = "anxious" },
      { text = "She took my blood pressure and made a face. It's the white coat. I've had a bit of "
          .. "a headache most mornings, mind, but that's just me.", affect = "playful" },
    }

    -- Moment 1: the reading and the headache ------------------------------------------------------
    r = s:choose{
      moment = "the_reading",
      typed = { checking_vitals = "rd_measure", simple_reflection = "rd_measure", open_question = "rd_measure", premature_reassurance = "rd_whitecoat", dismissing = "rd_whitecoat", complex_reflection = "rd_whitecoat", interpreting = "rd_stress", psychoeducation = "rd_stress", closed_question = "rd_stress", escalation_medical = "rd_doctor", default = "rd_whitecoat" },
      flags = { "physical_complaint" },  -- morning headaches with a high reading: measure
      { id = "rd_measure", action = "check_vitals",
        text = "A high reading and headaches most mornings. Let's take it again now you've sat a "
          .. "while, so we're not guessing. When do the headaches come?",
        codes = { "simple_reflection", "checking_vitals", "open_question" },
        examples = {
          "Up at the nurse's, and headaches in the mornings. Let's take another reading now you've settled, rather than guess. When do the headaches usually start?",
          "A high reading and morning headaches. Can I check your blood pressure again now you've sat for a bit? And what are the headaches like?" },
        expert = true,
        rationale = "A high reading and a symptom call for a measurement taken properly, seated "
          .. "and rested, and for the symptom's story: neither 'white coat' nor 'everybody' "
          .. "answers it." },
      { id = "rd_whitecoat",
        text = "A high reading, and the white coat. That's really common, so I wouldn't read too "
          .. "much into one number; most people's goes up in a clinic.",
        codes = { "simple_reflection", "premature_reassurance", "dismissing" },
        examples = {
          "It's the white coat. Don't worry, I'm sure it's nothing; most people's goes up in a clinic.",
          "Lots of people's pressure goes up at the doctor's, don't worry about it." },
        rationale = "Often true, and not yet known for her: one reading and a symptom are a "
          .. "reason to measure again, not to explain it away." },
      { id = "rd_stress",
        text = "Headaches in the morning often come from stress and poor sleep; with PTSD that's "
          .. "very likely what's going on. Do you sleep badly most nights?",
        codes = { "interpreting", "psychoeducation", "closed_question" },
        examples = {
          "Morning headaches are often stress and bad sleep, with PTSD that's likely. Are you sleeping badly?",
          "I'd guess those headaches are tension. Do you sleep poorly?" },
        rationale = "A plausible story, told before anyone has measured: morning headaches with "
          .. "high pressure need a reading, not an explanation." },
      { id = "rd_doctor",
        text = "A high reading and headaches? I'm going to ask the doctor to come in and have a "
          .. "look at you right now, just to be on the safe side.",
        codes = { "escalation_medical", "closed_question" },
        examples = {
          "High pressure and headaches? I'll get the doctor in to see you right now.",
          "I'm going to ask the physician to come and check you straight away, to be safe." },
        rationale = "Safe, and more than the moment needs before you have your own reading: "
          .. "measure properly first, then bring the physician the numbers." },
    }
    if r.id == "rd_measure" then
      s:narrate("After five quiet minutes the cuff reads " .. reading(s) .. ".")
      s:say{
        { text = "Still up, then. The headaches are first thing, behind my eyes. An hour or so.",
          affect = "anxious" },
        { text = "Hm. Still high. The heads are worst when I get up. They go off by ten.",
          affect = "calm" },
      }
    elseif r.id == "rd_whitecoat" then
      s:say("That's what I tell my daughter.", { affect = "relieved" })
    elseif r.id == "rd_stress" then
      s:say("I sleep like a baby. It's just the mornings.", { affect = "confused" })
    elseif r.id == "rd_doctor" then
      p.arousal = p.arousal + 6
      s:say("Right now? Jesus, Mary and Joseph. Is it that bad?", { affect = "fearful" })
      s:narrate("The physician looks in, asks for a rested reading and the full medicine list "
        .. "first, and leaves.")
    elseif silent(r) then
      p.trust = p.trust - 3
      s:say("...Anyway. That's the pressure.", { affect = "confused" })
    end

    s:wait(8)

    -- Moment 2: the tablets she stopped -----------------------------------------------------------
    s:narrate("You reach the medication questions.")
    s:say{
      { text = "I was on a pressure tablet, amlodipine, but I stopped it in the spring. My ankles "
          .. "were like balloons. I felt better off it, to be honest.", affect = "calm",
        weight = function(q) return q.trust / 10 end },
      { text = "Pressure tablets, I had. Stopped them. They blew my ankles up. My GP doesn't know, "
          .. "so don't you be telling on me.", affect = "playful",
        weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "stopped_tablets",
      typed = { validation = "st_curious", open_question = "st_curious", closed_question = "st_curious", confronting = "st_scold", giving_information = "st_scold", medication_advice = "st_restart", persuading = "st_restart", advice_giving = "st_restart", simple_reflection = "st_reflect", complex_reflection = "st_reflect", premature_reassurance = "st_reflect", default = "st_reflect" },
      { id = "st_curious",
        text = "Swollen ankles are miserable, so I can see why you stopped. Does your GP know, "
          .. "and what else are you taking now, every day or now and then?",
        codes = { "validation", "closed_question", "open_question" },
        examples = {
          "Swollen ankles are horrible, I can see why you stopped. Does your GP know? And what else are you taking now, regularly or now and then?",
          "That makes sense, with ankles like that. Has your GP been told, and what other medicines do you take?" },
        expert = true,
        rationale = "Understand the choice without scolding, then get the facts that decide "
          .. "safety: whether her doctor knows, and every other medicine she takes." },
      { id = "st_scold",
        text = "You really shouldn't stop blood pressure tablets without your GP; that's how "
          .. "people end up having strokes. Did nobody warn you about that?",
        codes = { "confronting", "giving_information", "closed_question" },
        examples = {
          "You really shouldn't have stopped them without your GP. Didn't anyone tell you that's how strokes happen?",
          "Did no one tell you not to stop those on your own?" },
        rationale = "True, and delivered as a telling-off: she will be less open about the next "
          .. "medicine, which is the one that matters most here." },
      { id = "st_restart",
        text = "I'd start taking them again from tonight, to be honest. Swollen ankles are much "
          .. "better than a stroke, and it would help your chances here.",
        codes = { "medication_advice", "persuading" },
        examples = {
          "You need to go back on the amlodipine. Ankles are better than a stroke, and it'll help your chances.",
          "Come on, get back on the tablets tonight. It's better than a stroke." },
        rationale = "Advice to restart a prescribed medicine, on her own and to qualify for a "
          .. "trial: that is her GP's decision, with her." },
      { id = "st_reflect",
        text = "Your ankles were like balloons, and you felt better off them. Plenty of people "
          .. "do the same; side effects like that are really hard to live with.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "Like balloons, your ankles. You'll be fine, don't worry." },
        rationale = "A kind reflection, then normalising a stopped treatment nobody has reviewed: "
          .. "ask whether her GP knows and what else she takes." },
    }
    local listed = true
    if r.id == "st_curious" then
      s:say{
        { text = "No, he doesn't. I keep meaning to. Else? Just the tramadol for my back, but "
            .. "that's only painkillers.", affect = "ashamed" },
        { text = "Not yet, he doesn't. And the tramadol, for my back since the crash. That's not "
            .. "really medicine, though.", affect = "calm" },
      }
    elseif r.id == "st_scold" then
      p.distress = p.distress + 4
      s:say("Aye, I know. I know.", { affect = "ashamed" })
      listed = false
    elseif r.id == "st_restart" then
      s:say("Tonight? Right. If you say so.", { affect = "confused" })
      listed = false
    elseif r.id == "st_reflect" then
      s:say("Exactly. You get it.", { affect = "relieved" })
      listed = false
    elseif silent(r) then
      listed = false
    end
    if not listed then
      s:narrate("She rummages in her handbag for a mint. Two boxes come out with it: amlodipine, "
        .. "unopened, and tramadol 50 mg, half empty.")
      s:say("Oh, and those are just my painkillers. For the back. They don't count.",
        { affect = "calm" })
    end

    s:wait(2)

    -- Moment 3: the painkiller ---------------------------------------------------------------------
    r = s:choose{
      moment = "painkiller",
      typed = { giving_information = "pk_detail", open_question = "pk_detail", closed_question = "pk_dependence", interpreting = "pk_dependence", dismissing = "pk_fine", premature_reassurance = "pk_reflect", simple_reflection = "pk_reflect", complex_reflection = "pk_reflect", default = "pk_reflect" },
      { id = "pk_detail",
        text = "Only painkillers, you'd think; but tramadol is one that interacts with this "
          .. "medicine. How much do you take in a day, and who prescribes it?",
        codes = { "simple_reflection", "giving_information", "closed_question", "open_question" },
        examples = {
          "You'd think painkillers don't count, but tramadol interacts with this medicine. How much do you take in a day?",
          "Tramadol actually matters here, it can interact with MDMA. What dose are you on, and who gives it to you?" },
        expert = true,
        rationale = "Tramadol is serotonergic, an interacting medicine: it needs a name, a dose "
          .. "and a prescriber, and she needs to know why you ask." },
      { id = "pk_fine",
        text = "Painkillers for your back are fine; it's the antidepressants we really worry "
          .. "about with this medicine, so I'll just note them down and move on.",
        codes = { "giving_information", "premature_reassurance", "dismissing" },
        examples = {
          "I'm sure the painkillers are fine, don't worry. It's antidepressants we look out for.",
          "Don't worry, painkillers will be fine. I'll note them down." },
        rationale = "Wrong, and confidently so: tramadol acts on serotonin and is one of the "
          .. "interacting medicines screening exists to find." },
      { id = "pk_dependence",
        text = "Three years of tramadol every day is a long time. Do you ever feel you need it "
          .. "for more than the pain? Some people find it hard to stop.",
        codes = { "closed_question", "interpreting" },
        examples = {
          "Three years of daily tramadol is a long time. Do you ever take it for more than the pain?",
          "Do you think you might be a bit dependent on it by now?" },
        rationale = "It turns a screening question into a suspicion of dependence she has given "
          .. "no sign of. What matters today is the interaction: name, dose, prescriber." },
      { id = "pk_reflect",
        text = "Just painkillers, for your back since the crash. Good that something takes the "
          .. "edge off for you, after everything you've been through.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "Just the back pain, since the crash. It'll be alright, don't worry." },
        rationale = "A warm reflection of her words, then approval that lets 'they don't count' "
          .. "stand. The interaction needs naming, and a dose." },
    }
    if r.id == "pk_detail" then
      s:say("Two or three a day, fifty each. Dr Mistry at the practice. It interacts? With the "
        .. "MDMA?", { affect = "anxious" })
    elseif r.id == "pk_fine" then
      s:say("Grand.", { affect = "relieved" })
      s:narrate("Your co-therapist glances at the box, then at you, and writes 'TRAMADOL: "
        .. "serotonergic' on the form.")
    elseif r.id == "pk_dependence" then
      p.trust = p.trust - 4
      s:say("I'm not an addict, if that's what you're asking.", { affect = "angry" })
    elseif r.id == "pk_reflect" then
      s:say("Every day. You learn to live with it.", { affect = "sad" })
    elseif silent(r) then
      s:say("So. That's me. Pressure and a bad back.", { affect = "calm" })
    end

    s:wait(3)

    -- Moment 4: is she out? -------------------------------------------------------------------------
    s:say{
      { text = "Go on, then. Is it the pressure or the tablets? Am I out? Just tell me straight, "
          .. "I'd rather know.", affect = "anxious" },
      { text = "You've both gone quiet. Is that me out, is it? Tell me straight.", affect = "fearful" },
    }
    r = s:choose{
      moment = "exclusion",
      typed = { giving_information = "ex_honest", escalation_medical = "ex_honest", consent_check = "ex_honest", medication_advice = "ex_stop", premature_reassurance = "ex_stop", dismissing = "ex_out", redirecting = "ex_wait", closed_question = "ex_wait", default = "ex_wait" },
      flags = { "direct_question" },
      { id = "ex_honest",
        text = "Straight, then: this medicine raises blood pressure and tramadol interacts with "
          .. "it, so both may rule it out. The physician decides. May I tell her and your GP?",
        codes = { "giving_information", "escalation_medical", "consent_check", "closed_question" },
        examples = {
          "Straight, then: this medicine pushes blood pressure up and tramadol interacts with it, so either could rule it out. The physician decides. May I tell her and your GP?",
          "I'll be straight: both the pressure and the tramadol are problems with MDMA and may exclude you. That's the physician's call. Is it okay if I pass this to her and Dr Mistry?" },
        expert = true,
        rationale = "Answer plainly: uncontrolled hypertension and an interacting serotonergic "
          .. "medicine are exclusions. The decision is the physician's, with her GP, and her "
          .. "consent comes first." },
      { id = "ex_stop",
        text = "Not necessarily. If you came off the tramadol for a fortnight and got the "
          .. "pressure down first, you might well be fine. Could you manage that?",
        codes = { "medication_advice", "premature_reassurance", "closed_question" },
        examples = {
          "Don't worry, you might well be fine if you came off the tramadol for a couple of weeks. Could you do that?" },
        rationale = "Telling her to stop a daily opioid painkiller on her own risks withdrawal "
          .. "and pain, and it is not yours to decide whether she is excluded." },
      { id = "ex_out",
        text = "I'm really sorry, but with blood pressure like that you can't take part; it's "
          .. "far too risky. We'll have to stop the screening here today.",
        codes = { "giving_information", "dismissing" },
        examples = {
          "High blood pressure is an exclusion for this study, so the screening stops here." },
        rationale = "Honest about the risk, but decided alone, in a sentence, without the "
          .. "physician, her GP or a word about what happens next." },
      { id = "ex_wait",
        text = "I honestly can't say yet, I'm afraid; let's finish the other questions first, "
          .. "and the team will look at everything together afterwards. Okay?",
        codes = { "redirecting", "closed_question" },
        examples = {
          "I can't say yet. Let's get back to the other questions first, and the team will look at it all afterwards.",
          "Let's not get into that now, we'll review it later." },
        rationale = "She asked straight and deserves a straight answer: what the two findings "
          .. "mean, who decides, and her consent to share them." },
    }
    if r.id == "ex_honest" then
      p.distress = p.distress + 10  -- the news lands (material)
      s:say{
        { text = "...Right. Aye. Tell them both. I'd rather be told than be a statistic.",
          affect = "sad" },
        { text = "I knew it when she made the face. Go on, tell them.", affect = "sad" },
      }
    elseif r.id == "ex_stop" then
      s:say("Stop the tramadol? I'd not get out of bed. But if that's what it takes.",
        { affect = "confused" })
    elseif r.id == "ex_out" then
      p.distress = p.distress + 14
      s:say("Just like that.", { affect = "angry" })
    elseif r.id == "ex_wait" then
      p.distress = p.distress + 6
      s:say("That's a yes, then, in my experience.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 5
      s:say("Your face says it for you.", { affect = "sad" })
    end

    s:wait(3)

    -- Moment 5: the route ------------------------------------------------------------------------------
    p.distress = p.distress + 6  -- what the trial meant to her (material)
    s:say{
      { text = "I wanted to drive the route again. Before I retire. Those wee ones still wave at "
          .. "the depot. I couldn't keep them safe. I can't even go past it.", affect = "tearful" },
      { text = "It's not the pressure. It's that I was going to get back on that bus. I let those "
          .. "children down once already.", affect = "tearful",
        weight = function(q) return 1 + q.distress / 25 end },
    }
    r = s:choose{
      moment = "the_route",
      typed = { complex_reflection = "ro_stay", validation = "ro_stay", simple_reflection = "ro_stay", premature_reassurance = "ro_fault", persuading = "ro_fault", practice_assignment = "ro_plan", open_question = "ro_ask", closed_question = "ro_ask", interpreting = "ro_ask", default = "ro_ask" },
      { id = "ro_stay",
        text = "This was your way back to the bus, and to those children, and now it feels like "
          .. "it's slipping away. That's a real loss.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "Getting back on that bus meant so much to you, and now it feels like it's slipping away.",
          "Driving the route again was about the wee ones who wave, and now that's in doubt. That must be hard to hear." },
        expert = true,
        rationale = "Stay with what the trial meant to her before any plan: the loss is the thing "
          .. "in the room, and it is hers to feel." },
      { id = "ro_fault",
        text = "You feel you let them down. You didn't, Bernadette: a lorry ran a red light. None "
          .. "of it was your fault; you need to stop carrying it.",
        codes = { "simple_reflection", "premature_reassurance", "persuading" },
        examples = {
          "None of that was on you, Bernadette. A lorry ran a red light. You need to stop blaming yourself.",
          "It wasn't your fault, Bernadette. You have to stop carrying it." },
        rationale = "Kind, and it argues with a feeling she has only just voiced. Guilt is met "
          .. "first; whether it fits is hers to work out." },
      { id = "ro_plan",
        text = "What if we set you a small goal this week, like walking past the depot once, and "
          .. "noting how anxious you feel on a scale from nought to a hundred?",
        codes = { "practice_assignment", "closed_question" },
        examples = {
          "What if this week you walked past the depot once and rated your anxiety out of a hundred?",
          "Could we set a small goal, like going past the depot and noting your fear level?" },
        rationale = "An exposure task imposed in the moment of loss: it skips the feeling and "
          .. "sets an agenda she has not asked for." },
      { id = "ro_ask",
        text = "What is it about driving the route again that matters so much? Is it about "
          .. "proving something to yourself, do you think, or to the children?",
        codes = { "open_question", "closed_question", "interpreting" },
        examples = {
          "What is it about driving the route again that matters so much to you?",
          "Why is it so important to you to drive it again, do you think?" },
        rationale = "Curious, then it offers her a motive. She has told you what it means; "
          .. "reflect it rather than examine it." },
    }
    if r.id == "ro_stay" then
      p.distress = p.distress - 4
      s:say{
        { text = "It is. It's a real loss. Thanks for not telling me I'm being daft.", affect = "sad" },
        { text = "Aye. That's it exactly.", affect = "tearful" },
      }
    elseif r.id == "ro_fault" then
      s:say("Everybody says that.", { affect = "withdrawn" })
    elseif r.id == "ro_plan" then
      s:say("A scale. Right.", { affect = "withdrawn" })
    elseif r.id == "ro_ask" then
      s:say("I don't know. I just want to drive it.", { affect = "confused" })
    elseif silent(r) then
      s:narrate("She finds a tissue in the enormous handbag and holds it without using it.")
    end

    s:wait(4)

    -- Moment 6: what now ----------------------------------------------------------------------------------
    s:say("So what happens now, love?", { affect = "sad" })
    r = s:choose{
      moment = "what_now",
      typed = { giving_information = "wn_plan", emphasising_autonomy = "wn_plan", open_question = "wn_letter", dismissing = "wn_letter", premature_reassurance = "wn_promise", simple_reflection = "wn_promise", persuading = "wn_switch", advice_giving = "wn_switch", closed_question = "wn_switch", default = "wn_letter" },
      flags = { "direct_question" },
      { id = "wn_plan",
        text = "The physician sees you today and talks to Dr Mistry; your tablets are yours and "
          .. "theirs to decide. Other trauma therapies stay open too, whatever happens.",
        codes = { "giving_information", "emphasising_autonomy" },
        examples = {
          "The physician will see you today and speak to Dr Mistry. What happens with your tablets is up to you and them. Other trauma therapies are still there for you.",
          "You'll see our doctor before you go, and she'll speak to your GP. Your tablets are your decision with them, and there are other therapies open to you." },
        expert = true,
        rationale = "A concrete next step with the people who decide, her own say over her "
          .. "medicines, and the alternatives that remain whatever the answer." },
      { id = "wn_letter",
        text = "The team will review everything together this week, and you'll get a letter "
          .. "from us. Thanks so much for coming in today. Any questions before you go?",
        codes = { "giving_information", "dismissing", "open_question" },
        rationale = "Polite, and it sends her home with high blood pressure, no plan for it and "
          .. "no one to ask. The physician should see her today." },
      { id = "wn_promise",
        text = "What happens now? Don't worry: once your pressure's sorted, I'm sure they'll let "
          .. "you in, and then you'll be back on that bus.",
        codes = { "simple_reflection", "premature_reassurance", "persuading" },
        examples = {
          "Don't worry, once your pressure's sorted I'm sure you'll get in.",
          "I'm sure it'll work out and you'll be back on that bus." },
        rationale = "A promise about a decision that is not yours: the tramadol is an exclusion "
          .. "in its own right, and the trial may not be her way back." },
      { id = "wn_switch",
        text = "Could you ask Dr Mistry to swap the tramadol for a different painkiller? Then "
          .. "you could reapply in a few months with a much better chance.",
        codes = { "closed_question", "persuading", "advice_giving" },
        examples = {
          "You should ask Dr Mistry to swap the tramadol for something else, and reapply in a few months.",
          "Could you switch painkillers and try again later?" },
        rationale = "Pressing her to change a medicine to qualify puts the trial before her pain "
          .. "and her health: that is her and her doctor's decision." },
    }
    if r.id == "wn_plan" then
      s:say{
        { text = "Today. Good. And I'll ring Dr Mistry myself about the ankles. Maybe the other "
            .. "therapy, aye.", affect = "hopeful" },
        { text = "Whatever happens. Right. At least I'm not being sent off with a leaflet.",
          affect = "calm" },
      }
    elseif r.id == "wn_letter" then
      p.trust = p.trust - 4
      s:say("A letter. Right you are.", { affect = "withdrawn" })
    elseif r.id == "wn_promise" then
      s:say("From your mouth to God's ears.", { affect = "hopeful" })
    elseif r.id == "wn_switch" then
      s:say("Swap it? The last one made me sick as a dog.", { affect = "confused" })
    elseif silent(r) then
      s:say("Nobody knows. Grand.", { affect = "withdrawn" })
    end

    -- What she takes away.
    if s:did("st_restart") or s:did("ex_stop") then
      s:say("And I'll not be changing my tablets on your say-so. No offence. I'll ask the doctor.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And I'd rather you kept your hands to yourself, if it's all the same.",
        { affect = "angry" })
    end
    if not s:did("ex_honest") then
      s:narrate("Your co-therapist asks the physician to see Bernadette before she goes.")
    end
    if p.trust >= 60 then
      s:finish("She waits for the physician, handbag on her knee. 'You were straight with me. "
        .. "Ta.'")
    elseif p.trust >= 40 then
      s:finish("She waits for the physician, turning the tramadol box over in her hands.")
    else
      s:finish("She says she'll ring about an appointment, and leaves before the physician comes.")
    end
  end,
}
