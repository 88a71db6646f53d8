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

constexpr std::span<const std::string_view, names::fixed_name_count - 1> indexed_texts{
    fixed_name_texts.data() + 1, names::fixed_name_count - 1};
constexpr ConstantNameIndex<names::fixed_name_count - 1> fixed_index_storage{indexed_texts};
constexpr NameIndex fixed_index = fixed_index_storage.view(indexed_texts);

}  // namespace

std::string_view fixed_name_text(std::uint32_t id) { return fixed_name_texts[id]; }

const NameIndex& fixed_name_index() { return fixed_index; }

}  // namespace xipy::object
