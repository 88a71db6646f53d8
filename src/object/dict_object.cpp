// dict: an insertion-ordered open-addressing hash table, its views and methods.
#include "object/dict_object.hpp"

#include <cstring>
#include <new>
#include <vector>

#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/iteration.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {
namespace {

constexpr std::int32_t empty_slot = -1;
constexpr std::int32_t deleted_slot = -2;

void trace_dict_storage_cell(gc::Cell* cell, gc::Tracer& tracer) {
    auto* storage = static_cast<DictStorage*>(cell);
    for (std::uint32_t index = 0; index < storage->entry_capacity; ++index) {
        DictEntry& entry = storage->entries()[index];
        if (entry.key.is_object()) {
            tracer.mark(entry.key.as_object());
        }
        if (entry.value.is_object()) {
            tracer.mark(entry.value.as_object());
        }
    }
}

constexpr gc::CellDescriptor dict_storage_descriptor{trace_dict_storage_cell, nullptr};

void trace_dict(gc::Cell* cell, gc::Tracer& tracer) {
    trace_dict_storage(static_cast<DictObject*>(cell), tracer);
}

std::uint32_t index_capacity_for(std::uint32_t entries) {
    std::uint32_t capacity = 8;
    while (capacity < entries * 2) {
        capacity *= 2;
    }
    return capacity;
}

// Rebuilds the storage with room for `entries` entries, dropping deleted ones.
// The first empty index slot on `hash`'s probe sequence. Only for fresh storage, which has no
// deleted slots and at least one empty one.
std::uint32_t first_empty_slot(DictStorage* storage, std::uint32_t hash) {
    std::uint32_t mask = storage->index_capacity - 1;
    auto slot = static_cast<std::uint32_t>(hash) & mask;
    while (storage->index_at(slot) != empty_slot) {
        slot = (slot + 1) & mask;
    }
    return slot;
}

// Every change of a dict's keys or of where its entries lie.
void keys_changed(Runtime& runtime, DictObject* dict) {
    ++dict->version;
    if (dict->of_class) {
        runtime.class_keys_changed();
    }
}

bool resize(Runtime& runtime, DictObject* dict, std::uint32_t entries) {
    std::uint32_t indices = index_capacity_for(entries);
    std::size_t bytes = DictStorage::payload_bytes(entries, indices);
    auto* storage = runtime.make<DictStorage>(bytes, entries, indices);
    if (storage == nullptr) {
        return false;
    }
    std::uint32_t count = 0;
    if (dict->storage != nullptr) {
        for (std::uint32_t index = 0; index < dict->entry_count; ++index) {
            DictEntry& entry = dict->storage->entries()[index];
            if (entry.key.is_empty()) {
                continue;
            }
            storage->entries()[count] = entry;
            storage->set_index(first_empty_slot(storage, entry.hash),
                               static_cast<std::int32_t>(count));
            ++count;
        }
    }
    dict->storage = storage;
    dict->entry_count = count;
    dict->count = count;
    return true;
}

// Before the first change of a dict over shared storage (share_dict_storage()): a copy of
// its own on this VM's heap. The entries keep their order and indices, so inline caches of
// them stay right; the version changes anyway, as for any new storage.
bool own_storage(Runtime& runtime, DictObject* dict) {
    if (dict->storage == nullptr || !dict->storage->is_static()) {
        return true;
    }
    if (!resize(runtime, dict, dict->storage->entry_capacity)) {
        return false;
    }
    keys_changed(runtime, dict);
    return true;
}

// Drops the deleted entries within the storage the dict has, so a full dict with deleted
// entries takes new keys without allocating (as MicroPython's reuses deleted slots, also under
// heap_lock()).
void compact_in_place(Runtime& runtime, DictObject* dict) {
    DictStorage* storage = dict->storage;
    std::uint32_t count = 0;
    for (std::uint32_t index = 0; index < dict->entry_count; ++index) {
        DictEntry entry = storage->entries()[index];
        if (!entry.key.is_empty()) {
            storage->entries()[count++] = entry;
        }
    }
    for (std::uint32_t slot = 0; slot < storage->index_capacity; ++slot) {
        storage->set_index(slot, empty_slot);
    }
    for (std::uint32_t index = 0; index < count; ++index) {
        storage->set_index(first_empty_slot(storage, storage->entries()[index].hash),
                           static_cast<std::int32_t>(index));
    }
    dict->entry_count = count;
    keys_changed(runtime, dict);
}

bool keys_match(Runtime& runtime, Value stored, Value key, int& result) {
    if (stored == key) {
        result = 1;
        return true;
    }
    if (stored.is_interned_string() && key.is_interned_string()) {
        result = 0;
        return true;
    }
    result = equals(runtime, stored, key);
    return result >= 0;
}

// The index slot holding `key`, or where it would go (found = false).
struct Probe {
    bool ok = true;
    bool found = false;
    std::uint32_t slot = 0;
    std::uint32_t hash = 0;
};

Probe probe(Runtime& runtime, DictObject* dict, Value key) {
    Probe result;
    if (!dict->unhashed) {
        auto hash = hash_value(runtime, key);
        if (!hash) {
            result.ok = false;
            return result;
        }
        result.hash = static_cast<std::uint32_t>(*hash);
    }
    for (;;) {
        DictStorage* storage = dict->storage;
        if (storage == nullptr) {
            return result;
        }
        std::uint32_t mask = storage->index_capacity - 1;
        auto slot = static_cast<std::uint32_t>(result.hash) & mask;
        std::int64_t first_free = -1;
        bool restart = false;
        for (;;) {
            std::int32_t index = storage->index_at(slot);
            if (index == empty_slot) {
                result.slot = first_free >= 0 ? static_cast<std::uint32_t>(first_free) : slot;
                return result;
            }
            if (index == deleted_slot) {
                if (first_free < 0) {
                    first_free = slot;
                }
            } else {
                DictEntry& entry = storage->entries()[index];
                if (entry.hash == result.hash) {
                    int match = 0;
                    if (!keys_match(runtime, entry.key, key, match)) {
                        result.ok = false;
                        return result;
                    }
                    if (dict->storage != storage) {
                        // __eq__ changed the dict: look again.
                        restart = true;
                        break;
                    }
                    if (match != 0) {
                        result.found = true;
                        result.slot = slot;
                        return result;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
        if (!restart) {
            return result;
        }
    }
}

// ---- views and iterators

enum class ViewKind : std::uint8_t { keys, values, items };

struct DictViewObject : Object {
    Value dict;
    ViewKind kind;

    DictViewObject(const Type* type, Value source, ViewKind view_kind)
        : Object(type), dict(source), kind(view_kind) {}
};

struct DictIteratorObject : Object {
    Value dict;
    ViewKind kind;
    std::uint32_t position = 0;
    std::uint32_t count_at_start;

    DictIteratorObject(Value source, ViewKind view_kind, std::uint32_t count)
        : Object(&dict_iterator_type), dict(source), kind(view_kind), count_at_start(count) {}
};

void trace_view(gc::Cell* cell, gc::Tracer& tracer) {
    Value dict = static_cast<DictViewObject*>(cell)->dict;
    tracer.mark(dict.as_object());
}

void trace_dict_iterator(gc::Cell* cell, gc::Tracer& tracer) {
    Value dict = static_cast<DictIteratorObject*>(cell)->dict;
    tracer.mark(dict.as_object());
}

Result<Value> make_dict_iterator(Runtime& runtime, Value dict, ViewKind kind) {
    auto* iterator = runtime.make<DictIteratorObject>(0, dict, kind, as_dict(dict)->count);
    return iterator == nullptr ? Value::empty() : Value::from_object(iterator);
}

Result<Value> entry_as(Runtime& runtime, DictEntry* entry, ViewKind kind) {
    switch (kind) {
        case ViewKind::keys:
            return entry->key;
        case ViewKind::values:
            return entry->value;
        default: {
            Value pair[2] = {entry->key, entry->value};
            return new_tuple(runtime, pair);
        }
    }
}

Result<Value> dict_iterator_next(Runtime& runtime, Value self) {
    auto* iterator = static_cast<DictIteratorObject*>(self.as_object());
    DictObject* dict = as_dict(iterator->dict);
    if (dict->count != iterator->count_at_start) {
        return runtime.raise_new(&runtime_error_type, "dictionary changed size during iteration");
    }
    DictEntry* entry = nullptr;
    if (!dict_next(dict, iterator->position, entry)) {
        return Value::stop_iteration();
    }
    return entry_as(runtime, entry, iterator->kind);
}

Result<Value> view_get_iterator(Runtime& runtime, Value self) {
    auto* view = static_cast<DictViewObject*>(self.as_object());
    return make_dict_iterator(runtime, view->dict, view->kind);
}

Status view_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    auto* view = static_cast<DictViewObject*>(self.as_object());
    static constexpr const char* prefixes[] = {"dict_keys([", "dict_values([", "dict_items(["};
    printer.write(prefixes[static_cast<int>(view->kind)]);
    DictObject* dict = as_dict(view->dict);
    std::uint32_t position = 0;
    DictEntry* entry = nullptr;
    bool first = true;
    while (dict_next(dict, position, entry)) {
        if (!first) {
            printer.write(", ");
        }
        first = false;
        RootScope scope(runtime);  // one item's tuple at a time
        Value item = entry_as(runtime, entry, view->kind);
        if (item.is_empty() || !print_value(runtime, printer, item, PrintKind::repr)) {
            return Raised{};
        }
    }
    printer.write("])");
    return succeeded();
}

Result<Value> view_unary(Runtime& runtime, UnaryOperator operation, Value self) {
    // keys and items views are unhashable (they are set-like); a values view hashes by identity.
    if (operation == UnaryOperator::hash &&
        static_cast<DictViewObject*>(self.as_object())->kind != ViewKind::values) {
        return raise_unsupported_unary(runtime, operation, self);
    }
    DictObject* dict = as_dict(static_cast<DictViewObject*>(self.as_object())->dict);
    if (operation == UnaryOperator::length) {
        return Value::from_small_int(dict->count);
    }
    if (operation == UnaryOperator::boolean) {
        return Value::boolean(dict->count != 0);
    }
    return Value::not_implemented();
}

Result<Value> view_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    if (operation != BinaryOperator::contains) {
        return Value::not_implemented();
    }
    auto* view = static_cast<DictViewObject*>(left.as_object());
    DictObject* dict = as_dict(view->dict);
    if (view->kind == ViewKind::keys) {
        DictLookup found = dict_find(runtime, dict, right);
        if (!found.ok) {
            return Value::empty();
        }
        return Value::boolean(!found.value.is_empty());
    }
    return Value::not_implemented();
}

// ---- dict slots

Status dict_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    DictObject* dict = as_dict(self);
    printer.write_char('{');
    std::uint32_t position = 0;
    DictEntry* entry = nullptr;
    bool first = true;
    if (!runtime.enter_native_call()) {
        return Raised{};
    }
    while (dict_next(dict, position, entry)) {
        if (!first) {
            printer.write(", ");
        }
        first = false;
        Value key = entry->key;
        Value value = entry->value;
        if (!print_value(runtime, printer, key, PrintKind::repr)) {
            runtime.leave_native_call();
            return Raised{};
        }
        printer.write(": ");
        if (!print_value(runtime, printer, value, PrintKind::repr)) {
            runtime.leave_native_call();
            return Raised{};
        }
    }
    runtime.leave_native_call();
    printer.write_char('}');
    return succeeded();
}

Result<Value> dict_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    if (operation == UnaryOperator::hash) {
        return raise_unsupported_unary(runtime, operation, operand);
    }
    DictObject* dict = as_dict(operand);
    switch (operation) {
        case UnaryOperator::boolean:
            return Value::boolean(dict->count != 0);
        case UnaryOperator::length:
            return Value::from_small_int(dict->count);
        default:
            return Value::not_implemented();
    }
}

Result<Value> dict_copy_value(Runtime& runtime, Value source) {
    Value copy = make_dict(runtime);
    if (copy.is_empty() || !dict_update(runtime, copy, source)) {
        return Value::empty();
    }
    return copy;
}

Result<Value> dict_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right) {
    if (!is_dict(left)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::contains) {
        DictLookup found = dict_find(runtime, as_dict(left), right);
        if (!found.ok) {
            return Value::empty();
        }
        return Value::boolean(!found.value.is_empty());
    }
    if (!is_dict(right)) {
        return Value::not_implemented();
    }
    if (operation == BinaryOperator::equal) {
        DictObject* first = as_dict(left);
        DictObject* second = as_dict(right);
        if (first->count != second->count) {
            return Value::false_value();
        }
        std::uint32_t position = 0;
        DictEntry* entry = nullptr;
        // Nested dicts compare recursively on the C++ stack: bound it (untrusted input).
        if (!runtime.enter_native_call()) {
            return Value::empty();
        }
        while (dict_next(first, position, entry)) {
            Value value = entry->value;
            DictLookup found = dict_find(runtime, second, entry->key);
            int equal = !found.ok                ? -1
                        : found.value.is_empty() ? 0
                                                 : equals(runtime, value, found.value);
            if (equal <= 0) {
                runtime.leave_native_call();
                return equal < 0 ? Value::empty() : Value::false_value();
            }
        }
        runtime.leave_native_call();
        return Value::true_value();
    }
    if (operation == BinaryOperator::or_ || operation == BinaryOperator::inplace_or) {
        Value result =
            operation == BinaryOperator::or_ ? Value(dict_copy_value(runtime, left)) : left;
        if (result.is_empty() || !dict_update(runtime, result, right)) {
            return Value::empty();
        }
        return result;
    }
    return Value::not_implemented();
}

Result<Value> dict_load_subscript(Runtime& runtime, Value self, Value index) {
    DictLookup found = dict_find(runtime, as_dict(self), index);
    if (!found.ok) {
        return Value::empty();
    }
    if (found.value.is_empty()) {
        return raise_key_error(runtime, index);
    }
    return found.value;
}

// True, with TypeError pending (no message, as in the reference), for a fixed dict.
bool refuse_fixed(Runtime& runtime, const DictObject* dict) {
    if (!dict->fixed) {
        return false;
    }
    runtime.raise_type(&type_error_type);
    return true;
}

Status dict_store_subscript(Runtime& runtime, Value self, Value index, Value value) {
    if (refuse_fixed(runtime, as_dict(self))) {
        return Raised{};
    }
    if (value.is_empty()) {
        Value removed;
        if (!dict_remove(runtime, as_dict(self), index, &removed)) {
            return Raised{};
        }
        if (removed.is_empty()) {
            raise_key_error(runtime, index);
            return Raised{};
        }
        return succeeded();
    }
    return dict_store(runtime, as_dict(self), index, value);
}

Result<Value> dict_get_iterator(Runtime& runtime, Value self) {
    return make_dict_iterator(runtime, self, ViewKind::keys);
}

bool update_from_keywords(Runtime& runtime, Value dict, Arguments arguments) {
    for (std::uint32_t index = 0; index < arguments.keyword_count; ++index) {
        if (!dict_store(runtime, as_dict(dict), arguments.keyword_name(index),
                        arguments.keyword_value(index))) {
            return false;
        }
    }
    return true;
}

Result<Value> dict_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    Value dict = make_dict(runtime);
    if (dict.is_empty()) {
        return Value::empty();
    }
    if (arguments.positional_count > 1) {
        return runtime.raise_joined(
            &type_error_type,
            {"dict expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    if (arguments.positional_count == 1 && !dict_update(runtime, dict, arguments[0])) {
        return Value::empty();
    }
    if (!update_from_keywords(runtime, dict, arguments)) {
        return Value::empty();
    }
    return dict;
}

// ---- methods

Value self_dict(Arguments arguments) { return native_self(arguments[0]); }

Result<Value> make_view(Runtime& runtime, Value dict, ViewKind kind) {
    static const Type* const types[] = {&dict_keys_type, &dict_values_type, &dict_items_type};
    auto* view = runtime.make<DictViewObject>(0, types[static_cast<int>(kind)], dict, kind);
    return view == nullptr ? Value::empty() : Value::from_object(view);
}

Result<Value> dict_keys(Runtime& runtime, Arguments arguments) {
    return make_view(runtime, self_dict(arguments), ViewKind::keys);
}
Result<Value> dict_values(Runtime& runtime, Arguments arguments) {
    return make_view(runtime, self_dict(arguments), ViewKind::values);
}
Result<Value> dict_items(Runtime& runtime, Arguments arguments) {
    return make_view(runtime, self_dict(arguments), ViewKind::items);
}

Result<Value> dict_get(Runtime& runtime, Arguments arguments) {
    DictLookup found = dict_find(runtime, as_dict(self_dict(arguments)), arguments[1]);
    if (!found.ok) {
        return Value::empty();
    }
    if (found.value.is_empty()) {
        return arguments.positional_count > 2 ? arguments[2] : Value::none();
    }
    return found.value;
}

Result<Value> dict_pop(Runtime& runtime, Arguments arguments) {
    if (refuse_fixed(runtime, as_dict(self_dict(arguments)))) {
        return Value::empty();
    }
    Value removed;
    if (!dict_remove(runtime, as_dict(self_dict(arguments)), arguments[1], &removed)) {
        return Value::empty();
    }
    if (removed.is_empty()) {
        if (arguments.positional_count > 2) {
            return arguments[2];
        }
        return raise_key_error(runtime, arguments[1]);
    }
    return removed;
}

Result<Value> dict_popitem(Runtime& runtime, Arguments arguments) {
    DictObject* dict = as_dict(self_dict(arguments));
    if (refuse_fixed(runtime, dict)) {
        return Value::empty();
    }
    if (dict->count == 0) {
        Value message = make_str(runtime, "popitem(): dictionary is empty");
        if (message.is_empty()) {
            return Value::empty();
        }
        return runtime.set_exception(make_exception(runtime, &key_error_type, {&message, 1}));
    }
    for (std::uint32_t index = dict->entry_count; index > 0; --index) {
        DictEntry& entry = dict->storage->entries()[index - 1];
        if (!entry.key.is_empty()) {
            Value pair[2] = {entry.key, entry.value};
            Value result = new_tuple(runtime, pair);
            if (result.is_empty()) {
                return Value::empty();
            }
            Value removed;
            if (!dict_remove(runtime, dict, pair[0], &removed)) {
                return Value::empty();
            }
            return result;
        }
    }
    return Value::none();
}

Result<Value> dict_setdefault(Runtime& runtime, Arguments arguments) {
    DictObject* dict = as_dict(self_dict(arguments));
    if (refuse_fixed(runtime, dict)) {
        return Value::empty();
    }
    DictLookup found = dict_find(runtime, dict, arguments[1]);
    if (!found.ok) {
        return Value::empty();
    }
    if (!found.value.is_empty()) {
        return found.value;
    }
    Value value = arguments.positional_count > 2 ? arguments[2] : Value::none();
    return dict_store(runtime, dict, arguments[1], value) ? value : Value::empty();
}

Result<Value> dict_update_method(Runtime& runtime, Arguments arguments) {
    Value dict = self_dict(arguments);
    if (refuse_fixed(runtime, as_dict(dict))) {
        return Value::empty();
    }
    if (arguments.positional_count > 1 && !dict_update(runtime, dict, arguments[1])) {
        return Value::empty();
    }
    return update_from_keywords(runtime, dict, arguments) ? Value::none() : Value::empty();
}

Result<Value> dict_clear_method(Runtime& runtime, Arguments arguments) {
    if (refuse_fixed(runtime, as_dict(self_dict(arguments)))) {
        return Value::empty();
    }
    dict_clear(runtime, as_dict(self_dict(arguments)));
    return Value::none();
}

Result<Value> dict_copy(Runtime& runtime, Arguments arguments) {
    return dict_copy_value(runtime, self_dict(arguments));
}

Result<Value> dict_fromkeys(Runtime& runtime, Arguments arguments) {
    Value dict = make_dict(runtime);
    if (dict.is_empty()) {
        return Value::empty();
    }
    Value value = arguments.positional_count > 2 ? arguments[2] : Value::none();
    Finish finish = for_each_item(runtime, arguments[1], [&](Value key) {
        return dict_store(runtime, as_dict(dict), key, value) ? Step::next : Step::raised;
    });
    return finish == Finish::raised ? Value::empty() : dict;
}

Result<Value> dict_init(Runtime& runtime, Arguments arguments) {
    Value dict = self_dict(arguments);
    if (!is_dict(dict)) {
        return Value::none();
    }
    if (arguments.positional_count > 1 && !dict_update(runtime, dict, arguments[1])) {
        return Value::empty();
    }
    return update_from_keywords(runtime, dict, arguments) ? Value::none() : Value::empty();
}

Result<Value> dict_getitem_method(Runtime& runtime, Arguments arguments) {
    return dict_load_subscript(runtime, self_dict(arguments), arguments[1]);
}

Result<Value> dict_setitem_method(Runtime& runtime, Arguments arguments) {
    return dict_store_subscript(runtime, self_dict(arguments), arguments[1], arguments[2])
               ? Value::none()
               : Value::empty();
}

Result<Value> dict_delitem_method(Runtime& runtime, Arguments arguments) {
    return dict_store_subscript(runtime, self_dict(arguments), arguments[1], Value::empty())
               ? Value::none()
               : Value::empty();
}

using Kind = NativeKind;
constexpr std::uint16_t many = NativeFunction::unlimited;

constexpr NativeFunction dict_methods[] = {
    {names::keys, Kind::method, 1, 1, dict_keys},
    {names::values, Kind::method, 1, 1, dict_values},
    {names::items, Kind::method, 1, 1, dict_items},
    {names::get, Kind::method, 2, 3, dict_get},
    {names::pop, Kind::method, 2, 3, dict_pop},
    {names::popitem, Kind::method, 1, 1, dict_popitem},
    {names::setdefault, Kind::method, 2, 3, dict_setdefault},
    {names::update, Kind::method, 1, 2, dict_update_method, true},
    {names::clear, Kind::method, 1, 1, dict_clear_method},
    {names::copy, Kind::method, 1, 1, dict_copy},
    {names::fromkeys, Kind::class_method, 2, 3, dict_fromkeys},
    {names::dunder_init, Kind::method, 1, many, dict_init, true},
    {names::dunder_getitem, Kind::method, 2, 2, dict_getitem_method},
    {names::dunder_setitem, Kind::method, 3, 3, dict_setitem_method},
    {names::dunder_delitem, Kind::method, 2, 2, dict_delitem_method},
};

constexpr auto dict_attributes = native_attributes<dict_methods>();

}  // namespace

Raised raise_key_error(Runtime& runtime, Value key) {
    Value exception = make_exception(runtime, &key_error_type, {&key, 1});
    if (exception.is_empty()) {
        return Raised{};
    }
    return runtime.set_exception(exception);
}

DictStorage::DictStorage(std::uint32_t entries, std::uint32_t indices)
    : gc::Cell(&dict_storage_descriptor), entry_capacity(entries), index_capacity(indices) {
    for (std::uint32_t index = 0; index < entries; ++index) {
        new (&this->entries()[index]) DictEntry{Value::empty(), Value::empty(), 0};
    }
    // Every slot empty: -1 is all one bits in every slot width.
    static_assert(empty_slot == -1);
    std::memset(static_cast<void*>(this->entries() + entries), 0xff,
                payload_bytes(entries, indices) - entries * sizeof(DictEntry));
}

constinit const Type dict_type{names::dict,
                               &object_type,
                               TypeSlots{
                                   .make_new = dict_make_new,
                                   .print = dict_print,
                                   .unary_operation = dict_unary,
                                   .binary_operation = dict_binary,
                                   .load_subscript = dict_load_subscript,
                                   .store_subscript = dict_store_subscript,
                                   .get_iterator = dict_get_iterator,
                               },
                               dict_attributes,
                               type_flag_subclassable,
                               trace_dict};

#define XIPY_DICT_VIEW_TYPE(variable, name)                              \
    constinit const Type variable{name,                                  \
                                  &object_type,                          \
                                  TypeSlots{                             \
                                      .print = view_print,               \
                                      .unary_operation = view_unary,     \
                                      .binary_operation = view_binary,   \
                                      .get_iterator = view_get_iterator, \
                                  },                                     \
                                  {},                                    \
                                  0,                                     \
                                  trace_view};
XIPY_DICT_VIEW_TYPE(dict_keys_type, names::dict_keys)
XIPY_DICT_VIEW_TYPE(dict_values_type, names::dict_values)
XIPY_DICT_VIEW_TYPE(dict_items_type, names::dict_items)
#undef XIPY_DICT_VIEW_TYPE

constinit const Type dict_iterator_type{
    names::iterator,
    &object_type,
    TypeSlots{.get_iterator = iterator_self, .iterate_next = dict_iterator_next},
    {},
    0,
    trace_dict_iterator};

void trace_dict_storage(DictObject* dict, gc::Tracer& tracer) {
    if (dict->storage != nullptr) {
        tracer.mark(dict->storage);
    }
}

Result<Value> make_dict(Runtime& runtime) {
    auto* dict = runtime.make<DictObject>(0, &dict_type);
    return dict == nullptr ? Value::empty() : Value::from_object(dict);
}

Result<Value> make_dict_with_room(Runtime& runtime, std::uint32_t entries) {
    Value dict = make_dict(runtime);
    if (dict.is_empty() || entries == 0) {
        return dict;
    }
    RootScope scope(runtime);
    runtime.keep(dict);
    if (!resize(runtime, as_dict(dict), entries)) {
        return Value::empty();
    }
    return dict;
}

Result<Value> make_fixed_copy(Runtime& runtime, Value dict) {
    Value copy = make_dict(runtime);
    if (copy.is_empty() || (!dict.is_empty() && !dict_update(runtime, copy, dict))) {
        return Value::empty();
    }
    as_dict(copy)->fixed = true;
    return copy;
}

DictLookup dict_find(Runtime& runtime, DictObject* dict, Value key) {
    if (dict->storage == nullptr) {
        // A dict that never held a key (or was cleared) has no table, and MicroPython answers
        // "absent" before hashing: an unhashable key is not an error there.
        return DictLookup{};
    }
    Probe found = probe(runtime, dict, key);
    if (!found.ok) {
        return DictLookup{false, Value::empty()};
    }
    if (!found.found) {
        return DictLookup{};
    }
    std::int32_t index = dict->storage->index_at(found.slot);
    return DictLookup{true, dict->storage->entries()[index].value};
}

Status dict_store(Runtime& runtime, DictObject* dict, Value key, Value value) {
    if (!own_storage(runtime, dict)) {
        return Raised{};
    }
    Probe found = probe(runtime, dict, key);
    if (!found.ok) {
        return Raised{};
    }
    if (found.found) {
        dict->storage->entries()[dict->storage->index_at(found.slot)].value = value;
        return succeeded();
    }
    if (dict->storage == nullptr || dict->entry_count >= dict->storage->entry_capacity) {
        std::uint32_t wanted = dict->count < 4 ? 4 : dict->count * 2;
        Value pending = runtime.exception();
        if (!resize(runtime, dict, wanted)) {
            if (dict->storage == nullptr || dict->count >= dict->entry_count) {
                return Raised{};
            }
            // Forget the MemoryError: the room of the deleted entries serves.
            runtime.set_exception(pending);
            compact_in_place(runtime, dict);
        }
        // Not probe() again: that would rerun the key's __hash__, which may change the dict
        // once more (even empty it). The key is known to be absent and the storage is fresh.
        found.slot = first_empty_slot(dict->storage, found.hash);
    }
    DictStorage* storage = dict->storage;
    std::uint32_t index = dict->entry_count++;
    storage->entries()[index] = DictEntry{key, value, found.hash};
    dict->names_only = dict->names_only && key.is_interned_string();
    storage->set_index(found.slot, static_cast<std::int32_t>(index));
    ++dict->count;
    keys_changed(runtime, dict);
    return succeeded();
}

Status dict_remove(Runtime& runtime, DictObject* dict, Value key, Value* removed) {
    *removed = Value::empty();
    if (dict->storage == nullptr) {
        return succeeded();  // Absent without hashing, as in dict_find.
    }
    if (!own_storage(runtime, dict)) {
        return Raised{};
    }
    Probe found = probe(runtime, dict, key);
    if (!found.ok) {
        return Raised{};
    }
    if (!found.found) {
        return succeeded();
    }
    DictStorage* storage = dict->storage;
    DictEntry& entry = storage->entries()[storage->index_at(found.slot)];
    *removed = entry.value;
    entry.key = Value::empty();
    entry.value = Value::empty();
    storage->set_index(found.slot, deleted_slot);
    --dict->count;
    keys_changed(runtime, dict);
    return succeeded();
}

const DictStorage* share_dict_storage(const DictObject* dict) {
    DictStorage* storage = dict->storage;
    if (storage == nullptr || dict->count != dict->entry_count) {
        return nullptr;
    }
    for (std::uint32_t index = 0; index < dict->entry_count; ++index) {
        const DictEntry& entry = storage->entries()[index];
        for (Value value : {entry.key, entry.value}) {
            if (value.is_object() && !value.as_object()->is_static()) {
                return nullptr;  // a VM's own object: meaningless in any other VM
            }
        }
    }
    const std::size_t bytes = gc::Heap::cell_bytes(storage);
    void* memory = ::operator new (bytes, std::align_val_t{alignof(DictStorage)}, std::nothrow);
    if (memory == nullptr) {
        return nullptr;
    }
    std::memcpy(memory, static_cast<const void*>(storage), bytes);
    auto* shared = static_cast<DictStorage*>(memory);
    shared->flags_ = gc::Cell::flag_static;
    return shared;
}

void release_shared_dict_storage(const DictStorage* storage) {
    ::operator delete (const_cast<DictStorage*>(storage), std::align_val_t{alignof(DictStorage)});
}

void dict_use_shared_storage(DictObject* dict, const DictStorage* shared) {
    // Never written while shared: every change goes through own_storage() first.
    DictStorage* storage = const_cast<DictStorage*>(shared);
    dict->storage = storage;
    dict->entry_count = 0;
    while (dict->entry_count < storage->entry_capacity &&
           !storage->entries()[dict->entry_count].key.is_empty()) {
        ++dict->entry_count;
    }
    dict->count = dict->entry_count;
    dict->names_only = false;  // not worth a scan: the fast insert never meets static storage
    ++dict->version;
}

void dict_clear(Runtime& runtime, DictObject* dict) {
    dict->storage = nullptr;
    dict->count = 0;
    dict->entry_count = 0;
    dict->names_only = true;
    keys_changed(runtime, dict);
}

Value dict_find_name(const Runtime& runtime, DictObject* dict, std::uint32_t name) {
    DictStorage* storage = dict->storage;
    if (storage == nullptr) {
        return Value::empty();
    }
    // A short scan by identity finds what hashing would when every key is an interned name.
    if (dict->unhashed || (dict->names_only && dict->entry_count <= small_dict_scan_limit)) {
        return dict_find_name(dict, name);
    }
    // The same hash hash_value() gives a str, without running any Python code.
    const auto hash = static_cast<std::uint32_t>(runtime.interned().hash(name) >> 2);
    Value key = Value::from_interned_string(name);
    std::uint32_t mask = storage->index_capacity - 1;
    auto slot = static_cast<std::uint32_t>(hash) & mask;
    for (;;) {
        std::int32_t index = storage->index_at(slot);
        if (index == empty_slot) {
            return Value::empty();
        }
        if (index >= 0) {
            DictEntry& entry = storage->entries()[index];
            if (entry.hash == hash &&
                (entry.key == key ||
                 (is_str(entry.key) && str_view(runtime, entry.key) == runtime.name_text(name)))) {
                return entry.value;
            }
        }
        slot = (slot + 1) & mask;
    }
}

Status dict_store_name(Runtime& runtime, DictObject* dict, std::uint32_t name, Value value) {
    // Rebinding a name a small dict already holds (an instance attribute, a global counter)
    // changes the value in place: found by identity as dict_find_name finds it, without
    // hashing. Shared (static) storage is copied first, by dict_store.
    DictStorage* storage = dict->storage;
    if (storage != nullptr && dict->entry_count <= small_dict_scan_limit && !storage->is_static()) {
        const Value key = Value::from_interned_string(name);
        DictEntry* entries = storage->entries();
        for (std::uint32_t index = 0; index < dict->entry_count; ++index) {
            if (entries[index].key == key) {
                entries[index].value = value;
                return succeeded();
            }
        }
        // A new name (an instance's attribute set for the first time) where it has room:
        // appended without probing for an equal key, which names_only rules out.
        if (dict->names_only && !dict->unhashed && dict->entry_count < storage->entry_capacity) {
            const auto hash = static_cast<std::uint32_t>(runtime.interned().hash(name) >> 2);
            const std::uint32_t index = dict->entry_count++;
            entries[index] = DictEntry{key, value, hash};
            // Any free slot on the probe sequence will do: the key is absent.
            const std::uint32_t mask = storage->index_capacity - 1;
            auto slot = static_cast<std::uint32_t>(hash) & mask;
            while (storage->index_at(slot) >= 0) {
                slot = (slot + 1) & mask;
            }
            storage->set_index(slot, static_cast<std::int32_t>(index));
            ++dict->count;
            keys_changed(runtime, dict);
            return succeeded();
        }
    }
    return dict_store(runtime, dict, Value::from_interned_string(name), value);
}

bool dict_next(DictObject* dict, std::uint32_t& position, DictEntry*& entry) {
    while (position < dict->entry_count) {
        DictEntry* candidate = &dict->storage->entries()[position++];
        if (!candidate->key.is_empty()) {
            entry = candidate;
            return true;
        }
    }
    return false;
}

Status dict_update(Runtime& runtime, Value dict_value, Value source) {
    DictObject* dict = as_dict(dict_value);
    Value native = native_self(source);
    if (is_dict(native)) {
        // Walks the source's live table, as MicroPython does: storing a key runs its __hash__
        // and __eq__, which may change the source; a copy would hold entries the collector no
        // longer sees.
        std::uint32_t position = 0;
        DictEntry* entry = nullptr;
        LoopRoots rounds(runtime);
        while (dict_next(as_dict(native), position, entry)) {
            const Value key = entry->key;
            const Value value = entry->value;
            runtime.keep(key);
            runtime.keep(value);
            if (!dict_store(runtime, dict, key, value)) {
                return false;
            }
            rounds.next_round();
        }
        return true;
    }
    Value keys_method = find_attribute(runtime, source, names::keys);
    if (runtime.has_exception()) {
        return false;
    }
    if (!keys_method.is_empty()) {
        Value keys = call_positional(runtime, keys_method, std::span<const Value>{});
        if (keys.is_empty()) {
            return false;
        }
        return for_each_item(runtime, keys, [&](Value key) {
                   Value value = load_subscript(runtime, source, key);
                   return !value.is_empty() && dict_store(runtime, dict, key, value) ? Step::next
                                                                                     : Step::raised;
               }) != Finish::raised;
    }
    return for_each_item(runtime, source, [&](Value item) {
               Value pair = list_from_iterable(runtime, item);
               if (pair.is_empty()) {
                   return Step::raised;
               }
               if (as_list(pair)->length != 2) {
                   runtime.raise_new(&value_error_type, "dict update sequence has wrong length");
                   return Step::raised;
               }
               const Value* entry = as_list(pair)->items();
               return dict_store(runtime, dict, entry[0], entry[1]) ? Step::next : Step::raised;
           }) != Finish::raised;
}

}  // namespace xipy::object
