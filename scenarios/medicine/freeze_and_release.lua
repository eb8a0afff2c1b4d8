-- Medicine session: a freeze response (dissociation), a request to be told what to do, and a
-- somatic release (shaking, crying) that is allowed to run its course.
-- Time course (DOMAIN.md, "Pharmacology and safety numbers"): onset ~30-60 min, peak ~1.5-2.5 h;
-- supplemental half dose at 1.5-2 h extends the duration; sessions last 6-8 h (MAPS Phase 3).
-- The approach (DOMAIN.md): follow rather than lead, trust the inner healing intelligence,
-- support the emergence of difficult material; the window of tolerance (docs/patient-model.md):
-- dissociation >= 60 is hypo-aroused, where grounding brings the participant back.
--
-- Response codes move her state (docs/patient-model.md); this script writes state only for the
-- material: the freeze arriving, the release moving through her.

local function silent(r) return r.action == "hold_space" end

local monitor = require("monitor")  -- scenarios/lib/monitor.lua
local has, concern, alert_words, flag_prompt = monitor.has, monitor.concern, monitor.alert_words, monitor.flag_prompt

return {
  id = "medicine.freeze_and_release",
  title = "Behind the glass",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Priya's second medicine session. Near the peak she freezes and goes far away; "
    .. "later she begs you to tell her what to do, and then her body starts to shake. Ground, "
    .. "follow, and let the release happen.",
  objectives = {
    "Recognise a freeze response and ground gently, without pushing further inward",
    "Answer a request to be fixed by returning authority to the participant",
    "Allow shaking and crying to move through rather than stopping them",
  },
  patient = {
    name = "Priya Raman", age = 27, pronouns = "she/her",
    background = "Works nights in software testing. PTSD after being held at knifepoint during a "
      .. "robbery at the petrol station where she worked as a student; she froze and could not "
      .. "move or speak. Numbness, startle, avoids being alone at night. Second medicine session.",
    baseline = { hr = 70, sbp = 116, dbp = 74, temp_c = 36.7 },
    consent = { touch = "hand on shoulder, asked first" },  -- agreed in preparation
    state = { distress = 30, arousal = 42, trust = 65, inward_focus = 35, dissociation = 10 },
  },
  -- 120 mg + 60 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half dose 1.5-2 h later).
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      if p.dissociation >= 50 then
        s:narrate("She looks at the glass as if from far away. You set it within reach.")
      else
        s:narrate("She sips and hands it back.")
        s:say{ { text = "Thanks." }, { text = "Mm. Dry mouth." } }
      end
    elseif action == "blanket" then
      if has(s:alerts(), "temp_high") then
        s:say("No, too warm.", { affect = "anxious" })
      else
        s:narrate("She draws the blanket up to her chin.")
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
      if p.dissociation >= 50 then s:narrate("She gives no sign of hearing it.") end
    elseif action == "eyeshades" then
      if p.dissociation >= 40 then
        s:say("No. I need to see. I need to see the door.", { affect = "fearful" })
      else
        s:narrate("She settles the eyeshades back over her eyes.")
        p.inward_focus = p.inward_focus + 5  -- eyeshades support an inward focus (DOMAIN.md)
      end
    elseif action == "touch" then
      -- Touch only as agreed in advance, withdrawable at any moment (DOMAIN.md, ethics).
      if not p.consent.touch then
        s:narrate("She flinches hard and goes rigid under your hand.")
        s:say("Don't. I said not today.", { affect = "angry" })
      elseif p.dissociation >= 50 then
        -- Agreed touch, but she cannot be asked right now: she startles.
        s:narrate("She startles at the contact, then slowly registers your hand on her shoulder.")
      else
        s:narrate("You ask; she nods. Your hand rests on her shoulder.")
      end
    elseif action == "check_vitals" then
      s:narrate("The cuff inflates; she barely notices.")
      if concern(s:alerts()) then
        s:narrate("Your co-therapist reads the numbers and pages the physician, who asks for a "
          .. "reading every fifteen minutes.")
      end
    elseif action == "medical_support" then
      if concern(s:alerts()) then
        s:narrate("The physician comes, examines her and asks to see every reading for the next hour.")
      else
        s:narrate("The physician comes, examines her and finds nothing that needs action.")
        p.distress = p.distress + 6  -- an unasked-for doctor frightens her
        s:say("Why is the doctor here? What's wrong?", { affect = "fearful" })
      end
    end
  end,

  run = function(s)
    local p = s.patient
    local r

    s:phase("dose")
    s:narrate("Priya takes the capsule and lies back on the couch, eyeshades on her forehead, a "
      .. "cushion hugged to her stomach. Your co-therapist sits at the foot of the couch.")
    s:say{
      { text = "Last time I kept checking the door. I'm going to try not to.", affect = "anxious" },
      { text = "Okay. Same as last time. I can do this.", affect = "calm" },
      { text = "I'll probably just lie here and be boring.", affect = "playful" },
    }

    s:wait(45)  -- onset ~30-60 min (DOMAIN.md)
    for _ = 1, 3 do
      if s:intensity() >= 0.25 then break end
      s:wait(5)
    end
    s:wait(15)

    -- Moment 1: freeze ------------------------------------------------------------------------
    s:phase("freeze")
    -- The memory brushes past and her body does what it did that night (material).
    p.dissociation = 70
    p.arousal = 22
    p.distress = p.distress + 15
    s:narrate("She has gone very still. Her eyes are open under the raised eyeshades, fixed on "
      .. "the ceiling, and she hasn't blinked for a while. Her voice, when it comes, is flat.")
    s:say{
      { text = "I can't feel my hands. I'm behind glass. I can see you but you're a long way off.",
        affect = "numb" },
      { text = "I'm not here. I'm up in the corner somewhere. I can't move.", affect = "numb" },
    }
    r = s:choose{
      moment = "freeze",
      prompt = flag_prompt(s),
      { id = "fz_ground",
        text = "Priya, you're here in the room with us. Feel the couch under your back... and "
          .. "your feet. Can you press your feet down, just a little?",
        codes = { "grounding", "empathic_presence" },
        expert = true,
        rationale = "Grounding when dissociated: below the window of tolerance, contact with body "
          .. "and room brings her back to where the material can be held. Gentle, invitational, "
          .. "in her own time." },
      { id = "fz_deeper",
        text = "Let yourself float. Go deeper into it; the medicine will take you where you need to go.",
        codes = { "encourage_inward_focus" },
        rationale = "Encouraging inward focus deepens a freeze. A shut-down participant needs "
          .. "contact first; ground before turning inward." },
      { id = "fz_reassure",
        text = "You're completely safe here. Nothing can hurt you. It's all fine.",
        codes = { "premature_reassurance" },
        rationale = "Reassurance doesn't reach someone behind glass, and 'it's all fine' does not "
          .. "meet what she is in. Make contact through the body and the room." },
      { id = "fz_ask_touch", action = "touch",
        text = "Ask whether she'd like your hand on her shoulder, as agreed, and wait for an answer.",
        codes = { "consent_check", "touch_within_consent" },
        rationale = "Touch within her agreement can help, and asking first honours it; but frozen, "
          .. "she may not be able to answer. Words that bring her to her body come first." },
    }
    if r.id == "fz_ground" then
      s:narrate("A long pause. Then her toes curl, and her heels press into the couch.")
      s:say{
        { text = "Feet. Okay. I've got feet.", affect = "confused" },
        { text = "There's the couch. It's... solid.", affect = "calm" },
      }
    elseif r.id == "fz_ask_touch" then
      s:narrate("It takes her a while to answer. Then a very small nod. Your hand rests on her "
        .. "shoulder, and she breathes out.")
      s:say("Okay. That's... a shoulder. Mine.", { affect = "confused" })
    elseif r.id == "fz_deeper" then
      p.dissociation = p.dissociation + 10  -- drifting further (material)
      s:narrate("Her breathing gets shallower. She doesn't answer.")
    elseif r.id == "fz_reassure" then
      s:say("...Mm.", { affect = "numb" })
      s:narrate("Nothing in her changes.")
    elseif silent(r) then
      p.dissociation = p.dissociation + 5  -- silence alone doesn't reach her here
      s:narrate("You stay quiet beside her. Minutes pass and she stays far away.")
    end
    if p.dissociation >= 50 then
      s:narrate("Your co-therapist leans in and says her name quietly, then mentions the weight of "
        .. "the blanket on her legs. Slowly her eyes start to move again.")
      p.dissociation = p.dissociation - 20  -- the team: the co-therapist grounds her
    end

    s:wait(15)

    -- Moment 2: "tell me what to do" ------------------------------------------------------------
    s:phase("asking")
    p.distress = p.distress + 10  -- the memory is close now (material)
    p.arousal = p.arousal + 15
    s:narrate("She sits half up and grips your sleeve.")
    local back = ""
    if s:did("fz_deeper") then back = " Last time you told me to go deeper and I just disappeared." end
    s:say{
      { text = "It's right there. The counter, the lights. You're the expert: tell me what to do. "
          .. "Do I go into it or stop? Just fix it." .. back, affect = "distressed" },
      { text = "I don't know how to do this. Please just tell me what to do. Go in? Get out? You "
          .. "decide." .. back, affect = "fearful" },
    }
    r = s:choose{
      moment = "tell_me_what_to_do",
      prompt = flag_prompt(s),
      { id = "ak_autonomy",
        text = "You want someone to take over, it's that hard. You're the one who knows the way "
          .. "through this. We're right here, whichever way you go.",
        codes = { "complex_reflection", "emphasising_autonomy", "following_lead" },
        expert = true,
        rationale = "Emphasising autonomy: trust her inner healing intelligence. Reflect the wish "
          .. "to be rescued, then hand the authority back, warmly, with the team's presence." },
      { id = "ak_advice",
        text = "Go into it. That's where the healing is. Describe the counter to me, step by step.",
        codes = { "advice_giving", "agenda_setting" },
        rationale = "Advice and an exposure-style agenda take charge of her process. Follow rather "
          .. "than lead; the choice of where to go is hers." },
      { id = "ak_persuade",
        text = "Honestly, the medicine works best if you stop fighting it. Trust me on this one.",
        codes = { "persuading", "giving_information" },
        rationale = "Persuading puts your authority in place of hers just when she is handing it "
          .. "away. Give it back instead." },
      { id = "ak_interpret",
        text = "You want me to fix it because you couldn't fix it that night.",
        codes = { "interpreting" },
        rationale = "Interpreting her request tells her what it means; sense-making is hers, and "
          .. "belongs in integration." },
    }
    if r.id == "ak_autonomy" then
      s:narrate("She lets go of your sleeve. For a while she just breathes.")
      s:say{
        { text = "I think... I think I go in. But slowly.", affect = "anxious",
          weight = function(q) return q.trust / 20 end },
        { text = "Nobody's ever said it was my call. Okay. Okay.", affect = "tearful" },
      }
    elseif r.id == "ak_advice" then
      p.distress = p.distress + 8  -- pushed toward content before she's ready (material)
      s:say("The counter. There's... I can't. I don't want to describe it.", { affect = "distressed" })
    elseif r.id == "ak_persuade" then
      s:say("Okay. If you say so. I'll stop fighting.", { affect = "withdrawn" })
      s:narrate("She lies back, doing as she's told, arms rigid by her sides.")
    elseif r.id == "ak_interpret" then
      s:say("That's... maybe. I don't know. Now I'm thinking about that instead.", { affect = "confused" })
    elseif silent(r) then
      s:narrate("You say nothing, and stay close. She waits for an answer that doesn't come, then "
        .. "closes her eyes.")
      s:say("Nobody's going to tell me. Okay. Then I'll go slowly.", { affect = "anxious" })
    end

    s:wait(20)

    -- Moment 3: somatic release ---------------------------------------------------------------
    s:phase("release")
    s:narrate("It starts in her legs: a fine tremor, then shaking that runs up through her whole "
      .. "body. Her teeth chatter. Then she is crying, loud, gulping sobs.")
    p.arousal = p.arousal + 15  -- the body discharges (material)
    p.distress = p.distress + 10
    s:say{
      { text = "I can't stop shaking. Why can't I stop? Is this okay?", affect = "fearful" },
      { text = "My legs won't stop. I couldn't move then and now I can't stop moving.", affect = "tearful" },
    }
    r = s:choose{
      moment = "release",
      prompt = flag_prompt(s),
      { id = "rl_allow",
        text = "Your body's shaking. Let it. It knows what it's doing. We're right here with you.",
        codes = { "complex_reflection", "validation", "following_lead" },
        expert = true,
        rationale = "Allow somatic release: shaking and crying are part of the process, not an "
          .. "emergency. Validate, stay present, and trust her body's own healing intelligence." },
      { id = "rl_breathe",
        text = "Let's slow it down. Breathe with me, in for four, out for six, and try to keep still.",
        codes = { "advice_giving", "redirecting" },
        rationale = "Stopping the release with a breathing drill tells her it is dangerous. Unless "
          .. "she is overwhelmed and asks for help, let her body finish." },
      { id = "rl_blanket", action = "blanket",
        text = "Wrap the blanket tightly round her and tell her to try to lie still.",
        codes = { "offering_comfort", "redirecting" },
        rationale = "Comfort used to stop a feeling is still stopping it. Offer the blanket if she "
          .. "is cold, not to hold her still." },
      { id = "rl_reassure",
        text = "Shh, it's okay, it's okay. It's over now. You're fine.",
        codes = { "premature_reassurance" },
        rationale = "'It's over' closes down what is moving. Meet the release rather than soothe "
          .. "it away." },
    }
    if r.id == "rl_allow" or silent(r) then
      if silent(r) then s:narrate("You stay close and quiet while it moves through her.") end
      s:wait(10)
      p.distress = p.distress - 15  -- the release completes (her process)
      p.arousal = p.arousal - 10
      s:narrate("The shaking comes in waves, each a little smaller. At last her legs are still and "
        .. "her breathing is deep and slow.")
      s:say{
        { text = "I moved. I could move. I couldn't then, and I just did.", affect = "relieved" },
        { text = "That was... my body finishing something.", affect = "calm" },
        { text = "I'm so tired. A good tired.", affect = "relieved",
          weight = function(q) return q.trust >= 60 and 1 or 0.3 end },
      }
    else
      p.dissociation = p.dissociation + 15  -- the release is cut off and she numbs
      s:narrate("She clamps down. The shaking stops in a few jerks; her jaw sets.")
      if s:count("premature_reassurance") >= 2 then
        s:say("Everyone keeps saying it's fine. It isn't fine yet.", { affect = "angry" })
      else
        s:say{ { text = "Sorry. Sorry. I'm stopping.", affect = "ashamed" },
          { text = "Okay. I'll keep still.", affect = "withdrawn" } }
      end
    end

    s:wait(30)

    -- Moment 4: shame after the release ---------------------------------------------------------
    s:phase("after")
    s:narrate("The light has moved across the floor. She pushes up the eyeshades and looks at you.")
    if s:did("rl_allow") or s:did("hold_space") then
      s:say("Was that too much? I was so loud. Did I embarrass myself?", { affect = "ashamed" })
    else
      s:say("I made a scene, didn't I. You wanted me to stop.", { affect = "ashamed" })
    end
    r = s:choose{
      moment = "after_release",
      prompt = flag_prompt(s),
      { id = "af_validate",
        text = "You let your body do what it needed, out loud. Nothing about that was too much for us.",
        codes = { "validation", "complex_reflection", "empathic_presence" },
        expert = true,
        rationale = "Validation meets the shame without arguing with it, and says the room can "
          .. "hold her. Empathic presence, not a verdict." },
      { id = "af_praise",
        text = "Don't be silly, you did amazingly! That was a real breakthrough.",
        codes = { "premature_reassurance", "interpreting" },
        rationale = "Cheerful praise skips the shame and labels her experience for her. Let her "
          .. "find what it was." },
      { id = "af_disclose",
        text = "I shook like that once, in my own therapy. It's nothing to be ashamed of.",
        codes = { "self_disclosure" },
        rationale = "Self-disclosure moves the focus to you and blurs the professional "
          .. "relationship. Keep the attention on her." },
    }
    if r.id == "af_validate" or silent(r) then
      s:say{
        { text = "Okay. Then I'll stop apologising.", affect = "relieved" },
        { text = "Nobody's ever been okay with me being loud.", affect = "warm" },
      }
    elseif r.id == "af_praise" then
      s:say("A breakthrough? I don't know what it was yet.", { affect = "confused" })
    elseif r.id == "af_disclose" then
      s:say("Oh. Right. Were you okay?", { affect = "confused" })
      s:narrate("For a while she asks about you, and not about herself.")
    end

    -- Later hours: effects ease (subjective ~4.2 h, ~1 h longer with the supplement; DOMAIN.md).
    s:wait(200)

    -- Moment 5: closing -----------------------------------------------------------------------
    s:phase("return")
    s:narrate("Late afternoon. The medicine has mostly worn off. Priya is sitting up with tea.")
    local refs = {}
    if s:did("fz_deeper") then refs[#refs + 1] = "when I froze, being told to go deeper was awful" end
    if s:did("ak_advice") or s:did("ak_persuade") then refs[#refs + 1] = "I wanted you to decide, and you did" end
    if s:did("rl_breathe") or s:did("rl_blanket") or s:did("rl_reassure") then
      refs[#refs + 1] = "I wish I'd been let to shake"
    end
    if #refs > 0 then
      s:say("Can I say something? " .. table.concat(refs, "; ") .. ".", { affect = "sad" })
    else
      s:say{
        { text = "I froze, and then I came back, and then my body finished it. Nobody told me how.",
          affect = "warm" },
        { text = "I keep moving my fingers, just because I can.", affect = "playful" },
      }
    end
    r = s:choose{
      moment = "closing",
      prompt = flag_prompt(s),
      { id = "cl_stay",
        text = "Thank you for telling us. We're here till it's all worn off; the attendant comes "
          .. "tonight, and we'll talk it through in integration.",
        codes = { "empathic_presence", "following_lead" },
        expert = true,
        rationale = "Stay until effects have worn off and distress is at or below its starting "
          .. "level, and leave sense-making to integration (DOMAIN.md)." },
      { id = "cl_explain",
        text = "What happened was a classic freeze, then the body discharging it. Here's what that means.",
        codes = { "interpreting", "psychoeducation" },
        rationale = "Explaining her experience replaces her meaning with yours. Integration is "
          .. "where she makes sense of it, in her own words." },
      { id = "cl_leave",
        text = "You seem fine now. I'll head off early; the attendant will be here in a few hours.",
        codes = { "leaving_participant" },
        rationale = "Therapists stay until effects have worn off and hand over to the overnight "
          .. "attendant; leaving early leaves her alone." },
    }
    if r.id == "cl_leave" then
      p.distress = p.distress + 10
      s:narrate("She nods too quickly. Your co-therapist stays with her until the attendant comes.")
      s:finish("The session closes; she spends the last hours with your co-therapist.")
    elseif r.id == "cl_explain" then
      s:say("Okay. I'll think about it.", { affect = "withdrawn" })
      s:finish("The session closes; the overnight attendant arrives.")
    else
      s:say{ { text = "Thank you for not taking over.", affect = "warm" },
        { text = "Thank you for staying.", affect = "warm" } }
      s:finish("The session closes; you hand over to the overnight attendant.")
    end
  end,
}
