// bytearray and array.array: construction, item and slice access, growth, printing.
#include "object/array_object.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "object/buffer.hpp"
#include "object/bytes_methods.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/iteration.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/slice_object.hpp"
#include "object/str_object.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::object {
namespace {

constexpr gc::CellDescriptor byte_storage_descriptor{nullptr, nullptr};

void trace_byte_window(gc::Cell* cell, gc::Tracer& tracer) {
    tracer.mark(static_cast<ByteWindow*>(cell)->owner);
}

constexpr gc::CellDescriptor byte_window_descriptor{trace_byte_window, nullptr};

void trace_array(gc::Cell* cell, gc::Tracer& tracer) {
    auto* array = static_cast<ArrayObject*>(cell);
    if (array->storage != nullptr) {
        tracer.mark(array->storage);
    }
}

ArrayObject* self_array(Value value) { return as_array_like(value); }

std::string_view type_label(const ArrayObject* array) {
    return array->type() == &bytearray_type ? "bytearray" : "array";
}

// Makes room for `bytes` bytes in total; false on MemoryError.
bool reserve_bytes(Runtime& runtime, ArrayObject* array, std::size_t bytes) {
    std::size_t capacity = array->storage == nullptr ? 0 : array->storage->room();
    if (bytes <= capacity) {
        return true;
    }
    if (bytes > UINT32_MAX / 2) {
        runtime.raise_new(&memory_error_type, "memory allocation failed");
        return false;
    }
    // A new array gets exactly its size (as MicroPython's, so growing it later allocates, also
    // under heap_lock()); a growing one gets room for more.
    std::size_t grown =
        capacity == 0 ? bytes : std::max<std::size_t>(bytes, capacity + capacity / 2 + 8);
    auto* storage = runtime.make<ByteStorage>(grown, static_cast<std::uint32_t>(grown));
    if (storage == nullptr) {
        return false;
    }
    if (array->byte_length() > 0) {
        std::memcpy(storage->bytes(), array->data(), array->byte_length());
    }
    array->storage = storage;
    return true;
}

// Replaces bytes [start, end) by `replacement`, resizing the array (whole items).
bool splice_bytes(Runtime& runtime, ArrayObject* array, std::size_t start, std::size_t end,
                  std::string_view replacement) {
    std::string saved(replacement);  // the replacement may alias the array itself
    std::size_t old_length = array->byte_length();
    std::size_t new_length = old_length - (end - start) + saved.size();
    if (!reserve_bytes(runtime, array, new_length)) {
        return false;
    }
    std::uint8_t* data = array->data();
    if (data != nullptr) {
        std::memmove(data + start + saved.size(), data + end, old_length - end);
        std::memcpy(data + start, saved.data(), saved.size());
    }
    array->length = static_cast<std::uint32_t>(new_length / array->item_size);
    return true;
}

ArrayObject* new_array(Runtime& runtime, const Type* type, char typecode) {
    return runtime.make<ArrayObject>(0, type, typecode, typecode_size(typecode));
}

// Appends every item of an iterable, converting each to the array's typecode.
bool append_items(Runtime& runtime, ArrayObject* array, Value iterable) {
    return for_each_item(runtime, iterable, [&](Value item) {
               std::uint8_t encoded[8];
               if (!encode_item(runtime, array->typecode, item, encoded)) {
                   return Step::raised;
               }
               const std::string_view bytes(reinterpret_cast<const char*>(encoded),
                                            array->item_size);
               return array_append_bytes(runtime, array, bytes) ? Step::next : Step::raised;
           }) != Finish::raised;
}

// array.extend: a buffer of one-byte items or of the same typecode adds its bytes.
Status extend_from_iterable(Runtime& runtime, ArrayObject* array, Value iterable) {
    std::optional<BufferView> buffer = get_buffer(iterable);
    if (buffer && (buffer->item_size == 1 || buffer->typecode == array->typecode)) {
        std::string copy(buffer->bytes());
        return array_append_bytes(runtime, array, copy);
    }
    return append_items(runtime, array, iterable);
}

// The constructors, as MicroPython: a bytearray takes the bytes of any buffer and an array
// those of a bytes or bytearray (whole items of them); anything else, another array
// included, gives its items one by one.
Status construct_from(Runtime& runtime, ArrayObject* array, Value source) {
    std::optional<BufferView> buffer = get_buffer(source);
    if (buffer &&
        (array->type() == &bytearray_type || is_bytes(source) ||
         (as_array_like(source) != nullptr && as_array_like(source)->type() == &bytearray_type))) {
        support::ScratchString copy(buffer->bytes());
        copy.resize(copy.size() - copy.size() % array->item_size);
        return array_append_bytes(runtime, array, copy);
    }
    return append_items(runtime, array, source);
}

Result<Value> bytearray_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    ArrayObject* array = new_array(runtime, &bytearray_type, 'B');
    if (array == nullptr) {
        return Value::empty();
    }
    Value result = Value::from_object(array);
    if (arguments.positional_count == 0) {
        return result;
    }
    Value source = arguments[0];
    if (is_str(source)) {
        if (arguments.positional_count < 2) {
            return runtime.raise_new(&type_error_type, "string argument without an encoding");
        }
        return array_append_bytes(runtime, array, str_view(runtime, source)) ? result
                                                                             : Value::empty();
    }
    if (is_int(source)) {
        std::optional<std::int64_t> count = to_integer(runtime, source);
        if (!count) {
            return Value::empty();
        }
        if (*count < 0) {
            return runtime.raise_new(&value_error_type, "negative count");
        }
        if (!reserve_bytes(runtime, array, static_cast<std::size_t>(*count)) ||
            !runtime.charge_if_large(static_cast<std::uint64_t>(*count))) {
            return Value::empty();
        }
        if (*count > 0) {
            std::memset(array->data(), 0, static_cast<std::size_t>(*count));
        }
        array->length = static_cast<std::uint32_t>(*count);
        return result;
    }
    return construct_from(runtime, array, source) ? result : Value::empty();
}

Result<Value> array_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count < 1 || arguments.positional_count > 2) {
        return runtime.raise_new(&type_error_type, "function takes 2 positional arguments");
    }
    std::string_view code = is_str(arguments[0]) ? str_view(runtime, arguments[0]) : "";
    if (code.size() != 1 || typecode_size(code[0]) == 0) {
        return runtime.raise_new(&value_error_type, "bad typecode");
    }
    ArrayObject* array = new_array(runtime, &array_type, code[0]);
    if (array == nullptr) {
        return Value::empty();
    }
    Value result = Value::from_object(array);
    if (arguments.positional_count == 2 && !construct_from(runtime, array, arguments[1])) {
        return Value::empty();
    }
    return result;
}

Status array_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    ArrayObject* array = self_array(self);
    if (array->type() == &bytearray_type) {
        printer.write("bytearray(");
        write_bytes_repr(printer, std::string_view(reinterpret_cast<const char*>(array->data()),
                                                   array->byte_length()));
        printer.write_char(')');
        return succeeded();
    }
    printer.write("array('");
    printer.write_char(array->typecode);
    printer.write_char('\'');
    if (array->length > 0) {
        printer.write(", [");
        for (std::uint32_t index = 0; index < array->length; ++index) {
            if (index > 0) {
                printer.write(", ");
            }
            RootScope scope(runtime);  // one item's number at a time
            Value item = buffer_load_item(runtime, *get_buffer(self), index);
            if (item.is_empty() || !print_value(runtime, printer, item, PrintKind::repr)) {
                return Raised{};
            }
        }
        printer.write_char(']');
    }
    printer.write_char(')');
    return succeeded();
}

Result<Value> array_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    ArrayObject* array = self_array(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(array->length != 0);
        case UnaryOperator::length:
            return Value::from_small_int(array->length);
        case UnaryOperator::hash:
            return runtime.raise_joined(
                &type_error_type, {"unsupported type for __hash__: '", type_label(array), "'"});
        default:
            return Value::not_implemented();
    }
}

Result<Value> array_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    ArrayObject* array = self_array(left);
    if (array == nullptr) {
        return Value::not_implemented();
    }
    std::optional<BufferView> other = get_buffer(right);
    if (operation == BinaryOperator::contains) {
        // As MicroPython: a bytearray holds the bytes of any buffer, a str's included; an
        // array holds no buffer; looking for a number is not implemented; anything else is
        // not there.
        std::optional<std::string_view> needle;
        if (is_str(right)) {
            needle = str_view(runtime, right);
        } else if (other) {
            needle = other->bytes();
        }
        if (needle) {
            return Value::boolean(array->type() == &bytearray_type &&
                                  get_buffer(left)->bytes().find(*needle) !=
                                      std::string_view::npos);
        }
        if (is_int(right) || right.is_double()) {
            return runtime.raise_type(&not_implemented_error_type);
        }
        return Value::false_value();
    }
    // An array never equals a bytes or str (only bytearray and memoryview compare with
    // other types' buffers on the reference).
    if (!other || (array->type() != &bytearray_type && (is_bytes(right) || is_str(right)))) {
        if (operation == BinaryOperator::equal || operation == BinaryOperator::not_equal) {
            return Value::boolean(operation == BinaryOperator::not_equal);
        }
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::inplace_add) {
        std::string copy(other->bytes());
        return array_append_bytes(runtime, array, copy) ? left : Value::empty();
    }
    if (operation == BinaryOperator::add) {
        std::string joined(get_buffer(left)->bytes());
        joined.append(other->bytes());
        return make_array(runtime, array->type(), array->typecode, joined);
    }
    return compare_byte_strings(plain_operator(operation), get_buffer(left)->bytes(),
                                other->bytes());
}

Result<Value> array_load_subscript(Runtime& runtime, Value self, Value index) {
    ArrayObject* array = self_array(self);
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, array->length);
        if (!indices) {
            return Value::empty();
        }
        if (indices->step != 1) {
            return runtime.raise_new(&not_implemented_error_type,
                                     "only slices with step=1 (aka None) are supported");
        }
        support::ScratchString picked(
            reinterpret_cast<const char*>(array->data()) +
                static_cast<std::size_t>(indices->start) * array->item_size,
            static_cast<std::size_t>(indices->count) * array->item_size);
        return make_array(runtime, array->type(), array->typecode, picked);
    }
    auto position = normalize_index(runtime, index, array->length, type_label(array));
    if (!position) {
        return Value::empty();
    }
    return buffer_load_item(runtime, *get_buffer(self), static_cast<std::size_t>(*position));
}

Status array_store_subscript(Runtime& runtime, Value self, Value index, Value value) {
    ArrayObject* array = self_array(self);
    if (value.is_empty()) {
        runtime.raise_joined(&type_error_type,
                             {"'", type_label(array), "' object doesn't support item deletion"});
        return Raised{};
    }
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, array->length);
        if (!indices) {
            return Raised{};
        }
        if (indices->step != 1) {
            runtime.raise_new(&not_implemented_error_type,
                              "only slices with step=1 (aka None) are supported");
            return Raised{};
        }
        std::optional<BufferView> source = get_buffer(value);
        if (!source) {
            runtime.raise_new(&not_implemented_error_type, "array/bytes required on right side");
            return Raised{};
        }
        std::size_t start = static_cast<std::size_t>(indices->start) * array->item_size;
        std::size_t end = start + static_cast<std::size_t>(indices->count) * array->item_size;
        return splice_bytes(runtime, array, start, end, source->bytes());
    }
    auto position = normalize_index(runtime, index, array->length, type_label(array));
    if (!position) {
        return Raised{};
    }
    return buffer_store_item(runtime, *get_buffer(self), static_cast<std::size_t>(*position),
                             value);
}

Result<Value> array_get_iterator(Runtime& runtime, Value self) {
    return make_index_iterator(runtime, self);
}

constexpr NativeFunction array_natives[] = {
    {names::append, NativeKind::method, 2, 2, array_method_append},
    {names::extend, NativeKind::method, 2, 2, array_method_extend},
};

constexpr auto array_attributes = native_attributes<array_natives>();

constexpr TypeSlots array_like_slots(Result<Value> (*make_new)(Runtime&, const Type*, Arguments)) {
    return TypeSlots{
        .make_new = make_new,
        .print = array_print,
        .unary_operation = array_unary,
        .binary_operation = array_binary,
        .load_subscript = array_load_subscript,
        .store_subscript = array_store_subscript,
        .get_iterator = array_get_iterator,
    };
}

}  // namespace

Result<Value> array_method_append(Runtime& runtime, Arguments arguments) {
    ArrayObject* array = self_array(arguments[0]);
    std::uint8_t encoded[8];
    if (!encode_item(runtime, array->typecode, arguments[1], encoded)) {
        return Value::empty();
    }
    std::string_view item(reinterpret_cast<const char*>(encoded), array->item_size);
    return array_append_bytes(runtime, array, item) ? Value::none() : Value::empty();
}

Result<Value> array_method_extend(Runtime& runtime, Arguments arguments) {
    ArrayObject* array = self_array(arguments[0]);
    return extend_from_iterable(runtime, array, arguments[1]) ? Value::none() : Value::empty();
}

ByteStorage::ByteStorage(std::uint32_t bytes, const gc::CellDescriptor* descriptor)
    : gc::Cell(descriptor == nullptr ? &byte_storage_descriptor : descriptor), capacity(bytes) {}

ByteWindow::ByteWindow(ByteStorage* owning, std::uint8_t* first, std::uint32_t bytes)
    : ByteStorage(bytes | window_flag, &byte_window_descriptor), owner(owning), start(first) {}

constinit const Type bytearray_type{names::bytearray,
                                    &object_type,
                                    array_like_slots(bytearray_make_new),
                                    bytearray_method_attributes,
                                    type_flag_subclassable,
                                    trace_array};

constinit const Type array_type{
    names::array,     &object_type,           array_like_slots(array_make_new),
    array_attributes, type_flag_subclassable, trace_array};

ArrayObject* as_array_like(Value value) {
    if (!value.is_object()) {
        return nullptr;
    }
    const Type* type = value.as_object()->type();
    if (type == &bytearray_type || type == &array_type) {
        return static_cast<ArrayObject*>(value.as_object());
    }
    Value native = native_self(value);
    return native != value ? as_array_like(native) : nullptr;
}

Status array_append_bytes(Runtime& runtime, ArrayObject* array, std::string_view data) {
    std::size_t old_length = array->byte_length();
    // Growth may copy the old contents too.
    if (!runtime.charge_if_large(old_length + data.size()) ||
        !reserve_bytes(runtime, array, old_length + data.size())) {
        return Raised{};
    }
    if (!data.empty()) {
        std::memcpy(array->data() + old_length, data.data(), data.size());
    }
    array->length = static_cast<std::uint32_t>((old_length + data.size()) / array->item_size);
    return succeeded();
}

Result<Value> make_array(Runtime& runtime, const Type* type, char typecode, std::string_view data) {
    ArrayObject* array = new_array(runtime, type, typecode);
    if (array == nullptr || !array_append_bytes(runtime, array, data)) {
        return Value::empty();
    }
    return Value::from_object(array);
}

Result<Value> make_bytearray_window(Runtime& runtime, ArrayObject* owner, std::size_t offset,
                                    std::size_t length) {
    if (length == 0 || owner->storage == nullptr) {
        return make_bytearray(runtime, {});
    }
    // The caller keeps `owner` alive; the new array is a temporary (Runtime::make) until returned.
    ArrayObject* array = new_array(runtime, &bytearray_type, 'B');
    if (array == nullptr) {
        return Value::empty();
    }
    auto* window = runtime.make<ByteWindow>(0, owner->storage, owner->data() + offset,
                                            static_cast<std::uint32_t>(length));
    if (window == nullptr) {
        return Value::empty();
    }
    array->storage = window;
    array->length = static_cast<std::uint32_t>(length);
    return Value::from_object(array);
}

Result<Value> make_bytearray(Runtime& runtime, std::string_view data) {
    return make_array(runtime, &bytearray_type, 'B', data);
}

}  // namespace xipy::object
