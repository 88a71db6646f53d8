// ModuleState: the per-VM settings the micropython and time modules keep between calls.
#pragma once

#include <chrono>
#include <cstdint>

namespace xipy::vm {

// Plain settings, no heap references. (gc.enable() and gc.threshold() are the heap's own
// settings: see gc::Heap.)
struct ModuleState {
    std::int64_t optimisation_level = 0;
    // ticks_ms() and friends count from here, so they start small.
    std::chrono::steady_clock::time_point ticks_start = std::chrono::steady_clock::now();
};

}  // namespace xipy::vm
