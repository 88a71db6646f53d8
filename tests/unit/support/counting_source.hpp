// CountingSource: a MemorySource for tests that counts the bytes it holds and can refuse.
#pragma once

#include <cstddef>

#include "support/memory_source.hpp"

namespace xipy::support {

class CountingSource final : public MemorySource {
  public:
    void* allocate(std::size_t bytes) override {
        if (refusing) {
            return nullptr;
        }
        live_bytes += bytes;
        return system_memory().allocate(bytes);
    }
    void release(void* memory, std::size_t bytes) override {
        live_bytes -= bytes;
        system_memory().release(memory, bytes);
    }
    bool refusing = false;
    std::size_t live_bytes = 0;
};

}  // namespace xipy::support
