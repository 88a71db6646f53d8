// UTF-8 code point arithmetic and the repr() escaping rules of MicroPython's str and bytes.
#include "text/utf8_text.hpp"

#include <array>

namespace xipy::text {
namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

constexpr std::string_view hex_digits = "0123456789abcdef";

// Picks the quote the way MicroPython does: the scan stops at the first double quote,
// so a text holding both kinds keeps single quotes and escapes them.
char choose_quote(std::string_view text) {
    bool has_single_quote = false;
    for (char byte : text) {
        if (byte == '"') {
            return '\'';
        }
        if (byte == '\'') {
            has_single_quote = true;
        }
    }
    return has_single_quote ? '"' : '\'';
}

// Writes `value` as backslash, `letter` and `digit_count` lowercase hex digits.
Status write_hex_escape(char letter, std::uint32_t value, int digit_count, TextSink& sink) {
    std::array<char, 10> escape{};
    escape[0] = '\\';
    escape[1] = letter;
    for (int position = digit_count - 1; position >= 0; --position) {
        escape[2 + position] = hex_digits[value & 0xF];
        value >>= 4;
    }
    return sink.write(std::string_view(escape.data(), 2 + digit_count));
}

// The escape shared by str and bytes for one ASCII byte, or false if it prints as is.
bool simple_escape(char byte, char quote, std::string_view& escape) {
    switch (byte) {
        case '\\':
            escape = "\\\\";
            return true;
        case '\n':
            escape = "\\n";
            return true;
        case '\r':
            escape = "\\r";
            return true;
        case '\t':
            escape = "\\t";
            return true;
        default:
            break;
    }
    if (byte == quote) {
        escape = quote == '\'' ? "\\'" : "\\\"";
        return true;
    }
    return false;
}

}  // namespace

bool is_ascii(std::string_view text) {
    for (char byte : text) {
        if (static_cast<unsigned char>(byte) >= 0x80) {
            return false;
        }
    }
    return true;
}

std::size_t code_point_count(std::string_view utf8) {
    std::size_t count = 0;
    for (char byte : utf8) {
        count += is_continuation(static_cast<unsigned char>(byte)) ? 0 : 1;
    }
    return count;
}

std::size_t code_point_offset(std::string_view utf8, std::size_t index) {
    std::size_t offset = 0;
    while (offset < utf8.size()) {
        if (!is_continuation(static_cast<unsigned char>(utf8[offset]))) {
            if (index == 0) {
                return offset;
            }
            --index;
        }
        ++offset;
    }
    return utf8.size();
}

std::size_t code_point_index(std::string_view utf8, std::size_t byte_offset) {
    if (byte_offset > utf8.size()) {
        byte_offset = utf8.size();
    }
    return code_point_count(utf8.substr(0, byte_offset));
}

DecodedCodePoint decode_code_point(std::string_view utf8, std::size_t offset) {
    auto lead = static_cast<unsigned char>(utf8[offset]);
    if (lead < 0x80) {
        return {lead, 1};
    }
    // The lead byte's high bits give the sequence length; its remaining bits start the value.
    std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t code_point = lead & (0x7F >> length);
    std::size_t consumed = 1;
    while (consumed < length && offset + consumed < utf8.size() &&
           is_continuation(static_cast<unsigned char>(utf8[offset + consumed]))) {
        code_point =
            (code_point << 6) | (static_cast<unsigned char>(utf8[offset + consumed]) & 0x3F);
        ++consumed;
    }
    return {code_point, consumed};
}

std::size_t encode_code_point(char32_t code_point, char (&out)[4]) {
    auto byte = [](char32_t bits) { return static_cast<char>(static_cast<unsigned char>(bits)); };
    if (code_point < 0x80) {
        out[0] = byte(code_point);
        return 1;
    }
    if (code_point < 0x800) {
        out[0] = byte(0xC0 | (code_point >> 6));
        out[1] = byte(0x80 | (code_point & 0x3F));
        return 2;
    }
    if (code_point < 0x10000) {
        out[0] = byte(0xE0 | (code_point >> 12));
        out[1] = byte(0x80 | ((code_point >> 6) & 0x3F));
        out[2] = byte(0x80 | (code_point & 0x3F));
        return 3;
    }
    out[0] = byte(0xF0 | ((code_point >> 18) & 0x07));
    out[1] = byte(0x80 | ((code_point >> 12) & 0x3F));
    out[2] = byte(0x80 | ((code_point >> 6) & 0x3F));
    out[3] = byte(0x80 | (code_point & 0x3F));
    return 4;
}

Status encode_char_code(std::int64_t code, char (&out)[4], std::size_t& length) {
    if (code < 0 || code > 0x10FFFF) {
        return Error{ErrorKind::overflow_error, "char not in range(0x110000)"};
    }
    length = encode_code_point(static_cast<char32_t>(code), out);
    return Success{};
}

bool decode_text(std::string_view data, Encoding encoding, DecodeErrors errors,
                 support::ScratchString& out) {
    static constexpr std::string_view replacement = "\xef\xbf\xbd";  // U+FFFD
    std::size_t offset = 0;
    while (offset < data.size()) {
        auto lead = static_cast<unsigned char>(data[offset]);
        std::size_t wanted = 0;  // continuation bytes the lead byte announces
        if (lead < 0x80) {
            out.push_back(static_cast<char>(lead));
            ++offset;
            continue;
        }
        if (encoding == Encoding::utf8 && lead >= 0xC0 && lead < 0xF8) {
            wanted = lead >= 0xF0 ? 3 : (lead >= 0xE0 ? 2 : 1);
        }
        std::size_t length = 1;
        while (length <= wanted && offset + length < data.size() &&
               is_continuation(static_cast<unsigned char>(data[offset + length]))) {
            ++length;
        }
        if (wanted != 0 && length == wanted + 1) {
            out.append(data.substr(offset, length));
        } else if (errors == DecodeErrors::strict) {
            return false;
        } else if (errors == DecodeErrors::replace) {
            out.append(replacement);
        }
        offset += length;
    }
    return true;
}

Status write_str_repr(std::string_view utf8, TextSink& sink) {
    char quote = choose_quote(utf8);
    XIPY_CHECK(sink.write(std::string_view(&quote, 1)));
    std::size_t offset = 0;
    while (offset < utf8.size()) {
        // Printable ASCII goes out in runs, which is the common case.
        std::size_t run_end = offset;
        while (run_end < utf8.size()) {
            auto byte = static_cast<unsigned char>(utf8[run_end]);
            if (byte < 0x20 || byte >= 0x7F || byte == '\\' ||
                byte == static_cast<unsigned char>(quote)) {
                break;
            }
            ++run_end;
        }
        if (run_end > offset) {
            XIPY_CHECK(sink.write(utf8.substr(offset, run_end - offset)));
            offset = run_end;
            continue;
        }
        // Escapes depend on the decoded code point, so a malformed sequence that decodes
        // to 9 prints as \t, as in MicroPython.
        // A stray continuation byte starts no code point, so the reference prints nothing.
        if (is_continuation(static_cast<unsigned char>(utf8[offset]))) {
            ++offset;
            continue;
        }
        DecodedCodePoint decoded = decode_code_point(utf8, offset);
        offset += decoded.length;
        std::string_view escape;
        if (decoded.code_point < 0x80 &&
            simple_escape(static_cast<char>(decoded.code_point), quote, escape)) {
            XIPY_CHECK(sink.write(escape));
        } else if (decoded.code_point >= 0x20 && decoded.code_point < 0x7F) {
            char plain = static_cast<char>(decoded.code_point);
            XIPY_CHECK(sink.write(std::string_view(&plain, 1)));
        } else if (decoded.code_point < 0x80) {
            XIPY_CHECK(write_hex_escape('x', decoded.code_point, 2, sink));
        } else if (decoded.code_point < 0xD800 ||
                   (decoded.code_point > 0xDFFF && decoded.code_point <= 0x10FFFF)) {
            // Other characters print as themselves (as CPython), in the bytes they came in.
            XIPY_CHECK(sink.write(utf8.substr(offset - decoded.length, decoded.length)));
        } else if (decoded.code_point < 0x10000) {
            XIPY_CHECK(write_hex_escape('u', decoded.code_point, 4, sink));
        } else {
            XIPY_CHECK(write_hex_escape('U', decoded.code_point, 8, sink));
        }
    }
    return sink.write(std::string_view(&quote, 1));
}

Status write_bytes_repr(std::string_view bytes, TextSink& sink) {
    char quote = choose_quote(bytes);
    char opening[2] = {'b', quote};
    XIPY_CHECK(sink.write(std::string_view(opening, 2)));
    std::size_t offset = 0;
    while (offset < bytes.size()) {
        std::size_t run_end = offset;
        while (run_end < bytes.size()) {
            auto byte = static_cast<unsigned char>(bytes[run_end]);
            if (byte < 0x20 || byte >= 0x7F || byte == '\\' ||
                byte == static_cast<unsigned char>(quote)) {
                break;
            }
            ++run_end;
        }
        if (run_end > offset) {
            XIPY_CHECK(sink.write(bytes.substr(offset, run_end - offset)));
            offset = run_end;
            continue;
        }
        std::string_view escape;
        if (simple_escape(bytes[offset], quote, escape)) {
            XIPY_CHECK(sink.write(escape));
        } else {
            XIPY_CHECK(write_hex_escape('x', static_cast<unsigned char>(bytes[offset]), 2, sink));
        }
        ++offset;
    }
    return sink.write(std::string_view(&quote, 1));
}

}  // namespace xipy::text
