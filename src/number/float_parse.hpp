// Decimal text to double, exactly as MicroPython 1.27's float() and float literals do it.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "support/result.hpp"

namespace xipy::number {

// MicroPython's message for every text float() rejects (a ValueError).
inline constexpr std::string_view invalid_float_text_message = "invalid syntax for number";

// What `float(text)` returns on MicroPython 1.27: optional surrounding whitespace
// (space, \t, \n, \v, \f, \r), an optional sign, then `inf`, `infinity` or `nan` in any
// case, or decimal digits with an optional `.`, an optional exponent `e`/`E` with an
// optional sign, and `_` anywhere among the digits. A lone `.`, `_` or exponent part
// ("e5") counts as zero. Not correctly rounded: at most 19 significant digits are kept
// (later ones are dropped, not rounded) and the scaling by 10^exponent uses binary128,
// as on the reference build. Fails with invalid_float_text_message.
support::Result<double> parse_float(std::string_view text);

// The unsigned decimal body used by parse_float and by float formatting's round-trip
// check: digits, `.`, `_` and exponent, stopping at the first other character.
struct UnsignedDecimal {
    double value = 0.0;
    std::size_t length = 0;  // characters consumed
};
// Empty optional when the text ends right after the exponent marker or its sign.
std::optional<UnsignedDecimal> parse_unsigned_decimal(std::string_view text);

}  // namespace xipy::number
