// enumerate, zip, map, filter, reversed and the __getitem__ iterator.
#include <span>

#include "object/builtins.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/tuple_object.hpp"
#include "support/small_vector.hpp"

namespace xipy::object {
namespace {

// One object layout serves every lazy iterator here: a function (map,
// filter), a source (an iterator, or a tuple of iterators for zip and map),
// and a counter (enumerate's index, reversed's position).
struct LazyIteratorObject : Object {
    Value function;
    Value source;
    std::int64_t counter;

    LazyIteratorObject(const Type* type, Value callable, Value items, std::int64_t start)
        : Object(type), function(callable), source(items), counter(start) {}
};

void trace_lazy(gc::Cell* cell, gc::Tracer& tracer) {
    auto* iterator = static_cast<LazyIteratorObject*>(cell);
    for (Value value : {iterator->function, iterator->source}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

LazyIteratorObject* as_lazy(Value value) {
    return static_cast<LazyIteratorObject*>(value.as_object());
}

Result<Value> self_iterator(Runtime&, Value self) { return self; }

Result<Value> make_lazy(Runtime& runtime, const Type* type, Value function, Value source,
                        std::int64_t counter) {
    auto* iterator = runtime.make<LazyIteratorObject>(0, type, function, source, counter);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

// A tuple of iterators over each argument from `first` on.
Result<Value> iterators_of(Runtime& runtime, std::span<const Value> iterables) {
    TupleObject* tuple =
        new_tuple_uninitialized(runtime, static_cast<std::uint32_t>(iterables.size()));
    if (tuple == nullptr) {
        return Value::empty();
    }
    Value result = Value::from_object(tuple);
    for (std::size_t index = 0; index < iterables.size(); ++index) {
        Value iterator = get_iterator(runtime, iterables[index]);
        if (iterator.is_empty()) {
            return Value::empty();
        }
        tuple->items()[index] = iterator;
    }
    return result;
}

// Next item of every iterator of `source`, or stop_iteration when any ends.
// The next item of a source of enumerate, map or zip. A StopIteration the source raises goes
// on raised, as MicroPython passes it on: with its value (first argument) only. Loops over the
// outer iterator still just end (iterate_next() takes a raised StopIteration as the end).
Value next_passing_stop(Runtime& runtime, Value iterator) {
    Value item = iterate_next_keeping_stop(runtime, iterator);
    if (item.is_empty() && is_instance(runtime.exception(), &stop_iteration_type)) {
        TupleObject* args = as_tuple(as_exception(runtime.exception())->args);
        if (args->length > 1) {
            Value value = args->items()[0];
            Value stop = make_exception(runtime, &stop_iteration_type, {&value, 1});
            if (!stop.is_empty()) {
                runtime.set_exception(stop);
            }
        }
    }
    return item;
}

// One item of each of zip's or map's iterators: a handful, almost always.
using ItemsOfEach = support::SmallVector<Value, 16>;

bool next_of_each(Runtime& runtime, Value source, ItemsOfEach& items, bool& finished) {
    TupleObject* iterators = as_tuple(source);
    items.clear();
    for (Value iterator : iterators->span()) {
        Value item = next_passing_stop(runtime, iterator);
        if (item.is_empty()) {
            return false;
        }
        if (item.is_stop_iteration()) {
            finished = true;
            return true;
        }
        // The next iterator may run Python code that drops the last other reference to this
        // item (a list iterator's item, say): keep it alive until the instruction ends.
        runtime.keep(item);
        if (!items.push_back(item)) {
            runtime.raise_memory_error();
            return false;
        }
    }
    finished = false;
    return true;
}

// ---- enumerate

Result<Value> enumerate_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (!check_keywords(runtime, arguments, {names::iterable, names::start})) {
        return Value::empty();
    }
    if (arguments.positional_count > 2) {
        return runtime.raise_joined(
            &type_error_type,
            {"function takes 1 positional arguments but ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count)),
             " were given"});
    }
    // enumerate(iterable, start=0), both also by keyword (as MicroPython parses them).
    Value iterable_keyword = keyword_argument(arguments, names::iterable);
    Value start_keyword = keyword_argument(arguments, names::start);
    if ((arguments.positional_count > 0 && !iterable_keyword.is_empty()) ||
        (arguments.positional_count > 1 && !start_keyword.is_empty())) {
        return runtime.raise_new(&type_error_type, "extra keyword arguments given");
    }
    Value iterable = arguments.positional_count > 0 ? arguments[0] : iterable_keyword;
    if (iterable.is_empty()) {
        return runtime.raise_new(&type_error_type, "'iterable' argument required");
    }
    Value start_value = arguments.positional_count > 1 ? arguments[1] : start_keyword;
    std::int64_t start = 0;
    if (!start_value.is_empty()) {
        auto parsed = to_integer(runtime, start_value);
        if (!parsed) {
            return Value::empty();
        }
        start = *parsed;
    }
    Value iterator = get_iterator(runtime, iterable);
    if (iterator.is_empty()) {
        return Value::empty();
    }
    return make_lazy(runtime, type, Value::none(), iterator, start);
}

Result<Value> enumerate_next(Runtime& runtime, Value self) {
    LazyIteratorObject* iterator = as_lazy(self);
    Value item = next_passing_stop(runtime, iterator->source);
    if (item.is_empty() || item.is_stop_iteration()) {
        return item;
    }
    Value pair[2] = {make_int(runtime, iterator->counter++), item};
    return new_tuple(runtime, pair);
}

// ---- zip

Result<Value> zip_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    Value iterators = iterators_of(runtime, arguments.positional());
    if (iterators.is_empty()) {
        return Value::empty();
    }
    return make_lazy(runtime, type, Value::none(), iterators, 0);
}

Result<Value> zip_next(Runtime& runtime, Value self) {
    LazyIteratorObject* iterator = as_lazy(self);
    if (as_tuple(iterator->source)->length == 0) {
        return Value::stop_iteration();
    }
    ItemsOfEach items(runtime.scratch_memory());
    bool finished = false;
    if (!next_of_each(runtime, iterator->source, items, finished)) {
        return Value::empty();
    }
    if (finished) {
        return Value::stop_iteration();
    }
    return new_tuple(runtime, items.span());
}

// ---- map

Result<Value> map_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count < 2) {
        return runtime.raise_new(&type_error_type,
                                 "function missing 1 required positional arguments");
    }
    Value iterators = iterators_of(runtime, arguments.positional().subspan(1));
    if (iterators.is_empty()) {
        return Value::empty();
    }
    return make_lazy(runtime, type, arguments[0], iterators, 0);
}

Result<Value> map_next(Runtime& runtime, Value self) {
    LazyIteratorObject* iterator = as_lazy(self);
    ItemsOfEach items(runtime.scratch_memory());
    bool finished = false;
    if (!next_of_each(runtime, iterator->source, items, finished)) {
        return Value::empty();
    }
    if (finished) {
        return Value::stop_iteration();
    }
    return call_positional(runtime, iterator->function, items.span());
}

// ---- filter

Result<Value> filter_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count != 2) {
        return runtime.raise_joined(
            &type_error_type,
            {"function takes 2 positional arguments but ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count)),
             " were given"});
    }
    Value iterator = get_iterator(runtime, arguments[1]);
    if (iterator.is_empty()) {
        return Value::empty();
    }
    return make_lazy(runtime, type, arguments[0], iterator, 0);
}

Result<Value> filter_next(Runtime& runtime, Value self) {
    LazyIteratorObject* iterator = as_lazy(self);
    // Skipping a long run of rejected items is a native loop: each round's roots go.
    LoopRoots rounds(runtime);
    for (;;) {
        rounds.next_round();
        Value item = iterate_next(runtime, iterator->source);
        if (item.is_empty() || item.is_stop_iteration()) {
            return item;
        }
        runtime.keep(item);
        Value verdict = iterator->function.is_none()
                            ? item
                            : Value(call_positional(runtime, iterator->function, {item}));
        if (verdict.is_empty()) {
            return Value::empty();
        }
        int truth_value = truth(runtime, verdict);
        if (truth_value < 0) {
            return Value::empty();
        }
        if (truth_value > 0) {
            return item;
        }
    }
}

// ---- reversed

Result<Value> reversed_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count != 1) {
        return runtime.raise_joined(
            &type_error_type,
            {"function takes 1 positional arguments but ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count)),
             " were given"});
    }
    Value sequence = arguments[0];
    Method method;
    if (!load_method(runtime, sequence, names::dunder_reversed, method, false)) {
        return Value::empty();
    }
    if (!method.function.is_empty() && type_of(sequence)->is_user_class()) {
        Arguments none{};
        return method.self.is_empty() ? call(runtime, method.function, none)
                                      : call_with_self(runtime, method.function, method.self, none);
    }
    auto length = length_of(runtime, sequence);
    if (!length) {
        return Value::empty();
    }
    return make_lazy(runtime, type, sequence, Value::none(), *length);
}

Result<Value> reversed_next(Runtime& runtime, Value self) {
    LazyIteratorObject* iterator = as_lazy(self);
    if (iterator->counter <= 0) {
        return Value::stop_iteration();
    }
    --iterator->counter;
    return load_subscript(runtime, iterator->function, Value::from_small_int(iterator->counter));
}

// ---- iteration through __getitem__

Result<Value> index_iterator_next(Runtime& runtime, Value self) {
    LazyIteratorObject* iterator = as_lazy(self);
    Value item =
        load_subscript(runtime, iterator->source, Value::from_small_int(iterator->counter));
    if (item.is_empty()) {
        if (is_instance(runtime.exception(), &index_error_type) ||
            is_instance(runtime.exception(), &stop_iteration_type)) {
            runtime.clear_exception();
            return Value::stop_iteration();
        }
        return Value::empty();
    }
    ++iterator->counter;
    return item;
}

}  // namespace

#define XIPY_LAZY_TYPE(variable, name, make, next)                   \
    constinit const Type variable{name,                              \
                                  &object_type,                      \
                                  TypeSlots{                         \
                                      .make_new = make,              \
                                      .get_iterator = self_iterator, \
                                      .iterate_next = next,          \
                                  },                                 \
                                  {},                                \
                                  type_flag_subclassable,            \
                                  trace_lazy};
XIPY_LAZY_TYPE(enumerate_type, names::enumerate, enumerate_make_new, enumerate_next)
XIPY_LAZY_TYPE(zip_type, names::zip, zip_make_new, zip_next)
XIPY_LAZY_TYPE(map_type, names::map, map_make_new, map_next)
XIPY_LAZY_TYPE(filter_type, names::filter, filter_make_new, filter_next)
XIPY_LAZY_TYPE(reversed_type, names::reversed, reversed_make_new, reversed_next)
XIPY_LAZY_TYPE(index_iterator_type, names::iterator, nullptr, index_iterator_next)
#undef XIPY_LAZY_TYPE

Result<Value> make_index_iterator(Runtime& runtime, Value sequence) {
    return make_lazy(runtime, &index_iterator_type, Value::none(), sequence, 0);
}

namespace {
constexpr Attribute iteration_table[] = {
    {names::enumerate, &enumerate_type}, {names::zip, &zip_type},           {names::map, &map_type},
    {names::filter, &filter_type},       {names::reversed, &reversed_type},
};
}  // namespace

std::span<const Attribute> iteration_builtins() { return iteration_table; }

}  // namespace xipy::object
