// BigInteger: a Python int of any size as a value type, built on the natural_arithmetic spans.
#include "number/big_integer.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace xipy::number {

namespace {

using natural::Limb;
using natural::limb_bits;
using natural::Magnitude;

support::Error arithmetic_error(std::string_view message) {
    return support::make_error(support::Error::no_offset, message);
}

constexpr std::string_view divide_by_zero_message = "divide by zero";
// The error of a metered computation its meter stopped; the meter's owner reports the reason.
constexpr std::string_view stopped_message = "stopped by the work meter";

// MicroPython's unichar_isspace: space and \t \n \v \f \r.
bool is_space(char character) {
    return character == ' ' || (character >= '\t' && character <= '\r');
}

// The text as MicroPython quotes bytes in an error message (repr of a bytes object without
// the b prefix).
support::ScratchString quote_bytes(std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    static constexpr char hex_digits[] = "0123456789abcdef";
    support::ScratchString quoted(1, quote);
    for (char character : text) {
        auto byte = static_cast<unsigned char>(character);
        if (character == quote || character == '\\') {
            quoted += '\\';
            quoted += character;
        } else if (byte >= 0x20 && byte < 0x7f) {
            quoted += character;
        } else if (character == '\n') {
            quoted += "\\n";
        } else if (character == '\r') {
            quoted += "\\r";
        } else if (character == '\t') {
            quoted += "\\t";
        } else {
            quoted += "\\x";
            quoted += hex_digits[byte >> 4];
            quoted += hex_digits[byte & 0xf];
        }
    }
    quoted += quote;
    return quoted;
}

LimbVector limbs_of(std::uint64_t value) {
    LimbVector limbs;
    while (value != 0) {
        limbs.push_back(static_cast<Limb>(value));
        value >>= limb_bits;
    }
    return limbs;
}

std::uint64_t low_uint64(Magnitude magnitude) {
    std::uint64_t value = 0;
    for (std::size_t index = std::min<std::size_t>(magnitude.size(), 2); index-- > 0;) {
        value = (value << limb_bits) | magnitude[index];
    }
    return value;
}

// Truncating division of magnitudes with vectors sized by the span bounds.
struct MagnitudeDivision {
    LimbVector quotient;
    LimbVector remainder;
    bool stopped = false;
};

// With a `meter`, the quotient's size is natural::stopped when the meter said stop.
MagnitudeDivision divide_magnitudes(Magnitude dividend, Magnitude divisor,
                                    support::WorkMeter* meter) {
    MagnitudeDivision result;
    result.quotient.resize(natural::quotient_size_bound(dividend.size(), divisor.size()));
    result.remainder.resize(natural::remainder_size_bound(dividend.size(), divisor.size()));
    LimbVector scratch(natural::division_scratch_size_bound(dividend.size(), divisor.size()),
                       LimbVector::ForOverwrite{});
    natural::Division sizes =
        natural::divide(dividend, divisor, result.quotient, result.remainder, scratch, meter);
    if (sizes.quotient_size == natural::stopped) {
        result.stopped = true;
        return result;
    }
    result.quotient.resize(sizes.quotient_size);
    result.remainder.resize(sizes.remainder_size);
    return result;
}

LimbVector add_magnitudes(Magnitude left, Magnitude right) {
    LimbVector sum(natural::sum_size_bound(left.size(), right.size()), LimbVector::ForOverwrite{});
    sum.resize(natural::add(left, right, sum));
    return sum;
}

LimbVector multiply_magnitudes(Magnitude left, Magnitude right) {
    LimbVector product(natural::product_size_bound(left.size(), right.size()),
                       LimbVector::ForOverwrite{});
    LimbVector scratch(natural::multiply_scratch_size_bound(left.size(), right.size()),
                       LimbVector::ForOverwrite{});
    product.resize(natural::multiply(left, right, product, scratch));
    return product;
}

LimbVector shift_right_magnitude(Magnitude value, std::uint64_t bit_count) {
    LimbVector result(natural::shift_right_size_bound(value.size(), bit_count),
                      LimbVector::ForOverwrite{});
    result.resize(natural::shift_right(value, bit_count, result));
    return result;
}

}  // namespace

BigInteger::BigInteger(bool negative, LimbVector magnitude)
    : negative_(negative), magnitude_(std::move(magnitude)) {
    normalize();
}

void BigInteger::normalize() {
    magnitude_.resize(natural::normalized_size(magnitude_));
    if (magnitude_.empty()) {
        negative_ = false;
    }
}

BigInteger BigInteger::from_int64(std::int64_t value) {
    // Negate in unsigned arithmetic so INT64_MIN does not overflow.
    std::uint64_t magnitude = static_cast<std::uint64_t>(value);
    if (value < 0) {
        magnitude = ~magnitude + 1;
    }
    return BigInteger(value < 0, limbs_of(magnitude));
}

BigInteger BigInteger::from_uint64(std::uint64_t value) {
    return BigInteger(false, limbs_of(value));
}

BigInteger BigInteger::from_magnitude(Magnitude magnitude, bool negative) {
    return BigInteger(negative, LimbVector(magnitude));
}

support::Result<BigInteger> BigInteger::from_double(double value) {
    if (std::isnan(value)) {
        return arithmetic_error("can't convert NaN to int");
    }
    if (std::isinf(value)) {
        return arithmetic_error("can't convert inf to int");
    }
    double truncated = std::trunc(value);
    if (truncated == 0) {
        return BigInteger();
    }
    // |truncated| = mantissa * 2^(exponent - 53) exactly, with a 53-bit integer mantissa.
    int exponent = 0;
    double fraction = std::frexp(std::fabs(truncated), &exponent);
    auto mantissa = static_cast<std::uint64_t>(std::ldexp(fraction, 53));
    BigInteger result(value < 0, limbs_of(mantissa));
    if (exponent >= 53) {
        return result << static_cast<std::uint64_t>(exponent - 53);
    }
    // The value is an integer, so the bits shifted out are zero and the shift is exact.
    return BigInteger(value < 0, shift_right_magnitude(result.magnitude_,
                                                       static_cast<std::uint64_t>(53 - exponent)));
}

support::Result<BigInteger> BigInteger::parse(std::string_view text, int base,
                                              support::WorkMeter* meter) {
    if ((base != 0 && base < 2) || base > 36) {
        return arithmetic_error("int() arg 2 must be >= 2 and <= 36");
    }
    std::size_t position = 0;
    while (position < text.size() && is_space(text[position])) {
        ++position;
    }
    bool negative = false;
    if (position < text.size() && (text[position] == '+' || text[position] == '-')) {
        negative = text[position] == '-';
        ++position;
    }
    if (text.size() - position >= 2 && text[position] == '0') {
        char marker = static_cast<char>(text[position + 1] | 0x20);
        int prefix_base = marker == 'x' ? 16 : marker == 'o' ? 8 : marker == 'b' ? 2 : 0;
        if (prefix_base != 0 && (base == 0 || base == prefix_base)) {
            base = prefix_base;
            position += 2;
        }
    }
    // In base 0 a literal that starts with '0' may only be zeros (no octal guessing). Errors
    // then name base 0, as MicroPython's do.
    int reported_base = base;
    bool only_zeros = false;
    if (base == 0) {
        only_zeros = position < text.size() && text[position] == '0';
        reported_base = only_zeros ? 0 : 10;
        base = 10;
    }
    std::size_t digits_start = position;
    bool valid = true;
    for (; position < text.size(); ++position) {
        char character = text[position];
        if (character == '_') {
            continue;
        }
        unsigned value = natural::digit_value(character);
        if (value >= static_cast<unsigned>(base)) {
            break;
        }
        if (only_zeros && value != 0) {
            valid = false;
            break;
        }
    }
    std::size_t digits_end = position;
    while (position < text.size() && is_space(text[position])) {
        ++position;
    }
    // MicroPython accepts any run of digits and underscores, even '_' alone (value 0).
    if (!valid || digits_end == digits_start || position != text.size()) {
        return support::make_error(
            support::Error::no_offset,
            {"invalid syntax for integer with base ", support::DecimalText(reported_base), ": ",
             quote_bytes(text.substr(digits_start))});
    }
    std::string_view digits = text.substr(digits_start, digits_end - digits_start);
    auto unsigned_base = static_cast<unsigned>(base);
    LimbVector magnitude(natural::text_value_size_bound(digits.size(), unsigned_base));
    std::size_t size = natural::from_text(digits, unsigned_base, magnitude, meter);
    if (size == natural::stopped) {
        return arithmetic_error(stopped_message);
    }
    magnitude.resize(size);
    return BigInteger(negative, std::move(magnitude));
}

BigInteger BigInteger::from_bytes(std::span<const std::uint8_t> bytes, ByteOrder order,
                                  bool is_signed) {
    LimbVector magnitude((bytes.size() + 3) / 4);
    for (std::size_t index = 0; index < bytes.size(); ++index) {
        // `significance` counts bytes from the least significant end.
        std::size_t significance = order == ByteOrder::little ? index : bytes.size() - 1 - index;
        magnitude[significance / 4] |= Limb{bytes[index]} << (8 * (significance % 4));
    }
    if (!is_signed || bytes.empty()) {
        return BigInteger(false, std::move(magnitude));
    }
    std::uint8_t top_byte = order == ByteOrder::little ? bytes.back() : bytes.front();
    if ((top_byte & 0x80) == 0) {
        return BigInteger(false, std::move(magnitude));
    }
    // Negative two's complement: the magnitude is 2^(8 * size) - value.
    LimbVector power(bytes.size() / 4 + 1);
    power[bytes.size() / 4] = Limb{1} << (8 * (bytes.size() % 4));
    LimbVector difference(natural::difference_size_bound(power.size()));
    difference.resize(natural::subtract(power, magnitude, difference));
    return BigInteger(true, std::move(difference));
}

std::uint64_t BigInteger::bit_length() const { return natural::bit_length(magnitude_); }

bool BigInteger::fits_in_int64() const {
    std::uint64_t bits = bit_length();
    if (bits <= 63) {
        return true;
    }
    // -2^63 is the one 64-bit magnitude that fits.
    return negative_ && bits == 64 && low_uint64(magnitude_) == (std::uint64_t{1} << 63);
}

std::int64_t BigInteger::to_int64() const {
    assert(fits_in_int64());
    std::uint64_t magnitude = low_uint64(magnitude_);
    if (negative_) {
        magnitude = ~magnitude + 1;
    }
    return static_cast<std::int64_t>(magnitude);
}

double BigInteger::to_double() const {
    std::uint64_t bits = bit_length();
    double result = 0;
    if (bits <= 64) {
        // The conversion rounds to nearest, ties to even.
        result = static_cast<double>(low_uint64(magnitude_));
    } else {
        // Keep the top 64 bits and fold every lower bit into the lowest one: it lies far
        // below the rounding position, so it only breaks ties, which is what it must do.
        std::uint64_t dropped = bits - 64;
        LimbVector top = shift_right_magnitude(magnitude_, dropped);
        std::uint64_t leading = low_uint64(top);
        if (natural::any_low_bits_set(magnitude_, dropped)) {
            leading |= 1;
        }
        int scale = dropped > 2000 ? 2000 : static_cast<int>(dropped);
        result = std::ldexp(static_cast<double>(leading), scale);
    }
    return negative_ ? -result : result;
}

support::Result<double> BigInteger::to_finite_double() const {
    double result = to_double();
    if (std::isinf(result)) {
        return arithmetic_error("int too large to convert to float");
    }
    return result;
}

std::size_t BigInteger::text_bound(int base) const {
    // A sign and a two-character prefix before the digits.
    return 3 + natural::text_size_bound(magnitude_.size(), static_cast<unsigned>(base));
}

std::size_t BigInteger::write_text(int base, bool with_prefix, std::span<char> text,
                                   support::WorkMeter* meter) const {
    assert(base >= 2 && base <= 36);
    assert(text.size() >= text_bound(base));
    std::size_t position = 0;
    if (negative_) {
        text[position++] = '-';
    }
    if (with_prefix && (base == 16 || base == 8 || base == 2)) {
        text[position++] = '0';
        text[position++] = base == 16 ? 'x' : base == 8 ? 'o' : 'b';
    }
    LimbVector scratch(natural::text_scratch_size_bound(magnitude_.size()));
    const std::size_t length = natural::to_text(magnitude_, static_cast<unsigned>(base),
                                                text.subspan(position), scratch, meter);
    return length == 0 ? 0 : position + length;
}

support::ScratchString BigInteger::to_string(int base, bool with_prefix,
                                             support::WorkMeter* meter) const {
    support::ScratchString text(text_bound(base), '\0');
    text.resize(write_text(base, with_prefix, text, meter));
    return text;
}

support::Result<support::ScratchVector<std::uint8_t>> BigInteger::to_bytes(std::size_t length,
                                                                           ByteOrder order,
                                                                           bool is_signed) const {
    if (negative_ && !is_signed) {
        return arithmetic_error("can't convert negative int to unsigned");
    }
    // Signed values need one bit for the sign, except -2^(8n-1) which is exactly -2^k.
    std::uint64_t bits = bit_length();
    if (is_signed && !is_zero()) {
        bool is_negative_power_of_two =
            negative_ && !natural::any_low_bits_set(magnitude_, bits - 1);
        if (!is_negative_power_of_two) {
            ++bits;
        }
    }
    // CPython lets -1 "fit" in zero signed bytes (an empty sign extension); so do we.
    bool is_minus_one_in_nothing = is_signed && length == 0 && negative_ && bits == 1;
    if (bits > std::uint64_t{length} * 8 && !is_minus_one_in_nothing) {
        return arithmetic_error("buffer too small");
    }
    support::ScratchVector<std::uint8_t> bytes(length);
    // Two's complement of a negative value: invert every byte of magnitude - 1.
    LimbVector stored = magnitude_;
    if (negative_) {
        const Limb one[] = {1};
        stored.resize(natural::subtract(stored, one, stored));
    }
    for (std::size_t significance = 0; significance < length; ++significance) {
        std::size_t limb_index = significance / 4;
        Limb limb = limb_index < stored.size() ? stored[limb_index] : 0;
        auto byte = static_cast<std::uint8_t>(limb >> (8 * (significance % 4)));
        if (negative_) {
            byte = static_cast<std::uint8_t>(~byte);
        }
        std::size_t index = order == ByteOrder::little ? significance : length - 1 - significance;
        bytes[index] = byte;
    }
    return bytes;
}

std::strong_ordering BigInteger::compare(const BigInteger& other) const {
    if (negative_ != other.negative_) {
        return negative_ ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    int magnitude_order = natural::compare(magnitude_, other.magnitude_);
    if (negative_) {
        magnitude_order = -magnitude_order;
    }
    return magnitude_order <=> 0;
}

std::partial_ordering BigInteger::compare(double other) const {
    if (std::isnan(other)) {
        return std::partial_ordering::unordered;
    }
    if (std::isinf(other)) {
        return other > 0 ? std::partial_ordering::less : std::partial_ordering::greater;
    }
    // Compare with the integer part exactly; on a tie the fraction decides.
    double integer_part = std::trunc(other);
    std::strong_ordering integer_order = compare(*from_double(integer_part));
    if (integer_order != 0) {
        return integer_order;
    }
    double fraction = other - integer_part;
    if (fraction > 0) {
        return std::partial_ordering::less;
    }
    if (fraction < 0) {
        return std::partial_ordering::greater;
    }
    return std::partial_ordering::equivalent;
}

BigInteger operator-(const BigInteger& value) {
    return BigInteger(!value.negative_, value.magnitude_);
}

BigInteger BigInteger::absolute() const { return BigInteger(false, magnitude_); }

BigInteger operator~(const BigInteger& value) {
    // ~x == -x - 1
    return -value - BigInteger::from_int64(1);
}

BigInteger operator+(const BigInteger& left, const BigInteger& right) {
    if (left.negative_ == right.negative_) {
        return BigInteger(left.negative_, add_magnitudes(left.magnitude_, right.magnitude_));
    }
    // Opposite signs: subtract the smaller magnitude, keep the larger one's sign.
    bool left_larger = natural::compare(left.magnitude_, right.magnitude_) >= 0;
    const BigInteger& larger = left_larger ? left : right;
    const BigInteger& smaller = left_larger ? right : left;
    LimbVector difference(natural::difference_size_bound(larger.magnitude_.size()),
                          LimbVector::ForOverwrite{});
    difference.resize(natural::subtract(larger.magnitude_, smaller.magnitude_, difference));
    return BigInteger(larger.negative_, std::move(difference));
}

BigInteger operator-(const BigInteger& left, const BigInteger& right) { return left + (-right); }

BigInteger operator*(const BigInteger& left, const BigInteger& right) {
    return BigInteger(left.negative_ != right.negative_,
                      multiply_magnitudes(left.magnitude_, right.magnitude_));
}

namespace {

BigInteger apply_bitwise(natural::BitwiseOperation operation, const BigInteger& left,
                         const BigInteger& right) {
    LimbVector result(
        natural::bitwise_size_bound(left.magnitude().size(), right.magnitude().size()));
    natural::SignedSize size = natural::bitwise(operation, left.magnitude(), left.is_negative(),
                                                right.magnitude(), right.is_negative(), result);
    result.resize(size.size);
    return BigInteger::from_magnitude(result, size.negative);
}

}  // namespace

BigInteger operator&(const BigInteger& left, const BigInteger& right) {
    return apply_bitwise(natural::BitwiseOperation::bit_and, left, right);
}

BigInteger operator|(const BigInteger& left, const BigInteger& right) {
    return apply_bitwise(natural::BitwiseOperation::bit_or, left, right);
}

BigInteger operator^(const BigInteger& left, const BigInteger& right) {
    return apply_bitwise(natural::BitwiseOperation::bit_xor, left, right);
}

BigInteger operator<<(const BigInteger& value, std::uint64_t bit_count) {
    if (value.is_zero()) {
        return value;
    }
    LimbVector result(natural::shift_left_size_bound(value.magnitude_.size(), bit_count),
                      LimbVector::ForOverwrite{});
    result.resize(natural::shift_left(value.magnitude_, bit_count, result));
    return BigInteger(value.negative_, std::move(result));
}

BigInteger operator>>(const BigInteger& value, std::uint64_t bit_count) {
    BigInteger shifted(value.negative_, shift_right_magnitude(value.magnitude_, bit_count));
    // Flooring: a negative value that lost set bits moves one further from zero.
    if (value.negative_ && natural::any_low_bits_set(value.magnitude_, bit_count)) {
        return shifted - BigInteger::from_int64(1);
    }
    return shifted;
}

support::Result<QuotientAndRemainder> divide_with_remainder(const BigInteger& dividend,
                                                            const BigInteger& divisor,
                                                            support::WorkMeter* meter) {
    if (divisor.is_zero()) {
        return arithmetic_error(divide_by_zero_message);
    }
    MagnitudeDivision division =
        divide_magnitudes(dividend.magnitude(), divisor.magnitude(), meter);
    if (division.stopped) {
        return arithmetic_error(stopped_message);
    }
    bool signs_differ = dividend.is_negative() != divisor.is_negative();
    BigInteger quotient = BigInteger::from_magnitude(division.quotient, signs_differ);
    BigInteger remainder = BigInteger::from_magnitude(division.remainder, dividend.is_negative());
    // Truncation rounded toward zero; flooring needs one step further down when the signs
    // differ and something was left over, which also moves the remainder to the divisor's sign.
    if (signs_differ && !remainder.is_zero()) {
        quotient = quotient - BigInteger::from_int64(1);
        remainder = remainder + divisor;
    }
    return QuotientAndRemainder{std::move(quotient), std::move(remainder)};
}

support::Result<BigInteger> floor_divide(const BigInteger& dividend, const BigInteger& divisor) {
    XIPY_TRY(QuotientAndRemainder result, divide_with_remainder(dividend, divisor));
    return std::move(result.quotient);
}

support::Result<BigInteger> modulo(const BigInteger& dividend, const BigInteger& divisor) {
    XIPY_TRY(QuotientAndRemainder result, divide_with_remainder(dividend, divisor));
    return std::move(result.remainder);
}

support::Result<double> true_divide(const BigInteger& dividend, const BigInteger& divisor) {
    if (divisor.is_zero()) {
        return arithmetic_error(divide_by_zero_message);
    }
    bool negative = dividend.is_negative() != divisor.is_negative();
    if (dividend.is_zero()) {
        return negative ? -0.0 : 0.0;
    }
    std::uint64_t dividend_bits = dividend.bit_length();
    std::uint64_t divisor_bits = divisor.bit_length();
    // Both exact as doubles: one IEEE division is correctly rounded already.
    if (dividend_bits <= 53 && divisor_bits <= 53) {
        double quotient = dividend.absolute().to_double() / divisor.absolute().to_double();
        return negative ? -quotient : quotient;
    }
    // The quotient lies in [2^(difference-1), 2^(difference+1)).
    std::int64_t difference =
        static_cast<std::int64_t>(dividend_bits) - static_cast<std::int64_t>(divisor_bits);
    if (difference > 1024) {
        return arithmetic_error("integer division result too large for a float");
    }
    if (difference < -1077) {
        // Below half the smallest subnormal: rounds to zero.
        return negative ? -0.0 : 0.0;
    }
    // Scale so the integer quotient keeps 3 or 4 bits below the final unit in the last place
    // (a subnormal's unit is 2^-1074), then round those off by hand with a sticky bit.
    std::int64_t shift = std::max<std::int64_t>(difference, -1021) - 56;
    BigInteger numerator = dividend.absolute();
    BigInteger denominator = divisor.absolute();
    if (shift >= 0) {
        denominator = denominator << static_cast<std::uint64_t>(shift);
    } else {
        numerator = numerator << static_cast<std::uint64_t>(-shift);
    }
    MagnitudeDivision division =
        divide_magnitudes(numerator.magnitude(), denominator.magnitude(), nullptr);
    bool sticky = !division.remainder.empty();
    std::uint64_t scaled = low_uint64(division.quotient);
    std::int64_t exponent =
        static_cast<std::int64_t>(natural::bit_length(division.quotient)) - 1 + shift;
    std::int64_t unit_exponent = std::max<std::int64_t>(exponent, -1022) - 52;
    auto dropped_bits = static_cast<unsigned>(unit_exponent - shift);
    std::uint64_t dropped = scaled & ((std::uint64_t{1} << dropped_bits) - 1);
    std::uint64_t half = std::uint64_t{1} << (dropped_bits - 1);
    scaled >>= dropped_bits;
    if (dropped > half || (dropped == half && (sticky || (scaled & 1) != 0))) {
        ++scaled;
    }
    double quotient = std::ldexp(static_cast<double>(scaled), static_cast<int>(unit_exponent));
    if (std::isinf(quotient)) {
        return arithmetic_error("integer division result too large for a float");
    }
    return negative ? -quotient : quotient;
}

support::Result<BigInteger> multiply(const BigInteger& left, const BigInteger& right,
                                     support::WorkMeter& meter) {
    Magnitude left_magnitude = left.magnitude();
    Magnitude right_magnitude = right.magnitude();
    LimbVector product(natural::product_size_bound(left_magnitude.size(), right_magnitude.size()),
                       LimbVector::ForOverwrite{});
    LimbVector scratch(
        natural::multiply_scratch_size_bound(left_magnitude.size(), right_magnitude.size()),
        LimbVector::ForOverwrite{});
    std::size_t size = natural::multiply(left_magnitude, right_magnitude, product, scratch, &meter);
    if (size == natural::stopped) {
        return arithmetic_error(stopped_message);
    }
    product.resize(size);
    return BigInteger(left.is_negative() != right.is_negative(), std::move(product));
}

support::Result<BigInteger> power(const BigInteger& base, std::uint64_t exponent,
                                  support::WorkMeter& meter) {
    BigInteger result = BigInteger::from_int64(1);
    BigInteger square = base;
    while (exponent != 0) {
        if ((exponent & 1) != 0) {
            XIPY_TRY(result, multiply(result, square, meter));
        }
        exponent >>= 1;
        if (exponent != 0) {
            XIPY_TRY(square, multiply(square, square, meter));
        }
    }
    return result;
}

BigInteger power(const BigInteger& base, std::uint64_t exponent) {
    BigInteger result = BigInteger::from_int64(1);
    BigInteger square = base;
    while (exponent != 0) {
        if ((exponent & 1) != 0) {
            result = result * square;
        }
        exponent >>= 1;
        if (exponent != 0) {
            square = square * square;
        }
    }
    return result;
}

namespace {

// The inverse of `value` modulo `modulus` (both positive, value < modulus) by the extended
// Euclidean algorithm, or an error when they share a factor.
support::Result<BigInteger> modular_inverse(const BigInteger& value, const BigInteger& modulus) {
    BigInteger previous_remainder = value;
    BigInteger remainder = modulus;
    BigInteger previous_coefficient = BigInteger::from_int64(1);
    BigInteger coefficient;
    while (!remainder.is_zero()) {
        XIPY_TRY(QuotientAndRemainder step, divide_with_remainder(previous_remainder, remainder));
        previous_remainder = std::move(remainder);
        remainder = std::move(step.remainder);
        BigInteger next_coefficient = previous_coefficient - step.quotient * coefficient;
        previous_coefficient = std::move(coefficient);
        coefficient = std::move(next_coefficient);
    }
    if (previous_remainder != BigInteger::from_int64(1)) {
        return arithmetic_error("base is not invertible for the given modulus");
    }
    return modulo(previous_coefficient, modulus);
}

}  // namespace

support::Result<BigInteger> power_modulo(const BigInteger& base, const BigInteger& exponent,
                                         const BigInteger& modulus) {
    if (modulus.is_zero()) {
        return arithmetic_error(divide_by_zero_message);
    }
    BigInteger positive_modulus = modulus.absolute();
    XIPY_TRY(BigInteger square, modulo(base, positive_modulus));
    if (exponent.is_negative()) {
        XIPY_TRY(square, modular_inverse(square, positive_modulus));
    }
    XIPY_TRY(BigInteger result, modulo(BigInteger::from_int64(1), positive_modulus));
    natural::Magnitude exponent_limbs = exponent.magnitude();
    std::uint64_t exponent_bits = exponent.bit_length();
    for (std::uint64_t bit = 0; bit < exponent_bits; ++bit) {
        if (((exponent_limbs[bit / limb_bits] >> (bit % limb_bits)) & 1) != 0) {
            XIPY_TRY(result, modulo(result * square, positive_modulus));
        }
        if (bit + 1 < exponent_bits) {
            XIPY_TRY(square, modulo(square * square, positive_modulus));
        }
    }
    if (modulus.is_negative() && !result.is_zero()) {
        result = result - positive_modulus;
    }
    return result;
}

}  // namespace xipy::number
