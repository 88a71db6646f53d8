// The built-in modules a program can import: sys, math, cmath, micropython.
#include <cmath>
#include <numeric>

#include "number/big_integer.hpp"
#include "object/array_object.hpp"  // bytes family
#include "object/builtins.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/library_modules.hpp"
#include "vm/module_math.hpp"
#include "vm/slow_paths.hpp"
#include "vm/standard_modules.hpp"

namespace xipy::vm {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;
namespace names = object::names;

namespace {

// ---- sys

Value sys_exit(object::Runtime& runtime, Arguments arguments) {
    Value exception =
        object::make_exception(runtime, &object::system_exit_type, arguments.positional());
    if (exception.is_empty()) {
        return Value::empty();
    }
    return runtime.set_exception(exception);
}

constexpr NativeFunction sys_exit_function{names::exit, NativeKind::function, 0, 1, sys_exit};

Value new_module(Interpreter& interpreter, std::uint32_t name, Value& globals) {
    globals = object::make_dict(interpreter);
    if (globals.is_empty()) {
        return Value::empty();
    }
    if (!object::dict_store_name(interpreter, object::as_dict(globals), names::dunder_name,
                                 Value::from_interned_string(name))) {
        return Value::empty();
    }
    return object::make_module(interpreter, name, globals);
}

bool put(Interpreter& interpreter, Value globals, std::uint32_t name, Value value) {
    return !value.is_empty() &&
           object::dict_store_name(interpreter, object::as_dict(globals), name, value);
}

Value make_sys(Interpreter& interpreter, const std::vector<std::string>& argv) {
    Value globals;
    Value module = new_module(interpreter, names::sys, globals);
    if (module.is_empty()) {
        return Value::empty();
    }
    Value arguments = object::make_list(interpreter, {});
    if (arguments.is_empty()) {
        return Value::empty();
    }
    for (const std::string& argument : argv) {
        Value text = object::make_str(interpreter, argument);
        if (text.is_empty() || !object::list_append(interpreter, arguments, text)) {
            return Value::empty();
        }
    }
    Value version_parts[3] = {Value::from_small_int(3), Value::from_small_int(4),
                              Value::from_small_int(0)};
    bool ok = put(interpreter, globals, names::argv, arguments) &&
              put(interpreter, globals, names::stdout_,
                  Value::from_object(object::standard_output_stream())) &&
              put(interpreter, globals, names::stderr_,
                  Value::from_object(object::standard_error_stream())) &&
              put(interpreter, globals, names::exit, Value::from_object(&sys_exit_function)) &&
              put(interpreter, globals, names::maxsize, Value::from_small_int(2147483647)) &&
              put(interpreter, globals, names::byteorder, interpreter.intern("little")) &&
              put(interpreter, globals, names::platform, interpreter.intern("xipy")) &&
              put(interpreter, globals, names::version, interpreter.intern("3.4.0; xipy")) &&
              put(interpreter, globals, names::version_info,
                  object::new_tuple(interpreter, version_parts)) &&
              put(interpreter, globals, names::modules, interpreter.modules()) &&
              put(interpreter, globals, names::path, object::make_list(interpreter, {})) &&
              add_sys_extras(interpreter, globals);  // standard modules A
    return ok ? module : Value::empty();
}

// math and cmath (numbers): their contents live in vm/module_math.cpp.
Value make_math_module(Interpreter& interpreter, std::uint32_t name) {
    Value globals;
    Value module = new_module(interpreter, name, globals);
    if (module.is_empty()) {
        return Value::empty();
    }
    bool ok = name == names::math ? fill_math_module(interpreter, globals)
                                  : fill_cmath_module(interpreter, globals);
    return ok ? module : Value::empty();
}

// bytes family: the array module holds just the array type.
Value make_array_module(Interpreter& interpreter) {
    Value globals;
    Value module = new_module(interpreter, names::array, globals);
    if (module.is_empty() ||
        !put(interpreter, globals, names::array, Value::from_object(&object::array_type))) {
        return Value::empty();
    }
    return module;
}

}  // namespace

Value make_builtin_module(Interpreter& interpreter, std::uint32_t name,
                          const std::vector<std::string>& argv) {
    switch (name) {
        case names::sys:
            return make_sys(interpreter, argv);
        case names::math:
        case names::cmath:  // numbers
            return make_math_module(interpreter, name);
        // standard modules A
        case names::micropython:
            return make_micropython_module(interpreter);
        case names::gc:
            return make_gc_module(interpreter);
        case names::time:
            return make_time_module(interpreter);
        case names::errno_:
            return make_errno_module(interpreter);
        case names::heapq:
            return make_heapq_module(interpreter);
        case names::json:
            return make_json_module(interpreter);
        case names::io:
            return make_io_module(interpreter);
        case names::collections:
            return make_collections_module(interpreter);
        case names::os:
            return make_os_module(interpreter);
        case names::array:  // bytes family
            return make_array_module(interpreter);
        // standard modules B
        case names::struct_:
            return make_struct_module(interpreter);
        case names::re:
            return make_re_module(interpreter);
        case names::binascii:
            return make_binascii_module(interpreter);
        case names::hashlib:
            return make_hashlib_module(interpreter);
        case names::random:
            return make_random_module(interpreter);
        default:
            return interpreter.raise_new(
                &object::import_error_type,
                "no module named '" + std::string(interpreter.name_text(name)) + "'");
    }
}

}  // namespace xipy::vm
