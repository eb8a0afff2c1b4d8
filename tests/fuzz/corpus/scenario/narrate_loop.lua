-- issue 14: narrating without end (transcript limit)
return {
  id = "fuzz.seed", title = "Seed", phase = "preparation", rubric = "patient_directed",
  patient = { name = "Eve", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },
  run = function(s) while true do pcall(s.narrate, s, string.rep("n", 3000)) end end,
}
