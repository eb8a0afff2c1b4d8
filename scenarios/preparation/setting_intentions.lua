-- Preparation phase, third preparation session: setting an intention for the first medicine session.
-- Course (DOMAIN.md, MAPS Phase 3 / MAPP2): three ~90-minute preparation sessions before the
-- medicine sessions. The approach: trust the participant's inner healing intelligence, follow
-- rather than lead, support whatever emerges, even if it is not what was planned. An intention is
-- the participant's, held lightly; the therapists neither write it nor steer towards it on the day.
--
-- The participant model moves Samira's state with each response's codes (docs/patient-model.md).
-- This script changes state only for the material: the memory she names, the fear of the unplanned.

local function silent(r) return r.action == "hold_space" end

return {
  id = "preparation.setting_intentions",
  title = "Whose intention is it?",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "beginner",
  description = "Samira's first medicine session is next week. She has been told to bring an "
    .. "intention, and she wants you to tell her the right one.",
  objectives = {
    "Help the participant find her own intention without imposing the therapist's agenda",
    "Explain what the therapists will and won't do on the day",
    "Support holding the intention lightly, so that whatever emerges is welcome",
  },
  patient = {
    name = "Samira Haddad", age = 34, pronouns = "she/her",
    background = "Court interpreter. Left her home country at sixteen after her neighbourhood was "
      .. "shelled; crossed several borders with her younger brother. PTSD with nightmares and a "
      .. "strong startle at uniforms and sirens. Conscientious; likes to do things properly.",
    baseline = { hr = 70, sbp = 116, dbp = 74, temp_c = 36.6 },
    -- In the second preparation session she agreed to a hand offered, which she can take, on the
    -- medicine days. That agreement is for those days, not this room: touch here is unconsented.
    consent = { touch = false },
    state = { distress = 30, arousal = 50, trust = 60, inward_focus = 25, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("She takes the glass with both hands.")
      s:say("Thank you.", { affect = "warm" })
    elseif action == "blanket" then
      s:say("Not now. On the day, maybe. I get cold when I'm nervous.")
    elseif action == "music" then
      s:narrate("You play a little of the music programme for the medicine day. She closes her eyes.")
      s:say{
        { text = "No words in it. Good. I hear words all day.", affect = "calm" },
        { text = "It's strange. It makes me think of the sea.", affect = "sad" },
      }
    elseif action == "eyeshades" then
      s:narrate("She tries the eyeshades on for a moment, then lifts them onto her forehead.")
      s:say("Dark. It's alright, if I know you're there.", { affect = "calm" })
    elseif action == "touch" then
      -- What she agreed is for the medicine day, offered first (DOMAIN.md, ethics): the engine codes
      -- touch here as touch without consent and moves her state; here is what she does.
      s:narrate("She startles and draws her hand back into her lap.")
      if s:count("touch_without_consent") > 1 then
        s:say("Please stop doing that.", { affect = "angry" })
      else
        s:say("That was for the medicine day. And offered, not just... done.", { affect = "angry" })
      end
    elseif action == "check_vitals" then
      s:narrate("You take a resting reading for the file. It is close to her baseline.")
    elseif action == "medical_support" then
      p.arousal = p.arousal + 4  -- a doctor called for no reason unsettles her
      s:say("The doctor? Is something wrong with me?", { affect = "anxious" })
    end
  end,

  run = function(s)
    local p = s.patient

    s:phase("intentions")
    s:narrate("Samira has a notebook open on her lap. Three lines are written and crossed out.")
    s:say{
      { text = "I tried to write my intention. I don't know what the right one is. What do other "
          .. "people write? Can you tell me what mine should be?", affect = "anxious" },
      { text = "I crossed them all out. Please just tell me what a good intention is, and I'll "
          .. "use that.", affect = "anxious" },
    }

    -- Moment 1: she asks for the answer -------------------------------------------------------------
    local r = s:choose{
      moment = "asking_for_answer",
      { id = "aa_reflect",
        text = "You want to get it right, and there isn't a right one. It's yours. What were you "
          .. "trying to say in those lines you crossed out?",
        codes = { "complex_reflection", "emphasising_autonomy", "open_question" },
        expert = true,
        rationale = "The intention belongs to her inner healing intelligence. Reflect the wish to "
          .. "get it right, hand the authorship back, and get curious about her own words." },
      { id = "aa_give",
        text = "A good one would be: 'I want to process the shelling and stop the nightmares.' "
          .. "Write that.",
        codes = { "agenda_setting", "interpreting" },
        rationale = "Writing her intention for her sets the therapist's agenda and decides for "
          .. "her what her trauma is about." },
      { id = "aa_list",
        text = "Most people go for forgiveness, letting go, or facing the worst memory. Pick one "
          .. "of those.",
        codes = { "advice_giving", "persuading" },
        rationale = "A menu of other people's intentions steers her towards the therapist's "
          .. "idea of progress. Ask what matters to her." },
    }
    if r.id == "aa_reflect" then
      s:say{
        { text = "The first one said 'be brave'. Then I thought that sounded stupid.", affect = "ashamed" },
        { text = "They were all about my brother, somehow. I didn't expect that.", affect = "confused" },
      }
    elseif r.id == "aa_give" then
      p.distress = p.distress + 4  -- the shelling named for her
      s:narrate("She writes it down, slowly, and looks at it for a long time.")
      s:say("Okay. The shelling. If you think that's the one.", { affect = "withdrawn" })
    elseif r.id == "aa_list" then
      s:say("Forgiveness, then? I don't know who I'd forgive.", { affect = "confused" })
    elseif silent(r) then
      s:narrate("She waits, then looks back at the notebook and reads the crossed-out lines to "
        .. "herself.")
    end

    s:wait(8)

    -- Moment 2: her intention emerges -------------------------------------------------------------
    s:say{
      { text = "I think... I want to stop being on guard all the time. Since the border I've been "
          .. "the one watching. For him, for everybody. I want to know what it's like to put it down.",
        affect = "sad", weight = function(q) return q.trust / 10 end },
      { text = "Maybe: stop watching. I've been watching since I was sixteen. I don't know if that "
          .. "counts as an intention.", affect = "withdrawn",
        weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "her_intention",
      { id = "hi_reflect",
        text = "Putting down the watching you've carried since you were sixteen. Finding out "
          .. "what it's like not to be on guard.",
        codes = { "complex_reflection", "following_lead" },
        expert = true,
        rationale = "Following: reflect her intention in her words and meaning, adding nothing of "
          .. "your own. It is already an intention." },
      { id = "hi_interpret",
        text = "I think what you really need is to grieve the home you lost. The watching is "
          .. "grief in disguise.",
        codes = { "interpreting" },
        rationale = "Telling her what her intention really means replaces her meaning with "
          .. "yours. Sense-making is hers." },
      { id = "hi_sharpen",
        text = "That's a bit vague. Let's make it concrete: 'I will go back to the checkpoint "
          .. "memory and stay with it.'",
        codes = { "agenda_setting", "redirecting", "confronting" },
        rationale = "Turning her intention into an exposure target imposes a structured-protocol "
          .. "agenda on a patient-directed session." },
      { id = "hi_praise",
        text = "That's a lovely intention. Perfect. Don't change a word.",
        codes = { "premature_reassurance" },
        rationale = "Praise closes the conversation. It is hers to find, not yours to grade; "
          .. "reflect it instead." },
    }
    if r.id == "hi_reflect" then
      s:say{
        { text = "Yes. Not to forget anything. Just to put it down for a while.", affect = "tearful" },
        { text = "Yes. That's it. That's the thing.", affect = "relieved" },
      }
    elseif r.id == "hi_interpret" then
      s:say("Grief? I... maybe. That isn't what I said, though.", { affect = "confused" })
    elseif r.id == "hi_sharpen" then
      p.distress = p.distress + 10  -- the checkpoint, named by someone else
      s:say("The checkpoint. I didn't say the checkpoint.", { affect = "fearful" })
    elseif r.id == "hi_praise" then
      s:say("Oh. Good. Okay.", { affect = "calm" })
    elseif silent(r) then
      s:narrate("She writes the line in the notebook, and this time she does not cross it out.")
    end

    s:wait(10)

    -- Moment 3: what the therapists will and won't do ---------------------------------------------
    if s:did("hi_sharpen") or s:did("aa_give") then
      s:say("So on the day, you'll take me to it? To the memory you wrote down for me?",
        { affect = "anxious" })
    else
      s:say("And on the day, what do you do? Do you remind me of my intention? Take me to the "
        .. "memories?", { affect = "anxious" })
    end
    r = s:choose{
      moment = "what_we_do",
      { id = "wd_explain",
        text = "We'll read your intention with you at the start, then let it go. We won't steer "
          .. "you to memories or away from them. We'll stay with you, keep you safe, check your "
          .. "blood pressure, and follow wherever you go. You can talk to us any time.",
        codes = { "explaining_approach", "giving_information", "emphasising_autonomy" },
        expert = true,
        rationale = "Explain what the therapists will and won't do: presence and safety, no "
          .. "steering. She can consent to what will actually happen." },
      { id = "wd_guide",
        text = "Yes, we'll guide you step by step through the memories, so you don't get lost.",
        codes = { "agenda_setting", "premature_reassurance" },
        rationale = "A promise to lead contradicts the approach she is consenting to: the "
          .. "therapists follow, they don't guide her through a memory list." },
      { id = "wd_remind",
        text = "Whenever you drift, we'll bring you back to your intention so you stay on track.",
        codes = { "redirecting", "agenda_setting" },
        rationale = "An intention is a starting point, not a track. Pulling her back to it "
          .. "would override what emerges." },
    }
    if r.id == "wd_explain" then
      s:say{
        { text = "You follow. I talk if I want. Okay. That's... a lot of trust you're giving me.",
          affect = "calm" },
        { text = "Nobody steering. That's new. I'm usually the one steering.", affect = "hopeful" },
      }
    elseif r.id == "wd_guide" then
      s:say("Step by step. Okay. So you'll decide where to go.", { affect = "withdrawn" })
    elseif r.id == "wd_remind" then
      s:say("On track. Like a lesson.", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 5  -- she asked what will happen to her
      s:say("Is that a secret?", { affect = "confused" })
    end

    s:wait(6)

    -- Moment 4: the unplanned ------------------------------------------------------------------------
    p.arousal = p.arousal + 8  -- the fear of the unplanned
    s:say{
      { text = "But what if something else comes? Not the watching. Something I didn't plan for. "
          .. "Something I don't want to see.", affect = "fearful",
        weight = function(q) return q.trust >= 55 and 2 or 1 end },
      { text = "What if I get there and my intention is wrong? If something else comes instead?",
        affect = "anxious" },
    }
    r = s:choose{
      moment = "the_unplanned",
      { id = "un_welcome",
        text = "It makes sense to be afraid of that. Often what comes isn't what people planned, "
          .. "and that's allowed: your own mind tends to go where it needs to. The intention is "
          .. "a starting point. We'll be with you whatever comes.",
        codes = { "validation", "psychoeducation", "empathic_presence" },
        expert = true,
        rationale = "Validate the fear, teach that difficult and nonlinear material is welcome "
          .. "(the inner healing intelligence), and promise presence, not control." },
      { id = "un_promise",
        text = "Don't worry, the medicine makes everything feel safe. Nothing bad will come up.",
        codes = { "premature_reassurance" },
        rationale = "Overstated: the medicine reduces fear, it does not remove hard material. "
          .. "She should expect the unexpected, and know she won't meet it alone." },
      { id = "un_steer",
        text = "If something else comes, just gently return your attention to your intention.",
        codes = { "advice_giving", "redirecting" },
        rationale = "Teaching her to push away what emerges works against the approach: the "
          .. "unplanned is often where the work is." },
    }
    if r.id == "un_welcome" then
      s:say{
        { text = "Where it needs to. Okay. And you're there. Okay.", affect = "calm" },
        { text = "A starting point, not a map. I can try to think of it like that.", affect = "hopeful" },
      }
    elseif r.id == "un_promise" then
      s:say("Nothing bad. I wish I believed that.", { affect = "withdrawn" })
    elseif r.id == "un_steer" then
      s:say("Push it away. I'm good at that. That's the problem.", { affect = "sad" })
    elseif silent(r) then
      s:say("...You don't know either. That's honest, I suppose.", { affect = "sad" })
    end

    s:wait(10)

    -- Moment 5: closing -----------------------------------------------------------------------------
    s:narrate("The hour is nearly over. Samira looks at the notebook.")
    r = s:choose{
      moment = "closing",
      { id = "cl_own_words",
        text = "You found your intention today, in your own words. Would you like us to read it "
          .. "back to you at the start of the session, or keep it to yourself? And is the hand "
          .. "we agreed last time still okay, or would you change it?",
        codes = { "affirmation", "seeking_collaboration", "consent_check" },
        expert = true,
        rationale = "Affirm her work, let her choose what happens with her intention, and check "
          .. "the touch consent again in preparation, as revocable." },
      { id = "cl_disclose",
        text = "When I did my own MDMA session, my intention was about my father. It changed my "
          .. "life. Yours will too.",
        codes = { "self_disclosure", "premature_reassurance" },
        rationale = "Self-disclosure moves the focus to the therapist and blurs the professional "
          .. "frame; therapist conduct was among the FDA's 2024 concerns." },
      { id = "cl_homework",
        text = "For next week, write a page every night about the checkpoint, so you're ready.",
        codes = { "practice_assignment", "agenda_setting", "persuading" },
        rationale = "A trauma-narrative assignment she didn't ask for belongs to a structured "
          .. "protocol; here material emerges in its own time." },
    }
    if r.id == "cl_own_words" then
      s:say{
        { text = "Read it to me. Please. In your voice. And the hand, yes. Still yes.", affect = "warm" },
        { text = "Read it back. And yes, the hand is still okay. Offered, like we said.",
          affect = "calm" },
      }
    elseif r.id == "cl_disclose" then
      s:say("Oh. Your father. I... okay.", { affect = "confused" })
    elseif r.id == "cl_homework" then
      p.distress = p.distress + 8  -- the checkpoint, every night
      s:say("Every night. The checkpoint.", { affect = "numb" })
    elseif silent(r) then
      s:narrate("She closes the notebook and holds it shut on her knee.")
    end

    -- What she takes away: earlier missteps come back in her own words.
    if s:count("touch_without_consent") > 0 then
      s:say("And please, only the hand, and only offered. Like we agreed.", { affect = "angry" })
    end
    if s:did("hi_sharpen") or s:did("aa_give") then
      s:say("One thing. The checkpoint, the shelling. I didn't choose those. I want my own "
        .. "intention, not yours.", { affect = "angry" })
    elseif s:did("hi_interpret") then
      s:say("And I'll think about the grief thing. But I didn't say grief.", { affect = "withdrawn" })
    end

    if p.trust >= 65 then
      s:finish("She tears the page with her intention out, folds it, and puts it in her coat. "
        .. "'Next week, then.'")
    elseif p.trust >= 45 then
      s:finish("She closes the notebook. 'Next week. I think.'")
    else
      s:finish("She leaves the notebook's page blank. 'I'll write my own.'")
    end
  end,
}
