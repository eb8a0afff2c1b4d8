// Small drawing helpers the screens share.
#include "ui/screens.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>

namespace holdspace::ui {

ImVec4 colour(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

ImVec4 dimmed(ImU32 c, float k) {
    const ImVec4 v = colour(c);
    return ImVec4(v.x * k, v.y * k, v.z * k, 1.0f);
}

bool key_button(const char* key, const std::string& label, ImVec2 size, const char* id) {
    std::string text = std::string("[") + key + "] " + label;
    if (id) text += std::string("##") + id;
    return ImGui::Button(text.c_str(), size);
}

void score_bar(double value, ImU32 fill, const std::string& label, float width, float height) {
    ImDrawList* list = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = std::max(width, 10.0f);
    const float f = static_cast<float>(std::clamp(value, 0.0, 100.0) / 100.0);
    list->AddRectFilled(p, ImVec2(p.x + w, p.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    if (f > 0) list->AddRectFilled(p, ImVec2(p.x + w * f, p.y + height), fill, 3.0f);
    ImGui::Dummy(ImVec2(w, height));
    // The label goes through ImGui's text path (and its log), over the bar.
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x + 6, p.y + (height - ImGui::GetTextLineHeight()) / 2));
    ImGui::TextUnformatted(label.c_str());
    ImGui::SetCursorScreenPos(after);
}

void heading(App& app, const std::string& text) {
    if (app.heading_font) ImGui::PushFont(app.heading_font);
    ImGui::TextUnformatted(text.c_str());
    if (app.heading_font) ImGui::PopFont();
}

void wrapped(ImU32 c, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour(c));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

void same_line_if_fits(const std::string& text) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const float need = ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(text.c_str()).x;
    if (ImGui::GetItemRectMax().x + need <= right) ImGui::SameLine();
}

void muted(const char* fmt, ...) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    va_list args;
    va_start(args, fmt);
    ImGui::TextWrappedV(fmt, args);
    va_end(args);
    ImGui::PopStyleColor();
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string title_case(const std::string& word) {
    std::string out = word;
    for (auto& c : out)
        if (c == '_') c = ' ';
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace holdspace::ui
