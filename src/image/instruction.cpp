// Decodes one bytecode instruction, bounds-checked, into its opcode and operand.
#include "image/instruction.hpp"

#include <string>

#include "image/operand_reader.hpp"

namespace xipy::image {

namespace {

std::string hex_byte(std::uint8_t byte) {
    constexpr char digits[] = "0123456789abcdef";
    std::string text = "0x";
    text += digits[byte >> 4];
    text += digits[byte & 0xf];
    return text;
}

}  // namespace

std::int32_t Instruction::stack_effect() const {
    return image::stack_effect(opcode, operand, extra_byte);
}

support::Result<Instruction> decode_instruction(std::span<const std::uint8_t> bytecode,
                                                std::uint32_t offset) {
    if (offset >= bytecode.size()) {
        return support::make_error(offset, "instruction offset past the end of the bytecode");
    }
    Instruction instruction;
    instruction.offset = offset;
    instruction.opcode = bytecode[offset];
    const OpcodeInfo& info = instruction.info();
    if (!info.assigned) {
        return support::make_error(offset, "unknown opcode " + hex_byte(instruction.opcode));
    }
    // Every error names the instruction's start rather than the failing byte.
    OperandReader<true> reader(bytecode.data() + offset + 1, bytecode.data() + bytecode.size());
    const std::uint32_t implied = static_cast<std::uint32_t>(instruction.opcode - info.first_byte);
    switch (info.format) {
        case OperandFormat::none:
            break;
        case OperandFormat::qstr:
        case OperandFormat::var_uint:
        case OperandFormat::constant_index:
        case OperandFormat::child_index:
            instruction.operand = reader.var_uint();
            break;
        case OperandFormat::signed_var_int:
            instruction.small_int = reader.signed_var_int();
            break;
        case OperandFormat::jump_signed:
        case OperandFormat::jump_unsigned: {
            instruction.jump_offset = reader.jump_offset(info.format == OperandFormat::jump_signed);
            if (reader.error() != OperandError::none) {
                break;
            }
            // The offset counts from the end of the jump operand; UNWIND_JUMP's
            // extra byte comes after that point.
            const std::int64_t target =
                (reader.position() - bytecode.data()) + std::int64_t{instruction.jump_offset};
            if (target < 0 || static_cast<std::uint64_t>(target) > bytecode.size()) {
                return support::make_error(offset, "jump target " + std::to_string(target) +
                                                       " of " + std::string(info.name) +
                                                       " outside the bytecode");
            }
            instruction.jump_target = static_cast<std::uint32_t>(target);
            break;
        }
        case OperandFormat::implied_small_int:
            instruction.small_int = static_cast<std::int64_t>(implied) - small_int_multi_excess;
            break;
        case OperandFormat::implied_local:
        case OperandFormat::implied_unary_operator:
        case OperandFormat::implied_binary_operator:
            instruction.operand = implied;
            break;
    }
    if (info.has_extra_byte) {
        instruction.extra_byte = reader.byte();
    }
    switch (reader.error()) {
        case OperandError::none:
            break;
        case OperandError::truncated:
            return support::make_error(offset, "truncated instruction " + std::string(info.name));
        case OperandError::too_large:
            return support::make_error(offset,
                                       "operand of " + std::string(info.name) + " too large");
    }
    instruction.length = static_cast<std::uint32_t>(reader.position() - bytecode.data() - offset);
    return instruction;
}

}  // namespace xipy::image
