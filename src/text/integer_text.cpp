// Writes ints in bases 2, 8, 10 and 16; int64 values never allocate.
#include "text/integer_text.hpp"

#include <array>
#include <string>

namespace xipy::text {

Status write_int64(std::int64_t value, int base, bool with_prefix, TextSink& sink) {
    // 64 binary digits, a sign and a two-character prefix.
    std::array<char, 67> buffer{};
    std::size_t start = buffer.size();
    // The magnitude as unsigned, so INT64_MIN does not overflow.
    std::uint64_t magnitude =
        value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    auto unsigned_base = static_cast<std::uint64_t>(base);
    do {
        buffer[--start] = "0123456789abcdef"[magnitude % unsigned_base];
        magnitude /= unsigned_base;
    } while (magnitude != 0);
    if (with_prefix && base != 10) {
        buffer[--start] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
        buffer[--start] = '0';
    }
    if (value < 0) {
        buffer[--start] = '-';
    }
    return sink.write(std::string_view(buffer.data() + start, buffer.size() - start));
}

Status write_big_integer(const number::BigInteger& value, int base, bool with_prefix,
                         TextSink& sink) {
    if (value.fits_in_int64()) {
        return write_int64(value.to_int64(), base, with_prefix, sink);
    }
    return sink.write(number::BigIntegerText(value, base, with_prefix).view());
}

}  // namespace xipy::text
