// list: growable sequences, their methods, and the iterator shared with tuple.
#include "object/list_object.hpp"

#include <algorithm>
#include <vector>

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/iteration.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/slice_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"
#include "support/small_vector.hpp"

namespace xipy::object {

Result<Value> make_sequence_iterator(Runtime& runtime, Value sequence);

namespace {

void trace_value_array(gc::Cell* cell, gc::Tracer& tracer) {
    auto* array = static_cast<ValueArray*>(cell);
    for (std::uint32_t index = 0; index < array->capacity; ++index) {
        Value item = array->items()[index];
        if (item.is_object()) {
            tracer.mark(item.as_object());
        }
    }
}

constexpr gc::CellDescriptor value_array_descriptor{trace_value_array, nullptr};

void trace_list(gc::Cell* cell, gc::Tracer& tracer) {
    auto* list = static_cast<ListObject*>(cell);
    if (list->storage != nullptr) {
        tracer.mark(list->storage);
    }
}

// Iterates a tuple or a list by index, so a list that grows while it is
// iterated yields its new items too.
struct SequenceIteratorObject : Object {
    Value sequence;
    std::uint32_t index = 0;

    explicit SequenceIteratorObject(Value items) : Object(&list_iterator_type), sequence(items) {}
};

void trace_sequence_iterator(gc::Cell* cell, gc::Tracer& tracer) {
    Value sequence = static_cast<SequenceIteratorObject*>(cell)->sequence;
    if (sequence.is_object()) {
        tracer.mark(sequence.as_object());
    }
}

Result<Value> sequence_iterator_next(Runtime&, Value self) {
    auto* iterator = static_cast<SequenceIteratorObject*>(self.as_object());
    std::span<const Value> items;
    if (is_tuple(iterator->sequence)) {
        items = as_tuple(iterator->sequence)->span();
    } else {
        items = as_list(iterator->sequence)->span();
    }
    if (iterator->index >= items.size()) {
        return Value::stop_iteration();
    }
    return items[iterator->index++];
}

Status list_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    return print_sequence(runtime, printer, self, '[', ']', false);
}

Result<Value> list_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    if (operation == UnaryOperator::hash) {
        return raise_unsupported_unary(runtime, operation, operand);
    }
    ListObject* list = as_list(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(list->length != 0);
        case UnaryOperator::length:
            return Value::from_small_int(list->length);
        case UnaryOperator::hash:
            return Value::not_implemented();
        default:
            return Value::not_implemented();
    }
}

Result<Value> list_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    if (operation == BinaryOperator::inplace_add && is_list(left)) {
        if (!list_extend(runtime, left, right)) {
            return Value::empty();
        }
        return left;
    }
    return sequence_binary(runtime, operation, left, right, is_list, allocate_list);
}

// A new list of the items a resolved slice selects, copied straight from `items` (which the
// caller keeps reachable: the new list's allocations may collect).
Result<Value> list_of_slice(Runtime& runtime, Value sequence, const SliceIndices& indices) {
    Value made = make_list(runtime, {});
    if (made.is_empty()) {
        return made;
    }
    ListObject* list = as_list(made);
    const auto count = static_cast<std::uint32_t>(indices.count);
    if (count == 0) {
        return made;
    }
    if (!list_reserve(runtime, list, count)) {
        return Value::empty();
    }
    // Read after the reservation: the source's storage is only read, never moved, by it.
    std::span<const Value> items = sequence_items(sequence);
    Value* target = list->items();
    for (std::int64_t done = 0, position = indices.start; done < indices.count;
         ++done, position += indices.step) {
        target[done] = items[static_cast<std::size_t>(position)];
    }
    list->length = count;
    return made;
}

Result<Value> list_load_subscript(Runtime& runtime, Value self, Value index) {
    ListObject* list = as_list(self);
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, list->length);
        if (!indices) {
            return Value::empty();
        }
        return list_of_slice(runtime, self, *indices);
    }
    auto position = normalize_index(runtime, index, list->length, "list");
    if (!position) {
        return Value::empty();
    }
    return list->items()[*position];
}

// Replaces items [start, stop) of `list` with `replacement`, moving the tail in place.
// `replacement` may lie in the list's own storage (`a[1:2] = a`), which growth moves: such a
// replacement is copied aside first.
bool replace_items(Runtime& runtime, ListObject* list, std::int64_t start, std::int64_t stop,
                   std::span<const Value> replacement) {
    const Value* storage_start = list->items();
    if (storage_start != nullptr && !replacement.empty() && replacement.data() >= storage_start &&
        replacement.data() < storage_start + list->storage->capacity) {
        support::ScratchVector<Value> copied(replacement.begin(), replacement.end());
        return replace_items(runtime, list, start, stop, copied);
    }
    const std::int64_t length = list->length;
    const auto inserted = static_cast<std::int64_t>(replacement.size());
    const std::int64_t new_length = length - (stop - start) + inserted;
    if (new_length > length &&
        !list_reserve(runtime, list, static_cast<std::uint32_t>(new_length - length))) {
        return false;
    }
    Value* items = list->items();
    if (items == nullptr) {
        return true;  // an empty list stays empty
    }
    // The tail [stop, length) moves to start at start + inserted.
    if (start + inserted > stop) {
        std::move_backward(items + stop, items + length, items + new_length);
    } else if (start + inserted < stop) {
        std::move(items + stop, items + length, items + start + inserted);
    }
    std::copy(replacement.begin(), replacement.end(), items + start);
    for (std::int64_t index = new_length; index < length; ++index) {
        items[index] = Value::none();
    }
    list->length = static_cast<std::uint32_t>(new_length);
    return true;
}

Status list_store_subscript(Runtime& runtime, Value self, Value index, Value value) {
    ListObject* list = as_list(self);
    if (is_slice(index)) {
        auto indices = resolve_slice(runtime, index, list->length);
        if (!indices) {
            return Raised{};
        }
        if (value.is_empty()) {
            if (indices->step == 1) {
                return replace_items(runtime, list, indices->start, indices->start + indices->count,
                                     {});
            }
            support::ScratchVector<Value> kept;
            support::ScratchVector<bool> removed(list->length, false);
            for (std::int64_t count = 0, position = indices->start; count < indices->count;
                 ++count, position += indices->step) {
                removed[static_cast<std::size_t>(position)] = true;
            }
            for (std::uint32_t position = 0; position < list->length; ++position) {
                if (!removed[position]) {
                    kept.push_back(list->items()[position]);
                }
            }
            return replace_items(runtime, list, 0, list->length, kept);
        }
        if (!is_list(value) && !is_tuple(value)) {
            runtime.raise_joined(&type_error_type, {"object '", type_name_of(runtime, value),
                                                    "' isn't a tuple or list"});
            return Raised{};
        }
        // The items are read where they lie: replace_items copies them aside when they are the
        // list's own, and an extended slice assigns the same count it reads, so a list assigned
        // into itself needs a copy only there.
        std::span<const Value> replacement = sequence_items(value);
        if (indices->step == 1) {
            std::int64_t stop = std::max(indices->start, indices->start + indices->count);
            return replace_items(runtime, list, indices->start, stop, replacement);
        }
        support::ScratchVector<Value> own_items;
        if (value == self) {
            own_items.assign(replacement.begin(), replacement.end());
            replacement = own_items;
        }
        if (static_cast<std::int64_t>(replacement.size()) != indices->count) {
            runtime.raise_joined(
                &value_error_type,
                {"attempt to assign sequence of size ",
                 Runtime::DecimalText(static_cast<std::int64_t>(replacement.size())),
                 " to extended slice of size ",
                 Runtime::DecimalText(static_cast<std::int64_t>(indices->count))});
            return Raised{};
        }
        for (std::int64_t count = 0, position = indices->start; count < indices->count;
             ++count, position += indices->step) {
            list->items()[position] = replacement[static_cast<std::size_t>(count)];
        }
        return succeeded();
    }
    auto position = normalize_index(runtime, index, list->length, "list");
    if (!position) {
        return Raised{};
    }
    if (value.is_empty()) {
        return replace_items(runtime, list, *position, *position + 1, {});
    }
    list->items()[*position] = value;
    return succeeded();
}

Result<Value> list_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return make_list(runtime, {});
    }
    if (arguments.positional_count > 1 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    return list_from_iterable(runtime, arguments[0]);
}

Result<Value> list_append_method(Runtime& runtime, Arguments arguments) {
    return list_append(runtime, arguments[0], arguments[1]) ? Value::none() : Value::empty();
}

Result<Value> list_extend_method(Runtime& runtime, Arguments arguments) {
    return list_extend(runtime, arguments[0], arguments[1]) ? Value::none() : Value::empty();
}

Result<Value> list_insert(Runtime& runtime, Arguments arguments) {
    ListObject* list = as_list(arguments[0]);
    auto index = to_integer(runtime, arguments[1]);
    if (!index) {
        return Value::empty();
    }
    std::int64_t length = list->length;
    std::int64_t position =
        *index < 0 ? std::max<std::int64_t>(0, *index + length) : std::min(*index, length);
    Value item = arguments[2];
    return replace_items(runtime, list, position, position, {&item, 1}) ? Value::none()
                                                                        : Value::empty();
}

Result<Value> list_pop(Runtime& runtime, Arguments arguments) {
    ListObject* list = as_list(arguments[0]);
    if (list->length == 0) {
        return runtime.raise_new(&index_error_type, "pop from empty list");
    }
    std::int64_t position = list->length - 1;
    if (arguments.positional_count > 1) {
        auto index = normalize_index(runtime, arguments[1], list->length, "list");
        if (!index) {
            return Value::empty();
        }
        position = *index;
    }
    Value item = list->items()[position];
    if (!replace_items(runtime, list, position, position + 1, {})) {
        return Value::empty();
    }
    return item;
}

std::optional<std::int64_t> find_item(Runtime& runtime, ListObject* list, Value item,
                                      std::int64_t start, std::int64_t stop) {
    for (std::int64_t index = start; index < stop && index < list->length; ++index) {
        int equal = equals(runtime, list->items()[index], item);
        if (equal < 0) {
            return std::nullopt;
        }
        if (equal > 0) {
            return index;
        }
    }
    runtime.raise_new(&value_error_type, "object not in sequence");
    return std::nullopt;
}

Result<Value> list_remove(Runtime& runtime, Arguments arguments) {
    ListObject* list = as_list(arguments[0]);
    auto index = find_item(runtime, list, arguments[1], 0, list->length);
    if (!index) {
        return Value::empty();
    }
    return replace_items(runtime, list, *index, *index + 1, {}) ? Value::none() : Value::empty();
}

Result<Value> list_index(Runtime& runtime, Arguments arguments) {
    ListObject* list = as_list(arguments[0]);
    std::int64_t length = list->length;
    std::int64_t bounds[2] = {0, length};
    for (std::uint32_t argument = 2; argument < arguments.positional_count; ++argument) {
        auto value = to_integer(runtime, arguments[argument]);
        if (!value) {
            return Value::empty();
        }
        bounds[argument - 2] =
            *value < 0 ? std::max<std::int64_t>(0, *value + length) : std::min(*value, length);
    }
    auto index = find_item(runtime, list, arguments[1], bounds[0], bounds[1]);
    if (!index) {
        return Value::empty();
    }
    return Value::from_small_int(*index);
}

Result<Value> list_count(Runtime& runtime, Arguments arguments) {
    ListObject* list = as_list(arguments[0]);
    std::int64_t count = 0;
    for (std::uint32_t index = 0; index < list->length; ++index) {
        int equal = equals(runtime, list->items()[index], arguments[1]);
        if (equal < 0) {
            return Value::empty();
        }
        count += equal;
    }
    return Value::from_small_int(count);
}

Result<Value> list_reverse(Runtime&, Arguments arguments) {
    std::span<Value> items = as_list(arguments[0])->span();
    std::reverse(items.begin(), items.end());
    return Value::none();
}

Result<Value> list_clear(Runtime&, Arguments arguments) {
    ListObject* list = as_list(arguments[0]);
    for (Value& item : list->span()) {
        item = Value::none();
    }
    list->length = 0;
    return Value::none();
}

Result<Value> list_copy(Runtime& runtime, Arguments arguments) {
    return make_list(runtime, as_list(arguments[0])->span());
}

}  // namespace

Status only_sort_keywords(Runtime& runtime, Arguments arguments) {
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        Value name = arguments.keyword_name(index);
        if (name != name_value(names::key) && name != name_value(names::reverse)) {
            runtime.raise_new(&type_error_type, "extra keyword arguments given");
            return Raised{};
        }
    }
    return succeeded();
}

namespace {

Result<Value> list_sort_method(Runtime& runtime, Arguments arguments) {
    // MicroPython parses sort's arguments generically, hence these texts.
    if (arguments.positional_count > 1) {
        return runtime.raise_new(&type_error_type, "extra positional arguments given");
    }
    if (!only_sort_keywords(runtime, arguments)) {
        return Value::empty();
    }
    Value key = keyword_argument(arguments, names::key);
    Value reverse_value = keyword_argument(arguments, names::reverse);
    int reverse = reverse_value.is_empty() ? 0 : truth(runtime, reverse_value);
    if (reverse < 0) {
        return Value::empty();
    }
    return list_sort(runtime, arguments[0], key.is_none() ? Value::empty() : key, reverse != 0)
               ? Value::none()
               : Value::empty();
}

Result<Value> list_init(Runtime& runtime, Arguments arguments) {
    Value self = native_self(arguments[0]);
    if (!is_list(self)) {
        return Value::none();
    }
    XIPY_CHECK(list_clear(runtime, Arguments{&self, 1, 0}));
    if (arguments.positional_count > 1) {
        return list_extend(runtime, self, arguments[1]) ? Value::none() : Value::empty();
    }
    return Value::none();
}

using Kind = NativeKind;

constexpr NativeFunction list_methods[] = {
    {names::append, Kind::method, 2, 2, list_append_method},
    {names::extend, Kind::method, 2, 2, list_extend_method},
    {names::insert, Kind::method, 3, 3, list_insert},
    {names::pop, Kind::method, 1, 2, list_pop},
    {names::remove, Kind::method, 2, 2, list_remove},
    {names::index, Kind::method, 2, 4, list_index},
    {names::count, Kind::method, 2, 2, list_count},
    {names::reverse, Kind::method, 1, 1, list_reverse},
    {names::clear, Kind::method, 1, 1, list_clear},
    {names::copy, Kind::method, 1, 1, list_copy},
    {names::sort, Kind::method, 1, NativeFunction::unlimited, list_sort_method, true},
    {names::dunder_init, Kind::method, 1, 2, list_init},
};

constexpr auto list_attributes = native_attributes<list_methods>();

// Stable merge sort of `order` (indexes into `keys`) that stops at the first comparison that
// raises; `buffer` (as long as `order`) is its scratch.
bool merge_sort(Runtime& runtime, std::span<std::size_t> order, std::span<std::size_t> buffer,
                std::span<const Value> keys, bool reverse) {
    bool failed = false;
    // A comparison of plain values costs about a few dozen machine operations; one that calls
    // Python code is counted by the interpreter as well.
    constexpr std::uint64_t comparison_units = 32;
    NativeWorkMeter work(runtime);
    auto less = [&](std::size_t first, std::size_t second) -> bool {
        if (failed) {
            return false;
        }
        if (!work.add(comparison_units)) {
            failed = true;
            return false;
        }
        Value left = reverse ? keys[second] : keys[first];
        Value right = reverse ? keys[first] : keys[second];
        RootScope scope(runtime);  // only the verdict outlives a comparison
        Value result = binary_operation(runtime, BinaryOperator::less, left, right);
        if (result.is_empty()) {
            failed = true;
            return false;
        }
        int truth_value = truth(runtime, result);
        if (truth_value < 0) {
            failed = true;
            return false;
        }
        return truth_value != 0;
    };
    // Each pass merges runs from `from` into `to`; then the two change places.
    std::size_t* from = order.data();
    std::size_t* to = buffer.data();
    const std::size_t count = order.size();
    for (std::size_t width = 1; width < count && !failed; width *= 2) {
        for (std::size_t start = 0; start < count; start += 2 * width) {
            std::size_t middle = std::min(start + width, count);
            std::size_t end = std::min(start + 2 * width, count);
            std::size_t left = start;
            std::size_t right = middle;
            std::size_t output = start;
            while (left < middle && right < end) {
                // Take from the right only when strictly less: keeps equal items in order.
                if (less(from[right], from[left])) {
                    to[output++] = from[right++];
                } else {
                    to[output++] = from[left++];
                }
            }
            while (left < middle) {
                to[output++] = from[left++];
            }
            while (right < end) {
                to[output++] = from[right++];
            }
        }
        std::swap(from, to);
    }
    if (!failed && from != order.data()) {
        std::copy(from, from + count, order.data());
    }
    return !failed;
}

}  // namespace

ValueArray::ValueArray(std::uint32_t count) : gc::Cell(&value_array_descriptor), capacity(count) {}

ValueArray* make_value_array(Runtime& runtime, std::uint32_t capacity) {
    auto* array = runtime.make<ValueArray>(capacity * sizeof(Value), capacity);
    if (array == nullptr) {
        return nullptr;
    }
    for (std::uint32_t index = 0; index < capacity; ++index) {
        array->items()[index] = Value::none();
    }
    return array;
}

constinit const Type list_type{names::list,
                               &object_type,
                               TypeSlots{
                                   .make_new = list_make_new,
                                   .print = list_print,
                                   .unary_operation = list_unary,
                                   .binary_operation = list_binary,
                                   .load_subscript = list_load_subscript,
                                   .store_subscript = list_store_subscript,
                                   .get_iterator = make_sequence_iterator,
                               },
                               list_attributes,
                               type_flag_subclassable,
                               trace_list};

constinit const Type list_iterator_type{
    names::iterator,
    &object_type,
    TypeSlots{.get_iterator = iterator_self, .iterate_next = sequence_iterator_next},
    {},
    0,
    trace_sequence_iterator};

Result<Value> make_sequence_iterator(Runtime& runtime, Value sequence) {
    auto* iterator = runtime.make<SequenceIteratorObject>(0, sequence);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

Result<Value> make_list(Runtime& runtime, std::span<const Value> items) {
    auto* list = runtime.make<ListObject>(0, &list_type);
    if (list == nullptr) {
        return Value::empty();
    }
    if (!items.empty()) {
        // The items may live in a std::vector the collector cannot see, so
        // copy them in before anything else can allocate.
        if (!list_reserve(runtime, list, static_cast<std::uint32_t>(items.size()))) {
            return Value::empty();
        }
        std::copy(items.begin(), items.end(), list->items());
        list->length = static_cast<std::uint32_t>(items.size());
    }
    return Value::from_object(list);
}

SequenceStorage allocate_list(Runtime& runtime, std::uint32_t count) {
    auto* list = runtime.make<ListObject>(0, &list_type);
    if (list == nullptr) {
        return {Value::empty(), nullptr};
    }
    if (count != 0) {
        if (!list_reserve(runtime, list, count)) {
            return {Value::empty(), nullptr};
        }
        list->length = count;
    }
    return {Value::from_object(list), list->items()};
}

Status list_reserve(Runtime& runtime, ListObject* list, std::uint32_t count) {
    std::uint64_t needed = std::uint64_t{list->length} + count;
    std::uint32_t capacity = list->storage == nullptr ? 0 : list->storage->capacity;
    if (needed <= capacity) {
        return succeeded();
    }
    if (needed > UINT32_MAX / 2) {
        runtime.raise_memory_error();
        return Raised{};
    }
    auto new_capacity =
        static_cast<std::uint32_t>(std::max<std::uint64_t>(needed, capacity + capacity / 2 + 4));
    ValueArray* storage = make_value_array(runtime, new_capacity);
    if (storage == nullptr) {
        return Raised{};
    }
    for (std::uint32_t index = 0; index < list->length; ++index) {
        storage->items()[index] = list->items()[index];
    }
    list->storage = storage;
    return succeeded();
}

Status list_append(Runtime& runtime, Value list_value, Value item) {
    ListObject* list = as_list(list_value);
    if (!list_reserve(runtime, list, 1)) {
        return Raised{};
    }
    list->items()[list->length++] = item;
    return succeeded();
}

Status list_extend(Runtime& runtime, Value list_value, Value iterable) {
    if (is_list(iterable) || is_tuple(iterable)) {
        ListObject* list = as_list(list_value);
        const auto count = static_cast<std::uint32_t>(sequence_items(iterable).size());
        if (!list_reserve(runtime, list, count)) {
            return false;
        }
        // Read after the reservation, which may move the storage of `a` in a.extend(a); the
        // first `count` items are the ones to append.
        std::span<const Value> items = sequence_items(iterable).first(count);
        std::copy(items.begin(), items.end(), list->items() + list->length);
        list->length += count;
        return true;
    }
    return for_each_item(runtime, iterable, [&](Value item) {
               return list_append(runtime, list_value, item) ? Step::next : Step::raised;
           }) != Finish::raised;
}

Result<Value> list_from_iterable(Runtime& runtime, Value iterable) {
    Value list = make_list(runtime, {});
    if (list.is_empty() || !list_extend(runtime, list, iterable)) {
        return Value::empty();
    }
    return list;
}

Status list_sort(Runtime& runtime, Value list_value, Value key, bool reverse) {
    // The key function and __lt__ may change the list: sort a copy kept in a list of its own,
    // so the collector sees the items even when the list no longer holds them.
    Value items_list = make_list(runtime, as_list(list_value)->span());
    if (items_list.is_empty()) {
        return Raised{};
    }
    // Nothing changes the copy: its items stay where they are while the sort runs.
    const std::span<const Value> items = as_list(items_list)->span();
    Value keys_list;
    if (!key.is_empty()) {
        // Keep the computed keys reachable in a list while sorting.
        keys_list = make_list(runtime, {});
        if (keys_list.is_empty()) {
            return Raised{};
        }
        LoopRoots rounds(runtime);
        for (std::size_t index = 0; index < items.size(); ++index) {
            Value computed = call_positional(runtime, key, {items[index]});
            if (computed.is_empty() || !list_append(runtime, keys_list, computed)) {
                return Raised{};
            }
            rounds.next_round();
        }
    }
    const std::span<const Value> keys = key.is_empty() ? items : as_list(keys_list)->span();
    support::SmallVector<std::size_t, 16> order(runtime.scratch_memory());
    support::SmallVector<std::size_t, 16> buffer(runtime.scratch_memory());
    if (!order.resize(items.size()) || !buffer.resize(items.size())) {
        return runtime.raise_memory_error();
    }
    for (std::size_t index = 0; index < order.size(); ++index) {
        order[index] = index;
    }
    if (!merge_sort(runtime, order.span(), buffer.span(), keys, reverse)) {
        return Raised{};
    }
    ListObject* list = as_list(list_value);
    if (list->length != items.size()) {
        runtime.raise_new(&value_error_type, "list modified during sort");
        return Raised{};
    }
    for (std::size_t index = 0; index < order.size(); ++index) {
        list->items()[index] = items[order[index]];
    }
    return succeeded();
}

}  // namespace xipy::object
