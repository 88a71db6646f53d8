// str % args and str.format(): printf-style and format-spec formatting of values.
#include <cstdio>
#include <string>
#include <vector>

#include "number/big_integer.hpp"
#include "number/float_format.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/names.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"

namespace xipy::object {

Value str_modulo_format(Runtime& runtime, std::string_view format, Value arguments);
Value str_format_method(Runtime& runtime, Arguments arguments);
bool format_with_spec(Runtime& runtime, Printer& printer, Value value, std::string_view spec);

namespace {

// A parsed format specification: [[fill]align][sign][#][0][width][,][.precision][type].
struct Spec {
    std::string fill = " ";
    char align = 0;
    char sign = 0;
    bool alternate = false;
    bool zero = false;
    std::int64_t width = -1;
    char grouping = 0;
    std::int64_t precision = -1;
    char type = 0;
};

bool is_align(char character) {
    return character == '<' || character == '>' || character == '^' || character == '=';
}

std::size_t character_length(std::string_view text) { return utf8_character_count(text); }

Spec parse_spec(std::string_view text) {
    Spec spec;
    std::size_t position = 0;
    // A fill may be any one character (possibly multi-byte) followed by an alignment.
    std::size_t first_length = 1;
    while (first_length < text.size() &&
           (static_cast<unsigned char>(text[first_length]) & 0xC0) == 0x80) {
        ++first_length;
    }
    if (text.size() > first_length && is_align(text[first_length])) {
        spec.fill = std::string(text.substr(0, first_length));
        spec.align = text[first_length];
        position = first_length + 1;
    } else if (!text.empty() && is_align(text[0])) {
        spec.align = text[0];
        position = 1;
    }
    if (position < text.size() &&
        (text[position] == '+' || text[position] == '-' || text[position] == ' ')) {
        spec.sign = text[position++];
    }
    if (position < text.size() && text[position] == '#') {
        spec.alternate = true;
        ++position;
    }
    if (position < text.size() && text[position] == '0') {
        spec.zero = true;
        ++position;
    }
    if (position < text.size() && text[position] >= '0' && text[position] <= '9') {
        spec.width = 0;
        while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
            spec.width = spec.width * 10 + (text[position++] - '0');
        }
    }
    if (position < text.size() && (text[position] == ',' || text[position] == '_')) {
        spec.grouping = text[position++];
    }
    if (position < text.size() && text[position] == '.') {
        ++position;
        spec.precision = 0;
        while (position < text.size() && text[position] >= '0' && text[position] <= '9') {
            spec.precision = spec.precision * 10 + (text[position++] - '0');
        }
    }
    if (position < text.size()) {
        spec.type = text[position++];
    }
    return spec;
}

std::string group_digits(std::string_view digits, char separator) {
    std::string result;
    std::size_t count = digits.size();
    for (std::size_t index = 0; index < count; ++index) {
        if (index > 0 && (count - index) % 3 == 0) {
            result.push_back(separator);
        }
        result.push_back(digits[index]);
    }
    return result;
}

// Pads `body` (with its sign/prefix in `prefix`) to the spec's width.
void write_padded(Printer& printer, const Spec& spec, std::string_view prefix,
                  std::string_view body, char default_align) {
    char align = spec.align;
    std::string fill = spec.fill;
    if (align == 0 && spec.zero) {
        align = '=';
        fill = "0";
    }
    if (align == 0) {
        align = default_align;
    }
    std::int64_t length =
        static_cast<std::int64_t>(character_length(prefix) + character_length(body));
    std::int64_t padding = spec.width > length ? spec.width - length : 0;
    auto pad = [&](std::int64_t count) {
        for (std::int64_t index = 0; index < count; ++index) {
            printer.write(fill);
        }
    };
    switch (align) {
        case '<':
            printer.write(prefix);
            printer.write(body);
            pad(padding);
            break;
        case '^':
            pad(padding / 2);
            printer.write(prefix);
            printer.write(body);
            pad(padding - padding / 2);
            break;
        case '=':
            printer.write(prefix);
            pad(padding);
            printer.write(body);
            break;
        default:
            pad(padding);
            printer.write(prefix);
            printer.write(body);
            break;
    }
}

Value raise_unknown_code(Runtime& runtime, char code, Value value) {
    return runtime.raise_new(
        &value_error_type, std::string("unknown format code '") + code + "' for object of type '" +
                               std::string(type_name_of(runtime, value)) + "'");
}

bool format_float_value(Runtime& runtime, Printer& printer, const Spec& spec, double value) {
    char type = spec.type;
    std::string body;
    bool negative = std::signbit(value) && !std::isnan(value);
    double magnitude = negative ? -value : value;
    if (type == 0 && spec.precision < 0) {
        body = float_repr(magnitude);
    } else {
        char conversion = type == 0 ? 'g' : type;
        if (conversion == 'n') {
            conversion = 'g';
        }
        int precision = spec.precision < 0 ? 6 : static_cast<int>(spec.precision);
        char buffer[number::max_float_text_length + 8];
        std::size_t length = number::format_float(magnitude, conversion, precision,
                                                  number::FloatFormatFlags{}, buffer);
        body.assign(buffer, std::min(length, sizeof buffer));
        if (type == 0 && body.find_first_of(".e") == std::string::npos &&
            body.find("inf") == std::string::npos && body.find("nan") == std::string::npos) {
            // Without a type, CPython keeps at least one digit after the point.
            body.append(".0");
        }
    }
    if (spec.grouping != 0) {
        std::size_t digits_end = body.find_first_not_of("0123456789");
        if (digits_end == std::string::npos) {
            digits_end = body.size();
        }
        body = group_digits(body.substr(0, digits_end), spec.grouping) + body.substr(digits_end);
    }
    std::string prefix;
    if (negative) {
        prefix = "-";
    } else if (spec.sign == '+' || spec.sign == ' ') {
        prefix = std::string(1, spec.sign);
    }
    (void)runtime;
    write_padded(printer, spec, prefix, body, '>');
    return true;
}

bool format_int_value(Runtime& runtime, Printer& printer, const Spec& spec, Value value) {
    char type = spec.type == 0 ? 'd' : spec.type;
    if (type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' || type == 'G' ||
        type == '%') {
        return format_float_value(runtime, printer, spec, to_big_integer(value).to_double());
    }
    if (type == 'c') {
        auto code = to_integer(runtime, value);
        if (!code) {
            return false;
        }
        std::string text;
        auto point = static_cast<std::uint32_t>(*code);
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
        write_padded(printer, spec, "", text, '<');
        return true;
    }
    int base = 10;
    std::string_view prefix_marker;
    switch (type) {
        case 'd':
        case 'n':
            break;
        case 'b':
            base = 2;
            prefix_marker = "0b";
            break;
        case 'o':
            base = 8;
            prefix_marker = "0o";
            break;
        case 'x':
        case 'X':
            base = 16;
            prefix_marker = type == 'x' ? "0x" : "0X";
            break;
        default:
            raise_unknown_code(runtime, type, value);
            return false;
    }
    number::BigInteger number = to_big_integer(value);
    std::string digits = number.absolute().to_string(base);
    if (type == 'X') {
        for (char& character : digits) {
            character = static_cast<char>(std::toupper(static_cast<unsigned char>(character)));
        }
    }
    if (spec.grouping != 0) {
        digits = group_digits(digits, spec.grouping);
    }
    std::string prefix;
    if (number.is_negative()) {
        prefix = "-";
    } else if (spec.sign == '+' || spec.sign == ' ') {
        prefix = std::string(1, spec.sign);
    }
    if (spec.alternate) {
        prefix.append(prefix_marker);
    }
    write_padded(printer, spec, prefix, digits, '>');
    return true;
}

}  // namespace

bool format_with_spec(Runtime& runtime, Printer& printer, Value value, std::string_view text) {
    const Type* type = type_of(value);
    if (type->is_user_class()) {
        ClassLookup found = lookup_in_type(type, names::dunder_format);
        if (!found.value.is_empty() && found.owner->is_user_class()) {
            Value spec_value = make_str(runtime, text);
            if (spec_value.is_empty()) {
                return false;
            }
            Value result =
                call_with_self(runtime, found.value, value, Arguments{&spec_value, 1, 0});
            if (result.is_empty()) {
                return false;
            }
            if (!is_str(result)) {
                runtime.raise_new(&type_error_type, "__format__ must return a str");
                return false;
            }
            printer.write(str_view(runtime, result));
            return true;
        }
        Value native = native_self(value);
        if (native != value) {
            return format_with_spec(runtime, printer, native, text);
        }
    }
    if (text.empty()) {
        return print_value(runtime, printer, value, PrintKind::str);
    }
    Spec spec = parse_spec(text);
    if (is_int(value)) {
        if (value.is_bool() && spec.type == 0) {
            write_padded(printer, spec, "", value.is_true_value() ? "True" : "False", '<');
            return true;
        }
        return format_int_value(runtime, printer, spec, value);
    }
    if (value.is_double()) {
        if (spec.type != 0 &&
            std::string_view("eEfFgGn%").find(spec.type) == std::string_view::npos) {
            raise_unknown_code(runtime, spec.type, value);
            return false;
        }
        return format_float_value(runtime, printer, spec, value.as_double());
    }
    if (spec.type != 0 && spec.type != 's') {
        raise_unknown_code(runtime, spec.type, value);
        return false;
    }
    std::optional<std::string> body = str_text(runtime, value);
    if (!body) {
        return false;
    }
    std::string_view shown = *body;
    if (spec.precision >= 0) {
        shown = shown.substr(0, utf8_offset_of(shown, static_cast<std::size_t>(spec.precision)));
    }
    if (spec.align == '=') {
        runtime.raise_new(&value_error_type,
                          "'=' alignment not allowed in string format specifier");
        return false;
    }
    write_padded(printer, spec, "", shown, '<');
    return true;
}

Value str_format_method(Runtime& runtime, Arguments arguments) {
    std::string_view format = str_view(runtime, arguments[0]);
    Printer printer;
    std::int64_t next_automatic = 0;
    bool used_automatic = false;
    bool used_manual = false;
    std::size_t position = 0;
    while (position < format.size()) {
        char character = format[position];
        if (character == '}') {
            if (position + 1 < format.size() && format[position + 1] == '}') {
                printer.write_char('}');
                position += 2;
                continue;
            }
            return runtime.raise_new(&value_error_type, "single '}' encountered in format string");
        }
        if (character != '{') {
            printer.write_char(character);
            ++position;
            continue;
        }
        if (position + 1 < format.size() && format[position + 1] == '{') {
            printer.write_char('{');
            position += 2;
            continue;
        }
        // Find the matching '}', allowing one level of nested {} in the spec.
        std::size_t end = position + 1;
        int depth = 1;
        while (end < format.size()) {
            if (format[end] == '{') {
                ++depth;
            } else if (format[end] == '}') {
                if (--depth == 0) {
                    break;
                }
            }
            ++end;
        }
        if (end >= format.size()) {
            return runtime.raise_new(&value_error_type, "unmatched '{' in format");
        }
        std::string_view field = format.substr(position + 1, end - position - 1);
        position = end + 1;
        std::string_view spec_text;
        char conversion = 0;
        std::size_t colon = field.find(':');
        if (colon != std::string_view::npos) {
            spec_text = field.substr(colon + 1);
            field = field.substr(0, colon);
        }
        std::size_t bang = field.find('!');
        if (bang != std::string_view::npos) {
            if (bang + 1 < field.size()) {
                conversion = field[bang + 1];
            }
            field = field.substr(0, bang);
        }
        std::size_t name_end = field.find_first_of(".[");
        std::string_view name = field.substr(0, name_end);
        // Resolves a field name (empty: the next automatic one) to its argument.
        auto resolve = [&](std::string_view field_name) -> Value {
            if (field_name.empty()) {
                if (used_manual) {
                    return runtime.raise_new(&value_error_type,
                                             "can't switch from manual field specification to "
                                             "automatic field numbering");
                }
                used_automatic = true;
                std::int64_t index = next_automatic++;
                if (index + 1 >= arguments.positional_count) {
                    return runtime.raise_new(&index_error_type, "tuple index out of range");
                }
                return arguments[static_cast<std::uint32_t>(index + 1)];
            }
            if (field_name[0] >= '0' && field_name[0] <= '9') {
                if (used_automatic) {
                    return runtime.raise_new(&value_error_type,
                                             "can't switch from automatic field numbering to "
                                             "manual field specification");
                }
                used_manual = true;
                std::int64_t index = 0;
                for (char digit : field_name) {
                    index = index * 10 + (digit - '0');
                }
                if (index + 1 >= arguments.positional_count) {
                    return runtime.raise_new(&index_error_type, "tuple index out of range");
                }
                return arguments[static_cast<std::uint32_t>(index + 1)];
            }
            Value found;
            auto id = runtime.interned().find(field_name);
            if (id) {
                found = keyword_argument(arguments, *id);
            }
            if (found.is_empty()) {
                Value key = make_str(runtime, field_name);
                if (key.is_empty()) {
                    return Value::empty();
                }
                return runtime.set_exception(make_exception(runtime, &key_error_type, {&key, 1}));
            }
            return found;
        };
        Value value = resolve(name);
        if (value.is_empty()) {
            return Value::empty();
        }
        // Attribute and index accessors.
        std::string_view rest =
            name_end == std::string_view::npos ? std::string_view{} : field.substr(name_end);
        while (!rest.empty()) {
            if (rest[0] == '.') {
                std::size_t stop = rest.find_first_of(".[", 1);
                std::string_view attribute =
                    rest.substr(1, stop == std::string_view::npos ? rest.npos : stop - 1);
                value = load_attribute(runtime, value, runtime.interned().intern_copy(attribute));
                if (value.is_empty()) {
                    return Value::empty();
                }
                rest = stop == std::string_view::npos ? std::string_view{} : rest.substr(stop);
            } else {
                std::size_t close = rest.find(']');
                if (close == std::string_view::npos) {
                    return runtime.raise_new(&value_error_type, "unmatched '[' in format");
                }
                std::string_view key_text = rest.substr(1, close - 1);
                Value key;
                if (!key_text.empty() &&
                    key_text.find_first_not_of("0123456789") == std::string_view::npos) {
                    key = Value::from_small_int(std::stoll(std::string(key_text)));
                } else {
                    key = make_str(runtime, key_text);
                }
                value = load_subscript(runtime, value, key);
                if (value.is_empty()) {
                    return Value::empty();
                }
                rest = rest.substr(close + 1);
            }
        }
        if (conversion == 'r') {
            value = to_repr(runtime, value);
        } else if (conversion == 's') {
            value = to_str(runtime, value);
        }
        if (value.is_empty()) {
            return Value::empty();
        }
        std::string expanded_spec;
        if (spec_text.find('{') != std::string_view::npos) {
            // Nested fields in the spec take the next automatic numbers in turn.
            for (std::size_t index = 0; index < spec_text.size(); ++index) {
                if (spec_text[index] != '{') {
                    expanded_spec.push_back(spec_text[index]);
                    continue;
                }
                std::size_t close = spec_text.find('}', index);
                if (close == std::string_view::npos) {
                    return runtime.raise_new(&value_error_type, "unmatched '{' in format");
                }
                Value nested = resolve(spec_text.substr(index + 1, close - index - 1));
                if (nested.is_empty()) {
                    return Value::empty();
                }
                std::optional<std::string> text = str_text(runtime, nested);
                if (!text) {
                    return Value::empty();
                }
                expanded_spec += *text;
                index = close;
            }
            spec_text = expanded_spec;
        }
        if (!format_with_spec(runtime, printer, value, spec_text)) {
            return Value::empty();
        }
    }
    return make_str(runtime, printer.text());
}

Value str_modulo_format(Runtime& runtime, std::string_view format, Value arguments) {
    std::span<const Value> items;
    Value single[1] = {arguments};
    bool is_mapping = false;
    if (is_tuple(arguments)) {
        items = as_tuple(arguments)->span();
    } else {
        items = std::span<const Value>(single, 1);
        is_mapping = is_dict(arguments);
    }
    std::size_t next = 0;
    Printer printer;
    std::size_t position = 0;
    while (position < format.size()) {
        char character = format[position];
        if (character != '%') {
            printer.write_char(character);
            ++position;
            continue;
        }
        std::size_t start = position;
        ++position;
        if (position >= format.size()) {
            return runtime.raise_new(&value_error_type, "incomplete format");
        }
        Value value;
        bool have_value = false;
        if (format[position] == '(') {
            std::size_t close = format.find(')', position);
            if (close == std::string_view::npos) {
                return runtime.raise_new(&value_error_type, "incomplete format key");
            }
            if (!is_mapping) {
                return runtime.raise_new(&type_error_type, "format requires a dict");
            }
            Value key = make_str(runtime, format.substr(position + 1, close - position - 1));
            if (key.is_empty()) {
                return Value::empty();
            }
            value = load_subscript(runtime, arguments, key);
            if (value.is_empty()) {
                return Value::empty();
            }
            have_value = true;
            position = close + 1;
        }
        Spec spec;
        spec.align = '>';
        while (position < format.size()) {
            char flag = format[position];
            if (flag == '-') {
                spec.align = '<';
            } else if (flag == '+' || flag == ' ') {
                spec.sign = flag;
            } else if (flag == '0') {
                spec.zero = true;
            } else if (flag == '#') {
                spec.alternate = true;
            } else {
                break;
            }
            ++position;
        }
        auto read_number = [&](std::int64_t& target) -> bool {
            if (position < format.size() && format[position] == '*') {
                ++position;
                if (next >= items.size()) {
                    runtime.raise_new(&type_error_type, "format string needs more arguments");
                    return false;
                }
                auto number = to_integer(runtime, items[next++]);
                if (!number) {
                    return false;
                }
                target = *number;
                return true;
            }
            if (position < format.size() && format[position] >= '0' && format[position] <= '9') {
                target = 0;
                while (position < format.size() && format[position] >= '0' &&
                       format[position] <= '9') {
                    target = target * 10 + (format[position++] - '0');
                }
            }
            return true;
        };
        if (!read_number(spec.width)) {
            return Value::empty();
        }
        if (position < format.size() && format[position] == '.') {
            ++position;
            spec.precision = 0;
            if (!read_number(spec.precision)) {
                return Value::empty();
            }
        }
        if (position >= format.size()) {
            return runtime.raise_new(&value_error_type, "incomplete format");
        }
        char conversion = format[position++];
        if (conversion == '%') {
            printer.write_char('%');
            continue;
        }
        if (!have_value) {
            if (next >= items.size()) {
                return runtime.raise_new(&type_error_type, "format string needs more arguments");
            }
            value = items[next++];
        }
        if (spec.zero && spec.align == '<') {
            spec.zero = false;
        }
        if (spec.zero) {
            spec.align = 0;
        }
        switch (conversion) {
            case 's':
            case 'r':
            case 'a': {
                std::optional<std::string> text =
                    conversion == 's' ? str_text(runtime, value) : repr_text(runtime, value);
                if (!text) {
                    return Value::empty();
                }
                std::string_view shown = *text;
                if (spec.precision >= 0) {
                    shown = shown.substr(
                        0, utf8_offset_of(shown, static_cast<std::size_t>(spec.precision)));
                }
                Spec string_spec = spec;
                string_spec.zero = false;
                if (string_spec.align == 0) {
                    string_spec.align = '>';
                }
                write_padded(printer, string_spec, "", shown, '>');
                break;
            }
            case 'c': {
                if (is_str(value)) {
                    write_padded(printer, spec, "", str_view(runtime, value), '>');
                } else if (is_int(value)) {
                    spec.type = 'c';
                    if (!format_int_value(runtime, printer, spec, value)) {
                        return Value::empty();
                    }
                } else {
                    return runtime.raise_new(&type_error_type, "%c requires int or char");
                }
                break;
            }
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o': {
                Value number = value;
                if (value.is_double()) {
                    auto big = number::BigInteger::from_double(value.as_double());
                    if (!big) {
                        return runtime.raise_new(&overflow_error_type, big.error().message);
                    }
                    number = make_int(runtime, *big);
                } else if (!is_int(value)) {
                    Value native = native_self(value);
                    if (!is_int(native)) {
                        return runtime.raise_new(&type_error_type,
                                                 "can't convert " +
                                                     std::string(type_name_of(runtime, value)) +
                                                     " to int");
                    }
                    number = native;
                }
                spec.type = (conversion == 'i' || conversion == 'u') ? 'd' : conversion;
                if (number.is_empty() || !format_int_value(runtime, printer, spec, number)) {
                    return Value::empty();
                }
                break;
            }
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                auto number = to_double(runtime, value);
                if (!number) {
                    return Value::empty();
                }
                spec.type = conversion;
                if (spec.precision < 0) {
                    spec.precision = 6;
                }
                if (!format_float_value(runtime, printer, spec, *number)) {
                    return Value::empty();
                }
                break;
            }
            default: {
                char buffer[96];
                std::snprintf(buffer, sizeof buffer,
                              "unsupported format character '%c' (0x%x) at index %zu", conversion,
                              static_cast<unsigned>(static_cast<unsigned char>(conversion)),
                              position - 1);
                (void)start;
                return runtime.raise_new(&value_error_type, buffer);
            }
        }
    }
    if (!is_mapping && next < items.size()) {
        return runtime.raise_new(&type_error_type, "format string didn't convert all arguments");
    }
    return make_str(runtime, printer.text());
}

}  // namespace xipy::object
