// The built-in modules a program can import: sys, math, micropython.
#include <cmath>
#include <numeric>

#include "number/big_integer.hpp"
#include "object/builtins.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"

namespace xipy::vm {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;
namespace names = object::names;

namespace {

// ---- sys

Value sys_exit(object::Runtime& runtime, Arguments arguments) {
    Value exception =
        object::make_exception(runtime, &object::system_exit_type, arguments.positional());
    if (exception.is_empty()) {
        return Value::empty();
    }
    return runtime.set_exception(exception);
}

constexpr NativeFunction sys_exit_function{names::exit, NativeKind::function, 0, 1, sys_exit};

// ---- math

std::optional<double> number_argument(object::Runtime& runtime, Value value) {
    return object::to_double(runtime, value);
}

Value math_domain_error(object::Runtime& runtime) {
    return runtime.raise_new(&object::value_error_type, "math domain error");
}

template <double (*Function)(double)>
Value math_unary(object::Runtime& runtime, Arguments arguments) {
    auto value = number_argument(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    double result = Function(*value);
    if (std::isnan(result) && !std::isnan(*value)) {
        return math_domain_error(runtime);
    }
    return Value::from_double(result);
}

double checked_sqrt(double value) { return value < 0 ? std::nan("") : std::sqrt(value); }
double checked_log2(double value) { return value <= 0 ? std::nan("") : std::log2(value); }
double checked_log10(double value) { return value <= 0 ? std::nan("") : std::log10(value); }
double plain_exp(double value) { return std::exp(value); }
double plain_sin(double value) { return std::sin(value); }
double plain_cos(double value) { return std::cos(value); }
double plain_tan(double value) { return std::tan(value); }
double plain_asin(double value) { return std::asin(value); }
double plain_acos(double value) { return std::acos(value); }
double plain_atan(double value) { return std::atan(value); }
double plain_fabs(double value) { return std::fabs(value); }
double to_degrees(double value) { return value * 180.0 / M_PI; }
double to_radians(double value) { return value * M_PI / 180.0; }

Value integral_result(object::Runtime& runtime, double value) {
    auto result = number::BigInteger::from_double(value);
    if (!result) {
        const object::Type* type =
            std::isnan(value) ? &object::value_error_type : &object::overflow_error_type;
        return runtime.raise_new(type, result.error().message);
    }
    return object::make_int(runtime, *result);
}

template <double (*Function)(double)>
Value math_integral(object::Runtime& runtime, Arguments arguments) {
    if (object::is_int(arguments[0])) {
        return arguments[0].is_bool() ? Value::from_small_int(arguments[0].is_true_value() ? 1 : 0)
                                      : arguments[0];
    }
    auto value = number_argument(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    return integral_result(runtime, Function(*value));
}

double plain_floor(double value) { return std::floor(value); }
double plain_ceil(double value) { return std::ceil(value); }
double plain_trunc(double value) { return std::trunc(value); }

Value math_log(object::Runtime& runtime, Arguments arguments) {
    auto value = number_argument(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    if (*value <= 0) {
        return math_domain_error(runtime);
    }
    double result = std::log(*value);
    if (arguments.positional_count > 1) {
        auto base = number_argument(runtime, arguments[1]);
        if (!base) {
            return Value::empty();
        }
        if (*base <= 0 || *base == 1.0) {
            return *base == 1.0
                       ? runtime.raise_new(&object::zero_division_error_type, "divide by zero")
                       : math_domain_error(runtime);
        }
        result /= std::log(*base);
    }
    return Value::from_double(result);
}

template <double (*Function)(double, double)>
Value math_binary(object::Runtime& runtime, Arguments arguments) {
    auto first = number_argument(runtime, arguments[0]);
    auto second = number_argument(runtime, arguments[1]);
    if (!first || !second) {
        return Value::empty();
    }
    double result = Function(*first, *second);
    if (std::isnan(result) && !std::isnan(*first) && !std::isnan(*second)) {
        return math_domain_error(runtime);
    }
    return Value::from_double(result);
}

double plain_pow(double left, double right) { return std::pow(left, right); }
double plain_atan2(double left, double right) { return std::atan2(left, right); }
double plain_copysign(double left, double right) { return std::copysign(left, right); }
double plain_fmod(double left, double right) {
    return right == 0 ? std::nan("") : std::fmod(left, right);
}
double plain_hypot(double left, double right) { return std::hypot(left, right); }
double plain_ldexp(double left, double right) { return std::ldexp(left, static_cast<int>(right)); }

template <bool (*Predicate)(double)>
Value math_predicate(object::Runtime& runtime, Arguments arguments) {
    auto value = number_argument(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    return Value::boolean(Predicate(*value));
}

bool is_nan(double value) { return std::isnan(value); }
bool is_infinite(double value) { return std::isinf(value); }
bool is_finite(double value) { return std::isfinite(value); }

Value math_modf(object::Runtime& runtime, Arguments arguments) {
    auto value = number_argument(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    double integral = 0;
    double fraction = std::modf(*value, &integral);
    Value parts[2] = {Value::from_double(fraction), Value::from_double(integral)};
    return object::new_tuple(runtime, parts);
}

Value math_frexp(object::Runtime& runtime, Arguments arguments) {
    auto value = number_argument(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    int exponent = 0;
    double mantissa = std::frexp(*value, &exponent);
    Value parts[2] = {Value::from_double(mantissa), Value::from_small_int(exponent)};
    return object::new_tuple(runtime, parts);
}

Value math_gcd(object::Runtime& runtime, Arguments arguments) {
    number::BigInteger result;
    for (Value argument : arguments.positional()) {
        if (!object::is_int(argument)) {
            return runtime.raise_new(&object::type_error_type,
                                     "can't convert " +
                                         std::string(object::type_name_of(runtime, argument)) +
                                         " to int");
        }
        number::BigInteger other = object::to_big_integer(argument).absolute();
        while (!other.is_zero()) {
            auto remainder = number::modulo(result, other);
            result = other;
            other = *remainder;
        }
    }
    return object::make_int(runtime, result);
}

Value math_factorial(object::Runtime& runtime, Arguments arguments) {
    auto value = object::to_integer(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    if (*value < 0) {
        return runtime.raise_new(&object::value_error_type,
                                 "factorial() not defined for negative values");
    }
    number::BigInteger result = number::BigInteger::from_int64(1);
    for (std::int64_t factor = 2; factor <= *value; ++factor) {
        result = result * number::BigInteger::from_int64(factor);
    }
    return object::make_int(runtime, result);
}

Value math_isclose(object::Runtime& runtime, Arguments arguments) {
    auto first = number_argument(runtime, arguments[0]);
    auto second = number_argument(runtime, arguments[1]);
    if (!first || !second) {
        return Value::empty();
    }
    double relative = 1e-9;
    double absolute = 0.0;
    Value relative_value = object::keyword_argument(arguments, names::rel_tol);
    Value absolute_value = object::keyword_argument(arguments, names::abs_tol);
    if (!relative_value.is_empty()) {
        auto parsed = number_argument(runtime, relative_value);
        if (!parsed) {
            return Value::empty();
        }
        relative = *parsed;
    }
    if (!absolute_value.is_empty()) {
        auto parsed = number_argument(runtime, absolute_value);
        if (!parsed) {
            return Value::empty();
        }
        absolute = *parsed;
    }
    if (*first == *second) {
        return Value::true_value();
    }
    double difference = std::fabs(*first - *second);
    return Value::boolean(difference <= std::fabs(relative * *second) ||
                          difference <= std::fabs(relative * *first) || difference <= absolute);
}

constexpr NativeFunction math_functions[] = {
    {names::sqrt, NativeKind::function, 1, 1, math_unary<checked_sqrt>},
    {names::exp, NativeKind::function, 1, 1, math_unary<plain_exp>},
    {names::log, NativeKind::function, 1, 2, math_log},
    {names::log2, NativeKind::function, 1, 1, math_unary<checked_log2>},
    {names::log10, NativeKind::function, 1, 1, math_unary<checked_log10>},
    {names::sin, NativeKind::function, 1, 1, math_unary<plain_sin>},
    {names::cos, NativeKind::function, 1, 1, math_unary<plain_cos>},
    {names::tan, NativeKind::function, 1, 1, math_unary<plain_tan>},
    {names::asin, NativeKind::function, 1, 1, math_unary<plain_asin>},
    {names::acos, NativeKind::function, 1, 1, math_unary<plain_acos>},
    {names::atan, NativeKind::function, 1, 1, math_unary<plain_atan>},
    {names::fabs, NativeKind::function, 1, 1, math_unary<plain_fabs>},
    {names::degrees, NativeKind::function, 1, 1, math_unary<to_degrees>},
    {names::radians, NativeKind::function, 1, 1, math_unary<to_radians>},
    {names::floor, NativeKind::function, 1, 1, math_integral<plain_floor>},
    {names::ceil, NativeKind::function, 1, 1, math_integral<plain_ceil>},
    {names::trunc, NativeKind::function, 1, 1, math_integral<plain_trunc>},
    {names::pow, NativeKind::function, 2, 2, math_binary<plain_pow>},
    {names::atan2, NativeKind::function, 2, 2, math_binary<plain_atan2>},
    {names::copysign, NativeKind::function, 2, 2, math_binary<plain_copysign>},
    {names::fmod, NativeKind::function, 2, 2, math_binary<plain_fmod>},
    {names::hypot, NativeKind::function, 2, 2, math_binary<plain_hypot>},
    {names::ldexp, NativeKind::function, 2, 2, math_binary<plain_ldexp>},
    {names::isnan_, NativeKind::function, 1, 1, math_predicate<is_nan>},
    {names::isinf_, NativeKind::function, 1, 1, math_predicate<is_infinite>},
    {names::isfinite_, NativeKind::function, 1, 1, math_predicate<is_finite>},
    {names::modf, NativeKind::function, 1, 1, math_modf},
    {names::frexp, NativeKind::function, 1, 1, math_frexp},
    {names::gcd, NativeKind::function, 0, NativeFunction::unlimited, math_gcd},
    {names::factorial, NativeKind::function, 1, 1, math_factorial},
    {names::isclose, NativeKind::function, 2, 2, math_isclose, true},
};

// ---- micropython

Value micropython_const(object::Runtime&, Arguments arguments) { return arguments[0]; }

constexpr NativeFunction const_function{names::const_, NativeKind::function, 1, 1,
                                        micropython_const};

Value new_module(Interpreter& interpreter, std::uint32_t name, Value& globals) {
    globals = object::make_dict(interpreter);
    if (globals.is_empty()) {
        return Value::empty();
    }
    if (!object::dict_store_name(interpreter, object::as_dict(globals), names::dunder_name,
                                 Value::from_interned_string(name))) {
        return Value::empty();
    }
    return object::make_module(interpreter, name, globals);
}

bool put(Interpreter& interpreter, Value globals, std::uint32_t name, Value value) {
    return !value.is_empty() &&
           object::dict_store_name(interpreter, object::as_dict(globals), name, value);
}

Value make_sys(Interpreter& interpreter, const std::vector<std::string>& argv) {
    Value globals;
    Value module = new_module(interpreter, names::sys, globals);
    if (module.is_empty()) {
        return Value::empty();
    }
    Value arguments = object::make_list(interpreter, {});
    if (arguments.is_empty()) {
        return Value::empty();
    }
    for (const std::string& argument : argv) {
        Value text = object::make_str(interpreter, argument);
        if (text.is_empty() || !object::list_append(interpreter, arguments, text)) {
            return Value::empty();
        }
    }
    Value version_parts[3] = {Value::from_small_int(3), Value::from_small_int(4),
                              Value::from_small_int(0)};
    bool ok = put(interpreter, globals, names::argv, arguments) &&
              put(interpreter, globals, names::stdout_,
                  Value::from_object(object::standard_output_stream())) &&
              put(interpreter, globals, names::stderr_,
                  Value::from_object(object::standard_error_stream())) &&
              put(interpreter, globals, names::exit, Value::from_object(&sys_exit_function)) &&
              put(interpreter, globals, names::maxsize, Value::from_small_int(2147483647)) &&
              put(interpreter, globals, names::byteorder, interpreter.intern("little")) &&
              put(interpreter, globals, names::platform, interpreter.intern("xipy")) &&
              put(interpreter, globals, names::version, interpreter.intern("3.4.0; xipy")) &&
              put(interpreter, globals, names::version_info,
                  object::new_tuple(interpreter, version_parts)) &&
              put(interpreter, globals, names::modules, interpreter.modules()) &&
              put(interpreter, globals, names::path, object::make_list(interpreter, {}));
    return ok ? module : Value::empty();
}

Value make_math(Interpreter& interpreter) {
    Value globals;
    Value module = new_module(interpreter, names::math, globals);
    if (module.is_empty()) {
        return Value::empty();
    }
    for (const NativeFunction& function : math_functions) {
        if (!put(interpreter, globals, function.name, Value::from_object(&function))) {
            return Value::empty();
        }
    }
    bool ok = put(interpreter, globals, names::pi, Value::from_double(M_PI)) &&
              put(interpreter, globals, names::e, Value::from_double(M_E)) &&
              put(interpreter, globals, names::tau, Value::from_double(2 * M_PI)) &&
              put(interpreter, globals, names::inf, Value::from_double(INFINITY)) &&
              put(interpreter, globals, names::nan, Value::from_double(NAN));
    return ok ? module : Value::empty();
}

Value make_micropython(Interpreter& interpreter) {
    Value globals;
    Value module = new_module(interpreter, names::micropython, globals);
    if (module.is_empty() ||
        !put(interpreter, globals, names::const_, Value::from_object(&const_function))) {
        return Value::empty();
    }
    return module;
}

}  // namespace

Value make_builtin_module(Interpreter& interpreter, std::uint32_t name,
                          const std::vector<std::string>& argv) {
    switch (name) {
        case names::sys:
            return make_sys(interpreter, argv);
        case names::math:
            return make_math(interpreter);
        case names::micropython:
            return make_micropython(interpreter);
        default:
            return interpreter.raise_new(
                &object::import_error_type,
                "no module named '" + std::string(interpreter.name_text(name)) + "'");
    }
}

}  // namespace xipy::vm
