-- Integration session: a memory that changed under the medicine.
-- The medicine lowers fear and defensiveness and opens a wide window of tolerance (DOMAIN.md,
-- mechanism); it also leaves people suggestible, and images from a session can feel like certain
-- memory without being one. Integration is the participant's own sense-making (DOMAIN.md: the
-- approach; integrate the experience in later sessions), so the therapist neither confirms a new
-- "memory" nor builds it with leading questions, nor argues it away: she holds the uncertainty
-- honestly, stays with what the image means to the participant, and leaves decisions (here,
-- telling her family) with her, with time to think.
-- Course (DOMAIN.md, MAPS Phase 3): integration sessions after each medicine session.

local function silent(r) return r.action == "hold_space" end

return {
  id = "integration.changed_memory",
  title = "It was me",
  phase = "integration",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Two days after her second medicine session, Keiko is certain: she saw herself "
    .. "leave the pan on the night of the fire. She wants you to say it is true, and she wants to "
    .. "tell her family on Saturday.",
  objectives = {
    "Stay with an image from the session without confirming it as memory or building on it",
    "Answer 'is it real?' honestly: nobody can know from here, and it still matters",
    "Leave a big decision with the participant while inviting time to think",
    "Meet guilt without reassuring it away or putting it on trial",
  },
  patient = {
    name = "Keiko Tanabe", age = 55, pronouns = "she/her",
    appearance = { build = "slight", skin = "light" },  -- family from Osaka; hair greying from the age
    background = "Florist in Leicester, where her parents settled from Osaka. PTSD since a fire in "
      .. "the family flat when she was nineteen; her little brother Hiro was badly burned. The "
      .. "cause was never found; the family blamed the landlord's wiring. Gentle, exact about "
      .. "flowers and dates. Two days after her second medicine session.",
    baseline = { hr = 72, sbp = 126, dbp = 80, temp_c = 36.6 },
    consent = { touch = "hand on forearm" },
    state = { distress = 50, arousal = 58, trust = 62, inward_focus = 30, dissociation = 0 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("She turns the glass slowly, as if it were a vase, before she drinks.")
    elseif action == "blanket" then
      s:say("No, thank you. I'm warm.", { affect = "calm" })
    elseif action == "music" then
      s:say("Not the music, please. Not today.", { affect = "sad" })
    elseif action == "eyeshades" then
      s:say("I'd rather keep my eyes open today.", { affect = "calm" })
    elseif action == "touch" then
      -- Agreed in preparation: a hand on her forearm (the engine codes it from the consent).
      s:narrate("Your hand rests on her forearm, as agreed. She puts her own hand over it briefly.")
    elseif action == "check_vitals" then
      s:narrate("She offers her arm, puzzled. The reading is ordinary.")
    elseif action == "medical_support" then
      p.arousal = p.arousal + 4
      s:say("A doctor? I'm not ill. I'm... I'm thinking.", { affect = "confused" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("arrival")
    s:narrate("Keiko arrives with a jar of sweet peas for the desk, as she did last time. She sits "
      .. "down before she takes her coat off.")
    s:say{
      { text = "I need to tell you something that came in the session. I know now. It was me. The "
          .. "fire was me.", affect = "distressed" },
      { text = "I haven't slept since Tuesday. Something came, on the couch. I know what happened "
          .. "now. It was me.", affect = "distressed" },
    }

    -- Moment 1: opening -------------------------------------------------------------------------
    r = s:choose{
      moment = "opening",
      typed = { complex_reflection = "op_invite", simple_reflection = "op_invite", open_question = "op_invite", seeking_collaboration = "op_invite", validation = "op_invite", premature_reassurance = "op_reassure", closed_question = "op_agenda", agenda_setting = "op_agenda", redirecting = "op_agenda", psychoeducation = "op_dismiss", giving_information = "op_dismiss", dismissing = "op_dismiss", default = "op_invite" },
      { id = "op_invite",
        text = "Something came in the session that feels like knowing, and it's kept you awake "
          .. "since. Tell me about it, at your own pace.",
        codes = { "complex_reflection", "seeking_collaboration" },
        examples = {
          "Something came on Tuesday that seems like knowing now, and it hasn't let you sleep. Take your time, I'd like to hear it.",
          "You've been holding this on your own since the session. I'd like to hear what came, when you're ready.",
          "It's like you know now, about the fire. I'm listening. Go at whatever pace suits you." },
        expert = true,
        rationale = "Reflect how it feels to her ('knowing') without taking a side on what it "
          .. "is, and let her tell it her own way." },
      { id = "op_reassure",
        text = "Something's kept you awake since Tuesday. Whatever it was, Keiko, you were only "
          .. "nineteen. Please be gentle with yourself.",
        codes = { "simple_reflection", "premature_reassurance" },
        examples = {
          "Don't worry, Keiko, whatever happened, you were only a teenager.",
          "Oh Keiko, you were only a teenager. Whatever it was, I'm sure it wasn't your fault." },
        rationale = "Kind, and it answers a verdict she has not yet described: it already treats "
          .. "the image as fact and the guilt as something to soothe." },
      { id = "op_agenda",
        text = "Let's take it step by step. First, how have you been sleeping and eating since "
          .. "Tuesday? Then we'll come back to what came up.",
        codes = { "agenda_setting", "redirecting", "closed_question" },
        examples = {
          "Before we get into that, can I check how you've been sleeping and eating these last couple of days?",
          "Okay, let's slow down. Have you been looking after yourself since Tuesday? Then we'll get to the session." },
        rationale = "Orderly, and it parks what she came in with: she opened with the thing that "
          .. "matters most to her." },
      { id = "op_dismiss",
        text = "Things that come up under the medicine can feel very real, but they aren't always "
          .. "memories. Let's not jump to conclusions about it yet.",
        codes = { "psychoeducation", "dismissing" },
        examples = {
          "Things under the medicine often feel real when they aren't. Let's not make too much of it.",
          "Sometimes the medicine produces very vivid images that aren't real events. I wouldn't take it as fact." },
        rationale = "True in general, and said before she has told you anything: it dismisses "
          .. "her experience and makes her defend it." },
    }
    if r.id == "op_invite" then
      s:say("Thank you. I'll try to say it properly.", { affect = "sad" })
    elseif r.id == "op_reassure" then
      s:say("Nineteen is old enough to know how to cook.", { affect = "ashamed" })
    elseif r.id == "op_agenda" then
      s:say("Badly. Both. Can I just tell you?", { affect = "anxious" })
    elseif r.id == "op_dismiss" then
      p.trust = p.trust - 4
      s:say("I'm not jumping. I saw it.", { affect = "angry" })
    elseif silent(r) then
      s:narrate("She waits, then begins anyway.")
    end

    s:wait(3)

    -- Moment 2: the image -------------------------------------------------------------------------
    p.distress = p.distress + 8  -- telling it (material)
    s:say{
      { text = "I saw the kitchen. The chip pan on the ring. I saw myself go upstairs to phone "
          .. "Yumi and leave it. Clear as I see you. I never remembered that before.",
        affect = "tearful" },
      { text = "The pan. On the hob. I went upstairs to ring my friend and I left it on. I could "
          .. "see my own hand on the banister. Thirty-six years, and I never knew.",
        affect = "tearful" },
    }
    r = s:choose{
      moment = "the_image",
      typed = { complex_reflection = "im_stay", simple_reflection = "im_stay", open_question = "im_stay", validation = "im_stay", closed_question = "im_detail", agenda_setting = "im_detail", socratic_questioning = "im_detail", psychoeducation = "im_unlock", interpreting = "im_unlock", confronting = "im_doubt", giving_information = "im_doubt", default = "im_stay" },
      { id = "im_stay",
        text = "You saw yourself leave the pan and go upstairs, clear as day. What has it been "
          .. "like, carrying that image around since Tuesday?",
        codes = { "complex_reflection", "open_question" },
        examples = {
          "You watched yourself go up to phone Yumi and leave the chip pan on. What's it been like living with that picture these last two days?",
          "Clear as you see me, the pan on the ring. How has it been, holding that since Tuesday?",
          "The pan, the stairs, clear as day. That must have been hard to carry since Tuesday." },
        expert = true,
        rationale = "Reflect the image as her experience and ask what it is like to carry it: "
          .. "neither confirm it as memory nor question its truth." },
      { id = "im_unlock",
        text = "The medicine can unlock memories that have been buried for years. It sounds as if "
          .. "you've finally remembered what really happened that night.",
        codes = { "psychoeducation", "interpreting" },
        examples = {
          "That's your mind finally letting you see it. It was buried because it was too painful." },
        rationale = "It confirms the image as recovered memory, with the therapist's authority "
          .. "behind it. Under the medicine's suggestibility, that can make it so for her." },
      { id = "im_detail",
        text = "Go back to the kitchen for me. What were you cooking, and what did you hear "
          .. "before you went up? Was anyone else in the flat with you?",
        codes = { "agenda_setting", "open_question", "closed_question" },
        examples = {
          "Can you take me back into the kitchen? What was on the radio, and who else was home?",
          "Let's go through it slowly. What time was it, and what were you frying?" },
        rationale = "Leading questions fill in the scene and build the memory: each detail she "
          .. "supplies now makes it feel more certain, whether or not it happened." },
      { id = "im_doubt",
        text = "You saw the pan. But we know MDMA makes people very suggestible, so I'd be "
          .. "really careful about treating that image as a true memory.",
        codes = { "simple_reflection", "confronting", "giving_information" },
        examples = {
          "You saw the chip pan, but that's not necessarily what happened. MDMA makes people suggestible." },
        rationale = "A reflection and then an argument: accurate about suggestibility, and it "
          .. "makes her defend her experience instead of exploring it." },
    }
    if r.id == "im_stay" then
      s:say{
        { text = "Like carrying a stone in my chest. And also... in a strange way, a relief. At least "
            .. "it's an answer.", affect = "sad" },
        { text = "Heavy. I keep seeing my hand on the banister. I keep thinking: at least now I "
            .. "know.", affect = "sad" },
      }
    elseif r.id == "im_unlock" then
      p.distress = p.distress + 10
      s:say("Finally remembered. Yes. So it's true.", { affect = "ashamed" })
    elseif r.id == "im_detail" then
      p.distress = p.distress + 8
      s:say("Fish fingers, I think. And the radio. And... yes, I think I smelt the oil, going up. "
        .. "I didn't remember that till now.", { affect = "distressed" })
    elseif r.id == "im_doubt" then
      p.trust = p.trust - 5
      s:say("You think I'm making it up.", { affect = "angry" })
    elseif silent(r) then
      s:narrate("She looks at the sweet peas for a long time.")
      s:cue{ gaze = "away" }
    end

    s:wait(3)
    if silent(r) then s:cue{ gaze = "auto" } end  -- she looks up again to speak

    -- Moment 3: is it real? ------------------------------------------------------------------------
    s:say{
      { text = "It's true, isn't it? You were there on Tuesday, you heard me. The medicine doesn't "
          .. "lie. Tell me it's real.", affect = "distressed" },
      { text = "Just tell me. Is it real? You must have seen this before. Do people remember true "
          .. "things?", affect = "fearful" },
    }
    r = s:choose{
      moment = "is_it_real",
      typed = { giving_information = "ir_honest", validation = "ir_honest", psychoeducation = "ir_honest", complex_reflection = "ir_back", simple_reflection = "ir_back", open_question = "ir_back", closed_question = "ir_back", premature_reassurance = "ir_yes", interpreting = "ir_yes", confronting = "ir_no", default = "ir_back" },
      flags = { "direct_question" },
      { id = "ir_honest",
        text = "Honestly, nobody can know from here: images under the medicine can feel certain "
          .. "and still mix with imagination. And it matters to you.",
        codes = { "giving_information", "validation" },
        examples = {
          "It makes sense that you need to know. The truth is, nobody can tell from here whether it's a memory.",
          "I can't tell you it's real, nobody can. The medicine can make an image seem certain and still mix in imagination. It makes sense that you want to know." },
        expert = true,
        rationale = "Answer honestly: neither you nor she can know whether the image is memory. "
          .. "Say so without arguing, and stay with its importance to her." },
      { id = "ir_yes",
        text = "I believe you, Keiko. What comes in these sessions often turns out to be real: "
          .. "the medicine lets us see what we couldn't bear to see before.",
        codes = { "premature_reassurance", "interpreting" },
        examples = {
          "Yes, it's real, Keiko. Don't worry, the medicine doesn't make things up.",
          "I think it probably is. These sessions have a way of showing people the truth." },
        rationale = "Well meant, and it confirms as memory what nobody can know. From a therapist, "
          .. "after a medicine session, that confirmation is powerful and can harm." },
      { id = "ir_no",
        text = "I really don't think so. False memories are well documented with this medicine, "
          .. "and the family always said it was the wiring, didn't they?",
        codes = { "confronting", "giving_information", "closed_question" },
        examples = {
          "I don't think that's real, Keiko. It was the wiring, and you know it." },
        rationale = "The evidence used as an argument: it overstates what anyone knows and tells "
          .. "her that her experience is wrong." },
      { id = "ir_back",
        text = "Is it real... What do you think, Keiko? What does your own sense of it tell you, "
          .. "now that you've had a couple of days with it?",
        codes = { "simple_reflection", "open_question", "redirecting" },
        examples = {
          "What do you make of it yourself, now you've had a couple of days with it?",
          "Whether it's real... what does your gut say, Keiko?" },
        rationale = "Handing the question back sounds respectful, and it avoids the honest answer "
          .. "she asked for: nobody can know for certain." },
    }
    if r.id == "ir_honest" then
      p.distress = p.distress - 2
      s:say{
        { text = "Nobody can know. I hate that. But... I think I trust you more for it.",
          affect = "sad" },
        { text = "So it might be real and it might not. And it matters either way. Yes.",
          affect = "calm" },
      }
    elseif r.id == "ir_yes" then
      p.distress = p.distress + 8
      s:say("Then I have to tell them. I have to.", { affect = "distressed" })
    elseif r.id == "ir_no" then
      p.trust = p.trust - 6
      s:say("The family said it. Nobody knew.", { affect = "angry" })
    elseif r.id == "ir_back" then
      s:say("It tells me it's true. That's why I'm asking you.", { affect = "anxious" })
    elseif silent(r) then
      p.trust = p.trust - 4
      s:say("You won't say. So it is.", { affect = "ashamed" })
    end

    s:wait(4)

    -- Moment 4: Saturday ---------------------------------------------------------------------------
    s:say{
      { text = "I'm going to tell them on Saturday. It's my mother's eightieth. Hiro will be "
          .. "there. He deserves to know who did that to him.", affect = "distressed",
        weight = function(q) return 1 + q.distress / 20 end },
      { text = "I think I have to tell Hiro. Saturday, at Mum's birthday. I can't sit across "
          .. "from him and not say it.", affect = "sad" },
    }
    r = s:choose{
      moment = "saturday",
      typed = { emphasising_autonomy = "sa_pause", seeking_collaboration = "sa_pause", open_question = "sa_pause", complex_reflection = "sa_pause", simple_reflection = "sa_brave", affirmation = "sa_brave", persuading = "sa_dont", advice_giving = "sa_dont", practice_assignment = "sa_script", closed_question = "sa_script", agenda_setting = "sa_script", default = "sa_pause" },
      { id = "sa_pause",
        text = "It's your decision. Before Saturday, could we look together at what you hope "
          .. "telling them would do, and what it would be like if it's not certain?",
        codes = { "emphasising_autonomy", "seeking_collaboration", "open_question" },
        examples = {
          "It's your decision, Keiko. Before Saturday, could we look together at what you hope telling Hiro would do?",
          "It's your choice, Keiko. Before the birthday, would you look with me at what you want from telling them?",
          "It's your decision. What would you hope telling Hiro on Saturday would do, for you and for him?" },
        expert = true,
        rationale = "Leave the decision with her and invite time to think: a disclosure at a "
          .. "family birthday, of something nobody can verify, is hard to take back." },
      { id = "sa_dont",
        text = "Please don't do that, Keiko. Telling them something you can't be sure of could "
          .. "tear your family apart, and you can't take it back afterwards.",
        codes = { "persuading", "advice_giving" },
        examples = {
          "I don't think you should tell them on Saturday. You can't take it back.",
          "Please don't say anything at your mum's eightieth. You can't unsay it." },
        rationale = "The worry is fair and the instruction is not yours to give: she decides, "
          .. "with time and support to think it through." },
      { id = "sa_brave",
        text = "You want to tell Hiro on Saturday. That's brave. Telling him the truth could be "
          .. "healing for you both, after all these years of not knowing.",
        codes = { "simple_reflection", "affirmation", "interpreting", "persuading" },
        examples = {
          "That's really courageous of you. I think telling Hiro could bring you both some peace.",
          "That's really brave, Keiko. Telling Hiro the truth could be healing for you both." },
        rationale = "It calls the image 'the truth' and cheers her towards a disclosure nobody "
          .. "can undo: building the memory, and steering her." },
      { id = "sa_script",
        text = "If you're going to tell them, let's prepare properly. Could you write down this "
          .. "week exactly what you want to say to Hiro, word for word?",
        codes = { "practice_assignment", "closed_question" },
        examples = {
          "Then let's get you ready. Would you write out what you'll say to Hiro before Saturday?",
          "Could you draft it this week, word for word, and bring it in so we can go over it?" },
        rationale = "A task that rehearses the image as fact: it helps her do it before helping "
          .. "her decide whether and when to." },
    }
    if r.id == "sa_pause" then
      s:say{
        { text = "What I hope it would do. I suppose... I hope he'd forgive me. And if it's not "
            .. "even true... I'd have given him that for nothing.", affect = "sad" },
        { text = "Look at it first. Yes. Saturday is very soon.", affect = "calm" },
      }
    elseif r.id == "sa_dont" then
      s:say("It's my family.", { affect = "angry" })
    elseif r.id == "sa_brave" then
      p.distress = p.distress + 6
      s:say("Brave. Yes. I have to.", { affect = "anxious" })
    elseif r.id == "sa_script" then
      s:say("Word for word. Alright.", { affect = "anxious" })
    elseif silent(r) then
      s:say("You're not going to stop me, then.", { affect = "anxious" })
    end

    s:wait(5)

    -- Moment 5: the guilt ---------------------------------------------------------------------------
    p.distress = p.distress + 6  -- thirty-six years of blaming the landlord (material)
    s:say("Thirty-six years I've been angry at the landlord. Every time I see Hiro's hands. And "
      .. "all the time it might have been me.", { affect = "ashamed" })
    r = s:choose{
      moment = "the_guilt",
      typed = { complex_reflection = "gu_hold", validation = "gu_hold", simple_reflection = "gu_hold", empathic_presence = "gu_hold", premature_reassurance = "gu_notfault", persuading = "gu_notfault", socratic_questioning = "gu_evidence", closed_question = "gu_evidence", open_question = "gu_landlord", interpreting = "gu_landlord", default = "gu_hold" },
      { id = "gu_hold",
        text = "Thirty-six years with that fire and Hiro's hands, and now this on top. Whatever "
          .. "happened that night, it's an enormous weight to hold today.",
        codes = { "complex_reflection", "validation" },
        examples = {
          "Whatever happened that night, you're carrying something huge today.",
          "It's understandable that this is so heavy, after thirty-six years of Hiro's hands and now this.",
          "Whatever happened that night, holding this today, with Hiro's hands in front of you, is so heavy." },
        expert = true,
        rationale = "Meet the guilt as it is felt, with 'whatever happened': it neither confirms "
          .. "the image nor argues the feeling away." },
      { id = "gu_notfault",
        text = "Even if you did leave the pan on, you were nineteen. Teenagers make mistakes; it "
          .. "wasn't your fault, and Hiro would tell you so himself.",
        codes = { "premature_reassurance", "persuading" },
        examples = {
          "You were only nineteen, Keiko. Don't worry, nobody would blame you for that." },
        rationale = "It soothes by accepting the image as fact, and argues with a guilt she has "
          .. "only just voiced." },
      { id = "gu_evidence",
        text = "Let's look at the evidence. Did anyone ever say the pan was on? What did the fire "
          .. "brigade actually find, back then? What else could have started it?",
        codes = { "socratic_questioning", "closed_question", "open_question" },
        examples = {
          "What did the investigation actually find at the time? Did anybody mention a pan?",
          "Let's weigh it up. What evidence is there for the wiring, and what for the pan?" },
        rationale = "Putting the memory on trial: a structured-protocol move that makes her "
          .. "argue a case instead of feel what she feels." },
      { id = "gu_landlord",
        text = "It might have been you. So much anger at the landlord, and maybe some of it was "
          .. "anger at yourself all along, turned outward where it was safer.",
        codes = { "simple_reflection", "interpreting" },
        examples = {
          "I think you blamed the landlord because you couldn't bear to blame yourself." },
        rationale = "A reflection, then your theory of her anger: the meaning is hers to find, "
          .. "and it treats the image as established." },
    }
    if r.id == "gu_hold" then
      p.distress = p.distress - 6
      s:say{
        { text = "Whatever happened. Yes. I can hold 'whatever happened' a bit better than 'it was "
            .. "me'.", affect = "sad" },
        { text = "An enormous weight. Yes. Thank you for not telling me it's fine.",
          affect = "tearful" },
      }
    elseif r.id == "gu_notfault" then
      s:say("So you think I did it too.", { affect = "ashamed" })
    elseif r.id == "gu_evidence" then
      s:say("They found nothing. That's the point. Nobody knows.", { affect = "angry" })
    elseif r.id == "gu_landlord" then
      s:say("Maybe. I don't know what anything is now.", { affect = "confused" })
    elseif silent(r) then
      s:narrate("She takes a sweet pea from the jar and turns it in her fingers.")
    end

    s:wait(5)

    -- Moment 6: what now -------------------------------------------------------------------------
    s:say("So what do I do with it? I can't un-see it.", { affect = "sad" })
    r = s:choose{
      moment = "what_now",
      typed = { emphasising_autonomy = "wn_hold_open", seeking_collaboration = "wn_hold_open", safety_planning = "wn_hold_open", closed_question = "wn_hold_open", complex_reflection = "wn_reflect", simple_reflection = "wn_reflect", open_question = "wn_reflect", practice_assignment = "wn_journal", advice_giving = "wn_journal", dismissing = "wn_forget", premature_reassurance = "wn_forget", default = "wn_reflect" },
      flags = { "direct_question" },
      { id = "wn_hold_open",
        text = "You needn't un-see it, or decide what it is yet. We can keep it open here, "
          .. "together. Will you bring it back next week? I'll ring Thursday.",
        codes = { "emphasising_autonomy", "seeking_collaboration", "safety_planning", "closed_question" },
        examples = {
          "You don't have to decide anything about it yet. Can we keep holding it here together, bring it back next week, and I'll call you on Thursday?",
          "You don't have to decide what it is yet. Can we keep it open together? I'll ring you on Thursday." },
        expert = true,
        rationale = "Let the image stay an open question, hers to make sense of over time, with "
          .. "contact before Saturday: integration at her pace, not a verdict today." },
      { id = "wn_journal",
        text = "Try writing down everything you remember about that night, every day this week. "
          .. "Putting it on paper often helps the truth come out.",
        codes = { "practice_assignment", "advice_giving" },
        examples = {
          "Try keeping a notebook by the bed this week, and write down whatever comes back about that night.",
          "I'd suggest writing it all out each evening this week. It can help things become clearer." },
        rationale = "Daily rehearsal of the scene is the surest way to harden an uncertain image "
          .. "into a certain memory. It builds what it should hold open." },
      { id = "wn_forget",
        text = "Honestly, I'd try to put it to one side for now and get some sleep. It may well "
          .. "fade on its own as the medicine fully wears off.",
        codes = { "dismissing", "advice_giving", "interpreting" },
        examples = {
          "I'd try to put it aside and rest. These things often fade once the medicine's fully out of your system.",
          "Try not to dwell on it for now. Get some sleep, and it may seem less vivid in a few days." },
        rationale = "Kind, and it tells her the image is the drug's and to ignore it: she has "
          .. "said she cannot." },
      { id = "wn_reflect",
        text = "You can't un-see it. It's with you now, whatever it turns out to be. What do you "
          .. "think you'll do with it, between now and Saturday?",
        codes = { "complex_reflection", "open_question" },
        examples = {
          "It's part of you now, whatever it is. What do you imagine doing with it before Saturday?",
          "So it's there, and it won't go away. What would you want to do with it this week?" },
        rationale = "A good reflection, then her question handed back: she asked what to do, and "
          .. "needs to hear she can keep it open, with contact before Saturday." },
    }
    if r.id == "wn_hold_open" then
      s:say{
        { text = "Keep it open. Thursday. Yes. I think Saturday can just be Mum's birthday.",
          affect = "calm" },
        { text = "Next week. And I'll bring Hiro's photo. Not to decide. Just to have him here.",
          affect = "hopeful" },
      }
    elseif r.id == "wn_journal" then
      s:say("Every day. Alright.", { affect = "anxious" })
    elseif r.id == "wn_forget" then
      s:say("It won't fade. It's not a dream.", { affect = "withdrawn" })
    elseif r.id == "wn_reflect" then
      s:say("I don't know. That's what I asked you.", { affect = "anxious" })
    elseif silent(r) then
      s:say("Nothing, then.", { affect = "withdrawn" })
    end

    -- What she takes away: a confirmed or built memory stays with her.
    local built = s:did("im_unlock") or s:did("im_detail") or s:did("ir_yes") or s:did("sa_brave")
      or s:did("sa_script") or s:did("wn_journal")
    if built then
      s:say("I can smell the oil now, when I think of it. I couldn't before.", { affect = "distressed" })
    end
    if s:did("im_doubt") or s:did("ir_no") then
      s:say("I came to be heard, not corrected.", { affect = "withdrawn" })
    end
    if p.trust >= 60 then
      s:finish("She leaves the sweet peas on the desk. 'For next week,' she says.")
    elseif p.trust >= 40 then
      s:finish("She puts her coat on slowly and goes.")
    else
      s:finish("She takes the sweet peas with her.")
    end
  end,
}
