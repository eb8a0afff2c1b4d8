-- A scenario one of whose branches can never end (tests/cli/test_authoring.cpp): after "loop",
-- every answer comes back to the same choice.
return {
  id = "test.dead_end",
  title = "Round and round",
  phase = "integration",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("Shall we?")
    local r = s:choose{
      moment = "start",
      { id = "go", text = "Let's begin wherever you like.", codes = { "open_question" }, expert = true,
        rationale = "The participant leads." },
      { id = "loop", text = "Let's go round again.", codes = { "agenda_setting" }, rationale = "Leading." },
    }
    while r.id == "loop" or r.id == "again" or r.id == "hold_space" do
      r = s:choose{
        moment = "again",
        { id = "again", text = "Round again.", codes = { "agenda_setting" }, expert = true,
          rationale = "There is no way out of this loop." },
      }
    end
    s:say("Okay.")
  end,
}
