// ByteReader's reads: each one checks the remaining length before touching a byte.
#include "support/byte_reader.hpp"

#include <string>

namespace xipy::support {

Error ByteReader::end_of_input(std::string_view what) const {
    return make_error(offset(), "unexpected end of " + std::string(container_) + " while reading " +
                                    std::string(what));
}

Result<std::uint8_t> ByteReader::read_byte(std::string_view what) {
    if (at_end()) {
        return end_of_input(what);
    }
    return bytes_[position_++];
}

Result<std::uint32_t> ByteReader::read_vuint(std::string_view what) {
    const std::size_t start = position_;
    std::uint32_t value = 0;
    for (;;) {
        if (at_end()) {
            Error error = end_of_input(what);
            position_ = start;
            return error;
        }
        const std::uint8_t byte = bytes_[position_++];
        // Shifting in 7 more bits must not push set bits out of the top.
        if (value > (UINT32_MAX >> 7)) {
            position_ = start;
            return make_error(base_offset_ + start, std::string(what) + " does not fit in 32 bits");
        }
        value = (value << 7) | (byte & 0x7Fu);
        if ((byte & 0x80u) == 0) {
            return value;
        }
    }
}

Result<std::span<const std::uint8_t>> ByteReader::read_bytes(std::size_t count,
                                                             std::string_view what) {
    // Compared against what is left, so no addition can overflow.
    if (count > remaining()) {
        return make_error(offset(), std::string(what) + " of " + std::to_string(count) +
                                        " bytes exceeds " + std::string(container_) + " (" +
                                        std::to_string(remaining()) + " left)");
    }
    std::span<const std::uint8_t> result = bytes_.subspan(position_, count);
    position_ += count;
    return result;
}

Result<ByteReader> ByteReader::read_window(std::size_t count, std::string_view what) {
    const std::size_t start_offset = offset();
    XIPY_TRY(std::span<const std::uint8_t> window, read_bytes(count, what));
    return ByteReader(window, start_offset, what);
}

}  // namespace xipy::support
