// Targeted BigInteger tests: conversions at the int64/double edges and facts worked by hand.
#include <gtest/gtest.h>

#include <cfloat>
#include <cmath>
#include <cstdint>
#include <limits>

#include "number/big_integer.hpp"

namespace xipy::number {
namespace {

BigInteger parse(const char* text) {
    auto result = BigInteger::parse(text, 10);
    EXPECT_TRUE(result.ok()) << text;
    return result.ok() ? *result : BigInteger();
}

BigInteger power_of_two(std::uint64_t exponent) { return BigInteger::from_int64(1) << exponent; }

TEST(BigInteger, ZeroHasOneRepresentation) {
    BigInteger zero;
    EXPECT_TRUE(zero.is_zero());
    EXPECT_EQ(zero.sign(), 0);
    EXPECT_EQ(-zero, zero);
    EXPECT_FALSE((-zero).is_negative());
    EXPECT_EQ(parse("-0"), zero);
    EXPECT_EQ(BigInteger::from_int64(5) - BigInteger::from_int64(5), zero);
    EXPECT_FALSE((BigInteger::from_int64(-5) + BigInteger::from_int64(5)).is_negative());
    EXPECT_EQ(zero.to_string(16, true), "0x0");
    EXPECT_EQ(zero.bit_length(), 0u);
}

TEST(BigInteger, Int64Edges) {
    const std::int64_t minimum = std::numeric_limits<std::int64_t>::min();
    const std::int64_t maximum = std::numeric_limits<std::int64_t>::max();
    EXPECT_EQ(BigInteger::from_int64(minimum).to_string(), "-9223372036854775808");
    EXPECT_EQ(BigInteger::from_int64(maximum).to_string(), "9223372036854775807");
    EXPECT_EQ(BigInteger::from_uint64(std::numeric_limits<std::uint64_t>::max()).to_string(),
              "18446744073709551615");
    for (std::int64_t value :
         {minimum, minimum + 1, std::int64_t{-1}, std::int64_t{0}, std::int64_t{1}, maximum}) {
        BigInteger big = BigInteger::from_int64(value);
        ASSERT_TRUE(big.fits_in_int64()) << value;
        EXPECT_EQ(big.to_int64(), value);
    }
    EXPECT_FALSE(parse("9223372036854775808").fits_in_int64());
    EXPECT_FALSE(parse("-9223372036854775809").fits_in_int64());
    EXPECT_FALSE(parse("18446744073709551616").fits_in_int64());
    EXPECT_FALSE(parse("-18446744073709551616").fits_in_int64());
    EXPECT_TRUE(parse("-9223372036854775808").fits_in_int64());
}

TEST(BigInteger, ToDoubleRoundsHalfToEven) {
    // 2^53 + 1 lies halfway between 2^53 and 2^53 + 2: ties go to the even mantissa, 2^53.
    EXPECT_EQ((power_of_two(53) + BigInteger::from_int64(1)).to_double(), 9007199254740992.0);
    // 2^53 + 3 is halfway between 2^53 + 2 and 2^53 + 4: the even one is 2^53 + 4.
    EXPECT_EQ((power_of_two(53) + BigInteger::from_int64(3)).to_double(), 9007199254740996.0);
    // Halfway plus a far lower bit must round up: 2^80 + 2^27 + 1 -> 2^80 + 2^28.
    BigInteger above_half = power_of_two(80) + power_of_two(27) + BigInteger::from_int64(1);
    EXPECT_EQ(above_half.to_double(), std::ldexp(1.0, 80) + std::ldexp(1.0, 28));
    EXPECT_EQ((-above_half).to_double(), -(std::ldexp(1.0, 80) + std::ldexp(1.0, 28)));
    // The largest double is (2^53 - 1) * 2^971; 2^1024 - 2^970 is the tie above it, which
    // rounds to the even neighbour 2^1024, beyond the range.
    BigInteger largest = power_of_two(1024) - power_of_two(971);
    EXPECT_EQ(largest.to_double(), DBL_MAX);
    BigInteger tie = power_of_two(1024) - power_of_two(970);
    EXPECT_EQ((tie - BigInteger::from_int64(1)).to_double(), DBL_MAX);
    EXPECT_EQ(tie.to_double(), HUGE_VAL);
    EXPECT_EQ((-tie).to_double(), -HUGE_VAL);
    auto checked = tie.to_finite_double();
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().message, "int too large to convert to float");
    EXPECT_EQ(*largest.to_finite_double(), DBL_MAX);
}

TEST(BigInteger, FromDoubleTruncatesAndRejectsNonFinite) {
    EXPECT_EQ(BigInteger::from_double(-2.75)->to_string(), "-2");
    EXPECT_EQ(BigInteger::from_double(0.999)->to_string(), "0");
    EXPECT_EQ(*BigInteger::from_double(std::ldexp(1.0, 100)), power_of_two(100));
    EXPECT_EQ(*BigInteger::from_double(DBL_MAX), power_of_two(1024) - power_of_two(971));
    auto infinite = BigInteger::from_double(-HUGE_VAL);
    ASSERT_FALSE(infinite.ok());
    EXPECT_EQ(infinite.error().message, "can't convert inf to int");
    auto not_a_number = BigInteger::from_double(std::nan(""));
    ASSERT_FALSE(not_a_number.ok());
    EXPECT_EQ(not_a_number.error().message, "can't convert NaN to int");
}

TEST(BigInteger, DivisionByZeroReportsMicroPythonText) {
    BigInteger one = BigInteger::from_int64(1);
    BigInteger zero;
    EXPECT_EQ(floor_divide(one, zero).error().message, "divide by zero");
    EXPECT_EQ(modulo(one, zero).error().message, "divide by zero");
    EXPECT_EQ(divide_with_remainder(one, zero).error().message, "divide by zero");
    EXPECT_EQ(true_divide(one, zero).error().message, "divide by zero");
    EXPECT_EQ(power_modulo(one, one, zero).error().message, "divide by zero");
}

TEST(BigInteger, ShiftRightFloorsNegatives) {
    // -5 >> 1 == -3 and -4 >> 1 == -2; huge shifts give -1 and 0.
    EXPECT_EQ((BigInteger::from_int64(-5) >> 1).to_int64(), -3);
    EXPECT_EQ((BigInteger::from_int64(-4) >> 1).to_int64(), -2);
    EXPECT_EQ((BigInteger::from_int64(-4) >> std::numeric_limits<std::uint64_t>::max()).to_int64(),
              -1);
    EXPECT_TRUE((BigInteger::from_int64(4) >> std::numeric_limits<std::uint64_t>::max()).is_zero());
}

TEST(BigInteger, ComparesExactlyWithDoubles) {
    BigInteger above = power_of_two(53) + BigInteger::from_int64(1);
    EXPECT_EQ(above.compare(9007199254740992.0), std::partial_ordering::greater);
    EXPECT_EQ(power_of_two(53).compare(9007199254740992.0), std::partial_ordering::equivalent);
    EXPECT_EQ(BigInteger::from_int64(2).compare(2.5), std::partial_ordering::less);
    EXPECT_EQ(BigInteger::from_int64(-2).compare(-2.5), std::partial_ordering::greater);
    EXPECT_EQ(power_of_two(5000).compare(HUGE_VAL), std::partial_ordering::less);
    EXPECT_EQ(power_of_two(5000).compare(std::nan("")), std::partial_ordering::unordered);
}

TEST(BigInteger, TextInEveryBaseRoundTrips) {
    BigInteger value = parse("-123456789012345678901234567890123456789");
    for (int base = 2; base <= 36; ++base) {
        std::string text(value.to_string(base));
        auto back = BigInteger::parse(text, base);
        ASSERT_TRUE(back.ok()) << base;
        EXPECT_EQ(*back, value) << base;
    }
    // MicroPython's int('5hy8cqpp6qj5vz0m8iov0uej9', 36) gives the magnitude back.
    EXPECT_EQ(value.to_string(36), "-5hy8cqpp6qj5vz0m8iov0uej9");
}

// The text written on the C stack is to_string()'s, short or long, with sign and prefix.
TEST(BigIntegerText, MatchesToStringShortAndLong) {
    const BigInteger values[] = {BigInteger::parse("-12345678901234567890123", 10).value(),
                                 BigInteger::parse(std::string(700, '7'), 10).value(),
                                 BigInteger::parse("-" + std::string(400, '9'), 10).value()};
    for (const BigInteger& value : values) {
        for (int base : {2, 8, 10, 16, 36}) {
            for (bool prefix : {false, true}) {
                const BigIntegerText text(value, base, prefix);
                EXPECT_EQ(text.view(), value.to_string(base, prefix)) << base << prefix;
                EXPECT_LE(text.view().size(), value.text_bound(base));
            }
        }
    }
    EXPECT_EQ(BigIntegerText(BigInteger::parse("-255", 10).value(), 16, true).view(), "-0xff");
}

}  // namespace
}  // namespace xipy::number
