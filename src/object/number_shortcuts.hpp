// Binary operations on small ints and floats that need no allocation and cannot raise, inline.
#pragma once

#include <algorithm>
#include <cstdint>

#include "object/float_object.hpp"
#include "object/object.hpp"
#include "object/value.hpp"

namespace xipy::object {

// A comparison operator applied to two numbers of one kind; empty for any other operator.
template <typename Number>
[[gnu::always_inline]] inline Value compare_numbers(BinaryOperator operation, Number left,
                                                    Number right) {
    switch (operation) {
        case BinaryOperator::less:
            return Value::boolean(left < right);
        case BinaryOperator::more:
            return Value::boolean(left > right);
        case BinaryOperator::equal:
            return Value::boolean(left == right);
        case BinaryOperator::less_equal:
            return Value::boolean(left <= right);
        case BinaryOperator::more_equal:
            return Value::boolean(left >= right);
        case BinaryOperator::not_equal:
            return Value::boolean(left != right);
        default:
            return Value::empty();
    }
}

// `left operation right` for two small ints when the answer needs no allocation and no error
// (comparisons, and arithmetic whose result stays a small int), else empty: loop counters and
// indices without the full dispatch. small_int_binary_operation (int_object.cpp) gives the
// same answers and handles the rest.
[[gnu::always_inline]] inline Value small_int_shortcut(BinaryOperator operation, Value left,
                                                       Value right) {
    const std::int64_t a = left.as_small_int();
    const std::int64_t b = right.as_small_int();
    std::int64_t result;  // 48-bit operands: sums and differences cannot overflow 64 bits
    switch (operation) {
        case BinaryOperator::add:
        case BinaryOperator::inplace_add:
            result = a + b;
            break;
        case BinaryOperator::subtract:
        case BinaryOperator::inplace_subtract:
            result = a - b;
            break;
        case BinaryOperator::and_:
        case BinaryOperator::inplace_and:
            return Value::from_small_int(a & b);
        case BinaryOperator::or_:
        case BinaryOperator::inplace_or:
            return Value::from_small_int(a | b);
        case BinaryOperator::xor_:
        case BinaryOperator::inplace_xor:
            return Value::from_small_int(a ^ b);
        case BinaryOperator::multiply:
        case BinaryOperator::inplace_multiply:
            // 48-bit operands: a product may pass 64 bits, so the overflow is checked.
            if (__builtin_mul_overflow(a, b, &result)) {
                return Value::empty();
            }
            break;
        case BinaryOperator::floor_divide:
        case BinaryOperator::inplace_floor_divide:
            if (b == 0) {
                return Value::empty();  // ZeroDivisionError, raised by the general path
            }
            // C++ truncates toward zero; Python rounds toward minus infinity.
            result = a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
            break;
        case BinaryOperator::modulo:
        case BinaryOperator::inplace_modulo:
            if (b == 0) {
                return Value::empty();
            }
            // Python's remainder takes the divisor's sign.
            result = a % b;
            if (result != 0 && (result < 0) != (b < 0)) {
                result += b;
            }
            break;
        case BinaryOperator::rshift:
        case BinaryOperator::inplace_rshift:
            if (b < 0) {
                return Value::empty();  // ValueError, raised by the general path
            }
            return Value::from_small_int(a >> std::min<std::int64_t>(b, 63));
        case BinaryOperator::lshift:
        case BinaryOperator::inplace_lshift:
            // Up to 15 places a 48-bit operand stays within 63 bits; the result may still
            // need a big int, which the range check below leaves to the general path.
            if (b < 0 || b > 15) {
                return Value::empty();
            }
            result = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << b);
            break;
        default:
            return compare_numbers(operation, a, b);
    }
    return Value::fits_small_int(result) ? Value::from_small_int(result) : Value::empty();
}

// A float or small int operand as a double (a small int is exactly one); false for any other
// value.
[[gnu::always_inline]] inline bool float_operand(Value value, double& number) {
    if (value.is_double()) {
        number = value.as_double();
        return true;
    }
    if (value.is_small_int()) {
        number = static_cast<double>(value.as_small_int());
        return true;
    }
    return false;
}

// `left operation right` when one operand is a float and the other a float or a small int,
// for the operations that cannot raise: comparisons, +, -, *, and / by a non-zero divisor.
// Empty for everything else. float_binary_operation (float_object.cpp) gives the same answers,
// with the same IEEE arithmetic, and handles the rest.
[[gnu::always_inline]] inline Value float_shortcut(Runtime& runtime, BinaryOperator operation,
                                                   Value left, Value right) {
    double a;
    double b;
    if (!float_operand(left, a) || !float_operand(right, b)) {
        return Value::empty();
    }
#if XIPY_VALUE_BITS == 32
    // A float result would be a new box: the general path makes it (the fast paths root and
    // allocate nothing, as the interpreter's NEXT_NOTHING_KEPT() after them requires).
    (void)runtime;
    return compare_numbers(operation, a, b);
#else
    switch (operation) {
        case BinaryOperator::add:
        case BinaryOperator::inplace_add:
            return make_float(runtime, a + b);
        case BinaryOperator::subtract:
        case BinaryOperator::inplace_subtract:
            return make_float(runtime, a - b);
        case BinaryOperator::multiply:
        case BinaryOperator::inplace_multiply:
            return make_float(runtime, a * b);
        case BinaryOperator::true_divide:
        case BinaryOperator::inplace_true_divide:
            return b == 0.0 ? Value::empty() : make_float(runtime, a / b);
        default:
            return compare_numbers(operation, a, b);
    }
#endif
}

#if XIPY_VALUE_BITS == 32
// With the 32-bit word, the arithmetic float_shortcut leaves out because its result needs a
// box: `left operation right` for +, -, * and / by a non-zero divisor when one operand is a
// float and the other a float or a small int, into `result`. False when it does not apply.
[[gnu::always_inline]] inline bool float_arithmetic(BinaryOperator operation, Value left,
                                                    Value right, double& result) {
    double a;
    double b;
    if ((!left.is_double() && !right.is_double()) || !float_operand(left, a) ||
        !float_operand(right, b)) {
        return false;
    }
    switch (operation) {
        case BinaryOperator::add:
        case BinaryOperator::inplace_add:
            result = a + b;
            return true;
        case BinaryOperator::subtract:
        case BinaryOperator::inplace_subtract:
            result = a - b;
            return true;
        case BinaryOperator::multiply:
        case BinaryOperator::inplace_multiply:
            result = a * b;
            return true;
        case BinaryOperator::true_divide:
        case BinaryOperator::inplace_true_divide:
            result = a / b;
            return b != 0.0;
        default:
            return false;
    }
}
#endif

}  // namespace xipy::object
