// Constant folding: the arithmetic MicroPython's parser does on int and float literals.
#pragma once

#include <optional>

#include "compiler/token.hpp"
#include "number/big_integer.hpp"

namespace xipy::compiler {

// An int or a float operand or result.
struct Number {
    bool is_float = false;
    // A big int object (not a small int). MicroPython's binary operations on big ints give
    // a small int when the result fits, but its unary ones keep a big int object.
    bool big = false;
    number::BigInteger integer;
    double value = 0.0;
};

// `left OPERATOR right` for a binary operator token (| ^ & << >> + - * @ // / % **), as
// MicroPython computes it. Empty when MicroPython would raise (division by zero, negative
// shift, a type error such as a float with |, a complex result) and so leaves the
// expression unfolded; also empty when an int result would exceed a size bound, so a
// hostile `2**10**10` cannot exhaust memory.
std::optional<Number> fold_binary(TokenKind operator_token, const Number& left,
                                  const Number& right);

// `OPERATOR operand` for + - ~; empty for ~ on a float.
std::optional<Number> fold_unary(TokenKind operator_token, const Number& operand);

}  // namespace xipy::compiler
