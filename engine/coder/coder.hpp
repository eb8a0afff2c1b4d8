#pragma once
// The behaviour coder: an utterance (and the participant's last line and the session's phase)
// → the behaviour codes of docs/behaviour-codes.md, each with a probability, and one primary code.
// A linear model over words, word n-grams and clinician features (coder/features.hpp), trained by
// tools/train-coder from the corpus in assets/coder/ (docs/coder.md). Pure C++, deterministic:
// the same model and text give the same Coding, bit for bit, in any process.
#include "coder/features.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace holdspace::coder {

struct CodeScore {
    std::string code;
    double p = 0;  // this code's own probability (one-vs-rest): several codes can be likely at once
};

struct Coding {
    std::vector<CodeScore> codes;  // every code with p >= report_threshold, and the primary; p descending
    std::string primary;           // the one code that best names the utterance: the most probable
    double confidence = 0;         // the primary's p (below 0.5: the coder is unsure)
};

// A model may also carry one detector per family ("family:question" ...). Then the primary is the
// most probable code of the most probable family (docs/coder.md, "Technique").
constexpr std::string_view family_prefix = "family:";

// Codes with at least this probability are listed in Coding::codes.
constexpr double report_threshold = 0.10;

struct ModelError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The weights, as tools/train-coder writes them (docs/coder.md, "Model file").
struct Model {
    std::vector<std::string> codes;
    std::unordered_map<std::string, std::uint32_t> index;  // feature → row
    std::vector<float> weights;  // rows × codes, one-vs-rest (a sigmoid per code)
    std::vector<float> bias;     // one per code
    std::string settings;                       // how it was trained (a line of the file)

    std::size_t rows() const { return index.size(); }
    // Each code's probability (independent of the others').
    std::vector<double> predict(const std::vector<std::string>& features) const;
    std::string write() const;                  // the model file's text (deterministic)
    static Model parse(std::string_view text);  // throws ModelError naming the line
};

class Coder {
public:
    // Loads a model file; throws ModelError with the path and the reason.
    static Coder load(const std::string& path);
    static Coder from_model(Model model, std::string version);

    Coding code(std::string_view utterance, const Context& context = {}) const;
    // "coder-1 3f2a9c0b51de": the model file's format and a hash of its bytes, recorded with
    // every coded response so that a replay can tell which model heard it.
    const std::string& version() const { return version_; }
    const Model& model() const { return model_; }

    // Where the shipped model is looked for: $HOLDSPACE_CODER_MODEL, then assets/coder/model.txt
    // under the working directory, beside the executable (../share/holdspace/coder/model.txt),
    // then the source tree's assets/coder. The first that exists wins; "" when none does.
    static std::vector<std::string> model_candidates();
    static std::string default_model_path();

    // Which of the model's outputs is the primary code, given every output's probability.
    std::size_t primary_index(const std::vector<double>& p) const;

private:
    Model model_;
    std::string version_;
};

// The four families the coder is judged on: questions, reflections, information (and advice),
// other. Codes outside the first three are "other".
std::string_view family_of(std::string_view code);

}  // namespace holdspace::coder
