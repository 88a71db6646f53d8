// Parsing of struct format strings and the per-field byte codecs.
#include "library/struct_format.hpp"

#include <bit>
#include <cstring>

namespace xipy::library {
namespace {

// Counts from 2^30 are not small ints in the reference, and no packed size may pass 2^31 - 1,
// so every offset fits a 32-bit size_t.
constexpr std::uint64_t max_count = std::uint64_t{1} << 30;
constexpr std::uint64_t max_size = 0x7fffffff;

bool is_digit(char character) { return character >= '0' && character <= '9'; }

}  // namespace

StructKind struct_kind_of(char code) {
    switch (code) {
        case 'b':
        case 'h':
        case 'i':
        case 'l':
        case 'q':
            return StructKind::signed_integer;
        case 'O':
        case 'S':
            return StructKind::object;
        case 'e':
            return StructKind::half_float;
        case 'f':
            return StructKind::single_float;
        case 'd':
            return StructKind::double_float;
        case 's':
            return StructKind::bytes;
        default:
            return StructKind::unsigned_integer;
    }
}

std::uint64_t StructFormat::read_count(std::string_view body, std::size_t& position) {
    if (!is_digit(body[position])) {
        return 1;
    }
    std::uint64_t count = 0;
    while (position < body.size() && is_digit(body[position])) {
        count = count * 10 + static_cast<std::uint64_t>(body[position] - '0');
        ++position;
    }
    return count;
}

namespace {

// The size of one numeric or object field of `code`, the same in native ('@') and standard
// ('<', '>') order, as in the reference; 0 for an unknown code.
std::size_t field_size(char code) {
    switch (code) {
        case 'b':
        case 'B':
            return 1;
        case 'h':
        case 'H':
        case 'e':
            return 2;
        case 'i':
        case 'I':
        case 'l':
        case 'L':
        case 'f':
        case 'P':
        case 'O':
        case 'S':
            return 4;
        case 'q':
        case 'Q':
        case 'd':
            return 8;
        default:
            return 0;
    }
}

}  // namespace

void StructFormat::code_layout(char order, char code, std::size_t& size, std::size_t& alignment) {
    alignment = 1;
    size = 0;
    if (code == 'x' || code == 's') {
        size = 1;
        return;
    }
    if (order != '@' && order != '<' && order != '>') {
        return;
    }
    size = field_size(code);
    // Native order aligns each field to its size; standard order packs without padding.
    if (order == '@' && size != 0) {
        alignment = size;
    }
}

support::Result<StructFormat> StructFormat::parse(std::string_view format) {
    std::size_t end = format.find('\0');
    if (end != std::string_view::npos) {
        format = format.substr(0, end);
    }
    char order = '@';
    std::size_t start = 0;
    if (!format.empty()) {
        switch (format[0]) {
            case '@':
            case '<':
            case '>':
            case '=':
                order = format[0];
                start = 1;
                break;
            case '!':
                order = '>';
                start = 1;
                break;
            default:
                break;
        }
    }
    StructFormat result(format.substr(start), order);
    result.big_endian_ = order == '>';
    std::string_view body = result.body_;
    std::size_t position = 0;
    std::uint64_t offset = 0;
    while (position < body.size()) {
        std::size_t count_start = position;
        bool has_digits = is_digit(body[position]);
        // Count digits before accumulating so a long digit run cannot overflow.
        while (position < body.size() && is_digit(body[position])) {
            ++position;
        }
        if (position - count_start > 10 || position >= body.size()) {
            return support::make_error(start + position, "bad typecode");
        }
        std::size_t count_position = count_start;
        std::uint64_t count = has_digits ? read_count(body, count_position) : 1;
        if (count >= max_count) {
            return support::make_error(start + count_start, "bad typecode");
        }
        char code = body[position];
        std::size_t size = 0;
        std::size_t alignment = 1;
        code_layout(order, code, size, alignment);
        if (size == 0) {
            return support::make_error(start + position, "bad typecode");
        }
        ++position;
        if (code == 's') {
            offset += count;
            ++result.item_count_;
        } else {
            if (code != 'x') {
                result.item_count_ += count;
            }
            if (count > 0) {
                offset = (offset + alignment - 1) / alignment * alignment;
                offset += size * count;
            }
        }
        if (offset > max_size) {
            return support::make_error(start + count_start, "bad typecode");
        }
    }
    result.size_ = static_cast<std::size_t>(offset);
    return result;
}

std::uint64_t load_struct_integer(const std::uint8_t* bytes, std::size_t size, bool big_endian,
                                  bool is_signed) {
    std::uint64_t value = 0;
    for (std::size_t index = 0; index < size; ++index) {
        std::uint8_t byte = big_endian ? bytes[index] : bytes[size - 1 - index];
        value = value << 8 | byte;
    }
    if (is_signed && size < 8 && (value >> (8 * size - 1)) != 0) {
        value |= ~std::uint64_t{0} << (8 * size);
    }
    return value;
}

void store_struct_integer(std::uint8_t* bytes, std::size_t size, bool big_endian,
                          std::uint64_t value) {
    for (std::size_t index = 0; index < size; ++index) {
        std::uint8_t byte = index < 8 ? static_cast<std::uint8_t>(value >> (8 * index)) : 0;
        bytes[big_endian ? size - 1 - index : index] = byte;
    }
}

std::uint16_t encode_half_float(float value) {
    std::uint32_t bits = std::bit_cast<std::uint32_t>(value);
    std::uint32_t mantissa = (bits >> 13) & 0x3ff;
    if ((bits & 0x1000) != 0) {
        ++mantissa;
    }
    int exponent = static_cast<int>((bits >> 23) & 0xff);
    if (exponent == 0xff) {
        exponent = 0x1f;
    } else if (exponent != 0) {
        exponent -= 127 - 15;
        if (exponent < 0) {
            if (exponent >= -11) {
                mantissa = (mantissa | 0x400) >> -exponent;
                mantissa = (mantissa & 1) != 0 ? (mantissa >> 1) + 1 : mantissa >> 1;
            } else {
                mantissa = 0;
            }
            exponent = 0;
        } else if (exponent > 0x3f) {
            exponent = 0x1f;
            mantissa = 0;
        }
    }
    std::uint32_t sign = (bits >> 16) & 0x8000;
    return static_cast<std::uint16_t>(sign | (static_cast<std::uint32_t>(exponent) << 10) |
                                      mantissa);
}

float decode_half_float(std::uint16_t bits) {
    std::uint32_t sign = static_cast<std::uint32_t>(bits & 0x8000) << 16;
    std::uint32_t exponent = (bits >> 10) & 0x1f;
    std::uint32_t mantissa = bits & 0x3ff;
    std::uint32_t result;
    if (exponent == 0x1f) {
        result = sign | 0x7f800000u | mantissa << 13;
    } else if (exponent != 0) {
        result = sign | (exponent + 127 - 15) << 23 | mantissa << 13;
    } else if (mantissa == 0) {
        result = sign;
    } else {
        // A subnormal half is a normal float: shift the leading one into the hidden bit.
        std::uint32_t float_exponent = 127 - 14;
        while ((mantissa & 0x400) == 0) {
            mantissa <<= 1;
            --float_exponent;
        }
        result = sign | float_exponent << 23 | (mantissa & 0x3ff) << 13;
    }
    return std::bit_cast<float>(result);
}

double load_struct_float(const std::uint8_t* bytes, StructKind kind, bool big_endian) {
    switch (kind) {
        case StructKind::half_float:
            return decode_half_float(
                static_cast<std::uint16_t>(load_struct_integer(bytes, 2, big_endian, false)));
        case StructKind::single_float:
            return std::bit_cast<float>(
                static_cast<std::uint32_t>(load_struct_integer(bytes, 4, big_endian, false)));
        default:
            return std::bit_cast<double>(load_struct_integer(bytes, 8, big_endian, false));
    }
}

void store_struct_float(std::uint8_t* bytes, StructKind kind, bool big_endian, double value) {
    switch (kind) {
        case StructKind::half_float:
            store_struct_integer(bytes, 2, big_endian,
                                 encode_half_float(static_cast<float>(value)));
            break;
        case StructKind::single_float:
            store_struct_integer(bytes, 4, big_endian,
                                 std::bit_cast<std::uint32_t>(static_cast<float>(value)));
            break;
        default:
            store_struct_integer(bytes, 8, big_endian, std::bit_cast<std::uint64_t>(value));
            break;
    }
}

}  // namespace xipy::library
