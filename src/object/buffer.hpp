// The buffer protocol: raw typed memory that bytes, bytearray, array and memoryview share.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

// A window on an object's memory. Invariants: `data` holds `size` bytes (null only when
// `size` is 0), `size` is a multiple of `item_size`, and `typecode` is one of array's
// typecodes ('B' for bytes and bytearray). It is valid until the owner is next resized
// or collected, so never keep it across an allocation.
struct BufferView {
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    char typecode = 'B';
    std::uint8_t item_size = 1;
    bool writable = false;

    std::string_view bytes() const { return {reinterpret_cast<const char*>(data), size}; }
    std::size_t count() const { return size / item_size; }
};

// The buffer of bytes, bytearray, array or memoryview (user subclasses included); nullopt
// without raising for anything else.
std::optional<BufferView> get_buffer(Value value);
// get_buffer, raising TypeError "object with buffer protocol required" on failure.
std::optional<BufferView> require_buffer(Runtime& runtime, Value value);

// Bytes per item of an array typecode (the reference's 32-bit sizes), or 0 if invalid.
std::uint8_t typecode_size(char typecode);
// The item at `index` (unchecked) as a Python int or float.
Result<Value> buffer_load_item(Runtime& runtime, const BufferView& buffer, std::size_t index);
// Converts `item` and stores it at `index` (unchecked); false when it raised.
Status buffer_store_item(Runtime& runtime, const BufferView& buffer, std::size_t index, Value item);
// Converts `item` to the raw bytes of one item of `typecode` (at most 8 bytes).
Status encode_item(Runtime& runtime, char typecode, Value item, std::uint8_t* target);

}  // namespace xipy::object
