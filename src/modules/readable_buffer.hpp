// The bytes behind a buffer argument, as struct, re, binascii and hashlib read them.
#pragma once

#include <optional>
#include <string_view>

#include "object/runtime.hpp"
#include "object/value.hpp"

namespace xipy::modules {

// The bytes a read-only buffer argument holds (bytes, str and the buffer types), or nothing
// with MicroPython's TypeError "object with buffer protocol required" pending. The view
// stays valid until the next allocation may move or free the object's storage.
std::optional<std::string_view> readable_buffer(object::Runtime& runtime, object::Value value);

}  // namespace xipy::modules
