#include "sim/rng.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <set>

using holdspace::Rng;

TEST_CASE("the generator's stream is fixed by its seed") {
    Rng a(42), b(42);
    for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u64() == b.next_u64());
}

TEST_CASE("the documented algorithm: splitmix64-seeded xoshiro256** gives these first values") {
    // Pinned so that a change of algorithm (which would change every recorded
    // session's replay) cannot slip in unnoticed.
    Rng rng(1);
    const std::uint64_t first = rng.next_u64();
    const std::uint64_t second = rng.next_u64();
    Rng again(1);
    CHECK(again.next_u64() == first);
    CHECK(first != second);
    CHECK(first == 0xb3f2af6d0fc710c5ULL);
}

TEST_CASE("different seeds give different streams") {
    std::set<std::uint64_t> firsts;
    for (std::uint64_t seed = 0; seed < 100; ++seed) firsts.insert(Rng(seed).next_u64());
    CHECK(firsts.size() == 100);
}

TEST_CASE("uniform stays in [0, 1) and averages one half") {
    Rng rng(7);
    double sum = 0;
    for (int i = 0; i < 100000; ++i) {
        const double u = rng.uniform();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        sum += u;
    }
    CHECK(sum / 100000 == doctest::Approx(0.5).epsilon(0.01));
}

TEST_CASE("range covers both ends and nothing outside") {
    Rng rng(3);
    std::set<std::int64_t> seen;
    for (int i = 0; i < 10000; ++i) {
        const auto v = rng.range(-2, 3);
        REQUIRE(v >= -2);
        REQUIRE(v <= 3);
        seen.insert(v);
    }
    CHECK(seen.size() == 6);
    CHECK(rng.range(5, 5) == 5);
}

TEST_CASE("normal deviates have mean 0 and standard deviation 1") {
    Rng rng(11);
    double sum = 0, sum_sq = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double x = rng.normal();
        sum += x;
        sum_sq += x * x;
    }
    const double mean = sum / n;
    CHECK(std::fabs(mean) < 0.01);
    CHECK(std::sqrt(sum_sq / n - mean * mean) == doctest::Approx(1.0).epsilon(0.01));
}
