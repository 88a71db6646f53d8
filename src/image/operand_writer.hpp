// Writes bytecode operands and .mpy var-uints: the encodings of image/opcodes.hpp, from the
// writer's side.
#pragma once

#include <cstddef>
#include <cstdint>

namespace xipy::image {

// The largest jump offset (after its excess) that the one-byte form holds, and the two-byte
// form's; past the latter MicroPython reports "bytecode overflow".
inline constexpr std::int64_t jump_one_byte_limit = 0x7f;
inline constexpr std::int64_t jump_two_byte_limit = 0x7fff;
// What signed jumps add to their offset in the one- and two-byte forms.
inline constexpr std::int64_t jump_one_byte_excess = 0x40;
inline constexpr std::int64_t jump_two_byte_excess = 0x4000;

// The writers append to any vector of bytes (`Bytes`): the compiler's live in scratch memory,
// a tool's may be plain std::vectors.

// Appends `value` as a var-uint: 7 bits per byte, most significant group first, bit 7 set on
// every byte but the last. This is also the container's vuint (counts, lengths, qstr heads).
template <class Bytes>
void append_var_uint(Bytes& out, std::uint64_t value) {
    std::uint8_t groups[10];
    std::size_t count = 0;
    do {
        groups[count++] = static_cast<std::uint8_t>(value & 0x7f);
        value >>= 7;
    } while (value != 0);
    while (count > 1) {
        out.push_back(static_cast<std::uint8_t>(groups[--count] | 0x80));
    }
    out.push_back(groups[0]);
}

// How many bytes append_var_uint() writes for `value`.
inline std::size_t var_uint_size(std::uint64_t value) {
    std::size_t count = 1;
    while ((value >>= 7) != 0) {
        ++count;
    }
    return count;
}

// Appends LOAD_CONST_SMALL_INT's operand: as a var-uint of the two's complement groups, with
// one more group when bit 6 of the first group would not already show the sign.
template <class Bytes>
void append_signed_var_int(Bytes& out, std::int64_t value) {
    std::uint8_t groups[11];
    std::size_t count = 0;
    do {
        groups[count++] = static_cast<std::uint8_t>(value & 0x7f);
        value >>= 7;  // arithmetic: stops at 0 or -1
    } while (value != 0 && value != -1);
    const bool sign_shown = (groups[count - 1] & 0x40) != 0;
    if (value == -1 && !sign_shown) {
        groups[count++] = 0x7f;
    } else if (value == 0 && sign_shown) {
        groups[count++] = 0;
    }
    while (count > 1) {
        out.push_back(static_cast<std::uint8_t>(groups[--count] | 0x80));
    }
    out.push_back(groups[0]);
}

// Whether a jump whose target lies `distance` bytes after the end of a one-byte jump operand
// fits the one-byte form.
constexpr bool jump_fits_one_byte(std::int64_t distance, bool is_signed) {
    return is_signed ? (-jump_one_byte_excess <= distance && distance < jump_one_byte_excess)
                     : (0 <= distance && distance <= jump_one_byte_limit);
}

// Appends a jump operand holding `offset` (relative to the end of the operand) in the one- or
// two-byte form. Returns false when the offset does not fit the chosen form.
template <class Bytes>
bool append_jump_offset(Bytes& out, std::int64_t offset, bool is_signed, bool one_byte) {
    if (one_byte) {
        const std::int64_t stored = offset + (is_signed ? jump_one_byte_excess : 0);
        out.push_back(static_cast<std::uint8_t>(stored & 0x7f));
        return 0 <= stored && stored <= jump_one_byte_limit;
    }
    const std::int64_t stored = offset + (is_signed ? jump_two_byte_excess : 0);
    out.push_back(static_cast<std::uint8_t>(0x80 | (stored & 0x7f)));
    out.push_back(static_cast<std::uint8_t>((stored >> 7) & 0xff));
    return 0 <= stored && stored <= jump_two_byte_limit;
}

}  // namespace xipy::image
