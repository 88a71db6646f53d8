// SHA-1 (FIPS 180-4), fed in pieces, for a hashlib.sha1.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace xipy::library {

// A running SHA-1 computation. The reference build (MicroPython 1.27, pyscript) has no
// hashlib.sha1; ports with mbedTLS or axTLS do, and the digest is SHA-1's, so the tests use
// FIPS vectors and CPython's hashlib.
//
// Invariants: as Sha256: `buffered_` < 64, `length_` counts bytes fed, digest() copies.
class Sha1 {
  public:
    static constexpr std::size_t digest_size = 20;
    static constexpr std::size_t block_size = 64;
    using Digest = std::array<std::uint8_t, digest_size>;

    Sha1();

    void update(std::span<const std::uint8_t> data);
    Digest digest() const;

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 5> state_;
    std::array<std::uint8_t, block_size> block_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace xipy::library
