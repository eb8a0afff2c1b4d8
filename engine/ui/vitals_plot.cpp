// The vitals monitor and the debrief timeline, drawn with ImDrawList (no ImPlot here).
//
// Colour rule: the palette's full alert colour marks only what is wrong *now* (the badge,
// the value, the part of the line over its threshold at the latest reading). Excursions
// that have since resolved keep a faded alert colour, so the history stays readable and
// an alert in force stands out.
#include "ui/vitals_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string>

namespace holdspace::ui {

namespace {

ImVec2 add(ImVec2 a, ImVec2 b) { return {a.x + b.x, a.y + b.y}; }

ImU32 fade(ImU32 c, float a) {
    const auto alpha = static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(a, 0.0f, 1.0f);
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::lround(alpha)) << IM_COL32_A_SHIFT);
}

double number(const Json& data, const char* key, double fallback = NAN) {
    const auto it = data.find(key);
    return it != data.end() && it->is_number() ? it->get<double>() : fallback;
}

// A string field, or "" when missing or not a string (a malformed record must not throw).
std::string text(const Json& data, const char* key) {
    const auto it = data.find(key);
    return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Reading {
    double t = 0;  // minutes
    double hr = NAN, sbp = NAN, dbp = NAN, temp = NAN;
    std::vector<std::string> alerts;
};

std::vector<Reading> readings_in(const std::vector<Event>& events) {
    std::vector<Reading> out;
    for (const Event& e : events) {
        if (e.type != "vitals") continue;
        Reading r;
        r.t = e.minutes();
        r.hr = number(e.data, "hr");
        r.sbp = number(e.data, "sbp");
        r.dbp = number(e.data, "dbp");
        r.temp = number(e.data, "temp_c");
        if (const auto it = e.data.find("alerts"); it != e.data.end() && it->is_array())
            for (const auto& a : *it)
                if (a.is_string()) r.alerts.push_back(a.get<std::string>());
        out.push_back(std::move(r));
    }
    return out;
}

// The alerts in force: those the latest reading lists or breaks, and any alert event
// raised since it was taken.
std::vector<std::string> alerts_in_force(const std::vector<Event>& events, const std::vector<Reading>& readings,
                                         const Thresholds& limits) {
    std::vector<std::string> out;
    if (readings.empty()) return out;
    const Reading& last = readings.back();
    auto add_alert = [&](const std::string& name) {
        if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    };
    for (const auto& a : last.alerts) add_alert(a);
    if (last.hr > limits.hr) add_alert("hr_high");
    if (last.sbp > limits.sbp) add_alert("sbp_high");
    if (last.dbp > limits.dbp) add_alert("dbp_high");
    if (last.temp > limits.temp_c) add_alert("temp_high");
    for (const Event& e : events)
        if (e.type == "alert" && e.minutes() >= last.t && !text(e.data, "alert").empty()) add_alert(text(e.data, "alert"));
    return out;
}

bool has(const std::vector<std::string>& v, const char* name) { return std::find(v.begin(), v.end(), name) != v.end(); }

struct Axis {
    ImVec2 min, max;  // plot area on screen
    double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
    float x(double v) const { return min.x + static_cast<float>((v - x0) / (x1 - x0)) * (max.x - min.x); }
    float y(double v) const { return max.y - static_cast<float>((v - y0) / (y1 - y0)) * (max.y - min.y); }
    ImVec2 at(double t, double v) const { return {x(t), y(v)}; }
};

void dashed(ImDrawList* list, ImVec2 a, ImVec2 b, ImU32 col, float thickness = 1.0f, float dash = 6, float gap = 4) {
    const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
    if (len <= 0) return;
    for (float s = 0; s < len; s += dash + gap) {
        const float e = std::min(s + dash, len);
        list->AddLine({a.x + dx * s / len, a.y + dy * s / len}, {a.x + dx * e / len, a.y + dy * e / len}, col, thickness);
    }
}

std::string clock(double minutes) {
    const long m = std::lround(std::max(0.0, minutes));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%ld:%02ld", m / 60, m % 60);
    return buf;
}

std::string format(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Minute ticks: a step from a fixed list that gives at most `most` of them.
double tick_step(double span, int most) {
    for (double step : {5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 180.0, 240.0})
        if (span / step <= most) return step;
    return 480.0;
}

void time_ticks(ImDrawList* list, const Axis& ax, const Palette& palette, bool labels) {
    const double step = tick_step(ax.x1 - ax.x0, std::max(2, static_cast<int>((ax.max.x - ax.min.x) / 70)));
    for (double t = std::ceil(ax.x0 / step) * step; t <= ax.x1 + 1e-9; t += step) {
        const float x = ax.x(t);
        list->AddLine({x, ax.min.y}, {x, ax.max.y}, fade(palette.muted_text, 0.12f));
        if (labels) {
            const std::string s = clock(t);
            const float w = ImGui::CalcTextSize(s.c_str()).x;
            list->AddText({std::clamp(x - w / 2, ax.min.x, ax.max.x - w), ax.max.y + 2}, palette.muted_text, s.c_str());
        }
    }
}

void y_label(ImDrawList* list, const Axis& ax, double v, int decimals, ImU32 col) {
    const std::string s = format(v, decimals);
    const ImVec2 size = ImGui::CalcTextSize(s.c_str());
    list->AddText({ax.min.x - size.x - 4, ax.y(v) - size.y / 2}, col, s.c_str());
}

// Range holding the values and the threshold, padded, never narrower than [lo, hi].
void fit(Axis& ax, double lo, double hi, double threshold, std::initializer_list<const std::vector<double>*> series,
         double pad) {
    double a = lo, b = std::max(hi, threshold + pad);
    for (const auto* s : series)
        for (double v : *s)
            if (std::isfinite(v)) {
                a = std::min(a, v - pad);
                b = std::max(b, v + pad);
            }
    ax.y0 = a;
    ax.y1 = b;
}

// A series: line, points, and the stretches over its threshold highlighted.
struct Series {
    std::vector<double> t, v;
    ImU32 col;
    double threshold;
    bool in_force;  // its alert is in force now
};

void draw_series(ImDrawList* list, const Axis& ax, const Series& s, const Palette& palette) {
    const std::size_t n = s.t.size();
    const float base = std::max(1.5f, ImGui::GetFontSize() * 0.14f);
    // Over-threshold stretches: a tinted area between line and threshold, and a thick line.
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double ta = s.t[i], tb = s.t[i + 1], va = s.v[i], vb = s.v[i + 1];
        if (!std::isfinite(va) || !std::isfinite(vb)) continue;
        if (va <= s.threshold && vb <= s.threshold) continue;
        double c0 = ta, c1 = tb;  // the part of the segment above the threshold
        if (va <= s.threshold) c0 = ta + (tb - ta) * (s.threshold - va) / (vb - va);
        if (vb <= s.threshold) c1 = ta + (tb - ta) * (s.threshold - va) / (vb - va);
        auto value_at = [&](double t) { return tb > ta ? va + (vb - va) * (t - ta) / (tb - ta) : va; };
        const bool now = s.in_force && i + 2 == n;
        const ImU32 hi = now ? palette.alert : fade(palette.alert, 0.45f);
        const ImVec2 q[] = {ax.at(c0, value_at(c0)), ax.at(c1, value_at(c1)), ax.at(c1, s.threshold), ax.at(c0, s.threshold)};
        list->AddQuadFilled(q[0], q[1], q[2], q[3], fade(hi, now ? 0.28f : 0.15f));
        list->AddLine(q[0], q[1], hi, base * 2.4f);
    }
    for (std::size_t i = 0; i + 1 < n; ++i)
        if (std::isfinite(s.v[i]) && std::isfinite(s.v[i + 1]))
            list->AddLine(ax.at(s.t[i], s.v[i]), ax.at(s.t[i + 1], s.v[i + 1]), s.col, base);
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(s.v[i])) continue;
        const ImVec2 p = ax.at(s.t[i], s.v[i]);
        const bool over = s.v[i] > s.threshold;
        const bool now = over && s.in_force && i + 1 == n;
        const ImU32 ring = over ? (now ? palette.alert : fade(palette.alert, 0.45f)) : s.col;
        list->AddCircleFilled(p, base * 2.0f, palette.panel, 12);
        list->AddCircle(p, base * 2.0f, ring, 12, base);
        if (i + 1 == n) list->AddCircleFilled(p, base * 1.1f, ring, 10);  // the latest reading, filled
    }
}

void threshold_line(ImDrawList* list, const Axis& ax, double v, ImU32 col, int decimals) {
    dashed(list, {ax.min.x, ax.y(v)}, {ax.max.x, ax.y(v)}, col, 1.2f);
    y_label(list, ax, v, decimals, col);
}

// A rounded alert badge with its top-left corner at `at`.
void badge(ImDrawList* list, ImVec2 at, const std::string& text, const Palette& palette) {
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    const float pad = 4;
    const ImVec2 min = at, max{at.x + size.x + 2 * pad, at.y + size.y + 2 * pad - 2};
    list->AddRectFilled(min, max, palette.alert, 4);
    list->AddText({min.x + pad, min.y + pad - 1}, IM_COL32(255, 255, 255, 255), text.c_str());
    // A small warning sign before the text too, so the badge is not colour alone.
    const float cx = max.x + 4 + size.y / 2, h = size.y;
    list->AddTriangleFilled({cx, min.y + 1}, {cx + h / 2, min.y + h + 1}, {cx - h / 2, min.y + h + 1}, palette.alert);
    list->AddLine({cx, min.y + h * 0.35f}, {cx, min.y + h * 0.75f}, IM_COL32(255, 255, 255, 255), 1.5f);
    list->AddCircleFilled({cx, min.y + h * 0.88f}, 1.0f, IM_COL32(255, 255, 255, 255));
}

// The hovered reading (nearest in time), for a tooltip.
const Reading* nearest(const std::vector<Reading>& readings, double t) {
    const Reading* best = nullptr;
    for (const auto& r : readings)
        if (!best || std::abs(r.t - t) < std::abs(best->t - t)) best = &r;
    return best;
}

void reading_tooltip(const Reading& r) {
    ImGui::BeginTooltip();
    ImGui::Text("%s  HR %s  BP %s/%s  T %s", clock(r.t).c_str(), format(r.hr, 0).c_str(), format(r.sbp, 0).c_str(),
                format(r.dbp, 0).c_str(), format(r.temp, 1).c_str());
    for (const auto& a : r.alerts) ImGui::Text("alert: %s", a.c_str());
    ImGui::EndTooltip();
}

ImVec2 resolve(ImVec2 size, float default_height) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    return {size.x > 0 ? size.x : std::max(avail.x, 200.0f), size.y > 0 ? size.y : default_height};
}

}  // namespace

void draw_vitals_monitor(const char* id, const std::vector<Event>& events, const Thresholds& thresholds,
                         double now_minutes, ImVec2 size, const Palette& palette) {
    ImGui::PushID(id);
    size = resolve(size, 3 * 5.5f * ImGui::GetFontSize());
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("monitor", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* list = ImGui::GetWindowDrawList();

    const auto readings = readings_in(events);
    const auto in_force = alerts_in_force(events, readings, thresholds);
    const float font = ImGui::GetFontSize();
    const float gap = 4;
    const float row_h = (size.y - 2 * gap - font - 2) / 3;  // room at the bottom for the time labels
    const float label_w = std::clamp(size.x * 0.24f, 6.5f * font, 10 * font);
    const float axis_w = 3.2f * font;

    std::vector<double> ts, hr, sbp, dbp, temp;
    for (const auto& r : readings) {
        ts.push_back(r.t);
        hr.push_back(r.hr);
        sbp.push_back(r.sbp);
        dbp.push_back(r.dbp);
        temp.push_back(r.temp);
    }
    // A little room past "now", so the latest reading's point is drawn whole.
    const double x1 = std::max({now_minutes, 30.0, ts.empty() ? 0.0 : ts.back()}) * 1.03;
    const Reading* last = readings.empty() ? nullptr : &readings.back();

    struct Row {
        const char* title;
        const char* unit;
        bool alert;
        std::string value;
        ImU32 col;
        std::vector<std::string> badges;
    };
    // "HR > 100": the value itself is printed large just above the badge.
    auto alert_text = [](const char* label, double limit, int decimals) {
        return std::string(label) + " > " + format(limit, decimals);
    };

    for (int row = 0; row < 3; ++row) {
        const float top = origin.y + static_cast<float>(row) * (row_h + gap);
        const ImVec2 rmin{origin.x, top}, rmax{origin.x + size.x, top + row_h};
        Axis ax;
        ax.min = {rmin.x + label_w + axis_w, rmin.y + 4};
        ax.max = {rmax.x - 6, rmax.y - 4};
        ax.x0 = 0;
        ax.x1 = x1;
        Row r{};
        std::vector<Series> series;
        if (row == 0) {
            const bool alert = has(in_force, "hr_high");
            r = {"HR", "bpm", alert, last ? format(last->hr, 0) : "--", palette.heart_rate,
                 {}};
            if (alert) r.badges.push_back(alert_text("HR", thresholds.hr, 0));
            fit(ax, 50, 110, thresholds.hr, {&hr}, 8);
            series.push_back({ts, hr, palette.heart_rate, thresholds.hr, alert});
        } else if (row == 1) {
            const bool s_alert = has(in_force, "sbp_high"), d_alert = has(in_force, "dbp_high");
            r = {"BP", "mmHg", s_alert || d_alert,
                 last ? format(last->sbp, 0) + "/" + format(last->dbp, 0) : "--/--", palette.systolic, {}};
            if (s_alert) r.badges.push_back(alert_text("SBP", thresholds.sbp, 0));
            if (d_alert) r.badges.push_back(alert_text("DBP", thresholds.dbp, 0));
            fit(ax, 50, 170, thresholds.sbp, {&sbp, &dbp}, 10);
            ax.y0 = std::min(ax.y0, thresholds.dbp - 50);
            series.push_back({ts, dbp, palette.diastolic, thresholds.dbp, d_alert});
            series.push_back({ts, sbp, palette.systolic, thresholds.sbp, s_alert});
        } else {
            const bool alert = has(in_force, "temp_high");
            r = {"Temp", "\xC2\xB0" "C", alert, last ? format(last->temp, 1) : "--", palette.temperature,
                 {}};
            if (alert) r.badges.push_back(alert_text("T", thresholds.temp_c, 1));
            fit(ax, 36.0, 38.2, thresholds.temp_c, {&temp}, 0.25);
            series.push_back({ts, temp, palette.temperature, thresholds.temp_c, alert});
        }

        // Frame: the plot area; outlined in the alert colour while its alert is in force.
        list->AddRectFilled(rmin, rmax, palette.panel, 4);
        list->AddRectFilled(ax.min, ax.max, fade(palette.background, 0.6f), 2);
        if (r.alert) list->AddRect(rmin, rmax, palette.alert, 4, 0, 2);

        // Label column: title and unit, then the latest value large (shrunk to fit the column).
        const std::string title = std::string(r.title) + ", " + r.unit;
        list->PushClipRect(rmin, {ax.min.x - axis_w + 2, rmax.y}, true);
        list->AddText({rmin.x + 8, rmin.y + 4}, palette.muted_text, title.c_str());
        float big = std::min(font * 2.0f, row_h * 0.48f);
        const float fits = ImGui::GetFont()->CalcTextSizeA(big, 1e9f, 0, r.value.c_str()).x;
        if (fits > label_w - 12) big *= (label_w - 12) / fits;
        list->AddText(ImGui::GetFont(), big, {rmin.x + 8, rmin.y + 4 + font}, r.alert ? palette.alert : r.col, r.value.c_str());
        list->PopClipRect();

        time_ticks(list, ax, palette, row == 2);
        const int decimals = row == 2 ? 1 : 0;
        if (row == 1) {
            threshold_line(list, ax, thresholds.dbp, fade(palette.diastolic, 0.8f), decimals);
            threshold_line(list, ax, thresholds.sbp, fade(palette.systolic, 0.8f), decimals);
        } else {
            threshold_line(list, ax, row == 0 ? thresholds.hr : thresholds.temp_c, palette.threshold, decimals);
        }
        // Alerts raised, as ticks on the time axis (faded once resolved).
        for (const Event& e : events) {
            if (e.type != "alert") continue;
            const std::string name = text(e.data, "alert");
            const bool mine = row == 0 ? name == "hr_high" : row == 1 ? (name == "sbp_high" || name == "dbp_high")
                                                                      : name == "temp_high";
            if (!mine) continue;
            const float x = ax.x(e.minutes());
            const ImU32 c = has(in_force, name.c_str()) ? palette.alert : fade(palette.alert, 0.45f);
            list->AddTriangleFilled({x - 4, ax.max.y}, {x + 4, ax.max.y}, {x, ax.max.y - 6}, c);
        }
        list->PushClipRect(ax.min, ax.max, true);
        for (const auto& s : series) draw_series(list, ax, s, palette);
        // "Now": the right edge of the session so far.
        if (now_minutes > 0) list->AddLine({ax.x(now_minutes), ax.min.y}, {ax.x(now_minutes), ax.max.y}, fade(palette.text, 0.25f));
        list->PopClipRect();
        if (readings.empty())
            list->AddText({ax.min.x + 8, (ax.min.y + ax.max.y - font) / 2}, palette.muted_text, "no reading yet");
        // Badges in the label column, under the value, where they never hide a reading.
        float by = rmin.y + 6 + font + big;
        for (const auto& b : r.badges) {
            badge(list, {rmin.x + 8, by}, b, palette);
            by += font + 6;
        }
    }

    if (hovered && !readings.empty()) {
        const float plot_left = origin.x + label_w + axis_w, plot_right = origin.x + size.x - 6;
        const float mx = ImGui::GetIO().MousePos.x;
        if (mx >= plot_left && mx <= plot_right)
            if (const Reading* r = nearest(readings, (mx - plot_left) / (plot_right - plot_left) * x1)) reading_tooltip(*r);
    }
    ImGui::PopID();
}

void draw_session_timeline(const char* id, const std::vector<Event>& events, const Thresholds& thresholds,
                           const std::vector<PlotMark>& marks, ImVec2 size, const Palette& palette) {
    ImGui::PushID(id);
    const float font = ImGui::GetFontSize();
    size = resolve(size, 14 * font);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("timeline", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* list = ImGui::GetWindowDrawList();

    const auto readings = readings_in(events);
    std::vector<double> dt, dv;  // distress over time
    for (const Event& e : events)
        if (e.type == "state" && std::isfinite(number(e.data, "distress"))) {
            dt.push_back(e.minutes());
            dv.push_back(number(e.data, "distress"));
        }
    std::vector<double> ts, hr, sbp;
    for (const auto& r : readings) {
        ts.push_back(r.t);
        hr.push_back(r.hr);
        sbp.push_back(r.sbp);
    }
    double x1 = 1;
    for (const Event& e : events) x1 = std::max(x1, e.minutes());
    for (const auto& m : marks) x1 = std::max(x1, m.minutes);
    x1 *= 1.02;  // the last point whole

    list->AddRectFilled(origin, add(origin, size), palette.panel, 4);
    const float axis_w = 3.2f * font, legend_h = font + 6;
    const float plot_top = origin.y + legend_h + 4, plot_bottom = origin.y + size.y - font - 6;
    // Without a single reading (a preparation or integration session) there is no vitals panel to
    // leave empty: distress takes the plot, and a line says no vital signs were taken.
    const bool vitals = !readings.empty();
    const float split = vitals ? plot_top + (plot_bottom - plot_top) * 0.42f : plot_bottom - font - 6;

    Axis top, bottom;
    top.min = {origin.x + axis_w, plot_top};
    top.max = {origin.x + size.x - 8, split - 3};
    top.x1 = x1;
    top.y0 = 0;
    top.y1 = 100;
    bottom.min = {top.min.x, split + 3};
    bottom.max = {top.max.x, plot_bottom};
    bottom.x1 = x1;
    fit(bottom, 50, 170, std::max(thresholds.sbp, thresholds.hr), {&hr, &sbp}, 10);

    list->AddRectFilled(top.min, top.max, fade(palette.background, 0.6f), 2);
    if (vitals) list->AddRectFilled(bottom.min, bottom.max, fade(palette.background, 0.6f), 2);
    time_ticks(list, top, palette, !vitals);
    y_label(list, top, 0, 0, palette.muted_text);
    y_label(list, top, 100, 0, palette.muted_text);
    if (vitals) {
        time_ticks(list, bottom, palette, true);
        threshold_line(list, bottom, thresholds.hr, fade(palette.heart_rate, 0.75f), 0);
        threshold_line(list, bottom, thresholds.sbp, fade(palette.systolic, 0.75f), 0);
    }

    // Distress: a line over a soft fill.
    list->PushClipRect(top.min, top.max, true);
    for (std::size_t i = 0; i + 1 < dt.size(); ++i) {
        const ImVec2 a = top.at(dt[i], dv[i]), b = top.at(dt[i + 1], dv[i + 1]);
        list->AddQuadFilled(a, b, {b.x, top.max.y}, {a.x, top.max.y}, fade(palette.distress, 0.18f));
        list->AddLine(a, b, palette.distress, 2);
    }
    if (dt.size() == 1) list->AddCircleFilled(top.at(dt[0], dv[0]), 3, palette.distress);
    list->PopClipRect();

    list->PushClipRect(bottom.min, bottom.max, true);
    // History, not a live monitor: past excursions are faded, nothing is "in force".
    draw_series(list, bottom, {ts, sbp, palette.systolic, thresholds.sbp, false}, palette);
    draw_series(list, bottom, {ts, hr, palette.heart_rate, thresholds.hr, false}, palette);
    list->PopClipRect();

    // The trainee's moments: a line through both plots, a shape on top that is not colour alone
    // (a triangle for a good moment, a diamond for one to review).
    const PlotMark* hovered_mark = nullptr;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const auto& m : marks) {
        const float x = top.x(m.minutes);
        const ImU32 c = m.good ? palette.good : palette.poor;
        list->AddLine({x, top.min.y}, {x, vitals ? bottom.max.y : top.max.y}, fade(c, 0.7f), 1.5f);
        const float y = top.min.y + 1, r = 5;
        if (m.good) list->AddTriangleFilled({x - r, y}, {x + r, y}, {x, y + 1.6f * r}, c);
        else list->AddQuadFilled({x, y - 1}, {x + r, y + r}, {x, y + 2 * r + 1}, {x - r, y + r}, c);
        if (hovered && std::abs(mouse.x - x) < 5) hovered_mark = &m;
    }

    // Legend along the top.
    {
        float x = origin.x + 8;
        const float y = origin.y + 4;
        auto entry = [&](ImU32 c, const char* label, int shape) {
            if (shape == 0) list->AddLine({x, y + font / 2}, {x + 14, y + font / 2}, c, 2.5f);
            else if (shape == 1) list->AddTriangleFilled({x + 2, y + 2}, {x + 12, y + 2}, {x + 7, y + font - 1}, c);
            else list->AddQuadFilled({x + 7, y + 1}, {x + 12, y + font / 2}, {x + 7, y + font - 1}, {x + 2, y + font / 2}, c);
            list->AddText({x + 18, y}, palette.text, label);
            x += 18 + ImGui::CalcTextSize(label).x + 14;
        };
        entry(palette.distress, "Distress (0-100)", 0);
        if (vitals) {
            entry(palette.heart_rate, "Heart rate", 0);
            entry(palette.systolic, "Systolic BP", 0);
        }
        entry(palette.good, "Good moment", 1);
        entry(palette.poor, "Moment to review", 2);
    }

    if (hovered_mark) {
        ImGui::BeginTooltip();
        ImGui::Text("%s  %s", clock(hovered_mark->minutes).c_str(), hovered_mark->good ? "good moment" : "moment to review");
        ImGui::EndTooltip();
    } else if (hovered && mouse.x >= top.min.x && mouse.x <= top.max.x && !readings.empty()) {
        const double t = top.x0 + (mouse.x - top.min.x) / (top.max.x - top.min.x) * (top.x1 - top.x0);
        if (const Reading* r = nearest(readings, t)) reading_tooltip(*r);
    }
    ImGui::PopID();
}

}  // namespace holdspace::ui
