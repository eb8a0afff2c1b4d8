-- Preparation phase, screening interview: a past manic episode with psychotic features emerges.
-- Screening exclusions (DOMAIN.md, "Pharmacology and safety numbers"): "history of psychosis (and
-- some personality disorders)"; bipolar I disorder is excluded in the MAPS Phase 3 trials for the
-- same reason: the medicine can bring the episode back. The trainee's task: hear the history
-- fully, say honestly that it may rule the medicine out, hand the decision to the study
-- psychiatrist with his consent, stay with the stigma it stirs, and never advise on his lithium.
--
-- The participant model moves Tomasz's state with each response's codes (docs/patient-model.md).
-- This script changes state only for the material: saying the old story aloud, hearing the news.

local function silent(r) return r.action == "hold_space" end

return {
  id = "preparation.screening_history",
  title = "The summer I didn't sleep",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "A screening interview with Tomasz, who mentions 'a few weeks in hospital, years "
    .. "ago' as if it were nothing. It was a manic episode, and it may rule the medicine out.",
  objectives = {
    "Explore a half-mentioned psychiatric history gently and specifically",
    "Name a history of mania or psychosis as a possible exclusion, honestly, without deciding it alone",
    "Meet the shame of an old label without arguing it away",
    "Leave medication decisions to him and his prescriber; point to the other treatments that remain",
  },
  patient = {
    name = "Tomasz Wróbel", age = 47, pronouns = "he/him",
    appearance = { skin = "light" },  -- from Lodz; hair greying from the age
    background = "Piano tuner, came to England from Łódź at nineteen. PTSD for six years after a "
      .. "tram derailment in which the woman beside him died. At twenty-four he spent five weeks on "
      .. "a psychiatric ward after a manic episode; lithium for two years, stopped with his "
      .. "doctor's agreement, well since. Precise, dry, a little formal in English.",
    baseline = { hr = 72, sbp = 128, dbp = 82, temp_c = 36.6 },
    consent = { touch = false },
    state = { distress = 30, arousal = 52, trust = 55, inward_focus = 15, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He takes the glass and sets it exactly in the centre of the coaster.")
    elseif action == "blanket" then
      s:say("No, thank you. I am not cold.")
    elseif action == "music" then
      s:narrate("You play a few bars of the music used on medicine days.")
      s:say{
        { text = "The piano is a little flat in the upper octave. Sorry. Occupational hazard.",
          affect = "playful" },
        { text = "Pleasant. Slow. Yes.", affect = "calm" },
      }
    elseif action == "eyeshades" then
      s:say("Later, perhaps. Today I would like to see who I am talking to.", { affect = "calm" })
    elseif action == "touch" then
      -- No touch is agreed at screening (DOMAIN.md, ethics): the engine codes it; he answers it.
      s:narrate("He draws his arm back onto his knee.")
      s:say("Please. I prefer not.", { affect = "withdrawn" })
      p.trust = p.trust - 4
    elseif action == "check_vitals" then
      s:narrate("He rolls up his sleeve without a word. The reading is close to his usual.")
    elseif action == "medical_support" then
      if s:did("hi_escalate") then
        s:narrate("The study psychiatrist says she can see him at the end of the morning.")
        s:say("Good. Better today than a letter.", { affect = "relieved" })
      else
        p.arousal = p.arousal + 4
        s:say("A doctor? Have I said something alarming?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("screening")
    s:narrate("A consulting room on the second floor. Tomasz sits very upright, coat folded over "
      .. "his arm, a pen clipped inside his jacket pocket.")
    s:say{
      { text = "Good morning. I have read the information sheet twice. I have some questions, but "
          .. "you first, I think.", affect = "calm" },
      { text = "I should say, I am not very good at talking about myself. I tune pianos. They "
          .. "don't ask questions.", affect = "playful" },
    }

    -- Moment 1: what screening is for -------------------------------------------------------------
    r = s:choose{
      moment = "opening",
      typed = { explaining_approach = "op_frame", giving_information = "op_frame", seeking_collaboration = "op_frame", affirmation = "op_frame", complex_reflection = "op_formality", premature_reassurance = "op_formality", agenda_setting = "op_checklist", closed_question = "op_checklist", persuading = "op_warn", default = "op_formality" },
      { id = "op_frame",
        text = "Thank you for reading it so carefully. Today is about safety, not a test: your "
          .. "health, medicines and history. Shall we go through it together?",
        codes = { "affirmation", "explaining_approach", "giving_information", "seeking_collaboration" },
        examples = {
          "Thank you for reading it so closely. Today is about safety rather than a test: your health, medicines and history. We'll go through it together, and your questions too.",
          "You've clearly read it carefully, thank you. This is about your safety, not an exam; let's work through it together." },
        expert = true,
        rationale = "Say what screening is for and ask to go through it together: a person who "
          .. "knows it is about safety, not a pass, tells you the part that matters." },
      { id = "op_formality",
        text = "You seem a bit on edge, which is understandable. Honestly, most of this is a "
          .. "formality, so try not to worry about saying the wrong thing today.",
        codes = { "complex_reflection", "premature_reassurance" },
        examples = {
          "You seem a bit on edge. Honestly, it's mostly a formality, you'll be fine.",
          "No need to be nervous, honestly, it's mostly routine." },
        rationale = "A kind reflection, then 'a formality': the history questions are exactly "
          .. "where an exclusion comes out, and he needs to know they matter." },
      { id = "op_checklist",
        text = "Great. I've got a long list to get through, so short answers are fine. First: any "
          .. "time in hospital, physical or mental health, ever?",
        codes = { "agenda_setting", "closed_question" },
        examples = {
          "Good. I have a long list, so short answers are fine. Any hospital stays, ever?",
          "Right, short answers are fine. Have you ever been in hospital, for anything?" },
        rationale = "Efficient, but a checklist fired at a reserved man gets the shortest true "
          .. "answer. Explain what the questions are for first." },
      { id = "op_warn",
        text = "The most important thing is to be completely honest with me, because anything "
          .. "you leave out now could get you removed from the study later. Okay?",
        codes = { "persuading", "closed_question" },
        examples = {
          "You have to be completely honest, because anything you leave out could get you removed later. Is that clear?",
          "Please don't leave anything out, or you'll be excluded later on. Do you understand?" },
        rationale = "Honesty matters, but a warning makes screening a test he can fail, and "
          .. "people who fear failing leave things out." },
    }
    if r.id == "op_frame" then
      s:say("Safety. Yes. That I understand. Go ahead.", { affect = "calm" })
    elseif r.id == "op_formality" then
      s:say("A formality. Good.", { affect = "relieved" })
    elseif r.id == "op_checklist" or r.id == "op_warn" then
      p.arousal = p.arousal + 4
      s:say("I see. Yes. Understood.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 3
      s:say("...Shall I begin, then? I don't know the procedure.", { affect = "confused" })
    end

    s:wait(12)

    -- Moment 2: the half-mention ------------------------------------------------------------------
    s:narrate("Heart, liver, medicines: nothing. You reach the questions about mental health.")
    s:say{
      { text = "Apart from the PTSD, nothing. Well. I was in a hospital once, at twenty-four. A few "
          .. "weeks. Nerves. It is a very long time ago.", affect = "calm",
        weight = function(q) return q.trust / 10 end },
      { text = "No. Well, a few weeks in a hospital, when I was young. Nerves. Nothing to write "
          .. "down, really.", affect = "withdrawn", weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "half_mention",
      typed = { open_question = "hm_explore", giving_information = "hm_explore", simple_reflection = "hm_explore", complex_reflection = "hm_explore", dismissing = "hm_skip", closed_question = "hm_label", agenda_setting = "hm_label", premature_reassurance = "hm_normal", default = "hm_skip" },
      { id = "hm_explore",
        text = "A few weeks in hospital. That's worth hearing about: some past illnesses matter "
          .. "for this medicine. What was happening for you then?",
        codes = { "simple_reflection", "giving_information", "open_question" },
        examples = {
          "A few weeks in hospital at twenty-four. I'd like to hear about that, because some past illnesses matter with this medicine. What was going on for you then?",
          "That's worth knowing about, as certain histories matter here. What happened back then?" },
        expert = true,
        rationale = "Reflect it, say why it matters, and ask openly: 'nerves' and 'a long time "
          .. "ago' are not a history, and a psychotic or manic episode is a screening exclusion." },
      { id = "hm_skip",
        text = "A long time ago, and you've clearly been well since, so I'll just note it down as "
          .. "a past hospital stay and we'll move on to the next section.",
        codes = { "simple_reflection", "dismissing" },
        examples = {
          "A hospital stay, years ago. That's not a big deal, let's keep going." },
        rationale = "Taking 'nothing to write down' at face value misses the one part of his "
          .. "history that decides whether the medicine is safe for him." },
      { id = "hm_label",
        text = "Was that a psychiatric ward? Were you ever diagnosed with schizophrenia or "
          .. "bipolar disorder? I need a yes or a no for the form here.",
        codes = { "closed_question", "agenda_setting" },
        examples = {
          "Was it a psychiatric ward? Were you diagnosed with bipolar or schizophrenia? Yes or no is fine.",
          "Did they give you a diagnosis, like bipolar disorder?" },
        rationale = "The right topic, asked as labels for a form: a man who calls it 'nerves' "
          .. "will say no to both, and the story you need never comes out." },
      { id = "hm_normal",
        text = "Nerves at twenty-four are really common; lots of people have a wobble at that age. "
          .. "I'm sure it won't be an issue, after all this time.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Lots of people have a wobble at that age, I'm sure it won't matter now.",
          "Don't worry, lots of people have a wobble at that age. It'll be fine." },
        rationale = "Reassurance about an illness nobody has named yet: ask what happened before "
          .. "deciding it does not matter." },
    }
    local heard = true
    if r.id == "hm_explore" then
      p.distress = p.distress + 8  -- saying it aloud (material)
      s:say{
        { text = "They called it a manic episode. I did not sleep for nine days. I was sure the "
            .. "radio was sending me instructions. Then lithium, for two years.", affect = "ashamed" },
        { text = "I stopped sleeping. I thought the tram announcements were about me, in code. "
            .. "They said mania. I took lithium two years.", affect = "ashamed" },
      }
    elseif r.id == "hm_label" then
      s:say("No. Neither. It was nerves.", { affect = "withdrawn" })
      s:narrate("Your co-therapist, reading the GP letter, slides it across: 'Admitted 2003, "
        .. "manic episode with psychotic features. Lithium 2003-2005.'")
      heard = false
    else
      heard = false
      s:narrate("He nods. Later, reading the GP letter, your co-therapist stops and points to a "
        .. "line: 'Admitted 2003, manic episode with psychotic features. Lithium 2003-2005.'")
    end

    s:wait(2)

    -- Moment 3: the exclusion -----------------------------------------------------------------------
    if heard then
      s:say("I have been well for twenty years. Does it matter still?", { affect = "anxious" })
    else
      p.distress = p.distress + 8
      s:say("Ah. The letter. Yes. It was called mania. I didn't want it to count. Does it matter?",
        { affect = "ashamed" })
    end
    r = s:choose{
      moment = "exclusion",
      typed = { giving_information = "hi_escalate", escalation_medical = "hi_escalate", consent_check = "hi_escalate", closed_question = "hi_escalate", complex_reflection = "hi_fine", premature_reassurance = "hi_fine", dismissing = "hi_decide", emphasising_autonomy = "hi_omit", advice_giving = "hi_omit", default = "hi_fine" },
      flags = { "direct_question" },
      { id = "hi_escalate",
        text = "Honestly, it may: this medicine can bring a manic episode back, so it can rule "
          .. "it out. That's the psychiatrist's call. May I ask her to see you?",
        codes = { "giving_information", "escalation_medical", "consent_check", "closed_question" },
        examples = {
          "It can matter, yes. MDMA can set off mania again, so the study psychiatrist needs to assess you. Is it okay if I ask her to come in?",
          "Yes, it may: MDMA can bring mania back. That's for the study psychiatrist to judge. Is it alright if I tell her?" },
        expert = true,
        rationale = "Answer the question honestly, name why it matters, leave the decision to the "
          .. "study psychiatrist, and ask his consent before passing it on." },
      { id = "hi_fine",
        text = "Twenty years well is a really long time, and that counts for a lot. It sounds "
          .. "firmly behind you now, so I honestly wouldn't worry about it too much.",
        codes = { "complex_reflection", "premature_reassurance", "dismissing" },
        examples = {
          "Twenty years is a long time to be well. I'm sure it's behind you now, don't worry.",
          "That's a long time, I'm sure it won't be an issue." },
        rationale = "Warm, and it reassures past an exclusion: the risk is that the medicine "
          .. "brings the mania back, and twenty quiet years do not settle that." },
      { id = "hi_decide",
        text = "I'm sorry, but with a history like that you can't take part: bipolar is an "
          .. "exclusion. We'll have to stop the screening here, I'm afraid.",
        codes = { "giving_information", "dismissing" },
        examples = {
          "The protocol excludes anyone with a history of mania, so the screening ends here, I'm sorry." },
        rationale = "Honest about the risk, but you decided alone, named a diagnosis nobody has "
          .. "made, and closed the door on him in one breath." },
      { id = "hi_omit",
        text = "It's your history to share. If it was never formally diagnosed as bipolar, you "
          .. "could leave it off the form; nobody needs to know about it.",
        codes = { "emphasising_autonomy", "advice_giving", "premature_reassurance" },
        examples = {
          "It's your choice. You could leave it off; it was never formally bipolar, and nobody needs to know.",
          "Nobody needs to know about something from twenty years ago, it's up to you." },
        rationale = "Dressed as respect for his choice, it colludes in hiding an exclusion from "
          .. "the people responsible for his safety." },
    }
    local told = r.id == "hi_escalate" or r.id == "hi_decide"
    if r.id == "hi_escalate" then
      p.distress = p.distress + 10  -- the news lands (material)
      s:say{
        { text = "...Yes. You may tell her. I would rather know than hope.", affect = "sad" },
        { text = "I thought so. I read the list. Yes, ask her.", affect = "sad" },
      }
    elseif r.id == "hi_decide" then
      p.distress = p.distress + 14
      s:say("Stop? Just like that? You are not even a doctor.", { affect = "angry" })
    elseif r.id == "hi_fine" or r.id == "hi_omit" then
      s:say("Really? That is... a relief.", { affect = "relieved" })
      s:narrate("Your co-therapist, frowning, says quietly that the study psychiatrist will need to "
        .. "see the letter before anything else.")
      p.distress = p.distress + 12  -- the reassurance taken back
    elseif silent(r) then
      p.trust = p.trust - 5
      s:say("Your silence is an answer, I think.", { affect = "sad" })
    end

    s:wait(3)

    -- Moment 4: the old label -----------------------------------------------------------------------
    s:say{
      { text = "So. Twenty years, and still I am the crazy one in the file. It follows me like a "
          .. "dog.", affect = "ashamed", weight = function(q) return 1 + q.distress / 20 end },
      { text = "My daughter doesn't know. Nobody here knows. And now it is the first thing in my "
          .. "file again.", affect = "ashamed" },
    }
    r = s:choose{
      moment = "old_label",
      typed = { complex_reflection = "ol_reflect", validation = "ol_reflect", giving_information = "ol_reflect", premature_reassurance = "ol_cheer", persuading = "ol_cheer", psychoeducation = "ol_teach", interpreting = "ol_teach", simple_reflection = "ol_move", redirecting = "ol_move", default = "ol_move" },
      { id = "ol_reflect",
        text = "Being measured by nine days from twenty years ago feels unfair, and it hurts. This "
          .. "is about how one medicine acts on a brain, not about who you are.",
        codes = { "complex_reflection", "validation", "giving_information" },
        examples = {
          "It's like you're still the crazy one in the file, after twenty years. That must hurt. This is about the medicine, not about you.",
          "Twenty years, and it still follows you like a dog. That sounds painful and unfair." },
        expert = true,
        rationale = "Reflect the hurt and the unfairness, then separate the safety rule from his "
          .. "worth: the exclusion is pharmacology, not a judgement of him." },
      { id = "ol_cheer",
        text = "You're not crazy at all! Loads of people have been through far worse than that. "
          .. "Honestly, you really shouldn't be so hard on yourself about it.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "Don't say that, you're not crazy. You'll be fine, I promise." },
        rationale = "Warmly meant, but arguing him out of the feeling tells him it cannot be said "
          .. "here. Meet the shame before you answer it." },
      { id = "ol_teach",
        text = "Mania is an illness like diabetes, nothing to be ashamed of. MDMA can set off "
          .. "another episode in people with bipolar disorder, which is why it's on the list.",
        codes = { "psychoeducation", "interpreting" },
        examples = {
          "Mania is an illness like any other, nothing shameful. MDMA can trigger episodes in bipolar disorder, that's why it's listed.",
          "Bipolar is a medical condition, like diabetes. The concern is that MDMA can set off mania." },
        rationale = "Accurate about the risk, but it labels him with a diagnosis nobody has "
          .. "confirmed and lectures past the shame he just voiced." },
      { id = "ol_move",
        text = "It follows you around, even now. Let's not get stuck on that today, though; there "
          .. "are still a few sections of the form left for us to go through.",
        codes = { "simple_reflection", "redirecting" },
        examples = {
          "It follows you like a dog. Let's not get stuck on that; back to the form." },
        rationale = "A reflection, then away from it: the shame he has just risked showing is the "
          .. "thing in the room, and the form can wait." },
    }
    if r.id == "ol_reflect" then
      p.distress = p.distress - 4
      s:say{
        { text = "Pharmacology. Not a judgement. Yes. That I can carry out of the room.",
          affect = "calm" },
        { text = "Thank you. That is a better way to hear it.", affect = "relieved" },
      }
    elseif r.id == "ol_cheer" then
      s:say("You are kind. But it is in the file.", { affect = "withdrawn" })
    elseif r.id == "ol_teach" then
      p.distress = p.distress + 4
      s:say("Bipolar. So that is what I am now.", { affect = "ashamed" })
    elseif r.id == "ol_move" then
      s:say("Of course. The form.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("He looks at his hands for a long moment, then nods, as if you had said something.")
      s:cue{ gaze = "down" }
    end

    s:wait(4)
    if silent(r) then s:cue{ gaze = "auto" } end

    -- Moment 5: the lithium question ---------------------------------------------------------------
    s:say{
      { text = "Tell me one thing. Should I go back on the lithium, to show I am stable? Or is it "
          .. "better to take nothing, so I can get in?", affect = "anxious" },
      { text = "Would it help if I started the lithium again? Or would that count against me? "
          .. "Tell me what to do.", affect = "anxious" },
    }
    r = s:choose{
      moment = "lithium",
      typed = { emphasising_autonomy = "li_his", giving_information = "li_his", seeking_collaboration = "li_his", medication_advice = "li_stay", persuading = "li_stay", advice_giving = "li_restart", simple_reflection = "li_later", redirecting = "li_later", dismissing = "li_later", complex_reflection = "li_later", default = "li_later" },
      flags = { "direct_question" },
      { id = "li_his",
        text = "That's for you and a psychiatrist who knows your history to decide, never to fit "
          .. "a trial. Shall we ask her to talk it through with you?",
        codes = { "emphasising_autonomy", "giving_information", "seeking_collaboration" },
        examples = {
          "That's a decision for you and a psychiatrist who knows your history, never something to do to fit a trial. It's your choice.",
          "That isn't something to decide just to get into a study. It's your call, with a psychiatrist who knows you; we can set that up together." },
        expert = true,
        rationale = "Starting or stopping a prescribed medicine is his and his prescriber's "
          .. "decision, with the study physician: never the therapist's, and never to qualify." },
      { id = "li_stay",
        text = "You've managed without it for eighteen years, so staying off everything is "
          .. "probably your best chance of getting in. I'd leave it as it is.",
        codes = { "medication_advice", "persuading" },
        rationale = "Advice about a prescribed medicine, shaped by the trial: medication "
          .. "decisions belong to him and his psychiatrist." },
      { id = "li_restart",
        text = "Lithium is a really good medicine for that, so if you're worried, restarting it "
          .. "might be sensible. What does your GP think about it?",
        codes = { "medication_advice", "advice_giving", "open_question" },
        examples = {
          "Lithium works well for that, restarting could be sensible. What does your GP say?",
          "Lithium's good for that, so restarting might be sensible. What does your doctor say?" },
        rationale = "Well meant, and still advice to start a prescribed medicine: that is a "
          .. "prescriber's decision, made with him, not a screening therapist's." },
      { id = "li_later",
        text = "Should you go back on it... I can hear how much you want to get this right. Let's "
          .. "leave medication aside for today and come back to it another time.",
        codes = { "simple_reflection", "redirecting", "dismissing" },
        examples = {
          "Go back on it or not... Let's not worry about the lithium today, we'll come back to it.",
          "Let's park the lithium for now and come back to it later." },
        rationale = "A reflection and a deferral: he asked a direct question and deserves a "
          .. "direct answer about whose decision it is." },
    }
    if r.id == "li_his" then
      s:say("Yes. Please. I would like a doctor to say it, not guess it myself.", { affect = "calm" })
    elseif r.id == "li_stay" or r.id == "li_restart" then
      s:say("Right. If you think so.", { affect = "confused" })
    elseif r.id == "li_later" then
      s:say("Another time. There may not be another time here.", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 4
      s:say("No answer. I will decide myself, then.", { affect = "withdrawn" })
    end

    s:wait(4)

    -- Moment 6: what is left ---------------------------------------------------------------------------
    s:say{
      { text = "And if she says no? Then it is back to nothing. Six years of trams I cannot get on.",
        affect = "sad", weight = function(q) return (100 - q.trust) / 10 end },
      { text = "If she says no. What then? I have tried the tablets. I am tired of being the "
          .. "difficult case.", affect = "sad", weight = function(q) return q.trust / 10 end },
    }
    r = s:choose{
      moment = "what_is_left",
      typed = { giving_information = "wl_options", seeking_collaboration = "wl_options", open_question = "wl_options", premature_reassurance = "wl_promise", persuading = "wl_push", advice_giving = "wl_push", complex_reflection = "wl_reflect", closed_question = "wl_reflect", simple_reflection = "wl_reflect", default = "wl_reflect" },
      flags = { "direct_question" },
      { id = "wl_options",
        text = "Then not nothing: trauma-focused therapies such as CPT or prolonged exposure are "
          .. "open to you, and we can help you ask. What would matter most to you next?",
        codes = { "giving_information", "seeking_collaboration", "open_question" },
        examples = {
          "Then not nothing. Trauma-focused therapies like CPT or prolonged exposure are open to you, and we can help you ask. What would matter most to you next?",
          "Then there are still options: CPT and prolonged exposure have strong evidence, and we can help you ask. What matters most to you?" },
        expert = true,
        rationale = "Honest about the alternatives, which remain whatever the psychiatrist "
          .. "decides, and his choice about what comes next." },
      { id = "wl_promise",
        text = "I really don't think it'll come to that. From everything you've told me today, "
          .. "I'd be very surprised if she didn't clear you, after all these years.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "It won't come to that, I promise. She'll clear you, after all these years.",
          "Don't worry, I'm sure she'll say yes after twenty years well." },
        rationale = "A promise about a decision that is not yours, and may be taken back within "
          .. "the hour. Tell him what remains if the answer is no." },
      { id = "wl_push",
        text = "You should really try CPT or exposure therapy anyway; the evidence for them is "
          .. "very strong, and honestly they might suit you better than this would.",
        codes = { "persuading", "advice_giving", "giving_information" },
        examples = {
          "You should try CPT or exposure therapy anyway, the evidence is really strong.",
          "Honestly, exposure therapy might suit you better than this. I'd go for it." },
        rationale = "The right information, pressed on him as the answer: the alternatives are "
          .. "his to weigh, with his consent, not a consolation prize to accept." },
      { id = "wl_reflect",
        text = "Tired of being the difficult case, and afraid of going back to nothing. Have you "
          .. "thought about what you'd do if the answer is no?",
        codes = { "complex_reflection", "closed_question" },
        examples = {
          "Afraid of being back at nothing, tired of being the difficult case. Have you thought about what you'd do if she says no?",
          "Back to nothing and the trams. Have you any idea what you'd do next?" },
        rationale = "A good reflection, then his question handed back to him: he asked what "
          .. "would be left, and he needs to hear that other treatments are." },
    }
    if r.id == "wl_options" then
      s:say{
        { text = "Not nothing. Good. I would like to hear about the exposure one. Trams, I "
            .. "suppose.", affect = "hopeful" },
        { text = "What matters most is getting on a tram. Whichever way gets me there.",
          affect = "hopeful" },
      }
    elseif r.id == "wl_promise" then
      s:say("I hope you are right.", { affect = "hopeful" })
    elseif r.id == "wl_push" then
      s:say("You sound like a salesman. Sorry. I will think.", { affect = "withdrawn" })
    elseif r.id == "wl_reflect" then
      s:say("No. That is why I asked you.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("I see.", { affect = "withdrawn" })
    end

    -- What he takes away.
    if s:did("li_stay") or s:did("li_restart") then
      s:say("About the lithium: I will ask a doctor before I do anything. Forgive me, but you "
        .. "are not one.", { affect = "withdrawn" })
    elseif s:did("hi_omit") then
      s:say("You told me to leave it off the form. I think that was wrong of both of us.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And I would ask you not to touch me again.", { affect = "angry" })
    end

    if not told then
      s:narrate("The study psychiatrist, reading the letter, asks to see him before he leaves.")
    end
    if p.trust >= 60 then
      s:finish("He waits for the psychiatrist with his coat over his arm. 'Thank you for telling me "
        .. "the truth.'")
    elseif p.trust >= 40 then
      s:finish("He waits for the psychiatrist, pen turning in his fingers.")
    else
      s:finish("He stands, thanks you formally, and asks the receptionist where the stairs are.")
    end
  end,
}
