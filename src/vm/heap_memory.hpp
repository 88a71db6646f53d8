// HeapMemory: a VM's heap as the MemorySource its loader, verifier and module tables draw on.
#pragma once

#include <cstddef>

#include "gc/heap.hpp"
#include "support/memory_source.hpp"

namespace xipy::vm {

// Every block counts in the heap's bytes_in_use() (gc.mem_alloc()) and against its limit, so
// what loading a module costs is as visible, and as bounded, as the objects it makes.
class HeapMemory final : public support::MemorySource {
  public:
    explicit HeapMemory(gc::Heap& heap) : heap_(heap) {}
    void* allocate(std::size_t bytes) override { return heap_.allocate_untyped(bytes); }
    void release(void* memory, std::size_t bytes) override { heap_.release_untyped(memory, bytes); }

  private:
    gc::Heap& heap_;
};

}  // namespace xipy::vm
