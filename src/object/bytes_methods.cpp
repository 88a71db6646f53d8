// bytes and bytearray methods over the shared text algorithms (src/text/string_methods.hpp).
#include "object/bytes_methods.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "object/array_object.hpp"
#include "object/buffer.hpp"
#include "object/bytes_object.hpp"
#include "object/exception_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/utf8.hpp"
#include "text/string_methods.hpp"
#include "text/string_sink.hpp"

namespace xipy::object {
namespace {

using text::TextKind;

// Precondition: arguments[0] is a bytes or bytearray (the method table guarantees it).
std::string_view self_bytes(Arguments arguments) { return get_buffer(arguments[0])->bytes(); }

bool is_bytearray_like(Value value) {
    ArrayObject* array = as_array_like(value);
    return array != nullptr && array->type() == &bytearray_type;
}

// A result of the same kind as self: bytearray methods return bytearrays.
Value make_like(Runtime& runtime, Value self, std::string_view data) {
    return is_bytearray_like(self) ? make_bytearray(runtime, data) : make_bytes(runtime, data);
}

Value raise_failure(Runtime& runtime, const text::Failure& failure) {
    switch (failure.kind) {
        case text::ErrorKind::type_error:
            return runtime.raise_new(&type_error_type, failure.message);
        case text::ErrorKind::not_implemented_error:
            return runtime.raise_new(&not_implemented_error_type, failure.message);
        case text::ErrorKind::memory_error:
            return runtime.raise_new(&memory_error_type, failure.message);
        default:
            return runtime.raise_new(&value_error_type, failure.message);
    }
}

// A bytes-like argument (MicroPython's error when given a str or anything else).
std::optional<std::string_view> bytes_argument(Runtime& runtime, Value value) {
    std::optional<BufferView> buffer = get_buffer(value);
    if (!buffer) {
        runtime.raise_new(&type_error_type, "can't convert '" +
                                                std::string(type_name_of(runtime, value)) +
                                                "' object to bytes implicitly");
        return std::nullopt;
    }
    return buffer->bytes();
}

// Optional start/end arguments at `first` and `first + 1` (None = missing).
bool range_arguments(Runtime& runtime, Arguments arguments, std::uint32_t first,
                     std::optional<std::int64_t>& start, std::optional<std::int64_t>& end) {
    for (std::uint32_t index = first; index < arguments.positional_count && index < first + 2;
         ++index) {
        if (arguments[index].is_none()) {
            continue;
        }
        std::optional<std::int64_t> value = to_integer(runtime, arguments[index]);
        if (!value) {
            return false;
        }
        (index == first ? start : end) = value;
    }
    return true;
}

Value find_common(Runtime& runtime, Arguments arguments, text::Direction direction,
                  bool raise_missing) {
    std::optional<std::string_view> needle = bytes_argument(runtime, arguments[1]);
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!needle || !range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    std::int64_t found =
        text::find(self_bytes(arguments), *needle, TextKind::bytes, start, end, direction);
    if (found < 0 && raise_missing) {
        return runtime.raise_new(&value_error_type, "substring not found");
    }
    return Value::from_small_int(found);
}

Value affix_common(Runtime& runtime, Arguments arguments, bool prefix) {
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    std::string_view data = self_bytes(arguments);
    // A tuple offers several candidates.
    std::span<const Value> candidates(&arguments.values[1], 1);
    if (is_tuple(arguments[1])) {
        candidates = as_tuple(arguments[1])->span();
    }
    for (Value candidate : candidates) {
        std::optional<std::string_view> affix = bytes_argument(runtime, candidate);
        if (!affix) {
            return Value::empty();
        }
        if (prefix ? text::starts_with(data, *affix, TextKind::bytes, start, end)
                   : text::ends_with(data, *affix, TextKind::bytes, start, end)) {
            return Value::boolean(true);
        }
    }
    return Value::boolean(false);
}

class ListSink final : public text::PieceSink {
  public:
    explicit ListSink(std::vector<std::string>& pieces) : pieces_(pieces) {}
    bool add(std::string_view piece) override {
        pieces_.emplace_back(piece);
        return true;
    }

  private:
    std::vector<std::string>& pieces_;
};

Value pieces_to_list(Runtime& runtime, Value self, const std::vector<std::string>& pieces,
                     bool reversed) {
    Value list = make_list(runtime, {});
    if (list.is_empty()) {
        return Value::empty();
    }
    for (std::size_t index = 0; index < pieces.size(); ++index) {
        const std::string& piece = reversed ? pieces[pieces.size() - 1 - index] : pieces[index];
        Value item = make_like(runtime, self, piece);
        if (item.is_empty() || !list_append(runtime, list, item)) {
            return Value::empty();
        }
    }
    return list;
}

Value split_common(Runtime& runtime, Arguments arguments, bool from_right) {
    if (!check_keywords(runtime, arguments, {names::sep, names::maxsplit})) {
        return Value::empty();
    }
    Value separator_value = arguments.positional_count > 1 ? arguments[1] : Value::none();
    if (Value keyword = keyword_argument(arguments, names::sep); !keyword.is_empty()) {
        separator_value = keyword;
    }
    Value limit_value = arguments.positional_count > 2
                            ? arguments[2]
                            : keyword_argument(arguments, names::maxsplit);
    std::int64_t limit = -1;
    if (!limit_value.is_empty()) {
        std::optional<std::int64_t> parsed = to_integer(runtime, limit_value);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::optional<std::string_view> separator;
    if (!separator_value.is_none()) {
        separator = bytes_argument(runtime, separator_value);
        if (!separator) {
            return Value::empty();
        }
    }
    std::vector<std::string> pieces;
    ListSink sink(pieces);
    std::string_view data = self_bytes(arguments);
    text::Status status = from_right ? text::rsplit(data, separator, limit, sink)
                                     : text::split(data, separator, limit, sink);
    if (!status) {
        return raise_failure(runtime, status.failure());
    }
    return pieces_to_list(runtime, arguments[0], pieces, from_right && limit >= 0);
}

Value strip_common(Runtime& runtime, Arguments arguments, text::StripSide side) {
    std::optional<std::string_view> characters;
    if (arguments.positional_count > 1 && !arguments[1].is_none()) {
        characters = bytes_argument(runtime, arguments[1]);
        if (!characters) {
            return Value::empty();
        }
    }
    return make_like(runtime, arguments[0], text::strip(self_bytes(arguments), characters, side));
}

using Transform = text::Status (*)(std::string_view, text::TextSink&);

Value transform_common(Runtime& runtime, Arguments arguments, Transform transform) {
    std::string result;
    text::StringSink sink(result);
    text::Status status = transform(self_bytes(arguments), sink);
    if (!status) {
        return raise_failure(runtime, status.failure());
    }
    return make_like(runtime, arguments[0], result);
}

Value partition_common(Runtime& runtime, Arguments arguments, text::Direction direction) {
    std::optional<std::string_view> separator = bytes_argument(runtime, arguments[1]);
    if (!separator) {
        return Value::empty();
    }
    text::Outcome<text::Partition> parts =
        text::partition(self_bytes(arguments), *separator, direction);
    if (!parts) {
        return raise_failure(runtime, parts.failure());
    }
    // Copy first: making the pieces may move nothing, but the views point into self.
    std::string before(parts.value().before);
    std::string middle(parts.value().separator);
    std::string after(parts.value().after);
    Value items[3] = {make_like(runtime, arguments[0], before),
                      make_like(runtime, arguments[0], middle),
                      make_like(runtime, arguments[0], after)};
    for (Value item : items) {
        if (item.is_empty()) {
            return Value::empty();
        }
    }
    return new_tuple(runtime, items);
}

}  // namespace

Value bytes_method_count(Runtime& runtime, Arguments arguments) {
    std::optional<std::string_view> needle = bytes_argument(runtime, arguments[1]);
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> end;
    if (!needle || !range_arguments(runtime, arguments, 2, start, end)) {
        return Value::empty();
    }
    return Value::from_small_int(
        text::count(self_bytes(arguments), *needle, TextKind::bytes, start, end));
}

Value bytes_method_endswith(Runtime& runtime, Arguments arguments) {
    return affix_common(runtime, arguments, false);
}
Value bytes_method_startswith(Runtime& runtime, Arguments arguments) {
    return affix_common(runtime, arguments, true);
}
Value bytes_method_find(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::forward, false);
}
Value bytes_method_rfind(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::backward, false);
}
Value bytes_method_index(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::forward, true);
}
Value bytes_method_rindex(Runtime& runtime, Arguments arguments) {
    return find_common(runtime, arguments, text::Direction::backward, true);
}
Value bytes_method_isalpha(Runtime&, Arguments arguments) {
    return Value::boolean(text::is_alpha(self_bytes(arguments)));
}
Value bytes_method_isdigit(Runtime&, Arguments arguments) {
    return Value::boolean(text::is_digit(self_bytes(arguments)));
}
Value bytes_method_islower(Runtime&, Arguments arguments) {
    return Value::boolean(text::is_lower(self_bytes(arguments)));
}
Value bytes_method_isspace(Runtime&, Arguments arguments) {
    return Value::boolean(text::is_space(self_bytes(arguments)));
}
Value bytes_method_isupper(Runtime&, Arguments arguments) {
    return Value::boolean(text::is_upper(self_bytes(arguments)));
}

Value bytes_method_join(Runtime& runtime, Arguments arguments) {
    Value list = list_from_iterable(runtime, arguments[1]);
    if (list.is_empty()) {
        return Value::empty();
    }
    std::vector<std::string_view> pieces;
    for (Value item : as_list(list)->span()) {
        std::optional<BufferView> buffer = get_buffer(item);
        if (!buffer) {
            return runtime.raise_new(
                &type_error_type,
                "join expects a list of str/bytes objects consistent with self object");
        }
        pieces.push_back(buffer->bytes());
    }
    std::string result;
    text::StringSink sink(result);
    text::Status status = text::join(self_bytes(arguments), pieces, sink);
    if (!status) {
        return raise_failure(runtime, status.failure());
    }
    return make_like(runtime, arguments[0], result);
}

Value bytes_method_lower(Runtime& runtime, Arguments arguments) {
    return transform_common(runtime, arguments, text::to_lower);
}
Value bytes_method_upper(Runtime& runtime, Arguments arguments) {
    return transform_common(runtime, arguments, text::to_upper);
}
Value bytes_method_strip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, text::StripSide::both);
}
Value bytes_method_lstrip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, text::StripSide::left);
}
Value bytes_method_rstrip(Runtime& runtime, Arguments arguments) {
    return strip_common(runtime, arguments, text::StripSide::right);
}
Value bytes_method_split(Runtime& runtime, Arguments arguments) {
    return split_common(runtime, arguments, false);
}
Value bytes_method_rsplit(Runtime& runtime, Arguments arguments) {
    return split_common(runtime, arguments, true);
}

Value bytes_method_replace(Runtime& runtime, Arguments arguments) {
    std::optional<std::string_view> old_text = bytes_argument(runtime, arguments[1]);
    if (!old_text) {
        return Value::empty();
    }
    std::optional<std::string_view> new_text = bytes_argument(runtime, arguments[2]);
    if (!new_text) {
        return Value::empty();
    }
    std::int64_t limit = -1;
    if (arguments.positional_count > 3) {
        std::optional<std::int64_t> parsed = to_integer(runtime, arguments[3]);
        if (!parsed) {
            return Value::empty();
        }
        limit = *parsed;
    }
    std::string result;
    text::StringSink sink(result);
    text::Status status = text::replace(self_bytes(arguments), *old_text, *new_text, limit, sink);
    if (!status) {
        return raise_failure(runtime, status.failure());
    }
    return make_like(runtime, arguments[0], result);
}

Value bytes_method_center(Runtime& runtime, Arguments arguments) {
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    std::string result;
    text::StringSink sink(result);
    text::Status status = text::center(self_bytes(arguments), *width, sink);
    if (!status) {
        return raise_failure(runtime, status.failure());
    }
    return make_like(runtime, arguments[0], result);
}

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
        return raise_failure(runtime, status.failure());
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
        std::optional<std::string_view> given = bytes_argument(runtime, arguments[1]);
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
        return raise_failure(runtime, status.failure());
    }
    return make_str(runtime, result);
}

Value bytes_method_partition(Runtime& runtime, Arguments arguments) {
    return partition_common(runtime, arguments, text::Direction::forward);
}
Value bytes_method_rpartition(Runtime& runtime, Arguments arguments) {
    return partition_common(runtime, arguments, text::Direction::backward);
}

Value bytes_method_splitlines(Runtime& runtime, Arguments arguments) {
    bool keep_ends = false;
    if (arguments.positional_count > 1) {
        int flag = truth(runtime, arguments[1]);
        if (flag < 0) {
            return Value::empty();
        }
        keep_ends = flag != 0;
    }
    std::vector<std::string> pieces;
    ListSink sink(pieces);
    text::Status status = text::split_lines(self_bytes(arguments), keep_ends, sink);
    if (!status) {
        return raise_failure(runtime, status.failure());
    }
    return pieces_to_list(runtime, arguments[0], pieces, false);
}

}  // namespace xipy::object
