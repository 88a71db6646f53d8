// str's own methods; those it shares with bytes are in text_methods.cpp.
#include "object/str_methods.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "object/bytes_methods.hpp"
#include "object/bytes_object.hpp"
#include "object/operations.hpp"
#include "object/str_object.hpp"
#include "object/text_methods.hpp"

namespace xipy::object {
namespace {

using text::TextKind;

// Precondition: arguments[0] is a str (the method table guarantees it).
std::string_view self_text(Runtime& runtime, Arguments arguments) {
    return str_view(runtime, arguments[0]);
}

char ascii_upper(char character) {
    return character >= 'a' && character <= 'z' ? static_cast<char>(character - 32) : character;
}
char ascii_lower(char character) {
    return character >= 'A' && character <= 'Z' ? static_cast<char>(character + 32) : character;
}
bool ascii_letter(char character) { return ascii_upper(character) != ascii_lower(character); }

template <typename Map>
Result<Value> map_characters(Runtime& runtime, Arguments arguments, Map map) {
    std::string text(self_text(runtime, arguments));
    bool previous_letter = false;
    for (std::size_t index = 0; index < text.size(); ++index) {
        char character = text[index];
        text[index] = map(character, index, previous_letter);
        previous_letter = ascii_letter(character);
    }
    return make_str(runtime, text);
}

}  // namespace

Result<Value> str_method_encode(Runtime& runtime, Arguments arguments) {
    if (!check_encodable(runtime, self_text(runtime, arguments), arguments, 1)) {
        return Value::empty();
    }
    return make_bytes(runtime, self_text(runtime, arguments));
}

// ---- CPython's extras

Result<Value> str_method_isalnum(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    for (char character : text) {
        if (!ascii_letter(character) && !(character >= '0' && character <= '9')) {
            return Value::false_value();
        }
    }
    return Value::boolean(!text.empty());
}

Result<Value> str_method_swapcase(Runtime& runtime, Arguments arguments) {
    return map_characters(runtime, arguments, [](char character, std::size_t, bool) {
        return character >= 'a' && character <= 'z' ? ascii_upper(character)
                                                    : ascii_lower(character);
    });
}

Result<Value> str_method_capitalize(Runtime& runtime, Arguments arguments) {
    return map_characters(runtime, arguments, [](char character, std::size_t index, bool) {
        return index == 0 ? ascii_upper(character) : ascii_lower(character);
    });
}

Result<Value> str_method_title(Runtime& runtime, Arguments arguments) {
    return map_characters(
        runtime, arguments, [](char character, std::size_t, bool previous_letter) {
            return previous_letter ? ascii_lower(character) : ascii_upper(character);
        });
}

Result<Value> str_method_ljust(Runtime& runtime, Arguments arguments) {
    return text_justify(runtime, arguments, TextKind::str, -1);
}
Result<Value> str_method_rjust(Runtime& runtime, Arguments arguments) {
    return text_justify(runtime, arguments, TextKind::str, 1);
}

Result<Value> str_method_zfill(Runtime& runtime, Arguments arguments) {
    std::string_view text = self_text(runtime, arguments);
    std::optional<std::int64_t> width = to_integer(runtime, arguments[1]);
    if (!width) {
        return Value::empty();
    }
    auto length = static_cast<std::int64_t>(utf8_character_count(text));
    if (*width <= length) {
        return arguments[0];
    }
    std::string result;
    std::size_t digits_start = 0;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        result.push_back(text[0]);
        digits_start = 1;
    }
    result.append(static_cast<std::size_t>(*width - length), '0');
    result.append(text.substr(digits_start));
    return make_str(runtime, result);
}

Result<Value> str_method_removeprefix(Runtime& runtime, Arguments arguments) {
    return text_remove_affix(runtime, arguments, TextKind::str, true);
}
Result<Value> str_method_removesuffix(Runtime& runtime, Arguments arguments) {
    return text_remove_affix(runtime, arguments, TextKind::str, false);
}

}  // namespace xipy::object
