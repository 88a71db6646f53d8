// HeapMemory and ScratchMemory: a VM's heap as a MemorySource, collecting to make room or never.
#pragma once

#include <cstddef>

#include "gc/heap.hpp"
#include "support/memory_source.hpp"

namespace xipy::object {

// For the loader, the verifier and module tables: every block counts in the heap's
// bytes_in_use() (gc.mem_alloc()) and against its limit, so what loading a module costs is as
// visible, and as bounded, as the objects it makes. A block may collect first to make room.
class HeapMemory final : public support::MemorySource {
  public:
    explicit HeapMemory(gc::Heap& heap) : heap_(heap) {}
    void* allocate(std::size_t bytes) override { return heap_.allocate_untyped(bytes); }
    void release(void* memory, std::size_t bytes) override { heap_.release_untyped(memory, bytes); }

  private:
    gc::Heap& heap_;
};

// For what native code gathers for a moment (a call's arguments, a sort's order, the pieces of
// a join): counted the same way, so a VM over a fixed buffer needs no malloc for it, but it
// never collects (gc::Heap::allocate_scratch()), since the values gathered are often seen by
// no root. When it refuses, its users fall back to the C library (support::SmallVector).
class ScratchMemory final : public support::MemorySource {
  public:
    explicit ScratchMemory(gc::Heap& heap) : heap_(heap) {}
    void* allocate(std::size_t bytes) override { return heap_.allocate_scratch(bytes); }
    void release(void* memory, std::size_t bytes) override { heap_.release_untyped(memory, bytes); }

  private:
    gc::Heap& heap_;
};

}  // namespace xipy::object
