// Yasmarang (Ilya Levin, public domain) and the draws modrandom.c builds on it.
#include "library/yasmarang.hpp"

#include <bit>

namespace xipy::library {

void Yasmarang::seed(std::uint32_t value) {
    pad_ = value;
    number_ = 69;
    delta_ = 233;
    data_ = 0;
}

std::uint32_t Yasmarang::next() {
    pad_ += data_ + delta_ * number_;
    pad_ = (pad_ << 3) + (pad_ >> 29);
    number_ = pad_ | 2;
    delta_ ^= (pad_ << 31) + (pad_ >> 1);
    // The reference converts pad to a (signed) char before the xor; only the low 8 bits
    // survive the store into the byte, so the sign does not matter.
    data_ ^= static_cast<std::uint8_t>(pad_ ^ (delta_ >> 8) ^ 1);
    return pad_ ^ (delta_ << 5) ^ (pad_ >> 18) ^ (static_cast<std::uint32_t>(data_) << 1);
}

std::uint32_t Yasmarang::random_bits(int bits) {
    if (bits <= 0) {
        return 0;
    }
    std::uint32_t mask = 0xffffffffu >> (32 - bits);
    return next() & mask;
}

std::uint32_t Yasmarang::below(std::uint32_t limit) {
    std::uint32_t mask = 1;
    while ((limit & mask) < limit) {
        mask = (mask << 1) | 1;
    }
    std::uint32_t value;
    do {
        value = next() & mask;
    } while (value >= limit);
    return value;
}

double Yasmarang::random_float() {
    std::uint64_t high = next();
    std::uint64_t low = next();
    std::uint64_t fraction = ((high << 32) | low) & ((std::uint64_t{1} << 52) - 1);
    std::uint64_t one_bits = std::uint64_t{1023} << 52;
    return std::bit_cast<double>(one_bits | fraction) - 1.0;
}

double Yasmarang::uniform(double low, double high) { return low + (high - low) * random_float(); }

}  // namespace xipy::library
