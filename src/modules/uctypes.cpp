// The uctypes module: C-like structures laid over buffers of this VM, every access bounds-checked.
#include <bit>
#include <cinttypes>
#include <cstdio>
#include <cstring>
#include <string>

#include "library/struct_format.hpp"
#include "modules/buffer_addresses.hpp"
#include "modules/names.hpp"
#include "modules/standard_modules.hpp"
#include "number/big_integer.hpp"
#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

// How this differs from MicroPython's uctypes: an address is only a number to Python, so
// MicroPython reads and writes wherever it points. xipy instead finds the live buffer of this
// VM (bytes, bytearray, array, str) that holds the whole range an access touches, and raises
// ValueError when there is none; a struct remembers the buffer it was laid over and follows it
// if it moves. Memory that is read-only (bytes, str) refuses stores. docs/compatibility.md
// lists what this refuses.
namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Runtime;
using object::Value;

namespace {

// ---- the descriptor encoding, as MicroPython's: a field is an int holding a value type in
// bits 27..30 and an offset below them, or a tuple whose first int holds an aggregate kind in
// bits 29..30 and an offset below them. Bitfields keep the bit position and length above a
// 17-bit offset.
enum ValueKind : unsigned {
    kind_uint8,
    kind_int8,
    kind_uint16,
    kind_int16,
    kind_uint32,
    kind_int32,
    kind_uint64,
    kind_int64,
    kind_bitfield_first,                           // BFUINT8
    kind_bitfield_last = kind_bitfield_first + 5,  // BFINT32
    kind_float32,
    kind_float64,
};
enum AggregateKind : unsigned { aggregate_struct, aggregate_pointer, aggregate_array };
enum Layout : std::int64_t { layout_little_endian = 0, layout_big_endian = 1, layout_native = 2 };

constexpr unsigned value_kind_shift = 27;
constexpr std::int64_t value_offset_mask = 0x07ffffff;
constexpr unsigned aggregate_kind_shift = 29;
constexpr std::int64_t aggregate_offset_mask = 0x1fffffff;
constexpr unsigned bitfield_position_shift = 17;
constexpr unsigned bitfield_length_shift = 22;
constexpr std::int64_t bitfield_offset_mask = 0x1ffff;

unsigned value_kind(std::int64_t field) {
    return static_cast<unsigned>(field >> value_kind_shift) & 15;
}
unsigned aggregate_kind(std::int64_t field) {
    return static_cast<unsigned>(field >> aggregate_kind_shift) & 3;
}
bool is_bitfield(unsigned kind) {
    return kind >= kind_bitfield_first && kind <= kind_bitfield_last;
}
std::uint64_t scalar_size(unsigned kind) {
    return kind == kind_float32 ? 4 : std::uint64_t{1} << ((kind & 7) >> 1);
}
constexpr std::int64_t type_constant(unsigned kind, unsigned bits) {
    // The kind in the top `bits` of a 31-bit small int, sign included.
    return static_cast<std::int64_t>(static_cast<std::int32_t>(kind << (32 - bits)) >> 1);
}

constexpr const char* syntax_error_text = "syntax error in uctypes descriptor";

enum class DescriptorError { none, syntax, scalar };

// A field's encoding when it is an int that fits 64 bits.
std::optional<std::int64_t> encoding(Value value) {
    return object::is_int(value) ? object::int_to_int64(value) : std::nullopt;
}

// A dict or OrderedDict exactly, as MicroPython's struct descriptors must be.
bool is_struct_descriptor(Value value) {
    if (!value.is_object()) {
        return false;
    }
    const object::Type* type = value.as_object()->type();
    return type == &object::dict_type ||
           (type->base == &object::dict_type && !type->is_user_class() &&
            type->name == names::ordered_dict);
}

std::optional<std::uint64_t> descriptor_size(Value descriptor, std::int64_t layout,
                                             std::uint64_t& largest_field, DescriptorError& error,
                                             unsigned depth);

// The size of an aggregate field's tuple (STRUCT, PTR or ARRAY).
std::optional<std::uint64_t> aggregate_size(object::TupleObject* tuple, std::int64_t layout,
                                            std::uint64_t& largest_field, DescriptorError& error,
                                            unsigned depth) {
    auto head = tuple->length == 0 ? std::nullopt : encoding(tuple->items()[0]);
    if (!head) {
        error = DescriptorError::syntax;
        return std::nullopt;
    }
    switch (aggregate_kind(*head)) {
        case aggregate_struct:
            if (tuple->length != 2) {
                break;
            }
            return descriptor_size(tuple->items()[1], layout, largest_field, error, depth + 1);
        case aggregate_pointer:
            if (tuple->length != 2) {
                break;
            }
            largest_field = std::max<std::uint64_t>(largest_field, sizeof(void*));
            return sizeof(void*);
        case aggregate_array: {
            auto count_field = tuple->length < 2 ? std::nullopt : encoding(tuple->items()[1]);
            if (!count_field) {
                break;
            }
            std::uint64_t count = static_cast<std::uint64_t>(*count_field & value_offset_mask);
            std::uint64_t item = 0;
            if (tuple->length == 2) {
                item = scalar_size(value_kind(*count_field));
                largest_field = std::max(largest_field, item);
            } else if (tuple->length == 3) {
                auto size =
                    descriptor_size(tuple->items()[2], layout, largest_field, error, depth + 1);
                if (!size) {
                    return std::nullopt;
                }
                item = *size;
            } else {
                break;
            }
            return item * count;
        }
        default:
            break;
    }
    error = DescriptorError::syntax;
    return std::nullopt;
}

// uctypes.sizeof of a descriptor, as MicroPython computes it (NATIVE rounds up to the largest
// field); nothing with `error` set when the descriptor is malformed. Needs no runtime, so the
// buffer protocol can use it.
std::optional<std::uint64_t> descriptor_size(Value descriptor, std::int64_t layout,
                                             std::uint64_t& largest_field, DescriptorError& error,
                                             unsigned depth) {
    // Descriptors are acyclic in practice; a cyclic one is malformed, not a C++ stack overflow.
    constexpr unsigned deepest = 64;
    if (depth > deepest) {
        error = DescriptorError::syntax;
        return std::nullopt;
    }
    if (!is_struct_descriptor(descriptor)) {
        if (object::is_tuple(descriptor)) {
            return aggregate_size(object::as_tuple(descriptor), layout, largest_field, error,
                                  depth);
        }
        error = object::is_int(descriptor) ? DescriptorError::scalar : DescriptorError::syntax;
        return std::nullopt;
    }
    object::DictObject* dict = object::as_dict(descriptor);
    std::uint64_t total = 0;
    std::uint32_t position = 0;
    object::DictEntry* entry = nullptr;
    while (object::dict_next(dict, position, entry)) {
        Value field = entry->value;
        std::uint64_t end = 0;
        if (object::is_int(field)) {
            auto bits = encoding(field);
            if (!bits) {
                error = DescriptorError::syntax;
                return std::nullopt;
            }
            unsigned kind = value_kind(*bits);
            std::int64_t offset = *bits & value_offset_mask;
            if (is_bitfield(kind)) {
                offset &= bitfield_offset_mask;
            }
            std::uint64_t size = scalar_size(kind);
            largest_field = std::max(largest_field, size);
            end = static_cast<std::uint64_t>(offset) + size;
        } else if (object::is_tuple(field)) {
            object::TupleObject* tuple = object::as_tuple(field);
            auto head = tuple->length == 0 ? std::nullopt : encoding(tuple->items()[0]);
            auto size = aggregate_size(tuple, layout, largest_field, error, depth + 1);
            if (!size) {
                return std::nullopt;
            }
            end = static_cast<std::uint64_t>(*head & aggregate_offset_mask) + *size;
        } else {
            error = DescriptorError::syntax;
            return std::nullopt;
        }
        total = std::max(total, end);
    }
    if (layout == layout_native) {
        total = (total + largest_field - 1) & ~(largest_field - 1);
    }
    return total;
}

object::Raised raise_descriptor_error(Runtime& runtime, DescriptorError error) {
    if (error == DescriptorError::scalar) {
        return runtime.raise_new(&object::type_error_type, "can't unambiguously get sizeof scalar");
    }
    return runtime.raise_new(&object::type_error_type, syntax_error_text);
}

std::optional<std::uint64_t> checked_size(Runtime& runtime, Value descriptor, std::int64_t layout) {
    std::uint64_t largest_field = 0;
    DescriptorError error = DescriptorError::none;
    auto size = descriptor_size(descriptor, layout, largest_field, error, 0);
    if (!size) {
        raise_descriptor_error(runtime, error);
    }
    return size;
}

// ---- the struct type

extern const object::Type struct_type;

// Invariants: `base` is None (the address matched no buffer when the struct was made) or the
// bytes, str, bytearray or array object the struct lies in, at `offset` bytes from the start of
// its data; `address` is the address it was made with, which holds while `base` is None.
struct StructObject : object::Object {
    Value descriptor;
    Value base;
    std::uint64_t offset;
    std::uintptr_t address;
    std::int64_t layout;

    StructObject(Value descriptor_value, Value base_value, std::uint64_t base_offset,
                 std::uintptr_t given_address, std::int64_t layout_value)
        : Object(&struct_type),
          descriptor(descriptor_value),
          base(base_value),
          offset(base_offset),
          address(given_address),
          layout(layout_value) {}
};

void trace_struct(gc::Cell* cell, gc::Tracer& tracer) {
    auto* self = static_cast<StructObject*>(cell);
    for (Value value : {self->descriptor, self->base}) {
        if (value.is_object()) {
            tracer.mark(value.as_object());
        }
    }
}

StructObject* as_struct(Value value) { return static_cast<StructObject*>(value.as_object()); }
bool is_struct(Value value) {
    return value.is_object() && value.as_object()->type() == &struct_type;
}

// Where the struct starts now: its base may have moved since it was made.
std::uintptr_t struct_address(const Runtime& runtime, const StructObject* self) {
    if (self->base.is_none()) {
        return self->address;
    }
    auto memory = memory_of(runtime, self->base);
    return memory ? reinterpret_cast<std::uintptr_t>(memory->data) + self->offset : 0;
}

// A struct over `descriptor` at `address`, found in the heap now if it is in a buffer there.
object::Result<Value> new_struct_at(Runtime& runtime, Value descriptor, std::uintptr_t address,
                                    std::int64_t layout) {
    Value base = Value::none();
    std::uint64_t offset = 0;
    // Outside every buffer, the struct may still be printed or measured; accesses raise.
    if (auto location = locate(runtime, address, 0)) {
        base = location->base;
        offset = location->offset;
    } else if (runtime.has_exception()) {
        return Value::empty();
    }
    auto* made = runtime.make<StructObject>(0, descriptor, base, offset, address, layout);
    return made == nullptr ? Value::empty() : Value::from_object(made);
}

// A struct `position` bytes into `parent`, over the same memory.
object::Result<Value> new_inner_struct(Runtime& runtime, StructObject* parent, Value descriptor,
                                       std::int64_t position) {
    if (parent->base.is_none()) {
        return new_struct_at(runtime, descriptor,
                             parent->address + static_cast<std::uintptr_t>(position),
                             parent->layout);
    }
    auto* made = runtime.make<StructObject>(
        0, descriptor, parent->base, parent->offset + static_cast<std::uint64_t>(position),
        parent->address + static_cast<std::uintptr_t>(position), parent->layout);
    return made == nullptr ? Value::empty() : Value::from_object(made);
}

// A checked range: `size` bytes at `start` in `base`, whose memory is now `memory`.
struct Span {
    Value base;
    std::uint64_t start;
    Memory memory;
    std::uint8_t* data() const { return memory.data + start; }
};

// The `size` bytes at `address`, or at `position` from a struct's start, checked against the
// memory they lie in now; nothing with ValueError pending when they are not all inside one
// buffer (or, for `write`, when that memory is read-only).
std::optional<Span> checked_span(Runtime& runtime, Value base, std::uint64_t start,
                                 std::uintptr_t address, std::uint64_t size, bool write) {
    if (base.is_none()) {
        auto location = locate(runtime, address, size);
        if (!location) {
            if (!runtime.has_exception()) {
                runtime.raise_new(&object::value_error_type, outside_text);
            }
            return std::nullopt;
        }
        base = location->base;
        start = location->offset;
    }
    auto memory = memory_of(runtime, base);
    if (!memory || start > memory->size || size > memory->size - start) {
        runtime.raise_new(&object::value_error_type, outside_text);
        return std::nullopt;
    }
    if (write && !memory->writable) {
        runtime.raise_new(&object::value_error_type, "memory at address is read-only");
        return std::nullopt;
    }
    return Span{base, start, *memory};
}

std::optional<Span> struct_span(Runtime& runtime, StructObject* self, std::int64_t position,
                                std::uint64_t size, bool write) {
    return checked_span(runtime, self->base, self->offset + static_cast<std::uint64_t>(position),
                        self->address + static_cast<std::uintptr_t>(position), size, write);
}

std::uint8_t* struct_memory(Runtime& runtime, StructObject* self, std::int64_t position,
                            std::uint64_t size, bool write) {
    auto span = struct_span(runtime, self, position, size, write);
    return span ? span->data() : nullptr;
}

// The checked span as a bytearray sharing its memory (uctypes.bytearray_at, arrays of UINT8);
// a copy when the memory is read-only (bytes, str), which a bytearray cannot share.
object::Result<Value> bytearray_of(Runtime& runtime, const Span& span, std::uint64_t size) {
    object::ArrayObject* owner = object::as_array_like(span.base);
    if (owner == nullptr || !span.memory.writable) {
        return object::make_bytearray(
            runtime, std::string_view(reinterpret_cast<const char*>(span.data()), size));
    }
    return object::make_bytearray_window(runtime, owner, span.start, size);
}

object::Result<Value> bytearray_over(Runtime& runtime, StructObject* self, std::int64_t position,
                                     std::uint64_t size) {
    auto span = struct_span(runtime, self, position, size, false);
    return span ? bytearray_of(runtime, *span, size) : object::Raised{};
}

bool big_endian_layout(std::int64_t layout) {
    if (layout == layout_native) {
        return std::endian::native == std::endian::big;
    }
    return layout != layout_little_endian;
}

object::Result<Value> make_unsigned(Runtime& runtime, std::uint64_t value) {
    if (value > static_cast<std::uint64_t>(INT64_MAX)) {
        return object::make_int(runtime, number::BigInteger::from_uint64(value));
    }
    return object::make_int(runtime, static_cast<std::int64_t>(value));
}

// Reads a scalar of `kind` (not a bitfield) at `source`.
object::Result<Value> load_scalar(Runtime& runtime, unsigned kind, const std::uint8_t* source,
                                  bool big_endian) {
    if (kind == kind_float32 || kind == kind_float64) {
        return make_float(runtime, library::load_struct_float(
                                       source,
                                       kind == kind_float32 ? library::StructKind::single_float
                                                            : library::StructKind::double_float,
                                       big_endian));
    }
    bool is_signed = (kind & 1) != 0;
    std::uint64_t bits =
        library::load_struct_integer(source, scalar_size(kind), big_endian, is_signed);
    return is_signed ? object::make_int(runtime, static_cast<std::int64_t>(bits))
                     : make_unsigned(runtime, bits);
}

// Converts `value` first (which may run Python code), then finds the memory and stores it.
object::Status store_scalar(Runtime& runtime, StructObject* self, unsigned kind,
                            std::int64_t position, bool big_endian, Value value) {
    std::uint8_t encoded[8];
    std::uint64_t size = scalar_size(kind);
    if (kind == kind_float32 || kind == kind_float64) {
        auto number = object::to_double(runtime, value);
        if (!number) {
            return object::Raised{};
        }
        library::store_struct_float(encoded,
                                    kind == kind_float32 ? library::StructKind::single_float
                                                         : library::StructKind::double_float,
                                    big_endian, *number);
    } else {
        auto bits = truncated(runtime, value);
        if (!bits) {
            return object::Raised{};
        }
        library::store_struct_integer(encoded, size, big_endian, *bits);
    }
    std::uint8_t* target = struct_memory(runtime, self, position, size, true);
    if (target == nullptr) {
        return object::Raised{};
    }
    std::memcpy(target, encoded, size);
    return object::succeeded();
}

object::Raised raise_syntax_error(Runtime& runtime) {
    return runtime.raise_new(&object::type_error_type, syntax_error_text);
}

// Loads (value empty) or stores a scalar or bitfield field encoded as `field`.
object::Result<Value> access_scalar_field(Runtime& runtime, StructObject* self, std::int64_t field,
                                          Value value) {
    unsigned kind = value_kind(field);
    std::int64_t offset = field & value_offset_mask;
    bool big_endian = big_endian_layout(self->layout);
    if (!is_bitfield(kind)) {
        if (value.is_empty()) {
            const std::uint8_t* source =
                struct_memory(runtime, self, offset, scalar_size(kind), false);
            return source == nullptr ? object::Result<Value>(object::Raised{})
                                     : load_scalar(runtime, kind, source, big_endian);
        }
        return store_scalar(runtime, self, kind, offset, big_endian, value) ? Value::none()
                                                                            : Value::empty();
    }
    // Bitfields read as unsigned whatever their kind, as MicroPython's do.
    unsigned position = static_cast<unsigned>(offset >> bitfield_position_shift) & 31;
    unsigned length = static_cast<unsigned>(offset >> bitfield_length_shift) & 31;
    offset &= bitfield_offset_mask;
    std::uint64_t size = scalar_size(kind);
    std::uint64_t mask = (std::uint64_t{1} << length) - 1;
    std::optional<std::int64_t> given;
    if (!value.is_empty()) {
        given = object::to_integer(runtime, value);
        if (!given) {
            return Value::empty();
        }
    }
    std::uint8_t* memory = struct_memory(runtime, self, offset, size, !value.is_empty());
    if (memory == nullptr) {
        return Value::empty();
    }
    std::uint64_t word = library::load_struct_integer(memory, size, big_endian, false);
    if (!given) {
        return make_unsigned(runtime, (word >> position) & mask);
    }
    word = (word & ~(mask << position)) | ((static_cast<std::uint64_t>(*given) & mask) << position);
    library::store_struct_integer(memory, size, big_endian, word);
    return Value::none();
}

// The value of field `name`: a number, a struct for an aggregate or a bytearray sharing the
// memory of an array of UINT8.
object::Result<Value> access_field(Runtime& runtime, Value self_value, std::uint32_t name,
                                   Value value) {
    StructObject* self = as_struct(self_value);
    if (!is_struct_descriptor(self->descriptor)) {
        return runtime.raise_new(&object::type_error_type, "struct: no fields");
    }
    Value key = Value::from_interned_string(name);
    object::DictLookup lookup = object::dict_find(runtime, object::as_dict(self->descriptor), key);
    if (!lookup.ok) {
        return Value::empty();
    }
    if (lookup.value.is_empty()) {
        return object::raise_key_error(runtime, key);
    }
    Value field = lookup.value;
    if (object::is_int(field)) {
        auto bits = encoding(field);
        if (!bits) {
            return raise_syntax_error(runtime);
        }
        return access_scalar_field(runtime, self, *bits, value);
    }
    if (!value.is_empty() || !object::is_tuple(field)) {
        return raise_syntax_error(runtime);
    }
    object::TupleObject* tuple = object::as_tuple(field);
    auto head = tuple->length < 2 ? std::nullopt : encoding(tuple->items()[0]);
    if (!head) {
        return raise_syntax_error(runtime);
    }
    std::int64_t offset = *head & aggregate_offset_mask;
    switch (aggregate_kind(*head)) {
        case aggregate_struct:
            return new_inner_struct(runtime, self, tuple->items()[1], offset);
        case aggregate_array: {
            auto count_field = encoding(tuple->items()[1]);
            if (tuple->length == 2 && count_field && value_kind(*count_field) == kind_uint8) {
                std::uint64_t count = static_cast<std::uint64_t>(*count_field & value_offset_mask);
                return bytearray_over(runtime, self, offset, count);
            }
            return new_inner_struct(runtime, self, field, offset);
        }
        case aggregate_pointer:
            return new_inner_struct(runtime, self, field, offset);
        default:
            return raise_syntax_error(runtime);
    }
}

bool is_pointer_struct(StructObject* self) {
    if (!object::is_tuple(self->descriptor)) {
        return false;
    }
    object::TupleObject* tuple = object::as_tuple(self->descriptor);
    auto head = tuple->length == 0 ? std::nullopt : encoding(tuple->items()[0]);
    return head && aggregate_kind(*head) == aggregate_pointer;
}

Value struct_load_attribute(Runtime& runtime, Value self, std::uint32_t name) {
    // A pointer's __int__ comes from the type (struct_attributes): int(p) is its address.
    if (name == names::dunder_int && is_pointer_struct(as_struct(self))) {
        return Value::empty();
    }
    return access_field(runtime, self, name, Value::empty());
}

object::Status struct_store_attribute(Runtime& runtime, Value self, std::uint32_t name,
                                      Value value) {
    // Deleting a field reads it and changes nothing, as in MicroPython.
    return static_cast<bool>(access_field(runtime, self, name, value));
}

// struct[index]: an item of an ARRAY, or what a PTR points at (found again in the heap).
object::Result<Value> access_item(Runtime& runtime, Value self_value, Value index_value,
                                  Value value) {
    StructObject* self = as_struct(self_value);
    if (!object::is_tuple(self->descriptor)) {
        return runtime.raise_new(&object::type_error_type, "struct: can't index");
    }
    object::TupleObject* tuple = object::as_tuple(self->descriptor);
    auto head = tuple->length < 2 ? std::nullopt : encoding(tuple->items()[0]);
    if (!head) {
        return raise_syntax_error(runtime);
    }
    // MicroPython reads any other index as a number that is out of range.
    auto index = object::is_int(index_value) ? object::int_to_int64(index_value) : std::nullopt;
    if (!index) {
        return runtime.raise_new(&object::index_error_type, "struct: index out of range");
    }
    Value target = tuple->items()[1];
    if (aggregate_kind(*head) == aggregate_array) {
        auto count_field = encoding(target);
        if (!count_field) {
            return raise_syntax_error(runtime);
        }
        if (*index >= (*count_field & value_offset_mask)) {
            return runtime.raise_new(&object::index_error_type, "struct: index out of range");
        }
        if (tuple->length == 2) {
            unsigned kind = value_kind(*count_field);
            if (is_bitfield(kind)) {
                return raise_syntax_error(runtime);
            }
            // A negative index reaches before the array, as in MicroPython; the memory check
            // still applies.
            std::int64_t position = *index * static_cast<std::int64_t>(scalar_size(kind));
            bool big_endian = big_endian_layout(self->layout);
            if (value.is_empty()) {
                const std::uint8_t* source =
                    struct_memory(runtime, self, position, scalar_size(kind), false);
                return source == nullptr ? object::Result<Value>(object::Raised{})
                                         : load_scalar(runtime, kind, source, big_endian);
            }
            return store_scalar(runtime, self, kind, position, big_endian, value) ? Value::none()
                                                                                  : Value::empty();
        }
        if (!value.is_empty()) {
            return runtime.raise_new(&object::type_error_type,
                                     "'struct' object doesn't support item assignment");
        }
        auto size = checked_size(runtime, tuple->items()[2], self->layout);
        if (!size) {
            return Value::empty();
        }
        return new_inner_struct(runtime, self, tuple->items()[2],
                                *index * static_cast<std::int64_t>(*size));
    }
    if (aggregate_kind(*head) != aggregate_pointer || !value.is_empty()) {
        if (!value.is_empty()) {
            return runtime.raise_new(&object::type_error_type,
                                     "'struct' object doesn't support item assignment");
        }
        return raise_syntax_error(runtime);
    }
    // The pointer is read in the host's order and size whatever the layout, as MicroPython's.
    const std::uint8_t* slot = struct_memory(runtime, self, 0, sizeof(void*), false);
    if (slot == nullptr) {
        return Value::empty();
    }
    std::uintptr_t pointer = 0;
    std::memcpy(&pointer, slot, sizeof pointer);
    if (object::is_int(target)) {
        auto bits = encoding(target);
        unsigned kind = bits ? value_kind(*bits) : 0;
        if (!bits || is_bitfield(kind)) {
            return raise_syntax_error(runtime);
        }
        std::uint64_t size = scalar_size(kind);
        std::uintptr_t address = pointer + static_cast<std::uintptr_t>(*index) * size;
        auto span = checked_span(runtime, Value::none(), 0, address, size, false);
        if (!span) {
            return Value::empty();
        }
        return load_scalar(runtime, kind, span->data(), std::endian::native == std::endian::big);
    }
    auto size = checked_size(runtime, target, self->layout);
    if (!size) {
        return Value::empty();
    }
    return new_struct_at(runtime, target, pointer + static_cast<std::uintptr_t>(*index) * *size,
                         self->layout);
}

object::Result<Value> struct_load_subscript(Runtime& runtime, Value self, Value index) {
    return access_item(runtime, self, index, Value::empty());
}

object::Status struct_store_subscript(Runtime& runtime, Value self, Value index, Value value) {
    if (value.is_empty()) {
        return runtime.raise_new(&object::type_error_type,
                                 "'struct' object doesn't support item deletion");
    }
    return static_cast<bool>(access_item(runtime, self, index, value));
}

// iter(struct): MicroPython looks for __getitem__ among the fields, so the error is the
// field lookup's (KeyError, or TypeError "struct: no fields").
object::Result<Value> struct_get_iterator(Runtime& runtime, Value self) {
    if (!access_field(runtime, self, names::dunder_getitem, Value::empty())) {
        return Value::empty();
    }
    return runtime.raise_new(&object::type_error_type, "'struct' object isn't iterable");
}

// A struct is true and has no other operator (hash included, as in MicroPython).
object::Result<Value> struct_unary(Runtime& runtime, object::UnaryOperator operation, Value self) {
    if (operation == object::UnaryOperator::boolean) {
        return Value::boolean(true);
    }
    if (operation == object::UnaryOperator::hash) {
        return object::raise_unsupported_unary(runtime, operation, self);
    }
    return Value::not_implemented();
}

object::Status struct_print(Runtime& runtime, Value self_value, object::Printer& printer,
                            object::PrintKind) {
    StructObject* self = as_struct(self_value);
    const char* kind_name = "ERROR";
    if (is_struct_descriptor(self->descriptor)) {
        kind_name = "STRUCT";
    } else if (object::is_tuple(self->descriptor)) {
        object::TupleObject* tuple = object::as_tuple(self->descriptor);
        auto head = tuple->length == 0 ? std::nullopt : encoding(tuple->items()[0]);
        kind_name = "unk";
        if (head && aggregate_kind(*head) == aggregate_pointer) {
            kind_name = "PTR";
        } else if (head && aggregate_kind(*head) == aggregate_array) {
            kind_name = "ARRAY";
        }
    }
    char address[2 * sizeof(std::uintptr_t) + 1];
    std::snprintf(address, sizeof address, "%" PRIxPTR, struct_address(runtime, self));
    printer.write("<struct ");
    printer.write(kind_name);
    printer.write(" ");
    printer.write(address);
    printer.write(">");
    return object::succeeded();
}

object::Result<Value> struct_int(Runtime& runtime, Arguments arguments) {
    const std::uint8_t* slot =
        struct_memory(runtime, as_struct(arguments[0]), 0, sizeof(void*), false);
    if (slot == nullptr) {
        return Value::empty();
    }
    std::uintptr_t pointer = 0;
    std::memcpy(&pointer, slot, sizeof pointer);
    return make_unsigned(runtime, pointer);
}

constexpr NativeFunction struct_int_function{names::dunder_int, NativeKind::method, 1, 1,
                                             struct_int};
constexpr object::Attribute struct_attributes[] = {{names::dunder_int, &struct_int_function}};

// The buffer protocol (bytes(s), bytearray(s), memoryview(s)): the struct's bytes, when they
// lie inside the buffer it was made over. A pointer has none, so that int() reads its address
// as MicroPython's does.
bool struct_get_buffer(Value self_value, object::BufferView& view) {
    StructObject* self = as_struct(self_value);
    if (self->base.is_none() || is_pointer_struct(self)) {
        return false;
    }
    std::uint64_t largest_field = 0;
    DescriptorError error = DescriptorError::none;
    auto size = descriptor_size(self->descriptor, self->layout, largest_field, error, 0);
    auto base = object::get_buffer(self->base);
    if (!size || !base || self->offset > base->size || *size > base->size - self->offset) {
        return false;
    }
    view = object::BufferView{base->data + self->offset, static_cast<std::size_t>(*size), 'B', 1,
                              base->writable};
    return true;
}

// An address argument, truncated to the host's pointer width as MicroPython does.
std::optional<std::uintptr_t> address_argument(Runtime& runtime, Value value) {
    auto bits = truncated(runtime, value);
    return bits ? std::optional<std::uintptr_t>(static_cast<std::uintptr_t>(*bits)) : std::nullopt;
}

object::Result<Value> struct_make_new(Runtime& runtime, const object::Type*, Arguments arguments) {
    if (arguments.keyword_count != 0) {
        return runtime.raise_new(&object::type_error_type,
                                 "function doesn't take keyword arguments");
    }
    if (arguments.positional_count < 2) {
        return runtime.raise_joined(&object::type_error_type,
                                    {"function missing ",
                                     object::Runtime::DecimalText(
                                         static_cast<std::int64_t>(2 - arguments.positional_count)),
                                     " required positional arguments"});
    }
    if (arguments.positional_count > 3) {
        return runtime.raise_joined(
            &object::type_error_type,
            {"function expected at most 3 arguments, got ",
             object::Runtime::DecimalText(static_cast<std::int64_t>(arguments.positional_count))});
    }
    auto address = address_argument(runtime, arguments[0]);
    if (!address) {
        return Value::empty();
    }
    std::int64_t layout = layout_native;
    if (arguments.positional_count == 3) {
        auto given = object::to_integer(runtime, arguments[2]);
        if (!given) {
            return Value::empty();
        }
        layout = *given;
    }
    return new_struct_at(runtime, arguments[1], *address, layout);
}

constinit const object::Type struct_type{names::struct_,
                                         &object::object_type,
                                         object::TypeSlots{
                                             .make_new = struct_make_new,
                                             .print = struct_print,
                                             .unary_operation = struct_unary,
                                             .load_attribute = struct_load_attribute,
                                             .store_attribute = struct_store_attribute,
                                             .load_subscript = struct_load_subscript,
                                             .store_subscript = struct_store_subscript,
                                             .get_iterator = struct_get_iterator,
                                             .get_buffer = struct_get_buffer,
                                         },
                                         struct_attributes,
                                         0,
                                         trace_struct};

// ---- the module's functions

object::Result<Value> uctypes_sizeof(Runtime& runtime, Arguments arguments) {
    Value target = arguments[0];
    if (object::is_instance(target, &object::bytearray_type) && !is_struct(target)) {
        return object::make_int(
            runtime, static_cast<std::int64_t>(object::as_array_like(target)->byte_length()));
    }
    std::int64_t layout = layout_native;
    if (is_struct(target)) {
        if (arguments.positional_count != 1) {
            return runtime.raise_type(&object::type_error_type);
        }
        layout = as_struct(target)->layout;
        target = as_struct(target)->descriptor;
    } else if (arguments.positional_count == 2) {
        auto given = object::to_integer(runtime, arguments[1]);
        if (!given) {
            return Value::empty();
        }
        layout = *given;
    }
    auto size = checked_size(runtime, target, layout);
    return size ? make_unsigned(runtime, *size) : object::Raised{};
}

object::Result<Value> uctypes_addressof(Runtime& runtime, Arguments arguments) {
    Value target = arguments[0];
    std::uintptr_t address = 0;
    if (is_struct(target)) {
        address = struct_address(runtime, as_struct(target));
    } else if (object::is_str(target)) {
        address = reinterpret_cast<std::uintptr_t>(object::str_view(runtime, target).data());
    } else {
        auto buffer = object::require_buffer(runtime, target);
        if (!buffer) {
            return Value::empty();
        }
        address = reinterpret_cast<std::uintptr_t>(buffer->data);
    }
    return make_unsigned(runtime, address);
}

// The checked span of bytes_at and bytearray_at; size 0 reads nothing, so any address does.
std::optional<Span> span_argument(Runtime& runtime, Arguments arguments, std::uint64_t& size) {
    auto address = address_argument(runtime, arguments[0]);
    auto given = address ? address_argument(runtime, arguments[1]) : std::nullopt;
    if (!given) {
        return std::nullopt;
    }
    size = *given;
    return checked_span(runtime, Value::none(), 0, *address, size, false);
}

object::Result<Value> uctypes_bytes_at(Runtime& runtime, Arguments arguments) {
    std::uint64_t size = 0;
    if (auto given = address_argument(runtime, arguments[1]); given && *given == 0) {
        return object::make_bytes(runtime, {});
    }
    auto span = span_argument(runtime, arguments, size);
    if (!span) {
        return Value::empty();
    }
    // make_bytes copies before it allocates anything else, and locate() rooted the base.
    return object::make_bytes(runtime,
                              std::string_view(reinterpret_cast<const char*>(span->data()), size));
}

object::Result<Value> uctypes_bytearray_at(Runtime& runtime, Arguments arguments) {
    std::uint64_t size = 0;
    if (auto given = address_argument(runtime, arguments[1]); given && *given == 0) {
        return object::make_bytearray(runtime, {});
    }
    auto span = span_argument(runtime, arguments, size);
    if (!span) {
        return Value::empty();
    }
    return bytearray_of(runtime, *span, size);
}

constexpr NativeFunction uctypes_functions[] = {
    {names::sizeof_, NativeKind::function, 1, 2, uctypes_sizeof},
    {names::addressof, NativeKind::function, 1, 1, uctypes_addressof},
    {names::bytes_at, NativeKind::function, 2, 2, uctypes_bytes_at},
    {names::bytearray_at, NativeKind::function, 2, 2, uctypes_bytearray_at},
};

constexpr object::Attribute uctypes_types[] = {{names::struct_, &struct_type}};

// The layout and type constants, as MicroPython's unix build has them (with its C type aliases).
struct Constant {
    std::uint32_t name;
    std::int64_t value;
};
constexpr bool long_is_64 = sizeof(long) == 8;
constexpr Constant uctypes_constants[] = {
    {names::little_endian_constant, layout_little_endian},
    {names::big_endian_constant, layout_big_endian},
    {names::native_constant, layout_native},
    {names::void_constant, type_constant(kind_uint8, 4)},
    {names::uint8_constant, type_constant(kind_uint8, 4)},
    {names::int8_constant, type_constant(kind_int8, 4)},
    {names::uint16_constant, type_constant(kind_uint16, 4)},
    {names::int16_constant, type_constant(kind_int16, 4)},
    {names::uint32_constant, type_constant(kind_uint32, 4)},
    {names::int32_constant, type_constant(kind_int32, 4)},
    {names::uint64_constant, type_constant(kind_uint64, 4)},
    {names::int64_constant, type_constant(kind_int64, 4)},
    {names::bfuint8_constant, type_constant(kind_bitfield_first, 4)},
    {names::bfint8_constant, type_constant(kind_bitfield_first + 1, 4)},
    {names::bfuint16_constant, type_constant(kind_bitfield_first + 2, 4)},
    {names::bfint16_constant, type_constant(kind_bitfield_first + 3, 4)},
    {names::bfuint32_constant, type_constant(kind_bitfield_first + 4, 4)},
    {names::bfint32_constant, type_constant(kind_bitfield_first + 5, 4)},
    {names::bf_pos_constant, bitfield_position_shift},
    {names::bf_len_constant, bitfield_length_shift},
    {names::float32_constant, type_constant(kind_float32, 4)},
    {names::float64_constant, type_constant(kind_float64, 4)},
    {names::short_constant, type_constant(kind_int16, 4)},
    {names::ushort_constant, type_constant(kind_uint16, 4)},
    {names::int_constant, type_constant(kind_int32, 4)},
    {names::uint_constant, type_constant(kind_uint32, 4)},
    {names::long_constant, type_constant(long_is_64 ? kind_int64 : kind_int32, 4)},
    {names::ulong_constant, type_constant(long_is_64 ? kind_uint64 : kind_uint32, 4)},
    {names::longlong_constant, type_constant(kind_int64, 4)},
    {names::ulonglong_constant, type_constant(kind_uint64, 4)},
    {names::ptr_constant, type_constant(aggregate_pointer, 2)},
    {names::array_constant, type_constant(aggregate_array, 2)},
};

bool initialise_uctypes(Runtime& runtime, Value globals, void*) {
    for (const Constant& constant : uctypes_constants) {
        Value value = object::make_int(runtime, constant.value);
        if (value.is_empty() ||
            !object::dict_store_name(runtime, object::as_dict(globals), constant.name, value)) {
            return false;
        }
    }
    return true;
}

}  // namespace

constinit const vm::ModuleDefinition uctypes_module{.name = names::uctypes,
                                                    .functions = uctypes_functions,
                                                    .objects = uctypes_types,
                                                    .initialise = initialise_uctypes};

}  // namespace xipy::modules
