// The bytes behind a buffer argument, and how much of a writable one readinto() may fill.
#include "modules/readable_buffer.hpp"

#include <algorithm>

#include "object/buffer.hpp"
#include "object/exception_object.hpp"
#include "object/operations.hpp"
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

std::optional<std::uint64_t> readinto_limit(object::Runtime& runtime, object::Arguments arguments,
                                            std::uint32_t index) {
    std::optional<object::BufferView> view = object::get_buffer(arguments[index]);
    if (!view || !view->writable) {
        runtime.raise_new(&object::type_error_type, "object with buffer protocol required");
        return std::nullopt;
    }
    std::uint64_t limit = view->size;
    if (arguments.positional_count > index + 1) {
        std::optional<std::int64_t> size = object::to_integer(runtime, arguments[index + 1]);
        if (!size) {
            return std::nullopt;
        }
        limit = std::min<std::uint64_t>(limit, static_cast<std::uint64_t>(*size));
    }
    return limit;
}

}  // namespace xipy::modules
