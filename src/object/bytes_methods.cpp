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
#include "text/string_methods.hpp"
#include "text/string_sink.hpp"
#include "text/utf8_text.hpp"

namespace xipy::object {
namespace {

using text::TextKind;

// Precondition: arguments[0] is a bytes or bytearray (the method table guarantees it).
std::string_view self_bytes(Arguments arguments) { return get_buffer(arguments[0])->bytes(); }

}  // namespace

std::optional<text::Encoding> encoding_argument(Runtime& runtime, Value value) {
    std::optional<std::string_view> name = text_argument(runtime, value, TextKind::str);
    if (!name) {
        return std::nullopt;
    }
    if (*name == "utf-8" || *name == "utf8") {
        return text::Encoding::utf8;
    }
    if (*name == "ascii") {
        return text::Encoding::ascii;
    }
    runtime.raise_joined(&lookup_error_type, {"unknown encoding: ", *name});
    return std::nullopt;
}

Result<Value> decode_to_str(Runtime& runtime, std::string_view data, Arguments arguments,
                            std::uint32_t first) {
    text::Encoding encoding = text::Encoding::utf8;
    text::DecodeErrors errors = text::DecodeErrors::strict;
    if (arguments.positional_count > first) {
        std::optional<text::Encoding> given = encoding_argument(runtime, arguments[first]);
        if (!given) {
            return Value::empty();
        }
        encoding = *given;
    }
    if (arguments.positional_count > first + 1) {
        std::optional<std::string_view> handler =
            text_argument(runtime, arguments[first + 1], TextKind::str);
        if (!handler) {
            return Value::empty();
        }
        // An unknown handler means strict, as on the reference.
        if (*handler == "ignore") {
            errors = text::DecodeErrors::ignore;
        } else if (*handler == "replace") {
            errors = text::DecodeErrors::replace;
        }
    }
    support::ScratchString decoded;
    if (!text::decode_text(data, encoding, errors, decoded)) {
        return runtime.raise_type(&unicode_error_type);
    }
    return make_str(runtime, decoded);
}

Status check_encodable(Runtime& runtime, std::string_view text, Arguments arguments,
                       std::uint32_t first) {
    if (arguments.positional_count <= first) {
        return succeeded();
    }
    std::optional<text::Encoding> encoding = encoding_argument(runtime, arguments[first]);
    if (!encoding) {
        return Raised{};
    }
    // The error handler does not matter: the reference raises for any of them.
    if (*encoding == text::Encoding::ascii && !text::is_ascii(text)) {
        runtime.raise_type(&unicode_error_type);
        return Raised{};
    }
    return succeeded();
}

Result<Value> bytes_method_decode(Runtime& runtime, Arguments arguments) {
    return decode_to_str(runtime, self_bytes(arguments), arguments, 1);
}

Result<Value> bytes_method_fromhex(Runtime& runtime, Arguments arguments) {
    if (!is_str(arguments[1])) {
        return runtime.raise_new(&type_error_type, "object with buffer protocol required");
    }
    support::ScratchString result;
    text::ScratchSink sink(result);
    text::Status status = text::from_hex(str_view(runtime, arguments[1]), sink);
    if (!status) {
        return raise_text_error(runtime, status.error());
    }
    if (arguments[0].is_object() && arguments[0].as_object() == &bytearray_type) {
        return make_bytearray(runtime, result);
    }
    return make_bytes(runtime, result);
}

Result<Value> bytes_method_hex(Runtime& runtime, Arguments arguments) {
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
    support::ScratchString result;
    text::ScratchSink sink(result);
    text::Status status = text::write_hex(self_bytes(arguments), separator, sink);
    if (!status) {
        return raise_text_error(runtime, status.error());
    }
    return make_str(runtime, result);
}

}  // namespace xipy::object
