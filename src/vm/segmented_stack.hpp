// SegmentedStack: a stack of slots that grows in chunks which never move, so pointers stay valid.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

#include "gc/heap.hpp"
#include "support/inline.hpp"

namespace xipy::vm {

// The interpreter's frames, value slots and exception handlers live in stacks of this kind.
// They start empty (an idle VM holds no stack memory) and grow on demand up to what the heap
// limit allows, because every chunk is a heap block that counts against it. Frames and the
// loop keep raw pointers into the slots, so growing never moves what is there: it adds a
// chunk twice the size of the last one. Chunks stay allocated until the stack is destroyed,
// so a recursion that goes up and down across a chunk boundary does not allocate each time.
//
// Slots are addressed by a position: chunk k holds first_chunk << k slots and starts at
// position first_chunk * (2^k - 1). push() hands out `count` contiguous slots; when they do not
// fit in the current chunk's rest, the rest is skipped and the push starts the next chunk that
// is big enough. pop_to() returns to an earlier top().
//
// Invariants: top_ <= chunk_start(chunk_count_); chunks_ is null while chunk_count_ is 0, else
// a table whose [0, chunk_count_) are allocated, each with its slots default-constructed, and
// the rest null. Once a chunk is allocated, the current
// chunk (current_*) is an allocated chunk with current_start_ <= top_ <= current_end_.
template <typename T, std::uint32_t first_chunk>
class SegmentedStack {
    static_assert(std::is_trivially_destructible_v<T>, "chunks are freed without destructors");
    static_assert(first_chunk > 0 && (first_chunk & (first_chunk - 1)) == 0, "a power of two");

  public:
    explicit SegmentedStack(gc::Heap& heap) : heap_(heap) {}
    ~SegmentedStack() {
        for (std::uint32_t chunk = 0; chunk < chunk_count_; ++chunk) {
            heap_.free_block(chunks_[chunk], chunk_capacity(chunk) * sizeof(T));
        }
        if (chunks_ != nullptr) {
            heap_.free_block(chunks_, max_chunks * sizeof(T*));
        }
    }
    SegmentedStack(const SegmentedStack&) = delete;
    SegmentedStack& operator=(const SegmentedStack&) = delete;

    // Exchanges the contents with another stack on the same heap (a thread switch): the
    // chunks themselves stay where they are.
    void swap(SegmentedStack& other) {
        std::swap(chunks_, other.chunks_);
        std::swap(chunk_count_, other.chunk_count_);
        std::swap(top_, other.top_);
        std::swap(current_slots_, other.current_slots_);
        std::swap(current_start_, other.current_start_);
        std::swap(current_end_, other.current_end_);
    }

    // The position the next push() starts from (or after).
    std::uint32_t top() const { return top_; }
    // Bytes of chunk memory this stack holds.
    std::size_t bytes() const {
        return std::size_t{chunk_start(chunk_count_)} * sizeof(T) +
               (chunks_ != nullptr ? max_chunks * sizeof(T*) : 0);
    }

    // Makes `count` contiguous slots the top of the stack and stores the first in `slots`; false
    // when the heap cannot hold the chunk they need (nothing changes then). The slots hold
    // whatever the last user left there. Pushing no slots never allocates (`slots` may then be
    // null).
    XIPY_ALWAYS_INLINE bool push(std::uint32_t count, T*& slots) {
        // The common case, inline: the slots fit in the rest of the current chunk.
        if (std::uint64_t{top_} + count <= current_end_) {
            slots = current_slots_ + (top_ - current_start_);
            top_ += count;
            return true;
        }
        return push_to_later_chunk(count, slots);
    }

    // Allocates what a push(1) needs now, so that the push itself cannot allocate (or fail).
    XIPY_ALWAYS_INLINE bool reserve_one() {
        if (top_ < current_end_) {
            return true;
        }
        const std::uint32_t chunk = chunk_of(top_);
        return chunk < max_chunks && allocate_through(chunk);
    }

    // Pops back to an earlier top(); the chunks stay for the next pushes.
    XIPY_ALWAYS_INLINE void pop_to(std::uint32_t position) {
        top_ = position;
        if (position < current_start_) {
            // Back below the current chunk: the chunk holding `position` (at most the current
            // one, so allocated) becomes current; a position at a chunk's end counts as the
            // next chunk's start.
            make_current(chunk_of(position));
        }
    }

    // Whether top() is the first position of the current chunk, so that the slot below it (if
    // any) is in an earlier chunk.
    bool top_starts_chunk() const { return top_ == current_start_; }

    // The slot at a position below top() that push() handed out.
    T& at(std::uint32_t position) { return *slot_at(position); }
    const T& at(std::uint32_t position) const { return *slot_at(position); }

  private:
    // Enough chunks for every position a uint32_t can hold.
    static constexpr std::uint32_t max_chunks = 32 - std::countr_zero(first_chunk);

    static constexpr std::uint64_t chunk_capacity(std::uint32_t chunk) {
        return std::uint64_t{first_chunk} << chunk;
    }
    static constexpr std::uint32_t chunk_start(std::uint32_t chunk) {
        return static_cast<std::uint32_t>(first_chunk * ((std::uint64_t{1} << chunk) - 1));
    }
    // The chunk holding `position`; a position at a chunk's end is the next chunk's start.
    static std::uint32_t chunk_of(std::uint32_t position) {
        return static_cast<std::uint32_t>(std::bit_width(position / first_chunk + 1) - 1);
    }

    T* slot_at(std::uint32_t position) const {
        if (position >= current_start_) {
            return current_slots_ + (position - current_start_);
        }
        const std::uint32_t chunk = chunk_of(position);
        return chunks_[chunk] + (position - chunk_start(chunk));
    }

    // push() when the slots do not fit in the current chunk's rest: the rest is skipped and
    // the push starts the next chunk that is big enough, allocating the chunks up to it.
    bool push_to_later_chunk(std::uint32_t count, T*& slots) {
        std::uint32_t chunk = chunk_of(top_);
        std::uint32_t offset = top_ - chunk_start(chunk);
        if (count == 0) {
            slots = chunk < chunk_count_ ? chunks_[chunk] + offset : nullptr;
            return true;
        }
        while (offset + std::uint64_t{count} > chunk_capacity(chunk)) {
            ++chunk;
            offset = 0;
            if (chunk >= max_chunks) {
                return false;
            }
        }
        if (!allocate_through(chunk)) {
            return false;
        }
        make_current(chunk);
        top_ = chunk_start(chunk) + offset + count;
        slots = chunks_[chunk] + offset;
        return true;
    }

    void make_current(std::uint32_t chunk) {
        current_slots_ = chunks_[chunk];
        current_start_ = chunk_start(chunk);
        current_end_ = current_start_ + chunk_capacity(chunk);
    }

    bool allocate_through(std::uint32_t last) {
        if (chunks_ == nullptr) {
            void* table = heap_.allocate_block(max_chunks * sizeof(T*));
            if (table == nullptr) {
                return false;
            }
            chunks_ = static_cast<T**>(table);
            for (std::uint32_t chunk = 0; chunk < max_chunks; ++chunk) {
                chunks_[chunk] = nullptr;
            }
        }
        while (chunk_count_ <= last) {
            const std::uint64_t slots = chunk_capacity(chunk_count_);
            if (slots > SIZE_MAX / sizeof(T)) {
                return false;  // a 32-bit host: the chunk's byte count would wrap
            }
            void* block = heap_.allocate_block(static_cast<std::size_t>(slots) * sizeof(T));
            if (block == nullptr) {
                return false;
            }
            T* chunk = static_cast<T*>(block);
            for (std::uint64_t index = 0; index < slots; ++index) {
                new (chunk + index) T{};
            }
            chunks_[chunk_count_++] = chunk;
        }
        return true;
    }

    gc::Heap& heap_;
    // The chunks' addresses: a table of max_chunks from the heap, made with the first chunk
    // (an idle VM's three stacks hold no table).
    T** chunks_ = nullptr;
    std::uint32_t chunk_count_ = 0;
    std::uint32_t top_ = 0;
    // The current chunk, which holds top() (top() may be at its end), cached so that a push
    // or a read near the top needs no chunk arithmetic: its slots, first position and end
    // position. Before the first chunk it is empty, so every push but of no slots takes the
    // slow path.
    T* current_slots_ = nullptr;
    std::uint32_t current_start_ = 0;
    std::uint64_t current_end_ = 0;
};

// A stack of single items (the interpreter's frames) over a SegmentedStack: indexes are
// positions, since pushes of one slot never skip a chunk's rest. The last item's address is
// kept, since the loop reads the innermost frame after every call and return.
//
// Invariant: back_ is the address of the item at size() - 1, or null when empty.
template <typename T, std::uint32_t first_chunk>
class ItemStack {
  public:
    explicit ItemStack(gc::Heap& heap) : slots_(heap) {}

    std::uint32_t size() const { return slots_.top(); }
    bool empty() const { return slots_.top() == 0; }
    std::size_t bytes() const { return slots_.bytes(); }
    void swap(ItemStack& other) {
        slots_.swap(other.slots_);
        std::swap(back_, other.back_);
    }
    T& operator[](std::uint32_t index) { return slots_.at(index); }
    const T& operator[](std::uint32_t index) const { return slots_.at(index); }
    T& back() { return *back_; }

    // Allocates room for the next push_back(); false when the heap cannot hold it.
    bool reserve_one() { return slots_.reserve_one(); }
    // Requires a successful reserve_one() since the last push_back(): the new last slot, for
    // the caller to construct the item in (placement new), so that a big item is built where it
    // lives instead of being built and then copied.
    XIPY_ALWAYS_INLINE T* push_back_slot() {
        T* slot = nullptr;
        slots_.push(1, slot);
        back_ = slot;
        return slot;
    }
    // Requires a successful reserve_one() since the last push_back().
    T& push_back(const T& item) {
        T* slot = nullptr;
        slots_.push(1, slot);
        *slot = item;
        back_ = slot;
        return *slot;
    }
    void pop_back() {
        slots_.pop_to(slots_.top() - 1);
        // The new last item is the one below the popped one, unless that began its chunk.
        if (!slots_.top_starts_chunk()) {
            --back_;
        } else {
            back_ = slots_.top() == 0 ? nullptr : &slots_.at(slots_.top() - 1);
        }
    }

  private:
    SegmentedStack<T, first_chunk> slots_;
    T* back_ = nullptr;
};

}  // namespace xipy::vm
