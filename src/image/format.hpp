// The .mpy v6 container format: every constant the loader and later tools need, in one place.
#pragma once

#include <cstddef>
#include <cstdint>

namespace xipy::image::format {

// Header bytes 0..3: magic, major version, feature byte, small-int bits.
inline constexpr std::uint8_t magic = 'M';
inline constexpr std::uint8_t major_version = 6;
inline constexpr std::size_t header_size = 4;

// Feature byte (header byte 2).
inline constexpr std::uint8_t sub_version_mask = 0x03;    // bits 0-1
inline constexpr unsigned native_arch_shift = 2;          // bits 2-5
inline constexpr std::uint8_t native_arch_mask = 0x0F;    // after the shift
inline constexpr std::uint8_t arch_flags_present = 0x40;  // bit 6: a vuint follows
inline constexpr std::uint8_t maximum_sub_version = 3;
inline constexpr std::uint8_t native_arch_none = 0;

// The largest small-int width (header byte 3: value bits including the sign) that xipy loads.
// The byte says how wide the compiling host's small ints were, so how wide a
// LOAD_CONST_SMALL_INT operand may be. Like MicroPython, xipy refuses files from hosts with
// wider small ints than its own word size allows: 63 bits on 64-bit hosts, 31 on 32-bit hosts.
// mpy-cross (1.19 and 1.29) writes 31. Operands past the range a Value holds without allocating
// (support/small_int.hpp, 48 bits) still load; the VM makes them allocated ints. Int constants
// are classified by that range too (image.hpp, ConstantKind::small_int).
inline constexpr std::uint8_t maximum_small_int_bits = sizeof(void*) >= 8 ? 63 : 31;

// Raw-code header vuint: bits 0-1 kind, bit 2 "has children", the rest the data length.
inline constexpr std::uint32_t raw_code_kind_mask = 0x03;
inline constexpr std::uint32_t raw_code_has_children = 0x04;
inline constexpr unsigned raw_code_length_shift = 3;

// Raw-code kinds as stored (MP_CODE_BYTECODE and following, relative to bytecode).
inline constexpr std::uint8_t code_kind_bytecode = 0;
inline constexpr std::uint8_t code_kind_native_python = 1;
inline constexpr std::uint8_t code_kind_native_viper = 2;
inline constexpr std::uint8_t code_kind_native_asm = 3;

// Constant-object kind bytes (MP_PERSISTENT_OBJ_*). fun_table only occurs in native code.
inline constexpr std::uint8_t object_fun_table = 0;
inline constexpr std::uint8_t object_none = 1;
inline constexpr std::uint8_t object_false = 2;
inline constexpr std::uint8_t object_true = 3;
inline constexpr std::uint8_t object_ellipsis = 4;
inline constexpr std::uint8_t object_string = 5;
inline constexpr std::uint8_t object_bytes = 6;
inline constexpr std::uint8_t object_int = 7;
inline constexpr std::uint8_t object_float = 8;
inline constexpr std::uint8_t object_complex = 9;
inline constexpr std::uint8_t object_tuple = 10;

// A qstr entry starts with a vuint: odd means "static qstr id = value >> 1", even means an
// inline string of value >> 1 bytes followed by a NUL byte. Static id 0 is MicroPython's null
// qstr, which mpy-cross never writes, so the loader refuses it.
inline constexpr std::uint32_t qstr_static_flag = 1;

// Prelude signature, first byte xSSSSEAA, then xFSSKAED per extension byte (py/bc.h).
// Prelude size, bytes xIIIIIIC. Extension bytes are capped so every field fits 32 bits.
inline constexpr std::uint8_t vuint_continue = 0x80;
inline constexpr std::size_t maximum_signature_bytes = 14;  // S reaches bit 4 + 2*13 + 1 = 31
inline constexpr std::size_t maximum_size_bytes = 5;        // I reaches bit 6*4 + 5 = 29

// Scope flags (MP_SCOPE_FLAG_*, py/runtime0.h). The signature stores the low four
// (scope_flags_in_signature), one bit per extension byte.
inline constexpr std::uint32_t scope_flag_generator = 0x01;
inline constexpr std::uint32_t scope_flag_varkeywords = 0x02;
inline constexpr std::uint32_t scope_flag_varargs = 0x04;
inline constexpr std::uint32_t scope_flag_default_keyword_arguments = 0x08;
inline constexpr std::uint32_t scope_flags_in_signature = 0x0F;

// Line table entries (py/bc.h): 0LLBBBBB adds B bytecode bytes and L lines in one byte;
// 1LLLBBBB LLLLLLLL adds B bytes and an 11-bit L (high bits in the first byte) in two.
inline constexpr std::uint8_t line_entry_long = 0x80;
inline constexpr std::uint8_t line_short_offset_mask = 0x1F;
inline constexpr unsigned line_short_line_shift = 5;
inline constexpr std::uint8_t line_long_offset_mask = 0x0F;
inline constexpr std::uint8_t line_long_line_high_mask = 0x70;
inline constexpr std::uint32_t first_line = 1;

// Nesting limits, so a hostile file cannot exhaust the C++ stack: tuples inside constant tuples
// and raw codes inside raw codes. Real programs stay far below.
inline constexpr std::size_t maximum_nesting_depth = 64;

// Every raw code needs its header vuint plus at least a signature byte, a size byte and a
// name vuint, so a count of raw codes is bounded by the remaining bytes / this.
inline constexpr std::size_t minimum_raw_code_size = 4;

}  // namespace xipy::image::format
