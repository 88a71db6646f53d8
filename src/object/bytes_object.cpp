// bytes: immutable byte strings (indexing yields ints); methods live in bytes_methods.cpp.
#include "object/bytes_object.hpp"

#include <algorithm>
#include <cstdio>

#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_methods.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/iteration.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/slice_object.hpp"
#include "object/str_format.hpp"
#include "object/tuple_object.hpp"
#include "text/substring_search.hpp"

namespace xipy::object {
namespace {

// A bytes object of `size` bytes, which the caller fills before anything else allocates: the
// result of a slice, `+` or `*` is built in place rather than in a C++ string first.
StrObject* new_bytes_to_fill(Runtime& runtime, std::size_t size) {
    return runtime.make<StrObject>(size, &bytes_type, static_cast<std::uint32_t>(size),
                                   static_cast<std::uint32_t>(size));
}

struct BytesIteratorObject : Object {
    Value bytes;
    std::uint32_t index = 0;

    explicit BytesIteratorObject(Value data) : Object(&bytes_iterator_type), bytes(data) {}
};

void trace_bytes_iterator(gc::Cell* cell, gc::Tracer& tracer) {
    tracer.mark(static_cast<BytesIteratorObject*>(cell)->bytes.as_object());
}

Result<Value> bytes_iterator_next(Runtime&, Value self) {
    auto* iterator = static_cast<BytesIteratorObject*>(self.as_object());
    std::string_view data = bytes_view(iterator->bytes);
    if (iterator->index >= data.size()) {
        return Value::stop_iteration();
    }
    return Value::from_small_int(static_cast<std::uint8_t>(data[iterator->index++]));
}

Result<Value> bytes_get_iterator(Runtime& runtime, Value self) {
    auto* iterator = runtime.make<BytesIteratorObject>(0, self);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

Status bytes_print(Runtime&, Value self, Printer& printer, PrintKind) {
    write_bytes_repr(printer, bytes_view(self));
    return succeeded();
}

Result<Value> bytes_unary(Runtime&, UnaryOperator operation, Value operand) {
    std::string_view data = bytes_view(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(!data.empty());
        case UnaryOperator::length:
            return Value::from_small_int(static_cast<std::int64_t>(data.size()));
        case UnaryOperator::hash:
            return Value::from_small_int(static_cast<std::int64_t>(hash_string(data) >> 2));
        default:
            return Value::not_implemented();
    }
}

Result<Value> bytes_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    operation = plain_operator(operation);
    if (operation == BinaryOperator::multiply) {
        const bool bytes_first = is_bytes(left);
        Value data = bytes_first ? left : right;
        Value count_value = bytes_first ? right : left;
        if (!is_bytes(data) || !is_int(count_value)) {
            return Value::not_implemented();
        }
        auto count = to_integer(runtime, count_value);
        if (!count) {
            return Value::empty();
        }
        const std::size_t size = bytes_view(data).size();
        if (*count <= 0 || size == 0) {
            return make_bytes(runtime, std::string_view{});
        }
        if (*count > INT64_MAX / static_cast<std::int64_t>(size)) {
            return runtime.raise_memory_error();
        }
        if (!runtime.make_room_for_result(static_cast<std::uint64_t>(*count) * size)) {
            return Raised{};
        }
        if (!runtime.charge_if_large(static_cast<std::uint64_t>(*count) * (size + 1))) {
            return Value::empty();
        }
        StrObject* result = new_bytes_to_fill(runtime, static_cast<std::size_t>(*count) * size);
        if (result == nullptr) {
            return Value::empty();
        }
        const std::string_view piece = bytes_view(data);
        for (std::int64_t index = 0; index < *count; ++index) {
            std::copy(piece.begin(), piece.end(), result->data() + index * size);
        }
        return Value::from_object(result);
    }
    if (!is_bytes(left)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::modulo) {
        // As the reference: formatted as str's % formats (so %s of bytes is its repr).
        // `left` is immutable and the caller keeps it, so its bytes stay put meanwhile.
        Printer output;
        if (!percent_format_into(runtime, bytes_view(left), right, output, text::TextKind::bytes)) {
            return Value::empty();
        }
        return make_bytes(runtime, output.text());
    }
    std::string_view first = bytes_view(left);
    if (operation == BinaryOperator::contains) {
        if (is_int(right)) {
            auto byte = to_integer(runtime, right);
            if (!byte) {
                return Value::empty();
            }
            return Value::boolean(first.find(static_cast<char>(*byte)) != std::string_view::npos);
        }
        if (std::optional<BufferView> needle = get_buffer(right)) {
            return Value::boolean(text::find_forward(first, needle->bytes()) !=
                                  std::string_view::npos);
        }
        return Value::not_implemented();
    }
    std::optional<BufferView> other = get_buffer(right);
    if (!other) {
        return Value::not_implemented();
    }
    ArrayObject* array = as_array_like(right);
    if (array != nullptr && array->type() != &bytearray_type &&
        (operation == BinaryOperator::equal || operation == BinaryOperator::not_equal)) {
        // As the reference: bytes never equals an array (only bytearray and memoryview).
        return Value::boolean(operation == BinaryOperator::not_equal);
    }
    std::string_view second = other->bytes();
    switch (operation) {
        case BinaryOperator::add: {
            // Adding empty bytes returns the other operand, as MicroPython does (so it
            // allocates nothing, even under heap_lock()).
            if (first.empty() && type_of(right) == type_of(left)) {
                return right;
            }
            if (second.empty()) {
                return left;
            }
            StrObject* joined = new_bytes_to_fill(runtime, first.size() + second.size());
            if (joined == nullptr) {
                return Value::empty();
            }
            std::copy(first.begin(), first.end(), joined->data());
            std::copy(second.begin(), second.end(), joined->data() + first.size());
            return Value::from_object(joined);
        }
        default:
            return compare_byte_strings(operation, first, second);
    }
}

Result<Value> bytes_load_subscript(Runtime& runtime, Value self, Value index) {
    std::string_view data = bytes_view(self);
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, static_cast<std::int64_t>(data.size()));
        if (!indices) {
            return Value::empty();
        }
        StrObject* selected = new_bytes_to_fill(runtime, static_cast<std::size_t>(indices->count));
        if (selected == nullptr) {
            return Value::empty();
        }
        std::int64_t position = indices->start;
        for (std::int64_t count = 0; count < indices->count; ++count, position += indices->step) {
            selected->data()[count] = data[static_cast<std::size_t>(position)];
        }
        return Value::from_object(selected);
    }
    auto position =
        normalize_index(runtime, index, static_cast<std::int64_t>(data.size()), "bytes");
    if (!position) {
        return Value::empty();
    }
    return Value::from_small_int(
        static_cast<std::uint8_t>(data[static_cast<std::size_t>(*position)]));
}

Result<Value> bytes_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return make_bytes(runtime, {});
    }
    Value source = arguments[0];
    if (is_str(source)) {
        if (arguments.positional_count < 2 || arguments.positional_count > 3) {
            return runtime.raise_new(&type_error_type, "string argument without an encoding");
        }
        if (!check_encodable(runtime, str_view(runtime, source), arguments, 1)) {
            return Value::empty();
        }
        return make_bytes(runtime, str_view(runtime, source));
    }
    if (arguments.positional_count > 1) {
        return runtime.raise_new(&type_error_type, "wrong number of arguments");
    }
    if (is_bytes(source)) {
        return source;
    }
    if (std::optional<BufferView> buffer = get_buffer(source)) {
        // The source is an argument, so rooted, and the heap never moves a cell: its bytes
        // stay where they are while the new object is made.
        return make_bytes(runtime, buffer->bytes());
    }
    if (is_int(source)) {
        auto count = to_integer(runtime, source);
        if (!count) {
            return Value::empty();
        }
        if (*count < 0) {
            return runtime.raise_new(&value_error_type, "negative count");
        }
        if (!runtime.make_room_for_result(static_cast<std::uint64_t>(*count))) {
            return Value::empty();
        }
        if (!runtime.charge_if_large(static_cast<std::uint64_t>(*count))) {
            return Value::empty();
        }
        return make_zeroed_bytes(runtime, static_cast<std::size_t>(*count));
    }
    // Item by item into a bytearray, not through a list of the items (16 bytes of heap per
    // byte), so the bytes of a long generator fit where MicroPython's do; the bytearray keeps
    // the growing buffer in the heap, where it counts against the limit.
    Value buffer = make_bytearray(runtime, {});
    if (buffer.is_empty()) {
        return Value::empty();
    }
    Root held_buffer(runtime, buffer);
    ArrayObject* collected = as_array_like(buffer);
    Finish finish = for_each_item(runtime, source, [&](Value item) {
        auto byte = to_integer(runtime, item);
        if (!byte) {
            return Step::raised;
        }
        if (*byte < 0 || *byte > 255) {
            (void)runtime.raise_new(&value_error_type, "bytes value out of range");
            return Step::raised;
        }
        const char encoded = static_cast<char>(*byte);
        return array_append_bytes(runtime, collected, {&encoded, 1}) ? Step::next : Step::raised;
    });
    if (finish == Finish::raised) {
        return Value::empty();
    }
    return make_bytes(runtime,
                      {reinterpret_cast<const char*>(collected->data()), collected->byte_length()});
}

}  // namespace

constinit const Type bytes_type{names::bytes, &object_type,
                                TypeSlots{
                                    .make_new = bytes_make_new,
                                    .print = bytes_print,
                                    .unary_operation = bytes_unary,
                                    .binary_operation = bytes_binary,
                                    .load_subscript = bytes_load_subscript,
                                    .get_iterator = bytes_get_iterator,
                                },
                                bytes_method_attributes, type_flag_subclassable};

constinit const Type bytes_iterator_type{
    names::iterator,
    &object_type,
    TypeSlots{.get_iterator = iterator_self, .iterate_next = bytes_iterator_next},
    {},
    0,
    trace_bytes_iterator};

bool is_bytes(Value value) { return value.is_object() && value.as_object()->type() == &bytes_type; }

std::string_view bytes_view(Value value) {
    return static_cast<const StrObject*>(value.as_object())->text();
}

Result<Value> make_zeroed_bytes(Runtime& runtime, std::size_t size) {
    auto* object = runtime.make<StrObject>(size, &bytes_type, static_cast<std::uint32_t>(size),
                                           static_cast<std::uint32_t>(size));
    if (object == nullptr) {
        return Value::empty();
    }
    std::fill_n(object->data(), size, '\0');
    return Value::from_object(object);
}

Result<Value> make_bytes(Runtime& runtime, std::string_view data) {
    auto* object =
        runtime.make<StrObject>(data.size(), &bytes_type, static_cast<std::uint32_t>(data.size()),
                                static_cast<std::uint32_t>(data.size()));
    if (object == nullptr) {
        return Value::empty();
    }
    std::copy(data.begin(), data.end(), object->data());
    return Value::from_object(object);
}

void write_bytes_repr(Printer& printer, std::string_view data) {
    bool has_single = data.find('\'') != std::string_view::npos;
    bool has_double = data.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    printer.write_char('b');
    printer.write_char(quote);
    for (char character : data) {
        auto byte = static_cast<unsigned char>(character);
        if (character == quote || character == '\\') {
            printer.write_char('\\');
            printer.write_char(character);
        } else if (character == '\n') {
            printer.write("\\n");
        } else if (character == '\r') {
            printer.write("\\r");
        } else if (character == '\t') {
            printer.write("\\t");
        } else if (byte < 0x20 || byte >= 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
            printer.write(buffer);
        } else {
            printer.write_char(character);
        }
    }
    printer.write_char(quote);
}

}  // namespace xipy::object
