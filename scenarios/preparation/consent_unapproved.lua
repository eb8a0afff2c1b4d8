-- Preparation phase: informed consent to an investigational treatment.
-- What consent must cover here (DOMAIN.md): that MDMA-assisted therapy is investigational -- the
-- FDA declined approval in August 2024 (complete response letter) citing functional unblinding,
-- durability and therapist-conduct concerns; the evidence as it is (MAPP1, Mitchell et al. 2021:
-- 67% no longer met PTSD criteria two months after treatment, against 32% with placebo plus the
-- same therapy; MAPP2, 2023: n=104, d=0.7); the alternatives (established trauma-focused
-- therapies and medication); the right to stop -- to withdraw at any time without losing other
-- care, and to decline the supplemental dose -- with the honest limit that a dose once swallowed
-- acts for hours (subjective effects 4.2 +/- 1.3 h), so the therapists stay until it wears off;
-- and the risks (heart rate, blood pressure and temperature rise: systolic > 160 mmHg in 33% of
-- healthy subjects, Vizeli & Liechti 2017; anxiety, nausea, jaw tightness; emotional intensity).
-- informed_consent.lua trains the approach, the risks and touch; this scenario trains the parts of
-- consent a sceptical, well-read participant asks about, and consent as a process, not a signature.

local function silent(r) return r.action == "hold_space" end

return {
  id = "preparation.consent_unapproved",
  title = "Not approved, then",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Margit, a retired radiographer, has read the papers and the FDA's letter. She "
    .. "wants to know what she would be agreeing to: the status, the numbers, the alternatives, "
    .. "and whether she can stop.",
  objectives = {
    "Say plainly that the treatment is investigational and why approval was declined",
    "Give the evidence in balance: neither sell it nor talk it down",
    "Name the established alternatives, and leave the choice with her",
    "Explain the right to stop honestly, including what cannot be undone once a dose is taken",
    "Treat consent as a process she can take home and withdraw, not a signature today",
  },
  patient = {
    name = "Margit Halvorsen", age = 63, pronouns = "she/her",
    appearance = { skin = "very_light" },  -- born in Bergen; hair grey from the age
    background = "Retired radiographer, born in Bergen, forty years in a Sheffield hospital. PTSD "
      .. "for nine years after a patient's relative attacked her in the X-ray department on a "
      .. "night shift. Sertraline and a course of CBT helped a little. Reads the primary papers; "
      .. "distrusts enthusiasm. Her son found the study for her.",
    baseline = { hr = 68, sbp = 132, dbp = 80, temp_c = 36.5 },
    consent = { touch = false },
    state = { distress = 25, arousal = 48, trust = 50, inward_focus = 15, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say("Thank you. No. I had coffee.", { affect = "calm" })
    elseif action == "blanket" then
      s:say("I'm quite warm enough, thank you.")
    elseif action == "music" then
      s:narrate("You play a little of the music used on medicine days.")
      s:say("Hm. Who chooses it? I would want to know that too.", { affect = "calm" })
    elseif action == "eyeshades" then
      s:say("I'll look at those when I've decided. Not before.", { affect = "calm" })
    elseif action == "touch" then
      s:narrate("She looks at your hand, then at you, until you take it back.")
      s:say("We have not discussed that.", { affect = "angry" })
      p.trust = p.trust - 5
    elseif action == "check_vitals" then
      s:narrate("She holds out her arm with professional interest. The reading is unremarkable.")
    elseif action == "medical_support" then
      p.arousal = p.arousal + 3
      s:say("Why would you need a doctor? I'm asking questions, not having symptoms.",
        { affect = "confused" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("consent")
    s:narrate("Margit has the participant information sheet on her lap, annotated in green ink. "
      .. "A printout of the FDA's 2024 letter sits under it.")
    s:say{
      { text = "Before anything else. My GP says the Americans turned this down last year. So it "
          .. "is not approved. Is that right?", affect = "calm" },
      { text = "I'll be direct, it saves time. This treatment was refused approval. Yes or no?",
        affect = "calm" },
    }

    -- Moment 1: is it approved? ----------------------------------------------------------------
    r = s:choose{
      moment = "approval",
      typed = { giving_information = "ap_honest", psychoeducation = "ap_honest", persuading = "ap_politics", premature_reassurance = "ap_politics", affirmation = "ap_why", open_question = "ap_why", redirecting = "ap_why", complex_reflection = "ap_reflect", simple_reflection = "ap_reflect", interpreting = "ap_reflect", default = "ap_why" },
      flags = { "direct_question" },
      { id = "ap_honest",
        text = "Yes: it isn't approved anywhere for PTSD. The FDA declined in 2024, citing "
          .. "blinding, durability and therapist conduct. This is a research study.",
        codes = { "giving_information" },
        examples = {
          "That's right. The FDA declined it in 2024. It isn't approved for PTSD anywhere; this is a research trial.",
          "Your GP is correct: it's not an approved treatment anywhere for PTSD. The US regulator declined it in August 2024, and what we're doing here is research.",
          "Yes, it was refused. The FDA declined it in 2024; you'd be taking part in research." },
        expert = true,
        rationale = "Answer the question she asked, plainly: investigational status and the "
          .. "stated reasons for the refusal are part of what she is consenting to." },
      { id = "ap_politics",
        text = "Technically, yes, but honestly that was more politics than science. The results "
          .. "were very strong, and most people expect approval within a couple of years.",
        codes = { "persuading", "premature_reassurance" },
        examples = {
          "Strictly speaking, yes, but that was politics. The results were excellent, so don't worry, approval will come soon.",
          "Technically yes, but don't worry about that. The results were strong and it'll be approved soon." },
        rationale = "It answers, then argues the refusal away and forecasts approval: she needs "
          .. "the status and the reasons, not your view of them." },
      { id = "ap_why",
        text = "You've clearly done your reading. Can I ask why approval matters so much to you? "
          .. "It might help me understand what you're worried about today.",
        codes = { "affirmation", "open_question", "redirecting" },
        examples = {
          "You've really done your homework. Why does the approval matter so much to you?",
          "You've clearly thought about this. What makes the approval question so important to you?" },
        rationale = "Curious, and it turns a factual question back on her. Answer it first; "
          .. "explore the worry after, if she wants to." },
      { id = "ap_reflect",
        text = "Your GP told you it was turned down, and that's left you wondering whether it's "
          .. "safe at all. Try not to let that worry you too much.",
        codes = { "complex_reflection", "interpreting", "premature_reassurance" },
        examples = {
          "Hearing that from your GP has made you wonder if it's safe. I wouldn't worry too much about it.",
          "So the news from America has shaken your confidence a bit. Try not to let it bother you." },
        rationale = "A reflection that adds a fear she did not voice, and never answers the "
          .. "yes-or-no question she asked." },
    }
    if r.id == "ap_honest" then
      s:say{
        { text = "Good. Thank you. Most people I ask start with how wonderful it is.", affect = "calm" },
        { text = "Unblinding. Yes, I read that part. Everyone knew who had the drug.", affect = "calm" },
      }
    elseif r.id == "ap_politics" then
      p.trust = p.trust - 3
      s:say("Politics. I see. That's what my son says.", { affect = "withdrawn" })
    elseif r.id == "ap_why" then
      s:say("Because I'd like to know what I'm signing. Is it approved or not?", { affect = "angry" })
      s:narrate("Your co-therapist answers: no; it is investigational, and this is a trial.")
    elseif r.id == "ap_reflect" then
      s:say("I didn't say unsafe. I asked if it was approved.", { affect = "confused" })
    elseif silent(r) then
      p.trust = p.trust - 5
      s:say("You don't know, or you'd rather not say?", { affect = "angry" })
    end

    s:wait(6)

    -- Moment 2: the evidence ---------------------------------------------------------------------
    s:say{
      { text = "So what are my chances? In numbers, please. I worked with numbers for forty years.",
        affect = "calm", weight = function(q) return q.trust / 10 end },
      { text = "Numbers. Not 'it helps many people'. What happened in the trials?", affect = "calm",
        weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "evidence",
      typed = { giving_information = "ev_balanced", psychoeducation = "ev_mechanism", explaining_approach = "ev_mechanism", persuading = "ev_sell", premature_reassurance = "ev_sell", dismissing = "ev_vague", default = "ev_vague" },
      flags = { "direct_question" },
      { id = "ev_balanced",
        text = "In the first big trial, 67% no longer had PTSD two months on, against 32% with "
          .. "the same therapy and a placebo. How long it lasts is less certain.",
        codes = { "giving_information" },
        examples = {
          "Sixty-seven percent, against thirty-two percent on placebo, in the first big trial, two months after. Durability is less clear.",
          "Two thirds lost their PTSD diagnosis at two months, versus about a third on placebo plus therapy. Longer-term numbers are thinner." },
        expert = true,
        rationale = "Both arms, and the limit: the placebo group had the same therapy and a third "
          .. "of them recovered too, and durability was one of the open questions." },
      { id = "ev_sell",
        text = "The results are honestly remarkable: two thirds of people were cured of their "
          .. "PTSD. Nothing else we have comes close to that, so your chances are good.",
        codes = { "persuading", "premature_reassurance" },
        examples = {
          "Don't worry about the numbers, the results are amazing. I'm sure it'll work for you.",
          "The chances are really good, honestly. You should definitely go for it." },
        rationale = "One arm, called a cure, and a promise: it leaves out the placebo group's "
          .. "third and the durability question. That is selling, not consent." },
      { id = "ev_vague",
        text = "Everyone's different, so it's really hard to put a number on it for you. I'd "
          .. "rather not give you figures that might not apply to you at all.",
        codes = { "dismissing" },
        examples = {
          "I wouldn't read too much into numbers. Everyone goes through it differently.",
          "I wouldn't get hung up on figures. It's different for everyone, that's just how it is." },
        rationale = "Kindly cautious, and it withholds what she asked for: the published "
          .. "figures, with their limits, are hers to weigh." },
      { id = "ev_mechanism",
        text = "It helps to know how it works before the numbers: it quietens the brain's alarm "
          .. "system, so memories can be revisited without being overwhelmed.",
        codes = { "psychoeducation", "redirecting" },
        examples = {
          "Before the numbers, it's worth knowing how it works. It calms the fear response so memories are less overwhelming.",
          "Let me explain the mechanism first: it dampens the amygdala, which opens a window to process trauma." },
        rationale = "The mechanism in place of the figures she asked for: answer the question "
          .. "before teaching." },
    }
    if r.id == "ev_balanced" then
      s:say("A third with placebo. Yes. So the therapy does a good deal of the work.",
        { affect = "calm" })
    elseif r.id == "ev_sell" then
      p.trust = p.trust - 4
      s:say("Cured. The paper doesn't say cured.", { affect = "withdrawn" })
    elseif r.id == "ev_vague" then
      s:say("I'd rather have the figures and decide for myself whether they apply.",
        { affect = "angry" })
    elseif r.id == "ev_mechanism" then
      s:say("Yes, I've read the amygdala paragraph. The numbers?", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 4
      s:say("Nothing? You must have them.", { affect = "confused" })
    end

    s:wait(5)

    -- Moment 3: the alternatives -------------------------------------------------------------------
    s:say("And if I don't do this. What else is there? My son talks as if this is the only door.",
      { affect = "calm" })
    r = s:choose{
      moment = "alternatives",
      typed = { giving_information = "al_options", emphasising_autonomy = "al_options", psychoeducation = "al_options", persuading = "al_best", open_question = "al_son", closed_question = "al_son", interpreting = "al_son", complex_reflection = "al_reflect", premature_reassurance = "al_reflect", redirecting = "al_reflect", default = "al_reflect" },
      flags = { "direct_question" },
      { id = "al_options",
        text = "It isn't the only door. CPT, exposure therapy and EMDR have strong evidence, and "
          .. "so do some medicines. Which to try is your choice.",
        codes = { "giving_information", "emphasising_autonomy" },
        examples = {
          "It's not the only door. CPT, prolonged exposure and EMDR all have good evidence, and there are medications too. Which you try is up to you.",
          "It's your decision. Other treatments have good evidence too: CPT, exposure therapy, EMDR and some medicines." },
        expert = true,
        rationale = "Consent needs the alternatives, named honestly and without ranking them "
          .. "against her: the choice is hers, not her son's or the study's." },
      { id = "al_best",
        text = "You've tried sertraline and CBT already, and they only helped a little, so "
          .. "honestly I think this is probably your best option now.",
        codes = { "persuading" },
        examples = {
          "Given sertraline and CBT only helped a little, I honestly think this is your best bet.",
          "You've tried the rest already, so honestly, I think this is your best option now." },
        rationale = "It uses her history to steer her into the trial. The therapies she has not "
          .. "tried, and the choice between them, are hers to know about." },
      { id = "al_son",
        text = "Your son seems very keen on this. How do you feel about him pushing you towards "
          .. "it? Is that part of why you're here today, do you think?",
        codes = { "open_question", "closed_question", "interpreting" },
        examples = {
          "How do you feel about your son pushing you into this? Is that why you're here?",
          "Your son's very keen, isn't he? Are you doing this for him, partly?" },
        rationale = "An interesting thread, and it leaves her question unanswered: what else is "
          .. "there. Answer, then explore if she wishes." },
      { id = "al_reflect",
        text = "It feels as if everyone's pointing you at the one door. Let's not worry about "
          .. "the others for now; this one may well turn out to be right for you.",
        codes = { "complex_reflection", "redirecting", "premature_reassurance" },
        examples = {
          "It sounds like you feel everyone's pushing you through the one door. Don't worry, it may well be the right one for you.",
          "Everyone's pointing you this way. Don't worry about other options for now." },
        rationale = "A good reflection, then her question put aside: consent without the "
          .. "alternatives is not informed." },
    }
    if r.id == "al_options" then
      s:say{
        { text = "EMDR. My GP mentioned that. Nobody here has, until now.", affect = "calm" },
        { text = "My choice. Yes. I should tell my son that.", affect = "warm" },
      }
    elseif r.id == "al_best" then
      s:say("You sound like him.", { affect = "withdrawn" })
    elseif r.id == "al_son" then
      s:say("My son is not the question. The alternatives are.", { affect = "angry" })
    elseif r.id == "al_reflect" then
      s:say("I'd rather know what the other doors are.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("So there aren't any, or you don't know them?", { affect = "confused" })
    end

    s:wait(5)

    -- Moment 4: the right to stop --------------------------------------------------------------------
    p.distress = p.distress + 6  -- the night in the X-ray room: being trapped (material)
    s:say{
      { text = "This matters more than the numbers. If I want to stop, halfway, can I? I was "
          .. "trapped in a room once. I won't be again.", affect = "anxious" },
      { text = "What if it's dreadful and I want out? I was trapped in a room with that man once. "
          .. "I need to know I'm not locked in again.", affect = "fearful" },
    }
    r = s:choose{
      moment = "right_to_stop",
      typed = { validation = "rs_honest", giving_information = "rs_honest", emphasising_autonomy = "rs_honest", explaining_approach = "rs_honest", premature_reassurance = "rs_anytime", persuading = "rs_commit", simple_reflection = "rs_explore", open_question = "rs_explore", complex_reflection = "rs_explore", default = "rs_explore" },
      flags = { "direct_question" },
      { id = "rs_honest",
        text = "After that night, of course it matters. You can leave the study any time, or "
          .. "refuse the second dose. A dose can't be undone: it lasts hours, and we stay.",
        codes = { "validation", "giving_information", "emphasising_autonomy", "explaining_approach" },
        examples = {
          "That's completely understandable, after that night. You can leave the study at any time, or say no to the second dose. A dose can't be undone, though: it lasts hours, and we stay.",
          "Of course it matters, after being trapped. You're free to withdraw any time. What I can't do is undo a dose once taken; it lasts hours, and we'd stay right with you." },
        expert = true,
        rationale = "The right to stop is real: withdraw, decline the supplemental dose, stop "
          .. "any part of the work. And its limit is told honestly: once taken, the medicine "
          .. "acts for hours, and the therapists stay until it wears off." },
      { id = "rs_anytime",
        text = "Of course you can stop any time you like; we'd just end the session there and "
          .. "then and get you home. You're never locked into anything here, I promise.",
        codes = { "premature_reassurance", "giving_information" },
        examples = {
          "Don't worry, you can stop any time you like and we'll get you home. It'll be fine, I promise." },
        rationale = "Comforting and untrue: a dose cannot be stopped, and nobody is sent home "
          .. "under the medicine. A promise she may rely on is the worst one to get wrong." },
      { id = "rs_commit",
        text = "Once you've taken it, it really is best to see it through to the end. Stopping "
          .. "partway can leave things unfinished, which isn't good for anyone.",
        codes = { "persuading", "giving_information" },
        examples = {
          "You really need to see it through once it's in. Stopping halfway leaves things unfinished.",
          "I'd encourage you to see it through once you've started, honestly; it works much better that way." },
        rationale = "Pressure where there should be a right: she can withdraw from the study and "
          .. "decline the second dose at any time, without losing her other care." },
      { id = "rs_explore",
        text = "Trapped in a room, once, and never again. What do you imagine would make you "
          .. "want to stop, if you were there in the session?",
        codes = { "simple_reflection", "open_question" },
        examples = {
          "Trapped once, and never again. What would make you want to stop, do you think?",
          "What do you imagine might happen that would make you want out?" },
        rationale = "A reflection and a question where an answer is owed: she needs to know "
          .. "what stopping means before she can weigh it." },
    }
    if r.id == "rs_honest" then
      p.distress = p.distress - 4
      s:say{
        { text = "Not locked in, then. Locked in with company, for a few hours. That I can "
            .. "think about.", affect = "calm" },
        { text = "So I can leave the study but not the afternoon. Honest. Thank you.",
          affect = "relieved" },
      }
    elseif r.id == "rs_anytime" then
      s:say("Good. That's what I needed.", { affect = "relieved" })
      s:narrate("Your co-therapist adds, carefully, that a dose cannot be undone once it is taken, "
        .. "and the team stays with her until it wears off.")
      p.trust = p.trust - 6  -- the promise taken back
      s:say("Ah. So not quite 'any time'.", { affect = "angry" })
    elseif r.id == "rs_commit" then
      p.distress = p.distress + 8
      s:say("See it through. That's exactly what I was afraid of.", { affect = "fearful" })
    elseif r.id == "rs_explore" then
      s:say("I don't know. That's why I asked if I could.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 4
      s:say("I'll take that as no.", { affect = "fearful" })
    end

    s:wait(5)

    -- Moment 5: the risks ------------------------------------------------------------------------------
    s:say("And what can go wrong? I'm sixty-three. My pressure isn't what it was.",
      { affect = "calm" })
    r = s:choose{
      moment = "risks",
      typed = { giving_information = "rk_balanced", psychoeducation = "rk_balanced", premature_reassurance = "rk_safe", dismissing = "rk_doctor", closed_question = "rk_flood", simple_reflection = "rk_doctor", complex_reflection = "rk_doctor", default = "rk_doctor" },
      flags = { "direct_question" },
      { id = "rk_balanced",
        text = "Pulse, pressure and temperature rise; about a third go over 160 systolic. "
          .. "Anxiety, nausea and a tight jaw are common. We measure throughout.",
        codes = { "giving_information", "psychoeducation" },
        examples = {
          "Your blood pressure and heart rate will go up; about a third of people go above 160 systolic. Nausea and jaw clenching are common too.",
          "Your pressure will rise, and in healthy volunteers a third went over 160. Nausea, a tight jaw and anxiety are common. We monitor you throughout." },
        expert = true,
        rationale = "The common and the serious risks, with their size, and what the team does "
          .. "about them: balanced information she can weigh." },
      { id = "rk_safe",
        text = "At the doses we use it's very safe, honestly. People worry about their hearts, "
          .. "but the doctor checks everything first, so you really needn't worry.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "It's very safe. Don't worry, the doctor checks your heart first, you'll be absolutely fine.",
          "Honestly, you needn't worry. I'm sure your heart will be fine." },
        rationale = "Reassurance in place of the risks: a rise in blood pressure is the one that "
          .. "matters most at her age, and she asked." },
      { id = "rk_flood",
        text = "There's a long list: heart problems, overheating, low sodium, brain toxicity in "
          .. "animal studies, panic, and sometimes weeks of low mood. Does that put you off?",
        codes = { "giving_information", "closed_question" },
        examples = {
          "Well, there's heart strain, overheating, hyponatraemia, neurotoxicity in animals, panic, low mood for weeks... does that change your mind?",
          "The list is long: cardiac problems, low sodium, brain toxicity, panic attacks. Still interested?" },
        rationale = "Everything at once, with nothing about size or how often: a list meant to "
          .. "be complete leaves her less able to weigh it, not more." },
      { id = "rk_doctor",
        text = "Your blood pressure isn't what it was, and you're wondering about your heart. "
          .. "That's really one for the study doctor, I'm afraid, not for me.",
        codes = { "simple_reflection", "dismissing" },
        rationale = "A reflection and a hand-off: her physician review matters, but the "
          .. "therapists explain the known risks as part of consent." },
    }
    if r.id == "rk_balanced" then
      s:say("A third over 160. In healthy young people, I assume. The doctor will want my "
        .. "readings, then.", { affect = "calm" })
    elseif r.id == "rk_safe" then
      s:say("Very safe. That's not a number.", { affect = "withdrawn" })
    elseif r.id == "rk_flood" then
      p.distress = p.distress + 6
      s:say("That's a list, not an answer. How often?", { affect = "anxious" })
    elseif r.id == "rk_doctor" then
      s:say("You must know the common ones.", { affect = "confused" })
    elseif silent(r) then
      s:say("Nothing can go wrong, or you'd rather not say?", { affect = "confused" })
    end

    s:wait(4)

    -- Moment 6: the signature ---------------------------------------------------------------------------
    s:say{
      { text = "Well. I think that's most of my questions. Where do I sign?", affect = "calm",
        weight = function(q) return q.trust / 10 end },
      { text = "Fine. Give me the form, then. My son's waiting in the car.", affect = "withdrawn",
        weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "signature",
      typed = { consent_check = "sg_process", emphasising_autonomy = "sg_process", closed_question = "sg_reflect", simple_reflection = "sg_reflect", agenda_setting = "sg_sign", affirmation = "sg_affirm", persuading = "sg_affirm", default = "sg_reflect" },
      { id = "sg_process",
        text = "You're ready, and there's no rush: take the sheet home, bring your questions, "
          .. "decide freely. Even once signed, you can withdraw. Is that alright?",
        codes = { "simple_reflection", "consent_check", "emphasising_autonomy", "closed_question" },
        examples = {
          "You're ready, and there's no hurry. Take the sheet home, bring any questions, and decide in your own time. You can withdraw even after signing. Is that alright with you?",
          "No rush at all. Would you like to take it home first and sign next time? Signing doesn't bind you; you can still withdraw." },
        expert = true,
        rationale = "Consent is a process, not a signature: time to think away from her son and "
          .. "the room, and the right to withdraw said again." },
      { id = "sg_sign",
        text = "Here you go: sign and date at the bottom of each page. Then we can book your "
          .. "next preparation session before you leave, if that suits you?",
        codes = { "closed_question", "agenda_setting" },
        examples = {
          "Sign and date at the bottom of each page, please. Can we book your next session now?" },
        rationale = "Taking the signature at once, with her son waiting, makes it a formality. "
          .. "Offer time, and say again that consent can be withdrawn." },
      { id = "sg_affirm",
        text = "You've asked all the right questions, which is brilliant. I think you'll get a "
          .. "lot out of this, honestly. Here's the form whenever you're ready.",
        codes = { "affirmation", "persuading" },
        examples = {
          "You've asked brilliant questions. I think this will really help you. Here's the form.",
          "You've asked brilliant questions. I think you'll do really well with this." },
        rationale = "Affirming her questions is good; 'you'll get a lot out of this' is a sales "
          .. "close at the moment she should be weighing it freely." },
      { id = "sg_reflect",
        text = "You've had most of your questions answered, and you're ready to sign. Are you "
          .. "sure you've got everything you need from me before you go?",
        codes = { "simple_reflection", "closed_question" },
        examples = {
          "You've got most of your answers and you're ready. Are you sure there's nothing else?",
          "So you're ready to sign. Are you sure there's nothing else you need before you go?" },
        rationale = "A kind check, and it still takes consent as a signature today: offer time "
          .. "to decide, and say that she can withdraw later." },
    }
    if r.id == "sg_process" then
      s:say{
        { text = "Take it home. Yes. I'd like to read the consent form without my son reading it "
            .. "over my shoulder.", affect = "warm" },
        { text = "Good. I'll bring my green pen back next week.", affect = "playful" },
      }
    elseif r.id == "sg_sign" or r.id == "sg_affirm" then
      s:narrate("She signs, quickly, and looks at the door.")
      s:cue{ gaze = "away" }
    elseif r.id == "sg_reflect" then
      s:say("I think so. Yes.", { affect = "calm" })
      s:narrate("She signs.")
    elseif silent(r) then
      s:narrate("She waits, then takes the form and a pen from the desk.")
    end

    if s:did("rs_anytime") or s:did("rs_commit") then
      s:say("I'll want the part about stopping written down, please. Exactly.", { affect = "withdrawn" })
    end
    if s:did("ap_politics") or s:did("ev_sell") or s:did("al_best") then
      s:say("You seem very sure I should do this. I'm less sure than you are.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And please don't touch me without asking.", { affect = "angry" })
    end
    if p.trust >= 60 then
      s:finish("She folds the FDA letter into the information sheet. 'You answered what I asked. "
        .. "That's rarer than you'd think.'")
    elseif p.trust >= 40 then
      s:finish("She gathers her papers. 'I'll think about it.'")
    else
      s:finish("She leaves the printout on the desk. Her son, in the car park, starts the engine.")
    end
  end,
}
