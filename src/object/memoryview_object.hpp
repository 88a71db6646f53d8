// memoryview: a zero-copy window on another object's buffer.
#pragma once

#include <cstdint>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type memoryview_type;

// Invariants: `base` is a bytes, bytearray or array object; the view covers items
// [offset, offset + length) of it, with the base's typecode. The base may shrink after
// the view was made, so every access clips the view to the base's current size.
struct MemoryViewObject : Object {
    Value base;
    std::uint32_t offset;
    std::uint32_t length;
    char typecode;
    std::uint8_t item_size;
    bool readonly;

    MemoryViewObject(Value base_object, std::uint32_t first, std::uint32_t count, char code,
                     std::uint8_t size, bool read_only)
        : Object(&memoryview_type),
          base(base_object),
          offset(first),
          length(count),
          typecode(code),
          item_size(size),
          readonly(read_only) {}
};

bool is_memoryview(Value value);

}  // namespace xipy::object
