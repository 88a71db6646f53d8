// InternTable: fixed names first, then a VM's own interned strings, in memory from its heap.
#include "object/intern_table.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

#include "object/names.hpp"

namespace xipy::object {

namespace {

constexpr std::uint32_t first_slot_capacity = 32;
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
    for (std::uint32_t index = 0; index < chunk_count_; ++index) {
        give_back(Block{chunks_[index], sizeof(EntryChunk), chunks_[index]->from_heap});
    }
    give_back(chunk_table_block_);
    give_back(slots_block_);
    while (text_chunks_ != nullptr) {
        TextChunk* next = text_chunks_->next;
        give_back(text_chunks_->block);
        text_chunks_ = next;
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

void InternTable::add_chunk() {
    if (chunk_count_ == chunk_table_capacity_) {
        const std::uint32_t capacity = chunk_table_capacity_ == 0 ? 4 : chunk_table_capacity_ * 2;
        Block table = take(capacity * sizeof(EntryChunk*));
        auto* chunks = static_cast<EntryChunk**>(table.memory);
        for (std::uint32_t index = 0; index < chunk_count_; ++index) {
            chunks[index] = chunks_[index];
        }
        give_back(chunk_table_block_);
        chunk_table_block_ = table;
        chunks_ = chunks;
        chunk_table_capacity_ = capacity;
    }
    Block block = take(sizeof(EntryChunk));
    chunks_[chunk_count_++] = new (block.memory) EntryChunk{block.from_heap, {}};
}

void InternTable::insert_slot(std::uint32_t index) {
    const std::uint32_t mask = slot_capacity_ - 1;
    std::uint32_t slot = entry(index).hash & mask;
    while (slot_at(slot) != 0) {
        slot = (slot + 1) & mask;
    }
    if (wide_slots_) {
        static_cast<std::uint32_t*>(slots_)[slot] = index + 1;
    } else {
        static_cast<std::uint16_t*>(slots_)[slot] = static_cast<std::uint16_t>(index + 1);
    }
}

void InternTable::grow_slots() {
    const std::uint32_t capacity = slot_capacity_ == 0 ? first_slot_capacity : slot_capacity_ * 2;
    // At most half full: every entry number + 1 fits 16 bits while half the slots do.
    const bool wide = capacity / 2 > UINT16_MAX;
    Block block = take(capacity * (wide ? sizeof(std::uint32_t) : sizeof(std::uint16_t)));
    std::memset(block.memory, 0, block.bytes);
    give_back(slots_block_);
    slots_block_ = block;
    slots_ = block.memory;
    wide_slots_ = wide;
    slot_capacity_ = capacity;
    for (std::uint32_t index = 0; index < entry_count_; ++index) {
        insert_slot(index);
    }
}

std::optional<std::uint32_t> InternTable::find_dynamic(std::string_view text,
                                                       std::uint32_t text_hash) const {
    if (slot_capacity_ == 0) {
        return std::nullopt;
    }
    const std::uint32_t mask = slot_capacity_ - 1;
    for (std::uint32_t slot = text_hash & mask; slot_at(slot) != 0; slot = (slot + 1) & mask) {
        const std::uint32_t index = slot_at(slot) - 1;
        const Entry& candidate = entry(index);
        if (candidate.hash == text_hash && candidate.text() == text) {
            return dynamic_base_ + index;
        }
    }
    return std::nullopt;
}

std::optional<std::uint32_t> InternTable::find(std::string_view text) const {
    const std::uint32_t text_hash = hash_string(text);
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

std::uint32_t InternTable::add(std::string_view text, std::uint32_t text_hash) {
    if (entry_count_ == chunk_count_ * entries_per_chunk) {
        add_chunk();
    }
    if (2 * (entry_count_ + 1) > slot_capacity_) {
        grow_slots();
    }
    const std::uint32_t index = entry_count_++;
    chunks_[index / entries_per_chunk]->entries[index % entries_per_chunk] =
        Entry{text.data(), static_cast<std::uint32_t>(text.size()), text_hash};
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
    if (text_chunks_ == nullptr ||
        text_chunks_->block.bytes - header - text_chunks_->used < text.size()) {
        const std::size_t wanted = header + text.size();
        Block block = take(wanted > text_chunk_bytes ? wanted : text_chunk_bytes);
        text_chunks_ = new (block.memory) TextChunk{text_chunks_, block, 0};
    }
    char* copy = static_cast<char*>(text_chunks_->block.memory) + header + text_chunks_->used;
    if (!text.empty()) {
        std::memcpy(copy, text.data(), text.size());
    }
    text_chunks_->used += text.size();
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
    return entry(id - dynamic_base_).text();
}

std::uint32_t InternTable::hash(std::uint32_t id) const {
    if (id < names::fixed_name_count) {
        return id == 0 ? hash_string({}) : fixed_name_index().hashes[id - 1];
    }
    if (id < dynamic_base_) {
        return appended_.index.hashes[id - names::fixed_name_count];
    }
    return entry(id - dynamic_base_).hash;
}

std::size_t InternTable::size() const { return dynamic_base_ + entry_count_; }

}  // namespace xipy::object
