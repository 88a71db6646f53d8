// The method tables of bytes and bytearray; self may be either, results keep self's type.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/text_methods.hpp"
#include "text/utf8_text.hpp"

namespace xipy::object {

// The encoding `value` names ("utf-8", "utf8" or "ascii"); raises LookupError for others.
std::optional<text::Encoding> encoding_argument(Runtime& runtime, Value value);
// A str from a buffer's bytes, as str(buffer, encoding[, errors]) and
// bytes.decode([encoding[, errors]]) make it; the encoding is arguments[first] if given.
Result<Value> decode_to_str(Runtime& runtime, std::string_view data, Arguments arguments,
                            std::uint32_t first);
// Whether str `text` encodes in the encoding arguments[first] names (UTF-8 when not given);
// raises LookupError or UnicodeError and returns false when not.
Status check_encodable(Runtime& runtime, std::string_view text, Arguments arguments,
                       std::uint32_t first);

// bytes' own methods (the ones it shares with str are TextMethods, text_methods.hpp).
Result<Value> bytes_method_decode(Runtime& runtime, Arguments arguments);
Result<Value> bytes_method_fromhex(Runtime& runtime, Arguments arguments);
Result<Value> bytes_method_hex(Runtime& runtime, Arguments arguments);
// Defined with the array type (array_object.cpp).
Result<Value> array_method_append(Runtime& runtime, Arguments arguments);
Result<Value> array_method_extend(Runtime& runtime, Arguments arguments);

#define XIPY_BYTES_METHODS                                                                      \
    {names::count, NativeKind::method, 2, 4, BytesMethods::count},                              \
        {names::endswith, NativeKind::method, 2, 4, BytesMethods::endswith},                    \
        {names::find, NativeKind::method, 2, 4, BytesMethods::find},                            \
        {names::format, NativeKind::method, 1, NativeFunction::unlimited, BytesMethods::format, \
         true},                                                                                 \
        {names::index, NativeKind::method, 2, 4, BytesMethods::index},                          \
        {names::isalpha, NativeKind::method, 1, 1, BytesMethods::isalpha},                      \
        {names::isdigit, NativeKind::method, 1, 1, BytesMethods::isdigit},                      \
        {names::islower, NativeKind::method, 1, 1, BytesMethods::islower},                      \
        {names::isspace, NativeKind::method, 1, 1, BytesMethods::isspace},                      \
        {names::isupper, NativeKind::method, 1, 1, BytesMethods::isupper},                      \
        {names::join, NativeKind::method, 2, 2, BytesMethods::join},                            \
        {names::lower, NativeKind::method, 1, 1, BytesMethods::lower},                          \
        {names::lstrip, NativeKind::method, 1, 2, BytesMethods::lstrip},                        \
        {names::replace, NativeKind::method, 3, 4, BytesMethods::replace},                      \
        {names::rfind, NativeKind::method, 2, 4, BytesMethods::rfind},                          \
        {names::rindex, NativeKind::method, 2, 4, BytesMethods::rindex},                        \
        {names::rsplit, NativeKind::method, 1, 3, BytesMethods::rsplit, true},                  \
        {names::rstrip, NativeKind::method, 1, 2, BytesMethods::rstrip},                        \
        {names::split, NativeKind::method, 1, 3, BytesMethods::split, true},                    \
        {names::startswith, NativeKind::method, 2, 4, BytesMethods::startswith},                \
        {names::strip, NativeKind::method, 1, 2, BytesMethods::strip},                          \
        {names::upper, NativeKind::method, 1, 1, BytesMethods::upper},                          \
        {names::center, NativeKind::method, 2, 2, BytesMethods::center},                        \
        {names::decode, NativeKind::method, 1, 3, bytes_method_decode},                         \
        {names::fromhex, NativeKind::class_method, 2, 2, bytes_method_fromhex},                 \
        {names::hex, NativeKind::method, 1, 2, bytes_method_hex},                               \
        {names::partition, NativeKind::method, 2, 2, BytesMethods::partition},                  \
        {names::rpartition, NativeKind::method, 2, 2, BytesMethods::rpartition}, {              \
        names::splitlines, NativeKind::method, 1, 2, BytesMethods::splitlines, true             \
    }

inline constexpr NativeFunction bytes_natives[] = {XIPY_BYTES_METHODS};
inline constexpr NativeFunction bytearray_natives[] = {
    {names::append, NativeKind::method, 2, 2, array_method_append},
    {names::extend, NativeKind::method, 2, 2, array_method_extend},
    XIPY_BYTES_METHODS};
#undef XIPY_BYTES_METHODS

inline constexpr auto bytes_method_attributes = native_attributes<bytes_natives>();
inline constexpr auto bytearray_method_attributes = native_attributes<bytearray_natives>();

}  // namespace xipy::object
