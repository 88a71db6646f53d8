// Float parsing against MicroPython 1.27's own results (vectors in data/).
#include "number/float_parse.hpp"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include "number/float_vectors.hpp"
#include "number/float_wide.hpp"

namespace xipy::number {
namespace {

using testing::read_vector_lines;

std::uint64_t bits_of(double value) { return std::bit_cast<std::uint64_t>(value); }

TEST(FloatParse, AcceptsMicroPythonSyntax) {
    EXPECT_EQ(*parse_float(" \t-1_000.5e-1\r\n"), -100.05);
    EXPECT_EQ(*parse_float("."), 0.0);  // the reference accepts a lone point
    EXPECT_EQ(*parse_float("e5"), 0.0);
    EXPECT_EQ(*parse_float("1e5_0"), 1e50);
    EXPECT_TRUE(std::isinf(*parse_float("-INFINITY")));
    EXPECT_TRUE(std::isnan(*parse_float("nAn")));
    EXPECT_EQ(*parse_float("1e99999999999999999999"), INFINITY);
}

TEST(FloatParse, RejectsWithMicroPythonMessage) {
    for (const char* text : {"", " ", "-", "1e", "1e+", "infx", "1.2.3", "0x10", "1j", "1 2"}) {
        auto result = parse_float(text);
        ASSERT_FALSE(result.ok()) << text;
        EXPECT_EQ(result.error().message, "invalid syntax for number") << text;
    }
}

TEST(FloatParse, KeepsOnlyNineteenDigitsLikeTheReference) {
    // 2^53 + 1 exactly, plus a tiny fraction: correctly rounded it is 2^53 + 2, but the
    // digits after the 19th are dropped, leaving an exact tie that rounds to even.
    EXPECT_EQ(bits_of(*parse_float("9007199254740993.0000000000001")), 0x4340000000000000u);
}

TEST(FloatParse, WideFloatRoundsLikeBinary128) {
    // 1/3 rounded to 113 bits, then to 53 bits, is the double nearest 1/3.
    WideFloat third = WideFloat::from_unsigned(1) / WideFloat::from_unsigned(3);
    EXPECT_EQ(third.to_double(), 1.0 / 3.0);
    // 2^64 - 1 needs 64 bits; truncation gives it back unchanged.
    WideFloat large = WideFloat::from_unsigned(UINT64_MAX);
    EXPECT_EQ(large.to_unsigned_truncated(), UINT64_MAX);
    // Conversion to double ties to even, for normal and subnormal results alike.
    EXPECT_EQ(WideFloat::from_unsigned((1ull << 53) + 1).to_double(), 0x1p53);
    EXPECT_EQ(WideFloat::from_unsigned((1ull << 53) + 3).to_double(), 0x1p53 + 4);
    WideFloat smallest = WideFloat::from_double(0x1p-1074);
    WideFloat two = WideFloat::from_unsigned(2);
    EXPECT_EQ((smallest / two).to_double(), 0.0);
    EXPECT_EQ((smallest * WideFloat::from_unsigned(3) / two).to_double(), 0x1p-1073);
    EXPECT_EQ(scale_by_power_of_ten(WideFloat::from_unsigned(7), -2).to_double(), 0.07);
}

TEST(FloatParse, MatchesReferenceVectors) {
    auto lines = read_vector_lines("float_parse_vectors.txt");
    ASSERT_GT(lines.size(), 1000u) << "missing data/float_parse_vectors.txt";
    int mismatches = 0;
    for (const auto& line : lines) {
        auto space = line.find(' ');
        ASSERT_NE(space, std::string::npos) << line;
        std::string hex = line.substr(0, space);
        std::string expected = line.substr(space + 1);
        std::string text;
        if (hex != "-") {
            for (std::size_t index = 0; index + 1 < hex.size(); index += 2) {
                text.push_back(static_cast<char>(std::stoi(hex.substr(index, 2), nullptr, 16)));
            }
        }
        auto result = parse_float(text);
        std::string actual;
        if (result.ok()) {
            char bits[17];
            std::snprintf(bits, sizeof bits, "%016llx",
                          static_cast<unsigned long long>(bits_of(*result)));
            actual = bits;
        } else {
            actual = "ValueError:" + result.error().message;
        }
        if (actual != expected && ++mismatches <= 20) {
            ADD_FAILURE() << line << " -> " << actual;
        }
    }
    EXPECT_EQ(mismatches, 0) << "of " << lines.size();
}

}  // namespace
}  // namespace xipy::number
