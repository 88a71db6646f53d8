// The range of ints xipy holds without allocating: one fact shared by the loader and the values.
#pragma once

#include <cstdint>

namespace xipy::support {

// A small int is an int that a VM keeps inside its Value word, so making one never allocates.
// The 64-bit word NaN-boxes it in the 48-bit payload under its 16 tag bits; the 32-bit word
// keeps 31 bits above its tag bit. value.hpp checks that this width is its payload width. The image
// loader uses the same range to decide which int constants are small (image::ConstantKind), so
// that a VM materialises every small_int constant without allocating.
//
// This is not the .mpy header's small-int bits (image/format.hpp, maximum_small_int_bits): that
// byte says which LOAD_CONST_SMALL_INT operands a file may hold, and a VM makes any operand past
// this range an allocated int.
// 48 bits in the 64-bit word, 31 in the 32-bit one (object/value.hpp, XIPY_VALUE_BITS).
#if defined(XIPY_VALUE_BITS) && XIPY_VALUE_BITS == 32
inline constexpr int small_int_bits = 31;  // value bits, sign included
#else
inline constexpr int small_int_bits = 48;  // value bits, sign included
#endif
inline constexpr std::int64_t small_int_minimum = -(std::int64_t{1} << (small_int_bits - 1));
inline constexpr std::int64_t small_int_maximum = (std::int64_t{1} << (small_int_bits - 1)) - 1;

constexpr bool fits_small_int(std::int64_t value) {
    return value >= small_int_minimum && value <= small_int_maximum;
}

}  // namespace xipy::support
