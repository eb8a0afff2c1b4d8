-- Reading the monitor in medicine sessions: shared by the scenarios of this pack through
-- `local monitor = require("monitor")` (docs/scenario-api.md, "Modules").
-- Thresholds (DOMAIN.md; Vizeli & Liechti 2017): systolic > 160 mmHg in 33%, heart rate > 100 bpm
-- in 29%, temperature > 38 C in 19% of healthy subjects at 75/125 mg.
local monitor = {}

-- True when `list` holds `x`.
function monitor.has(list, x)
  for _, v in ipairs(list) do
    if v == x then return true end
  end
  return false
end
local has = monitor.has

-- Alerts that need the therapists to act: blood pressure or temperature over the limit.
function monitor.concern(alerts)
  return has(alerts, "sbp_high") or has(alerts, "dbp_high") or has(alerts, "temp_high")
end

-- The flagged readings in a few words, for prompts.
function monitor.alert_words(alerts)
  local words = {}
  if has(alerts, "sbp_high") or has(alerts, "dbp_high") then words[#words + 1] = "blood pressure over the limit" end
  if has(alerts, "temp_high") then words[#words + 1] = "temperature over 38" end
  if has(alerts, "hr_high") then words[#words + 1] = "pulse over 100" end
  if #words == 0 then return "readings within the limits" end
  return table.concat(words, ", ")
end

-- A choice's prompt when the last reading is flagged (nil when it is not).
function monitor.flag_prompt(s, words)
  if #s:alerts() == 0 then return nil end
  return "The monitor's last reading is flagged: " .. (words or monitor.alert_words)(s:alerts()) .. "."
end

return monitor
