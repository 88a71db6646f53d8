// float: immediate Values holding the double itself.
#pragma once

#include <string>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type float_type;

// A float value. With the 64-bit word it is the double itself and cannot fail; the 32-bit
// word (docs/vm-design.md) boxes it on the heap, and then the result is empty, with
// MemoryError pending, when the heap refuses. Every float a computation makes comes from here.
inline Value make_float([[maybe_unused]] Runtime& runtime, double value) {
#if XIPY_VALUE_BITS == 64
    return Value::from_double(value);
#else
    FloatObject* box = runtime.make<FloatObject>(0, value);
    return box != nullptr ? Value::from_object(box) : Value::empty();
#endif
}

// (first, second) as a tuple of two floats; each is rooted while the next allocation runs,
// since with the 32-bit word making a float may collect.
Result<Value> float_pair(Runtime& runtime, double first, double second);

// float's binary operators (with int and bool operands); not_implemented otherwise.
Result<Value> float_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                     Value right);
// Python's hash() of a float: equal to the int hash for integral values.
std::int64_t float_hash(double value);
// Floor division and modulo with Python's signs; callers check for zero.
double float_floor_divide(double left, double right);
double float_modulo(double left, double right);

}  // namespace xipy::object
