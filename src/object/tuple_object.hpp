// tuple: an immutable array of values in one allocation.
#pragma once

#include <cstdint>
#include <span>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type tuple_type;

// Invariants: `length` items follow the object; they never change after
// the tuple is handed to Python code.
struct alignas(8) TupleObject : Object {
    std::uint32_t length;

    TupleObject(const Type* type, std::uint32_t count) : Object(type), length(count) {}
    // The static empty tuple.
    struct StaticTag {};
    constexpr explicit TupleObject(StaticTag)
        : Object(&tuple_type, gc::Cell::flag_static), length(0) {}
    Value* items() { return reinterpret_cast<Value*>(this + 1); }
    const Value* items() const { return reinterpret_cast<const Value*>(this + 1); }
    std::span<const Value> span() const { return {items(), length}; }
};

inline bool is_tuple(Value value) {
    return value.is_object() && value.as_object()->type() == &tuple_type;
}
// Precondition: is_tuple(value).
inline TupleObject* as_tuple(Value value) { return static_cast<TupleObject*>(value.as_object()); }
// A new tuple of copies of `items`. Empty on MemoryError.
Result<Value> new_tuple(Runtime& runtime, std::span<const Value> items);
// A tuple of `count` None items to fill in before anyone sees it.
TupleObject* new_tuple_uninitialized(Runtime& runtime, std::uint32_t count);
Value empty_tuple();
// Shared by tuple and list (each `sequence` below is one or the other): the current items,
// lexicographic comparison and repr. The latter two may run Python code, which may change a
// list, so they re-read its items at every step.
std::span<const Value> sequence_items(Value sequence);
Result<Value> compare_sequences(Runtime& runtime, BinaryOperator operation, Value left,
                                Value right);
// A new sequence of `count` items for the caller to fill before it allocates again: the
// sequence (empty on MemoryError) and its item storage.
struct SequenceStorage {
    Value sequence;
    Value* items;
};
using SequenceAllocator = SequenceStorage (*)(Runtime& runtime, std::uint32_t count);
// A tuple of `count` items to fill, the shared empty tuple for none.
SequenceStorage allocate_tuple(Runtime& runtime, std::uint32_t count);
// The binary operators both kinds have: `*` with an int, `in`, `+` of two of the same kind and
// the comparisons. `is_kind` tells the operand's kind (is_list or is_tuple) and `allocate`
// makes a new sequence of it. NotImplemented for anything else.
Result<Value> sequence_binary(Runtime& runtime, BinaryOperator operation, Value left, Value right,
                              bool (*is_kind)(Value), SequenceAllocator allocate);
Status print_sequence(Runtime& runtime, Printer& printer, Value sequence, char open, char close,
                      bool single_comma);

}  // namespace xipy::object
