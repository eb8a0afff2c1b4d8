// Fuzzes reading test plans (engine/cli/testplan): any text either parses or
// gives a PlanError naming its line, never a crash or another exception.
#include "cli/testplan.hpp"

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        const auto plan = holdspace::cli::parse_plan(in, "fuzz.plan");
        if (plan.scenario.empty()) std::abort();  // a plan always names its scenario
    } catch (const holdspace::cli::PlanError& e) {
        if (e.line < 1) std::abort();  // errors point at a line
    }
    return 0;
}
