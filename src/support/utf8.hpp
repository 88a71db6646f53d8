// UTF-8 well-formedness check for text that comes from untrusted input.
#pragma once

#include <string_view>

namespace xipy::support {

// True if `text` is a sequence of complete UTF-8 characters with no overlong forms and no code
// point above U+10FFFF. Encoded surrogates (U+D800..U+DFFF) are accepted because MicroPython
// stores lone surrogates from "\ud800"-style escapes that way; what matters for safety is that
// every lead byte is followed by exactly its continuation bytes.
bool is_valid_utf8(std::string_view text);

}  // namespace xipy::support
