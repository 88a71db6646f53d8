// InternTable: fixed names first, then a VM's own interned strings.
#include "object/intern_table.hpp"

#include "object/names.hpp"

namespace xipy::object {

InternTable::InternTable(AppendedNames appended) : appended_(appended) {
    const auto appended_count = static_cast<std::uint32_t>(appended.texts.size());
    if (!appended.index.slots.empty()) {
        dynamic_base_ = names::fixed_name_count + appended_count;
    } else {
        // The texts are distinct by the caller's contract (the modules layer checks its list
        // at compile time), so each gets the id that its position promises.
        dynamic_base_ = names::fixed_name_count;
        for (std::string_view text : appended.texts) {
            add(text);
        }
    }
    first_run_time_id_ = names::fixed_name_count + appended_count;
}

std::optional<std::uint32_t> InternTable::find(std::string_view text) const {
    const std::uint64_t text_hash = hash_string(text);
    const std::int32_t fixed = fixed_name_index().find(text, text_hash);
    if (fixed >= 0) {
        return static_cast<std::uint32_t>(fixed) + 1;
    }
    const std::int32_t appended = appended_.index.find(text, text_hash);
    if (appended >= 0) {
        return names::fixed_name_count + static_cast<std::uint32_t>(appended);
    }
    if (index_.empty()) {
        return std::nullopt;
    }
    auto found = index_.find(text);
    if (found == index_.end()) {
        return std::nullopt;
    }
    return found->second;
}

std::uint32_t InternTable::add(std::string_view text) {
    auto id = dynamic_base_ + static_cast<std::uint32_t>(entries_.size());
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
    return add(owned_texts_.emplace_front(text));
}

std::string_view InternTable::text(std::uint32_t id) const {
    if (id < names::fixed_name_count) {
        return fixed_name_text(id);
    }
    if (id < dynamic_base_) {
        return appended_.texts[id - names::fixed_name_count];
    }
    return entries_[id - dynamic_base_].text;
}

std::uint64_t InternTable::hash(std::uint32_t id) const {
    if (id < names::fixed_name_count) {
        return id == 0 ? hash_string({}) : fixed_name_index().hashes[id - 1];
    }
    if (id < dynamic_base_) {
        return appended_.index.hashes[id - names::fixed_name_count];
    }
    return entries_[id - dynamic_base_].hash;
}

std::size_t InternTable::size() const { return dynamic_base_ + entries_.size(); }

}  // namespace xipy::object
