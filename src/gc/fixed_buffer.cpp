// FixedBufferAllocator: size-class lists for small blocks, an address-ordered list for large ones.
#include "gc/fixed_buffer.hpp"

namespace xipy::gc {

FixedBufferAllocator::FixedBufferAllocator(void* buffer, std::size_t bytes) {
    const auto address = reinterpret_cast<std::uintptr_t>(buffer);
    const std::uintptr_t aligned = (address + granule - 1) / granule * granule;
    if (buffer == nullptr || aligned - address >= bytes) {
        return;
    }
    start_ = aligned;
    cursor_ = aligned;
    end_ = aligned + (bytes - (aligned - address)) / granule * granule;
    bytes_free_ = end_ - cursor_;
}

void* FixedBufferAllocator::allocate(std::size_t bytes) {
    if (bytes == 0 || bytes > bytes_free_) {
        return nullptr;
    }
    if (void* block = take(bytes)) {
        return block;
    }
    return coalesce() ? take(bytes) : nullptr;
}

void* FixedBufferAllocator::take(std::size_t bytes) {
    const std::size_t size = rounded(bytes);
    const std::size_t granules = size / granule;
    if (granules <= small_class_count && small_[granules] != nullptr) {
        FreeBlock* block = small_[granules];
        small_[granules] = block->next;
        bytes_free_ -= size;
        return block;
    }
    if (size <= end_ - cursor_) {
        void* block = reinterpret_cast<void*>(cursor_);
        cursor_ += size;
        bytes_free_ -= size;
        return block;
    }
    if (void* block = take_large(size)) {
        return block;
    }
    // Last resort: split a free small block of a bigger class; its rest joins its own class.
    for (std::size_t bigger = granules + 1; bigger <= small_class_count; ++bigger) {
        FreeBlock* block = small_[bigger];
        if (block == nullptr) {
            continue;
        }
        small_[bigger] = block->next;
        const std::size_t rest_granules = bigger - granules;
        auto* rest = reinterpret_cast<FreeBlock*>(reinterpret_cast<std::uintptr_t>(block) + size);
        rest->next = small_[rest_granules];
        rest->bytes = rest_granules * granule;
        small_[rest_granules] = rest;
        bytes_free_ -= size;
        return block;
    }
    return nullptr;
}

void* FixedBufferAllocator::take_large(std::size_t size) {
    for (FreeBlock** link = &large_; *link != nullptr; link = &(*link)->next) {
        FreeBlock* block = *link;
        if (block->bytes < size) {
            continue;
        }
        if (block->bytes == size) {
            *link = block->next;
        } else {
            // The rest stays in place on the list, so the order by address holds.
            auto* rest =
                reinterpret_cast<FreeBlock*>(reinterpret_cast<std::uintptr_t>(block) + size);
            rest->next = block->next;
            rest->bytes = block->bytes - size;
            *link = rest;
        }
        bytes_free_ -= size;
        return block;
    }
    return nullptr;
}

void FixedBufferAllocator::free(void* block, std::size_t bytes) {
    if (block == nullptr || bytes == 0) {
        return;
    }
    const std::size_t size = rounded(bytes);
    const std::size_t granules = size / granule;
    bytes_free_ += size;
    const auto address = reinterpret_cast<std::uintptr_t>(block);
    if (address + size == cursor_) {
        cursor_ = address;  // the last block cut: give it back to the untouched end
        return;
    }
    if (granules <= small_class_count) {
        auto* free_block = static_cast<FreeBlock*>(block);
        free_block->next = small_[granules];
        free_block->bytes = size;
        small_[granules] = free_block;
        return;
    }
    free_large(address, size);
}

void FixedBufferAllocator::free_large(std::uintptr_t address, std::size_t size) {
    FreeBlock* previous = nullptr;
    FreeBlock* next = large_;
    while (next != nullptr && reinterpret_cast<std::uintptr_t>(next) < address) {
        previous = next;
        next = next->next;
    }
    auto* block = reinterpret_cast<FreeBlock*>(address);
    block->bytes = size;
    block->next = next;
    if (next != nullptr && address + size == reinterpret_cast<std::uintptr_t>(next)) {
        block->bytes += next->bytes;
        block->next = next->next;
    }
    if (previous != nullptr &&
        reinterpret_cast<std::uintptr_t>(previous) + previous->bytes == address) {
        previous->bytes += block->bytes;
        previous->next = block->next;
    } else if (previous != nullptr) {
        previous->next = block;
    } else {
        large_ = block;
    }
}

namespace {

// Sorts a list of free blocks by address: a bottom-up merge sort, which needs no memory
// beyond the blocks themselves.
template <class Block>
Block* sorted_by_address(Block* list) {
    const auto before = [](const Block* left, const Block* right) {
        return reinterpret_cast<std::uintptr_t>(left) < reinterpret_cast<std::uintptr_t>(right);
    };
    for (std::size_t run = 1;; run *= 2) {
        Block* rest = list;
        Block* merged = nullptr;
        Block** tail = &merged;
        std::size_t merges = 0;
        while (rest != nullptr) {
            ++merges;
            Block* left = rest;
            std::size_t left_size = 0;
            while (rest != nullptr && left_size < run) {
                rest = rest->next;
                ++left_size;
            }
            Block* right = rest;
            std::size_t right_size = 0;
            while (rest != nullptr && right_size < run) {
                rest = rest->next;
                ++right_size;
            }
            while (left_size > 0 || right_size > 0) {
                Block* next = nullptr;
                if (right_size == 0 || (left_size > 0 && before(left, right))) {
                    next = left;
                    left = left->next;
                    --left_size;
                } else {
                    next = right;
                    right = right->next;
                    --right_size;
                }
                *tail = next;
                tail = &next->next;
            }
        }
        *tail = nullptr;
        list = merged;
        if (merges <= 1) {
            return list;
        }
    }
}

}  // namespace

bool FixedBufferAllocator::coalesce() {
    FreeBlock* small_blocks = nullptr;
    for (FreeBlock*& head : small_) {
        while (head != nullptr) {
            FreeBlock* block = head;
            head = block->next;
            block->next = small_blocks;
            small_blocks = block;
        }
    }
    small_blocks = sorted_by_address(small_blocks);
    // Both lists in address order, merged into one, each block joined to the one before it
    // when they touch.
    bool merged = false;
    FreeBlock* all = nullptr;
    FreeBlock* last = nullptr;
    FreeBlock* large = large_;
    while (small_blocks != nullptr || large != nullptr) {
        FreeBlock*& source = large == nullptr || (small_blocks != nullptr &&
                                                  reinterpret_cast<std::uintptr_t>(small_blocks) <
                                                      reinterpret_cast<std::uintptr_t>(large))
                                 ? small_blocks
                                 : large;
        FreeBlock* block = source;
        source = block->next;
        if (last != nullptr && reinterpret_cast<std::uintptr_t>(last) + last->bytes ==
                                   reinterpret_cast<std::uintptr_t>(block)) {
            last->bytes += block->bytes;
            merged = true;
            continue;
        }
        block->next = nullptr;
        (last != nullptr ? last->next : all) = block;
        last = block;
    }
    // The last free run may end where the untouched part of the buffer begins.
    large_ = nullptr;
    FreeBlock** large_tail = &large_;
    for (FreeBlock* block = all; block != nullptr;) {
        FreeBlock* next = block->next;
        const auto address = reinterpret_cast<std::uintptr_t>(block);
        if (address + block->bytes == cursor_) {
            cursor_ = address;
            merged = true;
        } else if (block->bytes / granule <= small_class_count) {
            block->next = small_[block->bytes / granule];
            small_[block->bytes / granule] = block;
        } else {
            block->next = nullptr;
            *large_tail = block;
            large_tail = &block->next;
        }
        block = next;
    }
    return merged;
}

void* FixedBufferAllocator::reallocate(void* context, void* block, std::size_t old_bytes,
                                       std::size_t new_bytes) {
    auto* allocator = static_cast<FixedBufferAllocator*>(context);
    if (new_bytes == 0) {
        allocator->free(block, old_bytes);
        return nullptr;
    }
    if (block != nullptr) {
        return nullptr;
    }
    return allocator->allocate(new_bytes);
}

}  // namespace xipy::gc
