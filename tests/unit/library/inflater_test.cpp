// Checks the Inflater on hand-built streams, on garbage and under a work meter that says stop.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "library/inflater.hpp"

namespace xipy::library {
namespace {

// A source over a byte vector that counts what it handed out.
class VectorSource final : public ByteSource {
  public:
    explicit VectorSource(std::vector<std::uint8_t> bytes) : bytes_(std::move(bytes)) {}
    bool next_byte(std::uint8_t& byte) override {
        if (position_ >= bytes_.size()) {
            return false;
        }
        byte = bytes_[position_++];
        return true;
    }
    std::size_t position() const { return position_; }

  private:
    std::vector<std::uint8_t> bytes_;
    std::size_t position_ = 0;
};

struct Decoded {
    std::string text;
    InflateStatus status;
};

Decoded inflate_all(std::vector<std::uint8_t> stream, unsigned window_bits, std::size_t chunk,
                    DeflateFormat format = DeflateFormat::raw) {
    VectorSource source(std::move(stream));
    Inflater inflater(format, window_bits);
    std::vector<std::uint8_t> window(inflater.window_size(), 0);
    std::vector<std::uint8_t> output(chunk);
    Decoded decoded{{}, InflateStatus::ok};
    for (int calls = 0; calls < 100000; ++calls) {
        Inflater::Progress progress = inflater.inflate(source, window, output, nullptr);
        decoded.text.append(output.begin(), output.begin() + progress.produced);
        decoded.status = progress.status;
        if (progress.status != InflateStatus::ok) {
            break;
        }
    }
    return decoded;
}

// Two stored blocks ("hello ", then "world", final) and an empty final stored block after a
// non-final fixed block holding only its end: every way a block can end.
TEST(Inflater, StoredAndEmptyBlocks) {
    const std::vector<std::uint8_t> stored = {0x00, 6, 0, 0xf9, 0xff, 'h', 'e', 'l', 'l', 'o', ' ',
                                              0x01, 5, 0, 0xfa, 0xff, 'w', 'o', 'r', 'l', 'd'};
    for (std::size_t chunk : {1u, 3u, 100u}) {
        Decoded decoded = inflate_all(stored, 8, chunk);
        EXPECT_EQ(decoded.text, "hello world");
        EXPECT_EQ(decoded.status, InflateStatus::finished);
    }
    // Not final, fixed (bits 0 to 2), end-of-block (seven zero bits), then at bit 10 a final
    // stored block of no bytes.
    Decoded empty = inflate_all({0x02, 0x04, 0x00, 0x00, 0xff, 0xff}, 8, 4);
    EXPECT_EQ(empty.text, "");
    EXPECT_EQ(empty.status, InflateStatus::finished);
}

TEST(Inflater, DistancePastTheWindowIsCorrupt) {
    // Fixed block: literal 'a', then a copy of length 3 from distance 33 (code 10, 3 extra
    // bits of 0) into a window of 32 bytes.
    // Built bit by bit: final=1, type=01, 'a' = 0x91 in 8 bits (00110000 + 0x61 = 10010001),
    // length 3 = symbol 257 (0000001), distance code 10 (01010) + extra 000.
    std::vector<std::uint8_t> stream;
    std::uint32_t bits = 0;
    unsigned count = 0;
    auto put = [&](std::uint32_t value, unsigned width, bool reversed) {
        for (unsigned index = 0; index < width; ++index) {
            unsigned bit = reversed ? (value >> (width - 1 - index)) & 1u : (value >> index) & 1u;
            bits |= bit << count;
            if (++count == 8) {
                stream.push_back(static_cast<std::uint8_t>(bits));
                bits = 0;
                count = 0;
            }
        }
    };
    put(1, 1, false);
    put(1, 2, false);
    put(0x30 + 'a', 8, true);
    put(1, 7, true);
    put(10, 5, true);
    put(0, 4, false);
    put(0, 7, true);  // end of block
    stream.push_back(static_cast<std::uint8_t>(bits));
    EXPECT_EQ(inflate_all(stream, 5, 16).status, InflateStatus::corrupt);
    Decoded decoded = inflate_all(stream, 6, 16);
    EXPECT_EQ(decoded.status, InflateStatus::finished);
    // The copy reads the window's untouched zeros.
    EXPECT_EQ(decoded.text, std::string("a") + std::string(3, '\0'));
}

// Random bytes in every format: any status, never more output than room, never a crash (the
// sanitizer build watches the window and tables).
TEST(Inflater, GarbageEndsCleanly) {
    std::mt19937 generator(17);
    for (int round = 0; round < 3000; ++round) {
        std::vector<std::uint8_t> stream(2 + generator() % 200);
        for (std::uint8_t& byte : stream) {
            byte = static_cast<std::uint8_t>(generator());
        }
        if (round % 3 == 0) {
            stream[0] = 0x78;
            stream[1] = 0x9c;
        }
        VectorSource source(stream);
        StreamHeader header = read_stream_header(source, DeflateFormat::automatic);
        const unsigned bits = 5 + generator() % 11;
        Inflater inflater(header.status == InflateStatus::ok ? header.format : DeflateFormat::raw,
                          bits);
        std::vector<std::uint8_t> window(inflater.window_size(), 0);
        std::vector<std::uint8_t> output(1 + generator() % 64);
        for (int calls = 0; calls < 1000; ++calls) {
            Inflater::Progress progress = inflater.inflate(source, window, output, nullptr);
            ASSERT_LE(progress.produced, output.size());
            if (progress.status != InflateStatus::ok) {
                EXPECT_EQ(inflater.inflate(source, window, output, nullptr).produced, 0u);
                break;
            }
        }
    }
}

class StoppingMeter final : public support::WorkMeter {
  public:
    bool charge(std::uint64_t) override { return false; }
};

// A stored block of 60,000 bytes: the meter is asked before the output is done, and a
// refusal ends the stream.
TEST(Inflater, WorkMeterStops) {
    std::vector<std::uint8_t> stream = {0x01, 0x60, 0xea, 0x9f, 0x15};
    stream.resize(stream.size() + 60000, 'x');
    VectorSource source(stream);
    Inflater inflater(DeflateFormat::raw, 8);
    std::vector<std::uint8_t> window(inflater.window_size(), 0);
    std::vector<std::uint8_t> output(60000);
    StoppingMeter meter;
    Inflater::Progress progress = inflater.inflate(source, window, output, &meter);
    EXPECT_EQ(progress.status, InflateStatus::work_stopped);
    EXPECT_LT(source.position(), stream.size());
    EXPECT_EQ(inflater.inflate(source, window, output, nullptr).status,
              InflateStatus::work_stopped);
}

}  // namespace
}  // namespace xipy::library
