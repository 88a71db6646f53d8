// ScratchMemory: a VM's heap as the MemorySource of native scratch arrays, never collecting.
#pragma once

#include <cstddef>

#include "gc/heap.hpp"
#include "support/memory_source.hpp"

namespace xipy::object {

// What native code gathers for a moment (a call's arguments, a sort's order, the pieces of a
// join) comes from the heap, counted in gc.mem_alloc() and against the limit, so a VM over a
// fixed buffer needs no malloc for it. It never collects (gc::Heap::allocate_scratch()): the
// values gathered are often seen by no root. When it refuses, its users fall back to the C
// library (support::SmallVector), as before.
class ScratchMemory final : public support::MemorySource {
  public:
    explicit ScratchMemory(gc::Heap& heap) : heap_(heap) {}
    void* allocate(std::size_t bytes) override { return heap_.allocate_scratch(bytes); }
    void release(void* memory, std::size_t bytes) override { heap_.release_untyped(memory, bytes); }

  private:
    gc::Heap& heap_;
};

}  // namespace xipy::object
