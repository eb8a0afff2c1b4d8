// Fuzzes reading session records (engine/records/session_record): damaged,
// truncated or foreign JSON Lines give a std::runtime_error naming the line,
// never a crash or another exception.
#include "records/session_record.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string content(reinterpret_cast<const char*>(data), size);
    try {
        const auto record = holdspace::records::parse_record(content, "fuzz.jsonl");
        (void)record;
    } catch (const std::runtime_error&) {
        // A clear refusal is the expected outcome for most inputs.
    }
    return 0;
}
