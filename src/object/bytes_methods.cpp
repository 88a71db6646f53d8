// bytes and bytearray methods that str lacks: decode, fromhex, hex.
#include "object/bytes_methods.hpp"

#include <optional>
#include <string>
#include <string_view>

#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/str_format.hpp"
#include "object/str_object.hpp"
#include "support/utf8.hpp"
#include "text/string_methods.hpp"
#include "text/string_sink.hpp"

namespace xipy::object {
namespace {

using text::TextKind;

// Precondition: arguments[0] is a bytes or bytearray (the method table guarantees it).
std::string_view self_bytes(Arguments arguments) { return get_buffer(arguments[0])->bytes(); }

}  // namespace

Value bytes_method_decode(Runtime& runtime, Arguments arguments) {
    std::string_view data = self_bytes(arguments);
    if (!support::is_valid_utf8(data)) {
        return runtime.raise_new(&unicode_error_type, "");
    }
    return make_str(runtime, data);
}

Value bytes_method_fromhex(Runtime& runtime, Arguments arguments) {
    if (!is_str(arguments[1])) {
        return runtime.raise_new(&type_error_type, "object with buffer protocol required");
    }
    std::string result;
    text::StringSink sink(result);
    text::Status status = text::from_hex(str_view(runtime, arguments[1]), sink);
    if (!status) {
        return raise_text_error(runtime, status.error());
    }
    if (arguments[0].is_object() && arguments[0].as_object() == &bytearray_type) {
        return make_bytearray(runtime, result);
    }
    return make_bytes(runtime, result);
}

Value bytes_method_hex(Runtime& runtime, Arguments arguments) {
    std::string_view separator;
    if (arguments.positional_count > 1 && is_str(arguments[1])) {
        separator = str_view(runtime, arguments[1]);
    } else if (arguments.positional_count > 1) {
        std::optional<std::string_view> given =
            text_argument(runtime, arguments[1], TextKind::bytes);
        if (!given) {
            return Value::empty();
        }
        separator = *given;
    }
    if (self_bytes(arguments).empty()) {
        return make_bytes(runtime, {});  // MicroPython's hex() of nothing is b''
    }
    std::string result;
    text::StringSink sink(result);
    text::Status status = text::write_hex(self_bytes(arguments), separator, sink);
    if (!status) {
        return raise_text_error(runtime, status.error());
    }
    return make_str(runtime, result);
}

}  // namespace xipy::object
