// Writes a CompiledModule as a .mpy v6 file, byte for byte as mpy-cross does.
#pragma once

#include <cstdint>

#include "compiler/compiled_module.hpp"
#include "compiler/working_memory.hpp"
#include "support/result.hpp"

namespace xipy::compiler {

// The whole file: header, qstr table (static qstrs by id), constant table, then the raw codes
// depth first from codes[0]. Fails when a code is referenced as a child twice, never, or
// from outside the module, since the file could not say so.
support::Result<Vector<std::uint8_t>> write_mpy(const CompiledModule& module);

}  // namespace xipy::compiler
