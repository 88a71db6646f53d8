// Python functions: a raw code from an image, its defaults and its closure.
#pragma once

#include <cstdint>
#include <span>

#include "image/format.hpp"
#include "image/image.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"
#include "support/inline.hpp"
#include "vm/module_context.hpp"

namespace xipy::vm {

extern const object::Type function_type;

// A function made by MAKE_FUNCTION / MAKE_CLOSURE.
// Invariants: `code` points into context->image and `context` outlives the function. What
// only some functions have follows the object, each present only when it is: the defaults (a
// tuple) when `has_defaults`, the keyword defaults (a dict) when `has_keyword_defaults`, then
// `cell_count` closure cells (passed as the first positional arguments, as MicroPython's
// compiler expects); so a plain function is 32 bytes on a 64-bit host. `verified` is set
// once `code` is known to have passed the verifier (ModuleContext::is_verified()); every path
// that starts a frame checks it first, so no instruction of unverified code runs.
struct alignas(object::Value) FunctionObject : object::Object {
    static constexpr std::uint8_t verified = 1;
    static constexpr std::uint8_t has_defaults = 2;
    static constexpr std::uint8_t has_keyword_defaults = 4;
    // The first three sit in the padding at the end of the cell header.
    std::uint8_t flags = 0;
    std::uint8_t cell_count = 0;
    std::uint32_t name;
    const image::RawCode* code;
    ModuleContext* context;

    FunctionObject(const image::RawCode* raw_code, ModuleContext* module, std::uint32_t name_id,
                   std::uint8_t extras, std::uint8_t cells)
        : object::Object(&function_type),
          flags(extras),
          cell_count(cells),
          name(name_id),
          code(raw_code),
          context(module) {}

    // The bytes make() adds after the object for these extras.
    static std::size_t extra_bytes(std::uint8_t extras, std::size_t cells) {
        return (((extras & has_defaults) != 0 ? 1u : 0u) +
                ((extras & has_keyword_defaults) != 0 ? 1u : 0u) + cells) *
               sizeof(object::Value);
    }

    bool is_verified() const { return (flags & verified) != 0; }
    void set_verified() { flags |= verified; }
    object::Value defaults() const {
        return (flags & has_defaults) != 0 ? extras()[0] : object::Value::empty();
    }
    object::Value keyword_defaults() const {
        return (flags & has_keyword_defaults) != 0 ? extras()[(flags & has_defaults) != 0 ? 1 : 0]
                                                   : object::Value::empty();
    }
    std::span<const object::Value> cells() const {
        return {extras() + extra_value_count(), cell_count};
    }
    // Everything after the object, for the collector.
    std::span<object::Value> extra_values() { return {extras(), extra_value_count() + cell_count}; }
    std::size_t extra_value_count() const {
        return ((flags & has_defaults) != 0 ? 1u : 0u) +
               ((flags & has_keyword_defaults) != 0 ? 1u : 0u);
    }

    bool is_generator() const {
        return (code->prelude.scope_flags & image::format::scope_flag_generator) != 0;
    }

  private:
    object::Value* extras() const {
        return reinterpret_cast<object::Value*>(const_cast<FunctionObject*>(this) + 1);
    }
};
static_assert(sizeof(void*) != 8 || sizeof(FunctionObject) == 32,
              "flags, cell count and name fill the cell header's padding");

// Inline: every Python call asks both.
XIPY_ALWAYS_INLINE inline bool is_function(object::Value value) {
    return value.is_object() && value.as_object()->type() == &function_type;
}
inline FunctionObject* as_function(object::Value value) {
    return static_cast<FunctionObject*>(value.as_object());
}

}  // namespace xipy::vm
