// The sys module: argv, the standard streams, exit, implementation, exc_info and its constants.
#include <optional>
#include <string>

#include "image/format.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/builtins.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/utf8.hpp"
#include "vm/module_definition.hpp"
#include "xipy/version.h"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// .mpy version 6 with the highest sub-version the loader accepts, encoded as MicroPython's
// sys.implementation._mpy (version | sub-version << 8; no native architecture bits).
constexpr std::int64_t mpy_encoding = 6 | (image::format::maximum_sub_version << 8);

// print_exception(exception, file=sys.stdout): the traceback as an uncaught one prints. As in
// MicroPython, anything else prints as its repr, and a `file` that is no stream (no write
// method) raises OSError before anything is printed.
object::Result<Value> sys_print_exception(object::Runtime& runtime, Arguments arguments) {
    Value file = Value::none();
    if (arguments.positional_count > 1) {
        file = arguments[1];
        if (object::find_attribute(runtime, file, names::write).is_empty()) {
            runtime.clear_exception();
            return runtime.raise_new(&object::os_error_type, "stream operation not supported");
        }
    }
    support::ScratchString formatted;
    if (object::is_exception(arguments[0])) {
        formatted = object::format_traceback(runtime, arguments[0]);
    } else {
        std::optional<support::ScratchString> repr = object::repr_text(runtime, arguments[0]);
        if (!repr) {
            return Value::empty();
        }
        formatted.assign(*repr);
        formatted += '\n';
    }
    Value text = object::make_str(runtime, formatted);
    if (text.is_empty()) {
        return Value::empty();
    }
    if (file.is_none() || file.as_object() == object::standard_output_stream()) {
        runtime.write(object::OutputStream::standard_output, object::str_view(runtime, text));
        return Value::none();
    }
    if (file.as_object() == object::standard_error_stream()) {
        runtime.write(object::OutputStream::standard_error, object::str_view(runtime, text));
        return Value::none();
    }
    XIPY_CHECK(object::call_method(runtime, file, names::write, {text}));
    return Value::none();
}

constexpr NativeFunction print_exception_function{names::print_exception, NativeKind::function, 1,
                                                  2, sys_print_exception};

// exc_info(): (type, exception, None) for the exception being handled (by the
// calling frame or one of its callers), or
// (None, None, None). xipy has no traceback objects, so the third item is always None.
object::Result<Value> sys_exc_info(object::Runtime& runtime, Arguments) {
    Value handled = vm::handled_exception(runtime);
    Value items[3] = {Value::none(), Value::none(), Value::none()};
    if (!handled.is_empty()) {
        items[0] = Value::from_object(object::type_of(handled));
        items[1] = handled;
    }
    return object::new_tuple(runtime, items);
}

// atexit(function): `function` runs once the program has ended (MicroPython keeps one).
object::Result<Value> sys_atexit(object::Runtime& runtime, Arguments arguments) {
    return vm::set_exit_function(runtime, arguments[0]);
}

constexpr NativeFunction atexit_function{names::atexit, NativeKind::function, 1, 1, sys_atexit};

constexpr NativeFunction exc_info_function{names::exc_info, NativeKind::function, 0, 0,
                                           sys_exc_info};

// ---- sys.stdin: MicroPython's io.TextIOWrapper on file descriptor 0, and sys.stdin.buffer,
// its io.FileIO. Both read through the host's read_stdin callback one byte at a time, so
// they never consume more than they return (input() reads the same channel); without a
// callback they are at end of file.

extern const object::Type text_io_wrapper_type;
extern const object::Type file_io_type;

// Invariants: `closed` only goes from false to true; `buffer` is the FileIO stream for a
// TextIOWrapper and empty for the FileIO itself. The two have separate `closed` flags.
struct StdinObject : object::Object {
    Value buffer;
    bool closed = false;

    explicit StdinObject(const object::Type* type) : Object(type) {}
    bool is_text() const { return type() == &text_io_wrapper_type; }
};

void trace_stdin(gc::Cell* cell, gc::Tracer& tracer) {
    Value buffer = static_cast<StdinObject*>(cell)->buffer;
    if (buffer.is_object()) {
        tracer.mark(buffer.as_object());
    }
}

StdinObject* self_stdin(Arguments arguments) {
    return static_cast<StdinObject*>(arguments[0].as_object());
}

int next_byte(object::Runtime& runtime) {
    const vm::HostServices& host = vm::host_services(runtime);
    return host.read_stdin == nullptr ? -1 : host.read_stdin(host.stdin_context);
}

// Reads up to `limit` units (negative: no limit), stopping after a newline when `line` is
// set. As MicroPython's text streams do, read(n) counts characters (bytes for the FileIO)
// and readline(n) bytes.
object::Result<Value> read_stdin_chunk(object::Runtime& runtime, StdinObject* stream,
                                       std::int64_t limit, bool line) {
    if (stream->closed) {
        return runtime.raise_new(&object::value_error_type, "I/O operation on closed file");
    }
    std::string text;
    for (std::int64_t count = 0; limit < 0 || count < limit; ++count) {
        int byte = next_byte(runtime);
        if (byte < 0) {
            break;
        }
        text.push_back(static_cast<char>(byte));
        if (line && byte == '\n') {
            break;
        }
        // The continuation bytes of a character read with it (a lead byte says how many).
        int continuation = line || !stream->is_text() ? 0
                           : byte >= 0xf0             ? 3
                           : byte >= 0xe0             ? 2
                           : byte >= 0xc0             ? 1
                                                      : 0;
        for (; continuation > 0; --continuation) {
            byte = next_byte(runtime);
            if (byte < 0) {
                break;
            }
            text.push_back(static_cast<char>(byte));
        }
    }
    // A host's read ends early when the user interrupts (xipy run's Ctrl-C): the interrupt,
    // not the end of the input, is what the program sees then, as with input().
    if (!runtime.charge_native_work(text.size() + 1)) {
        return object::Raised{};
    }
    if (!stream->is_text()) {
        return object::make_bytes(runtime, text);
    }
    if (!support::is_valid_utf8(text)) {
        return runtime.raise_type(&object::unicode_error_type);
    }
    return object::make_str(runtime, text);
}

// The optional size argument of read()/readline(): None or absent is -1 (no limit).
std::optional<std::int64_t> size_argument(object::Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count < 2 || arguments[1].is_none()) {
        return -1;
    }
    return object::to_integer(runtime, arguments[1]);
}

object::Result<Value> stdin_read(object::Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> size = size_argument(runtime, arguments);
    return size ? read_stdin_chunk(runtime, self_stdin(arguments), *size, false) : object::Raised{};
}

object::Result<Value> stdin_readline(object::Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> size = size_argument(runtime, arguments);
    return size ? read_stdin_chunk(runtime, self_stdin(arguments), *size, true) : object::Raised{};
}

object::Result<Value> stdin_next(object::Runtime& runtime, Value self) {
    Value line = read_stdin_chunk(runtime, static_cast<StdinObject*>(self.as_object()), -1, true);
    if (line.is_empty()) {
        return line;
    }
    bool at_end = static_cast<StdinObject*>(self.as_object())->is_text()
                      ? object::str_view(runtime, line).empty()
                      : object::bytes_view(line).empty();
    return at_end ? Value::stop_iteration() : line;
}

object::Result<Value> stdin_readlines(object::Runtime& runtime, Arguments arguments) {
    Value lines = object::make_list(runtime, {});
    if (lines.is_empty()) {
        return Value::empty();
    }
    for (;;) {
        Value line = stdin_next(runtime, arguments[0]);
        if (line.is_empty()) {
            return Value::empty();
        }
        if (line == Value::stop_iteration()) {
            return lines;
        }
        if (!object::list_append(runtime, lines, line)) {
            return Value::empty();
        }
    }
}

object::Result<Value> stdin_next_method(object::Runtime& runtime, Arguments arguments) {
    Value line = stdin_next(runtime, arguments[0]);
    if (line == Value::stop_iteration()) {
        return runtime.raise_type(&object::stop_iteration_type);
    }
    return line;
}

object::Result<Value> stdin_close(object::Runtime&, Arguments arguments) {
    self_stdin(arguments)->closed = true;
    return Value::none();
}

object::Result<Value> stdin_fileno(object::Runtime&, Arguments) { return Value::from_small_int(0); }

object::Result<Value> stdin_enter(object::Runtime&, Arguments arguments) { return arguments[0]; }

object::Status stdin_print(object::Runtime&, Value self, object::Printer& printer,
                           object::PrintKind) {
    printer.write(static_cast<StdinObject*>(self.as_object())->is_text() ? "<io.TextIOWrapper 0>"
                                                                         : "<io.FileIO 0>");
    return object::succeeded();
}

Value stdin_load_attribute(object::Runtime&, Value self, std::uint32_t name) {
    auto* stream = static_cast<StdinObject*>(self.as_object());
    return name == names::buffer && stream->is_text() ? stream->buffer : Value::empty();
}

constexpr NativeFunction stdin_functions[] = {
    {names::read, NativeKind::method, 1, 2, stdin_read},
    {names::readline, NativeKind::method, 1, 2, stdin_readline},
    {names::readlines, NativeKind::method, 1, 1, stdin_readlines},
    {names::dunder_next, NativeKind::method, 1, 1, stdin_next_method},
    {names::close, NativeKind::method, 1, 1, stdin_close},
    {names::fileno, NativeKind::method, 1, 1, stdin_fileno},
    {names::dunder_enter, NativeKind::method, 1, 1, stdin_enter},
    {names::dunder_exit, NativeKind::method, 1, 4, stdin_close},
};

constexpr object::Attribute stdin_attributes[] = {
    {names::read, &stdin_functions[0]},         {names::readline, &stdin_functions[1]},
    {names::readlines, &stdin_functions[2]},    {names::dunder_next, &stdin_functions[3]},
    {names::close, &stdin_functions[4]},        {names::fileno, &stdin_functions[5]},
    {names::dunder_enter, &stdin_functions[6]}, {names::dunder_exit, &stdin_functions[7]},
};

constexpr object::TypeSlots stdin_slots{.print = stdin_print,
                                        .load_attribute = stdin_load_attribute,
                                        .get_iterator = object::iterator_self,
                                        .iterate_next = stdin_next};

constinit const object::Type text_io_wrapper_type{
    names::TextIOWrapper, &object::object_type, stdin_slots, stdin_attributes, 0, trace_stdin};
constinit const object::Type file_io_type{
    names::FileIO, &object::object_type, stdin_slots, stdin_attributes, 0, trace_stdin};

object::Result<Value> make_implementation(object::Runtime& runtime) {
    Value type = make_named_tuple_type(runtime, runtime.intern(""),
                                       runtime.intern("name version _machine _mpy"));
    if (type.is_empty()) {
        return Value::empty();
    }
    // The release numbers come from the one definition of the version (xipy/version.h).
    Value version_parts[4] = {Value::from_small_int(XIPY_VERSION_MAJOR),
                              Value::from_small_int(XIPY_VERSION_MINOR),
                              Value::from_small_int(XIPY_VERSION_PATCH), runtime.intern("")};
    Value version = object::new_tuple(runtime, version_parts);
    if (version.is_empty()) {
        return Value::empty();
    }
    // The name is MicroPython's: xipy promises its behaviour, and programs test
    // `sys.implementation.name == 'micropython'` to choose MicroPython's code paths. xipy
    // itself shows in `_machine` (MicroPython's board and compiler text) and in sys.version.
    Value fields[4] = {runtime.intern("micropython"), version,
                       runtime.intern("xipy " XIPY_VERSION_STRING),
                       Value::from_small_int(mpy_encoding)};
    return object::call_positional(runtime, type, fields);
}

object::Result<Value> sys_exit(object::Runtime& runtime, Arguments arguments) {
    Value exception =
        object::make_exception(runtime, &object::system_exit_type, arguments.positional());
    if (exception.is_empty()) {
        return Value::empty();
    }
    return runtime.set_exception(exception);
}

constexpr NativeFunction sys_exit_function{names::exit, NativeKind::function, 0, 1, sys_exit};

bool put(object::Runtime& runtime, Value globals, std::uint32_t name, Value value) {
    return !value.is_empty() &&
           object::dict_store_name(runtime, object::as_dict(globals), name, value);
}

// Everything in sys is per VM or must keep its place in sys.__dict__'s order, so it is all
// stored here rather than in the definition's tables.
bool initialise_sys(object::Runtime& runtime, Value globals, void*) {
    Value arguments = object::make_list(runtime, {});
    if (arguments.is_empty()) {
        return false;
    }
    for (const std::string& argument : vm::program_arguments(runtime)) {
        Value text = object::make_str(runtime, argument);
        if (text.is_empty() || !object::list_append(runtime, arguments, text)) {
            return false;
        }
    }
    Value version_parts[3] = {Value::from_small_int(3), Value::from_small_int(4),
                              Value::from_small_int(0)};
    bool ok =
        put(runtime, globals, names::argv, arguments) &&
        put(runtime, globals, names::stdout_,
            Value::from_object(object::standard_output_stream())) &&
        put(runtime, globals, names::stderr_,
            Value::from_object(object::standard_error_stream())) &&
        put(runtime, globals, names::exit, Value::from_object(&sys_exit_function)) &&
        put(runtime, globals, names::maxsize, object::make_int(runtime, 2147483647)) &&
        put(runtime, globals, names::byteorder, runtime.intern("little")) &&
        put(runtime, globals, names::platform, runtime.intern("xipy")) &&
        put(runtime, globals, names::version, runtime.intern("3.4.0; xipy " XIPY_VERSION_STRING)) &&
        put(runtime, globals, names::version_info, object::new_tuple(runtime, version_parts)) &&
        put(runtime, globals, names::modules, runtime.modules()) &&
        put(runtime, globals, names::ps1, runtime.intern(">>> ")) &&
        put(runtime, globals, names::ps2, runtime.intern("... ")) &&
        put(runtime, globals, names::path, runtime.module_path());
    if (!ok) {
        return false;
    }
    object::DictObject* dict = object::as_dict(globals);
    Value implementation = make_implementation(runtime);
    if (implementation.is_empty() ||
        !object::dict_store_name(runtime, dict, names::implementation, implementation) ||
        !object::dict_store_name(runtime, dict, names::print_exception,
                                 Value::from_object(&print_exception_function)) ||
        !object::dict_store_name(runtime, dict, names::exc_info,
                                 Value::from_object(&exc_info_function)) ||
        !object::dict_store_name(runtime, dict, names::atexit,
                                 Value::from_object(&atexit_function))) {
        return false;
    }
    auto* stdin_stream = runtime.make<StdinObject>(0, &text_io_wrapper_type);
    if (stdin_stream == nullptr) {
        return false;
    }
    auto* buffer = runtime.make<StdinObject>(0, &file_io_type);
    if (buffer == nullptr) {
        return false;
    }
    stdin_stream->buffer = Value::from_object(buffer);
    return object::dict_store_name(runtime, dict, names::stdin_, Value::from_object(stdin_stream))
        .ok();
}

}  // namespace

// The REPL's prompts, which a program may change, as in MicroPython.
constexpr std::uint32_t sys_settable_names[] = {names::ps1, names::ps2};

constinit const vm::ModuleDefinition sys_module{.name = names::sys,
                                                .initialise = initialise_sys,
                                                .u_alias = true,
                                                .settable_names = sys_settable_names};

}  // namespace xipy::modules
