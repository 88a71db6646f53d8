// The block buffering and length padding that SHA-1, SHA-256 and MD5 share.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>

namespace xipy::library {

// Feeds `data` through a 64-byte block buffer, calling `compress(block)` for every full
// block; whole blocks of `data` are compressed in place without a copy.
template <typename Compress>
void feed_hash_blocks(std::array<std::uint8_t, 64>& block, std::size_t& buffered,
                      std::uint64_t& length, std::span<const std::uint8_t> data,
                      Compress compress) {
    length += data.size();
    std::size_t index = 0;
    if (data.empty()) {
        return;
    }
    if (buffered > 0) {
        std::size_t take = std::min(data.size(), block.size() - buffered);
        std::memcpy(block.data() + buffered, data.data(), take);
        buffered += take;
        index = take;
        if (buffered < block.size()) {
            return;
        }
        compress(block.data());
        buffered = 0;
    }
    for (; data.size() - index >= block.size(); index += block.size()) {
        compress(data.data() + index);
    }
    buffered = data.size() - index;
    if (buffered > 0) {
        std::memcpy(block.data(), data.data() + index, buffered);
    }
}

// Appends 0x80, zeros and the bit length (big- or little-endian 64 bits) and compresses
// the final block or two.
template <typename Compress>
void finish_hash_blocks(std::array<std::uint8_t, 64> block, std::size_t buffered,
                        std::uint64_t length, bool big_endian_length, Compress compress) {
    std::uint64_t bits = length * 8;
    block[buffered++] = 0x80;
    if (buffered > block.size() - 8) {
        std::memset(block.data() + buffered, 0, block.size() - buffered);
        compress(block.data());
        buffered = 0;
    }
    std::memset(block.data() + buffered, 0, block.size() - 8 - buffered);
    for (std::size_t index = 0; index < 8; ++index) {
        std::size_t shift = big_endian_length ? 56 - 8 * index : 8 * index;
        block[block.size() - 8 + index] = static_cast<std::uint8_t>(bits >> shift);
    }
    compress(block.data());
}

inline std::uint32_t load_big_endian_32(const std::uint8_t* bytes) {
    return static_cast<std::uint32_t>(bytes[0]) << 24 | static_cast<std::uint32_t>(bytes[1]) << 16 |
           static_cast<std::uint32_t>(bytes[2]) << 8 | static_cast<std::uint32_t>(bytes[3]);
}

inline std::uint32_t load_little_endian_32(const std::uint8_t* bytes) {
    return static_cast<std::uint32_t>(bytes[3]) << 24 | static_cast<std::uint32_t>(bytes[2]) << 16 |
           static_cast<std::uint32_t>(bytes[1]) << 8 | static_cast<std::uint32_t>(bytes[0]);
}

inline std::uint32_t rotate_left(std::uint32_t value, int count) {
    return (value << count) | (value >> (32 - count));
}

}  // namespace xipy::library
