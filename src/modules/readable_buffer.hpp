// The bytes behind a buffer argument: read-only ones as struct, re, binascii and hashlib read
// them, and the writable one a stream's readinto() fills.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "object/object.hpp"

#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::modules {

// The bytes a read-only buffer argument holds (bytes, str and the buffer types), or nothing
// with MicroPython's TypeError "object with buffer protocol required" pending. The view
// stays valid until the next allocation may move or free the object's storage.
std::optional<std::string_view> readable_buffer(object::Runtime& runtime, object::Value value);

// How many bytes readinto(buffer[, size]) may fill, with the buffer at `arguments[index]` and
// the size after it: the writable buffer's length, or `size` when smaller (a negative size is
// taken as unsigned, so it means the whole buffer, as MicroPython's stream readinto has it).
// Nothing with the exception pending: TypeError "object with buffer protocol required" for a
// buffer that cannot be written.
std::optional<std::uint64_t> readinto_limit(object::Runtime& runtime, object::Arguments arguments,
                                            std::uint32_t index);

}  // namespace xipy::modules
