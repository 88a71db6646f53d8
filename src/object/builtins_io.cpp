// print() and the sys.stdout / sys.stderr stream objects.
#include "object/buffer.hpp"
#include "object/builtins.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"

namespace xipy::object {
namespace {

extern const Type file_stream_type;

// A constant object standing for one of the host's output streams: sys.stdout or sys.stderr
// (an io.TextIOWrapper taking str), or its `buffer` (an io.FileIO taking bytes).
// Invariant: `buffer` is the FileIO of a TextIOWrapper and null for the FileIO itself.
struct TextStreamObject : Object {
    OutputStream stream;
    const TextStreamObject* buffer;

    constexpr TextStreamObject(const Type* type, OutputStream which, const TextStreamObject* binary)
        : Object(type, gc::Cell::flag_static), stream(which), buffer(binary) {}
    bool is_text() const { return buffer != nullptr; }
};

const TextStreamObject* self_output(Value self) {
    return static_cast<const TextStreamObject*>(self.as_object());
}

// The TextIOWrapper writes str; its FileIO writes anything with the buffer protocol. Both
// answer the number of bytes written.
Result<Value> stream_write(Runtime& runtime, Arguments arguments) {
    const TextStreamObject* stream = self_output(arguments[0]);
    if (is_str(arguments[1])) {
        std::string_view text = str_view(runtime, arguments[1]);
        runtime.write(stream->stream, text);
        return Value::from_small_int(static_cast<std::int64_t>(text.size()));
    }
    auto data = stream->is_text() ? std::nullopt : require_buffer(runtime, arguments[1]);
    if (!data) {
        return stream->is_text()
                   ? runtime.raise_new(&type_error_type, "object with buffer protocol required")
                   : Raised{};
    }
    std::string_view bytes = data->bytes();
    runtime.write(stream->stream, bytes);
    return Value::from_small_int(static_cast<std::int64_t>(bytes.size()));
}

Result<Value> stream_flush(Runtime&, Arguments) { return Value::none(); }

// The host's file descriptors: 1 for stdout, 2 for stderr.
std::int64_t descriptor_of(const TextStreamObject* stream) {
    return stream->stream == OutputStream::standard_output ? 1 : 2;
}

Result<Value> stream_fileno(Runtime&, Arguments arguments) {
    return Value::from_small_int(descriptor_of(self_output(arguments[0])));
}

constexpr NativeFunction stream_write_function{names::write, NativeKind::method, 2, 2,
                                               stream_write};
constexpr NativeFunction stream_flush_function{names::flush, NativeKind::method, 1, 1,
                                               stream_flush};
constexpr NativeFunction stream_fileno_function{names::fileno, NativeKind::method, 1, 1,
                                                stream_fileno};

// MicroPython shows the type and the file descriptor.
Status stream_print(Runtime&, Value self, Printer& printer, PrintKind) {
    const TextStreamObject* stream = self_output(self);
    printer.write(stream->is_text() ? "<io.TextIOWrapper " : "<io.FileIO ");
    printer.write(descriptor_of(stream) == 1 ? "1>" : "2>");
    return succeeded();
}

Value stream_load_attribute(Runtime&, Value self, std::uint32_t name) {
    const TextStreamObject* stream = self_output(self);
    return name == names::buffer && stream->is_text() ? Value::from_object(stream->buffer)
                                                      : Value::empty();
}

constexpr Attribute stream_attributes[] = {
    {names::write, &stream_write_function},
    {names::flush, &stream_flush_function},
    {names::fileno, &stream_fileno_function},
};

}  // namespace

constinit const Type text_stream_type{
    names::TextIOWrapper, &object_type,
    TypeSlots{.print = stream_print, .load_attribute = stream_load_attribute}, stream_attributes};

namespace {

constinit const Type file_stream_type{names::FileIO, &object_type, TypeSlots{.print = stream_print},
                                      stream_attributes};

constinit const TextStreamObject standard_output_buffer{&file_stream_type,
                                                        OutputStream::standard_output, nullptr};
constinit const TextStreamObject standard_error_buffer{&file_stream_type,
                                                       OutputStream::standard_error, nullptr};
constinit const TextStreamObject standard_output_object{
    &text_stream_type, OutputStream::standard_output, &standard_output_buffer};
constinit const TextStreamObject standard_error_object{
    &text_stream_type, OutputStream::standard_error, &standard_error_buffer};

bool text_argument(Runtime& runtime, Value value, std::string_view fallback, std::string& out) {
    if (value.is_empty() || value.is_none()) {
        out = fallback;
        return true;
    }
    if (!is_str(value)) {
        // builtins: MicroPython's text (it also refuses None, which xipy accepts as CPython)
        runtime.raise_joined(&type_error_type, {"can't convert '", type_name_of(runtime, value),
                                                "' object to str implicitly"});
        return false;
    }
    out = str_view(runtime, value);
    return true;
}

// Calls file.write(text) unless the text is empty, as MicroPython does; false with the
// exception pending.
bool write_piece(Runtime& runtime, Value file, std::string_view piece) {
    if (piece.empty()) {
        return true;
    }
    Value text = make_str(runtime, piece);
    return !text.is_empty() && call_method(runtime, file, names::write, {text}).ok();
}

// print(..., file=stream) for any other stream: one write() per argument, separator and end,
// as both CPython and MicroPython do.
Result<Value> print_to_object(Runtime& runtime, Value file, Arguments arguments,
                              std::string_view separator, std::string_view end) {
    LoopRoots loop(runtime);
    for (std::uint32_t index = 0; index < arguments.positional_count; ++index) {
        if (index > 0 && !write_piece(runtime, file, separator)) {
            return Value::empty();
        }
        Printer printer;
        if (!print_value(runtime, printer, arguments[index], PrintKind::str) ||
            !write_piece(runtime, file, printer.text())) {
            return Value::empty();
        }
        loop.next_round();
    }
    return write_piece(runtime, file, end) ? Value::none() : Value::empty();
}

Result<Value> builtin_print(Runtime& runtime, Arguments arguments) {
    if (!check_keywords(runtime, arguments, {names::sep, names::end, names::file, names::flush})) {
        return Value::empty();
    }
    std::string separator;
    std::string end;
    if (!text_argument(runtime, keyword_argument(arguments, names::sep), " ", separator) ||
        !text_argument(runtime, keyword_argument(arguments, names::end), "\n", end)) {
        return Value::empty();
    }
    Value file = keyword_argument(arguments, names::file);
    if (!file.is_empty() && !file.is_none() && type_of(file) != &text_stream_type) {
        return print_to_object(runtime, file, arguments, separator, end);
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
    runtime.write(file.is_empty() || file.is_none() ? OutputStream::standard_output
                                                    : self_output(file)->stream,
                  printer.text());
    return Value::none();
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
