// Double to text: a decimal mantissa from binary128 scaling, checked by parsing it back.
#include "number/float_format.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <string_view>

#include "number/float_parse.hpp"
#include "number/float_wide.hpp"

namespace xipy::number {

namespace {

// The reference renders into a buffer of this many bytes, terminator included; a sign
// takes one of them. Several layout decisions depend on the room left.
constexpr int reference_buffer_size = 33;
// A 64-bit mantissa holds 19 decimal digits. Digit searches start at 16, the reference's
// choice: few enough that binary noise (0.1 is 0.1000000000000000055...) rounds away.
constexpr int max_mantissa_digits = 19;
constexpr int safe_mantissa_digits = 16;
// repr switches to exponent form from 10^16 on, as CPython does.
constexpr int repr_max_exponent_zeros = 16;
// Room the exponent form needs besides the mantissa digits: "+9e+999" and the point.
constexpr int exponent_overhead = 8;
// Precisions above this all format the same way (see format_into).
constexpr int max_useful_precision = 1000;
// `point_after` value meaning "the decimal point has already been written".
constexpr int point_written = 255;

enum class Mode { exponential, general, fixed };

// Scratch comfortably larger than anything the layout rules let through.
using Scratch = std::array<char, 96>;

double power_of_ten(int exponent) {
    return scale_by_power_of_ten(WideFloat::from_unsigned(1), exponent).to_double();
}

// The power of ten of `magnitude` (> 0), found the reference's way: an estimate from
// the binary exponent, corrected against powers of ten rounded to double.
int decimal_exponent_of(double magnitude) {
    auto biased = static_cast<int>((std::bit_cast<std::uint64_t>(magnitude) >> 52) & 0x7ff);
    auto estimate = static_cast<int>((biased - 1023) * 0.3010299956639812);
    const bool at_least_one = !(magnitude < 1.0);
    const int probe_offset = at_least_one ? 1 : 0;
    while ((magnitude >= power_of_ten(estimate + probe_offset)) == at_least_one) {
        estimate += at_least_one ? 1 : -1;
    }
    return estimate;
}

char* write_zero_point_zeros(char* cursor, int zero_count) {
    *cursor++ = '0';
    *cursor++ = '.';
    for (; zero_count > 0; --zero_count) {
        *cursor++ = '0';
    }
    return cursor;
}

// How one candidate decimal mantissa is laid out as text.
struct MantissaLayout {
    Mode mode = Mode::general;
    bool upper_case = false;
    int digit_count = 0;         // digits the mantissa is meant to have
    int max_exponent_zeros = 0;  // `g`: exponents below this are written out as zeros
    int trailing_zeros = 0;      // zeros appended after the mantissa digits
    int point_after = 0;         // index of the digit followed by '.', or point_written
    int exponent = 0;            // power of ten of the first digit
};

// Writes `mantissa` as text at `cursor` following `layout`; returns the end of the text.
// A mantissa that reached `mantissa_limit` (10^digit_count) gained a digit by rounding.
char* render_mantissa(std::uint64_t mantissa, std::uint64_t mantissa_limit, char* cursor,
                      MantissaLayout layout) {
    int digit_count = layout.digit_count;
    int point_after = layout.point_after;
    int exponent = layout.exponent;
    int trailing_zeros = layout.trailing_zeros;
    if (mantissa != 0 && mantissa >= mantissa_limit) {
        // Rounding produced one digit too many (9.99 -> 10.0).
        if (layout.mode == Mode::fixed) {
            ++digit_count;
            ++point_after;
        } else {
            mantissa /= 10;
            ++exponent;
        }
    }
    if (layout.mode == Mode::general && exponent != 0) {
        if (exponent > 0) {
            if (exponent < layout.max_exponent_zeros) {
                point_after += exponent;
                if (point_after >= digit_count) {
                    trailing_zeros = point_after - (digit_count - 1);
                }
                exponent = 0;
            }
        } else if (exponent >= -4) {
            // Small negative exponents become leading zeros; digits that are zero at
            // the end move into the leading zeros instead of being lost.
            int moved = 0;
            while (exponent < 0 && mantissa % 10 == 0) {
                mantissa /= 10;
                ++moved;
                ++exponent;
            }
            digit_count -= moved;
            cursor = write_zero_point_zeros(cursor, moved - exponent - 1);
            point_after = point_written;
            exponent = 0;
        }
    }

    for (int digit = digit_count - 1; digit >= 0; --digit) {
        int offset = digit > point_after ? digit + 1 : digit;
        cursor[offset] = static_cast<char>('0' + mantissa % 10);
        mantissa /= 10;
    }
    bool has_point = point_after >= point_written;
    if (point_after + 1 < digit_count) {
        has_point = true;
        cursor[point_after + 1] = '.';
        ++cursor;
    }
    cursor += digit_count;

    if (trailing_zeros > 0) {
        // Counts the integer zeros still due before the point.
        int integer_zeros_left = point_after - (digit_count - 1);
        for (; trailing_zeros > 0; --trailing_zeros) {
            if (integer_zeros_left-- == 0) {
                *cursor++ = '.';
                has_point = true;
            }
            *cursor++ = '0';
        }
    }
    if (layout.mode == Mode::general && has_point) {
        while (cursor[-1] == '0') {
            --cursor;
        }
        if (cursor[-1] == '.') {
            --cursor;
        }
    }

    if ((exponent != 0 || layout.mode == Mode::exponential) && layout.mode != Mode::fixed) {
        *cursor++ = layout.upper_case ? 'E' : 'e';
        if (exponent >= 0) {
            *cursor++ = '+';
        } else {
            *cursor++ = '-';
            exponent = -exponent;
        }
        if (exponent >= 100) {
            *cursor++ = static_cast<char>('0' + exponent / 100);
        }
        *cursor++ = static_cast<char>('0' + exponent / 10 % 10);
        *cursor++ = static_cast<char>('0' + exponent % 10);
    }
    return cursor;
}

// The reference's float formatter. `sign` is '\0', '+' or ' ' for non-negative values.
// `for_repr` selects repr's digit search. Returns the text length.
std::size_t format_into(double value, char conversion, int precision, char sign, bool for_repr,
                        Scratch& scratch) {
    int room = reference_buffer_size;
    double magnitude = value;
    char* text = scratch.data();
    if (std::signbit(value) && !std::isnan(value)) {
        magnitude = -value;
        sign = '-';
    }
    if (sign != '\0') {
        *text++ = sign;
        --room;
    }
    const bool upper_case = (conversion & 0x20) == 0;
    if (std::isinf(magnitude) || std::isnan(magnitude)) {
        std::string_view word =
            std::isinf(magnitude) ? (upper_case ? "INF" : "inf") : (upper_case ? "NAN" : "nan");
        std::copy(word.begin(), word.end(), text);
        return static_cast<std::size_t>(text + word.size() - scratch.data());
    }

    const char lower_conversion = static_cast<char>(conversion | 0x20);
    Mode mode = lower_conversion == 'f'   ? Mode::fixed
                : lower_conversion == 'g' ? Mode::general
                                          : Mode::exponential;
    if (precision < 0) {
        precision = 6;
    }
    // Everything past the buffer's width is cut anyway; the cap keeps the arithmetic
    // below from overflowing for absurd precisions without changing any output.
    precision = std::min(precision, max_useful_precision);
    int max_exponent_zeros = std::min(precision, room - 3);
    if (for_repr) {
        precision = max_mantissa_digits;
        max_exponent_zeros = repr_max_exponent_zeros;
    }

    const int exponent = magnitude == 0.0 ? 0 : decimal_exponent_of(magnitude);
    if (mode == Mode::fixed && exponent > 0 && exponent + precision + 2 > room) {
        // Too wide for the buffer: fall back to `g` with one more significant digit.
        mode = Mode::general;
        ++precision;
    }

    // Significant digits wanted, zeros written before them (fixed mode, tiny values)
    // and zeros after them (precision beyond what a 64-bit mantissa holds).
    int max_digits = precision;
    int leading_zeros = 0;
    int trailing_zeros = 0;
    if (mode == Mode::fixed) {
        max_digits = std::min(max_digits, room - 3);
        if (exponent < 0) {
            if (max_digits > 2 && exponent < -2) {
                leading_zeros = std::min(-exponent, max_digits) - 2;
                max_digits -= leading_zeros;
            } else {
                ++max_digits;
            }
        } else {
            max_digits += exponent + 1;
        }
    } else if (mode == Mode::exponential || max_digits == 0) {
        ++max_digits;
    }
    if (max_digits > max_mantissa_digits) {
        trailing_zeros = max_digits - max_mantissa_digits;
        max_digits = max_mantissa_digits;
    }
    const int overhead = mode == Mode::fixed ? 3 : exponent_overhead;
    trailing_zeros = std::min(trailing_zeros, room - max_digits - overhead);

    // Try the fewest digits that always round-trip first, and only add digits while
    // the text does not parse back to the same value.
    const WideFloat wide_magnitude = WideFloat::from_double(magnitude);
    const WideFloat one_half = WideFloat::from_double(0.5);
    int digit_count = std::min(safe_mantissa_digits, max_digits);
    for (;;) {
        char* cursor = text;
        MantissaLayout layout;
        layout.mode = mode;
        layout.upper_case = upper_case;
        layout.digit_count = digit_count;
        layout.max_exponent_zeros = max_exponent_zeros;
        layout.trailing_zeros = trailing_zeros + (max_digits - digit_count);
        layout.exponent = exponent;
        int scale = 0;
        if (magnitude == 0.0) {
            scale = 0;
        } else if (mode == Mode::fixed) {
            scale = digit_count - 1;
            if (exponent < 0) {
                if (leading_zeros > 0) {
                    cursor = write_zero_point_zeros(cursor, leading_zeros);
                    scale += leading_zeros + 1;
                    layout.point_after = point_written;
                }
            } else {
                scale -= exponent;
                layout.point_after = exponent;
            }
        } else {
            scale = digit_count - exponent - 1;
        }
        std::uint64_t mantissa_limit = 10;
        for (int digit = 1; digit < digit_count; ++digit) {
            mantissa_limit *= 10;
        }
        // Round half up: add one half, then truncate.
        WideFloat scaled = scale_by_power_of_ten(wide_magnitude, scale) + one_half;
        std::uint64_t mantissa = scaled.to_unsigned_truncated();
        char* end = render_mantissa(mantissa, mantissa_limit, cursor, layout);
        assert(end - scratch.data() < static_cast<std::ptrdiff_t>(scratch.size()));
        if (digit_count < max_digits) {
            auto check = parse_unsigned_decimal(
                std::string_view(text, static_cast<std::size_t>(end - text)));
            if (!check || check->value != magnitude) {
                ++digit_count;
                continue;
            }
        }
        return static_cast<std::size_t>(end - scratch.data());
    }
}

std::size_t copy_out(const Scratch& scratch, std::size_t length, std::span<char> out) {
    std::copy_n(scratch.begin(), std::min(length, out.size()), out.begin());
    return length;
}

}  // namespace

std::size_t format_float_repr(double value, std::span<char> out) {
    Scratch scratch{};
    std::size_t length = format_into(value, 'g', -1, '\0', true, scratch);
    std::string_view text(scratch.data(), length);
    // Integral values still read as floats; inf and nan contain an 'n'.
    if (text.find_first_of(".en") == std::string_view::npos) {
        scratch[length++] = '.';
        scratch[length++] = '0';
    }
    return copy_out(scratch, length, out);
}

std::size_t format_float(double value, char conversion, int precision, FloatFormatFlags flags,
                         std::span<char> out) {
    Scratch scratch{};
    char sign = flags.positive_sign == PositiveSign::plus    ? '+'
                : flags.positive_sign == PositiveSign::space ? ' '
                                                             : '\0';
    const bool percent = conversion == '%';
    if (percent) {
        value *= 100.0;
        conversion = 'f';
    }
    std::size_t length = format_into(value, conversion, precision, sign, false, scratch);
    // The formatter leaves at most 32 characters, and the reference's print buffer
    // always has room for the '%' after them.
    if (percent) {
        scratch[length++] = '%';
    }
    return copy_out(scratch, length, out);
}

}  // namespace xipy::number
