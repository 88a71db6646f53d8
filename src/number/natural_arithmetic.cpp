// Unsigned big-number arithmetic on caller-provided spans of 32-bit limbs; never allocates.
#include "number/natural_arithmetic.hpp"

#include <algorithm>
#include <bit>
#include <cassert>

namespace xipy::number::natural {

namespace {

constexpr WideLimb limb_base = WideLimb{1} << limb_bits;
constexpr WideLimb limb_mask = limb_base - 1;

Limb low_limb(WideLimb value) { return static_cast<Limb>(value); }

// 1 when a 64-bit difference of two limb-sized values wrapped below zero, else 0.
WideLimb borrow_of(WideLimb difference) { return difference >> (2 * limb_bits - 1); }

Magnitude normalized(Magnitude value) { return value.first(normalized_size(value)); }

// target += addend, where the caller knows the sum fits in target.
void add_in_place(MagnitudeBuffer target, Magnitude addend) {
    WideLimb carry = 0;
    std::size_t index = 0;
    for (; index < addend.size(); ++index) {
        WideLimb sum = WideLimb{target[index]} + addend[index] + carry;
        target[index] = low_limb(sum);
        carry = sum >> limb_bits;
    }
    for (; carry != 0 && index < target.size(); ++index) {
        WideLimb sum = WideLimb{target[index]} + carry;
        target[index] = low_limb(sum);
        carry = sum >> limb_bits;
    }
    assert(carry == 0);
}

// target -= subtrahend, where the caller knows target >= subtrahend.
void subtract_in_place(MagnitudeBuffer target, Magnitude subtrahend) {
    WideLimb borrow = 0;
    std::size_t index = 0;
    for (; index < subtrahend.size(); ++index) {
        WideLimb difference = WideLimb{target[index]} - subtrahend[index] - borrow;
        target[index] = low_limb(difference);
        borrow = borrow_of(difference);
    }
    for (; borrow != 0 && index < target.size(); ++index) {
        WideLimb difference = WideLimb{target[index]} - borrow;
        target[index] = low_limb(difference);
        borrow = borrow_of(difference);
    }
    assert(borrow == 0);
}

// Schoolbook product of normalised, non-empty operands into exactly left + right limbs.
void multiply_schoolbook(Magnitude left, Magnitude right, MagnitudeBuffer product) {
    std::fill(product.begin(), product.begin() + (left.size() + right.size()), Limb{0});
    for (std::size_t right_index = 0; right_index < right.size(); ++right_index) {
        WideLimb factor = right[right_index];
        if (factor == 0) {
            continue;
        }
        WideLimb carry = 0;
        Limb* row = product.data() + right_index;
        for (std::size_t left_index = 0; left_index < left.size(); ++left_index) {
            // (2^32-1)^2 + 2 * (2^32-1) = 2^64-1, so this cannot overflow.
            WideLimb sum = factor * left[left_index] + row[left_index] + carry;
            row[left_index] = low_limb(sum);
            carry = sum >> limb_bits;
        }
        row[left.size()] = low_limb(carry);
    }
}

bool multiply_normalized(Magnitude left, Magnitude right, MagnitudeBuffer product,
                         MagnitudeBuffer scratch, support::WorkBatch& work);

// Karatsuba step for normalised operands with right.size() <= left.size() < 2 * right.size()
// and right.size() >= karatsuba_threshold. Writes exactly left + right limbs of `product`.
// False when `work`'s meter said stop (the product is then unfinished).
bool multiply_karatsuba(Magnitude left, Magnitude right, MagnitudeBuffer product,
                        MagnitudeBuffer scratch, support::WorkBatch& work) {
    // The split point h <= right.size() follows from left.size() < 2 * right.size().
    std::size_t half = (left.size() + 1) / 2;
    Magnitude left_low = left.first(half);
    Magnitude left_high = left.subspan(half);
    Magnitude right_low = right.first(half);
    Magnitude right_high = right.subspan(half);
    std::size_t total = left.size() + right.size();

    // low = left_low * right_low in product[0, 2h); high = left_high * right_high above it.
    MagnitudeBuffer low_part = product.first(2 * half);
    MagnitudeBuffer high_part = product.subspan(2 * half, total - 2 * half);
    Magnitude left_low_value = normalized(left_low);
    Magnitude right_low_value = normalized(right_low);
    if (!multiply_normalized(left_low_value, right_low_value, low_part, scratch, work)) {
        return false;
    }
    std::fill(low_part.begin() + (left_low_value.size() + right_low_value.size()), low_part.end(),
              Limb{0});
    if (!multiply_normalized(normalized(left_high), normalized(right_high), high_part, scratch,
                             work)) {
        return false;
    }

    // middle = (left_low + left_high) * (right_low + right_high) - low - high, which is
    // left_low * right_high + left_high * right_low and so is never negative.
    MagnitudeBuffer left_sum = scratch.first(half + 1);
    MagnitudeBuffer right_sum = scratch.subspan(half + 1, half + 1);
    MagnitudeBuffer middle = scratch.subspan(2 * half + 2, 2 * half + 2);
    MagnitudeBuffer rest = scratch.subspan(4 * half + 4);
    std::size_t left_sum_size = add(left_low, left_high, left_sum);
    std::size_t right_sum_size = add(right_low, right_high, right_sum);
    std::fill(middle.begin(), middle.end(), Limb{0});
    if (!multiply_normalized(left_sum.first(left_sum_size), right_sum.first(right_sum_size), middle,
                             rest, work)) {
        return false;
    }
    subtract_in_place(middle, normalized(low_part));
    subtract_in_place(middle, normalized(high_part));
    add_in_place(product.subspan(half, total - half), normalized(middle));
    return true;
}

// Writes exactly left.size() + right.size() limbs of `product` (zero-filled above the value).
// The schoolbook products at the leaves are charged to `work`, one unit per limb product;
// false when its meter said stop.
bool multiply_normalized(Magnitude left, Magnitude right, MagnitudeBuffer product,
                         MagnitudeBuffer scratch, support::WorkBatch& work) {
    std::size_t total = left.size() + right.size();
    if (left.size() < right.size()) {
        std::swap(left, right);
    }
    if (right.empty()) {
        std::fill(product.begin(), product.begin() + total, Limb{0});
        return true;
    }
    if (right.size() == 1) {
        std::size_t size = multiply_add_limb(left, right[0], 0, product);
        std::fill(product.begin() + size, product.begin() + total, Limb{0});
        return work.add(left.size());
    }
    if (right.size() < karatsuba_threshold) {
        multiply_schoolbook(left, right, product);
        return work.add(std::uint64_t{left.size()} * right.size());
    }
    if (left.size() < 2 * right.size()) {
        return multiply_karatsuba(left, right, product, scratch, work);
    }
    // Very unbalanced: multiply right by chunks of left no longer than right, so each chunk
    // product is balanced enough for Karatsuba or falls back to the schoolbook method.
    std::fill(product.begin(), product.begin() + total, Limb{0});
    MagnitudeBuffer chunk_product = scratch.first(2 * right.size());
    MagnitudeBuffer rest = scratch.subspan(2 * right.size());
    for (std::size_t offset = 0; offset < left.size(); offset += right.size()) {
        std::size_t chunk_size = std::min(right.size(), left.size() - offset);
        Magnitude chunk = normalized(left.subspan(offset, chunk_size));
        if (!multiply_normalized(chunk, right, chunk_product, rest, work)) {
            return false;
        }
        add_in_place(product.subspan(offset, total - offset),
                     normalized(chunk_product.first(chunk.size() + right.size())));
    }
    return true;
}

// A size computed in 64 bits, clamped to what std::size_t holds. On 32-bit hosts a huge
// request then fails to allocate instead of wrapping to a small, overrun buffer.
std::size_t saturated_size(std::uint64_t size) {
    constexpr auto largest = static_cast<std::uint64_t>(static_cast<std::size_t>(-1));
    return static_cast<std::size_t>(std::min(size, largest));
}

// Limbs of base^k and k for the largest power of `base` that fits in one limb.
struct LimbPower {
    Limb power;
    unsigned exponent;
};

LimbPower largest_limb_power(unsigned base) {
    WideLimb power = base;
    unsigned exponent = 1;
    while (power * base < limb_base) {
        power *= base;
        ++exponent;
    }
    return {low_limb(power), exponent};
}

// Bits per digit rounded up, so digit_count * this bounds the bits of the value.
unsigned bits_per_digit_ceiling(unsigned base) {
    unsigned bits = 0;
    while ((1u << bits) < base) {
        ++bits;
    }
    return bits;
}

}  // namespace

std::size_t normalized_size(Magnitude value) {
    std::size_t size = value.size();
    while (size > 0 && value[size - 1] == 0) {
        --size;
    }
    return size;
}

int compare(Magnitude left, Magnitude right) {
    left = normalized(left);
    right = normalized(right);
    if (left.size() != right.size()) {
        return left.size() < right.size() ? -1 : 1;
    }
    for (std::size_t index = left.size(); index-- > 0;) {
        if (left[index] != right[index]) {
            return left[index] < right[index] ? -1 : 1;
        }
    }
    return 0;
}

std::uint64_t bit_length(Magnitude value) {
    std::size_t size = normalized_size(value);
    if (size == 0) {
        return 0;
    }
    return std::uint64_t{size} * limb_bits -
           static_cast<std::uint64_t>(std::countl_zero(value[size - 1]));
}

bool any_low_bits_set(Magnitude value, std::uint64_t bit_count) {
    std::uint64_t whole_limbs = bit_count / limb_bits;
    for (std::size_t index = 0; index < value.size() && index < whole_limbs; ++index) {
        if (value[index] != 0) {
            return true;
        }
    }
    unsigned remaining_bits = static_cast<unsigned>(bit_count % limb_bits);
    if (whole_limbs < value.size() && remaining_bits != 0) {
        Limb mask = (Limb{1} << remaining_bits) - 1;
        return (value[static_cast<std::size_t>(whole_limbs)] & mask) != 0;
    }
    return false;
}

std::size_t sum_size_bound(std::size_t left_size, std::size_t right_size) {
    return std::max(left_size, right_size) + 1;
}

std::size_t add(Magnitude left, Magnitude right, MagnitudeBuffer sum) {
    left = normalized(left);
    right = normalized(right);
    if (left.size() < right.size()) {
        std::swap(left, right);
    }
    WideLimb carry = 0;
    for (std::size_t index = 0; index < left.size(); ++index) {
        WideLimb limb_sum = WideLimb{left[index]} + carry;
        if (index < right.size()) {
            limb_sum += right[index];
        }
        sum[index] = low_limb(limb_sum);
        carry = limb_sum >> limb_bits;
    }
    if (carry == 0) {
        return left.size();
    }
    sum[left.size()] = low_limb(carry);
    return left.size() + 1;
}

std::size_t difference_size_bound(std::size_t larger_size) { return larger_size; }

std::size_t subtract(Magnitude larger, Magnitude smaller, MagnitudeBuffer difference) {
    larger = normalized(larger);
    smaller = normalized(smaller);
    assert(compare(larger, smaller) >= 0);
    WideLimb borrow = 0;
    for (std::size_t index = 0; index < larger.size(); ++index) {
        WideLimb limb_difference = WideLimb{larger[index]} - borrow;
        if (index < smaller.size()) {
            limb_difference -= smaller[index];
        }
        difference[index] = low_limb(limb_difference);
        borrow = borrow_of(limb_difference);
    }
    return normalized_size(difference.first(larger.size()));
}

std::size_t multiply_add_limb_size_bound(std::size_t value_size) { return value_size + 1; }

std::size_t multiply_add_limb(Magnitude value, Limb factor, Limb addend, MagnitudeBuffer result) {
    std::size_t size = normalized_size(value);
    WideLimb carry = addend;
    for (std::size_t index = 0; index < size; ++index) {
        WideLimb product = WideLimb{factor} * value[index] + carry;
        result[index] = low_limb(product);
        carry = product >> limb_bits;
    }
    if (carry != 0) {
        result[size] = low_limb(carry);
        ++size;
    }
    return normalized_size(result.first(size));
}

std::size_t product_size_bound(std::size_t left_size, std::size_t right_size) {
    return left_size + right_size;
}

std::size_t multiply_scratch_size_bound(std::size_t left_size, std::size_t right_size) {
    // Every recursion level works on operands of at most `size` limbs and needs at most
    // 2 * size + 8 limbs of its own (the sums and middle product, or one chunk product);
    // its sub-products have at most size / 2 + 2 limbs.
    std::size_t size = std::max(left_size, right_size);
    std::size_t total = 0;
    while (size >= karatsuba_threshold) {
        total += 2 * size + 8;
        size = size / 2 + 2;
    }
    return total;
}

std::size_t multiply(Magnitude left, Magnitude right, MagnitudeBuffer product,
                     MagnitudeBuffer scratch, support::WorkMeter* meter) {
    left = normalized(left);
    right = normalized(right);
    support::WorkBatch work(meter);
    if (!multiply_normalized(left, right, product, scratch, work)) {
        return stopped;
    }
    return normalized_size(product.first(left.size() + right.size()));
}

LimbDivision divide_by_limb(Magnitude dividend, Limb divisor, MagnitudeBuffer quotient) {
    assert(divisor != 0);
    std::size_t size = normalized_size(dividend);
    WideLimb remainder = 0;
    for (std::size_t index = size; index-- > 0;) {
        WideLimb current = (remainder << limb_bits) | dividend[index];
        quotient[index] = low_limb(current / divisor);
        remainder = current % divisor;
    }
    return {normalized_size(quotient.first(size)), low_limb(remainder)};
}

std::size_t quotient_size_bound(std::size_t dividend_size, std::size_t divisor_size) {
    return dividend_size >= divisor_size ? dividend_size - divisor_size + 1 : 0;
}

std::size_t remainder_size_bound(std::size_t dividend_size, std::size_t divisor_size) {
    return std::min(dividend_size, divisor_size);
}

std::size_t division_scratch_size_bound(std::size_t dividend_size, std::size_t divisor_size) {
    return dividend_size + 1 + divisor_size;
}

Division divide(Magnitude dividend, Magnitude divisor, MagnitudeBuffer quotient,
                MagnitudeBuffer remainder, MagnitudeBuffer scratch, support::WorkMeter* meter) {
    dividend = normalized(dividend);
    divisor = normalized(divisor);
    assert(!divisor.empty());
    if (compare(dividend, divisor) < 0) {
        std::copy(dividend.begin(), dividend.end(), remainder.begin());
        return {0, dividend.size()};
    }
    if (divisor.size() == 1) {
        LimbDivision result = divide_by_limb(dividend, divisor[0], quotient);
        if (result.remainder == 0) {
            return {result.quotient_size, 0};
        }
        remainder[0] = result.remainder;
        return {result.quotient_size, 1};
    }

    // Knuth's algorithm D (TAOCP 4.3.1). Shifting both operands so the divisor's top limb has
    // its high bit set makes each estimated quotient limb at most two too large.
    std::size_t divisor_size = divisor.size();
    std::size_t steps = dividend.size() - divisor_size + 1;
    unsigned shift = static_cast<unsigned>(std::countl_zero(divisor.back()));
    MagnitudeBuffer scaled_divisor = scratch.first(divisor_size);
    MagnitudeBuffer scaled_dividend = scratch.subspan(divisor_size, dividend.size() + 1);
    std::fill(scaled_dividend.begin(), scaled_dividend.end(), Limb{0});
    shift_left(divisor, shift, scaled_divisor);
    shift_left(dividend, shift, scaled_dividend);

    WideLimb top = scaled_divisor[divisor_size - 1];
    WideLimb second = scaled_divisor[divisor_size - 2];
    support::WorkBatch work(meter);
    for (std::size_t step = steps; step-- > 0;) {
        // A multiply-subtract per divisor limb, about two units each.
        if (!work.add(2 * std::uint64_t{divisor_size})) {
            return {stopped, 0};
        }
        Limb* window = scaled_dividend.data() + step;
        WideLimb numerator =
            (WideLimb{window[divisor_size]} << limb_bits) | window[divisor_size - 1];
        WideLimb estimate = numerator / top;
        WideLimb estimate_remainder = numerator % top;
        while (estimate >= limb_base ||
               estimate * second > ((estimate_remainder << limb_bits) | window[divisor_size - 2])) {
            --estimate;
            estimate_remainder += top;
            if (estimate_remainder >= limb_base) {
                break;
            }
        }

        // window -= estimate * scaled_divisor, over divisor_size + 1 limbs.
        WideLimb carry = 0;
        WideLimb borrow = 0;
        for (std::size_t index = 0; index < divisor_size; ++index) {
            WideLimb product = estimate * scaled_divisor[index] + carry;
            carry = product >> limb_bits;
            WideLimb difference = WideLimb{window[index]} - (product & limb_mask) - borrow;
            window[index] = low_limb(difference);
            borrow = borrow_of(difference);
        }
        WideLimb difference = WideLimb{window[divisor_size]} - carry - borrow;
        window[divisor_size] = low_limb(difference);

        // The estimate was one too large (rare): add the divisor back once.
        if (borrow_of(difference) != 0) {
            --estimate;
            WideLimb add_carry = 0;
            for (std::size_t index = 0; index < divisor_size; ++index) {
                WideLimb sum = WideLimb{window[index]} + scaled_divisor[index] + add_carry;
                window[index] = low_limb(sum);
                add_carry = sum >> limb_bits;
            }
            window[divisor_size] = low_limb(window[divisor_size] + add_carry);
        }
        quotient[step] = low_limb(estimate);
    }

    std::size_t remainder_size = shift_right(scaled_dividend.first(divisor_size), shift, remainder);
    return {normalized_size(quotient.first(steps)), remainder_size};
}

std::size_t shift_left_size_bound(std::size_t value_size, std::uint64_t bit_count) {
    return saturated_size(std::uint64_t{value_size} + bit_count / limb_bits + 1);
}

std::size_t shift_left(Magnitude value, std::uint64_t bit_count, MagnitudeBuffer result) {
    std::size_t size = normalized_size(value);
    if (size == 0) {
        return 0;
    }
    std::size_t limb_shift = static_cast<std::size_t>(bit_count / limb_bits);
    unsigned bit_shift = static_cast<unsigned>(bit_count % limb_bits);
    // Work from the top down so `result` may share storage with `value`.
    if (bit_shift == 0) {
        for (std::size_t index = size; index-- > 0;) {
            result[index + limb_shift] = value[index];
        }
        std::fill(result.begin(), result.begin() + limb_shift, Limb{0});
        return size + limb_shift;
    }
    Limb spill = value[size - 1] >> (limb_bits - bit_shift);
    std::size_t result_size = size + limb_shift;
    if (spill != 0) {
        result[result_size] = spill;
        ++result_size;
    }
    for (std::size_t index = size; index-- > 0;) {
        Limb lower = index > 0 ? value[index - 1] >> (limb_bits - bit_shift) : 0;
        result[index + limb_shift] = (value[index] << bit_shift) | lower;
    }
    std::fill(result.begin(), result.begin() + limb_shift, Limb{0});
    return result_size;
}

std::size_t shift_right_size_bound(std::size_t value_size, std::uint64_t bit_count) {
    std::uint64_t limb_shift = bit_count / limb_bits;
    return limb_shift < value_size ? value_size - static_cast<std::size_t>(limb_shift) : 0;
}

std::size_t shift_right(Magnitude value, std::uint64_t bit_count, MagnitudeBuffer result) {
    std::size_t size = normalized_size(value);
    std::uint64_t limb_shift_wide = bit_count / limb_bits;
    if (limb_shift_wide >= size) {
        return 0;
    }
    std::size_t limb_shift = static_cast<std::size_t>(limb_shift_wide);
    unsigned bit_shift = static_cast<unsigned>(bit_count % limb_bits);
    std::size_t result_size = size - limb_shift;
    // Work from the bottom up so `result` may share storage with `value`.
    for (std::size_t index = 0; index < result_size; ++index) {
        Limb limb = value[index + limb_shift];
        if (bit_shift != 0) {
            limb >>= bit_shift;
            if (index + limb_shift + 1 < size) {
                limb |= value[index + limb_shift + 1] << (limb_bits - bit_shift);
            }
        }
        result[index] = limb;
    }
    return normalized_size(result.first(result_size));
}

std::size_t bitwise_size_bound(std::size_t left_size, std::size_t right_size) {
    return std::max(left_size, right_size) + 1;
}

SignedSize bitwise(BitwiseOperation operation, Magnitude left, bool left_negative, Magnitude right,
                   bool right_negative, MagnitudeBuffer result) {
    left = normalized(left);
    right = normalized(right);
    left_negative = left_negative && !left.empty();
    right_negative = right_negative && !right.empty();
    bool result_negative = false;
    switch (operation) {
        case BitwiseOperation::bit_and:
            result_negative = left_negative && right_negative;
            break;
        case BitwiseOperation::bit_or:
            result_negative = left_negative || right_negative;
            break;
        case BitwiseOperation::bit_xor:
            result_negative = left_negative != right_negative;
            break;
    }
    // A negative x is ~(|x| - 1) in two's complement, and a negative result r has magnitude
    // ~r + 1. All three conversions run limb by limb with their own borrow or carry, so one
    // pass suffices and `result` may share storage with an operand (index i is read first).
    std::size_t size = std::max(left.size(), right.size()) + 1;
    WideLimb left_borrow = left_negative ? 1 : 0;
    WideLimb right_borrow = right_negative ? 1 : 0;
    WideLimb result_carry = result_negative ? 1 : 0;
    for (std::size_t index = 0; index < size; ++index) {
        WideLimb left_limb = (index < left.size() ? left[index] : 0);
        WideLimb right_limb = (index < right.size() ? right[index] : 0);
        if (left_negative) {
            WideLimb difference = left_limb - left_borrow;
            left_borrow = borrow_of(difference);
            left_limb = ~difference & limb_mask;
        }
        if (right_negative) {
            WideLimb difference = right_limb - right_borrow;
            right_borrow = borrow_of(difference);
            right_limb = ~difference & limb_mask;
        }
        WideLimb combined = 0;
        switch (operation) {
            case BitwiseOperation::bit_and:
                combined = left_limb & right_limb;
                break;
            case BitwiseOperation::bit_or:
                combined = left_limb | right_limb;
                break;
            case BitwiseOperation::bit_xor:
                combined = left_limb ^ right_limb;
                break;
        }
        if (result_negative) {
            WideLimb magnitude = (~combined & limb_mask) + result_carry;
            result_carry = magnitude >> limb_bits;
            combined = magnitude & limb_mask;
        }
        result[index] = low_limb(combined);
    }
    std::size_t result_size = normalized_size(result.first(size));
    return {result_size, result_negative && result_size != 0};
}

std::size_t text_size_bound(std::size_t value_size, unsigned base) {
    // Every base has at least one bit per digit; base 2 is the worst case.
    unsigned bits_per_digit_floor = 0;
    while ((2u << bits_per_digit_floor) <= base) {
        ++bits_per_digit_floor;
    }
    return saturated_size(std::uint64_t{value_size} * limb_bits / bits_per_digit_floor + 1);
}

std::size_t text_scratch_size_bound(std::size_t value_size) { return value_size; }

std::size_t to_text(Magnitude value, unsigned base, std::span<char> text, MagnitudeBuffer scratch,
                    support::WorkMeter* meter) {
    static constexpr char digit_characters[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    assert(base >= 2 && base <= 36);
    std::size_t size = normalized_size(value);
    if (size == 0) {
        text[0] = '0';
        return 1;
    }
    std::copy(value.begin(), value.begin() + size, scratch.begin());
    // Peel off base^k at a time with a single-limb division, writing digits backwards.
    LimbPower chunk = largest_limb_power(base);
    std::size_t length = 0;
    support::WorkBatch work(meter);
    while (size > 0) {
        // A hardware division per limb, which costs about eight simple operations.
        if (!work.add(8 * std::uint64_t{size})) {
            return 0;
        }
        LimbDivision division = divide_by_limb(scratch.first(size), chunk.power, scratch);
        size = division.quotient_size;
        Limb remainder = division.remainder;
        for (unsigned digit = 0; digit < chunk.exponent && (size > 0 || remainder != 0); ++digit) {
            text[length++] = digit_characters[remainder % base];
            remainder /= base;
        }
    }
    std::reverse(text.begin(), text.begin() + length);
    return length;
}

unsigned digit_value(char character) {
    if (character >= '0' && character <= '9') {
        return static_cast<unsigned>(character - '0');
    }
    char lower = static_cast<char>(character | 0x20);
    if (lower >= 'a' && lower <= 'z') {
        return static_cast<unsigned>(lower - 'a') + 10;
    }
    return 36;
}

std::size_t text_value_size_bound(std::size_t digit_count, unsigned base) {
    return saturated_size(
        (std::uint64_t{digit_count} * bits_per_digit_ceiling(base) + limb_bits - 1) / limb_bits +
        1);
}

std::size_t from_text(std::string_view digits, unsigned base, MagnitudeBuffer result,
                      support::WorkMeter* meter) {
    // Gather up to k digits into one limb, then fold it in with one multiply-add pass.
    LimbPower chunk = largest_limb_power(base);
    std::size_t size = 0;
    Limb pending = 0;
    Limb pending_scale = 1;
    unsigned pending_digits = 0;
    support::WorkBatch work(meter);
    for (char character : digits) {
        if (character == '_') {
            continue;
        }
        unsigned value = digit_value(character);
        assert(value < base);
        pending = pending * base + value;
        pending_scale *= base;
        if (++pending_digits == chunk.exponent) {
            // A multiply-add per limb, about two units each.
            if (!work.add(2 * (std::uint64_t{size} + 1))) {
                return stopped;
            }
            size =
                multiply_add_limb(Magnitude(result.data(), size), pending_scale, pending, result);
            pending = 0;
            pending_scale = 1;
            pending_digits = 0;
        }
    }
    if (pending_digits > 0) {
        size = multiply_add_limb(Magnitude(result.data(), size), pending_scale, pending, result);
    }
    return size;
}

}  // namespace xipy::number::natural
