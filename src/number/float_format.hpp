// Double to text exactly as MicroPython 1.27 prints it: repr/str and e, f, g, % conversions.
#pragma once

#include <cstddef>
#include <span>

namespace xipy::number {

// No formatted float is longer than this (sign, digits, point, exponent, "%" or ".0").
// The reference formats into a fixed 33-byte buffer and shortens fixed-point output
// (fewer decimals, or exponent form) to fit, so the bound is a property of the format.
inline constexpr std::size_t max_float_text_length = 40;

// What a non-negative value gets in front of it. MicroPython has no `#` alternate form
// for floats (it accepts and ignores the flag), so there is no such option here.
enum class PositiveSign : char { none, plus, space };

struct FloatFormatFlags {
    PositiveSign positive_sign = PositiveSign::none;
};

// What `repr(x)` and `str(x)` print: the shortest of 16 to 19 significant digits that
// reads back as the same double (a 16-digit result is used whenever it round-trips, so
// 9.7 prints as 9.699999999999999), exponent form from 1e+16 up and below 1e-04, and
// ".0" added to integral values. `inf`, `-inf`, `nan`, `-0.0`.
// Writes at most max_float_text_length characters (truncated if `out` is shorter) and
// returns the length of the whole text.
std::size_t format_float_repr(double value, std::span<char> out);

// One float conversion as `'%.3f' % x`, `'{:.2e}'.format(x)` and `format(x, 'g')` do it:
// `conversion` is one of e E f F g G %, `precision` < 0 means the default 6. Width, fill
// and alignment are the caller's job. Like the reference, the digits come from a
// 19-digit decimal mantissa (more precision gives zeros), rounding is half-up on the
// binary128 scaled value, and fixed-point text that would not fit 32 characters loses
// decimals or turns into `g` form ('%f' % 1e30 is "1e+30"). `%` multiplies by 100,
// formats as `f` and appends "%". Returns the length, as format_float_repr does.
std::size_t format_float(double value, char conversion, int precision, FloatFormatFlags flags,
                         std::span<char> out);

}  // namespace xipy::number
