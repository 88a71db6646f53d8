// Heap: allocation with a byte limit, and mark-and-sweep collection.
#include "gc/heap.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace xipy::gc {

namespace {

// Collect once the bytes allocated since the last collection reach the live
// bytes it left (so the heap at most doubles between collections), but not
// more often than every `minimum_collection_interval` bytes.
constexpr std::size_t minimum_collection_interval = 256 * 1024;

}  // namespace

ScopedRoot::ScopedRoot(Heap& heap) : heap_(heap), previous_(heap.scoped_roots_) {
    heap.scoped_roots_ = this;
}

ScopedRoot::~ScopedRoot() { heap_.scoped_roots_ = previous_; }

Heap::Heap(HeapConfig config) : config_(config) {}

Heap::~Heap() {
    Cell* cell = all_cells_;
    while (cell != nullptr) {
        Cell* next = cell->next_;
        release(cell);
        cell = next;
    }
}

Cell* Heap::allocate(std::size_t bytes, const CellDescriptor* descriptor) {
    if (is_locked() || bytes < sizeof(Cell) || bytes > UINT32_MAX || !make_room(footprint(bytes))) {
        return nullptr;
    }
    void* memory = allocate_memory(bytes);
    if (memory == nullptr) {
        return nullptr;
    }
    Cell* cell = new (memory) Cell(descriptor);
    cell->size_ = static_cast<std::uint32_t>(bytes);
    cell->next_ = all_cells_;
    all_cells_ = cell;
    count_allocated(footprint(bytes));
    ++allocations_;
    return cell;
}

void* Heap::allocate_block(std::size_t bytes) {
    if (bytes == 0 || !make_room(footprint(bytes))) {
        return nullptr;
    }
    void* memory = allocate_memory(bytes);
    if (memory != nullptr) {
        count_allocated(footprint(bytes));
    }
    return memory;
}

void Heap::free_block(void* block, std::size_t bytes) {
    if (block != nullptr) {
        bytes_in_use_ -= footprint(bytes);
        free_memory(block, bytes);
    }
}

bool Heap::make_room(std::size_t bytes) {
    if (collecting_) {
        return false;
    }
    bool collected = false;
    if (config_.collect_on_every_allocation) {
        collect();
        collected = true;
    } else if (automatic_collection_) {
        const std::size_t interval =
            std::max(bytes_after_last_collection_, minimum_collection_interval);
        const bool interval_reached = bytes_in_use_ - bytes_after_last_collection_ >= interval;
        const bool threshold_reached = bytes_allocated_since_collection_ >= threshold_bytes_;
        if (interval_reached || threshold_reached) {
            collect();
            collected = true;
        }
    }
    const auto fits = [&] {
        return bytes <= config_.limit_bytes - std::min(bytes_in_use_, config_.limit_bytes);
    };
    if (!fits()) {
        if (collected || !automatic_collection_) {
            return false;
        }
        collect();
        return fits();
    }
    return true;
}

std::size_t Heap::footprint(std::size_t bytes) const {
    if (config_.reallocate != nullptr) {
        return bytes;
    }
    // A malloc chunk: a size word before the payload, rounded up to two-word granules, four
    // words at least (glibc's layout; other C libraries are alike within a word or two).
    constexpr std::size_t word = sizeof(std::size_t);
    constexpr std::size_t granule = 2 * word;
    return std::max(4 * word, (bytes + word + granule - 1) & ~(granule - 1));
}

void* Heap::allocate_memory(std::size_t bytes) {
    if (config_.reallocate == nullptr) {
        return std::calloc(1, bytes);
    }
    return allocate_from_host(bytes);
}

void* Heap::allocate_from_host(std::size_t bytes) {
    void* memory = config_.reallocate(config_.allocator_context, nullptr, 0, bytes);
    if (memory == nullptr && automatic_collection_) {
        // A host allocator (a fixed buffer) can run out below the limit: garbage may make room.
        collect();
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

void Heap::count_allocated(std::size_t bytes) {
    bytes_in_use_ += bytes;
    peak_bytes_in_use_ = std::max(peak_bytes_in_use_, bytes_in_use_);
    bytes_allocated_since_collection_ += bytes;
    bytes_allocated_ += bytes;
}

void* Heap::allocate_untyped(std::size_t bytes) {
    if (is_locked() || collecting_ || bytes == 0 || !make_room(footprint(bytes))) {
        return nullptr;
    }
    void* memory = allocate_memory(bytes);
    if (memory == nullptr) {
        return nullptr;
    }
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
}

void Heap::collect() {
    if (collecting_) {
        return;
    }
    collecting_ = true;
    mark_roots(tracer_);
    while (!tracer_.work_list_.empty()) {
        Cell* cell = tracer_.work_list_.back();
        tracer_.work_list_.pop_back();
        if (cell->descriptor_ != nullptr && cell->descriptor_->trace != nullptr) {
            cell->descriptor_->trace(cell, tracer_);
        }
    }
    sweep();
    bytes_after_last_collection_ = bytes_in_use_;
    bytes_allocated_since_collection_ = 0;
    ++collections_;
    collecting_ = false;
}

void Heap::add_root_provider(RootProvider* provider) { root_providers_.push_back(provider); }

void Heap::remove_root_provider(RootProvider* provider) {
    root_providers_.erase(std::remove(root_providers_.begin(), root_providers_.end(), provider),
                          root_providers_.end());
}

void Heap::mark_roots(Tracer& tracer) {
    for (RootProvider* provider : root_providers_) {
        provider->trace_roots(tracer);
    }
    for (ScopedRoot* root = scoped_roots_; root != nullptr; root = root->previous_) {
        root->trace(tracer);
    }
}

void Heap::sweep() {
    Cell** link = &all_cells_;
    while (*link != nullptr) {
        Cell* cell = *link;
        if (cell->is_marked()) {
            cell->flags_ &= static_cast<std::uint8_t>(~Cell::flag_marked);
            link = &cell->next_;
        } else {
            *link = cell->next_;
            bytes_in_use_ -= footprint(cell->size_);
            release(cell);
        }
    }
}

void Heap::release(Cell* cell) {
    if (cell->descriptor_ != nullptr && cell->descriptor_->finalize != nullptr) {
        cell->descriptor_->finalize(cell);
    }
    free_memory(cell, cell->size_);
}

}  // namespace xipy::gc
