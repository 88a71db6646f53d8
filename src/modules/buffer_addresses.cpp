// Raw addresses confined to this VM's buffers: finding the live buffer that holds a range.
#include "modules/buffer_addresses.hpp"

#include "number/big_integer.hpp"
#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"

namespace xipy::modules {

using object::Runtime;
using object::Value;

std::optional<Memory> memory_of(const Runtime& runtime, Value base) {
    if (object::is_str(base)) {
        std::string_view text = object::str_view(runtime, base);
        return Memory{reinterpret_cast<std::uint8_t*>(const_cast<char*>(text.data())), text.size(),
                      false};
    }
    auto view = object::get_buffer(base);
    if (!view) {
        return std::nullopt;
    }
    return Memory{view->data, view->size, view->writable};
}

std::optional<Location> locate(Runtime& runtime, std::uintptr_t address, std::uint64_t size) {
    std::optional<Location> found;
    // A bytearray window (bytearray_at) lies inside another array's memory: the owner is
    // preferred, so a struct made over the address may reach past the window; then the match
    // with the most bytes after the address.
    bool found_owner = false;
    std::size_t found_room = 0;
    std::uint64_t visited = 0;
    runtime.heap().for_each_cell([&](gc::Cell* cell) {
        ++visited;
        const gc::CellDescriptor* descriptor = cell->descriptor_;
        const std::uint8_t* start = nullptr;
        std::size_t length = 0;
        bool owner = true;
        if (descriptor == &object::bytearray_type || descriptor == &object::array_type) {
            auto* array = static_cast<object::ArrayObject*>(cell);
            start = array->data();
            length = array->byte_length();
            owner = array->storage == nullptr || !array->storage->is_window();
        } else if (descriptor == &object::bytes_type || descriptor == &object::str_type) {
            std::string_view text = static_cast<object::StrObject*>(cell)->text();
            start = reinterpret_cast<const std::uint8_t*>(text.data());
            length = text.size();
        } else {
            return;
        }
        auto first = reinterpret_cast<std::uintptr_t>(start);
        if (start == nullptr || address < first || address - first > length ||
            size > length - (address - first)) {
            return;
        }
        std::size_t room = length - (address - first);
        if (found && (found_owner > owner || (found_owner == owner && found_room >= room))) {
            return;
        }
        found = Location{Value::from_object(static_cast<object::Object*>(cell)), address - first};
        found_owner = owner;
        found_room = room;
    });
    if (!runtime.charge_if_large(visited)) {
        return std::nullopt;
    }
    if (found) {
        // The object may be garbage the collector has not swept yet: rooted for the rest of
        // this call, so an allocation cannot free it under the caller.
        runtime.keep(found->base);
    }
    return found;
}

std::optional<std::uint64_t> truncated(Runtime& runtime, Value value) {
    if (object::is_big_int(value)) {
        number::BigInteger low =
            object::to_big_integer(value) & number::BigInteger::from_uint64(UINT64_MAX);
        auto high_half = static_cast<std::uint64_t>((low >> 32).to_int64());
        auto low_half = static_cast<std::uint64_t>(
            (low & number::BigInteger::from_uint64(UINT32_MAX)).to_int64());
        return (high_half << 32) | low_half;
    }
    auto number = object::to_integer(runtime, value);
    if (!number) {
        return std::nullopt;
    }
    return static_cast<std::uint64_t>(*number);
}

}  // namespace xipy::modules
