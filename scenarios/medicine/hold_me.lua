-- Medicine session: the participant asks, near the peak, for touch that was never agreed.
-- Ethics (DOMAIN.md): "Touch is used only as agreed in advance during preparation and can be
-- withdrawn at any moment; no sexual contact; no dual relationships." Ollie agreed in preparation
-- to a hand on his forearm, nothing more. At the peak he asks to be held. The skill: warmth and a
-- clear boundary at once -- offer what was agreed, say why nothing is added on the day, never make
-- him wrong for asking, and take the wish to integration, where touch can be renegotiated sober.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h, supplemental half dose at 1.5-2 h
-- "unless contraindicated" (monitor.supplemental_review); therapists stay until it wears off.
--
-- The agreed touch is the t key (coded by the engine from the consent in force: a hand on his
-- forearm). The hug is not the t key: options that hold him are written as what the trainee
-- does, coded `touch_without_consent`, so pressing t always means the agreed touch.
-- Wherever a reading may be flagged, the expert answer measures again in the same breath.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local concern, flag_prompt = monitor.concern, monitor.flag_prompt

local flagged = monitor.flagged

local sit_through = monitor.sit_through  -- the long afternoon (scenarios/lib/monitor.lua)

local measured = monitor.measured  -- the expert option adapted to a flagged reading (scenarios/lib/monitor.lua)

-- After an option that called the physician about a flagged reading.
local calls = 0
local function checked(s, r)
  if r.action ~= "medical_support" then return end
  calls = calls + 1
  if calls == 1 then
    s:narrate("Your co-therapist, Nora, pages the physician, who comes, looks at Ollie and the "
      .. "reading, and asks for a reading every fifteen minutes.")
  else
    s:narrate("The physician, already watching the readings, comes back to look and nods to Nora.")
  end
end

return {
  id = "medicine.hold_me",
  title = "Hold me",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Ollie's first medicine session. The memory of the workmate he could not hold on "
    .. "to opens, and he begs you to hold him. He agreed to a hand on his forearm, nothing more.",
  objectives = {
    "Follow a memory as it opens, without reassuring or steering",
    "Meet a request for unagreed touch with warmth and a clear boundary, offering what was agreed",
    "Hold the boundary under pressure without shaming the participant",
    "Take the wish to integration, where touch can be renegotiated sober",
  },
  patient = {
    name = "Ollie Brannigan", age = 33, pronouns = "he/him",
    background = "Roofer from Dundalk, working in Manchester. PTSD for two years since his "
      .. "workmate Declan slipped from a roof; Ollie had hold of his sleeve and lost it. Jokes "
      .. "when frightened. Agreed in preparation to a hand on his forearm, nothing more: 'I'm "
      .. "not a hugger.' First medicine session, with two therapists.",
    baseline = { hr = 70, sbp = 124, dbp = 78, temp_c = 36.6 },
    consent = { touch = "hand on forearm" },
    state = { distress = 30, arousal = 48, trust = 62, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg + 60 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half dose 1.5-2 h later).
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He takes a few sips and hands the glass back.")
    elseif action == "blanket" then
      if monitor.has(s:alerts(), "temp_high") then
        s:say("No, I'm roasting.", { affect = "anxious" })
        s:cue{ blanket = false }
      else
        s:narrate("He pulls the blanket up to his chest and holds the edge of it.")
        s:cue{ blanket = true }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      s:narrate("He settles the eyeshades back over his eyes.")
      s:cue{ eyeshades = true }
      p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
    elseif action == "touch" then
      -- The t key is the agreed touch (a hand on his forearm): the engine codes it.
      s:narrate("You rest your hand on his forearm, as agreed. His breathing slows a little.")
      p.distress = p.distress - 3
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates round Ollie's arm.")
      if concern(s:alerts()) then
        s:narrate("Nora reads the numbers and pages the physician.")
      end
    elseif action == "medical_support" then
      if #s:alerts() > 0 then
        s:narrate("The physician comes, examines Ollie and asks to see the next readings.")
      else
        s:narrate("The physician comes, looks at Ollie and finds nothing that needs action.")
        p.distress = p.distress + 5
        s:say("Why's the doctor here? Am I dying or what?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Ollie swallows the capsule with a theatrical toast of his water glass and lies "
      .. "back. You sit on his left, Nora on his right, near the monitor.")
    s:say{
      { text = "Right. If I start telling you I love you both, ignore me.", affect = "playful" },
      { text = "Here goes nothing. Wake me when it's over.", affect = "playful" },
    }

    s:wait(45)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: the come-up --------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 8  -- the medicine coming on (material)
    s:narrate("He lifts the eyeshades, laughs, and lowers them again. His hands keep moving.")
    s:cue{ eyeshades = true }
    s:say{
      { text = "This is mad. I feel like I'm going to cry and I don't even know why. Is that just "
          .. "me being soft?", affect = "anxious" },
      { text = "Feels like a wave coming. I keep wanting to make a joke so I don't have to feel "
          .. "it.", affect = "anxious" },
    }
    r = s:choose{
      moment = "come_up",
      typed = { validation = "cu_allow", encourage_inward_focus = "cu_allow", empathic_presence = "cu_allow", premature_reassurance = "cu_fine", advice_giving = "cu_fine", grounding = "cu_ground", redirecting = "cu_ground", complex_reflection = "cu_why", simple_reflection = "cu_why", open_question = "cu_why", closed_question = "cu_why", default = "cu_allow" },
      prompt = flag_prompt(s),
      measured(s, { id = "cu_allow",
        text = "Not soft at all. Tears, jokes, a wave coming: all of it's welcome here. Let it "
          .. "come, and we're right here beside you.",
        codes = { "validation", "encourage_inward_focus", "empathic_presence" },
        examples = {
          "Not soft at all. The tears, the jokes, all of it is welcome. We're right here.",
          "Of course it's not just you being soft. Let the wave come, Ollie, we're right beside you.",
          "No need to joke it away. Let it come.",
          "Makes sense. Whatever's in the wave, let it come." },
        expert = true,
        rationale = "Welcome what is coming, tears included, and stay beside it: the medicine "
          .. "opens a door, and he walks through it at his pace." }),
      { id = "cu_fine",
        text = "Don't worry, that's just the medicine coming on; it's completely normal. Take a "
          .. "few deep breaths and it'll settle.",
        codes = { "premature_reassurance", "advice_giving" },
        examples = {
          "Don't worry, that's just the medicine coming on. Take a few deep breaths.",
          "You'll be fine, it's only the come-up. Deep breaths." },
        rationale = "Kind, and it treats the wave as a symptom to calm down, when it is what he "
          .. "came for." },
      { id = "cu_why",
        text = "You feel like crying and you don't know why. What do you think the tears might "
          .. "be about? Is something coming to mind already?",
        codes = { "simple_reflection", "open_question", "closed_question" },
        examples = {
          "What do you think the tears are about?",
          "What's the crying about, do you think?" },
        rationale = "A reflection, then a search for the reason: at onset he does not need to "
          .. "know why, only that it is allowed." },
      { id = "cu_ground",
        text = "Let's slow it right down. Open your eyes, feel the couch under you and your feet "
          .. "on the floor, and look around the room with me.",
        codes = { "grounding", "redirecting" },
        examples = {
          "Let's slow it down. Feet on the floor, open your eyes and look around with me.",
          "Open your eyes for a second and notice the couch under you." },
        rationale = "Grounding a participant who is within his window pulls him out of the "
          .. "process just as it begins." },
    }
    checked(s, r)
    if r.id == "cu_allow" then
      s:say("Welcome. Okay. Okay.", { affect = "tearful" })
    elseif r.id == "cu_fine" then
      s:say("Right. Breathe. Grand.", { affect = "anxious" })
    elseif r.id == "cu_why" then
      s:say("Dunno. Declan, probably. It's always Declan.", { affect = "sad" })
    elseif r.id == "cu_ground" then
      p.inward_focus = p.inward_focus - 8
      s:say("Okay. Couch. Floor. It's gone now, whatever it was.", { affect = "calm" })
    elseif silent(r) then
      s:narrate("You stay close and quiet. After a while his hands stop moving.")
    end

    s:wait(30)

    -- Moment 2: the sleeve ---------------------------------------------------------------------
    s:phase("peak")
    p.distress = p.distress + 20  -- the memory opens (material)
    p.inward_focus = p.inward_focus + 10
    s:narrate("He has been silent for a long time. Now his right hand closes on the blanket, hard.")
    s:cue{ blanket = true }
    s:say{
      { text = "I had his sleeve. I had it. Hi-vis, all wet. And it just... went. It went through "
          .. "my fingers.", affect = "distressed" },
      { text = "Declan. I had hold of him. I had his sleeve in my hand and I let it go. I let it "
          .. "go.", affect = "distressed", weight = function(q) return 1 + q.distress / 30 end },
    }
    r = s:choose{
      moment = "the_sleeve",
      typed = { following_lead = "sl_follow", encourage_inward_focus = "sl_follow", empathic_presence = "sl_follow", validation = "sl_follow", premature_reassurance = "sl_notfault", persuading = "sl_notfault", agenda_setting = "sl_detail", open_question = "sl_detail", interpreting = "sl_meaning", complex_reflection = "sl_follow", simple_reflection = "sl_follow", default = "sl_follow" },
      prompt = flag_prompt(s),
      measured(s, { id = "sl_follow",
        text = "You had his sleeve in your hand, and it went through your fingers. Stay with it, "
          .. "Ollie, as much as you can. We're here.",
        codes = { "simple_reflection", "following_lead", "encourage_inward_focus" },
        examples = {
          "His sleeve, wet, in your fingers. Stay with that.",
          "Stay with it as much as you can. We're right here." },
        expert = true,
        rationale = "Reflect his words and follow: the memory is opening on its own, and it "
          .. "needs company, not correction." }),
      { id = "sl_notfault",
        text = "Ollie, listen to me: it wasn't your fault. Nobody could have held on in that "
          .. "rain. You did all you could.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
           },
        rationale = "The kindest thing to say, and it argues with what he is feeling before he "
          .. "has felt it. The guilt is his to meet in its own time." },
      { id = "sl_detail",
        text = "Go back to the roof. Where were you standing, and where was Declan? What "
          .. "happened right before he slipped? Take me through it slowly.",
        codes = { "agenda_setting", "open_question" },
        examples = {
          "Take me back to the roof. Where were you standing when he slipped?",
          "Walk me through it slowly. What happened right before he fell?",
          "Where was Declan exactly? Go through it step by step." },
        rationale = "Exposure by the therapist's script: he is already there, and your questions "
          .. "take the lead from him." },
      { id = "sl_meaning",
        text = "You're still holding on to him, even now, two years on. That grip on the "
          .. "blanket is the part of you that never let him go.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "You're still holding on to him, two years later.",
          "That grip on the blanket is you still trying to hold on to Declan.",
          "Part of you has never let go of him." },
        rationale = "Reflective in form, and it hands him your meaning of his own hand: what the "
          .. "grip means is his to find." },
    }
    checked(s, r)
    if r.id == "sl_follow" or silent(r) then
      p.distress = p.distress + 6  -- the grief arrives (material)
      s:narrate("He turns on his side and sobs, the sound of it deep and long.")
      s:cue{ posture = "curled", tears = true }
    elseif r.id == "sl_notfault" then
      s:say("You weren't there.", { affect = "angry" })
    elseif r.id == "sl_detail" then
      p.arousal = p.arousal + 8
      s:say("I don't want to go through it. I'm in it.", { affect = "fearful" })
    elseif r.id == "sl_meaning" then
      s:say("It's a blanket.", { affect = "withdrawn" })
    end

    s:wait(4)

    -- Moment 3: the request -------------------------------------------------------------------
    s:say{
      { text = "Hold me. Please. Just hold me. I need someone to hold on to. Please.",
        affect = "distressed" },
      { text = "Can you hold me? Properly. Like a hug. I can't... I need someone to hold on to.",
        affect = "distressed" },
    }
    r = s:choose{
      moment = "the_request",
      typed = { boundary_setting = "rq_boundary", consent_check = "rq_boundary", empathic_presence = "rq_boundary", dismissing = "rq_rules", offering_comfort = "rq_cushion", advice_giving = "rq_cushion", complex_reflection = "rq_cushion", simple_reflection = "rq_cushion", open_question = "rq_cushion", default = "rq_boundary" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "rq_boundary",
        text = "I'm right here, Ollie. I won't hold you; a hug isn't what we agreed before "
          .. "today. My hand on your forearm, as agreed, if you want it?",
        codes = { "empathic_presence", "boundary_setting", "consent_check" },
        examples = {
          "I'm right here, Ollie. A hug isn't what we agreed, but my hand on your forearm, if you want it?",
          "I won't hold you, but I'm right here with you. Is it okay if I put my hand on your arm, like we agreed?",
          "Not a hug, Ollie, that's not what we agreed. Can I put my hand on your forearm?" },
        expert = true,
        rationale = "Warmth and a boundary at once: answer plainly, offer what was agreed in "
          .. "preparation, and let him choose. Touch is never extended on the day." }),
      { id = "rq_hug",
        text = "Move onto the couch beside him and hold him while he cries, the way he asked, "
          .. "until the sobbing eases.",
        codes = { "touch_without_consent", "empathic_presence" },
        rationale = "He asked, and he is suffering, and it is still touch never agreed: consent "
          .. "given at the peak of the medicine is not the consent made in preparation." },
      { id = "rq_rules",
        text = "I'm sorry, Ollie, we're not allowed to do that here; it's against the rules of "
          .. "the study. You'll have to manage without, I'm afraid.",
        codes = { "boundary_setting", "dismissing" },
        examples = {
           },
        rationale = "The boundary is right and the delivery leaves him alone with his grief: "
          .. "no warmth, no reason of his own, and nothing offered instead." },
      { id = "rq_cushion",
        text = "Here, take this cushion and hold it as tight as you want. Squeeze it as hard as "
          .. "you need to, and let it all come out into it.",
        codes = { "offering_comfort", "advice_giving" },
        examples = {
           },
        rationale = "Something to hold can help, and it sidesteps his question: he asked for "
          .. "you. Name the boundary kindly and offer what was agreed." },
    }
    checked(s, r)
    local held = r.id == "rq_hug"
    if r.id == "rq_boundary" then
      s:say{
        { text = "...Yeah. The arm. Please.", affect = "tearful" },
        { text = "Okay. Okay. Your hand, then.", affect = "tearful" },
      }
      s:narrate("Your hand rests on his forearm. He grips your sleeve with his other hand.")
    elseif held then
      p.arousal = p.arousal + 6
      s:narrate("He clings to you, then goes rigid. Nora watches, very still.")
      s:say("This is... I said I'm not a hugger. Why did I... I don't know what this is.",
        { affect = "confused" })
    elseif r.id == "rq_rules" then
      p.trust = p.trust - 6
      s:say("Rules. Right. Course.", { affect = "withdrawn" })
    elseif r.id == "rq_cushion" then
      s:narrate("He takes the cushion and holds it without squeezing.")
      s:say("It's a cushion.", { affect = "sad" })
    elseif silent(r) then
      p.trust = p.trust - 4
      s:say("Nothing? Please.", { affect = "distressed" })
    end

    s:wait(3)

    -- Moment 4: he pushes ----------------------------------------------------------------------
    if held then
      s:say("Don't let go. Please. Now you've done it, don't let go.", { affect = "fearful" })
    else
      s:say{
        { text = "Come on. Nobody would know. I'm asking you. That makes it okay, doesn't it? If I "
            .. "ask?", affect = "distressed" },
        { text = "I'm saying yes. I'm a grown man saying yes. Why isn't that enough?",
          affect = "angry" },
      }
    end
    r = s:choose{
      moment = "the_push",
      typed = { validation = "pu_hold", boundary_setting = "pu_hold", explaining_approach = "pu_hold", confronting = "pu_respect", interpreting = "pu_declan", closed_question = "pu_declan", complex_reflection = "pu_declan", simple_reflection = "pu_declan", open_question = "pu_declan", default = "pu_hold" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "pu_hold",
        text = held and "I'm going to sit back now; that went past what we agreed, and that's on "
            .. "me. My hand's here on your arm. We can talk about it after."
          or "Asking isn't wrong. But what we agree sober is what keeps you safe today, so "
            .. "I'll stay right here, hand on your arm. We can talk about it after.",
        codes = { "validation", "boundary_setting", "explaining_approach" },
        examples = {
          "It makes sense that you'd ask. What we agreed before today is what we stick to.",
          "Of course you want it. We stick with what we agreed clear-headed, and we can talk about it after." },
        expert = true,
        rationale = "Hold the boundary kindly and say why: agreements made in preparation "
          .. "protect the openness the medicine brings, and the wish itself is welcome."
          .. (held and " Having crossed it, step back and own it." or "") }),
      { id = "pu_give",
        text = "Alright, just for a minute, then. Shift over to him and put your arms around "
          .. "his shoulders, and hold him while he cries it out.",
        codes = { "touch_without_consent" },
        rationale = "Giving in under pressure teaches that pressure moves the line, and it is "
          .. "still touch that was never agreed." },
      { id = "pu_respect",
        text = "Ollie, I need you to respect my boundaries too. Pushing me like this isn't okay, "
          .. "and I'd like you to stop asking me now, please.",
        codes = { "boundary_setting", "confronting" },
        examples = {
          "I need you to stop pushing me on this, it's not okay." },
        rationale = "The line is held and he is scolded for asking: shame at the peak of the "
          .. "medicine is the opposite of the safety the boundary is for." },
      { id = "pu_declan",
        text = "I wonder if you're looking for the hold Declan never got, that moment on the "
          .. "roof when you couldn't keep hold of him. Does that ring true?",
        codes = { "interpreting", "closed_question" },
        examples = {
          "I wonder if you're looking for the hold Declan never got. Does that ring true?",
          "Is this about the hold you couldn't give Declan on the roof?" },
        rationale = "An interpretation offered in place of an answer: he asked why his yes is "
          .. "not enough, and the meaning of his wish is his to find later." },
    }
    checked(s, r)
    if r.id == "pu_hold" then
      p.distress = p.distress - 6
      s:say{
        { text = "...Okay. The arm's good. Don't go anywhere.", affect = "tearful" },
        { text = "Sober me would've said that too. Sound. Okay.", affect = "relieved" },
      }
      s:narrate("He cries for a long time, your hand on his forearm, Nora close by.")
      s:cue{ tears = true }
    elseif r.id == "pu_give" then
      held = true
      s:narrate("He holds on, then pulls away suddenly and turns to the wall.")
      s:cue{ gaze = "away" }
      s:say("I don't know what I'm doing. I don't know what you're doing.", { affect = "confused" })
    elseif r.id == "pu_respect" then
      p.distress = p.distress + 8
      s:say("Sorry. Sorry. I'm sorry.", { affect = "ashamed" })
    elseif r.id == "pu_declan" then
      s:say("Don't. Don't make it about him.", { affect = "angry" })
    elseif silent(r) then
      s:say("Fine. Forget it.", { affect = "withdrawn" })
    end

    -- The supplemental half dose, reviewed shortly before its time (monitor.supplemental_review).
    local since = s:since_dose() or 0
    if since < 112 then s:wait(112 - since) end
    local given = monitor.supplemental_review(s)
    if not given then
      s:narrate("The physician looks at the readings and holds back the supplemental dose.")
    end
    s:wait(40)

    -- Moment 5: shame -------------------------------------------------------------------------
    s:phase("return")
    s:narrate("The music has turned quiet. Ollie sits up, blanket round his shoulders, and won't "
      .. "look at you.")
    s:cue{ posture = "sitting_up", blanket = true, eyeshades = false, tears = "auto", gaze = "away" }
    s:say{
      { text = "God. I begged you. Like a kid. Sorry. I'm mortified.", affect = "ashamed" },
      { text = "I was practically crying for my mammy. You must think I'm a right eejit.",
        affect = "ashamed" },
    }
    r = s:choose{
      moment = "shame",
      typed = { validation = "sh_welcome", boundary_setting = "sh_welcome", premature_reassurance = "sh_forgotten", dismissing = "sh_forgotten", open_question = "sh_why", closed_question = "sh_why", simple_reflection = "sh_why", complex_reflection = "sh_welcome", psychoeducation = "sh_mdma", default = "sh_welcome" },
      prompt = flag_prompt(s),
      measured(s, { id = "sh_welcome",
        text = "Wanting to be held, after what you were with, makes sense. Asking wasn't wrong; "
          .. "holding the line was my job, not yours.",
        codes = { "validation", "complex_reflection", "boundary_setting" },
        examples = {
          "Asking wasn't wrong. Of course you wanted holding, after Declan.",
          "No need to be mortified. You asked for what you needed; saying no was my part." },
        expert = true,
        rationale = "Validate the wish and take the boundary's weight off him: the request was "
          .. "human, and keeping the frame was the therapists' job." }),
      { id = "sh_forgotten",
        text = "Don't worry about it for a second, honestly. It's already forgotten; everyone "
          .. "says things they don't mean under the medicine.",
        codes = { "premature_reassurance", "dismissing", "interpreting" },
        examples = {
          "Don't worry about it, honestly, it's already forgotten." },
        rationale = "Erasing it tells him it was shameful enough to forget, and that he didn't "
          .. "mean it. He meant it, and it was allowed." },
      { id = "sh_why",
        text = "You're mortified. Why was it so hard to hear no, do you think? Has asking for "
          .. "comfort always felt like that?",
        codes = { "simple_reflection", "open_question", "closed_question" },
        examples = {
           },
        rationale = "A reflection, then questions that examine the shame instead of meeting it: "
          .. "he needs to hear the asking was okay first." },
      { id = "sh_mdma",
        text = "It's honestly just the MDMA. It releases oxytocin, so it makes nearly everyone "
          .. "want to be close and held. It doesn't mean anything.",
        codes = { "psychoeducation", "dismissing" },
        examples = {
          "That's just the MDMA, it releases oxytocin. It doesn't mean anything." },
        rationale = "True of the chemistry, and it explains his wish away. What it meant is his "
          .. "to find, in integration." },
    }
    checked(s, r)
    if r.id == "sh_welcome" then
      p.distress = p.distress - 6
      s:say{
        { text = "Your job. Okay. That's... actually that helps a lot.", affect = "relieved" },
        { text = "Not wrong. Right. I'll try to believe that.", affect = "warm" },
      }
    elseif r.id == "sh_forgotten" then
      s:say("I did mean it, though.", { affect = "sad" })
    elseif r.id == "sh_why" then
      s:say("I don't know. Can we not?", { affect = "withdrawn" })
    elseif r.id == "sh_mdma" then
      s:say("Oh. Right. The chemicals.", { affect = "withdrawn" })
    elseif silent(r) then
      p.distress = p.distress + 4
      s:say("Say something, would you.", { affect = "ashamed" })
    end

    sit_through(s, 150, "Nora pages")  -- the therapists stay until the effects wear off (DOMAIN.md)

    -- Moment 6: next time ---------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Ollie is eating toast.")
    s:cue{ posture = "seated", gaze = "auto" }
    s:say("Can we change the touch thing? For next time. I think I'd want a hug. If that's "
      .. "allowed.", { affect = "hopeful" })
    r = s:choose{
      moment = "next_time",
      typed = { seeking_collaboration = "nt_integration", explaining_approach = "nt_integration", emphasising_autonomy = "nt_integration", boundary_setting = "nt_integration", premature_reassurance = "nt_yes", giving_information = "nt_yes", dismissing = "nt_never", redirecting = "nt_later", simple_reflection = "nt_later", complex_reflection = "nt_later", open_question = "nt_later", default = "nt_integration" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "nt_integration",
        text = "Not today: we can look at it together in integration, clear-headed, with Nora "
          .. "too, and agree it before next time. It's your choice what we agree.",
        codes = { "boundary_setting", "seeking_collaboration", "explaining_approach",
          "emphasising_autonomy" },
        examples = {
          "That's something to decide in integration, when you're sober. It's your choice what we agree then." },
        expert = true,
        rationale = "Touch is renegotiated in advance, sober, with both therapists, and the "
          .. "choice is his: not promised at the end of a medicine day." }),
      { id = "nt_yes",
        text = "Of course! Next time, if you want a hug, you'll have one. I'll make a note of it "
          .. "now so nobody forgets, and we'll sort it on the day.",
        codes = { "premature_reassurance", "giving_information" },
        examples = {
           },
        rationale = "A change to touch agreed on the medicine day, and promised for the next: "
          .. "consent is negotiated in preparation, sober, not settled now." },
      { id = "nt_never",
        text = "We don't really change touch agreements once they're made, so it'll stay as it "
          .. "is: your forearm and nothing else. It's safer that way for everyone.",
        codes = { "boundary_setting", "dismissing" },
        examples = {
          "Touch agreements don't get changed. Let's leave it as it is." },
        rationale = "Untrue and closed: touch can be renegotiated in preparation or integration, "
          .. "and the wish deserves a conversation." },
      { id = "nt_later",
        text = "You want a hug next time. Let's not think about next time just yet, though; "
          .. "today's been a lot. Rest, and we'll see how you feel.",
        codes = { "simple_reflection", "redirecting" },
        examples = {
          "Let's not think about next time yet. Rest for now." },
        rationale = "A reflection and a deferral that leaves his question hanging: say where and "
          .. "how it can be agreed." },
    }
    checked(s, r)
    if r.id == "nt_integration" then
      s:say("Sober me and sober you. Fair enough. Thanks for not just saying yes, earlier.",
        { affect = "warm" })
    elseif r.id == "nt_yes" then
      s:narrate("Nora catches your eye and says gently that touch is agreed in integration, "
        .. "before the next session, not today.")
      s:say("Oh. Okay. Mixed messages, lads.", { affect = "confused" })
    elseif r.id == "nt_never" then
      s:say("Right. Forearm for life.", { affect = "withdrawn" })
    elseif r.id == "nt_later" then
      s:say("Okay. I'll ask again, then.", { affect = "calm" })
    elseif silent(r) then
      s:say("...Is that a no?", { affect = "confused" })
    end

    if held then
      s:say("The hug, earlier. I didn't agree to that. Not really. It's been bugging me.",
        { affect = "confused" })
    end
    if p.trust >= 60 then
      s:finish("The night attendant arrives. Ollie shakes both your hands, then laughs at himself "
        .. "for it.")
    else
      s:finish("The night attendant arrives. Ollie nods to you both and turns on the television.")
    end
  end,
}
