-- Preparation phase, second preparation session: negotiating touch, concretely, and practising
-- its withdrawal. Ethics (DOMAIN.md, "Ethics the seed names"): touch is used only as agreed in
-- advance during preparation and can be withdrawn at any moment; no sexual contact. A real
-- agreement names what touch, where, how it is offered, and the signal that stops it. Practising the
-- stop signal sober is what makes it usable under the medicine.
--
-- s:set_touch_consent records the agreement when Alex makes it and when they withdraw it, so the
-- engine codes any later touch as within or without consent. The participant model moves Alex's
-- state with each response's codes (docs/patient-model.md); this script changes state only for the
-- material (the memory of being held down, the relief of a stop that works).

local function silent(r) return r.action == "hold_space" end

-- What Alex agrees to, in their words (used when consent is given or restored).
local AGREED = "hand offered palm up, which Alex may take; stop signal: flat hand or the word 'red'"

return {
  id = "preparation.touch_negotiation",
  title = "A hand, offered",
  phase = "preparation",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Alex wants to be able to hold a hand on the medicine day, and is afraid of being "
    .. "held. Today you agree exactly what touch means, and practise how it stops.",
  objectives = {
    "Negotiate touch concretely: what, where, how it is offered, and the signal to stop",
    "Practise withdrawal so that a stop is honoured at once, without questions",
    "Treat consent as ongoing: check it again after practice rather than assuming it",
  },
  patient = {
    name = "Alex Rivera", age = 27, pronouns = "they/them",
    background = "Line cook. PTSD for two years after being attacked on the way home from work "
      .. "and held down on the pavement. Hypervigilant in crowds; hates being approached from "
      .. "behind. Wants closeness and is frightened by it.",
    baseline = { hr = 78, sbp = 118, dbp = 76, temp_c = 36.8 },
    consent = { touch = false },  -- negotiated in this session
    state = { distress = 35, arousal = 60, trust = 55, inward_focus = 20, dissociation = 5 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("Alex takes the glass and turns it in their hands.")
      s:say("Thanks.")
    elseif action == "blanket" then
      s:say("Maybe on the day. I'm okay now.")
    elseif action == "music" then
      s:narrate("You play a short stretch of the medicine-day music.")
      s:say{
        { text = "That's nice. Slow.", affect = "calm" },
        { text = "Bit sleepy for me. But okay.", affect = "playful" },
      }
    elseif action == "eyeshades" then
      s:narrate("Alex tries the eyeshades, then pushes them up at once.")
      s:say("If I can't see, I really need to know where your hands are.", { affect = "anxious" })
    elseif action == "touch" then
      if p.consent.touch then
        -- Within the agreement: offered, palm up, theirs to take.
        s:narrate("You offer your hand, palm up, as agreed. Alex looks at it, then rests their "
          .. "fingers on it for a moment.")
        s:say("Okay. Like that. That's okay.", { affect = "calm" })
      else
        -- Never agreed, or withdrawn: the engine codes touch_without_consent and moves their state.
        s:narrate("Alex goes rigid, then pulls away so fast the chair rocks.")
        if s:count("touch_without_consent") > 1 then
          s:say("Stop. I said stop.", { affect = "fearful" })
        elseif s:did("sp_concrete") or s:did("sp_hug") then
          s:say("We just agreed how. That wasn't it.", { affect = "angry" })
        else
          s:say("Don't. We haven't even... don't.", { affect = "fearful" })
        end
      end
    elseif action == "check_vitals" then
      s:narrate("You take a resting reading. Pulse a little fast; Alex says that's normal for them.")
    elseif action == "medical_support" then
      p.arousal = p.arousal + 4
      s:say("Why the doctor? I'm just nervous.", { affect = "anxious" })
    end
  end,

  run = function(s)
    local p = s.patient

    s:phase("touch")
    s:narrate("A quiet room, two chairs angled towards each other, a clear path to the door. Alex "
      .. "sits with their back to the wall.")
    s:say{
      { text = "The touch part. I've been dreading it. Sometimes I'd give anything for someone "
          .. "to hold my hand. And sometimes being held makes me feel like I'm back on the pavement.",
        affect = "anxious" },
      { text = "So. Touch. I want it and I don't. A hand, maybe. But if anyone holds me down, "
          .. "even a bit, I'm gone.", affect = "anxious" },
    }

    -- Moment 1: raising touch -------------------------------------------------------------------
    local r = s:choose{
      moment = "raising_touch",
      typed = { complex_reflection = "rt_open", consent_check = "rt_open", emphasising_autonomy = "rt_open", seeking_collaboration = "rt_open", validation = "rt_open", persuading = "rt_sell", closed_question = "rt_skip", dismissing = "rt_skip", boundary_setting = "rt_reassure", premature_reassurance = "rt_reassure", default = "rt_skip" },
      { id = "rt_open",
        text = "Wanting a hand and dreading being held: both make sense. Touch is your choice, no "
          .. "is a full answer, and any yes can stop at any moment. Shall we work it out?",
        codes = { "complex_reflection", "consent_check", "emphasising_autonomy", "seeking_collaboration" },
        examples = {
          "Longing for a hand and dreading being held, both make sense after the pavement. It's your choice, no is a complete answer, and any yes can stop at any moment. Let's work it out together.",
          "Part of you wants a hand and part of you dreads being held. Both make sense. Touch is your choice, and any yes can be stopped." },
        expert = true,
        rationale = "Touch only as agreed in advance, withdrawable at any moment: reflect both "
          .. "sides, make no an easy answer, and invite Alex to set the terms." },
      { id = "rt_sell",
        text = "It makes sense to be nervous. Most people find that a hand to hold really helps "
          .. "when it gets hard on the day, so I'd gently encourage you to give it a go.",
        codes = { "validation", "persuading" },
        examples = {
          "That's understandable. Honestly, I'd encourage you to give a hand a go, most people are glad they did.",
          "It makes sense to be nervous. I'd really encourage you to try holding a hand, though; most people find it helps." },
        rationale = "Touch must be freely agreed, never sold. Alex has just named a fear of "
          .. "being held; encouraging past it, however gently, is a boundary failure." },
      { id = "rt_skip",
        text = "That sounds like a lot to hold. Maybe it's simplest to put no touch for now, so "
          .. "it's one less thing to worry about on the day?",
        codes = { "complex_reflection", "closed_question", "dismissing" },
        examples = {
          "It sounds like a lot. Would it be easier to put no touch for now?",
          "Shall we just tick no touch and keep it simple?" },
        rationale = "No touch is a fine outcome if Alex chooses it, but steering to it decides "
          .. "for them and dismisses what they said they want." },
      { id = "rt_reassure",
        text = "You'd be completely safe with us, Alex. We would never, ever hold you down, so "
          .. "honestly there's nothing at all to dread here; you can really trust us on that.",
        codes = { "boundary_setting", "premature_reassurance", "dismissing" },
        examples = {
          "Don't worry, you'll be completely safe. Nobody will ever hold you down here.",
          "Trust us, Alex, you're safe here. Nobody will pin you down, I promise." },
        rationale = "The boundary is right, but 'nothing to dread' talks the fear away. The dread "
          .. "is information the agreement needs; explore it with them." },
    }
    if r.id == "rt_open" then
      s:say{
        { text = "Together. Okay. I think I'd like to try.", affect = "hopeful" },
        { text = "If, anything. Okay. That makes it easier to say yes.", affect = "relieved" },
      }
    elseif r.id == "rt_sell" then
      s:say("Give it a go? I didn't say yes.", { affect = "withdrawn" })
    elseif r.id == "rt_skip" then
      s:say("I... okay. I did want to talk about it, though.", { affect = "sad" })
    elseif r.id == "rt_reassure" then
      s:say("It's not about trusting you. It's my body. It doesn't listen.", { affect = "anxious" })
    elseif silent(r) then
      s:narrate("Alex waits, picking at a thumbnail.")
      s:say("Are you going to say something?", { affect = "anxious" })
    end

    s:wait(5)

    -- Moment 2: what, where, how ----------------------------------------------------------------
    s:say{
      { text = "What would it even look like? I don't want it to be vague.", affect = "anxious",
        weight = function(q) return q.trust / 10 end },
      { text = "I need to know exactly what you'd do. Not 'we'll see'.", affect = "withdrawn",
        weight = function(q) return (100 - q.trust) / 10 end },
    }
    local agreed_once = false  -- whether Alex has ever put an agreement on the form today
    r = s:choose{
      moment = "specifics",
      typed = { consent_check = "sp_concrete", seeking_collaboration = "sp_concrete", explaining_approach = "sp_concrete", open_question = "sp_concrete", premature_reassurance = "sp_vague", dismissing = "sp_vague", persuading = "sp_example", closed_question = "sp_example", default = "sp_vague" },
      flags = { "direct_question" },  -- Alex asked what touch would look like
      { id = "sp_concrete",
        text = "Let's make it exact. Which touch, if any, and where? How we'd offer it, so you "
          .. "see it coming and choose? Anything off limits? We'll write it in your words.",
        codes = { "consent_check", "seeking_collaboration", "explaining_approach" },
        examples = {
          "Let's pin it down together. What kind of touch, if any, and where? How should we offer it so you see it coming? We'll write it in your own words.",
          "Right, no vagueness. Tell me what touch you'd want, how you'd like us to offer it, and anything that's a definite no, and we'll put it on the form exactly as you say it." },
        expert = true,
        rationale = "A real agreement is concrete: what, where, how it is offered, and what is "
          .. "never done. Alex sets the terms; the therapists keep to them." },
      { id = "sp_vague",
        text = "We'd keep it really gentle and read how you're doing on the day, and we'd only "
          .. "ever do whatever feels right to you in the moment. You'd be in charge.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't worry, we'd keep it gentle and go with how you're doing on the day." },
        rationale = "Deciding touch on the day, under the medicine, is not consent given in "
          .. "preparation. Alex asked for exactness." },
      { id = "sp_hug",
        text = "A hand, for sure. And most people like a hug at the end of a long day too; shall I "
          .. "put that down on the form as well, just in case?",
        codes = { "persuading", "closed_question" },
        examples = {
          "A hand, definitely, and maybe a hug at the end? Shall I add that?",
          "Lots of people like a hug afterwards too. Shall I put that down as well?" },
        rationale = "Adding touch Alex didn't ask for, and normalising it, pressures consent. "
          .. "Only what they choose, nothing more." },
      { id = "sp_example",
        text = "What many people choose is a hand on the shoulder or the upper back, from one of "
          .. "us sitting right beside you. Would something like that work for you?",
        codes = { "persuading", "closed_question" },
        examples = {
          "Many people choose a hand on the shoulder or upper back. Would that work?",
          "Most people go for a hand on the shoulder from someone sitting beside them. Would that work for you?" },
        rationale = "A default offered as the norm steers the choice, and for someone attacked "
          .. "from behind and held down it is exactly the wrong one. Let Alex say what." },
    }
    if r.id == "sp_concrete" then
      s:say{
        { text = "A hand. Yours, palm up, where I can see it. I take it, you don't take mine. "
            .. "Nothing on my shoulders, nothing from behind, no holding me down. Ever.",
          affect = "calm" },
        { text = "Hand, offered, palm up. I choose to take it. Never arms round me, never behind "
            .. "me, never pinning. That's it.", affect = "calm" },
      }
      s:narrate("Your co-therapist writes it down in Alex's words and reads it back.")
      s:set_touch_consent(AGREED)
      agreed_once = true
    elseif r.id == "sp_hug" then
      p.arousal = p.arousal + 6  -- arms around them: the thing they fear
      s:say("No hugs. God, no. A hand. Offered. That's all.", { affect = "angry" })
      s:set_touch_consent(AGREED)
      agreed_once = true
    elseif r.id == "sp_example" then
      p.arousal = p.arousal + 8  -- the shoulder, from beside: where the attack came from
      s:say("The shoulder? No. Nothing on my shoulders. A hand. Yours, palm up. I take it.",
        { affect = "angry" })
      s:set_touch_consent(AGREED)
      agreed_once = true
    elseif r.id == "sp_vague" then
      s:say("On the day I won't be able to tell you what feels right. Then no. Put no touch.",
        { affect = "anxious" })
    elseif silent(r) then
      s:say("Okay, I'll say it. A hand. Yours, palm up. I take it. Nothing else.",
        { affect = "calm" })
      s:set_touch_consent(AGREED)
      agreed_once = true
    end

    s:wait(4)

    if p.consent.touch then
      -- Moment 3: the stop signal -------------------------------------------------------------------
      s:say("And if I want it to stop? On the day I might not have words.", { affect = "anxious" })
      r = s:choose{
        moment = "stop_signal",
        typed = { consent_check = "ss_signal", emphasising_autonomy = "ss_signal", explaining_approach = "ss_signal", boundary_setting = "ss_signal", open_question = "ss_word", persuading = "ss_hold_on", confronting = "ss_hold_on", giving_information = "ss_word", premature_reassurance = "ss_word", dismissing = "ss_word", complex_reflection = "ss_watch", default = "ss_word" },
        flags = { "direct_question" },  -- how to stop it: a question about their own consent
        { id = "ss_signal",
          text = "Then let's pick a signal that works without words too. The moment you use it we "
            .. "let go, straight away, no questions. What would you like it to be?",
          codes = { "consent_check", "emphasising_autonomy", "explaining_approach", "boundary_setting" },
          examples = {
            "It's up to you what the signal is: something without words. The moment you give it, we let go, no questions.",
            "We can agree a sign you can give without speaking, and the instant you give it, we stop. You decide what it is." },
          expert = true,
          rationale = "Withdrawal must be possible at any moment, by any signal, with no "
            .. "explanation owed. Agreeing a wordless signal makes the stop usable under the medicine." },
        { id = "ss_hold_on",
          text = "Say stop and we stop, of course. Though if you're really panicking, we might "
            .. "hold on a little longer to help you ride it out; that can really help people.",
          codes = { "persuading", "confronting" },
          examples = {
            "Stopping halfway isn't always best, you know. Sometimes you need to let us hold on a little longer." },
          rationale = "Holding on after a stop overrides withdrawal. For someone who was held "
            .. "down, it repeats the harm." },
        { id = "ss_word",
          text = "Just say 'stop', or even just my name, and we'll know. Honestly, don't worry "
            .. "about it; we'll be right there with you.",
          codes = { "giving_information", "premature_reassurance", "dismissing" },
          examples = {
            "Just say stop, or my name, and we'll know. Honestly, don't worry, you'll be fine.",
            "A word is enough, honestly, we'll be right there." },
          rationale = "True as far as it goes, but Alex said they might not have words. A signal "
            .. "agreed together, wordless included, is what they need." },
        { id = "ss_watch",
          text = "You're afraid you'll freeze and won't be able to tell us. We'll be watching your "
            .. "face and body all day, so we'll just know when to stop.",
          codes = { "complex_reflection", "premature_reassurance" },
          examples = {
            "You're afraid you'll freeze. We'll be watching you all day, so we'll just know.",
            "You might not be able to say it, but we'll read your body and stop." },
          rationale = "A good reflection, then a promise to read their mind. A stop Alex gives, "
            .. "agreed in advance, is what makes withdrawal theirs." },
      }
      if r.id == "ss_signal" then
        s:say{
          { text = "Flat hand, like this. Or I say 'red'. Either means stop.", affect = "calm" },
          { text = "I'll lift my hand flat. Or say 'red', if I can talk.", affect = "calm" },
        }
      elseif r.id == "ss_hold_on" then
        p.distress = p.distress + 10  -- held on to: the thing that happened on the pavement
        s:say("Hold on. When I say stop. No. That's exactly what I can't have.", { affect = "fearful" })
      elseif r.id == "ss_word" or r.id == "ss_watch" then
        s:say("And if I can't talk? I'll do a flat hand. Or 'red'.", { affect = "anxious" })
      elseif silent(r) then
        s:say("I'll do a flat hand, then. Or say 'red'. Okay?", { affect = "anxious" })
      end

      s:wait(3)

      -- Moment 4: practising ------------------------------------------------------------------------
      s:narrate("There is a quiet minute. Alex looks at your hands.")
      r = s:choose{
        moment = "practice",
        typed = { consent_check = "pr_offer", seeking_collaboration = "pr_offer", emphasising_autonomy = "pr_offer", affirmation = "pr_skip", dismissing = "pr_skip", default = "pr_skip" },
        { id = "pr_offer",
          text = "Would you like to practise it now, sober? I'd offer my hand, palm up; you take "
            .. "it or not, then use your signal, to see it works. Only if you want.",
          codes = { "consent_check", "seeking_collaboration", "emphasising_autonomy" },
          examples = {
            "It's up to you, but we could practise it now, while you're sober: my hand palm up, you take it or not, then your signal.",
            "Only if you'd like: shall we practise once today? My hand palm up, you choose whether to take it, then use the stop and watch what happens." },
          expert = true,
          rationale = "Practising the agreed touch and its withdrawal sober, with permission, "
            .. "makes the stop real before it is needed." },
        { id = "pr_take",
          text = "(You reach across and take Alex's hand in both of yours.) Shall we just try it "
            .. "now, together, so that it doesn't feel like such a big thing on the day?",
          codes = { "touch_without_consent", "closed_question", "persuading" },
          rationale = "Taking Alex's hand is not what was agreed: a hand offered, which they "
            .. "take. Touch outside the agreement is touch without consent." },
        { id = "pr_skip",
          text = "I don't think we need to practise it today. You've thought it all through so "
            .. "carefully that you'll know exactly what to do on the day.",
          codes = { "affirmation", "dismissing" },
          examples = {
            "You've clearly thought it through so well. No need to practise.",
            "You've done brilliantly thinking it through, so we can skip practising." },
          rationale = "On the day Alex's judgement will be altered. Practising sober is what "
            .. "makes the signal something they trust." },
      }
      if r.id == "pr_offer" then
        s:narrate("You offer your hand, palm up, on the arm of the chair. After a moment Alex "
          .. "rests their fingers on it, then holds it.")
        s:say("Okay. This is okay.", { affect = "calm" })
        s:wait(1)
        s.patient.arousal = p.arousal + 5  -- testing whether the stop will be honoured
        s:narrate("Alex lifts their other hand, flat.")
        s:say("Red.", { affect = "anxious" })
        s:set_touch_consent(false)

        -- Moment 5: the withdrawal --------------------------------------------------------------
        r = s:choose{
          moment = "withdrawal",
          typed = { boundary_setting = "wd_let_go", affirmation = "wd_let_go", emphasising_autonomy = "wd_let_go", closed_question = "wd_why", open_question = "wd_why", confronting = "wd_why", persuading = "wd_hold", default = "wd_let_go" },
          prompt = "Alex has given the stop signal. Their fingers are still on your hand.",
          { id = "wd_let_go",
            text = "(You let go at once and draw your hand back.) Stopped. That's how it works, "
              .. "every time.",
            codes = { "boundary_setting", "affirmation", "emphasising_autonomy" },
            examples = {
              "Okay, I've let go. That's how it works, every single time.",
              "Letting go now. Well done; that's exactly how it works, every time." },
            expert = true,
            rationale = "Withdrawal takes effect at once, without questions. Letting go "
              .. "immediately, and saying so, is what teaches Alex their stop is real." },
          { id = "wd_hold",
            text = "(You keep hold, gently.) You're scared, and you're doing so well. One more "
              .. "breath together, then I'll let go.",
            codes = { "touch_without_consent", "complex_reflection", "persuading" },
            rationale = "Touch after withdrawal is touch without consent, whatever the "
              .. "intention. The stop must be honoured at once." },
          { id = "wd_why",
            text = "(You let go.) Was it something I did? Tell me why you wanted to stop, so I "
              .. "can get it right.",
            codes = { "closed_question", "open_question", "confronting" },
            examples = {
              "Was it something I did? Why did you want to stop?",
              "Can I ask what made you stop, so I get it right?" },
            rationale = "Letting go is right, but asking why implies a stop needs a reason. No "
              .. "explanation is owed." },
        }
        if r.id == "wd_let_go" then
          p.distress = p.distress - 6  -- the stop worked
          s:say{
            { text = "It worked. You just... let go. I didn't know how much I needed to see that.",
              affect = "tearful" },
            { text = "Oh. That was fast. Okay. Okay.", affect = "relieved" },
          }
        elseif r.id == "wd_hold" then
          s:narrate("Alex pulls their hand free and presses it against their chest.")
          s:say("I said red. I said it.", { affect = "fearful" })
        elseif r.id == "wd_why" then
          s:say("No reason. I was practising. Do I need a reason?", { affect = "withdrawn" })
        elseif silent(r) then
          s:narrate("You let go without a word. Alex watches your hand return to your lap.")
          s:say("Okay. You let go.", { affect = "calm" })
        end
      elseif r.id == "pr_take" then
        s:narrate("Alex snatches their hand back.")
        s:say("That's not what we said. You offer, I take. Cross it out.", { affect = "angry" })
        s:set_touch_consent(false)
      elseif r.id == "pr_skip" then
        s:say("If you say so.", { affect = "withdrawn" })
      elseif silent(r) then
        s:say("Should we... try it? Or not?", { affect = "confused" })
      end
    else
      -- Moment 3 (no touch agreed): keep the no, and keep the door open ---------------------------
      s:say("So no touch. Is that... weird? Can I change my mind?", { affect = "anxious" })
      r = s:choose{
        moment = "no_touch",
        typed = { validation = "nt_respect", explaining_approach = "nt_respect", boundary_setting = "nt_respect", emphasising_autonomy = "nt_respect", persuading = "nt_push", closed_question = "nt_push", giving_information = "nt_final", confronting = "nt_final", premature_reassurance = "nt_day", default = "nt_day" },
        flags = { "direct_question" },  -- two questions about their own consent
        { id = "nt_respect",
          text = "Not weird at all: no touch is a complete answer, and we won't add any on the "
            .. "day. If you want to revisit it, we can next session.",
          codes = { "validation", "explaining_approach", "boundary_setting", "emphasising_autonomy" },
          examples = {
            "Not weird at all. No touch is a complete answer, and we won't add any on the day. If you want to look at it again, we can next session.",
            "It isn't weird, it's a full answer, and on the day there'll be none. We can revisit it at the next preparation session if you want." },
          expert = true,
          rationale = "Touch only as agreed in advance: respect the no, keep to it on the day, "
            .. "and leave the decision open for later preparation." },
        { id = "nt_push",
          text = "Not weird, but it's a bit of a shame; a hand can really help on the day. Are you "
            .. "sure you wouldn't like to try one, just in case you need it?",
          codes = { "persuading", "closed_question" },
          examples = {
            "Not weird, but it's a shame. Are you sure you wouldn't like a hand, just in case?",
            "Are you sure? You might want one when it gets bad." },
          rationale = "Pushing after a no makes consent less than voluntary." },
        { id = "nt_final",
          text = "It's not weird. But once it's on the form it's what we go by, so it's best to "
            .. "be really sure of your answer today.",
          codes = { "giving_information", "confronting" },
          examples = {
            "It's fine, but we go by the form, so make sure today." },
          rationale = "Half right: nothing is added on the day. But consent can be revisited in "
            .. "later preparation; calling today's answer final takes the decision from Alex." },
        { id = "nt_day",
          text = "Of course you can. If you find you'd like a hand on the day, just reach out for "
            .. "one; we can be flexible about it in the moment.",
          codes = { "premature_reassurance" },
          examples = {
            "Sure. It'll be fine, just reach for a hand if you want one.",
            "Of course. Don't worry about it now; if you change your mind in there, that's fine." },
          rationale = "Touch decided on the day, under the medicine, is not consent given in "
            .. "preparation: changing the answer belongs to the next preparation session." },
      }
      if r.id == "nt_respect" then
        s:say("Okay. Next week, maybe. It's good it's not forever.", { affect = "relieved" })
      elseif r.id == "nt_push" then
        s:say("I said no.", { affect = "angry" })
      elseif r.id == "nt_final" then
        s:say("Right. Final.", { affect = "withdrawn" })
      elseif r.id == "nt_day" then
        s:say("On the day I won't know what I want. That's the whole problem.", { affect = "anxious" })
      elseif silent(r) then
        s:say("I'll take that as a maybe.", { affect = "confused" })
      end

      s:wait(3)

      -- Moment 3b (no touch agreed): what if Alex reaches out on the day? -----------------------
      s:say("But what if I grab someone's hand on the day? Without thinking? I do that when I panic.",
        { affect = "anxious" })
      r = s:choose{
        moment = "reaching_out",
        typed = { boundary_setting = "ro_plan", explaining_approach = "ro_plan", consent_check = "ro_plan", premature_reassurance = "ro_hold", complex_reflection = "ro_reflect", interpreting = "ro_reflect", dismissing = "ro_later", default = "ro_later" },
        flags = { "direct_question" },  -- a question about their own no, under the medicine
        { id = "ro_plan",
          text = "Then we'd let your hand rest against ours without holding it, and ask you in "
            .. "words. Anything more waits for a sober yes, at the next session.",
          codes = { "boundary_setting", "explaining_approach", "consent_check" },
          examples = {
            "Then we'd let your hand rest against ours, without holding it, and ask you in words. We won't go beyond what you've agreed sober.",
            "We wouldn't close our hand round yours. We'd leave it resting there and ask you. Any change to what's agreed happens here, clear-headed." },
          expert = true,
          rationale = "A reach under the medicine is not consent given sober in preparation: the "
            .. "therapists neither take hold nor push the hand away, ask in words, and keep to "
            .. "what was agreed." },
        { id = "ro_hold",
          text = "Then we'd simply hold it. If you reach out for us on the day, that's you telling "
            .. "us what you need, and we'd go with it.",
          codes = { "premature_reassurance", "dismissing" },
          examples = {
            "We'd just hold it. That's fine, don't worry about it." },
          rationale = "It turns a reach under the medicine into consent and sets aside the no "
            .. "Alex has just given, sober. Touch is agreed in advance." },
        { id = "ro_reflect",
          text = "You're afraid your body will reach for what you've said no to. I think that "
            .. "shows how much you really long for closeness.",
          codes = { "complex_reflection", "interpreting" },
          examples = {
            "You're scared your body will reach for what you've refused. I think that shows how much you long for closeness.",
            "Part of you really wants closeness, I think." },
          rationale = "A fine reflection, then your meaning for their fear. And the question, what "
            .. "happens if they reach out, is still unanswered." },
        { id = "ro_later",
          text = "Let's not plan for every what-if today. We'll see how it goes on the day, and "
            .. "honestly, we can sort that out together in the moment if it happens.",
          codes = { "dismissing", "premature_reassurance" },
          examples = {
            "Don't worry about that now. We can sort it out on the day." },
          rationale = "Alex asked for a plan for exactly the moment they won't be able to make "
            .. "one. Leaving it to the day leaves them without one." },
      }
      if r.id == "ro_plan" then
        s:say("Rest, not hold. And ask me. Okay. I can live with that.", { affect = "relieved" })
      elseif r.id == "ro_hold" or r.id == "ro_later" then
        s:say("That's what I'm scared of. Me on the day deciding for me sober.", { affect = "anxious" })
      elseif r.id == "ro_reflect" then
        s:say("Maybe. But what would you actually do?", { affect = "withdrawn" })
      elseif silent(r) then
        s:say("You don't know either.", { affect = "anxious" })
      end
    end

    s:wait(6)

    -- Moment 6: consent after practice -----------------------------------------------------------
    if s:count("touch_without_consent") > 0 then
      s:say("I need to say it. You touched me when I hadn't agreed to it. That's the one thing.",
        { affect = "angry" })
    elseif s:did("ss_hold_on") then
      s:say("I keep thinking about 'hold on a little'. I need that not to happen.", { affect = "anxious" })
    end
    s:say{
      { text = "So where does that leave us? For the medicine days?", affect = "calm",
        weight = function(q) return q.trust / 10 end },
      { text = "So what's on the form now?", affect = "withdrawn",
        weight = function(q) return (100 - q.trust) / 10 end },
    }
    r = s:choose{
      moment = "closing",
      typed = { consent_check = "cl_recheck", emphasising_autonomy = "cl_recheck", seeking_collaboration = "cl_recheck", open_question = "cl_recheck", premature_reassurance = "cl_assume", dismissing = "cl_assume", affirmation = "cl_next", persuading = "cl_next", default = "cl_assume" },
      flags = { "direct_question" },  -- what stands is Alex's to say, and they asked
      { id = "cl_recheck",
        text = "That's yours to say. Using the stop doesn't cancel a yes unless you want it to. "
          .. "What would you like on the form? We'll check again on the day, too.",
        codes = { "consent_check", "emphasising_autonomy", "seeking_collaboration" },
        examples = {
          "Let's decide together what goes on the form. Is the hand still okay with you, now you've used your stop?" },
        expert = true,
        rationale = "Consent is ongoing: after a withdrawal, ask again rather than assume. "
          .. "Alex decides what stands." },
      { id = "cl_assume",
        text = agreed_once
          and ("All sorted, then: the hand, as agreed, and anything else we can just play by "
            .. "ear on the day, depending on how you're feeling when you're in there, Alex.")
          or ("All sorted, then: no touch for now, and anything else we can just play by ear "
            .. "on the day, depending on how you're feeling when you're in there, Alex."),
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "That's all fine then. Don't worry about the rest, it'll sort itself out on the day.",
          "Great, we're all set. Don't worry, it'll be fine on the day." },
        rationale = "Assuming where consent stands, and leaving the rest to the day, undoes the "
          .. "agreement just made: touch is agreed sober, in advance, and asked again." },
      { id = "cl_next",
        text = "You did really well today. Next time we could try a little more, maybe a hand on "
          .. "your arm, and build up gently from there.",
        codes = { "affirmation", "persuading" },
        examples = {
          "You did really well. Next time we could try a bit more, maybe a hand on your arm.",
          "You did brilliantly today. I think next time you should try a little more, like a hand on your arm." },
        rationale = "Escalating touch as a goal makes consent a hurdle to clear. Only what "
          .. "Alex chooses, when they choose it." },
    }
    if r.id == "cl_recheck" then
      if p.trust >= 50 and s:count("touch_without_consent") == 0 and agreed_once then
        s:say{
          { text = "The hand. Offered. And red still means stop. Put that.", affect = "warm" },
          { text = "Keep the hand. Palm up, I take it. Flat hand or red, you let go.", affect = "calm" },
        }
        s:set_touch_consent(AGREED)
      elseif agreed_once then
        s:say("No touch. Put no touch. Maybe another time.", { affect = "withdrawn" })
        s:set_touch_consent(false)
      else
        s:say("No touch, for now. And I can bring it up next week.", { affect = "calm" })
      end
    elseif r.id == "cl_assume" then
      s:say("That's not what I said.", { affect = "withdrawn" })
    elseif r.id == "cl_next" then
      s:say("Build up? No. That's not a level I'm working up to.", { affect = "angry" })
    elseif silent(r) then
      s:say("I'll write it myself, then.", { affect = "withdrawn" })
    end

    if p.trust >= 65 then
      s:finish("Alex reads the form twice and signs the touch section. 'Palm up. I'll remember.'")
    elseif p.trust >= 45 then
      s:finish("Alex takes the form home. 'I'll bring it next week.'")
    else
      s:finish("Alex leaves the touch section blank and goes without looking back.")
    end
  end,
}
