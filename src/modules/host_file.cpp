// Host files: the stream open() returns, reading and writing a file descriptor in the root.
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>

#include "modules/host_file.hpp"
#include "modules/names.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/roots.hpp"
#include "object/str_object.hpp"
#include "text/utf8_text.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// Invariants: `descriptor` is open while `closed` is false, and is owned by this object alone
// (closed on close() or when the object is collected). `text` is fixed at open(): str in and
// out, read(n) counting characters, as MicroPython's io.TextIOWrapper does.
struct HostFileObject : object::Object {
    int descriptor;
    bool text;
    bool closed = false;

    HostFileObject(const object::Type* type, int file_descriptor, bool is_text)
        : Object(type), descriptor(file_descriptor), text(is_text) {}
};

HostFileObject* self_file(Arguments arguments) {
    return static_cast<HostFileObject*>(object::native_self(arguments[0]).as_object());
}

object::Raised raise_closed(object::Runtime& runtime) {
    return runtime.raise_new(&object::value_error_type, "I/O operation on closed file");
}

// Reads up to `count` bytes, retrying when a signal interrupts; -1 with errno set on failure.
long read_some(int descriptor, char* data, std::size_t count) {
    for (;;) {
        ssize_t got = ::read(descriptor, data, count);
        if (got >= 0 || errno != EINTR) {
            return static_cast<long>(got);
        }
    }
}

bool is_continuation(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) == 0x80; }

// Appends up to `limit` units (characters for text, bytes otherwise; negative: all) to
// `out`, stopping after a newline when `line` is set (a line's limit counts bytes, as the
// reference's does). Reads go past the end of what is kept and seek back, which is exact
// because open() only hands out regular files. False with errno set on a host failure.
bool read_units(HostFileObject* file, std::int64_t limit, bool line, std::string& out) {
    bool characters = file->text && !line;
    std::int64_t taken = 0;
    char chunk[512];
    while (limit < 0 || taken < limit) {
        long got = read_some(file->descriptor, chunk, sizeof chunk);
        if (got < 0) {
            return false;
        }
        if (got == 0) {
            return true;
        }
        long used = 0;
        bool done = false;
        for (; used < got; ++used) {
            char byte = chunk[used];
            if (characters && is_continuation(byte)) {
                out.push_back(byte);
                continue;
            }
            if (limit >= 0 && taken == limit) {
                done = true;
                break;
            }
            out.push_back(byte);
            ++taken;
            if (line && byte == '\n') {
                ++used;
                done = true;
                break;
            }
        }
        // A character's continuation bytes may start the next chunk; keep reading for them.
        if (characters && used == got && limit >= 0 && taken == limit) {
            continue;
        }
        if (used < got && ::lseek(file->descriptor, used - got, SEEK_CUR) < 0) {
            return false;
        }
        if (done) {
            return true;
        }
    }
    return true;
}

// What a read hands out: str for a text file (which must hold UTF-8), bytes otherwise.
object::Result<Value> make_chunk(object::Runtime& runtime, const HostFileObject* file,
                                 const std::string& data) {
    if (!file->text) {
        return object::make_bytes(runtime, data);
    }
    support::ScratchString checked;
    if (!text::decode_text(data, text::Encoding::utf8, text::DecodeErrors::strict, checked)) {
        return runtime.raise_type(&object::unicode_error_type);
    }
    return object::make_str(runtime, data);
}

object::Result<Value> read_value(object::Runtime& runtime, HostFileObject* file, std::int64_t limit,
                                 bool line) {
    if (file->closed) {
        return raise_closed(runtime);
    }
    std::string data;
    if (!read_units(file, limit, line, data)) {
        // The host errno goes to OSError unchanged: Linux numbers errors as MicroPython does.
        return object::raise_os_error(runtime, errno);
    }
    return make_chunk(runtime, file, data);
}

// The optional size argument: negative or None means "everything".
bool size_argument(object::Runtime& runtime, Arguments arguments, std::int64_t& size) {
    size = -1;
    if (arguments.positional_count < 2 || arguments[1].is_none()) {
        return true;
    }
    auto given = object::to_integer(runtime, arguments[1]);
    if (!given) {
        return false;
    }
    size = *given;
    return true;
}

object::Result<Value> file_read(object::Runtime& runtime, Arguments arguments) {
    std::int64_t size = 0;
    if (!size_argument(runtime, arguments, size)) {
        return Value::empty();
    }
    return read_value(runtime, self_file(arguments), size, false);
}

object::Result<Value> file_readline(object::Runtime& runtime, Arguments arguments) {
    std::int64_t size = 0;
    if (!size_argument(runtime, arguments, size)) {
        return Value::empty();
    }
    return read_value(runtime, self_file(arguments), size, true);
}

object::Result<Value> file_readlines(object::Runtime& runtime, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    Value lines = object::make_list(runtime, {});
    if (lines.is_empty()) {
        return Value::empty();
    }
    object::LoopRoots loop(runtime);
    for (;;) {
        if (file->closed) {
            return raise_closed(runtime);
        }
        std::string data;
        if (!read_units(file, -1, true, data)) {
            return object::raise_os_error(runtime, errno);
        }
        if (data.empty()) {
            return lines;
        }
        Value line = make_chunk(runtime, file, data);
        if (line.is_empty() || !object::list_append(runtime, lines, line)) {
            return Value::empty();
        }
        loop.next_round();
    }
}

object::Result<Value> file_readinto(object::Runtime& runtime, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    if (file->closed) {
        return raise_closed(runtime);
    }
    auto buffer = object::require_buffer(runtime, arguments[1]);
    if (!buffer) {
        return Value::empty();
    }
    std::size_t room = buffer->size;
    if (arguments.positional_count > 2) {
        auto limit = object::to_integer(runtime, arguments[2]);
        if (!limit) {
            return Value::empty();
        }
        if (*limit >= 0) {
            room = std::min(room, static_cast<std::size_t>(*limit));
        }
    }
    std::size_t filled = 0;
    while (filled < room) {
        long got = read_some(file->descriptor, reinterpret_cast<char*>(buffer->data) + filled,
                             room - filled);
        if (got < 0) {
            return object::raise_os_error(runtime, errno);
        }
        if (got == 0) {
            break;
        }
        filled += static_cast<std::size_t>(got);
    }
    return object::make_int(runtime, static_cast<std::int64_t>(filled));
}

// write(data), write(buffer, n), write(buffer, offset, n): the number of bytes written.
object::Result<Value> file_write(object::Runtime& runtime, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    if (file->closed) {
        return raise_closed(runtime);
    }
    std::string data;
    if (object::is_str(arguments[1])) {
        data = object::str_view(runtime, arguments[1]);
    } else {
        auto buffer = object::require_buffer(runtime, arguments[1]);
        if (!buffer) {
            return Value::empty();
        }
        data = buffer->bytes();
    }
    if (arguments.positional_count > 2) {
        std::optional<std::int64_t> numbers[2];
        for (std::uint32_t index = 2; index < arguments.positional_count; ++index) {
            numbers[index - 2] = object::to_integer(runtime, arguments[index]);
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
    std::size_t written = 0;
    while (written < data.size()) {
        ssize_t done = ::write(file->descriptor, data.data() + written, data.size() - written);
        if (done < 0) {
            if (errno == EINTR) {
                continue;
            }
            return object::raise_os_error(runtime, errno);
        }
        written += static_cast<std::size_t>(done);
    }
    return object::make_int(runtime, static_cast<std::int64_t>(written));
}

object::Result<Value> file_seek(object::Runtime& runtime, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    if (file->closed) {
        return raise_closed(runtime);
    }
    auto offset = object::to_integer(runtime, arguments[1]);
    if (!offset) {
        return Value::empty();
    }
    std::int64_t whence = 0;
    if (arguments.positional_count > 2) {
        auto given = object::to_integer(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        whence = *given;
    }
    int host_whence = whence == 1 ? SEEK_CUR : whence == 2 ? SEEK_END : SEEK_SET;
    off_t position = ::lseek(file->descriptor, static_cast<off_t>(*offset), host_whence);
    if (position < 0) {
        return object::raise_os_error(runtime, errno);
    }
    return object::make_int(runtime, static_cast<std::int64_t>(position));
}

object::Result<Value> file_tell(object::Runtime& runtime, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    if (file->closed) {
        return raise_closed(runtime);
    }
    off_t position = ::lseek(file->descriptor, 0, SEEK_CUR);
    if (position < 0) {
        return object::raise_os_error(runtime, errno);
    }
    return object::make_int(runtime, static_cast<std::int64_t>(position));
}

// Nothing is buffered in the VM: every write() is already the host's.
object::Result<Value> file_flush(object::Runtime& runtime, Arguments arguments) {
    if (self_file(arguments)->closed) {
        return raise_closed(runtime);
    }
    return Value::none();
}

object::Result<Value> file_fileno(object::Runtime& runtime, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    if (file->closed) {
        return raise_closed(runtime);
    }
    return Value::from_small_int(file->descriptor);
}

object::Result<Value> file_close(object::Runtime&, Arguments arguments) {
    HostFileObject* file = self_file(arguments);
    if (!file->closed) {
        file->closed = true;
        ::close(file->descriptor);
    }
    return Value::none();
}

object::Result<Value> file_enter(object::Runtime&, Arguments arguments) { return arguments[0]; }

object::Result<Value> file_exit(object::Runtime& runtime, Arguments arguments) {
    return file_close(runtime, arguments);
}

object::Result<Value> file_next(object::Runtime& runtime, Value self) {
    auto* file = static_cast<HostFileObject*>(object::native_self(self).as_object());
    if (file->closed) {
        return raise_closed(runtime);
    }
    std::string data;
    if (!read_units(file, -1, true, data)) {
        return object::raise_os_error(runtime, errno);
    }
    if (data.empty()) {
        return Value::stop_iteration();
    }
    return make_chunk(runtime, file, data);
}

object::Result<Value> file_next_method(object::Runtime& runtime, Arguments arguments) {
    Value line = file_next(runtime, arguments[0]);
    if (line.is_stop_iteration()) {
        return runtime.raise_type(&object::stop_iteration_type);
    }
    return line;
}

object::Status file_print(object::Runtime&, Value self, object::Printer& printer,
                          object::PrintKind) {
    const auto* file = static_cast<const HostFileObject*>(self.as_object());
    printer.write(file->text ? "<io.TextIOWrapper " : "<io.FileIO ");
    printer.write(std::to_string(file->descriptor));
    printer.write(">");
    return object::succeeded();
}

void finalize_file(gc::Cell* cell) {
    auto* file = static_cast<HostFileObject*>(cell);
    if (!file->closed) {
        file->closed = true;
        ::close(file->descriptor);
    }
}

using Kind = NativeKind;

constexpr NativeFunction file_methods[] = {
    {names::dunder_enter, Kind::method, 1, 1, file_enter},
    {names::dunder_exit, Kind::method, 1, 4, file_exit},
    {names::dunder_next, Kind::method, 1, 1, file_next_method},
    {names::close, Kind::method, 1, 1, file_close},
    {names::fileno, Kind::method, 1, 1, file_fileno},
    {names::flush, Kind::method, 1, 1, file_flush},
    {names::read, Kind::method, 1, 2, file_read},
    {names::readinto, Kind::method, 2, 3, file_readinto},
    {names::readline, Kind::method, 1, 2, file_readline},
    {names::readlines, Kind::method, 1, 1, file_readlines},
    {names::seek, Kind::method, 2, 3, file_seek},
    {names::tell, Kind::method, 1, 1, file_tell},
    {names::write, Kind::method, 2, 4, file_write},
};

constexpr auto file_attributes = object::native_attributes<file_methods>();

constexpr object::TypeSlots file_slots{
    .print = file_print,
    .get_iterator = object::iterator_self,
    .iterate_next = file_next,
};

constinit const object::Type text_file_type{
    names::TextIOWrapper, &object::object_type, file_slots, file_attributes, 0, nullptr,
    finalize_file};
constinit const object::Type binary_file_type{
    names::FileIO, &object::object_type, file_slots, file_attributes, 0, nullptr, finalize_file};

}  // namespace

Value make_host_file(object::Runtime& runtime, int descriptor, bool text) {
    auto* file = runtime.make<HostFileObject>(0, text ? &text_file_type : &binary_file_type,
                                              descriptor, text);
    if (file == nullptr) {
        ::close(descriptor);
        return Value::empty();
    }
    return Value::from_object(file);
}

}  // namespace xipy::modules
