-- A scenario with the flaws `holdspace check` must find (tests/cli/test_authoring.cpp):
-- a scored moment without an expert option, an option no path can reach, a comparison with a
-- misspelt option id, an expert option without a rationale, an option its rubric does not score,
-- a rubric domain no option exercises, and a line too long to take in.
return {
  id = "test.authoring_flaws",
  title = "Flawed on purpose",
  phase = "integration",
  rubric = "sparse",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("I don't know where to start.", { affect = "anxious" })
    local r = s:choose{
      moment = "opening",
      { id = "op_reflect", text = "It's hard to know where to begin.", codes = { "complex_reflection" } },
      { id = "op_reassure", text = "There's nothing to worry about.", codes = { "premature_reassurance" } },
    }
    if r.id == "op_reflct" then
      s:say("Yes.")
    end
    if s.patient.trust > 100 then
      r = s:choose{
        moment = "hidden",
        { id = "hd_never", text = "You cannot see this.", codes = { "validation" }, expert = true,
          rationale = "Trust never exceeds 100, so this choice is never offered." },
      }
    end
    s:narrate("Sam looks at the window for a long time, and then at the floor, and then back at you, "
      .. "and the silence goes on long enough that the clock on the wall becomes loud, and the "
      .. "traffic outside becomes loud, and somewhere in the building a door closes, and still Sam "
      .. "says nothing at all, and you wonder whether this line is far too long for a trainee to read.")
    r = s:choose{
      moment = "closing",
      { id = "cl_validate", text = "That makes sense.", codes = { "validation" }, expert = true },
      { id = "cl_plan", text = "Let's plan next week.", codes = { "agenda_setting" },
        rationale = "An agenda instead of the participant's lead." },
    }
  end,
}
