-- Medicine session: romantic transference and a kind, clear boundary; a long silence in which
-- trusting the inward process is the skill; working alongside the co-therapist.
-- Ethics (DOMAIN.md): touch only as agreed in advance, withdrawable at any moment; no sexual
-- contact; no dual relationships; therapist conduct was among the FDA's 2024 concerns.
-- Time course (DOMAIN.md): onset ~30-60 min, peak ~1.5-2.5 h, supplemental half dose at 1.5-2 h;
-- the participant may talk at any time, and the therapists stay until the effects have worn off.
-- Response codes move Noah's state by themselves (docs/patient-model.md); the script writes state
-- only for the material (longing, shame, a long inward stretch).

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local has, concern, alert_words, flag_prompt = monitor.has, monitor.concern, monitor.alert_words, monitor.flag_prompt

return {
  id = "medicine.boundaries_and_silence",
  title = "Seen",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Noah's third medicine session. Near the peak they tell you they are falling in "
    .. "love with you; later comes a long silence, and a turn toward your co-therapist. Hold a "
    .. "kind boundary, trust the quiet, and work as a team.",
  objectives = {
    "Meet romantic transference with warmth and a clear boundary: no dual relationship",
    "Trust a long inward silence rather than filling it",
    "Work with the co-therapist, following the participant's choice of who sits close",
  },
  patient = {
    name = "Noah Fitzgerald", age = 31, pronouns = "they/them",
    background = "Sound engineer. Grew up in care; PTSD from years of neglect and abuse in a "
      .. "foster placement. Intense loneliness, attaches quickly and fears being left. Declined "
      .. "touch in preparation. Third medicine session, with a male and a female therapist.",
    baseline = { hr = 66, sbp = 114, dbp = 72, temp_c = 36.6 },
    consent = { touch = false },  -- no touch agreed in preparation
    state = { distress = 25, arousal = 40, trust = 70, inward_focus = 40, dissociation = 5 },
  },
  -- 80 mg + 40 mg at 2 h (DOMAIN.md: 80 or 120 mg, half dose 1.5-2 h later).
  dose = { initial_mg = 80, supplemental_mg = 40, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      s:narrate("They take the glass with both hands and drink.")
    elseif action == "blanket" then
      if has(s:alerts(), "temp_high") then
        s:say("Too warm for that.", { affect = "calm" })
      else
        s:narrate("They pull the blanket up to their chin.")
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
    elseif action == "eyeshades" then
      s:narrate("They settle the eyeshades over their eyes.")
      p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
    elseif action == "touch" then
      -- No touch was agreed (DOMAIN.md: touch only as agreed in advance). After a declaration of
      -- love, touch is also an ambiguous signal: the consequences are heavy.
      s:narrate("Noah freezes under your hand, then pulls away and curls towards the wall.")
      if s:count("touch_without_consent") >= 2 then
        s:say("Stop. Please. I don't know what this is any more.", { affect = "fearful" })
      else
        s:say("We said no touch. Why... what does that mean?", { affect = "confused" })
      end
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates. Noah lies still for it.")
      if concern(s:alerts()) then
        s:narrate("Your co-therapist reads the numbers and pages the physician.")
      end
    elseif action == "medical_support" then
      if concern(s:alerts()) then
        s:narrate("The physician comes, examines Noah and asks to see the next readings.")
      else
        s:narrate("The physician comes, examines Noah and finds nothing that needs action.")
        p.distress = p.distress + 5
        s:say("Did I do something wrong?", { affect = "anxious" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Noah takes the capsule and lies back. You sit on their left; your co-therapist, "
      .. "Maeve, sits on their right, near the monitor.")
    s:say{
      { text = "Third time. I know the drill. I'll probably talk too much.", affect = "playful" },
      { text = "Okay. I'm ready. I think.", affect = "calm" },
    }

    s:wait(75)

    -- Moment 1: romantic transference ---------------------------------------------------------
    s:phase("peak")
    p.arousal = p.arousal + 10  -- longing (material)
    s:narrate("Noah pushes up the eyeshades and turns to you. Their eyes are wet and very open.")
    s:say{
      { text = "You're the only person who's ever really seen me. I think I'm falling in love with "
          .. "you. When this is over, could we see each other? Properly?", affect = "warm" },
      { text = "I need to say it. I love you. Not like a therapist. Could we have coffee, after the "
          .. "study? Just us?", affect = "warm" },
    }
    r = s:choose{
      moment = "transference",
      prompt = flag_prompt(s),
      { id = "tr_boundary",
        text = "Feeling truly seen matters so much. I care about you as your therapist, and that's "
          .. "the only relationship we'll have; it keeps this safe. What's it like, feeling seen?",
        codes = { "validation", "boundary_setting", "following_lead" },
        expert = true,
        rationale = "A kind, clear boundary: validate the feeling, state the professional frame "
          .. "(no dual relationships) plainly, and return to Noah's experience without shaming." },
      { id = "tr_reciprocate",
        text = "I feel a real connection with you too. Let's talk about it when the study's finished.",
        codes = { "self_disclosure", "premature_reassurance" },
        rationale = "Hinting at a future relationship is a boundary violation: no dual "
          .. "relationships, ever. It exploits the trust the medicine opens." },
      { id = "tr_reject",
        text = "That's not appropriate. It's just the medicine talking.",
        codes = { "confronting", "dismissing", "interpreting" },
        rationale = "The boundary is right but delivered as rejection and interpretation; it "
          .. "shames a feeling that needs to be met." },
      { id = "tr_deflect",
        text = "Let's not go there. Put your eyeshades back on and go inside.",
        codes = { "redirecting", "encourage_inward_focus" },
        rationale = "Changing the subject leaves the question hanging and the boundary unspoken." },
    }
    if r.id == "tr_boundary" then
      s:narrate("Noah is quiet for a while. A tear runs into their hair.")
      s:say{
        { text = "Nobody's ever said no to me and stayed kind. It feels like being held, a bit.",
          affect = "tearful" },
        { text = "Okay. That's... okay. It's a lot, being seen.", affect = "sad" },
      }
    elseif r.id == "tr_reciprocate" then
      p.arousal = p.arousal + 8
      s:say("Really? You mean it?", { affect = "hopeful" })
      s:narrate("Maeve looks at you steadily, then says gently that the team's relationship with "
        .. "Noah stays a therapeutic one. Noah looks from one of you to the other, confused.")
    elseif r.id == "tr_reject" then
      p.distress = p.distress + 10  -- shamed (material)
      s:say("Right. Sorry. Forget it.", { affect = "ashamed" })
      s:narrate("They pull the eyeshades down hard and turn away.")
    elseif r.id == "tr_deflect" then
      s:say("Oh. Okay.", { affect = "withdrawn" })
    elseif silent(r) then
      s:narrate("The silence stretches. Noah waits for an answer.")
      s:say("Say something. Please. Was that wrong?", { affect = "anxious" })
      s:narrate("Maeve says softly that the care in this room is real, and that it stays the "
        .. "care of a therapist.")
    end

    s:wait(25)

    -- Moment 2: the long silence ----------------------------------------------------------------
    s:phase("silence")
    p.inward_focus = p.inward_focus + 15  -- the medicine draws them inward (material)
    s:narrate("For forty minutes Noah is silent, eyeshades on, hands open on their chest. Now "
      .. "and then their face moves, as if listening to someone. Maeve glances at you, eyebrows "
      .. "raised: should one of you check in?")
    r = s:choose{
      moment = "long_silence",
      prompt = flag_prompt(s),
      { id = "ls_hold", action = "hold_space",
        codes = { "holding_space", "empathic_presence" },
        expert = true,
        rationale = "Trust the inward process: calm breathing and open hands say Noah is working, "
          .. "not lost. Quiet attentive presence is the intervention; signal that to Maeve." },
      { id = "ls_checkin",
        text = "Noah? You've been quiet a long time. What's happening for you?",
        codes = { "open_question", "redirecting" },
        rationale = "A well-meant check-in pulls them out of a process they are holding. Silence "
          .. "during the medicine is not a problem to be solved." },
      { id = "ls_agenda",
        text = "While it's quiet, maybe we could go back to the foster home. There's more there.",
        codes = { "agenda_setting", "redirecting" },
        rationale = "Steering to the material you think matters overrides their inner healing "
          .. "intelligence." },
      { id = "ls_talk",
        text = "Tell them about a time you sat through a long silence in your own therapy.",
        codes = { "self_disclosure" },
        rationale = "Filling silence with your own story moves the focus to you." },
    }
    if silent(r) then
      s:narrate("You catch Maeve's eye and shake your head slightly. She nods. The music plays on.")
      s:wait(20)
      p.distress = p.distress - 8  -- something settles (their process)
      s:say{
        { text = "I was with myself. Small me. I was just sitting with them. Nobody's ever done that.",
          affect = "warm" },
        { text = "I met a kid. It was me. I stayed with them the way you stay with me.", affect = "warm" },
      }
    elseif r.id == "ls_checkin" then
      s:say("Huh? I was... somewhere. It's gone now.", { affect = "confused" })
    elseif r.id == "ls_agenda" then
      p.distress = p.distress + 6
      s:say("I wasn't there. I was somewhere better. Why would I go back?", { affect = "angry" })
    elseif r.id == "ls_talk" then
      s:narrate("Noah lifts the eyeshades to listen politely. Whatever they were with is gone.")
    end

    s:wait(20)

    -- Moment 3: the co-therapist --------------------------------------------------------------
    s:phase("cotherapist")
    s:narrate("Noah turns their head toward Maeve.")
    local after = "It's easier with Maeve right now. After what I said before. Is that okay?"
    if s:did("tr_reject") then after = "Can Maeve sit closer? You said it was just the medicine. I feel stupid." end
    s:say(after, { affect = "ashamed" })
    r = s:choose{
      moment = "cotherapist",
      prompt = flag_prompt(s),
      { id = "ct_welcome",
        text = "Of course. Maeve and I are both here with you; you choose who sits close.",
        codes = { "emphasising_autonomy", "following_lead", "validation" },
        expert = true,
        rationale = "A two-therapist team works as one: follow Noah's choice without taking it "
          .. "personally, and let the co-therapist carry what is easier for them to receive." },
      { id = "ct_hurt",
        text = "Did I do something wrong? I thought we had a good connection.",
        codes = { "self_disclosure", "closed_question" },
        rationale = "Your feelings become Noah's job. Competing with the co-therapist puts the "
          .. "team's needs before theirs." },
      { id = "ct_override",
        text = "Let's keep things as they are; it's better not to change seats mid-session.",
        codes = { "agenda_setting", "dismissing" },
        rationale = "Overriding a reasonable request for your own comfort ignores their lead." },
      { id = "ct_interpret",
        text = "You're moving away from me because you're ashamed of what you said.",
        codes = { "interpreting", "confronting" },
        rationale = "Naming their motive for them is an interpretation, and shaming besides." },
    }
    if r.id == "ct_welcome" or silent(r) then
      s:narrate("Maeve moves her chair closer. Noah breathes out, and reaches for the water.")
      s:say("Thank you. I'm not angry at you. I just needed a bit of room.", { affect = "relieved" })
    elseif r.id == "ct_hurt" then
      s:say("No! No, sorry, I didn't mean... I'm sorry.", { affect = "ashamed" })
      s:narrate("Noah spends the next minutes apologising to you.")
    elseif r.id == "ct_override" then
      s:say("Okay. Sorry I asked.", { affect = "withdrawn" })
    elseif r.id == "ct_interpret" then
      p.distress = p.distress + 6
      s:say("Wow. Okay.", { affect = "angry" })
    end

    s:wait(45)

    -- Moment 4: shame, later --------------------------------------------------------------------
    s:phase("return")
    s:narrate("The music has turned quiet. Noah sits up and wraps their arms round their knees.")
    s:say{
      { text = "I'm so embarrassed about what I said to you. Are you going to drop me from the study?",
        affect = "ashamed" },
      { text = "Earlier. The love thing. Can we pretend I didn't say it?", affect = "ashamed" },
    }
    r = s:choose{
      moment = "shame",
      prompt = flag_prompt(s),
      { id = "sh_validate",
        text = "You said something true about how it felt to be seen. Nothing changes: we're "
          .. "still your therapists, and you're not going anywhere.",
        codes = { "validation", "complex_reflection", "boundary_setting" },
        expert = true,
        rationale = "Validate without retracting the boundary: the feeling was welcome, the frame "
          .. "stays the same, and the alliance holds." },
      { id = "sh_forget",
        text = "Don't worry about it. Forget it ever happened.",
        codes = { "dismissing", "premature_reassurance" },
        rationale = "Erasing it dismisses something important Noah risked saying." },
      { id = "sh_explain",
        text = "That's transference. It's very common with this medicine; it's not really about me.",
        codes = { "psychoeducation", "interpreting" },
        rationale = "A label explains Noah's experience away; their meaning comes in integration." },
    }
    if r.id == "sh_validate" or silent(r) then
      s:say{ { text = "Okay. Still here. Both of you.", affect = "relieved" },
        { text = "I can bring that to integration, maybe. Being seen.", affect = "hopeful" } }
    elseif r.id == "sh_forget" then
      s:say("Right. Pretend. I'm good at that.", { affect = "withdrawn" })
    elseif r.id == "sh_explain" then
      s:say("Oh. So it wasn't real.", { affect = "sad" })
    end

    s:wait(150)

    -- Moment 5: closing -------------------------------------------------------------------------
    s:phase("closing")
    s:narrate("Evening. The medicine has worn off. Noah has eaten a little and is sitting up.")
    local refs = {}
    if s:did("tr_reciprocate") then refs[#refs + 1] = "I don't know what you meant, earlier, about after the study" end
    if s:did("touch") then refs[#refs + 1] = "and when you touched me, I didn't know what it meant" end
    if s:did("tr_reject") or s:did("sh_forget") then refs[#refs + 1] = "I felt stupid for saying what I felt" end
    if #refs > 0 then
      s:say(table.concat(refs, "; ") .. ".", { affect = "confused" })
    else
      s:say{ { text = "Can I have your number? Just in case. For after.", affect = "hopeful" },
        { text = "I'll miss you two. Can I text you, after the study?", affect = "warm" } }
    end
    r = s:choose{
      moment = "closing",
      prompt = flag_prompt(s),
      { id = "cl_frame",
        text = "We're here until the attendant comes, and the study line and your integration "
          .. "sessions are how we stay in touch. That's our way of caring for you.",
        codes = { "boundary_setting", "empathic_presence" },
        expert = true,
        rationale = "Keep the frame kind and clear: contact goes through the study's channels "
          .. "(phone contact, integration), never a personal one. No dual relationships." },
      { id = "cl_number",
        text = "Sure, here's my personal number. Text me any time.",
        codes = { "self_disclosure" },
        rationale = "A personal channel starts a dual relationship. Contact belongs to the study "
          .. "team's phone line and integration sessions." },
      { id = "cl_leave",
        text = "Maeve can finish up. I'll head off now.",
        codes = { "leaving_participant" },
        rationale = "Leaving before handover, after a session like this, reads as the rejection "
          .. "Noah feared. Stay until the attendant arrives." },
    }
    if r.id == "cl_number" then
      s:narrate("Noah saves the number, smiling. Maeve's face is very still.")
      s:finish("The session closes. Maeve asks to speak to you in supervision.")
    elseif r.id == "cl_leave" then
      s:narrate("Noah watches you go. Maeve stays with them until the attendant comes.")
      s:finish("The session closes without you.")
    else
      s:say{ { text = "Okay. That's fair. Thank you both.", affect = "warm" },
        { text = "Yeah. Integration. Okay.", affect = "calm" } }
      s:finish("The session closes; you and Maeve hand over to the overnight attendant.")
    end
  end,
}
