// QstrTable: a module's table of interned names, numbered in order of first use.
#include "compiler/qstr_table.hpp"

namespace xipy::compiler {

QstrTable::QstrTable(std::string_view source_file) { use(source_file); }

std::uint32_t QstrTable::use(std::string_view text) {
    std::string key(text);
    if (const auto found = indices_.find(key); found != indices_.end()) {
        return found->second;
    }
    const auto index = static_cast<std::uint32_t>(texts_.size());
    texts_.push_back(key);
    indices_.emplace(std::move(key), index);
    return index;
}

}  // namespace xipy::compiler
