// range: lazy arithmetic sequences and their iterator.
#include "object/range_object.hpp"

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/slice_object.hpp"

namespace xipy::object {
namespace {

struct RangeIteratorObject : Object {
    std::int64_t next;
    std::int64_t remaining;
    std::int64_t step;

    RangeIteratorObject(std::int64_t first, std::int64_t count, std::int64_t increment)
        : Object(&range_iterator_type), next(first), remaining(count), step(increment) {}
};

Result<Value> range_iterator_next(Runtime& runtime, Value self) {
    auto* iterator = static_cast<RangeIteratorObject*>(self.as_object());
    if (iterator->remaining <= 0) {
        return Value::stop_iteration();
    }
    --iterator->remaining;
    std::int64_t value = iterator->next;
    iterator->next += iterator->step;
    return make_int(runtime, value);
}

RangeObject* as_range(Value value) { return static_cast<RangeObject*>(value.as_object()); }

Result<Value> range_get_iterator(Runtime& runtime, Value self) {
    RangeObject* range = as_range(self);
    auto* iterator =
        runtime.make<RangeIteratorObject>(0, range->start, range->length(), range->step);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

Status range_print(Runtime&, Value self, Printer& printer, PrintKind) {
    RangeObject* range = as_range(self);
    printer.write("range(");
    printer.write_integer(range->start);
    printer.write(", ");
    printer.write_integer(range->stop);
    if (range->step != 1) {
        printer.write(", ");
        printer.write_integer(range->step);
    }
    printer.write(")");
    return succeeded();
}

Result<Value> range_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    RangeObject* range = as_range(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(range->length() != 0);
        case UnaryOperator::length:
            return make_int(runtime, range->length());
        default:
            return Value::not_implemented();
    }
}

Result<Value> range_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    if (type_of(left) != &range_type) {
        return Value::not_implemented();
    }
    RangeObject* range = as_range(left);
    if (operation == BinaryOperator::contains) {
        if (!is_int(right)) {
            return Value::not_implemented();
        }
        auto value = int_to_int64(right);
        if (!value) {
            return Value::false_value();
        }
        std::int64_t offset = *value - range->start;
        bool inside = range->step > 0 ? (*value >= range->start && *value < range->stop)
                                      : (*value <= range->start && *value > range->stop);
        return Value::boolean(inside && offset % range->step == 0);
    }
    if (operation == BinaryOperator::equal && type_of(right) == &range_type) {
        RangeObject* other = as_range(right);
        std::int64_t length = range->length();
        if (length != other->length()) {
            return Value::false_value();
        }
        if (length == 0) {
            return Value::true_value();
        }
        if (range->start != other->start) {
            return Value::false_value();
        }
        return Value::boolean(length == 1 || range->step == other->step);
    }
    (void)runtime;
    return Value::not_implemented();
}

Result<Value> range_load_subscript(Runtime& runtime, Value self, Value index) {
    RangeObject* range = as_range(self);
    std::int64_t length = range->length();
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, length);
        if (!indices) {
            return Value::empty();
        }
        std::int64_t start = range->start + indices->start * range->step;
        std::int64_t step = range->step * indices->step;
        std::int64_t stop = range->start + indices->stop * range->step;
        auto* result = runtime.make<RangeObject>(0, start, stop, step);
        return result == nullptr ? Value::empty() : Value::from_object(result);
    }
    auto position = normalize_index(runtime, index, length, "range");
    if (!position) {
        return Value::empty();
    }
    return make_int(runtime, range->start + *position * range->step);
}

Value range_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    RangeObject* range = as_range(self);
    switch (name) {
        case names::start:
            return make_int(runtime, range->start);
        case names::stop:
            return make_int(runtime, range->stop);
        case names::step:
            return make_int(runtime, range->step);
        default:
            return Value::empty();
    }
}

Result<Value> range_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&type_error_type, "function doesn't take keyword arguments");
    }
    if (arguments.positional_count < 1 || arguments.positional_count > 3) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 3 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    std::int64_t values[3] = {0, 0, 1};
    for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
        auto value = to_integer(runtime, arguments[index]);
        if (!value) {
            return Value::empty();
        }
        values[index] = *value;
    }
    if (arguments.positional_count == 1) {
        values[1] = values[0];
        values[0] = 0;
    }
    if (values[2] == 0) {
        return runtime.raise_new(&value_error_type, "zero step");
    }
    auto* range = runtime.make<RangeObject>(0, values[0], values[1], values[2]);
    return range == nullptr ? Value::empty() : Value::from_object(range);
}

Result<Value> range_count(Runtime& runtime, Arguments arguments) {
    Value contained = range_binary(runtime, BinaryOperator::contains, arguments[0], arguments[1]);
    if (contained.is_empty()) {
        return contained;
    }
    return Value::from_small_int(contained.is_true_value() ? 1 : 0);
}

Result<Value> range_index(Runtime& runtime, Arguments arguments) {
    Value contained = range_binary(runtime, BinaryOperator::contains, arguments[0], arguments[1]);
    if (contained.is_empty()) {
        return contained;
    }
    if (!contained.is_true_value()) {
        return runtime.raise_new(&value_error_type, "object not in sequence");
    }
    RangeObject* range = as_range(arguments[0]);
    return make_int(runtime, (*int_to_int64(arguments[1]) - range->start) / range->step);
}

constexpr NativeFunction range_count_function{names::count, NativeKind::method, 2, 2, range_count};
constexpr NativeFunction range_index_function{names::index, NativeKind::method, 2, 2, range_index};
constexpr Attribute range_attributes[] = {
    {names::count, &range_count_function},
    {names::index, &range_index_function},
};

}  // namespace

std::int64_t RangeObject::length() const {
    if (step > 0 ? start >= stop : start <= stop) {
        return 0;
    }
    if (step > 0) {
        return (stop - start + step - 1) / step;
    }
    return (start - stop - step - 1) / -step;
}

constinit const Type range_type{names::range, &object_type,
                                TypeSlots{
                                    .make_new = range_make_new,
                                    .print = range_print,
                                    .unary_operation = range_unary,
                                    .binary_operation = range_binary,
                                    .load_attribute = range_load_attribute,
                                    .load_subscript = range_load_subscript,
                                    .get_iterator = range_get_iterator,
                                },
                                range_attributes};

constinit const Type range_iterator_type{
    names::iterator,
    &object_type,
    TypeSlots{.get_iterator = iterator_self, .iterate_next = range_iterator_next},
    {}};

}  // namespace xipy::object
