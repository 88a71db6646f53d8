// Tests the allocation-free span algorithms: size bounds honoured and results consistent.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "number/natural_arithmetic.hpp"

namespace xipy::number::natural {
namespace {

constexpr Limb guard_value = 0xdeadbeef;
constexpr std::size_t guard_limbs = 4;

// An output buffer of exactly `bound` limbs followed by guard limbs. The span handed to the
// algorithm ends at the bound, so a write past it either trips AddressSanitizer (when the
// guard is absent) or changes a guard limb.
class Buffer {
  public:
    explicit Buffer(std::size_t bound) : bound_(bound), storage_(bound + guard_limbs, 0x5a5a5a5a) {
        for (std::size_t index = bound; index < storage_.size(); ++index) {
            storage_[index] = guard_value;
        }
    }
    MagnitudeBuffer span() { return MagnitudeBuffer(storage_.data(), bound_); }
    Magnitude first(std::size_t size) const { return Magnitude(storage_.data(), size); }
    bool guard_intact() const {
        for (std::size_t index = bound_; index < storage_.size(); ++index) {
            if (storage_[index] != guard_value) {
                return false;
            }
        }
        return true;
    }

  private:
    std::size_t bound_;
    std::vector<Limb> storage_;
};

// Deterministic limbs with long runs of ones and zeros mixed in.
class LimbSource {
  public:
    Limb next() {
        state_ = state_ * 6364136223846793005u + 1442695040888963407u;
        auto value = static_cast<Limb>(state_ >> 32);
        switch (value % 7) {
            case 0:
                return 0;
            case 1:
                return 0xffffffff;
            case 2:
                return 0x80000000;
            default:
                return value;
        }
    }
    std::vector<Limb> magnitude(std::size_t size) {
        std::vector<Limb> limbs(size);
        for (Limb& limb : limbs) {
            limb = next();
        }
        if (size > 0 && limbs.back() == 0) {
            limbs.back() = 1;
        }
        return limbs;
    }

  private:
    std::uint64_t state_ = 0x9e3779b97f4a7c15u;
};

std::vector<Limb> to_vector(Magnitude value) {
    return std::vector<Limb>(value.begin(), value.begin() + normalized_size(value));
}

// left * right by repeated multiply_add_limb and add, independent of multiply().
std::vector<Limb> reference_product(Magnitude left, Magnitude right) {
    std::vector<Limb> total;
    for (std::size_t index = right.size(); index-- > 0;) {
        // total = total * 2^32 + left * right[index]
        std::vector<Limb> shifted(total.size() + 1);
        shifted.resize(shift_left(total, limb_bits, shifted));
        std::vector<Limb> row(left.size() + 1);
        row.resize(multiply_add_limb(left, right[index], 0, row));
        std::vector<Limb> sum(std::max(shifted.size(), row.size()) + 1);
        sum.resize(add(shifted, row, sum));
        total = sum;
    }
    return total;
}

const std::size_t operand_sizes[] = {0, 1, 2, 3, 5, 39, 40, 41, 64, 81, 100, 170};

TEST(NaturalArithmetic, MultiplyHonoursBoundsAndMatchesReference) {
    LimbSource source;
    for (std::size_t left_size : operand_sizes) {
        for (std::size_t right_size : operand_sizes) {
            std::vector<Limb> left = source.magnitude(left_size);
            std::vector<Limb> right = source.magnitude(right_size);
            Buffer product(product_size_bound(left_size, right_size));
            Buffer scratch(multiply_scratch_size_bound(left_size, right_size));
            std::size_t size = multiply(left, right, product.span(), scratch.span());
            EXPECT_TRUE(product.guard_intact()) << left_size << "x" << right_size;
            EXPECT_TRUE(scratch.guard_intact()) << left_size << "x" << right_size;
            EXPECT_EQ(to_vector(product.first(size)), reference_product(left, right))
                << left_size << "x" << right_size;
        }
    }
}

TEST(NaturalArithmetic, KaratsubaSquareOfAllOnes) {
    // (2^(32n) - 1)^2 = 2^(64n) - 2^(32n+1) + 1: limbs 1, 0.., 0xfffffffe, 0xffffffff..
    const std::size_t size = 150;
    std::vector<Limb> ones(size, 0xffffffff);
    Buffer product(product_size_bound(size, size));
    Buffer scratch(multiply_scratch_size_bound(size, size));
    ASSERT_EQ(multiply(ones, ones, product.span(), scratch.span()), 2 * size);
    std::vector<Limb> expected(2 * size, 0);
    expected[0] = 1;
    expected[size] = 0xfffffffe;
    for (std::size_t index = size + 1; index < 2 * size; ++index) {
        expected[index] = 0xffffffff;
    }
    EXPECT_EQ(to_vector(product.first(2 * size)), expected);
    EXPECT_TRUE(product.guard_intact());
    EXPECT_TRUE(scratch.guard_intact());
}

TEST(NaturalArithmetic, DivideHonoursBoundsAndReconstructsDividend) {
    LimbSource source;
    for (std::size_t dividend_size : operand_sizes) {
        for (std::size_t divisor_size : operand_sizes) {
            if (divisor_size == 0) {
                continue;
            }
            std::vector<Limb> dividend = source.magnitude(dividend_size);
            std::vector<Limb> divisor = source.magnitude(divisor_size);
            Buffer quotient(quotient_size_bound(dividend_size, divisor_size));
            Buffer remainder(remainder_size_bound(dividend_size, divisor_size));
            Buffer scratch(division_scratch_size_bound(dividend_size, divisor_size));
            Division sizes =
                divide(dividend, divisor, quotient.span(), remainder.span(), scratch.span());
            EXPECT_TRUE(quotient.guard_intact());
            EXPECT_TRUE(remainder.guard_intact());
            EXPECT_TRUE(scratch.guard_intact());
            Magnitude remainder_value = remainder.first(sizes.remainder_size);
            EXPECT_LT(compare(remainder_value, divisor), 0);
            // quotient * divisor + remainder == dividend
            std::vector<Limb> rebuilt =
                reference_product(quotient.first(sizes.quotient_size), divisor);
            std::vector<Limb> sum(sum_size_bound(rebuilt.size(), sizes.remainder_size));
            sum.resize(add(rebuilt, remainder_value, sum));
            EXPECT_EQ(sum, to_vector(dividend)) << dividend_size << "/" << divisor_size;
        }
    }
}

TEST(NaturalArithmetic, DivideNeedsAddBackStep) {
    // The 32-bit-limb version of the classic operands whose first quotient estimate is one
    // too large even after the two-limb correction, so the add-back step must run:
    // (2^127 - 2^95) / (2^95 + 1) = 2^32 - 2, remainder 2^95 - 2^32 + 2 (worked by hand).
    const std::vector<Limb> dividend = {0x00000000, 0x00000000, 0x80000000, 0x7fffffff};
    const std::vector<Limb> divisor = {0x00000001, 0x00000000, 0x80000000};
    Buffer quotient(quotient_size_bound(4, 3));
    Buffer remainder(remainder_size_bound(4, 3));
    Buffer scratch(division_scratch_size_bound(4, 3));
    Division sizes = divide(dividend, divisor, quotient.span(), remainder.span(), scratch.span());
    EXPECT_EQ(to_vector(quotient.first(sizes.quotient_size)), (std::vector<Limb>{0xfffffffe}));
    EXPECT_EQ(to_vector(remainder.first(sizes.remainder_size)),
              (std::vector<Limb>{0x00000002, 0xffffffff, 0x7fffffff}));
    EXPECT_TRUE(quotient.guard_intact());
    EXPECT_TRUE(remainder.guard_intact());
    EXPECT_TRUE(scratch.guard_intact());
}

TEST(NaturalArithmetic, ShiftsHonourBounds) {
    LimbSource source;
    for (std::size_t size : operand_sizes) {
        std::vector<Limb> value = source.magnitude(size);
        for (std::uint64_t bits : {0u, 1u, 31u, 32u, 33u, 64u, 95u, 200u, 5000u}) {
            Buffer left(shift_left_size_bound(size, bits));
            std::size_t left_size = shift_left(value, bits, left.span());
            EXPECT_TRUE(left.guard_intact());
            Buffer back(shift_right_size_bound(left_size, bits));
            std::size_t back_size = shift_right(left.first(left_size), bits, back.span());
            EXPECT_TRUE(back.guard_intact());
            EXPECT_EQ(to_vector(back.first(back_size)), to_vector(value)) << size << "<<" << bits;
            EXPECT_FALSE(any_low_bits_set(left.first(left_size), bits));
            EXPECT_EQ(bit_length(left.first(left_size)), size == 0 ? 0 : bit_length(value) + bits);
        }
    }
}

TEST(NaturalArithmetic, TextRoundTripsInEveryBase) {
    LimbSource source;
    for (std::size_t size : {0u, 1u, 2u, 7u, 33u}) {
        std::vector<Limb> value = source.magnitude(size);
        for (unsigned base = 2; base <= 36; ++base) {
            std::string text(text_size_bound(size, base), '\0');
            Buffer scratch(text_scratch_size_bound(size));
            std::size_t length = to_text(value, base, text, scratch.span());
            EXPECT_TRUE(scratch.guard_intact());
            ASSERT_LE(length, text.size());
            text.resize(length);
            Buffer parsed(text_value_size_bound(length, base));
            std::size_t parsed_size = from_text(text, base, parsed.span());
            EXPECT_TRUE(parsed.guard_intact());
            EXPECT_EQ(to_vector(parsed.first(parsed_size)), to_vector(value))
                << base << " " << text;
        }
    }
}

TEST(NaturalArithmetic, TextOfKnownValues) {
    // 2^64 = 18446744073709551616 = 0x10000000000000000; in base 36 it is 3w5e11264sgsg.
    const std::vector<Limb> value = {0, 0, 1};
    std::string text(text_size_bound(3, 10), '\0');
    std::vector<Limb> scratch(text_scratch_size_bound(3));
    text.resize(to_text(value, 10, text, scratch));
    EXPECT_EQ(text, "18446744073709551616");
    text.assign(text_size_bound(3, 36), '\0');
    text.resize(to_text(value, 36, text, scratch));
    EXPECT_EQ(text, "3w5e11264sgsg");
    EXPECT_EQ(value, (std::vector<Limb>{0, 0, 1}));
}

TEST(NaturalArithmetic, AddAndSubtractWorkInPlace) {
    // (2^96 - 1) + 1 = 2^96 in the left operand's own storage, then back again.
    std::vector<Limb> storage = {0xffffffff, 0xffffffff, 0xffffffff, guard_value};
    const std::vector<Limb> one = {1};
    std::size_t size = add(Magnitude(storage.data(), 3), one, MagnitudeBuffer(storage.data(), 4));
    EXPECT_EQ(size, 4u);
    EXPECT_EQ(storage, (std::vector<Limb>{0, 0, 0, 1}));
    size = subtract(Magnitude(storage.data(), 4), one, MagnitudeBuffer(storage.data(), 4));
    EXPECT_EQ(size, 3u);
    EXPECT_EQ(to_vector(Magnitude(storage.data(), size)),
              (std::vector<Limb>{0xffffffff, 0xffffffff, 0xffffffff}));
}

TEST(NaturalArithmetic, BitwiseUsesTwosComplementForNegatives) {
    // -2^64 & (2^70 - 1) = 2^70 - 2^64; -1 ^ 2^32 = -(2^32 + 1); -6 | 3 = -5.
    const std::vector<Limb> power_64 = {0, 0, 1};
    const std::vector<Limb> mask_70 = {0xffffffff, 0xffffffff, 0x3f};
    Buffer result(bitwise_size_bound(3, 3));
    SignedSize size =
        bitwise(BitwiseOperation::bit_and, power_64, true, mask_70, false, result.span());
    EXPECT_FALSE(size.negative);
    EXPECT_EQ(to_vector(result.first(size.size)), (std::vector<Limb>{0, 0, 0x3f}));
    EXPECT_TRUE(result.guard_intact());

    const std::vector<Limb> one = {1};
    const std::vector<Limb> power_32 = {0, 1};
    Buffer xor_result(bitwise_size_bound(1, 2));
    size = bitwise(BitwiseOperation::bit_xor, one, true, power_32, false, xor_result.span());
    EXPECT_TRUE(size.negative);
    EXPECT_EQ(to_vector(xor_result.first(size.size)), (std::vector<Limb>{1, 1}));
    EXPECT_TRUE(xor_result.guard_intact());

    const std::vector<Limb> six = {6};
    const std::vector<Limb> three = {3};
    Buffer or_result(bitwise_size_bound(1, 1));
    size = bitwise(BitwiseOperation::bit_or, six, true, three, false, or_result.span());
    EXPECT_TRUE(size.negative);
    EXPECT_EQ(to_vector(or_result.first(size.size)), (std::vector<Limb>{5}));
}

}  // namespace
}  // namespace xipy::number::natural
