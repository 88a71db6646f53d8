// set and frozenset: hash tables of keys with set algebra.
#include "object/set_object.hpp"

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/iteration.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/small_vector.hpp"

namespace xipy::object {
namespace {

void trace_set(gc::Cell* cell, gc::Tracer& tracer) {
    trace_dict_storage(static_cast<DictObject*>(cell), tracer);
}

struct SetIteratorObject : Object {
    Value set;
    std::uint32_t position = 0;

    explicit SetIteratorObject(Value source) : Object(&set_iterator_type), set(source) {}
};

void trace_set_iterator(gc::Cell* cell, gc::Tracer& tracer) {
    tracer.mark(static_cast<SetIteratorObject*>(cell)->set.as_object());
}

Result<Value> set_iterator_next(Runtime&, Value self) {
    auto* iterator = static_cast<SetIteratorObject*>(self.as_object());
    DictEntry* entry = nullptr;
    if (!dict_next(as_dict(iterator->set), iterator->position, entry)) {
        return Value::stop_iteration();
    }
    return entry->key;
}

Result<Value> set_get_iterator(Runtime& runtime, Value self) {
    auto* iterator = runtime.make<SetIteratorObject>(0, self);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

// A snapshot of a set's items, for loops that run Python code (hashing, comparing) which
// may change the set; inline up to 16 items.
using SetItems = support::SmallVector<Value, 16>;

// Fills `items` with the set's items; false when the memory is refused (nothing raised).
bool set_items(Value set, SetItems& items) {
    if (!items.reserve(as_dict(set)->count)) {
        return false;
    }
    std::uint32_t position = 0;
    DictEntry* entry = nullptr;
    while (dict_next(as_dict(set), position, entry)) {
        if (!items.push_back(entry->key)) {
            return false;
        }
    }
    return true;
}

Status set_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    bool frozen = type_of(self) == &frozenset_type;
    if (as_dict(self)->count == 0) {
        printer.write(frozen ? "frozenset()" : "set()");
        return succeeded();
    }
    if (frozen) {
        printer.write("frozenset(");
    }
    printer.write_char('{');
    // Walks the live table, as MicroPython does: an item's __repr__ may change the set, and a
    // copy of the items would hold ones the collector no longer sees.
    std::uint32_t position = 0;
    DictEntry* entry = nullptr;
    for (bool first = true; dict_next(as_dict(self), position, entry); first = false) {
        if (!first) {
            printer.write(", ");
        }
        RootScope scope(runtime);
        Value item = entry->key;
        runtime.keep(item);
        if (!print_value(runtime, printer, item, PrintKind::repr)) {
            return Raised{};
        }
    }
    printer.write_char('}');
    if (frozen) {
        printer.write_char(')');
    }
    return succeeded();
}

int set_contains(Runtime& runtime, Value set, Value item) {
    DictLookup found = dict_find(runtime, as_dict(set), item);
    if (!found.ok) {
        return -1;
    }
    return found.value.is_empty() ? 0 : 1;
}

Result<Value> set_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    DictObject* set = as_dict(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(set->count != 0);
        case UnaryOperator::length:
            return Value::from_small_int(set->count);
        case UnaryOperator::hash: {
            if (type_of(operand) != &frozenset_type) {
                return runtime.raise_new(&type_error_type, "unsupported type for __hash__: 'set'");
            }
            std::uint64_t hash = 0;
            SetItems items(runtime.scratch_memory());
            if (!set_items(operand, items)) {
                return runtime.raise_memory_error();
            }
            for (Value item : items) {
                auto item_hash = hash_value(runtime, item);
                if (!item_hash) {
                    return Value::empty();
                }
                hash ^= static_cast<std::uint64_t>(*item_hash) * 0x9E3779B97F4A7C15ULL;
            }
            return make_int(runtime, static_cast<std::int64_t>(hash >> 17));
        }
        default:
            return Value::not_implemented();
    }
}

Result<Value> new_set_like(Runtime& runtime, Value model) {
    return make_set(runtime, type_of(model));
}

// Items of `other` as a temporary set (or `other` itself when it is one).
Result<Value> as_set(Runtime& runtime, Value other) {
    if (is_set_or_frozenset(other)) {
        return other;
    }
    return set_from_iterable(runtime, &set_type, other);
}

enum class Algebra { union_, intersection, difference, symmetric_difference };

Result<Value> set_algebra(Runtime& runtime, Value left, Value right, Algebra algebra,
                          const Type* type) {
    Value result = make_set(runtime, type);
    if (result.is_empty()) {
        return Value::empty();
    }
    // Hashing and comparing the items runs Python code that may empty either operand, so
    // the items are copied into tuples, which stay rooted for the whole operation; each
    // item's own work is released before the next (object/roots.hpp).
    SetItems left_items(runtime.scratch_memory());
    SetItems right_items(runtime.scratch_memory());
    if (!set_items(left, left_items) || !set_items(right, right_items)) {
        return runtime.raise_memory_error();
    }
    Value first = new_tuple(runtime, left_items.span());
    if (first.is_empty()) {
        return Value::empty();
    }
    Value second = new_tuple(runtime, right_items.span());
    if (second.is_empty()) {
        return Value::empty();
    }
    // Adds each item of `items` to the result when `wanted` says so (1), stopping on -1.
    auto add_each = [&](Value items, auto wanted) {
        LoopRoots rounds(runtime);
        for (Value item : as_tuple(items)->span()) {
            int verdict = wanted(item);
            if (verdict < 0 || (verdict > 0 && !set_add(runtime, result, item))) {
                return false;
            }
            rounds.next_round();
        }
        return true;
    };
    auto always = [](Value) { return 1; };
    // 1 when `item`'s membership in `set` is `member`, 0 when not, -1 when it raised.
    auto membership_is = [&](Value set, bool member) {
        return [&runtime, set, member](Value item) {
            int contained = set_contains(runtime, set, item);
            return contained < 0 ? -1 : (contained != 0) == member ? 1 : 0;
        };
    };
    bool ok = true;
    switch (algebra) {
        case Algebra::union_:
            ok = add_each(first, always) && add_each(second, always);
            break;
        case Algebra::intersection:
            ok = add_each(first, membership_is(right, true));
            break;
        case Algebra::difference:
            ok = add_each(first, membership_is(right, false));
            break;
        case Algebra::symmetric_difference:
            ok = add_each(first, membership_is(right, false)) &&
                 add_each(second, membership_is(left, false));
            break;
    }
    return ok ? result : Value::empty();
}

int is_subset(Runtime& runtime, Value left, Value right) {
    SetItems items(runtime.scratch_memory());
    if (!set_items(left, items)) {
        runtime.raise_memory_error();
        return -1;
    }
    for (Value item : items) {
        int contained = set_contains(runtime, right, item);
        if (contained <= 0) {
            return contained;
        }
    }
    return 1;
}

Result<Value> set_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    if (!is_set_or_frozenset(left)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::contains) {
        int contained = set_contains(runtime, left, right);
        return contained < 0 ? Value::empty() : Value::boolean(contained != 0);
    }
    if (!is_set_or_frozenset(right)) {
        return Value::not_implemented();
    }
    bool inplace = is_inplace(operation) && type_of(left) == &set_type;
    BinaryOperator plain = plain_operator(operation);
    Value result;
    switch (plain) {
        case BinaryOperator::or_:
            result = set_algebra(runtime, left, right, Algebra::union_, type_of(left));
            break;
        case BinaryOperator::and_:
            result = set_algebra(runtime, left, right, Algebra::intersection, type_of(left));
            break;
        case BinaryOperator::subtract:
            result = set_algebra(runtime, left, right, Algebra::difference, type_of(left));
            break;
        case BinaryOperator::xor_:
            result =
                set_algebra(runtime, left, right, Algebra::symmetric_difference, type_of(left));
            break;
        case BinaryOperator::equal: {
            if (as_dict(left)->count != as_dict(right)->count) {
                return Value::false_value();
            }
            int subset = is_subset(runtime, left, right);
            return subset < 0 ? Value::empty() : Value::boolean(subset != 0);
        }
        case BinaryOperator::less_equal:
        case BinaryOperator::less: {
            if (plain == BinaryOperator::less && as_dict(left)->count >= as_dict(right)->count) {
                return Value::false_value();
            }
            int subset = is_subset(runtime, left, right);
            return subset < 0 ? Value::empty() : Value::boolean(subset != 0);
        }
        case BinaryOperator::more_equal:
        case BinaryOperator::more: {
            if (plain == BinaryOperator::more && as_dict(left)->count <= as_dict(right)->count) {
                return Value::false_value();
            }
            int subset = is_subset(runtime, right, left);
            return subset < 0 ? Value::empty() : Value::boolean(subset != 0);
        }
        default:
            return Value::not_implemented();
    }
    if (result.is_empty() || !inplace) {
        return result;
    }
    SetItems items(runtime.scratch_memory());
    if (!set_items(result, items)) {
        return runtime.raise_memory_error();
    }
    dict_clear(runtime, as_dict(left));
    for (Value item : items) {
        if (!set_add(runtime, left, item)) {
            return Value::empty();
        }
    }
    return left;
}

Result<Value> set_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return make_set(runtime, type);
    }
    if (arguments.positional_count > 1 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    if (type == &frozenset_type && type_of(arguments[0]) == &frozenset_type) {
        return arguments[0];
    }
    return set_from_iterable(runtime, type, arguments[0]);
}

// ---- methods

Result<Value> set_add_method(Runtime& runtime, Arguments arguments) {
    return set_add(runtime, arguments[0], arguments[1]) ? Value::none() : Value::empty();
}

Result<Value> set_remove_common(Runtime& runtime, Arguments arguments, bool must_exist) {
    Value removed;
    if (!dict_remove(runtime, as_dict(arguments[0]), arguments[1], &removed)) {
        return Value::empty();
    }
    if (removed.is_empty() && must_exist) {
        Value key = arguments[1];
        return runtime.set_exception(make_exception(runtime, &key_error_type, {&key, 1}));
    }
    return Value::none();
}

Result<Value> set_remove(Runtime& runtime, Arguments arguments) {
    return set_remove_common(runtime, arguments, true);
}
Result<Value> set_discard(Runtime& runtime, Arguments arguments) {
    return set_remove_common(runtime, arguments, false);
}

Result<Value> set_pop(Runtime& runtime, Arguments arguments) {
    std::uint32_t position = 0;
    DictEntry* entry = nullptr;
    if (!dict_next(as_dict(arguments[0]), position, entry)) {
        Value message = make_str(runtime, "pop from an empty set");
        return runtime.set_exception(make_exception(runtime, &key_error_type, {&message, 1}));
    }
    const Value first = entry->key;
    Value removed;
    if (!dict_remove(runtime, as_dict(arguments[0]), first, &removed)) {
        return Value::empty();
    }
    return first;
}

Result<Value> set_clear(Runtime& runtime, Arguments arguments) {
    dict_clear(runtime, as_dict(arguments[0]));
    return Value::none();
}

Result<Value> set_copy(Runtime& runtime, Arguments arguments) {
    Value result = new_set_like(runtime, arguments[0]);
    if (result.is_empty()) {
        return Value::empty();
    }
    SetItems items(runtime.scratch_memory());
    if (!set_items(arguments[0], items)) {
        return runtime.raise_memory_error();
    }
    for (Value item : items) {
        if (!set_add(runtime, result, item)) {
            return Value::empty();
        }
    }
    return result;
}

Result<Value> algebra_method(Runtime& runtime, Arguments arguments, Algebra algebra, bool update) {
    Value result = arguments[0];
    for (std::uint32_t index = 1; index < arguments.positional_count; ++index) {
        Value other = as_set(runtime, arguments[index]);
        if (other.is_empty()) {
            return Value::empty();
        }
        result = set_algebra(runtime, result, other, algebra, type_of(arguments[0]));
        if (result.is_empty()) {
            return Value::empty();
        }
    }
    if (arguments.positional_count == 1) {
        Value copy_arguments[1] = {arguments[0]};
        result = set_copy(runtime, Arguments{copy_arguments, 1, 0});
    }
    if (!update) {
        return result;
    }
    SetItems items(runtime.scratch_memory());
    if (!set_items(result, items)) {
        return runtime.raise_memory_error();
    }
    dict_clear(runtime, as_dict(arguments[0]));
    for (Value item : items) {
        if (!set_add(runtime, arguments[0], item)) {
            return Value::empty();
        }
    }
    return Value::none();
}

Result<Value> set_union(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::union_, false);
}
Result<Value> set_intersection(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::intersection, false);
}
Result<Value> set_difference(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::difference, false);
}
Result<Value> set_symmetric_difference(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::symmetric_difference, false);
}
Result<Value> set_update(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::union_, true);
}
Result<Value> set_intersection_update(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::intersection, true);
}
Result<Value> set_difference_update(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::difference, true);
}
Result<Value> set_symmetric_difference_update(Runtime& runtime, Arguments arguments) {
    return algebra_method(runtime, arguments, Algebra::symmetric_difference, true);
}

Result<Value> set_issubset(Runtime& runtime, Arguments arguments) {
    Value other = as_set(runtime, arguments[1]);
    if (other.is_empty()) {
        return Value::empty();
    }
    int subset = is_subset(runtime, arguments[0], other);
    return subset < 0 ? Value::empty() : Value::boolean(subset != 0);
}

Result<Value> set_issuperset(Runtime& runtime, Arguments arguments) {
    Value other = as_set(runtime, arguments[1]);
    if (other.is_empty()) {
        return Value::empty();
    }
    int subset = is_subset(runtime, other, arguments[0]);
    return subset < 0 ? Value::empty() : Value::boolean(subset != 0);
}

Result<Value> set_isdisjoint(Runtime& runtime, Arguments arguments) {
    Value other = as_set(runtime, arguments[1]);
    if (other.is_empty()) {
        return Value::empty();
    }
    SetItems items(runtime.scratch_memory());
    if (!set_items(arguments[0], items)) {
        return runtime.raise_memory_error();
    }
    for (Value item : items) {
        int contained = set_contains(runtime, other, item);
        if (contained != 0) {
            return contained < 0 ? Value::empty() : Value::false_value();
        }
    }
    return Value::true_value();
}

Result<Value> set_contains_method(Runtime& runtime, Arguments arguments) {
    int contained = set_contains(runtime, arguments[0], arguments[1]);
    return contained < 0 ? Value::empty() : Value::boolean(contained > 0);
}

using Kind = NativeKind;
constexpr std::uint16_t many = NativeFunction::unlimited;

constexpr NativeFunction set_methods[] = {
    {names::union_, Kind::method, 1, many, set_union},
    {names::intersection, Kind::method, 1, many, set_intersection},
    {names::difference, Kind::method, 1, many, set_difference},
    {names::symmetric_difference, Kind::method, 2, 2, set_symmetric_difference},
    {names::issubset, Kind::method, 2, 2, set_issubset},
    {names::issuperset, Kind::method, 2, 2, set_issuperset},
    {names::isdisjoint, Kind::method, 2, 2, set_isdisjoint},
    {names::copy, Kind::method, 1, 1, set_copy},
    {names::dunder_contains, Kind::method, 2, 2, set_contains_method},
    // Mutating methods: only set has them.
    {names::add, Kind::method, 2, 2, set_add_method},
    {names::remove, Kind::method, 2, 2, set_remove},
    {names::discard, Kind::method, 2, 2, set_discard},
    {names::pop, Kind::method, 1, 1, set_pop},
    {names::clear, Kind::method, 1, 1, set_clear},
    {names::update, Kind::method, 1, many, set_update},
    {names::intersection_update, Kind::method, 1, many, set_intersection_update},
    {names::difference_update, Kind::method, 1, many, set_difference_update},
    {names::symmetric_difference_update, Kind::method, 2, 2, set_symmetric_difference_update},
};
constexpr std::size_t frozenset_method_count = 9;

constexpr auto set_attributes = native_attributes<set_methods>();
constexpr auto frozenset_attributes = native_attributes<set_methods, frozenset_method_count>();

}  // namespace

constinit const Type set_type{names::set,
                              &object_type,
                              TypeSlots{
                                  .make_new = set_make_new,
                                  .print = set_print,
                                  .unary_operation = set_unary,
                                  .binary_operation = set_binary,
                                  .get_iterator = set_get_iterator,
                              },
                              set_attributes,
                              type_flag_subclassable,
                              trace_set};

constinit const Type frozenset_type{names::frozenset,
                                    &object_type,
                                    TypeSlots{
                                        .make_new = set_make_new,
                                        .print = set_print,
                                        .unary_operation = set_unary,
                                        .binary_operation = set_binary,
                                        .get_iterator = set_get_iterator,
                                    },
                                    frozenset_attributes,
                                    type_flag_subclassable,
                                    trace_set};

constinit const Type set_iterator_type{
    names::iterator,
    &object_type,
    TypeSlots{.get_iterator = iterator_self, .iterate_next = set_iterator_next},
    {},
    0,
    trace_set_iterator};

bool is_set_or_frozenset(Value value) {
    return value.is_object() &&
           (value.as_object()->type() == &set_type || value.as_object()->type() == &frozenset_type);
}

Result<Value> make_set(Runtime& runtime, const Type* type) {
    auto* set = runtime.make<DictObject>(0, type);
    return set == nullptr ? Value::empty() : Value::from_object(set);
}

Status set_add(Runtime& runtime, Value set, Value item) {
    return dict_store(runtime, as_dict(set), item, Value::none());
}

Result<Value> set_from_iterable(Runtime& runtime, const Type* type, Value iterable) {
    Value set = make_set(runtime, type);
    if (set.is_empty()) {
        return Value::empty();
    }
    Finish finish = for_each_item(runtime, iterable, [&](Value item) {
        return set_add(runtime, set, item) ? Step::next : Step::raised;
    });
    return finish == Finish::raised ? Value::empty() : set;
}

}  // namespace xipy::object
