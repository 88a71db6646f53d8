// Unsigned big-number arithmetic on caller-provided spans of 32-bit limbs; never allocates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "support/work_meter.hpp"

namespace xipy::number::natural {

// What a metered function returns for a size when its meter said stop.
constexpr std::size_t stopped = static_cast<std::size_t>(-1);

// A magnitude is a little-endian span of 32-bit limbs: value = sum of limb[i] * 2^(32 * i).
//
// Invariants and contracts shared by every function here:
// - Inputs may carry high zero limbs. Every function that writes a magnitude returns its
//   normalised size: the written value has no high zero limb, and zero has size 0. Limbs of
//   the output span past that size hold unspecified values.
// - Each output span must hold at least the limbs that the matching `*_bound` function
//   returns. Nothing is ever written past that bound, so a heap can allocate exactly it.
// - Outputs must not overlap inputs, except where a function says it may work in place.
// - Intermediate products are 64-bit, so results are identical on 32-bit and 64-bit hosts.
//
// Nothing here allocates or fails: the VM keeps magnitudes in its own bounded heap and
// turns a failed allocation into MemoryError before calling in.
using Limb = std::uint32_t;
using WideLimb = std::uint64_t;
using Magnitude = std::span<const Limb>;
using MagnitudeBuffer = std::span<Limb>;

inline constexpr unsigned limb_bits = 32;

// Limbs below the highest non-zero one: the size of `value` without high zero limbs.
std::size_t normalized_size(Magnitude value);

// -1, 0 or 1 as `left` is less than, equal to or greater than `right`.
int compare(Magnitude left, Magnitude right);

// Bits needed to write `value` in binary (0 for zero).
std::uint64_t bit_length(Magnitude value);

// True when any of the lowest `bit_count` bits of `value` is set (what a right shift drops).
bool any_low_bits_set(Magnitude value, std::uint64_t bit_count);

// left + right. `sum` may be the same storage as `left` or `right` (same first limb).
std::size_t sum_size_bound(std::size_t left_size, std::size_t right_size);
std::size_t add(Magnitude left, Magnitude right, MagnitudeBuffer sum);

// larger - smaller, requires larger >= smaller. `difference` may be the same storage as
// `larger` or `smaller` (same first limb).
std::size_t difference_size_bound(std::size_t larger_size);
std::size_t subtract(Magnitude larger, Magnitude smaller, MagnitudeBuffer difference);

// value * factor + addend. `result` may be the same storage as `value`.
std::size_t multiply_add_limb_size_bound(std::size_t value_size);
std::size_t multiply_add_limb(Magnitude value, Limb factor, Limb addend, MagnitudeBuffer result);

// left * right. Operands with at least `karatsuba_threshold` limbs each use Karatsuba's
// method, which needs `scratch` of multiply_scratch_size_bound limbs; below it the
// schoolbook method needs none (an empty span is fine). With a `meter` (one unit per limb
// product the schoolbook leaves compute), `stopped` when the meter said stop.
inline constexpr std::size_t karatsuba_threshold = 40;
std::size_t product_size_bound(std::size_t left_size, std::size_t right_size);
std::size_t multiply_scratch_size_bound(std::size_t left_size, std::size_t right_size);
std::size_t multiply(Magnitude left, Magnitude right, MagnitudeBuffer product,
                     MagnitudeBuffer scratch, support::WorkMeter* meter = nullptr);

// dividend / divisor for a non-zero single-limb divisor. `quotient` may be the same storage
// as `dividend`; it needs dividend.size() limbs.
struct LimbDivision {
    std::size_t quotient_size;
    Limb remainder;
};
LimbDivision divide_by_limb(Magnitude dividend, Limb divisor, MagnitudeBuffer quotient);

// Truncating division of magnitudes: dividend = quotient * divisor + remainder with
// remainder < divisor. Requires a non-zero divisor. Uses Knuth's algorithm D.
struct Division {
    std::size_t quotient_size;
    std::size_t remainder_size;
};
std::size_t quotient_size_bound(std::size_t dividend_size, std::size_t divisor_size);
std::size_t remainder_size_bound(std::size_t dividend_size, std::size_t divisor_size);
std::size_t division_scratch_size_bound(std::size_t dividend_size, std::size_t divisor_size);
// With a `meter`, the quotient size is `stopped` when the meter said stop.
Division divide(Magnitude dividend, Magnitude divisor, MagnitudeBuffer quotient,
                MagnitudeBuffer remainder, MagnitudeBuffer scratch,
                support::WorkMeter* meter = nullptr);

// value << bit_count and value >> bit_count (the right shift truncates).
std::size_t shift_left_size_bound(std::size_t value_size, std::uint64_t bit_count);
std::size_t shift_left(Magnitude value, std::uint64_t bit_count, MagnitudeBuffer result);
std::size_t shift_right_size_bound(std::size_t value_size, std::uint64_t bit_count);
std::size_t shift_right(Magnitude value, std::uint64_t bit_count, MagnitudeBuffer result);

// Bitwise operations on signed values given as sign and magnitude, with Python's infinite
// two's-complement meaning for negatives. `result` may be the same storage as either
// operand's magnitude.
enum class BitwiseOperation { bit_and, bit_or, bit_xor };
struct SignedSize {
    std::size_t size;
    bool negative;
};
std::size_t bitwise_size_bound(std::size_t left_size, std::size_t right_size);
SignedSize bitwise(BitwiseOperation operation, Magnitude left, bool left_negative, Magnitude right,
                   bool right_negative, MagnitudeBuffer result);

// Digits of `value` in `base` (2..36), most significant first, lowercase, without sign or
// prefix; zero is "0". Returns the number of characters written at the start of `text`.
// `scratch` (value.size() limbs) receives a working copy, so `value` is left untouched.
std::size_t text_size_bound(std::size_t value_size, unsigned base);
std::size_t text_scratch_size_bound(std::size_t value_size);
// The conversion is quadratic in the value's size: with a `meter` it reports its work and
// returns 0 (never a real length) when the meter says stop.
std::size_t to_text(Magnitude value, unsigned base, std::span<char> text, MagnitudeBuffer scratch,
                    support::WorkMeter* meter = nullptr);

// The value of the digit characters in `digits` (most significant first), read in `base`
// (2..36). Requires every character to be '_' (skipped) or a digit valid in `base`; letters
// may be either case. `digit_count` in the bound may count the '_' characters too.
std::size_t text_value_size_bound(std::size_t digit_count, unsigned base);
// Quadratic too: with a `meter`, returns `stopped` when the meter says stop.
std::size_t from_text(std::string_view digits, unsigned base, MagnitudeBuffer result,
                      support::WorkMeter* meter = nullptr);

// The value of a character as a digit in bases up to 36, or 36 when it is not a digit.
unsigned digit_value(char character);

}  // namespace xipy::number::natural
