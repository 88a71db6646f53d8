// compile_to_image(): the compiler layer behind a VM's SourceCompiler, for imports, exec and the
// REPL.
#pragma once

#include <string_view>

#include "object/runtime.hpp"
#include "object/value.hpp"
#include "vm/module_definition.hpp"

namespace xipy::modules {

// Compiles `source` as mpy-cross would into a .mpy image held in a new bytes object on the
// VM's heap (so the image counts against the heap limit and lives while its code can run).
// The compiler may hold at most what the heap has left. A source that does not compile
// raises SyntaxError, IndentationError, NotImplementedError or MemoryError with MicroPython's
// message and, when it names one, a traceback entry for `source_name` and the line.
object::Value compile_to_image(object::Runtime& runtime, std::string_view source,
                               std::string_view source_name, vm::SourceKind kind);

}  // namespace xipy::modules
