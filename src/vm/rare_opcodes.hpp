// Bodies of opcodes that ordinary programs run rarely, kept out of the loop so it reads short.
#pragma once

#include <cstdint>

#include "object/object.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

// Each function does one opcode's work on the stack at `top` and returns false (or an empty
// Value) with an exception pending when it raised; the loop decodes the operands.

// True if `value` is an object of exactly `type` (what BUILD_MAP and the comprehension
// openers made); STORE_MAP and STORE_COMP check it because bytecode may replace the slot.
inline bool is_exactly(object::Value value, const object::Type* type) {
    return value.is_object() && value.as_object()->type() == type;
}

// Raises NameError for the global or local `name`.
void raise_name_not_defined(object::Runtime& runtime, std::uint32_t name);

// DELETE_NAME / DELETE_GLOBAL: removes `name` from the dict `scope`.
object::Status delete_name(Interpreter& interpreter, object::Value scope, std::uint32_t name);

// LOAD_SUPER_METHOD: with (a free slot, __class__, self) at top[-2..0], leaves the method of
// super(__class__, self) called `name` and its self at top[-2..-1]; `top` drops by one.
object::Status load_super_method(Interpreter& interpreter, object::Value*& top, std::uint32_t name);

// BUILD_SET of the `count` items at the top of the stack.
object::Result<object::Value> build_set(Interpreter& interpreter, const object::Value* first,
                                        std::uint32_t count);

// STORE_COMP: adds the item (or key and value) at the top to the comprehension's container,
// `operand >> 2` slots down, and pops it.
object::Status store_comprehension(Interpreter& interpreter, object::Value*& top,
                                   std::uint32_t operand);

// MAKE_FUNCTION / MAKE_CLOSURE and their DEFARGS forms: reads the operands after `opcode`,
// pops the closed-over cells and defaults, and returns the new function (empty if it raised).
object::Result<object::Value> make_function_from_stack(Interpreter& interpreter, const Frame& frame,
                                                       std::uint8_t opcode,
                                                       const std::uint8_t*& instruction,
                                                       object::Value*& top);

// IMPORT_FROM: the attribute `name` of `module` (ImportError when it has none).
object::Result<object::Value> import_from(Interpreter& interpreter, object::Value module,
                                          std::uint32_t name);

}  // namespace xipy::vm
