// StringIO and BytesIO: in-memory streams over a growable byte buffer.
#pragma once

#include <cstdint>
#include <string_view>

#include "gc/cell.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type string_io_type;
extern const Type bytes_io_type;

// Raw storage of a memory stream: a plain leaf cell with `capacity` bytes after the header.
struct alignas(8) StreamStorage : gc::Cell {
    std::uint32_t capacity;

    explicit StreamStorage(std::uint32_t bytes);
    char* data() { return reinterpret_cast<char*>(this + 1); }
};

// Invariants: length <= storage->capacity, or, while storage is null, the stream's bytes are
// the `length` bytes at `shared_data` (none when length is 0). A stream made from an immutable
// str or bytes shares that object's bytes (`shared` keeps it alive) until its first write
// copies them, as MicroPython's does. Position may pass length (a later write pads the gap
// with zero bytes). A StringIO's bytes are UTF-8 text; positions count bytes, as
// MicroPython's do.
struct MemoryStreamObject : Object {
    StreamStorage* storage = nullptr;
    Value shared = Value::none();
    const char* shared_data = nullptr;
    std::uint32_t length = 0;
    std::uint32_t position = 0;
    bool closed = false;

    explicit MemoryStreamObject(const Type* type) : Object(type) {}
    std::string_view contents() const {
        if (storage == nullptr) {
            return length == 0 ? std::string_view() : std::string_view(shared_data, length);
        }
        return std::string_view(storage->data(), length);
    }
};

}  // namespace xipy::object
