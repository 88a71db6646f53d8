// Padding and the layout of formatted ints and floats, shared by format() and %-formatting.
#pragma once

#include <cstdint>
#include <string_view>

#include "number/big_integer.hpp"
#include "number/float_format.hpp"
#include "text/errors.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// Where padding goes around a piece of text. Widths count bytes, as in MicroPython
// ('{:5}'.format('é') pads with 3 spaces).
enum class Alignment : std::uint8_t { right, left, center };

// Writes `text` padded with `fill` up to `width` bytes (no padding if width <= its size).
// A '0' fill with `grouping` (',' or '_') pads with zeros and separators as MicroPython does:
// the separator recurs every 4 (',') or 5 ('_') characters, phased on the width, and a
// width that is a multiple of the period grows by one so the pad never starts with a
// separator ('{:08,}'.format(1234) is "0,001,234").
Status write_padded(std::string_view text, Alignment alignment, char fill, std::int32_t width,
                    TextSink& sink, char grouping = '\0');

// How an int is laid out. `pad_after_sign` (the '=' alignment, or a '0' flag) writes the
// sign and the base prefix first and pads only the digits. `precision` > 1 is the
// %-format minimum digit count ('%.3d' % 5 is "005"); format() never sets it.
struct IntegerStyle {
    int base = 10;  // 2, 8, 10 or 16
    bool uppercase = false;
    number::PositiveSign positive_sign = number::PositiveSign::none;
    bool show_prefix = false;  // 0b / 0o (or 0 without octal_letter) / 0x
    bool octal_letter = true;  // '%#o' and '{:#o}' both give "0o10" in MicroPython
    char grouping = '\0';      // ',' or '_': every 3 digits in base 10, 4 otherwise
    Alignment alignment = Alignment::right;
    bool pad_after_sign = false;
    char fill = ' ';
    std::int32_t width = 0;
    std::int32_t precision = -1;
};

Status write_integer(const number::BigInteger& value, const IntegerStyle& style, TextSink& sink);

// How a float is laid out: `conversion` is e E f F g G or % (see number::format_float).
struct FloatStyle {
    char conversion = 'g';
    std::int32_t precision = -1;
    number::PositiveSign positive_sign = number::PositiveSign::none;
    Alignment alignment = Alignment::right;
    bool pad_after_sign = false;
    char fill = ' ';
    std::int32_t width = 0;
    char grouping = '\0';  // only shapes zero padding; float digits are never grouped
};

Status write_float(double value, const FloatStyle& style, TextSink& sink);

}  // namespace xipy::text
