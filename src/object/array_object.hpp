// bytearray and array.array: growable typed byte storage (bytearray is an array of 'B').
#pragma once

#include <cstdint>
#include <string_view>

#include "gc/cell.hpp"
#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type bytearray_type;
extern const Type array_type;

// Raw storage of an array: a leaf cell of `capacity` bytes following the header.
struct alignas(8) ByteStorage : gc::Cell {
    std::uint32_t capacity;

    explicit ByteStorage(std::uint32_t bytes);
    std::uint8_t* bytes() { return reinterpret_cast<std::uint8_t*>(this + 1); }
};

// Invariants: `length * item_size <= storage->capacity` when storage is non-null and
// `length == 0` when it is null; `item_size == typecode_size(typecode)`; a bytearray
// has typecode 'B'.
struct ArrayObject : Object {
    std::uint32_t length = 0;
    char typecode;
    std::uint8_t item_size;
    ByteStorage* storage = nullptr;

    ArrayObject(const Type* type, char code, std::uint8_t size)
        : Object(type), typecode(code), item_size(size) {}
    std::uint8_t* data() { return storage == nullptr ? nullptr : storage->bytes(); }
    std::size_t byte_length() const { return std::size_t{length} * item_size; }
};

// bytearray or array exactly, or a user subclass instance's native object.
ArrayObject* as_array_like(Value value);
Result<Value> make_bytearray(Runtime& runtime, std::string_view data);
// A new array of `typecode` holding a copy of `data` (whole items).
Result<Value> make_array(Runtime& runtime, const Type* type, char typecode, std::string_view data);
// Appends raw bytes (whole items); false on MemoryError.
Status array_append_bytes(Runtime& runtime, ArrayObject* array, std::string_view data);

}  // namespace xipy::object
