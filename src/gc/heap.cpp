// Heap: allocation in size-class pages and large cells with a byte limit, and mark-and-sweep
// collection.
#include "gc/heap.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XIPY_GC_POISON 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define XIPY_GC_POISON 1
#endif
#ifdef XIPY_GC_POISON
#include <sanitizer/asan_interface.h>
#endif

namespace xipy::gc {

namespace {

// A class's first page is about this big (one block at least), each further one twice the
// last up to the largest: a small heap (a VM that has run nothing yet) wastes little in
// half-used pages, a big one takes few chunks.
constexpr std::size_t first_page_bytes = 64;
constexpr std::size_t largest_page_bytes = 4096;
// At most this share of the limit (1/8) is kept in spare pages, and at most about what the
// next collection interval can take again (sweep_pages()).
constexpr std::size_t spare_share = 8;

// Under AddressSanitizer a free block's payload (past the free-list link and the flags) is
// poisoned, so a use of a swept cell in a page is reported until the block is reused.
void poison_free_block(void* block, std::size_t bytes) {
#ifdef XIPY_GC_POISON
    ASAN_POISON_MEMORY_REGION(static_cast<std::uint8_t*>(block) + sizeof(Cell),
                              bytes - sizeof(Cell));
#else
    (void)block;
    (void)bytes;
#endif
}

void unpoison_block(void* block, std::size_t bytes) {
#ifdef XIPY_GC_POISON
    ASAN_UNPOISON_MEMORY_REGION(block, bytes);
#else
    (void)block;
    (void)bytes;
#endif
}

}  // namespace

ScopedRoot::ScopedRoot(Heap& heap) : heap_(heap), previous_(heap.scoped_roots_) {
    heap.scoped_roots_ = this;
}

ScopedRoot::~ScopedRoot() { heap_.scoped_roots_ = previous_; }

Heap::Heap(HeapConfig config) : config_(config) {}

Heap::~Heap() {
    // Every finalizer runs before any memory goes back (see sweep_pages() in heap.hpp).
    for (Page* page = pages_; page != nullptr; page = page->next) {
        const std::size_t block_bytes = page->size_class * granule;
        for (std::uint32_t index = 0; index < page->block_count; ++index) {
            auto* cell = reinterpret_cast<Cell*>(page->blocks() + index * block_bytes);
            if ((cell->flags_ & Cell::flag_free) == 0) {
                finalize(cell);
            }
        }
    }
    for (LargeCell* large = large_cells_; large != nullptr; large = large->next) {
        finalize(large->cell());
    }
    release(pages_, large_cells_);
    release_spare_pages();
}

void Heap::release_spare_pages() {
    while (spare_pages_ != nullptr) {
        Page* page = spare_pages_;
        spare_pages_ = page->next;
        const std::size_t chunk_bytes = page->chunk_bytes();
        bytes_reserved_ -= footprint(chunk_bytes);
        unpoison_block(page, chunk_bytes);
        free_memory(page, chunk_bytes);
    }
    spare_bytes_ = 0;
}

bool Heap::fits_releasing_spares(std::size_t bytes) {
    if (fits(bytes)) {
        return true;
    }
    if (spare_pages_ == nullptr) {
        return false;
    }
    release_spare_pages();
    return fits(bytes);
}

bool Heap::reuse_spare_page(std::size_t size_class) {
    for (Page** link = &spare_pages_; *link != nullptr; link = &(*link)->next) {
        Page* page = *link;
        if (page->size_class != size_class) {
            continue;
        }
        *link = page->next;
        spare_bytes_ -= footprint(page->chunk_bytes());
        unpoison_block(page, page->chunk_bytes());
        page->next = pages_;
        pages_ = page;
        return true;
    }
    return false;
}

void Heap::release(Page* pages, LargeCell* large_cells) {
    while (pages != nullptr) {
        Page* page = pages;
        pages = page->next;
        const std::size_t chunk_bytes = page->chunk_bytes();
        unpoison_block(page, chunk_bytes);
        free_memory(page, chunk_bytes);
    }
    while (large_cells != nullptr) {
        LargeCell* large = large_cells;
        large_cells = large->next;
        free_memory(large, LargeCell::header_bytes + large->bytes);
    }
}

Cell* Heap::allocate(std::size_t bytes, const CellDescriptor* descriptor) {
    if (is_locked() || collecting_ || bytes < sizeof(Cell) || bytes > UINT32_MAX) {
        return nullptr;
    }
    const std::size_t size_class = (bytes + granule - 1) / granule;
    if (size_class <= small_class_count && !config_.separate_cells) {
        return allocate_small(bytes, size_class, descriptor);
    }
    return allocate_large(bytes, descriptor, false);
}

Cell* Heap::allocate_small(std::size_t bytes, std::size_t size_class,
                           const CellDescriptor* descriptor) {
    const bool collected = collect_if_due();
    FreeBlock*& free = free_blocks_[size_class - 1];
    if (free == nullptr && !add_page(size_class, collected)) {
        // No room for a page: the cell alone may still fit.
        return allocate_large(bytes, descriptor, true);
    }
    FreeBlock* block = free;
    const std::size_t block_bytes = size_class * granule;
    unpoison_block(block, block_bytes);
    free = block->next;
    std::memset(static_cast<void*>(block), 0, bytes);
    Cell* cell = new (block) Cell(descriptor);
    cell->size_class_ = static_cast<std::uint8_t>(size_class);
    count_allocated(block_bytes);
    ++allocations_;
    return cell;
}

bool Heap::add_page(std::size_t size_class, bool collected) {
    FreeBlock*& free = free_blocks_[size_class - 1];
    std::uint8_t& page_count = page_counts_[size_class - 1];
    const std::size_t block_bytes = size_class * granule;
    const std::size_t target =
        std::min(largest_page_bytes, first_page_bytes << std::min<std::uint32_t>(page_count, 6));
    const std::size_t block_count =
        std::max<std::size_t>(1, (target - Page::header_bytes) / block_bytes);
    const std::size_t chunk_bytes = Page::header_bytes + block_count * block_bytes;
    Page* page = nullptr;
    if (reuse_spare_page(size_class)) {
        page = pages_;  // counted already; its blocks are threaded afresh below
    } else {
        if (!fits_releasing_spares(footprint(chunk_bytes))) {
            if (collected || !automatic_collection_) {
                return false;
            }
            collect();
            if (free != nullptr) {
                return true;
            }
            if (!fits_releasing_spares(footprint(chunk_bytes))) {
                return false;
            }
        }
        void* memory = allocate_memory(chunk_bytes);
        if (memory == nullptr) {
            return free != nullptr;  // the host allocator may have collected
        }
        bytes_reserved_ += footprint(chunk_bytes);
        page = static_cast<Page*>(memory);
        page->size_class = static_cast<std::uint16_t>(size_class);
        page->block_count = static_cast<std::uint16_t>(block_count);
        page->next = pages_;
        pages_ = page;
    }
    page_count = static_cast<std::uint8_t>(std::min(page_count + 1, 255));
    // Linked so that allocation takes the blocks in address order.
    for (std::size_t index = page->block_count; index-- > 0;) {
        auto* block = reinterpret_cast<FreeBlock*>(page->blocks() + index * block_bytes);
        block->next = free;
        reinterpret_cast<Cell*>(block)->flags_ = Cell::flag_free;
        free = block;
        poison_free_block(block, block_bytes);
    }
    return true;
}

Cell* Heap::allocate_large(std::size_t bytes, const CellDescriptor* descriptor, bool room_made) {
    const std::size_t chunk_bytes = LargeCell::header_bytes + bytes;
    if (room_made ? !fits_releasing_spares(footprint(chunk_bytes))
                  : !make_room(footprint(chunk_bytes))) {
        return nullptr;
    }
    void* memory = allocate_memory(chunk_bytes);
    if (memory == nullptr) {
        return nullptr;
    }
    auto* large = static_cast<LargeCell*>(memory);
    large->bytes = bytes;
    large->next = large_cells_;
    large_cells_ = large;
    Cell* cell = new (large->cell()) Cell(descriptor);
    bytes_reserved_ += footprint(chunk_bytes);
    count_allocated(footprint(chunk_bytes));
    ++allocations_;
    return cell;
}

void* Heap::allocate_block(std::size_t bytes) {
    if (bytes == 0 || !make_room(footprint(bytes))) {
        return nullptr;
    }
    void* memory = allocate_memory(bytes);
    if (memory != nullptr) {
        bytes_reserved_ += footprint(bytes);
        count_allocated(footprint(bytes));
    }
    return memory;
}

void Heap::free_block(void* block, std::size_t bytes) {
    if (block != nullptr) {
        bytes_in_use_ -= footprint(bytes);
        bytes_reserved_ -= footprint(bytes);
        free_memory(block, bytes);
    }
}

bool Heap::collect_now() {
    if (config_.collect_on_every_allocation) {
        collect();
        return true;
    }
    // Only a collection the policy schedules keeps spare pages: one made for room, or asked
    // for (gc.collect(), the host), gives every empty page back.
    keep_spare_pages_ = config_.keep_spare_pages;
    collect();
    keep_spare_pages_ = false;
    return true;
}

bool Heap::fits_after_collecting(std::size_t bytes, bool collected) {
    if (fits_releasing_spares(bytes)) {
        return true;
    }
    if (collected || !automatic_collection_) {
        return false;
    }
    collect();
    return fits_releasing_spares(bytes);
}

bool Heap::make_room(std::size_t bytes) {
    if (collecting_) {
        return false;
    }
    return fits_after_collecting(bytes, collect_if_due());
}

std::size_t Heap::footprint(std::size_t bytes) const {
    if (config_.reallocate != nullptr) {
        return bytes;
    }
    // A malloc chunk: a size word before the payload, rounded up to two-word granules, four
    // words at least (glibc's layout; other C libraries are alike within a word or two).
    constexpr std::size_t word = sizeof(std::size_t);
    constexpr std::size_t malloc_granule = 2 * word;
    return std::max(4 * word, (bytes + word + malloc_granule - 1) & ~(malloc_granule - 1));
}

std::size_t Heap::cell_footprint(std::size_t bytes) const {
    const std::size_t size_class = (bytes + granule - 1) / granule;
    if (size_class <= small_class_count && !config_.separate_cells) {
        return size_class * granule;
    }
    return footprint(LargeCell::header_bytes + bytes);
}

void* Heap::allocate_memory(std::size_t bytes) {
    if (config_.reallocate == nullptr) {
        return std::calloc(1, bytes);
    }
    return allocate_from_host(bytes);
}

void* Heap::allocate_from_host(std::size_t bytes) {
    void* memory = config_.reallocate(config_.allocator_context, nullptr, 0, bytes);
    if (memory == nullptr && automatic_collection_ && !collecting_) {
        // A host allocator (a fixed buffer) can run out below the limit: garbage may make room.
        collect();
        release_spare_pages();
        memory = config_.reallocate(config_.allocator_context, nullptr, 0, bytes);
    }
    if (memory != nullptr) {
        std::memset(memory, 0, bytes);
    }
    return memory;
}

void Heap::free_memory(void* memory, std::size_t bytes) {
    if (config_.reallocate == nullptr) {
        std::free(memory);
    } else {
        config_.reallocate(config_.allocator_context, memory, bytes, 0);
    }
}

void* Heap::allocate_untyped(std::size_t bytes) {
    if (is_locked() || collecting_ || bytes == 0 || !make_room(footprint(bytes))) {
        return nullptr;
    }
    return take_untyped(bytes);
}

void* Heap::allocate_scratch(std::size_t bytes) {
    if (is_locked() || collecting_ || bytes == 0 ||
        !fits(footprint(bytes) + scratch_reserve_bytes)) {
        return nullptr;
    }
    // Straight from the allocator: not allocate_memory(), whose host path collects when the
    // host refuses, and not zeroed, since scratch arrays are written before they are read
    // (zeroing a big integer's temporary limbs cost pidigits 15 %).
    void* memory = config_.reallocate == nullptr
                       ? std::malloc(bytes)
                       : config_.reallocate(config_.allocator_context, nullptr, 0, bytes);
    return count_untyped(memory, bytes);
}

void* Heap::take_untyped(std::size_t bytes) { return count_untyped(allocate_memory(bytes), bytes); }

void* Heap::count_untyped(void* memory, std::size_t bytes) {
    if (memory == nullptr) {
        return nullptr;
    }
    bytes_reserved_ += footprint(bytes);
    count_allocated(footprint(bytes));
    ++allocations_;
    return memory;
}

void Heap::release_untyped(void* memory, std::size_t bytes) {
    if (memory == nullptr) {
        return;
    }
    free_memory(memory, bytes);
    bytes_in_use_ -= std::min(footprint(bytes), bytes_in_use_);
    bytes_reserved_ -= std::min(footprint(bytes), bytes_reserved_);
}

void Heap::collect() {
    if (collecting_) {
        return;
    }
    collecting_ = true;
    Tracer tracer;
    mark_roots(tracer);
    drain_work_list(tracer);
    while (tracer.overflowed_) {
        tracer.overflowed_ = false;
        ++mark_rescans_;
        trace_marked_cells(tracer);
    }
    sweep();
    bytes_after_last_collection_ = bytes_in_use_;
    collection_due_at_ = due_at(bytes_in_use_);
    bytes_allocated_since_collection_ = 0;
    ++collections_;
    collecting_ = false;
}

void Heap::trace_cell(Cell* cell, Tracer& tracer) {
    if (cell->descriptor_ != nullptr && cell->descriptor_->trace != nullptr) {
        cell->descriptor_->trace(cell, tracer);
    }
}

void Heap::drain_work_list(Tracer& tracer) {
    while (tracer.count_ > 0) {
        trace_cell(tracer.work_list_[--tracer.count_], tracer);
    }
}

// After the work list overflowed: some marked cells were never traced. Tracing every marked
// cell again finds their unmarked children; cells traced before only find marked ones.
void Heap::trace_marked_cells(Tracer& tracer) {
    for (Page* page = pages_; page != nullptr; page = page->next) {
        const std::size_t block_bytes = page->size_class * granule;
        for (std::size_t index = 0; index < page->block_count; ++index) {
            auto* cell = reinterpret_cast<Cell*>(page->blocks() + index * block_bytes);
            if ((cell->flags_ & Cell::flag_free) == 0 && cell->is_marked()) {
                trace_cell(cell, tracer);
                drain_work_list(tracer);
            }
        }
    }
    for (LargeCell* large = large_cells_; large != nullptr; large = large->next) {
        if (large->cell()->is_marked()) {
            trace_cell(large->cell(), tracer);
            drain_work_list(tracer);
        }
    }
}

void Heap::add_root_provider(RootProvider* provider) {
    if (inline_root_provider_count_ < inline_root_providers_.size()) {
        inline_root_providers_[inline_root_provider_count_++] = provider;
    } else {
        more_root_providers_.push_back(provider);
    }
}

void Heap::remove_root_provider(RootProvider* provider) {
    const auto inline_end = inline_root_providers_.begin() + inline_root_provider_count_;
    const auto found = std::find(inline_root_providers_.begin(), inline_end, provider);
    if (found == inline_end) {
        more_root_providers_.erase(
            std::remove(more_root_providers_.begin(), more_root_providers_.end(), provider),
            more_root_providers_.end());
        return;
    }
    std::copy(found + 1, inline_end, found);
    --inline_root_provider_count_;
}

void Heap::mark_roots(Tracer& tracer) {
    for (std::size_t index = 0; index < inline_root_provider_count_; ++index) {
        inline_root_providers_[index]->trace_roots(tracer);
    }
    for (RootProvider* provider : more_root_providers_) {
        provider->trace_roots(tracer);
    }
    for (ScopedRoot* root = scoped_roots_; root != nullptr; root = root->previous_) {
        root->trace(tracer);
    }
}

void Heap::sweep() {
    if (!keep_spare_pages_) {
        release_spare_pages();
    }
    Page* empty_pages = sweep_pages();
    LargeCell* dead_large_cells = sweep_large_cells();
    release(empty_pages, dead_large_cells);
#ifdef XIPY_GC_POISON
    // Poisoned only now that every finalizer has run: one may read a swept cell's payload
    // (its descriptor, in a class that died too). The free-list link and the flags stay
    // readable, and a class's descriptor lies past its object header, so neither overwrote it.
    for (std::size_t index = 0; index < small_class_count; ++index) {
        for (FreeBlock* block = free_blocks_[index]; block != nullptr; block = block->next) {
            poison_free_block(block, (index + 1) * granule);
        }
    }
#endif
}

Heap::Page* Heap::sweep_pages() {
    // The free lists are rebuilt from the pages, so that an empty page can leave with its
    // blocks.
    for (FreeBlock*& free : free_blocks_) {
        free = nullptr;
    }
    Page* empty_pages = nullptr;
    // Pages beyond what the next interval allocates would wait a whole interval unused. The
    // interval counts cells' bytes (collect_if_due()) and pages hold more than their cells (a
    // header, blocks free at the collection), hence the factor of two.
    const std::size_t spare_limit =
        std::min(config_.limit_bytes / spare_share,
                 2 * std::max(bytes_after_last_collection_, minimum_collection_interval));
    Page** link = &pages_;
    while (*link != nullptr) {
        Page* page = *link;
        const std::size_t block_bytes = page->size_class * granule;
        FreeBlock* free = nullptr;
        FreeBlock* last_free = nullptr;
        std::size_t live = 0;
        for (std::size_t index = page->block_count; index-- > 0;) {
            std::uint8_t* block = page->blocks() + index * block_bytes;
            auto* cell = reinterpret_cast<Cell*>(block);
            if ((cell->flags_ & Cell::flag_free) == 0) {
                if (cell->is_marked()) {
                    cell->flags_ &= static_cast<std::uint8_t>(~Cell::flag_marked);
                    ++live;
                    continue;
                }
                finalize(cell);
                bytes_in_use_ -= block_bytes;
                cell->flags_ = Cell::flag_free;
            }
            auto* free_block = reinterpret_cast<FreeBlock*>(block);
            free_block->next = free;
            free = free_block;
            if (last_free == nullptr) {
                last_free = free_block;
            }
        }
        std::uint8_t& page_count = page_counts_[page->size_class - 1];
        if (live == 0) {
            *link = page->next;
            page_count = static_cast<std::uint8_t>(page_count - (page_count > 0 ? 1 : 0));
            const std::size_t page_footprint = footprint(page->chunk_bytes());
            if (keep_spare_pages_ && spare_bytes_ + page_footprint <= spare_limit) {
                page->next = spare_pages_;
                spare_pages_ = page;
                spare_bytes_ += page_footprint;
                peak_spare_bytes_ = std::max(peak_spare_bytes_, spare_bytes_);
                continue;
            }
            bytes_reserved_ -= page_footprint;
            page->next = empty_pages;
            empty_pages = page;
            continue;
        }
        if (free != nullptr) {
            last_free->next = free_blocks_[page->size_class - 1];
            free_blocks_[page->size_class - 1] = free;
        }
        link = &page->next;
    }
    return empty_pages;
}

Heap::LargeCell* Heap::sweep_large_cells() {
    LargeCell* dead = nullptr;
    LargeCell** link = &large_cells_;
    while (*link != nullptr) {
        LargeCell* large = *link;
        Cell* cell = large->cell();
        if (cell->is_marked()) {
            cell->flags_ &= static_cast<std::uint8_t>(~Cell::flag_marked);
            link = &large->next;
            continue;
        }
        *link = large->next;
        finalize(cell);
        const std::size_t chunk_bytes = LargeCell::header_bytes + large->bytes;
        bytes_in_use_ -= footprint(chunk_bytes);
        bytes_reserved_ -= footprint(chunk_bytes);
        large->next = dead;
        dead = large;
    }
    return dead;
}

void Heap::finalize(Cell* cell) {
    if (cell->descriptor_ != nullptr && cell->descriptor_->finalize != nullptr) {
        cell->descriptor_->finalize(cell);
    }
}

}  // namespace xipy::gc
