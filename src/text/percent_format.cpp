// Parses %-conversions, takes their arguments in order and lays out each value.
#include "text/percent_format.hpp"

#include <string>

#include "text/number_layout.hpp"
#include "text/utf8_text.hpp"

namespace xipy::text {
namespace {

bool is_digit(char character) { return character >= '0' && character <= '9'; }

bool is_conversion(char character) {
    return std::string_view("cdiueEfFgGorsxX").find(character) != std::string_view::npos;
}

Error needs_more_arguments() {
    return Error{ErrorKind::type_error, "format string needs more arguments"};
}

Error incomplete_format() { return Error{ErrorKind::value_error, "incomplete format"}; }

// Digits accumulate like a 32-bit C int, wrapping on overflow.
std::int32_t read_wrapping_int(std::string_view pattern, std::size_t& position) {
    std::uint32_t value = 0;
    while (position < pattern.size() && is_digit(pattern[position])) {
        value = value * 10u + static_cast<std::uint32_t>(pattern[position] - '0');
        ++position;
    }
    return static_cast<std::int32_t>(value);
}

// Reads a '*' width or precision from the next positional argument.
Result<std::int32_t> star_argument(PercentArguments& arguments, std::size_t& next_argument) {
    if (next_argument >= arguments.positional_count()) {
        return needs_more_arguments();
    }
    Result<std::int64_t> value = arguments.integer_at(next_argument++);
    if (!value.ok()) {
        return value.error();
    }
    return static_cast<std::int32_t>(value.value());
}

number::PositiveSign positive_sign_of(const PercentSpec& spec) {
    if (spec.plus) {
        return number::PositiveSign::plus;
    }
    return spec.space ? number::PositiveSign::space : number::PositiveSign::none;
}

}  // namespace

Status format_percent(std::string_view pattern, PercentArguments& arguments, TextSink& sink) {
    std::size_t next_argument = 0;
    std::size_t position = 0;
    while (position < pattern.size()) {
        std::size_t literal_end = pattern.find('%', position);
        if (literal_end == std::string_view::npos) {
            literal_end = pattern.size();
        }
        XIPY_CHECK(sink.write(pattern.substr(position, literal_end - position)));
        position = literal_end;
        if (position >= pattern.size()) {
            break;
        }
        if (++position >= pattern.size()) {
            return incomplete_format();
        }
        if (pattern[position] == '%') {
            XIPY_CHECK(sink.write("%"));
            ++position;
            continue;
        }

        bool has_key = false;
        std::string_view key;
        if (pattern[position] == '(') {
            if (!arguments.is_mapping()) {
                return Error{ErrorKind::type_error, "format needs a dict"};
            }
            // The mapping is the single positional argument, now used up.
            next_argument = 1;
            std::size_t key_end = pattern.find(')', position + 1);
            if (key_end == std::string_view::npos) {
                return Error{ErrorKind::value_error, "incomplete format key"};
            }
            key = pattern.substr(position + 1, key_end - position - 1);
            has_key = true;
            position = key_end + 1;
        }

        PercentSpec spec;
        for (; position < pattern.size(); ++position) {
            char flag = pattern[position];
            if (flag == '-') {
                spec.left = true;
            } else if (flag == '+') {
                spec.plus = true;
            } else if (flag == ' ') {
                spec.space = true;
            } else if (flag == '#') {
                spec.alternate = true;
            } else if (flag == '0') {
                spec.zero = true;
            } else {
                break;
            }
        }
        if (position < pattern.size()) {
            if (pattern[position] == '*') {
                Result<std::int32_t> width = star_argument(arguments, next_argument);
                if (!width.ok()) {
                    return width.error();
                }
                spec.width = width.value();
                ++position;
            } else {
                spec.width = read_wrapping_int(pattern, position);
            }
        }
        if (position < pattern.size() && pattern[position] == '.') {
            if (++position < pattern.size()) {
                if (pattern[position] == '*') {
                    Result<std::int32_t> precision = star_argument(arguments, next_argument);
                    if (!precision.ok()) {
                        return precision.error();
                    }
                    spec.precision = precision.value();
                    ++position;
                } else {
                    spec.precision = read_wrapping_int(pattern, position);
                }
            }
        }
        if (position >= pattern.size()) {
            return incomplete_format();
        }

        std::size_t argument_index = 0;
        if (!has_key) {
            if (next_argument >= arguments.positional_count()) {
                return needs_more_arguments();
            }
            argument_index = next_argument++;
        }
        char conversion = pattern[position];
        if (!is_conversion(conversion)) {
            static constexpr std::string_view hex_digits = "0123456789abcdef";
            auto byte = static_cast<unsigned char>(conversion);
            support::ScratchString message = "unsupported format character '";
            message.push_back(conversion);
            message.append("' (0x");
            if (byte >= 16) {
                message.push_back(hex_digits[byte >> 4]);
            }
            message.push_back(hex_digits[byte & 0xF]);
            message.append(") at index ").append(support::DecimalText(position));
            return Error{ErrorKind::value_error, std::move(message)};
        }
        spec.conversion = conversion;
        ++position;
        if (has_key) {
            XIPY_CHECK(arguments.write_keyed(key, spec, sink));
        } else {
            XIPY_CHECK(arguments.write_positional(argument_index, spec, sink));
        }
    }
    // A mapping operand counts as converted even if no %(key) used it ('abc' % {} is fine).
    if (next_argument != arguments.positional_count() &&
        !(arguments.is_mapping() && next_argument == 0)) {
        return Error{ErrorKind::type_error, "format string didn't convert all arguments"};
    }
    return succeeded();
}

Status write_percent_integer(const number::BigInteger& value, const PercentSpec& spec,
                             TextSink& sink) {
    IntegerStyle style;
    switch (spec.conversion) {
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
        default:
            break;
    }
    style.positive_sign = positive_sign_of(spec);
    style.show_prefix = spec.alternate && style.base != 10;
    style.alignment = spec.left ? Alignment::left : Alignment::right;
    style.pad_after_sign = spec.zero;
    style.fill = spec.zero ? '0' : ' ';
    style.width = spec.width;
    style.precision = spec.precision;
    return write_integer(value, style, sink);
}

Status write_percent_float(double value, const PercentSpec& spec, TextSink& sink) {
    FloatStyle style;
    style.conversion = spec.conversion;
    style.precision = spec.precision;
    style.positive_sign = positive_sign_of(spec);
    style.alignment = spec.left ? Alignment::left : Alignment::right;
    style.pad_after_sign = spec.zero;
    style.fill = spec.zero ? '0' : ' ';
    style.width = spec.width;
    return write_float(value, style, sink);
}

Status write_percent_text(std::string_view text, const PercentSpec& spec, TextSink& sink) {
    if (spec.precision >= 0 && static_cast<std::uint32_t>(spec.precision) < text.size()) {
        text = text.substr(0, static_cast<std::uint32_t>(spec.precision));
    }
    return write_padded(text, spec.left ? Alignment::left : Alignment::right, ' ', spec.width,
                        sink);
}

Status write_percent_char_code(std::int64_t code, const PercentSpec& spec, TextSink& sink) {
    char encoded[4];
    std::size_t length = 0;
    XIPY_CHECK(encode_char_code(code, encoded, length));
    return write_percent_char(std::string_view(encoded, length), spec, sink);
}

Status write_percent_char(std::string_view character, const PercentSpec& spec, TextSink& sink) {
    return write_padded(character, spec.left ? Alignment::left : Alignment::right, ' ', spec.width,
                        sink);
}

}  // namespace xipy::text
