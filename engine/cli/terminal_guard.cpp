#include "cli/terminal_guard.hpp"

#include "records/text.hpp"

#include <unistd.h>

#include <iostream>

namespace holdspace::cli {

std::string terminal_safe(std::string_view text) { return records::escape_unprintable(text, true); }

TerminalGuard::~TerminalGuard() {
    if (!pending_.empty()) {
        const std::string out = terminal_safe(pending_);
        out_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
    }
    out_->pubsync();
}

void TerminalGuard::write(std::string_view bytes) {
    std::string in = std::move(pending_);
    in.append(bytes);
    const std::size_t keep = records::incomplete_utf8_tail(in);
    pending_.assign(in, in.size() - keep, keep);
    in.resize(in.size() - keep);
    const std::string out = terminal_safe(in);
    out_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
}

TerminalGuard::int_type TerminalGuard::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    write(std::string_view(&ch, 1));
    return c;
}

std::streamsize TerminalGuard::xsputn(const char* s, std::streamsize n) {
    write(std::string_view(s, static_cast<std::size_t>(n)));
    return n;
}

int TerminalGuard::sync() { return out_->pubsync(); }

void guard_terminal_streams() {
    // Never destroyed: the standard streams may be written to until the very end of the process.
    if (::isatty(STDOUT_FILENO) == 1) std::cout.rdbuf(new TerminalGuard(std::cout.rdbuf()));
    if (::isatty(STDERR_FILENO) == 1) std::cerr.rdbuf(new TerminalGuard(std::cerr.rdbuf()));
}

}  // namespace holdspace::cli
