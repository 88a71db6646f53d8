// The byte conversions behind binascii: CRC-32, hex and base64, into caller buffers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

#include "support/result.hpp"

namespace xipy::library {

// binascii.crc32(data, value): the zlib CRC-32 (reflected polynomial 0xedb88320) continued
// from `value`, the result of an earlier call (0 to start). Callers truncate a Python int
// `value` to its low 32 bits first, as MicroPython does (crc32(b'a', -1) equals
// crc32(b'a', 0xffffffff)).
std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t value = 0);

// binascii.hexlify(data, sep) / bytes.hex(sep): two lower-case digits per byte, with
// `separator` between bytes when given. MicroPython uses the first byte of the separator
// string, and the terminating NUL when the string is empty, so hexlify(b'ab', '') puts
// b'\0' between the digit pairs; callers pass that byte.
std::size_t hexlify_size(std::size_t length, bool has_separator);
// Writes exactly hexlify_size(data.size(), separator.has_value()) bytes to `out`.
void hexlify(std::span<const std::uint8_t> data, std::optional<std::uint8_t> separator,
             std::span<std::uint8_t> out);

// binascii.unhexlify(text) / bytes.fromhex(text): pairs of hex digits in either case;
// whitespace (space and \t..\r) may stand between pairs but not inside one. Anything else,
// including an odd digit at the end, is MicroPython's ValueError "non-hex digit" (the
// Error's offset is where it was found). `out` needs text.size() / 2 bytes; returns how
// many were written.
support::Result<std::size_t> unhexlify(std::span<const std::uint8_t> text,
                                       std::span<std::uint8_t> out);

// binascii.b2a_base64(data, newline=True): standard alphabet, '=' padding, then "\n".
std::size_t base64_encoded_size(std::size_t length, bool newline);
// Writes exactly base64_encoded_size(data.size(), newline) bytes to `out`.
void base64_encode(std::span<const std::uint8_t> data, bool newline, std::span<std::uint8_t> out);

// binascii.a2b_base64(text): bytes outside the alphabet are skipped, decoding stops at the
// padding that ends a quantum ("xx==" or "xxx="), and leftover bits at the end are the
// error "incorrect padding". The C module raises ValueError("incorrect padding"); the
// reference's frozen binascii.py decodes the same way but raises
// Exception("Incorrect padding"). `out` needs base64_decoded_capacity(text.size()) bytes.
std::size_t base64_decoded_capacity(std::size_t length);
support::Result<std::size_t> base64_decode(std::span<const std::uint8_t> text,
                                           std::span<std::uint8_t> out);

}  // namespace xipy::library
