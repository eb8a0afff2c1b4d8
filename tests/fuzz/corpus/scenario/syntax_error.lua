return {
  id = "test.syntax",
  title = "Broken",
  phase = "preparation"
  rubric = "patient_directed",
}
