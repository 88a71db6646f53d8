// Tests that the checked and unchecked operand readers agree, and what the checked one rejects.
#include "image/operand_reader.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace xipy::image {
namespace {

OperandReader<true> checked_reader(const std::vector<std::uint8_t>& bytes) {
    return OperandReader<true>(bytes.data(), bytes.data() + bytes.size());
}

// Both readers on the same valid bytes must give the same value and stop at the same byte.
void expect_var_uint(const std::vector<std::uint8_t>& bytes, std::uint32_t expected) {
    OperandReader<true> checked = checked_reader(bytes);
    EXPECT_EQ(checked.var_uint(), expected);
    EXPECT_EQ(checked.error(), OperandError::none);
    const std::uint8_t* position = bytes.data();
    EXPECT_EQ(read_var_uint(position), expected);
    EXPECT_EQ(position, checked.position());
    EXPECT_EQ(position, bytes.data() + bytes.size());
}

void expect_signed(const std::vector<std::uint8_t>& bytes, std::int64_t expected) {
    OperandReader<true> checked = checked_reader(bytes);
    EXPECT_EQ(checked.signed_var_int(), expected);
    EXPECT_EQ(checked.error(), OperandError::none);
    const std::uint8_t* position = bytes.data();
    EXPECT_EQ(read_signed_var_int(position), expected);
    EXPECT_EQ(position, checked.position());
    EXPECT_EQ(position, bytes.data() + bytes.size());
}

void expect_jump(const std::vector<std::uint8_t>& bytes, bool is_signed, std::int32_t expected) {
    OperandReader<true> checked = checked_reader(bytes);
    EXPECT_EQ(checked.jump_offset(is_signed), expected);
    EXPECT_EQ(checked.error(), OperandError::none);
    const std::uint8_t* position = bytes.data();
    EXPECT_EQ(read_jump_offset(position, is_signed), expected);
    EXPECT_EQ(position, checked.position());
    EXPECT_EQ(position, bytes.data() + bytes.size());
}

TEST(OperandReader, VarUints) {
    expect_var_uint({0x00}, 0);
    expect_var_uint({0x7f}, 127);
    expect_var_uint({0x82, 0x01}, 257);
    expect_var_uint({0x8f, 0xff, 0xff, 0xff, 0x7f}, std::numeric_limits<std::uint32_t>::max());
}

TEST(OperandReader, SignedVarInts) {
    expect_signed({0x3f}, 63);
    expect_signed({0x7f}, -1);
    expect_signed({0x40}, -64);
    expect_signed({0x80, 0x40}, 64);
    expect_signed({0xff, 0x00}, -128);
    expect_signed({0xf9, 0xf2, 0x60}, -100000);
}

TEST(OperandReader, Jumps) {
    expect_jump({0x05}, false, 5);
    expect_jump({0x05}, true, 5 - 0x40);
    expect_jump({0x81, 0x02}, false, 1 | (2 << 7));
    expect_jump({0x81, 0x02}, true, (1 | (2 << 7)) - 0x4000);
}

TEST(OperandReader, CheckedReportsTruncation) {
    const std::vector<std::uint8_t> continued = {0x81};
    OperandReader<true> var_uint = checked_reader(continued);
    var_uint.var_uint();
    EXPECT_EQ(var_uint.error(), OperandError::truncated);
    OperandReader<true> jump = checked_reader(continued);
    jump.jump_offset(true);
    EXPECT_EQ(jump.error(), OperandError::truncated);
    const std::vector<std::uint8_t> nothing;
    OperandReader<true> byte = checked_reader(nothing);
    EXPECT_EQ(byte.byte(), 0);
    EXPECT_EQ(byte.error(), OperandError::truncated);
    OperandReader<true> signed_value = checked_reader(nothing);
    signed_value.signed_var_int();
    EXPECT_EQ(signed_value.error(), OperandError::truncated);
}

TEST(OperandReader, CheckedReportsOverflow) {
    // Six groups: more than 32 bits.
    const std::vector<std::uint8_t> six_groups = {0x81, 0x80, 0x80, 0x80, 0x80, 0x00};
    OperandReader<true> var_uint = checked_reader(six_groups);
    var_uint.var_uint();
    EXPECT_EQ(var_uint.error(), OperandError::too_large);
    // Ten groups of a positive value: more than 64 bits.
    const std::vector<std::uint8_t> ten_groups = {0x81, 0x80, 0x80, 0x80, 0x80,
                                                  0x80, 0x80, 0x80, 0x80, 0x00};
    OperandReader<true> signed_value = checked_reader(ten_groups);
    signed_value.signed_var_int();
    EXPECT_EQ(signed_value.error(), OperandError::too_large);
}

TEST(OperandReader, AFailureSticks) {
    const std::vector<std::uint8_t> continued = {0x81};
    OperandReader<true> reader = checked_reader(continued);
    reader.var_uint();
    EXPECT_EQ(reader.byte(), 0);
    EXPECT_EQ(reader.var_uint(), 0u);
    EXPECT_EQ(reader.error(), OperandError::truncated);
}

// Random valid encodings of random values: both readers decode what was encoded.
TEST(OperandReader, RandomRoundTrips) {
    std::mt19937_64 random(12345);
    for (int round = 0; round < 2000; ++round) {
        const auto value = static_cast<std::uint32_t>(random());
        std::vector<std::uint8_t> bytes;
        for (int shift = 28; shift > 0; shift -= 7) {
            if ((value >> shift) != 0) {
                bytes.push_back(static_cast<std::uint8_t>(0x80 | ((value >> shift) & 0x7f)));
            }
        }
        bytes.push_back(static_cast<std::uint8_t>(value & 0x7f));
        expect_var_uint(bytes, value);

        const auto number = static_cast<std::int64_t>(random()) >> (random() % 60);
        std::vector<std::uint8_t> groups;
        std::int64_t rest = number;
        // Emit groups least significant first until the rest is the sign extension of bit 6.
        for (;;) {
            groups.insert(groups.begin(), static_cast<std::uint8_t>(rest & 0x7f));
            const bool negative = (rest & 0x40) != 0;
            rest >>= 7;
            if ((rest == 0 && !negative) || (rest == -1 && negative)) {
                break;
            }
        }
        for (std::size_t index = 0; index + 1 < groups.size(); ++index) {
            groups[index] |= 0x80;
        }
        expect_signed(groups, number);
    }
}

}  // namespace
}  // namespace xipy::image
