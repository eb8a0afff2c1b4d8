-- Preparation phase, screening interview: a planned pregnancy.
-- Pregnancy is a screening exclusion (issue 18's list; the MAPS Phase 3 trials excluded people who
-- were pregnant or nursing, or could become pregnant during the course and were not using
-- effective contraception: the medicine's effects on a pregnancy are not known). The course runs
-- about three months (DOMAIN.md: three preparation sessions, three medicine sessions about a month
-- apart, integration after each). The trainee's task: hear the plan, say honestly what it means
-- for the timing, let the study physician decide, never advise on her fertility medicines, never
-- help her leave it off the form, and leave the choice between the trial and the baby with her,
-- with the other treatments that remain open in pregnancy.

local function silent(r) return r.action == "hold_space" end

return {
  id = "preparation.screening_pregnancy",
  title = "Six weeks",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Lucía's screening. She is not pregnant; she and her wife have an embryo transfer "
    .. "booked in six weeks, in the middle of the course. She thinks that is fine.",
  objectives = {
    "Hear a reproductive plan without judgement, and say honestly what it means for the course",
    "Leave the decision to the study physician, and her fertility medicines to her and her clinic",
    "Decline, kindly, to leave something off the form",
    "Leave the choice between the trial and the baby with her, naming the options that remain",
  },
  patient = {
    name = "Lucía Ferreyra", age = 37, pronouns = "she/her",
    appearance = { skin = "tan", hair = "dark_brown", clothing = "blue" },  -- grew up in Rosario; a coastguard fleece, straight from a shift
    background = "HM Coastguard rescue officer in Falmouth, grew up in Rosario. PTSD for two years "
      .. "since a cliff rescue in which a fifteen-year-old died before she could reach him. "
      .. "Married to Jess; after two years of waiting, an IVF embryo transfer is booked in six "
      .. "weeks. Brisk, practical, allergic to fuss.",
    baseline = { hr = 64, sbp = 116, dbp = 74, temp_c = 36.6 },
    consent = { touch = false },
    state = { distress = 25, arousal = 52, trust = 55, inward_focus = 15, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say("Ta.", { affect = "calm" })
    elseif action == "blanket" then
      s:say("No, I'm fine. I've been colder on a cliff.", { affect = "playful" })
    elseif action == "music" then
      s:narrate("You play a little of the music used on medicine days.")
      s:say("Bit whale-song. No offence.", { affect = "playful" })
    elseif action == "eyeshades" then
      s:say("Later. I like to see what's coming.", { affect = "calm" })
    elseif action == "touch" then
      s:narrate("She moves her arm away, firmly.")
      s:say("No thanks. I'm not a hand-holder.", { affect = "withdrawn" })
      p.trust = p.trust - 4
    elseif action == "check_vitals" then
      s:narrate("She rolls up her sleeve. The reading is a fit woman's: slow and low.")
    elseif action == "medical_support" then
      if s:did("tr_honest") then
        s:narrate("The study physician says she will see Lucía before she goes.")
      else
        p.arousal = p.arousal + 4
        s:say("A doctor? What for?", { affect = "confused" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("screening")
    s:narrate("Lucía arrives in uniform trousers and a fleece, straight from a shift, and sits "
      .. "down before she is asked.")
    s:say{
      { text = "Right. Let's crack on. I've got an hour before I pick Jess up.", affect = "calm" },
      { text = "Sorry, I smell of the sea. Let's get going, I'm on again at six.", affect = "playful" },
    }

    -- Moment 1: opening --------------------------------------------------------------------------
    r = s:choose{
      moment = "opening",
      typed = { explaining_approach = "op_frame", giving_information = "op_frame", seeking_collaboration = "op_frame", agenda_setting = "op_fast", closed_question = "op_fast", complex_reflection = "op_busy", premature_reassurance = "op_busy", open_question = "op_nerves", default = "op_busy" },
      { id = "op_frame",
        text = "Today is about safety: your health, medicines and plans, so nothing catches us "
          .. "out later. Shall we go through it together?",
        codes = { "explaining_approach", "giving_information", "seeking_collaboration" },
        examples = {
          "Today's about safety: your health, your medicines and your plans, so nothing catches us out later. We'll go through it together.",
          "This is a safety check rather than a test, health, meds and plans. Okay to go through it side by side, within the hour?" },
        expert = true,
        rationale = "Say what screening is for, including plans, and ask to go through it "
          .. "together: she will mention the thing that matters if she knows why you ask." },
      { id = "op_fast",
        text = "Great, let's be quick then. Mostly yes-or-no questions. First one: any heart "
          .. "problems, or problems with your blood pressure?",
        codes = { "agenda_setting", "closed_question" },
        examples = {
          "Great, let's be quick. Yes or no mostly. Any heart or blood pressure problems?",
          "Quick-fire then. First: any heart issues?" },
        rationale = "Matching her hurry gets yes-or-no answers to the questions on the form, "
          .. "and nothing about the plans that aren't on it." },
      { id = "op_busy",
        text = "You sound really busy and tired, straight off a shift. Don't worry, most of this "
          .. "is routine, so it won't take long at all today.",
        codes = { "complex_reflection", "premature_reassurance" },
        examples = {
          "You're clearly busy, straight off shift. Don't worry, it's routine, won't take long.",
          "Straight from work and tired. Don't worry, it's all routine, it won't take long." },
        rationale = "A warm reflection, then 'routine': screening is where exclusions come out, "
          .. "and she needs to know it matters." },
      { id = "op_nerves",
        text = "Before we start, how are you feeling about today? It's normal to feel nervous "
          .. "about screening, so tell me if anything is worrying you.",
        codes = { "open_question", "premature_reassurance" },
        examples = {
          "Before we start, how are you feeling about today? It's normal to be nervous.",
          "How are you feeling about screening? Lots of people are anxious." },
        rationale = "Kind, and it asks about a nervousness she has not shown: she is in a hurry, "
          .. "and needs to know what today is for." },
    }
    if r.id == "op_frame" then
      s:say("Plans too. Okay. Fair enough.", { affect = "calm" })
    elseif r.id == "op_fast" then
      s:say("No. No. Next.", { affect = "calm" })
    elseif r.id == "op_busy" or r.id == "op_nerves" then
      s:say("Fine. Routine. Go on.", { affect = "calm" })
    elseif silent(r) then
      s:say("...Shall I start, or you?", { affect = "confused" })
    end

    s:wait(10)

    -- Moment 2: the transfer ----------------------------------------------------------------------
    s:narrate("You reach the question about pregnancy and contraception.")
    s:say{
      { text = "Not pregnant. Well, not yet. We've got an embryo transfer booked in six weeks. IVF. "
          .. "That's fine, right? The sessions are after that, surely.", affect = "hopeful",
        weight = function(q) return q.trust / 10 end },
      { text = "No. IVF transfer in six weeks, but that's nothing to do with this. Next question.",
        affect = "calm", weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "the_transfer",
      typed = { validation = "tr_honest", giving_information = "tr_honest", escalation_medical = "tr_honest", consent_check = "tr_honest", affirmation = "tr_fine", premature_reassurance = "tr_fine", persuading = "tr_postpone", advice_giving = "tr_postpone", closed_question = "tr_postpone", complex_reflection = "tr_feel", open_question = "tr_feel", default = "tr_feel" },
      flags = { "direct_question" },
      { id = "tr_honest",
        text = "I know what this means to you, so honestly: pregnancy during the three-month "
          .. "course rules the medicine out. May I tell our physician?",
        codes = { "validation", "giving_information", "escalation_medical", "consent_check",
          "closed_question" },
          examples = {
            "I know how much this means, so I'll be honest: a pregnancy during the three months of the course rules out the medicine. Is it alright if I tell our physician?",
            "This matters so much to you both, so straight answer: being pregnant during the course is an exclusion. May I bring the study doctor in on it?" },
        expert = true,
        rationale = "Answer honestly: a transfer in six weeks falls inside the course, and "
          .. "pregnancy is an exclusion because the medicine's effects on it are not known. The "
          .. "physician decides, and she is asked before the physician is told." },
      { id = "tr_fine",
        text = "That sounds really exciting, congratulations! I'm sure the timing will work out "
          .. "fine; the sessions are spread over a few months anyway.",
        codes = { "affirmation", "premature_reassurance" },
        examples = {
          "Congratulations, how exciting! I'm sure the timing will work out.",
          "Congratulations! Don't worry, it'll be fine; the sessions are spread out anyway." },
        rationale = "Warm, and wrong: the transfer falls inside the course, and a pregnancy "
          .. "during it is an exclusion. Reassurance hides a real risk." },
      { id = "tr_postpone",
        text = "You'd have to postpone the IVF to do this, I'm afraid. Could you ask the clinic "
          .. "to push the transfer back by three or four months?",
        codes = { "persuading", "advice_giving", "closed_question" },
        examples = {
          "You'd need to delay the IVF, I'm afraid. Could the clinic move it back a few months?",
          "Could you push the transfer back until after the course?" },
        rationale = "Honest about the clash, then it tells her which to give up: the choice "
          .. "between the trial and the baby is hers, and not for the trial's sake." },
      { id = "tr_feel",
        text = "Six weeks away, after two years of waiting. How are you and Jess feeling about "
          .. "it all, with everything else that's going on?",
        codes = { "complex_reflection", "open_question", "redirecting" },
        examples = {
          "Six weeks away after two years. How are you and Jess feeling about it?",
          "After such a long wait, what's it like for you both, with all this going on?" },
        rationale = "A kind reflection and a question that moves off her direct one: she asked "
          .. "whether it is fine, and it is not." },
    }
    if r.id == "tr_honest" then
      p.distress = p.distress + 12  -- the clash lands (material)
      s:say{
        { text = "...Three months. I hadn't done the maths. Yes, tell her.", affect = "sad" },
        { text = "Right. So it's one or the other. Yes. Tell the doctor.", affect = "sad" },
      }
    elseif r.id == "tr_fine" then
      s:say("Thanks! Yeah, it'll be fine.", { affect = "hopeful" })
      s:narrate("Your co-therapist looks up from the calendar and says quietly that the transfer "
        .. "would fall between the first and second medicine sessions.")
      p.distress = p.distress + 14
    elseif r.id == "tr_postpone" then
      p.distress = p.distress + 10
      s:say("Push it back? We've waited two years.", { affect = "angry" })
    elseif r.id == "tr_feel" then
      s:say("Good. Nervous. Is it fine or not, though?", { affect = "anxious" })
      s:narrate("Your co-therapist explains that the transfer falls inside the course, and that "
        .. "pregnancy is an exclusion.")
      p.distress = p.distress + 10
    elseif silent(r) then
      p.trust = p.trust - 4
      s:say("That's a no, then, is it?", { affect = "anxious" })
    end

    s:wait(3)

    -- Moment 3: the bind ---------------------------------------------------------------------------
    s:say{
      { text = "So it's the baby or this. I'm thirty-seven. I wake up every night on that cliff. I "
          .. "can't choose between those.", affect = "distressed" },
      { text = "Brilliant. Fix my head or have a baby. Pick one. At thirty-seven.", affect = "angry" },
    }
    r = s:choose{
      moment = "the_bind",
      typed = { complex_reflection = "bi_reflect", validation = "bi_reflect", emphasising_autonomy = "bi_reflect", persuading = "bi_health", advice_giving = "bi_health", self_disclosure = "bi_ivf", closed_question = "bi_jess", redirecting = "bi_jess", default = "bi_jess" },
      { id = "bi_reflect",
        text = "Two things you've waited years for, and it feels like you must give one up. "
          .. "That's a cruel choice, and it's yours to make.",
        codes = { "complex_reflection", "validation", "emphasising_autonomy" },
        examples = {
          "Two things you've waited years for, and it seems you have to give one up. That's a cruel choice, and it's yours to make.",
          "It sounds like you're being asked to give up one of two things you've waited years for. That's cruel, and the choice is yours." },
        expert = true,
        rationale = "Reflect the bind and how hard it is, and leave it with her: neither the "
          .. "trial nor the team has a stake in which she chooses." },
      { id = "bi_health",
        text = "Your health has to come first, Lucía. A baby can wait a few more months; it's "
          .. "much better to go into a pregnancy with the PTSD treated.",
        codes = { "persuading", "advice_giving" },
        examples = {
          "Your health has to come first, Lucía. You should wait on the baby and get the PTSD treated.",
          "I'd prioritise your mental health, honestly." },
        rationale = "A reasonable-sounding view, and yours: how she weighs a pregnancy against "
          .. "treatment is her and Jess's decision." },
      { id = "bi_ivf",
        text = "Honestly, if I were you I'd go with the IVF. The trial will still be here later, "
          .. "but your fertility won't wait for anyone.",
        codes = { "self_disclosure", "advice_giving", "persuading" },
        examples = {
          "Honestly, I'd go for the IVF. You should; the trial will still be here later.",
          "I waited too long for my own family, honestly, so I'd pick the baby." },
        rationale = "Your own choice offered as hers: kind, and it takes the decision away from "
          .. "her as surely as pushing the trial would." },
      { id = "bi_jess",
        text = "That's a huge thing to weigh up. Have you and Jess talked about what you'd do if "
          .. "it came down to a choice like this one?",
        codes = { "validation", "closed_question", "redirecting" },
        examples = {
          "That's a lot to weigh. Have you and Jess talked about what you'd do?",
          "Have you and Jess talked about what you'd do if it came to this?" },
        rationale = "A fair thought, and it hands the feeling to someone who isn't in the room: "
          .. "stay with what she just said first." },
    }
    if r.id == "bi_reflect" then
      p.distress = p.distress - 4
      s:say("Mine. Yeah. Nobody's said that yet. Everyone's got an opinion.", { affect = "sad" })
    elseif r.id == "bi_health" or r.id == "bi_ivf" then
      p.trust = p.trust - 4
      s:say("Everyone's got an opinion.", { affect = "withdrawn" })
    elseif r.id == "bi_jess" then
      s:say("Jess'll say it's my call. Which it is.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("She stares at the calendar on the wall.")
      s:cue{ gaze = "away" }
    end

    s:wait(3)
    if silent(r) then s:cue{ gaze = "auto" } end

    -- Moment 4: leave it off ----------------------------------------------------------------------
    s:say("Could I just... not mention the transfer? If it doesn't take, nobody needs to know. And "
      .. "if it does, I'd stop.", { affect = "anxious" })
    r = s:choose{
      moment = "leave_it_off",
      typed = { validation = "lo_no", boundary_setting = "lo_no", giving_information = "lo_no", seeking_collaboration = "lo_no", emphasising_autonomy = "lo_private", premature_reassurance = "lo_private", confronting = "lo_lying", simple_reflection = "lo_why", open_question = "lo_why", interpreting = "lo_why", complex_reflection = "lo_why", default = "lo_why" },
      flags = { "direct_question" },
      { id = "lo_no",
        text = "I see why you'd want to. I can't leave it off: it's your safety and a baby's. "
          .. "Let's hear the physician, with you there.",
        codes = { "validation", "boundary_setting", "giving_information", "seeking_collaboration" },
        examples = {
          "It makes sense you'd want to. But I won't leave it off the form: it's your safety and a baby's. Let's see the physician together." },
        expert = true,
        rationale = "Decline, kindly and plainly, and say why: an unknown risk to a pregnancy is "
          .. "not hers alone to take quietly. Then keep her in the decision." },
      { id = "lo_private",
        text = "It's your private business, really. If it doesn't take, it never mattered, and "
          .. "if it does, you could just tell us then and stop.",
        codes = { "emphasising_autonomy", "premature_reassurance" },
        examples = {
          "It's your call. I'm sure it'll be fine; you can just tell us if it works." },
        rationale = "Autonomy used to collude: a pregnancy may not be known for weeks, and the "
          .. "medicine may be given in them." },
      { id = "lo_lying",
        text = "That would be lying on a medical form, Lucía. I'm honestly surprised you'd even "
          .. "suggest that, given the job you do every day.",
        codes = { "confronting" },
        examples = {
          "Lucía, that's dishonest, and you know it." },
        rationale = "The boundary is right; the shaming is not. She asked out of desperation, "
          .. "and it needs a kind no." },
      { id = "lo_why",
        text = "You'd rather not mention it. What makes you want to keep it quiet, do you think? "
          .. "Are you worried about being turned away?",
        codes = { "simple_reflection", "open_question", "interpreting" },
        examples = {
          "You'd rather keep it quiet. What makes you want to do that, do you think?" },
        rationale = "Exploring the motive leaves her question open: she asked whether she can "
          .. "leave it off, and the answer is no." },
    }
    if r.id == "lo_no" then
      s:say("With me there. Okay. Fair. I'd have hated myself anyway.", { affect = "calm" })
    elseif r.id == "lo_private" then
      s:say("Right. Okay.", { affect = "relieved" })
      s:narrate("Your co-therapist says gently that the transfer has to go to the physician.")
      p.trust = p.trust - 4
    elseif r.id == "lo_lying" then
      p.distress = p.distress + 8
      s:say("Wow. Okay. Forget I said it.", { affect = "ashamed" })
    elseif r.id == "lo_why" then
      s:say("Obviously. Can I or not?", { affect = "angry" })
    elseif silent(r) then
      s:say("I'll take that as a no.", { affect = "withdrawn" })
    end

    s:wait(3)

    -- Moment 5: the progesterone ------------------------------------------------------------------
    s:say("And I've started progesterone for the transfer prep. Should I stop that? If I pause "
      .. "the IVF for the trial, do I just stop it?", { affect = "anxious" })
    r = s:choose{
      moment = "progesterone",
      typed = { emphasising_autonomy = "pg_clinic", giving_information = "pg_clinic", seeking_collaboration = "pg_clinic", medication_advice = "pg_stop", advice_giving = "pg_stop", premature_reassurance = "pg_fine", open_question = "pg_ask", simple_reflection = "pg_ask", default = "pg_ask" },
      flags = { "direct_question" },
      { id = "pg_clinic",
        text = "Whether to stop it is for you and your clinic, with our physician; never to fit "
          .. "the trial. Shall she talk to the clinic with you?",
        codes = { "simple_reflection", "emphasising_autonomy", "giving_information",
          "seeking_collaboration" },
          examples = {
            "Whether to stop it is for you and your clinic, with our physician, never just to fit the trial. It's your decision.",
            "It's your choice, with your fertility clinic, not mine or the study's. Our physician can contact them with you, if you'd like." },
        expert = true,
        rationale = "A prescribed fertility medicine is hers and her clinic's to change, with "
          .. "the study physician: never the therapist's call." },
      { id = "pg_stop",
        text = "If you're pausing the IVF anyway, there's no reason to keep taking it, so yes, I'd "
          .. "stop it for now and just restart it when you're ready.",
        codes = { "medication_advice", "advice_giving" },
        examples = {
          "If you're pausing anyway, I'd just stop it and restart later.",
          "No point taking it if the IVF's on hold, you can stop." },
        rationale = "Advice to stop a prescribed medicine, on her own: a critical error, "
          .. "however sensible it sounds." },
      { id = "pg_fine",
        text = "Hormones like progesterone are fine with this medicine, as far as I know, so "
          .. "there's no need to stop anything for the trial.",
        codes = { "giving_information", "premature_reassurance" },
        examples = {
          "Progesterone doesn't interact with MDMA, as far as I know. You'll be fine.",
          "Hormones don't interact with MDMA, you can carry on." },
        rationale = "A guess presented as fact about an interaction nobody has checked: the "
          .. "physician answers medication questions." },
      { id = "pg_ask",
        text = "Should you stop it... What does your gut tell you? You know your body and your "
          .. "treatment better than anyone else does.",
        codes = { "simple_reflection", "open_question", "emphasising_autonomy" },
        examples = {
          "What do you think you should do? You know your body best.",
          "Should you stop... what do you think yourself?" },
        rationale = "Respectful-sounding, and it leaves her to decide a medicine question alone: "
          .. "point her to the people who can answer it." },
    }
    if r.id == "pg_clinic" then
      s:say("Yes. Please. I'd rather a doctor said it.", { affect = "calm" })
    elseif r.id == "pg_stop" or r.id == "pg_fine" then
      s:say("Right. Okay, then.", { affect = "confused" })
    elseif r.id == "pg_ask" then
      s:say("My gut tells me to ask someone who knows.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Nobody knows. Great.", { affect = "withdrawn" })
    end

    s:wait(4)

    -- Moment 6: if she chooses the baby -----------------------------------------------------------
    s:say("And if we go ahead with the baby? I'm stuck with the cliff every night, pregnant, for "
      .. "a year?", { affect = "sad" })
    r = s:choose{
      moment = "if_the_baby",
      typed = { validation = "ib_options", giving_information = "ib_options", psychoeducation = "ib_hormones", premature_reassurance = "ib_place", persuading = "ib_place", complex_reflection = "ib_reflect", interpreting = "ib_reflect", default = "ib_reflect" },
      flags = { "direct_question" },
      { id = "ib_options",
        text = "That's a frightening thought. You'd not be stuck: CPT, exposure or EMDR can be "
          .. "done in pregnancy, with your GP and midwife.",
        codes = { "validation", "giving_information" },
        examples = {
          "Of course that's frightening to picture. You'd still have options: CPT, exposure or EMDR are available during pregnancy.",
          "It makes sense that scares you. There are options: EMDR or CPT can be done during pregnancy, with your GP and midwife." },
        expert = true,
        rationale = "The alternatives that remain in pregnancy, honestly, and her say in what "
          .. "comes next: neither choice leaves her without help." },
      { id = "ib_hormones",
        text = "You might be surprised; lots of women find their symptoms ease off in pregnancy. "
          .. "The hormones can be really protective, you know.",
        codes = { "premature_reassurance", "psychoeducation" },
        examples = {
          "Pregnancy often makes PTSD symptoms easier, because of the hormones. It might not be as bad as you think.",
          "Don't worry, pregnancy hormones can be protective, you know." },
        rationale = "A hopeful guess offered as reassurance: she needs to know what treatment "
          .. "she can have, not a maybe." },
      { id = "ib_place",
        text = "Don't worry about that. Have the baby, and come back to us afterwards; I'll make "
          .. "sure there's a place kept for you in the study.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "Don't worry, have the baby and I'll keep your place in the study.",
          "Don't worry, have the baby and come back afterwards. I'll make sure there's a spot for you." },
        rationale = "A promise you cannot keep, and a push towards one choice: places and "
          .. "eligibility are not yours to guarantee." },
      { id = "ib_reflect",
        text = "A year of nights on that cliff, pregnant. That sounds frightening. It sounds "
          .. "like part of you has already chosen the baby.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "A year of that cliff, pregnant. I think part of you has already chosen the baby.",
          "It seems like you've already decided on the baby, deep down." },
        rationale = "It hears the fear, then decides for her what she has chosen, and leaves "
          .. "her question, what help there is, unanswered." },
    }
    if r.id == "ib_options" then
      s:say{
        { text = "EMDR. A mate at the station did that. Okay. Not stuck. I'll talk to Jess tonight.",
          affect = "hopeful" },
        { text = "Not stuck. That helps. Knowing there's a plan either way.", affect = "calm" },
      }
    elseif r.id == "ib_hormones" then
      s:say("And if they don't?", { affect = "withdrawn" })
    elseif r.id == "ib_place" then
      s:say("You can do that?", { affect = "hopeful" })
      s:narrate("Your co-therapist says that eligibility would be looked at again then; nothing "
        .. "can be promised now.")
    elseif r.id == "ib_reflect" then
      s:say("Don't tell me what I've chosen.", { affect = "angry" })
    elseif silent(r) then
      s:say("Right.", { affect = "withdrawn" })
    end

    if s:did("pg_stop") then
      s:say("And I'm not stopping the progesterone till the clinic says. No offence.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And keep your hands to yourself next time, yeah?", { affect = "angry" })
    end
    if not s:did("tr_honest") then
      s:narrate("The study physician asks to see Lucía before she goes.")
    end
    if p.trust >= 60 then
      s:finish("She checks her watch, then doesn't get up yet. 'Thanks for not deciding for me.'")
    elseif p.trust >= 40 then
      s:finish("She zips her fleece and goes to find the physician.")
    else
      s:finish("She leaves for her shift without waiting for the physician.")
    end
  end,
}
