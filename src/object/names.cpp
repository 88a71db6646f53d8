// The texts of the fixed names, as constant data.
#include "object/names.hpp"

#include <array>

namespace xipy::object {
namespace {

constexpr std::array<std::string_view, names::fixed_name_count> fixed_name_texts = {
    "",
#define XIPY_NAME_TEXT(identifier, text) text,
    XIPY_STATIC_QSTR_NAMES(XIPY_NAME_TEXT) XIPY_EXTRA_NAMES(XIPY_NAME_TEXT)
#undef XIPY_NAME_TEXT
};

}  // namespace

std::string_view fixed_name_text(std::uint32_t id) { return fixed_name_texts[id]; }

}  // namespace xipy::object
