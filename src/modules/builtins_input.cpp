// input(): a line of standard input, through the host's read_stdin service.
#include <array>
#include <optional>
#include <span>
#include <string>
#include <utility>

#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "object/builtins.hpp"
#include "object/exception_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "support/utf8.hpp"
#include "vm/module_definition.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// input([prompt]): the prompt goes to stdout without a newline; the line comes back without
// its '\n'. End of file before any byte is EOFError, as in MicroPython.
object::Result<Value> builtin_input(object::Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count > 0 && !arguments[0].is_none()) {
        std::optional<std::string> prompt = object::str_text(runtime, arguments[0]);
        if (!prompt) {
            return Value::empty();
        }
        runtime.write(object::OutputStream::standard_output, *prompt);
    }
    const vm::HostServices& host = vm::host_services(runtime);
    std::string line;
    bool at_end = true;
    if (host.read_stdin != nullptr) {
        for (int byte = host.read_stdin(host.stdin_context); byte >= 0;
             byte = host.read_stdin(host.stdin_context)) {
            at_end = false;
            if (byte == '\n') {
                break;
            }
            line.push_back(static_cast<char>(byte));
        }
    }
    // A host's read ends early when the user interrupts (xipy run's Ctrl-C): the interrupt,
    // not end of file, is what the program sees then.
    if (!runtime.charge_native_work(line.size() + 1)) {
        return Value::empty();
    }
    if (at_end) {
        return runtime.raise_type(&object::eof_error_type);
    }
    if (!support::is_valid_utf8(line)) {
        return runtime.raise_type(&object::unicode_error_type);
    }
    return object::make_str(runtime, line);
}

constexpr NativeFunction input_functions[] = {
    {names::input, NativeKind::function, 0, 1, builtin_input},
};

constexpr auto input_attributes = object::native_attributes<input_functions>();

}  // namespace

std::span<const object::Attribute> input_builtins() { return input_attributes; }

}  // namespace xipy::modules
