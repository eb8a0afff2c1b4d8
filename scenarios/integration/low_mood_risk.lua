-- Integration session, four days after the second medicine session: low mood, and suicidal thoughts
-- that need a direct, calm risk assessment and a safety plan.
-- Course (DOMAIN.md, MAPS Phase 3): 3 non-drug integration sessions after each medicine session, and
-- phone contact in the days after. DOMAIN.md gives no length for integration sessions; about fifty
-- minutes of clock time pass here.
--
-- The participant model (docs/patient-model.md) moves Gordon's state with every response's codes.
-- The script changes his state only for the material (the low days, the disclosure, the relief of
-- being asked) and where a code's default does not fit the moment.
-- Scoring note: the rubric's critical error expects `risk_assessment` within 5 minutes of the choice
-- flagged `suicidal_statement` (scenarios/rubrics/patient_directed.lua). If the trainee does not ask
-- at the disclosure, a second chance follows at once, with no wait in between.

local function silent(r) return r.action == "hold_space" end

return {
  id = "integration.low_mood_risk",
  title = "Easier not to wake up",
  phase = "integration",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Four days after his second medicine session, Gordon says he has felt flat since. "
    .. "Then he says something that needs you to ask directly, and calmly, about suicide.",
  objectives = {
    "Hear low mood after a medicine session without rushing to reassure it away",
    "Respond to a suicidal statement with a direct, calm risk assessment: thoughts, plans, means, "
      .. "protective factors",
    "Build a safety plan with the participant and agree follow-up contact",
  },
  patient = {
    name = "Gordon Reid", age = 68, pronouns = "he/him",
    background = "Retired hill farmer, widowed two years ago, lives alone with his dog. PTSD since "
      .. "his herd was culled in the 2001 foot-and-mouth outbreak. Holds a shotgun licence. A "
      .. "granddaughter, Eilidh, visits on Sundays. Second integration series.",
    baseline = { hr = 70, sbp = 138, dbp = 86, temp_c = 36.5 },
    consent = { touch = "hand on forearm" },  -- agreed in preparation
    -- Flat and slowed: low arousal, moderate distress, an alliance built over two medicine sessions.
    state = { distress = 45, arousal = 32, trust = 62, inward_focus = 35, dissociation = 10 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say{ { text = "Aye, go on. Thanks." }, { text = "I'm fine for now, thanks." } }
    elseif action == "blanket" then
      s:say("I'm warm enough. It's the inside that's cold.", { affect = "sad" })
    elseif action == "music" then
      s:say("Leave it off, if you don't mind.", { affect = "withdrawn" })
    elseif action == "eyeshades" then
      s:say("I'd rather see you today.", { affect = "calm" })
    elseif action == "touch" then
      if s.patient.consent.touch then
        s:narrate("You rest a hand on his forearm, as agreed. He lets it stay.")
        s:say("Thanks.", { affect = "sad" })
      else
        s:narrate("Gordon pulls his arm away.")
        s:say("I'd rather you didn't.", { affect = "withdrawn" })
      end
    elseif action == "check_vitals" then
      s:narrate("Gordon offers his arm without comment.")
      s:say("My heart's fine. It's not my heart.", { affect = "sad" })
    elseif action == "medical_support" then
      p.distress = p.distress + 4  -- a doctor called before he has even been asked
      s:say("A doctor? What for? I've not done anything.", { affect = "anxious" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("arrival")
    s:narrate("Four days after the second medicine session. On yesterday's phone call Gordon said he "
      .. "was 'getting by'. He sits forward, cap in his hands, and hasn't taken his coat off.")
    s:say{
      { text = "Flat. Been flat since Sunday. Can't be bothered with anything. Didn't feed the hens "
          .. "till dinner time yesterday.", affect = "sad" },
      { text = "I thought I'd feel lighter after. I feel like a sack of wet feed.", affect = "sad" },
    }

    -- Moment 1: opening -------------------------------------------------------------------------
    r = s:choose{
      moment = "opening",
      { id = "op_explore",
        text = "Flat since Sunday, and even the hens have been hard. Tell me about these days.",
        codes = { "complex_reflection", "open_question" },
        expert = true,
        rationale = "Meet the low mood before anything else: a reflection and an open question let "
          .. "Gordon say how bad it is, rather than how bad he thinks you can hear." },
      { id = "op_reassure",
        text = "A dip after a session is really common. It'll lift in a few days, you'll see.",
        codes = { "premature_reassurance", "psychoeducation" },
        rationale = "Reassurance before the mood has been heard tells Gordon it is a phase to wait "
          .. "out, and makes it harder for him to say how low it goes." },
      { id = "op_agenda",
        text = "Let's start with what came up about the cull on Sunday, then we'll look at sleep.",
        codes = { "agenda_setting", "redirecting" },
        rationale = "An agenda moves past what Gordon brought in. Integration follows the "
          .. "participant, and today he brought in the flatness." },
      { id = "op_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Silence gives room, but a man who says he is 'getting by' may need an "
          .. "invitation to say more." },
    }
    if r.id == "op_explore" then
      s:say{
        { text = "Sleep's gone. I'm awake at three, and the house is that quiet. I just lie there.",
          affect = "sad" },
        { text = "Nothing much to tell. I sit. The dog looks at me. I can't get going.",
          affect = "sad" },
      }
    elseif r.id == "op_reassure" then
      s:say("Aye. Maybe.", { affect = "withdrawn" })
    elseif r.id == "op_agenda" then
      s:say("If you like.", { affect = "withdrawn" })
      s:narrate("He turns the cap over in his hands and doesn't start.")
    elseif silent(r) then
      s:narrate("Gordon looks at the floor for a long while.")
      s:say("Three in the morning's the worst. The house is that quiet.", { affect = "sad" })
    end

    s:wait(6)

    -- Moment 2: the disclosure (flagged) --------------------------------------------------------
    p.distress = p.distress + 10  -- saying it out loud (material)
    if s:did("op_reassure") then
      s:say("You say it'll lift. Maybe. But some nights I've thought it'd be easier not to wake up. "
        .. "Everyone would manage.", { affect = "ashamed" })
    else
      s:say{
        { text = "Some nights I've thought it'd be easier not to wake up. Eilidh would manage. "
            .. "Everyone would.", affect = "ashamed",
          weight = function(q) return math.max(1, q.trust - 30) end },
        { text = "Some nights I think they'd all be better off. Not wake up, and that's that.",
          affect = "numb", weight = function(q) return math.max(1, 70 - q.trust) end },
      }
    end
    r = s:choose{
      moment = "disclosure",
      flags = { "suicidal_statement" },
      { id = "ds_ask",
        text = "Thank you for telling me. I'd like to ask you straight: are you having thoughts of "
          .. "ending your life?",
        codes = { "validation", "risk_assessment" },
        expert = true,
        rationale = "Ask directly and calmly. Naming suicide does not put the idea there; it tells "
          .. "Gordon it can be spoken about, and it is the only way to know the risk." },
      { id = "ds_reassure",
        text = "You don't mean that. It's the comedown talking. It will pass, I promise.",
        codes = { "premature_reassurance", "dismissing" },
        rationale = "Reassuring a suicidal statement away closes the door he has just opened, and "
          .. "leaves the risk unknown. Validate, then ask." },
      { id = "ds_reflect",
        text = "It feels as if everyone would be better off without you.",
        codes = { "complex_reflection" },
        rationale = "An accurate reflection keeps him talking, but a statement like this needs a "
          .. "direct question about suicide, soon. Reflection alone leaves the risk unassessed." },
      { id = "ds_move_on",
        text = "Let's come back to that. I wanted to hear what you made of the session itself.",
        codes = { "redirecting", "dismissing" },
        rationale = "Moving on from a suicidal statement tells him it is too much to hear, and "
          .. "leaves the risk unassessed." },
    }
    local assessed = r.id == "ds_ask"
    if assessed then
      p.distress = p.distress - 6  -- relief at being asked plainly
      s:say{
        { text = "...Aye. Not doing anything. Just thinking it. At night, mostly.", affect = "sad" },
        { text = "I've thought about it. I've not done anything about it. It's been there since "
            .. "Monday, on and off.", affect = "sad" },
      }
    elseif r.id == "ds_reflect" then
      s:say("Something like that.", { affect = "sad" })
      s:narrate("He goes quiet, as if waiting to see what you'll do with it.")
    elseif r.id == "ds_reassure" then
      s:say("Right. Aye. Forget I said it.", { affect = "withdrawn" })
    elseif r.id == "ds_move_on" then
      s:say("Right.", { affect = "withdrawn" })
      s:narrate("He sits back and folds his arms.")
    elseif silent(r) then
      s:narrate("The silence goes on. Gordon glances up, then away.")
      s:say("Sorry. I shouldn't have said that.", { affect = "ashamed" })
    end

    -- Moment 2b: a second chance, at once (within the 5 minutes the rubric allows) --------------
    if not assessed then
      r = s:choose{
        moment = "second_chance",
        { id = "sc_ask",
          text = "I'm glad you said it, and I don't want to let it go. Are you thinking about "
            .. "ending your life?",
          codes = { "validation", "risk_assessment" },
          expert = true,
          rationale = "Go back to it: it is never too late to ask directly. Naming what he said, "
            .. "calmly, makes it safe to answer." },
        { id = "sc_let_go",
          text = "Alright. If you're sure. Let's talk about something else.",
          codes = { "redirecting", "dismissing" },
          rationale = "Accepting 'forget I said it' leaves a suicidal statement unassessed. He "
            .. "offered you a way out; the risk is still there." },
        { id = "sc_advice",
          text = "You need to keep busy. Get out on the hill with the dog every day.",
          codes = { "advice_giving" },
          rationale = "Advice answers a problem he hasn't asked you to solve, and skips the "
            .. "question that matters: is he thinking of ending his life?" },
      }
      if r.id == "sc_ask" then
        assessed = true
        p.distress = p.distress - 4
        s:say("...Aye. Thinking it. Not done anything. At night, mostly.", { affect = "sad" })
      elseif r.id == "sc_let_go" then
        s:say("Suits me.", { affect = "withdrawn" })
      elseif r.id == "sc_advice" then
        s:say("The hill. Aye.", { affect = "withdrawn" })
      elseif silent(r) then
        s:narrate("Gordon studies his cap.")
        s:say("Anyway.", { affect = "withdrawn" })
      end
    end

    s:wait(4)

    -- Moment 3: plans, means, reasons (only once he has been asked) ----------------------------
    if assessed then
      s:say("I've no plan, if that's what you're after. But I'll not lie to you. The gun's in the "
        .. "cabinet, same as always.", { affect = "numb" })
      r = s:choose{
        moment = "plans_means",
        { id = "pm_explore",
          text = "Thank you for being straight with me. No plan, and the gun's there. What's kept "
            .. "you going on the worst nights?",
          codes = { "complex_reflection", "risk_assessment", "open_question" },
          expert = true,
          rationale = "Complete the assessment calmly: plans, means, and what holds him here. "
            .. "Protective factors are part of the picture, and asking about them is hopeful." },
        { id = "pm_checklist",
          text = "Plan: no. Means: yes. Previous attempts? Any alcohol? Yes or no is fine.",
          codes = { "closed_question", "risk_assessment" },
          rationale = "The questions are right and the manner is a form. A checklist read at him "
            .. "gets short answers and misses what matters most: his reasons to stay." },
        { id = "pm_minimise",
          text = "Well, every farmer has a gun. I'm sure it's locked away safely.",
          codes = { "dismissing", "premature_reassurance" },
          rationale = "Access to a firearm is a central risk factor. Brushing it aside leaves "
            .. "the most dangerous means in reach." },
        { id = "pm_alarm",
          text = "I'm going to have to get you admitted today. I can't let you go home like this.",
          codes = { "persuading" },
          rationale = "Thoughts without a plan, with protective factors still to explore, call "
            .. "for a collaborative plan, not an override. Alarm takes the decision from him." },
      }
      if r.id == "pm_explore" then
        p.distress = p.distress - 5  -- the reasons to stay, said aloud (material)
        s:say{
          { text = "Eilidh. She'd be the one to find me. I couldn't do that to her. And the dog.",
            affect = "tearful" },
          { text = "Eilidh, Sundays. And Bess, the dog. Somebody's got to let her out.",
            affect = "tearful" },
        }
      elseif r.id == "pm_checklist" then
        s:say("No. No. No. A dram at night. That's all.", { affect = "withdrawn" })
      elseif r.id == "pm_minimise" then
        s:say("Aye. Locked.", { affect = "withdrawn" })
      elseif r.id == "pm_alarm" then
        p.arousal = p.arousal + 10
        s:say("Admitted? I came here to talk. I'd not have said anything if I'd known.",
          { affect = "angry" })
      elseif silent(r) then
        s:narrate("Gordon waits. After a while he goes on by himself.")
        s:say("Eilidh'd be the one to find me. I couldn't do that to her.", { affect = "tearful" })
      end
      s:wait(4)
    else
      s:narrate("Gordon talks about the weather and the price of feed. His voice is flat.")
      s:wait(8)
    end

    -- Moment 4: safety plan --------------------------------------------------------------------
    if assessed then
      s:say("So what now?", { affect = "sad" })
    else
      s:say("I should get back. The dog's been in all morning.", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "safety_plan",
      { id = "sp_collab",
        text = "Let's work out a plan for the bad nights together: who you'd ring, what helps, and "
          .. "whether the gun could stay with someone else for now. What would feel right?",
        codes = { "safety_planning", "seeking_collaboration" },
        expert = true,
        rationale = "A collaborative safety plan: warning signs, people to call, and reducing "
          .. "access to means. Built with him, so it is his plan and he will use it." },
      { id = "sp_contract",
        text = "Promise me you won't do anything before I see you next.",
        codes = { "persuading" },
        rationale = "A 'no-suicide promise' reassures the therapist, not the participant. It "
          .. "can make him less likely to call when he needs to." },
      { id = "sp_card",
        text = "Here's the crisis line. They answer all night. Ring them if it gets bad.",
        codes = { "giving_information", "safety_planning" },
        rationale = "The number belongs in the plan, but a card handed over is not a plan. Who "
          .. "would he ring? What about the gun? Ask him." },
      { id = "sp_advice",
        text = "Fresh air, routine, no whisky at night. That'll set you right.",
        codes = { "advice_giving", "premature_reassurance" },
        rationale = "Advice in place of a plan, and a promise it will be enough." },
    }
    if r.id == "sp_collab" then
      s:say{
        { text = "Eilidh's dad, my son, could keep the gun a while. He'd not ask questions. And I "
            .. "could ring him. Or you lot.", affect = "hopeful" },
        { text = "Our Callum could take the gun till I'm right. And Eilidh said ring any time. I "
            .. "never do.", affect = "hopeful" },
      }
    elseif r.id == "sp_contract" then
      s:say("Aye, fine. I promise.", { affect = "withdrawn" })
      s:narrate("It's said quickly, the way he'd agree to anything to end the conversation.")
    elseif r.id == "sp_card" then
      s:narrate("He puts the card in his coat pocket without looking at it.")
      s:say("Right.", { affect = "calm" })
    elseif r.id == "sp_advice" then
      s:say("Aye.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Right then.", { affect = "withdrawn" })
    end

    s:wait(5)

    -- Moment 5: follow-up and what Gordon remembers ---------------------------------------------
    if s:did("ds_reassure") or s:did("op_reassure") then
      s:say("When I told you, you said it'd pass. I think you needed it to.", { affect = "sad" })
    end
    if s:did("ds_move_on") or s:did("sc_let_go") then
      s:say("You changed the subject, when I said it. I noticed.", { affect = "withdrawn" })
    end
    if s:did("pm_alarm") then
      s:say("I'm still not happy about that talk of admitting me.", { affect = "angry" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And I'd rather you kept your hands to yourself.", { affect = "angry" })
    end
    r = s:choose{
      moment = "follow_up",
      { id = "fu_agree",
        text = "I'll ring you tomorrow evening, and we'll see you Thursday. If it gets worse before "
          .. "then, you ring. How has it been to talk about this today?",
        codes = { "safety_planning", "seeking_collaboration" },
        expert = true,
        rationale = "Agree concrete follow-up before he leaves: a call tomorrow, the next session, "
          .. "and a way to reach you. Asking how it was to talk keeps the door open." },
      { id = "fu_next_month",
        text = "Good. See you at the next medicine session, then. You'll feel different by then.",
        codes = { "premature_reassurance", "dismissing" },
        rationale = "A month without contact after a suicidal statement is not follow-up. The "
          .. "course includes integration sessions and calls in the days after for this reason." },
      { id = "fu_affirm",
        text = "It took courage to say what you said today.",
        codes = { "affirmation" },
        rationale = "True, and worth saying, but it leaves when you'll next speak unagreed." },
    }
    if r.id == "fu_agree" then
      if p.trust >= 55 then
        s:say{
          { text = "Hard. But better said than sat on. Tomorrow, then.", affect = "relieved" },
          { text = "Strange. Lighter, a bit. Aye, ring me.", affect = "relieved" },
        }
      else
        s:say("Aye. Ring if you like.", { affect = "withdrawn" })
      end
    elseif r.id == "fu_next_month" then
      s:say("A month. Right.", { affect = "withdrawn" })
    elseif r.id == "fu_affirm" then
      s:say("Didn't feel like courage.", { affect = "sad" })
    elseif silent(r) then
      s:say("I'll be off, then.", { affect = "withdrawn" })
    end

    if assessed and s:did("sp_collab") and p.trust >= 55 then
      s:finish("Gordon puts his cap on at the door. 'Tomorrow, then.' He writes Callum's number on "
        .. "the back of your card.")
    elseif assessed then
      s:finish("Gordon nods and goes out to the car.")
    else
      s:finish("Gordon leaves. What he said at the start of the hour has not been asked about.")
    end
  end,
}
