// int and bool: small ints are immediate Values, big ones BigIntObjects on the heap.
#pragma once

#include <cstdint>
#include <optional>

#include "number/big_integer.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type int_type;
extern const Type bool_type;

// An int outside the small-int range.
// Invariants: the value does not fit a small int (so every int has exactly
// one representation), limbs()[limb_count - 1] != 0, limbs follow the
// object in the same allocation, least significant first.
struct BigIntObject : Object {
    std::uint32_t limb_count;
    bool negative;

    BigIntObject(std::uint32_t count, bool is_negative)
        : Object(&int_type), limb_count(count), negative(is_negative) {}
    number::natural::Limb* limbs() { return reinterpret_cast<number::natural::Limb*>(this + 1); }
    const number::natural::Limb* limbs() const {
        return reinterpret_cast<const number::natural::Limb*>(this + 1);
    }
};

bool is_big_int(Value value);
// int (small or big) or bool, exactly: not instances of int subclasses.
bool is_int(Value value);

Result<Value> make_int(Runtime& runtime, std::int64_t value);
Result<Value> make_int(Runtime& runtime, const number::BigInteger& value);
// Precondition: is_int(value).
number::BigInteger to_big_integer(Value value);
// The value when it fits 64 bits. Precondition: is_int(value).
std::optional<std::int64_t> int_to_int64(Value value);

// int's binary operators (with bool and float operands); not_implemented otherwise.
Result<Value> int_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                   Value right);
// int_binary_operation for two small ints (not bools), without checking the operands' types:
// the fast path of object::binary_operation.
Result<Value> small_int_binary_operation(Runtime& runtime, BinaryOperator operation,
                                         std::int64_t left, std::int64_t right);
// int(text, base), with MicroPython's errors.
Result<Value> parse_int(Runtime& runtime, std::string_view text, int base);
// hash() of an int that does not fit a small int.
std::int64_t big_int_hash(Value value);
// The same hash for any integer value (CPython's reduction modulo 2^61 - 1).
std::int64_t integer_hash(const number::BigInteger& value);

}  // namespace xipy::object
