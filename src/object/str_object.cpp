// str: UTF-8 text with code-point indexing, its operators and its methods.
#include "object/str_object.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "object/buffer.hpp"
#include "object/bytes_methods.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/slice_object.hpp"
#include "object/str_format.hpp"
#include "object/str_methods.hpp"
#include "object/text_methods.hpp"
#include "object/tuple_object.hpp"
#include "text/substring_search.hpp"
#include "text/utf8_text.hpp"

namespace xipy::object {

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

Result<Value> str_iterator_next(Runtime& runtime, Value self) {
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

Result<Value> str_get_iterator(Runtime& runtime, Value self) {
    auto* iterator = runtime.make<StrIteratorObject>(0, self);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

Status str_print(Runtime& runtime, Value self, Printer& printer, PrintKind kind) {
    if (kind == PrintKind::str) {
        printer.write(str_view(runtime, self));
    } else {
        write_str_repr(printer, str_view(runtime, self));
    }
    return succeeded();
}

std::size_t character_count(const Runtime& runtime, Value value) {
    if (value.is_object()) {
        return static_cast<const StrObject*>(value.as_object())->character_count;
    }
    return utf8_character_count(str_view(runtime, value));
}

Result<Value> str_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
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

// A str of `bytes` bytes and `characters` code points to fill in before anyone sees it; null
// with the exception pending when it does not fit.
StrObject* new_str_to_fill(Runtime& runtime, std::size_t bytes, std::size_t characters) {
    if (bytes > UINT32_MAX) {
        runtime.raise_memory_error();
        return nullptr;
    }
    return runtime.make<StrObject>(bytes, &str_type, static_cast<std::uint32_t>(bytes),
                                   static_cast<std::uint32_t>(characters));
}

// str * n, built in place (no std::string between).
Result<Value> repeat_text(Runtime& runtime, std::string_view text, Value count_value) {
    auto count = to_integer(runtime, count_value);
    if (!count) {
        return Value::empty();
    }
    if (*count <= 0 || text.empty()) {
        return make_str(runtime, {});
    }
    if (*count > INT64_MAX / static_cast<std::int64_t>(text.size())) {
        return runtime.raise_memory_error();
    }
    const auto bytes = static_cast<std::uint64_t>(*count) * text.size();
    if (!runtime.make_room_for_result(bytes)) {
        return Raised{};
    }
    if (!runtime.charge_if_large(static_cast<std::uint64_t>(*count) * (text.size() + 1))) {
        return Value::empty();
    }
    StrObject* result =
        new_str_to_fill(runtime, static_cast<std::size_t>(bytes),
                        static_cast<std::size_t>(*count) * utf8_character_count(text));
    if (result == nullptr) {
        return Value::empty();
    }
    char* out = result->data();
    for (std::int64_t index = 0; index < *count; ++index, out += text.size()) {
        std::memcpy(out, text.data(), text.size());
    }
    return Value::from_object(result);
}

Result<Value> str_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    operation = plain_operator(operation);
    if (operation == BinaryOperator::multiply) {
        if (is_str(left) && is_int(right)) {
            return repeat_text(runtime, str_view(runtime, left), right);
        }
        if (is_int(left) && is_str(right)) {
            return repeat_text(runtime, str_view(runtime, right), left);
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
            return runtime.raise_joined(
                &type_error_type,
                {"can't convert '", type_name_of(runtime, right), "' object to str implicitly"});
        }
        return Value::boolean(
            text::find_forward(str_view(runtime, left), str_view(runtime, right)) !=
            std::string_view::npos);
    }
    if (!is_str(right)) {
        return Value::not_implemented();
    }
    std::string_view first = str_view(runtime, left);
    std::string_view second = str_view(runtime, right);
    switch (operation) {
        case BinaryOperator::add: {
            // Adding an empty string returns the other operand, as MicroPython does (so it
            // allocates nothing, even under heap_lock()).
            if (first.empty() && type_of(right) == type_of(left)) {
                return right;
            }
            if (second.empty()) {
                return left;
            }
            // Built in place; both operands stay alive (and unmoved) meanwhile.
            StrObject* joined =
                new_str_to_fill(runtime, first.size() + second.size(),
                                utf8_character_count(first) + utf8_character_count(second));
            if (joined == nullptr) {
                return Value::empty();
            }
            std::memcpy(joined->data(), first.data(), first.size());
            std::memcpy(joined->data() + first.size(), second.data(), second.size());
            return Value::from_object(joined);
        }
        default:
            return compare_byte_strings(operation, first, second);
    }
}

Result<Value> str_load_subscript(Runtime& runtime, Value self, Value index) {
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

Result<Value> str_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return Value::from_interned_string(names::empty_string);
    }
    if (arguments.positional_count > 3) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 3 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    if (arguments.positional_count >= 2) {  // str(buffer, encoding[, errors])
        std::optional<BufferView> buffer = get_buffer(arguments[0]);
        if (!buffer) {
            return runtime.raise_new(&type_error_type, "object with buffer protocol required");
        }
        return decode_to_str(runtime, std::string(buffer->bytes()), arguments, 1);
    }
    if (arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    return to_str(runtime, arguments[0]);
}

using Kind = NativeKind;
constexpr std::uint16_t many = NativeFunction::unlimited;

constexpr NativeFunction str_methods[] = {
    {names::join, Kind::method, 2, 2, StrMethods::join},
    {names::split, Kind::method, 1, 3, StrMethods::split, true},
    {names::rsplit, Kind::method, 1, 3, StrMethods::rsplit, true},
    {names::splitlines, Kind::method, 1, 2, StrMethods::splitlines, true},
    {names::strip, Kind::method, 1, 2, StrMethods::strip},
    {names::lstrip, Kind::method, 1, 2, StrMethods::lstrip},
    {names::rstrip, Kind::method, 1, 2, StrMethods::rstrip},
    {names::startswith, Kind::method, 2, 4, StrMethods::startswith},
    {names::endswith, Kind::method, 2, 4, StrMethods::endswith},
    {names::find, Kind::method, 2, 4, StrMethods::find},
    {names::rfind, Kind::method, 2, 4, StrMethods::rfind},
    {names::index, Kind::method, 2, 4, StrMethods::index},
    {names::rindex, Kind::method, 2, 4, StrMethods::rindex},
    {names::count, Kind::method, 2, 4, StrMethods::count},
    {names::replace, Kind::method, 3, 4, StrMethods::replace},
    {names::upper, Kind::method, 1, 1, StrMethods::upper},
    {names::lower, Kind::method, 1, 1, StrMethods::lower},
    {names::swapcase, Kind::method, 1, 1, str_method_swapcase},
    {names::capitalize, Kind::method, 1, 1, str_method_capitalize},
    {names::title, Kind::method, 1, 1, str_method_title},
    {names::isdigit, Kind::method, 1, 1, StrMethods::isdigit},
    {names::isalpha, Kind::method, 1, 1, StrMethods::isalpha},
    {names::isalnum, Kind::method, 1, 1, str_method_isalnum},
    {names::isspace, Kind::method, 1, 1, StrMethods::isspace},
    {names::isupper, Kind::method, 1, 1, StrMethods::isupper},
    {names::islower, Kind::method, 1, 1, StrMethods::islower},
    {names::ljust, Kind::method, 2, 3, str_method_ljust},
    {names::rjust, Kind::method, 2, 3, str_method_rjust},
    {names::center, Kind::method, 2, 3, StrMethods::center},
    {names::zfill, Kind::method, 2, 2, str_method_zfill},
    {names::partition, Kind::method, 2, 2, StrMethods::partition},
    {names::rpartition, Kind::method, 2, 2, StrMethods::rpartition},
    {names::encode, Kind::method, 1, 3, str_method_encode},
    {names::format, Kind::method, 1, many, StrMethods::format, true},
    {names::removeprefix, Kind::method, 2, 2, str_method_removeprefix},
    {names::removesuffix, Kind::method, 2, 2, str_method_removesuffix},
};

constexpr auto str_attributes = native_attributes<str_methods>();

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

Result<Value> make_str(Runtime& runtime, std::string_view text) {
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

std::uint32_t str_hash(const Runtime& runtime, Value value) {
    if (value.is_interned_string()) {
        return runtime.interned().hash(value.as_interned_string());
    }
    auto* object = static_cast<StrObject*>(value.as_object());
    if (object->hash == 0) {
        std::uint32_t hash = hash_string(object->text());
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
    PrinterSink sink(printer);
    (void)text::write_str_repr(text, sink);  // a PrinterSink never fills up
}

}  // namespace xipy::object
