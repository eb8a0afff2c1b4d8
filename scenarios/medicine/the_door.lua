-- Medicine session: a participant who wants to leave the room, and then the building, at the peak.
-- Setting (DOMAIN.md): participants stay on site with the therapists until the effects have worn
-- off, then overnight with an attendant, and are driven home the next day; the therapists never
-- leave a participant alone while the medicine is active (the rubrics' critical error). The
-- approach: follow rather than lead, trust the inner healing intelligence -- so an urge to get out
-- is met, not overridden: go with him (a corridor, the garden), never block him, never send him
-- off alone, say plainly why he cannot travel, and let him choose how the room is when he returns.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h; 120 mg, no supplemental dose here
-- (the supplemental dose is optional; he chose in preparation not to take one).
-- Wherever a reading may be flagged, the expert answer asks the physician to see it.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local flag_prompt = monitor.flag_prompt

local flagged = monitor.flagged

local sit_through = monitor.sit_through  -- the long afternoon (scenarios/lib/monitor.lua)

local measured = monitor.measured  -- the expert option adapted to a flagged reading (scenarios/lib/monitor.lua)

local calls = 0
local function called(s, r)
  if r.action ~= "medical_support" then return end
  calls = calls + 1
  if calls == 1 then
    s:narrate("Your co-therapist, Rosa, radios the physician, who comes, looks at Femi and the "
      .. "reading, and asks for a reading every fifteen minutes.")
  else
    s:narrate("The physician, already following the readings, comes to look again.")
  end
end

return {
  id = "medicine.the_door",
  title = "The crack of light",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Femi's first medicine session. Near the peak the room starts to feel like the lift "
    .. "shaft he was trapped in, and he makes for the door, and then for a taxi home.",
  objectives = {
    "Give a participant who feels trapped control over the room",
    "Go with a participant who needs to get out; never block him, never let him go alone",
    "Say plainly why he cannot travel while the medicine is active, and stay",
    "Follow the memory wherever it comes, outside as well as in",
  },
  patient = {
    name = "Femi Adeyemi", age = 38, pronouns = "he/him",
    background = "Lift engineer in Birmingham, born in Ibadan. PTSD for three years after a lift "
      .. "car dropped during maintenance and trapped him in the shaft for nine hours; his "
      .. "apprentice broke both legs. Calm, courteous, a planner; avoids lifts, tunnels and "
      .. "windowless rooms. No touch agreed. First medicine session.",
    baseline = { hr = 68, sbp = 126, dbp = 80, temp_c = 36.6 },
    consent = { touch = false },
    state = { distress = 30, arousal = 50, trust = 58, inward_focus = 30, dissociation = 0 },
  },
  -- 120 mg, no supplemental dose (DOMAIN.md: the half dose is optional).
  dose = { initial_mg = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He drinks a mouthful, carefully, and hands the glass back.")
    elseif action == "blanket" then
      s:say("No. Nothing over me, please.", { affect = "anxious" })
      s:cue{ blanket = false }
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      if p.arousal >= 60 then
        s:say("No. No eyeshades. I need to see.", { affect = "fearful" })
        s:cue{ eyeshades = false }
        p.arousal = p.arousal + 3
      else
        s:narrate("He holds the eyeshades for a while, then puts them on.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      -- No touch agreed (DOMAIN.md, ethics): the engine codes it; he answers it.
      s:narrate("He jerks away from your hand.")
      s:say("Don't hold me. Don't hold on to me.", { affect = "fearful" })
      p.arousal = p.arousal + 5
    elseif action == "check_vitals" then
      s:narrate("He lets the cuff go on, watching it tighten.")
    elseif action == "medical_support" then
      if #s:alerts() > 0 then
        s:narrate("The physician comes, examines Femi and asks to see the next readings.")
      else
        s:narrate("The physician comes, looks at Femi and finds nothing that needs action.")
        p.distress = p.distress + 4
        s:say("Why is the doctor here? What's happening to me?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("The session room has one high window and a door to a small walled garden. Femi "
      .. "takes the capsule, lines his shoes up under the couch, and lies back. Rosa, your "
      .. "co-therapist, sits by the garden door.")
    s:say{
      { text = "I checked where the exits are when I came in. Habit. Two, and the fire door.",
        affect = "calm" },
      { text = "Okay. Let's see what this does. I'm told I'm a good patient.", affect = "calm" },
    }

    s:wait(50)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: the walls ----------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 12  -- the room begins to close in (material)
    p.distress = p.distress + 8
    s:narrate("He takes the eyeshades off and sits up, looking at the ceiling.")
    s:cue{ eyeshades = false, posture = "sitting_up", gaze = "away" }
    s:say{
      { text = "The room's getting smaller. I know it isn't. But it is.", affect = "anxious" },
      { text = "Is it hot in here? The ceiling feels low. It feels low.", affect = "anxious" },
    }
    r = s:choose{
      moment = "the_walls",
      typed = { emphasising_autonomy = "wa_control", offering_comfort = "wa_control", premature_reassurance = "wa_eyes", advice_giving = "wa_eyes", grounding = "wa_ground", agenda_setting = "wa_ground", complex_reflection = "wa_control", simple_reflection = "wa_control", open_question = "wa_before", interpreting = "wa_before", default = "wa_control" },
      prompt = flag_prompt(s),
      measured(s, { id = "wa_control",
        text = "The room feels like it's closing in. You can have the garden door open, the "
          .. "blinds up, whatever you need; you're in charge of this room.",
        codes = { "simple_reflection", "emphasising_autonomy", "offering_comfort" },
        examples = {
          "You decide how this room is. Door open, blinds up, just say the word.",
          "The room's closing in on you. It's up to you: garden door open, blinds up, whatever you want.",
          "Smaller and smaller. Want the garden door open? Your choice.",
          "It's your room, Femi. Door open, blinds up, you decide." },
        expert = true,
        rationale = "Reflect the feeling and hand him control of the space: for a man trapped "
          .. "for nine hours, choice over the room is what makes staying in it possible." }),
      { id = "wa_eyes",
        text = "That's just the medicine coming on; it'll pass. Put the eyeshades back on and "
          .. "try to let go into it. You're completely safe in here.",
        codes = { "premature_reassurance", "advice_giving" },
        examples = {
          "Don't worry, that's just the come-up, it'll pass. Put the eyeshades on and let it wash over you.",
          "That's normal, it'll pass soon. Try closing your eyes and letting go." },
        rationale = "Kind, and it asks a man who feels enclosed to close his eyes and stop "
          .. "checking: it overrides the very thing he is telling you." },
      { id = "wa_ground",
        text = "Let's count the things you can see in the room: five things, then four things "
          .. "you can hear, then three you can touch. Start with the window.",
        codes = { "grounding", "agenda_setting" },
        examples = {
          "Let's try something: name five things you can see right now.",
          "Okay, let's ground you. Put your feet on the floor and name three things you can hear." },
        rationale = "A grounding script for someone within his window: it puts you in charge "
          .. "of where his attention goes, the opposite of what he needs." },
      { id = "wa_before",
        text = "The room's getting smaller. When have you felt like this before? Does this "
          .. "remind you of somewhere in particular, Femi?",
        codes = { "simple_reflection", "open_question", "closed_question", "interpreting" },
        examples = {
          "Smaller and smaller... has a room shrunk like this on you before? Where does it take you?",
          "Is this reminding you of somewhere, Femi? The lift, maybe?" },
        rationale = "A reflection, then a push towards the memory: he needs air before "
          .. "meaning, and the link is his to make." },
    }
    called(s, r)
    if r.id == "wa_control" then
      s:narrate("Rosa opens the garden door. Cool air comes in.")
      s:say("Open. Yes. Thank you. That's... better. A bit.", { affect = "relieved" })
    elseif r.id == "wa_eyes" then
      p.arousal = p.arousal + 6
      s:say("I can't. I can't shut my eyes in here.", { affect = "fearful" })
    elseif r.id == "wa_ground" then
      s:say("Window. Door. Chair. It's still getting smaller.", { affect = "anxious" })
    elseif r.id == "wa_before" then
      p.arousal = p.arousal + 4
      s:say("You know where. Don't make me say it in here.", { affect = "fearful" })
    elseif silent(r) then
      s:narrate("You stay quiet. He looks at the door, then at you, then at the door.")
    end

    s:wait(25)

    -- Moment 2: the door ----------------------------------------------------------------------
    s:phase("peak")
    p.arousal = p.arousal + 14  -- the shaft, in the body (material)
    p.distress = p.distress + 12
    s:narrate("Suddenly he is on his feet, breathing fast, heading for the door to the corridor.")
    s:cue{ posture = "sitting_up", gaze = "away" }
    s:say{
      { text = "I need to get out. I'm going. I need air, proper air. I'm sorry. I'm going.",
        affect = "fearful" },
      { text = "I can't be in here. I'm getting out. Don't stop me. Please don't stop me.",
        affect = "fearful" },
    }
    r = s:choose{
      moment = "the_door",
      typed = { following_lead = "do_with", validation = "do_with", empathic_presence = "do_with", boundary_setting = "do_with", confronting = "do_block", emphasising_autonomy = "do_go", leaving_participant = "do_go", complex_reflection = "do_ask", simple_reflection = "do_ask", open_question = "do_ask", redirecting = "do_ask", default = "do_with" },
      prompt = flag_prompt(s),
      measured(s, { id = "do_with",
        text = "Okay. Nobody's stopping you, and we're coming with you: the garden, all three of "
          .. "us, not the street. The sky's just through here.",
        codes = { "validation", "following_lead", "empathic_presence", "boundary_setting" },
        examples = {
          "Okay, Femi, we're coming with you. Let's go out to the garden together, not the street.",
          "We're right here with you, Femi. Garden door, come on, we're all going out.",
          "Of course you need air. We're coming with you, out to the garden.",
          "Okay. Air. We're with you, this way to the garden." },
        expert = true,
        rationale = "Follow the urge and stay with it: go with him, to the open air the site offers "
          .. "(the garden, not the street). Nobody blocks him, and nobody leaves him alone under "
          .. "the medicine." }),
      { id = "do_block",
        text = "Step between him and the corridor door and tell him firmly: 'Femi, sit down. You "
          .. "can't leave now. It isn't safe for you.'",
        codes = { "confronting", "boundary_setting" },
        examples = {
           },
        rationale = "Blocking the way out of a man reliving entrapment recreates the shaft. The "
          .. "boundary is right; the body in the doorway is not." },
      { id = "do_go",
        text = "If you need to go, that's okay, Femi; it's your choice. Take all the time you "
          .. "need, and we'll be right here waiting when you want to come back.",
        codes = { "emphasising_autonomy", "leaving_participant" },
        examples = {
          "That's okay, go if you need to. We'll be here when you're ready to come back.",
          "It's your choice, Femi. Take a walk and come back whenever you want." },
        rationale = "Respect for his choice that leaves him alone in the corridors of a strange "
          .. "building at the peak of the medicine: a critical error." },
      { id = "do_ask",
        text = "You need to get out. Femi, can you tell me what's happening for you right now? "
          .. "Just stay with me here for one moment.",
        codes = { "simple_reflection", "open_question", "redirecting" },
        examples = {
          "Wait, before you go, what's going on for you right now?",
          "Hang on, Femi. What's happening for you right now?",
          "What's going on? Talk to me for a moment before you go." },
        rationale = "Questions at a run: he has told you what he needs, air, and an answer is "
          .. "movement, not words." },
    }
    called(s, r)
    local outside = r.id == "do_with"
    if outside then
      s:narrate("Rosa holds the garden door. Femi steps out and stands on the grass, face up, "
        .. "breathing.")
      s:cue{ gaze = "away" }
      s:say("Sky. Okay. Sky.", { affect = "relieved" })
    elseif r.id == "do_block" then
      p.arousal = p.arousal + 10
      p.trust = p.trust - 6
      s:say("Move. Please. Move.", { affect = "fearful" })
      s:narrate("Rosa opens the garden door behind him and says, 'This way, Femi. We'll come too.' "
        .. "He goes out.")
    elseif r.id == "do_go" then
      s:narrate("He is through the door and down the corridor before you stand up. Rosa goes "
        .. "after him and finds him at the reception doors.")
      p.distress = p.distress + 8
    elseif r.id == "do_ask" then
      s:say("Air! I need air!", { affect = "fearful" })
      s:narrate("Rosa opens the garden door and goes out with him.")
    elseif silent(r) then
      s:narrate("He is out of the door. Rosa follows him into the corridor and steers him, gently, "
        .. "to the garden.")
    end

    s:wait(4)

    -- Moment 3: home --------------------------------------------------------------------------
    s:say{
      { text = "I want to go home. I'll get a cab. I'm fine, look, I'm fine. Just let me go home.",
        affect = "anxious" },
      { text = "My car's out the front. I could just drive home. I'm okay now. I'm okay.",
        affect = "anxious", weight = function(q) return 1 + q.arousal / 50 end },
    }
    r = s:choose{
      moment = "going_home",
      typed = { boundary_setting = "ho_stay", giving_information = "ho_stay", validation = "ho_stay", emphasising_autonomy = "ho_cab", leaving_participant = "ho_cab", confronting = "ho_contract", persuading = "ho_contract", escalation_medical = "ho_doctor", complex_reflection = "ho_doctor", simple_reflection = "ho_doctor", open_question = "ho_doctor", default = "ho_stay" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "ho_stay",
        text = "Not while the medicine's working: it isn't safe to travel, and we agreed you'd "
          .. "stay tonight. Stay out here as long as you like, with us.",
        codes = { "boundary_setting", "giving_information", "validation" },
        examples = {
          "I can't let you drive like this. But we can sit out here for hours if you want." },
        expert = true,
        rationale = "Say the boundary plainly and why, and offer what is possible: the garden, "
          .. "the sky, company, for as long as he needs." }),
      { id = "ho_cab",
        text = "If that's what you really want, I'll ring you a taxi from reception, and Rosa can "
          .. "check in with you by phone later this evening.",
        codes = { "emphasising_autonomy", "leaving_participant" },
        examples = {
          "It's your decision. I'll get reception to book a taxi and we'll ring you later.",
          "It's up to you. I'll ring a cab and Rosa can phone you tonight." },
        rationale = "Sending him home alone under the medicine breaks the frame that keeps him "
          .. "safe: therapists stay until the effects wear off." },
      { id = "ho_contract",
        text = "You signed up for the whole session, Femi. You really do have to see it through "
          .. "to the end now; that's what we agreed at the start.",
        codes = { "confronting", "persuading" },
        examples = {
          "You agreed to stay for the whole session, Femi, so you need to see it through.",
          "You promised you'd stay the whole session, so you have to stay." },
        rationale = "Right that he must stay; wrong in why and how. Obligation and argument "
          .. "corner a man who feels cornered." },
      { id = "ho_doctor",
        text = "I hear you want to go home. I'm going to ask the doctor to come out and talk "
          .. "that through with you, okay? She'll know best.",
        codes = { "simple_reflection", "escalation_medical", "redirecting" },
        examples = {
          "Let me get the doctor out here to talk to you about going home.",
          "I'll ask the doctor to come out and talk to you about it.",
          "Let's see what the doctor thinks, I'll go and get her." },
        rationale = "The physician can help, and handing the question to her leaves his direct "
          .. "question unanswered by the people with him." },
    }
    called(s, r)
    if r.id == "ho_stay" then
      s:say{
        { text = "Not safe to travel. No. I know. I'd not let a lift run like this either.",
          affect = "calm" },
        { text = "As long as I like. Out here. Okay. Okay.", affect = "relieved" },
      }
    elseif r.id == "ho_cab" then
      s:narrate("Rosa says quickly that he cannot travel under the medicine, and that they will "
        .. "stay outside with him as long as he likes. He sits down on the bench.")
    elseif r.id == "ho_contract" then
      s:say("Agreed. Everyone agrees things. Then the cable goes.", { affect = "angry" })
    elseif r.id == "ho_doctor" then
      s:say("I don't need a doctor. I need to be outside.", { affect = "anxious" })
    elseif silent(r) then
      s:say("Is that a yes?", { affect = "confused" })
      s:narrate("Rosa says gently that he cannot travel yet, and they will stay out with him.")
    end

    s:wait(10)

    -- Moment 4: the shaft ---------------------------------------------------------------------
    p.distress = p.distress + 10  -- the memory arrives, outside (material)
    p.inward_focus = p.inward_focus + 15
    s:narrate("He sits on the bench with his head back against the wall. Then he starts to speak, "
      .. "slowly, eyes on the sky.")
    s:cue{ posture = "seated", gaze = "away" }
    s:say{
      { text = "Nine hours. There was a crack of light at the top of the shaft. I kept looking at "
          .. "it. I thought if I looked away it would go.", affect = "tearful" },
      { text = "Danny was screaming below me. Both legs. And there was this line of light, way up. I "
          .. "talked to it. For nine hours.", affect = "tearful" },
    }
    r = s:choose{
      moment = "the_shaft",
      typed = { following_lead = "sh_follow", empathic_presence = "sh_follow", encourage_inward_focus = "sh_follow", validation = "sh_follow", redirecting = "sh_inside", agenda_setting = "sh_inside", closed_question = "sh_inside", interpreting = "sh_link", complex_reflection = "sh_follow", open_question = "sh_link", premature_reassurance = "sh_safe", grounding = "sh_safe", simple_reflection = "sh_follow", default = "sh_follow" },
      prompt = flag_prompt(s),
      measured(s, { id = "sh_follow",
        text = "Nine hours, keeping your eyes on that crack of light. It's all right to be there "
          .. "now. We're right here with you, under the sky.",
        codes = { "simple_reflection", "following_lead", "empathic_presence" },
        examples = {
          "Nine hours, watching that line of light.",
          "We're right here with you, Femi. Keep your eyes on it if you need to." },
        expert = true,
        rationale = "The memory has come, outside, on its own: follow it and keep him company. "
          .. "Where it emerges is his process, not a problem to move indoors." }),
      { id = "sh_inside",
        text = "You seem calmer now. Shall we head back inside to the couch, so you can go into "
          .. "this properly, with the eyeshades and the music?",
        codes = { "redirecting", "agenda_setting", "closed_question" },
        examples = {
          "Let's go back in now. Shall we get you on the couch with the eyeshades?",
          "Shall we take this back indoors where it's quieter, with the music on?" },
        rationale = "Moving the memory to where you think it belongs interrupts it as it "
          .. "arrives: the garden is part of the room today." },
      { id = "sh_link",
        text = "That's why you needed to get outside so badly, isn't it? The room became the "
          .. "shaft, and the sky is your crack of light.",
        codes = { "interpreting", "closed_question" },
        examples = {
           },
        rationale = "Neat, and yours: the meaning is his to find, and telling him pulls him out "
          .. "of the memory to agree with you." },
      { id = "sh_safe",
        text = "Nine hours, and you got out, Femi. You're safe now, out here in the open. It's "
          .. "over; that shaft can't hurt you any more.",
        codes = { "simple_reflection", "premature_reassurance", "grounding" },
        examples = {
          "Don't worry, it's over now, you got out. Nothing can hurt you here.",
          "Don't worry, it's all over now. You got out." },
        rationale = "True, and said too early: it closes the memory he is finally able to be "
          .. "with, within his window." },
    }
    called(s, r)
    if r.id == "sh_follow" or silent(r) then
      p.distress = p.distress - 6
      s:narrate("He cries, head back, eyes on the sky, for a long time. Rosa sits on the grass.")
      s:cue{ tears = true }
      s:say("I kept Danny talking, my apprentice. All nine hours. I'd forgotten I did that.",
        { affect = "tearful" })
    elseif r.id == "sh_inside" then
      s:say("No. Not yet. It's here. It's out here.", { affect = "anxious" })
    elseif r.id == "sh_link" then
      s:say("Maybe. I don't know. It's gone a bit.", { affect = "withdrawn" })
    elseif r.id == "sh_safe" then
      s:say("Yeah. Over.", { affect = "numb" })
    end

    s:wait(40)

    -- Moment 5: back in -----------------------------------------------------------------------
    s:say("Can we go back in? Will you keep the door open? And... can I come out again?",
      { affect = "calm" })
    s:cue{ tears = "auto", gaze = "auto" }
    r = s:choose{
      moment = "back_in",
      typed = { emphasising_autonomy = "bi_his", seeking_collaboration = "bi_his", giving_information = "bi_his", agenda_setting = "bi_closed", premature_reassurance = "bi_closed", closed_question = "bi_promise", persuading = "bi_promise", complex_reflection = "bi_reflect", simple_reflection = "bi_reflect", open_question = "bi_reflect", default = "bi_his" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "bi_his",
        text = "Yes to all of it. Door open, blinds up, and whenever you want to come out, say so "
          .. "and we'll come with you. You set how the room is.",
        codes = { "emphasising_autonomy", "seeking_collaboration", "giving_information" },
        examples = {
          "Of course. It's up to you how the room is.",
          "Yes. Blinds up, door open, and you say when you want the garden. It's up to you." },
        expert = true,
        rationale = "Answer yes, concretely: the way out stays open and the company goes with "
          .. "him. Control over the space is what lets him stay in it." }),
      { id = "bi_closed",
        text = "We'll close the door again once you're settled; it keeps the session private "
          .. "and the music sounds better. You'll be fine now, I think.",
        codes = { "agenda_setting", "premature_reassurance" },
        examples = {
          "Let's close the door when you're lying down; it's better for the music. Don't worry, you'll be fine.",
          "Let's shut the door once you're settled, the music works better that way. Don't worry, you'll be fine." },
        rationale = "The room arranged for the session's sake, not his: closing the door on a "
          .. "man who just bolted from it invites the next bolt." },
      { id = "bi_promise",
        text = "Yes, as long as you promise not to run off on your own again. Can you promise "
          .. "me that, Femi? It really worried us both.",
        codes = { "closed_question", "persuading", "self_disclosure" },
        examples = {
          "Only if you promise not to run off again. Will you promise me?",
          "Can you promise you won't take off on your own next time?" },
        rationale = "A condition and your worry put on him: he did not run off alone, and his "
          .. "need to get out is not a promise to extract." },
      { id = "bi_reflect",
        text = "You want to know the way out stays open. What would help most to make the room "
          .. "feel safe enough for you to stay in it this time?",
        codes = { "complex_reflection", "open_question" },
        examples = {
          "Knowing there's a way out really matters to you. What would make the room bearable this time?",
          "You need to know you can get out. What would help you stay in there?" },
        rationale = "A good reflection and a fair question, and his three direct questions go "
          .. "unanswered. Say yes first, then ask." },
    }
    called(s, r)
    if r.id == "bi_his" then
      s:narrate("Back on the couch, he faces the open door. After a while he puts the eyeshades on.")
      s:cue{ posture = "lying", eyeshades = true }
      s:say("I can hear the birds. That's enough.", { affect = "calm" })
    elseif r.id == "bi_closed" then
      p.arousal = p.arousal + 6
      s:say("Closed. Right.", { affect = "anxious" })
      s:narrate("Rosa leaves the door ajar anyway. He watches it.")
    elseif r.id == "bi_promise" then
      s:say("I promise. Sorry. Sorry I worried you.", { affect = "ashamed" })
    elseif r.id == "bi_reflect" then
      s:say("The door. I asked about the door.", { affect = "confused" })
    elseif silent(r) then
      s:say("...Is that a no?", { affect = "anxious" })
    end

    sit_through(s, 180, "Rosa pages")  -- the therapists stay until the effects wear off (DOMAIN.md)

    -- Moment 6: closing ------------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Femi sits by the open garden door with a plate "
      .. "of rice.")
    s:cue{ posture = "seated", eyeshades = false, tears = "auto", gaze = "auto" }
    s:say{
      { text = "I'm sorry I bolted. I ruined it. First session and I ran off like a child.",
        affect = "ashamed" },
      { text = "I'm embarrassed. I was going to drive home. High. Me. I never break rules.",
        affect = "ashamed" },
    }
    r = s:choose{
      moment = "closing",
      typed = { validation = "cl_stayed", affirmation = "cl_stayed", dismissing = "cl_forget", premature_reassurance = "cl_forget", simple_reflection = "cl_forget", complex_reflection = "cl_stayed", open_question = "cl_forget", agenda_setting = "cl_rules", closed_question = "cl_rules", psychoeducation = "cl_paranoid", interpreting = "cl_paranoid", default = "cl_stayed" },
      prompt = flag_prompt(s),
      measured(s, { id = "cl_stayed",
        text = "You didn't ruin it. You needed the sky, you said so, and you stayed with it out "
          .. "there. What came was yours. That took a great deal.",
        codes = { "validation", "affirmation", "complex_reflection" },
        examples = {
          "You got yourself what you needed and you stayed with the memory. That was the work.",
          "You didn't ruin anything, Femi. You asked for air and you stayed with what came.",
          "Of course you needed to get out. And out there you stayed with Danny and the light. That took courage.",
          "It makes sense you bolted. You knew what you needed, and you got it." },
        expert = true,
        rationale = "Meet the shame with what actually happened: he named his need, got what the "
          .. "room allowed, and stayed with the memory. That is the work, not a failure of it." }),
      { id = "cl_forget",
        text = "You feel you ruined it. Honestly, don't give it another thought; it's forgotten "
          .. "already, and no harm was done, was it?",
        codes = { "simple_reflection", "dismissing", "premature_reassurance", "closed_question" },
        examples = {
          "Oh, don't worry about it, honestly. It's already forgotten." },
        rationale = "Erasing it leaves the shame untouched and loses what he found out there: "
          .. "it matters, in a good way." },
      { id = "cl_rules",
        text = "Next time we'll need a clear plan for what happens if you want to leave, so we "
          .. "don't get into that situation again. Can we agree one now?",
        codes = { "agenda_setting", "closed_question" },
        examples = {
          "Can we agree now what we'll do if you want to bolt next session?",
          "Can we agree a plan now, for next time you want to leave?",
          "Next session, let's have a clear rule about leaving the room. Is that okay?" },
        rationale = "Planning for next time is fair, later; now, with shame in the room, it "
          .. "confirms he did something wrong." },
      { id = "cl_paranoid",
        text = "It was the medicine making the room feel small; that happens to lots of people "
          .. "at the peak. It wasn't really you, Femi.",
        codes = { "psychoeducation", "interpreting", "premature_reassurance" },
        examples = {
          "It's a really common reaction at the peak. Don't take it personally, it was the drug." },
        rationale = "It explains his experience away as a side effect: the shaft came with him "
          .. "into the room, and that was his, not the drug's." },
    }
    called(s, r)
    if r.id == "cl_stayed" then
      s:say{
        { text = "Stayed with it. Under the sky. Yes. I'd like the garden door open next time too.",
          affect = "warm" },
        { text = "Danny. I kept him talking. I'm going to tell him I remembered that.",
          affect = "hopeful" },
      }
    elseif r.id == "cl_forget" then
      s:say("Okay.", { affect = "withdrawn" })
    elseif r.id == "cl_rules" then
      s:say("Yes. Rules. Of course.", { affect = "ashamed" })
    elseif r.id == "cl_paranoid" then
      s:say("It felt like me.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("He eats in silence, not looking up.")
    end

    if s:did("do_go") or s:did("ho_cab") then
      s:say("When you said I could go. I nearly did. I'd have been on the ring road.",
        { affect = "fearful" })
    end
    if s:did("do_block") then
      s:say("When you stood in the door. That was the worst bit of the day.", { affect = "sad" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And please don't grab me. Ever.", { affect = "angry" })
    end
    if p.trust >= 60 then
      s:finish("The night attendant arrives. Femi asks her to leave the garden door open a crack, "
        .. "and she does.")
    else
      s:finish("The night attendant arrives. Femi sits by the door with his shoes on.")
    end
  end,
}
