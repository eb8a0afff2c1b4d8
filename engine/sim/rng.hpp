#pragma once
// The session's one source of randomness.
//
// Algorithm: xoshiro256** (Blackman & Vigna, 2018) for the stream, seeded by
// expanding the 64-bit session seed with splitmix64. Both are fixed here, so a
// seed gives the same numbers on every run, in every process and build; nothing
// in the core may use std::random_device, rand() or the wall clock instead.
#include <array>
#include <cstdint>

namespace holdspace {

class Rng {
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t next_u64();
    // Uniform in [0, 1) with 53 random bits.
    double uniform();
    // Uniform integer in [lo, hi] (inclusive), without modulo bias. Requires lo <= hi.
    std::int64_t range(std::int64_t lo, std::int64_t hi);
    // Standard normal deviate (Box-Muller; no cached second value, so the
    // stream position depends only on how many draws were made).
    double normal();
    double normal(double mean, double sd) { return mean + sd * normal(); }
    // True with probability p.
    bool chance(double p) { return uniform() < p; }

    std::uint64_t seed() const { return seed_; }

private:
    std::uint64_t seed_;
    std::array<std::uint64_t, 4> s_{};
};

}  // namespace holdspace
