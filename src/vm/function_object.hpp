// Python functions: a raw code from an image, its defaults and its closure.
#pragma once

#include <cstdint>

#include "image/format.hpp"
#include "image/image.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"
#include "vm/module_context.hpp"

namespace xipy::vm {

extern const object::Type function_type;

// A function made by MAKE_FUNCTION / MAKE_CLOSURE.
// Invariants: `code` points into context->image and `context` outlives the
// function; `defaults` is a tuple or empty; `keyword_defaults` a dict or
// empty; `closure` a tuple of cells (passed as the first positional
// arguments, as MicroPython's compiler expects) or empty. `verified` is true once `code` is
// known to have passed the verifier (ModuleContext::is_verified()); every path that starts a
// frame checks it first, so no instruction of unverified code runs.
struct FunctionObject : object::Object {
    const image::RawCode* code;
    ModuleContext* context;
    object::Value defaults;
    object::Value keyword_defaults;
    object::Value closure;
    std::uint32_t name;
    bool verified = false;  // sits in the padding after `name`: the object grows by nothing

    FunctionObject(const image::RawCode* raw_code, ModuleContext* module, std::uint32_t name_id)
        : object::Object(&function_type), code(raw_code), context(module), name(name_id) {}

    bool is_generator() const {
        return (code->prelude.scope_flags & image::format::scope_flag_generator) != 0;
    }
};

// Inline: every Python call asks both.
inline bool is_function(object::Value value) {
    return value.is_object() && value.as_object()->type() == &function_type;
}
inline FunctionObject* as_function(object::Value value) {
    return static_cast<FunctionObject*>(value.as_object());
}

}  // namespace xipy::vm
