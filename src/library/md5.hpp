// MD5 (RFC 1321), fed in pieces, for a hashlib.md5.
#pragma once

#include <array>
#include <cstdint>

#include "library/block_hash.hpp"

namespace xipy::library {

// What MD5 adds to BlockHash: its state, initial values and compression function. MD5 is
// little-endian where the SHA family is big-endian: words, length and digest.
struct Md5Algorithm {
    using State = std::array<std::uint32_t, 4>;
    static constexpr State initial_state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    static constexpr bool big_endian = false;
    static void compress(State& state, const std::uint8_t* block);
};

// A running MD5 computation. Like SHA-1 it is missing from the reference build's hashlib;
// the tests use RFC 1321's vectors and CPython's hashlib.
using Md5 = BlockHash<Md5Algorithm>;

}  // namespace xipy::library
