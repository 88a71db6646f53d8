// Cursor: a loop over a built-in container by position, without an iterator object.
#include "object/cursor.hpp"

#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/list_object.hpp"
#include "object/memoryview_object.hpp"
#include "object/operations.hpp"
#include "object/set_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {

namespace {

// bytearray, array and memoryview items are read by index (a memoryview's through
// subscription), bounded by the length so the end needs no IndexError.
bool is_indexed(const Type* type) {
    return type == &bytearray_type || type == &array_type || type == &memoryview_type;
}

}  // namespace

Raised raise_corrupt_cursor(Runtime& runtime) {
    return runtime.raise_new(&type_error_type, "for loop state overwritten (corrupt bytecode)");
}

bool start_cursor(Value iterable, Cursor& cursor) {
    if (!iterable.is_object()) {
        return false;
    }
    const Type* type = iterable.as_object()->type();
    if (type != &tuple_type && type != &list_type && type != &bytes_type && type != &dict_type &&
        type != &set_type && type != &frozenset_type && !is_indexed(type)) {
        return false;
    }
    cursor.container = iterable;
    cursor.position = 0;
    cursor.count_at_start = type == &dict_type ? as_dict(iterable)->count : 0;
    return true;
}

Result<Value> cursor_next(Runtime& runtime, Cursor& cursor) {
    Value container = cursor.container;
    // A loop's slots are the program's to overwrite: a corrupt image can leave any value there.
    if (!container.is_object()) {
        return raise_corrupt_cursor(runtime);
    }
    const Type* type = container.as_object()->type();
    if (type == &tuple_type || type == &list_type) {
        std::span<const Value> items =
            type == &tuple_type ? as_tuple(container)->span() : as_list(container)->span();
        if (cursor.position >= items.size()) {
            return Value::stop_iteration();
        }
        return items[cursor.position++];
    }
    if (type == &bytes_type) {
        std::string_view data = bytes_view(container);
        if (cursor.position >= data.size()) {
            return Value::stop_iteration();
        }
        return Value::from_small_int(static_cast<std::uint8_t>(data[cursor.position++]));
    }
    if (type == &bytearray_type || type == &array_type) {
        // Read in place, as subscription would read them, without its dispatch and checks.
        auto* array = static_cast<ArrayObject*>(container.as_object());
        if (cursor.position >= array->length) {
            return Value::stop_iteration();
        }
        const BufferView buffer{array->data(), array->byte_length(), array->typecode,
                                array->item_size, true};
        Value item = buffer_load_item(runtime, buffer, cursor.position);
        if (!item.is_empty()) {
            ++cursor.position;
        }
        return item;
    }
    if (type == &memoryview_type) {
        std::optional<std::int64_t> length = length_of(runtime, container);
        if (!length) {
            return Value::empty();
        }
        if (cursor.position >= *length) {
            return Value::stop_iteration();
        }
        Value item = load_subscript(runtime, container, Value::from_small_int(cursor.position));
        if (!item.is_empty()) {
            ++cursor.position;
        }
        return item;
    }
    if (type != &dict_type && type != &set_type && type != &frozenset_type) {
        return raise_corrupt_cursor(runtime);
    }
    DictObject* dict = as_dict(container);
    if (type == &dict_type && dict->count != cursor.count_at_start) {
        return runtime.raise_new(&runtime_error_type, "dictionary changed size during iteration");
    }
    DictEntry* entry = nullptr;
    if (!dict_next(dict, cursor.position, entry)) {
        return Value::stop_iteration();
    }
    return entry->key;
}

}  // namespace xipy::object
