// SourceAllocator: a standard allocator over a MemorySource, for texts a VM keeps for its host.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <string>
#include <type_traits>

#include "support/memory_source.hpp"

namespace xipy::support {

// What a VM reports after a run (an uncaught exception's type, message and traceback) must
// survive a full heap, yet a fixed-buffer VM must not call malloc for it when the heap has
// room. Each block comes from the source when it gives one, else from the C library, and
// remembers which in a header, so losing the text is never the price of a full heap.
//
// Invariants: every block handed out starts `header_bytes` before the pointer returned; its
// first byte is 1 when the block came from `source_`. Allocators compare equal when they
// share a source. A container moved into another adopts the source (a string made with the
// VM's allocator keeps it); a copy assigned keeps the target's; a swap exchanges sources with
// the contents, so each block still goes back where it came from.
template <class T>
class SourceAllocator {
  public:
    using value_type = T;
    using propagate_on_container_move_assignment = std::true_type;
    using propagate_on_container_swap = std::true_type;
    using is_always_equal = std::false_type;

    explicit SourceAllocator(MemorySource* source = nullptr) noexcept : source_(source) {}
    template <class Other>
    SourceAllocator(const SourceAllocator<Other>& other) noexcept : source_(other.source()) {}

    T* allocate(std::size_t count) {
        const std::size_t bytes = header_bytes + count * sizeof(T);
        void* block = source_ != nullptr ? source_->allocate(bytes) : nullptr;
        const bool from_source = block != nullptr;
        if (block == nullptr) {
            block = std::malloc(bytes);
            if (block == nullptr) {
                std::abort();  // the C library itself is out of memory: nothing can continue
            }
        }
        auto* start = static_cast<unsigned char*>(block);
        start[0] = from_source ? 1 : 0;
        return reinterpret_cast<T*>(start + header_bytes);
    }
    void deallocate(T* pointer, std::size_t count) noexcept {
        unsigned char* start = reinterpret_cast<unsigned char*>(pointer) - header_bytes;
        if (start[0] == 1) {
            source_->release(start, header_bytes + count * sizeof(T));
        } else {
            std::free(start);
        }
    }

    MemorySource* source() const noexcept { return source_; }
    template <class Other>
    bool operator==(const SourceAllocator<Other>& other) const noexcept {
        return source_ == other.source();
    }

  private:
    static constexpr std::size_t header_bytes = alignof(std::max_align_t);
    MemorySource* source_;
};

// A std::string whose characters come from a MemorySource (see SourceAllocator).
using SourceString = std::basic_string<char, std::char_traits<char>, SourceAllocator<char>>;

}  // namespace xipy::support
