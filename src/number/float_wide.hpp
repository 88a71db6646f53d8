// WideFloat: a software IEEE binary128 ("long double" on the reference build) for float text.
#pragma once

#include <cstdint>

namespace xipy::number {

// MicroPython 1.27 as built for the reference (WebAssembly, double floats) converts
// between decimal text and doubles by scaling with `long double`, which there is IEEE
// binary128 (113-bit significand, round-to-nearest-even). Its results, including the
// rare ones that are not correctly rounded, depend on every intermediate rounding, so
// xipy reproduces that arithmetic bit for bit instead of using a correct algorithm.
//
// Invariants: a WideFloat is zero, infinite, or finite and positive (callers handle
// signs). A finite value is significand * 2^(exponent - 112) with bit 112 of the
// significand set, so `exponent` is the binary exponent of the leading bit. The
// exponent range is wider than binary128's; values far outside it saturate to zero or
// infinity. That never changes a double result: anything beyond binary128's range is
// also beyond double's, and scaling never mixes growth and shrinking in one call.
class WideFloat {
  public:
    static constexpr int significand_bits = 113;

    constexpr WideFloat() = default;

    static WideFloat from_unsigned(std::uint64_t value);
    // `value` must be finite and not negative.
    static WideFloat from_double(double value);
    static WideFloat infinity();

    bool is_zero() const { return kind_ == Kind::zero; }
    bool is_infinite() const { return kind_ == Kind::infinite; }

    // Each operation rounds its exact result once, to nearest with ties to even.
    friend WideFloat operator*(const WideFloat& left, const WideFloat& right);
    friend WideFloat operator/(const WideFloat& left, const WideFloat& right);
    friend WideFloat operator+(const WideFloat& left, const WideFloat& right);

    // Rounds to the nearest double, ties to even (subnormals and overflow included).
    double to_double() const;
    // Drops the fraction; values of 2^64 or more give UINT64_MAX, as the reference's
    // conversion helper does.
    std::uint64_t to_unsigned_truncated() const;

  private:
    enum class Kind : std::uint8_t { zero, finite, infinite };

    Kind kind_ = Kind::zero;
    std::int32_t exponent_ = 0;
    std::uint64_t significand_high_ = 0;  // bits 112..64 of the significand
    std::uint64_t significand_low_ = 0;   // bits 63..0

    friend struct WideFloatRounding;
};

// value * 10^decimal_exponent the way MicroPython's `mp_decimal_exp` does it: square
// powers of ten (10, 10^2, 10^4, ...) and multiply or divide by those selected by the
// bits of |decimal_exponent|, rounding after each step.
WideFloat scale_by_power_of_ten(WideFloat value, int decimal_exponent);

}  // namespace xipy::number
