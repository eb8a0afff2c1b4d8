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

-- The monitor's default alert limits (docs/scenario-api.md, `monitor`; Vizeli & Liechti 2017).
monitor.limits = { hr = 100, sbp = 160, dbp = 100, temp_c = 38.0 }

-- What the physician finds at the bedside now (an unrecorded look, s:vitals()): blood pressure or
-- temperature over the limit, on the monitor's last reading or now.
function monitor.raised_now(s)
  local v, lim = s:vitals(), monitor.limits
  return monitor.concern(s:alerts()) or v.sbp > lim.sbp or v.dbp > lim.dbp or v.temp_c > lim.temp_c
end

-- The supplemental half dose: one rule for every medicine scenario. MAPS (DOMAIN.md, "Dose"): the
-- supplemental half dose is optional, 1.5-2 h after the first, "unless contraindicated", and the
-- decision is the study physician's. With blood pressure or temperature over the limit (on the
-- monitor or at the bedside) it is held back: s:withhold_supplemental(reason). A fast pulse alone
-- near the peak is expected (heart rate > 100 bpm in 29% of healthy subjects, Vizeli & Liechti
-- 2017) and is watched, not a reason to withhold. Call it shortly before the scheduled time
-- (the engine gives the dose when the clock reaches it). Returns true when the dose goes ahead,
-- false when it is held back, and in both cases the reason in a few words.
function monitor.supplemental_review(s)
  if monitor.raised_now(s) then
    local reason = "physician: blood pressure or temperature over the limit before the supplemental dose"
    s:withhold_supplemental(reason)
    return false, reason
  end
  if has(s:alerts(), "hr_high") or s:vitals().hr > monitor.limits.hr then
    return true, "pulse up, as expected near the peak; pressure and temperature within the limits"
  end
  return true, "readings within the limits"
end


-- The long afternoon: `monitor.sit_through(s, minutes, who)` runs the clock on from one monitor
-- reading to the next (every 30 minutes after the dose), and a reading flagged while no choice is
-- open is answered by the team in the narration (DOMAIN.md: vital signs rise with the medicine;
-- the physician is called for unsafe readings). `who` is who pages ("Tunde pages": "... Tunde
-- pages the physician, who comes, looks, and watches the next readings."), or a function given the
-- alert words that returns the whole line. The trainee's own answers to flagged readings are at
-- the choices.
function monitor.sit_through(s, minutes, who)
  local left, last = minutes, ""
  while left > 0 do
    local since = s:since_dose()
    local step = left
    if since then step = math.min(left, math.max(1, (math.floor(since / 30) + 1) * 30 - since)) end
    s:wait(step)
    left = left - step
    local now = table.concat(s:alerts(), ",")
    if now ~= "" and now ~= last then
      local words = monitor.alert_words(s:alerts())
      if type(who) == "function" then
        s:narrate(who(words))
      else
        s:narrate("The monitor flags a reading (" .. words .. "). " .. who
          .. " the physician, who comes, looks, and watches the next readings.")
      end
    end
    last = now
  end
end

-- An alert watch for one session (create it inside run()): the engine raises an `alert` event
-- when a reading newly crosses a limit, and the rubrics' critical rule wants every raised alert
-- answered (a vitals check or a medical call) within 30 minutes of the trainee's next choice.
-- `watch:wait(m)` waits as s:wait does, but stops after each monitor reading (every 30 minutes
-- after the dose) to look at it, so an alert that comes and goes during a long wait is still
-- seen. `watch:choose(spec)` is s:choose, noting the readings before and after. `watch:pending()`
-- is true when an alert was raised and nobody has checked or called since; `watch:due()` is true
-- when the expert answer at a choice must answer the monitor: an alert pending, or blood pressure
-- or temperature over the limit in force (monitor.concern).
function monitor.watch(s)
  local w = { seen = {}, raised = nil }
  local function answered_since(t)
    local a, b = s:last("checking_vitals"), s:last("escalation_medical")
    return (a and a >= t) or (b and b >= t)
  end
  function w:note()
    local now = s:alerts()
    for _, a in ipairs(now) do
      if not has(self.seen, a) then self.raised = self.raised or s:minutes() end
    end
    self.seen = now
    if self.raised and answered_since(self.raised) then self.raised = nil end
  end
  function w:pending()
    self:note()
    return self.raised ~= nil
  end
  function w:due()
    return self:pending() or monitor.concern(s:alerts())
  end
  function w:wait(minutes)
    self:note()
    local left = minutes
    while left > 0 do
      local since = s:since_dose()
      local step = left
      if since then
        local next_reading = (math.floor(since / 30) + 1) * 30
        step = math.min(left, math.max(1, next_reading - since))
      end
      s:wait(step)
      left = left - step
      self:note()
    end
  end
  function w:choose(spec)
    self:note()
    local r = s:choose(spec)
    if monitor.has(r.codes or {}, "checking_vitals") then
      self.seen = s:alerts()  -- the check's own reading: answered by the check
      self.raised = nil
    elseif monitor.has(r.codes or {}, "escalation_medical") then
      self.raised = nil
      self:note()
    else
      self:note()
    end
    return r
  end
  return w
end

-- True while the monitor shows an alert.
function monitor.flagged(s) return #s:alerts() > 0 end

-- The expert option adapted to a flagged reading: the same words, and the physician asked to see
-- the reading (escalation_medical). The call, not a check, is claimed, so the v key stays the
-- trainee's own vitals check. `says` is the sentence added (default: "I'm asking the doctor to see
-- that reading."); an option that already calls the physician only claims the call.
function monitor.measured(s, opt, says)
  if not monitor.flagged(s) then return opt end
  if monitor.has(opt.codes, "escalation_medical") then
    opt.action = "medical_support"
    return opt
  end
  local codes = { table.unpack(opt.codes) }
  codes[#codes + 1] = "escalation_medical"
  opt.codes = codes
  opt.action = "medical_support"
  opt.text = opt.text .. " " .. (says or "I'm asking the doctor to see that reading.")
  opt.rationale = opt.rationale .. " The flagged reading goes to the physician in the same breath."
  return opt
end

return monitor
