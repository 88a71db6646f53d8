// ScratchArena: the verifier's working memory, one area reused from raw code to raw code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "support/memory_source.hpp"

namespace xipy::image {

// Bump allocation in blocks taken from a MemorySource. The verifier empties it between raw
// codes and keeps the blocks, so its memory follows the largest function, not the file, and a
// whole file costs a handful of allocations instead of one per instruction and state.
//
// Invariants: `blocks_` is a list of blocks from `source_` (or, once `exhausted_`, from
// malloc); `cursor_`..`limit_` is the free part of `current_`; everything before `cursor_` in
// the blocks up to `current_` is in use until reset().
//
// When the source refuses, the arena keeps serving memory from malloc (standard containers
// cannot take a failure without exceptions) and sets exhausted(): the verifier checks it after
// every step and gives up with a MemoryError, so this overdraft stays within one step's needs.
class ScratchArena {
  public:
    explicit ScratchArena(support::MemorySource& source) : source_(source) {}
    ScratchArena(const ScratchArena&) = delete;
    ScratchArena& operator=(const ScratchArena&) = delete;
    ~ScratchArena() {
        Block* block = blocks_;
        while (block != nullptr) {
            Block* next = block->next;
            give_back(block);
            block = next;
        }
    }

    void* allocate(std::size_t bytes, std::size_t alignment) {
        bytes = bytes == 0 ? 1 : bytes;
        for (;;) {
            if (current_ != nullptr) {
                auto address = reinterpret_cast<std::uintptr_t>(cursor_);
                address = (address + alignment - 1) & ~(std::uintptr_t{alignment} - 1);
                auto* start = reinterpret_cast<std::uint8_t*>(address);
                if (start <= limit_ && static_cast<std::size_t>(limit_ - start) >= bytes) {
                    cursor_ = start + bytes;
                    last_ = start;
                    return start;
                }
            }
            advance(bytes + alignment);
        }
    }

    // Only the most recent allocation is taken back (a growing vector's old buffer often
    // is); anything else waits for reset().
    void release(void* memory, std::size_t bytes) {
        if (memory == last_ &&
            static_cast<std::uint8_t*>(memory) + (bytes == 0 ? 1 : bytes) == cursor_) {
            cursor_ = last_;
            last_ = nullptr;
        }
    }

    // Everything allocated so far is free again; the blocks stay for the next raw code.
    void reset() {
        current_ = blocks_;
        if (current_ != nullptr) {
            cursor_ = current_->payload();
            limit_ = current_->end();
        }
        last_ = nullptr;
    }

    bool exhausted() const { return exhausted_; }
    // The bytes the arena holds (from its source, and any overdraft).
    std::size_t bytes() const { return held_bytes_; }

  private:
    struct Block {
        Block* next;
        std::size_t size;  // payload bytes
        bool from_source;
        std::uint8_t* payload() { return reinterpret_cast<std::uint8_t*>(this + 1); }
        std::uint8_t* end() { return payload() + size; }
    };

    // Small: in a fixed heap buffer the heap's pages leave free memory in pieces, and a 4 KiB
    // block could not be found where 1 KiB ones could (docs/firmware.md, RAM). Verifying a
    // big function does not need more of them, since its big tables come one block each.
    static constexpr std::size_t minimum_block_bytes = 1024;

    // Moves to the next kept block, or adds one large enough for `bytes`.
    void advance(std::size_t bytes) {
        Block* next = current_ != nullptr ? current_->next : blocks_;
        if (current_ != nullptr && next != nullptr && next->size >= bytes) {
            current_ = next;
        } else {
            Block* added = take_block(bytes);
            // Inserted after the current block, so blocks kept from earlier codes stay in use.
            if (current_ == nullptr) {
                added->next = blocks_;
                blocks_ = added;
            } else {
                added->next = current_->next;
                current_->next = added;
            }
            current_ = added;
        }
        cursor_ = current_->payload();
        limit_ = current_->end();
        last_ = nullptr;
    }

    Block* take_block(std::size_t bytes) {
        // Exactly what a big request needs: the verifier sizes its big tables once (from the
        // instruction count), so they come one block each, and rounding them up (to double
        // what is held, say) would waste more than the tables themselves. Small requests
        // share minimum-size blocks.
        const std::size_t size = bytes > minimum_block_bytes ? bytes : minimum_block_bytes;
        void* memory = exhausted_ ? nullptr : source_.allocate(sizeof(Block) + size);
        bool from_source = memory != nullptr;
        if (memory == nullptr) {
            exhausted_ = true;
            memory = std::malloc(sizeof(Block) + size);
            if (memory == nullptr) {
                std::abort();  // the process itself is out of memory
            }
        }
        held_bytes_ += sizeof(Block) + size;
        return new (memory) Block{nullptr, size, from_source};
    }

    void give_back(Block* block) {
        const std::size_t total = sizeof(Block) + block->size;
        if (block->from_source) {
            source_.release(block, total);
        } else {
            std::free(block);
        }
    }

    support::MemorySource& source_;
    Block* blocks_ = nullptr;
    Block* current_ = nullptr;
    std::uint8_t* cursor_ = nullptr;
    std::uint8_t* limit_ = nullptr;
    std::uint8_t* last_ = nullptr;
    std::size_t held_bytes_ = 0;
    bool exhausted_ = false;
};

// A standard allocator over a ScratchArena, for the verifier's containers.
template <class T>
class ArenaAllocator {
  public:
    using value_type = T;

    explicit ArenaAllocator(ScratchArena& arena) : arena_(&arena) {}
    template <class U>
    ArenaAllocator(const ArenaAllocator<U>& other) : arena_(other.arena()) {}

    T* allocate(std::size_t count) {
        return static_cast<T*>(arena_->allocate(count * sizeof(T), alignof(T)));
    }
    void deallocate(T* memory, std::size_t count) { arena_->release(memory, count * sizeof(T)); }

    ScratchArena* arena() const { return arena_; }
    template <class U>
    bool operator==(const ArenaAllocator<U>& other) const {
        return arena_ == other.arena();
    }

  private:
    ScratchArena* arena_;
};

}  // namespace xipy::image
