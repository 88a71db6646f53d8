// The long names mpy-cross has interned before it reads any source.
#pragma once

#include <string_view>

namespace xipy::compiler {

// Whether `text` (longer than 10 bytes) is one of mpy-cross's built-in names, which
// makes a string literal with that text a str leaf rather than a string object.
bool is_built_in_name(std::string_view text);

}  // namespace xipy::compiler
