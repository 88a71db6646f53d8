// Parser: trees, folding, errors and limits, against MicroPython 1.29's output.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "compiler/parser.hpp"

namespace xipy::compiler {
namespace {

std::string dump_of(std::string_view source) {
    ParseResult result = parse(source);
    if (!result.ok()) {
        return std::string(compile_error_type(result.error().kind)) + ": " +
               std::string(result.error().message);
    }
    return std::string(dump_parse_tree(result.tree()));
}

CompileError error_of(std::string_view source, const ParseOptions& options = {}) {
    ParseResult result = parse(source, options);
    EXPECT_FALSE(result.ok());
    return result.ok() ? CompileError{} : result.error();
}

// The expected dumps below are MicroPython 1.29's (`micropython -v -v -v -X compile-only`),
// with constant addresses replaced by '*'.

TEST(Parser, FunctionWithConstantsAndComprehension) {
    const char* source =
        "from micropython import const\n_N = const(4)\nM = const(_N * 2)\n\n"
        "def f(a, *b, c=_N, **d):\n    \"\"\"doc\"\"\"\n"
        "    return [i ** 2 for i in b if i] or (a, -M, 1 / 2)\n";
    const char* expected = R"([   1] file_input_2(1) (n=4)
[   1]   import_from(15) (n=2)
           id(micropython)
[   1]     import_as_name(103) (n=2)
             id(const)
             NULL
[   0]   pass_stmt(8) (n=0)
[   3]   expr_stmt(5) (n=2)
           id(M)
           int(8)
[   5]   funcdef(3) (n=5)
           id(f)
[   5]     typedargslist(70) (n=4)
             id(a)
[   5]       typedargslist_star(73) (n=1)
[   5]         tfpdef(75) (n=2)
                 id(b)
                 NULL
[   5]       typedargslist_name(72) (n=3)
               id(c)
               NULL
               int(4)
[   5]       typedargslist_dbl_star(74) (n=2)
               id(d)
               NULL
           NULL
[   6]     suite_block_stmts(25) (n=2)
[   6]       pass_stmt(8) (n=0)
[   7]       return_stmt(11) (n=1)
[   7]         or_test(30) (n=2)
[   7]           atom_bracket(46) (n=1)
[   7]             testlist_comp(146) (n=2)
[   7]               power(42) (n=2)
                       id(i)
                       int(2)
[   7]               comp_for(172) (n=4)
                       id(i)
                       id(b)
[   7]                 comp_if(173) (n=2)
                         id(i)
                         NULL
                       NULL
[   7]           atom_paren(45) (n=1)
[   7]             testlist_comp(146) (n=3)
                     id(a)
                     int(-8)
[   0]               literal const(*)=0.5
           NULL
)";
    EXPECT_EQ(dump_of(source), expected);
}

TEST(Parser, ClassWithAnnotationDecoratorAndFString) {
    const char* source =
        "class C(B, metaclass=T):\n    x: int = 1\n    @property\n    def y(self):\n"
        "        return f\"{self.x!r:>{_w}} {{z}}\"\n";
    const char* expected = R"([   1] classdef(56) (n=4)
         id(C)
[   1]   arglist(164) (n=2)
           id(B)
[   1]     argument(168) (n=2)
             id(metaclass)
             id(T)
[   2]   suite_block_stmts(25) (n=2)
[   2]     expr_stmt(5) (n=2)
             id(x)
[   2]       annassign(91) (n=2)
               id(int)
               int(1)
[   3]     decorated(2) (n=2)
[   3]       decorator(65) (n=2)
               id(property)
               NULL
[   4]       funcdef(3) (n=5)
               id(y)
               id(self)
               NULL
[   5]         return_stmt(11) (n=1)
[   5]           atom_expr_normal(44) (n=2)
[   5]             literal const(*)='{!r:>{}} {{z}}'
[   5]             atom_expr_trailers(142) (n=2)
[   5]               trailer_period(50) (n=1)
                       id(format)
[   5]               trailer_paren(48) (n=1)
[   5]                 arglist(164) (n=2)
[   5]                   atom_expr_normal(44) (n=2)
                           id(self)
[   5]                     trailer_period(50) (n=1)
                             id(x)
                         id(_w)
               NULL
         NULL
)";
    EXPECT_EQ(dump_of(source), expected);
}

TEST(Parser, FoldsNumbersTuplesAndLogic) {
    const char* source =
        "a = 2 ** 100\nb = 7 // 0\nc = (1, 'x', None, (2,))\nd = 0 or x\ne = not ()\n"
        "f = -(1 << 62)\ng = 1.5 % -1\nh = ~2.0\ni = math.pi\n";
    const char* expected = R"([   1] file_input_2(1) (n=9)
[   1]   expr_stmt(5) (n=2)
           id(a)
[   0]     literal const(*)=1267650600228229401496703205376
[   2]   expr_stmt(5) (n=2)
           id(b)
[   2]     term(40) (n=3)
             int(7)
             tok(67)
             int(0)
[   3]   expr_stmt(5) (n=2)
           id(c)
[   3]     literal const(*)=(1, 'x', None, (2,))
[   4]   expr_stmt(5) (n=2)
           id(d)
           id(x)
[   5]   expr_stmt(5) (n=2)
           id(e)
           tok(16)
[   6]   expr_stmt(5) (n=2)
           id(f)
[   0]     literal const(*)=-4611686018427387904
[   7]   expr_stmt(5) (n=2)
           id(g)
[   0]     literal const(*)=-0.5
[   8]   expr_stmt(5) (n=2)
           id(h)
[   8]     factor_2(41) (n=2)
             tok(51)
[   8]       literal const(*)=2.0
[   9]   expr_stmt(5) (n=2)
           id(i)
[   0]     literal const(*)=3.141592653589793
)";
    EXPECT_EQ(dump_of(source), expected);
}

TEST(Parser, EmptySourceHasAnEmptyFileInput) {
    EXPECT_EQ(dump_of(""), "[   1] file_input(0) (n=1)\n         NULL\n");
}

TEST(Parser, ReportsErrorsWithMicroPythonsTextAndLine) {
    CompileError error = error_of("x = (\n");
    EXPECT_EQ(error.kind, CompileErrorKind::syntax_error);
    EXPECT_EQ(error.message, "invalid syntax");
    EXPECT_EQ(error.line, 2u);

    error = error_of("if 1:\n    x\n  y\n");
    EXPECT_EQ(error.kind, CompileErrorKind::indentation_error);
    EXPECT_EQ(error.message, "unindent doesn't match any outer indent level");
    EXPECT_EQ(error.line, 2u);  // the line of the NEWLINE token that carries the dedent

    error = error_of(" x = 1\n");
    EXPECT_EQ(error.kind, CompileErrorKind::indentation_error);
    EXPECT_EQ(error.message, "unexpected indent");

    error = error_of("x = 1if y else 2\n");
    EXPECT_EQ(error.message, "invalid syntax for integer with base 10: '1if'");

    error = error_of("X = const(f())\n");
    EXPECT_EQ(error.message, "not a constant");

    error = error_of("s = f\"{}\"\n");
    EXPECT_EQ(error.message, "malformed f-string");

    error = error_of("s = '\\N{DASH}'\n");
    EXPECT_EQ(error.kind, CompileErrorKind::not_implemented_error);
    EXPECT_EQ(error.message, "unicode name escapes");
    EXPECT_EQ(error.line, 0u);
}

TEST(Parser, DeepNestingFailsWithMemoryErrorInsteadOfOverflowing) {
    std::string source = "x = " + std::string(200000, '[') + std::string(200000, ']') + "\n";
    CompileError error = error_of(source);
    EXPECT_EQ(error.kind, CompileErrorKind::memory_error);

    // A shallower tree parses, and its dump does not recurse either.
    std::string nested = "x = " + std::string(3000, '(') + "y" + std::string(3000, ')') + "\n";
    EXPECT_TRUE(parse(nested).ok());
    std::string unary = "x = " + std::string(2000, '-') + "y\n";
    ParseResult result = parse(unary);
    ASSERT_TRUE(result.ok());
    EXPECT_FALSE(dump_parse_tree(result.tree()).empty());
}

TEST(Parser, MemoryLimitBoundsTheTree) {
    std::string source;
    for (int index = 0; index < 20000; ++index) {
        source += "a_" + std::to_string(index) + " = b + c * d\n";
    }
    ParseOptions options;
    options.memory_limit = 64 * 1024;
    EXPECT_EQ(error_of(source, options).kind, CompileErrorKind::memory_error);
    EXPECT_TRUE(parse(source).ok());
}

TEST(Parser, SurvivesRandomInput) {
    // Hostile bytes and token soup: each input parses or fails cleanly.
    std::mt19937 generator(1234);
    const std::string pieces[] = {"(",  ")",  "[",   "]",    "{",  "}",    "f\"{",   "\"",
                                  "'",  "\\", "\n",  "    ", "\t", "def ", "x",      "1",
                                  "0x", "1e", ":",   "=",    "*",  "**",   "lambda", "const(",
                                  ",",  ".",  "...", "#",    "\r", "\xff"};
    for (int round = 0; round < 3000; ++round) {
        std::string source;
        std::size_t length = generator() % 40;
        for (std::size_t index = 0; index < length; ++index) {
            if (generator() % 4 == 0) {
                source.push_back(static_cast<char>(generator() % 256));
            } else {
                source += pieces[generator() % std::size(pieces)];
            }
        }
        ParseResult result = parse(source);
        if (result.ok()) {
            EXPECT_FALSE(dump_parse_tree(result.tree()).empty());
        } else {
            EXPECT_FALSE(result.error().message.empty());
        }
    }
}

}  // namespace
}  // namespace xipy::compiler
