// The bytes behind a buffer argument.
#include "modules/readable_buffer.hpp"

#include "object/buffer.hpp"
#include "object/str_object.hpp"

namespace xipy::modules {

using object::Value;

std::optional<std::string_view> readable_buffer(object::Runtime& runtime, Value value) {
    if (object::is_str(value)) {
        return object::str_view(runtime, value);
    }
    auto buffer = object::require_buffer(runtime, value);
    if (!buffer) {
        return std::nullopt;
    }
    return buffer->bytes();
}

}  // namespace xipy::modules
