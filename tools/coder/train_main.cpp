// coder_train: builds the coder's model from the corpus and cross-validates it (tools/train-coder).
//   coder_train --corpus assets/coder --out assets/coder/model.txt [--cv 5] [--no-model]
// Prints per-code precision/recall/F1, per-family figures and confusion tables (docs/coder.md).
#include "coder/training.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>

using namespace holdspace::coder;

namespace {

const std::vector<std::string> families = {"question", "reflection", "information", "other"};

struct Prediction {
    std::string gold_primary, primary;
    std::vector<std::string> gold, predicted;
};

// An utterance with several codes has several right primaries: when the coder's primary is one of
// them it is right (and its family right), otherwise it is counted against the first listed code.
Prediction predict(const Coder& coder, const Example& e, const Context& ctx) {
    Prediction p;
    p.gold = e.codes;
    const std::vector<double> per_code = coder.model().predict(features(e.text, ctx));
    const auto& codes = coder.model().codes;
    const std::size_t best = coder.primary_index(per_code);
    p.primary = codes[best];
    p.gold_primary = e.codes.front();
    for (const auto& g : e.codes)
        if (g == p.primary) p.gold_primary = g;
    for (const auto& g : e.codes)
        if (family_of(g) == family_of(p.primary) && p.gold_primary != p.primary) p.gold_primary = g;
    for (std::size_t c = 0; c < codes.size(); ++c)
        if ((per_code[c] >= 0.5 && codes[c].rfind(family_prefix, 0) != 0) || c == best) p.predicted.push_back(codes[c]);
    return p;
}

struct Counts {
    int tp = 0, fp = 0, fn = 0;
    void row(const std::string& name, int support) const {
        const double p = tp + fp ? double(tp) / (tp + fp) : 0, r = tp + fn ? double(tp) / (tp + fn) : 0;
        const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
        std::printf("| %-28s | %5.2f | %5.2f | %5.2f | %5d |\n", name.c_str(), p, r, f, support);
    }
    double f1() const {
        const double p = tp + fp ? double(tp) / (tp + fp) : 0, r = tp + fn ? double(tp) / (tp + fn) : 0;
        return p + r > 0 ? 2 * p * r / (p + r) : 0;
    }
};

void family_report(const std::vector<Prediction>& preds, const char* title) {
    std::map<std::string, Counts> fam;
    std::map<std::pair<std::string, std::string>, int> confusion;
    int right = 0;
    for (const auto& p : preds) {
        const std::string g(family_of(p.gold_primary)), h(family_of(p.primary));
        ++confusion[{g, h}];
        if (g == h) {
            ++right;
            ++fam[g].tp;
        } else {
            ++fam[g].fn;
            ++fam[h].fp;
        }
    }
    std::printf("\n### Families (primary code's family), %s: accuracy %.3f\n\n", title, double(right) / double(preds.size()));
    std::printf("| %-28s | prec  | rec   | F1    | n     |\n|---|---|---|---|---|\n", "family");
    double macro = 0;
    for (const auto& f : families) {
        int support = 0;
        for (const auto& p : preds) support += family_of(p.gold_primary) == f;
        fam[f].row(f, support);
        macro += fam[f].f1();
    }
    std::printf("\nmacro F1 %.3f\n\n| gold \\ coded | question | reflection | information | other |\n|---|---|---|---|---|\n",
                macro / 4);
    for (const auto& g : families) {
        std::printf("| %s |", g.c_str());
        for (const auto& h : families) std::printf(" %d |", confusion[{g, h}]);
        std::printf("\n");
    }
}

void report(const std::vector<Example>& corpus, const std::vector<Prediction>& preds,
            const std::vector<Prediction>& bare, int k) {
    const auto codes = coder_codes();
    std::map<std::string, Counts> per;
    std::map<std::string, int> support;
    int primary_right = 0;
    for (const auto& p : preds) {
        primary_right += p.primary == p.gold_primary;
        for (const auto& c : p.gold) ++support[c];
        for (const auto& c : codes) {
            const bool g = std::find(p.gold.begin(), p.gold.end(), c) != p.gold.end();
            const bool h = std::find(p.predicted.begin(), p.predicted.end(), c) != p.predicted.end();
            if (g && h) ++per[c].tp;
            else if (h) ++per[c].fp;
            else if (g) ++per[c].fn;
        }
    }
    const double n = double(preds.size());
    std::printf("## %d-fold cross-validation on %zu utterances\n\n", k, corpus.size());
    std::printf("primary code accuracy %.3f (the primary is the most probable code)\n", primary_right / n);
    int bare_right = 0;
    for (const auto& p : bare) bare_right += p.primary == p.gold_primary;
    std::printf("primary code accuracy without context (no participant line, no phase): %.3f\n\n", bare_right / n);
    std::printf("### Per code (a code is coded when p >= 0.5, or when it is the primary)\n\n");
    std::printf("| %-28s | prec  | rec   | F1    | n     |\n|---|---|---|---|---|\n", "code");
    double macro = 0;
    for (const auto& c : codes) {
        per[c].row(c, support[c]);
        macro += per[c].f1();
    }
    std::printf("\nmacro F1 over codes %.3f\n", macro / double(codes.size()));
    family_report(preds, "with context as written");
    family_report(bare, "without context");

    std::printf("\n### Primary code confusions (gold primary: n, right, most frequent wrong primaries)\n\n");
    std::printf("| gold primary | n | right | coded instead |\n|---|---|---|---|\n");
    for (const auto& c : codes) {
        int total = 0, right = 0;
        std::map<std::string, int> wrong;
        for (const auto& p : preds)
            if (p.gold_primary == c) {
                ++total;
                if (p.primary == c) ++right;
                else ++wrong[p.primary];
            }
        if (!total) continue;
        std::vector<std::pair<int, std::string>> top;
        for (const auto& [w, k2] : wrong) top.emplace_back(-k2, w);
        std::sort(top.begin(), top.end());
        std::string list;
        for (std::size_t i = 0; i < top.size() && i < 3; ++i)
            list += (i ? ", " : "") + top[i].second + " " + std::to_string(-top[i].first);
        std::printf("| %s | %d | %d | %s |\n", c.c_str(), total, right, list.c_str());
    }
}

int usage() {
    std::fprintf(stderr, "usage: coder_train --corpus DIR [--out FILE] [--cv K] [--errors] [--plain] [--family-heads] [--dump-features]\n"
                         "                   [--epochs N] [--rate R] [--l2 L] [--min-count N] [--prune W]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus_dir, out;
    int k = 0;
    bool show_errors = false, dump = false;
    TrainSettings settings;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--corpus") corpus_dir = next();
        else if (a == "--out") out = next();
        else if (a == "--cv") k = std::atoi(next().c_str());
        else if (a == "--errors") show_errors = true;
        else if (a == "--dump-features") dump = true;
        else if (a == "--plain") settings.plain = true;
        else if (a == "--family-heads") settings.family_heads = true;
        else if (a == "--epochs") settings.epochs = std::atoi(next().c_str());
        else if (a == "--rate") settings.rate = std::atof(next().c_str());
        else if (a == "--l2") settings.l2 = std::atof(next().c_str());
        else if (a == "--min-count") settings.min_count = std::atoi(next().c_str());
        else if (a == "--prune") settings.prune = std::atof(next().c_str());
        else return usage();
    }
    if (corpus_dir.empty()) return usage();
    std::vector<Example> corpus;
    try {
        corpus = read_corpus(corpus_dir);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "train-coder: %s\n", e.what());
        return 2;
    }
    if (dump) {
        // One utterance a line: its codes, a tab, its features (spaces inside a feature as '_'),
        // for comparing other learners on the same features (tools/coder/compare-fasttext).
        for (const auto& e : corpus) {
            std::string line;
            for (const auto& c : e.codes) line += (line.empty() ? "" : ",") + c;
            line += '\t';
            for (auto f : features(e.text, e.context)) {
                for (auto& ch : f)
                    if (ch == ' ') ch = '_';
                line += f + ' ';
            }
            std::printf("%s\n", line.c_str());
        }
        return 0;
    }
    std::map<std::string, int> per_code;
    std::map<std::string, int> per_phase;
    for (const auto& e : corpus) {
        for (const auto& c : e.codes) ++per_code[c];
        ++per_phase[e.context.phase.empty() ? "(none)" : e.context.phase];
    }
    std::printf("corpus: %zu utterances;", corpus.size());
    for (const auto& [p, c] : per_phase) std::printf(" %s %d", p.c_str(), c);
    std::printf("\n");
    std::string thin;
    for (const auto& c : coder_codes())
        if (per_code[c] < 50) thin += " " + c + "(" + std::to_string(per_code[c]) + ")";
    if (!thin.empty()) std::printf("codes with fewer than 50 utterances:%s\n", thin.c_str());

    if (k > 1) {
        // Folds: a seeded shuffle, then every k-th utterance.
        std::vector<std::size_t> order(corpus.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::uint64_t s = 0x5eed;
        for (std::size_t i = order.size(); i > 1; --i) {
            s = s * 6364136223846793005ull + 1442695040888963407ull;
            std::swap(order[i - 1], order[(s >> 33) % i]);
        }
        std::vector<Prediction> preds(corpus.size()), bare(corpus.size());
        for (int fold = 0; fold < k; ++fold) {
            std::vector<Example> train_set;
            std::vector<std::size_t> test;
            for (std::size_t i = 0; i < order.size(); ++i)
                (static_cast<int>(i % static_cast<std::size_t>(k)) == fold ? test.push_back(order[i]), void()
                                                                         : train_set.push_back(corpus[order[i]]));
            const Coder coder = Coder::from_model(train(train_set, settings), "cv");
            for (auto t : test) {
                preds[t] = predict(coder, corpus[t], corpus[t].context);
                bare[t] = predict(coder, corpus[t], Context{});
            }
        }
        report(corpus, preds, bare, k);
        if (show_errors) {
            std::printf("\n### Errors\n");
            for (std::size_t i = 0; i < corpus.size(); ++i)
                if (preds[i].primary != preds[i].gold_primary)
                    std::printf("%s\t%s -> %s\t%s\n", corpus[i].where.c_str(), preds[i].gold_primary.c_str(),
                                preds[i].primary.c_str(), corpus[i].text.c_str());
        }
    }
    if (!out.empty()) {
        const Model model = train(corpus, settings);
        const std::string text = model.write();
        std::ofstream f(out, std::ios::binary | std::ios::trunc);
        f << text;
        if (!f) {
            std::fprintf(stderr, "train-coder: cannot write %s\n", out.c_str());
            return 1;
        }
        std::printf("\nmodel: %s (%zu features, %zu bytes)\n", out.c_str(), model.rows(), text.size());
    }
    return 0;
}
