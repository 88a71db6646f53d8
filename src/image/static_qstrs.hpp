// The fixed table of 165 static qstrs that .mpy files refer to by id instead of by text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace xipy::image {

// Ids run from 1 ("") to static_qstr_count ("zip"), as in MicroPython, where id 0 is the
// null qstr. The order is fixed by the .mpy v6 format (py/makeqstrdata.py, static_qstr_list).
inline constexpr std::uint32_t static_qstr_count = 165;

// Precondition: 1 <= id <= static_qstr_count.
std::string_view static_qstr(std::uint32_t id);

// The id of `text` if it is one of the static qstrs.
std::optional<std::uint32_t> find_static_qstr(std::string_view text);

}  // namespace xipy::image
