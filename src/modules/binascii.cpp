// The binascii module: hex and base64 conversions and CRC-32 over library/binascii.
#include <algorithm>
#include <string>

#include "library/binascii.hpp"
#include "modules/names.hpp"
#include "modules/readable_buffer.hpp"
#include "modules/standard_modules.hpp"
#include "number/big_integer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

std::span<const std::uint8_t> as_bytes(std::string_view data) {
    return {reinterpret_cast<const std::uint8_t*>(data.data()), data.size()};
}

std::span<std::uint8_t> as_writable(support::ScratchString& data) {
    return {reinterpret_cast<std::uint8_t*>(data.data()), data.size()};
}

object::Result<Value> binascii_hexlify(object::Runtime& runtime, Arguments arguments) {
    auto data = readable_buffer(runtime, arguments[0]);
    if (!data) {
        return Value::empty();
    }
    std::optional<std::uint8_t> separator;
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        auto text = readable_buffer(runtime, arguments[1]);
        if (!text) {
            return Value::empty();
        }
        // An empty separator contributes its C string's terminating NUL (see binascii.hpp).
        separator = text->empty() ? std::uint8_t{0} : static_cast<std::uint8_t>((*text)[0]);
    }
    support::ScratchString out(library::hexlify_size(data->size(), separator.has_value()), '\0');
    library::hexlify(as_bytes(*data), separator, as_writable(out));
    return object::make_bytes(runtime, out);
}

object::Result<Value> binascii_unhexlify(object::Runtime& runtime, Arguments arguments) {
    auto text = readable_buffer(runtime, arguments[0]);
    if (!text) {
        return Value::empty();
    }
    support::ScratchString out(text->size() / 2, '\0');
    auto written = library::unhexlify(as_bytes(*text), as_writable(out));
    if (!written) {
        return runtime.raise_new(&object::value_error_type, written.error().message);
    }
    out.resize(*written);
    return object::make_bytes(runtime, out);
}

object::Result<Value> binascii_b2a_base64(object::Runtime& runtime, Arguments arguments) {
    if (!object::check_keywords(runtime, arguments, {names::newline_argument})) {
        return Value::empty();
    }
    auto data = readable_buffer(runtime, arguments[0]);
    if (!data) {
        return Value::empty();
    }
    bool newline = true;
    // The reference's (frozen Python) b2a_base64 takes `newline` by position too.
    Value newline_value = arguments.positional_count > 1
                              ? arguments[1]
                              : object::keyword_argument(arguments, names::newline_argument);
    if (!newline_value.is_empty()) {
        int truth = object::truth(runtime, newline_value);
        if (truth < 0) {
            return Value::empty();
        }
        newline = truth != 0;
    }
    support::ScratchString out(library::base64_encoded_size(data->size(), newline), '\0');
    library::base64_encode(as_bytes(*data), newline, as_writable(out));
    return object::make_bytes(runtime, out);
}

object::Result<Value> binascii_a2b_base64(object::Runtime& runtime, Arguments arguments) {
    auto text = readable_buffer(runtime, arguments[0]);
    if (!text) {
        return Value::empty();
    }
    support::ScratchString out(library::base64_decoded_capacity(text->size()), '\0');
    auto written = library::base64_decode(as_bytes(*text), as_writable(out));
    if (!written) {
        // As the native reference (1.29); the 1.27 WebAssembly build's frozen-Python
        // binascii raised Exception('Incorrect padding') instead.
        return runtime.raise_new(&object::value_error_type, "incorrect padding");
    }
    out.resize(*written);
    return object::make_bytes(runtime, out);
}

object::Result<Value> binascii_crc32(object::Runtime& runtime, Arguments arguments) {
    auto data = readable_buffer(runtime, arguments[0]);
    if (!data) {
        return Value::empty();
    }
    std::uint32_t value = 0;
    if (arguments.positional_count > 1) {
        if (!object::is_int(arguments[1])) {
            return runtime.raise_joined(
                &object::type_error_type,
                {"can't convert ", object::type_name_of(runtime, arguments[1]), " to int"});
        }
        number::BigInteger low =
            object::to_big_integer(arguments[1]) & number::BigInteger::from_uint64(0xffffffffu);
        value = static_cast<std::uint32_t>(low.to_int64());
    }
    return object::make_int(runtime, std::int64_t{library::crc32(as_bytes(*data), value)});
}

constexpr NativeFunction binascii_functions[] = {
    {names::hexlify, NativeKind::function, 1, 2, binascii_hexlify},
    {names::unhexlify, NativeKind::function, 1, 1, binascii_unhexlify},
    {names::a2b_base64, NativeKind::function, 1, 1, binascii_a2b_base64},
    {names::b2a_base64, NativeKind::function, 1, 2, binascii_b2a_base64, true},
    {names::crc32, NativeKind::function, 1, 2, binascii_crc32},
};

}  // namespace

constinit const vm::ModuleDefinition binascii_module{
    .name = names::binascii, .functions = binascii_functions, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
