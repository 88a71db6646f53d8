// CompiledModule: everything a .mpy file holds, as the emitter leaves it for the writer.
#pragma once

#include <cstdint>

#include "compiler/constant_table.hpp"
#include "compiler/qstr_table.hpp"
#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// What the .mpy header's small-int byte says when no option changes it: mpy-cross's default,
// the width of a small int on the 32-bit hosts it targets (its -msmall-int-bits option).
inline constexpr std::uint8_t default_small_int_bits = 31;

// One raw code: a function, class body, comprehension or the module's outer code.
//
// Invariants once an Emitter has finished it: `function_data` is the prelude, code info,
// closure cells and bytecode exactly as stored in the file; `children` are indices into
// CompiledModule::codes, in the order the bytecode's MAKE_FUNCTION/MAKE_CLOSURE operands
// number them.
struct CompiledCode {
    Vector<std::uint8_t> function_data;
    Vector<std::uint32_t> children;
};

// A whole module. codes[0] is the outer code; every other code is the child of exactly one
// code. The tables are shared by all codes, as in .mpy v6.
struct CompiledModule {
    explicit CompiledModule(std::string_view source_file) : qstrs(source_file) {}

    std::uint8_t small_int_bits = default_small_int_bits;
    QstrTable qstrs;
    ConstantTable constants;
    Vector<CompiledCode> codes;

    // A new, empty code; its index stays valid as more are added.
    std::uint32_t add_code() {
        codes.emplace_back();
        return static_cast<std::uint32_t>(codes.size() - 1);
    }
};

}  // namespace xipy::compiler
