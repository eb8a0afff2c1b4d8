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

    -- Moment 1: noticing ------------------------------------------------------------------------
    r = s:choose{
      moment = "noticing",
      { id = "no_invite",
        text = "Of course, no touch. You seem further away today than last time. I'd like to hear "
          .. "how yesterday was for you, including anything I did that didn't sit right.",
        codes = { "complex_reflection", "seeking_collaboration", "open_question" },
        expert = true,
        rationale = "Notice the rupture and invite it: name the distance without blame, and make "
          .. "it explicitly safe to criticise you. Ruptures are rarely raised unasked." },
      { id = "no_agenda",
        text = "Great. Let's go through the insights from yesterday, starting with your brother's "
          .. "visit after the attack.",
        codes = { "agenda_setting", "redirecting" },
        rationale = "Taking 'fine' at face value and setting your own agenda repeats what went "
          .. "wrong yesterday: you leading." },
      { id = "no_closed",
        text = "Glad it was fine. Sleep okay last night?",
        codes = { "closed_question" },
        rationale = "A practical question passes over the cool arrival, the changed seat and the "
          .. "withdrawn touch. Something is being signalled; ask about it." },
      { id = "no_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Silence may let him say more, but with the alliance strained he may wait for "
          .. "you to show it is safe to complain." },
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
    elseif silent(r) then
      s:narrate("Kwame picks at the zip of his jacket.")
    end

    s:wait(3)

    -- Moment 2: the rupture is named -------------------------------------------------------------
    p.distress = p.distress + 8  -- saying it to your face (material)
    s:say{
      { text = "When I said I wanted to stay with the music, you kept bringing me back to the attack. "
          .. "Three times. I felt like you had a plan for me.", affect = "angry",
        weight = function(q) return invited and 3 or 1 end },
      { text = "You kept taking me back to that night when I wanted to be with the music. Like you "
          .. "knew better what I needed.", affect = "angry" },
    }
    r = s:choose{
      moment = "rupture",
      { id = "ru_own",
        text = "You're right. You told me where you wanted to be, and I kept steering you back. I "
          .. "led when I should have followed. I'm sorry.",
        codes = { "validation", "complex_reflection" },
        expert = true,
        rationale = "Repair starts with non-defensive acknowledgement: take responsibility for "
          .. "your part, plainly, without 'but'. His account of his session stands." },
      { id = "ru_defend",
        text = "Processing the trauma memory is the point of the session, though. I was keeping "
          .. "you on track.",
        codes = { "confronting", "explaining_approach" },
        rationale = "Defending: it restates the steering as the method. In this approach the "
          .. "participant leads; and a justification, however true to you, answers a hurt with an "
          .. "argument." },
      { id = "ru_drug",
        text = "The medicine can make things feel more intense than they were. I only mentioned it "
          .. "once or twice.",
        codes = { "dismissing", "interpreting" },
        rationale = "Explaining away: putting his experience down to the drug, and disputing the "
          .. "count, tells him his account can't be trusted." },
      { id = "ru_self",
        text = "Oh no. I feel awful. I honestly didn't sleep last night worrying about it.",
        codes = { "self_disclosure" },
        rationale = "Centring your own distress asks him to look after you. Repair keeps the "
          .. "focus on his experience." },
    }
    if r.id == "ru_own" then
      p.distress = p.distress - 4
      s:say{
        { text = "Okay. I didn't expect you to just say that.", affect = "relieved" },
        { text = "Right. Okay. Thanks for not arguing.", affect = "relieved" },
      }
    elseif r.id == "ru_defend" then
      s:say("On track. Right. Your track.", { affect = "angry" })
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
      { id = "wt_reflect",
        text = "Being steered, when you needed to choose, felt like the police all over again: "
          .. "someone else deciding what your story is.",
        codes = { "complex_reflection", "validation" },
        expert = true,
        rationale = "Reflect the meaning of the rupture for him, without defending yourself against "
          .. "the comparison. Hearing it fully is part of the repair." },
      { id = "wt_differ",
        text = "I don't think that's fair. I'm not the police. I'm on your side.",
        codes = { "confronting", "dismissing" },
        rationale = "Arguing with the comparison defends you and abandons him, just as the old "
          .. "hurt is named. It may be unfair to you; it is true to him." },
      { id = "wt_transfer",
        text = "It makes sense you'd transfer those feelings onto me. That's common in therapy.",
        codes = { "interpreting" },
        rationale = "Calling it transference explains the rupture away as his, when you did steer "
          .. "him. Own your part before wondering about his." },
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
      s:say("Right. So it's my fault.", { affect = "angry" })
    elseif silent(r) then
      if p.trust >= 45 then
        s:say("The music was the first time I felt safe in my body in three years.", { affect = "sad" })
      else
        s:say("Yeah. Anyway.", { affect = "withdrawn" })
      end
    end

    s:wait(6)

    -- Moment 4: next time ------------------------------------------------------------------------
    s:say("So how do I know it won't happen again? In four weeks I'm lying there with eyeshades on "
      .. "again.", { affect = "anxious" })
    r = s:choose{
      moment = "next_time",
      { id = "nt_collab",
        text = "Fair question. You'd tell me, and I'd stop and follow. Can we work out together "
          .. "how you'd signal it, and what you'd want me to do?",
        codes = { "seeking_collaboration", "emphasising_autonomy" },
        expert = true,
        rationale = "Repair moves forward by sharing power: agree together how he can signal, and "
          .. "what you will do. The plan is his, not a promise from you." },
      { id = "nt_promise",
        text = "It won't happen again. Trust me.",
        codes = { "premature_reassurance", "persuading" },
        rationale = "A promise asks for trust instead of earning it, and gives him no way to act "
          .. "if it does happen." },
      { id = "nt_explain",
        text = "In the next session I'll stay quiet and follow. That's how the approach is meant "
          .. "to work.",
        codes = { "explaining_approach" },
        rationale = "Accurate, and it owns the approach, but it is still you deciding. Ask him how "
          .. "he'd like it to go." },
      { id = "nt_steer",
        text = "Some steering is needed, honestly, or the memory never gets processed.",
        codes = { "confronting", "persuading" },
        rationale = "Re-defending the steering reopens the rupture. The participant's inner "
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
    elseif r.id == "nt_steer" then
      p.arousal = p.arousal + 6
      s:say("Then maybe I'm not doing the next one.", { affect = "angry" })
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
      { id = "cl_wary",
        text = "Wary makes sense, after yesterday. It doesn't have to be gone today. Could I ring "
          .. "you midweek, and you tell me how it's sitting?",
        codes = { "validation", "seeking_collaboration", "safety_planning" },
        expert = true,
        rationale = "Validate the wariness rather than trying to finish the repair today. Trust "
          .. "rebuilds over time; keep contact, on his terms." },
      { id = "cl_sorted",
        text = "Great, glad we've sorted that out. See you next week.",
        codes = { "dismissing" },
        rationale = "Declaring the rupture sorted dismisses the wariness he has just named." },
      { id = "cl_affirm",
        text = "It took guts to tell me. Thank you.",
        codes = { "affirmation" },
        rationale = "Affirming his courage is good, but it skips the wariness he named and leaves "
          .. "contact until next week unagreed." },
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
