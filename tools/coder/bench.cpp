// coder_bench: how long the coder takes to load and to code one utterance (docs/coder.md).
//   coder_bench [MODEL]
#include "coder/coder.hpp"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using clock = std::chrono::steady_clock;
    using holdspace::coder::Coder;
    const std::string path = argc > 1 ? argv[1] : Coder::default_model_path();
    if (path.empty()) {
        std::fprintf(stderr, "coder_bench: no model found (set HOLDSPACE_CODER_MODEL)\n");
        return 2;
    }
    const auto t0 = clock::now();
    const Coder coder = Coder::load(path);
    const auto t1 = clock::now();
    const std::vector<std::string> lines = {
        "It sounds like part of you wants to go back there and part of you is scared of what you'll find.",
        "What's been on your mind since we last met?",
        "Did you take your medication this morning?",
        "so um, you know, I was wondering, like, how has the week been, with your mum and everything",
        "You should really start journaling every night before bed.",
        "Mm-hmm.",
    };
    std::string huge;
    while (huge.size() < (1u << 20)) huge += "and then I said to him, you know, like, what is going on? ";
    const int rounds = 2000;
    double sink = 0;
    const auto t2 = clock::now();
    for (int r = 0; r < rounds; ++r)
        for (const auto& line : lines) sink += coder.code(line).confidence;
    const auto t3 = clock::now();
    const auto t4 = clock::now();
    for (int r = 0; r < 20; ++r) sink += coder.code(huge).confidence;
    const auto t5 = clock::now();
    const double load_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    const double per_us = std::chrono::duration<double, std::micro>(t3 - t2).count() / (rounds * double(lines.size()));
    const double huge_us = std::chrono::duration<double, std::micro>(t5 - t4).count() / 20;
    std::printf("model %s (%s, %zu features)\nload %.1f ms\ncode %.1f us per utterance (mean of %d)\n"
                "code %.1f us for a 1 MB line (cut at %zu bytes)\n(checksum %.3f)\n",
                path.c_str(), coder.version().c_str(), coder.model().rows(), load_ms, per_us,
                rounds * int(lines.size()), huge_us, holdspace::coder::max_utterance_bytes, sink);
    return 0;
}
