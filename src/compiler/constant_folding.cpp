// Constant folding: int and float arithmetic with MicroPython's results and failures.
#include "compiler/constant_folding.hpp"

#include <cmath>

namespace xipy::compiler {

namespace {

// Folded ints stay below this many bits; MicroPython has no bound, but real programs never
// come near it and the bound keeps the parser's memory use proportional to its input.
constexpr std::uint64_t max_folded_bits = std::uint64_t{1} << 16;

Number make_integer(number::BigInteger value, bool big = false) {
    Number result;
    result.integer = std::move(value);
    result.big = big;
    return result;
}

Number make_float(double value) {
    Number result;
    result.is_float = true;
    result.value = value;
    return result;
}

double as_double(const Number& number) {
    return number.is_float ? number.value : number.integer.to_double();
}

// MicroPython's float floor division: from fmod, so that x == (x//y)*y + x%y.
double float_floor_divide(double left, double right) {
    double remainder = std::fmod(left, right);
    double quotient = (left - remainder) / right;
    if (remainder != 0.0 && ((remainder < 0.0) != (right < 0.0))) {
        quotient -= 1.0;
    }
    if (quotient == 0.0) {
        return std::copysign(0.0, left / right);
    }
    double floored = std::floor(quotient);
    if (quotient - floored > 0.5) {
        floored += 1.0;
    }
    return floored;
}

double float_modulo(double left, double right) {
    double remainder = std::fmod(left, right);
    if (remainder == 0.0) {
        return std::copysign(0.0, right);
    }
    if ((remainder < 0.0) != (right < 0.0)) {
        remainder += right;
    }
    return remainder;
}

std::optional<Number> fold_float(TokenKind operator_token, double left, double right) {
    switch (operator_token) {
        case TokenKind::operator_plus:
            return make_float(left + right);
        case TokenKind::operator_minus:
            return make_float(left - right);
        case TokenKind::operator_star:
            return make_float(left * right);
        case TokenKind::operator_slash:
            if (right == 0.0) {
                return std::nullopt;
            }
            return make_float(left / right);
        case TokenKind::operator_double_slash:
            if (right == 0.0) {
                return std::nullopt;
            }
            return make_float(float_floor_divide(left, right));
        case TokenKind::operator_percent:
            if (right == 0.0) {
                return std::nullopt;
            }
            return make_float(float_modulo(left, right));
        case TokenKind::operator_double_star:
            if (left == 0.0 && right < 0.0 && !std::isinf(right)) {
                return std::nullopt;
            }
            if (left < 0.0 && right != std::floor(right) && !std::isnan(right)) {
                // A complex result, which MicroPython does not fold.
                return std::nullopt;
            }
            return make_float(std::pow(left, right));
        default:
            return std::nullopt;
    }
}

std::optional<Number> fold_integers(TokenKind operator_token, const Number& left,
                                    const Number& right) {
    const number::BigInteger& a = left.integer;
    const number::BigInteger& b = right.integer;
    switch (operator_token) {
        case TokenKind::operator_pipe:
            return make_integer(a | b);
        case TokenKind::operator_caret:
            return make_integer(a ^ b);
        case TokenKind::operator_ampersand:
            return make_integer(a & b);
        case TokenKind::operator_plus:
            return make_integer(a + b);
        case TokenKind::operator_minus:
            return make_integer(a - b);
        case TokenKind::operator_star:
            if (a.bit_length() + b.bit_length() > max_folded_bits) {
                return std::nullopt;
            }
            return make_integer(a * b);
        case TokenKind::operator_double_less:
            if (b.is_negative() || !b.fits_in_int64() ||
                a.bit_length() + static_cast<std::uint64_t>(b.to_int64()) > max_folded_bits) {
                return std::nullopt;
            }
            return make_integer(a << static_cast<std::uint64_t>(b.to_int64()));
        case TokenKind::operator_double_more:
            if (b.is_negative()) {
                return std::nullopt;
            }
            if (!b.fits_in_int64()) {
                return make_integer(a.is_negative() ? number::BigInteger::from_int64(-1)
                                                    : number::BigInteger());
            }
            return make_integer(a >> static_cast<std::uint64_t>(b.to_int64()));
        case TokenKind::operator_double_slash: {
            auto quotient = number::floor_divide(a, b);
            if (!quotient.ok()) {
                return std::nullopt;
            }
            return make_integer(std::move(quotient.value()));
        }
        case TokenKind::operator_percent: {
            auto remainder = number::modulo(a, b);
            if (!remainder.ok()) {
                return std::nullopt;
            }
            return make_integer(std::move(remainder.value()));
        }
        case TokenKind::operator_slash:
            // MicroPython divides ints as floats.
            if (b.is_zero()) {
                return std::nullopt;
            }
            return make_float(a.to_double() / b.to_double());
        case TokenKind::operator_double_star: {
            if (b.is_negative()) {
                return fold_float(operator_token, a.to_double(), b.to_double());
            }
            if (!b.fits_in_int64()) {
                return std::nullopt;
            }
            auto exponent = static_cast<std::uint64_t>(b.to_int64());
            std::uint64_t base_bits = a.bit_length();
            if (base_bits > 1 && exponent > max_folded_bits / (base_bits - 1)) {
                return std::nullopt;
            }
            return make_integer(number::power(a, exponent));
        }
        default:
            return std::nullopt;
    }
}

}  // namespace

std::optional<Number> fold_binary(TokenKind operator_token, const Number& left,
                                  const Number& right) {
    if (left.is_float || right.is_float) {
        return fold_float(operator_token, as_double(left), as_double(right));
    }
    return fold_integers(operator_token, left, right);
}

std::optional<Number> fold_unary(TokenKind operator_token, const Number& operand) {
    switch (operator_token) {
        case TokenKind::operator_plus:
            return operand;
        case TokenKind::operator_minus:
            if (operand.is_float) {
                return make_float(-operand.value);
            }
            return make_integer(-operand.integer, operand.big);
        case TokenKind::operator_tilde:
            if (operand.is_float) {
                return std::nullopt;
            }
            return make_integer(~operand.integer, operand.big);
        default:
            return std::nullopt;
    }
}

}  // namespace xipy::compiler
