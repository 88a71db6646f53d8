// SHA-256 (FIPS 180-4), fed in pieces, behind hashlib.sha256.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace xipy::library {

// A running SHA-256 computation.
//
// Invariants: `buffered_` < 64 bytes wait in `block_`; `length_` counts every byte fed so far
// (modulo 2^64, as the padding encodes it). digest() works on a copy, so hashlib's
// `h.digest()` followed by more `h.update()` keeps hashing from where it was.
class Sha256 {
  public:
    static constexpr std::size_t digest_size = 32;
    static constexpr std::size_t block_size = 64;
    using Digest = std::array<std::uint8_t, digest_size>;

    Sha256();

    void update(std::span<const std::uint8_t> data);
    Digest digest() const;

  private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, block_size> block_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

}  // namespace xipy::library
