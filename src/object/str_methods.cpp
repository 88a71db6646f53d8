// str methods over the text layer's algorithms (text/string_methods.hpp), which match MicroPython.
#include "object/str_methods.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/str_format.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "text/string_methods.hpp"
#include "text/string_sink.hpp"

namespace xipy::object {
namespace {

using text::TextKind;

// Precondition: arguments[0] is a str (the method table guarantees it).
std::string_view self_text(Runtime& runtime, Arguments arguments) {
    return str_view(runtime, arguments[0]);
}

// A str argument, or MicroPython's TypeError for anything else.
std::optional<std::string_view> str_argument(Runtime& runtime, Value value) {
    if (is_str(value)) {
        return str_view(runtime, value);
    }
    runtime.raise_new(&type_error_type, "can't convert '" +
                                            std::string(type_name_of(runtime, value)) +
                                            "' object to str implicitly");
    return std::nullopt;
}

// Optional start/end arguments at `first` and `first + 1`; None counts as missing.
bool range_arguments(Runtime& runtime, Arguments arguments, std::uint32_t first,
                     std::optional<std::int64_t>& start, std::optional<std::int64_t>& end) {
    for (std::uint32_t index = first; index < arguments.positional_count && index < first + 2;
         ++index) {
        if (arguments[index].is_none()) {
            continue;
        }
        std::optional<std::int64_t> value = to_integer(runtime, arguments[index]);
        if (!value) {
            return false;
        }
        (index == first ? start : end) = value;
    }
    return true;
}

// The str result of a text algorithm that wrote into `output`.
Value finish(Runtime& runtime, const text::Status& status, const std::string& output) {
    if (!status.ok()) {
        return raise_text_failure(runtime, status.failure());
    }
    return make_str(runtime, output);
}

// A substring of self, reusing self when it is all of it.
Value make_part(Runtime& runtime, Value self, std::string_view whole, std::string_view part) {
    if (part.size() == whole.size()) {
        return self;
    }
    return make_str(runtime, part);
}

// Collects the views a split produces; they point into self, which the call keeps alive.
class PieceCollector final : public text::PieceSink {
  public:
    bool add(std::string_view piece) override {
        pieces.push_back(piece);
        return true;
    }
    std::vector<std::string_view> pieces;
};

Value list_of_pieces(Runtime& runtime, std::span<const std::string_view> pieces,
                     bool right_to_left) {
    Value list = make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    for (std::size_t index = 0; index < pieces.size(); ++index) {
        std::string_view piece = pieces[right_to_left ? pieces.size() - 1 - index : index];
        Value item = make_str(runtime, piece);
        if (item.is_empty() || !list_append(runtime, list, item)) {
            return Value::empty();
        }
    }
    return list;
}

Value split_common(Runtime& runtime, Arguments arguments, bool from_right) {
    if (!check_keywords(runtime, arguments, {names::sep, names::maxsplit})) {
        return Value::empty();
    }
    Value separator_value = arguments.positional_count > 1 ? arguments[1] : Value::none();
    Value keyword_separator = keyword_argument(arguments, names::sep);
    if (!keyword_separator.is_empty()) {
        separator_value = keyword_separator;
    }
    std::int64_t limit = -1;
    Value limit_value = arguments.positional_count > 2
                            ? arguments[2]
                            : keyword_argument(arguments, names::maxsplit);
    if (!limit_value.is_empty()) {
        std::optional<std::int64_t> parsed = to_integer(runtime, limit_value);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::optional<std::string_view> separator;
    if (!separator_value.is_none()) {
        separator = str_argument(runtime, separator_value);
        if (!separator) {
            return Value::empty();
        }
    }
    PieceCollector collector;
    std::string_view text = self_text(runtime, arguments);
    text::Status status = from_right ? text::rsplit(text, separator, limit, collector)
                                     : text::split(text, separator, limit, collector);
    if (!status.ok()) {
        return raise_text_failure(runtime, status.failure());
    }
    return list_of_pieces(runtime, collector.pieces, from_right && limit >= 0);
}

Value strip_common(Runtime& runtime, Arguments arguments, text::StripSide side) {
    std::optional<std::string_view> characters;
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        characters = str_argument(runtime, arguments[1]);
        if (!characters) {
            return Value::empty();
        }
    }
    std::string_view text = self_text(runtime, arguments);
    return make_part(runtime, arguments[0], text, text::strip(text, characters, side));
}

Value find_common(Runtime& runtime, Arguments arguments, text::Direction direction,
                  bool raise_when_missing) {
    std::optional<std::string_view> needle = str_argument(runtime, arguments[1]);
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!needle || !range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    std::int64_t found =
        text::find(self_text(runtime, arguments), *needle, TextKind::str, start, end, direction);
    if (found < 0 && raise_when_missing) {
        return runtime.raise_new(&value_error_type, "substring not found");
    }
    return Value::from_small_int(found);
}

Value affix_common(Runtime& runtime, Arguments arguments, bool prefix) {
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    std::string_view text = self_text(runtime, arguments);
    std::span<const Value> candidates = arguments.positional().subspan(1, 1);
    if (is_tuple(arguments[1])) {
        candidates = as_tuple(arguments[1])->span();
    }
    for (Value candidate : candidates) {
        std::optional<std::string_view> affix = str_argument(runtime, candidate);
        if (!affix) {
            return Value::empty();
        }
        if (prefix ? text::starts_with(text, *affix, TextKind::str, start, end)
                   : text::ends_with(text, *affix, TextKind::str, start, end)) {
            return Value::true_value();
        }
    }
    return Value::false_value();
}

using Transform = text::Status (*)(std::string_view, text::TextSink&);

Value transform_common(Runtime& runtime, Arguments arguments, Transform transform) {
    std::string output;
    text::StringSink sink(output);
    text::Status status = transform(self_text(runtime, arguments), sink);
    return finish(runtime, status, output);
}

Value partition_common(Runtime& runtime, Arguments arguments, text::Direction direction) {
    std::optional<std::string_view> separator = str_argument(runtime, arguments[1]);
    if (!separator) {
        return Value::empty();
    }
    std::string_view text = self_text(runtime, arguments);
    text::Outcome<text::Partition> parts = text::partition(text, *separator, direction);
    if (!parts.ok()) {
        return raise_text_failure(runtime, parts.failure());
    }
    Value items[3] = {make_part(runtime, arguments[0], text, parts.value().before), Value::empty(),
                      Value::empty()};
    if (items[0].is_empty()) {
        return Value::empty();
    }
    items[1] = parts.value().separator.empty() ? Value::from_interned_string(names::empty_string)
                                               : arguments[1];
    items[2] = make_part(runtime, arguments[0], text, parts.value().after);
    if (items[2].is_empty()) {
        return Value::empty();
    }
    return new_tuple(runtime, items);
}

bool is_ascii(std::string_view text) {
    for (char character : text) {
        if ((static_cast<unsigned char>(character) & 0x80) != 0) {
            return false;
        }
    }
    return true;
}

// replace('', new) on non-ASCII text: inserts between characters, not between the bytes
// the text layer would split (MicroPython would make invalid UTF-8 there).
std::string insert_between_characters(std::string_view text, std::string_view insert,
                                      std::int64_t limit) {
    std::string result;
    std::int64_t done = 0;
    for (std::size_t index = 0; index <= text.size(); ++index) {
        bool continuation =
            index < text.size() && (static_cast<unsigned char>(text[index]) & 0xC0) == 0x80;
        if (!continuation && (limit < 0 || done < limit)) {
            result.append(insert);
            ++done;
        }
        if (index < text.size()) {
            result.push_back(text[index]);
        }
    }
    return result;
}

// Pads to `width` characters with `fill`; `left_share` is the part of the padding that goes
// before the text: 0 (ljust), 1 (rjust) or the smaller half (center, as MicroPython).
Value justify(Runtime& runtime, Arguments arguments, int alignment) {
    std::string_view text = self_text(runtime, arguments);
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    std::string_view fill = " ";
    if (arguments.positional_count > 2) {
        std::optional<std::string_view> given = str_argument(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        fill = *given;
        if (utf8_character_count(fill) != 1) {
            return runtime.raise_new(&type_error_type,
                                     "The fill character must be exactly one character long");
        }
    }
    auto length = static_cast<std::int64_t>(utf8_character_count(text));
    if (*width <= length) {
        return arguments[0];
    }
    std::int64_t padding = *width - length;
    std::int64_t left = alignment < 0 ? 0 : (alignment > 0 ? padding : padding / 2);
    std::string result;
    for (std::int64_t index = 0; index < left; ++index) {
        result.append(fill);
    }
    result.append(text);
    for (std::int64_t index = left; index < padding; ++index) {
        result.append(fill);
    }
    return make_str(runtime, result);
}

char ascii_upper(char character) {
    return character >= 'a' && character <= 'z' ? static_cast<char>(character - 32) : character;
}
char ascii_lower(char character) {
    return character >= 'A' && character <= 'Z' ? static_cast<char>(character + 32) : character;
}
bool ascii_letter(char character) { return ascii_upper(character) != ascii_lower(character); }

template <typename Map>
Value map_characters(Runtime& runtime, Arguments arguments, Map map) {
    std::string text(self_text(runtime, arguments));
    bool previous_letter = false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        char character = text[index];
        text[index] = map(character, index, previous_letter);
        previous_letter = ascii_letter(character);
    }
    return make_str(runtime, text);
}

}  // namespace

Value str_method_join(Runtime& runtime, Arguments arguments) {
    Value iterator = get_iterator(runtime, arguments[1]);
    if (iterator.is_empty()) {
        return Value::empty();
    }
    // The items stay reachable through the list, so the views into them stay valid.
    Value items = make_list(runtime, {});
    if (items.is_empty()) {
        return Value::empty();
    }
    std::vector<std::string_view> pieces;
    for (;;) {
        Value item = iterate_next(runtime, iterator);
        if (item.is_empty()) {
            return Value::empty();
        }
        if (item.is_stop_iteration()) {
            break;
        }
        if (!is_str(item)) {
            return runtime.raise_new(&type_error_type,
                                     "join expects a list of str/bytes objects consistent with "
                                     "self object");
        }
        if (!list_append(runtime, items, item)) {
            return Value::empty();
        }
        pieces.push_back(str_view(runtime, item));
    }
    std::string output;
    text::StringSink sink(output);
    text::Status status = text::join(self_text(runtime, arguments), pieces, sink);
    return finish(runtime, status, output);
}

Value str_method_split(Runtime& runtime, Arguments arguments) {
    return split_common(runtime, arguments, false);
}
Value str_method_rsplit(Runtime& runtime, Arguments arguments) {
    return split_common(runtime, arguments, true);
}

Value str_method_splitlines(Runtime& runtime, Arguments arguments) {
    if (!check_keywords(runtime, arguments, {names::keepends})) {
        return Value::empty();
    }
    Value flag_value = arguments.positional_count > 1
                           ? arguments[1]
                           : keyword_argument(arguments, names::keepends);
    bool keep_ends = false;
    if (!flag_value.is_empty()) {
        int flag = truth(runtime, flag_value);
        if (flag < 0) {
            return Value::empty();
        }
        keep_ends = flag != 0;
    }
    PieceCollector collector;
    text::Status status = text::split_lines(self_text(runtime, arguments), keep_ends, collector);
    if (!status.ok()) {
        return raise_text_failure(runtime, status.failure());
    }
    return list_of_pieces(runtime, collector.pieces, false);
}

Value str_method_strip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, text::StripSide::both);
}
Value str_method_lstrip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, text::StripSide::left);
}
Value str_method_rstrip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, text::StripSide::right);
}

Value str_method_startswith(Runtime& runtime, Arguments arguments) {
    return affix_common(runtime, arguments, true);
}
Value str_method_endswith(Runtime& runtime, Arguments arguments) {
    return affix_common(runtime, arguments, false);
}

Value str_method_find(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::forward, false);
}
Value str_method_rfind(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::backward, false);
}
Value str_method_index(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::forward, true);
}
Value str_method_rindex(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::backward, true);
}

Value str_method_count(Runtime& runtime, Arguments arguments) {
    std::optional<std::string_view> needle = str_argument(runtime, arguments[1]);
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!needle || !range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    return Value::from_small_int(
        text::count(self_text(runtime, arguments), *needle, TextKind::str, start, end));
}

Value str_method_replace(Runtime& runtime, Arguments arguments) {
    std::optional<std::string_view> old_text = str_argument(runtime, arguments[1]);
    if (!old_text) {
        return Value::empty();
    }
    std::optional<std::string_view> new_text = str_argument(runtime, arguments[2]);
    if (!new_text) {
        return Value::empty();
    }
    std::int64_t limit = -1;
    if (arguments.positional_count > 3) {
        std::optional<std::int64_t> parsed = to_integer(runtime, arguments[3]);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::string_view text = self_text(runtime, arguments);
    if (old_text->empty() && !is_ascii(text)) {
        return make_str(runtime, insert_between_characters(text, *new_text, limit));
    }
    std::string output;
    text::StringSink sink(output);
    text::Status status = text::replace(text, *old_text, *new_text, limit, sink);
    return finish(runtime, status, output);
}

Value str_method_upper(Runtime& runtime, Arguments arguments) {
    return transform_common(runtime, arguments, text::to_upper);
}
Value str_method_lower(Runtime& runtime, Arguments arguments) {
    return transform_common(runtime, arguments, text::to_lower);
}

Value str_method_isdigit(Runtime& runtime, Arguments arguments) {
    return Value::boolean(text::is_digit(self_text(runtime, arguments)));
}
Value str_method_isalpha(Runtime& runtime, Arguments arguments) {
    return Value::boolean(text::is_alpha(self_text(runtime, arguments)));
}
Value str_method_isspace(Runtime& runtime, Arguments arguments) {
    return Value::boolean(text::is_space(self_text(runtime, arguments)));
}
Value str_method_isupper(Runtime& runtime, Arguments arguments) {
    return Value::boolean(text::is_upper(self_text(runtime, arguments)));
}
Value str_method_islower(Runtime& runtime, Arguments arguments) {
    return Value::boolean(text::is_lower(self_text(runtime, arguments)));
}

Value str_method_center(Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count > 2) {
        return justify(runtime, arguments, 0);
    }
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    std::string output;
    text::StringSink sink(output);
    text::Status status = text::center(self_text(runtime, arguments), *width, sink);
    return finish(runtime, status, output);
}

Value str_method_partition(Runtime& runtime, Arguments arguments) {
    return partition_common(runtime, arguments, text::Direction::forward);
}
Value str_method_rpartition(Runtime& runtime, Arguments arguments) {
    return partition_common(runtime, arguments, text::Direction::backward);
}

Value str_method_encode(Runtime& runtime, Arguments arguments) {
    return make_bytes(runtime, self_text(runtime, arguments));
}

Value str_method_format(Runtime& runtime, Arguments arguments) {
    return str_format_method(runtime, arguments);
}

// ---- CPython's extras

Value str_method_isalnum(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    for (char character : text) {
        if (!ascii_letter(character) && !(character >= '0' && character <= '9')) {
            return Value::false_value();
        }
    }
    return Value::boolean(!text.empty());
}

Value str_method_swapcase(Runtime& runtime, Arguments arguments) {
    return map_characters(runtime, arguments, [](char character, std::size_t, bool) {
        return character >= 'a' && character <= 'z' ? ascii_upper(character)
                                                    : ascii_lower(character);
    });
}

Value str_method_capitalize(Runtime& runtime, Arguments arguments) {
    return map_characters(runtime, arguments, [](char character, std::size_t index, bool) {
        return index == 0 ? ascii_upper(character) : ascii_lower(character);
    });
}

Value str_method_title(Runtime& runtime, Arguments arguments) {
    return map_characters(
        runtime, arguments, [](char character, std::size_t, bool previous_letter) {
            return previous_letter ? ascii_lower(character) : ascii_upper(character);
        });
}

Value str_method_ljust(Runtime& runtime, Arguments arguments) {
    return justify(runtime, arguments, -1);
}
Value str_method_rjust(Runtime& runtime, Arguments arguments) {
    return justify(runtime, arguments, 1);
}

Value str_method_zfill(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    auto length = static_cast<std::int64_t>(utf8_character_count(text));
    if (*width <= length) {
        return arguments[0];
    }
    std::string result;
    std::size_t digits_start = 0;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        result.push_back(text[0]);
        digits_start = 1;
    }
    result.append(static_cast<std::size_t>(*width - length), '0');
    result.append(text.substr(digits_start));
    return make_str(runtime, result);
}

Value str_method_removeprefix(Runtime& runtime, Arguments arguments) {
    std::optional<std::string_view> affix = str_argument(runtime, arguments[1]);
    if (!affix) {
        return Value::empty();
    }
    std::string_view text = self_text(runtime, arguments);
    return make_part(runtime, arguments[0], text,
                     text.starts_with(*affix) ? text.substr(affix->size()) : text);
}

Value str_method_removesuffix(Runtime& runtime, Arguments arguments) {
    std::optional<std::string_view> affix = str_argument(runtime, arguments[1]);
    if (!affix) {
        return Value::empty();
    }
    std::string_view text = self_text(runtime, arguments);
    return make_part(runtime, arguments[0], text,
                     text.ends_with(*affix) ? text.substr(0, text.size() - affix->size()) : text);
}

}  // namespace xipy::object
