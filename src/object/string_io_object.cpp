// StringIO and BytesIO: reading, writing and seeking over an in-memory byte buffer.
#include "object/string_io_object.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::object {
namespace {

constexpr gc::CellDescriptor stream_storage_descriptor{nullptr, nullptr};

// MicroPython's errno for a seek before the start.
constexpr std::int64_t invalid_argument_errno = 22;

bool is_text(const MemoryStreamObject* stream) { return stream->type() == &string_io_type; }

MemoryStreamObject* self_stream(Arguments arguments) {
    return static_cast<MemoryStreamObject*>(native_self(arguments[0]).as_object());
}

Raised raise_closed(Runtime& runtime) {
    return runtime.raise_new(&value_error_type, "I/O operation on closed file");
}

// Makes room for `needed` bytes; false with MemoryError pending.
bool reserve(Runtime& runtime, MemoryStreamObject* stream, std::uint64_t needed) {
    // Shared bytes are copied whole, however little the write needs.
    needed = std::max<std::uint64_t>(needed, stream->length);
    std::uint32_t capacity = stream->storage == nullptr ? 0 : stream->storage->capacity;
    if (needed <= capacity) {
        return true;
    }
    if (needed > UINT32_MAX / 2) {
        runtime.raise_memory_error();
        return false;
    }
    auto new_capacity = static_cast<std::uint32_t>(std::max<std::uint64_t>(needed, capacity * 2));
    new_capacity = std::max<std::uint32_t>(new_capacity, 16);
    auto* storage = runtime.make<StreamStorage>(new_capacity, new_capacity);
    if (storage == nullptr) {
        return false;
    }
    if (stream->length > 0) {
        std::memcpy(storage->data(), stream->contents().data(), stream->length);
    }
    stream->storage = storage;
    stream->shared = Value::none();
    stream->shared_data = nullptr;
    return true;
}

// Writes bytes at the position, padding any gap after the end with zeros.
bool write_bytes(Runtime& runtime, MemoryStreamObject* stream, std::string_view data) {
    if (data.empty()) {
        // Nothing is written, and a position past the end pads nothing (as in MicroPython);
        // an empty stream may have no storage at all to write into.
        return true;
    }
    std::uint64_t end = std::uint64_t{stream->position} + data.size();
    if (!reserve(runtime, stream, end)) {
        return false;
    }
    char* bytes = stream->storage->data();
    if (stream->position > stream->length) {
        std::memset(bytes + stream->length, 0, stream->position - stream->length);
    }
    std::memcpy(bytes + stream->position, data.data(), data.size());
    stream->position = static_cast<std::uint32_t>(end);
    stream->length = std::max(stream->length, stream->position);
    return true;
}

// The bytes a text stream's read of `characters` characters spans from `start`.
std::size_t text_span(std::string_view text, std::size_t start, std::int64_t characters) {
    std::size_t end = start;
    for (std::int64_t count = 0; count < characters && end < text.size(); ++count) {
        ++end;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
            ++end;
        }
    }
    return end - start;
}

// What a stream hands out: str for StringIO, bytes for BytesIO.
Result<Value> make_chunk(Runtime& runtime, const MemoryStreamObject* stream,
                         std::string_view data) {
    return is_text(stream) ? make_str(runtime, data) : make_bytes(runtime, data);
}

// The optional size argument: negative or None means "everything".
bool size_argument(Runtime& runtime, Arguments arguments, std::int64_t& size) {
    size = -1;
    if (arguments.positional_count < 2 || arguments[1].is_none()) {
        return true;
    }
    auto given = to_integer(runtime, arguments[1]);
    if (!given) {
        return false;
    }
    size = *given;
    return true;
}

// Reads up to `limit` units (characters for text, bytes otherwise), stopping after a
// newline when `line` is set.
Result<Value> read_chunk(Runtime& runtime, MemoryStreamObject* stream, std::int64_t limit,
                         bool line) {
    if (stream->closed) {
        return raise_closed(runtime);
    }
    std::string_view contents = stream->contents();
    std::size_t start = std::min<std::size_t>(stream->position, contents.size());
    std::string_view rest = contents.substr(start);
    if (line) {
        std::size_t newline = rest.find('\n');
        if (newline != std::string_view::npos) {
            rest = rest.substr(0, newline + 1);
        }
    }
    std::size_t count = rest.size();
    if (limit >= 0) {
        // MicroPython's read(n) of text counts characters, but readline(n) counts bytes.
        count = is_text(stream) && !line
                    ? text_span(rest, 0, limit)
                    : std::min<std::size_t>(rest.size(), static_cast<std::size_t>(limit));
    }
    // Copy out before allocating: the result's allocation may collect, but not move, storage.
    support::ScratchString chunk(rest.substr(0, count));
    stream->position = static_cast<std::uint32_t>(start + count);
    return make_chunk(runtime, stream, chunk);
}

Result<Value> stream_read(Runtime& runtime, Arguments arguments) {
    std::int64_t size = 0;
    if (!size_argument(runtime, arguments, size)) {
        return Value::empty();
    }
    return read_chunk(runtime, self_stream(arguments), size, false);
}

Result<Value> stream_readline(Runtime& runtime, Arguments arguments) {
    std::int64_t size = 0;
    if (!size_argument(runtime, arguments, size)) {
        return Value::empty();
    }
    return read_chunk(runtime, self_stream(arguments), size, true);
}

// readlines(): the remaining lines, each with its newline.
Result<Value> stream_readlines(Runtime& runtime, Arguments arguments) {
    MemoryStreamObject* stream = self_stream(arguments);
    Value lines = make_list(runtime, {});
    if (lines.is_empty()) {
        return Value::empty();
    }
    LoopRoots loop(runtime);
    for (;;) {
        Value line = read_chunk(runtime, stream, -1, true);
        if (line.is_empty()) {
            return Value::empty();
        }
        auto length = length_of(runtime, line);
        if (!length) {
            return Value::empty();
        }
        if (*length == 0) {
            return lines;
        }
        if (!list_append(runtime, lines, line)) {
            return Value::empty();
        }
        loop.next_round();
    }
}

Result<Value> stream_readinto(Runtime& runtime, Arguments arguments) {
    MemoryStreamObject* stream = self_stream(arguments);
    if (stream->closed) {
        return raise_closed(runtime);
    }
    auto buffer = require_buffer(runtime, arguments[1]);
    if (!buffer) {
        return Value::empty();
    }
    // readinto(buffer, n) fills at most n bytes; a negative n is the reference's huge size_t.
    std::size_t room = buffer->size;
    if (arguments.positional_count > 2) {
        auto limit = to_integer(runtime, arguments[2]);
        if (!limit) {
            return Value::empty();
        }
        if (*limit >= 0) {
            room = std::min(room, static_cast<std::size_t>(*limit));
        }
    }
    std::string_view contents = stream->contents();
    std::size_t start = std::min<std::size_t>(stream->position, contents.size());
    std::size_t count = std::min(room, contents.size() - start);
    if (count > 0) {
        std::memcpy(buffer->data, contents.data() + start, count);
    }
    stream->position = static_cast<std::uint32_t>(start + count);
    return make_int(runtime, static_cast<std::int64_t>(count));
}

Result<Value> stream_write(Runtime& runtime, Arguments arguments) {
    MemoryStreamObject* stream = self_stream(arguments);
    if (stream->closed) {
        return raise_closed(runtime);
    }
    support::ScratchString data;
    if (is_str(arguments[1])) {
        data = str_view(runtime, arguments[1]);
    } else {
        auto buffer = require_buffer(runtime, arguments[1]);
        if (!buffer) {
            return Value::empty();
        }
        data = buffer->bytes();
    }
    // MicroPython's write(buffer, n) and write(buffer, offset, n) write a slice of the buffer.
    if (arguments.positional_count > 2) {
        std::optional<std::int64_t> numbers[2];
        for (std::uint32_t index = 2; index < arguments.positional_count; ++index) {
            numbers[index - 2] = to_integer(runtime, arguments[index]);
            if (!numbers[index - 2]) {
                return Value::empty();
            }
        }
        bool has_offset = arguments.positional_count > 3;
        auto offset = static_cast<std::uint64_t>(has_offset ? *numbers[0] : 0);
        auto count = static_cast<std::uint64_t>(has_offset ? *numbers[1] : *numbers[0]);
        offset = std::min<std::uint64_t>(offset, data.size());
        count = std::min<std::uint64_t>(count, data.size() - offset);
        data = data.substr(offset, count);
    }
    if (!write_bytes(runtime, stream, data)) {
        return Value::empty();
    }
    return make_int(runtime, static_cast<std::int64_t>(data.size()));
}

Result<Value> stream_getvalue(Runtime& runtime, Arguments arguments) {
    MemoryStreamObject* stream = self_stream(arguments);
    if (stream->closed) {
        return raise_closed(runtime);
    }
    // The contents are the stream's own storage or a bytes object's, neither of which moves
    // while the result is made (read() makes its chunks the same way).
    return make_chunk(runtime, stream, stream->contents());
}

Result<Value> stream_seek(Runtime& runtime, Arguments arguments) {
    MemoryStreamObject* stream = self_stream(arguments);
    if (stream->closed) {
        return raise_closed(runtime);
    }
    auto offset = to_integer(runtime, arguments[1]);
    if (!offset) {
        return Value::empty();
    }
    std::int64_t whence = 0;
    if (arguments.positional_count > 2) {
        auto given = to_integer(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        whence = *given;
    }
    std::int64_t base = whence == 1 ? stream->position : whence == 2 ? stream->length : 0;
    std::int64_t target = base + *offset;
    if (target < 0 || target > UINT32_MAX / 2) {
        Value code = Value::from_small_int(invalid_argument_errno);
        Value exception = make_exception(runtime, &os_error_type, {&code, 1});
        if (exception.is_empty()) {
            return Raised{};
        }
        return runtime.set_exception(exception);
    }
    stream->position = static_cast<std::uint32_t>(target);
    return make_int(runtime, target);
}

// MicroPython answers tell() even after close().
Result<Value> stream_tell(Runtime& runtime, Arguments arguments) {
    return make_int(runtime, self_stream(arguments)->position);
}

Result<Value> stream_close(Runtime&, Arguments arguments) {
    self_stream(arguments)->closed = true;
    return Value::none();
}

Result<Value> stream_flush(Runtime& runtime, Arguments arguments) {
    if (self_stream(arguments)->closed) {
        return raise_closed(runtime);
    }
    return Value::none();
}

Result<Value> stream_enter(Runtime&, Arguments arguments) { return arguments[0]; }

Result<Value> stream_exit(Runtime& runtime, Arguments arguments) {
    return stream_close(runtime, arguments);
}

Result<Value> stream_next(Runtime& runtime, Value self) {
    auto* stream = static_cast<MemoryStreamObject*>(native_self(self).as_object());
    Value line = read_chunk(runtime, stream, -1, true);
    if (line.is_empty()) {
        return Value::empty();
    }
    auto length = length_of(runtime, line);
    if (!length) {
        return Value::empty();
    }
    return *length == 0 ? Value::stop_iteration() : line;
}

Result<Value> stream_next_method(Runtime& runtime, Arguments arguments) {
    Value line = stream_next(runtime, arguments[0]);
    if (line.is_stop_iteration()) {
        return runtime.raise_type(&stop_iteration_type);
    }
    return line;
}

// StringIO(initial) / BytesIO(initial): str, a buffer, or an int (a size hint, empty
// stream). The position starts at 0 either way.
Result<Value> stream_make_new(Runtime& runtime, const Type* type, Arguments arguments) {
    if (arguments.positional_count > 1) {
        return runtime.raise_joined(
            &type_error_type,
            {"function expected at most 1 arguments, got ",
             Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    auto* stream = runtime.make<MemoryStreamObject>(0, type);
    if (stream == nullptr) {
        return Value::empty();
    }
    if (arguments.positional_count == 1 && !arguments[0].is_none()) {
        Value initial = arguments[0];
        // A copy: a str's text may move as the intern table grows while the storage is made.
        support::ScratchString data;
        if (is_int(initial)) {
            auto hint = to_integer(runtime, initial);
            if (!hint) {
                return Value::empty();
            }
            if (*hint > 0 && !reserve(runtime, stream, static_cast<std::uint64_t>(*hint))) {
                return Value::empty();
            }
        } else if (is_str(initial)) {
            data = str_view(runtime, initial);
        } else if (is_bytes(initial)) {
            // Immutable, at a fixed address: the stream reads the object's own bytes until its
            // first write. (An interned str's text may move as the intern table grows.)
            std::string_view bytes = bytes_view(initial);
            if (bytes.size() > UINT32_MAX / 2) {
                return runtime.raise_memory_error();
            }
            stream->shared = initial;
            stream->shared_data = bytes.data();
            stream->length = static_cast<std::uint32_t>(bytes.size());
        } else {
            auto buffer = require_buffer(runtime, initial);
            if (!buffer) {
                return Value::empty();
            }
            data = buffer->bytes();
        }
        if (!data.empty() && !write_bytes(runtime, stream, data)) {
            return Value::empty();
        }
        stream->position = 0;
    }
    return Value::from_object(stream);
}

Status stream_print(Runtime& runtime, Value self, Printer& printer, PrintKind) {
    const Object* object = self.as_object();
    printer.write("<io.");
    printer.write(runtime.name_text(object->type()->name));
    char address[32];
    std::snprintf(address, sizeof address, " %p>", static_cast<const void*>(object));
    printer.write(address);
    return succeeded();
}

void trace_stream(gc::Cell* cell, gc::Tracer& tracer) {
    auto* stream = static_cast<MemoryStreamObject*>(cell);
    if (stream->storage != nullptr) {
        tracer.mark(stream->storage);
    }
    if (stream->shared.is_object()) {
        tracer.mark(stream->shared.as_object());
    }
}

using Kind = NativeKind;

constexpr NativeFunction stream_methods[] = {
    {names::dunder_enter, Kind::method, 1, 1, stream_enter},
    {names::dunder_exit, Kind::method, 1, 4, stream_exit},
    {names::dunder_next, Kind::method, 1, 1, stream_next_method},
    {names::close, Kind::method, 1, 1, stream_close},
    {names::read, Kind::method, 1, 2, stream_read},
    {names::readinto, Kind::method, 2, 3, stream_readinto},
    {names::readline, Kind::method, 1, 2, stream_readline},
    {names::readlines, Kind::method, 1, 1, stream_readlines},
    {names::write, Kind::method, 2, 4, stream_write},
    {names::flush, Kind::method, 1, 1, stream_flush},
    {names::getvalue, Kind::method, 1, 1, stream_getvalue},
    {names::seek, Kind::method, 2, 3, stream_seek},
    {names::tell, Kind::method, 1, 1, stream_tell},
};

constexpr auto stream_attributes = native_attributes<stream_methods>();

}  // namespace

StreamStorage::StreamStorage(std::uint32_t bytes)
    : gc::Cell(&stream_storage_descriptor), capacity(bytes) {}

constinit const Type string_io_type{names::string_io,
                                    &object_type,
                                    TypeSlots{
                                        .make_new = stream_make_new,
                                        .print = stream_print,
                                        .get_iterator = iterator_self,
                                        .iterate_next = stream_next,
                                    },
                                    stream_attributes,
                                    type_flag_subclassable,
                                    trace_stream};

constinit const Type bytes_io_type{names::bytes_io,
                                   &object_type,
                                   TypeSlots{
                                       .make_new = stream_make_new,
                                       .print = stream_print,
                                       .get_iterator = iterator_self,
                                       .iterate_next = stream_next,
                                   },
                                   stream_attributes,
                                   type_flag_subclassable,
                                   trace_stream};

}  // namespace xipy::object
