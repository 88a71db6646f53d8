// Built-in functions that need the interpreter: __build_class__, globals, locals, dir, __import__.
#include <span>

#include "object/builtins.hpp"
#include "object/cell_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/function_object.hpp"
#include "vm/interpreter.hpp"
#include "vm/slow_paths.hpp"

namespace xipy::vm {

using object::Arguments;
using object::Value;

namespace {

Interpreter& interpreter_of(object::Runtime& runtime) { return static_cast<Interpreter&>(runtime); }

// __build_class__(body, name, *bases, metaclass=None): runs the class body
// with a fresh dict as its namespace, then makes the class.
object::Result<Value> builtin_build_class(object::Runtime& runtime, Arguments arguments) {
    Interpreter& interpreter = interpreter_of(runtime);
    Value body = arguments[0];
    if (!is_function(body)) {
        return runtime.raise_new(&object::type_error_type,
                                 "__build_class__: func must be a function");
    }
    Value namespace_dict = object::make_dict(runtime);
    if (namespace_dict.is_empty()) {
        return Value::empty();
    }
    Value cell = interpreter.call_function(body, Arguments{}, namespace_dict);
    if (cell.is_empty()) {
        return Value::empty();
    }
    Value bases = object::new_tuple(runtime, arguments.positional().subspan(2));
    if (bases.is_empty()) {
        return Value::empty();
    }
    Value metaclass = object::keyword_argument(arguments, object::names::metaclass);
    Value new_class;
    if (!metaclass.is_empty() && metaclass != Value::from_object(&object::type_type)) {
        new_class =
            object::call_positional(runtime, metaclass, {arguments[1], bases, namespace_dict});
    } else {
        new_class = object::make_class(runtime, arguments[1], bases, namespace_dict);
    }
    if (new_class.is_empty()) {
        return Value::empty();
    }
    if (object::type_of(cell) == &object::cell_type) {
        static_cast<object::CellObject*>(cell.as_object())->value = new_class;
    }
    return new_class;
}

object::Result<Value> builtin_globals(object::Runtime& runtime, Arguments) {
    Frame* frame = interpreter_of(runtime).current_frame();
    return frame == nullptr ? Value::none() : frame->globals;
}

object::Result<Value> builtin_locals(object::Runtime& runtime, Arguments) {
    Frame* frame = interpreter_of(runtime).current_frame();
    if (frame == nullptr) {
        return Value::none();
    }
    return frame->locals.is_empty() ? frame->globals : frame->locals;
}

// dir(): the keys of what locals() gives; dir(x): the probe of the object layer.
object::Result<Value> builtin_dir(object::Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count == 1) {
        return object::directory_of(runtime, arguments[0]);
    }
    Value list = object::make_list(runtime, {});
    Value namespace_dict = builtin_locals(runtime, arguments);
    if (list.is_empty() || !object::is_dict(namespace_dict)) {
        return list;
    }
    std::uint32_t position = 0;
    object::DictEntry* entry = nullptr;
    while (object::dict_next(object::as_dict(namespace_dict), position, entry)) {
        if (!object::list_append(runtime, list, entry->key)) {
            return Value::empty();
        }
    }
    return list;
}

// Whether a fromlist asks for the named module itself rather than its top package: any
// non-empty sequence does (None and () do not).
bool wants_leaf(object::Runtime& runtime, Value fromlist, bool& failed) {
    failed = false;
    if (fromlist.is_empty() || fromlist.is_none()) {
        return false;
    }
    const int truth = object::truth(runtime, fromlist);
    failed = truth < 0;
    return truth > 0;
}

// __import__(name, globals=None, locals=None, fromlist=(), level=0), as the import statement
// calls it (vm/importer.cpp does the work).
object::Result<Value> builtin_import(object::Runtime& runtime, Arguments arguments) {
    Value name = arguments[0];
    if (!object::is_str(name)) {
        return runtime.raise_new(&object::type_error_type, "__import__() argument 1 must be str");
    }
    std::int64_t level = 0;
    if (arguments.positional_count > 4) {
        auto parsed = object::to_integer(runtime, arguments[4]);
        if (!parsed) {
            return Value::empty();
        }
        level = *parsed;
        if (level < 0) {
            return runtime.raise_type(&object::value_error_type);
        }
        if (level > 0 && !arguments[1].is_none() && !object::is_dict(arguments[1])) {
            return runtime.raise_type(&object::type_error_type);
        }
    }
    if (object::str_view(runtime, name).empty() && level == 0) {
        return runtime.raise_type(&object::value_error_type);
    }
    bool failed = false;
    const bool leaf =
        wants_leaf(runtime, arguments.positional_count > 3 ? arguments[3] : Value::none(), failed);
    if (failed) {
        return Value::empty();
    }
    Value globals = arguments.positional_count > 1 ? arguments[1] : Value::none();
    auto& interpreter = static_cast<Interpreter&>(runtime);
    // import() copies the name itself before it interns anything.
    return interpreter.import(object::str_view(runtime, name),
                              object::is_dict(globals) ? globals : Value::empty(), leaf, level);
}

using object::NativeFunction;
using object::NativeKind;

constexpr NativeFunction build_class_function{
    object::names::dunder_build_class, NativeKind::function, 2,
    NativeFunction::unlimited,         builtin_build_class,  true};
constexpr NativeFunction globals_function{object::names::globals, NativeKind::function, 0, 0,
                                          builtin_globals};
constexpr NativeFunction locals_function{object::names::locals, NativeKind::function, 0, 0,
                                         builtin_locals};
constexpr NativeFunction dir_function{object::names::dir, NativeKind::function, 0, 1, builtin_dir};
constexpr NativeFunction import_function{
    object::names::dunder_import, NativeKind::function, 1, 5, builtin_import, true};

constexpr object::Attribute vm_table[] = {
    {object::names::dunder_build_class, &build_class_function},
    {object::names::globals, &globals_function},
    {object::names::locals, &locals_function},
    {object::names::dir, &dir_function},
    {object::names::dunder_import, &import_function},
};

}  // namespace

std::span<const object::Attribute> vm_builtins() { return vm_table; }

object::Result<Value> import_name(Interpreter& interpreter, std::uint32_t name, Value fromlist,
                                  Value level) {
    // A program may replace builtins.__import__; every import statement then goes through it.
    Value importer = object::dict_find_name(interpreter, object::as_dict(interpreter.builtins()),
                                            object::names::dunder_import);
    Frame* frame = interpreter.current_frame();
    if (importer.is_empty() || importer == Value::from_object(&import_function)) {
        auto parsed = object::to_integer(interpreter, level);
        if (!parsed) {
            return Value::empty();
        }
        bool failed = false;
        const bool leaf = wants_leaf(interpreter, fromlist, failed);
        if (failed) {
            return Value::empty();
        }
        return interpreter.import(interpreter.name_text(name),
                                  frame == nullptr ? Value::empty() : frame->globals, leaf,
                                  *parsed);
    }
    return object::call_positional(
        interpreter, importer,
        {Value::from_interned_string(name), frame == nullptr ? Value::none() : frame->globals,
         Value::none(), fromlist, level});
}

}  // namespace xipy::vm
