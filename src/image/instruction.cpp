// Decodes one bytecode instruction, bounds-checked, into its opcode and operand.
#include "image/instruction.hpp"

#include <cstddef>
#include <limits>
#include <string>

namespace xipy::image {

namespace {

constexpr std::uint8_t continuation_bit = 0x80;
constexpr std::uint8_t payload_mask = 0x7f;
constexpr std::uint8_t sign_bit = 0x40;

std::string hex_byte(std::uint8_t byte) {
    constexpr char digits[] = "0123456789abcdef";
    std::string text = "0x";
    text += digits[byte >> 4];
    text += digits[byte & 0xf];
    return text;
}

// Reads bytes from the span on behalf of one instruction, so that every
// error can name the instruction's start rather than the failing byte.
class OperandReader {
  public:
    OperandReader(std::span<const std::uint8_t> bytecode, std::size_t position, std::uint32_t start)
        : bytecode_(bytecode), position_(position), start_(start) {}

    std::size_t position() const { return position_; }

    support::Result<std::uint8_t> next_byte(std::string_view name) {
        if (position_ >= bytecode_.size()) {
            return support::make_error(start_, "truncated instruction " + std::string(name));
        }
        return bytecode_[position_++];
    }

    support::Result<std::uint32_t> var_uint(std::string_view name) {
        std::uint32_t value = 0;
        for (;;) {
            XIPY_TRY(std::uint8_t byte, next_byte(name));
            if (value > (std::numeric_limits<std::uint32_t>::max() >> 7)) {
                return too_large(name);
            }
            value = (value << 7) | (byte & payload_mask);
            if ((byte & continuation_bit) == 0) {
                return value;
            }
        }
    }

    // Bit 6 of the first byte is the sign; the value is built from there in
    // two's complement, as LOAD_CONST_SMALL_INT is encoded.
    support::Result<std::int64_t> signed_var_int(std::string_view name) {
        if (position_ < bytecode_.size() && (bytecode_[position_] & sign_bit) != 0) {
            return accumulate_signed(-1, name);
        }
        return accumulate_signed(0, name);
    }

    // Returns the relative offset; signed forms are stored with an excess.
    support::Result<std::int32_t> jump_offset(bool is_signed, std::string_view name) {
        XIPY_TRY(std::uint8_t first, next_byte(name));
        if ((first & continuation_bit) == 0) {
            return static_cast<std::int32_t>(first) - (is_signed ? 0x40 : 0);
        }
        XIPY_TRY(std::uint8_t second, next_byte(name));
        const std::int32_t raw = (first & payload_mask) | (static_cast<std::int32_t>(second) << 7);
        return raw - (is_signed ? 0x4000 : 0);
    }

  private:
    support::Error too_large(std::string_view name) const {
        return support::make_error(start_, "operand of " + std::string(name) + " too large");
    }

    support::Result<std::int64_t> accumulate_signed(std::int64_t value, std::string_view name) {
        constexpr std::int64_t limit = std::int64_t{1} << 56;
        for (;;) {
            XIPY_TRY(std::uint8_t byte, next_byte(name));
            if (value >= limit || value < -limit) {
                return too_large(name);
            }
            value = (value * 128) | (byte & payload_mask);
            if ((byte & continuation_bit) == 0) {
                return value;
            }
        }
    }

    std::span<const std::uint8_t> bytecode_;
    std::size_t position_;
    std::uint32_t start_;
};

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
    OperandReader reader(bytecode, std::size_t{offset} + 1, offset);
    const std::uint32_t implied = static_cast<std::uint32_t>(instruction.opcode - info.first_byte);
    switch (info.format) {
        case OperandFormat::none:
            break;
        case OperandFormat::qstr:
        case OperandFormat::var_uint:
        case OperandFormat::constant_index:
        case OperandFormat::child_index: {
            XIPY_TRY(instruction.operand, reader.var_uint(info.name));
            break;
        }
        case OperandFormat::signed_var_int: {
            XIPY_TRY(instruction.small_int, reader.signed_var_int(info.name));
            break;
        }
        case OperandFormat::jump_signed:
        case OperandFormat::jump_unsigned: {
            const bool is_signed = info.format == OperandFormat::jump_signed;
            XIPY_TRY(instruction.jump_offset, reader.jump_offset(is_signed, info.name));
            // The offset counts from the end of the jump operand; UNWIND_JUMP's
            // extra byte comes after that point.
            const std::int64_t target =
                static_cast<std::int64_t>(reader.position()) + instruction.jump_offset;
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
        XIPY_TRY(instruction.extra_byte, reader.next_byte(info.name));
    }
    instruction.length = static_cast<std::uint32_t>(reader.position() - offset);
    return instruction;
}

}  // namespace xipy::image
