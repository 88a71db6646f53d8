// str: UTF-8 text with code-point indexing, its operators and its methods.
#include "object/str_object.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/slice_object.hpp"
#include "object/tuple_object.hpp"
#include "support/utf8.hpp"

namespace xipy::object {

// Defined in str_format.cpp.
Value str_modulo_format(Runtime& runtime, std::string_view format, Value arguments);
Value str_format_method(Runtime& runtime, Arguments arguments);

namespace {

bool is_continuation(char character) {
    return (static_cast<unsigned char>(character) & 0xC0) == 0x80;
}

// The iterator over a str's characters.
struct StrIteratorObject : Object {
    Value string;
    std::uint32_t offset = 0;

    explicit StrIteratorObject(Value text) : Object(&str_iterator_type), string(text) {}
};

void trace_str_iterator(gc::Cell* cell, gc::Tracer& tracer) {
    Value string = static_cast<StrIteratorObject*>(cell)->string;
    if (string.is_object()) {
        tracer.mark(string.as_object());
    }
}

Value str_iterator_next(Runtime& runtime, Value self) {
    auto* iterator = static_cast<StrIteratorObject*>(self.as_object());
    std::string_view text = str_view(runtime, iterator->string);
    if (iterator->offset >= text.size()) {
        return Value::stop_iteration();
    }
    std::uint32_t end = iterator->offset + 1;
    while (end < text.size() && is_continuation(text[end])) {
        ++end;
    }
    Value result = make_str(runtime, text.substr(iterator->offset, end - iterator->offset));
    iterator->offset = end;
    return result;
}

Value str_get_iterator(Runtime& runtime, Value self) {
    auto* iterator = runtime.make<StrIteratorObject>(0, self);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

bool str_print(Runtime& runtime, Value self, Printer& printer, PrintKind kind) {
    if (kind == PrintKind::str) {
        printer.write(str_view(runtime, self));
    } else {
        write_str_repr(printer, str_view(runtime, self));
    }
    return true;
}

std::size_t character_count(const Runtime& runtime, Value value) {
    if (value.is_object()) {
        return static_cast<const StrObject*>(value.as_object())->character_count;
    }
    return utf8_character_count(str_view(runtime, value));
}

Value str_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(!str_view(runtime, operand).empty());
        case UnaryOperator::length:
            return Value::from_small_int(
                static_cast<std::int64_t>(character_count(runtime, operand)));
        case UnaryOperator::hash:
            return Value::from_small_int(
                static_cast<std::int64_t>(str_hash(runtime, operand) >> 2));
        default:
            return Value::not_implemented();
    }
}

Value repeat_text(Runtime& runtime, std::string_view text, Value count_value, bool bytes) {
    auto count = to_integer(runtime, count_value);
    if (!count) {
        return Value::empty();
    }
    if (*count <= 0 || text.empty()) {
        return bytes ? make_bytes(runtime, {}) : make_str(runtime, {});
    }
    if (static_cast<std::uint64_t>(*count) * text.size() > runtime.heap().limit_bytes()) {
        return runtime.raise_memory_error();
    }
    std::string result;
    result.reserve(static_cast<std::size_t>(*count) * text.size());
    for (std::int64_t index = 0; index < *count; ++index) {
        result.append(text);
    }
    return bytes ? make_bytes(runtime, result) : make_str(runtime, result);
}

Value str_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    operation = plain_operator(operation);
    if (operation == BinaryOperator::multiply) {
        if (is_str(left) && is_int(right)) {
            return repeat_text(runtime, str_view(runtime, left), right, false);
        }
        if (is_int(left) && is_str(right)) {
            return repeat_text(runtime, str_view(runtime, right), left, false);
        }
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::modulo && is_str(left)) {
        return str_modulo_format(runtime, str_view(runtime, left), right);
    }
    if (!is_str(left)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::contains) {
        if (!is_str(right)) {
            return runtime.raise_new(&type_error_type,
                                     "can't convert '" + std::string(type_name_of(runtime, right)) +
                                         "' object to str implicitly");
        }
        return Value::boolean(str_view(runtime, left).find(str_view(runtime, right)) !=
                              std::string_view::npos);
    }
    if (!is_str(right)) {
        return Value::not_implemented();
    }
    std::string_view first = str_view(runtime, left);
    std::string_view second = str_view(runtime, right);
    switch (operation) {
        case BinaryOperator::add: {
            std::string joined;
            joined.reserve(first.size() + second.size());
            joined.append(first).append(second);
            return make_str(runtime, joined);
        }
        case BinaryOperator::less:
            return Value::boolean(first < second);
        case BinaryOperator::more:
            return Value::boolean(first > second);
        case BinaryOperator::equal:
            return Value::boolean(first == second);
        case BinaryOperator::less_equal:
            return Value::boolean(first <= second);
        case BinaryOperator::more_equal:
            return Value::boolean(first >= second);
        case BinaryOperator::not_equal:
            return Value::boolean(first != second);
        default:
            return Value::not_implemented();
    }
}

Value str_load_subscript(Runtime& runtime, Value self, Value index) {
    std::string_view text = str_view(runtime, self);
    auto length = static_cast<std::int64_t>(character_count(runtime, self));
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, length);
        if (!indices) {
            return Value::empty();
        }
        if (indices->step == 1) {
            std::size_t begin = utf8_offset_of(text, static_cast<std::size_t>(indices->start));
            std::size_t end =
                utf8_offset_of(text, static_cast<std::size_t>(indices->start + indices->count));
            return make_str(runtime, text.substr(begin, end - begin));
        }
        std::string result;
        std::int64_t position = indices->start;
        for (std::int64_t count = 0; count < indices->count; ++count) {
            std::size_t begin = utf8_offset_of(text, static_cast<std::size_t>(position));
            std::size_t end = begin + 1;
            while (end < text.size() && is_continuation(text[end])) {
                ++end;
            }
            result.append(text.substr(begin, end - begin));
            position += indices->step;
        }
        return make_str(runtime, result);
    }
    auto position = normalize_index(runtime, index, length, "string");
    if (!position) {
        return Value::empty();
    }
    std::size_t begin = utf8_offset_of(text, static_cast<std::size_t>(*position));
    std::size_t end = begin + 1;
    while (end < text.size() && is_continuation(text[end])) {
        ++end;
    }
    return make_str(runtime, text.substr(begin, end - begin));
}

Value str_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return Value::from_interned_string(names::empty_string);
    }
    if (arguments.positional_count >= 2 && is_bytes(arguments[0])) {
        std::string_view data = bytes_view(arguments[0]);
        if (!support::is_valid_utf8(data)) {
            return runtime.raise_new(&unicode_error_type, "");
        }
        return make_str(runtime, data);
    }
    if (arguments.positional_count > 1 || arguments.keyword_count != 0) {
        return runtime.raise_new(&type_error_type, "function expected at most 1 arguments, got " +
                                                       std::to_string(arguments.positional_count));
    }
    return to_str(runtime, arguments[0]);
}

// ---- methods

std::string_view self_text(Runtime& runtime, Arguments arguments) {
    return str_view(runtime, arguments[0]);
}

bool require_str(Runtime& runtime, Value value) {
    if (is_str(value)) {
        return true;
    }
    runtime.raise_new(&type_error_type, "can't convert '" +
                                            std::string(type_name_of(runtime, value)) +
                                            "' object to str implicitly");
    return false;
}

Value str_join(Runtime& runtime, Arguments arguments) {
    std::string_view separator = self_text(runtime, arguments);
    Value iterator = get_iterator(runtime, arguments[1]);
    if (iterator.is_empty()) {
        return Value::empty();
    }
    std::string result;
    bool first = true;
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
        if (!first) {
            result.append(separator);
        }
        first = false;
        result.append(str_view(runtime, item));
    }
    return make_str(runtime, result);
}

bool is_python_space(char character) {
    return character == ' ' || character == '\t' || character == '\n' || character == '\r' ||
           character == '\v' || character == '\f';
}

Value str_split_common(Runtime& runtime, Arguments arguments, bool from_right) {
    std::string_view text = self_text(runtime, arguments);
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
        auto parsed = to_integer(runtime, limit_value);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::vector<std::string_view> parts;
    if (separator_value.is_none()) {
        if (!from_right) {
            std::size_t position = 0;
            while (true) {
                while (position < text.size() && is_python_space(text[position])) {
                    ++position;
                }
                if (position >= text.size()) {
                    break;
                }
                if (limit >= 0 && static_cast<std::int64_t>(parts.size()) == limit) {
                    std::size_t end = text.size();
                    while (end > position && is_python_space(text[end - 1])) {
                        --end;
                    }
                    parts.push_back(text.substr(position, end - position));
                    break;
                }
                std::size_t end = position;
                while (end < text.size() && !is_python_space(text[end])) {
                    ++end;
                }
                parts.push_back(text.substr(position, end - position));
                position = end;
            }
        } else {
            std::size_t end = text.size();
            while (true) {
                while (end > 0 && is_python_space(text[end - 1])) {
                    --end;
                }
                if (end == 0) {
                    break;
                }
                if (limit >= 0 && static_cast<std::int64_t>(parts.size()) == limit) {
                    std::size_t begin = 0;
                    while (begin < end && is_python_space(text[begin])) {
                        ++begin;
                    }
                    parts.push_back(text.substr(begin, end - begin));
                    break;
                }
                std::size_t begin = end;
                while (begin > 0 && !is_python_space(text[begin - 1])) {
                    --begin;
                }
                parts.push_back(text.substr(begin, end - begin));
                end = begin;
            }
            std::reverse(parts.begin(), parts.end());
        }
    } else {
        if (!require_str(runtime, separator_value)) {
            return Value::empty();
        }
        std::string_view separator = str_view(runtime, separator_value);
        if (separator.empty()) {
            return runtime.raise_new(&value_error_type, "empty separator");
        }
        if (!from_right) {
            std::size_t position = 0;
            while (true) {
                std::size_t found = text.find(separator, position);
                if (found == std::string_view::npos ||
                    (limit >= 0 && static_cast<std::int64_t>(parts.size()) == limit)) {
                    parts.push_back(text.substr(position));
                    break;
                }
                parts.push_back(text.substr(position, found - position));
                position = found + separator.size();
            }
        } else {
            std::size_t end = text.size();
            while (true) {
                std::size_t found = end >= separator.size() ? text.substr(0, end).rfind(separator)
                                                            : std::string_view::npos;
                if (found == std::string_view::npos ||
                    (limit >= 0 && static_cast<std::int64_t>(parts.size()) == limit)) {
                    parts.push_back(text.substr(0, end));
                    break;
                }
                parts.push_back(
                    text.substr(found + separator.size(), end - found - separator.size()));
                end = found;
            }
            std::reverse(parts.begin(), parts.end());
        }
    }
    Value list = make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    for (std::string_view part : parts) {
        Value item = make_str(runtime, part);
        if (item.is_empty() || !list_append(runtime, list, item)) {
            return Value::empty();
        }
    }
    return list;
}

Value str_split(Runtime& runtime, Arguments arguments) {
    return str_split_common(runtime, arguments, false);
}

Value str_rsplit(Runtime& runtime, Arguments arguments) {
    return str_split_common(runtime, arguments, true);
}

Value str_splitlines(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    bool keep_ends = false;
    if (arguments.positional_count > 1) {
        int flag = truth(runtime, arguments[1]);
        if (flag < 0) {
            return Value::empty();
        }
        keep_ends = flag != 0;
    }
    Value list = make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    std::size_t position = 0;
    while (position < text.size()) {
        std::size_t end = position;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') {
            ++end;
        }
        std::size_t line_end = end;
        if (end < text.size()) {
            end += (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
        }
        Value item =
            make_str(runtime, text.substr(position, (keep_ends ? end : line_end) - position));
        if (item.is_empty() || !list_append(runtime, list, item)) {
            return Value::empty();
        }
        position = end;
    }
    return list;
}

enum class StripSide { both, left, right };

Value strip_common(Runtime& runtime, Arguments arguments, StripSide side) {
    std::string_view text = self_text(runtime, arguments);
    std::string_view characters = " \t\n\r\v\f";
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        if (!require_str(runtime, arguments[1])) {
            return Value::empty();
        }
        characters = str_view(runtime, arguments[1]);
    }
    std::size_t begin = 0;
    std::size_t end = text.size();
    if (side != StripSide::right) {
        while (begin < end && characters.find(text[begin]) != std::string_view::npos) {
            ++begin;
        }
    }
    if (side != StripSide::left) {
        while (end > begin && characters.find(text[end - 1]) != std::string_view::npos) {
            --end;
        }
    }
    if (begin == 0 && end == text.size()) {
        return arguments[0];
    }
    return make_str(runtime, text.substr(begin, end - begin));
}

Value str_strip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, StripSide::both);
}
Value str_lstrip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, StripSide::left);
}
Value str_rstrip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, StripSide::right);
}

// The byte range [start, end) selected by optional start/end character indices.
bool text_range(Runtime& runtime, Arguments arguments, std::uint32_t first_index,
                std::string_view text, std::size_t& begin, std::size_t& end) {
    auto length = static_cast<std::int64_t>(utf8_character_count(text));
    std::int64_t start = 0;
    std::int64_t stop = length;
    for (std::uint32_t index = first_index; index < first_index + 2; ++index) {
        if (index >= arguments.positional_count || arguments[index].is_none()) {
            continue;
        }
        auto value = to_integer(runtime, arguments[index]);
        if (!value) {
            return false;
        }
        std::int64_t adjusted =
            *value < 0 ? std::max<std::int64_t>(0, *value + length) : std::min(*value, length);
        (index == first_index ? start : stop) = adjusted;
    }
    begin = utf8_offset_of(text, static_cast<std::size_t>(start));
    end = utf8_offset_of(text, static_cast<std::size_t>(std::max(start, stop)));
    return true;
}

Value affix_check(Runtime& runtime, Arguments arguments, bool prefix) {
    std::string_view text = self_text(runtime, arguments);
    std::size_t begin = 0;
    std::size_t end = text.size();
    if (!text_range(runtime, arguments, 2, text, begin, end)) {
        return Value::empty();
    }
    std::string_view range = text.substr(begin, end - begin);
    auto matches = [&](Value candidate) -> int {
        if (!require_str(runtime, candidate)) {
            return -1;
        }
        std::string_view affix = str_view(runtime, candidate);
        return prefix ? range.starts_with(affix) : range.ends_with(affix);
    };
    if (is_tuple(arguments[1])) {
        for (Value candidate : as_tuple(arguments[1])->span()) {
            int result = matches(candidate);
            if (result != 0) {
                return result < 0 ? Value::empty() : Value::true_value();
            }
        }
        return Value::false_value();
    }
    int result = matches(arguments[1]);
    return result < 0 ? Value::empty() : Value::boolean(result != 0);
}

Value str_startswith(Runtime& runtime, Arguments arguments) {
    return affix_check(runtime, arguments, true);
}
Value str_endswith(Runtime& runtime, Arguments arguments) {
    return affix_check(runtime, arguments, false);
}

Value find_common(Runtime& runtime, Arguments arguments, bool from_right, bool raise) {
    std::string_view text = self_text(runtime, arguments);
    if (!require_str(runtime, arguments[1])) {
        return Value::empty();
    }
    std::string_view needle = str_view(runtime, arguments[1]);
    std::size_t begin = 0;
    std::size_t end = text.size();
    if (!text_range(runtime, arguments, 2, text, begin, end)) {
        return Value::empty();
    }
    std::string_view range = text.substr(begin, end - begin);
    std::size_t found = from_right ? range.rfind(needle) : range.find(needle);
    if (found == std::string_view::npos) {
        if (raise) {
            return runtime.raise_new(&value_error_type, "substring not found");
        }
        return Value::from_small_int(-1);
    }
    return Value::from_small_int(
        static_cast<std::int64_t>(utf8_character_count(text.substr(0, begin + found))));
}

Value str_find(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, false, false);
}
Value str_rfind(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, true, false);
}
Value str_index(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, false, true);
}
Value str_rindex(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, true, true);
}

Value str_count(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    if (!require_str(runtime, arguments[1])) {
        return Value::empty();
    }
    std::string_view needle = str_view(runtime, arguments[1]);
    std::size_t begin = 0;
    std::size_t end = text.size();
    if (!text_range(runtime, arguments, 2, text, begin, end)) {
        return Value::empty();
    }
    std::string_view range = text.substr(begin, end - begin);
    if (needle.empty()) {
        return Value::from_small_int(static_cast<std::int64_t>(utf8_character_count(range) + 1));
    }
    std::int64_t count = 0;
    for (std::size_t position = range.find(needle); position != std::string_view::npos;
         position = range.find(needle, position + needle.size())) {
        ++count;
    }
    return Value::from_small_int(count);
}

Value str_replace(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    if (!require_str(runtime, arguments[1]) || !require_str(runtime, arguments[2])) {
        return Value::empty();
    }
    std::string_view old_text = str_view(runtime, arguments[1]);
    std::string_view new_text = str_view(runtime, arguments[2]);
    std::int64_t limit = -1;
    if (arguments.positional_count > 3) {
        auto parsed = to_integer(runtime, arguments[3]);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::string result;
    std::size_t position = 0;
    std::int64_t done = 0;
    if (old_text.empty()) {
        // Inserts between every character, as CPython does.
        for (std::size_t index = 0; index <= text.size(); ++index) {
            if (index < text.size() && is_continuation(text[index])) {
                result.push_back(text[index]);
                continue;
            }
            if (limit < 0 || done < limit) {
                result.append(new_text);
                ++done;
            }
            if (index < text.size()) {
                result.push_back(text[index]);
            }
        }
        return make_str(runtime, result);
    }
    while (limit < 0 || done < limit) {
        std::size_t found = text.find(old_text, position);
        if (found == std::string_view::npos) {
            break;
        }
        result.append(text.substr(position, found - position));
        result.append(new_text);
        position = found + old_text.size();
        ++done;
    }
    result.append(text.substr(position));
    return make_str(runtime, result);
}

template <typename Transform>
Value map_ascii(Runtime& runtime, Arguments arguments, Transform transform) {
    std::string text(self_text(runtime, arguments));
    for (char& character : text) {
        character = transform(character);
    }
    return make_str(runtime, text);
}

char ascii_upper(char character) {
    return character >= 'a' && character <= 'z' ? static_cast<char>(character - 32) : character;
}
char ascii_lower(char character) {
    return character >= 'A' && character <= 'Z' ? static_cast<char>(character + 32) : character;
}

Value str_upper(Runtime& runtime, Arguments arguments) {
    return map_ascii(runtime, arguments, ascii_upper);
}
Value str_lower(Runtime& runtime, Arguments arguments) {
    return map_ascii(runtime, arguments, ascii_lower);
}
Value str_swapcase(Runtime& runtime, Arguments arguments) {
    return map_ascii(runtime, arguments, [](char character) {
        return character >= 'a' && character <= 'z' ? ascii_upper(character)
                                                    : ascii_lower(character);
    });
}

Value str_capitalize(Runtime& runtime, Arguments arguments) {
    std::string text(self_text(runtime, arguments));
    for (std::size_t index = 0; index < text.size(); ++index) {
        text[index] = index == 0 ? ascii_upper(text[index]) : ascii_lower(text[index]);
    }
    return make_str(runtime, text);
}

Value str_title(Runtime& runtime, Arguments arguments) {
    std::string text(self_text(runtime, arguments));
    bool previous_cased = false;
    for (char& character : text) {
        bool is_letter =
            (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
        character = previous_cased ? ascii_lower(character) : ascii_upper(character);
        previous_cased = is_letter;
    }
    return make_str(runtime, text);
}

template <typename Predicate>
Value classify(Runtime& runtime, Arguments arguments, Predicate predicate) {
    std::string_view text = self_text(runtime, arguments);
    if (text.empty()) {
        return Value::false_value();
    }
    for (char character : text) {
        if (!predicate(character)) {
            return Value::false_value();
        }
    }
    return Value::true_value();
}

bool ascii_digit(char character) { return character >= '0' && character <= '9'; }
bool ascii_alpha(char character) {
    return (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z');
}

Value str_isdigit(Runtime& runtime, Arguments arguments) {
    return classify(runtime, arguments, ascii_digit);
}
Value str_isalpha(Runtime& runtime, Arguments arguments) {
    return classify(runtime, arguments, ascii_alpha);
}
Value str_isalnum(Runtime& runtime, Arguments arguments) {
    return classify(runtime, arguments, [](char character) {
        return ascii_alpha(character) || ascii_digit(character);
    });
}
Value str_isspace(Runtime& runtime, Arguments arguments) {
    return classify(runtime, arguments, is_python_space);
}

Value case_check(Runtime& runtime, Arguments arguments, bool upper) {
    std::string_view text = self_text(runtime, arguments);
    bool any_cased = false;
    for (char character : text) {
        if (character >= 'a' && character <= 'z') {
            if (upper) {
                return Value::false_value();
            }
            any_cased = true;
        } else if (character >= 'A' && character <= 'Z') {
            if (!upper) {
                return Value::false_value();
            }
            any_cased = true;
        }
    }
    return Value::boolean(any_cased);
}

Value str_isupper(Runtime& runtime, Arguments arguments) {
    return case_check(runtime, arguments, true);
}
Value str_islower(Runtime& runtime, Arguments arguments) {
    return case_check(runtime, arguments, false);
}

Value justify(Runtime& runtime, Arguments arguments, int alignment) {
    std::string_view text = self_text(runtime, arguments);
    auto width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    std::string_view fill = " ";
    if (arguments.positional_count > 2) {
        if (!require_str(runtime, arguments[2])) {
            return Value::empty();
        }
        fill = str_view(runtime, arguments[2]);
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
    if (alignment == 0 && (padding % 2) != 0 && (length % 2) != 0) {
        left += 1;
    }
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

Value str_ljust(Runtime& runtime, Arguments arguments) { return justify(runtime, arguments, -1); }
Value str_rjust(Runtime& runtime, Arguments arguments) { return justify(runtime, arguments, 1); }
Value str_center(Runtime& runtime, Arguments arguments) { return justify(runtime, arguments, 0); }

Value str_zfill(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    auto width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    auto length = static_cast<std::int64_t>(utf8_character_count(text));
    if (*width <= length) {
        return arguments[0];
    }
    std::string result;
    std::size_t start = 0;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        result.push_back(text[0]);
        start = 1;
    }
    result.append(static_cast<std::size_t>(*width - length), '0');
    result.append(text.substr(start));
    return make_str(runtime, result);
}

Value partition_common(Runtime& runtime, Arguments arguments, bool from_right) {
    std::string_view text = self_text(runtime, arguments);
    if (!require_str(runtime, arguments[1])) {
        return Value::empty();
    }
    std::string_view separator = str_view(runtime, arguments[1]);
    if (separator.empty()) {
        return runtime.raise_new(&value_error_type, "empty separator");
    }
    std::size_t found = from_right ? text.rfind(separator) : text.find(separator);
    Value parts[3];
    if (found == std::string_view::npos) {
        Value empty_text = Value::from_interned_string(names::empty_string);
        parts[0] = from_right ? empty_text : arguments[0];
        parts[1] = empty_text;
        parts[2] = from_right ? arguments[0] : empty_text;
    } else {
        parts[0] = make_str(runtime, text.substr(0, found));
        parts[1] = arguments[1];
        parts[2] = make_str(runtime, text.substr(found + separator.size()));
        if (parts[0].is_empty() || parts[2].is_empty()) {
            return Value::empty();
        }
    }
    return new_tuple(runtime, parts);
}

Value str_partition(Runtime& runtime, Arguments arguments) {
    return partition_common(runtime, arguments, false);
}
Value str_rpartition(Runtime& runtime, Arguments arguments) {
    return partition_common(runtime, arguments, true);
}

Value str_encode(Runtime& runtime, Arguments arguments) {
    return make_bytes(runtime, self_text(runtime, arguments));
}

Value str_format(Runtime& runtime, Arguments arguments) {
    return str_format_method(runtime, arguments);
}

Value str_removeprefix(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    if (!require_str(runtime, arguments[1])) {
        return Value::empty();
    }
    std::string_view affix = str_view(runtime, arguments[1]);
    return text.starts_with(affix) ? make_str(runtime, text.substr(affix.size())) : arguments[0];
}

Value str_removesuffix(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    if (!require_str(runtime, arguments[1])) {
        return Value::empty();
    }
    std::string_view affix = str_view(runtime, arguments[1]);
    return text.ends_with(affix) && !affix.empty()
               ? make_str(runtime, text.substr(0, text.size() - affix.size()))
               : arguments[0];
}

using Kind = NativeKind;
constexpr std::uint16_t many = NativeFunction::unlimited;

constexpr NativeFunction str_methods[] = {
    {names::join, Kind::method, 2, 2, str_join},
    {names::split, Kind::method, 1, 3, str_split, true},
    {names::rsplit, Kind::method, 1, 3, str_rsplit, true},
    {names::splitlines, Kind::method, 1, 2, str_splitlines},
    {names::strip, Kind::method, 1, 2, str_strip},
    {names::lstrip, Kind::method, 1, 2, str_lstrip},
    {names::rstrip, Kind::method, 1, 2, str_rstrip},
    {names::startswith, Kind::method, 2, 4, str_startswith},
    {names::endswith, Kind::method, 2, 4, str_endswith},
    {names::find, Kind::method, 2, 4, str_find},
    {names::rfind, Kind::method, 2, 4, str_rfind},
    {names::index, Kind::method, 2, 4, str_index},
    {names::rindex, Kind::method, 2, 4, str_rindex},
    {names::count, Kind::method, 2, 4, str_count},
    {names::replace, Kind::method, 3, 4, str_replace},
    {names::upper, Kind::method, 1, 1, str_upper},
    {names::lower, Kind::method, 1, 1, str_lower},
    {names::swapcase, Kind::method, 1, 1, str_swapcase},
    {names::capitalize, Kind::method, 1, 1, str_capitalize},
    {names::title, Kind::method, 1, 1, str_title},
    {names::isdigit, Kind::method, 1, 1, str_isdigit},
    {names::isalpha, Kind::method, 1, 1, str_isalpha},
    {names::isalnum, Kind::method, 1, 1, str_isalnum},
    {names::isspace, Kind::method, 1, 1, str_isspace},
    {names::isupper, Kind::method, 1, 1, str_isupper},
    {names::islower, Kind::method, 1, 1, str_islower},
    {names::ljust, Kind::method, 2, 3, str_ljust},
    {names::rjust, Kind::method, 2, 3, str_rjust},
    {names::center, Kind::method, 2, 3, str_center},
    {names::zfill, Kind::method, 2, 2, str_zfill},
    {names::partition, Kind::method, 2, 2, str_partition},
    {names::rpartition, Kind::method, 2, 2, str_rpartition},
    {names::encode, Kind::method, 1, 3, str_encode},
    {names::format, Kind::method, 1, many, str_format, true},
    {names::removeprefix, Kind::method, 2, 2, str_removeprefix},
    {names::removesuffix, Kind::method, 2, 2, str_removesuffix},
};

template <std::size_t... Indices>
constexpr std::array<Attribute, sizeof...(Indices)> make_method_table(
    std::index_sequence<Indices...>) {
    return {Attribute{str_methods[Indices].name, &str_methods[Indices]}...};
}

constexpr auto str_attributes =
    make_method_table(std::make_index_sequence<std::size(str_methods)>{});

}  // namespace

constinit const Type str_type{names::str, &object_type,
                              TypeSlots{
                                  .make_new = str_make_new,
                                  .print = str_print,
                                  .unary_operation = str_unary,
                                  .binary_operation = str_binary,
                                  .load_subscript = str_load_subscript,
                                  .get_iterator = str_get_iterator,
                              },
                              str_attributes, type_flag_subclassable};

constinit const Type str_iterator_type{
    names::iterator,
    &object_type,
    TypeSlots{.get_iterator = iterator_self, .iterate_next = str_iterator_next},
    {},
    0,
    trace_str_iterator};

bool is_str(Value value) {
    return value.is_interned_string() ||
           (value.is_object() && value.as_object()->type() == &str_type);
}

std::string_view str_view(const Runtime& runtime, Value value) {
    if (value.is_interned_string()) {
        return runtime.name_text(value.as_interned_string());
    }
    return static_cast<const StrObject*>(value.as_object())->text();
}

Value make_str(Runtime& runtime, std::string_view text) {
    if (text.empty()) {
        return Value::from_interned_string(names::empty_string);
    }
    if (text.size() > UINT32_MAX) {
        return runtime.raise_memory_error();
    }
    auto* object =
        runtime.make<StrObject>(text.size(), &str_type, static_cast<std::uint32_t>(text.size()),
                                static_cast<std::uint32_t>(utf8_character_count(text)));
    if (object == nullptr) {
        return Value::empty();
    }
    std::copy(text.begin(), text.end(), object->data());
    return Value::from_object(object);
}

std::uint64_t str_hash(const Runtime& runtime, Value value) {
    if (value.is_interned_string()) {
        return runtime.interned().hash(value.as_interned_string());
    }
    auto* object = static_cast<StrObject*>(value.as_object());
    if (object->hash == 0) {
        std::uint64_t hash = hash_string(object->text());
        object->hash = hash == 0 ? 1 : hash;
    }
    return object->hash;
}

std::size_t utf8_character_count(std::string_view text) {
    std::size_t count = 0;
    for (char character : text) {
        if (!is_continuation(character)) {
            ++count;
        }
    }
    return count;
}

std::size_t utf8_offset_of(std::string_view text, std::size_t index) {
    std::size_t offset = 0;
    while (index > 0 && offset < text.size()) {
        ++offset;
        while (offset < text.size() && is_continuation(text[offset])) {
            ++offset;
        }
        --index;
    }
    return offset;
}

void write_str_repr(Printer& printer, std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    printer.write_char(quote);
    for (std::size_t index = 0; index < text.size(); ++index) {
        char character = text[index];
        auto byte = static_cast<unsigned char>(character);
        char buffer[16];
        if (character == quote || character == '\\') {
            printer.write_char('\\');
            printer.write_char(character);
        } else if (character == '\n') {
            printer.write("\\n");
        } else if (character == '\r') {
            printer.write("\\r");
        } else if (character == '\t') {
            printer.write("\\t");
        } else if (byte < 0x20 || byte == 0x7f) {
            std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
            printer.write(buffer);
        } else if (byte >= 0x80) {
            // MicroPython escapes every non-ASCII character in repr().
            std::uint32_t point =
                byte >= 0xF0 ? byte & 0x07 : (byte >= 0xE0 ? byte & 0x0F : byte & 0x1F);
            while (index + 1 < text.size() && is_continuation(text[index + 1])) {
                point = (point << 6) | (static_cast<unsigned char>(text[++index]) & 0x3F);
            }
            if (point < 0x100) {
                std::snprintf(buffer, sizeof buffer, "\\x%02x", point);
            } else if (point < 0x10000) {
                std::snprintf(buffer, sizeof buffer, "\\u%04x", point);
            } else {
                std::snprintf(buffer, sizeof buffer, "\\U%08x", point);
            }
            printer.write(buffer);
        } else {
            printer.write_char(character);
        }
    }
    printer.write_char(quote);
}

}  // namespace xipy::object
