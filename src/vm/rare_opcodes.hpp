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

// STORE_MAP: stores top[0] under the key top[-1] in the dict at top[-2] and pops both.
object::Status store_map(Interpreter& interpreter, object::Value*& top);

// IMPORT_NAME (the module, from the level and fromlist at the top) or IMPORT_FROM (pushes the
// attribute `name` of the module at the top).
object::Status import_from_stack(Interpreter& interpreter, std::uint8_t opcode, std::uint32_t name,
                                 object::Value*& top);

// RAISE_LAST (re-raises the exception being handled), RAISE_OBJ or RAISE_FROM.
object::Raised raise_from_stack(Interpreter& interpreter, const Frame& frame, std::uint8_t opcode,
                                const object::Value* top);

// What YIELD_VALUE or YIELD_FROM asks the loop to do next.
enum class YieldStep : std::uint8_t { suspends, continues, raised };
// YIELD_VALUE / YIELD_FROM on the saved state of `frame` (a generator's): `suspends` with the
// value to hand out in `yielded`, `continues` when a delegated generator returned, or `raised`.
// Consumes `pending_inject`, an exception thrown in, which YIELD_FROM passes on.
YieldStep yield_from_stack(Interpreter& interpreter, Frame& frame, std::uint8_t opcode,
                           object::Value& pending_inject, object::Value& yielded);

}  // namespace xipy::vm
