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

struct ByteWindow;

// Raw storage of an array: a leaf cell of `capacity` bytes following the header, or, with
// `window_flag` set in `capacity`, a ByteWindow onto bytes inside another array's storage.
// Arrays never grow past 2 GiB (reserve_bytes refuses), so the top bit is free for the flag.
struct alignas(8) ByteStorage : gc::Cell {
    static constexpr std::uint32_t window_flag = 0x80000000u;
    std::uint32_t capacity;

    explicit ByteStorage(std::uint32_t bytes, const gc::CellDescriptor* descriptor = nullptr);
    bool is_window() const { return (capacity & window_flag) != 0; }
    // The bytes an array may use without reallocating.
    std::uint32_t room() const { return capacity & ~window_flag; }
    inline std::uint8_t* bytes();
};

// A bytearray sharing memory it does not own (uctypes.bytearray_at and a struct's UINT8
// arrays): `room()` bytes at `start`, inside `owner`, which the window keeps alive. Plain
// storage never moves, so `start` stays valid; growing the array past the window copies it
// into storage of its own, as any growth does.
struct alignas(8) ByteWindow : ByteStorage {
    ByteStorage* owner;
    std::uint8_t* start;

    ByteWindow(ByteStorage* owning, std::uint8_t* first, std::uint32_t bytes);
};

inline std::uint8_t* ByteStorage::bytes() {
    return is_window() ? static_cast<ByteWindow*>(this)->start
                       : reinterpret_cast<std::uint8_t*>(this + 1);
}

// Invariants: `length * item_size <= storage->room()` when storage is non-null and
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
// A bytearray of `length` bytes from `offset` in `owner`'s current data (a bytearray or
// array; the range must lie inside it), sharing that memory rather than copying it.
Result<Value> make_bytearray_window(Runtime& runtime, ArrayObject* owner, std::size_t offset,
                                    std::size_t length);
// Appends raw bytes (whole items); false on MemoryError.
Status array_append_bytes(Runtime& runtime, ArrayObject* array, std::string_view data);

}  // namespace xipy::object
