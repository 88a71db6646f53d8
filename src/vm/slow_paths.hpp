// The interpreter's rare or bulky operations, kept out of the loop's file.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "object/object.hpp"
#include "support/small_vector.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter.hpp"
#include "vm/module_context.hpp"

namespace xipy::vm {

// Fills the builtins dict (from the registry's builtins definition) and makes sys.modules for
// a new interpreter (module_loading.cpp); false when its heap had no room for them.
bool initialize_builtins(Interpreter& interpreter);

// LOAD_CONST_OBJ: the constant, materialised in this VM on first use.
object::Result<object::Value> load_constant(Interpreter& interpreter, ModuleContext& context,
                                            std::uint32_t index);

// MAKE_FUNCTION / MAKE_CLOSURE (with their DEFARGS forms).
object::Result<object::Value> make_function(Interpreter& interpreter, const Frame& frame,
                                            std::uint32_t child, object::Value defaults,
                                            object::Value keyword_defaults,
                                            std::span<const object::Value> cells);

// UNPACK_SEQUENCE / UNPACK_EX on the value at `top`, writing the items in
// its place and above it, first item highest.
object::Status unpack_sequence(Interpreter& interpreter, object::Value* top, std::uint32_t count);
object::Status unpack_extended(Interpreter& interpreter, object::Value* top, std::uint32_t operand);

// A call's argument values gathered natively: a handful, almost always.
using ArgumentValues = support::SmallVector<object::Value, 16>;

// The arguments of CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW: positional
// arguments flagged in `star_bitmap` are iterables to unpack, keyword pairs
// with an empty name are mappings to unpack. The result lives in `storage`.
object::Status expand_star_arguments(Interpreter& interpreter, object::Value self,
                                     const object::Value* first, std::uint32_t positional,
                                     std::uint32_t keywords, object::Value star_bitmap,
                                     ArgumentValues& storage, object::Arguments& arguments);

// One step of `yield from`: resumes the sub-iterator with a sent value or a
// thrown exception.
struct DelegationResult {
    ExitKind kind;
    object::Value value;
};
DelegationResult delegate(Interpreter& interpreter, object::Value iterator,
                          object::Value send_value, object::Value thrown);
// IMPORT_NAME: builtins.__import__ if the program replaced it, else the module registry
// (builtins_vm.cpp, next to __import__).
object::Result<object::Value> import_name(Interpreter& interpreter, std::uint32_t name,
                                          object::Value fromlist, object::Value level);

// Whether what throw() was given (an exception or an exception class) is of `type`.
bool thrown_matches(object::Value thrown, const object::Type* type);

// from module import *
object::Status import_all(Interpreter& interpreter, object::Value module, object::Value target);

}  // namespace xipy::vm
