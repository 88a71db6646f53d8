// Checks complex text parsing and repr against MicroPython 1.27's output for the same inputs.
#include "object/complex_object.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace xipy::object {
namespace {

// repr(complex(text)) as the reference prints it, or "" when it raises ValueError.
std::string reparsed(std::string_view text) {
    auto parts = parse_complex(text);
    return parts ? std::string(std::string_view(ComplexText(*parts))) : std::string();
}

TEST(ComplexTest, ParsesWhatTheReferenceAccepts) {
    EXPECT_EQ(reparsed("1+2j"), "(1+2j)");
    EXPECT_EQ(reparsed("3j"), "3j");
    EXPECT_EQ(reparsed("-4.5"), "(-4.5+0j)");
    EXPECT_EQ(reparsed("  2-3j  "), "(2-3j)");
    EXPECT_EQ(reparsed("1e2j"), "100j");
    EXPECT_EQ(reparsed("j"), "1j");
    EXPECT_EQ(reparsed("-J"), "-1j");
    EXPECT_EQ(reparsed("+j"), "1j");
    EXPECT_EQ(reparsed("1+j"), "(1+1j)");
    EXPECT_EQ(reparsed("1-j "), "(1-1j)");
    EXPECT_EQ(reparsed("inf-nanj"), "(inf+nanj)");
    EXPECT_EQ(reparsed("1_0+1_0j"), "(10+10j)");
    EXPECT_EQ(reparsed("nan"), "(nan+0j)");
    EXPECT_EQ(reparsed("infinityj"), "infj");
    EXPECT_EQ(reparsed("1 2j"), "(1+2j)");
    EXPECT_EQ(reparsed(" 3 "), "(3+0j)");
}

TEST(ComplexTest, RejectsWhatTheReferenceRejects) {
    for (std::string_view text :
         {"1+2", "j+1x", " 1 + 2j ", "1 +", "(1+2j)", "1j2", "1e", "1+-2j", "+-1", "", "  "}) {
        EXPECT_FALSE(parse_complex(text).has_value()) << text;
    }
}

TEST(ComplexTest, ReprMatchesTheReference) {
    const double infinity = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(std::string_view(ComplexText({0.0, 1.0})), "1j");
    EXPECT_EQ(std::string_view(ComplexText({-0.0, -0.0})), "-0j");
    EXPECT_EQ(std::string_view(ComplexText({-0.0, 0.0})), "0j");
    EXPECT_EQ(std::string_view(ComplexText({1.0, 0.0})), "(1+0j)");
    EXPECT_EQ(std::string_view(ComplexText({1.5430806348152437, -0.0})), "(1.5430806348152437-0j)");
    EXPECT_EQ(std::string_view(ComplexText({1e20, 1e-20})), "(1e+20+1e-20j)");
    EXPECT_EQ(std::string_view(ComplexText({infinity, 1.0})), "(inf+1j)");
    EXPECT_EQ(std::string_view(ComplexText({1.0, nan})), "(1+nanj)");
    EXPECT_EQ(std::string_view(ComplexText({2.0, -infinity})), "(2-infj)");
    EXPECT_EQ(std::string_view(ComplexText({0.1 + 0.2, 9.7})),
              "(0.30000000000000004+9.699999999999999j)");
    EXPECT_EQ(std::string_view(ComplexText({0.0, 123456789.0})), "123456789j");
}

}  // namespace
}  // namespace xipy::object
