// list: a growable array of values with separately allocated storage.
#pragma once

#include <cstdint>
#include <span>

#include "gc/cell.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"
#include "object/tuple_object.hpp"
#include "support/inline.hpp"

namespace xipy::object {

extern const Type list_type;
extern const Type list_iterator_type;

// Storage of a list (and of other growable value arrays): a plain cell.
// Invariants: `capacity` values follow the header; all of them are valid
// Values (unused ones are None), so tracing may visit all of them.
struct alignas(8) ValueArray : gc::Cell {
    std::uint32_t capacity;

    explicit ValueArray(std::uint32_t count);
    XIPY_ALWAYS_INLINE Value* items() { return reinterpret_cast<Value*>(this + 1); }
};
ValueArray* make_value_array(Runtime& runtime, std::uint32_t capacity);

// Invariants: length <= storage->capacity when storage is non-null, and
// length == 0 when it is null.
struct ListObject : Object {
    std::uint32_t length = 0;
    ValueArray* storage = nullptr;

    explicit ListObject(const Type* type) : Object(type) {}
    XIPY_ALWAYS_INLINE Value* items() { return storage == nullptr ? nullptr : storage->items(); }
    std::span<Value> span() { return {items(), length}; }
};

inline bool is_list(Value value) {
    return value.is_object() && value.as_object()->type() == &list_type;
}
inline ListObject* as_list(Value value) { return static_cast<ListObject*>(value.as_object()); }
Result<Value> make_list(Runtime& runtime, std::span<const Value> items);
// A list of `count` items to fill before anything else allocates (tuple_object.hpp).
SequenceStorage allocate_list(Runtime& runtime, std::uint32_t count);
// Makes room for `count` more items; false on MemoryError.
Status list_reserve(Runtime& runtime, ListObject* list, std::uint32_t count);
Status list_append(Runtime& runtime, Value list, Value item);
// Appends every item of an iterable.
Status list_extend(Runtime& runtime, Value list, Value iterable);
// list(iterable).
Result<Value> list_from_iterable(Runtime& runtime, Value iterable);
// Stable sort with an optional key function, as list.sort.
Status list_sort(Runtime& runtime, Value list, Value key, bool reverse);
// False with MicroPython's TypeError "extra keyword arguments given" when a keyword other than
// key= and reverse= was passed to sorted() or list.sort().
Status only_sort_keywords(Runtime& runtime, Arguments arguments);

}  // namespace xipy::object
