// libFuzzer target: any bytes as a deflate stream (raw, zlib or gzip) through library::Inflater.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "library/inflater.hpp"

namespace {

using xipy::library::DeflateFormat;
using xipy::library::InflateStatus;

// The fuzzer's bytes after the two control bytes, one at a time.
class InputSource final : public xipy::library::ByteSource {
  public:
    InputSource(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool next_byte(std::uint8_t& byte) override {
        if (position_ >= size_) {
            return false;
        }
        byte = data_[position_++];
        return true;
    }

  private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t position_ = 0;
};

// Bounds the output of one input, as a VM's step budget would: a stream of long copies can
// expand a few bytes into megabytes.
class OutputBudget final : public xipy::support::WorkMeter {
  public:
    bool charge(std::uint64_t units) override {
        spent_ += units;
        return spent_ < 4'000'000;
    }

  private:
    std::uint64_t spent_ = 0;
};

}  // namespace

// The first byte picks the format (low two bits, as deflate's AUTO, RAW, ZLIB and GZIP) and the
// window (5 to 15 bits); the second the output chunk size (1 to 256 bytes).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) {
        return 0;
    }
    const auto format = static_cast<DeflateFormat>(data[0] & 3);
    unsigned window_bits = xipy::library::minimum_window_bits + (data[0] >> 2) % 11;
    const std::size_t chunk = std::size_t{data[1]} + 1;
    InputSource source(data + 2, size - 2);
    DeflateFormat header_format = DeflateFormat::raw;
    if (format != DeflateFormat::raw) {
        xipy::library::StreamHeader header = xipy::library::read_stream_header(source, format);
        if (header.status != InflateStatus::ok) {
            return 0;
        }
        if (header.window_bits < window_bits) {
            window_bits = header.window_bits;
        }
        header_format = header.format;
    }
    xipy::library::Inflater inflater(header_format, window_bits);
    // Exactly the window's size, so the sanitizer catches any access past it.
    std::vector<std::uint8_t> window(inflater.window_size(), 0);
    std::vector<std::uint8_t> output(chunk);
    OutputBudget budget;
    for (;;) {
        xipy::library::Inflater::Progress progress =
            inflater.inflate(source, window, output, &budget);
        if (progress.produced > output.size()) {
            __builtin_trap();
        }
        if (progress.status != InflateStatus::ok) {
            break;
        }
    }
    return 0;
}
