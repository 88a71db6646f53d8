// Tests of the opcode table: numbers, formats and stack effects against py/bc0.h and py/vm.c.
#include <gtest/gtest.h>

#include <set>

#include "image/opcodes.hpp"

namespace xipy::image {
namespace {

TEST(OpcodeTable, NamesMatchMicroPythonNumbers) {
    EXPECT_EQ(opcode_name(0x10), "LOAD_CONST_STRING");
    EXPECT_EQ(opcode_name(0x11), "LOAD_NAME");
    EXPECT_EQ(opcode_name(0x1c), "IMPORT_FROM");
    EXPECT_EQ(opcode_name(0x20), "MAKE_CLOSURE");
    EXPECT_EQ(opcode_name(0x23), "LOAD_CONST_OBJ");
    EXPECT_EQ(opcode_name(0x37), "CALL_METHOD_VAR_KW");
    EXPECT_EQ(opcode_name(0x40), "UNWIND_JUMP");
    EXPECT_EQ(opcode_name(0x4b), "FOR_ITER");
    EXPECT_EQ(opcode_name(0x5f), "GET_ITER_STACK");
    EXPECT_EQ(opcode_name(0x63), "RETURN_VALUE");
    EXPECT_EQ(opcode_name(0x69), "IMPORT_STAR");
    EXPECT_EQ(opcode_name(0x70), "LOAD_CONST_SMALL_INT_MULTI");
    EXPECT_EQ(opcode_name(0xaf), "LOAD_CONST_SMALL_INT_MULTI");
    EXPECT_EQ(opcode_name(0xbf), "LOAD_FAST_MULTI");
    EXPECT_EQ(opcode_name(0xc0), "STORE_FAST_MULTI");
    EXPECT_EQ(opcode_name(0xd3), "UNARY_OP_MULTI");
    EXPECT_EQ(opcode_name(0xd7), "BINARY_OP_MULTI");
    EXPECT_EQ(opcode_name(0xf9), "BINARY_OP_MULTI");
    EXPECT_EQ(static_cast<int>(Opcode::SETUP_WITH), 0x47);
}

TEST(OpcodeTable, UnassignedBytesAreExactlyTheReservedOnes) {
    std::set<int> expected;
    const auto add_range = [&](int first, int last) {
        for (int byte = first; byte <= last; ++byte) {
            expected.insert(byte);
        }
    };
    add_range(0x00, 0x0f);
    add_range(0x1d, 0x1f);
    add_range(0x38, 0x3f);
    add_range(0x41, 0x41);
    add_range(0x4c, 0x4f);
    add_range(0x60, 0x61);
    add_range(0x6a, 0x6f);
    add_range(0xd4, 0xd6);
    add_range(0xfa, 0xff);
    std::set<int> unassigned;
    for (int byte = 0; byte < 256; ++byte) {
        if (!is_opcode(static_cast<std::uint8_t>(byte))) {
            unassigned.insert(byte);
            EXPECT_TRUE(opcode_name(static_cast<std::uint8_t>(byte)).empty());
        }
    }
    EXPECT_EQ(unassigned, expected);
}

TEST(OpcodeTable, OperandFormats) {
    EXPECT_EQ(opcode_info(0x13).format, OperandFormat::qstr);
    EXPECT_EQ(opcode_info(0x22).format, OperandFormat::signed_var_int);
    EXPECT_EQ(opcode_info(0x23).format, OperandFormat::constant_index);
    EXPECT_EQ(opcode_info(0x32).format, OperandFormat::child_index);
    EXPECT_EQ(opcode_info(0x21).format, OperandFormat::child_index);
    EXPECT_TRUE(opcode_info(0x21).has_extra_byte);
    EXPECT_TRUE(opcode_info(0x40).has_extra_byte);
    EXPECT_FALSE(opcode_info(0x42).has_extra_byte);
    // Only these four jumps may go backwards (mpy-tool.py's ALL_OFFSET_SIGNED).
    for (int byte = 0x40; byte <= 0x4b; ++byte) {
        const OpcodeInfo& info = opcode_info(static_cast<std::uint8_t>(byte));
        if (!info.assigned) {
            continue;
        }
        const bool is_signed = byte == 0x40 || (byte >= 0x42 && byte <= 0x44);
        EXPECT_EQ(info.format,
                  is_signed ? OperandFormat::jump_signed : OperandFormat::jump_unsigned)
            << info.name;
    }
}

TEST(OpcodeTable, OperatorNames) {
    EXPECT_EQ(unary_operator_name(1), "__neg__");
    EXPECT_EQ(unary_operator_name(3), "<not>");
    EXPECT_EQ(unary_operator_name(4), "");
    EXPECT_EQ(binary_operator_name(0), "__lt__");
    EXPECT_EQ(binary_operator_name(8), "<exception match>");
    EXPECT_EQ(binary_operator_name(14), "__iadd__");
    EXPECT_EQ(binary_operator_name(27), "__add__");
    EXPECT_EQ(binary_operator_name(34), "__pow__");
    EXPECT_EQ(binary_operator_name(35), "");
}

TEST(OpcodeTable, FixedStackEffects) {
    EXPECT_EQ(stack_effect(0x51, 0, 0), 1);   // LOAD_CONST_NONE
    EXPECT_EQ(stack_effect(0x13, 7, 0), 0);   // LOAD_ATTR replaces the top
    EXPECT_EQ(stack_effect(0x14, 7, 0), 1);   // LOAD_METHOD pushes method and self
    EXPECT_EQ(stack_effect(0x15, 7, 0), -1);  // LOAD_SUPER_METHOD
    EXPECT_EQ(stack_effect(0x18, 7, 0), -2);  // STORE_ATTR
    EXPECT_EQ(stack_effect(0x56, 0, 0), -3);  // STORE_SUBSCR
    EXPECT_EQ(stack_effect(0x47, 9, 0), 2);   // SETUP_WITH
    EXPECT_EQ(stack_effect(0x5c, 0, 0), -2);  // WITH_CLEANUP
    EXPECT_EQ(stack_effect(0x5f, 0, 0), 3);   // GET_ITER_STACK: 4 slots for the iterator
    EXPECT_EQ(stack_effect(0x4b, 9, 0), 1);   // FOR_ITER falling through
    EXPECT_EQ(stack_effect(0x1b, 3, 0), -1);  // IMPORT_NAME
    EXPECT_EQ(stack_effect(0x68, 0, 0), -1);  // YIELD_FROM
    EXPECT_EQ(stack_effect(0x45, 3, 0), -1);  // JUMP_IF_TRUE_OR_POP falling through
    EXPECT_EQ(stack_effect(0x75, 0, 0), 1);   // LOAD_CONST_SMALL_INT_MULTI
    EXPECT_EQ(stack_effect(0xc3, 0, 0), -1);  // STORE_FAST_MULTI
    EXPECT_EQ(stack_effect(0xd1, 0, 0), 0);   // UNARY_OP_MULTI
    EXPECT_EQ(stack_effect(0xf2, 0, 0), -1);  // BINARY_OP_MULTI
}

TEST(OpcodeTable, OperandDependentStackEffects) {
    EXPECT_EQ(stack_effect(0x2a, 3, 0), -2);  // BUILD_TUPLE 3
    EXPECT_EQ(stack_effect(0x2a, 0, 0), 1);   // BUILD_TUPLE 0
    EXPECT_EQ(stack_effect(0x2e, 3, 0), -2);  // BUILD_SLICE 3
    EXPECT_EQ(stack_effect(0x30, 3, 0), 2);   // UNPACK_SEQUENCE 3
    // UNPACK_EX: 1 before the star, 2 after: pops 1, pushes 1 + 1 + 2.
    EXPECT_EQ(stack_effect(0x31, 0x0201, 0), 3);
    // CALL_FUNCTION with 2 positional and 1 keyword: pops function, 2, 2 * 1; pushes 1.
    EXPECT_EQ(stack_effect(0x34, 0x0102, 0), -4);
    EXPECT_EQ(stack_effect(0x35, 0x0102, 0), -5);  // plus the star/double-star bitmap
    EXPECT_EQ(stack_effect(0x36, 0x0102, 0), -5);  // plus self
    EXPECT_EQ(stack_effect(0x37, 0x0102, 0), -6);
    EXPECT_EQ(stack_effect(0x20, 0, 2), -1);             // MAKE_CLOSURE over 2 cells
    EXPECT_EQ(stack_effect(0x21, 0, 2), -3);             // plus default tuple and dict
    EXPECT_EQ(stack_effect(0x2f, (3 << 2) | 0, 0), -1);  // STORE_COMP list
    EXPECT_EQ(stack_effect(0x2f, (3 << 2) | 1, 0), -2);  // dict: key and value
    EXPECT_EQ(stack_effect(0x2f, (3 << 2) | 2, 0), -1);  // set
}

TEST(OpcodeTable, BranchStackEffects) {
    EXPECT_EQ(branch_stack_effect(0x43, 0), -1);  // POP_JUMP_IF_TRUE
    EXPECT_EQ(branch_stack_effect(0x45, 0), 0);   // JUMP_IF_TRUE_OR_POP keeps the value
    EXPECT_EQ(branch_stack_effect(0x4b, 0), -4);  // FOR_ITER drops the iterator
    EXPECT_EQ(branch_stack_effect(0x48, 0), 1);   // SETUP_EXCEPT: the exception
    EXPECT_EQ(branch_stack_effect(0x40, 0x81), -4);
    EXPECT_EQ(branch_stack_effect(0x40, 0x01), 0);
}

}  // namespace
}  // namespace xipy::image
