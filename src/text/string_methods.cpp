// Searching, splitting, stripping and case rules of MicroPython's str and bytes methods.
#include "text/string_methods.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "text/substring_search.hpp"
#include "text/utf8_text.hpp"

namespace xipy::text {
namespace {

constexpr std::string_view default_whitespace = " \t\n\r\v\f";

bool is_ascii_space(char byte) { return byte == ' ' || (byte >= '\t' && byte <= '\r'); }
bool is_ascii_upper(char byte) { return byte >= 'A' && byte <= 'Z'; }
bool is_ascii_lower(char byte) { return byte >= 'a' && byte <= 'z'; }
bool is_ascii_letter(char byte) { return is_ascii_upper(byte) || is_ascii_lower(byte); }
bool is_ascii_digit(char byte) { return byte >= '0' && byte <= '9'; }

std::size_t length_in_units(std::string_view text, TextKind kind) {
    return kind == TextKind::str ? code_point_count(text) : text.size();
}

std::size_t unit_to_byte(std::string_view text, TextKind kind, std::size_t index) {
    return kind == TextKind::str ? code_point_offset(text, index) : std::min(index, text.size());
}

std::int64_t byte_to_unit(std::string_view text, TextKind kind, std::size_t offset) {
    return static_cast<std::int64_t>(kind == TextKind::str ? code_point_index(text, offset)
                                                           : offset);
}

std::size_t clamp_index(std::optional<std::int64_t> index, std::size_t length,
                        std::size_t fallback) {
    if (!index) {
        return fallback;
    }
    std::int64_t value = *index;
    auto signed_length = static_cast<std::int64_t>(length);
    if (value < 0) {
        value += signed_length;
        if (value < 0) {
            value = 0;
        }
    }
    return value > signed_length ? length : static_cast<std::size_t>(value);
}

Status add_piece(PieceSink& pieces, std::string_view piece) {
    return pieces.add(piece) ? succeeded() : sink_full();
}

Error empty_separator() { return Error{ErrorKind::value_error, "empty separator"}; }

bool all_bytes(std::string_view text, bool (*predicate)(char)) {
    if (text.empty()) {
        return false;
    }
    for (char byte : text) {
        if (!predicate(byte)) {
            return false;
        }
    }
    return true;
}

bool letters_all(std::string_view text, bool (*predicate)(char)) {
    bool has_letter = false;
    for (char byte : text) {
        if (is_ascii_letter(byte)) {
            has_letter = true;
            if (!predicate(byte)) {
                return false;
            }
        }
    }
    return has_letter;
}

Status convert_case(std::string_view text, bool to_upper_case, TextSink& sink) {
    std::array<char, 64> block;
    while (!text.empty()) {
        std::size_t piece = std::min(text.size(), block.size());
        for (std::size_t index = 0; index < piece; ++index) {
            char byte = text[index];
            if (to_upper_case && is_ascii_lower(byte)) {
                byte = static_cast<char>(byte - 'a' + 'A');
            } else if (!to_upper_case && is_ascii_upper(byte)) {
                byte = static_cast<char>(byte - 'A' + 'a');
            }
            block[index] = byte;
        }
        XIPY_CHECK(sink.write(std::string_view(block.data(), piece)));
        text.remove_prefix(piece);
    }
    return succeeded();
}

int hex_value(char digit) {
    if (digit >= '0' && digit <= '9') {
        return digit - '0';
    }
    if (digit >= 'a' && digit <= 'f') {
        return digit - 'a' + 10;
    }
    if (digit >= 'A' && digit <= 'F') {
        return digit - 'A' + 10;
    }
    return -1;
}

}  // namespace

ByteRange resolve_range(std::string_view text, TextKind kind, std::optional<std::int64_t> start,
                        std::optional<std::int64_t> end) {
    // ASCII str indexes are byte offsets, which skips the code point walk.
    if (kind == TextKind::str && is_ascii(text)) {
        kind = TextKind::bytes;
    }
    std::size_t length = length_in_units(text, kind);
    std::size_t start_unit = clamp_index(start, length, 0);
    std::size_t end_unit = clamp_index(end, length, length);
    return ByteRange{unit_to_byte(text, kind, start_unit), unit_to_byte(text, kind, end_unit)};
}

std::int64_t find(std::string_view text, std::string_view needle, TextKind kind,
                  std::optional<std::int64_t> start, std::optional<std::int64_t> end,
                  Direction direction) {
    ByteRange range = resolve_range(text, kind, start, end);
    if (range.start > range.end) {
        return -1;
    }
    std::string_view window = text.substr(range.start, range.end - range.start);
    std::size_t found = direction == Direction::forward ? find_forward(window, needle)
                                                        : find_backward(window, needle);
    if (found == std::string_view::npos) {
        return -1;
    }
    return byte_to_unit(text, kind, range.start + found);
}

std::int64_t count(std::string_view text, std::string_view needle, TextKind kind,
                   std::optional<std::int64_t> start, std::optional<std::int64_t> end) {
    ByteRange range = resolve_range(text, kind, start, end);
    if (range.start > range.end) {
        return 0;
    }
    std::string_view window = text.substr(range.start, range.end - range.start);
    if (needle.empty()) {
        return static_cast<std::int64_t>(length_in_units(window, kind)) + 1;
    }
    std::int64_t occurrences = 0;
    std::size_t position = find_forward(window, needle);
    while (position != std::string_view::npos) {
        ++occurrences;
        position = find_forward(window, needle, position + needle.size());
    }
    return occurrences;
}

bool starts_with(std::string_view text, std::string_view prefix, TextKind kind,
                 std::optional<std::int64_t> start, std::optional<std::int64_t> end) {
    ByteRange range = resolve_range(text, kind, start, end);
    if (range.start > range.end) {
        return false;
    }
    return text.substr(range.start, range.end - range.start).starts_with(prefix);
}

bool ends_with(std::string_view text, std::string_view suffix, TextKind kind,
               std::optional<std::int64_t> start, std::optional<std::int64_t> end) {
    ByteRange range = resolve_range(text, kind, start, end);
    if (range.start > range.end) {
        return false;
    }
    return text.substr(range.start, range.end - range.start).ends_with(suffix);
}

Status split(std::string_view text, std::optional<std::string_view> separator,
             std::int64_t max_split, PieceSink& pieces) {
    std::size_t position = 0;
    if (!separator) {
        // Leading whitespace never makes an empty piece.
        while (position < text.size() && is_ascii_space(text[position])) {
            ++position;
        }
        while (position < text.size() && max_split != 0) {
            std::size_t piece_start = position;
            while (position < text.size() && !is_ascii_space(text[position])) {
                ++position;
            }
            XIPY_CHECK(add_piece(pieces, text.substr(piece_start, position - piece_start)));
            while (position < text.size() && is_ascii_space(text[position])) {
                ++position;
            }
            if (max_split > 0) {
                --max_split;
            }
        }
        if (position < text.size()) {
            XIPY_CHECK(add_piece(pieces, text.substr(position)));
        }
        return succeeded();
    }
    if (separator->empty()) {
        return empty_separator();
    }
    while (true) {
        std::size_t found =
            max_split == 0 ? std::string_view::npos : find_forward(text, *separator, position);
        if (found == std::string_view::npos) {
            return add_piece(pieces, text.substr(position));
        }
        XIPY_CHECK(add_piece(pieces, text.substr(position, found - position)));
        position = found + separator->size();
        if (max_split > 0) {
            --max_split;
        }
    }
}

Status rsplit(std::string_view text, std::optional<std::string_view> separator,
              std::int64_t max_split, PieceSink& pieces) {
    if (max_split < 0) {
        return split(text, separator, max_split, pieces);
    }
    if (!separator) {
        return Error{ErrorKind::not_implemented_error, "rsplit(None,n)"};
    }
    if (separator->empty()) {
        return empty_separator();
    }
    std::size_t end = text.size();
    while (max_split > 0 && end >= separator->size()) {
        std::size_t found = find_backward(text, *separator, end);
        if (found == std::string_view::npos) {
            break;
        }
        std::size_t piece_start = found + separator->size();
        XIPY_CHECK(add_piece(pieces, text.substr(piece_start, end - piece_start)));
        end = found;
        --max_split;
    }
    return add_piece(pieces, text.substr(0, end));
}

Status split_lines(std::string_view text, bool keep_ends, PieceSink& pieces) {
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t line_end = text.find_first_of("\r\n", position);
        if (line_end == std::string_view::npos) {
            return add_piece(pieces, text.substr(position));
        }
        std::size_t terminator = 1;
        if (text[line_end] == '\r' && line_end + 1 < text.size() && text[line_end + 1] == '\n') {
            terminator = 2;
        }
        std::size_t kept = keep_ends ? terminator : 0;
        XIPY_CHECK(add_piece(pieces, text.substr(position, line_end - position + kept)));
        position = line_end + terminator;
    }
    return succeeded();
}

Status join(std::string_view separator, std::span<const std::string_view> pieces, TextSink& sink) {
    for (std::size_t index = 0; index < pieces.size(); ++index) {
        if (index > 0) {
            XIPY_CHECK(sink.write(separator));
        }
        XIPY_CHECK(sink.write(pieces[index]));
    }
    return succeeded();
}

std::string_view strip(std::string_view text, std::optional<std::string_view> characters,
                       StripSide side) {
    std::string_view removable = characters ? *characters : default_whitespace;
    if (side != StripSide::right) {
        std::size_t first = text.find_first_not_of(removable);
        text.remove_prefix(first == std::string_view::npos ? text.size() : first);
    }
    if (side != StripSide::left) {
        std::size_t last = text.find_last_not_of(removable);
        text = last == std::string_view::npos ? text.substr(0, 0) : text.substr(0, last + 1);
    }
    return text;
}

Status replace(std::string_view text, std::string_view old_text, std::string_view new_text,
               std::int64_t max_count, TextSink& sink) {
    std::size_t position = 0;
    std::int64_t done = 0;
    if (old_text.empty() && max_count != 0) {
        // An empty match sits before every byte and at the end.
        XIPY_CHECK(sink.write(new_text));
        ++done;
        while (position < text.size() && (max_count < 0 || done < max_count)) {
            XIPY_CHECK(sink.write(text.substr(position, 1)));
            XIPY_CHECK(sink.write(new_text));
            ++position;
            ++done;
        }
        return sink.write(text.substr(position));
    }
    while (max_count < 0 || done < max_count) {
        std::size_t found =
            old_text.empty() ? std::string_view::npos : find_forward(text, old_text, position);
        if (found == std::string_view::npos) {
            break;
        }
        XIPY_CHECK(sink.write(text.substr(position, found - position)));
        XIPY_CHECK(sink.write(new_text));
        position = found + old_text.size();
        ++done;
    }
    return sink.write(text.substr(position));
}

Result<Partition> partition(std::string_view text, std::string_view separator,
                            Direction direction) {
    if (separator.empty()) {
        return empty_separator();
    }
    std::size_t found = direction == Direction::forward ? find_forward(text, separator)
                                                        : find_backward(text, separator);
    Partition result;
    if (found == std::string_view::npos) {
        (direction == Direction::forward ? result.before : result.after) = text;
        return result;
    }
    result.before = text.substr(0, found);
    result.separator = text.substr(found, separator.size());
    result.after = text.substr(found + separator.size());
    return result;
}

Status center(std::string_view text, std::int64_t length, std::int64_t width, TextSink& sink) {
    if (width <= length) {
        return sink.write(text);
    }
    auto pad = static_cast<std::uint64_t>(width - length);
    if (pad > static_cast<std::size_t>(-1)) {
        return sink_full();
    }
    auto left = static_cast<std::size_t>(pad / 2);
    XIPY_CHECK(sink.write_repeated(' ', left));
    XIPY_CHECK(sink.write(text));
    return sink.write_repeated(' ', static_cast<std::size_t>(pad) - left);
}

Status to_upper(std::string_view text, TextSink& sink) { return convert_case(text, true, sink); }
Status to_lower(std::string_view text, TextSink& sink) { return convert_case(text, false, sink); }

bool is_space(std::string_view text) { return all_bytes(text, is_ascii_space); }
bool is_alpha(std::string_view text) { return all_bytes(text, is_ascii_letter); }
bool is_digit(std::string_view text) { return all_bytes(text, is_ascii_digit); }
bool is_upper(std::string_view text) { return letters_all(text, is_ascii_upper); }
bool is_lower(std::string_view text) { return letters_all(text, is_ascii_lower); }

Status write_hex(std::string_view bytes, std::string_view separator, TextSink& sink) {
    static constexpr std::string_view digits = "0123456789abcdef";
    for (std::size_t index = 0; index < bytes.size(); ++index) {
        if (index > 0) {
            XIPY_CHECK(sink.write(separator));
        }
        auto byte = static_cast<unsigned char>(bytes[index]);
        char pair[2] = {digits[byte >> 4], digits[byte & 0xF]};
        XIPY_CHECK(sink.write(std::string_view(pair, 2)));
    }
    return succeeded();
}

Status from_hex(std::string_view text, TextSink& sink) {
    std::size_t position = 0;
    while (position < text.size()) {
        if (is_ascii_space(text[position])) {
            ++position;
            continue;
        }
        int high = hex_value(text[position]);
        int low = position + 1 < text.size() ? hex_value(text[position + 1]) : -1;
        if (high < 0 || low < 0) {
            return Error{ErrorKind::value_error, "non-hex digit"};
        }
        char byte = static_cast<char>(high * 16 + low);
        XIPY_CHECK(sink.write(std::string_view(&byte, 1)));
        position += 2;
    }
    return succeeded();
}

}  // namespace xipy::text
