// module objects: a name and a dict of globals.
#pragma once

#include <cstdint>
#include <span>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type module_type;

struct ModuleObject : Object {
    std::uint32_t name;
    Value globals;
    // Python code may store and delete the module's attributes: true for modules whose code
    // is Python (__main__, imported images) and for `builtins`; false for the other built-in
    // modules, which are constant tables in MicroPython.
    bool writable;
    // Names Python code may rebind even when the module is not writable, as MicroPython's
    // sys.ps1 and sys.ps2 (constant data, from the module's definition).
    std::span<const std::uint32_t> settable_names;

    ModuleObject(std::uint32_t module_name, Value dict, bool is_writable)
        : Object(&module_type), name(module_name), globals(dict), writable(is_writable) {}
};

enum class ModuleAccess : std::uint8_t { read_only, writable };

Result<Value> make_module(Runtime& runtime, std::uint32_t name, Value globals, ModuleAccess access);

}  // namespace xipy::object
