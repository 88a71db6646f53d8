// MD5 (RFC 1321), fed in pieces, for a hashlib.md5.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace xipy::library {

// A running MD5 computation. Like SHA-1 it is missing from the reference build's hashlib;
// the tests use RFC 1321's vectors and CPython's hashlib.
//
// Invariants: as Sha256: `buffered_` < 64, `length_` counts bytes fed, digest() copies.
// MD5 is little-endian where the SHA family is big-endian: words, length and digest.
class Md5 {
  public:
    static constexpr std::size_t digest_size = 16;
    static constexpr std::size_t block_size = 64;
    using Digest = std::array<std::uint8_t, digest_size>;

    Md5();

    void update(std::span<const std::uint8_t> data);
    Digest digest() const;

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 4> state_;
    std::array<std::uint8_t, block_size> block_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace xipy::library
