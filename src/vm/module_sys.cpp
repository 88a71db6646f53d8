// The parts of sys beyond the basics: implementation, stdin, print_exception, exc_info.
#include "image/format.hpp"
#include "object/builtins.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/string_io_object.hpp"
#include "object/tuple_object.hpp"
#include "vm/standard_modules.hpp"

namespace xipy::vm {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;
namespace names = object::names;

namespace {

// .mpy version 6 with the highest sub-version the loader accepts, encoded as MicroPython's
// sys.implementation._mpy (version | sub-version << 8; no native architecture bits).
constexpr std::int64_t mpy_encoding = 6 | (image::format::maximum_sub_version << 8);

// print_exception(exception, file=sys.stdout): the traceback as an uncaught one prints.
Value sys_print_exception(object::Runtime& runtime, Arguments arguments) {
    if (!object::is_exception(arguments[0])) {
        return runtime.raise_new(&object::type_error_type, "exception expected");
    }
    Value text = object::make_str(runtime, object::format_traceback(runtime, arguments[0]));
    if (text.is_empty()) {
        return Value::empty();
    }
    Value file = arguments.positional_count > 1 ? arguments[1] : Value::none();
    if (file.is_none() || file.as_object() == object::standard_output_stream()) {
        runtime.write(object::OutputStream::standard_output, object::str_view(runtime, text));
        return Value::none();
    }
    if (file.as_object() == object::standard_error_stream()) {
        runtime.write(object::OutputStream::standard_error, object::str_view(runtime, text));
        return Value::none();
    }
    return object::call_method(runtime, file, names::write, {text}).is_empty() ? Value::empty()
                                                                               : Value::none();
}

constexpr NativeFunction print_exception_function{names::print_exception, NativeKind::function, 1,
                                                  2, sys_print_exception};

// exc_info(): (type, exception, None) for the exception the calling frame is handling, or
// (None, None, None). xipy has no traceback objects, so the third item is always None.
Value sys_exc_info(object::Runtime& runtime, Arguments) {
    Value handled;
    Frame* frame = static_cast<Interpreter&>(runtime).current_frame();
    for (std::uint32_t index = frame == nullptr ? 0 : frame->handler_count; index > 0; --index) {
        if (!frame->handlers[index - 1].previous_exception.is_empty()) {
            handled = frame->handlers[index - 1].previous_exception;
            break;
        }
    }
    Value items[3] = {Value::none(), Value::none(), Value::none()};
    if (!handled.is_empty()) {
        items[0] = Value::from_object(object::type_of(handled));
        items[1] = handled;
    }
    return object::new_tuple(runtime, items);
}

constexpr NativeFunction exc_info_function{names::exc_info, NativeKind::function, 0, 0,
                                           sys_exc_info};

Value make_implementation(Interpreter& interpreter) {
    Value type = make_named_tuple_type(interpreter, interpreter.intern(""),
                                       interpreter.intern("name version _mpy"));
    if (type.is_empty()) {
        return Value::empty();
    }
    Value version_parts[4] = {Value::from_small_int(0), Value::from_small_int(1),
                              Value::from_small_int(0), interpreter.intern("")};
    Value version = object::new_tuple(interpreter, version_parts);
    if (version.is_empty()) {
        return Value::empty();
    }
    Value fields[3] = {interpreter.intern("xipy"), version, Value::from_small_int(mpy_encoding)};
    return object::call_positional(interpreter, type, fields);
}

}  // namespace

bool add_sys_extras(Interpreter& interpreter, Value globals) {
    object::DictObject* dict = object::as_dict(globals);
    Value implementation = make_implementation(interpreter);
    if (implementation.is_empty() ||
        !object::dict_store_name(interpreter, dict, names::implementation, implementation) ||
        !object::dict_store_name(interpreter, dict, names::print_exception,
                                 Value::from_object(&print_exception_function)) ||
        !object::dict_store_name(interpreter, dict, names::exc_info,
                                 Value::from_object(&exc_info_function))) {
        return false;
    }
    // The host gives programs no input channel yet: stdin is a stream that is at its end.
    Value stdin_stream = object::call_positional(
        interpreter, Value::from_object(&object::string_io_type), std::span<const Value>());
    return !stdin_stream.is_empty() &&
           object::dict_store_name(interpreter, dict, names::stdin_, stdin_stream);
}

}  // namespace xipy::vm
