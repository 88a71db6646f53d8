// compile(), eval() and exec(), the code objects compile() returns, and the REPL's __repl_print__.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "vm/module_context.hpp"
#include "vm/module_definition.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

object::Status code_print(object::Runtime&, Value, object::Printer& printer, object::PrintKind) {
    printer.write("<code>");
    return object::succeeded();
}

constinit const object::Type code_type{
    object::names::code, &object::object_type, object::TypeSlots{.print = code_print}, {}};

// A compiled image, loaded and verified, ready to run in any globals. Its context belongs to
// the VM (vm::load_code), so the object holds no references the collector must see.
struct CodeObject : object::Object {
    vm::ModuleContext* context;
    explicit CodeObject(vm::ModuleContext* loaded) : Object(&code_type), context(loaded) {}
};

bool is_code(Value value) { return value.is_object() && value.as_object()->type() == &code_type; }

// The text of a source argument: a str, or any object with the buffer protocol.
std::optional<std::string_view> source_text(object::Runtime& runtime, Value source) {
    if (object::is_str(source)) {
        return object::str_view(runtime, source);
    }
    std::optional<object::BufferView> buffer = object::require_buffer(runtime, source);
    if (!buffer) {
        return std::nullopt;
    }
    return buffer->bytes();
}

// Compiles and loads `source` with the VM's compiler: the context, or null with the exception
// pending. A VM without one (a build with XIPY_COMPILER off runs only .mpy files) refuses, as
// the interpreter refuses source to run.
vm::ModuleContext* compile_and_load(object::Runtime& runtime, std::string_view source,
                                    std::string_view source_name, vm::SourceKind kind,
                                    bool transient) {
    const vm::SourceCompiler compiler = vm::source_compiler(runtime);
    if (compiler == nullptr) {
        runtime.raise_new(&object::not_implemented_error_type, vm::no_compiler_message);
        return nullptr;
    }
    Value image = compiler(runtime, source, source_name, kind);
    if (image.is_empty()) {
        return nullptr;
    }
    runtime.keep(image);
    return vm::load_code(runtime, image, transient);
}

// As MicroPython's str arguments: TypeError naming the type of anything else.
bool require_str(object::Runtime& runtime, Value value) {
    if (object::is_str(value)) {
        return true;
    }
    runtime.raise_joined(
        &object::type_error_type,
        {"can't convert '", object::type_name_of(runtime, value), "' object to str implicitly"});
    return false;
}

// compile(source, filename, mode[, flags, dont_inherit, optimize]): the source is a str or
// bytes; flags and the rest are accepted and ignored, as in MicroPython.
object::Result<Value> builtin_compile(object::Runtime& runtime, Arguments arguments) {
    std::string_view source;
    if (object::is_bytes(arguments[0])) {
        source = object::bytes_view(arguments[0]);
    } else if (require_str(runtime, arguments[0])) {
        source = object::str_view(runtime, arguments[0]);
    } else {
        return Value::empty();
    }
    if (!require_str(runtime, arguments[1]) || !require_str(runtime, arguments[2])) {
        return Value::empty();
    }
    const std::string_view mode = object::str_view(runtime, arguments[2]);
    vm::SourceKind kind = vm::SourceKind::file;
    if (mode == "single") {
        kind = vm::SourceKind::single;
    } else if (mode == "eval") {
        kind = vm::SourceKind::eval;
    } else if (mode != "exec") {
        return runtime.raise_new(&object::value_error_type, "bad compile mode");
    }
    vm::ModuleContext* context =
        compile_and_load(runtime, source, object::str_view(runtime, arguments[1]), kind, false);
    if (context == nullptr) {
        return Value::empty();
    }
    auto* code = runtime.make<CodeObject>(0, context);
    return code == nullptr ? Value::empty() : Value::from_object(code);
}

// eval and exec: a code object, or source compiled as "<string>", run in the given dicts. A
// globals dict alone serves as the locals too; None or no argument means the caller's.
object::Result<Value> evaluate(object::Runtime& runtime, Arguments arguments, vm::SourceKind kind) {
    Value globals = vm::current_globals(runtime);
    Value locals = vm::current_locals(runtime);
    if (globals.is_empty()) {
        globals = vm::main_globals(runtime);
        if (globals.is_empty()) {
            return Value::empty();
        }
        locals = globals;
    }
    for (std::uint32_t index = 1; index < 3 && index < arguments.positional_count; ++index) {
        if (arguments[index].is_none()) {
            continue;
        }
        if (!object::is_dict(arguments[index])) {
            return runtime.raise_type(&object::type_error_type);
        }
        locals = arguments[index];
        if (index == 1) {
            globals = locals;
        }
    }
    if (is_code(arguments[0])) {
        return vm::run_code(runtime, static_cast<CodeObject*>(arguments[0].as_object())->context,
                            globals, locals);
    }
    std::optional<std::string_view> source = source_text(runtime, arguments[0]);
    if (!source) {
        return Value::empty();
    }
    // Code from a string runs once: the VM takes its memory back after the run when no
    // function was made from it (as MicroPython's collector would).
    vm::ModuleContext* context = compile_and_load(runtime, *source, "<string>", kind, true);
    if (context == nullptr) {
        return Value::empty();
    }
    Value result = vm::run_code(runtime, context, globals, locals);
    vm::release_code(runtime, context);
    return result;
}

object::Result<Value> builtin_eval(object::Runtime& runtime, Arguments arguments) {
    return evaluate(runtime, arguments, vm::SourceKind::eval);
}

object::Result<Value> builtin_exec(object::Runtime& runtime, Arguments arguments) {
    return evaluate(runtime, arguments, vm::SourceKind::file);
}

// __repl_print__(value): what code compiled from 'single' input calls with the value of each
// expression statement; as MicroPython's REPL, it prints the repr of anything but None and
// keeps the value as builtins._ for the next statement.
object::Result<Value> builtin_repl_print(object::Runtime& runtime, Arguments arguments) {
    Value value = arguments[0];
    if (value.is_none()) {
        return Value::none();
    }
    object::Printer printer;
    if (!object::print_value(runtime, printer, value, object::PrintKind::repr)) {
        return Value::empty();
    }
    printer.write("\n");
    runtime.write(object::OutputStream::standard_output, printer.text());
    if (!object::dict_store_name(runtime, object::as_dict(runtime.builtins()),
                                 object::names::underscore, value)) {
        return Value::empty();
    }
    return Value::none();
}

constexpr NativeFunction compile_functions[] = {
    {names::compile, NativeKind::function, 3, 6, builtin_compile},
    {object::names::eval, NativeKind::function, 1, 3, builtin_eval},
    {object::names::exec, NativeKind::function, 1, 3, builtin_exec},
    {names::dunder_repl_print, NativeKind::function, 1, 1, builtin_repl_print},
};

constexpr auto compile_attributes = object::native_attributes<compile_functions>();

}  // namespace

std::span<const object::Attribute> compile_builtins() { return compile_attributes; }

}  // namespace xipy::modules
