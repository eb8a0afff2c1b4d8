// A fixture for the `layers` test: the window reaching sideways into the terminal.
#include "cli/terminal_view.hpp"
#include "ui/screen.hpp"
