// The standard modules and the builtins namespace, as module definitions, and their registry.
#pragma once

#include <span>

#include "object/object.hpp"
#include "object/value.hpp"
#include "vm/module_definition.hpp"

namespace xipy::modules {

// Every module xipy offers to `import`, the builtins namespace and the names they use: what a
// VM is created with (api/vm_api.cpp passes it in VmConfig::modules). Constant data.
const vm::ModuleRegistry& standard_modules();

// The modules written in Python that the runtime carries as .mpy (src/modules/frozen/): the
// registry's `frozen` table, generated at build time by xipy_freeze.
std::span<const vm::FrozenModule> runtime_frozen_modules();

// One definition per module, each in its own file (math and cmath share math.cpp).
extern const vm::ModuleDefinition builtins_module;  // builtins.cpp
extern const vm::ModuleDefinition array_module;     // registry.cpp: just the array type
extern const vm::ModuleDefinition binascii_module;
extern const vm::ModuleDefinition cmath_module;
extern const vm::ModuleDefinition collections_module;
extern const vm::ModuleDefinition errno_module;
extern const vm::ModuleDefinition deflate_module;
extern const vm::ModuleDefinition framebuf_module;
extern const vm::ModuleDefinition gc_module;
extern const vm::ModuleDefinition hashlib_module;
extern const vm::ModuleDefinition heapq_module;
extern const vm::ModuleDefinition io_module;
extern const vm::ModuleDefinition json_module;
extern const vm::ModuleDefinition machine_module;
extern const vm::ModuleDefinition math_module;
extern const vm::ModuleDefinition micropython_module;
extern const vm::ModuleDefinition os_module;
extern const vm::ModuleDefinition platform_module;
extern const vm::ModuleDefinition random_module;
extern const vm::ModuleDefinition re_module;
extern const vm::ModuleDefinition struct_module;
extern const vm::ModuleDefinition sys_module;
extern const vm::ModuleDefinition time_module;
#if XIPY_THREADS
extern const vm::ModuleDefinition thread_module;  // _thread
#endif
extern const vm::ModuleDefinition uctypes_module;
#if XIPY_HOSTED
// Only where the host has sockets (POSIX), not on bare metal.
extern const vm::ModuleDefinition select_module;
extern const vm::ModuleDefinition socket_module;
#endif
extern const vm::ModuleDefinition vfs_module;  // vfs.cpp: VfsRom, mount, umount

// The builtins that live with the modules: open() (os.cpp), input() (builtins_input.cpp) and
// compile(), eval(), exec() (builtins_compile.cpp).
std::span<const object::Attribute> file_builtins();
std::span<const object::Attribute> input_builtins();
std::span<const object::Attribute> compile_builtins();

// What micropython.opt_level() was last set to (0 to 3), which compiling source uses as
// mpy-cross's -O (micropython.cpp).
unsigned optimisation_level(object::Runtime& runtime);

// namedtuple(name, field_spec) as Python calls it; sys.implementation is one (collections.cpp).
object::Result<object::Value> make_named_tuple_type(object::Runtime& runtime, object::Value name,
                                                    object::Value field_spec);

}  // namespace xipy::modules
