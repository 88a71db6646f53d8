// The math and cmath modules: MicroPython's function set, error rules and formulas.
#include "vm/module_math.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>

#include "number/big_integer.hpp"
#include "object/complex_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/tuple_object.hpp"

namespace xipy::vm {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;
namespace names = object::names;

namespace {

constexpr double pi = std::numbers::pi;

Value math_domain_error(Runtime& runtime) {
    return runtime.raise_new(&object::value_error_type, "math domain error");
}

// The reference's rule for every plain function: a nan out of a non-nan input, or an
// infinity out of a finite first input, is a domain error (so exp(1000) is one too).
Value checked_result(Runtime& runtime, double result, double first, double second = 0.0) {
    if ((std::isnan(result) && !std::isnan(first) && !std::isnan(second)) ||
        (std::isinf(result) && !std::isinf(first))) {
        return math_domain_error(runtime);
    }
    return Value::from_double(result);
}

template <double (*Function)(double)>
Value math_unary(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    return checked_result(runtime, Function(*value), *value);
}

template <double (*Function)(double, double)>
Value math_binary(Runtime& runtime, Arguments arguments) {
    auto first = object::to_double(runtime, arguments[0]);
    if (!first) {
        return Value::empty();
    }
    auto second = object::to_double(runtime, arguments[1]);
    if (!second) {
        return Value::empty();
    }
    return checked_result(runtime, Function(*first, *second), *first, *second);
}

// Plain wrappers: the standard functions are overloaded, so they cannot be template
// arguments directly.
double sqrt_of(double value) { return std::sqrt(value); }
double exp_of(double value) { return std::exp(value); }
double expm1_of(double value) { return std::expm1(value); }
double log2_of(double value) { return std::log2(value); }
double log10_of(double value) { return std::log10(value); }
double sin_of(double value) { return std::sin(value); }
double cos_of(double value) { return std::cos(value); }
double tan_of(double value) { return std::tan(value); }
double asin_of(double value) { return std::asin(value); }
double acos_of(double value) { return std::acos(value); }
double atan_of(double value) { return std::atan(value); }
double sinh_of(double value) { return std::sinh(value); }
double cosh_of(double value) { return std::cosh(value); }
double tanh_of(double value) { return std::tanh(value); }
double asinh_of(double value) { return std::asinh(value); }
double acosh_of(double value) { return std::acosh(value); }
double atanh_of(double value) { return std::atanh(value); }
double erf_of(double value) { return std::erf(value); }
double erfc_of(double value) { return std::erfc(value); }
double gamma_of(double value) { return std::tgamma(value); }
double lgamma_of(double value) { return std::lgamma(value); }
double fabs_of(double value) { return std::fabs(value); }
double pow_of(double base, double exponent) { return std::pow(base, exponent); }
double atan2_of(double y, double x) { return std::atan2(y, x); }
double copysign_of(double magnitude, double sign) { return std::copysign(magnitude, sign); }
double fmod_of(double left, double right) { return std::fmod(left, right); }
double hypot_of(double x, double y) { return std::hypot(x, y); }

// floor, ceil and trunc go through a float even for ints, as on the reference.
template <double (*Function)(double)>
Value math_integral(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    double result = Function(*value);
    auto integer = number::BigInteger::from_double(result);
    if (!integer) {
        return runtime.raise_new(
            std::isnan(result) ? &object::value_error_type : &object::overflow_error_type,
            integer.error().message);
    }
    return object::make_int(runtime, *integer);
}

double floor_of(double value) { return std::floor(value); }
double ceil_of(double value) { return std::ceil(value); }
double trunc_of(double value) { return std::trunc(value); }

template <bool (*Predicate)(double)>
Value math_predicate(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    return Value::boolean(Predicate(*value));
}

bool is_nan(double value) { return std::isnan(value); }
bool is_infinite(double value) { return std::isinf(value); }
bool is_finite(double value) { return std::isfinite(value); }

Value math_log(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    if (*value <= 0.0) {
        return math_domain_error(runtime);
    }
    double result = std::log(*value);
    if (arguments.positional_count == 1) {
        return Value::from_double(result);
    }
    auto base = object::to_double(runtime, arguments[1]);
    if (!base) {
        return Value::empty();
    }
    if (*base <= 0.0) {
        return math_domain_error(runtime);
    }
    if (*base == 1.0) {
        return runtime.raise_new(&object::zero_division_error_type, "divide by zero");
    }
    return Value::from_double(result / std::log(*base));
}

Value math_ldexp(Runtime& runtime, Arguments arguments) {
    auto mantissa = object::to_double(runtime, arguments[0]);
    if (!mantissa) {
        return Value::empty();
    }
    auto exponent = object::to_integer(runtime, arguments[1]);
    if (!exponent) {
        return Value::empty();
    }
    // Exponents past the double range give 0 or inf either way; clamping keeps the int cast
    // defined.
    std::int64_t clamped = std::clamp<std::int64_t>(*exponent, -100000, 100000);
    return Value::from_double(std::ldexp(*mantissa, static_cast<int>(clamped)));
}

Value math_modf(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    double integral = 0.0;
    double fraction = std::modf(*value, &integral);
    Value parts[2] = {Value::from_double(fraction), Value::from_double(integral)};
    return object::new_tuple(runtime, parts);
}

Value math_frexp(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    int exponent = 0;
    double mantissa = std::frexp(*value, &exponent);
    Value parts[2] = {Value::from_double(mantissa), Value::from_small_int(exponent)};
    return object::new_tuple(runtime, parts);
}

Value math_radians(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    return value ? Value::from_double(*value * (pi / 180.0)) : Value::empty();
}

Value math_degrees(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    return value ? Value::from_double(*value * (180.0 / pi)) : Value::empty();
}

// Not in MicroPython's math; kept because CPython has it (docs/compatibility.md).
Value math_gcd(Runtime& runtime, Arguments arguments) {
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

Value math_factorial(Runtime& runtime, Arguments arguments) {
    auto value = object::to_integer(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    if (*value < 0) {
        return runtime.raise_new(&object::value_error_type, "negative factorial");
    }
    number::BigInteger result = number::BigInteger::from_int64(1);
    for (std::int64_t factor = 2; factor <= *value; ++factor) {
        result = result * number::BigInteger::from_int64(factor);
    }
    return object::make_int(runtime, result);
}

std::optional<double> float_keyword(Runtime& runtime, Arguments arguments, std::uint32_t name,
                                    double fallback) {
    Value value = object::keyword_argument(arguments, name);
    if (value.is_empty()) {
        return fallback;
    }
    return object::to_double(runtime, value);
}

Value math_isclose(Runtime& runtime, Arguments arguments) {
    if (!object::check_keywords(runtime, arguments, {names::rel_tol, names::abs_tol})) {
        return Value::empty();
    }
    auto first = object::to_double(runtime, arguments[0]);
    if (!first) {
        return Value::empty();
    }
    auto second = object::to_double(runtime, arguments[1]);
    if (!second) {
        return Value::empty();
    }
    auto relative = float_keyword(runtime, arguments, names::rel_tol, 1e-9);
    if (!relative) {
        return Value::empty();
    }
    auto absolute = float_keyword(runtime, arguments, names::abs_tol, 0.0);
    if (!absolute) {
        return Value::empty();
    }
    if (*relative < 0.0 || *absolute < 0.0) {
        return math_domain_error(runtime);
    }
    if (*first == *second) {
        return Value::true_value();
    }
    double difference = std::fabs(*first - *second);
    if (std::isinf(difference)) {
        return Value::false_value();
    }
    return Value::boolean(difference <= *absolute || difference <= std::fabs(*relative * *first) ||
                          difference <= std::fabs(*relative * *second));
}

constexpr NativeFunction math_functions[] = {
    {names::sqrt, NativeKind::function, 1, 1, math_unary<sqrt_of>},
    {names::pow, NativeKind::function, 2, 2, math_binary<pow_of>},
    {names::exp, NativeKind::function, 1, 1, math_unary<exp_of>},
    {names::expm1, NativeKind::function, 1, 1, math_unary<expm1_of>},
    {names::log, NativeKind::function, 1, 2, math_log},
    {names::log2, NativeKind::function, 1, 1, math_unary<log2_of>},
    {names::log10, NativeKind::function, 1, 1, math_unary<log10_of>},
    {names::cosh, NativeKind::function, 1, 1, math_unary<cosh_of>},
    {names::sinh, NativeKind::function, 1, 1, math_unary<sinh_of>},
    {names::tanh, NativeKind::function, 1, 1, math_unary<tanh_of>},
    {names::acosh, NativeKind::function, 1, 1, math_unary<acosh_of>},
    {names::asinh, NativeKind::function, 1, 1, math_unary<asinh_of>},
    {names::atanh, NativeKind::function, 1, 1, math_unary<atanh_of>},
    {names::cos, NativeKind::function, 1, 1, math_unary<cos_of>},
    {names::sin, NativeKind::function, 1, 1, math_unary<sin_of>},
    {names::tan, NativeKind::function, 1, 1, math_unary<tan_of>},
    {names::acos, NativeKind::function, 1, 1, math_unary<acos_of>},
    {names::asin, NativeKind::function, 1, 1, math_unary<asin_of>},
    {names::atan, NativeKind::function, 1, 1, math_unary<atan_of>},
    {names::atan2, NativeKind::function, 2, 2, math_binary<atan2_of>},
    {names::ceil, NativeKind::function, 1, 1, math_integral<ceil_of>},
    {names::copysign, NativeKind::function, 2, 2, math_binary<copysign_of>},
    {names::fabs, NativeKind::function, 1, 1, math_unary<fabs_of>},
    {names::floor, NativeKind::function, 1, 1, math_integral<floor_of>},
    {names::fmod, NativeKind::function, 2, 2, math_binary<fmod_of>},
    {names::frexp, NativeKind::function, 1, 1, math_frexp},
    {names::ldexp, NativeKind::function, 2, 2, math_ldexp},
    {names::modf, NativeKind::function, 1, 1, math_modf},
    {names::isfinite_, NativeKind::function, 1, 1, math_predicate<is_finite>},
    {names::isinf_, NativeKind::function, 1, 1, math_predicate<is_infinite>},
    {names::isnan_, NativeKind::function, 1, 1, math_predicate<is_nan>},
    {names::isclose, NativeKind::function, 2, 2, math_isclose, true},
    {names::trunc, NativeKind::function, 1, 1, math_integral<trunc_of>},
    {names::radians, NativeKind::function, 1, 1, math_radians},
    {names::degrees, NativeKind::function, 1, 1, math_degrees},
    {names::factorial, NativeKind::function, 1, 1, math_factorial},
    {names::erf, NativeKind::function, 1, 1, math_unary<erf_of>},
    {names::erfc, NativeKind::function, 1, 1, math_unary<erfc_of>},
    {names::gamma, NativeKind::function, 1, 1, math_unary<gamma_of>},
    {names::lgamma, NativeKind::function, 1, 1, math_unary<lgamma_of>},
    {names::gcd, NativeKind::function, 0, NativeFunction::unlimited, math_gcd},
    {names::hypot, NativeKind::function, 2, 2, math_binary<hypot_of>},
};

// ---- cmath: the reference's formulas, so results agree to the last bit.

using object::ComplexParts;

template <ComplexParts (*Function)(ComplexParts)>
Value cmath_unary(Runtime& runtime, Arguments arguments) {
    auto value = object::to_complex(runtime, arguments[0]);
    return value ? object::make_complex(runtime, Function(*value)) : Value::empty();
}

double squared_magnitude(ComplexParts value) {
    return value.real * value.real + value.imaginary * value.imaginary;
}

ComplexParts complex_exp(ComplexParts value) {
    double scale = std::exp(value.real);
    return {scale * std::cos(value.imaginary), scale * std::sin(value.imaginary)};
}

ComplexParts complex_log(ComplexParts value) {
    return {0.5 * std::log(squared_magnitude(value)), std::atan2(value.imaginary, value.real)};
}

ComplexParts complex_log10(ComplexParts value) {
    constexpr double inverse_ln10 = 0.4342944819032518;
    return {inverse_ln10 * (0.5 * std::log(squared_magnitude(value))),
            inverse_ln10 * std::atan2(value.imaginary, value.real)};
}

ComplexParts complex_sqrt(ComplexParts value) {
    double root_magnitude = std::pow(squared_magnitude(value), 0.25);
    double half_angle = 0.5 * std::atan2(value.imaginary, value.real);
    return {root_magnitude * std::cos(half_angle), root_magnitude * std::sin(half_angle)};
}

ComplexParts complex_cos(ComplexParts value) {
    return {std::cos(value.real) * std::cosh(value.imaginary),
            -std::sin(value.real) * std::sinh(value.imaginary)};
}

ComplexParts complex_sin(ComplexParts value) {
    return {std::sin(value.real) * std::cosh(value.imaginary),
            std::cos(value.real) * std::sinh(value.imaginary)};
}

Value cmath_phase(Runtime& runtime, Arguments arguments) {
    auto value = object::to_complex(runtime, arguments[0]);
    return value ? Value::from_double(std::atan2(value->imaginary, value->real)) : Value::empty();
}

Value cmath_polar(Runtime& runtime, Arguments arguments) {
    auto value = object::to_complex(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    Value parts[2] = {Value::from_double(std::sqrt(squared_magnitude(*value))),
                      Value::from_double(std::atan2(value->imaginary, value->real))};
    return object::new_tuple(runtime, parts);
}

Value cmath_rect(Runtime& runtime, Arguments arguments) {
    auto magnitude = object::to_double(runtime, arguments[0]);
    if (!magnitude) {
        return Value::empty();
    }
    auto angle = object::to_double(runtime, arguments[1]);
    if (!angle) {
        return Value::empty();
    }
    return object::make_complex(runtime, *magnitude * std::cos(*angle),
                                *magnitude * std::sin(*angle));
}

constexpr NativeFunction cmath_functions[] = {
    {names::phase, NativeKind::function, 1, 1, cmath_phase},
    {names::polar, NativeKind::function, 1, 1, cmath_polar},
    {names::rect, NativeKind::function, 2, 2, cmath_rect},
    {names::exp, NativeKind::function, 1, 1, cmath_unary<complex_exp>},
    {names::log, NativeKind::function, 1, 1, cmath_unary<complex_log>},
    {names::log10, NativeKind::function, 1, 1, cmath_unary<complex_log10>},
    {names::sqrt, NativeKind::function, 1, 1, cmath_unary<complex_sqrt>},
    {names::cos, NativeKind::function, 1, 1, cmath_unary<complex_cos>},
    {names::sin, NativeKind::function, 1, 1, cmath_unary<complex_sin>},
};

bool store(Runtime& runtime, Value globals, std::uint32_t name, Value value) {
    return object::dict_store_name(runtime, object::as_dict(globals), name, value);
}

template <std::size_t Count>
bool store_functions(Runtime& runtime, Value globals, const NativeFunction (&functions)[Count]) {
    for (const NativeFunction& function : functions) {
        if (!store(runtime, globals, function.name, Value::from_object(&function))) {
            return false;
        }
    }
    return true;
}

}  // namespace

bool fill_math_module(Runtime& runtime, Value globals) {
    return store_functions(runtime, globals, math_functions) &&
           store(runtime, globals, names::pi, Value::from_double(pi)) &&
           store(runtime, globals, names::e, Value::from_double(std::numbers::e)) &&
           store(runtime, globals, names::tau, Value::from_double(2.0 * pi)) &&
           store(runtime, globals, names::inf, Value::from_double(HUGE_VAL)) &&
           store(runtime, globals, names::nan, Value::from_double(std::nan("")));
}

bool fill_cmath_module(Runtime& runtime, Value globals) {
    return store_functions(runtime, globals, cmath_functions) &&
           store(runtime, globals, names::pi, Value::from_double(pi)) &&
           store(runtime, globals, names::e, Value::from_double(std::numbers::e));
}

}  // namespace xipy::vm
