// memoryview: zero-copy item and slice access to another object's buffer.
#include "object/memoryview_object.hpp"

#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "object/buffer.hpp"
#include "object/bytes_methods.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/slice_object.hpp"

namespace xipy::object {
namespace {

MemoryViewObject* as_view(Value value) { return static_cast<MemoryViewObject*>(value.as_object()); }

void trace_memoryview(gc::Cell* cell, gc::Tracer& tracer) {
    Value base = static_cast<MemoryViewObject*>(cell)->base;
    if (base.is_object()) {
        tracer.mark(base.as_object());
    }
}

Result<Value> memoryview_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count != 1) {
        return runtime.raise_new(&type_error_type, "function takes 1 positional arguments");
    }
    Value source = arguments[0];
    std::optional<BufferView> buffer = require_buffer(runtime, source);
    if (!buffer) {
        return Value::empty();
    }
    // A view of a view shares the original base, so it keeps only one object alive.
    std::uint32_t offset = 0;
    Value base = source;
    if (is_memoryview(source)) {
        offset = as_view(source)->offset;
        base = as_view(source)->base;
    }
    auto* view =
        runtime.make<MemoryViewObject>(0, base, offset, static_cast<std::uint32_t>(buffer->count()),
                                       buffer->typecode, buffer->item_size, !buffer->writable);
    return view == nullptr ? Value::empty() : Value::from_object(view);
}

Status memoryview_print(Runtime&, Value, Printer& printer, PrintKind) {
    printer.write("<memoryview>");
    return succeeded();
}

Result<Value> memoryview_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    std::size_t count = get_buffer(operand)->count();
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(count != 0);
        case UnaryOperator::length:
            return Value::from_small_int(static_cast<std::int64_t>(count));
        case UnaryOperator::hash:
            return runtime.raise_new(&type_error_type,
                                     "unsupported type for __hash__: 'memoryview'");
        default:
            return Value::not_implemented();
    }
}

Result<Value> memoryview_binary(Runtime&, BinaryOperator operation, Value left, Value right) {
    if (!is_memoryview(left)) {
        return Value::not_implemented();
    }
    std::optional<BufferView> other = get_buffer(right);
    if (operation == BinaryOperator::equal || operation == BinaryOperator::not_equal) {
        bool same = other && get_buffer(left)->bytes() == other->bytes();
        return Value::boolean(same == (operation == BinaryOperator::equal));
    }
    return Value::not_implemented();
}

Result<Value> memoryview_load_subscript(Runtime& runtime, Value self, Value index) {
    MemoryViewObject* view = as_view(self);
    BufferView buffer = *get_buffer(self);
    auto count = static_cast<std::int64_t>(buffer.count());
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, count);
        if (!indices) {
            return Value::empty();
        }
        if (indices->step != 1) {
            return runtime.raise_new(&not_implemented_error_type,
                                     "only slices with step=1 (aka None) are supported");
        }
        auto* part = runtime.make<MemoryViewObject>(
            0, view->base, view->offset + static_cast<std::uint32_t>(indices->start),
            static_cast<std::uint32_t>(indices->count), view->typecode, view->item_size,
            view->readonly);
        return part == nullptr ? Value::empty() : Value::from_object(part);
    }
    auto position = normalize_index(runtime, index, count, "memoryview");
    if (!position) {
        return Value::empty();
    }
    return buffer_load_item(runtime, buffer, static_cast<std::size_t>(*position));
}

Status memoryview_store_subscript(Runtime& runtime, Value self, Value index, Value value) {
    BufferView buffer = *get_buffer(self);
    if (!buffer.writable || value.is_empty()) {
        runtime.raise_new(&type_error_type,
                          value.is_empty() ? "'memoryview' object doesn't support item deletion"
                                           : "'memoryview' object doesn't support item assignment");
        return Raised{};
    }
    auto count = static_cast<std::int64_t>(buffer.count());
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, count);
        if (!indices) {
            return Raised{};
        }
        if (indices->step != 1) {
            runtime.raise_new(&not_implemented_error_type,
                              "only slices with step=1 (aka None) are supported");
            return Raised{};
        }
        std::optional<BufferView> source = require_buffer(runtime, value);
        if (!source) {
            return Raised{};
        }
        std::size_t bytes = static_cast<std::size_t>(indices->count) * buffer.item_size;
        if (source->size != bytes) {
            runtime.raise_new(&value_error_type, "lhs and rhs should be compatible");
            return Raised{};
        }
        // memmove: the source may be this very buffer.
        std::memmove(buffer.data + static_cast<std::size_t>(indices->start) * buffer.item_size,
                     source->data, bytes);
        return succeeded();
    }
    auto position = normalize_index(runtime, index, count, "memoryview");
    if (!position) {
        return Raised{};
    }
    return buffer_store_item(runtime, buffer, static_cast<std::size_t>(*position), value);
}

Result<Value> memoryview_get_iterator(Runtime& runtime, Value self) {
    return make_index_iterator(runtime, self);
}

// itemsize: the bytes of one item, read-only.
Value memoryview_load_attribute(Runtime&, Value self, std::uint32_t name) {
    if (name != names::itemsize) {
        return Value::empty();
    }
    return Value::from_small_int(static_cast<MemoryViewObject*>(self.as_object())->item_size);
}

constexpr NativeFunction memoryview_natives[] = {
    {names::hex, NativeKind::method, 1, 2, bytes_method_hex},
};

constexpr auto memoryview_attributes = native_attributes<memoryview_natives>();

}  // namespace

constinit const Type memoryview_type{names::memoryview,
                                     &object_type,
                                     TypeSlots{
                                         .make_new = memoryview_make_new,
                                         .print = memoryview_print,
                                         .unary_operation = memoryview_unary,
                                         .binary_operation = memoryview_binary,
                                         .load_attribute = memoryview_load_attribute,
                                         .load_subscript = memoryview_load_subscript,
                                         .store_subscript = memoryview_store_subscript,
                                         .get_iterator = memoryview_get_iterator,
                                     },
                                     memoryview_attributes,
                                     0,
                                     trace_memoryview};

bool is_memoryview(Value value) {
    return value.is_object() && value.as_object()->type() == &memoryview_type;
}

}  // namespace xipy::object
