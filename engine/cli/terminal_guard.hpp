#pragma once
// Text from outside (scenarios, records, trainee ids and notes, paths, an LRS's replies) must never
// drive the trainee's terminal: an ESC or OSC sequence in a scenario's line could clear the screen,
// set the window title or write the clipboard (OSC 52). So every byte the program writes to a
// terminal passes through one filter, whatever code printed it, and anything that is not printable
// text is shown escaped: C0 and C1 control characters (except newline and tab), DEL, bidirectional
// overrides, and bytes that are not valid UTF-8 (docs/security.md, "Terminal output").
#include <streambuf>
#include <string>
#include <string_view>

namespace holdspace::cli {

// `text` as it may be shown on a terminal: printable UTF-8, newlines and tabs kept, everything else
// written as a visible escape (\x1b, \u0085, \u202e, \xff): records::escape_unprintable.
std::string terminal_safe(std::string_view text);

// A stream buffer that writes everything through terminal_safe to another buffer. A UTF-8 sequence
// split across writes is held until it is complete.
class TerminalGuard : public std::streambuf {
public:
    explicit TerminalGuard(std::streambuf* out) : out_(out) {}
    ~TerminalGuard() override;

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;
    int sync() override;

private:
    void write(std::string_view bytes);
    std::streambuf* out_;
    std::string pending_;  // the start of a UTF-8 sequence not yet complete
};

// Puts std::cout and std::cerr behind a TerminalGuard when they are terminals (files and pipes get
// the bytes as they are: JSON and reports are escaped by their own formats). Call once, first.
void guard_terminal_streams();

}  // namespace holdspace::cli
