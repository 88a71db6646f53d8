// float: immediate Values holding the double itself.
#pragma once

#include <string>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type float_type;

// float's binary operators (with int and bool operands); not_implemented otherwise.
Result<Value> float_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                     Value right);
// repr(x) of a float, exactly as MicroPython prints it.
std::string float_repr(double value);
// Python's hash() of a float: equal to the int hash for integral values.
std::int64_t float_hash(double value);
// Floor division and modulo with Python's signs; callers check for zero.
double float_floor_divide(double left, double right);
double float_modulo(double left, double right);

}  // namespace xipy::object
