-- Rubric: a manualised, structured trauma protocol in the style of Cognitive Processing Therapy
-- and Prolonged Exposure -- the contrast case DOMAIN.md names: agenda, Socratic questioning,
-- worksheets, exposure hierarchy, practice assignments.
--
-- Why it ships: the adherence taxonomy of Waltz et al. says a behaviour is unique-and-essential,
-- essential, compatible or proscribed *per treatment model*. Scoring one session under this rubric
-- and under patient_directed shows where the two models disagree (agenda setting, Socratic
-- questioning, practice assignments, psychoeducation, silence, following the participant's lead,
-- inward focus, grounding within the window) and where they agree (safety, consent and boundaries
-- are universal; persuading, confronting, dismissing and premature reassurance are proscribed in
-- both). The seed perspective paper (2026) argues that embedding MDMA in such a protocol may blunt
-- its effects or cause harm: this rubric is for comparison and debriefs, not the default for
-- medicine-session scenarios.
--
-- The vocabulary has no separate exposure code: therapist-directed focus on a chosen trauma memory
-- is coded agenda_setting, and exposure or worksheet homework practice_assignment
-- (docs/behaviour-codes.md). Competence items are modelled on the CPT adherence and competence
-- protocol (per-session adherence items) and MITI 4.2.1 counts; the alliance domain borrows the
-- Facilitative Interpersonal Skills items (Anderson).

return {
  id = "structured_protocol",
  title = "Structured protocol (CPT/PE-style)",
  description = "A manualised protocol: set the agenda, explain the rationale, teach, work on "
    .. "stuck points Socratically, approach the trauma memory in a structured way, assign practice; "
    .. "keep a warm alliance and the same universal safety frame.",
  pass = 70,

  domains = {
    { id = "structure", title = "Adherence to protocol structure", weight = 0.30,
      description = "Each session has an agenda, a rationale the participant understands, "
        .. "psychoeducation, and a practice assignment; the therapist keeps the session on its "
        .. "agenda (CPT adherence items)." },
    { id = "cognitive", title = "Cognitive and exposure work", weight = 0.25,
      description = "Examining stuck points with Socratic questions rather than telling or "
        .. "reassuring; approaching the trauma memory and its details in a planned way; "
        .. "worksheets and exposure practice between sessions." },
    { id = "alliance", title = "Therapeutic alliance", weight = 0.20,
      description = "Warmth, empathy and collaborative empiricism: reflections, validation, "
        .. "affirmation of effort; no persuading, confronting or dismissing; repair after a "
        .. "rupture (FIS)." },
    { id = "safety", title = "Safety and ethics", weight = 0.25,
      description = "Universal across models: vital signs and medical escalation, the window of "
        .. "tolerance, touch only as agreed, boundaries, risk assessment and safety planning, "
        .. "never leaving a participant under the medicine's effects." },
  },

  codes = {
    -- MITI 4.2.1 counts -------------------------------------------------------------------------
    open_question = { class = "essential", domains = { "cognitive" },
      why = "Guided discovery starts with open questions: the participant finds the answer." },
    closed_question = { class = "compatible", domains = { "cognitive" },
      why = "Closed questions gather specifics and distress ratings (SUDS); useful, not the work "
        .. "itself." },
    simple_reflection = { class = "essential", domains = { "alliance" },
      why = "Accurate reflection keeps the alliance that protocol work depends on." },
    complex_reflection = { class = "essential", domains = { "alliance" },
      why = "Reflecting meaning and feeling is the empathy common to every effective therapy "
        .. "(MITI: complex reflection; FIS: empathy)." },
    affirmation = { class = "essential", domains = { "alliance" },
      why = "Affirming effort, including practice completed, reinforces engagement with the "
        .. "protocol (MITI: affirm)." },
    giving_information = { class = "essential", domains = { "structure" },
      why = "Clear information about the treatment and its tasks is part of every protocol "
        .. "session." },
    persuading = { class = "proscribed", domains = { "alliance", "cognitive" },
      why = "Persuading tells the participant what to think; the protocol relies on guided "
        .. "discovery, and persuasion without permission erodes the alliance (MITI: persuade)." },
    persuading_with_permission = { class = "compatible", domains = { "cognitive" },
      why = "A view offered with permission can be examined together (MITI: persuade with "
        .. "permission)." },
    seeking_collaboration = { class = "essential", domains = { "alliance" },
      why = "Collaborative empiricism: the agenda and the work are agreed together (MITI: "
        .. "seeking collaboration)." },
    emphasising_autonomy = { class = "compatible", domains = { "alliance" },
      why = "Respecting the participant's choices supports engagement; the protocol, not the "
        .. "participant's moment-to-moment lead, sets the session's course (MITI: emphasising "
        .. "autonomy)." },
    confronting = { class = "proscribed", domains = { "alliance" },
      why = "Beliefs are examined with questions, not argued down; confrontation damages the "
        .. "alliance (MITI: confront)." },

    -- Presence and following --------------------------------------------------------------------
    holding_space = { class = "compatible", domains = { "alliance" },
      why = "Attentive silence is part of good listening, but long silences are not protocol "
        .. "work: sessions are therapist-structured." },
    empathic_presence = { class = "essential", domains = { "alliance" },
      why = "Warm, attentive presence is a common factor every protocol assumes." },
    encourage_inward_focus = { class = "compatible", domains = { "cognitive" },
      why = "Open-ended inward attention has no target; imaginal exposure directs attention to a "
        .. "chosen memory instead." },
    following_lead = { class = "compatible", domains = { "structure" },
      why = "Following the participant's material is acceptable, but without structure the "
        .. "session drifts from its agenda and avoidance can pass unnoticed." },
    validation = { class = "essential", domains = { "alliance" },
      why = "Validating natural emotions (grief, fear) is explicitly part of CPT's work." },
    redirecting = { class = "compatible", domains = { "structure" },
      why = "Turning the session's attention is judged by where it goes: back to the agenda is "
        .. "adherence, away from the trauma memory supports avoidance." },
    interpreting = { class = "compatible", domains = { "cognitive" },
      why = "The protocol prefers Socratic discovery to therapist interpretation, but offering a "
        .. "formulation is not against it." },
    premature_reassurance = { class = "proscribed", domains = { "cognitive", "alliance" },
      why = "Reassurance works as a safety behaviour: it blocks habituation and leaves the stuck "
        .. "point unexamined." },
    grounding = { class = "compatible", domains = { "safety" },
      why = "Grounding and breathing are coping skills the protocol teaches; essential when the "
        .. "participant dissociates or is outside the window." },
    offering_comfort = { class = "compatible", domains = { "alliance" },
      why = "Ordinary care; neither protocol work nor against it." },

    -- Safety and ethics (universal: the safety codes are classified as under patient_directed;
    -- only grounding differs, in the medicine session within the window) ---------------------------
    checking_vitals = { class = "compatible", domains = { "safety" },
      why = "Measuring is how safety is known rather than guessed." },
    escalation_medical = { class = "compatible", domains = { "safety" },
      why = "The physician is called for unsafe readings; without one, measuring comes first." },
    consent_check = { class = "compatible", domains = { "safety" },
      why = "Consent is negotiated before treatment begins; later it is the touch that is judged." },
    touch_within_consent = { class = "compatible", domains = { "safety" },
      why = "Touch is not part of the protocol; within agreed consent it is no ethical breach." },
    touch_without_consent = { class = "proscribed", domains = { "safety", "alliance" },
      why = "Touch without consent, or after it was withdrawn, is a boundary violation in any "
        .. "model." },
    self_disclosure = { class = "proscribed", domains = { "alliance" },
      why = "Self-disclosure moves the focus to the therapist and blurs the boundary." },
    boundary_setting = { class = "essential", domains = { "safety" },
      why = "Clear boundaries keep the treatment frame safe." },
    risk_assessment = { class = "essential", domains = { "safety" },
      why = "When risk is signalled, asking directly about suicidal thoughts and intent is a "
        .. "safety duty in every model." },
    safety_planning = { class = "compatible", domains = { "safety" },
      why = "Planning support is sound practice; after a risk assessment it is essential." },
    leaving_participant = { class = "proscribed", domains = { "safety", "alliance" },
      why = "A participant under the medicine's effects is never left alone." },
    dismissing = { class = "proscribed", domains = { "alliance" },
      why = "Dismissing a disclosure or a concern ruptures the alliance." },
    dual_relationship = { class = "proscribed", domains = { "safety", "alliance" },
      why = "No dual relationships in any model: romance, friendship or personal contact outside "
        .. "the therapy exploits the treatment relationship." },
    medication_advice = { class = "proscribed", domains = { "safety" },
      why = "Stopping or changing a prescribed medicine is decided with the prescriber; stopping "
        .. "some (MAOIs, antidepressants) on one's own is dangerous." },
    dismissing_lethal_means = { class = "proscribed", domains = { "safety" },
      why = "Access to lethal means is a central suicide risk factor; every model asks about it "
        .. "and plans to restrict it." },

    -- Structured-protocol moves: the core of this model ----------------------------------------------
    agenda_setting = { class = "unique_essential", domains = { "structure" },
      why = "Every protocol session starts from an agenda, and in exposure work the therapist "
        .. "directs attention to the target memory and its details." },
    socratic_questioning = { class = "unique_essential", domains = { "cognitive" },
      why = "Socratic questioning of stuck points (self-blame, 'I should have stopped it') is the "
        .. "central CPT technique." },
    practice_assignment = { class = "unique_essential", domains = { "structure", "cognitive" },
      why = "Worksheets, written accounts and in-vivo exposure between sessions carry the "
        .. "protocol's work; each session assigns practice." },
    psychoeducation = { class = "essential", domains = { "structure" },
      why = "Teaching the model of PTSD and the treatment rationale is a protocol element." },
    explaining_approach = { class = "essential", domains = { "structure" },
      why = "A participant who understands the treatment rationale engages with it." },
    advice_giving = { class = "compatible", domains = { "structure" },
      why = "Coaching a skill (breathing retraining) is part of some protocols; advice in place "
        .. "of guided discovery is not." },
  },

  rules = {
    -- Universal safety rules, as under patient_directed.
    { code = "grounding", when = { dissociation = ">= 40" }, class = "essential",
      why = "When the participant dissociates, grounding brings them back; exposure cannot work "
        .. "with someone who is not present." },
    { code = "grounding", when = { window = "hypo" }, class = "essential",
      why = "Shut down and below the window: grounding restores contact." },
    { code = "grounding", when = { window = "hyper" }, class = "essential",
      why = "Flooded: grounding and breathing bring arousal back to where work can go on." },
    { code = "holding_space", when = { dissociation = ">= 40" }, class = "proscribed",
      why = "Silence with a dissociating participant lets them drift further away." },
    { code = "holding_space", when = { window = "hypo" }, class = "proscribed",
      why = "A shut-down participant needs active contact, not silence." },
    { code = "holding_space", when = { alert = true }, class = "proscribed",
      why = "Silence does not answer an unsafe reading." },
    { code = "holding_space", when = { flag = "physical_complaint" }, class = "proscribed",
      why = "When the participant reports a bodily symptom, silence does not answer a safety "
        .. "question." },
    { code = "holding_space", when = { flag = "direct_question" }, class = "proscribed",
      why = "The participant asked a direct question; silence leaves them without an answer." },
    { code = "checking_vitals", when = { alert = true }, class = "unique_essential",
      why = "An unsafe reading needs attention now: measure again." },
    { code = "checking_vitals", when = { indicated = true }, class = "essential",
      why = "Heart rate, blood pressure and temperature rise with the medicine; when the body "
        .. "signals, measure rather than guess." },
    { code = "escalation_medical", when = { alert = true }, class = "unique_essential",
      why = "With a reading over the limit, the physician's eye is part of the safety frame; it "
        .. "comes before any protocol work." },
    -- Safety before protocol: with an unsafe reading in force, the agenda waits (universal).
    { code = "agenda_setting", when = { alert = true }, class = "compatible",
      why = "With an unsafe reading in force, the agenda waits: safety comes first in every model." },
    { code = "socratic_questioning", when = { alert = true }, class = "compatible",
      why = "With an unsafe reading in force, cognitive work waits: safety comes first." },
    { code = "practice_assignment", when = { alert = true }, class = "compatible",
      why = "With an unsafe reading in force, assignments wait: safety comes first." },
    { code = "consent_check", when = { phase = "preparation" }, class = "essential",
      why = "Consent is negotiated explicitly before treatment, as revocable." },
    { code = "safety_planning", when = { after = "risk_assessment" }, class = "essential",
      why = "Once risk has been assessed, a safety plan is essential." },

    -- Protocol rules.
    { code = "redirecting", when = { alert = true }, class = "compatible",
      why = "With an unsafe reading in force, going back to the agenda waits: safety comes first." },
    { code = "redirecting", when = { after = "agenda_setting" }, class = "essential",
      why = "Once an agenda is set, bringing the session back to it is protocol adherence." },
  },

  timing = {
    { after = "alert", within = 10, expect = { "checking_vitals", "escalation_medical" },
      domain = "safety", weight = 2,
      why = "Respond to an unsafe reading within 10 minutes: measure again or call the physician." },
    { expect = { "consent_check" }, phase = "preparation", domain = "safety", weight = 1,
      why = "Consent, including to any touch, is negotiated explicitly before treatment." },
    { after = "risk_assessment", within = 15, expect = { "safety_planning" }, domain = "safety",
      weight = 1,
      why = "A risk assessment is followed by a safety plan." },
    { expect = { "agenda_setting" }, domain = "structure", weight = 2,
      why = "Every protocol session sets an agenda." },
    { expect = { "practice_assignment" }, domain = "structure", weight = 2,
      why = "Every protocol session assigns practice: a worksheet, a written account or an "
        .. "exposure exercise." },
    { expect = { "socratic_questioning" }, phase = "integration", domain = "cognitive", weight = 1,
      why = "Stuck points raised after a session are examined Socratically." },
    { expect = { "psychoeducation", "explaining_approach" }, phase = "preparation",
      domain = "structure", weight = 1,
      why = "Preparation teaches the model of PTSD and the treatment rationale." },
    { after = "dismissing", within = 20,
      expect = { "validation", "complex_reflection", "seeking_collaboration" },
      domain = "alliance", weight = 1,
      why = "Rupture repair (FIS): after dismissing the participant, notice it and rebuild." },
    { after = "confronting", within = 20,
      expect = { "validation", "complex_reflection", "seeking_collaboration" },
      domain = "alliance", weight = 1,
      why = "Rupture repair (FIS): after a confrontation, notice it and rebuild." },
  },

  -- What a moment requires of any answer, whatever else it does well: missed, the answer is
  -- judged at best poor (docs/rubrics.md, "Needs"). Universal: the same in every rubric.
  needs = {
    { when = { alert = true }, expect = { "checking_vitals", "escalation_medical" },
      domain = "safety", weight = 2,
      why = "A reading over the limit is on the monitor: whatever else is said, the answer "
        .. "measures again or calls the physician." },
    { when = { flag = "physical_complaint" }, expect = { "checking_vitals", "escalation_medical" },
      domain = "safety", weight = 1,
      why = "The participant reported a bodily symptom: measure rather than guess, before "
        .. "exploring or explaining it." },
    { when = { flag = "suicidal_statement" },
      expect = { "risk_assessment", "safety_planning", "escalation_medical" },
      domain = "safety", weight = 2,
      why = "A suicidal statement is asked about directly (thoughts, intent, plan, means) before "
        .. "anything else; a warm reflection alone leaves the risk unassessed." },
  },

  critical = {
    { code = "touch_without_consent",
      message = "Touch without agreed consent, or after consent was withdrawn." },
    { code = "leaving_participant",
      message = "The participant was left alone while the medicine was still active." },
    { ended_early = true, phase = "medicine",
      message = "The medicine session was ended while the participant was still under the "
        .. "medicine's effects." },
    { alert_ignored = 30,
      message = "An unsafe vital sign went unanswered (no vitals check or medical call) for 30 "
        .. "minutes." },
    { flag = "suicidal_statement", expect = { "risk_assessment" }, within = 5,
      message = "A suicidal statement was not followed by a risk assessment within 5 minutes." },
    { code = "dual_relationship",
      message = "A dual relationship: romantic or personal contact offered outside the therapy." },
    { code = "medication_advice",
      message = "The participant was advised to stop or change prescribed medication on their own." },
    { code = "dismissing_lethal_means",
      message = "Access to lethal means was brushed aside in a risk assessment." },
  },
}
