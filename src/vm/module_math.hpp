// The math and cmath modules: their functions and constants, as MicroPython 1.27 has them.
#pragma once

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::vm {

// Store the module's functions and constants into `globals` (a dict). False with the
// exception pending when an allocation fails.
bool fill_math_module(object::Runtime& runtime, object::Value globals);
bool fill_cmath_module(object::Runtime& runtime, object::Value globals);

}  // namespace xipy::vm
