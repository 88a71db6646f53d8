// InternTable: fixed names first, then a VM's own interned strings.
#include "object/intern_table.hpp"

#include "object/names.hpp"

namespace xipy::object {

std::uint64_t hash_string(std::string_view text) {
    // FNV-1a: simple, and good enough for names and dictionary keys.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char character : text) {
        hash ^= static_cast<std::uint8_t>(character);
        hash *= 0x100000001b3ULL;
    }
    return hash;
}

InternTable::InternTable(AppendedNames appended) : appended_(appended) {
    entries_.reserve(names::fixed_name_count + appended.texts.size() + 64);
    entries_.push_back(Entry{std::string_view{}, hash_string({})});
    for (std::uint32_t id = 1; id < names::fixed_name_count; ++id) {
        std::string_view text = fixed_name_text(id);
        entries_.push_back(Entry{text, hash_string(text)});
        index_.emplace(text, id);
    }
    // The texts are distinct by the caller's contract (the modules layer checks its list at
    // compile time), so each gets the id that its position promises.
    for (std::string_view text : appended.texts) {
        add(text);
    }
    first_run_time_id_ = static_cast<std::uint32_t>(entries_.size());
}

std::optional<std::uint32_t> InternTable::find(std::string_view text) const {
    auto found = index_.find(text);
    if (found == index_.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::uint32_t InternTable::add(std::string_view text) {
    auto id = static_cast<std::uint32_t>(entries_.size());
    entries_.push_back(Entry{text, hash_string(text)});
    index_.emplace(text, id);
    return id;
}

std::uint32_t InternTable::intern_in_place(std::string_view text) {
    if (auto id = find(text)) {
        return *id;
    }
    return add(text);
}

std::uint32_t InternTable::intern_copy(std::string_view text) {
    if (auto id = find(text)) {
        return *id;
    }
    owned_texts_.emplace_back(text);
    return add(owned_texts_.back());
}

std::string_view InternTable::text(std::uint32_t id) const { return entries_[id].text; }

std::uint64_t InternTable::hash(std::uint32_t id) const { return entries_[id].hash; }

std::size_t InternTable::size() const { return entries_.size(); }

}  // namespace xipy::object
