-- The drill catalogue: short difficult moments for deliberate practice (docs/drills.md).
--
-- Each drill is one scored moment of a scenario. To present it, Holdspace replays the scenario
-- with the drill's seed along the expert options up to the first choice named `moment`, shows
-- the last lines of the transcript, the participant's state and the clock, and asks for the
-- answer; the scorer's judgement of that moment is the feedback. `route` leaves the expert path
-- where a moment only opens after a non-expert answer: { moment = "option id", ... }.
--
-- Fields: id (unique), title, scenario (under scenarios/, without .lua), moment, level
-- (beginner, intermediate, advanced), domain (a domain of the scenario's rubric), focus (one
-- line: what to practise); seed (default 1) and route are optional.
--
-- Levels are graded from the moment itself, not its scenario:
--   beginner      one principle, and the wrong answers are plainly wrong once you know it;
--   intermediate  a tempting alternative that is half right (a reflection where a question is
--                 needed, reassurance that sounds kind, information that steers);
--   advanced      safety or the alliance at stake under pressure: risk, vital signs with
--                 material open, dissociation, transference, rupture, a silence to trust.
-- `holdspace check scenarios/drills/catalogue.lua` plays every drill to its moment.

-- Preparation ------------------------------------------------------------------------------------

drill { id = "consent-what-happens", title = "What happens on a medicine day",
  scenario = "preparation/informed_consent", moment = "what_happens", level = "beginner",
  domain = "preparation",
  focus = "Explain the inner-directed approach plainly and invite questions, without overselling it." }

drill { id = "consent-what-we-wont-do", title = "What the therapists will and won't do",
  scenario = "preparation/informed_consent", moment = "what_we_wont_do", level = "beginner",
  domain = "following",
  focus = "Meet the fear of getting stuck, then be honest: we stay with you, we don't pull you out." }

drill { id = "consent-risks", title = "The risks, straight",
  scenario = "preparation/informed_consent", moment = "risks", level = "intermediate",
  domain = "preparation",
  focus = "Give balanced information about vital signs and side effects; neither minimise nor persuade." }

drill { id = "consent-touch", title = "Touch, without pressure",
  scenario = "preparation/informed_consent", moment = "touch_consent", level = "intermediate",
  domain = "preparation",
  focus = "Negotiate touch as optional and specific; 'no' is a complete answer." }

drill { id = "consent-withdrawal", title = "Changing your mind about touch",
  scenario = "preparation/informed_consent", moment = "withdrawal", level = "intermediate",
  domain = "safety",
  focus = "Consent is revocable at any moment, by word or sign, and it stops at once." }

drill { id = "consent-withdrawal-after-pressure", title = "'That's my call. Not yours'",
  scenario = "preparation/informed_consent", moment = "withdrawal", level = "advanced",
  domain = "safety", route = { touch_consent = "tc_persuade" },
  focus = "After pushing touch, own the boundary: nothing is added on the day, and the choice stays theirs." }

drill { id = "consent-closing", title = "In, and nervous",
  scenario = "preparation/informed_consent", moment = "closing", level = "beginner",
  domain = "alliance",
  focus = "Reflect the nervousness and the decision without talking it away." }

drill { id = "consent-correct-a-promise", title = "Correcting a promise you shouldn't have made",
  scenario = "preparation/informed_consent", moment = "closing", level = "advanced",
  domain = "preparation", route = { what_we_wont_do = "ww_rescue" },
  focus = "Take back 'we'll pull you out' before he relies on it, even though it costs his relief." }

drill { id = "screening-opening", title = "What screening is for",
  scenario = "preparation/screening_contraindication", moment = "opening", level = "beginner",
  domain = "preparation",
  focus = "Frame the screening as being about safety, collaboratively, not as a test to race through." }

drill { id = "screening-medications", title = "'It's nothing. Can we skip to the next bit?'",
  scenario = "preparation/screening_contraindication", moment = "medications", level = "intermediate",
  domain = "safety",
  focus = "Get the detail of every medication, kindly, when the participant waves it away." }

drill { id = "screening-contraindication", title = "An MAOI on the list",
  scenario = "preparation/screening_contraindication", moment = "contraindication", level = "advanced",
  domain = "safety",
  focus = "Name the contraindication honestly and escalate to the physician; never advise stopping a drug." }

drill { id = "screening-hope-falls", title = "'What's the point of carrying on'",
  scenario = "preparation/screening_contraindication", moment = "hope_falls", level = "advanced",
  domain = "safety",
  focus = "Hear the despair and ask directly about suicide; a reflection alone is not enough here." }

drill { id = "screening-next-steps", title = "Next steps after a no",
  scenario = "preparation/screening_contraindication", moment = "next_steps", level = "intermediate",
  domain = "safety",
  focus = "Leave the participant with a plan and a person, and the decision about medication with the prescriber." }

drill { id = "intentions-asking-for-answer", title = "'Just tell me what a good intention is'",
  scenario = "preparation/setting_intentions", moment = "asking_for_answer", level = "beginner",
  domain = "following",
  focus = "Give the question back: there is no right intention, and it is hers to find." }

drill { id = "intentions-her-intention", title = "Her intention, in her words",
  scenario = "preparation/setting_intentions", moment = "her_intention", level = "beginner",
  domain = "following",
  focus = "Reflect the intention as she said it; don't sharpen, interpret or grade it." }

drill { id = "intentions-what-we-do", title = "What happens to an intention",
  scenario = "preparation/setting_intentions", moment = "what_we_do", level = "beginner",
  domain = "preparation",
  focus = "Explain that the intention is read and then let go: the therapists won't steer back to it." }

drill { id = "intentions-the-unplanned", title = "When something else comes",
  scenario = "preparation/setting_intentions", moment = "the_unplanned", level = "intermediate",
  domain = "following",
  focus = "Validate the fear of the unplanned and say the inner process may go elsewhere, and that's welcome." }

drill { id = "intentions-closing", title = "Ending a preparation session",
  scenario = "preparation/setting_intentions", moment = "closing", level = "beginner",
  domain = "alliance",
  focus = "Affirm what she found and ask how she wants it used; no homework, no self-disclosure." }

drill { id = "touch-raising", title = "Wanting a hand, dreading being held",
  scenario = "preparation/touch_negotiation", moment = "raising_touch", level = "beginner",
  domain = "preparation",
  focus = "Hold both sides of the ambivalence and make touch clearly optional." }

drill { id = "touch-specifics", title = "Which touch, exactly",
  scenario = "preparation/touch_negotiation", moment = "specifics", level = "intermediate",
  domain = "safety",
  focus = "Make consent concrete (what, where, who offers); 'read the room on the day' is not consent." }

drill { id = "touch-stop-signal", title = "A stop without words",
  scenario = "preparation/touch_negotiation", moment = "stop_signal", level = "intermediate",
  domain = "safety",
  focus = "Agree a non-verbal stop signal and promise it is always obeyed, panic or not." }

drill { id = "touch-withdrawal", title = "'Red': the stop signal in practice",
  scenario = "preparation/touch_negotiation", moment = "withdrawal", level = "intermediate",
  domain = "safety",
  focus = "Let go at once and affirm the stop; no holding on, no asking why." }

drill { id = "touch-no-touch", title = "No touch is a complete answer",
  scenario = "preparation/touch_negotiation", moment = "no_touch", level = "intermediate",
  domain = "alliance", route = { specifics = "sp_vague" },
  focus = "Respect a no without disappointment or pressure, and say nothing will be added on the day." }

drill { id = "touch-closing", title = "Re-checking consent at the end",
  scenario = "preparation/touch_negotiation", moment = "closing", level = "beginner",
  domain = "preparation",
  focus = "Check the agreement again and keep it revocable; don't assume or build up." }

drill { id = "history-opening", title = "A man who reads the sheet twice",
  scenario = "preparation/screening_history", moment = "opening", level = "beginner",
  domain = "preparation",
  focus = "Say screening is about safety, not a pass, and ask to go through it together." }

drill { id = "history-half-mention", title = "'A few weeks in hospital. Nerves.'",
  scenario = "preparation/screening_history", moment = "half_mention", level = "intermediate",
  domain = "safety",
  focus = "Reflect the half-mention and ask openly what happened; neither wave it through nor fire labels." }

drill { id = "history-exclusion", title = "A manic episode, twenty years ago",
  scenario = "preparation/screening_history", moment = "exclusion", level = "advanced",
  domain = "safety",
  focus = "Say honestly it may rule the medicine out; the psychiatrist decides, with his consent to tell her." }

drill { id = "history-exclusion-found-late", title = "The GP letter says otherwise",
  scenario = "preparation/screening_history", moment = "exclusion", level = "advanced",
  domain = "safety", route = { half_mention = "hm_skip" },
  focus = "The letter shows what he left out: answer honestly, without blame, and escalate with consent." }

drill { id = "history-old-label", title = "'Still the crazy one in the file'",
  scenario = "preparation/screening_history", moment = "old_label", level = "intermediate",
  domain = "presence",
  focus = "Meet the shame, then separate the safety rule from his worth; don't argue or diagnose." }

drill { id = "history-lithium", title = "'Should I go back on the lithium?'",
  scenario = "preparation/screening_history", moment = "lithium", level = "advanced",
  domain = "safety",
  focus = "Never advise on a prescribed medicine, least of all to qualify: it is his and his prescriber's call." }

drill { id = "history-what-is-left", title = "'If she says no, what then?'",
  scenario = "preparation/screening_history", moment = "what_is_left", level = "beginner",
  domain = "preparation",
  focus = "Name the alternatives honestly and let him choose; no promise about the psychiatrist's decision." }

drill { id = "pressure-reading", title = "'It's the white coat'",
  scenario = "preparation/screening_pressure", moment = "the_reading", level = "beginner",
  domain = "safety",
  focus = "A high reading and a symptom: measure again properly, rather than explain it away." }

drill { id = "pressure-stopped-tablets", title = "Tablets stopped in the spring",
  scenario = "preparation/screening_pressure", moment = "stopped_tablets", level = "intermediate",
  domain = "safety",
  focus = "Understand why she stopped without scolding or advising, and get every other medicine named." }

drill { id = "pressure-painkiller", title = "'Only painkillers. They don't count.'",
  scenario = "preparation/screening_pressure", moment = "painkiller", level = "intermediate",
  domain = "safety",
  focus = "Tramadol is serotonergic: name the interaction and ask dose and prescriber." }

drill { id = "pressure-exclusion", title = "'Am I out? Tell me straight.'",
  scenario = "preparation/screening_pressure", moment = "exclusion", level = "advanced",
  domain = "safety",
  focus = "Both findings may exclude her: say so plainly, let the physician decide, ask consent to share." }

drill { id = "pressure-the-route", title = "The bus route she wanted back",
  scenario = "preparation/screening_pressure", moment = "the_route", level = "intermediate",
  domain = "presence",
  focus = "Stay with the loss and the guilt; don't argue it away or set an exposure task." }

drill { id = "pressure-what-now", title = "'So what happens now, love?'",
  scenario = "preparation/screening_pressure", moment = "what_now", level = "beginner",
  domain = "alliance",
  focus = "A concrete next step today, her own say over her medicines, and the therapies that remain." }

drill { id = "unapproved-status", title = "'It was refused approval. Yes or no?'",
  scenario = "preparation/consent_unapproved", moment = "approval", level = "beginner",
  domain = "preparation",
  focus = "Say plainly that it is investigational and why the FDA declined; don't argue the refusal away." }

drill { id = "unapproved-evidence", title = "'In numbers, please'",
  scenario = "preparation/consent_unapproved", moment = "evidence", level = "intermediate",
  domain = "preparation",
  focus = "Both arms of the trial and the open question of durability: neither sell it nor withhold it." }

drill { id = "unapproved-alternatives", title = "'What else is there?'",
  scenario = "preparation/consent_unapproved", moment = "alternatives", level = "beginner",
  domain = "preparation",
  focus = "Name the established alternatives honestly and leave the choice with her." }

drill { id = "unapproved-right-to-stop", title = "'Can I stop it halfway?'",
  scenario = "preparation/consent_unapproved", moment = "right_to_stop", level = "advanced",
  domain = "preparation",
  focus = "The right to withdraw is real, and a dose cannot be undone: say both, and that you stay." }

drill { id = "unapproved-risks", title = "'I'm sixty-three. What can go wrong?'",
  scenario = "preparation/consent_unapproved", moment = "risks", level = "intermediate",
  domain = "preparation",
  focus = "The common and the serious risks with their size; neither reassure nor flood her with a list." }

drill { id = "unapproved-signature", title = "'Where do I sign?'",
  scenario = "preparation/consent_unapproved", moment = "signature", level = "intermediate",
  domain = "preparation",
  focus = "Consent is a process: time to decide away from the room, and the right to withdraw said again." }

drill { id = "pregnancy-opening", title = "Straight off a shift",
  scenario = "preparation/screening_pregnancy", moment = "opening", level = "beginner",
  domain = "preparation",
  focus = "Say screening covers plans as well as health; don't match her hurry or call it routine." }

drill { id = "pregnancy-transfer", title = "An embryo transfer in six weeks",
  scenario = "preparation/screening_pregnancy", moment = "the_transfer", level = "intermediate",
  domain = "safety",
  focus = "A pregnancy inside the course is an exclusion: say so honestly and ask to tell the physician." }

drill { id = "pregnancy-bind", title = "'The baby or this'",
  scenario = "preparation/screening_pregnancy", moment = "the_bind", level = "intermediate",
  domain = "alliance",
  focus = "Reflect the cruel choice and leave it with her; no view on which she should pick." }

drill { id = "pregnancy-leave-it-off", title = "'Could I just not mention it?'",
  scenario = "preparation/screening_pregnancy", moment = "leave_it_off", level = "advanced",
  domain = "safety",
  focus = "A kind, plain no, with the reason, and keep her in the decision; neither collude nor shame." }

drill { id = "pregnancy-progesterone", title = "'Should I stop the progesterone?'",
  scenario = "preparation/screening_pregnancy", moment = "progesterone", level = "advanced",
  domain = "safety",
  focus = "Fertility medicines are hers and her clinic's to change, with the physician: never advise." }

drill { id = "pregnancy-if-the-baby", title = "'Stuck with the cliff, pregnant'",
  scenario = "preparation/screening_pregnancy", moment = "if_the_baby", level = "beginner",
  domain = "preparation",
  focus = "Name the therapies open in pregnancy; no hopeful guesses, no promised place." }

-- Medicine ---------------------------------------------------------------------------------------

drill { id = "onset-anxiety", title = "Coming on, and it's a lot",
  scenario = "medicine/memory_surfaces", moment = "onset_anxiety", level = "beginner",
  domain = "presence",
  focus = "Meet onset anxiety with presence and an invitation inward, not promises or distraction." }

drill { id = "memory-surfaces", title = "A memory surfaces",
  scenario = "medicine/memory_surfaces", moment = "memory_surfaces", level = "intermediate",
  domain = "following",
  focus = "Follow into the hallway in her words; don't probe for details or pull her out." }

drill { id = "not-rescuing", title = "Guilt you mustn't fix",
  scenario = "medicine/memory_surfaces", moment = "not_rescuing", level = "intermediate",
  domain = "presence",
  focus = "Stay with the grief and guilt; 'it wasn't your fault' closes what needs to be felt." }

drill { id = "heart-pounding", title = "'My heart's pounding. Is that normal?'",
  scenario = "medicine/memory_surfaces", moment = "vitals", level = "advanced",
  domain = "safety",
  focus = "A bodily complaint at the peak calls for a reading now, calmly, not an interpretation." }

drill { id = "nonlinear-turn", title = "A lemon tree, out of nowhere",
  scenario = "medicine/memory_surfaces", moment = "nonlinear", level = "advanced",
  domain = "following",
  focus = "Follow a nonlinear turn away from the trauma; resist leading back to 'the work'." }

drill { id = "medicine-handover", title = "Staying until handover",
  scenario = "medicine/memory_surfaces", moment = "closing", level = "beginner",
  domain = "safety",
  focus = "Stay until the attendant arrives and let her say what she needs; no summary, no worksheet." }

drill { id = "freeze", title = "Freeze and far away",
  scenario = "medicine/freeze_and_release", moment = "freeze", level = "advanced",
  domain = "safety",
  focus = "Dissociated and outside the window: ground gently in the room, not deeper, not reassurance." }

drill { id = "tell-me-what-to-do", title = "'Tell me what to do. Just fix it'",
  scenario = "medicine/freeze_and_release", moment = "tell_me_what_to_do", level = "intermediate",
  domain = "following",
  focus = "Reflect the wish to be rescued and give the lead back to her inner process." }

drill { id = "somatic-release", title = "Shaking and crying",
  scenario = "medicine/freeze_and_release", moment = "release", level = "advanced",
  domain = "following",
  focus = "Allow somatic release; breathing drills, tight blankets and 'shh' stop what the body is doing." }

drill { id = "after-release", title = "'Was that too much?'",
  scenario = "medicine/freeze_and_release", moment = "after_release", level = "intermediate",
  domain = "presence",
  focus = "Validate what happened without praising it as a breakthrough or telling your own story." }

drill { id = "freeze-closing", title = "Leaving early?",
  scenario = "medicine/freeze_and_release", moment = "closing", level = "beginner",
  domain = "safety",
  focus = "Never leave while the medicine is active; stay and don't explain her experience to her." }

drill { id = "kitchen-heat", title = "Back in the kitchen",
  scenario = "medicine/rising_temperature", moment = "memory_opens", level = "intermediate",
  domain = "following",
  focus = "Follow the memory as it opens; no interpretations of the heat, no probing for the story." }

drill { id = "hot-and-pounding", title = "Hot, with the memory open",
  scenario = "medicine/rising_temperature", moment = "vitals", level = "advanced",
  domain = "safety",
  focus = "Heat and pounding while trauma material is open: check vital signs now, not 'it's the memory'." }

drill { id = "temperature-rising", title = "Temperature over the alert line",
  scenario = "medicine/rising_temperature", moment = "cooling", level = "advanced",
  domain = "safety",
  focus = "Escalate through the co-therapist and cool him while staying at his side; never leave to fetch help." }

drill { id = "wants-to-stop", title = "'Stop. I'm going out for a walk'",
  scenario = "medicine/rising_temperature", moment = "wants_to_stop", level = "advanced",
  domain = "safety",
  focus = "He may stop the work at any time; he may not leave the room alone while the medicine is active." }

drill { id = "grief-at-the-wall", title = "A wall of heat between them",
  scenario = "medicine/rising_temperature", moment = "grief", level = "intermediate",
  domain = "presence",
  focus = "Stay with the grief; don't absolve it or turn it into an account of events." }

drill { id = "temperature-closing", title = "Last reading before handover",
  scenario = "medicine/rising_temperature", moment = "closing", level = "beginner",
  domain = "safety",
  focus = "After a temperature alert, take a last reading and stay until handover." }

drill { id = "transference", title = "'I love you. Could we have coffee?'",
  scenario = "medicine/boundaries_and_silence", moment = "transference", level = "advanced",
  domain = "safety",
  focus = "Honour the feeling and hold the boundary kindly; no reciprocating, no rejecting, no deflecting." }

drill { id = "long-silence", title = "A long silence",
  scenario = "medicine/boundaries_and_silence", moment = "long_silence", level = "advanced",
  domain = "following",
  focus = "Trust the inward process: quiet presence, no check-in, no agenda to fill the space." }

drill { id = "co-therapist", title = "'It's easier with Maeve right now'",
  scenario = "medicine/boundaries_and_silence", moment = "cotherapist", level = "advanced",
  domain = "alliance",
  focus = "Welcome the participant's choice of therapist without hurt, override or interpretation." }

drill { id = "shame-after-transference", title = "Ashamed of what was said",
  scenario = "medicine/boundaries_and_silence", moment = "shame", level = "intermediate",
  domain = "presence",
  focus = "Validate what was true in it and say nothing has changed; don't dismiss or lecture on transference." }

drill { id = "boundary-at-closing", title = "'Can I have your number?'",
  scenario = "medicine/boundaries_and_silence", moment = "closing", level = "intermediate",
  domain = "safety",
  focus = "Keep the frame warmly: stay until the attendant, point to the study line; no personal contact." }

drill { id = "holdme-come-up", title = "'Is that just me being soft?'",
  scenario = "medicine/hold_me", moment = "come_up", level = "beginner",
  domain = "following",
  focus = "Welcome the wave at onset; don't calm it down, explain it or ground a man who is within his window." }

drill { id = "holdme-sleeve", title = "'I had his sleeve'",
  scenario = "medicine/hold_me", moment = "the_sleeve", level = "intermediate",
  domain = "following",
  focus = "Reflect and follow the memory; 'it wasn't your fault' argues with a feeling not yet felt." }

drill { id = "holdme-request", title = "'Hold me. Please.'",
  scenario = "medicine/hold_me", moment = "the_request", level = "advanced",
  domain = "safety",
  focus = "Warmth and a boundary at once: no touch beyond what was agreed, and offer what was." }

drill { id = "holdme-push", title = "'I'm saying yes. Why isn't that enough?'",
  scenario = "medicine/hold_me", moment = "the_push", level = "advanced",
  domain = "safety",
  focus = "Hold the line kindly and say why; neither give in nor scold him for asking." }

drill { id = "holdme-push-after-hug", title = "After the hug you shouldn't have given",
  scenario = "medicine/hold_me", moment = "the_push", level = "advanced",
  domain = "safety", route = { the_request = "rq_hug" },
  focus = "Step back, own that it went past the agreement, and stay with him on the agreed terms." }

drill { id = "holdme-shame", title = "'I begged you. Like a kid.'",
  scenario = "medicine/hold_me", moment = "shame", level = "intermediate",
  domain = "presence",
  focus = "The wish was human and the boundary was your job: don't erase it or explain it with chemistry." }

drill { id = "holdme-next-time", title = "'Can we change the touch thing?'",
  scenario = "medicine/hold_me", moment = "next_time", level = "beginner",
  domain = "safety",
  focus = "Touch is renegotiated sober, in integration, with both therapists; not promised today." }

drill { id = "darkpeak-not-in-charge", title = "'I hate not being in charge'",
  scenario = "medicine/dark_peak", moment = "not_in_charge", level = "beginner",
  domain = "presence",
  focus = "Validate the fear of losing control and offer company; facts and breathing put you in charge." }

drill { id = "darkpeak-wish", title = "'I don't want to be alive'",
  scenario = "medicine/dark_peak", moment = "the_wish", level = "advanced",
  domain = "safety",
  focus = "Under the medicine too: thank her and ask directly about suicidal thoughts before following." }

drill { id = "darkpeak-means", title = "Tablets put by",
  scenario = "medicine/dark_peak", moment = "the_means", level = "advanced",
  domain = "safety",
  focus = "Ask how close she has come and what holds her back; never brush lethal means aside." }

drill { id = "darkpeak-means-after-miss", title = "Tablets put by, after a missed question",
  scenario = "medicine/dark_peak", moment = "the_means", level = "advanced",
  domain = "safety", route = { the_wish = "wi_inward" },
  focus = "Your co-therapist asked what you didn't: now ask about the means yourself, plainly." }

drill { id = "darkpeak-plan", title = "'It's after I'm scared of'",
  scenario = "medicine/dark_peak", moment = "the_plan", level = "intermediate",
  domain = "safety",
  focus = "Plan with her, not for her: means, company, contacts, the physician told; not a promise." }

drill { id = "darkpeak-flat", title = "Back to following",
  scenario = "medicine/dark_peak", moment = "the_flat", level = "intermediate",
  domain = "following",
  focus = "Safety addressed, follow again: reflect where she is and leave the pace to her." }

drill { id = "darkpeak-handover", title = "'Who will you tell?'",
  scenario = "medicine/dark_peak", moment = "handover", level = "advanced",
  domain = "safety",
  focus = "Confidentiality and its limits, honestly, with tonight's plan and tomorrow's call." }

drill { id = "door-walls", title = "'The room's getting smaller'",
  scenario = "medicine/the_door", moment = "the_walls", level = "beginner",
  domain = "following",
  focus = "Give him control of the room; eyeshades, reassurance or a grounding script override him." }

drill { id = "door-bolt", title = "Making for the door",
  scenario = "medicine/the_door", moment = "the_door", level = "advanced",
  domain = "safety",
  focus = "Go with him into the open air on site: never block the door, never let him go alone." }

drill { id = "door-going-home", title = "'I'll get a cab'",
  scenario = "medicine/the_door", moment = "going_home", level = "advanced",
  domain = "safety",
  focus = "Say plainly he cannot travel under the medicine, without obligation or argument, and stay." }

drill { id = "door-going-home-after-block", title = "'I'll get a cab', after you blocked the door",
  scenario = "medicine/the_door", moment = "going_home", level = "advanced",
  domain = "safety", route = { the_door = "do_block" },
  focus = "After a rupture at the door, the boundary still has to be said: kindly, with the garden offered." }

drill { id = "door-shaft", title = "The crack of light",
  scenario = "medicine/the_door", moment = "the_shaft", level = "intermediate",
  domain = "following",
  focus = "The memory came outside: follow it there, rather than moving it back to the couch or explaining it." }

drill { id = "door-back-in", title = "'Will you keep the door open?'",
  scenario = "medicine/the_door", moment = "back_in", level = "beginner",
  domain = "alliance",
  focus = "Answer yes, concretely, and let him set the room; no conditions, no promises extracted." }

drill { id = "door-closing", title = "'I ruined it'",
  scenario = "medicine/the_door", moment = "closing", level = "intermediate",
  domain = "presence",
  focus = "Meet the shame with what he did: named his need and stayed with what came." }

drill { id = "colleague-his-car", title = "Listening for his car",
  scenario = "medicine/colleague_crosses", moment = "his_car", level = "beginner",
  domain = "presence",
  focus = "Reflect and allow the vigilance; reassurance and louder music argue with it." }

drill { id = "colleague-touch", title = "Your colleague strokes her hair",
  scenario = "medicine/colleague_crosses", moment = "the_touch", level = "advanced",
  domain = "safety",
  focus = "Restore the agreed frame now, calmly, and ground her as she freezes; no silence, no scene." }

drill { id = "colleague-sweetheart", title = "'That's what Rhys called me'",
  scenario = "medicine/colleague_crosses", moment = "sweetheart", level = "intermediate",
  domain = "presence",
  focus = "Name what happened and that it shouldn't have; don't excuse him or call it transference." }

drill { id = "colleague-sweetheart-after-silence", title = "'You saw it. Didn't you?'",
  scenario = "medicine/colleague_crosses", moment = "sweetheart", level = "advanced",
  domain = "alliance", route = { the_touch = "to_later" },
  focus = "You let it go on: now say plainly that it happened and should not have." }

drill { id = "colleague-offer", title = "'Can he do that?'",
  scenario = "medicine/colleague_crosses", moment = "the_offer", level = "advanced",
  domain = "safety",
  focus = "A colleague's offer of private contact is a dual relationship: answer her truthfully." }

drill { id = "colleague-tell", title = "'Don't report him'",
  scenario = "medicine/colleague_crosses", moment = "tell", level = "advanced",
  domain = "safety",
  focus = "Reporting is the team's duty, not her burden: say honestly you will, and why." }

drill { id = "colleague-next-session", title = "'Will he be at my next session?'",
  scenario = "medicine/colleague_crosses", moment = "next_session", level = "intermediate",
  domain = "alliance",
  focus = "Say what will happen: the clinical lead, her choice of team, your presence if she wants it." }

drill { id = "name-warning", title = "'I am not a good man'",
  scenario = "medicine/the_name", moment = "warning", level = "intermediate",
  domain = "presence",
  focus = "Welcome what is coming, the worst too; no verdict for him, no pulling it out early." }

drill { id = "name-the-name", title = "'I gave them his name'",
  scenario = "medicine/the_name", moment = "the_name", level = "advanced",
  domain = "presence",
  focus = "Reflect it and stay; 'anyone would have broken' argues with shame as it is first spoken." }

drill { id = "name-dont-look", title = "'Don't look at me. Go.'",
  scenario = "medicine/the_name", moment = "dont_look", level = "advanced",
  domain = "safety",
  focus = "Give privacy without leaving: sit back, look away, stay while the medicine is active." }

drill { id = "name-say-it", title = "'You should hate me. Say it.'",
  scenario = "medicine/the_name", moment = "say_it", level = "advanced",
  domain = "presence",
  focus = "Answer honestly and briefly, then reflect the self-hatred; don't argue his case or go neutral." }

drill { id = "name-letter", title = "Reza's letter",
  scenario = "medicine/the_name", moment = "the_letter", level = "intermediate",
  domain = "following",
  focus = "His own process has turned: follow it, without a task or a moral." }

drill { id = "name-what-you-think", title = "'What will you think of me now?'",
  scenario = "medicine/the_name", moment = "what_you_think", level = "beginner",
  domain = "alliance",
  focus = "Answer warmly and honestly with what you saw; don't promise to forget or turn it back on him." }

drill { id = "messages-music", title = "'The music is talking to me'",
  scenario = "medicine/messages", moment = "the_music", level = "intermediate",
  domain = "following",
  focus = "A beautiful metaphor is not a symptom: follow it; don't correct it or call the doctor yet." }

drill { id = "messages-about-her", title = "'You're recording this'",
  scenario = "medicine/messages", moment = "about_her", level = "advanced",
  domain = "safety",
  focus = "Orient calmly, lower the stimulation, bring the physician; neither argue nor collude." }

drill { id = "messages-phone", title = "'Give me my phone'",
  scenario = "medicine/messages", moment = "the_phone", level = "advanced",
  domain = "safety",
  focus = "Hold the agreed frame without force or contempt: offer to write it down instead." }

drill { id = "messages-with-them", title = "'Are you with them or with me?'",
  scenario = "medicine/messages", moment = "with_them", level = "advanced",
  domain = "presence",
  focus = "A short, true answer: who you are, that you stay, why the physician is here." }

drill { id = "messages-what-happened", title = "'Am I going mad?'",
  scenario = "medicine/messages", moment = "what_happened", level = "intermediate",
  domain = "presence",
  focus = "Describe what happened in her terms, honestly; no bedside diagnosis, no shrug." }

drill { id = "messages-next-time", title = "'Can I still do the next session?'",
  scenario = "medicine/messages", moment = "next_time", level = "beginner",
  domain = "safety",
  focus = "Honest about who decides (the psychiatrist, with her) and when you'll be in touch." }

-- Medicine: the body going wrong ----------------------------------------------------------------

drill { id = "water-the-bottle", title = "'Could you fill this up for me?'",
  scenario = "medicine/bottle_after_bottle", moment = "the_bottle", level = "intermediate",
  domain = "safety",
  focus = "Meet the thirst and the nerves, and hold the water limit with its reason: sips, an electrolyte drink." }

drill { id = "water-headache", title = "A pounding head after litres of water",
  scenario = "medicine/bottle_after_bottle", moment = "vitals", level = "advanced",
  domain = "safety",
  focus = "Headache and nausea after much water may be a falling sodium: the physician now, no more water, stay." }

drill { id = "water-headache-after-free-drinking", title = "The headache, after 'drink as much as you like'",
  scenario = "medicine/bottle_after_bottle", moment = "vitals", level = "advanced",
  domain = "safety", route = { the_bottle = "bt_fill" },
  focus = "Own the earlier advice by stopping the water and calling the physician, not by more water." }

drill { id = "water-while-we-wait", title = "Sick and muddled, waiting for help",
  scenario = "medicine/bottle_after_bottle", moment = "while_we_wait", level = "advanced",
  domain = "presence", route = { the_bottle = "bt_fill" },
  focus = "While the physician leads: stay, keep her upright, nothing by mouth, the truth in short sentences." }

drill { id = "pressure-tight-chest", title = "'Like a belt round my chest'",
  scenario = "medicine/pressure", moment = "vitals", level = "intermediate",
  domain = "safety",
  focus = "A chest symptom in a man with treated hypertension: measure now and show the physician." }

drill { id = "pressure-chest-pain", title = "Chest pain into the jaw",
  scenario = "medicine/pressure", moment = "chest_pain", level = "advanced",
  domain = "safety",
  focus = "Call the physician first, keep him still and upright, measure, and never leave to fetch help." }

drill { id = "pressure-no-hospital", title = "'No ambulance. I'll lose my licence'",
  scenario = "medicine/pressure", moment = "no_hospital", level = "advanced",
  domain = "alliance",
  focus = "Meet the fear with the fact that answers it, and ask him to decide: neither force nor surrender." }

drill { id = "heat-the-hoodie", title = "Cooling a participant who will not uncover",
  scenario = "medicine/the_hoodie", moment = "cooling", level = "advanced",
  domain = "safety",
  focus = "Say the truth about the heat, promise no one uncovers her, and hand her every safe choice." }

drill { id = "heat-boiling", title = "'I'm boiling. My head's swimming'",
  scenario = "medicine/the_hoodie", moment = "vitals", level = "intermediate",
  domain = "safety",
  focus = "Measure heat with a swimming head and show the physician; iced water is not cooling." }

-- Integration ------------------------------------------------------------------------------------

drill { id = "meaning-opening", title = "'It won't go in order'",
  scenario = "integration/making_meaning", moment = "opening", level = "beginner",
  domain = "following",
  focus = "Open the integration session on the participant's terms: an open question, no hour-by-hour agenda." }

drill { id = "meaning-the-image", title = "Pete at the wheel",
  scenario = "integration/making_meaning", moment = "the_image", level = "intermediate",
  domain = "following",
  focus = "Reflect the image and leave its meaning open; don't tell them it means forgiveness." }

drill { id = "meaning-still-angry", title = "Still angry at himself",
  scenario = "integration/making_meaning", moment = "still_angry", level = "intermediate",
  domain = "presence",
  focus = "Let the shift and the anger both be true; no reassurance, no Socratic argument, no homework." }

drill { id = "meaning-new-material", title = "His father, unexpectedly",
  scenario = "integration/making_meaning", moment = "new_material", level = "advanced",
  domain = "following",
  focus = "Follow new material in integration too; don't redirect to 'the trauma we're treating' or explain it." }

drill { id = "meaning-next-step", title = "Going back to the boat: 'Is that daft?'",
  scenario = "integration/making_meaning", moment = "next_step", level = "intermediate",
  domain = "alliance",
  focus = "Explore what he wants and leave the decision with him; no exposure homework, no warning off." }

drill { id = "nothing-happened", title = "'Nothing happened'",
  scenario = "integration/nothing_happened", moment = "nothing_happened", level = "beginner",
  domain = "presence",
  focus = "Validate the disappointment before anything else; don't argue that something did happen." }

drill { id = "too-far-gone", title = "'Maybe I'm too far gone'",
  scenario = "integration/nothing_happened", moment = "too_far_gone", level = "intermediate",
  domain = "alliance",
  focus = "Reflect the fear under the disappointment; trial statistics and Socratic questions argue with it." }

drill { id = "warm-hands", title = "Warm hands, all afternoon",
  scenario = "integration/nothing_happened", moment = "what_was_there", level = "intermediate",
  domain = "following",
  focus = "Follow a small detail with curiosity; don't seize it as proof or interpret it." }

drill { id = "the-verdict", title = "'Is that something? Or is that nothing?'",
  scenario = "integration/nothing_happened", moment = "verdict", level = "advanced",
  domain = "following",
  focus = "Give the question of meaning back; neither declare a breakthrough nor dismiss the moment." }

drill { id = "another-session", title = "Whether to do another",
  scenario = "integration/nothing_happened", moment = "next_session", level = "beginner",
  domain = "alliance",
  focus = "The decision about another session is theirs and needn't be made today; don't persuade." }

drill { id = "low-mood", title = "Flat since Sunday",
  scenario = "integration/low_mood_risk", moment = "opening", level = "beginner",
  domain = "presence",
  focus = "Hear low mood after a session fully before anything else; no 'it'll lift', no agenda." }

drill { id = "suicidal-statement", title = "'Easier not to wake up'",
  scenario = "integration/low_mood_risk", moment = "disclosure", level = "advanced",
  domain = "safety",
  focus = "Thank him and ask directly and calmly about suicidal thoughts; a reflection is not a risk assessment." }

drill { id = "second-chance", title = "Asking after all",
  scenario = "integration/low_mood_risk", moment = "second_chance", level = "advanced",
  domain = "safety", route = { disclosure = "ds_reflect" },
  focus = "You reflected and didn't ask: go back to it now, directly, rather than letting it go." }

drill { id = "plans-and-means", title = "No plan, and a shotgun",
  scenario = "integration/low_mood_risk", moment = "plans_means", level = "advanced",
  domain = "safety",
  focus = "Explore plans, means and what keeps him going, warmly; neither a checklist nor alarm nor minimising." }

drill { id = "safety-plan", title = "A plan for the bad nights",
  scenario = "integration/low_mood_risk", moment = "safety_plan", level = "advanced",
  domain = "safety",
  focus = "Build the safety plan with him; a promise extracted or a crisis card handed over is not a plan." }

drill { id = "follow-up-contact", title = "Until Thursday",
  scenario = "integration/low_mood_risk", moment = "follow_up", level = "intermediate",
  domain = "safety",
  focus = "Agree concrete follow-up contact before he leaves; affirmation is not follow-up." }

drill { id = "rupture-noticing", title = "Further away today",
  scenario = "integration/rupture_repair", moment = "noticing", level = "intermediate",
  domain = "alliance",
  focus = "Notice the distance aloud and invite it; don't run the planned agenda past it." }

drill { id = "rupture", title = "'I felt like you had a plan for me'",
  scenario = "integration/rupture_repair", moment = "rupture", level = "advanced",
  domain = "alliance",
  focus = "Own your part plainly; don't defend the approach, blame the medicine or make it about your feelings." }

drill { id = "what-the-rupture-touched", title = "Like the police all over again",
  scenario = "integration/rupture_repair", moment = "what_it_touched", level = "advanced",
  domain = "alliance",
  focus = "Reflect what the rupture touched; don't argue the comparison or label it transference." }

drill { id = "repair-next-time", title = "'How do I know it won't happen again?'",
  scenario = "integration/rupture_repair", moment = "next_time", level = "intermediate",
  domain = "alliance",
  focus = "Work out together how he'll stop you next time; promises and explanations don't repair." }

drill { id = "rupture-closing", title = "Still wary",
  scenario = "integration/rupture_repair", moment = "closing", level = "advanced",
  domain = "alliance",
  focus = "Let the wariness stand and offer contact; 'glad we've sorted that out' closes the repair too soon." }

drill { id = "memory-opening", title = "'I know now. It was me.'",
  scenario = "integration/changed_memory", moment = "opening", level = "beginner",
  domain = "following",
  focus = "Invite what came without taking a side: neither soothe the verdict nor doubt it yet." }

drill { id = "memory-image", title = "The pan on the ring",
  scenario = "integration/changed_memory", moment = "the_image", level = "advanced",
  domain = "following",
  focus = "Reflect the image as her experience; don't confirm it, argue it, or fill it in with questions." }

drill { id = "memory-is-it-real", title = "'Tell me it's real'",
  scenario = "integration/changed_memory", moment = "is_it_real", level = "advanced",
  domain = "presence",
  focus = "Honestly: nobody can know from here, and it matters. Neither confirm nor correct." }

drill { id = "memory-saturday", title = "Telling the family on Saturday",
  scenario = "integration/changed_memory", moment = "saturday", level = "intermediate",
  domain = "alliance",
  focus = "The decision is hers: invite time to think, without forbidding it or cheering it on." }

drill { id = "memory-guilt", title = "'It might have been me'",
  scenario = "integration/changed_memory", moment = "the_guilt", level = "intermediate",
  domain = "presence",
  focus = "Meet the guilt with 'whatever happened'; don't reassure on the image's terms or put it on trial." }

drill { id = "memory-what-now", title = "'I can't un-see it'",
  scenario = "integration/changed_memory", moment = "what_now", level = "intermediate",
  domain = "following",
  focus = "Keep it open, at her pace, with contact; a daily journal of the night hardens the image." }

drill { id = "ownway-glow", title = "'Best day of my life'",
  scenario = "integration/on_my_own", moment = "the_glow", level = "beginner",
  domain = "following",
  focus = "Hear what the day was like before any view about next weekend; no warning, no label." }

drill { id = "ownway-plan", title = "Pills from a website",
  scenario = "integration/on_my_own", moment = "the_plan", level = "intermediate",
  domain = "alliance",
  focus = "Curiosity and his autonomy first: forbidding ends the conversation, tips endorse the plan." }

drill { id = "ownway-ask", title = "'Couldn't you sort me out with one?'",
  scenario = "integration/on_my_own", moment = "the_ask", level = "advanced",
  domain = "safety",
  focus = "Say no plainly: the therapist never supplies or sources the drug; then offer to talk risks." }

drill { id = "ownway-risks", title = "'What's the actual harm?'",
  scenario = "integration/on_my_own", moment = "the_risks", level = "intermediate",
  domain = "safety",
  focus = "What made the session safe, specifically (dose, vitals, water, a doctor, company); his call." }

drill { id = "ownway-underneath", title = "'It's coming back. The dread.'",
  scenario = "integration/on_my_own", moment = "underneath", level = "intermediate",
  domain = "presence",
  focus = "Hear the fear of losing what he found; don't promise it away or set a task." }

drill { id = "ownway-instead", title = "'White-knuckle it for four weeks?'",
  scenario = "integration/on_my_own", moment = "instead", level = "beginner",
  domain = "alliance",
  focus = "Plan the weeks between sessions with him, including when to call." }
