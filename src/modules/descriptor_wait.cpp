// Waiting for host file descriptors: poll() in slices, with the VM's lock released.
#include "modules/descriptor_wait.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>

#include "object/exception_object.hpp"
#include "vm/threads.hpp"

namespace xipy::modules {

namespace {

// One slice: what poll() is asked and what it answered, passed through run_released().
struct PollSlice {
    std::span<pollfd> descriptors;
    int timeout_ms;
    int result = 0;
    int error = 0;
};

void poll_slice(void* context) {
    auto* slice = static_cast<PollSlice*>(context);
    slice->result = ::poll(slice->descriptors.data(),
                           static_cast<nfds_t>(slice->descriptors.size()), slice->timeout_ms);
    slice->error = slice->result < 0 ? errno : 0;
}

}  // namespace

std::optional<int> wait_for_descriptors(object::Runtime& runtime, std::span<pollfd> descriptors,
                                        std::int64_t timeout_ms, std::int64_t slice_ms) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    for (;;) {
        std::int64_t wait = slice_ms;
        if (timeout_ms >= 0) {
            const auto elapsed =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
            wait = std::clamp<std::int64_t>(timeout_ms - elapsed, 0, slice_ms);
        }
        PollSlice slice{descriptors, static_cast<int>(wait)};
        if (!vm::run_released(runtime, poll_slice, &slice)) {
            return std::nullopt;
        }
        if (slice.result < 0 && slice.error != EINTR) {
            object::raise_os_error(runtime, slice.error);
            return std::nullopt;
        }
        if (slice.result > 0 ||
            (timeout_ms >= 0 && Clock::now() - start >= std::chrono::milliseconds(timeout_ms))) {
            return std::max(slice.result, 0);
        }
    }
}

}  // namespace xipy::modules
