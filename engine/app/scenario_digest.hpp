#pragma once
// The digest a session record keeps of its scenario, so that replay and review can say when the
// scenario has changed since a session was played.
#include <string>
#include <string_view>
#include <vector>

namespace holdspace::app {

// The names a Lua text requires literally - require("monitor"), require 'monitor' - in the order
// they first appear. Names built at run time are not seen (they are rare in scenario packs).
std::vector<std::string> required_names(std::string_view source);

// The scenario file's bytes, and those of each pack module it requires by a literal name, followed
// through the modules themselves (found where `require` finds them, next to `path` or in the pack's
// lib/). A scenario that requires nothing has the digest of its file alone, as before modules existed.
std::string scenario_digest(const std::string& source, const std::string& path);

}  // namespace holdspace::app
