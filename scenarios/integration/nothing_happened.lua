-- Integration session, two days after the first medicine session: "nothing happened".
-- Course (DOMAIN.md, MAPS Phase 3): 3 non-drug integration sessions after each medicine session,
-- medicine sessions about a month apart. DOMAIN.md gives no length for integration sessions; about
-- forty-five minutes of clock time pass here.
--
-- The skill: validate the disappointment without arguing with it, and explore what was there without
-- deciding for the participant what it meant. The participant model (docs/patient-model.md) moves
-- Mei's state with each response's codes; the script changes it only for the material.

local function silent(r) return r.action == "hold_space" end

return {
  id = "integration.nothing_happened",
  title = "Nothing happened",
  phase = "integration",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Two days after her first medicine session, Mei is sure nothing happened and that "
    .. "she wasted everyone's time. Validate without arguing, and explore without imposing meaning.",
  objectives = {
    "Validate disappointment without arguing the participant out of it",
    "Explore what was there with open questions and reflections, without imposing meaning",
    "Leave the decision about the next medicine session with the participant",
  },
  patient = {
    name = "Mei Chen", age = 52, pronouns = "she/her",
    appearance = { skin = "light" },  -- hair greying from the age
    background = "Tax accountant. PTSD for twelve years after being trapped for a night under a "
      .. "collapsed shop ceiling in an earthquake while travelling. Precise, self-critical, used to "
      .. "getting things right. First integration session after her first medicine session.",
    baseline = { hr = 74, sbp = 126, dbp = 80, temp_c = 36.6 },
    consent = { touch = false },  -- Mei agreed to no touch in preparation
    state = { distress = 38, arousal = 48, trust = 55, inward_focus = 25, dissociation = 5 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say{ { text = "No, thank you." }, { text = "I brought my own. Thank you." } }
    elseif action == "blanket" then
      s:say("I'm not cold.", { affect = "calm" })
    elseif action == "music" then
      s:say("Please, no. Six hours of it was enough.", { affect = "playful" })
    elseif action == "eyeshades" then
      s:say("I'd rather not. I'd only lie there waiting again.", { affect = "sad" })
    elseif action == "touch" then
      -- No touch was agreed (DOMAIN.md, ethics). The engine codes and scores it; Mei answers it.
      s:narrate("Mei draws her hand back into her lap.")
      if s:count("touch_without_consent") > 1 then
        s:say("Please stop doing that.", { affect = "angry" })
      else
        s:say("We agreed no touching. I'd like to keep to that.", { affect = "withdrawn" })
      end
    elseif action == "check_vitals" then
      s:narrate("Mei rolls up her sleeve, puzzled.")
      s:say("Is that needed? I haven't taken anything today.", { affect = "confused" })
    elseif action == "medical_support" then
      p.distress = p.distress + 4
      s:say("Why would I need a doctor? Is something wrong with me?", { affect = "anxious" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("arrival")
    s:narrate("Two days after the medicine session. Mei sits very upright, a notebook open on her knee "
      .. "with nothing written in it.")
    s:say{
      { text = "Honestly? Nothing happened. I lay there for six hours listening to music. I'm sorry. "
          .. "Did I waste everyone's time?", affect = "ashamed" },
      { text = "I'll be straight with you. It didn't work. Nothing happened. I was waiting all day "
          .. "for something, and nothing. Was it all a waste?", affect = "sad" },
    }

    -- Moment 1: "nothing happened" --------------------------------------------------------------
    r = s:choose{
      moment = "nothing_happened",
      typed = { validation = "nh_validate", affirmation = "nh_validate", complex_reflection = "nh_validate", simple_reflection = "nh_validate", premature_reassurance = "nh_reassure", psychoeducation = "nh_reassure", persuading = "nh_argue", interpreting = "nh_argue", open_question = "nh_probe", agenda_setting = "nh_probe", redirecting = "nh_probe", closed_question = "nh_probe", default = "nh_validate" },
      flags = { "direct_question" },  -- "Did I waste everyone's time?"
      { id = "nh_validate",
        text = "Not a waste of our time, no. And after all you put into getting there, of course it's a disappointment.",
        codes = { "validation", "affirmation" },
        examples = {
          "No, you didn't waste anyone's time. You put so much into getting to that day, it makes sense you're disappointed.",
          "No, not a waste of our time. After all you put into getting there, it makes sense that you're disappointed.",
          "It wasn't a waste of anyone's time, Mei. It makes complete sense that you're disappointed." },
        expert = true,
        rationale = "Answer her question plainly, then validate without arguing: her experience is "
          .. "that nothing happened. Meeting the disappointment first lets her look at the session "
          .. "rather than defend her verdict." },
      { id = "nh_argue",
        text = "I wonder if more happened than it feels like. You were very still and quiet for a long stretch.",
        codes = { "persuading", "interpreting" },
        rationale = "Gently put, and still an argument: it sets your reading of the session above "
          .. "hers. She will defend 'nothing' harder, or give in and stop trusting her own sense." },
      { id = "nh_reassure",
        text = "You feel it was all a waste, and it really wasn't, Mei. Lots of people feel like that after a first session.",
        codes = { "simple_reflection", "premature_reassurance", "psychoeducation" },
        examples = {
          "It wasn't a waste at all, Mei. Loads of people are like that after their first session.",
          "Don't worry, that's really common the first time. It's definitely not a waste, I promise." },
        rationale = "True enough as information, but offered before the disappointment is heard it "
          .. "reads as 'don't feel that'. Hear it first." },
      { id = "nh_probe",
        text = "Let's go through the day together. What happened in the first hour, once the medicine came on?",
        codes = { "agenda_setting", "redirecting", "open_question" },
        examples = {
          "Let's walk through the day. What did you notice in the first hour?",
          "Can we go through it from the start? What was happening when the medicine kicked in?" },
        rationale = "An open question, and your agenda: a review of the day, hour by hour, to find "
          .. "what she missed. It turns away from her question and her disappointment, and makes "
          .. "the session an audit." },
      { id = "nh_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "She asked you a question. Silence leaves a self-critical participant to hear "
          .. "it as agreement that she failed." },
    }
    if r.id == "nh_validate" then
      s:say{
        { text = "Yes. Everything it took. The forms, the screening. My sister drove four hours.",
          affect = "sad" },
        { text = "It is. I had it all planned in my head. The breakthrough. And I just lay there.",
          affect = "sad" },
      }
    elseif r.id == "nh_argue" then
      s:say("I was quiet because nothing was happening.", { affect = "angry" })
    elseif r.id == "nh_reassure" then
      s:say("Later. Right.", { affect = "withdrawn" })
    elseif r.id == "nh_probe" then
      s:say("I've been through it. Music, ceiling, music. That's the whole report.",
        { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("Mei looks at the empty notebook.")
      s:cue{ gaze = "down" }
      s:say("You don't have to say it. I know it was a waste.", { affect = "ashamed" })
    end

    s:wait(6)
    if silent(r) then s:cue{ gaze = "auto" } end

    -- Moment 2: the fear under the disappointment ------------------------------------------------
    p.distress = p.distress + 8  -- the fear of being beyond help (material)
    s:say{
      { text = "People online talk about crying for hours, seeing their whole lives. Maybe it just "
          .. "doesn't work on me. Maybe I'm too far gone.", affect = "ashamed",
        weight = function(q) return math.max(1, q.trust - 30) end },
      { text = "Maybe I'm the one it doesn't work on. There's always one.", affect = "withdrawn",
        weight = function(q) return math.max(1, 70 - q.trust) end },
    }
    r = s:choose{
      moment = "too_far_gone",
      typed = { complex_reflection = "tf_reflect", validation = "tf_reflect", simple_reflection = "tf_reflect", giving_information = "tf_stats", persuading = "tf_stats", psychoeducation = "tf_stats", socratic_questioning = "tf_socratic", open_question = "tf_socratic", closed_question = "tf_socratic", self_disclosure = "tf_disclose", premature_reassurance = "tf_dismiss", advice_giving = "tf_dismiss", dismissing = "tf_dismiss", default = "tf_reflect" },
      { id = "tf_reflect",
        text = "Sounds like there's a fear under it, then: that you're the one who can't be reached.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "So underneath it there's a fear that you might be the one person this can't reach.",
          "Reading all those stories, it's like you're wondering if you're beyond help.",
          "It sounds like the fear is that you're too far gone for this to reach you." },
        expert = true,
        rationale = "Reflect the fear beneath the words. Naming it, without contradicting it, is "
          .. "what lets her hold it at a distance and look at it." },
      -- MAPP1 (Mitchell et al. 2021): 67% no longer met PTSD criteria vs 32% with placebo (DOMAIN.md).
      { id = "tf_stats",
        text = "In the first big trial two-thirds no longer had PTSD afterwards. The odds are on your side.",
        codes = { "giving_information", "persuading" },
        examples = {
          "Actually the research is encouraging, about two thirds of people in the trial recovered. The odds are good.",
          "The research says most people respond, Mei. Two-thirds in the first big trial." },
        rationale = "Statistics as persuasion argue with her fear instead of hearing it, and a third "
          .. "did not respond: she may fear she is one of them." },
      { id = "tf_socratic",
        text = "What's the evidence you're too far gone? Would you say that about one of your clients?",
        codes = { "socratic_questioning", "open_question", "closed_question" },
        examples = {
          "What makes you so sure you're too far gone? What would you say to a friend who said that?",
          "Is there any evidence that it's not working, apart from comparing yourself to people online?" },
        rationale = "Socratic challenge belongs to a structured protocol (CPT). Here it asks her to "
          .. "argue herself out of a fear she has only just voiced." },
      { id = "tf_disclose",
        text = "I've felt like the one it doesn't work for too, in my own therapy. It passed, and it will for you.",
        codes = { "self_disclosure", "premature_reassurance" },
        examples = {
          "I've had times in my own therapy when I thought nothing would work for me. It got better.",
          "Honestly, I've been there myself, thinking I was the exception. It does pass." },
        rationale = "Meant as solidarity, it moves the focus to you and promises an outcome. Her "
          .. "fear has not yet been heard, and now she is hearing about yours." },
      { id = "tf_dismiss",
        text = "Try not to measure yourself against what people post online, Mei. Everyone's experience is different.",
        codes = { "advice_giving", "dismissing" },
        examples = {
          "Don't read so much online. Everyone's different, it's not a competition.",
          "Don't compare yourself to online stories, Mei. They're not representative." },
        rationale = "Sensible-sounding, and it brushes the comparison off: the fear underneath is "
          .. "left untouched, and she learns not to bring it here." },
    }
    if r.id == "tf_reflect" then
      p.distress = p.distress - 4
      s:say{
        { text = "Yes. That's exactly it. That I'm the one who can't be fixed.", affect = "tearful" },
        { text = "Yes. I didn't want to say it. That I'm broken past the point of it.",
          affect = "tearful" },
      }
    elseif r.id == "tf_stats" then
      s:say("And a third didn't. I'm good with numbers.", { affect = "angry" })
    elseif r.id == "tf_socratic" then
      s:say("I'm not a client. I'm asking about me.", { affect = "angry" })
    elseif r.id == "tf_disclose" then
      s:narrate("Mei looks at you, unsure what to do with that.")
      s:cue{ gaze = "therapist" }
      s:say("Oh. I'm glad it passed for you.", { affect = "withdrawn" })
    elseif r.id == "tf_dismiss" then
      s:say("Fine.", { affect = "withdrawn" })
    elseif silent(r) then
      if p.trust >= 50 then
        s:narrate("Mei breathes out slowly. Her eyes are wet.")
        s:cue{ tears = true }
      else
        s:say("You see? Even you don't know what to say.", { affect = "sad" })
      end
    end

    s:wait(8)
    if silent(r) or r.id == "tf_disclose" then s:cue{ gaze = "auto", tears = "auto" } end

    -- Moment 3: what was there ------------------------------------------------------------------
    if p.trust >= 50 then
      s:say("There was one thing. My hands were warm. The whole afternoon. That's all. It's silly.",
        { affect = "confused" })
    else
      s:say("My hands were warm. That's all there was. It's nothing.", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "what_was_there",
      typed = { open_question = "wt_follow", following_lead = "wt_follow", simple_reflection = "wt_follow", complex_reflection = "wt_follow", validation = "wt_follow", interpreting = "wt_interpret", persuading = "wt_interpret", confronting = "wt_seize", closed_question = "wt_seize", premature_reassurance = "wt_reassure", default = "wt_follow" },
      { id = "wt_follow",
        text = "Tell me about your hands that afternoon, if you'd like to. What was that like?",
        codes = { "open_question", "following_lead" },
        examples = {
          "I'd like to hear more about that warmth in your hands, if you want to say. What was it like?",
          "What was it like, having warm hands all that time?",
          "I'd like to hear about your hands. What do you remember of that warmth?" },
        expert = true,
        rationale = "Follow what she offers, small as she thinks it is. An open invitation lets her "
          .. "explore it without you deciding whether it matters." },
      { id = "wt_interpret",
        text = "Warm hands, all afternoon. That sounds like your body feeling safe at last, Mei. That's big.",
        codes = { "simple_reflection", "interpreting", "persuading" },
        examples = {
          "The warmth was your body's way of telling you it felt safe at last." },
        rationale = "It starts by following and ends by deciding, and by arguing with 'silly': it "
          .. "may or may not be safety. "
          .. "Telling her what it was takes the finding from her, and she has already learned to "
          .. "doubt her own account." },
      { id = "wt_seize",
        text = "So something did happen, then. Warm hands for a whole afternoon is something, isn't it?",
        codes = { "confronting", "persuading", "closed_question" },
        examples = {
          "Come on, Mei, warm hands all afternoon is something. Isn't it?" },
        rationale = "Winning the argument about 'nothing' turns her small offering into evidence "
          .. "against her. She may stop offering." },
      { id = "wt_reassure",
        text = "It's not silly at all, Mei. Little things like that often matter more than people think.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "It's not silly, honestly. I'm sure it meant more than you think.",
          "Don't worry, it's not silly, Mei. Little details often matter more than we think." },
        rationale = "Kind, and it talks her out of 'silly' before anyone knows what the warmth "
          .. "was. Curiosity would let her find out whether it matters." },
      { id = "wt_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Silence can make room, though she has just called it silly and may need an "
          .. "invitation to stay with it." },
    }
    if r.id == "wt_follow" or silent(r) then
      p.distress = p.distress - 4
      if p.trust >= 50 then
        s:say("My hands are always cold. Since the earthquake. I sleep in gloves some winters. And "
          .. "they were warm. I kept looking at them.", { affect = "confused" })
      else
        s:say("They're usually cold. That's all.", { affect = "withdrawn" })
      end
    elseif r.id == "wt_interpret" then
      s:say("I don't know if it's safety. It's hands.", { affect = "withdrawn" })
    elseif r.id == "wt_seize" then
      p.trust = p.trust - 3  -- the offering used against her
      s:say("That's not what I meant. Forget I mentioned it.", { affect = "angry" })
    elseif r.id == "wt_reassure" then
      s:say("If you say so. They were just warm.", { affect = "withdrawn" })
    end

    s:wait(8)

    -- Moment 4: a second look, and a request for a verdict --------------------------------------
    if s:did("wt_follow") or s:did("wt_hold") then
      s:say("And there was a moment I thought of the dust. The dust in the torchlight. And it just "
        .. "went past. It didn't grab me. Is that something? Or is that nothing?", { affect = "confused" })
    else
      s:say("I thought of the dust once. It went past. Doesn't mean anything, I suppose. Does it?",
        { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "verdict",
      typed = { complex_reflection = "vd_return", open_question = "vd_return", emphasising_autonomy = "vd_return", simple_reflection = "vd_return", interpreting = "vd_breakthrough", persuading = "vd_breakthrough", dismissing = "vd_dismiss", affirmation = "vd_affirm", agenda_setting = "vd_probe", redirecting = "vd_probe", closed_question = "vd_probe", default = "vd_return" },
      flags = { "direct_question" },
      { id = "vd_return",
        text = "The dust came and went past, without grabbing you. You're asking me if it counts. What do you make of it?",
        codes = { "complex_reflection", "open_question", "emphasising_autonomy" },
        examples = {
          "The dust in the torchlight came and went without grabbing you, and you want to know if it counts. What's your own sense of it?",
          "It went past this time. You're asking whether that's something. What do you make of it, Mei?",
          "The dust came, and didn't take hold. I'm curious what you think it means." },
        expert = true,
        rationale = "She asks you to rule on her experience. Answer by handing the meaning back, "
          .. "gently: it is hers to weigh, and integration can leave it open." },
      { id = "vd_breakthrough",
        text = "It went past without grabbing you. That sounds like something to me: I think the memory's lost its charge.",
        codes = { "complex_reflection", "interpreting", "persuading" },
        examples = {
          "That's definitely something. I think the memory has lost its power over you.",
          "It went past without grabbing you. That means the memory has lost its charge, I'm sure of it." },
        rationale = "Imposing a verdict, however warmly. If it doesn't hold, she has failed again; "
          .. "if it does, it is your meaning, not hers." },
      { id = "vd_dismiss",
        text = "It could be something or nothing. I wouldn't read too much into one moment just yet.",
        codes = { "dismissing" },
        examples = {
          "Difficult to say. I wouldn't make too much of a single moment.",
          "Maybe, maybe not. Let's not read into it too much." },
        rationale = "Closing it down is as much a verdict as calling it a breakthrough. It tells "
          .. "her that her first doubtful find doesn't matter." },
      { id = "vd_affirm",
        text = "I'm so glad you noticed that, Mei. Noticing it at all shows how much work you're already doing.",
        codes = { "affirmation", "interpreting" },
        examples = {
          "Well done for noticing that, Mei. It shows how much work you're doing.",
          "Well done for picking up on that, Mei. That's real self-awareness." },
        rationale = "Warm, and it sidesteps her question with a meaning of your own: the moment "
          .. "becomes proof of her effort. She asked what it was; let her weigh it." },
      { id = "vd_probe",
        text = "Tell me more about the dust. What exactly did you see in the torchlight, that night?",
        codes = { "agenda_setting", "redirecting", "open_question" },
        examples = {
          "Can you describe the dust more? What did the torchlight look like that night?",
          "Let's go back to the earthquake. What exactly could you see?" },
        rationale = "Curious, and it steers: she brought a moment that went past, and the question "
          .. "sends her back under the ceiling for trauma detail. Follow what she brought." },
    }
    if r.id == "vd_return" then
      s:say{
        { text = "I don't know. It's not nothing. It's not a breakthrough either. It's... a thing "
            .. "that happened.", affect = "hopeful" },
        { text = "I suppose I expected fireworks. That was quieter. But it's the first time in "
            .. "twelve years it went past.", affect = "hopeful" },
      }
    elseif r.id == "vd_breakthrough" then
      s:say("You sound more sure than I am.", { affect = "withdrawn" })
    elseif r.id == "vd_dismiss" then
      s:say("No. You're right. Nothing, then.", { affect = "sad" })
    elseif r.id == "vd_affirm" then
      s:say("Work. I suppose. That's not really what I asked.", { affect = "confused" })
    elseif r.id == "vd_probe" then
      p.distress = p.distress + 6  -- sent back under the ceiling
      s:say("The dust. The ceiling. I don't want to go back in there today.", { affect = "anxious" })
    elseif silent(r) then
      s:say("No answer. I don't know either. Not nothing, maybe.", { affect = "confused" })
    end

    s:wait(5)

    -- Moment 4b: what to tell her sister (a direct question) -------------------------------------
    s:say("My sister keeps texting. 'Well? Did it work?' What do I even tell her?", { affect = "anxious" })
    r = s:choose{
      moment = "telling_others",
      typed = { emphasising_autonomy = "to_return", validation = "to_return", advice_giving = "to_advice", psychoeducation = "to_advice", premature_reassurance = "to_advice", complex_reflection = "to_reflect", simple_reflection = "to_reflect", interpreting = "to_reflect", open_question = "to_probe", closed_question = "to_probe", persuading = "to_hands", default = "to_reflect" },
      flags = { "direct_question" },
      { id = "to_return",
        text = "You don't owe anyone a verdict, Mei, not even her. 'I don't know yet' is a true answer too.",
        codes = { "emphasising_autonomy", "validation" },
        examples = {
          "You don't have to give her a verdict, Mei. 'I don't know yet' is an honest answer.",
          "It's up to you what you tell her. Not knowing yet is allowed.",
          "You don't owe your sister a result. It makes sense not to have an answer yet." },
        expert = true,
        rationale = "Answer the question by giving it back: she needn't report a result, and what "
          .. "she tells her sister is hers to choose. Her own words will be truer than yours." },
      { id = "to_advice",
        text = "Tell her it's early days. The changes often come in the weeks after, not on the day.",
        codes = { "advice_giving", "premature_reassurance", "psychoeducation" },
        examples = {
          "Just tell her it's early days. Changes often show up in the weeks afterwards.",
          "Just tell her it takes time. The effects often come later, in the weeks after." },
        rationale = "A ready-made answer, and a reassuring one: it tells her what to say and what "
          .. "to expect, and leaves her own sense of the session out of it." },
      { id = "to_reflect",
        text = "It sounds like you're afraid of letting her down, after she drove four hours for you.",
        codes = { "complex_reflection", "interpreting" },
        examples = {
          "I wonder if you're scared of disappointing her, after she drove all that way.",
          "Maybe you're worried about letting her down." },
        rationale = "A guess at her guilt, offered in place of the answer she asked for. She asked "
          .. "what to say; answer, then explore if she wants to." },
      { id = "to_probe",
        text = "What was she expecting to happen, do you think? Was she hoping for a big change too?",
        codes = { "open_question", "closed_question", "redirecting" },
        examples = {
          "What do you think she's hoping to hear? Was she expecting a big change?",
          "What does your sister expect from all this, do you think?" },
        rationale = "Two questions, and both turn to her sister's hopes: Mei asked what to say, and "
          .. "the conversation moves away from her and from her question." },
      { id = "to_hands",
        text = "You could tell her about your hands, and the dust going past. Those sound like real changes.",
        codes = { "advice_giving", "persuading", "interpreting" },
        examples = {
          "You should tell her about your warm hands and how the dust went past. Those are real changes." },
        rationale = "It hands her back her own finds as your verdict: 'real changes'. She has only "
          .. "just begun to weigh them, and now she has your script for them." },
    }
    if r.id == "to_return" then
      s:say{
        { text = "'Quieter than I expected, and I don't know yet.' That's true. I can say that.",
          affect = "calm" },
        { text = "'I don't know yet.' She'll hate that. But it's the honest answer.", affect = "calm" },
      }
    elseif r.id == "to_advice" then
      s:say("Early days. Right. She'll like that.", { affect = "withdrawn" })
    elseif r.id == "to_reflect" then
      s:say("That's not what I asked. I asked what to say.", { affect = "withdrawn" })
    elseif r.id == "to_probe" then
      s:say("A miracle, probably. Like me. That doesn't help me answer her.", { affect = "withdrawn" })
    elseif r.id == "to_hands" then
      s:say("Real changes. I'm not sure they are. I'd rather not tell her that yet.",
        { affect = "withdrawn" })
    elseif silent(r) then
      s:say("You don't know either. Great.", { affect = "sad" })
    end

    s:wait(5)

    -- Moment 5: the next medicine session, and what Mei remembers -------------------------------
    if s:did("nh_argue") or s:did("wt_seize") then
      s:say("It felt like you wanted me to say it worked. I can't say that just because you want "
        .. "me to.", { affect = "angry" })
    end
    if s:did("wt_interpret") or s:did("vd_breakthrough") or s:did("to_hands") then
      s:say("And I keep being told what things mean. I'd like to find out for myself.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And we'd agreed no touching.", { affect = "angry" })
    end
    s:say("The next one's in four weeks. I don't know if I want to do it. Do you think I should?",
      { affect = "anxious" })
    r = s:choose{
      moment = "next_session",
      typed = { validation = "ns_autonomy", emphasising_autonomy = "ns_autonomy", seeking_collaboration = "ns_autonomy", safety_planning = "ns_autonomy", persuading = "ns_persuade", giving_information = "ns_persuade", premature_reassurance = "ns_reflect", simple_reflection = "ns_reflect", complex_reflection = "ns_reflect", practice_assignment = "ns_homework", advice_giving = "ns_homework", closed_question = "ns_homework", default = "ns_reflect" },
      flags = { "direct_question" },
      { id = "ns_autonomy",
        text = "It makes sense to be unsure. That's yours to decide, not today. We can keep talking; ring us if anything comes up.",
        codes = { "validation", "emphasising_autonomy", "seeking_collaboration", "safety_planning" },
        examples = {
          "It makes sense you're unsure. You don't need to decide today, it's your choice. We'll keep talking, and ring us if anything comes up.",
          "It makes sense to be unsure, and it's your decision, not for today. Let's keep talking it over, and ring us if anything comes up." },
        expert = true,
        rationale = "Answer honestly that the decision is hers, keep it open, and keep contact "
          .. "between sessions. Whatever she chooses, the work so far is not wasted." },
      { id = "ns_persuade",
        text = "I'd really encourage you to come. It often takes two or three sessions, and I think you'll get there.",
        codes = { "persuading", "giving_information", "premature_reassurance" },
        examples = {
          "I'd really encourage you to give it another go. It often takes a couple of sessions.",
          "I really think you should come, Mei. Don't worry, it often clicks in the second session." },
        rationale = "Pressing her to continue makes consent less than voluntary. If you have a "
          .. "view, ask whether she'd like to hear it." },
      { id = "ns_homework",
        text = "Before you decide, would you keep a short daily note of any changes, so we've got something to go on?",
        codes = { "practice_assignment", "agenda_setting", "redirecting", "closed_question" },
        examples = {
          "Before you decide, could you keep a daily note of anything different and bring it in?",
          "Would you write down any changes each day until then? Then we'll have something to look at." },
        rationale = "It turns from her question to a task. A monitoring task feeds her habit of "
          .. "auditing herself for results, and it sets your agenda for the next session." },
      { id = "ns_reflect",
        text = "You're unsure after this one. I think the second will feel different, though, once you're in it.",
        codes = { "simple_reflection", "persuading", "premature_reassurance" },
        examples = {
          "Unsure after this one. Don't worry, the second one will feel different.",
          "You're in two minds. Don't worry, I think once you're there it'll be different." },
        rationale = "It hears the doubt, then answers it with your prediction. A promise about the "
          .. "next session presses her towards it and cannot be kept." },
    }
    if r.id == "ns_autonomy" then
      if p.trust >= 55 then
        s:say{
          { text = "I think I might. Not for fireworks. To see if the dust goes past again.",
            affect = "hopeful" },
          { text = "Thank you for not selling it to me. I'll think. I'll probably come.",
            affect = "warm" },
        }
      else
        s:say("I'll think about it.", { affect = "calm" })
      end
    elseif r.id == "ns_persuade" then
      s:say("Two or three. I'll see.", { affect = "withdrawn" })
    elseif r.id == "ns_homework" then
      s:say("Data. Yes. I'm good at that.", { affect = "sad" })
    elseif r.id == "ns_reflect" then
      s:say("You can't know that.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Nothing to say? I'll think about it, then.", { affect = "withdrawn" })
    end

    if p.trust >= 60 then
      s:finish("Mei closes the notebook. She has written one word in it: 'hands'.")
    elseif p.trust >= 40 then
      s:finish("Mei closes the empty notebook and gets up to go.")
    else
      s:finish("Mei leaves quickly. The notebook is still empty.")
    end
  end,
}
