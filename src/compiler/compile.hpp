// compile_source(): Python source to a .mpy v6 file, as MicroPython 1.29's mpy-cross compiles it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "compiler/compiled_module.hpp"
#include "compiler/parser.hpp"
#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// mpy-cross's options, with its defaults.
struct CompileOptions {
    // file (a module), single (one REPL statement: expression statements print their value
    // through __repl_print__) or eval (one expression, whose value the code returns).
    InputKind input = InputKind::file;
    // -O level: above 0 `__debug__` is False and asserts are dropped; at 3 no line table.
    unsigned optimisation = 0;
    // -msmall-int-bits: the small-int width the .mpy header records and constants use.
    std::uint8_t small_int_bits = default_small_int_bits;
    // mpy-cross's -X no-source-lines: no line table, whatever the -O level.
    bool source_lines = true;
    // The most the parser and the compile pass may hold, in approximate bytes; beyond it
    // compiling fails with MemoryError. A VM passes what its heap has left.
    std::size_t memory_limit = std::size_t{64} << 20;
    // The most C++ stack the compile pass may take for its walk, which nests with the source
    // (expressions in expressions, blocks in blocks); deeper source fails with RuntimeError
    // "maximum recursion depth exceeded". A host calling on a small thread stack lowers it.
    std::size_t stack_limit = std::size_t{1} << 20;
};

// The .mpy file's bytes, or why the source did not compile (SyntaxError, IndentationError,
// MemoryError, ... with MicroPython's message and line). Both live in scratch memory
// (working_memory.hpp): a caller inside a VM run copies what it keeps before the run ends.
class [[nodiscard]] CompileResult {
  public:
    CompileResult(Vector<std::uint8_t> image) : state_(std::move(image)) {}
    CompileResult(CompileError error) : state_(std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    Vector<std::uint8_t>& image() { return std::get<0>(state_); }
    const CompileError& error() const { return std::get<1>(state_); }

  private:
    std::variant<Vector<std::uint8_t>, CompileError> state_;
};

// Compiles `source`; `source_name` is the name the file records (qstr 0), as mpy-cross's
// -s option sets it ("<stdin>", "<string>" or a path). Never crashes and never recurses on
// the C++ stack without bound, whatever the input.
CompileResult compile_source(std::string_view source, std::string_view source_name,
                             const CompileOptions& options = {});

}  // namespace xipy::compiler
