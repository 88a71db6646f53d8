// ByteReader: bounds-checked sequential reads from untrusted bytes, with offsets for errors.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "support/result.hpp"

namespace xipy::support {

// Reads forward through a window of bytes that the caller owns.
//
// Invariants: position_ <= bytes_.size(); a failed read_vuint leaves position_ where the vuint
// started. offset() is base_offset_ + position_, so a reader over a slice reports offsets of
// the whole input. `container_` names what the window is ("file", "code info", ...) for
// end-of-input messages and must outlive the reader (pass string literals).
class ByteReader {
  public:
    explicit ByteReader(std::span<const std::uint8_t> bytes, std::size_t base_offset = 0,
                        std::string_view container = "file")
        : bytes_(bytes), base_offset_(base_offset), container_(container) {}

    std::size_t offset() const { return base_offset_ + position_; }
    std::size_t position() const { return position_; }
    std::size_t remaining() const { return bytes_.size() - position_; }
    bool at_end() const { return position_ == bytes_.size(); }
    const std::uint8_t* current() const { return bytes_.data() + position_; }

    // `what` names the item for the error: "unexpected end of <container> while reading <what>".
    Result<std::uint8_t> read_byte(std::string_view what);

    // A MicroPython variable-length unsigned int: 7 bits per byte, most significant group
    // first, bit 7 set on every byte but the last. Values above 32 bits are refused.
    Result<std::uint32_t> read_vuint(std::string_view what);

    // The next `count` bytes, in place.
    Result<std::span<const std::uint8_t>> read_bytes(std::size_t count, std::string_view what);

    // A reader over the next `count` bytes (reporting whole-input offsets) whose end-of-input
    // errors call it `what`; advances this reader past them. `what` must be a literal.
    Result<ByteReader> read_window(std::size_t count, std::string_view what);

  private:
    Error end_of_input(std::string_view what) const;

    std::span<const std::uint8_t> bytes_;
    std::size_t base_offset_ = 0;
    std::size_t position_ = 0;
    std::string_view container_;
};

}  // namespace xipy::support
