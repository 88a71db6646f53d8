// QstrTable: a module's table of interned names, numbered in order of first use as mpy-cross does.
#pragma once

#include <cstdint>
#include <string_view>

#include "compiler/working_memory.hpp"

namespace xipy::compiler {

// The qstr table of one module. Bytecode and preludes refer to a qstr by its index here; the
// writer stores each entry either as a static qstr id (image/static_qstrs.hpp) or inline.
//
// Invariants: index 0 is the source file name (mpy-cross uses it first); every text appears
// once; an index, once given, never changes. MicroPython numbers a qstr the first time any
// emitter pass uses it (py/emitcommon.c), so the order of use() calls is the table's order.
class QstrTable {
  public:
    explicit QstrTable(std::string_view source_file);

    // The index of `text`, added at the end if it is new.
    std::uint32_t use(std::string_view text);

    std::size_t size() const { return texts_.size(); }
    // Precondition: index < size().
    const Text& text(std::size_t index) const { return texts_[index]; }

  private:
    Vector<Text> texts_;
    TextMap<std::uint32_t> indices_;
};

}  // namespace xipy::compiler
