// module objects: a name and a dict of globals.
#pragma once

#include <cstdint>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type module_type;

struct ModuleObject : Object {
    std::uint32_t name;
    Value globals;

    ModuleObject(std::uint32_t module_name, Value dict)
        : Object(&module_type), name(module_name), globals(dict) {}
};

Value make_module(Runtime& runtime, std::uint32_t name, Value globals);

}  // namespace xipy::object
