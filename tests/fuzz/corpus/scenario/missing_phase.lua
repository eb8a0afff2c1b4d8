return {
  id = "test.missing_phase",
  title = "No phase",
  rubric = "patient_directed",
  patient = { name = "Sam", baseline = { hr = 70, sbp = 118, dbp = 76, temp_c = 36.7 } },
  run = function(s) end,
}
