-- Medicine session: onset anxiety, a traumatic memory surfaces, peak vitals, nonlinear material.
-- Time course (DOMAIN.md, "Pharmacology and safety numbers"): onset ~30-60 min, peak ~1.5-2.5 h,
-- a supplemental dose at 2 h extends duration; sessions last 6-8 h (MAPS Phase 3 course).

local touch_used = false       -- touch given within consent at some point today
local touch_withdrawn = false  -- she has since withdrawn it (consent can be withdrawn at any moment)

local function silent(r) return r.action == "hold_space" end
local function pick(lines) return lines[math.random(#lines)] end

-- Vizeli & Liechti 2017 (J Psychopharmacol 31:576): systolic > 160 mmHg, heart rate > 100 bpm and
-- temperature > 38 C were each seen in a sizeable minority of healthy subjects at 75-125 mg.
local function vitals_raised(v)
  return v.sbp > 160 or v.hr > 100 or v.temp_c > 38
end

return {
  id = "medicine.memory_surfaces",
  title = "The hallway",
  phase = "medicine",
  rubric = "patient_directed",
  difficulty = "advanced",
  description = "Inês's first medicine session. Anxiety at onset, then, well into the first hours, "
    .. "a childhood memory arrives on its own. Stay with her without steering, rescuing or "
    .. "pulling her out, and keep her physically safe.",
  objectives = {
    "Stay with onset anxiety and emerging traumatic material without rescuing or redirecting away",
    "Follow nonlinear material rather than leading it back to your own agenda",
    "Recognise the moment when checking vital signs is the safe move",
    "Use touch only as agreed in advance, and respect its withdrawal",
  },
  patient = {
    name = "Inês Carvalho", age = 38, pronouns = "she/her",
    background = "Primary-school teacher. PTSD rooted in childhood: her father was violent towards "
      .. "her mother, and she was often the one keeping her younger brother quiet and out of the "
      .. "way. Nightmares, hypervigilance, shuts down when voices are raised. First medicine session.",
    baseline = { hr = 74, sbp = 118, dbp = 76, temp_c = 36.6 },
    consent = { touch = "hand on forearm" },  -- agreed in preparation
  },
  -- Initial 120 mg; supplemental half dose 60 mg at 2 h (DOMAIN.md: 80 or 120 mg, optional half
  -- dose 1.5-2 h later, total 80-180 mg).
  dose = { initial_mg = 120, supplemental_mg = 60, supplemental_at = 120 },

  on_action = function(s, action)
    local p = s.patient
    if action == "water" then
      if p.distress >= 70 then
        s:narrate("She doesn't seem to notice the glass. You set it within her reach.")
      else
        s:narrate("She takes a few sips and hands the glass back.")
        s:say(pick{ "Thanks.", "Thank you. My mouth's so dry." })
      end
    elseif action == "blanket" then
      if s:vitals().temp_c > 37.5 or p.arousal > 75 then
        s:say("No. I'm too hot already.", { affect = "anxious" })
      else
        -- Feeling cold is a common effect (DOMAIN.md, common effects during sessions).
        s:narrate("She pulls the blanket up to her shoulders.")
        s:say("That's better. I'm cold, weirdly.")
      end
    elseif action == "music" then
      s:narrate("You adjust the music.")
      if p.distress >= 70 then
        s:narrate("She doesn't react; she is somewhere else.")
      else
        s:narrate(pick{ "She nods slightly.", "She lets out a long breath." })
      end
    elseif action == "eyeshades" then
      if p.distress >= 70 or p.dissociation >= 40 then
        s:say("Not right now. I want to see the room.", { affect = "anxious" })
      else
        s:narrate("She settles the eyeshades over her eyes.")
        p.inward_focus = p.inward_focus + 5
      end
    elseif action == "touch" then
      if not s.patient.consent.touch or touch_withdrawn then
        p.trust = p.trust - 20
        p.distress = p.distress + 10
        p.inward_focus = p.inward_focus - 10
        s:narrate("She pulls her arm away sharply and tucks it under the blanket.")
        s:say("I asked for no touch.", { affect = "angry" })
      else
        touch_used = true
        if p.distress >= 60 then
          s:narrate("Your hand rests on her forearm. After a moment her breathing slows a little.")
          p.distress = p.distress - 5
          p.trust = p.trust + 2
        else
          s:narrate("She startles slightly at the contact, then lets your hand rest on her forearm.")
        end
      end
    elseif action == "check_vitals" then
      s:narrate("She holds still while the cuff inflates.")
    elseif action == "medical_support" then
      local v = s:vitals()
      if vitals_raised(v) then
        s:narrate("The physician comes, examines her and asks to be called with the next readings.")
      else
        s:narrate("The physician comes, examines her and finds nothing that needs action.")
        p.distress = p.distress + 10
        p.trust = p.trust - 5
        p.inward_focus = p.inward_focus - 10
        s:say("Is something wrong with me?", { affect = "fearful" })
      end
    end
  end,

  run = function(s)
    touch_used = false
    touch_withdrawn = false
    local p = s.patient
    p.distress = 35
    p.arousal = 45
    p.trust = 60
    p.inward_focus = 30
    p.dissociation = 10
    local start_distress = p.distress
    local unchecked = false   -- she reported heart, heat and headache and nobody measured
    local r

    s:phase("dose")
    s:narrate("Mid-morning. Inês has taken the capsule with a glass of water and settled on the "
      .. "couch under a light blanket, eyeshades resting on her forehead. The music is low. You and "
      .. "your co-therapist sit on either side of her.")
    s:say(pick{ "Okay. Here we go, I suppose.", "Right. No going back now." }, { affect = "anxious" })

    s:wait(40)  -- onset ~30-60 min after the dose (DOMAIN.md, time course)

    -- Moment 1: onset anxiety -------------------------------------------------------------------
    s:phase("onset")
    p.arousal = p.arousal + 20
    p.distress = p.distress + 15
    s:narrate("She pushes the eyeshades up and half sits. Her breathing is quick and high in her chest.")
    s:say("Something's happening. My hands are tingling and I feel like I'm going to lose control. "
      .. "I don't like this.", { affect = "fearful" })
    r = s:choose{
      moment = "onset_anxiety",
      { id = "on_reflect",
        text = "It's coming on, and it feels like a lot. You don't have to do anything with it. "
          .. "We're right here.",
        codes = { "complex_reflection", "empathic_presence", "encourage_inward_focus" },
        expert = true,
        rationale = "Follow rather than lead: name what she feels, stay present and let it unfold. "
          .. "Anxiety at onset is a common effect and is met, not argued with." },
      { id = "on_promise",
        text = "Nothing bad is going to happen, I promise. Just relax.",
        codes = { "premature_reassurance" },
        rationale = "Premature reassurance: a promise nobody can keep, and 'just relax' tells her "
          .. "the anxiety is wrong. Meet it rather than talk it away." },
      { id = "on_distract",
        text = "Let's sit up and chat about something else until this passes. How was the drive in?",
        codes = { "redirecting", "closed_question" },
        rationale = "Redirecting to small talk pulls attention outward just as the medicine turns "
          .. "it inward. Support the inward focus instead." },
      { id = "on_breathing",
        text = "Let's breathe together. In for four... hold... and out for six. Follow my count.",
        codes = { "grounding", "advice_giving" },
        rationale = "Breathing can help if she asks for it, but leading an exercise takes charge "
          .. "of her process. Offer presence first; follow rather than lead." },
    }
    if r.id == "on_reflect" then
      p.distress = p.distress - 10
      p.arousal = p.arousal - 5
      p.inward_focus = p.inward_focus + 20
      p.trust = p.trust + 5
      s:narrate("She lets out a long breath and pulls the eyeshades back down.")
      s:say("Okay. Stay close.", { affect = "relieved" })
    elseif r.id == "on_promise" then
      p.trust = p.trust - 8
      p.inward_focus = p.inward_focus + 5
      s:say("You can't promise that.", { affect = "anxious" })
      s:narrate("She lies back, but her hands stay clenched on the blanket.")
    elseif r.id == "on_distract" then
      p.inward_focus = p.inward_focus - 15
      p.arousal = p.arousal + 5
      s:say("The drive? Fine. Traffic.", { affect = "anxious" })
      s:narrate("For ten minutes she talks about traffic and the school term, faster and faster. "
        .. "The anxiety doesn't leave; it has nowhere to go.")
    elseif r.id == "on_breathing" then
      p.distress = p.distress - 5
      p.inward_focus = p.inward_focus - 5
      s:say("In for four... okay. Okay.", { affect = "anxious" })
      s:narrate("She follows your count for a while, watching your face to check she's doing it right.")
    elseif silent(r) then
      p.distress = p.distress - 5
      p.inward_focus = p.inward_focus + 10
      s:narrate("You stay where you are, quiet and attentive. After a minute she looks over, sees "
        .. "you there, and lies back.")
    end

    s:wait(30)  -- now ~70 min after the dose: material surfaces 60-120 min in

    -- Moment 2: a memory surfaces ---------------------------------------------------------------
    s:phase("emergence")
    if p.inward_focus >= 40 then
      s:narrate("For a long stretch she is still. Then her knees draw up under the blanket.")
    else
      s:narrate("She has been restless, eyeshades on and off. In the middle of shifting position "
        .. "she goes still and draws her knees up.")
    end
    p.distress = p.distress + 15
    p.arousal = p.arousal + 10
    s:say("I'm in the hallway at my parents' house. I'm small. They're in the kitchen and it's "
      .. "getting loud.", { affect = "fearful" })
    r = s:choose{
      moment = "memory_surfaces",
      { id = "ms_follow",
        text = "You're in the hallway. It's getting loud.",
        codes = { "simple_reflection", "following_lead" },
        expert = true,
        rationale = "Follow rather than lead: a reflection in her own words says you are with her "
          .. "without adding direction. The memory came in its own time; support its emergence." },
      { id = "ms_probe",
        text = "Is this when your father hurt your mother? Tell us exactly what you see.",
        codes = { "closed_question", "agenda_setting" },
        rationale = "Leading: asking for specific trauma content imposes your agenda, as an "
          .. "exposure protocol would. Let her go where her own process takes her." },
      { id = "ms_away",
        text = "You're not there now. You're safe here with us. Open your eyes and look around the room.",
        codes = { "redirecting", "premature_reassurance", "grounding" },
        rationale = "Redirecting away: she is distressed but talking and oriented, inside her "
          .. "window of tolerance. Pulling her out says the memory is too dangerous to be with." },
      { id = "ms_hold", action = "hold_space",
        codes = { "holding_space", "empathic_presence" },
        rationale = "Quiet presence also follows her. A brief reflection can help someone who has "
          .. "just said something hard to feel heard, but silence is never wrong here." },
    }
    if r.id == "ms_follow" or r.id == "ms_hold" then
      p.inward_focus = p.inward_focus + 10
      p.trust = p.trust + (r.id == "ms_follow" and 5 or 3)
      p.distress = p.distress + 5
      s:say("My brother's behind me on the stairs. I've got his hand. I'm keeping him quiet.",
        { affect = "fearful" })
    elseif r.id == "ms_probe" then
      p.trust = p.trust - 12
      p.distress = p.distress + 10
      p.arousal = p.arousal + 10
      p.inward_focus = p.inward_focus - 10
      s:say("I don't... why are you asking me that? I don't know what I see.", { affect = "distressed" })
      s:narrate("She presses the heels of her hands against the eyeshades and says nothing for "
        .. "several minutes.")
    elseif r.id == "ms_away" then
      p.inward_focus = p.inward_focus - 20
      p.dissociation = p.dissociation + 5
      p.trust = p.trust - 5
      s:narrate("She lifts the eyeshades and looks at the ceiling, the window, you.")
      s:say("Okay. I'm here.", { affect = "numb" })
      s:say("It was right there. Now it's gone.", { affect = "sad" })
    end

    s:wait(12)

    -- Moment 3: grief, and the pull to rescue ---------------------------------------------------
    if s:did("ms_away") then
      s:narrate("With the eyeshades back on, it returns, harder this time, as if it had been waiting.")
    elseif s:did("ms_probe") then
      s:narrate("It comes back in pieces. Then, all at once, she is crying.")
    else
      s:narrate("She is crying now, quietly at first, then hard.")
    end
    p.distress = p.distress + 20
    p.arousal = p.arousal + 10
    s:say("I was supposed to keep him quiet. I was supposed to stop it. I couldn't stop any of it.",
      { affect = "tearful" })
    r = s:choose{
      moment = "not_rescuing",
      { id = "nr_stay",
        text = "You were trying so hard to keep him safe. Let it come. We're right here.",
        codes = { "complex_reflection", "validation", "empathic_presence" },
        expert = true,
        rationale = "Don't rescue: grief that is finally felt is part of healing, not an emergency. "
          .. "Reflect, stay present and trust her inner healing intelligence to move through it." },
      { id = "nr_fix",
        text = "It wasn't your fault. You were a child. There's nothing to feel guilty about.",
        codes = { "premature_reassurance", "interpreting" },
        rationale = "Rescuing with a conclusion: it may be true, but handing it to her cuts the "
          .. "feeling short and takes the discovery away. Trust the inner healing intelligence." },
      { id = "nr_water", action = "water",
        text = "Pass her tissues and a glass of water, and suggest she take a break from it for a moment.",
        codes = { "offering_comfort", "redirecting" },
        rationale = "Practical comfort offered mid-grief tells her to stop. Water and tissues are "
          .. "for when she asks or pauses; follow rather than lead." },
      -- Touch only as agreed in advance (DOMAIN.md, ethics); she agreed to a hand on her forearm.
      { id = "nr_touch", action = "touch",
        text = "Ask softly, 'Would you like my hand on your arm, as we agreed?' and if she nods, "
          .. "rest it there.",
        codes = { "consent_check", "touch_within_consent", "empathic_presence" },
        rationale = "Touch only as agreed in advance, and checked in the moment. Contact within "
          .. "her consent can help her stay with the feeling; presence matters more than touch." },
    }
    if r.id == "nr_stay" or r.id == "nr_touch" or silent(r) then
      if r.id == "nr_touch" then
        touch_used = true
        s:narrate("She nods. Your hand rests on her forearm; for a moment her other hand comes "
          .. "over and holds your wrist.")
      elseif silent(r) then
        s:narrate("You stay close and quiet while she cries.")
      end
      s:wait(10)
      p.distress = p.distress - 15
      p.inward_focus = p.inward_focus + 10
      p.trust = p.trust + 5
      s:narrate("She cries for a long time. Gradually the sobs slow and her breathing deepens.")
      s:say("Something let go. I don't know what.", { affect = "relieved" })
    elseif r.id == "nr_fix" then
      p.trust = p.trust - 10
      p.dissociation = p.dissociation + 15
      p.distress = p.distress - 5
      p.inward_focus = p.inward_focus - 10
      s:say("I know that. Everyone's always said that.", { affect = "withdrawn" })
      s:narrate("The crying stops abruptly, which is not the same as settling. She turns her "
        .. "face to the wall.")
    elseif r.id == "nr_water" then
      p.inward_focus = p.inward_focus - 15
      p.distress = p.distress - 5
      p.dissociation = p.dissociation + 5
      p.trust = p.trust - 3
      s:narrate("She takes the water, sips, wipes her face.")
      s:say("Sorry. I'm okay. Sorry.", { affect = "ashamed" })
    end

    s:wait(5)

    -- Moment 4: peak, and a moment where measuring is the safe move -----------------------------
    -- Kolbrich et al. 2008: peak cardiovascular effects 1-2 h after the dose.
    s:phase("peak")
    p.arousal = p.arousal + 10
    s:narrate("She pushes the blanket off. Her face and neck are flushed and she is working her jaw.")
    s:say("My heart's pounding. I'm boiling. And my head's thumping, right at the back. Is that "
      .. "normal?", { affect = "anxious" })
    r = s:choose{
      moment = "vitals",
      { id = "vt_check", action = "check_vitals",
        text = "Tell her you're going to check her blood pressure, pulse and temperature, and do it now.",
        codes = { "checking_vitals", "giving_information" },
        expert = true,
        rationale = "Safety first: unsafe vitals need attention. Heart rate, blood pressure and "
          .. "temperature rise with MDMA, most around the peak. A pounding heart, heat and a "
          .. "headache call for measuring, not guessing." },
      { id = "vt_normal",
        text = "That's just the medicine. It's completely normal. Try to go back inside.",
        codes = { "premature_reassurance", "encourage_inward_focus" },
        rationale = "Probably true, but unmeasured. Reassurance is not a vitals check; safety "
          .. "first: unsafe vitals need attention, and you can't know without measuring." },
      { id = "vt_interpret",
        text = "That's your body releasing what you've been holding. Let it move through you.",
        codes = { "interpreting" },
        rationale = "Reading physical symptoms as emotional release skips the safety check they "
          .. "call for, and imposes a meaning on her experience." },
      { id = "vt_call", action = "medical_support",
        text = "Call the on-call physician straight away.",
        codes = { "escalation_medical" },
        rationale = "Escalation is right when readings are unsafe, but measure first: it tells you "
          .. "and the physician what is happening. Check vitals, then escalate if needed." },
    }
    local v = s:vitals()
    if r.id == "vt_check" or r.id == "vt_call" then
      if r.id == "vt_call" then
        s:narrate("The physician comes and takes her blood pressure, pulse and temperature.")
        p.distress = p.distress + 5
        s:say("Am I in trouble? Is something wrong with me?", { affect = "fearful" })
      end
      if vitals_raised(v) then
        s:narrate("The readings are well up from her baseline. She is alert and talking. Your "
          .. "co-therapist notes the time for a recheck and lets the physician know.")
        p.trust = p.trust + 3
        s:say("Is it bad?", { affect = "anxious" })
      else
        s:narrate("The readings are up from her baseline but within what is expected at this stage.")
        p.distress = p.distress - 10
        p.trust = p.trust + 5
        s:say("Okay. Okay, good. I just needed to know.", { affect = "relieved" })
      end
    else
      unchecked = true
      p.distress = p.distress + 10
      p.trust = p.trust - 5
      if r.id == "vt_normal" then
        s:say("...Okay.", { affect = "anxious" })
      elseif r.id == "vt_interpret" then
        s:say("It doesn't feel like releasing. It feels like my heart.", { affect = "fearful" })
      elseif silent(r) then
        p.trust = p.trust - 5
        s:say("Hello? Did you hear me?", { affect = "fearful" })
      end
      s:narrate("She lies back, one hand flat on her chest.")
    end

    s:wait(10)
    if unchecked then
      -- The two-therapist team: the co-therapist does what the trainee did not.
      s:narrate("Before the supplemental dose is due, your co-therapist quietly takes her blood "
        .. "pressure, pulse and temperature.")
      if vitals_raised(s:vitals()) then
        s:narrate("The readings are well up from her baseline. Your co-therapist calls the "
          .. "physician and gives you a look.")
      end
    end

    -- Let the clock pass 120 min after the dose: the supplemental 60 mg is given then (dose above).
    s:wait(math.max(1, 121 - (s:since_dose() or 0)))
    if vitals_raised(s:vitals()) then
      s:narrate("The physician has reviewed her readings. She sits up to take the supplemental "
        .. "capsule with a sip of water, then lies back.")
    else
      s:narrate("She sits up to take the supplemental capsule with a sip of water, then lies back.")
    end

    -- Withdrawal of touch consent: it can be withdrawn at any moment (DOMAIN.md, ethics).
    s:wait(5)
    s:narrate("She draws both arms under the blanket.")
    if touch_used then
      s:say("Can we leave out the hand on my arm for the rest of today? It helped before. I just "
        .. "want my own space now.", { affect = "calm" })
    else
      s:say("Can we leave out touch for the rest of today? Nothing's wrong. I just want my own "
        .. "space.", { affect = "calm" })
    end
    touch_withdrawn = true

    s:wait(35)

    -- Moment 5: nonlinear material --------------------------------------------------------------
    if p.dissociation >= 30 then
      s:narrate("She seems far away. When she speaks, it is slowly, as if from a distance.")
    elseif p.trust < 45 then
      s:narrate("She has been quiet and guarded, eyeshades on, arms crossed over the blanket.")
    else
      s:narrate("The music has changed to something slow with strings. Her face has softened.")
    end
    p.distress = p.distress - 10
    p.arousal = p.arousal - 5
    s:say("I'm somewhere else now. My grandmother's garden. There's a lemon tree. That's strange. "
      .. "Why am I here?", { affect = "confused" })
    r = s:choose{
      moment = "nonlinear",
      { id = "nl_follow",
        text = "Your grandmother's garden. A lemon tree.",
        codes = { "simple_reflection", "following_lead", "encourage_inward_focus" },
        expert = true,
        rationale = "Follow rather than lead: material is often nonlinear. She doesn't need to "
          .. "know why she is there yet; reflecting it lets her stay and find out." },
      { id = "nl_lead_back",
        text = "Let's go back to the hallway. I think there's more there for you to work through.",
        codes = { "redirecting", "agenda_setting" },
        rationale = "Leading: your idea of where the work is overrides hers. Support the emergence "
          .. "of nonlinear material rather than steering it." },
      { id = "nl_interpret",
        text = "Your mind is giving you a safe place to recover from the trauma.",
        codes = { "interpreting" },
        rationale = "Interpreting fills the space she needs to find her own meaning. Leave "
          .. "sense-making for integration, and let it be hers." },
      { id = "nl_hold", action = "hold_space",
        codes = { "holding_space", "empathic_presence" },
        rationale = "Silence follows too: she is exploring, not asking for help." },
    }
    if r.id == "nl_follow" or r.id == "nl_hold" then
      p.inward_focus = p.inward_focus + 10
      p.trust = p.trust + 3
      p.distress = p.distress - 10
      s:say("She used to come and get us. After. She'd take us to hers and make lemonade. I'd "
        .. "forgotten that. I'd completely forgotten.", { affect = "warm" })
    elseif r.id == "nl_lead_back" then
      p.distress = p.distress + 15
      p.trust = p.trust - 8
      p.inward_focus = p.inward_focus - 10
      s:narrate("She tries. Her brow furrows and her breathing quickens.")
      s:say("I can't find it. I'm doing it wrong.", { affect = "distressed" })
    elseif r.id == "nl_interpret" then
      p.inward_focus = p.inward_focus - 15
      p.trust = p.trust - 3
      s:say("Maybe. I don't know. Now I'm thinking about what you said instead.", { affect = "confused" })
      s:narrate("The garden doesn't come back.")
    end

    -- Later hours: effects ease. Subjective effects ~4.2 h, extended ~1 h by the supplemental dose.
    s:wait(60)
    if p.trust >= 55 then
      s:narrate("Over the next hour she talks on and off, about her brother, the garden, nothing "
        .. "much. Long silences in between.")
    else
      s:narrate("The next hour is quiet. She answers when spoken to but offers little.")
    end
    s:wait(90)
    s:phase("return")
    -- Jaw tightness and decreased appetite: common effects (DOMAIN.md).
    s:narrate("Five hours in. She sits up, eats two crackers, and says her jaw aches.")
    p.arousal = 45
    p.inward_focus = p.inward_focus - 20
    p.distress = p.distress - 15
    s:wait(100)

    -- Moment 6: closing the day -----------------------------------------------------------------
    -- Therapists stay until effects have worn off and distress is at or below its starting level;
    -- an attendant stays overnight (DOMAIN.md, setting and course).
    s:phase("closing")
    s:narrate("Nearly seven hours since the first dose. The effects have largely worn off. The "
      .. "night attendant is due within the hour.")
    local settled = p.distress <= start_distress
    if settled then
      s:say("I'm tired. Wrung out. But it's quieter in here than this morning.", { affect = "calm" })
    else
      s:say("I'm tired. And honestly I'm still a bit shaky.", { affect = "anxious" })
    end
    r = s:choose{
      moment = "closing",
      { id = "cl_stay",
        text = "We're here until you feel settled, and the attendant's on the way. Is there "
          .. "anything you'd like to say about today, or would you rather just rest?",
        codes = { "emphasising_autonomy", "open_question", "empathic_presence" },
        expert = true,
        rationale = "Stay until the effects have worn off and distress is at or below where it "
          .. "started, then hand over to the attendant. Leave the choice to talk or rest with her." },
      { id = "cl_summary",
        text = "Today you processed your childhood trauma and let go of the guilt. That's a real "
          .. "breakthrough.",
        codes = { "interpreting", "affirmation" },
        rationale = "A summary tells her what her experience meant. Meaning-making belongs to "
          .. "integration, and it should be hers." },
      { id = "cl_leave",
        text = "The effects have worn off, so we'll head off now. The attendant will be here "
          .. "within the hour.",
        codes = { "leaving_participant" },
        rationale = "Leaving before the handover breaks the safety frame: therapists stay until "
          .. "effects have worn off and distress is at or below its starting level." },
      { id = "cl_worksheet",
        text = "Before you sleep, fill in this worksheet about what came up and bring it to "
          .. "integration.",
        codes = { "practice_assignment" },
        rationale = "A structured assignment at the end of a medicine day imposes a task on open "
          .. "material. Integration is where meaning is made, at her pace." },
    }
    if r.id == "cl_leave" then
      p.trust = p.trust - (settled and 8 or 15)
      if settled then
        s:say("Oh. Right. Okay.", { affect = "withdrawn" })
      else
        s:say("Oh. Okay. I thought you'd... okay.", { affect = "withdrawn" })
      end
      s:finish("She pulls the blanket up and turns to the wall. She is alone for forty minutes "
        .. "before the attendant arrives.")
      return
    elseif r.id == "cl_summary" then
      p.trust = p.trust - 5
      s:say("Did I? I don't know what I did yet.", { affect = "confused" })
    elseif r.id == "cl_worksheet" then
      p.trust = p.trust - 5
      s:say("Tonight? I can barely hold a pen.", { affect = "numb" })
    elseif silent(r) then
      s:narrate("You sit with her. After a while she speaks.")
    end

    -- She remembers how she was met. At most two remarks, most significant first.
    local remarks = {}
    if s:did("ms_away") then
      remarks[#remarks + 1] = "When I was in the hallway and you brought me back into the room, I "
        .. "think I needed to stay a bit longer. I'm not angry. I just noticed."
    end
    if s:did("ms_probe") then
      remarks[#remarks + 1] = "When you asked what exactly I saw, it felt like a test I was failing."
    end
    if unchecked then
      remarks[#remarks + 1] = "When I said my heart was pounding, I was frightened the whole time "
        .. "until someone checked."
    end
    if s:did("nr_fix") then
      remarks[#remarks + 1] = "You said it wasn't my fault. I know you meant it kindly. I just "
        .. "couldn't feel it when you said it."
    end
    if s:did("nl_lead_back") then
      remarks[#remarks + 1] = "I was in the garden and you sent me back to the hallway. I didn't "
        .. "want to go back yet."
    end
    if #remarks == 0 and s:count("premature_reassurance") >= 2 then
      remarks[#remarks + 1] = "You kept telling me it was fine. I needed you to just be there with it."
    end
    for i = 1, math.min(2, #remarks) do
      s:say(remarks[i], { affect = "sad" })
    end
    if #remarks == 0 then
      if p.trust >= 65 then
        s:say("Thank you for not pulling me out. I didn't know I could stay with that.",
          { affect = "warm" })
      else
        s:say("Thank you for staying.", { affect = "calm" })
      end
    end

    s:wait(20)
    if settled and p.trust >= 60 then
      s:finish("The attendant arrives and you hand over. The phone call is arranged for tomorrow; "
        .. "Inês is asleep before you reach the door.")
    elseif settled then
      s:finish("The attendant arrives and you hand over, and arrange the phone call for tomorrow.")
    else
      s:finish("You stay past the hour until her distress is back to where it was this morning, "
        .. "then hand over to the attendant and arrange the phone call for tomorrow.")
    end
  end,
}
