// str's own methods: those bytes does not share (text_methods.hpp has the shared ones).
#pragma once

#include "object/native_function.hpp"

namespace xipy::object {

// Each takes self (a str) as arguments[0], as the method table in str_object.cpp declares.
// MicroPython's own method that bytes lacks (the shared ones are TextMethods, text_methods.hpp):
Result<Value> str_method_encode(Runtime& runtime, Arguments arguments);
// CPython's, which MicroPython lacks (docs/compatibility.md lists them):
Result<Value> str_method_capitalize(Runtime& runtime, Arguments arguments);
Result<Value> str_method_isalnum(Runtime& runtime, Arguments arguments);
Result<Value> str_method_ljust(Runtime& runtime, Arguments arguments);
Result<Value> str_method_removeprefix(Runtime& runtime, Arguments arguments);
Result<Value> str_method_removesuffix(Runtime& runtime, Arguments arguments);
Result<Value> str_method_rjust(Runtime& runtime, Arguments arguments);
Result<Value> str_method_swapcase(Runtime& runtime, Arguments arguments);
Result<Value> str_method_title(Runtime& runtime, Arguments arguments);
Result<Value> str_method_zfill(Runtime& runtime, Arguments arguments);

}  // namespace xipy::object
