#pragma once
// Plots of heart rate, blood pressure, temperature (and distress) over the
// session, with threshold lines, visible alerts and marks for the trainee's moments.
#include "sim/event.hpp"
#include "sim/physiology.hpp"
#include "ui/palette.hpp"

#include <vector>

namespace holdspace::ui {

struct PlotMark {
    double minutes;
    bool good;  // colours the mark (debrief: the trainee's moments by judgement)
};

// Live monitor: the vitals events so far, thresholds, alerts. `now_minutes` sets the right edge.
void draw_vitals_monitor(const char* id, const std::vector<Event>& events, const Thresholds& thresholds,
                         double now_minutes, ImVec2 size, const Palette& palette);

// Debrief timeline: distress (from state events) and vitals over the whole session, with marks.
void draw_session_timeline(const char* id, const std::vector<Event>& events, const Thresholds& thresholds,
                           const std::vector<PlotMark>& marks, ImVec2 size, const Palette& palette);

}  // namespace holdspace::ui
