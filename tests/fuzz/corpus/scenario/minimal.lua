-- The smallest sound scenario: used by the end-to-end tests.
return {
  id = "test.minimal",
  title = "Minimal",
  phase = "preparation",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("Hi. I'm not sure where to start.", { affect = "anxious" })
    local r = s:choose{
      moment = "opening",
      { id = "invite", text = "Start wherever feels right.", codes = { "open_question" }, expert = true },
      { id = "agenda", text = "Let's go through my agenda.", codes = { "agenda_setting" } },
    }
    if r.id == "invite" then
      s:say("Okay. Thank you.", { affect = "relieved" })
    else
      s:say("Oh. Okay.", { affect = "withdrawn" })
    end
    s:say("Lucky number " .. math.random(1000) .. ".")
  end,
}
