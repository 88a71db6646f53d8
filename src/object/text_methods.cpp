// The methods str, bytes and bytearray share: Python arguments to the text layer's algorithms.
#include "object/text_methods.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_format.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/small_vector.hpp"
#include "text/substring_search.hpp"

namespace xipy::object {
namespace {

using text::TextKind;

// Precondition: arguments[0] is of the kind's type (the method tables guarantee it).
std::string_view self_text(Runtime& runtime, Arguments arguments, TextKind kind) {
    return kind == TextKind::str ? str_view(runtime, arguments[0])
                                 : get_buffer(arguments[0])->bytes();
}

bool is_bytearray(Value value) {
    ArrayObject* array = as_array_like(value);
    return array != nullptr && array->type() == &bytearray_type;
}

// A new result of self's type: str, bytes, or bytearray for bytearray methods.
Result<Value> make_result(Runtime& runtime, Value self, TextKind kind, std::string_view data) {
    if (kind == TextKind::str) {
        return make_str(runtime, data);
    }
    return is_bytearray(self) ? make_bytearray(runtime, data) : make_bytes(runtime, data);
}

// A part of self, which is self itself when it is all of it (as MicroPython, even for a
// bytearray).
Result<Value> make_part(Runtime& runtime, Value self, TextKind kind, std::string_view whole,
                        std::string_view part) {
    if (part.size() == whole.size()) {
        return self;
    }
    return make_result(runtime, self, kind, part);
}

// The result of a text algorithm that wrote into `output`.
Result<Value> finish(Runtime& runtime, Value self, TextKind kind, const text::Status& status,
                     std::string_view output) {
    if (!status.ok()) {
        return raise_text_error(runtime, status.error());
    }
    // The output's size measures the work that built it.
    if (!runtime.charge_if_large(output.size())) {
        return Value::empty();
    }
    return make_result(runtime, self, kind, output);
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

// Makes each piece a split produces into an item of a new list as it comes (no table of
// views between, so a split asks the C library for nothing). The pieces are views into self,
// which the call keeps alive, and nothing changes it while the list is built (no Python code
// runs). `failed_` says an exception is pending (the heap or the step budget refused).
class PieceCollector final : public text::PieceSink {
  public:
    PieceCollector(Runtime& runtime, Value self, TextKind kind)
        : runtime_(runtime), self_(self), kind_(kind), list_(make_list(runtime, {})) {
        failed_ = list_.is_empty();
    }
    bool add(std::string_view piece) override {
        // Making each piece an object is the long part of a split into many pieces.
        constexpr std::uint64_t piece_units = 32;
        if (failed_ || !runtime_.add_native_work(piece_units + piece.size())) {
            failed_ = true;
            return false;
        }
        Value item = make_result(runtime_, self_, kind_, piece);
        failed_ = item.is_empty() || !list_append(runtime_, list_, item);
        return !failed_;
    }
    // The list, reversed first for a split that produced its pieces right to left.
    Result<Value> finish(const text::Status& status, bool reverse) {
        if (failed_) {
            return Value::empty();
        }
        if (!status.ok()) {
            return raise_text_error(runtime_, status.error());
        }
        if (reverse) {
            std::span<Value> items = as_list(list_)->span();
            std::reverse(items.begin(), items.end());
        }
        return list_;
    }

  private:
    Runtime& runtime_;
    Value self_;
    TextKind kind_;
    Value list_;
    bool failed_ = false;
};

// An item join accepts: a str for str; a bytes or bytearray for bytes (as MicroPython, which
// refuses other buffers such as memoryview).
bool joinable(Value item, TextKind kind) {
    return kind == TextKind::str ? is_str(item) : is_bytes(item) || is_bytearray(item);
}

// The length that width arguments count: code points for str, bytes for bytes.
std::int64_t text_length(std::string_view text, TextKind kind) {
    return static_cast<std::int64_t>(kind == TextKind::str ? utf8_character_count(text)
                                                           : text.size());
}

bool is_ascii(std::string_view text) {
    for (char character : text) {
        if ((static_cast<unsigned char>(character) & 0x80) != 0) {
            return false;
        }
    }
    return true;
}

// str.replace('', new) on non-ASCII text: inserts between characters, not between the bytes
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

}  // namespace

// An argument of the kind: a str for str; anything with the buffer protocol for bytes.
std::optional<std::string_view> text_argument(Runtime& runtime, Value value, TextKind kind) {
    if (kind == TextKind::str && is_str(value)) {
        return str_view(runtime, value);
    }
    if (kind == TextKind::bytes) {
        if (std::optional<BufferView> buffer = get_buffer(value)) {
            return buffer->bytes();
        }
    }
    runtime.raise_joined(
        &type_error_type,
        {"can't convert '", type_name_of(runtime, value), "' object to ",
         std::string_view(kind == TextKind::str ? "str" : "bytes"), " implicitly"});
    return std::nullopt;
}

Result<Value> text_count(Runtime& runtime, Arguments arguments, TextKind kind) {
    std::optional<std::string_view> needle = text_argument(runtime, arguments[1], kind);
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!needle || !range_arguments(runtime, arguments, 2, start, end) ||
        !runtime.charge_if_large(self_text(runtime, arguments, kind).size())) {
        return Value::empty();
    }
    return Value::from_small_int(
        text::count(self_text(runtime, arguments, kind), *needle, kind, start, end));
}

Result<Value> text_find(Runtime& runtime, Arguments arguments, TextKind kind,
                        text::Direction direction, bool raise_when_missing) {
    // bytes' find and index (not count or the others) also take one byte as an int.
    char byte = 0;
    std::optional<std::string_view> needle;
    if (kind == TextKind::bytes && arguments[1].is_small_int()) {
        std::int64_t value = arguments[1].as_small_int();
        if (value < 0 || value > 255) {
            return runtime.raise_new(&value_error_type, "bytes value out of range");
        }
        byte = static_cast<char>(value);
        needle = std::string_view(&byte, 1);
    } else {
        needle = text_argument(runtime, arguments[1], kind);
    }
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!needle || !range_arguments(runtime, arguments, 2, start, end) ||
        !runtime.charge_if_large(self_text(runtime, arguments, kind).size())) {
        return Value::empty();
    }
    std::int64_t found =
        text::find(self_text(runtime, arguments, kind), *needle, kind, start, end, direction);
    if (found < 0 && raise_when_missing) {
        return runtime.raise_new(&value_error_type, "substring not found");
    }
    return Value::from_small_int(found);
}

Result<Value> text_affix(Runtime& runtime, Arguments arguments, TextKind kind, bool prefix) {
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    std::string_view text = self_text(runtime, arguments, kind);
    // A tuple offers several candidates.
    std::span<const Value> candidates = arguments.positional().subspan(1, 1);
    if (is_tuple(arguments[1])) {
        candidates = as_tuple(arguments[1])->span();
    }
    for (Value candidate : candidates) {
        std::optional<std::string_view> affix = text_argument(runtime, candidate, kind);
        if (!affix) {
            return Value::empty();
        }
        if (prefix ? text::starts_with(text, *affix, kind, start, end)
                   : text::ends_with(text, *affix, kind, start, end)) {
            return Value::true_value();
        }
    }
    return Value::false_value();
}

Result<Value> text_split(Runtime& runtime, Arguments arguments, TextKind kind, bool from_right) {
    if (!check_keywords(runtime, arguments, {names::sep, names::maxsplit})) {
        return Value::empty();
    }
    Value separator_value = arguments.positional_count > 1 ? arguments[1] : Value::none();
    if (Value keyword = keyword_argument(arguments, names::sep); !keyword.is_empty()) {
        separator_value = keyword;
    }
    Value limit_value = arguments.positional_count > 2
                            ? arguments[2]
                            : keyword_argument(arguments, names::maxsplit);
    std::int64_t limit = -1;
    if (!limit_value.is_empty()) {
        std::optional<std::int64_t> parsed = to_integer(runtime, limit_value);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::optional<std::string_view> separator;
    if (!separator_value.is_none()) {
        separator = text_argument(runtime, separator_value, kind);
        if (!separator) {
            return Value::empty();
        }
    }
    std::string_view text = self_text(runtime, arguments, kind);
    if (!runtime.charge_if_large(text.size())) {
        return Value::empty();
    }
    PieceCollector collector(runtime, arguments[0], kind);
    text::Status status = from_right ? text::rsplit(text, separator, limit, collector)
                                     : text::split(text, separator, limit, collector);
    return collector.finish(status, from_right && limit >= 0);
}

Result<Value> text_splitlines(Runtime& runtime, Arguments arguments, TextKind kind) {
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
    PieceCollector collector(runtime, arguments[0], kind);
    text::Status status =
        text::split_lines(self_text(runtime, arguments, kind), keep_ends, collector);
    return collector.finish(status, false);
}

Result<Value> text_strip(Runtime& runtime, Arguments arguments, TextKind kind,
                         text::StripSide side) {
    std::optional<std::string_view> characters;
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        characters = text_argument(runtime, arguments[1], kind);
        if (!characters) {
            return Value::empty();
        }
    }
    std::string_view text = self_text(runtime, arguments, kind);
    return make_part(runtime, arguments[0], kind, text, text::strip(text, characters, side));
}

Result<Value> text_join(Runtime& runtime, Arguments arguments, TextKind kind) {
    // The items stay reachable through the list, so the views into them stay valid.
    Value list = list_from_iterable(runtime, arguments[1]);
    if (list.is_empty()) {
        return Value::empty();
    }
    support::SmallVector<std::string_view, 16> pieces(runtime.scratch_memory());
    NativeWorkMeter work(runtime);
    for (Value item : as_list(list)->span()) {
        if (!joinable(item, kind)) {
            return runtime.raise_new(
                &type_error_type,
                "join expects a list of str/bytes objects consistent with self object");
        }
        if (!pieces.push_back(kind == TextKind::str ? str_view(runtime, item)
                                                    : get_buffer(item)->bytes())) {
            return runtime.raise_memory_error();
        }
        if (!work.add(pieces.back().size() + 1)) {
            return Value::empty();
        }
    }
    Printer output;  // short results stay on the C stack
    PrinterSink sink(output);
    text::Status status = text::join(self_text(runtime, arguments, kind), pieces.span(), sink);
    return finish(runtime, arguments[0], kind, status, output.text());
}

Result<Value> text_replace(Runtime& runtime, Arguments arguments, TextKind kind) {
    std::optional<std::string_view> old_text = text_argument(runtime, arguments[1], kind);
    if (!old_text) {
        return Value::empty();
    }
    std::optional<std::string_view> new_text = text_argument(runtime, arguments[2], kind);
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
    std::string_view text = self_text(runtime, arguments, kind);
    if (!runtime.charge_if_large(text.size())) {
        return Value::empty();
    }
    // Nothing to replace: the original comes back, as MicroPython returns it (no allocation).
    const Type* self_type = type_of(arguments[0]);
    if ((self_type == &str_type || self_type == &bytes_type) &&
        (limit == 0 ||
         (!old_text->empty() && text::find_forward(text, *old_text) == std::string_view::npos))) {
        return arguments[0];
    }
    if (kind == TextKind::str && old_text->empty() && !is_ascii(text)) {
        return make_str(runtime, insert_between_characters(text, *new_text, limit));
    }
    Printer output;  // short results stay on the C stack
    PrinterSink sink(output);
    text::Status status = text::replace(text, *old_text, *new_text, limit, sink);
    return finish(runtime, arguments[0], kind, status, output.text());
}

Result<Value> text_partition(Runtime& runtime, Arguments arguments, TextKind kind,
                             text::Direction direction) {
    std::optional<std::string_view> separator = text_argument(runtime, arguments[1], kind);
    if (!separator) {
        return Value::empty();
    }
    Value self = arguments[0];
    std::string_view text = self_text(runtime, arguments, kind);
    text::Result<text::Partition> parts = text::partition(text, *separator, direction);
    if (!parts.ok()) {
        return raise_text_error(runtime, parts.error());
    }
    std::string_view middle = parts.value().separator;
    Value items[3];
    if (middle.empty()) {
        // Not found: self and two empty parts, bytes ones even for a bytearray (MicroPython's).
        Value empty = kind == TextKind::str ? make_str(runtime, {}) : make_bytes(runtime, {});
        bool forward = direction == text::Direction::forward;
        items[0] = forward ? self : empty;
        items[1] = empty;
        items[2] = forward ? empty : self;
    } else {
        // A separator of self's type is the argument itself (as MicroPython); otherwise a copy
        // of self's type.
        items[0] = make_part(runtime, self, kind, text, parts.value().before);
        items[1] = type_of(arguments[1]) == type_of(self)
                       ? arguments[1]
                       : Value(make_result(runtime, self, kind, middle));
        items[2] = make_part(runtime, self, kind, text, parts.value().after);
    }
    for (Value item : items) {
        if (item.is_empty()) {
            return Value::empty();
        }
    }
    return new_tuple(runtime, items);
}

Result<Value> text_format(Runtime& runtime, Arguments arguments, TextKind kind) {
    Printer output;
    if (!format_template_into(runtime, self_text(runtime, arguments, kind), arguments, kind,
                              output)) {
        return Value::empty();
    }
    return make_result(runtime, arguments[0], kind, output.text());
}

Result<Value> text_center(Runtime& runtime, Arguments arguments, TextKind kind) {
    if (arguments.positional_count > 2) {
        return text_justify(runtime, arguments, kind, 0);
    }
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    Printer output;  // short results stay on the C stack
    PrinterSink sink(output);
    std::string_view text = self_text(runtime, arguments, kind);
    // The reference counts UTF-8 characters here for bytes too (b'\xc3\xa9' is one wide).
    auto length = static_cast<std::int64_t>(utf8_character_count(text));
    text::Status status = text::center(text, length, *width, sink);
    return finish(runtime, arguments[0], kind, status, output.text());
}

Result<Value> text_justify(Runtime& runtime, Arguments arguments, TextKind kind, int alignment) {
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    std::string_view fill = " ";
    if (arguments.positional_count > 2) {
        std::optional<std::string_view> given = text_argument(runtime, arguments[2], kind);
        if (!given) {
            return Value::empty();
        }
        fill = *given;
        if (text_length(fill, kind) != 1) {
            return runtime.raise_new(&type_error_type,
                                     "The fill character must be exactly one character long");
        }
    }
    std::string_view text = self_text(runtime, arguments, kind);
    std::int64_t length = text_length(text, kind);
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
    return make_result(runtime, arguments[0], kind, result);
}

Result<Value> text_remove_affix(Runtime& runtime, Arguments arguments, TextKind kind, bool prefix) {
    std::optional<std::string_view> affix = text_argument(runtime, arguments[1], kind);
    if (!affix) {
        return Value::empty();
    }
    std::string_view text = self_text(runtime, arguments, kind);
    std::string_view rest = text;
    if (prefix && text.starts_with(*affix)) {
        rest = text.substr(affix->size());
    } else if (!prefix && text.ends_with(*affix)) {
        rest = text.substr(0, text.size() - affix->size());
    }
    return make_part(runtime, arguments[0], kind, text, rest);
}

Result<Value> text_transform(Runtime& runtime, Arguments arguments, TextKind kind,
                             TextTransform transform) {
    Printer output;  // short results stay on the C stack
    PrinterSink sink(output);
    text::Status status = transform(self_text(runtime, arguments, kind), sink);
    return finish(runtime, arguments[0], kind, status, output.text());
}

Result<Value> text_predicate(Runtime& runtime, Arguments arguments, TextKind kind,
                             TextPredicate predicate) {
    return Value::boolean(predicate(self_text(runtime, arguments, kind)));
}

}  // namespace xipy::object
