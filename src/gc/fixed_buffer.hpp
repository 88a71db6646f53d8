// FixedBufferAllocator: hands out a VM's heap memory from one buffer the host provides.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace xipy::gc {

// For firmware, which must not call malloc after start-up: a Heap whose ReallocateFunction is
// FixedBufferAllocator::reallocate (with the allocator as its context) takes every object and
// stack chunk from the buffer and never from the C library.
//
// Blocks are multiples of `granule` bytes and aligned to it. The heap always says how big a
// block is when it frees it, so blocks carry no header. Freed blocks of up to
// small_class_count granules go to a free list per size (constant time, the common case:
// most objects are small); bigger ones go to one list kept in address order, where
// neighbours merge again. New memory is cut from the untouched end of the buffer first.
// Small free blocks do not merge as they are freed, so a buffer can hold enough free bytes
// for a request in pieces too small to serve it; before refusing, the allocator merges every
// free block with its free neighbours (coalesce()) and tries once more.
//
// Invariants: every free block lies in [start_, cursor_) and is on exactly one list; the
// large list is sorted by address and holds no two adjacent blocks; bytes_free_ is the sum of
// the free blocks' sizes plus end_ - cursor_.
class FixedBufferAllocator {
  public:
    static constexpr std::size_t granule = alignof(std::max_align_t) > 2 * sizeof(void*)
                                               ? alignof(std::max_align_t)
                                               : 2 * sizeof(void*);

    // The buffer must outlive the allocator; its start is aligned up to `granule`.
    FixedBufferAllocator(void* buffer, std::size_t bytes);
    FixedBufferAllocator(const FixedBufferAllocator&) = delete;
    FixedBufferAllocator& operator=(const FixedBufferAllocator&) = delete;

    void* allocate(std::size_t bytes);
    void free(void* block, std::size_t bytes);
    // Bytes not handed out (some may be too fragmented to serve a large request).
    std::size_t bytes_free() const { return bytes_free_; }

    // gc::ReallocateFunction over the allocator in `context`. Resizing is not supported (the
    // heap never asks for it) and returns null.
    static void* reallocate(void* context, void* block, std::size_t old_bytes,
                            std::size_t new_bytes);

  private:
    struct FreeBlock {
        FreeBlock* next;
        std::size_t bytes;
    };
    static constexpr std::size_t small_class_count = 32;

    static std::size_t rounded(std::size_t bytes) {
        return (bytes + granule - 1) / granule * granule;
    }
    void* take(std::size_t bytes);
    void* take_large(std::size_t bytes);
    void free_large(std::uintptr_t address, std::size_t bytes);
    // Merges every free block with its free neighbours: the small lists' blocks are sorted by
    // address and merged into the large list, a free run that ends at cursor_ goes back to the
    // untouched end, and what is still small returns to its size list. False when nothing
    // merged, so a retry could not succeed either.
    bool coalesce();

    std::uintptr_t start_ = 0;
    std::uintptr_t cursor_ = 0;
    std::uintptr_t end_ = 0;
    std::size_t bytes_free_ = 0;
    std::array<FreeBlock*, small_class_count + 1> small_{};  // index: size in granules
    FreeBlock* large_ = nullptr;
};

}  // namespace xipy::gc
