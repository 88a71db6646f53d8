// Waiting for host file descriptors (sockets) to be ready, without holding up the VM.
#pragma once

#include <poll.h>

#include <cstdint>
#include <optional>
#include <span>

#include "object/runtime.hpp"

namespace xipy::modules {

// Waits until one of `descriptors` has an event it asks for (or an error or hang-up), or until
// `timeout_ms` milliseconds pass (negative: no limit). It polls in slices of at most
// `slice_ms` with the VM's lock released, so the program's other threads run meanwhile, and
// looks for an interrupt between slices, so xipy_vm_interrupt() ends even an endless wait.
// The count of descriptors with events (their revents set), 0 when the time ran out;
// nothing with the exception pending (KeyboardInterrupt, a stopped thread, or OSError from
// poll()).
std::optional<int> wait_for_descriptors(object::Runtime& runtime, std::span<pollfd> descriptors,
                                        std::int64_t timeout_ms, std::int64_t slice_ms = 20);

}  // namespace xipy::modules
