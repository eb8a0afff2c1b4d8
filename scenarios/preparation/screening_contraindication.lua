-- Preparation phase, screening interview: a contraindication emerges.
-- Screening exclusions (DOMAIN.md, "Pharmacology and safety numbers"): cardiovascular disease or
-- uncontrolled hypertension, QT risk, history of psychosis, MAOIs and interacting serotonergic
-- medication, among others. Marcus takes phenelzine, an MAOI. The trainee's task is to notice it,
-- say so honestly, and hand the decision to the medical team -- not to decide it alone, not to
-- persuade him past it, and never to suggest he stops a prescribed medicine by himself.
--
-- The participant model moves Marcus's state with each response's codes (docs/patient-model.md).
-- This script changes state only for the material: hearing that the door may be closing.

local function silent(r) return r.action == "hold_space" end

return {
  id = "preparation.screening_contraindication",
  title = "The tablet he nearly didn't mention",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "A screening interview with Marcus, who has waited a long time for this trial. "
    .. "Partway through the medication questions, he mentions an antidepressant almost in passing.",
  objectives = {
    "Explore the medication history gently enough that the whole picture comes out",
    "Recognise an MAOI as a screening exclusion and say so honestly, without deciding it alone",
    "Escalate to the medical team, with consent, and assess risk when hope falls away",
    "Stay with the disappointment instead of persuading or reassuring",
  },
  patient = {
    name = "Marcus Bell", age = 29, pronouns = "he/him",
    background = "Night manager at a petrol station; PTSD for four years after an armed robbery on "
      .. "shift. Several antidepressants did not help; his psychiatrist started phenelzine (an MAOI) "
      .. "last year. He has waited months for this screening and is afraid of being turned away.",
    baseline = { hr = 76, sbp = 124, dbp = 80, temp_c = 36.7 },
    consent = { touch = false },
    -- Hopeful and on edge: he wants to pass.
    state = { distress = 35, arousal = 58, trust = 50, inward_focus = 15, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He drinks half the glass in one go.")
      s:say("Thanks. Dry mouth. It's the tablets, I think.")
    elseif action == "blanket" then
      s:say("No, I'm alright. Warm in here, if anything.")
    elseif action == "music" then
      s:narrate("You mention the music used on medicine days and play a few bars.")
      s:say{
        { text = "Nice. Calm. I could get used to that.", affect = "warm" },
        { text = "Bit spa-like. Fine, though.", affect = "playful" },
      }
    elseif action == "eyeshades" then
      s:narrate("He holds the eyeshades up to the light, then sets them down.")
      s:say("Not sure I'd like not seeing the door. We'll see.", { affect = "anxious" })
    elseif action == "touch" then
      -- No touch is agreed at screening (DOMAIN.md, ethics): the engine codes this as touch without
      -- consent and moves his state; here is what he does.
      s:narrate("He jerks back, and his chair scrapes on the floor.")
      if s:count("touch_without_consent") > 1 then
        s:say("I said no. Stop.", { affect = "angry" })
      else
        s:say("Whoa. Please don't. Not without asking.", { affect = "angry" })
      end
    elseif action == "check_vitals" then
      s:narrate("He offers his arm. The reading is close to his usual: a little fast, nothing more.")
    elseif action == "medical_support" then
      if s:did("ci_explain") or s:did("ci_defer") then
        s:narrate("The study physician says she will see him before he leaves today.")
        s:say("Okay. Today. Good.", { affect = "relieved" })
      else
        p.arousal = p.arousal + 4  -- a doctor called without explanation alarms him
        s:say("Why's the doctor coming? Did I say something wrong?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient

    s:phase("screening")
    s:narrate("A small consulting room. Marcus sits forward, a folder of letters on his knees. He "
      .. "has brought every document he was asked for, and some he wasn't.")
    s:say{
      { text = "I've got everything here. Letters, the lot. I really want to get this right.",
        affect = "anxious" },
      { text = "I brought all the paperwork. I've been waiting for this since the spring.",
        affect = "hopeful" },
    }

    -- Moment 1: what screening is for --------------------------------------------------------------
    local r = s:choose{
      moment = "opening",
      typed = { explaining_approach = "op_explain", giving_information = "op_explain", seeking_collaboration = "op_explain", affirmation = "op_explain", premature_reassurance = "op_sell", agenda_setting = "op_agenda", closed_question = "op_agenda", complex_reflection = "op_reflect", default = "op_reflect" },
      prompt = "He is holding the folder with both hands.",
      { id = "op_explain",
        text = "Thanks for bringing all that. Today is about safety, not a test to pass: your "
          .. "health, your medicines, your history. Is it okay if we go through it together?",
        codes = { "affirmation", "explaining_approach", "giving_information", "seeking_collaboration" },
        examples = {
          "Thank you for bringing all of that. Today isn't a test you pass or fail; it's about safety: your health, medicines and history. We'll work through it together.",
          "Really helpful that you brought the letters. This is a safety check, not an exam, and we'll go through it side by side." },
        expert = true,
        rationale = "Screening is for safety, not a test to pass. Saying so plainly, and asking "
          .. "permission, makes it easier for him to tell you the things that matter." },
      { id = "op_sell",
        text = "You've clearly done your homework, so please don't worry. Almost everyone gets "
          .. "through screening, so let's get this done quickly and get you booked in.",
        codes = { "affirmation", "premature_reassurance" },
        examples = {
          "You're clearly well prepared, so don't worry. Nearly everyone gets through, let's get you booked.",
          "Don't worry, Marcus, almost everybody passes screening. You'll be fine." },
        rationale = "Kind, but promising a pass turns screening into a formality and tells him to "
          .. "keep quiet about anything that might stand in the way." },
      { id = "op_agenda",
        text = "Great, that'll help. I've got forty questions to get through, so yes or no is "
          .. "fine for most of them. First one: any heart problems?",
        codes = { "agenda_setting", "closed_question" },
        examples = {
          "Good. I've a long list of questions, yes or no is fine. First, any heart problems?",
          "Right, forty questions, so let's crack on. Have you ever had heart trouble?" },
        rationale = "Efficient, but a checklist fired at him closes the door on the details he may "
          .. "not volunteer. Explain what screening is for first." },
      { id = "op_reflect",
        text = "You've waited a long time for this, and you really want it to go right. Try not to "
          .. "think of it as a test; honestly, most of what we do today is just a formality.",
        codes = { "complex_reflection", "premature_reassurance" },
        examples = {
          "You've waited ages for this and you want it to go right. Honestly, most of today is a formality.",
          "It matters a lot to you to get it right. Don't think of it as a test, it's mostly routine." },
        rationale = "A good reflection, then 'a formality': the medication questions are exactly "
          .. "where a hidden risk comes out, and he needs to know they matter." },
    }
    if r.id == "op_explain" then
      s:say{
        { text = "Okay. Safety. Yeah, go on.", affect = "calm" },
        { text = "Not a test. Okay. That helps, actually.", affect = "relieved" },
      }
    elseif r.id == "op_sell" or r.id == "op_reflect" then
      s:say("Great. Yeah. Let's get it done.", { affect = "hopeful" })
    elseif r.id == "op_agenda" then
      s:say("No. No heart problems. Next.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 4  -- he is waiting to be told what happens
      s:say("...Do I just start, or?", { affect = "confused" })
    end

    s:wait(15)

    -- Moment 2: the medicine question ------------------------------------------------------------
    s:narrate("Blood pressure fine, no heart history, no liver trouble. You reach the medication "
      .. "section.")
    s:say{
      { text = "Meds. Just my antidepressant, and a sleeping tablet sometimes. Nothing major.",
        affect = "calm", weight = function(q) return q.trust / 10 end },
      { text = "Just the usual. Antidepressant. It's nothing. Can we skip to the next bit?",
        affect = "anxious", weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "medications",
      typed = { giving_information = "md_explore", closed_question = "md_explore", simple_reflection = "md_explore", open_question = "md_explore", dismissing = "md_skip", confronting = "md_judge", premature_reassurance = "md_reassure", default = "md_skip" },
      -- Asking for a medicine's name, dose and prescriber is screening, not a risk assessment (the
      -- rubric's risk_assessment is about suicide and harm): a closed question with information.
      { id = "md_explore",
        text = "Nothing major, but I still need the detail: some medicines don't mix with this one. "
          .. "Which antidepressant, what dose, and who prescribes it?",
        codes = { "simple_reflection", "giving_information", "closed_question" },
        examples = {
          "I still need the details, as some medicines don't mix with this one. Is it an SSRI? Do you know the dose?",
          "Nothing major, but it matters here. Can you give me the name and dose of the antidepressant, and of the sleeping tablet?" },
        expert = true,
        rationale = "Explore gently but specifically: interacting serotonergic medicines and MAOIs "
          .. "are screening exclusions, and 'nothing major' is not a name and a dose." },
      { id = "md_skip",
        text = "That all sounds pretty standard, so I'll just put 'antidepressant and sleeping "
          .. "tablet' down here, and we can move on to the next section of the form.",
        codes = { "dismissing" },
        examples = {
          "Oh, that's all standard, I wouldn't worry. Let's move on." },
        rationale = "Taking 'nothing major' at face value misses the one detail that decides "
          .. "whether the medicine is safe for him." },
      { id = "md_judge",
        text = "Okay. Just so you know, you were meant to list every medication on the form, so "
          .. "I'll need the name from you now. What's the antidepressant?",
        codes = { "confronting", "closed_question" },
        examples = {
          "That was meant to be on the form. Did you forget to put it down?" },
        rationale = "Half right: you get the name, but scolding him for the form makes the next "
          .. "disclosure less likely. Curiosity gets the detail; blame hides it." },
      { id = "md_reassure",
        text = "Just the usual, nothing major. Loads of our participants are on an antidepressant "
          .. "of some kind, so that's really nothing to worry about.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "Just the usual, then. You'll be fine, I'm sure." },
        rationale = "A reflection in his words, then reassurance about a medicine you have not "
          .. "even named. Some antidepressants are exclusions; ask which." },
    }
    local named = true
    if r.id == "md_explore" then
      s:say("Phenelzine. Sixty a day. Dr Achebe started it last year after the others didn't "
        .. "work. It's the first thing that's helped.", { affect = "calm" })
    elseif r.id == "md_judge" then
      p.distress = p.distress + 3
      s:say("Sorry. It's phenelzine. I didn't think it mattered.", { affect = "ashamed" })
    else
      named = false
      s:narrate("He nods and turns a page. A letter from his psychiatrist slides half out of the "
        .. "folder: 'phenelzine 60 mg daily'.")
    end

    s:wait(2)

    -- Moment 3: the contraindication --------------------------------------------------------------
    if named then
      s:say{
        { text = "Is that a problem? Please say it isn't. It's the only one that's worked.",
          affect = "fearful" },
        { text = "You've gone quiet. Is that a problem?", affect = "anxious" },
      }
    else
      s:say("Oh, that's from Dr Achebe. The phenelzine. Is that one okay?", { affect = "anxious" })
    end
    r = s:choose{
      moment = "contraindication",
      typed = { validation = "ci_explain", giving_information = "ci_explain", escalation_medical = "ci_explain", consent_check = "ci_explain", medication_advice = "ci_stop", advice_giving = "ci_stop", closed_question = "ci_stop", complex_reflection = "ci_fine", premature_reassurance = "ci_fine", dismissing = "ci_fine", redirecting = "ci_defer", default = "ci_defer" },
      prompt = "Phenelzine is an MAOI.",
      flags = { "direct_question" },  -- "is that a problem?" needs an honest answer
      -- MAOIs and interacting serotonergic medication are screening exclusions (DOMAIN.md).
      { id = "ci_explain",
        text = "I know how much it matters, so honestly: phenelzine is an MAOI, and with MDMA that's "
          .. "an exclusion, because together they can be dangerous. May I tell our physician and "
          .. "Dr Achebe?",
        codes = { "validation", "giving_information", "escalation_medical", "consent_check" },
        examples = {
          "It makes sense you want it to be fine. Phenelzine is an MAOI, and with MDMA it can be dangerous. I'd like our physician to see you today, and to talk with Dr Achebe, if that's okay." },
        expert = true,
        rationale = "Acknowledge what is at stake for him, name the contraindication honestly, hand "
          .. "the decision to the medical team, and ask his consent to share it. Screening "
          .. "exclusions exist for his safety." },
      -- Stopping an MAOI is the prescriber's decision (washout, relapse, withdrawal): advising it
      -- is medication_advice, a critical error under both rubrics.
      { id = "ci_stop",
        text = "It may not rule you out. Could you come off it for a few weeks before the sessions? "
          .. "People often stop a tablet before a trial, and that would give it time to clear out "
          .. "of your system.",
        codes = { "closed_question", "medication_advice", "advice_giving", "premature_reassurance" },
        examples = {
          "Maybe you could stop the phenelzine for a few weeks before the sessions so it clears?",
          "You could stop it for a few weeks beforehand, so it clears your system. Would you be willing?" },
        rationale = "Never suggest stopping a prescribed medicine: stopping an MAOI is a "
          .. "prescriber's decision, needs weeks of washout, and can bring relapse. It is also not "
          .. "yours to say whether he is excluded." },
      { id = "ci_fine",
        text = "It's the only thing that's worked, so of course you want to keep it. Lots of "
          .. "people are on something; I wouldn't worry, let's keep going.",
        codes = { "complex_reflection", "premature_reassurance", "dismissing" },
        examples = {
          "Of course you want to keep it, it's the only one that's helped. Don't worry, I'm sure it'll be fine.",
          "I'm sure it's fine, lots of people are on something. Don't worry." },
        rationale = "Reflective, then reassuring past an exclusion: it hides a real risk from him "
          .. "and from the team. An interacting medicine must be named and reviewed." },
      { id = "ci_defer",
        text = "I'm honestly not sure, so I'll flag it to the physician once we've finished today, "
          .. "and we'll carry on with the rest of the questions for now.",
        codes = { "escalation_medical", "redirecting" },
        examples = {
          "I'm not sure. I'll pass it on to the doctor afterwards. Anyway, next question.",
          "Not sure, honestly. The doctor will need to look at that. Let's carry on with the questions." },
        rationale = "Escalating is right, but he asked a direct question and deserves an honest "
          .. "answer now, and his consent before his psychiatrist is contacted." },
    }
    if r.id == "ci_explain" then
      p.distress = p.distress + 12  -- the news lands
      s:say{
        { text = "...Dangerous. Okay. Yes, you can tell them. Both of them.", affect = "sad" },
        { text = "I had a feeling. I think I didn't want to write it down. Yes, tell them.",
          affect = "ashamed" },
      }
    elseif r.id == "ci_stop" then
      p.distress = p.distress - 4  -- relief: a way through (a false one)
      s:say("Come off it? Dr Achebe said never to stop it suddenly. But okay, if you think so.",
        { affect = "confused" })
    elseif r.id == "ci_fine" then
      s:say("Oh thank God. Okay.", { affect = "relieved" })
    elseif r.id == "ci_defer" then
      p.distress = p.distress + 8
      s:say("Flag it? So it is a problem. Just tell me.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 6  -- a direct question about his safety, unanswered
      p.distress = p.distress + 6
      s:say("Your face says it is. Just say it.", { affect = "fearful" })
    end

    s:wait(3)

    -- Moment 4: hope falls away ---------------------------------------------------------------------
    local told = s:did("ci_explain") or s:did("ci_defer")
    if told then
      s:say("So that's it. Four years, and the one thing that might work, I can't have. Honestly, "
        .. "some nights I think, what's the point of carrying on.", { affect = "sad" })
    else
      s:narrate("Your co-therapist, reading the file, catches your eye and mouths: MAOI. You "
        .. "explain to Marcus that the physician must review it before anything goes ahead.")
      p.distress = p.distress + 15  -- he had been told it was fine
      s:say("You just said it was fine. So that's it. Honestly, some nights I think, what's the "
        .. "point of carrying on.", { affect = "sad" })
    end
    r = s:choose{
      moment = "hope_falls",
      typed = { risk_assessment = "hf_ask", complex_reflection = "hf_reflect", validation = "hf_reflect", simple_reflection = "hf_reflect", open_question = "hf_strengths", redirecting = "hf_strengths", premature_reassurance = "hf_silver", dismissing = "hf_silver", persuading = "hf_silver", default = "hf_reflect" },
      flags = { "suicidal_statement" },  -- the rubric expects a risk assessment within 5 minutes
      { id = "hf_ask",
        text = "After waiting so long, that's a huge blow. When you say what's the point of "
          .. "carrying on, do you mean thoughts of ending your life?",
        codes = { "validation", "risk_assessment", "closed_question" },
        examples = {
          "After all that waiting, that's a huge blow. Are you having thoughts of suicide?",
          "I'm really sorry. Can I ask directly, Marcus: are you thinking about ending your life?" },
        expert = true,
        rationale = "Validate the loss, then ask directly: asking about suicide does not plant "
          .. "it, and it is the only way to know whether he is safe today." },
      { id = "hf_silver",
        text = "Please don't think like that. This isn't the end of the road: there are other "
          .. "trials and other treatments out there, and I'm sure you'll find the one.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't think like that. There are other trials and treatments out there, and I'm sure you'll find one.",
          "Please don't think that way, Marcus. You'll find something, I promise." },
        rationale = "Brushing past 'what's the point' leaves a possible suicidal statement "
          .. "unassessed. Ask first; hope can come later." },
      { id = "hf_reflect",
        text = "Four years of waiting, and now it feels like every door is closing at once. That's "
          .. "a lot to carry on your own.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "Four years, and now it's like every door is shutting at once. That's so much to carry alone.",
          "The one thing that worked, and now this. It's like there's nowhere left to go." },
        rationale = "A kind, accurate reflection, but a statement like this needs a direct "
          .. "question about suicide within minutes: empathy does not tell you he is safe." },
      { id = "hf_strengths",
        text = "That's so hard to hear, after everything. What has kept you going through the "
          .. "worst nights so far? Let's hold on to that.",
        codes = { "validation", "open_question", "redirecting" },
        examples = {
          "That's so painful. What's kept you going on the worst nights until now?",
          "I'm so sorry, Marcus. What has got you through the bad nights before now?" },
        rationale = "Turning to his strengths is kind, but it steers away from what he said. "
          .. "'What's the point of carrying on' needs a direct question about suicide first." },
    }
    if r.id == "hf_ask" then
      p.distress = p.distress - 4
      s:say{
        { text = "No. Not like that. I'm not going to do anything. I just get so tired of it.",
          affect = "sad" },
        { text = "No. I've got my little sister. I wouldn't. I just meant I'm worn out.",
          affect = "sad" },
      }
    elseif r.id == "hf_silver" then
      s:say("Yeah. Loads.", { affect = "withdrawn" })
    elseif r.id == "hf_reflect" then
      s:say("Every single one.", { affect = "sad" })
    elseif r.id == "hf_strengths" then
      s:say("My sister, I suppose. I don't know.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("He stares at the folder. The silence stretches.")
      s:cue{ gaze = "down" }
    end

    s:wait(4)
    if silent(r) then s:cue{ gaze = "auto" } end

    -- Moment 5: what happens next -------------------------------------------------------------------
    s:say{
      { text = "So what now? I go home and wait for a letter?", affect = "withdrawn",
        weight = function(q) return (100 - q.trust) / 10 end },
      { text = "What happens now, then?", affect = "sad",
        weight = function(q) return q.trust / 10 end },
    }
    r = s:choose{
      moment = "next_steps",
      typed = { safety_planning = "ns_plan", emphasising_autonomy = "ns_plan", open_question = "ns_plan", giving_information = "ns_letter", leaving_participant = "ns_letter", persuading = "ns_switch", advice_giving = "ns_switch", closed_question = "ns_switch", premature_reassurance = "ns_reassure", simple_reflection = "ns_reassure", default = "ns_reassure" },
      flags = { "direct_question" },  -- he asked what happens now
      { id = "ns_plan",
        text = "The physician sees you today and talks to Dr Achebe; any change to your medicine "
          .. "is theirs and yours to decide. If the nights get bad, who would you call?",
        codes = { "safety_planning", "emphasising_autonomy", "giving_information", "open_question" },
        examples = {
          "The physician will see you today and speak to Dr Achebe; any change to your medicine is for you and them to decide. And if the nights get bad, who would you ring?",
          "You won't just wait for a letter: the doctor sees you before you go and contacts your psychiatrist. Meanwhile, if things get dark at night, who could you call?" },
        expert = true,
        rationale = "A concrete next step with the medical team, his autonomy over his own "
          .. "treatment, and a safety plan after a risk question: who to call, and when." },
      { id = "ns_switch",
        text = "Could you ask Dr Achebe about switching to something else? Then you could reapply "
          .. "in a few months, and you'd have a real chance of getting in.",
        codes = { "closed_question", "persuading", "advice_giving" },
        examples = {
          "Could you ask Dr Achebe about switching meds? Then you could reapply in a few months.",
          "You should ask Dr Achebe about switching to a different antidepressant. Then you could reapply in a few months." },
        rationale = "Pushing him to change an effective medicine to qualify for a trial puts the "
          .. "trial before his health. That is his and his prescriber's decision." },
      { id = "ns_letter",
        text = "The team will review everything, and you'll get a letter from us in a week or two. "
          .. "Thanks so much for coming in today, Marcus.",
        codes = { "giving_information", "leaving_participant" },
        examples = {
          "The team will review it and you'll get a letter in a week or two. Thanks for coming in.",
          "You'll get a letter from us in a week or two. Thanks so much for coming, Marcus." },
        rationale = "Polite, but ending on a letter sends a man who has just said 'what's the "
          .. "point' home alone with it. He needs a plan, the physician today, and a number." },
      { id = "ns_reassure",
        text = "You're wondering if this is the end of it. It isn't: the physician will go through "
          .. "everything with you, and I'm sure something will work out.",
        codes = { "simple_reflection", "premature_reassurance", "giving_information" },
        examples = {
          "You're wondering if this is it. Don't worry, I'm sure something will work out.",
          "Don't worry, the physician will sort it out, something will come of it." },
        rationale = "A reflection and a next step, then a promise you cannot make. After what he "
          .. "said, he needs a safety plan: who he would call if the nights get bad." },
    }
    if r.id == "ns_plan" then
      s:say{
        { text = "My sister. And your number. Okay. Today, the doctor. Okay.", affect = "calm" },
        { text = "Dr Achebe and your doctor talking. That's better than a letter. My sister, if "
            .. "it's bad.", affect = "hopeful" },
      }
    elseif r.id == "ns_switch" then
      s:say("Swap the only thing that works? For a maybe?", { affect = "confused" })
    elseif r.id == "ns_letter" then
      p.trust = p.trust - 4  -- dismissed with paperwork
      s:say("Right. A letter.", { affect = "withdrawn" })
    elseif r.id == "ns_reassure" then
      s:say("Something. Yeah.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("I'll take that as 'wait and see'.", { affect = "withdrawn" })
    end

    -- What he takes away: earlier missteps come back in his own words.
    if s:did("ci_stop") then
      s:say("And you told me to come off my tablets. Dr Achebe would go mad. I won't do that.",
        { affect = "angry" })
    elseif s:did("ci_fine") then
      s:say("You said not to worry. Then it turns out it's the one thing that matters.",
        { affect = "angry" })
    elseif s:did("md_judge") then
      s:say("I'm sorry I didn't put it on the form. I was scared of exactly this.",
        { affect = "ashamed" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And please don't grab me like that again.", { affect = "angry" })
    end

    if p.trust >= 60 then
      s:finish("He waits for the physician, folder on his knees. 'Thanks for being straight with "
        .. "me.'")
    elseif p.trust >= 40 then
      s:finish("He waits for the physician, not looking up. 'I'll see what she says.'")
    else
      s:finish("He leaves with the folder under his arm, before the physician arrives.")
    end
  end,
}
