return {
  id = "test.fails_later",
  title = "Fails after a choice",
  phase = "integration",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    local r = s:choose{
      { id = "fine", text = "Fine.", codes = { "simple_reflection" } },
      { id = "oops", text = "Oops.", codes = { "simple_reflection" } },
    }
    if r.id == "oops" then
      local missing = nil
      s:say(missing.text)
    end
  end,
}
