// The running part SHA-1, SHA-256 and MD5 share: block buffering, padding, length and digest.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace xipy::library {

// The byte `index` (0 first) of the `width`-byte encoding of `value`, most significant byte
// first when `big_endian`, least significant first otherwise.
constexpr std::uint8_t encoded_byte(std::uint64_t value, std::size_t width, std::size_t index,
                                    bool big_endian) {
    std::size_t shift = 8 * (big_endian ? width - 1 - index : index);
    return static_cast<std::uint8_t>(value >> shift);
}

// A running hash over 64-byte blocks (the Merkle-Damgard construction). `Algorithm` gives
// what differs between the hashes:
//   State          std::array<std::uint32_t, N>, whose N words make the digest;
//   initial_state  the State before any block;
//   big_endian     the byte order of the 64-bit bit length and of the digest's words;
//   compress       void(State&, const std::uint8_t* block): folds one 64-byte block in.
//
// Invariants: `buffered_` < 64 bytes wait in `block_`; `length_` counts every byte fed so far
// (modulo 2^64, as the padding encodes it). digest() works on a copy, so hashlib's
// `h.digest()` followed by more `h.update()` keeps hashing from where it was.
template <typename Algorithm>
class BlockHash {
  public:
    using State = typename Algorithm::State;
    static constexpr std::size_t digest_size = 4 * std::tuple_size_v<State>;
    static constexpr std::size_t block_size = 64;
    using Digest = std::array<std::uint8_t, digest_size>;

    // Whole blocks of `data` are compressed in place, without a copy.
    void update(std::span<const std::uint8_t> data) {
        if (data.empty()) {
            return;  // data.data() may be null, which memcpy must not see
        }
        length_ += data.size();
        std::size_t index = 0;
        if (buffered_ > 0) {
            index = std::min(data.size(), block_size - buffered_);
            std::memcpy(block_.data() + buffered_, data.data(), index);
            buffered_ += index;
            if (buffered_ < block_size) {
                return;
            }
            Algorithm::compress(state_, block_.data());
            buffered_ = 0;
        }
        for (; data.size() - index >= block_size; index += block_size) {
            Algorithm::compress(state_, data.data() + index);
        }
        buffered_ = data.size() - index;
        if (buffered_ > 0) {
            std::memcpy(block_.data(), data.data() + index, buffered_);
        }
    }

    // Appends 0x80, zeros and the bit length, compresses the last block or two of a copy and
    // reads its state out.
    Digest digest() const {
        State state = state_;
        std::array<std::uint8_t, block_size> block = block_;
        std::size_t buffered = buffered_;
        block[buffered++] = 0x80;
        if (buffered > block_size - 8) {
            std::memset(block.data() + buffered, 0, block_size - buffered);
            Algorithm::compress(state, block.data());
            buffered = 0;
        }
        std::memset(block.data() + buffered, 0, block_size - 8 - buffered);
        for (std::size_t index = 0; index < 8; ++index) {
            block[block_size - 8 + index] =
                encoded_byte(length_ * 8, 8, index, Algorithm::big_endian);
        }
        Algorithm::compress(state, block.data());
        Digest result;
        for (std::size_t index = 0; index < digest_size; ++index) {
            result[index] = encoded_byte(state[index / 4], 4, index % 4, Algorithm::big_endian);
        }
        return result;
    }

  private:
    State state_ = Algorithm::initial_state;
    std::array<std::uint8_t, block_size> block_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

inline std::uint32_t load_big_endian_32(const std::uint8_t* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) << 24 | static_cast<std::uint32_t>(bytes[1]) << 16 |
           static_cast<std::uint32_t>(bytes[2]) << 8 | static_cast<std::uint32_t>(bytes[3]);
}

inline std::uint32_t load_little_endian_32(const std::uint8_t* bytes) {
    return static_cast<std::uint32_t>(bytes[3]) << 24 | static_cast<std::uint32_t>(bytes[2]) << 16 |
           static_cast<std::uint32_t>(bytes[1]) << 8 | static_cast<std::uint32_t>(bytes[0]);
}

// Ends a block: each working variable is added into its word of the state.
template <std::size_t Count>
void add_words(std::array<std::uint32_t, Count>& state,
               const std::array<std::uint32_t, Count>& words) {
    for (std::size_t index = 0; index < Count; ++index) {
        state[index] += words[index];
    }
}

inline std::uint32_t rotate_left(std::uint32_t value, int count) {
    return (value << count) | (value >> (32 - count));
}

}  // namespace xipy::library
