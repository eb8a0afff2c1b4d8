#pragma once
// Finding the line in an author's file that an error about a returned table
// (scenario or rubric) concerns: Lua does not keep lines for table fields.
#include <string>

namespace holdspace::script {

// The line where `name =` first appears (name an identifier); otherwise the line
// of the last `return`.
int line_of_field(const std::string& source, const std::string& name);
// The best line for `needle`: where `needle =` appears, else where the text
// "needle" or needle appears, else the line of the last `return`.
int line_of(const std::string& source, const std::string& needle);

}  // namespace holdspace::script
