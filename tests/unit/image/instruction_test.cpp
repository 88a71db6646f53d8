// Tests of decode_instruction on hand-made byte sequences, truncations and random input.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "image/instruction.hpp"

namespace xipy::image {
namespace {

Instruction decode_ok(const std::vector<std::uint8_t>& bytes, std::uint32_t offset = 0) {
    auto result = decode_instruction(bytes, offset);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().describe());
    return result.ok() ? *result : Instruction{};
}

support::Error decode_error(const std::vector<std::uint8_t>& bytes, std::uint32_t offset = 0) {
    auto result = decode_instruction(bytes, offset);
    EXPECT_FALSE(result.ok());
    return result.ok() ? support::Error{} : result.error();
}

TEST(DecodeInstruction, NoOperand) {
    const Instruction instruction = decode_ok({0x51});
    EXPECT_EQ(instruction.opcode, 0x51);
    EXPECT_EQ(instruction.info().name, "LOAD_CONST_NONE");
    EXPECT_EQ(instruction.length, 1u);
}

TEST(DecodeInstruction, QstrIsVarUintIndex) {
    // 0x82 0x01: two 7-bit groups, 2 then 1: 2 * 128 + 1.
    const Instruction instruction = decode_ok({0x11, 0x82, 0x01});
    EXPECT_EQ(instruction.operand, 257u);
    EXPECT_EQ(instruction.length, 3u);
}

TEST(DecodeInstruction, VarUintConstantAndChild) {
    EXPECT_EQ(decode_ok({0x24, 0x05}).operand, 5u);
    EXPECT_EQ(decode_ok({0x23, 0x03}).operand, 3u);
    const Instruction function = decode_ok({0x32, 0x01});
    EXPECT_EQ(function.info().format, OperandFormat::child_index);
    EXPECT_EQ(function.operand, 1u);
}

TEST(DecodeInstruction, SignedSmallInts) {
    EXPECT_EQ(decode_ok({0x22, 0x3f}).small_int, 63);
    EXPECT_EQ(decode_ok({0x22, 0x7f}).small_int, -1);
    EXPECT_EQ(decode_ok({0x22, 0x40}).small_int, -64);
    // A leading 0x80 group keeps a value with bit 6 set positive.
    EXPECT_EQ(decode_ok({0x22, 0x80, 0x40}).small_int, 64);
    EXPECT_EQ(decode_ok({0x22, 0xff, 0x00}).small_int, -128);
    // -100000 = -7 * 16384 + 114 * 128 + 96.
    const Instruction instruction = decode_ok({0x22, 0xf9, 0xf2, 0x60});
    EXPECT_EQ(instruction.small_int, -100000);
    EXPECT_EQ(instruction.length, 4u);
}

TEST(DecodeInstruction, ClosureHasExtraByte) {
    const Instruction instruction = decode_ok({0x20, 0x00, 0x02});
    EXPECT_EQ(instruction.operand, 0u);
    EXPECT_EQ(instruction.extra_byte, 2);
    EXPECT_EQ(instruction.length, 3u);
    EXPECT_EQ(instruction.stack_effect(), -1);
}

TEST(DecodeInstruction, SignedJumpsOneByte) {
    // Excess 0x40: 0x40 is "jump by 0", to the end of the instruction.
    EXPECT_EQ(decode_ok({0x42, 0x40}).jump_target, 2u);
    // Backwards by 3 from offset 3 reaches offset 0.
    const Instruction backwards = decode_ok({0x51, 0x42, 0x3d}, 1);
    EXPECT_EQ(backwards.jump_offset, -3);
    EXPECT_EQ(backwards.jump_target, 0u);
}

TEST(DecodeInstruction, JumpsTwoBytes) {
    // Signed: (0x00 | 0x80 << 7) - 0x4000 = 0.
    const Instruction signed_jump = decode_ok({0x42, 0x80, 0x80});
    EXPECT_EQ(signed_jump.length, 3u);
    EXPECT_EQ(signed_jump.jump_target, 3u);
    // Unsigned: 0x01 | 0x01 << 7 = 129, target 3 + 129.
    std::vector<std::uint8_t> bytes = {0x4b, 0x81, 0x01};
    bytes.resize(132, 0x51);
    const Instruction for_iter = decode_ok(bytes);
    EXPECT_EQ(for_iter.jump_offset, 129);
    EXPECT_EQ(for_iter.jump_target, 132u);
}

TEST(DecodeInstruction, UnsignedJumpHasNoExcess) {
    EXPECT_EQ(decode_ok({0x45, 0x02, 0x51, 0x51}).jump_target, 4u);
}

TEST(DecodeInstruction, UnwindJumpTargetCountsBeforeExtraByte) {
    const Instruction instruction = decode_ok({0x40, 0x41, 0x81, 0x51});
    EXPECT_EQ(instruction.jump_target, 3u);
    EXPECT_EQ(instruction.extra_byte, 0x81);
    EXPECT_EQ(instruction.length, 3u);
}

TEST(DecodeInstruction, ImpliedOperands) {
    EXPECT_EQ(decode_ok({0x70}).small_int, -16);
    EXPECT_EQ(decode_ok({0x80}).small_int, 0);
    EXPECT_EQ(decode_ok({0xaf}).small_int, 47);
    EXPECT_EQ(decode_ok({0xb3}).operand, 3u);
    EXPECT_EQ(decode_ok({0xc5}).operand, 5u);
    const Instruction negate = decode_ok({0xd1});
    EXPECT_EQ(negate.operand, 1u);
    EXPECT_EQ(unary_operator_name(negate.operand), "__neg__");
    const Instruction add = decode_ok({0xf2});
    EXPECT_EQ(add.operand, 27u);
    EXPECT_EQ(binary_operator_name(add.operand), "__add__");
}

TEST(DecodeInstruction, TruncatedInstructionsNameTheirOffset) {
    const std::vector<std::vector<std::uint8_t>> cases = {
        {0x51, 0x11},       {0x51, 0x11, 0x80}, {0x51, 0x42},       {0x51, 0x42, 0x80},
        {0x51, 0x20, 0x00}, {0x51, 0x22, 0xff}, {0x51, 0x40, 0x40},
    };
    for (const auto& bytes : cases) {
        const support::Error error = decode_error(bytes, 1);
        EXPECT_EQ(error.offset, 1u);
        EXPECT_NE(error.message.find("truncated"), std::string::npos) << error.message;
    }
}

TEST(DecodeInstruction, UnknownOpcodesNameTheByte) {
    EXPECT_EQ(decode_error({0x00}).message, "unknown opcode 0x00");
    EXPECT_EQ(decode_error({0x51, 0xd4}, 1).message, "unknown opcode 0xd4");
    EXPECT_EQ(decode_error({0x51, 0xd4}, 1).offset, 1u);
    EXPECT_EQ(decode_error({0xfa}).message, "unknown opcode 0xfa");
}

TEST(DecodeInstruction, RejectsOversizedOperandsAndWildJumps) {
    EXPECT_NE(decode_error({0x24, 0xff, 0xff, 0xff, 0xff, 0x7f}).message.find("too large"),
              std::string::npos);
    EXPECT_EQ(decode_ok({0x24, 0x8f, 0xff, 0xff, 0xff, 0x7f}).operand, 0xffffffffu);
    // 0x00 is -64: before the start.
    EXPECT_NE(decode_error({0x42, 0x00}).message.find("outside the bytecode"), std::string::npos);
    // Forward past the end.
    EXPECT_NE(decode_error({0x48, 0x05}).message.find("outside the bytecode"), std::string::npos);
    EXPECT_NE(decode_error({0x51}, 1).message.find("past the end"), std::string::npos);
}

TEST(DecodeInstruction, NeverReadsPastTheSpanOnRandomInput) {
    // Each case lives in its own exactly-sized heap buffer, so the address
    // sanitizer reports any read past its end.
    std::mt19937 generator(12345);
    std::uniform_int_distribution<int> byte_distribution(0, 255);
    std::uniform_int_distribution<int> length_distribution(0, 8);
    for (int first = 0; first < 256; ++first) {
        for (int round = 0; round < 64; ++round) {
            std::vector<std::uint8_t> bytes(1 + length_distribution(generator));
            bytes[0] = static_cast<std::uint8_t>(first);
            for (std::size_t index = 1; index < bytes.size(); ++index) {
                bytes[index] = static_cast<std::uint8_t>(byte_distribution(generator));
            }
            auto result = decode_instruction(bytes, 0);
            if (result.ok()) {
                EXPECT_GE(result->length, 1u);
                EXPECT_LE(result->end(), bytes.size());
                EXPECT_LE(result->jump_target, bytes.size());
            } else {
                EXPECT_EQ(result.error().offset, 0u);
            }
        }
    }
}

}  // namespace
}  // namespace xipy::image
