// The math and cmath modules: MicroPython's function set, error rules and formulas.
#include "modules/standard_modules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <span>
#include <utility>

#include "modules/names.hpp"
#include "number/big_integer.hpp"
#include "object/complex_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/tuple_object.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeCode;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;

namespace {

constexpr double pi = std::numbers::pi;

object::Raised math_domain_error(Runtime& runtime) {
    return runtime.raise_new(&object::value_error_type, "math domain error");
}

// The reference's rule for every plain function: a nan out of non-nan inputs, or an
// infinity out of finite inputs, is a domain error (so exp(1000) is one too, but
// pow(0.5, -inf) is inf).
object::Result<Value> checked_result(Runtime& runtime, double result, double first,
                                     double second = 0.0) {
    if ((std::isnan(result) && !std::isnan(first) && !std::isnan(second)) ||
        (std::isinf(result) && !std::isinf(first) && !std::isinf(second))) {
        return math_domain_error(runtime);
    }
    return make_float(runtime, result);
}

// How a formula's double becomes the Python result: the reference's families of math functions.
enum class Outcome : std::uint8_t {
    checked,   // a float, under checked_result's domain rule
    plain,     // a float as computed (radians, degrees)
    integral,  // an int through a float, as floor, ceil and trunc do even for ints
    truth,     // a bool, True where the formula gives nonzero (isnan, isinf, isfinite)
};

// One function of math. A formula row has exactly one of `one` and `two` set and is run by
// math_formula under its `outcome`; any other row has `code`, which does the whole call.
struct MathEntry {
    std::uint32_t name;
    Outcome outcome = Outcome::checked;
    double (*one)(double) = nullptr;
    double (*two)(double, double) = nullptr;
    NativeCode code = nullptr;
    std::uint16_t minimum = 1;
    std::uint16_t maximum = 1;
    bool keywords = false;
};

constexpr MathEntry formula(std::uint32_t name, double (*one)(double),
                            Outcome outcome = Outcome::checked) {
    return {.name = name, .outcome = outcome, .one = one};
}

constexpr MathEntry formula(std::uint32_t name, double (*two)(double, double)) {
    return {.name = name, .two = two, .minimum = 2, .maximum = 2};
}

constexpr MathEntry native(std::uint32_t name, std::uint16_t minimum, std::uint16_t maximum,
                           NativeCode code, bool keywords = false) {
    return {
        .name = name, .code = code, .minimum = minimum, .maximum = maximum, .keywords = keywords};
}

object::Result<Value> math_log(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    if (*value <= 0.0) {
        return math_domain_error(runtime);
    }
    double result = std::log(*value);
    if (arguments.positional_count == 1) {
        return make_float(runtime, result);
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
    return make_float(runtime, result / std::log(*base));
}

object::Result<Value> math_ldexp(Runtime& runtime, Arguments arguments) {
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
    return make_float(runtime, std::ldexp(*mantissa, static_cast<int>(clamped)));
}

// modf and frexp: a float split into a pair of parts, returned as a tuple.
template <bool ToExponent>
object::Result<Value> math_split(Runtime& runtime, Arguments arguments) {
    auto value = object::to_double(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    if constexpr (ToExponent) {
        int exponent = 0;
        double mantissa = std::frexp(*value, &exponent);
        Value parts[2] = {make_float(runtime, mantissa), Value::from_small_int(exponent)};
        if (parts[0].is_empty()) {
            return Value::empty();
        }
        runtime.keep(parts[0]);  // the tuple's allocation may collect
        return object::new_tuple(runtime, parts);
    } else {
        double integral = 0.0;
        double fraction = std::modf(*value, &integral);
        return object::float_pair(runtime, fraction, integral);
    }
}

// Not in MicroPython's math; kept because CPython has it (docs/compatibility.md).
object::Result<Value> math_gcd(Runtime& runtime, Arguments arguments) {
    number::BigInteger result;
    for (Value argument : arguments.positional()) {
        if (!object::is_int(argument)) {
            return runtime.raise_joined(
                &object::type_error_type,
                {"can't convert ", object::type_name_of(runtime, argument), " to int"});
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

object::Result<Value> math_factorial(Runtime& runtime, Arguments arguments) {
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

object::Result<Value> math_isclose(Runtime& runtime, Arguments arguments) {
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

// The lambdas stand in for the standard functions, which are overloaded and may not have
// their addresses taken. The order is the reference's, which dir(math) shows.
constexpr MathEntry math_table[] = {
    formula(names::sqrt, [](double x) { return std::sqrt(x); }),
    formula(names::pow, [](double x, double y) { return std::pow(x, y); }),
    formula(names::exp, [](double x) { return std::exp(x); }),
    formula(names::expm1, [](double x) { return std::expm1(x); }),
    native(names::log, 1, 2, math_log),
    formula(names::log2, [](double x) { return std::log2(x); }),
    formula(names::log10, [](double x) { return std::log10(x); }),
    formula(names::cosh, [](double x) { return std::cosh(x); }),
    formula(names::sinh, [](double x) { return std::sinh(x); }),
    formula(names::tanh, [](double x) { return std::tanh(x); }),
    formula(names::acosh, [](double x) { return std::acosh(x); }),
    formula(names::asinh, [](double x) { return std::asinh(x); }),
    formula(names::atanh, [](double x) { return std::atanh(x); }),
    formula(names::cos, [](double x) { return std::cos(x); }),
    formula(names::sin, [](double x) { return std::sin(x); }),
    formula(names::tan, [](double x) { return std::tan(x); }),
    formula(names::acos, [](double x) { return std::acos(x); }),
    formula(names::asin, [](double x) { return std::asin(x); }),
    formula(names::atan, [](double x) { return std::atan(x); }),
    formula(names::atan2, [](double y, double x) { return std::atan2(y, x); }),
    formula(
        names::ceil, [](double x) { return std::ceil(x); }, Outcome::integral),
    formula(names::copysign, [](double x, double y) { return std::copysign(x, y); }),
    formula(names::fabs, [](double x) { return std::fabs(x); }),
    formula(
        names::floor, [](double x) { return std::floor(x); }, Outcome::integral),
    formula(names::fmod, [](double x, double y) { return std::fmod(x, y); }),
    native(names::frexp, 1, 1, math_split<true>),
    native(names::ldexp, 2, 2, math_ldexp),
    native(names::modf, 1, 1, math_split<false>),
    formula(
        names::isfinite_, [](double x) { return std::isfinite(x) ? 1.0 : 0.0; }, Outcome::truth),
    formula(
        names::isinf_, [](double x) { return std::isinf(x) ? 1.0 : 0.0; }, Outcome::truth),
    formula(
        names::isnan_, [](double x) { return std::isnan(x) ? 1.0 : 0.0; }, Outcome::truth),
    native(names::isclose, 2, 2, math_isclose, true),
    formula(
        names::trunc, [](double x) { return std::trunc(x); }, Outcome::integral),
    formula(
        names::radians, [](double x) { return x * (pi / 180.0); }, Outcome::plain),
    formula(
        names::degrees, [](double x) { return x * (180.0 / pi); }, Outcome::plain),
    native(names::factorial, 1, 1, math_factorial),
    formula(names::erf, [](double x) { return std::erf(x); }),
    formula(names::erfc, [](double x) { return std::erfc(x); }),
    formula(names::gamma, [](double x) { return std::tgamma(x); }),
    formula(names::lgamma, [](double x) { return std::lgamma(x); }),
    native(names::gcd, 0, NativeFunction::unlimited, math_gcd),
    formula(names::hypot, [](double x, double y) { return std::hypot(x, y); }),
};

// The call of the formula row math_table[Index]; the row is a constant, so each instance
// compiles to its own formula and outcome.
template <std::size_t Index>
object::Result<Value> math_formula(Runtime& runtime, Arguments arguments) {
    constexpr MathEntry entry = math_table[Index];
    auto first = object::to_double(runtime, arguments[0]);
    if (!first) {
        return Value::empty();
    }
    if constexpr (entry.two != nullptr) {
        auto second = object::to_double(runtime, arguments[1]);
        if (!second) {
            return Value::empty();
        }
        return checked_result(runtime, entry.two(*first, *second), *first, *second);
    } else if constexpr (entry.outcome == Outcome::checked) {
        return checked_result(runtime, entry.one(*first), *first);
    } else if constexpr (entry.outcome == Outcome::plain) {
        return make_float(runtime, entry.one(*first));
    } else if constexpr (entry.outcome == Outcome::truth) {
        return Value::boolean(entry.one(*first) != 0.0);
    } else {
        double result = entry.one(*first);
        auto integer = number::BigInteger::from_double(result);
        if (!integer) {
            return runtime.raise_new(
                std::isnan(result) ? &object::value_error_type : &object::overflow_error_type,
                integer.error().message);
        }
        return object::make_int(runtime, *integer);
    }
}

template <std::size_t Index>
constexpr NativeFunction math_native() {
    constexpr MathEntry entry = math_table[Index];
    if constexpr (entry.code != nullptr) {
        return {entry.name,    NativeKind::function, entry.minimum,
                entry.maximum, entry.code,           entry.keywords};
    } else {
        return {entry.name, NativeKind::function, entry.minimum, entry.maximum,
                math_formula<Index>};
    }
}

template <std::size_t... Indices>
constexpr std::array<NativeFunction, sizeof...(Indices)> math_natives(
    std::index_sequence<Indices...>) {
    return {math_native<Indices>()...};
}

constexpr auto math_functions = math_natives(std::make_index_sequence<std::size(math_table)>());

// ---- cmath: the reference's formulas, so results agree to the last bit.

using object::ComplexParts;

template <ComplexParts (*Function)(ComplexParts)>
object::Result<Value> cmath_unary(Runtime& runtime, Arguments arguments) {
    auto value = object::to_complex(runtime, arguments[0]);
    return value ? object::make_complex(runtime, Function(*value)) : object::Raised{};
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

object::Result<Value> cmath_phase(Runtime& runtime, Arguments arguments) {
    auto value = object::to_complex(runtime, arguments[0]);
    return value ? make_float(runtime, std::atan2(value->imaginary, value->real)) : Value::empty();
}

object::Result<Value> cmath_polar(Runtime& runtime, Arguments arguments) {
    auto value = object::to_complex(runtime, arguments[0]);
    if (!value) {
        return Value::empty();
    }
    return object::float_pair(runtime, std::sqrt(squared_magnitude(*value)),
                              std::atan2(value->imaginary, value->real));
}

object::Result<Value> cmath_rect(Runtime& runtime, Arguments arguments) {
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
    return object::dict_store_name(runtime, object::as_dict(globals), name, value).ok();
}

// The constants are numbers, not objects, so they have no place in an Attribute table.
bool initialise_math(Runtime& runtime, Value globals, void*) {
    return store(runtime, globals, names::pi, make_float(runtime, pi)) &&
           store(runtime, globals, names::e, make_float(runtime, std::numbers::e)) &&
           store(runtime, globals, names::tau, make_float(runtime, 2.0 * pi)) &&
           store(runtime, globals, names::inf, make_float(runtime, HUGE_VAL)) &&
           store(runtime, globals, names::nan, make_float(runtime, std::nan("")));
}

bool initialise_cmath(Runtime& runtime, Value globals, void*) {
    return store(runtime, globals, names::pi, make_float(runtime, pi)) &&
           store(runtime, globals, names::e, make_float(runtime, std::numbers::e));
}

}  // namespace

constinit const vm::ModuleDefinition math_module{names::math, math_functions, {}, initialise_math};
constinit const vm::ModuleDefinition cmath_module{
    names::cmath, cmath_functions, {}, initialise_cmath};

}  // namespace xipy::modules
