// The methods str, bytes and bytearray share, written once over the text layer and
// instantiated per text kind for the method tables.
#pragma once

#include <optional>
#include <string_view>

#include "object/native_function.hpp"
#include "text/string_methods.hpp"

namespace xipy::object {

// An argument of the kind: a str for str; anything with the buffer protocol for bytes. Else
// MicroPython's TypeError "can't convert 'int' object to str implicitly" (or bytes).
std::optional<std::string_view> text_argument(Runtime& runtime, Value value, text::TextKind kind);

// Every function takes self as arguments[0], as the method tables guarantee: a str for
// TextKind::str; a bytes or bytearray for TextKind::bytes, whose results keep self's type.
Result<Value> text_count(Runtime& runtime, Arguments arguments, text::TextKind kind);
Result<Value> text_find(Runtime& runtime, Arguments arguments, text::TextKind kind,
                        text::Direction direction, bool raise_when_missing);
Result<Value> text_affix(Runtime& runtime, Arguments arguments, text::TextKind kind, bool prefix);
Result<Value> text_split(Runtime& runtime, Arguments arguments, text::TextKind kind,
                         bool from_right);
Result<Value> text_splitlines(Runtime& runtime, Arguments arguments, text::TextKind kind);
Result<Value> text_strip(Runtime& runtime, Arguments arguments, text::TextKind kind,
                         text::StripSide side);
Result<Value> text_join(Runtime& runtime, Arguments arguments, text::TextKind kind);
Result<Value> text_replace(Runtime& runtime, Arguments arguments, text::TextKind kind);
Result<Value> text_partition(Runtime& runtime, Arguments arguments, text::TextKind kind,
                             text::Direction direction);
Result<Value> text_format(Runtime& runtime, Arguments arguments, text::TextKind kind);
Result<Value> text_center(Runtime& runtime, Arguments arguments, text::TextKind kind);
// Pads to arguments[1] characters with the fill arguments[2] (default space); `alignment`
// < 0 puts the text left (ljust), > 0 right (rjust), 0 in the middle (center).
Result<Value> text_justify(Runtime& runtime, Arguments arguments, text::TextKind kind,
                           int alignment);
// removeprefix (`prefix`) / removesuffix: self without arguments[1] at that end, or self.
Result<Value> text_remove_affix(Runtime& runtime, Arguments arguments, text::TextKind kind,
                                bool prefix);

using TextTransform = text::Status (*)(std::string_view, text::TextSink&);
Result<Value> text_transform(Runtime& runtime, Arguments arguments, text::TextKind kind,
                             TextTransform transform);
using TextPredicate = bool (*)(std::string_view);
Result<Value> text_predicate(Runtime& runtime, Arguments arguments, text::TextKind kind,
                             TextPredicate predicate);

// The method-table entries for one text kind.
template <text::TextKind kind>
struct TextMethods {
    static Result<Value> count(Runtime& runtime, Arguments arguments) {
        return text_count(runtime, arguments, kind);
    }
    static Result<Value> find(Runtime& runtime, Arguments arguments) {
        return text_find(runtime, arguments, kind, text::Direction::forward, false);
    }
    static Result<Value> rfind(Runtime& runtime, Arguments arguments) {
        return text_find(runtime, arguments, kind, text::Direction::backward, false);
    }
    static Result<Value> index(Runtime& runtime, Arguments arguments) {
        return text_find(runtime, arguments, kind, text::Direction::forward, true);
    }
    static Result<Value> rindex(Runtime& runtime, Arguments arguments) {
        return text_find(runtime, arguments, kind, text::Direction::backward, true);
    }
    static Result<Value> startswith(Runtime& runtime, Arguments arguments) {
        return text_affix(runtime, arguments, kind, true);
    }
    static Result<Value> endswith(Runtime& runtime, Arguments arguments) {
        return text_affix(runtime, arguments, kind, false);
    }
    static Result<Value> split(Runtime& runtime, Arguments arguments) {
        return text_split(runtime, arguments, kind, false);
    }
    static Result<Value> rsplit(Runtime& runtime, Arguments arguments) {
        return text_split(runtime, arguments, kind, true);
    }
    static Result<Value> splitlines(Runtime& runtime, Arguments arguments) {
        return text_splitlines(runtime, arguments, kind);
    }
    static Result<Value> strip(Runtime& runtime, Arguments arguments) {
        return text_strip(runtime, arguments, kind, text::StripSide::both);
    }
    static Result<Value> lstrip(Runtime& runtime, Arguments arguments) {
        return text_strip(runtime, arguments, kind, text::StripSide::left);
    }
    static Result<Value> rstrip(Runtime& runtime, Arguments arguments) {
        return text_strip(runtime, arguments, kind, text::StripSide::right);
    }
    static Result<Value> join(Runtime& runtime, Arguments arguments) {
        return text_join(runtime, arguments, kind);
    }
    static Result<Value> replace(Runtime& runtime, Arguments arguments) {
        return text_replace(runtime, arguments, kind);
    }
    static Result<Value> partition(Runtime& runtime, Arguments arguments) {
        return text_partition(runtime, arguments, kind, text::Direction::forward);
    }
    static Result<Value> rpartition(Runtime& runtime, Arguments arguments) {
        return text_partition(runtime, arguments, kind, text::Direction::backward);
    }
    static Result<Value> format(Runtime& runtime, Arguments arguments) {
        return text_format(runtime, arguments, kind);
    }
    static Result<Value> center(Runtime& runtime, Arguments arguments) {
        return text_center(runtime, arguments, kind);
    }
    static Result<Value> upper(Runtime& runtime, Arguments arguments) {
        return text_transform(runtime, arguments, kind, text::to_upper);
    }
    static Result<Value> lower(Runtime& runtime, Arguments arguments) {
        return text_transform(runtime, arguments, kind, text::to_lower);
    }
    static Result<Value> isalpha(Runtime& runtime, Arguments arguments) {
        return text_predicate(runtime, arguments, kind, text::is_alpha);
    }
    static Result<Value> isdigit(Runtime& runtime, Arguments arguments) {
        return text_predicate(runtime, arguments, kind, text::is_digit);
    }
    static Result<Value> isspace(Runtime& runtime, Arguments arguments) {
        return text_predicate(runtime, arguments, kind, text::is_space);
    }
    static Result<Value> isupper(Runtime& runtime, Arguments arguments) {
        return text_predicate(runtime, arguments, kind, text::is_upper);
    }
    static Result<Value> islower(Runtime& runtime, Arguments arguments) {
        return text_predicate(runtime, arguments, kind, text::is_lower);
    }
};

using StrMethods = TextMethods<text::TextKind::str>;
using BytesMethods = TextMethods<text::TextKind::bytes>;

}  // namespace xipy::object
