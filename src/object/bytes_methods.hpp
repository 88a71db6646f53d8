// Methods shared by bytes and bytearray: self may be either, results keep self's kind.
#pragma once

#include <array>
#include <utility>

#include "object/names.hpp"
#include "object/native_function.hpp"

namespace xipy::object {

Value bytes_method_count(Runtime& runtime, Arguments arguments);
Value bytes_method_endswith(Runtime& runtime, Arguments arguments);
Value bytes_method_find(Runtime& runtime, Arguments arguments);
Value bytes_method_index(Runtime& runtime, Arguments arguments);
Value bytes_method_isalpha(Runtime& runtime, Arguments arguments);
Value bytes_method_isdigit(Runtime& runtime, Arguments arguments);
Value bytes_method_islower(Runtime& runtime, Arguments arguments);
Value bytes_method_isspace(Runtime& runtime, Arguments arguments);
Value bytes_method_isupper(Runtime& runtime, Arguments arguments);
Value bytes_method_join(Runtime& runtime, Arguments arguments);
Value bytes_method_lower(Runtime& runtime, Arguments arguments);
Value bytes_method_lstrip(Runtime& runtime, Arguments arguments);
Value bytes_method_replace(Runtime& runtime, Arguments arguments);
Value bytes_method_rfind(Runtime& runtime, Arguments arguments);
Value bytes_method_rindex(Runtime& runtime, Arguments arguments);
Value bytes_method_rsplit(Runtime& runtime, Arguments arguments);
Value bytes_method_rstrip(Runtime& runtime, Arguments arguments);
Value bytes_method_split(Runtime& runtime, Arguments arguments);
Value bytes_method_startswith(Runtime& runtime, Arguments arguments);
Value bytes_method_strip(Runtime& runtime, Arguments arguments);
Value bytes_method_upper(Runtime& runtime, Arguments arguments);
Value bytes_method_center(Runtime& runtime, Arguments arguments);
Value bytes_method_decode(Runtime& runtime, Arguments arguments);
Value bytes_method_fromhex(Runtime& runtime, Arguments arguments);
Value bytes_method_hex(Runtime& runtime, Arguments arguments);
Value bytes_method_partition(Runtime& runtime, Arguments arguments);
Value bytes_method_rpartition(Runtime& runtime, Arguments arguments);
Value bytes_method_splitlines(Runtime& runtime, Arguments arguments);
// Defined with the array type (array_object.cpp).
Value array_method_append(Runtime& runtime, Arguments arguments);
Value array_method_extend(Runtime& runtime, Arguments arguments);

#define XIPY_BYTES_METHODS                                                        \
    {names::count, NativeKind::method, 2, 4, bytes_method_count},                 \
        {names::endswith, NativeKind::method, 2, 4, bytes_method_endswith},       \
        {names::find, NativeKind::method, 2, 4, bytes_method_find},               \
        {names::index, NativeKind::method, 2, 4, bytes_method_index},             \
        {names::isalpha, NativeKind::method, 1, 1, bytes_method_isalpha},         \
        {names::isdigit, NativeKind::method, 1, 1, bytes_method_isdigit},         \
        {names::islower, NativeKind::method, 1, 1, bytes_method_islower},         \
        {names::isspace, NativeKind::method, 1, 1, bytes_method_isspace},         \
        {names::isupper, NativeKind::method, 1, 1, bytes_method_isupper},         \
        {names::join, NativeKind::method, 2, 2, bytes_method_join},               \
        {names::lower, NativeKind::method, 1, 1, bytes_method_lower},             \
        {names::lstrip, NativeKind::method, 1, 2, bytes_method_lstrip},           \
        {names::replace, NativeKind::method, 3, 4, bytes_method_replace},         \
        {names::rfind, NativeKind::method, 2, 4, bytes_method_rfind},             \
        {names::rindex, NativeKind::method, 2, 4, bytes_method_rindex},           \
        {names::rsplit, NativeKind::method, 1, 3, bytes_method_rsplit, true},     \
        {names::rstrip, NativeKind::method, 1, 2, bytes_method_rstrip},           \
        {names::split, NativeKind::method, 1, 3, bytes_method_split, true},       \
        {names::startswith, NativeKind::method, 2, 4, bytes_method_startswith},   \
        {names::strip, NativeKind::method, 1, 2, bytes_method_strip},             \
        {names::upper, NativeKind::method, 1, 1, bytes_method_upper},             \
        {names::center, NativeKind::method, 2, 2, bytes_method_center},           \
        {names::decode, NativeKind::method, 1, 3, bytes_method_decode},           \
        {names::fromhex, NativeKind::class_method, 2, 2, bytes_method_fromhex},   \
        {names::hex, NativeKind::method, 1, 2, bytes_method_hex},                 \
        {names::partition, NativeKind::method, 2, 2, bytes_method_partition},     \
        {names::rpartition, NativeKind::method, 2, 2, bytes_method_rpartition}, { \
        names::splitlines, NativeKind::method, 1, 2, bytes_method_splitlines      \
    }

inline constexpr NativeFunction bytes_natives[] = {XIPY_BYTES_METHODS};
inline constexpr NativeFunction bytearray_natives[] = {
    {names::append, NativeKind::method, 2, 2, array_method_append},
    {names::extend, NativeKind::method, 2, 2, array_method_extend},
    XIPY_BYTES_METHODS};
#undef XIPY_BYTES_METHODS

template <const auto& Natives, std::size_t... Indices>
constexpr std::array<Attribute, sizeof...(Indices)> make_native_table(
    std::index_sequence<Indices...>) {
    return {Attribute{Natives[Indices].name, &Natives[Indices]}...};
}

inline constexpr auto bytes_method_attributes =
    make_native_table<bytes_natives>(std::make_index_sequence<std::size(bytes_natives)>{});
inline constexpr auto bytearray_method_attributes =
    make_native_table<bytearray_natives>(std::make_index_sequence<std::size(bytearray_natives)>{});

}  // namespace xipy::object
