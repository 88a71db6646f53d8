// BigInteger: a Python int of any size as a value type, built on the natural_arithmetic spans.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "number/limb_vector.hpp"
#include "number/natural_arithmetic.hpp"
#include "support/result.hpp"
#include "support/work_meter.hpp"

namespace xipy::number {

enum class ByteOrder { little, big };

// Python int semantics for values of any size: the loader, the disassembler and the tests use
// it directly, and it is the reference for the VM's own heap-allocated integers.
//
// Invariants: `magnitude_` has no high zero limb, so zero is the empty vector, and
// `negative_` is false for zero. Every value therefore has exactly one representation.
//
// Memory: limbs live in a LimbVector (256 bits inline, operator new beyond), and the core
// builds with -fno-exceptions, so a failed allocation terminates the process. The VM must not
// expose that to Python code: it keeps its integers in its own bounded heap and calls
// natural_arithmetic directly, turning a failed allocation into MemoryError.
//
// Errors follow MicroPython's texts. support::Error carries no exception type, so each
// fallible function documents which Python exception its errors stand for.
class BigInteger {
  public:
    // Zero.
    BigInteger() = default;

    static BigInteger from_int64(std::int64_t value);
    static BigInteger from_uint64(std::uint64_t value);
    static BigInteger from_magnitude(natural::Magnitude magnitude, bool negative);
    // Truncates toward zero. OverflowError "can't convert inf to int" for ±inf,
    // ValueError "can't convert NaN to int" for NaN.
    static support::Result<BigInteger> from_double(double value);
    // int(text, base) as MicroPython parses it: surrounding whitespace, one sign, a 0x/0o/0b
    // prefix when base is 0 or matches, '_' skipped anywhere among the digits, and in base 0
    // a leading '0' allows only zeros. Base 0 means auto-detect. ValueError texts:
    // "int() arg 2 must be >= 2 and <= 36" and "invalid syntax for integer with base B: 'rest'".
    // With a `meter` (the conversion is quadratic in the digit count), an error when the meter
    // said stop; the meter's owner knows why.
    static support::Result<BigInteger> parse(std::string_view text, int base,
                                             support::WorkMeter* meter = nullptr);
    // int.from_bytes; `is_signed` reads the bytes as two's complement.
    static BigInteger from_bytes(std::span<const std::uint8_t> bytes, ByteOrder order,
                                 bool is_signed);

    bool is_zero() const { return magnitude_.empty(); }
    bool is_negative() const { return negative_; }
    // -1, 0 or 1.
    int sign() const { return negative_ ? -1 : (magnitude_.empty() ? 0 : 1); }
    natural::Magnitude magnitude() const { return magnitude_; }
    // Bits of the absolute value, as Python's int.bit_length().
    std::uint64_t bit_length() const;

    bool fits_in_int64() const;
    // Requires fits_in_int64().
    std::int64_t to_int64() const;
    // Correctly rounded (half to even) as CPython; ±inf when the value is beyond the double
    // range, which is what MicroPython's float(int) gives.
    double to_double() const;
    // As to_double, but OverflowError "int too large to convert to float" (CPython's check)
    // instead of ±inf.
    support::Result<double> to_finite_double() const;
    // Digits in `base` (2..36), lowercase, with a '-' sign; `with_prefix` adds 0b/0o/0x for
    // bases 2/8/16 after the sign, as bin(), oct() and hex() do.
    // With a `meter` (the conversion is quadratic in the size), empty when the meter said stop.
    support::ScratchString to_string(int base = 10, bool with_prefix = false,
                                     support::WorkMeter* meter = nullptr) const;
    // The same text written into `text`, which holds at least text_bound(base) characters;
    // returns how many were written (0 when the meter said stop). For callers that keep
    // short texts on the C stack instead of in a std::string.
    std::size_t text_bound(int base) const;
    std::size_t write_text(int base, bool with_prefix, std::span<char> text,
                           support::WorkMeter* meter = nullptr) const;
    // int.to_bytes with CPython's ranges. OverflowError "buffer too small" when the value
    // does not fit in `length` bytes, "can't convert negative int to unsigned" when negative
    // and not `is_signed`.
    support::Result<support::ScratchVector<std::uint8_t>> to_bytes(std::size_t length,
                                                                   ByteOrder order,
                                                                   bool is_signed) const;

    std::strong_ordering compare(const BigInteger& other) const;
    // Exact comparison with a double (no rounding of either side); unordered for NaN.
    std::partial_ordering compare(double other) const;
    friend bool operator==(const BigInteger& left, const BigInteger& right) = default;
    friend std::strong_ordering operator<=>(const BigInteger& left, const BigInteger& right) {
        return left.compare(right);
    }

    friend BigInteger operator-(const BigInteger& value);
    friend BigInteger operator~(const BigInteger& value);
    friend BigInteger operator+(const BigInteger& left, const BigInteger& right);
    friend BigInteger operator-(const BigInteger& left, const BigInteger& right);
    friend BigInteger operator*(const BigInteger& left, const BigInteger& right);
    friend support::Result<BigInteger> multiply(const BigInteger& left, const BigInteger& right,
                                                support::WorkMeter& meter);
    friend BigInteger operator&(const BigInteger& left, const BigInteger& right);
    friend BigInteger operator|(const BigInteger& left, const BigInteger& right);
    friend BigInteger operator^(const BigInteger& left, const BigInteger& right);
    // Shift counts are non-negative; Python's "negative shift count" check is the caller's.
    // A right shift floors, so negative values round toward minus infinity.
    friend BigInteger operator<<(const BigInteger& value, std::uint64_t bit_count);
    friend BigInteger operator>>(const BigInteger& value, std::uint64_t bit_count);

    BigInteger absolute() const;

  private:
    BigInteger(bool negative, LimbVector magnitude);
    // Drops high zero limbs and clears the sign of zero, restoring the invariants.
    void normalize();

    bool negative_ = false;
    LimbVector magnitude_;
};

// BigInteger::write_text into room on the C stack when the text is short, as most printed
// ints are, and into scratch memory only beyond it.
class BigIntegerText {
  public:
    BigIntegerText(const BigInteger& value, int base, bool with_prefix,
                   support::WorkMeter* meter = nullptr) {
        std::span<char> text(short_room_, sizeof short_room_);
        if (value.text_bound(base) > text.size()) {
            long_room_.resize(value.text_bound(base));
            text = long_room_;
        }
        text_ = std::string_view(text.data(), value.write_text(base, with_prefix, text, meter));
    }
    BigIntegerText(const BigIntegerText&) = delete;
    BigIntegerText& operator=(const BigIntegerText&) = delete;

    // Empty when the meter said stop.
    std::string_view view() const { return text_; }

  private:
    char short_room_[256];
    support::ScratchString long_room_;
    std::string_view text_;
};

struct QuotientAndRemainder {
    BigInteger quotient;
    BigInteger remainder;
};

// Python's //, % and divmod: the quotient is floored and the remainder has the divisor's
// sign. ZeroDivisionError "divide by zero" for a zero divisor.
support::Result<BigInteger> floor_divide(const BigInteger& dividend, const BigInteger& divisor);
support::Result<BigInteger> modulo(const BigInteger& dividend, const BigInteger& divisor);
// With a `meter`, also an error when the meter said stop.
support::Result<QuotientAndRemainder> divide_with_remainder(const BigInteger& dividend,
                                                            const BigInteger& divisor,
                                                            support::WorkMeter* meter = nullptr);

// Python's int / int, correctly rounded as CPython does (MicroPython converts both operands
// to float first, which loses precision and overflows for big operands).
// ZeroDivisionError "divide by zero"; OverflowError
// "integer division result too large for a float".
support::Result<double> true_divide(const BigInteger& dividend, const BigInteger& divisor);

// base ** exponent for a non-negative exponent.
BigInteger power(const BigInteger& base, std::uint64_t exponent);
// The same, charging `meter` as it multiplies; an error when the meter said stop.
support::Result<BigInteger> power(const BigInteger& base, std::uint64_t exponent,
                                  support::WorkMeter& meter);
// left * right, charging `meter` one unit per limb product; an error when it said stop.
support::Result<BigInteger> multiply(const BigInteger& left, const BigInteger& right,
                                     support::WorkMeter& meter);

// pow(base, exponent, modulus) with the result's sign following the modulus. A negative
// exponent uses the modular inverse as CPython does. ValueError "divide by zero" (MicroPython's
// text) for a zero modulus; ValueError "base is not invertible for the given modulus".
support::Result<BigInteger> power_modulo(const BigInteger& base, const BigInteger& exponent,
                                         const BigInteger& modulus);

}  // namespace xipy::number
