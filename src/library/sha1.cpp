// SHA-1 compression function, written from FIPS 180-4.
#include "library/sha1.hpp"

namespace xipy::library {

void Sha1Algorithm::compress(State& state, const std::uint8_t* block) {
    std::array<std::uint32_t, 80> schedule;
    for (std::size_t index = 0; index < 16; ++index) {
        schedule[index] = load_big_endian_32(block + 4 * index);
    }
    for (std::size_t index = 16; index < 80; ++index) {
        schedule[index] = rotate_left(
            schedule[index - 3] ^ schedule[index - 8] ^ schedule[index - 14] ^ schedule[index - 16],
            1);
    }
    auto [a, b, c, d, e] = state;
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
    add_words(state, {a, b, c, d, e});
}

}  // namespace xipy::library
