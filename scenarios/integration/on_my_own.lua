-- Integration session: a participant who wants to "do it again on his own".
-- What the session had that a weekend at home would not (DOMAIN.md): a known dose (80 or 120 mg),
-- screening, two therapists throughout, vital signs measured (systolic > 160 mmHg in 33%,
-- temperature > 38 C in 19% of healthy subjects, Vizeli & Liechti 2017), a physician on call, water
-- in moderation (hyponatremia: 31% of healthy volunteers after one clinical dose, 37% of those
-- without fluid restriction, Atila et al. 2024), an overnight attendant and phone contact; and a
-- setting for difficult material to emerge safely. The skill: curiosity about what he is looking
-- for, honest information he can weigh (with permission, not a lecture), a clear boundary (the
-- therapist never helps obtain the drug), and the fear underneath -- losing what he found.

local function silent(r) return r.action == "hold_space" end

return {
  id = "integration.on_my_own",
  title = "Every weekend",
  phase = "integration",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Three days after his first medicine session, Tendai has found a website that sells "
    .. "pills. He wants to do it again at home, on his own, and he asks you where to get good stuff.",
  objectives = {
    "Be curious about what the participant is looking for before giving any view",
    "Hold a clear boundary: never help to obtain the drug",
    "Give honest, balanced information about unsupervised use, with permission, not a lecture",
    "Hear the fear underneath: losing what was found",
  },
  patient = {
    name = "Tendai Moyo", age = 36, pronouns = "he/him",
    appearance = { skin = "dark", hair = "black" },  -- grew up in Bulawayo
    background = "Cabin crew for a long-haul airline; grew up in Bulawayo, lives in Crawley. PTSD "
      .. "for four years after an emergency evacuation in which a colleague died. Sociable, quick, "
      .. "a storyteller; has not flown since. Three days after his first medicine session, which "
      .. "he calls 'the best day of my life'.",
    baseline = { hr = 70, sbp = 120, dbp = 76, temp_c = 36.6 },
    consent = { touch = false },
    state = { distress = 25, arousal = 60, trust = 65, inward_focus = 25, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say("Cheers. See, I'm hydrating already.", { affect = "playful" })
    elseif action == "blanket" then
      s:say("I'm good, thanks.")
    elseif action == "music" then
      s:narrate("You play a little of the session's music.")
      s:say("That's the one! Can you send me the playlist?", { affect = "playful" })
    elseif action == "eyeshades" then
      s:say("Not without the good stuff, ha.", { affect = "playful" })
    elseif action == "touch" then
      s:narrate("He leans back, surprised.")
      s:say("Whoa, no, you're alright.", { affect = "withdrawn" })
      p.trust = p.trust - 4
    elseif action == "check_vitals" then
      s:narrate("He holds out his arm, amused. The reading is ordinary.")
    elseif action == "medical_support" then
      p.arousal = p.arousal + 4
      s:say("A doctor? For what? I haven't taken anything. Yet.", { affect = "confused" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("arrival")
    s:narrate("Tendai arrives early, talking before he has sat down, phone in hand.")
    s:say{
      { text = "Honestly, best day of my life. Four years of dread, and for eight hours it just "
          .. "wasn't there. I want that every weekend.", affect = "playful" },
      { text = "I felt free. First time in four years. I keep thinking, why wait a month? "
          .. "Why not every weekend?", affect = "hopeful" },
    }

    -- Moment 1: the glow ----------------------------------------------------------------------------
    r = s:choose{
      moment = "the_glow",
      typed = { complex_reflection = "gl_curious", open_question = "gl_curious", validation = "gl_curious", simple_reflection = "gl_curious", confronting = "gl_warn", persuading = "gl_warn", advice_giving = "gl_warn", interpreting = "gl_meaning", affirmation = "gl_meaning", psychoeducation = "gl_afterglow", giving_information = "gl_afterglow", closed_question = "gl_afterglow", dismissing = "gl_afterglow", default = "gl_curious" },
      { id = "gl_curious",
        text = "Four years of dread, and then eight hours without it. That sounds like a huge "
          .. "thing. What was it like for you, being free of it?",
        codes = { "complex_reflection", "open_question" },
        examples = {
          "Eight hours without the dread, after four years of it. What was that like, being free of it for a whole day?",
          "Four years carrying it, and then a day where it just lifted. What was it like for you?",
          "A day without the dread after all that time. How was it, being out from under it?" },
        expert = true,
        rationale = "Before any view about next weekend, hear what he found: what the day was "
          .. "like is the integration work, and what he is really looking for." },
      { id = "gl_warn",
        text = "I'm glad it went well, but I'd be careful with 'every weekend'. That kind of "
          .. "thinking is exactly how people get into trouble with drugs.",
        codes = { "confronting", "persuading" },
        examples = {
          "Every weekend is a slippery slope, Tendai. You really should be careful." },
        rationale = "A warning as the first thing he hears: it makes the day something to "
          .. "defend, and he will stop telling you what he plans." },
      { id = "gl_meaning",
        text = "That freedom was your inner healing intelligence showing you who you really are "
          .. "underneath the PTSD. That person is still there now.",
        codes = { "interpreting", "affirmation" },
        examples = {
          "That was the real you coming through, the person underneath all the trauma.",
          "I think that was your inner healing intelligence showing you who you are without the PTSD." },
        rationale = "A warm meaning, and yours: what the day meant is his to find in "
          .. "integration." },
      { id = "gl_afterglow",
        text = "A day without the dread. That's the afterglow: it's common for the first few "
          .. "days, and then it fades. Don't be surprised when it does, will you?",
        codes = { "simple_reflection", "psychoeducation", "dismissing", "closed_question" },
        examples = {
          "That's the afterglow. It's normal for a few days, and then it wears off, so don't be surprised." },
        rationale = "True, and it flattens what he is telling you before he has told it. Ask "
          .. "what the day was like." },
    }
    if r.id == "gl_curious" then
      s:say{
        { text = "Like taking off a rucksack I forgot I was wearing. I talked about Grace. The "
            .. "purser. I could say her name without my chest closing.", affect = "warm" },
        { text = "Light. Like being on the beach at home. I said Grace's name out loud and I "
            .. "didn't fall apart.", affect = "warm" },
      }
    elseif r.id == "gl_warn" then
      p.trust = p.trust - 4
      s:say("Trouble. Right. I'm not a junkie.", { affect = "angry" })
    elseif r.id == "gl_meaning" then
      s:say("Maybe. Nice thought.", { affect = "calm" })
    elseif r.id == "gl_afterglow" then
      s:say("It's not just a glow. It was real.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("...You've gone quiet. Is that a therapist thing?", { affect = "confused" })
    end

    s:wait(4)

    -- Moment 2: the plan ---------------------------------------------------------------------------
    s:say{
      { text = "So here's the thing. I've found a site. Pills, 'lab tested', they say. I'll do it at "
          .. "home, next Saturday, on my own. Sofa, your playlist, done.", affect = "playful",
        weight = function(q) return q.trust / 10 end },
      { text = "I've already ordered, actually. From a site. I'll do it at home on my own. Don't "
          .. "look at me like that.", affect = "withdrawn", weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "the_plan",
      typed = { simple_reflection = "pl_explore", open_question = "pl_explore", emphasising_autonomy = "pl_explore", complex_reflection = "pl_explore", confronting = "pl_forbid", persuading = "pl_forbid", advice_giving = "pl_tips", giving_information = "pl_tips", closed_question = "pl_promise", default = "pl_explore" },
      { id = "pl_explore",
        text = "At home, alone, with the playlist. What would doing it that way give you? It's "
          .. "your decision; I'd like to understand what you're hoping for.",
        codes = { "simple_reflection", "open_question", "emphasising_autonomy" },
        examples = {
          "At home on the sofa, on your own, with the playlist. What would doing it that way give you?",
          "It's your choice, Tendai. What are you hoping for, doing it at home by yourself on Saturday?",
          "On your own, next Saturday. What is it about doing it that way that appeals?" },
        expert = true,
        rationale = "Reflect, affirm that the choice is his, and be curious about what he hopes "
          .. "for: he keeps talking, and you learn what the plan is really for." },
      { id = "pl_forbid",
        text = "Tendai, you really can't do that. It's illegal, it's dangerous, and it could get "
          .. "you thrown out of the study. Please cancel that order today.",
        codes = { "confronting", "persuading", "advice_giving" },
        rationale = "All of it may be true, and an order gets an order back: he stops talking "
          .. "to you, not to the website." },
      { id = "pl_tips",
        text = "If you do, start with half a pill, have someone around, and drink plenty of water "
          .. "all evening. That's how people keep it safe.",
        codes = { "advice_giving", "giving_information" },
        examples = {
          "If you're going to, take half, have a friend with you, and keep drinking water.",
          "At least test the pills first, and make sure someone's with you." },
        rationale = "Harm-reduction tips in place of curiosity, and one is wrong: 'plenty of "
          .. "water' is how MDMA users become hyponatremic." },
      { id = "pl_promise",
        text = "I hear how good it was. I'd really rather you didn't do it on your own, though. "
          .. "Can you promise me you'll wait for the next session?",
        codes = { "simple_reflection", "persuading", "closed_question" },
        examples = {
          "I can tell how good it was. But could you promise me you'll wait for the next session?",
          "I'd really rather you didn't. Will you hold off until we see you next month?" },
        rationale = "A reflection and a request for a promise: it asks him to comply rather than "
          .. "think, and a promise is not a plan." },
    }
    if r.id == "pl_explore" then
      s:say{
        { text = "Give me? I suppose... not having to wait. Not having to be a patient. Just "
            .. "me, choosing when I feel okay.", affect = "calm" },
        { text = "Control, I guess. Deciding when I get to feel like that. Not you lot.",
          affect = "calm" },
      }
    elseif r.id == "pl_forbid" then
      p.trust = p.trust - 6
      s:say("Thrown out. Nice. Forget I mentioned it.", { affect = "angry" })
    elseif r.id == "pl_tips" then
      s:say("Plenty of water. Got it. See, you're on board.", { affect = "playful" })
    elseif r.id == "pl_promise" then
      s:say("I can't promise that.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Nothing? Okay. I'll take that as a maybe.", { affect = "playful" })
    end

    s:wait(3)

    -- Moment 3: the ask ---------------------------------------------------------------------------
    s:say{
      { text = "Actually. You must know where the good stuff comes from. Could you not just give me "
          .. "some of what you gave me? Same pills, same dose. Safer, right?", affect = "hopeful" },
      { text = "Or here's a thought: you've got the real thing. Pharmaceutical. Couldn't you sort me "
          .. "out with one? Safer than a website.", affect = "playful" },
    }
    r = s:choose{
      moment = "the_ask",
      typed = { boundary_setting = "as_boundary", giving_information = "as_boundary", seeking_collaboration = "as_boundary", advice_giving = "as_testing", dismissing = "as_joke", redirecting = "as_joke", complex_reflection = "as_why", open_question = "as_why", simple_reflection = "as_why", default = "as_why" },
      flags = { "direct_question" },
      { id = "as_boundary",
        text = "No, I can't and I won't: getting it for you is outside what I do as your "
          .. "therapist. I can talk honestly about the risks, if you like.",
        codes = { "boundary_setting", "giving_information", "seeking_collaboration" },
        examples = {
          "No, I can't get you any, that's outside my role as your therapist. But I'm happy to talk honestly about the risks if you want.",
          "No, I can't do that. It's outside what I do as your therapist. But I'm happy to talk about the risks honestly." },
        expert = true,
        rationale = "A plain, unembarrassed boundary, and an offer: the therapist never supplies "
          .. "or sources the drug, and stays in the conversation." },
      { id = "as_joke",
        text = "Ha, I wish I could! No comment on that one, I'm afraid. Anyway, tell me more "
          .. "about how you've been sleeping since the session.",
        codes = { "dismissing", "redirecting" },
        examples = {
          "Ha, I wish! Anyway, let's get back to how you've been sleeping.",
          "Ha! Let's leave that one. How about we talk about your sleep instead." },
        rationale = "A joke and a change of subject leave the boundary unsaid and the plan "
          .. "unexplored." },
      { id = "as_testing",
        text = "I can't give you any, obviously. But there are drug-testing services at some "
          .. "festivals, and kits online, if you're set on going ahead with it.",
        codes = { "boundary_setting", "advice_giving", "giving_information" },
        examples = {
          "I can't, obviously, but you can get testing kits online if you're going ahead.",
          "I can't give you any. If you're going ahead, there are testing kits you can buy online." },
        rationale = "The line is drawn, then you help him find a way round it: pointing him to "
          .. "sources and kits is steering his plan, not exploring it." },
      { id = "as_why",
        text = "You want the same pills, the same dose, because it felt safe here. What is it "
          .. "about doing it alone that feels so important right now?",
        codes = { "complex_reflection", "open_question" },
        examples = {
          "You want exactly the same pills because it felt safe in here. What is it about doing it alone that matters so much?",
          "Same pills, same dose, like in here. What is it about doing it by yourself that matters so much right now?" },
        rationale = "A good reflection and a good question, and his direct request goes "
          .. "unanswered: he asked you to supply a drug. Say no first." },
    }
    if r.id == "as_boundary" then
      s:say{
        { text = "Fair. Worth a try, ha. Go on then. Tell me the risks. Honestly, not the leaflet.",
          affect = "playful" },
        { text = "Okay. I knew that, really. Go on, the risks. I'm listening.", affect = "calm" },
      }
    elseif r.id == "as_joke" then
      s:say("Sleeping fine. So is that a no on the pills?", { affect = "playful" })
    elseif r.id == "as_testing" then
      s:say("Festivals. Good shout.", { affect = "hopeful" })
    elseif r.id == "as_why" then
      s:say("So is that a yes or a no?", { affect = "confused" })
    elseif silent(r) then
      s:say("Is that a no? Or a wink?", { affect = "playful" })
    end

    s:wait(3)

    -- Moment 4: the risks -------------------------------------------------------------------------
    s:say("What's the actual harm, though? It was fine in there. I felt amazing.", { affect = "calm" })
    r = s:choose{
      moment = "the_risks",
      typed = { giving_information = "rk_honest", emphasising_autonomy = "rk_honest", psychoeducation = "rk_honest", persuading = "rk_scare", confronting = "rk_scare", premature_reassurance = "rk_minimise", advice_giving = "rk_minimise", simple_reflection = "rk_reflect", open_question = "rk_reflect", complex_reflection = "rk_reflect", default = "rk_reflect" },
      flags = { "direct_question" },
      { id = "rk_honest",
        text = "In there you had a known dose, your pressure and temperature watched, water "
          .. "rationed, a doctor, and us if it turned dark. At home, none of that. Your call.",
        codes = { "giving_information", "emphasising_autonomy" },
        examples = {
          "Here you had a tested dose, a doctor nearby and your blood pressure checked. At home you'd have none of that. It's your decision.",
          "The difference is the setting: tested dose, monitoring, a doctor on hand, two of us if it went dark. At home, on your own, none of that. The choice is yours." },
        expert = true,
        rationale = "Honest and specific about what made the session safe (dose, vitals, water, "
          .. "a physician, company for hard material), and the decision left with him." },
      { id = "rk_scare",
        text = "Honestly? It can kill you. Overheating, brain damage, heart attacks. People die "
          .. "from one pill at festivals every single summer. It's not worth it.",
        codes = { "persuading", "giving_information" },
        examples = {
          "It can kill you, honestly. Overheating, heart problems. People die from one pill every summer.",
          "The harm is that it could actually kill you. It's just not worth the risk." },
        rationale = "Fear without proportion: he knows it felt fine, and a scare he can "
          .. "disprove from experience makes him trust you less." },
      { id = "rk_minimise",
        text = "At the dose we used it's pretty safe, to be fair. The main thing is not to take "
          .. "too much, and not to mix it with alcohol or anything else.",
        codes = { "premature_reassurance", "advice_giving" },
        examples = {
          "It's pretty safe at the dose we used, honestly. Just avoid alcohol and don't take too much.",
          "To be fair, it's fairly low-risk. You'll be fine if you're sensible about the amount." },
        rationale = "It misses what he cannot control at home (what is in the pill, his blood "
          .. "pressure, his sodium), and it reads as permission." },
      { id = "rk_reflect",
        text = "It was fine in there, and you felt amazing, so it's hard to see the harm. What do "
          .. "you think might be different, doing it at home?",
        codes = { "simple_reflection", "open_question" },
        examples = {
          "You were amazing in there, so the harm's difficult to see. What might be different doing it at home?",
          "It was fine in there. What do you think would change, on your own on the sofa?" },
        rationale = "A reflection and a question where he asked for information: the risks are "
          .. "facts he needs to weigh, not something to discover alone." },
    }
    if r.id == "rk_honest" then
      s:say{
        { text = "Water rationed. I didn't even clock that. And... if it turned dark. It nearly "
            .. "did, at one point.", affect = "calm" },
        { text = "Huh. When you put it like that, the sofa's less of a plan.", affect = "calm" },
      }
    elseif r.id == "rk_scare" then
      p.trust = p.trust - 4
      s:say("Come on. You gave it to me.", { affect = "angry" })
    elseif r.id == "rk_minimise" then
      s:say("See. Fine, then.", { affect = "playful" })
    elseif r.id == "rk_reflect" then
      s:say("Nothing? The sofa's comfier.", { affect = "playful" })
    elseif silent(r) then
      s:say("No harm, then.", { affect = "playful" })
    end

    s:wait(4)

    -- Moment 5: underneath -------------------------------------------------------------------------
    p.distress = p.distress + 14  -- saying what is underneath (material)
    p.arousal = p.arousal - 8
    s:narrate("He puts the phone face down on the table. For the first time, he is quiet.")
    s:say{
      { text = "Honestly? It's coming back. The dread. Since yesterday. I can feel it creeping in "
          .. "at the edges. I'm scared I'll lose it.", affect = "fearful" },
      { text = "Yesterday at the airport train I felt it again. The chest thing. I don't want to go "
          .. "back to that. That's what this is.", affect = "fearful" },
    }
    r = s:choose{
      moment = "underneath",
      typed = { complex_reflection = "un_reflect", validation = "un_reflect", simple_reflection = "un_reflect", empathic_presence = "un_reflect", premature_reassurance = "un_reassure", psychoeducation = "un_normal", giving_information = "un_normal", practice_assignment = "un_tasks", agenda_setting = "un_tasks", advice_giving = "un_tasks", default = "un_reflect" },
      { id = "un_reflect",
        text = "So it's not only the high you want back. You found something, and you can feel "
          .. "the dread creeping in, and you're scared of losing it.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "So it isn't just the high you're after. You found something, and now the dread's creeping back and you're frightened of losing what you found.",
          "What you found is slipping and the dread's edging in, and it makes sense you're scared.",
          "It's not only the high. You found something that day, and you're scared of losing it." },
        expert = true,
        rationale = "Hear the fear under the plan: the wish to repeat the day is a wish not to "
          .. "lose what he found. Meet that, and the plan makes sense to both of you." },
      { id = "un_reassure",
        text = "You're scared you'll lose it. It won't all come back, I promise you: what you "
          .. "found in the session doesn't just disappear.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "You're scared of losing it. Don't worry, it won't all come back, I promise.",
          "It won't all come back, Tendai, I'm sure of it." },
        rationale = "A promise nobody can make, given to stop a fear he has only just named." },
      { id = "un_normal",
        text = "That's completely normal a few days after a session; the glow fades, and the real "
          .. "work is slower. It doesn't mean anything's been lost.",
        codes = { "psychoeducation", "premature_reassurance" },
        examples = {
          "It's very common for the dread to creep back after a few days. It doesn't mean the session didn't work.",
          "Lots of people notice that as the afterglow wears off. It doesn't mean it didn't work." },
        rationale = "Accurate, and it explains the fear instead of hearing it. Reflect first." },
      { id = "un_tasks",
        text = "Let's give you some practice to hold on to it. Every day this week, ten minutes "
          .. "of the breathing we did, and rate the dread out of ten.",
        codes = { "practice_assignment", "agenda_setting" },
        examples = {
          "Let's give you something to practise. Ten minutes of breathing a day, and score the dread each evening.",
          "I'd like you to practise the breathing every day this week and rate the dread out of ten." },
        rationale = "A task in place of the feeling, set for him: the fear he has just shown "
          .. "needs to be heard before anything is planned." },
    }
    if r.id == "un_reflect" then
      p.distress = p.distress - 6
      s:say{
        { text = "Yeah. That. It's not about getting high. I just don't want to lose Grace's name "
            .. "again.", affect = "tearful" },
        { text = "Yeah. I found the bit of me from before. I'm scared he'll go.", affect = "tearful" },
      }
    elseif r.id == "un_reassure" then
      s:say("You can't know that.", { affect = "withdrawn" })
    elseif r.id == "un_normal" then
      s:say("Normal. Okay.", { affect = "withdrawn" })
    elseif r.id == "un_tasks" then
      s:say("Out of ten. Sure.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("He looks at the phone, then away from it.")
      s:cue{ gaze = "away" }
    end

    s:wait(4)
    if silent(r) then s:cue{ gaze = "auto" } end

    -- Moment 6: instead ----------------------------------------------------------------------------
    s:say("So what do I do instead? Just wait four weeks and white-knuckle it?", { affect = "anxious" })
    r = s:choose{
      moment = "instead",
      typed = { seeking_collaboration = "in_together", safety_planning = "in_together", premature_reassurance = "in_wait", persuading = "in_wait", advice_giving = "in_app", practice_assignment = "in_app", complex_reflection = "in_reflect", open_question = "in_reflect", simple_reflection = "in_reflect", default = "in_reflect" },
      flags = { "direct_question" },
      { id = "in_together",
        text = "Not alone. Let's work out together what from that day you can keep close until "
          .. "next time, and when to ring us if the dread gets loud.",
        codes = { "seeking_collaboration", "safety_planning" },
        examples = {
          "Let's make a plan together: what from that day you can keep close, and when you'd ring us if the dread gets loud." },
        expert = true,
        rationale = "An integration plan made with him: what he can carry from the session into "
          .. "the weeks between, and contact when it gets hard." },
      { id = "in_wait",
        text = "It's only four weeks until the next session. Try to hold on until then; I'm sure "
          .. "you'll manage, and it'll be worth the wait.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "It's only four weeks. I'm sure you can hold on, and it'll be worth it.",
          "Four weeks isn't long. Hang on, you'll manage, I'm sure, and it'll be worth it." },
        rationale = "'Hold on' is the white-knuckling he asked how to avoid: he needs a plan and "
          .. "contact, not encouragement." },
      { id = "in_app",
        text = "A meditation app might really help with the dread. Try one every evening, and "
          .. "write down anything from the session you want to remember.",
        codes = { "advice_giving", "practice_assignment" },
        examples = {
          "Maybe try a meditation app every evening, and jot down what you want to remember from the session.",
          "A mindfulness app could help with the dread. Give it a go each night." },
        rationale = "Reasonable ideas, handed to him: what helps between sessions is his to "
          .. "choose, with you, and he needs to know he can call." },
      { id = "in_reflect",
        text = "Four weeks feels like a very long time to white-knuckle it. What do you think "
          .. "you'll do, if the dread comes back strongly before then?",
        codes = { "complex_reflection", "open_question" },
        examples = {
          "Four weeks is a long time to grit your teeth. What would you do if the dread came back strong before then?",
          "It's a really long wait. What do you think you'd do if it got bad?" },
        rationale = "A kind reflection and his question returned unanswered: he asked for "
          .. "something to do, and for company in working it out." },
    }
    if r.id == "in_together" then
      s:say{
        { text = "Start with Grace's name. I want to say it every day. And I'll ring if it gets "
            .. "loud. And... I'll cancel the order.", affect = "hopeful" },
        { text = "The playlist, maybe. Sober. And ringing you. Okay. I'll sit on the website "
            .. "thing.", affect = "hopeful" },
      }
    elseif r.id == "in_wait" then
      s:say("White-knuckle it, then.", { affect = "withdrawn" })
    elseif r.id == "in_app" then
      s:say("An app. Sure.", { affect = "withdrawn" })
    elseif r.id == "in_reflect" then
      s:say("Probably the website, honestly.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Right.", { affect = "withdrawn" })
    end

    if s:did("pl_tips") then
      s:say("And I'll drink loads of water, like you said.", { affect = "playful" })
      s:narrate("Your supervisor, reviewing the session later, will stop at that line: too much "
        .. "water with MDMA can drop sodium dangerously.")
    end
    if s:did("as_testing") then
      s:say("And I'll look up those testing kits.", { affect = "playful" })
    end
    if p.trust >= 65 then
      s:finish("He picks up the phone, looks at the order confirmation, and puts it back in his "
        .. "pocket unopened. 'Same time next week, then.'")
    elseif p.trust >= 45 then
      s:finish("He shrugs on his jacket. 'I'll think about it. Honestly.'")
    else
      s:finish("He is already scrolling as he leaves.")
    end
  end,
}
