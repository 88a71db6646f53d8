// Python-style repr() text of qstrs and constants, for the disassembly listings.
#include "disassembler/python_repr.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace xipy::disassembler {

namespace {

void append_hex_escape(std::string& out, unsigned char byte) {
    constexpr char digits[] = "0123456789abcdef";
    out += "\\x";
    out += digits[byte >> 4];
    out += digits[byte & 0xf];
}

char choose_quote(std::string_view text) {
    const bool has_single = text.find('\'') != std::string_view::npos;
    const bool has_double = text.find('"') != std::string_view::npos;
    return has_single && !has_double ? '"' : '\'';
}

// Escapes shared by str and bytes; returns false if `byte` needs no escape
// of this kind.
bool append_common_escape(std::string& out, unsigned char byte, char quote) {
    switch (byte) {
        case '\\':
            out += "\\\\";
            return true;
        case '\n':
            out += "\\n";
            return true;
        case '\r':
            out += "\\r";
            return true;
        case '\t':
            out += "\\t";
            return true;
        default:
            break;
    }
    if (byte == static_cast<unsigned char>(quote)) {
        out += '\\';
        out += quote;
        return true;
    }
    return false;
}

}  // namespace

std::string string_repr(std::string_view text) {
    const char quote = choose_quote(text);
    std::string out(1, quote);
    for (char character : text) {
        const auto byte = static_cast<unsigned char>(character);
        if (append_common_escape(out, byte, quote)) {
            continue;
        }
        if (byte < 0x20 || byte == 0x7f) {
            append_hex_escape(out, byte);
        } else {
            out += character;
        }
    }
    out += quote;
    return out;
}

std::string bytes_repr(std::string_view bytes) {
    const char quote = choose_quote(bytes);
    std::string out = "b";
    out += quote;
    for (char character : bytes) {
        const auto byte = static_cast<unsigned char>(character);
        if (append_common_escape(out, byte, quote)) {
            continue;
        }
        if (byte < 0x20 || byte >= 0x7f) {
            append_hex_escape(out, byte);
        } else {
            out += character;
        }
    }
    out += quote;
    return out;
}

std::string float_repr(double value) {
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.17g", value);
    std::string text = buffer.data();
    // "%.17g" drops the point from integral values; Python keeps it ("1.0").
    if (text.find_first_not_of("-0123456789") == std::string::npos) {
        text += ".0";
    }
    return text;
}

std::string constant_repr(const image::Image& image, const image::Constant& constant) {
    using image::ConstantKind;
    switch (constant.kind) {
        case ConstantKind::none:
            return "None";
        case ConstantKind::false_value:
            return "False";
        case ConstantKind::true_value:
            return "True";
        case ConstantKind::ellipsis:
            return "Ellipsis";
        case ConstantKind::string:
            return string_repr(constant.text);
        case ConstantKind::bytes:
            return bytes_repr(constant.text);
        case ConstantKind::small_int:
            return std::to_string(constant.small_int);
        case ConstantKind::big_int:
            return std::string(constant.text);
        case ConstantKind::float_value:
            return float_repr(constant.real);
        case ConstantKind::complex_value: {
            // Python writes a complex with a zero real part as just "<imag>j".
            std::string imaginary = float_repr(constant.imaginary);
            if (imaginary.size() > 2 && imaginary.compare(imaginary.size() - 2, 2, ".0") == 0) {
                imaginary.resize(imaginary.size() - 2);
            }
            if (constant.real == 0.0 && !std::signbit(constant.real)) {
                return imaginary + "j";
            }
            const char* sign = imaginary.front() == '-' ? "" : "+";
            return "(" + float_repr(constant.real) + sign + imaginary + "j)";
        }
        case ConstantKind::tuple: {
            std::string out = "(";
            // Walked in order: the items are decoded from the file one after another.
            const auto items = image.items(constant);
            bool first = true;
            for (const image::Constant& item : items) {
                if (!first) {
                    out += ", ";
                }
                first = false;
                out += constant_repr(image, item);
            }
            if (items.size() == 1) {
                out += ',';
            }
            out += ')';
            return out;
        }
    }
    return "?";
}

std::string scope_flag_names(std::uint32_t flags) {
    // The bits the bytecode prelude can carry (MP_SCOPE_FLAG_* in py/runtime0.h).
    struct NamedFlag {
        std::uint32_t bit;
        const char* name;
    };
    constexpr std::array<NamedFlag, 4> named_flags = {{
        {0x01, "GENERATOR"},
        {0x02, "VARKEYWORDS"},
        {0x04, "VARARGS"},
        {0x08, "DEFKWARGS"},
    }};
    std::string out;
    std::uint32_t remaining = flags;
    for (const NamedFlag& flag : named_flags) {
        if ((flags & flag.bit) != 0) {
            if (!out.empty()) {
                out += '|';
            }
            out += flag.name;
            remaining &= ~flag.bit;
        }
    }
    for (std::uint32_t bit = 1; bit != 0; bit <<= 1) {
        if ((remaining & bit) != 0) {
            if (!out.empty()) {
                out += '|';
            }
            std::array<char, 16> buffer{};
            std::snprintf(buffer.data(), buffer.size(), "0x%x", static_cast<unsigned>(bit));
            out += buffer.data();
        }
    }
    return out;
}

}  // namespace xipy::disassembler
