// slice objects and resolving them against a sequence length.
#include "object/slice_object.hpp"

#include <algorithm>

#include "object/array_object.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/memoryview_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {
namespace {

void trace_slice(gc::Cell* cell, gc::Tracer& tracer) {
    auto* slice = static_cast<SliceObject*>(cell);
    for (Value value : {slice->start, slice->stop, slice->step}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

Status slice_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    auto* slice = static_cast<SliceObject*>(self.as_object());
    printer.write("slice(");
    if (!print_value(runtime, printer, slice->start, PrintKind::repr)) {
        return Raised{};
    }
    printer.write(", ");
    if (!print_value(runtime, printer, slice->stop, PrintKind::repr)) {
        return Raised{};
    }
    printer.write(", ");
    if (!print_value(runtime, printer, slice->step, PrintKind::repr)) {
        return Raised{};
    }
    printer.write(")");
    return succeeded();
}

Value slice_load_attribute(Runtime&, Value self, std::uint32_t name) {
    auto* slice = static_cast<SliceObject*>(self.as_object());
    switch (name) {
        case names::start:
            return slice->start;
        case names::stop:
            return slice->stop;
        case names::step:
            return slice->step;
        default:
            return Value::empty();
    }
}

Result<Value> slice_indices(Runtime& runtime, Arguments arguments) {
    auto length = to_integer(runtime, arguments[1]);
    if (!length) {
        return Value::empty();
    }
    auto indices = resolve_slice(runtime, arguments[0], *length);
    if (!indices) {
        return Value::empty();
    }
    Value parts[3] = {make_int(runtime, indices->start), make_int(runtime, indices->stop),
                      make_int(runtime, indices->step)};
    return new_tuple(runtime, parts);
}

constexpr NativeFunction slice_indices_function{names::indices, NativeKind::method, 2, 2,
                                                slice_indices};
constexpr Attribute slice_attributes[] = {{names::indices, &slice_indices_function}};

Result<Value> slice_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    Value parts[3] = {Value::none(), Value::none(), Value::none()};
    if (arguments.positional_count == 1) {
        parts[1] = arguments[0];
    } else if (arguments.positional_count >= 2 && arguments.positional_count <= 3) {
        for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
            parts[index] = arguments[index];
        }
    } else {
        return runtime.raise_new(&type_error_type, "slice expected at most 3 arguments");
    }
    return make_slice(runtime, parts[0], parts[1], parts[2]);
}

// Slices are unhashable (as in MicroPython and CPython before 3.12).
Result<Value> slice_unary(Runtime& runtime, UnaryOperator operation, Value self) {
    if (operation == UnaryOperator::hash) {
        return raise_unsupported_unary(runtime, operation, self);
    }
    return Value::not_implemented();
}

}  // namespace

constinit const Type slice_type{names::slice,
                                &object_type,
                                TypeSlots{
                                    .make_new = slice_make_new,
                                    .print = slice_print,
                                    .unary_operation = slice_unary,
                                    .load_attribute = slice_load_attribute,
                                },
                                slice_attributes,
                                0,
                                trace_slice};

bool is_slice(Value value) { return value.is_object() && value.as_object()->type() == &slice_type; }

bool subscript_allows_stack_slice(Value target) {
    if (!target.is_object()) {
        return false;
    }
    const Type* type = target.as_object()->type();
    return type == &list_type || type == &tuple_type || type == &str_type || type == &bytes_type ||
           type == &bytearray_type || type == &array_type || type == &memoryview_type;
}

Result<Value> make_slice(Runtime& runtime, Value start, Value stop, Value step) {
    auto* slice = runtime.make<SliceObject>(0, start, stop, step);
    return slice == nullptr ? Value::empty() : Value::from_object(slice);
}

namespace {

// to_index() with the common case, a small int, answered without the call.
std::optional<std::int64_t> slice_part(Runtime& runtime, Value value) {
    if (value.is_small_int()) {
        return value.as_small_int();
    }
    return to_index(runtime, value, "slice");
}

}  // namespace

std::optional<SliceIndices> resolve_slice(Runtime& runtime, Value slice_value,
                                          std::int64_t length) {
    auto* slice = static_cast<SliceObject*>(slice_value.as_object());
    SliceIndices result;
    if (!slice->step.is_none()) {
        auto step = slice_part(runtime, slice->step);
        if (!step) {
            return std::nullopt;
        }
        if (*step == 0) {
            runtime.raise_new(&value_error_type, "slice step can't be zero");
            return std::nullopt;
        }
        result.step = *step;
    }
    auto bound = [&](Value value, std::int64_t fallback, std::int64_t& out) -> bool {
        if (value.is_none()) {
            out = fallback;
            return true;
        }
        auto index = slice_part(runtime, value);
        if (!index) {
            return false;
        }
        std::int64_t position = *index;
        if (position < 0) {
            position += length;
            if (position < 0) {
                position = result.step < 0 ? -1 : 0;
            }
        } else if (position >= length) {
            position = result.step < 0 ? length - 1 : length;
        }
        out = position;
        return true;
    };
    if (result.step > 0) {
        if (!bound(slice->start, 0, result.start) || !bound(slice->stop, length, result.stop)) {
            return std::nullopt;
        }
        result.count = result.stop > result.start
                           ? (result.stop - result.start + result.step - 1) / result.step
                           : 0;
    } else {
        if (!bound(slice->start, length - 1, result.start) ||
            !bound(slice->stop, -1, result.stop)) {
            return std::nullopt;
        }
        result.count = result.start > result.stop
                           ? (result.start - result.stop - result.step - 1) / -result.step
                           : 0;
    }
    return result;
}

std::optional<std::int64_t> normalize_index(Runtime& runtime, Value index, std::int64_t length,
                                            std::string_view what) {
    auto position = index.is_small_int() ? std::optional<std::int64_t>(index.as_small_int())
                                         : to_index(runtime, index, what);
    if (!position) {
        return std::nullopt;
    }
    std::int64_t adjusted = *position < 0 ? *position + length : *position;
    if (adjusted < 0 || adjusted >= length) {
        runtime.raise_joined(&index_error_type, {what, " index out of range"});
        return std::nullopt;
    }
    return adjusted;
}

}  // namespace xipy::object
