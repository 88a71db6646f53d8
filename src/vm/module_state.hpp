// ModuleState: the per-VM settings the gc and micropython modules keep between calls.
#pragma once

#include <chrono>
#include <cstdint>

namespace xipy::vm {

// Plain settings, no heap references. `gc_threshold` is -1 when unset; `gc_enabled` and
// `gc_threshold` are reported back to Python (the heap decides on its own when to collect).
struct ModuleState {
    bool gc_enabled = true;
    std::int64_t gc_threshold = -1;
    std::int64_t optimisation_level = 0;
    // ticks_ms() and friends count from here, so they start small.
    std::chrono::steady_clock::time_point ticks_start = std::chrono::steady_clock::now();
};

}  // namespace xipy::vm
