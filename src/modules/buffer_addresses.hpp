// Raw addresses as uctypes and machine.mem take them, confined to the buffers of this VM.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "object/runtime.hpp"
#include "object/value.hpp"

// MicroPython treats an address as a pointer and reads or writes wherever it points. xipy
// instead finds the live buffer of this VM (bytes, bytearray, array, str) that holds the whole
// range an access touches, and refuses the access when there is none (docs/compatibility.md).
namespace xipy::modules {

// A range of bytes inside a live object of this VM: `offset` from the start of `base`'s data.
struct Location {
    object::Value base;
    std::uint64_t offset;
};

// The current bytes of a buffer object (bytes, str, bytearray, array), and whether they may
// be written; nothing if it no longer has any.
struct Memory {
    std::uint8_t* data = nullptr;
    std::size_t size = 0;
    bool writable = false;
};

// The buffer object's current memory (str included), or nothing if it no longer has any.
std::optional<Memory> memory_of(const object::Runtime& runtime, object::Value base);

// The error text when no buffer of this VM holds an address's range (a ValueError).
inline constexpr const char* outside_text = "address not in a buffer of this VM";

// The heap object whose data holds [address, address + size): bytes, str, bytearray or
// array, looked up among the cells of this VM's heap, so nothing outside them is ever reached.
// Nothing, without raising, when no buffer holds it; nothing with an exception pending when
// the step budget ran out.
std::optional<Location> locate(object::Runtime& runtime, std::uintptr_t address,
                               std::uint64_t size);

// The low 64 bits of an int, as MicroPython truncates stored values.
std::optional<std::uint64_t> truncated(object::Runtime& runtime, object::Value value);

}  // namespace xipy::modules
