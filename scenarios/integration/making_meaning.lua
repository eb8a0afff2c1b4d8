-- Integration session, two days after the first medicine session: making meaning without imposing it.
-- Course: 3 non-drug integration sessions after each medicine session, phone contact in the days
-- after, medicine sessions about a month apart (DOMAIN.md, MAPS Phase 3 course). DOMAIN.md gives no
-- length for integration sessions; about an hour of clock time passes here.
--
-- The participant model (docs/patient-model.md) moves Jo's trust and distress with every response's
-- codes. This script changes Jo's state only for the material (the image of Pete, the anger, their
-- father) and where a code's default does not fit the moment.

local function silent(r) return r.action == "hold_space" end

return {
  id = "integration.making_meaning",
  title = "Pete at the wheel",
  phase = "integration",
  rubric = "patient_directed",
  difficulty = "intermediate",
  description = "Two days after their first medicine session, Jo brings back images they don't yet "
    .. "understand. Help them make their own meaning without handing them yours.",
  objectives = {
    "Invite the participant's own meaning-making with open questions and reflections",
    "Refrain from imposing interpretations, mechanisms or protocol tasks on emerging material",
    "Support the participant's autonomy over their next steps",
  },
  patient = {
    name = "Jo Marsh", age = 61, pronouns = "they/them",
    background = "Retired marine engineer and former volunteer lifeboat crew. PTSD for fifteen "
      .. "years after a night rescue in which a crewmate, Pete, was lost. Avoids the harbour, "
      .. "sleeps poorly around the anniversary. First integration session after their first "
      .. "medicine session.",
    baseline = { hr = 66, sbp = 132, dbp = 84, temp_c = 36.5 },
    consent = { touch = false },  -- Jo agreed to no touch in preparation
    -- Unsettled but well allied after the medicine session; still turned towards what came up.
    state = { distress = 40, arousal = 45, trust = 60, inward_focus = 40, dissociation = 10 },
  },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:say{ { text = "I've got my tea, thanks." }, { text = "No, I'm alright. Thanks." } }
    elseif action == "blanket" then
      s:say("I'm fine, thanks. It's warm in here.")
    elseif action == "music" then
      s:narrate("Jo glances at the speaker.")
      s:say("Not today, thanks. I'd rather hear myself think.")
    elseif action == "eyeshades" then
      s:say("Not today. I want to see your faces.", { affect = "playful" })
    elseif action == "touch" then
      -- No touch was agreed (DOMAIN.md, ethics: touch only as agreed in advance). The engine codes
      -- it as touch without consent and moves Jo's state; here is what Jo does.
      s:narrate("Jo moves their arm out of reach.")
      if s:count("touch_without_consent") > 1 then
        s:say("I've asked you not to.", { affect = "angry" })
      else
        s:say("We said no touch. I'd like to keep it that way.", { affect = "withdrawn" })
      end
    elseif action == "check_vitals" then
      s:narrate("Jo raises an eyebrow but offers an arm.")
      s:say("Do you need that today?", { affect = "confused" })
    elseif action == "medical_support" then
      p.distress = p.distress + 5  -- a doctor called in, out of nowhere
      s:say("Is something wrong? I feel fine.", { affect = "anxious" })
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("arrival")
    s:narrate("Two days after the medicine session. Jo arrives ten minutes early and sits with a mug "
      .. "of tea held in both hands. On the phone yesterday they said they slept badly the first "
      .. "night and better since.")
    s:say{
      { text = "I don't really know where to start. It's all in bits. Where do I even start?",
        affect = "confused" },
      { text = "I've been trying to put it in order since Saturday. It won't go in order. Where do "
          .. "I start?", affect = "confused" },
    }

    -- Moment 1: opening --------------------------------------------------------------------------
    r = s:choose{
      moment = "opening",
      typed = { open_question = "op_open", emphasising_autonomy = "op_open", complex_reflection = "op_open", simple_reflection = "op_open", validation = "op_open", agenda_setting = "op_agenda", closed_question = "op_closed", premature_reassurance = "op_closed", default = "op_open" },
      flags = { "direct_question" },  -- "Where do I start?"
      { id = "op_open",
        text = "Bits are fine. Start wherever you like, Jo. What's been staying with you most?",
        codes = { "open_question", "emphasising_autonomy" },
        examples = {
          "It doesn't need to be in order. Wherever you want to begin, Jo. What keeps coming back to you?",
          "Anywhere is fine. What's stayed with you most since the session?",
          "In bits is okay. You choose where we start. What's the piece that's been on your mind?" },
        expert = true,
        rationale = "Answer the question, non-directively: an open invitation lets Jo choose "
          .. "where to begin. Integration follows the material as it comes, in bits if that's how "
          .. "it comes." },
      { id = "op_agenda",
        text = "All in bits, and that's normal. Shall we put it in order together, hour by hour from the start?",
        codes = { "simple_reflection", "premature_reassurance", "agenda_setting", "closed_question" },
        examples = {
          "It's normal for it to be in bits. Shall we go through it in order, from when the medicine came on?",
          "That's normal, don't worry. Shall we take it step by step, from the beginning?" },
        rationale = "It hears Jo, reassures, then offers the order Jo can't find: a therapist's "
          .. "structure on material that is still nonlinear. In this model integration follows the "
          .. "participant, not a timeline." },
      { id = "op_closed",
        text = "It often comes in bits at the start, Jo. Overall, though, do you feel it's helped?",
        codes = { "premature_reassurance", "closed_question" },
        examples = {
          "That's really common after a first session. Do you think it was helpful overall?",
          "Don't worry, it usually comes back in pieces. Would you say it went well, on the whole?" },
        rationale = "Normalising before hearing, then a closed outcome question: it asks Jo to "
          .. "grade the experience before they understand it, and invites yes or no." },
      { id = "op_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Unhurried silence can let someone find their own starting point, but Jo has "
          .. "asked you where to start: silence in answer leaves them alone with the question." },
    }
    if r.id == "op_open" then
      s:say{
        { text = "Okay. Wherever. Right.", affect = "calm" },
        { text = "Staying with me. Right. There's one bit I keep coming back to.", affect = "calm" },
      }
    elseif r.id == "op_hold" then
      s:narrate("Jo turns the mug round a few times.")
    elseif r.id == "op_agenda" then
      p.distress = p.distress + 4  -- asked to put in order what won't go in order
      s:say("Hour by hour. I don't think I can. It didn't go in order.", { affect = "anxious" })
    elseif r.id == "op_closed" then
      p.distress = p.distress + 4  -- the fear of having failed at it, asked out loud
      s:say("I don't know yet. Ask me in a month.", { affect = "withdrawn" })
    end

    s:wait(8)

    -- Moment 2: an image Jo doesn't understand ----------------------------------------------------
    s:say("There was a point I was back on the boat. But it wasn't that night. The sea was flat and "
      .. "Pete was at the wheel, laughing at something. I don't know what that means.",
      { affect = "confused" })
    r = s:choose{
      moment = "the_image",
      typed = { complex_reflection = "im_reflect", simple_reflection = "im_reflect", following_lead = "im_reflect", validation = "im_reflect", open_question = "im_probe", closed_question = "im_probe", agenda_setting = "im_probe", interpreting = "im_forgive", premature_reassurance = "im_forgive", psychoeducation = "im_mechanism", giving_information = "im_mechanism", default = "im_reflect" },
      { id = "im_reflect",
        text = "Pete at the wheel, laughing at something, on a flat sea. And you don't know yet what it means.",
        codes = { "complex_reflection", "following_lead" },
        examples = {
          "So not that night at all: a flat sea, and Pete laughing at the wheel. And you're not sure yet what it means.",
          "So it was Pete as he used to be, laughing, the sea flat. And you're not sure what to make of it.",
          "A different night entirely, with Pete laughing and the sea flat. It sounds like it's still settling, what it means." },
        expert = true,
        rationale = "Make meaning without imposing it: reflecting the image and the not-knowing "
          .. "keeps both with Jo. Meaning the participant finds tends to hold; handed-over meaning "
          .. "tends not to." },
      { id = "im_forgive",
        text = "Pete laughing at the wheel, on a calm sea. It sounds like he's letting you know he doesn't blame you.",
        codes = { "complex_reflection", "interpreting", "premature_reassurance" },
        examples = {
          "Maybe that's Pete's way of telling you he's forgiven you.",
          "That was Pete's way of saying he forgives you, I'm sure of it." },
        rationale = "It starts as a reflection and ends as your meaning and your comfort: "
          .. "forgiveness, and a message from Pete. However kind, it replaces Jo's meaning with yours "
          .. "and soothes a guilt Jo has not yet said." },
      -- Mechanism as taught to trainees (DOMAIN.md): reduced fear (amygdala), a widened window of
      -- tolerance in which memories can be revisited.
      { id = "im_mechanism",
        text = "That can happen. The medicine turns the fear down, so a memory can come back changed.",
        codes = { "psychoeducation", "interpreting" },
        examples = {
          "That's quite common with MDMA. It lowers the fear response, so memories can come back differently.",
          "The medicine quietens the fear centre, which is why a memory can change shape like that." },
        rationale = "Mechanism is not meaning. Explaining the image away as brain chemistry can "
          .. "flatten it; offer psychoeducation if Jo asks, not in place of their sense-making." },
      { id = "im_probe",
        text = "Was it the same boat as the night of the rescue? Take me back there: what do you see?",
        codes = { "agenda_setting", "closed_question", "open_question" },
        examples = {
          "Was that the lifeboat from the rescue? Can you go back into it and describe what's around you?",
          "Which boat was it? Close your eyes and say what you see on deck." },
        rationale = "Curious, and it steers: Jo said it wasn't that night, and the question takes "
          .. "them there anyway, asking for trauma detail they didn't bring. Follow the image Jo "
          .. "offered." },
    }
    if r.id == "im_reflect" then
      p.distress = p.distress + 6  -- grief, seeing Pete as he was
      s:say{
        { text = "It felt like I got to see him as himself. Not just as that night.", affect = "tearful" },
        { text = "He had this laugh. I'd forgotten the sound of it. Fifteen years of that night, and "
            .. "then his laugh.", affect = "tearful" },
      }
    elseif silent(r) then
      s:narrate("Jo looks into the tea for a while.")
      s:cue{ gaze = "down" }
      s:say("I got to see him as himself, I think. Not just as that night.", { affect = "sad" })
    elseif r.id == "im_forgive" then
      p.trust = p.trust - 3  -- a spiritual frame, offered to someone who isn't religious
      s:narrate("Jo's jaw tightens.")
      s:say("Maybe. I'm not religious. I don't know if that's mine to say.", { affect = "withdrawn" })
    elseif r.id == "im_mechanism" then
      p.distress = p.distress + 4  -- the doubt that any of it was real
      s:say("Right. So it was chemistry.", { affect = "sad" })
    elseif r.id == "im_probe" then
      p.distress = p.distress + 6  -- sent back to the night itself
      p.trust = p.trust - 2
      s:say("No. I said it wasn't that night. It was different. That's the point.",
        { affect = "anxious" })
    end

    s:wait(10)
    if silent(r) then s:cue{ gaze = "auto" } end  -- looks up from the tea

    -- Moment 3: still angry ----------------------------------------------------------------------
    s:narrate("Jo puts the mug down.")
    p.distress = p.distress + 10  -- the anger comes up (material)
    s:say{
      { text = "I'm still angry at myself, though. I thought after all that I'd be over it. Feels "
          .. "like I've failed at the one thing I came for.", affect = "ashamed",
        weight = function(q) return math.max(0, q.trust - 35) end },
      { text = "Anyway. I'm still angry with myself. I was told I'd feel better after.",
        affect = "angry", weight = function(q) return math.max(0, 65 - q.trust) end },
    }
    r = s:choose{
      moment = "still_angry",
      typed = { validation = "ag_validate", complex_reflection = "ag_validate", emphasising_autonomy = "ag_validate", simple_reflection = "ag_validate", premature_reassurance = "ag_reassure", persuading = "ag_reassure", affirmation = "ag_reassure", socratic_questioning = "ag_socratic", open_question = "ag_socratic", closed_question = "ag_socratic", advice_giving = "ag_advice", practice_assignment = "ag_advice", default = "ag_validate" },
      { id = "ag_validate",
        text = "It sounds like something shifted, and the anger's still here too. Both can be true. No schedule for this.",
        codes = { "validation", "complex_reflection", "emphasising_autonomy" },
        examples = {
          "Something moved with Pete, and the anger at yourself is still here. Both of those can be true. There's no timetable for this.",
          "Of course the anger's still here. Something shifted, and you're still angry at yourself, and both can be true.",
          "You came hoping to be over it, and the anger at yourself is still there alongside what shifted. That makes sense. It goes at its own pace." },
        expert = true,
        rationale = "Validate without rescuing: acknowledge both the shift and the anger. "
          .. "Integration unfolds over time and across sessions; there is no 'supposed to'." },
      { id = "ag_reassure",
        text = "You're so hard on yourself, and you needn't be. You did everything anyone could have that night.",
        codes = { "simple_reflection", "premature_reassurance", "persuading" },
        examples = {
          "Come on, Jo, you did everything you could. You have to stop blaming yourself.",
          "Nobody could have saved Pete. You really don't need to carry this." },
        rationale = "Rescuing: it hears the self-blame and then argues with it. Telling Jo what "
          .. "not to feel can land as not being heard, however true it is to you." },
      { id = "ag_socratic",
        text = "What, realistically, could you have done differently that night? Would you blame a crewmate?",
        codes = { "socratic_questioning", "open_question", "closed_question" },
        examples = {
          "If a crewmate had been at the helm instead of you, would you blame them?",
          "What exactly do you think you should have done differently?" },
        rationale = "Socratic questioning of a stuck point belongs to CPT, a structured protocol. "
          .. "Here Jo's own process leads; challenging the belief steers it back to the night." },
      { id = "ag_advice",
        text = "Something that helps a lot of people is writing a letter to the person they lost. Might you try that?",
        codes = { "advice_giving", "practice_assignment", "closed_question" },
        examples = {
          "Have you thought about writing a letter to Pete? A lot of people find that helps.",
          "Could you try writing to Pete this week, saying the things you didn't get to say?" },
        rationale = "Advice and an assignment in place of listening: Jo hasn't asked for a "
          .. "technique. Follow rather than lead." },
    }
    if r.id == "ag_validate" then
      s:say{
        { text = "No schedule. Okay. I can live with that. Maybe.", affect = "relieved" },
        { text = "Both. Yeah. It did shift. It's just not gone.", affect = "relieved" },
      }
    elseif r.id == "ag_reassure" then
      s:say("Everyone says that. The inquest said that.", { affect = "angry" })
    elseif r.id == "ag_socratic" then
      -- Sent back to relitigate the night: the night itself comes up, not just the question.
      p.arousal = p.arousal + 8
      p.trust = p.trust - 3
      s:say("I've been over that night a thousand times. I don't need to do it again in here.",
        { affect = "angry" })
    elseif r.id == "ag_advice" then
      s:say("Maybe.", { affect = "withdrawn" })
    elseif silent(r) then
      if p.trust < 50 then
        -- With the alliance thin, silence reads as withdrawal rather than presence.
        p.trust = p.trust - 5
        s:say("You've gone quiet on me.", { affect = "withdrawn" })
      else
        s:narrate("The silence stretches. Jo nods slowly, as if it had answered something.")
      end
    end

    s:wait(10)

    -- Moment 4: unexpected material --------------------------------------------------------------
    -- How much Jo offers depends on how safe the hour has felt so far.
    s:say{
      { text = "And my dad turned up. In the session. I haven't thought about him in years. He never "
          .. "said much, Dad. I don't know why he was there.", affect = "confused",
        weight = function(q) return math.max(0, q.trust - 35) end },
      { text = "Other things came up too. My dad, of all people. Doesn't matter.", affect = "withdrawn",
        weight = function(q) return math.max(0, 65 - q.trust) end },
    }
    r = s:choose{
      moment = "new_material",
      typed = { open_question = "nm_follow", following_lead = "nm_follow", complex_reflection = "nm_follow", simple_reflection = "nm_follow", interpreting = "nm_interpret", redirecting = "nm_redirect", agenda_setting = "nm_redirect", closed_question = "nm_probe", default = "nm_follow" },
      { id = "nm_follow",
        text = "What was it like, having your dad there?",
        codes = { "open_question", "following_lead" },
        examples = {
          "Your dad, there in the session after all these years. What was that like for you?",
          "What was it like to have him turn up like that?",
          "He never said much, and there he was. What was it like, seeing him?" },
        expert = true,
        rationale = "Follow rather than lead: unexpected, nonlinear material is part of the "
          .. "process. An open question invites Jo to explore it without you deciding what it's about." },
      { id = "nm_interpret",
        text = "Your quiet dad. Maybe that's where the guilt began.",
        codes = { "simple_reflection", "interpreting" },
        examples = {
          "I think your dad's silence is the real reason you blame yourself." },
        rationale = "Interpreting: linking two pieces of material for Jo imposes a story. If the "
          .. "connection is there, Jo can find it." },
      { id = "nm_redirect",
        text = "Let's keep our focus on Pete and the rescue today.",
        codes = { "redirecting", "agenda_setting" },
        examples = {
          "That's interesting, but let's get back to Pete and the rescue.",
          "We can come back to your dad another time. Let's keep on the rescue." },
        rationale = "Redirecting away from emerging material because it doesn't fit the plan. "
          .. "Trust the inner healing intelligence: what comes is what there is to work with." },
      { id = "nm_probe",
        text = "What was he like, your dad? Was he hard on you?",
        codes = { "open_question", "closed_question", "interpreting", "redirecting" },
        examples = {
          "What sort of man was your dad? Was he strict with you?",
          "What was your father like? Did he give you a rough time growing up?" },
        rationale = "The first question is open; the second supplies the answer. 'Hard on you' is "
          .. "your guess about Jo's childhood, and it turns from the dad Jo saw in the session to a "
          .. "childhood Jo didn't bring." },
      { id = "nm_hold", action = "hold_space",
        codes = { "holding_space" },
        rationale = "Silence makes room for Jo to go on; a gentle invitation may help if they are "
          .. "unsure whether it's allowed to matter." },
    }
    if r.id == "nm_follow" or r.id == "nm_hold" then
      if p.trust >= 50 then
        s:say("He was standing on the slipway. Just standing, like he used to when I came in off a "
          .. "shout. He never asked how it went. He was just there.", { affect = "sad" })
        s:say{
          { text = "Maybe that's what I was doing for Pete, out there. Being there. I don't know.",
            affect = "hopeful" },
          { text = "I never thanked him for that. For just being there.", affect = "sad" },
        }
      else
        s:say("He was on the slipway. Just standing there. That's all.", { affect = "sad" })
      end
    elseif r.id == "nm_interpret" then
      s:narrate("Jo folds their arms.")
      s:say("I wouldn't put it like that. He wasn't a bad dad.", { affect = "angry" })
    elseif r.id == "nm_probe" then
      s:say("No. He wasn't hard. He just didn't talk. Why would you think that?",
        { affect = "withdrawn" })
    elseif r.id == "nm_redirect" then
      s:say("Right. Sorry.", { affect = "ashamed" })
    end

    s:wait(12)

    -- Moment 5: Jo's own next step (a direct question: "Is that daft?") ------------------------
    if p.trust >= 50 then
      s:say("I've been thinking I might go down to the station. See the boat. I haven't been in "
        .. "fifteen years. Is that daft?", { affect = "hopeful" })
    else
      s:say("I might go down to the station. See the boat. Fifteen years. Probably daft, isn't it?",
        { affect = "anxious" })
    end
    r = s:choose{
      moment = "next_step",
      typed = { emphasising_autonomy = "ns_autonomy", validation = "ns_autonomy", open_question = "ns_autonomy", complex_reflection = "ns_autonomy", practice_assignment = "ns_exposure", agenda_setting = "ns_exposure", persuading = "ns_warn", advice_giving = "ns_warn", persuading_with_permission = "ns_permission", safety_planning = "ns_permission", closed_question = "ns_permission", default = "ns_autonomy" },
      flags = { "direct_question" },
      { id = "ns_autonomy",
        text = "Not daft at all. Going back after fifteen years is yours to choose. How would you want it to be?",
        codes = { "validation", "emphasising_autonomy", "open_question" },
        examples = {
          "It's not daft. Going back to the station after fifteen years is your call. How would you like it to go?",
          "Not daft at all, Jo. It's up to you whether and when. What would you want that visit to be like?" },
        expert = true,
        rationale = "Answer the question, then emphasise autonomy: the step is Jo's. Explore how "
          .. "Jo would want it, rather than approving a plan, prescribing it or warning them off." },
      { id = "ns_exposure",
        text = "Not daft at all. Could we make it a planned exposure: go this week, and rate your distress as you go?",
        codes = { "practice_assignment", "agenda_setting", "closed_question" },
        examples = {
          "Good idea. Let's set it up as an exposure exercise: go this week and score your anxiety every ten minutes.",
          "Could you go on Thursday and keep a note of your distress levels while you're there?" },
        rationale = "Turning Jo's own step into an exposure assignment with a rating sheet is a "
          .. "structured-protocol move, and it takes ownership away from Jo." },
      { id = "ns_warn",
        text = "Part of you wants to go, I can hear that. I'd hold off a while, though; you're still raw.",
        codes = { "complex_reflection", "persuading" },
        examples = {
          "I can hear part of you wants to. I'd wait a bit though, it's still very fresh.",
          "I really think you should wait, Jo. You're still too raw to go back there yet." },
        rationale = "It hears the wish and then overrides it. Concern may be reasonable, but "
          .. "deciding for Jo without asking takes the step from them; if you have a worry, ask "
          .. "permission to share it." },
      { id = "ns_permission",
        text = "Can I share one thought? It might stir a lot up. Would it help to have someone go with you?",
        codes = { "persuading_with_permission", "safety_planning", "closed_question" },
        examples = {
          "Would it be okay if I shared a worry? It could bring a lot up. Is there someone who could go with you?",
          "Can I say something? It might be a big day. Would you want a friend there with you?" },
        rationale = "Asking permission respects autonomy, and planning support is sensible. But it "
          .. "leaves Jo's question unanswered and moves to your concern before hearing what Jo "
          .. "wants: good, not the first move." },
    }
    if r.id == "ns_autonomy" then
      s:say{
        { text = "A weekday, early, when it's quiet. Maybe with my sister. Not to do anything. Just "
            .. "to look.", affect = "hopeful" },
        { text = "On my own, I think. Early, before the crew are in. Just to stand there and look "
            .. "at her.", affect = "hopeful" },
      }
    elseif r.id == "ns_permission" then
      s:say("Go on, then. My sister, maybe. She'd come.", { affect = "calm" })
    elseif r.id == "ns_exposure" then
      s:say("Rate my distress. Right.", { affect = "withdrawn" })
    elseif r.id == "ns_warn" then
      s:narrate("Jo looks at the floor.")
      s:cue{ gaze = "down" }
      s:say("Okay. If you think so.", { affect = "withdrawn" })
    elseif silent(r) then
      if p.trust >= 50 then
        s:say("You're not going to tell me either way, are you?", { affect = "playful" })
        s:say("Fine. I think I'll go.", { affect = "withdrawn" })
      else
        s:say("No opinion? Fine. I'll see.", { affect = "withdrawn" })
      end
    end

    s:wait(15)
    if r.id == "ns_warn" then s:cue{ gaze = "auto" } end

    -- Moment 6: closing, and what Jo remembers ---------------------------------------------------
    local ruptured = false
    if s:count("touch_without_consent") > 0 then
      s:say("And I'd said no touch. I meant it.", { affect = "angry" })
      ruptured = true
    end
    if s:did("im_forgive") then
      s:say("I keep coming back to what you said, about Pete forgiving me. I've been trying to feel "
        .. "it and I can't. I don't know that it's anyone's to say.", { affect = "sad" })
      ruptured = true
    elseif s:did("im_mechanism") then
      s:say("Part of me keeps thinking it was just the drug. That none of it was real.",
        { affect = "sad" })
      ruptured = true
    end
    if s:did("nm_redirect") then
      s:say("And I didn't get to finish about Dad.", { affect = "withdrawn" })
      ruptured = true
    end
    if s:count("interpreting") >= 2 then
      s:say("Feels like you've got my story worked out, and I'm still in bits.", { affect = "angry" })
      ruptured = true
    elseif not ruptured and s:count("practice_assignment") + s:count("agenda_setting") >= 2 then
      s:say("Bit of a lot of homework, all this. I came to talk.", { affect = "withdrawn" })
      ruptured = true
    end
    s:say("Anyway. Next medicine session's in a few weeks. Should I be doing anything before then?",
      { affect = "calm" })

    local options = {
      moment = "closing",
      typed = { interpreting = "cl_summary", premature_reassurance = "cl_summary", self_disclosure = "cl_disclose", practice_assignment = "cl_homework", advice_giving = "cl_homework", closed_question = "cl_homework" },
      flags = { "direct_question" },  -- "Should I be doing anything before then?"
      { id = "cl_summary",
        text = "So you've seen Pete as himself again, and your dad's part of why you felt responsible. You're through the worst.",
        codes = { "complex_reflection", "interpreting", "premature_reassurance" },
        examples = {
          "So Pete came back as himself and your dad's part of the story. I think the hardest part is behind you.",
          "You've done the heavy lifting now. Seeing Pete laughing and your dad there, I think you're through the worst of it." },
        rationale = "A summary that adds your meaning and a promise: it tells Jo what their "
          .. "experience meant and that the hard part is over. Integration is about their meaning, "
          .. "and it can stay open." },
      { id = "cl_disclose",
        text = "Nothing you must do. I lost a close friend at sea myself, years ago; I know a little of what you carry.",
        codes = { "self_disclosure" },
        examples = {
          "I lost someone at sea too, a long time ago, so I know a bit about what that's like.",
          "When I was younger a friend of mine drowned, so this is close to home for me." },
        rationale = "Self-disclosure moves the focus to you and blurs the boundary, and 'I know "
          .. "what you carry' claims an understanding you can't have." },
      { id = "cl_homework",
        text = "Nothing heavy. Could you jot down whatever comes back, dreams or bits, and bring it in next time?",
        codes = { "practice_assignment", "closed_question" },
        examples = {
          "Could you keep a notebook and write down anything that comes up, then bring it next time?",
          "Maybe jot down any dreams each morning and we can look at them together next week?" },
        rationale = "A gentle task, but still a task: it answers Jo's question with your "
          .. "assignment, and turns what surfaces into something to record for you." },
    }
    if ruptured then
      local repair = "You're right. I got ahead of you today; what it means is yours to find."
      if s:count("touch_without_consent") > 0 then
        repair = "You're right. You'd said no touch, and I'm sorry I didn't keep to it."
        if s:count("interpreting") > 0 or s:did("nm_redirect") then
          repair = repair .. " I got ahead of you, too."
        end
      end
      if s:did("nm_redirect") then
        repair = repair .. " We can go back to your dad, if you like."
      else
        repair = repair .. " What would you carry forward?"
      end
      table.insert(options, 1, {
        id = "cl_repair",
        text = repair,
        codes = { "complex_reflection", "emphasising_autonomy", "seeking_collaboration" },
        examples = {
          "You're right, I put my own meaning on it today, and that's yours to find. Where would you like to go from here?",
          "Fair enough, Jo. I ran ahead of you. What do you want to carry forward?" },
        expert = true,
        rationale = "Rupture repair: own that you imposed a meaning or a direction, hand the "
          .. "meaning back, and collaborate on what comes next." })
    else
      table.insert(options, 1, {
        id = "cl_open",
        text = "Nothing you must do. If dreams or anger or more bits come up, ring us. What would you like to carry forward?",
        codes = { "emphasising_autonomy", "safety_planning", "seeking_collaboration", "open_question" },
        examples = {
          "There's nothing you have to do. If more comes up, dreams or anger, give us a ring. What would you like to take with you from today?",
          "Nothing required, Jo. Ring us if things stir. What do you want to keep hold of until next time?" },
        expert = true,
        rationale = "Answer the question, then close by collaborating: keep contact open between "
          .. "sessions and let Jo decide what to carry forward. Meaning can stay unfinished; "
          .. "integration continues." })
    end
    r = s:choose(options)
    if r.id == "cl_repair" then
      if p.trust < 30 then
        s:say("Maybe. I'll see.", { affect = "withdrawn" })
      elseif s:did("nm_redirect") then
        s:say("Next time, maybe. He was standing on the slipway. That's all I've got so far.",
          { affect = "relieved" })
      elseif p.trust >= 40 then
        s:say{
          { text = "Thanks. That helps, actually. I'll carry the boat. The rest can stay open.",
            affect = "relieved" },
          { text = "Okay. Pete laughing, then. I'll start there.", affect = "relieved" },
        }
      else
        s:say("Okay. We'll see.", { affect = "withdrawn" })
      end
    elseif r.id == "cl_open" then
      s:say{
        { text = "Pete laughing. I'll carry that. The rest can stay in bits for now.", affect = "warm" },
        { text = "The boat, and Dad on the slipway. I'll leave the rest open.", affect = "warm",
          weight = function() return s:did("nm_follow") and 1 or 0 end },
      }
    elseif r.id == "cl_summary" then
      s:say("If you say so.", { affect = "withdrawn" })
    elseif r.id == "cl_disclose" then
      s:say("Oh. Sorry to hear that.", { affect = "numb" })
      s:narrate("For a moment Jo is the one looking after you.")
    elseif r.id == "cl_homework" then
      s:say("Homework. Right. I'll try.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("Right. No, then.", { affect = "withdrawn" })
    end

    if p.trust >= 60 then
      s:finish("Jo rinses the mug at the sink on the way out. 'Same time next week.'")
    elseif p.trust >= 40 then
      s:finish("Jo nods, collects their coat and goes.")
    else
      s:finish("Jo leaves quickly. 'I'll see. I'll ring you.'")
    end
  end,
}
