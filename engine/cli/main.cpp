#include "cli/commands.hpp"

int main(int argc, char** argv) { return holdspace::cli::run(argc, argv); }
