// Built-in functions about values: len, repr, isinstance, getattr, min, sorted, pow...
#include <cmath>
#include <vector>

#include "number/big_integer.hpp"
#include "object/builtins.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/iteration.hpp"
#include "object/list_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_format.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {

namespace {

Result<Value> builtin_len(Runtime& runtime, Arguments arguments) {
    auto length = length_of(runtime, arguments[0]);
    if (!length) {
        return Value::empty();
    }
    return make_int(runtime, *length);
}

Result<Value> builtin_repr(Runtime& runtime, Arguments arguments) {
    return to_repr(runtime, arguments[0]);
}

Result<Value> builtin_abs(Runtime& runtime, Arguments arguments) {
    return unary_operation(runtime, UnaryOperator::absolute, arguments[0]);
}

Result<Value> builtin_hash(Runtime& runtime, Arguments arguments) {
    auto hash = hash_value(runtime, arguments[0]);
    if (!hash) {
        return Value::empty();
    }
    return make_int(runtime, *hash);
}

Result<Value> builtin_id(Runtime& runtime, Arguments arguments) {
    return make_int(runtime, static_cast<std::int64_t>(arguments[0].bits() & 0x7FFFFFFFFFFFULL));
}

Result<Value> builtin_callable(Runtime&, Arguments arguments) {
    return Value::boolean(is_callable(arguments[0]));
}

std::optional<bool> matches_class(Runtime& runtime, const Type* type, Value classes,
                                  const char* function) {
    if (is_type(classes)) {
        return is_subtype(type, as_type(classes));
    }
    if (is_tuple(classes)) {
        for (Value entry : as_tuple(classes)->span()) {
            auto result = matches_class(runtime, type, entry, function);
            if (!result || *result) {
                return result;
            }
        }
        return false;
    }
    runtime.raise_joined(&type_error_type,
                         {function, "() arg 2 must be a class or a tuple of classes"});
    return std::nullopt;
}

Result<Value> builtin_isinstance(Runtime& runtime, Arguments arguments) {
    auto result = matches_class(runtime, type_of(arguments[0]), arguments[1], "isinstance");
    return result ? Value::boolean(*result) : Value::empty();
}

Result<Value> builtin_issubclass(Runtime& runtime, Arguments arguments) {
    if (!is_type(arguments[0])) {
        return runtime.raise_new(&type_error_type, "issubclass() arg 1 must be a class");
    }
    auto result = matches_class(runtime, as_type(arguments[0]), arguments[1], "issubclass");
    return result ? Value::boolean(*result) : Value::empty();
}

std::optional<std::uint32_t> attribute_name(Runtime& runtime, Value name) {
    if (!is_str(name)) {
        runtime.raise_new(&type_error_type, "attribute name must be a string");
        return std::nullopt;
    }
    if (name.is_interned_string()) {
        return name.as_interned_string();
    }
    return runtime.interned().intern_copy(str_view(runtime, name));
}

Result<Value> builtin_getattr(Runtime& runtime, Arguments arguments) {
    auto name = attribute_name(runtime, arguments[1]);
    if (!name) {
        return Value::empty();
    }
    if (arguments.positional_count < 3) {
        return load_attribute(runtime, arguments[0], *name);
    }
    Value found = find_attribute(runtime, arguments[0], *name);
    if (found.is_empty()) {
        if (runtime.has_exception()) {
            if (!is_instance(runtime.exception(), &attribute_error_type)) {
                return Value::empty();
            }
            runtime.clear_exception();
        }
        return arguments[2];
    }
    return found;
}

Result<Value> builtin_hasattr(Runtime& runtime, Arguments arguments) {
    auto name = attribute_name(runtime, arguments[1]);
    if (!name) {
        return Value::empty();
    }
    Value found = find_attribute(runtime, arguments[0], *name);
    if (found.is_empty() && runtime.has_exception()) {
        if (!is_instance(runtime.exception(), &attribute_error_type)) {
            return Value::empty();
        }
        runtime.clear_exception();
    }
    return Value::boolean(!found.is_empty());
}

Result<Value> builtin_setattr(Runtime& runtime, Arguments arguments) {
    auto name = attribute_name(runtime, arguments[1]);
    if (!name || !store_attribute(runtime, arguments[0], *name, arguments[2])) {
        return Value::empty();
    }
    return Value::none();
}

Result<Value> builtin_delattr(Runtime& runtime, Arguments arguments) {
    auto name = attribute_name(runtime, arguments[1]);
    if (!name || !delete_attribute(runtime, arguments[0], *name)) {
        return Value::empty();
    }
    return Value::none();
}

Result<Value> builtin_chr(Runtime& runtime, Arguments arguments) {
    auto code = to_integer(runtime, arguments[0]);
    if (!code) {
        return Value::empty();
    }
    if (*code < 0 || *code >= 0x110000) {
        return runtime.raise_new(&value_error_type, "char not in range(0x110000)");
    }
    auto point = static_cast<std::uint32_t>(*code);
    std::string text;
    if (point < 0x80) {
        text.push_back(static_cast<char>(point));
    } else if (point < 0x800) {
        text.push_back(static_cast<char>(0xC0 | (point >> 6)));
        text.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    } else if (point < 0x10000) {
        text.push_back(static_cast<char>(0xE0 | (point >> 12)));
        text.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    } else {
        text.push_back(static_cast<char>(0xF0 | (point >> 18)));
        text.push_back(static_cast<char>(0x80 | ((point >> 12) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | ((point >> 6) & 0x3F)));
        text.push_back(static_cast<char>(0x80 | (point & 0x3F)));
    }
    return make_str(runtime, text);
}

Result<Value> builtin_ord(Runtime& runtime, Arguments arguments) {
    Value value = arguments[0];
    if (is_bytes(value)) {  // builtins: MicroPython's ord takes a bytes of length 1 too
        std::string_view data = bytes_view(value);
        if (data.size() != 1) {
            return runtime.raise_joined(
                &type_error_type,
                {"ord() expected a character, but string of length ",
                 Runtime::DecimalText(static_cast<std::int64_t>(data.size())), " found"});
        }
        return Value::from_small_int(static_cast<std::uint8_t>(data[0]));
    }
    if (!is_str(value)) {
        return runtime.raise_joined(
            &type_error_type,
            {"can't convert '", type_name_of(runtime, value), "' object to str implicitly"});
    }
    std::string_view text = str_view(runtime, value);
    std::size_t count = utf8_character_count(text);
    if (count != 1) {
        return runtime.raise_joined(
            &type_error_type, {"ord() expected a character, but string of length ",
                               Runtime::DecimalText(static_cast<std::int64_t>(count)), " found"});
    }
    auto byte = static_cast<std::uint8_t>(text[0]);
    std::uint32_t point = byte;
    if (byte >= 0xF0) {
        point = byte & 0x07;
    } else if (byte >= 0xE0) {
        point = byte & 0x0F;
    } else if (byte >= 0xC0) {
        point = byte & 0x1F;
    }
    for (std::size_t index = 1; index < text.size(); ++index) {
        point = (point << 6) | (static_cast<std::uint8_t>(text[index]) & 0x3F);
    }
    return Value::from_small_int(point);
}

Result<Value> integer_in_base(Runtime& runtime, Value value, int base) {
    if (!is_int(value)) {
        Value native = native_self(value);
        if (!is_int(native)) {
            return runtime.raise_joined(
                &type_error_type, {"can't convert ", type_name_of(runtime, value), " to int"});
        }
        value = native;
    }
    NativeWorkMeter meter(runtime);
    const number::BigIntegerText text(to_big_integer(value), base, true, &meter);
    if (text.view().empty()) {
        return Raised{};
    }
    return make_str(runtime, text.view());
}

Result<Value> builtin_hex(Runtime& runtime, Arguments arguments) {
    return integer_in_base(runtime, arguments[0], 16);
}
Result<Value> builtin_oct(Runtime& runtime, Arguments arguments) {
    return integer_in_base(runtime, arguments[0], 8);
}
Result<Value> builtin_bin(Runtime& runtime, Arguments arguments) {
    return integer_in_base(runtime, arguments[0], 2);
}

Result<Value> builtin_divmod(Runtime& runtime, Arguments arguments) {
    return binary_operation(runtime, BinaryOperator::divmod, arguments[0], arguments[1]);
}

Result<Value> builtin_pow(Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count == 2 ||
        (arguments.positional_count == 3 && arguments[2].is_none())) {
        return binary_operation(runtime, BinaryOperator::power, arguments[0], arguments[1]);
    }
    if (!is_int(arguments[0]) || !is_int(arguments[1]) || !is_int(arguments[2])) {
        return runtime.raise_new(&type_error_type, "pow() with 3 arguments requires integers");
    }
    auto result = number::power_modulo(to_big_integer(arguments[0]), to_big_integer(arguments[1]),
                                       to_big_integer(arguments[2]));
    if (!result) {
        return runtime.raise_new(&value_error_type, result.error().message);
    }
    return make_int(runtime, *result);
}

Result<Value> builtin_round(Runtime& runtime, Arguments arguments) {
    Value value = arguments[0];
    bool has_digits = arguments.positional_count > 1 && !arguments[1].is_none();
    if (is_int(value)) {
        if (!has_digits) {
            return value.is_bool() ? Value::from_small_int(value.is_true_value() ? 1 : 0) : value;
        }
        auto digits = to_integer(runtime, arguments[1]);
        if (!digits) {
            return Value::empty();
        }
        if (*digits >= 0) {
            return value;
        }
        number::BigInteger scale =
            number::power(number::BigInteger::from_int64(10), static_cast<std::uint64_t>(-*digits));
        number::BigInteger number = to_big_integer(value);
        auto divided = number::divide_with_remainder(number, scale);
        if (!divided) {
            return Value::empty();
        }
        // Round half to even on the remainder.
        number::BigInteger twice = divided->remainder + divided->remainder;
        number::BigInteger quotient = divided->quotient;
        auto order = twice.compare(scale);
        bool odd = !(quotient & number::BigInteger::from_int64(1)).is_zero();
        if (order > 0 || (order == 0 && odd)) {
            quotient = quotient + number::BigInteger::from_int64(1);
        }
        return make_int(runtime, quotient * scale);
    }
    auto number = to_double(runtime, value);
    if (!number) {
        return Value::empty();
    }
    if (!has_digits) {
        double rounded = std::nearbyint(*number);
        auto result = number::BigInteger::from_double(rounded);
        if (!result) {
            const Type* type = std::isnan(rounded) ? &value_error_type : &overflow_error_type;
            return runtime.raise_new(type, result.error().message);
        }
        return make_int(runtime, *result);
    }
    auto digits = to_integer(runtime, arguments[1]);
    if (!digits) {
        return Value::empty();
    }
    if (!std::isfinite(*number) || *digits > 300) {
        return make_float(runtime, *number);
    }
    double scale = std::pow(10.0, static_cast<double>(std::abs(*digits)));
    double rounded = *digits >= 0 ? std::nearbyint(*number * scale) / scale
                                  : std::nearbyint(*number / scale) * scale;
    return make_float(runtime, rounded);
}

// all() and any(): the first item whose truth is `wanted` decides.
Result<Value> first_with_truth(Runtime& runtime, Value iterable, bool wanted) {
    Finish finish = for_each_item(runtime, iterable, [&](Value item) {
        int truth_value = truth(runtime, item);
        if (truth_value < 0) {
            return Step::raised;
        }
        return (truth_value > 0) == wanted ? Step::stop : Step::next;
    });
    if (finish == Finish::raised) {
        return Value::empty();
    }
    return Value::boolean((finish == Finish::stopped) == wanted);
}

Result<Value> builtin_all(Runtime& runtime, Arguments arguments) {
    return first_with_truth(runtime, arguments[0], false);
}

Result<Value> builtin_any(Runtime& runtime, Arguments arguments) {
    return first_with_truth(runtime, arguments[0], true);
}

Result<Value> builtin_sum(Runtime& runtime, Arguments arguments) {
    Root total(runtime, arguments.positional_count > 1 ? arguments[1] : Value::from_small_int(0));
    Finish finish = for_each_item(runtime, arguments[0], [&](Value item) {
        Value sum = binary_operation(runtime, BinaryOperator::add, total.get(), item);
        if (sum.is_empty()) {
            return Step::raised;
        }
        total.set(sum);
        return Step::next;
    });
    return finish == Finish::raised ? Value::empty() : total.get();
}

Result<Value> min_max(Runtime& runtime, Arguments arguments, BinaryOperator better) {
    if (!check_keywords(runtime, arguments, {names::key, names::default_})) {
        return Value::empty();
    }
    Value key = keyword_argument(arguments, names::key);
    Value fallback = keyword_argument(arguments, names::default_);
    if (key.is_none()) {
        key = Value::empty();
    }
    // One pass over the items, as MicroPython makes it: the best item and its key are the
    // only values carried from one round to the next.
    Value source = arguments.positional_count == 1
                       ? arguments[0]
                       : Value(new_tuple(runtime, arguments.positional()));
    if (source.is_empty()) {
        return Value::empty();
    }
    Root best(runtime, Value::empty());
    Root best_key(runtime, Value::empty());
    Finish finish = for_each_item(runtime, source, [&](Value candidate) {
        Value candidate_key =
            key.is_empty() ? candidate : Value(call_positional(runtime, key, {candidate}));
        if (candidate_key.is_empty()) {
            return Step::raised;
        }
        if (best.get().is_empty()) {
            best.set(candidate);
            best_key.set(candidate_key);
            return Step::next;
        }
        Value result = binary_operation(runtime, better, candidate_key, best_key.get());
        if (result.is_empty()) {
            return Step::raised;
        }
        int truth_value = truth(runtime, result);
        if (truth_value < 0) {
            return Step::raised;
        }
        if (truth_value > 0) {
            best.set(candidate);
            best_key.set(candidate_key);
        }
        return Step::next;
    });
    if (finish == Finish::raised) {
        return Value::empty();
    }
    if (best.get().is_empty()) {
        if (!fallback.is_empty()) {
            return fallback;
        }
        return runtime.raise_new(&value_error_type, "arg is an empty sequence");
    }
    return best.get();
}

Result<Value> builtin_min(Runtime& runtime, Arguments arguments) {
    return min_max(runtime, arguments, BinaryOperator::less);
}
Result<Value> builtin_max(Runtime& runtime, Arguments arguments) {
    return min_max(runtime, arguments, BinaryOperator::more);
}

Result<Value> builtin_sorted(Runtime& runtime, Arguments arguments) {
    if (arguments.positional_count > 1) {
        return runtime.raise_new(&type_error_type, "must use keyword argument for key function");
    }
    if (!only_sort_keywords(runtime, arguments)) {
        return Value::empty();
    }
    Value list = list_from_iterable(runtime, arguments[0]);
    if (list.is_empty()) {
        return Value::empty();
    }
    Value key = keyword_argument(arguments, names::key);
    Value reverse_value = keyword_argument(arguments, names::reverse);
    int reverse = reverse_value.is_empty() ? 0 : truth(runtime, reverse_value);
    if (reverse < 0) {
        return Value::empty();
    }
    if (!list_sort(runtime, list, key.is_none() ? Value::empty() : key, reverse != 0)) {
        return Value::empty();
    }
    return list;
}

Result<Value> builtin_iter(Runtime& runtime, Arguments arguments) {
    return get_iterator(runtime, arguments[0]);
}

Result<Value> builtin_next(Runtime& runtime, Arguments arguments) {
    // A StopIteration carrying a value must reach the caller.
    Value result = iterate_next_keeping_stop(runtime, arguments[0]);
    if (result.is_empty() && arguments.positional_count > 1 &&
        is_instance(runtime.exception(), &stop_iteration_type)) {
        runtime.clear_exception();
        return arguments[1];
    }
    if (result.is_stop_iteration()) {
        if (arguments.positional_count > 1) {
            return arguments[1];
        }
        return runtime.raise_type(&stop_iteration_type);
    }
    return result;
}

Result<Value> builtin_format(Runtime& runtime, Arguments arguments) {
    std::string_view spec;
    if (arguments.positional_count > 1) {
        if (!is_str(arguments[1])) {
            return runtime.raise_new(&type_error_type, "format spec must be a str");
        }
        spec = str_view(runtime, arguments[1]);
    }
    Printer printer;
    if (!format_with_spec(runtime, printer, arguments[0], spec)) {
        return Value::empty();
    }
    return make_str(runtime, printer.text());
}

using Kind = NativeKind;
constexpr std::uint16_t many = NativeFunction::unlimited;

constexpr NativeFunction core_functions[] = {
    {names::len, Kind::function, 1, 1, builtin_len},
    {names::repr, Kind::function, 1, 1, builtin_repr},
    {names::abs, Kind::function, 1, 1, builtin_abs},
    {names::hash, Kind::function, 1, 1, builtin_hash},
    {names::id, Kind::function, 1, 1, builtin_id},
    {names::callable, Kind::function, 1, 1, builtin_callable},
    {names::isinstance, Kind::function, 2, 2, builtin_isinstance},
    {names::issubclass, Kind::function, 2, 2, builtin_issubclass},
    {names::getattr, Kind::function, 2, 3, builtin_getattr},
    {names::hasattr, Kind::function, 2, 2, builtin_hasattr},
    {names::setattr, Kind::function, 3, 3, builtin_setattr},
    {names::delattr, Kind::function, 2, 2, builtin_delattr},
    {names::chr, Kind::function, 1, 1, builtin_chr},
    {names::ord, Kind::function, 1, 1, builtin_ord},
    {names::hex, Kind::function, 1, 1, builtin_hex},
    {names::oct, Kind::function, 1, 1, builtin_oct},
    {names::bin, Kind::function, 1, 1, builtin_bin},
    {names::divmod, Kind::function, 2, 2, builtin_divmod},
    {names::pow, Kind::function, 2, 3, builtin_pow},
    {names::round, Kind::function, 1, 2, builtin_round},
    {names::all, Kind::function, 1, 1, builtin_all},
    {names::any, Kind::function, 1, 1, builtin_any},
    {names::sum, Kind::function, 1, 2, builtin_sum},
    {names::min, Kind::function, 1, many, builtin_min, true},
    {names::max, Kind::function, 1, many, builtin_max, true},
    {names::sorted, Kind::function, 1, many, builtin_sorted, true},
    {names::iter, Kind::function, 1, 1, builtin_iter},
    {names::next, Kind::function, 1, 2, builtin_next},
    {names::format, Kind::function, 1, 2, builtin_format},
};

constexpr auto core_table = native_attributes<core_functions>();

}  // namespace

std::span<const Attribute> core_builtins() { return core_table; }

}  // namespace xipy::object
