// SHA-256 (FIPS 180-4), fed in pieces, behind hashlib.sha256.
#pragma once

#include <array>
#include <cstdint>

#include "library/block_hash.hpp"

namespace xipy::library {

// What SHA-256 adds to BlockHash: its state, initial values and compression function.
struct Sha256Algorithm {
    using State = std::array<std::uint32_t, 8>;
    static constexpr State initial_state = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                            0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    static constexpr bool big_endian = true;
    static void compress(State& state, const std::uint8_t* block);
};

// A running SHA-256 computation.
using Sha256 = BlockHash<Sha256Algorithm>;

}  // namespace xipy::library
