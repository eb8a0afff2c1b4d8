#include "coder/coder.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace holdspace::coder {
namespace {

constexpr std::string_view magic = "holdspace-coder-model 1";

std::uint64_t fnv1a(std::string_view bytes) {
    std::uint64_t h = 1469598103934665603ull;
    for (char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(sep, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) break;
        start = at + 1;
    }
    return parts;
}

// Weights are stored as integers in thousandths: "c:q" pairs (code index, weight × 1000).
void write_row(std::string& out, const float* row, std::size_t n) {
    bool first = true;
    for (std::size_t c = 0; c < n; ++c) {
        const long q = std::lround(static_cast<double>(row[c]) * 1000.0);
        if (q == 0) continue;
        if (!first) out += ' ';
        first = false;
        out += std::to_string(c) + ':' + std::to_string(q);
    }
}

void read_row(std::string_view text, float* row, std::size_t n, std::size_t line) {
    for (std::string_view pair : split(text, ' ')) {
        if (pair.empty()) continue;
        const std::size_t colon = pair.find(':');
        std::size_t c = 0;
        long q = 0;
        const auto bad = [&] { return ModelError("line " + std::to_string(line) + ": bad weight '" + std::string(pair) + "'"); };
        if (colon == std::string_view::npos) throw bad();
        auto r1 = std::from_chars(pair.data(), pair.data() + colon, c);
        auto r2 = std::from_chars(pair.data() + colon + 1, pair.data() + pair.size(), q);
        if (r1.ec != std::errc() || r2.ec != std::errc() || r1.ptr != pair.data() + colon ||
            r2.ptr != pair.data() + pair.size() || c >= n)
            throw bad();
        row[c] = static_cast<float>(static_cast<double>(q) / 1000.0);
    }
}

}  // namespace

std::vector<double> Model::predict(const std::vector<std::string>& features) const {
    const std::size_t n = codes.size();
    std::vector<double> sum(n, 0.0);
    std::size_t known = 0, words = 0, known_words = 0;
    for (const auto& f : features) {
        const bool word = f.rfind("w:", 0) == 0;
        words += word;
        const auto it = index.find(f);
        if (it == index.end()) continue;
        ++known;
        known_words += word;
        const float* w = &weights[std::size_t{it->second} * n];
        for (std::size_t c = 0; c < n; ++c) sum[c] += static_cast<double>(w[c]);
    }
    // Text the model barely knows (another language, a string of names) is not coded from its
    // shape alone: below half its words known, the evidence is scaled down towards the base rates.
    const double coverage = words ? static_cast<double>(known_words) / static_cast<double>(words) : 1.0;
    const double scale = known ? std::min(1.0, 2.0 * coverage) / std::sqrt(static_cast<double>(known)) : 0.0;
    for (std::size_t c = 0; c < n; ++c)
        sum[c] = 1.0 / (1.0 + std::exp(-(static_cast<double>(bias[c]) + scale * sum[c])));
    return sum;
}

std::string Model::write() const {
    const std::size_t n = codes.size();
    std::string out(magic);
    out += "\n# Written by tools/train-coder from assets/coder/*.tsv; see docs/coder.md. Do not edit.\n";
    out += "settings\t" + settings + "\ncodes";
    for (const auto& c : codes) out += "\t" + c;
    out += "\nbias\t";
    write_row(out, bias.data(), n);
    out += "\n";
    std::vector<std::pair<std::string, std::uint32_t>> rows(index.begin(), index.end());
    std::sort(rows.begin(), rows.end());
    for (const auto& [name, r] : rows) {
        std::string row;
        write_row(row, &weights[std::size_t{r} * n], n);
        if (row.empty()) continue;
        out += "f\t" + name + "\t" + row + "\n";
    }
    return out;
}

Model Model::parse(std::string_view text) {
    Model m;
    std::size_t line_no = 0, start = 0;
    bool seen_magic = false, seen_bias = false;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!seen_magic) {
            if (line != magic) throw ModelError("not a Holdspace coder model (line 1 is not '" + std::string(magic) + "')");
            seen_magic = true;
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        const auto parts = split(line, '\t');
        const auto err = [&](const std::string& why) { return ModelError("line " + std::to_string(line_no) + ": " + why); };
        if (parts[0] == "settings") {
            m.settings = parts.size() > 1 ? std::string(parts[1]) : "";
        } else if (parts[0] == "codes") {
            for (std::size_t i = 1; i < parts.size(); ++i) m.codes.emplace_back(parts[i]);
            if (m.codes.empty()) throw err("no codes");
            m.bias.assign(m.codes.size(), 0.f);
        } else if (parts[0] == "bias") {
            if (m.codes.empty() || parts.size() != 2) throw err("bias before codes, or not one row");
            read_row(parts[1], m.bias.data(), m.codes.size(), line_no);
            seen_bias = true;
        } else if (parts[0] == "f") {
            if (!seen_bias || parts.size() != 3) throw err("a feature row needs codes and bias first, and 3 fields");
            const std::size_t n = m.codes.size();
            const auto r = static_cast<std::uint32_t>(m.index.size());
            if (!m.index.emplace(std::string(parts[1]), r).second) throw err("feature listed twice");
            m.weights.resize(m.weights.size() + n, 0.f);
            read_row(parts[2], &m.weights[std::size_t{r} * n], n, line_no);
        } else {
            throw err("unknown line '" + std::string(parts[0]) + "'");
        }
    }
    if (!seen_magic) throw ModelError("empty model file");
    if (!seen_bias) throw ModelError("model file has no codes or bias");
    return m;
}

Coder Coder::from_model(Model model, std::string version) {
    Coder c;
    c.model_ = std::move(model);
    c.version_ = std::move(version);
    return c;
}

Coder Coder::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ModelError(path + ": cannot open the coder model");
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    Model model;
    try {
        model = Model::parse(text);
    } catch (const ModelError& e) {
        throw ModelError(path + ": " + e.what());
    }
    char hash[17];
    std::snprintf(hash, sizeof hash, "%016llx", static_cast<unsigned long long>(fnv1a(text)));
    return from_model(std::move(model), "coder-1 " + std::string(hash, 12));
}

std::size_t Coder::primary_index(const std::vector<double>& p) const {
    // The likeliest family, when the model has family detectors; then the likeliest code in it.
    std::string_view family;
    double best_family = -1;
    for (std::size_t c = 0; c < p.size(); ++c) {
        const std::string& name = model_.codes[c];
        if (name.rfind(family_prefix, 0) == 0 && p[c] > best_family) {
            best_family = p[c];
            family = std::string_view(name).substr(family_prefix.size());
        }
    }
    std::size_t best = p.size();
    for (std::size_t c = 0; c < p.size(); ++c) {
        const std::string& name = model_.codes[c];
        if (name.rfind(family_prefix, 0) == 0) continue;
        if (!family.empty() && family_of(name) != family) continue;
        if (best == p.size() || p[c] > p[best]) best = c;  // the first of equals: deterministic
    }
    return best;
}

Coding Coder::code(std::string_view utterance, const Context& context) const {
    const std::vector<double> p = model_.predict(features(utterance, context));
    const std::size_t best = primary_index(p);
    Coding out;
    out.primary = model_.codes[best];
    out.confidence = p[best];
    for (std::size_t c = 0; c < p.size(); ++c) {
        if (model_.codes[c].rfind(family_prefix, 0) == 0) continue;
        if (p[c] >= report_threshold || c == best) out.codes.push_back({model_.codes[c], p[c]});
    }
    std::stable_sort(out.codes.begin(), out.codes.end(),
                     [](const CodeScore& x, const CodeScore& y) { return x.p > y.p; });
    return out;
}

std::vector<std::string> Coder::model_candidates() {
    namespace fs = std::filesystem;
    std::vector<std::string> paths;
    if (const char* env = std::getenv("HOLDSPACE_CODER_MODEL"); env && *env) paths.emplace_back(env);
    paths.emplace_back("assets/coder/model.txt");
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) paths.push_back((exe.parent_path().parent_path() / "share/holdspace/coder/model.txt").string());
#ifdef HOLDSPACE_SOURCE_CODER
    paths.emplace_back(std::string(HOLDSPACE_SOURCE_CODER) + "/model.txt");
#endif
    return paths;
}

std::string Coder::default_model_path() {
    const auto paths = model_candidates();
    // $HOLDSPACE_CODER_MODEL, when set, is the answer even if missing: loading says so.
    if (const char* env = std::getenv("HOLDSPACE_CODER_MODEL"); env && *env) return paths.front();
    for (const auto& p : paths) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(p, ec)) return p;
    }
    return "";
}

std::string_view family_of(std::string_view code) {
    if (code == "open_question" || code == "closed_question" || code == "socratic_questioning") return "question";
    if (code == "simple_reflection" || code == "complex_reflection") return "reflection";
    if (code == "giving_information" || code == "advice_giving" || code == "psychoeducation" || code == "persuading" ||
        code == "explaining_approach" || code == "practice_assignment")
        return "information";
    return "other";
}

}  // namespace holdspace::coder
