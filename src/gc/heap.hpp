// Heap: one VM's garbage-collected memory, with a byte limit set by the host.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "gc/cell.hpp"

namespace xipy::gc {

// Visits reachable cells during a collection. Marking is iterative (an explicit work list),
// so deeply nested structures cannot overflow the C stack, and the work list has a fixed
// size, so marking never allocates: a collection needs no memory beyond the heap's limit
// however many objects one object refers to. A cell marked while the list is full is left
// untraced and the heap is scanned again for marked cells afterwards, as MicroPython does
// when its mark stack overflows.
class Tracer {
  public:
    void mark(Cell* cell) {
        if (cell == nullptr || cell->is_static() || cell->is_marked()) {
            return;
        }
        cell->flags_ |= Cell::flag_marked;
        if (count_ < work_list_capacity) {
            work_list_[count_++] = cell;
        } else {
            overflowed_ = true;
        }
    }

  private:
    friend class Heap;
    // 1 KiB on 64-bit hosts, on the C stack during a collection: deep enough that ordinary
    // data never overflows it (an overflow costs a rescan, not a failure).
    static constexpr std::size_t work_list_capacity = 128;
    Cell* work_list_[work_list_capacity];
    std::size_t count_ = 0;
    bool overflowed_ = false;
};

// Something outside the heap that holds references into it: the VM's value
// stack, its module table, the intern table. The heap asks each registered
// provider for its roots at the start of every collection.
class RootProvider {
  public:
    virtual void trace_roots(Tracer& tracer) = 0;

  protected:
    ~RootProvider() = default;
};

// A root on the C++ stack, for native code that holds a reference across
// an allocation. Scoped roots form a chain through the heap: constructed
// and destroyed in strict LIFO order (they are only ever locals).
class ScopedRoot {
  public:
    ScopedRoot(const ScopedRoot&) = delete;
    ScopedRoot& operator=(const ScopedRoot&) = delete;

  protected:
    explicit ScopedRoot(class Heap& heap);
    ~ScopedRoot();
    virtual void trace(Tracer& tracer) = 0;

  private:
    friend class Heap;
    class Heap& heap_;
    ScopedRoot* previous_;
};

// The host's allocator, shaped like C's realloc with a context: (context, nullptr, 0, n)
// allocates n bytes, (context, block, old, 0) frees a block of `old` bytes and returns null,
// and (context, block, old, n) resizes. Returns null when it cannot. The heap asks it only to
// allocate and to free. Blocks must be aligned for any object (alignof(std::max_align_t)).
using ReallocateFunction = void* (*)(void* context, void* block, std::size_t old_bytes,
                                     std::size_t new_bytes);

#ifdef XIPY_GC_SEPARATE_CELLS
inline constexpr bool separate_cells_by_default = true;
#else
inline constexpr bool separate_cells_by_default = false;
#endif

struct HeapConfig {
    std::size_t limit_bytes = 8 * 1024 * 1024;
    // Collect before every allocation: slow, for tests that flush out
    // references that are not rooted.
    bool collect_on_every_allocation = false;
    // Where the heap's memory comes from; null: the C library's calloc and free.
    ReallocateFunction reallocate = nullptr;
    void* allocator_context = nullptr;
    // Every cell its own allocation from the C library or the host, as large cells are,
    // instead of a block of a page: a freed cell then goes back to the allocator at once, so
    // AddressSanitizer reports any use after the sweep. On by default in the sanitizer build
    // (the XIPY_GC_SEPARATE_CELLS build option).
    bool separate_cells = separate_cells_by_default;
    // Keep pages that a scheduled collection emptied (up to two collection intervals' worth, at
    // most an eighth of the limit) for the next page of their size class, instead of giving
    // each back and asking again: a side table for speed, which small targets may turn off.
    bool keep_spare_pages = true;
};

// Memory layout. A small cell (up to `small_class_count` granules) is a block of a page: a
// chunk the heap takes from its allocator and cuts into blocks of one size class, after a
// `Page` header. A larger cell, and every cell with `separate_cells`, is an allocation of its
// own behind a `LargeCell` header, on one list. The sweep walks the pages and that list; a
// page whose blocks all died goes back to the allocator, or waits on the spare list for its
// class's next page (see `spare_pages_`). Untyped memory and blocks are
// allocations of their own with no header (their owner says their size when freeing them).
//
// Invariants: `bytes_reserved_` is the sum of footprint() over every chunk taken from the
// allocator (pages, large cells, untyped memory, blocks) and never exceeds
// `config_.limit_bytes`; `bytes_in_use_` counts the same except that a page counts only its
// blocks that hold cells, each as its class's size (so it is at most `bytes_reserved_`);
// the spare pages are off `pages_`, hold no cell, count in `bytes_reserved_` (their sum is
// `spare_bytes_`, at most a spare_share of the limit) and none of their blocks is on a free
// list; every free block of a page on `pages_` is on its class's free list and has
// `Cell::flag_free` set; `bytes_allocated_since_collection_` is the sum of the sizes allocated
// since the last collection (freed or not); `threshold_bytes_` is `no_threshold` or the Python-set
// gc.threshold().
class Heap {
  public:
    explicit Heap(HeapConfig config);
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;

    // Returns zero-filled memory of `bytes` (header included) whose Cell
    // header is initialised with `descriptor`, or nullptr when the limit
    // would be passed even after a collection (or, with automatic collection
    // off, without one). The caller constructs the
    // rest of the object in place and must raise MemoryError on nullptr.
    Cell* allocate(std::size_t bytes, const CellDescriptor* descriptor);

    void collect();

    // Untyped memory outside the cell list, for tables the VM keeps beside the heap (the
    // loader's, the verifier's scratch area): counted in bytes_in_use() and against the limit
    // exactly as a cell of `bytes` would be, collecting first when it would not fit. nullptr
    // when it does not fit, or while the heap is locked. release_untyped() takes one back
    // with the same size.
    void* allocate_untyped(std::size_t bytes);
    void release_untyped(void* memory, std::size_t bytes);
    // allocate_untyped() without ever collecting (not even when a host allocator refuses) and
    // without zeroing: for native scratch memory taken while the caller holds values no root
    // sees (gathered arguments, a set's items), which a collection would free. nullptr when it
    // does not fit as things stand with `scratch_reserve_bytes` to spare, so that scratch work
    // never takes the last bytes the exception reporting its failure needs (a load's "not
    // enough memory" text); release_untyped() takes it back.
    void* allocate_scratch(std::size_t bytes);
    static constexpr std::size_t scratch_reserve_bytes = 512;
    // Memory outside the object graph that still belongs to the VM (the interpreter's stacks):
    // it comes from the same allocator and counts against the same limit, collecting first
    // when it would not fit. Zero-filled; null when the limit or the allocator refuses.
    void* allocate_block(std::size_t bytes);
    // Frees what allocate_block(bytes) returned.
    void free_block(void* block, std::size_t bytes);

    // gc.enable()/gc.disable(): while disabled the heap never collects on its own, so an
    // allocation that does not fit fails (MemoryError) even if garbage would make room, as
    // MicroPython's gc_alloc does. collect() and the stress mode still collect.
    void set_automatic_collection(bool enabled) { automatic_collection_ = enabled; }
    bool automatic_collection() const { return automatic_collection_; }

    // gc.threshold(n): also collect (when automatic collection is on) before an allocation
    // once `bytes` were allocated since the last collection. `no_threshold` turns it off.
    static constexpr std::size_t no_threshold = SIZE_MAX;
    void set_threshold(std::size_t bytes) { threshold_bytes_ = bytes; }
    std::size_t threshold() const { return threshold_bytes_; }

    // Refuses allocations while non-zero (micropython.heap_lock()).
    void lock() { ++lock_depth_; }
    void unlock() {
        if (lock_depth_ > 0) {
            --lock_depth_;
        }
    }
    bool is_locked() const { return lock_depth_ > 0; }
    // Undoes every lock() at once: MicroPython's REPL does so before each statement, since a
    // heap left locked could run nothing more.
    void unlock_all() { lock_depth_ = 0; }
    // The lock belongs to the thread that took it, as in MicroPython: a thread switch
    // exchanges the running thread's depth with the next one's (vm/threads.hpp).
    void swap_lock_depth(std::uint32_t& other) { std::swap(lock_depth_, other); }

    // Lets load work allocate while the program holds the heap locked: MicroPython builds an
    // .mpy's constant objects when it loads the file, before any heap_lock(), where xipy
    // builds each at its first use. The byte limit still applies. Scoped, so the lock comes
    // back on every path; `active` false makes it change nothing.
    class LockExemption {
      public:
        explicit LockExemption(Heap& heap, bool active = true)
            : heap_(heap), saved_depth_(heap.lock_depth_) {
            if (active) {
                heap.lock_depth_ = 0;
            }
        }
        ~LockExemption() { heap_.lock_depth_ = saved_depth_; }
        LockExemption(const LockExemption&) = delete;
        LockExemption& operator=(const LockExemption&) = delete;

      private:
        Heap& heap_;
        std::uint32_t saved_depth_;
    };

    // Calls visit(cell) for every cell on the heap, in no particular order, without allocating
    // (uctypes asks which live buffer holds an address this way).
    template <typename Visit>
    void for_each_cell(Visit&& visit) const {
        for (Page* page = pages_; page != nullptr; page = page->next) {
            const std::size_t block_bytes = page->size_class * granule;
            for (std::uint32_t index = 0; index < page->block_count; ++index) {
                auto* cell = reinterpret_cast<Cell*>(page->blocks() + index * block_bytes);
                if ((cell->flags_ & Cell::flag_free) == 0) {
                    visit(cell);
                }
            }
        }
        for (LargeCell* large = large_cells_; large != nullptr; large = large->next) {
            visit(large->cell());
        }
    }

    // The bytes a heap cell may use: the size it was allocated with, rounded up to its class.
    static std::size_t cell_bytes(const Cell* cell) {
        if (cell->size_class_ != 0) {
            return cell->size_class_ * granule;
        }
        return LargeCell::of(cell)->bytes;
    }

    void add_root_provider(RootProvider* provider);
    void remove_root_provider(RootProvider* provider);

    // Makes room for `bytes` more under the limit, collecting when the policy says so; false
    // when they do not fit. Native code that builds a large result outside the heap asks
    // first, so its temporaries stay in proportion to what the heap could take.
    bool make_room(std::size_t bytes);

    // What an allocation of `bytes` counts for in bytes_in_use(), the limit and gc.threshold:
    // from the C library, the payload with malloc's header and rounding, so that the limit
    // bounds resident memory (small cells were 40% over it); from a host allocator, `bytes`,
    // as the host sees them.
    std::size_t footprint(std::size_t bytes) const;
    // What allocate(bytes) adds to bytes_in_use(): its class's block size when it fits a
    // page, else the footprint of its own allocation with the large-cell header.
    std::size_t cell_footprint(std::size_t bytes) const;

    // Cells are cut in multiples of a granule, aligned to it: two pointers' worth.
    static constexpr std::size_t granule = 2 * sizeof(void*);
    // Classes 1..small_class_count granules (256 B on 64-bit, 128 B on 32-bit) live in pages.
    static constexpr std::size_t small_class_count = 16;

    std::size_t bytes_in_use() const { return bytes_in_use_; }
    // Bytes taken from the allocator (footprints), the figure the limit bounds: bytes_in_use()
    // plus the free blocks of the pages.
    std::size_t bytes_reserved() const { return bytes_reserved_; }
    // The most bytes_in_use() has been, and the bytes ever allocated (micropython.mem_peak
    // and mem_total).
    std::size_t peak_bytes_in_use() const { return peak_bytes_in_use_; }
    std::uint64_t bytes_allocated() const { return bytes_allocated_; }
    std::size_t limit_bytes() const { return config_.limit_bytes; }
    std::uint64_t collections() const { return collections_; }
    // How many times a collection scanned the heap again because its work list was full.
    std::uint64_t mark_rescans() const { return mark_rescans_; }
    std::uint64_t allocations() const { return allocations_; }
    // The empty pages kept for reuse (part of bytes_reserved()): now, and the most there were.
    std::size_t spare_bytes() const { return spare_bytes_; }
    std::size_t peak_spare_bytes() const { return peak_spare_bytes_; }

  private:
    friend class ScopedRoot;

    // A chunk cut into `block_count` blocks of `size_class` granules, which follow the header.
    struct Page {
        Page* next;
        std::uint16_t size_class;
        std::uint16_t block_count;
        std::uint8_t* blocks() { return reinterpret_cast<std::uint8_t*>(this) + header_bytes; }
        std::size_t chunk_bytes() const {
            return header_bytes + block_count * size_class * granule;
        }
        static constexpr std::size_t header_bytes = granule;
    };
    static_assert(sizeof(Page) <= Page::header_bytes);
    // The header of a cell allocated on its own; the cell follows it.
    struct LargeCell {
        LargeCell* next;
        std::size_t bytes;  // the cell's, header excluded
        Cell* cell() {
            return reinterpret_cast<Cell*>(reinterpret_cast<std::uint8_t*>(this) + header_bytes);
        }
        static const LargeCell* of(const Cell* cell) {
            return reinterpret_cast<const LargeCell*>(reinterpret_cast<const std::uint8_t*>(cell) -
                                                      header_bytes);
        }
        static constexpr std::size_t header_bytes = granule;
    };
    static_assert(sizeof(LargeCell) <= LargeCell::header_bytes);
    // A free block: its first word links it to the next free block of its class.
    struct FreeBlock {
        FreeBlock* next;
    };

    Cell* allocate_small(std::size_t bytes, std::size_t size_class,
                         const CellDescriptor* descriptor);
    Cell* allocate_large(std::size_t bytes, const CellDescriptor* descriptor, bool room_made);
    bool add_page(std::size_t size_class, bool collected);
    // Runs the collection policy (stress mode, interval, threshold); true when it collected.
    // The test is defined here, where callers can inline it (every small allocation makes it);
    // the collection is not.
    bool collect_if_due() {
        if (config_.collect_on_every_allocation || collection_due()) [[unlikely]] {
            return collect_now();
        }
        return false;
    }
    // Collect once the bytes allocated since the last collection reach the live bytes it left
    // (so the heap at most doubles between collections), but not more often than every
    // `minimum_collection_interval` bytes; or once `threshold_bytes_` more were allocated.
    // Memory given back since then counts as nothing allocated, not as a negative amount.
    static constexpr std::size_t minimum_collection_interval = 256 * 1024;
    bool collection_due() const {
        return automatic_collection_ && (bytes_in_use_ >= collection_due_at_ ||
                                         bytes_allocated_since_collection_ >= threshold_bytes_);
    }
    // The bytes in use at which the interval is reached, set by each collection.
    static std::size_t due_at(std::size_t bytes_after_collection) {
        const std::size_t interval = std::max(bytes_after_collection, minimum_collection_interval);
        return interval > SIZE_MAX - bytes_after_collection ? SIZE_MAX
                                                            : bytes_after_collection + interval;
    }
    bool collect_now();
    // Whether `bytes` more fit under the limit, collecting once when the policy allows.
    bool fits_after_collecting(std::size_t bytes, bool collected);
    bool fits(std::size_t bytes) const {
        return bytes <= config_.limit_bytes - std::min(bytes_reserved_, config_.limit_bytes);
    }
    // fits(), after giving the spare pages back when it would not.
    bool fits_releasing_spares(std::size_t bytes);
    // Gives every spare page back to the allocator.
    void release_spare_pages();
    // Takes a spare page of `size_class` onto `pages_`; false when there is none.
    bool reuse_spare_page(std::size_t size_class);
    // Zeroed memory from calloc, or from the host's reallocate hook through
    // allocate_from_host(); kept apart so that the common path inlines into every allocation.
    void* allocate_memory(std::size_t bytes);
    void* allocate_from_host(std::size_t bytes);
    // allocate_untyped()'s memory once its room is known, zeroed.
    void* take_untyped(std::size_t bytes);
    // Counts `memory` (null: nothing) as an untyped block of `bytes` and returns it.
    void* count_untyped(void* memory, std::size_t bytes);
    void free_memory(void* memory, std::size_t bytes);
    void count_allocated(std::size_t bytes) {
        bytes_in_use_ += bytes;
        peak_bytes_in_use_ = std::max(peak_bytes_in_use_, bytes_in_use_);
        bytes_allocated_since_collection_ += bytes;
        bytes_allocated_ += bytes;
    }
    void mark_roots(Tracer& tracer);
    // The collection's Tracer lives on the C stack while it runs (1 KiB on 64-bit hosts), not
    // in every heap: an idle VM does not pay for a work list.
    static void trace_cell(Cell* cell, Tracer& tracer);
    static void drain_work_list(Tracer& tracer);
    void trace_marked_cells(Tracer& tracer);
    void sweep();
    // A sweep (and the destructor) gives memory back only after every dead cell is finalized,
    // since finalizing reads the cell's descriptor, which may be another dead cell: a class
    // made at run time describes its instances, and may die with them, in an earlier page.
    // Each returns what it emptied, linked by `next` and not yet freed, for release().
    Page* sweep_pages();
    LargeCell* sweep_large_cells();
    void release(Page* pages, LargeCell* large_cells);
    static void finalize(Cell* cell);

    HeapConfig config_;
    Page* pages_ = nullptr;
    LargeCell* large_cells_ = nullptr;
    // Pages a sweep emptied, kept for the next page of their class: a program that makes and
    // drops objects at a steady rate would otherwise give back and take again (zero-filled)
    // most of its pages at every collection. Given back as soon as anything needs the room.
    Page* spare_pages_ = nullptr;
    std::size_t spare_bytes_ = 0;
    std::size_t peak_spare_bytes_ = 0;
    bool keep_spare_pages_ = false;  // set by collect_if_due() for its collection
    // Per size class, indexed by its size in granules less one: the free blocks, and how many
    // pages it has (which sets the size of its next page).
    FreeBlock* free_blocks_[small_class_count] = {};
    std::uint8_t page_counts_[small_class_count] = {};
    std::size_t bytes_in_use_ = 0;
    std::size_t bytes_reserved_ = 0;
    std::size_t bytes_after_last_collection_ = 0;
    std::size_t collection_due_at_ = due_at(0);
    std::size_t bytes_allocated_since_collection_ = 0;
    std::size_t peak_bytes_in_use_ = 0;
    std::uint64_t bytes_allocated_ = 0;
    std::size_t threshold_bytes_ = no_threshold;
    bool automatic_collection_ = true;
    std::uint64_t collections_ = 0;
    std::uint64_t mark_rescans_ = 0;
    std::uint64_t allocations_ = 0;
    std::uint32_t lock_depth_ = 0;
    bool collecting_ = false;
    // A VM has three (its runtime, the C API's handles and pending exception): the first four
    // are kept inline, so making a VM over a fixed buffer calls no malloc for them; any more
    // go to a vector.
    std::array<RootProvider*, 4> inline_root_providers_{};
    std::size_t inline_root_provider_count_ = 0;
    std::vector<RootProvider*> more_root_providers_;
    ScopedRoot* scoped_roots_ = nullptr;
};

}  // namespace xipy::gc
