// UTF-8 well-formedness check.
#include "support/utf8.hpp"

#include <cstddef>
#include <cstdint>

namespace xipy::support {

bool is_valid_utf8(std::string_view text) {
    std::size_t index = 0;
    while (index < text.size()) {
        const auto lead = static_cast<std::uint8_t>(text[index]);
        std::size_t continuation_count = 0;
        std::uint32_t code_point = 0;
        std::uint32_t smallest = 0;  // below this the encoding is overlong
        if (lead < 0x80) {
            ++index;
            continue;
        } else if ((lead & 0xE0) == 0xC0) {
            continuation_count = 1;
            code_point = lead & 0x1Fu;
            smallest = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            continuation_count = 2;
            code_point = lead & 0x0Fu;
            smallest = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            continuation_count = 3;
            code_point = lead & 0x07u;
            smallest = 0x10000;
        } else {
            return false;
        }
        if (continuation_count >= text.size() - index) {
            return false;
        }
        for (std::size_t step = 1; step <= continuation_count; ++step) {
            const auto byte = static_cast<std::uint8_t>(text[index + step]);
            if ((byte & 0xC0) != 0x80) {
                return false;
            }
            code_point = (code_point << 6) | (byte & 0x3Fu);
        }
        if (code_point < smallest || code_point > 0x10FFFF) {
            return false;
        }
        index += continuation_count + 1;
    }
    return true;
}

}  // namespace xipy::support
