#include "cli/store_check.hpp"

#include "app/library.hpp"
#include "records/store.hpp"

#include <filesystem>
#include <iostream>

namespace holdspace::cli {

bool store_exists(const std::string& data_dir, const std::string& command) {
    namespace fs = std::filesystem;
    const fs::path path = app::store_path(data_dir);
    std::error_code ec;
    if (fs::exists(path, ec)) return true;
    const fs::path folder = path.parent_path();
    std::cerr << command << ": there is no record store in " << folder.string();
    if (data_dir.empty())
        std::cerr << " (no session has been recorded yet)\n";
    else if (!fs::exists(folder, ec))
        std::cerr << " (the folder does not exist; check --data)\n";
    else
        std::cerr << " (no holdspace.db in that folder; check --data)\n";
    return false;
}

}  // namespace holdspace::cli
