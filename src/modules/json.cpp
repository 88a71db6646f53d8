// The json module: dumps/dump print values as MicroPython's JSON printer does, and
// loads/load run MicroPython's lenient one-pass parser (commas and colons count as blanks).
#include <string>

#include "modules/names.hpp"
#include "modules/readable_buffer.hpp"
#include "modules/standard_modules.hpp"
#include "object/bytes_object.hpp"
#include "object/class_object.hpp"
#include "object/dict_object.hpp"
#include "object/exception_object.hpp"
#include "object/float_object.hpp"
#include "object/int_object.hpp"
#include "object/list_object.hpp"
#include "object/native_function.hpp"
#include "object/operations.hpp"
#include "object/printer.hpp"
#include "object/str_object.hpp"
#include "object/tuple_object.hpp"
#include "support/scratch_allocator.hpp"

namespace xipy::modules {

using object::Arguments;
using object::NativeFunction;
using object::NativeKind;
using object::Value;

namespace {

// How dumps writes: the separators, and the meter its output is charged to (a shared
// sub-list is written each time it appears, so a small object can make a huge text).
struct Separators {
    std::string item = ", ";
    std::string key = ": ";
    object::NativeWorkMeter* work = nullptr;
};

// The work of one value written, about its share of the output.
constexpr std::uint64_t value_units = 16;

void write_json_string(object::Printer& printer, std::string_view text) {
    static constexpr char hex_digits[] = "0123456789abcdef";
    printer.write_char('"');
    for (char character : text) {
        auto byte = static_cast<unsigned char>(character);
        if (character == '"' || character == '\\') {
            printer.write_char('\\');
            printer.write_char(character);
        } else if (byte >= 32) {
            printer.write_char(character);  // UTF-8 sequences pass through whole
        } else if (character == '\n') {
            printer.write("\\n");
        } else if (character == '\r') {
            printer.write("\\r");
        } else if (character == '\t') {
            printer.write("\\t");
        } else {
            printer.write("\\u00");
            printer.write_char(hex_digits[byte >> 4]);
            printer.write_char(hex_digits[byte & 0xF]);
        }
    }
    printer.write_char('"');
}

object::Status write_json(object::Runtime& runtime, object::Printer& printer, Value value,
                          const Separators& separators);

bool write_json_sequence(object::Runtime& runtime, object::Printer& printer, Value sequence,
                         const Separators& separators) {
    printer.write_char('[');
    for (std::uint32_t index = 0;; ++index) {
        // Re-read the storage each time: printing an item may run Python code.
        std::span<const Value> items =
            object::is_tuple(sequence) ? object::as_tuple(sequence)->span()
                                       : std::span<const Value>(object::as_list(sequence)->span());
        if (index >= items.size()) {
            break;
        }
        if (index > 0) {
            printer.write(separators.item);
        }
        if (!write_json(runtime, printer, items[index], separators)) {
            return false;
        }
    }
    printer.write_char(']');
    return true;
}

bool write_json_dict(object::Runtime& runtime, object::Printer& printer, Value dict,
                     const Separators& separators) {
    printer.write_char('{');
    std::uint32_t position = 0;
    object::DictEntry* entry = nullptr;
    bool first = true;
    while (object::dict_next(object::as_dict(dict), position, entry)) {
        Value key = entry->key;
        Value item = entry->value;
        if (!first) {
            printer.write(separators.item);
        }
        first = false;
        // MicroPython quotes whatever a non-str key prints as.
        bool quote = !object::is_str(key);
        if (quote) {
            printer.write_char('"');
        }
        if (!write_json(runtime, printer, key, separators)) {
            return false;
        }
        if (quote) {
            printer.write_char('"');
        }
        printer.write(separators.key);
        if (!write_json(runtime, printer, item, separators)) {
            return false;
        }
    }
    printer.write_char('}');
    return true;
}

object::Status write_json(object::Runtime& runtime, object::Printer& printer, Value value,
                          const Separators& separators) {
    if (!separators.work->add(value_units)) {
        return object::Raised{};
    }
    if (printer.text().size() > runtime.heap().limit_bytes()) {
        runtime.raise_memory_error();
        return object::Raised{};
    }
    if (value.is_none()) {
        printer.write("null");
        return object::succeeded();
    }
    if (value.is_bool()) {
        printer.write(value.is_true_value() ? "true" : "false");
        return object::succeeded();
    }
    if (object::is_str(value)) {
        std::string_view text = object::str_view(runtime, value);
        if (!separators.work->add(text.size())) {
            return object::Raised{};
        }
        write_json_string(printer, text);
        return object::succeeded();
    }
    if (object::is_bytes(value)) {
        std::string_view bytes = object::bytes_view(value);
        if (!separators.work->add(bytes.size())) {
            return object::Raised{};
        }
        write_json_string(printer, bytes);
        return object::succeeded();
    }
    Value native = object::native_self(value);
    bool is_sequence = object::is_tuple(native) || object::is_list(native);
    bool is_mapping = object::is_instance(native, &object::dict_type);
    if (!is_sequence && !is_mapping) {
        return object::print_value(runtime, printer, value, object::PrintKind::repr);
    }
    if (!runtime.enter_native_call()) {
        return object::Raised{};
    }
    bool ok = is_sequence ? write_json_sequence(runtime, printer, native, separators)
                          : write_json_dict(runtime, printer, native, separators);
    runtime.leave_native_call();
    return ok;
}

// The separators keyword: None or a pair of str.
bool separators_argument(object::Runtime& runtime, Arguments arguments, Separators& separators) {
    if (!object::check_keywords(runtime, arguments, {names::separators})) {
        return false;
    }
    Value given = object::keyword_argument(arguments, names::separators);
    if (given.is_empty() || given.is_none()) {
        return true;
    }
    auto length = object::length_of(runtime, given);
    if (!length) {
        return false;
    }
    if (*length != 2 || (!object::is_tuple(given) && !object::is_list(given))) {
        runtime.raise_new(&object::value_error_type, "tuple/list has wrong length");
        return false;
    }
    std::string* targets[2] = {&separators.item, &separators.key};
    for (std::int64_t index = 0; index < 2; ++index) {
        Value part = object::load_subscript(runtime, given, Value::from_small_int(index));
        if (part.is_empty()) {
            return false;
        }
        if (!object::is_str(part)) {
            runtime.raise_joined(&object::type_error_type,
                                 {"can't convert '", object::type_name_of(runtime, part),
                                  "' object to str implicitly"});
            return false;
        }
        *targets[index] = object::str_view(runtime, part);
    }
    return true;
}

object::Result<Value> json_dumps(object::Runtime& runtime, Arguments arguments) {
    Separators separators;
    object::NativeWorkMeter work(runtime);
    separators.work = &work;
    if (!separators_argument(runtime, arguments, separators)) {
        return Value::empty();
    }
    object::Printer printer;
    if (!write_json(runtime, printer, arguments[0], separators)) {
        return Value::empty();
    }
    return object::make_str(runtime, printer.text());
}

object::Result<Value> json_dump(object::Runtime& runtime, Arguments arguments) {
    Separators separators;
    object::NativeWorkMeter work(runtime);
    separators.work = &work;
    if (!separators_argument(runtime, arguments, separators)) {
        return Value::empty();
    }
    object::Printer printer;
    if (!write_json(runtime, printer, arguments[0], separators)) {
        return Value::empty();
    }
    Value output = object::make_str(runtime, printer.text());
    if (output.is_empty()) {
        return Value::empty();
    }
    XIPY_CHECK(object::call_method(runtime, arguments[1], names::write, {output}));
    return Value::none();
}

// ---- loads

// The input as MicroPython's parser sees it: one byte at a time, NUL or the end meaning EOF.
class JsonReader {
  public:
    explicit JsonReader(std::string_view text) : text_(text) {}
    char current() const { return position_ < text_.size() ? text_[position_] : '\0'; }
    char advance() {
        if (position_ < text_.size() && text_[position_] != '\0') {
            ++position_;
        }
        return current();
    }
    bool at_end() const { return current() == '\0'; }

  private:
    std::string_view text_;
    std::size_t position_ = 0;
};

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

char unescape(char escaped) {
    switch (escaped) {
        case 'b':
            return '\b';
        case 'f':
            return '\f';
        case 'n':
            return '\n';
        case 'r':
            return '\r';
        case 't':
            return '\t';
        default:
            return escaped;  // \" \\ \/ and any other character stand for themselves
    }
}

object::Raised syntax_error(object::Runtime& runtime) {
    return runtime.raise_new(&object::value_error_type, "syntax error in JSON");
}

// Reads a string body after its opening quote; false at a missing closing quote.
bool read_string(JsonReader& reader, std::string& out) {
    while (!reader.at_end() && reader.current() != '"') {
        char character = reader.current();
        if (character == '\\') {
            character = reader.advance();
            if (character == 'u') {
                std::uint32_t code = 0;
                for (int digit = 0; digit < 4; ++digit) {
                    // MicroPython's lenient hex decoding: no validation of the digits.
                    auto value = static_cast<std::uint8_t>((reader.advance() | 0x20) - '0');
                    if (value > 9) {
                        value = static_cast<std::uint8_t>(value - ('a' - ('9' + 1)));
                    }
                    code = (code << 4) | value;
                }
                append_utf8(out, code & 0xFFFF);
                reader.advance();
                continue;
            }
            character = unescape(character);
        }
        out.push_back(character);
        reader.advance();
    }
    if (reader.at_end()) {
        return false;
    }
    reader.advance();
    return true;
}

bool is_digit(char character) { return character >= '0' && character <= '9'; }

object::Result<Value> read_number(object::Runtime& runtime, JsonReader& reader, char first) {
    std::string text(1, first);
    bool is_float = false;
    for (;;) {
        char character = reader.current();
        if (character == '.' || character == 'e' || character == 'E') {
            is_float = true;
        } else if (!(character == '+' || character == '-' || is_digit(character))) {
            break;
        }
        text.push_back(character);
        reader.advance();
    }
    Value text_value = object::make_str(runtime, text);
    if (text_value.is_empty()) {
        return Value::empty();
    }
    if (is_float) {
        return object::call_positional(runtime, Value::from_object(&object::float_type),
                                       {text_value});
    }
    return object::parse_int(runtime, text, 10);
}

bool is_space(char character) {
    return character == ' ' || (character >= '\t' && character <= '\r');
}

bool matches_rest(JsonReader& reader, std::string_view rest) {
    if (reader.current() != rest[0]) {
        return false;
    }
    for (std::size_t index = 1; index < rest.size(); ++index) {
        if (reader.advance() != rest[index]) {
            return false;
        }
    }
    reader.advance();
    return true;
}

// The parse, shaped as MicroPython's: containers nest through an explicit stack (a list we
// own, so the containers stay rooted), brackets need not pair, and a dict takes its items
// as alternating keys and values.
object::Result<Value> parse_json(object::Runtime& runtime, std::string_view text) {
    JsonReader reader(text);
    Value stack = object::make_list(runtime, {});
    if (stack.is_empty()) {
        return Value::empty();
    }
    Value top = Value::empty();
    Value key = Value::empty();
    std::int64_t nesting = 0;
    bool finished = false;
    object::NativeWorkMeter work(runtime);
    // A character read, or a value made from it, is a few machine operations.
    constexpr std::uint64_t character_units = 4;
    while (!finished && !reader.at_end()) {
        if (!work.add(character_units)) {
            return Value::empty();
        }
        char character = reader.current();
        reader.advance();
        Value next;
        bool enter = false;
        switch (character) {
            case ',':
            case ':':
            case ' ':
            case '\t':
            case '\n':
            case '\r':
                continue;
            case 'n':
                if (!matches_rest(reader, "ull")) {
                    return syntax_error(runtime);
                }
                next = Value::none();
                break;
            case 'f':
                if (!matches_rest(reader, "alse")) {
                    return syntax_error(runtime);
                }
                next = Value::false_value();
                break;
            case 't':
                if (!matches_rest(reader, "rue")) {
                    return syntax_error(runtime);
                }
                next = Value::true_value();
                break;
            case '"': {
                std::string body;
                if (!read_string(reader, body)) {
                    return syntax_error(runtime);
                }
                next = object::make_str(runtime, body);
                break;
            }
            case '[':
                next = object::make_list(runtime, {});
                enter = true;
                break;
            case '{':
                next = object::make_dict(runtime);
                enter = true;
                break;
            case ']':
            case '}': {
                --nesting;
                if (top.is_empty()) {
                    return syntax_error(runtime);
                }
                object::ListObject* list = object::as_list(stack);
                if (list->length == 0) {
                    finished = true;
                    continue;
                }
                list->length -= 1;
                top = list->items()[list->length];
                list->items()[list->length] = Value::none();
                continue;
            }
            default:
                if (character == '-' || is_digit(character)) {
                    next = read_number(runtime, reader, character);
                    break;
                }
                return syntax_error(runtime);
        }
        if (next.is_empty()) {
            return Value::empty();
        }
        if (enter) {
            ++nesting;
        }
        if (top.is_empty()) {
            top = next;
            if (!enter) {
                break;
            }
        } else {
            if (object::is_list(top)) {
                if (!object::list_append(runtime, top, next)) {
                    return Value::empty();
                }
            } else if (key.is_empty()) {
                key = next;
                if (enter) {
                    return syntax_error(runtime);
                }
            } else {
                if (!object::dict_store(runtime, object::as_dict(top), key, next)) {
                    return Value::empty();
                }
                key = Value::empty();
            }
            if (enter) {
                if (!object::list_append(runtime, stack, top)) {
                    return Value::empty();
                }
                top = next;
            }
        }
    }
    if (nesting != 0) {
        return syntax_error(runtime);
    }
    while (is_space(reader.current())) {
        reader.advance();
    }
    if (!reader.at_end() || top.is_empty() || object::as_list(stack)->length != 0) {
        return syntax_error(runtime);
    }
    return top;
}

object::Result<Value> json_loads(object::Runtime& runtime, Arguments arguments) {
    auto text = readable_buffer(runtime, arguments[0]);
    if (!text) {
        return Value::empty();
    }
    // The parser allocates, which may move a buffer's storage: parse a copy.
    support::ScratchString copy(*text);
    return parse_json(runtime, copy);
}

object::Result<Value> json_load(object::Runtime& runtime, Arguments arguments) {
    Value text = object::call_method(runtime, arguments[0], names::read, {});
    if (text.is_empty()) {
        return Value::empty();
    }
    return json_loads(runtime, Arguments{&text, 1, 0});
}

constexpr NativeFunction json_functions[] = {
    {names::dump, NativeKind::function, 2, 2, json_dump, true},
    {names::dumps, NativeKind::function, 1, 1, json_dumps, true},
    {names::load, NativeKind::function, 1, 1, json_load},
    {names::loads, NativeKind::function, 1, 1, json_loads},
};

}  // namespace

constinit const vm::ModuleDefinition json_module{
    .name = names::json, .functions = json_functions, .extensible = true, .u_alias = true};

}  // namespace xipy::modules
