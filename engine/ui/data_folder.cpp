// The window's data folder: settings and the signed-in trainee (app_state.hpp).
#include "ui/app_state.hpp"

#include "records/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

namespace holdspace::ui {
namespace fs = std::filesystem;

std::string data_dir() {
    if (const char* d = std::getenv("HOLDSPACE_DATA"); d && *d) return d;
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return (fs::path(x) / "holdspace").string();
    if (const char* h = std::getenv("HOME"); h && *h) return (fs::path(h) / ".local" / "share" / "holdspace").string();
    return ".holdspace";
}

namespace {

std::optional<Json> read_json(const fs::path& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    try {
        return Json::parse(in);
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

// Writes via a temporary file and rename, so a crash never leaves half a file.
bool write_json(const fs::path& path, const Json& j) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    const fs::path tmp = path.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        if (!out) return false;
        out << records::json_text(j, 2) << "\n";
        if (!out) return false;
    }
    fs::rename(tmp, path, ec);
    return !ec;
}

}  // namespace

Json Settings::to_json() const {
    return {{"font_scale", font_scale},
            {"colour_blind", colour_blind},
            {"reduced_motion", reduced_motion},
            {"volume", volume},
            {"muted", muted},
            {"typed_only", typed_only}};
}

Settings Settings::from_json(const Json& j) {
    Settings s;
    if (!j.is_object()) return s;
    if (j.contains("font_scale") && j["font_scale"].is_number())
        s.font_scale = std::clamp(j["font_scale"].get<float>(), 0.75f, 2.5f);
    if (j.contains("colour_blind") && j["colour_blind"].is_boolean()) s.colour_blind = j["colour_blind"].get<bool>();
    if (j.contains("reduced_motion") && j["reduced_motion"].is_boolean())
        s.reduced_motion = j["reduced_motion"].get<bool>();
    if (j.contains("volume") && j["volume"].is_number()) s.volume = std::clamp(j["volume"].get<float>(), 0.0f, 1.0f);
    if (j.contains("muted") && j["muted"].is_boolean()) s.muted = j["muted"].get<bool>();
    if (j.contains("typed_only") && j["typed_only"].is_boolean()) s.typed_only = j["typed_only"].get<bool>();
    return s;
}

Settings load_settings(const std::string& dir) {
    if (auto j = read_json(fs::path(dir) / "settings.json")) return Settings::from_json(*j);
    return {};
}

bool save_settings(const std::string& dir, const Settings& settings) {
    return write_json(fs::path(dir) / "settings.json", settings.to_json());
}

std::string load_trainee(const std::string& dir) {
    if (auto j = read_json(fs::path(dir) / "trainee.json"); j && j->is_object() && j->contains("name") &&
                                                             (*j)["name"].is_string())
        return (*j)["name"].get<std::string>();
    return {};
}

bool save_trainee(const std::string& dir, const std::string& name) {
    return write_json(fs::path(dir) / "trainee.json", Json{{"name", name}});
}

}  // namespace holdspace::ui
