return {
  id = "test.endless",
  title = "Never yields",
  phase = "medicine",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s)
    s:say("Here we go.")
    while true do pcall(function() while true do end end) end
  end,
}
