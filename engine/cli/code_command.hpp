#pragma once
// `holdspace code [FILE|-] [--json] [--context TEXT] [--phase P] [--model PATH]`: codes one
// utterance per line with the behaviour coder (docs/coder.md) and prints its codes.
#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace holdspace::cli {

struct CodeOptions {
    std::string input = "-";  // a file, or "-" for standard input
    bool json = false;
    std::string context;  // the participant's last line, for every utterance
    std::string phase;    // preparation, medicine or integration
    std::string model;    // default: coder::Coder::default_model_path()
};

// Lines longer than this are coded on their first max_line_bytes bytes (and the output says so).
constexpr std::size_t max_line_bytes = 10000;

// Codes `in` line by line to `out`; notes (an empty line skipped, a line cut or repaired) go to
// `err`. Returns the exit code: 0, or 2 when the model or the input cannot be read.
int code_lines(const CodeOptions& options, std::istream& in, std::ostream& out, std::ostream& err);
int code_command(const CodeOptions& options);

// Adds the `code` subcommand to `app`. When it is parsed, it runs and ends the process with its
// exit code (the subcommand owns its options, so the caller needs nothing else).
void add_code_command(CLI::App& app);

}  // namespace holdspace::cli
