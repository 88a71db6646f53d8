// The deflate module: DeflateIO, a stream that decompresses raw, zlib or gzip data read from
// another stream, as MicroPython 1.29's standard build has it (which cannot compress).
#include <algorithm>
#include <cstring>
#include <span>
#include <string>

#include "library/inflater.hpp"
#include "modules/module_constants.hpp"
#include "modules/names.hpp"
#include "modules/readable_buffer.hpp"
#include "modules/standard_modules.hpp"
#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/string_io_object.hpp"

namespace xipy::modules {

using library::DeflateFormat;
using library::InflateStatus;
using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;

namespace {

extern const object::Type deflate_io_type;

// The decoder and its window in one leaf cell, made on the first read once the header has
// said how large the window is: the VM's heap counts both.
struct alignas(8) InflaterCell : gc::Cell {
    library::Inflater inflater;

    InflaterCell(DeflateFormat header_format, unsigned window_bits);
    std::span<std::uint8_t> window() {
        return {reinterpret_cast<std::uint8_t*>(this + 1), inflater.window_size()};
    }
};
static_assert(std::is_trivially_destructible_v<library::Inflater>);

constexpr gc::CellDescriptor inflater_cell_descriptor{nullptr, nullptr};

InflaterCell::InflaterCell(DeflateFormat header_format, unsigned window_bits)
    : gc::Cell(&inflater_cell_descriptor), inflater(header_format, window_bits) {}

// Invariants: `stream` is None once `closed`; `decoder` is null until the first read has read the
// header, and then holds a window of 2**n bytes for the n chosen then; `broken` is set when
// that first read failed part way (the header's bytes are gone), so every later read fails;
// `busy` is set while a read runs, since the source stream's own Python code could call back
// into this stream.
struct DeflateStreamObject : object::Object {
    Value stream;
    Value byte_buffer = Value::none();  // a one-byte bytearray for a Python stream's readinto
    InflaterCell* decoder = nullptr;
    DeflateFormat format;
    std::uint8_t window_bits;  // 0: as the header says, or the default for a raw stream
    bool close_stream;
    bool closed = false;
    bool broken = false;
    bool busy = false;

    DeflateStreamObject(Value source, DeflateFormat given_format, unsigned bits, bool close)
        : Object(&deflate_io_type),
          stream(source),
          format(given_format),
          window_bits(static_cast<std::uint8_t>(bits)),
          close_stream(close) {}
};

void trace_deflate_stream(gc::Cell* cell, gc::Tracer& tracer) {
    auto* self = static_cast<DeflateStreamObject*>(cell);
    for (Value value : {self->stream, self->byte_buffer}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
    if (self->decoder != nullptr) {
        tracer.mark(self->decoder);
    }
}

constexpr std::int64_t error_again = 11;  // EAGAIN: a non-blocking stream had nothing yet

object::Raised raise_invalid(Runtime& runtime) {
    return object::raise_os_error(runtime, object::error_invalid);
}

bool is_memory_stream(Value stream) {
    return stream.is_object() && (object::type_of(stream) == &object::bytes_io_type ||
                                  object::type_of(stream) == &object::string_io_type);
}

// The compressed bytes, one per call as MicroPython's reader takes them: straight from a
// BytesIO or StringIO, otherwise through the stream's readinto with a one-byte buffer. The end
// of the stream is EOFError, as there.
class StreamSource final : public library::ByteSource {
  public:
    StreamSource(Runtime& runtime, DeflateStreamObject* self) : runtime_(runtime), self_(self) {}

    bool next_byte(std::uint8_t& byte) override {
        // Looked up on every byte: the stream's own code may have closed this one.
        Value stream = self_->stream;
        if (self_->closed) {
            raise_invalid(runtime_);
            return false;
        }
        if (is_memory_stream(stream)) {
            auto* memory = static_cast<object::MemoryStreamObject*>(stream.as_object());
            if (memory->closed) {
                runtime_.raise_new(&object::value_error_type, "I/O operation on closed file");
                return false;
            }
            if (memory->position >= memory->length) {
                runtime_.raise_type(&object::eof_error_type);
                return false;
            }
            byte = static_cast<std::uint8_t>(memory->contents()[memory->position++]);
            return true;
        }
        if (self_->byte_buffer.is_none()) {
            Value buffer = object::make_bytearray(runtime_, std::string_view("", 1));
            if (buffer.is_empty()) {
                return false;
            }
            self_->byte_buffer = buffer;
        }
        Value count = object::call_method(runtime_, stream, names::readinto, {self_->byte_buffer});
        if (count.is_empty()) {
            return false;
        }
        if (count.is_none()) {
            object::raise_os_error(runtime_, error_again);
            return false;
        }
        std::optional<std::int64_t> number = object::to_integer(runtime_, count);
        if (!number) {
            return false;
        }
        if (*number < 0) {
            object::raise_os_error(runtime_, -*number);
            return false;
        }
        object::ArrayObject* buffer = object::as_array_like(self_->byte_buffer);
        if (*number == 0 || buffer == nullptr || buffer->byte_length() == 0) {
            runtime_.raise_type(&object::eof_error_type);
            return false;
        }
        byte = buffer->data()[0];
        return true;
    }

  private:
    Runtime& runtime_;
    DeflateStreamObject* self_;
};

// Reads the header (unless raw) and makes the decoder with its window, on the first read.
object::Status prepare(Runtime& runtime, DeflateStreamObject* self) {
    if (self->closed || self->broken) {
        return raise_invalid(runtime);
    }
    if (self->decoder != nullptr) {
        return object::succeeded();
    }
    if (!is_memory_stream(self->stream) &&
        object::find_attribute(runtime, self->stream, names::readinto).is_empty()) {
        runtime.clear_exception();
        return runtime.raise_new(&object::os_error_type, "stream operation not supported");
    }
    unsigned window_bits = self->window_bits;
    DeflateFormat header_format = DeflateFormat::raw;
    // Whatever fails from here on has taken bytes from the stream that a retry would need.
    self->broken = true;
    if (self->format == DeflateFormat::raw) {
        if (window_bits == 0) {
            window_bits = library::default_window_bits;
        }
    } else {
        StreamSource source(runtime, self);
        library::StreamHeader header = library::read_stream_header(source, self->format);
        if (header.status == InflateStatus::source_stopped) {
            return object::Raised{};
        }
        if (header.status != InflateStatus::ok) {
            return raise_invalid(runtime);
        }
        // A smaller window than asked for is enough when the header says so.
        if (window_bits == 0 || header.window_bits < window_bits) {
            window_bits = header.window_bits;
        }
        header_format = header.format;
    }
    const std::size_t window_size = library::Inflater::window_size_for(window_bits);
    auto* decoder = runtime.make<InflaterCell>(window_size, header_format, window_bits);
    if (decoder == nullptr) {
        return object::Raised{};
    }
    std::memset(decoder->window().data(), 0, window_size);
    self->decoder = decoder;
    self->broken = false;
    return object::succeeded();
}

// Decompresses into `output`; the bytes made (0 at the end of the stream), or nothing with the
// exception pending. MicroPython's OSError(EINVAL) for a corrupt stream.
std::optional<std::size_t> inflate_into(Runtime& runtime, DeflateStreamObject* self,
                                        std::span<std::uint8_t> output,
                                        object::NativeWorkMeter& meter) {
    if (self->busy) {
        raise_invalid(runtime);
        return std::nullopt;
    }
    self->busy = true;
    if (!prepare(runtime, self)) {
        self->busy = false;
        return std::nullopt;
    }
    StreamSource source(runtime, self);
    library::Inflater::Progress progress =
        self->decoder->inflater.inflate(source, self->decoder->window(), output, &meter);
    self->busy = false;
    switch (progress.status) {
        case InflateStatus::ok:
        case InflateStatus::finished:
            return progress.produced;
        case InflateStatus::corrupt:
            raise_invalid(runtime);
            return std::nullopt;
        case InflateStatus::source_stopped:
        case InflateStatus::work_stopped:
            break;
    }
    return std::nullopt;
}

DeflateStreamObject* self_of(Arguments arguments) {
    return static_cast<DeflateStreamObject*>(arguments[0].as_object());
}

// The decompressed bytes, in chunks of this many, as MicroPython's stream reads go.
constexpr std::size_t chunk_size = 256;

// Reads up to `limit` bytes (all of them when negative), stopping after a newline when
// `line`; the result is bytes.
object::Result<Value> read_bytes(Runtime& runtime, DeflateStreamObject* self, std::int64_t limit,
                                 bool line) {
    Value collected = object::make_bytearray(runtime, {});
    if (collected.is_empty()) {
        return Value::empty();
    }
    object::ArrayObject* array = object::as_array_like(collected);
    object::NativeWorkMeter meter(runtime);
    std::uint8_t chunk[chunk_size];
    while (limit < 0 || array->byte_length() < static_cast<std::uint64_t>(limit)) {
        std::size_t wanted = chunk_size;
        if (line) {
            wanted = 1;  // a line ends at its newline: not a byte more is decoded
        } else if (limit >= 0) {
            wanted = std::min<std::uint64_t>(wanted, limit - array->byte_length());
        }
        std::optional<std::size_t> made = inflate_into(runtime, self, {chunk, wanted}, meter);
        if (!made) {
            return Value::empty();
        }
        if (*made == 0) {
            break;
        }
        if (!object::array_append_bytes(
                runtime, array, std::string_view(reinterpret_cast<const char*>(chunk), *made))) {
            return Value::empty();
        }
        if (line && chunk[0] == '\n') {
            break;
        }
    }
    return object::make_bytes(
        runtime,
        std::string_view(reinterpret_cast<const char*>(array->data()), array->byte_length()));
}

// An optional size argument: -1 (everything) when absent.
std::optional<std::int64_t> size_argument(Runtime& runtime, Arguments arguments,
                                          std::uint32_t index) {
    if (arguments.positional_count <= index) {
        return -1;
    }
    return object::to_integer(runtime, arguments[index]);
}

object::Result<Value> deflate_read(Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> size = size_argument(runtime, arguments, 1);
    if (!size) {
        return Value::empty();
    }
    if (*size < -1) {
        // Only -1 means everything: MicroPython takes any other negative size as a machine
        // word and fails to allocate that many bytes (and one for the terminator).
        const std::size_t bytes = static_cast<std::size_t>(*size) + 1;
        return runtime.raise_joined(
            &object::memory_error_type,
            {"memory allocation failed, allocating ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(bytes)), " bytes"});
    }
    return read_bytes(runtime, self_of(arguments), *size, false);
}

object::Result<Value> deflate_readline(Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> size = size_argument(runtime, arguments, 1);
    if (!size) {
        return Value::empty();
    }
    return read_bytes(runtime, self_of(arguments), *size, true);
}

// readinto(buffer[, size]): fills at most `size` bytes of the buffer; the count read.
object::Result<Value> deflate_readinto(Runtime& runtime, Arguments arguments) {
    DeflateStreamObject* self = self_of(arguments);
    std::optional<std::uint64_t> wanted = readinto_limit(runtime, arguments, 1);
    if (!wanted) {
        return Value::empty();
    }
    const std::uint64_t limit = *wanted;
    object::NativeWorkMeter meter(runtime);
    std::uint8_t chunk[chunk_size];
    std::uint64_t filled = 0;
    while (filled < limit) {
        std::size_t wanted = std::min<std::uint64_t>(chunk_size, limit - filled);
        std::optional<std::size_t> made = inflate_into(runtime, self, {chunk, wanted}, meter);
        if (!made) {
            return Value::empty();
        }
        if (*made == 0) {
            break;
        }
        // The buffer is looked up again: the source stream's code may have resized it.
        std::optional<object::BufferView> view = object::get_buffer(arguments[1]);
        if (!view || view->size < filled) {
            break;
        }
        std::size_t room = std::min<std::uint64_t>(*made, view->size - filled);
        std::memcpy(view->data + filled, chunk, room);
        filled += room;
    }
    return Value::from_small_int(static_cast<std::int64_t>(filled));
}

constexpr std::int64_t stream_close_request = 4;  // MicroPython's MP_STREAM_CLOSE

// close(): forgets the source stream, closing it too when the constructor was asked to. A
// stream written in Python is closed as MicroPython closes one, through its ioctl method.
object::Result<Value> deflate_close(Runtime& runtime, Arguments arguments) {
    DeflateStreamObject* self = self_of(arguments);
    if (self->closed) {
        return Value::none();
    }
    Value stream = self->stream;
    self->stream = Value::none();
    self->closed = true;
    if (!self->close_stream) {
        return Value::none();
    }
    object::Result<Value> result =
        object::type_of(stream)->is_user_class() && object::native_self(stream) == stream
            ? object::call_method(
                  runtime, stream, names::ioctl,
                  {Value::from_small_int(stream_close_request), Value::from_small_int(0)})
            : object::call_method(runtime, stream, names::close, {});
    return result.ok() ? Value::none() : Value::empty();
}

object::Result<Value> deflate_enter(Runtime&, Arguments arguments) { return arguments[0]; }

object::Result<Value> deflate_exit(Runtime& runtime, Arguments arguments) {
    return deflate_close(runtime, arguments);
}

// DeflateIO(stream, format=AUTO, wbits=0, close=False), checked as MicroPython checks it.
object::Result<Value> deflate_make_new(Runtime& runtime, const object::Type*, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&object::type_error_type,
                                 "function doesn't take keyword arguments");
    }
    const std::uint32_t count = arguments.positional_count;
    if (count < 1) {
        return runtime.raise_new(&object::type_error_type,
                                 "function missing 1 required positional arguments");
    }
    if (count > 4) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most 4 arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(count))});
    }
    std::int64_t numbers[2] = {0, 0};
    for (std::uint32_t index = 1; index < std::min<std::uint32_t>(count, 3); ++index) {
        std::optional<std::int64_t> number = object::to_integer(runtime, arguments[index]);
        if (!number) {
            return Value::empty();
        }
        numbers[index - 1] = *number;
    }
    const std::int64_t format = numbers[0];
    const std::int64_t window_bits = numbers[1];
    if (format < static_cast<int>(DeflateFormat::automatic) ||
        format > static_cast<int>(DeflateFormat::gzip)) {
        return runtime.raise_new(&object::value_error_type, "format");
    }
    if (window_bits != 0 && (window_bits < library::minimum_window_bits ||
                             window_bits > library::maximum_window_bits)) {
        return runtime.raise_new(&object::value_error_type, "wbits");
    }
    bool close = false;
    if (count > 3) {
        int truth = object::truth(runtime, arguments[3]);
        if (truth < 0) {
            return Value::empty();
        }
        close = truth != 0;
    }
    auto* made =
        runtime.make<DeflateStreamObject>(0, arguments[0], static_cast<DeflateFormat>(format),
                                          static_cast<unsigned>(window_bits), close);
    if (made == nullptr) {
        return Value::empty();
    }
    return Value::from_object(made);
}

object::Status deflate_print(Runtime&, Value, object::Printer& printer, object::PrintKind) {
    printer.write("<DeflateIO>");
    return object::succeeded();
}

constexpr NativeFunction deflate_io_methods[] = {
    {names::read, NativeKind::method, 1, 2, deflate_read},
    {names::readinto, NativeKind::method, 2, 3, deflate_readinto},
    {names::readline, NativeKind::method, 1, 2, deflate_readline},
    {names::close, NativeKind::method, 1, 1, deflate_close},
    {names::dunder_enter, NativeKind::method, 1, 1, deflate_enter},
    {names::dunder_exit, NativeKind::method, 4, 4, deflate_exit},
};

constexpr object::Attribute deflate_io_attributes[] = {
    {names::read, &deflate_io_methods[0]},         {names::readinto, &deflate_io_methods[1]},
    {names::readline, &deflate_io_methods[2]},     {names::close, &deflate_io_methods[3]},
    {names::dunder_enter, &deflate_io_methods[4]}, {names::dunder_exit, &deflate_io_methods[5]},
};

constinit const object::Type deflate_io_type{
    names::DeflateIO,
    &object::object_type,
    object::TypeSlots{.make_new = deflate_make_new, .print = deflate_print},
    deflate_io_attributes,
    0,
    trace_deflate_stream};

constexpr object::Attribute deflate_types[] = {{names::DeflateIO, &deflate_io_type}};

bool initialise_deflate(Runtime& runtime, Value globals, void*) {
    constexpr IntegerConstant constants[] = {
        {names::AUTO, static_cast<int>(DeflateFormat::automatic)},
        {names::RAW, static_cast<int>(DeflateFormat::raw)},
        {names::ZLIB, static_cast<int>(DeflateFormat::zlib)},
        {names::GZIP, static_cast<int>(DeflateFormat::gzip)},
    };
    return store_integer_constants(runtime, globals, constants);
}

}  // namespace

constinit const vm::ModuleDefinition deflate_module{
    .name = names::deflate, .objects = deflate_types, .initialise = initialise_deflate};

}  // namespace xipy::modules
