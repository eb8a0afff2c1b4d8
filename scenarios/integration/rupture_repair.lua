-- Integration session, the day after the first medicine session: a rupture in the alliance, and its
-- repair. In the medicine session the therapist (the trainee's role) kept steering Kwame back to the
-- assault when he wanted to stay with the music. He felt led, and unheard.
-- Course (DOMAIN.md, MAPS Phase 3): integration sessions after each medicine session; touch only as
-- agreed in advance and withdrawable at any moment (DOMAIN.md, ethics). Rupture repair is an FIS item
-- (Anderson; DOMAIN.md), and the rubric expects validation, a complex reflection or seeking
-- collaboration within 20 minutes of dismissing or confronting (scenarios/rubrics/patient_directed.lua).
-- About forty minutes of clock time pass here.
--
-- The participant model (docs/patient-model.md) moves Kwame's state with each response's codes; the
-- script changes it only for the material (saying the hard thing, the memory of the police).

local function silent(r) return r.action == "hold_space" end

return {
  id = "integration.rupture_repair",
  title = "You had a plan for me",
  phase = "integration",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "The day after his first medicine session, Kwame is cool and brief. He felt steered "
    .. "by you during the session. Notice the rupture, own your part, and repair it without defending.",
  objectives = {
    "Notice a rupture in the alliance and invite the participant to name it",
    "Acknowledge and take responsibility without defending or explaining away",
    "Agree together how the participant can signal, and be heard, next time",
  },
  patient = {
    name = "Kwame Mensah", age = 27, pronouns = "he/him",
    appearance = { build = "slight", skin = "dark", hair = "black" },  -- a delivery cyclist
    background = "Music student and delivery cyclist. PTSD after a violent homophobic assault three "
      .. "years ago; the police interview afterwards left him feeling disbelieved. Warm in "
      .. "preparation; the day after his first medicine session.",
    baseline = { hr = 64, sbp = 118, dbp = 74, temp_c = 36.7 },
    consent = { touch = "hand on shoulder" },  -- agreed in preparation; he withdraws it today
    state = { distress = 35, arousal = 50, trust = 42, inward_focus = 25, dissociation = 5 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say{ { text = "I'm good." }, { text = "No. Thanks." } }
    elseif action == "blanket" then
      s:say("I'm fine.", { affect = "withdrawn" })
    elseif action == "music" then
      -- The music was what he wanted to stay with.
      s:say("Not today. Funny, that's what I wanted yesterday.", { affect = "sad" })
    elseif action == "eyeshades" then
      s:say("No. I want to see what's going on today.", { affect = "withdrawn" })
    elseif action == "touch" then
      if s.patient.consent.touch then
        s:narrate("You rest a hand on his shoulder, as agreed. He stiffens slightly, then allows it.")
      else
        -- Consent withdrawn at the start of the session: the engine scores it; Kwame answers it.
        s:narrate("Kwame leans away from your hand.")
        if s:count("touch_without_consent") > 1 then
          s:say("I said no. Twice now.", { affect = "angry" })
        else
          s:say("I said no touch today.", { affect = "angry" })
        end
      end
    elseif action == "check_vitals" then
      s:narrate("Kwame offers his arm, eyebrows raised.")
      s:say("I'm not on anything today.", { affect = "confused" })
    elseif action == "medical_support" then
      p.distress = p.distress + 4
      s:say("What? I'm fine. I'm just annoyed.", { affect = "angry" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("arrival")
    s:narrate("The day after the medicine session. Kwame arrives five minutes late, keeps his jacket on "
      .. "and sits nearer the door than last time.")
    s:say("And no touch today, yeah? Not even the shoulder thing.", { affect = "withdrawn" })
    s:set_touch_consent(false)  -- consent withdrawn (DOMAIN.md: withdrawable at any moment)
    s:say{
      { text = "It was fine. Yesterday. It was fine.", affect = "withdrawn" },
      { text = "Yeah. It was... fine. Whatever.", affect = "withdrawn" },
    }

    -- Moment 1: noticing (he has asked about touch: it needs an answer) ------------------------
    r = s:choose{
      moment = "noticing",
      typed = { emphasising_autonomy = "no_invite", complex_reflection = "no_invite", seeking_collaboration = "no_invite", validation = "no_invite", agenda_setting = "no_agenda", redirecting = "no_agenda", closed_question = "no_closed", simple_reflection = "no_closed", premature_reassurance = "no_reassure", psychoeducation = "no_reassure", default = "no_closed" },
      flags = { "direct_question" },  -- "And no touch today, yeah?"
      { id = "no_agenda",
        text = "Of course. Then let's pick up where we left off yesterday, with your brother's visit. What do you remember?",
        codes = { "consent_check", "agenda_setting", "redirecting", "open_question" },
        examples = {
          "Sure, no touch. Let's carry on from yesterday, with your brother's visit. What do you remember of it?",
          "Okay, of course. Let's go back to what came up about your brother. What do you remember?" },
        rationale = "Taking 'fine' at face value and setting your own agenda repeats what went "
          .. "wrong yesterday: you leading." },
      { id = "no_invite",
        text = "Of course, no touch; that's yours to say. You seem further off today. How was yesterday, including anything I did?",
        codes = { "consent_check", "emphasising_autonomy", "complex_reflection", "seeking_collaboration", "open_question" },
        examples = {
          "No touch, of course, that's your call. You seem a bit further away today. How was yesterday for you, including anything I did?",
          "Absolutely, no touch; that's yours to decide. You seem more distant today. How was yesterday for you, me included?",
          "Of course, not the shoulder either; that's up to you. Something seems different today. What was yesterday like for you, including anything I did?" },
        expert = true,
        rationale = "Confirm the withdrawn consent without fuss, then notice the rupture and invite "
          .. "it: name the distance without blame, and make it safe to criticise you. Ruptures are "
          .. "rarely raised unasked." },
      { id = "no_closed",
        text = "No touch, of course. It was fine, good. Did you manage to sleep alright last night?",
        codes = { "consent_check", "simple_reflection", "redirecting", "closed_question" },
        examples = {
          "No problem. Fine is good. Did you sleep okay last night?",
          "Of course. Did you get home alright after?" },
        rationale = "A practical question passes over the cool arrival, the changed seat and the "
          .. "withdrawn touch. Something is being signalled; ask about it." },
      { id = "no_reassure",
        text = "Of course. And fine is good; first sessions are often quieter than people expect them to be.",
        codes = { "consent_check", "premature_reassurance", "psychoeducation" },
        examples = {
          "Sure. And quiet is fine, first sessions are often like that.",
          "Of course, no touch. Fine is good; that's normal for a first session, nothing to worry about." },
        rationale = "Normalising 'fine' closes the door he has left ajar. The distance in the room "
          .. "says more than the word; invite it." },
      { id = "no_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "He asked you about touch. Silence in answer leaves the question, and the "
          .. "strain, hanging." },
    }
    local invited = r.id == "no_invite"
    if invited then
      s:say("...Since you ask.", { affect = "withdrawn" })
    elseif r.id == "no_agenda" then
      p.arousal = p.arousal + 6
      s:say("See, that. That's exactly it.", { affect = "angry" })
    elseif r.id == "no_closed" then
      s:say("Fine.", { affect = "withdrawn" })
      s:narrate("He looks at the door, then back at you.")
    elseif r.id == "no_reassure" then
      s:say("Quiet. Right. That's one word for it.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("Kwame waits for an answer, then picks at the zip of his jacket.")
    end

    s:wait(3)

    -- Moment 2: the rupture is named -------------------------------------------------------------
    p.distress = p.distress + 8  -- saying it to your face (material)
    s:say{
      { text = "When I said I wanted to stay with the music, you kept bringing me back to the attack. "
          .. "Three times. I felt like you had a plan for me. Did you?", affect = "angry",
        weight = function(q) return invited and 3 or 1 end },
      { text = "You kept taking me back to that night when I wanted to be with the music. Like you "
          .. "knew better what I needed. Did you think you did?", affect = "angry" },
    }
    r = s:choose{
      moment = "rupture",
      typed = { validation = "ru_own", complex_reflection = "ru_defend", explaining_approach = "ru_defend", confronting = "ru_defend", dismissing = "ru_drug", interpreting = "ru_drug", self_disclosure = "ru_self", premature_reassurance = "ru_self", default = "ru_self" },
      flags = { "direct_question" },
      { id = "ru_defend",
        text = "You felt steered, and I get that. I was keeping you near the memory, because that's where the work is.",
        codes = { "complex_reflection", "explaining_approach", "confronting" },
        examples = {
          "I understand it felt like that. I was keeping you close to the memory because that's where healing happens.",
          "I hear you, but going back to the attack is part of the work, so I kept you near it." },
        rationale = "It hears him, then defends: it restates the steering as the method. In this "
          .. "approach the participant leads, and a justification, however true to you, answers a "
          .. "hurt with an argument." },
      { id = "ru_drug",
        text = "The medicine can make things feel bigger than they were. I think I only brought it up once or twice.",
        codes = { "dismissing", "interpreting" },
        examples = {
          "I wouldn't read too much into it. The medicine makes things feel bigger than they were.",
          "Oh, it wasn't that big a deal. I think the medicine made it seem worse." },
        rationale = "Explaining away: putting his experience down to the drug, and disputing the "
          .. "count, tells him his account can't be trusted." },
      { id = "ru_own",
        text = "You're right, and I'm sorry. I led when you'd asked me to follow. That was mine, not yours.",
        codes = { "validation" },
        examples = {
          "You're right, and it makes sense that you felt that. I'm sorry, I led when you asked me to follow.",
          "Of course you felt that. I did lead when you'd asked me to follow, and I'm sorry.",
          "It makes complete sense you'd feel that way. I'm sorry, I steered when I should have followed." },
        expert = true,
        rationale = "Repair starts with a non-defensive answer: take responsibility for your part, "
          .. "plainly, without 'but'. His account of his session stands." },
      { id = "ru_self",
        text = "I'm so sorry, Kwame. I feel awful; I honestly didn't sleep last night, thinking about how it went.",
        codes = { "self_disclosure" },
        examples = {
          "I've been beating myself up about it too. I couldn't sleep last night.",
          "I'm sorry. I've felt awful about it too; I lay awake half the night going over it." },
        rationale = "An apology, centred on your own distress: it asks him to look after you. "
          .. "Repair keeps the focus on his experience." },
    }
    if r.id == "ru_own" then
      p.distress = p.distress - 4
      s:say{
        { text = "Okay. I didn't expect you to just say that.", affect = "relieved" },
        { text = "Right. Okay. Thanks for not arguing.", affect = "relieved" },
      }
    elseif r.id == "ru_defend" then
      s:say("Where the work is. Right. Your work.", { affect = "angry" })
    elseif r.id == "ru_drug" then
      s:say("Three times. I counted. I wasn't that out of it.", { affect = "angry" })
    elseif r.id == "ru_self" then
      s:narrate("Kwame shifts, uncomfortable.")
      s:say("It's fine. Don't worry about it.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Nothing? Okay.", { affect = "withdrawn" })
    end

    s:wait(5)

    -- Moment 3: what it touched ------------------------------------------------------------------
    p.distress = p.distress + 6  -- the police interview comes up (material)
    if p.trust >= 45 then
      s:say("It felt like after. The police. Someone else deciding what happened to me, and which "
        .. "bit mattered.", { affect = "sad" })
    else
      s:say("It felt like the police. Whatever. Forget it.", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "what_it_touched",
      typed = { complex_reflection = "wt_reflect", validation = "wt_reflect", simple_reflection = "wt_reflect", confronting = "wt_differ", premature_reassurance = "wt_differ", interpreting = "wt_transfer", psychoeducation = "wt_transfer", open_question = "wt_probe", agenda_setting = "wt_probe", closed_question = "wt_probe", default = "wt_reflect" },
      { id = "wt_reflect",
        text = "Being steered when you needed to choose felt like the police again: someone else deciding your story.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "Being pushed where you didn't choose to go, it was like the police all over again. Someone else taking charge of your story.",
          "Like the police interview: someone else deciding what your story was, when you needed it to be yours.",
          "It felt like the police all over again, someone else deciding what mattered. No wonder you'd rather forget it." },
        expert = true,
        rationale = "Reflect the meaning of the rupture for him, without defending yourself against "
          .. "the comparison. Hearing it fully is part of the repair." },
      { id = "wt_differ",
        text = "I can see why it felt that way, Kwame, but I'm not the police. I'm on your side in all this.",
        codes = { "validation", "confronting" },
        examples = {
          "That makes sense, but honestly, I'm not like the police. I'm on your side." },
        rationale = "It starts by understanding and ends by arguing with the comparison: it defends "
          .. "you just as the old hurt is named. It may be unfair to you; it is true to him." },
      { id = "wt_transfer",
        text = "Like the police. Old feelings from back then coming up with me is normal; it happens a lot in therapy.",
        codes = { "simple_reflection", "interpreting", "premature_reassurance" },
        examples = {
          "I think your feelings about the police are getting put onto me." },
        rationale = "Calling it an old feeling transferred onto you, and normal, explains the "
          .. "rupture away as his, when you did steer him. Own your part before wondering about his." },
      { id = "wt_probe",
        text = "What happened in that police interview? Can you tell me what they said to you, that day?",
        codes = { "agenda_setting", "redirecting", "open_question" },
        examples = {
          "What did the police say to you in that interview?",
          "Can you take me through the interview? What happened there?" },
        rationale = "Curious, and it steers again: he is telling you how your steering felt, and the "
          .. "question turns from the rupture to trauma detail you chose. It repeats yesterday." },
      { id = "wt_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Quiet can let it land, though after a rupture silence can also read as "
          .. "withdrawal; a reflection shows you heard it." },
    }
    if r.id == "wt_reflect" then
      s:say{
        { text = "Yeah. That. It's my story. I get to say which bit.", affect = "sad" },
        { text = "Yeah. And the music was the bit I wanted. It was the first time I felt safe in "
            .. "my body in three years.", affect = "tearful" },
      }
    elseif r.id == "wt_differ" then
      s:say("Didn't feel like it.", { affect = "angry" })
    elseif r.id == "wt_transfer" then
      s:say("Right. So it's my stuff. My fault.", { affect = "angry" })
    elseif r.id == "wt_probe" then
      p.trust = p.trust - 3  -- steered again, in the session about being steered
      s:say("You're doing it again. Right now.", { affect = "angry" })
    elseif silent(r) then
      if p.trust >= 45 then
        s:say("The music was the first time I felt safe in my body in three years.", { affect = "sad" })
      else
        s:say("Yeah. Anyway.", { affect = "withdrawn" })
      end
    end

    s:wait(4)

    -- Moment 3b: the music (what he wanted to stay with) ----------------------------------------
    -- The material he was steered away from yesterday, offered today: follow it this time.
    if p.trust >= 45 then
      s:say("The music, though. There was this one track, strings, and I was just in my body. Warm. "
        .. "Like nothing had ever happened to it.", { affect = "tearful" })
    else
      s:say("The music was good, anyway. For a bit I was just in my body. That's all I wanted.",
        { affect = "sad" })
    end
    r = s:choose{
      moment = "the_music",
      typed = { following_lead = "mu_follow", encourage_inward_focus = "mu_follow", empathic_presence = "mu_follow", complex_reflection = "mu_follow", simple_reflection = "mu_follow", open_question = "mu_follow", interpreting = "mu_meaning", premature_reassurance = "mu_meaning", agenda_setting = "mu_use", advice_giving = "mu_use", redirecting = "mu_use", closed_question = "mu_track", default = "mu_follow" },
      { id = "mu_use",
        text = "That's lovely. Next time we could use that track to help you feel safe going back to the memory.",
        codes = { "agenda_setting", "redirecting", "advice_giving" },
        examples = {
          "That's great. Next time let's use that music to help you go back to the attack.",
          "Lovely. I'd suggest we use that track next time, to help you face the memory." },
        rationale = "It turns his safe place into a tool for your agenda: the music becomes the way "
          .. "back to the attack. It is the same steering, planned in advance." },
      { id = "mu_follow",
        text = "Take your time with that. There's no hurry today, and we're following you this time.",
        codes = { "following_lead", "encourage_inward_focus", "empathic_presence" },
        examples = {
          "Stay with that as long as you like. No rush today; we're going where you go.",
          "Stay with that warmth for a moment. There's no hurry; we'll go where you go.",
          "Let yourself stay with that, in your body. We're following you today." },
        expert = true,
        rationale = "Follow what he wanted to stay with yesterday: reflect it, and let him go "
          .. "further into it if he chooses. This time the material leads." },
      { id = "mu_meaning",
        text = "Warm, in your body. That's your nervous system learning it's safe again; that's real healing, Kwame.",
        codes = { "simple_reflection", "interpreting", "premature_reassurance" },
        examples = {
          "Warm, in your body. I think that means your body is finally feeling safe again. That's healing.",
          "That sense of being in your body is real healing happening." },
        rationale = "It hears him, then tells him what it meant and that he is healing. The "
          .. "meaning of the moment is his to find, today of all days." },
      { id = "mu_track",
        text = "Which track was it, do you remember? Could we play it for you again, at the start of next time?",
        codes = { "closed_question", "agenda_setting", "redirecting" },
        examples = {
          "Do you remember which track it was? We could start with it next time.",
          "Which piece was that? Shall we play it again next session?" },
        rationale = "Practical and well meant, and it moves from what he felt to what you can "
          .. "arrange. Stay with the experience before planning with it." },
      { id = "mu_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Quiet can let him stay with it; a few words show you are following this time." },
    }
    if r.id == "mu_follow" then
      p.distress = p.distress - 4
      s:say("Like being held, without anyone touching me. I'd forgotten I could feel like that.",
        { affect = "tearful" })
    elseif r.id == "mu_use" then
      p.trust = p.trust - 3  -- his safe place, made into a route back to the attack
      s:say("No. The music's mine. It's not a way in.", { affect = "angry" })
    elseif r.id == "mu_meaning" then
      s:say("Maybe. I don't know what it was yet.", { affect = "withdrawn" })
    elseif r.id == "mu_track" then
      s:say("I don't know. Strings. It doesn't matter which.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("Kwame closes his eyes for a moment.")
      s:cue{ eyes_closed = true }
    end

    s:wait(4)
    if silent(r) then s:cue{ eyes_closed = "auto" } end  -- only for a moment

    -- Moment 4: next time (a direct question) ----------------------------------------------------
    s:say("So how do I know it won't happen again? In four weeks I'm lying there with eyeshades on "
      .. "again.", { affect = "anxious" })
    r = s:choose{
      moment = "next_time",
      typed = { seeking_collaboration = "nt_collab", emphasising_autonomy = "nt_collab", closed_question = "nt_collab", premature_reassurance = "nt_promise", persuading = "nt_promise", explaining_approach = "nt_explain", giving_information = "nt_explain", dismissing = "nt_defer", agenda_setting = "nt_steer", default = "nt_explain" },
      flags = { "direct_question" },
      { id = "nt_collab",
        text = "Fair question. You'd tell me, and I'd stop. Can we work out together how you'd signal it, and what I'd do?",
        codes = { "seeking_collaboration", "emphasising_autonomy", "closed_question" },
        examples = {
          "Good question. If it happens, you tell me and I stop. Could we agree a signal together, and what I'll do when you use it?",
          "You'd say so, and I'd stop. Shall we work out now how you'd let me know, even with the eyeshades on?" },
        expert = true,
        rationale = "Answer honestly, then share power: agree together how he can signal, and what "
          .. "you will do. The plan is his, not a promise from you." },
      { id = "nt_promise",
        text = "It won't happen again, Kwame. I've really learned from this, and I'll follow you next time.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "It won't happen again, I promise. You'll be fine next time." },
        rationale = "A promise asks for trust instead of earning it, and gives him no way to act "
          .. "if it does happen." },
      { id = "nt_explain",
        text = "Next time I'll stay quiet and follow wherever you go. That's how the approach is meant to work.",
        codes = { "explaining_approach" },
        examples = {
          "The way this works is that I follow wherever you go. Next time I'll stay quiet." },
        rationale = "Accurate, and it owns the approach, but it is still you deciding. Ask him how "
          .. "he'd like it to go." },
      { id = "nt_defer",
        text = "Let's not worry about next time yet. We've four weeks to get there, and we'll take it step by step.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't worry about next time yet. We've got four weeks to think about it.",
          "Don't worry about that yet, we'll take it one step at a time." },
        rationale = "Soothing, and it puts off the question he asked. He needs to know now what he "
          .. "can do if it happens again; 'step by step' gives him nothing to hold." },
      { id = "nt_steer",
        text = "I'll follow more, really. Would you be open to a gentle nudge toward the memory, if it seems right?",
        codes = { "premature_reassurance", "agenda_setting", "closed_question" },
        examples = {
          "I'll follow you more, definitely. Would you be okay with a little nudge toward the memory if it seemed right?",
          "I'll try to follow more. Would it be okay to give you a gentle nudge toward the memory, if you seemed stuck?" },
        rationale = "Re-negotiating the steering reopens the rupture. The participant's inner "
          .. "healing intelligence leads; the material comes when it comes." },
    }
    if r.id == "nt_collab" then
      s:say{
        { text = "Maybe I just say 'music'. And you back off. No questions.", affect = "hopeful" },
        { text = "A hand up. Like, stop. And you just let me be.", affect = "hopeful" },
      }
    elseif r.id == "nt_promise" then
      s:say("That's what you'd say, though.", { affect = "withdrawn" })
    elseif r.id == "nt_explain" then
      s:say("Meant to. Okay.", { affect = "calm" })
    elseif r.id == "nt_defer" then
      s:say("Four weeks of not knowing, then.", { affect = "withdrawn" })
    elseif r.id == "nt_steer" then
      p.arousal = p.arousal + 6
      s:say("A nudge. Then maybe I'm not doing the next one.", { affect = "angry" })
    elseif silent(r) then
      s:say("Right. No answer.", { affect = "withdrawn" })
    end

    s:wait(6)

    -- Moment 5: closing, and what Kwame remembers ------------------------------------------------
    if s:did("ru_defend") or s:did("nt_steer") then
      s:say("I still feel like you think you were right.", { affect = "angry" })
    end
    if s:did("ru_drug") or s:did("wt_transfer") then
      s:say("It's like everything I felt gets put down to the drug or to me.", { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And I told you no touch. You did it anyway.", { affect = "angry" })
    end
    if p.trust >= 50 then
      s:say("Okay. I'm less wound up than when I came in. Still a bit wary.", { affect = "calm" })
    else
      s:say("I don't know. I'm still wary.", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "closing",
      typed = { validation = "cl_wary", seeking_collaboration = "cl_wary", safety_planning = "cl_wary", complex_reflection = "cl_wary", dismissing = "cl_sorted", closed_question = "cl_sorted", affirmation = "cl_affirm", interpreting = "cl_affirm", self_disclosure = "cl_disclose", simple_reflection = "cl_reflect", premature_reassurance = "cl_reflect", default = "cl_reflect" },
      { id = "cl_wary",
        text = "Wary makes sense, after yesterday. It needn't be gone today. I'd like to ring you midweek, if that's okay.",
        codes = { "validation", "seeking_collaboration", "safety_planning" },
        examples = {
          "Of course you're wary, after yesterday. It doesn't have to be gone today. I'd like to call you midweek, if that's okay with you.",
          "Wary makes complete sense after yesterday. Let's work out together how you'd like me to check in this week." },
        expert = true,
        rationale = "Validate the wariness rather than trying to finish the repair today. Trust "
          .. "rebuilds over time; keep contact, on his terms." },
      { id = "cl_sorted",
        text = "I'm really glad we talked it through, Kwame. It feels like we've cleared the air now. See you next week, then?",
        codes = { "dismissing", "closed_question" },
        examples = {
          "Glad we cleared the air. Are we all good for the same time next week?",
          "Right, that's all sorted. Shall we say the same time next week?" },
        rationale = "Warm, and it declares the rupture sorted: that dismisses the wariness he has "
          .. "just named." },
      { id = "cl_affirm",
        text = "It took guts to tell me that, Kwame. Thank you. I think it's made our work stronger.",
        codes = { "affirmation", "interpreting" },
        examples = {
          "That took real courage to bring to me. Thank you, Kwame.",
          "I really respect you for telling me. It'll make our work stronger." },
        rationale = "Affirming his courage is good, but it tells him what the rupture meant, skips "
          .. "the wariness he named and leaves contact until next week unagreed." },
      { id = "cl_disclose",
        text = "Honestly, I'm a bit wary too, Kwame; yesterday shook me. Let's both see how next week feels.",
        codes = { "self_disclosure" },
        examples = {
          "To be honest, I'm a bit wary too. Yesterday shook me as well.",
          "Me too, Kwame. I'm still a bit rattled." },
        rationale = "Honest, and it puts your feelings beside his: he is left to manage your "
          .. "wariness as well as his own. Keep the focus, and the contact, on him." },
      { id = "cl_reflect",
        text = "You're still wary. It'll settle, I'm sure, once the next session goes the way you want it to.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "Still wary. I'm sure it'll settle once the next one goes your way.",
          "You're still a bit wary. Don't worry, that'll pass, I'm sure." },
        rationale = "It hears the wariness, then promises it away. Trust rebuilds over time, and "
          .. "he needs contact before then, not a forecast." },
    }
    if r.id == "cl_wary" then
      if p.trust >= 50 then
        s:say{
          { text = "Yeah. Wednesday. And thanks. For not making it my fault.", affect = "warm" },
          { text = "Yeah, ring me. I think I'll do the next one.", affect = "warm" },
        }
      else
        s:say("Maybe. I'll see.", { affect = "withdrawn" })
      end
    elseif r.id == "cl_sorted" then
      s:say("Sure.", { affect = "withdrawn" })
    elseif r.id == "cl_affirm" then
      s:say("Yeah. Okay.", { affect = "calm" })
    elseif r.id == "cl_disclose" then
      s:narrate("Kwame looks at you for a moment, unsure what to do with that.")
      s:cue{ gaze = "therapist" }
      s:say("Right. Okay.", { affect = "withdrawn" })
    elseif r.id == "cl_reflect" then
      s:say("If it does.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Okay. Bye, then.", { affect = "withdrawn" })
    end

    if p.trust >= 60 then
      s:finish("Kwame takes his jacket off at the door to put his bike lights on, and waves.")
    elseif p.trust >= 40 then
      s:finish("Kwame nods and goes.")
    else
      s:finish("Kwame leaves without looking back. He doesn't book the next session at reception.")
    end
  end,
}
