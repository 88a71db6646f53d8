// QstrTable: a module's table of interned names, numbered in order of first use.
#include "compiler/qstr_table.hpp"

namespace xipy::compiler {

QstrTable::QstrTable(std::string_view source_file) { use(source_file); }

std::uint32_t QstrTable::use(std::string_view text) {
    if (const auto found = indices_.find(text); found != indices_.end()) {
        return found->second;
    }
    const auto index = static_cast<std::uint32_t>(texts_.size());
    texts_.emplace_back(text);
    indices_.emplace(Text(text), index);
    return index;
}

}  // namespace xipy::compiler
