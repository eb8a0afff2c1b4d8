#include "cli/terminal_guard.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace holdspace::cli {
namespace {

// The length of the UTF-8 sequence a lead byte starts (0: not a lead byte).
int sequence_length(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

// The code point of a well-formed sequence, or -1 (overlong, surrogate, out of range, bad trail).
long decode(std::string_view s) {
    const auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    long cp = 0;
    switch (s.size()) {
    case 1: return b(0);
    case 2: cp = b(0) & 0x1F; break;
    case 3: cp = b(0) & 0x0F; break;
    case 4: cp = b(0) & 0x07; break;
    default: return -1;
    }
    for (std::size_t i = 1; i < s.size(); ++i) {
        if ((b(i) & 0xC0) != 0x80) return -1;
        cp = (cp << 6) | (b(i) & 0x3F);
    }
    const long min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[s.size()] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    return cp;
}

std::string hex_escape(const char* prefix, unsigned long value, int digits) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%0*lx", prefix, digits, value);
    return buf;
}

// Shown as an escape: controls (C0 but newline and tab, DEL, C1) and the bidirectional overrides
// and isolates that reorder what a terminal shows.
bool hidden(long cp) {
    if (cp == '\n' || cp == '\t') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

// Appends the safe form of complete sequences in `in` to `out`; returns how many bytes at the end
// are the start of a sequence that may still be completed.
std::size_t sanitise(std::string_view in, std::string& out, bool final) {
    std::size_t i = 0;
    while (i < in.size()) {
        const auto c = static_cast<unsigned char>(in[i]);
        const int n = sequence_length(c);
        if (n == 0) {
            out += hex_escape("\\x", c, 2);
            ++i;
            continue;
        }
        if (i + static_cast<std::size_t>(n) > in.size()) {
            // Incomplete so far: keep it for the next write, unless a byte already shows it is broken.
            bool broken = false;
            for (std::size_t k = i + 1; k < in.size(); ++k) broken |= (static_cast<unsigned char>(in[k]) & 0xC0) != 0x80;
            if (!final && !broken) return in.size() - i;
            out += hex_escape("\\x", c, 2);
            ++i;
            continue;
        }
        const std::string_view seq = in.substr(i, static_cast<std::size_t>(n));
        const long cp = decode(seq);
        if (cp < 0) {
            out += hex_escape("\\x", c, 2);
            ++i;
            continue;
        }
        if (hidden(cp)) out += cp < 0x80 ? hex_escape("\\x", static_cast<unsigned long>(cp), 2)
                                         : hex_escape("\\u", static_cast<unsigned long>(cp), 4);
        else out += seq;
        i += static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace

std::string terminal_safe(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    sanitise(text, out, true);
    return out;
}

TerminalGuard::~TerminalGuard() {
    if (!pending_.empty()) {
        std::string out;
        sanitise(pending_, out, true);
        out_->sputn(out.data(), static_cast<std::streamsize>(out.size()));
    }
    out_->pubsync();
}

void TerminalGuard::write(std::string_view bytes) {
    std::string in = std::move(pending_);
    pending_.clear();
    in.append(bytes);
    std::string out;
    out.reserve(in.size());
    const std::size_t keep = sanitise(in, out, false);
    pending_.assign(in, in.size() - keep, keep);
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
