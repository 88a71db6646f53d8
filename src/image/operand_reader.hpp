// Reads bytecode operands (var-uint, signed var-int, jump offset): one definition, checked or not.
#pragma once

#include <cstdint>
#include <limits>

#include "support/inline.hpp"

namespace xipy::image {

// Why a checked read failed; unchecked reads never fail.
enum class OperandError : std::uint8_t { none, truncated, too_large };

// Reads the operand bytes that follow an opcode, in the encodings image/opcodes.hpp
// describes. The interpreter and the decoder (decode_instruction(), used by the verifier and
// the disassembler) both read operands through this one template, so the two can never
// disagree on an encoding.
//
// `checked` false: the bytes are trusted. The verifier has proved that every operand lies
// inside the bytecode and fits its type, so a read is only loads and shifts, which is what
// the interpreter's hot path needs; error() stays `none` and the end pointer is never read.
// `checked` true: every byte is compared with the end of the bytecode, and a var-uint that
// does not fit 32 bits or a signed var-int that does not fit 64 stops the read. The first
// failure sticks in error() and later reads give 0; the caller checks error() once at the end.
template <bool checked>
class OperandReader {
  public:
    constexpr OperandReader(const std::uint8_t* position, const std::uint8_t* end)
        : position_(position), end_(end) {}

    // Where the next read starts: after the operands read so far.
    constexpr const std::uint8_t* position() const { return position_; }
    constexpr OperandError error() const { return error_; }

    // One raw byte (MAKE_CLOSURE's and UNWIND_JUMP's extra byte).
    XIPY_ALWAYS_INLINE constexpr std::uint8_t byte() {
        if constexpr (checked) {
            if (error_ != OperandError::none) {
                return 0;
            }
            if (position_ == end_) {
                error_ = OperandError::truncated;
                return 0;
            }
        }
        return *position_++;
    }

    // 7 bits per byte, most significant group first, bit 7 set on every byte but the last.
    XIPY_ALWAYS_INLINE constexpr std::uint32_t var_uint() {
        std::uint32_t value = 0;
        std::uint8_t group;
        do {
            group = byte();
            if constexpr (checked) {
                if (error_ == OperandError::none &&
                    value > (std::numeric_limits<std::uint32_t>::max() >> 7)) {
                    error_ = OperandError::too_large;
                }
                if (error_ != OperandError::none) {
                    return 0;
                }
            }
            value = (value << 7) | (group & payload_mask);
        } while ((group & continuation_bit) != 0);
        return value;
    }

    // As var_uint(), but bit 6 of the first byte is the sign: the value starts as all ones or
    // all zeros and each group shifts in, which builds it in two's complement.
    constexpr std::int64_t signed_var_int() {
        std::uint64_t value = 0;
        if (!checked || position_ != end_) {
            value = (*position_ & sign_bit) != 0 ? ~std::uint64_t{0} : 0;
        }
        std::uint8_t group;
        do {
            group = byte();
            if constexpr (checked) {
                // A value in [-2^56, 2^56) still fits 64 bits after one more shift.
                constexpr std::int64_t limit = std::int64_t{1} << 56;
                const auto so_far = static_cast<std::int64_t>(value);
                if (error_ == OperandError::none && (so_far >= limit || so_far < -limit)) {
                    error_ = OperandError::too_large;
                }
                if (error_ != OperandError::none) {
                    return 0;
                }
            }
            value = (value << 7) | (group & payload_mask);
        } while ((group & continuation_bit) != 0);
        return static_cast<std::int64_t>(value);
    }

    // A jump's offset, relative to the end of the jump operand: one byte 0b0xxxxxxx or two
    // bytes 0b1xxxxxxx yyyyyyyy; signed jumps are stored with an excess of 0x40 or 0x4000.
    XIPY_ALWAYS_INLINE constexpr std::int32_t jump_offset(bool is_signed) {
        const std::uint8_t first = byte();
        if ((first & continuation_bit) == 0) {
            return static_cast<std::int32_t>(first) - (is_signed ? 0x40 : 0);
        }
        const std::uint8_t second = byte();
        const std::int32_t raw = (first & payload_mask) | (static_cast<std::int32_t>(second) << 7);
        return raw - (is_signed ? 0x4000 : 0);
    }

  private:
    static constexpr std::uint8_t continuation_bit = 0x80;
    static constexpr std::uint8_t payload_mask = 0x7f;
    static constexpr std::uint8_t sign_bit = 0x40;

    const std::uint8_t* position_;
    const std::uint8_t* end_;
    OperandError error_ = OperandError::none;
};

// The interpreter's reads of verified bytecode: each reads one operand at `instruction` and
// moves it past the operand.
XIPY_ALWAYS_INLINE inline std::uint32_t read_var_uint(const std::uint8_t*& instruction) {
    OperandReader<false> reader(instruction, nullptr);
    const std::uint32_t value = reader.var_uint();
    instruction = reader.position();
    return value;
}

inline std::int64_t read_signed_var_int(const std::uint8_t*& instruction) {
    OperandReader<false> reader(instruction, nullptr);
    const std::int64_t value = reader.signed_var_int();
    instruction = reader.position();
    return value;
}

XIPY_ALWAYS_INLINE inline std::int32_t read_jump_offset(const std::uint8_t*& instruction,
                                                        bool is_signed) {
    OperandReader<false> reader(instruction, nullptr);
    const std::int32_t offset = reader.jump_offset(is_signed);
    instruction = reader.position();
    return offset;
}

}  // namespace xipy::image
