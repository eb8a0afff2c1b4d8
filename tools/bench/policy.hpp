#pragma once
// The benchmarks' random policy, the same as tools/bench/story.js uses for inkjs:
// mulberry32 seeded with the run number; option = floor(r * n / 2^32).
#include <cstddef>
#include <cstdint>

namespace holdspace::bench {

class Mulberry32 {
public:
    explicit Mulberry32(std::uint32_t seed) : a_(seed) {}
    std::uint32_t next() {
        a_ += 0x6d2b79f5u;
        std::uint32_t t = a_;
        t = (t ^ (t >> 15)) * (t | 1u);
        t ^= t + (t ^ (t >> 7)) * (t | 61u);
        return t ^ (t >> 14);
    }
    std::size_t pick(std::size_t n) { return static_cast<std::size_t>((std::uint64_t{next()} * n) >> 32); }

private:
    std::uint32_t a_;
};

}  // namespace holdspace::bench
