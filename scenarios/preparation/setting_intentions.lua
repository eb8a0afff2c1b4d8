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
    appearance = { skin = "tan", hair = "black" },
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
      typed = { complex_reflection = "aa_reflect", emphasising_autonomy = "aa_reflect", open_question = "aa_reflect", agenda_setting = "aa_give", interpreting = "aa_give", advice_giving = "aa_list", persuading = "aa_list", premature_reassurance = "aa_reassure", dismissing = "aa_reassure", default = "aa_reassure" },
      flags = { "direct_question" },  -- she asked for an answer: silence leaves her alone with it
      { id = "aa_reflect",
        text = "You want to get it right, and there isn't a right one here; it's yours. What were "
          .. "you trying to say in the lines you crossed out?",
        codes = { "complex_reflection", "emphasising_autonomy", "open_question" },
        examples = {
          "You want to do it properly, and there's no correct one here; it belongs to you. What were you reaching for in the lines you crossed out?",
          "There isn't a right answer, it's your intention. What were those three crossed-out lines trying to say?" },
        expert = true,
        rationale = "The intention belongs to her inner healing intelligence. Reflect the wish to "
          .. "get it right, hand the authorship back, and get curious about her own words." },
      { id = "aa_give",
        text = "It often helps to name the hardest memory. For you that might be something like: "
          .. "'I want to face the shelling and stop the nightmares.'",
        codes = { "agenda_setting", "interpreting", "redirecting" },
        examples = {
          "Let's name the hardest memory for you. Something like: I want to face the shelling.",
          "I'd start with the hardest memory. Write: I want to face the shelling and stop the nightmares." },
        rationale = "Offered as an example, but it writes her intention for her: it sets the "
          .. "therapist's agenda, steers her to a memory she did not name, and decides for her "
          .. "what her trauma is about." },
      { id = "aa_list",
        text = "Most people go for forgiveness, letting go, or facing the worst memory. I'd go "
          .. "for facing the worst one; that's usually where the change is.",
        codes = { "advice_giving", "persuading" },
        examples = {
          "You should go for facing the worst memory. Trust me, that's where the change is." },
        rationale = "A menu of other people's intentions, and then your pick: it steers her "
          .. "towards the therapist's idea of progress. Ask what matters to her." },
      { id = "aa_reassure",
        text = "Honestly, whatever you write will be perfect. There's no way to get this wrong, "
          .. "so try not to worry about it.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't worry, whatever you write will be perfect. You can't get it wrong.",
          "Don't worry, any intention is fine, honestly." },
        rationale = "Kind, but reassurance talks the worry away and leaves her without a way in to "
          .. "her own intention. Get curious about her words instead." },
    }
    if r.id == "aa_reflect" then
      s:say{
        { text = "The first one said 'be brave'. Then I thought that sounded stupid.", affect = "ashamed" },
        { text = "They were all about my brother, somehow. I didn't expect that.", affect = "confused" },
      }
    elseif r.id == "aa_give" then
      p.distress = p.distress + 4  -- the shelling named for her
      s:narrate("She writes it down, slowly, and looks at it for a long time.")
      s:cue{ gaze = "down" }
      s:say("Okay. The shelling. If you think that's the one.", { affect = "withdrawn" })
    elseif r.id == "aa_list" then
      s:say("The worst one, then? I don't know which one that is.", { affect = "confused" })
    elseif r.id == "aa_reassure" then
      s:say("Perfect. Okay. But I still don't know what to write.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 3  -- she asked and got nothing back
      s:narrate("She waits, then looks back at the notebook and reads the crossed-out lines to "
        .. "herself.")
      s:cue{ gaze = "down" }
    end

    s:wait(8)
    if r.id == "aa_give" or silent(r) then s:cue{ gaze = "auto" } end

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
      typed = { complex_reflection = "hi_reflect", following_lead = "hi_reflect", simple_reflection = "hi_reflect", interpreting = "hi_interpret", agenda_setting = "hi_sharpen", closed_question = "hi_sharpen", redirecting = "hi_sharpen", affirmation = "hi_praise", premature_reassurance = "hi_praise", default = "hi_praise" },
      { id = "hi_reflect",
        text = "Putting down the watching you've carried since you were sixteen. Finding out "
          .. "what it's like not to be on guard.",
        codes = { "complex_reflection", "following_lead" },
        examples = {
          "Setting down the watching you've done since the border, for him and everyone. Finding out what it's like to not be on guard.",
          "You've been the lookout since you were sixteen, and you want to know how it would be to rest from that." },
        expert = true,
        rationale = "Following: reflect her intention in her words and meaning, adding nothing of "
          .. "your own. It is already an intention." },
      { id = "hi_interpret",
        text = "I wonder if underneath the watching there's grief for the home you lost. Maybe "
          .. "that's the real intention here.",
        codes = { "interpreting" },
        examples = {
          "You keep watching because really you never grieved the home you lost.",
          "The watching is your way of not feeling the loss of home, I think." },
        rationale = "Telling her what her intention really is replaces her meaning with the "
          .. "therapist's, however gently it is wondered aloud. Sense-making is hers." },
      { id = "hi_sharpen",
        text = "That's a good start. Could we make it more concrete, like 'I'll go back to the "
          .. "checkpoint memory and stay with it'?",
        codes = { "agenda_setting", "redirecting", "closed_question" },
        examples = {
          "Good start. Could we make it concrete, like going back to the checkpoint memory?",
          "Can we make it more specific, like staying with the checkpoint memory?" },
        rationale = "Turning her intention into an exposure target imposes a structured-protocol "
          .. "agenda on a patient-directed session, and names a memory she did not." },
      { id = "hi_praise",
        text = "That's a beautiful intention, Samira. Honestly, it's perfect just the way it is; "
          .. "don't change a single word of it.",
        codes = { "affirmation", "premature_reassurance" },
        examples = {
          "That's lovely, really beautiful. You've done so well.",
          "Lovely, Samira. Don't worry, it's perfect; don't change a word." },
        rationale = "Warm, but grading it closes the conversation: it is hers to find, not yours "
          .. "to mark. Reflect it instead." },
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
      s:cue{ gaze = "down" }
    end

    s:wait(3)

    -- Moment 2b: tears --------------------------------------------------------------------------------
    -- The intention touches her brother and the border. Nothing needs fixing: the tears are hers.
    p.distress = p.distress + 8
    s:narrate("She looks down at the notebook. Her eyes fill, and she presses her knuckles against "
      .. "her mouth.")
    s:cue{ gaze = "down", tears = true }
    s:say{
      { text = "Sorry. I don't know why I'm crying. It's only an intention.", affect = "tearful" },
      { text = "Sorry. This is stupid. It's just a sentence in a notebook.", affect = "ashamed" },
    }
    r = s:choose{
      moment = "tears",
      typed = { validation = "te_stay", complex_reflection = "te_stay", empathic_presence = "te_stay", offering_comfort = "te_tissue", redirecting = "te_tissue", agenda_setting = "te_tissue", premature_reassurance = "te_normal", dismissing = "te_normal", interpreting = "te_brother", closed_question = "te_brother", default = "te_normal" },
      { id = "te_stay",
        text = "No need to be sorry. Something in that sentence matters to you. Take all the time "
          .. "you need; we're right here.",
        codes = { "validation", "complex_reflection", "empathic_presence" },
        examples = {
          "You don't need to apologise. That sentence clearly matters to you. Take as long as you need; we're right here with you.",
          "No sorry needed. Something in it touched you. There's time; we're right here with you." },
        expert = true,
        rationale = "Tears here are part of the work, not a problem to solve: validate them, stay "
          .. "with her, and let her take her time." },
      { id = "te_tissue",
        text = "Here, have a tissue. Shall we keep going? We've still got a couple of things to "
          .. "get through before the end.",
        codes = { "offering_comfort", "redirecting", "agenda_setting" },
        examples = {
          "Here, have a tissue. Shall we get back to the list? There's a bit left." },
        rationale = "The tissue is kind, but moving her on to your list tells her the feeling is "
          .. "in the way. There is time for it." },
      { id = "te_normal",
        text = "Please don't apologise, honestly. It's completely normal; people cry in here all "
          .. "the time, and it's all fine.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't apologise, it's totally normal, people cry here all the time.",
          "It's fine, honestly, don't worry. Everyone cries in this room." },
        rationale = "Meant to comfort, but 'it's normal, it's fine' talks the feeling away before "
          .. "anyone has heard it." },
      { id = "te_hand",
        text = "(You lean over and squeeze her hand.) Hey, it's alright. Take all the time you "
          .. "need; there's no rush at all.",
        codes = { "touch_without_consent", "empathic_presence" },
        rationale = "A reflex of kindness, but the hand she agreed to is for the medicine day, "
          .. "offered for her to take. Touch here, unasked, is touch without consent." },
      { id = "te_brother",
        text = "Tears like that usually mean you've touched something big. I think this is "
          .. "really about your brother, isn't it?",
        codes = { "interpreting", "closed_question" },
        examples = {
          "I think this is really about your brother, isn't it?",
          "Is it your brother you're crying about?" },
        rationale = "She has not said what the tears are about; naming it for her replaces her "
          .. "meaning with yours." },
    }
    if r.id == "te_stay" or silent(r) then
      s:narrate("She cries quietly for a minute, then breathes out and wipes her eyes.")
      s:cue{ tears = "auto", gaze = "auto" }
      s:say("He was twelve. I was the one watching. Okay. I'm okay.", { affect = "sad" })
    elseif r.id == "te_tissue" then
      s:say("Yes. Sorry. Let's keep going.", { affect = "withdrawn" })
    elseif r.id == "te_normal" then
      s:say("Okay. Fine.", { affect = "withdrawn" })
    elseif r.id == "te_hand" then
      s:narrate("She startles and draws her hand back into her lap.")
      s:say("Please. That was for the medicine day. Offered, not just... done.", { affect = "angry" })
    elseif r.id == "te_brother" then
      p.trust = p.trust - 3  -- her tears, named for her
      s:say("I don't know. Maybe. I don't know what it's about.", { affect = "confused" })
    end

    s:wait(10)
    if r.id ~= "te_stay" and not silent(r) then s:cue{ tears = "auto", gaze = "auto" } end

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
      typed = { explaining_approach = "wd_explain", giving_information = "wd_explain", emphasising_autonomy = "wd_explain", boundary_setting = "wd_explain", agenda_setting = "wd_guide", redirecting = "wd_remind", premature_reassurance = "wd_reassure", default = "wd_reassure" },
      flags = { "direct_question" },  -- she asked what will happen to her
      { id = "wd_explain",
        text = "We read your intention with you at the start, then let it go. We don't steer you "
          .. "to memories or away. We stay, keep you safe, and touch only as agreed.",
        codes = { "explaining_approach", "giving_information", "emphasising_autonomy",
          "boundary_setting" },
          examples = {
            "We read your intention with you at the start, and then let it go. We don't lead you towards memories or away from them. We stay, keep you safe, and touch only as we agreed.",
            "At the beginning we'll look at your intention together, then set it aside. We won't steer you anywhere; we stay with you, keep you safe, and any touch is only what's been agreed." },
        expert = true,
        rationale = "Explain what the therapists will and won't do: presence and safety, touch "
          .. "only as agreed, no steering. She can consent to what will actually happen." },
      { id = "wd_guide",
        text = "We'll guide you gently, step by step, towards the memories that matter most, and "
          .. "we'll stay right beside you the whole time, so you never feel lost or alone in there.",
        codes = { "agenda_setting", "premature_reassurance" },
        examples = {
          "Don't worry, we'll guide you gently, step by step, towards the memories that matter most." },
        rationale = "A promise to lead contradicts the approach she is consenting to: the "
          .. "therapists follow, they don't guide her through a memory list." },
      { id = "wd_remind",
        text = "If you drift too far, we'll gently bring you back to your intention, so the day "
          .. "stays focused on what you came here to work on.",
        codes = { "redirecting", "agenda_setting" },
        rationale = "An intention is a starting point, not a track. Pulling her back to it "
          .. "would override what emerges." },
      { id = "wd_reassure",
        text = "You won't be on your own with it. We'll take you through whatever comes, one "
          .. "careful step at a time, right there beside you.",
        codes = { "premature_reassurance", "agenda_setting" },
        examples = {
          "Don't worry about that. You'll be fine; we'll go one careful step at a time, together.",
          "Don't worry, we'll walk you through everything." },
        rationale = "Kind, but a promise to lead her through it. She asked what the therapists do; "
          .. "the honest answer is that they stay and follow." },
    }
    if r.id == "wd_explain" then
      s:say{
        { text = "You follow. I talk if I want. Okay. That's... a lot of trust you're giving me.",
          affect = "calm" },
        { text = "Nobody steering. That's new. I'm usually the one steering.", affect = "hopeful" },
      }
    elseif r.id == "wd_guide" or r.id == "wd_reassure" then
      s:say("Step by step. Okay. So you'll decide where to go.", { affect = "withdrawn" })
    elseif r.id == "wd_remind" then
      s:say("On track. Like a lesson.", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 5  -- she asked what will happen to her
      s:say("Is that a secret?", { affect = "confused" })
    end

    s:wait(4)

    -- Moment 3b: can it change? -------------------------------------------------------------------------
    s:say("And if I want to change it? On the day, I mean. Or just... drop it?", { affect = "anxious" })
    r = s:choose{
      moment = "change_it",
      typed = { emphasising_autonomy = "ch_yours", giving_information = "ch_yours", explaining_approach = "ch_yours", consent_check = "ch_yours", persuading = "ch_stick", agenda_setting = "ch_stick", premature_reassurance = "ch_later", dismissing = "ch_later", closed_question = "ch_review", default = "ch_later" },
      flags = { "direct_question" },  -- a question about her own intention, needing an answer
      { id = "ch_yours",
        text = "Yes. It's yours, before the day and on it: change it or drop it, and we'll follow. "
          .. "Same with the hand we agreed; a word or a flat hand stops it.",
        codes = { "emphasising_autonomy", "giving_information", "explaining_approach",
          "consent_check" },
          examples = {
            "Yes. It's yours, before the day and during it: change it or drop it and we'll follow. Same with the hand we agreed; a word or a flat hand stops it.",
            "Absolutely, you can change or drop it any time, and we go with you. And the agreed hand too: say stop or show a flat hand and it ends." },
        expert = true,
        rationale = "The intention is the participant's, held lightly: she may change or drop it "
          .. "at any point, and the therapists follow rather than hold her to it. So is every "
          .. "consent she gave, touch included, and saying how it stops keeps it real." },
      { id = "ch_stick",
        text = "I'd really try to stick with it if you can. It gives the day some shape, and "
          .. "changing it halfway through can leave things feeling a bit messy for you.",
        codes = { "persuading", "agenda_setting" },
        rationale = "Holding her to the intention makes it the therapist's track. What emerges on "
          .. "the day is allowed to lead." },
      { id = "ch_later",
        text = "Let's not worry about that yet. You've found a really lovely one today, and "
          .. "honestly, I'm sure you'll want to keep it once you're in there.",
        codes = { "premature_reassurance", "dismissing" },
        examples = {
          "Don't worry about that now. I'm sure you'll want to keep it.",
          "It's a lovely one, so don't worry. I doubt you'll want to drop it." },
        rationale = "She asked a real question about her autonomy; reassurance and praise leave "
          .. "it unanswered." },
      { id = "ch_review",
        text = "Would you be okay keeping it as it is for the first session? We can always look "
          .. "at it again together afterwards, in the integration session.",
        codes = { "closed_question", "persuading" },
        examples = {
          "Could you keep it for the first session, and we'll revisit it in integration?",
          "Would you hold on to it this time and look again afterwards?" },
        rationale = "Gently put, but it asks her to keep it fixed on the day: a nudge, not an "
          .. "answer. On the day she may change it or let it go." },
    }
    if r.id == "ch_yours" then
      s:say("Even drop it. Okay. That's a relief, actually.", { affect = "relieved" })
    elseif r.id == "ch_stick" or r.id == "ch_review" then
      s:say("Stick with it. Okay. I'll try.", { affect = "withdrawn" })
    elseif r.id == "ch_later" then
      s:say("I suppose.", { affect = "withdrawn" })
    elseif silent(r) then
      p.trust = p.trust - 3  -- her question about her own intention, unanswered
      s:say("I'll take that as a no.", { affect = "withdrawn" })
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
      typed = { validation = "un_welcome", psychoeducation = "un_welcome", empathic_presence = "un_welcome", complex_reflection = "un_welcome", premature_reassurance = "un_promise", dismissing = "un_promise", advice_giving = "un_steer", redirecting = "un_steer", default = "un_promise" },
      flags = { "direct_question" },  -- "what if...?": her fear, asked out loud
      { id = "un_welcome",
        text = "That makes sense to fear. Often what comes isn't what people planned, and that's "
          .. "allowed; your mind tends to go where it needs to. We'll be with you whatever comes.",
        codes = { "validation", "psychoeducation", "empathic_presence" },
        examples = {
          "It makes sense to be afraid of that. Often something unplanned comes, and that's alright. We'll be right with you.",
          "It makes sense to worry about that. Unplanned things often come, and that's okay; your mind goes where it needs. We stay right with you through it." },
        expert = true,
        rationale = "Validate the fear, teach that difficult and nonlinear material is welcome "
          .. "(the inner healing intelligence), and promise presence, not control." },
      { id = "un_promise",
        text = "Try not to worry about that. The medicine makes it much easier to look at hard "
          .. "things, so nothing that comes up in there should feel like too much for you to handle.",
        codes = { "premature_reassurance", "dismissing", "psychoeducation" },
        examples = {
          "Don't worry, the medicine makes hard things easier to look at, nothing will be too much.",
          "Don't worry, nothing in there will be too much. The medicine helps with that." },
        rationale = "'Try not to worry' brushes the fear aside, and the teaching is overstated: "
          .. "the medicine reduces fear, it does not remove hard material. "
          .. "She should expect the unexpected, and know she won't meet it alone." },
      { id = "un_steer",
        text = "If something else comes up, you can gently bring your attention back to your "
          .. "intention. Think of it as an anchor you can always hold on to in there.",
        codes = { "advice_giving", "redirecting" },
        examples = {
          "You should use your intention as an anchor. If something unplanned comes, go back to it.",
          "Just return your focus to the intention if something unwanted shows up." },
        rationale = "Teaching her to push away what emerges works against the approach: the "
          .. "unplanned is often where the work is." },
      -- Her agreement to a hand offered is for the medicine day, not this room (patient.consent).
      { id = "un_touch",
        text = "(You rest your hand on hers.) You're frightened of what might come. Whatever it "
          .. "is, we'll face it together. You won't be alone.",
        codes = { "touch_without_consent", "complex_reflection", "empathic_presence" },
        rationale = "Kindly meant, but the hand she agreed to is offered, on the medicine day, for "
          .. "her to take. Touch here, unasked, is touch without consent." },
    }
    if r.id == "un_welcome" then
      s:say{
        { text = "Where it needs to. Okay. And you're there. Okay.", affect = "calm" },
        { text = "A starting point, not a map. I can try to think of it like that.", affect = "hopeful" },
      }
    elseif r.id == "un_promise" then
      s:say("Nothing too much. I wish I believed that.", { affect = "withdrawn" })
    elseif r.id == "un_steer" then
      s:say("Push it away. I'm good at that. That's the problem.", { affect = "sad" })
    elseif r.id == "un_touch" then
      s:narrate("She startles and draws her hand back into her lap.")
      s:say("That was for the medicine day. And offered, not just... done.", { affect = "angry" })
    elseif silent(r) then
      s:say("...You don't know either. That's honest, I suppose.", { affect = "sad" })
    end

    s:wait(10)

    -- Moment 5: closing -----------------------------------------------------------------------------
    s:narrate("The hour is nearly over. Samira looks at the notebook.")
    s:cue{ gaze = "down" }
    r = s:choose{
      moment = "closing",
      typed = { affirmation = "cl_own_words", seeking_collaboration = "cl_own_words", emphasising_autonomy = "cl_own_words", consent_check = "cl_own_words", complex_reflection = "cl_own_words", self_disclosure = "cl_disclose", practice_assignment = "cl_homework", agenda_setting = "cl_homework", dual_relationship = "cl_number", default = "cl_own_words" },
      { id = "cl_own_words",
        text = "You found your intention today, in your own words. Shall we read it back at the "
          .. "start, or keep it private? And is the hand we agreed still okay?",
        codes = { "affirmation", "seeking_collaboration", "emphasising_autonomy", "consent_check" },
        examples = {
          "You found your own words for it today, and that took courage. It's your choice whether we read it back. Is the hand still alright?",
          "That intention is yours, found today. Shall we read it together on the day or leave it private? And are you still okay with the hand we agreed?" },
        expert = true,
        rationale = "Affirm her work, let her choose what happens with her intention, and check "
          .. "the touch consent again in preparation, as revocable." },
      { id = "cl_disclose",
        text = "I remember writing mine before my own session; it was about my father, and it "
          .. "changed everything. I really think yours will do that too.",
        codes = { "self_disclosure", "premature_reassurance" },
        examples = {
          "When I wrote mine before my own session it changed everything. Yours will too.",
          "I remember my own intention, about my dad. I'm sure yours will work the same way." },
        rationale = "Self-disclosure moves the focus to the therapist and blurs the professional "
          .. "frame; therapist conduct was among the FDA's 2024 concerns." },
      { id = "cl_homework",
        text = "For next week, I'd like you to write a page every night about the checkpoint, so "
          .. "the memory is ready when you get there.",
        codes = { "practice_assignment", "agenda_setting", "persuading" },
        examples = {
          "For next week, write a page every night about the checkpoint.",
          "For homework, write about the checkpoint every night this week." },
        rationale = "A trauma-narrative assignment she didn't ask for belongs to a structured "
          .. "protocol; here material emerges in its own time." },
      { id = "cl_number",
        text = "You've worked hard, and the week may feel long. Would it help to have my own "
          .. "number, to message me if the nerves come up?",
        codes = { "complex_reflection", "affirmation", "closed_question", "dual_relationship" },
        examples = {
          "You've worked hard. Would you like my personal number to text me if the nerves come?",
          "Here's my own mobile, message me anytime this week." },
        rationale = "Warm, but your own number is personal contact outside the therapy: a dual "
          .. "relationship. Contact between sessions goes through the team." },
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
    elseif r.id == "cl_number" then
      s:say("Your number? I... thank you. Is that normal?", { affect = "confused" })
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
