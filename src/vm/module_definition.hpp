// ModuleDefinition: a built-in module as constant data, and what its native code may ask of the VM.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gc/cell.hpp"
#include "object/native_function.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"
#include "vm/frame.hpp"
#include "vm/host_services.hpp"
#include "vm/module_source.hpp"

namespace xipy::vm {

// A module implemented in C++. The definition is constant data that every VM shares; each VM
// builds its own module object from it on the first `import` of `name` and keeps that object
// for its lifetime (also in sys.modules). Built-in modules and the builtins namespace are
// declared this way, and so are a host's native modules (the api layer adds them with
// add_module()).
//
// Building a module: its globals get `__name__`, then `functions`, then `objects` (in table
// order), then whatever `initialise` stores. The tables hold fixed interned-name ids and
// static objects, so they need no per-VM work; `initialise` makes what must exist once per
// VM (sys.argv, sys.stdin, numbers that may need the heap on 32-bit hosts).
//
// Per-VM state: when `state_size` is not zero, the VM allocates that many bytes (aligned for
// any type) on its own heap before `initialise` runs, so the state counts against the heap
// limit and lives as long as the VM. The bytes start zeroed; `initialise` constructs the state
// in them (placement new). The state must be trivially destructible, as a heap cell has no
// destructor; `trace_state` marks any heap references it holds. Native functions of the
// module reach it with module_state().
struct ModuleDefinition {
    std::uint32_t name;
    std::span<const object::NativeFunction> functions = {};
    std::span<const object::Attribute> objects = {};
    // Stores the per-VM members into `globals` (a dict); `state` is null when state_size is 0.
    // False with the exception pending when it fails.
    bool (*initialise)(object::Runtime& runtime, object::Value globals, void* state) = nullptr;
    std::size_t state_size = 0;
    void (*trace_state)(void* state, gc::Tracer& tracer) = nullptr;
    // As MicroPython's extensible modules: a file of the same name on sys.path is imported
    // instead (json.py shadows json). The others (sys, math, gc) are found before any file.
    bool extensible = false;
    // `u` + name imports this module too (ujson is json), whatever sys.path holds.
    bool u_alias = false;
    // Members Python code may rebind although the module is otherwise read-only.
    std::span<const std::uint32_t> settable_names = {};
};

// Which built-in modules a lookup may return (Interpreter::find_builtin_module): any, those
// found before files, those found after them, those `u` + name finds.
enum class BuiltinLookup : std::uint8_t { any, fixed, extensible, u_alias };

// What Python source is compiled as, as MicroPython's parse input kinds: a module (`file`),
// one REPL statement whose expression statements print their value (`single`) or one
// expression whose value the code returns (`eval`).
enum class SourceKind : std::uint8_t { file, single, eval };

// The compiler a VM may be given (the modules layer's, modules::compile_to_image): `source` to
// a bytes object on the VM's heap holding the .mpy image, whose code records `source_name` as
// its file; empty with the exception pending (SyntaxError, IndentationError, MemoryError...,
// with a traceback entry naming the file and line) when it does not compile.
using SourceCompiler = object::Value (*)(object::Runtime& runtime, std::string_view source,
                                         std::string_view source_name, SourceKind kind);
// The NotImplementedError's message when source is to run on a VM without a compiler.
inline constexpr std::string_view no_compiler_message = "this VM has no Python compiler";

// Everything a VM is given about modules, all constant data:
// - `builtins`: the builtins namespace; its members fill the dict that name lookups fall
//   back to (it is not itself importable).
// - `modules`: the modules `import` finds by name, in no particular order.
// - `names`: the fixed interned names that the definitions' tables use beyond the object
//   layer's own (see object::AppendedNames).
// - `compiler`: what turns Python source into images (imports of .py files, exec, the REPL);
//   null when the VM has none, and .py files then cannot be imported.
// - `frozen`: modules written in Python and linked into the runtime as .mpy (asyncio), run in
//   place. `import` finds them by name when sys.path has no module of that name, as
//   MicroPython finds its frozen modules after the folders before ".frozen" in sys.path.
struct ModuleRegistry {
    const ModuleDefinition* builtins = nullptr;
    std::span<const ModuleDefinition* const> modules;
    object::AppendedNames names;
    SourceCompiler compiler = nullptr;
    std::span<const FrozenModule> frozen;
};

// ---- What native module code may ask of the VM that calls it. The Runtime a native function
// receives is always a VM's, so these work from any native function.

// The host services the VM was granted; modules check them before touching the host.
const HostServices& host_services(object::Runtime& runtime);
// The program's arguments (sys.argv), as the host gave them.
std::span<const std::string> program_arguments(object::Runtime& runtime);
// micropython.schedule: queues function(argument) to run at the next backward jump; false
// when the queue is full.
bool schedule_callback(object::Runtime& runtime, object::Value function, object::Value argument);
// The innermost Python frame, or null.
Frame* current_frame(object::Runtime& runtime);
// The exception being handled by the innermost running except or finally body, or empty.
object::Value handled_exception(object::Runtime& runtime);
// sys.atexit: sets the function called when the program ends; returns the previous one (None).
object::Value set_exit_function(object::Runtime& runtime, object::Value function);
// The per-VM state of `definition`'s module (see ModuleDefinition); null before the module
// was first imported in this VM or when it has no state.
void* module_state(object::Runtime& runtime, const ModuleDefinition& definition);

// Adds a host's module to this VM after its creation, to be built on its first `import` like
// the registry's modules; `definition` must outlive the VM. A name the registry also has is
// found there first. This is the hook the embedding API registers native modules through.
void add_module(object::Runtime& runtime, const ModuleDefinition& definition);

// The globals of __main__, which every run of the VM shares; made (holding just __name__) when
// no run made them yet. Empty on MemoryError.
object::Value main_globals(object::Runtime& runtime);

// ---- Running compiled code (exec, eval, compile): images held in heap bytes objects.

// Loads and verifies the .mpy image held by the bytes object `image`, with memory from the
// VM's heap. The context (and through it the bytes) lives as long as the VM, as every loaded
// image's does, since functions made from it may run at any later time; a `transient` one
// (exec or eval of a string) may be released after its run with release_code(). Null with
// the exception pending (ValueError for an image the loader or verifier rejects, MemoryError).
ModuleContext* load_code(object::Runtime& runtime, object::Value image, bool transient = false);
// Frees a transient context after its run when no function can have been made from it (its
// image holds only the outer code), so exec and eval in a loop do not fill the heap; true if
// it did. The context must not be used afterwards.
bool release_code(object::Runtime& runtime, ModuleContext* context);
// Runs a loaded image's outer code with `globals` (which the image's functions then see too,
// as in MicroPython) and `locals` (the dict its module-level names go to); returns what the
// code returns (None for a module, the value for eval input), or empty when it raised.
object::Result<object::Value> run_code(object::Runtime& runtime, ModuleContext* context,
                                       object::Value globals, object::Value locals);
// The globals and locals dicts of the running code, which eval and exec default to: the
// innermost frame's (locals are its globals in a function); empty when nothing runs.
object::Value current_globals(object::Runtime& runtime);
object::Value current_locals(object::Runtime& runtime);
// The compiler the VM was given (ModuleRegistry::compiler), or null.
SourceCompiler source_compiler(object::Runtime& runtime);

// The builtins that need the interpreter's frames: __build_class__, globals, locals, dir and
// __import__ (builtins_vm.cpp), for the builtins definition to list.
std::span<const object::Attribute> vm_builtins();

template <class State>
State& module_state(object::Runtime& runtime, const ModuleDefinition& definition) {
    return *static_cast<State*>(module_state(runtime, definition));
}

}  // namespace xipy::vm
