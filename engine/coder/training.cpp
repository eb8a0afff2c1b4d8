#include "coder/training.hpp"

#include "sim/vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

namespace holdspace::coder {
namespace {

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    return s.substr(i);
}

}  // namespace

std::vector<std::string> coder_codes() {
    std::vector<std::string> out;
    for (auto c : holdspace::behaviour_codes())
        if (c != "touch_within_consent" && c != "touch_without_consent") out.emplace_back(c);
    return out;
}

std::string TrainSettings::describe() const {
    char text[200];
    std::snprintf(text, sizeof text, "one-vs-rest logistic; epochs=%d rate=%g l2=%g min_count=%d prune=%g seed=%llu%s%s", epochs,
                  rate, l2, min_count, prune, static_cast<unsigned long long>(seed), plain ? " plain" : "",
                  family_heads ? " family-heads" : "");
    return text;
}

std::vector<Example> read_corpus(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".tsv") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.empty()) throw std::runtime_error(dir + ": no .tsv corpus files");
    const auto codes = coder_codes();
    std::vector<Example> out;
    for (const auto& file : files) {
        std::ifstream in(file);
        std::string line, phase;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            const std::string where = file.filename().string() + ":" + std::to_string(n);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.rfind("@phase", 0) == 0) {
                phase = trim(line.substr(6));
                if (phase == "-" ) phase.clear();
                if (!phase.empty() && phase != "preparation" && phase != "medicine" && phase != "integration")
                    throw std::runtime_error(where + ": unknown phase '" + phase + "'");
                continue;
            }
            if (trim(line).empty() || line[0] == '#') continue;
            std::vector<std::string> fields;
            std::size_t start = 0;
            while (true) {
                const auto tab = line.find('\t', start);
                fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
                if (tab == std::string::npos) break;
                start = tab + 1;
            }
            if (fields.size() < 2 || fields.size() > 3)
                throw std::runtime_error(where + ": expected codes<TAB>utterance[<TAB>participant's line]");
            Example e;
            e.where = where;
            std::size_t s = 0;
            const std::string& list = fields[0];
            while (s <= list.size()) {
                auto comma = list.find(',', s);
                if (comma == std::string::npos) comma = list.size();
                const std::string code = trim(list.substr(s, comma - s));
                if (std::find(codes.begin(), codes.end(), code) == codes.end())
                    throw std::runtime_error(where + ": unknown code '" + code + "'");
                if (std::find(e.codes.begin(), e.codes.end(), code) == e.codes.end()) e.codes.push_back(code);
                s = comma + 1;
            }
            e.text = trim(fields[1]);
            if (e.text.empty()) throw std::runtime_error(where + ": empty utterance");
            if (fields.size() == 3) e.context.participant = trim(fields[2]);
            e.context.phase = phase;
            out.push_back(std::move(e));
        }
    }
    return out;
}

std::vector<Example> augment(const std::vector<Example>& examples) {
    std::vector<Example> out;
    out.reserve(examples.size() * 2);
    for (const auto& e : examples) {
        out.push_back(e);
        Example bare = e;
        bare.context = {};
        for (auto& ch : bare.text)
            if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
        if (fnv1a(e.text) % 3 == 0)
            while (!bare.text.empty() && (bare.text.back() == '?' || bare.text.back() == '.' || bare.text.back() == '!'))
                bare.text.pop_back();
        out.push_back(std::move(bare));
    }
    return out;
}

Model train(const std::vector<Example>& raw, const TrainSettings& settings) {
    const std::vector<Example> examples = augment(raw);
    Model m;
    m.codes = coder_codes();
    if (settings.family_heads)
        for (const char* f : {"question", "reflection", "information", "other"}) m.codes.push_back(std::string(family_prefix) + f);
    m.settings = settings.describe();
    const std::size_t n = m.codes.size();
    std::map<std::string, std::size_t> code_index;
    for (std::size_t c = 0; c < n; ++c) code_index[m.codes[c]] = c;

    // Features and how many utterances have them; the vocabulary in sorted order, so that rows do
    // not depend on the order of the corpus.
    std::vector<std::vector<std::string>> feats;
    std::map<std::string, int> counts;
    const auto plain = [&](const std::string& f) {
        return settings.plain && !(f.rfind("w:", 0) == 0 || f.rfind("b:", 0) == 0 || f.rfind("t:", 0) == 0);
    };
    for (const auto& e : raw)
        for (const auto& f : features(e.text, e.context))
            if (!plain(f)) ++counts[f];
    for (const auto& e : examples) feats.push_back(features(e.text, e.context));
    for (const auto& [f, k] : counts)
        if (k >= settings.min_count) m.index.emplace(f, static_cast<std::uint32_t>(m.index.size()));
    const std::size_t rows = m.index.size();
    std::vector<double> w(rows * n, 0.0), bias(n, 0.0);

    struct Instance {
        std::vector<std::uint32_t> rows;
        std::vector<std::size_t> labels;
    };
    std::vector<Instance> data;
    for (std::size_t i = 0; i < examples.size(); ++i) {
        Instance inst;
        for (const auto& f : feats[i])
            if (auto it = m.index.find(f); it != m.index.end()) inst.rows.push_back(it->second);
        for (const auto& c : examples[i].codes) {
            inst.labels.push_back(code_index.at(c));
            if (!settings.family_heads) continue;
            const std::size_t f = code_index.at(std::string(family_prefix) + std::string(family_of(c)));
            if (std::find(inst.labels.begin(), inst.labels.end(), f) == inst.labels.end()) inst.labels.push_back(f);
        }
        data.push_back(std::move(inst));
    }
    // Each code's bias starts at its log-odds in the corpus.
    for (std::size_t c = 0; c < n; ++c) {
        double pos = 0.5;
        for (const auto& d : data)
            if (std::find(d.labels.begin(), d.labels.end(), c) != d.labels.end()) pos += 1;
        const double total = static_cast<double>(data.size()) + 1.0;
        bias[c] = std::log(pos / (total - pos));
    }

    // Stochastic gradient descent on the logistic loss of each code, in a seeded order.
    std::vector<std::size_t> order(data.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::uint64_t rng = settings.seed;
    std::vector<double> g(n);
    for (int epoch = 0; epoch < settings.epochs; ++epoch) {
        for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[splitmix(rng) % i]);
        const double rate = settings.rate / (1.0 + 0.1 * epoch);
        for (std::size_t idx : order) {
            const Instance& d = data[idx];
            if (d.rows.empty()) continue;
            const double scale = 1.0 / std::sqrt(static_cast<double>(d.rows.size()));
            std::fill(g.begin(), g.end(), 0.0);
            for (auto r : d.rows)
                for (std::size_t c = 0; c < n; ++c) g[c] += w[r * n + c];
            for (std::size_t c = 0; c < n; ++c) g[c] = 1.0 / (1.0 + std::exp(-(bias[c] + scale * g[c])));
            for (auto l : d.labels) g[l] -= 1.0;
            for (auto r : d.rows)
                for (std::size_t c = 0; c < n; ++c) {
                    double& x = w[r * n + c];
                    x -= rate * (scale * g[c] + settings.l2 * x);
                }
            for (std::size_t c = 0; c < n; ++c) bias[c] -= rate * 0.1 * g[c];
        }
    }
    // What the model file keeps: thousandths, and no weight smaller than `prune` (so that what
    // cross-validation measures is what ships).
    const auto keep = [&](double x) {
        const double q = static_cast<double>(std::lround(x * 1000.0)) / 1000.0;
        return static_cast<float>(std::abs(q) < settings.prune ? 0.0 : q);
    };
    m.weights.resize(rows * n);
    for (std::size_t i = 0; i < rows * n; ++i) m.weights[i] = keep(w[i]);
    m.bias.resize(n);
    for (std::size_t c = 0; c < n; ++c) m.bias[c] = static_cast<float>(static_cast<double>(std::lround(bias[c] * 1000.0)) / 1000.0);
    // Rows left empty by pruning are dropped (the file does not list them either).
    Model out;
    out.codes = m.codes;
    out.settings = m.settings;
    out.bias = m.bias;
    std::vector<std::pair<std::string, std::uint32_t>> sorted(m.index.begin(), m.index.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto& [name, r] : sorted) {
        const float* row = &m.weights[std::size_t{r} * n];
        if (std::all_of(row, row + n, [](float x) { return x == 0.f; })) continue;
        out.index.emplace(name, static_cast<std::uint32_t>(out.index.size()));
        out.weights.insert(out.weights.end(), row, row + n);
    }
    return out;
}

}  // namespace holdspace::coder
