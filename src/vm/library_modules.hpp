// The standard modules over src/library/: struct, re, binascii, hashlib and random.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "object/native_function.hpp"
#include "object/value.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

object::Value make_struct_module(Interpreter& interpreter);
object::Value make_re_module(Interpreter& interpreter);
object::Value make_binascii_module(Interpreter& interpreter);
object::Value make_hashlib_module(Interpreter& interpreter);
object::Value make_random_module(Interpreter& interpreter);

// A module named `name` whose globals are `functions` (static NativeFunctions); empty with
// the exception pending when allocation fails.
object::Value make_function_module(Interpreter& interpreter, std::uint32_t name,
                                   std::span<const object::NativeFunction> functions);

// The bytes a read-only buffer argument holds (bytes, str and the buffer types), or nothing
// with MicroPython's TypeError "object with buffer protocol required" pending. The view
// stays valid until the next allocation may move or free the object's storage.
std::optional<std::string_view> readable_buffer(object::Runtime& runtime, object::Value value);

}  // namespace xipy::vm
