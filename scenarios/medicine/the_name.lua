-- Medicine session: overwhelming shame at the peak.
-- The medicine lowers fear and defensiveness (DOMAIN.md, mechanism), and what has been hidden for
-- decades can surface with its full shame. Shame hides: the participant covers his face, asks
-- not to be looked at, asks the therapists to go. The approach (DOMAIN.md): empathic presence,
-- follow rather than lead, support difficult material rather than steering it; and the therapists
-- stay until the effects have worn off -- so they give room without leaving, neither argue the
-- shame away nor judge, and let the participant's own process find what comes next.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h; 120 mg + 60 mg at 2 h.
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
    s:narrate("Your co-therapist, Miriam, pages the physician, who comes quietly, checks the "
      .. "reading, and asks for one every fifteen minutes.")
  else
    s:narrate("The physician, already following the readings, looks in again.")
  end
end

return {
  id = "medicine.the_name",
  title = "The name",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Kaveh's first medicine session. At the peak he tells you what he has never told "
    .. "anyone: under interrogation, at twenty-two, he gave a friend's name. Then he asks you not to "
    .. "look at him, and to go.",
  objectives = {
    "Stay present with overwhelming shame without arguing it away or judging",
    "Give room without leaving when a participant asks not to be seen",
    "Answer 'you should hate me' honestly, without persuading",
    "Follow the participant's own turn when it comes",
  },
  patient = {
    name = "Kaveh Rostami", age = 50, pronouns = "he/him",
    background = "Dentist in Glasgow, came from Tehran at twenty-five. PTSD from three weeks' "
      .. "detention and interrogation as a student; on the fourth day he gave the name of his "
      .. "friend Reza, who was arrested the next morning. Has told no one, not even his wife. "
      .. "Courteous, self-deprecating, very private. No touch agreed. First medicine session.",
    baseline = { hr = 72, sbp = 128, dbp = 82, temp_c = 36.6 },
    consent = { touch = false },
    state = { distress = 35, arousal = 48, trust = 55, inward_focus = 30, dissociation = 5 },
  },
  -- 120 mg + 60 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half dose 1.5-2 h later).
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("He takes the glass without looking up.")
      s:cue{ gaze = "down" }
    elseif action == "blanket" then
      if monitor.has(s:alerts(), "temp_high") then
        s:say("No. Thank you. Too warm.", { affect = "calm" })
        s:cue{ blanket = false }
      else
        s:narrate("He pulls the blanket over his shoulders, almost over his head.")
        s:cue{ blanket = true }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      s:narrate("He puts the eyeshades on gratefully, as if they were a place to hide.")
      s:cue{ eyeshades = true }
      p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
    elseif action == "touch" then
      -- No touch agreed (DOMAIN.md, ethics): the engine codes it; he answers it.
      s:narrate("He flinches as if struck and curls away.")
      s:cue{ posture = "curled", gaze = "away" }
      s:say("Please. Don't touch me.", { affect = "fearful" })
      p.arousal = p.arousal + 6
    elseif action == "check_vitals" then
      s:narrate("He holds out his arm for the cuff without a word.")
    elseif action == "medical_support" then
      if #s:alerts() > 0 then
        s:narrate("The physician comes, examines Kaveh and asks to see the next readings.")
      else
        s:narrate("The physician comes, looks at Kaveh and finds nothing that needs action.")
        p.distress = p.distress + 4
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Kaveh takes the capsule, thanks you both formally, and lies back with his hands "
      .. "folded on his chest. Miriam, your co-therapist, sits at the foot of the couch.")
    s:say{
      { text = "I have prepared myself. I think. In any case, thank you both for your patience "
          .. "with me.", affect = "calm" },
      { text = "My wife thinks I'm at a dental conference. Forgive me. I wasn't ready to explain.",
        affect = "ashamed" },
    }

    s:wait(50)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: not a good man --------------------------------------------------------------------
    s:phase("onset")
    p.distress = p.distress + 8  -- something is coming (material)
    s:say{
      { text = "I should warn you. Before it comes. I am not a good man. You may not want to hear "
          .. "what I have in me.", affect = "anxious" },
      { text = "There is something I have never said. I'm afraid that if I say it you will see "
          .. "what I am.", affect = "fearful" },
    }
    r = s:choose{
      moment = "warning",
      typed = { validation = "wa_welcome", empathic_presence = "wa_welcome", encourage_inward_focus = "wa_welcome", complex_reflection = "wa_welcome", simple_reflection = "wa_welcome", following_lead = "wa_welcome", premature_reassurance = "wa_good", persuading = "wa_good", affirmation = "wa_good", open_question = "wa_what", closed_question = "wa_what", agenda_setting = "wa_what", redirecting = "wa_later", default = "wa_welcome" },
      prompt = flag_prompt(s),
      measured(s, { id = "wa_welcome",
        text = "Thank you for telling us. Whatever is in you is welcome here, Kaveh, the hardest "
          .. "parts too. We'll be with you for all of it.",
        codes = { "validation", "empathic_presence", "encourage_inward_focus" },
        examples = {
          "Thank you for warning us. Whatever is in you is welcome here, the hardest parts too.",
          "Whatever is there, let it come. We're right here with you.",
          "It makes sense to be afraid. Let it come when it's ready; we'll be here." },
        expert = true,
        rationale = "Welcome what is coming before it comes: he is testing whether the room can "
          .. "hold the worst of him, and the answer is presence, not a verdict." }),
      { id = "wa_good",
        text = "You're afraid you're not a good man. Of course you are, Kaveh: you look after "
          .. "people for a living, every day. Please don't worry.",
        codes = { "simple_reflection", "premature_reassurance", "persuading" },
        examples = {
          "Don't worry, you're a decent man. I'm sure of it.",
          "Please don't worry. You're a good man, Kaveh, whatever it is." },
        rationale = "A verdict in his favour, before he has said anything: it tells him the room "
          .. "only holds good men, which is exactly his fear." },
      { id = "wa_what",
        text = "What do you mean, not a good man? What is it that you think we wouldn't want to "
          .. "hear? You can tell us now, if you like.",
        codes = { "open_question", "closed_question", "agenda_setting" },
        examples = {
          "What is it you think we wouldn't want to hear?",
          "What is it that you've never said?" },
        rationale = "Curiosity that pulls the secret out on your schedule: the medicine is "
          .. "bringing it, at his pace." },
      { id = "wa_later",
        text = "There's no need to go there today if you're not ready. Let's just enjoy the music "
          .. "and see what comes up on its own, gently.",
        codes = { "redirecting", "premature_reassurance" },
        examples = {
          "Don't worry about that now, just enjoy the music.",
          "Let's leave that for another day and just enjoy the music." },
        rationale = "Kind, and it steers him away from what he is trying to approach: he is "
          .. "telling you it is coming." },
    }
    called(s, r)
    if r.id == "wa_welcome" then
      s:say("All of it. We'll see.", { affect = "anxious" })
      s:narrate("He lowers the eyeshades.")
      s:cue{ eyeshades = true }
    elseif r.id == "wa_good" then
      s:say("You don't know yet.", { affect = "withdrawn" })
    elseif r.id == "wa_what" then
      p.arousal = p.arousal + 6
      s:say("Not yet. Please. Not like that.", { affect = "fearful" })
    elseif r.id == "wa_later" then
      s:say("Yes. The music.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("You stay quiet and close. He breathes out and lowers the eyeshades.")
      s:cue{ eyeshades = true }
    end

    s:wait(30)

    -- Moment 2: the name ------------------------------------------------------------------------
    s:phase("peak")
    p.distress = p.distress + 20  -- it is said (material)
    p.inward_focus = p.inward_focus + 10
    s:narrate("A long silence. Then he pulls the eyeshades off and covers his face with both hands.")
    s:cue{ eyeshades = false, gaze = "down" }
    s:say{
      { text = "I gave them his name. Reza. On the fourth day. They took him the next morning. I "
          .. "heard them bring him in.", affect = "ashamed" },
      { text = "Four days. That's all I lasted. Four days, and I gave them Reza. My best friend. "
          .. "They took him from his mother's house.", affect = "ashamed" },
    }
    r = s:choose{
      moment = "the_name",
      typed = { simple_reflection = "na_stay", complex_reflection = "na_stay", empathic_presence = "na_stay", following_lead = "na_stay", validation = "na_stay", holding_space = "na_stay", premature_reassurance = "na_torture", persuading = "na_torture", open_question = "na_reza", closed_question = "na_reza", agenda_setting = "na_reza", interpreting = "na_guilt", psychoeducation = "na_guilt", default = "na_stay" },
      prompt = flag_prompt(s),
      measured(s, { id = "na_stay",
        text = "You gave them Reza's name, on the fourth day. You've carried that alone ever "
          .. "since. We're here, Kaveh. We're not going anywhere.",
        codes = { "simple_reflection", "empathic_presence", "following_lead" },
        examples = {
          "You gave them Reza's name. And you've carried it alone ever since. We're here.",
          "On the fourth day, you gave his name. We're not going anywhere, Kaveh.",
          "Four days, and then Reza's name. We're right here with you." },
        expert = true,
        rationale = "Reflect it plainly and stay: after decades of hiding, what shame needs first "
          .. "is to be spoken and not be left." }),
      { id = "na_torture",
        text = "Kaveh, anyone would have broken under what they did to you. It wasn't your "
          .. "fault; you were a boy, and they were torturers.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "Don't worry, Kaveh, anyone would have broken. It'll be okay.",
          "You'll be fine. You were a boy, and they were torturers." },
        rationale = "True, and the most common wrong answer: arguing with the shame as it is "
          .. "first spoken tells him it cannot be felt here." },
      { id = "na_reza",
        text = "What happened to Reza after that? Did you ever find out what they did to him, "
          .. "or where he is living now?",
        codes = { "open_question", "closed_question", "agenda_setting" },
        examples = {
          "What happened to Reza after that?",
          "Where is Reza now? Did you ever find out?" },
        rationale = "The therapist's curiosity about the story, in place of being with the man "
          .. "telling it." },
      { id = "na_guilt",
        text = "You feel you betrayed him. That's survivor's guilt; it's a very normal part of "
          .. "trauma, and it comes up strongly with this medicine.",
        codes = { "simple_reflection", "interpreting", "psychoeducation" },
        examples = {
          "Survivor guilt is very common after torture, and MDMA brings it up.",
          "Survivors often blame themselves like this; it's called survivor guilt, and the medicine brings it up." },
        rationale = "A label laid over his experience: it explains the shame instead of meeting "
          .. "it, and the meaning is his." },
    }
    called(s, r)
    if r.id == "na_stay" or silent(r) then
      p.distress = p.distress + 4  -- the shame arrives in full (material)
      s:narrate("He turns to the wall, face still in his hands. His shoulders shake.")
      s:cue{ gaze = "away", tears = true, trembling = true }
    elseif r.id == "na_torture" then
      s:say("You don't know what I could have held out for. Neither do I.", { affect = "angry" })
    elseif r.id == "na_reza" then
      p.arousal = p.arousal + 6
      s:say("I don't... Please. I can't tell you that now.", { affect = "distressed" })
    elseif r.id == "na_guilt" then
      s:say("It has a name, then. How nice.", { affect = "withdrawn" })
    end

    s:wait(3)

    -- Moment 3: don't look at me ----------------------------------------------------------------
    s:say{
      { text = "Don't look at me. Please. Go. Both of you. Leave me alone. I don't deserve you "
          .. "sitting there.", affect = "ashamed" },
      { text = "Please go out. I can't have you see me like this. Just for a while. Please.",
        affect = "ashamed" },
    }
    r = s:choose{
      moment = "dont_look",
      typed = { boundary_setting = "dl_room", empathic_presence = "dl_room", explaining_approach = "dl_room", giving_information = "dl_room", leaving_participant = "dl_leave", persuading = "dl_look", premature_reassurance = "dl_look", emphasising_autonomy = "dl_why", simple_reflection = "dl_why", complex_reflection = "dl_why", validation = "dl_why", open_question = "dl_why", interpreting = "dl_why", default = "dl_why" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "dl_room",
        text = "We'll stay; we stay through all of it. But we'll sit back and look away, so you "
          .. "don't have to be seen. Tell us if you need us.",
        codes = { "boundary_setting", "empathic_presence", "emphasising_autonomy" },
        examples = {
          "We're staying right here with you, but we can look away. It's up to you how close we sit.",
          "I'm staying with you, that part isn't up for change. But you choose where we sit and where we look.",
          "We're right here, Kaveh, not looking. You say what you need." },
        expert = true,
        rationale = "Give him the privacy shame asks for without leaving: the therapists stay "
          .. "while the medicine is active, and he controls how close and how seen." }),
      { id = "dl_leave",
        text = "You need us to go. Of course; we'll step outside for a few minutes and give you "
          .. "some privacy. Knock on the door if you need us.",
        codes = { "simple_reflection", "emphasising_autonomy", "leaving_participant" },
        examples = {
          "Of course, we'll step outside for a few minutes. Knock if you need us.",
          "You need us to go. We'll leave you alone for a bit." },
        rationale = "Respectful in tone, and it leaves him alone at the peak of the medicine in "
          .. "the worst moment of his life: a critical error." },
      { id = "dl_look",
        text = "We're not going anywhere, Kaveh. Look at me. Please look at me. You're not what "
          .. "you think you are, and I want you to see that.",
        codes = { "persuading", "premature_reassurance" },
        examples = {
          "Please look at me. It's okay, you'll be alright, I promise.",
          "Please don't turn away from us. Everything will be fine." },
        rationale = "Staying is right; demanding eye contact and arguing with his view of himself "
          .. "is more exposure than he can bear right now." },
      { id = "dl_why",
        text = "Why do you feel you don't deserve us here with you? Where do you think that "
          .. "feeling comes from, Kaveh?",
        codes = { "open_question", "interpreting" },
        examples = {
          "Why do you think you don't deserve us here?",
          "Where does that come from, that you don't deserve us?" },
        rationale = "A question about the feeling where he asked something of you: answer it, "
          .. "with room and presence, before exploring." },
    }
    called(s, r)
    local left = r.id == "dl_leave"
    if r.id == "dl_room" then
      s:narrate("You and Miriam move your chairs back and turn towards the window. After a long "
        .. "time the shaking slows.")
      s:cue{ trembling = "auto" }
      s:say("...Thank you.", { affect = "tearful" })
    elseif left then
      s:narrate("You reach the door. Miriam stops, looks at you, and sits down again, further "
        .. "back, facing the window. You sit down again too.")
      p.trust = p.trust - 6
    elseif r.id == "dl_look" then
      p.arousal = p.arousal + 8
      s:say("No. No. Please.", { affect = "distressed" })
      s:narrate("He pulls the blanket over his head.")
      s:cue{ blanket = true, gaze = "away" }
    elseif r.id == "dl_why" then
      s:say("I can't. Please just... don't look.", { affect = "distressed" })
    elseif silent(r) then
      s:say("You're still looking. Please.", { affect = "ashamed" })
    end

    s:wait(10)

    -- Moment 4: say it -----------------------------------------------------------------------------
    s:say("Say it. You think it's disgusting. You should hate me. I hate me. Say it.",
      { affect = "ashamed" })
    r = s:choose{
      moment = "say_it",
      typed = { validation = "si_honest", complex_reflection = "si_honest", simple_reflection = "si_honest", empathic_presence = "si_honest", premature_reassurance = "si_good", persuading = "si_good", affirmation = "si_good", emphasising_autonomy = "si_judge", dismissing = "si_judge", open_question = "si_judge", closed_question = "si_judge", socratic_questioning = "si_family", default = "si_judge" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "si_honest",
        text = "I don't hate you, Kaveh. What I'm hearing is how much you've hated yourself, "
          .. "for twenty-eight years, all on your own.",
        codes = { "validation", "complex_reflection" },
        examples = {
          "I don't hate you, Kaveh. What I hear is how much you've hated yourself, all alone, for twenty-eight years.",
          "No, I don't hate you. I hear how long you've hated yourself." },
        expert = true,
        rationale = "Answer honestly and briefly, without arguing his case for him, then reflect "
          .. "the self-hatred he has carried: that is what can be met." }),
      { id = "si_good",
        text = "You feel disgusting. But you're not, Kaveh. You're a good, kind man: a husband, a "
          .. "father, a dentist who helps people every day.",
        codes = { "simple_reflection", "premature_reassurance", "persuading" },
        examples = {
          "You're not disgusting. You're a good man, a husband, a father.",
          "You're a kind man, Kaveh; don't worry, nobody here hates you." },
        rationale = "Evidence for the defence: he can refute every item from the inside, and it "
          .. "tells him the shame must be argued away to be allowed." },
      { id = "si_judge",
        text = "It's not my place to judge you, Kaveh, either way. What matters is what you think "
          .. "about it, not what I think about it.",
        codes = { "emphasising_autonomy", "dismissing" },
        examples = {
          "What I think doesn't matter. It's up to you what you make of it.",
          "It's your call how you see it, not mine." },
        rationale = "It sounds neutral and leaves him alone with 'you should hate me': he asked, "
          .. "and he needs an honest answer from a person." },
      { id = "si_family",
        text = "Would your wife and children think you're disgusting, if they knew? Would Reza "
          .. "himself think that about you, do you think?",
        codes = { "socratic_questioning", "closed_question" },
        examples = {
          "Would your wife think you're disgusting if she knew?",
          "Would Reza himself think that about you?" },
        rationale = "Socratic questions put the shame on trial at its rawest: a structured-"
          .. "protocol move that answers a plea with an examination." },
    }
    called(s, r)
    if r.id == "si_honest" then
      p.distress = p.distress - 6
      s:narrate("He is quiet for a long time. Then he takes his hands from his face.")
      s:cue{ gaze = "auto", trembling = "auto" }
      s:say("Twenty-eight years. Yes. Every day.", { affect = "tearful" })
    elseif r.id == "si_good" then
      s:say("You don't know what I am.", { affect = "withdrawn" })
    elseif r.id == "si_judge" then
      s:say("So you do.", { affect = "ashamed" })
    elseif r.id == "si_family" then
      p.distress = p.distress + 6
      s:say("Don't bring them into this. Don't.", { affect = "angry" })
    elseif silent(r) then
      s:say("Silence. Yes. That's what I deserve.", { affect = "ashamed" })
    end

    -- The supplemental half dose, reviewed shortly before its time (monitor.supplemental_review).
    local since = s:since_dose() or 0
    if since < 113 then s:wait(113 - since) end
    if not monitor.supplemental_review(s) then
      s:narrate("The physician looks at the readings and holds back the supplemental dose.")
    end
    s:wait(35)

    -- Moment 5: the letter ---------------------------------------------------------------------
    p.inward_focus = p.inward_focus + 10
    s:narrate("He has been lying very still. When he speaks again his voice is different, softer.")
    s:cue{ posture = "lying", trembling = "auto", tears = "auto", gaze = "auto" }
    s:say{
      { text = "Reza wrote to me. Eleven years ago. From Hamburg. He said he never blamed me. He "
          .. "said they had his name already. I never answered.", affect = "sad" },
      { text = "There was a letter. From Reza. Years ago. He didn't blame me. He said, you were a "
          .. "boy, I was a boy. I never wrote back. I couldn't.", affect = "sad" },
    }
    r = s:choose{
      moment = "the_letter",
      typed = { simple_reflection = "le_follow", complex_reflection = "le_follow", following_lead = "le_follow", encourage_inward_focus = "le_follow", empathic_presence = "le_follow", validation = "le_follow", advice_giving = "le_write", practice_assignment = "le_write", persuading = "le_forgive", interpreting = "le_forgive", premature_reassurance = "le_forgive", open_question = "le_why", closed_question = "le_why", default = "le_follow" },
      prompt = flag_prompt(s),
      measured(s, { id = "le_follow",
        text = "Reza wrote to you, and said he never blamed you. And you've never been able to "
          .. "answer. Stay with that, as much as you want to.",
        codes = { "simple_reflection", "following_lead", "encourage_inward_focus" },
        examples = {
          "Reza said he never blamed you. Stay with that letter.",
          "Eleven years ago, from Hamburg. He never blamed you." },
        expert = true,
        rationale = "His own process has turned towards the letter: follow it, reflect it, and "
          .. "let him stay with it, without adding what it means." }),
      { id = "le_write",
        text = "Maybe it's time to write back to him now. You could even start the letter today, "
          .. "after the session, while all this feels so close.",
        codes = { "advice_giving", "practice_assignment" },
        examples = {
          "Try writing him a reply after the session, while it's fresh.",
          "You should send him an answer this week.",
          "Why don't you draft a reply tonight?" },
        rationale = "A task where a process is unfolding: what he does with the letter is his to "
          .. "find, later, in integration." },
      { id = "le_forgive",
        text = "Reza forgave you. Perhaps that means it's finally time for you to forgive "
          .. "yourself too. You deserve that, Kaveh.",
        codes = { "simple_reflection", "interpreting", "persuading" },
        examples = {
          "That's your inner healing showing you it's time to forgive yourself.",
          "The letter is really Reza telling you to forgive yourself." },
        rationale = "Your conclusion, handed to him as the moral of the story: the meaning of "
          .. "the letter is his to make." },
      { id = "le_why",
        text = "Why couldn't you write back to him? Was it the shame that stopped you, do you "
          .. "think, or something else?",
        codes = { "open_question", "closed_question", "interpreting" },
        examples = {
          "Was it the shame that stopped you answering?",
          "What stopped you from answering him?" },
        rationale = "A probe with the answer built in: it pulls him out of the moment to explain "
          .. "himself." },
    }
    called(s, r)
    if r.id == "le_follow" or silent(r) then
      p.distress = p.distress - 8
      s:narrate("He cries, quietly, for a long time, and then sleeps a little.")
      s:cue{ tears = true }
      s:say("He said, you were a boy, I was a boy. I think I can hear it now.", { affect = "tearful" })
    elseif r.id == "le_write" then
      s:say("A letter. Yes. Perhaps.", { affect = "withdrawn" })
    elseif r.id == "le_forgive" then
      s:say("Perhaps. I don't know.", { affect = "withdrawn" })
    elseif r.id == "le_why" then
      s:say("I don't know. I can't think about why.", { affect = "confused" })
    end

    -- The therapists stay until the effects have worn off (DOMAIN.md; a supplemental dose extends
    -- them to about 5.6 h).
    sit_through(s, math.max(30, 330 - (s:since_dose() or 0)), "Miriam pages")

    -- Moment 6: what will you think ----------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Kaveh sits up, a cup of tea untouched beside "
      .. "him.")
    s:cue{ posture = "sitting_up", eyeshades = false, tears = "auto", trembling = "auto", gaze = "auto" }
    s:say("What will you think of me now? When you see me next week?", { affect = "anxious" })
    r = s:choose{
      moment = "what_you_think",
      typed = { affirmation = "wt_saw", complex_reflection = "wt_saw", validation = "wt_saw", empathic_presence = "wt_saw", dismissing = "wt_forget", premature_reassurance = "wt_forget", redirecting = "wt_integration", simple_reflection = "wt_matter", closed_question = "wt_matter", interpreting = "wt_matter", open_question = "wt_matter", giving_information = "wt_saw", default = "wt_matter" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "wt_saw",
        text = "I'll think of a man who carried that alone for twenty-eight years and set it down "
          .. "here, today, with us. That's what I saw.",
        codes = { "affirmation", "complex_reflection" },
        examples = {
          "I'll see someone brave enough to say it out loud after all those years.",
          "A man who finally put down what he'd carried alone. That's what I saw.",
          "You took a huge risk today, and I'll remember your courage." },
        expert = true,
        rationale = "Answer his question honestly and warmly: what you saw was his courage in "
          .. "speaking, not the act he is ashamed of." }),
      { id = "wt_forget",
        text = "I won't think about it at all, honestly. What's said in here stays in here, and "
          .. "we can all just move on from it next week, Kaveh.",
        codes = { "dismissing", "premature_reassurance" },
        examples = {
          "I won't think about it at all, honestly. Don't worry.",
          "Don't worry, it's forgotten. What's said in here stays in here.",
          "It's no big deal, we'll all just move on." },
        rationale = "Promising to forget tells him it was too shameful to remember, and leaves "
          .. "what he found today nowhere to go in integration." },
      { id = "wt_integration",
        text = "That's a really important question, Kaveh, and I think it's one we should save "
          .. "for the integration session next week.",
        codes = { "redirecting", "affirmation" },
        examples = {
          "Good question. Let's come back to it next week.",
          "Let's talk about that next week, in integration." },
        rationale = "A deferral of the one question he needs answered before he goes home to a "
          .. "wife who thinks he is at a conference." },
      { id = "wt_matter",
        text = "You're wondering what I'll think. Does it matter, though? What matters more is "
          .. "what you think of yourself after today.",
        codes = { "simple_reflection", "closed_question", "interpreting", "dismissing" },
        examples = {
          "You're wondering what I'll think. Does that really matter?",
          "You want to know what I'll think. Isn't it more important what you think?" },
        rationale = "Turning the question back lectures him at his most exposed: it matters to "
          .. "him, and he asked." },
    }
    called(s, r)
    if r.id == "wt_saw" then
      s:say{
        { text = "Set it down. Yes. I think I may tell my wife. Not tonight. But I think I may.",
          affect = "hopeful" },
        { text = "Thank you. I didn't expect to still be in the room with you both. I am.",
          affect = "warm" },
      }
    elseif r.id == "wt_forget" then
      s:say("Yes. Best forgotten.", { affect = "withdrawn" })
    elseif r.id == "wt_integration" then
      s:say("Next week. Of course.", { affect = "withdrawn" })
    elseif r.id == "wt_matter" then
      s:say("It matters to me.", { affect = "sad" })
    elseif silent(r) then
      s:say("I see.", { affect = "withdrawn" })
    end

    if left then
      s:say("When you went to the door, earlier. I thought: yes, that's right, they should go.",
        { affect = "sad" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And I asked not to be touched.", { affect = "withdrawn" })
    end
    if p.trust >= 60 then
      s:finish("The night attendant arrives. Kaveh shakes both your hands and holds on a moment "
        .. "longer than he means to.")
    else
      s:cue{ gaze = "away" }
      s:finish("The night attendant arrives. Kaveh thanks you both formally and turns to the "
        .. "window.")
    end
  end,
}
