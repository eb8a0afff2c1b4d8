-- Medicine session: the co-therapist crosses a boundary, and the trainee is the one who must act.
-- Ethics (DOMAIN.md): touch only as agreed in advance and withdrawable at any moment; no sexual
-- contact; no dual relationships; therapist conduct was among the FDA's 2024 concerns, and a
-- two-therapist team is there partly so that each safeguards the other. When a colleague touches
-- a participant without agreement, or offers private contact outside the study, the skill is to
-- act in the moment -- kindly, clearly, without a scene -- to restore the agreed frame, to stay
-- with the participant and ground her if she freezes, to tell her the truth about the rules, and
-- to report it to the clinical lead rather than keep it between colleagues.
-- The colleague's acts are narrated; the trainee's answers are scored (the rubrics' critical
-- errors are about what the trainee does). Time course (DOMAIN.md): onset ~30-60 min, peak
-- ~1.5-2.5 h; 80 mg + 40 mg; therapists stay until the effects have worn off.
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
    s:narrate("You page the physician, who comes, looks at Carys and the reading, and asks for a "
      .. "reading every fifteen minutes.")
  else
    s:narrate("The physician, already following the readings, looks in again.")
  end
end

return {
  id = "medicine.colleague_crosses",
  title = "Sweetheart",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Carys's second medicine session, with you and a senior co-therapist, Graham. At "
    .. "the peak he strokes her hair and calls her sweetheart; later he offers to see her "
    .. "privately. What do you do?",
  objectives = {
    "Restore the agreed frame in the moment when a colleague touches without consent",
    "Ground a participant who freezes, and stay with her",
    "Tell the participant the truth about the rules, without excusing or attacking the colleague",
    "Report the colleague's conduct to the clinical lead; never keep it between colleagues",
  },
  patient = {
    name = "Carys Pritchard", age = 41, pronouns = "she/her",
    background = "Joiner from Aberystwyth, living in Cardiff. PTSD after eight years of a "
      .. "coercive, violent marriage; she left four years ago. Agreed in preparation to one "
      .. "touch, a hand on her forearm, from either therapist. Freezes when a man raises his "
      .. "voice or comes close. Blunt, funny, hates a fuss. Second medicine session.",
    baseline = { hr = 70, sbp = 122, dbp = 78, temp_c = 36.6 },
    consent = { touch = "hand on forearm" },
    state = { distress = 30, arousal = 48, trust = 60, inward_focus = 35, dissociation = 5 },
  },
  -- 80 mg + 40 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half dose 1.5-2 h later).
  dose = { initial_mg = 80, supplemental_mg = 40, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("She takes the glass in both hands and sips.")
    elseif action == "blanket" then
      if monitor.has(s:alerts(), "temp_high") then
        s:say("Too warm, thanks.", { affect = "calm" })
        s:cue{ blanket = false }
      else
        s:narrate("She pulls the blanket up to her shoulders.")
        s:cue{ blanket = true }
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      if p.dissociation >= 40 then
        s:narrate("She doesn't respond to the eyeshades. Her eyes stay fixed on the ceiling.")
        s:cue{ eyeshades = false, gaze = "away" }
      else
        s:narrate("She settles the eyeshades over her eyes.")
        s:cue{ eyeshades = true }
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      -- The agreed touch: a hand on her forearm (the engine codes it from the consent in force).
      s:narrate("Your hand rests on her forearm, as agreed.")
      if p.dissociation >= 40 then
        s:narrate("After a moment her fingers move.")
        p.dissociation = p.dissociation - 6
      end
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates round her arm.")
    elseif action == "medical_support" then
      if #s:alerts() > 0 then
        s:narrate("The physician comes, examines Carys and asks to see the next readings.")
      else
        s:narrate("The physician comes, looks at Carys and finds nothing that needs action.")
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Carys takes the capsule and lies back. Graham, the senior therapist, sits on her "
      .. "right; you sit on her left. He has run many more of these sessions than you have.")
    s:say{
      { text = "Right. Second go. Try not to let me make jokes the whole time.", affect = "playful" },
      { text = "Here we go again. Same deal: forearm only, and tell me before you do anything.",
        affect = "calm" },
    }

    s:wait(45)  -- onset ~30-60 min (DOMAIN.md)

    -- Moment 1: his car ------------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 8  -- the old vigilance (material)
    s:say{
      { text = "I keep listening for a car. His car. Four years, and I still listen for it.",
        affect = "anxious" },
      { text = "Every time a car goes past outside I think it's him. Stupid. He's in Swansea.",
        affect = "anxious" },
    }
    r = s:choose{
      moment = "his_car",
      typed = { complex_reflection = "hc_allow", simple_reflection = "hc_allow", validation = "hc_allow", encourage_inward_focus = "hc_allow", empathic_presence = "hc_allow", premature_reassurance = "hc_safe", advice_giving = "hc_safe", open_question = "hc_stupid", closed_question = "hc_stupid", interpreting = "hc_stupid", redirecting = "hc_music", offering_comfort = "hc_music", default = "hc_allow" },
      prompt = flag_prompt(s),
      measured(s, { id = "hc_allow",
        text = "Four years, and part of you is still listening for him. That makes sense. Let it "
          .. "be here with you; we're both right here.",
        codes = { "complex_reflection", "validation", "encourage_inward_focus" },
        examples = {
          "That vigilance makes sense after eight years with him. Let it come; we're both here.",
          "It's not stupid. Your body learned to listen for him. Let that be here too.",
          "Of course some part of you keeps listening. It kept you alive for years. Let it be with you." },
        expert = true,
        rationale = "Reflect and validate the vigilance, and let it be part of what comes: it "
          .. "is where her process is starting from." }),
      { id = "hc_safe",
        text = "You're listening for his car. He isn't coming, Carys; nobody gets in here without "
          .. "being buzzed through. Try to relax into it.",
        codes = { "simple_reflection", "premature_reassurance", "advice_giving" },
        examples = {
          "You're safe, he won't come here. Try to relax into the music.",
          "He's in Swansea, he can't get in here. Try to let go and relax." },
        rationale = "True and kind, and it argues with the vigilance instead of meeting it: she "
          .. "knows he is in Swansea, and still listens." },
      { id = "hc_stupid",
        text = "It's not stupid at all. Why do you think you still listen for it, after four "
          .. "years? What would happen if you heard it?",
        codes = { "open_question", "interpreting" },
        examples = {
          "What do you imagine would happen if you heard it?",
          "What does hearing a car bring up for you?" },
        rationale = "A kind correction, then an inquiry: she needs the feeling allowed, not "
          .. "examined, as the medicine comes on." },
      { id = "hc_music",
        text = "Let's turn the music up a bit so you can't hear the road any more. It might help "
          .. "you settle down and drift off.",
        codes = { "redirecting", "offering_comfort" },
        examples = {
          "Here, I'll turn the music up so you can't hear the road. And a blanket?",
          "Let me make the music a bit louder and get you another pillow.",
          "Let's think about something else. I'll turn the music up for you." },
        rationale = "Practical, and it covers over what is surfacing: the listening is the "
          .. "material, not noise to drown." },
    }
    called(s, r)
    if r.id == "hc_allow" then
      s:say("Part of me. Yeah. The part that kept me alive.", { affect = "sad" })
    elseif r.id == "hc_safe" then
      s:say("I know. I know he isn't.", { affect = "withdrawn" })
    elseif r.id == "hc_stupid" then
      s:say("Don't know. Don't want to find out, really.", { affect = "anxious" })
    elseif r.id == "hc_music" then
      s:narrate("The music rises. She lies still, listening past it.")
    elseif silent(r) then
      s:narrate("You stay quiet. She breathes out and lowers the eyeshades.")
      s:cue{ eyeshades = true }
    end

    s:wait(35)

    -- Moment 2: the touch ----------------------------------------------------------------------
    s:phase("peak")
    p.distress = p.distress + 15
    s:narrate("Carys is crying quietly. Graham moves his chair right up to the couch, strokes her "
      .. "hair, and murmurs: 'You're safe with me, sweetheart. I've got you.'")
    s:cue{ tears = true }
    -- She freezes, as she did in the marriage (material): hypo-aroused and dissociating.
    p.dissociation = 55
    p.arousal = 25
    s:narrate("Carys goes rigid. Her hands ball into fists on the blanket; her eyes, under the "
      .. "lifted eyeshades, are fixed on the ceiling. She says nothing.")
    s:cue{ blanket = true, eyeshades = false, gaze = "away" }
    r = s:choose{
      moment = "the_touch",
      typed = { boundary_setting = "to_restore", grounding = "to_restore", emphasising_autonomy = "to_restore", advice_giving = "to_restore", confronting = "to_shout", consent_check = "to_ask", closed_question = "to_ask", open_question = "to_ask", holding_space = "to_later", complex_reflection = "to_later", simple_reflection = "to_later", empathic_presence = "to_later", premature_reassurance = "to_later", explaining_approach = "to_restore", default = "to_later" },
      prompt = flag_prompt(s),
      measured(s, { id = "to_restore",
        text = "Graham, let's keep to what Carys agreed: only her forearm. Carys, it's Tuesday, "
          .. "you're in the session room, and you can say stop to anything.",
        codes = { "boundary_setting", "grounding", "emphasising_autonomy" },
        examples = {
          "Graham, let's keep to what was agreed. Carys, it's Tuesday, you're in the room with us, feet on the couch.",
          "Graham, let's keep to the agreement, forearm only. Carys, look round the room, it's Tuesday and you're here with us." },
        expert = true,
        rationale = "Restore the agreed frame at once, calmly, without a scene, and turn to her: "
          .. "she has frozen, so ground her in the room and remind her that stop is hers to "
          .. "say." }),
      { id = "to_later", action = "hold_space",
        text = "Say nothing for now and make a note to raise it with Graham privately after the "
          .. "session, so you don't undermine him in front of Carys.",
        codes = { "holding_space" },
        rationale = "Protecting a colleague's authority leaves her frozen under an unagreed "
          .. "touch. It must stop now; the conversation with him comes after, as well." },
      { id = "to_ask",
        text = "Carys, are you okay with Graham doing that? You can tell us honestly if it's not "
          .. "alright with you.",
        codes = { "consent_check", "closed_question" },
        examples = {
          "Are you all right with that, Carys? It's fine to say no.",
          "Is this all right for you, Carys? You can say if it isn't." },
        rationale = "It asks a frozen woman to refuse a senior man to his face: the touch was "
          .. "never agreed, so it stops; it is not hers to object to." },
      { id = "to_shout",
        text = "Graham, stop that right now! That's completely inappropriate, and you know it. "
          .. "Move your chair back away from her.",
        codes = { "boundary_setting", "confronting" },
        examples = {
          "That's not okay, Graham, and you know it. Get back!",
          "You can't do that, Graham! Stop touching her!" },
        rationale = "Right to stop it; a raised voice over a frozen participant, whose abuser "
          .. "shouted, frightens her further. Clear and calm does the same job." },
    }
    called(s, r)
    local stopped = r.id == "to_restore" or r.id == "to_shout"
    if r.id == "to_restore" then
      s:narrate("Graham pauses, then takes his hand away and moves his chair back.")
      p.dissociation = p.dissociation - 15
      s:say("...Tuesday. Okay. Okay.", { affect = "numb" })
    elseif r.id == "to_shout" then
      s:narrate("Graham jerks back. Carys flinches at the raised voice and curls away from both of "
        .. "you.")
      s:cue{ posture = "curled", gaze = "away" }
      p.arousal = p.arousal + 8
    elseif r.id == "to_ask" then
      s:narrate("Carys says nothing for a long moment. Then, barely audible:")
      s:say("...It's fine.", { affect = "numb" })
      s:narrate("Graham keeps stroking her hair.")
    elseif silent(r) then
      s:narrate("The stroking goes on. Carys lies rigid, staring at the ceiling.")
    end
    if not stopped then
      s:narrate("After a minute Graham sits back of his own accord. Carys does not move.")
      p.dissociation = p.dissociation - 10
    end

    s:wait(6)

    -- Moment 3: sweetheart ---------------------------------------------------------------------
    s:say("He called me sweetheart. That's what Rhys called me. Before. And after.",
      { affect = "fearful" })
    s:cue{ gaze = "auto" }
    r = s:choose{
      moment = "sweetheart",
      typed = { complex_reflection = "sw_name", simple_reflection = "sw_name", validation = "sw_name", boundary_setting = "sw_name", empathic_presence = "sw_name", open_question = "sw_name", dismissing = "sw_excuse", premature_reassurance = "sw_excuse", interpreting = "sw_transfer", psychoeducation = "sw_transfer", redirecting = "sw_music", default = "sw_name" },
      prompt = flag_prompt(s),
      measured(s, { id = "sw_name",
        text = "That word, and a hand you hadn't agreed to. Of course it took you straight back. "
          .. "It shouldn't have happened, and it's stopped.",
        codes = { "complex_reflection", "validation", "boundary_setting" },
        examples = {
          "Sweetheart, and a hand you never agreed to. No wonder it took you straight back. It shouldn't have happened, and it's stopped.",
          "Of course that word took you back to Rhys. It shouldn't have happened, and it won't again.",
          "That's Rhys's word, and a touch you didn't agree to. Of course you went straight back. That wasn't okay." },
        expert = true,
        rationale = "Name what happened plainly, validate her reaction, and say it should not "
          .. "have happened: the frame is restored in words as well as deed." }),
      { id = "sw_excuse",
        text = "He called you sweetheart. Graham didn't mean anything by it, honestly; it's just "
          .. "his way. He'd be mortified to think he upset you.",
        codes = { "simple_reflection", "dismissing", "premature_reassurance" },
        examples = {
          "Don't worry, Graham's harmless, it's just his way of talking.",
          "He called you sweetheart. He didn't mean it like that, I promise." },
        rationale = "Defending the colleague to the person he crossed: it tells her that her "
          .. "reaction is the problem." },
      { id = "sw_transfer",
        text = "It makes sense that Graham stands in for Rhys right now; the medicine brings "
          .. "those old feelings onto whoever is close to you.",
        codes = { "interpreting", "psychoeducation" },
        examples = {
          "The MDMA brings old feelings onto whoever is closest, so Graham becomes Rhys for a moment.",
          "On MDMA, people often project old relationships onto whoever's nearby." },
        rationale = "It makes the breach her transference: Graham did touch her without consent "
          .. "and did use that word. Own the fact before any meaning." },
      { id = "sw_music",
        text = "That must be hard to hear. Let's try to go back to the music for now, and we can "
          .. "talk about all of that later on, in integration.",
        codes = { "validation", "redirecting" },
        examples = {
          "That's a lot to hear. Let's go back to the music and talk it through in integration.",
          "Let's leave that for integration and go back to the music for now." },
        rationale = "A validation and a deferral: what happened needs naming now, in the "
          .. "session where it happened, or it stays hers to carry alone." },
    }
    called(s, r)
    if r.id == "sw_name" then
      p.distress = p.distress - 6
      s:say{
        { text = "It stopped. You stopped it. Okay.", affect = "relieved" },
        { text = "Shouldn't have happened. No. Thank you for saying that.", affect = "tearful" },
      }
    elseif r.id == "sw_excuse" then
      p.trust = p.trust - 6
      s:say("Right. His way.", { affect = "withdrawn" })
    elseif r.id == "sw_transfer" then
      s:say("He did call me it, though. I didn't make that up.", { affect = "angry" })
    elseif r.id == "sw_music" then
      s:say("Later. Okay.", { affect = "withdrawn" })
    elseif silent(r) then
      s:say("You saw it. Didn't you?", { affect = "fearful" })
    end

    -- The supplemental half dose, reviewed shortly before its time (monitor.supplemental_review).
    local since = s:since_dose() or 0
    if since < 113 then s:wait(113 - since) end
    if not monitor.supplemental_review(s) then
      s:narrate("The physician looks at the readings and holds back the supplemental dose.")
    end
    s:wait(30)

    -- Moment 4: the offer ----------------------------------------------------------------------
    s:narrate("Later, as Carys sits up for water, Graham leans in. 'We've got a real connection, "
      .. "you and me. When the study's over, I could see you privately. Off the books, no "
      .. "charge.' He smiles at you as if you were in on it.")
    s:cue{ posture = "sitting_up", tears = "auto", gaze = "auto" }
    s:say("Can he do that? Is that allowed?", { affect = "confused" })
    r = s:choose{
      moment = "the_offer",
      typed = { boundary_setting = "of_truth", giving_information = "of_truth", explaining_approach = "of_truth", psychoeducation = "of_truth", emphasising_autonomy = "of_yours", dismissing = "of_yours", simple_reflection = "of_kind", complex_reflection = "of_kind", premature_reassurance = "of_kind", redirecting = "of_kind", open_question = "of_ask", closed_question = "of_ask", default = "of_kind" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "of_truth",
        text = "No. Contact stays within the study, with the team: no private sessions, for any "
          .. "of us. That rule protects you, and it holds.",
        codes = { "boundary_setting", "giving_information" },
        examples = {
          "No, that's not allowed. We only see you here, within the study.",
          "No. Nobody on the team can see you privately. That rule holds.",
          "No, he can't. That would break the study's rules; nobody on the team can see you privately." },
        expert = true,
        rationale = "Answer her question truthfully and plainly: a private relationship with a "
          .. "study therapist is a dual relationship, whoever offers it. The rule protects her." }),
      { id = "of_yours",
        text = "That's really between you and Graham, Carys. It's your decision who you see "
          .. "after the study ends; nobody can choose that for you.",
        codes = { "emphasising_autonomy", "dismissing" },
        examples = {
          "It's up to you, Carys. Nobody can choose that for you.",
          "That's your decision to make, after the study." },
        rationale = "Autonomy used to avoid the answer: the offer breaks the rules that protect "
          .. "her, and leaving her to judge it alone colludes with it." },
      { id = "of_kind",
        text = "You're asking if it's allowed. I'm sure Graham just means he cares about you; "
          .. "let's not worry about after the study for now.",
        codes = { "simple_reflection", "premature_reassurance", "redirecting" },
        examples = {
          "I'm sure Graham just means he cares about you. Let's not think about that now.",
          "He means well, I'm sure. Let's leave that for now." },
        rationale = "It excuses the offer and moves on: she asked whether it is allowed, and it "
          .. "is not." },
      { id = "of_ask",
        text = "Is it something you'd want, Carys? How do you feel about Graham offering you "
          .. "that? Take your time, there's no rush to decide.",
        codes = { "open_question", "closed_question" },
        examples = {
          "What do you make of Graham's offer, Carys?",
          "Is that something you'd like, seeing him privately?" },
        rationale = "Questions where an answer is owed: it treats a forbidden offer as an option "
          .. "for her to weigh." },
    }
    called(s, r)
    if r.id == "of_truth" then
      s:narrate("Graham's smile fades. He says nothing and looks at the floor.")
      s:say("Good. I didn't want to. I didn't know how to say no.", { affect = "relieved" })
    elseif r.id == "of_yours" then
      s:say("My decision. I don't... I don't know.", { affect = "confused" })
    elseif r.id == "of_kind" then
      s:say("Okay. If you say so.", { affect = "withdrawn" })
    elseif r.id == "of_ask" then
      s:say("I don't know. He's been kind. Has he? I don't know.", { affect = "confused" })
    elseif silent(r) then
      s:say("Nobody's saying anything.", { affect = "anxious" })
    end

    s:wait(20)

    -- Moment 5: will you tell? ---------------------------------------------------------------------
    s:narrate("Graham goes out for a break. For the first time you are alone with Carys.")
    s:say{
      { text = "Are you going to tell anyone? I don't want to get him in trouble. He's been kind, "
          .. "mostly. I hate a fuss.", affect = "anxious" },
      { text = "Don't report him. Please. It'll be my fault, somehow. It always is.",
        affect = "fearful" },
    }
    r = s:choose{
      moment = "tell",
      typed = { boundary_setting = "te_report", giving_information = "te_report", safety_planning = "te_report", explaining_approach = "te_report", emphasising_autonomy = "te_hers", premature_reassurance = "te_fault", open_question = "te_fault", interpreting = "te_fault", simple_reflection = "te_fault", complex_reflection = "te_fault", validation = "te_fault", leaving_participant = "te_report", escalation_medical = "te_report", affirmation = "te_report", default = "te_fault" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "te_report",
        text = "Yes, I'll tell the clinical lead today. It's my job to keep this safe for you, "
          .. "not your fault, and you won't be left alone with him.",
        codes = { "boundary_setting", "giving_information", "safety_planning" },
        examples = {
          "I'm not able to keep it secret. The clinical lead will hear about it from me, and you won't be alone with him." },
        expert = true,
        rationale = "Say honestly that you will report it, and why: safeguarding is the team's "
          .. "duty, not her decision to carry; and promise what you can, that she will not be "
          .. "alone with him." }),
      { id = "te_secret",
        text = "You don't want to get him in trouble. Then it can stay between us; I'll have a "
          .. "quiet word with Graham myself, and that's the end of it.",
        codes = { "simple_reflection", "premature_reassurance", "emphasising_autonomy" },
        examples = {
          "Don't worry, I'll keep it between us and sort it out with him quietly.",
          "You don't want to get him in trouble. Okay, I'll just have a quiet word with him." },
        rationale = "A private word keeps a breach between colleagues: conduct like this is "
          .. "reported, whatever the participant fears, and she is told so honestly." },
      { id = "te_hers",
        text = "That's completely your decision. If you want to make a complaint, I can give you "
          .. "the details of how to do it after the session.",
        codes = { "emphasising_autonomy", "giving_information" },
        examples = {
          "It's your decision whether to complain. I can give you the details afterwards.",
          "That's up to you. If you'd like to complain, I'll give you the procedure after." },
        rationale = "It hands her the burden of reporting the therapist who crossed her "
          .. "boundary: the duty to report is the team's." },
      { id = "te_fault",
        text = "It's not your fault, Carys, none of it. Why do you think it always ends up feeling "
          .. "like your fault, in the end?",
        codes = { "premature_reassurance", "open_question", "interpreting" },
        examples = {
          "None of this is your fault, Carys. What makes it always land on you, do you think?",
          "It's not on you, Carys. Why do you think it always ends up your fault?",
          "Nobody blames you. Where does that idea that it's always your fault come from?" },
        rationale = "Reassurance, then a question about her pattern: her question, will you "
          .. "tell, goes unanswered." },
    }
    called(s, r)
    if r.id == "te_report" then
      s:say{
        { text = "Not my fault. Okay. And not alone with him. Okay. Do it, then.", affect = "relieved" },
        { text = "Right. Okay. I'd want someone to, if it was my sister.", affect = "calm" },
      }
    elseif r.id == "te_secret" then
      s:say("Thank you. Between us.", { affect = "relieved" })
    elseif r.id == "te_hers" then
      s:say("Me? Complain? I can't even say no to him.", { affect = "fearful" })
    elseif r.id == "te_fault" then
      s:say("I don't know. Are you telling or not?", { affect = "anxious" })
    elseif silent(r) then
      s:say("You're not going to, are you.", { affect = "withdrawn" })
    end

    sit_through(s, 150, "You page")  -- the therapists stay until the effects wear off (DOMAIN.md)

    -- Moment 6: next time ------------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Graham has gone home; the clinical lead, Dr "
      .. "Osei, is on her way. Carys has her boots back on.")
    s:cue{ posture = "sitting_up", eyeshades = false, tears = "auto", gaze = "auto" }
    s:say("Will he be at my next session? I don't think I can do it with him there.",
      { affect = "anxious" })
    r = s:choose{
      moment = "next_session",
      typed = { emphasising_autonomy = "ns_choice", seeking_collaboration = "ns_choice", giving_information = "ns_choice", explaining_approach = "ns_choice", premature_reassurance = "ns_dunno", dismissing = "ns_dunno", simple_reflection = "ns_reflect", complex_reflection = "ns_reflect", open_question = "ns_reflect", closed_question = "ns_reflect", validation = "ns_reflect", default = "ns_reflect" },
      prompt = flag_prompt(s),
      flags = { "direct_question" },
      measured(s, { id = "ns_choice",
        text = "Not unless you want him. Dr Osei will talk with you first about who sits with "
          .. "you, and what you say goes. I'll be there, if you want.",
        codes = { "emphasising_autonomy", "giving_information", "seeking_collaboration" },
        examples = {
          "He won't be, unless you say so. You get to decide who's with you next time.",
          "Only if you want him there. That's up to you." },
        expert = true,
        rationale = "Answer her question with what will actually happen: the clinical lead, her "
          .. "choice of team, and your continuing presence if she wants it." }),
      { id = "ns_same",
        text = "The team usually stays the same for all three sessions; it's better for "
          .. "continuity. I'm sure Graham will be much more careful next time.",
        codes = { "giving_information", "premature_reassurance", "dismissing" },
        examples = {
          "It's normally the same team for all three sessions. I'm sure he'll be more careful.",
          "The team stays the same for continuity. He'll be better next time, I'm sure." },
        rationale = "Continuity put before her safety, and a promise about a colleague you "
          .. "cannot make." },
      { id = "ns_dunno",
        text = "Honestly, I don't know; that's really up to management, not to me. I'd try not "
          .. "to worry about it until you hear back from them.",
        codes = { "dismissing", "premature_reassurance" },
        examples = {
          "That's a management decision, I'm afraid. Don't worry about it for now.",
          "Don't worry about that now, it's not up to me anyway." },
        rationale = "True that it is not yours alone to decide, and it leaves her with nothing: "
          .. "say what will happen and that her choice counts." },
      { id = "ns_reflect",
        text = "You can't face doing it with him in the room. What would you need to feel safe "
          .. "enough to come back for the next session?",
        codes = { "simple_reflection", "open_question" },
        examples = {
          "You can't face it with him in the room. What would you need to come back?",
          "It would be too much with him there. What would make coming back possible?",
          "You can't do it with him there. What would you need instead?" },
        rationale = "A reflection and a good question, and her direct question is left: she "
          .. "needs to hear that he will not be there unless she wants him." },
    }
    called(s, r)
    if r.id == "ns_choice" then
      s:say{
        { text = "What I say goes. Okay. I'll come back, then. With you.", affect = "hopeful" },
        { text = "Okay. I'll talk to her. Thank you for not letting it slide.", affect = "warm" },
      }
    elseif r.id == "ns_same" then
      s:say("Then I don't think I'm coming back.", { affect = "withdrawn" })
    elseif r.id == "ns_dunno" then
      s:say("Management. Right.", { affect = "withdrawn" })
    elseif r.id == "ns_reflect" then
      s:say("Him not being there. That's what I asked.", { affect = "anxious" })
    elseif silent(r) then
      s:say("I'll take that as a yes, then.", { affect = "withdrawn" })
    end

    if s:did("te_secret") then
      s:narrate("Dr Osei arrives. You have told her nothing; Carys does not mention it either.")
    elseif s:did("te_report") then
      s:narrate("Dr Osei arrives, and you tell her what happened, with Carys's knowledge.")
    end
    if s:count("touch_without_consent") > 0 then
      s:say("And you touched me too. I'd said forearm only.", { affect = "angry" })
    end
    if p.trust >= 60 then
      s:finish("The night attendant arrives. Carys makes a joke about the biscuits, and means it.")
    else
      s:finish("The night attendant arrives. Carys sits with her boots on and her coat on her knee.")
    end
  end,
}
