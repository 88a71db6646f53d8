// The struct module: pack, unpack, pack_into, unpack_from and calcsize over library/struct_format.
#include <algorithm>
#include <string>

#include "library/struct_format.hpp"
#include "modules/names.hpp"
#include "modules/readable_buffer.hpp"
#include "modules/standard_modules.hpp"
#include "number/big_integer.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"
#include "support/small_vector.hpp"

namespace xipy::modules {

using library::StructField;
using library::StructKind;
using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// The format argument, read as MicroPython's mp_obj_str_get_str does (str or bytes).
std::optional<library::StructFormat> format_argument(object::Runtime& runtime, Value value) {
    std::string_view text;
    if (object::is_str(value)) {
        text = object::str_view(runtime, value);
    } else if (object::is_bytes(value)) {
        text = object::bytes_view(value);
    } else {
        runtime.raise_joined(&object::type_error_type,
                             {"can't convert '", object::type_name_of(runtime, value),
                              "' object to str implicitly"});
        return std::nullopt;
    }
    auto format = library::StructFormat::parse(text);
    if (!format) {
        runtime.raise_new(&object::value_error_type, format.error().message);
        return std::nullopt;
    }
    return *format;
}

// The low 64 bits of a Python int in two's complement, which is what the reference stores
// (it truncates out-of-range values instead of raising).
std::uint64_t low_bits(Value value) {
    if (auto small = object::int_to_int64(value)) {
        return static_cast<std::uint64_t>(*small);
    }
    number::BigInteger masked =
        object::to_big_integer(value) & number::BigInteger::from_uint64(~std::uint64_t{0});
    auto high = (masked >> 32).to_int64();
    auto low = (masked & number::BigInteger::from_uint64(0xffffffffu)).to_int64();
    return (static_cast<std::uint64_t>(high) << 32) | static_cast<std::uint64_t>(low);
}

object::Raised unsupported_pointer_field(object::Runtime& runtime) {
    // 'O' and 'S' store host pointers to objects; a zero-copy VM has nothing to offer there.
    return runtime.raise_new(&object::not_implemented_error_type,
                             "struct 'O' and 'S' fields are not supported");
}

// Charges the work of visiting every field and byte of a format, up front: a short format
// such as '9999999i' stands for a long loop.
object::Status charge_format(object::Runtime& runtime, const library::StructFormat& format) {
    constexpr std::uint64_t field_units = 16;
    return runtime.charge_if_large(std::uint64_t{format.size()} +
                                   std::uint64_t{format.item_count()} * field_units);
}

// Packs `values` into `out` (format.size() bytes, already zeroed) as the reference does:
// values past the format are ignored and missing ones leave their fields zero.
bool pack_values(object::Runtime& runtime, const library::StructFormat& format,
                 std::span<const Value> values, std::uint8_t* out) {
    if (!charge_format(runtime, format)) {
        return false;
    }
    support::SmallVector<StructField, 16> fields(runtime.scratch_memory());
    bool gathered = true;
    format.for_each_field(
        [&](const StructField& field) { gathered = gathered && fields.push_back(field); });
    if (!gathered) {
        runtime.raise_memory_error();
        return false;
    }
    std::size_t count = std::min(fields.size(), values.size());
    for (std::size_t index = 0; index < count; ++index) {
        const StructField& field = fields[index];
        Value value = values[index];
        std::uint8_t* target = out + field.offset;
        switch (field.kind) {
            case StructKind::bytes: {
                auto data = readable_buffer(runtime, value);
                if (!data) {
                    return false;
                }
                std::size_t length = std::min(data->size(), field.size);
                std::copy_n(data->data(), length, target);
                break;
            }
            case StructKind::signed_integer:
            case StructKind::unsigned_integer: {
                std::uint64_t bits = 0;
                if (object::is_int(value)) {
                    bits = low_bits(value);
                } else {
                    auto converted = object::to_integer(runtime, value);
                    if (!converted) {
                        return false;
                    }
                    bits = static_cast<std::uint64_t>(*converted);
                }
                library::store_struct_integer(target, field.size, format.big_endian(), bits);
                break;
            }
            case StructKind::half_float:
            case StructKind::single_float:
            case StructKind::double_float: {
                auto converted = object::to_double(runtime, value);
                if (!converted) {
                    return false;
                }
                library::store_struct_float(target, field.kind, format.big_endian(), *converted);
                break;
            }
            case StructKind::object:
                unsupported_pointer_field(runtime);
                return false;
        }
    }
    return true;
}

object::Result<Value> unpack_values(object::Runtime& runtime, const library::StructFormat& format,
                                    std::string_view data) {
    if (!charge_format(runtime, format)) {
        return Value::empty();
    }
    object::TupleObject* tuple =
        object::new_tuple_uninitialized(runtime, static_cast<std::uint32_t>(format.item_count()));
    if (tuple == nullptr) {
        return Value::empty();
    }
    // Filled with None first so the tuple is always valid for the collector.
    for (std::size_t index = 0; index < format.item_count(); ++index) {
        tuple->items()[index] = Value::none();
    }
    Value result = Value::from_object(tuple);
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(data.data());
    std::size_t item = 0;
    bool failed = false;
    format.for_each_field([&](const StructField& field) {
        if (failed) {
            return;
        }
        const std::uint8_t* source = bytes + field.offset;
        Value value;
        switch (field.kind) {
            case StructKind::bytes:
                value = object::make_bytes(
                    runtime, std::string_view(reinterpret_cast<const char*>(source), field.size));
                break;
            case StructKind::signed_integer:
                value = object::make_int(runtime,
                                         static_cast<std::int64_t>(library::load_struct_integer(
                                             source, field.size, format.big_endian(), true)));
                break;
            case StructKind::unsigned_integer: {
                std::uint64_t raw =
                    library::load_struct_integer(source, field.size, format.big_endian(), false);
                value = raw > static_cast<std::uint64_t>(INT64_MAX)
                            ? object::make_int(runtime, number::BigInteger::from_uint64(raw))
                            : object::make_int(runtime, static_cast<std::int64_t>(raw));
                break;
            }
            case StructKind::half_float:
            case StructKind::single_float:
            case StructKind::double_float:
                value = make_float(
                    runtime, library::load_struct_float(source, field.kind, format.big_endian()));
                break;
            case StructKind::object:
                unsupported_pointer_field(runtime);
                failed = true;
                return;
        }
        if (value.is_empty()) {
            failed = true;
            return;
        }
        tuple->items()[item++] = value;
    });
    return failed ? Value::empty() : result;
}

// An offset argument: negative counts from the end; either way the format must fit.
std::optional<std::size_t> checked_offset(object::Runtime& runtime, Value value,
                                          std::size_t buffer_size, std::size_t needed) {
    std::int64_t offset = 0;
    if (!value.is_empty()) {
        auto given = object::to_integer(runtime, value);
        if (!given) {
            return std::nullopt;
        }
        offset = *given;
    }
    auto size = static_cast<std::int64_t>(buffer_size);
    if (offset < 0) {
        offset += size;
    }
    if (offset < 0 || offset > size || static_cast<std::uint64_t>(size - offset) < needed) {
        runtime.raise_new(&object::value_error_type, "buffer too small");
        return std::nullopt;
    }
    return static_cast<std::size_t>(offset);
}

object::Result<Value> struct_calcsize(object::Runtime& runtime, Arguments arguments) {
    auto format = format_argument(runtime, arguments[0]);
    if (!format) {
        return Value::empty();
    }
    return object::make_int(runtime, static_cast<std::int64_t>(format->size()));
}

object::Result<Value> struct_pack(object::Runtime& runtime, Arguments arguments) {
    auto format = format_argument(runtime, arguments[0]);
    if (!format) {
        return Value::empty();
    }
    support::ScratchString out(format->size(), '\0');
    if (!pack_values(runtime, *format, arguments.positional().subspan(1),
                     reinterpret_cast<std::uint8_t*>(out.data()))) {
        return Value::empty();
    }
    return object::make_bytes(runtime, out);
}

object::Result<Value> struct_pack_into(object::Runtime& runtime, Arguments arguments) {
    auto format = format_argument(runtime, arguments[0]);
    if (!format) {
        return Value::empty();
    }
    auto buffer = object::get_buffer(arguments[1]);
    if (!buffer || !buffer->writable) {
        return runtime.raise_new(&object::type_error_type, "object with buffer protocol required");
    }
    auto offset = checked_offset(runtime, arguments[2], buffer->size, format->size());
    if (!offset) {
        return Value::empty();
    }
    // Packed into a scratch copy first: converting a value may run Python code or allocate,
    // which could resize the target buffer under a raw pointer.
    support::ScratchString out(format->size(), '\0');
    std::copy_n(buffer->data + *offset, out.size(), out.data());
    if (!pack_values(runtime, *format, arguments.positional().subspan(3),
                     reinterpret_cast<std::uint8_t*>(out.data()))) {
        return Value::empty();
    }
    buffer = object::get_buffer(arguments[1]);
    if (!buffer || buffer->size < *offset + out.size()) {
        return runtime.raise_new(&object::value_error_type, "buffer too small");
    }
    std::copy(out.begin(), out.end(), buffer->data + *offset);
    return Value::none();
}

object::Result<Value> struct_unpack_from(object::Runtime& runtime, Arguments arguments) {
    auto format = format_argument(runtime, arguments[0]);
    if (!format) {
        return Value::empty();
    }
    auto data = readable_buffer(runtime, arguments[1]);
    if (!data) {
        return Value::empty();
    }
    Value offset_value = arguments.positional_count > 2 ? arguments[2] : Value::empty();
    auto offset = checked_offset(runtime, offset_value, data->size(), format->size());
    if (!offset) {
        return Value::empty();
    }
    // A copy, since unpacking allocates and the buffer's owner might be resized meanwhile.
    support::ScratchString copy(data->substr(*offset, format->size()));
    return unpack_values(runtime, *format, copy);
}

constexpr NativeFunction struct_functions[] = {
    {names::calcsize, NativeKind::function, 1, 1, struct_calcsize},
    {names::pack, NativeKind::function, 1, NativeFunction::unlimited, struct_pack},
    {names::pack_into, NativeKind::function, 3, NativeFunction::unlimited, struct_pack_into},
    // As in the reference, unpack only requires the buffer to be long enough.
    {names::unpack, NativeKind::function, 2, 2, struct_unpack_from},
    {names::unpack_from, NativeKind::function, 2, 3, struct_unpack_from},
};

}  // namespace

constinit const vm::ModuleDefinition struct_module{
    .name = names::struct_, .functions = struct_functions, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
