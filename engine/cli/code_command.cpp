#include "cli/code_command.hpp"

#include "coder/coder.hpp"
#include "records/text.hpp"

#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

namespace holdspace::cli {
namespace {

// One line (without its newline), of which at most max_line_bytes bytes are kept; `length` is
// the line's full length. Returns false at the end of the input.
bool read_line(std::istream& in, std::string& line, std::size_t& length) {
    line.clear();
    length = 0;
    std::streambuf* buffer = in.rdbuf();
    if (buffer == nullptr) return false;
    int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) return false;
    while (c != std::char_traits<char>::eof() && c != '\n') {
        if (line.size() < max_line_bytes) line.push_back(static_cast<char>(c));
        ++length;
        c = buffer->sbumpc();
    }
    return true;
}

// Cut at a character boundary, so that a line cut in the middle of a character is not "repaired".
std::string cut_utf8(std::string text, std::size_t limit) {
    if (text.size() < limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text.resize(end);
    return text;
}

bool blank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') return false;
    return true;
}

std::string two_places(double p) {
    char text[16];
    std::snprintf(text, sizeof text, "%.2f", p);
    return text;
}

}  // namespace

int code_lines(const CodeOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
    const std::string path = options.model.empty() ? coder::Coder::default_model_path() : options.model;
    if (path.empty()) {
        err << "holdspace code: no coder model found (looked in:";
        for (const auto& p : coder::Coder::model_candidates()) err << " " << p;
        err << "); set HOLDSPACE_CODER_MODEL or use --model\n";
        return 2;
    }
    std::unique_ptr<coder::Coder> model;
    try {
        model = std::make_unique<coder::Coder>(coder::Coder::load(path));
    } catch (const coder::ModelError& e) {
        err << "holdspace code: " << records::escape_unprintable(e.what(), false) << "\n";
        return 2;
    }
    const coder::Context context{records::repair_utf8(cut_utf8(options.context, max_line_bytes)), options.phase};

    std::string line;
    std::size_t length = 0;
    for (int number = 1; read_line(in, line, length); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (blank(line)) {
            err << "holdspace code: line " << number << ": empty, skipped\n";
            continue;
        }
        const bool cut = length > max_line_bytes;
        const std::string kept = cut ? cut_utf8(line, max_line_bytes) : line;
        const bool repaired = !records::valid_utf8(kept);
        const std::string text = repaired ? records::repair_utf8(kept) : kept;
        if (cut)
            err << "holdspace code: line " << number << ": " << length << " bytes, coded the first " << text.size()
                << "\n";
        if (repaired)
            err << "holdspace code: line " << number << ": not valid UTF-8, bad bytes replaced by U+FFFD\n";

        const coder::Coding coding = model->code(text, context);
        if (options.json) {
            Json codes = Json::array();
            for (const auto& c : coding.codes) codes.push_back({{"code", c.code}, {"p", std::round(c.p * 1000) / 1000}});
            Json j = {{"text", text}, {"primary", coding.primary}, {"codes", codes}};
            if (cut) j["truncated_from_bytes"] = length;
            if (repaired) j["repaired_utf8"] = true;
            out << records::json_text(j) << "\n";
        } else {
            std::string list;
            for (const auto& c : coding.codes) list += (list.empty() ? "" : ", ") + c.code + " " + two_places(c.p);
            out << records::escape_unprintable(text, false) << "\t" << list << "\n";
        }
    }
    out.flush();
    return 0;
}

int code_command(const CodeOptions& options) {
    if (options.input == "-") return code_lines(options, std::cin, std::cout, std::cerr);
    std::ifstream file(options.input, std::ios::binary);
    if (!file) {
        std::cerr << "holdspace code: " << records::escape_unprintable(options.input, false) << ": cannot open\n";
        return 2;
    }
    return code_lines(options, file, std::cout, std::cerr);
}

void add_code_command(CLI::App& app) {
    auto options = std::make_shared<CodeOptions>();
    auto* cmd = app.add_subcommand(
        "code", "Code utterances, one a line, into behaviour codes with a probability each (docs/coder.md)");
    cmd->add_option("input", options->input, "A text file, one utterance a line, or - for standard input (default)");
    cmd->add_flag("--json", options->json, "One JSON object a line: text, primary, codes [{code, p}]");
    cmd->add_option("--context", options->context, "The participant's last line, as context for every utterance");
    cmd->add_option("--phase", options->phase, "The session's phase: preparation, medicine or integration")
        ->check(CLI::IsMember({"preparation", "medicine", "integration"}));
    cmd->add_option("--model", options->model,
                    "The coder model (default $HOLDSPACE_CODER_MODEL, else the shipped assets/coder/model.txt)");
    cmd->final_callback([options] {
        const int code = code_command(*options);
        std::cout.flush();
        std::cerr.flush();
        std::exit(code);
    });
}

}  // namespace holdspace::cli
