// MD5 compression function, written from RFC 1321.
#include "library/md5.hpp"

namespace xipy::library {
namespace {

// floor(abs(sin(i + 1)) * 2^32) for i in 0..63, as RFC 1321 defines the table T.
constexpr std::array<std::uint32_t, 64> sine_table = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

// The per-round rotation amounts; each round repeats its four.
constexpr std::array<std::array<int, 4>, 4> shifts = {{
    {7, 12, 17, 22},
    {5, 9, 14, 20},
    {4, 11, 16, 23},
    {6, 10, 15, 21},
}};

}  // namespace

void Md5Algorithm::compress(State& state, const std::uint8_t* block) {
    std::array<std::uint32_t, 16> words;
    for (std::size_t index = 0; index < 16; ++index) {
        words[index] = load_little_endian_32(block + 4 * index);
    }
    auto [a, b, c, d] = state;
    for (std::size_t index = 0; index < 64; ++index) {
        std::size_t round = index / 16;
        std::uint32_t mixed;
        std::size_t word;
        switch (round) {
            case 0:
                mixed = (b & c) | (~b & d);
                word = index;
                break;
            case 1:
                mixed = (b & d) | (c & ~d);
                word = (5 * index + 1) % 16;
                break;
            case 2:
                mixed = b ^ c ^ d;
                word = (3 * index + 5) % 16;
                break;
            default:
                mixed = c ^ (b | ~d);
                word = (7 * index) % 16;
                break;
        }
        std::uint32_t rotated =
            rotate_left(a + mixed + sine_table[index] + words[word], shifts[round][index % 4]);
        a = d;
        d = c;
        c = b;
        b = b + rotated;
    }
    add_words(state, {a, b, c, d});
}

}  // namespace xipy::library
