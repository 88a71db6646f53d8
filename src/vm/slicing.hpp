// BUILD_SLICE: a slice object, or a slice on the C++ stack used at once by the next subscript.
#pragma once

#include <cstdint>

#include "object/result.hpp"
#include "object/value.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

// BUILD_SLICE with its `count` parts (start, stop and, when count is 3, step) on top of the
// stack, and `instruction` at the next instruction. When that one is LOAD_SUBSCR or
// STORE_SUBSCR of a built-in sequence (`b[3:5]`, `b[3:5] = x`), it runs as well, with the
// slice on the C++ stack as MicroPython's is, so it allocates nothing: `instruction` moves past
// it and `top` to its result. Otherwise the parts become one slice object on top. Saves
// `instruction` and `top` in `frame` before anything that may call Python.
object::Status build_slice(Interpreter& interpreter, Frame& frame, object::Value*& top,
                           const std::uint8_t*& instruction, std::uint32_t count);

}  // namespace xipy::vm
