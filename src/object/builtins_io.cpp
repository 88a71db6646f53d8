// print() and the sys.stdout / sys.stderr stream objects.
#include "object/builtins.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"

namespace xipy::object {
namespace {

// A constant object standing for one of the host's output streams.
struct TextStreamObject : Object {
    OutputStream stream;

    constexpr explicit TextStreamObject(OutputStream which)
        : Object(&text_stream_type, gc::Cell::flag_static), stream(which) {}
};

Value stream_write(Runtime& runtime, Arguments arguments) {
    auto* stream = static_cast<const TextStreamObject*>(arguments[0].as_object());
    if (!is_str(arguments[1])) {
        return runtime.raise_new(&type_error_type, "object with buffer protocol required");
    }
    std::string_view text = str_view(runtime, arguments[1]);
    runtime.write(stream->stream, text);
    return Value::from_small_int(static_cast<std::int64_t>(text.size()));
}

Value stream_flush(Runtime&, Arguments) { return Value::none(); }

constexpr NativeFunction stream_write_function{names::write, NativeKind::method, 2, 2,
                                               stream_write};
constexpr NativeFunction stream_flush_function{names::flush, NativeKind::method, 1, 1,
                                               stream_flush};
// MicroPython shows the file descriptor: 1 for stdout, 2 for stderr.
bool stream_print(Runtime&, Value self, Printer& printer, PrintKind) {
    auto* stream = static_cast<const TextStreamObject*>(self.as_object());
    printer.write(stream->stream == OutputStream::standard_output ? "<io.TextIOWrapper 1>"
                                                                  : "<io.TextIOWrapper 2>");
    return true;
}

constexpr Attribute stream_attributes[] = {
    {names::write, &stream_write_function},
    {names::flush, &stream_flush_function},
};

}  // namespace

constinit const Type text_stream_type{names::TextIOWrapper, &object_type,
                                      TypeSlots{.print = stream_print}, stream_attributes};

namespace {

constinit const TextStreamObject standard_output_object{OutputStream::standard_output};
constinit const TextStreamObject standard_error_object{OutputStream::standard_error};

bool text_argument(Runtime& runtime, Value value, std::string_view fallback, std::string& out) {
    if (value.is_empty() || value.is_none()) {
        out = fallback;
        return true;
    }
    if (!is_str(value)) {
        // builtins: MicroPython's text (it also refuses None, which xipy accepts as CPython)
        runtime.raise_new(&type_error_type, "can't convert '" +
                                                std::string(type_name_of(runtime, value)) +
                                                "' object to str implicitly");
        return false;
    }
    out = str_view(runtime, value);
    return true;
}

Value builtin_print(Runtime& runtime, Arguments arguments) {
    if (!check_keywords(runtime, arguments, {names::sep, names::end, names::file, names::flush})) {
        return Value::empty();
    }
    std::string separator;
    std::string end;
    if (!text_argument(runtime, keyword_argument(arguments, names::sep), " ", separator) ||
        !text_argument(runtime, keyword_argument(arguments, names::end), "\n", end)) {
        return Value::empty();
    }
    Printer printer;
    for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
        if (index > 0) {
            printer.write(separator);
        }
        if (!print_value(runtime, printer, arguments[index], PrintKind::str)) {
            return Value::empty();
        }
    }
    printer.write(end);
    Value file = keyword_argument(arguments, names::file);
    if (file.is_empty() || file.is_none()) {
        runtime.write(OutputStream::standard_output, printer.text());
        return Value::none();
    }
    if (type_of(file) == &text_stream_type) {
        runtime.write(static_cast<const TextStreamObject*>(file.as_object())->stream,
                      printer.text());
        return Value::none();
    }
    Value text = make_str(runtime, printer.text());
    if (text.is_empty()) {
        return Value::empty();
    }
    return call_method(runtime, file, names::write, {text}).is_empty() ? Value::empty()
                                                                       : Value::none();
}

constexpr NativeFunction print_function{
    names::print, NativeKind::function, 0, NativeFunction::unlimited, builtin_print, true};
constexpr Attribute io_table[] = {
    {names::print, &print_function},
};

}  // namespace

const Object* standard_output_stream() { return &standard_output_object; }
const Object* standard_error_stream() { return &standard_error_object; }

std::span<const Attribute> io_builtins() { return io_table; }

}  // namespace xipy::object
