// Parser: Python source to a ParseTree shaped as MicroPython 1.29's, with its constant folding.
#pragma once

#include <cstddef>
#include <string_view>
#include <variant>

#include "compiler/compiled_module.hpp"
#include "compiler/parse_tree.hpp"
#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// The Python exception a compile error becomes.
enum class CompileErrorKind : std::uint8_t {
    syntax_error,
    indentation_error,
    not_implemented_error,
    memory_error,
    // "bytecode overflow": a jump too far for the two-byte form.
    runtime_error,
};

// Why source did not compile, in MicroPython's words, and the 1-based line it reports
// (0 when MicroPython reports none, as for NotImplementedError from the lexer).
struct CompileError {
    CompileErrorKind kind = CompileErrorKind::syntax_error;
    Text message;
    std::size_t line = 0;
    // The function, class or "<module>" the compile pass was in; empty for errors found while
    // parsing, which MicroPython reports without one.
    Text scope = {};
};

// "SyntaxError", "IndentationError", ...
std::string_view compile_error_type(CompileErrorKind kind);

// The start symbol, as MicroPython's parse input kinds.
enum class InputKind : std::uint8_t { file, single, eval };

struct ParseOptions {
    InputKind input = InputKind::file;
    // mpy-cross's -O level: above 0, `__debug__` reads as False.
    unsigned optimisation = 0;
    // The target's small-int width (mpy-cross's -msmall-int-bits): an integer literal beyond
    // it is a constant node with the literal's line, as in MicroPython's parser, so the
    // compile pass moves the line on when it loads it.
    std::uint8_t small_int_bits = default_small_int_bits;
    // The most the parser may hold (its stacks and the tree), in approximate bytes; beyond
    // it parsing fails with MemoryError. Bounds memory whatever the input's nesting.
    std::size_t memory_limit = std::size_t{64} << 20;
    // The most rules being matched at once, which grows with the input's nesting. Beyond it
    // parsing fails with MemoryError, near where mpy-cross's heap gives out (brackets
    // nested about 6,000 deep), so the tree stays shallow enough for the compile pass.
    std::size_t max_rule_depth = 120000;
    // The name the compiled file records (mpy-cross's -s); interned before parsing, as there.
    std::string_view source_name = {};
};

class [[nodiscard]] ParseResult {
  public:
    ParseResult(ParseTree tree) : state_(std::move(tree)) {}
    ParseResult(CompileError error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    ParseTree& tree() { return std::get<0>(state_); }
    const CompileError& error() const { return std::get<1>(state_); }

  private:
    std::variant<ParseTree, CompileError> state_;
};

// Parses `source` as mpy-cross 1.29 does before compiling: the tree's shape, its folded
// constants, `const()` substitutions and dropped lone expressions (docstrings) all match
// MicroPython's. The parse never recurses on the C++ stack, so any nesting is safe.
ParseResult parse(std::string_view source, const ParseOptions& options = {});

}  // namespace xipy::compiler
