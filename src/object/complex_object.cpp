// complex: construction, arithmetic (mixed with int and float), attributes, parsing and repr.
#include "object/complex_object.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <span>

#include "number/float_parse.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"

namespace xipy::object {
namespace {

ComplexParts parts_of(Value self) {
    auto* complex = static_cast<ComplexObject*>(self.as_object());
    return {complex->real, complex->imaginary};
}

Status complex_print(Runtime&, Value self, Printer& printer, PrintKind) {
    printer.write(ComplexText(parts_of(self)));
    return succeeded();
}

Result<Value> complex_unary(Runtime& runtime, UnaryOperator operation, Value operand) {
    ComplexParts parts = parts_of(operand);
    switch (operation) {
        case UnaryOperator::positive:
            return operand;
        case UnaryOperator::negative:
            return make_complex(runtime, -parts.real, -parts.imaginary);
        case UnaryOperator::boolean:
            return Value::boolean(parts.real != 0.0 || parts.imaginary != 0.0);
        case UnaryOperator::hash:
            return make_int(runtime, float_hash(parts.real) ^ float_hash(parts.imaginary));
        case UnaryOperator::absolute:
            // Not hypot: the reference squares and adds, and its results show it.
            return make_float(
                runtime, std::sqrt(parts.real * parts.real + parts.imaginary * parts.imaginary));
        default:
            return Value::not_implemented();
    }
}

Value complex_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    ComplexParts parts = parts_of(self);
    switch (name) {
        case names::real:
            return make_float(runtime, parts.real);
        case names::imag:
            return make_float(runtime, parts.imaginary);
        default:
            return Value::empty();
    }
}

Result<Value> complex_make_new(Runtime& runtime, const Type*, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&type_error_type, "function doesn't take keyword arguments");
    }
    if (arguments.positional_count > 2) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 2 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    if (arguments.positional_count == 0) {
        return make_complex(runtime, 0.0, 0.0);
    }
    Value first = arguments[0];
    if (arguments.positional_count == 1) {
        if (is_str(first)) {
            auto parsed = parse_complex(str_view(runtime, first));
            if (!parsed) {
                return runtime.raise_new(&value_error_type, number::invalid_float_text_message);
            }
            return make_complex(runtime, *parsed);
        }
        if (is_complex(first)) {
            return first;
        }
        auto parts = to_complex(runtime, first);
        if (!parts) {
            return Raised{};
        }
        return make_complex(runtime, *parts);
    }
    // complex(a, b) is a + b*1j, where either may itself be complex.
    ComplexParts result;
    if (is_complex(first)) {
        result = parts_of(first);
    } else {
        auto real = to_double(runtime, first);
        if (!real) {
            return Value::empty();
        }
        result.real = *real;
    }
    Value second = arguments[1];
    if (is_complex(second)) {
        ComplexParts added = parts_of(second);
        result.real -= added.imaginary;
        result.imaginary += added.real;
    } else {
        auto imaginary = to_double(runtime, second);
        if (!imaginary) {
            return Value::empty();
        }
        result.imaginary += *imaginary;
    }
    return make_complex(runtime, result);
}

ComplexParts multiply(ComplexParts left, ComplexParts right) {
    return {left.real * right.real - left.imaginary * right.imaginary,
            left.real * right.imaginary + left.imaginary * right.real};
}

bool is_space(char character) {
    return character == ' ' || (character >= '\t' && character <= '\r');
}

bool starts_with_word(std::string_view text, std::string_view lower_word) {
    if (text.size() < lower_word.size()) {
        return false;
    }
    for (std::size_t index = 0; index < lower_word.size(); ++index) {
        if ((text[index] | 0x20) != lower_word[index]) {
            return false;
        }
    }
    return true;
}

// One signed term of a complex literal: a number (or inf/nan), optionally followed by
// `j`. A lone `j` stands for 1j.
struct Term {
    double value = 0.0;
    bool imaginary = false;
    std::size_t length = 0;
};

std::optional<Term> parse_term(std::string_view text) {
    std::size_t position = 0;
    while (position < text.size() && is_space(text[position])) {
        ++position;
    }
    bool negative = false;
    if (position < text.size() && (text[position] == '+' || text[position] == '-')) {
        negative = text[position] == '-';
        ++position;
    }
    const std::size_t body_start = position;
    Term term;
    std::string_view rest = text.substr(position);
    if (starts_with_word(rest, "inf")) {
        position += starts_with_word(rest, "infinity") ? 8 : 3;
        term.value = std::numeric_limits<double>::infinity();
    } else if (starts_with_word(rest, "nan")) {
        position += 3;
        term.value = std::numeric_limits<double>::quiet_NaN();
    } else {
        auto body = number::parse_unsigned_decimal(rest);
        if (!body) {
            return std::nullopt;
        }
        term.value = body->value;
        position += body->length;
    }
    if (position < text.size() && (text[position] | 0x20) == 'j') {
        if (position == body_start) {
            term.value = 1.0;
        }
        term.imaginary = true;
        ++position;
    }
    if (position == body_start) {
        return std::nullopt;
    }
    if (negative) {
        term.value = -term.value;
    }
    while (position < text.size() && is_space(text[position])) {
        ++position;
    }
    term.length = position;
    return term;
}

}  // namespace

constinit const Type complex_type{names::complex,
                                  &object_type,
                                  TypeSlots{
                                      .make_new = complex_make_new,
                                      .print = complex_print,
                                      .unary_operation = complex_unary,
                                      .binary_operation = complex_binary_operation,
                                      .load_attribute = complex_load_attribute,
                                  },
                                  {}};

bool is_complex(Value value) {
    return value.is_object() && value.as_object()->type() == &complex_type;
}

Result<Value> make_complex(Runtime& runtime, double real, double imaginary) {
    auto* complex = runtime.make<ComplexObject>(0, real, imaginary);
    return complex == nullptr ? Value::empty() : Value::from_object(complex);
}

std::optional<ComplexParts> complex_parts_of(Value value) {
    if (is_complex(value)) {
        return parts_of(value);
    }
    if (value.is_double()) {
        return ComplexParts{value.as_double(), 0.0};
    }
    if (value.is_small_int()) {
        return ComplexParts{static_cast<double>(value.as_small_int()), 0.0};
    }
    if (value.is_bool()) {
        return ComplexParts{value.is_true_value() ? 1.0 : 0.0, 0.0};
    }
    if (is_big_int(value)) {
        return ComplexParts{to_big_integer(value).to_double(), 0.0};
    }
    Value native = native_self(value);
    if (native != value) {
        return complex_parts_of(native);
    }
    return std::nullopt;
}

std::optional<ComplexParts> to_complex(Runtime& runtime, Value value) {
    auto parts = complex_parts_of(value);
    if (!parts) {
        // A user class converts through __complex__ (which must give a complex), else
        // through __float__.
        Value converted = call_conversion_method(runtime, value, names::dunder_complex);
        if (converted.is_empty()) {
            return std::nullopt;
        }
        if (converted.is_not_implemented()) {
            converted = call_conversion_method(runtime, value, names::dunder_float);
            if (converted.is_empty()) {
                return std::nullopt;
            }
            if (converted.is_double()) {
                return ComplexParts{converted.as_double(), 0.0};
            }
        } else if (is_complex(converted)) {
            return parts_of(converted);
        }
        runtime.raise_joined(&type_error_type,
                             {"can't convert ", type_name_of(runtime, value), " to complex"});
    }
    return parts;
}

ComplexText::ComplexText(ComplexParts parts) {
    // A zero real part (either sign) is left out, parentheses and all.
    if (parts.real == 0.0) {
        append_part(parts.imaginary);
        append("j");
        return;
    }
    append("(");
    append_part(parts.real);
    // -0.0 keeps its own sign; any nan prints as "+nan".
    if (std::isnan(parts.imaginary) || !std::signbit(parts.imaginary)) {
        append("+");
    }
    append_part(parts.imaginary);
    append("j)");
}

void ComplexText::append(std::string_view piece) {
    std::memcpy(text_ + length_, piece.data(), piece.size());
    length_ += piece.size();
}

// Each part is printed as repr(float) prints it, less the ".0" of integral values.
void ComplexText::append_part(double value) {
    std::size_t length = number::format_float_repr(
        value, std::span<char>(text_ + length_, number::max_float_text_length + 1));
    if (length >= 2 && std::string_view(text_ + length_ + length - 2, 2) == ".0") {
        length -= 2;
    }
    length_ += length;
}

std::optional<ComplexParts> parse_complex(std::string_view text) {
    auto first = parse_term(text);
    if (!first) {
        return std::nullopt;
    }
    if (first->length == text.size()) {
        return first->imaginary ? ComplexParts{0.0, first->value} : ComplexParts{first->value, 0.0};
    }
    // A real term may be followed by an imaginary one, and nothing else.
    if (first->imaginary) {
        return std::nullopt;
    }
    auto second = parse_term(text.substr(first->length));
    if (!second || !second->imaginary || first->length + second->length != text.size()) {
        return std::nullopt;
    }
    return ComplexParts{first->value, second->value};
}

Result<Value> complex_binary_operation(Runtime& runtime, BinaryOperator operation, Value left,
                                       Value right) {
    auto left_parts = complex_parts_of(left);
    auto right_parts = complex_parts_of(right);
    if (!left_parts || !right_parts) {
        return Value::not_implemented();
    }
    ComplexParts first = *left_parts;
    ComplexParts second = *right_parts;
    switch (plain_operator(operation)) {
        case BinaryOperator::equal:
            return Value::boolean(first.real == second.real && first.imaginary == second.imaginary);
        case BinaryOperator::not_equal:
            return Value::boolean(
                !(first.real == second.real && first.imaginary == second.imaginary));
        case BinaryOperator::add:
            return make_complex(runtime, first.real + second.real,
                                first.imaginary + second.imaginary);
        case BinaryOperator::subtract:
            return make_complex(runtime, first.real - second.real,
                                first.imaginary - second.imaginary);
        case BinaryOperator::multiply:
            return make_complex(runtime, multiply(first, second));
        case BinaryOperator::floor_divide:
            return runtime.raise_new(&type_error_type, "can't truncate-divide a complex number");
        case BinaryOperator::true_divide:
            // The same three cases as the reference, so results agree to the last bit.
            if (second.imaginary == 0.0) {
                if (second.real == 0.0) {
                    return runtime.raise_new(&zero_division_error_type, "complex divide by zero");
                }
                return make_complex(runtime, first.real / second.real,
                                    first.imaginary / second.real);
            }
            if (second.real == 0.0) {
                return make_complex(runtime, first.imaginary / second.imaginary,
                                    -first.real / second.imaginary);
            } else {
                double length_squared =
                    second.real * second.real + second.imaginary * second.imaginary;
                ComplexParts inverse{second.real / length_squared,
                                     second.imaginary / -length_squared};
                return make_complex(runtime, multiply(first, inverse));
            }
        case BinaryOperator::power: {
            // z1 ** z2 = exp(z2 * log(z1)), computed through polar form.
            double magnitude =
                std::sqrt(first.real * first.real + first.imaginary * first.imaginary);
            if (magnitude == 0.0) {
                if (second.imaginary == 0.0 && second.real >= 0.0) {
                    return make_complex(runtime, second.real == 0.0 ? 1.0 : 0.0, first.imaginary);
                }
                return runtime.raise_new(&zero_division_error_type, "0.0 to a complex power");
            }
            double log_magnitude = std::log(magnitude);
            double angle = std::atan2(first.imaginary, first.real);
            double real_exponent = second.real * log_magnitude - second.imaginary * angle;
            double turned = second.imaginary * log_magnitude + second.real * angle;
            double scale = std::exp(real_exponent);
            return make_complex(runtime, scale * std::cos(turned), scale * std::sin(turned));
        }
        default:
            return Value::not_implemented();
    }
}

}  // namespace xipy::object
