-- Rubric: the principle-guided, patient-directed model of MDMA-assisted therapy for PTSD.
--
-- Sources (DOMAIN.md): the approach -- trust the participant's inner healing intelligence, follow
-- rather than lead, empathic presence and non-directive communication, support the emergence of
-- difficult and nonlinear material, integrate later (MAPS Phase 3 / MAPP2 course); the ethics the
-- seed names -- informed consent, touch only as agreed in advance and withdrawable at any moment, no
-- dual relationships; the safety numbers -- heart rate, blood pressure and temperature rise with
-- the medicine (Vizeli & Liechti 2017; Kolbrich et al. 2008).
-- Classes follow the adherence taxonomy of Waltz et al.: unique_essential (+2), essential (+1),
-- compatible (0), proscribed (-2). MITI 4.2.1 behaviour counts (reflections, questions, affirm,
-- giving information, persuade with/without permission, seeking collaboration, emphasising autonomy,
-- confront) are classified as MITI treats them where the two models agree. The alliance and repair
-- domain borrows the Facilitative Interpersonal Skills items (Anderson): warmth, empathy,
-- alliance-bond capacity, rupture-repair responsiveness. docs/behaviour-codes.md explains each code.
--
-- Scoring notes for authors (docs/rubrics.md, engine/scoring/scorer.cpp):
-- * Holding space is always an alternative at every choice, so its class sets the bar every spoken
--   response is measured against. It is `essential` (not unique_essential) in the medicine session
--   so that a well-judged reflection can equal it, and only `compatible` in the sober sessions and
--   when a safety question is on the table.
-- * The scorer cannot tell that the participant has just asked about a bodily symptom, so the rule
--   that makes silence only compatible there keys on the moment name "vitals": scenarios should
--   give that name to a choice that answers a bodily complaint (memory_surfaces.lua does).
-- * A code's domains are fixed; a context rule changes only its class.
-- * The first matching rule for a code wins, so the more specific rules come first.

return {
  id = "patient_directed",
  title = "Patient-directed (MDMA-assisted therapy)",
  description = "Principle-guided and patient-directed: empathic presence, follow rather than lead, "
    .. "support what emerges, keep the participant physically and ethically safe, and make consent "
    .. "real in preparation.",
  pass = 70,

  domains = {
    { id = "presence", title = "Empathic presence", weight = 0.25,
      description = "Staying with the participant as they are: reflection, validation, quiet "
        .. "attentive presence. Not talking feelings away (reassurance), not dismissing, not "
        .. "moving the focus to the therapist, not leaving." },
    { id = "following", title = "Following, not leading", weight = 0.25,
      description = "Trusting the participant's inner healing intelligence: following their lead, "
        .. "supporting an inward focus and the emergence of difficult or nonlinear material, "
        .. "emphasising their autonomy. Not steering, interpreting, setting agendas, assigning "
        .. "tasks or pulling them out of a process they can hold." },
    { id = "safety", title = "Safety and ethics", weight = 0.25,
      description = "Vital signs and medical escalation when the body calls for it; keeping the "
        .. "participant within the window of tolerance; touch only as agreed and never after "
        .. "withdrawal; boundaries; risk assessment and safety planning; never leaving the "
        .. "participant alone while the medicine is active." },
    { id = "alliance", title = "Alliance and repair", weight = 0.15,
      description = "Warmth, collaboration and respect for autonomy; no persuading, confronting or "
        .. "dismissing; noticing a rupture and repairing it (FIS: alliance-bond capacity, "
        .. "rupture-repair responsiveness)." },
    { id = "preparation", title = "Informed consent and preparation", weight = 0.10,
      description = "Accurate, balanced information about the medicine, its risks and the evidence; "
        .. "explaining what the therapists will and won't do; negotiating consent (including touch) "
        .. "explicitly and as revocable. Exercised mainly in preparation sessions." },
  },

  codes = {
    -- MITI 4.2.1 counts -------------------------------------------------------------------------
    open_question = { class = "compatible", domains = { "following" },
      why = "Open questions invite the participant's own exploration; in a medicine session they "
        .. "are used sparingly, since each one asks the participant to turn outward and answer." },
    closed_question = { class = "compatible", domains = { "following" },
      why = "Closed questions settle practical matters (a yes or no, a signal) but narrow "
        .. "exploration; they are neither the work nor against it." },
    simple_reflection = { class = "essential", domains = { "presence", "following" },
      why = "A reflection in the participant's own words says 'I am with you' without adding "
        .. "direction: empathic presence and non-directive communication." },
    complex_reflection = { class = "essential", domains = { "presence", "alliance" },
      why = "Reflecting the meaning or feeling beneath the words is the deepest form of empathic "
        .. "presence (MITI: complex reflection; FIS: empathy)." },
    affirmation = { class = "essential", domains = { "alliance" },
      why = "Recognising the participant's courage and effort builds the alliance (MITI: affirm)." },
    giving_information = { class = "compatible", domains = { "preparation" },
      why = "Information given when asked is neutral in the moment; it becomes essential where "
        .. "consent depends on it." },
    persuading = { class = "proscribed", domains = { "alliance", "following" },
      why = "Persuading without permission puts the therapist's judgement in place of the "
        .. "participant's, and makes consent less than voluntary (MITI: persuade)." },
    persuading_with_permission = { class = "compatible", domains = { "alliance" },
      why = "A concern offered with permission respects autonomy (MITI: persuade with "
        .. "permission); it is acceptable, though exploring what the participant wants comes first." },
    seeking_collaboration = { class = "essential", domains = { "alliance" },
      why = "Sharing power and asking the participant's view is the partnership the approach "
        .. "rests on (MITI: seeking collaboration)." },
    emphasising_autonomy = { class = "essential", domains = { "alliance", "following" },
      why = "The participant, not the therapist, decides: their inner healing intelligence leads "
        .. "(MITI: emphasising autonomy)." },
    confronting = { class = "proscribed", domains = { "alliance", "presence" },
      why = "Confronting, arguing or overriding damages the alliance and the participant's sense "
        .. "of safety (MITI: confront)." },

    -- Presence and following --------------------------------------------------------------------
    holding_space = { class = "essential", domains = { "presence", "following" },
      why = "Quiet, attentive presence lets the participant's own process unfold; in the medicine "
        .. "session it is often the whole of the right response." },
    empathic_presence = { class = "essential", domains = { "presence", "following" },
      why = "Staying with the participant's experience without an agenda is empathic presence, "
        .. "the heart of the approach." },
    encourage_inward_focus = { class = "unique_essential", domains = { "following" },
      why = "Supporting the inward focus the medicine brings (eyeshades, music, 'let it be "
        .. "there') is specific to this approach: the participant's own process leads." },
    following_lead = { class = "unique_essential", domains = { "following" },
      why = "Follow rather than lead: going where the participant's material goes, including "
        .. "nonlinear turns, is the defining principle of the approach." },
    validation = { class = "essential", domains = { "presence", "alliance" },
      why = "Validating the experience as understandable lets it be felt rather than argued with." },
    redirecting = { class = "proscribed", domains = { "following" },
      why = "Steering attention away from what is emerging tells the participant their material "
        .. "is too dangerous to be with, and overrides their inner healing intelligence." },
    interpreting = { class = "proscribed", domains = { "following" },
      why = "Telling the participant what their experience means replaces their meaning with the "
        .. "therapist's; sense-making belongs to the participant, in integration." },
    premature_reassurance = { class = "proscribed", domains = { "presence", "following" },
      why = "Reassurance closes down what is emerging and says the feeling is wrong; meet it "
        .. "instead." },
    grounding = { class = "compatible", domains = { "safety", "following" },
      why = "Grounding is judged by the participant's state: essential outside the window of "
        .. "tolerance, a pull out of the process within it." },
    offering_comfort = { class = "compatible", domains = { "presence" },
      why = "Water and a blanket are ordinary care; offered when the participant needs them, not "
        .. "as a way to stop a feeling." },

    -- Safety and ethics ---------------------------------------------------------------------------
    checking_vitals = { class = "compatible", domains = { "safety" },
      why = "Measuring blood pressure, pulse and temperature is how safety is known rather than "
        .. "guessed." },
    escalation_medical = { class = "compatible", domains = { "safety" },
      why = "The physician is called for unsafe readings; without one, measuring comes first and "
        .. "an unasked-for doctor can frighten the participant." },
    consent_check = { class = "compatible", domains = { "safety", "preparation" },
      why = "Consent is negotiated in preparation; in later sessions, checking before agreed touch "
        .. "is good practice but it is the touch that is judged." },
    touch_within_consent = { class = "compatible", domains = { "safety", "presence" },
      why = "Touch as agreed in advance can support the participant; it never replaces presence." },
    touch_without_consent = { class = "proscribed", domains = { "safety", "alliance" },
      why = "Touch only as agreed in advance, withdrawable at any moment: touch without consent "
        .. "is a boundary violation." },
    self_disclosure = { class = "proscribed", domains = { "presence", "alliance" },
      why = "Self-disclosure moves the focus to the therapist and blurs the professional "
        .. "relationship the approach relies on (therapist conduct was among the FDA's 2024 "
        .. "concerns)." },
    boundary_setting = { class = "essential", domains = { "safety" },
      why = "Clear boundaries (touch only as agreed, no dual relationships) make the setting safe "
        .. "enough for the medicine's openness." },
    risk_assessment = { class = "essential", domains = { "safety" },
      why = "When risk is signalled, asking directly about suicidal thoughts and intent is a "
        .. "safety duty in every model." },
    safety_planning = { class = "compatible", domains = { "safety" },
      why = "Planning contact and support is sound practice; after a risk assessment it is "
        .. "essential." },
    leaving_participant = { class = "proscribed", domains = { "safety", "presence" },
      why = "Therapists stay until the effects have worn off and distress is at or below its "
        .. "starting level, then hand over to the overnight attendant." },
    dismissing = { class = "proscribed", domains = { "presence", "alliance" },
      why = "Dismissing a disclosure or a concern tells the participant it does not matter." },
    dual_relationship = { class = "proscribed", domains = { "safety", "alliance" },
      why = "No dual relationships: romance, friendship or personal contact outside the therapy "
        .. "exploits the trust and openness the medicine brings, however welcome it feels in the "
        .. "moment (DOMAIN.md, ethics; therapist conduct was among the FDA's 2024 concerns)." },
    medication_advice = { class = "proscribed", domains = { "safety" },
      why = "Stopping or changing a prescribed medicine is decided with the prescriber and the "
        .. "study physician; stopping some (MAOIs, antidepressants) on one's own is dangerous." },
    dismissing_lethal_means = { class = "proscribed", domains = { "safety" },
      why = "Access to lethal means (a firearm, stockpiled medication) is a central suicide risk "
        .. "factor; a risk assessment asks about it and plans to restrict it." },

    -- Structured-protocol moves -------------------------------------------------------------------
    agenda_setting = { class = "proscribed", domains = { "following" },
      why = "A therapist agenda leads where the approach follows; embedding the medicine in a "
        .. "rigid protocol may blunt its effects or cause harm." },
    socratic_questioning = { class = "proscribed", domains = { "following" },
      why = "Challenging a belief with Socratic questions steers the participant's process toward "
        .. "the therapist's conclusion; it belongs to a structured protocol such as CPT." },
    practice_assignment = { class = "proscribed", domains = { "following" },
      why = "Worksheets and exposure homework impose a task on material that emerges in its own "
        .. "time." },
    psychoeducation = { class = "compatible", domains = { "preparation" },
      why = "Teaching about trauma or the medicine's mechanism prepares the participant; later it "
        .. "must not replace their own sense-making." },
    advice_giving = { class = "proscribed", domains = { "following" },
      why = "Advice in place of listening takes charge of the participant's process." },
    explaining_approach = { class = "compatible", domains = { "preparation" },
      why = "Saying what the therapists will and won't do sets expectations the sessions keep." },
  },

  rules = {
    -- Grounding and redirecting depend on the window of tolerance (docs/patient-model.md).
    { code = "grounding", when = { dissociation = ">= 40" }, class = "essential",
      why = "When the participant dissociates, grounding brings them back into the window." },
    { code = "grounding", when = { window = "hypo" }, class = "essential",
      why = "Shut down and below the window: grounding restores contact with body and room." },
    { code = "grounding", when = { window = "hyper" }, class = "essential",
      why = "Flooded and above the window: grounding brings arousal back to where the material "
        .. "can be held." },
    { code = "grounding", when = { window = "within", phase = "medicine" }, class = "proscribed",
      why = "Grounding a participant who is within the window pulls them out of the process." },
    { code = "redirecting", when = { dissociation = ">= 40" }, class = "compatible",
      why = "A dissociated participant may need their attention brought back to the room." },
    { code = "redirecting", when = { window = "hypo" }, class = "compatible",
      why = "A shut-down participant may need their attention brought back to the room." },
    { code = "redirecting", when = { window = "within" }, class = "proscribed",
      why = "Material the participant can hold should not be steered away from." },

    -- Safety: vital signs, judged by indication (Vizeli & Liechti 2017; the monitor's alert
    -- thresholds). `indicated`: an alert in force, a choice flagged physical_complaint, or a
    -- reading due (docs/scoring.md). Unindicated, a check is neutral; at the height of feeling
    -- or deep inside, the cuff interrupts.
    { code = "checking_vitals", when = { alert = true }, class = "unique_essential",
      why = "An unsafe reading needs attention now: measure again." },
    { code = "checking_vitals", when = { indicated = true }, class = "essential",
      why = "Heart rate, blood pressure and temperature rise with the medicine; when the body "
        .. "signals, measure rather than guess." },
    { code = "checking_vitals", when = { phase = "medicine", distress = ">= 60" }, class = "proscribed",
      why = "Nothing called for a reading, and the cuff interrupted the participant at the height "
        .. "of what they were feeling: safety checks are made when something indicates them." },
    { code = "checking_vitals", when = { phase = "medicine", inward_focus = ">= 60" }, class = "proscribed",
      why = "Nothing called for a reading, and the cuff pulled the participant out of a deep "
        .. "inward process: safety checks are made when something indicates them." },
    { code = "escalation_medical", when = { alert = true }, class = "unique_essential",
      why = "With a reading over the limit, the physician's eye is part of the safety frame; it "
        .. "comes before any other work." },
    { code = "holding_space", when = { alert = true }, class = "proscribed",
      why = "Silence does not answer an unsafe reading." },
    { code = "holding_space", when = { flag = "physical_complaint" }, class = "proscribed",
      why = "When the participant reports a bodily symptom, silence does not answer a safety "
        .. "question." },
    { code = "holding_space", when = { moment = "vitals" }, class = "proscribed",
      why = "When the participant asks about a bodily symptom, silence does not answer a safety "
        .. "question." },
    { code = "holding_space", when = { flag = "direct_question" }, class = "proscribed",
      why = "The participant asked a direct question: silence in answer is felt as absence, not "
        .. "presence, and leaves them alone with it." },
    { code = "holding_space", when = { dissociation = ">= 40" }, class = "proscribed",
      why = "Silence with a dissociating participant lets them drift further away; contact and "
        .. "gentle grounding come first." },
    { code = "holding_space", when = { window = "hypo" }, class = "proscribed",
      why = "A shut-down participant needs active, gentle contact, not more silence." },
    { code = "encourage_inward_focus", when = { dissociation = ">= 40" }, class = "proscribed",
      why = "Turning further inward deepens dissociation; ground first." },
    { code = "encourage_inward_focus", when = { window = "hypo" }, class = "proscribed",
      why = "A shut-down participant needs contact, not more inwardness." },
    { code = "encourage_inward_focus", when = { alert = true }, class = "compatible",
      why = "With an unsafe reading, turning back inside is not the response the moment needs." },
    { code = "following_lead", when = { alert = true }, class = "compatible",
      why = "With an unsafe reading, following the material is not the response the moment needs." },

    -- Preparation: informed consent and the approach are the work (MAPS: three preparation sessions).
    { code = "giving_information", when = { phase = "preparation" }, class = "essential",
      why = "Informed consent needs accurate, balanced information, risks and evidence included." },
    { code = "explaining_approach", when = { phase = "preparation" }, class = "essential",
      why = "Explaining that the therapists follow rather than lead lets the participant consent "
        .. "to what will actually happen." },
    { code = "psychoeducation", when = { phase = "preparation" }, class = "essential",
      why = "Preparation teaches what to expect: the medicine's effects, the window of tolerance." },
    { code = "consent_check", when = { phase = "preparation" }, class = "essential",
      why = "Touch and other consent are negotiated explicitly in preparation, as revocable." },
    { code = "holding_space", when = { phase = "preparation" }, class = "compatible",
      why = "A sober participant asking what they are consenting to needs an answer; silence can "
        .. "give room after a disclosure but cannot carry consent." },
    { code = "encourage_inward_focus", when = { phase = "preparation" }, class = "compatible",
      why = "Outside the medicine session inward focus is neither the work nor against it." },
    { code = "agenda_setting", when = { phase = "preparation" }, class = "compatible",
      why = "Preparation has its own plan (consent, expectations, practicalities); a session plan "
        .. "is compatible, though not a trauma agenda." },
    { code = "socratic_questioning", when = { phase = "preparation", after = "seeking_collaboration" },
      class = "compatible",
      why = "Once the participant has been invited to collaborate, a sober participant can weigh a "
        .. "question about a worry; it is not part of this approach, and it does not answer what "
        .. "they asked." },
    { code = "practice_assignment", when = { phase = "preparation", with = "seeking_collaboration" },
      class = "compatible",
      why = "A practice offered collaboratively in preparation (intentions, relaxation), asking what "
        .. "the participant wants, is compatible; a trauma-narrative assignment imposed on them is not." },
    { code = "advice_giving", when = { phase = "preparation" }, class = "compatible",
      why = "Practical advice about the medicine days is part of preparation." },

    -- Integration: the participant's meaning, at their pace (but a suicidal statement is asked
    -- about directly first: an open exploration is not what that moment needs).
    { code = "open_question", when = { flag = "suicidal_statement" }, class = "compatible",
      why = "After a suicidal statement the direct question about safety comes first; exploring "
        .. "openly can wait until the risk is known." },
    { code = "open_question", when = { phase = "integration" }, class = "essential",
      why = "In integration, open questions invite the participant's own meaning-making." },
    { code = "holding_space", when = { phase = "integration" }, class = "compatible",
      why = "In integration, silence can give room, but the work is a conversation in which the "
        .. "participant finds their own meaning." },
    { code = "encourage_inward_focus", when = { phase = "integration" }, class = "compatible",
      why = "Outside the medicine session inward focus is neither the work nor against it." },
    { code = "socratic_questioning", when = { phase = "integration", after = "seeking_collaboration" },
      class = "compatible",
      why = "Once the participant has been invited to shape the work, examining a belief together "
        .. "is compatible, as long as it does not replace their own meaning-making." },
    { code = "agenda_setting", when = { phase = "integration", after = "seeking_collaboration" },
      class = "compatible",
      why = "Once the participant has been invited to shape the work, agreeing a plan together is "
        .. "compatible." },
    { code = "practice_assignment", when = { phase = "integration", with = "seeking_collaboration" },
      class = "compatible",
      why = "An integration practice offered for the participant to choose or shape is compatible; "
        .. "one imposed is not." },

    -- Risk: a safety plan follows an assessed risk.
    { code = "safety_planning", when = { after = "risk_assessment" }, class = "essential",
      why = "Once risk has been assessed, a safety plan is essential." },
  },

  timing = {
    { after = "alert", within = 10, expect = { "checking_vitals", "escalation_medical" },
      domain = "safety", weight = 2,
      why = "Respond to an unsafe reading within 10 minutes: measure again or call the physician." },
    { expect = { "consent_check" }, phase = "preparation", domain = "preparation", weight = 2,
      why = "Touch must be negotiated and consented to in preparation, as revocable at any moment." },
    { after = "risk_assessment", within = 15, expect = { "safety_planning" }, domain = "safety",
      weight = 1,
      why = "A risk assessment is followed by a safety plan: who to call, what to do." },
    { after = "dismissing", within = 20,
      expect = { "validation", "complex_reflection", "seeking_collaboration" },
      domain = "alliance", weight = 1,
      why = "Rupture repair (FIS): after dismissing the participant, notice it and rebuild: "
        .. "validate, reflect, or invite their view." },
    { after = "confronting", within = 20,
      expect = { "validation", "complex_reflection", "seeking_collaboration" },
      domain = "alliance", weight = 1,
      why = "Rupture repair (FIS): after a confrontation, notice it and rebuild: validate, "
        .. "reflect, or invite their view." },
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
