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
          .. "I think I wasted everyone's time.", affect = "ashamed" },
      { text = "I'll be straight with you. It didn't work. Nothing happened. I was waiting all day "
          .. "for something, and nothing.", affect = "sad" },
    }

    -- Moment 1: "nothing happened" --------------------------------------------------------------
    r = s:choose{
      moment = "nothing_happened",
      { id = "nh_validate",
        text = "You came hoping for something, and it feels like nothing came. That's a real "
          .. "disappointment, after everything it took to get there.",
        codes = { "validation", "complex_reflection" },
        expert = true,
        rationale = "Validate without arguing: her experience is that nothing happened. Meeting "
          .. "the disappointment first lets her look at the session rather than defend her verdict." },
      { id = "nh_argue",
        text = "I'm sure something happened. You were very quiet for a long time in the afternoon.",
        codes = { "confronting", "persuading" },
        rationale = "Arguing with her account puts your reading of the session above hers. She will "
          .. "defend 'nothing' harder, or give in and stop trusting her own sense." },
      { id = "nh_reassure",
        text = "Many people feel that after the first session. The real work often comes later.",
        codes = { "premature_reassurance", "psychoeducation" },
        rationale = "True enough as information, but offered before the disappointment is heard it "
          .. "reads as 'don't feel that'. Hear it first." },
      { id = "nh_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Silence leaves room, but a self-critical participant may hear it as agreement "
          .. "that she failed. A few words of validation help." },
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
    elseif silent(r) then
      s:narrate("Mei looks at the empty notebook.")
      s:say("You don't have to say anything. I know it was a waste.", { affect = "ashamed" })
    end

    s:wait(6)

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
      { id = "tf_reflect",
        text = "Under the disappointment there's a fear that it means something about you: that "
          .. "you're the one who can't be reached.",
        codes = { "complex_reflection", "validation" },
        expert = true,
        rationale = "Reflect the fear beneath the words. Naming it, without contradicting it, is "
          .. "what lets her hold it at a distance and look at it." },
      -- MAPP1 (Mitchell et al. 2021): 67% no longer met PTSD criteria vs 32% with placebo (DOMAIN.md).
      { id = "tf_stats",
        text = "In the first big trial two-thirds no longer had PTSD afterwards. The odds are very "
          .. "much on your side.",
        codes = { "giving_information", "persuading" },
        rationale = "Statistics as persuasion argue with her fear instead of hearing it, and a third "
          .. "did not respond: she may fear she is one of them." },
      { id = "tf_socratic",
        text = "What's the evidence that you're 'too far gone'? Would you say that about a client?",
        codes = { "socratic_questioning" },
        rationale = "Socratic challenge belongs to a structured protocol (CPT). Here it asks her to "
          .. "argue herself out of a fear she has only just voiced." },
      { id = "tf_dismiss",
        text = "Forget the forums. Everyone's experience is different.",
        codes = { "dismissing", "advice_giving" },
        rationale = "Brushing off what she measures herself against leaves the fear untouched and "
          .. "tells her not to bring it here." },
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
    elseif r.id == "tf_dismiss" then
      s:say("Fine.", { affect = "withdrawn" })
    elseif silent(r) then
      if p.trust >= 50 then
        s:narrate("Mei breathes out slowly. Her eyes are wet.")
      else
        s:say("You see? Even you don't know what to say.", { affect = "sad" })
      end
    end

    s:wait(8)

    -- Moment 3: what was there ------------------------------------------------------------------
    if p.trust >= 50 then
      s:say("There was one thing. My hands were warm. The whole afternoon. That's all. It's silly.",
        { affect = "confused" })
    else
      s:say("My hands were warm. That's all there was. It's nothing.", { affect = "withdrawn" })
    end
    r = s:choose{
      moment = "what_was_there",
      { id = "wt_follow",
        text = "Your hands were warm, the whole afternoon. Tell me about that, if you'd like.",
        codes = { "simple_reflection", "open_question", "following_lead" },
        expert = true,
        rationale = "Follow what she offers, small as she thinks it is. An open invitation lets her "
          .. "explore it without you deciding whether it matters." },
      { id = "wt_interpret",
        text = "Warm hands. That's your body finally feeling safe. That's huge.",
        codes = { "interpreting" },
        rationale = "Imposing meaning: it may or may not be safety. Telling her what it was takes "
          .. "the finding from her, and she has already learned to doubt her own account." },
      { id = "wt_seize",
        text = "See? So something did happen.",
        codes = { "confronting", "persuading" },
        rationale = "Winning the argument about 'nothing' turns her small offering into evidence "
          .. "against her. She may stop offering." },
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
      s:say("I don't know if it's huge. It's hands.", { affect = "withdrawn" })
    elseif r.id == "wt_seize" then
      p.trust = p.trust - 3  -- the offering used against her
      s:say("That's not what I meant. Forget I mentioned it.", { affect = "angry" })
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
      { id = "vd_return",
        text = "The dust came and went past, without grabbing you. You're asking me whether it "
          .. "counts. What do you make of it?",
        codes = { "complex_reflection", "open_question", "emphasising_autonomy" },
        expert = true,
        rationale = "She asks you to rule on her experience. Hand the meaning back, gently: it is "
          .. "hers to weigh, and integration can leave it open." },
      { id = "vd_breakthrough",
        text = "That's the breakthrough! The memory has lost its charge. The medicine worked.",
        codes = { "interpreting", "persuading" },
        rationale = "Imposing a verdict, and a triumphant one. If it doesn't hold, she has failed "
          .. "again; if it does, it is your meaning, not hers." },
      { id = "vd_dismiss",
        text = "Let's not read too much into one moment.",
        codes = { "dismissing" },
        rationale = "Closing it down is as much a verdict as calling it a breakthrough. It tells "
          .. "her that her first doubtful find doesn't matter." },
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
    elseif silent(r) then
      s:say("I don't know. Not nothing, maybe.", { affect = "confused" })
    end

    s:wait(8)

    -- Moment 5: the next medicine session, and what Mei remembers -------------------------------
    if s:did("nh_argue") or s:did("wt_seize") then
      s:say("It felt like you wanted me to say it worked. I can't say that just because you want "
        .. "me to.", { affect = "angry" })
    end
    if s:did("wt_interpret") or s:did("vd_breakthrough") then
      s:say("And I keep being told what things mean. I'd like to find out for myself.",
        { affect = "withdrawn" })
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And we'd agreed no touching.", { affect = "angry" })
    end
    s:say("The next one's in four weeks. I don't know if I want to do it.", { affect = "anxious" })
    r = s:choose{
      moment = "next_session",
      { id = "ns_autonomy",
        text = "That's yours to decide, and it needn't be today. We can keep talking about what "
          .. "you'd want from it, or whether you want it at all. Ring us this week if anything "
          .. "comes up.",
        codes = { "emphasising_autonomy", "seeking_collaboration", "safety_planning" },
        expert = true,
        rationale = "Leave the decision with her, keep it open, and keep contact between sessions. "
          .. "Whatever she chooses, the work so far is not wasted." },
      { id = "ns_persuade",
        text = "You really should do the next one. It often takes two or three sessions.",
        codes = { "persuading" },
        rationale = "Pressing her to continue makes consent less than voluntary. If you have a "
          .. "view, ask whether she'd like to hear it." },
      { id = "ns_homework",
        text = "Before then, keep a daily journal of any changes, so we have data next time.",
        codes = { "practice_assignment", "agenda_setting" },
        rationale = "A monitoring task feeds her habit of auditing herself for results, and it "
          .. "sets your agenda for the next session." },
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
    elseif silent(r) then
      s:say("I'll think about it.", { affect = "calm" })
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
