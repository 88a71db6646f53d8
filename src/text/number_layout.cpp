// Lays out formatted numbers: sign, base prefix, digit grouping, zero padding and fill.
#include "text/number_layout.hpp"

#include <array>
#include <string>

namespace xipy::text {
namespace {

support::ScratchString group_digits(std::string_view digits, char separator,
                                    std::size_t group_size) {
    support::ScratchString grouped;
    grouped.reserve(digits.size() + digits.size() / group_size);
    for (std::size_t index = 0; index < digits.size(); ++index) {
        std::size_t remaining = digits.size() - index;
        if (index > 0 && remaining % group_size == 0) {
            grouped.push_back(separator);
        }
        grouped.push_back(digits[index]);
    }
    return grouped;
}

}  // namespace

Status write_padded(std::string_view text, Alignment alignment, char fill, std::int32_t width,
                    TextSink& sink, char grouping) {
    std::int64_t pad = static_cast<std::int64_t>(width) - static_cast<std::int64_t>(text.size());
    std::int64_t period = 0;
    std::int64_t phase = 0;
    if (fill == '0' && grouping != '\0') {
        period = grouping == '_' ? 5 : 4;
        std::int64_t wide = width;
        if (wide % period == 0) {
            ++pad;
            ++wide;
        }
        // C's remainder: a negative width gives a negative remainder, as in the reference.
        phase = period - 1 - wide % period;
    }
    std::int64_t left_pad = 0;
    std::int64_t right_pad = 0;
    if (pad > 0) {
        switch (alignment) {
            case Alignment::center:
                left_pad = pad / 2;
                right_pad = pad - left_pad;
                break;
            case Alignment::left:
                right_pad = pad;
                break;
            case Alignment::right:
                left_pad = pad;
                break;
        }
    }
    // Each side's padding starts at the same phase of the separator cycle.
    auto write_pad = [&](std::int64_t count) -> Status {
        if (period == 0) {
            return sink.write_repeated(fill, static_cast<std::size_t>(count));
        }
        char pattern[64];
        std::size_t length = 0;
        for (std::int64_t index = 0; index < count; ++index) {
            pattern[length++] = (phase + index) % period == period - 1 ? grouping : '0';
            if (length == sizeof pattern) {
                XIPY_CHECK(sink.write(std::string_view(pattern, length)));
                length = 0;
            }
        }
        return sink.write(std::string_view(pattern, length));
    };
    XIPY_CHECK(write_pad(left_pad));
    XIPY_CHECK(sink.write(text));
    return write_pad(right_pad);
}

Status write_integer(const number::BigInteger& value, const IntegerStyle& style, TextSink& sink) {
    Alignment alignment = style.alignment;
    bool pad_after_sign = style.pad_after_sign;
    char fill = style.fill;
    std::int32_t width = style.width;
    std::int32_t precision = style.precision;
    // A right-aligned zero fill already gives the minimum digit count.
    if (alignment == Alignment::right && fill == '0') {
        if (precision > width) {
            width = precision;
        }
        precision = 0;
    }
    if (precision > 1) {
        pad_after_sign = true;
    }

    support::ScratchString prefix;
    if (!value.is_negative()) {
        if (style.positive_sign == number::PositiveSign::plus) {
            prefix.push_back('+');
        } else if (style.positive_sign == number::PositiveSign::space) {
            prefix.push_back(' ');
        }
    }
    if (style.show_prefix && style.base != 10) {
        prefix.push_back('0');
        char letter = style.base == 2      ? 'b'
                      : style.base == 16   ? 'x'
                      : style.octal_letter ? 'o'
                                           : '\0';
        if (letter != '\0') {
            prefix.push_back(style.uppercase ? static_cast<char>(letter - 'a' + 'A') : letter);
        }
    }

    support::ScratchString digits = value.absolute().to_string(style.base);
    if (style.uppercase) {
        for (char& digit : digits) {
            if (digit >= 'a' && digit <= 'z') {
                digit = static_cast<char>(digit - 'a' + 'A');
            }
        }
    }
    std::string_view sign = value.is_negative() ? "-" : "";
    std::size_t outside_digits = sign.size() + prefix.size();
    if (style.grouping != '\0') {
        std::size_t group_size = style.base == 10 ? 3 : 4;
        digits = group_digits(digits, style.grouping, group_size);
    }

    support::ScratchString body;
    if (pad_after_sign) {
        body = std::move(digits);
    } else {
        body.reserve(outside_digits + digits.size());
        body.append(sign).append(prefix).append(digits);
    }

    std::int32_t spaces_before = 0;
    std::int32_t spaces_after = 0;
    if (precision > 1) {
        // The digits are zero-padded to `precision`, then the whole is aligned in `width`.
        std::int64_t precision_width = std::max<std::int64_t>(body.size(), precision) +
                                       static_cast<std::int64_t>(outside_digits);
        if (precision_width < width) {
            (alignment == Alignment::left ? spaces_after : spaces_before) =
                static_cast<std::int32_t>(width - precision_width);
        }
        fill = '0';
        if (alignment == Alignment::left) {
            alignment = Alignment::right;
        }
    }

    XIPY_CHECK(sink.write_repeated(' ', static_cast<std::uint32_t>(spaces_before)));
    if (pad_after_sign) {
        XIPY_CHECK(sink.write(sign));
        XIPY_CHECK(sink.write(prefix));
        width -= static_cast<std::int32_t>(outside_digits);
    }
    if (precision > 1) {
        width = precision;
    }
    XIPY_CHECK(write_padded(body, alignment, fill, width, sink, style.grouping));
    return sink.write_repeated(' ', static_cast<std::uint32_t>(spaces_after));
}

Status write_float(double value, const FloatStyle& style, TextSink& sink) {
    std::array<char, number::max_float_text_length> buffer{};
    number::FloatFormatFlags flags;
    flags.positive_sign = style.positive_sign;
    std::size_t length = number::format_float(value, style.conversion, style.precision, flags,
                                              std::span<char>(buffer));
    std::string_view text(buffer.data(), std::min(length, buffer.size()));
    std::int32_t width = style.width;
    if (style.pad_after_sign && !text.empty() &&
        (text[0] == '-' || text[0] == '+' || text[0] == ' ')) {
        XIPY_CHECK(sink.write(text.substr(0, 1)));
        text.remove_prefix(1);
        --width;
    }
    return write_padded(text, style.alignment, style.fill, width, sink, style.grouping);
}

}  // namespace xipy::text
