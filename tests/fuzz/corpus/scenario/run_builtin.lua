-- issue 14: a built-in as run (no line of its own)
return {
  id = "fuzz.seed", title = "Seed", phase = "preparation", rubric = "patient_directed",
  patient = { name = "Eve", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },
  run = print,
  on_action = string.rep,
}
