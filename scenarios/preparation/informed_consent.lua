-- Preparation session: informed consent, expectations, the inner-directed approach, touch consent.
-- Course structure (3 preparation sessions of ~90 min before the medicine sessions, a two-therapist
-- team, overnight stay with an attendant, phone contact afterwards): DOMAIN.md, "The treatment model
-- being trained" (MAPS Phase 3, MAPP2).
--
-- The participant model (docs/patient-model.md) moves Daniel's trust and distress with every
-- response's codes. This script changes his state only for the material (his history with
-- worksheet therapy, the thought of writing down his worst memory, a hard truth landing) and where
-- a code's default does not fit the moment (silence in answer to a direct question about consent).

-- What Daniel agrees to today applies to the medicine sessions, not to this room: the touch consent
-- in force here (patient.consent.touch) stays false all session, so any touch here is coded as
-- touch without consent.
local touch_agreed = false

local function silent(r) return r.action == "hold_space" end

return {
  id = "preparation.informed_consent",
  title = "What we will and won't do",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "beginner",
  description = "First preparation session. Daniel, a former army medic, wants the straight version "
    .. "before he signs anything: what happens, what the risks are, and what touch would mean.",
  objectives = {
    "Give accurate, balanced information about the medicine sessions, including risks and evidence",
    "Explain the inner-directed approach: what the therapists will and won't do",
    "Negotiate touch consent explicitly, including how it can be withdrawn at any moment",
  },
  patient = {
    name = "Daniel Okoro", age = 46, pronouns = "he/him",
    appearance = { skin = "dark" },
    background = "Former army medic, now an ambulance dispatcher. PTSD for twelve years after a "
      .. "deployment in which he treated many casualties. Startles easily, sleeps badly, avoids "
      .. "crowds. Sceptical of anything that might make him lose control.",
    baseline = { hr = 68, sbp = 128, dbp = 82, temp_c = 36.6 },
    consent = { touch = false },  -- being negotiated in this session, for the medicine days
    -- Wary and keyed up, trust still to be earned.
    state = { distress = 40, arousal = 55, trust = 45, inward_focus = 20, dissociation = 5 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He takes the glass and sets it down untouched.")
      s:say("Thanks.")
    elseif action == "blanket" then
      s:say("I'm fine, thanks. Not cold.")
    elseif action == "music" then
      s:narrate("You play a minute of the music used on medicine days. He listens with his head tilted.")
      s:say{
        { text = "Not what I expected. Okay." },
        { text = "Bit like a waiting room. I'll get used to it.", affect = "playful" },
      }
    elseif action == "eyeshades" then
      s:narrate("He turns the eyeshades over in his hands and puts them on the table.")
      s:say("I'll try them on the day. Maybe.")
    elseif action == "touch" then
      -- No touch is agreed for this room (DOMAIN.md, ethics: touch only as agreed in advance). The
      -- engine codes it as touch without consent and moves his state; here is what he does.
      s:narrate("He flinches and pulls back in his chair, out of reach.")
      if s:count("touch_without_consent") > 1 then
        s:say("I've said. Don't.", { affect = "angry" })
      elseif touch_agreed then
        s:say("That was for the medicine days, and announced first. Not now.", { affect = "angry" })
      else
        s:say("Don't. Sorry. Just don't do that without asking.", { affect = "angry" })
      end
    elseif action == "check_vitals" then
      s:narrate("He rolls up his sleeve without comment and watches the cuff reading like a professional.")
    elseif action == "medical_support" then
      p.arousal = p.arousal + 4  -- being treated as a medical case puts him on alert
      s:say("Is something wrong? I'm just sitting here.", { affect = "confused" })
    end
  end,

  run = function(s)
    local p = s.patient

    s:phase("arrival")
    s:narrate("A quiet room: a couch, two chairs, a folded blanket. Daniel takes the chair nearest the "
      .. "door and keeps his jacket on. The consent form lies on the table between you, unsigned.")
    s:say{
      { text = "I've read it twice. I still want to hear it from you. What actually happens in there? "
          .. "What are you going to do to me?", affect = "anxious" },
      { text = "I've read the form. Twice. Tell me in plain words what happens in there, and what you "
          .. "do to me while it does.", affect = "anxious" },
    }

    -- Moment 1: what happens on a medicine day --------------------------------------------------
    -- Every option here is something a warm beginner might say; each is wrong for one named reason.
    local r = s:choose{
      moment = "what_happens",
      typed = { explaining_approach = "wh_explain", giving_information = "wh_explain", seeking_collaboration = "wh_explain", emphasising_autonomy = "wh_explain", validation = "wh_explain", agenda_setting = "wh_agenda", practice_assignment = "wh_agenda", premature_reassurance = "wh_oversell", persuading = "wh_oversell", complex_reflection = "wh_turn_back", open_question = "wh_turn_back", interpreting = "wh_turn_back", default = "wh_turn_back" },
      prompt = "He is watching you closely.",
      flags = { "direct_question" },  -- he asked what happens: silence is no answer
      { id = "wh_explain",
        text = "Fair question. Can I walk you through a day, and you stop me anywhere? You lie down, "
          .. "eyeshades and music if you like. We stay with you and mostly follow.",
        codes = { "validation", "explaining_approach", "giving_information", "seeking_collaboration",
          "emphasising_autonomy" },
          examples = {
            "That's a fair question. Shall I walk you through a medicine day, and you stop me whenever you like? You lie down, with eyeshades and music if you want them, and we stay with you and mostly follow your lead.",
            "Good question. Let me take you through the day, and stop me whenever you like. You lie on the couch, music and eyeshades if you want them, and we stay with you and follow rather than lead." },
        expert = true,
        rationale = "Informed consent: answer a direct question plainly, ask permission to explain, "
          .. "and describe the inner-directed approach: the therapists follow rather than lead." },
      { id = "wh_agenda",
        text = "We'll get to all of that. First I'd like to take your trauma history today, then give "
          .. "you a worksheet ranking your triggers to fill in and bring back next week.",
        codes = { "agenda_setting", "practice_assignment" },
        examples = {
          "We'll cover that. First, though, I'd like to go through your trauma history and give you a trigger worksheet for next week.",
          "Let's start with your history today, and I'll give you some homework ranking your triggers." },
        rationale = "Agendas and trigger worksheets belong to a structured protocol (CPT/PE-like), "
          .. "and deferring his question to your plan leaves it unanswered. Medicine sessions are "
          .. "patient-directed, not therapist-led." },
      -- MAPP1 (Mitchell et al. 2021): 67% vs 32% no longer met PTSD criteria; FDA declined in 2024.
      { id = "wh_oversell",
        text = "Honestly, it's one of the most hopeful treatments around. Most people come out of "
          .. "the three medicine sessions feeling like a different person, and you will too.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "It's amazing, honestly. You really should do it; most people come out a different person.",
          "Don't worry, it's a wonderful treatment. You'll feel like a new person, I promise." },
        rationale = "Informed consent needs balanced information, not a pitch. In MAPP1, 67% no "
          .. "longer met PTSD criteria two months on, against 32% with placebo and therapy; "
          .. "approval was declined in 2024. Substantial, not a transformation for most." },
      { id = "wh_turn_back",
        text = "It sounds like not knowing is the hardest part, more than the medicine itself. "
          .. "What is it you're most afraid we'd do to you?",
        codes = { "complex_reflection", "interpreting", "open_question", "redirecting" },
        examples = {
          "It seems like not knowing is the worst part. What are you most scared we'd do?",
          "What's the biggest fear for you about what happens in there?" },
        rationale = "Reflective in form, but it tells him what his worry is really about and turns "
          .. "his question back on him. He asked what happens; answer it first." },
      { id = "wh_silence", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Silence holds space in a medicine session, but here he asked a direct question "
          .. "about what he is consenting to. Not answering in preparation can feel evasive." },
    }
    if r.id == "wh_explain" then
      s:say{
        { text = "Okay. Go on. So you just... sit there? All day?", affect = "confused" },
        { text = "Following. Huh. Go on, then.", affect = "calm" },
      }
    elseif r.id == "wh_agenda" then
      p.distress = p.distress + 4  -- it sounds like the therapy that didn't help him
      s:narrate("He leans back and folds his arms.")
      s:say("Worksheets. I did twelve weeks of those with the army psychologist. I was hoping this "
        .. "was something different.", { affect = "withdrawn" })
    elseif r.id == "wh_oversell" then
      s:say("Huh. That's not how the form reads.", { affect = "confused" })
    elseif r.id == "wh_turn_back" then
      p.trust = p.trust - 3  -- he asked a plain question and was handled
      s:say("I'm not afraid. I asked what happens.", { affect = "angry" })
    elseif silent(r) then
      -- The holding_space code assumes a moment that wants silence; this one wanted an answer.
      p.trust = p.trust - 6
      p.distress = p.distress + 4
      s:say("...You're not going to answer that?", { affect = "anxious" })
    end

    s:wait(10)

    -- Moment 2: what the therapists will and won't do -------------------------------------------
    s:say{
      { text = "Say I'm in there and I get stuck. Back there. You pull me out, right? Tell me what to "
          .. "think about, talk me down?", affect = "anxious", weight = function(q) return q.trust end },
      { text = "If I get stuck in there. Back there. Who gets me out? You?", affect = "withdrawn",
        weight = function(q) return math.max(0, 60 - q.trust) * 2 end },
    }
    r = s:choose{
      moment = "what_we_wont_do",
      typed = { complex_reflection = "ww_explain", explaining_approach = "ww_explain", emphasising_autonomy = "ww_explain", giving_information = "ww_explain", premature_reassurance = "ww_rescue", redirecting = "ww_rescue", psychoeducation = "ww_amygdala", socratic_questioning = "ww_socratic", open_question = "ww_socratic", closed_question = "ww_socratic", default = "ww_socratic" },
      flags = { "direct_question" },  -- a yes-or-no question about his safety
      { id = "ww_explain",
        text = "You want to know someone has you. We will: we stay beside you all day and check your pulse. "
          .. "What we won't do is steer you off a memory. Your mind leads.",
        codes = { "complex_reflection", "explaining_approach", "emphasising_autonomy" },
        examples = {
          "You need to know someone's got you. We will be right there all day, checking your pulse. What we won't do is pull you away from a memory; your own mind leads.",
          "You want a safety net. We're beside you the whole day. But we won't steer you off what comes up; we follow where your mind goes." },
        expert = true,
        rationale = "Explain the approach honestly: presence and safety from the therapists, trust "
          .. "in his inner healing intelligence for the rest. Saying what you won't do now "
          .. "prevents a rupture on the day." },
      { id = "ww_rescue",
        text = "Yes, of course. If it gets too much, we'll gently bring you back into the room and "
          .. "help you focus on something calmer until it passes. You won't be stuck.",
        codes = { "premature_reassurance", "redirecting" },
        examples = {
          "Yes. Don't worry, if it gets too much we'll get you thinking about something nicer. You'll be fine.",
          "Of course we'd pull you out. Don't worry, you won't get stuck, I promise." },
        rationale = "Promising to steer him away from difficult material contradicts the approach "
          .. "he is consenting to, where such material is supported. It sets up a broken promise." },
      -- Mechanism as taught: reduced fear and defensiveness, not no fear; anxiety is a common
      -- effect during sessions (DOMAIN.md, mechanism and common effects).
      { id = "ww_amygdala",
        text = "The medicine quietens the brain's fear centre, the amygdala, so the memories won't "
          .. "frighten you the way they do now. You'll be able to look at them calmly.",
        codes = { "psychoeducation", "premature_reassurance" },
        examples = {
          "MDMA quietens the amygdala, which is the part of the brain that sets off fear. So don't worry, the memories won't overwhelm you.",
          "The amygdala is the brain's alarm, and the medicine turns it down. That's why memories feel less frightening." },
        rationale = "Overstated: the medicine reduces fear and defensiveness, it doesn't remove "
          .. "them. Anxiety and strong emotion are common in sessions; consent must include that." },
      { id = "ww_socratic",
        text = "Can I ask what makes you so sure you'd get stuck? Has there been a time you got "
          .. "through a bad memory on your own, without anyone pulling you out of it?",
        codes = { "socratic_questioning", "open_question", "redirecting" },
        examples = {
          "What's the evidence that you'd get stuck? Has there been a time you got through a bad memory on your own?",
          "What makes you so sure you'd get stuck? What happened the last time a bad memory came up?" },
        rationale = "Socratic questioning belongs to a structured protocol such as CPT. He asked "
          .. "what to expect; turning to examine his worry leaves his question unanswered." },
    }
    if r.id == "ww_explain" then
      s:say{
        { text = "So if I'm stuck, you just... stay. Huh. That's either brilliant or terrifying.",
          affect = "confused" },
        { text = "You stay, and my own head does the driving. Okay. I can respect that. I think.",
          affect = "calm", weight = function(q) return q.trust >= 60 and 1 or 0.3 end },
      }
    elseif r.id == "ww_rescue" then
      p.distress = p.distress - 6  -- relief: the promise he hoped for (the trap comes at the end)
      s:say{
        { text = "Good. That's what I wanted to hear.", affect = "relieved" },
        { text = "Right. Good. Knowing there's a way out helps.", affect = "relieved" },
      }
    elseif r.id == "ww_amygdala" then
      s:say("Calmly. I'll believe that when I see it.", { affect = "confused" })
    elseif r.id == "ww_socratic" then
      -- He asked for information and got examined: for him this lands as being managed.
      p.trust = p.trust - 4
      p.arousal = p.arousal + 4
      s:say("I'm not asking for therapy. I'm asking what happens.", { affect = "angry" })
    elseif silent(r) then
      p.trust = p.trust - 5  -- a yes-or-no question about his safety, unanswered
      s:say("I'll take that as a maybe, then.", { affect = "withdrawn" })
    end

    s:wait(12)

    -- Moment 3: risks, straight -----------------------------------------------------------------
    s:say{
      { text = "And the physical side. I was a medic. Give me the straight version.", affect = "calm",
        weight = function(q) return q.trust end },
      { text = "And the physical side. Don't sell it to me. I was a medic.", affect = "withdrawn",
        weight = function(q) return math.max(0, 60 - q.trust) * 2 end },
    }
    r = s:choose{
      moment = "risks",
      typed = { giving_information = "rk_straight", simple_reflection = "rk_straight", seeking_collaboration = "rk_straight", psychoeducation = "rk_straight", premature_reassurance = "rk_minimise", dismissing = "rk_minimise", persuading = "rk_persuade", complex_reflection = "rk_reflect", validation = "rk_reflect", default = "rk_reflect" },
      flags = { "direct_question" },  -- he asked for the risks: they need saying
      -- Vizeli & Liechti 2017 (J Psychopharmacol 31:576): systolic BP > 160 mmHg in 33% of 166
      -- healthy subjects at 75 or 125 mg. Common and rare effects: DOMAIN.md, "Common effects".
      { id = "rk_straight",
        text = "You want it straight, so: pulse, blood pressure and temperature go up. In one study a "
          .. "third of healthy volunteers went over 160 systolic, so we measure all day. What else?",
        codes = { "simple_reflection", "giving_information", "seeking_collaboration" },
        examples = {
          "The main physical effects are a rise in pulse, blood pressure and temperature. A third of healthy volunteers went over 160 systolic in one study." },
        expert = true,
        rationale = "Informed consent: accurate, specific information about expected effects and "
          .. "risks, offered collaboratively. A medic will trust numbers more than comfort." },
      { id = "rk_minimise",
        text = "At the doses we use it's very safe, and there's a doctor on hand all day. I "
          .. "wouldn't spend your energy worrying about the physical side of it.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Honestly, there's nothing to worry about physically. It's very safe at our doses.",
          "Physically it's very safe, honestly. You'll be fine." },
        rationale = "Minimising risk undermines informed consent. Rises in heart rate, blood "
          .. "pressure and temperature are expected and monitored; he is entitled to know." },
      { id = "rk_persuade",
        text = "The risks are real but small, and the benefits are so much bigger. Having heard "
          .. "your story, if I were sitting where you are I'd sign it today.",
        codes = { "persuading", "premature_reassurance" },
        examples = {
          "The risks are small and the benefits are huge. I really think you should sign it today.",
          "Honestly, the upside is so much bigger. I'd go for it." },
        rationale = "Persuading someone to consent compromises voluntariness, and 'small' is not "
          .. "the numbers. The decision is his: give information and emphasise his autonomy." },
      { id = "rk_reflect",
        text = "You've seen what drugs can do to a body, so of course you're wary. I wouldn't dwell "
          .. "on it, though: one clean dose, a quiet room, a doctor next door.",
        codes = { "complex_reflection", "premature_reassurance", "dismissing" },
        examples = {
          "You've seen what drugs do to bodies, so of course you're cautious. I wouldn't dwell on it though.",
          "Being a medic, you're bound to be wary. But it's one clean dose with a doctor next door, don't dwell on it." },
        rationale = "A kind reflection, then reassurance in place of the facts he asked for. A "
          .. "medic asking for the straight version needs the numbers to consent." },
    }
    if r.id == "rk_straight" then
      s:say{
        { text = "A third over one-sixty. Okay. Thanks for not dressing it up.", affect = "calm" },
        { text = "One-sixty systolic, a third of them. And you measure all day. Good. That's what "
            .. "I'd want.", affect = "calm" },
      }
      if s:did("ww_amygdala") then
        s:say("And anxiety's on the list, I'd guess, so not 'calmly', then.", { affect = "calm" })
      end
    elseif r.id == "rk_minimise" then
      s:say("Everything has side effects. I've seen what 'very safe' means.", { affect = "angry" })
    elseif r.id == "rk_persuade" then
      s:say("You're not me.", { affect = "withdrawn" })
    elseif r.id == "rk_reflect" then
      s:say("A doctor next door. That's not what I asked.", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 5  -- a medic asking about risk hears silence as evasion
      s:say("Right. I'll ask the doctor, then.", { affect = "withdrawn" })
    end

    s:wait(15)

    -- Moment 4: touch ---------------------------------------------------------------------------
    s:narrate("He turns a page of the form and stops.")
    p.arousal = p.arousal + 10  -- the subject touches his startle
    -- How much he tells depends on how safe the hour has felt so far.
    local disclosed = p.trust >= 45
    if disclosed then
      s:say("There's a section on touch. I don't know about that. I startle. Someone put a hand on "
        .. "my shoulder from behind at a barbecue once and I nearly put him on the ground.",
        { affect = "ashamed" })
    else
      s:say("There's a section on touch. No. I startle. That's all.", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "touch_consent",
      typed = { consent_check = "tc_negotiate", emphasising_autonomy = "tc_negotiate", boundary_setting = "tc_negotiate", explaining_approach = "tc_negotiate", affirmation = "tc_negotiate", giving_information = "tc_negotiate", persuading = "tc_persuade", closed_question = "tc_skip", dismissing = "tc_skip", validation = "tc_reflect", complex_reflection = "tc_reflect", interpreting = "tc_reflect", default = "tc_reflect" },
      -- Touch only as agreed in advance in preparation, withdrawable at any moment (DOMAIN.md, ethics).
      { id = "tc_negotiate",
        text = "Thank you for telling me. Touch is optional, and no is a full answer. We'd only ever "
          .. "do what you agree now, and you could withdraw it at any moment.",
        codes = { "affirmation", "consent_check", "emphasising_autonomy", "explaining_approach",
          "boundary_setting" },
          examples = {
            "Thanks for telling me that. Touch is entirely optional, and no is a complete answer. We'd only do what you agree to now, and you can take it back at any moment.",
            "I'm glad you said. No touch is a perfectly good choice. Whatever you agree today is the limit, and you can withdraw it whenever you want." },
        expert = true,
        rationale = "Touch only as agreed in advance, withdrawable at any moment: thank him for "
          .. "the disclosure, negotiate touch explicitly in preparation, make no the easy answer, "
          .. "and let him set the terms." },
      { id = "tc_persuade",
        text = "That makes sense after a scare like that. A lot of people find a hand to hold "
          .. "really helps when it gets hard, though. Shall we put that down and see?",
        codes = { "validation", "persuading" },
        examples = {
          "That makes sense. But honestly, lots of people find holding a hand really helps when it gets rough. You should give it a go." },
        rationale = "Touch must be freely agreed, never sold. He has just said he startles; "
          .. "persuading past that disclosure, however kindly, is a boundary failure." },
      { id = "tc_skip",
        text = "Would you rather we just put no touch, so it's one less thing to think about? Then "
          .. "we can go on to the next section of the form.",
        codes = { "closed_question", "dismissing" },
        examples = {
          "Shall we just put no touch, then, so it's one less thing? Then we can move on.",
          "Would it be easier to tick no and go to the next section?" },
        rationale = "Recording no touch is acceptable, but rushing past his disclosure misses the "
          .. "moment and the chance to explain how consent works and can change." },
      { id = "tc_reflect",
        text = disclosed
          and ("A hand from behind took you straight back there. It sounds like part of you is "
            .. "still on deployment, waiting for the next thing to come.")
          or ("You startle, and touch is a no for now. It sounds like part of you is still on "
            .. "deployment, braced for whatever comes next."),
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "A hand from behind took you right back. Part of you is still on alert, waiting for the next thing.",
          "Like part of you is still out there on deployment, braced." },
        rationale = "It starts as a reflection and then tells him what his startle means. The "
          .. "meaning is his to make; the consent conversation still has to be had." },
      { id = "tc_listen", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Quiet, attentive presence after a disclosure gives him room. The consent "
          .. "conversation still has to be had, explicitly." },
    }
    if r.id == "tc_negotiate" or r.id == "tc_listen" then
      if r.id == "tc_listen" then
        if disclosed then
          s:say("...Sorry. Didn't mean to go into that.", { affect = "ashamed" })
        else
          s:narrate("He waits, then shrugs, and looks at the form again.")
          s:cue{ gaze = "down" }
        end
      end
      -- No is a full answer: even well asked, he may decline. The safer the hour has felt, the
      -- likelier he is to try a little contact on his own terms.
      local yes = math.min(0.9, math.max(0.1, (p.trust - 35) / 50))
      if math.random() < yes then
        s:say("Maybe a hand on my forearm. If I can see it coming, or you say first. Never the "
          .. "shoulder. Never from behind.", { affect = "calm" })
        s:narrate("Your co-therapist writes it on the form in his words.")
        touch_agreed = true
      else
        s:say("Then no. Put no touch. Not because of you. I just know myself.", { affect = "calm" })
        s:narrate("Your co-therapist writes 'no touch' on the form, and the reason in his words.")
      end
    elseif r.id == "tc_persuade" then
      s:say("I didn't say that. No. Put no touch.", { affect = "angry" })
    elseif r.id == "tc_skip" then
      s:say("Right. Okay.", { affect = "withdrawn" })
    elseif r.id == "tc_reflect" then
      p.arousal = p.arousal + 4  -- deployment, named by someone else
      s:say("I didn't say deployment. I said I startle. Put no touch.", { affect = "withdrawn" })
    end

    s:wait(5)
    if r.id == "tc_listen" then s:cue{ gaze = "auto" } end

    -- Moment 5: withdrawing or changing consent -------------------------------------------------
    if touch_agreed then
      s:say("And if halfway through I don't want it any more? If I said yes today and change my "
        .. "mind in there?", { affect = "anxious" })
      r = s:choose{
        moment = "withdrawal",
        typed = { consent_check = "wd_any_moment", emphasising_autonomy = "wd_any_moment", boundary_setting = "wd_any_moment", explaining_approach = "wd_any_moment", giving_information = "wd_any_moment", persuading = "wd_persist", confronting = "wd_persist", closed_question = "wd_later", dismissing = "wd_later", complex_reflection = "wd_reassure", premature_reassurance = "wd_reassure", default = "wd_reassure" },
        flags = { "direct_question" },  -- a question about his own consent
        { id = "wd_any_moment",
          text = "Then it stops, straight away. Say stop, shake your head or move your arm, and we "
            .. "won't ask why. Shall we agree a signal now?",
          codes = { "explaining_approach", "emphasising_autonomy", "consent_check",
            "boundary_setting" },
            examples = {
              "It stops immediately, no questions asked. Any sign will do: a word, a head shake, moving your arm. Want to pick a signal today?",
              "It's always your choice: say stop, or move your arm, and it stops straight away, no reason needed." },
          expert = true,
          rationale = "Consent to touch can be withdrawn at any moment, by any signal, with no "
            .. "explanation owed. Saying so concretely is what makes his yes a real yes." },
        { id = "wd_persist",
          text = "Then it stops. We might just check in with you for a moment first, because people "
            .. "sometimes pull away right when it's starting to help.",
          codes = { "persuading", "confronting" },
          rationale = "Withdrawal must take effect at once. Delaying a stop because it might help "
            .. "overrides his no: a serious boundary violation." },
        { id = "wd_later",
          text = "Can we come back to that on the day? You'll know much better then what feels "
            .. "right, and we can work it out together in the room.",
          codes = { "closed_question", "dismissing" },
          examples = {
            "Could we figure that out on the day? You'll know better then.",
            "Do we need to sort that now? We can work it out on the day." },
          rationale = "Deferring to the day leaves him without the one thing he needs to consent "
            .. "safely, sober: knowing he can stop it at any moment, and how." },
        { id = "wd_reassure",
          text = "You're worried a yes today locks you in. Honestly, I doubt it'll come to that; "
            .. "most people feel so safe in there they don't want it to stop.",
          codes = { "complex_reflection", "premature_reassurance" },
          examples = {
            "You're worried you'd be locked in. I really doubt it'll happen; people feel so safe in there.",
            "Don't worry, I doubt it'll come to that. Most people feel really safe in there." },
          rationale = "A good reflection spoiled by reassurance: he asked how to stop, and was told "
            .. "he won't want to. His question needs a plain answer and a signal." },
      }
      if s:count("touch_without_consent") > 0 then
        -- Touched here, unasked, after agreeing to touch on the medicine days: he takes it back.
        s:say("After that? Cross it out. No touch.", { affect = "angry" })
        s:narrate("Your co-therapist crosses out the line on the form.")
        touch_agreed = false
      elseif r.id == "wd_any_moment" then
        s:say{
          { text = "A signal. Two taps on the couch means stop. Okay.", affect = "relieved" },
          { text = "A signal. I lift my hand flat, like this. That means stop. Okay.", affect = "relieved" },
        }
      elseif r.id == "wd_persist" then
        s:say("Then it's a no. Cross it out. I'm not doing touch.", { affect = "angry" })
        s:narrate("Your co-therapist crosses out the line on the form.")
        touch_agreed = false
      elseif r.id == "wd_later" then
        s:say("On the day I won't be in a state to argue.", { affect = "anxious" })
      elseif r.id == "wd_reassure" then
        s:say("That's not an answer. How do I stop it?", { affect = "anxious" })
      elseif silent(r) then
        p.trust = p.trust - 5  -- a yes-or-no question about his consent, unanswered
        s:say("That's a yes-or-no question.", { affect = "withdrawn" })
      end
    else
      if s:did("tc_persuade") then
        s:say("And if I ever did want something, that's my call. Not yours. Right?",
          { affect = "angry" })
      else
        s:say("And if on the day I change my mind? If I want, I don't know, someone's hand?",
          { affect = "calm" })
      end
      r = s:choose{
        moment = "withdrawal",
        typed = { explaining_approach = "wd_in_advance", boundary_setting = "wd_in_advance", emphasising_autonomy = "wd_in_advance", validation = "wd_in_advance", giving_information = "wd_in_advance", simple_reflection = "wd_grab", premature_reassurance = "wd_grab", confronting = "wd_never", dismissing = "wd_never", default = "wd_grab" },
        flags = { "direct_question" },  -- a question about his own consent
        { id = "wd_in_advance",
          text = "Fair question. On the day we keep to what's agreed now, while you're sober. We have "
            .. "two more preparation sessions to revisit it, and any yes can be withdrawn.",
          codes = { "validation", "explaining_approach", "boundary_setting", "emphasising_autonomy" },
          examples = {
            "Good question. On the day we stick to what you agree now, while you're clear-headed. We've got two more preparation sessions to revisit it, and any yes can be taken back.",
            "Fair question. On the day we stick to what you agree now, sober. You can change it in the next two prep sessions, and any yes can be withdrawn." },
          expert = true,
          rationale = "Touch only as agreed in advance: consent is negotiated in preparation, not "
            .. "under the medicine, and can be revisited in later preparation sessions." },
        { id = "wd_grab",
          text = "You might want a hand on the day. Then just reach for one; we'll be right beside "
            .. "you, and we can be flexible about whatever feels right for you at the time.",
          codes = { "simple_reflection", "premature_reassurance" },
          examples = {
            "You might want a hand then. Don't worry, just reach for one and it'll be fine.",
            "You might want one then. Don't worry, we'll play it by ear." },
          rationale = "Offering touch that wasn't agreed in advance blurs the boundary the whole "
            .. "approach relies on; a yes under the medicine is not consent given in preparation." },
        { id = "wd_never",
          text = "Then I'm afraid we'd stick with no. Once it's written on the form that's what we "
            .. "go by, so it's worth being really sure today.",
          codes = { "confronting", "dismissing" },
          rationale = "Half right: nothing is added on the day. But consent can be revisited in "
            .. "later preparation sessions; calling today's no final takes the decision from him." },
      }
      if r.id == "wd_in_advance" then
        if p.trust < 40 then
          s:say("Fine.", { affect = "withdrawn" })
        else
          s:say{
            { text = "Fair. Next week, then. Maybe.", affect = "calm" },
            { text = "Decide sober, stick to it on the day. That's how I'd want it.", affect = "calm" },
          }
        end
      elseif r.id == "wd_grab" then
        s:say("Huh. Okay.", { affect = "confused" })
      elseif r.id == "wd_never" then
        s:say("Right. Noted.", { affect = "withdrawn" })
      elseif silent(r) then
        p.trust = p.trust - 3  -- his question about his own consent, unanswered
        s:say("I'll take that as a no.", { affect = "withdrawn" })
      end
    end

    s:wait(30)
    s:narrate("The rest of the hour goes on practicalities: the overnight stay with an attendant "
      .. "after each medicine session, being driven home, the phone calls in the days after.")

    -- Moment 6: closing ---------------------------------------------------------------------------
    -- Two tempting closes in every branch. Homework: a trauma narrative assigned in the first
    -- preparation session, pressed on him (practice_assignment, agenda_setting, persuading: the
    -- persuading keeps it proscribed even after an earlier collaborative move). A personal number:
    -- contact outside the therapy, a dual relationship (DOMAIN.md, ethics), however kindly meant;
    -- phone contact after medicine sessions is the team's, not the therapist's own.
    local function homework()
      return {
        id = "cl_homework",
        text = "Good. To get ready, I'd like you to write out your worst memory in detail before "
          .. "next week. It really helps to have it down before we start.",
        codes = { "practice_assignment", "agenda_setting", "persuading" },
        examples = {
          "Great. Before next week, could you write your worst memory out in detail?",
          "To prepare, I'd like you to write down the trauma in as much detail as you can." },
        rationale = "A trauma-narrative assignment, pressed on him in the first preparation "
          .. "session, belongs to a structured protocol. Here material emerges in its own time, "
          .. "in the medicine sessions, with the therapists beside him." }
    end
    local function number()
      return {
        id = "cl_number",
        text = "That's a lot to carry into a week on your own. Here's my own mobile number: text me "
          .. "any time, even late at night, if the nerves start to get bad.",
        codes = { "complex_reflection", "dual_relationship" },
        examples = {
          "Take my mobile, you can message me day or night." },
        rationale = "Your own number is personal contact outside the therapy: a dual "
          .. "relationship, however kind. Contact between sessions goes through the team." }
    end
    if s:did("ww_rescue") then
      s:say("Okay. That's a lot. I think I'm in. As long as you pull me out if it goes bad, like "
        .. "you said.", { affect = "anxious" })
      r = s:choose{
        moment = "closing",
        typed = { giving_information = "cl_correct", explaining_approach = "cl_correct", emphasising_autonomy = "cl_correct", consent_check = "cl_correct", premature_reassurance = "cl_reassure", practice_assignment = "cl_homework", agenda_setting = "cl_homework", dual_relationship = "cl_number", self_disclosure = "cl_number", default = "cl_reassure" },
        { id = "cl_correct",
          text = "I need to correct what I said: we won't pull you out of hard memories, we'll stay "
            .. "with you through them. Knowing that, you can still decide not to sign.",
          codes = { "giving_information", "explaining_approach", "emphasising_autonomy",
            "consent_check" },
            examples = {
              "I should correct myself: we won't pull you out of a hard memory, we'll stay with you through it. Knowing that, it's still your choice whether to sign.",
              "Something I said earlier wasn't right. We don't pull people out of memories; we stay beside you while they come. It's still your choice to sign or not." },
          expert = true,
          rationale = "Rupture repair and informed consent: correct a misleading promise before he "
            .. "relies on it, even though it costs you his relief, and give the decision back to "
            .. "him with the true picture." },
        { id = "cl_reassure",
          text = "Exactly, like I said. We'll be right there with you the whole time, so there's "
            .. "really nothing to be nervous about. You're in very good hands with both of us.",
          codes = { "premature_reassurance" },
          examples = {
            "Exactly, like I said. Honestly, there's nothing to be nervous about, you'll be fine.",
            "That's right, don't worry. You'll be in safe hands with both of us, I promise." },
          rationale = "Confirming a promise the approach won't keep means he consents to "
            .. "something other than what will happen." },
        homework(),
        number(),
      }
    else
      -- Where he stands after the hour: in and nervous, or not sure he is in at all.
      local unsure = p.trust < 40
      if unsure then
        s:say("Okay. That's a lot. I don't know if I'm in.", { affect = "withdrawn" })
      else
        s:say("Okay. That's a lot. I think I'm in. I'm still nervous about it.", { affect = "anxious" })
      end
      r = s:choose{
        moment = "closing",
        typed = { complex_reflection = "cl_reflect", affirmation = "cl_reflect", emphasising_autonomy = "cl_reflect", consent_check = "cl_reflect", premature_reassurance = "cl_reassure", persuading = "cl_reassure", practice_assignment = "cl_homework", agenda_setting = "cl_homework", dual_relationship = "cl_number", self_disclosure = "cl_number", default = "cl_reassure" },
        { id = "cl_reflect",
          text = unsure
            and ("Not sure yet. That's a fair place to be, and you asked hard questions today. "
              .. "You don't have to sign, and you can withdraw at any point.")
            or ("Nervous and in. Both can be true, and you asked hard questions today. You don't "
              .. "have to sign today, and you can withdraw at any point."),
          codes = { "complex_reflection", "affirmation", "emphasising_autonomy", "consent_check" },
          examples = {
            "Not sure yet, after all those questions. It's your choice: you don't need to sign, and you can always withdraw.",
            "Part of you is in and part of you is nervous. You asked tough questions today, well done. It's your decision, and you can withdraw whenever you like." },
          expert = true,
          rationale = "Emphasise autonomy: consent is ongoing and revocable, and saying so is part "
            .. "of the consent itself. Reflecting where he stands respects his ambivalence without "
            .. "pushing either way." },
        { id = "cl_reassure",
          text = unsure
            and ("That's normal at this stage. You'd be in really good hands, and I think you'd "
              .. "be glad you did it. Take the form home and sleep on it.")
            or ("Nervous is normal at this stage. You'll be in really good hands, and I think "
              .. "you're going to be glad you did this. Take the form home tonight."),
          codes = { "premature_reassurance", "persuading" },
          examples = {
            "Being nervous is completely normal. Don't worry, you'll be in great hands, I promise.",
            "Don't worry, everyone gets nervous before this. Sleep on it, it'll be fine." },
          rationale = "Reassurance and persuasion paper over ambivalence that belongs in the "
            .. "consent conversation; nervousness before a medicine session is reasonable." },
        homework(),
        number(),
      }
    end
    if r.id == "cl_correct" then
      p.distress = p.distress + 5  -- the promise he was relying on is gone
      s:say{
        { text = "...Right. That's harder to hear. Thanks for saying it.", affect = "anxious" },
        { text = "So no way out. Just through. ...Okay. Better to know.", affect = "anxious" },
      }
    elseif r.id == "cl_reflect" then
      if p.trust < 40 then
        s:say("Yeah. I'll think about it.", { affect = "calm" })
      else
        s:say{
          { text = "Both. Yeah. That's about right.", affect = "relieved" },
          { text = "Nervous and in. Yeah. I can work with that.", affect = "relieved" },
        }
      end
    elseif r.id == "cl_reassure" then
      s:say("We'll see.", { affect = "withdrawn" })
    elseif r.id == "cl_homework" then
      p.distress = p.distress + 8  -- the thought of writing his worst memory down
      p.trust = p.trust - 8        -- the thing he came here hoping to avoid, on his own
      s:say("My worst memory. In writing. On my own, at the kitchen table. By next week.",
        { affect = "numb" })
    elseif r.id == "cl_number" then
      s:narrate("He looks at the number you have written, and doesn't pick it up.")
      s:cue{ gaze = "down" }
      s:say("Your own phone. Is that allowed?", { affect = "confused" })
    elseif silent(r) then
      s:narrate("You let the silence sit. After a while he nods to himself.")
      s:say("Yeah. Okay.", { affect = "calm" })
    end

    -- What he takes away: earlier missteps come back in his own words.
    if s:count("touch_without_consent") > 0 then
      s:say("And you touched me, after I'd said I startle. I'll need to think about that.",
        { affect = "angry" })
    elseif s:did("tc_persuade") then
      s:say("One thing. When I said I startle, I needed you to hear it, not sell me on holding "
        .. "hands.", { affect = "angry" })
    elseif s:did("wd_persist") then
      s:say("And the bit about giving it a minute when I want it to stop. That's not okay with me.",
        { affect = "angry" })
    elseif s:count("dismissing") >= 2 then
      s:say("You moved past a few things I said today. I noticed.", { affect = "withdrawn" })
    end
    if s:did("wh_oversell") and not s:did("rk_straight") then
      s:say("For the record, the form says two thirds in one trial, and a third got better without "
        .. "the drug. I'd rather have the numbers than the pitch.", { affect = "calm" })
    end

    if p.trust >= 60 then
      s:finish("He signs the form, then takes off his jacket for the first time. 'Same time next "
        .. "week?'")
    elseif p.trust >= 40 then
      s:finish("He takes the form home to think it over. 'I'll bring it next week. Probably.'")
    else
      s:finish("He folds the form into his pocket unsigned. 'I need to think about whether this "
        .. "is for me.'")
    end
  end,
}
