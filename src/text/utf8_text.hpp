// UTF-8 helpers for str: code point counting and indexing, encoding, and repr of str/bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "support/scratch_allocator.hpp"
#include "text/errors.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// Every function here tolerates malformed input (MicroPython can build str objects that
// are not valid UTF-8, e.g. ones .mpy constants bring): a code point starts at each byte that is
// not a continuation byte (10xxxxxx), and nothing is ever read past the end.

// True if every byte is below 0x80; then code point indexes equal byte offsets.
bool is_ascii(std::string_view text);

// The number of code points, as len() counts them.
std::size_t code_point_count(std::string_view utf8);

// The byte offset where code point `index` starts; utf8.size() if index >= the count.
std::size_t code_point_offset(std::string_view utf8, std::size_t index);

// The code point index of the byte at `byte_offset` (the count of code points before it).
std::size_t code_point_index(std::string_view utf8, std::size_t byte_offset);

// One decoded code point and how many bytes it took (at least 1, never past the end).
struct DecodedCodePoint {
    char32_t code_point = 0;
    std::size_t length = 0;
};

// Decodes the code point starting at `offset` (< utf8.size()). A truncated sequence
// yields the bits it has, as MicroPython's decoder does.
DecodedCodePoint decode_code_point(std::string_view utf8, std::size_t offset);

// Writes the UTF-8 form of `code_point` (<= 0x10FFFF; surrogates are encoded like any
// other value) into `out` and returns its length, 1 to 4.
std::size_t encode_code_point(char32_t code_point, char (&out)[4]);

// The character '%c' and format()'s 'c' print for `code`, in UTF-8 (surrogates too), into
// `out`; its length in `length`. MicroPython's OverflowError when code is outside
// 0..0x10FFFF.
Status encode_char_code(std::int64_t code, char (&out)[4], std::size_t& length);

// The encodings bytes.decode, str(bytes, ...), bytes(str, ...) and str.encode know.
enum class Encoding : unsigned char { utf8, ascii };
// What decoding does with a malformed sequence: fail, drop it, or put U+FFFD in its place.
enum class DecodeErrors : unsigned char { strict, ignore, replace };

// Decodes `data` as MicroPython does. UTF-8 is checked for shape only: a lead byte
// 0xC0..0xF7 followed by all its continuation bytes (so overlong forms, surrogates and
// points up to U+1FFFFF pass, as on the reference). A malformed sequence is a stray
// continuation byte, a byte 0xF8..0xFF, or a lead byte with the continuation bytes that
// follow it when too few do; for ASCII, each byte above 0x7F. Returns false when `errors`
// is strict and the data holds a malformed sequence.
bool decode_text(std::string_view data, Encoding encoding, DecodeErrors errors,
                 support::ScratchString& out);

// repr() of a str exactly as MicroPython prints it: single quotes unless the text holds
// a ' and no ", printable ASCII as is, \n \r \t \\ and the quote escaped, other ASCII
// controls as \xNN, surrogates and points past U+10FFFF as \uNNNN or \UNNNNNNNN, and every
// other character as itself (so repr('é') is 'é').
Status write_str_repr(std::string_view utf8, TextSink& sink);

// repr() of bytes: b'...' with the same quoting; bytes outside 0x20..0x7e become \xNN.
Status write_bytes_repr(std::string_view bytes, TextSink& sink);

}  // namespace xipy::text
