// The standard modules over the VM itself: gc, micropython, time, errno, heapq, io, json,
// collections, os.
#pragma once

#include <span>

#include "object/object.hpp"
#include "object/value.hpp"
#include "vm/interpreter.hpp"

namespace xipy::vm {

object::Value make_gc_module(Interpreter& interpreter);
object::Value make_micropython_module(Interpreter& interpreter);
object::Value make_time_module(Interpreter& interpreter);
object::Value make_errno_module(Interpreter& interpreter);
object::Value make_heapq_module(Interpreter& interpreter);
object::Value make_io_module(Interpreter& interpreter);
object::Value make_json_module(Interpreter& interpreter);
object::Value make_collections_module(Interpreter& interpreter);
object::Value make_os_module(Interpreter& interpreter);

// The open() builtin (module_os.cpp).
std::span<const object::Attribute> file_builtins();

// namedtuple(name, field_spec) as Python calls it; sys.implementation is one.
object::Value make_named_tuple_type(object::Runtime& runtime, object::Value name,
                                    object::Value field_spec);
// Adds sys's names beyond the basics in builtin_modules.cpp: implementation, stdin,
// print_exception.
bool add_sys_extras(Interpreter& interpreter, object::Value globals);

}  // namespace xipy::vm
