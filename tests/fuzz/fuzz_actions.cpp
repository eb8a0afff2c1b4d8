// Fuzzes reading actions files (engine/sim/trainee_action): every line either
// parses or says why, and a parsed action written back the way records keep it
// (to_string) reads back as the same action, so a replay does what was done.
#include "sim/trainee_action.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

bool same(const holdspace::TraineeAction& a, const holdspace::TraineeAction& b) {
    return a.kind == b.kind && a.option == b.option && a.action == b.action && a.minutes == b.minutes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string error;
        const auto action = holdspace::parse_action(text.substr(start, end - start), error);
        if (action) {
            std::string again_error;
            const auto again = holdspace::parse_action(action->to_string(), again_error);
            if (!again || !same(*action, *again)) std::abort();
        }
        start = end + 1;
    }
    return 0;
}
