#include "cli/scenario_session.hpp"

#include <filesystem>
#include <iostream>

namespace holdspace::cli {

std::unique_ptr<Session> open_session(const std::string& source, const std::string& path, std::uint64_t seed) {
    auto loaded = script::load_scenario_source(source, path);
    return std::make_unique<Session>(std::move(loaded.info), std::move(loaded.script), seed);
}

void print_script_error(std::ostream& out, const ScriptError& error) {
    out << error.what() << "\n";
    if (error.traceback.size() > 1 ||
        (error.traceback.size() == 1 && std::string(error.what()).rfind(error.traceback[0].substr(0, error.traceback[0].find(": ")), 0) != 0)) {
        out << "  traceback (innermost first):\n";
        for (const auto& frame : error.traceback) out << "    " << frame << "\n";
    }
}

bool is_regular_file(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

}  // namespace holdspace::cli
