// Float formatting against MicroPython 1.27's own output (vectors in data/).
#include "number/float_format.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "number/float_vectors.hpp"

namespace xipy::number {
namespace {

using testing::double_from_hex_bits;
using testing::read_vector_lines;

std::string repr(double value) {
    std::array<char, max_float_text_length> buffer{};
    std::size_t length = format_float_repr(value, buffer);
    return std::string(buffer.data(), length);
}

std::string format(double value, char conversion, int precision,
                   PositiveSign sign = PositiveSign::none) {
    std::array<char, max_float_text_length> buffer{};
    std::size_t length = format_float(value, conversion, precision, {sign}, buffer);
    return std::string(buffer.data(), length);
}

// Expected texts below were printed by the reference MicroPython 1.27.
TEST(FloatFormat, ReprOfKnownValues) {
    EXPECT_EQ(repr(9.7), "9.699999999999999");
    EXPECT_EQ(repr(0.1 + 0.2), "0.30000000000000004");
    EXPECT_EQ(repr(1e16), "1e+16");
    EXPECT_EQ(repr(1e15), "1000000000000000.0");
    EXPECT_EQ(repr(1e-5), "1e-05");
    EXPECT_EQ(repr(-0.0), "-0.0");
    EXPECT_EQ(repr(std::numeric_limits<double>::infinity()), "inf");
    EXPECT_EQ(repr(-std::numeric_limits<double>::infinity()), "-inf");
    EXPECT_EQ(repr(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(repr(5e-324), "4.940656458412465e-324");
}

TEST(FloatFormat, ConversionsOfKnownValues) {
    EXPECT_EQ(format(2.25, 'f', 1), "2.3");  // half-up, unlike CPython's "2.2"
    EXPECT_EQ(format(1.5e24, 'f', -1), "1500000000000000000000000.00000");
    EXPECT_EQ(format(1.5e26, 'f', -1), "1.5e+26");
    EXPECT_EQ(format(0.1, 'e', 25), "1.000000000000000000000000e-01");
    EXPECT_EQ(format(0.1, 'e', 25, PositiveSign::plus), "+1.00000000000000000000000e-01");
    EXPECT_EQ(format(1.0, 'f', -1, PositiveSign::space), " 1.000000");
    EXPECT_EQ(format(0.125, '%', 0), "13%");
    EXPECT_EQ(format(std::numeric_limits<double>::infinity(), 'F', -1), "INF");
    EXPECT_EQ(format(1e-20, 'G', -1), "1E-20");
    EXPECT_EQ(format(1.5, 'f', 1000), "1.50000000000000000000000000000");
    EXPECT_EQ(format(1e20, 'f', 1000), "100000000000000000000");
    EXPECT_EQ(format(-1e-20, 'f', 1000), "-0.00000000000000000001000000000");
    EXPECT_EQ(format(1.5, '%', 1000), "150%");
    EXPECT_EQ(format(1.5, 'e', std::numeric_limits<int>::max()), "1.500000000000000000000000e+00");
}

TEST(FloatFormat, ShortOutputBufferGetsTruncatedTextButFullLength) {
    std::array<char, 4> buffer{};
    EXPECT_EQ(format_float_repr(0.30000000000000004, buffer), 19u);
    EXPECT_EQ(std::string(buffer.data(), buffer.size()), "0.30");
}

TEST(FloatFormat, ReprMatchesReferenceVectors) {
    auto lines = read_vector_lines("float_repr_vectors.txt");
    ASSERT_GT(lines.size(), 1000u) << "missing data/float_repr_vectors.txt";
    int mismatches = 0;
    for (const auto& line : lines) {
        auto space = line.find(' ');
        ASSERT_NE(space, std::string::npos) << line;
        std::string expected = line.substr(space + 1);
        std::string actual = repr(double_from_hex_bits(line.substr(0, space)));
        ASSERT_LE(actual.size(), max_float_text_length);
        if (actual != expected && ++mismatches <= 20) {
            ADD_FAILURE() << line << " -> " << actual;
        }
    }
    EXPECT_EQ(mismatches, 0) << "of " << lines.size();
}

TEST(FloatFormat, ConversionsMatchReferenceVectors) {
    auto lines = read_vector_lines("float_format_vectors.txt");
    ASSERT_GT(lines.size(), 1000u) << "missing data/float_format_vectors.txt";
    int mismatches = 0;
    for (const auto& line : lines) {
        // bits|conversion|precision|sign|text (the text may contain '|' only as itself).
        std::size_t fields[4];
        std::size_t from = 0;
        for (auto& field : fields) {
            field = line.find('|', from);
            ASSERT_NE(field, std::string::npos) << line;
            from = field + 1;
        }
        double value = double_from_hex_bits(line.substr(0, fields[0]));
        char conversion = line[fields[0] + 1];
        int precision = std::stoi(line.substr(fields[1] + 1, fields[2] - fields[1] - 1));
        char sign_flag = line[fields[2] + 1];
        PositiveSign sign = sign_flag == '+'   ? PositiveSign::plus
                            : sign_flag == ' ' ? PositiveSign::space
                                               : PositiveSign::none;
        std::string expected = line.substr(fields[3] + 1);
        std::string actual = format(value, conversion, precision, sign);
        ASSERT_LE(actual.size(), max_float_text_length);
        if (actual != expected && ++mismatches <= 20) {
            ADD_FAILURE() << line << " -> " << actual;
        }
    }
    EXPECT_EQ(mismatches, 0) << "of " << lines.size();
}

}  // namespace
}  // namespace xipy::number
