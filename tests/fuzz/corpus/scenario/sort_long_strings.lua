-- issue 14: sorting long strings (the time limit inside table.sort)
return {
  id = "fuzz.seed", title = "Seed", phase = "preparation", rubric = "patient_directed",
  patient = { name = "Eve", baseline = { hr = 70, sbp = 120, dbp = 80, temp_c = 36.6 } },
  run = function(s)
    local t, long = {}, string.rep("x", 60000)
    for i = 1, 2000 do t[i] = long end
    table.sort(t)
    table.sort(t, function(a, b) return a > b end)
    s:say("sorted")
  end,
}
