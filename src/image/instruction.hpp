// Decodes one bytecode instruction, bounds-checked, into its opcode and operand.
#pragma once

#include <cstdint>
#include <span>

#include "image/opcodes.hpp"
#include "support/result.hpp"

namespace xipy::image {

// One decoded instruction.
//
// Invariants for a value returned by decode_instruction(): `opcode` is an
// assigned byte, `length` >= 1 and offset + length <= the bytecode's size.
// Which operand field is meaningful depends on info().format:
//   qstr, var_uint, constant_index, child_index, implied_local,
//   implied_unary_operator, implied_binary_operator -> `operand`
//   signed_var_int, implied_small_int               -> `small_int`
//   jump_signed, jump_unsigned -> `jump_offset` (relative, as encoded) and
//                                 `jump_target` (absolute, 0 <= target <= size)
// `extra_byte` is meaningful when info().has_extra_byte.
// The fields are ordered widest last so that no padding sits between them: the verifier keeps
// one per instruction of the function it checks.
struct Instruction {
    std::uint32_t offset = 0;  // of the opcode byte, from the start of the bytecode
    std::uint32_t length = 0;  // opcode byte + operand bytes + extra byte
    std::uint32_t operand = 0;
    std::int32_t jump_offset = 0;
    std::uint32_t jump_target = 0;
    std::uint8_t opcode = 0;
    std::uint8_t extra_byte = 0;
    std::int64_t small_int = 0;

    const OpcodeInfo& info() const { return opcode_info(opcode); }
    std::uint32_t end() const { return offset + length; }
    // The stack change when execution falls through to the next instruction.
    std::int32_t stack_effect() const;
};

// Decodes the instruction starting at `offset` in `bytecode`. Never reads
// outside the span. Fails, naming `offset`, on an unassigned opcode byte, on
// an instruction cut off by the end of the span, on a var-uint that does not
// fit 32 bits (or a small int that does not fit 64), and on a jump whose
// target lies before the start or past the end of the span.
support::Result<Instruction> decode_instruction(std::span<const std::uint8_t> bytecode,
                                                std::uint32_t offset);

}  // namespace xipy::image
