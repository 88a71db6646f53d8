// Helpers shared by the struct, re, binascii, hashlib and random modules.
#include "vm/library_modules.hpp"

#include "object/buffer.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/module_object.hpp"
#include "object/names.hpp"
#include "object/str_object.hpp"

namespace xipy::vm {

using object::Value;

Value make_function_module(Interpreter& interpreter, std::uint32_t name,
                           std::span<const object::NativeFunction> functions) {
    Value globals = object::make_dict(interpreter);
    if (globals.is_empty()) {
        return Value::empty();
    }
    object::DictObject* dict = object::as_dict(globals);
    if (!object::dict_store_name(interpreter, dict, object::names::dunder_name,
                                 Value::from_interned_string(name))) {
        return Value::empty();
    }
    for (const object::NativeFunction& function : functions) {
        if (!object::dict_store_name(interpreter, dict, function.name,
                                     Value::from_object(&function))) {
            return Value::empty();
        }
    }
    return object::make_module(interpreter, name, globals);
}

std::optional<std::string_view> readable_buffer(object::Runtime& runtime, Value value) {
    if (object::is_str(value)) {
        return object::str_view(runtime, value);
    }
    auto buffer = object::require_buffer(runtime, value);
    if (!buffer) {
        return std::nullopt;
    }
    return buffer->bytes();
}

}  // namespace xipy::vm
