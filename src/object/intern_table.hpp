// InternTable: one VM's interned strings, which Values hold as 32-bit ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "gc/heap.hpp"
#include "object/names.hpp"

namespace xipy::object {

// Invariants: ids 1..names::fixed_name_count-1 are the fixed names
// (object/names.hpp) and mean the same text in every VM; the appended names
// (AppendedNames, given by the layers above) follow, also the same in every
// VM created with them; ids from first_run_time_id() on are this VM's own,
// in order of interning. No two ids have the same text, so two
// interned strings are equal exactly when their ids are. Texts either live
// in memory that outlives the VM (constant tables, the images the VM runs)
// or are copies owned by the table.
//
// The fixed names, and the appended ones when they come with a NameIndex, are found through
// constant indexes shared by every VM, so a new VM's table holds nothing: entries_ and
// slots_ cover only the ids from dynamic_base_ on (appended names without an index, then the
// run-time names).
//
// Memory: the entries, the index and the copied texts come from the VM's heap (counted in
// gc.mem_alloc() and against its limit, and from the host's buffer in fixed-buffer mode),
// allocated when first needed. Interning cannot fail, so when the heap refuses (its limit, or
// micropython.heap_lock()) a block comes from the C library instead; each block remembers
// where it came from. The entries sit in chunks of entries_per_chunk that never move (so the
// table grows without copying and wastes less than one chunk); chunks_ holds chunk_count_ of
// them in id order, entry_count_ <= chunk_count_ * entries_per_chunk. slots_ is an
// open-addressing table of (id - dynamic_base_ + 1), 0 for an empty slot, at most half full;
// its slots are 16 bits wide (wide_slots_ false) while half of them is at most 65,535.
class InternTable {
  public:
    // `heap` null: every block from the C library (tables outside any VM, tests).
    explicit InternTable(AppendedNames appended = {}, gc::Heap* heap = nullptr);
    ~InternTable();
    InternTable(const InternTable&) = delete;
    InternTable& operator=(const InternTable&) = delete;

    std::optional<std::uint32_t> find(std::string_view text) const;
    // Interns text that stays valid, unchanged, for the VM's lifetime (an
    // image's qstr): the table keeps only the view.
    std::uint32_t intern_in_place(std::string_view text);
    // Interns a copy of `text`.
    std::uint32_t intern_copy(std::string_view text);

    // Precondition: id was handed out by this table (or is a fixed name).
    std::string_view text(std::uint32_t id) const;
    std::uint32_t hash(std::uint32_t id) const;
    std::size_t size() const;
    // The appended fixed names this table was created with, and the first id after them.
    AppendedNames appended_names() const { return appended_; }
    std::uint32_t first_run_time_id() const { return first_run_time_id_; }

  private:
    // 16 bytes on a 64-bit host, 12 on a 32-bit one: a name costs its entry and two slots.
    struct Entry {
        const char* data;
        std::uint32_t size;
        std::uint32_t hash;
        std::string_view text() const { return {data, size}; }
    };
    // A block of memory and where it came from.
    struct Block {
        void* memory = nullptr;
        std::size_t bytes = 0;
        bool from_heap = false;
    };
    static constexpr std::uint32_t entries_per_chunk = 16;
    struct EntryChunk {
        bool from_heap;
        Entry entries[entries_per_chunk];
    };
    // Texts copied by intern_copy(), in chunks that never move; each starts with this header.
    struct TextChunk {
        TextChunk* next;
        Block block;
        std::size_t used;  // bytes after the header
    };

    std::uint32_t add(std::string_view text, std::uint32_t text_hash);
    std::optional<std::uint32_t> find_dynamic(std::string_view text, std::uint32_t text_hash) const;
    const Entry& entry(std::uint32_t index) const {
        return chunks_[index / entries_per_chunk]->entries[index % entries_per_chunk];
    }
    Block take(std::size_t bytes);
    void give_back(const Block& block);
    void add_chunk();
    void grow_slots();
    void insert_slot(std::uint32_t index);
    std::uint32_t slot_at(std::uint32_t slot) const {
        return wide_slots_ ? static_cast<const std::uint32_t*>(slots_)[slot]
                           : static_cast<const std::uint16_t*>(slots_)[slot];
    }
    const char* copy_text(std::string_view text);

    gc::Heap* heap_ = nullptr;
    Block chunk_table_block_;
    EntryChunk** chunks_ = nullptr;  // entry index = id - dynamic_base_
    std::uint32_t chunk_count_ = 0;
    std::uint32_t chunk_table_capacity_ = 0;
    std::uint32_t entry_count_ = 0;
    Block slots_block_;
    void* slots_ = nullptr;
    bool wide_slots_ = false;
    std::uint32_t slot_capacity_ = 0;   // a power of two, or 0
    TextChunk* text_chunks_ = nullptr;  // the newest first
    std::uint32_t dynamic_base_ = 0;
    AppendedNames appended_;
    std::uint32_t first_run_time_id_ = 0;
};

}  // namespace xipy::object
