// The kinds of token the lexer produces, numbered as MicroPython 1.29 numbers them.
#pragma once

#include <cstdint>
#include <string_view>

namespace xipy::compiler {

// The numbering is part of the parse tree's contract: a token leaf (an operator inside an
// arith_expr, say) prints as tok(N) in MicroPython's parse-tree dump, and the comparison
// tool checks our dump against it. The operator groups follow MicroPython's binary
// operator order, so `first_binary_operator + offset` maps a token to its operation.
enum class TokenKind : std::uint8_t {
    end,
    invalid,
    dedent_mismatch,
    lonely_string_open,
    malformed_fstring,

    newline,
    indent,
    dedent,

    name,
    integer,
    float_or_imaginary,
    string,
    bytes,

    ellipsis,

    keyword_false,
    keyword_none,
    keyword_true,
    keyword_debug,  // __debug__: never produced, the lexer turns it into True
    keyword_and,
    keyword_as,
    keyword_assert,
    keyword_async,
    keyword_await,
    keyword_break,
    keyword_class,
    keyword_continue,
    keyword_def,
    keyword_del,
    keyword_elif,
    keyword_else,
    keyword_except,
    keyword_finally,
    keyword_for,
    keyword_from,
    keyword_global,
    keyword_if,
    keyword_import,
    keyword_in,
    keyword_is,
    keyword_lambda,
    keyword_nonlocal,
    keyword_not,
    keyword_or,
    keyword_pass,
    keyword_raise,
    keyword_return,
    keyword_try,
    keyword_while,
    keyword_with,
    keyword_yield,

    operator_assign,  // :=
    operator_tilde,

    // Comparisons, in the order of the binary operations they become.
    operator_less,
    operator_more,
    operator_double_equal,
    operator_less_equal,
    operator_more_equal,
    operator_not_equal,

    // Binary operators, in the order of their operations.
    operator_pipe,
    operator_caret,
    operator_ampersand,
    operator_double_less,
    operator_double_more,
    operator_plus,
    operator_minus,
    operator_star,
    operator_at,
    operator_double_slash,
    operator_slash,
    operator_percent,
    operator_double_star,

    // Augmented assignments, in the same order as the binary operators above.
    delimiter_pipe_equal,
    delimiter_caret_equal,
    delimiter_ampersand_equal,
    delimiter_double_less_equal,
    delimiter_double_more_equal,
    delimiter_plus_equal,
    delimiter_minus_equal,
    delimiter_star_equal,
    delimiter_at_equal,
    delimiter_double_slash_equal,
    delimiter_slash_equal,
    delimiter_percent_equal,
    delimiter_double_star_equal,

    delimiter_paren_open,
    delimiter_paren_close,
    delimiter_bracket_open,
    delimiter_bracket_close,
    delimiter_brace_open,
    delimiter_brace_close,
    delimiter_comma,
    delimiter_colon,
    delimiter_period,
    delimiter_semicolon,
    delimiter_equal,
    delimiter_minus_more,  // ->
};

static_assert(static_cast<int>(TokenKind::ellipsis) == 13, "numbering as MicroPython 1.29");
static_assert(static_cast<int>(TokenKind::operator_less) == 52, "numbering as MicroPython 1.29");
static_assert(static_cast<int>(TokenKind::operator_plus) == 63, "numbering as MicroPython 1.29");

// The keywords in the lexer's (sorted) order, starting at TokenKind::keyword_false.
inline constexpr std::string_view keyword_spellings[] = {
    "False", "None",  "True",     "__debug__", "and",    "as",   "assert", "async",  "await",
    "break", "class", "continue", "def",       "del",    "elif", "else",   "except", "finally",
    "for",   "from",  "global",   "if",        "import", "in",   "is",     "lambda", "nonlocal",
    "not",   "or",    "pass",     "raise",     "return", "try",  "while",  "with",   "yield",
};
static_assert(std::size(keyword_spellings) ==
                  static_cast<std::size_t>(TokenKind::keyword_yield) -
                      static_cast<std::size_t>(TokenKind::keyword_false) + 1,
              "one spelling per keyword");

}  // namespace xipy::compiler
