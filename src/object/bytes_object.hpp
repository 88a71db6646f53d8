// bytes: immutable byte strings, laid out as StrObject with type bytes.
#pragma once

#include <string_view>

#include "object/object.hpp"
#include "object/runtime.hpp"
#include "object/str_object.hpp"

namespace xipy::object {

extern const Type bytes_type;
extern const Type bytes_iterator_type;

bool is_bytes(Value value);
// Precondition: is_bytes(value).
std::string_view bytes_view(Value value);
Result<Value> make_bytes(Runtime& runtime, std::string_view data);
// `size` zero bytes, as bytes(n) makes them.
Result<Value> make_zeroed_bytes(Runtime& runtime, std::size_t size);
void write_bytes_repr(Printer& printer, std::string_view data);

}  // namespace xipy::object
