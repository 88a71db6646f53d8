// float: arithmetic, comparison with ints, and MicroPython's repr.
#include "object/float_object.hpp"

#include <cmath>
#include <cstring>
#include <optional>
#include <string>

#include "number/big_integer.hpp"
#include "number/float_format.hpp"
#include "number/float_parse.hpp"
#include "object/buffer.hpp"
#include "object/class_object.hpp"
#include "object/complex_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {
namespace {

bool is_number(Value value) { return value.is_double() || is_int(value); }

double number_value(Value value) {
    if (value.is_double()) {
        return value.as_double();
    }
    if (value.is_small_int()) {
        return static_cast<double>(value.as_small_int());
    }
    if (value.is_bool()) {
        return value.is_true_value() ? 1.0 : 0.0;
    }
    return to_big_integer(value).to_double();
}

Value compare_numbers(BinaryOperator operation, Value left, Value right) {
    // As MicroPython, an int meets a float as the nearest double (inf beyond the range), so
    // 2**54 + 3 == 18014398509481988.0 (docs/compatibility.md).
    std::partial_ordering order = number_value(left) <=> number_value(right);
    switch (operation) {
        case BinaryOperator::less:
            return Value::boolean(order == std::partial_ordering::less);
        case BinaryOperator::more:
            return Value::boolean(order == std::partial_ordering::greater);
        case BinaryOperator::equal:
            return Value::boolean(order == std::partial_ordering::equivalent);
        case BinaryOperator::less_equal:
            return Value::boolean(order == std::partial_ordering::less ||
                                  order == std::partial_ordering::equivalent);
        case BinaryOperator::more_equal:
            return Value::boolean(order == std::partial_ordering::greater ||
                                  order == std::partial_ordering::equivalent);
        case BinaryOperator::not_equal:
            return Value::boolean(order != std::partial_ordering::equivalent);
        default:
            return Value::not_implemented();
    }
}

Status float_print(Runtime&, Value self, Printer& printer, PrintKind) {
    // Written from the C stack: a repr longer than a std::string's inline room would cost a
    // malloc on every print.
    char buffer[number::max_float_text_length + 1];
    printer.write(std::string_view(buffer, number::format_float_repr(self.as_double(), buffer)));
    return succeeded();
}

Result<Value> float_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    double value = operand.as_double();
    switch (operation) {
        case UnaryOperator::positive:
            return operand;
        case UnaryOperator::negative:
            return make_float(runtime, -value);
        case UnaryOperator::boolean:
            return Value::boolean(value != 0.0);
        case UnaryOperator::hash:
            return make_int(runtime, float_hash(value));
        case UnaryOperator::absolute:
            return make_float(runtime, std::fabs(value));
        default:
            return Value::not_implemented();
    }
}

Result<Value> float_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.positional_count == 0) {
        return make_float(runtime, 0.0);
    }
    if (arguments.positional_count > 1 || arguments.keyword_count != 0) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    Value value = arguments[0];
    if (value.is_double()) {
        return value;
    }
    if (is_int(value)) {
        return make_float(runtime, number_value(value));
    }
    // A str, or any buffer (bytes, bytearray, memoryview, array) as on the reference.
    std::optional<BufferView> buffer;
    if (is_str(value) || (buffer = get_buffer(value))) {
        // Parsing allocates nothing, so the text is read where it lies.
        const std::string_view text = buffer ? buffer->bytes() : str_view(runtime, value);
        auto parsed = number::parse_float(text);
        if (!parsed) {
            return runtime.raise_new(&value_error_type, parsed.error().message);
        }
        return make_float(runtime, *parsed);
    }
    Value native = native_self(value);
    if (native != value) {
        return float_make_new(runtime, &float_type, Arguments{&native, 1, 0});
    }
    std::optional<double> converted = to_double(runtime, value);
    return converted ? make_float(runtime, *converted) : Value::empty();
}

Result<Value> float_is_integer(Runtime&, Arguments arguments) {
    double value = arguments[0].as_double();
    return Value::boolean(std::isfinite(value) && value == std::trunc(value));
}

constexpr NativeFunction float_is_integer_function{names::is_integer, NativeKind::method, 1, 1,
                                                   float_is_integer};
constexpr Attribute float_attributes[] = {
    {names::is_integer, &float_is_integer_function},
};

}  // namespace

constinit const Type float_type{names::float_, &object_type,
                                TypeSlots{
                                    .make_new = float_make_new,
                                    .print = float_print,
                                    .unary_operation = float_unary,
                                    .binary_operation = float_binary_operation,
                                },
                                float_attributes, type_flag_subclassable};

std::int64_t float_hash(double value) {
    if (std::isnan(value)) {
        return 0;
    }
    if (std::isinf(value)) {
        return value > 0 ? 314159 : -314159;
    }
    if (value == std::trunc(value)) {
        if (std::fabs(value) < 140737488355328.0) {
            return static_cast<std::int64_t>(value);
        }
        auto integral = number::BigInteger::from_double(value);
        if (integral) {
            return integer_hash(*integral);
        }
    }
    std::uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    return static_cast<std::int64_t>((bits ^ (bits >> 29)) & 0x0FFFFFFFFFFFFFFFULL);
}

double float_modulo(double left, double right) {
    double remainder = std::fmod(left, right);
    if (remainder != 0.0) {
        if ((right < 0.0) != (remainder < 0.0)) {
            remainder += right;
        }
    } else {
        remainder = std::copysign(0.0, right);
    }
    return remainder;
}

double float_floor_divide(double left, double right) {
    double remainder = std::fmod(left, right);
    double quotient = (left - remainder) / right;
    if (remainder != 0.0 && ((right < 0.0) != (remainder < 0.0))) {
        quotient -= 1.0;
    }
    if (quotient != 0.0) {
        double floored = std::floor(quotient);
        if (quotient - floored > 0.5) {
            floored += 1.0;
        }
        return floored;
    }
    return std::copysign(0.0, left / right);
}

Result<Value> float_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                     Value right) {
    operation = plain_operator(operation);
    if (!is_number(left) || !is_number(right)) {
        return Value::not_implemented();
    }
    if (operation <= BinaryOperator::not_equal) {
        return compare_numbers(operation, left, right);
    }
    double first = number_value(left);
    double second = number_value(right);
    switch (operation) {
        case BinaryOperator::add:
            return make_float(runtime, first + second);
        case BinaryOperator::subtract:
            return make_float(runtime, first - second);
        case BinaryOperator::multiply:
            return make_float(runtime, first * second);
        case BinaryOperator::true_divide:
            if (second == 0.0) {
                return runtime.raise_new(&zero_division_error_type, "divide by zero");
            }
            return make_float(runtime, first / second);
        case BinaryOperator::floor_divide:
            if (second == 0.0) {
                return runtime.raise_new(&zero_division_error_type, "divide by zero");
            }
            return make_float(runtime, float_floor_divide(first, second));
        case BinaryOperator::modulo:
            if (second == 0.0) {
                return runtime.raise_new(&zero_division_error_type, "divide by zero");
            }
            return make_float(runtime, float_modulo(first, second));
        case BinaryOperator::divmod: {
            if (second == 0.0) {
                return runtime.raise_new(&zero_division_error_type, "divide by zero");
            }
            return float_pair(runtime, float_floor_divide(first, second),
                              float_modulo(first, second));
        }
        case BinaryOperator::power:
            if (first == 0.0 && second < 0.0 && !std::isinf(second)) {
                return runtime.raise_new(&zero_division_error_type, "divide by zero");
            }
            // A negative base to a fractional power is complex on MicroPython, as on CPython.
            if (first < 0.0 && second != std::floor(second) && !std::isnan(second)) {
                Value base = make_complex(runtime, first, 0.0);
                if (base.is_empty()) {
                    return Value::empty();
                }
                return complex_binary_operation(runtime, BinaryOperator::power, base,
                                                make_float(runtime, second));
            }
            return make_float(runtime, std::pow(first, second));
        default:
            return Value::not_implemented();
    }
}

Result<Value> float_pair(Runtime& runtime, double first, double second) {
    Value items[2] = {make_float(runtime, first), Value::empty()};
    if (items[0].is_empty()) {
        return Value::empty();
    }
    runtime.keep(items[0]);
    items[1] = make_float(runtime, second);
    if (items[1].is_empty()) {
        return Value::empty();
    }
    runtime.keep(items[1]);
    return new_tuple(runtime, items);
}

}  // namespace xipy::object
