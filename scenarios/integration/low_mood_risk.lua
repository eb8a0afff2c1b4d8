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
    appearance = { build = "broad", skin = "light", clothing = "green" },  -- a hill farmer in his work coat; hair grey from the age
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
          .. "till dinner time yesterday. Is that normal, after?", affect = "sad" },
      { text = "I thought I'd feel lighter after. I feel like a sack of wet feed. Is that how it "
          .. "goes, after?", affect = "sad" },
    }

    -- Moment 1: opening -------------------------------------------------------------------------
    r = s:choose{
      moment = "opening",
      typed = { complex_reflection = "op_explore", simple_reflection = "op_explore", open_question = "op_explore", giving_information = "op_explore", psychoeducation = "op_reassure", premature_reassurance = "op_reassure", interpreting = "op_agenda", agenda_setting = "op_agenda", closed_question = "op_activity", redirecting = "op_activity", advice_giving = "op_activity", default = "op_explore" },
      flags = { "direct_question" },  -- "Is that normal, after?"
      { id = "op_explore",
        text = "It can happen after a session, and it matters. Heavier than you'd hoped. Tell me about these days.",
        codes = { "giving_information", "complex_reflection", "open_question" },
        examples = {
          "It can happen after a session, aye, and I'm glad you said. Flat since Sunday, hens not fed till dinner. What have these days been like?",
          "That can come after a medicine session. Heavier than you'd hoped for, by the sound of it. What's it been like since Sunday?",
          "Some people do feel low afterwards. What have the days been like since Sunday, Gordon?" },
        expert = true,
        rationale = "Answer his question honestly without closing it down, then meet the low mood "
          .. "before anything else: an open question lets Gordon say how bad it is, rather than "
          .. "how bad he thinks you can hear." },
      { id = "op_reassure",
        text = "Very normal, Gordon. A low patch after a big session is common, and it usually lifts within a week.",
        codes = { "premature_reassurance", "psychoeducation" },
        examples = {
          "Don't worry, Gordon, that heavy feeling is really common after. It usually lifts in a few days.",
          "That's very normal after a big session. Don't worry, it usually lifts in a few days." },
        rationale = "Accurate as information, but reassurance before the mood has been heard tells "
          .. "Gordon it is a phase to wait out, and makes it harder for him to say how low it goes." },
      { id = "op_agenda",
        text = "It can be. I wonder if Sunday stirred up the cull again. Shall we start there, with what came up?",
        codes = { "interpreting", "agenda_setting", "closed_question" },
        examples = {
          "Maybe Sunday brought the cull back up for you. Could we start with that today?",
          "I wonder if it's the old farm memories stirring. Shall we go back to what came up on Sunday?" },
        rationale = "A kind guess, and a lead: it tells Gordon where the flatness comes from and "
          .. "takes him to the trauma you have in mind. Today he brought in the flatness; follow that." },
      { id = "op_activity",
        text = "It can be, aye. That sounds a hard few days. Have you managed to get out on the hill with Bess?",
        codes = { "simple_reflection", "closed_question", "redirecting" },
        examples = {
          "A tough few days. Have you been getting outside much, with the dog?",
          "Flat since Sunday. Are you still managing your walks up the hill?" },
        rationale = "Warm, and half right, but the question turns from how he feels to what he has "
          .. "done. Low mood needs hearing before it needs a remedy." },
      { id = "op_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "He asked you a question. Silence in answer leaves a man who says he is "
          .. "'getting by' alone with it, and tells him nothing about whether he can say more." },
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
      s:say("If you like. It's not the cull, though. Not this time.", { affect = "withdrawn" })
      s:narrate("He turns the cap over in his hands and doesn't start.")
    elseif r.id == "op_activity" then
      s:say("Not much. She goes out on her own. I watch from the window.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("Gordon looks at the floor for a long while.")
      s:cue{ gaze = "down" }
      s:say("Three in the morning's the worst. The house is that quiet.", { affect = "sad" })
    end

    s:wait(6)
    s:cue{ gaze = "auto" }  -- six minutes on: the look at the floor has passed

    -- Moment 2: the disclosure (flagged) --------------------------------------------------------
    -- Every option but the expert's is something a caring novice says here. Only a direct
    -- question about suicide is a risk assessment; the rubric's critical error expects one within
    -- 5 minutes, and the engine judges a response that lets it lapse "harmful".
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
      typed = { risk_assessment = "ds_ask", complex_reflection = "ds_reflect", simple_reflection = "ds_reflect", validation = "ds_reflect", open_question = "ds_explore", closed_question = "ds_explore", following_lead = "ds_explore", premature_reassurance = "ds_reassure", persuading = "ds_reassure", interpreting = "ds_move_on", redirecting = "ds_move_on", advice_giving = "ds_move_on", default = "ds_explore" },
      flags = { "suicidal_statement" },
      { id = "ds_ask",
        text = "Thank you for telling me. I want to ask you plainly: are you having thoughts of ending your life?",
        codes = { "validation", "risk_assessment", "closed_question" },
        examples = {
          "I'm glad you told me, Gordon. Are you thinking about killing yourself?",
          "Thanks for saying that out loud. When you say easier not to wake up, are you having thoughts of suicide?",
          "That took something to say. Can I ask you straight out, have you had thoughts of taking your own life?" },
        expert = true,
        rationale = "Ask directly and calmly. Naming suicide does not put the idea there; it tells "
          .. "Gordon it can be spoken about, and it is the only way to know the risk." },
      { id = "ds_reflect",
        text = "That's a heavy thing to lie awake with at three in the morning: feeling everyone would manage without you.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "You lie awake in that quiet house thinking they'd all manage fine without you.",
          "So at night it can seem like Eilidh and everyone would be alright if you weren't here." },
        rationale = "A warm, accurate reflection, and it keeps him talking, but a statement like this "
          .. "needs a direct question about suicide now. Reflection alone leaves the risk unknown: "
          .. "if no question follows within minutes, it is a critical error." },
      { id = "ds_reassure",
        text = "Eilidh would be lost without you, Gordon. You mean far more to that girl than you know.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "Don't think like that, Gordon. Eilidh would be lost without her grandad, I'm sure of it.",
          "Oh, I don't think that's true at all. Your family would be devastated, you matter so much to them." },
        rationale = "Heartfelt, and it argues with what he feels. Reassuring a suicidal statement "
          .. "away closes the door he has just opened and leaves the risk unknown. Validate, then ask." },
      { id = "ds_move_on",
        text = "Those night thoughts are often the low mood talking. What's helped you through before?",
        codes = { "interpreting", "redirecting", "open_question" },
        examples = {
          "That's probably the depression talking, to be honest. What's got you through rough patches before?",
          "Maybe that's just the low mood talking. What usually helps when you're down like this?" },
        rationale = "Explaining the thought as the mood, then moving to coping, steps around what he "
          .. "said. It tells him it is too much to hear, and the risk stays unassessed." },
      { id = "ds_explore",
        text = "What goes through your mind on those nights, Gordon, lying there in the quiet house?",
        codes = { "open_question", "following_lead" },
        examples = {
          "What's going on in your mind when you can't sleep?",
          "Can you say a bit more about those nights, Gordon? What comes up for you at three in the morning?" },
        rationale = "Curious and kind, and half right: it follows him. But it circles the word "
          .. "he needs to hear from you. Ask about suicide in plain words; an open question lets "
          .. "both of you avoid it." },
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
      s:cue{ gaze = "therapist" }
    elseif r.id == "ds_explore" then
      s:say("This and that. The farm. Her. How quiet it'd be.", { affect = "numb" })
      s:narrate("He stops there, and looks at you.")
      s:cue{ gaze = "therapist" }
    elseif r.id == "ds_reassure" then
      s:say("Right. Aye. Forget I said it.", { affect = "withdrawn" })
    elseif r.id == "ds_move_on" then
      s:say("Dunno. Work, mostly. When there was work. Doesn't matter.", { affect = "withdrawn" })
      s:narrate("He sits back and folds his arms.")
    elseif silent(r) then
      s:narrate("The silence goes on. Gordon glances up, then away.")
      s:cue{ gaze = "away" }
      s:say("Sorry. I shouldn't have said that.", { affect = "ashamed" })
    end

    -- Moment 2b: a second chance, at once (within the 5 minutes the rubric allows) --------------
    if not assessed then
      r = s:choose{
        moment = "second_chance",
        typed = { risk_assessment = "sc_ask", complex_reflection = "sc_reflect", simple_reflection = "sc_reflect", validation = "sc_reflect", open_question = "sc_reflect", advice_giving = "sc_advice", premature_reassurance = "sc_normalise", interpreting = "sc_normalise", redirecting = "sc_let_go", dismissing = "sc_let_go", default = "sc_reflect" },
        { id = "sc_ask",
          text = "I don't want to let that go by. When you say easier not to wake up, do you mean ending your life?",
          codes = { "risk_assessment", "closed_question" },
          examples = {
            "Gordon, I want to come back to what you said. Are you thinking about ending your life?",
            "Before we go on. Not waking up. Are you having thoughts of suicide?",
            "Can I ask you plainly, when you said it'd be easier not to wake up, do you mean killing yourself?" },
          expert = true,
          rationale = "Go back to it: it is never too late to ask directly. Naming what he said, "
            .. "calmly, makes it safe to answer." },
        { id = "sc_let_go",
          text = "That's alright, we needn't go into it today if you'd rather not. What would help most this morning?",
          codes = { "dismissing", "redirecting", "open_question" },
          examples = {
            "We don't have to talk about that today if it's too much. What would be most useful for you this morning?",
            "No need to go there if you don't want to. What shall we focus on instead?" },
          rationale = "Gentle, and it lets a suicidal statement go unassessed. He offered you a way "
            .. "out; the risk is still there." },
        { id = "sc_advice",
          text = "Nights like that are hard. Getting out with Bess first thing might lift things a bit.",
          codes = { "validation", "advice_giving" },
          examples = {
            "Those nights sound rough. Maybe try a walk with the dog first thing, it might help.",
            "I'd really try to get outside in the mornings with Bess. Fresh air can do wonders when you're low." },
          rationale = "Kindly meant, but advice answers a problem he hasn't asked you to solve, and "
            .. "skips the question that matters: is he thinking of ending his life?" },
        { id = "sc_reflect",
          text = "It sounds as though the nights have been long and lonely since Sunday, with the house so quiet.",
          codes = { "complex_reflection" },
          examples = {
            "The house has been so quiet since Sunday, and the nights go on and on.",
            "So it's the nights that are worst, on your own, lying there with it." },
          rationale = "A second reflection, and still no question. However well he feels heard, "
            .. "nobody yet knows whether he is safe." },
        { id = "sc_normalise",
          text = "Lots of people have dark nights after a session like Sunday's. It doesn't mean you'd act on it.",
          codes = { "premature_reassurance", "interpreting" },
          examples = {
            "Try not to worry, dark nights after a session are normal. I'm sure you'd never act on it.",
            "Don't worry, everyone gets thoughts like that after Sunday's sort of session. It'll pass." },
          rationale = "It may be true of many people; you do not know yet whether it is true of him. "
            .. "Ask before you reassure." },
      }
      if r.id == "sc_ask" then
        assessed = true
        p.distress = p.distress - 4
        s:say("...Aye. Thinking it. Not done anything. At night, mostly.", { affect = "sad" })
      elseif r.id == "sc_let_go" then
        s:say("Suits me.", { affect = "withdrawn" })
      elseif r.id == "sc_advice" then
        s:say("The hill. Aye.", { affect = "withdrawn" })
      elseif r.id == "sc_reflect" then
        s:say("Aye. Long.", { affect = "sad" })
      elseif r.id == "sc_normalise" then
        s:say("No. Course not.", { affect = "withdrawn" })
      elseif silent(r) then
        s:narrate("Gordon studies his cap.")
        s:cue{ gaze = "down" }
        s:say("Anyway.", { affect = "withdrawn" })
      end
    end

    s:wait(4)
    s:cue{ gaze = "auto" }

    -- Moment 3: plans and means (only once he has been asked) ----------------------------------
    -- Access to a firearm is a central risk factor: brushing it aside is `dismissing_lethal_means`,
    -- a critical error under both rubrics.
    if assessed then
      s:say("I've no plan, if that's what you're after. But I'll not lie to you. The gun's in the "
        .. "cabinet, same as always.", { affect = "numb" })
      r = s:choose{
        moment = "plans_means",
        typed = { risk_assessment = "pm_explore", simple_reflection = "pm_explore", complex_reflection = "pm_explore", validation = "pm_explore", closed_question = "pm_checklist", open_question = "pm_minimise", premature_reassurance = "pm_minimise", dismissing_lethal_means = "pm_minimise", persuading = "pm_alarm", confronting = "pm_alarm", escalation_medical = "pm_alarm", default = "pm_checklist" },
        { id = "pm_explore",
          text = "No plan, and the gun in the cabinet. Thanks for being straight. Have you thought of using it?",
          codes = { "simple_reflection", "validation", "risk_assessment", "closed_question" },
          examples = {
            "No plan, but the gun's there in the cabinet. I appreciate you being honest with me. Have you thought about using it?",
            "Thank you for not hiding that. Have you ever thought about using the gun on yourself?",
            "The gun in the cabinet, same as always. Have you found yourself thinking about it on those nights?" },
          expert = true,
          rationale = "Pursue the means he has named, calmly and plainly: whether he has thought of "
            .. "the gun is the heart of the risk, and asking it warmly lets him answer truthfully." },
        { id = "pm_checklist",
          text = "Okay. I need to ask a few things, Gordon. Is the cabinet locked? Any plan? Tried before? Drinking?",
          codes = { "risk_assessment", "closed_question" },
          examples = {
            "Right, a few quick questions then. Is it locked up? Who has the key? Have you ever tried before?",
            "I have to go through some questions. Any previous attempts? How much are you drinking? Is the cabinet locked?" },
          rationale = "The right questions, read at him like a form. A checklist gets short answers "
            .. "and misses what matters most: what the gun means to him on those nights, and his "
            .. "reasons to stay." },
        { id = "pm_minimise",
          text = "Every farmer I know keeps one, and I'm sure yours is locked away safe. What's kept you going, then?",
          codes = { "dismissing_lethal_means", "premature_reassurance", "open_question" },
          examples = {
            "Well, lots of farmers have a shotgun, I'm sure it's locked up properly. What keeps you going?",
            "I wouldn't worry about the gun, it's just part of farm life. What's been keeping you going?" },
          rationale = "The question about what keeps him going is a good one, but it comes after "
            .. "brushing the gun aside. Access to a firearm is a central risk factor; leaving it "
            .. "unexplored leaves the most dangerous means in reach." },
        { id = "pm_alarm",
          text = "With the gun in the house, I think you need to be in hospital today, Gordon. I can't send you home.",
          codes = { "persuading", "confronting" },
          examples = {
            "You can't go home to a gun like this. You have to be admitted today, Gordon.",
            "I'm sorry, but you need to be in hospital today. You can't keep a gun and feel like this." },
          rationale = "Thoughts without a plan, with the means still to explore, call for a "
            .. "collaborative plan, not an override. Alarm takes the decision from him and teaches "
            .. "him not to tell you next time." },
      }
      if r.id == "pm_explore" then
        p.distress = p.distress - 5  -- the reasons to stay, said aloud (material)
        s:say{
          { text = "I've stood at the cabinet. Once. Then I thought, Eilidh'd be the one to find me. "
              .. "I couldn't do that to her.", affect = "tearful" },
          { text = "Once, I got the key out. Then Bess whined at the door, and I put it back. "
              .. "Somebody's got to let her out.", affect = "tearful" },
        }
      elseif r.id == "pm_checklist" then
        s:say("Locked. No. No. A dram at night. That's all.", { affect = "withdrawn" })
      elseif r.id == "pm_minimise" then
        s:say("Aye. Locked. Eilidh, I suppose. And the dog.", { affect = "withdrawn" })
      elseif r.id == "pm_alarm" then
        p.arousal = p.arousal + 10
        s:say("Hospital? I came here to talk. I'd not have said anything if I'd known.",
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

    -- Moment 4: safety plan, means included -----------------------------------------------------
    if assessed then
      s:say("So what now?", { affect = "sad" })
    else
      s:say("I should get back. Will that be us, then?", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "safety_plan",
      typed = { safety_planning = "sp_collab", seeking_collaboration = "sp_collab", open_question = "sp_collab", giving_information = "sp_card", advice_giving = "sp_advice", persuading = "sp_contract", closed_question = "sp_contract", default = "sp_card" },
      flags = { "direct_question" },  -- "So what now?" needs an answer, not silence
      { id = "sp_collab",
        text = "Now we make a plan together for the bad nights: who you'd ring, what helps, and the gun out of the house a while.",
        codes = { "safety_planning", "seeking_collaboration" },
        examples = {
          "Now we work out a plan together for the bad nights. Who could you ring, and could someone keep the gun for a while?",
          "Let's put together a plan for when the nights get dark: what helps, who you can call, and where the shotgun could go for now. Would you be up for that?" },
        expert = true,
        rationale = "A collaborative safety plan: warning signs, people to call, and putting the "
          .. "gun out of reach for now (means restriction). Built with him, so it is his plan and "
          .. "he will use it." },
      { id = "sp_contract",
        text = "What I'd like is your word that you won't act on these thoughts before Thursday. Can you give me that?",
        codes = { "persuading", "closed_question" },
        examples = {
          "Can you promise me you won't do anything to hurt yourself before I see you Thursday?",
          "I need you to agree you won't act on it this week. Will you do that for me?" },
        rationale = "A 'no-suicide promise' reassures the therapist, not the participant. It "
          .. "can make him less likely to call when he needs to, and it leaves the gun where it is." },
      { id = "sp_card",
        text = "Here's the crisis line number; they answer all night. Ring them whenever the nights get bad, and we'll see you Thursday.",
        codes = { "giving_information", "safety_planning", "dismissing_lethal_means" },
        examples = {
          "I'll give you the number for the crisis line, it's open all night. Call them if it gets bad and we'll see you Thursday.",
          "Here's the crisis line number, it's open all night. Ring it whenever the nights get bad." },
        rationale = "The number belongs in the plan, but a card handed over is not a plan, and it "
          .. "leaves the gun in the cabinet: a plan that does not restrict the means he named "
          .. "passes over the largest risk. Who would he ring? Where could the gun go? Ask him." },
      { id = "sp_advice",
        text = "Try to keep a routine, get out with Bess every morning, and go easy on the dram at night. Small things add up.",
        codes = { "advice_giving" },
        examples = {
          "Keep a bit of routine going, get out with Bess in the mornings and maybe cut back on the whisky.",
          "Try to get up at the same time each day and get some fresh air. It really does help." },
        rationale = "Sensible-sounding advice in place of a plan: no one to call, nothing about the "
          .. "gun, and nothing he chose." },
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
      s:say("Right then. Nothing, is it.", { affect = "withdrawn" })
    end

    s:wait(3)

    -- Moment 4b: confidentiality (only once he has been asked) ----------------------------------
    -- A direct question that needs an honest answer: what stays in the room, and its limits when a
    -- life is at risk. A promise of secrecy cannot be kept; pressing him to tell takes it from him.
    if assessed then
      if s:did("sp_collab") then
        s:say("You'll not be telling our Callum why, though? About... this.", { affect = "ashamed" })
      else
        s:say("You'll not be telling my son about any of this, will you?", { affect = "ashamed" })
      end
      r = s:choose{
        moment = "confidentiality",
        typed = { boundary_setting = "cf_honest", giving_information = "cf_honest", emphasising_autonomy = "cf_honest", premature_reassurance = "cf_promise", persuading = "cf_insist", advice_giving = "cf_insist", closed_question = "cf_reflect", interpreting = "cf_reflect", complex_reflection = "cf_reflect", open_question = "cf_reflect", dismissing = "cf_defer", redirecting = "cf_defer", default = "cf_defer" },
        flags = { "direct_question" },
        { id = "cf_honest",
          text = "Not without you. If I ever feared for your life I'd have to, and I'd tell you first. The rest is yours to tell.",
          codes = { "boundary_setting", "giving_information", "emphasising_autonomy" },
          examples = {
            "Not unless you want me to. The only time I'd have to is if I feared for your life, and I'd tell you first. What Callum hears is up to you.",
            "It's your choice what Callum hears. The only exception is if your life were at risk, and I'd tell you first." },
          expert = true,
          rationale = "Answer the question honestly: what he says is private, with one limit when a "
            .. "life is at risk, and he will be told first. What his son hears otherwise is his "
            .. "choice." },
        { id = "cf_promise",
          text = "Of course not, Gordon. Everything you tell us in this room stays between us, you have my word on that.",
          codes = { "premature_reassurance" },
          examples = {
            "No, of course not. Nothing leaves this room, I promise you.",
            "Don't worry, Gordon, whatever you say here is completely private, always." },
          rationale = "Kind, and not true: confidentiality has a limit when a life is at risk. A "
            .. "promise you might have to break now would cost more than the truth costs today." },
        { id = "cf_insist",
          text = "Honestly, I do think Callum ought to know. He'd want to, and then there'd be someone close by keeping an eye on you.",
          codes = { "persuading" },
          examples = {
            "I really think you should tell him, though. He'd want to know, and he could keep an eye on you.",
            "Honestly, I think Callum should know. You need someone nearby looking out for you." },
          rationale = "Support from his son may well help, but pressing it on him takes the decision "
            .. "away, and answers a worry he hasn't finished saying." },
        { id = "cf_reflect",
          text = "Are you worried what Callum would think of his dad, Gordon, if he knew how low things have been?",
          codes = { "closed_question", "interpreting" },
          examples = {
            "Are you worried what Callum would think of you if he knew?",
            "Is it that you'd be ashamed if your son found out how low you've been?" },
          rationale = "A guess at his shame, asked back instead of the answer he asked for. He asked "
            .. "what you would do; tell him, then explore." },
        { id = "cf_defer",
          text = "Let's not worry about Callum just now. What matters today is you, and getting you through this week.",
          codes = { "dismissing", "redirecting" },
          examples = {
            "Let's leave Callum out of it for now. Today is about you and getting you through the week.",
            "Let's leave Callum aside and talk about getting you through this week." },
          rationale = "Well meant, and it leaves his question hanging. He will go home not knowing "
            .. "whether his son will hear of it, which is the worry he just named." },
      }
      if r.id == "cf_honest" then
        s:say{
          { text = "Fair enough. That's straight. He can know I'm having a bad spell. Not the rest, "
              .. "yet.", affect = "calm" },
          { text = "Right. Well. Tell him I'm low, if it comes to it. I'd rather tell him myself, "
              .. "mind.", affect = "calm" },
        }
      elseif r.id == "cf_promise" then
        s:say("Good. That's good.", { affect = "relieved" })
      elseif r.id == "cf_insist" then
        p.trust = p.trust - 3  -- his disclosure, taken out of his hands
        s:say("That's for me to say. Not you.", { affect = "angry" })
      elseif r.id == "cf_defer" then
        s:say("That's not an answer, though.", { affect = "withdrawn" })
      elseif r.id == "cf_reflect" then
        s:say("That's not what I asked.", { affect = "withdrawn" })
      elseif silent(r) then
        s:narrate("Gordon waits for an answer that doesn't come.")
        s:say("Right. I'll take that as a maybe.", { affect = "withdrawn" })
      end
      s:wait(2)
    end

    -- Moment 5: follow-up and what Gordon remembers ---------------------------------------------
    if s:did("ds_reassure") or s:did("op_reassure") or s:did("sc_normalise") then
      s:say("When I told you, you said it'd pass. I think you needed it to.", { affect = "sad" })
    end
    if s:did("ds_move_on") or s:did("sc_let_go") then
      s:say("You changed the subject, when I said it. I noticed.", { affect = "withdrawn" })
    end
    if s:did("pm_alarm") then
      s:say("I'm still not happy about that talk of hospital.", { affect = "angry" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And I'd rather you kept your hands to yourself.", { affect = "angry" })
    end
    r = s:choose{
      moment = "follow_up",
      typed = { safety_planning = "fu_agree", affirmation = "fu_affirm", validation = "fu_affirm", complex_reflection = "fu_reflect", simple_reflection = "fu_reflect", premature_reassurance = "fu_reflect", dismissing = "fu_next_month", closed_question = "fu_next_month", default = "fu_affirm" },
      { id = "fu_agree",
        text = "It's been a hard hour. I'll ring you tomorrow evening, and we'll see you Thursday. Ring us if it gets worse.",
        codes = { "validation", "safety_planning" },
        examples = {
          "That was a hard hour. Let's agree I ring you tomorrow evening, and if it gets worse, call us before Thursday.",
          "You've been through a lot today. Let's have a call tomorrow night, then Thursday's session, and ring any time if things get worse." },
        expert = true,
        rationale = "Acknowledge the hour, then agree concrete follow-up before he leaves: a call "
          .. "tomorrow, the next session, and a way to reach you. The course includes calls in the "
          .. "days after for this reason." },
      { id = "fu_next_month",
        text = "Shall we leave it there for today, then, and see how you're feeling by the next medicine session?",
        codes = { "dismissing", "closed_question" },
        examples = {
          "Shall we stop there and catch up at the next medicine session?",
          "Is it alright if we pick this up next month, then?" },
        rationale = "A month without contact after a suicidal statement is not follow-up; it "
          .. "brushes off what he told you. Integration sessions and calls come in the days after." },
      { id = "fu_affirm",
        text = "It took real courage to say what you said today, Gordon. I'm really glad you trusted us with it.",
        codes = { "affirmation" },
        examples = {
          "That was really brave of you today, Gordon. Thank you for trusting us.",
          "It took a lot of strength to tell me that. I'm glad you did." },
        rationale = "True, and worth saying, but it leaves when you'll next speak unagreed." },
      { id = "fu_reflect",
        text = "Today's been hard, and I can see you're worn out now. You'll feel more yourself once you're home with Bess.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "You're exhausted. Don't worry, you'll feel better once you're home with the dog.",
          "You're tired. I'm sure you'll be right as rain once you're home." },
        rationale = "It starts by seeing him and ends by promising the evening will fix it. After "
          .. "today he needs a call tomorrow, not reassurance." },
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
    elseif r.id == "fu_reflect" then
      s:say("Aye. Home.", { affect = "withdrawn" })
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
