// The io module: the in-memory streams StringIO and BytesIO and the seek constants.
#include "object/dict_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/string_io_object.hpp"
#include "vm/library_modules.hpp"
#include "vm/standard_modules.hpp"

namespace xipy::vm {

using object::Value;
namespace names = object::names;

Value make_io_module(Interpreter& interpreter) {
    Value module = make_function_module(interpreter, names::io, {});
    if (module.is_empty()) {
        return Value::empty();
    }
    auto* globals =
        object::as_dict(static_cast<object::ModuleObject*>(module.as_object())->globals);
    struct Entry {
        const char* name;
        Value value;
    };
    const Entry entries[] = {
        {"StringIO", Value::from_object(&object::string_io_type)},
        {"BytesIO", Value::from_object(&object::bytes_io_type)},
        {"SEEK_SET", Value::from_small_int(0)},
        {"SEEK_CUR", Value::from_small_int(1)},
        {"SEEK_END", Value::from_small_int(2)},
    };
    for (const Entry& entry : entries) {
        if (!object::dict_store_name(interpreter, globals,
                                     interpreter.intern(entry.name).as_interned_string(),
                                     entry.value)) {
            return Value::empty();
        }
    }
    return module;
}

}  // namespace xipy::vm
