// Tests for ByteReader (bounds, vuint decoding, offsets) and the UTF-8 check.
#include "support/byte_reader.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "support/utf8.hpp"

namespace xipy::support {
namespace {

TEST(ByteReader, ReadsBytesUntilTheEnd) {
    const std::array<std::uint8_t, 2> bytes = {0x12, 0x34};
    ByteReader reader(bytes);
    auto first = reader.read_byte("first");
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first.value(), 0x12);
    auto second = reader.read_byte("second");
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.value(), 0x34);
    EXPECT_TRUE(reader.at_end());
    auto third = reader.read_byte("thing");
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().message, "unexpected end of file while reading thing");
    EXPECT_EQ(third.error().offset, 2u);
}

TEST(ByteReader, DecodesVuintsMostSignificantGroupFirst) {
    // 0x81 0x00 = 1 << 7; 0x7F = 127; 0x8F 0xFF 0xFF 0xFF 0x7F = 0xFFFFFFFF.
    const std::array<std::uint8_t, 8> bytes = {0x81, 0x00, 0x7F, 0x8F, 0xFF, 0xFF, 0xFF, 0x7F};
    ByteReader reader(bytes);
    EXPECT_EQ(reader.read_vuint("a").value(), 128u);
    EXPECT_EQ(reader.read_vuint("b").value(), 127u);
    EXPECT_EQ(reader.read_vuint("c").value(), 0xFFFFFFFFu);
    EXPECT_TRUE(reader.at_end());
}

TEST(ByteReader, RefusesVuintsAbove32Bits) {
    // 0x90 then four full groups is 2^32.
    const std::array<std::uint8_t, 5> bytes = {0x90, 0x80, 0x80, 0x80, 0x00};
    ByteReader reader(bytes, 100);
    auto value = reader.read_vuint("length");
    ASSERT_FALSE(value.ok());
    EXPECT_EQ(value.error().message, "length does not fit in 32 bits");
    EXPECT_EQ(value.error().offset, 100u);
    EXPECT_EQ(reader.position(), 0u);
}

TEST(ByteReader, LongRunsOfZeroGroupsStayBounded) {
    std::vector<std::uint8_t> bytes(1000, 0x80);
    bytes.push_back(0x05);
    ByteReader reader(bytes);
    EXPECT_EQ(reader.read_vuint("x").value(), 5u);
}

TEST(ByteReader, TruncatedVuintReportsEndAndRewinds) {
    const std::array<std::uint8_t, 2> bytes = {0x81, 0x82};
    ByteReader reader(bytes);
    auto value = reader.read_vuint("count");
    ASSERT_FALSE(value.ok());
    EXPECT_EQ(value.error().message, "unexpected end of file while reading count");
    EXPECT_EQ(reader.position(), 0u);
}

TEST(ByteReader, ReadBytesChecksLengthWithoutOverflow) {
    const std::array<std::uint8_t, 4> bytes = {1, 2, 3, 4};
    ByteReader reader(bytes);
    ASSERT_TRUE(reader.read_byte("x").ok());
    auto huge = reader.read_bytes(static_cast<std::size_t>(-1), "blob");
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().offset, 1u);
    EXPECT_NE(huge.error().message.find("exceeds file"), std::string::npos);
    auto rest = reader.read_bytes(3, "blob");
    ASSERT_TRUE(rest.ok());
    EXPECT_EQ(rest.value().size(), 3u);
    EXPECT_EQ(rest.value()[0], 2);
}

TEST(ByteReader, WindowsReportWholeInputOffsetsAndTheirOwnName) {
    const std::array<std::uint8_t, 5> bytes = {9, 8, 7, 6, 5};
    ByteReader reader(bytes, 10);
    ASSERT_TRUE(reader.read_byte("x").ok());
    auto window = reader.read_window(2, "code info");
    ASSERT_TRUE(window.ok());
    EXPECT_EQ(reader.offset(), 13u);
    ByteReader inner = window.value();
    EXPECT_EQ(inner.offset(), 11u);
    EXPECT_EQ(inner.read_byte("a").value(), 8);
    EXPECT_EQ(inner.read_byte("b").value(), 7);
    auto past = inner.read_byte("name");
    ASSERT_FALSE(past.ok());
    EXPECT_EQ(past.error().message, "unexpected end of code info while reading name");
    EXPECT_EQ(past.error().offset, 13u);
}

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid_utf8(""));
    EXPECT_TRUE(is_valid_utf8("plain ascii"));
    EXPECT_TRUE(is_valid_utf8("h\xC3\xA9llo"));      // U+00E9
    EXPECT_TRUE(is_valid_utf8("\xE1\x88\xB4"));      // U+1234
    EXPECT_TRUE(is_valid_utf8("\xF0\x9F\x98\x80"));  // U+1F600
    EXPECT_TRUE(is_valid_utf8("\xED\xA0\x80"));      // lone surrogate, as MicroPython stores
    EXPECT_TRUE(is_valid_utf8(std::string_view("a\0b", 3)));
}

TEST(Utf8, RejectsMalformedText) {
    EXPECT_FALSE(is_valid_utf8("\x80"));              // stray continuation
    EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated at end
    EXPECT_FALSE(is_valid_utf8("\xE1\x88"));          // truncated at end
    EXPECT_FALSE(is_valid_utf8("\xC3\x41"));          // bad continuation
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));      // overlong '/'
    EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    EXPECT_FALSE(is_valid_utf8("\xFF"));
}

}  // namespace
}  // namespace xipy::support
