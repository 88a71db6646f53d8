// The built-in functions and types that the object layer provides, as constant tables.
#pragma once

#include <span>

#include "object/object.hpp"

namespace xipy::object {

// Each table lists (name, object) pairs for the builtins module; the vm
// layer copies them into every VM's builtins dict, next to its own.
std::span<const Attribute> core_builtins();       // builtins_core.cpp
std::span<const Attribute> iteration_builtins();  // builtins_iteration.cpp
std::span<const Attribute> type_builtins();       // builtins_types.cpp
std::span<const Attribute> io_builtins();         // builtins_io.cpp

// dir(x) as MicroPython's: the names whose lookup on x succeeds, in qstr order
// (builtins_dir.cpp). dir() without argument needs frames: vm/builtins_vm.cpp.
Result<Value> directory_of(Runtime& runtime, Value object);

// sys.stdout and sys.stderr: constant stream objects with a write() method.
extern const Type text_stream_type;
const Object* standard_output_stream();
const Object* standard_error_stream();

}  // namespace xipy::object
