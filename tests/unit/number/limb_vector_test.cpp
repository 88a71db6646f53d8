// LimbVector: inline and heap storage through growth, copies, moves and shrinking.
#include <gtest/gtest.h>

#include <cstdint>
#include <utility>

#include "number/big_integer.hpp"
#include "number/limb_vector.hpp"

namespace xipy::number {
namespace {

LimbVector counting(std::size_t size) {
    LimbVector limbs(size);
    for (std::size_t index = 0; index < size; ++index) {
        limbs[index] = static_cast<natural::Limb>(index + 1);
    }
    return limbs;
}

void expect_counting(const LimbVector& limbs, std::size_t size) {
    ASSERT_EQ(limbs.size(), size);
    for (std::size_t index = 0; index < size; ++index) {
        EXPECT_EQ(limbs[index], index + 1) << index;
    }
}

TEST(LimbVector, GrowsZeroFilledAcrossTheInlineCapacity) {
    LimbVector limbs;
    EXPECT_TRUE(limbs.empty());
    for (std::size_t size = 1; size <= 3 * LimbVector::inline_capacity; ++size) {
        limbs.push_back(static_cast<natural::Limb>(size));
        expect_counting(limbs, size);
    }
    limbs.resize(2);
    limbs.resize(40);
    expect_counting(LimbVector(natural::Magnitude(limbs.data(), 2)), 2);
    for (std::size_t index = 2; index < 40; ++index) {
        EXPECT_EQ(limbs[index], 0u) << index;
    }
}

TEST(LimbVector, CopiesAndMovesKeepTheLimbsInlineOrOnTheHeap) {
    for (std::size_t size : {std::size_t{0}, std::size_t{3}, LimbVector::inline_capacity,
                             LimbVector::inline_capacity + 1, std::size_t{100}}) {
        LimbVector original = counting(size);
        LimbVector copy(original);
        expect_counting(copy, size);
        EXPECT_TRUE(copy == original);
        LimbVector moved(std::move(copy));
        expect_counting(moved, size);
        EXPECT_TRUE(copy.empty());
        LimbVector assigned = counting(7);
        assigned = original;
        expect_counting(assigned, size);
        LimbVector move_assigned = counting(50);
        move_assigned = std::move(moved);
        expect_counting(move_assigned, size);
        // The moved-from vector is usable again.
        moved.push_back(5);
        EXPECT_EQ(moved.size(), 1u);
        EXPECT_EQ(moved[0], 5u);
        expect_counting(original, size);
    }
}

TEST(LimbVector, BigIntegersAcrossTheInlineCapacityAgree) {
    // 2**255 is the widest inline value; its square and the carries across the boundary
    // reach the heap.
    BigInteger wide = BigInteger::from_int64(1) << 255;
    BigInteger square = wide * wide;
    EXPECT_EQ(square, BigInteger::from_int64(1) << 510);
    BigInteger all_ones = (BigInteger::from_int64(1) << 256) - BigInteger::from_int64(1);
    EXPECT_EQ(all_ones + BigInteger::from_int64(1), BigInteger::from_int64(1) << 256);
    EXPECT_EQ((all_ones >> 200).bit_length(), 56u);
    BigInteger copy = square;
    EXPECT_EQ(copy, square);
}

}  // namespace
}  // namespace xipy::number
