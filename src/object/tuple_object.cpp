// tuple: immutable sequences, and the comparison and printing shared with list.
#include "object/tuple_object.hpp"

#include <algorithm>
#include <vector>

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/slice_object.hpp"

namespace xipy::object {

// Defined in list_object.cpp: the iterator shared by tuples and lists.
Result<Value> make_sequence_iterator(Runtime& runtime, Value sequence);

namespace {

void trace_tuple(gc::Cell* cell, gc::Tracer& tracer) {
    auto* tuple = static_cast<TupleObject*>(cell);
    for (Value item : tuple->span()) {
        if (item.is_object()) {
            tracer.mark(item.as_object());
        }
    }
}

Status tuple_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    return print_sequence(runtime, printer, self, '(', ')', true);
}

Result<Value> tuple_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    TupleObject* tuple = as_tuple(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(tuple->length != 0);
        case UnaryOperator::length:
            return Value::from_small_int(tuple->length);
        case UnaryOperator::hash: {
            std::uint64_t hash = 0x345678;
            // Nested tuples hash recursively on the C++ stack: bound it (untrusted input).
            if (!runtime.enter_native_call()) {
                return Value::empty();
            }
            for (std::uint32_t index = 0; index < tuple->length; ++index) {
                auto item_hash = hash_value(runtime, tuple->items()[index]);
                if (!item_hash) {
                    runtime.leave_native_call();
                    return Value::empty();
                }
                hash = (hash ^ static_cast<std::uint64_t>(*item_hash)) * 1000003ULL;
            }
            runtime.leave_native_call();
            return make_int(runtime, static_cast<std::int64_t>(hash >> 17));
        }
        default:
            return Value::not_implemented();
    }
}

Result<Value> tuple_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    return sequence_binary(runtime, operation, left, right, is_tuple, allocate_tuple);
}

Result<Value> tuple_load_subscript(Runtime& runtime, Value self, Value index) {
    TupleObject* tuple = as_tuple(self);
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, tuple->length);
        if (!indices) {
            return Value::empty();
        }
        if (indices->count == 0) {
            return empty_tuple();
        }
        // Straight into the new tuple: the source tuple stays reachable from the caller.
        TupleObject* slice =
            new_tuple_uninitialized(runtime, static_cast<std::uint32_t>(indices->count));
        if (slice == nullptr) {
            return Value::empty();
        }
        for (std::int64_t done = 0, position = indices->start; done < indices->count;
             ++done, position += indices->step) {
            slice->items()[done] = tuple->items()[position];
        }
        return Value::from_object(slice);
    }
    auto position = normalize_index(runtime, index, tuple->length, "tuple");
    if (!position) {
        return Value::empty();
    }
    return tuple->items()[*position];
}

Result<Value> tuple_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return empty_tuple();
    }
    if (arguments.positional_count > 1 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    if (is_tuple(arguments[0])) {
        return arguments[0];
    }
    Value list = list_from_iterable(runtime, arguments[0]);
    if (list.is_empty()) {
        return Value::empty();
    }
    return new_tuple(runtime, as_list(list)->span());
}

Result<Value> tuple_count(Runtime& runtime, Arguments arguments) {
    std::int64_t count = 0;
    for (Value item : as_tuple(arguments[0])->span()) {
        int equal = equals(runtime, item, arguments[1]);
        if (equal < 0) {
            return Value::empty();
        }
        count += equal;
    }
    return Value::from_small_int(count);
}

Result<Value> tuple_index(Runtime& runtime, Arguments arguments) {
    std::span<const Value> items = as_tuple(arguments[0])->span();
    auto length = static_cast<std::int64_t>(items.size());
    std::int64_t bounds[2] = {0, length};
    for (std::uint32_t argument = 2; argument < arguments.positional_count; ++argument) {
        auto value = to_integer(runtime, arguments[argument]);
        if (!value) {
            return Value::empty();
        }
        bounds[argument - 2] =
            *value < 0 ? std::max<std::int64_t>(0, *value + length) : std::min(*value, length);
    }
    for (auto index = static_cast<std::size_t>(bounds[0]);
         index < static_cast<std::size_t>(bounds[1]); ++index) {
        int equal = equals(runtime, items[index], arguments[1]);
        if (equal < 0) {
            return Value::empty();
        }
        if (equal > 0) {
            return Value::from_small_int(static_cast<std::int64_t>(index));
        }
    }
    return runtime.raise_new(&value_error_type, "object not in sequence");
}

constexpr NativeFunction tuple_count_function{names::count, NativeKind::method, 2, 2, tuple_count};
constexpr NativeFunction tuple_index_function{names::index, NativeKind::method, 2, 4, tuple_index};
constexpr Attribute tuple_attributes[] = {
    {names::count, &tuple_count_function},
    {names::index, &tuple_index_function},
};

}  // namespace

constinit const Type tuple_type{names::tuple,
                                &object_type,
                                TypeSlots{
                                    .make_new = tuple_make_new,
                                    .print = tuple_print,
                                    .unary_operation = tuple_unary,
                                    .binary_operation = tuple_binary,
                                    .load_subscript = tuple_load_subscript,
                                    .get_iterator = make_sequence_iterator,
                                },
                                tuple_attributes,
                                type_flag_subclassable,
                                trace_tuple};

namespace {
// The one empty tuple, shared by every VM: it has no items to change.
constinit const TupleObject the_empty_tuple{TupleObject::StaticTag{}};
}  // namespace

Value empty_tuple() { return Value::from_object(&the_empty_tuple); }

TupleObject* new_tuple_uninitialized(Runtime& runtime, std::uint32_t count) {
    auto* tuple = runtime.make<TupleObject>(count * sizeof(Value), &tuple_type, count);
    if (tuple == nullptr) {
        return nullptr;
    }
    for (std::uint32_t index = 0; index < count; ++index) {
        tuple->items()[index] = Value::none();
    }
    return tuple;
}

SequenceStorage allocate_tuple(Runtime& runtime, std::uint32_t count) {
    if (count == 0) {
        return {empty_tuple(), nullptr};
    }
    TupleObject* tuple = new_tuple_uninitialized(runtime, count);
    if (tuple == nullptr) {
        return {Value::empty(), nullptr};
    }
    return {Value::from_object(tuple), tuple->items()};
}

Result<Value> new_tuple(Runtime& runtime, std::span<const Value> items) {
    if (items.empty()) {
        return empty_tuple();
    }
    TupleObject* tuple = new_tuple_uninitialized(runtime, static_cast<std::uint32_t>(items.size()));
    if (tuple == nullptr) {
        return Value::empty();
    }
    std::copy(items.begin(), items.end(), tuple->items());
    return Value::from_object(tuple);
}

std::span<const Value> sequence_items(Value sequence) {
    return is_tuple(sequence) ? as_tuple(sequence)->span()
                              : std::span<const Value>(as_list(sequence)->span());
}

namespace {

// Whether the items at `index` of both sequences are equal (1), not (0) or the comparison
// raised (-1). The two items are rooted while Python's __eq__ runs: it may remove them from
// their lists while equals() still holds them in C++ locals (the reflected __eq__ of the right
// one runs after the left one's returned).
int items_equal(Runtime& runtime, Value left, Value right, std::size_t index) {
    RootScope scope(runtime);
    Value left_item = sequence_items(left)[index];
    Value right_item = sequence_items(right)[index];
    runtime.keep(left_item);
    runtime.keep(right_item);
    return equals(runtime, left_item, right_item);
}

// Whether both sequences still have an item at `index`: Python code run by a comparison may
// have shortened a list.
bool both_have(Value left, Value right, std::size_t index) {
    return index < sequence_items(left).size() && index < sequence_items(right).size();
}

// Lexicographic comparison. A list is re-read at every step (never copied): __eq__ may
// mutate it, and a copy would hold items the collector cannot see. As CPython, the lengths
// that decide a tie are the current ones.
Result<Value> compare_items(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    if (operation == BinaryOperator::equal || operation == BinaryOperator::not_equal) {
        bool same = sequence_items(left).size() == sequence_items(right).size();
        for (std::size_t index = 0; same && both_have(left, right, index); ++index) {
            int equal = items_equal(runtime, left, right, index);
            if (equal < 0) {
                return Value::empty();
            }
            same = equal > 0;
        }
        same = same && sequence_items(left).size() == sequence_items(right).size();
        return Value::boolean(same == (operation == BinaryOperator::equal));
    }
    if (operation > BinaryOperator::not_equal) {
        return Value::not_implemented();
    }
    // As MicroPython, decide < and <= as > and >= with the operands swapped
    // (which shows in the error message of an unorderable pair).
    if (operation == BinaryOperator::less || operation == BinaryOperator::less_equal) {
        std::swap(left, right);
        operation =
            operation == BinaryOperator::less ? BinaryOperator::more : BinaryOperator::more_equal;
    }
    for (std::size_t index = 0; both_have(left, right, index); ++index) {
        int equal = items_equal(runtime, left, right, index);
        if (equal < 0) {
            return Value::empty();
        }
        if (equal == 0 && both_have(left, right, index)) {
            return binary_operation(runtime, operation, sequence_items(left)[index],
                                    sequence_items(right)[index]);
        }
    }
    std::size_t first = sequence_items(left).size();
    std::size_t second = sequence_items(right).size();
    return Value::boolean(operation == BinaryOperator::more ? first > second : first >= second);
}

}  // namespace

Result<Value> compare_sequences(Runtime& runtime, BinaryOperator operation, Value left,
                                Value right) {
    // Nested lists and tuples compare recursively on the C++ stack: bound it (untrusted input).
    if (!runtime.enter_native_call()) {
        return Value::empty();
    }
    Value result = compare_items(runtime, operation, left, right);
    runtime.leave_native_call();
    return result;
}

namespace {

Result<Value> repeat_sequence(Runtime& runtime, Value sequence, Value count_value,
                              SequenceAllocator allocate) {
    auto count = to_integer(runtime, count_value);
    if (!count) {
        return Value::empty();
    }
    std::span<const Value> items = sequence_items(sequence);
    std::int64_t times = std::max<std::int64_t>(0, *count);
    const std::uint64_t item_bytes = items.size() * sizeof(Value);
    if (item_bytes != 0 && static_cast<std::uint64_t>(times) > UINT64_MAX / item_bytes) {
        return runtime.raise_memory_error();
    }
    if (!runtime.make_room_for_result(static_cast<std::uint64_t>(times) * item_bytes)) {
        return Raised{};
    }
    if (!runtime.charge_if_large(static_cast<std::uint64_t>(times) *
                                 (items.size() * sizeof(Value) + 1))) {
        return Value::empty();
    }
    const std::uint64_t item_count = static_cast<std::uint64_t>(times) * items.size();
    if (item_count > UINT32_MAX) {
        return runtime.raise_memory_error(static_cast<std::size_t>(item_count * sizeof(Value)));
    }
    SequenceStorage result = allocate(runtime, static_cast<std::uint32_t>(item_count));
    if (result.sequence.is_empty()) {
        return Value::empty();
    }
    // Read again after the allocation, which may have run a collection (it moves nothing).
    items = sequence_items(sequence);
    for (std::int64_t index = 0; index < times; ++index) {
        std::copy(items.begin(), items.end(), result.items + index * items.size());
    }
    return result.sequence;
}

// `item in sequence`: re-reads the items at each step, since __eq__ may change a list.
Result<Value> sequence_contains(Runtime& runtime, Value sequence, Value item) {
    for (std::size_t index = 0; index < sequence_items(sequence).size(); ++index) {
        RootScope scope(runtime);
        Value candidate = sequence_items(sequence)[index];
        runtime.keep(candidate);
        int equal = equals(runtime, candidate, item);
        if (equal != 0) {
            return equal < 0 ? Value::empty() : Value::true_value();
        }
    }
    return Value::false_value();
}

}  // namespace

Result<Value> sequence_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right,
                              bool (*is_kind)(Value), SequenceAllocator allocate) {
    operation = plain_operator(operation);
    if (operation == BinaryOperator::multiply) {
        if (is_kind(left) && is_int(right)) {
            return repeat_sequence(runtime, left, right, allocate);
        }
        if (is_int(left) && is_kind(right)) {
            return repeat_sequence(runtime, right, left, allocate);
        }
        return Value::not_implemented();
    }
    if (!is_kind(left)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::contains) {
        return sequence_contains(runtime, left, right);
    }
    if (!is_kind(right)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::add) {
        const std::uint64_t count =
            std::uint64_t{sequence_items(left).size()} + sequence_items(right).size();
        if (count > UINT32_MAX) {
            return runtime.raise_memory_error(static_cast<std::size_t>(count * sizeof(Value)));
        }
        SequenceStorage joined = allocate(runtime, static_cast<std::uint32_t>(count));
        if (joined.sequence.is_empty()) {
            return Value::empty();
        }
        // The operands' items as they are after the allocation: a list cannot change during it.
        std::span<const Value> first = sequence_items(left);
        std::span<const Value> second = sequence_items(right);
        std::copy(first.begin(), first.end(), joined.items);
        std::copy(second.begin(), second.end(), joined.items + first.size());
        return joined.sequence;
    }
    return compare_sequences(runtime, operation, left, right);
}

Status print_sequence(Runtime& runtime, Printer& printer, Value sequence, char open, char close,
                      bool single_comma) {
    printer.write_char(open);
    // Indexes the current items each time: an item's __repr__ may change a list.
    for (std::size_t index = 0; index < sequence_items(sequence).size(); ++index) {
        if (index > 0) {
            printer.write(", ");
        }
        if (!runtime.enter_native_call()) {
            return Raised{};
        }
        bool ok = false;
        {
            RootScope scope(runtime);
            Value item = sequence_items(sequence)[index];
            runtime.keep(item);
            ok = print_value(runtime, printer, item, PrintKind::repr).ok();
        }
        runtime.leave_native_call();
        if (!ok) {
            return Raised{};
        }
    }
    if (single_comma && sequence_items(sequence).size() == 1) {
        printer.write_char(',');
    }
    printer.write_char(close);
    return succeeded();
}

}  // namespace xipy::object
