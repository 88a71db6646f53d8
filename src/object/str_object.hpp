// str: UTF-8 text, either interned (an immediate id) or a StrObject on the heap.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "object/object.hpp"
#include "object/runtime.hpp"

namespace xipy::object {

extern const Type str_type;
extern const Type str_iterator_type;

// A str that is not interned.
// Invariants: the bytes follow the object in the same allocation, are valid
// UTF-8 and are never changed; `character_count` is the number of code
// points; `hash` is 0 until computed (a computed hash of 0 is stored as 1).
struct StrObject : Object {
    std::uint32_t byte_length;
    std::uint32_t character_count;
    std::uint32_t hash;

    StrObject(const Type* type, std::uint32_t length, std::uint32_t characters)
        : Object(type), byte_length(length), character_count(characters), hash(0) {}
    char* data() { return reinterpret_cast<char*>(this + 1); }
    std::string_view text() const { return {reinterpret_cast<const char*>(this + 1), byte_length}; }
};

// str exactly (interned or StrObject), not a subclass instance.
bool is_str(Value value);
// Precondition: is_str(value).
std::string_view str_view(const Runtime& runtime, Value value);
// A new str holding a copy of `text` (valid UTF-8). Empty on MemoryError.
Result<Value> make_str(Runtime& runtime, std::string_view text);
std::uint32_t str_hash(const Runtime& runtime, Value value);
std::size_t utf8_character_count(std::string_view text);
// Appends repr(text) with MicroPython's quoting and escapes.
void write_str_repr(Printer& printer, std::string_view text);
// The byte offset of code point `index` (0 <= index <= count).
std::size_t utf8_offset_of(std::string_view text, std::size_t index);

}  // namespace xipy::object
