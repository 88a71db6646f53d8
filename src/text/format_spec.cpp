// Parses format specs and applies them to ints, floats and strs with MicroPython's rules.
#include "text/format_spec.hpp"

#include <cstdint>
#include <limits>
#include <string>

#include "text/number_layout.hpp"
#include "text/utf8_text.hpp"

namespace xipy::text {
namespace {

bool is_alignment(char character) {
    return character == '<' || character == '>' || character == '=' || character == '^';
}

bool is_type_code(char character) {
    return character != '\0' &&
           std::string_view("bcdeEfFgGnosxX%").find(character) != std::string_view::npos;
}

bool is_digit(char character) { return character >= '0' && character <= '9'; }

// Reads decimal digits at `position` the way a 32-bit C int accumulates them: wrapping.
std::int32_t read_wrapping_int(std::string_view spec, std::size_t& position) {
    std::uint32_t value = 0;
    while (position < spec.size() && is_digit(spec[position])) {
        value = value * 10u + static_cast<std::uint32_t>(spec[position] - '0');
        ++position;
    }
    return static_cast<std::int32_t>(value);
}

Error unknown_code(char type, std::string_view type_name) {
    support::ScratchString message = "unknown format code '";
    message.push_back(type);
    message.append("' for object of type '").append(type_name).append("'");
    return Error{ErrorKind::value_error, std::move(message)};
}

number::PositiveSign positive_sign_of(const FormatSpec& spec) {
    if (spec.sign == '+') {
        return number::PositiveSign::plus;
    }
    return spec.sign == ' ' ? number::PositiveSign::space : number::PositiveSign::none;
}

bool shows_sign(const FormatSpec& spec) { return spec.sign == '+' || spec.sign == ' '; }

// The checks MicroPython makes before looking at the argument's kind.
Status check_sign(const FormatSpec& spec) {
    if (shows_sign(spec) && spec.type == 's') {
        return Error{ErrorKind::value_error, "sign not allowed in string format specifier"};
    }
    if (shows_sign(spec) && spec.type == 'c') {
        return Error{ErrorKind::value_error, "sign not allowed with integer format specifier 'c'"};
    }
    return succeeded();
}

Alignment alignment_of(const FormatSpec& spec, Alignment fallback) {
    switch (spec.align) {
        case '<':
            return Alignment::left;
        case '^':
            return Alignment::center;
        case '>':
        case '=':
            return Alignment::right;
        default:
            return fallback;
    }
}

// A '0' before the width means '=' only when no alignment is given ('{:^08}' centres).
bool pads_after_sign(const FormatSpec& spec) {
    return spec.align == '=' || (spec.zero && spec.align == '\0');
}

char fill_of(const FormatSpec& spec) {
    if (spec.fill != '\0') {
        return spec.fill;
    }
    return spec.zero ? '0' : ' ';
}

Status format_number_as_float(double value, const FormatSpec& spec, TextSink& sink) {
    char type = spec.type == '\0' || spec.type == 'n' ? 'g' : spec.type;
    switch (type) {
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%':
            break;
        default:
            return unknown_code(type, "float");
    }
    FloatStyle style;
    style.conversion = type;
    style.precision = spec.precision;
    style.positive_sign = positive_sign_of(spec);
    style.alignment = alignment_of(spec, Alignment::right);
    style.pad_after_sign = pads_after_sign(spec);
    style.fill = fill_of(spec);
    style.width = spec.width;
    style.grouping = spec.grouping;
    return write_float(value, style, sink);
}

}  // namespace

Result<FormatSpec> parse_format_spec(std::string_view spec) {
    FormatSpec result;
    std::size_t position = 0;
    auto at = [&](std::size_t index) { return index < spec.size() ? spec[index] : '\0'; };
    if (is_alignment(at(0))) {
        result.align = at(0);
        position = 1;
    } else if (spec.size() >= 2 && is_alignment(at(1))) {
        result.fill = at(0);
        result.align = at(1);
        position = 2;
    }
    if (at(position) == '+' || at(position) == '-' || at(position) == ' ') {
        result.sign = at(position++);
    }
    if (at(position) == '#') {
        result.alternate = true;
        ++position;
    }
    if (at(position) == '0') {
        result.zero = true;
    }
    if (is_digit(at(position))) {
        result.width = read_wrapping_int(spec, position);
    }
    if (at(position) == ',' || at(position) == '_') {
        result.grouping = at(position++);
    }
    if (at(position) == '.') {
        ++position;
        if (is_digit(at(position))) {
            result.precision = read_wrapping_int(spec, position);
        }
    }
    if (is_type_code(at(position))) {
        result.type = at(position++);
    }
    if (position < spec.size()) {
        return Error{ErrorKind::value_error, "invalid format specifier"};
    }
    return result;
}

Status format_integer(const number::BigInteger& value, const FormatSpec& spec,
                      std::string_view type_name, TextSink& sink) {
    XIPY_CHECK(check_sign(spec));
    IntegerStyle style;
    switch (spec.type) {
        case 'b':
            style.base = 2;
            break;
        case 'o':
            style.base = 8;
            break;
        case 'x':
            style.base = 16;
            break;
        case 'X':
            style.base = 16;
            style.uppercase = true;
            break;
        case '\0':
        case 'n':
        case 'd':
            break;
        case 'c': {
            // MicroPython reads the value as a machine word (64-bit on the reference).
            if (!value.fits_in_int64()) {
                return Error{ErrorKind::overflow_error,
                             "overflow converting long int to machine word"};
            }
            char encoded[4];
            std::size_t length = 0;
            XIPY_CHECK(encode_char_code(value.to_int64(), encoded, length));
            return write_padded(std::string_view(encoded, length),
                                alignment_of(spec, Alignment::right), fill_of(spec), spec.width,
                                sink, spec.grouping);
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case '%':
            return format_number_as_float(value.to_double(), spec, sink);
        default:
            return unknown_code(spec.type, type_name);
    }
    style.positive_sign = positive_sign_of(spec);
    style.show_prefix = spec.alternate;
    style.grouping = spec.grouping;
    style.alignment = alignment_of(spec, Alignment::right);
    style.pad_after_sign = pads_after_sign(spec);
    style.fill = fill_of(spec);
    style.width = spec.width;
    return write_integer(value, style, sink);
}

Status format_float(double value, const FormatSpec& spec, TextSink& sink) {
    XIPY_CHECK(check_sign(spec));
    return format_number_as_float(value, spec, sink);
}

Status format_text(std::string_view text, const FormatSpec& spec, TextSink& sink) {
    XIPY_CHECK(check_sign(spec));
    if (spec.align == '=') {
        return Error{ErrorKind::value_error,
                     "'=' alignment not allowed in string format specifier"};
    }
    if (spec.type != '\0' && spec.type != 's') {
        return unknown_code(spec.type, "str");
    }
    if (spec.precision >= 0 && static_cast<std::uint32_t>(spec.precision) < text.size()) {
        text = text.substr(0, static_cast<std::uint32_t>(spec.precision));
    }
    return write_padded(text, alignment_of(spec, Alignment::left), fill_of(spec), spec.width, sink,
                        spec.grouping);
}

}  // namespace xipy::text
