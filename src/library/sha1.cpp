// SHA-1 compression and padding, written from FIPS 180-4.
#include "library/sha1.hpp"

#include "library/hash_padding.hpp"

namespace xipy::library {

Sha1::Sha1() : state_{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0} {}

void Sha1::compress(const std::uint8_t* block) {
    std::array<std::uint32_t, 80> schedule;
    for (std::size_t index = 0; index < 16; ++index) {
        schedule[index] = load_big_endian_32(block + 4 * index);
    }
    for (std::size_t index = 16; index < 80; ++index) {
        schedule[index] = rotate_left(
            schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16],
            1);
    }
    auto [a, b, c, d, e] = state_;
    for (std::size_t index = 0; index < 80; ++index) {
        std::uint32_t mixed;
        std::uint32_t constant;
        if (index < 20) {
            mixed = (b & c) | (~b & d);
            constant = 0x5a827999;
        } else if (index < 40) {
            mixed = b ^ c ^ d;
            constant = 0x6ed9eba1;
        } else if (index < 60) {
            mixed = (b & c) | (b & d) | (c & d);
            constant = 0x8f1bbcdc;
        } else {
            mixed = b ^ c ^ d;
            constant = 0xca62c1d6;
        }
        std::uint32_t next = rotate_left(a, 5) + mixed + e + constant + schedule[index];
        e = d;
        d = c;
        c = rotate_left(b, 30);
        b = a;
        a = next;
    }
    state_[0] += a;
    state_[1] += b;
    state_[2] += c;
    state_[3] += d;
    state_[4] += e;
}

void Sha1::update(std::span<const std::uint8_t> data) {
    feed_hash_blocks(block_, buffered_, length_, data,
                     [this](const std::uint8_t* block) { compress(block); });
}

Sha1::Digest Sha1::digest() const {
    Sha1 finished = *this;
    finish_hash_blocks(block_, buffered_, length_, true,
                       [&finished](const std::uint8_t* block) { finished.compress(block); });
    Digest result;
    for (std::size_t index = 0; index < digest_size; ++index) {
        result[index] =
            static_cast<std::uint8_t>(finished.state_[index / 4] >> (24 - 8 * (index % 4)));
    }
    return result;
}

}  // namespace xipy::library
