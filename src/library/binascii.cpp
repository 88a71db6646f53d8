// CRC-32, hex and base64 conversions with MicroPython's acceptance rules.
#include "library/binascii.hpp"

#include <array>

namespace xipy::library {
namespace {

constexpr std::array<std::uint32_t, 256> make_crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t index = 0; index < 256; ++index) {
        std::uint32_t value = index;
        for (int bit = 0; bit < 8; ++bit) {
            value = (value & 1) ? (value >> 1) ^ 0xedb88320u : value >> 1;
        }
        table[index] = value;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> crc_table = make_crc_table();

constexpr char hex_digits[] = "0123456789abcdef";
constexpr char base64_alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int hex_value(std::uint8_t character) {
    if (character >= '0' && character <= '9') {
        return character - '0';
    }
    if ((character | 0x20) >= 'a' && (character | 0x20) <= 'f') {
        return (character | 0x20) - 'a' + 10;
    }
    return -1;
}

bool is_space(std::uint8_t character) {
    return character == ' ' || (character >= '\t' && character <= '\r');
}

int sextet_value(std::uint8_t character) {
    if (character >= 'A' && character <= 'Z') {
        return character - 'A';
    }
    if (character >= 'a' && character <= 'z') {
        return character - 'a' + 26;
    }
    if (character >= '0' && character <= '9') {
        return character - '0' + 52;
    }
    if (character == '+') {
        return 62;
    }
    if (character == '/') {
        return 63;
    }
    return -1;
}

}  // namespace

std::uint32_t crc32(std::span<const std::uint8_t> data, std::uint32_t value) {
    std::uint32_t crc = ~value;
    for (std::uint8_t byte : data) {
        crc = crc_table[(crc ^ byte) & 0xff] ^ (crc >> 8);
    }
    return ~crc;
}

std::size_t hexlify_size(std::size_t length, bool has_separator) {
    if (length == 0) {
        return 0;
    }
    return 2 * length + (has_separator ? length - 1 : 0);
}

void hexlify(std::span<const std::uint8_t> data, std::optional<std::uint8_t> separator,
             std::span<std::uint8_t> out) {
    std::size_t position = 0;
    for (std::size_t index = 0; index < data.size(); ++index) {
        if (separator && index > 0) {
            out[position++] = *separator;
        }
        out[position++] = static_cast<std::uint8_t>(hex_digits[data[index] >> 4]);
        out[position++] = static_cast<std::uint8_t>(hex_digits[data[index] & 0xf]);
    }
}

support::Result<std::size_t> unhexlify(std::span<const std::uint8_t> text,
                                       std::span<std::uint8_t> out) {
    std::size_t written = 0;
    std::size_t index = 0;
    while (index < text.size()) {
        if (is_space(text[index])) {
            ++index;
            continue;
        }
        int high = hex_value(text[index]);
        if (high < 0) {
            return support::make_error(index, "non-hex digit");
        }
        if (index + 1 >= text.size() || hex_value(text[index + 1]) < 0) {
            return support::make_error(index + 1, "non-hex digit");
        }
        out[written++] = static_cast<std::uint8_t>(high << 4 | hex_value(text[index + 1]));
        index += 2;
    }
    return written;
}

std::size_t base64_encoded_size(std::size_t length, bool newline) {
    return (length + 2) / 3 * 4 + (newline ? 1 : 0);
}

void base64_encode(std::span<const std::uint8_t> data, bool newline, std::span<std::uint8_t> out) {
    std::size_t position = 0;
    auto emit = [&](std::uint32_t sextet) {
        out[position++] = static_cast<std::uint8_t>(base64_alphabet[sextet & 0x3f]);
    };
    std::size_t index = 0;
    for (; data.size() - index >= 3; index += 3) {
        std::uint32_t group = static_cast<std::uint32_t>(data[index]) << 16 |
                              static_cast<std::uint32_t>(data[index + 1]) << 8 | data[index + 2];
        emit(group >> 18);
        emit(group >> 12);
        emit(group >> 6);
        emit(group);
    }
    std::size_t remaining = data.size() - index;
    if (remaining > 0) {
        std::uint32_t group = static_cast<std::uint32_t>(data[index]) << 16;
        if (remaining == 2) {
            group |= static_cast<std::uint32_t>(data[index + 1]) << 8;
        }
        emit(group >> 18);
        emit(group >> 12);
        if (remaining == 2) {
            emit(group >> 6);
        } else {
            out[position++] = '=';
        }
        out[position++] = '=';
    }
    if (newline) {
        out[position++] = '\n';
    }
}

std::size_t base64_decoded_capacity(std::size_t length) { return length / 4 * 3 + 3; }

support::Result<std::size_t> base64_decode(std::span<const std::uint8_t> text,
                                           std::span<std::uint8_t> out) {
    std::size_t written = 0;
    std::uint32_t accumulator = 0;
    int pending_bits = 0;
    // A pad right after the third sextet of a quantum ends it, and so does a second pad
    // after the second sextet; a lone pad elsewhere is skipped like any stray byte.
    bool pad_seen = false;
    for (std::uint8_t character : text) {
        if (character == '=') {
            if (pending_bits == 2 || (pending_bits == 4 && pad_seen)) {
                pending_bits = 0;
                break;
            }
            pad_seen = true;
            continue;
        }
        int sextet = sextet_value(character);
        if (sextet < 0) {
            continue;
        }
        pad_seen = false;
        accumulator = (accumulator << 6 | static_cast<std::uint32_t>(sextet)) & 0xffffff;
        pending_bits += 6;
        if (pending_bits >= 8) {
            pending_bits -= 8;
            out[written++] = static_cast<std::uint8_t>(accumulator >> pending_bits);
        }
    }
    if (pending_bits != 0) {
        return support::make_error(support::Error::no_offset, "incorrect padding");
    }
    return written;
}

}  // namespace xipy::library
