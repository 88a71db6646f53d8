// The Yasmarang generator behind MicroPython's random module, bit for bit.
#pragma once

#include <cstdint>

namespace xipy::library {

// One random-module state. MicroPython keeps a single global generator; xipy keeps one per
// VM, so programs in different VMs do not disturb each other's sequences.
//
// Invariants: the four words are exactly MicroPython's (pad, n, d, dat); seed() resets
// n, d and dat to 69, 233 and 0, and the unseeded state (pad 0xeda4baba) is what a port
// without seed-on-import starts from. Every method draws numbers exactly as
// extmod/modrandom.c does, so the same seed gives the same Python-visible values.
class Yasmarang {
  public:
    // random.seed(n): callers truncate n to its low 32 bits (mp_obj_get_int_truncated).
    void seed(std::uint32_t value);

    // The next raw 32-bit output.
    std::uint32_t next();

    // random.getrandbits(bits) for 0 <= bits <= 32 (callers raise
    // ValueError "bits must be 32 or less" outside that); 0 bits draws nothing.
    std::uint32_t random_bits(int bits);

    // A uniform value below `limit` (> 0) by rejection of masked draws: the helper behind
    // randrange, randint and choice, whose range arithmetic stays in the caller.
    std::uint32_t below(std::uint32_t limit);

    // random.random(): 52 fraction bits from two draws (high word first) in [0, 1).
    double random_float();

    // random.uniform(a, b): a + (b - a) * random_float().
    double uniform(double low, double high);

  private:
    std::uint32_t pad_ = 0xeda4baba;
    std::uint32_t number_ = 69;
    std::uint32_t delta_ = 233;
    std::uint8_t data_ = 0;
};

}  // namespace xipy::library
