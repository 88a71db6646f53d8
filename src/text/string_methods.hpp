// The algorithms behind str and bytes methods, on UTF-8 (str) or raw bytes, as MicroPython has
// them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "text/errors.hpp"
#include "text/piece_sink.hpp"
#include "text/text_sink.hpp"

namespace xipy::text {

// Whether the text is a str (indexes count code points) or bytes (indexes count bytes).
enum class TextKind : std::uint8_t { str, bytes };

enum class Direction : std::uint8_t { forward, backward };

// A [start, end) byte range of a text.
struct ByteRange {
    std::size_t start = 0;
    std::size_t end = 0;
};

// Python slice bounds (missing = whole text, negative = from the end, clamped) as bytes.
ByteRange resolve_range(std::string_view text, TextKind kind, std::optional<std::int64_t> start,
                        std::optional<std::int64_t> end);

// find/rfind: the index (code points for str) of `needle` within [start, end), or -1.
// index/rindex raise ValueError "substring not found" on -1.
std::int64_t find(std::string_view text, std::string_view needle, TextKind kind,
                  std::optional<std::int64_t> start, std::optional<std::int64_t> end,
                  Direction direction);

// count: non-overlapping occurrences in [start, end); an empty needle counts the gaps
// between code points, i.e. length + 1.
std::int64_t count(std::string_view text, std::string_view needle, TextKind kind,
                   std::optional<std::int64_t> start, std::optional<std::int64_t> end);

// startswith / endswith one candidate within [start, end) (a tuple is the caller's loop).
bool starts_with(std::string_view text, std::string_view prefix, TextKind kind,
                 std::optional<std::int64_t> start, std::optional<std::int64_t> end);
bool ends_with(std::string_view text, std::string_view suffix, TextKind kind,
               std::optional<std::int64_t> start, std::optional<std::int64_t> end);

// split(separator, max_split): no separator splits on runs of ASCII whitespace; a negative
// max_split means no limit. ValueError "empty separator".
Status split(std::string_view text, std::optional<std::string_view> separator,
             std::int64_t max_split, PieceSink& pieces);

// rsplit with max_split >= 0: pieces arrive RIGHT TO LEFT (the last piece first), so the
// caller fills its list from the end. A negative max_split is the same as split (pieces
// left to right), as in MicroPython. NotImplementedError "rsplit(None,n)" without a
// separator and with a limit; ValueError "empty separator".
Status rsplit(std::string_view text, std::optional<std::string_view> separator,
              std::int64_t max_split, PieceSink& pieces);

// splitlines: lines end at \n, \r or \r\n; `keep_ends` keeps the terminator.
Status split_lines(std::string_view text, bool keep_ends, PieceSink& pieces);

// join: the pieces with `separator` between them (type checks are the caller's).
Status join(std::string_view separator, std::span<const std::string_view> pieces, TextSink& sink);

enum class StripSide : std::uint8_t { both, left, right };

// strip/lstrip/rstrip: removes bytes found in `characters` (default " \t\n\r\v\f"; MicroPython
// compares bytes, so non-ASCII characters in `characters` match byte by byte).
std::string_view strip(std::string_view text, std::optional<std::string_view> characters,
                       StripSide side);

// replace(old, new, max_count): max_count < 0 means all. Works on bytes like MicroPython, so an
// empty `old` inserts between bytes (only meaningful for ASCII str).
Status replace(std::string_view text, std::string_view old_text, std::string_view new_text,
               std::int64_t max_count, TextSink& sink);

// partition / rpartition. When not found: forward gives (text, "", ""), backward ("", "",
// text). ValueError "empty separator".
struct Partition {
    std::string_view before;
    std::string_view separator;
    std::string_view after;
};
Result<Partition> partition(std::string_view text, std::string_view separator, Direction direction);

// center(width): spaces around, the left side getting the smaller half; `length` is the
// text's width in the unit width counts.
Status center(std::string_view text, std::int64_t length, std::int64_t width, TextSink& sink);

// upper/lower: ASCII letters only ('É'.lower() is 'É' in MicroPython).
Status to_upper(std::string_view text, TextSink& sink);
Status to_lower(std::string_view text, TextSink& sink);

// isspace/isalpha/isdigit: every byte is ASCII space/letter/digit (False for "").
// isupper/islower: at least one ASCII letter and every letter in that case.
bool is_space(std::string_view text);
bool is_alpha(std::string_view text);
bool is_digit(std::string_view text);
bool is_upper(std::string_view text);
bool is_lower(std::string_view text);

// bytes.hex(separator): lowercase pairs, with `separator` between bytes.
Status write_hex(std::string_view bytes, std::string_view separator, TextSink& sink);

// bytes.fromhex: pairs of hex digits, whitespace allowed between pairs; ValueError
// "non-hex digit" otherwise (also for an odd digit count).
Status from_hex(std::string_view text, TextSink& sink);

}  // namespace xipy::text
