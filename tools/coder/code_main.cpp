// coder_code: `holdspace code` as a program of its own (the same code: engine/cli/code_command.cpp).
//   coder_code code [FILE|-] [--json] [--context TEXT] [--phase P] [--model PATH]
#include "cli/code_command.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"The behaviour coder", "holdspace"};
    holdspace::cli::add_code_command(app);
    app.require_subcommand(1, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "holdspace code: " << e.what() << "\n";
        return 2;
    }
    return 0;
}
