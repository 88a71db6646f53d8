// ScratchScope: which MemorySource short-lived native arrays on this thread draw on.
#pragma once

#include "support/memory_source.hpp"

namespace xipy::support {

// Code below the object layer (a big integer's digits, for one) cannot reach the VM it works
// for, yet its scratch should come from that VM's heap like everything else. A VM names its
// scratch memory for the thread while it runs a program (a ScratchScope), and such code asks
// for it here; null when no VM runs on this thread, where the C library serves instead. One
// thread may nest VMs (a native function of one running another): each scope puts back the
// one it replaced. Hosted builds may run VMs on several threads at once, so each thread has
// its own; bare-metal builds have one.
namespace scratch_scope_detail {
#if XIPY_HOSTED
inline thread_local MemorySource* current = nullptr;
#else
inline MemorySource* current = nullptr;
#endif
}  // namespace scratch_scope_detail

inline MemorySource* current_scratch_memory() { return scratch_scope_detail::current; }

class ScratchScope {
  public:
    explicit ScratchScope(MemorySource& source) : previous_(scratch_scope_detail::current) {
        scratch_scope_detail::current = &source;
    }
    ~ScratchScope() { scratch_scope_detail::current = previous_; }
    ScratchScope(const ScratchScope&) = delete;
    ScratchScope& operator=(const ScratchScope&) = delete;

  private:
    MemorySource* previous_;
};

}  // namespace xipy::support
