// Cohort: every trainee against every scenario played, each cell the latest overall score
// (coloured by pass or fail), the number of attempts and the trend over the scored attempts as
// an arrow and a sparkline. A cell opens its latest session in the review; X exports as CSV.
#include "ui/screens.hpp"

#include <imgui_stdlib.h>

#include <algorithm>

namespace holdspace::ui {
namespace {

std::string scenario_title(const App& app, const std::string& id) {
    for (const auto& e : app.library)
        if (e.id == id && !e.title.empty()) return e.title;
    return id;
}

const char* trend_arrow(const std::string& trend) {
    if (trend == "up") return "\u2191";    // better than the attempt before
    if (trend == "down") return "\u2193";  // worse
    if (trend == "flat") return "\u2192";
    return "";
}

// One cell: a tinted card with the latest score, attempts and a sparkline; true when clicked.
bool cohort_cell(App& app, const records::CohortCell& c, ImVec2 size) {
    const Palette& pal = app.palette;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("cell", size);
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImU32 tone = !c.latest_pass ? pal.muted_text : *c.latest_pass ? pal.good : pal.poor;
    const ImVec4 t = colour(tone);
    const float alpha = hovered ? 0.42f : 0.26f;
    list->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImVec4(t.x, t.y, t.z, alpha)), 5.0f);
    list->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), ImGui::GetColorU32(ImVec4(t.x, t.y, t.z, 0.8f)), 5.0f);

    // The text goes through ImGui's text path (and its log), over the card.
    const ImVec2 after = ImGui::GetCursorScreenPos();
    const float pad = 6;
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad - 2));
    const std::string verdict = !c.latest_pass ? "" : *c.latest_pass ? " pass" : " fail";
    const std::string main = c.latest ? fixed1(*c.latest) + verdict : std::string("no score");
    if (app.heading_font) ImGui::PushFont(app.heading_font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour(pal.text));
    ImGui::TextUnformatted((main + " " + trend_arrow(c.trend())).c_str());
    ImGui::PopStyleColor();
    if (app.heading_font) ImGui::PopFont();
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, ImGui::GetCursorScreenPos().y - 2));
    ImGui::TextDisabled("%d attempt%s%s", c.attempts, c.attempts == 1 ? "" : "s",
                        c.finished < c.attempts ? (", " + std::to_string(c.finished) + " finished").c_str() : "");

    // Sparkline of the scored attempts, oldest left, on a 0-100 scale.
    if (c.scores.size() > 1) {
        const float x0 = p.x + pad, x1 = p.x + size.x - pad;
        const float y1 = p.y + size.y - pad, y0 = y1 - std::min(22.0f, size.y * 0.3f);
        const auto n = static_cast<float>(c.scores.size() - 1);
        ImVec2 prev;
        for (std::size_t i = 0; i < c.scores.size(); ++i) {
            const ImVec2 q(x0 + (x1 - x0) * static_cast<float>(i) / n,
                           y1 - (y1 - y0) * static_cast<float>(std::clamp(c.scores[i], 0.0, 100.0) / 100.0));
            if (i > 0) list->AddLine(prev, q, pal.expert, 2.0f);
            list->AddCircleFilled(q, i + 1 == c.scores.size() ? 3.5f : 2.2f, pal.expert);
            prev = q;
        }
    }
    ImGui::SetCursorScreenPos(after);
    if (hovered && c.latest_session)
        ImGui::SetTooltip("Scores, oldest first: %s\nClick to review the latest (session %lld).",
                          [&] {
                              std::string s;
                              for (const double v : c.scores) s += (s.empty() ? "" : ", ") + fixed1(v);
                              return s;
                          }()
                              .c_str(),
                          static_cast<long long>(c.latest_session));
    return clicked;
}

}  // namespace

void draw_cohort_screen(App& app, const Keys& keys) {
    const bool typing = ImGui::GetIO().WantTextInput;
    if (keys.escape && !typing) {
        app.screen = app.before_review == Screen::cohort ? Screen::start : app.before_review;
        return;
    }
    if (keys.has('x')) app.export_cohort(app.cohort_path);
    if (keys.has('p')) app.pull_from_lrs();

    heading(app, "Cohort - trainees and scenarios");
    muted("Each cell: the latest overall score (green passed, red not), the attempts, and the trend over the scored "
          "attempts - the arrow compares the latest with the one before, the line shows them all. Click a cell to "
          "review its latest session.");
    if (key_button("X", "Export as CSV")) app.export_cohort(app.cohort_path);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(std::min(520.0f, ImGui::GetContentRegionAvail().x * 0.5f));
    const std::string hint = "to " + app.data + "/cohort-DATE.csv, or type a path";
    ImGui::InputTextWithHint("##cohort path", hint.c_str(), &app.cohort_path);
    ImGui::SameLine();
    if (ImGui::Button("Refresh")) app.refresh_cohort();
    ImGui::SameLine();
    if (key_button("P", "Pull from the LRS")) app.pull_from_lrs();
    if (!app.cohort_note.empty()) wrapped(app.palette.alert, app.cohort_note);
    if (!app.cohort) return;
    const records::Cohort& cohort = *app.cohort;
    if (cohort.cells.empty()) {
        ImGui::Spacing();
        muted("No recorded sessions yet. Sessions played in this window, or with holdspace play --trainee, appear here.");
        return;
    }

    ImGui::Spacing();
    const int columns = static_cast<int>(cohort.scenarios.size()) + 1;
    const float name_w = 150;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float cell_w = std::clamp((avail - name_w) / static_cast<float>(columns - 1) - ImGui::GetStyle().CellPadding.x * 2 - 1,
                                    120.0f, 240.0f);
    const float cell_h = ImGui::GetTextLineHeightWithSpacing() * 2 + 34;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("cohort", columns, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn("Trainee", ImGuiTableColumnFlags_WidthFixed, name_w);
    for (const auto& s : cohort.scenarios)
        ImGui::TableSetupColumn(s.c_str(), ImGuiTableColumnFlags_WidthFixed, cell_w);
    // Headers wrap: scenario titles are longer than a cell.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    ImGui::TableNextColumn();
    ImGui::TextDisabled("Trainee");
    for (const auto& s : cohort.scenarios) {
        ImGui::TableNextColumn();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + cell_w);
        ImGui::TextUnformatted(scenario_title(app, s).c_str());
        ImGui::PopTextWrapPos();
    }
    std::int64_t open = 0;
    for (std::size_t t = 0; t < cohort.trainees.size(); ++t) {
        const std::string& trainee = cohort.trainees[t];
        ImGui::TableNextRow(0, cell_h + 6);
        ImGui::TableNextColumn();
        ImGui::Dummy(ImVec2(0, cell_h / 2 - ImGui::GetTextLineHeight() / 2));
        ImGui::TextUnformatted(trainee.c_str());
        for (std::size_t s = 0; s < cohort.scenarios.size(); ++s) {
            ImGui::TableNextColumn();
            const auto* c = cohort.cell(trainee, cohort.scenarios[s]);
            if (!c) {
                ImGui::Dummy(ImVec2(cell_w, cell_h / 2 - ImGui::GetTextLineHeight() / 2));
                ImGui::TextDisabled("  not played");
                continue;
            }
            ImGui::PushID(static_cast<int>(t * cohort.scenarios.size() + s));
            if (cohort_cell(app, *c, ImVec2(cell_w, cell_h)) && c->latest_session) open = c->latest_session;
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (open) app.open_review(open);
}

}  // namespace holdspace::ui
