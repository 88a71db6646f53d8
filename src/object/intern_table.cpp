// InternTable: fixed names first, then a VM's own interned strings, in memory from its heap.
#include "object/intern_table.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "object/names.hpp"

namespace xipy::object {

namespace {

constexpr std::uint32_t first_entry_capacity = 16;
constexpr std::size_t text_chunk_bytes = 512;

}  // namespace

InternTable::InternTable(AppendedNames appended, gc::Heap* heap)
    : heap_(heap), appended_(appended) {
    const auto appended_count = static_cast<std::uint32_t>(appended.texts.size());
    if (!appended.index.slots.empty()) {
        dynamic_base_ = names::fixed_name_count + appended_count;
    } else {
        // The texts are distinct by the caller's contract (the modules layer checks its list
        // at compile time), so each gets the id that its position promises.
        dynamic_base_ = names::fixed_name_count;
        for (std::string_view text : appended.texts) {
            add(text, hash_string(text));
        }
    }
    first_run_time_id_ = names::fixed_name_count + appended_count;
}

InternTable::~InternTable() {
    give_back(entries_block_);
    give_back(slots_block_);
    while (chunks_ != nullptr) {
        TextChunk* next = chunks_->next;
        give_back(chunks_->block);
        chunks_ = next;
    }
}

InternTable::Block InternTable::take(std::size_t bytes) {
    if (heap_ != nullptr) {
        if (void* memory = heap_->allocate_untyped(bytes)) {
            return Block{memory, bytes, true};
        }
    }
    void* memory = std::malloc(bytes);
    if (memory == nullptr) {
        std::abort();  // the C library itself is out of memory: nothing can continue
    }
    return Block{memory, bytes, false};
}

void InternTable::give_back(const Block& block) {
    if (block.memory == nullptr) {
        return;
    }
    if (block.from_heap) {
        heap_->release_untyped(block.memory, block.bytes);
    } else {
        std::free(block.memory);
    }
}

void InternTable::grow_entries() {
    const std::uint32_t capacity =
        entry_capacity_ == 0 ? first_entry_capacity : entry_capacity_ * 2;
    Block block = take(capacity * sizeof(Entry));
    auto* entries = static_cast<Entry*>(block.memory);
    for (std::uint32_t index = 0; index < entry_count_; ++index) {
        new (&entries[index]) Entry(entries_[index]);
    }
    give_back(entries_block_);
    entries_block_ = block;
    entries_ = entries;
    entry_capacity_ = capacity;
}

void InternTable::insert_slot(std::uint32_t index) {
    const std::uint32_t mask = slot_capacity_ - 1;
    auto slot = static_cast<std::uint32_t>(entries_[index].hash) & mask;
    while (slots_[slot] != 0) {
        slot = (slot + 1) & mask;
    }
    slots_[slot] = index + 1;
}

void InternTable::grow_slots() {
    const std::uint32_t capacity =
        slot_capacity_ == 0 ? 2 * first_entry_capacity : slot_capacity_ * 2;
    Block block = take(capacity * sizeof(std::uint32_t));
    std::memset(block.memory, 0, block.bytes);
    give_back(slots_block_);
    slots_block_ = block;
    slots_ = static_cast<std::uint32_t*>(block.memory);
    slot_capacity_ = capacity;
    for (std::uint32_t index = 0; index < entry_count_; ++index) {
        insert_slot(index);
    }
}

std::optional<std::uint32_t> InternTable::find_dynamic(std::string_view text,
                                                       std::uint64_t text_hash) const {
    if (slot_capacity_ == 0) {
        return std::nullopt;
    }
    const std::uint32_t mask = slot_capacity_ - 1;
    for (auto slot = static_cast<std::uint32_t>(text_hash) & mask; slots_[slot] != 0;
         slot = (slot + 1) & mask) {
        const Entry& entry = entries_[slots_[slot] - 1];
        if (entry.hash == text_hash && entry.text == text) {
            return dynamic_base_ + slots_[slot] - 1;
        }
    }
    return std::nullopt;
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
    return find_dynamic(text, text_hash);
}

std::uint32_t InternTable::add(std::string_view text, std::uint64_t text_hash) {
    if (entry_count_ == entry_capacity_) {
        grow_entries();
    }
    if (2 * (entry_count_ + 1) > slot_capacity_) {
        grow_slots();
    }
    const std::uint32_t index = entry_count_++;
    new (&entries_[index]) Entry{text, text_hash};
    insert_slot(index);
    return dynamic_base_ + index;
}

std::uint32_t InternTable::intern_in_place(std::string_view text) {
    if (auto id = find(text)) {
        return *id;
    }
    return add(text, hash_string(text));
}

const char* InternTable::copy_text(std::string_view text) {
    const std::size_t header = (sizeof(TextChunk) + alignof(std::max_align_t) - 1) /
                               alignof(std::max_align_t) * alignof(std::max_align_t);
    if (chunks_ == nullptr || chunks_->block.bytes - header - chunks_->used < text.size()) {
        const std::size_t wanted = header + text.size();
        Block block = take(wanted > text_chunk_bytes ? wanted : text_chunk_bytes);
        chunks_ = new (block.memory) TextChunk{chunks_, block, 0};
    }
    char* copy = static_cast<char*>(chunks_->block.memory) + header + chunks_->used;
    if (!text.empty()) {
        std::memcpy(copy, text.data(), text.size());
    }
    chunks_->used += text.size();
    return copy;
}

std::uint32_t InternTable::intern_copy(std::string_view text) {
    if (auto id = find(text)) {
        return *id;
    }
    return add(std::string_view(copy_text(text), text.size()), hash_string(text));
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

std::size_t InternTable::size() const { return dynamic_base_ + entry_count_; }

}  // namespace xipy::object
