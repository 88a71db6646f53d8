// SHA-1 (FIPS 180-4), fed in pieces, for a hashlib.sha1.
#pragma once

#include <array>
#include <cstdint>

#include "library/block_hash.hpp"

namespace xipy::library {

// What SHA-1 adds to BlockHash: its state, initial values and compression function.
struct Sha1Algorithm {
    using State = std::array<std::uint32_t, 5>;
    static constexpr State initial_state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
                                            0xc3d2e1f0};
    static constexpr bool big_endian = true;
    static void compress(State& state, const std::uint8_t* block);
};

// A running SHA-1 computation. The reference build (MicroPython 1.27, pyscript) has no
// hashlib.sha1; ports with mbedTLS or axTLS do, and the digest is SHA-1's, so the tests use
// FIPS vectors and CPython's hashlib.
using Sha1 = BlockHash<Sha1Algorithm>;

}  // namespace xipy::library
