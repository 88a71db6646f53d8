// Python-style repr() text of qstrs and constants, for the disassembly listings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "image/image.hpp"

namespace xipy::disassembler {

// repr() of a str whose UTF-8 text is `text`: single quotes unless the text
// holds a ' and no ", backslash escapes for the quote, backslash and control
// characters; other characters (including non-ASCII) are kept as they are.
std::string string_repr(std::string_view text);

// repr() of a bytes object: b'...' with the same quoting rule, and \xNN for
// every byte outside printable ASCII.
std::string bytes_repr(std::string_view bytes);

// repr() of a float. Uses "%.17g" (plus ".0" when the result looks like an
// int), which round-trips but is not always the shortest form CPython and
// MicroPython print; the number layer's formatter will replace it.
std::string float_repr(double value);

// repr() of a constant from `image`'s constant table; tuples are written
// with their items, nested tuples included.
std::string constant_repr(const image::Image& image, const image::Constant& constant);

// The names of the MP_SCOPE_FLAG_* bits set in `flags`, separated by "|",
// with unknown bits as hex; "" when no bit is set.
std::string scope_flag_names(std::uint32_t flags);

}  // namespace xipy::disassembler
