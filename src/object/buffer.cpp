// The buffer protocol: finding an object's memory and converting its items.
#include "object/buffer.hpp"

#include <algorithm>
#include <cstring>

#include "number/big_integer.hpp"
#include "object/array_object.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/memoryview_object.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"

namespace xipy::object {
namespace {

template <typename T>
T read_raw(const std::uint8_t* source) {
    T value;
    std::memcpy(&value, source, sizeof value);
    return value;
}

template <typename T>
void write_raw(std::uint8_t* target, T value) {
    std::memcpy(target, &value, sizeof value);
}

}  // namespace

std::optional<BufferView> get_buffer(Value value) {
    if (!value.is_object()) {
        return std::nullopt;
    }
    if (is_bytes(value)) {
        std::string_view data = bytes_view(value);
        auto* start = reinterpret_cast<std::uint8_t*>(const_cast<char*>(data.data()));
        return BufferView{start, data.size(), 'B', 1, false};
    }
    if (is_memoryview(value)) {
        auto* view = static_cast<MemoryViewObject*>(value.as_object());
        std::optional<BufferView> base = get_buffer(view->base);
        if (!base) {
            return std::nullopt;
        }
        std::size_t available = base->count();
        std::size_t first = std::min<std::size_t>(view->offset, available);
        std::size_t count = std::min<std::size_t>(view->length, available - first);
        return BufferView{base->data == nullptr ? nullptr : base->data + first * view->item_size,
                          count * view->item_size, view->typecode, view->item_size,
                          !view->readonly};
    }
    if (ArrayObject* array = as_array_like(value)) {
        return BufferView{array->data(), array->byte_length(), array->typecode, array->item_size,
                          true};
    }
    if (auto* provider = value.as_object()->type()->slots.get_buffer) {
        BufferView view;
        return provider(value, view) ? std::optional<BufferView>(view) : std::nullopt;
    }
    Value native = native_self(value);
    if (native != value) {
        return get_buffer(native);
    }
    return std::nullopt;
}

std::optional<BufferView> require_buffer(Runtime& runtime, Value value) {
    std::optional<BufferView> buffer = get_buffer(value);
    if (!buffer) {
        runtime.raise_new(&type_error_type, "object with buffer protocol required");
    }
    return buffer;
}

std::uint8_t typecode_size(char typecode) {
    switch (typecode) {
        case 'b':
        case 'B':
            return 1;
        case 'h':
        case 'H':
            return 2;
        case 'i':
        case 'I':
        case 'l':
        case 'L':
        case 'f':
            return 4;
        case 'q':
        case 'Q':
        case 'd':
            return 8;
        default:
            return 0;
    }
}

Result<Value> buffer_load_item(Runtime& runtime, const BufferView& buffer, std::size_t index) {
    const std::uint8_t* source = buffer.data + index * buffer.item_size;
    switch (buffer.typecode) {
        case 'b':
            return Value::from_small_int(read_raw<std::int8_t>(source));
        case 'B':
            return Value::from_small_int(*source);
        case 'h':
            return Value::from_small_int(read_raw<std::int16_t>(source));
        case 'H':
            return Value::from_small_int(read_raw<std::uint16_t>(source));
        case 'i':
        case 'l':
            return make_int(runtime, read_raw<std::int32_t>(source));
        case 'I':
        case 'L':
            return make_int(runtime, read_raw<std::uint32_t>(source));
        case 'q':
            return make_int(runtime, read_raw<std::int64_t>(source));
        case 'Q': {
            auto value = read_raw<std::uint64_t>(source);
            if (value <= static_cast<std::uint64_t>(INT64_MAX)) {
                return make_int(runtime, static_cast<std::int64_t>(value));
            }
            return make_int(runtime, number::BigInteger::from_uint64(value));
        }
        case 'f':
            return make_float(runtime, read_raw<float>(source));
        default:
            return make_float(runtime, read_raw<double>(source));
    }
}

Status encode_item(Runtime& runtime, char typecode, Value item, std::uint8_t* target) {
    if (typecode == 'f' || typecode == 'd') {
        std::optional<double> number = to_double(runtime, item);
        if (!number) {
            return Raised{};
        }
        if (typecode == 'f') {
            write_raw(target, static_cast<float>(*number));
        } else {
            write_raw(target, *number);
        }
        return succeeded();
    }
    // Out-of-range values wrap, as MicroPython stores them without checking.
    std::uint64_t bits = 0;
    if (is_big_int(item)) {
        number::BigInteger low = to_big_integer(item) & number::BigInteger::from_uint64(UINT64_MAX);
        auto high_half = static_cast<std::uint64_t>((low >> 32).to_int64());
        auto low_half = static_cast<std::uint64_t>(
            (low & number::BigInteger::from_uint64(UINT32_MAX)).to_int64());
        bits = (high_half << 32) | low_half;
    } else {
        std::optional<std::int64_t> number = to_integer(runtime, item);
        if (!number) {
            return Raised{};
        }
        bits = static_cast<std::uint64_t>(*number);
    }
    switch (typecode_size(typecode)) {
        case 1:
            *target = static_cast<std::uint8_t>(bits);
            break;
        case 2:
            write_raw(target, static_cast<std::uint16_t>(bits));
            break;
        case 4:
            write_raw(target, static_cast<std::uint32_t>(bits));
            break;
        default:
            write_raw(target, bits);
            break;
    }
    return succeeded();
}

Status buffer_store_item(Runtime& runtime, const BufferView& buffer, std::size_t index,
                         Value item) {
    std::uint8_t encoded[8];
    if (!encode_item(runtime, buffer.typecode, item, encoded)) {
        return Raised{};
    }
    std::memcpy(buffer.data + index * buffer.item_size, encoded, buffer.item_size);
    return succeeded();
}

}  // namespace xipy::object
