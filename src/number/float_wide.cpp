// WideFloat: binary128 multiply, divide, add and conversions with exact IEEE rounding.
#include "number/float_wide.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace xipy::number {

namespace {

// An unsigned 256-bit scratch number, least significant 32-bit limb first. Wide enough
// for the exact product of two 113-bit significands.
using Limbs = std::array<std::uint32_t, 8>;
constexpr int limb_bits = 32;
constexpr int total_bits = limb_bits * 8;

// Beyond these binary exponents a value is certainly infinite or zero as a double.
constexpr std::int32_t saturation_exponent = 1 << 20;

int highest_set_bit(const Limbs& limbs) {
    for (int index = 7; index >= 0; --index) {
        if (limbs[index] != 0) {
            return index * limb_bits + (limb_bits - 1 - std::countl_zero(limbs[index]));
        }
    }
    return -1;
}

bool bit_is_set(const Limbs& limbs, int bit) {
    if (bit < 0 || bit >= total_bits) {
        return false;
    }
    return ((limbs[bit / limb_bits] >> (bit % limb_bits)) & 1u) != 0;
}

// True if any bit below position `bit` (exclusive) is set.
bool any_bit_below(const Limbs& limbs, int bit) {
    if (bit <= 0) {
        return false;
    }
    if (bit >= total_bits) {
        return highest_set_bit(limbs) >= 0;
    }
    for (int index = 0; index < bit / limb_bits; ++index) {
        if (limbs[index] != 0) {
            return true;
        }
    }
    int partial = bit % limb_bits;
    return partial != 0 && (limbs[bit / limb_bits] & ((1u << partial) - 1u)) != 0;
}

Limbs shift_right(const Limbs& limbs, int count) {
    Limbs result{};
    if (count >= total_bits) {
        return result;
    }
    int limb_shift = count / limb_bits;
    int bit_shift = count % limb_bits;
    for (int index = 0; index + limb_shift < 8; ++index) {
        std::uint64_t pair = limbs[index + limb_shift];
        if (index + limb_shift + 1 < 8) {
            pair |= static_cast<std::uint64_t>(limbs[index + limb_shift + 1]) << limb_bits;
        }
        result[index] = static_cast<std::uint32_t>(pair >> bit_shift);
    }
    return result;
}

Limbs shift_left(const Limbs& limbs, int count) {
    Limbs result{};
    if (count >= total_bits) {
        return result;
    }
    int limb_shift = count / limb_bits;
    int bit_shift = count % limb_bits;
    for (int index = 7; index - limb_shift >= 0; --index) {
        std::uint64_t pair = static_cast<std::uint64_t>(limbs[index - limb_shift]) << limb_bits;
        if (index - limb_shift - 1 >= 0) {
            pair |= limbs[index - limb_shift - 1];
        }
        result[index] = static_cast<std::uint32_t>((pair << bit_shift) >> limb_bits);
    }
    return result;
}

// Adds one unit at bit 0; returns nothing because callers leave headroom for the carry.
void increment(Limbs& limbs) {
    for (auto& limb : limbs) {
        if (++limb != 0) {
            return;
        }
    }
}

Limbs add(const Limbs& left, const Limbs& right) {
    Limbs result{};
    std::uint64_t carry = 0;
    for (int index = 0; index < 8; ++index) {
        std::uint64_t sum = static_cast<std::uint64_t>(left[index]) + right[index] + carry;
        result[index] = static_cast<std::uint32_t>(sum);
        carry = sum >> limb_bits;
    }
    return result;
}

Limbs limbs_from_halves(std::uint64_t high, std::uint64_t low) {
    return Limbs{static_cast<std::uint32_t>(low),
                 static_cast<std::uint32_t>(low >> 32),
                 static_cast<std::uint32_t>(high),
                 static_cast<std::uint32_t>(high >> 32),
                 0,
                 0,
                 0,
                 0};
}

// Rounds `limbs` >> `shift` to nearest, ties to even, where `sticky` reports nonzero
// bits already discarded below `limbs`. The caller guarantees the result fits.
Limbs shift_right_rounded(const Limbs& limbs, int shift, bool sticky) {
    if (shift <= 0) {
        return shift_left(limbs, -shift);
    }
    Limbs kept = shift_right(limbs, shift);
    bool round_bit = bit_is_set(limbs, shift - 1);
    bool below = sticky || any_bit_below(limbs, shift - 1);
    if (round_bit && (below || (kept[0] & 1u) != 0)) {
        increment(kept);
    }
    return kept;
}

}  // namespace

// Packs exact intermediate results into WideFloats; a friend so it can set the fields.
struct WideFloatRounding {
    // value = limbs * 2^lowest_bit_exponent, plus a nonzero amount below the lowest
    // bit when `sticky` (which then requires more than 113 significant bits in limbs).
    static WideFloat pack(const Limbs& limbs, std::int32_t lowest_bit_exponent, bool sticky) {
        int top = highest_set_bit(limbs);
        if (top < 0) {
            return WideFloat{};
        }
        std::int32_t exponent = lowest_bit_exponent + top;
        Limbs significand =
            shift_right_rounded(limbs, top - (WideFloat::significand_bits - 1), sticky);
        if (bit_is_set(significand, WideFloat::significand_bits)) {
            // Rounding carried into a new leading bit; the value is a power of two.
            significand = shift_right(significand, 1);
            ++exponent;
        }
        return make_finite(significand, exponent);
    }

    static WideFloat make_finite(const Limbs& significand, std::int32_t exponent) {
        WideFloat result;
        if (exponent > saturation_exponent) {
            return WideFloat::infinity();
        }
        if (exponent < -saturation_exponent) {
            return result;
        }
        result.kind_ = WideFloat::Kind::finite;
        result.exponent_ = exponent;
        result.significand_low_ = significand[0] | static_cast<std::uint64_t>(significand[1]) << 32;
        result.significand_high_ = significand[2] | static_cast<std::uint64_t>(significand[3])
                                                        << 32;
        return result;
    }

    static Limbs significand(const WideFloat& value) {
        return limbs_from_halves(value.significand_high_, value.significand_low_);
    }

    static std::int32_t lowest_bit_exponent(const WideFloat& value) {
        return value.exponent_ - (WideFloat::significand_bits - 1);
    }
};

WideFloat WideFloat::from_unsigned(std::uint64_t value) {
    return WideFloatRounding::pack(limbs_from_halves(0, value), 0, false);
}

WideFloat WideFloat::from_double(double value) {
    auto bits = std::bit_cast<std::uint64_t>(value);
    auto biased_exponent = static_cast<std::int32_t>((bits >> 52) & 0x7ff);
    std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    if (biased_exponent == 0x7ff) {
        return infinity();
    }
    if (biased_exponent == 0) {
        return WideFloatRounding::pack(limbs_from_halves(0, fraction), -1074, false);
    }
    return WideFloatRounding::pack(limbs_from_halves(0, fraction | std::uint64_t{1} << 52),
                                   biased_exponent - 1075, false);
}

WideFloat WideFloat::infinity() {
    WideFloat result;
    result.kind_ = Kind::infinite;
    return result;
}

WideFloat operator*(const WideFloat& left, const WideFloat& right) {
    if (left.is_zero() || right.is_zero()) {
        return WideFloat{};
    }
    if (left.is_infinite() || right.is_infinite()) {
        return WideFloat::infinity();
    }
    Limbs left_limbs = WideFloatRounding::significand(left);
    Limbs right_limbs = WideFloatRounding::significand(right);
    Limbs product{};
    for (int left_index = 0; left_index < 4; ++left_index) {
        std::uint64_t carry = 0;
        for (int right_index = 0; right_index < 4; ++right_index) {
            std::uint64_t partial =
                static_cast<std::uint64_t>(left_limbs[left_index]) * right_limbs[right_index] +
                product[left_index + right_index] + carry;
            product[left_index + right_index] = static_cast<std::uint32_t>(partial);
            carry = partial >> limb_bits;
        }
        product[left_index + 4] = static_cast<std::uint32_t>(carry);
    }
    return WideFloatRounding::pack(product,
                                   WideFloatRounding::lowest_bit_exponent(left) +
                                       WideFloatRounding::lowest_bit_exponent(right),
                                   false);
}

WideFloat operator/(const WideFloat& left, const WideFloat& right) {
    if (left.is_zero() || right.is_infinite()) {
        return WideFloat{};
    }
    if (left.is_infinite() || right.is_zero()) {
        return WideFloat::infinity();
    }
    // Restoring division of the significands, one quotient bit per step. Both lie in
    // [2^112, 2^113), so 116 steps give at least 115 quotient bits: enough for the 113
    // kept, the rounding bit and (with the remainder) the sticky bit.
    constexpr int quotient_steps = 116;
    std::uint64_t remainder_high = left.significand_high_;
    std::uint64_t remainder_low = left.significand_low_;
    const std::uint64_t divisor_high = right.significand_high_;
    const std::uint64_t divisor_low = right.significand_low_;
    std::uint64_t quotient_high = 0;
    std::uint64_t quotient_low = 0;
    for (int step = 0; step < quotient_steps; ++step) {
        quotient_high = (quotient_high << 1) | (quotient_low >> 63);
        quotient_low <<= 1;
        bool fits = remainder_high > divisor_high ||
                    (remainder_high == divisor_high && remainder_low >= divisor_low);
        if (fits) {
            std::uint64_t borrow = remainder_low < divisor_low ? 1 : 0;
            remainder_low -= divisor_low;
            remainder_high -= divisor_high + borrow;
            quotient_low |= 1;
        }
        remainder_high = (remainder_high << 1) | (remainder_low >> 63);
        remainder_low <<= 1;
    }
    bool sticky = remainder_high != 0 || remainder_low != 0;
    std::int32_t lowest_bit_exponent = left.exponent_ - right.exponent_ - (quotient_steps - 1);
    return WideFloatRounding::pack(limbs_from_halves(quotient_high, quotient_low),
                                   lowest_bit_exponent, sticky);
}

WideFloat operator+(const WideFloat& left, const WideFloat& right) {
    if (left.is_infinite() || right.is_infinite()) {
        return WideFloat::infinity();
    }
    if (left.is_zero()) {
        return right;
    }
    if (right.is_zero()) {
        return left;
    }
    const WideFloat& larger = left.exponent_ >= right.exponent_ ? left : right;
    const WideFloat& smaller = left.exponent_ >= right.exponent_ ? right : left;
    // Place the larger significand high in the scratch so the smaller keeps 128 bits
    // below it; anything shifted further only matters as a sticky bit.
    constexpr int headroom = 128;
    Limbs larger_limbs = shift_left(WideFloatRounding::significand(larger), headroom);
    Limbs smaller_limbs = shift_left(WideFloatRounding::significand(smaller), headroom);
    std::int64_t distance = static_cast<std::int64_t>(larger.exponent_) - smaller.exponent_;
    bool sticky = false;
    if (distance >= total_bits) {
        sticky = true;
        smaller_limbs = Limbs{};
    } else {
        int shift = static_cast<int>(distance);
        sticky = any_bit_below(smaller_limbs, shift);
        smaller_limbs = shift_right(smaller_limbs, shift);
    }
    return WideFloatRounding::pack(add(larger_limbs, smaller_limbs),
                                   WideFloatRounding::lowest_bit_exponent(larger) - headroom,
                                   sticky);
}

double WideFloat::to_double() const {
    if (is_zero()) {
        return 0.0;
    }
    if (is_infinite() || exponent_ > 1023) {
        return std::numeric_limits<double>::infinity();
    }
    // Keep 53 bits for a normal result, fewer below 2^-1022 (subnormal spacing 2^-1074).
    constexpr int double_significand_bits = 53;
    std::int64_t shift = significand_bits - double_significand_bits;
    if (exponent_ < -1022) {
        shift += -1022 - static_cast<std::int64_t>(exponent_);
    }
    if (shift > total_bits) {
        return 0.0;
    }
    Limbs rounded =
        shift_right_rounded(WideFloatRounding::significand(*this), static_cast<int>(shift), false);
    std::uint64_t mantissa = rounded[0] | static_cast<std::uint64_t>(rounded[1]) << 32;
    std::int64_t lowest_bit_exponent =
        static_cast<std::int64_t>(exponent_) - (significand_bits - 1) + shift;
    // ldexp is exact here: the mantissa has at most 54 bits (53 plus a rounding carry,
    // which is a power of two) and lies in double range unless it overflows to infinity.
    return std::ldexp(static_cast<double>(mantissa), static_cast<int>(lowest_bit_exponent));
}

std::uint64_t WideFloat::to_unsigned_truncated() const {
    if (is_zero() || (kind_ == Kind::finite && exponent_ < 0)) {
        return 0;
    }
    if (is_infinite() || exponent_ >= 64) {
        return std::numeric_limits<std::uint64_t>::max();
    }
    Limbs whole = shift_right(WideFloatRounding::significand(*this),
                              (significand_bits - 1) - static_cast<int>(exponent_));
    return whole[0] | static_cast<std::uint64_t>(whole[1]) << 32;
}

WideFloat scale_by_power_of_ten(WideFloat value, int decimal_exponent) {
    if (decimal_exponent == 0 || value.is_zero()) {
        return value;
    }
    bool shrink = decimal_exponent < 0;
    // Unsigned so that INT_MIN negates safely.
    unsigned remaining = shrink ? 0u - static_cast<unsigned>(decimal_exponent)
                                : static_cast<unsigned>(decimal_exponent);
    WideFloat power = WideFloat::from_unsigned(10);
    while (remaining != 0) {
        if ((remaining & 1u) != 0) {
            value = shrink ? value / power : value * power;
        }
        remaining >>= 1;
        if (remaining != 0) {
            power = power * power;
        }
    }
    return value;
}

}  // namespace xipy::number
